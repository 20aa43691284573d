"""Probe mends in an operator's voice (informal: "ok", "let's", "go ahead and", "gonna"; with a non-native writer's
small slips: "truck 2 go to soil 1 and wait the excavator"), round 22.

1. "go ahead and keep truck 3 out of soil 2" was refused ("no place to go to for 'go'"), and "go ahead and send truck 1
   to soil 2" too ("no robot is named for 'go ahead'"): said to the listener, with no robot before it, "go ahead and"
   is a way of saying "please" (lexicon ``ignore_phrases``), no move.
2. "Have the third truck check puddle 2 first, then come back" sent trucks 3 and 1: a bare "first" with no article,
   right after the place of its clause, was read as "the first (truck)" with the noun left out. It is the order of
   the step, as it already was right after a robot.
3. "excavator 2 loads truck 1, and truck 3 afterwards" loaded truck 1 only (truck 3's loading was dropped without a
   word), and "truck 1 goes to soil 1 and truck 3 after" sent both at once: a trailing "afterwards" (or a sentence's
   closing "after") opened its clause only when that clause had a verb; a gapped clause of robots alone ("and truck 3
   afterwards") is timed the same way. The non-native "loads truck 1 and after truck 3" (after "and", nothing but
   robots up to the end of the sentence) is "and afterwards truck 3".
4. "Truck 2 goes to obstacle 1 and once the digging is finished, it drives to soil 1" made the move to obstacle 1 wait
   for the digging (and the drive to soil 1 wait only for that move). An anchor right after "and" (no comma before
   it, as writers in a hurry leave out) opens the clause after it, as after ", and" or "and then".
5. "Excavator 1 digs and when done loads truck 1" loaded truck 1 before the digging: with no comma and no subject, the
   verb after a bare "when done" / "once finished" stayed in the anchor, and the digging waited for the loading. A
   finite verb right after such a bare end word starts the clause the anchor times, its robot the one said before.
6. "Excavator 2 digs right where it is. Truck 3 goes to rock 2. Excavator 2 goes home when done." made the return wait
   for truck 3's drive too: a bare "when done" closing a robot's own clause is that robot being done, as "when it is
   done" already was, not the clause said before it. Opening a sentence ("When done, excavator 2 goes home") it stays
   the clause before (lexicon ``bare_done_events``).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, R, T, assert_plan, task

# -- finding 1: "go ahead and <order>" said to the listener is no move ------------------------------------------------


def test_go_ahead_and_keep_out_is_the_keep_out(fleet, world):
    assert_plan("go ahead and keep truck 3 out of soil 2 for now.", fleet, world, task("k", AV, [D3], ["soil2"]))
    assert_plan("Go ahead and keep truck 3 away from soil 2.", fleet, world, task("k", AV, [D3], ["soil2"]))


@pytest.mark.parametrize("text", [
    "go ahead and send truck 1 to soil 2.",
    "Ok, go ahead and send truck 1 to soil 2.",
    "Go ahead and have truck 1 drive to soil 2.",
])
def test_go_ahead_and_send_is_the_move(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["soil2"]))


def test_go_ahead_and_inside_a_robots_clause_is_its_step(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Truck 1 can go ahead and drive to soil 1 then.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1], ["soil1"], deps=["d"]))
    assert_plan("Truck 1, go ahead and dump at puddle 1.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], [], deps=["m"]))


# -- finding 2: a bare "first" after the place is the order, not "the first truck" ------------------------------------


@pytest.mark.parametrize("text", [
    "Have the third truck check puddle 2 first, then come back.",
    "Let's have the third truck go check puddle 2 first, then come back.",
    "The third truck goes to puddle 2 first and then goes home.",
])
def test_first_after_the_place_of_an_ordinal_robot_is_the_order(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["puddle2"]), task("r", R, [D3], [], deps=["m"]))


def test_first_after_the_dig_place_of_an_ordinal_robot_is_the_order(fleet, world):
    assert_plan("The second excavator digs at soil 1 first.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]))


def test_a_left_out_noun_after_an_ordinal_robot_is_still_a_robot(fleet, world):
    assert_plan("The first truck goes to puddle 1, the second goes to puddle 2.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["puddle2"]))
    assert_plan("The second truck drives to soil 1 first, then the third truck.", fleet, world,
                task("a", T, [D2], ["soil1"]), task("b", T, [D3], ["soil1"], deps=["a"]))


# -- finding 3: "<clause>, and truck 3 afterwards" / "and after truck 3" times the gapped clause ----------------------

_SITE = "Excavator 2 digs at soil 1. Trucks 1 and 3 go to soil 1. "


@pytest.mark.parametrize("tail", [
    "Excavator 2 loads truck 1, and truck 3 afterwards.",
    "Excavator 2 loads truck 1 and truck 3 afterwards.",
    "Excavator 2 loads truck 1, and truck 3 after.",
    "excavator 2 load truck 1 and after truck 3.",
    "Excavator 2 loads truck 1, and after truck 3.",
])
def test_a_gapped_loading_with_a_trailing_afterwards_is_the_next_loading(fleet, world, tail):
    assert_plan(_SITE + tail, fleet, world,
                task("m", T, [E2, D1, D3], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["l1"]))


@pytest.mark.parametrize("text", [
    "Truck 1 goes to soil 1 and truck 3 after.",
    "Truck 1 goes to soil 1, and truck 3 afterwards.",
    "Truck 1 goes to soil 1 and after truck 3.",
])
def test_a_gapped_move_with_a_trailing_afterwards_waits(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["soil1"]), task("b", T, [D3], ["soil1"], deps=["a"]))


def test_each_truck_then_goes_on_from_its_own_loading(fleet, world):
    assert_plan("the second excavator go to soil 2 and dig. the first truck and the third truck go to soil 2 too. "
                "excavator load truck 1 and after truck 3. each truck go to puddle 2 and dump when it is loaded.",
                fleet, world,
                task("m", T, [E2, D1, D3], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["l1"]),
                task("p1", T, [D1], ["puddle2"], deps=["l1"]), task("u1", DUMP, [D1], [], deps=["p1"]),
                task("p3", T, [D3], ["puddle2"], deps=["l2"]), task("u3", DUMP, [D3], [], deps=["p3"]))


def test_after_a_robot_with_a_step_stays_an_anchor(fleet, world):
    assert_plan("Truck 3 goes to rock 1. Truck 1 goes to soil 1 after truck 3.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", T, [D1], ["soil1"], deps=["a"]))


# -- finding 4: "<clause> and once <X>, <clause>" with no comma: the anchor times the clause after it ------------------

_DUG = "Excavator 1 digs at soil 1. "


@pytest.mark.parametrize("tail", [
    "Truck 2 goes to obstacle 1 and once the digging is finished, it drives to soil 1.",
    "Truck 2 goes to obstacle 1 and when excavator 1 is finish, truck 2 go to soil 1.",
    "Truck 2 go to obstacle 1 and wait there and when excavator 1 is done, truck 2 goes to soil 1.",
    "Truck 2 goes to obstacle 1 and as soon as excavator 1 is done, truck 2 drives to soil 1.",
])
def test_an_anchor_after_and_times_the_clause_after_it(fleet, world, tail):
    assert_plan(_DUG + tail, fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("o", T, [D2], ["obstacle1"]), task("s", T, [D2], ["soil1"], deps=["o", "d"]))



# -- finding 5: "<verb> and when done <verb>": the verb after a bare end word is the step the anchor times ------------

_CREW = "Excavator 1 goes to soil 1 with truck 1. "


@pytest.mark.parametrize("tail", [
    "Excavator 1 digs and when done loads truck 1.",
    "Excavator 1 digs, and when done loads truck 1.",
    "Excavator 1 digs and when finished loads truck 1.",
    "Excavator 1 dig and when finish load truck 1.",
    "Excavator 1 digs and once done it loads truck 1.",
    "Excavator 1 digs. When done loads truck 1.",
])
def test_a_verb_after_a_bare_end_word_is_the_step_after(fleet, world, tail):
    assert_plan(_CREW + tail, fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


def test_a_bare_end_word_then_the_trucks_next_step(fleet, world):
    assert_plan(_CREW + "Excavator 1 digs and loads truck 1. Truck 1 waits and when loaded drives to puddle 1.",
                fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D1], ["puddle1"], deps=["l"]))


# -- finding 6: "<robot> goes home when done": the robot's own work is done, not the clause before --------------------

_TWO = "Excavator 2 digs right where it is. Truck 3 goes to rock 2. "


@pytest.mark.parametrize("tail", [
    "Excavator 2 goes home when done.",
    "Excavator 2 go home when finish.",
    "Excavator 2 returns to start once finished.",
    "Excavator 2 goes home when it is done.",
])
def test_a_closing_bare_done_is_the_subjects_own_work(fleet, world, tail):
    assert_plan(_TWO + tail, fleet, world,
                task("d", DIG, [E2]), task("m", T, [D3], ["rock2"]), task("r", R, [E2], [], deps=["d"]))


def test_a_bare_done_for_a_robot_with_no_step_yet_is_the_clause_before(fleet, world):
    assert_plan("Excavator 2 digs right where it is. Truck 3 goes home when done.", fleet, world,
                task("d", DIG, [E2]), task("r", R, [D3], [], deps=["d"]))
