"""Mends of helper M48: misreadings of loads a truck takes, goals said first and "another".

1. "Hello everyone, the aim of this shift is to clear soil 1, bring it to puddle 2 and fill it. <orders>" was
   refused ("'fill it' cannot be done by the whole fleet at once"): the greeted fleet was read as the subject of
   the goal's clauses. A greeting (lexicon ``greeting_words``), a fleet noun and a comma with no verb after it are
   now left out (rules/greetings.py).
2. "Truck 3 takes a load at rock 1 ..." was a dump at rock 1: "takes / gets a load" (lexicon ``passive_load``) is
   the truck being loaded there: a move there and, with an excavator there, its loading; with none, refused.
6. (own probe) "The goal is to dig soil 1 and fill puddle 2 with it. <orders>" was refused ("no robot is named"):
   "it" after "with" (lexicon ``goal_cargo_prepositions``) in a goal said first is its cargo, not a robot.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, TA, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 2: "takes a load at <place>" is the truck being loaded there -------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 2 digs rock 1. Truck 3 takes a load at rock 1 and dumps it at puddle 1.",
    "Excavator 2 digs rock 1. Truck 3 gets a load at rock 1 and dumps it at puddle 1.",
    "Excavator 2 digs rock 1. Truck 3 takes a load at rock 1, then dumps it at puddle 1.",
    "Excavator 2 digs rock 1. Truck 3 gets its load at rock 1, then tips it at puddle 1.",
])
def test_taking_a_load_is_being_loaded(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, D3], ["rock1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["g"]), task("n", T, [D3], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D3], [], deps=["n"]))


def test_taking_a_load_after_the_digging_waits_for_it(fleet, world):
    assert_plan("Excavator 2 digs rock 1, then truck 3 takes a load at rock 1 and dumps it at puddle 1.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["rock1"], deps=["g"]), task("l", LOAD, [E2], [], deps=["t"]),
                task("n", T, [D3], ["puddle1"], deps=["l"]), task("d", DUMP, [D3], [], deps=["n"]))


@pytest.mark.parametrize("text", [
    "Truck 3 takes a load at rock 1 and dumps it at puddle 1.",
    "Truck 3 gets a load at rock 1 and dumps it at puddle 1.",
])
def test_taking_a_load_with_no_excavator_is_the_move_there(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["rock1"]), task("n", T, [D3], ["puddle1"], deps=["m"]),
                task("d", DUMP, [D3], [], deps=["n"]))


# -- finding 4: "another" right before a verb is another robot of the type named last -----------------------------

@pytest.mark.parametrize("text, place", [
    ("Truck 1 goes to soil 1 and another goes to soil 2.", "soil2"),
    ("Truck 1 heads to soil 1, and another drives to rock 1.", "rock1"),
    ("Truck 1 goes to soil 1, and another one goes to puddle 2.", "puddle2"),
])
def test_another_before_a_verb_is_another_truck(fleet, world, text, place):
    assert_plan(text, fleet, world, task("m", T, [D1], ["soil1"]),
                task("n", T, [], [place], types=[("dump_truck", 1)]))


def test_another_excavator_digs_apart(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and another digs at rock 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("n", T, [], ["rock2"], types=[("excavator", 1)]),
                task("h", DIG, [], [], deps=["n"], types=[("excavator", 1)]))


# -- finding 1: a greeted fleet before a goal said first is no subject ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hello everyone, the aim of this shift is to clear soil 1, bring it to puddle 2 and fill it. Excavator 1 digs "
    "soil 1 and loads truck 1. Truck 1 dumps at puddle 2.",
    "Good morning all robots, the goal is to dig soil 1 and fill puddle 2. Excavator 1 digs soil 1 and "
    "loads truck 1. Truck 1 dumps at puddle 2.",
    "Hi everybody: our objective is to empty soil 1 into puddle 2. Excavator 1 digs soil 1 and loads truck 1. "
    "Truck 1 dumps at puddle 2.",
])
def test_a_greeted_fleet_before_a_goal_is_no_subject(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("n", T, [D1], ["puddle2"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["n"]))


def test_a_greeted_fleet_before_orders_of_named_robots(fleet, world):
    assert_plan("Hello everyone, excavator 1 digs soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]))


def test_a_greeted_fleet_before_a_verb_is_addressed(fleet, world):
    assert_plan("Hello everyone, go to puddle 1.", fleet, world, task("m", TA, [], ["puddle1"]))


# -- finding 5: "<trucks> go to X (truck 2 first) and dump there": each goes in turn, and both dump -----------------

@pytest.mark.parametrize("text, first, second, place", [
    ("Trucks 1 and 2 go to soil 1 (truck 2 first) and dump there.", D2, D1, "soil1"),
    ("Trucks 1 and 2 go to soil 1, truck 2 first, and dump there.", D2, D1, "soil1"),
    ("Truck 1 and truck 3 drive to puddle 2 (truck 3 first) and tip there.", D3, D1, "puddle2"),
])
def test_a_movement_order_before_a_shared_dump(fleet, world, text, first, second, place):
    assert_plan(text, fleet, world,
                task("a", T, [first], [place]), task("b", T, [second], [place], deps=["a"]),
                task("d", DUMP, [first], [], deps=["a"]), task("e", DUMP, [second], [], deps=["b"]))


# -- finding 3: a load picked up before its excavator is named is not dropped ---------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Truck 2 picks up a load at soil 2 and dumps it at puddle 1. Excavator 2 digs at soil 2.", "picks up"),
    ("Truck 2 picks up a load at soil 2 and dumps it at puddle 1. Excavator 2 works at soil 2.", "picks up"),
    ("Truck 1 collects a load at rock 2 and brings it to puddle 2. Excavator 3 is digging rock 2.", "collects"),
])
def test_a_load_before_its_excavator_is_refused_naming_the_words(fleet, world, text, word):
    errors = rules_plan(text, fleet, world).errors
    assert errors and word in errors[0] and "named only after" in errors[0]


def test_a_load_picked_up_where_the_excavator_works(fleet, world):
    assert_plan("Excavator 2 works at soil 2. Truck 2 picks up a load at soil 2 and dumps it at puddle 1.", fleet,
                world, task("m", T, [E2, D2], ["soil2"]), task("l", LOAD, [E2], [], deps=["m"]),
                task("n", T, [D2], ["puddle1"], deps=["l"]), task("d", DUMP, [D2], [], deps=["n"]))


# -- finding 6 (own probe): "... and fill puddle 2 with it" in a goal said first ---------------------------------------

@pytest.mark.parametrize("text", [
    "The goal is to dig soil 1 and fill puddle 2 with it. Excavator 1 digs soil 1 and loads truck 1. Truck 1 dumps "
    "at puddle 2.",
    "Good morning all robots, the aim is to clear soil 1 and fill puddle 2 with it. Excavator 1 digs soil 1 and "
    "loads truck 1. Truck 1 dumps at puddle 2.",
])
def test_a_goal_filling_a_place_with_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("n", T, [D1], ["puddle2"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["n"]))


def test_another_before_a_verb_after_a_load_is_another_truck(fleet, world):
    assert_plan("Excavator 3 digs soil 2. A truck gets a load at soil 2, and another goes to puddle 2.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("t", T, [], ["soil2"], types=[("dump_truck", 1)]),
                task("l", LOAD, [E3], [], deps=["g", "t"]),
                task("n", T, [], ["puddle2"], types=[("dump_truck", 1)]))
