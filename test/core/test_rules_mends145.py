"""Mends of helper M145: misreadings found by other helpers and left (each gave a plan, no error, and the plan was
wrong).

1. "To start digging, excavator 1 goes to soil 1." planned only the move: a purpose said first and naming the work
   of a robot (dig, dump, load), before one robot's single move, was read as the job's goal (a check on places, no
   step), so the digging was dropped. It now reads as the same purpose said after the move ("excavator 1 goes to
   soil 1 to start digging"): the robot does the work there.
2. "The digging continues until truck 2 has checked puddle 1." dropped its meaning, and "Digging ends after truck 2
   has checked puddle 1." made the digging wait for the check: a plan's edge says when a step starts, never when
   one ends. A work step said to last, or to end, until / after / when another deed (lexicon ``work_span_words``;
   "keeps digging until ...", "digs at soil 1 until ...") is refused, naming the words.
3. "Truck 2, don't leave before truck 1 has checked puddle 1. Truck 1 checks puddle 1. Then go to soil 1." gave the
   last move to truck 1: an order with no robot (a bare verb, not "goes") after a sentence that told of another robot
   ("checks") is said to the robot spoken to, as "you" is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, E2, T, assert_plan, task
from test_rules_mends13 import _problems  # a plan's problems

# -- finding 1: a fronted purpose of work is the moved robot's next step ---------------------------------------------


@pytest.mark.parametrize("text", [
    "To start digging, excavator 1 goes to soil 1.",
    "In order to dig, excavator 1 heads to soil 1.",
    "So as to begin digging, excavator 1 drives to soil 1.",
])
def test_fronted_purpose_digs_after_the_move(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_fronted_purpose_dumps_after_the_move(fleet, world):
    assert_plan("To dump its load, truck 1 goes to puddle 1.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("u", DUMP, [D1], [], deps=["m"]))


def test_fronted_purpose_in_a_later_sentence(fleet, world):
    assert_plan("Truck 1 checks puddle 1. To dig, excavator 2 then heads to soil 2.", fleet, world,
                task("c", T, [D1], ["puddle1"]), task("m", T, [E2], ["soil2"], deps=["c"]),
                task("d", DIG, [E2], [], deps=["m"]))


# -- finding 2: the end of a work step tied to another deed is refused ------------------------------------------------


@pytest.mark.parametrize("text, word", [
    ("Excavator 1 digs at soil 1. The digging continues until truck 2 has checked puddle 1.", "continues"),
    ("Excavator 1 digs at soil 1. Digging ends after truck 2 has checked puddle 1.", "ends"),
    ("Excavator 1 digs at soil 1. Its digging goes on until truck 2 has checked puddle 1.", "goes on"),
    ("Excavator 1 digs at soil 1. The digging stops when truck 2 has checked puddle 1.", "stops"),
    ("Excavator 1 digs at soil 1 and keeps digging until truck 2 has checked puddle 1.", "until"),
    ("Excavator 2 digs at soil 2 until truck 1 has checked puddle 1.", "until"),
])
def test_a_work_step_said_to_last_until_a_deed_is_refused(fleet, world, text, word):
    problems = _problems(text, fleet, world)
    assert any(word in p and "ends" in p for p in problems), problems


def test_a_deed_after_the_digging_ends_still_waits_for_it(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Once the digging ends, truck 2 checks puddle 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("c", T, [D2], ["puddle1"], deps=["d"]))


@pytest.mark.parametrize("text", [
    "Truck 2 checks puddle 1. Excavator 1 goes to soil 1 but does not dig until truck 2 has checked puddle 1.",
    "Excavator 1 goes to soil 1 and waits to dig until truck 2 has checked puddle 1. Truck 2 checks puddle 1.",
    "Truck 2 waits at obstacle 1 until the digging is done, then goes to soil 1.",
])
def test_a_digging_held_until_a_deed_is_no_span(fleet, world, text):
    assert not any("ends" in p for p in _problems(text, fleet, world))


# -- finding 3: a bare order after a sentence told of another robot is the addressee's --------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2, wait until truck 1 has checked puddle 1. Truck 1 checks puddle 1. Then go to soil 1.",
    "Truck 2: hold on until truck 1 has checked puddle 1. Truck 1 checks puddle 1. After that, go to soil 1.",
])
def test_a_bare_order_after_another_robots_sentence_is_the_addressees(fleet, world, text):
    assert_plan(text, fleet, world, task("c", T, [D1], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["c"]))


def test_a_bare_order_after_the_addressees_own_step_stays_theirs(fleet, world):
    assert_plan("Truck 2, go to obstacle 1. Then go to soil 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", T, [D2], ["soil1"], deps=["a"]))


def test_a_told_step_after_another_robots_sentence_stays_that_robots(fleet, world):
    assert_plan("Truck 2, go to obstacle 1. Truck 1 checks puddle 1, then goes to soil 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("c", T, [D1], ["puddle1"]),
                task("b", T, [D1], ["soil1"], deps=["c"]))


def test_a_bare_order_to_the_addressee_waits_for_the_sentence_before(fleet, world):
    assert_plan("Truck 2, go to obstacle 1. Truck 1 checks puddle 1. Then go to soil 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("c", T, [D1], ["puddle1"]),
                task("b", T, [D2], ["soil1"], deps=["a", "c"]))
