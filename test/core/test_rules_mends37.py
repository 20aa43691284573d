"""Mends of helper M37: dev lines the rules planner refused or misread.

1. "Excavators 1 and 2 avoid rock 2, and then they go: excavator 1 to soil 1, excavator 2 to rock 1" sent both
   excavators to rock 2 (the latest place, kept out) and refused: a group that moves ("they", "both", "the
   excavators", "excavators 1 and 2") before a colon listing where each of it goes is the list's verb, as
   "excavator 1 goes to soil 1 and excavator 2 to rock 1"; the list may end at a comma before more of the clause
   ("..., both digging on arrival").

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D3, DIG, DUMP, E1, E2, E3, T, assert_plan, task

# -- finding 1: "<group> <move verb>: <robot> to <place>, <robot> to <place>" ---------------------------------------


def test_a_pronoun_group_before_a_colon_list_moves_as_the_list_says(fleet, world):
    assert_plan("Excavators 1 and 2 avoid rock 2. Then they go: excavator 1 to soil 1, excavator 2 to rock 1.",
                fleet, world,
                task("k", AV, [E1, E2], ["rock2"]), task("m1", T, [E1], ["soil1"], deps=["k"]),
                task("m2", T, [E2], ["rock1"], deps=["k"]))


def test_a_named_group_before_a_colon_list_with_a_shared_tail(fleet, world):
    assert_plan("Trucks 1 and 3 leave now: truck 1 to puddle 1, truck 3 to soil 2, both dumping when they get there.",
                fleet, world,
                task("m1", T, [D1], ["puddle1"]), task("m3", T, [D3], ["soil2"]),
                task("d1", DUMP, [D1], [], deps=["m1"]), task("d3", DUMP, [D3], [], deps=["m3"]))


@pytest.mark.parametrize("text", [
    "The excavators move out: excavator 3 to rock 1 and excavator 1 to soil 2, both digging there.",
    "Excavators 1 and 3 head off: excavator 3 to rock 1, excavator 1 to soil 2, both digging there.",
])
def test_a_typed_or_named_group_before_a_colon_list(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m3", T, [E3], ["rock1"]), task("m1", T, [E1], ["soil2"]),
                task("g3", DIG, [E3], [], deps=["m3"]), task("g1", DIG, [E1], [], deps=["m1"]))
