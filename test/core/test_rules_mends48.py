"""Mends of helper M48: misreadings of loads a truck takes, goals said first and "another".

2. "Truck 3 takes a load at rock 1 ..." was a dump at rock 1: "takes / gets a load" (lexicon ``passive_load``) is
   the truck being loaded there: a move there and, with an excavator there, its loading; with none, refused.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D3, DIG, DUMP, E1, E2, LOAD, T, assert_plan, task

# -- finding 2: "takes a load at <place>" is the truck being loaded there -------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 2 digs rock 1. Truck 3 takes a load at rock 1 and dumps it at puddle 1.",
    "Excavator 2 digs rock 1. Truck 3 gets a load at rock 1 and dumps it at puddle 1.",
    "Excavator 2 digs rock 1. Truck 3 takes a load at rock 1, then dumps it at puddle 1.",
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
