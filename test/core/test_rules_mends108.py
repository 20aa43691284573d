"""Mends of helper M108: misreadings found with long run-on work orders typed by a busy foreman (several crews, one
sentence chained with "and", "and then", "while", "after which").

1. "Excavator 1 goes to soil 1 and excavator 2 goes to soil 2 and each of them digs" dug at soil 2 only: "each of
   them" (or "every one of them") right after "and", with a verb of its own, opens a clause of its own, as a bare
   "each" there does; read as part of excavator 2's clause, excavator 1's digging was dropped with no error.
2. "Excavator 3 digs at soil 2 and loads truck 2 and truck 3, and they drive to puddle 1" sent the excavator: in the
   sentence that ends on one robot loading several trucks, "they" is the trucks (as it is in the next sentence); with
   "..., and they take the soil to puddle 1" only the truck named last hauled, and the other's haul was dropped.
3. "... loads truck 1 first and then truck 2 and they drive to puddle 2" sent excavator 3 and a new group of two
   trucks ("both trucks") or truck 2 alone, with truck 2 also sent to the loading site: the verbless rest of a
   loading order ("then truck 2") ran on into the clause after "and", read as one subject "truck 2 and they". After
   such a rest, "and" + a robot said as a pronoun, a group or "each" with a verb of its own opens a new clause, as it
   does after a comma (robots named by number, "and truck 3 ...", are left as one subject: "then truck 2 and truck
   3" may list both).
4. "A truck goes to soil 1 while the other trucks keep away from soil 1" kept one truck out: "the other <type>s"
   (plural, no number) after unnamed robots of the type are every one of it not spoken for, as "the remaining
   <type>s" are (rule 19 counts "the other truck", singular, as one); said again, the same group.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: "and each of them <verb>" is a clause of its own -----------------------------------------------------


@pytest.mark.parametrize("each", ["each of them", "every one of them"])
def test_each_of_them_after_and_is_every_robot_of_the_sentence(fleet, world, each):
    assert_plan(f"Excavator 1 goes to soil 1 and excavator 2 goes to soil 2 and {each} digs.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("m2", T, [E2], ["soil2"]),
                task("d1", DIG, [E1], deps=["m1"]), task("d2", DIG, [E2], deps=["m2"]))


def test_each_of_them_after_and_dumps_for_every_truck(fleet, world):
    assert_plan("Truck 2 goes to puddle 1 and truck 3 goes to puddle 2 and each of them dumps there.", fleet, world,
                task("m1", T, [D2], ["puddle1"]), task("m2", T, [D3], ["puddle2"]),
                task("d1", DUMP, [D2], deps=["m1"]), task("d2", DUMP, [D3], deps=["m2"]))


def test_each_of_them_in_its_own_clause_still_reads(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and excavator 2 goes to soil 2, and each of them digs.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("m2", T, [E2], ["soil2"]),
                task("d1", DIG, [E1], deps=["m1"]), task("d2", DIG, [E2], deps=["m2"]))


# -- finding 2: "they" after one robot loaded several in the same sentence is the loaded trucks ----------------------


def _dig_and_two_loads() -> list:
    return [task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
            task("l1", LOAD, [E3], deps=["d"]), task("l2", LOAD, [E3], deps=["l1"])]


@pytest.mark.parametrize("order", ["truck 2 first, then truck 3", "truck 2, then truck 3",
                                   "truck 2 first and then truck 3", "truck 2 and then truck 3"])
def test_they_after_a_loading_in_turn_are_the_trucks(fleet, world, order):
    # rule 24 and round 7: a step said of both after a loading in turn leaves after the last loading, together
    assert_plan(f"Excavator 3 digs at soil 2 and loads {order}, and they take the soil to puddle 1.", fleet, world,
                *_dig_and_two_loads(), task("h", T, [D2, D3], ["puddle1"], deps=["l2"]),
                task("t", DUMP, [D2, D3], deps=["h"]))


def test_they_after_a_loading_of_two_named_trucks_are_the_trucks(fleet, world):
    assert_plan("Excavator 3 digs at soil 2 and loads truck 2 and truck 3, and they drive to puddle 1.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
                task("l", LOAD, [E3], deps=["d"]), task("h", T, [D2, D3], ["puddle1"], deps=["l"]))


def test_they_of_several_subjects_is_still_those_subjects(fleet, world):
    assert_plan("Truck 2 goes to rock 1 and truck 3 goes to rock 2, and then they go home.", fleet, world,
                task("m1", T, [D2], ["rock1"]), task("m2", T, [D3], ["rock2"]),
                task("r", "return_to_start_for_specific_robots", [D2, D3], deps=["m1", "m2"]))


# -- finding 3: the rest of a loading order ends before "and" + a new subject ----------------------------------------


def _one_excavator_loads_in_turn() -> list:
    return [task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
            task("l1", LOAD, [E3], deps=["d"]), task("l2", LOAD, [E3], deps=["l1"])]


@pytest.mark.parametrize("who", ["they", "both", "both trucks"])
def test_a_group_after_the_rest_of_a_loading_order_is_the_loaded_trucks(fleet, world, who):
    assert_plan(f"Excavator 3 digs at soil 2 and loads truck 1 first and then truck 2 and {who} drive to puddle 2.",
                fleet, world, *_one_excavator_loads_in_turn(),
                task("h1", T, [D1], ["puddle2"], deps=["l1"]), task("h2", T, [D2], ["puddle2"], deps=["l2"]))


# -- finding 4: "the other trucks" after "a truck" are the two left -------------------------------------------------


def test_the_other_trucks_after_one_unnamed_truck_are_the_two_left(fleet, world):
    assert_plan("A truck goes to soil 1 while the other trucks keep away from soil 1.", fleet, world,
                task("m", T, types=[("dump_truck", 1)], objs=["soil1"]),
                task("k", AV, types=[("dump_truck", 2)], objs=["soil1"]))
    assert_plan("An excavator digs at soil 1 and the other excavators go home.", fleet, world,
                task("m", T, types=[("excavator", 1)], objs=["soil1"]),
                task("d", DIG, types=[("excavator", 1)], deps=["m"]), task("r", R, types=[("excavator", 2)]))


def test_the_other_trucks_said_again_are_the_same_two(fleet, world):
    assert_plan("A truck goes to soil 1 while the other trucks keep away from soil 1, and when the truck has dumped "
                "at puddle 2 the other trucks can use soil 1 again.", fleet, world,
                task("m", T, types=[("dump_truck", 1)], objs=["soil1"]),
                task("k", AV, types=[("dump_truck", 2)], objs=["soil1"]),
                task("h", T, types=[("dump_truck", 1)], objs=["puddle2"], deps=["m"]),
                task("d", DUMP, types=[("dump_truck", 1)], deps=["h"]),
                task("a", AL, types=[("dump_truck", 2)], objs=["soil1"], deps=["d", "k"]))


def test_the_other_truck_after_two_stays_one(fleet, world):
    assert_plan("Two trucks go to soil 1 and the other truck goes home.", fleet, world,
                task("m", T, types=[("dump_truck", 2)], objs=["soil1"]), task("r", R, types=[("dump_truck", 1)]))
