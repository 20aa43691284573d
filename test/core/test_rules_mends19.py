"""Mends of helper M19: an action the fleet does not have must not become a move.

"Excavator 2 polishes rock 1" was read as a move of excavator 2 to rock 1, with no word of the polishing: a clause
with a robot and a place and no verb we know is a move, and the coverage ratio let the unknown word pass. Such a word
in a robot's verb slot, right before a place, is now refused with a message that names it and the robot's skills;
verbs of motion whose object is the place ("enters", "revisits") are words of the lexicon, read as moves.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, E1, E2, T, assert_plan, task
from test_rules_mends13 import _problems  # a plan's problems as the planner reports them

from dart_planner.llm.rules import rules_plan


def _refusal(text: str, fleet, world, word: str) -> str:
    problems = _problems(text, fleet, world)
    hits = [p for p in problems if f"{word!r} is not a skill of" in p]
    assert hits, problems
    return hits[0]


# -- verbs of motion with the place as their object are moves -------------------------------------------------------

@pytest.mark.parametrize("text, robot, place", [
    ("Truck 1 enters puddle 1.", D1, "puddle1"),
    ("The second truck revisits rock 1.", D2, "rock1"),
    ("Excavator 1 occupies rock 2.", E1, "rock2"),
    ("Truck 3 nears soil 1.", D3, "soil1"),
])
def test_a_verb_of_motion_with_the_place_as_object_is_a_move(fleet, world, text, robot, place):
    assert_plan(text, fleet, world, task("m", T, [robot], [place]))
    assert not rules_plan(text, fleet, world).coverage.unplaced


@pytest.mark.parametrize("text", [
    "Truck 1 visits rock 1.",
    "Truck 1 approaches rock 1.",
    "Truck 1 reaches rock 1.",
    "Truck 1 heads for rock 1.",
    "Truck 1 drives up to rock 1.",
    "Truck 1 makes its way over to rock 1.",
])
def test_motion_verbs_known_before_stay_moves(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["rock1"]))


def test_nobody_enters_is_a_keep_out_for_everyone(fleet, world):
    # before, "enters" was an unknown word and the instruction fell below the coverage threshold
    assert_plan("Nobody enters puddle 2.", fleet, world, task("k", AVA, [], ["puddle2"]))
    assert not _problems("Nobody enters puddle 2.", fleet, world)


@pytest.mark.parametrize("text, skill", [
    ("Truck 1 is allowed to enter puddle 1 again.", AL),
    ("Truck 1 is permitted to cross puddle 1 again.", AL),
    ("Truck 1 is not allowed to enter puddle 1.", AV),
    ("Truck 1 must not enter puddle 1.", AV),
    ("Truck 1 should never cross puddle 1.", AV),
])
def test_permission_and_negation_of_entering_stay_keep_out_changes(fleet, world, text, skill):
    assert_plan(text, fleet, world, task("k", skill, [D1], ["puddle1"]))


@pytest.mark.parametrize("text", [
    "Allow truck 3 to visit puddle 1 again.",
    "Allow truck 3 to enter puddle 1 again.",
    "Truck 3 is allowed to go to puddle 1 again.",
])
def test_a_motion_verb_after_a_permission_names_the_place_allowed(fleet, world, text):
    # before, the permission had no object ("no object named to allow") and the move was a step of its own
    assert_plan(text, fleet, world, task("a", AL, [D3], ["puddle1"]))


def test_a_permission_then_a_move_said_apart_stays_two_steps(fleet, world):
    assert_plan("Allow truck 3 into puddle 1 again, then send it in.", fleet, world,
                task("a", AL, [D3], ["puddle1"]), task("m", T, [D3], ["puddle1"], deps=["a"]))


# -- an unknown word in a robot's verb slot, before a place, is refused --------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Excavator 2 polishes rock 1.", "polishes"),
    ("Dump truck 3 sweeps puddle 2.", "sweeps"),
    ("Excavator 1, polish obstacle 2.", "polish"),
    ("Trucks 1 and 2 should quickly sweep puddle 1.", "sweep"),
    ("The first excavator paints the second obstacle.", "paints"),
])
def test_an_unknown_action_alone_is_refused(fleet, world, text, word):
    _refusal(text, fleet, world, word)


def test_an_unknown_action_first_in_a_long_text_is_refused(fleet, world):
    text = ("Excavator 1 paints obstacle 2. Then it goes to soil 1 and digs there. Meanwhile truck 2 drives to "
            "rock 1, and once the digging is done, it goes to soil 1 to be loaded.")
    _refusal(text, fleet, world, "paints")


@pytest.mark.parametrize("text, word", [
    ("Excavator 1 goes to soil 1 and then paints obstacle 2.", "paints"),
    ("Truck 2 drives to rock 1, then it waxes puddle 1.", "waxes"),
    ("Excavator 3 digs at soil 2 and polishes rock 2.", "polishes"),
    ("Truck 1 goes to soil 2, and finally sweeps puddle 1.", "sweeps"),
])
def test_an_unknown_action_after_a_known_step_is_refused(fleet, world, text, word):
    _refusal(text, fleet, world, word)


def test_an_unknown_action_before_a_known_step_is_refused(fleet, world):
    _refusal("Excavator 1 paints obstacle 2 and then digs soil 1.", fleet, world, "paints")


def test_the_refusal_names_the_word_its_place_the_robot_and_its_skills(fleet, world):
    message = _refusal("Excavator 2 polishes rock 1.", fleet, world, "polishes")
    assert message.startswith("'polishes rock 1': 'polishes' is not a skill of excavator 2"), message
    for skill in ("go to", "dig", "load the truck"):
        assert skill in message, message
    assert "dump," not in message and "get loaded" not in message  # a truck's skills, not an excavator's
    truck = _refusal("Truck 1 sweeps puddle 2.", fleet, world, "sweeps")
    assert "get loaded" in truck and "dump" in truck and "dig" not in truck, truck


def test_a_pronoun_subject_is_named_by_the_robot_it_stands_for(fleet, world):
    message = _refusal("Truck 3 goes to rock 1, then it waxes puddle 1.", fleet, world, "waxes")
    assert "not a skill of truck 3" in message, message


# -- guards: what is no unknown action stays as it was read ---------------------------------------------------------

def test_an_unknown_verb_with_a_motion_preposition_is_a_move(fleet, world):
    assert_plan("Truck 1 trundles to rock 1.", fleet, world, task("m", T, [D1], ["rock1"]))
    assert_plan("Truck 1 rumbles over to rock 1.", fleet, world, task("m", T, [D1], ["rock1"]))
    assert_plan("Excavator 2 lumbers towards soil 1 and digs.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Truck 1 goes to the big rock 1.",  # a word before a place after a motion verb: no verb slot
    "Truck 1 goes to rock 1 and then to puddle 2.",
])
def test_words_before_a_place_outside_the_verb_slot_are_not_refused(fleet, world, text):
    assert not any("is not a skill of" in p for p in _problems(text, fleet, world))


def test_a_skill_synonym_is_no_unknown_action(fleet, world):
    assert_plan("Excavator 1 excavates soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))
    assert_plan("Truck 2 checks puddle 1.", fleet, world, task("m", T, [D2], ["puddle1"]))


def test_a_negated_clause_with_an_unknown_verb_is_no_action(fleet, world):
    # "no robot <verb> X" says what must not happen: read as a keep-out, never refused as a request
    assert not any("is not a skill of" in p for p in _problems("No robot tramples puddle 2.", fleet, world))


def test_an_unknown_verb_whose_place_belongs_to_a_later_verb_is_not_refused(fleet, world):
    text = "After that, the whole fleet regards puddle 1 as a no-go zone."
    assert not any("is not a skill of" in p for p in _problems(text, fleet, world))


def test_an_unknown_verb_before_a_pronoun_is_not_refused_here(fleet, world):
    # "held there": the pronoun is no place named for the word; other readings decide
    text = "Truck 1 drives to obstacle 1 and is held there until excavator 1 has dug at soil 1."
    assert not any("is not a skill of" in p for p in _problems(text, fleet, world))


@pytest.mark.parametrize("text", [
    "Excavator 1 and truck 2 handle soil 2 (drive there, dig, load, haul to puddle 1, dump).",
    "Excavator 1 tackles soil 2: go there and dig.",
])
def test_a_summary_verb_before_the_steps_is_not_refused(fleet, world, text):
    assert not any("is not a skill of" in p for p in _problems(text, fleet, world))


# -- an order that opens its sentence with an unknown verb ------------------------------------------------------------

@pytest.mark.parametrize("text, word, robot", [
    ("Please sweep puddle 2 with truck 3.", "sweep", "truck 3"),
    ("Excavator 1 goes to soil 1 and digs. Then compact soil 2.", "compact", "excavator 1"),
    ("Truck 2 drives to rock 2. Wash obstacle 1 after that.", "wash", "truck 2"),
])
def test_an_unknown_verb_opening_an_order_is_refused(fleet, world, text, word, robot):
    assert f"not a skill of {robot}" in _refusal(text, fleet, world, word)


@pytest.mark.parametrize("text", [
    "Regarding rock 1, truck 1 goes there.",  # a phrase put first and set off by a comma is no order
    "Using excavator 2, dig at rock 1.",
])
def test_a_fronted_phrase_is_not_refused_as_an_action(fleet, world, text):
    assert not any("is not a skill of" in p for p in _problems(text, fleet, world))


def test_an_opening_motion_verb_still_moves(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Then enter puddle 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["puddle2"], deps=["a"]))


# -- an unknown verb after "then" with only a pronoun after it was dropped without a word ------------------------------

@pytest.mark.parametrize("text, word", [
    ("Truck 1 goes to rock 1 and then paints it.", "paints"),
    ("Excavator 3 drives to soil 2, then scrubs there.", "scrubs"),
    ("Truck 2 goes to puddle 1 and then waxes the place.", "waxes"),
])
def test_an_unknown_verb_after_then_is_refused_not_dropped(fleet, world, text, word):
    _refusal(text, fleet, world, word)


@pytest.mark.parametrize("text, expected", [
    ("Truck 1 goes to rock 1 and then stops.", [task("m", T, [D1], ["rock1"])]),
    ("Truck 1 goes to rock 1 and then slowly drives to soil 1.",
     [task("a", T, [D1], ["rock1"]), task("b", T, [D1], ["soil1"], deps=["a"])]),
])
def test_known_words_after_then_are_read_as_before(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- a bug in a check after the reading fails closed, like a bug in the reading itself -------------------------


@pytest.mark.parametrize("check", ["unknown_action_errors", "goal_errors"])
def test_a_check_that_raises_refuses_instead_of_crashing(check, fleet, world, monkeypatch):
    from dart_planner.llm.rules import planner as planner_module

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(planner_module, check, broken)
    got = planner_module.rules_plan("We need soil 1 dug. Excavator 1 goes to soil 1 and digs.", fleet, world)
    assert any("could not check" in e and "RuntimeError: boom" in e for e in got.errors), got.errors
