"""Mends of helper B (M24): silent misreadings of loadings, moves and unknown verbs (each gave a plan, no error, and
the plan was wrong).

1. "Excavator 1 digs at soil 1 and loads truck 1. Excavator 1 then goes to puddle 2." made the loading after the
   move to puddle 2: a loading waiting for its truck (truck 1 was never brought) was made where the excavator went
   next. An excavator that leaves its site makes the loadings it was told to make there first (rule 12: no task
   brought the truck, so the loading waits only for the digging).
2. "Excavator 1 loads truck 1 at soil 1." made no move: the place of a loading was dropped. The excavator and the
   truck must stand there (rules 11, 12), so each one not there yet goes there first (one task when both start at
   once, rule 6), then the loading, also when the truck is said to be loaded there ("truck 1 is loaded by excavator
   1 at soil 1" moved only the truck). No digging is added: no convention makes a loading imply one.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

from rules_helpers import D1, D2, DIG, E1, E2, LOAD, R, T, assert_plan, task

# -- finding 1: an excavator loads before it leaves the site -------------------------------------------------------

def test_an_excavator_loads_before_it_leaves_the_site(fleet, world):
    expected = (task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]),
                task("p", T, [E1], ["puddle2"], deps=["l"]))
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1. Excavator 1 then goes to puddle 2.", fleet, world,
                *expected)
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1, then goes to puddle 2.", fleet, world, *expected)


def test_an_excavator_that_goes_home_loads_first(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1. Then excavator 1 returns to start.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]),
                task("r", R, [E1], deps=["l"]))


def test_a_truck_brought_later_still_gets_its_loading_on_arrival(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1 when it arrives. Truck 1 goes to soil 1.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["d"]))  # both moves start at once for soil 1: one task (rule 17)


# -- finding 2: a loading at a place brings the excavator and the truck there --------------------------------------

def test_a_loading_at_a_place_moves_both_robots_there(fleet, world):
    assert_plan("Excavator 1 loads truck 1 at soil 1.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("l", LOAD, [E1], deps=["m"]))
    assert_plan("Excavator 2 fills truck 2 at rock 1, then goes home.", fleet, world,
                task("m", T, [E2, D2], ["rock1"]), task("l", LOAD, [E2], deps=["m"]), task("r", R, [E2], deps=["l"]))


def test_a_loading_where_the_excavator_dug_moves_only_the_truck(fleet, world):
    # the truck's move starts at once, for the place the excavator goes to first: one task (rule 17)
    assert_plan("Excavator 1 digs at soil 1, then loads truck 1 at soil 1.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]))


def test_a_loading_elsewhere_than_the_digging_moves_the_excavator_too(fleet, world):
    assert_plan("Excavator 1 digs at soil 1, then loads truck 1 at rock 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("e", T, [E1], ["rock1"], deps=["d"]), task("t", T, [D1], ["rock1"]),
                task("l", LOAD, [E1], deps=["e", "t"]))


def test_a_loading_where_both_robots_stand_adds_no_move(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1. Excavator 1 loads truck 1 at soil 1.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("l", LOAD, [E1], deps=["m"]))


def test_a_truck_loaded_at_a_place_by_an_excavator_elsewhere_brings_the_excavator_there(fleet, world):
    assert_plan("Truck 1 is loaded by excavator 1 at soil 1.", fleet, world,
                task("m", T, [D1, E1], ["soil1"]), task("l", LOAD, [E1], deps=["m"]))
    assert_plan("Excavator 1 digs at rock 1. Truck 1 gets loaded at soil 1 by excavator 1.", fleet, world,
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], deps=["m"]), task("t", T, [D1], ["soil1"]),
                task("e", T, [E1], ["soil1"], deps=["d"]), task("l", LOAD, [E1], deps=["t", "e"]))
