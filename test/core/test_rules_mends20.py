"""Mends of silent misreadings found by the R16 review of this session's rules changes (helper M20): each sentence
gave a plan, no error, and the plan was wrong. Each reading is tested on the review's sentence and on variants of
our own, with guard sentences whose reading must not change.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, TA, T, assert_plan, plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a leading "once it ..." whose "it" is a robot named before keeps pointing back ------------------


def test_once_it_has_dumped_waits_for_the_truck_named_before(fleet, world):
    assert_plan("Truck 3 drives to puddle 2. Once it has dumped, truck 1 drives to puddle 2 and truck 2 drives to "
                "puddle 1.", fleet, world,
                task("a", T, [D3], ["puddle2"]), task("b", DUMP, [D3], deps=["a"]),
                task("c", T, [D1], ["puddle2"], deps=["b"]), task("d", T, [D2], ["puddle1"], deps=["b"]))


@pytest.mark.parametrize("text, first, place, movers", [
    ("Excavator 1 goes to soil 1. As soon as it arrives, truck 1 goes to soil 1 and truck 2 goes to soil 2.",
     E1, "soil1", [(D1, "soil1"), (D2, "soil2")]),
    ("Truck 1 goes to rock 1. When it gets there, excavator 1 goes to rock 1 and excavator 2 goes to rock 2.",
     D1, "rock1", [(E1, "rock1"), (E2, "rock2")]),
    ("Truck 3 goes to soil 2. Once it arrives, excavator 2 goes to soil 2, and truck 1 goes to puddle 1.",
     D3, "soil2", [(E2, "soil2"), (D1, "puddle1")]),
])
def test_once_it_arrives_waits_for_the_robot_named_before(fleet, world, text, first, place, movers):
    assert_plan(text, fleet, world, task("a", T, [first], [place]),
                *(task(f"m{n}", T, [r], [p], deps=["a"]) for n, (r, p) in enumerate(movers)))


def test_once_it_has_dug_waits_for_the_excavator_named_before(fleet, world):
    assert_plan("Excavator 2 goes to rock 2. When it has finished digging, truck 1 goes to rock 2 and truck 2 goes "
                "to rock 1.", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["rock2"], deps=["b"]), task("d", T, [D2], ["rock1"], deps=["b"]))


def test_it_condition_still_binds_each_robot_that_took_part_before(fleet, world):
    """Guard: both trucks were loaded in the sentence before, so each waits for its own loading."""
    assert_plan("Excavator 2 digs at soil 2, and trucks 1 and 3 drive there. Excavator 2 loads truck 3 first and "
                "then truck 1. Once it is loaded, truck 3 goes to puddle 2, and truck 1 goes to puddle 1.",
                fleet, world,
                task("a", T, [E2, D1, D3], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", LOAD, [E2], deps=["c"]),
                task("e", T, [D3], ["puddle2"], deps=["c"]), task("f", T, [D1], ["puddle1"], deps=["d"]))


# -- finding 2: "each truck" is every truck given the same kind of step, not only those of the latest sentence -----


def _goers(text, fleet, world, place):
    """The robots the plan sends to ``place`` (the merged loading of two excavators is a separate, older matter)."""
    return {r for st in plan(text, fleet, world).subtasks if st.skill == T and st.object_keywords == (place,)
            for r in st.robot_ids}


@pytest.mark.parametrize("text, place", [
    ("Excavator 1 loads truck 1 at soil 1. Excavator 2 loads trucks 2 and 3 at soil 2. Each truck then goes to "
     "puddle 1.", "puddle1"),
    ("Excavator 1 loads truck 1. Excavator 2 loads trucks 2 and 3. Each truck goes to puddle 1.", "puddle1"),
    ("Excavator 3 loads truck 2 at rock 2. Excavator 1 loads trucks 1 and 3 at soil 1. Each truck dumps at "
     "puddle 2.", "puddle2"),
    ("Excavator 1 loads truck 1 at soil 1. Excavator 2 loads trucks 2 and 3 at soil 2. Truck 1 goes to rock 1. "
     "Each truck then goes to puddle 1.", "puddle1"),
])
def test_each_truck_after_loadings_in_several_sentences_is_every_loaded_truck(fleet, world, text, place):
    assert _goers(text, fleet, world, place) == {D1, D2, D3}


def test_each_truck_after_loadings_dumps_each(fleet, world):
    got = plan("Excavator 3 loads truck 2 at rock 2. Excavator 1 loads trucks 1 and 3 at soil 1. Each truck dumps at "
               "puddle 2.", fleet, world)
    assert {r for st in got.subtasks if st.skill == DUMP for r in st.robot_ids} == {D1, D2, D3}


def test_each_truck_is_still_the_latest_sentences_trucks_when_the_earlier_one_only_waited(fleet, world):
    """Guard (round16): truck 1 only waited, trucks 2 and 3 were loaded: each truck is those two."""
    text = ("Trucks 1, 2 and 3 wait at obstacle 1. Excavator 2 digs at rock 1. When the digging is done, trucks 2 and "
            "3 drive to rock 1, and excavator 2 loads truck 3 first and then truck 2. Each truck tips its load at "
            "puddle 1.")
    assert _goers(text, fleet, world, "puddle1") == {D2, D3}


# -- finding 3: "after the safety talk" with no gathering said before is refused, not dropped -------------------


@pytest.mark.parametrize("text, said", [
    ("Excavator 1 goes to rock 1. After the safety talk, truck 1 goes to puddle 1.", "after the safety talk"),
    ("Excavator 1 goes to rock 1. Truck 3 goes home after the meeting.", "after the meeting"),
    ("Truck 2 goes to soil 1 right after the briefing.", "right after the briefing"),
    ("Excavator 2 digs at soil 2. After the morning huddle, truck 3 goes to soil 2.", "after the morning huddle"),
])
def test_a_gathering_nobody_had_is_refused_with_its_words(fleet, world, text, said):
    errors = rules_plan(text, fleet, world).errors
    assert any(f"no gathering was said before {said!r}" in e for e in errors), errors


def test_a_meeting_of_two_trucks_is_still_the_meeting(fleet, world):
    assert_plan("Trucks 1 and 2 meet at soil 2. After the meeting, truck 1 goes to puddle 1.", fleet, world,
                task("m", T, [D1, D2], ["soil2"]), task("g", T, [D1], ["puddle1"], deps=["m"]))


def test_a_fleet_gathering_for_a_talk_is_still_the_talk(fleet, world):
    assert_plan("The fleet gathers at soil 1 for a safety talk. After the talk, excavator 1 digs there.", fleet, world,
                task("f", TA, [], ["soil1"]), task("d", DIG, [E1], [], deps=["f"]))


# -- finding 4: "both inspections" is the pair of the latest sentence when exactly two inspected there ------------


@pytest.mark.parametrize("text, first, pair, after", [
    ("Excavator 2 inspects rock 1. Truck 1 inspects puddle 1 and truck 2 inspects puddle 2. Once both inspections "
     "are done, excavator 1 goes to soil 1.", (E2, "rock1"), [(D1, "puddle1"), (D2, "puddle2")], (E1, "soil1")),
    ("Excavator 2 inspects rock 1. Truck 1 checks puddle 1 and truck 2 checks rock 2. When both inspections are "
     "done, truck 3 goes to soil 2.", (E2, "rock1"), [(D1, "puddle1"), (D2, "rock2")], (D3, "soil2")),
    ("Truck 3 inspects obstacle 2. Excavator 1 inspects soil 1 and excavator 3 inspects rock 2. Once both "
     "inspections are done, truck 1 goes to puddle 1.", (D3, "obstacle2"), [(E1, "soil1"), (E3, "rock2")],
     (D1, "puddle1")),
])
def test_both_inspections_is_the_pair_of_the_latest_sentence(fleet, world, text, first, pair, after):
    assert_plan(text, fleet, world, task("f", T, [first[0]], [first[1]]),
                *(task(f"p{n}", T, [r], [p]) for n, (r, p) in enumerate(pair)),
                task("z", T, [after[0]], [after[1]], deps=["p0", "p1"]))


@pytest.mark.parametrize("text", [
    "Truck 3 inspects obstacle 2. Excavator 1 inspects soil 1, excavator 3 inspects rock 2 and truck 1 inspects "
    "rock 1. Once both inspections are done, truck 2 goes to puddle 1.",
    "Truck 1 inspects puddle 1. Truck 2 inspects rock 2. Excavator 1 inspects soil 1. Once both inspections are "
    "done, truck 3 goes to obstacle 1.",
])
def test_both_inspections_is_still_refused_when_the_latest_sentence_has_not_two(fleet, world, text):
    errors = rules_plan(text, fleet, world).errors
    assert any("'both inspections' is ambiguous" in e for e in errors), errors
