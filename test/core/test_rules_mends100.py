"""Mends of helper M100: misreadings found with instructions written as a dispatcher's job sheet (parallel blocks,
crews named by letter, phases, keep-outs set and lifted, fleet-wide returns).

1. "Crew A (excavators 1 and 2) digs at soil 1. ... crew A loads both trucks" dropped the loading, with no word: the
   crew's letter name "A" was read as the article "a", which made the verb after it a noun ("a load", "a dig"). A
   letter right after a group noun (lexicon ``group_nouns``) is the group's name, so the word after it stays a verb.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: a crew named "A" keeps its verb --------------------------------------------------------------------


@pytest.mark.parametrize("noun", ["Crew", "Team", "Squad"])
def test_a_crew_named_a_loads(fleet, world, noun):
    assert_plan(f"{noun} A (excavators 1 and 2) digs at soil 1. Then truck 3 drives to soil 1 and {noun.lower()} A "
                "loads it.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["d"]), task("l", LOAD, [E1, E2], [], deps=["t"]))


def test_a_crew_named_a_digs_after_its_move(fleet, world):
    assert_plan("Crew A (excavator 3) goes to rock 1. Crew A digs.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("d", DIG, [E3], [], deps=["m"]))


def test_two_crews_by_letter_load_in_order(fleet, world):
    assert_plan("Crew A (excavators 1 and 2) digs at soil 1 while crew B (trucks 1 and 3) waits at obstacle 2. Once "
                "crew A is done, crew B drives to soil 1 and crew A loads both trucks, truck 1 first. Afterwards, "
                "trucks 1 and 3 dump at puddle 1.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("w", T, [D1, D3], ["obstacle2"]), task("c", T, [D1, D3], ["soil1"], deps=["d", "w"]),
                task("l1", LOAD, [E1, E2], [], deps=["c"]), task("l2", LOAD, [E1, E2], [], deps=["l1"]),
                # "afterwards" after both loadings: one step for the two trucks, as "The trucks then go home" (L3_083)
                task("p", T, [D1, D3], ["puddle1"], deps=["l2"]), task("u", DUMP, [D1, D3], [], deps=["p"]))


def test_a_crew_named_b_is_unchanged(fleet, world):
    assert_plan("Crew B (excavator 2 and truck 2) goes to soil 2. Crew B's excavator digs.", fleet, world,
                task("m", T, [E2, D2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]))
