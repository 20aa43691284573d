"""Mends of helper M52: clear sentences of fresh wording that the rules planner refused or misread.

1. "Heads up, everyone: excavator 1 goes to soil 1 and digs." was refused ("no place to go to for 'heads'"): a
   call for attention that opens a sentence before a comma or colon (lexicon ``alert_openers``) is no order, and
   its "heads" no trip. "Truck 1 heads up to soil 1" stays a trip.
2. "Could you help me get the soil moved today? Excavator 1 goes to soil 1 and digs." was refused ("no robot is
   named for ..."): a robotless sentence that asks the reader for help (lexicon ``help_requests``) states the job
   the robots named after it do. A help request that names a robot is left to the other readings.
3. "Workers reported a crack at obstacle 1, so dump truck 3 drives over to obstacle 1." was refused ("no robot is
   named for 'workers reported ...'"): a robotless first clause with a word of a people's report (lexicon
   ``report_verbs``) is the reason for the work after it; its places are no goal the steps must reach.
4. "The whole fleet gathers at obstacle 1 for the end-of-day check." was refused ("no place to go to for
   'check'"): a verb word that ends its clause after "for" and a determiner, with only plain words between
   ("the daily check", "its weekly inspection"), is the noun of a purpose, not a trip.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, TA, T, assert_plan, task
from test_rules_mends13 import _lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: a call for attention that opens a sentence is no order ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Heads up, everyone: excavator 1 goes to soil 1 and digs.",
    "Heads up: excavator 1 goes to soil 1 and digs.",
    "Heads-up, fleet! Excavator 1 goes to soil 1 and digs.",
    "Attention please: excavator 1 goes to soil 1 and digs.",
])
def test_a_call_for_attention_is_no_order(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_a_call_for_attention_between_sentences_is_no_order(fleet, world):
    assert_plan("Excavator 2 avoids puddle 1. Heads up! Truck 2 goes to soil 2.", fleet, world,
                task("k", AV, [E2], ["puddle1"]), task("m", T, [D2], ["soil2"]))


def test_heads_up_to_a_place_stays_a_trip(fleet, world):
    assert_plan("Truck 1 heads up to soil 1, then dumps there.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("d", DUMP, [D1], [], deps=["m"]))


def test_the_alert_openers_come_from_the_lexicon(fleet, world):
    text = "Heads up, everyone: excavator 1 goes to soil 1 and digs."
    assert not rules_plan(text, fleet, world).errors
    assert rules_plan(text, fleet, world, _lexicon(alert_openers=[])).errors


# -- finding 2: a robotless request for help states the job -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Could you help me get the soil moved today? Excavator 1 goes to soil 1 and digs.",
    "Can you give us a hand with the digging? Excavator 1 goes to soil 1 and digs.",
    "Would you help us with soil 1 this morning? Excavator 1 goes to soil 1 and digs.",
])
def test_a_request_for_help_states_the_job(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_a_request_for_help_before_a_whole_job(fleet, world):
    assert_plan("Could you help me move some soil? Excavator 2 and truck 1 go to soil 2, excavator 2 digs and loads "
                "truck 1.", fleet, world,
                task("m", T, [E2, D1], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]))


def test_the_help_requests_come_from_the_lexicon(fleet, world):
    text = "Could you help me get the soil moved today? Excavator 1 goes to soil 1 and digs."
    assert not rules_plan(text, fleet, world).errors
    assert rules_plan(text, fleet, world, _lexicon(help_requests=[])).errors


# -- finding 3: what people reported is the reason for the work, not an order ----------------------------------------

@pytest.mark.parametrize("text", [
    "Workers reported a crack in the ground at obstacle 1, so dump truck 3 drives over to obstacle 1.",
    "The foreman noticed a crack at obstacle 1, so truck 3 drives to obstacle 1.",
    "A surveyor spotted loose stones at obstacle 1, so truck 3 drives to obstacle 1.",
])
def test_a_report_clause_is_the_reason_for_the_work(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["obstacle1"]))


def test_a_report_names_no_goal_place(fleet, world):
    assert_plan("Workers noticed water at puddle 1, so truck 2 goes to soil 1.", fleet, world,
                task("m", T, [D2], ["soil1"]))


def test_the_report_verbs_come_from_the_lexicon(fleet, world):
    text = "Workers reported a crack in the ground at obstacle 1, so dump truck 3 drives over to obstacle 1."
    assert not rules_plan(text, fleet, world).errors
    assert rules_plan(text, fleet, world, _lexicon(report_verbs=[])).errors


# -- finding 4: "for the daily check" at a clause's end is a purpose, not a trip -------------------------------------

@pytest.mark.parametrize("text", [
    "Then the whole fleet gathers at obstacle 1 for the end-of-day check.",
    "The fleet gathers at obstacle 1 for the daily check.",
    "Everyone meets at obstacle 1 for their weekly inspection.",
])
def test_a_purpose_noun_after_for_is_no_trip(fleet, world, text):
    assert_plan(text, fleet, world, task("m", TA, [], ["obstacle1"]))


def test_a_check_that_is_no_purpose_stays_a_verb(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and waits for excavator 1, then checks puddle 2.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("c", T, [D1], ["puddle2"], deps=["m"]))
    assert_plan("Truck 2 goes to soil 2 for the daily check, then checks puddle 1.", fleet, world,
                task("m", T, [D2], ["soil2"]), task("c", T, [D2], ["puddle1"], deps=["m"]))
