"""Mends of helper M143: misreadings found by another helper and left (a site foreman's dictated orders).

1. "Excavator 2, go to soil 1 and dig, and right after that load truck 2." dropped the loading: "that load truck 2"
   was read as one robot ("the waiting truck"), and "right after that go back to base" sent the excavator home before
   its drive and digging (an anchor of no main clause turned the order round). "that" or "this" before a verb in its
   bare form is no word about the robot after it (rules/mentions.py), and an anchor word ("right after",
   "immediately after") with "that" and such a verb after it is "after that" (rules/segment.py). "right after that
   they load a truck that has come over" (a subject after "that") keeps its anchor reading (test_rules_mends111.py).
2. "Excavator one digs at soil one, and then excavator two digs at soil two, and after that the diggers head back to
   base." sent only excavator 2 home: "the diggers" were the robots of the latest digging and of those that started
   with it, one robot here. The plural names more than one: when those are a single robot, every robot of the type
   that dug is meant.
3. "... then excavator two breaks it up, and after that it loads truck two and truck three one after the other, and then
   the other truck heads home." sent truck 1 home after the digging alone: loadings that wait for their trucks (none
   was brought) were made only at the end, so a "then" of other robots did not wait for them. Those said in the same
   sentence are now made before such a "then" (as "finally" already did, ``load_before_join``); rule 9: a new
   subject after "then" comes after what is still open.
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
from rules_helpers import AV, AVA, D1, D2, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task
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


# -- finding 2: "the diggers" after two diggings one after the other -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator one digs at soil one, and then excavator two digs at soil two, and after that the diggers head back to "
    "base.",
    "Excavator 1 digs at soil 1. Then excavator 2 digs at soil 2. After that, the diggers return to start.",
])
def test_the_diggers_are_both_excavators_that_dug_in_turn(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"], deps=["g1"]), task("g2", DIG, [E2], deps=["m2"]),
                task("r", R, [E1, E2], deps=["g2"]))


def test_the_diggers_after_two_diggings_at_once_stay_those_two(fleet, world):
    assert_plan("Excavators 1 and 2 dig at soil 1. Then excavator 3 digs at rock 1 and excavator 1 digs at rock 2. "
                "After that, the diggers go home.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("g", DIG, [E1, E2], deps=["m"]),
                task("m3", T, [E3], ["rock1"], deps=["g"]), task("g3", DIG, [E3], deps=["m3"]),
                task("m1", T, [E1], ["rock2"], deps=["g"]), task("g1", DIG, [E1], deps=["m1"]),
                task("r", R, [E3, E1], deps=["g3", "g1"]))


# -- finding 3: a "then" of other robots waits for the loadings said before it ----------------------------------------

_TWO_LOADS = (task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], deps=["m"]),
              task("l2", LOAD, [E2], deps=["g"]), task("l3", LOAD, [E2], deps=["l2"]))


@pytest.mark.parametrize("text", [
    "Excavator two goes to soil two, and then excavator two breaks it up, and after that it loads truck two and truck "
    "three one after the other, and then truck one heads home.",
    "Excavator two goes to soil two, and then excavator two breaks it up, and after that it loads truck two and truck "
    "three one after the other, and then the other truck heads home.",
    "Excavator 2 digs at soil 2 and loads trucks 2 and 3 in turn. Then truck 1 goes home.",
])
def test_a_then_of_another_truck_waits_for_the_loadings_in_turn(fleet, world, text):
    assert_plan(text, fleet, world, *_TWO_LOADS, task("r", R, [D1], deps=["l3"]))


def test_a_then_of_another_truck_waits_for_a_single_loading(fleet, world):
    assert_plan("Excavator 2 digs at soil 2 and loads truck 2, then truck 1 goes home.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["g"]), task("r", R, [D1], deps=["l"]))


def test_the_loaded_truck_still_brings_itself_after_then(fleet, world):
    assert_plan("Excavator 2 digs at soil 2 and loads truck 2, then truck 2 comes to soil 2.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], deps=["m"]),
                task("t", T, [D2], ["soil2"], deps=["g"]), task("l", LOAD, [E2], deps=["t"]))


def test_a_then_that_lists_the_next_truck_to_load_keeps_the_loading_open(fleet, world):
    assert_plan("Excavator 2 digs at rock 2 and then loads dump truck 1 and then dump truck 3. Both trucks set off for "
                "rock 2 at once.", fleet, world,
                task("m", T, [E2, D1, "robot_dump_truck_03"], ["rock2"]), task("g", DIG, [E2], deps=["m"]),
                task("l1", LOAD, [E2], deps=["g"]), task("l3", LOAD, [E2], deps=["l1"]))
