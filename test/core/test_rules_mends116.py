"""Mends of helper M116: misreadings found with benchmark-style task sentences (counted groups, concurrency and
ordering words, "respectively", keep-outs set and lifted); each gave a plan, no error, and the plan was wrong.

1. "Truck 3 goes to soil 2 and then returns to base with excavator 2." sent excavator 2 home alone: in a clause
   whose subject is left out (it goes on with the robot before), a robot after "with" / "alongside" (lexicon
   ``elided_companion_words``) is a companion of that robot, not the clause's new subject; the truck's return was
   silently dropped. Now both return in one task, after the truck's move.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import DUMP, E1, E2, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "... and then returns to base with excavator 2" keeps the left-out subject --------------------------

@pytest.mark.parametrize("text", [
    "Truck 3 goes to soil 2 and then returns to base with excavator 2.",
    "Truck 3 goes to soil 2 and then goes back to the start with excavator 2.",
    "Truck 3 goes to soil 2 and then returns to base together with excavator 2.",
    "Truck 3 goes to soil 2 and then returns to base along with excavator 2.",
    "Truck 3 goes to soil 2 and then returns to base alongside excavator 2.",
    "Truck 3 goes to soil 2, then it returns to base with excavator 2.",
])
def test_a_companion_after_with_joins_the_left_out_subject(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, ["robot_dump_truck_03"], ["soil2"]),
                task("r", R, ["robot_dump_truck_03", E2], [], deps=["m"]))


def test_the_companion_joins_a_relative_clause_subject(fleet, world):
    assert_plan("Excavator 1 digs at soil 2 and loads dump truck 1, which subsequently dumps at puddle 1 and then "
                "goes back to the start with excavator 2.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("g", "Excavation", [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("p", T, ["robot_dump_truck_01"], ["puddle1"], deps=["l"]),
                task("d", DUMP, ["robot_dump_truck_01"], [], deps=["p"]),
                task("r", R, ["robot_dump_truck_01", E2], [], deps=["d"]))


def test_a_companion_move_waits_for_the_companions_own_step(fleet, world):
    assert_plan("Excavator 2 inspects obstacle 1. Truck 3 goes to soil 2 and then drives to rock 1 with "
                "excavator 2.", fleet, world,
                task("o", T, [E2], ["obstacle1"]), task("m", T, ["robot_dump_truck_03"], ["soil2"]),
                task("r", T, ["robot_dump_truck_03", E2], ["rock1"], deps=["o", "m"]))


def test_a_named_subject_after_with_is_unchanged(fleet, world):
    assert_plan("Truck 3 goes to soil 1 with excavator 2.", fleet, world,
                task("m", T, ["robot_dump_truck_03", E2], ["soil1"]))


def test_the_companion_words_come_from_the_lexicon(fleet, world):
    text = "Truck 3 goes to soil 2 and then returns to base with excavator 2."
    got = rules_plan(text, fleet, world, _lexicon(elided_companion_words=[])).graph
    assert [s.robot_ids for s in got.subtasks if s.skill == R] == [(E2,)]
