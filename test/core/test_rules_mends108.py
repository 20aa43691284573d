"""Mends of helper M108: misreadings found with long run-on work orders typed by a busy foreman (several crews, one
sentence chained with "and", "and then", "while", "after which").

1. "Excavator 1 goes to soil 1 and excavator 2 goes to soil 2 and each of them digs" dug at soil 2 only: "each of
   them" (or "every one of them") right after "and", with a verb of its own, opens a clause of its own, as a bare
   "each" there does; read as part of excavator 2's clause, excavator 1's digging was dropped with no error.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, DUMP, E1, E2, T, assert_plan, task

# -- finding 1: "and each of them <verb>" is a clause of its own -----------------------------------------------------


@pytest.mark.parametrize("each", ["each of them", "every one of them"])
def test_each_of_them_after_and_is_every_robot_of_the_sentence(fleet, world, each):
    assert_plan(f"Excavator 1 goes to soil 1 and excavator 2 goes to soil 2 and {each} digs.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("m2", T, [E2], ["soil2"]),
                task("d1", DIG, [E1], deps=["m1"]), task("d2", DIG, [E2], deps=["m2"]))


def test_each_of_them_after_and_dumps_for_every_truck(fleet, world):
    assert_plan("Truck 2 goes to puddle 1 and truck 3 goes to puddle 2 and each of them dumps there.", fleet, world,
                task("m1", T, [D2], ["puddle1"]), task("m2", T, [D3], ["puddle2"]),
                task("d1", DUMP, [D2], deps=["m1"]), task("d2", DUMP, [D3], deps=["m2"]))


def test_each_of_them_in_its_own_clause_still_reads(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and excavator 2 goes to soil 2, and each of them digs.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("m2", T, [E2], ["soil2"]),
                task("d1", DIG, [E1], deps=["m1"]), task("d2", DIG, [E2], deps=["m2"]))
