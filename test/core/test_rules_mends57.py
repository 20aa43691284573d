"""Mends of helper M57: misreadings of an office planner's written work orders (passive voice, "prior to",
"upon completion of", "whereupon"), found with sentences written for this session.

1. "Prior to the start of work, soil 1 is to be declared a keep-out zone for trucks 1 and 2. ..." added a return to
   start for both trucks: "start" in "the start of work" was read as the start position. The phrase (and "before /
   at the start of the work / the job / the shift / operations") is the job's beginning, an opener like "first"
   (lexicon ``connectives.first``).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, DIG, DUMP, E1, E3, LOAD, T, assert_plan, task

# -- finding 1: "prior to the start of work" is the job's beginning, not the start position ----------------------


def test_a_keep_out_prior_to_the_start_of_work_adds_no_return(fleet, world):
    assert_plan("Prior to the start of work, soil 1 is to be declared a keep-out zone for trucks 1 and 2. Excavator "
                "no. 3 is to excavate soil 1 in the meantime, and upon completion of the excavation the keep-out is to "
                "be lifted for the two trucks, whereupon truck 1 is to proceed to soil 1 to be loaded by excavator 3. "
                "The loaded truck is subsequently to dump at puddle 2.", fleet, world,
                task("k", AV, [D1, D2], ["soil1"]), task("m3", T, [E3], ["soil1"]), task("x", DIG, [E3], [], ["m3"]),
                task("a", AL, [D1, D2], ["soil1"], ["x"]), task("m1", T, [D1], ["soil1"], ["k", "a"]),
                task("l", LOAD, [E3], [], ["m1"]), task("m2", T, [D1], ["puddle2"], ["l"]),
                task("d", DUMP, [D1], [], ["m2"]))


@pytest.mark.parametrize("opener", ["Prior to the start of work", "Before the start of the work",
                                    "At the start of the shift", "Prior to the commencement of work"])
def test_the_start_of_work_opens_a_first_step(fleet, world, opener):
    assert_plan(f"{opener}, all robots are to avoid soil 1. Excavator 1 is to dig at soil 2.", fleet, world,
                task("k", AVA, [], ["soil1"]), task("m", T, [E1], ["soil2"], ["k"]),
                task("x", DIG, [E1], [], ["m"]))
