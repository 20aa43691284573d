"""Mends of helper M145: misreadings found by other helpers and left (each gave a plan, no error, and the plan was
wrong).

1. "To start digging, excavator 1 goes to soil 1." planned only the move: a purpose said first and naming the work
   of a robot (dig, dump, load), before one robot's single move, was read as the job's goal (a check on places, no
   step), so the digging was dropped. It now reads as the same purpose said after the move ("excavator 1 goes to
   soil 1 to start digging"): the robot does the work there.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, DIG, DUMP, E1, E2, T, assert_plan, task

# -- finding 1: a fronted purpose of work is the moved robot's next step ---------------------------------------------


@pytest.mark.parametrize("text", [
    "To start digging, excavator 1 goes to soil 1.",
    "In order to dig, excavator 1 heads to soil 1.",
    "So as to begin digging, excavator 1 drives to soil 1.",
])
def test_fronted_purpose_digs_after_the_move(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_fronted_purpose_dumps_after_the_move(fleet, world):
    assert_plan("To dump its load, truck 1 goes to puddle 1.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("u", DUMP, [D1], [], deps=["m"]))


def test_fronted_purpose_in_a_later_sentence(fleet, world):
    assert_plan("Truck 1 checks puddle 1. To dig, excavator 2 then heads to soil 2.", fleet, world,
                task("c", T, [D1], ["puddle1"]), task("m", T, [E2], ["soil2"], deps=["c"]),
                task("d", DIG, [E2], [], deps=["m"]))
