"""Mends of helper M112: misreadings left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Two trucks go to puddle 1 and puddle 2, one truck to each." sent two groups of two trucks, each visiting both
   puddles: the counted "one" of "one each" / "one apiece" / "one (truck) to each" was read as a robot (one more
   truck) before the phrase that pairs robots with places. Such a phrase now pairs the group's robots with the places
   in order, as "respectively" does (rules 3, 6 and 19: one group of one truck per place).
2. "Later on, excavator 2 and truck 1 dig at soil 1." dropped truck 1 without a word (no move, no refusal): a
   digging said with its place for robots of which some cannot dig kept only those that can. No gold line sends a
   truck along on a digging said for it (the writers say the pair goes there, then the excavator digs: L2_008,
   L3_016, L3_028), so the plan is refused, naming the truck; a truck already at the place, or sent there in the
   same clause, stays as before.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import DIG, E2, E3, T, assert_plan, task
from test_rules_mends13 import _problems  # a plan's problems

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


# -- finding 2: a digging said for a truck as well is refused, naming the truck ---------------------------------------

@pytest.mark.parametrize("text, truck", [
    ("Later on, excavator 2 and truck 1 dig at soil 1.", "robot_dump_truck_01"),
    ("Excavator 2 and truck 1 dig at soil 1.", "robot_dump_truck_01"),
    ("Truck 1 and excavator 2 dig at soil 1.", "robot_dump_truck_01"),
    ("Have excavator 1 and dump truck 2 break up rock 1.", "robot_dump_truck_02"),
    ("Excavator 2 and dump truck 3 go and excavate rock 2.", "robot_dump_truck_03"),
    ("Excavators 1 and 2 and truck 3 dig at soil 2.", "robot_dump_truck_03"),
])
def test_a_digging_said_for_a_truck_as_well_is_refused_naming_it(fleet, world, text, truck):
    problems = _problems(text, fleet, world)
    assert any(truck in p and "cannot dig" in p for p in problems), problems


def test_a_pair_sent_to_the_place_first_still_digs_there(fleet, world):
    for text in ("Excavator 3 and truck 3 go to soil 2 and dig at soil 2.",
                 "Excavator 3 and truck 3 go to soil 2 and dig there.",
                 "Excavator 3 and truck 3 go to soil 2 and dig."):
        assert_plan(text, fleet, world, task("m", T, [E3, "robot_dump_truck_03"], ["soil2"]),
                    task("d", DIG, [E3], deps=["m"]))


def test_an_excavator_alone_still_digs(fleet, world):
    assert_plan("Excavator 2 digs at soil 1.", fleet, world, task("m", T, [E2], ["soil1"]),
                task("d", DIG, [E2], deps=["m"]))
