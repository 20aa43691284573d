"""Round 6 of the rules planner's generalisation: who does it. Robots referred to without their id
(by what they did, by a correction, by what they are not, as a group) resolved to the robots meant.
Wordings written for these tests only (none is from the benchmark, the paraphrase set or the
examples), each with the plan the benchmark conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AV,
    D2,
    D3,
    DIG,
    E1,
    E2,
    E3,
    R,
    T,
    assert_plan,
    task,
)

# -- asides that only confirm which robot is meant: "- not truck 3 -", "- I mean the truck, ... -" --


def test_negated_robot_aside_after_named_robots_is_not_the_subject(fleet, world):
    assert_plan("Excavators 2 and 3 - but never excavator 1 - drive to soil 2.", fleet, world,
                task("a", T, [E2, E3], ["soil2"]))
    assert_plan("Truck 3 (not truck 1) goes to puddle 2 and dumps.", fleet, world,
                task("a", T, [D3], ["puddle2"]), task("b", "DumpUnloading", [D3], deps=["a"]))


def test_correction_aside_keeps_the_robot_named_first(fleet, world):
    assert_plan("Excavator 3 moves to rock 2. Then truck 3 - I mean the dump truck, not excavator 3 - "
                "heads to rock 1.", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", T, [D3], ["rock1"], deps=["a"]))
    assert_plan("Truck 2, I mean dump truck 2, drives home.", fleet, world, task("a", R, [D2]))


def test_neither_of_them_may_enter_is_a_keep_out_for_both(fleet, world):
    assert_plan("Excavators 1 and 3 drive to soil 2. After that neither of them may enter puddle 1, "
                "and then both dig.", fleet, world,
                task("a", T, [E1, E3], ["soil2"]), task("b", AV, [E1, E3], ["puddle1"], deps=["a"]),
                task("c", DIG, [E1, E3], deps=["a"]))
