"""Mends of helper M140: instructions in a chatty operator's voice, whose asides (reasons, safety remarks, greetings,
time words) carry no work. Each finding was a refusal or a wrong plan where the meaning was clear.

1. "The surveyors are at rock 1, so everyone avoids rock 1." was refused (no robot is named): people (an article and
   a word that names no robot) with "is at" / "are at" / "will be at" before a place say where those people are, a
   state, as "are near" already was; "are at" was read as a move with no robot.
2. "... lift the keep-out on puddle 2 for everyone, which we put up this morning." lifted it a second time for the
   robot named last ("which" was read as that robot), and "everyone keeps away from puddle 2, which we fenced off
   yesterday" was refused: a remark of people ("which we ...", "(we ... it ...)") about work done before the job (a
   word of time past, lexicon ``report_time_words``) is no step.
3. "Everyone stays off soil 2 while the surveyors work at soil 2." sent every robot into soil 2 while it was closed
   (refused): after a keep-out, a "while" clause of people (a determiner and a plain word, no robot, no verb we know)
   says how long people need the place, no step.
4. "Hey everyone, heads up: the weather is getting worse, ..." was refused ("no place to go to for 'heads'"): a call
   for attention (lexicon ``alert_openers``) was known only at the start of a sentence; after a greeting and the
   people it greets (``greeting_words``, ``greeting_addressees``) and a comma, it opens the message just as well.
5. "The ground is soft, so take it slow." / "Take care near puddle 1 today." were refused (no robot is named, or "it"
   referred to no robot): a word of safety to the listener (lexicon ``ignore_phrases``: "take it slow", "take it
   easy", "take care") says how to drive, no step.
6. "Just so you know the ground is soft near puddle 1, so trucks 2 and 3 should avoid puddle 1." was refused (no robot
   is named): words said to the listener before what they should know ("just so you know", "as you know", "just a
   reminder that": lexicon ``ignore_phrases``) are no robot "you" and no order. "Take it easy near the puddles today
   (it's muddy)." was refused ("it" referred to no robot): "it", a form of "be" and plain words only, inside a
   sentence, is a remark on the weather or the ground, as it already was said alone.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E3, LOAD, T, assert_plan, task
from test_rules_mends13 import _lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: people "at" a place are a state, not a move ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The surveyors are at rock 1, so everyone avoids rock 1. Truck 1 checks soil 2.",
    "Just a heads up, the inspectors are at rock 1 this morning, so everyone avoid rock 1 for now. Truck 1 checks "
    "soil 2.",
    "A survey team is at rock 1 this morning, so everyone avoids rock 1. Truck 1 checks soil 2.",
    "The surveyors will be at rock 1 this morning, so everyone avoids rock 1. Truck 1 checks soil 2.",
    "The surveyors will be near rock 1 today, so everyone avoids rock 1. Truck 1 checks soil 2.",
    "The inspectors are at rock 1. Everyone avoids rock 1. Truck 1 checks soil 2.",
])
def test_people_at_a_place_are_a_state_not_a_move(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["rock1"]), task("m", T, [D1], ["soil2"], deps=["k"]))


def test_a_robot_at_a_place_is_still_read_as_before(fleet, world):
    assert_plan("Excavator 1 is at soil 1 and digs there.", fleet, world, task("d", DIG, [E1], []))
    assert_plan("The excavator will be at soil 1 this morning and digs there.", fleet, world,
                task("m", T, [], ["soil1"], types=[("excavator", 1)]),
                task("d", DIG, [], [], deps=["m"], types=[("excavator", 1)]))


def test_the_state_verbs_of_people_come_from_the_lexicon(fleet, world):
    text = "The surveyors are at rock 1, so everyone avoids rock 1. Truck 1 checks soil 2."
    assert not rules_plan(text, fleet, world).errors
    assert rules_plan(text, fleet, world, _lexicon(thing_state_verbs=[])).errors


# -- finding 2: "which we set this morning" after a keep-out is a remark, no step -------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 dumps at puddle 1. When it's done, lift the keep-out on puddle 2 for everyone, which we put up this "
    "morning.",
    "Truck 1 dumps at puddle 1. When it's done, lift the keep-out on puddle 2 for everyone, which we set this morning.",
    "Truck 1 dumps at puddle 1. When it's done, lift the keep-out on puddle 2 for everyone (we set it up this "
    "morning). Thanks!",
    "Truck 1 dumps at puddle 1. When it's done, lift the keep-out on puddle 2, which I set up yesterday, for everyone.",
])
def test_a_remark_of_people_on_past_work_adds_no_lifting(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], [], deps=["m"]),
                task("a", ALA, [], ["puddle2"], deps=["d"]))


def test_a_remark_of_people_on_past_work_after_a_keep_out_is_no_step(fleet, world):
    assert_plan("Everyone keeps away from puddle 2, which we fenced off yesterday. Truck 1 dumps at puddle 1.", fleet,
                world, task("k", AVA, [], ["puddle2"]), task("m", T, [D1], ["puddle1"], deps=["k"]),
                task("d", DUMP, [D1], [], deps=["m"]))


def test_a_remark_of_people_is_a_remark_only_with_a_word_of_time_past(fleet, world):
    text = "Everyone keeps away from puddle 2, which we fenced off yesterday. Truck 1 dumps at puddle 1."
    assert rules_plan(text, fleet, world, _lexicon(report_time_words=[])).errors


# -- finding 3: "while the surveyors work at soil 2" after a keep-out is no step ---------------------------------------


@pytest.mark.parametrize("text", [
    "Everyone please stay off soil 2 while the surveyors work at soil 2. Excavator 1 goes to rock 1 and digs.",
    "Everyone stays off soil 2 while the surveyors are near soil 2. Excavator 1 goes to rock 1 and digs.",
    "Everyone stays off soil 2 while the surveyors are at soil 2 this morning. Excavator 1 goes to rock 1 and digs.",
    "Everyone stays off soil 2 as long as our inspectors are working at soil 2. Excavator 1 goes to rock 1 and digs.",
])
def test_people_at_the_place_after_while_time_the_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["soil2"]), task("m", T, [E1], ["rock1"], deps=["k"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_robots_after_while_still_do_their_work(fleet, world):
    assert_plan("Everyone avoids rock 1 while excavator 1 digs at soil 1.", fleet, world,
                task("k", AVA, [], ["rock1"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("d", DIG, [E1], [], deps=["m"]))


# -- finding 4: "heads up" after a greeting is a call for attention, no trip -------------------------------------------


@pytest.mark.parametrize("text", [
    "Hey everyone, heads up: the weather is getting worse later today, so let's be quick. Excavator 1 digs at rock 2.",
    "Morning all, heads up, the ground is soft near puddle 1. Excavator 1 digs at rock 2.",
    "Hi team, heads up: excavator 1 digs at rock 2.",
    "Everyone, heads up: excavator 1 digs at rock 2. Thanks!",
])
def test_a_call_for_attention_after_a_greeting_is_no_trip(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]))


def test_heads_as_a_trip_stays_one(fleet, world):
    assert_plan("Truck 1 heads up to soil 1.", fleet, world, task("m", T, [D1], ["soil1"]))


def test_the_people_greeted_come_from_the_lexicon(fleet, world):
    text = "Hi team, heads up: excavator 1 digs at rock 2."
    assert rules_plan(text, fleet, world, _lexicon(greeting_addressees=[])).errors


# -- finding 5: "take it slow" is a word of safety, no step ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Good morning! Just a quick note: the ground is soft, so take it slow. Excavator 3 drives to soil 2 and digs "
    "there.",
    "Please take it slow today. Excavator 3 drives to soil 2 and digs there. Thanks!",
    "Take care near puddle 1 this morning. Excavator 3 drives to soil 2 and digs there.",
    "Take it easy near the puddles today, the ground is soft. Excavator 3 drives to soil 2 and digs there.",
    "Excavator 3 drives to soil 2, taking it slow, and digs there.",
])
def test_a_word_of_safety_is_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]))


# -- finding 6: words to the listener and "(it's muddy)" are no step ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hi all, just so you know the ground is soft near puddle 1, so trucks 2 and 3 should avoid puddle 1. Truck 2 dumps "
    "at soil 1.",
    "Just so you're aware the ground is soft near puddle 1, so trucks 2 and 3 should avoid puddle 1. Truck 2 dumps at "
    "soil 1.",
    "As you know the ground is soft near puddle 1. Trucks 2 and 3 should avoid puddle 1. Truck 2 dumps at soil 1.",
    "Just a reminder that the surveyors are at puddle 1 until noon, so trucks 2 and 3 avoid puddle 1. Truck 2 dumps at "
    "soil 1.",
])
def test_words_said_to_the_listener_name_no_robot(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D2, D3], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["k"]),
                task("d", DUMP, [D2], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Hey folks. Take it easy near the puddles today (it's muddy). Excavator 3 drives to soil 2 and digs there.",
    "Take it easy near the puddles today, it's muddy. Excavator 3 drives to soil 2 and digs there.",
    "Good morning, it's windy today. Excavator 3 drives to soil 2 and digs there.",
])
def test_it_is_muddy_inside_a_sentence_is_a_remark(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]))


def test_it_with_a_verb_after_it_is_still_the_robot(fleet, world):
    assert_plan("Truck 2 goes to soil 1. It is loaded there by excavator 1.", fleet, world,
                task("m", T, [D2], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]))
