"""Mends of helper M136: known misreadings left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Truck 3 remains at soil 2 until truck 2 has checked rock 2. Truck 3 then goes to puddle 1. Truck 2 checks rock 2."
   dropped the wait: the check is ordered in a later sentence, so the "until" found no step, and truck 3's next step
   left at once. A robot that stays where it is until such a deed ("remains at", "waits there", "stays", "waits
   until ..., then ...") now has its next step wait for the first later step of the anchor's robot and action (at
   its place) (rules/staywaits.py); a deed no later step does is refused, naming the words.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, E1, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a stay "until X" with X ordered in a later sentence holds the robot's next step ----------------------

@pytest.mark.parametrize("text", [
    "Truck 3 remains at soil 2 until truck 2 has checked rock 2. Truck 3 then goes to puddle 1. Truck 2 checks rock 2.",
    "Truck 3 waits until truck 2 has checked rock 2, then goes to puddle 1. Truck 2 checks rock 2.",
    "Dump truck 3 remains at soil 2 until dump truck 2 has inspected rock 2. Afterwards truck 3 drives to puddle 1. "
    "Meanwhile dump truck 2 inspects rock 2.",
])
def test_a_stay_holds_the_next_step_until_a_check_said_later(fleet, world, text):
    assert_plan(text, fleet, world, task("c", T, [D2], ["rock2"]), task("m", T, [D3], ["puddle1"], deps=["c"]))


@pytest.mark.parametrize("text", [
    "Truck 3 goes to soil 2. It waits there until truck 2 has inspected rock 2. Truck 2 inspects rock 2. "
    "Truck 3 then heads back to start.",
    "Truck 3 goes to soil 2 and stays there until truck 2 has checked rock 2. Dump truck 2 inspects rock 2. "
    "Afterwards truck 3 returns to base.",
])
def test_a_wait_after_a_move_holds_the_step_after_it(fleet, world, text):
    assert_plan(text, fleet, world, task("g", T, [D3], ["soil2"]), task("c", T, [D2], ["rock2"]),
                task("r", R, [D3], [], deps=["g", "c"]))


def test_an_excavator_waits_at_its_place_for_a_later_check(fleet, world):
    assert_plan("Excavator 1 waits at soil 1 until truck 2 has checked puddle 1, then digs there. "
                "Truck 2 checks puddle 1.", fleet, world,
                task("g", T, [E1], ["soil1"]), task("c", T, [D2], ["puddle1"]),
                task("d", DIG, [E1], [], deps=["g", "c"]))


def test_a_stay_until_a_deed_no_step_does_is_refused(fleet, world):
    p = rules_plan("Truck 3 remains at soil 2 until truck 2 has checked rock 2. Truck 3 then goes to puddle 1. "
                   "Truck 2 goes to soil 1.", fleet, world)
    assert any("until truck 2 has checked rock 2" in e for e in p.errors), p.errors


def test_a_keep_out_until_a_later_check_holds_no_step(fleet, world):
    # a keep-out is no stay: the trucks' later move elsewhere does not wait for the check
    p = rules_plan("Truck 1 goes to soil 1. Trucks 2 and 3 keep away from rock 2 until truck 1 has checked it. "
                   "Truck 1 checks rock 2. Trucks 2 and 3 go to soil 2.", fleet, world)
    assert not p.errors
    move = next(s for s in p.graph.subtasks if list(s.object_keywords) == ["soil2"])
    assert all(not d.startswith("target") for d in move.dependencies)
