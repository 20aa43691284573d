"""Mends of helper M62: misreadings found with sentences written for this session in three voices (a non-native
operator, a dispatcher's step list, terse notes with semicolons and arrows).

1. "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both start now." redid the digging at soil 2 for both
   excavators (excavator 1 drove on to soil 2 and dug twice): the verbless "both start now" was read as a gapped
   repeat of the clause before. Robots with only a verb of starting (lexicon ``aspect_verbs``) and words of time
   (``start_remark_words``) say when the steps just given start: no step of their own.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D3, DIG, DUMP, E1, E3, LOAD, T, assert_plan, task

# -- finding 1: "<robots> start now" after the steps is a remark on their timing ----------------------------------

_TWO_DIGS = (task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
             task("m3", T, [E3], ["soil2"]), task("g3", DIG, [E3], deps=["m3"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both start now.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both starting now.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, they start now.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2, both begin together.",
])
def test_robots_that_start_now_add_no_step(fleet, world, text):
    assert_plan(text, fleet, world, *_TWO_DIGS)


def test_the_non_native_job_with_both_start_now(fleet, world):
    assert_plan("Excavator 1 dig at soil 1 and excavator 3 dig at soil 2, both start now. Truck 3 go to soil 1. "
                "When excavator 1 finish digging, it load truck 3. Then truck 3 go to soil 2 and excavator 3 load it "
                "also. After that truck 3 dump at obstacle 2.", fleet, world,
                task("m1", T, [E1, D3], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m3", T, [E3], ["soil2"]), task("g3", DIG, [E3], deps=["m3"]),
                task("l1", LOAD, [E1], deps=["g1"]), task("t2", T, [D3], ["soil2"], deps=["l1"]),
                task("l3", LOAD, [E3], deps=["g3", "t2"]), task("t3", T, [D3], ["obstacle2"], deps=["l3"]),
                task("d", DUMP, [D3], deps=["t3"]))
