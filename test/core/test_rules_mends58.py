"""Mends of helper M58: misreadings found in the dev lines of batch 22 (radio/phone talk and formal work orders).

1. "Truck 2 goes to soil 1 once excavator 1 is done and gets loaded there, then it goes to rock 2": the robot of
   the anchor ("excavator 1") was the latest subject, so "it" after the clause the anchor interrupted was excavator
   1, which was sent to rock 2. The clause goes on with its own subject after "and", and so does "it".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, DIG, DUMP, E1, LOAD, R, T, assert_plan, task

# -- finding 1: "<robot> <step> once <other robot> ... and <step>, then it ...": "it" is the clause's robot ---------

_DUG = [task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"])]


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Truck 2 goes to soil 1 once excavator 1 is done and gets loaded there, "
    "then it drives to rock 2.",
    "Excavator 1 digs at soil 1. Truck 2 heads to soil 1 when excavator 1 has finished and is loaded there by "
    "excavator 1, then it moves on to rock 2.",
    "Excavator 1 digs at soil 1. Truck 2 goes to soil 1 as soon as excavator 1 is done and gets loaded by it, "
    "then it goes on to rock 2.",
])
def test_it_after_an_interrupting_anchor_is_the_clause_robot(fleet, world, text):
    assert_plan(text, fleet, world, *_DUG, task("t", T, [D2], ["soil1"], deps=["g"]),
                task("l", LOAD, [E1], [], deps=["t"]), task("r", T, [D2], ["rock2"], deps=["l"]))


def test_it_after_an_interrupting_anchor_returns_the_clause_robot(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 goes to obstacle 1 once excavator 1 is done and dumps there, "
                "then it returns to base.", fleet, world, *_DUG,
                task("t", T, [D2], ["obstacle1"], deps=["g"]), task("d", DUMP, [D2], [], deps=["t"]),
                task("b", R, [D2], [], deps=["d"]))
