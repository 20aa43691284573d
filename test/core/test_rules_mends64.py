"""Mends of helper M64: misreadings found on a site engineer's day plans written in plain prose, with reasons and
safety notes between the orders.

1. "Truck 2 then carries the soil to puddle 1, because the puddle has to be filled." added a loading by excavator 1
   (the reason's "be filled" was read as an order to fill a truck), and with "... before tomorrow" the plan was
   refused ("'tomorrow' is not a skill of truck 2"). A reason with a word of need whose places are all places of
   the step just before it in its sentence says why that step is done: the step meets the need; and "before
   tomorrow" (lexicon ``deadline_words``) is a deadline, no step to wait for.
2. "When the digging is done, excavator 1 loads truck 1, which has driven to soil 2 in the meantime." made the
   truck's move wait for the digging: a relative clause of the loaded truck that ends in "in the meantime" /
   "meanwhile" (lexicon ``meantime_words``) tells what it did while the anchor's work went on, so the anchor of its
   sentence does not time it (the move starts at once, with the excavator's move to the same place: rule 17).
3. "When both are done, they load truck 3, excavator 1 first." loaded with both excavators at once and then with
   excavator 1 again: "they" of two excavators is read as "both" is before an order aside of loaders, so each loads
   in turn, the named one first (rule 24).
4. "Once the digging is done, trucks 1 and 3 are loaded by excavator 1, truck 3 first." loaded once and added a
   tipping for truck 3: said actively in place ("excavator 1 loads truck 3 first, then truck 1"), the passive's
   subject was left before the agent, a clause of its own. The subject that stands right before the passive verb
   is what the active clause loads, so it goes.
5. "Once the digging is done, they are loaded, truck 3 first." (also "... one after the other, truck 3 first",
   "... by excavator 1, truck 3 first") loaded once, the order dropped: a plural pronoun as the passive's subject,
   with one truck named first, goes on with the other truck, as "loads them, truck 3 first" does.
6. "Excavators 1 and 2 load truck 3 in turn." (also "one after the other") loaded with both at once: excavators
   named by number that load in turn with no order said each load, in the order they were named (rule 24).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: a need met by the step it follows is its reason; "before tomorrow" is a deadline -------------------

_HAUL = (task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
         task("l", LOAD, [E1], [], deps=["g"]), task("p", T, [D2], ["puddle1"], deps=["l"]),
         task("d", DUMP, [D2], [], deps=["p"]))


@pytest.mark.parametrize("tail", [
    "because the puddle has to be filled before tomorrow.",
    "because the puddle has to be filled.",
    "because puddle 1 must be filled by tonight.",
    "since the puddle needs to be filled before the end of the day.",
])
def test_a_need_the_step_meets_is_its_reason(fleet, world, tail):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2 after that. Truck 2 then carries the soil to "
                f"puddle 1, {tail}", fleet, world, *_HAUL)


def test_before_tomorrow_is_a_deadline(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2 after that. Truck 2 then carries the soil to "
                "puddle 1 before tomorrow.", fleet, world, *_HAUL)


# -- finding 2: "..., which has driven there in the meantime" is not timed by the sentence's anchor ----------------

@pytest.mark.parametrize("relative", [
    "which has driven to soil 2 in the meantime",
    "which drives there meanwhile",
    "which has come to soil 2 in the meantime",
])
def test_a_meantime_relative_of_the_loaded_truck_does_not_wait_for_the_anchor(fleet, world, relative):
    assert_plan(f"Excavator 1 goes to soil 2 and digs. When the digging is done, it loads truck 1, {relative}. "
                "Truck 1 then dumps at puddle 1.", fleet, world,
                task("m", T, [E1, D1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("p", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["p"]))


def test_a_meantime_relative_after_two_diggers(fleet, world):
    assert_plan("Excavator 1 and excavator 3 both go to soil 2 and dig there. When both have finished digging, "
                "they load truck 1, which has driven to soil 2 in the meantime. Truck 1 then dumps at obstacle 1.",
                fleet, world,
                task("m", T, [E1, E3, D1], ["soil2"]), task("g", DIG, [E1, E3], [], deps=["m"]),
                task("l", LOAD, [E1, E3], [], deps=["g"]), task("p", T, [D1], ["obstacle1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["p"]))


# -- finding 3: "they load truck 3, excavator 1 first" orders the two loaders -----------------------------------

@pytest.mark.parametrize("order, first, second", [
    ("they load truck 3 one after the other, excavator 1 first", E1, E2),
    ("they load truck 3, excavator 2 first", E2, E1),
    ("they load truck 3 in turn, excavator 1 first", E1, E2),
])
def test_they_load_one_truck_in_the_order_given(fleet, world, order, first, second):
    assert_plan("Excavator 1 and excavator 2 go to soil 1 and dig. Truck 3 goes to soil 1 too. When both excavators "
                f"are done digging, {order}. Then truck 3 returns to base and unloads there.", fleet, world,
                task("m", T, [E1, E2, D3], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [first], [], deps=["g"]), task("l2", LOAD, [second], [], deps=["l1"]),
                task("r", R, [D3], [], deps=["l2"]), task("d", DUMP, [D3], [], deps=["r"]))


# -- finding 4: "trucks 1 and 3 are loaded by excavator 1, truck 3 first" ------------------------------------------

@pytest.mark.parametrize("subject", ["trucks 1 and 3", "both trucks", "truck 1 and truck 3"])
def test_a_passive_subject_right_before_an_ordered_loading(fleet, world, subject):
    assert_plan("Excavator 1 goes to soil 1 and digs. Trucks 1 and 3 go to soil 1 too. Once the digging is done, "
                f"{subject} are loaded by excavator 1, truck 3 first. Then both dump at puddle 1.", fleet, world,
                task("m", T, [E1, D1, D3], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("p", T, [D1, D3], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D3], [], deps=["p"]))


# -- finding 5: "they are loaded, truck 3 first" ----------------------------------------------------------------

@pytest.mark.parametrize("passive", [
    "they are loaded, truck 3 first",
    "they are loaded one after the other, truck 3 first",
    "they are loaded by excavator 1, truck 3 first",
])
def test_they_are_loaded_with_one_truck_first(fleet, world, passive):
    assert_plan("Excavator 1 goes to soil 1 and digs. Trucks 1 and 3 go to soil 1 too. Once the digging is done, "
                f"{passive}. Then both dump at puddle 1.", fleet, world,
                task("m", T, [E1, D1, D3], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["g"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("p", T, [D1, D3], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D3], [], deps=["p"]))


# -- finding 6: "excavators 1 and 2 load truck 3 in turn" --------------------------------------------------------

@pytest.mark.parametrize("loaders, first, second", [
    ("excavators 1 and 2 load truck 3 in turn", E1, E2),
    ("excavator 2 and excavator 1 load truck 3 one after the other", E2, E1),
])
def test_named_loaders_in_turn_load_in_the_order_named(fleet, world, loaders, first, second):
    assert_plan("Excavator 1 and excavator 2 go to soil 1 and dig. Truck 3 goes to soil 1 too. When both excavators "
                f"are done digging, {loaders}. Then truck 3 returns to base and unloads there.", fleet, world,
                task("m", T, [E1, E2, D3], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [first], [], deps=["g"]), task("l2", LOAD, [second], [], deps=["l1"]),
                task("r", R, [D3], [], deps=["l2"]), task("d", DUMP, [D3], [], deps=["r"]))
