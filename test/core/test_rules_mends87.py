"""Mends of helper M87: silent misreadings earlier helpers found and left (each gave a plan, no error, and the plan
was wrong).

1. "... loads dump truck 1 and then dump truck 2, which both drive to soil 1": "which" was the robot named last
   only, so truck 1's move was dropped. "which" with "both" (or "all") after it is the robots named last, as many
   as that word counts.
2. "... loads dump trucks 1 and 2, which have both driven to soil 1, truck 2 first": the order after the
   which-clause was lost and one loading served both trucks. The order said after a relative clause on the loaded
   trucks orders their loadings when that clause moves them. Left: after one of where they stand ("which are
   waiting at soil 1, truck 2 first", "which are already there, ...") one loading still serves both: spelled out
   per truck, the state clause drops a loading, as "loads truck 2 first and then truck 1, which is already there"
   already did before this mend.
3. "Trucks 1 and 2, wait at obstacle 1 until excavator 3 is done, then go to soil 1 and get loaded, truck 2 first":
   one loading for both trucks. A clause with no subject of its own ("then go to soil 1 and get loaded") goes on
   with the subject of the clause before it, past an anchor ("until ...") said in between. Left: with a move that
   names no place ("then come over and get loaded, truck 2 first") the one loading stays, since spelled out per
   truck the move read the place named last and was lost (as it still is after "then they come over ...").
4. "The excavators avoid rock 1 and rock 2 until dump truck 1 has checked both rocks": the lifting waited for the
   rock 1 check only; it waits for the check of each rock.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, DIG, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "which both" is the robots named last ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1 and loads dump truck 1 and then dump truck 2, which both drive to soil 1.",
    "Excavator 2 digs at soil 1 and loads truck 1 and then truck 2, which have both driven to soil 1.",
    "Excavator 2 digs at soil 1 and loads truck 1 and then truck 2, which both go to soil 1.",
])
def test_which_both_is_both_trucks_loaded(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, D1, D2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["l1"]))


def test_which_alone_is_still_the_last_robot(fleet, world):
    assert_plan("Excavator 2 digs at soil 1 and loads truck 1 and then truck 2, which drives to soil 1.", fleet, world,
                task("m", T, [E2, D2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["l1"]))


# -- finding 2: an order after a which-clause orders the loadings -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 goes to soil 1. It digs there and then loads dump trucks 1 and 2, which have both driven to soil 1, "
    "truck 2 first.",
    "Excavator 2 digs at soil 1 and loads trucks 1 and 2, which drive to soil 1, truck 2 first.",
])
def test_order_after_a_moving_which_clause(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, D1, D2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l2", LOAD, [E2], [], deps=["d"]), task("l1", LOAD, [E2], [], deps=["l2"]))


# -- finding 3: a subjectless clause goes on with the subject before the anchor -----------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 digs at soil 1. Trucks 1 and 2, wait at obstacle 1 until excavator 3 is done, then go to soil 1 and "
    "get loaded, truck 2 first.",
    "Excavator 3 digs at soil 1. Trucks 1 and 2 wait at obstacle 1 until excavator 3 is done, then go to soil 1 and "
    "get loaded, truck 2 first.",
])
def test_subjectless_clause_after_an_anchor_orders_the_loadings(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("w", T, [D1, D2], ["obstacle1"]), task("c", T, [D1, D2], ["soil1"], deps=["d", "w"]),
                task("l2", LOAD, [E3], [], deps=["c"]), task("l1", LOAD, [E3], [], deps=["l2"]))


def test_subjectless_clause_after_a_move_orders_the_loadings(fleet, world):
    assert_plan("Excavator 3 digs at soil 1. Trucks 1 and 2 go to obstacle 1, then drive to soil 1 and get loaded, "
                "truck 2 first.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("w", T, [D1, D2], ["obstacle1"]), task("c", T, [D1, D2], ["soil1"], deps=["w"]),
                task("l2", LOAD, [E3], [], deps=["d", "c"]), task("l1", LOAD, [E3], [], deps=["l2"]))


# -- finding 4: "until <robot> has checked both rocks" waits for each check ------------------------------------------


@pytest.mark.parametrize("text", [
    "The excavators avoid rock 1 and rock 2 until dump truck 1 has checked both rocks. Dump truck 1 goes to rock 1 "
    "and then to rock 2. Then excavator 1 digs at rock 1.",
    "Excavator 1 avoids rock 1 and rock 2 until dump truck 1 has checked both rocks. Dump truck 1 goes to rock 1 "
    "and then to rock 2. Then excavator 1 digs at rock 1.",
    "Excavator 1 avoids rock 1 and rock 2 until dump truck 1 has inspected the rocks. Dump truck 1 goes to rock 1 "
    "and then to rock 2. Then excavator 1 digs at rock 1.",
])
def test_lifting_waits_for_both_checks(fleet, world, text):
    whom = [E1] if text.startswith("Excavator 1") else []
    types = [] if whom else [("excavator", 3)]
    assert_plan(text, fleet, world,
                task("k", AV, whom, ["rock1", "rock2"], types=types),
                task("c1", T, [D1], ["rock1"]), task("c2", T, [D1], ["rock2"], deps=["c1"]),
                task("a", AL, whom, ["rock1", "rock2"], deps=["c2"], types=types),
                task("m", T, [E1], ["rock1"], deps=["k", "a"]), task("d", DIG, [E1], [], deps=["m"]))
