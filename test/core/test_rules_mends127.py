"""Mends of helper M127: a polite operator's voice ("Could excavator 2 ...?", "Please make sure truck 3 doesn't
leave before ...", "We should keep everyone away from ... until ...").

1. "Please make sure truck 3 doesn't head to puddle 1 before excavator 2 has loaded it" was a keep-out of puddle 1
   for truck 3, and the later "truck 3 dumps at puddle 1" was refused as a move into a closed place: a negated move
   followed by "before X" (lexicon ``negated_move_before_words``) says the move waits for X, as "must not leave
   for puddle 1 until X" already did.
2. "Excavator 2 digs at soil 1 and loads truck 3 there. Please make sure truck 3 doesn't leave before it is loaded."
   made a second loading (the passive after "before" read as a step that follows): a bare negated "leave" (lexicon
   ``departure_verbs``) before "before" is read as "until" too.
3. "Truck 3 goes to soil 1. Truck 3 stays there until excavator 2 has loaded it. Then truck 3 dumps at puddle 1."
   dropped the loading: "there" after a word of staying right after its robot ("Truck 3 stays there until ...") is
   where the robot already is, as it was after "and" ("goes to soil 1 and stays there until ...").
4. "Would you then have truck 1 go to rock 1 and truck 3 to rock 2 to get loaded there?" loaded truck 3 only (truck
   1's loading at rock 1 was silently lost): a purpose "to get loaded" (the word "to", then the passive loading) after
   gapped conjuncts is every conjunct's, as "to be loaded" already was.
5. "We should keep everyone away from both rocks while the excavators dig. Could excavators 1 and 2 dig at soil 1?"
   added a digging of all three excavators (the "while" clause read as a step, though the digging is ordered in the
   next sentence): a "while" clause after a keep-out, naming work said only later, is the keep-out's timing, left out
   as it already was when fronted ("while the excavators dig, the trucks keep away from puddle 1").

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D3, DIG, DUMP, E1, E2, LOAD, T, assert_plan, task
from test_rules_mends13 import _lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "must not go to <place> before X": the move waits for X ----------------------------------------------

_LOADED_THEN_DUMPS = (
    task("m", T, [E2, D3], ["soil1"]), task("x", DIG, [E2], [], deps=["m"]), task("l", LOAD, [E2], [], deps=["x"]),
    task("g", T, [D3], ["puddle1"], deps=["l"]), task("d", DUMP, [D3], [], deps=["g"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Please make sure truck 3 doesn't head to puddle 1 before"
    " excavator 2 has loaded it. Then truck 3 dumps at puddle 1.",
    "Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Truck 3 must not leave for puddle 1 before excavator 2"
    " has loaded it. Then truck 3 dumps at puddle 1.",
    "Excavator 2 digs at soil 1 and truck 3 goes to soil 1. Truck 3 shouldn't go to puddle 1 before it has been"
    " loaded by excavator 2. Then it dumps at puddle 1.",
    "Excavator 2 digs at soil 1 and truck 3 goes to soil 1. Truck 3 should not drive to puddle 1 prior to being"
    " loaded by excavator 2. Then it dumps there.",
])
def test_a_negated_move_before_x_waits_for_x(fleet, world, text):
    assert_plan(text, fleet, world, *_LOADED_THEN_DUMPS)


def test_the_until_form_is_unchanged(fleet, world):
    assert_plan("Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Truck 3 must not leave for puddle 1 until"
                " excavator 2 has loaded it. Then truck 3 dumps at puddle 1.", fleet, world, *_LOADED_THEN_DUMPS)


def test_the_before_words_come_from_the_lexicon(fleet, world):
    text = ("Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Truck 3 must not leave for puddle 1 before"
            " excavator 2 has loaded it. Then truck 3 dumps at puddle 1.")
    assert not rules_plan(text, fleet, world).errors
    assert rules_plan(text, fleet, world, _lexicon(negated_move_before_words=[])).errors


# -- finding 2: "must not leave before it is loaded" after the loading was said: no second loading -----------------

_LOADS_THEN_DUMPS = (
    task("m", T, [E2], ["soil1"]), task("x", DIG, [E2], [], deps=["m"]), task("l", LOAD, [E2], [], deps=["x"]),
    task("g", T, [D3], ["puddle1"], deps=["l"]), task("d", DUMP, [D3], [], deps=["g"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1 and loads truck 3 there. Please make sure truck 3 doesn't leave before it is loaded."
    " Then truck 3 dumps at puddle 1.",
    "Excavator 2 digs at soil 1 and loads truck 3 there. Truck 3 must not leave before it has been loaded. Then"
    " truck 3 dumps at puddle 1.",
    "Excavator 2 digs at soil 1 and loads truck 3 there. Truck 3 should not leave prior to being loaded. Then it"
    " dumps at puddle 1.",
    "Excavator 2 digs at soil 1 and loads truck 3 there. Truck 3 must not leave until it is loaded. Then truck 3"
    " dumps at puddle 1.",
])
def test_leaving_not_before_the_loading_said_is_that_loading(fleet, world, text):
    assert_plan(text, fleet, world, *_LOADS_THEN_DUMPS)


def test_not_leaving_before_a_named_loader_is_unchanged(fleet, world):
    assert_plan("Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Please make sure truck 3 doesn't leave before"
                " excavator 2 has loaded it. Then truck 3 dumps at puddle 1.", fleet, world, *_LOADED_THEN_DUMPS)


# -- finding 3: "<robot> stays there until X" opening a sentence keeps X ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Truck 3 stays there until excavator 2 has loaded it."
    " Then truck 3 dumps at puddle 1.",
    "Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Truck 3 stays there until it is loaded. Then truck 3"
    " dumps at puddle 1.",
    "Excavator 2 digs at soil 1, and truck 3 goes to soil 1. It would be great if truck 3 remains there until"
    " excavator 2 has loaded it. Then it dumps at puddle 1.",
    "Excavator 2 digs at soil 1, and truck 3 goes to soil 1. Truck 3 stays until excavator 2 has loaded it. Then"
    " truck 3 dumps at puddle 1.",
])
def test_staying_there_until_a_loading_keeps_the_loading(fleet, world, text):
    assert_plan(text, fleet, world, *_LOADED_THEN_DUMPS)


# -- finding 4: "to get loaded" after gapped conjuncts loads every truck ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at rock 1 and excavator 2 at rock 2. Then truck 1 goes to rock 1 and truck 3 to rock 2 to get"
    " loaded there.",
    "Excavator 1 digs at rock 1 and excavator 2 at rock 2. Would you then have truck 1 go to rock 1 and truck 3 to"
    " rock 2 to get loaded?",
    "Excavator 1 digs at rock 1 and excavator 2 at rock 2. Then truck 1 goes to rock 1 and truck 3 to rock 2 to be"
    " loaded.",
])
def test_to_get_loaded_after_gapped_conjuncts_loads_each_truck(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["rock1"]), task("x1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["rock2"]), task("x2", DIG, [E2], [], deps=["m2"]),
                task("t1", T, [D1], ["rock1"], deps=["x1", "x2"]), task("t3", T, [D3], ["rock2"], deps=["x1", "x2"]),
                task("l1", LOAD, [E1], [], deps=["t1"]), task("l2", LOAD, [E2], [], deps=["t3"]))


# -- finding 5: "<keep-out> while <robots> dig" before the digging is ordered adds no digging -------------------------

@pytest.mark.parametrize("text", [
    "We should keep everyone away from both rocks while the excavators dig. Could excavators 1 and 2 dig at soil 1?",
    "Keep everyone away from both rocks while excavators 1 and 2 dig. Excavators 1 and 2 go to soil 1 and dig.",
    "Keep everyone away from both rocks while the digging goes on. Excavators 1 and 2 go to soil 1 and dig.",
])
def test_a_while_clause_of_later_work_after_a_keep_out_orders_nothing(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AVA, [], ["rock1", "rock2"]), task("m", T, [E1, E2], ["soil1"], deps=["k"]),
                task("x", DIG, [E1, E2], [], deps=["m"]))


def test_a_while_clause_of_work_said_before_is_unchanged(fleet, world):
    assert_plan("Excavators 1 and 2 go to soil 1 and dig. Keep everyone away from both rocks while the excavators"
                " dig.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("x", DIG, [E1, E2], [], deps=["m"]),
                task("k", AVA, [], ["rock1", "rock2"]))
