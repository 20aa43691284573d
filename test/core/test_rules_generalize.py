"""General reading mechanisms of the rules planner, each with instructions written for these
tests only (none is in the benchmark or the examples) and the plan the benchmark conventions
(bench/data/README.md) prescribe."""

from __future__ import annotations

from rules_helpers import (
    AV,
    AVA,
    D1,
    D2,
    D3,
    DIG,
    DUMP,
    E1,
    E2,
    E3,
    LOAD,
    RA,
    TRUCK_LOAD,
    R,
    T,
    assert_plan,
    plan,
    task,
)


# -- pronouns: the referent must be able to do the work --------------------------------------------
def test_they_skips_robots_that_cannot_dig(fleet, world):
    # the trucks are named last, but trucks cannot dig: "they" are the excavators
    assert_plan("Excavators 2 and 3 drive to rock 1 and rock 2 respectively after trucks 1 and 3 have "
                "visited puddle 2. Then they both dig.", fleet, world,
                task("p", T, [D1, D3], ["puddle2"]),
                task("a", T, [E2], ["rock1"], ["p"]), task("b", T, [E3], ["rock2"], ["p"]),
                task("x", DIG, [E2], deps=["a"]), task("y", DIG, [E3], deps=["b"]))


def test_he_who_loads_a_named_truck_is_the_excavator(fleet, world):
    # "he" would be the truck just named, but a truck loads nobody: the excavator does
    assert_plan("Excavator 3 digs at soil 2 and truck 2 drives to soil 2. Once the digging is over, he fills "
                "truck 2.", fleet, world,
                task("a", T, [E3, D2], ["soil2"]), task("x", DIG, [E3], deps=["a"]),
                task("l", LOAD, [E3], deps=["x"]))


def test_floating_both_after_named_robots_adds_nobody(fleet, world):
    assert_plan("Truck 3 heads to obstacle 2. In parallel excavator 2 and truck 1 both drive to soil 2.",
                fleet, world,
                task("a", T, [D3], ["obstacle2"]), task("b", T, [E2, D1], ["soil2"]))


# -- anchors ------------------------------------------------------------------------------------------
def test_verbless_anchor_ends_at_the_subject(fleet, world):
    assert_plan("Excavator 1 drives to soil 2. Once there it digs.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("x", DIG, [E1], deps=["a"]))


def test_anchor_with_two_robots_each_doing_their_own_work(fleet, world):
    # the anchor names work nobody was given yet: each robot does its own part
    assert_plan("Excavator 3 goes to rock 1 only after truck 2 has visited soil 1 and truck 3 has visited "
                "obstacle 1.", fleet, world,
                task("a", T, [D2], ["soil1"]), task("b", T, [D3], ["obstacle1"]),
                task("c", T, [E3], ["rock1"], ["a", "b"]))


def test_each_in_an_anchor_makes_every_robot_wait_for_its_own_step(fleet, world):
    assert_plan("Trucks 1 and 2 drive to rock 2 and soil 1 respectively. As soon as each truck has arrived, "
                "it tips its load.", fleet, world,
                task("a", T, [D1], ["rock2"]), task("b", T, [D2], ["soil1"]),
                task("c", DUMP, [D1], deps=["a"]), task("d", DUMP, [D2], deps=["b"]))


def test_every_truck_binds_the_it_of_its_anchor(fleet, world):
    assert_plan("Excavator 2 is already at soil 1 and digs there. Trucks 2 and 3 come to soil 1; excavator 2 "
                "loads truck 2 and then truck 3. Each truck heads home once it is full.", fleet, world,
                task("x", DIG, [E2]), task("a", T, [D2, D3], ["soil1"]),
                task("l1", LOAD, [E2], deps=["x", "a"]), task("l2", LOAD, [E2], deps=["l1"]),
                task("h2", R, [D2], deps=["l1"]), task("h3", R, [D3], deps=["l2"]))


def test_plural_subject_keeps_the_it_of_its_anchor_on_another_robot(fleet, world):
    # "the trucks ... once it is done": "it" is the excavator, both trucks wait for its digging
    assert_plan("An excavator digs at soil 2, and two trucks come to soil 2 once it is done.", fleet, world,
                task("a", T, types=[("excavator", 1)], objs=["soil2"]),
                task("x", DIG, types=[("excavator", 1)], deps=["a"]),
                task("b", T, types=[("dump_truck", 2)], objs=["soil2"], deps=["x"]))


def test_anchor_naming_a_place_waits_for_the_work_done_there(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and excavator 2 digs at rock 2. Truck 3 drives to rock 2 once the "
                "rock has been dug.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("x", DIG, [E1], deps=["a"]),
                task("b", T, [E2], ["rock2"]), task("y", DIG, [E2], deps=["b"]),
                task("c", T, [D3], ["rock2"], ["y"]))


def test_there_before_a_trailing_anchor_is_the_place_said_before_it(fleet, world):
    assert_plan("Excavator 1 drives to rock 1. Truck 2 joins it there after passing by puddle 2.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("p", T, [D2], ["puddle2"]),
                task("b", T, [D2], ["rock1"], ["p"]))


def test_sentence_initial_at_the_same_time_as_only_says_when(fleet, world):
    assert_plan("Everybody returns to start. Then excavator 3 heads to soil 1. At the same time as excavator 3 "
                "leaves base, truck 1 checks rock 2.", fleet, world,
                task("h", RA), task("a", T, [E3], ["soil1"], ["h"]), task("b", T, [D1], ["rock2"], ["h"]))


# -- verbs and phrases ---------------------------------------------------------------------------------
def test_send_a_robot_to_do_something_at_a_place(fleet, world):
    assert_plan("Send truck 2 to inspect obstacle 1 and excavator 1 to look at puddle 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", T, [E1], ["puddle1"]))


