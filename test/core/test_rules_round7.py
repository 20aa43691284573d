"""Round 7 of the rules planner's generalisation: when a step starts and who goes together.
Wordings written for these tests only (none is from the benchmark, the paraphrase set or the
examples), each with the plan the benchmark conventions prescribe."""

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
    RA,
    R,
    T,
    assert_plan,
    task,
)

# -- "then" after a subject and a modal ("truck 2 should then go") reads as "truck 2 then goes" --------


def test_then_after_modal_for_a_new_robot_waits_for_the_step_before(fleet, world):
    assert_plan("Excavator 2 drives to rock 2 and digs. Dump truck 1 must then head to puddle 1.", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["puddle1"], deps=["b"]))


def test_then_after_modal_for_a_robot_with_a_chain_continues_only_that_chain(fleet, world):
    assert_plan("Truck 2 goes to obstacle 1. Excavator 1 goes to soil 2 and digs. Truck 2 will then go to "
                "rock 1.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", T, [E1], ["soil2"]), task("c", DIG, [E1], deps=["b"]),
                task("d", T, [D2], ["rock1"], deps=["a"]))


# -- "the trucks": the latest mention of several, also when one of them was singled out since ------------


def test_the_trucks_after_one_was_singled_out_are_the_named_pair_not_every_truck(fleet, world):
    # "every robot but excavator 3" names truck 1 too; "the trucks" are still trucks 2 and 3
    assert_plan("Every robot except excavator 3 avoids rock 1. Trucks 2 and 3 go to soil 2 with excavator 1, "
                "and it digs and loads them, truck 3 first. The trucks then drive home.", fleet, world,
                task("k", AV, [E1, E2, D1, D2, D3], ["rock1"]),
                task("a", T, [D2, D3, E1], ["soil2"], deps=["k"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", LOAD, [E1], deps=["c"]),
                task("e", R, [D2, D3], deps=["d"]))


def test_the_trucks_after_each_truck_was_named_alone_are_all_of_them(fleet, world):
    # singled-out trucks that are not all part of the earlier pair: "the trucks" is not that pair
    assert_plan("Trucks 1 and 2 avoid puddle 2. Truck 1 goes to rock 1, truck 2 goes to rock 2 and truck 3 "
                "goes to soil 1. The trucks then go home.", fleet, world,
                task("k", AV, [D1, D2], ["puddle2"]),
                task("a", T, [D1], ["rock1"], deps=["k"]), task("b", T, [D2], ["rock2"], deps=["k"]),
                task("c", T, [D3], ["soil1"]),
                task("d", R, [D1], deps=["a"]), task("e", R, [D2], deps=["b"]), task("f", R, [D3], deps=["c"]))


# -- a move said for several robots whose last steps follow one another is one task -----------------------


def test_plural_move_after_chained_loadings_is_one_task_after_the_last(fleet, world):
    assert_plan("Excavator 2 goes to rock 2 and digs. Trucks 1 and 3 come to rock 2 once it has dug, and "
                "excavator 2 fills truck 1 first and then truck 3. Both trucks then head to puddle 1.", fleet, world,
                task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1, D3], ["rock2"], deps=["b"]),
                task("d", LOAD, [E2], deps=["c"]), task("e", LOAD, [E2], deps=["d"]),
                task("f", T, [D1, D3], ["puddle1"], deps=["e"]))


# -- "after that" + a quantified subject ("after that both trucks ...") is the connective, not "that trucks" --


def test_after_that_without_comma_before_both_trucks_is_a_sequence(fleet, world):
    assert_plan("Excavator 3 drives to rock 1 and digs. After that both trucks head to rock 1 and excavator 3 "
                "loads them.", fleet, world,
                task("a", T, [E3], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, types=[("dump_truck", 2)], objs=["rock1"], deps=["b"]),
                task("d", LOAD, [E3], deps=["c"]))


def test_after_that_before_a_count_in_telegraphic_style(fleet, world):
    assert_plan("exc 2 to soil 2, dig. after that two trucks over to soil 2, exc 2 loads them.", fleet, world,
                task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, types=[("dump_truck", 2)], objs=["soil2"], deps=["b"]),
                task("d", LOAD, [E2], deps=["c"]))


