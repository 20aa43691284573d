"""Mends of helper M86: misreadings found with instructions written as multi-crew excavation jobs (crews of
excavators and trucks working in parallel, each a chain of move, dig, load, haul and dump, joined at the end).

1. "... then loads truck 2, which has gone to soil 1": a bare perfect of a move in a relative clause was read as a
   report of where the truck stood before the job, and its move was dropped without a word. It tells where the
   truck will have got to by the loading, as "which has driven there in the meantime" does: a move. With
   "already" or "just" it stays a report (no move).
2. "Dump truck 1 is loaded at soil 1 by excavator 1 and then at soil 2 by excavator 2, one site after the other":
   "one site after the other" was not an order phrase: "excavator 2, one" was read as one robot mention and "after
   the other" as an anchor, so excavator 1 was sent to soil 2 and the loading there was dropped. "one site / place
   after the other / another" and "site by site" join the lexicon's ``in_order`` beside "one after the other".
3. "..., which has driven to soil 2 in the meantime, and truck 1 then dumps ...": "in the meantime" before a comma
   was read as opening the clause after it, so the relative clause was timed by the sentence's anchor (the truck's
   move waited for the digging). It closes the relative clause now, as before a full stop (segment.py). A place
   relative with its own robot ("truck 1 drives to soil 1, *where excavator 2 has dug in the meantime*") is such a
   clause too: excavator 2 went to soil 1 only after truck 1's first loading, and dug after that.
4. "Another dump truck goes to soil 2 after that, is loaded by the excavators too, and ...": a trailing "after that"
   (or "afterwards") before a comma and the next verb of the same robot was dropped, so the second truck drove to
   soil 2 at the start (merged with the first crew's move). It governs its clause as before "and <verb>" now.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, E2, E3, LOAD, RA, TRUCK_LOAD, R, T, assert_plan, task

# -- finding 1: "which has gone to <place>" is the truck's move ------------------------------------------------------

@pytest.mark.parametrize("verb", ["has gone", "has driven", "has moved"])
def test_a_bare_perfect_move_in_a_relative_clause_is_a_move(fleet, world, verb):
    assert_plan(f"Excavator 3 moves to soil 1 and digs, then loads truck 2, which {verb} to soil 1. "
                "Truck 2 hauls the soil to obstacle 2 and dumps it.", fleet, world,
                task("m", T, [E3, D2], ["soil1"]), task("g", DIG, [E3], deps=["m"]),
                task("l", LOAD, [E3], deps=["g"]), task("h", T, [D2], ["obstacle2"], deps=["l"]),
                task("d", DUMP, [D2], deps=["h"]))


def test_a_bare_perfect_move_there_after_an_excavator_in_place(fleet, world):
    assert_plan("Excavator 3 is already at soil 1. It digs there, then loads dump truck 2, which has driven there. "
                "Truck 2 hauls the soil to obstacle 2 and dumps it.", fleet, world,
                task("g", DIG, [E3]), task("m", T, [D2], ["soil1"]),
                task("l", LOAD, [E3], deps=["g", "m"]), task("h", T, [D2], ["obstacle2"], deps=["l"]),
                task("d", DUMP, [D2], deps=["h"]))


def test_a_crew_with_a_truck_that_has_gone_to_the_site(fleet, world):
    assert_plan("Excavator 1 moves to rock 2 and digs. At the same time excavator 3 moves to soil 1 and digs, then "
                "loads truck 2, which has gone to soil 1; truck 2 hauls the soil to obstacle 2 and dumps it.",
                fleet, world,
                task("m1", T, [E1], ["rock2"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m3", T, [E3, D2], ["soil1"]), task("g3", DIG, [E3], deps=["m3"]),
                task("l", LOAD, [E3], deps=["g3"]), task("h", T, [D2], ["obstacle2"], deps=["l"]),
                task("d", DUMP, [D2], deps=["h"]))


def test_already_keeps_the_perfect_a_report(fleet, world):
    assert_plan("Excavator 3 moves to soil 1 and digs, then loads truck 2, which has already driven to soil 1. "
                "Truck 2 hauls the soil to obstacle 2 and dumps it.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("g", DIG, [E3], deps=["m"]),
                task("l", LOAD, [E3], deps=["g"]), task("h", T, [D2], ["obstacle2"], deps=["l"]),
                task("d", DUMP, [D2], deps=["h"]))


# -- finding 2: "one site after the other" is an order phrase ---------------------------------------------------------

@pytest.mark.parametrize("phrase", ["one site after the other", "one site after another", "one place after the other",
                                    "site by site"])
def test_a_truck_loaded_at_two_sites_one_site_after_the_other(fleet, world, phrase):
    assert_plan("While excavator 1 digs at soil 1, excavator 2 digs at soil 2. Dump truck 1 is loaded at soil 1 by "
                f"excavator 1 and then at soil 2 by excavator 2, {phrase}. Truck 1 then hauls everything to "
                "obstacle 1 and dumps it. When that is done, excavators 1 and 2 return to start.", fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], deps=["m2"]),
                task("l1", LOAD, [E1], deps=["g1"]), task("t", T, [D1], ["soil2"], deps=["l1"]),
                task("l2", LOAD, [E2], deps=["g2", "t"]), task("h", T, [D1], ["obstacle1"], deps=["l2"]),
                task("d", DUMP, [D1], deps=["h"]), task("r", R, [E1, E2], deps=["d"]))


# -- finding 3: "in the meantime" closing a relative clause before a comma --------------------------------------------

@pytest.mark.parametrize("rest", [", and truck 1 then dumps at puddle 1.", ", then truck 1 dumps at puddle 1.",
                                  ". Truck 1 then dumps at puddle 1."])
def test_in_the_meantime_before_a_comma_closes_the_relative_clause(fleet, world, rest):
    assert_plan("Excavator 1 digs at soil 2. When the digging is done, excavator 1 loads truck 1, which has driven to "
                "soil 2 in the meantime" + rest, fleet, world,
                task("m", T, [E1, D1], ["soil2"]), task("g", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["g"]), task("h", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], deps=["h"]))


@pytest.mark.parametrize("said", ["has dug in the meantime, and excavator 2 loads it.",
                                  "has dug in the meantime. Excavator 2 loads it.",
                                  "has been digging meanwhile, and excavator 2 loads it."])
def test_a_place_relative_in_the_meantime_is_the_other_robot_s_own_chain(fleet, world, said):
    assert_plan("Truck 1 drives to rock 2 and is loaded by excavator 3. After that truck 1 drives to soil 1, where "
                "excavator 2 " + said, fleet, world,
                task("m1", T, [D1], ["rock2"]), task("l1", LOAD, [E3], deps=["m1"]),
                task("m2", T, [D1], ["soil1"], deps=["l1"]), task("e", T, [E2], ["soil1"]),
                task("g", DIG, [E2], deps=["e"]), task("l2", LOAD, [E2], deps=["m2", "g"]))


def test_a_truck_loaded_at_two_sites_with_a_digging_done_in_the_meantime(fleet, world):
    assert_plan("Excavator 3 is already at rock 2. It digs there. Dump truck 1 drives to rock 2, and excavator 3 "
                "loads it; truck 1 then runs its own loading routine. After that truck 1 drives to soil 1, where "
                "excavator 2 has dug in the meantime, and excavator 2 loads truck 1 as well. Truck 1 hauls "
                "everything to puddle 2 and dumps it.", fleet, world,
                task("g3", DIG, [E3]), task("m1", T, [D1], ["rock2"]), task("l1", LOAD, [E3], deps=["g3", "m1"]),
                task("own", TRUCK_LOAD, [D1], deps=["l1"]), task("m2", T, [D1], ["soil1"], deps=["own"]),
                task("e", T, [E2], ["soil1"]), task("g2", DIG, [E2], deps=["e"]),
                task("l2", LOAD, [E2], deps=["m2", "g2"]), task("h", T, [D1], ["puddle2"], deps=["l2"]),
                task("d", DUMP, [D1], deps=["h"]))


# -- finding 4: a trailing "after that" before ", <verb>" -------------------------------------------------------------

@pytest.mark.parametrize("after", ["after that", "afterwards"])
def test_a_trailing_after_that_before_a_list_of_verbs_times_the_clause(fleet, world, after):
    assert_plan("Excavator 1 digs at soil 2. Truck 1 goes to soil 2, excavator 1 loads it, and truck 1 dumps at "
                f"puddle 1. Truck 2 goes to soil 2 {after}, is loaded by excavator 1, and dumps at puddle 2.",
                fleet, world,
                task("m", T, [E1, D1], ["soil2"]), task("g", DIG, [E1], deps=["m"]),
                task("l1", LOAD, [E1], deps=["g"]), task("h1", T, [D1], ["puddle1"], deps=["l1"]),
                task("d1", DUMP, [D1], deps=["h1"]), task("m2", T, [D2], ["soil2"], deps=["d1"]),
                task("l2", LOAD, [E1], deps=["m2"]), task("h2", T, [D2], ["puddle2"], deps=["l2"]),
                task("d2", DUMP, [D2], deps=["h2"]))


def test_another_truck_after_that_with_unnamed_crews(fleet, world):
    ex, tr = ("excavator", 2), ("dump_truck", 1)
    assert_plan("Two excavators go to soil 2 and dig. A dump truck goes to soil 2, the excavators load it, and the "
                "truck hauls the soil to puddle 1 and dumps it. Another dump truck goes to soil 2 after that, is "
                "loaded by the excavators too, and hauls its load to puddle 2 and dumps it. Finally, the whole "
                "fleet returns to start.", fleet, world,
                task("m", T, types=[ex, tr], objs=["soil2"]), task("g", DIG, types=[ex], deps=["m"]),
                task("l1", LOAD, types=[ex], deps=["g"]), task("h1", T, types=[tr], objs=["puddle1"], deps=["l1"]),
                task("d1", DUMP, types=[tr], deps=["h1"]), task("m2", T, types=[tr], objs=["soil2"], deps=["d1"]),
                task("l2", LOAD, types=[ex], deps=["m2"]), task("h2", T, types=[tr], objs=["puddle2"], deps=["l2"]),
                task("d2", DUMP, types=[tr], deps=["h2"]), task("r", RA, deps=["d2"]))
