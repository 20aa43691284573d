"""Round 8 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AV,
    D1,
    D2,
    D3,
    DIG,
    DUMP,
    E1,
    E2,
    E3,
    LOAD,
    R,
    T,
    assert_plan,
    task,
)

from dart_planner.llm.rules import rules_plan

# -- "it" after a subject and a word we do not know is a thing, not a robot ---------------------------


def test_it_as_the_object_of_an_unknown_verb_before_any_robot_is_the_job(fleet, world):
    assert_plan("Rock 1 sits in the way and we want it gone so that the lorries can get through. Excavator 3 "
                "drives to rock 1 and digs there.", fleet, world,
                task("a", T, [E3], ["rock1"]), task("b", DIG, [E3], deps=["a"]))


def test_it_after_two_robots_and_an_unknown_verb_is_not_one_of_them(fleet, world):
    assert_plan("Excavator 1 and dump truck 3 tackle it as a team: both go to soil 2, excavator 1 digs and "
                "loads truck 3, and truck 3 dumps at puddle 2.", fleet, world,
                task("a", T, [E1, D3], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", T, [D3], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D3], deps=["d"]))


def test_it_after_a_robot_named_in_an_earlier_sentence_still_refers_to_it(fleet, world):
    assert_plan("Truck 2 goes to rock 2. Excavator 1 then loads it.", fleet, world,
                task("a", T, [D2], ["rock2"]), task("b", LOAD, [E1], deps=["a"]))


# -- a robotless order before any robot, restated by the robots after it, is the job -------------------


def test_robotless_order_restated_later_is_the_goal_not_a_step(fleet, world):
    assert_plan("The plan for now: bring the dirt from soil 1 to puddle 2. Excavator 1 and truck 1 go to "
                "soil 1; excavator 1 digs and loads truck 1, and truck 1 dumps at puddle 2.", fleet, world,
                task("a", T, [E1, D1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", T, [D1], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D1], deps=["d"]))


def test_robotless_order_whose_place_is_not_restated_is_still_refused(fleet, world):
    assert rules_plan("Drive to rock 2. Truck 1 goes to soil 1.", fleet, world).errors



# -- a truck's loading said before any loader is named is made where a later sentence says it ----------


def test_purpose_loading_before_the_loader_is_named_is_made_by_the_later_loading(fleet, world):
    assert_plan("Dump truck 1, drive over to rock 2 to get loaded. Excavator 3 is already waiting at rock 2 and "
                "digs at once. When truck 1 has been loaded, it tips at puddle 1.", fleet, world,
                task("a", T, [D1], ["rock2"]), task("b", DIG, [E3]), task("c", LOAD, [E3], deps=["a", "b"]),
                task("d", T, [D1], ["puddle1"], deps=["c"]), task("e", DUMP, [D1], deps=["d"]))


def test_purpose_loading_with_no_loader_anywhere_is_still_an_error(fleet, world):
    assert rules_plan("Dump truck 1, drive over to rock 2 to get loaded. Truck 2 goes home.", fleet, world).errors


# -- "the rest ... once truck N has ..." is everyone but the robot of the anchor -----------------------


def test_the_rest_with_an_anchor_on_one_robot_is_everyone_but_that_robot(fleet, world):
    assert_plan("Excavator 3 and dump truck 1 go to soil 1; excavator 3 digs and loads truck 1, which then drives "
                "to puddle 2 and dumps. The rest of the robots go home once truck 1 has dumped.", fleet, world,
                task("a", T, [E3, D1], ["soil1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", LOAD, [E3], deps=["b"]), task("d", T, [D1], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D1], deps=["d"]),
                task("f", R, [E1, E2, E3, D2, D3], deps=["e"]))


def test_the_rest_without_an_anchor_is_still_the_robots_not_named(fleet, world):
    assert_plan("Excavator 3 goes to soil 1 and truck 1 goes to rock 2. The rest of the robots go home.",
                fleet, world,
                task("a", T, [E3], ["soil1"]), task("b", T, [D1], ["rock2"]),
                task("c", R, [E1, E2, D2, D3]))


# -- the one place of a goal sentence is where a move with no place of its own goes ---------------------


def test_placeless_move_after_a_goal_sentence_goes_to_its_one_place(fleet, world):
    assert_plan("Rock 2 has to be checked twice: excavator 2 goes first, and truck 1 heads to rock 2 once "
                "excavator 2 has got there.", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", T, [D1], ["rock2"], deps=["a"]))


def test_placeless_move_with_no_goal_sentence_is_still_an_error(fleet, world):
    assert rules_plan("Excavator 2 goes first, and truck 1 heads to rock 2 once excavator 2 has got there.",
                      fleet, world).errors


# -- a relative aside that only says where the named robot stands keeps the clause's timing ------------


def test_relative_already_aside_keeps_the_timing_of_then(fleet, world):
    assert_plan("Truck 3 drives to rock 1 and tips. Then excavator 2, which is already parked at soil 1, digs "
                "there.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", DUMP, [D3], deps=["a"]), task("c", DIG, [E2], deps=["b"]))


def test_dashed_relative_aside_in_a_conjunct_shares_the_sentence_timing(fleet, world):
    assert_plan("Truck 3 drives to rock 1 and tips. After that truck 1 heads to puddle 2, and excavator 2 - which "
                "has been standing at soil 1 all along - digs there.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", DUMP, [D3], deps=["a"]),
                task("c", T, [D1], ["puddle2"], deps=["b"]), task("d", DIG, [E2], deps=["b"]))


# -- a keep-out for some robots said to come first after their steps goes before their first step -------


def test_keepout_said_last_prior_to_these_moves_gates_the_robots_first_move(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and excavator 3 goes to rock 2. Truck 1 then drives home. Prior to any of "
                "these moves, truck 1 must keep away from puddle 1.", fleet, world,
                task("k", AV, [D1], ["puddle1"]), task("a", T, [D1], ["soil1"], deps=["k"]),
                task("b", T, [E3], ["rock2"]), task("c", R, [D1], deps=["a"]))


def test_keepout_said_first_after_the_steps_gates_a_shared_move_whole(fleet, world):
    # truck 1 and excavator 3 go to soil 1 together: one task, which the keep-out goes before
    assert_plan("Truck 1 and excavator 3 go to soil 1; excavator 3 digs there. Before all of this, truck 1 keeps "
                "away from rock 1.", fleet, world,
                task("k", AV, [D1], ["rock1"]), task("a", T, [D1, E3], ["soil1"], deps=["k"]),
                task("b", DIG, [E3], deps=["a"]))


# -- an event noun opening a sentence ("upon discharge") times every clause of it ----------------------


def test_event_noun_anchor_times_the_conjunct_with_another_robot_too(fleet, world):
    assert_plan("Excavator 2 and truck 1 go to soil 1; excavator 2 digs and loads truck 1. Truck 1 drives to "
                "puddle 2 and tips. Upon discharge, truck 1 goes home and excavator 2 inspects rock 1.",
                fleet, world,
                task("a", T, [E2, D1], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", T, [D1], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D1], deps=["d"]), task("f", R, [D1], deps=["e"]),
                task("g", T, [E2], ["rock1"], deps=["e"]))


# -- "the diggers" are the robots of the latest digging, not every excavator ----------------------------


def test_the_diggers_are_the_group_that_dug_not_the_excavator_named_since(fleet, world):
    assert_plan("All robots meet at rock 1. Then a pair of excavators digs there, the remaining excavator heads "
                "home, and the trucks wait. After the digging, the diggers load truck 3.", fleet, world,
                task("a", "target_area_for_all_robots", [], ["rock1"]),
                task("b", DIG, types=[("excavator", 2)], deps=["a"]),
                task("r", R, types=[("excavator", 1)], deps=["a"]),
                task("c", LOAD, types=[("excavator", 2)], deps=["b"]))


def test_the_diggers_named_by_number_are_those_robots(fleet, world):
    assert_plan("Excavators 1 and 3 are already at soil 2 and dig there, and excavator 2 goes to rock 1. When the "
                "digging is finished, the diggers return to start.", fleet, world,
                task("b", DIG, [E1, E3]), task("a", T, [E2], ["rock1"]), task("c", R, [E1, E3], deps=["b"]))


# -- an ordered loading "(truck 3 first)" followed by a bare comma and a new clause keeps both loadings --


def test_loading_order_then_comma_and_a_new_clause_keeps_the_second_loading(fleet, world):
    assert_plan("Excavator 2 and trucks 1 and 3 go to rock 1. Excavator 2 digs there and loads truck 1 and truck 3 "
                "(truck 3 first), each loaded truck dumps at puddle 1.", fleet, world,
                task("a", T, [E2, D1, D3], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", LOAD, [E2], deps=["c"]),
                task("e", T, [D3], ["puddle1"], deps=["c"]), task("f", DUMP, [D3], deps=["e"]),
                task("g", T, [D1], ["puddle1"], deps=["d"]), task("h", DUMP, [D1], deps=["g"]))


def test_second_ordered_loading_waits_for_the_first_not_for_other_robots_steps(fleet, world):
    # excavator 3's drive home is still open when the loadings are said; the second loading ignores it
    assert_plan("All robots gather at rock 2. Right after that, excavator 1 digs there and excavator 3 drives home. "
                "Once the digging is over, excavator 1 loads truck 2 and truck 1 (truck 2 first).", fleet, world,
                task("a", "target_area_for_all_robots", [], ["rock2"]), task("b", DIG, [E1], deps=["a"]),
                task("r", R, [E3], deps=["a"]), task("c", LOAD, [E1], deps=["b"]),
                task("d", LOAD, [E1], deps=["c"]))


# -- after robots are sent off with "each", "the excavator" is each of them -----------------------------


def test_the_excavator_after_each_went_to_its_spot_is_each_excavator(fleet, world):
    assert_plan("Excavators 1 and 3 each drive to a different spot: soil 1 and rock 2 respectively. There the "
                "excavator digs, and then the excavator returns to start.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E3], ["rock2"]),
                task("c", DIG, [E1], deps=["a"]), task("d", DIG, [E3], deps=["b"]),
                task("e", R, [E1], deps=["c"]), task("f", R, [E3], deps=["d"]))


def test_the_excavator_and_the_truck_after_each_team_went_to_its_site(fleet, world):
    assert_plan("Team A, excavator 3 with truck 1, and team B, excavator 1 with truck 2, each head together to "
                "their site - rock 1 for team A, soil 2 for team B; there the excavator digs and loads its truck, "
                "and the truck dumps at puddle 1.", fleet, world,
                task("a", T, [E3, D1], ["rock1"]), task("b", T, [E1, D2], ["soil2"]),
                task("c", DIG, [E3], deps=["a"]), task("d", DIG, [E1], deps=["b"]),
                task("e", LOAD, [E3], deps=["c"]), task("f", LOAD, [E1], deps=["d"]),
                task("g", T, [D1], ["puddle1"], deps=["e"]), task("h", DUMP, [D1], deps=["g"]),
                task("i", T, [D2], ["puddle1"], deps=["f"]), task("j", DUMP, [D2], deps=["i"]))


def test_bare_diggers_in_terse_orders_are_the_robots_that_dug(fleet, world):
    assert_plan("Exc 2 and exc 3 to rock 1, dig. Exc 1 home. Trk 2 to rock 1. Diggers load trk 2.",
                fleet, world,
                # (truck 2's move starts at once for the same place: one task with theirs, rule 17)
                task("a", T, [E2, E3, D2], ["rock1"]), task("b", DIG, [E2, E3], deps=["a"]),
                task("r", R, [E1]), task("c", LOAD, [E2, E3], deps=["b"]))


# -- a counted mention with an aside listing that many robots by number is those robots -----------------


def test_counted_mention_with_an_aside_listing_the_robots_is_those_robots(fleet, world):
    assert_plan("Two trucks (truck 1 and truck 3) go to puddle 2, and both excavators - excavator 1 and "
                "excavator 2 - go to soil 1.", fleet, world,
                task("a", T, [D1, D3], ["puddle2"]), task("b", T, [E1, E2], ["soil1"]))
