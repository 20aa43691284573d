"""Mends of helper M104: keep-out misreadings found by another helper and left.

1. "The trucks keep away from rock 1 and rock 2 until excavator 2 has broken up both." ("broken both up", "dug at
   both", "broken them up") read "both" / "them" as robots: the excavator got a keep-out of its own, the trucks a
   second one, and its digging no move. A robot pronoun that can point back at a list of places, right after a
   verb of digging or checking (past "at") whose doer was said before it, is the places of the list: the "until"
   clause orders the excavator to each rock to dig, and a lifting a later move needs waits for that.
2. "Truck 1 avoids puddle 1 and puddle 2 until excavator 2 has inspected them." was refused ("them" read as robots
   gave the inspection no place); it now inspects both, and a later sentence that does the inspection makes the
   lifting wait for both places.
3. "Truck 1 goes to puddle 1 and puddle 2. Then excavator 2 inspects them." dropped puddle 1 without an error.
4. "From the start, truck 1 avoids puddle 1 and truck 2 avoids puddle 2. ... Once both trucks have dumped, lift the
   keep-outs" (also "these keep-outs", "the restrictions") lifted only truck 2's, and "puddle 1 and puddle 2 are
   open again" lifted both places for truck 2 alone, silently: a lifting said for no robot is one lifting per
   robots its places were closed to, and keep-outs in the plural (lexicon ``keepout_plural_nouns``) with no place
   are every keep-out still up; "lift both keep-outs" (refused: "which places does 'both' mean") is read so too.
5. "Truck 1 must avoid puddle 1 during all the work." said after other work was no keep-out for the whole job (the
   lexicon's ``duration_markers`` lacked "during all the work" and its kin), so its lifting waited for it (README
   rule 26 says it holds from the start and adds no edge to its lifting).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, R, T, assert_plan, task

# -- finding 1: "until X has broken up both / them": the places of the keep-out, dug by X ---------------------------


def _dug_both(keepout):
    return (keepout,
            task("m1", T, [E2], ["rock1"]), task("g1", DIG, [E2], [], deps=["m1"]),
            task("m2", T, [E2], ["rock2"], deps=["g1"]), task("g2", DIG, [E2], [], deps=["m2"]))


@pytest.mark.parametrize("text", [
    "The trucks keep away from rock 1 and rock 2 until excavator 2 has broken up both.",
    "The trucks keep away from rock 1 and rock 2 until excavator 2 has broken both up.",
    "The trucks keep away from rock 1 and rock 2 until excavator 2 has dug at both.",
])
def test_both_after_a_digging_in_an_until_clause_is_the_places(fleet, world, text):
    assert_plan(text, fleet, world, *_dug_both(task("k", AV, [], ["rock1", "rock2"], types=[("dump_truck", 3)])))


@pytest.mark.parametrize("text", [
    "Truck 1 keeps away from rock 1 and rock 2 until excavator 2 has broken them up.",
    "Truck 1 keeps away from rock 1 and rock 2 until excavator 2 has broken up both of them.",
    "Truck 1 keeps away from both rocks until excavator 2 has broken them up.",
    "Truck 1 keeps away from rocks 1 and 2 until excavator 2 has broken them up.",
])
def test_them_after_a_digging_in_an_until_clause_is_the_places(fleet, world, text):
    assert_plan(text, fleet, world, *_dug_both(task("k", AV, [D1], ["rock1", "rock2"])))


def test_the_lifting_waits_for_the_digging_the_until_clause_orders(fleet, world):
    assert_plan("Trucks 1 and 3 keep away from rock 1 and rock 2 until excavator 2 has broken both up. Then truck 1 "
                "goes to rock 2 and excavator 2 loads it.", fleet, world,
                *_dug_both(task("k", AV, [D1, D3], ["rock1", "rock2"])),
                task("a", AL, [D1, D3], ["rock1", "rock2"], deps=["g2"]),
                task("t", T, [D1], ["rock2"], deps=["k", "a"]), task("l", LOAD, [E2], [], deps=["t"]))


# -- finding 2: "until X has inspected them": the places, not robots ------------------------------------------------

def test_them_after_an_inspection_in_an_until_clause_is_the_places(fleet, world):
    assert_plan("Truck 1 avoids puddle 1 and puddle 2 until excavator 2 has inspected them.", fleet, world,
                task("k", AV, [D1], ["puddle1", "puddle2"]),
                task("m1", T, [E2], ["puddle1"]), task("m2", T, [E2], ["puddle2"], deps=["m1"]))


@pytest.mark.parametrize("text", [
    "Truck 1 avoids puddle 1 and puddle 2 until excavator 2 has inspected them. Excavator 2 inspects puddle 1 and "
    "puddle 2. Then truck 1 goes to puddle 1.",
    "Truck 1 avoids puddle 1 and puddle 2 until excavator 2 has checked them. Excavator 2 first inspects puddle 1 and "
    "then puddle 2. Afterwards truck 1 goes to puddle 1.",
])
def test_a_later_inspection_of_them_ends_the_keep_out_after_both_places(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AV, [D1], ["puddle1", "puddle2"]),
                task("m1", T, [E2], ["puddle1"]), task("m2", T, [E2], ["puddle2"], deps=["m1"]),
                task("a", AL, [D1], ["puddle1", "puddle2"], deps=["m2"]),
                task("t", T, [D1], ["puddle1"], deps=["k", "a"]))


# -- finding 3: "Then excavator 2 inspects them" after a list of places -------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 goes to puddle 1 and puddle 2. Then excavator 2 inspects them.",
    "Truck 1 goes to puddle 1 and puddle 2. Then excavator 2 checks both of them.",
])
def test_them_after_an_inspection_is_the_places_listed_before(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a1", T, [D1], ["puddle1"]), task("a2", T, [D1], ["puddle2"], deps=["a1"]),
                task("b1", T, [E2], ["puddle1"], deps=["a2"]), task("b2", T, [E2], ["puddle2"], deps=["b1"]))


def test_them_with_no_list_of_places_before_stays_what_it_was(fleet, world):
    # the inspections were said one by one: "them" points at no list, and the anchor waits for both
    assert_plan("Excavator 2 inspects soil 1 and truck 1 inspects soil 2. After excavator 2 and truck 1 have "
                "inspected them, truck 2 goes home.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("b", T, [D1], ["soil2"]), task("c", R, [D2], deps=["a", "b"]))


def test_them_after_a_loading_stays_the_robots(fleet, world):
    assert_plan("Trucks 1 and 3 go to soil 2 and excavator 2 digs there. Then excavator 2 loads them.", fleet, world,
                task("m", T, [D1, D3, E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["g"]))


# -- finding 4: lifting the keep-outs of two robots ----------------------------------------------------------------

_TWO = ("From the start, truck 1 avoids puddle 1 and truck 2 avoids puddle 2. Trucks 1 and 2 go to soil 1, where "
        "excavator 1 digs and loads them. Then truck 1 dumps at rock 1 and truck 2 dumps at rock 2. Once both trucks "
        "have dumped, ")


@pytest.mark.parametrize("lift", ["lift the keep-outs.", "lift these keep-outs.", "lift the restrictions.",
                                  "lift the keep-out zones.", "lift the keep-outs on puddle 1 and puddle 2.",
                                  "puddle 1 and puddle 2 are open again.", "lift both keep-outs.",
                                  "lift both restrictions.", "lift both keep-out zones."])
def test_lifting_the_keep_outs_of_two_robots_lifts_each_for_its_robot(fleet, world, lift):
    assert_plan(_TWO + lift, fleet, world,
                task("k1", AV, [D1], ["puddle1"]), task("k2", AV, [D2], ["puddle2"]),
                task("t", T, [D1, D2], ["soil1"], deps=["k1", "k2"]), task("e", T, [E1], ["soil1"]),
                task("g", DIG, [E1], [], deps=["e"]), task("l", LOAD, [E1], [], deps=["t", "g"]),
                task("m1", T, [D1], ["rock1"], deps=["l"]), task("u1", DUMP, [D1], [], deps=["m1"]),
                task("m2", T, [D2], ["rock2"], deps=["l"]), task("u2", DUMP, [D2], [], deps=["m2"]),
                task("a1", AL, [D1], ["puddle1"], deps=["u1", "u2"]),
                task("a2", AL, [D2], ["puddle2"], deps=["u1", "u2"]))


# -- finding 5: "during all the work" is a keep-out for the whole job ----------------------------------------------

@pytest.mark.parametrize("during", ["during all the work", "during all of the work", "throughout all the work",
                                    "for all the work"])
def test_a_keep_out_during_all_the_work_holds_from_the_start(fleet, world, during):
    assert_plan(f"Truck 2 goes to soil 1 and then returns to start. Truck 1 must avoid puddle 1 {during}. When "
                "truck 2 is back, truck 1 can enter puddle 1 again.", fleet, world,
                task("m", T, [D2], ["soil1"]), task("r", R, [D2], deps=["m"]), task("k", AV, [D1], ["puddle1"]),
                task("a", AL, [D1], ["puddle1"], deps=["r"]))
