"""Mends of helper M119: misreadings behind dev lines of blind batch 28 (each gave a valid plan that was wrong).

1. "Excavator 2 loads truck 2 first and then truck 3, and as soon as a truck has been loaded it drives to puddle 1"
   made a third loading for a truck nobody named, which then drove off while trucks 2 and 3 stayed: "a truck" in
   such an anchor is each of the trucks loaded (rules/deeds.py, ``fold_indefinite_loaded``), but a loading in turn
   was only seen with no "first" after its first truck ("loads truck 2, then truck 3").
2. "Truck 2 checks obstacle 1, after which all robots avoid it; meanwhile excavator 3 goes to rock 2" made the
   excavator wait for the check: a clause opened by "meanwhile" right after a semicolon starts with the clause
   before it, and that was the keep-out, which "after which" had put after the check. A keep-out tied by "after
   which" to the step just said belongs to that step; what goes on meanwhile starts with the step, as it does after
   a full stop (". Meanwhile, ...") or after "after which it goes on to rock 1; meanwhile ...".
3. "..., while two trucks are waiting at soil 2" made no move: "is / are waiting at" says where a robot stands
   (test_rules_mends45), but an unnamed group said for the first time ("two trucks", "a truck") is no robot the
   planner knows to stand anywhere: the allocator picks it later, so the words send it there to wait. A named robot
   "is waiting at" a place is still there, with no move.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: "as soon as a truck has been loaded, it ..." after "loads truck 2 first and then truck 3" -------------

_EACH_DUMPS = (task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
               task("l2", LOAD, [E2], [], deps=["d"]), task("l3", LOAD, [E2], [], deps=["l2"]),
               task("g2", T, [D2], ["puddle1"], deps=["l2"]), task("u2", DUMP, [D2], [], deps=["g2"]),
               task("g3", T, [D3], ["puddle1"], deps=["l3"]), task("u3", DUMP, [D3], [], deps=["g3"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1 and loads truck 2 first and then truck 3, and as soon as a truck has been loaded it "
    "drives to puddle 1 and dumps there.",
    "Excavator 2 digs at soil 1 and loads truck 2 first, then truck 3. As soon as a truck has been loaded, it drives "
    "to puddle 1 and dumps there.",
    "Excavator 2 digs at soil 1 and loads truck 2 first and after that truck 3; once a truck is loaded, it drives to "
    "puddle 1 and dumps there.",
])
def test_a_truck_loaded_after_a_loading_in_turn_with_first_is_each_of_them(fleet, world, text):
    assert_plan(text, fleet, world, *_EACH_DUMPS)


def test_each_truck_loaded_first_and_then_returns_after_its_own_loading(fleet, world):
    assert_plan("Excavator 1 loads truck 3 first, and then truck 1; when a truck is loaded it returns to start.",
                fleet, world,
                task("l3", LOAD, [E1], []), task("l1", LOAD, [E1], [], deps=["l3"]),
                task("r3", R, [D3], [], deps=["l3"]), task("r1", R, [D1], [], deps=["l1"]))


# -- finding 2: what goes on "meanwhile" after "..., after which all robots avoid X;" starts with the step ----------


@pytest.mark.parametrize("par", ["meanwhile", "in the meantime", "at the same time,", "meanwhile,"])
def test_a_parallel_clause_after_an_after_which_keep_out_starts_with_the_step(fleet, world, par):
    assert_plan(f"Truck 2 checks obstacle 1, after which all robots avoid it; {par} excavator 3 goes to rock 2 and "
                "digs.", fleet, world,
                task("t", T, [D2], ["obstacle1"]), task("k", AVA, [], ["obstacle1"], deps=["t"]),
                task("m", T, [E3], ["rock2"]), task("d", DIG, [E3], [], deps=["m"]))


def test_an_unnamed_group_meanwhile_after_an_after_which_keep_out(fleet, world):
    assert_plan("Truck 3 goes to rock 1 for inspection, after which every robot keeps away from rock 1; in the "
                "meantime two excavators go to soil 1 and dig, and trucks 1 and 2 drive to soil 2.", fleet, world,
                task("t", T, [D3], ["rock1"]), task("k", AVA, [], ["rock1"], deps=["t"]),
                task("m", T, [], ["soil1"], types=[("excavator", 2)]),
                task("d", DIG, [], [], deps=["m"], types=[("excavator", 2)]),
                task("s", T, [D1, D2], ["soil2"]))


def test_a_parallel_clause_after_a_timed_keep_out_still_shares_its_anchor(fleet, world):
    assert_plan("Once truck 1 has checked puddle 1, all robots avoid it; at the same time, excavator 2 returns to "
                "start.", fleet, world,
                task("t", T, [D1], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["t"]),
                task("r", R, [E2], [], deps=["t"]))


# -- finding 3: an unnamed group that "is / are waiting at" a place is sent there --------------------------------------

def test_an_unnamed_group_waiting_at_a_place_while_others_work_goes_there(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and digs, while two trucks are waiting at obstacle 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("w", T, [], ["obstacle2"], types=[("dump_truck", 2)]))


def test_one_unnamed_truck_waiting_at_a_place_goes_there(fleet, world):
    assert_plan("A truck is waiting at puddle 1 while excavator 2 breaks up rock 1.", fleet, world,
                task("w", T, [], ["puddle1"], types=[("dump_truck", 1)]),
                task("m", T, [E2], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]))


def test_the_waiting_group_then_comes_over_from_there(fleet, world):
    assert_plan("Excavator 3 breaks up rock 2; meanwhile two trucks are waiting at soil 1. Once the rock is broken "
                "up, the trucks come to rock 2 and excavator 3 loads them.", fleet, world,
                task("m", T, [E3], ["rock2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("w", T, [], ["soil1"], types=[("dump_truck", 2)]),
                task("c", T, [], ["rock2"], deps=["d", "w"], types=[("dump_truck", 2)]),
                task("l", LOAD, [E3], [], deps=["c"]))


def test_a_named_robot_waiting_at_a_place_is_still_there(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and digs, while truck 2 is waiting at obstacle 2. Then truck 2 drives "
                "to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("c", T, [D2], ["soil1"], deps=["d"]))
