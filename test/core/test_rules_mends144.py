"""Mends of helper M144: misreadings found by another helper and left.

1. "Before the diggers come in, send dump truck 1 to puddle 1." sent all three excavators to puddle 1 after the
   truck (the arrival read as a move, to the place the clause named), and "Before the diggers come in, I'd like to know
   how bad the two puddles are." was refused (dev L2_248). "Before <robots> come in / arrive / start, ..." (lexicon
   ``arrival_phrases``) is no step: those robots' first steps wait for the work said in that sentence (or, when the
   sentence only says what is wanted, for the work of the sentence after it).
2. "Truck 2 stays where it is and all the other robots go home" sent truck 2 home too: with no comma, the words of
   staying put ("stays", "stays put", "remains": lexicon ``stationary``) were no verb, so "and all the other robots"
   went on truck 2's clause as one more subject. A robot that stays put ends its clause at "and" before a new subject,
   as after a comma.
4. "Then truck 3 stays put. Everyone else returns to base." lost the "then": the keep-still clause does nothing, and
   the return after it started at once, beside the moves said before. A keep-still clause opened by "then" / "after
   that" hands its timing to the clause after it when that clause has none of its own (so with ", and everyone else
   goes home" and "while the others return").
3. "Two excavators go to soil 1 and dig. Truck 2 stays where it is, and everyone except truck 2 goes back." sent
   excavators 1-3 home at once, beside the digging: the named robots had no step of their own, yet two of the three
   are digging (rule 8: tasks that share a robot are ordered). Robots that take in more of a type than a group of
   that type leaves out (so surely one of the group) now wait for the group's last step.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, E1, E2, E3, T, assert_plan, task

R = "return_to_start_for_specific_robots"

# -- finding 1: "Before the diggers come in, ..." gates the diggers, sends nobody --------------------------------------


@pytest.mark.parametrize("text", [
    "Before the diggers come in, send dump truck 1 to puddle 1. Excavator 2 digs at soil 1.",
    "Before the excavators arrive, dump truck 1 checks puddle 1. Then excavator 2 digs at soil 1.",
    "Before the excavators start, truck 1 should inspect puddle 1. Excavator 2 goes to soil 1 and digs.",
])
def test_before_the_robots_arrive_gates_their_first_steps(fleet, world, text):
    assert_plan(text, fleet, world, task("c", T, [D1], ["puddle1"]), task("m", T, [E2], ["soil1"], deps=["c"]),
                task("d", DIG, [E2], [], deps=["m"]))


def test_before_the_robots_arrive_does_not_gate_other_robots(fleet, world):
    assert_plan("Before the diggers come in, dump truck 1 checks puddle 1. Dump truck 2 goes to rock 1.", fleet, world,
                task("c", T, [D1], ["puddle1"]), task("r", T, [D2], ["rock1"]))


def test_a_wish_before_the_robots_arrive_is_served_by_the_sentence_after_it(fleet, world):
    assert_plan("Before the diggers come in, I'd like to know how bad the two puddles are. Could you send dump truck 1 "
                "to puddle 1 and dump truck 3 to puddle 2 at the same time? Once both trucks have had a look, nobody "
                "on site should go near the puddles any more, so please set up one keep-out around both puddles for "
                "all robots. Only after that keep-out is in place should excavator 2 drive to soil 1 and start "
                "digging.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [D3], ["puddle2"]),
                task("k", AVA, [], ["puddle1", "puddle2"], deps=["a", "b"]),
                task("m", T, [E2], ["soil1"], deps=["k"]), task("d", DIG, [E2], [], deps=["m"]))
    assert_plan("Before the excavators arrive, I want to know how deep puddle 1 is. Send truck 1 to puddle 1. "
                "Excavator 2 digs at soil 1.", fleet, world,
                task("c", T, [D1], ["puddle1"]), task("m", T, [E2], ["soil1"], deps=["c"]),
                task("d", DIG, [E2], [], deps=["m"]))

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


# -- finding 3: robots that surely include some of an unnamed group wait for its work -------------------------------

_DUG = "Two excavators go to soil 1 and dig. "


def _dug(*rest):
    return (task("m", T, [], ["soil1"], types=[("excavator", 2)]), task("d", DIG, [], [], deps=["m"],
                                                                        types=[("excavator", 2)]), *rest)


@pytest.mark.parametrize("text", [
    _DUG + "Truck 2 stays where it is, and everyone except truck 2 goes back.",
    _DUG + "Everyone except truck 2 goes back.",
    _DUG + "All robots except truck 2 go back to base.",
])
def test_the_excavators_in_everyone_else_wait_for_the_groups_digging(fleet, world, text):
    assert_plan(text, fleet, world, *_dug(task("r", R, [E1, E2, E3], deps=["d"]), task("q", R, [D1, D3])))


@pytest.mark.parametrize("text, robots", [
    (_DUG + "Excavators 1, 2 and 3 go back.", [E1, E2, E3]),
    (_DUG + "Excavators 1 and 2 go back to base.", [E1, E2]),
])
def test_named_robots_that_must_include_one_of_the_group_wait_for_it(fleet, world, text, robots):
    assert_plan(text, fleet, world, *_dug(task("r", R, robots, deps=["d"])))


def test_all_of_a_type_waits_for_a_group_of_that_type(fleet, world):
    assert_plan(_DUG + "All three excavators go back.", fleet, world,
                *_dug(task("r", R, types=[("excavator", 3)], deps=["d"])))


def test_a_robot_that_may_be_outside_the_group_does_not_wait(fleet, world):
    assert_plan(_DUG + "Excavator 1 goes to rock 1.", fleet, world,
                *_dug(task("r", T, [E1], ["rock1"])))
    assert_plan(_DUG + "The remaining excavator goes to rock 1.", fleet, world,
                *_dug(task("r", T, [], ["rock1"], types=[("excavator", 1)])))
