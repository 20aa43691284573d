"""Mends of helper M19: an action the fleet does not have must not become a move.

"Excavator 2 polishes rock 1" was read as a move of excavator 2 to rock 1, with no word of the polishing: a clause
with a robot and a place and no verb we know is a move, and the coverage ratio let the unknown word pass. Such a word
in a robot's verb slot, right before a place, is now refused with a message that names it and the robot's skills;
verbs of motion whose object is the place ("enters", "crosses") are words of the lexicon, read as moves.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, E1, E2, T, assert_plan, task
from test_rules_mends13 import _problems  # a plan's problems as the planner reports them

from dart_planner.llm.rules import rules_plan

# -- verbs of motion with the place as their object are moves -------------------------------------------------------

@pytest.mark.parametrize("text, robot, place", [
    ("Truck 1 enters puddle 1.", D1, "puddle1"),
    ("Dump truck 3 crosses obstacle 2.", D3, "obstacle2"),
    ("Excavator 2 traverses soil 2.", E2, "soil2"),
    ("The second truck revisits rock 1.", D2, "rock1"),
    ("Excavator 1 occupies rock 2.", E1, "rock2"),
    ("Truck 3 nears soil 1.", D3, "soil1"),
])
def test_a_verb_of_motion_with_the_place_as_object_is_a_move(fleet, world, text, robot, place):
    assert_plan(text, fleet, world, task("m", T, [robot], [place]))
    assert not rules_plan(text, fleet, world).coverage.unplaced


@pytest.mark.parametrize("text", [
    "Truck 1 visits rock 1.",
    "Truck 1 approaches rock 1.",
    "Truck 1 reaches rock 1.",
    "Truck 1 heads for rock 1.",
    "Truck 1 drives up to rock 1.",
    "Truck 1 makes its way over to rock 1.",
])
def test_motion_verbs_known_before_stay_moves(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["rock1"]))


def test_nobody_enters_is_a_keep_out_for_everyone(fleet, world):
    # before, "enters" was an unknown word and the instruction fell below the coverage threshold
    assert_plan("Nobody enters puddle 2.", fleet, world, task("k", AVA, [], ["puddle2"]))
    assert not _problems("Nobody enters puddle 2.", fleet, world)


@pytest.mark.parametrize("text, skill", [
    ("Truck 1 is allowed to enter puddle 1 again.", AL),
    ("Truck 1 is permitted to cross puddle 1 again.", AL),
    ("Truck 1 is not allowed to enter puddle 1.", AV),
    ("Truck 1 must not enter puddle 1.", AV),
    ("Truck 1 should never cross puddle 1.", AV),
])
def test_permission_and_negation_of_entering_stay_keep_out_changes(fleet, world, text, skill):
    assert_plan(text, fleet, world, task("k", skill, [D1], ["puddle1"]))


@pytest.mark.parametrize("text", [
    "Allow truck 3 to visit puddle 1 again.",
    "Allow truck 3 to enter puddle 1 again.",
    "Truck 3 is allowed to go to puddle 1 again.",
])
def test_a_motion_verb_after_a_permission_names_the_place_allowed(fleet, world, text):
    # before, the permission had no object ("no object named to allow") and the move was a step of its own
    assert_plan(text, fleet, world, task("a", AL, [D3], ["puddle1"]))


def test_a_permission_then_a_move_said_apart_stays_two_steps(fleet, world):
    assert_plan("Allow truck 3 into puddle 1 again, then send it in.", fleet, world,
                task("a", AL, [D3], ["puddle1"]), task("m", T, [D3], ["puddle1"], deps=["a"]))
