"""Mends of helper M125: known misreadings left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Exc 1: dig at rock 2, it's already there." sent excavator 1 to rock 2 before its digging: a remark after the
   order that the robot is already there was read only after a lone named robot with a verb and only as "<sep> it is
   already there" ending the sentence. The robot named before a colon ("exc 1: ...") is the clause's robot too, and
   the same remark stands in brackets ("(it's already there)"), after a reason word ("..., since it is already
   there", lexicon ``reason_openers``) and as "it's already at <the clause's place>" (rule 11: no move).
2. "Truck 3: go there once it's through." dropped the wait: "through" right after a form of "be", closing its
   clause or before "with", is "done" (lexicon ``done_state_words``, ``bare_done_events``); "drives through puddle
   1" and "goes through its loading routine" stay as they were.
6. "Excavator 2 clears out rock 1." was a plain move, silently dropping work: neither the conventions nor the lexicon
   settle "clear (out)" (dig it? haul it away?), so it is refused naming the words, as "works rock 1" is ("clear,
   clears" in lexicon ``vague_action_verbs``; a particle between the word and its place, lexicon
   ``phrasal_particles``, no longer makes it a move). "keep clear of" stays a keep-out.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "<order>, it's already there." spares the move -------------------------------------------------------


@pytest.mark.parametrize("text, robot", [
    ("Exc 1: dig at rock 2, it's already there.", E1),
    ("Exc 1: dig at rock 2; it is already there.", E1),
    ("Excavator 2 should dig at soil 1, it's already at soil 1.", E2),
    ("Excavator 1 digs at rock 2 (it's already there).", E1),
    ("Excavator 1 digs at rock 2, since it is already there.", E1),
    ("Exc 3: dig at soil 2 - since it's already there.", E3),
])
def test_a_remark_that_the_robot_is_already_there_spares_the_move(fleet, world, text, robot):
    assert_plan(text, fleet, world, task("x", DIG, [robot], []))


def test_the_spared_move_keeps_the_rest_of_the_job(fleet, world):
    assert_plan("Exc 1: dig at rock 2, it's already there. Truck 1: go to rock 2 and get loaded, then dump at "
                "puddle 1.", fleet, world,
                task("x", DIG, [E1], []), task("m", T, [D1], ["rock2"]),
                task("l", LOAD, [E1], [], deps=["x", "m"]), task("p", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["p"]))


def test_already_at_another_place_still_moves(fleet, world):
    """"..., it's already at soil 1" after a digging at rock 2 says nothing of rock 2: the move stays."""
    assert_plan("Excavator 1 digs at rock 2, it's already at soil 1.", fleet, world,
                task("m", T, [E1], ["rock2"]), task("x", DIG, [E1], [], deps=["m"]))


# -- finding 2: "once it's through" waits as "once it's done" ---------------------------------------------------------


@pytest.mark.parametrize("text, dig, truck, place", [
    ("Exc 2: dig at soil 1. Truck 3: go there once it's through.", E2, D3, "soil1"),
    ("Exc 2: dig at soil 1. Truck 3: go there once it is through.", E2, D3, "soil1"),
    ("Excavator 1 digs at rock 1. Truck 2 heads to rock 1 as soon as it's through.", E1, D2, "rock1"),
    ("Exc 2: dig at soil 1. Truck 3: go there when exc 2 is through.", E2, D3, "soil1"),
])
def test_through_after_be_is_done(fleet, world, text, dig, truck, place):
    assert_plan(text, fleet, world, task("m", T, [dig], [place]), task("x", DIG, [dig], [], deps=["m"]),
                task("t", T, [truck], [place], deps=["x"]))


def test_through_as_a_way_stays_a_word(fleet, world):
    assert_plan("Truck 1 drives through puddle 1 to soil 1.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [D1], ["soil1"], deps=["a"]))


# -- finding 6: "clears out <place>" is refused, naming the words -----------------------------------------------------


@pytest.mark.parametrize("text, words", [
    ("Exc 2: clear out obstacle 2.", "clear out obstacle 2"),
    ("Excavator 2 clears out rock 1.", "clears out rock 1"),
    ("Excavator 3 should clear away obstacle 1.", "clear away obstacle 1"),
    ("Excavator 1 clears rock 2.", "clears rock 2"),
])
def test_clearing_a_place_is_refused_naming_the_words(fleet, world, text, words):
    errors = rules_plan(text, fleet, world).errors
    assert errors and any(words in e for e in errors), errors


def test_keeping_clear_stays_a_keep_out(fleet, world):
    assert_plan("Everybody keep clear of puddle 1.", fleet, world, task("k", AVA, [], ["puddle1"]))
    assert_plan("Truck 1 heads off to soil 1.", fleet, world, task("m", T, [D1], ["soil1"]))
