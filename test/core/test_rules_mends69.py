"""Mends of helper M69: misreadings in the dev lines of blind batch 23 (plain everyday chat prose).

1. "Likewise, once excavator 3 is done, truck 2 drives to soil 2." (L3_610) redid the steps before for the truck
   before the anchor: a repeat adverb alone before a comma means "too" when a later clause of its sentence has a
   verb, also when an anchor ("once ...", "as soon as ...") comes in between, not only when the very next clause
   has one.
2. "After both have dumped, lift the keep-out on rock 1 for the two trucks, and then both of them go home." (L3_605)
   sent each truck home right after its own dump, not after the lifting: a "then" clause of the same robots right
   after a keep-out change for them waits for that change (rule 21: keep-outs are ordered by what is said), as
   "after which" already did.
3. "excavator 1 puts the first load into it and excavator 2 tops it up after that" (L3_604) was one loading by
   both excavators: "puts the first load into" was no loading at all (silently dropped when said alone), and
   "tops it up" (the particle after the truck) was not read. Both are loading phrases in the lexicon now, and so
   are "puts some soil in the truck" / "puts more rubble into it" (also silently no loading before).
4. "the other two trucks should inspect the rocks: truck 1 takes rock 1 and truck 2 takes rock 2" (L3_607) sent
   both trucks to both rocks, then read "takes rock 1" as hauling a load there (a loading and a dump out of
   nothing): a colon list that spells out "the rocks" robot by robot may say a move verb in each pair, and a
   modal ("should", "must") may stand between the group and its verb.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

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


# -- finding 2: "lift the keep-out for X, and then X ..." waits for the lifting ------------------------------------


def test_then_after_a_lifting_for_the_same_trucks_waits_for_it(fleet, world):
    assert_plan("Trucks 1 and 2 keep away from soil 2 for now. Truck 1 tips at puddle 1 and truck 2 tips at obstacle "
                "1. When both are done, open soil 2 again for trucks 1 and 2, and then they both head back to base.",
                fleet, world,
                task("k", AV, [D1, D2], ["soil2"]),
                task("m1", T, [D1], ["puddle1"], deps=["k"]), task("u1", DUMP, [D1], [], deps=["m1"]),
                task("m2", T, [D2], ["obstacle1"], deps=["k"]), task("u2", DUMP, [D2], [], deps=["m2"]),
                task("a", AL, [D1, D2], ["soil2"], deps=["u1", "u2"]), task("r", R, [D1, D2], [], deps=["a"]))


def test_then_in_the_next_sentence_after_a_lifting_waits_for_it(fleet, world):
    assert_plan("Truck 3 stays away from puddle 2 from the start. Truck 3 goes to rock 2. After that the keep-out "
                "on puddle 2 is lifted for truck 3. Then it returns to start.", fleet, world,
                task("k", AV, [D3], ["puddle2"]), task("m", T, [D3], ["rock2"], deps=["k"]),
                task("a", AL, [D3], ["puddle2"], deps=["m"]), task("r", R, [D3], [], deps=["a"]))


def test_then_after_a_lifting_for_excavators_waits_for_it(fleet, world):
    assert_plan("Excavators 1 and 3 avoid obstacle 1 from the start. Excavator 1 digs at soil 1 and excavator 3 digs "
                "at rock 2. Once both have dug, lift the obstacle 1 keep-out for excavators 1 and 3, and then "
                "both of them go home.", fleet, world,
                task("k", AV, [E1, E3], ["obstacle1"]),
                task("m1", T, [E1], ["soil1"], deps=["k"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m3", T, [E3], ["rock2"], deps=["k"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("a", AL, [E1, E3], ["obstacle1"], deps=["g1", "g3"]), task("r", R, [E1, E3], [], deps=["a"]))


# -- finding 3: "puts the first load into it", "tops it up" are loadings -----------------------------------------


def test_first_load_then_topped_up_by_another_excavator(fleet, world):
    assert_plan("Excavators 1 and 2 dig at soil 1. Once they are done, truck 3 comes over; excavator 2 puts the "
                "first load into it and excavator 1 tops it up after that.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["g"]),
                task("l2", LOAD, [E2], [], deps=["t"]), task("l1", LOAD, [E1], [], deps=["l2"]))


def test_topping_the_truck_up_in_its_own_sentence(fleet, world):
    assert_plan("Excavators 2 and 3 go to rock 2 and dig. Truck 1 then drives to rock 2. Excavator 3 loads it. "
                "After that, excavator 2 tops the truck off.", fleet, world,
                task("m", T, [E2, E3], ["rock2"]), task("g", DIG, [E2, E3], [], deps=["m"]),
                task("t", T, [D1], ["rock2"], deps=["g"]),
                task("l3", LOAD, [E3], [], deps=["t"]), task("l2", LOAD, [E2], [], deps=["l3"]))


def test_putting_the_first_load_in_is_a_loading(fleet, world):
    assert_plan("Excavator 1 digs at soil 2 and truck 2 drives to soil 2. Then excavator 1 puts the first load "
                "into truck 2.", fleet, world,
                task("m", T, [E1, D2], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and truck 2 comes to soil 1. Then excavator 1 puts some soil in the truck.",
    "Excavator 1 digs at soil 1 and truck 2 comes to soil 1. Then excavator 1 puts more dirt into truck 2.",
])
def test_putting_some_soil_in_the_truck_is_a_loading(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]))


# -- finding 4: "<group> should inspect the rocks: truck 1 takes rock 1 and truck 2 takes rock 2" ----------------


def test_colon_list_with_a_verb_in_each_pair_spells_out_the_places(fleet, world):
    assert_plan("Trucks 2 and 3 should look at the puddles: truck 3 takes puddle 1 and truck 2 takes puddle 2.",
                fleet, world, task("a", T, [D3], ["puddle1"]), task("b", T, [D2], ["puddle2"]))


def test_colon_list_with_go_to_in_each_pair_after_must(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Meanwhile excavators 2 and 3 must visit both rocks: excavator 3 goes "
                "to rock 1 and excavator 2 goes to rock 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("a", T, [E3], ["rock1"]), task("b", T, [E2], ["rock2"]))


def test_colon_list_after_a_modal_without_verbs(fleet, world):
    assert_plan("Trucks 1 and 2 should check the puddles: truck 1 puddle 2, truck 2 puddle 1.", fleet, world,
                task("a", T, [D1], ["puddle2"]), task("b", T, [D2], ["puddle1"]))
