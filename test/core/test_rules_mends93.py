"""Probe mends in the DART-LLM task voice for long jobs of several crews ("Two excavators go to soil 1 and dig, and in
the meantime two dump trucks wait at obstacle 1. As soon as the digging is done, the trucks are loaded, truck 1
first ..."), round 22.

1. "The trucks are loaded by it, truck 1 first" (also "by excavator 1, truck 2 first", "Both trucks are loaded ...,
   truck 1 first"): a passive whose subject is the trucks said by their type, with one truck named first, had one
   loading serve both trucks and the order dropped (rule 24). As after "they are loaded, truck 3 first", the other
   truck of the subject is loaded after the one named.
2. "Once dump truck 1 has tipped, rock 1 is open to everyone again and all robots go back to the start" (no comma
   before "and"): the robots after "and" were read as more robots the place is open to, so the return was part of the
   lifting's clause and waited for it instead of for the tipping (with a comma it did not); "puddle 1 is closed to all
   robots and dump truck 2 goes to rock 1" sent the whole fleet to rock 1 and dropped truck 2. The robots a keep-out
   is set or lifted for ("to everyone", "for trucks 2 and 3") are no subject a later robot could extend: a robot
   after "and" with a verb of its own opens a clause, as after any other clause said to its end.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AVA, D1, D2, D3, DIG, DUMP, E1, LOAD, RA, R, T, assert_plan, task

# -- finding 1: "the trucks are loaded (by X), truck 1 first" loads one truck after the other -----------------------

_SITE = "Excavator 1 goes to soil 2 and digs, and dump trucks 1 and 2 go to soil 2 as well. "
_ON = " Dump truck 1 then goes to puddle 2 and dump truck 2 then goes to puddle 1."


@pytest.mark.parametrize("passive", [
    "The trucks are loaded by it, truck 1 first.",
    "The trucks are loaded by excavator 1, truck 1 first.",
    "The trucks are loaded, truck 1 first.",
    "Both trucks are loaded by excavator 1, dump truck 1 first.",
    "The trucks then get loaded by it, truck 1 first.",
])
def test_the_trucks_loaded_with_one_named_first(fleet, world, passive):
    assert_plan(_SITE + passive + _ON, fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("h1", T, [D1], ["puddle2"], deps=["l1"]), task("h2", T, [D2], ["puddle1"], deps=["l2"]))


def test_the_trucks_loaded_with_the_second_named_first(fleet, world):
    assert_plan(_SITE + "The trucks are loaded by it, dump truck 2 first." + _ON, fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l2", LOAD, [E1], [], deps=["d"]), task("l1", LOAD, [E1], [], deps=["l2"]),
                task("h1", T, [D1], ["puddle2"], deps=["l1"]), task("h2", T, [D2], ["puddle1"], deps=["l2"]))


# -- finding 2: "X is open to everyone again and all robots go back": the robots after "and" have a clause of their own


_TIPPED = "All robots avoid rock 1 from the start. Dump truck 1 goes to puddle 1 and tips there. Once dump truck 1 " \
    "has tipped, "


@pytest.mark.parametrize("tail", [
    "rock 1 is open to everyone again and all robots go back to the start.",
    "rock 1 is open for everyone again and everybody returns to start.",
    "rock 1 is open to all robots again and the whole fleet returns to start.",
    "rock 1 is open to everyone again, and all robots go back to the start.",
])
def test_lifted_for_everyone_and_the_fleet_returns(fleet, world, tail):
    assert_plan(_TIPPED + tail, fleet, world,
                task("a", AVA, [], ["rock1"]), task("m", T, [D1], ["puddle1"], deps=["a"]),
                task("u", DUMP, [D1], [], deps=["m"]), task("o", ALA, [], ["rock1"], deps=["u"]),
                task("r", RA, [], [], deps=["u"]))


def test_lifted_for_two_trucks_and_the_third_returns(fleet, world):
    assert_plan(_TIPPED + "rock 1 is open to dump truck 2 and dump truck 3 again and dump truck 1 goes back to the "
                "start.", fleet, world,
                task("a", AVA, [], ["rock1"]), task("m", T, [D1], ["puddle1"], deps=["a"]),
                task("u", DUMP, [D1], [], deps=["m"]), task("o", AL, [D2, D3], ["rock1"], deps=["u"]),
                task("r", R, [D1], [], deps=["u"]))


def test_lifted_for_two_trucks_is_still_one_list(fleet, world):
    assert_plan(_TIPPED + "rock 1 is open to dump truck 2 and dump truck 3 again.", fleet, world,
                task("a", AVA, [], ["rock1"]), task("m", T, [D1], ["puddle1"], deps=["a"]),
                task("u", DUMP, [D1], [], deps=["m"]), task("o", AL, [D2, D3], ["rock1"], deps=["u"]))


def test_closed_to_everyone_and_a_truck_goes_on(fleet, world):
    assert_plan("Dump truck 1 goes to puddle 1 and tips there. Once dump truck 1 has tipped, puddle 1 is closed to all "
                "robots and dump truck 2 goes to rock 1.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("u", DUMP, [D1], [], deps=["m"]),
                task("a", AVA, [], ["puddle1"], deps=["u"]), task("g", T, [D2], ["rock1"], deps=["u"]))
