"""Mends of helper M143: misreadings found by another helper and left (a site foreman's dictated orders).

1. "Excavator 2, go to soil 1 and dig, and right after that load truck 2." dropped the loading: "that load truck 2"
   was read as one robot ("the waiting truck"), and "right after that go back to base" sent the excavator home before
   its drive and digging (an anchor of no main clause turned the order round). "that" or "this" before a verb in its
   bare form is no word about the robot after it (rules/mentions.py), and an anchor word ("right after",
   "immediately after") with "that" and such a verb after it is "after that" (rules/segment.py). "right after that
   they load a truck that has come over" (a subject after "that") keeps its anchor reading (test_rules_mends111.py).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, DIG, E2, LOAD, R, T, assert_plan, task

# -- finding 1: "right after that <bare verb>" is "after that" -------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2, go to soil 1 and dig, and right after that load truck 2.",
    "Excavator 2, go to soil 1 and dig, and immediately after that load truck 2.",
    "Excavator 2 goes to soil 1 and digs. Right after that load truck 2.",
    "Excavator 2, go to soil 1 and dig, and right after that fill truck 2.",
    "Excavator 2, go to soil 1 and dig, and straight after that dump its bucket into truck 2.",
])
def test_right_after_that_then_a_bare_verb_orders_the_same_robot(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["d"]))


def test_right_after_that_go_back_comes_after_the_digging(fleet, world):
    assert_plan("Excavator 2, go to soil 1 and dig, and right after that go back to base.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("r", R, [E2], deps=["d"]))


def test_right_after_that_with_a_subject_still_waits_for_the_clause(fleet, world):
    assert_plan("Excavator 2, go to soil 1 and dig, and right after this dump truck 2 goes to soil 1.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("t", T, [D2], ["soil1"], deps=["d"]))
