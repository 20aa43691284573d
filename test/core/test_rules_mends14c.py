"""Mends of silent misreadings left after mends 14b (all the same at 5121fc9): an order or a keep-out that was
dropped, sent to the wrong robot or the wrong place, now read right, or, where it cannot be read, refused with
its words named; ordinary sentences near each construction are guarded so the mend does not refuse them.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, E1, E2, E3, T, assert_plan, plan, task
from test_rules_mends13 import _lexicon, _problems

from dart_planner.llm.rules import load_lexicon, rules_plan


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# -- finding 1: "X waits for Y and goes to Z": the verb after "and" is X's next step --------------------------

def test_a_wait_for_a_robot_then_and_a_verb_is_the_waiting_robots_step(fleet, world):
    assert_plan("Truck 2 waits for excavator 1 and goes to rock 1.", fleet, world, task("t", T, [D2], ["rock1"]))


def test_the_step_after_a_wait_and_and_follows_the_awaited_robots_work(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 waits for excavator 1 and goes to rock 1.", fleet, world,
                task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["e"]),
                task("t", T, [D2], ["rock1"], deps=["d"]))


def test_a_wait_for_two_robots_to_arrive_still_names_their_move(fleet, world):
    assert_plan("Truck 1 goes to rock 1. Truck 2 waits for excavator 1 and truck 3 to arrive at soil 1.",
                fleet, world, task("a", T, [D1], ["rock1"]), task("b", T, [E1, D3], ["soil1"]))


# -- findings 5 and 6: "but not to <place>" after a move is a keep-out of its robots, never a second trip -------

def test_but_not_to_a_place_after_a_move_keeps_the_robot_out_instead_of_sending_it(fleet, world):
    assert_plan("Truck 1 goes to soil 1 but not to puddle 2.", fleet, world,
                task("t", T, [D1], ["soil1"]), task("a", AV, [D1], ["puddle2"], deps=["t"]))


def test_but_never_near_a_place_fences_that_place_not_the_destination(fleet, world):
    assert_plan("Truck 2 goes to rock 1 but never near puddle 1.", fleet, world,
                task("t", T, [D2], ["rock1"]), task("a", AV, [D2], ["puddle1"], deps=["t"]))


def test_and_not_to_a_place_after_a_move_does_not_fence_the_destination(fleet, world):
    assert_plan("Truck 1 and excavator 2 go to soil 1 and not through puddle 2.", fleet, world,
                task("t", T, [D1, E2], ["soil1"]), task("a", AV, [D1, E2], ["puddle2"], deps=["t"]))


def test_a_robot_added_with_too_still_moves_when_a_keep_out_follows(fleet, world):
    graph = plan("Truck 1 goes to soil 1, and excavator 2 too, but not to puddle 2", fleet, world)
    moves = [s for s in graph if s.skill == T]
    assert [set(s.robot_ids) for s in moves] == [{D1, E2}] and moves[0].object_keywords == ("soil1",)
    fences = [s for s in graph if s.skill == AV]
    assert fences and all(s.object_keywords == ("puddle2",) for s in fences)


def test_all_but_a_robot_still_leaves_that_robot_out(fleet, world):
    assert_plan("All trucks go to soil 1 but not truck 2.", fleet, world, task("t", T, [D1, D3], ["soil1"]))


def test_a_comma_and_not_before_a_place_is_read_as_before(fleet, world):
    assert_plan("Truck 1 goes to soil 1, not to puddle 2.", fleet, world,
                task("t", T, [D1], ["soil1"]), task("a", AV, [D1], ["puddle2"], deps=["t"]))


def test_a_negated_move_of_its_own_is_read_as_before(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Excavator 1 does not go to rock 1 but digs at soil 2.", fleet, world,
                task("t", T, [D1], ["soil1"]), task("x", AV, [E1], ["rock1"]),
                task("e", T, [E1], ["soil2"], deps=["x"]), task("d", DIG, [E1], [], deps=["e"]))


# -- finding 4: what comes after "instead of" takes no part ---------------------------------------------------

def test_a_robot_after_instead_of_is_not_sent(fleet, world):
    assert_plan("Truck 2 goes to rock 1 instead of excavator 1.", fleet, world, task("t", T, [D2], ["rock1"]))


def test_a_place_after_instead_of_is_no_second_destination(fleet, world):
    assert_plan("Truck 2 goes to rock 1 instead of soil 1.", fleet, world, task("t", T, [D2], ["rock1"]))


def test_a_list_of_robots_after_instead_of_is_left_out(fleet, world):
    assert_plan("Truck 2 goes to rock 1 instead of truck 1 and truck 3.", fleet, world,
                task("t", T, [D2], ["rock1"]))


def test_instead_of_a_robot_given_an_order_before_is_refused_with_its_words(fleet, world):
    problems = _problems("Truck 1 goes to rock 1. Truck 2 goes there instead of truck 1.", fleet, world)
    assert any("instead of truck 1" in p for p in problems), problems


def test_instead_with_no_mention_after_it_is_read_as_before(fleet, world):
    assert_plan("Truck 2 goes to rock 1 instead.", fleet, world, task("t", T, [D2], ["rock1"]))
    assert_plan("Truck 2 goes to rock 1 instead of waiting.", fleet, world, task("t", T, [D2], ["rock1"]))


def test_the_replaced_mention_leads_come_from_the_lexicon(fleet, world, lex):
    text = "Truck 2 goes to rock 1 instead of excavator 1."
    assert [s.robot_ids for s in rules_plan(text, fleet, world, lex).graph] == [(D2,)]
    edited = rules_plan(text, fleet, world, _lexicon(replaced_mention_leads=[]))
    assert [s.robot_ids for s in edited.graph] != [(D2,)] or edited.errors


# -- finding 2: "but <robots>" after a group leaves them out, as "except" does ---------------------------------

def test_but_a_robot_at_the_end_of_a_groups_clause_leaves_it_out(fleet, world):
    assert_plan("All trucks go to rock 1 but truck 3.", fleet, world, task("t", T, [D1, D2], ["rock1"]))


def test_but_a_robot_right_after_a_group_of_one_type_leaves_it_out(fleet, world):
    assert_plan("All trucks but truck 3 go to rock 1.", fleet, world, task("t", T, [D1, D2], ["rock1"]))


def test_but_a_robot_after_the_whole_fleets_move_leaves_it_out(fleet, world):
    assert_plan("Every robot goes to rock 1 but truck 3.", fleet, world,
                task("t", T, [E1, E2, E3, D1, D2], ["rock1"]))


def test_but_before_a_robot_of_no_group_is_read_as_before(fleet, world):
    assert_plan("The trucks go to rock 1, but excavator 1 stays.", fleet, world,
                task("t", T, [], ["rock1"], types=[("dump_truck", 3)]))


def test_the_except_but_words_come_from_the_lexicon(fleet, world, lex):
    text = "All trucks go to rock 1 but truck 3."
    assert [s.robot_ids for s in rules_plan(text, fleet, world, lex).graph] == [(D1, D2)]
    assert [s.robot_ids for s in rules_plan(text, fleet, world, _lexicon(except_but_words=[])).graph] != [(D1, D2)]


# -- finding 7: "unless <robot> ..." may cancel the order; a plan cannot branch, so it is refused ----------------

def test_unless_a_named_robot_is_refused_and_never_joins_the_move(fleet, world, lex):
    text = "Truck 1 goes to rock 1 unless excavator 2 is still digging there."
    problems = _problems(text, fleet, world)
    assert any("unless excavator 2 is still digging there" in p for p in problems), problems
    assert all(s.robot_ids == (D1,) for s in rules_plan(text, fleet, world, lex).graph)


def test_a_negated_leave_unless_is_no_cancelling_condition(fleet, world):
    for text in ("Truck 1 does not leave unless it has been loaded.",
                 "Truck 1 does not leave soil 2 unless excavator 1 has loaded it."):
        assert not any("cancel" in p for p in _problems(text, fleet, world)), text


def test_the_cancelling_conditions_come_from_the_lexicon(fleet, world, lex):
    text = "Truck 1 goes to rock 1 unless excavator 2 is there."
    assert rules_plan(text, fleet, world, lex).errors
    assert not any("cancel" in e for e in rules_plan(text, fleet, world, _lexicon(cancelling_conditions=[])).errors)


# -- finding 3: "..., except truck 2, which ...": the relative clause is the left-out robot's --------------------

def test_which_after_an_except_list_is_the_robot_left_out(fleet, world):
    assert_plan("All trucks go to rock 1, except truck 2, which goes to soil 1.", fleet, world,
                task("t", T, [D1, D3], ["rock1"]), task("u", T, [D2], ["soil1"]))


def test_which_after_a_single_robots_except_is_not_that_robot(fleet, world):
    assert_plan("Truck 1 goes to rock 1, except truck 2, which stays at soil 1", fleet, world,
                task("t", T, [D1], ["rock1"]), task("u", T, [D2], ["soil1"]))


def test_a_pronoun_in_the_next_sentence_after_an_except_is_still_the_group(fleet, world):
    assert_plan("All trucks go to rock 1 except truck 2. Then they return.", fleet, world,
                task("t", T, [D1, D3], ["rock1"]), task("r", "return_to_start_for_specific_robots", [D1, D3], [],
                                                         deps=["t"]))


# -- finding 8: a named or numbered crew that was never defined is no robot of the sentence before ----------------

@pytest.mark.parametrize("said", ["the first crew", "crew two"])
def test_an_undefined_crew_as_a_subject_is_refused_with_its_words(fleet, world, said):
    text = f"Excavator 2 goes to rock 1. {said.capitalize()} goes to soil 1."
    problems = _problems(text, fleet, world)
    assert any(said.removeprefix("the ") in p and "no group" in p for p in problems), problems


def test_a_crew_defined_before_is_still_its_robots(fleet, world):
    assert_plan("Crew two is excavator 1 and truck 2. Crew two goes to soil 1.", fleet, world,
                task("t", T, [E1, D2], ["soil1"]))


def test_the_group_nouns_decide_what_an_undefined_crew_is(fleet, world, lex):
    text = "Excavator 2 goes to rock 1. Crew two goes to soil 1."
    assert any("no group" in e for e in rules_plan(text, fleet, world, lex).errors)
    edited = rules_plan(text, fleet, world, _lexicon(group_nouns=["team", "squad", "gang"])).errors
    assert not any("no group" in e for e in edited)


# -- finding 9: a reason that tells what robots did (past, no word of need) is a remark, no order ----------------

@pytest.mark.parametrize("reason", ["because the excavators avoided puddle 1",
                                    "since the excavators have avoided puddle 1"])
def test_a_past_keep_out_given_as_a_reason_plans_nothing(fleet, world, reason):
    assert_plan(f"Truck 1 goes to rock 1 {reason}.", fleet, world, task("t", T, [D1], ["rock1"]))


def test_a_reason_with_a_word_of_need_is_still_an_order(fleet, world):
    assert_plan("Truck 1 goes to rock 1 because the excavators should avoid puddle 1.", fleet, world,
                task("t", T, [D1], ["rock1"]), task("a", AV, [], ["puddle1"], types=[("excavator", 3)]))


def test_the_past_endings_of_a_reason_come_from_the_lexicon(fleet, world, lex):
    # "as" (also a word of clauses that run alongside) is the opener whose reason the past tense still decides:
    # after "because" any reason without a word of need is a remark since mends15
    text = "Truck 1 goes to rock 1 as the excavators already avoided puddle 1."
    assert len(rules_plan(text, fleet, world, lex).graph) == 1
    assert len(rules_plan(text, fleet, world, _lexicon(condition_participle_endings=[])).graph) != 1
