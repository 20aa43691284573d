"""Mends of helper M116: misreadings found with benchmark-style task sentences (counted groups, concurrency and
ordering words, "respectively", keep-outs set and lifted); each gave a plan, no error, and the plan was wrong.

1. "Truck 3 goes to soil 2 and then returns to base with excavator 2." sent excavator 2 home alone: in a clause
   whose subject is left out (it goes on with the robot before), a robot after "with" / "alongside" (lexicon
   ``elided_companion_words``) is a companion of that robot, not the clause's new subject; the truck's return was
   silently dropped. Now both return in one task, after the truck's move.
2. "Two excavators dig at soil 1 and rock 1 respectively." was refused, asking to "say 'respectively'": an unnamed
   group of as many robots as places, said "respectively", is one group of one per place (rule 3), as it already was
   for a move; now also for digging and dumping, each group doing its own work at its own place. A group that
   already did steps ("two trucks go to soil 1 and are loaded, then go to puddle 1 and puddle 2 respectively") goes
   on as those groups of one after its own steps: the parts' moves had waited for nothing.
3. "Excavator 2 moves to obstacle 1 while both remaining excavators move to obstacle 2." also sent excavator 2 to
   obstacle 2: "both" before "remaining" / "other" (also "both of the remaining trucks") was the pronoun for the robots
   named last, plus a group. It is the two of the others now, read as "the two remaining / other excavators" are.
4. "..., the keep-out around soil 1 is lifted for all dump trucks so that dump truck 2 can go to soil 1 and be
   loaded." dropped the truck's move and its loading: a "so that" purpose whose first verb is a move was a reason,
   whatever followed. A move joined by "and" to work a robot does ("and be loaded", "and excavator 1 can load it")
   is a step like a purpose of work alone ("so that excavator 1 can load it"): "and then" (module purposes). A move
   alone ("so that truck 2 can come to soil 1 and wait there") stays a reason.
5. "Dump trucks 1 and 2 move to soil 2 and are loaded by excavators 1 and 2 respectively." made one loading by both
   excavators: a passive loading said "respectively" pairs each truck with its own excavator, in order, as the active
   "excavators 1 and 2 load trucks 1 and 2 respectively" already did (rule 6), and each truck's next step waits for
   its own loading (rule 24).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "... and then returns to base with excavator 2" keeps the left-out subject --------------------------

@pytest.mark.parametrize("text", [
    "Truck 3 goes to soil 2 and then returns to base with excavator 2.",
    "Truck 3 goes to soil 2 and then goes back to the start with excavator 2.",
    "Truck 3 goes to soil 2 and then returns to base together with excavator 2.",
    "Truck 3 goes to soil 2 and then returns to base along with excavator 2.",
    "Truck 3 goes to soil 2 and then returns to base alongside excavator 2.",
    "Truck 3 goes to soil 2, then it returns to base with excavator 2.",
])
def test_a_companion_after_with_joins_the_left_out_subject(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, ["robot_dump_truck_03"], ["soil2"]),
                task("r", R, ["robot_dump_truck_03", E2], [], deps=["m"]))


def test_the_companion_joins_a_relative_clause_subject(fleet, world):
    assert_plan("Excavator 1 digs at soil 2 and loads dump truck 1, which subsequently dumps at puddle 1 and then "
                "goes back to the start with excavator 2.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("g", "Excavation", [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("p", T, ["robot_dump_truck_01"], ["puddle1"], deps=["l"]),
                task("d", DUMP, ["robot_dump_truck_01"], [], deps=["p"]),
                task("r", R, ["robot_dump_truck_01", E2], [], deps=["d"]))


def test_a_companion_move_waits_for_the_companions_own_step(fleet, world):
    assert_plan("Excavator 2 inspects obstacle 1. Truck 3 goes to soil 2 and then drives to rock 1 with "
                "excavator 2.", fleet, world,
                task("o", T, [E2], ["obstacle1"]), task("m", T, ["robot_dump_truck_03"], ["soil2"]),
                task("r", T, ["robot_dump_truck_03", E2], ["rock1"], deps=["o", "m"]))


def test_a_named_subject_after_with_is_unchanged(fleet, world):
    assert_plan("Truck 3 goes to soil 1 with excavator 2.", fleet, world,
                task("m", T, ["robot_dump_truck_03", E2], ["soil1"]))


def test_the_companion_words_come_from_the_lexicon(fleet, world):
    text = "Truck 3 goes to soil 2 and then returns to base with excavator 2."
    got = rules_plan(text, fleet, world, _lexicon(elided_companion_words=[])).graph
    assert [s.robot_ids for s in got.subtasks if s.skill == R] == [(E2,)]


# -- finding 2: an unnamed group said "respectively" digs / dumps one robot per place --------------------------------

EXC1 = [("excavator", 1)]
TRUCK1 = [("dump_truck", 1)]


def test_a_counted_group_digs_respectively(fleet, world):
    assert_plan("Two excavators dig at soil 1 and rock 1 respectively, and then return to the start.", fleet, world,
                task("a", T, [], ["soil1"], types=EXC1), task("b", T, [], ["rock1"], types=EXC1),
                task("ga", DIG, [], [], deps=["a"], types=EXC1), task("gb", DIG, [], [], deps=["b"], types=EXC1),
                task("ra", R, [], [], deps=["ga"], types=EXC1), task("rb", R, [], [], deps=["gb"], types=EXC1))


def test_a_counted_group_digs_respectively_under_a_keep_out(fleet, world):
    assert_plan("All robots must keep away from puddle 1 while two excavators dig at soil 1 and rock 1 respectively; "
                "once both excavators have finished digging, puddle 1 is allowed again for all robots, and then dump "
                "truck 3 drives to puddle 1.", fleet, world,
                task("k", AVA, [], ["puddle1"]),
                task("a", T, [], ["soil1"], deps=["k"], types=EXC1),
                task("b", T, [], ["rock1"], deps=["k"], types=EXC1),
                task("ga", DIG, [], [], deps=["a"], types=EXC1), task("gb", DIG, [], [], deps=["b"], types=EXC1),
                task("l", ALA, [], ["puddle1"], deps=["ga", "gb"]), task("m", T, [D3], ["puddle1"], deps=["l"]))


def test_a_counted_group_dumps_respectively(fleet, world):
    assert_plan("Two dump trucks dump at puddle 1 and puddle 2 respectively.", fleet, world,
                task("a", T, [], ["puddle1"], types=TRUCK1), task("b", T, [], ["puddle2"], types=TRUCK1),
                task("da", DUMP, [], [], deps=["a"], types=TRUCK1), task("db", DUMP, [], [], deps=["b"], types=TRUCK1))


@pytest.mark.parametrize("tip", ["dump at puddle 1 and puddle 2 respectively",
                                 "tip their loads at puddle 1 and puddle 2 respectively"])
def test_a_loaded_group_dumps_respectively_after_its_loading(fleet, world, tip):
    assert_plan(f"Two dump trucks go to soil 1 and are loaded by excavator 1, and then they {tip}.", fleet, world,
                task("m", T, [], ["soil1"], types=[("dump_truck", 2)]), task("l", LOAD, [E1], [], deps=["m"]),
                task("a", T, [], ["puddle1"], deps=["l"], types=TRUCK1),
                task("b", T, [], ["puddle2"], deps=["l"], types=TRUCK1),
                task("da", DUMP, [], [], deps=["a"], types=TRUCK1), task("db", DUMP, [], [], deps=["b"], types=TRUCK1))


def test_a_group_that_moved_goes_on_respectively_after_its_move(fleet, world):
    assert_plan("Two dump trucks go to soil 1, and then they go to puddle 1 and puddle 2 respectively.", fleet, world,
                task("m", T, [], ["soil1"], types=[("dump_truck", 2)]),
                task("a", T, [], ["puddle1"], deps=["m"], types=TRUCK1),
                task("b", T, [], ["puddle2"], deps=["m"], types=TRUCK1))
    assert_plan("Two excavators go to soil 1, and then they dig at soil 2 and rock 1 respectively.", fleet, world,
                task("m", T, [], ["soil1"], types=[("excavator", 2)]),
                task("a", T, [], ["soil2"], deps=["m"], types=EXC1),
                task("b", T, [], ["rock1"], deps=["m"], types=EXC1),
                task("ga", DIG, [], [], deps=["a"], types=EXC1), task("gb", DIG, [], [], deps=["b"], types=EXC1))


def test_a_group_of_other_size_than_the_places_is_still_asked(fleet, world):
    p = rules_plan("Two excavators dig at soil 1, soil 2 and rock 1 respectively.", fleet, world)
    assert p.errors and "each robot dig at" in p.errors[0]


# -- finding 3: "both remaining / other <robots>" are two of the others, not "both" and a group -----------------------

@pytest.mark.parametrize("who", ["both remaining excavators", "both of the remaining excavators",
                                 "the two remaining excavators"])
def test_both_remaining_is_two_of_the_rest(fleet, world, who):
    assert_plan(f"Excavator 2 moves to obstacle 1 while {who} move to obstacle 2.", fleet, world,
                task("a", T, [E2], ["obstacle1"]), task("b", T, [], ["obstacle2"], types=[("excavator", 2)]))


@pytest.mark.parametrize("who", ["both other trucks", "both the other trucks", "both of the other trucks",
                                 "the two other trucks"])
def test_both_other_is_the_others_by_number(fleet, world, who):
    assert_plan(f"Truck 1 goes to soil 1 and {who} go to soil 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2, D3], ["soil2"]))


def test_both_alone_still_points_back(fleet, world):
    assert_plan("Excavator 1 and excavator 3 go to soil 1, then both dig.", fleet, world,
                task("a", T, [E1, E3], ["soil1"]), task("g", DIG, [E1, E3], [], deps=["a"]))


# -- finding 4: "so that <robot> can go to X and be loaded" is the move and the loading ------------------------------

@pytest.mark.parametrize("purpose", ["so that truck 2 can come to soil 1 and be loaded",
                                     "so that truck 2 can drive to soil 1 and get filled",
                                     "so that truck 2 can drive to soil 1 and excavator 1 can load it",
                                     ", so that truck 2 can go there and be loaded by it"])
def test_a_purpose_that_moves_a_robot_to_its_work_is_a_step(fleet, world, purpose):
    assert_plan(f"Excavator 1 digs at soil 1 {purpose}.".replace(" ,", ","), fleet, world,
                task("a", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["a"]),
                task("m", T, [D2], ["soil1"], deps=["g"]), task("l", LOAD, [E1], [], deps=["m"]))


def test_a_lifting_so_that_a_truck_can_go_in_and_be_loaded(fleet, world):
    three = [("dump_truck", 3)]
    assert_plan("Excavator 1 digs at soil 1, and when it is done, the keep-out around soil 1 is lifted for all dump "
                "trucks so that dump truck 2 can go to soil 1 and be loaded.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["a"]),
                task("k", AL, [], ["soil1"], deps=["g"], types=three),
                task("m", T, [D2], ["soil1"], deps=["k"]), task("l", LOAD, [E1], [], deps=["m"]))


def test_a_purpose_that_only_moves_stays_a_reason(fleet, world):
    for purpose in ("so that truck 2 can come to soil 1 and wait there", "so that the trucks can pass"):
        assert_plan(f"Excavator 1 digs at soil 1 {purpose}.", fleet, world,
                    task("a", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["a"]))


# -- finding 5: "are loaded by excavators 1 and 2 respectively" is one loading per truck -------------------------------

def test_a_passive_loading_respectively_pairs_each_truck_with_its_excavator(fleet, world):
    assert_plan("Dump trucks 1 and 2 move to soil 2 and are loaded by excavators 1 and 2 respectively.", fleet, world,
                task("m", T, [D1, D2], ["soil2"]),
                task("l1", LOAD, [E1], [], deps=["m"]), task("l2", LOAD, [E2], [], deps=["m"]))


def test_each_truck_goes_on_after_its_own_loading(fleet, world):
    assert_plan("Trucks 2 and 1 go to soil 1 and get loaded by excavators 1 and 3 respectively, then they return to "
                "base.", fleet, world,
                task("m", T, [D2, D1], ["soil1"]),
                task("l1", LOAD, [E1], [], deps=["m"]), task("l3", LOAD, [E3], [], deps=["m"]),
                task("r2", R, [D2], [], deps=["l1"]), task("r1", R, [D1], [], deps=["l3"]))


def test_a_benchmark_style_loading_respectively(fleet, world):
    assert_plan("Excavators 1 and 2 dig at soil 2 simultaneously while dump trucks 1 and 2 wait at obstacle 2; "
                "when the digging is complete, the two trucks move to soil 2, are loaded by excavators 1 and 2 "
                "respectively, and then dump their loads at puddle 2 in parallel.", fleet, world,
                task("a", T, [E1, E2], ["soil2"]), task("g", DIG, [E1, E2], [], deps=["a"]),
                task("w", T, [D1, D2], ["obstacle2"]), task("m", T, [D1, D2], ["soil2"], deps=["g", "w"]),
                task("l1", LOAD, [E1], [], deps=["m"]), task("l2", LOAD, [E2], [], deps=["m"]),
                task("p1", T, [D1], ["puddle2"], deps=["l1"]), task("p2", T, [D2], ["puddle2"], deps=["l2"]),
                task("d1", DUMP, [D1], [], deps=["p1"]), task("d2", DUMP, [D2], [], deps=["p2"]))


def test_a_passive_loading_by_both_without_respectively_is_unchanged(fleet, world):
    assert_plan("Dump trucks 1 and 2 move to soil 2 and are loaded by excavators 1 and 2.", fleet, world,
                task("m", T, [D1, D2], ["soil2"]), task("l", LOAD, [E1, E2], [], deps=["m"]))
