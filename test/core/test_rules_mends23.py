"""Mends of helper A (session 23): keep-outs said with a negation or a pronoun, and goal sentences, that gave a
wrong plan or a wrong error.

1. "Truck 1 checks puddle 1. After that nobody goes near it." was refused ("no object named to avoid"): in a negated
   movement ("nobody goes near", "no robot should drive into"), an "it" after a place word is the place kept out
   of, as it is after a keep-out verb ("avoid going near it"), not a robot with no object.
2. "Truck 1 checks puddle 1. After the check, robots must not go near the puddle." kept truck 1 alone out: a bare
   plural "robots" (no determiner) opening its clause is every robot (convention 5), not the robot named last.
3. "Truck 1 checks puddle 1. Then fence off puddle 1." kept truck 1 alone out: a keep-out in a new sentence that
   names no robot, after a sentence that told of a robot (not one spoken to), is an order to the site, for the whole
   fleet; a verb that agrees with the robot ("Then fences off ...") or a robot spoken to before ("Truck 1, check
   puddle 1. Then ...") still continues that robot, and so does "... and then avoids puddle 2" in one sentence.
4. "Rock 2 needs clearing. Truck 3 goes to rock 1." planned truck 3 alone and dropped rock 2 with no word: a
   sentence with no verb we know that states a need of work on a place ("needs clearing", "must be cleared") was
   read as a remark on how things are; it is a goal, checked against the plan (rules/goals.py) like "Puddle 2 needs
   filling": refused, naming the place no step serves. "Puddle 1 needs to dry", "Rock 2 needs no clearing" and
   "... tomorrow" stay remarks; a need whose sentence puts up a keep-out ("We need obstacle 1 cleared of traffic, so
   every robot must keep away from it") is served by that keep-out.
5. "We need rock 2 removed. Truck 3 goes to rock 1." lifted a keep-out of rock 2 that nobody put up: a removal verb
   (lexicon ``place_removal_verbs``) said of a place named as its subject ("rock 2 must be removed", "we need rock 2
   removed"), with no keep-out word in its clause, is taking the thing away, as in "Excavator 3 removes rock 2": a
   goal checked against the plan, never a lifting. "The keep-out on rock 2 is removed", "rock 2 is removed from the
   keep-out zones" stay liftings.
6. (found here) "Truck 1 checks puddle 1. After that no truck may enter puddle 1." lifted a keep-out for truck 1,
   "no vehicle may enter puddle 1" lifted one for everybody, and "no machine should drive into puddle 1" / "no
   excavator goes near puddle 1" were dropped (truck 1 or nobody was "sent" there): "no" before a robot type noun
   (lexicon ``type_negations``) is every robot of the type, kept out (convention 20: type and count 3), and "no
   machine(s)" / "no vehicle(s)" are the fleet, negated, like "no robot". After "After that" with no comma, "that no
   truck" / "that neither truck" was read as one robot ("after that truck has dumped"): a negation after "that" ends
   the connective there.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AV, AVA, D1, D2, D3, DIG, E1, T, assert_plan, task
from test_rules_mends13 import _lexicon, _problems  # a plan's problems; an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "nobody goes near it": the "it" of a negated movement is the place kept out of ----------------------

@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1. After that nobody goes near it.",
    "Truck 1 checks puddle 1. After that, no robot should drive into it.",
    "Truck 1 checks puddle 1. Then no one may drive through it.",
    "Truck 1 checks puddle 1, and after that nobody goes near it.",
])
def test_a_negated_movement_keeps_everyone_out_of_the_place_it_names(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["m"]))


def test_a_negated_movement_of_one_robot_keeps_that_robot_out(fleet, world):
    assert_plan("Truck 1 checks puddle 1. Then truck 2 must not go near it.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("k", AV, [D2], ["puddle1"], deps=["m"]))


# -- finding 2: a bare plural "robots" opening a clause is the whole fleet ------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1. After the check, robots must not go near the puddle.",
    "Truck 1 checks puddle 1. Then robots must avoid puddle 1.",
    "Truck 1 checks puddle 1, and then machines have to keep away from puddle 1.",
])
def test_bare_robots_after_a_step_keep_everyone_out(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["m"]))


def test_bare_robots_at_the_start_are_still_the_whole_fleet(fleet, world):
    assert_plan("Robots must avoid puddle 1. Truck 1 goes to soil 1.", fleet, world,
                task("k", AVA, [], ["puddle1"]), task("m", T, [D1], ["soil1"], deps=["k"]))


def test_counted_robots_are_no_fleet(fleet, world):
    assert _problems("Two robots go to soil 1.", fleet, world)


def test_the_bare_fleet_nouns_come_from_the_lexicon(fleet, world):
    text = "Truck 1 checks puddle 1, and then robots must avoid puddle 1."
    assert rules_plan(text, fleet, world).graph.subtasks[-1].skill == AVA
    assert rules_plan(text, fleet, world, _lexicon(bare_fleet_nouns=[])).graph.subtasks[-1].skill == AV


# -- finding 3: a keep-out said to nobody in a new sentence is for the whole fleet -----------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1. Then fence off puddle 1.",
    "Truck 1 checks puddle 1. After that, close puddle 1.",
    "Truck 1 checks puddle 1. Then puddle 1 is off limits.",
    "Truck 1 checks puddle 1. Afterwards set up a keep-out zone around puddle 1.",
])
def test_a_keep_out_said_to_nobody_after_a_robot_step_is_for_the_fleet(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1 and then avoids puddle 2.",
    "Truck 1 checks puddle 1. Then avoids puddle 2.",
    "Truck 1, check puddle 1. Then avoid puddle 2.",
])
def test_the_robot_own_keep_out_stays_its_own(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("k", AV, [D1], ["puddle2"], deps=["m"]))


# -- finding 4: a need of work said with a word we do not know is a goal, checked against the plan ------------------

@pytest.mark.parametrize("text, place", [
    ("Rock 2 needs clearing. Truck 3 goes to rock 1.", "rock 2"),
    ("Rock 2 must be cleared. Truck 3 goes to rock 1.", "rock 2"),
    ("Rock 2 has to be cleared. Truck 3 goes to rock 1.", "rock 2"),
    ("Truck 3 goes to rock 1. Rock 2 needs clearing.", "rock 2"),
])
def test_a_goal_of_unknown_work_whose_place_no_step_serves_is_refused(fleet, world, text, place):
    problems = _problems(text, fleet, world)
    assert any("is not carried out" in p and place in p for p in problems), problems


def test_a_goal_of_unknown_work_that_the_steps_serve_plans(fleet, world):
    assert_plan("Rock 2 needs clearing. Excavator 1 digs at rock 2.", fleet, world,
                task("m", T, [E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Puddle 1 needs to dry. Truck 3 goes to rock 1.",
    "Rock 2 needs no clearing. Truck 3 goes to rock 1.",
    "Rock 2 does not need clearing. Truck 3 goes to rock 1.",
    "Rock 2 needs clearing tomorrow. Truck 3 goes to rock 1.",
])
def test_a_remark_that_asks_for_no_work_stays_a_remark(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["rock1"]))


def test_a_need_served_by_the_keep_out_of_its_sentence_plans(fleet, world):
    assert_plan("We need obstacle 1 cleared of traffic, so every robot must keep away from it. Truck 3 goes to rock 1.",
                fleet, world, task("k", AVA, [], ["obstacle1"]), task("m", T, [D3], ["rock1"], deps=["k"]))


# -- finding 5: "rock 2 removed" is taking rock 2 away, a goal, not the lifting of a keep-out ------------------------

@pytest.mark.parametrize("text", [
    "We need rock 2 removed. Truck 3 goes to rock 1.",
    "Rock 2 must be removed. Truck 3 goes to rock 1.",
    "Rock 2 has to be removed. Truck 3 goes to rock 1.",
])
def test_a_place_to_be_removed_is_a_goal_the_steps_must_serve(fleet, world, text):
    problems = _problems(text, fleet, world)
    assert any("is not carried out" in p and "rock 2" in p for p in problems), problems


def test_a_place_to_be_removed_that_the_steps_serve_plans_without_a_lifting(fleet, world):
    assert_plan("We need rock 2 removed. Excavator 1 digs at rock 2.", fleet, world,
                task("m", T, [E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "The keep-out on rock 2 is removed. Truck 3 goes to rock 2.",
    "Rock 2 is removed from the keep-out zones. Truck 3 goes to rock 2.",
])
def test_a_keep_out_removed_stays_a_lifting(fleet, world, text):
    assert_plan(text, fleet, world, task("a", ALA, [], ["rock2"]), task("m", T, [D3], ["rock2"], deps=["a"]))


# -- finding 6: "no truck may enter X" keeps every truck out; "no machine ..." keeps everyone out --------------------

@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 1. After that no machine should drive into puddle 1.",
    "Truck 1 checks puddle 1. After that no vehicle may enter puddle 1.",
    "Truck 1 checks puddle 1. After that no machines may go near it.",
])
def test_no_machine_keeps_everyone_out(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["m"]))


@pytest.mark.parametrize("text, rtype", [
    ("Truck 1 checks puddle 1. After that no truck may enter puddle 1.", "dump_truck"),
    ("Truck 1 checks puddle 1. After that no excavator goes near puddle 1.", "excavator"),
    ("Truck 1 checks puddle 1. After that, no trucks should drive into it.", "dump_truck"),
])
def test_no_robot_of_a_type_keeps_every_robot_of_it_out(fleet, world, text, rtype):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]),
                task("k", AV, [], ["puddle1"], deps=["m"], types=[(rtype, 3)]))


def test_neither_truck_after_that_keeps_both_trucks_out(fleet, world):
    assert_plan("Trucks 1 and 3 drive to soil 2. After that neither truck may enter rock 1.", fleet, world,
                task("m", T, [D1, D3], ["soil2"]), task("k", AV, [D1, D3], ["rock1"], deps=["m"]))


def test_the_type_negations_come_from_the_lexicon(fleet, world):
    text = "Truck 1 checks puddle 1. After that no truck may enter puddle 1."
    assert rules_plan(text, fleet, world).graph.subtasks[-1].skill == AV
    assert rules_plan(text, fleet, world, _lexicon(type_negations=[])).graph.subtasks[-1].skill != AV
