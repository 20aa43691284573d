"""Mends of helper M80: misreadings of instructions in a foreman's voice, orders addressed to the robots by name
("Excavator 3, go to soil 2 and dig. Trucks 1 and 2, wait at obstacle 1 until ...").

1. "Once excavator 2 is done, trucks 2 and 3, come over to rock 2" let the trucks drive at once: the timing of the
   anchor went to the robots said alone (the vocative), which make no step, and was dropped before the order after
   them. A vocative passes the timing said before it on to the order it addresses.
2. "Trucks 1 and 2, go to soil 2 and get loaded by excavator 3, truck 1 first" loaded both trucks in one loading: the
   order's aside names one truck and takes the other from the clause's subject, which it looked for only after the
   comma. Robots addressed by name before the comma (and only robots since the clause's start) are that subject.
3. "Excavator 1, puddle 2 is fine again once truck 3 has dumped." was dropped without a word: "fine" is a filler,
   so the clause had nothing but a place. "is/are fine again", "clear again" and "free again" lift a keep-out, as
   "is ok again" does (lexicon ``remove_keepout``).
4. "Trucks 1 and 2, wait at obstacle 1 until excavator 3 is done, then come over and get loaded" lost the trucks' move
   to soil 2 and made their wait at obstacle 1 wait for the digging: "over" was the event "is over", so "come" had
   no place and took the place said last (obstacle 1, where they already were). "come over", "drive over", "head
   over" (lexicon ``navigate``) are moves, to the loader's place as "come and get loaded" is.
5. "You two trucks, go to soil 1" sent every truck: "you two" was the pronoun of a pair with no pair before it, and
   the bare "trucks" after it all of them. "you" before a count and a type is read as "the": the two named before, or
   else two of the type.
6. "Excavators 1 and 2, go to soil 1 and dig. The rest of you, wait at obstacle 2" also sent excavators 1 and 2 to
   obstacle 2 after their digging: "the rest" and "you" were read apart, and "you" was the robots spoken to before.
   "the rest of you" is one mention of the other robots (lexicon ``other_robots_words``).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: an anchor before a vocative times the order after it ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at rock 2. Once excavator 2 is done, trucks 2 and 3, go to rock 2.",
    "Excavator 2 digs at rock 2. Once excavator 2 is done, trucks 2 and 3, come over to rock 2.",
    "Excavator 2 digs at rock 2. When it is done, trucks 2 and 3, drive to rock 2.",
    "Excavator 2 digs at rock 2. After the digging, trucks 2 and 3, head to rock 2.",
])
def test_an_anchor_before_a_vocative_times_the_order(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]),
                task("t", T, [D2, D3], ["rock2"], deps=["d"]))


def test_a_vocative_alone_still_takes_no_timing_of_its_own(fleet, world):
    assert_plan("Excavator 2 digs at rock 2. Trucks 2 and 3, go to rock 2.", fleet, world,
                task("m", T, [E2, D2, D3], ["rock2"]), task("d", DIG, [E2], deps=["m"]))


# -- finding 2: a loading order after a vocative takes the rest of its robots from the vocative ----------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 digs at soil 2. Trucks 1 and 2, go to soil 2 and get loaded by excavator 3, truck 1 first.",
    "Excavator 3 digs at soil 2. Trucks 1 and 2, go to soil 2 and get loaded, truck 2 first.",
    "Excavator 3 digs at soil 2. Truck 1 and truck 2, go to soil 2 and get loaded, truck 1 first.",
])
def test_a_loading_order_after_a_vocative_loads_each_truck(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E3, D1, D2], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
                task("l1", LOAD, [E3], deps=["d"]), task("l2", LOAD, [E3], deps=["l1"]))


def test_a_loading_order_after_a_vocative_and_an_anchor(fleet, world):
    assert_plan("Excavator 2 digs at rock 2. Once excavator 2 is done, trucks 2 and 3, come over to rock 2 and get "
                "loaded, truck 3 first. Then both of you dump at puddle 1.", fleet, world,
                task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]),
                task("t", T, [D2, D3], ["rock2"], deps=["d"]),
                task("l1", LOAD, [E2], deps=["t"]), task("l2", LOAD, [E2], deps=["l1"]),
                task("p", T, [D2, D3], ["puddle1"], deps=["l2"]), task("u", DUMP, [D2, D3], deps=["p"]))


def test_a_robot_object_before_the_comma_is_no_vocative(fleet, world):
    assert_plan("Excavator 3 digs at soil 2 and loads truck 1, truck 2 and truck 3 go to puddle 1.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
                task("l", LOAD, [E3], deps=["d"]), task("p", T, [D2, D3], ["puddle1"]))


# -- finding 3: "puddle 2 is fine again" lifts the keep-out ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1, stay clear of puddle 2. Truck 3 dumps at puddle 1. Excavator 1, puddle 2 is fine again once truck 3 "
    "has dumped.",
    "Excavator 1, stay clear of puddle 2. Truck 3 dumps at puddle 1. Once truck 3 has dumped, puddle 2 is clear again "
    "for excavator 1.",
])
def test_fine_again_lifts_a_robots_keep_out(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AV, [E1], ["puddle2"]), task("m", T, [D3], ["puddle1"]), task("u", DUMP, [D3], deps=["m"]),
                task("a", AL, [E1], ["puddle2"], deps=["u"]))


@pytest.mark.parametrize("words", ["are fine again", "are free again", "are clear again"])
def test_fine_again_lifts_a_fleet_keep_out(fleet, world, words):
    assert_plan(f"Everybody stay clear of both puddles. Truck 3 dumps at soil 1. After that the puddles {words}.",
                fleet, world,
                task("k", AVA, [], ["puddle1", "puddle2"]), task("m", T, [D3], ["soil1"], deps=["k"]),
                task("u", DUMP, [D3], deps=["m"]), task("a", ALA, [], ["puddle1", "puddle2"], deps=["u"]))


# -- finding 4: "come over and get loaded" is a move to the loader -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3, go to soil 2 and dig. Trucks 1 and 2, wait at obstacle 1 until excavator 3 is done, then come over "
    "and get loaded.",
    "Excavator 3 goes to soil 2 and digs. Trucks 1 and 2 wait at obstacle 1 until the digging is over, then drive over "
    "and get loaded.",
    "Excavator 3 goes to soil 2 and digs. Trucks 1 and 2 go to obstacle 1. Once excavator 3 is done, trucks 1 and 2 "
    "head over and get loaded.",
])
def test_come_over_and_get_loaded_moves_to_the_loader(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
                task("w", T, [D1, D2], ["obstacle1"]), task("t", T, [D1, D2], ["soil2"], deps=["d", "w"]),
                task("l", LOAD, [E3], deps=["t"]))


def test_the_digging_is_over_stays_an_event(fleet, world):
    assert_plan("Excavator 3 goes to soil 2 and digs. Once the digging is over, truck 1 comes over and gets loaded.",
                fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
                task("t", T, [D1], ["soil2"], deps=["d"]), task("l", LOAD, [E3], deps=["t"]))


# -- finding 5: "you two trucks" is "the two trucks" ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["You two trucks, go to soil 1.", "You two trucks go to soil 1."])
def test_you_two_trucks_are_two_trucks(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [], ["soil1"], types=[("dump_truck", 2)]))


def test_you_two_excavators_dig_and_named_trucks_wait(fleet, world):
    assert_plan("You two excavators, go to soil 1 and dig. Trucks 1 and 2, wait at obstacle 2 until they're done.",
                fleet, world,
                task("m", T, [], ["soil1"], types=[("excavator", 2)]),
                task("d", DIG, [], deps=["m"], types=[("excavator", 2)]),
                task("w", T, [D1, D2], ["obstacle2"]))


def test_you_two_trucks_after_two_named_trucks_are_those(fleet, world):
    assert_plan("Trucks 1 and 3 wait at obstacle 1. Excavator 2 digs at soil 1. You two trucks, go to soil 1 and get "
                "loaded.", fleet, world,
                task("w", T, [D1, D3], ["obstacle1"]), task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("t", T, [D1, D3], ["soil1"], deps=["w"]), task("l", LOAD, [E2], deps=["d", "t"]))


def test_you_two_alone_stays_the_pair_named_before(fleet, world):
    assert_plan("Excavator 1 and truck 2 go to rock 1. You two, then head back to base.", fleet, world,
                task("m", T, [E1, D2], ["rock1"]), task("r", R, [E1, D2], deps=["m"]))


# -- finding 6: "the rest of you" are the other robots ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavators 1 and 2, go to soil 1 and dig. The rest of you, wait at obstacle 2 until they're done.",
    "Excavators 1 and 2, go to soil 1 and dig. The rest of you wait at obstacle 2.",
    "Excavators 1 and 2, go to soil 1 and dig. All the rest of you, wait at obstacle 2.",
])
def test_the_rest_of_you_are_the_others(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], deps=["m"]),
                task("w", T, [E3, D1, D2, D3], ["obstacle2"]))


def test_the_rest_of_you_keep_out(fleet, world):
    assert_plan("Excavator 3, go to rock 1 and dig. The rest of you, keep away from rock 1.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("d", DIG, [E3], deps=["m"]),
                task("k", AV, [E1, E2, D1, D2, D3], ["rock1"]))
