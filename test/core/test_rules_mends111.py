"""Mends of helper M111: a truck said in a relative clause with a perfect auxiliary to have come to the loading site.

1. "... right after that they load a truck that has come over to rock 1", "... then loads two trucks that have gone
   over to rock 1 in the meantime", "loads a truck that's gone over to soil 1": the unnamed truck got no move at all
   (the loading waited for nothing of it), while the same words about a named truck ("truck 2, which has come over
   to rock 1") plan its move. "that" after a loaded robot and before a perfect auxiliary (lexicon
   ``relative_perfect_auxiliaries``) and a verb is the relative pronoun, as before a plain verb; the move is planned
   as for the named truck: at once, or after the digging where "right after that" ties the loading to it. "already"
   keeps its reading of a truck standing there, as for a named one ("truck 2, which has already driven to soil 2").
2. The same with an adverb between the auxiliary and the verb ("a truck that has meanwhile / since come over",
   "two trucks that have both gone over"), as "which" already read them.
3. "loads a truck having come over to soil 1" (also "truck 1 having come over"): the participle dropped the move of
   a named truck as well; right after a loaded robot and right before a verb (lexicon ``relative_participles``) it
   opens the relative clause as "which has" does. "having already driven" keeps the standing-there reading.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md) and the planner's reading of the same words about a named
truck."""

from __future__ import annotations

import pytest
from rules_helpers import D1, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task
from test_rules_mends13 import _lexicon

from dart_planner.llm.rules import rules_plan

_TRUCK = [("dump_truck", 1)]
_TRUCKS = [("dump_truck", 2)]


# -- finding 1: "a truck that has come over to <place>" is a move of that truck -------------------------------------

@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 go to rock 1 and break it up, and right after that they load a truck that has come over to "
    "rock 1.",
    "Excavators 1 and 2 go to rock 1 and break it up, and right after that they load a truck which has come over to "
    "rock 1.",
])
def test_a_truck_that_has_come_over_after_right_after_that(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, E2], ["rock1"]), task("d", DIG, [E1, E2], deps=["m"]),
                task("t", T, types=_TRUCK, objs=["rock1"], deps=["d"]),
                task("l", LOAD, [E1, E2], deps=["t"]))


@pytest.mark.parametrize("text, exc, place, types", [
    ("Excavator 2 drives to rock 1 and digs, then loads two trucks that have gone over to rock 1 in the meantime.",
     E2, "rock1", _TRUCKS),
    ("Excavator 3 goes to soil 1, digs there and loads a truck that's gone over to soil 1.", E3, "soil1", _TRUCK),
    ("Excavator 3 goes to soil 1, digs there and loads a truck that has gone over to soil 1.", E3, "soil1", _TRUCK),
    ("Excavator 1 drives to soil 2 and digs, and after that it loads two dump trucks that've driven to soil 2.",
     E1, "soil2", _TRUCKS),
    # finding 3: a participle in place of the relative
    ("Excavator 3 goes to soil 1, digs there and loads a truck having come over to soil 1.", E3, "soil1", _TRUCK),
    ("Excavator 2 drives to rock 1 and digs, then loads two trucks having gone over to rock 1 in the meantime.",
     E2, "rock1", _TRUCKS),
    # finding 2: an adverb between the auxiliary and the verb
    ("Excavator 3 goes to soil 1, digs there and loads a truck that has meanwhile come over to soil 1.",
     E3, "soil1", _TRUCK),
    ("Excavator 3 goes to soil 1, digs there and loads a truck that has since gone over to soil 1.",
     E3, "soil1", _TRUCK),
    ("Excavator 3 goes to soil 1, digs there and loads two trucks that have both gone over to soil 1.",
     E3, "soil1", _TRUCKS),
])
def test_an_unnamed_truck_that_has_gone_over_moves_at_once(fleet, world, text, exc, place, types):
    assert_plan(text, fleet, world,
                task("m", T, [exc], [place]), task("d", DIG, [exc], deps=["m"]),
                task("t", T, types=types, objs=[place]),
                task("l", LOAD, [exc], deps=["d", "t"]))


def test_the_truck_that_has_gone_over_then_dumps(fleet, world):
    assert_plan("Excavator 3 goes to soil 1, digs there and loads a truck that has gone over to soil 1, and the truck "
                "then dumps at puddle 2.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], deps=["m"]),
                task("t", T, types=_TRUCK, objs=["soil1"]),
                task("l", LOAD, [E3], deps=["d", "t"]),
                task("p", T, types=_TRUCK, objs=["puddle2"], deps=["l"]),
                task("u", DUMP, types=_TRUCK, deps=["p"]))


def test_a_truck_that_has_already_driven_there_stays_where_it_stands(fleet, world):
    assert_plan("Excavator 1 digs at soil 2 and then fills a dump truck that has already driven to soil 2, and that "
                "truck dumps at puddle 1.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["d"]),
                task("p", T, types=_TRUCK, objs=["puddle1"], deps=["l"]),
                task("u", DUMP, types=_TRUCK, deps=["p"]))


def test_a_named_truck_having_come_over_moves_with_the_excavator(fleet, world):
    assert_plan("Excavator 3 goes to soil 1, digs there and loads truck 1 having come over to soil 1.", fleet, world,
                task("m", T, [E3, D1], ["soil1"]), task("d", DIG, [E3], deps=["m"]),
                task("l", LOAD, [E3], deps=["d"]))


def test_a_truck_having_already_driven_there_stays_where_it_stands(fleet, world):
    assert_plan("Excavator 3 goes to soil 1, digs there and loads a truck having already driven to soil 1.", fleet,
                world, task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], deps=["m"]),
                task("l", LOAD, [E3], deps=["d"]))


def test_the_perfect_auxiliaries_come_from_the_lexicon(fleet, world):
    text = "Excavator 3 goes to soil 1, digs there and loads a truck that has gone over to soil 1."
    moves = [s for s in rules_plan(text, fleet, world).graph.subtasks if s.skill == T]
    assert len(moves) == 2
    edited = rules_plan(text, fleet, world, _lexicon(relative_perfect_auxiliaries=[]))
    assert len([s for s in edited.graph.subtasks if s.skill == T]) < 2
