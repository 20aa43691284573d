"""Mends of helper M134: dev lines of round 24 that were not planned exactly, read with sentences of our own.

1. "Truck 3 has no business near rock 1." sent truck 3 to rock 1: "has no business" (lexicon ``negations``) says the
   robot must not be there, so the clause is a keep-out like "must not be near rock 1".
2. "A truck must not be near rock 1, so put a keep-out around rock 1 for it" kept the truck out twice: a keep-out
   said again for the same unnamed group (one group key, which the allocator binds to the same robots) is the same
   keep-out, as it already was for robots named by number.
3. "When it has dumped, truck 2 should stay at soil 1, and everyone else goes back to the start" sent back only the
   robots never named: "everyone else" right after a clause that keeps one robot where it is (a verb of
   ``idle_verbs``) is everyone but that robot (rule 18), and the robots that worked before go back too.
4. "dump truck 1 drives to rock 2 to take photos" made truck 1 haul the diggers' soil to rock 2 and dump it there:
   "take photos / pictures / measurements / readings" (lexicon ``filler_phrases``) is what the robot does once
   there, no step of ours, never "take" + cargo.
5. "The truck at rock 2 returns to base and dumps there, and the truck at soil 2 does the same" sent the truck just
   named to soil 2: a place after the subject of "does the same" picks the robot standing there (as it does before a
   verb), which redoes the steps; it is no move.
6. "A truck ... Another truck ... The remaining truck ... Once all three trucks are done, excavator 2 returns" waited
   for nothing: "all (three) trucks" in an anchor, when groups and robots given work make up every truck, is them
   (read as a new group of three, it had no steps).
7. "Once it has had a look, nobody should go near the puddles, so set up one keep-out around both puddles for all
   robots" made two fleet-wide keep-outs, the second at the start: a fleet-wide keep-out said again, waiting for
   nothing the first does not, is that keep-out, as it already was for some robots; what waits for it waits for the
   first. One said to hold throughout stays.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, R, T, assert_plan, task

# -- finding 1: "has no business near <place>" is a keep-out ---------------------------------------------------------

@pytest.mark.parametrize("text, robots, types, place", [
    ("Truck 3 has no business near rock 1.", [D3], [], "rock1"),
    ("Excavator 1 has no business going near soil 2.", [E1], [], "soil2"),
    ("The trucks have no business at puddle 2.", [], [("dump_truck", 3)], "puddle2"),
])
def test_no_business_near_a_place_keeps_the_robot_out(fleet, world, text, robots, types, place):
    assert_plan(text, fleet, world, task("k", AV, robots, [place], types=types))


def test_no_business_then_a_keep_out_for_it_is_one_keep_out(fleet, world):
    assert_plan("Truck 3 has no business near rock 1, so first put a keep-out around rock 1 for it; after that it "
                "can go and check puddle 1.", fleet, world,
                task("k", AV, [D3], ["rock1"]), task("m", T, [D3], ["puddle1"], deps=["k"]))


# -- finding 2: a keep-out said again for the same unnamed group is one keep-out --------------------------------------

def test_a_keep_out_said_again_for_one_truck_is_one_keep_out(fleet, world):
    assert_plan("A truck must not be near rock 1, so first put a keep-out around rock 1 for it; after that it can go "
                "and check puddle 1.", fleet, world,
                task("k", AV, [], ["rock1"], types=[("dump_truck", 1)]),
                task("m", T, [], ["puddle1"], deps=["k"], types=[("dump_truck", 1)]))


def test_a_keep_out_said_again_for_the_other_truck_is_one_keep_out(fleet, world):
    assert_plan("Truck 1 goes to soil 1. The other truck has no business near rock 1, so put a keep-out around "
                "rock 1 for it.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("k", AV, [], ["rock1"], types=[("dump_truck", 1)]))


def test_two_groups_said_apart_keep_two_keep_outs(fleet, world):
    assert_plan("Two trucks must stay away from rock 1. Two trucks must stay away from rock 1.", fleet, world,
                task("k", AV, [], ["rock1"], types=[("dump_truck", 2)]),
                task("l", AV, [], ["rock1"], types=[("dump_truck", 2)]))


# -- finding 3: "X stays ..., and everyone else ..." is everyone but X -------------------------------------------------

_WORK = "Excavator 1 digs at rock 2. Truck 2 goes to soil 1 and dumps. "


def _work_then_return(returning, deps=("g", "u")):
    return (task("m", T, [E1], ["rock2"]), task("g", DIG, [E1], [], deps=["m"]),
            task("n", T, [D2], ["soil1"]), task("u", DUMP, [D2], [], deps=["n"]),
            task("r", R, returning, [], deps=list(deps)))


@pytest.mark.parametrize("text", [
    _WORK + "When it has dumped, truck 2 should stay at soil 1, and everyone else goes back to the start.",
    _WORK + "When it has dumped, truck 2 stays at soil 1 and everybody else returns to base.",
    _WORK + "After truck 2 has dumped, it waits at soil 1 and the rest of the fleet heads home.",
])
def test_everyone_else_after_a_robot_that_stays_is_all_but_that_robot(fleet, world, text):
    assert_plan(text, fleet, world, *_work_then_return([E1, E2, E3, D1, D3]))


def test_everyone_else_with_no_robot_staying_is_the_robots_not_named(fleet, world):
    assert_plan(_WORK + "When it has dumped, everyone else goes back to the start.", fleet, world,
                *_work_then_return([E2, E3, D1, D3], deps=["u"]))


# -- finding 4: "take photos" is no haul ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1, while dump truck 1 drives to rock 2 to take photos.",
    "Excavator 1 digs at soil 1. Truck 1 goes to rock 2 and takes some pictures.",
    "Excavator 1 digs at soil 1. Truck 1 goes to rock 2 to take measurements.",
])
def test_taking_photos_at_a_place_is_no_haul(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("n", T, [D1], ["rock2"]))


# -- finding 5: "the truck at soil 2 does the same" is the truck there -------------------------------------------------

_ONE, _TRUCK = [("dump_truck", 1)], "A truck goes to rock 2 and another truck goes to soil 2. "


@pytest.mark.parametrize("text", [
    _TRUCK + "The truck at rock 2 then returns to base and dumps there, and the truck at soil 2 does the same.",
    _TRUCK + "The truck at rock 2 then returns to base and dumps there, and the truck at soil 2 does likewise.",
])
def test_the_truck_at_a_place_does_the_same_where_it_stands(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [], ["rock2"], types=_ONE), task("b", T, [], ["soil2"], types=_ONE),
                task("ra", R, [], [], deps=["a"], types=_ONE), task("da", DUMP, [], [], deps=["ra"], types=_ONE),
                task("rb", R, [], [], deps=["b"], types=_ONE), task("db", DUMP, [], [], deps=["rb"], types=_ONE))


# -- finding 6: "once all three trucks are done" after three unnamed trucks waits for them ----------------------------

_THREE = "A truck goes to rock 2. Another truck goes to soil 2. The remaining truck checks puddle 1. "


@pytest.mark.parametrize("text, robots", [
    (_THREE + "Once all three trucks are done, excavators 2 and 3 return to start.", [E2, E3]),
    (_THREE + "When all the trucks have finished, excavator 2 returns to start.", [E2]),
])
def test_all_the_trucks_in_an_anchor_are_the_trucks_at_work(fleet, world, text, robots):
    assert_plan(text, fleet, world,
                task("a", T, [], ["rock2"], types=_ONE), task("b", T, [], ["soil2"], types=_ONE),
                task("c", T, [], ["puddle1"], types=_ONE), task("r", R, robots, [], deps=["a", "b", "c"]))


def test_every_truck_after_a_pair_and_the_remaining_one(fleet, world):
    assert_plan("Two trucks go to rock 2. The remaining truck checks puddle 1. When every truck has finished, "
                "excavator 2 returns to start.", fleet, world,
                task("a", T, [], ["rock2"], types=[("dump_truck", 2)]), task("c", T, [], ["puddle1"], types=_ONE),
                task("r", R, [E2], [], deps=["a", "c"]))


# -- finding 7: a fleet-wide keep-out said again after ", so" is one keep-out -----------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1. Once it has had a look, nobody should go near the puddles any more, so please set up "
    "one keep-out around both puddles for all robots. After that keep-out is in place, excavator 2 digs at soil 1.",
    "Truck 1 checks puddle 1. When it is done, no robot may go near puddle 1 or puddle 2, so put a keep-out around "
    "both puddles for everyone. Then excavator 2 digs at soil 1.",
])
def test_a_fleet_keep_out_said_again_is_one_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, task("c", T, [D1], ["puddle1"]),
                task("k", AVA, [], ["puddle1", "puddle2"], deps=["c"]),
                task("m", T, [E2], ["soil1"], deps=["k"]), task("g", DIG, [E2], [], deps=["m"]))
