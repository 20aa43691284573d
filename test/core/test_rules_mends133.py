"""Mends of helper M133: a known misreading left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Excavator 1 digs at rock 1. Trucks 1 and 2 go to rock 1. Fill up both, truck 2 first." gave one loading and
   dropped the order (rule 24: two loadings chained, truck 2 first); "Fill up both trucks, truck 2 first." was
   right. "fill up" / "load up" with no robot before it in its sentence (an order) is the excavator's loading when
   a plural pronoun for the trucks ("both", "them", "each") comes right after it, as with the trucks named.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, LOAD, T, assert_plan, task

# -- finding 1: "fill up both" in an order is the excavator's loading of both trucks --------------------------------

_AT_ROCK1 = "Excavator 1 digs at rock 1. Trucks 1 and 2 go to rock 1. "


@pytest.mark.parametrize("text", [
    "Fill up both, truck 2 first.",
    "Load up both, truck 2 first.",
    "Then fill up them both, truck 2 first.",
    "Fill up both of them, truck 2 first.",
])
def test_filling_up_a_pronoun_in_an_order_is_the_loaders_loading(fleet, world, text):
    assert_plan(_AT_ROCK1 + text + " Each then dumps at puddle 1.", fleet, world,
                task("m", T, [E1, D1, D2], ["rock1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l2", LOAD, [E1], [], deps=["g"]), task("l1", LOAD, [E1], [], deps=["l2"]),
                task("p2", T, [D2], ["puddle1"], deps=["l2"]), task("d2", DUMP, [D2], [], deps=["p2"]),
                task("p1", T, [D1], ["puddle1"], deps=["l1"]), task("d1", DUMP, [D1], [], deps=["p1"]))


def test_the_trucks_own_filling_up_stays_theirs(fleet, world):
    """Said by the trucks, "fill up" stays the trucks' own loading, the loader found at their place."""
    assert_plan("Excavator 1 digs at rock 1. Trucks 1 and 2 go to rock 1. They fill up there, then dump at puddle 1.",
                fleet, world,
                task("m", T, [E1, D1, D2], ["rock1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("p", T, [D1, D2], ["puddle1"], deps=["l"]), task("d", DUMP, [D1, D2], [], deps=["p"]))
