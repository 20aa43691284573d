"""Mends of helper M62: misreadings found with sentences written for this session in three voices (a non-native
operator, a dispatcher's step list, terse notes with semicolons and arrows).

1. "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both start now." redid the digging at soil 2 for both
   excavators (excavator 1 drove on to soil 2 and dug twice): the verbless "both start now" was read as a gapped
   repeat of the clause before. Robots with only a verb of starting (lexicon ``aspect_verbs``) and words of time
   (``start_remark_words``) say when the steps just given start: no step of their own.
2. "All robots go to obstacle 2 and wait." was refused ("no place to go to for 'wait'"), though a named robot's
   "goes to soil 1 and waits" stays put: a fleet-wide verb of staying (lexicon ``stationary``) with no place, once the
   fleet has gathered somewhere, keeps it there (no step). "Everyone waits." with no gathering before is still refused.
3. "exc 1 -> obstacle 2, inspect, after loading; finally all -> start." sent only excavator 1 home: "all" before
   "to" (the arrow is read as "to") was a plain word, so the move fell to the robot named last. Opening its clause
   (after a stop, a semicolon or a connective) it is the whole fleet; after "truck 2 and excavator 3:" it still
   floats on the robots just listed.
4. "All robot go to obstacle 2 first and wait." (non-native singular) was refused: "no robot is named". "all robot",
   "all machine", "all vehicle" (with or without "the") are now fleet words in the lexicon.
5. "trk 1 -> puddle 1, dump; everyone avoid soil 2 after." put the keep-out up from the start: the bare "after" that
   closes the sentence was an anchor with nothing to wait for. After the sentence's verb it now means "afterwards"
   (lexicon ``trailing_after_words``) and is read like it: after the step before, or after every open branch when
   a new subject opens a new sentence, as "afterwards" already was.
6. "When they finish dig, they load truck 2." (non-native) was refused ("no robot among robot_dump_truck_02 can
   dig"): the bare "dig" after "finish" was cut off as an order of its own, and fell to the truck named last. Before a
   comma it now names the finished deed, as "finish digging" does; with its object after it ("when it is finished
   load truck 2") it still opens the main clause.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, TA, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "<robots> start now" after the steps is a remark on their timing ----------------------------------

_TWO_DIGS = (task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
             task("m3", T, [E3], ["soil2"]), task("g3", DIG, [E3], deps=["m3"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both start now.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both starting now.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, they start now.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both begin together.",
])
def test_robots_that_start_now_add_no_step(fleet, world, text):
    assert_plan(text, fleet, world, *_TWO_DIGS)


def test_the_non_native_job_with_both_start_now(fleet, world):
    assert_plan("Excavator 1 dig at soil 1 and excavator 3 dig at soil 2, both start now. Truck 3 go to soil 1. "
                "When excavator 1 finish digging, it load truck 3. Then truck 3 go to soil 2 and excavator 3 load it "
                "also. After that truck 3 dump at obstacle 2.", fleet, world,
                task("m1", T, [E1, D3], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m3", T, [E3], ["soil2"]), task("g3", DIG, [E3], deps=["m3"]),
                task("l1", LOAD, [E1], deps=["g1"]), task("t2", T, [D3], ["soil2"], deps=["l1"]),
                task("l3", LOAD, [E3], deps=["g3", "t2"]), task("t3", T, [D3], ["obstacle2"], deps=["l3"]),
                task("d", DUMP, [D3], deps=["t3"]))


# -- finding 2: "all robots go to obstacle 2 and wait": the fleet stays where it gathered ---------------------------

@pytest.mark.parametrize("text", [
    "All robots go to obstacle 2 and wait.",
    "Everyone goes to obstacle 2 and waits.",
    "The whole fleet gathers at obstacle 2 and waits.",
])
def test_the_fleet_waits_where_it_gathered(fleet, world, text):
    assert_plan(text, fleet, world, task("g", TA, [], ["obstacle2"]))


def test_a_fleet_that_waits_nowhere_yet_is_still_refused(fleet, world):
    assert rules_plan("Everyone waits.", fleet, world).errors


def test_the_non_native_gathering(fleet, world):
    assert_plan("All robots go to obstacle 2 first and wait. After everybody arrive, excavator 1 go to soil 1 and "
                "dig. Truck 1 go to soil 1 too. Excavator 1 load the truck when finish digging. Then truck 1 dump "
                "at puddle 2.", fleet, world,
                task("g", TA, [], ["obstacle2"]), task("m", T, [E1, D1], ["soil1"], deps=["g"]),
                task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]),
                task("t", T, [D1], ["puddle2"], deps=["l"]), task("u", DUMP, [D1], deps=["t"]))


# -- finding 3: terse "all -> start" after a connective or a semicolon: the whole fleet ------------------------------

@pytest.mark.parametrize("text, fleet_step", [
    ("exc 1 digs rock 1; finally all -> start.", task("r", RA, [], [], deps=["g"])),
    ("exc 1 digs rock 1; all -> start.", task("r", RA, [], [], deps=["g"])),
    ("exc 1 digs rock 1; then all -> obstacle 1.", task("r", TA, [], ["obstacle1"], deps=["g"])),
    ("Excavator 1 digs at rock 1. Finally, all to base.", task("r", RA, [], [], deps=["g"])),
])
def test_all_before_an_arrow_is_the_fleet(fleet, world, text, fleet_step):
    assert_plan(text, fleet, world, task("m", T, [E1], ["rock1"]), task("g", DIG, [E1], deps=["m"]), fleet_step)


def test_the_terse_job_ending_with_all_to_start(fleet, world):
    assert_plan("trk #2 -> rock 1, exc 1 -> rock 1 at same time; exc 1 digs rock 1, loads trk #2; same truck -> "
                "puddle 2, tips; exc 1 -> obstacle 2, inspect, after loading; finally all -> start.", fleet, world,
                task("m", T, [D2, E1], ["rock1"]), task("g", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["g"]), task("t", T, [D2], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D2], deps=["t"]), task("o", T, [E1], ["obstacle2"], deps=["l"]),
                task("r", RA, [], [], deps=["u", "o"]))


def test_all_after_a_colon_floats_on_the_robots_listed(fleet, world):
    assert_plan("Truck 2 and excavator 3: all to rock 1.", fleet, world, task("m", T, [D2, E3], ["rock1"]))


# -- finding 4: a non-native "all robot" (singular) is the whole fleet ----------------------------------------------

@pytest.mark.parametrize("text", [
    "All robot go to obstacle 2.",
    "All the robot go to obstacle 2.",
    "All machine go to obstacle 2.",
])
def test_all_robot_singular_is_the_fleet(fleet, world, text):
    assert_plan(text, fleet, world, task("g", TA, [], ["obstacle2"]))


def test_the_non_native_gathering_with_all_robot(fleet, world):
    assert_plan("All robot go to obstacle 2 first and wait. After everybody arrive, excavator 1 go to soil 1 and "
                "dig. Truck 1 go to soil 1 too. Excavator 1 load the truck when finish digging. Then truck 1 dump "
                "at puddle 2.", fleet, world,
                task("g", TA, [], ["obstacle2"]), task("m", T, [E1, D1], ["soil1"], deps=["g"]),
                task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]),
                task("t", T, [D1], ["puddle2"], deps=["l"]), task("u", DUMP, [D1], deps=["t"]))


# -- finding 5: a clause that ends in a bare "after" starts after the step before it ---------------------------------

_DUMPED = (task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["m"]))


@pytest.mark.parametrize("text", [
    "trk 1 -> puddle 1, dump; everyone avoid soil 2 after.",
    "Truck 1 goes to puddle 1 and dumps. Everyone avoids soil 2 after.",
    "Truck 1 goes to puddle 1 and dumps, and all robots keep away from soil 2 after.",
])
def test_a_keep_out_said_after_is_put_up_after_the_step_before(fleet, world, text):
    assert_plan(text, fleet, world, *_DUMPED, task("k", AVA, [], ["soil2"], deps=["d"]))


def test_a_move_said_after_waits_for_the_step_before(fleet, world):
    assert_plan("Truck 1 goes to puddle 1 and dumps. Excavator 2 goes to soil 2 after.", fleet, world,
                *_DUMPED, task("e", T, [E2], ["soil2"], deps=["d"]))


def test_the_terse_job_ending_with_a_keep_out_after(fleet, world):
    assert_plan("exc 3 -> soil 2, dig; trk 1 + trk 2 -> soil 2; exc 3 loads trk 1, then trk 2; trk 1 -> puddle 1, "
                "dump; trk 2 -> puddle 2, dump; everyone avoid soil 2 after.", fleet, world,
                task("m", T, [E3, D1, D2], ["soil2"]), task("g", DIG, [E3], deps=["m"]),
                task("l1", LOAD, [E3], deps=["g"]), task("l2", LOAD, [E3], deps=["l1"]),
                task("t1", T, [D1], ["puddle1"], deps=["l1"]), task("u1", DUMP, [D1], deps=["t1"]),
                task("t2", T, [D2], ["puddle2"], deps=["l2"]), task("u2", DUMP, [D2], deps=["t2"]),
                task("k", AVA, [], ["soil2"], deps=["u1", "u2"]))


# -- finding 6: non-native "when they finish dig, they load ...": the bare verb is the finished deed -----------------

@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 go to soil 1 and dig together. Truck 2 goes to soil 1 too. When they finish dig, they load "
    "truck 2.",
    "Excavators 1 and 2 go to soil 1 and dig together. Truck 2 goes to soil 1 too. After excavators 1 and 2 finish "
    "dig, they load truck 2.",
    "Excavators 1 and 2 go to soil 1 and dig together. Truck 2 goes to soil 1 too. When they are done dig, they load "
    "truck 2.",
])
def test_a_bare_verb_after_finish_before_the_comma_is_the_finished_deed(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, E2, D2], ["soil1"]), task("g", DIG, [E1, E2], deps=["m"]),
                task("l", LOAD, [E1, E2], deps=["g"]))


@pytest.mark.parametrize("anchor", ["When it's done digging load truck 2.", "When it is finished load truck 2."])
def test_a_bare_verb_after_done_with_its_object_still_opens_the_main_clause(fleet, world, anchor):
    assert_plan(f"Excavator 1 goes to soil 1 and digs. Truck 2 goes to soil 1. {anchor}",
                fleet, world, task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["g"]))
