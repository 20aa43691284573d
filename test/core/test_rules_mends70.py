"""Mends of helper M70: misreadings of blind batch 23's dev lines (everyday chat prose, a non-native operator, a
manager's email), each fixed as the general construction it is.

1. "Another truck drives to rock 2 once that rock is broken up" waited for the breaking of rock 1, named in an earlier
   sentence ("... until rock 1 is broken up"): an anchor said after its clause is read before it, so "that rock" /
   "the rock" went to the rock named before the clause. A definite place noun in such an anchor is the one place of
   that kind its own clause names (L3_612).
2. "Meanwhile the other two trucks check the obstacles, truck 1 at obstacle 1 and truck 2 at obstacle 2" sent both
   trucks to both obstacles and then truck 1 to obstacle 1 again: the pairs after the comma spell out, place by place,
   the places the clause named by their kind ("the obstacles", "both rocks"); the clause is said once per pair, with
   the pair's place only (L3_614).
3. "as soon as truck 2 has seen it, all robots keep away from puddle 2" was refused ("'has' is not a skill"): "seen",
   "looked at", "had a look at" are the check said as done, the robot's move there (lexicon navigate verbs; not
   "see", which says why: "to see how deep it is") (L3_616).
4. "By the time the rock is broken up, trucks 1 and 3 should be waiting at obstacle 1" made excavator 3 (the robot
   said last) break up a rock where it stood: "by the time" opening a sentence (lexicon ``ongoing_openers``) only
   says when the clause after its comma runs, as "while" there does; the passive names the digging already said and
   adds no step and no wait (L3_616).
5. "When they have dumped and everything else is finished, the whole fleet returns to start" waited for the dump and,
   through the fleet's chains, for each robot's last step, but not for a fleet-wide keep-out put up during the job
   (and a robot's move after "once excavator 1 has dug and everything else is done" waited for the digging alone):
   "everything (else)" as a conjunct of its own beside a robot's deed is all open work, as it is alone (L3_616).
6. "When the rock is broken up, lift the keep-out for those robots, and after that truck 2 goes to rock 2" lifted the
   keep-out of the rest of the fleet only for the two robots named last, so truck 2 drove into a zone still closed to
   it: "those robots" after "for" in a lifting with no other robot (lexicon ``lifted_group_words``) is the keep-out's
   robots, as "the same robots" there already was (L3_615).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, TA, R, T, assert_plan, task

# -- finding 1: "drives to rock 2 once that rock is broken up": the clause's own rock ------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 breaks up rock 1 and excavator 2 does the same at rock 2. Truck 1 stays at obstacle 1 until rock 1 "
    "is broken up. Truck 2 heads to rock 2 once the rock has been broken up.",
    "Excavator 1 breaks up rock 1 and excavator 2 does the same at rock 2. Truck 1 waits at obstacle 1 until rock 1 "
    "is broken up. Truck 2 drives to rock 2 as soon as that rock is broken up.",
])
def test_the_rock_of_a_later_anchor_is_its_clauses_rock(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["rock1"]), task("b1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["rock2"]), task("b2", DIG, [E2], deps=["m2"]),
                task("w", T, [D1], ["obstacle1"]), task("t", T, [D2], ["rock2"], deps=["b2"]))


def test_this_rock_in_a_later_anchor_times_the_clauses_loading_too(fleet, world):
    assert_plan("Excavator 3 breaks up rock 1 and excavator 1 does the same at rock 2. Truck 1 waits until rock 1 is "
                "broken up and then goes there. Truck 2 goes to rock 2 when this rock is broken up, and gets loaded "
                "by excavator 1.", fleet, world,
                task("m1", T, [E3], ["rock1"]), task("b1", DIG, [E3], deps=["m1"]),
                task("m2", T, [E1], ["rock2"]), task("b2", DIG, [E1], deps=["m2"]),
                task("t1", T, [D1], ["rock1"], deps=["b1"]), task("t2", T, [D2], ["rock2"], deps=["b2"]),
                task("l", LOAD, [E1], deps=["t2"]))


# -- finding 2: "check the obstacles, truck 1 at obstacle 1 and truck 2 at obstacle 2" --------------------------------


def test_places_of_a_kind_spelled_out_by_robot_place_pairs(fleet, world):
    assert_plan("Truck 3 goes to soil 1. Meanwhile the other two trucks check the obstacles, truck 1 at obstacle 1 "
                "and truck 2 at obstacle 2.", fleet, world,
                task("a", T, [D3], ["soil1"]), task("b", T, [D1], ["obstacle1"]), task("c", T, [D2], ["obstacle2"]))
    assert_plan("Two trucks inspect the puddles, truck 2 at puddle 1 and truck 3 at puddle 2.", fleet, world,
                task("b", T, [D2], ["puddle1"]), task("c", T, [D3], ["puddle2"]))


def test_places_of_a_kind_spelled_out_for_a_dig_with_its_own_at(fleet, world):
    assert_plan("The excavators dig at the soil piles, excavator 1 at soil 1 and excavator 2 at soil 2.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], deps=["m2"]))
    assert_plan("Excavators 2 and 3 break up both rocks, excavator 3 at rock 1 and excavator 2 at rock 2. Then they "
                "return to start.", fleet, world,
                task("m1", T, [E3], ["rock1"]), task("d1", DIG, [E3], deps=["m1"]),
                task("m2", T, [E2], ["rock2"]), task("d2", DIG, [E2], deps=["m2"]),
                task("r", R, [E3, E2], deps=["d1", "d2"]))


def test_places_of_a_kind_spelled_out_keep_the_clauses_timing(fleet, world):
    assert_plan("Once excavator 1 has dug at soil 1, both trucks visit the rocks, truck 3 at rock 1 and truck 1 at "
                "rock 2. When they are done, everybody returns to start.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("a", T, [D3], ["rock1"], deps=["d"]), task("b", T, [D1], ["rock2"], deps=["d"]),
                task("r", RA, [], deps=["a", "b"]))


# -- finding 3: "once truck 2 has seen it": the check, done ------------------------------------------------------------


def test_a_check_said_as_seen_times_the_keep_out(fleet, world):
    assert_plan("Truck 2 goes to look at puddle 2; as soon as truck 2 has seen it, all robots keep away from puddle 2.",
                fleet, world, task("m", T, [D2], ["puddle2"]), task("k", AVA, [], ["puddle2"], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Truck 1 inspects rock 1. When truck 1 has seen the rock, excavator 2 goes there.",
    "Truck 1 checks rock 1. Once truck 1 has looked at it, excavator 2 drives there.",
    "Truck 1 goes to rock 1 for a check. After truck 1 has had a look at rock 1, excavator 2 heads there.",
])
def test_a_check_said_as_done_is_the_robots_move(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["rock1"]), task("e", T, [E2], ["rock1"], deps=["m"]))


# -- finding 4: "By the time X, Y should be ...": X names a step already said ----------------------------------------


def test_by_the_time_a_rock_is_broken_up_adds_no_digging(fleet, world):
    assert_plan("Excavators 1 and 2 drive to rock 1 and break it up together. Excavator 3 checks soil 1. By the time "
                "the rock is broken up, trucks 1 and 3 should be at obstacle 1.", fleet, world,
                task("m", T, [E1, E2], ["rock1"]), task("b", DIG, [E1, E2], deps=["m"]),
                task("c", T, [E3], ["soil1"]), task("t", T, [D1, D3], ["obstacle1"]))


def test_by_the_time_a_place_is_dug_adds_no_move_of_the_robot_said_last(fleet, world):
    assert_plan("Excavator 2 digs at soil 2. Excavator 1 goes to rock 1. By the time soil 2 is dug, truck 3 has to be "
                "at obstacle 2.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], deps=["m"]),
                task("e", T, [E1], ["rock1"]), task("t", T, [D3], ["obstacle2"]))


def test_by_the_time_with_the_digger_named_keeps_the_robots_own_chain(fleet, world):
    assert_plan("Excavator 1 breaks up rock 2. Truck 2 inspects obstacle 1. By the time excavator 1 has broken up rock "
                "2, truck 2 should be waiting at puddle 1.", fleet, world,
                task("m", T, [E1], ["rock2"]), task("b", DIG, [E1], deps=["m"]),
                task("c", T, [D2], ["obstacle1"]), task("w", T, [D2], ["puddle1"], deps=["c"]))


# -- finding 5: "when X has done Y and everything else is finished": all open work -----------------------------------


def test_everything_else_beside_a_dump_waits_for_the_keep_out(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and dumps. Truck 2 goes to look at puddle 2; as soon as truck 2 has seen it, "
                "all robots keep away from puddle 2. When truck 1 has dumped and everything else is finished, the "
                "whole fleet returns to start.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("d", DUMP, [D1], deps=["m"]),
                task("c", T, [D2], ["puddle2"]), task("k", AVA, [], ["puddle2"], deps=["c"]),
                task("r", RA, [], deps=["d", "k"]))
    assert_plan("Truck 3 checks puddle 1 and then all robots stay away from puddle 1. Excavator 3 breaks up rock 2. "
                "After excavator 3 has broken up rock 2 and everything else is over, everyone gathers at soil 1.",
                fleet, world,
                task("c", T, [D3], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["c"]),
                task("m", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["m"]),
                task("g", TA, [], ["soil1"], deps=["k", "b"]))


def test_everything_else_beside_a_digging_waits_for_the_other_robots(fleet, world):
    assert_plan("Excavator 1 digs at soil 2. Truck 3 checks rock 1. Excavator 2 goes to obstacle 1. Once excavator 1 "
                "has dug and everything else is done, truck 2 goes to soil 2.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("c", T, [D3], ["rock1"]), task("e", T, [E2], ["obstacle1"]),
                task("t", T, [D2], ["soil2"], deps=["d", "c", "e"]))


def test_everything_as_the_deeds_object_is_that_robots_work(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and dumps. Excavator 2 digs at rock 1. Once truck 1 has done everything, "
                "excavator 3 goes to puddle 1.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("d", DUMP, [D1], deps=["m"]),
                task("e", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["e"]),
                task("x", T, [E3], ["puddle1"], deps=["d"]))


# -- finding 6: "lift the keep-out for those robots": the keep-out's robots -------------------------------------------

_REST = [E1, E2, D1, D2, D3]


def test_lifting_for_those_robots_lifts_the_whole_keep_out(fleet, world):
    assert_plan("Excavator 3 goes to rock 2. Then the other robots keep away from rock 2. Excavator 1 and truck 1 go "
                "to soil 1. When excavator 3 has dug, lift the keep-out for those robots.", fleet, world,
                task("m", T, [E3], ["rock2"]), task("k", AV, _REST, ["rock2"], deps=["m"]),
                task("s", T, [E1, D1], ["soil1"]), task("b", DIG, [E3], deps=["m"]),
                task("a", AL, _REST, ["rock2"], deps=["k", "b"]))


def test_lifting_for_those_robots_said_after_other_robots_lets_a_truck_in(fleet, world):
    assert_plan("Excavator 2 breaks up rock 1. Meanwhile trucks 2 and 3 stay away from rock 1. Truck 1 checks obstacle "
                "2 and excavator 1 checks soil 2. Once the rock is broken up, the keep-out is lifted for those robots, "
                "and then truck 3 goes to rock 1.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["m"]),
                task("k", AV, [D2, D3], ["rock1"]), task("c", T, [D1], ["obstacle2"]),
                task("e", T, [E1], ["soil2"]), task("a", AL, [D2, D3], ["rock1"], deps=["b", "k"]),
                task("t", T, [D3], ["rock1"], deps=["a"]))
