"""Round 12 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    D3,
    DIG,
    E2,
    E3,
    LOAD,
    T,
    assert_plan,
    task,
)

# -- "already parked next to / beside / near X" is a robot standing at X, as "already parked at X" ----------


def test_a_robot_already_parked_beside_a_place_digs_there_without_a_move(fleet, world):
    assert_plan("Excavator 2 is already parked beside soil 1, so it digs right there while truck 3 drives to "
                "soil 1. Once excavator 2 has dug, it loads truck 3.", fleet, world,
                task("a", DIG, [E2]), task("b", T, [D3], ["soil1"]),
                task("c", LOAD, [E2], deps=["a", "b"]))


def test_a_robot_sitting_close_to_a_place_needs_no_trip_there(fleet, world):
    assert_plan("Excavator 3 has been sitting close to rock 2 all night. It breaks up the rock where it is.",
                fleet, world, task("a", DIG, [E3]))
