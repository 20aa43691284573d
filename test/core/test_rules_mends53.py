"""Mends of helper M53: silent misreadings (each gave a plan, no error, and the plan was wrong).

3. "Truck 1 gives way to truck 2 at puddle 1." sent both trucks to puddle 1: words no reading took between a robot
   and another robot, one of them unknown or of lexicon ``robot_object_words`` ("way", "room", "tows"), are
   something the first robot does to the second, an action the fleet lacks: refused, naming the words.
1. "Then the trucks haul it off and dump it, truck 2 at puddle 2 and truck 3 at obstacle 2" sent both trucks to
   puddle 2: the load said as a pronoun between the carry and the dump ("haul *it* off and dump *it*") kept the carry
   from being read as the way to the dump's place, and it went to the place said before. It is now the way there.
2. "Excavator 2 picks up soil at soil 1 and loads truck 2." lost the digging: a word of taking on a load (lexicon
   ``dig_pickup_words``) said of robots that cannot be loaded but can dig is their digging.
4. "Excavator 2 is next to truck 3 at soil 1." sent truck 3 (or both) to soil 1: a bare "is"/"are" with a word for
   "beside" (lexicon ``already`` with ``already_beside``) says where the robots stand, a state, and its "next" is no
   "then".
5. "Truck 3 is sitting there at puddle 2." sent truck 3 to puddle 2: a "there" before the "at" of a phrase of
   standing (lexicon ``already``) only points at the place after it, still a state.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon
from test_rules_mends21 import _refused  # refused as an action the robot has no skill for, naming the word

from dart_planner.llm.rules import rules_plan

# -- finding 1: "haul it off and dump it, <robot> at <place> and <robot> at <place>" -------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("Then the trucks haul it off and dump it, truck 2 at puddle 2 and truck 3 at obstacle 2.",
     (D2, "puddle2"), (D3, "obstacle2")),
    ("Then both trucks carry it off and dump it, truck 1 at rock 1 and truck 2 at rock 2.",
     (D1, "rock1"), (D2, "rock2")),
    ("The trucks haul it away and dump it, truck 3 at puddle 1 and truck 1 at obstacle 1.",
     (D3, "puddle1"), (D1, "obstacle1")),
])
def test_a_carried_load_said_as_a_pronoun_goes_to_each_trucks_own_place(fleet, world, text, first, second):
    assert_plan(text, fleet, world,
                task("m1", T, [first[0]], [first[1]]), task("d1", DUMP, [first[0]], [], deps=["m1"]),
                task("m2", T, [second[0]], [second[1]]), task("d2", DUMP, [second[0]], [], deps=["m2"]))


# -- finding 2: an excavator that "picks up" soil digs it -----------------------------------------------------------

@pytest.mark.parametrize("text, robot, place", [
    ("Excavator 2 picks up soil at soil 1 and loads truck 2.", E2, "soil1"),
    ("Excavator 1 collects soil at soil 2, then loads truck 3.", E1, "soil2"),
    ("Excavator 3 goes to rock 1, picks up some rock and loads truck 1.", E3, "rock1"),
])
def test_an_excavator_picking_up_soil_digs_it(fleet, world, text, robot, place):
    assert_plan(text, fleet, world, task("m", T, [robot], [place]), task("d", DIG, [robot], [], deps=["m"]),
                task("l", LOAD, [robot], [], deps=["d"]))


def test_the_dig_pickup_words_come_from_the_lexicon(fleet, world):
    text = "Excavator 2 picks up soil at soil 1 and loads truck 2."
    plan = rules_plan(text, fleet, world, _lexicon(dig_pickup_words=[]))
    assert plan.errors or not any(s.skill == DIG for s in plan.graph.subtasks)


# -- finding 3: "<robot> gives way to <robot> at <place>" is no move of both ---------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Truck 1 gives way to truck 2 at puddle 1.", "gives"),
    ("Truck 1 makes room for truck 2 at puddle 1 and then dumps.", "makes"),
    ("Excavator 3 digs at soil 1. Truck 3 tows truck 1 to rock 2.", "tows"),
])
def test_an_action_of_a_robot_on_another_robot_is_refused(fleet, world, text, word):
    _refused(text, fleet, world, word)


def test_the_robot_object_words_come_from_the_lexicon(fleet, world):
    text = "Truck 1 gives way to truck 2 at puddle 1."
    assert not rules_plan(text, fleet, world, _lexicon(robot_object_words=[])).errors


# -- finding 4: "<robot> is next to <robot> at <place>" is a state ---------------------------------------------------

@pytest.mark.parametrize("state", [
    "Excavator 2 is next to truck 3 at soil 1.",
    "Excavator 2 is beside truck 3 at soil 1.",
    "Trucks 1 and 2 are right next to excavator 3 at soil 2.",
])
def test_a_robot_beside_another_is_a_state_with_no_move(fleet, world, state):
    assert_plan(f"{state} Excavator 1 digs at soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


# -- finding 5: "is sitting there at <place>" is a state -------------------------------------------------------------

@pytest.mark.parametrize("state", [
    "Truck 3 is sitting there at puddle 2.",
    "Truck 3 is parked there at puddle 2, and",
    "Trucks 2 and 3 are still standing there at rock 1.",
])
def test_a_robot_sitting_there_at_a_place_is_a_state_with_no_move(fleet, world, state):
    text = f"{state} excavator 1 digs at soil 1." if state.endswith("and") else f"{state} Excavator 1 digs at soil 1."
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))
