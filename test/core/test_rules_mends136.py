"""Mends of helper M136: known misreadings left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Truck 3 remains at soil 2 until truck 2 has checked rock 2. Truck 3 then goes to puddle 1. Truck 2 checks rock 2."
   dropped the wait: the check is ordered in a later sentence, so the "until" found no step, and truck 3's next step
   left at once. A robot that stays where it is until such a deed ("remains at", "waits there", "stays", "waits
   until ..., then ...") now has its next step wait for the first later step of the anchor's robot and action (at
   its place) (rules/staywaits.py); a deed no later step does is refused, naming the words.
2. "Truck 2 must not leave before truck 1 has checked puddle 1. Truck 2 goes to soil 1. Truck 1 checks puddle 1." (the
   wait said before the work it times, its deed ordered later) sent truck 2 off at once: a negated bare departure is
   a stay too, so its next step waits for the check. Said in two words ("must not *set off*", "does not *head off*":
   two-word ``departure_verbs``), "set" was no verb and the wait was dropped, and "head off" a keep-out with no place
   (refused); both now read as "leave". "Must not leave soil 2 before X" with X ordered later was refused as a stay
   that could not wait for a later deed (test_rules_mends129); it now waits for it.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, R, T, assert_plan, task

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


# -- finding 2: "must not leave before X" said before the work it times, X ordered later -----------------------------

@pytest.mark.parametrize("text", [
    "Truck 2 must not leave before truck 1 has checked puddle 1. Truck 2 goes to soil 1. Truck 1 checks puddle 1.",
    "Truck 2 must not depart until truck 1 has inspected puddle 1. Truck 2 drives to soil 1. "
    "Truck 1 inspects puddle 1.",
    "Truck 2 does not head off before truck 1 has inspected puddle 1. Truck 2 drives to soil 1. "
    "Truck 1 inspects puddle 1.",
    "Truck 2 must not leave before truck 1 has checked puddle 1. Truck 1 checks puddle 1. Truck 2 goes to soil 1.",
])
def test_not_leaving_before_a_later_check_holds_the_next_move(fleet, world, text):
    assert_plan(text, fleet, world, task("c", T, [D1], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["c"]))


@pytest.mark.parametrize("text", [
    "Truck 2 must not set off before excavator 1 has dug at soil 1. Truck 2 goes to rock 1. "
    "Excavator 1 digs at soil 1.",
    "Truck 2 should not head out until excavator 1 is done digging at soil 1. It then goes to rock 1. "
    "Excavator 1 digs at soil 1.",
])
def test_a_two_word_departure_is_a_leaving(fleet, world, text):
    assert_plan(text, fleet, world, task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["e"]),
                task("m", T, [D2], ["rock1"], deps=["d"]))


def test_not_setting_out_for_a_place_stays_a_negated_move(fleet, world):
    assert_plan("Truck 2 does not set out for soil 1 before truck 1 has inspected puddle 1. Truck 1 inspects puddle 1.",
                fleet, world, task("c", T, [D1], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["c"]))


def test_not_leaving_a_place_before_a_later_check_holds_the_next_move(fleet, world):
    for text in ("Excavator 1 digs at soil 2 and truck 3 goes to soil 2. Truck 3 must not leave soil 2 before truck 2 "
                 "has checked rock 2. Truck 2 checks rock 2. Truck 3 then dumps at puddle 1.",
                 "Excavator 1 digs at soil 2 and truck 3 goes to soil 2. Truck 3 must not leave soil 2 before truck 2 "
                 "has checked rock 2. Truck 3 then dumps at puddle 1. Truck 2 checks rock 2."):
        assert_plan(text, fleet, world, task("s", T, [E1, D3], ["soil2"]), task("d", DIG, [E1], deps=["s"]),
                    task("c", T, [D2], ["rock2"]), task("p", T, [D3], ["puddle1"], deps=["s", "c"]),
                    task("u", DUMP, [D3], deps=["p"]))
