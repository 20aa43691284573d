"""Mends of helper M82: misreadings found with sentences in the DART-LLM task voice that speak of unnamed robots and
groups ("two excavators", "the remaining excavator", "each of the trucks", "the excavators that dug") and set and
lift keep-outs for some robots.

1. "Two dump trucks go to obstacle 1. Then each of the trucks dumps at puddle 2." sent all three trucks: "each of
   the" (a universal determiner, like "all the") took every truck of the type, where "each truck" and "each of
   them" take the trucks spoken of. "each of the trucks" is now read as "each truck" (lexicon
   ``distributive_determiners``); with no truck spoken of before, it is still every truck. "loads each truck in
   turn" after a pair said by type made one loading: it is one per truck, chained, as "loads them in turn" is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, LOAD, T, assert_plan, task
from test_rules_mends13 import _lexicon

from dart_planner.llm.rules import rules_plan

DT2 = [("dump_truck", 2)]
DT3 = [("dump_truck", 3)]
EX2 = [("excavator", 2)]


# -- finding 1: "each of the trucks" is the trucks spoken of, not every truck ---------------------------------------

@pytest.mark.parametrize("each", ["each of the trucks dumps", "each of the dump trucks dumps", "each truck dumps",
                                  "each one of the trucks dumps"])
def test_each_of_the_trucks_after_a_pair_is_that_pair(fleet, world, each):
    assert_plan(f"Two dump trucks go to obstacle 1. Then {each} at puddle 2.", fleet, world,
                task("m1", T, [], ["obstacle1"], types=DT2), task("m2", T, [], ["puddle2"], deps=["m1"], types=DT2),
                task("u", DUMP, [], [], deps=["m2"], types=DT2))


def test_each_of_the_trucks_after_two_named_trucks_is_each_of_them(fleet, world):
    assert_plan("Dump trucks 1 and 2 go to obstacle 1. Then each of the trucks dumps at puddle 2.", fleet, world,
                task("m1", T, [D1, D2], ["obstacle1"]),
                task("a", T, [D1], ["puddle2"], deps=["m1"]), task("ua", DUMP, [D1], [], deps=["a"]),
                task("b", T, [D2], ["puddle2"], deps=["m1"]), task("ub", DUMP, [D2], [], deps=["b"]))


def test_each_of_the_excavators_after_two_excavators_is_those_two(fleet, world):
    assert_plan("Two excavators go to soil 1. Then each of the excavators digs.", fleet, world,
                task("m", T, [], ["soil1"], types=EX2), task("d", DIG, [], [], deps=["m"], types=EX2))


def test_each_of_the_trucks_with_none_spoken_of_is_every_truck(fleet, world):
    assert_plan("Each of the trucks goes to puddle 1.", fleet, world, task("m", T, [], ["puddle1"], types=DT3))


@pytest.mark.parametrize("each", ["each of the trucks", "each truck", "them"])
def test_loading_each_truck_of_a_pair_in_turn_is_one_loading_per_truck(fleet, world, each):
    assert_plan("Two dump trucks go to obstacle 1 and wait. Meanwhile, excavator 1 goes to soil 1 and digs. When the "
                f"digging is finished, the two trucks drive to soil 1 and excavator 1 loads {each} in turn.",
                fleet, world,
                task("m1", T, [], ["obstacle1"], types=DT2), task("m2", T, [E1], ["soil1"]),
                task("d", DIG, [E1], [], deps=["m2"]),
                task("m3", T, [], ["soil1"], deps=["m1", "d"], types=DT2),
                task("l1", LOAD, [E1], [], deps=["m3"]), task("l2", LOAD, [E1], [], deps=["l1"]))


def test_the_distributive_determiners_come_from_the_lexicon(fleet, world):
    text = "Two dump trucks go to obstacle 1. Then each of the trucks dumps at puddle 2."
    counts = [t.robot_count for t in rules_plan(text, fleet, world).graph.subtasks]
    assert counts[1] == (2,)
    off = rules_plan(text, fleet, world, _lexicon(distributive_determiners=[])).graph.subtasks
    assert off[1].robot_count == (3,)
