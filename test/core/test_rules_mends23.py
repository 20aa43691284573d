"""Mends of helper A (session 23): keep-outs said with a negation or a pronoun, and goal sentences, that gave a
wrong plan or a wrong error.

1. "Truck 1 checks puddle 1. After that nobody goes near it." was refused ("no object named to avoid"): in a negated
   movement ("nobody goes near", "no robot should drive into"), an "it" after a place word is the place kept out
   of, as it is after a keep-out verb ("avoid going near it"), not a robot with no object.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, T, assert_plan, task

# -- finding 1: "nobody goes near it": the "it" of a negated movement is the place kept out of ----------------------

@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1. After that nobody goes near it.",
    "Truck 1 checks puddle 1. After that, no robot should drive into it.",
    "Truck 1 checks puddle 1. Then no one may drive through it.",
    "Truck 1 checks puddle 1, and after that nobody goes near it.",
])
def test_a_negated_movement_keeps_everyone_out_of_the_place_it_names(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["m"]))


def test_a_negated_movement_of_one_robot_keeps_that_robot_out(fleet, world):
    assert_plan("Truck 1 checks puddle 1. Then truck 2 must not go near it.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("k", AV, [D2], ["puddle1"], deps=["m"]))
