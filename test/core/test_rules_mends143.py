"""Mends of helper M143: misreadings found by another helper and left (a site foreman's dictated orders).

1. "Excavator 2, go to soil 1 and dig, and right after that load truck 2." dropped the loading: "that load truck 2"
   was read as one robot ("the waiting truck"), and "right after that go back to base" sent the excavator home before
   its drive and digging (an anchor of no main clause turned the order round). "that" or "this" before a verb in its
   bare form is no word about the robot after it (rules/mentions.py), and an anchor word ("right after",
   "immediately after") with "that" and such a verb after it is "after that" (rules/segment.py). "right after that
   they load a truck that has come over" (a subject after "that") keeps its anchor reading (test_rules_mends111.py).
4. "Excavator two, shift the dirt at soil two." and "Excavator two, haul the dirt at soil two." were silent moves to
   soil 2: "shift" is a noun of the lexicon ("the end of the shift"), so no unknown word was refused, and "haul" or
   "move" took the place as where the robot goes. A word we know that no reading took, or a verb of moving or carrying,
   in a robot's verb slot before a thing and "at <place>" moves the thing where it lies (digging it? hauling it
   away?): refused naming the words, as an unknown verb there is (test_rules_mends141.py).
5. "Ok everybody, clear off obstacle one for now, ..." was refused naming "clear": "clear off (of) <place>" is a
   keep-out, as "keep off" and "stay clear of" are (lexicon ``add_keepout``); "clear off the dirt at soil 2" is its
   digging, as "clear out the dirt" is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, DIG, DUMP, E1, E2, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _problems

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


# -- finding 4: a thing moved where it lies is refused, never a move --------------------------------------------------


@pytest.mark.parametrize("text, word", [
    ("Excavator two, shift the dirt at soil two.", "shift"),
    ("Excavator two, haul the dirt at soil two.", "haul"),
    ("Excavator two, please move the earth at soil two.", "move"),
    ("Excavator 2 goes to soil 2 and then moves the dirt at soil 2.", "moves"),
    ("Truck 1 hauls the dirt at soil 1 to puddle 2.", "hauls"),
])
def test_a_thing_moved_where_it_lies_is_refused(fleet, world, text, word):
    problems = _problems(text, fleet, world)
    assert any(f"to {word!r} a thing where it lies is not a skill of" in p for p in problems), problems


def test_things_taken_somewhere_or_dug_stay_read(fleet, world):
    assert_plan("Excavator 2 digs the dirt at soil 2.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], deps=["m"]))
    assert_plan("Truck 1 brings the load to puddle 1.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["m"]))


# -- finding 5: "clear off <place>" is a keep-out ---------------------------------------------------------------------


def test_everybody_clear_off_is_a_fleet_wide_keep_out(fleet, world):
    assert_plan("Ok everybody, clear off obstacle one for now, then excavator 1 goes to soil 1.", fleet, world,
                task("a", AVA, [], ["obstacle1"]), task("m", T, [E1], ["soil1"], deps=["a"]))


def test_a_truck_clears_off_a_place(fleet, world):
    assert_plan("Truck 2, clear off puddle 1 and go to soil 2.", fleet, world,
                task("a", AV, [D2], ["puddle1"]), task("m", T, [D2], ["soil2"], deps=["a"]))


def test_the_dirt_cleared_off_a_place_is_dug(fleet, world):
    assert_plan("Excavator 2, clear off the dirt at soil 2.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], deps=["m"]))
