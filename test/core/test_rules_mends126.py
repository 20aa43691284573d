"""Mends of helper M126: misreadings found by other helpers and left (each gave a plan, no error, or a refusal where
the meaning was clear).

1. "As soon as truck 2 has dumped, the obstacle 2 keep-out is lifted, and dump truck 3 then inspects obstacle 2."
   had truck 3's check wait for truck 1's dump too: a robot with no steps yet whose "then" follows a keep-out change
   timed by other work goes on from that change (as a new subject already did), not after everything still open.
3. "Excavator 1 go home after truck 3 go soil 2 and dump there." waited for the drive alone, and gave the dump to
   excavator 1 (an unloading of its bucket into no truck): a verb after "and" in a trailing anchor that names work
   only the anchor's robot (named by number) can do, and the main clause's robot (of another type) cannot, goes on
   with the anchor. Work both could do ("truck 2 goes home after truck 1 goes to puddle 2 and dumps") is left.
6. "Everyone goes to puddle 2, and then they check it" was refused ("no place to go to for 'check'"): a check with no
   place of its own, said of the whole fleet standing together where it went last, is of that place (as "truck 1 goes
   to puddle 2 and then checks it" already was: the move is the check). "they" in the sentence right after a clause
   of the whole fleet is the fleet again, as it was in the same sentence ("Everyone goes to puddle 2. Then they
   inspect it." was refused: "'they' does not refer to any robot mentioned before").

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, RA, TA, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "<lifting>, and <robot with no steps> then ..." goes on from the lifting -----------------------------


def test_then_after_a_timed_fleet_lifting_waits_for_the_lifting_only(fleet, world):
    assert_plan("All robots stay off obstacle 2 for now. Dump truck 1 dumps at puddle 1 and dump truck 2 dumps at "
                "puddle 2. As soon as truck 2 has dumped, the obstacle 2 keep-out is lifted, and dump truck 3 then "
                "inspects obstacle 2.", fleet, world,
                task("k", AVA, [], ["obstacle2"]),
                task("m1", T, [D1], ["puddle1"], deps=["k"]), task("d1", DUMP, [D1], [], deps=["m1"]),
                task("m2", T, [D2], ["puddle2"], deps=["k"]), task("d2", DUMP, [D2], [], deps=["m2"]),
                task("a", ALA, [], ["obstacle2"], deps=["d2"]),
                task("m3", T, [D3], ["obstacle2"], deps=["a"]))


def test_then_after_a_lifting_said_in_a_when_clause(fleet, world):
    assert_plan("Everyone avoids puddle 1 at first. Truck 1 goes to soil 1 and truck 2 goes to soil 2. Once truck 2 "
                "is there, the keep-out on puddle 1 is lifted, and excavator 3 then checks puddle 1.", fleet, world,
                task("k", AVA, [], ["puddle1"]),
                task("m1", T, [D1], ["soil1"], deps=["k"]), task("m2", T, [D2], ["soil2"], deps=["k"]),
                task("a", ALA, [], ["puddle1"], deps=["m2"]),
                task("m3", T, [E3], ["puddle1"], deps=["a"]))


def test_then_after_an_ordered_lifting_for_other_robots(fleet, world):
    assert_plan("Excavators 1 and 2 keep away from rock 1 from the start. Excavator 1 digs at soil 1, and excavator 2 "
                "digs at soil 2. When excavator 2 has finished, lift the keep-out on rock 1, and excavator 3 then "
                "goes to rock 1.", fleet, world,
                task("k", AV, [E1, E2], ["rock1"]),
                task("m1", T, [E1], ["soil1"], deps=["k"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"], deps=["k"]), task("g2", DIG, [E2], [], deps=["m2"]),
                task("a", AL, [E1, E2], ["rock1"], deps=["g2"]),
                task("m3", T, [E3], ["rock1"], deps=["a"]))


def test_then_with_no_lifting_before_still_waits_for_all(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and truck 2 goes to soil 2. Truck 3 then goes to puddle 1.", fleet, world,
                task("m1", T, [D1], ["soil1"]), task("m2", T, [D2], ["soil2"]),
                task("m3", T, [D3], ["puddle1"], deps=["m1", "m2"]))


# -- finding 6: the whole fleet checking "it" where it just went ----------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("Everyone goes to puddle 2, and then they check it.", "puddle2"),
    ("Everyone goes to puddle 2, and then everyone checks it.", "puddle2"),
    ("The whole fleet drives to soil 1 and after that they examine it.", "soil1"),
    ("All robots gather at obstacle 1; then they all inspect it.", "obstacle1"),
    ("Everyone goes to puddle 2. Then they inspect it.", "puddle2"),
])
def test_the_fleet_checks_the_place_it_went_to(fleet, world, text, place):
    assert_plan(text, fleet, world, task("m", TA, [], [place]))


def test_they_in_the_next_sentence_is_the_fleet_again(fleet, world):
    assert_plan("Everyone goes to puddle 2. Then they return to start.", fleet, world,
                task("m", TA, [], ["puddle2"]), task("r", RA, [], [], deps=["m"]))


def test_a_fleet_check_after_a_robot_went_elsewhere_is_still_refused(fleet, world):
    assert rules_plan("Everyone goes to puddle 2, then truck 1 goes to soil 1, and then everyone checks it.",
                      fleet, world).errors


# -- finding 3: "<robot> goes home after <truck> goes to X and dumps there": the dump is the truck's ----------------

@pytest.mark.parametrize("text, place", [
    ("Excavator 1 go home after truck 3 go soil 2 and dump there.", "soil2"),
    ("Excavator 1 returns to base after truck 3 drives to puddle 1 and dumps there.", "puddle1"),
    ("Excavator 1 returns to base after truck 3 drives to puddle 1 and tips its load there.", "puddle1"),
    ("Excavator 1 go home when truck 3 go soil 2 and dump there.", "soil2"),
])
def test_a_dump_after_and_in_a_trucks_anchor_is_the_trucks(fleet, world, text, place):
    assert_plan(text, fleet, world,
                task("m", T, [D3], [place]), task("d", DUMP, [D3], [], deps=["m"]),
                task("r", R, [E1], [], deps=["d"]))


def test_a_digging_after_and_in_an_excavators_anchor_is_the_excavators(fleet, world):
    assert_plan("Truck 1 goes to soil 1 after excavator 2 arrives there and digs.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1], ["soil1"], deps=["g"]))
