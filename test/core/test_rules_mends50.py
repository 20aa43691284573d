"""Mends of helper M50: strong restructurings of crew lists and headings (paraphrase lines of the dev split).

1. "Could you please run two dig-and-haul crews side by side? ..." was refused ("no robot is named for ..."): a
   sentence with no robot, object or place whose verbs only say what kind of crews ("dig-and-haul crews", "digging
   teams": lexicon ``crew_plurals``) announces the crews of the sentences after it: a remark, no step.
   "In *each crew* the excavator digs ..." after crews are defined was read as the crew named last doing it all
   (the other crew's work silently dropped): a quantified group (lexicon ``group_quantifiers``) is refused.
2. "Two digging crews:\n- soil 1: two excavators drive there and dig\n- soil 2: ..." was refused: the heading's verb
   ("digging") took the first item's place label ("soil 1:") as its list of places, so the label was lost ("no robot
   is named for ...") and "there" had nowhere to point ("no place to go to for 'drive'"). Places that end in a colon
   of their own label the item after them.
3. "Excavator 3 and truck 2 have a job at soil 1, but first the whole fleet does a drill: ..." sent them to soil 1 at
   once, and the drill's "the whole fleet" took soil 1 as its place: robots that hold a job at a place (lexicon
   ``job_holding_verbs``, ``held_job_nouns``) state a goal, no move; a plan that never brings anyone there is refused.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E3, RA, TA, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a sentence announcing crews by their work is a remark ------------------------------------------------

@pytest.mark.parametrize("opening", [
    "Could you please run two dig-and-haul crews side by side?",
    "Let us have two digging teams working in parallel.",
    "Please set up two dig and haul squads today.",
])
def test_a_sentence_announcing_crews_by_their_work_is_no_step(fleet, world, opening):
    assert_plan(f"{opening} Excavator 3 goes to soil 2 and digs. Truck 3 goes to rock 2.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("t", T, [D3], ["rock2"]))


def test_crews_with_no_robots_after_stay_refused(fleet, world):
    assert rules_plan("Could you please run two dig-and-haul crews side by side?", fleet, world).errors


def test_a_work_verb_outside_the_crew_noun_is_still_an_order(fleet, world):
    errors = rules_plan("Two crews dig at soil 1. Excavator 1 goes to rock 1.", fleet, world).errors
    assert any("no robot is named" in e for e in errors)


@pytest.mark.parametrize("text, words", [
    ("Crew one is excavator 1 with dump truck 1; crew two is excavator 2 with dump truck 2. "
     "In each crew the excavator digs at soil 1.", "each crew"),
    ("Team A is excavator 1 plus truck 1, team B is excavator 2 plus truck 2. "
     "For every team, the truck goes to rock 1.", "every team"),
])
def test_each_defined_crew_in_turn_is_refused_naming_the_words(fleet, world, text, words):
    errors = rules_plan(text, fleet, world).errors
    assert any(repr(words) in e for e in errors), errors


def test_a_crew_named_after_its_definition_still_works(fleet, world):
    assert_plan("Crew one is excavator 1 with truck 1. Crew one goes to soil 1.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]))


# -- finding 2: a place label under a heading with a verb labels its item ---------------------------------------------

@pytest.mark.parametrize("heading", ["Two digging crews:", "Digging duties:", "Digging teams today:"])
def test_place_labels_under_a_heading_with_a_verb_label_their_items(fleet, world, heading):
    assert_plan(f"{heading}\n- soil 2: excavator 3 heads there and digs\n- soil 1: excavator 1 heads there and digs",
                fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("n", T, [E1], ["soil1"]), task("e", DIG, [E1], [], deps=["n"]))


def test_place_labels_of_hauling_teams(fleet, world):
    assert_plan("Two hauling teams:\n- rock 1: truck 1 goes there and dumps\n- rock 2: truck 2 goes there and dumps",
                fleet, world,
                task("m", T, [D1], ["rock1"]), task("d", DUMP, [D1], [], deps=["m"]),
                task("n", T, [D2], ["rock2"]), task("e", DUMP, [D2], [], deps=["n"]))


def test_a_heading_verb_still_takes_a_list_of_places(fleet, world):
    assert_plan("Keep out first: obstacle 1 and obstacle 2, for all robots. Truck 1 goes to rock 1.", fleet, world,
                task("k", "avoid_areas_for_all_robots", [], ["obstacle1", "obstacle2"]),
                task("m", T, [D1], ["rock1"], deps=["k"]))


# -- finding 3: robots that have a job at a place are not sent there yet -----------------------------------------------

@pytest.mark.parametrize("opening", [
    "Excavator 3 and truck 2 have a job at soil 1, but first",
    "Excavator 3 and truck 2 have a job at soil 1. But first",
    "Excavator 3 and truck 2 have some work at soil 1, but first",
])
def test_a_job_held_at_a_place_waits_for_what_comes_first(fleet, world, opening):
    assert_plan(f"{opening} the whole fleet does a drill: all robots to rock 1, after that all robots home. "
                "Then excavator 3 and truck 2 go to soil 1.", fleet, world,
                task("a", TA, [], ["rock1"]), task("h", RA, [], [], deps=["a"]),
                task("m", T, [E3, D2], ["soil1"], deps=["h"]))


def test_a_job_held_ahead_spelled_out_later(fleet, world):
    assert_plan("Truck 1 has a task at rock 2. Before that, truck 1 goes to obstacle 1. Then truck 1 goes to rock 2 "
                "and dumps.", fleet, world,
                task("o", T, [D1], ["obstacle1"]), task("m", T, [D1], ["rock2"], deps=["o"]),
                task("d", DUMP, [D1], [], deps=["m"]))


def test_a_job_held_that_no_step_carries_out_is_refused(fleet, world):
    errors = rules_plan("Excavator 2 has some work at soil 2. Truck 3 goes to rock 1.", fleet, world).errors
    assert any("soil 2" in e for e in errors), errors
