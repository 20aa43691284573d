"""Mends of helper M63: misreadings of instructions written in two voices, the published DART-LLM task style and a
dispatcher's run of short messages that only add steps ("Also: ...", "Oh and ...", "P.S. ...").

1. An afterthought that puts a robot step ahead of everything said in earlier sentences ("Excavator 1 goes to soil
   2 and digs. Oh and before any of that, truck 3 inspects obstacle 1.") was read in parallel (another robot) or
   after the robot's own chain (same robot): it now comes first, and what was said before waits for it, as a
   fleet-wide keep-out said that way already did.
2. "Truck 2 goes to puddle 1. But first, truck 2 inspects obstacle 1.": "but first" opening the next sentence was
   read in order, so the inspection came after; it comes first now, as it did after a comma.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, E1, LOAD, T, assert_plan, task

# -- finding 1: "before any of that" in a later sentence puts a robot step ahead of all said before -----------------


@pytest.mark.parametrize("opener", ["Oh and before any of that,", "But before any of that,", "Before any of this,",
                                    "P.S. prior to any of that,"])
def test_a_step_said_before_any_of_that_comes_first_for_another_robot(fleet, world, opener):
    assert_plan(f"Excavator 1 goes to soil 2 and digs. {opener} truck 3 inspects obstacle 1.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_a_step_said_before_any_of_that_comes_first_for_the_same_robot(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs. Before any of that, it inspects obstacle 1.", fleet, world,
                task("i", T, [E1], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_the_dispatchers_afterthought_puts_the_trucks_inspection_first(fleet, world):
    assert_plan("First, excavator 1 goes to soil 2. Also: once it is there, it digs. Oh and truck 3 goes to soil 2 "
                "after excavator 1 has dug; then excavator 1 loads it. One more thing - but before any of that, "
                "truck 3 inspects obstacle 1.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]), task("t", T, [D3], ["soil2"], deps=["d"]),
                task("l", LOAD, [E1], [], deps=["t"]))


# -- finding 2: "But first," opening the next sentence ---------------------------------------------------------------


@pytest.mark.parametrize("second", ["But first, truck 2 inspects obstacle 1.", "But first it inspects obstacle 1.",
                                    "But before that, it checks obstacle 1."])
def test_but_first_opening_the_next_sentence_puts_its_step_first(fleet, world, second):
    assert_plan(f"Truck 2 goes to puddle 1. {second}", fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("m", T, [D2], ["puddle1"], deps=["i"]))


def test_but_first_for_another_robot_in_the_next_sentence(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs. But first, truck 3 inspects obstacle 1.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]))
