"""Mends of helper M85: misreadings found on instructions in the DART-LLM task style and plain prose about
keep-outs (fleet-wide and for some robots, set at the start, mid-job, "while" or "until" something happens, lifted
later) and fleet-wide returns.

1. "Excavator 1 goes to soil 1 and digs, then loads dump truck 2, which has driven to soil 1." dropped truck 2's
   move without a word: the relative clause in the bare perfect was read as a report of where the truck already
   stands. Every robot starts at its start place, and a relative perfect said of a robot the sentence's work
   reaches is timed by that work (it has driven there by the time it is loaded): a move, as "which has driven
   there in the meantime" is. "which has already gone there" (a report word between) stays a report.
2. "Until excavator 3 has dug at soil 2, the trucks keep away from soil 2. ... Then dump truck 3 goes to soil 2."
   sent the truck into a place still closed to it (no lifting made; with "dump truck 3 avoids soil 2" the plan was
   refused): only an "until" said after its keep-out was remembered as the keep-out's end. Said before it, at the
   head of the sentence, it ends the keep-out just the same, and a later move into the place waits for the lifting.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E3, LOAD, RA, T, assert_plan, task

# -- finding 1: "..., which has driven to soil 1" is a move told against the loading --------------------------------

_LOADED_AFTER_ARRIVING = (task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                          task("l", LOAD, [E1], [], deps=["g"]))


@pytest.mark.parametrize("relative", [
    "which has driven to soil 1",
    "which has moved to soil 1",
    "which has driven there",
    "which has come to soil 1",
])
def test_a_bare_perfect_relative_of_the_loaded_truck_is_its_move(fleet, world, relative):
    assert_plan(f"Excavator 1 goes to soil 1 and digs, then loads dump truck 2, {relative}.", fleet, world,
                *_LOADED_AFTER_ARRIVING)


def test_the_relative_move_in_a_job_with_a_fleet_wide_keepout(fleet, world):
    assert_plan("Excavator 1 inspects puddle 1, after which all robots avoid puddle 1. Then excavator 1 goes to soil 1 "
                "and digs, and loads dump truck 2, which has driven to soil 1. Dump truck 2 then dumps at rock 1. "
                "Finally, all robots return to start.", fleet, world,
                task("i", T, [E1], ["puddle1"]), task("a", AVA, [], ["puddle1"], deps=["i"]),
                task("m", T, [E1], ["soil1"], deps=["a"]), task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2], ["soil1"]), task("l", LOAD, [E1], [], deps=["g", "t"]),
                task("r", T, [D2], ["rock1"], deps=["l"]), task("d", DUMP, [D2], [], deps=["r"]),
                task("h", RA, [], [], deps=["d"]))


def test_already_keeps_the_relative_a_report(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and digs, then loads dump truck 1, which has already gone there.",
                fleet, world, task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]))


# -- finding 2: "Until X, <robots> keep away from Y" ends the keep-out as "... until X" does --------------------------

_UNTIL_DUG = (task("a", AV, [], ["soil2"], types=[("dump_truck", 3)]), task("m", T, [E3], ["soil2"]),
              task("g", DIG, [E3], [], deps=["m"]),
              task("u", AL, [], ["soil2"], deps=["g"], types=[("dump_truck", 3)]),
              task("t", T, [D3], ["soil2"], deps=["a", "u"]), task("l", LOAD, [E3], [], deps=["t"]))


@pytest.mark.parametrize("text", [
    "The trucks keep away from soil 2 until excavator 3 has dug there. Excavator 3 goes to soil 2 and digs. Then "
    "dump truck 3 goes to soil 2 and excavator 3 loads it.",
    "Until excavator 3 has dug at soil 2, the trucks keep away from soil 2. Excavator 3 goes to soil 2 and digs. "
    "Then dump truck 3 goes to soil 2 and excavator 3 loads it.",
    "Excavator 3 goes to soil 2 and digs. Until it is done, the trucks keep away from soil 2. Then dump truck 3 goes "
    "to soil 2 and excavator 3 loads it.",
])
def test_a_fronted_until_ends_the_keepout_of_a_type(fleet, world, text):
    assert_plan(text, fleet, world, *_UNTIL_DUG)


@pytest.mark.parametrize("keepout", [
    "Until excavator 3 is done, dump truck 3 avoids soil 2.",
    "Until excavator 3 has finished digging, dump truck 3 keeps away from soil 2.",
])
def test_a_fronted_until_ends_the_keepout_of_a_robot(fleet, world, keepout):
    assert_plan(f"Excavator 3 goes to soil 2 and digs. {keepout} Then dump truck 3 goes to soil 2.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("a", AV, [D3], ["soil2"]), task("u", AL, [D3], ["soil2"], deps=["g"]),
                task("t", T, [D3], ["soil2"], deps=["a", "u"]))


def test_a_fronted_until_ends_a_keepout_of_the_rest_of_the_fleet(fleet, world):
    rest = [E1, "robot_excavator_02", D1, D2, D3]
    assert_plan("Excavator 3 inspects soil 2. Until excavator 3 has finished inspecting, the rest of the fleet keeps "
                "away from soil 2. Then dump truck 3 goes to soil 2 and gets loaded by excavator 3. Finally, every "
                "robot returns to start.", fleet, world,
                task("i", T, [E3], ["soil2"]), task("a", AV, rest, ["soil2"]),
                task("u", AL, rest, ["soil2"], deps=["i"]), task("t", T, [D3], ["soil2"], deps=["a", "u"]),
                task("l", LOAD, [E3], [], deps=["t"]), task("h", RA, [], [], deps=["l"]))
