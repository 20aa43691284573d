"""Mends of helper B (M24): silent misreadings of loadings, moves and unknown verbs (each gave a plan, no error, and
the plan was wrong).

1. "Excavator 1 digs at soil 1 and loads truck 1. Excavator 1 then goes to puddle 2." made the loading after the
   move to puddle 2: a loading waiting for its truck (truck 1 was never brought) was made where the excavator went
   next. An excavator that leaves its site makes the loadings it was told to make there first (rule 12: no task
   brought the truck, so the loading waits only for the digging).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

from rules_helpers import D1, DIG, E1, LOAD, R, T, assert_plan, task

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
