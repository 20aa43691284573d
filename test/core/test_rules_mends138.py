"""Mends of helper M138: misreadings found with the dev lines of blind batch 30 (each was refused).

1. "... and then it can park back at base" was a lifting with no object ("no object named to allow in 'park'"): a
   permission word with "back" reads as a place let back to the robots ("trucks can go back into puddle 1"), but a
   "back" whose place preposition ("at", "over to") leads to the start place is where the robot goes, as "back to
   base" already was.
2. "To start the shift, all robots gather at obstacle 1." was refused ("no robot is named for 'to start the shift'"):
   "start" was read as the start place. "To start the day / the shift / the job," opening a sentence before a comma
   is an opener (lexicon ``sentence_openers``), as "To start," is and as "To end the shift," is a closer.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, DIG, DUMP, E1, TA, R, T, assert_plan, task

# -- finding 1: "can <move> back at base" is a return, not a lifting ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 dumps at puddle 1, and then it can park back at base.",
    "Truck 2 dumps at puddle 1, and after that truck 2 can park back at the start position.",
    "Truck 2 dumps at puddle 1; then truck 2 can pull in back at the start.",
    "Truck 2 dumps at puddle 1 and then it can roll back over to base.",
])
def test_a_permitted_move_back_at_the_start_is_a_return(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], deps=["m"]),
                task("r", R, [D2], [], deps=["d"]))


def test_a_permitted_move_back_into_a_place_stays_a_lifting(fleet, world):
    assert_plan("Truck 1 avoids puddle 1. After that truck 1 can go back into puddle 1.", fleet, world,
                task("k", AV, [D1], ["puddle1"]), task("a", AL, [D1], ["puddle1"], deps=["k"]))


# -- finding 2: "To start the shift," opens the job; it is no trip to the start ------------------------------------


@pytest.mark.parametrize("text", [
    "To start the shift, all robots gather at obstacle 1. Then excavator 1 goes to soil 1 and digs.",
    "To start the day, all robots gather at obstacle 1, then excavator 1 goes to soil 1 and digs.",
    "To start the job, the whole fleet meets at obstacle 1. After that excavator 1 digs at soil 1.",
    "To start off the shift, everyone goes to obstacle 1; then excavator 1 goes to soil 1 and digs.",
])
def test_to_start_the_shift_opens_the_job(fleet, world, text):
    assert_plan(text, fleet, world,
                task("g", TA, [], ["obstacle1"]), task("m", T, [E1], ["soil1"], deps=["g"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_a_return_to_start_stays_a_return(fleet, world):
    assert_plan("Truck 1 goes to puddle 1 and dumps, then it goes back to start.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], [], deps=["m"]),
                task("r", R, [D1], [], deps=["d"]))

