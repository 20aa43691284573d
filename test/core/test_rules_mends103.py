"""Mends of helper M103: misreadings of the published DART-LLM task style (each gave a plan, no error, and the plan
was wrong).

1. "Dump truck 2 takes its load to puddle 1 and unloads it. By then, excavator 1 returns to start." read "by then"
   as "then": the return waited for the tipping. "By then" (lexicon ``by_then_connectives``) says the robot's step is
   done by the time of the step before, so it runs alongside it; a keep-out change said with "by then" ("By then,
   excavator 2 and dump truck 2 may enter soil 2 again") still waits for that step, as before.
2. "Dump truck 3 goes to obstacle 1 for inspection. ... Dump trucks 1 and 2 drive to soil 2 and are loaded one after
   the other. Subsequently, both trucks (or: dump truck 1) carry the soil to puddle 1." The haul waited for truck 3's
   inspection (or a keep-out put up after it) and, for truck 1, for truck 2's loading: the order is read as one clause
   per truck, so the clause before named truck 2 alone and "subsequently" took everything still open. The trucks of
   such a run of loadings go on from their own loadings (rule 24), as they did without "one after the other".
3. "A couple of excavators go to soil 1 and dig, so that the trucks can be filled. Then both trucks go to soil 1 and
   are loaded together." added a loading of no truck (right after the digging) beside the one asked for, and read
   "both trucks" as the three trucks of "the trucks": a purpose that robots said only by their type be loaded is the
   reason for the work when a later sentence orders a loading of robots of that type, as it was for robots said by
   number ("so that dump truck 2 can be loaded").
4. "Two excavators and one truck go to soil 2 together, while another truck goes to obstacle 1. The excavators dig and
   load the truck at soil 2, ..." brought the truck from obstacle 1 over and loaded it; the one waiting at soil 2 never
   was. "the truck at <place>" right after an active loading verb is the truck standing there, when one is known to be
   (as "the truck at soil 2" was as a subject); with none there it is still the truck named last, sent there.
5. "... Afterwards, truck 1 drives to rock 1 and truck 2 drives to rock 2, and each is loaded there by the excavator at
   that rock." sent truck 1 on to rock 2 and made one loading: "that rock" (or "the rock") said of trucks standing at
   different rocks is each one's own, as "its rock" was.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: "by then" runs a robot's step alongside the step before -------------------------------------------

_DUMP = [task("m", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], deps=["m"])]


@pytest.mark.parametrize("text, after", [
    ("Dump truck 2 takes its load to puddle 1 and unloads it. By then, excavator 1 returns to start.",
     [task("r", R, [E1], [])]),
    ("Excavator 1 goes to soil 1 and digs. Dump truck 2 goes to puddle 1 and unloads. By then, excavator 1 returns "
     "to start.", [task("e", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["e"]),
                   task("r", R, [E1], [], deps=["g"])]),
    ("Dump truck 2 goes to puddle 1 and unloads there. By then, excavator 3 heads to soil 1 and digs there.",
     [task("e", T, [E3], ["soil1"]), task("g", DIG, [E3], [], deps=["e"])]),
])
def test_by_then_runs_a_robot_step_alongside(fleet, world, text, after):
    assert_plan(text, fleet, world, *_DUMP, *after)


@pytest.mark.parametrize("text, keep_out, lifting", [
    ("Excavator 1 and dump truck 3 keep away from soil 1 for now. Dump truck 2 goes to puddle 1 and unloads there. "
     "By then, excavator 1 and dump truck 3 may enter soil 1 again.",
     [task("k", AV, [E1, D3], ["soil1"])], task("a", AL, [E1, D3], ["soil1"], deps=["d"])),
    ("Dump truck 2 goes to puddle 1 and unloads there. By then, soil 1 is open to all robots again.",
     [], task("a", ALA, [], ["soil1"], deps=["d"])),
])
def test_by_then_still_times_a_lifting_after_the_step_before(fleet, world, text, keep_out, lifting):
    assert_plan(text, fleet, world, *keep_out, *_DUMP, lifting)


# -- finding 2: after loadings one after the other, each truck goes on from its own loading --------------------------

_INSPECTION = "Dump truck 3 goes to obstacle 1 for inspection"
_LOADED = (". Excavator 1 goes to soil 2 and digs. Dump trucks 1 and 2 drive to soil 2 and are loaded one after the "
           "other. ")
_SITE = [task("m", T, [E1, D1, D2], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
         task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l1"])]


@pytest.mark.parametrize("text, haul", [
    ("Subsequently, both trucks carry the soil to puddle 1.",
     [task("h", T, [D1, D2], ["puddle1"], deps=["l2"]), task("u", DUMP, [D1, D2], [], deps=["h"])]),
    ("Subsequently, dump truck 1 carries the soil to puddle 1.",
     [task("h", T, [D1], ["puddle1"], deps=["l1"]), task("u", DUMP, [D1], [], deps=["h"])]),
    ("Then dump truck 2 takes the soil to puddle 2.",
     [task("h", T, [D2], ["puddle2"], deps=["l2"]), task("u", DUMP, [D2], [], deps=["h"])]),
])
def test_a_haul_after_loadings_in_turn_waits_for_its_own_loading(fleet, world, text, haul):
    assert_plan(_INSPECTION + _LOADED + text, fleet, world, task("i", T, [D3], ["obstacle1"]), *_SITE, *haul)


def test_a_haul_after_loadings_in_turn_waits_for_no_keep_out_of_others(fleet, world):
    assert_plan(_INSPECTION + ", and after that excavators 2 and 3 keep away from obstacle 1" + _LOADED
                + "Subsequently, both trucks carry the soil to puddle 1.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), task("k", AV, [E2, E3], ["obstacle1"], deps=["i"]), *_SITE,
                task("h", T, [D1, D2], ["puddle1"], deps=["l2"]), task("u", DUMP, [D1, D2], [], deps=["h"]))


def test_a_fleet_step_after_loadings_in_turn_still_waits_for_everything(fleet, world):
    assert_plan(_INSPECTION + _LOADED + "Subsequently, all robots return to start.", fleet, world,
                task("i", T, [D3], ["obstacle1"]), *_SITE, task("r", "return_to_start_for_all_robots", [], [],
                                                             deps=["i", "l2"]))


# -- finding 3: "so that the trucks can be filled" is a reason when a later loading of trucks is ordered --------------

_PAIR = [("excavator", 2)]
_DUG = [task("m", T, (), ["soil1"], types=_PAIR), task("g", DIG, (), [], deps=["m"], types=_PAIR)]


@pytest.mark.parametrize("trucks, loaded, robots, types", [
    ("the trucks can be filled", "both trucks go to soil 1 and are loaded together", (), [("dump_truck", 2)]),
    ("the trucks can be filled", "dump trucks 1 and 2 go to soil 1 and are loaded together", [D1, D2], []),
    ("the truck can be loaded", "dump truck 3 goes to soil 1 and gets loaded", [D3], []),
])
def test_a_purpose_of_trucks_said_by_type_is_the_later_loading(fleet, world, trucks, loaded, robots, types):
    assert_plan(f"A couple of excavators go to soil 1 and dig, so that {trucks}. Then {loaded}.", fleet, world,
                *_DUG, task("t", T, robots, ["soil1"], deps=["g"], types=types),
                task("l", LOAD, (), [], deps=["t"], types=_PAIR))


def test_a_purpose_of_trucks_said_by_type_with_no_later_loading_stays_a_step(fleet, world):
    assert_plan("Dump truck 1 goes to soil 1. Excavator 1 goes to soil 1 and digs, so that the truck can be loaded.",
                fleet, world, task("t", T, [D1, E1], ["soil1"]), task("g", DIG, [E1], [], deps=["t"]),
                task("l", LOAD, [E1], [], deps=["g"]))


# -- finding 4: "load the truck at soil 2" is the truck standing there -------------------------------------------------

_CREW = "Two excavators and one truck go to soil 2 together, while another truck goes to obstacle 1. "
_ONE = [("dump_truck", 1)]
_GROUND = [task("m", T, (), ["soil2"], types=_PAIR + _ONE), task("o", T, (), ["obstacle1"], types=_ONE),
           task("g", DIG, (), [], deps=["m"], types=_PAIR), task("l", LOAD, (), [], deps=["g"], types=_PAIR)]


@pytest.mark.parametrize("text, after", [
    ("The excavators dig and load the truck at soil 2.", []),
    ("The excavators dig and load the truck at soil 2, which then takes the soil to puddle 1.",
     [task("h", T, (), ["puddle1"], deps=["l"], types=_ONE), task("u", DUMP, (), [], deps=["h"], types=_ONE)]),
])
def test_loading_the_truck_at_a_place_loads_the_one_there(fleet, world, text, after):
    assert_plan(_CREW + text, fleet, world, *_GROUND, *after)


def test_loading_the_truck_at_a_place_by_number(fleet, world):
    assert_plan("Excavator 1 and dump truck 1 go to rock 1, while dump truck 2 goes to puddle 2. Excavator 1 digs and "
                "loads the truck at rock 1.", fleet, world,
                task("m", T, [E1, D1], ["rock1"]), task("o", T, [D2], ["puddle2"]),
                task("g", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["g"]))


def test_loading_the_truck_at_a_place_nobody_is_at_brings_the_last_truck(fleet, world):
    assert_plan("Excavator 1 goes to rock 1 and digs. Dump truck 2 goes to puddle 1 and dumps. Excavator 1 then loads "
                "the truck at rock 1.", fleet, world,
                task("e", T, [E1], ["rock1"]), task("g", DIG, [E1], [], deps=["e"]),
                task("p", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], deps=["p"]),
                task("t", T, [D2], ["rock1"], deps=["d"]), task("l", LOAD, [E1], [], deps=["g", "t"]))


# -- finding 5: "each is loaded by the excavator at that rock" is each truck's own rock --------------------------------

_ROCKS = ("Excavator 1 goes to rock 1 and excavator 2 goes to rock 2, and both dig. Afterwards, truck 1 drives to "
          "rock 1 ")


@pytest.mark.parametrize("rock", ["that rock", "the rock"])
def test_each_loaded_by_the_excavator_at_that_rock(fleet, world, rock):
    assert_plan(_ROCKS + f"and truck 2 drives to rock 2, and each is loaded there by the excavator at {rock}.", fleet,
                world, task("a", T, [E1], ["rock1"]), task("b", T, [E2], ["rock2"]),
                task("g1", DIG, [E1], [], deps=["a"]), task("g2", DIG, [E2], [], deps=["b"]),
                task("t1", T, [D1], ["rock1"], deps=["g1", "g2"]), task("t2", T, [D2], ["rock2"], deps=["g1", "g2"]),
                task("l1", LOAD, [E1], [], deps=["t1"]), task("l2", LOAD, [E2], [], deps=["t2"]))
