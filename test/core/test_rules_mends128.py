"""Mends of helper M128: misreadings found with rewordings of dev lines L3_556-L3_675 in other voices.

1. "Two excavators break up rock 1. From the beginning, dump trucks 1, 2 and 3 stay clear of the rocks ..." read the
   keep-out as put up mid-job (its lifting waited for it, and truck 3's later move to rock 1 did not): "from the
   beginning" (also "from the very beginning", "from the very start", "from the outset") says the keep-out holds
   from the start, as "from the start" already did (lexicon ``duration_markers``).
2. "...; in the same way truck 3 goes to soil 2 once excavator 3 has finished" redid the clause before it (truck 3
   joined excavator 1's move to soil 1, excavator 1 loaded twice): "in the same way" / "in a similar way" before a
   clause with its own verb only means "too", as "likewise" does (lexicon ``repeat_phrases``, ``repeat_adverbs``).
3. "When both trucks have been filled, each of them carries its load to puddle 2 and unloads it there" sent the
   excavators of the sentence before to puddle 2 and had them load again: a bare "each" / "each of them" right after
   an anchor that named several robots is those robots, as "they each" already was.
4. "Excavator 1 digs at soil 1. With the digging finished, truck 1 goes to soil 1." sent truck 1 along with the
   excavator's first move, and "With that keep-out in place, excavators 1 and 2 head to rock 2" waited for nothing:
   "with" opening a sentence, then what it names and a word of its state (lexicon ``absolute_with_states``: "done",
   "finished", "in place", "loaded", ...) before a comma, is a clause of time, read as "once <that> is <state>".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, plan, task

# -- finding 1: "from the beginning" is a keep-out from the start ---------------------------------------------------

_TRUCKS = [D1, D2, D3]


@pytest.mark.parametrize("when", ["From the beginning", "From the very beginning", "From the very start",
                                  "From the outset"])
def test_a_keep_out_from_the_beginning_holds_from_the_start(fleet, world, when):
    text = (f"Two excavators break up rock 1. {when}, dump trucks 1, 2 and 3 stay clear of rock 1 and rock 2. "
            "As soon as rock 1 is broken up, the trucks may go near the rocks again, after which truck 3 drives to "
            "rock 1.")
    assert_plan(text, fleet, world,
                task("m", T, [], ["rock1"], types=[("excavator", 2)]),
                task("g", DIG, [], [], deps=["m"], types=[("excavator", 2)]),
                task("k", AV, _TRUCKS, ["rock1", "rock2"]),
                task("a", AL, _TRUCKS, ["rock1", "rock2"], deps=["g"]),
                task("t", T, [D3], ["rock1"], deps=["k", "a"]))


def test_a_keep_out_from_the_beginning_said_after_the_clause(fleet, world):
    assert_plan("Two excavators break up rock 1. Dump trucks 1, 2 and 3 stay clear of rock 1 from the beginning. "
                "Once rock 1 is broken up, the keep-out is lifted for the trucks.", fleet, world,
                task("m", T, [], ["rock1"], types=[("excavator", 2)]),
                task("g", DIG, [], [], deps=["m"], types=[("excavator", 2)]),
                task("k", AV, _TRUCKS, ["rock1"]),
                task("a", AL, _TRUCKS, ["rock1"], deps=["g"]))


# -- finding 2: "in the same way" before a clause of its own is no repeat ------------------------------------------

_TWO_PITS = "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2. "


@pytest.mark.parametrize("adverb", ["in the same way", "in a similar way", "likewise"])
def test_in_the_same_way_before_a_clause_of_its_own_repeats_nothing(fleet, world, adverb):
    text = (_TWO_PITS + "Truck 2 drives to soil 1 as soon as excavator 1 is done and gets loaded by excavator 1; "
            f"{adverb} truck 3 goes to soil 2 once excavator 3 has finished and is loaded there by excavator 3.")
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m3", T, [E3], ["soil2"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("t2", T, [D2], ["soil1"], deps=["g1"]), task("l2", LOAD, [E1], [], deps=["t2"]),
                task("t3", T, [D3], ["soil2"], deps=["g3"]), task("l3", LOAD, [E3], [], deps=["t3"]))


def test_does_it_in_the_same_way_still_repeats(fleet, world):
    assert_plan("Truck 1 goes to puddle 1 and dumps. Truck 2 does it in the same way.", fleet, world,
                task("m", T, [D1, D2], ["puddle1"]), task("d", DUMP, [D1, D2], [], deps=["m"]))


# -- finding 3: "each (of them)" after an anchor that named several robots is those robots ------------------------

_CREWS = ("Excavator 1 and dump truck 2 drive to soil 1, and excavator 3 and dump truck 1 drive to rock 2. "
          "Excavator 1 digs and loads truck 2, and excavator 3 digs and loads truck 1. ")


def _crews_haul(*after: str):
    return (task("m1", T, [E1, D2], ["soil1"]), task("m3", T, [E3, D1], ["rock2"]),
            task("g1", DIG, [E1], [], deps=["m1"]), task("l1", LOAD, [E1], [], deps=["g1"]),
            task("g3", DIG, [E3], [], deps=["m3"]), task("l3", LOAD, [E3], [], deps=["g3"]),
            task("h2", T, [D2], ["puddle2"], deps=list(after)), task("d2", DUMP, [D2], [], deps=["h2"]),
            task("h1", T, [D1], ["puddle2"], deps=list(after)), task("d1", DUMP, [D1], [], deps=["h1"]))


@pytest.mark.parametrize("each", ["each of them carries its load", "each carries its load",
                                  "every one of them carries its load", "they each carry their load"])
def test_each_after_an_anchor_of_several_robots_is_those_robots(fleet, world, each):
    text = _CREWS + f"When both trucks have been filled, {each} to puddle 2 and unloads it there."
    assert_plan(text.replace("carry their load to puddle 2 and unloads", "carry their load to puddle 2 and unload"),
                fleet, world, *_crews_haul("l1", "l3"))


def test_each_after_an_anchor_of_named_robots_is_those_robots(fleet, world):
    text = _CREWS + "Once trucks 1 and 2 are full, each of them takes its load to puddle 2 and dumps it there."
    got = plan(text, fleet, world)
    hauls = [s for s in got.subtasks if s.object_keywords == ("puddle2",)]
    assert sorted(r for s in hauls for r in s.robot_ids) == [D1, D2]
    assert [s.robot_ids for s in got.subtasks if s.skill == DUMP] in ([(D2,), (D1,)], [(D1,), (D2,)])


# -- finding 4: "With <that> <state>, ..." opening a sentence is a clause of time ---------------------------------

def test_with_the_digging_finished_waits_for_the_digging(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. With the digging finished, truck 1 goes to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1], ["soil1"], deps=["g"]))


@pytest.mark.parametrize("state", ["With that keep-out in place", "With the keep-out in place", "With that done",
                                   "Once that keep-out is in place"])
def test_with_the_keep_out_in_place_waits_for_it(fleet, world, state):
    assert_plan(f"Truck 3 goes to obstacle 1; afterwards the whole fleet keeps away from obstacle 1. {state}, "
                "excavators 1 and 2 head to rock 2.", fleet, world,
                task("c", T, [D3], ["obstacle1"]), task("k", AVA, [], ["obstacle1"], deps=["c"]),
                task("m", T, [E1, E2], ["rock2"], deps=["k"]))


def test_with_both_trucks_loaded_waits_for_the_loading(fleet, world):
    assert_plan("Trucks 1 and 2 go to soil 1, where excavator 1 digs and loads them. With both trucks loaded, "
                "excavator 1 returns to start.", fleet, world,
                task("m", T, [D1, D2, E1], ["soil1"]),
                task("g", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["g"]),
                task("r", R, [E1], [], deps=["l"]))


def test_with_a_robot_and_no_state_stays_a_companion(fleet, world):
    assert_plan("Truck 1 goes to soil 1 with excavator 2.", fleet, world, task("m", T, [D1, E2], ["soil1"]))


# -- finding 5: "once it is there" is the robot's arrival ----------------------------------------------------------

@pytest.mark.parametrize("when", ["as soon as it is there", "once it's there", "as soon as excavator 3 is there",
                                  "once it has arrived there"])
def test_once_it_is_there_waits_for_the_arrival_not_the_work(fleet, world, when):
    assert_plan(f"Excavator 3 drives to rock 1 and breaks it up; {when}, dump trucks 1 and 2 keep away from rock 1.",
                fleet, world,
                task("m", T, [E3], ["rock1"]), task("g", DIG, [E3], [], deps=["m"]),
                task("k", AV, [D1, D2], ["rock1"], deps=["m"]))


def test_once_both_are_there_waits_for_both_arrivals(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and truck 2 goes to soil 2, and each of them dumps. Once both are there, "
                "excavator 1 goes to rock 1.", fleet, world,
                task("m1", T, [D1], ["soil1"]), task("d1", DUMP, [D1], [], deps=["m1"]),
                task("m2", T, [D2], ["soil2"]), task("d2", DUMP, [D2], [], deps=["m2"]),
                task("e", T, [E1], ["rock1"], deps=["m1", "m2"]))


def test_once_it_is_there_after_a_lone_move_is_that_move(fleet, world):
    assert_plan("Truck 3 goes to rock 1 and then to soil 1. Once it is there, truck 1 goes to soil 2.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", T, [D3], ["soil1"], deps=["a"]),
                task("c", T, [D1], ["soil2"], deps=["b"]))


# -- finding 6: "loads truck 2 first, truck 3 second" ---------------------------------------------------------------

@pytest.mark.parametrize("then", ["second", "next", "last"])
def test_a_comma_order_pair_loads_in_that_order_after_the_digging(fleet, world, then):
    assert_plan(f"Excavator 2 and trucks 2 and 3 go to soil 2. Excavator 2 digs and then loads truck 2 first, truck 3 "
                f"{then}.", fleet, world,
                task("m", T, [E2, D2, D3], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l2", LOAD, [E2], [], deps=["g"]), task("l3", LOAD, [E2], [], deps=["l2"]))


def test_a_comma_order_pair_in_a_place_relative(fleet, world):
    assert_plan("Excavator 2 and trucks 2 and 3 go to soil 2, where excavator 2 digs and then loads truck 2 first, "
                "truck 3 second.", fleet, world,
                task("m", T, [E2, D2, D3], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l2", LOAD, [E2], [], deps=["g"]), task("l3", LOAD, [E2], [], deps=["l2"]))
