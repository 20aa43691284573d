"""Mends of helper M133: known misreadings left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Excavator 1 digs at rock 1. Trucks 1 and 2 go to rock 1. Fill up both, truck 2 first." gave one loading and
   dropped the order (rule 24: two loadings chained, truck 2 first); "Fill up both trucks, truck 2 first." was
   right. "fill up" / "load up" with no robot before it in its sentence (an order) is the excavator's loading when
   a plural pronoun for the trucks ("both", "them", "each") comes right after it, as with the trucks named.
2. "... Excavator 3 breaks up rock 1. Excavators 1 and 2 dig at soil 1. When the breaking is finished, lift the
   trucks' keep-out." made the lifting wait for both diggings: "the breaking" (lexicon ``rock_work_events``) names
   the breaking up of a rock, so it now waits only for the digging at a rock (excavator 3's); with none at a rock,
   every digging as before.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

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


# -- finding 2: "the breaking" is the digging at the rock, not every digging ----------------------------------------

@pytest.mark.parametrize("text", [
    "Trucks must keep out of rock 1. Excavator 3 breaks up rock 1. Excavators 1 and 2 dig at soil 1. "
    "When the breaking is finished, lift the trucks' keep-out.",
    "Trucks must keep out of rock 1. Excavator 3 breaks up rock 1. Excavators 1 and 2 dig at soil 1. "
    "Once the breaking is done, the trucks may enter rock 1.",
    "Keep the trucks away from rock 1. Excavator 3 breaks up rock 1 and excavators 1 and 2 dig at soil 1. "
    "After the breaking up, lift the keep-out for the trucks.",
])
def test_the_breaking_waits_for_the_digging_at_the_rock_only(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AV, [], ["rock1"], types=[("dump_truck", 3)]),
                task("m3", T, [E3], ["rock1"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("m", T, [E1, E2], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("l", AL, [], ["rock1"], types=[("dump_truck", 3)], deps=["g3"]))
