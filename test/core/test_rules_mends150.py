"""Mends of helper M150 (blind batch 31 dev lines).

1. "Truck 3 is not needed for hauling, so it checks obstacle 2." was refused ("no object named to avoid in
   'hauling'"): after a phrase saying robots are not needed (lexicon ``unneeded_robot_phrases``), "for" and a
   gerund of work ("for hauling", "for digging") say what they are spared, not a place barred: no step, no keep-out.
2. "Puddle 1 is opened for everyone first. Then excavator 1 goes to rock 2. At the same time as the excavator sets
   off, truck 2 goes to obstacle 1." left truck 2's trip waiting for nothing, ahead of the lifting said first: a
   fronted "at the same time as <robots> set off" starts the clause with those robots' latest move, so it waits for
   what that move waited for (as the trailing "... at the same time as the excavator" already did).
3. "No robot enters rock 2 until it is released." was refused ("'it' does not refer to any robot"): in an "until"
   clause of a keep-out, "it" before only words saying a place is let back (lexicon ``until_place_releases``: "is
   released", "has been cleared") is the place kept out, as "until rock 2 is released" already read.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AVA, D2, D3, DIG, E1, E3, T, assert_plan, task

# -- finding 1: "not needed for hauling" spares the robot a kind of work ------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 digs at rock 2. Truck 3 is not needed for hauling, so could it check obstacle 2 instead?",
    "Excavator 3 digs at rock 2. Dump truck 3 isn't needed for the hauling, so it drives to obstacle 2.",
    "Excavator 3 digs at rock 2. Truck 3 is no longer needed for loading today, so send it to obstacle 2.",
])
def test_not_needed_for_a_gerund_spares_the_work(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E3], ["rock2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("o", T, [D3], ["obstacle2"]))


def test_not_needed_for_digging_before_a_sent_robot(fleet, world):
    assert_plan("Excavator 1 is not needed for digging, so it goes to puddle 1. Truck 2 goes to soil 2.", fleet, world,
                task("m", T, [E1], ["puddle1"]), task("t", T, [D2], ["soil2"]))


# -- finding 2: a fronted "at the same time as <robots> set off" waits for what their move waited for --------------


@pytest.mark.parametrize("text", [
    "Puddle 1 is allowed for all robots first. Then excavator 1 goes to rock 2. At the same time as the excavator "
    "sets off, dump truck 2 goes to obstacle 1.",
    "First, lift the keep-out on puddle 1 for everyone. Then excavator 1 heads to rock 2. At the same time as "
    "excavator 1 leaves, send truck 2 to obstacle 1.",
])
def test_same_time_as_a_setting_off_shares_its_waits(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", ALA, [], ["puddle1"]), task("m", T, [E1], ["rock2"], deps=["a"]),
                task("o", T, [D2], ["obstacle1"], deps=["a"]))


def test_same_time_as_a_robot_at_the_start_waits_for_nothing(fleet, world):
    assert_plan("At the same time as excavator 1 sets off, truck 2 goes to obstacle 1. Excavator 1 goes to rock 2.",
                fleet, world, task("o", T, [D2], ["obstacle1"]), task("m", T, [E1], ["rock2"]))


# -- finding 3: "until it is released" after a keep-out means the place ---------------------------------------------


@pytest.mark.parametrize("text", [
    "No robot enters rock 2 until it is released. Excavator 1 goes to soil 1. Then rock 2 is released for all robots.",
    "Nobody may go into rock 2 until it has been released. Excavator 1 goes to soil 1. After that, rock 2 is "
    "released for everyone.",
    "All robots stay out of rock 2 until it is released again. Excavator 1 heads to soil 1. Then rock 2 is released "
    "for everyone.",
])
def test_until_it_is_released_names_the_place(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AVA, [], ["rock2"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("a", ALA, [], ["rock2"], deps=["m"]))


def test_until_it_is_released_in_a_step_names_the_place(fleet, world):
    assert_plan("From the start, no robot enters rock 2 until it is released in step 2. Step 1: excavator 1 goes to "
                "soil 1. Step 2 (after step 1): rock 2 is released for all robots.", fleet, world,
                task("k", AVA, [], ["rock2"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("a", ALA, [], ["rock2"], deps=["m"]))
