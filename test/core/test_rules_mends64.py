"""Mends of helper M64: misreadings found on a site engineer's day plans written in plain prose, with reasons and
safety notes between the orders.

1. "Truck 2 then carries the soil to puddle 1, because the puddle has to be filled." added a loading by excavator 1
   (the reason's "be filled" was read as an order to fill a truck), and with "... before tomorrow" the plan was
   refused ("'tomorrow' is not a skill of truck 2"). A reason with a word of need whose places are all places of
   the step just before it in its sentence says why that step is done: the step meets the need; and "before
   tomorrow" (lexicon ``deadline_words``) is a deadline, no step to wait for.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, DIG, DUMP, E1, LOAD, T, assert_plan, task

# -- finding 1: a need met by the step it follows is its reason; "before tomorrow" is a deadline -------------------

_HAUL = (task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
         task("l", LOAD, [E1], [], deps=["g"]), task("p", T, [D2], ["puddle1"], deps=["l"]),
         task("d", DUMP, [D2], [], deps=["p"]))


@pytest.mark.parametrize("tail", [
    "because the puddle has to be filled before tomorrow.",
    "because the puddle has to be filled.",
    "because puddle 1 must be filled by tonight.",
    "since the puddle needs to be filled before the end of the day.",
])
def test_a_need_the_step_meets_is_its_reason(fleet, world, tail):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2 after that. Truck 2 then carries the soil to "
                f"puddle 1, {tail}", fleet, world, *_HAUL)


def test_before_tomorrow_is_a_deadline(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2 after that. Truck 2 then carries the soil to "
                "puddle 1 before tomorrow.", fleet, world, *_HAUL)
