"""Mends from the review of rules round 14: a clause the planner drops as a remark (a reason, a move said again,
an object's remark) must hold no order, an order it cannot read is refused with its words named, and the round's
word lists come from the lexicon (each key, edited, changes the reading).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, DUMP, E1, E2, T, assert_plan, task
from test_rules_mends13 import _lexicon, _problems  # the same two helpers: a plan's problems, an edited lexicon

from dart_planner.llm.rules import load_lexicon, rules_plan


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# -- a clause of reason that asks for a keep-out is an order, not a reason ------------------------------------

def test_a_reason_that_asks_for_a_keep_out_keeps_the_keep_out(fleet, world):
    assert_plan("Because puddle 1 must be fenced off, truck 2 goes to rock 1.", fleet, world,
                task("a", AVA, [], ["puddle1"]), task("b", T, [D2], ["rock1"], deps=["a"]))


def test_a_reason_that_needs_a_robotless_deed_is_refused_not_dropped(fleet, world):
    problems = _problems("Because rock 1 must be inspected, truck 2 goes to rock 1.", fleet, world)
    assert any("because rock 1 must be inspected" in p for p in problems), problems


def test_a_reason_that_only_tells_a_past_keep_out_is_still_a_reason(fleet, world):
    assert_plan("Because puddle 1 was fenced off yesterday, truck 2 goes to rock 1.", fleet, world,
                task("b", T, [D2], ["rock1"]))


def test_a_reason_with_a_two_word_need_is_refused_not_dropped(fleet, world):
    problems = _problems("Since rock 1 has to be inspected, truck 2 goes to rock 1.", fleet, world)
    assert any("since rock 1 has to be inspected" in p for p in problems), problems


def test_reason_need_words_come_from_the_lexicon(fleet, world, lex):
    text = "Because rock 1 must be inspected, truck 2 goes to rock 1."
    assert rules_plan(text, fleet, world, lex).errors
    assert not rules_plan(text, fleet, world, _lexicon(reason_need_words=[])).errors


# -- a place anchor that names two places waits for the work at each ------------------------------------------

def test_a_place_anchor_over_two_places_waits_for_both(fleet, world):
    assert_plan("Excavator 1 digs at rock 1 and excavator 2 digs at soil 2. Once the work at rock 1 and soil 2 is "
                "done, truck 1 goes to rock 1.", fleet, world,
                task("m1", T, [E1], ["rock1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("t", T, [D1], ["rock1"], deps=["d1", "d2"]))


# -- a robot that "is moved" after a leading condition is sent, not in a state of the condition -----------------

def test_a_passive_move_after_a_condition_is_an_order_timed_by_it(fleet, world):
    assert_plan("Truck 3 goes to soil 1 and dumps. When truck 3 has dumped, excavator 2 is moved to rock 2, and "
                "truck 1 goes to soil 1.", fleet, world,
                task("m", T, [D3], ["soil1"]), task("d", DUMP, [D3], [], deps=["m"]),
                task("e", T, [E2], ["rock2"], deps=["d"]), task("t", T, [D1], ["soil1"], deps=["d"]))


# -- round 14's lexicon keys: editing each changes the reading ---------------------------------------------------

def test_reason_openers_come_from_the_lexicon(fleet, world, lex):
    text = "Because the surveyors are working near obstacle 2 today, every robot keeps away from it."
    assert not rules_plan(text, fleet, world, lex).errors
    assert rules_plan(text, fleet, world, _lexicon(reason_openers=[])).errors


def _robots_of(text: str, fleet, world, lexicon) -> list[tuple[str, ...]]:
    return [s.robot_ids for s in rules_plan(text, fleet, world, lexicon).graph]


def _deps_of_last(text: str, fleet, world, lexicon) -> set[str]:
    return set(list(rules_plan(text, fleet, world, lexicon).graph)[-1].dependencies)


def test_thing_adverb_auxiliaries_come_from_the_lexicon(fleet, world, lex):
    text = "Soil 1 has finally been drained, so truck 2 goes to soil 1."
    assert not rules_plan(text, fleet, world, lex).errors
    assert rules_plan(text, fleet, world, _lexicon(thing_adverb_auxiliaries=[])).errors


def test_the_joins_of_a_remark_with_a_time_word_come_from_the_lexicon(fleet, world, lex):
    text = "Soil 1 and soil 2 have finally dried out, so truck 2 goes to soil 1."
    assert not rules_plan(text, fleet, world, lex).errors
    assert rules_plan(text, fleet, world, _lexicon(thing_list_joins=[])).errors


def test_ordinal_list_joins_come_from_the_lexicon(fleet, world, lex):
    text = "Send the first and the third dump truck to rock 2."
    assert _robots_of(text, fleet, world, lex) == [(D1, D3)]
    assert _robots_of(text, fleet, world, _lexicon(ordinal_list_joins=[])) == [(D3,)]


def test_ordinal_list_articles_come_from_the_lexicon(fleet, world, lex):
    text = "Send the first, the second and the third truck to obstacle 2."
    assert _robots_of(text, fleet, world, lex) == [(D1, D2, D3)]
    assert _robots_of(text, fleet, world, _lexicon(ordinal_list_articles=[])) == [(D2, D3)]


def test_condition_auxiliaries_come_from_the_lexicon(fleet, world, lex):
    text = ("Truck 3 goes to soil 1 and excavator 2 goes to rock 2. When truck 3 has arrived, excavator 2 has finished "
            "at rock 2, excavator 1 goes to puddle 1.")
    assert len(_deps_of_last(text, fleet, world, lex)) == 2
    assert len(_deps_of_last(text, fleet, world, _lexicon(condition_auxiliaries=[]))) == 1


def test_condition_participle_endings_come_from_the_lexicon(fleet, world, lex):
    text = ("Truck 3 goes to soil 1 and truck 2 goes to puddle 1. When truck 3 has arrived, truck 2 has dumped at "
            "puddle 1, excavator 1 goes to puddle 2.")
    assert any(d.startswith(DUMP) for d in _deps_of_last(text, fleet, world, lex))
    assert not any(d.startswith(DUMP) for d in _deps_of_last(text, fleet, world,
                                                              _lexicon(condition_participle_endings=[])))


def test_anchor_joint_words_come_from_the_lexicon(fleet, world, lex):
    text = ("Truck 1 checks rock 1 and truck 2 checks rock 2. When both rock inspections are done, dump trucks 1 and 2 "
            "drive to soil 2.")
    assert _robots_of(text, fleet, world, lex)[-1] == (D1, D2)
    assert _robots_of(text, fleet, world, _lexicon(anchor_joint_words=[]))[-2:] == [(D1,), (D2,)]


def test_pointing_connective_words_come_from_the_lexicon(fleet, world, lex):
    text = ("Truck 1 goes to rock 1. All robots keep away from puddle 1. After that keep-out is in place, truck 2 "
            "inspects puddle 2.")
    assert _deps_of_last(text, fleet, world, lex) == {f"{AVA}_1"}
    assert _deps_of_last(text, fleet, world, _lexicon(pointing_connective_words=[])) == set()
