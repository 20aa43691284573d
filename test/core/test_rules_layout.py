"""Reading mechanisms added for the third fresh batch (written lists, asides, role nouns, goals
said first, conditional anchors, keep-outs mid-job, ...). Each instruction is written for these
tests only (none is in the benchmark or the examples); the expected plan is what the benchmark
conventions (bench/data/README.md) prescribe."""

from __future__ import annotations

import pytest
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
    R,
    T,
    assert_plan,
    task,
)

from dart_planner.llm.errors import PlanningError
from dart_planner.llm.rules import RulesPlanner, rules_plan
from dart_planner.llm.rules.segment import _lay_out_lines, tokenize


# -- lay-out of a written list ------------------------------------------------------------------------
def test_layout_keeps_offsets_and_reads_lines_as_sentences():
    text = "Plan:\n- truck 1\n  - go to rock 1\n  - dump\n- truck 2 home"
    laid = _lay_out_lines(text)
    assert len(laid) == len(text)
    words = [t.word for t in tokenize(text)]
    # the heading line with sub-items ends in a colon, the other line breaks end sentences
    assert words == ["plan", ":", "truck", "1", ":", "go", "to", "rock", "1", ".", "dump", ".", "truck", "2", "home"]


def test_bullets_with_sub_bullets_under_a_robot(fleet, world):
    assert_plan("Today:\n- excavator 2\n  - drive to rock 2\n  - dig\n- truck 3\n  - check puddle 1\n"
                "  - then go home", fleet, world,
                task("a", T, [E2], ["rock2"]), task("x", DIG, [E2], deps=["a"]),
                task("p", T, [D3], ["puddle1"]), task("h", R, [D3], deps=["p"]))


def test_in_this_order_over_a_laid_out_list(fleet, world):
    assert_plan("In this order:\n* truck 2 to obstacle 1\n* excavator 3 to obstacle 1\n* truck 2 home", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", T, [E3], ["obstacle1"], ["a"]),
                task("c", R, [D2], deps=["b"]))


def test_a_title_over_a_numbered_list_is_no_order(fleet, world):
    assert_plan("The rock 2 job:\n1. excavator 1 goes to rock 2\n2. it digs", fleet, world,
                task("a", T, [E1], ["rock2"]), task("x", DIG, [E1], deps=["a"]))


# -- asides, appositions, role nouns -------------------------------------------------------------------
def test_role_noun_in_apposition_names_the_robot_for_later_mentions(fleet, world):
    # "the hauler" later means truck 3, although truck 1 is the truck named last
    assert_plan("The hauler (dump truck 3) and excavator 2 go to soil 2. Meanwhile truck 1 checks obstacle 1. "
                "Excavator 2 digs and loads the hauler.", fleet, world,
                task("a", T, [D3, E2], ["soil2"]), task("o", T, [D1], ["obstacle1"]),
                task("x", DIG, [E2], deps=["a"]), task("l", LOAD, [E2], deps=["x"]))


