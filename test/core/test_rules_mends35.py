"""Mends of helper Y (round 35): misreadings other helpers found and left.

1. "Excavator 1 digs at soil 1 and loads truck 1. Excavator 2 does the same at soil 2 with dump truck 2." gave
   excavator 2's move and dig but no loading at all, with no error: a loading whose truck no task brought waits
   (it is made at the end), so the repeat did not see it. A repeat now redoes those waiting loadings too, and a
   robot after "with" (lexicon ``repeat_partner_words``) is the partner swapped in for the old one of its type.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, E2, LOAD, T, assert_plan, task

# -- finding 1: a repeat redoes the loading that waits for its truck, with the partner swapped in --------------------

_DIG_LOAD_1 = (task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
               task("l1", LOAD, [E1], [], deps=["g1"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and loads truck 1. Excavator 2 does the same at soil 2 with dump truck 2.",
    "Excavator 1 digs at soil 1 and loads truck 1. Excavator 2 does likewise at soil 2 with truck 2.",
    "Excavator 1 digs at soil 1 and loads truck 1. Excavator 2 does it in the same way at soil 2 with truck 2.",
])
def test_a_repeat_with_a_partner_loads_the_new_truck(fleet, world, text):
    assert_plan(text, fleet, world, *_DIG_LOAD_1,
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]),
                task("l2", LOAD, [E2], [], deps=["g2"]))


def test_a_repeat_by_both_robots_loads_the_truck_that_came_along(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1. Excavator 2 and truck 2 do the same at soil 2.",
                fleet, world, *_DIG_LOAD_1,
                task("m2", T, [E2, D2], ["soil2"]),
                task("g2", DIG, [E2], [], deps=["m2"]), task("l2", LOAD, [E2], [], deps=["g2"]))


@pytest.mark.parametrize("text", [
    "Truck 1 goes to puddle 1 and dumps. Truck 2 does the same at puddle 2.",
    "Truck 1 goes to puddle 1 and dumps. Truck 2 likewise at puddle 2.",
    "Truck 1 goes to puddle 1 and dumps. Truck 2 does it in the same way at puddle 2.",
])
def test_a_truck_repeats_a_move_and_dump_at_its_own_place(fleet, world, text):
    assert_plan(text, fleet, world, task("m1", T, [D1], ["puddle1"]), task("u1", DUMP, [D1], [], deps=["m1"]),
                task("m2", T, [D2], ["puddle2"]), task("u2", DUMP, [D2], [], deps=["m2"]))
