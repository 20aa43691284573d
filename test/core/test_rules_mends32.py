"""Mends of helper V (session 32): whole jobs written in one paragraph of plain prose, as a site engineer or a
polite operator writes them (a greeting or the goal first, reasons, "could you please", crews in parallel).

1. "Excavator 3 is already at soil 2 and digs. Trucks 1 and 3 head to soil 2. Please load truck 1 first and then
   truck 3." planned a tipping by truck 1 and no loading at all: an order to load a robot with no doer of its own
   ("please load truck 1", "then fill truck 2") was given to the robots of the clause before (the trucks). A truck
   cannot load; the doer is the loader named last (convention 4), as for "he loads truck 3".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E2, E3, LOAD, RA, T, assert_plan, task

# -- finding 1: an order to load a truck, with no doer said, is the excavator's -----------------------------------


@pytest.mark.parametrize("order", ["Please load truck 1 first and then truck 3.", "Load truck 1 and then truck 3.",
                                   "Then fill truck 1 first and truck 3 after that."])
def test_an_order_to_load_two_trucks_goes_to_the_excavator(fleet, world, order):
    assert_plan(f"Excavator 3 is already at soil 2 and digs. Trucks 1 and 3 head to soil 2. {order}", fleet, world,
                task("d", DIG, [E3]), task("m", T, [D1, D3], ["soil2"]),
                task("l1", LOAD, [E3], deps=["d", "m"]), task("l3", LOAD, [E3], deps=["l1"]))


@pytest.mark.parametrize("order", ["Please load truck 1.", "Then load truck 1.", "Fill truck 1."])
def test_an_order_to_load_the_truck_just_moved_goes_to_the_excavator(fleet, world, order):
    assert_plan(f"Excavator 3 is already at soil 2 and digs. Truck 1 heads to soil 2. {order}", fleet, world,
                task("d", DIG, [E3]), task("m", T, [D1], ["soil2"]), task("l", LOAD, [E3], deps=["d", "m"]))


def test_the_whole_job_with_an_order_to_load(fleet, world):
    assert_plan("We'd like soil 2 moved to puddle 1 before noon. Excavator 3 is already at soil 2, so it can start "
                "digging right away. Trucks 1 and 3 should head to soil 2 now. Please load truck 1 first and then "
                "truck 3. Each truck takes its load to puddle 1 and dumps it there. When both are empty, everyone "
                "goes back home.", fleet, world,
                task("d", DIG, [E3]), task("m", T, [D1, D3], ["soil2"]),
                task("l1", LOAD, [E3], deps=["d", "m"]), task("l3", LOAD, [E3], deps=["l1"]),
                task("g1", T, [D1], ["puddle1"], deps=["l1"]), task("u1", DUMP, [D1], deps=["g1"]),
                task("g3", T, [D3], ["puddle1"], deps=["l3"]), task("u3", DUMP, [D3], deps=["g3"]),
                task("r", RA, deps=["u1", "u3"]))


def test_a_truck_named_as_the_doer_still_gets_loaded(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Truck 2 goes to soil 1 and gets loaded.", fleet, world,
                task("m", T, [E2, D2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["d"]))
