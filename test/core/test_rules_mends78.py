"""Mends of helper M78: misreadings behind three dev lines of batch 24 (each gave a plan, no error, and the plan was
wrong).

1. "With both loads on, truck 3 drives to puddle 2": "both" was the robot pronoun and "loads" a loading, so the
   truck was loaded once more by the excavator named last. A plural noun that is also a verb's third person (the
   lexicon's ``counted_cargo_nouns``) right after a count (``counted_cargo_quantifiers``) is a noun: no robot, no
   loading. "Excavator 1 both loads truck 1 and ..." (a robot after it) stays a loading.
2. "As soon as truck 3 has been loaded at rock 1, ..." after the truck was loaded at rock 1 and then at rock 2
   waited for its latest loading (at rock 2): a loading names no place, so the anchor's place was dropped. It is
   the loading made where the truck went before it.
3. "Today's job is clearing rock 2 with two trucks. Excavator 1 ...": the crew after "with" (lexicon
   ``goal_crew_prepositions``) in a sentence a goal noun opens made the goal an order: two more trucks drove to rock
   2. When later sentences name robots, the unnamed crew is the job's need, and the sentence a goal checked against
   the plan ("tomorrow" joins the lexicon's ``title_skip_words`` beside "today").
4. "Keep the trucks away from soil 2: trucks 2 and 3 avoid it from the start" made two keep-outs, the second after
   the first: a keep-out for unnamed robots of one type before a colon, then one for robots of that type named by
   number from the same place ("it"), is one keep-out, for the named robots.
5. "Excavator 1 digs at soil 1 so that trucks 1 and 2 can be filled from that pile. ... excavator 1 loads them
   both": the purpose was folded into a step (a move of the trucks and a loading) and the loading ordered later was
   made again. A passive purpose whose robots a later sentence has loaded (named, or a pronoun after the loading
   verb, when the robots named last are those) is the reason for the work, not a step; with no such order it stays
   a step.
6. "Once puddle 1 has been filled, all robots avoid it; at the same time, excavator 1 returns to start": the
   semicolon ends a sentence for the cutter, so the parallel clause went on from the excavator's own chain. A
   clause opened by a parallel connective right after a semicolon starts with the clause before it, as after a
   comma.
7. "As soon as truck 2 has been loaded by excavator 2, ..." after excavator 2 and then excavator 1 loaded it
   waited for its latest loading (by excavator 1): a passive loading with its loader after "by" (lexicon
   ``passive_agent_words``) is that loader's loading of the truck, as the active "once excavator 2 has loaded
   truck 2" already was.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

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


# -- finding 3: the crew of a goal sentence is no order --------------------------------------------------------------

@pytest.mark.parametrize("goal", ["Tomorrow's job is emptying soil 2 with two trucks.",
                                  "Today's main task is emptying soil 2 using one excavator and two trucks.",
                                  "The job is emptying soil 2 with two trucks."])
def test_a_crew_named_in_a_goal_sentence_makes_no_step(fleet, world, goal):
    assert_plan(goal + " Excavator 3 digs at soil 2 while trucks 2 and 3 wait at obstacle 2. Once the digging is "
                "done, trucks 2 and 3 go to soil 2.", fleet, world,
                task("m1", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m1"]),
                task("w", T, [D2, D3], ["obstacle2"]), task("m2", T, [D2, D3], ["soil2"], deps=["g", "w"]))


def test_a_goal_with_a_crew_is_still_checked_against_the_plan(fleet, world):
    errors = rules_plan("Today's job is emptying soil 2 with two trucks. Excavator 3 digs at soil 1.", fleet,
                        world).errors
    assert any("soil 2" in e for e in errors)


# -- finding 4: a keep-out said for a type, then for the robots named after a colon, is one keep-out -----------------

@pytest.mark.parametrize("text", [
    "Keep the trucks away from puddle 1: trucks 2 and 3 avoid it from the start.",
    "Do not let the other trucks anywhere near puddle 1: trucks 2 and 3 must keep away from it from the start.",
    "Keep the trucks away from puddle 1: trucks 2 and 3 stay away from puddle 1.",
])
def test_a_keep_out_restated_with_names_after_a_colon_is_one(fleet, world, text):
    assert_plan("Truck 1 goes to puddle 1. " + text + " Truck 2 goes to soil 1.", fleet, world,
                task("m1", T, [D1], ["puddle1"]), task("k", AV, [D2, D3], ["puddle1"]),
                task("m2", T, [D2], ["soil1"], deps=["k"]))


def test_a_colon_before_other_work_keeps_the_keep_out(fleet, world):
    assert_plan("Keep the trucks away from puddle 1: truck 2 goes to soil 1.", fleet, world,
                task("k", AV, [], ["puddle1"], types=[("dump_truck", 3)]), task("m", T, [D2], ["soil1"], deps=["k"]))


# -- finding 5: a purpose of loading that a later sentence orders is a reason ----------------------------------------

@pytest.mark.parametrize("later", ["excavator 3 loads it.", "excavator 3 loads truck 3 there.",
                                   "truck 3 gets loaded by excavator 3."])
def test_a_loading_purpose_ordered_later_is_no_step(fleet, world, later):
    assert_plan("Excavator 3 goes to soil 2 and digs, so that truck 3 can be filled from that pile. Meanwhile truck 3 "
                "inspects puddle 1. When the inspection and the digging are finished, truck 3 drives to soil 2 and "
                + later, fleet, world,
                task("m1", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m1"]),
                task("i", T, [D3], ["puddle1"]), task("m2", T, [D3], ["soil2"], deps=["g", "i"]),
                task("l", LOAD, [E3], [], deps=["m2"]))


def test_a_loading_purpose_of_another_truck_stays_a_step(fleet, world):
    assert_plan("Excavator 3 goes to soil 2 and digs, so that truck 3 can be filled from that pile. Excavator 1 digs "
                "at soil 1. Truck 1 goes to soil 1 and excavator 1 loads truck 1.", fleet, world,
                task("m1", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m1"]),
                task("m3", T, [D3], ["soil2"], deps=["g"]), task("l", LOAD, [E3], [], deps=["m3"]),
                task("m2", T, [E1, D1], ["soil1"]), task("g2", DIG, [E1], [], deps=["m2"]),
                task("l2", LOAD, [E1], [], deps=["g2"]))


def test_a_loading_purpose_stays_a_step_when_a_later_pronoun_is_another_truck(fleet, world):
    assert_plan("Excavator 3 goes to soil 2 and digs, so that truck 3 can be filled from that pile. Then truck 1 goes "
                "to soil 2 and excavator 3 loads it.", fleet, world,
                task("m1", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m1"]),
                task("m3", T, [D3], ["soil2"], deps=["g"]), task("l", LOAD, [E3], [], deps=["m3"]),
                task("m2", T, [D1], ["soil2"], deps=["l"]), task("l2", LOAD, [E3], [], deps=["m2"]))


# -- finding 6: "; at the same time, ..." starts with the clause before the semicolon --------------------------------

@pytest.mark.parametrize("conn", ["at the same time", "meanwhile"])
def test_a_parallel_clause_after_a_semicolon_shares_the_timing(fleet, world, conn):
    assert_plan(f"Excavator 2 digs at soil 2. Truck 3 goes to puddle 2 and dumps. Once puddle 2 has been filled, "
                f"truck 1 avoids it; {conn}, excavator 2 returns to start.", fleet, world,
                task("m1", T, [E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m1"]),
                task("m2", T, [D3], ["puddle2"]), task("d", DUMP, [D3], [], deps=["m2"]),
                task("k", AV, [D1], ["puddle2"], deps=["d"]),
                task("r", "return_to_start_for_specific_robots", [E2], [], deps=["g", "d"]))


def test_a_parallel_clause_after_a_semicolon_with_no_timing_starts_at_once(fleet, world):
    assert_plan("Excavator 1 digs at soil 1; meanwhile, truck 1 goes to puddle 1.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [D1], ["puddle1"]))


# -- finding 7: "once truck X has been loaded by excavator Y" is Y's loading of it -----------------------------------

@pytest.mark.parametrize("loader, waits", [("excavator 2", "l1"), ("excavator 1", "l2")])
def test_a_loading_named_by_its_loader_is_that_loaders(fleet, world, loader, waits):
    assert_plan(_TWO_SITES + f"As soon as truck 2 has been loaded by {loader}, truck 3 avoids puddle 2.", fleet, world,
                *_two_site_tasks(), task("k", AV, [D3], ["puddle2"], deps=[waits]))