def test_will_already_be_at_needs_no_move(fleet, world):
    assert_plan("Excavator 3 will already be at rock 2; it just digs.", fleet, world, task("x", DIG, [E3]))


def test_every_other_robot_is_the_fleet_less_those_named(fleet, world):
    assert_plan("Truck 1 goes to soil 2 while every other robot keeps away from soil 2.", fleet, world,
                task("a", T, [D1], ["soil2"]), task("b", AV, [E1, E2, E3, D2, D3], ["soil2"]))


def test_leave_for_and_drive_past_are_moves(fleet, world):
    assert_plan("Truck 3 drives past obstacle 1, then leaves for puddle 2.", fleet, world,
                task("a", T, [D3], ["obstacle1"]), task("b", T, [D3], ["puddle2"], ["a"]))


def test_in_the_same_moment_is_parallel(fleet, world):
    assert_plan("Nobody may enter rock 1. Excavator 2 go to soil 1, and truck 2 go also to soil 1 in the same "
                "moment. He dig, then he fill truck 2, and truck 2 do his own loading step.", fleet, world,
                task("k", AVA, objs=["rock1"]), task("a", T, [E2, D2], ["soil1"], ["k"]),
                task("x", DIG, [E2], deps=["a"]), task("l", LOAD, [E2], deps=["x"]),
                task("t", TRUCK_LOAD, [D2], deps=["l"]))


def test_radio_preamble_addresses_nobody(fleet, world):
    g = plan("Base to all units: truck 1 to rock 1. Over.", fleet, world)
    assert [(s.skill, s.robot_ids) for s in g.subtasks] == [(T, (D1,))]


def test_loadings_said_in_order_are_separate_steps(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 while trucks 2 and 3 drive to soil 1. Excavator 1 fills truck 3 first "
                "and truck 2 after that.", fleet, world,
                task("a", T, [E1, D2, D3], ["soil1"]), task("x", DIG, [E1], deps=["a"]),
                task("l1", LOAD, [E1], deps=["x"]), task("l2", LOAD, [E1], deps=["l1"]))


def test_a_passive_with_then_keeps_its_subject(fleet, world):
    assert_plan("Obstacle 2 is to be checked by truck 1. Rock 1 is then to be broken up by excavator 3.", fleet, world,
                task("a", T, [D1], ["obstacle2"]), task("b", T, [E3], ["rock1"], ["a"]),
                task("x", DIG, [E3], deps=["b"]))


