"""Mends of helper M117: misreadings of instructions typed by a site supervisor on a phone (short sentences,
colon-addressed orders, subjects dropped in follow-up sentences).

1. "Truck 3: head there once it's done digging. Then fill it up." was truck 3 tipping at the dig site: the
   dropped subject is the truck named last, and "fill it" said of a truck is its tipping ("truck 2 goes to puddle 1
   and fills it"). An empty truck told to "fill it (up)", with no place named in the clause, standing beside an
   excavator that can load it, is the one filled: the excavator's loading (lexicon ``truck_fill_it_phrases``).
   "Truck 3: go to puddle 1 and fill it up" stays a tipping.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, DUMP, E2, E3, LOAD, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "fill it up" of an empty truck beside an excavator is its loading ---------------------------------


@pytest.mark.parametrize("text", [
    "Exc 2: dig at soil 1. Truck 3: head there once it's done digging. Then fill it up. Then tip it at puddle 2.",
    "Exc 2: dig at soil 1. Truck 3: head there once it's done digging. Fill it up, then tip at puddle 2.",
    "Exc 2: dig at soil 1. Truck 3: head over once it's done digging. Fill it up. Truck 3 tips it at puddle 2.",
])
def test_filling_up_an_empty_truck_beside_an_excavator_is_its_loading(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["g"]), task("l", LOAD, [E2], [], deps=["t"]),
                task("p", T, [D3], ["puddle2"], deps=["l"]), task("d", DUMP, [D3], [], deps=["p"]))


def test_filling_up_a_truck_sent_alongside_the_digger_is_its_loading(fleet, world):
    assert_plan("Exc 3: go to soil 2 and dig. Truck 2: head there now. Fill it up once the digging's done. "
                "Then tip at obstacle 1.", fleet, world,
                task("m", T, [E3, D2], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["g"]),
                task("p", T, [D2], ["obstacle1"], deps=["l"]), task("d", DUMP, [D2], [], deps=["p"]))


@pytest.mark.parametrize("text", [
    "Truck 3: go to puddle 1 and fill it up.",
    "Truck 3: head to puddle 1. Fill it up.",
])
def test_a_truck_filling_a_puddle_still_tips(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["puddle1"]), task("d", DUMP, [D3], [], deps=["m"]))



def test_filling_it_after_a_move_to_a_named_place_in_the_clause_still_tips(fleet, world):
    assert_plan("Exc 2: dig at puddle 1. Truck 3 goes to puddle 1 and fills it.", fleet, world,
                task("m", T, [E2, D3], ["puddle1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("d", DUMP, [D3], [], deps=["m"]))


def test_the_filled_truck_words_come_from_the_lexicon(fleet, world):
    text = "Exc 2: dig at soil 1. Truck 3: head there once it's done digging. Then fill it up."
    assert any(s.skill == LOAD for s in rules_plan(text, fleet, world).graph.subtasks)
    got = rules_plan(text, fleet, world, _lexicon(truck_fill_it_phrases=[]))
    assert not any(s.skill == LOAD for s in got.graph.subtasks)
