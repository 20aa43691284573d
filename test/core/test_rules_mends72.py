"""Mends of helper M72: misreadings that earlier helper sessions found and left (each gave a plan or a refusal where
the conventions give another plan).

1. "Excavator 2 is at rock 2 and digs there." sent excavator 2 to rock 2 first: a robot, "is at" (lexicon
   ``state_copulas``), a named place and "and" with the robot's next verb is where it stands (rule 11: no move), as
   it already was with a comma before "and".
2. "Both excavators dig, and then excavator 2 loads truck 1, followed by excavator 1." dropped excavator 1's loading
   ("followed" was a verb of going along): ", followed by <robots>" (lexicon ``followed_by_phrases``) after work is
   "then <robots>", the work said again for them; after a move they still go along.
3. "Both excavators dig and load truck 1 one after another, starting with excavator 2." gave one loading by both, then
   a second digging and loading by excavator 2: ", starting with <robot>" (lexicon ``loading_order_openers``) ending
   the clause is "<robot> first", which orders the loaders as it does the trucks.
4. "..., so nobody needs to go there again" was a fleet-wide keep-out (of the wrong place), and "..., so nobody digs
   there" asked the whole fleet to dig: a negated robot ("nobody", "no one", "no robot") before a phrase of need
   (lexicon ``unneeded_phrases``) spares the robots the visit, and after "so" before a verb of work it is what is
   left to do after work reported done: no step either way. "Nobody goes there" stays a keep-out.
5. "Everything is parked at base right now." was refused ("everything" was the mark of "once everything is done"),
   and "Everyone is (parked) at base" sent the whole fleet back to start as a step ("everyone is at soil 1 right
   now" sent it there): "everything" opening a sentence before a state and a place (lexicon ``fleet_state_nouns``)
   is the whole fleet, and a clause of the whole fleet that only says where it stands places every robot there, no
   step ("is at soil 1 right now" is a state for one robot too).
6. "Excavator 2 loads dump truck 1 at soil 2. Dump truck 1 then hauls that load to obstacle 1 and dumps." loaded
   the truck again after the haul: "that" between a verb and a cargo noun (lexicon ``cargo_event_nouns``) is the
   noun's determiner, as "this" is, not the place pronoun before a verb "load".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, DIG, DUMP, E1, E2, LOAD, RA, T, assert_plan, task

# -- finding 1: "<robot> is at <place> and <verb>" is where it stands ---------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 is at rock 2 and digs there.",
    "Excavator 2 is at rock 2 and breaks it up.",
    "Excavator 2 is at rock 2 and digs.",
])
def test_a_robot_said_to_be_at_a_place_before_its_step_is_not_sent_there(fleet, world, text):
    assert_plan(text, fleet, world, task("g", DIG, [E2]))


def test_the_state_before_a_step_places_the_robot_for_later_clauses(fleet, world):
    assert_plan("Excavator 2 is at rock 2 and digs there. Truck 1 drives there, and excavator 2 loads it.", fleet,
                world, task("m", T, [D1], ["rock2"]), task("g", DIG, [E2]),
                task("l", LOAD, [E2], deps=["g", "m"]))


def test_a_robot_at_a_place_that_goes_elsewhere_moves_once(fleet, world):
    assert_plan("Excavator 2 is at rock 2 and goes to soil 1.", fleet, world, task("m", T, [E2], ["soil1"]))


def test_a_timed_state_stays_the_moment_waited_for(fleet, world):
    assert_plan("When truck 1 is at soil 1 and excavator 1 has dug, excavator 1 loads it.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("g", DIG, [E1]), task("l", LOAD, [E1], deps=["m", "g"]))


# -- finding 6: "hauls that load to <place>" carries the load, no second loading ---------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 loads dump truck 1 at soil 2. Dump truck 1 then hauls that load to obstacle 1 and dumps.",
    "Excavator 2 loads dump truck 1 at soil 2. Dump truck 1 then takes that load to obstacle 1 and dumps it.",
    "Excavator 2 loads dump truck 1 at soil 2. Dump truck 1 then brings that load to obstacle 1.",
])
def test_that_load_is_the_cargo_of_the_haul(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E2, D1], ["soil2"]), task("l", LOAD, [E2], deps=["m"]),
                task("h", T, [D1], ["obstacle1"], deps=["l"]), task("d", DUMP, [D1], deps=["h"]))


def test_that_load_after_a_dump_verb_is_its_cargo(fleet, world):
    assert_plan("Excavator 2 loads dump truck 1 at soil 2. Then dump truck 1 dumps that load at puddle 2.", fleet,
                world, task("m", T, [E2, D1], ["soil2"]), task("l", LOAD, [E2], deps=["m"]),
                task("h", T, [D1], ["puddle2"], deps=["l"]), task("d", DUMP, [D1], deps=["h"]))


# -- finding 3: ", starting with <robot>" orders the loaders ------------------------------------------------------

_AT_SOIL_1 = "Excavator 1 and excavator 2 go to soil 1 and truck 1 goes to soil 1. "


@pytest.mark.parametrize("text", [
    _AT_SOIL_1 + "Both excavators dig and load truck 1 one after another, starting with excavator 2.",
    _AT_SOIL_1 + "Both excavators dig and load truck 1 in turn, beginning with excavator 2.",
    _AT_SOIL_1 + "Both excavators dig and load truck 1 in turn, excavator 2 first.",
])
def test_starting_with_a_loader_orders_the_loadings(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, E2, D1], ["soil1"]), task("g", DIG, [E1, E2], deps=["m"]),
                task("l2", LOAD, [E2], deps=["g"]), task("l1", LOAD, [E1], deps=["l2"]))


def test_starting_with_a_truck_still_orders_the_trucks(fleet, world):
    assert_plan("Trucks 1 and 2 and excavator 1 go to soil 1. Excavator 1 digs and loads them one after the other, "
                "starting with truck 2. Truck 1 then goes to puddle 1.", fleet, world,
                task("m", T, [E1, D1, D2], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("l2", LOAD, [E1], deps=["g"]), task("l1", LOAD, [E1], deps=["l2"]),
                task("p", T, [D1], ["puddle1"], deps=["l1"]))


# -- finding 2: ", followed by <robot>" after work is that work again, next ---------------------------------------


@pytest.mark.parametrize("text", [
    _AT_SOIL_1 + "Both excavators dig, and then excavator 2 loads truck 1, followed by excavator 1.",
    _AT_SOIL_1 + "Both excavators dig, then excavator 2 loads truck 1, followed by excavator 1.",
])
def test_followed_by_a_loader_loads_next(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, E2, D1], ["soil1"]), task("g", DIG, [E1, E2], deps=["m"]),
                task("l2", LOAD, [E2], deps=["g"]), task("l1", LOAD, [E1], deps=["l2"]))


def test_followed_by_after_digging_digs_next(fleet, world):
    assert_plan("Excavator 1 digs at soil 1, followed by excavator 2.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil1"], deps=["g1"]), task("g2", DIG, [E2], deps=["m2"]))


def test_followed_by_after_a_move_still_goes_along(fleet, world):
    assert_plan("Truck 1 goes to soil 1, followed by truck 2.", fleet, world, task("m", T, [D1, D2], ["soil1"]))


# -- finding 4: "nobody needs to go there again", "so nobody digs there": nothing left to do -----------------------

_DIG_1 = (task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"]))


def test_nobody_needs_to_go_there_again_is_no_keep_out(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1 at soil 1. Puddle 1 was checked this morning, so nobody "
                "needs to go there again.", fleet, world, task("m", T, [E1, D1], ["soil1"]),
                task("g", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["g"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. No one needs to visit rock 1.",
    "Excavator 1 digs at soil 1. Rock 1 was broken up yesterday, so no robot has to dig there.",
    "Excavator 1 digs at soil 1. Rock 1 was broken up yesterday, so nobody digs there.",
])
def test_nothing_left_for_nobody_makes_no_step(fleet, world, text):
    assert_plan(text, fleet, world, *_DIG_1)


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Nobody goes to rock 1.",
    "Excavator 1 digs at soil 1. Rock 1 is unstable, so nobody goes there.",
])
def test_nobody_goes_there_stays_a_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, *_DIG_1, task("k", AVA, [], ["rock1"]))


# -- finding 5: the whole fleet said to stand somewhere is no step ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Everything is parked at base right now. Excavator 1 digs at soil 1.",
    "Everything is at base. Excavator 1 digs at soil 1.",
    "Everyone is parked at base right now. Excavator 1 digs at soil 1.",
    "All robots are at base right now. Excavator 1 digs at soil 1.",
    "The whole fleet is already at base. Excavator 1 digs at soil 1.",
])
def test_the_fleet_at_base_is_no_return(fleet, world, text):
    assert_plan(text, fleet, world, *_DIG_1)


@pytest.mark.parametrize("text", [
    "Everyone is at soil 1 right now. Excavator 1 digs there.",
    "Everything is parked at soil 1 right now. Excavator 1 digs there.",
    "Excavator 1 is at soil 1 right now. It digs there.",
])
def test_robots_said_to_stand_at_a_place_now_are_not_sent_there(fleet, world, text):
    assert_plan(text, fleet, world, task("g", DIG, [E1]))


def test_everyone_sent_to_base_still_returns(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Then everyone goes to base.", fleet, world, *_DIG_1,
                task("r", RA, [], deps=["g"]))
