"""Mends of helper Z (mends 36): silent misreadings found on main by other helpers (each gave a plan, no error, and the
plan was wrong).

1. A robot taken out of a group did not wait for the group's step: "Two trucks go to soil 1. One of them is loaded by
   excavator 1 there. The other one goes home." (neither the loading nor the return waited for the trucks' move, and
   "the other one" was a third truck); "Every truck goes to obstacle 1. Truck 2 goes to puddle 1." (rule 8: the fleet
   of trucks' move is truck 2's step too); "Three trucks go to soil 1. The first truck dumps at puddle 1.". Now a
   group taken out of robots said before ("one of them", "the other one", "the others") and a robot of a type every
   robot of which moved as one group continue that group's chain, and stand where it stands.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a robot taken out of a group continues the group's chain ---------------------------------------------

TWO = [("dump_truck", 2)]
ONE = [("dump_truck", 1)]


def test_one_of_a_group_is_loaded_after_the_group_arrived_and_the_other_one_goes_home_after_it(fleet, world):
    assert_plan("Two trucks go to soil 1. One of them is loaded by excavator 1 there. The other one goes home.",
                fleet, world,
                task("m", T, [], ["soil1"], types=TWO), task("l", LOAD, [E1], [], deps=["m"]),
                task("r", R, [], [], deps=["m"], types=ONE))


@pytest.mark.parametrize("other", ["The other one", "The other truck"])
def test_the_other_one_of_a_pair_is_the_rest_of_the_pair(fleet, world, other):
    assert_plan(f"Two trucks go to soil 1. One of them goes to puddle 1. {other} goes home.", fleet, world,
                task("m", T, [], ["soil1"], types=TWO), task("p", T, [], ["puddle1"], deps=["m"], types=ONE),
                task("r", R, [], [], deps=["m"], types=ONE))


def test_one_of_a_group_dumps_where_the_group_is(fleet, world):
    assert_plan("Two trucks go to soil 1. One of them dumps there. The other one goes home.", fleet, world,
                task("m", T, [], ["soil1"], types=TWO), task("d", DUMP, [], [], deps=["m"], types=ONE),
                task("r", R, [], [], deps=["m"], types=ONE))


@pytest.mark.parametrize("text", [
    "Every truck goes to obstacle 1. Truck 2 goes to puddle 1.",
    "All trucks go to obstacle 1. Truck 2 goes to puddle 1.",
    "Every truck goes to obstacle 1. Then truck 2 goes to puddle 1.",
])
def test_a_named_robot_moves_after_the_whole_of_its_type_moved(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [], ["obstacle1"], types=[("dump_truck", 3)]),
                task("p", T, [D2], ["puddle1"], deps=["m"]))


def test_the_first_of_three_trucks_dumps_after_the_three_arrived(fleet, world):
    assert_plan("Three trucks go to soil 1. The first truck dumps at puddle 1.", fleet, world,
                task("m", T, [], ["soil1"], types=[("dump_truck", 3)]),
                task("p", T, [D1], ["puddle1"], deps=["m"]), task("d", DUMP, [D1], [], deps=["p"]))


def test_a_named_robot_works_where_the_whole_of_its_type_went(fleet, world):
    assert_plan("All excavators go to soil 1. Excavator 2 digs there.", fleet, world,
                task("m", T, [], ["soil1"], types=[("excavator", 3)]), task("d", DIG, [E2], [], deps=["m"]))
    assert_plan("Every truck goes to obstacle 1. Truck 3 dumps there.", fleet, world,
                task("m", T, [], ["obstacle1"], types=[("dump_truck", 3)]), task("d", DUMP, [D3], [], deps=["m"]))


def test_a_robot_that_may_be_outside_the_group_does_not_wait_for_it(fleet, world):
    assert_plan("Two trucks go to soil 1. Truck 1 goes to puddle 1.", fleet, world,
                task("m", T, [], ["soil1"], types=TWO), task("p", T, [D1], ["puddle1"]))


# -- finding 3: a number before an event noun counts the events -----------------------------------------------------

INSPECT_AND_DIG = ("Excavators 1 and 2 inspect obstacle 1 and obstacle 2 respectively, while excavator 3 drives to "
                   "soil 2 and digs. ")


@pytest.mark.parametrize("anchor", ["Once the two inspections are done", "Once both inspections are done"])
def test_the_two_inspections_are_the_two_latest_checks_not_the_two_robots_named_last(fleet, world, anchor):
    assert_plan(INSPECT_AND_DIG + anchor + ", all robots keep away from both obstacles.", fleet, world,
                task("i1", T, [E1], ["obstacle1"]), task("i2", T, [E2], ["obstacle2"]),
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("k", AVA, [], ["obstacle1", "obstacle2"], deps=["i1", "i2"]))


def test_the_two_inspections_skip_a_robot_that_did_other_work(fleet, world):
    assert_plan("Truck 1 goes to puddle 1 for inspection and truck 2 goes to rock 2 for inspection. Excavator 1 goes "
                "to soil 1. Once the two inspections are done, everyone avoids puddle 1.", fleet, world,
                task("i1", T, [D1], ["puddle1"]), task("i2", T, [D2], ["rock2"]), task("m", T, [E1], ["soil1"]),
                task("k", AVA, [], ["puddle1"], deps=["i1", "i2"]))


def test_all_three_inspections_stay_the_three(fleet, world):
    assert_plan("Dump truck 1 goes to puddle 1, dump truck 2 goes to puddle 2 and dump truck 3 goes to obstacle 2, "
                "each for inspection. When all three inspections are complete, all robots avoid both puddles.",
                fleet, world, task("i1", T, [D1], ["puddle1"]), task("i2", T, [D2], ["puddle2"]),
                task("i3", T, [D3], ["obstacle2"]), task("k", AVA, [], ["puddle1", "puddle2"], deps=["i1", "i2", "i3"]))


def test_two_inspections_out_of_three_are_refused_naming_the_words(fleet, world):
    errors = rules_plan("Truck 1 checks puddle 1, truck 2 checks rock 2 and truck 3 checks rock 1. After the two "
                        "inspections, excavator 3 goes to puddle 2.", fleet, world).errors
    assert errors and "the two inspections" in errors[0], errors


# -- finding 4: "both keep-outs" are the two keep-outs, not robots --------------------------------------------------

@pytest.mark.parametrize("count", ["both", "the two"])
@pytest.mark.parametrize("noun", ["keep-outs", "keep-out zones"])
def test_counted_keep_outs_in_an_anchor_are_the_latest_keep_outs(fleet, world, count, noun):
    assert_plan(f"Excavator 1 digs at soil 1. Everyone avoids puddle 1 and truck 2 keeps away from puddle 2. When the "
                f"digging is done and {count} {noun} are in place, truck 1 goes to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("a", AVA, [], ["puddle1"]), task("b", AV, [D2], ["puddle2"]),
                task("t", T, [D1], ["soil1"], deps=["d", "a", "b"]))


def test_one_keep_out_named_by_its_noun_is_still_the_one(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Everyone avoids puddle 1. Once the keep-out is in place, truck 1 goes to "
                "soil 1.", fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("a", AVA, [], ["puddle1"]), task("t", T, [D1], ["soil1"], deps=["a"]))


# -- finding 5: "the truck that did the job" is the truck that worked, not a move to the place named last ------------

JOB = "Excavator 2 and truck 1 go to rock 1; the excavator digs and loads the truck. "


@pytest.mark.parametrize("other", ["Excavator 3 goes to puddle 1.", "Truck 3 inspects puddle 1."])
def test_the_truck_that_did_the_job_is_the_one_that_worked(fleet, world, other):
    robot = E3 if other.startswith("Excavator") else D3
    assert_plan(JOB + other + " The truck that did the job goes back to base.", fleet, world,
                task("m", T, [E2, D1], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]), task("x", T, [robot], ["puddle1"]),
                task("r", R, [D1], [], deps=["l"]))


def test_the_excavator_and_the_truck_that_did_the_job_go_home(fleet, world):
    assert_plan(JOB + "Then the excavator and the truck that did the job go back to base.", fleet, world,
                task("m", T, [E2, D1], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]), task("r", R, [E2, D1], [], deps=["l"]))


def test_the_truck_that_did_the_job_among_two_loaded_trucks_is_refused_naming_the_words(fleet, world):
    errors = rules_plan("Excavator 2 and trucks 1 and 2 go to rock 1; the excavator digs and loads both trucks. Then "
                        "the truck that did the job goes back to base.", fleet, world).errors
    assert errors and "the truck that did the job" in errors[0], errors
