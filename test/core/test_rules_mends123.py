"""Mends of helper M123: misreadings found by rewording dev lines L3_676-L3_747 in other voices (other word order,
connectives, verbs, robots named another way).

1. "Truck 2 goes to soil 1 and gets loaded by the excavator at soil 1." after one excavator went to soil 1 and another
   to soil 2 took the excavator named last (the one at soil 2) and sent it over to soil 1: in a passive loading,
   "by the <type> at <place>" picks the robot of that type standing there, as "the excavator there" does; the place
   stays the loading's.
2. "... gets loaded by the rock 1 excavator" (a place said before the robot noun, as a modifier) was read as the
   place "the rock 1" and a bare "excavator", the loading taken from the truck and its next steps given to the
   excavator: "the <place> <type>" is "the <type> at <place>".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, DIG, DUMP, LOAD, R, T, assert_plan, task

EX1 = [("excavator", 1)]
TWO_SITES = "An excavator goes to soil 1 and digs, and a second excavator goes to soil 2 and digs. "


def _two_sites(*more):
    return (task("m1", T, [], ["soil1"], types=EX1), task("g1", DIG, [], [], ["m1"], types=EX1),
            task("m2", T, [], ["soil2"], types=EX1), task("g2", DIG, [], [], ["m2"], types=EX1), *more)


# -- finding 1: "gets loaded by the excavator at <place>" ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    TWO_SITES + "Truck 2 goes to soil 1 and gets loaded by the excavator at soil 1.",
    TWO_SITES + "Truck 2 goes to soil 1 and is loaded by the excavator at soil 1.",
    TWO_SITES + "Truck 2 drives to soil 1, gets loaded by the excavator at soil 1.",
])
def test_loaded_by_the_excavator_at_a_place_is_the_one_standing_there(fleet, world, text):
    assert_plan(text, fleet, world, *_two_sites(
        task("t", T, [D2], ["soil1"]), task("l", LOAD, [], [], ["g1", "t"], types=EX1)))


def test_loaded_by_the_excavator_at_the_place_it_went_to_last(fleet, world):
    assert_plan(TWO_SITES + "Truck 2 drives to soil 1; the excavator at soil 1 loads it. Truck 2 then goes to soil 2 "
                "and gets loaded by the excavator at soil 2.", fleet, world, *_two_sites(
                    task("t1", T, [D2], ["soil1"]), task("l1", LOAD, [], [], ["g1", "t1"], types=EX1),
                    task("t2", T, [D2], ["soil2"], ["l1"]), task("l2", LOAD, [], [], ["g2", "t2"], types=EX1)))


# -- finding 2: "the rock 1 excavator" -----------------------------------------------------------------------------

ROCK_AND_SOIL = "An excavator heads to soil 2 to dig, and another excavator heads to rock 1 to break it up. "


def _rock_and_soil(*more):
    return (task("m1", T, [], ["soil2"], types=EX1), task("g1", DIG, [], [], ["m1"], types=EX1),
            task("m2", T, [], ["rock1"], types=EX1), task("g2", DIG, [], [], ["m2"], types=EX1), *more)


@pytest.mark.parametrize("text", [
    ROCK_AND_SOIL + "Dump truck 2 goes to rock 1 after the rock is broken up, gets loaded by the rock 1 excavator, "
    "and brings the rubble back to base to unload it.",
    ROCK_AND_SOIL + "Dump truck 2 goes to rock 1 after the rock is broken up, and the rock 1 excavator loads it; the "
    "truck then brings the rubble back to base to unload it.",
])
def test_the_place_before_the_robot_noun_picks_the_robot_there(fleet, world, text):
    assert_plan(text, fleet, world, *_rock_and_soil(
        task("t", T, [D2], ["rock1"], ["g2"]), task("l", LOAD, [], [], ["t"], types=EX1),
        task("r", R, [D2], [], ["l"]), task("d", DUMP, [D2], [], ["r"])))


def test_the_place_before_the_robot_noun_as_a_subject(fleet, world):
    assert_plan(TWO_SITES + "Truck 2 drives to soil 1, and the soil 1 excavator loads it.", fleet, world, *_two_sites(
        task("t", T, [D2], ["soil1"]), task("l", LOAD, [], [], ["g1", "t"], types=EX1)))
