"""Round 15 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AL,
    ALA,
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
    TA,
    R,
    T,
    assert_plan,
    task,
)

from dart_planner.llm.rules import rules_plan

# -- "After that, <keep-out change>": a keep-out is no robot step, so "after that" is the step just said -------


def test_after_that_lifting_follows_the_step_just_said(fleet, world):
    assert_plan("For the time being, trucks 2 and 3 keep away from rock 1. Excavator 3 goes to soil 2 and digs. "
                "Truck 1 drives to obstacle 2 and then to puddle 2. After that, rock 1 is opened again for "
                "trucks 2 and 3.", fleet, world,
                task("a", AV, [D2, D3], ["rock1"]), task("b", T, [E3], ["soil2"]), task("c", DIG, [E3], deps=["b"]),
                task("d", T, [D1], ["obstacle2"]), task("e", T, [D1], ["puddle2"], deps=["d"]),
                task("f", AL, [D2, D3], ["rock1"], deps=["e"]))


def test_after_that_fleet_keepout_follows_the_step_just_said(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Truck 3 checks puddle 1. After that, all robots keep away from "
                "puddle 1.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D3], ["puddle1"]), task("d", AVA, [], ["puddle1"], deps=["c"]))


# -- "all three trucks" after every truck was named by number over several mentions (rule 20) --------------------


def test_all_of_a_type_named_over_several_mentions_are_those_robots(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Truck 1 then goes to rock 1. Trucks 2 and 3 inspect obstacle 1. "
                "Finally, all three trucks go back to base.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["rock1"], deps=["b"]), task("d", T, [D2, D3], ["obstacle1"]),
                task("e", R, [D1, D2, D3], deps=["c", "d"]))


def test_all_of_a_type_with_one_never_named_stays_a_group(fleet, world):
    assert_plan("Truck 1 goes to rock 1. Truck 2 inspects obstacle 1. Finally, all three trucks go back to base.",
                fleet, world,
                task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["obstacle1"]),
                task("c", R, types=[("dump_truck", 3)], deps=["a", "b"]))


# -- "both inspections": "both" before an event noun counts the events, not the two robots spoken of last ------


def test_both_events_are_the_two_robots_whose_last_steps_were_such_events(fleet, world):
    assert_plan("Excavators 1 and 3 go to soil 2 and dig. Meanwhile, truck 1 checks puddle 1 and truck 2 checks "
                "rock 2. After the digging, excavators 1 and 3 return to base. Once both inspections are over, "
                "truck 3 goes to obstacle 1.", fleet, world,
                task("a", T, [E1, E3], ["soil2"]), task("b", DIG, [E1, E3], deps=["a"]),
                task("c", T, [D1], ["puddle1"]), task("d", T, [D2], ["rock2"]),
                task("e", R, [E1, E3], deps=["b"]), task("f", T, [D3], ["obstacle1"], deps=["c", "d"]))


def test_both_events_of_a_group_that_went_home(fleet, world):
    assert_plan("Two excavators go to rock 1 and dig. Meanwhile, truck 2 inspects obstacle 1 and truck 3 inspects "
                "obstacle 2. After the digging, the excavators return to start. When both inspections are done, "
                "rock 1 is opened for trucks 2 and 3.", fleet, world,
                task("a", T, types=[("excavator", 2)], objs=["rock1"]),
                task("b", DIG, types=[("excavator", 2)], deps=["a"]),
                task("c", T, [D2], ["obstacle1"]), task("d", T, [D3], ["obstacle2"]),
                task("e", R, types=[("excavator", 2)], deps=["b"]),
                task("f", AL, [D2, D3], ["rock1"], deps=["c", "d"]))


# -- "after the meeting / briefing": the fleet-wide get-together, not the latest move -----------------------------


def test_after_the_meeting_is_the_fleet_gathering(fleet, world):
    assert_plan("Everyone meets at soil 2 first. Then excavators 2 and 3 go to rock 1 and dig, and truck 1 goes "
                "to rock 1 too. The two excavators load truck 1, which then takes the rock to puddle 2 and tips "
                "it. The rest of the fleet goes home after the meeting.", fleet, world,
                task("a", TA, [], ["soil2"]), task("b", T, [E2, E3, D1], ["rock1"], deps=["a"]),
                task("c", DIG, [E2, E3], deps=["b"]), task("d", LOAD, [E2, E3], deps=["c"]),
                task("e", T, [D1], ["puddle2"], deps=["d"]), task("f", DUMP, [D1], deps=["e"]),
                task("g", R, [E1, D2, D3], deps=["a"]))


# -- a leading condition with no comma ends where "the keep-out ..." starts the main clause ---------------------


def test_condition_without_comma_before_the_keepout_noun(fleet, world):
    assert_plan("Truck 3 goes to rock 1 and then returns to base. Once it is home the keep-out around rock 1 is "
                "lifted for all robots.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", R, [D3], deps=["a"]),
                task("c", ALA, [], ["rock1"], deps=["b"]))


def test_condition_without_comma_lifts_for_those_it_names(fleet, world):
    assert_plan("Truck 3 drives to rock 1. As soon as it gets there, the other robots must keep away from rock 1. "
                "Truck 3 goes back to base after that, and once it is home the keep-out around rock 1 is lifted "
                "for the other robots.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", AV, [E1, E2, E3, D1, D2], ["rock1"], deps=["a"]),
                task("c", R, [D3], deps=["a"]), task("d", AL, [E1, E2, E3, D1, D2], ["rock1"], deps=["b", "c"]))


# -- "..., since excavator 1 will be digging there": a reason that restates work ordered in its own clause -----


def test_reason_restating_ordered_work_is_no_second_order(fleet, world):
    assert_plan("Truck 3 has to keep away from rock 2, since excavator 1 will be digging there. Excavator 1 "
                "drives to rock 2 and digs.", fleet, world,
                task("a", AV, [D3], ["rock2"]), task("b", T, [E1], ["rock2"]), task("c", DIG, [E1], deps=["b"]))


def test_reason_with_work_ordered_nowhere_else_stays_an_order(fleet, world):
    assert_plan("Truck 3 has to keep away from rock 2, since excavator 1 will be digging there.", fleet, world,
                task("a", AV, [D3], ["rock2"]), task("b", T, [E1], ["rock2"]), task("c", DIG, [E1], deps=["b"]))


# -- what is still not understood is refused with its words named, never dropped --------------------------------


def test_work_no_named_robot_can_do_is_refused_by_name(fleet, world):
    text = "Truck 2 checks puddle 1 and then digs at soil 1."
    got = rules_plan(text, fleet, world)
    assert any("dig" in e and "robot_dump_truck_02" in e for e in got.errors), got.errors
