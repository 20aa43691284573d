"""Mends of helper M135: more ways of putting a wait on digging (diggates.py held only "nobody digs until ...").

1. "The digging waits until truck 2 has checked puddle 1.", "The digging does not start until ...", "The excavation
   has to wait until ..." said after the digging: the wait was dropped in silence (the "until" clause, with no main
   clause after it, timed nothing). It now holds the digging like "nobody digs until ...".
2. "Digging starts only after truck 1 has inspected puddle 2.", "Any digging must wait till ...", "Digging may only
   start after ..." with two diggings in the plan: refused ("no robot among robot_dump_truck_01 can dig") or, said
   before the diggings, the wait reached only the last one. Digging said as a noun, with no robot, is every digging
   step: each waits for the check (rule 9), with transitive edges left out (rule 7).
3. "Excavator 1 does not dig until truck 2 has checked rock 1." (also "won't dig", "must not start digging",
   "doesn't begin digging") was refused as a negated order: it holds excavator 1's diggings, not the others'.
4. "All digging waits until the puddle has been inspected." was refused: a check said in the passive is whoever's
   move to that place the plan has.
5. Found on the way: "Both diggings wait until ..." and "Neither excavator digs until ..." dropped the wait in
   silence; "They do not dig until ...", "It does not dig until ...", "..., but it won't start digging until ...",
   "Until truck 2 has checked rock 1, excavator 1 does not dig." and "All excavation waits until ..." were refused.
   The robots of a negated digging are those the words name now (a robot no number pins down is refused); an
   "until" said first holds the clause after it; "excavation" is digging said as a noun too.
6. Found on the way: a hold on two checks ("Nobody digs until trucks 1 and 2 have checked the puddles", "All digging
   waits until both puddles have been inspected") waited only for the check made last, in silence: it now waits for
   each named robot's (or, in the passive, each place's) check, and is refused when one is missing. "The digging at
   soil 1 waits until ...", "Nobody digs at soil 1 until ..." and "Excavator 1's digging waits until ..." dropped the
   wait in silence (the first also sent excavator 2 to soil 1): they hold the digging at that place (the place of
   its robot's move before it) or that robot's.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, E1, E2, LOAD, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "the digging waits until <check>" said after the digging -------------------------------------------


@pytest.mark.parametrize("hold", ["The digging waits until", "The digging does not start until",
                                  "The excavation has to wait until", "The digging has to wait till"])
def test_the_digging_waits_for_the_check_said_after_it(fleet, world, hold):
    assert_plan(f"Truck 2 goes to puddle 1. Excavator 1 digs at soil 1. {hold} truck 2 has checked puddle 1.",
                fleet, world,
                task("c", T, [D2], ["puddle1"]), task("m", T, [E1], ["soil1"]),
                task("g", DIG, [E1], [], deps=["c", "m"]))


def test_the_digging_waits_with_a_loading_after_it(fleet, world):
    assert_plan("Truck 1 checks puddle 1. Excavator 1 digs at soil 1 and loads truck 2. "
                "The digging waits until truck 1 has checked puddle 1.", fleet, world,
                task("c", T, [D1], ["puddle1"]), task("m", T, [E1], ["soil1"]),
                task("g", DIG, [E1], [], deps=["c", "m"]), task("l", LOAD, [E1], [], deps=["g"]))


def test_the_digging_waits_for_a_check_the_plan_lacks_is_refused(fleet, world):
    p = rules_plan("Excavator 1 digs at soil 1. The digging waits until truck 2 has checked puddle 1.", fleet, world)
    assert any("the digging" in e and "check" in e for e in p.errors), p.errors


# -- finding 2: "digging starts only after <check>" holds every digging ----------------------------------------------

_TWO_DIGS = (task("c", T, [D1], ["puddle2"]),
             task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["c", "m1"]),
             task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["c", "m2"]))


@pytest.mark.parametrize("hold", ["Digging starts only after", "Digging begins only once", "Any digging must wait till",
                                  "Digging may only start after", "Digging starts after"])
def test_digging_starts_after_the_check_holds_both_diggings(fleet, world, hold):
    assert_plan(f"Truck 1 inspects puddle 2. {hold} truck 1 has inspected puddle 2. "
                "Excavator 1 digs at soil 1 and excavator 2 digs at soil 2.", fleet, world, *_TWO_DIGS)


def test_digging_starts_only_after_the_check_said_last(fleet, world):
    assert_plan("Truck 1 inspects puddle 2. Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. "
                "Digging starts only after truck 1 has inspected puddle 2.", fleet, world, *_TWO_DIGS)


def test_a_digging_already_after_the_check_gets_no_second_edge(fleet, world):
    assert_plan("Truck 1 inspects puddle 2. Then excavator 1 digs at soil 1. Excavator 2 digs at soil 2. "
                "Digging starts only after truck 1 has inspected puddle 2.", fleet, world,
                task("c", T, [D1], ["puddle2"]),
                task("m1", T, [E1], ["soil1"], deps=["c"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["c", "m2"]))


# -- finding 3: "excavator 1 does not dig until <check>" holds excavator 1's digging ---------------------------------


@pytest.mark.parametrize("hold", ["Excavator 1 does not dig", "Excavator 1 won't dig",
                                  "Excavator 1 must not start digging", "Excavator 1 doesn't begin digging"])
def test_a_named_excavator_does_not_dig_until_the_check(fleet, world, hold):
    assert_plan(f"Truck 2 checks rock 1. {hold} until truck 2 has checked rock 1. "
                "Excavator 1 digs at soil 1. Excavator 2 digs at soil 2.", fleet, world,
                task("c", T, [D2], ["rock1"]),
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["c", "m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]))


def test_a_named_excavator_that_never_digs_is_refused(fleet, world):
    p = rules_plan("Truck 2 checks rock 1. Excavator 1 does not dig until truck 2 has checked rock 1. "
                   "Excavator 2 digs at soil 2.", fleet, world)
    assert any("excavator 1 does not dig" in e for e in p.errors), p.errors


# -- finding 4: "all digging waits until the puddle has been inspected" ----------------------------------------------


def test_all_digging_waits_for_a_check_said_in_the_passive(fleet, world):
    assert_plan("Truck 1 inspects puddle 1. Excavator 2 digs at soil 2. "
                "All digging waits until the puddle has been inspected.", fleet, world,
                task("c", T, [D1], ["puddle1"]),
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], [], deps=["c", "m"]))


def test_all_digging_waits_said_first(fleet, world):
    assert_plan("Truck 1 inspects puddle 1. All digging waits until puddle 1 has been inspected. "
                "Excavator 2 digs at soil 2 and excavator 1 digs at soil 1.", fleet, world,
                task("c", T, [D1], ["puddle1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["c", "m2"]),
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["c", "m1"]))


# -- finding 5: more subjects of the hold, and the hold said first --------------------------------------------------

_BOTH_HELD = (task("c", T, [D1], ["puddle2"]),
              task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["c", "m1"]),
              task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["c", "m2"]))


@pytest.mark.parametrize("hold", ["Both diggings wait until", "Neither excavator digs until", "They do not dig until",
                                  "All excavation waits until"])
def test_the_two_diggings_wait_for_the_check(fleet, world, hold):
    assert_plan(f"Truck 1 inspects puddle 2. Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. "
                f"{hold} truck 1 has inspected puddle 2.", fleet, world, *_BOTH_HELD)


@pytest.mark.parametrize("text", [
    "Truck 2 checks rock 1. Excavator 1 digs at soil 1. It does not dig until truck 2 has checked rock 1.",
    "Truck 2 checks rock 1. Excavator 1 digs at soil 1, but it won't start digging until truck 2 has checked rock 1.",
    "Truck 2 checks rock 1. Until truck 2 has checked rock 1, excavator 1 does not dig. Excavator 1 digs at soil 1.",
])
def test_the_excavator_said_by_a_pronoun_or_after_the_check(fleet, world, text):
    assert_plan(text, fleet, world,
                task("c", T, [D2], ["rock1"]), task("m", T, [E1], ["soil1"]),
                task("g", DIG, [E1], [], deps=["c", "m"]))


def test_the_hold_said_first_leaves_the_other_excavator_alone(fleet, world):
    assert_plan("Truck 2 checks rock 1. Until truck 2 has checked rock 1, excavator 1 does not dig. "
                "Excavator 1 digs at soil 1 and excavator 2 digs at soil 2.", fleet, world,
                task("c", T, [D2], ["rock1"]),
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["c", "m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]))


def test_an_unnamed_excavator_held_is_refused(fleet, world):
    p = rules_plan("Truck 1 inspects puddle 1. Excavator 2 digs at soil 2. "
                   "An excavator does not dig until truck 1 has inspected puddle 1.", fleet, world)
    assert any("an excavator does not dig" in e for e in p.errors), p.errors


# -- finding 6: every check of the hold; the digging at a place, or a robot's ----------------------------------------

_TWO_CHECKS = (task("c1", T, [D1], ["puddle1"]), task("c2", T, [D2], ["puddle2"]),
               task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["c1", "c2", "m"]))


@pytest.mark.parametrize("hold", [
    "Nobody digs until trucks 1 and 2 have checked the puddles.",
    "The digging waits until truck 1 has checked puddle 1 and truck 2 has checked puddle 2.",
    "All digging waits until both puddles have been inspected.",
])
def test_the_hold_waits_for_every_check(fleet, world, hold):
    assert_plan(f"Truck 1 checks puddle 1. Truck 2 checks puddle 2. Excavator 1 digs at soil 1. {hold}", fleet, world,
                *_TWO_CHECKS)


def test_a_hold_on_a_place_no_one_checks_is_refused(fleet, world):
    p = rules_plan("Truck 1 checks puddle 1. Excavator 1 digs at soil 1. "
                   "All digging waits until both puddles have been inspected.", fleet, world)
    assert any("all digging waits" in e and "check" in e for e in p.errors), p.errors


@pytest.mark.parametrize("hold", ["The digging at soil 1 waits until", "Nobody digs at soil 1 until",
                                  "Excavator 1's digging waits until", "The digging at soil 1 does not start until"])
def test_the_digging_at_a_place_or_of_a_robot_waits(fleet, world, hold):
    assert_plan(f"Truck 1 checks puddle 1. Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. "
                f"{hold} truck 1 has checked puddle 1.", fleet, world,
                task("c", T, [D1], ["puddle1"]),
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["c", "m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]))


def test_a_hold_on_a_place_nobody_digs_is_refused(fleet, world):
    p = rules_plan("Truck 1 checks puddle 1. Excavator 1 digs at soil 1. "
                   "Nobody digs at rock 1 until truck 1 has checked puddle 1.", fleet, world)
    assert any("nobody digs at rock 1" in e and "digging" in e for e in p.errors), p.errors
