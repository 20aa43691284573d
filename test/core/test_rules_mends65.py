"""Mends of helper M65: misreadings earlier helpers found and left.

1. "Trucks 1 and 3 go to soil 1 and excavator 3 loads them. Then they go to puddle 2 and dump." sent excavator 3 to
   puddle 2 with the trucks: "they" after a sentence whose last clause loads several trucks is the loaded trucks,
   not every subject of that sentence; so after "Excavator 3 loads trucks 1 and 3, truck 1 first.", whose verbless
   rest of the order ("truck 3") names the truck loaded next, no doer.
2. "Truck 1 goes to rock 1. Before that, excavator 1 digs at soil 1." added no dependency, and "All robots gather at
   obstacle 1. Before that, excavator 1 digs at soil 1." made the digging wait for the gathering: a sentence opened
   by "before that" (lexicon ``before_that_openers``) puts its steps before the step said just before it, whoever
   does them.
3. "Excavator 1 loads trucks 1 and 2, truck 2 first, and truck 2 then goes to rock 2" loaded once and sent truck 1
   to rock 2 too: the comma that closed the order aside was taken with it, so the next clause's robot joined the rest
   of the order ("then truck 1 and truck 2"). Before ", and <robot>" the comma stays.
4. "exc 2 at soil 2 already - dig" (also "exc 2 @ soil 2 already, dig") moved excavator 2 to soil 2 first: a robot,
   "at", a place and a trailing "already" with the "is" dropped says where the robot stands.
5. "Everyone avoids soil 2 then." put the keep-out up from the start: a trailing "then" after a keep-out waits for the
   step before it, as a trailing "afterwards" does.
6. "Truck 3 heads to puddle 1 and stays till excavator 1 is done, then it goes to soil 2" (also "waits till") sent
   excavator 1 to soil 2 in place of truck 3: the robots a wait waits for are no later "it", also after a bare "till"
   said after its clause, and with every wait connective of the lexicon ("waits till").

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, TA, T, assert_plan, task

# -- finding 1: "they" after "excavator 3 loads them" are the loaded trucks ----------------------------------------


@pytest.mark.parametrize("text", [
    "Trucks 1 and 3 go to soil 1 and excavator 3 loads them. Then they go to puddle 2 and dump.",
    "Trucks 1 and 3 go to soil 1 and excavator 3 loads both. Then they go to puddle 2 and dump.",
    "Trucks 1 and 3 drive to soil 1 and excavator 3 fills them. After that they head to puddle 2 and dump.",
])
def test_they_after_a_loading_are_the_loaded_trucks(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D1, D3], ["soil1"]), task("l", LOAD, [E3], [], deps=["m"]),
                task("p", T, [D1, D3], ["puddle2"], deps=["l"]), task("d", DUMP, [D1, D3], [], deps=["p"]))


@pytest.mark.parametrize("text", [
    "Excavator 3 loads trucks 1 and 3, truck 1 first. Then they go to puddle 1 and dump.",
    "Excavator 3 loads trucks 3 and 1, truck 1 first. After that they drive to puddle 1 and tip.",
])
def test_they_after_a_loading_order_are_the_loaded_trucks(fleet, world, text):
    assert_plan(text, fleet, world,
                task("l1", LOAD, [E3], []), task("l2", LOAD, [E3], [], deps=["l1"]),
                task("p", T, [D1, D3], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D3], [], deps=["p"]))


# -- finding 2: "Before that, ..." for other robots comes first ----------------------------------------------------

@pytest.mark.parametrize("opener", ["Before that", "Beforehand"])
def test_before_that_for_other_robots(fleet, world, opener):
    assert_plan(f"Truck 1 goes to rock 1. {opener}, excavator 1 digs at soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1], ["rock1"], deps=["g"]))


def test_before_that_checks_for_other_robots(fleet, world):
    assert_plan("Truck 2 goes to puddle 1. Before that, excavator 2 checks obstacle 1.", fleet, world,
                task("e", T, [E2], ["obstacle1"]), task("t", T, [D2], ["puddle1"], deps=["e"]))


def test_before_that_ahead_of_a_fleet_wide_step(fleet, world):
    assert_plan("All robots gather at obstacle 1. Before that, excavator 1 digs at soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("a", TA, [], ["obstacle1"], deps=["g"]))


# -- finding 3: "..., truck 2 first, and truck 2 then goes ...": a clause of its own after the order aside ---------

def test_clause_after_an_order_aside_keeps_its_robot(fleet, world):
    assert_plan("Excavator 1 loads trucks 1 and 2, truck 2 first, and truck 2 then goes to rock 2", fleet, world,
                task("l2", LOAD, [E1], []), task("l1", LOAD, [E1], [], deps=["l2"]),
                task("t", T, [D2], ["rock2"], deps=["l2"]))


@pytest.mark.parametrize("verb", ["drives", "then drives"])
def test_clause_of_the_second_truck_after_an_order_aside(fleet, world, verb):
    assert_plan(f"Excavator 3 loads trucks 1 and 3, truck 3 first, and truck 1 {verb} to puddle 1 and dumps.",
                fleet, world,
                task("l3", LOAD, [E3], []), task("l1", LOAD, [E3], [], deps=["l3"]),
                task("t", T, [D1], ["puddle1"], deps=["l1"]), task("d", DUMP, [D1], [], deps=["t"]))


# -- finding 4: "exc 2 at soil 2 already - dig": no move ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "exc 2 at soil 2 already - dig",
    "exc 2 @ soil 2 already, dig",
    "Excavator 2 at soil 2 already: dig there.",
])
def test_at_a_place_already_without_is(fleet, world, text):
    assert_plan(text, fleet, world, task("g", DIG, [E2], []))


def test_at_a_place_already_then_loads(fleet, world):
    assert_plan("excavator 1 at rock 1 already: dig, then load truck 2", fleet, world,
                task("g", DIG, [E1], []), task("l", LOAD, [E1], [], deps=["g"]))


# -- finding 5: a trailing "then" after a keep-out ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 goes to soil 1. Everyone avoids soil 2 then.",
    "Truck 1 goes to soil 1. All robots keep away from soil 2 then.",
])
def test_trailing_then_after_a_keep_out(fleet, world, text):
    assert_plan(text, fleet, world,
                task("t", T, [D1], ["soil1"]), task("a", AVA, [], ["soil2"], deps=["t"]))


# -- finding 6: "stays till X is done, then it goes ...": "it" is the robot that waited -----------------------------

@pytest.mark.parametrize("wait", ["stays till", "waits till", "stays there until"])
def test_it_after_a_wait_till_is_the_waiter(fleet, world, wait):
    assert_plan(f"Excavator 1 digs at soil 1. Truck 3 heads to puddle 1 and {wait} excavator 1 is done, then it goes "
                "to soil 2", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("p", T, [D3], ["puddle1"]), task("s", T, [D3], ["soil2"], deps=["g", "p"]))


def test_it_after_waits_till_alone(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 3 waits till excavator 1 is done, then it goes to soil 2", fleet,
                world, task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("s", T, [D3], ["soil2"], deps=["g"]))
