"""Mends of helper M123: misreadings found by rewording dev lines L3_676-L3_747 in other voices (other word order,
connectives, verbs, robots named another way).

1. "Truck 2 goes to soil 1 and gets loaded by the excavator at soil 1." after one excavator went to soil 1 and another
   to soil 2 took the excavator named last (the one at soil 2) and sent it over to soil 1: in a passive loading,
   "by the <type> at <place>" picks the robot of that type standing there, as "the excavator there" does; the place
   stays the loading's.
2. "... gets loaded by the rock 1 excavator" (a place said before the robot noun, as a modifier) was read as the
   place "the rock 1" and a bare "excavator", the loading taken from the truck and its next steps given to the
   excavator: "the <place> <type>" is "the <type> at <place>".
3. "Truck 1 inspects rock 2. Once the rock is broken, truck 2 goes to rock 1." (rock 1 broken up, soil 2 dug) waited for
   every digging: "the rock" is the rock named last, where nothing was dug; the digging meant is the one at a place of
   that kind.
4. "Dump truck 3 checks puddle 1; after that check, excavator 3 and truck 2 keep away from puddle 1." waited for every
   move of excavator 3 and truck 2 as well: "that check" is read as "the check" is, the check said last.
5. "The survey crew is working at soil 1 today, so all robots keep away from soil 1." was refused (no robot named for
   the first clause), and "A gas line runs under obstacle 2, so ..." was taken for a goal no step served: a clause
   before ", so <keep-out>" that opens with a plain word and has no robot and no verb we know says how things are,
   the reason for the keep-out, as "the pumps are running at puddle 2, so ..." already was.
6. "Trucks 2 and 3 must stay clear of rocks 1 and 2 from the beginning, while the rocks get broken up." was refused
   (the trucks made to dig): "get" / "gets" before a digging verb is a passive of the place worked on, as "is being"
   is (lexicon ``frame_passive_words``), a time frame, no step.
7. "... and then all robots meet at puddle 2 to look at it together." was refused (no place to go to for 'look at'):
   a check of "it" in the purpose of the whole fleet's move is made where the fleet just went, as "goes to obstacle 2
   to check it" already was for named robots.
8. "Excavator 1 breaks up rock 2 with nobody else around." sent all three excavators to dig at rock 2: a negated
   robot mention after a word of company ("with nobody else", "with no other robot") is no robot going along.
9. "Trucks 1 and 2 keep away from puddle 2 since a loaded truck could sink." kept one more truck out of puddle 2: a
   reason whose robot has an article and a word of its state before it ("a loaded truck", "an empty truck") is read
   as one with the robot right after its opener ("since a truck could sink"): a remark, no step.
10. "An excavator digs at soil 2 and another breaks up rock 1. Truck 1 goes to soil 2 and gets loaded by the
    excavator." had the excavator at rock 1 (named last) load the truck at soil 2: "the / that <type>" as the loader
    of a truck standing where that robot is not is the one of the type standing beside the truck, when there is one.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, TA, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

EX1 = [("excavator", 1)]
TWO_SITES = "An excavator goes to soil 1 and digs, and a second excavator goes to soil 2 and digs. "


def _two_sites(*more):
    return (task("m1", T, [], ["soil1"], types=EX1), task("g1", DIG, [], [], ["m1"], types=EX1),
            task("m2", T, [], ["soil2"], types=EX1), task("g2", DIG, [], [], ["m2"], types=EX1), *more)


# -- finding 1: "gets loaded by the excavator at <place>" ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    TWO_SITES + "Truck 2 goes to soil 1 and gets loaded by the excavator at soil 1.",
    TWO_SITES + "Truck 2 goes to soil 1 and is loaded by the excavator at soil 1.",
    TWO_SITES + "Truck 2 drives to soil 1, gets loaded by the excavator at soil 1.",
])
def test_loaded_by_the_excavator_at_a_place_is_the_one_standing_there(fleet, world, text):
    assert_plan(text, fleet, world, *_two_sites(
        task("t", T, [D2], ["soil1"]), task("l", LOAD, [], [], ["g1", "t"], types=EX1)))


def test_loaded_by_the_excavator_at_the_place_it_went_to_last(fleet, world):
    assert_plan(TWO_SITES + "Truck 2 drives to soil 1; the excavator at soil 1 loads it. Truck 2 then goes to soil 2 "
                "and gets loaded by the excavator at soil 2.", fleet, world, *_two_sites(
                    task("t1", T, [D2], ["soil1"]), task("l1", LOAD, [], [], ["g1", "t1"], types=EX1),
                    task("t2", T, [D2], ["soil2"], ["l1"]), task("l2", LOAD, [], [], ["g2", "t2"], types=EX1)))


# -- finding 2: "the rock 1 excavator" -----------------------------------------------------------------------------

ROCK_AND_SOIL = "An excavator heads to soil 2 to dig, and another excavator heads to rock 1 to break it up. "


def _rock_and_soil(*more):
    return (task("m1", T, [], ["soil2"], types=EX1), task("g1", DIG, [], [], ["m1"], types=EX1),
            task("m2", T, [], ["rock1"], types=EX1), task("g2", DIG, [], [], ["m2"], types=EX1), *more)


@pytest.mark.parametrize("text", [
    ROCK_AND_SOIL + "Dump truck 2 goes to rock 1 after the rock is broken up, gets loaded by the rock 1 excavator, "
    "and brings the rubble back to base to unload it.",
    ROCK_AND_SOIL + "Dump truck 2 goes to rock 1 after the rock is broken up, and the rock 1 excavator loads it; the "
    "truck then brings the rubble back to base to unload it.",
])
def test_the_place_before_the_robot_noun_picks_the_robot_there(fleet, world, text):
    assert_plan(text, fleet, world, *_rock_and_soil(
        task("t", T, [D2], ["rock1"], ["g2"]), task("l", LOAD, [], [], ["t"], types=EX1),
        task("r", R, [D2], [], ["l"]), task("d", DUMP, [D2], [], ["r"])))


def test_the_place_before_the_robot_noun_as_a_subject(fleet, world):
    assert_plan(TWO_SITES + "Truck 2 drives to soil 1, and the soil 1 excavator loads it.", fleet, world, *_two_sites(
        task("t", T, [D2], ["soil1"]), task("l", LOAD, [], [], ["g1", "t"], types=EX1)))


# -- finding 3: "once the rock is broken" after another rock was named ----------------------------------------------

@pytest.mark.parametrize("anchor", ["Once the rock is broken", "Once the rock has been broken up",
                                    "As soon as the rock is broken up"])
def test_the_rock_broken_is_the_rock_dug_not_the_rock_named_last(fleet, world, anchor):
    assert_plan(f"Excavator 1 digs at soil 2 and excavator 2 breaks up rock 1. Truck 1 inspects rock 2. {anchor}, "
                "dump truck 2 goes to rock 1.", fleet, world,
                task("m1", T, [E1], ["soil2"]), task("g1", DIG, [E1], [], ["m1"]),
                task("m2", T, [E2], ["rock1"]), task("g2", DIG, [E2], [], ["m2"]),
                task("c", T, [D1], ["rock2"]), task("t", T, [D2], ["rock1"], ["g2"]))


def test_the_rock_broken_after_a_dump_at_the_other_rock(fleet, world):
    assert_plan("An excavator drives to soil 2 and digs there; a second excavator drives to rock 1 and breaks up the "
                "rock. Dump truck 1 goes to soil 2, is loaded by the excavator there, then takes the soil to rock 2 "
                "and dumps it. Once the rock has been broken, dump truck 2 goes to rock 1.", fleet, world,
                task("m1", T, [], ["soil2"], types=EX1), task("g1", DIG, [], [], ["m1"], types=EX1),
                task("m2", T, [], ["rock1"], types=EX1), task("g2", DIG, [], [], ["m2"], types=EX1),
                task("t1", T, [D1], ["soil2"]), task("l1", LOAD, [], [], ["g1", "t1"], types=EX1),
                task("h", T, [D1], ["rock2"], ["l1"]), task("d", DUMP, [D1], [], ["h"]),
                task("t2", T, [D2], ["rock1"], ["g2"]))


# -- finding 4: "after that check," ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 3 drives to rock 1. Truck 2 goes to rock 1. Meanwhile dump truck 3 checks puddle 1; after that check, "
    "excavator 3 and truck 2 keep away from puddle 1.",
    "Excavator 3 drives to rock 1. Truck 2 goes to rock 1. Meanwhile dump truck 3 checks puddle 1. After that check, "
    "excavator 3 and truck 2 keep away from puddle 1.",
    "Excavator 3 drives to rock 1. Truck 2 goes to rock 1. Meanwhile dump truck 3 inspects puddle 1. After that "
    "inspection, excavator 3 and truck 2 keep away from puddle 1.",
])
def test_after_that_check_waits_for_the_check_said_last(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E3, D2], ["rock1"]), task("c", T, [D3], ["puddle1"]),
                task("k", AV, [E3, D2], ["puddle1"], ["c"]))


# -- finding 5: how things are, before ", so <keep-out>" ------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("The survey crew is working at soil 1 today, so all robots keep away from soil 1.", "soil1"),
    ("A gas line runs under obstacle 2, so all robots avoid obstacle 2 from the start.", "obstacle2"),
    ("The survey crew works at soil 1 today, so all robots keep away from it.", "soil1"),
])
def test_a_remark_of_how_things_are_before_so_is_the_reason_for_the_keep_out(fleet, world, text, place):
    assert_plan(text + " One excavator heads to rock 1 and breaks it up.", fleet, world,
                task("k", AVA, [], [place]), task("m", T, [], ["rock1"], ["k"], types=EX1),
                task("g", DIG, [], [], ["m"], types=EX1))


def test_a_remark_with_its_place_as_it(fleet, world):
    assert_plan("The ground at soil 1 is soft, so trucks 1 and 2 keep away from it. Truck 1 goes to puddle 1.",
                fleet, world, task("k", AV, [D1, D2], ["soil1"]), task("m", T, [D1], ["puddle1"], ["k"]))


def test_an_order_before_so_stays_an_order(fleet, world):
    assert_plan("Truck 3 goes to soil 1, so trucks 1 and 2 keep away from soil 1.", fleet, world,
                task("m", T, [D3], ["soil1"]), task("k", AV, [D1, D2], ["soil1"]))


# -- finding 6: "while the rocks get broken up" ---------------------------------------------------------------------

@pytest.mark.parametrize("frame", ["while the rocks get broken up", "while they get broken up",
                                   "while the rocks are getting broken up"])
def test_a_get_passive_of_the_place_worked_on_is_a_time_frame(fleet, world, frame):
    assert_plan(f"Dump trucks 2 and 3 must stay clear of rocks 1 and 2 from the beginning, {frame}. Excavator 1 "
                "breaks up rock 1.", fleet, world,
                task("k", AV, [D2, D3], ["rock1", "rock2"]), task("m", T, [E1], ["rock1"]),
                task("g", DIG, [E1], [], ["m"]))


def test_the_get_passive_frame_words_come_from_the_lexicon(fleet, world):
    text = "Trucks 1 and 2 keep away from rock 1 while it gets broken up. Excavator 1 breaks up rock 1."
    assert not rules_plan(text, fleet, world).errors
    assert rules_plan(text, fleet, world, _lexicon(frame_passive_words=["is being"])).errors


# -- finding 7: "all robots meet at puddle 2 to look at it" -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Everyone gathers at puddle 2 to inspect it.",
    "The whole fleet goes to puddle 2 to check it.",
    "All robots meet at puddle 2 to look at it together.",
])
def test_the_fleet_checks_it_where_it_went(fleet, world, text):
    assert_plan(text, fleet, world, task("g", TA, [], ["puddle2"]))


def test_the_fleet_checks_it_after_the_work_before(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Then all robots meet at puddle 2 to look at it together.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("g", TA, [], ["puddle2"], ["m"]))


# -- finding 8: "with nobody else around" ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 1 breaks up rock 2 with nobody else around.",
    "Excavator 1 breaks up rock 2 with no other robot nearby.",
    "Excavator 1 goes to rock 2 with no other robots, and breaks it up.",
])
def test_a_negated_companion_is_no_robot(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["rock2"]), task("g", DIG, [E1], [], ["m"]))


def test_a_named_companion_still_goes_along(fleet, world):
    assert_plan("Truck 1 goes to soil 1 with excavator 2.", fleet, world, task("m", T, [E2, D1], ["soil1"]))


# -- finding 9: "since a loaded truck could sink" ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Trucks 1 and 2 keep away from puddle 2 since a loaded truck could sink.",
    "Trucks 1 and 2 keep away from puddle 2 because an empty truck could sink there.",
    "Trucks 1 and 2 keep away from puddle 2 since a full truck might get stuck.",
    "Trucks 1 and 2 keep away from puddle 2 since a truck could sink.",
])
def test_a_reason_about_a_robot_in_some_state_is_a_remark(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D1, D2], ["puddle2"]))


def test_a_reason_with_a_need_is_still_an_order(fleet, world):
    assert_plan("Truck 1 goes to rock 1 because the loaded trucks should avoid puddle 1.", fleet, world,
                task("m", T, [D1], ["rock1"]), task("k", AV, [], ["puddle1"], types=[("dump_truck", 3)]))


# -- finding 10: "gets loaded by the excavator" where another excavator was named last ---------------------------------

@pytest.mark.parametrize("loader", ["the excavator", "that excavator"])
def test_the_loader_is_the_one_beside_the_truck(fleet, world, loader):
    assert_plan(f"An excavator digs at soil 2 and another breaks up rock 1. Truck 1 goes to soil 2 and gets loaded by "
                f"{loader}.", fleet, world,
                task("m1", T, [], ["soil2"], types=EX1), task("g1", DIG, [], [], ["m1"], types=EX1),
                task("m2", T, [], ["rock1"], types=EX1), task("g2", DIG, [], [], ["m2"], types=EX1),
                task("t", T, [D1], ["soil2"]), task("l", LOAD, [], [], ["g1", "t"], types=EX1))


def test_the_loader_beside_the_truck_after_a_wait_for_its_digging(fleet, world):
    assert_plan("One of the excavators heads to soil 2 to dig, and another one heads to rock 1 to break it up. Dump "
                "truck 1 waits until the soil 2 digging is finished, then drives there, gets loaded by that excavator, "
                "and carries the soil to rock 2, where it dumps it.", fleet, world,
                task("m1", T, [], ["soil2"], types=EX1), task("g1", DIG, [], [], ["m1"], types=EX1),
                task("m2", T, [], ["rock1"], types=EX1), task("g2", DIG, [], [], ["m2"], types=EX1),
                task("t", T, [D1], ["soil2"], ["g1"]), task("l", LOAD, [], [], ["t"], types=EX1),
                task("h", T, [D1], ["rock2"], ["l"]), task("d", DUMP, [D1], [], ["h"]))


def test_a_named_loader_elsewhere_is_kept(fleet, world):
    assert_plan("Excavator 1 digs at soil 2 and excavator 2 breaks up rock 1. Truck 1 goes to soil 2 and gets loaded "
                "by excavator 2.", fleet, world,
                task("m1", T, [E1, D1], ["soil2"]), task("g1", DIG, [E1], [], ["m1"]),
                task("m2", T, [E2], ["rock1"]), task("g2", DIG, [E2], [], ["m2"]),
                task("l", LOAD, [E2], [], ["g2", "m1"]))
