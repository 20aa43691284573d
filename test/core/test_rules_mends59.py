"""Mends of helper M59: misreadings of the formal work orders of batch 22 (passive voice, "is to", "upon completion
of", "provided that").

1. "Excavator no. 1 is already positioned at soil 2 and is to commence digging there" sent excavator 1 to soil 2
   (and merged that move with the truck's): "positioned at" (like "stationed at") is a robot already there
   (lexicon ``already``), so no move is added (L2_209).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, E1, E2, E3, T, assert_plan, task

# -- finding 1: "is (already) positioned at <place>" is a robot already there -------------------------------------


@pytest.mark.parametrize("text, exc, truck", [
    ("Excavator 2 is already positioned at rock 1 and is to dig there. Truck 1 is to be driven to rock 1.", E2, D1),
    ("Excavator 3, which is positioned at rock 1, digs there while dump truck 2 goes to rock 1.", E3, D2),
    ("Excavator 1 has been positioned at rock 1; it is to break up the rock. Truck 3 heads to rock 1.", E1, D3),
])
def test_a_robot_positioned_at_a_place_is_already_there(fleet, world, text, exc, truck):
    assert_plan(text, fleet, world, task("d", DIG, [exc]), task("m", T, [truck], ["rock1"]))
