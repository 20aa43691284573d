"""Mends of helper M144: misreadings found by another helper and left.

2. "Truck 2 stays where it is and all the other robots go home" sent truck 2 home too: with no comma, the words of
   staying put ("stays", "stays put", "remains": lexicon ``stationary``) were no verb, so "and all the other robots"
   went on truck 2's clause as one more subject. A robot that stays put ends its clause at "and" before a new subject,
   as after a comma.
4. "Then truck 3 stays put. Everyone else returns to base." lost the "then": the keep-still clause does nothing, and
   the return after it started at once, beside the moves said before. A keep-still clause opened by "then" / "after
   that" hands its timing to the clause after it when that clause has none of its own (so with ", and everyone else
   goes home" and "while the others return").

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, E1, E2, E3, T, assert_plan, task

R = "return_to_start_for_specific_robots"

# -- finding 2: "<robot> stays (put / where it is) and the other robots ..." ----------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 stays where it is and all the other robots go home.",
    "Truck 2 stays put and all the other robots go home.",
    "Truck 2 remains where it is and the other robots go back to base.",
    "Dump truck 2 stays and everyone else returns to start.",
])
def test_a_robot_that_stays_is_not_sent_home_with_the_others(fleet, world, text):
    assert_plan(text, fleet, world, task("r", R, [E1, E2, E3, D1, D3]))


def test_a_robot_that_stays_after_work_is_not_sent_home_with_the_others(fleet, world):
    assert_plan("Truck 1 goes to rock 1. Truck 2 stays put and everyone except truck 2 goes home.", fleet, world,
                task("m", T, [D1], ["rock1"]), task("r", R, [E1, E2, E3, D3]), task("q", R, [D1], deps=["m"]))


def test_two_robots_staying_together_stay_one_subject(fleet, world):
    assert_plan("Truck 2 and truck 3 stay where they are and all the other robots go home.", fleet, world,
                task("r", R, [E1, E2, E3, D1]))


# -- finding 4: "Then <robot> stays put. Everyone else ..." keeps the "then" ----------------------------------------

_BEFORE = "Excavator 1 goes to soil 1 and truck 3 goes to rock 2. "


@pytest.mark.parametrize("text", [
    _BEFORE + "Then truck 3 stays put. Everyone except truck 3 returns to base.",
    _BEFORE + "After that, truck 3 stays where it is, and everyone except truck 3 goes home.",
    _BEFORE + "Then truck 3 stays put and all robots except truck 3 go back to base.",
])
def test_the_then_of_a_keep_still_clause_times_the_clause_after_it(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [E1], ["soil1"]), task("b", T, [D3], ["rock2"]),
                task("r", R, [E1, E2, E3, D1, D2], deps=["a", "b"]))


@pytest.mark.parametrize("text", [
    "Truck 3 goes to rock 2. Then truck 3 stays put. Everyone else returns to base.",
    "Truck 3 goes to rock 2. After that, truck 3 stays where it is, and everyone else goes home.",
    "Truck 3 goes to rock 2. Then truck 3 stays there while the others return.",
])
def test_the_others_after_a_keep_still_clause_wait_for_what_came_before(fleet, world, text):
    assert_plan(text, fleet, world, task("b", T, [D3], ["rock2"]),
                task("r", R, [E1, E2, E3, D1, D2], deps=["b"]))
