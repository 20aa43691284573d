"""Mends of helper V (session 32): whole jobs written in one paragraph of plain prose, as a site engineer or a
polite operator writes them (a greeting or the goal first, reasons, "could you please", crews in parallel).

1. "Excavator 3 is already at soil 2 and digs. Trucks 1 and 3 head to soil 2. Please load truck 1 first and then
   truck 3." planned a tipping by truck 1 and no loading at all: an order to load a robot with no doer of its own
   ("please load truck 1", "then fill truck 2") was given to the robots of the clause before (the trucks). A truck
   cannot load; the doer is the loader named last (convention 4), as for "he loads truck 3".
2. "Excavator 1 inspects rock 1 because the rock may block the road." added a keep-out of rock 1 for excavator 1
   (also "..., because it blocks the road", and "because the water may block the trucks" kept every truck out of
   puddle 1 and sent them there): a reason said inside the clause (lexicon ``reason_cut_words``: "because") says
   why; and a keep-out verb said of a thing with no place after it ("the rock *blocks* the road") is what the thing
   does, no keep-out. A reason with a word of need, a robot that does something or a keep-out of a place stays read
   as before.
3. "Excavator 2 digs at rock 2 so the trucks can pass." was refused ("no robot among 3 dump_truck can dig"): "so",
   robots and "can" with no verb we know after them (lexicon ``purpose_so_words``, ``purpose_so_modals``) say why,
   like "so that"; the robots with no verb had repeated the digging.
4. "Excavator 1 digs at soil 1, excavator 2 digs at soil 2, and excavator 3 breaks up rock 1. Each excavator drives
   to its site first." sent excavators 1 and 2 on to rock 1 after their digging (also "Each drives to its site
   first.", "They each go to their own site first.", "Both drive there first." sent excavator 1 to soil 2): a
   sentence that only says the robots of the sentence before drive first to where it has them work (lexicon
   ``own_site_nouns``) adds nothing, as the same words said as an aside ("..., each driving there first") do.
5. The job told ahead, with robots in it. "Hello team, two trucks will need loading at soil 1 this afternoon.
   Excavator 2 ... Trucks 1 and 2 go to soil 1. ..." sent two more trucks to soil 1 beside trucks 1 and 2: a need
   of robots counted by type, said before any robot is named by number, whose places come back in later sentences
   naming at least that many robots of the type, is the job told ahead. "Could you please load trucks 1 and 2 from
   soil 2 this morning? Excavator 3 drives to soil 2 and digs. Excavator 3 loads truck 1 and then truck 2." was
   refused ("no robot is named"): an order with no doer said before any robot, whose robots, places and verbs all
   come back later, is the job those sentences spell out (as a robotless one already was). When something in it
   does not come back (truck 2 never loaded later), it stays refused.
6. A greeting to the fleet, then the goal. "Good morning everyone. We need puddle 2 filled today so the trucks can
   pass tomorrow. ..." was refused ("'filled' cannot be done by the whole fleet at once"): the greeted "everyone"
   became the doer of the goal sentence. A clause that opens with a person and a need ("we need", "we want") has its
   own subject, and robots after a purpose mark ("so the trucks can pass") do not make a goal sentence an order.
7. "Send excavator 1 to soil 1 to dig, and truck 2 over there as well" dropped truck 2 without a word (also "and
   truck 2 there as well"): a robot and a bare "there" with no verb, after a clause of the same sentence with one,
   is that clause's step again at its place ("hello there" still names no destination).
8. "Excavator 2 goes to rock 1. Everyone else avoids rock 1 until the excavator has dug." planned a digging by
   excavator 1 that nobody asked for, and "... everyone else keeps away from rock 1 until the excavator is done.
   After that, lift the keep-out for them." lifted it at once: "the excavator" was the first excavator of "everyone
   else" (excavators 1 and 3). A mention of several robots of the type is no singular "the excavator": the latest
   mention of one is meant (convention 4); with none, the first of the latest mention, as before.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, TA, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: an order to load a truck, with no doer said, is the excavator's -----------------------------------


@pytest.mark.parametrize("order", ["Please load truck 1 first and then truck 3.", "Load truck 1 and then truck 3.",
                                   "Then fill truck 1 first and truck 3 after that."])
def test_an_order_to_load_two_trucks_goes_to_the_excavator(fleet, world, order):
    assert_plan(f"Excavator 3 is already at soil 2 and digs. Trucks 1 and 3 head to soil 2. {order}", fleet, world,
                task("d", DIG, [E3]), task("m", T, [D1, D3], ["soil2"]),
                task("l1", LOAD, [E3], deps=["d", "m"]), task("l3", LOAD, [E3], deps=["l1"]))


@pytest.mark.parametrize("order", ["Please load truck 1.", "Then load truck 1.", "Fill truck 1."])
def test_an_order_to_load_the_truck_just_moved_goes_to_the_excavator(fleet, world, order):
    assert_plan(f"Excavator 3 is already at soil 2 and digs. Truck 1 heads to soil 2. {order}", fleet, world,
                task("d", DIG, [E3]), task("m", T, [D1], ["soil2"]), task("l", LOAD, [E3], deps=["d", "m"]))


def test_the_whole_job_with_an_order_to_load(fleet, world):
    assert_plan("We'd like soil 2 moved to puddle 1 before noon. Excavator 3 is already at soil 2, so it can start "
                "digging right away. Trucks 1 and 3 should head to soil 2 now. Please load truck 1 first and then "
                "truck 3. Each truck takes its load to puddle 1 and dumps it there. When both are empty, everyone "
                "goes back home.", fleet, world,
                task("d", DIG, [E3]), task("m", T, [D1, D3], ["soil2"]),
                task("l1", LOAD, [E3], deps=["d", "m"]), task("l3", LOAD, [E3], deps=["l1"]),
                task("g1", T, [D1], ["puddle1"], deps=["l1"]), task("u1", DUMP, [D1], deps=["g1"]),
                task("g3", T, [D3], ["puddle1"], deps=["l3"]), task("u3", DUMP, [D3], deps=["g3"]),
                task("r", RA, deps=["u1", "u3"]))


def test_a_truck_named_as_the_doer_still_gets_loaded(fleet, world):
    assert_plan("Excavator 2 digs at soil 1. Truck 2 goes to soil 1 and gets loaded.", fleet, world,
                task("m", T, [E2, D2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["d"]))


# -- finding 2: a reason inside the clause, and a thing that blocks something, ask for no keep-out -----------------


@pytest.mark.parametrize("text", [
    "Excavator 1 inspects rock 1 because the rock may block the road.",
    "Excavator 1 inspects rock 1, because it blocks the road.",
    "Excavator 1 inspects rock 1 because it blocks the access road.",
])
def test_a_reason_after_a_move_adds_no_keep_out(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["rock1"]))


def test_a_reason_with_robots_blocked_adds_no_keep_out(fleet, world):
    assert_plan("Truck 2 checks puddle 1 because the water may block the trucks.", fleet, world,
                task("m", T, [D2], ["puddle1"]))


def test_a_reason_in_a_whole_job(fleet, world):
    assert_plan("I would like excavator 1 to inspect rock 1 first, because the rock may block the road. After that, "
                "it digs at soil 1. Meanwhile, truck 3 goes to soil 1 and waits. Once excavator 1 has dug, it loads "
                "truck 3. Truck 3 then returns to base and unloads there. Excavator 1 stays where it is.", fleet, world,
                task("c", T, [E1], ["rock1"]), task("m", T, [E1], ["soil1"], deps=["c"]),
                task("d", DIG, [E1], deps=["m"]), task("t", T, [D3], ["soil1"]),
                task("l", LOAD, [E1], deps=["d", "t"]), task("r", "return_to_start_for_specific_robots", [D3],
                                                            deps=["l"]),
                task("u", DUMP, [D3], deps=["r"]))


def test_a_keep_out_of_a_place_after_because_stays(fleet, world):
    assert_plan("Truck 1 keeps away from puddle 2 because it is flooded.", fleet, world,
                task("a", AV, [D1], ["puddle2"]))


# -- finding 3: "so <robots> can <no verb>" is a purpose -----------------------------------------------------------


@pytest.mark.parametrize("text", ["Excavator 2 digs at rock 2 so the trucks can pass.",
                                  "Excavator 2 digs at rock 2, so truck 1 could pass later."])
def test_so_robots_can_pass_is_a_purpose(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]))


def test_so_a_robot_can_do_work_stays_a_step(fleet, world):
    assert_plan("Truck 2 goes to soil 2, so excavator 3 can fill it.", fleet, world,
                task("m", T, [D2], ["soil2"]), task("l", LOAD, [E3], deps=["m"]))


# -- finding 4: "Each excavator drives to its site first." after their work at named places adds nothing -----------


@pytest.mark.parametrize("said", ["Each excavator drives to its site first.", "Each drives to its site first.",
                                  "They each go to their own site first.", "Both drive there first.",
                                  "All excavators drive to their sites first."])
def test_driving_first_to_the_work_sites_adds_nothing(fleet, world, said):
    assert_plan(f"Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. {said}", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], deps=["m2"]))


def test_three_sites_then_a_gathering(fleet, world):
    assert_plan("Hi. Three jobs can run in parallel today. Excavator 1 digs at soil 1, excavator 2 digs at soil 2, "
                "and excavator 3 breaks up rock 1. Each excavator drives to its site first. When all three have "
                "finished digging, every robot gathers at obstacle 2.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], deps=["m2"]),
                task("m3", T, [E3], ["rock1"]), task("d3", DIG, [E3], deps=["m3"]),
                task("g", TA, [], ["obstacle2"], deps=["d1", "d2", "d3"]))


def test_a_later_drive_of_other_robots_stays(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. Then both drive to rock 1.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], deps=["m2"]),
                task("r", T, [E1, E2], ["rock1"], deps=["d1", "d2"]))


# -- finding 5: the job told ahead names robots that later sentences spell out -------------------------------------


@pytest.mark.parametrize("ahead", ["Hello team, two trucks will need loading at soil 1 this afternoon.",
                                   "Two trucks need loading at soil 1 today."])
def test_a_counted_need_told_ahead_adds_no_robots(fleet, world, ahead):
    assert_plan(f"{ahead} Excavator 2 digs at soil 1. Trucks 1 and 2 go to soil 1. Excavator 2 loads them.", fleet,
                world, task("m", T, [E2, D1, D2], ["soil1"]), task("d", DIG, [E2], deps=["m"]),
                task("l", LOAD, [E2], deps=["d"]))


@pytest.mark.parametrize("ahead", ["Could you please load trucks 1 and 2 from soil 2 this morning?",
                                   "Could you please load trucks 1 and 2 this morning?"])
def test_a_polite_order_told_ahead_is_the_job(fleet, world, ahead):
    assert_plan(f"{ahead} Excavator 3 drives to soil 2 and digs. Excavator 3 loads truck 1 and then truck 2.", fleet,
                world, task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]),
                task("l1", LOAD, [E3], deps=["d"]), task("l2", LOAD, [E3], deps=["l1"]))


def test_an_order_told_ahead_that_never_comes_back_stays_refused(fleet, world):
    text = ("Could you please load trucks 1 and 2 from soil 2 this morning? Excavator 3 drives to soil 2 and digs. "
            "Excavator 3 loads truck 1.")
    assert rules_plan(text, fleet, world).errors


# -- finding 6: "Good morning everyone. We need ..." is the goal, not an order to everyone ------------------------


@pytest.mark.parametrize("goal", ["We need puddle 2 filled today so the trucks can pass tomorrow.",
                                  "We need puddle 2 filled today.", "We want puddle 2 filled so that trucks can pass."])
def test_a_goal_after_greeting_everyone(fleet, world, goal):
    assert_plan(f"Good morning everyone. {goal} Excavator 1 digs at soil 1 and loads truck 2. Truck 2 dumps at "
                "puddle 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["d"]),
                task("g", T, [D2], ["puddle2"], deps=["l"]), task("u", DUMP, [D2], deps=["g"]))


def test_a_greeting_to_everyone_still_gives_an_order(fleet, world):
    assert_plan("Good morning everyone. Go to soil 1.", fleet, world, task("g", TA, [], ["soil1"]))


# -- finding 7: "and truck 2 over there as well" is the step again at that place ----------------------------------


@pytest.mark.parametrize("text", ["Send excavator 1 to soil 1, and truck 2 over there as well.",
                                  "Send excavator 1 to soil 1, and truck 2 there as well.",
                                  "Excavator 1 goes to soil 1, and truck 2 over there too."])
def test_a_robot_there_as_well_goes_there(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, D2], ["soil1"]))


def test_the_first_job_in_full(fleet, world):
    assert_plan("Good morning everyone. We need puddle 2 filled today so the trucks can pass tomorrow. Could you "
                "please send excavator 1 to soil 1 to dig, and truck 2 over there as well so it can be loaded? Once "
                "truck 2 is full, it should haul the soil to puddle 2 and dump it. Afterwards, the whole fleet "
                "returns to base.", fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["d"]), task("g", T, [D2], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D2], deps=["g"]), task("r", RA, deps=["u"]))


# -- finding 8: "the excavator" after "everyone else" is the one excavator named before ------------------------------


def test_the_excavator_after_everyone_else_is_the_one_named_before(fleet, world):
    assert_plan("Excavator 2 goes to rock 1. Everyone else avoids rock 1 until the excavator has dug.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("d", DIG, [E2], deps=["m"]),
                task("a", AV, [E1, E3, D1, D2, D3], ["rock1"]))


def test_a_lifting_after_the_excavator_is_done(fleet, world):
    assert_plan("Hi team, rock 1 is blocking the access road, so we need it broken up this morning. Excavator 2, "
                "please go to rock 1 and break it up. Meanwhile, everyone else should keep away from rock 1 until the "
                "excavator is done. After that, lift the keep-out for them, and truck 1 can drive to rock 1 to "
                "inspect the road. Finally, all robots gather at soil 2.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("d", DIG, [E2], deps=["m"]),
                task("a", AV, [E1, E3, D1, D2, D3], ["rock1"]),
                task("l", AL, [E1, E3, D1, D2, D3], ["rock1"], deps=["d", "a"]),
                task("t", T, [D1], ["rock1"], deps=["l"]), task("g", TA, [], ["soil2"], deps=["t"]))


def test_the_excavator_after_the_rest_of_the_fleet(fleet, world):
    assert_plan("Excavator 2 goes to rock 1. The rest of the fleet goes to soil 1. Then the excavator digs.", fleet,
                world, task("m", T, [E2], ["rock1"]), task("r", T, [E1, E3, D1, D2, D3], ["soil1"]),
                task("d", DIG, [E2], deps=["m", "r"]))
