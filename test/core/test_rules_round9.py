"""Round 9 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    D1,
    D3,
    DIG,
    DUMP,
    E2,
    E3,
    LOAD,
    T,
    assert_plan,
    task,
)

# -- "the loader is excavator 3": a role said with a copula names the robot, like an apposition ------


def test_role_noun_said_to_be_a_robot_with_a_copula_is_that_robot_later(fleet, world):
    assert_plan("The loader today is excavator 3. Move the loader to rock 2 and let the loader dig there.",
                fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]))


def test_robot_said_to_be_a_role_then_both_go_together(fleet, world):
    assert_plan("The tipper (truck 1) must carry dirt from soil 1 to puddle 2. Excavator 2 is the digger for "
                "this: send both to soil 1 together, the digger digs and fills the tipper, then the tipper "
                "drives to puddle 2 and dumps.", fleet, world,
                task("a", T, [E2, D1], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", T, [D1], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D1], deps=["d"]))


def test_role_copula_with_a_verb_after_it_is_not_folded(fleet, world):
    # "truck 3 is ..." followed by its own verb stays a clause: the copula only folds a naming clause
    assert_plan("Dump truck 3 is to go to puddle 1 and dump.", fleet, world,
                task("a", T, [D3], ["puddle1"]), task("b", DUMP, [D3], deps=["a"]))
