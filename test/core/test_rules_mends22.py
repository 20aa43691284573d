"""Mends of helper M22: more silent misreadings found on main with sentences of this session's helpers (each gave a
plan, no error, and the plan was wrong).

1. "Excavator 3 removes rock 2." was an allow (remove_keepout) of rock 2: "remove" with a place right after it and
   no keep-out noun later in its clause (lexicon ``place_removal_verbs``) is taking the thing away, an action the
   fleet lacks: refused like an unknown verb. "remove the zone around rock 1" stays a lifting.
2. "Truck 3 drives to rock 2. Excavator 1 and truck 2 too." dropped excavator 1: in a repeat, a robot of a type the
   old crew lacks does what they did (what its type can), beside the robots matched by type.
4. "Truck 1 leaves rock 1." was a move TO rock 1: a verb of leaving (lexicon ``departure_verbs``) right after the
   robot, with the place last in its sentence, names no destination: refused, asking where it goes.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, D1, D2, D3, DIG, DUMP, E1, E2, T, assert_plan, task
from test_rules_mends13 import _lexicon, _problems  # a plan's problems; an edited lexicon
from test_rules_mends21 import _refused  # refused as an action the robot has no skill for, naming the word

from dart_planner.llm.rules import rules_plan

# -- finding 1: "removes <place>" is no lifting of a keep-out ------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Excavator 3 removes rock 2.", "removes"),
    ("Truck 1 goes to soil 1 and then removes rock 1.", "removes"),
    ("Excavator 2, remove rock 1.", "remove"),
    ("Excavator 3 removes rock 2 and digs at soil 1.", "removes"),
])
def test_removing_a_place_is_refused_as_an_action_the_fleet_lacks(fleet, world, text, word):
    _refused(text, fleet, world, word)


def test_removing_a_keep_out_stays_a_lifting(fleet, world):
    assert_plan("Truck 1 dumps at puddle 1. Then remove the zone around rock 1 for everybody.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], [], deps=["m"]),
                task("a", ALA, [], ["rock1"], deps=["d"]))
    assert_plan("Remove the keep-out on puddle 1 for truck 2.", fleet, world, task("a", AL, [D2], ["puddle1"]))


def test_removing_a_place_from_the_keep_out_zones_stays_a_lifting(fleet, world):
    assert_plan("Truck 1 avoids puddle 1. Then remove puddle 1 from the keep-out zones for truck 1.", fleet, world,
                task("k", AV, [D1], ["puddle1"]), task("a", AL, [D1], ["puddle1"], deps=["k"]))


def test_the_removal_verbs_come_from_the_lexicon(fleet, world):
    text = "Excavator 3 removes rock 2."
    assert rules_plan(text, fleet, world).errors
    assert not rules_plan(text, fleet, world, _lexicon(place_removal_verbs=[])).errors


# -- finding 2: "<robot of another type> and <robot> too" repeats the step for both ---------------------------------

@pytest.mark.parametrize("text", [
    "Truck 3 drives to rock 2. Excavator 1 and truck 2 too.",
    "Truck 3 drives to rock 2, excavator 1 and truck 2 too.",
    "Truck 3 drives to rock 2. Excavator 1 and truck 2 as well.",
    "Truck 3 drives to rock 2. Truck 2 and excavator 1 too.",
])
def test_a_mixed_crew_said_again_moves_every_robot(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3, D2, E1], ["rock2"]))


def test_a_mixed_crew_does_what_each_type_can(fleet, world):
    assert_plan("Truck 3 goes to puddle 1 and dumps. Excavator 1 and truck 2 too.", fleet, world,
                task("m", T, [D3, D2, E1], ["puddle1"]), task("d", DUMP, [D3, D2], [], deps=["m"]))
    assert_plan("Excavator 1 digs at soil 1. Excavator 2 and truck 1 too.", fleet, world,
                task("m", T, [E1, E2, D1], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]))


def test_a_crew_of_the_same_types_is_still_matched_by_type(fleet, world):
    assert_plan("Excavator 1 goes to soil 2, as does truck 3.", fleet, world, task("m", T, [E1, D3], ["soil2"]))
    assert_plan("Truck 3 drives to rock 2. Trucks 1 and 2 too.", fleet, world, task("m", T, [D3, D1, D2], ["rock2"]))


# -- finding 4: "leaves <place>." is a departure, not a move there --------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Truck 1 leaves rock 1.", "leaves rock 1"),
    ("Excavator 2 departs soil 2.", "departs soil 2"),
    ("Truck 1 goes to soil 1. Then truck 1 leaves soil 1.", "leaves soil 1"),
])
def test_leaving_a_place_with_no_destination_is_refused(fleet, world, text, words):
    problems = _problems(text, fleet, world)
    assert any(words in p and "where" in p for p in problems), problems


def test_leaving_a_place_for_another_is_a_move_to_that_one(fleet, world):
    assert_plan("Truck 1 leaves for rock 1.", fleet, world, task("m", T, [D1], ["rock1"]))
    assert not _problems("Truck 1 leaves rock 1 for soil 1.", fleet, world)
    assert not _problems("Truck 1 leaves rock 1 and goes to soil 1.", fleet, world)


def test_leaving_a_place_in_an_anchor_is_no_order(fleet, world):
    assert_plan("Once truck 1 leaves rock 1, truck 2 goes to rock 1.", fleet, world, task("m", T, [D2], ["rock1"]))
    assert_plan("Truck 2 goes to rock 1 after truck 1 leaves rock 1.", fleet, world, task("m", T, [D2], ["rock1"]))


def test_the_departure_verbs_come_from_the_lexicon(fleet, world):
    assert not rules_plan("Truck 1 leaves rock 1.", fleet, world, _lexicon(departure_verbs=[])).errors
