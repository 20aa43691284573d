"""Mends of helper M102: rewordings of dev lines the planner read right, said with other verbs, connectives and
voices (a foreman's orders, a polite email, a non-native speaker); each finding is a rewording it misread.

1. "... only after excavator 2 has finished breaking the rock up" (or "breaking it up") was refused as waiting for
   a digging no step does: "breaking" with its particle apart was no verb of digging ("breaking up", "broken",
   "break" were). It is one now, so the wait finds the digging the breaking names (test_rules_mends13 now sees
   its ``aspect_verbs`` key through "starts excavations": "begins breaking it up" no longer needs the key).
2. "When all is done, all fleet return to start." (a non-native "all fleet", no article) sent only the robots
   said last home: "all fleet" is the whole fleet, like "whole fleet".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, RA, T, assert_plan, task

# -- finding 1: "breaking the rock up" is digging -----------------------------------------------------------------

_KEEP_OUT = ("First excavator 2 drives to rock 1. The moment it arrives, dump trucks 1 and 3 keep away from rock 1; "
             "they may go near it again only after excavator 2 has finished {what}.")


@pytest.mark.parametrize("what", ["breaking the rock up", "breaking it up", "breaking rock 1 up"])
def test_breaking_with_its_particle_apart_is_the_digging_waited_for(fleet, world, what):
    assert_plan(_KEEP_OUT.format(what=what), fleet, world,
                task("m", T, [E2], ["rock1"]),
                task("k", AV, [D1, D3], ["rock1"], deps=["m"]),
                task("d", DIG, [E2], [], deps=["m"]),
                task("l", AL, [D1, D3], ["rock1"], deps=["k", "d"]))


def test_a_truck_waits_for_the_breaking_said_with_its_particle_apart(fleet, world):
    assert_plan("Excavator 2 goes to rock 1. Truck 1 goes to rock 1 after excavator 2 has finished breaking the "
                "rock up, gets loaded by excavator 2 and dumps at soil 1.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1], ["rock1"], deps=["d"]), task("l", LOAD, [E2], [], deps=["t"]),
                task("u", T, [D1], ["soil1"], deps=["l"]), task("x", DUMP, [D1], [], deps=["u"]))


# -- finding 2: "all fleet" is the whole fleet --------------------------------------------------------------------

@pytest.mark.parametrize("fleet_words", ["all fleet", "all the fleet"])
def test_all_fleet_without_an_article_is_the_whole_fleet(fleet, world, fleet_words):
    assert_plan(f"Truck 3 goes to soil 1 and dumps there. Excavator 1 and truck 2 go to obstacle 2 together. "
                f"When all is done, {fleet_words} return to start.", fleet, world,
                task("a", T, [D3], ["soil1"]), task("b", DUMP, [D3], [], deps=["a"]),
                task("c", T, [E1, D2], ["obstacle2"]), task("r", RA, [], [], deps=["b", "c"]))
