"""Mends of helper M124: instructions written as a shift plan, one paragraph per crew, with the waits between crews
said in sentences of their own.

1. "Truck 3 should not leave for soil 2 before the digging is done." kept truck 3 out of soil 2 (a keep-out after
   the loading) and sent it nowhere: a negated move of leaving for a place ("leave for": lexicon
   ``departure_verbs``) before X is the same wait as "until X" (lexicon ``negated_move_before_words``,
   rules/negbefore.py): the truck leaves for soil 2 once the digging is done.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, DUMP, E1, E2, LOAD, T, assert_plan, task

# -- finding 1: "<robot> should not leave for <place> before X" is "it leaves for <place> once X" -------------------


@pytest.mark.parametrize("wait", [
    "Truck 3 should not leave for soil 2 before the digging is done.",
    "Truck 3 must not leave for soil 2 before the digging is done.",
    "Truck 3 should not leave for soil 2 until the digging is done.",
])
def test_not_leaving_for_a_place_before_a_step_is_a_wait(fleet, world, wait):
    text = (f"Excavator 1 heads to soil 2, digs, and loads truck 3. {wait} Truck 3 then takes the load to puddle 1 "
            f"and tips it.")
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["soil2"]), task("dig", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [D3], ["soil2"], deps=["dig"]), task("load", LOAD, [E1], [], deps=["m2"]),
                task("m3", T, [D3], ["puddle1"], deps=["load"]), task("d", DUMP, [D3], [], deps=["m3"]))


def test_not_leaving_before_another_robot_s_check_is_a_wait(fleet, world):
    assert_plan("Excavator 2 goes to rock 1 and checks it. Truck 2 must not leave for rock 1 before excavator 2 "
                "has checked it.", fleet, world,
                task("m1", T, [E2], ["rock1"]), task("m2", T, [D2], ["rock1"], deps=["m1"]))
