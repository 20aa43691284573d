"""Mends of helper M114: liftings of every keep-out said with a count or a quantifier.

After keep-outs for different robots and places ("From the start, truck 1 avoids puddle 1 and truck 2 avoids puddle
2. ... Once both trucks have dumped, ..."), "lift the keep-outs" and "lift both keep-outs" already lifted each keep-out
for its own robots. Said with another count or quantifier, the word before the keep-out noun was read as robots:

1. "lift all the keep-outs", "lift the two keep-outs", "remove every restriction" lifted only the keep-out said last,
   with no error ("the two" was the trucks, "all the" no place).
2. "lift all keep-outs", "all restrictions are lifted" gave one lifting for the whole fleet of the place said last
   ("all" read as the fleet): the other place stayed closed, and robots never kept out were "allowed" in.
3. Said in the passive ("both keep-outs are lifted", "all keep-outs are removed", "every keep-out is lifted", "the
   keep-outs are lifted"), the keep-out noun stood before the verb, and only the last keep-out was lifted.

A count or quantifier (lexicon ``keepout_all_words``; a definite word only before a plural noun) right before a
keep-out noun in a lifting clause is every keep-out still up: one lifting per robots they were put up for.

4. "lift both keep-outs" (also "the two keep-outs are lifted") with three keep-outs up lifted all three, silently:
   which two is not said, so it is refused, naming the words.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D3, DIG, DUMP, E1, E2, T, assert_plan, task

from dart_planner.llm.rules.planner import rules_plan

_TRUCKS = ("From the start, truck 1 avoids puddle 1 and truck 3 avoids puddle 2. Truck 1 goes to soil 1 and dumps at "
           "rock 1; truck 3 goes to soil 2 and dumps at rock 2. Once both trucks have dumped, ")


def _trucks_plan():
    return (task("k1", AV, [D1], ["puddle1"]), task("k2", AV, [D3], ["puddle2"]),
            task("a", T, [D1], ["soil1"], deps=["k1"]), task("b", T, [D1], ["rock1"], deps=["a"]),
            task("u1", DUMP, [D1], [], deps=["b"]),
            task("c", T, [D3], ["soil2"], deps=["k2"]), task("d", T, [D3], ["rock2"], deps=["c"]),
            task("u2", DUMP, [D3], [], deps=["d"]),
            task("l1", AL, [D1], ["puddle1"], deps=["u1", "u2"]),
            task("l2", AL, [D3], ["puddle2"], deps=["u1", "u2"]))


# -- finding 1: "all the" / "the two" / "every" before the keep-out noun ---------------------------------------------

@pytest.mark.parametrize("lift", ["lift all the keep-outs.", "lift the two keep-outs.", "remove every restriction.",
                                  "lift all of the keep-out zones.", "lift each keep-out."])
def test_a_counted_lifting_lifts_every_keep_out_for_its_robots(fleet, world, lift):
    assert_plan(_TRUCKS + lift, fleet, world, *_trucks_plan())


# -- finding 2: "all keep-outs" is no fleet-wide lifting ---------------------------------------------------------------

@pytest.mark.parametrize("lift", ["lift all keep-outs.", "remove all restrictions."])
def test_all_keep_outs_is_no_fleet_wide_lifting(fleet, world, lift):
    assert_plan(_TRUCKS + lift, fleet, world, *_trucks_plan())


_DIGGERS = ("Excavators 1 and 2 must keep away from puddle 2 from the start, and truck 1 must keep away from rock 2. "
            "Excavator 1 digs at soil 2 and truck 1 goes to obstacle 1. When both are done, ")


@pytest.mark.parametrize("lift", ["all keep-outs are lifted.", "remove all the restrictions.",
                                  "the keep-outs are lifted."])
def test_every_keep_out_of_a_group_and_a_robot_is_lifted(fleet, world, lift):
    assert_plan(_DIGGERS + lift, fleet, world,
                task("k1", AV, [E1, E2], ["puddle2"]), task("k2", AV, [D1], ["rock2"]),
                task("m", T, [E1], ["soil2"], deps=["k1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1], ["obstacle1"], deps=["k2"]),
                task("l1", AL, [E1, E2], ["puddle2"], deps=["g", "t"]),
                task("l2", AL, [D1], ["rock2"], deps=["g", "t"]))


# -- finding 3: said in the passive ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lift", ["both keep-outs are lifted.", "all keep-outs are removed.",
                                  "every keep-out is lifted.", "all restrictions are lifted.",
                                  "the two keep-outs can be lifted.", "the keep-outs are lifted."])
def test_a_passive_lifting_of_every_keep_out(fleet, world, lift):
    assert_plan(_TRUCKS + lift, fleet, world, *_trucks_plan())


# -- what stays: a lifting of places named, and of one keep-out ------------------------------------------------------

def test_all_the_keep_outs_on_a_place_named_lift_that_place_only(fleet, world):
    assert_plan(_TRUCKS + "lift all the keep-outs on puddle 1.", fleet, world, *_trucks_plan()[:-1])


def test_the_keep_out_in_the_singular_is_the_last_one(fleet, world):
    assert_plan("Excavator 1 avoids rock 1 from the start. Excavator 1 digs at soil 1, then the keep-out is lifted.",
                fleet, world, task("k", AV, [E1], ["rock1"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("g", DIG, [E1], [], deps=["m"]), task("a", AL, [E1], ["rock1"], deps=["g"]))


# -- finding 4: a count that does not match the keep-outs up -----------------------------------------------------------

@pytest.mark.parametrize("lift", ["lift both keep-outs.", "the two keep-outs are lifted."])
def test_a_count_of_two_with_three_keep_outs_up_is_refused(fleet, world, lift):
    plan = rules_plan("From the start, truck 1 avoids puddle 1, truck 2 avoids puddle 2 and truck 3 avoids rock 1. "
                      f"Truck 1 goes to soil 1. Then {lift}", fleet, world)
    assert any("keep-outs are up" in e and ("two" in e or "both" in e) for e in plan.errors), plan.errors
