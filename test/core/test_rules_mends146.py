"""Mends of helper M146: misreadings found with instructions in a site lead's voice, telling the day's plan as a
story ("Here's the plan for today. Excavator 1 will head over to soil 1 and dig; we'll have truck 2 come over once
it's done ...").

1. "Truck 1 should come over to soil 2 once the digging is done so excavator 2 can load it." sent truck 1 to soil 2
   at once, with excavator 2's own move: a bare "so" (no "that") with a robot and "can" before a work verb stayed a
   plain word, so the trailing "once ..." clause ran on to the purpose and its wait was lost. Such a purpose is the
   next step, as "so that excavator 2 can load it" already was: "and then excavator 2 loads it".
2. "Truck 1 waits at obstacle 2. When excavator 2 is done, truck 1 will come over first and get loaded." lost truck 1's
   move: "first" (or "then") after "come over" cut it from the loading that gave it the loader's place, and the move
   went where the truck already stood. A move toward the work with no place goes where the robots of the sentence's
   opening anchor stand, when they stand together elsewhere.
3. "Once it has dumped, the puddle 1 keep-out comes off." was refused (truck sent into a closed puddle 1): "comes"
   was read as a move into the place. "comes off" / "come off" / "taken down" (lexicon remove_keepout verbs, said of a
   keep-out noun) lift it.
4. "We're going to start by having every robot keep away from puddle 1. Then ..." sent the whole fleet home after the
   keep-out: "going to start" was a move to the start place. "going to start (off) by" (lexicon ignore_phrases) says
   only what comes first, as "we'll start by having ..." already read.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# -- finding 1: "once ... so <robot> can <work>" keeps the wait, and the work is the next step -----------------------

_DIG_E2 = (task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 will go to soil 2 and dig. Truck 1 should come over to soil 2 once the digging is done so "
    "excavator 2 can load it.",
    "Excavator 2 will go to soil 2 and dig. We'll have truck 1 come over to soil 2 once the digging is done so "
    "excavator 2 can load it.",
    "Excavator 2 will go to soil 2 and dig. Truck 1 should come over to soil 2 after the digging is done so "
    "excavator 2 can load it.",
    "Excavator 2 digs at soil 2. Truck 1 goes to soil 2 once excavator 2 is done so excavator 2 can load it.",
    "Excavator 2 will go to soil 2 and dig. Truck 1 should come over to soil 2 once excavator 2 is done so it can "
    "be loaded.",
])
def test_a_bare_so_purpose_after_a_trailing_wait_keeps_the_wait(fleet, world, text):
    assert_plan(text, fleet, world, *_DIG_E2, task("t", T, [D1], ["soil2"], deps=["g"]),
                task("l", LOAD, [E2], [], deps=["t"]))


def test_a_site_leads_day_with_a_bare_so_purpose(fleet, world):
    assert_plan("Here's the plan for today. We're going to keep everyone away from rock 1 from the start. "
                "Excavator 2 will go to soil 2 and dig, and we'll have truck 1 come over to soil 2 once the digging "
                "is done so excavator 2 can load it. Truck 1 should then haul the load to puddle 2 and dump it "
                "there. Once that's done, we can open up rock 1 again.", fleet, world,
                task("k", AVA, [], ["rock1"]), task("m", T, [E2], ["soil2"], deps=["k"]),
                task("g", DIG, [E2], [], deps=["m"]), task("t", T, [D1], ["soil2"], deps=["k", "g"]),
                task("l", LOAD, [E2], [], deps=["t"]), task("h", T, [D1], ["puddle2"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["h"]), task("a", ALA, [], ["rock1"], deps=["d"]))


def test_a_bare_so_purpose_of_work_follows_the_move(fleet, world):
    assert_plan("Truck 2 goes to soil 1 so excavator 3 can load it.", fleet, world,
                task("t", T, [D2], ["soil1"]), task("l", LOAD, [E3], [], deps=["t"]))


def test_a_bare_so_purpose_of_passing_stays_a_reason(fleet, world):
    assert_plan("Excavator 2 digs at soil 2 so the trucks can pass.", fleet, world, *_DIG_E2)


# -- finding 2: "comes over first" after "when <robot> is done" goes to that robot's place ---------------------------

_DIG_E2_S1 = (task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1. Truck 1 waits at obstacle 2. When excavator 2 is done, truck 1 will come over first "
    "and get loaded.",
    "Excavator 2 digs at soil 1. Truck 1 waits at obstacle 2. When excavator 2 is done, truck 1 comes over first and "
    "then gets loaded.",
    "Excavator 2 digs at soil 1. Truck 1 waits at obstacle 2. When excavator 2 is done, truck 1 comes over, then gets "
    "loaded.",
    "Excavator 2 digs at soil 1. Truck 1 waits at obstacle 2. Once excavator 2 has finished, truck 1 heads over "
    "first and gets loaded.",
])
def test_coming_over_cut_from_its_loading_goes_to_the_anchor_robot(fleet, world, text):
    assert_plan(text, fleet, world, *_DIG_E2_S1, task("w", T, [D1], ["obstacle2"]),
                task("t", T, [D1], ["soil1"], deps=["g", "w"]), task("l", LOAD, [E2], [], deps=["t"]))


def test_trucks_coming_over_in_turn_after_the_digging(fleet, world):
    assert_plan("Here's the plan for today. Excavator 2 is going to head over to soil 1 and dig. While it's digging, "
                "I'd have trucks 1 and 2 line up at obstacle 2. When excavator 2 is done, truck 1 will come over "
                "first and get loaded, and then truck 2 will come over and get loaded. Both trucks should then dump "
                "at puddle 1. By the end of the day everyone is back at base.", fleet, world,
                *_DIG_E2_S1, task("w", T, [D1, D2], ["obstacle2"]),
                task("t1", T, [D1], ["soil1"], deps=["g", "w"]), task("l1", LOAD, [E2], [], deps=["t1"]),
                task("t2", T, [D2], ["soil1"], deps=["l1"]), task("l2", LOAD, [E2], [], deps=["t2"]),
                task("h", T, [D1, D2], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D2], [], deps=["h"]),
                task("r", RA, [], [], deps=["d"]))


def test_coming_over_with_the_place_said_stays_there(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Truck 1 waits at obstacle 2. When excavator 2 is done, truck 1 comes "
                "over to rock 1 first.", fleet, world, *_DIG_E2_S1, task("w", T, [D1], ["obstacle2"]),
                task("t", T, [D1], ["rock1"], deps=["g", "w"]))


# -- finding 3: "the keep-out comes off" lifts it -------------------------------------------------------------------

_KEPT_DUMP = (task("k", AVA, [], ["puddle1"]), task("m", T, [D1], ["obstacle2"], deps=["k"]),
              task("d", DUMP, [D1], [], deps=["m"]), task("a", ALA, [], ["puddle1"], deps=["d"]))


@pytest.mark.parametrize("text", [
    "Every robot keeps away from puddle 1. Truck 1 dumps at obstacle 2. Then the puddle 1 keep-out comes off.",
    "Every robot keeps away from puddle 1. Truck 1 dumps at obstacle 2. Then the keep-out on puddle 1 comes off.",
    "Every robot keeps away from puddle 1. Truck 1 dumps at obstacle 2. Then the keep-out on puddle 1 can come off.",
    "Every robot keeps away from puddle 1. Truck 1 dumps at obstacle 2. Once it has dumped, the keep-out on puddle 1 "
    "is taken down.",
])
def test_a_keep_out_that_comes_off_is_lifted(fleet, world, text):
    assert_plan(text, fleet, world, *_KEPT_DUMP)


def test_a_keep_out_coming_off_for_one_truck(fleet, world):
    assert_plan("Truck 2 avoids puddle 1. Truck 1 dumps at obstacle 2. Once it has dumped, the keep-out on puddle 1 "
                "comes off for truck 2.", fleet, world, task("k", AV, [D2], ["puddle1"]),
                task("m", T, [D1], ["obstacle2"]), task("d", DUMP, [D1], [], deps=["m"]),
                task("a", AL, [D2], ["puddle1"], deps=["d"]))


# -- finding 4: "we're going to start by having ..." is no trip to the start ----------------------------------------

@pytest.mark.parametrize("text", [
    "We're going to start by having every robot keep away from puddle 1. Then excavator 1 goes to soil 1.",
    "We are going to start off by having every robot keep away from puddle 1. Then excavator 1 goes to soil 1.",
])
def test_going_to_start_by_is_no_return(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["puddle1"]),
                task("m", T, [E1], ["soil1"], deps=["k"]))


def test_going_to_the_start_stays_a_return(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Then it is going to start.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("r", R, [D1], [], deps=["m"]))


def test_a_site_leads_day_opened_with_a_keep_out(fleet, world):
    assert_plan("Here's the plan for today. We're going to start by having every robot keep away from puddle 1. "
                "Then excavator 1 will go to soil 1 and dig. When it's done, I want a truck to come over to soil 1 "
                "and get loaded. That truck should then take the dirt to obstacle 2 and dump it. Once it has dumped, "
                "the puddle 1 keep-out comes off.", fleet, world,
                task("k", AVA, [], ["puddle1"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [], ["soil1"], deps=["g"], types=[("dump_truck", 1)]),
                task("l", LOAD, [E1], [], deps=["t"]),
                task("h", T, [], ["obstacle2"], deps=["l"], types=[("dump_truck", 1)]),
                task("d", DUMP, [], [], deps=["h"], types=[("dump_truck", 1)]),
                task("a", ALA, [], ["puddle1"], deps=["d"]))
