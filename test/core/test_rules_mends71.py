"""Mends of helper 71: dev lines of blind batch 23 the rules planner misread.

1. "Please proceed as follows." before the steps (a manager's email, L3_618) was refused: "proceed" is a verb of
   moving, and with no robot and no place the sentence was an order for nobody. A robotless sentence that ends in
   words pointing at what comes next (``forward_pointers``: "as follows", "like this", ...) and names no place is
   now the title of the steps, as one ending in a colon was.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import DIG, E1, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a sentence that points at the steps after it is their title ------------------------------------------


@pytest.mark.parametrize("text", [
    "Hi team. Please proceed as follows. Excavator 1 goes to soil 1 and digs there.",
    "Kindly go ahead like this. Excavator 1 drives to soil 1 and digs.",
    "Please move as set out below. Excavator 1 heads to soil 1, then it digs.",
    "The steps are as follows. Excavator 1 goes to soil 1 and digs there.",
])
def test_a_sentence_pointing_at_the_steps_is_their_title(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_a_pointer_with_a_place_is_still_an_order_for_nobody(fleet, world):
    rp = rules_plan("Please proceed to soil 1 as follows. Excavator 1 digs at soil 2.", fleet, world)
    assert rp.errors
