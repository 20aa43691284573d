"""Instructions written for these tests only (none is in the benchmark or the examples), in
varied wording, with the plan the benchmark conventions (bench/data/README.md) prescribe."""

from __future__ import annotations

from rules_helpers import (
    AL,
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
    R,
    T,
    assert_plan,
    task,
)


def test_polite_question_with_ordinal_object(fleet, world):
    assert_plan("Could dump truck #2 please swing by the second obstacle?", fleet, world,
                task("a", T, [D2], ["obstacle2"]))


def test_arrow_shorthand(fleet, world):
    assert_plan("excavator 3 -> rock 2, dig", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]))


def test_imperative_unload_at_a_place(fleet, world):
    assert_plan("Unload truck 1 at soil 2.", fleet, world,
                task("a", T, [D1], ["soil2"]), task("b", DUMP, [D1], deps=["a"]))


def test_no_longer_avoid_is_allow(fleet, world):
    assert_plan("Dump truck one should no longer avoid puddle 2.", fleet, world, task("a", AL, [D1], ["puddle2"]))


def test_synonyms_for_objects(fleet, world):
    assert_plan("Robot_dump_truck_03 needs to inspect boulder 1 and then pool 2.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", T, [D3], ["puddle2"], deps=["a"]))


def test_anchor_clause_first(fleet, world):
    assert_plan("After truck 2 inspects puddle 1, all robots should stay out of puddle 1.", fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", AVA, objs=["puddle1"], deps=["a"]))


def test_broken_up_then_loads_with_relative_pronoun(fleet, world):
    assert_plan("Dump truck 3 and excavator 1 meet at rock 1. Once the digger has broken up the rock it loads the "
                "truck, which then carries everything to puddle 2 and empties its bed.", fleet, world,
                task("a", T, [D3, E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", T, [D3], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D3], deps=["d"]))


def test_keep_machines_away_for_the_whole_job(fleet, world):
    assert_plan("Keep every machine away from soil pile 1 for the whole job. Two trucks should inspect obstacle 1 "
                "and afterwards return to base.", fleet, world,
                task("k", AVA, objs=["soil1"]),
                task("a", T, objs=["obstacle1"], types=[("dump_truck", 2)], deps=["k"]),
                task("b", R, types=[("dump_truck", 2)], deps=["a"]))


def test_same_steps_for_others(fleet, world):
    assert_plan("Have all the excavators return to where they started, then the trucks too.", fleet, world,
                task("a", R, types=[("excavator", 3)]), task("b", R, types=[("dump_truck", 3)], deps=["a"]))


def test_unnamed_crew_full_cycle(fleet, world):
    assert_plan("Send an excavator and a dump truck to soil 2. The excavator digs, loads the dump truck, and the "
                "dump truck unloads at rock 1.", fleet, world,
                task("a", T, objs=["soil2"], types=[("excavator", 1), ("dump_truck", 1)]),
                task("b", DIG, types=[("excavator", 1)], deps=["a"]),
                task("c", LOAD, types=[("excavator", 1)], deps=["b"]),
                task("d", T, objs=["rock1"], types=[("dump_truck", 1)], deps=["c"]),
                task("e", DUMP, types=[("dump_truck", 1)], deps=["d"]))


def test_two_sites_then_haul_home(fleet, world):
    assert_plan("Excavator 1 heads to soil 1 and starts digging; meanwhile, truck 3 moves to soil 1 as well. Once "
                "the excavator is done digging and the truck has arrived, the excavator fills it, and the truck "
                "then drives to obstacle 2 to dump.", fleet, world,
                task("a", T, [E1, D3], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", T, [D3], ["obstacle2"], deps=["c"]),
                task("e", DUMP, [D3], deps=["d"]))


def test_parallel_digs_then_trucks_collect(fleet, world):
    assert_plan("Excavator 2 digs at soil 1 while excavator 3 digs at soil 2. When both are finished, truck 1 "
                "goes to soil 1 to be loaded by excavator 2.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["c"]),
                task("e", T, [D1], ["soil1"], deps=["b", "d"]), task("f", LOAD, [E2], deps=["e"]))


def test_everyone_home_at_the_end(fleet, world):
    assert_plan("Truck 2 checks rock 1, excavator 1 checks rock 2. When everything is done, everybody returns "
                "home.", fleet, world,
                task("a", T, [D2], ["rock1"]), task("b", T, [E1], ["rock2"]),
                task("c", "return_to_start_for_all_robots", deps=["a", "b"]))
