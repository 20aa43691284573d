"""Mends of helper M47: dev lines the rules planner misread.

1. "The remaining excavator and the remaining truck stay out of the way at obstacle 2" was a keep-out of obstacle 2:
   "stay out of" matched the keep-out verbs and "the way" was skipped. "The way" is no place: "stay / keep / wait
   out of the way at X" is a move to X (navigate verbs in config/lexicon.yaml); the plain keep-outs stay.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, DIG, E1, E2, T, assert_plan, task

# -- finding 1: "stay out of the way at X" is a move to X ------------------------------------------------------------


@pytest.mark.parametrize("text, robot, place", [
    ("Excavator 2 stays out of the way at obstacle 2.", E2, "obstacle2"),
    ("Truck 1 keeps out of the way at puddle 1.", D1, "puddle1"),
    ("Truck 2 should wait out of the way at rock 2.", D2, "rock2"),
])
def test_staying_out_of_the_way_at_a_place_is_a_move_there(fleet, world, text, robot, place):
    assert_plan(text, fleet, world, task("m", T, [robot], [place]))


def test_staying_out_of_the_way_beside_other_work(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 while truck 2 keeps out of the way at puddle 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("w", T, [D2], ["puddle1"]))


def test_staying_out_of_a_place_stays_a_keep_out(fleet, world):
    assert_plan("Truck 1 stays out of puddle 1.", fleet, world, task("k", AV, [D1], ["puddle1"]))
