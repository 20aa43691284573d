"""The rules planner against the written plan conventions (bench/data/README.md, 2-6 and 8-25).

Each convention gets a handful of short, ordinary sentences written for these tests only (none is
from the benchmark, the paraphrase set or the examples), with the plan that convention prescribes.
They test the convention, not a wording: a failure here is the planner breaking a general rule.
Conventions 1 and 7 are notation; the open questions (item N of a numbered list, two unnamed groups
sent to one place, digging in place under a fleet-wide keep-out, "either of the trucks", "each ...
then") are not decided here."""

from __future__ import annotations

import pytest
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
    RA,
    TA,
    TRUCK_LOAD,
    R,
    T,
    assert_plan,
    task,
)

X, K = "excavator", "dump_truck"
REST = [E1, E2, E3, D1, D2, D3]


def _others(*named: str) -> list[str]:
    return [r for r in REST if r not in named]


def _ids(cases: list[tuple]) -> list[str]:
    return [c[0][:60] for c in cases]


# -- 2: robots named by number in any form -----------------------------------------------------------------------
C2 = [
    ("Dump truck two goes to puddle 1.", [task("a", T, [D2], ["puddle1"])]),
    ("The second excavator inspects rock 1.", [task("a", T, [E2], ["rock1"])]),
    ("Excavator #3 and truck 1 go to soil 2.", [task("a", T, [E3, D1], ["soil2"])]),
    ("Exc 1 checks obstacle 2.", [task("a", T, [E1], ["obstacle2"])]),
    ("The third dump truck visits puddle 2, then goes home.",
     [task("a", T, [D3], ["puddle2"]), task("b", R, [D3], deps=["a"])]),
]


