"""Mends of helper M110: misreadings of a loading in turn (rule 24: one loading per truck, chained) followed by what
the loaded trucks do next.

1. "Excavator 1 digs at soil 1 and loads truck 1 first, then truck 2, and each takes its load to puddle 2" (also
   "... then truck 2. Each takes ...") hauled with truck 2 only: a bare "each" was the robots the sentence named as
   subjects (the excavator, then the verbless "then truck 2"), and truck 1's haul was dropped with no error. After
   one robot loads several trucks, "each" is those trucks, as "they" already was; each hauls after its own loading
   (rule 24, L3_070).
2. "Excavator 2 digs at soil 1 and loads truck 1 and truck 2 in turn and both trucks then drive to rock 2 and dump"
   sent excavator 2 to rock 2 and a new pair of unnamed trucks dumped: with no comma, "and both trucks" after an order
   word ("in turn", "one after the other") was read as one more loaded robot, and "then" cut the clause after it.
   It reads now as with the comma.
3. "Excavator 1 digs at soil 1 and loads trucks 1 and 2, truck 2 first and they take the soil to puddle 1" sent the
   excavator and no dump was made: with no comma after "truck 2 first", "they" stayed in the loading's clause. It
   reads now as with the comma.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task


def _dig_and_two_loads(exc: str, place: str) -> list:
    return [task("m", T, [exc], [place]), task("d", DIG, [exc], deps=["m"]),
            task("l1", LOAD, [exc], deps=["d"]), task("l2", LOAD, [exc], deps=["l1"])]


def _each_hauls(first: str, second: str, place: str) -> list:
    return [task("h1", T, [first], [place], deps=["l1"]), task("t1", DUMP, [first], deps=["h1"]),
            task("h2", T, [second], [place], deps=["l2"]), task("t2", DUMP, [second], deps=["h2"])]


# -- finding 1: a bare "each" after a loading in turn is the loaded trucks -------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and loads truck 1 first, then truck 2, and each takes its load to puddle 2.",
    "Excavator 1 digs at soil 1 and loads truck 1 first, then truck 2. Each takes its load to puddle 2.",
    "Excavator 1 digs at soil 1 and loads truck 1 and then truck 2, and each brings its load to puddle 2.",
])
def test_each_after_a_loading_in_turn_is_every_loaded_truck(fleet, world, text):
    assert_plan(text, fleet, world, *_dig_and_two_loads(E1, "soil1"), *_each_hauls(D1, D2, "puddle2"))


def test_each_after_a_loading_in_turn_with_a_move_first(fleet, world):
    assert_plan("Excavator 3 goes to rock 1, digs, and loads truck 2 first and then truck 3, and each carries its "
                "load to puddle 1.", fleet, world, *_dig_and_two_loads(E3, "rock1"), *_each_hauls(D2, D3, "puddle1"))


# -- finding 2: "in turn and both trucks then ..." opens a clause of its own ------------------------------------------


@pytest.mark.parametrize("comma", ["", ","])
def test_both_trucks_then_after_in_turn_are_the_loaded_trucks(fleet, world, comma):
    assert_plan(f"Excavator 2 digs at soil 1 and loads truck 1 and truck 2 in turn{comma} and both trucks then drive "
                "to rock 2 and dump.", fleet, world, *_dig_and_two_loads(E2, "soil1"), *_each_hauls(D1, D2, "rock2"))


@pytest.mark.parametrize("comma", ["", ","])
def test_the_trucks_then_after_one_after_the_other_are_the_loaded_trucks(fleet, world, comma):
    assert_plan(f"Excavator 1 digs at soil 2 and loads truck 3 and truck 1 one after the other{comma} and the trucks "
                "then go to puddle 1 and tip.", fleet, world, *_dig_and_two_loads(E1, "soil2"),
                *_each_hauls(D3, D1, "puddle1"))


@pytest.mark.parametrize("comma", ["", ","])
def test_they_then_after_in_turn_are_the_loaded_trucks(fleet, world, comma):
    assert_plan(f"Excavator 2 digs at soil 1 and loads trucks 1 and 2 in turn{comma} and they then drive to rock 2 "
                "and dump.", fleet, world, *_dig_and_two_loads(E2, "soil1"), *_each_hauls(D1, D2, "rock2"))


# -- finding 3: "truck 2 first and they ..." opens a clause of its own ------------------------------------------------


@pytest.mark.parametrize("comma", ["", ","])
def test_they_after_truck_first_are_the_loaded_trucks(fleet, world, comma):
    assert_plan(f"Excavator 1 digs at soil 1 and loads trucks 1 and 2, truck 2 first{comma} and they take the soil "
                "to puddle 1.", fleet, world, *_dig_and_two_loads(E1, "soil1"),
                task("h", T, [D2, D1], ["puddle1"], deps=["l2"]), task("t", DUMP, [D2, D1], deps=["h"]))


@pytest.mark.parametrize("comma", ["", ","])
def test_both_then_after_truck_first_are_the_loaded_trucks(fleet, world, comma):
    assert_plan(f"Excavator 3 digs at rock 2 and loads trucks 2 and 3, truck 3 first{comma} and both then carry it "
                "to puddle 2.", fleet, world, *_dig_and_two_loads(E3, "rock2"),
                task("h", T, [D2, D3], ["puddle2"], deps=["l2"]), task("t", DUMP, [D2, D3], deps=["h"]))