def test_after_that_truck_is_still_an_anchor_on_that_truck(fleet, world):
    assert_plan("Truck 2 goes to puddle 1. After that truck has arrived, excavator 1 goes to soil 1.", fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", T, [E1], ["soil1"], deps=["a"]))


# -- "each gets loaded by the excavator there": each truck by the excavator where that truck stands ---------


def test_each_truck_loaded_by_the_excavator_there_pairs_by_place(fleet, world):
    assert_plan("Excavator 1 digs at rock 1 and excavator 3 digs at rock 2. Then truck 3 drives to rock 1 and "
                "truck 2 to rock 2; each is loaded by the excavator there.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["rock2"]), task("d", DIG, [E3], deps=["c"]),
                task("e", T, [D3], ["rock1"], deps=["b", "d"]), task("f", T, [D2], ["rock2"], deps=["b", "d"]),
                task("g", LOAD, [E1], deps=["e"]), task("h", LOAD, [E3], deps=["f"]))


def test_one_truck_loaded_by_the_excavator_there_still_goes_there(fleet, world):
    # a single truck: "there" is the place just named, and the truck drives to it first
    assert_plan("Excavator 2 digs at soil 2. Truck 1 then gets loaded by the excavator there.", fleet, world,
                task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["soil2"], deps=["b"]), task("d", LOAD, [E2], deps=["c"]))


# -- "neither truck" (singular noun) speaks of both trucks named before ------------------------------------


def test_neither_with_a_singular_noun_keeps_both_named_robots_out(fleet, world):
    assert_plan("Trucks 1 and 3 drive to soil 2. After that, neither truck may enter rock 1.", fleet, world,
                task("a", T, [D1, D3], ["soil2"]), task("b", AV, [D1, D3], ["rock1"], deps=["a"]))


def test_neither_with_a_singular_noun_after_a_counted_pair_is_that_pair(fleet, world):
    assert_plan("Two excavators dig at soil 1. Then neither excavator may go near puddle 2.", fleet, world,
                task("a", T, types=[("excavator", 2)], objs=["soil1"]),
                task("b", DIG, types=[("excavator", 2)], deps=["a"]),
                task("c", AV, types=[("excavator", 2)], objs=["puddle2"], deps=["b"]))


# -- "It's a long day.": an expletive "it" that stands for no robot is a remark ------------------------------


