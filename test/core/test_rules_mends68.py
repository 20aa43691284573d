"""Mends of helper M68: misreadings found on shift-handover messages that mix where the robots are now and what is
already done with the orders.

1. "Excavator 3 and truck 3 are at base. Excavator 3 and truck 3 go to rock 1." sent both home first: a state said
   of robots named one by one ("excavator 3 and truck 3", "excavator 1, truck 2 and truck 3") was read as a return,
   where the same state of "trucks 1 and 2" was a state. A subject of robots joined by "and" or commas before the
   ``state_copulas`` phrase is the state's subject just as one robot is.
2. "Excavators 1 and 3 are both at rock 2, and rock 2 has already been broken up. Truck 2 drives to rock 2 and the
   two excavators load it." made both excavators dig again, and "Obstacle 1 was inspected this morning." was refused
   for naming no robot: a place with a past or perfect passive (lexicon ``place_done_auxiliaries``: "has been",
   "was", ...) of a visit or digging verb, and nothing after it but plain words, is work done before the job: no
   step. "Soil 1 is dug by excavator 2" (present) stays an order.
3. "Truck 3 is at obstacle 2 and has already checked it.", "Excavator 1 has finished digging at soil 1 and has
   already loaded truck 2 there.", "Excavator 2 broke up rock 2 earlier and is still there." sent the robot to do
   that work again: a robot's clause whose parts, joined by "and", each report work done (a perfect, or a simple past
   with "already" or a past time word, lexicon ``report_time_words``; also of a loading) or say where it stands,
   with one place at most, is where it is now: no step. "Excavator 1 has already loaded truck 2." alone too.
4. "Truck 3 has already inspected puddle 1, so it does not need to go back there." kept truck 3 out of puddle 1: a
   robot, a negation and a phrase of need (lexicon ``unneeded_phrases``: "need to", "have to") before a visit or
   digging verb spares it the work: no step, no keep-out. "must not go" and "does not go" stay keep-outs.
5. "When truck 2 has dumped, the keep-out on obstacle 2 is lifted for everyone and truck 1 goes to inspect obstacle
   2." sent the whole fleet to obstacle 2: the robots after a keep-out's "for" end there, as a passive's agents
   after "by" do, so "and truck 1 goes" opens a clause of its own.
6. "Excavator 1 is at soil 1, which has been dug already." made excavator 1 dig (the relative "which" was read as
   the robot), and "Dump truck 3 is at soil 1 and has already been loaded there." was refused ("no excavator to load
   the truck"): a relative after a comma with a done passive of a digging or visit verb is finding 2's remark on the
   place, and a truck's perfect passive of loading is finding 3's report: no step.
7. "Truck 3 is at obstacle 2 and has already checked it, and soil 2 was dug yesterday, so there is no digging
   today." sent excavator 1 (named next) to obstacle 2 to dig: "there", a form of "be", "no" (lexicon
   ``type_negations``) and a digging or visit verb is work not asked for: no step ("There is no truck at rock 2"
   stays refused as a fact or a keep-out).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "<robot> and <robot> are at base" is a state, no return ---------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 and truck 3 are at base. Excavator 3 and truck 3 go to rock 1.",
    "Status update: excavator 3 and truck 3 are still at base. Excavator 3 and truck 3 go to rock 1.",
    "Excavator 3, truck 1 and truck 3 are at base. Excavator 3 and truck 3 go to rock 1.",
])
def test_robots_named_one_by_one_at_base_are_a_state(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E3, D3], ["rock1"]))


def test_robots_named_one_by_one_at_a_place_are_a_state(fleet, world):
    assert_plan("Excavator 1 and truck 2 are at soil 1. Excavator 1 digs there. Truck 1 goes to puddle 1.",
                fleet, world, task("g", DIG, [E1]), task("m", T, [D1], ["puddle1"]))


# -- finding 2: "<place> has already been dug / was inspected this morning" is done, no step ------------------------


@pytest.mark.parametrize("text", [
    "Excavators 1 and 3 are both at rock 2, and rock 2 has already been broken up. Truck 2 drives to rock 2 and the "
    "two excavators load it.",
    "Excavators 1 and 3 are both at rock 2. Rock 2 has been dug already. Truck 2 drives to rock 2 and the two "
    "excavators load it.",
    "Excavators 1 and 3 are both at rock 2, and rock 2 was excavated yesterday. Truck 2 drives to rock 2 and the "
    "two excavators load it.",
])
def test_a_place_dug_before_the_job_is_not_dug_again(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2], ["rock2"]), task("u", LOAD, [E1, E3], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Obstacle 1 was inspected this morning. Truck 1 goes to puddle 1.",
    "Handover: obstacle 1 has already been checked. Truck 1 goes to puddle 1.",
    "Obstacle 1 and soil 2 were checked yesterday. Truck 1 goes to puddle 1.",
])
def test_a_place_visited_before_the_job_is_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle1"]))


def test_a_present_passive_with_its_robot_stays_an_order(fleet, world):
    assert_plan("Soil 1 is dug by excavator 2. Then truck 1 goes to rock 1.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], deps=["m"]),
                task("t", T, [D1], ["rock1"], deps=["g"]))


# -- finding 3: "<robot> is at X and has already checked it" / "broke up X earlier and is still there": no step ------


@pytest.mark.parametrize("text", [
    "Truck 3 is at obstacle 2 and has already checked it. Truck 3 goes to soil 2.",
    "Truck 3 already checked obstacle 2 this morning and is parked there. Truck 3 goes to soil 2.",
    "Truck 3 has inspected obstacle 2 and is still there. Truck 3 goes to soil 2.",
])
def test_a_visit_reported_with_a_state_is_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["soil2"]))


@pytest.mark.parametrize("text", [
    "Excavator 2 broke up rock 2 earlier and is still there. Excavator 2 loads truck 1.",
    "Excavator 2 dug at rock 2 yesterday and is still there. Excavator 2 loads truck 1.",
    "Excavator 2 is at rock 2 and has already dug there. Excavator 2 loads truck 1.",
])
def test_a_digging_reported_with_a_state_is_not_done_again(fleet, world, text):
    assert_plan(text, fleet, world, task("u", LOAD, [E2]))


@pytest.mark.parametrize("text", [
    "Excavator 1 has finished digging at soil 1 and has already loaded truck 2 there. Truck 2 takes its load to "
    "puddle 2 and dumps it.",
    "Excavator 1 has already loaded truck 2. Truck 2 takes its load to puddle 2 and dumps it.",
])
def test_a_loading_reported_is_not_done_again(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2], ["puddle2"]), task("d", DUMP, [D2], deps=["m"]))


def test_work_said_in_the_present_after_a_state_stays_an_order(fleet, world):
    assert_plan("Excavator 2 is already at rock 2 and digs there. Then it loads truck 1.", fleet, world,
                task("g", DIG, [E2]), task("u", LOAD, [E2], deps=["g"]))


# -- finding 4: "it does not need to go back there" spares the visit, no keep-out -----------------------------------


@pytest.mark.parametrize("text", [
    "Truck 3 has already inspected puddle 1, so it does not need to go back there. Truck 3 goes to puddle 2.",
    "Truck 3 doesn't need to go to puddle 1. Truck 3 goes to puddle 2.",
    "Truck 3 and truck 1 do not have to visit puddle 1 again. Truck 3 goes to puddle 2.",
])
def test_a_visit_not_needed_is_no_step_and_no_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["puddle2"]))


def test_a_digging_not_needed_is_no_step(fleet, world):
    assert_plan("Excavator 2 does not need to dig at rock 1. Excavator 2 goes to soil 2.", fleet, world,
                task("m", T, [E2], ["soil2"]))


@pytest.mark.parametrize("text", [
    "Truck 3 must not go to puddle 1. Truck 3 goes to puddle 2.",
    "Truck 3 does not go to puddle 1. Truck 3 goes to puddle 2.",
])
def test_a_forbidden_visit_stays_a_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D3], ["puddle1"]), task("m", T, [D3], ["puddle2"], deps=["k"]))


# -- finding 5: "... lifted for everyone and truck 1 goes to X": truck 1 alone goes ---------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 dumps at puddle 2. When truck 2 has dumped, the keep-out on obstacle 2 is lifted for everyone and "
    "truck 1 goes to inspect obstacle 2.",
    "Truck 2 dumps at puddle 2. Then lift the keep-out on obstacle 2 for everyone and truck 1 goes to obstacle 2.",
    "Truck 2 dumps at puddle 2. Then the keep-out on obstacle 2 is lifted for all robots and truck 1 drives to "
    "obstacle 2.",
])
def test_a_robot_after_a_lifting_for_everyone_goes_alone(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2], ["puddle2"]), task("d", DUMP, [D2], deps=["m"]),
                task("a", ALA, [], ["obstacle2"], deps=["d"]), task("t", T, [D1], ["obstacle2"], deps=["a"]))


def test_a_robot_after_a_lifting_for_some_goes_alone(fleet, world):
    assert_plan("Truck 2 dumps at puddle 2. Then the keep-out on obstacle 2 is lifted for trucks 1 and 3 and truck 1 "
                "goes to obstacle 2.", fleet, world,
                task("m", T, [D2], ["puddle2"]), task("d", DUMP, [D2], deps=["m"]),
                task("a", AL, [D1, D3], ["obstacle2"], deps=["d"]), task("t", T, [D1], ["obstacle2"], deps=["a"]))


# -- finding 6: ", which has been dug already" and "has already been loaded there" are done ------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 is at soil 1, which has been dug already. Truck 1 drives to soil 1 and excavator 1 loads it there.",
    "Excavator 1 is parked at soil 1, which was excavated yesterday. Truck 1 drives to soil 1 and excavator 1 loads "
    "it there.",
])
def test_a_place_dug_before_said_in_a_relative_is_not_dug_again(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["soil1"]), task("u", LOAD, [E1], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Dump truck 3 is at soil 1 and has already been loaded there. It drives to puddle 1 and tips its load.",
    "Dump truck 3 has already been loaded. It drives to puddle 1 and tips its load.",
])
def test_a_truck_loaded_before_is_not_loaded_again(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["puddle1"]), task("d", DUMP, [D3], deps=["m"]))


# -- finding 7: "so there is no digging today" asks for nothing -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 3 is at obstacle 2 and has already checked it, and soil 2 was dug yesterday, so there is no digging "
    "today. Excavator 1 goes to soil 2.",
    "Excavator 1 is at base. There is no digging at soil 2 today. Excavator 1 goes to soil 2.",
    "Soil 2 was dug yesterday, so there's no digging there today. Excavator 1 goes to soil 2.",
])
def test_no_digging_is_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil2"]))
