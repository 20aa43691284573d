"""Mends of helper M138: misreadings found with the dev lines of blind batch 30 (each was refused).

1. "... and then it can park back at base" was a lifting with no object ("no object named to allow in 'park'"): a
   permission word with "back" reads as a place let back to the robots ("trucks can go back into puddle 1"), but a
   "back" whose place preposition ("at", "over to") leads to the start place is where the robot goes, as "back to
   base" already was.
2. "To start the shift, all robots gather at obstacle 1." was refused ("no robot is named for 'to start the shift'"):
   "start" was read as the start place. "To start the day / the shift / the job," opening a sentence before a comma
   is an opener (lexicon ``sentence_openers``), as "To start," is and as "To end the shift," is a closer.
3. "Truck 1 checks puddle 1 and the other trucks keep clear of it. Truck 2 goes to rock 1. Once truck 1 is done, lift
   the keep-out for the other trucks" lifted it for truck 3 only, and truck 2 was later sent into a place still
   closed to it (refused): "the other trucks" was read against the group said before ("trucks 2 and 3"), less
   truck 2, named since. That reading is for a robot of the group picked out last ("trucks 1 and 2 ... truck 1 ...,
   the other truck"); when the truck of that type named last is outside the group (truck 1 again), "the other trucks"
   are the others than that one, as when no group was said. A singular "the other truck" stays the one of the pair
   left, as before.
4. Found with the sentences written after finding 2: "To start today, all trucks gather at obstacle 2." was still
   refused ("no robot is named for 'to start today'"): an opener at the start of a sentence now runs to its comma
   past a few plain words naming the time ("today", "this morning's work"), not only when listed; a robot, a place,
   a number or a verb between ("To start at base, ...") keeps the old reading.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, TA, R, T, assert_plan, task

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


# -- finding 3: "the other trucks" after the contrasting truck is named again -------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1, and the other trucks keep clear of puddle 1 for now. Truck 2 goes to rock 1. "
    "Once truck 1 is done, lift the puddle 1 keep-out for the other trucks.",
    "Truck 1 inspects puddle 1 and the other trucks stay away from puddle 1 for now; truck 2 drives to rock 1. "
    "When truck 1 has finished, the other trucks may enter puddle 1 again.",
    "Truck one checks puddle one, and the other trucks stay clear of puddle one for now. Meanwhile truck two heads "
    "to rock one. After truck one is done at the puddle, lift the keep-out on puddle one for the other trucks.",
])
def test_the_other_trucks_are_those_other_than_the_truck_named_last(fleet, world, text):
    assert_plan(text, fleet, world,
                task("c", T, [D1], ["puddle1"]), task("k", AV, [D2, D3], ["puddle1"]),
                task("m", T, [D2], ["rock1"], deps=["k"]), task("a", AL, [D2, D3], ["puddle1"], deps=["c"]))


def test_the_other_truck_of_a_pair_stays_the_one_left_after_a_third_truck(fleet, world):
    assert_plan("Trucks 1 and 2 go to soil 1. Truck 1 dumps at puddle 1. Truck 3 goes to rock 2. "
                "Then the other truck goes home.", fleet, world,
                task("s", T, [D1, D2], ["soil1"]), task("p", T, [D1], ["puddle1"], deps=["s"]),
                task("d", DUMP, [D1], [], deps=["p"]), task("r3", T, [D3], ["rock2"]),
                task("h", R, [D2], [], deps=["s", "d", "r3"]))


def test_the_other_truck_of_a_pair_picked_out_stays_the_one_left(fleet, world):
    assert_plan("Trucks 1 and 2 go to soil 1. Truck 1 then dumps at puddle 1, and the other truck goes to rock 2.",
                fleet, world,
                task("s", T, [D1, D2], ["soil1"]), task("p", T, [D1], ["puddle1"], deps=["s"]),
                task("d", DUMP, [D1], [], deps=["p"]), task("r", T, [D2], ["rock2"], deps=["s"]))


# -- finding 4: "To start today," and other time words before the opener's comma ---------------------------------


@pytest.mark.parametrize("text", [
    "To start today, all robots gather at obstacle 1. Then excavator 1 goes to soil 1 and digs.",
    "To start this morning's work, all robots gather at obstacle 1, then excavator 1 goes to soil 1 and digs.",
    "To begin this afternoon, everybody meets at obstacle 1; after that excavator 1 digs at soil 1.",
])
def test_an_opener_runs_past_time_words_to_its_comma(fleet, world, text):
    assert_plan(text, fleet, world,
                task("g", TA, [], ["obstacle1"]), task("m", T, [E1], ["soil1"], deps=["g"]),
                task("d", DIG, [E1], [], deps=["m"]))
