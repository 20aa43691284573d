"""Mends of helper M139: dev lines of blind batch 30 (L3_788, L3_791, L3_793, L3_795) not planned exactly, read
with sentences of this session's own that show the same constructions.

1. "Two trucks go to soil 1, and the remaining truck goes to rock 1. Then excavator 1 loads both those trucks."
   sent the remaining truck to soil 1 as well and loaded it: "both" before a demonstrative or article and a robot
   noun ("both those trucks", "both of the trucks") was read as the pronoun "both" (the two groups named last)
   beside a plural "those trucks"; it is one robot phrase, "both trucks", the group of two.
2. "Excavator 3 digs at soil 2, and excavator 1 stays away from both puddles. Meanwhile ... Once excavator 3 has dug,
   ..." dropped the whole first sentence (the digging and the keep-out): the places of a keep-out said by their count
   ("both puddles") made it a sentence that tells the job ahead, which the later ones spell out. A place kept out of
   is no work: only the places of work count.
3. "Excavator 1 is already at soil 1, so it digs right there. Trucks 2 and 3 go to soil 1, and once the digging's
   done excavator 1 fills up both of them." loaded before the trucks got there: "fill up" with a plural pronoun after
   it stayed the trucks' own filling when a robot was named before it in the sentence; after one robot (no plural
   subject for "both" to float from) the pronoun is the loaded trucks, as with no robot before it.
4. "A truck parks at rock 1, and a second truck inspects puddle 2. ... the truck that inspected the puddle comes to
   soil 1" sent the truck named last to puddle 2 again and then to soil 1: a description's object said as "the
   <kind>" was no place, so the relative clause was read as new work. It is the one object of that kind named before
   (puddle 2), and the description is the truck that did it.
5. "Truck 1 checks rock 1, and then the other trucks keep away from rock 1. Truck 2 goes to soil 2. After that, lift
   the rock 1 keep-out for the other trucks." lifted it for truck 3 alone (the trucks other than truck 2, named
   last), and truck 2 stayed shut out: "the other <type>s" said again in the lifting of a keep-out put up for "the
   other <type>s" are the same robots, those it was put up for.
6. (Found with the five further sentences.) "One truck waits at rock 1, and a second truck inspects obstacle 1. After
   that, the truck waiting at rock 1 drives to soil 2." sent the truck named last to rock 1 first: a state participle
   between the robot and its place (lexicon ``locative_participles``: "waiting", "parked", "sitting") hid the
   place that picks the robot, as "the truck at rock 1" does, and the place was read as a move.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "both those trucks" is one robot phrase -------------------------------------------------------------

_PAIR = [("dump_truck", 2)]
_ONE = [("dump_truck", 1)]


@pytest.mark.parametrize("verb", ["loads", "fills up"])
@pytest.mark.parametrize("both", ["both those trucks", "both the trucks", "both of those trucks",
                                  "both of the trucks", "both these trucks"])
def test_both_before_a_demonstrative_is_the_group_of_two(fleet, world, verb, both):
    assert_plan(f"Excavator 1 digs at soil 1. Meanwhile two trucks go to soil 1, and the remaining truck goes to "
                f"rock 1. Once the digging is done, excavator 1 {verb} {both}.", fleet, world,
                task("m", T, ["robot_excavator_01"], ["soil1"]), task("d", DIG, ["robot_excavator_01"], deps=["m"]),
                task("p", T, objs=["soil1"], types=_PAIR), task("r", T, objs=["rock1"], types=_ONE),
                task("l", LOAD, ["robot_excavator_01"], deps=["d", "p"]))


def test_both_those_trucks_move_as_the_pair(fleet, world):
    assert_plan("Two trucks go to soil 1, and another truck goes to rock 1. After that, both those trucks go to "
                "rock 2.", fleet, world,
                task("p", T, objs=["soil1"], types=_PAIR), task("r", T, objs=["rock1"], types=_ONE),
                task("q", T, objs=["rock2"], types=_PAIR, deps=["p", "r"]))


# -- finding 2: a keep-out of places said by their count tells no job ahead -----------------------------------------

def test_a_counted_keep_out_in_the_opening_sentence_is_an_order(fleet, world):
    assert_plan("Excavator 3 digs at soil 2, and excavator 1 stays away from both puddles. Meanwhile truck 1 goes to "
                "soil 2 and excavator 1 digs at soil 1. Once excavator 3 has dug, it loads truck 1.", fleet, world,
                task("m3", T, [E3, D1], ["soil2"]), task("d3", DIG, [E3], deps=["m3"]),
                task("k", AV, [E1], ["puddle1", "puddle2"]),
                task("m1", T, [E1], ["soil1"], deps=["k"]), task("d1", DIG, [E1], deps=["m1"]),
                task("l", LOAD, [E3], deps=["d3"]))  # the truck's move is excavator 3's (rule 17)


def test_a_keep_out_of_the_two_places_in_the_opening_sentence_is_an_order(fleet, world):
    assert_plan("Excavator 2 digs at rock 1, and for now truck 3 keeps away from the two obstacles. Meanwhile truck 3 "
                "goes to rock 1 and excavator 1 digs at soil 2. Once excavator 2 has dug, it loads truck 3.",
                fleet, world,
                task("m2", T, [E2], ["rock1"]), task("d2", DIG, [E2], deps=["m2"]),
                task("k", AV, [D3], ["obstacle1", "obstacle2"]), task("mt", T, [D3], ["rock1"], deps=["k"]),
                task("m1", T, [E1], ["soil2"]), task("d1", DIG, [E1], deps=["m1"]),
                task("l", LOAD, [E2], deps=["d2", "mt"]))


# -- finding 3: "<one robot> fills up both of them" is that robot's loading of them -----------------------------------

@pytest.mark.parametrize("them", ["both of them", "both", "the two of them"])
@pytest.mark.parametrize("loader", ["excavator 1", "the first digger"])
def test_one_robot_fills_up_a_plural_pronoun(fleet, world, loader, them):
    assert_plan(f"Excavator 1 is already at soil 1, so it digs right there. Trucks 2 and 3 go to soil 1, and once the "
                f"digging's done {loader} fills up {them} in one go.", fleet, world,
                task("d", DIG, [E1]), task("m", T, [D2, D3], ["soil1"]), task("l", LOAD, [E1], deps=["d", "m"]))


def test_the_loaded_pair_goes_on_after_its_loading(fleet, world):
    assert_plan("Excavator 2 is at rock 1 already and digs right there. Meanwhile trucks 1 and 3 go to rock 1, and "
                "once it has dug, excavator 2 loads up both of them, and then truck 1 takes its load to puddle 2 while "
                "truck 3 goes back to base.", fleet, world,
                task("d", DIG, [E2]), task("m", T, [D1, D3], ["rock1"]),
                task("l", LOAD, [E2], deps=["d", "m"]), task("h", T, [D1], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D1], deps=["h"]), task("r", R, [D3], deps=["l"]))


# -- finding 4: "the truck that checked the puddle" is the truck that checked the one puddle named ---------------------

_ONE_TRUCK = {"types": [("dump_truck", 1)]}


def test_the_truck_that_inspected_the_puddle_is_the_one_that_did(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Meanwhile a truck parks at rock 1, and a second truck inspects puddle 2. "
                "Once the digging is done, the truck at rock 1 goes to soil 1 and excavator 2 loads it, and then that "
                "truck takes the soil to obstacle 1. When excavator 2 has loaded that truck, the truck that inspected "
                "the puddle comes to soil 1 and excavator 2 loads it as well.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("a", T, objs=["rock1"], **_ONE_TRUCK), task("b", T, objs=["puddle2"], **_ONE_TRUCK),
                task("a2", T, objs=["soil1"], deps=["d", "a"], **_ONE_TRUCK), task("l1", LOAD, [E2], deps=["a2"]),
                task("h", T, objs=["obstacle1"], deps=["l1"], **_ONE_TRUCK),
                task("u", DUMP, deps=["h"], **_ONE_TRUCK),
                task("b2", T, objs=["soil1"], deps=["b", "l1"], **_ONE_TRUCK), task("l2", LOAD, [E2], deps=["b2"]))


def test_the_truck_that_checked_the_rock_goes_on(fleet, world):
    assert_plan("A truck checks rock 2 and another truck goes to soil 1. Excavator 1 digs at soil 2. When it is done, "
                "the truck that checked the rock goes to soil 2 and excavator 1 loads it.", fleet, world,
                task("c", T, objs=["rock2"], **_ONE_TRUCK), task("s", T, objs=["soil1"], **_ONE_TRUCK),
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("t", T, objs=["soil2"], deps=["d", "c"], **_ONE_TRUCK), task("l", LOAD, [E1], deps=["t"]))


# -- finding 5: a keep-out for "the other trucks" is lifted for the same trucks ---------------------------------------

@pytest.mark.parametrize("lift", ["lift the rock 1 keep-out for the other trucks",
                                  "lift the keep-out for the other trucks",
                                  "the other trucks may go to rock 1 again"])
def test_the_other_trucks_lifting_is_for_those_kept_out(fleet, world, lift):
    assert_plan(f"Truck 1 checks rock 1, and then the other trucks keep away from rock 1. Truck 2 goes to soil 2. "
                f"After that, {lift}.", fleet, world,
                task("c", T, [D1], ["rock1"]), task("k", AV, [D2, D3], ["rock1"], deps=["c"]),
                task("m", T, [D2], ["soil2"]), task("a", AL, [D2, D3], ["rock1"], deps=["k", "m"]))


def test_the_other_excavators_get_their_keep_out_lifted_together(fleet, world):
    assert_plan("Excavator 3 goes to puddle 2, and once it is there the other excavators stay clear of puddle 2. "
                "Excavator 1 digs at soil 1. Once excavator 1 has dug, lift the puddle 2 keep-out for the other "
                "excavators, and then excavator 2 goes to puddle 2.", fleet, world,
                task("p", T, [E3], ["puddle2"]), task("k", AV, [E1, E2], ["puddle2"], deps=["p"]),
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("a", AL, [E1, E2], ["puddle2"], deps=["k", "d"]), task("g", T, [E2], ["puddle2"], deps=["a"]))


def test_the_other_trucks_after_a_keep_out_named_by_number_stay_as_they_were(fleet, world):
    assert_plan("Trucks 2 and 3 keep away from rock 1. Truck 2 goes to soil 2. After that, lift the rock 1 keep-out "
                "for the other trucks.", fleet, world,
                task("k", AV, [D2, D3], ["rock1"]), task("m", T, [D2], ["soil2"], deps=["k"]),
                task("a", AL, [D3], ["rock1"], deps=["m"]))


# -- finding 6: "the truck waiting at rock 1" is the truck at rock 1 --------------------------------------------------

@pytest.mark.parametrize("which", ["the truck waiting at rock 1", "the truck parked at rock 1",
                                   "the truck sitting at rock 1", "the truck at rock 1"])
def test_a_state_participle_before_the_place_picks_the_robot_there(fleet, world, which):
    assert_plan(f"Excavator 1 digs at soil 2. Meanwhile one truck waits at rock 1, and a second truck inspects "
                f"obstacle 1. After the digging, {which} drives to soil 2 and excavator 1 loads it.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], deps=["m"]),
                task("a", T, objs=["rock1"], **_ONE_TRUCK), task("b", T, objs=["obstacle1"], **_ONE_TRUCK),
                task("a2", T, objs=["soil2"], deps=["d", "a"], **_ONE_TRUCK), task("l", LOAD, [E1], deps=["a2"]))


def test_the_participles_come_from_the_lexicon(fleet, world):
    text = "One truck waits at rock 1, and another truck goes to puddle 2. Then the truck waiting at rock 1 goes home."
    assert_plan(text, fleet, world, task("a", T, objs=["rock1"], **_ONE_TRUCK),
                task("b", T, objs=["puddle2"], **_ONE_TRUCK), task("r", R, deps=["a", "b"], **_ONE_TRUCK))
    assert len(rules_plan(text, fleet, world, _lexicon(locative_participles=[])).graph.subtasks) == 4
