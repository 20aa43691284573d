"""Round 13 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

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
    TRUCK_LOAD,
    R,
    T,
    assert_plan,
    task,
)

from dart_planner.llm.rules import rules_plan

# -- "lift the keep-out around it": the pronoun after a place word in a keep-out clause is the object -------


def test_lifting_the_keep_out_around_it_opens_the_object_just_named(fleet, world):
    assert_plan("Rock 2 has been cleared away, so lift the keep-out around it for everyone. After that, truck 1 "
                "heads to rock 2.", fleet, world,
                task("a", ALA, [], ["rock2"]), task("b", T, [D1], ["rock2"], deps=["a"]))


def test_a_keep_out_set_around_it_for_some_robots_and_lifted_later(fleet, world):
    assert_plan("Obstacle 1 is unsafe today, so put a keep-out around it for excavator 2 first. Then excavator 2 "
                "drives to soil 1. When it gets there, lift the keep-out for excavator 2.", fleet, world,
                task("a", AV, [E2], ["obstacle1"]), task("b", T, [E2], ["soil1"], deps=["a"]),
                task("c", AL, [E2], ["obstacle1"], deps=["b"]))


# -- keep-out verbs said of a place: a past state, a remark set off by commas, "it is open" ------------------


def test_a_place_closed_in_the_past_is_a_state_and_its_reopening_the_step(fleet, world):
    assert_plan("Puddle 1 was fenced off last week, and first thing today it is opened again for everybody. "
                "Truck 2 then drives to puddle 1.", fleet, world,
                task("a", ALA, [], ["puddle1"]), task("b", T, [D2], ["puddle1"], deps=["a"]))


def test_a_remark_about_an_object_between_commas_leaves_it_the_subject(fleet, world):
    assert_plan("Excavator 1 goes to soil 2. Meanwhile rock 1, which had been blocked since the storm, is "
                "reopened for all robots, and once it is open, truck 1 drives to rock 1.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", ALA, [], ["rock1"]),
                task("c", T, [D1], ["rock1"], deps=["b"]))


# -- remarks with no robot: objects said to be in a state, a thing that "is" somewhere --------------------------


def test_objects_said_to_be_both_in_a_state_are_a_remark(fleet, world):
    assert_plan("Soil 1 and soil 2 are both quite wet today. Truck 1 goes to soil 1.", fleet, world,
                task("a", T, [D1], ["soil1"]))


def test_a_thing_with_an_article_that_is_somewhere_is_a_remark_and_the_order_after_it_stands(fleet, world):
    assert_plan("A mobile crane is parked between the two puddles, so keep all robots away from puddle 1 "
                "throughout. Excavator 2 drives to soil 2.", fleet, world,
                task("a", AVA, [], ["puddle1"]), task("b", T, [E2], ["soil2"], deps=["a"]))


def test_an_order_for_people_is_still_refused_with_the_words_named(fleet, world):
    rp = rules_plan("The surveyors drive over to puddle 1 at noon. Truck 1 goes to soil 1.", fleet, world)
    assert any("the surveyors drive over to puddle 1" in e for e in rp.errors), rp.errors


# -- "starts breaking it up": a verb of starting before an event's gerund is the event's verb --------------------


def test_a_robot_that_starts_breaking_it_up_digs_where_it_stands(fleet, world):
    assert_plan("Excavator 3 is already at soil 2 and begins breaking it up at once. Truck 1 heads to soil 2.",
                fleet, world, task("a", DIG, [E3]), task("b", T, [D1], ["soil2"]))


# -- robots picked out by their place: "the excavator there", "the excavator that dug at soil 2" ------------------


_TWO_DIGGERS = ("One excavator heads to rock 2 and digs, and another excavator heads to soil 2 and digs. "
                "When the digging at rock 2 is over, truck 3 drives to rock 2")


def test_the_excavator_there_is_the_one_at_that_place_not_the_one_named_last(fleet, world):
    ex = [("excavator", 1)]
    assert_plan(_TWO_DIGGERS + ", and the excavator there loads it.", fleet, world,
                task("a", T, types=ex, objs=["rock2"]), task("b", DIG, types=ex, deps=["a"]),
                task("c", T, types=ex, objs=["soil2"]), task("d", DIG, types=ex, deps=["c"]),
                task("e", T, [D3], ["rock2"], deps=["b"]), task("f", LOAD, types=ex, deps=["b", "e"]))


def test_the_excavator_that_dug_there_loads_the_truck_that_came(fleet, world):
    ex = [("excavator", 1)]
    assert_plan(_TWO_DIGGERS + " and is loaded by the excavator that dug there.", fleet, world,
                task("a", T, types=ex, objs=["rock2"]), task("b", DIG, types=ex, deps=["a"]),
                task("c", T, types=ex, objs=["soil2"]), task("d", DIG, types=ex, deps=["c"]),
                task("e", T, [D3], ["rock2"], deps=["b"]), task("f", LOAD, types=ex, deps=["b", "e"]))


# -- "each truck ... to a different place: truck 2 to X, truck 1 to Y": the sentence once per pair --------------


def test_each_truck_to_a_different_place_with_a_colon_list_of_destinations(fleet, world):
    assert_plan("Excavator 2 goes to rock 1 and digs while trucks 1 and 2 drive to rock 1. Excavator 2 loads "
                "truck 2 first and then truck 1. Once it is full, each truck hauls the rubble to a separate "
                "spot and tips it there: truck 2 to puddle 1 and truck 1 to puddle 2.", fleet, world,
                task("a", T, [E2, D1, D2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("d", LOAD, [E2], deps=["b"]), task("e", LOAD, [E2], deps=["d"]),
                task("f", T, [D2], ["puddle1"], deps=["d"]), task("g", DUMP, [D2], deps=["f"]),
                task("h", T, [D1], ["puddle2"], deps=["e"]), task("i", DUMP, [D1], deps=["h"]))


# -- "At rock 2, excavator 3 breaks up the rock": the place said first is the clause's "the rock" ----------------


def test_a_place_said_first_is_the_object_of_the_verb_after_it_not_a_move_of_the_robot_before(fleet, world):
    assert_plan("Truck 1 drives to soil 2 and tips its load. At rock 1, excavator 2 breaks up the rock.", fleet,
                world, task("a", T, [D1], ["soil2"]), task("b", DUMP, [D1], deps=["a"]),
                task("c", T, [E2], ["rock1"]), task("d", DIG, [E2], deps=["c"]))


# -- "After loading the truck, excavator 3 ...": the loader's step, not the truck's own loading step -------------


def test_after_loading_the_truck_is_the_excavators_loading_not_the_trucks_own_step(fleet, world):
    assert_plan("Excavator 1 digs at rock 2 and truck 3 drives to rock 2. Excavator 1 loads truck 3, after which "
                "truck 3 performs its own loading step and hauls the rubble to puddle 2. After loading the truck, "
                "excavator 1 heads back to base.", fleet, world,
                task("a", T, [E1, D3], ["rock2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", TRUCK_LOAD, [D3], deps=["c"]),
                task("e", T, [D3], ["puddle2"], deps=["d"]), task("f", DUMP, [D3], deps=["e"]),
                task("g", R, [E1], deps=["c"]))


# -- "After its routine, truck 1 ... and truck 2 ...": "its" is each conjunct's robot's own ----------------------


def test_a_possessive_anchor_shared_by_conjuncts_is_each_robots_own(fleet, world):
    assert_plan("Excavator 2 digs at rock 1 while trucks 2 and 3 drive to rock 1. Excavator 2 loads both trucks "
                "at once, and each truck then performs its own loading step. After its loading step, truck 2 "
                "hauls the rubble to puddle 1 and truck 3 hauls the rubble to puddle 2, and both dump it there.",
                fleet, world,
                task("a", T, [E2, D2, D3], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]),
                task("d", TRUCK_LOAD, [D2], deps=["c"]), task("e", TRUCK_LOAD, [D3], deps=["c"]),
                task("f", T, [D2], ["puddle1"], deps=["d"]), task("g", T, [D3], ["puddle2"], deps=["e"]),
                task("h", DUMP, [D2], deps=["f"]), task("i", DUMP, [D3], deps=["g"]))


# -- "is not needed and keeps away from X": the negation is the first predicate's, not the keep-out's -------------


def test_a_negation_before_and_does_not_turn_the_keep_out_after_it_into_a_lifting(fleet, world):
    assert_plan("Excavator 1 heads to soil 2. Truck 2 is not needed today and stays clear of soil 2 all day.",
                fleet, world, task("a", T, [E1], ["soil2"]), task("b", AV, [D2], ["soil2"]))


def test_a_negated_keep_out_is_still_a_lifting(fleet, world):
    assert_plan("Excavator 1 heads to soil 2. After that, soil 1 is no longer off limits for truck 2.",
                fleet, world, task("a", T, [E1], ["soil2"]), task("b", AL, [D2], ["soil1"], deps=["a"]))
