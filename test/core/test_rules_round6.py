"""Round 6 of the rules planner's generalisation: who does it. Robots referred to without their id
(by what they did, by a correction, by what they are not, as a group) resolved to the robots meant.
Wordings written for these tests only (none is from the benchmark, the paraphrase set or the
examples), each with the plan the benchmark conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AV,
    D1,
    D2,
    D3,
    DIG,
    E1,
    E2,
    E3,
    LOAD,
    R,
    T,
    assert_plan,
    task,
)

# -- asides that only confirm which robot is meant: "- not truck 3 -", "- I mean the truck, ... -" --


def test_negated_robot_aside_after_named_robots_is_not_the_subject(fleet, world):
    assert_plan("Excavators 2 and 3 - but never excavator 1 - drive to soil 2.", fleet, world,
                task("a", T, [E2, E3], ["soil2"]))
    assert_plan("Truck 3 (not truck 1) goes to puddle 2 and dumps.", fleet, world,
                task("a", T, [D3], ["puddle2"]), task("b", "DumpUnloading", [D3], deps=["a"]))


def test_correction_aside_keeps_the_robot_named_first(fleet, world):
    assert_plan("Excavator 3 moves to rock 2. Then truck 3 - I mean the dump truck, not excavator 3 - "
                "heads to rock 1.", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", T, [D3], ["rock1"], deps=["a"]))
    assert_plan("Truck 2, I mean dump truck 2, drives home.", fleet, world, task("a", R, [D2]))


def test_neither_of_them_may_enter_is_a_keep_out_for_both(fleet, world):
    assert_plan("Excavators 1 and 3 drive to soil 2. After that neither of them may enter puddle 1, "
                "and then both dig.", fleet, world,
                task("a", T, [E1, E3], ["soil2"]), task("b", AV, [E1, E3], ["puddle1"], deps=["a"]),
                task("c", DIG, [E1, E3], deps=["a"]))


# -- robots referred to by what they did: "the truck that checked X", "the loaded truck" ----------


def test_truck_described_by_its_earlier_inspection_is_that_truck(fleet, world):
    assert_plan("Truck 3 checks rock 2 while truck 1 checks rock 1. The truck which checked rock 2 then "
                "drives to soil 1.", fleet, world,
                task("a", T, [D3], ["rock2"]), task("b", T, [D1], ["rock1"]),
                task("c", T, [D3], ["soil1"], deps=["a"]))


def test_excavator_described_by_where_it_dug_is_that_excavator(fleet, world):
    assert_plan("Excavator 2 goes to soil 2 and digs, and excavator 1 goes to rock 2 and digs. Then the "
                "excavator that dug at soil 2 moves to puddle 1.", fleet, world,
                task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [E1], ["rock2"]), task("d", DIG, [E1], deps=["c"]),
                task("e", T, [E2], ["puddle1"], deps=["b", "d"]))


def test_the_loaded_truck_is_the_one_truck_said_to_be_loaded(fleet, world):
    assert_plan("Truck 3 drives to rock 1. Excavator 1 is already at rock 1; it digs and loads truck 3. "
                "Truck 2 drives to puddle 2. The full truck then tips at soil 2.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("c", DIG, [E1]), task("d", LOAD, [E1], deps=["a", "c"]),
                task("b", T, [D2], ["puddle2"]),
                task("e", T, [D3], ["soil2"], deps=["d"]), task("f", "DumpUnloading", [D3], deps=["e"]))
    assert_plan("Truck 1 goes to soil 2. Truck 1 gets loaded by excavator 3 there. Truck 2 goes to rock 1. "
                "The truck that got loaded then heads home.", fleet, world,
                task("a", T, [D1], ["soil2"]), task("c", LOAD, [E3], deps=["a"]),
                task("b", T, [D2], ["rock1"]), task("d", R, [D1], deps=["c"]))


def test_both_at_once_after_two_orders_adds_nothing(fleet, world):
    assert_plan("Excavator 1 drives to rock 1 and truck 1 drives to soil 2, both at once.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", T, [D1], ["soil2"]))


# -- counts written as digits keep their count: "2 trucks" is two trucks, not every truck ----------


def test_digit_counts_are_counts_not_the_whole_type(fleet, world):
    assert_plan("2 excavators drive to soil 1 and 1 truck drives to rock 2. Then the excavators dig.", fleet, world,
                task("a", T, types=[("excavator", 2)], objs=["soil1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["rock2"]),
                task("c", DIG, types=[("excavator", 2)], deps=["a", "b"]))


def test_digit_after_an_object_name_is_still_the_objects_number(fleet, world):
    assert_plan("Truck 2 goes to puddle 2 and 1 excavator goes to rock 1.", fleet, world,
                task("a", T, [D2], ["puddle2"]), task("b", T, types=[("excavator", 1)], objs=["rock1"]))
