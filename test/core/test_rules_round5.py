"""Round 5 of the rules planner's generalisation: wordings written for these tests only (none is
in the benchmark, the paraphrase set or the examples), each class of wording with the plan the
benchmark conventions (bench/data/README.md) prescribe."""

from __future__ import annotations

from rules_helpers import (
    AVA,
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

# -- numbered items timed by another item's number: "after step 1", "together with step 2" --------


def test_after_step_n_waits_for_that_item_not_the_one_before(fleet, world):
    assert_plan("1. Excavator 2 drives to rock 2 and digs. 2. Truck 1 drives to puddle 1. "
                "3. Excavator 2 returns to start after step 1.", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["puddle1"], deps=["b"]), task("d", R, [E2], deps=["b"]))


def test_all_of_step_one_complete_waits_for_every_task_of_it(fleet, world):
    assert_plan("Step 1: excavator 3 goes to soil 1 and digs; meanwhile truck 1 goes to puddle 2 and truck 2 "
                "goes to rock 1. Step 2: once all of step 1 is complete, trucks 1 and 2 drive to soil 1.",
                fleet, world,
                task("a", T, [E3], ["soil1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, [D1], ["puddle2"]), task("d", T, [D2], ["rock1"]),
                task("e", T, [D1, D2], ["soil1"], deps=["b", "c", "d"]))


def test_in_parallel_with_steps_range_starts_with_the_first_of_them(fleet, world):
    assert_plan("1. All robots avoid puddle 1 for the whole job. 2. Excavator 1 goes to soil 2 and digs. "
                "3. Truck 3 goes to soil 2 and excavator 1 loads it. 4. Truck 2 inspects rock 2 in parallel "
                "with steps 2 to 3.", fleet, world,
                task("a", AVA, [], ["puddle1"]), task("b", T, [E1], ["soil2"], deps=["a"]),
                task("c", DIG, [E1], deps=["b"]), task("d", T, [D3], ["soil2"], deps=["c"]),
                task("e", LOAD, [E1], deps=["d"]), task("f", T, [D2], ["rock2"], deps=["a"]))


def test_item_starting_together_with_an_earlier_item_shares_its_start(fleet, world):
    assert_plan("Step 1: excavator 1 goes to soil 1 and excavator 2 goes to soil 2; both dig on arrival. "
                "Step 2: truck 1 drives to rock 1. Step 3 (together with step 2): excavators 1 and 2 return "
                "to base.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E2], ["soil2"]),
                task("c", DIG, [E1], deps=["a"]), task("d", DIG, [E2], deps=["b"]),
                task("e", T, [D1], ["rock1"], deps=["c", "d"]), task("f", R, [E1, E2], deps=["c", "d"]))


# -- passive loading in a given order; "after its own loading" is the excavator's loading ---------


def test_passive_loading_with_an_order_loads_each_truck_in_turn(fleet, world):
    assert_plan("Excavator 3 drives to rock 1 and breaks it up. Afterwards trucks 1 and 2 come to rock 1 and get "
                "loaded by excavator 3, truck 2 first, then truck 1.", fleet, world,
                task("a", T, [E3], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, [D1, D2], ["rock1"], deps=["b"]),
                task("d", LOAD, [E3], deps=["c"]), task("e", LOAD, [E3], deps=["d"]))


def test_each_truck_leaves_right_after_its_own_loading(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs. Trucks 2 and 3 then drive to soil 2, and excavator 1 loads "
                "truck 3 first, then truck 2. Each truck heads to puddle 1 right after its own loading.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [D2, D3], ["soil2"], deps=["b"]),
                task("d", LOAD, [E1], deps=["c"]), task("e", LOAD, [E1], deps=["d"]),
                task("f", T, [D3], ["puddle1"], deps=["d"]), task("g", T, [D2], ["puddle1"], deps=["e"]))


# -- an order of three loadings: "first truck 2, then truck 3, then truck 1" ------------------------


def test_three_loadings_in_an_order_given_after_the_verb(fleet, world):
    assert_plan("Excavator 2 drives to soil 1 and digs. After that, trucks 1, 2 and 3 come to soil 1. Excavator 2 "
                "loads them: truck 2 first, then truck 3, then truck 1.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1, D2, D3], ["soil1"], deps=["b"]),
                task("d", LOAD, [E2], deps=["c"]), task("e", LOAD, [E2], deps=["d"]),
                task("f", LOAD, [E2], deps=["e"]))


def test_ordinal_first_before_the_truck_orders_the_loadings(fleet, world):
    assert_plan("Excavator 1 goes to rock 2 and digs. Trucks 2 and 3 then drive to rock 2. Excavator 1 loads the "
                "trucks, first truck 3, then truck 2. Each truck, once it is loaded, carries its load to puddle 1.",
                fleet, world,
                task("a", T, [E1], ["rock2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [D2, D3], ["rock2"], deps=["b"]),
                task("d", LOAD, [E1], deps=["c"]), task("e", LOAD, [E1], deps=["d"]),
                task("f", T, [D3], ["puddle1"], deps=["d"]), task("g", "DumpUnloading", [D3], deps=["f"]),
                task("h", T, [D2], ["puddle1"], deps=["e"]), task("i", "DumpUnloading", [D2], deps=["h"]))


# -- an exception that lists several robots leaves out every one of them --------------------------


def test_everyone_except_two_named_robots_leaves_out_both(fleet, world):
    assert_plan("All robots except truck 1 and excavator 3 go to obstacle 2.", fleet, world,
                task("a", T, [E1, E2, D2, D3], ["obstacle2"]))


def test_all_trucks_except_two_named_ones_is_the_remaining_truck(fleet, world):
    assert_plan("Every truck except truck 3 and truck 1 returns to start, then it tips there.", fleet, world,
                task("a", R, [D2]), task("b", "DumpUnloading", [D2], deps=["a"]))
