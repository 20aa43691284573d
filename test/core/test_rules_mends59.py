"""Mends of helper M59: misreadings of the formal work orders of batch 22 (passive voice, "is to", "upon completion
of", "provided that").

1. "Excavator no. 1 is already positioned at soil 2 and is to commence digging there" sent excavator 1 to soil 2
   (and merged that move with the truck's): "positioned at" (like "stationed at") is a robot already there
   (lexicon ``already``), so no move is added (L2_209).
2. "Obstacle 1 has been cleared overnight; the keep-out around it is to be lifted for all robots" was refused ("'it'
   does not refer to any robot"): in a passive order the keep-out verb comes after "it", and only a verb before it
   made "around it" a place. A keep-out noun right before the place word ("the keep-out / restriction / no-go zone
   around it") now does so with the keep-out verb anywhere in its clause (L3_603).
3. "Excavator 2 digs at soil 1. All other robots are to keep away from soil 2 immediately. Upon completion of the
   excavation, the keep-out is to be lifted for trucks 1 and 2" made the lifting wait for the keep-out too: a keep-out
   said "immediately / right away / at once" (lexicon ``immediate``) and tied to nothing holds from the start like
   one said "from the start" (convention 26), so its lifting waits only for what it names (L3_599).
4. "All other robots are to keep away from soil 2; this keep-out is to be put in place immediately" added a second,
   fleet-wide keep-out of soil 2: a clause of a definite keep-out noun, a passive verb of putting up
   (``keepout_passive_verbs``) and plain words right after a keep-out clause says when that keep-out goes up; its
   time words now join it (L3_599).
5. "The second and third dump trucks are to keep clear of both puddles from the start of the round. Once every
   inspection has been completed, all robots are to assemble at obstacle 2": the fleet's move did not wait for the
   trucks' keep-out, their only step before it (convention 27; it did after "then", by the clause order only). A
   keep-out that holds from the start and is still its robots' last step now gates a fleet-wide move (L3_597); one
   said mid-job without "from the start" still does not (test_rules_round7).
6. "Excavator 3 digs at soil 1. ... the other two excavators are to break up rock 2; dump truck 3 is to be sent to
   rock 2 only upon completion of the breaking" sent the truck after both diggings: a digging named with no robot
   and no place after a clause that sends its robots somewhere is the digging there, as it already was where the
   clause's robots stand (L3_598).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, D1, D2, D3, DIG, E1, E2, E3, RA, TA, T, assert_plan, task

# -- finding 1: "is (already) positioned at <place>" is a robot already there -------------------------------------


@pytest.mark.parametrize("text, exc, truck", [
    ("Excavator 2 is already positioned at rock 1 and is to dig there. Truck 1 is to be driven to rock 1.", E2, D1),
    ("Excavator 3, which is positioned at rock 1, digs there while dump truck 2 goes to rock 1.", E3, D2),
    ("Excavator 1 has been positioned at rock 1; it is to break up the rock. Truck 3 heads to rock 1.", E1, D3),
])
def test_a_robot_positioned_at_a_place_is_already_there(fleet, world, text, exc, truck):
    assert_plan(text, fleet, world, task("d", DIG, [exc]), task("m", T, [truck], ["rock1"]))


# -- finding 2: "the keep-out around it is to be lifted": "it" is the place named before --------------------------


def test_a_passive_lifting_of_the_keep_out_around_it_opens_the_place_named_before(fleet, world):
    assert_plan("Puddle 2 has dried out. The restriction on it is to be removed for truck 1, after which truck 1 is "
                "to drive to puddle 2.", fleet, world,
                task("a", AL, [D1], ["puddle2"]), task("m", T, [D1], ["puddle2"], deps=["a"]))
    assert_plan("Soil 1 is no longer flooded; the no-go zone around it is therefore to be lifted for everyone. "
                "Truck 2 then drives to soil 1.", fleet, world,
                task("a", ALA, [], ["soil1"]), task("m", T, [D2], ["soil1"], deps=["a"]))
    assert_plan("Obstacle 2 has been cleared; the keep-out around it is to be lifted for all robots before any work "
                "begins. Subsequently, excavator 1 is to proceed to obstacle 2.", fleet, world,
                task("a", ALA, [], ["obstacle2"]), task("m", T, [E1], ["obstacle2"], deps=["a"]))


# -- finding 3: a keep-out put up "immediately" holds from the start: its lifting does not wait for it -------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1. All other robots are to keep away from soil 2 immediately. Upon completion of the "
    "excavation, the keep-out is to be lifted for dump trucks 1 and 2 only.",
    "Excavator 2 is to dig at soil 1, and the other robots are to stay clear of soil 2 right away. Once the digging "
    "has been completed, lift the keep-out for trucks 1 and 2.",
    "Excavator 2 digs at soil 1. The remaining robots must avoid soil 2 at once. After the digging, the keep-out on "
    "soil 2 is lifted for truck 1 and truck 2.",
])
def test_a_keep_out_put_up_immediately_adds_no_edge_to_its_lifting(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("k", AV, [E1, E3, D1, D2, D3], ["soil2"]), task("a", AL, [D1, D2], ["soil2"], deps=["d"]))


# -- finding 4: "this keep-out is to be put in place immediately" restates the keep-out before it -----------------


@pytest.mark.parametrize("text, deps", [
    ("Excavator 1 is to inspect obstacle 2. Truck 3 must avoid puddle 1; the keep-out is to be set up right away. "
     "Then truck 3 drives to soil 2.", ["k"]),
    ("Excavator 1 is to inspect obstacle 2. Truck 3 is to keep clear of puddle 1. This restriction is to be enforced "
     "at once. Truck 3 is subsequently to proceed to soil 2.", ["k"]),
    ("Excavator 1 is to inspect obstacle 2. Truck 3 is to stay away from puddle 1; that keep-out is to be "
     "established without delay. After that, truck 3 is to drive to soil 2.", ["k"]),
])
def test_a_keep_out_restated_as_put_in_place_is_no_second_keep_out(fleet, world, text, deps):
    assert_plan(text, fleet, world, task("i", T, [E1], ["obstacle2"]), task("k", AV, [D3], ["puddle1"]),
                task("m", T, [D3], ["soil2"], deps=deps))


def test_the_restated_keep_out_was_put_up_at_once_so_its_lifting_waits_only_for_what_it_names(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. All other robots are to keep away from soil 2; this keep-out is to be "
                "put in place immediately. Upon completion of the excavation, the keep-out is to be lifted for dump "
                "trucks 1 and 2 only.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("k", AV, [E1, E3, D1, D2, D3], ["soil2"]), task("a", AL, [D1, D2], ["soil2"], deps=["d"]))


# -- finding 5: a fleet-wide move after a join waits for a start keep-out that is its robots' only step --------------


def test_a_fleet_move_after_a_join_waits_for_a_start_keep_out_of_some_robots(fleet, world):
    assert_plan("Excavator 1 is to inspect obstacle 1. Trucks 2 and 3 are to keep away from soil 1 from the start. "
                "Once the inspection has been completed, all robots are to assemble at rock 2.", fleet, world,
                task("i", T, [E1], ["obstacle1"]), task("k", AV, [D2, D3], ["soil1"]),
                task("g", TA, [], ["rock2"], deps=["i", "k"]))
    assert_plan("Truck 1 goes to soil 2. Excavators 2 and 3 must avoid rock 1 for the whole job. When truck 1 has "
                "arrived, the entire fleet returns to base.", fleet, world,
                task("m", T, [D1], ["soil2"]), task("k", AV, [E2, E3], ["rock1"]), task("r", RA, deps=["m", "k"]))
    assert_plan("Excavator 3 inspects puddle 1. Truck 2 is to stay clear of obstacle 2 throughout. Upon completion "
                "of the inspection, every robot is to proceed to soil 1.", fleet, world,
                task("i", T, [E3], ["puddle1"]), task("k", AV, [D2], ["obstacle2"]),
                task("g", TA, [], ["soil1"], deps=["i", "k"]))


# -- finding 6: "<truck> is sent to <place> upon completion of the digging": the digging at that place -------------


@pytest.mark.parametrize("text, dug_here, there, other", [
    ("Excavator 3 digs at soil 1. Excavators 1 and 2 are to proceed to rock 2 and break it up; dump truck 3 is to "
     "be sent to rock 2 only upon completion of the breaking.", [E1, E2], "rock2", ([E3], "soil1")),
    ("Excavator 1 is to dig at soil 2 and excavator 2 at rock 1. Truck 3 is to drive to soil 2 once the digging "
     "has been completed.", [E1], "soil2", ([E2], "rock1")),
    ("Excavator 2 excavates rock 1 while excavator 3 digs at soil 1. Truck 3 heads to soil 1 after the digging is "
     "done.", [E3], "soil1", ([E2], "rock1")),
])
def test_a_move_after_the_digging_waits_for_the_digging_where_it_goes(fleet, world, text, dug_here, there, other):
    assert_plan(text, fleet, world,
                task("m1", T, dug_here, [there]), task("d1", DIG, dug_here, deps=["m1"]),
                task("m2", T, other[0], [other[1]]), task("d2", DIG, other[0], deps=["m2"]),
                task("t", T, [D3], [there], deps=["d1"]))
