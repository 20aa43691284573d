"""Mends of helper M79: misreadings found with instructions in the voice of an operator typing a job into a chat box
(several crews at once, groups by type and count, keep-outs set and lifted).

1. "Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. Truck 1 is loaded by excavator 1 once it has dug."
   waited for both diggings: "it" was the truck (the clause's subject), which cannot dig, so every digging was
   taken. A pronoun in a condition said after its clause, whose robots cannot do the condition's work (dig, load),
   is the robot of the clause that can (the loader named there), as for new work in such a condition.
2. "Truck 3 waits at base until excavator 2 is done, then drives to rock 2" also waited for truck 1's dump said in
   the sentence before: the stay at base made no step, so "then" for a truck with no steps waited for everything
   open. After a stay timed by "until" (this sentence or the one before), "then" waits for what the stay waited for.
3. "Truck 3 stays put until excavator 2 has dug, then drives to rock 2" sent truck 1 (named in the sentence before)
   to rock 2: a stay with no verb ("stays put", "stays where it is", "holds its position") was dropped with its
   robot, so the clause after it had no subject and took the one before. The robots that stay are the subject of
   the clause of sequence right after them.
4. "... loads both trucks once they have driven from obstacle 1 to soil 1" never sent the trucks to soil 1: the
   place left ("from obstacle 1") was matched as the move's place, so the condition was the move there before. In a
   condition of a move that names a destination too, the place left is no destination.
5. "Truck 1 goes to soil 2, where excavator 2, already waiting there, digs and loads it" sent excavator 2 to soil 2
   first: the remark between commas was folded into the robot's mention with its "already", so the place relative
   gave the digging its place. The "already" of such a remark is kept after the mention.
6. "Trucks 1 and 2 avoid puddle 1 until excavator 1 has dug at soil 1. ... Once the keep-out is lifted, truck 1 goes
   to puddle 1" lifted the keep-out for excavator 1 (the robot of the clause before), so the trucks stayed kept out,
   and the lifting waited for the trucks' move to obstacle 2 rather than the digging. A lifting named only by a
   keep-out noun in a condition ("the keep-out", "the restriction") with no lifting made before is the lifting of
   the keep-out put up last, for its robots, after what that keep-out was said to hold until (else after the clause
   before, as it was).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, R, T, assert_plan, task

_DT = "dump_truck"

# -- finding 1: "is loaded by excavator 1 once it has dug": the loader's digging ------------------------------------

_TWO_DIGS = "Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. "


@pytest.mark.parametrize("tail", [
    "Truck 1 drives to soil 1 and is loaded by excavator 1 once it has dug.",
    "Truck 1 drives to soil 1 and is loaded by excavator 1 once it has finished digging.",
    "Truck 1 drives to soil 1 and gets loaded by excavator 1 as soon as it has dug.",
    "Truck 1 should drive to soil 1 and be loaded by excavator 1 once it is done digging.",
])
def test_a_pronoun_that_cannot_dig_is_the_loader(fleet, world, tail):
    assert_plan(_TWO_DIGS + tail, fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], deps=["m2"]),
                task("l", LOAD, [E1], deps=["g1"]))


def test_the_loader_said_first_still_waits_for_its_own_digging(fleet, world):
    assert_plan(_TWO_DIGS + "Excavator 2 loads truck 2 at soil 2 once it has dug.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], deps=["m2"]),
                task("t", T, [D2], ["soil2"], deps=["g2"]), task("l", LOAD, [E2], deps=["t"]))


# -- finding 2: "waits at base until X, then ..." goes after X only -------------------------------------------------

_DIG_AND_DUMP = "Excavator 2 digs at rock 2. Truck 1 dumps at puddle 1. "


@pytest.mark.parametrize("tail", [
    "Truck 3 waits at base until excavator 2 is done, then drives to rock 2.",
    "Truck 3 waits at base until excavator 2 has dug, then drives to rock 2.",
    "Truck 3 stays at the start until excavator 2 has finished and then drives to rock 2.",
    "Truck 3 waits at base until excavator 2 is done. Then it drives to rock 2.",
    "Truck 3 waits until excavator 2 has dug, then drives to rock 2.",
])
def test_then_after_a_stay_at_base_waits_for_what_the_stay_waited_for(fleet, world, tail):
    assert_plan(_DIG_AND_DUMP + tail, fleet, world,
                task("m", T, [E2], ["rock2"]), task("g", DIG, [E2], deps=["m"]),
                task("t", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["t"]),
                task("go", T, [D3], ["rock2"], deps=["g"]))


def test_a_truck_that_left_base_still_drives_back_before_it_waits(fleet, world):
    assert_plan(_DIG_AND_DUMP + "Then truck 1 waits at base until "
                "excavator 2 is done, then drives to rock 2.", fleet, world,
                task("m", T, [E2], ["rock2"]), task("g", DIG, [E2], deps=["m"]),
                task("t", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["t"]),
                task("r", R, [D1], deps=["d"]), task("go", T, [D1], ["rock2"], deps=["g", "r"]))


def test_another_robot_after_the_stay_still_waits_for_everything_open(fleet, world):
    assert_plan(_DIG_AND_DUMP + "Truck 3 waits at base until excavator 2 is done. Then truck 2 drives to rock 2.",
                fleet, world,
                task("m", T, [E2], ["rock2"]), task("g", DIG, [E2], deps=["m"]),
                task("t", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["t"]),
                task("go", T, [D2], ["rock2"], deps=["g", "d"]))


# -- finding 3: "truck 3 stays put until X, then drives ...": truck 3 drives --------------------------------------

@pytest.mark.parametrize("stay", ["stays put", "stays where it is", "holds its position", "stays"])
def test_the_robot_that_stays_is_the_one_that_goes_on(fleet, world, stay):
    assert_plan(_DIG_AND_DUMP + f"Truck 3 {stay} until excavator 2 has dug, then drives to rock 2.", fleet, world,
                task("m", T, [E2], ["rock2"]), task("g", DIG, [E2], deps=["m"]),
                task("t", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["t"]),
                task("go", T, [D3], ["rock2"], deps=["g"]))


def test_a_stay_with_no_wait_still_gives_its_robot_to_the_next_clause(fleet, world):
    assert_plan("Truck 1 dumps at puddle 1. Truck 3 stays put and then drives to rock 2.", fleet, world,
                task("t", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["t"]),
                task("go", T, [D3], ["rock2"], deps=["d"]))


def test_robots_that_stay_at_the_end_of_a_sentence_do_nothing(fleet, world):
    assert_plan("Truck 1 dumps at puddle 1, and the excavators stay where they are. Truck 2 goes to rock 1.",
                fleet, world, task("t", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["t"]),
                task("go", T, [D2], ["rock1"]))


# -- finding 4: "once they have driven from obstacle 1 to soil 1": the move to soil 1 -----------------------------

@pytest.mark.parametrize("move", ["driven from obstacle 1 to soil 1", "come over from obstacle 1 to soil 1"])
def test_the_place_left_in_a_condition_is_no_destination(fleet, world, move):
    assert_plan(f"Truck 1 goes to obstacle 1. Excavator 2 digs at soil 1 and then loads truck 1 once truck 1 has "
                f"{move}.", fleet, world,
                task("o", T, [D1], ["obstacle1"]), task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], deps=["m"]),
                task("s", T, [D1], ["soil1"], deps=["o"]), task("l", LOAD, [E2], deps=["g", "s"]))


def test_a_group_driven_from_one_place_to_another_in_a_condition(fleet, world):
    assert_plan("A couple of trucks go to obstacle 1. Excavator 2 digs at soil 1 and then loads both trucks once "
                "they have driven from obstacle 1 to soil 1.", fleet, world,
                task("o", T, types=[(_DT, 2)], objs=["obstacle1"]), task("m", T, [E2], ["soil1"]),
                task("g", DIG, [E2], deps=["m"]), task("s", T, types=[(_DT, 2)], objs=["soil1"], deps=["o"]),
                task("l", LOAD, [E2], deps=["g", "s"]))


def test_a_move_said_before_is_still_the_one_waited_for(fleet, world):
    assert_plan("Truck 1 goes to obstacle 1 and then to soil 1. Excavator 2 digs at soil 1 and loads truck 1 once "
                "truck 1 has driven from obstacle 1 to soil 1.", fleet, world,
                task("o", T, [D1], ["obstacle1"]), task("s", T, [D1], ["soil1"], deps=["o"]),
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["s", "g"]))


# -- finding 5: ", where excavator 2, already there, digs": no move --------------------------------------------------

@pytest.mark.parametrize("remark", ["already there", "already waiting there"])
def test_a_robot_already_there_in_a_place_relative_works_in_place(fleet, world, remark):
    assert_plan(f"Truck 1 goes to soil 2, where excavator 2, {remark}, digs and loads it.", fleet, world,
                task("t", T, [D1], ["soil2"]), task("g", DIG, [E2]), task("l", LOAD, [E2], deps=["t", "g"]))


def test_a_robot_already_there_said_apart_still_works_in_place(fleet, world):
    assert_plan("Truck 1 goes to soil 2. Excavator 2, already there, digs and loads it.", fleet, world,
                task("t", T, [D1], ["soil2"]), task("g", DIG, [E2]), task("l", LOAD, [E2], deps=["t", "g"]))
    assert_plan("Excavator 2, already waiting at soil 2, digs there.", fleet, world, task("g", DIG, [E2]))


# -- finding 6: "once the keep-out is lifted": the lifting of that keep-out, for its robots ------------------------

def test_the_keep_out_lifted_is_the_one_put_up_with_its_end(fleet, world):
    assert_plan("Trucks 1 and 2 avoid puddle 1 until excavator 1 has dug at soil 1. Excavator 1 goes to soil 1 and "
                "digs. Meanwhile trucks 1 and 2 go to obstacle 2. Once the keep-out is lifted, truck 1 goes to "
                "puddle 1.", fleet, world,
                task("av", AV, [D1, D2], ["puddle1"]), task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("o", T, [D1, D2], ["obstacle2"], deps=["av"]), task("al", AL, [D1, D2], ["puddle1"], deps=["g"]),
                task("p", T, [D1], ["puddle1"], deps=["o", "al"]))


def test_a_keep_out_with_no_end_said_is_lifted_for_its_robots_after_the_clause_before(fleet, world):
    assert_plan("Trucks 1 and 2 avoid puddle 1. Excavator 1 goes to soil 1 and digs. Once the keep-out is lifted, "
                "truck 1 goes to puddle 1.", fleet, world,
                task("av", AV, [D1, D2], ["puddle1"]), task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("al", AL, [D1, D2], ["puddle1"], deps=["g"]), task("p", T, [D1], ["puddle1"], deps=["av", "al"]))


def test_a_fleet_wide_restriction_is_lifted_for_everyone(fleet, world):
    assert_plan("All robots avoid puddle 1. Excavator 1 goes to soil 1 and digs. Once the restriction is lifted, "
                "truck 1 goes to puddle 1.", fleet, world,
                task("av", AVA, [], ["puddle1"]), task("m", T, [E1], ["soil1"], deps=["av"]),
                task("g", DIG, [E1], deps=["m"]), task("al", ALA, [], ["puddle1"], deps=["g"]),
                task("p", T, [D1], ["puddle1"], deps=["al"]))
