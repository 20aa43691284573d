"""Mends of helper M132: a hold on all digging, said of nobody in particular.

1. "Nobody starts digging until truck 2 has checked the puddle.", "No one digs until truck 2 has checked puddle 1.",
   "No digging starts until truck 2 has checked puddle 2." were refused ("'starts digging' cannot be done by the
   whole fleet at once", "no robot among robot_dump_truck_02 can dig"). They order no digging: every digging step
   the plan has, said before or after, waits for the check (rule 9), with transitive edges left out (rule 7). A
   check that no step does is refused, naming the words.
2. "No excavator digs until truck 2 has checked puddle 1." (with the digging said in another sentence) added a
   digging by three excavators at no place, in silence: the excavators are the only diggers, so it is the same hold.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, DIG, E1, E2, E3, LOAD, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "nobody digs until <check>" holds every digging ------------------------------------------------------


def test_nobody_starts_digging_until_the_check_said_before(fleet, world):
    assert_plan("Truck 2 goes to puddle 1 and checks it. Excavator 1 digs at soil 1 and loads truck 1. "
                "Nobody starts digging until truck 2 has checked the puddle.", fleet, world,
                task("c", T, [D2], ["puddle1"]), task("m", T, [E1], ["soil1"]),
                task("g", DIG, [E1], [], deps=["c", "m"]), task("l", LOAD, [E1], [], deps=["g"]))


@pytest.mark.parametrize("hold", ["No one digs", "No one may dig", "Nobody should begin digging", "No excavator digs",
                                  "No excavator starts digging"])
def test_no_one_digs_until_the_check_with_the_digging_said_after(fleet, world, hold):
    assert_plan(f"Truck 2 checks puddle 1. {hold} until truck 2 has checked puddle 1. "
                "Excavator 1 digs at soil 1. Excavator 2 digs at soil 2.", fleet, world,
                task("c", T, [D2], ["puddle1"]),
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["c", "m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["c", "m2"]))


def test_no_digging_starts_until_the_check(fleet, world):
    assert_plan("Excavator 3 digs at rock 1. Truck 2 inspects puddle 2. "
                "No digging starts until truck 2 has checked puddle 2.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("c", T, [D2], ["puddle2"]),
                task("g", DIG, [E3], [], deps=["m", "c"]))


def test_the_hold_leaves_out_a_transitive_edge(fleet, world):
    assert_plan("Truck 2 checks puddle 1. Then excavator 1 goes to soil 1 after truck 2 is done and digs there. "
                "No one digs until truck 2 has checked puddle 1.", fleet, world,
                task("c", T, [D2], ["puddle1"]), task("m", T, [E1], ["soil1"], deps=["c"]),
                task("g", DIG, [E1], [], deps=["m"]))


def test_a_hold_on_a_check_the_plan_lacks_is_refused(fleet, world):
    p = rules_plan("No one digs until truck 2 has checked puddle 1. Excavator 1 digs at soil 1.", fleet, world)
    assert any("no one digs" in e and "check" in e for e in p.errors), p.errors
