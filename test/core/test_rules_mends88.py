"""Mends of helper M88: L2-sized instructions in five voices (the published DART-LLM task style, a foreman's orders,
a polite request, a non-native operator, a formal work order).

1. "Excavator 1 digs at soil 1, then unloads the soil into dump truck 1" was a tipping (DumpUnloading) by truck 1:
   "unload(s) the <cargo> into" is the excavator's loading of the truck after "into", like "dumps the soil into".
2. "Upon arrival of both, dump truck 1 inspects obstacle 2" sent both earlier robots to obstacle 2 with truck 1, who
   waited for nothing: "upon arrival" was a filler phrase ("each digs upon arrival"), so "of both, dump truck 1"
   read as a list of robots. Followed by "of", it is an anchor on the arrival of what it names; and before "both"
   and a comma it waits for all the work said before, as "After both," did ("Upon completion of both," too).
3. "Excavator 1 goes to soil 1. Then everybody back." dropped the return (the robots were read as the addressee of
   nothing), and "..., then truck 2 back" sent truck 2 to soil 1 (the move before, said again): robots and a closing
   "back", with no verb and no place, go back to the start, as "everybody back to base" does.
4. "Dump truck 1 go to rock 1, dump truck 2 go to rock 2 in same time, when both arrive then all robot go back start"
   made truck 2 wait for truck 1: the comma after the closing "at the same time" was swallowed with it, so the
   anchor timed truck 2's clause (its own arrival) instead of opening the next one. It opens after the comma now.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# -- finding 1: "unloads the soil into <truck>" is the excavator's loading ----------------------------------------


@pytest.mark.parametrize("cargo", ["the soil", "the material", "the dirt"])
def test_unloading_the_cargo_into_a_truck_is_a_loading(fleet, world, cargo):
    assert_plan(f"Excavator 1 moves to soil 1 and performs excavation, then unloads {cargo} into dump truck 1; "
                "dump truck 1 then moves to puddle 1 and unloads.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("t", T, [D1], ["puddle1"], deps=["l"]), task("d", DUMP, [D1], [], deps=["t"]))


# -- finding 2: "upon arrival of both" is an anchor ------------------------------------------------------------------


@pytest.mark.parametrize("anchor", ["Upon arrival of both", "Upon the arrival of both", "On arrival of both",
                                    "Upon arrival of both units", "After the arrival of both",
                                    "Upon completion of both", "On completion of both"])
def test_upon_arrival_of_both_waits_for_both(fleet, world, anchor):
    assert_plan(f"Excavator 2 goes to rock 1 and excavator 3 goes to rock 2. {anchor}, dump truck 1 inspects "
                "obstacle 2.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", T, [E3], ["rock2"]),
                task("c", T, [D1], ["obstacle2"], deps=["a", "b"]))


def test_each_digs_upon_arrival_stays_a_filler(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and digs upon arrival.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]))


# -- finding 3: "Then everybody back." is a return -------------------------------------------------------------------


@pytest.mark.parametrize("who", ["everybody", "everyone", "all robots"])
def test_a_fleet_said_back_returns(fleet, world, who):
    assert_plan(f"Excavator 1 goes to soil 1. Then {who} back.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("r", RA, [], [], deps=["m"]))


def test_a_robot_said_back_after_a_move_returns(fleet, world):
    assert_plan("Excavator 1 goes to soil 1, then truck 2 back.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("r", R, [D2], [], deps=["m"]))


def test_the_foremans_join_and_return(fleet, world):
    assert_plan("Excavator 1 to soil 1, excavator 3 to soil 2. When both are there, truck 2 goes to rock 1. "
                "Then everybody back.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E3], ["soil2"]),
                task("c", T, [D2], ["rock1"], deps=["a", "b"]), task("r", RA, [], [], deps=["c"]))


# -- finding 4: "..., at the same time, when both arrive, ..." -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Dump truck 1 go to rock 1, dump truck 2 go to rock 2 in same time, when both arrive then all robot go back start.",
    "Dump truck 1 goes to rock 1, dump truck 2 goes to rock 2 at the same time, when both arrive, all robots return "
    "to start.",
    "Dump truck 1 goes to rock 1, dump truck 2 goes to rock 2 at the same time, once both arrive then all robots "
    "return to start.",
])
def test_an_anchor_after_a_closing_at_the_same_time_opens_the_next_clause(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["rock2"]),
                task("r", RA, [], [], deps=["a", "b"]))
