"""Mends of helper M40: keep-outs and robot mentions as ordinary people type them, read wrong on main.

1. "Truck 1 must not go near rock 2 until excavator 1 has dug at soil 1." sent truck 1 TO rock 2 after the digging,
   and "Excavator 1 goes to soil 2 and digs. Nobody else should go there until it is finished." sent the five other
   robots to soil 2: a negated move "until X" was read as a move once X is done ("truck 2 must not leave for soil 1
   until they have dug"), also when it only comes near the place or when its robots are said by a negation
   ("nobody", "no truck"): nothing says anyone goes there later, so both are keep-outs (lexicon
   ``until_keepout_motion``, ``until_keepout_crowds``).
2. "Truck 1 shouldnt go near puddle 2." (the apostrophe left out, as in quick typing) and "Truck 1 won't go near
   puddle 2." sent truck 1 to puddle 2: "shouldnt", "dont", "doesnt", "mustnt", "cant", "wont" are read as the
   negations they spell (lexicon ``spellings``) and "won't" / "will not" negate like "must not" (``negations``).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, E1, E2, E3, T, assert_plan, task

# -- finding 1: a negated move "until X" that only comes near, or whose robots are "nobody", is a keep-out ----------

_DIG_1 = (task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Truck 1 must not go near rock 2 until excavator 1 has dug at soil 1.",
    "Truck 1 shouldn't drive near rock 2 till excavator 1 has dug at soil 1.",
    "Truck 1 must not get close to rock 2 until excavator 1 has dug at soil 1.",
])
def test_not_going_near_until_is_a_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, *_DIG_1, task("k", AV, [D1], ["rock2"]))


def test_nobody_else_going_there_until_is_a_keep_out(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs. Nobody else should go there until it is finished.", fleet,
                world, task("m", T, [E1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("k", AV, [E2, E3, D1, D2, D3], ["soil2"]))


def test_a_negated_departure_until_is_still_a_later_move(fleet, world):
    assert_plan("Truck 1 must not leave for rock 2 until excavator 1 has dug at soil 1.", fleet, world,
                *_DIG_1, task("t", T, [D1], ["rock2"], deps=["g"]))


# -- finding 2: negations typed without the apostrophe, and "won't", keep the robot out ------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 shouldnt go near puddle 2.",
    "Truck 1 won't go near puddle 2.",
    "Truck 1 wont go near puddle 2.",
    "Truck 1 mustnt go near puddle 2.",
    "Truck 1 doesnt enter puddle 2.",
    "Truck 1 cant go near puddle 2.",
])
def test_a_negation_typed_without_its_apostrophe_keeps_out(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D1], ["puddle2"]))


def test_dont_typed_short_keeps_out_before_the_move(fleet, world):
    assert_plan("Truck 1 dont go to puddle 2, go to soil 1.", fleet, world,
                task("k", AV, [D1], ["puddle2"]), task("m", T, [D1], ["soil1"], deps=["k"]))
