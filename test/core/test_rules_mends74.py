"""Mends of helper M74: misreadings found in instructions written as a shift handover note from one operator to the
next ("Truck 2 will need to ...", "have truck 3 ...", "we need soil 2 dug and loaded into two trucks").

1. "Truck 2, truck 3 and excavator 2 should all go to soil 1." sent the whole fleet there: "all" after a modal
   (lexicon ``subject_modals``) that follows named robots floats on those robots, as it did with no modal ("trucks
   all go").

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, E1, E2, T, assert_plan, task

# -- finding 1: "<robots> should all <verb>" is those robots --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2, truck 3 and excavator 2 should all go to soil 1.",
    "Truck 2, truck 3 and excavator 2 will all go to soil 1.",
    "Truck 2, truck 3 and excavator 2 can all head to soil 1.",
    "Truck 2, truck 3 and excavator 2 all go to soil 1.",
])
def test_all_after_a_modal_floats_on_the_named_robots(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2, D3, E2], ["soil1"]))


def test_the_floating_all_keeps_the_later_steps_of_those_robots(fleet, world):
    assert_plan("Truck 1 and excavator 1 should all go to soil 2. Excavator 1 should dig there.", fleet, world,
                task("m", T, [D1, E1], ["soil2"]), task("g", DIG, [E1], deps=["m"]))


def test_all_opening_a_clause_is_still_the_fleet(fleet, world):
    assert_plan("Excavator 2 should dig at soil 1, and then all go home.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], deps=["m"]),
                task("r", "return_to_start_for_all_robots", deps=["g"]))
