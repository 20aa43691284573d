"""Mends of more silent misreadings the lead found on main (helper M15): each sentence gave a plan, no error, and
the plan was wrong. Each reading is tested on the lead's sentence and on variants (other robots, places, word
orders), with guard sentences whose reading must not change.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, E3, T, assert_plan, task
from test_rules_mends13 import _lexicon, _problems  # the same two helpers: a plan's problems, an edited lexicon

from dart_planner.llm.rules import load_lexicon, rules_plan


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# -- finding 7: "rather than" is read like "instead of" ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 2 goes to rock 1 rather than soil 1.",
    "Truck 2 goes to rock 1 rather than to soil 1.",
    "Truck 2 goes to rock 1 instead of to soil 1.",
    "Rather than soil 1, truck 2 goes to rock 1.",
])
def test_a_place_after_rather_than_is_not_visited(fleet, world, text):
    assert_plan(text, fleet, world, task("t", T, [D2], ["rock1"]))


def test_a_robot_after_rather_than_is_not_sent(fleet, world):
    assert_plan("Trucks 1 and 2, rather than excavator 1, go to rock 2.", fleet, world,
                task("t", T, [D1, D2], ["rock2"]))


def test_a_dig_site_after_rather_than_is_not_visited(fleet, world):
    assert_plan("Excavator 3 digs at soil 2 rather than at rock 1.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]))


def test_rather_than_a_robot_given_an_order_before_is_refused(fleet, world):
    problems = _problems("Truck 1 goes to rock 1. Truck 2 goes there rather than truck 1.", fleet, world)
    assert any("rather than truck 1" in p for p in problems), problems


@pytest.mark.parametrize("text", [
    "Truck 2 goes to rock 1, or rather soil 1.",
    "Excavator 1 would rather dig at soil 1.",
])
def test_rather_without_than_and_a_mention_is_still_refused(fleet, world, text):
    assert any("'rather' was not understood" in p for p in _problems(text, fleet, world))


def test_rather_than_comes_from_the_lexicon(fleet, world, lex):
    text = "Truck 2 goes to rock 1 rather than soil 1."
    assert not rules_plan(text, fleet, world, lex).errors
    assert rules_plan(text, fleet, world, _lexicon(replaced_mention_leads=["instead of"])).errors
