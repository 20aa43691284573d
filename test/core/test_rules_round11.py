"""Round 11 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    D1,
    D2,
    D3,
    DIG,
    DUMP,
    E1,
    E2,
    E3,
    LOAD,
    R,
    T,
    assert_plan,
    task,
)

# -- "bring / take <robot> to X" with no subject moves that robot, as "send" does ---------------------------


def test_bring_a_named_truck_after_an_anchor_moves_the_truck_when_the_anchor_is_done(fleet, world):
    # read as a carrying, the truck was cargo: the anchor's wait went to a loading, not to the truck's trip
    assert_plan("Excavator 2 heads to rock 1 and breaks it up. Truck 3 waits at puddle 2. As soon as the "
                "digging has ended, bring truck 3 to rock 1.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D3], ["puddle2"]), task("d", T, [D3], ["rock1"], deps=["b", "c"]))


def test_take_the_truck_home_after_a_comma_is_its_return(fleet, world):
    assert_plan("Dump truck 1 checks obstacle 2 and excavator 1 checks soil 2. When both checks are over, "
                "take dump truck 1 back home.", fleet, world,
                task("a", T, [D1], ["obstacle2"]), task("b", T, [E1], ["soil2"]),
                task("c", R, [D1], deps=["a", "b"]))


def test_a_truck_bringing_a_load_still_carries_it(fleet, world):
    # with its own subject the verb still carries: the truck is loaded, drives and tips (both start at once for
    # soil 1: one task, convention 17)
    assert_plan("Excavator 1 digs at soil 1 while truck 2 drives to soil 1. Excavator 1 then loads truck 2, "
                "and truck 2 brings the dirt to rock 2.", fleet, world,
                task("a", T, [E1, D2], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("d", LOAD, [E1], deps=["b"]),
                task("e", T, [D2], ["rock2"], deps=["d"]), task("f", DUMP, [D2], deps=["e"]))


# -- "so that <robot> can <work>" is a step, not only a reason -------------------------------------------------


def test_a_purpose_naming_a_robots_loading_is_a_loading(fleet, world):
    assert_plan("Excavator 2 digs at rock 2. Afterwards truck 1 drives to rock 2 so that excavator 2 is able to "
                "fill it.", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["rock2"], deps=["b"]), task("d", LOAD, [E2], deps=["c"]))


def test_a_purpose_of_people_or_of_waiting_stays_a_reason(fleet, world):
    assert_plan("Truck 3 goes to puddle 1 so that the surveyors can dig a test hole. Excavator 1 heads to soil 2 "
                "so that it is ready there.", fleet, world,
                task("a", T, [D3], ["puddle1"]), task("b", T, [E1], ["soil2"]))


# -- "once <robot> <deed> and <robot> <deed>": each conjunct is read for its own robot -----------------------


def test_an_anchor_of_a_dump_and_a_return_waits_for_both(fleet, world):
    # read as one, both robots shared "tipped": the excavator has no tipping, so its return was dropped
    assert_plan("Truck 2 drives to puddle 2 and tips. Excavator 1 returns to base. As soon as truck 2 has tipped "
                "and excavator 1 is back, truck 3 checks rock 2.", fleet, world,
                task("a", T, [D2], ["puddle2"]), task("b", DUMP, [D2], deps=["a"]),
                task("c", R, [E1]), task("d", T, [D3], ["rock2"], deps=["b", "c"]))


def test_an_anchor_of_two_robots_sharing_a_verb_is_not_cut(fleet, world):
    assert_plan("Excavator 2 inspects soil 1 and truck 1 inspects soil 2. After excavator 2 and truck 1 have "
                "inspected them, truck 2 goes home.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("b", T, [D1], ["soil2"]),
                task("c", R, [D2], deps=["a", "b"]))


# -- "<robots at different places> <verb> as soon as they arrive": each after its own arrival ----------------


def test_two_excavators_sent_apart_dig_each_after_its_own_arrival(fleet, world):
    # read as one step, a single digging for both waited for both trips
    assert_plan("Excavator 2 heads to rock 1 and excavator 1 heads to rock 2; the two of them break the rock up "
                "as soon as they get there.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", T, [E1], ["rock2"]),
                task("c", DIG, [E2], deps=["a"]), task("d", DIG, [E1], deps=["b"]))


def test_trucks_at_one_place_leave_together_once_they_are_loaded(fleet, world):
    # same place, same state: one trip (rule 6), not one per truck
    assert_plan("Trucks 1 and 2 drive to soil 1. Excavator 3 digs at soil 1 and loads them. They go to rock 2 "
                "once they are loaded.", fleet, world,
                task("a", T, [D1, D2, E3], ["soil1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", LOAD, [E3], deps=["b"]), task("d", T, [D1, D2], ["rock2"], deps=["c"]))
