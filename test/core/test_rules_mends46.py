"""Mends of helper M46: misreadings found by earlier probes.

1. "Keep excavators 1 and 2 away from puddle 2. Truck 1 dumps at soil 1. Once truck 1 has tipped, lift that keep-out
   for excavators 1 and 2." lifted a keep-out of soil 1, the place named last: "that keep-out" (like "that
   restriction", lexicon ``keepout_reference_nouns``) is the zone of the latest keep-out.
3. "Excavator 1 digs at soil 1. The loaded truck goes to puddle 1." (nothing loads a truck) sent a new unnamed
   truck: "the loaded truck" with no loading before it points at no robot, and is refused naming the words, as
   "the empty truck" is when nothing says which; a robot by number set beside it ("(truck 2)") still says which.
4. "Trucks 1 and 2 go to soil 1, first truck 1, then truck 2." gave one move for both and dropped the order: an order
   aside after a move of robots named by number, naming them all, gives each its own move in that order (not when
   a verb with no robot of its own follows: "(truck 2 first) and dump there" would dump with the last robot alone).
5. "... go to soil 1 and get loaded, truck 1 first, then both dump at puddle 1" gave one loading: ", then both dump"
   has a verb of its own, so the order aside ends before it.
6. "Truck 1 gets a load at soil 1, then another at soil 2, and tips both at puddle 1" sent another, unnamed truck to
   soil 2 and puddle 1: a bare "another" after a noun of a thing said since the last robot ("a load", lexicon
   ``another_thing_nouns``) is another of that thing; truck 1 goes on to soil 2.
7. "To clear puddle 1, truck 2 should go there first and then go back to start." was refused (no robot for "to clear
   puddle 1"): a purpose said first whose verb the lexicon lacks ("clear", "level") but that names the place it acts
   on is the goal, as one with a known verb is.
8. "We need to get rid of the soil at soil 2. Excavator 2 can dig it and truck 1 can haul it to puddle 1." was refused
   by the goal check (nothing went to soil 2): "it" right after a verb of digging, with no place after it, is the soil
   where it lies, the place spoken of last (as "dig there"), not a robot.
9. Dev line L3_554: "the two excavator" (the noun's plural left off) was the pronoun "the two" and a bare "excavator",
   one robot sent again to soil 1; a number above one before the noun makes it the group of that many, whatever
   the noun's form.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _problems  # a plan's problems


def _unclear(text: str, fleet, world, words: str) -> None:
    problems = _problems(text, fleet, world)
    assert any(f"{words!r}: which robot is meant is not clear" in p for p in problems), problems


# -- finding 1: "that keep-out" is the zone kept out of, not the place named last ------------------------------------

def test_that_keep_out_is_the_zone_of_the_latest_keep_out(fleet, world):
    assert_plan("Keep excavators 1 and 2 away from puddle 2. Truck 1 dumps at soil 1. Once truck 1 has tipped, lift "
                "that keep-out for excavators 1 and 2.", fleet, world,
                task("k", AV, [E1, E2], ["puddle2"]), task("m", T, [D1], ["soil1"]),
                task("d", DUMP, [D1], [], deps=["m"]), task("a", AL, [E1, E2], ["puddle2"], deps=["d"]))
    assert_plan("Keep truck 2 away from rock 1. Excavator 1 digs at soil 2. After that, lift that keep-out for "
                "truck 2.", fleet, world,
                task("k", AV, [D2], ["rock1"]), task("m", T, [E1], ["soil2"]),
                task("g", DIG, [E1], [], deps=["m"]), task("a", AL, [D2], ["rock1"], deps=["g"]))


def test_that_ban_is_the_zone_of_the_latest_keep_out(fleet, world):
    assert_plan("Keep truck 3 off obstacle 1. Truck 1 goes to puddle 2. Then lift that ban for truck 3.", fleet, world,
                task("k", AV, [D3], ["obstacle1"]), task("m", T, [D1], ["puddle2"]),
                # a keep-out from the start adds no edge to its lifting (README rule 26; test_rules_mends85)
                task("a", AL, [D3], ["obstacle1"], deps=["m"]))


# -- finding 3: "the loaded truck" with no loading before it -------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Excavator 1 digs at soil 1. The loaded truck goes to puddle 1.", "the loaded truck"),
    ("Truck 2 goes to soil 1. Then the full truck dumps at puddle 2.", "the full truck"),
    ("Excavator 2 digs at soil 2, and after that the loaded truck drives to puddle 1.", "the loaded truck"),
])
def test_a_loaded_truck_with_no_loading_before_it_is_refused(fleet, world, text, words):
    _unclear(text, fleet, world, words)


def test_the_loaded_truck_after_its_loading_stays_that_truck(fleet, world):
    assert_plan("Excavator 1 loads truck 2 at soil 1. The loaded truck goes to puddle 1.", fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]),
                task("g", T, [D2], ["puddle1"], deps=["l"]))



def test_a_loaded_truck_named_beside_it_stays_that_truck(fleet, world):
    assert_plan("The loaded truck (truck 2) drives to puddle 1 and dumps there.", fleet, world,
                task("m", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], deps=["m"]))


# -- finding 4: an order aside after a move --------------------------------------------------------------------------

def test_an_order_aside_after_a_move_orders_the_moves(fleet, world):
    assert_plan("Trucks 1 and 2 go to soil 1, first truck 1, then truck 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["soil1"], deps=["a"]))
    assert_plan("Trucks 1 and 2 go to soil 1, truck 2 first, then truck 1.", fleet, world,
                task("a", T, [D2], ["soil1"]), task("b", T, [D1], ["soil1"], deps=["a"]))
    assert_plan("Excavators 1 and 3 drive to rock 2, excavator 3 first.", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", T, [E1], ["rock2"], deps=["a"]))


# -- finding 5: ", then both dump" is no part of the order aside -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Trucks 1 and 2 go to soil 1 and get loaded, truck 1 first, then both dump at "
    "puddle 1.",
    "Excavator 1 digs at soil 1. Trucks 1 and 2 go to soil 1 and get loaded, truck 1 first, then they dump at "
    "puddle 1.",
])
def test_a_clause_after_the_order_aside_is_its_own(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, D1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("p", T, [D1, D2], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D2], [], deps=["p"]))


# -- finding 6: "a load at soil 1, then another at soil 2" is another load ------------------------------------------

def test_another_after_a_load_is_another_load(fleet, world):
    assert_plan("Truck 1 gets a load at soil 1, then another at soil 2, and tips both at puddle 1", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["soil2"], deps=["a"]),
                task("c", T, [D1], ["puddle1"], deps=["b"]), task("d", DUMP, [D1], [], deps=["c"]))
    assert_plan("Truck 2 gets a load at soil 2, then another at rock 1, then dumps at puddle 1.", fleet, world,
                task("a", T, [D2], ["soil2"]), task("b", T, [D2], ["rock1"], deps=["a"]),
                task("c", T, [D2], ["puddle1"], deps=["b"]), task("d", DUMP, [D2], [], deps=["c"]))


def test_another_after_a_robot_stays_another_robot(fleet, world):
    assert_plan("Truck 1 goes to soil 1, then another truck goes to soil 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [], ["soil2"], deps=["a"], types=[("dump_truck", 1)]))


# -- finding 7: a purpose said first with a verb the lexicon lacks ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "To clear puddle 1, truck 2 should go there first and then go back to start.",
    "In order to clear puddle 1, truck 2 should go there first and then go back to start.",
    "To clear puddle 1, truck 2 goes to puddle 1 and then returns.",
])
def test_a_purpose_said_first_is_the_goal(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2], ["puddle1"]), task("r", R, [D2], [], deps=["m"]))


def test_a_purpose_with_an_unknown_verb_and_a_dig(fleet, world):
    assert_plan("To level soil 2, excavator 3 digs there.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]))


# -- finding 8: "dig it" digs where the soil spoken of lies ---------------------------------------------------------

@pytest.mark.parametrize("text, place, truck, puddle", [
    ("We need to get rid of the soil at soil 2. Excavator 2 can dig it and truck 1 can haul it to puddle 1.",
     "soil2", D1, "puddle1"),
    ("The soil at soil 2 must go. Excavator 2 digs it and truck 1 hauls it to puddle 1.", "soil2", D1, "puddle1"),
])
def test_dig_it_digs_at_the_place_of_the_goal(fleet, world, text, place, truck, puddle):
    assert_plan(text, fleet, world,
                task("m", T, [E2, truck], [place]), task("g", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["g"]), task("h", T, [truck], [puddle], deps=["l"]),
                task("d", DUMP, [truck], [], deps=["h"]))


def test_dig_it_at_a_place_digs_there(fleet, world):
    assert_plan("Excavator 1 digs it at soil 2.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]))


# -- finding 9: "the two excavator" is two excavators ----------------------------------------------------------------

@pytest.mark.parametrize("text, moved", [
    ("Two excavators and one dump truck go to soil 1, and another excavator with another dump truck go to rock 2. At "
     "soil 1 the two excavator dig.", [("excavator", 1), ("dump_truck", 1)]),
    ("Two excavators and one dump truck go to soil 1, and another excavator goes to rock 2. The two excavator dig at "
     "soil 1.", [("excavator", 1)]),
])
def test_the_two_with_a_singular_noun_is_two_robots(fleet, world, text, moved):
    assert_plan(text, fleet, world,
                task("a", T, [], ["soil1"], types=[("excavator", 2), ("dump_truck", 1)]),
                task("b", T, [], ["rock2"], types=moved),
                task("g", DIG, [], [], deps=["a"], types=[("excavator", 2)]))
