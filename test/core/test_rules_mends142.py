"""Mends of helper M142: misreadings found by another helper and left (each gave a plan, no error, and the plan was
wrong).

1. "Whichever excavator finishes first should go back to start." sent one unnamed excavator home at the start (and
   "whichever of them finishes first" sent both, "the first excavator to finish" excavator 1): a robot picked by a
   race is known only while the job runs, so the subject (lexicon ``race_leads`` / ``race_relatives`` ...
   ``race_words`` before the main verb) is refused, naming its words. "Whichever truck is free goes to soil 1
   first" stays a move of one truck, and "the truck that was loaded first" its turn at the loading.
2. A truck told by its loader before that loading is said ("Whichever truck excavator 1 loads then dumps at puddle 2.
   Excavator 1 digs at soil 1 and loads truck 3."; "The truck that excavator 2 loads is truck 1. Excavator 2 goes to
   rock 2 and digs, ...") was a loading of its own, before any digging: refused, naming the description. Said after
   the loading, "whichever truck excavator 1 loads" is now the truck that loading names, like "the truck that ..."
   (lexicon ``loader_role_leads``); before, it was a second loading.
3. A result heading whose subject is robots named by number ("Truck 1 should take the rubble to puddle 2: truck 1 goes
   to rock 1, ...") planned the work twice (once from the heading, once from the steps): like a heading that opens
   with a place, it is the goal of the steps after the colon when those steps carry it out and name each of its
   robots again (interpret._robots_named_after). With a robot the steps never name, it is read as before.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E3, LOAD, T, assert_plan, task
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


# -- finding 2: a truck told by a loading said only after it --------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Whichever truck excavator 1 loads then dumps at puddle 2. Excavator 1 digs at soil 1 and loads truck 3.",
     "whichever truck excavator 1 loads"),
    ("The truck that excavator 2 loads is truck 1. Excavator 2 goes to rock 2 and digs, then loads it, and truck 1 "
     "dumps at puddle 1.", "the truck that excavator 2 loads"),
    ("The truck loaded by excavator 2 dumps at puddle 1. Excavator 2 digs at rock 2 and loads truck 1.",
     "the truck loaded by excavator 2"),
])
def test_a_truck_told_by_a_later_loading_is_refused(fleet, world, text, words):
    problems = _problems(text, fleet, world)
    assert any(f"{words!r} points to a loading said only after it" in p for p in problems), problems


@pytest.mark.parametrize("lead", ["Whichever", "The"])
def test_a_truck_told_by_an_earlier_loading_is_that_truck(fleet, world, lead):
    assert_plan(f"Excavator 1 digs at soil 1 and loads truck 3. {lead} truck excavator 1 loads then dumps at "
                "puddle 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D3], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D3], [], deps=["p"]))


# -- finding 3: a result heading with robots for its subject -------------------------------------------------------

def test_a_robot_result_heading_is_the_goal_of_its_steps(fleet, world):
    assert_plan("Truck 1 should take the rubble to puddle 2: truck 1 goes to rock 1, excavator 1 digs at rock 1 and "
                "loads it, then truck 1 dumps at puddle 2.", fleet, world,
                task("m", T, [D1, E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D1], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D1], [], deps=["p"]))
    assert_plan("Truck 2 must bring soil to puddle 1: truck 2 drives to soil 2, excavator 3 digs at soil 2 and loads "
                "truck 2, and then truck 2 dumps at puddle 1.", fleet, world,
                task("m", T, [D2, E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["d"]), task("p", T, [D2], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D2], [], deps=["p"]))


def test_a_robot_heading_whose_robot_the_steps_never_name_keeps_its_work(fleet, world):
    graph = rules_plan("Truck 1 should take the rubble to puddle 2: excavator 1 digs at rock 1 and loads truck 2, "
                       "then truck 2 dumps at puddle 2.", fleet, world).graph
    assert any(D1 in s.robot_ids for s in graph.subtasks)
