"""Round 14 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AL,
    ALA,
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
    TRUCK_LOAD,
    R,
    T,
    assert_plan,
    task,
)

from dart_planner.llm.rules import rules_plan

# -- a clause of reason ("because ...", "since ...") says why, not what to do ----------------------------------


def test_a_leading_reason_with_people_in_it_is_no_order(fleet, world):
    assert_plan("Because the painting crew is marking lines near rock 1, excavator 2 must keep away from rock 1. "
                "Excavator 2 then goes to soil 1.", fleet, world,
                task("a", AV, [E2], ["rock1"]), task("b", T, [E2], ["soil1"], deps=["a"]))


def test_the_it_after_a_reason_is_the_object_the_reason_named(fleet, world):
    assert_plan("As the fence crew is repairing the barrier at puddle 2 today, all robots have to steer clear of "
                "it. Truck 1 heads to soil 2.", fleet, world,
                task("a", AVA, [], ["puddle2"]), task("b", T, [D1], ["soil2"], deps=["a"]))


def test_a_trailing_reason_with_a_passive_verb_makes_no_move(fleet, world):
    assert_plan("From the start, truck 2 keeps clear of rock 2, since the ground there is being surveyed. "
                "Excavator 1 goes to rock 2.", fleet, world,
                task("a", AV, [D2], ["rock2"]), task("b", T, [E1], ["rock2"]))


def test_a_reason_clause_with_an_order_word_we_do_not_know_still_names_it(fleet, world):
    rp = rules_plan("Because the trench is flooded, grease the hinges on truck 1.", fleet, world)
    assert not rp.ok or rp.coverage.ratio < 0.8
    assert any("grease" in e for e in rp.errors) or "grease" in rp.coverage.unplaced


# -- "puddle 2 has finally dried out": a time word inside a remark about an object is no connective ----------


def test_a_time_word_inside_a_remark_about_an_object_keeps_the_remark_whole(fleet, world):
    assert_plan("Soil 1 has finally been drained, so truck 2 goes to soil 1.", fleet, world,
                task("a", T, [D2], ["soil1"]))


def test_the_it_after_such_a_remark_is_the_object_and_the_lifting_comes_first(fleet, world):
    assert_plan("Obstacle 2 is now safe again, so open the keep-out around it for all robots first. After that, "
                "excavator 1 drives to obstacle 2.", fleet, world,
                task("a", ALA, [], ["obstacle2"]), task("b", T, [E1], ["obstacle2"], deps=["a"]))


# -- "when the work at X is finished": the last step done at that place --------------------------------------


def test_the_work_at_a_place_is_the_digging_done_there(fleet, world):
    assert_plan("One excavator goes to soil 1 and another excavator goes to soil 2, and each of them digs. When the "
                "work at soil 2 is finished, a truck drives to soil 2.", fleet, world,
                task("a", T, [], ["soil1"], types=[("excavator", 1)]),
                task("b", T, [], ["soil2"], types=[("excavator", 1)]),
                task("c", DIG, [], deps=["a"], types=[("excavator", 1)]),
                task("d", DIG, [], deps=["b"], types=[("excavator", 1)]),
                task("e", T, [], ["soil2"], deps=["d"], types=[("dump_truck", 1)]))


# -- "both trucks" after a mention that held only one of them ---------------------------------------------------


def test_both_trucks_are_the_pair_named_together_not_the_one_truck_of_the_rest(fleet, world):
    assert_plan("Excavator 3 and trucks 1 and 2 head to rock 2, and the rest of the fleet returns to start. "
                "Excavator 3 breaks up the rock and loads both trucks.", fleet, world,
                task("a", T, [E3, D1, D2], ["rock2"]), task("b", R, [E1, E2, D3]),
                task("c", DIG, [E3], deps=["a"]), task("d", LOAD, [E3], deps=["c"]))


# -- "X then ... and Y ...": the "then" after X's own subject is X's, not the other robots' -----------------


def test_then_after_a_robot_does_not_hold_back_the_other_robot_of_the_sentence(fleet, world):
    assert_plan("Truck 2 drives to obstacle 1. Excavator 1 goes to soil 2 and digs there. Excavator 1 then "
                "moves to rock 2 and excavator 3 heads to puddle 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", T, [E1], ["soil2"]),
                task("c", DIG, [E1], deps=["b"]), task("d", T, [E1], ["rock2"], deps=["c"]),
                task("e", T, [E3], ["puddle1"]))


def test_then_at_the_head_of_the_sentence_still_holds_back_every_conjunct(fleet, world):
    assert_plan("Truck 2 drives to obstacle 1. Excavator 1 goes to soil 2 and digs there. Then excavator 1 "
                "moves to rock 2 and excavator 3 heads to puddle 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", T, [E1], ["soil2"]),
                task("c", DIG, [E1], deps=["b"]), task("d", T, [E1], ["rock2"], deps=["c"]),
                task("e", T, [E3], ["puddle1"], deps=["a", "c"]))


# -- "the first and the third dump truck": ordinals listed before one robot noun ---------------------------------


def test_ordinals_listed_before_one_noun_are_those_robots_by_number(fleet, world):
    assert_plan("Send the first and the third dump truck to rock 2.", fleet, world,
                task("a", T, [D1, D3], ["rock2"]))


def test_an_ordinal_after_another_type_shares_the_noun_after_it(fleet, world):
    assert_plan("Please send the second excavator to soil 2, and at the same time send the first, the second and "
                "the third truck to obstacle 2.", fleet, world,
                task("a", T, [E2], ["soil2"]), task("b", T, [D1, D2, D3], ["obstacle2"]))


def test_a_leading_first_and_a_comma_is_no_ordinal_list(fleet, world):
    assert_plan("First, the second truck goes to rock 1.", fleet, world, task("a", T, [D2], ["rock1"]))


# -- "Then truck 1 ... and truck 3 ...": "then" over robots that each have a chain continues each chain ---------


def test_then_over_two_trucks_with_chains_continues_each_own_chain(fleet, world):
    assert_plan("Trucks 2 and 3 drive to soil 1. Excavator 1 digs at soil 1 and fills both of them. Each truck then "
                "runs its own loading routine. Then truck 2 carries its load to puddle 1 and truck 3 carries its "
                "load to puddle 2.", fleet, world,
                task("a", T, [D2, D3, E1], ["soil1"]), task("c", DIG, [E1], deps=["a"]),  # rule 17: one move
                task("d", LOAD, [E1], deps=["c"]),
                task("e", TRUCK_LOAD, [D2], deps=["d"]), task("f", TRUCK_LOAD, [D3], deps=["d"]),
                task("g", T, [D2], ["puddle1"], deps=["e"]), task("h", DUMP, [D2], deps=["g"]),
                task("i", T, [D3], ["puddle2"], deps=["f"]), task("j", DUMP, [D3], deps=["i"]))


# -- convention 26: a keep-out put up mid-job is lifted after it went up, also when its robots moved on ---------


def test_a_mid_job_keep_out_is_lifted_after_it_went_up_though_its_robots_moved_on(fleet, world):
    assert_plan("Excavator 1 and truck 1 drive to rock 1 together. As soon as they arrive, trucks 2 and 3 keep away "
                "from rock 1, and at the same time excavator 1 starts digging. Once the keep-out is set, trucks 2 and "
                "3 visit puddle 2 together. When excavator 1 has dug, the keep-out around rock 1 is lifted for trucks "
                "2 and 3.", fleet, world,
                task("a", T, [E1, D1], ["rock1"]), task("b", AV, [D2, D3], ["rock1"], deps=["a"]),
                task("c", DIG, [E1], deps=["a"]), task("d", T, [D2, D3], ["puddle2"], deps=["b"]),
                task("e", AL, [D2, D3], ["rock1"], deps=["b", "c"]))


def test_a_start_keep_out_lifted_later_still_adds_no_edge(fleet, world):
    assert_plan("From the start, truck 3 keeps away from soil 2. Excavator 2 goes to soil 2 and digs, and truck 3 "
                "checks rock 1. When the digging is done, lift the keep-out for truck 3.", fleet, world,
                task("a", AV, [D3], ["soil2"]), task("b", T, [E2], ["soil2"]), task("c", DIG, [E2], deps=["b"]),
                task("d", T, [D3], ["rock1"], deps=["a"]), task("e", AL, [D3], ["soil2"], deps=["c"]))


# -- "When A has X, B has Y and C is Z, ...": states listed with commas are all the condition's -----------------


def test_states_listed_with_commas_after_when_all_time_the_order(fleet, world):
    assert_plan("Truck 3 goes to soil 1 and excavator 2 goes to rock 2. Trucks 1 and 2 check obstacle 1. When truck 3 "
                "has arrived, excavator 2 has finished at rock 2 and trucks 1 and 2 are done at obstacle 1, excavator "
                "1 goes to puddle 1.", fleet, world,
                task("a", T, [D3], ["soil1"]), task("b", T, [E2], ["rock2"]), task("c", T, [D1, D2], ["obstacle1"]),
                task("d", T, [E1], ["puddle1"], deps=["a", "b", "c"]))


def test_an_order_after_a_condition_with_a_comma_is_still_an_order(fleet, world):
    assert_plan("Excavator 2 goes to rock 2. When it has arrived, truck 1 goes to rock 2, and truck 2 goes to rock 1.",
                fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", T, [D1], ["rock2"], deps=["a"]),
                task("c", T, [D2], ["rock1"], deps=["a"]))


# -- "each of them has to drive to its rock first": a move said again to each robot's own place ----------------


def test_a_move_to_its_own_place_said_again_adds_nothing(fleet, world):
    assert_plan("I want one excavator digging at rock 1 and another one digging at rock 2. Each of them has to "
                "drive to its rock first.", fleet, world,
                task("a", T, [], ["rock1"], types=[("excavator", 1)]),
                task("b", DIG, [], deps=["a"], types=[("excavator", 1)]),
                task("c", T, [], ["rock2"], types=[("excavator", 1)]),
                task("d", DIG, [], deps=["c"], types=[("excavator", 1)]))


def test_its_place_with_no_robot_bound_anywhere_is_still_refused_naming_it(fleet, world):
    rp = rules_plan("Each excavator drives to its soil pile.", fleet, world)
    assert not rp.ok
    assert any("its soil pile" in e for e in rp.errors)


# -- "lift the keep-out for the other robots": the robots it was put up for ------------------------------------


def test_lifting_for_the_other_robots_opens_the_keep_out_for_those_it_was_put_up_for(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1 together. As soon as they are there, everyone except those two "
                "must keep away from soil 1. Excavator 1 digs. When the digging is done, lift the soil 1 keep-out for "
                "the other robots.", fleet, world,
                task("a", T, [E1, D1], ["soil1"]), task("b", AV, [E2, E3, D2, D3], ["soil1"], deps=["a"]),
                task("c", DIG, [E1], deps=["a"]), task("d", AL, [E2, E3, D2, D3], ["soil1"], deps=["b", "c"]))


# -- a start keep-out that covers every robot of a type gates an unnamed group of that type ---------------------


def test_a_start_keep_out_over_every_excavator_gates_unnamed_excavators(fleet, world):
    assert_plan("From the start, all robots except dump truck 1 keep away from rock 2. A pair of excavators heads to "
                "soil 2 and digs there, and truck 1 checks rock 2.", fleet, world,
                task("a", AV, [E1, E2, E3, D2, D3], ["rock2"]),
                task("b", T, [], ["soil2"], deps=["a"], types=[("excavator", 2)]),
                task("c", DIG, [], deps=["b"], types=[("excavator", 2)]), task("d", T, [D1], ["rock2"]))


def test_a_keep_out_over_only_some_trucks_leaves_an_unnamed_truck_free(fleet, world):
    assert_plan("From the start, trucks 1 and 2 keep away from rock 2. A truck goes to soil 2.", fleet, world,
                task("a", AV, [D1, D2], ["rock2"]), task("b", T, [], ["soil2"], types=[("dump_truck", 1)]))


# -- "when both rock inspections are done, trucks 1 and 2 ...": a join, one move for both (rules 6, 9) ----------


def test_a_joining_anchor_makes_the_robots_wait_for_all_the_steps_together(fleet, world):
    assert_plan("Excavator 1 checks soil 1 and excavator 2 checks soil 2. When both soil checks are over, excavators "
                "1 and 2 head to obstacle 2.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E2], ["soil2"]),
                task("c", T, [E1, E2], ["obstacle2"], deps=["a", "b"]))


# -- "When X, A ..., and <place> is open again for all robots": the leading condition reaches the fleet conjunct --


def test_a_fleet_wide_lifting_joined_after_a_timed_clause_shares_its_condition(fleet, world):
    assert_plan("Everybody keeps clear of rock 2 from the start. Truck 3 drives to soil 1. Once truck 3 has got "
                "there, excavator 3 stays away from puddle 1, and rock 2 is open again for everybody.", fleet, world,
                task("a", AVA, [], ["rock2"]), task("b", T, [D3], ["soil1"], deps=["a"]),
                task("c", AV, [E3], ["puddle1"], deps=["b"]), task("d", ALA, [], ["rock2"], deps=["b"]))


# -- "when both trucks have unloaded": the trucks that did, not the two named last -----------------------------


def test_both_trucks_of_an_anchor_are_the_ones_that_did_the_deed(fleet, world):
    assert_plan("Truck 2 drives to rock 1 and tips its load there. Truck 3 drives to rock 2 and tips its load there. "
                "In the meantime truck 1 inspects soil 2. Once both trucks have tipped, excavator 3 goes home.",
                fleet, world,
                task("a", T, [D2], ["rock1"]), task("b", DUMP, [D2], deps=["a"]),
                task("c", T, [D3], ["rock2"]), task("d", DUMP, [D3], deps=["c"]),
                task("e", T, [D1], ["soil2"]), task("f", R, [E3], deps=["b", "d"]))


# -- a move shared by a named robot and an unnamed group: the group's next step waits for the group's own move ---


def test_the_loading_of_an_unnamed_truck_waits_for_its_own_move_after_the_split(fleet, world):
    assert_plan("Excavator 3 and a dump truck head to soil 2 together. Excavator 3 digs there and fills the truck.",
                fleet, world,
                task("a", T, [E3], ["soil2"]), task("b", T, [], ["soil2"], types=[("dump_truck", 1)]),
                task("c", DIG, [E3], deps=["a"]), task("d", LOAD, [E3], deps=["b", "c"]))


# -- "after that keep-out is in place": "that" points at the keep-out, it is no "after that" -------------------


def test_after_that_keep_out_is_an_anchor_on_the_keep_out(fleet, world):
    assert_plan("Truck 2 drives to soil 2, and once it is there, all robots keep away from soil 2. After that "
                "keep-out is in place, truck 2 checks rock 1.", fleet, world,
                task("a", T, [D2], ["soil2"]), task("b", AVA, [], ["soil2"], deps=["a"]),
                task("c", T, [D2], ["rock1"], deps=["b"]))


def test_after_that_before_a_named_place_stays_the_connective(fleet, world):
    assert_plan("Truck 2 checks soil 2 first, and after that soil 2 is closed to everyone.", fleet, world,
                task("a", T, [D2], ["soil2"]), task("b", AVA, [], ["soil2"], deps=["a"]))
