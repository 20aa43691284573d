"""Mends of helper M120: dev lines of blind batch 28 that were not planned exactly.

1. "Excavator 2 and truck 3 drive to rock 1. At the rock, excavator 2 breaks it up and loads truck 3." was refused:
   a place said before a clause with its own robot was read only when it named its object by number ("at rock 1,
   ..."); "at the rock" (the one place of that kind said before) is that place as well, taking the clause's
   "there"-like object ("breaks it up"), its object of that kind, or the spot right after its verb.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D3, DIG, DUMP, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: "at the <kind>, <robot> ..." is the place of that kind said before ---------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 and truck 3 drive to rock 1. At the rock, excavator 2 breaks it up and loads truck 3.",
    "Excavator 2 and truck 3 drive to rock 1. At the rock, excavator 2 digs and loads truck 3.",
    "Excavator 2 and truck 3 drive to rock 1. At the rock, excavator 2 breaks up the rock and loads truck 3.",
    "Excavator 2 and truck 3 head to rock 1; at the rock, excavator 2 excavates it and then loads truck 3.",
])
def test_a_leading_definite_place_is_the_place_said_before(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, D3], ["rock1"]), task("x", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["x"]))


def test_a_leading_definite_place_in_a_longer_clause(fleet, world):
    assert_plan("Excavator 3 and truck 1 go to soil 2. At the soil, excavator 3 digs it and fills truck 1, which "
                "then returns to base and dumps there.", fleet, world,
                task("m", T, [E3, D1], ["soil2"]), task("x", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["x"]), task("r", R, [D1], [], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["r"]))
