"""Mends of helper M94: misreadings found with instructions written as an operations manager types them into a chat
box (goals first, then the order of work; wishes, the passive, reasons, robots by role or type and count).

1. "Both trucks should be loaded by excavator 1, truck 1 first." made one loading for both trucks and a tipping for
   truck 1: a modal before the passive ("should / must / will be loaded by ...", lexicon ``subject_modals``) kept
   the trucks from going with the passive when it was said actively, so the order was lost and "both trucks should"
   was read as a clause of its own. The trucks now go with it, each loaded in that order (rule 24), as after "are".
2. "Truck 1 checks rock 2, since nobody has checked it." added a keep-out of rock 2 for every robot, and "..., because
   truck 2 has looked at it already" sent truck 2 along: a reason after a comma was read as a clause of its own
   whatever its tense. One that tells what has happened (its verb after a perfect auxiliary, lexicon
   ``report_auxiliaries``, or said in the past) is a remark, as it already was with no comma before it.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: a modal before an ordered passive loading ---------------------------------------------------------

_AT_SOIL_2 = "Excavator 1 digs at soil 2. Trucks 1 and 2 go to soil 2. "


@pytest.mark.parametrize("loading", [
    "Both trucks should be loaded by excavator 1, truck 1 first.",
    "Both trucks must be loaded by excavator 1, truck 1 first.",
    "Both trucks will be loaded by excavator 1, truck 1 first.",
    "Both trucks should get loaded by excavator 1, truck 1 first.",
    "Both trucks should be loaded by excavator 1, truck 1 first and then truck 2.",
    "Trucks 1 and 2 should be loaded by excavator 1, truck 1 first.",
    "Both trucks are loaded by excavator 1, truck 1 first.",
])
def test_a_modal_before_an_ordered_passive_loading_keeps_the_order(fleet, world, loading):
    assert_plan(_AT_SOIL_2 + loading, fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("l1", LOAD, [E1], deps=["d"]), task("l2", LOAD, [E1], deps=["l1"]))


def test_a_modal_passive_loading_with_its_order_reversed(fleet, world):
    assert_plan(_AT_SOIL_2 + "Both trucks should be loaded by excavator 1, truck 2 first. Truck 1 then goes to "
                "puddle 1.", fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("l2", LOAD, [E1], deps=["d"]), task("l1", LOAD, [E1], deps=["l2"]),
                task("p", T, [D1], ["puddle1"], deps=["l1"]))


# -- finding 2: a reason after a comma that tells what has happened --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 1 checks rock 2, since nobody has checked it.",
    "Truck 1 checks rock 2, because no one has looked at it.",
    "Truck 1 checks rock 2 first, since nobody has seen it yet.",
    "Truck 1 checks rock 2, because truck 2 has looked at it already.",
    "Truck 1 checks rock 2, because truck 2 has not looked at it.",
    "Truck 1 checks rock 2, as nobody has inspected it yet.",
    "Truck 1 checks rock 2, since nobody checked it yesterday.",
])
def test_a_reason_that_reports_adds_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["rock2"]))


def test_a_reported_reason_before_a_keep_out_said_after_the_check(fleet, world):
    assert_plan("Truck 1 checks rock 2 first, since nobody has seen it yet. After that, all robots avoid rock 2.",
                fleet, world, task("m", T, [D1], ["rock2"]), task("k", AVA, [], ["rock2"], deps=["m"]))


def test_a_reason_after_a_comma_that_asks_for_work_stays_an_order(fleet, world):
    assert_plan("Truck 3 keeps away from rock 2, since excavator 1 will be digging there.", fleet, world,
                task("k", AV, ["robot_dump_truck_03"], ["rock2"]), task("m", T, [E1], ["rock2"]),
                task("d", DIG, [E1], deps=["m"]))


# -- finding 3: a split keep-out verb with a long list of robots before its particle -------------------------------

@pytest.mark.parametrize("text, robots", [
    ("Keep everyone except excavator 2 and truck 1 away from rock 1.", [E1, E3, D2, D3]),
    ("Keep all robots except excavator 2 and truck 1 clear of rock 1.", [E1, E3, D2, D3]),
    ("Keep excavators 1 and 2 and truck 3 away from rock 1.", [E1, E2, D3]),
    ("Keep dump truck 1 and dump truck 2 away from rock 1.", [D1, D2]),
    ("Keep excavator 1, excavator 2 and truck 3 away from rock 1.", [E1, E2, D3]),
    ("Please keep excavator 1, excavator 3 and dump truck 2 out of rock 1.", [E1, E3, D2]),
])
def test_a_long_robot_list_inside_a_split_keep_out_verb(fleet, world, text, robots):
    assert_plan(text, fleet, world, task("k", AV, robots, ["rock1"]))


def test_a_split_keep_out_verb_with_its_list_before_a_move(fleet, world):
    assert_plan("Keep everyone except excavator 2 and truck 1 away from rock 1. Truck 2 goes to soil 1.",
                fleet, world, task("k", AV, [E1, E3, D2, D3], ["rock1"]),
                task("m", T, [D2], ["soil1"], deps=["k"]))


# -- finding 4: the same keep-out for some robots said again -------------------------------------------------------

@pytest.mark.parametrize("text, kept, kept_types, mover", [
    ("We need rock 1 kept clear of the excavators. Keep all excavators away from rock 1 from the start. Excavator 1 "
     "goes to soil 1.", [], [("excavator", 3)], E1),
    ("I don't want any truck near rock 1 while we work. From the start, all trucks keep away from rock 1. Truck 1 "
     "goes to soil 1.", [], [("dump_truck", 3)], D1),
    ("Trucks 1 and 2 keep away from rock 1. Trucks 1 and 2 should stay clear of rock 1 the whole time. Truck 1 goes "
     "to soil 1.", [D1, D2], [], D1),
])
def test_a_keep_out_said_again_is_one(fleet, world, text, kept, kept_types, mover):
    assert_plan(text, fleet, world, task("k", AV, kept, ["rock1"], types=kept_types),
                task("m", T, [mover], ["soil1"], deps=["k"]))


def test_a_keep_out_put_up_again_after_its_lifting_stays(fleet, world):
    assert_plan("Truck 1 avoids rock 1. Truck 1 goes to soil 1. Then truck 1 may enter rock 1 again. Truck 1 goes "
                "to rock 1. After that, truck 1 avoids rock 1 again.", fleet, world,
                task("k", AV, [D1], ["rock1"]), task("m", T, [D1], ["soil1"], deps=["k"]),
                task("a", "allow_areas_for_specific_robots", [D1], ["rock1"], deps=["m"]),
                task("r", T, [D1], ["rock1"], deps=["a"]), task("k2", AV, [D1], ["rock1"], deps=["r"]))


# -- finding 5: a passive loading in turn whose subject is "both trucks" or "they" --------------------------------

@pytest.mark.parametrize("subject", ["Both trucks are", "They are", "The two trucks are", "Both trucks should be",
                                     "They get"])
@pytest.mark.parametrize("mark", ["in turn", "one after the other", "one at a time"])
def test_a_passive_loading_in_turn_of_both_trucks(fleet, world, subject, mark):
    assert_plan(_AT_SOIL_2 + f"{subject} loaded by excavator 1 {mark}. Truck 2 then goes to puddle 1.", fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("l1", LOAD, [E1], deps=["d"]), task("l2", LOAD, [E1], deps=["l1"]),
                task("p", T, [D2], ["puddle1"], deps=["l2"]))


def test_a_passive_loading_of_both_trucks_with_no_order_stays_one(fleet, world):
    assert_plan(_AT_SOIL_2 + "Both trucks are loaded by excavator 1.", fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["d"]))


# -- finding 6: an order aside after a list of places ----------------------------------------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("Truck 1 checks both rocks, rock 2 first.", "rock2", "rock1"),
    ("Truck 1 should check both rocks, rock 1 first.", "rock1", "rock2"),
    ("Truck 1 checks rock 1 and rock 2, rock 2 first.", "rock2", "rock1"),
    ("Truck 1 checks both puddles, puddle 2 first and then puddle 1.", "puddle2", "puddle1"),
    ("Truck 1 checks both puddles, puddle 2 first, then puddle 1.", "puddle2", "puddle1"),
    ("Truck 1 visits the two rocks, rock 2 first.", "rock2", "rock1"),
])
def test_places_visited_in_the_order_of_the_aside(fleet, world, text, first, second):
    assert_plan(text, fleet, world, task("a", T, [D1], [first]), task("b", T, [D1], [second], deps=["a"]))


def test_an_order_aside_of_places_before_the_next_step(fleet, world):
    assert_plan("Truck 1 checks both rocks, rock 2 first, then goes home.", fleet, world,
                task("a", T, [D1], ["rock2"]), task("b", T, [D1], ["rock1"], deps=["a"]),
                task("r", "return_to_start_for_specific_robots", [D1], deps=["b"]))