def test_sentence_with_expletive_it_and_no_action_is_a_remark(fleet, world):
    assert_plan("It's a busy morning. Excavator 1 drives to soil 2 and digs.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]))


def test_it_with_an_action_still_refers_to_the_robot_before(fleet, world):
    assert_plan("Truck 3 drives to puddle 1. It is then sent home.", fleet, world,
                task("a", T, [D3], ["puddle1"]), task("b", R, [D3], deps=["a"]))


# -- "each loaded truck", "the loaded trucks": every truck loaded so far --------------------------------------


def test_each_loaded_truck_is_every_truck_loaded_before_each_after_its_own_loading(fleet, world):
    assert_plan("Excavator 3 digs at rock 2. Trucks 2 and 3 drive to rock 2. Excavator 3 loads truck 3 and "
                "truck 2, truck 3 first. Every loaded truck then tips at soil 1.", fleet, world,
                task("a", T, [E3, D2, D3], ["rock2"]), task("b", DIG, [E3], deps=["a"]),
                task("c", LOAD, [E3], deps=["b"]), task("d", LOAD, [E3], deps=["c"]),
                task("e", T, [D3], ["soil1"], deps=["c"]), task("f", DUMP, [D3], deps=["e"]),
                task("g", T, [D2], ["soil1"], deps=["d"]), task("h", DUMP, [D2], deps=["g"]))


def test_the_loaded_trucks_are_both_trucks_loaded_together(fleet, world):
    assert_plan("Excavator 2 digs at soil 2. Trucks 1 and 3 go to soil 2. Excavator 2 fills truck 1 and truck 3. "
                "The loaded trucks then return to base.", fleet, world,
                task("a", T, [E2, D1, D3], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                task("c", LOAD, [E2], deps=["b"]), task("d", R, [D1, D3], deps=["c"]))


# -- a loading order aside followed by ", and <new clause>" keeps every loading -------------------------------


def test_loading_order_aside_before_a_new_clause_keeps_the_second_loading(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Trucks 1 and 2 go to soil 1. Excavator 1 loads truck 2 and truck 1 "
                "(truck 2 first), and truck 3 goes home.", fleet, world,
                task("a", T, [E1, D1, D2], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", LOAD, [E1], deps=["c"]), task("e", R, [D3]))


# -- crews and teams named in the text and referred to by name later ------------------------------------------


def test_crews_defined_in_a_sentence_each_are_referred_back_to(fleet, world):
    assert_plan("Crew A is excavator 1 plus truck 3. Crew B is excavator 3 plus truck 1. Crew A drives to "
                "rock 2 and crew B drives to soil 1. When crew B has arrived, crew A goes home.", fleet, world,
                task("a", T, [E1, D3], ["rock2"]), task("b", T, [E3, D1], ["soil1"]),
                task("c", R, [E1, D3], deps=["a", "b"]))


def test_crew_defined_in_an_aside_is_the_subject_where_it_stands(fleet, world):
    assert_plan("Team two, excavator 2 and truck 2, heads to puddle 1. Truck 3 goes to rock 1. Team two then "
                "returns to base.", fleet, world,
                task("a", T, [E2, D2], ["puddle1"]), task("c", T, [D3], ["rock1"]),
                task("b", R, [E2, D2], deps=["a"]))


def test_crew_heading_before_its_orders(fleet, world):
    assert_plan("Squad 1: excavator 3 and truck 1 go to soil 2. Excavator 2 digs at rock 2. Squad 1 then checks "
                "rock 1.", fleet, world,
                task("a", T, [E3, D1], ["soil2"]), task("c", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["c"]),
                task("b", T, [E3, D1], ["rock1"], deps=["a"]))


# -- "a truck - another one -": an aside that says the new robot is a new one adds no second robot -----------


def test_aside_saying_a_new_robot_is_a_different_one_is_the_same_mention(fleet, world):
    assert_plan("Two trucks go to puddle 1, and a truck (another one) must inspect obstacle 2.", fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["puddle1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["obstacle2"]))
    assert_plan("A pair of excavators dig at rock 1; an excavator - a different one - goes home.", fleet, world,
                task("a", T, types=[("excavator", 2)], objs=["rock1"]),
                task("b", DIG, types=[("excavator", 2)], deps=["a"]),
                task("c", R, types=[("excavator", 1)]))


# -- "At soil 1, excavator 1 digs": a place said first is where the clause after it happens -----------------


def test_place_before_the_comma_is_where_the_next_clause_happens(fleet, world):
    assert_plan("Truck 1 goes to soil 1. At soil 2, excavator 1 digs.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [E1], ["soil2"]), task("c", DIG, [E1], deps=["b"]))


def test_places_before_each_clause_pick_the_loading_site(fleet, world):
    assert_plan("Excavator 1 digs at rock 1 and excavator 2 digs at rock 2. Then truck 1 drives to rock 1 and "
                "truck 2 drives to rock 2. At rock 1, excavator 1 loads truck 1; at rock 2, excavator 2 loads "
                "truck 2.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["c"]),
                task("e", T, [D1], ["rock1"], deps=["b", "d"]), task("f", T, [D2], ["rock2"], deps=["b", "d"]),
                task("g", LOAD, [E1], deps=["e"]), task("h", LOAD, [E2], deps=["f"]))


# -- "the pair", "both trucks" after a pair and a single one of the same type: the pair --------------------------


def test_the_pair_loaded_after_a_pair_and_another_truck_is_the_pair(fleet, world):
    assert_plan("A pair of trucks goes to soil 1 and another truck goes to soil 2. Excavator 1 digs at soil 1. "
                "Excavator 1 loads the pair.", fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["soil1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["soil2"]),
                task("c", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["c"]),
                task("e", LOAD, [E1], deps=["a", "d"]))


def test_both_trucks_after_two_trucks_and_a_third_is_the_two(fleet, world):
    assert_plan("Two trucks go to puddle 1 and a third truck goes to rock 1. Both trucks then return to base.",
                fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["puddle1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["rock1"]),
                task("c", R, types=[("dump_truck", 2)], deps=["a"]))


def test_the_pair_as_subject_after_a_pair_and_another_truck_is_the_pair(fleet, world):
    assert_plan("A pair of trucks goes to puddle 1 and another truck goes to rock 1. Then the pair returns home.",
                fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["puddle1"]),
                task("b", T, types=[("dump_truck", 1)], objs=["rock1"]),
                task("c", R, types=[("dump_truck", 2)], deps=["a", "b"]))


# -- "prior to any driving, X": X comes first (the anchor names no robot and no place) -----------------------


def test_before_any_driving_is_first(fleet, world):
    assert_plan("Prior to any driving, trucks 1 and 3 must keep clear of rock 2. Truck 1 then heads to soil 1.",
                fleet, world,
                task("k", AV, [D1, D3], ["rock2"]), task("a", T, [D1], ["soil1"], deps=["k"]))


# -- "You, truck 3: ..." is truck 3, not the robot spoken to before; "you two" are the two spoken to ---------


def test_you_followed_by_a_name_is_that_robot_not_the_previous_addressee(fleet, world):
    assert_plan("You, truck 1: drive to rock 2. You, excavator 3: go to soil 1 and dig.", fleet, world,
                task("a", T, [D1], ["rock2"]), task("b", T, [E3], ["soil1"]), task("c", DIG, [E3], deps=["b"]))


def test_you_two_are_both_robots_spoken_to(fleet, world):
    assert_plan("Truck 2, go to puddle 1. Excavator 1, go to puddle 2. After that, you two return to base.",
                fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", T, [E1], ["puddle2"]),
                task("c", R, [D2, E1], deps=["a", "b"]))


# -- "goes to X to check it": the check is at X, not a move back to the place said before the clause -----------


def test_go_somewhere_to_check_it_is_one_move_there(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Truck 1 drives to puddle 2 to inspect it. When excavator 2 has dug, "
                "truck 1 comes to soil 1.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["puddle2"]), task("d", T, [D1], ["soil1"], deps=["b", "c"]))


# -- "avoid X until it has been loaded": the loading is said later, not made here --------------------------------


def test_keep_out_until_loaded_does_not_invent_the_loading(fleet, world):
    assert_plan("Truck 1 keeps off rock 2 until it has been loaded. Excavator 3 goes to soil 2 and digs, and truck 1 "
                "drives to soil 2; excavator 3 loads truck 1. Once truck 1 is loaded, lift the rock 2 keep-out for "
                "truck 1.", fleet, world,
                task("k", AV, [D1], ["rock2"]), task("a", T, [E3], ["soil2"]), task("b", DIG, [E3], deps=["a"]),
                task("c", T, [D1], ["soil2"], deps=["k"]), task("d", LOAD, [E3], deps=["b", "c"]),
                task("e", AL, [D1], ["rock2"], deps=["d"]))


# -- "X and Y drive together to Z": one move, after what either waited for ---------------------------------------


def test_robots_driving_together_share_one_move_after_both_gates(fleet, world):
    assert_plan("Excavator 2 must avoid puddle 1 and truck 3 must avoid puddle 2. Excavator 2 and truck 3 drive "
                "together to rock 1.", fleet, world,
                task("k", AV, [E2], ["puddle1"]), task("l", AV, [D3], ["puddle2"]),
                task("a", T, [E2, D3], ["rock1"], deps=["k", "l"]))


def test_excavator_puts_the_soil_inside_the_truck_is_a_loading(fleet, world):
    assert_plan("Excavator 1 digs at soil 2. Then truck 3 comes to soil 2, and excavator 1 puts the soil inside "
                "truck 3.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [D3], ["soil2"], deps=["b"]), task("d", LOAD, [E1], deps=["c"]))


# -- "... upon completion of its digging" after the clause: the subject's own digging ----------------------------


def test_trailing_anchor_on_its_own_work_waits_for_the_subjects_step_only(fleet, world):
    assert_plan("Excavator 1 digs at rock 1 and excavator 3 digs at rock 2. Excavator 3 returns to base upon "
                "completion of its excavation.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["rock2"]), task("d", DIG, [E3], deps=["c"]), task("e", R, [E3], deps=["d"]))


# -- a loading named by a purpose ("to collect the soil") and said again later is one loading ---------------------


def test_loading_named_by_purpose_and_said_again_is_one_loading(fleet, world):
    assert_plan("Excavator 1 is already at rock 2 and digs there, and truck 3 drives to rock 2 to collect the rock; "
                "once the digging is done, excavator 1 fills truck 3.", fleet, world,
                task("a", DIG, [E1]), task("b", T, [D3], ["rock2"]), task("c", LOAD, [E1], deps=["a", "b"]))


# -- "when both are done" after a haul to X: the haul's tipping is part of what is waited for ----------------------


def test_when_both_are_done_waits_for_the_tipping_of_a_haul(fleet, world):
    assert_plan("Excavator 1 is already at rock 2 and digs there, and truck 3 drives to rock 2 to collect the rock; "
                "once the digging is done, excavator 1 fills truck 3, and truck 3 carries it to soil 1. Meanwhile "
                "truck 1 checks puddle 1. When both of them are done, every robot avoids soil 1.", fleet, world,
                task("a", DIG, [E1]), task("b", T, [D3], ["rock2"]), task("c", LOAD, [E1], deps=["a", "b"]),
                task("d", T, [D3], ["soil1"], deps=["c"]), task("e", DUMP, [D3], deps=["d"]),
                task("f", T, [D1], ["puddle1"]), task("g", AVA, objs=["soil1"], deps=["e", "f"]))


# -- "Excavator 3 is the only one digging today.": who does the work, not the work itself ------------------------


def test_role_statement_is_no_step_and_sets_it(fleet, world):
    assert_plan("Truck 2 will be the one hauling today. It drives to soil 1 first.", fleet, world,
                task("a", T, [D2], ["soil1"]))
    assert_plan("Excavator 2 is the only one digging. It goes to rock 1 and digs.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]))


# -- "truck 1 is waiting already at soil 1, so no need to drive it": no move ---------------------------------------


def test_robot_waiting_already_at_a_place_is_not_moved(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Truck 3 is waiting already at rock 1. Excavator 2 then loads truck 3.",
                fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]), task("c", LOAD, [E2], deps=["b"]))


def test_no_need_to_drive_them_is_no_order(fleet, world):
    assert_plan("Truck 1 is already at soil 1 and truck 3 is already at soil 2, so no need to drive them. "
                "Excavator 1 digs at soil 1 and loads truck 1.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]), task("c", LOAD, [E1], deps=["b"]))


# -- "X when A, and Y when B": Y waits for B only -----------------------------------------------------------------


def test_conjunct_with_its_own_trailing_anchor_does_not_wait_for_the_first_ones(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. When excavator 1 has dug, truck 1 goes "
                "to rock 1, and truck 2 goes to rock 2 when excavator 2 has dug.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E2], ["soil2"]), task("d", DIG, [E2], deps=["c"]),
                task("e", T, [D1], ["rock1"], deps=["b"]), task("f", T, [D2], ["rock2"], deps=["d"]))


# -- "..., and after they come back home." closing a sentence: afterwards ------------------------------------------


def test_and_after_closing_the_sentence_is_the_next_step(fleet, world):
    assert_plan("Trucks 1 and 2 drive to puddle 1, they dump there, and after they return home.", fleet, world,
                task("a", T, [D1, D2], ["puddle1"]), task("b", DUMP, [D1, D2], deps=["a"]),
                task("c", R, [D1, D2], deps=["b"]))


def test_robots_that_meet_at_a_place_share_one_move(fleet, world):
    assert_plan("Truck 1 inspects puddle 1 and excavator 3 inspects rock 1. Later both of them meet at soil 2.",
                fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [E3], ["rock1"]),
                task("c", T, [D1, E3], ["soil2"], deps=["a", "b"]))
    assert_plan("Truck 1 inspects puddle 1 and excavator 3 inspects rock 1. Truck 1 and excavator 3 then meet up at "
                "soil 2.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [E3], ["rock1"]),
                task("c", T, [D1, E3], ["soil2"], deps=["a", "b"]))


# -- a title before the first order does not stop a fleet-wide keep-out from being the first step ----------------


def test_fleet_keep_out_after_a_title_gates_every_move(fleet, world):
    assert_plan("Orders for the rock pile:\\n- all robots avoid puddle 2\\n- excavator 1 to soil 1, dig there",
                fleet, world,
                task("k", AVA, objs=["puddle2"]), task("a", T, [E1], ["soil1"], deps=["k"]),
                task("b", DIG, [E1], deps=["a"]))


# -- "Finally: ...", "Last box: ...": the connective before a colon opens the sentence after it -------------------


def test_final_connective_before_a_colon_waits_for_everything(fleet, world):
    assert_plan("Truck 3 goes to puddle 2. Excavator 2 goes to rock 1. Finally: every robot may use soil 1 again.",
                fleet, world,
                task("a", T, [D3], ["puddle2"]), task("b", T, [E2], ["rock1"]),
                task("c", ALA, objs=["soil1"], deps=["a", "b"]))
    assert_plan("[ ] truck 3 to puddle 2\\n[ ] excavator 2 to rock 1\\n[ ] last box: every robot may use soil 1 again",
                fleet, world,
                task("a", T, [D3], ["puddle2"]), task("b", T, [E2], ["rock1"]),
                task("c", ALA, objs=["soil1"], deps=["a", "b"]))


# -- a keep-out lifted for some robots gates only their moves to that place ---------------------------------------


def test_move_to_a_place_whose_keep_out_was_lifted_for_others_does_not_wait_for_it(fleet, world):
    assert_plan("Excavator 2 and truck 3 must avoid rock 1. Excavator 2 digs at soil 1. Once excavator 2 has dug, "
                "lift the rock 1 restriction for excavator 2, and truck 1 drives to rock 1.", fleet, world,
                task("k", AV, [E2, D3], ["rock1"]), task("a", T, [E2], ["soil1"], deps=["k"]),
                task("b", DIG, [E2], deps=["a"]), task("c", AL, [E2], ["rock1"], deps=["b"]),
                task("d", T, [D1], ["rock1"], deps=["b"]))


def test_once_the_truck_has_delivered_its_load_waits_for_its_tipping(fleet, world):
    assert_plan("Truck 1 and excavator 2 go to soil 1. Excavator 2 digs and loads the truck; the truck then takes "
                "the load to rock 2. Once truck 1 has delivered its load, excavator 2 goes home.", fleet, world,
                task("a", T, [D1, E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("d", LOAD, [E2], deps=["b"]),
                task("e", T, [D1], ["rock2"], deps=["d"]), task("f", DUMP, [D1], deps=["e"]),
                task("g", R, [E2], deps=["f"]))


# -- "truck 3 will need puddle 2": why a keep-out spares it, not a move ------------------------------------------


def test_robot_that_needs_a_place_is_not_sent_there(fleet, world):
    assert_plan("Truck 1 will need rock 2 later, so the other robots keep away from rock 2 first. Then truck 1 "
                "goes to rock 2.", fleet, world,
                task("k", AV, [E1, E2, E3, D2, D3], ["rock2"]), task("a", T, [D1], ["rock2"], deps=["k"]))


# -- "the other four robots" = the fleet but the robots named; a fleet return does not wait for their keep-out ------


def test_the_other_four_robots_and_a_fleet_return_after_their_keep_out(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1. The other four robots avoid soil 1. When truck 1 is at soil 1, "
                "every robot returns to start.", fleet, world,
                task("a", T, [E1, D1], ["soil1"]), task("k", AV, [E2, E3, D2, D3], ["soil1"]),
                task("r", RA, deps=["a"]))
