"""Mends of helper 38: dev lines the rules planner misread (each gave a plan, no error, and the plan was wrong).

1. A clause of time with no comma before its main clause lost the main clause when the main clause opened with a
   pronoun and a modal: "once excavator 1 has finished digging *it should load the truck*" read "it" as the object of
   "digging", and the loading was dropped (L2_190). A pronoun after the clause of time's verb and before a modal
   (``subject_modals``) and a verb now opens the main clause.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, E1, E2, LOAD, T, assert_plan, task

# -- finding 1: a pronoun and a modal open the main clause after a clause of time with no comma ----------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Truck 2 drives to soil 1, and once excavator 1 has finished digging it should load "
    "the truck.",
    "Excavator 1 digs at soil 1 while truck 2 goes to soil 1. After excavator 1 is done digging it will fill truck 2.",
])
def test_a_pronoun_and_a_modal_after_a_clause_of_time_open_the_main_clause(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, D2], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


def test_the_main_clause_after_a_clause_of_time_keeps_its_own_robot(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Truck 3 goes to rock 1. When excavator 2 has finished digging it must "
                "load truck 3.", fleet, world,
                task("m", T, [E2, D3], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]))
