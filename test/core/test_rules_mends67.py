"""Mends of helper M67: misreadings of plain site-manager instructions written for this session (each gave a plan, no
error, and the plan was wrong).

1. "Both excavators dig there and load the truck in turn, excavator 2 first." loaded with both excavators at once and
   then dug and loaded twice more with "the other excavator": the loading continues the clause of its subject, so the
   order aside had no loaders right before the verb. The loaders are now the subject of the clause the loading goes
   on from ("<excavators> dig ... and (then) load <truck> in turn / one after the other[, <excavator> first]"): each
   loads in turn (rule 24). "The two excavators load truck 1 in turn, excavator 2 first" is read as "both" is.
2. "..., excavator 1 going first" / "..., with truck 3 going first" after a loading was no order aside: the loading
   served both at once, and "truck 3 going first" became a move of truck 3 (and truck 2's loading was dropped). A verb
   of going between the one robot of an aside and its "first" (lexicon ``order_aside_verbs``, after a comma or
   ``order_aside_leads``) says no more than "excavator 1 first".
3. "All trucks must avoid obstacle 1. ... truck 3 ... drives over to soil 2": a keep-out said at the start for every
   robot of a type (type+count, rule 20) did not gate the later moves of those robots named by number, nor of an
   unnamed group of that type: it was kept as the group's own step only. Each robot of the type is one it holds, so
   its first movement waits for it (rule 21).
4. "Excavator 3 checks obstacle 1, obstacle 2 and then rock 2 in that order, and trucks 2 and 3 wait at puddle 1
   meanwhile": the trucks' move waited for the excavator's last check. "then rock 2" is a clause with no verb of
   its own, so "in that order" after it was taken to order the clauses of the sentence; it orders the list the
   verb before it began, as "checks obstacle 1, obstacle 2 and rock 2 in that order" did.
5. "... loads truck 1 ... Trucks 1 and 3 must stay out of obstacle 2 until the loading is done": the keep-out went up
   after the loading, when it was to end: said after the truck's steps, it took the truck's last step (the loading
   itself) as where it starts. A keep-out "until X" holds before X: it waits for none of X's tasks nor for anything
   after them (so here for nothing: it holds from the start). A later move of its robot into the place after X gets
   the lifting that "until" implies (rules/untillifts.py), as for a keep-out that gated the move.
6. "Both excavators dig and then take turns loading truck 1, excavator 2 first" made three loadings (both at once,
   both again, then excavator 2): "take turns" (lexicon ``turn_taking_verbs`` + ``turn_taking_nouns``) before a
   loading verb is "load ... in turn".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: two excavators that dig and then load one truck in turn ---------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 and truck 1 go to soil 2. Both excavators dig there and load the truck in turn, excavator 2 "
    "first.",
    "Excavators 1 and 2 and truck 1 go to soil 2. Both excavators dig there and then load truck 1 one after the "
    "other, excavator 2 first.",
    "Excavators 1 and 2 and truck 1 go to soil 2. The two excavators dig there, then load truck 1 in turn, "
    "excavator 2 first.",
    "Excavators 1 and 2 and truck 1 go to soil 2. Both excavators dig there. The two excavators load truck 1 in turn, "
    "excavator 2 first.",
])
def test_diggers_that_go_on_to_load_one_truck_in_turn_load_in_that_order(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, E2, D1], ["soil2"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("l2", LOAD, [E2], [], deps=["g"]), task("l1", LOAD, [E1], [], deps=["l2"]))


@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 dig at rock 1 and then load truck 2 in turn. Truck 2 is already at rock 1.",
    "Truck 2 is already at rock 1. Excavators 1 and 2 dig at rock 1 and then load truck 2 one after the other.",
    "Truck 2 is already at rock 1. Excavators 1 and 2 go to rock 1 and dig, then load truck 2 in turn, excavator 1 "
    "first.",
])
def test_named_diggers_load_in_the_order_named(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, E2], ["rock1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E2], [], deps=["l1"]))


# -- finding 2: "<robot> going first" in an order aside ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 is already at rock 1. Excavators 1 and 2 dig at rock 1 and then load truck 2 one after the other, "
    "excavator 1 going first.",
    "Truck 2 is already at rock 1. Excavators 1 and 2 dig at rock 1 and then load truck 2 in turn, with excavator 1 "
    "going first.",
    "Truck 2 is already at rock 1. Can you have excavator 1 and excavator 2 both dig at rock 1, and then load truck 2 "
    "one after the other, excavator 1 going first?",
])
def test_an_excavator_going_first_orders_the_loaders(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, E2], ["rock1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E2], [], deps=["l1"]))


@pytest.mark.parametrize("text", [
    "Trucks 2 and 3 are already at rock 1. Excavator 1 digs at rock 1 and loads trucks 2 and 3, truck 3 going first.",
    "Trucks 2 and 3 are already at rock 1. Excavator 1 digs at rock 1 and loads trucks 2 and 3, with truck 3 going "
    "first.",
])
def test_a_truck_going_first_orders_the_loadings(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["rock1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l3", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l3"]))


# -- finding 3: a start keep-out for every robot of a type gates each of them --------------------------------------


@pytest.mark.parametrize("text", [
    "All trucks must avoid obstacle 1. Truck 3 goes to soil 2. Trucks 1 and 2 inspect rock 1 and rock 2 respectively.",
    "First thing this morning, all trucks must avoid obstacle 1. Truck 3 goes to soil 2, and trucks 1 and 2 inspect "
    "rock 1 and rock 2 respectively.",
    "Every truck keeps away from obstacle 1 from the start. Truck 3 goes to soil 2. Trucks 1 and 2 inspect rock 1 and "
    "rock 2 respectively.",
])
def test_a_keep_out_for_all_trucks_gates_each_named_truck(fleet, world, text):
    trucks = [("dump_truck", 3)]
    assert_plan(text, fleet, world,
                task("k", AV, [], ["obstacle1"], types=trucks), task("m3", T, [D3], ["soil2"], deps=["k"]),
                task("m1", T, [D1], ["rock1"], deps=["k"]), task("m2", T, [D2], ["rock2"], deps=["k"]))


def test_a_keep_out_for_all_trucks_gates_an_unnamed_pair_of_trucks_and_no_excavator(fleet, world):
    assert_plan("All three trucks avoid obstacle 1 from the start. Two trucks go to rock 1. Excavator 1 goes to "
                "soil 1.", fleet, world,
                task("k", AV, [], ["obstacle1"], types=[("dump_truck", 3)]),
                task("m", T, [], ["rock1"], deps=["k"], types=[("dump_truck", 2)]),
                task("e", T, [E1], ["soil1"]))


# -- finding 4: "..., X and then Y in that order" orders its own list, not the sentence ------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 checks obstacle 1, obstacle 2 and then rock 2 in that order, and trucks 2 and 3 wait at puddle 1 "
    "meanwhile.",
    "Is it possible for the third excavator to check obstacle 1, obstacle 2 and then rock 2 in that order, and for "
    "trucks 2 and 3 to wait at puddle 1 meanwhile?",
    "Excavator 3 inspects obstacle 1, then obstacle 2, then rock 2, in that order, while trucks 2 and 3 wait at "
    "puddle 1.",
])
def test_a_list_with_then_in_that_order_leaves_the_other_clause_alone(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [E3], ["obstacle1"]), task("b", T, [E3], ["obstacle2"], deps=["a"]),
                task("c", T, [E3], ["rock2"], deps=["b"]), task("t", T, [D2, D3], ["puddle1"]))


def test_in_that_order_after_clauses_with_verbs_still_orders_them(fleet, world):
    assert_plan("Excavator 3 checks obstacle 1, and truck 2 goes to puddle 1, in that order.", fleet, world,
                task("a", T, [E3], ["obstacle1"]), task("t", T, [D2], ["puddle1"], deps=["a"]))


# -- finding 5: a keep-out "until X" said after X's steps holds before X -----------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at rock 1 and loads truck 1, which is already there. Truck 1 must stay out of obstacle 2 until "
    "the loading is done.",
    "Excavator 2 digs at rock 1 and loads truck 1, which is already there. Truck 1 has to keep clear of obstacle 2 "
    "until it has been loaded.",
])
def test_a_keep_out_until_the_loading_does_not_wait_for_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["rock1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["g"]), task("k", AV, [D1], ["obstacle2"]))


def test_a_safety_keep_out_until_the_loading_in_a_long_request(fleet, world):
    assert_plan("Good morning. Today excavator 2 should break up rock 1 and load dump truck 1, which will come to "
                "rock 1 after it has checked puddle 2. For safety, trucks 1 and 3 must stay out of obstacle 2 until "
                "the loading is done, since the ground there was disturbed. After the loading, truck 1 takes the "
                "rubble to obstacle 1 and tips it there. Thanks.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("p", T, [D1], ["puddle2"]), task("r", T, [D1], ["rock1"], deps=["p"]),
                task("l", LOAD, [E2], [], deps=["g", "r"]), task("k", AV, [D1, D3], ["obstacle2"]),
                task("o", T, [D1], ["obstacle1"], deps=["l"]), task("d", DUMP, [D1], [], deps=["o"]))


def test_a_keep_out_until_later_work_still_follows_the_truck(fleet, world):
    assert_plan("Truck 2 goes to soil 1. Truck 2 must keep clear of rock 1 until excavator 1 has dug at soil 2.",
                fleet, world, task("t", T, [D2], ["soil1"]), task("m", T, [E1], ["soil2"]),
                task("g", DIG, [E1], [], deps=["m"]), task("k", AV, [D2], ["rock1"], deps=["t"]))


def test_a_move_into_the_place_after_the_loading_waits_for_the_lifting(fleet, world):
    assert_plan("Excavator 1 and truck 2 go to soil 1; excavator 1 digs and loads truck 2. Truck 2 has to keep clear "
                "of rock 1 until it has been loaded. Then it drives to rock 1.", fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("k", AV, [D2], ["rock1"]),
                task("a", AL, [D2], ["rock1"], deps=["l"]), task("r", T, [D2], ["rock1"], deps=["a"]))


# -- finding 6: "take turns loading" -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 and truck 1 go to soil 2. Both excavators dig and then take turns loading truck 1, excavator 2 "
    "first.",
    "Excavators 1 and 2 and truck 1 go to soil 2. Both excavators dig there. Excavators 2 and 1 take turns loading "
    "truck 1.",
])
def test_taking_turns_loading_is_loading_in_turn(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, E2, D1], ["soil2"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("l2", LOAD, [E2], [], deps=["g"]), task("l1", LOAD, [E1], [], deps=["l2"]))
