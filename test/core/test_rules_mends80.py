"""Mends of helper M80: misreadings of instructions in a foreman's voice, orders addressed to the robots by name
("Excavator 3, go to soil 2 and dig. Trucks 1 and 2, wait at obstacle 1 until ...").

1. "Once excavator 2 is done, trucks 2 and 3, come over to rock 2" let the trucks drive at once: the timing of the
   anchor went to the robots said alone (the vocative), which make no step, and was dropped before the order after
   them. A vocative passes the timing said before it on to the order it addresses.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D2, D3, DIG, E2, T, assert_plan, task

# -- finding 1: an anchor before a vocative times the order after it ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at rock 2. Once excavator 2 is done, trucks 2 and 3, go to rock 2.",
    "Excavator 2 digs at rock 2. Once excavator 2 is done, trucks 2 and 3, come over to rock 2.",
    "Excavator 2 digs at rock 2. When it is done, trucks 2 and 3, drive to rock 2.",
    "Excavator 2 digs at rock 2. After the digging, trucks 2 and 3, head to rock 2.",
])
def test_an_anchor_before_a_vocative_times_the_order(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]),
                task("t", T, [D2, D3], ["rock2"], deps=["d"]))


def test_a_vocative_alone_still_takes_no_timing_of_its_own(fleet, world):
    assert_plan("Excavator 2 digs at rock 2. Trucks 2 and 3, go to rock 2.", fleet, world,
                task("m", T, [E2, D2, D3], ["rock2"]), task("d", DIG, [E2], deps=["m"]))
