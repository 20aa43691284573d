"""Mends of helper M91: misreadings earlier helpers found and left (each gave a wrong plan or a refusal).

1. "Thereafter rock 1 is designated a restricted area for all units." was a move of the whole fleet to rock 1, and
   "rock 1 is now a restricted zone" dropped the keep-out: after "a", the one word "restricted" was read as a noun.
   The place named as "a restricted area / zone", "a prohibited area", "exclusion zones" (lexicon keep-out verbs) is a
   keep-out, as "a no-go zone" was.
2. "Dump trucks 1 and 2 wait at soil 2 already." sent the trucks to soil 2: a trailing "already" after the bare
   verbs of standing ("wait", "sit", "stand", with no -s/-ing) says where they stand, as after "waits".
3. "Both there, truck 2 goes to rock 1." started truck 2 at once: a sentence that opens with robots and their state
   (lexicon ``absolute_join_states``: "there", "done", "in place", "arrived") and a comma waits for them, as
   "When both are there," does.
4. "To keep the survey area clear, no robot may go near puddle 2 for now." was refused (no place to avoid in
   "keep"): "keep ... clear" with no place or robot before the particle and nothing after it is the purpose's
   verb, no split keep-out ("keep puddle 1 clear" stays one).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "<place> is designated a restricted area" is a keep-out ------------------------------------------


def test_designated_restricted_area_after_a_step_is_a_fleet_keep_out(fleet, world):
    assert_plan("Dump truck 3 shall inspect rock 1. Thereafter rock 1 is designated a restricted area for all units. "
                "Excavator 1 shall subsequently proceed to soil 2.", fleet, world,
                task("m", T, [D3], ["rock1"]), task("k", AVA, [], ["rock1"], deps=["m"]),
                task("e", T, [E1], ["soil2"], deps=["k"]))


@pytest.mark.parametrize("text", [
    "Rock 1 is now a restricted zone. Excavator 1 goes to soil 2.",
    "Rock 1 is marked as a restricted area. Excavator 1 goes to soil 2.",
    "Rock 1 is designated a prohibited area for all units. Excavator 1 goes to soil 2.",
])
def test_restricted_area_is_a_keep_out_for_everyone(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["rock1"]), task("e", T, [E1], ["soil2"], deps=["k"]))


def test_restricted_area_for_some_robots(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Afterwards soil 1 becomes a restricted area for truck 1.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("k", AV, [D1], ["soil1"], deps=["d"]))


def test_no_longer_a_restricted_area_is_a_lifting(fleet, world):
    assert_plan("Truck 2 keeps out of rock 2. Later rock 2 is no longer a restricted area for truck 2.", fleet, world,
                task("k", AV, [D2], ["rock2"]), task("a", AL, [D2], ["rock2"], deps=["k"]))


# -- finding 2: "wait at <place> already" says where the robots stand -------------------------------------------


def test_trucks_that_wait_somewhere_already_are_not_sent_there(fleet, world):
    assert_plan("Dump trucks 1 and 2 wait at soil 2 already. Excavator 2 digs at soil 2 right where it stands and "
                "then loads them.", fleet, world,
                task("d", DIG, [E2]), task("l", LOAD, [E2], deps=["d"]))


def test_which_wait_somewhere_already(fleet, world):
    assert_plan("Excavator 2 digs at soil 2 right where it stands and then loads dump trucks 1 and 2 in turn, which "
                "wait at soil 2 already.", fleet, world,
                task("d", DIG, [E2]), task("l1", LOAD, [E2], deps=["d"]), task("l2", LOAD, [E2], deps=["l1"]))


def test_truck_that_sits_somewhere_already(fleet, world):
    assert_plan("Truck 3 and truck 1 sit at soil 1 already. Excavator 1 digs at soil 1 and loads truck 3.",
                fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]))


# -- finding 3: "Both there, ..." waits for both -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 to soil 1, excavator 3 to soil 2, same time. Both there, truck 2 goes to rock 1.",
    "Excavator 1 goes to soil 1 and excavator 3 goes to soil 2. Both in place, truck 2 goes to rock 1.",
    "Excavator 1 goes to soil 1 and excavator 3 goes to soil 2. Both arrived, truck 2 goes to rock 1.",
    "Excavator 1 goes to soil 1 and excavator 3 goes to soil 2. Both done, truck 2 goes to rock 1.",
])
def test_both_there_waits_for_both(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [E1], ["soil1"]), task("b", T, [E3], ["soil2"]),
                task("c", T, [D2], ["rock1"], deps=["a", "b"]))


# -- finding 4: an opening "To keep X clear," is a purpose -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "To keep the survey area clear, no robot may go near puddle 2 for now. Excavator 1 goes to soil 1.",
    "To keep things clear, no robot may go near puddle 2 for now. Excavator 1 goes to soil 1.",
])
def test_keeping_something_clear_is_a_purpose(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["puddle2"]), task("e", T, [E1], ["soil1"], deps=["k"]))


def test_keeping_a_place_clear_stays_a_keep_out(fleet, world):
    assert_plan("Keep puddle 1 clear. Excavator 1 goes to soil 1.", fleet, world,
                task("k", AVA, [], ["puddle1"]), task("e", T, [E1], ["soil1"], deps=["k"]))
