"""Dev-failure mends, round 22 (batch 26 lines written blind).

1. "Trucks 2 and 3 keep away from rock 1 while the rock is being broken up": the passive "is being broken up" after
   "while" was read as one more step of the robots named last, and the plan refused ("no robot among trucks 2 and 3
   can dig"). Like "while the trucks work", a clause of "while" that only says a place is being worked on is a time
   frame for the clause before it: no step, no robot. Said "from the start", the keep-out holds from the start all
   the same (rule 26): its lifting waits only for what its own clause names, not for the keep-out.
2. "Once the rock is broken up, the truck, which by then is waiting at soil 1, comes over to rock 1": the "then" of
   "by then" ("by that time") cut the clause as a sequence, so the move lost its wait for the digging. Between a robot
   and "is waiting at", "by then" is no order of steps (opening a sentence, "By then, ..." still is).
3. "... drives to rock 2 to be loaded by the excavator there", "gets loaded by the excavator working there": "the
   excavator there" was the one at the place named before the clause (or the excavator named last), not the one at
   the place its own clause just named; a participle of where it stands ("working", "standing") between the robot and
   "there" hid the place altogether.
4. "Dump truck 1 goes to puddle 1 once it is loaded. Once loaded, dump truck 2 goes to puddle 2" (also "dump truck
   2, once loaded, goes ..."): the subjectless "once loaded" found the loadings made so far (truck 1's), and truck 2
   waited for truck 1's loading as well as its own. Said of a truck, "once loaded" is its own loading.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, E1, E2, LOAD, T, assert_plan, task

# -- finding 1: "while <place> is being worked on" is a time frame, no step -------------------------------------------


@pytest.mark.parametrize("frame", ["while the rock is being broken up", "while rock 1 is being dug",
                                   "while it is being broken up", "whilst the rocks are being broken up"])
def test_while_a_place_is_being_dug_is_no_step(fleet, world, frame):
    assert_plan(f"From the start, dump trucks 2 and 3 keep away from rock 1 {frame}. Excavator 1 goes to rock 1 and "
                "breaks it up. When excavator 1 is done, the keep-out for trucks 2 and 3 is lifted.", fleet, world,
                task("k", AV, [D2, D3], ["rock1"]),
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", AL, [D2, D3], ["rock1"], deps=["d"]))


def test_while_a_place_is_being_dug_after_a_move(fleet, world):
    assert_plan("Excavator 2 goes to soil 1 and digs. Dump truck 1 waits at obstacle 1 while soil 1 is being dug.",
                fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("w", T, [D1], ["obstacle1"]))


# -- finding 2: "by then" is no "then" ---------------------------------------------------------------------------------


@pytest.mark.parametrize("aside", ["which by then is waiting at soil 1", "which is waiting at soil 1 by then"])
def test_by_then_in_a_relative_keeps_the_wait(fleet, world, aside):
    assert_plan(f"A dump truck goes to soil 1. Meanwhile, excavator 1 heads to rock 1 and breaks it up. Once the rock "
                f"is broken up, the truck, {aside}, comes over to rock 1.", fleet, world,
                task("a", T, [], ["soil1"], types=[("dump_truck", 1)]),
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("b", T, [], ["rock1"], deps=["a", "d"], types=[("dump_truck", 1)]))


# -- finding 3: "the excavator (working) there" is the one at the place its clause just named ------------------------


@pytest.mark.parametrize("loaded", ["to be loaded by the excavator there", "and is loaded by the excavator there",
                                    "to be loaded by the excavator working there"])
def test_the_excavator_there_after_a_where_clause(fleet, world, loaded):
    assert_plan("Two excavators go to soil 1 and dig, and the remaining excavator goes to rock 2 and digs. Dump "
                "truck 1 drives to soil 1, where the two excavators load it, and dump truck 2 drives to rock 2 "
                f"{loaded}.",
                fleet, world,
                task("a", T, [], ["soil1"], types=[("excavator", 2)]),
                task("ad", DIG, [], deps=["a"], types=[("excavator", 2)]),
                task("b", T, [], ["rock2"], types=[("excavator", 1)]),
                task("bd", DIG, [], deps=["b"], types=[("excavator", 1)]),
                task("t1", T, [D1], ["soil1"]), task("l1", LOAD, [], deps=["ad", "t1"], types=[("excavator", 2)]),
                task("t2", T, [D2], ["rock2"]), task("l2", LOAD, [], deps=["bd", "t2"], types=[("excavator", 1)]))


@pytest.mark.parametrize("who", ["the excavator working there", "the excavator standing there"])
def test_the_excavator_working_there(fleet, world, who):
    assert_plan("One excavator goes to soil 2 and digs, and a second excavator goes to rock 1 and breaks it up. Dump "
                f"truck 1 drives to soil 2 once the digging there is done and gets loaded by {who}.", fleet, world,
                task("a", T, [], ["soil2"], types=[("excavator", 1)]),
                task("ad", DIG, [], deps=["a"], types=[("excavator", 1)]),
                task("b", T, [], ["rock1"], types=[("excavator", 1)]),
                task("bd", DIG, [], deps=["b"], types=[("excavator", 1)]),
                task("t", T, [D1], ["soil2"], deps=["ad"]), task("l", LOAD, [], deps=["t"], types=[("excavator", 1)]))


# -- finding 4: "once loaded" said of a truck is its own loading ------------------------------------------------------

_TWO_LOADINGS = ("Excavator 1 goes to soil 1 and digs. Excavator 2 goes to rock 2 and digs. Excavator 1 loads dump "
                 "truck 1 and excavator 2 loads dump truck 2. ")


@pytest.mark.parametrize("rest", [
    "Dump truck 1 goes to puddle 1 once it is loaded. Once loaded, dump truck 2 goes to puddle 2.",
    "As soon as it is loaded, dump truck 1 goes to puddle 1; dump truck 2, once loaded, goes to puddle 2.",
    "Dump truck 1 goes to puddle 1 as soon as it is loaded. Dump truck 2, once filled, goes to puddle 2.",
])
def test_once_loaded_is_the_trucks_own_loading(fleet, world, rest):
    assert_plan(_TWO_LOADINGS + rest, fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["rock2"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("l2", LOAD, [E2], [], deps=["d2"]),
                task("t1", T, [D1], ["puddle1"], deps=["l1"]), task("t2", T, [D2], ["puddle2"], deps=["l2"]))