@pytest.mark.parametrize("text,expected", C2, ids=_ids(C2))
def test_c02_robots_named_by_number(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 3: unnamed robots are type + count; "another" is a separate group -------------------------------------------
C3 = [
    ("Two trucks go to puddle 2.", [task("a", T, types=[(K, 2)], objs=["puddle2"])]),
    ("A couple of excavators inspect rock 1.", [task("a", T, types=[(X, 2)], objs=["rock1"])]),
    ("Some trucks drive to obstacle 1.", [task("a", T, types=[(K, 2)], objs=["obstacle1"])]),
    ("All three excavators head to soil 2.", [task("a", T, types=[(X, 3)], objs=["soil2"])]),
    ("An excavator digs at soil 1, then it returns to base.",
     [task("a", T, types=[(X, 1)], objs=["soil1"]), task("b", DIG, types=[(X, 1)], deps=["a"]),
      task("c", R, types=[(X, 1)], deps=["b"])]),
    ("One truck goes to rock 2 and another truck goes to rock 1.",
     [task("a", T, types=[(K, 1)], objs=["rock2"]), task("b", T, types=[(K, 1)], objs=["rock1"])]),
    ("Two trucks drive to soil 1, then they go to puddle 2.",
      [task("a", T, types=[(K, 2)], objs=["soil1"]), task("b", T, types=[(K, 2)], objs=["puddle2"], deps=["a"])]),
    ("Send a truck to rock 1; after that the truck returns home.",
      [task("a", T, types=[(K, 1)], objs=["rock1"]), task("b", R, types=[(K, 1)], deps=["a"])]),
    ("An excavator and a truck go to soil 2. The excavator digs there and then loads the truck.",
      [task("a", T, types=[(X, 1), (K, 1)], objs=["soil2"]), task("b", DIG, types=[(X, 1)], deps=["a"]),
       task("c", LOAD, types=[(X, 1)], deps=["b"])]),
    ("Two excavators go to rock 2 and a different excavator goes to rock 1.",
      [task("a", T, types=[(X, 2)], objs=["rock2"]), task("b", T, types=[(X, 1)], objs=["rock1"])]),
    ("Send two trucks to obstacle 1 and have them dump there.",
      [task("a", T, types=[(K, 2)], objs=["obstacle1"]), task("b", DUMP, types=[(K, 2)], deps=["a"])]),
    ("Two trucks go to rock 2 and a third truck goes to rock 1. Afterwards the two trucks return to base.",
      [task("a", T, types=[(K, 2)], objs=["rock2"]), task("b", T, types=[(K, 1)], objs=["rock1"]),
       task("c", R, types=[(K, 2)], deps=["a", "b"])]),
]


@pytest.mark.parametrize("text,expected", C3, ids=_ids(C3))
def test_c03_unnamed_robots_are_type_and_count(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 4: pronouns and definite type words refer to the robots mentioned last --------------------------------------
C4 = [
    ("Truck 2 goes to puddle 1, then it returns to base.",
     [task("a", T, [D2], ["puddle1"]), task("b", R, [D2], deps=["a"])]),
    ("Excavator 1 and truck 3 go to soil 2. Then they return to start.",
     [task("a", T, [E1, D3], ["soil2"]), task("b", R, [E1, D3], deps=["a"])]),
    ("Excavator 3 goes to rock 1. After that, the excavator digs there.",
     [task("a", T, [E3], ["rock1"]), task("b", DIG, [E3], deps=["a"])]),
    ("Trucks 1 and 2 go to obstacle 2; afterwards both go home.",
     [task("a", T, [D1, D2], ["obstacle2"]), task("b", R, [D1, D2], deps=["a"])]),
    ("Truck 3 checks rock 2. Then the truck drives to puddle 2.",
     [task("a", T, [D3], ["rock2"]), task("b", T, [D3], ["puddle2"], deps=["a"])]),
    ("Excavator 3 digs at soil 1. When it is done, truck 3 drives there.",
      [task("a", T, [E3], ["soil1"]), task("b", DIG, [E3], deps=["a"]), task("c", T, [D3], ["soil1"], deps=["b"])]),
    ("Trucks 1 and 3 go to obstacle 2. When they arrive, excavator 2 goes to obstacle 2.",
      [task("a", T, [D1, D3], ["obstacle2"]), task("b", T, [E2], ["obstacle2"], deps=["a"])]),
]


@pytest.mark.parametrize("text,expected", C4, ids=_ids(C4))
def test_c04_pronouns_refer_to_the_last_robots(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 5 / 18: the whole fleet is an *_all_robots skill; "the rest" is robot ids in fleet order --------------------
C5 = [
    ("Everyone returns to base.", [task("a", RA)]),
    ("All robots go to soil 1.", [task("a", TA, objs=["soil1"])]),
    ("The whole fleet must avoid puddle 2.", [task("a", AVA, objs=["puddle2"])]),
    ("Everybody goes to rock 1, then every robot returns to start.",
     [task("a", TA, objs=["rock1"]), task("b", RA, deps=["a"])]),
    ("Truck 1 goes to puddle 1. The rest of the fleet goes to soil 2.",
     [task("a", T, [D1], ["puddle1"]), task("b", T, _others(D1), ["soil2"])]),
    ("All robots except excavator 2 return to base.", [task("a", R, _others(E2))]),
    ("Excavator 1 digs at soil 2. Once it is done, everyone goes back to base.",
      [task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]), task("c", RA, deps=["b"])]),
]


@pytest.mark.parametrize("text,expected", C5, ids=_ids(C5))
def test_c05_the_whole_fleet_and_the_rest(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C18 = [
    ("Truck 2 inspects puddle 1. The other robots go to soil 2.",
     [task("a", T, [D2], ["puddle1"]), task("b", T, _others(D2), ["soil2"])]),
    ("Everyone except excavator 1 and truck 3 returns home.", [task("a", R, _others(E1, D3))]),
    ("Excavator 1 goes to soil 1. The other excavators go to soil 2.",
     [task("a", T, [E1], ["soil1"]), task("b", T, [E2, E3], ["soil2"])]),
    ("Truck 3 goes to rock 1, and the rest of the fleet goes to rock 2.",
     [task("a", T, [D3], ["rock1"]), task("b", T, _others(D3), ["rock2"])]),
    ("Excavator 2 checks obstacle 1; all the other robots return to base.",
     [task("a", T, [E2], ["obstacle1"]), task("b", R, _others(E2))]),
    ("Excavator 1 digs at soil 1. Meanwhile, the rest of the fleet goes to obstacle 2.",
      [task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", T, _others(E1), ["obstacle2"])]),
    ("Truck 3 checks puddle 1. Once truck 3 has checked puddle 1, all the others return to base.",
      [task("a", T, [D3], ["puddle1"]), task("b", R, _others(D3), deps=["a"])]),
    ("Excavator 1 and truck 1 go to rock 1. Everyone else stays away from rock 1.",
      [task("a", T, [E1, D1], ["rock1"]), task("k", AV, _others(E1, D1), ["rock1"])]),
]


@pytest.mark.parametrize("text,expected", C18, ids=_ids(C18))
def test_c18_the_rest_of_the_fleet_is_robot_ids_in_fleet_order(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 6 / 17: robots share a task exactly when they do the same thing at the same time ----------------------------
C6 = [
    ("Excavator 2 and truck 1 go to rock 2.", [task("a", T, [E2, D1], ["rock2"])]),
    ("Excavator 1 and excavator 3 each go to soil 1.",
     [task("a", T, [E1], ["soil1"]), task("b", T, [E3], ["soil1"])]),
    ("Truck 1 and truck 2 go to puddle 1 and puddle 2 respectively.",
     [task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["puddle2"])]),
    ("Two excavators and a truck go to obstacle 1.",
     [task("a", T, types=[(X, 2), (K, 1)], objs=["obstacle1"])]),
    ("Truck 3 goes to rock 1 and then excavator 1 goes to rock 1.",
     [task("a", T, [D3], ["rock1"]), task("b", T, [E1], ["rock1"], deps=["a"])]),
]


@pytest.mark.parametrize("text,expected", C6, ids=_ids(C6))
def test_c06_merging_robots_into_one_task(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C17 = [
    ("Excavator 1 goes to rock 1; truck 1 goes to rock 1 as well.", [task("a", T, [E1, D1], ["rock1"])]),
    ("Truck 2 heads to soil 2. Excavator 3 heads to soil 2 too.", [task("a", T, [D2, E3], ["soil2"])]),
    ("Excavator 1 and excavator 2 each go to puddle 1.",
     [task("a", T, [E1], ["puddle1"]), task("b", T, [E2], ["puddle1"])]),
    ("Excavator 2 and one truck go to soil 1.",
     [task("a", T, [E2], ["soil1"]), task("b", T, types=[(K, 1)], objs=["soil1"])]),
    ("Truck 1 goes to puddle 2 and truck 3 goes to puddle 2.", [task("a", T, [D1, D3], ["puddle2"])]),
    ("Excavator 3 goes to rock 2. At the same time, truck 3 goes to rock 2.", [task("a", T, [E3, D3], ["rock2"])]),
]


@pytest.mark.parametrize("text,expected", C17, ids=_ids(C17))
def test_c17_clauses_that_start_at_once_for_one_place_merge(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 8: a robot's own steps form a chain; fleet-wide moves are every robot's step ---------------------------------
C8 = [
    ("Truck 1 goes to puddle 1. Truck 1 goes to rock 2.",
     [task("a", T, [D1], ["puddle1"]), task("b", T, [D1], ["rock2"], deps=["a"])]),
    ("Excavator 2 digs at soil 2 and truck 3 goes to puddle 1. Everyone then returns to base.",
     [task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D3], ["puddle1"]),
      task("d", RA, deps=["b", "c"])]),
    ("All robots go to obstacle 1. Excavator 1 then digs at soil 1.",
     [task("a", TA, objs=["obstacle1"]), task("b", T, [E1], ["soil1"], deps=["a"]),
      task("c", DIG, [E1], deps=["b"])]),
    ("Excavator 3 goes to soil 2 while truck 2 goes to puddle 2. Excavator 3 then digs.",
     [task("a", T, [E3], ["soil2"]), task("b", T, [D2], ["puddle2"]), task("c", DIG, [E3], deps=["a"])]),
    ("Truck 2 checks rock 1. Excavator 1 checks rock 2. Truck 2 then returns home.",
     [task("a", T, [D2], ["rock1"]), task("b", T, [E1], ["rock2"]), task("c", R, [D2], deps=["a"])]),
    ("Truck 2 goes to rock 1 and excavator 1 goes to soil 2. Excavator 1 digs there. Truck 2 returns to base.",
      [task("a", T, [D2], ["rock1"]), task("b", T, [E1], ["soil2"]), task("c", DIG, [E1], deps=["b"]),
       task("d", R, [D2], deps=["a"])]),
    ("All robots gather at obstacle 1. Then truck 1 goes to puddle 2, and excavator 2 goes to rock 1.",
      [task("a", TA, objs=["obstacle1"]), task("b", T, [D1], ["puddle2"], deps=["a"]),
       task("c", T, [E2], ["rock1"], deps=["a"])]),
    ("Excavator 2 goes to soil 1. Truck 3 goes to puddle 2. All robots then return to start.",
      [task("a", T, [E2], ["soil1"]), task("b", T, [D3], ["puddle2"]), task("c", RA, deps=["a", "b"])]),
]


@pytest.mark.parametrize("text,expected", C8, ids=_ids(C8))
def test_c08_a_robots_steps_form_a_chain(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 9: then / once both / finally -------------------------------------------------------------------------------
C9 = [
    ("Excavator 1 goes to soil 1 and then digs.",
     [task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"])]),
    ("Truck 1 goes to puddle 1 and truck 2 goes to puddle 2. Once both are done, excavator 1 goes to rock 1.",
     [task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["puddle2"]),
      task("c", T, [E1], ["rock1"], deps=["a", "b"])]),
    ("Excavator 2 digs at soil 1 while truck 3 checks obstacle 2. When everything is finished, everyone "
     "goes home.",
     [task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D3], ["obstacle2"]),
      task("d", RA, deps=["b", "c"])]),
    ("Truck 1 goes to rock 1 and truck 2 goes to rock 2. Finally, excavator 3 goes to soil 2.",
     [task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["rock2"]),
      task("c", T, [E3], ["soil2"], deps=["a", "b"])]),
    ("Excavator 1 digs at soil 2. After the digging is done, truck 1 goes to soil 2.",
     [task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
      task("c", T, [D1], ["soil2"], deps=["b"])]),
    ("Truck 1 checks puddle 1 and excavator 2 checks rock 1. Once both are done, truck 2 and excavator 3 go "
     "to soil 1.",
     [task("a", T, [D1], ["puddle1"]), task("b", T, [E2], ["rock1"]),
      task("c", T, [D2, E3], ["soil1"], deps=["a", "b"])]),
    ("Truck 1 drives to puddle 2. As soon as truck 1 gets there, excavator 1 goes to puddle 1.",
      [task("a", T, [D1], ["puddle2"]), task("b", T, [E1], ["puddle1"], deps=["a"])]),
    ("Excavator 2 digs at rock 2 and excavator 3 digs at rock 1. After both have finished digging, truck 2 goes "
     "to rock 1.",
      [task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [E3], ["rock1"]),
       task("d", DIG, [E3], deps=["c"]), task("e", T, [D2], ["rock1"], deps=["b", "d"])]),
    ("Excavator 1 digs at soil 1, and once it has finished, truck 2 goes there.",
      [task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", T, [D2], ["soil1"], deps=["b"])]),
    ("Excavator 1 goes to soil 2. Truck 1 waits until excavator 1 has dug there, then drives to soil 2.",
      [task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]), task("c", T, [D1], ["soil2"], deps=["b"])]),
    ("Truck 2 drives to puddle 1 and dumps. Excavator 2 checks rock 1. When truck 2 has dumped, excavator 2 "
     "returns home.",
      [task("a", T, [D2], ["puddle1"]), task("b", DUMP, [D2], deps=["a"]), task("c", T, [E2], ["rock1"]),
       task("d", R, [E2], deps=["b", "c"])]),
    ("Truck 3 checks rock 2 and excavator 3 checks rock 1. Excavator 1 goes to soil 1 only after both checks are done.",
      [task("a", T, [D3], ["rock2"]), task("b", T, [E3], ["rock1"]), task("c", T, [E1], ["soil1"], deps=["a", "b"])]),
    ("Truck 1 drives to obstacle 1 and truck 2 drives to obstacle 2. Excavator 2 heads to rock 1 once both are "
     "there.",
     [task("a", T, [D1], ["obstacle1"]), task("b", T, [D2], ["obstacle2"]),
      task("c", T, [E2], ["rock1"], deps=["a", "b"])]),
    ("Excavator 2 digs at soil 1. Truck 2 should go to puddle 2, but only after excavator 2 has finished digging.",
      [task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D2], ["puddle2"], deps=["b"])]),
    ("Excavator 1 goes to rock 1. Excavator 2 goes to rock 2. When both excavators are there, truck 1 goes to soil 1.",
      [task("a", T, [E1], ["rock1"]), task("b", T, [E2], ["rock2"]), task("c", T, [D1], ["soil1"], deps=["a", "b"])]),
    ("Truck 1 inspects puddle 1. Once that is done, truck 1 inspects puddle 2.",
      [task("a", T, [D1], ["puddle1"]), task("b", T, [D1], ["puddle2"], deps=["a"])]),
]


