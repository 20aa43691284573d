"""Mends of helper M149 (blind batch 31, dev lines written by others).

1. "Excavator 1 digs at soil 2 while truck 3 inspects puddle 1. When both of those are finished, truck 3 goes to
   soil 2." was refused, asking which places "both of those" means: right before a condition auxiliary and a word
   of being done ("are finished", "have been completed") it points at the two deeds just said, as "both" alone
   does, so the step waits for each of them. "avoid both of those" stays the two places.
2. "Work plan for the trucks at rock 2: 1. Trucks 1 and 2 drive to rock 2. ..." sent every truck (type, count 3)
   to rock 2 in place of trucks 1 and 2: the robots after "for" (lexicon ``goal_heading_prepositions``) in a heading
   that a goal noun opens and a colon closes, with no verb, name whom the plan is for, not doers; the steps after
   the colon name the robots. The heading is read as a robotless one.
3. "Truck 2 keeps out of puddle 1 until its load has been tipped." made "its load has been tipped" an order (a dump
   of truck 2 at the start, before which the truck's trip waited): in an anchor, a possessive (lexicon
   ``anchor_possessives``), a noun of the deed and auxiliaries before the deed's verb are the possessor's own deed,
   as "until it has tipped" is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D3, DIG, DUMP, E1, E2, R, T, assert_plan, task

# -- finding 1: "when both of those are done" waits for the two deeds ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 2 while truck 3 inspects puddle 1. When both of those are finished, truck 3 goes to "
    "soil 2.",
    "Excavator 1 digs at soil 2 and truck 3 checks puddle 1. Once both of these are done, truck 3 heads to soil 2.",
    "Excavator 1 should dig at soil 2 while truck 3 visits puddle 1; after both of those have been completed, truck 3 "
    "drives to soil 2.",
])
def test_both_of_those_before_being_done_are_the_two_deeds(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["soil2"]), task("x", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [D3], ["puddle1"]), task("m3", T, [D3], ["soil2"], deps=["x", "m2"]))


def test_both_of_those_after_a_keep_out_verb_stay_places(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and rock 2. Then excavator 2 avoids both of those.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["rock2"], deps=["a"]),
                task("k", AV, [E2], ["soil1", "rock2"], deps=["b"]))


# -- finding 2: "<goal noun> for the trucks at <place>:" heads the steps, it sends no robot -----------------------

@pytest.mark.parametrize("text", [
    "Work plan for the trucks at rock 2: 1. Trucks 1 and 3 drive to rock 2. 2. After step 1, they return to base.",
    "Job plan for the trucks at rock 2:\n1. Dump trucks 1 and 3 drive to rock 2.\n2. After step 1, they return to "
    "base.",
    "The plan for both trucks at rock 2: trucks 1 and 3 drive to rock 2, then they return to base.",
])
def test_robots_a_heading_is_for_are_no_doers(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D1, D3], ["rock2"]), task("r", R, [D1, D3], [], deps=["m"]))


def test_a_pronoun_after_the_heading_still_means_its_robots(fleet, world):
    assert_plan("Plan for trucks 1 and 3: they go to rock 2.", fleet, world, task("m", T, [D1, D3], ["rock2"]))


# -- finding 3: "until its load has been tipped" is the truck's own dump, no order -------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 keeps out of soil 2 until its load has been tipped. Truck 1 goes to rock 1 and dumps there. Once truck 1 "
    "has dumped, lift the soil 2 restriction on truck 1.",
    "Truck 1 stays away from soil 2 until its delivery is unloaded. Truck 1 drives to rock 1 and tips there. After "
    "truck 1 has tipped, truck 1 may enter soil 2 again.",
    "Truck 1 must avoid soil 2 until its cargo has been dumped. Truck 1 goes to rock 1 and tips there. When truck 1 "
    "has tipped, truck 1 may go near soil 2 again.",
])
def test_a_possessed_deed_in_an_anchor_is_the_robots_own(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AV, [D1], ["soil2"]), task("m", T, [D1], ["rock1"], deps=["k"]),
                task("d", DUMP, [D1], [], deps=["m"]), task("a", AL, [D1], ["soil2"], deps=["d"]))
