"""Mends of helper C (session 25): goals, waits, keep-outs and returns said in ways that gave a silently wrong plan or
a needless refusal.

1. "Our goal: rock 2 cleared. Truck 3 goes to rock 1." planned truck 3 alone and dropped rock 2 with no word (so did
   "Our goal is rock 2 cleared."): a robotless clause introduced by a goal noun ("goal", "aim", "task"; the
   lexicon's ``goal_words`` that are no verbs), in a title before a colon or before a copula, states what the job
   must achieve; it is a goal, checked against the plan (rules/goals.py) like "Rock 2 needs clearing.". A place
   "left alone" in it (lexicon ``goal_deferring_words``) is owed no step.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D3, DIG, E1, T, assert_plan, task
from test_rules_mends13 import _problems  # a plan's problems

# -- finding 1: a goal named by a goal noun is checked against the plan ---------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("Our goal: rock 2 cleared. Truck 3 goes to rock 1.", "rock 2"),
    ("Goal: rock 2 cleared. Truck 3 goes to rock 1.", "rock 2"),
    ("The aim: rock 2 cleared. Truck 3 goes to rock 1.", "rock 2"),
    ("Our goal is rock 2 cleared. Truck 3 goes to rock 1.", "rock 2"),
    ("Our goal: rock 2 gone. Truck 3 goes to rock 1.", "rock 2"),
    ("Our goal: rock 2 cleared and puddle 1 filled. Truck 3 goes to rock 2.", "puddle 1"),
])
def test_a_goal_after_a_goal_noun_that_no_step_serves_is_refused(fleet, world, text, place):
    problems = _problems(text, fleet, world)
    assert any("is not carried out" in p and place in p for p in problems), problems


@pytest.mark.parametrize("text", [
    "Our goal: rock 2 cleared. Excavator 1 digs at rock 2.",
    "Our goal is rock 2 cleared. Excavator 1 digs at rock 2.",
])
def test_a_goal_after_a_goal_noun_that_the_steps_serve_plans(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]))


def test_a_place_left_alone_in_a_goal_is_owed_no_step(fleet, world):
    assert_plan("Our goal: rock 2 cleared, puddle 1 left alone. Truck 3 goes to rock 2.", fleet, world,
                task("m", T, [D3], ["rock2"]))