def test_at_the_same_time_as_a_robot_shares_its_start(fleet, world):
    # the truck leaves with the excavator (after the fence), so both moves are one task
    assert_plan("Truck 1 inspects rock 1, after which all robots avoid rock 1. Excavator 3 then goes to soil 2 to "
                "dig, and the soil is loaded into truck 2, which drives to soil 2 at the same time as excavator 3.",
                fleet, world,
                task("i", T, [D1], ["rock1"]), task("k", AVA, objs=["rock1"], deps=["i"]),
                task("a", T, [E3, D2], ["soil2"], ["k"]), task("x", DIG, [E3], deps=["a"]),
                task("l", LOAD, [E3], deps=["x"]))


def test_already_at_a_place_then_a_verb_moves_nobody(fleet, world):
    assert_plan("Excavator 2 is already at rock 1 and breaks it up; then it returns to start.", fleet, world,
                task("x", DIG, [E2]), task("h", R, [E2], deps=["x"]))


def test_a_loading_said_twice_is_one_step(fleet, world):
    # the excavator's order and the truck's order speak of the same loading
    assert_plan("Excavator 2: drive to rock 2, dig, and fill truck 1 when it gets there. Truck 1: head to rock 2, "
                "get loaded, then go home.", fleet, world,
                task("a", T, [E2, D1], ["rock2"]), task("x", DIG, [E2], deps=["a"]),
                task("l", LOAD, [E2], deps=["x"]), task("h", R, [D1], deps=["l"]))


