"""Mends of helper M142: misreadings found by another helper and left (each gave a plan, no error, and the plan was
wrong).

1. "Whichever excavator finishes first should go back to start." sent one unnamed excavator home at the start (and
   "whichever of them finishes first" sent both, "the first excavator to finish" excavator 1): a robot picked by a
   race is known only while the job runs, so the subject (lexicon ``race_leads`` / ``race_relatives`` ...
   ``race_words`` before the main verb) is refused, naming its words. "Whichever truck is free goes to soil 1
   first" stays a move of one truck, and "the truck that was loaded first" its turn at the loading.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import DIG, E1, T, assert_plan, task
from test_rules_mends13 import _lexicon, _problems  # a plan's problems; an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: a robot picked by a race is refused ----------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Whichever excavator finishes first should go back to start.", "whichever excavator finishes first"),
    ("Excavator 1 and excavator 2 dig at soil 1. Whichever excavator finishes first should go back to start.",
     "whichever excavator finishes first"),
    ("Excavators 1 and 2 dig at soil 1. Whichever of them is done first returns to base.",
     "whichever of them is done first"),
    ("Excavator 1 and excavator 2 dig at soil 1, and whoever finishes first goes home.", "whoever finishes first"),
    ("Trucks 1 and 2 go to soil 1. Whichever truck gets there first is loaded by excavator 1.",
     "whichever truck gets there first"),
    ("Excavator 1 and excavator 2 dig at soil 1. The excavator that finishes last goes home.",
     "the excavator that finishes last"),
    ("Excavator 1 and excavator 2 dig at soil 1. The first excavator to finish goes home.",
     "the first excavator to finish"),
])
def test_a_robot_picked_by_a_race_is_refused(fleet, world, text, words):
    problems = _problems(text, fleet, world)
    assert any(f"{words!r} picks a robot" in p for p in problems), problems


def test_a_free_robot_sent_first_stays_a_move(fleet, world):
    assert_plan("Whichever truck is free goes to soil 1 first.", fleet, world,
                task("m", T, [], ["soil1"], types=[("dump_truck", 1)]))
    assert_plan("Have the first excavator dig at soil 2.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]))


def test_the_race_words_come_from_the_lexicon(fleet, world):
    text = "Excavators 1 and 2 dig at soil 1. Whichever of them is done first returns to base."
    assert any("picks a robot" in p for p in _problems(text, fleet, world))
    assert not any("picks a robot" in p for p in rules_plan(text, fleet, world, _lexicon(race_words=[])).errors)
