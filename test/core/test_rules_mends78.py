"""Mends of helper M78: misreadings behind three dev lines of batch 24 (each gave a plan, no error, and the plan was
wrong).

1. "With both loads on, truck 3 drives to puddle 2": "both" was the robot pronoun and "loads" a loading, so the
   truck was loaded once more by the excavator named last. A plural noun that is also a verb's third person (the
   lexicon's ``counted_cargo_nouns``) right after a count (``counted_cargo_quantifiers``) is a noun: no robot, no
   loading. "Excavator 1 both loads truck 1 and ..." (a robot after it) stays a loading.
2. "As soon as truck 3 has been loaded at rock 1, ..." after the truck was loaded at rock 1 and then at rock 2
   waited for its latest loading (at rock 2): a loading names no place, so the anchor's place was dropped. It is
   the loading made where the truck went before it.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, T, assert_plan, task

# -- finding 1: "both loads" after a count is a noun ----------------------------------------------------------------

_TWO_SITES = ("Excavator 2 digs at soil 1 and excavator 1 digs at soil 2. Truck 2 goes to soil 1 and gets loaded by "
              "excavator 2, then it goes to soil 2 and gets loaded by excavator 1. ")


def _two_site_tasks() -> list:
    return [task("m1", T, [E2, D2], ["soil1"]), task("g1", DIG, [E2], [], deps=["m1"]),
            task("m2", T, [E1], ["soil2"]), task("g2", DIG, [E1], [], deps=["m2"]),
            task("l1", LOAD, [E2], [], deps=["g1"]), task("m3", T, [D2], ["soil2"], deps=["l1"]),
            task("l2", LOAD, [E1], [], deps=["g2", "m3"])]


@pytest.mark.parametrize("lead", ["With both loads on,", "Once both loads are on,", "With all loads on board,",
                                  "After both loads,"])
def test_a_count_of_loads_is_no_loading(fleet, world, lead):
    assert_plan(_TWO_SITES + f"{lead} truck 2 drives to puddle 1 and dumps.", fleet, world,
                *_two_site_tasks(), task("m4", T, [D2], ["puddle1"], deps=["l2"]),
                task("d", DUMP, [D2], [], deps=["m4"]))


def test_both_before_a_loaded_robot_still_loads(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 1 goes to soil 1. Excavator 1 both loads truck 1 and returns to "
                "start.", fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("g", DIG, [E1], [], deps=["m1"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("r", "return_to_start_for_specific_robots", [E1], [], deps=["l"]))


# -- finding 2: "once truck X has been loaded at <place>" is the loading made there ----------------------------------

@pytest.mark.parametrize("place, waits", [("soil 1", "l1"), ("soil 2", "l2")])
def test_a_loading_named_by_its_place_is_the_one_made_there(fleet, world, place, waits):
    assert_plan(_TWO_SITES + f"As soon as truck 2 has been loaded at {place}, truck 3 avoids {place}.", fleet, world,
                *_two_site_tasks(), task("k", AV, [D3], [place.replace(" ", "")], deps=[waits]))
