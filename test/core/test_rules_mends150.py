"""Mends of helper M150 (blind batch 31 dev lines).

1. "Truck 3 is not needed for hauling, so it checks obstacle 2." was refused ("no object named to avoid in
   'hauling'"): after a phrase saying robots are not needed (lexicon ``unneeded_robot_phrases``), "for" and a
   gerund of work ("for hauling", "for digging") say what they are spared, not a place barred: no step, no keep-out.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, E1, E3, T, assert_plan, task

# -- finding 1: "not needed for hauling" spares the robot a kind of work ------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 digs at rock 2. Truck 3 is not needed for hauling, so could it check obstacle 2 instead?",
    "Excavator 3 digs at rock 2. Dump truck 3 isn't needed for the hauling, so it drives to obstacle 2.",
    "Excavator 3 digs at rock 2. Truck 3 is no longer needed for loading today, so send it to obstacle 2.",
])
def test_not_needed_for_a_gerund_spares_the_work(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E3], ["rock2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("o", T, [D3], ["obstacle2"]))


def test_not_needed_for_digging_before_a_sent_robot(fleet, world):
    assert_plan("Excavator 1 is not needed for digging, so it goes to puddle 1. Truck 2 goes to soil 2.", fleet, world,
                task("m", T, [E1], ["puddle1"]), task("t", T, [D2], ["soil2"]))

