"""Mends of helper M39: strong restructurings of an instruction (goal first, lists, titles) that were misread.

1. "Both obstacles are closed to the whole fleet first. The job itself is one haul from soil 1 to puddle 1: ..."
   sent the whole fleet to soil 1 and puddle 1 before the crew: "itself" after the goal noun kept the sentence
   from being read as a title, so the haul it names became a step of the robots said before. "itself" is now
   passed over like "the" or "main" (lexicon ``title_skip_words``).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, DIG, DUMP, E1, E3, LOAD, RA, T, assert_plan, task

# -- finding 1: "The job itself is ...:" is a title ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Both obstacles are closed to the whole fleet before work starts. The job itself is one haul from soil 1 to "
    "puddle 1: excavator 1 and truck 1 drive to soil 1, the excavator digs and loads truck 1, and truck 1 dumps "
    "at puddle 1. When truck 1 is empty, everybody goes home.",
    "All robots keep away from obstacle 1 and obstacle 2 first. The task itself is a single haul from soil 1 to "
    "puddle 1: excavator one and truck one drive to soil one, the excavator digs and loads truck one, and truck "
    "one dumps at puddle one. After that every robot returns to base.",
])
def test_a_title_with_itself_adds_no_steps(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AVA, [], ["obstacle1", "obstacle2"]),
                task("m", T, [E1, D1], ["soil1"], deps=["k"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("n", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["n"]), task("h", RA, [], [], deps=["d"]))


def test_a_plan_itself_heading_adds_no_steps(fleet, world):
    assert_plan("Rock 1 is closed to every robot before we begin. The plan itself is simple: excavator 3 goes to "
                "soil 1 and digs.", fleet, world,
                task("k", AVA, [], ["rock1"]), task("m", T, [E3], ["soil1"], deps=["k"]),
                task("g", DIG, [E3], [], deps=["m"]))
