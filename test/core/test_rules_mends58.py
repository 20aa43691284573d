"""Mends of helper M58: misreadings found in the dev lines of batch 22 (radio/phone talk and formal work orders).

1. "Truck 2 goes to soil 1 once excavator 1 is done and gets loaded there, then it goes to rock 2": the robot of
   the anchor ("excavator 1") was the latest subject, so "it" after the clause the anchor interrupted was excavator
   1, which was sent to rock 2. The clause goes on with its own subject after "and", and so does "it".
2. "Two excavators dig at rock 2, and a truck goes to obstacle 1 and waits there until they're done, then ...": the
   wait was said again with the subject of the sentence (the excavators, sent to obstacle 1), not of its own clause
   after "and"; and a robot said with "a" ("a truck") was said again as "a truck", a second truck sent there.
   "stays there until ..." / "remains there until ..." lost the wait altogether ("there" was read as a place of a
   verbless clause): it is "stays until ...", which was read right.
3. "Truck 2 stays out of rock 1 for now, the rest carry on as normal": the robots that carry on were read as a
   repeat of the clause before: "carry" (a haul verb) sent them all to rock 1, and "the rest continue as normal"
   put every robot under truck 2's keep-out. Robots said to go on with their own work (lexicon
   ``carrying_on_phrases``, with ``carrying_on_tails`` such as "as normal") get no step.
4. "Each truck is to leave for obstacle 1 as soon as it has been loaded and is to tip its load there": the step
   after "and is to" (or "and must") was read as part of the anchor, and the tipping was silently dropped. Such
   words of obligation (lexicon ``anchor_closing_modals``) between "and" and a verb end the anchor as the bare verb
   did ("... as soon as it has been loaded and tips its load there").
5. "Puddle 1 is to be closed to all robots before any movement takes place": "takes" was read as a verb of hauling
   with no place (refused). "take(s) place" is an idiom that asks for nothing (lexicon ``ignore_phrases``), and a
   "before any <deed>" followed by it is read as "before any <deed>".
6. "Upon completion of the breaking, and provided that obstacle 2 has been closed, trucks 1 and 2 ...": of two
   anchors that open a sentence, the second took the place of the first (the trucks did not wait for the
   breaking). The clause after them waits for both (not after "or").
7. "after that everybody goes over and checks obstacle 1" was refused ("no place to go to for 'goes'"): a move of the
   whole fleet with no place is excused, as one of named robots was, when the same sentence then sends the fleet to a
   named place.
8. "Everybody stay off puddle 1 for now, it's flooded": the remark after the keep-out was read as a clause of a robot
   "it" (refused: no robot named before), and after one robot's keep-out ("truck 2 keeps away from rock 1, it's
   unstable") as that keep-out said again. "it" with a copula (lexicon ``place_remark_copulas``) and only plain words
   after a keep-out of a named place is a remark about the place: no step.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, TA, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "<robot> <step> once <other robot> ... and <step>, then it ...": "it" is the clause's robot ---------

_DUG = [task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"])]


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Truck 2 goes to soil 1 once excavator 1 is done and gets loaded there, "
    "then it drives to rock 2.",
    "Excavator 1 digs at soil 1. Truck 2 heads to soil 1 when excavator 1 has finished and is loaded there by "
    "excavator 1, then it moves on to rock 2.",
    "Excavator 1 digs at soil 1. Truck 2 goes to soil 1 as soon as excavator 1 is done and gets loaded by it, "
    "then it goes on to rock 2.",
])
def test_it_after_an_interrupting_anchor_is_the_clause_robot(fleet, world, text):
    assert_plan(text, fleet, world, *_DUG, task("t", T, [D2], ["soil1"], deps=["g"]),
                task("l", LOAD, [E1], [], deps=["t"]), task("r", T, [D2], ["rock2"], deps=["l"]))


def test_it_after_an_interrupting_anchor_returns_the_clause_robot(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 goes to obstacle 1 once excavator 1 is done and dumps there, "
                "then it returns to base.", fleet, world, *_DUG,
                task("t", T, [D2], ["obstacle1"], deps=["g"]), task("d", DUMP, [D2], [], deps=["t"]),
                task("b", R, [D2], [], deps=["d"]))


# -- finding 2: "<clause>, and a truck goes to X and waits there until ...": the wait is the truck's ------------------

_TWO_DUG = [task("m", T, [], ["rock2"], types=[("excavator", 2)]),
            task("g", DIG, [], [], deps=["m"], types=[("excavator", 2)])]


@pytest.mark.parametrize("text", [
    "Two excavators dig at rock 2, and a truck goes to obstacle 1 and waits there until they're done, "
    "then it goes to rock 2.",
    "Two excavators dig at rock 2. A truck goes to obstacle 1 and waits there till they're done, then it goes to "
    "rock 2.",
    "Two diggers break up rock 2, and a hauler drives to obstacle 1 and stays there until the digging is done, "
    "then it comes over to rock 2.",
])
def test_a_wait_there_is_the_waiting_clause_robot(fleet, world, text):
    assert_plan(text, fleet, world, *_TWO_DUG, task("o", T, [], ["obstacle1"], types=[("dump_truck", 1)]),
                task("r", T, [], ["rock2"], deps=["o", "g"], types=[("dump_truck", 1)]))


def test_a_wait_there_after_a_named_clause(fleet, world):
    assert_plan("Excavator 1 digs at soil 2, and truck 3 drives to puddle 1 and stays there until the digging is "
                "done, then it goes to soil 2.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("p", T, [D3], ["puddle1"]), task("s", T, [D3], ["soil2"], deps=["p", "g"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 2. Truck 3 drives to puddle 1 and remains there until the digging is done, then it "
    "goes to soil 2.",
    "Excavator 1 digs at soil 2. Truck 3 heads to puddle 1 and stays there till the digging's finished, then it "
    "goes to soil 2.",
])
def test_staying_there_until_keeps_the_wait(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("p", T, [D3], ["puddle1"]), task("s", T, [D3], ["soil2"], deps=["p", "g"]))


# -- finding 3: "..., the rest carry on as normal": no step for the rest -----------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 2 stays out of rock 1 for now, the rest carry on as normal. Truck 1 goes to soil 1.",
    "Truck 2 keeps away from rock 1, everyone else continues as usual. Truck 1 goes to soil 1.",
    "Truck 2 stays off rock 1 for now, and the others keep working as normal. Truck 1 goes to soil 1.",
    "Truck 2 avoids rock 1. The other robots are unaffected and carry on with their work. Truck 1 goes to soil 1.",
])
def test_robots_that_carry_on_get_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D2], ["rock1"]), task("m", T, [D1], ["soil1"]))


def test_carrying_on_to_a_place_stays_a_move(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and carries on to soil 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["soil2"], deps=["a"]))


def test_the_carrying_on_phrases_come_from_the_lexicon(fleet, world):
    text = "Truck 2 stays out of rock 1 for now, the rest carry on as normal. Truck 1 goes to soil 1."
    assert len(rules_plan(text, fleet, world).graph.subtasks) == 2
    assert len(rules_plan(text, fleet, world, _lexicon(carrying_on_phrases=[])).graph.subtasks) != 2


# -- finding 4: "... as soon as it has been loaded and is to tip there": the tipping is the clause's step --------------

def test_a_step_after_and_is_to_ends_the_anchor(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads trucks 1 and 3. Each truck is to leave for obstacle 1 as soon "
                "as it has been loaded and is to tip its load there.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("a", T, [D1], ["obstacle1"], deps=["l"]), task("b", T, [D3], ["obstacle1"], deps=["l"]),
                task("x", DUMP, [D1], [], deps=["a"]), task("y", DUMP, [D3], [], deps=["b"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 2 and loads truck 1. Truck 1 is to drive to puddle 1 once it has been loaded and is "
    "to dump there.",
    "Excavator 2 digs at soil 2 and loads truck 1. Truck 1 heads to puddle 1 once it is full and must tip its load "
    "there.",
    "Excavator 2 digs at soil 2 and loads truck 1. Truck 1 proceeds to puddle 1 when it has been filled and has to "
    "unload there.",
])
def test_a_step_after_and_a_modal_is_kept(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["g"]), task("p", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["p"]))


# -- finding 5: "before any movement takes place" ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Puddle 1 and puddle 2 are to be closed to all robots before any movement takes place. Subsequently, truck 1 "
    "is to proceed to soil 1.",
    "Before any movement takes place, puddle 1 and puddle 2 are closed to everyone. Truck 1 goes to soil 1.",
    "Puddle 1 and puddle 2 are closed to every robot before any work takes place. Truck 1 goes to soil 1.",
])
def test_takes_place_asks_for_nothing(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["puddle1", "puddle2"]),
                task("m", T, [D1], ["soil1"], deps=["k"]))


def test_before_any_deed_taking_place(fleet, world):
    assert_plan("Rock 1 is closed to every robot before any digging takes place. Excavator 1 digs at soil 1.",
                fleet, world, task("k", AVA, [], ["rock1"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("g", DIG, [E1], [], deps=["m"]))


# -- finding 6: "Once X, and once Y, <clause>": the clause waits for both -------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Truck 2 inspects puddle 1. When the digging is done, and when truck 2 has "
    "inspected puddle 1, truck 1 goes to soil 1.",
    "Excavator 1 digs at soil 1. Truck 2 inspects puddle 1. Upon completion of the digging, and once truck 2 has "
    "checked puddle 1, truck 1 is to proceed to soil 1.",
    "Excavator 1 digs at soil 1. Truck 2 inspects puddle 1. After the digging, and after truck 2 has looked at "
    "puddle 1, truck 1 drives to soil 1.",
])
def test_two_opening_anchors_are_both_waited_for(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("p", T, [D2], ["puddle1"]), task("t", T, [D1], ["soil1"], deps=["g", "p"]))


def test_provided_that_a_keep_out_is_up(fleet, world):
    assert_plan("Truck 3 inspects obstacle 2, after which obstacle 2 is closed to all robots. Excavator 2 digs at "
                "rock 1. Once the digging is finished, and provided that obstacle 2 has been closed, truck 1 is sent "
                "to rock 1.", fleet, world,
                task("i", T, [D3], ["obstacle2"]), task("k", AVA, [], ["obstacle2"], deps=["i"]),
                task("m", T, [E2], ["rock1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1], ["rock1"], deps=["k", "g"]))


# -- finding 7: "everybody goes over and checks obstacle 1" --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 dumps at puddle 1. After that everybody goes over and checks obstacle 1.",
    "Truck 1 dumps at puddle 1. Then the whole fleet heads over and inspects obstacle 1.",
    "Truck 1 dumps at puddle 1. Afterwards all robots go and have a look at obstacle 1.",
])
def test_the_fleet_going_over_to_check_a_place(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], [], deps=["m"]),
                task("a", TA, [], ["obstacle1"], deps=["d"]))


def test_the_fleet_going_nowhere_is_still_refused(fleet, world):
    assert rules_plan("Truck 1 dumps at puddle 1. After that everybody goes over.", fleet, world).errors


# -- finding 8: "<keep-out of a place>, it's flooded": a remark about the place ------------------------------------

@pytest.mark.parametrize("text", [
    "Everybody stay off puddle 1 for now, it's flooded. Truck 1 goes to soil 1.",
    "Keep all robots away from puddle 1, it is completely flooded. Truck 1 goes to soil 1.",
    "Nobody goes near puddle 1, it's been flooded since last night, and truck 1 goes to soil 1.",
])
def test_a_remark_about_a_closed_place_is_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["puddle1"]), task("m", T, [D1], ["soil1"], deps=["k"]))


def test_a_remark_after_one_robots_keep_out(fleet, world):
    assert_plan("Truck 2 keeps away from rock 1, it's unstable. Truck 1 goes to soil 1.", fleet, world,
                task("k", AV, [D2], ["rock1"]), task("m", T, [D1], ["soil1"]))
