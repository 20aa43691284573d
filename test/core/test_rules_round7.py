"""Round 7 of the rules planner's generalisation: when a step starts and who goes together.
Wordings written for these tests only (none is from the benchmark, the paraphrase set or the
examples), each with the plan the benchmark conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    D1,
    D2,
    DIG,
    E1,
    E2,
    T,
    assert_plan,
    task,
)

# -- "then" after a subject and a modal ("truck 2 should then go") reads as "truck 2 then goes" --------


def test_then_after_modal_for_a_new_robot_waits_for_the_step_before(fleet, world):
    assert_plan("Excavator 2 drives to rock 2 and digs. Dump truck 1 must then head to puddle 1.", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["puddle1"], deps=["b"]))


def test_then_after_modal_for_a_robot_with_a_chain_continues_only_that_chain(fleet, world):
    assert_plan("Truck 2 goes to obstacle 1. Excavator 1 goes to soil 2 and digs. Truck 2 will then go to "
                "rock 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", T, [E1], ["soil2"]), task("c", DIG, [E1], deps=["b"]),
                task("d", T, [D2], ["rock1"], deps=["a"]))
