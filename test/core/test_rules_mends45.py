"""Mends of helper M45: extra and missing moves found with sentences written for this session (robots already in
place, robots told to stay, trucks that pull up to an excavator).

1. "Truck 1 keeps waiting at obstacle 1.", "Truck 2 remains at soil 2.", "Excavator 1 is waiting at soil 1.",
   "Truck 3 is still standing at puddle 1." each sent the robot to the place it stands at (an extra move, merged
   into the move of the robot that really goes there): staying, remaining or (still) waiting at a place says where
   the robot is, as "is parked at" does (lexicon ``already``), so no move is made. "Is waiting at" is read so in
   rules/states.py unless a condition follows the place ("is waiting at obstacle 1 since truck 1 has dumped" stays
   a move that waits for the dump, test_rules_mends18).
2. "Truck 3 is parked at rock 1 until excavator 1 has dug at rock 1, then excavator 1 loads truck 3." lost the
   move and the digging (only the loading was left): a state timed by "until <deed>" makes no step of its own, but
   the deed it names is still work asked for, made as a timing after any other clause makes it.
3. "Excavator 1 digs at soil 2. Then truck 3 pulls up next to it." (also "parks beside excavator 1", a bare "pulls
   up") lost the truck's move: "pull up", "pull in" and "park" with no place after them were no verbs (only "pull up
   at / to" and "park at" were). They are moves now (lexicon ``navigate``), to the place of the robot beside.
4. "Excavator 1 has been at soil 2 all day.", "Excavator 2 and truck 3 are both at soil 1.", "Excavator 1 is in
   position at soil 2." sent the robots where they stood: with "be" as plain words and no verb, the clause read
   as "to soil 2". A robot, a form of "be" (lexicon ``state_be_forms``, with ``state_be_fillers`` such as "both",
   "still" among them) and "at <place>" now say where it stands; "should be at" stays an order to go there, and
   "once they are both at soil 1" a moment waited for. Robots joined by "and" before "are at" stand there too (the
   interpreter's "is at" state took only one robot).
5. "Excavator 1 is already at base. It goes to soil 1." (also "is still at the start", "has been at base") began
   with a return to start: a state at the start place was read as a move there. A robot that has not moved yet is
   at the start, so the state adds nothing; said after the robot has left, it is still read as before.
6. "Truck 1 goes to rock 1 and waits until excavator 1 has loaded it." put the truck's move after the loading (it
   needs the truck there first): "waits until" / "until" are anchors, and the clause before them was read as timed
   by them. Joined to the step before by "and" / "and then" / ",", the wait is the robot's next step (as "truck 1
   goes to rock 1; truck 1 waits until ..." is read): rules/waitsteps.py.
7. "Excavator 1 goes to soil 1. Once truck 1 arrives at soil 1, excavator 1 digs." dropped truck 1: the arrival
   waited for, not found among truck 1's own steps, was matched to any robot's move to soil 1 (excavator 1's). A
   move waited for with its robot named is now that robot's own (made when it was never said). "Arrived" was no
   verb ("when truck 1 has arrived there" waited for nothing; "truck 1 has arrived at soil 1" moved it there).
8. "Truck 2 drives to soil 1, where excavator 1 stands, gets loaded, and returns to base." sent excavator 1 home
   (and not truck 2): the robot in the relative became the subject of the steps after it. A relative that only says
   a robot stands at the place (lexicon ``where_standing_words``) is now a state said first ("excavator 1 is
   already at soil 1."), and the clause goes on without it. Also "excavator 3 is stationed at soil 1" is a state
   (lexicon ``already``; "be stationed at" stays a move).
9. "Excavator 1 goes to soil 1 and digs. Then truck 2 comes over to it and gets loaded." was refused ("cannot tell
   where 'it' is"): "it" after the mover's own verb was the mover itself, the robot mentioned last. A robot does
   not go to itself: a pronoun that names only the moving robots is the robot mentioned before them.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: staying, remaining or waiting at a place is no move there --------------------------------------------


@pytest.mark.parametrize("state", [
    "keeps waiting at", "is waiting at", "remains at", "is still waiting at", "is still standing at",
    "is still parked at", "stays put at", "has been waiting at",
])
def test_a_truck_staying_at_the_excavators_place_is_not_moved(fleet, world, state):
    assert_plan(f"Truck 2 {state} soil 2. Excavator 2 goes to soil 2, digs and loads truck 2.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]))


@pytest.mark.parametrize("state", ["keeps waiting at", "is waiting at", "remains at"])
def test_a_robot_staying_elsewhere_is_not_moved(fleet, world, state):
    assert_plan(f"Truck 1 {state} obstacle 1. Excavator 3 goes to soil 1 and digs.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]))


def test_an_excavator_waiting_at_its_site_digs_there(fleet, world):
    assert_plan("Excavator 1 is waiting at soil 1. Truck 2 pulls up to excavator 1. Excavator 1 digs and loads "
                "truck 2.", fleet, world,
                task("m", T, [D2], ["soil1"]), task("d", DIG, [E1], []),
                task("l", LOAD, [E1], [], deps=["d", "m"]))
    assert_plan("Excavator 1 is waiting at soil 1. Then it digs.", fleet, world, task("d", DIG, [E1], []))


def test_a_truck_still_standing_at_a_puddle_dumps_there(fleet, world):
    assert_plan("Truck 3 is still standing at puddle 1. Tip the bed there.", fleet, world,
                task("d", DUMP, [D3], []))


def test_a_truck_that_remains_and_is_loaded_then_leaves(fleet, world):
    assert_plan("Truck 1 remains at rock 1. Excavator 1 goes to rock 1, digs and loads truck 1. Then truck 1 dumps "
                "at puddle 2.", fleet, world,
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("m2", T, [D1], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D1], [], deps=["m2"]))


# -- finding 2: a state timed by "until <deed>" still makes the deed -------------------------------------------------


@pytest.mark.parametrize("state", ["is parked at", "keeps waiting at", "is already at", "remains at"])
def test_a_state_until_a_deed_still_makes_the_deed(fleet, world, state):
    assert_plan(f"Truck 3 {state} rock 1 until excavator 1 has dug at rock 1, then excavator 1 loads truck 3.",
                fleet, world, task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


def test_a_truck_remaining_until_loaded_then_dumps(fleet, world):
    assert_plan("Truck 3 remains at soil 2 until excavator 2 has dug at soil 2 and loaded it. Then truck 3 dumps at "
                "puddle 1.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]), task("m2", T, [D3], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D3], [], deps=["m2"]))


# -- finding 3: a truck that pulls up or parks beside the excavator goes to its place ------------------------------


@pytest.mark.parametrize("move", [
    "pulls up next to it", "pulls up next to excavator 1", "pulls up beside it", "parks next to it",
    "parks beside excavator 1", "pulls up", "pulls up alongside it", "pulls in next to it",
])
def test_a_truck_pulling_up_to_the_excavator_goes_to_its_place(fleet, world, move):
    assert_plan(f"Excavator 1 digs at soil 2. Then truck 3 {move}. Excavator 1 loads truck 3.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D3], ["soil2"], deps=["d"]), task("l", LOAD, [E1], [], deps=["t"]))


def test_a_truck_parked_beside_the_excavator_still_stands_there(fleet, world):
    # guard: "is parked next to" stays a state
    assert_plan("Excavator 1 is parked at rock 2. Truck 2 is parked next to it. Excavator 1 digs and loads truck 2.",
                fleet, world, task("d", DIG, [E1], []), task("l", LOAD, [E1], [], deps=["d"]))


# -- finding 4: "<robot> has been / are both / is in position at <place>" says where it stands ----------------------


@pytest.mark.parametrize("state", [
    "has been at", "is in position at", "was at", "is still at", "is currently at", "has been in position at",
])
def test_be_at_a_place_is_where_the_excavator_stands(fleet, world, state):
    assert_plan(f"Excavator 1 {state} soil 2 all day. It digs, and truck 1 then drives up and is loaded.", fleet,
                world, task("d", DIG, [E1], []), task("m", T, [D1], ["soil2"], deps=["d"]),
                task("l", LOAD, [E1], [], deps=["m"]))


@pytest.mark.parametrize("state", ["are both at", "are at", "are both still at", "have both been at"])
def test_two_robots_said_to_be_at_a_place_stand_there(fleet, world, state):
    assert_plan(f"Excavator 2 and truck 3 {state} soil 1. Excavator 2 digs and loads truck 3.", fleet, world,
                task("d", DIG, [E2], []), task("l", LOAD, [E2], [], deps=["d"]))


def test_should_be_at_is_still_an_order_to_go(fleet, world):
    assert_plan("Truck 2 should be at rock 1. Excavator 1 is at rock 1.", fleet, world,
                task("m", T, [D2], ["rock1"]))


def test_robots_joined_before_are_at_stand_there(fleet, world):
    assert_plan("Excavator 2 and truck 3 are at soil 1. Excavator 2 digs and loads truck 3.", fleet, world,
                task("d", DIG, [E2], []), task("l", LOAD, [E2], [], deps=["d"]))


def test_being_at_a_place_in_a_timing_is_still_the_moment_waited_for(fleet, world):
    assert_plan("Excavator 1 and truck 2 go to soil 1. When they are both at soil 1, excavator 1 loads truck 2.",
                fleet, world, task("m", T, [E1, D2], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]))
    assert_plan("Excavator 1 goes to soil 1, truck 2 to rock 1. Once truck 2 has been at rock 1, excavator 1 digs.",
                fleet, world, task("m", T, [E1], ["soil1"]), task("t", T, [D2], ["rock1"]),
                task("d", DIG, [E1], [], deps=["m", "t"]))


# -- finding 5: a robot said to be at the start already is not sent back there --------------------------------------


@pytest.mark.parametrize("state", ["is already at base", "is still at the start", "has been at base",
                                   "is parked at base", "remains at base"])
def test_a_robot_at_the_start_is_not_returned_first(fleet, world, state):
    assert_plan(f"Excavator 1 {state}. Then it digs at soil 2 and goes back.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("r", R, [E1], [], deps=["d"]))


def test_two_trucks_still_at_base_go_out(fleet, world):
    assert_plan("Trucks 1 and 2 are still at base; they go to puddle 1.", fleet, world,
                task("m", T, [D1, D2], ["puddle1"]))


# -- finding 6: "<step> and waits until <deed>" does not hold up the step said first --------------------------------


@pytest.mark.parametrize("wait", [
    "and waits until excavator 1 has loaded it", "and then waits until excavator 1 has loaded it",
    ", then waits until excavator 1 has loaded it", "and waits there until excavator 1 has loaded it",
    "and remains at rock 1 until excavator 1 has loaded it", "and stays until excavator 1 has loaded it",
    "and waits for excavator 1 to load it",
])
def test_a_wait_after_a_move_holds_up_only_the_steps_after_it(fleet, world, wait):
    text = f"Truck 1 goes to rock 1 {wait}. Then truck 1 dumps at puddle 1.".replace(" ,", ",")
    assert_plan(text, fleet, world,
                task("m", T, [D1], ["rock1"]), task("l", LOAD, [E1], [], deps=["m"]),
                task("m2", T, [D1], ["puddle1"], deps=["l"]), task("u", DUMP, [D1], [], deps=["m2"]))


def test_a_wait_for_a_deed_of_another_robot_leaves_the_move_at_once(fleet, world):
    assert_plan("Truck 1 goes to rock 1 and waits until excavator 1 has dug.", fleet, world,
                task("m", T, [D1], ["rock1"]), task("d", DIG, [E1], []))


def test_a_wait_said_first_still_holds_up_the_move(fleet, world):
    # guard: "waits until X, then goes" is unchanged
    assert_plan("Truck 2 waits until excavator 1 has dug at soil 1, then goes to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2], ["soil1"], deps=["d"]))


# -- finding 7: the arrival waited for is the named robot's own move -------------------------------------------------


@pytest.mark.parametrize("anchor", [
    "Once truck 1 arrives at soil 1", "Once truck 1 reaches soil 1", "Once truck 1 is at soil 1",
    "Once truck 1 arrives", "When truck 1 has arrived there", "After truck 1 has arrived",
])
def test_a_truck_arriving_where_the_excavator_digs_is_moved_there(fleet, world, anchor):
    assert_plan(f"Excavator 1 digs at soil 1. {anchor}, excavator 1 loads it.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


def test_an_excavator_waiting_for_a_truck_at_its_place_digs_after_it(fleet, world):
    assert_plan("Excavator 1 goes to soil 1. Once truck 1 arrives at soil 1, excavator 1 digs.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_a_truck_that_has_arrived_is_where_it_arrived(fleet, world):
    assert_plan("Truck 1 has arrived at soil 1. Excavator 1 goes to soil 1, digs and loads truck 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


# -- finding 8: "..., where <robot> stands, ..." says where that robot is; "is stationed at" too --------------------


@pytest.mark.parametrize("text", [
    "Truck 2, please drive up to soil 1 where excavator 1 stands, get loaded, and return to base.",
    "Truck 2 drives to soil 1, where excavator 1 stands, gets loaded, and returns to base.",
    "Truck 2 drives to soil 1, where excavator 1 is already waiting, gets loaded and returns to base.",
    "Truck 2 drives to soil 1, where excavator 1 is, gets loaded and returns to base.",
])
def test_a_robot_standing_where_the_truck_goes_does_not_take_over_its_steps(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]),
                task("r", R, [D2], [], deps=["l"]))


def test_a_robot_waiting_where_the_excavator_goes_is_not_moved(fleet, world):
    assert_plan("Excavator 1 goes to soil 2, where truck 3 is waiting, and digs.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]))


def test_a_relative_with_a_step_is_still_read_as_that_step(fleet, world):
    # guard: "where excavator 1 loads it" stays a loading there
    assert_plan("Truck 2 drives to soil 1, where excavator 1 loads it.", fleet, world,
                task("m", T, [D2, E1], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]))


def test_an_excavator_stationed_at_its_site_is_not_moved(fleet, world):
    assert_plan("Excavator 3 is stationed at soil 1. Truck 2 joins it and gets loaded.", fleet, world,
                task("m", T, [D2], ["soil1"]), task("l", LOAD, [E3], [], deps=["m"]))
    assert_plan("Excavator 1 is stationed at rock 2 and breaks it up.", fleet, world, task("d", DIG, [E1], []))


# -- finding 9: "<truck> comes over to it": "it" is the robot before the truck ---------------------------------------


@pytest.mark.parametrize("verb", ["comes over to it", "drives over to it", "comes to it"])
def test_a_truck_coming_over_to_it_goes_to_the_excavator(fleet, world, verb):
    assert_plan(f"Excavator 1 goes to soil 1 and digs. Then truck 2 {verb} and gets loaded.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2], ["soil1"], deps=["d"]), task("l", LOAD, [E1], [], deps=["t"]))


def test_a_truck_driving_over_to_them_goes_where_they_stand(fleet, world):
    assert_plan("Excavators 1 and 2 are at soil 1. Then truck 2 drives over to them.", fleet, world,
                task("t", T, [D2], ["soil1"]))
