"""Dev-failure mends of rule round 23 (the blind lines of batch 27 that were not planned exactly).

1. "..., where excavator 1 loads truck 2 first and truck 1 after it" loaded truck 2 only: truck 1's loading was
   dropped without a word (its next step waited only for its move). The "there" that the "where" clause adds after
   the loaded robot ("loads truck 2 there first") stood between the robot and its "first", which then no longer
   listed the trucks in order. It still does, as it did without "where" (rule 24: one loading per truck, chained).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, E2, LOAD, R, T, assert_plan, task

# -- finding 1: "where <excavator> loads <truck> first and <truck> after it" loads both, in that order ---------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Then trucks 1 and 2 drive to soil 1, where excavator 1 loads truck 2 first and "
    "truck 1 after it. Truck 2 dumps at puddle 1, and truck 1 dumps at puddle 2.",
    "Excavator 1 digs at soil 1, after which dump trucks 1 and 2 head to soil 1, where it fills dump truck 2 first "
    "and dump truck 1 after it. Truck 2 dumps at puddle 1, and truck 1 dumps at puddle 2.",
])
def test_where_loads_one_first_and_the_other_after_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1, D2], ["soil1"], deps=["d"]),
                task("l2", LOAD, [E1], [], deps=["t"]), task("l1", LOAD, [E1], [], deps=["l2"]),
                task("p", T, [D2], ["puddle1"], deps=["l2"]), task("u", DUMP, [D2], [], deps=["p"]),
                task("q", T, [D1], ["puddle2"], deps=["l1"]), task("v", DUMP, [D1], [], deps=["q"]))


def test_where_loads_in_place_one_first_and_the_other_after_it(fleet, world):
    assert_plan("Excavator 2 is already at rock 1 and digs right where it is. Trucks 1 and 2 then go to rock 1, "
                "where excavator 2 loads truck 1 first and truck 2 after it. Truck 1 returns to base, and truck 2 "
                "returns to base too.",
                fleet, world,
                task("d", DIG, [E2], []), task("t", T, [D1, D2], ["rock1"], deps=["d"]),
                task("l1", LOAD, [E2], [], deps=["t"]), task("l2", LOAD, [E2], [], deps=["l1"]),
                task("r1", R, [D1], [], deps=["l1"]), task("r2", R, [D2], [], deps=["l2"]))
