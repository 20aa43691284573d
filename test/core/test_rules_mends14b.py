"""Mends of older misreadings the review of rules round 14 found (all the same at 5121fc9): an order whose
robots or words the planner cannot place is refused with its words named, never planned for the wrong robots,
and a clause it can read is read for the robots it names.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, DIG, E1, E2, T, assert_plan, task
from test_rules_mends13 import _lexicon, _problems

from dart_planner.llm.rules import load_lexicon, rules_plan


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# -- finding 1: ordinals with no robot noun after them are no robots of the sentence before ----------------------

def test_an_ordinal_list_with_no_robot_noun_is_refused_not_sent_as_the_robot_before(fleet, world):
    problems = _problems("Excavator 2 goes to rock 1. The first and the third go to soil 1.", fleet, world)
    assert any("the first" in p and "the first and the third go to soil 1" in p for p in problems), problems


def test_one_ordinal_with_no_robot_noun_is_refused(fleet, world):
    problems = _problems("Excavator 2 goes to rock 1. The first goes to soil 1.", fleet, world)
    assert any("the first goes to soil 1" in p for p in problems), problems


def test_an_ordinal_with_its_noun_left_out_after_an_ordinal_robot_is_still_read(fleet, world):
    assert_plan("The first truck goes to rock 1, the second goes to soil 1.", fleet, world,
                task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["soil1"]))


def test_the_articles_of_a_loose_ordinal_come_from_the_lexicon(fleet, world, lex):
    text = "Excavator 2 goes to rock 1. The first and the third go to soil 1."
    assert rules_plan(text, fleet, world, lex).errors
    assert not rules_plan(text, fleet, world, _lexicon(ordinal_list_articles=[])).errors


# -- finding 3: "as" between two robots' clauses runs them alongside, as "while" does ----------------------------

def test_as_between_two_robots_clauses_keeps_each_robot_to_its_own_clause(fleet, world):
    assert_plan("Truck 2 goes to rock 1 as excavator 1 digs at soil 1.", fleet, world,
                task("t", T, [D2], ["rock1"]), task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["e"]))


def test_as_with_no_robot_after_it_is_no_join(fleet, world):
    assert_plan("Truck 2 goes to rock 1 as planned.", fleet, world, task("t", T, [D2], ["rock1"]))


def test_parallel_subordinators_come_from_the_lexicon(fleet, world, lex):
    text = "Truck 2 goes to rock 1 as excavator 1 digs at soil 1."
    read = [s.robot_ids for s in rules_plan(text, fleet, world, lex).graph]
    assert read[0] == (D2,) and (E1,) in read
    # without the key "as" is only a word of reason (mends15: a reason's robot does nothing), so the reading changes
    edited = [s.robot_ids for s in rules_plan(text, fleet, world, _lexicon(parallel_subordinators=[])).graph]
    assert edited != read


# -- finding 5: a reason with its own robots and a keep-out verb after a word of need is their order -------------

def test_a_reason_after_a_move_that_asks_robots_to_keep_out_is_their_order(fleet, world):
    assert_plan("Truck 1 goes to rock 1 because the excavators should avoid puddle 1.", fleet, world,
                task("t", T, [D1], ["rock1"]), task("a", AV, [], ["puddle1"], types=[("excavator", 3)]))


def test_a_reason_naming_one_robot_keeps_that_robot_out(fleet, world):
    assert_plan("Truck 1 goes to rock 1 since excavator 2 must stay away from puddle 1.", fleet, world,
                task("t", T, [D1], ["rock1"]), task("a", AV, [E2], ["puddle1"]))


def test_the_need_words_of_a_reason_after_a_move_come_from_the_lexicon(fleet, world, lex):
    text = "Truck 1 goes to rock 1 because the excavators should avoid puddle 1."
    assert len(rules_plan(text, fleet, world, lex).graph) == 2
    assert len(rules_plan(text, fleet, world, _lexicon(reason_need_words=[])).graph) != 2


# -- finding 4: "its soil pile" with several piles and none of the clause's own is refused, not the latest one -----

def test_its_pile_after_the_robots_left_their_piles_is_refused_not_the_latest_pile(fleet, world):
    text = ("Truck 1 goes to soil 1 and truck 2 goes to soil 2. Then they go to rock 1. Then each of them drives to "
            "its soil pile.")
    problems = _problems(text, fleet, world)
    assert any("its soil pile" in p and "ambiguous" in p for p in problems), problems


def test_its_pile_named_in_the_same_clause_is_still_that_pile(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and digs at its soil pile.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


# -- finding 2: "the last truck" with several left, and robots with no verb before "and then", are refused ---------

def test_the_first_and_the_last_truck_is_refused_not_every_truck(fleet, world):
    problems = _problems("The first and the last truck go to soil 1.", fleet, world)
    assert any("left over" in p and "3 of the 3" in p for p in problems), problems


def test_the_remaining_truck_with_two_left_is_refused(fleet, world):
    problems = _problems("Truck 1 goes to soil 1. The remaining truck goes to rock 1.", fleet, world)
    assert any("left over" in p and "2 of the 3" in p for p in problems), problems


def test_the_remaining_truck_with_one_left_is_still_that_one(fleet, world):
    assert_plan("Two trucks go to soil 1 and the remaining truck goes to soil 2.", fleet, world,
                task("a", T, [], ["soil1"], types=[("dump_truck", 2)]),
                task("b", T, [], ["soil2"], types=[("dump_truck", 1)]))


def test_a_robot_with_no_verb_before_and_then_is_refused_not_dropped(fleet, world):
    problems = _problems("The first truck and then the third truck go to soil 1.", fleet, world)
    assert any("'the first truck' has no verb" in p and "and then" in p for p in problems), problems


def test_an_ordinal_with_no_noun_before_and_then_is_refused_not_dropped(fleet, world):
    problems = _problems("The first and then the third truck go to soil 1.", fleet, world)
    assert any("which robots are 'the first'" in p for p in problems), problems


def test_the_joining_words_before_then_come_from_the_lexicon(fleet, world, lex):
    text = "Truck 1 and then truck 3 go to soil 1."
    assert rules_plan(text, fleet, world, lex).errors
    assert not rules_plan(text, fleet, world, _lexicon(clause_joining_words=["but", "so", "or"])).errors


# -- finding 6: "barred from" is a keep-out, in a reason and in a sentence of its own ------------------------------

def test_a_reason_that_bars_robots_from_a_place_keeps_them_out(fleet, world):
    # the keep-out holds every truck, so truck 1's move waits for it as after "trucks 1, 2 and 3" (rule 21; mends67)
    assert_plan("Since the trucks are barred from puddle 2, truck 1 goes to rock 1.", fleet, world,
                task("a", AV, [], ["puddle2"], types=[("dump_truck", 3)]), task("t", T, [D1], ["rock1"], deps=["a"]))


def test_robots_banned_from_a_place_are_kept_out_not_sent_there(fleet, world):
    assert_plan("The trucks are banned from puddle 2.", fleet, world,
                task("a", AV, [], ["puddle2"], types=[("dump_truck", 3)]))


def test_a_past_bar_on_a_place_is_still_a_reason(fleet, world):
    assert_plan("Since puddle 2 was barred yesterday, truck 1 goes to rock 1.", fleet, world,
                task("t", T, [D1], ["rock1"]))


# -- own finding A: a word that changes the order, left unplaced, refuses (the plan read around it was wrong) -------

@pytest.mark.parametrize("text, word", [
    ("Truck 2 goes to rock 1 without excavator 1.", "without"),  # sent excavator 1 along
    ("Truck 2 goes to rock 1, or rather soil 1.", "rather"),  # sent truck 2 on to soil 1 ("rather than": mends15)
])
def test_an_unplaced_word_that_changes_the_order_is_refused(fleet, world, text, word):
    problems = _problems(text, fleet, world)
    assert any(f"{word!r} was not understood" in p for p in problems), problems


def test_unplaced_order_words_come_from_the_lexicon(fleet, world, lex):
    text = "Truck 2 goes to rock 1 without excavator 1."
    assert rules_plan(text, fleet, world, lex).errors
    assert not rules_plan(text, fleet, world, _lexicon(unplaced_order_words=[])).errors


# -- own finding B: "whereas" between two robots' clauses keeps each robot to its own clause -------------------------

def test_whereas_between_two_robots_clauses_keeps_each_robot_to_its_own_clause(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 whereas excavator 2 digs at rock 1.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["rock1"]), task("d2", DIG, [E2], [], deps=["m2"]))


# -- lead, after the merge: "its <kind>" is each robot's own last place of that kind ----------------------------
def _moves(text, fleet, world):
    rp = rules_plan(text, fleet, world, load_lexicon())
    assert not rp.errors, rp.errors
    return [(t.robot_ids, t.object_keywords) for t in rp.graph.subtasks if t.skill.startswith("target_area")]


def test_its_pile_is_the_robots_own_last_pile_not_the_latest_named(fleet, world):
    moves = _moves("Truck 1 goes to soil 2 and then to rock 1. Excavator 1 digs at soil 1. "
                   "Then truck 1 drives back to its soil pile.", fleet, world)
    assert moves[-1] == (("robot_dump_truck_01",), ("soil2",))


def test_its_pile_shared_by_robots_that_came_from_one_pile_is_that_pile(fleet, world):
    moves = _moves("Trucks 1 and 2 go to soil 2. Then both go to rock 1. Excavator 1 digs at soil 1. "
                   "Then each of them drives back to its soil pile.", fleet, world)
    assert {m for m in moves[-2:]} == {(("robot_dump_truck_01",), ("soil2",)), (("robot_dump_truck_02",), ("soil2",))}
