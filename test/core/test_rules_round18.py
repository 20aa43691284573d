"""Round 18 of the rules planner: a truck's arrival said around the digging it waits out.

1. "Excavator 1 digs at soil 1 and then loads dump truck 2, which has driven there in the meantime." dropped truck 2's
   move with no word: the perfect "has driven" made the clause a report of where the truck already is. Followed by a
   parallel connective ("in the meantime", "meanwhile") it is a move made while the rest works.
2. "... loads dump truck 2, which goes there while the excavator digs." dug a second time after the loading: the
   clause after "while" (lexicon ``ongoing_openers``) names a step its robot already has, to time the clause before
   it. With no place and no "again" it is that step; "while excavator 1 digs at soil 2" and "digs again" stay steps.
3. "Excavator 1 digs at soil 1. By the time it is done, truck 2 should be at soil 1." made the truck's move wait for
   the digging: "by the time" was an anchor ("once"). It sets a deadline: the truck drives while the excavator digs,
   and the loading after both waits for each.
4. "..., truck 2 must be there." dropped the truck with no word: "be there" is a move to the place just spoken of, as
   "be at soil 1" is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, E1, LOAD, T, assert_plan, task

# the plan all the sentences of findings 1-4 mean: the truck drives while the excavator digs (one move, rule 17)
ARRIVES_WHILE_DIGGING = (task("m", T, [E1, D2], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                         task("l", LOAD, [E1], [], deps=["d"]))


# -- 1: a perfect move with "in the meantime" is a move ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and then loads dump truck 2, which has driven there in the meantime.",
    "Excavator 1 digs at soil 1. Truck 2 has driven to soil 1 meanwhile. Excavator 1 then loads truck 2.",
])
def test_a_perfect_move_said_in_the_meantime_is_made(fleet, world, text):
    assert_plan(text, fleet, world, *ARRIVES_WHILE_DIGGING)


def test_a_perfect_move_alone_is_still_where_the_robot_is(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and then loads dump truck 2, which has already gone there.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


# -- 2: "while <robot> <the step it already has>" --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and loads dump truck 2, which goes there while the excavator digs.",
    "Excavator 1 digs at soil 1 and loads dump truck 2, which goes there while excavator 1 is digging.",
])
def test_while_naming_a_step_already_said_adds_no_step(fleet, world, text):
    assert_plan(text, fleet, world, *ARRIVES_WHILE_DIGGING)


def test_while_with_a_new_place_or_again_is_a_new_step(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2. Truck 3 goes to puddle 1 while excavator 1 digs at "
                "soil 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D3], ["puddle1"]),
                task("m2", T, [E1], ["soil2"], deps=["l"]), task("d2", DIG, [E1], [], deps=["m2"]))
    assert_plan("Excavator 1 digs at soil 1. Then it loads truck 2, and truck 3 goes to puddle 1 while excavator 1 "
                "digs again.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D3], ["puddle1"]),
                task("d2", DIG, [E1], [], deps=["l"]))


# -- 3 and 4: "by the time" sets a deadline; "be there" is a move ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. By the time it is done, truck 2 should be at soil 1. Then excavator 1 loads truck 2.",
    "Excavator 1 goes to soil 1 to dig. Truck 2 should be at soil 1 by the time the digging ends, so that it can be "
    "loaded right away. Then excavator 1 loads truck 2.",
    "By the time excavator 1 has finished digging at soil 1, truck 2 must be there. Excavator 1 then loads it.",
    "Excavator 1 digs at soil 1 and then loads truck 2, which must be at soil 1 by the time the excavator is done "
    "digging.",
])
def test_by_the_time_is_a_deadline_not_a_wait(fleet, world, text):
    assert_plan(text, fleet, world, *ARRIVES_WHILE_DIGGING)
