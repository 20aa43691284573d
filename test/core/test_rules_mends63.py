"""Mends of helper M63: misreadings of instructions written in two voices, the published DART-LLM task style and a
dispatcher's run of short messages that only add steps ("Also: ...", "Oh and ...", "P.S. ...").

1. An afterthought that puts a robot step ahead of everything said in earlier sentences ("Excavator 1 goes to soil
   2 and digs. Oh and before any of that, truck 3 inspects obstacle 1.") was read in parallel (another robot) or
   after the robot's own chain (same robot): it now comes first, and what was said before waits for it, as a
   fleet-wide keep-out said that way already did.
2. "Truck 2 goes to puddle 1. But first, truck 2 inspects obstacle 1.": "but first" opening the next sentence was
   read in order, so the inspection came after; it comes first now, as it did after a comma.
3. "Excavator 3 digs at soil 2 right where it is" drove it to soil 2 first: "right where it is" said with the place
   of a clause that only digs makes that place where the robot stands (rule 11: no move), as "already at" does; a
   clause that also moves keeps its move.
4. "...; once the truck is done, truck 1 goes to rock 1, and then all robots avoid rock 1" waited for another crew's
   digging still open: a fleet-wide keep-out joined by "then" to a clause that stands alone in its sentence (timed by
   itself, ordered, or the first of the sentence) follows that clause, as after "after which" (rule 10); after two
   clauses said side by side ("A and B, then all robots avoid ...") it still waits for both.
5. "Excavator 1 goes to soil 2 and digs. Then truck 3 goes there. Before any of that, truck 2 inspects obstacle 1."
   dropped truck 3's move: a sentence before one opening with "first" whose robots, verbs and places all come back
   later is a plan spelled out after it, and "there" names no place, so it was taken for one. An afterthought put
   ahead ("before any of that", "before that") spells nothing out. "before all (of) that / this" are such
   afterthoughts too (lexicon ``first`` and ``before_all_said``).
6. "... Then truck 3 goes to soil 2. P.S. before any of that, truck 3 should keep away from puddle 1." made the
   keep-out wait for the digging truck 3's move waited for: said ahead of everything, it waits for nothing (rule 21,
   as when said first), and the move waits for both.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "before any of that" in a later sentence puts a robot step ahead of all said before -----------------


@pytest.mark.parametrize("opener", ["Oh and before any of that,", "But before any of that,", "Before any of this,",
                                    "P.S. prior to any of that,"])
def test_a_step_said_before_any_of_that_comes_first_for_another_robot(fleet, world, opener):
    assert_plan(f"Excavator 1 goes to soil 2 and digs. {opener} truck 3 inspects obstacle 1.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_a_step_said_before_any_of_that_comes_first_for_the_same_robot(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs. Before any of that, it inspects obstacle 1.", fleet, world,
                task("i", T, [E1], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_the_dispatchers_afterthought_puts_the_trucks_inspection_first(fleet, world):
    assert_plan("First, excavator 1 goes to soil 2. Also: once it is there, it digs. Oh and truck 3 goes to soil 2 "
                "after excavator 1 has dug; then excavator 1 loads it. One more thing - but before any of that, "
                "truck 3 inspects obstacle 1.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]), task("t", T, [D3], ["soil2"], deps=["d"]),
                task("l", LOAD, [E1], [], deps=["t"]))


# -- finding 2: "But first," opening the next sentence ---------------------------------------------------------------


@pytest.mark.parametrize("second", ["But first, truck 2 inspects obstacle 1.", "But first it inspects obstacle 1.",
                                    "But before that, it checks obstacle 1."])
def test_but_first_opening_the_next_sentence_puts_its_step_first(fleet, world, second):
    assert_plan(f"Truck 2 goes to puddle 1. {second}", fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("m", T, [D2], ["puddle1"], deps=["i"]))


def test_but_first_for_another_robot_in_the_next_sentence(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs. But first, truck 3 inspects obstacle 1.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]))


# -- finding 3: "digs at <place> right where it is" is no move -----------------------------------------------------


@pytest.mark.parametrize("text", ["Excavator 3 digs at soil 2 right where it is, then loads truck 1.",
                                  "Excavator 3 digs at soil 2 where it stands, then loads truck 1.",
                                  "Excavator 3 digs right where it is at soil 2, then loads truck 1."])
def test_digging_at_a_place_where_it_stands_makes_no_move(fleet, world, text):
    assert_plan(text, fleet, world, task("d", DIG, [E3], []), task("l", LOAD, [E3], [], deps=["d"]))


def test_the_trucks_come_to_the_excavator_digging_in_place(fleet, world):
    assert_plan("Excavator 3 digs at soil 2 right where it is; dump truck 1 goes to soil 2; then excavator 3 loads "
                "it.", fleet, world,
                task("d", DIG, [E3], []), task("m", T, [D1], ["soil2"]), task("l", LOAD, [E3], [], deps=["d", "m"]))


def test_a_move_said_with_digging_in_place_stays(fleet, world):
    assert_plan("Excavator 3 goes to soil 2 and digs right where it is.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]))


# -- finding 4: "..., then all robots avoid X" after a clause that stands alone follows that clause ----------------


def test_a_fleet_keep_out_after_a_timed_clause_follows_it_not_the_other_crew(fleet, world):
    assert_plan("Dump truck 2 inspects rock 1; meanwhile excavator 2 goes to soil 2 and digs; once the truck is done, "
                "truck 1 goes to rock 1, and then all robots avoid rock 1.", fleet, world,
                task("i", T, [D2], ["rock1"]), task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1], ["rock1"], deps=["i"]), task("a", AVA, [], ["rock1"], deps=["t"]))


@pytest.mark.parametrize("join", [", then", " and then", ", and then"])
def test_a_fleet_keep_out_after_the_first_clause_of_its_sentence_follows_it(fleet, world, join):
    assert_plan(f"Excavator 2 goes to soil 2 and digs. Truck 1 goes to rock 1{join} all robots avoid rock 1.",
                fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1], ["rock1"]), task("a", AVA, [], ["rock1"], deps=["t"]))


@pytest.mark.parametrize("pair", ["Truck 1 inspects puddle 1 and excavator 1 inspects puddle 2",
                                  "Truck 1 inspects puddle 1 while excavator 1 inspects puddle 2"])
def test_a_fleet_keep_out_after_two_clauses_side_by_side_waits_for_both(fleet, world, pair):
    assert_plan(f"{pair}, then all robots avoid both puddles.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [E1], ["puddle2"]),
                task("k", AVA, [], ["puddle1", "puddle2"], deps=["a", "b"]))


# -- finding 5: a sentence before an afterthought put ahead is no plan spelled out ----------------------------------


@pytest.mark.parametrize("opener", ["Before any of that,", "P.S. before all that,", "Before all of this,"])
def test_a_move_there_before_an_afterthought_is_kept(fleet, world, opener):
    assert_plan(f"Excavator 1 goes to soil 2 and digs. Then truck 3 goes there. {opener} truck 2 inspects obstacle 1.",
                fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("m", T, [E1], ["soil2"], deps=["i"]),
                task("d", DIG, [E1], [], deps=["m"]), task("t", T, [D3], ["soil2"], deps=["d"]))


# -- finding 6: a keep-out for some robots said ahead of everything waits for nothing --------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 goes to soil 2 and digs. Then truck 3 goes to soil 2. P.S. before any of that, truck 3 should keep "
    "away from puddle 1.",
    "Excavator 1 goes to soil 2 and digs. Then truck 3 goes there. Before all of this, truck 3 keeps away from "
    "puddle 1.",
])
def test_a_keep_out_said_ahead_of_everything_is_a_root(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]), task("k", AV, [D3], ["puddle1"]),
                task("t", T, [D3], ["soil2"], deps=["d", "k"]))