def test_a_third_without_a_noun_is_another_robot_of_the_type_just_named(fleet, world):
    assert_plan("Send a couple of trucks to puddle 1 and a third to obstacle 2.", fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["puddle1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["obstacle2"]))


def test_a_colon_before_the_list_of_places(fleet, world):
    assert_plan("Trucks 1 and 3 drive to their posts: rock 2 and soil 1 respectively.", fleet, world,
                task("a", T, [D1], ["rock2"]), task("b", T, [D3], ["soil1"]))


def test_but_first_puts_the_later_clause_before(fleet, world):
    assert_plan("Excavator 1 digs at rock 2, but first it has to inspect obstacle 1.", fleet, world,
                task("a", T, [E1], ["obstacle1"]), task("b", T, [E1], ["rock2"], ["a"]),
                task("x", DIG, [E1], deps=["b"]))


def test_before_that_in_the_next_sentence(fleet, world):
    assert_plan("Truck 3 drives to soil 2 and unloads. Before that, it swings by puddle 1.", fleet, world,
                task("a", T, [D3], ["puddle1"]), task("b", T, [D3], ["soil2"], ["a"]),
                task("d", DUMP, [D3], deps=["b"]))


def test_after_driving_there_names_the_clause_place(fleet, world):
    assert_plan("Excavator 2 digs at soil 1 after driving there.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("x", DIG, [E2], deps=["a"]))


def test_an_anchor_ends_at_its_pronoun_subject(fleet, world):
    # "when it is done it goes back": the second "it" starts the main clause
    assert_plan("Excavator 3 digs at rock 1, and when it is done it goes back to base.", fleet, world,
                task("a", T, [E3], ["rock1"]), task("x", DIG, [E3], deps=["a"]), task("h", R, [E3], deps=["x"]))


def test_it_that_tips_is_the_truck(fleet, world):
    assert_plan("Excavator 1 and truck 2 go to soil 2, where the excavator fills the truck. Truck 2 then hauls "
                "the soil to rock 1, where it tips it.", fleet, world,
                task("a", T, [E1, D2], ["soil2"]), task("l", LOAD, [E1], deps=["a"]),
                task("b", T, [D2], ["rock1"], ["l"]), task("d", DUMP, [D2], deps=["b"]))


def test_the_inspection_can_be_the_purpose_of_a_move(fleet, world):
    assert_plan("Send truck 3 to obstacle 2 to inspect it; after the inspection every robot avoids obstacle 2.",
                fleet, world,
                task("a", T, [D3], ["obstacle2"]), task("k", AVA, objs=["obstacle2"], deps=["a"]))


def test_stay_clear_of_is_a_keepout(fleet, world):
    assert_plan("Truck 1 and truck 2 should stay clear of soil 2 from now on.", fleet, world,
                task("k", AV, [D1, D2], ["soil2"]))


def test_an_anchor_may_name_a_return_said_only_later(fleet, world):
    assert_plan("Excavator 3 may go to rock 1 only once truck 1 is back at base. Truck 1, return to base now.",
                fleet, world,
                task("h", R, [D1]), task("a", T, [E3], ["rock1"], ["h"]))


def test_a_purpose_after_an_anchor_belongs_to_the_main_clause(fleet, world):
    # "... once the digging is done, to be loaded by the excavator": the truck's purpose, the anchor gates its move
    assert_plan("Excavator 1 digs at soil 2. Truck 3 drives to soil 2 once the digging is done to be loaded by the "
                "excavator, and then takes the load to rock 1 to dump it.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("x", DIG, [E1], deps=["a"]),
                task("b", T, [D3], ["soil2"], ["x"]), task("l", LOAD, [E1], deps=["b"]),
                task("c", T, [D3], ["rock1"], ["l"]), task("d", DUMP, [D3], deps=["c"]))


def test_the_ordinal_after_a_counted_group_is_the_one_left_over(fleet, world):
    assert_plan("Two trucks go to obstacle 1, and the third truck goes to obstacle 2.", fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["obstacle1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["obstacle2"]))


def test_the_ordinal_alone_is_the_robot_of_that_number(fleet, world):
    assert_plan("The third truck goes to obstacle 2.", fleet, world, task("b", T, [D3], ["obstacle2"]))


def test_after_that_truck_is_an_anchor_not_then(fleet, world):
    assert_plan("Truck 1 goes to soil 2 and dumps. After that truck has dumped, every robot avoids soil 2.",
                fleet, world,
                task("a", T, [D1], ["soil2"]), task("d", DUMP, [D1], deps=["a"]),
                task("k", AVA, objs=["soil2"], deps=["d"]))


def test_after_that_with_a_numbered_robot_is_still_then(fleet, world):
    assert_plan("Truck 1 goes to soil 2. After that truck 1 dumps at rock 1.", fleet, world,
                task("a", T, [D1], ["soil2"]), task("b", T, [D1], ["rock1"], ["a"]),
                task("d", DUMP, [D1], deps=["b"]))


def test_an_anchor_covers_a_conjunct_after_a_comma(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 while truck 2 checks rock 2. Once truck 2 is done, every robot avoids "
                "rock 2, and excavator 1 heads home.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("x", DIG, [E1], deps=["a"]),
                task("b", T, [D2], ["rock2"]), task("k", AVA, objs=["rock2"], deps=["b"]),
                task("h", R, [E1], deps=["x", "b"]))


def test_follows_waits_for_the_robot_followed(fleet, world):
    assert_plan("Truck 2 drives to rock 1. Excavator 3 follows truck 2 to rock 1 and digs.", fleet, world,
                task("a", T, [D2], ["rock1"]), task("b", T, [E3], ["rock1"], ["a"]),
                task("x", DIG, [E3], deps=["b"]))


def test_joins_a_robot_goes_where_it_is(fleet, world):
    assert_plan("Excavator 1 heads to rock 2 and excavator 2 to soil 1. Truck 3 joins excavator 1 and truck 1 joins "
                "excavator 2.", fleet, world,
                task("a", T, [E1, D3], ["rock2"]), task("b", T, [E2, D1], ["soil1"]))


def test_one_each_pairs_robots_with_places(fleet, world):
    assert_plan("Trucks 2 and 3 drive to soil 1 and obstacle 2, one each, then come home.", fleet, world,
                task("a", T, [D2], ["soil1"]), task("b", T, [D3], ["obstacle2"]),
                task("c", R, [D2], deps=["a"]), task("d", R, [D3], deps=["b"]))


def test_and_loaded_by_after_an_anchor_is_the_main_subject_being_loaded(fleet, world):
    assert_plan("Excavator 2 digs at rock 1; truck 1 is to be sent to rock 1 once the digging is complete and "
                "loaded by the excavator.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("x", DIG, [E2], deps=["a"]),
                task("b", T, [D1], ["rock1"], ["x"]), task("l", LOAD, [E2], deps=["b"]))


def test_both_robots_are_the_two_just_named(fleet, world):
    assert_plan("Excavator 3 and truck 3 drive to soil 2. Then both robots return to start.", fleet, world,
                task("a", T, [E3, D3], ["soil2"]), task("h", R, [E3, D3], deps=["a"]))


def test_it_after_an_inspection_verb_in_an_anchor_is_the_place(fleet, world):
    assert_plan("All robots must avoid puddle 2 once truck 2 has inspected it.", fleet, world,
                task("a", T, [D2], ["puddle2"]), task("k", AVA, objs=["puddle2"], deps=["a"]))


def test_which_without_a_comma_opens_a_relative_clause(fleet, world):
    assert_plan("Excavator 2 goes to rock 1 and digs, then it fills truck 3 which is waiting there.", fleet, world,
                task("a", T, [E2, D3], ["rock1"]), task("x", DIG, [E2], deps=["a"]),
                task("l", LOAD, [E2], deps=["x"]))


def test_kept_out_of_is_a_keepout(fleet, world):
    assert_plan("The whole fleet must be kept out of obstacle 1.", fleet, world, task("k", AVA, objs=["obstacle1"]))


def test_they_after_a_roll_call_is_every_robot_called(fleet, world):
    assert_plan("Excavator one, go to rock one. Excavator two, go to rock two. Truck three, go to soil one. When "
                "they have all arrived, every robot avoids puddle 1.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", T, [E2], ["rock2"]), task("c", T, [D3], ["soil1"]),
                task("k", AVA, objs=["puddle1"], deps=["a", "b", "c"]))


def test_both_trucks_are_the_two_groups_of_one(fleet, world):
    assert_plan("A truck goes to soil 1 and a different truck goes to soil 2. Both trucks then return to start.",
                fleet, world,
                task("a", T, types=[("dump_truck", 1)], objs=["soil1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["soil2"]),
                task("c", R, types=[("dump_truck", 1)], deps=["a"]),
                task("d", R, types=[("dump_truck", 1)], deps=["b"]))


def test_every_excavator_after_groups_covering_the_type_is_one_selection(fleet, world):
    assert_plan("Two excavators dig at rock 1 and another excavator digs at rock 2. When all the digging is done, "
                "every excavator returns to base.", fleet, world,
                task("a", T, types=[("excavator", 2)], objs=["rock1"]),
                task("x", DIG, types=[("excavator", 2)], deps=["a"]),
                task("b", T, types=[("excavator", 1)], objs=["rock2"]),
                task("y", DIG, types=[("excavator", 1)], deps=["b"]),
                task("h", R, types=[("excavator", 3)], deps=["x", "y"]))


def test_after_a_gerund_is_the_robots_own_step_before_the_last(fleet, world):
    assert_plan("Truck 2 checks obstacle 1 and then waits at soil 2. Excavator 3 goes to soil 2 and fills truck 2 "
                "after digging.", fleet, world,
                task("c", T, [D2], ["obstacle1"]), task("b", T, [D2], ["soil2"], ["c"]),
                task("a", T, [E3], ["soil2"]), task("x", DIG, [E3], deps=["a"]),
                task("l", LOAD, [E3], deps=["x", "b"]))


def test_an_anchor_without_a_robot_is_each_robots_own_event(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1, and excavator 2 and truck 2 go to soil 2. Excavator 1 digs "
                "and loads truck 1; excavator 2 digs and loads truck 2. Once loaded, both trucks head home.",
                fleet, world,
                task("a", T, [E1, D1], ["soil1"]), task("b", T, [E2, D2], ["soil2"]),
                task("x", DIG, [E1], deps=["a"]), task("y", DIG, [E2], deps=["b"]),
                task("l", LOAD, [E1], deps=["x"]), task("m", LOAD, [E2], deps=["y"]),
                task("h", R, [D1], deps=["l"]), task("i", R, [D2], deps=["m"]))
