"""Mends of helper X (session 34): misreadings other helpers found and left.

1. "Truck 1 hauls the soil to puddle 1." with no loading said before planned the move and no tipping (also "Truck 2
   takes the load to rock 2."): a haul of named cargo (lexicon ``cargo``) to a place is a move plus a
   ``DumpUnloading`` (convention 23), whether or not a loading was said; with a digging said before, the truck is
   still loaded there first, as before. "Bring truck 1 to puddle 1." names no cargo and stays a move.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DUMP, E1, LOAD, T, assert_plan, task

# -- finding 1: a haul of named cargo ends with its tipping, loading said or not ------------------------------------


@pytest.mark.parametrize("text,truck,place", [("Truck 1 hauls the soil to puddle 1.", D1, "puddle1"),
                                              ("Truck 2 takes the load to rock 2.", D2, "rock2"),
                                              ("Dump truck 1 carries the dirt over to puddle 2.", D1, "puddle2")])
def test_a_haul_of_cargo_with_no_loading_said_is_tipped(fleet, world, text, truck, place):
    assert_plan(text, fleet, world, task("m", T, [truck], [place]), task("u", DUMP, [truck], [], ["m"]))


def test_a_haul_after_a_loading_is_still_one_tipping(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1. Truck 1 hauls the soil to puddle 1 and dumps it.",
                fleet, world, task("e", T, [E1], ["soil1"]), task("d", "Excavation", [E1], [], ["e"]),
                task("l", LOAD, [E1], [], ["d"]), task("m", T, [D1], ["puddle1"], ["l"]),
                task("u", DUMP, [D1], [], ["m"]))


def test_bringing_a_truck_is_no_haul(fleet, world):
    assert_plan("Bring truck 1 to puddle 1.", fleet, world, task("m", T, [D1], ["puddle1"]))
