"""Mends of silent misreadings left after mends 14b (all the same at 5121fc9): an order or a keep-out that was
dropped, sent to the wrong robot or the wrong place, now read right, or, where it cannot be read, refused with
its words named; ordinary sentences near each construction are guarded so the mend does not refuse them.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, E1, T, assert_plan, task

from dart_planner.llm.rules import load_lexicon


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# -- finding 1: "X waits for Y and goes to Z": the verb after "and" is X's next step --------------------------

def test_a_wait_for_a_robot_then_and_a_verb_is_the_waiting_robots_step(fleet, world):
    assert_plan("Truck 2 waits for excavator 1 and goes to rock 1.", fleet, world, task("t", T, [D2], ["rock1"]))


def test_the_step_after_a_wait_and_and_follows_the_awaited_robots_work(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 waits for excavator 1 and goes to rock 1.", fleet, world,
                task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["e"]),
                task("t", T, [D2], ["rock1"], deps=["d"]))


def test_a_wait_for_two_robots_to_arrive_still_names_their_move(fleet, world):
    assert_plan("Truck 1 goes to rock 1. Truck 2 waits for excavator 1 and truck 3 to arrive at soil 1.",
                fleet, world, task("a", T, [D1], ["rock1"]), task("b", T, [E1, D3], ["soil1"]))
