"""Mends of helper M129: known misreadings left by the helpers of round 23.

1. "Soil 2 is off limits to the trucks until the digging there is finished. Excavator 2 digs at soil 2. Afterwards
   truck 1 drives to soil 2": the keep-out was put up and never lifted, and truck 1 was sent into soil 2 while it was
   still closed, with no error. A robotless "until <work>" whose work a later sentence orders ends the keep-out at
   the first such step at the keep-out's place (or the place it names), as "until excavator 2 has inspected it"
   already did; and a move into a place closed to every robot of its type is refused like one closed to it by id.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D3, DIG, E1, E2, LOAD, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "until the digging is finished" said before the digging ends the keep-out there ---------------------

TRUCKS = [("dump_truck", 3)]


@pytest.mark.parametrize("text", [
    "Soil 2 is off limits to the trucks until the digging there is finished. Excavator 2 digs at soil 2. "
    "Afterwards truck 1 drives to soil 2 and excavator 2 loads it.",
    "Soil 2 is off limits to the trucks until the digging is finished. Excavator 2 digs at soil 2. "
    "Afterwards truck 1 drives to soil 2 and excavator 2 loads it.",
    "Soil 2 is off limits to the trucks until the digging at soil 2 is finished. Excavator 2 digs at soil 2. "
    "Then truck 1 drives to soil 2 and excavator 2 loads it.",
])
def test_a_keep_out_until_a_later_digging_is_lifted_after_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AV, types=TRUCKS, objs=["soil2"]),
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], deps=["m"]),
                task("a", AL, types=TRUCKS, objs=["soil2"], deps=["d"]),
                task("t", T, [D1], ["soil2"], deps=["k", "a"]), task("l", LOAD, [E2], deps=["t"]))


def test_the_digging_that_ends_it_is_the_one_at_the_place(fleet, world):
    assert_plan("The trucks must stay out of soil 2 until the digging is finished. Excavator 1 digs at rock 1. "
                "Excavator 2 digs at soil 2. Truck 3 goes to soil 2 and excavator 2 loads it.", fleet, world,
                task("k", AV, types=TRUCKS, objs=["soil2"]),
                task("m1", T, [E1], ["rock1"]), task("d1", DIG, [E1], deps=["m1"]),
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], deps=["m"]),
                task("a", AL, types=TRUCKS, objs=["soil2"], deps=["d"]),
                task("t", T, [D3], ["soil2"], deps=["k", "a"]), task("l", LOAD, [E2], deps=["t"]))


def test_a_truck_sent_into_a_place_closed_to_all_trucks_is_refused(fleet, world):
    errors = rules_plan("The trucks avoid soil 2. Then truck 1 goes to soil 2.", fleet, world).errors
    assert any("robot_dump_truck_01" in e and "soil2" in e for e in errors), errors
