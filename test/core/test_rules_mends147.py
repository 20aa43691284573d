"""Mends of helper M147: silent misreadings found by other helpers (each gave a plan, no error, and the plan was
wrong).

1. "Truck 2 will do the same at soil 2 once excavator 2 is done, dumping at puddle 2." copied truck 1's haul to
   puddle 1 and its dump, then hauled to puddle 2 and dumped again: the "once ..." clause between the repeat and
   the dump said with it only says when, so the dump said later in the sentence still replaces the copied one.
2. "Two trucks should check both puddles first, truck 1 at puddle 1 and truck 2 at puddle 2, because ..." planned
   the checks twice (the unnamed two trucks, then trucks 1 and 2): the list of robot-place pairs after the group
   spells it out also with a modal before the verb, a "first" ending the clause, and a reason aside after the list.
4. (part) "... until truck 1 has left for puddle 2" lost truck 1's move to puddle 2: "left for" (and "leaving for",
   "departed for") are moves to the place after them, as "leaves for" was. Left: the ", where it'll dump" after such
   an "until" clause still dumps at the keep-out's place (the anchor is read before its clause), and whether "until"
   alone lifts the keep-out stays open (test_rules_mends35).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, T, assert_plan, task

# -- finding 1: a "once ..." between a repeat and its own dump place ------------------------------------------------

_DUG = [task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
        task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"])]


def _hauls(site1: str, site2: str, dump1: str, dump2: str) -> list:
    return [task("t1", T, [D1], [site1], deps=["g1"]), task("l1", LOAD, [E1], [], deps=["t1"]),
            task("h1", T, [D1], [dump1], deps=["l1"]), task("d1", DUMP, [D1], [], deps=["h1"]),
            task("t2", T, [D2], [site2], deps=["g2"]), task("l2", LOAD, [E2], [], deps=["t2"]),
            task("h2", T, [D2], [dump2], deps=["l2"]), task("d2", DUMP, [D2], [], deps=["h2"])]


@pytest.mark.parametrize("text", [
    "Excavator 1 digs soil 1 and excavator 2 digs soil 2. Truck 1 comes to soil 1 once excavator 1 is done and gets "
    "loaded, then dumps at puddle 1. Truck 2 will do the same at soil 2 once excavator 2 is done, dumping at puddle 2.",
    "Excavator 1 digs soil 1 and excavator 2 digs soil 2. Truck 1 goes to soil 1 after excavator 1 finishes, gets "
    "loaded and dumps at puddle 1. Truck 2 does the same at soil 2 after excavator 2 finishes, dumping at puddle 2.",
    "Excavator 1 digs soil 1 and excavator 2 digs soil 2. Truck 1 drives to soil 1 when excavator 1 is finished, "
    "gets loaded there and dumps at puddle 1. Truck 2 does likewise at soil 2 when excavator 2 is finished, but it "
    "dumps at puddle 2.",
])
def test_a_when_clause_inside_a_repeat_keeps_the_dump_place_said_after_it(fleet, world, text):
    assert_plan(text, fleet, world, *_DUG, *_hauls("soil1", "soil2", "puddle1", "puddle2"))


def test_a_repeat_without_its_own_dump_place_still_copies_the_old_one(fleet, world):
    text = ("Excavator 1 digs soil 1 and excavator 2 digs soil 2. Truck 1 comes to soil 1 once excavator 1 is done "
            "and gets loaded, then dumps at puddle 1. Truck 2 will do the same at soil 2 once excavator 2 is done.")
    assert_plan(text, fleet, world, *_DUG, *_hauls("soil1", "soil2", "puddle1", "puddle1"))


# -- finding 2: a spelled-out list right after a group restates the group -------------------------------------------

@pytest.mark.parametrize("text", [
    "Two trucks should check both puddles first, truck 1 at puddle 1 and truck 2 at puddle 2, because they may be "
    "deep.",
    "Two trucks should check both puddles, truck 1 at puddle 1 and truck 2 at puddle 2.",
    "Two trucks check the puddles first, truck 1 at puddle 1 and truck 2 at puddle 2.",
    "The two trucks must inspect both puddles first, truck 1 at puddle 1 and truck 2 at puddle 2, since they are "
    "the lowest spots.",
])
def test_a_list_after_a_group_spells_it_out_once(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["puddle2"]))


def test_a_trailing_first_still_orders_the_checks_before_the_rest(fleet, world):
    text = ("Two trucks should check both puddles first, truck 1 at puddle 1 and truck 2 at puddle 2. Then excavator 1 "
            "digs at soil 1.")
    assert_plan(text, fleet, world, task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["puddle2"]),
                task("m", T, [E1], ["soil1"], deps=["a", "b"]), task("g", DIG, [E1], [], deps=["m"]))


# -- finding 4 (part): "has left for <place>" is a move there --------------------------------------------------------

def test_left_for_a_place_in_an_anchor_is_the_move_there(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Once truck 1 has left for puddle 2, truck 2 goes to soil 1.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["puddle2"], deps=["a"]),
                task("c", T, [D2], ["soil1"], deps=["b"]))


def test_left_for_a_place_in_an_until_keep_out_is_the_move_there(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Trucks 2 and 3 stay clear of soil 1 until truck 1 has left for puddle 2.",
                fleet, world, task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["puddle2"], deps=["a"]),
                task("k", AV, [D2, D3], ["soil1"]))


def test_leaving_for_a_place_is_the_move_there(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Then it is leaving for puddle 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["puddle2"], deps=["a"]))
