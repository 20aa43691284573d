"""Mends of helper M54: dev lines the rules planner misread (L3_043, L3_108, L3_122, L3_123, L3_129, L3_131,
L3_135, L3_136, L3_170, L3_187), the general constructions behind them.

1. "Excavator 1 then goes to soil 1 and digs (no need to wait for truck 2 for that)" (L3_131): the waiver says the
   clause does not wait, yet its "then" made the move wait for the step said before (truck 2's move, or the keep-out
   put up on its arrival). A "then" in a sentence that waives a wait no longer orders the clause after the steps
   before; the robot's own chain still does.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D2, DIG, E1, T, assert_plan, task

# -- finding 1: a waived wait cancels the clause's "then" ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 drives to rock 2. Excavator 1 then goes to soil 1 and digs (no need to wait for truck 2).",
    "Truck 2 drives to rock 2. Then excavator 1 goes to soil 1 and digs without waiting for truck 2.",
    "Truck 2 drives to rock 2. After that, excavator 1 goes to soil 1 and digs - no need to wait for truck 2 "
    "for that.",
])
def test_a_waived_wait_cancels_then(fleet, world, text):
    assert_plan(text, fleet, world, task("t", T, [D2], ["rock2"]), task("m", T, [E1], ["soil1"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_a_waived_wait_cancels_then_after_a_keep_out(fleet, world):
    assert_plan("Truck 2 drives to rock 2. Once it is there, all robots avoid obstacle 2. Excavator 1 then goes to "
                "soil 1 (it need not wait for truck 2).", fleet, world,
                task("t", T, [D2], ["rock2"]), task("k", AVA, [], ["obstacle2"], deps=["t"]),
                task("m", T, [E1], ["soil1"]))


def test_the_robots_own_chain_still_holds(fleet, world):
    assert_plan("Excavator 1 goes to rock 1. Truck 2 drives to rock 2. Excavator 1 then goes to soil 1 without "
                "waiting for truck 2.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("t", T, [D2], ["rock2"]), task("m", T, [E1], ["soil1"], deps=["a"]))
