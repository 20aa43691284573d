"""Mends of more silent misreadings found on main (helper M18): each sentence gave a plan, no error, and the plan
was wrong. Each reading is tested on the sentence found and on variants (other robots, places, tenses, word orders),
with guard sentences whose reading must not change.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, plan, task

# -- finding 1: a relative clause that hauls the load comes after the loading ---------------------------------------

@pytest.mark.parametrize("text, exc, trucks, site, dest", [
    ("Excavator 1 digs at soil 1 and loads truck 1, which goes to puddle 2 and dumps.", E1, [D1], "soil1", "puddle2"),
    ("Excavator 2 digs rock 2 and loads truck 3, which hauls it to puddle 1.", E2, [D3], "rock2", "puddle1"),
    ("Excavator 1 digs at soil 1 and loads truck 1, which goes to puddle 2, and then dumps.", E1, [D1], "soil1",
     "puddle2"),
    ("Excavator 3 digs at soil 2 and loads trucks 1 and 2, which go to obstacle 1 and tip.", E3, [D1, D2], "soil2",
     "obstacle1"),
    ("Excavator 1 dug at soil 1 and loaded truck 2, which drove to puddle 1 and dumped.", E1, [D2], "soil1", "puddle1"),
])
def test_a_relative_clause_that_hauls_comes_after_the_loading(fleet, world, text, exc, trucks, site, dest):
    assert_plan(text, fleet, world,
                task("m", T, [exc], [site]), task("d", DIG, [exc], [], deps=["m"]),
                task("l", LOAD, [exc], [], deps=["d"]), task("h", T, trucks, [dest], deps=["l"]),
                task("u", DUMP, trucks, [], deps=["h"]))


def test_a_relative_clause_that_brings_the_truck_still_comes_before_the_loading(fleet, world):
    # guard: "which arrives after checking puddle 1" says how the truck gets to the loading
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1, which arrives after checking puddle 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("c", T, [D1], ["puddle1"]), task("a", T, [D1], ["soil1"], deps=["c"]),
                task("l", LOAD, [E1], [], deps=["d", "a"]))


# -- finding 2: a haul with no robot named is the loaded truck's, not the loader's --------------------------------

@pytest.mark.parametrize("text, exc, trucks, site, dest", [
    ("Excavator 1 digs at soil 1 and loads truck 1. The soil has to be hauled to puddle 2.", E1, [D1], "soil1",
     "puddle2"),
    ("Excavator 1 digs at soil 1 and loads truck 1. The soil is hauled to puddle 2.", E1, [D1], "soil1", "puddle2"),
    ("Excavator 3 digs at soil 2 and loads trucks 1 and 2. The earth must be taken to puddle 1.", E3, [D1, D2],
     "soil2", "puddle1"),
    ("Excavator 1 dug at soil 1 and loaded truck 2; the soil was hauled to puddle 1.", E1, [D2], "soil1", "puddle1"),
])
def test_a_haul_with_no_robot_is_the_loaded_trucks(fleet, world, text, exc, trucks, site, dest):
    assert_plan(text, fleet, world,
                task("m", T, [exc], [site]), task("d", DIG, [exc], [], deps=["m"]),
                task("l", LOAD, [exc], [], deps=["d"]), task("h", T, trucks, [dest], deps=["l"]),
                task("u", DUMP, trucks, [], deps=["h"]))


def test_a_haul_after_a_loading_already_made_is_the_loaded_trucks(fleet, world):
    # the loading at rock 1 brings both robots there first (M24 #2; the place was dropped before)
    assert_plan("Excavator 2 loads truck 3 at rock 1. Then the rubble gets carried to obstacle 2.", fleet, world,
                task("m", T, [E2, D3], ["rock1"]), task("l", LOAD, [E2], deps=["m"]),
                task("h", T, [D3], ["obstacle2"], deps=["l"]),
                task("u", DUMP, [D3], deps=["h"]))


def test_a_move_of_the_excavator_after_its_loading_stays_the_excavators(fleet, world):
    # guard: no haul, the excavator named: it is the one that moves
    got = plan("Excavator 1 digs at soil 1 and loads truck 1. Then it goes to puddle 2.", fleet, world)
    assert [s.robot_ids for s in got if s.object_keywords == ("puddle2",)] == [(E1,)]


# -- finding 3: "X too, but not to <place>" in a sentence of its own is a keep-out of the repeated move ---------------

@pytest.mark.parametrize("text, first, more, place, out", [
    ("Truck 1 goes to soil 1. Excavator 2 too, but not to puddle 2.", [D1], [E2], "soil1", "puddle2"),
    ("Truck 1 goes to soil 1. Excavator 2 as well, but never near puddle 2.", [D1], [E2], "soil1", "puddle2"),
    ("Excavator 3 drove to rock 1. Truck 2 also, but not through obstacle 1.", [E3], [D2], "rock1", "obstacle1"),
])
def test_a_repeat_sentence_with_but_not_keeps_its_robot_out(fleet, world, text, first, more, place, out):
    # the full stop closes the first order: the keep-out is the repeat sentence's own robots'
    assert_plan(text, fleet, world, task("m", T, first + more, [place]), task("k", AV, more, [out], deps=["m"]))


def test_a_repeat_sentence_without_a_keep_out_is_unchanged(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Excavator 2 too.", fleet, world, task("m", T, [D1, E2], ["soil1"]))


def test_a_sentence_with_its_own_verb_after_a_move_still_goes_there(fleet, world):
    # guard: "but not" needs a repeat ("too") to be read as a keep-out of the move before the full stop
    got = plan("Truck 1 goes to soil 1. Excavator 2 goes to rock 1 too, but not to puddle 2.", fleet, world)
    assert not [s for s in got if s.object_keywords == ("puddle2",) and s.skill == T]


# -- finding 4: "waits until it is done, then ..." is read as "waits for it, then ..." ------------------------------

@pytest.mark.parametrize("text, exc, truck, site", [
    ("Excavator 1 digs soil 1. Truck 2 waits until it is done, then goes to soil 1.", E1, D2, "soil1"),
    ("Excavator 1 digs soil 1. Truck 2 waits until the digging is over, then goes to soil 1.", E1, D2, "soil1"),
    ("Excavator 1 digs soil 1. Truck 2 waits till excavator 1 is finished, then goes to soil 1.", E1, D2, "soil1"),
    ("Excavator 3 digs at rock 2. Truck 1 waited until it was done and then drove to rock 2.", E3, D1, "rock2"),
    ("Excavator 2 digs at soil 2. Truck 3 waits for it, then goes to soil 2.", E2, D3, "soil2"),
])
def test_waiting_until_it_is_done_waits_for_the_robot_before(fleet, world, text, exc, truck, site):
    assert_plan(text, fleet, world, task("m", T, [exc], [site]), task("d", DIG, [exc], deps=["m"]),
                task("t", T, [truck], [site], deps=["d"]))


def test_waits_until_comes_from_the_lexicon(fleet, world):
    from test_rules_mends13 import _lexicon

    from dart_planner.llm.rules import rules_plan

    text = "Excavator 1 digs soil 1. Truck 2 waits until it is done, then goes to soil 1."
    narrowed = _lexicon(wait_for_connectives=["wait for", "waits for", "waiting for", "waited for"])
    got = rules_plan(text, fleet, world, narrowed).graph
    assert [s.robot_ids for s in got if s.skill == T] != [(E1,), (D2,)]


# -- findings 5 and 6: waiting for a robot at a place is a move there first ---------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs soil 1. Truck 2 waits for it at obstacle 1.",
    "Excavator 1 digs soil 1 and truck 2 waits for it at obstacle 1.",
    "Excavator 1 digs soil 1 and truck 2 waits for it at obstacle 1",
    "Excavator 1 digs soil 1. Truck 2 waits for excavator 1 near obstacle 1.",
])
def test_waiting_at_a_place_moves_there(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("w", T, [D2], ["obstacle1"]))


@pytest.mark.parametrize("text, exc, truck, site, wait_at", [
    ("Excavator 1 digs soil 1. Truck 2 waits for it at obstacle 1, then goes to soil 1.", E1, D2, "soil1",
     "obstacle1"),
    ("Excavator 3 digs at rock 2, and truck 1 waits for it by puddle 2, then drives to rock 2.", E3, D1, "rock2",
     "puddle2"),
])
def test_waiting_at_a_place_then_going_on_waits_there(fleet, world, text, exc, truck, site, wait_at):
    assert_plan(text, fleet, world, task("m", T, [exc], [site]), task("d", DIG, [exc], deps=["m"]),
                task("w", T, [truck], [wait_at]), task("t", T, [truck], [site], deps=["d", "w"]))


def test_waiting_for_a_deed_at_its_place_is_unchanged(fleet, world):
    # guard: "the digging at soil 1" is where the digging is, not where the truck waits
    assert_plan("Excavator 1 digs soil 1. Truck 2 waits for the digging at soil 1, then goes to soil 1.", fleet,
                world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("t", T, [D2], ["soil1"], deps=["d"]))


# -- finding 7: "but <robot of the group> goes first": that robot's step, then the others' ---------------------------

@pytest.mark.parametrize("text, first, rest, place", [
    ("All trucks go to rock 1, but truck 3 goes first.", [D3], [D1, D2], "rock1"),
    ("All the excavators drive to soil 2 but excavator 1 goes first.", [E1], [E2, E3], "soil2"),
    ("All trucks went to rock 1, but trucks 1 and 2 went first.", [D1, D2], [D3], "rock1"),
])
def test_a_robot_of_the_group_that_goes_first_goes_once_before_the_rest(fleet, world, text, first, rest, place):
    assert_plan(text, fleet, world, task("a", T, first, [place]), task("b", T, rest, [place], deps=["a"]))


def test_but_with_a_place_of_its_own_still_leaves_the_robot_out(fleet, world):
    # guard: the reading of "but truck 3 goes to soil 2" (butexcept) is unchanged
    assert_plan("All trucks go to rock 1, but truck 3 goes to soil 2.", fleet, world,
                task("a", T, [D1, D2], ["rock1"]), task("b", T, [D3], ["soil2"]))


# -- finding 8: "waits ... since <robot> has <done>" is a condition, not a remark --------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 dumps at puddle 1. Truck 2 waits at obstacle 1 since truck 1 has dumped.",
    "Truck 1 dumps at puddle 1. Truck 2 is waiting at obstacle 1 since truck 1 has dumped.",
    "Truck 1 dumps at puddle 1. Truck 2 waits at obstacle 1 once truck 1 has dumped.",
])
def test_a_wait_since_a_robots_deed_waits_for_it(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("u", DUMP, [D1], deps=["m"]),
                task("w", T, [D2], ["obstacle1"], deps=["u"]))


def test_a_wait_since_a_deed_said_alone_makes_the_deed(fleet, world):
    assert_plan("Truck 2 waits at obstacle 1 since truck 1 has dumped.", fleet, world,
                task("u", DUMP, [D1]), task("w", T, [D2], ["obstacle1"], deps=["u"]))


@pytest.mark.parametrize("text", [
    "Truck 1 dumps at puddle 1. Truck 2 goes to obstacle 1 since truck 1 has dumped.",
    "Truck 1 dumps at puddle 1. Truck 2 waits at obstacle 1 because truck 1 has dumped.",
])
def test_other_reasons_stay_remarks(fleet, world, text):
    # guards: not a verb of waiting, or not "since": the reason is a remark, as before
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("u", DUMP, [D1], deps=["m"]),
                task("w", T, [D2], ["obstacle1"]))


def test_a_wait_since_a_reason_with_no_robot_stays_a_remark(fleet, world):
    assert_plan("Truck 2 waits at obstacle 1 since the slope there is being checked.", fleet, world,
                task("w", T, [D2], ["obstacle1"]))
