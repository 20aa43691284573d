"""Round 21 of the rules planner (lead's own findings, on sentences written for them).

1. "Once truck 2 has gone back to start, the keep-out of obstacle 1 is lifted." put up a second keep-out of obstacle 1
   and lifted that one: the noun "keep-out" followed by "of" was read as the verb "keep out of". After a definite
   word ("the keep-out of ...") it is the noun, whose clause's own verb ("is lifted") acts on it.
2. "... when truck 2 is back, the avoidance ends." (or "the ban ends", "the restriction is over") dropped the lifting
   without a word: a one-word keep-out verb after "the" was taken for a plain noun ("the load"), and "avoidance",
   "restriction" and "closure" were no keep-out words; the clause's other words kept coverage above the threshold.
   They are keep-out nouns (and verbs) now, read as such after a determiner too, so "ends" / "is over" lifts them.
3. "Once truck 2 has gone back to start, truck 1 goes to soil 1." waited for truck 2's inspection: in a condition,
   a move verb with "back" or the start and no place was matched to the robot's last move. It is its return to start.
4. "After that I want the whole fleet back at the start." asked for nothing (the line was dropped): "at the start"
   was read as the connective "first" ("At the start, everyone avoids ..."). After "back" it is the place.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AVA, D1, D2, DIG, E3, RA, R, T, assert_plan, task

# -- 1: "the keep-out of X is lifted" --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 inspects obstacle 1, after which every robot avoids obstacle 1. Meanwhile excavator 3 digs at soil 1. "
    "Once truck 2 has gone back to start, the keep-out of obstacle 1 is lifted.",
    "Truck 2 inspects obstacle 1, after which every robot avoids obstacle 1. Meanwhile excavator 3 digs at soil 1. "
    "When truck 2 has returned to start, the keep out of obstacle 1 is removed.",
])
def test_the_keepout_of_a_place_is_a_noun(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("a", AVA, [], ["obstacle1"], deps=["i"]),
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("r", R, [D2], [], deps=["i"]), task("l", ALA, [], ["obstacle1"], deps=["r"]))


# -- 2: "the avoidance ends" ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; when "
    "truck 2 is back, the avoidance ends.",
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; once "
    "truck 2 is back, the avoidance of obstacle 1 is over.",
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; when "
    "truck 2 is back, the ban ends.",
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; when "
    "truck 2 is back, the restriction is over.",
])
def test_the_avoidance_is_a_keepout_noun(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("r", R, [D2], [], deps=["i"]),
                task("a", AVA, [], ["obstacle1"], deps=["i"]), task("l", ALA, [], ["obstacle1"], deps=["r"]))


# -- 3: "once truck 2 has gone back to start" -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 inspects obstacle 1. Once truck 2 has gone back to start, truck 1 goes to soil 1.",
    "Truck 2 inspects obstacle 1. As soon as truck 2 has driven back to base, truck 1 goes to soil 1.",
])
def test_a_condition_of_going_back_is_the_return(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("r", R, [D2], [], deps=["i"]),
                task("m", T, [D1], ["soil1"], deps=["r"]))



# -- 4: "everyone back at the start" --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 inspects puddle 2. After that I want the whole fleet back at the start.",
    "Truck 1 inspects puddle 2. Then I'd like everyone back at the start.",
    "Truck 1 inspects puddle 2, and then we need all robots back at the start.",
])
def test_back_at_the_start_is_the_place(fleet, world, text):
    assert_plan(text, fleet, world, task("i", T, [D1], ["puddle2"]), task("r", RA, [], [], deps=["i"]))


def test_at_the_start_opening_a_sentence_is_still_first(fleet, world):
    assert_plan("Truck 1 inspects puddle 2. At the start, everyone avoids rock 1.", fleet, world,
                task("a", AVA, [], ["rock1"]), task("i", T, [D1], ["puddle2"], deps=["a"]))
