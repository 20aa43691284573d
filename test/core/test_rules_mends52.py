"""Mends of helper M52: clear sentences of fresh wording that the rules planner refused or misread.

1. "Heads up, everyone: excavator 1 goes to soil 1 and digs." was refused ("no place to go to for 'heads'"): a
   call for attention that opens a sentence before a comma or colon (lexicon ``alert_openers``) is no order, and
   its "heads" no trip. "Truck 1 heads up to soil 1" stays a trip.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, DIG, DUMP, E1, E2, T, assert_plan, task
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
