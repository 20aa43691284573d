"""Mends of helper W (mends 33): plans that silently dropped or changed work (each gave a plan, no error, and the
plan was wrong).

1. "Send excavator 1 to soil 1 and excavator 2 to soil 2 to dig" dug only with excavator 2: a work purpose
   ("to dig", "to dump") said after gapped conjuncts (the later ones borrow the first one's movement verb) is every
   conjunct's. A conjunct with a verb of its own keeps its purpose to itself.
2. "Every truck goes to obstacle 1. Then truck 2 goes to puddle 1 and the others go home" sent the excavators
   home: right after a subject taken out of the one before it (every robot of a type, or robots of one type named
   together), "the others" in that sentence are the rest of that subject (trucks 1 and 3, by id: determined).
3. "Trucks 2 and 3 go to soil 1, excavator 1 loads truck 2. Then the loaded truck dumps at puddle 1 and the empty
   truck goes home" sent truck 2 home: "the empty / unloaded truck" (lexicon ``empty_words``) is the one truck named
   so far that was not loaded; refused, naming the words, when that is not one truck named by number or when a
   truck tipped before (other than the loaded truck set against it).
4. "Excavators 1 and 2 go to soil 1 and soil 2 respectively. Trucks 1 and 2 follow them respectively." sent both
   trucks to soil 2 with excavator 2: "them" was read as the trucks themselves, and a follow with no place went to
   the place named last. A pronoun after a follow verb is the robots mentioned apart from the followers; with no
   place said each goes where its leader is: one place, there; several, paired in order with "respectively" (each
   after its own leader), refused without it.
5. "A truck goes to soil 1, and another truck to soil 2. The first truck then dumps ..." sent truck 1 (by number,
   rule 2), so neither truck that moved dumped: after unnamed single robots of a type, said one by one, "the first
   / second <type>" is the first / second of them; after robots asked for by count in a group ("two trucks"), it
   is refused, naming the words, unless every robot of the type was asked for or it is the one left over.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a purpose after gapped conjuncts is each conjunct's -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Send excavator 1 to soil 1 and excavator 2 to soil 2 to dig.",
    "Excavator 1 goes to soil 1 and excavator 2 to soil 2 to dig.",
    "Send excavator 1 to soil 1 and excavator 2 to soil 2 to dig there.",
    "Excavator 1 drives to soil 1, and excavator 2 to soil 2, to dig.",
])
def test_a_purpose_after_gapped_conjuncts_is_each_conjuncts(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]))


def test_three_gapped_conjuncts_all_dig(fleet, world):
    assert_plan("Send excavator 1 to soil 1, excavator 2 to soil 2 and excavator 3 to rock 1 to dig.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]),
                task("m3", T, [E3], ["rock1"]), task("g3", DIG, [E3], [], deps=["m3"]))


def test_a_dumping_purpose_is_shared_too_and_a_later_step_waits_for_both(fleet, world):
    assert_plan("Send truck 1 to puddle 1 and truck 2 to puddle 2 to dump, then excavator 1 goes home.", fleet, world,
                task("m1", T, [D1], ["puddle1"]), task("u1", DUMP, [D1], [], deps=["m1"]),
                task("m2", T, [D2], ["puddle2"]), task("u2", DUMP, [D2], [], deps=["m2"]),
                task("h", R, [E1], [], deps=["u1", "u2"]))


def test_a_purpose_inside_the_first_clause_stays_its_own(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 to dig and excavator 2 goes to soil 2.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]))


# -- finding 2: "the others" after a part of the subject before are the rest of it ----------------------------------


@pytest.mark.parametrize("text, whole", [
    ("Every truck goes to obstacle 1. Then truck 2 goes to puddle 1 and the others go home.", ("types",)),
    ("All trucks go to obstacle 1. Then truck 2 goes to puddle 1 and the others go home.", ("types",)),
    ("Trucks 1, 2 and 3 go to obstacle 1. Then truck 2 goes to puddle 1 and the others go home.", (D1, D2, D3)),
    ("Every truck goes to obstacle 1. Then truck 2 goes to puddle 1 and the rest go home.", ("types",)),
])
def test_the_others_after_a_part_are_the_rest_of_the_whole(fleet, world, text, whole):
    first = task("w", T, [], ["obstacle1"], types=[("dump_truck", 3)]) if whole == ("types",) \
        else task("w", T, list(whole), ["obstacle1"])
    assert_plan(text, fleet, world, first, task("p", T, [D2], ["puddle1"], deps=["w"]),
                task("h", R, [D1, D3], [], deps=["w"]))


def test_two_named_then_one_leaves_the_other(fleet, world):
    assert_plan("Trucks 1 and 3 go to obstacle 1. Then truck 1 goes to puddle 1 and the others go home.", fleet, world,
                task("w", T, [D1, D3], ["obstacle1"]), task("p", T, [D1], ["puddle1"], deps=["w"]),
                task("h", R, [D3], [], deps=["w"]))


def test_the_others_after_an_unrelated_robot_stay_the_rest_of_the_fleet(fleet, world):
    assert_plan("Truck 1 goes to obstacle 1. Then truck 2 goes to puddle 1 and the others go home.", fleet, world,
                task("w", T, [D1], ["obstacle1"]), task("p", T, [D2], ["puddle1"], deps=["w"]),
                task("h", R, [E1, E2, E3, D3], [], deps=["w"]))


# -- finding 3: "the empty truck" is the one not loaded ------------------------------------------------------------


@pytest.mark.parametrize("text, loaded, empty", [
    ("Trucks 2 and 3 go to soil 1, excavator 1 loads truck 2. Then the loaded truck dumps at puddle 1 and the empty "
     "truck goes home.", D2, D3),
    ("Trucks 2 and 3 go to soil 1, excavator 1 loads truck 3. Then the full truck dumps at puddle 1 and the unloaded "
     "truck goes home.", D3, D2),
])
def test_the_empty_truck_is_the_one_not_loaded(fleet, world, text, loaded, empty):
    assert_plan(text, fleet, world,
                task("m", T, [D2, D3], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]),
                task("p", T, [loaded], ["puddle1"], deps=["l"]), task("u", DUMP, [loaded], [], deps=["p"]),
                task("h", R, [empty], [], deps=["l"]))


@pytest.mark.parametrize("text", [
    "Trucks 1, 2 and 3 go to soil 1, excavator 1 loads truck 2. Then the loaded truck dumps at puddle 1 and the empty "
    "truck goes home.",
    "Trucks 1 and 2 go to soil 1 and excavator 1 loads truck 1. Truck 1 dumps at puddle 1. Then the empty truck goes "
    "home.",
    "Two trucks go to soil 1, excavator 1 loads one of them. Then the loaded truck dumps at puddle 1 and the empty "
    "truck goes home.",
])
def test_an_unclear_empty_truck_is_refused_naming_the_words(fleet, world, text):
    errors = rules_plan(text, fleet, world).errors
    assert any("'the empty truck'" in e for e in errors), errors


# -- finding 4: a follow with no place goes where the robots followed are ---------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 go to soil 1 and soil 2 respectively. Trucks 1 and 2 follow them respectively.",
    "Excavators 1 and 2 go to soil 1 and soil 2 respectively. Trucks 1 and 2 follow excavators 1 and 2 "
    "respectively.",
])
def test_trucks_follow_their_excavators_respectively(fleet, world, text):
    assert_plan(text, fleet, world,
                task("e1", T, [E1], ["soil1"]), task("e2", T, [E2], ["soil2"]),
                task("t1", T, [D1], ["soil1"], deps=["e1"]), task("t2", T, [D2], ["soil2"], deps=["e2"]))


def test_following_robots_at_one_place_goes_there(fleet, world):
    assert_plan("Excavators 1 and 2 go to soil 1. Trucks 1 and 2 follow them.", fleet, world,
                task("e", T, [E1, E2], ["soil1"]), task("t", T, [D1, D2], ["soil1"], deps=["e"]))
    assert_plan("Excavator 1 goes to soil 1 and truck 1 follows it.", fleet, world,
                task("e", T, [E1], ["soil1"]), task("t", T, [D1], ["soil1"], deps=["e"]))


def test_following_robots_at_several_places_without_respectively_is_refused(fleet, world):
    errors = rules_plan("Excavators 1 and 2 go to soil 1 and soil 2 respectively. Trucks 1 and 2 follow them.",
                        fleet, world).errors
    assert any("'follow'" in e and "different places" in e for e in errors), errors


# -- finding 5: "the first / second truck" after unnamed single trucks is the one said first / second ---------------


def test_the_first_truck_is_the_first_single_truck_said(fleet, world):
    one = [("dump_truck", 1)]
    assert_plan("A truck goes to soil 1, and another truck to soil 2. The first truck then dumps at puddle 1.",
                fleet, world,
                task("a", T, [], ["soil1"], types=one), task("b", T, [], ["soil2"], types=one),
                task("p", T, [], ["puddle1"], deps=["a"], types=one), task("u", DUMP, [], [], deps=["p"], types=one))


def test_the_second_excavator_is_the_second_single_excavator_said(fleet, world):
    one = [("excavator", 1)]
    assert_plan("An excavator digs at soil 1 and another excavator digs at soil 2. The second excavator then goes "
                "home.", fleet, world,
                task("a", T, [], ["soil1"], types=one), task("g", DIG, [], [], deps=["a"], types=one),
                task("b", T, [], ["soil2"], types=one), task("h", DIG, [], [], deps=["b"], types=one),
                task("r", R, [], [], deps=["h"], types=one))


def test_the_first_of_a_counted_pair_is_refused_naming_the_words(fleet, world):
    errors = rules_plan("Two trucks go to soil 1. The first truck dumps at puddle 1.", fleet, world).errors
    assert any("the first dump truck" in e for e in errors), errors


def test_the_third_after_a_pair_stays_the_one_left_over(fleet, world):
    assert_plan("Two trucks go to soil 1. The third truck goes to puddle 1.", fleet, world,
                task("a", T, [], ["soil1"], types=[("dump_truck", 2)]),
                task("b", T, [], ["puddle1"], types=[("dump_truck", 1)]))
