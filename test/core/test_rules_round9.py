"""Round 9 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    AL,
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
    T,
    assert_plan,
    task,
)

# -- "the loader is excavator 3": a role said with a copula names the robot, like an apposition ------


def test_role_noun_said_to_be_a_robot_with_a_copula_is_that_robot_later(fleet, world):
    assert_plan("The loader today is excavator 3. Move the loader to rock 2 and let the loader dig there.",
                fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]))


def test_robot_said_to_be_a_role_then_both_go_together(fleet, world):
    assert_plan("The tipper (truck 1) must carry dirt from soil 1 to puddle 2. Excavator 2 is the digger for "
                "this: send both to soil 1 together, the digger digs and fills the tipper, then the tipper "
                "drives to puddle 2 and dumps.", fleet, world,
                task("a", T, [E2, D1], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", T, [D1], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D1], deps=["d"]))


def test_role_copula_with_a_verb_after_it_is_not_folded(fleet, world):
    # "truck 3 is ..." followed by its own verb stays a clause: the copula only folds a naming clause
    assert_plan("Dump truck 3 is to go to puddle 1 and dump.", fleet, world,
                task("a", T, [D3], ["puddle1"]), task("b", DUMP, [D3], deps=["a"]))


# -- "..., it is already there": a state said after the clause spares the clause's move --------------


def test_state_said_after_the_clause_spares_the_move(fleet, world):
    assert_plan("On rock 1, excavator 1 digs; it's already there. Then truck 2 goes to rock 1 and excavator 1 "
                "loads it.", fleet, world,
                task("a", DIG, [E1]), task("b", T, [D2], ["rock1"], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]))


def test_state_after_a_clause_with_two_places_is_left_alone(fleet, world):
    # "there" could be either place: the move is kept (the place it drives from is no move: mends 26)
    assert_plan("Truck 2 drives from rock 1 to puddle 2 - it is already there.", fleet, world,
                task("b", T, [D2], ["puddle2"]))


# -- "does a check": a light verb with an event noun is the event's verb ------------------------------


def test_light_verb_with_an_event_noun_after_a_fronted_place(fleet, world):
    assert_plan("At obstacle 2, truck 1 does an inspection. Next, excavator 3 goes to soil 2 and performs a dig.",
                fleet, world,
                task("a", T, [D1], ["obstacle2"]), task("b", T, [E3], ["soil2"], deps=["a"]),
                task("c", DIG, [E3], deps=["b"]))


# -- "After both, ...": the work said before, every branch --------------------------------------------


def test_after_both_opening_a_sentence_waits_for_both_branches(fleet, world):
    assert_plan("Excavator 1 digs at soil 2 - it is already there. Truck 3 inspects puddle 2. After both, "
                "truck 3 drives to soil 2 and excavator 1 loads it.", fleet, world,
                task("a", DIG, [E1]), task("b", T, [D3], ["puddle2"]),
                task("c", T, [D3], ["soil2"], deps=["a", "b"]), task("d", LOAD, [E1], deps=["c"]))


# -- "Both dumped -> ...": an arrow after a finished deed is "once ..., then" -------------------------


def test_arrow_after_a_participle_is_a_condition_for_the_rest(fleet, world):
    assert_plan("Keep-out puddle 1 for trk 2 + trk 3. Exc 3 -> rock 1, dig. Trk 2 -> rock 1 after exc 3 has dug; "
                "exc 3 loads it. Exc 1 -> rock 2, dig. Trk 3 -> rock 2 after exc 1 has dug; exc 1 loads it. "
                "Both loaded -> trk 2 + trk 3 to soil 2, dump. Both dumped -> lift puddle 1 keep-out for "
                "trk 2 + trk 3.", fleet, world,
                task("k", AV, [D2, D3], ["puddle1"]),
                task("a", T, [E3], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, [D2], ["rock1"], deps=["k", "b"]), task("d", LOAD, [E3], deps=["c"]),
                task("e", T, [E1], ["rock2"]), task("f", DIG, [E1], deps=["e"]),
                task("g", T, [D3], ["rock2"], deps=["k", "f"]), task("h", LOAD, [E1], deps=["g"]),
                task("i", T, [D2, D3], ["soil2"], deps=["d", "h"]), task("j", DUMP, [D2, D3], deps=["i"]),
                task("l", AL, [D2, D3], ["puddle1"], deps=["j"]))


def test_arrow_after_a_robot_alone_is_still_a_move(fleet, world):
    assert_plan("Trk 1 -> soil 1, dump.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", DUMP, [D1], deps=["a"]))


# -- a verbless conjunct shares the verb's timing; "its rock" there is each conjunct's own place ------


def test_anchor_after_a_gapped_conjunct_times_both_with_there(fleet, world):
    assert_plan("Excavator 3 digs at rock 2 and excavator 1 digs at soil 1. Truck 2 heads to rock 2 and truck 1 "
                "to soil 1 after the digging there.", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["c"]),
                task("e", T, [D2], ["rock2"], deps=["b"]), task("f", T, [D1], ["soil1"], deps=["d"]))


def test_its_place_in_a_shared_anchor_is_each_conjuncts_own(fleet, world):
    assert_plan("Excavators 1 and 3 go to soil 2 and soil 1 respectively and dig. Truck 3 drives to soil 2 and "
                "truck 2 to soil 1 as soon as the digging at its soil is finished.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["soil1"]), task("d", DIG, [E3], deps=["c"]),
                task("e", T, [D3], ["soil2"], deps=["b"]), task("f", T, [D2], ["soil1"], deps=["d"]))


def test_imperative_with_a_gapped_conjunct_times_the_second_only(fleet, world):
    # the first conjunct does the digging the anchor waits for: only the second waits
    assert_plan("Send excavator 2 to rock 1 to dig, and truck 3 to rock 1 once the digging is finished.",
                fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D3], ["rock1"], deps=["b"]))


# -- "each excavator loads the truck there": the truck beside each excavator --------------------------


def test_each_loader_loads_the_truck_beside_it(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and excavator 3 goes to rock 1; both dig. Truck 1 then drives to "
                "soil 2 and truck 2 to rock 1. Each excavator fills the truck at its site.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", T, [E3], ["rock1"]),
                task("c", DIG, [E1], deps=["a"]), task("d", DIG, [E3], deps=["b"]),
                task("e", T, [D1], ["soil2"], deps=["c", "d"]), task("f", T, [D2], ["rock1"], deps=["c", "d"]),
                task("g", LOAD, [E1], deps=["e"]), task("h", LOAD, [E3], deps=["f"]))


# -- "a truck goes to each of them after ...: truck 1 to X, truck 3 to Y": the list names the trucks -----


def test_colon_list_names_the_robots_of_an_indefinite_move_and_keeps_its_timing(fleet, world):
    assert_plan("Excavator 3 digs at rock 1 and excavator 2 digs at puddle 2, and a truck heads to each of them "
                "once the digging there is over: truck 2 to rock 1, truck 1 to puddle 2.", fleet, world,
                task("a", T, [E3], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, [E2], ["puddle2"]), task("d", DIG, [E2], deps=["c"]),
                task("e", T, [D2], ["rock1"], deps=["b"]), task("f", T, [D1], ["puddle2"], deps=["d"]))


# -- "- both drive there first -" after work at named places adds nothing ----------------------------


def test_aside_saying_both_drive_there_first_is_not_a_move_to_the_last_place(fleet, world):
    assert_plan("Excavator 2 digs at rock 2 and excavator 3 digs at soil 1 (both drive there first).", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [E3], ["soil1"]), task("d", DIG, [E3], deps=["c"]))


# -- "..., then truck 3, and each hauls its load to X": "each" is the trucks of the sentence ------------


def test_each_after_an_ordered_loading_is_every_truck_not_the_last_one_named(fleet, world):
    assert_plan("Excavator 3 is already at rock 2 and digs. Trucks 2 and 1 each drive to rock 2 and excavator 3 "
                "fills truck 2 first, then truck 1, and each hauls its load to puddle 1.", fleet, world,
                task("a", DIG, [E3]),
                task("b", T, [D2], ["rock2"]), task("c", T, [D1], ["rock2"]),
                task("d", LOAD, [E3], deps=["a", "b"]), task("e", LOAD, [E3], deps=["c", "d"]),
                task("f", T, [D2], ["puddle1"], deps=["d"]), task("g", DUMP, [D2], deps=["f"]),
                task("h", T, [D1], ["puddle1"], deps=["e"]), task("i", DUMP, [D1], deps=["h"]))


# -- "get loaded there by excavator 1 - truck 3 first, then truck 2 - and ...": ordered passive loading --


def test_ordered_passive_loading_with_there_and_a_clause_after_the_aside(fleet, world):
    assert_plan("Excavator 1 is already at soil 1 and digs. Trucks 2 and 3 each drive to soil 1 and get loaded "
                "there by excavator 1 - truck 3 first, then truck 2 - and each dumps its load at obstacle 2.",
                fleet, world,
                task("a", DIG, [E1]),
                task("b", T, [D2], ["soil1"]), task("c", T, [D3], ["soil1"]),
                task("d", LOAD, [E1], deps=["a", "c"]), task("e", LOAD, [E1], deps=["b", "d"]),
                task("f", T, [D3], ["obstacle2"], deps=["d"]), task("g", DUMP, [D3], deps=["f"]),
                task("h", T, [D2], ["obstacle2"], deps=["e"]), task("i", DUMP, [D2], deps=["h"]))


# -- "... has to dig before any loading", said after the loadings: the dig goes first in its chain ------


def test_dig_said_to_come_before_any_loading_after_the_loadings(fleet, world):
    assert_plan("Truck 3 goes to rock 1 and excavator 1 loads it; then excavator 1 returns to start. Excavator 1 "
                "is already at rock 1 and must dig before any loading.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("z", DIG, [E1]),
                task("b", LOAD, [E1], deps=["a", "z"]), task("c", "return_to_start_for_specific_robots", [E1],
                                                          deps=["b"]))


# -- "as long as it makes sense": a hedge, not a robot called "it" ------------------------------------


def test_it_makes_sense_hedge_is_no_robot_reference(fleet, world):
    assert_plan("In whatever order, as long as it makes sense: truck 3 to inspect puddle 1 and excavator 2 to dig "
                "at rock 2.", fleet, world,
                task("a", T, [D3], ["puddle1"]), task("b", T, [E2], ["rock2"]), task("c", DIG, [E2], deps=["b"]))


# -- "Once X (do that first), Y": the condition is itself the first order -----------------------------


def test_condition_marked_do_that_first_is_carried_out_first(fleet, world):
    assert_plan("When all robots have returned to start (do this first), truck 2 drives to soil 1 and dumps.",
                fleet, world,
                task("a", "return_to_start_for_all_robots"), task("b", T, [D2], ["soil1"], deps=["a"]),
                task("c", DUMP, [D2], deps=["b"]))
