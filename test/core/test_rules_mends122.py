"""Probe mends in a non-native operator's voice, typed quickly ("Truck 1 go soil 1, excavator 2 dig there and load
truck", "wait excavator finish", "all truck", "after finish", "when is done", run-on clauses joined by commas),
round 23.

1. "Truck 1 go soil 1 after excavator 1 finish dig at soil 1." was refused ("no robot among robot_dump_truck_01 can
   dig"), "Truck 2 go soil 2 after truck 1 finish dump." sent truck 2 off at once to dump too, "... after truck 1
   finish check puddle 1" sent truck 2 to puddle 1, and "When excavators finish dig truck 3 go rock 1" was refused:
   a bare verb after "finish" (or "finishes", "finished" not after a copula; lexicon ``finished_deed_words``) with no
   comma after it was cut off as an order of its own. It names the finished deed, as "finish digging" does: always
   in an anchor said after its main clause, and in one that opens the sentence when the verb is a digging or a
   dumping (no robot as its object) and no verb follows it. "When it finish load truck 2" and "When they finish go
   back start" still open the main clause at the verb.
2. "..., excavator 1 dig and load truck 3. After truck 3 go soil 2 and dump there." dropped the drive and the dump
   without a word, and "Excavator 1 go home after truck 3 has gone to soil 2 and dumped there." too (the return waited
   for the truck's drive to soil 1): in an anchor, "there" was where the anchor's robot stood (soil 1), even after the
   anchor had named a place of its own, so the anchor found the truck's old move and named no new work. "there"
   after a place named in the same anchor is that place.
3. "Truck 1 dump at soil 2 and truck 2 dump at soil 1. When they finish go back start." sent only truck 2 home (truck
   1's return was dropped without a word), and "Truck 1 dump at soil 2 and excavator 2 dig at soil 1. When truck 1
   finish, go back start." sent excavator 2: a clause with no subject after an anchor went on with the robots of the
   clause before. After an anchor that says only that its robots are finished ("when they finish", "once truck 1 is
   done", "when both finish dig"), the clause goes on with those robots, when they can do its work ("When truck 1
   finish, load it" is still the excavator's loading).
4. "... After everything is done, allow puddle 1 again for everybody." lifted the keep-out at once (and "After
   everything finish, truck 1 go to soil 1" sent truck 1 off at once): the join "after everything" was read as a
   clause of its own with the words of completion after it ("is done", "finish", "are finished"), and the clause
   after the comma was timed by nothing. A join of everything followed only by such words times the clause after it.
5. "..., truck 2 bring it to rock 2. When everything finish, allow puddle 1 again for everybody." (also "When all the
   work is finished, ...") lifted the keep-out before truck 2 tipped: a haul ends with its tipping (rule 23), made
   only once nothing else is said of the truck, and an anchor on everything ("when everything / all the work ...")
   took what was open before that tipping was made. It makes the tipping first now, as "finally" does.
6. "..., excavator 2 dig and load truck 3. After truck 3 bring soil back to start and unload." dropped the return and
   the dump without a word, and so did good English: "After truck 3 has brought the soil to puddle 1, excavator 2
   goes home" / "... once truck 3 has hauled the soil to puddle 1" dropped truck 3's haul: in an anchor, the load
   after a verb of carrying ("soil", "the soil", "it") was read as the place soil 2, so the anchor matched the
   truck's old move there and named no new work. As in a clause of its own, a noun of a kind or "it" after a
   carrying verb (not after a preposition of place) is the load, and the haul it names is a delivery: it ends with
   the tip (rule 23).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# -- finding 1: "finish dig" (a bare verb after "finish") names the finished deed ------------------------------------

_DUG = [task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], deps=["m"])]


@pytest.mark.parametrize("text", [
    "Truck 1 go soil 1 after excavator 1 finish dig at soil 1.",
    "Truck 1 go soil 1 after excavator 1 finished dig at soil 1.",
    "Truck 1 go soil 1 after excavator 1 has finished dig at soil 1.",
    "Excavator 1 dig at soil 1. Truck 1 go soil 1 after excavator 1 finish dig.",
    "Excavator 1 dig at soil 1. Truck 1 go soil 1 when excavator 1 finishes dig there.",
    "Excavator 1 dig at soil 1. When excavator 1 finish dig truck 1 go soil 1.",
    "Excavator 1 dig at soil 1. After excavator 1 finish dig truck 1 go to soil 1.",
])
def test_a_bare_dig_after_finish_is_the_finished_digging(fleet, world, text):
    assert_plan(text, fleet, world, *_DUG, task("t", T, [D1], ["soil1"], deps=["g"]))


def test_a_bare_dump_after_finish_is_the_finished_dump(fleet, world):
    for text in ("Truck 1 go soil 2 and dump. Truck 2 go soil 2 after truck 1 finish dump.",
                 "Truck 1 go soil 2 and dump. Truck 2 go soil 2 after truck 1 finish dump there."):
        assert_plan(text, fleet, world, task("m", T, [D1], ["soil2"]), task("u", DUMP, [D1], deps=["m"]),
                    task("t", T, [D2], ["soil2"], deps=["u"]))


def test_a_bare_check_after_finish_in_a_trailing_anchor_is_the_finished_visit(fleet, world):
    assert_plan("Truck 1 go puddle 1 and check it. Truck 2 go soil 2 after truck 1 finish check puddle 1.",
                fleet, world, task("m", T, [D1], ["puddle1"]), task("t", T, [D2], ["soil2"], deps=["m"]))


def test_a_bare_load_after_finish_in_a_trailing_anchor_is_the_finished_loading(fleet, world):
    assert_plan("Excavator 1 and truck 3 go soil 1, excavator 1 dig and load truck 3. Truck 2 go rock 2 after "
                "excavator 1 finish load truck 3.", fleet, world,
                task("m", T, [E1, D3], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["g"]), task("t", T, [D2], ["rock2"], deps=["l"]))


def test_a_fleet_return_after_a_finished_dig_and_a_dump(fleet, world):
    assert_plan("Everybody go back start position after excavator 3 finish dig at obstacle 1 and truck 1 dump at "
                "soil 2.", fleet, world,
                task("m", T, [E3], ["obstacle1"]), task("g", DIG, [E3], deps=["m"]),
                task("n", T, [D1], ["soil2"]), task("u", DUMP, [D1], deps=["n"]),
                task("r", RA, [], deps=["g", "u"]))


def test_a_keep_out_until_a_finished_dig(fleet, world):
    assert_plan("Nobody go near rock 2 until excavator 2 finish dig at soil 1.", fleet, world,
                task("k", AVA, [], ["rock2"]), task("m", T, [E2], ["soil1"], deps=["k"]),
                task("g", DIG, [E2], deps=["m"]))


def test_two_excavators_finish_dig_then_the_truck_comes(fleet, world):
    assert_plan("Two excavator go rock 1 and dig. Truck 3 wait at obstacle 1, when excavators finish dig truck 3 go "
                "rock 1 and excavators load it. Then truck 3 go soil 2 and tip there.", fleet, world,
                task("m", T, types=[("excavator", 2)], objs=["rock1"]),
                task("g", DIG, types=[("excavator", 2)], deps=["m"]),
                task("w", T, [D3], ["obstacle1"]), task("t", T, [D3], ["rock1"], deps=["w", "g"]),
                task("l", LOAD, types=[("excavator", 2)], deps=["t"]),
                task("s", T, [D3], ["soil2"], deps=["l"]), task("u", DUMP, [D3], deps=["s"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 and truck 2 go soil 1. Excavator 1 dig, when it finish load truck 2.",
    "Excavator 1 and truck 2 go soil 1. Excavator 1 dig. When it is finished load truck 2.",
])
def test_a_load_after_a_leading_finish_still_opens_the_main_clause(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["g"]))


# -- finding 2: "there" after a place named in the same anchor is that place -----------------------------------------

_LOADED = "Excavator 1 and truck 3 go soil 1, excavator 1 dig and load truck 3. "
_LOAD_PLAN = [task("m", T, [E1, D3], ["soil1"]), task("g", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["g"])]


@pytest.mark.parametrize("tail", [
    "After truck 3 go soil 2 and dump there.",
    "After truck 3 go to soil 2 and tip there.",
])
def test_an_anchor_alone_with_there_is_the_next_step(fleet, world, tail):
    assert_plan(_LOADED + tail, fleet, world, *_LOAD_PLAN, task("t", T, [D3], ["soil2"], deps=["l"]),
                task("u", DUMP, [D3], deps=["t"]))


def test_a_trailing_anchor_with_there_names_new_work(fleet, world):
    assert_plan(_LOADED + "Excavator 1 go home after truck 3 has gone to soil 2 and dumped there.", fleet, world,
                *_LOAD_PLAN, task("t", T, [D3], ["soil2"], deps=["l"]), task("u", DUMP, [D3], deps=["t"]),
                task("r", R, [E1], deps=["u"]))


def test_a_trailing_anchor_with_there_names_the_work_said(fleet, world):
    assert_plan(_LOADED + "Truck 3 go soil 2 and dump there. Excavator 1 go home after truck 3 has gone to soil 2 and "
                "dumped there.", fleet, world,
                *_LOAD_PLAN, task("t", T, [D3], ["soil2"], deps=["l"]), task("u", DUMP, [D3], deps=["t"]),
                task("r", R, [E1], deps=["u"]))


def test_two_excavators_then_the_truck_tips_there(fleet, world):
    assert_plan("Two excavator go rock 1 and dig. Truck 3 wait at obstacle 1, when excavators finish dig truck 3 go "
                "rock 1 and excavators load it. After truck 3 go soil 2 and tip there.", fleet, world,
                task("m", T, types=[("excavator", 2)], objs=["rock1"]),
                task("g", DIG, types=[("excavator", 2)], deps=["m"]),
                task("w", T, [D3], ["obstacle1"]), task("t", T, [D3], ["rock1"], deps=["w", "g"]),
                task("l", LOAD, types=[("excavator", 2)], deps=["t"]),
                task("s", T, [D3], ["soil2"], deps=["l"]), task("u", DUMP, [D3], deps=["s"]))


# -- finding 3: a subjectless clause after "when <robots> finish" goes on with those robots --------------------------

_TWO_DUMPS = [task("m1", T, [D1], ["soil2"]), task("u1", DUMP, [D1], deps=["m1"]),
              task("m2", T, [D2], ["soil1"]), task("u2", DUMP, [D2], deps=["m2"])]


@pytest.mark.parametrize("tail", [
    "When they finish go back start.",
    "When they finish, go back start.",
    "When both finish go back to start.",
    "When they are done, go back to start.",
    "When truck 1 and truck 2 finish, go back start.",
])
def test_the_finished_robots_go_on(fleet, world, tail):
    assert_plan("Truck 1 dump at soil 2 and truck 2 dump at soil 1. " + tail, fleet, world, *_TWO_DUMPS,
                task("r", R, [D1, D2], deps=["u1", "u2"]))


def test_the_one_finished_robot_goes_on(fleet, world):
    assert_plan("Truck 1 dump at soil 2 and excavator 2 dig at soil 1. When truck 1 finish, go back start.",
                fleet, world, task("m1", T, [D1], ["soil2"]), task("u1", DUMP, [D1], deps=["m1"]),
                task("m2", T, [E2], ["soil1"]), task("g", DIG, [E2], deps=["m2"]),
                task("r", R, [D1], deps=["u1"]))


def test_work_the_finished_robot_cannot_do_stays_with_the_robot_before(fleet, world):
    assert_plan("Excavator 2 dig at soil 1 and truck 1 go soil 1. When truck 1 finish, load it.", fleet, world,
                task("m", T, [E2, D1], ["soil1"]), task("g", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["g"]))


def test_a_clause_after_the_one_right_after_the_anchor_goes_on_with_its_own_subject(fleet, world):
    assert_plan("Truck 1 dump at soil 2 and truck 2 dump at soil 1. When they finish, truck 1 go to rock 1 and go "
                "back start.", fleet, world, *_TWO_DUMPS,
                task("k", T, [D1], ["rock1"], deps=["u1", "u2"]), task("r", R, [D1], deps=["k"]))


# -- finding 4: "after everything is done, X": the words of completion belong to the join ---------------------------

@pytest.mark.parametrize("join", ["After everything is done", "After everything finish", "After everything is finished",
                                  "after everything are finish"])
def test_a_join_with_its_completion_words_times_the_lifting(fleet, world, join):
    assert_plan(f"Everybody avoid puddle 1. Truck 2 go to rock 2. {join}, allow puddle 1 again for everybody.",
                fleet, world, task("k", AVA, [], ["puddle1"]), task("m", T, [D2], ["rock2"], deps=["k"]),
                task("a", ALA, [], ["puddle1"], deps=["m"]))


def test_a_join_with_its_completion_words_times_a_move(fleet, world):
    assert_plan("Excavator 2 dig at soil 1. Truck 2 go to rock 2. After everything finish, truck 1 go to soil 1.",
                fleet, world, task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], deps=["m"]),
                task("n", T, [D2], ["rock2"]), task("t", T, [D1], ["soil1"], deps=["g", "n"]))


# -- finding 5: a join on everything waits for the tipping that ends a haul ------------------------------------------

@pytest.mark.parametrize("join", ["When everything finish", "When all the work is finished", "When all finish",
                                  "When everything done"])
def test_a_join_on_everything_waits_for_the_haul_s_tipping(fleet, world, join):
    assert_plan("Everybody avoid puddle 1. Excavator 1 and truck 2 go soil 2, excavator 1 dig and load truck 2, truck "
                f"2 bring it to rock 2. {join}, allow puddle 1 again for everybody.", fleet, world,
                task("k", AVA, [], ["puddle1"]), task("m", T, [E1, D2], ["soil2"], deps=["k"]),
                task("g", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["g"]),
                task("h", T, [D2], ["rock2"], deps=["l"]), task("u", DUMP, [D2], deps=["h"]),
                task("a", ALA, [], ["puddle1"], deps=["u"]))


# -- finding 6: the load after a carrying verb in an anchor is no place ----------------------------------------------

_LOADED3 = "Excavator 2 and truck 3 go soil 2, excavator 2 dig and load truck 3. "
_LOAD3_PLAN = [task("m", T, [E2, D3], ["soil2"]), task("g", DIG, [E2], deps=["m"]), task("l", LOAD, [E2], deps=["g"])]


@pytest.mark.parametrize("text", [
    "After truck 3 has brought the soil to puddle 1, excavator 2 goes home.",
    "Excavator 2 goes home once truck 3 has hauled the soil to puddle 1.",
    "Excavator 2 goes home once truck 3 has brought it to puddle 1.",
    "Truck 3 hauls the soil to puddle 1. Excavator 2 goes home once truck 3 has hauled the soil to puddle 1.",
])
def test_a_haul_named_in_an_anchor_is_the_truck_s_delivery(fleet, world, text):
    assert_plan(_LOADED3 + text, fleet, world, *_LOAD3_PLAN, task("h", T, [D3], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D3], deps=["h"]), task("r", R, [E2], deps=["u"]))


def test_an_anchor_alone_bringing_soil_back_to_start(fleet, world):
    assert_plan(_LOADED3 + "After truck 3 bring soil back to start and unload.", fleet, world, *_LOAD3_PLAN,
                task("h", R, [D3], deps=["l"]), task("u", DUMP, [D3], deps=["h"]))
