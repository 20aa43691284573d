"""Mends of helper M112: misreadings left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Two trucks go to puddle 1 and puddle 2, one truck to each." sent two groups of two trucks, each visiting both
   puddles: the counted "one" of "one each" / "one apiece" / "one (truck) to each" was read as a robot (one more
   truck) before the phrase that pairs robots with places. Such a phrase now pairs the group's robots with the places
   in order, as "respectively" does (rules 3, 6 and 19: one group of one truck per place).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import T, assert_plan, task

# -- finding 1: "one each", "one truck to each" pair an unnamed group with the places --------------------------------

ONE_TRUCK = [("dump_truck", 1)]


@pytest.mark.parametrize("text, places", [
    ("First thing in the morning, two trucks go to puddle 1 and puddle 2, one truck to each.", ("puddle1", "puddle2")),
    ("Two trucks go to puddle 1 and puddle 2, one truck to each.", ("puddle1", "puddle2")),
    ("I'd like a couple of trucks to check obstacle 1 and obstacle 2, one each.", ("obstacle1", "obstacle2")),
    ("Two trucks check obstacle 1 and obstacle 2, one apiece.", ("obstacle1", "obstacle2")),
    ("Send two dump trucks to rock 1 and rock 2, one to each.", ("rock1", "rock2")),
    ("Two trucks should inspect soil 2 and puddle 1, one dump truck for each.", ("soil2", "puddle1")),
])
def test_one_each_pairs_an_unnamed_group_with_the_places(fleet, world, text, places):
    assert_plan(text, fleet, world, *(task(f"m{k}", T, types=ONE_TRUCK, objs=[p]) for k, p in enumerate(places)))


@pytest.mark.parametrize("text", [
    "Trucks 1 and 2 go to puddle 1 and puddle 2, one truck to each.",
    "Trucks 1 and 2 go to puddle 1 and puddle 2, one each.",
    "Send trucks 1 and 2 to puddle 1 and puddle 2, one to each.",
])
def test_one_each_pairs_named_robots_with_the_places(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, ["robot_dump_truck_01"], ["puddle1"]),
                task("b", T, ["robot_dump_truck_02"], ["puddle2"]))


def test_one_truck_said_alone_stays_a_robot(fleet, world):
    assert_plan("Two trucks go to puddle 1, and one truck goes to puddle 2.", fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["puddle1"]),
                task("b", T, types=ONE_TRUCK, objs=["puddle2"]))
