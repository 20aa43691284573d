"""Mends of helper M151 (blind dev batch 31).

1. "the excavator that broke the rock" meant the excavator named last, not the one that broke it: the past "broke"
   (without "up") was no digging verb, so the relative clause told no deed. It is a digging verb now (lexicon
   ``dig``), and the description picks the excavator that broke the rock.
2. "Excavator 3 is already at soil 1. Excavator 3 digs right where it is. ... the excavator that dug at soil 1" was
   read as new work: the excavator named last went to soil 1 and dug again. A deed said "right where it is" (or with
   no object, or only "it", its clause naming no place) happened where its doer was said to stand already, so the
   description picks that excavator.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

from rules_helpers import D1, D2, D3, DIG, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "the excavator that broke <the rock>" is the one that broke it ----------------------------------------


def test_the_excavator_that_broke_the_rock_is_the_one_that_broke_it(fleet, world):
    assert_plan("Excavator 1 goes to rock 2 and breaks it. Excavator 3 goes to soil 1. Then truck 2 goes to rock 2 "
                "and the excavator that broke the rock loads it.", fleet, world,
                task("m1", T, [E1], ["rock2"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m3", T, [E3], ["soil1"]),
                task("m2", T, [D2], ["rock2"], deps=["g1", "m3"]), task("l", LOAD, [E1], [], deps=["m2"]))


def test_the_excavator_that_broke_the_named_rock_is_the_one_that_broke_it(fleet, world):
    assert_plan("Excavator 2 drives to rock 1 and breaks it up. Excavator 1 drives to puddle 2. When rock 1 is "
                "broken up, truck 3 drives to rock 1 and the excavator that broke rock 1 loads it.", fleet, world,
                task("m2", T, [E2], ["rock1"]), task("g2", DIG, [E2], [], deps=["m2"]),
                task("m1", T, [E1], ["puddle2"]),
                task("m3", T, [D3], ["rock1"], deps=["g2"]), task("l", LOAD, [E2], [], deps=["m3"]))


# -- finding 2: a deed done "right where it is" happened where the robot was said to stand -----------------------------


def test_the_excavator_that_dug_where_it_stood_is_the_one_standing_there(fleet, world):
    assert_plan("Excavator 2 is already at soil 1. Excavator 2 digs right where it is. Excavator 1 goes to rock 1 and "
                "digs. Then truck 1 and the excavator that dug at soil 1 go to soil 2.", fleet, world,
                task("g2", DIG, [E2], []),
                task("m1", T, [E1], ["rock1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("m", T, [D1, E2], ["soil2"], deps=["g2", "g1"]))


def test_the_excavator_that_dug_where_it_was_parked_is_sent_on(fleet, world):
    assert_plan("Excavator 3 is already parked at soil 2. Excavator 3 starts digging right where it is. Excavator 1 "
                "drives to puddle 1. Afterwards send the excavator that dug at soil 2 to obstacle 1.", fleet, world,
                task("g3", DIG, [E3], []), task("m1", T, [E1], ["puddle1"]),
                task("m", T, [E3], ["obstacle1"], deps=["g3", "m1"]))


def test_the_excavator_that_broke_it_where_it_stood_is_the_one_standing_there(fleet, world):
    assert_plan("Excavator 2 is already standing at rock 2. Excavator 2 breaks it up right where it is. Then truck 1 "
                "goes to rock 2 and the excavator that broke rock 2 loads it.", fleet, world,
                task("g2", DIG, [E2], []), task("m1", T, [D1], ["rock2"], deps=["g2"]),
                task("l", LOAD, [E2], [], deps=["m1"]))
