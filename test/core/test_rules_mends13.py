"""Mends from the review of rules round 13: an order the planner cannot read is refused with its words named,
never dropped as a remark, and a keep-out is never lost silently; the round's word lists come from the lexicon.

Every instruction here is written for these tests or taken from the review (none is in the benchmark or the
examples); the expected plans follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, DIG, E3, T, assert_plan, task

from dart_planner.llm.rules import RulesPlanner, load_lexicon, rules_plan


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _problems(text: str, fleet, world) -> list[str]:
    planner = RulesPlanner()
    rp, report = planner.read(text, fleet, world)
    return planner.problems(rp, report)


def _lexicon(**override):
    from dart_planner.core.config_reader import load_yaml
    from dart_planner.llm.rules.lexicon import default_lexicon_path, lexicon_from_dict

    raw = dict(load_yaml(str(default_lexicon_path())))
    raw.update(override)
    return lexicon_from_dict(raw)


# -- finding 9: a remark between commas that gives an order is no remark --------------------------------------

def test_an_aside_with_an_order_in_it_is_not_folded_away(fleet, world):
    problems = _problems("Truck 2 goes to rock 1. Puddle 1, which we close off now, is wet.", fleet, world)
    assert any("close off" in p for p in problems), problems


def test_an_aside_that_tells_a_past_state_is_still_a_remark(fleet, world):
    assert_plan("Truck 2 goes to rock 1. Puddle 1, which was closed off last week, is wet.", fleet, world,
                task("a", T, [D2], ["rock1"]))


# -- finding 10: a clause about a thing that asks for something is no remark ----------------------------------

def test_a_needed_fence_is_refused_not_dropped_as_a_remark(fleet, world):
    problems = _problems("A fence is needed around puddle 1. Truck 2 goes to rock 1.", fleet, world)
    assert any("a fence is needed around puddle 1" in p for p in problems), problems


def test_a_thing_that_is_only_there_is_still_a_remark(fleet, world):
    assert_plan("A crane is being set up between the obstacles. Truck 2 goes to rock 1.", fleet, world,
                task("a", T, [D2], ["rock1"]))


def test_thing_order_words_come_from_the_lexicon(fleet, world, lex):
    text = "A fence is needed around puddle 1. Truck 2 goes to rock 1."
    assert rules_plan(text, fleet, world, lex).errors
    assert not rules_plan(text, fleet, world, _lexicon(thing_order_words=[])).errors


# -- finding 11: "should have been fenced off" asks for the keep-out; only a past state is no order ----------

def test_a_keep_out_that_should_have_been_made_is_still_made(fleet, world):
    assert_plan("Soil 1 should have been fenced off already. Truck 2 goes to rock 1.", fleet, world,
                task("a", AVA, [], ["soil1"]), task("b", T, [D2], ["rock1"], deps=["a"]))


def test_a_keep_out_made_in_the_past_is_still_a_state(fleet, world):
    assert_plan("Soil 1 has been fenced off since Monday. Truck 2 goes to rock 1.", fleet, world,
                task("b", T, [D2], ["rock1"]))


def test_keepout_state_modals_come_from_the_lexicon(fleet, world, lex):
    text = "Soil 1 should have been fenced off already. Truck 2 goes to rock 1."
    assert any(s.skill == AVA for s in rules_plan(text, fleet, world, lex).graph)
    assert not any(s.skill == AVA for s in rules_plan(text, fleet, world, _lexicon(keepout_state_modals=[])).graph)


# -- finding 12: "it" after a robot spoken of since the last place may be that robot ---------------------------

def test_it_after_a_robot_is_not_taken_for_the_place_before(fleet, world):
    problems = _problems("Truck 2 goes to soil 1. Excavator 2 breaks down; keep truck 1 away from it.", fleet, world)
    assert any("no object named to avoid" in p for p in problems), problems


def test_it_after_a_place_in_a_keep_out_clause_is_still_the_place(fleet, world):
    assert_plan("Puddle 2 is wet, so keep truck 1 away from it.", fleet, world, task("a", AV, [D1], ["puddle2"]))


# -- finding 13: "At <place>," before a clause with its own robot is never the move of the robot before --------

@pytest.mark.parametrize("rock", ["the rocks", "the big rock", "the rock"])
def test_a_leading_place_is_the_object_of_its_kind_in_the_clause_after(fleet, world, rock):
    assert_plan(f"Truck 1 goes to soil 1. At rock 2, excavator 3 breaks up {rock}.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [E3], ["rock2"]), task("c", DIG, [E3], deps=["b"]))


def test_a_leading_place_the_clause_after_has_no_room_for_is_refused(fleet, world):
    problems = _problems("Truck 1 goes to soil 1. At rock 2, excavator 3 digs near puddle 1.", fleet, world)
    assert any("'at rock 2'" in p for p in problems), problems
