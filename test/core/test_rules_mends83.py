"""Mends of helper M83: misreadings behind dev lines of the batches of L3 (each gave a wrong plan or none).

1. "Truck 2 must collect two loads before it tips. <the pick-ups and the tip, spelled out>": "loads" after a
   number word was a loading, and the opening sentence an order: the truck tipped first, with nothing in it. A
   plural noun that is also a verb after a number word (not a robot's number: "excavator two loads truck 1") is a
   noun, and an opening sentence that counts loads (not places) tells the job ahead when the later sentences load
   its robots at least that often and say each of its other verbs again.
2. "By the time the digging is done, trucks 1 and 2 should be waiting at puddle 1; only after both have happened do
   they come over": "both" was the two trucks (the robots named last), so the move waited for their wait alone, and
   "have happened" was no predicate, so the anchor ran on over the main clause ("... does it drive to soil 2" was
   dropped). Things happen, robots do not: "both" before a verb of happening (lexicon ``happening_events``) is the
   two things said just before it (a clause's anchor and each clause's own step), and the anchor ends there.
3. "An excavator and a truck go to soil 1 together ... The excavator loads the truck that came with it first": with
   no pairing said, "its truck" was the truck that stood there last (the other one, come later), and as a subject
   the truck named last. The truck that came with a robot is the one of its type that shared its latest move.
4. "... another truck waits at puddle 2. ... As soon as that first truck has been loaded, the other truck comes
   over": "the other truck" after two trucks said one at a time was a third truck, so the one waiting at puddle 2
   was never sent on. Of exactly two robots of the type said one at a time, "the other" is the one not picked out
   again just before in its sentence.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: an opening sentence that counts loads tells the job ahead ------------------------------------------

_TWO_PICKUPS = ("Excavator 1 digs at soil 1 and excavator 3 digs at rock 2. Truck 2 goes to soil 1 and excavator 1 "
                "loads it; then the truck goes to rock 2 and excavator 3 loads it. After that truck 2 dumps at "
                "puddle 1.")


@pytest.mark.parametrize("opening", [
    "Truck 2 must collect two loads before it tips.",
    "Truck 2 has to pick up two loads before it goes to dump.",
    "Truck 2 needs to take on two loads and then tip them.",
])
def test_an_opening_that_counts_loads_tells_the_job_ahead(fleet, world, opening):
    assert_plan(f"{opening} {_TWO_PICKUPS}", fleet, world,
                task("m1", T, [E1, D2], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m3", T, [E3], ["rock2"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("l1", LOAD, [E1], [], deps=["g1"]),
                task("m2", T, [D2], ["rock2"], deps=["l1"]), task("l3", LOAD, [E3], [], deps=["g3", "m2"]),
                task("m4", T, [D2], ["puddle1"], deps=["l3"]), task("d", DUMP, [D2], [], deps=["m4"]))


def test_a_robot_named_by_a_number_word_still_loads(fleet, world):
    assert_plan("Excavator two loads truck 1 at soil 1.", fleet, world,
                task("m", T, [E2, D1], ["soil1"]), task("l", LOAD, [E2], [], deps=["m"]))
    assert_plan("Excavators one and two loads truck 1 at soil 1.", fleet, world,
                task("m", T, [E1, E2, D1], ["soil1"]), task("l", LOAD, [E1, E2], [], deps=["m"]))


# -- finding 2: "both have happened" is the two things said just before -------------------------------------------

def test_both_happened_is_the_anchor_and_the_clause_said_before(fleet, world):
    assert_plan("Excavator 2 digs at soil 2. Meanwhile trucks 1 and 2 wait at puddle 1. By the time the digging is "
                "done, trucks 1 and 2 should be waiting at puddle 1; only after both have happened do they come over "
                "to soil 2.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("w", T, [D1, D2], ["puddle1"]), task("c", T, [D1, D2], ["soil2"], deps=["g", "w"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 2 and truck 1 waits at puddle 1. Only after both have happened does it drive to soil 2.",
    "Excavator 2 digs at soil 2 and truck 1 waits at puddle 1. Once both have occurred, truck 1 drives to soil 2.",
])
def test_both_happened_is_the_two_clauses_said_before(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("w", T, [D1], ["puddle1"]), task("c", T, [D1], ["soil2"], deps=["g", "w"]))


def test_both_robots_done_stays_the_robots(fleet, world):
    assert_plan("Truck 3 checks obstacle 2. Excavator 1 digs at rock 1 and truck 1 checks puddle 1. Once both are "
                "done, truck 3 drives to rock 1.", fleet, world,
                task("o", T, [D3], ["obstacle2"]), task("m", T, [E1], ["rock1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("p", T, [D1], ["puddle1"]), task("c", T, [D3], ["rock1"], deps=["o", "g", "p"]))


# -- findings 3 and 4: "the truck that came with it" and "the other truck" of two unnamed trucks --------------------

EX, TR = [("excavator", 1)], [("dump_truck", 1)]


def test_the_truck_that_came_with_an_unnamed_excavator(fleet, world):
    assert_plan("An excavator and a truck go to soil 1 together, and the excavator digs there. Another truck waits "
                "at puddle 1 and drives to soil 1 once the digging is done. The excavator loads the truck that came "
                "with it first and then the other truck. The truck that came with it dumps at rock 1, while the "
                "other truck goes back to base and dumps there.", fleet, world,
                task("m", T, [], ["soil1"], types=[("excavator", 1), ("dump_truck", 1)]),
                task("g", DIG, [], [], deps=["m"], types=EX),
                task("w", T, [], ["puddle1"], types=TR), task("c", T, [], ["soil1"], deps=["g", "w"], types=TR),
                task("l1", LOAD, [], [], deps=["g"], types=EX), task("l2", LOAD, [], [], deps=["c", "l1"], types=EX),
                task("h", T, [], ["rock1"], deps=["l1"], types=TR), task("d1", DUMP, [], [], deps=["h"], types=TR),
                task("r", R, [], [], deps=["l2"], types=TR), task("d2", DUMP, [], [], deps=["r"], types=TR))


def test_the_truck_that_came_with_a_named_excavator(fleet, world):
    assert_plan("Excavator 1 and truck 2 go to soil 1, and excavator 1 digs there. Truck 3 waits at puddle 1 and "
                "drives to soil 1 once the digging is done. Excavator 1 loads the truck that came with it first and "
                "then the other truck. The truck that came with it dumps at rock 1, while the other truck goes back "
                "to base and dumps there.", fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("w", T, [D3], ["puddle1"]), task("c", T, [D3], ["soil1"], deps=["g", "w"]),
                task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["c", "l1"]),
                task("h", T, [D2], ["rock1"], deps=["l1"]), task("d1", DUMP, [D2], [], deps=["h"]),
                task("r", R, [D3], [], deps=["l2"]), task("d2", DUMP, [D3], [], deps=["r"]))


def test_the_other_of_two_unnamed_trucks_is_the_one_waiting(fleet, world):
    assert_plan("Send one excavator and one truck to rock 1 and have another truck wait at puddle 2. When the "
                "excavator has dug, it loads the truck that came with it, and that truck then dumps at soil 2. As "
                "soon as that first truck has been loaded, the other truck comes over from puddle 2 to rock 1 so "
                "that the excavator can load it too, and then it dumps at soil 1.", fleet, world,
                task("m", T, [], ["rock1"], types=[("excavator", 1), ("dump_truck", 1)]),
                task("w", T, [], ["puddle2"], types=TR), task("g", DIG, [], [], deps=["m"], types=EX),
                task("l1", LOAD, [], [], deps=["g"], types=EX),
                task("h1", T, [], ["soil2"], deps=["l1"], types=TR), task("d1", DUMP, [], [], deps=["h1"], types=TR),
                task("c", T, [], ["rock1"], deps=["w", "l1"], types=TR),
                task("l2", LOAD, [], [], deps=["c"], types=EX),
                task("h2", T, [], ["soil1"], deps=["l2"], types=TR), task("d2", DUMP, [], [], deps=["h2"], types=TR))


def test_the_other_truck_after_two_unnamed_trucks_is_still_a_third(fleet, world):
    assert_plan("A truck goes to soil 1 and another truck goes to soil 2. The other truck goes to rock 1.", fleet,
                world,
                task("a", T, [], ["soil1"], types=TR), task("b", T, [], ["soil2"], types=TR),
                task("c", T, [], ["rock1"], types=TR))
