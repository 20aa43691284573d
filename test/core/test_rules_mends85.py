"""Mends of helper M85: misreadings found on instructions in the DART-LLM task style and plain prose about
keep-outs (fleet-wide and for some robots, set at the start, mid-job, "while" or "until" something happens, lifted
later) and fleet-wide returns.

1. "Excavator 1 goes to soil 1 and digs, then loads dump truck 2, which has driven to soil 1." dropped truck 2's
   move without a word: the relative clause in the bare perfect was read as a report of where the truck already
   stands. Every robot starts at its start place, and a relative perfect said of a robot the sentence's work
   reaches is timed by that work (it has driven there by the time it is loaded): a move, as "which has driven
   there in the meantime" is. "which has already gone there" (a report word between) stays a report.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D2, DIG, DUMP, E1, LOAD, RA, T, assert_plan, task

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