@pytest.mark.parametrize("text,expected", C9, ids=_ids(C9))
def test_c09_sequence_join_and_final_connectives(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 10: fleet-wide keep-outs -------------------------------------------------------------------------------------
C10 = [
    ("First, everyone avoids puddle 1. Then truck 2 goes to rock 1 and excavator 1 goes to soil 2.",
     [task("k", AVA, objs=["puddle1"]), task("a", T, [D2], ["rock1"], deps=["k"]),
      task("b", T, [E1], ["soil2"], deps=["k"])]),
    ("Keep all robots away from obstacle 2 throughout. Truck 1 goes to soil 1.",
     [task("k", AVA, objs=["obstacle2"]), task("a", T, [D1], ["soil1"], deps=["k"])]),
    ("Truck 3 inspects puddle 2, after which all robots avoid puddle 2.",
     [task("a", T, [D3], ["puddle2"]), task("k", AVA, objs=["puddle2"], deps=["a"])]),
    ("First, all robots stay away from rock 1. Excavator 2 digs at soil 1. When the digging is finished, "
     "allow rock 1 again.",
     [task("k", AVA, objs=["rock1"]), task("a", T, [E2], ["soil1"], deps=["k"]),
      task("b", DIG, [E2], deps=["a"]), task("l", ALA, objs=["rock1"], deps=["b"])]),
    ("Excavator 3 goes to rock 2, after which the whole fleet keeps out of rock 2.",
     [task("a", T, [E3], ["rock2"]), task("k", AVA, objs=["rock2"], deps=["a"])]),
    ("Before anyone moves, all robots must avoid obstacle 1. Excavator 1 goes to rock 1, and truck 1 goes to puddle 2.",
      [task("k", AVA, objs=["obstacle1"]), task("a", T, [E1], ["rock1"], deps=["k"]),
       task("b", T, [D1], ["puddle2"], deps=["k"])]),
    ("Truck 2 dumps at puddle 1. Once it has dumped, all robots stay away from puddle 1.",
      [task("a", T, [D2], ["puddle1"]), task("b", DUMP, [D2], deps=["a"]),
       task("k", AVA, objs=["puddle1"], deps=["b"])]),
    ("All robots avoid puddle 2 for the whole job. Two trucks go to soil 1.",
      [task("k", AVA, objs=["puddle2"]), task("a", T, types=[(K, 2)], objs=["soil1"], deps=["k"])]),
    ("Everyone keeps clear of rock 2. Excavator 3 digs at soil 1. Once excavator 3 has finished, everyone may "
     "enter rock 2 again.",
      [task("k", AVA, objs=["rock2"]), task("a", T, [E3], ["soil1"], deps=["k"]), task("b", DIG, [E3], deps=["a"]),
       task("l", ALA, objs=["rock2"], deps=["b"])]),
    ("Excavator 1 goes to rock 1. After that, all robots must stay away from rock 1.",
      [task("a", T, [E1], ["rock1"]), task("k", AVA, objs=["rock1"], deps=["a"])]),
    ("Throughout the job, no robot may enter puddle 2. Truck 3 goes to soil 1.",
      [task("k", AVA, objs=["puddle2"]), task("a", T, [D3], ["soil1"], deps=["k"])]),
]


@pytest.mark.parametrize("text,expected", C10, ids=_ids(C10))
def test_c10_fleet_wide_keepouts(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 11: movement and digging ---------------------------------------------------------------------------------------
C11 = [
    ("Excavator 1 breaks up rock 2.", [task("a", T, [E1], ["rock2"]), task("b", DIG, [E1], deps=["a"])]),
    ("Excavator 3 excavates soil 1.", [task("a", T, [E3], ["soil1"]), task("b", DIG, [E3], deps=["a"])]),
    ("Excavator 2 is already at soil 2 and digs right where it is.", [task("a", DIG, [E2])]),
    ("Truck 1 visits obstacle 1.", [task("a", T, [D1], ["obstacle1"])]),
    ("Truck 2 heads to puddle 2.", [task("a", T, [D2], ["puddle2"])]),
]


@pytest.mark.parametrize("text,expected", C11, ids=_ids(C11))
def test_c11_moves_and_digging(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 12 / 13 / 14 / 23 / 24: loading, the truck's own loading, dumping, delivering --------------------------------
C12 = [
    ("Excavator 2 digs at rock 1. Truck 1 then goes to rock 1, and excavator 2 fills it.",
     [task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
      task("c", T, [D1], ["rock1"], deps=["b"]), task("d", LOAD, [E2], deps=["c"])]),
    ("Excavator 1 digs at rock 2 and dump truck 1 drives to rock 2. Then the truck gets loaded.",
     [task("a", T, [E1, D1], ["rock2"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"])]),
    ("Truck 2 checks puddle 1 and then goes to soil 1. Meanwhile excavator 3 digs at soil 1. Once both are "
     "done, excavator 3 loads truck 2.",
     [task("a", T, [D2], ["puddle1"]), task("b", T, [D2], ["soil1"], deps=["a"]),
      task("c", T, [E3], ["soil1"]), task("d", DIG, [E3], deps=["c"]), task("e", LOAD, [E3], deps=["b", "d"])]),
    ("Excavator 1 digs at soil 2 while truck 3 waits at soil 2. Excavator 1 then dumps its bucket into "
     "truck 3.",
     [task("a", T, [E1, D3], ["soil2"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"])]),
    ("Excavator 1 breaks up rock 1. Afterwards a truck drives to rock 1 and gets loaded by excavator 1.",
      [task("a", T, [E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]),
       task("c", T, types=[(K, 1)], objs=["rock1"], deps=["b"]),
       task("d", LOAD, [E1], deps=["c"])]),
    ("Truck 1 heads to soil 2. Excavator 3 digs at soil 2 and fills truck 1.",
      [task("a", T, [D1, E3], ["soil2"]), task("b", DIG, [E3], deps=["a"]), task("c", LOAD, [E3], deps=["b"])]),
    ("Excavator 2 digs at soil 1. When the digging is over, truck 3 drives to soil 1 and excavator 2 loads it.",
      [task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D3], ["soil1"], deps=["b"]),
       task("d", LOAD, [E2], deps=["c"])]),
    ("Excavator 2 digs at rock 2. A truck then goes there and excavator 2 loads it.",
      [task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
       task("c", T, types=[(K, 1)], objs=["rock2"], deps=["b"]), task("d", LOAD, [E2], deps=["c"])]),
]


@pytest.mark.parametrize("text,expected", C12, ids=_ids(C12))
def test_c12_loading_a_truck(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C13 = [
    ("Excavator 1 digs at soil 2 and truck 1 comes to soil 2. Excavator 1 loads truck 1, then truck 1 performs "
     "its loading step and goes back to base.",
     [task("a", T, [E1, D1], ["soil2"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]),
      task("d", TRUCK_LOAD, [D1], deps=["c"]), task("e", R, [D1], deps=["d"])]),
    ("Excavator 2 digs at rock 1 and truck 2 goes to rock 1. After excavator 2 loads it, truck 2 runs its own "
     "loading routine and then drives to puddle 1.",
     [task("a", T, [E2, D2], ["rock1"]), task("b", DIG, [E2], deps=["a"]), task("c", LOAD, [E2], deps=["b"]),
      task("d", TRUCK_LOAD, [D2], deps=["c"]), task("e", T, [D2], ["puddle1"], deps=["d"])]),
]


@pytest.mark.parametrize("text,expected", C13, ids=_ids(C13))
def test_c13_the_trucks_own_loading_step(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C14 = [
    ("Truck 1 drives to puddle 2 and dumps.", [task("a", T, [D1], ["puddle2"]), task("b", DUMP, [D1], deps=["a"])]),
    ("Truck 2 returns to base and unloads.", [task("a", R, [D2]), task("b", DUMP, [D2], deps=["a"])]),
    ("Truck 3 goes to obstacle 1 and empties its bed.",
     [task("a", T, [D3], ["obstacle1"]), task("b", DUMP, [D3], deps=["a"])]),
    ("Truck 1 tips its load at rock 1.", [task("a", T, [D1], ["rock1"]), task("b", DUMP, [D1], deps=["a"])]),
    ("Excavator 2 digs at soil 1 and truck 2 goes to soil 1. Excavator 2 loads truck 2, and truck 2 dumps "
     "right there.",
     [task("a", T, [E2, D2], ["soil1"]), task("b", DIG, [E2], deps=["a"]), task("c", LOAD, [E2], deps=["b"]),
      task("d", DUMP, [D2], deps=["c"])]),
    ("Excavator 1 digs at soil 1 and truck 1 goes to soil 1. Excavator 1 loads truck 1. Once it is full, truck "
     "1 drives to puddle 2 and tips its load.",
      [task("a", T, [E1, D1], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]),
       task("d", T, [D1], ["puddle2"], deps=["c"]), task("e", DUMP, [D1], deps=["d"])]),
]


@pytest.mark.parametrize("text,expected", C14, ids=_ids(C14))
def test_c14_dumping(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C23 = [
    ("Excavator 2 digs at soil 2 while truck 2 goes to soil 2. Excavator 2 loads truck 2, and truck 2 carries "
     "the load to puddle 1.",
     [task("a", T, [E2, D2], ["soil2"]), task("b", DIG, [E2], deps=["a"]), task("c", LOAD, [E2], deps=["b"]),
      task("d", T, [D2], ["puddle1"], deps=["c"]), task("e", DUMP, [D2], deps=["d"])]),
    ("Excavator 1 digs at rock 1 and truck 3 drives to rock 1. Once excavator 1 has loaded truck 3, truck 3 "
     "hauls it to obstacle 2.",
     [task("a", T, [E1, D3], ["rock1"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]),
      task("d", T, [D3], ["obstacle2"], deps=["c"]), task("e", DUMP, [D3], deps=["d"])]),
    ("Excavator 3 digs at soil 1 and truck 1 goes to soil 1. Excavator 3 loads truck 1. Then truck 1 takes "
     "the soil to puddle 2.",
     [task("a", T, [E3, D1], ["soil1"]), task("b", DIG, [E3], deps=["a"]), task("c", LOAD, [E3], deps=["b"]),
      task("d", T, [D1], ["puddle2"], deps=["c"]), task("e", DUMP, [D1], deps=["d"])]),
]


@pytest.mark.parametrize("text,expected", C23, ids=_ids(C23))
def test_c23_carrying_a_load_is_a_move_and_a_dump(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C24 = [
    ("Excavator 1 digs at soil 1 and trucks 1 and 2 go to soil 1. Then excavator 1 loads both trucks.",
     [task("a", T, [E1, D1, D2], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"])]),
    ("Excavator 1 digs at soil 1 and trucks 1 and 2 go to soil 1. Then excavator 1 loads truck 1 first and "
     "then truck 2.",
     [task("a", T, [E1, D1, D2], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]),
      task("d", LOAD, [E1], deps=["c"])]),
    ("Excavator 2 digs at rock 2 while trucks 3 and 1 drive to rock 2. Excavator 2 loads truck 3 first, then "
     "truck 1. Truck 3 goes to puddle 1 and truck 1 goes to puddle 2.",
     [task("a", T, [E2, D3, D1], ["rock2"]), task("b", DIG, [E2], deps=["a"]), task("c", LOAD, [E2], deps=["b"]),
      task("d", LOAD, [E2], deps=["c"]), task("e", T, [D3], ["puddle1"], deps=["c"]),
      task("f", T, [D1], ["puddle2"], deps=["d"])]),
    ("Excavator 3 digs at soil 2 and trucks 2 and 3 go to soil 2. Excavator 3 loads them.",
     [task("a", T, [E3, D2, D3], ["soil2"]), task("b", DIG, [E3], deps=["a"]), task("c", LOAD, [E3], deps=["b"])]),
    ("Excavator 3 digs at soil 2 and trucks 2 and 3 go to soil 2. Excavator 3 loads them one after the other.",
     [task("a", T, [E3, D2, D3], ["soil2"]), task("b", DIG, [E3], deps=["a"]), task("c", LOAD, [E3], deps=["b"]),
      task("d", LOAD, [E3], deps=["c"])]),
    ("Excavator 2 digs at soil 1 while trucks 1 and 3 drive to soil 1. Excavator 2 loads truck 3 and then truck 1.",
      [task("a", T, [E2, D1, D3], ["soil1"]), task("b", DIG, [E2], deps=["a"]), task("c", LOAD, [E2], deps=["b"]),
       task("d", LOAD, [E2], deps=["c"])]),
    ("Trucks 1 and 2 go to rock 2 while excavator 1 digs there. Then excavator 1 loads the two trucks in turn.",
      [task("a", T, [E1, D1, D2], ["rock2"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]),
       task("d", LOAD, [E1], deps=["c"])]),
    ("Excavator 1 digs at soil 1 and trucks 2 and 3 come to soil 1. Excavator 1 loads truck 2 and truck 3, "
     "truck 3 first.",
      [task("a", T, [E1, D2, D3], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
       task("c", LOAD, [E1], deps=["b"]), task("d", LOAD, [E1], deps=["c"])]),
]


@pytest.mark.parametrize("text,expected", C24, ids=_ids(C24))
def test_c24_loading_several_trucks(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 15 / 16: returns and keep-outs of several objects --------------------------------------------------------------
C15 = [
    ("Truck 2 goes home.", [task("a", R, [D2])]),
    ("Excavator 1 heads back to base.", [task("a", R, [E1])]),
    ("Truck 3 returns to its starting position.", [task("a", R, [D3])]),
    ("Excavator 2 goes to rock 1 and then goes back.", [task("a", T, [E2], ["rock1"]), task("b", R, [E2], deps=["a"])]),
]


@pytest.mark.parametrize("text,expected", C15, ids=_ids(C15))
def test_c15_returns(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C16 = [
    ("All robots avoid both puddles.", [task("a", AVA, objs=["puddle1", "puddle2"])]),
    ("Truck 1 must stay away from rock 1 and rock 2.", [task("a", AV, [D1], ["rock1", "rock2"])]),
    ("Everyone avoid puddle 1 and obstacle 2.", [task("a", AVA, objs=["puddle1", "obstacle2"])]),
    ("Truck 2 goes to soil 1 and then to soil 2.",
     [task("a", T, [D2], ["soil1"]), task("b", T, [D2], ["soil2"], deps=["a"])]),
]


@pytest.mark.parametrize("text,expected", C16, ids=_ids(C16))
def test_c16_keepouts_of_several_objects_and_one_target(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 19 / 20: "the remaining truck", "all excavators" ---------------------------------------------------------------
C19 = [
    ("Two trucks go to puddle 1. The remaining truck goes to puddle 2.",
     [task("a", T, types=[(K, 2)], objs=["puddle1"]), task("b", T, types=[(K, 1)], objs=["puddle2"])]),
    ("Two excavators inspect rock 1 and the third excavator inspects rock 2.",
     [task("a", T, types=[(X, 2)], objs=["rock1"]), task("b", T, types=[(X, 1)], objs=["rock2"])]),
    ("Two trucks go to soil 1, and the other truck goes home.",
     [task("a", T, types=[(K, 2)], objs=["soil1"]), task("b", R, types=[(K, 1)])]),
    ("Three excavators go to soil 2, then one of them digs there.",
     [task("a", T, types=[(X, 3)], objs=["soil2"]), task("b", DIG, types=[(X, 1)], deps=["a"])]),
    ("Two trucks go to soil 1 and the remaining truck goes to soil 2. Then the remaining truck returns home.",
      [task("a", T, types=[(K, 2)], objs=["soil1"]), task("b", T, types=[(K, 1)], objs=["soil2"]),
       task("c", R, types=[(K, 1)], deps=["b"])]),
    ("Send two excavators to rock 1 and the third one to rock 2.",
      [task("a", T, types=[(X, 2)], objs=["rock1"]), task("b", T, types=[(X, 1)], objs=["rock2"])]),
    ("Two excavators dig at soil 1. The other excavator digs at soil 2.",
      [task("a", T, types=[(X, 2)], objs=["soil1"]), task("b", DIG, types=[(X, 2)], deps=["a"]),
       task("c", T, types=[(X, 1)], objs=["soil2"]), task("d", DIG, types=[(X, 1)], deps=["c"])]),
    ("Two trucks go to soil 1 and the third truck goes to soil 2. Then the third truck returns home.",
     [task("a", T, types=[(K, 2)], objs=["soil1"]), task("b", T, types=[(K, 1)], objs=["soil2"]),
      task("c", R, types=[(K, 1)], deps=["b"])]),
    ("Two excavators go to rock 1. The other excavator digs at rock 2, and afterwards the other excavator "
     "returns to base.",
     [task("a", T, types=[(X, 2)], objs=["rock1"]), task("b", T, types=[(X, 1)], objs=["rock2"]),
      task("c", DIG, types=[(X, 1)], deps=["b"]), task("d", R, types=[(X, 1)], deps=["c"])]),
    ("A couple of excavators head to soil 1. After that, one of them digs at soil 1.",
     [task("a", T, types=[(X, 2)], objs=["soil1"]), task("b", DIG, types=[(X, 1)], deps=["a"])]),
    ("Two trucks dump at puddle 1. The last truck dumps at puddle 2.",
      [task("a", T, types=[(K, 2)], objs=["puddle1"]), task("b", DUMP, types=[(K, 2)], deps=["a"]),
       task("c", T, types=[(K, 1)], objs=["puddle2"]), task("d", DUMP, types=[(K, 1)], deps=["c"])]),
]


@pytest.mark.parametrize("text,expected", C19, ids=_ids(C19))
def test_c19_the_remaining_robot_is_its_own_group(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C20 = [
    ("Excavator 1 goes to soil 1. Afterwards all excavators return to base.",
     [task("a", T, [E1], ["soil1"]), task("b", R, types=[(X, 3)], deps=["a"])]),
    ("Every excavator goes to rock 2.", [task("a", T, types=[(X, 3)], objs=["rock2"])]),
    ("Excavators 1, 2 and 3 go to soil 1. Then all the excavators go home.",
     [task("a", T, [E1, E2, E3], ["soil1"]), task("b", R, [E1, E2, E3], deps=["a"])]),
    ("Two excavators go to puddle 1. Then all excavators go to puddle 2.",
     [task("a", T, types=[(X, 2)], objs=["puddle1"]), task("b", T, types=[(X, 3)], objs=["puddle2"], deps=["a"])]),
    ("All trucks go to obstacle 2.", [task("a", T, types=[(K, 3)], objs=["obstacle2"])]),
    ("Truck 1 goes to puddle 1. Then all trucks go home.",
      [task("a", T, [D1], ["puddle1"]), task("b", R, types=[(K, 3)], deps=["a"])]),
    ("Excavator 2 digs at soil 2. After that, all of the excavators go to rock 1.",
      [task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
       task("c", T, types=[(X, 3)], objs=["rock1"], deps=["b"])]),
    ("Two excavators go to rock 1 and another excavator goes to rock 2. Then every excavator goes home.",
      [task("a", T, types=[(X, 2)], objs=["rock1"]), task("b", T, types=[(X, 1)], objs=["rock2"]),
       task("c", R, types=[(X, 3)], deps=["a", "b"])]),
]


@pytest.mark.parametrize("text,expected", C20, ids=_ids(C20))
def test_c20_every_excavator_is_type_and_count_three(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 21: keep-outs for some robots ---------------------------------------------------------------------------------
C21 = [
    ("First, truck 1 keeps away from puddle 2. Truck 1 goes to soil 1 and excavator 2 goes to soil 2.",
     [task("k", AV, [D1], ["puddle2"]), task("a", T, [D1], ["soil1"], deps=["k"]), task("b", T, [E2], ["soil2"])]),
    ("Trucks 1 and 2 avoid obstacle 1. Truck 2 goes to puddle 1, and excavator 3 goes to rock 1.",
     [task("k", AV, [D1, D2], ["obstacle1"]), task("a", T, [D2], ["puddle1"], deps=["k"]),
      task("b", T, [E3], ["rock1"])]),
    ("Truck 3 goes to soil 2, then it must stay away from soil 1.",
     [task("a", T, [D3], ["soil2"]), task("k", AV, [D3], ["soil1"], deps=["a"])]),
    ("Excavator 1 digs at rock 1. Once the digging is done, trucks 1 and 3 must avoid rock 1.",
     [task("a", T, [E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]), task("k", AV, [D1, D3], ["rock1"], deps=["b"])]),
    ("Excavator 2 must avoid puddle 1. Truck 2 checks puddle 1. When truck 2 is done, excavator 2 may enter "
     "puddle 1 again.",
     [task("k", AV, [E2], ["puddle1"]), task("a", T, [D2], ["puddle1"]),
      task("l", AL, [E2], ["puddle1"], deps=["a"])]),
    ("Trucks 1 and 3 keep away from soil 2 for now. Excavator 1 digs at soil 2. Once the digging is done, lift the "
     "keep-out for trucks 1 and 3.",
     [task("k", AV, [D1, D3], ["soil2"]), task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
      task("l", AL, [D1, D3], ["soil2"], deps=["b"])]),
    ("Excavator 2 must not go near puddle 1. Excavator 2 goes to soil 1 and truck 1 goes to puddle 1.",
      [task("k", AV, [E2], ["puddle1"]), task("a", T, [E2], ["soil1"], deps=["k"]), task("b", T, [D1], ["puddle1"])]),
]


@pytest.mark.parametrize("text,expected", C21, ids=_ids(C21))
def test_c21_keepouts_for_some_robots(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- 22 / 25: "finally" and time words join every open end ---------------------------------------------------------
C22 = [
    ("Truck 1 goes to puddle 1 and excavator 2 goes to rock 2. Finally, truck 1 returns to base.",
     [task("a", T, [D1], ["puddle1"]), task("b", T, [E2], ["rock2"]), task("c", R, [D1], deps=["a", "b"])]),
    ("Excavator 1 digs at soil 1; truck 2 checks obstacle 1; at the end, everyone returns to start.",
     [task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", T, [D2], ["obstacle1"]),
      task("d", RA, deps=["b", "c"])]),
    ("Truck 3 goes to soil 2, excavator 3 goes to soil 1, and lastly truck 3 goes home.",
     [task("a", T, [D3], ["soil2"]), task("b", T, [E3], ["soil1"]), task("c", R, [D3], deps=["a", "b"])]),
    ("Excavator 2 inspects rock 1 while truck 1 inspects rock 2. In the end, excavator 2 goes back.",
     [task("a", T, [E2], ["rock1"]), task("b", T, [D1], ["rock2"]), task("c", R, [E2], deps=["a", "b"])]),
    ("Truck 2 drives to puddle 2. Excavator 1 drives to obstacle 1 and, last of all, returns to base.",
     [task("a", T, [D2], ["puddle2"]), task("b", T, [E1], ["obstacle1"]), task("c", R, [E1], deps=["a", "b"])]),
    ("Excavator 1 digs at rock 1 and truck 1 goes to puddle 1. Truck 1 goes home at the end.",
      [task("a", T, [E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]), task("c", T, [D1], ["puddle1"]),
       task("d", R, [D1], deps=["b", "c"])]),
    ("Truck 2 checks soil 1, truck 3 checks soil 2, and finally both go back to base.",
      [task("a", T, [D2], ["soil1"]), task("b", T, [D3], ["soil2"]), task("c", R, [D2, D3], deps=["a", "b"])]),
    ("Excavator 3 digs at soil 2 and truck 3 drives to rock 1; when everything is done, excavator 3 returns to base.",
      [task("a", T, [E3], ["soil2"]), task("b", DIG, [E3], deps=["a"]), task("c", T, [D3], ["rock1"]),
       task("d", R, [E3], deps=["b", "c"])]),
]


@pytest.mark.parametrize("text,expected", C22, ids=_ids(C22))
def test_c22_finally_joins_every_open_end(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


C25 = [
    ("Truck 1 goes to puddle 1 and excavator 1 goes to soil 1. After lunch, truck 2 returns to base.",
     [task("a", T, [D1], ["puddle1"]), task("b", T, [E1], ["soil1"]), task("c", R, [D2], deps=["a", "b"])]),
    ("Excavator 2 checks rock 1 and truck 3 checks rock 2. Later, after all of this, everyone goes home.",
     [task("a", T, [E2], ["rock1"]), task("b", T, [D3], ["rock2"]), task("c", RA, deps=["a", "b"])]),
    ("Truck 2 inspects obstacle 2 and excavator 3 inspects soil 2. In the afternoon, truck 1 goes to rock 1.",
     [task("a", T, [D2], ["obstacle2"]), task("b", T, [E3], ["soil2"]),
      task("c", T, [D1], ["rock1"], deps=["a", "b"])]),
    ("Excavator 3 digs at rock 2. Truck 3 drives to obstacle 1. Around noon, excavator 3 heads back to base.",
     [task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]), task("c", T, [D3], ["obstacle1"]),
      task("d", R, [E3], deps=["b", "c"])]),
    ("Excavator 1 goes to puddle 2 and truck 1 goes to puddle 1. At the end of the shift, all robots go back "
     "to base.",
     [task("a", T, [E1], ["puddle2"]), task("b", T, [D1], ["puddle1"]), task("c", RA, deps=["a", "b"])]),
]


@pytest.mark.parametrize("text,expected", C25, ids=_ids(C25))
def test_c25_time_words_at_a_sentence_start_join_like_finally(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)
