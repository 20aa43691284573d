"""Mends of helper R (session 28): instructions whose meaning is clear that the planner refused (or, for the same
words, dropped a step silently).

1. "Puddle 1 is dangerous. Keep everyone away." was refused ("no object named to avoid in 'keep'"), and so were
   "..., then everyone keeps out", "Rock 2 is unstable. Keep trucks 1 and 2 away." and "Then close the zone for all
   robots."; "Truck 1 visits puddle 2, then everyone stays out." dropped the keep-out with no word ("stays" read as
   staying put). A keep-out verb with no place after it ("keep away", "stay out", "closed", "no entry"; the new
   ``add_keepout`` verbs "stay out", "stay away", "stay clear") is about the one place its sentence named before it,
   or else the sentence before. When that sentence named several places, which one is meant is not said: refused,
   naming the verb and the places. A negated move with no place ("nobody follows it") and a relative clause
   ("Puddle 1, which we close off now, is wet") stay refused.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, E1, T, assert_plan, task
from test_rules_mends13 import _problems

# -- finding 1: a keep-out with no place is about the place just named ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Puddle 1 is dangerous. Keep everyone away.",
    "Puddle 1 is dangerous. Everyone stays away.",
    "Puddle 1 is dangerous, so all robots keep out.",
    "Puddle 1 is dangerous. All robots must stay clear.",
])
def test_a_keep_out_after_a_remark_is_about_its_place(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["puddle1"]))


@pytest.mark.parametrize("text", [
    "Truck 1 visits puddle 2, then everyone keeps out.",
    "Truck 1 visits puddle 2, then everyone stays out.",
    "Truck 1 visits puddle 2, then everyone stays away.",
    "Truck 1 visits puddle 2. After that, no entry for anyone.",
    "Truck 1 visits puddle 2, after which all robots keep clear.",
    "Truck 1 visits puddle 2. Then close the zone for all robots.",
    "Truck 1 visits puddle 2. Then the zone is closed to all robots.",
])
def test_a_keep_out_after_a_step_is_about_its_place(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle2"]), task("k", AVA, [], ["puddle2"], deps=["m"]))


def test_a_keep_out_for_some_robots_is_about_the_place_just_named(fleet, world):
    assert_plan("Rock 2 is unstable. Keep trucks 1 and 2 away.", fleet, world, task("k", AV, [D1, D2], ["rock2"]))
    assert_plan("Rock 2 is unstable. Truck 1 stays away.", fleet, world, task("k", AV, [D1], ["rock2"]))
    assert_plan("Excavator 1 inspects obstacle 2, then truck 1 stays out.", fleet, world,
                task("m", T, [E1], ["obstacle2"]), task("k", AV, [D1], ["obstacle2"], deps=["m"]))


@pytest.mark.parametrize("text, words", [
    ("Truck 1 goes to puddle 1 and puddle 2. Then everyone keeps away.", "keeps"),
    ("Truck 1 goes to puddle 1, then to rock 2, then everyone stays out.", "stays out"),
])
def test_a_keep_out_after_several_places_is_refused_naming_them(fleet, world, text, words):
    problems = _problems(text, fleet, world)
    assert any(repr(words) in p and "which place" in p for p in problems), problems


@pytest.mark.parametrize("text", [
    "Keep everyone away.",
    "Everyone stays out.",
    "Truck 1 goes to soil 1. Nobody follows.",
    "Truck 1 goes to soil 1. Nobody follows it.",
])
def test_a_keep_out_with_no_place_before_it_stays_refused(fleet, world, text):
    assert _problems(text, fleet, world)
