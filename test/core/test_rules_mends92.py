"""Probe mends in the DART-LLM task voice ("Excavators 1 and 2 go to soil 1 and dig, then load dump truck 2, which then
transports the soil to obstacle 1 and unloads it. Meanwhile, ... Finally, all robots return to their starting
positions."), round 21.

1. "... then loads dump truck 1 and then dump truck 2, which then transport the soil to obstacle 2 and unload it":
   "which" was the truck named last only, so truck 1's haul and dump were dropped without a word. A "which" whose
   verb is in the plural ("transport", not "transports"), past an adverb such as "then", is every robot of the list
   just named, as "which both" already was.
2. "... then loads dump truck 1, then dump truck 2, which then transports the soil to puddle 1 and unloads it": the
   verbless "then dump truck 2" before a which-clause was read as truck 2 making the excavator's first move too
   (truck 2 was sent to soil 1, work nobody gave). Before a relative clause on it, as before a clause of its own, it
   is one more truck of the loading, in order.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "which" with a plural verb is every robot of the list just named --------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 goes to soil 2 and digs, then loads dump truck 1 and then dump truck 2, which then transport the soil "
    "to obstacle 2 and unload it.",
    "Excavator 2 goes to soil 2 and digs, then loads dump truck 1 first and then dump truck 2, which then transport "
    "the soil to obstacle 2 and unload it.",
    "Excavator 2 goes to soil 2 and digs, then loads dump truck 1 and then dump truck 2, which carry the soil to "
    "obstacle 2 and unload it.",
])
def test_which_with_a_plural_verb_is_both_trucks(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["l1"]),
                task("h", T, [D1, D2], ["obstacle2"], deps=["l2"]), task("u", DUMP, [D1, D2], [], deps=["h"]))


def test_which_with_a_plural_verb_after_three_trucks(fleet, world):
    assert_plan("Excavator 3 goes to soil 1 and digs, then loads dump truck 1, dump truck 2 and dump truck 3 in turn, "
                "which then transport the soil to puddle 1 and unload it.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("l1", LOAD, [E3], [], deps=["d"]), task("l2", LOAD, [E3], [], deps=["l1"]),
                task("l3", LOAD, [E3], [], deps=["l2"]),
                task("h", T, [D1, D2, D3], ["puddle1"], deps=["l3"]), task("u", DUMP, [D1, D2, D3], [], deps=["h"]))


def test_which_with_a_singular_verb_is_still_the_last_truck(fleet, world):
    assert_plan("Excavator 2 goes to soil 2 and digs, then loads dump truck 1 and then dump truck 2, which then "
                "transports the soil to obstacle 2 and unloads it.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["l1"]),
                task("h", T, [D2], ["obstacle2"], deps=["l2"]), task("u", DUMP, [D2], [], deps=["h"]))


# -- finding 2: ", then truck 2, which ..." is one more loading ------------------------------------------------------


@pytest.mark.parametrize("verb", ["transports the soil to puddle 1 and unloads it",
                                  "then transports the soil to puddle 1 and unloads it"])
def test_then_truck_before_a_which_clause_is_one_more_loading(fleet, world, verb):
    assert_plan(f"Excavator 3 goes to soil 1 and digs, then loads dump truck 1, then dump truck 2, which {verb}.",
                fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("l1", LOAD, [E3], [], deps=["d"]), task("l2", LOAD, [E3], [], deps=["l1"]),
                task("h", T, [D2], ["puddle1"], deps=["l2"]), task("u", DUMP, [D2], [], deps=["h"]))


def test_then_trucks_before_a_plural_which_clause(fleet, world):
    assert_plan("Excavator 3 goes to soil 1 and digs, then loads dump truck 1, then dump truck 2, which then transport "
                "the soil to puddle 1 and unload it.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("l1", LOAD, [E3], [], deps=["d"]), task("l2", LOAD, [E3], [], deps=["l1"]),
                task("h", T, [D1, D2], ["puddle1"], deps=["l2"]), task("u", DUMP, [D1, D2], [], deps=["h"]))
