"""Mends of helper M42: robots named by role or state, and haul chains, as ordinary people type them.

1. "Keep all trucks out of soil 2 until excavator 1 is done digging there." (also "Truck 1 stays away from soil 2
   until excavator 1 has dug there.") made a digging with no move to soil 2: the place of the keep-out ("out of",
   "away from") was taken for a place left, so "there" in the "until" clause pointed at nothing and the excavator dug
   wherever it stood. A keep-out's place is what "there" means; the excavator goes there first (rule 11).
2. "Excavator 2 goes to soil 2. Truck 3 goes to soil 1. The one at soil 2 digs." was refused ("no robot among
   robot_dump_truck_03 can dig"): "the one" / "the robot" was no robot mention, so the digging fell to the robot
   named last. "The one (that is) at <place>" is the robot standing there (any type); with two there it is refused,
   naming the words (rules/placedrobots.py, lexicon ``placed_robot_nouns``).
3. "Truck 1 goes to obstacle 1. Excavator 1 digs at soil 1. The truck which is waiting at obstacle 1 then goes to
   soil 1." sent excavator 1 to obstacle 1 and to soil 1 again: the relative "which is waiting at" was read as an
   order, a move. A relative state ("that is waiting / parked / standing at") says where the robot stands (rule 11),
   as "the truck at obstacle 1" does (lexicon ``placed_relatives``, ``placed_state_words``). "Truck 1 is at soil 1
   already. Excavator 1 goes there, digs and loads the truck which is standing there." was refused ("no robot among
   robot_dump_truck_01 can dig"): "... standing there" is "the truck there" as well.
4. "... loads truck 1. Let the truck that is empty go to puddle 2." made truck 1 tip its load and go: the verb
   "empty" was read as a tipping. "The truck that is (still) empty" is "the empty truck", a state (truck 2 here;
   said with no loading before, which truck is not clear and it is refused, as "the empty truck" is).
5. "Trucks 1 and 2 avoid puddle 1. Once excavator 3 has dug at soil 1, they may go there." sent the trucks to soil 1
   and lifted nothing; "... they can go there again" / "are allowed to go there" lifted a keep-out of soil 1 that was
   never put up, and "... they may go to puddle 1" was refused. A permission to go ("may", "can", "allowed") said of
   robots a keep-out still holds out, to its place or to "there", is the lifting of that keep-out after the anchor
   (rule 26); "there" in a lifting is the place closed to them. A permission with work besides ("can go there and
   dump") and one to a place not closed to them ("can go to soil 1") stay orders.
6. "Excavator 1 digs at soil 1. Trucks 1 and 2 go to soil 1 and get loaded one after the other." (or "in turn") made
   one loading for both trucks: with no loader and no truck said first, the order mark was dropped. The trucks are
   loaded in the order the subject names them, one loading each (rule 24), as with "..., truck 1 first"; a next step
   of both waits for the last loading.
7. "Excavator 1 digs at soil 1 and loads truck 1 first, then truck 2. Truck 1 dumps at puddle 1 and truck 2 dumps at
   puddle 2." (no task brings the trucks: they stand at the site, rule 12) sent truck 1 off after truck 2's loading
   and truck 2 after truck 1's, and "... loads truck 1, then truck 2. Truck 2 goes to puddle 2." sent truck 2 off
   after truck 1's loading: making one waiting loading flushed the excavator's other one first, so the loadings were
   made in the wrong order. They are made in the order said.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "until X has dug there" after a keep-out: "there" is the kept-out place ------------------------------


@pytest.mark.parametrize("text", [
    "Keep truck 1 out of soil 2 until excavator 1 is done digging there.",
    "Truck 1 stays away from soil 2 until excavator 1 has dug there.",
    "Keep truck 1 out of soil 2 until excavator 1 has dug there.",
])
def test_there_in_an_until_clause_is_the_kept_out_place(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("k", AV, [D1], ["soil2"]))


# -- finding 2: "the one at soil 2" is the robot standing there ------------------------------------------------------

_SENT = (task("a", T, [E2], ["soil2"]), task("b", T, [D3], ["soil1"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 goes to soil 2. Truck 3 goes to soil 1. The one at soil 2 digs.",
    "Excavator 2 goes to soil 2. Truck 3 goes to soil 1. The robot at soil 2 digs.",
    "Excavator 2 goes to soil 2. Truck 3 goes to soil 1. The one that is standing at soil 2 digs.",
])
def test_the_one_at_a_place_is_the_robot_there(fleet, world, text):
    assert_plan(text, fleet, world, *_SENT, task("g", DIG, [E2], [], deps=["a"]))


def test_the_one_at_a_place_of_any_type(fleet, world):
    assert_plan("Excavator 2 goes to soil 2. Truck 3 goes to soil 1. The one at soil 1 returns to base.", fleet,
                world, *_SENT, task("r", R, [D3], [], deps=["b"]))


def test_the_one_at_a_place_with_two_there_is_refused(fleet, world):
    plan = rules_plan("Excavator 2 and truck 3 go to soil 2. The one at soil 2 digs.", fleet, world)
    assert any("the one" in e for e in plan.errors)


# -- finding 3: "the truck which is waiting at obstacle 1" is a state, not a move -------------------------------------

@pytest.mark.parametrize("relative", ["which is waiting at", "that is parked at", "that is at", "which is still at"])
def test_a_relative_state_names_the_robot_there(fleet, world, relative):
    assert_plan(f"Truck 1 goes to obstacle 1. Truck 2 goes to rock 1. The truck {relative} obstacle 1 goes to soil 1.",
                fleet, world, task("a", T, [D1], ["obstacle1"]), task("b", T, [D2], ["rock1"]),
                task("c", T, [D1], ["soil1"], deps=["a"]))


def test_a_relative_state_after_another_robot(fleet, world):
    assert_plan("Truck 1 goes to obstacle 1. Excavator 1 digs at soil 1. The truck which is waiting at obstacle 1 "
                "then goes to soil 1.", fleet, world, task("a", T, [D1], ["obstacle1"]),
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("c", T, [D1], ["soil1"], deps=["a"]))


# -- finding 4: "the truck that is empty" is the empty truck, not a tipping -------------------------------------------

_LOADED_1 = "Trucks 1 and 2 go to soil 1. Excavator 1 digs at soil 1 and loads truck 1. "


@pytest.mark.parametrize("text", [
    _LOADED_1 + "Let the truck that is empty go to puddle 2.",
    _LOADED_1 + "The truck which is still empty goes to puddle 2.",
])
def test_the_truck_that_is_empty_is_a_state(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1, D2, E1], ["soil1"]), task("g", DIG, [E1], [], deps=["a"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("p", T, [D2], ["puddle2"], deps=["a"]))


def test_the_truck_that_is_empty_with_no_loading_is_refused(fleet, world):
    plan = rules_plan("Let the truck that is empty go to soil 1.", fleet, world)
    assert plan.errors and any("empty" in e for e in plan.errors)


# -- finding 5: a permission to go where a keep-out holds the robots out is its lifting ------------------------------

_AVOID_DIG = "Trucks 1 and 2 avoid puddle 1. Once excavator 3 has dug at soil 1, "
_AVOIDED = (task("k", AV, [D1, D2], ["puddle1"]), task("m", T, [E3], ["soil1"]),
            task("g", DIG, [E3], [], deps=["m"]))


@pytest.mark.parametrize("rest", [
    "they may go there.", "they can go there again.", "they are allowed to go there.", "they may go to puddle 1.",
])
def test_a_permission_to_go_into_a_keep_out_lifts_it(fleet, world, rest):
    assert_plan(_AVOID_DIG + rest, fleet, world, *_AVOIDED, task("a", AL, [D1, D2], ["puddle1"], deps=["g"]))


def test_a_permission_to_go_elsewhere_stays_a_move(fleet, world):
    assert_plan(_AVOID_DIG + "they can go to soil 1.", fleet, world, *_AVOIDED,
                task("t", T, [D1, D2], ["soil1"], deps=["k", "g"]))


# -- finding 6: "get loaded one after the other" with no loader is one loading per truck ----------------------------

_DUG_BOTH = (task("a", T, [E1, D1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["a"]),
             task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l1"]))


@pytest.mark.parametrize("order", ["one after the other", "in turn"])
def test_trucks_loaded_in_turn_with_no_loader(fleet, world, order):
    assert_plan(f"Excavator 1 digs at soil 1. Trucks 1 and 2 go to soil 1 and get loaded {order}.", fleet, world,
                *_DUG_BOTH)


def test_trucks_loaded_in_turn_then_both_dump(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 1 and truck 2 go to soil 1 and are loaded one after the other, "
                "then both dump at puddle 1.", fleet, world, *_DUG_BOTH,
                task("p", T, [D1, D2], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D2], [], deps=["p"]))


# -- finding 7: loadings in turn of trucks not brought there keep their order ----------------------------------------

_DIG_LOAD_2 = (task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
               task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l1"]))


@pytest.mark.parametrize("order", ["truck 1, then truck 2", "truck 1 first, then truck 2"])
def test_waiting_loadings_keep_their_order(fleet, world, order):
    assert_plan(f"Excavator 1 digs at soil 1 and loads {order}. Truck 1 dumps at puddle 1 and truck 2 dumps at "
                "puddle 2.", fleet, world, *_DIG_LOAD_2,
                task("p1", T, [D1], ["puddle1"], deps=["l1"]), task("d1", DUMP, [D1], [], deps=["p1"]),
                task("p2", T, [D2], ["puddle2"], deps=["l2"]), task("d2", DUMP, [D2], [], deps=["p2"]))


def test_the_second_truck_leaves_after_its_own_loading(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1, then truck 2. Truck 2 goes to puddle 2.", fleet, world,
                *_DIG_LOAD_2, task("p2", T, [D2], ["puddle2"], deps=["l2"]))



@pytest.mark.parametrize("relative", ["which is standing there", "that is waiting there"])
def test_a_relative_state_there(fleet, world, relative):
    assert_plan(f"Truck 1 is at soil 1 already. Excavator 1 goes there, digs and loads the truck {relative}.", fleet,
                world, task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]))


# -- finding 9: "loaded at soil 1 by excavator 1 and then at soil 2 by excavator 2": two loadings --------------------

_TWO_SITES = (task("a", T, [D3, E1], ["soil1"]), task("l1", LOAD, [E1], [], deps=["a"]),
              task("b", T, [D3], ["soil2"], deps=["l1"]), task("c", T, [E2], ["soil2"]),
              task("l2", LOAD, [E2], [], deps=["b", "c"]))


@pytest.mark.parametrize("text", [
    "Truck 3 is loaded at soil 1 by excavator 1 and then at soil 2 by excavator 2.",
    "Truck 3 gets loaded by excavator 1 at soil 1, then by excavator 2 at soil 2.",
])
def test_a_truck_loaded_at_two_sites(fleet, world, text):
    assert_plan(text, fleet, world, *_TWO_SITES)


def test_a_truck_loaded_at_two_sites_then_dumps(fleet, world):
    assert_plan("Truck 3 is loaded at soil 1 by excavator 1 and then at soil 2 by excavator 2, then it dumps at "
                "puddle 2.", fleet, world, *_TWO_SITES, task("p", T, [D3], ["puddle2"], deps=["l2"]),
                task("d", DUMP, [D3], [], deps=["p"]))