def test_apposition_with_commas_and_the_loader(fleet, world):
    assert_plan("The loader, excavator 1, drives to rock 1 and digs.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("x", DIG, [E1], deps=["a"]))


def test_remark_between_dashes_keeps_the_subject(fleet, world):
    assert_plan("A truck - whichever one is closest - goes to puddle 2 and tips its bed.", fleet, world,
                task("a", T, types=[("dump_truck", 1)], objs=["puddle2"]),
                task("d", DUMP, types=[("dump_truck", 1)], deps=["a"]))


def test_restated_selection_in_parentheses(fleet, world):
    assert_plan("Truck 3 goes to soil 1. Once it is there, the others (everyone except truck 3) avoid soil 1.",
                fleet, world,
                task("a", T, [D3], ["soil1"]), task("k", AV, [E1, E2, E3, D1, D2], ["soil1"], ["a"]))


# -- places left open and spelled out ------------------------------------------------------------------
def test_open_place_spelled_out_in_the_same_sentence(fleet, world):
    assert_plan("Excavators 2 and 3 each go to a rock (excavator 2 to rock 2, excavator 3 to rock 1) and wait.",
                fleet, world, task("a", T, [E2], ["rock2"]), task("b", T, [E3], ["rock1"]))


def test_open_place_never_spelled_out_fails_closed(fleet, world):
    rp = rules_plan("Truck 2 heads to a puddle and dumps.", fleet, world)
    assert any("puddle" in e for e in rp.errors)
    with pytest.raises(PlanningError) as err:
        RulesPlanner().plan("Truck 2 heads to a puddle and dumps.", fleet, world)
    assert "puddle" in str(err.value)


# -- groups split and named by position -----------------------------------------------------------------
def test_one_and_the_other_split_a_group(fleet, world):
    assert_plan("Two trucks: one to obstacle 1, the other to obstacle 2.", fleet, world,
                task("a", T, types=[("dump_truck", 1)], objs=["obstacle1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["obstacle2"]))


def test_ordinals_without_the_noun(fleet, world):
    assert_plan("The first excavator inspects rock 1, the second inspects rock 2.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", T, [E2], ["rock2"]))


def test_one_of_them(fleet, world):
    assert_plan("Send all three trucks to soil 2. Then one of them goes on to puddle 1.", fleet, world,
                task("a", T, types=[("dump_truck", 3)], objs=["soil2"]),
                task("b", T, types=[("dump_truck", 1)], objs=["puddle1"], deps=["a"]))


def test_the_other_two_after_one_named_are_the_unnamed_ones(fleet, world):
    assert_plan("Excavator 3 goes to soil 2. The other two excavators go home.", fleet, world,
                task("a", T, [E3], ["soil2"]), task("b", R, [E1, E2]))


# -- timing words ----------------------------------------------------------------------------------------
def test_conditional_anchor(fleet, world):
    # "if truck 2 is empty" waits for the dump; "empty" is not a second dump
    assert_plan("Truck 2 goes to rock 2 and dumps. If truck 2 is empty, excavator 1 goes to rock 2.", fleet, world,
                task("a", T, [D2], ["rock2"]), task("d", DUMP, [D2], deps=["a"]),
                task("b", T, [E1], ["rock2"], ["d"]))


def test_goal_said_first_comes_last(fleet, world):
    assert_plan("In the end, everybody goes back to start. Before that, truck 1 checks rock 1 and truck 2 "
                "checks rock 2.", fleet, world,
                task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["rock2"]), task("h", RA, deps=["a", "b"]))


def test_final_connective_at_the_end_of_its_sentence(fleet, world):
    assert_plan("Truck 1 goes to soil 2 and truck 3 goes to rock 1. Excavator 2 goes home at the end.", fleet, world,
                task("a", T, [D1], ["soil2"]), task("b", T, [D3], ["rock1"]), task("h", R, [E2], deps=["a", "b"]))


def test_unknown_event_word_waits_for_what_was_said(fleet, world):
    assert_plan("Excavator 2 goes to soil 1 and digs. After the break, truck 3 goes to soil 1.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("x", DIG, [E2], deps=["a"]),
                task("b", T, [D3], ["soil1"], ["x"]))


def test_right_after_on_its_own_means_after_that(fleet, world):
    assert_plan("Truck 3 tips at puddle 2. Then, right after, everybody avoids puddle 2.", fleet, world,
                task("a", T, [D3], ["puddle2"]), task("d", DUMP, [D3], deps=["a"]),
                task("k", AVA, objs=["puddle2"], deps=["d"]))


def test_waiting_without_a_place_is_no_move(fleet, world):
    assert_plan("Truck 1 goes to rock 1 and truck 2 goes to rock 2. If truck 2 gets there first, it waits. "
                "When both are there, they both dump.", fleet, world,
                task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["rock2"]), task("d", DUMP, [D1, D2],
                                                                                 deps=["a", "b"]))


# -- keep-outs and shared moves ---------------------------------------------------------------------------
def test_keep_out_for_named_robots_is_one_task_and_no_chain_step(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and truck 2 goes to soil 2. Once truck 1 is there, trucks 1 and 2 avoid "
                "puddle 1. Truck 2 then goes home.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["soil2"]),
                task("k", AV, [D1, D2], ["puddle1"], ["a"]), task("h", R, [D2], deps=["b"]))


def test_robots_from_different_steps_share_a_move_that_waits(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and truck 2 goes to soil 2. Truck 3 dumps at rock 1. Once truck 3 has "
                "dumped, trucks 1 and 2 go home.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["soil2"]),
                task("c", T, [D3], ["rock1"]), task("d", DUMP, [D3], deps=["c"]),
                task("h", R, [D1, D2], deps=["a", "b", "d"]))


def test_anchor_naming_the_loaded_truck_adds_no_second_loading(fleet, world):
    assert_plan("Excavator 3 digs at rock 1 and fills truck 2. Excavator 3 goes home once it has filled the truck.",
                fleet, world,
                task("a", T, [E3], ["rock1"]), task("x", DIG, [E3], deps=["a"]),
                task("l", LOAD, [E3], deps=["x"]), task("h", R, [E3], deps=["l"]))


def test_anchor_of_one_clause_does_not_start_the_next(fleet, world):
    assert_plan("Truck 2 goes to rock 2 and excavator 1 to obstacle 2. Excavator 1 goes home after reaching "
                "obstacle 2, and truck 2 dumps once it reaches rock 2.", fleet, world,
                task("a", T, [D2], ["rock2"]), task("b", T, [E1], ["obstacle2"]),
                task("h", R, [E1], deps=["b"]), task("d", DUMP, [D2], deps=["a"]))


# -- places, orders and events said in passing ---------------------------------------------------------------
def test_where_clause_works_at_the_place_named_before(fleet, world):
    # excavator 1 is not at rock 2 yet: it goes there with the truck (one move, rule 6) and digs
    assert_plan("Truck 3 heads to rock 2, where excavator 1 digs.", fleet, world,
                task("a", T, [D3, E1], ["rock2"]), task("x", DIG, [E1], deps=["a"]))


def test_where_clause_with_already_works_in_place(fleet, world):
    assert_plan("Truck 3 heads to rock 2, where excavator 1 is digging already.", fleet, world,
                task("a", T, [D3], ["rock2"]), task("x", DIG, [E1]))


def test_participle_of_motion_in_an_aside(fleet, world):
    assert_plan("Truck 1 drives to soil 2, where excavator 2, coming along at the same time, digs.", fleet, world,
                task("a", T, [D1, E2], ["soil2"]), task("x", DIG, [E2], deps=["a"]))


@pytest.mark.parametrize("said", ["loads them (truck 3 first)", "loads them - truck 3 first, then truck 1",
                                  "loads truck 1 and truck 3 (truck 3 first)"])
def test_loading_order_given_in_an_aside(fleet, world, said):
    assert_plan(f"Trucks 1 and 3 drive to soil 2 with excavator 1. Excavator 1 digs and {said}. "
                "Each truck goes home right after being loaded.", fleet, world,
                task("a", T, [D1, D3, E1], ["soil2"]), task("x", DIG, [E1], deps=["a"]),
                task("l3", LOAD, [E1], deps=["x"]), task("l1", LOAD, [E1], deps=["l3"]),
                task("h3", R, [D3], deps=["l3"]), task("h1", R, [D1], deps=["l1"]))


def test_anchor_on_an_event_said_later_waits_for_it(fleet, world):
    assert_plan("Everyone avoids rock 1 once the dumping is done. Excavator 3 and truck 2 go to soil 1; excavator 3 "
                "digs and loads truck 2, which then dumps at puddle 2.", fleet, world,
                task("a", T, [E3, D2], ["soil1"]), task("x", DIG, [E3], deps=["a"]),
                task("l", LOAD, [E3], deps=["x"]), task("m", T, [D2], ["puddle2"], ["l"]),
                task("d", DUMP, [D2], deps=["m"]), task("k", AVA, objs=["rock1"], deps=["d"]))


def test_comma_after_there_ends_the_anchor(fleet, world):
    assert_plan("Truck 1 drives to soil 2. Once it is there, puddle 1 gets closed for all robots.", fleet, world,
                task("a", T, [D1], ["soil2"]), task("k", AVA, objs=["puddle1"], deps=["a"]))


# -- lists robot by robot, crews, groups ------------------------------------------------------------------
@pytest.mark.parametrize("said", ["each dig - 1 at soil 1, 3 at rock 2 -", "each dig: excavator 1 at soil 1, "
                                  "excavator 3 at rock 2,"])
def test_placeless_work_spelled_out_robot_by_robot(fleet, world, said):
    assert_plan(f"Excavators 1 and 3 {said} and truck 2 goes home.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("x", DIG, [E1], deps=["a"]),
                task("b", T, [E3], ["rock2"]), task("y", DIG, [E3], deps=["b"]), task("h", R, [D2]))


def test_only_the_loaded_truck_hauls_in_a_mixed_crew(fleet, world):
    assert_plan("Excavator 2 and truck 3 handle rock 1 (drive there, dig, load, haul to soil 2, dump).", fleet, world,
                task("a", T, [E2, D3], ["rock1"]), task("x", DIG, [E2], deps=["a"]),
                task("l", LOAD, [E2], deps=["x"]), task("m", T, [D3], ["soil2"], ["l"]),
                task("d", DUMP, [D3], deps=["m"]))


def test_loaded_truck_bringing_it_back_delivers(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 2; excavator 1 digs and fills truck 1, and truck 1 brings it "
                "back to base.", fleet, world,
                task("a", T, [E1, D1], ["soil2"]), task("x", DIG, [E1], deps=["a"]),
                task("l", LOAD, [E1], deps=["x"]), task("h", R, [D1], deps=["l"]), task("d", DUMP, [D1], deps=["h"]))


def test_the_two_trucks_is_the_group_of_two(fleet, world):
    assert_plan("Two trucks go to soil 1 and a third truck goes to rock 1; an excavator digs at soil 1 and loads "
                "the two trucks there.", fleet, world,
                task("a", T, types=[("dump_truck", 2), ("excavator", 1)], objs=["soil1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["rock1"]),
                task("x", DIG, types=[("excavator", 1)], deps=["a"]),
                task("l", LOAD, types=[("excavator", 1)], deps=["x"]))


def test_number_in_parentheses_is_no_list_item(fleet, world):
    assert_plan("Excavators 2 and 3 (not 1) go to rock 1 and rock 2 respectively; excavator 1 goes home instead.",
                fleet, world, task("a", T, [E2], ["rock1"]), task("b", T, [E3], ["rock2"]), task("h", R, [E1]))


def test_leaving_base_for_a_place_is_one_move(fleet, world):
    assert_plan("Truck 2 leaves base for obstacle 2 right now.", fleet, world, task("a", T, [D2], ["obstacle2"]))


def test_trailing_after_that_and_after_which_wait_for_the_step_just_said(fleet, world):
    # rule 10: the fleet-wide keep-out waits for truck 2's dump only, not for truck 1's visit
    for said in ("Truck 2 dumps, after which all robots avoid soil 2.",
                 "Truck 2 dumps, and all robots avoid soil 2 after that."):
        assert_plan("Truck 1 goes to rock 1 and truck 2 goes to soil 1. " + said, fleet, world,
                    task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["soil1"]),
                    task("d", DUMP, [D2], deps=["b"]), task("k", AVA, objs=["soil2"], deps=["d"]))


def test_staying_where_they_are_is_no_step(fleet, world):
    assert_plan("All three trucks go home now, and the excavators stay where they are.", fleet, world,
                task("h", R, types=[("dump_truck", 3)]))


def test_goal_title_before_a_colon_is_no_order(fleet, world):
    # a named and an unnamed robot going to one place get a task each (README decision 17)
    assert_plan("The job is an empty soil 2: excavator 3 digs at soil 2, a truck meets it there, gets filled and "
                "tips at rock 1.", fleet, world,
                task("a", T, [E3], ["soil2"]), task("x", DIG, [E3], deps=["a"]),
                task("t", T, types=[("dump_truck", 1)], objs=["soil2"]),
                task("l", LOAD, [E3], deps=["x", "t"]),
                task("m", T, types=[("dump_truck", 1)], objs=["rock1"], deps=["l"]),
                task("d", DUMP, types=[("dump_truck", 1)], deps=["m"]))


def test_so_does_repeats_the_step_for_another_robot(fleet, world):
    assert_plan("Truck 2 checks rock 1, and so does truck 3.", fleet, world, task("a", T, [D2, D3], ["rock1"]))


def test_anchor_on_the_fleet_gathering_makes_that_step(fleet, world):
    assert_plan("Right after the whole fleet has gathered at rock 1, excavators 1 and 2 dig there and the trucks line "
                "up at obstacle 1.", fleet, world,
                task("g", "target_area_for_all_robots", objs=["rock1"]), task("x", DIG, [E1, E2], deps=["g"]),
                task("t", T, types=[("dump_truck", 3)], objs=["obstacle1"], deps=["g"]))


# -- "first" that orders the trucks of a loading --------------------------------------------------------
@pytest.mark.parametrize("said", [
    "Trucks 2 and 3 drive to soil 2. Excavator 2 heads to soil 2, digs, and loads truck 3 first and truck 2 "
    "after that.",
    "Trucks 2 and 3 drive to soil 2. Excavator 2 heads to soil 2, digs and loads truck 3 first, then truck 2.",
    "Trucks 2 and 3 drive to soil 2. Excavator 2 heads to soil 2, digs, then loads truck 2 first and truck 3 "
    "after that.",
], ids=["comma-and", "first-then", "then-loads"])
def test_first_ordering_loaded_trucks_does_not_hoist_the_clause(fleet, world, said):
    # the "first" lists the loadings in order; it is no "but first" that would put the loadings
    # (and the digging said with them) before the excavator's drive
    assert_plan(said, fleet, world,
                task("a", T, [D2, D3, E2], ["soil2"]), task("x", DIG, [E2], deps=["a"]),
                task("l1", LOAD, [E2], deps=["x"]), task("l2", LOAD, [E2], deps=["l1"]))


def test_first_after_a_single_target_still_comes_first(fleet, world):
    # no second truck follows the "first": the step is still said to come before the drive
    assert_plan("Truck 3 drives to rock 2, but it checks puddle 1 first.", fleet, world,
                task("a", T, [D3], ["puddle1"]), task("b", T, [D3], ["rock2"], deps=["a"]))
