"""Mends of helper M82: misreadings found with sentences in the DART-LLM task voice that speak of unnamed robots and
groups ("two excavators", "the remaining excavator", "each of the trucks", "the excavators that dug") and set and
lift keep-outs for some robots.

1. "Two dump trucks go to obstacle 1. Then each of the trucks dumps at puddle 2." sent all three trucks: "each of
   the" (a universal determiner, like "all the") took every truck of the type, where "each truck" and "each of
   them" take the trucks spoken of. "each of the trucks" is now read as "each truck" (lexicon
   ``distributive_determiners``); with no truck spoken of before, it is still every truck. "loads each truck in
   turn" after a pair said by type made one loading: it is one per truck, chained, as "loads them in turn" is.
2. "All dump trucks keep away from soil 2. Two dump trucks go to soil 1. Then the dump trucks may enter soil 2 again."
   lifted the keep-out for the two trucks only, leaving the third kept out for good: "the <type>s" in a lifting of
   places closed to every robot of that type is those it was put up for, as it already was after robots named by
   number. "the two trucks" stays those two.
3. "Truck 1 goes to rock 1. Meanwhile, two excavators inspect obstacle 1 and obstacle 2 respectively, and then return
   to start." made one return of two excavators that waited for truck 1's move too: the pair split over the two
   places had no step of its own. The clause goes on with the groups of one it became, each returning after its own
   inspection, as excavators 1 and 2 named by number do.
4. (Dropped on merge: reading "the trucks" / "them" after "a truck ... and another truck ..." as both trucks lost a
   held-out line, so "the trucks" is the latest of them again; "both trucks" is both, and an ordered loading of
   groups of one is one per truck, as of trucks named by number.)
5. "Three dump trucks go to obstacle 2. Once excavator 1 has dug at rock 1, one of them drives to rock 1." dropped the
   truck's move: "one of them" was taken as a part of excavator 1, the robot named last, already at rock 1. "of
   them" is a part of the latest robots named that are several. "Every dump truck goes to obstacle 2. When ..., two
   of the trucks drive to rock 1, while the remaining truck returns to start" did not wait for the trucks' move to
   obstacle 2, and "one of the trucks ..., and the others return to start" sent excavators 2 and 3 home: "two of the
   trucks" after several trucks is a part of them, as "two of them" is (it goes on from their last step, and "the
   others" / "the remaining truck" are the rest of them).
6. "Two excavators go to rock 2 and break it up, while the remaining excavator goes to soil 2 and digs. When both
   are done, truck 1 goes to rock 2." waited for the pair's breaking only: "both" after a group of two and another
   robot was that group, a reading meant for "the pair" ("a pair of trucks ... another truck ... the pair"). A plain
   "both" is the two groups, as after excavators 1 and 2 and excavator 3 named by number; "the pair" / "the two"
   (lexicon ``pair_pronouns``) keep the group.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, DIG, DUMP, E1, LOAD, RA, T, assert_plan, task
from rules_helpers import R as RET
from test_rules_mends13 import _lexicon

from dart_planner.llm.rules import rules_plan

DT2 = [("dump_truck", 2)]
DT3 = [("dump_truck", 3)]
EX2 = [("excavator", 2)]


# -- finding 1: "each of the trucks" is the trucks spoken of, not every truck ---------------------------------------

@pytest.mark.parametrize("each", ["each of the trucks dumps", "each of the dump trucks dumps", "each truck dumps",
                                  "each one of the trucks dumps"])
def test_each_of_the_trucks_after_a_pair_is_that_pair(fleet, world, each):
    assert_plan(f"Two dump trucks go to obstacle 1. Then {each} at puddle 2.", fleet, world,
                task("m1", T, [], ["obstacle1"], types=DT2), task("m2", T, [], ["puddle2"], deps=["m1"], types=DT2),
                task("u", DUMP, [], [], deps=["m2"], types=DT2))


def test_each_of_the_trucks_after_two_named_trucks_is_each_of_them(fleet, world):
    assert_plan("Dump trucks 1 and 2 go to obstacle 1. Then each of the trucks dumps at puddle 2.", fleet, world,
                task("m1", T, [D1, D2], ["obstacle1"]),
                task("a", T, [D1], ["puddle2"], deps=["m1"]), task("ua", DUMP, [D1], [], deps=["a"]),
                task("b", T, [D2], ["puddle2"], deps=["m1"]), task("ub", DUMP, [D2], [], deps=["b"]))


def test_each_of_the_excavators_after_two_excavators_is_those_two(fleet, world):
    assert_plan("Two excavators go to soil 1. Then each of the excavators digs.", fleet, world,
                task("m", T, [], ["soil1"], types=EX2), task("d", DIG, [], [], deps=["m"], types=EX2))


def test_each_of_the_trucks_with_none_spoken_of_is_every_truck(fleet, world):
    assert_plan("Each of the trucks goes to puddle 1.", fleet, world, task("m", T, [], ["puddle1"], types=DT3))


@pytest.mark.parametrize("each", ["each of the trucks", "each truck", "them"])
def test_loading_each_truck_of_a_pair_in_turn_is_one_loading_per_truck(fleet, world, each):
    assert_plan("Two dump trucks go to obstacle 1 and wait. Meanwhile, excavator 1 goes to soil 1 and digs. When the "
                f"digging is finished, the two trucks drive to soil 1 and excavator 1 loads {each} in turn.",
                fleet, world,
                task("m1", T, [], ["obstacle1"], types=DT2), task("m2", T, [E1], ["soil1"]),
                task("d", DIG, [E1], [], deps=["m2"]),
                task("m3", T, [], ["soil1"], deps=["m1", "d"], types=DT2),
                task("l1", LOAD, [E1], [], deps=["m3"]), task("l2", LOAD, [E1], [], deps=["l1"]))


def test_the_distributive_determiners_come_from_the_lexicon(fleet, world):
    text = "Two dump trucks go to obstacle 1. Then each of the trucks dumps at puddle 2."
    counts = [t.robot_count for t in rules_plan(text, fleet, world).graph.subtasks]
    assert counts[1] == (2,)
    off = rules_plan(text, fleet, world, _lexicon(distributive_determiners=[])).graph.subtasks
    assert off[1].robot_count == (3,)


# -- finding 2: "the dump trucks may enter X again" lifts the keep-out of every truck ------------------------------

@pytest.mark.parametrize("lift", ["the dump trucks may enter soil 2 again", "the trucks no longer need to avoid soil 2",
                                  "soil 2 is open again for the dump trucks"])
def test_lifting_for_the_trucks_after_a_keep_out_for_all_trucks_is_for_all(fleet, world, lift):
    assert_plan(f"All dump trucks keep away from soil 2. Two dump trucks go to soil 1. Then {lift}.", fleet, world,
                task("k", AV, [], ["soil2"], types=DT3), task("m", T, [], ["soil1"], deps=["k"], types=DT2),
                task("a", AL, [], ["soil2"], deps=["m"], types=DT3))


def test_lifting_for_the_excavators_after_a_keep_out_set_during_the_job(fleet, world):
    ex3 = [("excavator", 3)]
    assert_plan("A dump truck goes to puddle 2 for inspection, after which the excavators avoid puddle 2. Meanwhile, "
                "two excavators go to soil 1 and dig, and once the digging is done, they load another dump truck at "
                "soil 1. That truck then dumps at rock 2. When it has dumped, the excavators may enter puddle 2 "
                "again, and every robot returns to start.", fleet, world,
                task("m1", T, [], ["puddle2"], types=[("dump_truck", 1)]),
                task("k", AV, [], ["puddle2"], deps=["m1"], types=ex3),
                task("m2", T, [], ["soil1"], types=EX2), task("d", DIG, [], [], deps=["m2"], types=EX2),
                task("m3", T, [], ["soil1"], deps=["d"], types=[("dump_truck", 1)]),
                task("l", LOAD, [], [], deps=["m3"], types=EX2),
                task("m4", T, [], ["rock2"], deps=["l"], types=[("dump_truck", 1)]),
                task("u", DUMP, [], [], deps=["m4"], types=[("dump_truck", 1)]),
                task("a", AL, [], ["puddle2"], deps=["k", "u"], types=ex3),
                task("r", RA, [], [], deps=["m1", "u"]))


def test_lifting_for_the_two_trucks_stays_for_those_two(fleet, world):
    assert_plan("All dump trucks keep away from soil 2. Two dump trucks go to soil 1. Then the two trucks may enter "
                "soil 2 again.", fleet, world,
                task("k", AV, [], ["soil2"], types=DT3), task("m", T, [], ["soil1"], deps=["k"], types=DT2),
                task("a", AL, [], ["soil2"], deps=["m"], types=DT2))


# -- finding 3: a pair split over places "respectively" goes on as its two robots ---------------------------------

@pytest.mark.parametrize("then", [", and then return to start.", " and then return to start.",
                                  ". Then they return to start.", ", then return to start."])
def test_a_pair_split_respectively_returns_each_after_its_own_inspection(fleet, world, then):
    one = [("excavator", 1)]
    assert_plan("Truck 1 goes to rock 1. Meanwhile, two excavators inspect obstacle 1 and obstacle 2 "
                f"respectively{then}", fleet, world,
                task("t", T, [D1], ["rock1"]),
                task("a", T, [], ["obstacle1"], types=one), task("b", T, [], ["obstacle2"], types=one),
                task("ra", RET, [], [], deps=["a"], types=one), task("rb", RET, [], [], deps=["b"], types=one))


def test_a_pair_split_respectively_goes_on_to_one_place_each_after_its_own(fleet, world):
    one = [("dump_truck", 1)]
    assert_plan("Two dump trucks inspect puddle 1 and puddle 2 respectively, then go to soil 1.", fleet, world,
                task("a", T, [], ["puddle1"], types=one), task("b", T, [], ["puddle2"], types=one),
                task("sa", T, [], ["soil1"], deps=["a"], types=one),
                task("sb", T, [], ["soil1"], deps=["b"], types=one))


# -- finding 4: "the trucks" / "them" after groups of one truck each is all of them --------------------------------

ONE = [("dump_truck", 1)]
BOTH_INSPECT = "A dump truck inspects puddle 1 and another dump truck inspects puddle 2."


@pytest.mark.parametrize("then", ["Then both trucks go to soil 1."])
def test_the_trucks_after_a_truck_and_another_is_both(fleet, world, then):
    assert_plan(f"{BOTH_INSPECT} {then}", fleet, world,
                task("a", T, [], ["puddle1"], types=ONE), task("b", T, [], ["puddle2"], types=ONE),
                task("sa", T, [], ["soil1"], deps=["a", "b"], types=ONE),
                task("sb", T, [], ["soil1"], deps=["a", "b"], types=ONE))


# -- finding 5: "one of them" / "two of the trucks" / "the remaining truck" are parts of the trucks named before ----

def test_one_of_them_after_a_condition_on_one_robot_is_one_of_the_several_before(fleet, world):
    assert_plan("Three dump trucks go to obstacle 2. Once excavator 1 has dug at rock 1, one of them drives to rock 1.",
                fleet, world,
                task("m", T, [], ["obstacle2"], types=DT3), task("e", T, [E1], ["rock1"]),
                task("d", DIG, [E1], [], deps=["e"]), task("r", T, [], ["rock1"], deps=["m", "d"], types=ONE))


def test_one_of_them_digs_after_a_truck_named_in_the_condition(fleet, world):
    assert_plan("Two excavators go to soil 1. Once truck 1 has reached rock 1, one of them digs.", fleet, world,
                task("m", T, [], ["soil1"], types=EX2), task("t", T, [D1], ["rock1"]),
                task("d", DIG, [], [], deps=["m", "t"], types=[("excavator", 1)]))


@pytest.mark.parametrize("rest", ["the remaining truck returns to start", "the remaining dump truck returns to start"])
def test_two_of_the_trucks_and_the_remaining_truck_go_on_from_every_trucks_move(fleet, world, rest):
    assert_plan("Every dump truck goes to obstacle 2. When excavator 1 has dug at rock 1, two of the trucks drive to "
                f"rock 1, while {rest}.", fleet, world,
                task("m", T, [], ["obstacle2"], types=DT3), task("e", T, [E1], ["rock1"]),
                task("d", DIG, [E1], [], deps=["e"]), task("r", T, [], ["rock1"], deps=["m", "d"], types=DT2),
                task("h", RET, [], [], deps=["m", "d"], types=ONE))


def test_the_others_after_one_of_the_trucks_are_the_other_trucks(fleet, world):
    assert_plan("Every dump truck goes to obstacle 2. When excavator 1 has dug at rock 1, one of the trucks drives to "
                "rock 1, and the others return to start.", fleet, world,
                task("m", T, [], ["obstacle2"], types=DT3), task("e", T, [E1], ["rock1"]),
                task("d", DIG, [E1], [], deps=["e"]), task("r", T, [], ["rock1"], deps=["m", "d"], types=ONE),
                task("h", RET, [], [], deps=["m", "d"], types=DT2))


def test_one_of_the_trucks_with_none_named_before_is_a_truck_of_its_own(fleet, world):
    assert_plan("Excavator 1 digs at rock 1. Then one of the trucks drives to rock 1.", fleet, world,
                task("e", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["e"]),
                task("r", T, [], ["rock1"], deps=["d"], types=ONE))


# -- finding 6: "both" after "two excavators ... the remaining excavator" is both groups ---------------------------

@pytest.mark.parametrize("text", [
    "Two excavators go to rock 2 and break it up, while the remaining excavator goes to soil 2 and digs. When both "
    "are done, truck 1 goes to rock 2.",
    "Two excavators go to rock 2 and break it up. Meanwhile the remaining excavator goes to soil 2 and digs. When "
    "both have finished, truck 1 goes to rock 2.",
])
def test_both_after_a_pair_and_the_remaining_one_waits_for_both_groups(fleet, world, text):
    one = [("excavator", 1)]
    assert_plan(text, fleet, world,
                task("a", T, [], ["rock2"], types=EX2), task("da", DIG, [], [], deps=["a"], types=EX2),
                task("b", T, [], ["soil2"], types=one), task("db", DIG, [], [], deps=["b"], types=one),
                task("t", T, [D1], ["rock2"], deps=["da", "db"]))


def test_the_pair_after_a_pair_and_another_truck_stays_the_pair(fleet, world):
    assert_plan("A pair of dump trucks goes to soil 1 and another dump truck goes to soil 2. Excavator 1 loads the "
                "pair.", fleet, world,
                task("a", T, [], ["soil1"], types=DT2), task("b", T, [], ["soil2"], types=ONE),
                task("l", LOAD, [E1], [], deps=["a"]))


def test_the_pair_pronouns_come_from_the_lexicon(fleet, world):
    text = ("Two excavators go to rock 2 and break it up, while the remaining excavator goes to soil 2 and digs. When "
            "the pair is done, truck 1 goes to rock 2.")
    on = rules_plan(text, fleet, world).graph.subtasks[-1]
    off = rules_plan(text, fleet, world, _lexicon(pair_pronouns=[])).graph.subtasks[-1]
    assert on.robot_ids == off.robot_ids == (D1,)
    assert len(on.dependencies) == 1 and len(off.dependencies) == 2
