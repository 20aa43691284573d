"""Mends of helper M41: dev lines of blind batch 20 that the rules planner misread.

1. "Excavator 1 is already stand at soil 1, so it dig there": the bare verb of a speaker who drops the -s/-ing
   ("already stand at", "already sit at", "already wait at") did not say where the robot stands, so it was sent to
   soil 1 first. They are in the lexicon's ``already`` list now, beside "already standing at".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import DIG, E1, E2, T, assert_plan, task

# -- finding 1: "is already stand at <place>" says where the robot stands -----------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 is already stand at soil 1, so it dig there right away. Then truck 1 go to obstacle 2.",
    "Excavator 2 already sit at soil 1 and dig there. Then truck 1 go to obstacle 2.",
    "Excavator 2 is already wait at soil 1; it dig there, then truck 1 drive to obstacle 2.",
])
def test_the_bare_verb_of_standing_after_already_places_the_robot(fleet, world, text):
    assert_plan(text, fleet, world, task("x", DIG, [E2]), task("m", T, ["robot_dump_truck_01"], ["obstacle2"],
                                                                deps=["x"]))


def test_a_bare_verb_of_standing_without_already_is_no_state(fleet, world):
    assert_plan("Excavator 1 go to soil 1 and dig.", fleet, world, task("m", T, [E1], ["soil1"]),
                task("x", DIG, [E1], deps=["m"]))
