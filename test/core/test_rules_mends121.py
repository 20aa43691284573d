"""Mends of helper M121: known misreadings left by other helpers of round 23.

1. "When both excavators have finished digging, the dump trucks split up: one truck goes to soil 1, another truck
   goes to soil 2, ..." lost the "when": the colon ended the sentence, so the moves listed after it started at once;
   "When excavator 1 has finished digging at soil 1, the trucks split up: truck 1 goes to soil 1 ..." even merged
   truck 1's move with excavator 1's, and a heading with a move verb ("the trucks head out:") sent the whole group to
   the first place listed. A heading of a group and no work before a colon that opens clauses of the group's own
   robots now goes, and the clauses are the ones its anchor or connective governs.
2. "Three dump trucks drive to obstacle 2; when excavator 1 has dug at soil 1, one truck goes to soil 1." did not
   order the one truck's move after the three trucks' move ("one of the trucks" did): a group of every robot of a
   type leaves none over, so a later unnamed group of that type is some of it and goes on from its last step
   (rule 8), as a robot named by number already did. After "two trucks" (one truck left over) it stays unordered.
4. "Excavator 1 digs at soil 1 so that truck 2 can then drive to soil 1 and get loaded." dropped the truck's move
   (kept the loading): a "then" between the modal and the verb of a purpose hid the verb, so the purpose that moves a
   robot to its work (a step without "then", test_rules_mends116 finding 4) was a reason. A purpose that only moves
   stays a reason, with "then" too. Left: "so that truck 2 can drive to soil 1 and truck 3 can go to rock 1" keeps
   the second move and drops the first; whether a purpose of moves alone is a step the conventions do not say.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, E1, E2, LOAD, T, assert_plan, task

TRUCKS = "dump_truck"

# -- finding 1: a colon after a heading clause keeps the heading's timing for the clauses it opens ------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. When excavator 1 has finished digging at soil 1, the trucks split up: truck 1 goes "
    "to soil 1 and truck 2 goes to rock 1.",
    "Excavator 1 digs at soil 1. Once it is done, the trucks head out: truck 1 goes to soil 1 and truck 2 goes to "
    "rock 1.",
    "Excavator 1 digs at soil 1. After that, trucks 1 and 2 go their separate ways: truck 1 goes to soil 1 and truck "
    "2 goes to rock 1.",
    "Excavator 1 digs at soil 1. When excavator 1 is done, the trucks do the following: truck 1 goes to soil 1, "
    "truck 2 goes to rock 1.",
])
def test_named_robots_after_a_colon_heading_wait_for_its_anchor(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("a", T, [D1], ["soil1"], deps=["g"]), task("b", T, [D2], ["rock1"], deps=["g"]))


@pytest.mark.parametrize("head", ["the dump trucks split up", "the trucks separate", "the trucks split up as follows"])
def test_unnamed_trucks_after_a_colon_heading_wait_for_both_diggings(fleet, world, head):
    assert_plan(f"Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. When both excavators have finished "
                f"digging, {head}: one truck goes to soil 1, another truck goes to soil 2, and the remaining truck "
                f"goes to obstacle 2.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], deps=["m2"]),
                task("a", T, [], ["soil1"], deps=["g1", "g2"], types=[("dump_truck", 1)]),
                task("b", T, [], ["soil2"], deps=["g1", "g2"], types=[("dump_truck", 1)]),
                task("c", T, [], ["obstacle2"], deps=["g1", "g2"], types=[("dump_truck", 1)]))


def test_a_colon_list_without_verbs_is_still_read_as_before(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Then trucks 1 and 2 go: truck 1 to soil 1, truck 2 to rock 1.", fleet,
                world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("a", T, [D1], ["soil1"], deps=["g"]), task("b", T, [D2], ["rock1"], deps=["g"]))


# -- finding 2: an unnamed group after a group of every robot of its type goes on from that group's step ----------


@pytest.mark.parametrize("text, n", [
    ("Excavator 1 digs at soil 1. Three dump trucks drive to obstacle 2; when excavator 1 has dug at soil 1, one truck "
     "goes to soil 1.", 1),
    ("Excavator 1 digs at soil 1. All trucks drive to obstacle 2. Once the excavator is done, a truck goes to soil 1.",
     1),
    ("Excavator 1 digs at soil 1. The trucks drive to obstacle 2. Once excavator 1 is done, two trucks go to soil 1.",
     2),
])
def test_an_unnamed_group_after_the_whole_type_waits_for_its_move(fleet, world, text, n):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("w", T, [], ["obstacle2"], types=[(TRUCKS, 3)]),
                task("a", T, [], ["soil1"], deps=["g", "w"], types=[(TRUCKS, n)]))


def test_an_unnamed_group_after_part_of_the_type_stays_unordered(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Two trucks drive to obstacle 2. Once excavator 1 is done, a truck goes "
                "to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("w", T, [], ["obstacle2"], types=[(TRUCKS, 2)]),
                task("a", T, [], ["soil1"], deps=["g"], types=[(TRUCKS, 1)]))


# -- finding 4: "so that <robot> can then go to X and be loaded" is the move and the loading, as without "then" -----


@pytest.mark.parametrize("purpose", ["so that truck 2 can then drive to soil 1 and get loaded",
                                     "so that truck 2 can afterwards drive to soil 1 and be loaded",
                                     ", so that truck 2 can then go there and be loaded by it"])
def test_then_inside_a_purpose_that_moves_a_robot_to_its_work(fleet, world, purpose):
    assert_plan(f"Excavator 1 digs at soil 1 {purpose}.".replace(" ,", ","), fleet, world,
                task("a", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["a"]),
                task("m", T, [D2], ["soil1"], deps=["g"]), task("l", LOAD, [E1], [], deps=["m"]))


def test_a_purpose_that_then_only_moves_stays_a_reason(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 so that truck 2 can then come to soil 1 and wait there.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["a"]))
