"""Mends of helper M101: goal-first messages (a person says what they want, then the order of work).

A goal sentence whose steps are spelled out after it adds no steps of its own: the steps carry it out, and the
robots it counts ("two excavators") are the ones the steps then call "the excavators". A goal with no steps after
it stays an order.

1. "We need soil 1 dug by two excavators and the load taken to rock 2 by truck 2. The excavators go to soil 1 and
   dig together. Truck 2 should be loaded ...": the goal was planned as steps and then the steps again (a second
   move, dig and haul).
2. "I'd like rock 2 broken up by two excavators. First the excavators go to rock 2, ...": the goal was dropped and
   its group with it, so "the excavators" were all three.
3. "Could you have the excavators start on soil 1 and soil 2? Excavator 1 should dig at soil 1 and excavator 3 at
   soil 2.", "We need rock 2 out of the way and both trucks used for it. ...": the goal or summary became a move of
   the whole type beside the moves of the steps.
4. "I'd like a couple of trucks to check obstacle 1 and obstacle 2, one each: truck 1 goes to obstacle 1 and truck 2
   goes to obstacle 2.": the wish was planned beside its steps (three times the work).
5. "Because nobody has looked at rock 2 yet, truck 1 checks it first.": a reason at the head of the sentence whose
   only robot is a negation ("nobody", "no one") and whose verb tells what has (not) happened was read as a
   keep-out of rock 2 for everybody, and the instruction was refused.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, E3, R, T, assert_plan, task

# -- finding 5: a reason about what nobody has done yet -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Because nobody has looked at rock 2 yet, truck 1 checks it first.",
    "Because no one has checked rock 2 today, truck 1 inspects rock 2.",
    "Since no robot has visited rock 2 yet, truck 1 goes to rock 2.",
])
def test_a_reason_about_what_nobody_has_done_is_no_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["rock2"]))


def test_a_reason_about_nobody_then_more_steps(fleet, world):
    assert_plan("Since nobody has checked obstacle 2 today, excavator 3 inspects it and then returns to start.",
                fleet, world, task("a", T, [E3], ["obstacle2"]), task("r", R, [E3], deps=["a"]))
