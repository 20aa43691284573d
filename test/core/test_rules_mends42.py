"""Mends of helper M42: robots named by role or state, and haul chains, as ordinary people type them.

1. "Keep all trucks out of soil 2 until excavator 1 is done digging there." (also "Truck 1 stays away from soil 2
   until excavator 1 has dug there.") made a digging with no move to soil 2: the place of the keep-out ("out of",
   "away from") was taken for a place left, so "there" in the "until" clause pointed at nothing and the excavator dug
   wherever it stood. A keep-out's place is what "there" means; the excavator goes there first (rule 11).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, DIG, E1, T, assert_plan, task

# -- finding 1: "until X has dug there" after a keep-out: "there" is the kept-out place ------------------------------


@pytest.mark.parametrize("text", [
    "Keep truck 1 out of soil 2 until excavator 1 is done digging there.",
    "Truck 1 stays away from soil 2 until excavator 1 has dug there.",
    "Keep truck 1 out of soil 2 until excavator 1 has dug there.",
])
def test_there_in_an_until_clause_is_the_kept_out_place(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("k", AV, [D1], ["soil2"]))
