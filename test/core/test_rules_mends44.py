"""Mends of helper 44: long multi-crew instructions, written for these tests, whose timing the rules planner misread.

1. "Once *both pairs* have arrived, ..." after two clauses that each sent an excavator and a truck read "both" as the
   two robots named last (one pair), so the step after it waited for one crew's move only, and "the excavators dig"
   split into two diggings with different waits. "Both pairs / crews / teams / groups" (``both_crews_pronouns``) now
   mean every robot of the two latest subject groups of several robots; "both" alone still counts two robots.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "both pairs" after two crews joins on both crews ---------------------------------------------------

_CREWS = ("Excavator 2 and dump truck 2 go to soil 1. At the same time, excavator 3 and dump truck 3 go to soil 2. ")


@pytest.mark.parametrize("anchor", ["Once both pairs have arrived", "When both crews are there",
                                    "Once both teams have arrived", "When both groups are done"])
def test_both_pairs_joins_on_both_crews(fleet, world, anchor):
    assert_plan(_CREWS + anchor + ", the excavators dig. Then excavator 2 loads dump truck 2 and excavator 3 loads "
                "dump truck 3.", fleet, world,
                task("m1", T, [E2, D2], ["soil1"]), task("m2", T, [E3, D3], ["soil2"]),
                task("d", DIG, [E2, E3], [], deps=["m1", "m2"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E3], [], deps=["d"]))


def test_one_robot_after_both_pairs_waits_for_both_crews(fleet, world):
    assert_plan(_CREWS + "Once both pairs have arrived, excavator 3 digs.", fleet, world,
                task("m1", T, [E2, D2], ["soil1"]), task("m2", T, [E3, D3], ["soil2"]),
                task("d", DIG, [E3], [], deps=["m1", "m2"]))


def test_both_alone_still_counts_two_robots(fleet, world):
    assert_plan("Excavator 2 goes to soil 1. Excavator 3 goes to soil 2. Dump truck 2 goes to rock 1. Once both are "
                "there, dump truck 3 goes to rock 2.", fleet, world,
                task("m1", T, [E2], ["soil1"]), task("m2", T, [E3], ["soil2"]), task("m3", T, [D2], ["rock1"]),
                task("m4", T, [D3], ["rock2"], deps=["m2", "m3"]))
