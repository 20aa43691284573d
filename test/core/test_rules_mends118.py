"""Mends of helper M118: known misreadings left by earlier helpers.

1. "Because rock 1 must be inspected, truck 2 checks it." was refused ("no robot is named for 'because rock 1 must
   be inspected'"): a reason that states a need is read as an order, unless the step said just before it meets the
   need; one met by the clause right after it in its sentence (a robot's step of the same kind at the same place,
   named or "it" / "there"; a check only by a check) is what that step is done for, and is now understood as a
   reason. A need the clause after it does not meet ("..., truck 2 goes to soil 1") is still refused, and so is one
   met only by a drive there ("..., truck 2 goes to rock 1", as test_rules_mends14 decided).
2. "Truck 3 examines rock 1. After the inspection of rock 1, truck 1 goes to soil 2." dropped truck 1's wait on the
   inspection: an event noun ("inspection", "check", "visit") matched only the few verb forms listed with it in the
   lexicon's ``events``, and "examines", "looks at", "surveys", "takes a look at" were not among them, so nothing
   was found and the anchor waited for nothing. Each such event now lists every form of its checking verbs.
3. "Two excavators dig at soil 1 and soil 2 respectively." was refused, asking to "say 'respectively'": the pairing
   of digging (and tipping) places counted the robots named, and an unnamed group of two is one; a group of as many
   robots as places is now split, one robot per place (as a move "respectively" already was), each digging or
   tipping where it went.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a reason whose need the clause after it meets is no order ----------------------------------------


@pytest.mark.parametrize("text, robot, obj", [
    ("Because rock 1 must be inspected, truck 2 checks it.", D2, "rock1"),
    ("Since soil 2 needs to be checked, dump truck 1 examines soil 2.", D1, "soil2"),
    ("Because puddle 1 has to be looked at, excavator 1 inspects it.", E1, "puddle1"),
    ("As obstacle 2 should be inspected, truck 3 has a look at it.", D3, "obstacle2"),
])
def test_a_reason_met_by_the_clause_after_it_makes_no_step_of_its_own(fleet, world, text, robot, obj):
    assert_plan(text, fleet, world, task("c", T, [robot], [obj]))


def test_a_reason_met_after_it_keeps_the_rest_of_the_sentence(fleet, world):
    assert_plan("Because rock 1 must be inspected, truck 2 checks it and then returns to start.", fleet, world,
                task("c", T, [D2], ["rock1"]), task("r", "return_to_start_for_specific_robots", [D2], [], deps=["c"]))


@pytest.mark.parametrize("text", [
    "Because rock 1 must be inspected, truck 2 goes to soil 1.",
    "Because rock 1 must be inspected, excavator 1 digs at soil 1.",
    "Because rock 1 must be inspected, truck 2 follows it.",
    "Since soil 2 needs to be checked, dump truck 1 goes to soil 2.",  # a drive is no check (mends 14)
])
def test_a_need_the_clause_after_it_does_not_meet_is_still_refused(fleet, world, text):
    assert rules_plan(text, fleet, world).errors


# -- finding 2: an inspection named by its noun is the check said before, whatever form its verb took --------------


@pytest.mark.parametrize("check", [
    "examines", "looks at", "surveys", "takes a look at", "has a look at", "checks on",
])
@pytest.mark.parametrize("noun", ["After the inspection of rock 1", "After the check of rock 1",
                                  "Once the inspection of rock 1 is done"])
def test_an_inspection_noun_waits_for_the_check_said_with_any_form_of_its_verb(fleet, world, check, noun):
    assert_plan(f"Truck 3 {check} rock 1. {noun}, truck 1 goes to soil 2.", fleet, world,
                task("c", T, [D3], ["rock1"]), task("m", T, [D1], ["soil2"], deps=["c"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 examines rock 1 and then goes to soil 1. After the inspection of rock 1, truck 1 goes to soil 2.",
    "First excavator 1 takes a look at rock 1, then it goes to soil 1. Truck 1 goes to soil 2 after the inspection "
    "of rock 1.",
])
def test_the_wait_is_on_the_check_not_the_checkers_later_step(fleet, world, text):
    assert_plan(text, fleet, world,
                task("c", T, [E1], ["rock1"]), task("s", T, [E1], ["soil1"], deps=["c"]),
                task("m", T, [D1], ["soil2"], deps=["c"]))


def test_a_visit_noun_waits_for_an_examination(fleet, world):
    assert_plan("Truck 3 examines rock 1. After the visit to rock 1, truck 1 goes to soil 2.", fleet, world,
                task("c", T, [D3], ["rock1"]), task("m", T, [D1], ["soil2"], deps=["c"]))


# -- finding 3: an unnamed group digs or tips at as many places "respectively": one robot each ----------------------

EX1, TR1 = [("excavator", 1)], [("dump_truck", 1)]


@pytest.mark.parametrize("text", [
    "Two excavators dig at soil 1 and soil 2 respectively.",
    "The two excavators dig at soil 1 and soil 2, respectively.",
    "Two excavators dig at soil 1 and at soil 2 respectively.",
    "Two excavators go and dig at soil 1 and soil 2 respectively.",
])
def test_two_unnamed_excavators_dig_at_two_places_respectively(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [], ["soil1"], types=EX1), task("m2", T, [], ["soil2"], types=EX1),
                task("d1", DIG, [], [], deps=["m1"], types=EX1), task("d2", DIG, [], [], deps=["m2"], types=EX1))


def test_two_unnamed_excavators_break_up_two_rocks_respectively_then_return(fleet, world):
    assert_plan("Two excavators break up rock 1 and rock 2 respectively, then return to start.", fleet, world,
                task("m1", T, [], ["rock1"], types=EX1), task("m2", T, [], ["rock2"], types=EX1),
                task("d1", DIG, [], [], deps=["m1"], types=EX1), task("d2", DIG, [], [], deps=["m2"], types=EX1),
                task("r1", "return_to_start_for_specific_robots", [], [], deps=["d1"], types=EX1),
                task("r2", "return_to_start_for_specific_robots", [], [], deps=["d2"], types=EX1))


def test_two_unnamed_trucks_tip_at_two_places_respectively(fleet, world):
    assert_plan("Two trucks dump at puddle 1 and puddle 2 respectively.", fleet, world,
                task("m1", T, [], ["puddle1"], types=TR1), task("m2", T, [], ["puddle2"], types=TR1),
                task("d1", DUMP, [], [], deps=["m1"], types=TR1), task("d2", DUMP, [], [], deps=["m2"], types=TR1))


@pytest.mark.parametrize("text", [
    "Two excavators dig at soil 1 and soil 2.",
    "Three excavators dig at soil 1 and soil 2 respectively.",
    "Two trucks dump at puddle 1 and puddle 2.",
])
def test_without_a_pairing_the_places_are_still_asked_for(fleet, world, text):
    assert rules_plan(text, fleet, world).errors
