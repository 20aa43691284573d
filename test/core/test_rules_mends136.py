"""Mends of helper M136: known misreadings left by other helpers (each gave a plan, no error, and the plan was wrong).

1. "Truck 3 remains at soil 2 until truck 2 has checked rock 2. Truck 3 then goes to puddle 1. Truck 2 checks rock 2."
   dropped the wait: the check is ordered in a later sentence, so the "until" found no step, and truck 3's next step
   left at once. A robot that stays where it is until such a deed ("remains at", "waits there", "stays", "waits
   until ..., then ...") now has its next step wait for the first later step of the anchor's robot and action (at
   its place) (rules/staywaits.py); a deed no later step does is refused, naming the words.
2. "Truck 2 must not leave before truck 1 has checked puddle 1. Truck 2 goes to soil 1. Truck 1 checks puddle 1." (the
   wait said before the work it times, its deed ordered later) sent truck 2 off at once: a negated bare departure is
   a stay too, so its next step waits for the check. Said in two words ("must not *set off*", "does not *head off*":
   two-word ``departure_verbs``), "set" was no verb and the wait was dropped, and "head off" a keep-out with no place
   (refused); both now read as "leave". "Must not leave soil 2 before X" with X ordered later was refused as a stay
   that could not wait for a later deed (test_rules_mends129); it now waits for it.
3. "Excavator 1 digs at soil 1 and loads truck 2. All of them return to base." (also "the lot of them", "they all")
   sent only the excavator home: "all of them" opening its sentence was read as "they", the subject alone. It is now
   every robot named so far, the loaded truck too (by id, in order of mention: rules 2 and 4). "Everyone heads back"
   stays the fleet-wide return (rule 5).
4. "Excavator 1 digs at soil 1 with truck 2" (also "together with", "alongside") dropped truck 2 in silence. Whether
   the truck only goes along or is loaded there the conventions do not say (and "excavator 1 and truck 2 dig at soil
   1" is refused already), so it is refused, naming the words; "goes to soil 1 with truck 2" stays one move.
5. "Three trucks go to soil 1. One truck then dumps at puddle 1. The remaining trucks return to base." sent one truck
   home: "the remaining trucks" (plural) after a part of a group was the fleet's leftover. It is now the rest of the
   group (two), as "the remaining truck" already was; and "one truck" when the only trucks named are one group of
   all three is one of them (there is no other), as "one of them" is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, LOAD, RA, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a stay "until X" with X ordered in a later sentence holds the robot's next step ----------------------

@pytest.mark.parametrize("text", [
    "Truck 3 remains at soil 2 until truck 2 has checked rock 2. Truck 3 then goes to puddle 1. Truck 2 checks rock 2.",
    "Truck 3 waits until truck 2 has checked rock 2, then goes to puddle 1. Truck 2 checks rock 2.",
    "Dump truck 3 remains at soil 2 until dump truck 2 has inspected rock 2. Afterwards truck 3 drives to puddle 1. "
    "Meanwhile dump truck 2 inspects rock 2.",
])
def test_a_stay_holds_the_next_step_until_a_check_said_later(fleet, world, text):
    assert_plan(text, fleet, world, task("c", T, [D2], ["rock2"]), task("m", T, [D3], ["puddle1"], deps=["c"]))


@pytest.mark.parametrize("text", [
    "Truck 3 goes to soil 2. It waits there until truck 2 has inspected rock 2. Truck 2 inspects rock 2. "
    "Truck 3 then heads back to start.",
    "Truck 3 goes to soil 2 and stays there until truck 2 has checked rock 2. Dump truck 2 inspects rock 2. "
    "Afterwards truck 3 returns to base.",
])
def test_a_wait_after_a_move_holds_the_step_after_it(fleet, world, text):
    assert_plan(text, fleet, world, task("g", T, [D3], ["soil2"]), task("c", T, [D2], ["rock2"]),
                task("r", R, [D3], [], deps=["g", "c"]))


def test_an_excavator_waits_at_its_place_for_a_later_check(fleet, world):
    assert_plan("Excavator 1 waits at soil 1 until truck 2 has checked puddle 1, then digs there. "
                "Truck 2 checks puddle 1.", fleet, world,
                task("g", T, [E1], ["soil1"]), task("c", T, [D2], ["puddle1"]),
                task("d", DIG, [E1], [], deps=["g", "c"]))


def test_a_stay_until_a_deed_no_step_does_is_refused(fleet, world):
    p = rules_plan("Truck 3 remains at soil 2 until truck 2 has checked rock 2. Truck 3 then goes to puddle 1. "
                   "Truck 2 goes to soil 1.", fleet, world)
    assert any("until truck 2 has checked rock 2" in e for e in p.errors), p.errors


def test_a_keep_out_until_a_later_check_holds_no_step(fleet, world):
    # a keep-out is no stay: the trucks' later move elsewhere does not wait for the check
    p = rules_plan("Truck 1 goes to soil 1. Trucks 2 and 3 keep away from rock 2 until truck 1 has checked it. "
                   "Truck 1 checks rock 2. Trucks 2 and 3 go to soil 2.", fleet, world)
    assert not p.errors
    move = next(s for s in p.graph.subtasks if list(s.object_keywords) == ["soil2"])
    assert all(not d.startswith("target") for d in move.dependencies)


# -- finding 2: "must not leave before X" said before the work it times, X ordered later -----------------------------

@pytest.mark.parametrize("text", [
    "Truck 2 must not leave before truck 1 has checked puddle 1. Truck 2 goes to soil 1. Truck 1 checks puddle 1.",
    "Truck 2 must not depart until truck 1 has inspected puddle 1. Truck 2 drives to soil 1. "
    "Truck 1 inspects puddle 1.",
    "Truck 2 does not head off before truck 1 has inspected puddle 1. Truck 2 drives to soil 1. "
    "Truck 1 inspects puddle 1.",
    "Truck 2 must not leave before truck 1 has checked puddle 1. Truck 1 checks puddle 1. Truck 2 goes to soil 1.",
])
def test_not_leaving_before_a_later_check_holds_the_next_move(fleet, world, text):
    assert_plan(text, fleet, world, task("c", T, [D1], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["c"]))


@pytest.mark.parametrize("text", [
    "Truck 2 must not set off before excavator 1 has dug at soil 1. Truck 2 goes to rock 1. "
    "Excavator 1 digs at soil 1.",
    "Truck 2 should not head out until excavator 1 is done digging at soil 1. It then goes to rock 1. "
    "Excavator 1 digs at soil 1.",
])
def test_a_two_word_departure_is_a_leaving(fleet, world, text):
    assert_plan(text, fleet, world, task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["e"]),
                task("m", T, [D2], ["rock1"], deps=["d"]))


def test_not_setting_out_for_a_place_stays_a_negated_move(fleet, world):
    assert_plan("Truck 2 does not set out for soil 1 before truck 1 has inspected puddle 1. Truck 1 inspects puddle 1.",
                fleet, world, task("c", T, [D1], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["c"]))


def test_not_leaving_a_place_before_a_later_check_holds_the_next_move(fleet, world):
    for text in ("Excavator 1 digs at soil 2 and truck 3 goes to soil 2. Truck 3 must not leave soil 2 before truck 2 "
                 "has checked rock 2. Truck 2 checks rock 2. Truck 3 then dumps at puddle 1.",
                 "Excavator 1 digs at soil 2 and truck 3 goes to soil 2. Truck 3 must not leave soil 2 before truck 2 "
                 "has checked rock 2. Truck 3 then dumps at puddle 1. Truck 2 checks rock 2."):
        assert_plan(text, fleet, world, task("s", T, [E1, D3], ["soil2"]), task("d", DIG, [E1], deps=["s"]),
                    task("c", T, [D2], ["rock2"]), task("p", T, [D3], ["puddle1"], deps=["s", "c"]),
                    task("u", DUMP, [D3], deps=["p"]))


# -- finding 3: "all of them" opening a sentence is every robot named so far -------------------------------------------

_DUG = (task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and loads truck 2. All of them return to base.",
    "Excavator 1 digs at soil 1 and loads truck 2. All of them park back at base.",
    "Excavator 1 digs at soil 1 and loads truck 2. The lot of them return.",
    "Excavator 1 digs at soil 1 and loads truck 2. Then the whole lot of them head back to base.",
    "Excavator 1 digs at soil 1 and loads truck 2. They all go back to start.",
])
def test_all_of_them_after_a_loading_is_the_excavator_and_the_truck(fleet, world, text):
    assert_plan(text, fleet, world, *_DUG, task("r", R, [E1, D2], deps=["l"]))


def test_all_of_them_counts_every_robot_named(fleet, world):
    assert_plan("Excavators 1 and 2 dig at soil 1 and load trucks 1 and 2. All of them return to base.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], deps=["m"]),
                task("l", LOAD, [E1, E2], deps=["d"]), task("r", R, [E1, E2, D1, D2], deps=["l"]))


def test_everyone_heads_back_stays_fleet_wide(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2. Then everyone heads back.", fleet, world,
                *_DUG, task("r", RA, [], deps=["l"]))


def test_they_after_a_loading_stays_the_subject(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2. They return to base.", fleet, world,
                *_DUG, task("r", R, [E1], deps=["l"]))


# -- finding 4: "digs at X with truck 2" is refused, naming the words ----

@pytest.mark.parametrize("text, words", [
    ("Excavator 1 digs at soil 1 with truck 2.", "with truck 2"),
    ("Excavator 1 digs at soil 1 together with truck 2.", "with truck 2"),
    ("Excavator 1 digs at soil 1 alongside truck 2.", "alongside truck 2"),
    ("Excavator 2 digs at rock 1 with dump truck 3 and loads it.", "with dump truck 3"),
])
def test_digging_with_a_truck_is_refused_naming_the_words(fleet, world, text, words):
    errors = rules_plan(text, fleet, world).errors
    assert any(words in e and "cannot dig" in e for e in errors), errors


def test_going_with_a_truck_or_digging_with_an_excavator_stays_read(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 with truck 2.", fleet, world, task("m", T, [E1, D2], ["soil1"]))
    assert_plan("Excavator 1 digs at soil 1 together with excavator 2.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], deps=["m"]))


# -- finding 5: "the remaining trucks" after a part of a group are the rest of it ----

@pytest.mark.parametrize("text", [
    "Three trucks go to soil 1. One truck then dumps at puddle 1. The remaining trucks return to base.",
    "Three trucks go to soil 1. One of them dumps at puddle 1. The remaining trucks return to base.",
    "Three trucks go to soil 1. One of them dumps at puddle 1, the remaining trucks go home.",
])
def test_the_remaining_trucks_are_the_rest_of_the_group(fleet, world, text):
    assert_plan(text, fleet, world, task("s", T, types=[("dump_truck", 3)], objs=["soil1"]),
                task("p", T, types=[("dump_truck", 1)], objs=["puddle1"], deps=["s"]),
                task("u", DUMP, types=[("dump_truck", 1)], deps=["p"]),
                task("r", R, types=[("dump_truck", 2)], deps=["s"]))


def test_the_remaining_truck_after_two_of_three_stays_one(fleet, world):
    assert_plan("Three trucks go to soil 1. Two trucks then go to rock 2. The remaining truck returns to base.",
                fleet, world, task("s", T, types=[("dump_truck", 3)], objs=["soil1"]),
                task("p", T, types=[("dump_truck", 2)], objs=["rock2"], deps=["s"]),
                task("r", R, types=[("dump_truck", 1)], deps=["s"]))
