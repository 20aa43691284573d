"""Mends of helper M101: goal-first messages (a person says what they want, then the order of work).

A goal sentence whose steps are spelled out after it adds no steps of its own: the steps carry it out, and the
robots it counts ("two excavators") are the ones the steps then call "the excavators". A goal with no steps after
it stays an order.

1. "We need soil 1 dug by two excavators and the load taken to rock 2 by truck 2. The excavators go to soil 1 and
   dig together. Truck 2 should be loaded ...": the goal was planned as steps and then the steps again (a second
   move, dig and haul).
2. "I'd like rock 2 broken up by two excavators. First the excavators go to rock 2, ...": the goal was dropped and
   its group with it, so "the excavators" were all three.
3. "Could you have the excavators start on soil 1 and soil 2? Excavator 1 should dig at soil 1 and excavator 3 at
   soil 2.", "We need rock 2 out of the way and both trucks used for it. ...": the goal or summary became a move of
   the whole type beside the moves of the steps.
4. "I'd like a couple of trucks to check obstacle 1 and obstacle 2, one each: truck 1 goes to obstacle 1 and truck 2
   goes to obstacle 2.": the wish was planned beside its steps (three times the work).
5. "Because nobody has looked at rock 2 yet, truck 1 checks it first.": a reason at the head of the sentence whose
   only robot is a negation ("nobody", "no one") and whose verb tells what has (not) happened was read as a
   keep-out of rock 2 for everybody, and the instruction was refused.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

_EX2 = [("excavator", 2)]

# -- finding 1: a passive goal with robots, then its steps ----------------------------------------------------------


def test_a_passive_goal_spelled_out_by_two_excavators_and_truck_2_is_done_once(fleet, world):
    assert_plan("We need soil 1 dug by two excavators and the load taken to rock 2 by truck 2. The excavators go to "
                "soil 1 and dig together. Truck 2 should be loaded by both excavators at soil 1, and then it takes "
                "the load to rock 2 and dumps it.", fleet, world,
                task("m", T, types=_EX2, objs=["soil1"]), task("d", DIG, types=_EX2, deps=["m"]),
                task("t", T, [D2], ["soil1"]), task("l", LOAD, types=_EX2, deps=["d", "t"]),
                task("h", T, [D2], ["rock2"], deps=["l"]), task("u", DUMP, [D2], deps=["h"]))


def test_a_passive_goal_spelled_out_by_named_robots_is_done_once(fleet, world):
    assert_plan("We want rock 1 broken up by excavator 2 and the rubble hauled to puddle 2 by truck 3. Excavator 2 "
                "goes to rock 1 and digs. Truck 3 goes to rock 1 too, excavator 2 loads it, and then truck 3 takes "
                "the rubble to puddle 2 and dumps it.", fleet, world,
                task("m", T, [E2, D3], ["rock1"]), task("d", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["d"]), task("h", T, [D3], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D3], deps=["h"]))


def test_a_wished_goal_spelled_out_is_done_once(fleet, world):
    assert_plan("I'd like soil 2 dug by excavator 1 and the soil hauled to puddle 1 by truck 3. Excavator 1 drives "
                "to soil 2 and digs. Then truck 3 comes to soil 2, excavator 1 loads it, and truck 3 takes the soil "
                "to puddle 1 and dumps it.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("t", T, [D3], ["soil2"], deps=["d"]), task("l", LOAD, [E1], deps=["t"]),
                task("h", T, [D3], ["puddle1"], deps=["l"]), task("u", DUMP, [D3], deps=["h"]))


# -- finding 2: the goal's group is the one the steps call "the excavators" -----------------------------------------

@pytest.mark.parametrize("text", [
    "I'd like rock 2 broken up by two excavators. First the excavators go to rock 2, then they dig there together.",
    "We need rock 2 broken up by two excavators. First the excavators go to rock 2, then they dig there together.",
    "I would like rock 2 dug by a couple of excavators. First the excavators drive to rock 2, and then they dig.",
])
def test_the_goals_group_is_the_group_of_the_steps(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, types=_EX2, objs=["rock2"]), task("d", DIG, types=_EX2, deps=["m"]))


def test_a_goal_with_no_steps_after_it_is_an_order(fleet, world):
    assert_plan("I'd like rock 2 broken up by two excavators.", fleet, world,
                task("m", T, types=_EX2, objs=["rock2"]), task("d", DIG, types=_EX2, deps=["m"]))


def test_a_goal_whose_digging_the_steps_leave_out_keeps_it(fleet, world):
    assert_plan("I'd like rock 2 broken up by two excavators. First the excavators go to rock 2.", fleet, world,
                task("m", T, types=_EX2, objs=["rock2"]), task("d", DIG, types=_EX2, deps=["m"]))

def test_a_wish_continued_by_then_is_an_order(fleet, world):
    assert_plan("I'd like truck 1 to go to soil 1. Then truck 1 goes to rock 1.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["rock1"], deps=["a"]))


# -- finding 3: a request or need about robots, spelled out after, is no move ---------------------------------------

def test_a_request_for_the_excavators_spelled_out_adds_no_move(fleet, world):
    assert_plan("Could you have the excavators start on soil 1 and soil 2? Excavator 1 should dig at soil 1 and "
                "excavator 3 at soil 2.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["c"]))


def test_a_request_for_the_trucks_spelled_out_adds_no_move(fleet, world):
    assert_plan("Could you get the trucks working at rock 1? Truck 1 goes to rock 1 and truck 3 goes to rock 1 as "
                "well; then both head home.", fleet, world,
                task("a", T, [D1, D3], ["rock1"]), task("r", R, [D1, D3], deps=["a"]))


def test_a_need_of_both_trucks_spelled_out_adds_no_move(fleet, world):
    assert_plan("We need rock 2 out of the way and both trucks used for it. Truck 1 and truck 2 go to rock 2, where "
                "excavator 2 digs and loads them; then they dump at puddle 1.", fleet, world,
                task("m", T, [D1, D2, E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["d"]), task("h", T, [D1, D2], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D1, D2], deps=["h"]))


# -- finding 4: a wish of a couple of trucks, one each -------------------------------------------------------------

@pytest.mark.parametrize("text, first, second, places", [
    ("I'd like a couple of trucks to check obstacle 1 and obstacle 2, one each: truck 1 goes to obstacle 1 and "
     "truck 2 goes to obstacle 2.", D1, D2, ["obstacle1", "obstacle2"]),
    ("I would like two trucks to inspect puddle 1 and puddle 2: truck 3 checks puddle 1 and truck 1 checks "
     "puddle 2.", D3, D1, ["puddle1", "puddle2"]),
    ("We'd like a couple of trucks at soil 1 and soil 2, one at each. Truck 2 drives to soil 1 and truck 3 drives "
     "to soil 2.", D2, D3, ["soil1", "soil2"]),
])
def test_a_wish_of_trucks_spelled_out_one_each_is_done_once(fleet, world, text, first, second, places):
    assert_plan(text, fleet, world, task("a", T, [first], places[:1]), task("b", T, [second], places[1:]))


# -- finding 5: a reason about what nobody has done yet -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Because nobody has looked at rock 2 yet, truck 1 checks it first.",
    "Because no one has checked rock 2 today, truck 1 inspects rock 2.",
    "Since no robot has visited rock 2 yet, truck 1 goes to rock 2.",
])
def test_a_reason_about_what_nobody_has_done_is_no_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["rock2"]))


def test_a_reason_about_nobody_then_more_steps(fleet, world):
    assert_plan("Since nobody has checked obstacle 2 today, excavator 3 inspects it and then returns to start.",
                fleet, world, task("a", T, [E3], ["obstacle2"]), task("r", R, [E3], deps=["a"]))



def test_a_goal_whose_robot_the_steps_send_elsewhere_stays_an_order(fleet, world):
    # truck 1 is wanted at soil 2; the steps send it to soil 1 only: the goal's move is not spelled out, so kept
    got = rules_plan("We need excavator 1 at soil 1 and truck 1 at soil 2. Excavator 1 goes to soil 1 and truck 1 "
                     "goes to soil 1 as well; excavator 3 goes to soil 2.", fleet, world).graph
    assert any(D1 in s.robot_ids and s.object_keywords == ("soil2",) for s in got.subtasks)


# -- the words come from the lexicon --------------------------------------------------------------------------------

def test_the_wish_and_request_words_come_from_the_lexicon(fleet, world):
    wish = ("I'd like a couple of trucks to check obstacle 1 and obstacle 2, one each: truck 1 goes to obstacle 1 and "
            "truck 2 goes to obstacle 2.")
    request = ("Could you have the excavators start on soil 1 and soil 2? Excavator 1 should dig at soil 1 and "
               "excavator 3 at soil 2.")
    assert len(rules_plan(wish, fleet, world).graph.subtasks) == 2
    assert len(rules_plan(wish, fleet, world, _lexicon(goal_wish_words=[])).graph.subtasks) > 2
    assert len(rules_plan(request, fleet, world).graph.subtasks) == 4
    assert len(rules_plan(request, fleet, world, _lexicon(goal_request_leads=[])).graph.subtasks) > 4
