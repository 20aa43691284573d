"""Round 12 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AL,
    AV,
    AVA,
    D1,
    D2,
    D3,
    DIG,
    DUMP,
    E1,
    E2,
    E3,
    LOAD,
    T,
    assert_plan,
    task,
)

# -- "already parked next to / beside / near X" is a robot standing at X, as "already parked at X" ----------


def test_a_robot_already_parked_beside_a_place_digs_there_without_a_move(fleet, world):
    assert_plan("Excavator 2 is already parked beside soil 1, so it digs right there while truck 3 drives to "
                "soil 1. Once excavator 2 has dug, it loads truck 3.", fleet, world,
                task("a", DIG, [E2]), task("b", T, [D3], ["soil1"]),
                task("c", LOAD, [E2], deps=["a", "b"]))


def test_a_robot_sitting_close_to_a_place_needs_no_trip_there(fleet, world):
    assert_plan("Excavator 3 has been sitting close to rock 2 all night. It breaks up the rock where it is.",
                fleet, world, task("a", DIG, [E3]))


# -- "truck 1 is standing next to it": beside a robot whose place was just said is at that place ----------


def test_a_truck_standing_next_to_a_parked_excavator_is_at_its_place(fleet, world):
    # without the place, the "it" state had none: the truck's later trip was taken for its way to the loading
    assert_plan("Excavator 3 is parked at soil 2, and dump truck 1 is standing right beside it. Excavator 3 digs "
                "where it stands and loads dump truck 1. After that dump truck 1 tips the load at puddle 2.",
                fleet, world, task("a", DIG, [E3]), task("b", LOAD, [E3], deps=["a"]),
                task("c", T, [D1], ["puddle2"], deps=["b"]), task("d", DUMP, [D1], deps=["c"]))


def test_a_truck_parked_beside_a_named_excavator_is_at_that_excavators_place(fleet, world):
    assert_plan("Excavator 2 is already at rock 1. Dump truck 3 is parked next to excavator 2. Excavator 2 breaks "
                "up the rock in place and loads dump truck 3. Dump truck 3 then empties it at obstacle 1.",
                fleet, world,
                task("a", DIG, [E2]), task("b", LOAD, [E2], deps=["a"]),
                task("c", T, [D3], ["obstacle1"], deps=["b"]), task("d", DUMP, [D3], deps=["c"]))


# -- "<unknown word> is/are ... at <place>" is a remark about a thing, not an order to go there --------------


def test_an_event_planned_at_a_place_sends_no_robot_there(fleet, world):
    assert_plan("Excavator 1 heads to soil 2 and digs. Surveying is scheduled at puddle 1, so every robot keeps "
                "away from puddle 1 after the digging.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", AVA, objs=["puddle1"], deps=["b"]))


def test_people_working_near_a_place_is_a_remark_before_the_order(fleet, world):
    assert_plan("Truck 1 is at base. Inspectors are working at obstacle 2, so truck 1 drives to rock 1 "
                "instead.", fleet, world, task("a", T, [D1], ["rock1"]))


# -- "lifted for the same robots": the robots the keep-out on that place was put up for ----------------------


def test_a_keepout_lifted_for_the_same_robots_is_lifted_for_those_it_was_put_up_for(fleet, world):
    # read as "do the same", the clause copied another robot's steps and lifted nothing
    assert_plan("First trucks 1 and 3 stay clear of rock 2. Then excavator 2 goes to rock 2 and breaks it up. "
                "After the rock is broken, the no-go zone on rock 2 is removed for the same robots.", fleet, world,
                task("a", AV, [D1, D3], ["rock2"]), task("b", T, [E2], ["rock2"], deps=["a"]),
                task("c", DIG, [E2], deps=["b"]), task("d", AL, [D1, D3], ["rock2"], deps=["c"]))


def test_a_keepout_lifted_for_the_same_ones_after_a_digging_is_lifted_for_everyone_else(fleet, world):
    assert_plan("To begin, every robot except excavator 1 keeps out of soil 2. Excavator 1 then digs at soil 2. "
                "When excavator 1 has dug, the keep-out on soil 2 is lifted for the same ones.", fleet, world,
                task("a", AV, [E2, E3, D1, D2, D3], ["soil2"]), task("b", T, [E1], ["soil2"], deps=["a"]),
                task("c", DIG, [E1], deps=["b"]), task("d", AL, [E2, E3, D1, D2, D3], ["soil2"], deps=["c"]))


# -- "once ... and the keep-out is in place": the keep-out put up last, named by its noun --------------------


def test_an_anchor_naming_the_keepout_by_its_noun_waits_for_the_keepout(fleet, world):
    # the other conjunct's place (soil 1) filtered the keep-out away, and the wait on it was lost
    assert_plan("Excavator 3 drives to soil 1 and digs. Meanwhile dump truck 2 inspects obstacle 1, after which all "
                "robots keep away from obstacle 1. When the soil is dug and the keep-out is up, dump truck 2 goes "
                "to soil 1.", fleet, world,
                task("a", T, [E3], ["soil1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, [D2], ["obstacle1"]), task("d", AVA, objs=["obstacle1"], deps=["c"]),
                task("e", T, [D2], ["soil1"], deps=["b", "d"]))
