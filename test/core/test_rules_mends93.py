"""Probe mends in the DART-LLM task voice for long jobs of several crews ("Two excavators go to soil 1 and dig, and in
the meantime two dump trucks wait at obstacle 1. As soon as the digging is done, the trucks are loaded, truck 1
first ..."), round 22.

1. "The trucks are loaded by it, truck 1 first" (also "by excavator 1, truck 2 first", "Both trucks are loaded ...,
   truck 1 first"): a passive whose subject is the trucks said by their type, with one truck named first, had one
   loading serve both trucks and the order dropped (rule 24). As after "they are loaded, truck 3 first", the other
   truck of the subject is loaded after the one named.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, E1, LOAD, T, assert_plan, task

# -- finding 1: "the trucks are loaded (by X), truck 1 first" loads one truck after the other -----------------------

_SITE = "Excavator 1 goes to soil 2 and digs, and dump trucks 1 and 2 go to soil 2 as well. "
_ON = " Dump truck 1 then goes to puddle 2 and dump truck 2 then goes to puddle 1."


@pytest.mark.parametrize("passive", [
    "The trucks are loaded by it, truck 1 first.",
    "The trucks are loaded by excavator 1, truck 1 first.",
    "The trucks are loaded, truck 1 first.",
    "Both trucks are loaded by excavator 1, dump truck 1 first.",
    "The trucks then get loaded by it, truck 1 first.",
])
def test_the_trucks_loaded_with_one_named_first(fleet, world, passive):
    assert_plan(_SITE + passive + _ON, fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("h1", T, [D1], ["puddle2"], deps=["l1"]), task("h2", T, [D2], ["puddle1"], deps=["l2"]))


def test_the_trucks_loaded_with_the_second_named_first(fleet, world):
    assert_plan(_SITE + "The trucks are loaded by it, dump truck 2 first." + _ON, fleet, world,
                task("m", T, [E1, D1, D2], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l2", LOAD, [E1], [], deps=["d"]), task("l1", LOAD, [E1], [], deps=["l2"]),
                task("h1", T, [D1], ["puddle2"], deps=["l1"]), task("h2", T, [D2], ["puddle1"], deps=["l2"]))
