"""Mends of helper M137: instructions that tell the job by its results and places and name robots by their role
("the truck that excavator 2 loads", "the excavator working at soil 2") were misread.

1. "The truck that excavator 1 loads then dumps at puddle 1", "the truck loaded by excavator 2 ...", "the excavator
   that loaded truck 3 goes home": a robot told by a loading said before it. The loader of "the truck that
   excavator 1 loads" was read as the subject, so excavator 1 loaded once more and "the truck" was the truck named
   last; "the truck loaded by excavator 1" took the one truck loaded last whoever loaded it; and "the excavator that
   loaded truck 3" sent truck 3 home with it. Each is now the robot that the earlier loading names. So are "the
   truck they load" (the trucks of the loading said last, whoever its loaders) and "the trucks it loads" after
   "loads trucks 1 and 2 one after the other" (each was loaded once more).
2. "The excavator working at soil 2 is excavator 1; it digs ...", "the truck it loads is dump truck 3, which then
   unloads ...": a clause that says which robot a description of its work stands for. The description was read as
   a robot of its own (an unnamed excavator did excavator 1's work once more; an unnamed truck took dump truck 3's
   load). The named robot now takes the description's place ("excavator 1 working at soil 2", "it loads dump truck
   3"), so its work is planned once, by it.
3. "Rock 1 should be broken up by excavator 2, and the rubble taken to puddle 2 by truck 1: truck 1 goes to rock
   1, ...": a result said first, a place and a modal before a colon, whose steps follow the colon. Its work was
   planned and then planned again from the steps (truck 1 went to puddle 2 and back). It is the job's goal now,
   as a person's wish said first is, when the steps spell it out (goals.spelled_out, which now also counts "and
   truck 1 | then dumps at puddle 2", cut before "then", as truck 1's clause).
4. "At soil 1, excavator 1 and truck 2 work: ...", "At soil 1, a crew of one excavator and one dump truck works:
   ...": a place said first before a crew and a verbless "work(s)" is where the crew works, as in "... work(s) at
   soil 1". The first was refused (no object for the place); behind "a crew of", the place was dropped without a
   word, and the crew dug where it stood.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: a robot told by a loading said before it -------------------------------------------------------------

_TWO_LOADINGS = "Excavator 1 digs at soil 1 and loads truck 2; excavator 2 digs at soil 2 and loads truck 3."


def _two_loadings() -> list:
    return [task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
            task("l1", LOAD, [E1], [], deps=["g1"]),
            task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]),
            task("l2", LOAD, [E2], [], deps=["g2"])]


@pytest.mark.parametrize("truck", [
    "The truck that excavator 1 loads",
    "The truck which excavator 1 loaded",
    "The truck excavator 1 loaded",
    "The truck that excavator 1 has loaded",
    "The truck loaded by excavator 1",
    "The truck that was loaded by excavator 1",
    "The truck that got loaded by excavator 1",
])
def test_the_truck_that_a_named_excavator_loads_is_the_truck_it_loaded(fleet, world, truck):
    assert_plan(f"{_TWO_LOADINGS} {truck} dumps at puddle 1.", fleet, world, *_two_loadings(),
                task("m3", T, [D2], ["puddle1"], deps=["l1"]), task("d", DUMP, [D2], [], deps=["m3"]))


def test_each_truck_told_by_its_loader_after_place_first_clauses(fleet, world):
    assert_plan("At soil 1, excavator 1 digs and loads truck 2; at soil 2, excavator 2 digs and loads truck 3. The "
                "truck that excavator 1 loads dumps at puddle 1, and the truck that excavator 2 loads dumps at "
                "puddle 2.", fleet, world, *_two_loadings(),
                task("m3", T, [D2], ["puddle1"], deps=["l1"]), task("d1", DUMP, [D2], [], deps=["m3"]),
                task("m4", T, [D3], ["puddle2"], deps=["l2"]), task("d2", DUMP, [D3], [], deps=["m4"]))


def test_the_truck_it_loads_is_the_truck_the_excavator_named_last_loaded(fleet, world):
    assert_plan("Excavator 2 digs at soil 2 and loads truck 3, and excavator 1 digs at soil 1 and loads truck 2. "
                "The truck it loaded then dumps at puddle 1.", fleet, world,
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]),
                task("l2", LOAD, [E2], [], deps=["g2"]),
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("l1", LOAD, [E1], [], deps=["g1"]),
                task("m3", T, [D2], ["puddle1"], deps=["l1"]), task("d", DUMP, [D2], [], deps=["m3"]))


@pytest.mark.parametrize("excavator", [
    "The excavator that loaded truck 3",
    "The excavator which loads truck 3 then",
])
def test_the_excavator_that_loaded_a_named_truck_is_its_loader(fleet, world, excavator):
    assert_plan(f"{_TWO_LOADINGS} {excavator} goes back to start.", fleet, world, *_two_loadings(),
                task("r", R, [E2], [], deps=["l2"]))


def test_the_truck_they_load_is_the_truck_of_the_loading_said_last(fleet, world):
    assert_plan("At rock 1, two excavators break up the rock and load truck 1; the truck they load then takes the "
                "rubble to puddle 2.", fleet, world,
                task("m", T, [], ["rock1"], types=[("excavator", 2)]),
                task("g", DIG, [], [], deps=["m"], types=[("excavator", 2)]),
                task("l", LOAD, [], [], deps=["g"], types=[("excavator", 2)]),
                task("m2", T, [D1], ["puddle2"], deps=["l"]), task("d", DUMP, [D1], [], deps=["m2"]))


def test_the_trucks_it_loads_are_the_trucks_it_loaded_in_turn(fleet, world):
    assert_plan("At soil 1, excavator 1 digs and loads trucks 1 and 2 one after the other; the trucks it loads then "
                "dump at puddle 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("m2", T, [D1, D2], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D2], [], deps=["m2"]))


# -- finding 2: "<the robot doing some work> is <robot named by number>" -------------------------------------------

def _digs_loads_dumps(e: str, at: str, d: str, dump_at: str) -> list:
    return [task("m", T, [e], [at]), task("g", DIG, [e], [], deps=["m"]), task("l", LOAD, [e], [], deps=["g"]),
            task("m2", T, [d], [dump_at], deps=["l"]), task("d", DUMP, [d], [], deps=["m2"])]


@pytest.mark.parametrize("text", [
    "The excavator working at soil 2 is excavator 1; it digs and then loads dump truck 2. Afterwards that truck "
    "dumps at puddle 2.",
    "The excavator at soil 2 should be excavator 1: it digs there and loads truck 2, which then tips the load at "
    "puddle 2.",
    "The excavator that is working at soil 2 will be excavator 1. It digs and loads truck 2; truck 2 then dumps at "
    "puddle 2.",
])
def test_the_excavator_at_a_place_said_to_be_a_named_one_is_that_one(fleet, world, text):
    assert_plan(text, fleet, world, *_digs_loads_dumps(E1, "soil2", D2, "puddle2"))


@pytest.mark.parametrize("text", [
    "At rock 2, excavator 3 digs; the truck it loads is dump truck 3, which then unloads at puddle 1.",
    "Excavator 3 digs at rock 2. The truck that excavator 3 loads is truck 3; it then unloads at puddle 1.",
])
def test_the_truck_an_excavator_loads_said_to_be_a_named_one_is_loaded_once(fleet, world, text):
    assert_plan(text, fleet, world, *_digs_loads_dumps(E3, "rock2", D3, "puddle1"))



# -- finding 3: a result said first, before a colon, spelled out by the steps after it ------------------------------

def test_a_result_before_a_colon_is_the_goal_of_the_steps_after_it(fleet, world):
    assert_plan("Rock 1 should be broken up by excavator 2, and the rubble taken to puddle 2 by truck 1: truck 1 goes "
                "to rock 1, excavator 2 digs at rock 1 and loads it, and truck 1 then dumps at puddle 2.", fleet, world,
                task("m", T, [D1, E2], ["rock1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["g"]),
                task("m2", T, [D1], ["puddle2"], deps=["l"]), task("d", DUMP, [D1], [], deps=["m2"]))


def test_a_result_with_its_cargo_before_a_colon_is_the_goal_of_the_steps_after_it(fleet, world):
    assert_plan("Soil 1 should end up dug out by excavator 1, with the soil going to puddle 2 in truck 3: excavator 1 "
                "goes to soil 1 and digs, truck 3 comes to soil 1, excavator 1 loads truck 3, and truck 3 dumps at "
                "puddle 2.", fleet, world,
                task("m", T, [E1, D3], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("m2", T, [D3], ["puddle2"], deps=["l"]), task("d", DUMP, [D3], [], deps=["m2"]))


# -- finding 4: "At <place>, <crew> work(s): ..." -----------------------------------------------------------------

def _crew_at_soil_1(m: list, e: list, d: list, types_e=(), types_d=()) -> list:
    return [task("m", T, m, ["soil1"], types=[*types_e, *types_d]), task("g", DIG, e, [], deps=["m"], types=types_e),
            task("l", LOAD, e, [], deps=["g"], types=types_e),
            task("m2", T, d, ["puddle1"], deps=["l"], types=types_d),
            task("d", DUMP, d, [], deps=["m2"], types=types_d)]


@pytest.mark.parametrize("crew", ["excavator 1 and truck 2 work", "excavator 1 and truck 2 work together"])
def test_a_place_said_before_a_named_crew_at_work_is_where_it_works(fleet, world, crew):
    assert_plan(f"At soil 1, {crew}: the excavator digs and loads the truck, and the truck dumps at puddle 1.",
                fleet, world, *_crew_at_soil_1([E1, D2], [E1], [D2]))


@pytest.mark.parametrize("crew", ["a crew of one excavator and one dump truck works",
                                  "one excavator and one dump truck work"])
def test_a_place_said_before_a_crew_by_type_at_work_is_where_it_works(fleet, world, crew):
    assert_plan(f"At soil 1, {crew}: the excavator digs and loads the truck, and the truck dumps at puddle 1.",
                fleet, world, *_crew_at_soil_1([], [], [], [("excavator", 1)], [("dump_truck", 1)]))
