"""Mends of helper M69: misreadings in the dev lines of blind batch 23 (plain everyday chat prose).

1. "Likewise, once excavator 3 is done, truck 2 drives to soil 2." (L3_610) redid the steps before for the truck
   before the anchor: a repeat adverb alone before a comma means "too" when a later clause of its sentence has a
   verb, also when an anchor ("once ...", "as soon as ...") comes in between, not only when the very next clause
   has one.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

from rules_helpers import AV, D2, D3, DIG, E1, E3, T, assert_plan, task

# -- finding 1: "Likewise, once X, <robot> ..." is "too", no repeat -------------------------------------------------


def test_likewise_before_an_anchor_repeats_nothing(fleet, world):
    assert_plan("Excavators 1 and 3 stay away from puddle 2 from the start. Excavator 1 goes to soil 1 and digs, "
                "and excavator 3 goes to rock 2 and digs. When excavator 1 is finished, truck 2 drives to soil 1. "
                "Similarly, as soon as excavator 3 is done, truck 3 heads to rock 2.", fleet, world,
                task("k", AV, [E1, E3], ["puddle2"]),
                task("m1", T, [E1], ["soil1"], deps=["k"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m3", T, [E3], ["rock2"], deps=["k"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("t2", T, [D2], ["soil1"], deps=["g1"]), task("t3", T, [D3], ["rock2"], deps=["g3"]))


def test_likewise_before_a_when_anchor_repeats_nothing(fleet, world):
    assert_plan("From the start, excavators 1 and 3 keep away from rock 1. Excavator 1 digs at soil 1 and "
                "excavator 3 digs at soil 2. Once excavator 1 is done, truck 2 comes to soil 1. Likewise, when "
                "excavator 3 has finished, truck 3 goes to soil 2.", fleet, world,
                task("k", AV, [E1, E3], ["rock1"]),
                task("m1", T, [E1], ["soil1"], deps=["k"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m3", T, [E3], ["soil2"], deps=["k"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("t2", T, [D2], ["soil1"], deps=["g1"]), task("t3", T, [D3], ["soil2"], deps=["g3"]))
