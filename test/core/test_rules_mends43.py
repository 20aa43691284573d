"""Mends of helper M43: dev failures of two shared causes.

1. An opening sentence that tells the job ahead ("Dump truck 2 will pick up soil from both piles today.", "I'd like
   truck 2 to pick up material at both soil sites before it goes to rock 2.") was read as orders: its moves were
   made beside the moves that the later sentences spell out, and merged with them or swallowed them. A sentence
   whose robots (by number) work at places said by their count ("both piles", "the two soil piles", "two sites"),
   before any other robot is named, tells the job ahead when the later sentences spell it out: its robots, verbs
   and named places come back, each verb at least as often as the places counted, and that many places of the kind
   are named. It makes no steps then; when nothing later spells it out, or the next sentence goes on after it
   ("Then ..."), it stays an order.
2. Headed sections that tell the job ahead ("Goals for today: soil 1 dug out, ... Crew: excavator 1 digs at soil 1,
   ... Order: ...", "What I need by the end of the day: ... Order: ...") were read as orders beside the steps under
   their own heading. A text that opens with a heading of goals or crew (lexicon ``goal_nouns``,
   ``told_ahead_headings``, or a person's need: "What I need") and later has a heading of the steps
   (``step_headings``) plans only the steps: what comes before is a goal, checked against the plan; its robots are
   the ones the steps then mean ("the two excavators"), and a robot's own place or deed in the steps ("drive to
   their spots", "do its check") is the one place the sections gave it (left as written when there are several:
   refused, naming the verb). A robot the sections cast with no number ("whichever truck is free does the
   hauling") is the first "the free truck" of the steps, one more truck; read as "the truck", it was truck 3.
3. (found on the way) "Truck 3 goes to obstacle 2. A free truck goes to soil 1." sent truck 3: with a word between
   the indefinite article and the robot noun ("a free truck", "an available truck", "any spare excavator") the
   noun was read bare, the robot named last. It is now one more robot of the type, as "a truck" is; a group noun
   before the letter ("crew A is ...") still names a crew.
4. (found on the way, dev L3_524) "..., and once excavator 1 has dug they can use it again." after a keep-out was one
   more keep-out, for the anchor's robot too: "can use" was no lifting (only "may use" was), so the clause had no
   verb and "again" repeated the keep-out. "can use" is a lifting now (lexicon remove_keepout).
5. (found on the way, dev L3_524) "As soon as excavator 2 has loaded truck 1, ..." waited for truck 1's latest
   loading, by excavator 3: the anchor looked up each robot's latest loading, the truck's too. With a loader said
   before the verb, the truck only tells which of the loader's loadings it is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: an opening sentence that tells the job ahead adds no steps -----------------------------------------


def test_a_wish_told_ahead_with_both_piles_adds_no_steps(fleet, world):
    assert_plan("We'd like truck 3 to take on rock at both rock piles before it heads to puddle 1. Excavator 1 digs "
                "at rock 1 and excavator 2 digs at rock 2. Once excavator 1 has dug, truck 3 drives to rock 1 and "
                "gets loaded by excavator 1. After that truck 3 drives to rock 2 and excavator 2 loads it. Then "
                "truck 3 goes to puddle 1 and dumps.", fleet, world,
                task("m1", T, [E1], ["rock1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["rock2"]), task("g2", DIG, [E2], deps=["m2"]),
                task("t1", T, [D3], ["rock1"], deps=["g1"]), task("l1", LOAD, [E1], deps=["t1"]),
                task("t2", T, [D3], ["rock2"], deps=["l1"]), task("l2", LOAD, [E2], deps=["g2", "t2"]),
                task("t3", T, [D3], ["puddle1"], deps=["l2"]), task("d", DUMP, [D3], deps=["t3"]))


def test_a_duty_told_ahead_with_the_two_piles_adds_no_steps(fleet, world):
    assert_plan("Dump truck 1 is to collect soil at the two soil piles today. Excavator 2 goes to soil 1 and "
                "excavator 3 goes to soil 2, and both dig. When excavator 2 is done, truck 1 drives to soil 1 and "
                "excavator 2 loads it. Then truck 1 goes on to soil 2 and excavator 3 loads it there. Truck 1 dumps "
                "everything at puddle 2.", fleet, world,
                task("m1", T, [E2], ["soil1"]), task("m2", T, [E3], ["soil2"]),
                task("g2", DIG, [E3], deps=["m2"]), task("g1", DIG, [E2], deps=["m1"]),
                task("t1", T, [D1], ["soil1"], deps=["g1"]), task("l1", LOAD, [E2], deps=["t1"]),
                task("t2", T, [D1], ["soil2"], deps=["l1"]), task("l2", LOAD, [E3], deps=["g2", "t2"]),
                task("t3", T, [D1], ["puddle2"], deps=["l2"]), task("d", DUMP, [D1], deps=["t3"]))


def test_both_piles_of_the_cargo_told_ahead_add_no_steps(fleet, world):
    assert_plan("Dump truck 3 will pick up rock from both piles today. Excavator 2 goes to rock 1 and excavator 1 "
                "goes to rock 2, and both dig. Once excavator 2 is done, truck 3 drives to rock 1 and excavator 2 "
                "loads it. Then truck 3 moves on to rock 2 and excavator 1 loads it there. Truck 3 dumps everything "
                "at puddle 1.", fleet, world,
                task("m2", T, [E2], ["rock1"]), task("m1", T, [E1], ["rock2"]),
                task("g1", DIG, [E1], deps=["m1"]), task("g2", DIG, [E2], deps=["m2"]),
                task("t1", T, [D3], ["rock1"], deps=["g2"]), task("l2", LOAD, [E2], deps=["t1"]),
                task("t2", T, [D3], ["rock2"], deps=["l2"]), task("l1", LOAD, [E1], deps=["g1", "t2"]),
                task("t3", T, [D3], ["puddle1"], deps=["l1"]), task("d", DUMP, [D3], deps=["t3"]))


def test_a_plan_told_ahead_while_it_goes_on_adds_no_steps(fleet, world):
    assert_plan("Truck 1 is going to collect soil from both soil piles this afternoon. Excavator 3 digs at soil 2 and "
                "excavator 2 digs at soil 1. Truck 1 drives to soil 2 once excavator 3 has dug, and excavator 3 "
                "loads it. Afterwards truck 1 drives to soil 1, where excavator 2 loads it.", fleet, world,
                task("m3", T, [E3], ["soil2"]), task("g3", DIG, [E3], deps=["m3"]),
                task("m2", T, [E2], ["soil1"]), task("g2", DIG, [E2], deps=["m2"]),
                task("t1", T, [D1], ["soil2"], deps=["g3"]), task("l3", LOAD, [E3], deps=["t1"]),
                task("t2", T, [D1], ["soil1"], deps=["l3"]), task("l2", LOAD, [E2], deps=["g2", "t2"]))


def test_two_sites_told_ahead_add_no_steps(fleet, world):
    assert_plan("Dump truck 2 has to get material at two sites this morning. Excavator 1 is already at soil 2, so "
                "it digs right there while truck 2 drives to soil 2, and then excavator 1 loads truck 2. Meanwhile "
                "excavator 2 goes to rock 1 and digs. Afterwards truck 2 drives to rock 1 and excavator 2 loads it.",
                fleet, world,
                task("g1", DIG, [E1]), task("t1", T, [D2], ["soil2"]), task("l1", LOAD, [E1], deps=["g1", "t1"]),
                task("m2", T, [E2], ["rock1"]), task("g2", DIG, [E2], deps=["m2"]),
                task("t2", T, [D2], ["rock1"], deps=["l1", "g2"]), task("l2", LOAD, [E2], deps=["t2"]))


def test_a_sentence_nothing_spells_out_stays_an_order(fleet, world):
    assert_plan("Dump truck 1 will check both puddles. Excavator 1 goes to puddle 1.", fleet, world,
                task("m1", T, [D1, E1], ["puddle1"]), task("m2", T, [D1], ["puddle2"], deps=["m1"]))


def test_a_sentence_the_next_one_goes_on_after_stays_an_order(fleet, world):
    assert_plan("Dump truck 1 will check both puddles. Then truck 1 goes to puddle 1 and truck 1 goes to puddle 2.",
                fleet, world,
                task("m1", T, [D1], ["puddle1"]), task("m2", T, [D1], ["puddle2"], deps=["m1"]),
                task("m3", T, [D1], ["puddle1"], deps=["m2"]), task("m4", T, [D1], ["puddle2"], deps=["m3"]))


# -- finding 2: headed sections that tell the job ahead of the heading of its steps make no steps --------------------


def test_objectives_and_team_before_the_steps_make_no_steps(fleet, world):
    assert_plan("Objectives: rock 1 broken up and puddle 2 checked. Team: excavator 2 breaks up rock 1, and truck 1 "
                "checks puddle 2. Steps: excavator 2 drives to its site and digs, and truck 1 does its check at the "
                "same time.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("g", DIG, [E2], deps=["m"]), task("c", T, [D1], ["puddle2"]))


def test_a_need_before_the_order_makes_no_steps(fleet, world):
    assert_plan("What we want by noon: soil 2 dug out by excavator 3 and the soil taken to puddle 1 by dump truck 1. "
                "Order: the excavator drives to soil 2 and digs, and the truck drives to soil 2 at the same time; "
                "then the excavator loads the truck, which takes the soil to puddle 1 and dumps it.", fleet, world,
                task("m", T, [E3, D1], ["soil2"]), task("g", DIG, [E3], deps=["m"]),
                task("l", LOAD, [E3], deps=["g"]), task("t", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], deps=["t"]))


def test_the_steps_mean_the_robots_and_deeds_said_before_them(fleet, world):
    assert_plan("What I want done today: rock 2 broken up by excavators 2 and 3 and the rubble hauled to puddle 1 "
                "by dump truck 1; obstacle 1 checked by dump truck 2. Order: the two excavators drive to rock 2 and "
                "dig, and truck 1 drives to rock 2 at the same time; when the digging is finished the two "
                "excavators load truck 1, which then takes the rubble to puddle 1 and dumps it. Truck 2 can do its "
                "check at any time.", fleet, world,
                task("m", T, [E2, E3, D1], ["rock2"]), task("g", DIG, [E2, E3], deps=["m"]),
                task("l", LOAD, [E2, E3], deps=["g"]), task("t", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], deps=["t"]), task("c", T, [D2], ["obstacle1"]))


def test_a_note_before_the_order_stays_an_order(fleet, world):
    assert_plan("Note: truck 2 avoids puddle 1. Order: truck 2 goes to soil 1.", fleet, world,
                task("k", AV, [D2], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["k"]))


def test_a_goal_with_no_heading_of_steps_after_it_is_read_as_before(fleet, world):
    assert_plan("Plan: truck 1 goes to soil 1. Truck 2 goes to rock 1.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["rock1"]))


def test_an_own_place_of_several_is_refused(fleet, world):
    errors = rules_plan("Crew: excavator 1 digs at soil 1 and at rock 1. Order: excavator 1 drives to its spot and "
                        "digs.", fleet, world).errors
    assert any("drives" in e for e in errors)


def test_a_robot_cast_with_no_number_is_the_one_the_steps_call_by_its_word(fleet, world):
    assert_plan("Team: excavator 2 digs at rock 1, and any idle truck does the hauling. Steps: excavator 2 drives to "
                "its site and digs; truck 1 goes to obstacle 1; the idle truck comes to rock 1 once excavator 2 has "
                "dug and gets loaded by it.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("g", DIG, [E2], deps=["m"]), task("o", T, [D1], ["obstacle1"]),
                task("t", T, [], ["rock1"], deps=["g"], types=[("dump_truck", 1)]),
                task("l", LOAD, [E2], deps=["t"]))
    assert_plan("Crew: whichever excavator is free digs at soil 2. Order: excavator 1 goes to rock 1; the free "
                "excavator goes to soil 2 and digs.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", T, [], ["soil2"], types=[("excavator", 1)]),
                task("g", DIG, [], deps=["b"], types=[("excavator", 1)]))


def test_the_word_alone_still_means_the_robot_named_last(fleet, world):
    assert_plan("Truck 1 goes to obstacle 1. The idle truck comes to rock 1.", fleet, world,
                task("a", T, [D1], ["obstacle1"]), task("b", T, [D1], ["rock1"], deps=["a"]))


# -- finding 3: "a free truck" after a named truck is one more truck, as "a truck" is --------------------------------


def test_an_indefinite_robot_with_a_word_before_its_noun_is_unnamed(fleet, world):
    assert_plan("Truck 3 goes to obstacle 2. A free truck goes to soil 1, and then the free truck dumps at puddle 1.",
                fleet, world,
                task("a", T, [D3], ["obstacle2"]), task("b", T, [], ["soil1"], types=[("dump_truck", 1)]),
                task("c", T, [], ["puddle1"], deps=["b"], types=[("dump_truck", 1)]),
                task("d", DUMP, [], deps=["c"], types=[("dump_truck", 1)]))
    assert_plan("Truck 3 goes to obstacle 2. An available truck goes to soil 1.", fleet, world,
                task("a", T, [D3], ["obstacle2"]), task("b", T, [], ["soil1"], types=[("dump_truck", 1)]))
    assert_plan("Excavator 1 digs at rock 1. Any spare excavator digs at soil 1.", fleet, world,
                task("a", T, [E1], ["rock1"]), task("g", DIG, [E1], deps=["a"]),
                task("b", T, [], ["soil1"], types=[("excavator", 1)]),
                task("h", DIG, [], deps=["b"], types=[("excavator", 1)]))


def test_a_crew_named_by_a_letter_stays_a_crew(fleet, world):
    assert_plan("Team A is excavator 1 plus truck 3. Team A goes to soil 1.", fleet, world,
                task("a", T, [E1, D3], ["soil1"]))


# -- finding 4: "they can use it again" lifts the keep-out ------------------------------------------------------------


def test_can_use_it_again_lifts_the_keep_out(fleet, world):
    assert_plan("Excavator 1 goes to soil 2. Trucks 2 and 3 keep out of soil 1, and once excavator 1 has dug they "
                "can use it again.", fleet, world,
                task("m", T, [E1], ["soil2"]), task("k", AV, [D2, D3], ["soil1"]),
                task("g", DIG, [E1], deps=["m"]), task("a", AL, [D2, D3], ["soil1"], deps=["k", "g"]))
    assert_plan("Excavator 2 goes to rock 2. Trucks 1 and 2 must keep away from puddle 1; when excavator 2 has dug "
                "they can use it again.", fleet, world,
                task("m", T, [E2], ["rock2"]), task("k", AV, [D1, D2], ["puddle1"]),
                task("g", DIG, [E2], deps=["m"]), task("a", AL, [D1, D2], ["puddle1"], deps=["k", "g"]))


# -- finding 5: "once excavator 1 has loaded truck 2" is that loader's loading of that truck --------------------------


def test_a_loading_named_by_loader_and_truck_is_that_loaders(fleet, world):
    assert_plan("Excavator 1 digs at rock 1 and excavator 2 digs at rock 2. Once excavator 1 has dug, truck 2 drives "
                "to rock 1 and excavator 1 loads it. Then truck 2 drives to rock 2 and excavator 2 loads it. Once "
                "excavator 1 has loaded truck 2, truck 1 checks obstacle 1.", fleet, world,
                task("m1", T, [E1], ["rock1"]), task("g1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["rock2"]), task("g2", DIG, [E2], deps=["m2"]),
                task("t1", T, [D2], ["rock1"], deps=["g1"]), task("l1", LOAD, [E1], deps=["t1"]),
                task("t2", T, [D2], ["rock2"], deps=["l1"]), task("l2", LOAD, [E2], deps=["g2", "t2"]),
                task("c", T, [D1], ["obstacle1"], deps=["l1"]))


def test_a_loading_of_one_truck_of_two_by_the_same_loader(fleet, world):
    graph = rules_plan("Excavator 1 digs at soil 1 and loads truck 1 and then truck 2. Once excavator 1 has loaded "
                       "truck 1, truck 3 goes to puddle 1.", fleet, world).graph
    loads = [t.id for t in graph.subtasks if t.skill == LOAD]
    move = next(t for t in graph.subtasks if t.robot_ids == ("robot_dump_truck_03",))
    assert list(move.dependencies) == loads[:1]
