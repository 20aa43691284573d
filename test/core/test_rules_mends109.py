"""Mends of helper M109: an anchor said as an event noun whose doer is named lost that doer's work.

1. "After the inspection of rock 1 by excavator 2, truck 1 goes to rock 1." dropped excavator 2's inspection and let
   truck 1 go at once: the anchor's event noun was only looked for among the steps said elsewhere, and with none the
   wait vanished with the work. The doer named with "by" (lexicon ``event_doer_words``) or with "'s" (lexicon
   ``event_possessive_marks``) makes the noun a clause of its own ("after excavator 2 inspects rock 1"): its step when
   none is said, the step said elsewhere when there is one. The same for "once the digging at soil 1 by excavator 3
   is done" (refused before when no digging was said) and "after the loading of truck 1 by excavator 1".
2. "Following the inspection of puddle 1 by truck 3, everyone avoids puddle 1." read "following" as a move (a verb of
   following), so the keep-out waited for nothing; "Following the inspection of puddle 1, ..." after the inspection was
   said did too. Opening a sentence before an event noun (lexicon ``anchor_participles``), it is "after".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "the <event> ... by <robot>" / "<robot>'s <event>" in an anchor orders that robot's work ---------------

@pytest.mark.parametrize("text", [
    "After the inspection of rock 1 by excavator 2, truck 1 goes to rock 1.",
    "After excavator 2's inspection of rock 1, truck 1 goes to rock 1.",
    "Truck 1 goes to rock 1 after the inspection of rock 1 by excavator 2.",
    "When the check of rock 1 by excavator 2 is complete, truck 1 heads to rock 1.",
])
def test_an_inspection_with_its_doer_is_that_robots_move(fleet, world, text):
    assert_plan(text, fleet, world, task("i", T, [E2], ["rock1"]), task("m", T, [D1], ["rock1"], deps=["i"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 inspects rock 1. After the inspection of rock 1 by excavator 2, truck 1 goes to rock 1.",
    "Excavator 2 inspects rock 1. After excavator 2's inspection, truck 1 goes to rock 1.",
])
def test_an_inspection_said_before_is_not_done_twice(fleet, world, text):
    assert_plan(text, fleet, world, task("i", T, [E2], ["rock1"]), task("m", T, [D1], ["rock1"], deps=["i"]))


@pytest.mark.parametrize("text", [
    "Once the digging at soil 1 by excavator 3 is done, truck 2 goes to soil 1.",
    "After excavator 3's digging at soil 1, truck 2 goes to soil 1.",
])
def test_a_digging_with_its_doer_is_that_robots_digging(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("t", T, [D2], ["soil1"], deps=["d"]))


def test_a_digging_said_before_is_the_one_waited_for(fleet, world):
    assert_plan("Excavator 3 digs at soil 1 and then returns to start. Once the digging at soil 1 by excavator 3 is "
                "done, truck 2 goes to soil 1.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("r", R, [E3], [], deps=["d"]), task("t", T, [D2], ["soil1"], deps=["d"]))


def test_a_loading_with_its_doer_is_waited_for(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 1 goes to soil 1. After the loading of truck 1 by excavator 1, "
                "truck 1 dumps at puddle 1.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D1], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D1], [], deps=["p"]))


def test_an_inspection_by_two_robots_is_theirs(fleet, world):
    assert_plan("After the inspection of rock 1 by excavator 2 and truck 3, truck 1 goes to rock 1.", fleet, world,
                task("i", T, [E2, D3], ["rock1"]), task("m", T, [D1], ["rock1"], deps=["i"]))


def test_the_doer_words_come_from_the_lexicon(fleet, world):
    from test_rules_mends13 import _lexicon
    text = "After the inspection of rock 1 by excavator 2, truck 1 goes to rock 1."
    assert len(rules_plan(text, fleet, world).graph.subtasks) == 2
    assert len(rules_plan(text, fleet, world, _lexicon(event_doer_words=[])).graph.subtasks) == 1


# -- finding 2: "Following <event>, ..." opening a sentence is "after" ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Following the inspection of puddle 1 by truck 3, everyone avoids puddle 1.",
    "Following truck 3's inspection of puddle 1, everyone avoids puddle 1.",
    "Truck 3 inspects puddle 1. Following the inspection, everyone keeps away from puddle 1.",
])
def test_following_an_event_waits_for_it(fleet, world, text):
    assert_plan(text, fleet, world, task("i", T, [D3], ["puddle1"]), task("k", AVA, [], ["puddle1"], deps=["i"]))

