"""Mends of helper M70: misreadings of blind batch 23's dev lines (everyday chat prose, a non-native operator, a
manager's email), each fixed as the general construction it is.

1. "Another truck drives to rock 2 once that rock is broken up" waited for the breaking of rock 1, named in an earlier
   sentence ("... until rock 1 is broken up"): an anchor said after its clause is read before it, so "that rock" /
   "the rock" went to the rock named before the clause. A definite place noun in such an anchor is the one place of
   that kind its own clause names (L3_612).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "drives to rock 2 once that rock is broken up": the clause's own rock ------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 breaks up rock 1 and excavator 2 does the same at rock 2. Truck 1 stays at obstacle 1 until rock 1 "
    "is broken up. Truck 2 heads to rock 2 once the rock has been broken up.",
    "Excavator 1 breaks up rock 1 and excavator 2 does the same at rock 2. Truck 1 waits at obstacle 1 until rock 1 "
    "is broken up. Truck 2 drives to rock 2 as soon as that rock is broken up.",
])
def test_the_rock_of_a_later_anchor_is_its_clauses_rock(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["rock1"]), task("b1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["rock2"]), task("b2", DIG, [E2], deps=["m2"]),
                task("w", T, [D1], ["obstacle1"]), task("t", T, [D2], ["rock2"], deps=["b2"]))


def test_this_rock_in_a_later_anchor_times_the_clauses_loading_too(fleet, world):
    assert_plan("Excavator 3 breaks up rock 1 and excavator 1 does the same at rock 2. Truck 1 waits until rock 1 is "
                "broken up and then goes there. Truck 2 goes to rock 2 when this rock is broken up, and gets loaded "
                "by excavator 1.", fleet, world,
                task("m1", T, [E3], ["rock1"]), task("b1", DIG, [E3], deps=["m1"]),
                task("m2", T, [E1], ["rock2"]), task("b2", DIG, [E1], deps=["m2"]),
                task("t1", T, [D1], ["rock1"], deps=["b1"]), task("t2", T, [D2], ["rock2"], deps=["b2"]),
                task("l", LOAD, [E1], deps=["t2"]))
