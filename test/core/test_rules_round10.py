"""Round 10 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AL,
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
    TA,
    R,
    T,
    assert_plan,
    task,
)

# -- ", in that order" after a comma orders the clause it closes (convention 24) ---------------------


def test_in_that_order_after_a_comma_loads_the_trucks_one_after_the_other(fleet, world):
    # truck 3 first: truck 3's own trip waits for the first loading, truck 1's for the second
    assert_plan("Trucks 1 and 3 drive to soil 1. Excavator 2 digs at soil 1 and fills trucks 3 and 1, in that "
                "order. Each truck then tips at rock 1.", fleet, world,
                task("a", T, [D1, D3, E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", LOAD, [E2], deps=["c"]),
                task("e", T, [D3], ["rock1"], deps=["c"]), task("f", DUMP, [D3], deps=["e"]),
                task("g", T, [D1], ["rock1"], deps=["d"]), task("h", DUMP, [D1], deps=["g"]))


def test_in_that_order_keeps_a_verbless_then_conjunct_as_a_second_loading(fleet, world):
    assert_plan("Trucks 1 and 3 drive to soil 1. Excavator 2 digs at soil 1, then fills truck 1 and then truck 3, "
                "in that order. Each truck then tips at rock 1.", fleet, world,
                task("a", T, [D1, D3, E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", LOAD, [E2], deps=["c"]),
                task("e", T, [D1], ["rock1"], deps=["c"]), task("f", DUMP, [D1], deps=["e"]),
                task("g", T, [D3], ["rock1"], deps=["d"]), task("h", DUMP, [D3], deps=["g"]))


# -- loadings said before the trucks arrive are made in the order they were said ---------------------


def test_loadings_waiting_for_the_trucks_keep_the_order_they_were_said_in(fleet, world):
    # the trucks' trip is said after the loadings: truck 2 is still filled first
    assert_plan("Excavator 3 drives to soil 2 and digs, then it fills truck 2 and then truck 1. Trucks 1 and 2 head "
                "to soil 2 right away too. Each truck then tips at obstacle 1.", fleet, world,
                task("a", T, [E3, D1, D2], ["soil2"]), task("b", DIG, [E3], deps=["a"]),
                task("c", LOAD, [E3], deps=["b"]), task("d", LOAD, [E3], deps=["c"]),
                task("e", T, [D2], ["obstacle1"], deps=["c"]), task("f", DUMP, [D2], deps=["e"]),
                task("g", T, [D1], ["obstacle1"], deps=["d"]), task("h", DUMP, [D1], deps=["g"]))


# -- a gathering or a discharge named as an event anchors on that step ----------------------------------


def test_the_assembly_as_an_anchor_is_the_fleet_gathering(fleet, world):
    # not the digging said just before it
    assert_plan("The whole fleet assembles at obstacle 1 first. Excavator 1 then goes to soil 1 and digs. Trucks 2 "
                "and 3 return to base as soon as the assembly is complete.", fleet, world,
                task("a", TA, [], ["obstacle1"]), task("b", T, [E1], ["soil1"], deps=["a"]),
                task("c", DIG, [E1], deps=["b"]), task("d", R, [D2, D3], deps=["a"]))


def test_the_gathering_as_an_anchor_is_the_fleet_gathering(fleet, world):
    assert_plan("Everyone gathers at soil 2. Excavator 1 then digs at rock 1. Once the gathering is over, truck 1 "
                "goes to puddle 1.", fleet, world,
                task("a", TA, [], ["soil2"]), task("b", T, [E1], ["rock1"], deps=["a"]),
                task("c", DIG, [E1], deps=["b"]), task("d", T, [D1], ["puddle1"], deps=["a"]))


def test_the_discharge_as_an_anchor_is_the_tipping(fleet, world):
    assert_plan("Trucks 1 and 2 go to rock 1 and discharge there. Excavator 1 goes to soil 1. Upon completion of "
                "the discharge, all robots avoid rock 1.", fleet, world,
                task("a", T, [D1, D2], ["rock1"]), task("b", DUMP, [D1, D2], deps=["a"]),
                task("c", T, [E1], ["soil1"]), task("d", AVA, [], ["rock1"], deps=["b"]))


# -- "before any of that": an afterthought that puts a keep-out ahead of everything (convention 10) ----


def test_before_any_of_this_opening_a_late_sentence_is_a_root_keepout(fleet, world):
    assert_plan("Excavator 3 goes to rock 1 and digs. Truck 2 visits puddle 1. Before any of this, every robot "
                "must avoid obstacle 2.", fleet, world,
                task("k", AVA, [], ["obstacle2"]), task("a", T, [E3], ["rock1"], deps=["k"]),
                task("b", DIG, [E3], deps=["a"]), task("c", T, [D2], ["puddle1"], deps=["k"]))


def test_before_any_of_that_closing_a_late_sentence_is_a_root_keepout(fleet, world):
    assert_plan("Excavator 3 goes to rock 1 and digs. Truck 2 visits puddle 1. All robots keep away from "
                "obstacle 2 before any of that.", fleet, world,
                task("k", AVA, [], ["obstacle2"]), task("a", T, [E3], ["rock1"], deps=["k"]),
                task("b", DIG, [E3], deps=["a"]), task("c", T, [D2], ["puddle1"], deps=["k"]))


# -- "and <connective>," opens the clause after the comma ---------------------------------------------


def test_and_before_any_of_that_comma_still_times_the_clause_after_it(fleet, world):
    assert_plan("Excavator 1 checks soil 2. Truck 3 drives to obstacle 1. Oh, and before any of that, all robots "
                "avoid puddle 1.", fleet, world,
                task("k", AVA, [], ["puddle1"]), task("a", T, [E1], ["soil2"], deps=["k"]),
                task("c", T, [D3], ["obstacle1"], deps=["k"]))



# -- clauses listed with bare commas after a leading anchor all wait for it ------------------------------


def test_a_leading_anchor_times_every_comma_listed_clause_of_its_sentence(fleet, world):
    assert_plan("Truck 1 checks puddle 2 and truck 3 checks rock 1. Excavator 2 goes to soil 1. When both trucks "
                "have done their checks, truck 1 goes back to base, truck 3 goes to soil 1, excavator 2 digs.",
                fleet, world,
                task("a", T, [D1], ["puddle2"]), task("b", T, [D3], ["rock1"]), task("c", T, [E2], ["soil1"]),
                task("d", R, [D1], deps=["a", "b"]), task("e", T, [D3], ["soil1"], deps=["a", "b"]),
                task("f", DIG, [E2], deps=["a", "b", "c"]))


def test_a_leading_anchor_times_a_verbless_comma_listed_clause(fleet, world):
    assert_plan("Truck 1 checks puddle 2 and truck 3 checks rock 1. Once both checks are over, truck 1 to base, "
                "truck 3 to soil 1.", fleet, world,
                task("a", T, [D1], ["puddle2"]), task("b", T, [D3], ["rock1"]),
                task("d", R, [D1], deps=["a", "b"]), task("e", T, [D3], ["soil1"], deps=["a", "b"]))


def test_a_comma_listed_clause_without_a_leading_anchor_keeps_its_own_timing(fleet, world):
    assert_plan("Truck 1 checks puddle 2 and then goes back to base, truck 3 goes to soil 1.", fleet, world,
                task("a", T, [D1], ["puddle2"]), task("d", R, [D1], deps=["a"]), task("e", T, [D3], ["soil1"]))


# -- "likewise" / "similarly" with a verb of its own means "too", not "redo the steps before" -------------


def test_likewise_before_the_clause_verb_reads_the_clause_own_steps(fleet, world):
    # excavator 3 does not join the trip to soil 1 (nor wait for it)
    assert_plan("Excavator 1 digs at soil 1, and truck 2 goes to soil 1 too. Excavator 3 likewise digs at rock 2.",
                fleet, world,
                task("a", T, [E1, D2], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["rock2"]), task("d", DIG, [E3], deps=["c"]))


def test_similarly_opening_a_sentence_reads_the_clause_own_steps(fleet, world):
    assert_plan("Truck 2 drives to puddle 1. Similarly, truck 3 drives to obstacle 2.", fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", T, [D3], ["obstacle2"]))


def test_likewise_alone_still_repeats_the_steps_before(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and digs there. Excavator 3 likewise.", fleet, world,
                task("a", T, [E1, E3], ["soil1"]), task("b", DIG, [E1, E3], deps=["a"]))


# -- "... waits there until X; then ...": the wait carries into the next sentence's "then" -----------------


def test_a_wait_until_times_the_then_clause_after_a_semicolon(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Truck 1 goes to obstacle 1 and waits there until the digging is done; "
                "then it goes to rock 1.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["obstacle1"]), task("d", T, [D1], ["rock1"], deps=["b", "c"]))


def test_a_wait_until_times_a_then_inside_the_next_sentence(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Truck 1 is to be driven to obstacle 1 and held there until the digging "
                "is complete. It is then to be driven to rock 1.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["obstacle1"]), task("d", T, [D1], ["rock1"], deps=["b", "c"]))


def test_a_wait_until_does_not_time_a_later_clause_of_the_next_sentence(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Truck 1 goes to obstacle 1 and waits there until the digging is done. "
                "Truck 3 goes to puddle 2 and then to rock 2.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D1], ["obstacle1"]),
                task("d", T, [D3], ["puddle2"]), task("e", T, [D3], ["rock2"], deps=["d"]))


# -- a carry verb in the passive of a robot is a plain move -------------------------------------------------


def test_a_robot_that_is_brought_somewhere_is_moved_there_not_hauling(fleet, world):
    # not sent to the digging to be loaded first: it is brought to rock 1 after the digging, then loaded there
    assert_plan("Excavator 2 digs at rock 1. Truck 1 waits at obstacle 1 until the digging is complete; it is then "
                "to be brought to rock 1 and loaded by excavator 2.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D1], ["obstacle1"]),
                task("d", T, [D1], ["rock1"], deps=["b", "c"]), task("e", LOAD, [E2], deps=["d"]))


def test_cargo_that_is_hauled_is_still_a_haul_by_the_truck(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Truck 1 goes to rock 1 and gets loaded, and the rubble is then hauled "
                "to soil 2 and tipped.", fleet, world,
                task("a", T, [E2, D1], ["rock1"]), task("b", DIG, [E2], deps=["a"]), task("c", LOAD, [E2], deps=["b"]),
                task("d", T, [D1], ["soil2"], deps=["c"]), task("e", DUMP, [D1], deps=["d"]))


# -- breaking up a rock named as an event is its digging ----------------------------------------------------


def test_the_breaking_as_an_anchor_is_the_digging(fleet, world):
    # not after excavator 1's trip as well
    assert_plan("Excavator 3 drives to rock 2 and breaks it up. Truck 2 checks puddle 1. Excavator 1 goes to soil 2. "
                "Once the breaking is finished, truck 2 goes to rock 2.", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]), task("c", T, [D2], ["puddle1"]),
                task("x", T, [E1], ["soil2"]), task("d", T, [D2], ["rock2"], deps=["b", "c"]))


# -- a bare gerund anchor ("after digging") is the subject's own deed ------------------------------------


def test_after_digging_said_after_the_clause_waits_for_the_subject_own_digging(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Excavator 3 digs at rock 2. Excavator 3 returns to base after digging.",
                fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["rock2"]), task("d", DIG, [E3], deps=["c"]), task("e", R, [E3], deps=["d"]))


def test_after_digging_said_of_a_robot_that_did_not_dig_waits_for_every_digging(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Excavator 3 digs at rock 2. Truck 2 goes to puddle 1 after digging.",
                fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["rock2"]), task("d", DIG, [E3], deps=["c"]),
                task("e", T, [D2], ["puddle1"], deps=["b", "d"]))


# -- ", in that order" after a list of objects orders that list, not the clauses of the sentence -----------


def test_in_that_order_after_an_object_list_does_not_chain_the_clauses_of_the_sentence(fleet, world):
    # truck 1 starts at once: the order is between its two checks, not after truck 2's trip
    assert_plan("Truck 2 goes to puddle 1, and truck 1 checks obstacle 1 and obstacle 2, in that order.",
                fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", T, [D1], ["obstacle1"]),
                task("c", T, [D1], ["obstacle2"], deps=["b"]))


def test_in_that_order_after_clauses_still_chains_them(fleet, world):
    assert_plan("Truck 2 goes to puddle 1, truck 1 goes to obstacle 1, in that order.", fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", T, [D1], ["obstacle1"], deps=["a"]))


# -- a robot's own clause in the perfect reports what it did: it is there now, no step -----------------------


def test_a_finished_check_reported_in_the_perfect_is_no_step(fleet, world):
    assert_plan("Truck 2 has just finished checking puddle 1 and is still there. Truck 2 then moves on to "
                "obstacle 2.", fleet, world, task("a", T, [D2], ["obstacle2"]))


def test_a_digging_reported_in_the_perfect_places_the_excavator(fleet, world):
    # it has dug at soil 1, so loading there needs no move of its own
    assert_plan("Excavator 1 has already dug at soil 1. Truck 3 drives to soil 1 and excavator 1 loads it.",
                fleet, world, task("a", T, [D3], ["soil1"]), task("b", LOAD, [E1], deps=["a"]))


def test_has_to_is_still_an_order(fleet, world):
    assert_plan("Truck 1 has to go to puddle 1.", fleet, world, task("a", T, [D1], ["puddle1"]))


# -- "..., and after <robot> <verb> ..." with no clause after it means "and afterwards" ------------------------


def test_and_after_with_no_main_clause_after_it_is_afterwards(fleet, world):
    assert_plan("Truck 3 goes to rock 2. Excavator 1 digs at rock 2 and loads truck 3, and after truck bring the "
                "stones to puddle 1 and make the dump.", fleet, world,
                task("a", T, [D3, E1], ["rock2"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]),
                task("d", T, [D3], ["puddle1"], deps=["c"]), task("e", DUMP, [D3], deps=["d"]))


def test_and_after_followed_by_its_main_clause_stays_an_anchor(fleet, world):
    assert_plan("Truck 3 checks puddle 2, and after truck 3 reaches puddle 2, truck 1 goes home.", fleet, world,
                task("a", T, [D3], ["puddle2"]), task("b", R, [D1], deps=["a"]))


# -- "at end" (article dropped) joins like "at the end" (convention 22) ----------------------------------------


def test_at_end_without_article_waits_for_everything_open(fleet, world):
    assert_plan("Truck 1 go to puddle 1. Excavator 2 dig at soil 2. At end excavator 2 go back to his start place.",
                fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [E2], ["soil2"]), task("c", DIG, [E2], deps=["b"]),
                task("d", R, [E2], deps=["a", "c"]))


# -- "<robot> is at <place>." states where it stands ----------------------------------------------------------


def test_a_robot_said_to_be_at_base_is_not_sent_home(fleet, world):
    assert_plan("Excavator 2 is at base. Excavator 2 goes to soil 2 and digs.", fleet, world,
                task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]))


def test_trucks_said_to_be_at_a_pile_are_loaded_there_without_a_move(fleet, world):
    assert_plan("Trucks 1 and 2 are at soil 1. Excavator 1 goes to soil 1, digs and loads truck 1.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]))


def test_a_robot_that_should_be_somewhere_is_still_sent_there(fleet, world):
    assert_plan("Truck 2 should be at rock 1.", fleet, world, task("a", T, [D2], ["rock1"]))


# -- "next to it" is a place beside a robot, not "next" (= then) ------------------------------------------------


def test_next_to_it_does_not_start_a_new_step(fleet, world):
    # read as "next" (then) + "to it", the excavator dug a second time
    assert_plan("Truck 1 and truck 2 go to soil 1. Excavator 1 digs at soil 1 and loads the truck next to it, "
                "truck 1. Truck 1 then dumps at rock 1.", fleet, world,
                task("a", T, [D1, D2, E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", T, [D1], ["rock1"], deps=["c"]),
                task("e", DUMP, [D1], deps=["d"]))


# -- "is sitting <filler> at <place>" says where the robot stands --------------------------------------------


def test_a_truck_sitting_beside_the_excavator_at_a_place_is_already_there(fleet, world):
    assert_plan("Excavator 3 is already at rock 2, and truck 1 is sitting right beside it at rock 2. Excavator 3 "
                "digs where it is and loads truck 1.", fleet, world,
                task("a", DIG, [E3]), task("b", LOAD, [E3], deps=["a"]))


# -- a lifting that names no robot lifts the keep-out for whom it was put up ----------------------------------


def test_lifting_after_an_anchor_on_one_truck_lifts_for_both_kept_out_trucks(fleet, world):
    assert_plan("Excavator 1 goes to soil 2. Put a keep-out on puddle 1 for trucks 1 and 3. Truck 1 dumps at rock 1. "
                "Once truck 1 has tipped, lift the keep-out on puddle 1.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("k", AV, [D1, D3], ["puddle1"]),
                task("b", T, [D1], ["rock1"], deps=["k"]), task("c", DUMP, [D1], deps=["b"]),
                task("l", AL, [D1, D3], ["puddle1"], deps=["c"]))


def test_lifting_with_its_own_robots_lifts_for_them(fleet, world):
    assert_plan("Put a keep-out on puddle 1 for trucks 1 and 3. Truck 1 dumps at rock 1. Once truck 1 has tipped, "
                "truck 3 may enter puddle 1 again.", fleet, world,
                task("k", AV, [D1, D3], ["puddle1"]), task("b", T, [D1], ["rock1"], deps=["k"]),
                task("c", DUMP, [D1], deps=["b"]), task("l", AL, [D3], ["puddle1"], deps=["c"]))


# -- "the keep-out on X stays until ..." speaks of the keep-out in place: no second keep-out ------------------


def test_a_keepout_said_to_stay_adds_no_keepout_and_lift_it_lifts_it(fleet, world):
    assert_plan("Put a keep-out on puddle 1 for trucks 1 and 3. Truck 1 dumps at rock 1. The keep-out on puddle 1 "
                "stays until truck 1 has tipped - lift it then.", fleet, world,
                task("k", AV, [D1, D3], ["puddle1"]), task("b", T, [D1], ["rock1"], deps=["k"]),
                task("c", DUMP, [D1], deps=["b"]), task("l", AL, [D1, D3], ["puddle1"], deps=["c"]))


# -- after "When X, A and B", a verbless clause after a semicolon shares X too -------------------------------------


def test_a_verbless_clause_after_a_semicolon_shares_the_leading_anchor(fleet, world):
    assert_plan("Truck 1 checks puddle 2, truck 3 checks rock 1 and excavator 2 goes to soil 1. Once the three of "
                "them are finished, truck 3 over to soil 1 and excavator 2 loads it; truck 1 home.", fleet, world,
                task("a", T, [D1], ["puddle2"]), task("b", T, [D3], ["rock1"]), task("c", T, [E2], ["soil1"]),
                task("d", T, [D3], ["soil1"], deps=["a", "b", "c"]), task("e", LOAD, [E2], deps=["d"]),
                task("f", R, [D1], deps=["a", "b", "c"]))


def test_a_verbless_clause_after_a_semicolon_without_a_leading_anchor_keeps_its_own_timing(fleet, world):
    assert_plan("Truck 1 checks puddle 2. Truck 3 checks rock 1; truck 1 home.", fleet, world,
                task("a", T, [D1], ["puddle2"]), task("b", T, [D3], ["rock1"]), task("c", R, [D1], deps=["a"]))


# -- "..., one after the other" after a robot list is an order mark, not one more robot number -----------------


def test_one_after_the_other_after_a_truck_list_orders_the_loadings(fleet, world):
    assert_plan("Trucks 1 and 3 go to soil 1. Excavator 2 digs at soil 1 and then loads truck 1 and truck 3, one "
                "after the other. Each truck then dumps at rock 1.", fleet, world,
                task("a", T, [D1, D3, E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", LOAD, [E2], deps=["c"]),
                task("e", T, [D1], ["rock1"], deps=["c"]), task("f", DUMP, [D1], deps=["e"]),
                task("g", T, [D3], ["rock1"], deps=["d"]), task("h", DUMP, [D3], deps=["g"]))


# -- formal "whereupon" / "at which point" = "and then" -------------------------------------------------------------


def test_at_which_point_starts_the_next_robot_after_the_step_before(fleet, world):
    assert_plan("Truck 1 checks rock 1, at which point truck 3 ought to go to puddle 2.", fleet, world,
                task("a", T, [D1], ["rock1"]), task("b", T, [D3], ["puddle2"], deps=["a"]))


def test_whereupon_starts_the_next_robot_after_the_step_before(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs there, whereupon truck 2 drives to rock 1.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [D2], ["rock1"], deps=["b"]))
