"""Round 20 of the rules planner (lead's own findings, on sentences written for them).

1. "Truck 2 drives over there so the excavator can load it afterwards." sent truck 2 only after the digging: a
   trailing "afterwards" was moved to the front of its clause, and the clause was taken to start at the last comma
   or "and". A purpose "so <robot> can ..." is a clause of its own, and "afterwards" there orders the loading.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, E3, LOAD, T, assert_plan, task

# -- 1: "afterwards" at the end of a purpose ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 2. Truck 2 drives over there so the excavator can load it afterwards. Truck 2 then "
    "dumps at puddle 1.",
    "Excavator 1 digs at soil 2. Truck 2 heads to soil 2 as well so excavator 1 can fill it afterwards, and then truck "
    "2 dumps at puddle 1.",
])
def test_afterwards_in_a_purpose_orders_the_purpose(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, D2], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D2], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D2], [], deps=["p"]))


def test_afterwards_in_a_purpose_after_a_comma(fleet, world):
    assert_plan("Excavator 3 digs at rock 1, so truck 1 can come over afterwards and get loaded. Truck 1 then dumps at "
                "puddle 2.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("c", T, [D1], ["rock1"], deps=["d"]), task("l", LOAD, [E3], [], deps=["c"]),
                task("p", T, [D1], ["puddle2"], deps=["l"]), task("u", DUMP, [D1], [], deps=["p"]))
