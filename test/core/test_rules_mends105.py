"""Mends of helper M105: misreadings found with instructions written as a project manager's email or a shift handover
note (future and modal verbs, robots already in place, keep-outs set and lifted, loadings in order or together,
fleet-wide gathering and return).

1. "Truck 3 should go to soil 1 once the digging is done and will be loaded by excavator 2" dropped the loading, with
   no word: "and" + a modal + a verb ends an anchor's clause only for the modals of obligation ("is to", "must"), so
   "and will be loaded by ..." stayed inside "once the digging is done". The future modals ("will", "will then",
   "shall") are in the lexicon's ``anchor_closing_modals`` too.
2. "Trucks 2 and 3 should be loaded by excavator 1 at rock 1, truck 2 first" made one loading for both trucks: the
   place between the agent and the order aside hid the aside (said actively, "loads trucks 2 and 3 at rock 1, truck 2
   first", it was read). The place now goes with the first loading there too, and each truck gets its own loading in
   that order (rule 24). So with the order after an anchor: "Trucks 1 and 2 will go to rock 1 once it is broken up and
   will be loaded there by excavator 2, truck 2 first" took the anchor's "it" for the loaded robots, so the aside named
   one truck of no pair; the robots said before the anchor are the ones loaded, and the anchor ends before the
   loading said actively.
3. "Nobody is to drive through puddle 2 until truck 1 has dumped. Excavator 1 digs at soil 2 and loads truck 1. Truck 1
   then dumps at obstacle 1." made a dump of its own at the start, and the loading waited for it (a dump before the
   truck was loaded), with no word: the dump said later was looked for with its robot and its verb in one clause,
   and "then" cut "Truck 1" from "dumps". A verb in a clause with no robot of its own goes with the robot named
   before it in its sentence; and "the trucks" in the "until" clause, named by number nowhere yet, are the trucks
   that dump later ("trucks 1 and 2", "both trucks"), not three more trucks that dump at the start.
4. "Then truck 1 goes to soil 1 and truck 2 to soil 2 to be loaded" loaded truck 2 only, with no word: a purpose after
   gapped conjuncts is shared by all of them (rules/gappedpurposes.py), but "to be loaded" is one verb item, not "to"
   and a verb, and was not seen as a purpose. A passive loading opened by a purpose word is one now.
5. "Excavator 1 loads truck 3 first, then truck 2, once the digging is done" dropped truck 2's loading, with no word:
   a timing after a loading list is read first, as the whole list's (rules/listanchors.py), only when the loading
   clause ended at its truck; with "first" (and "at rock 1") after it, the timing closed the verbless "then truck 2"
   alone. Said passively, "..., truck 2 first, after its digging" also ran the timing into the order aside. The
   loading clause may end at "(at <place>) first" now, and a comma before a clause of time ends the aside.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, T, assert_plan, task

# -- finding 1: "... once X is done and will be loaded by ..." keeps the loading --------------------------------------


@pytest.mark.parametrize("anchor", ["once the digging is done", "after the digging", "when excavator 2 has dug"])
@pytest.mark.parametrize("modal", ["will", "will then", "shall"])
def test_a_future_modal_after_an_anchor_ends_it(fleet, world, anchor, modal):
    assert_plan(f"Excavator 2 goes to soil 1 and digs. Truck 3 should go to soil 1 {anchor} and {modal} be loaded by "
                "excavator 2.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["d"]), task("l", LOAD, [E2], [], deps=["t"]))


def test_a_future_modal_after_an_anchor_ends_it_before_a_dump(fleet, world):
    assert_plan("Excavator 2 goes to soil 1 and digs. Truck 3 will go to soil 1 once the digging is done and will dump "
                "at puddle 1 afterwards.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["d"]), task("p", T, [D3], ["puddle1"], deps=["t"]),
                task("u", DUMP, [D3], [], deps=["p"]))


# -- finding 2: "are loaded by X at <place>, truck 2 first" keeps the order -------------------------------------------


@pytest.mark.parametrize("aux", ["should be", "are", "will be", "are to be"])
@pytest.mark.parametrize("order, first, second", [("truck 2 first", D2, D3), ("truck 3 first, then truck 2", D3, D2)])
def test_a_passive_loading_at_a_place_keeps_its_order(fleet, world, aux, order, first, second):
    assert_plan(f"Excavator 1 breaks up rock 1. Trucks 2 and 3 {aux} loaded by excavator 1 at rock 1, {order}. Both "
                "trucks then dump at soil 2.", fleet, world,
                task("m", T, [E1, D2, D3], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("s", T, [first, second], ["soil2"], deps=["l2"]), task("u", DUMP, [first, second], [], deps=["s"]))


def test_a_passive_loading_at_a_place_with_no_order_stays_one_loading(fleet, world):
    assert_plan("Excavator 1 breaks up rock 1. Trucks 2 and 3 should be loaded by excavator 1 at rock 1.", fleet,
                world, task("m", T, [E1, D2, D3], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))



@pytest.mark.parametrize("anchor", ["once it is broken up", "after the digging", "when excavator 2 is done"])
@pytest.mark.parametrize("verb", ["are loaded there by", "will be loaded there by", "get loaded by"])
def test_a_passive_loading_order_after_an_anchor_loads_the_subject(fleet, world, anchor, verb):
    assert_plan(f"Excavator 2 goes to rock 1 and breaks it up. Trucks 1 and 2 go to rock 1 {anchor} and {verb} "
                "excavator 2, truck 2 first. Truck 2 then dumps at soil 1 and truck 1 at soil 2.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1, D2], ["rock1"], deps=["d"]),
                task("l1", LOAD, [E2], [], deps=["t"]), task("l2", LOAD, [E2], [], deps=["l1"]),
                task("s1", T, [D2], ["soil1"], deps=["l1"]), task("u1", DUMP, [D2], [], deps=["s1"]),
                task("s2", T, [D1], ["soil2"], deps=["l2"]), task("u2", DUMP, [D1], [], deps=["s2"]))


# -- finding 3: a keep-out "until X has dumped" with the dump said later makes no dump of its own ---------------------


@pytest.mark.parametrize("keepout", ["Nobody is to drive through puddle 2", "Everyone keeps away from puddle 2"])
@pytest.mark.parametrize("until, later", [
    ("truck 1 has dumped", "Truck 1 then dumps at obstacle 1."),
    ("truck 1 has tipped its load", "Then truck 1 drives to obstacle 1 and tips its load."),
    ("the trucks have dumped", "The trucks then dump at obstacle 1."),
    ("the trucks have dumped", "Both trucks dump at obstacle 1."),
])
def test_a_keep_out_until_a_dump_said_later_waits_for_that_dump(fleet, world, keepout, until, later):
    two = "trucks" in until
    trucks = [D1, D2] if two else [D1]
    loaded = "trucks 1 and 2" if two else "truck 1"
    assert_plan(f"{keepout} until {until}. Excavator 1 digs at soil 2 and loads {loaded}. {later}", fleet, world,
                task("k", AVA, [], ["puddle2"]), task("m", T, [E1], ["soil2"], deps=["k"]),
                task("d", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["d"]),
                task("o", T, trucks, ["obstacle1"], deps=["l"]), task("u", DUMP, trucks, [], deps=["o"]))


def test_a_robots_keep_out_until_its_own_dump_said_later(fleet, world):
    assert_plan("Truck 1 keeps away from puddle 2 until it has dumped. Excavator 1 digs at soil 2 and loads truck 1. "
                "Truck 1 then dumps at obstacle 1.", fleet, world,
                task("k", AV, [D1], ["puddle2"]), task("m", T, [E1], ["soil2"]),
                task("d", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["d"]),
                task("o", T, [D1], ["obstacle1"], deps=["k", "l"]), task("u", DUMP, [D1], [], deps=["o"]))


# -- finding 4: "truck 1 goes to soil 1 and truck 2 to soil 2 to be loaded" loads both -------------------------------


@pytest.mark.parametrize("purpose", ["to be loaded", "to be loaded there"])
def test_a_gapped_passive_loading_purpose_is_every_conjuncts(fleet, world, purpose):
    assert_plan("Excavators 1 and 2 dig at soil 1 and soil 2 respectively. Then truck 1 goes to soil 1 and truck 2 to "
                f"soil 2 {purpose}.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("t1", T, [D1], ["soil1"], deps=["d1", "d2"]), task("l1", LOAD, [E1], [], deps=["t1"]),
                task("t2", T, [D2], ["soil2"], deps=["d1", "d2"]), task("l2", LOAD, [E2], [], deps=["t2"]))


def test_a_passive_loading_purpose_after_a_verb_of_its_own_stays_its_clauses(fleet, world):
    assert_plan("Excavators 1 and 2 dig at soil 1 and soil 2 respectively. Then truck 1 goes to soil 1 and truck 2 "
                "goes to soil 2 to be loaded.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("t1", T, [D1], ["soil1"], deps=["d1", "d2"]),
                task("t2", T, [D2], ["soil2"], deps=["d1", "d2"]), task("l2", LOAD, [E2], [], deps=["t2"]))


# -- finding 5: a timing after a loading order ("..., truck 3 first, once the digging is done") is the whole list's ----


@pytest.mark.parametrize("order", ["loads trucks 2 and 3, truck 3 first,", "loads truck 3 first, then truck 2,",
                                   "loads trucks 2 and 3 (truck 3 first)"])
@pytest.mark.parametrize("anchor", ["once the digging is done", "after its digging"])
def test_a_timing_after_a_loading_order_is_the_whole_lists(fleet, world, order, anchor):
    assert_plan(f"Trucks 2 and 3 go to rock 1. Excavator 1 goes to rock 1 and digs. Excavator 1 {order} {anchor}.",
                fleet, world,
                task("m", T, [D2, D3, E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E1], [], deps=["l1"]))


def test_a_timing_after_a_passive_loading_order_at_a_place(fleet, world):
    assert_plan("Excavator 1 breaks up rock 1. Trucks 2 and 3 should be loaded by excavator 1 at rock 1, truck 2 "
                "first, after its digging.", fleet, world,
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2, D3], ["rock1"], deps=["d"]),
                task("l1", LOAD, [E1], [], deps=["t"]), task("l2", LOAD, [E1], [], deps=["l1"]))
