"""Round 18 of the rules planner: a truck's arrival said around the digging it waits out.

1. "Excavator 1 digs at soil 1 and then loads dump truck 2, which has driven there in the meantime." dropped truck 2's
   move with no word: the perfect "has driven" made the clause a report of where the truck already is. Followed by a
   parallel connective ("in the meantime", "meanwhile") it is a move made while the rest works.
2. "... loads dump truck 2, which goes there while the excavator digs." dug a second time after the loading: the
   clause after "while" (lexicon ``ongoing_openers``) names a step its robot already has, to time the clause before
   it. With no place and no "again" it is that step; "while excavator 1 digs at soil 2" and "digs again" stay steps.
3. "Excavator 1 digs at soil 1. By the time it is done, truck 2 should be at soil 1." made the truck's move wait for
   the digging: "by the time" was an anchor ("once"). It sets a deadline: the truck drives while the excavator digs,
   and the loading after both waits for each.
4. "..., truck 2 must be there." dropped the truck with no word: "be there" is a move to the place just spoken of, as
   "be at soil 1" is.

5. "Then the truck can take the rubble back to base and tip it there." was refused ("no object named to allow"):
   "can" + "back" read as a permission given again. A "back" before the start is where the truck goes; "the robots
   can go back to puddle 1" stays a permission.
6. "Then the two waiting trucks come to rock 2." sent every truck named so far (one word between "the two" and the
   noun broke the mention): it is "the two trucks", as "the waiting trucks" is "the trucks".
7. "At each pile the excavator digs and then loads its truck." dug at soil 2 only: "each pile" was read as an object;
   the phrases that spread "the <type>" over the sites (``every_site_phrases``) are read whole.
8. "After the return, dump truck 2 inspects obstacle 1." waited for the last step said instead of the return: "the
   return" is an event (the lexicon's events).
9. "Truck 1 goes to puddle 1. Could you send excavator 2 to obstacle 1?" sent truck 1 along: "you" before a
   causative verb with a robot after it is the person asked, not the robot named before.
10. "Once both have dumped, trucks 2 and 3 may approach rock 1 again, after which they return to start." sent each
   truck home after its own dump: a keep-out change is no step of the robots (rule 8), so their chain skipped it. A
   clause after "after which" (lexicon ``relative_sequences``) waits for the clause just said, whatever it is.
11. "Excavator 1 loads the trucks one after the other, truck 2 first." loaded truck 1 alone: "the trucks one" was read
   as "truck one". A number that opens an order of work ("one after the other", "one by one") is no robot number.
12. "... load the trucks one after the other, truck 2 first and then truck 1." with a verbless "then truck 1" after the
   first truck named: the clause was read as a new subject with nothing to do, and the trucks' next steps all waited
   for the last loading. It finishes the loading order and is read with it.
13. "As soon as a truck has been loaded, it drives to puddle 2 and tips its load there.", after several trucks were
   loaded: "a truck" was one more truck nobody loaded. After a loading of several robots, "a <type>" loaded in an
   anchor with "it" after the comma is each of them, after its own loading (lexicon ``indefinite_articles``).
14. "At each pile the excavator digs and then loads its truck. After that, truck 1 drives to puddle 1 and truck 2 drives
   to puddle 2, and each of them dumps its load there.": truck 1 went on from its own loading ("after that" after
   work done on it), but truck 2, joined by "and", shared truck 1's start and waited for truck 1's loading too, and
   so did truck 1's dump. A robot joined that way goes on from its own loading as well, and robots that already went
   on in the sentence keep to their own chains.
15. "Excavator 1 goes to soil 1 and digs. All robots avoid puddle 1 during the whole task." put the keep-out after
   nothing and let the excavator's move start before it: "during the whole task" / "throughout the day" were no
   duration markers (lexicon ``duration_markers``). A keep-out said to hold for the whole job is a root that every
   movement waits for (convention 10), wherever it is said.
16. "After that they return to start, and all robots avoid soil 2." put the fleet keep-out at the start of the job
   (no dependency): a keep-out change with no robots of its own joined by ", and" to a clause opened by "after that"
   / "then" shares that clause's start, as one joined to a timed clause already did.
17. "Excavator 3 spent the night parked at soil 2. Please have excavator 3 dig right where it is." drove it to soil 2
   first: a past state that lasts until now ("was parked at", "spent the night at", lexicon ``already``) places the
   robot, as "is parked at" did.
18. "... lift the puddle 1 keep-out for the other robots. When that is done and trucks 1 and 3 have finished their
   inspections, everybody goes home.": the return waited for the inspections only; "that" (the clause just said)
   was dropped once the anchor also named robots. Both are waited for.
19. "Please send excavator 2, truck 1 and truck 3 to rock 2." was refused (no place for "send") and, after a keep-out,
   sent excavator 2 into it: the comma after "please send excavator 2" cut the list, since the clause did not open
   with its verb. A plain word or two before the causative keeps the robots after it one list, as "Send excavator 2,
   truck 1 and truck 3 to rock 2." already was.
20. "Please send two excavators to soil 1 before the surveyors arrive." was refused ("no robot is named for 'the
   surveyors arrive'"): a clause after "before" whose subject is a noun phrase naming no robot (lexicon
   ``people_determiners``) is a time limit set by people, no order.
21. "Puddle 2 is too soft to drive on, so trucks 1 and 2 should keep away from it." was refused ("no robot is named
   for 'puddle 2 is too soft to drive on'"): the verb after "too <word> to" (lexicon ``excess_words``) says what cannot
   be done there, no order.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# the plan all the sentences of findings 1-4 mean: the truck drives while the excavator digs (one move, rule 17)
ARRIVES_WHILE_DIGGING = (task("m", T, [E1, D2], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                         task("l", LOAD, [E1], [], deps=["d"]))


# -- 1-4: the truck drives while the excavator digs ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # 1: a perfect move with "in the meantime" is a move
    "Excavator 1 digs at soil 1 and then loads dump truck 2, which has driven there in the meantime.",
    "Excavator 1 digs at soil 1. Truck 2 has driven to soil 1 meanwhile. Excavator 1 then loads truck 2.",
    # 2: "while <robot> <the step it already has>" adds no step
    "Excavator 1 digs at soil 1 and loads dump truck 2, which goes there while the excavator digs.",
    "Excavator 1 digs at soil 1 and loads dump truck 2, which goes there while excavator 1 is digging.",
    # 3 and 4: "by the time" sets a deadline; "be there" is a move
    "Excavator 1 digs at soil 1. By the time it is done, truck 2 should be at soil 1. Then excavator 1 loads truck 2.",
    "Excavator 1 goes to soil 1 to dig. Truck 2 should be at soil 1 by the time the digging ends, so that it can be "
    "loaded right away. Then excavator 1 loads truck 2.",
    "By the time excavator 1 has finished digging at soil 1, truck 2 must be there. Excavator 1 then loads it.",
    "Excavator 1 digs at soil 1 and then loads truck 2, which must be at soil 1 by the time the excavator is done "
    "digging.",
])
def test_the_truck_drives_there_while_the_excavator_digs(fleet, world, text):
    assert_plan(text, fleet, world, *ARRIVES_WHILE_DIGGING)


def test_a_perfect_move_alone_is_still_where_the_robot_is(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and then loads dump truck 2, which has already gone there.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


def test_while_with_a_new_place_or_again_is_a_new_step(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2. Truck 3 goes to puddle 1 while excavator 1 digs at "
                "soil 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D3], ["puddle1"]),
                task("m2", T, [E1], ["soil2"], deps=["l"]), task("d2", DIG, [E1], [], deps=["m2"]))
    assert_plan("Excavator 1 digs at soil 1. Then it loads truck 2, and truck 3 goes to puddle 1 while excavator 1 "
                "digs again.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D3], ["puddle1"]),
                task("d2", DIG, [E1], [], deps=["l"]))


# -- 5: "back to base" after "can" is a return, not a permission ---------------------------------------------------

def test_can_take_it_back_to_base_is_a_return(fleet, world):
    assert_plan("Excavator 3 digs at rock 2 and loads truck 2. Then the truck can take the rubble back to base and tip "
                "it there.", fleet, world,
                task("m", T, [E3], ["rock2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["d"]), task("r", R, [D2], [], deps=["l"]),
                task("u", DUMP, [D2], [], deps=["r"]))


def test_can_go_near_it_again_is_still_a_permission(fleet, world):
    assert_plan("All robots avoid puddle 1. Later the robots can go near puddle 1 again.", fleet, world,
                task("a", AVA, [], ["puddle1"]), task("b", ALA, [], ["puddle1"], deps=["a"]))


# -- 6: a word between "the two" and the noun ------------------------------------------------------------------------

def test_the_two_waiting_trucks_are_the_two(fleet, world):
    two, one = [("dump_truck", 2)], [("dump_truck", 1)]
    assert_plan("A couple of dump trucks wait at obstacle 1, and the third truck inspects puddle 1. Then the two "
                "waiting trucks come to rock 2.", fleet, world,
                task("w", T, [], ["obstacle1"], types=two), task("i", T, [], ["puddle1"], types=one),
                task("c", T, [], ["rock2"], deps=["w", "i"], types=two))


# -- 7: "at each pile" ----------------------------------------------------------------------------------------------

def test_at_each_pile_spreads_the_excavator_over_the_sites(fleet, world):
    assert_plan("Excavator 1 and dump truck 1 go to soil 1, and excavator 2 and dump truck 2 go to soil 2. At each "
                "pile the excavator digs and then loads its truck.", fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("m2", T, [E2, D2], ["soil2"]),
                task("d1", DIG, [E1], [], deps=["m1"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("l2", LOAD, [E2], [], deps=["d2"]))


# -- 8: "after the return" -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "All robots first go back to start. After that, truck 1 goes to rock 1 and dumps. After the return, dump truck 2 "
    "inspects obstacle 1.",
    "All robots first go back to start. After that, truck 1 goes to rock 1 and dumps. Dump truck 2 leaves start after "
    "the return and inspects obstacle 1.",
])
def test_after_the_return_waits_for_the_return(fleet, world, text):
    assert_plan(text, fleet, world,
                task("r", RA), task("g", T, [D1], ["rock1"], deps=["r"]), task("u", DUMP, [D1], [], deps=["g"]),
                task("i", T, [D2], ["obstacle1"], deps=["r"]))


# -- 9: "Could you send ..." ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("ask", ["Could you send excavator 2 to obstacle 1?", "Could you please send excavator 2 to "
                                 "obstacle 1?", "Would you kindly have excavator 2 go to obstacle 1?"])
def test_you_asked_to_send_a_robot_is_no_robot(fleet, world, ask):
    assert_plan(f"Truck 1 goes to puddle 1. {ask}", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [E2], ["obstacle1"]))


def test_you_followed_by_a_robots_name_is_still_that_robot(fleet, world):
    assert_plan("Truck 1 goes to puddle 1. You, dump truck 3: go to obstacle 2.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [D3], ["obstacle2"]))


# -- 10: "after which" after a keep-out change ----------------------------------------------------------------------

def test_after_which_after_a_lifting_waits_for_it(fleet, world):
    both = [D2, D3]
    assert_plan("Right away, dump trucks 2 and 3 are kept away from rock 1. Truck 3 dumps at puddle 2, and truck 2 "
                "dumps at obstacle 2. Once both have dumped, trucks 2 and 3 may approach rock 1 again, after which "
                "they return to start.", fleet, world,
                task("a", AV, both, ["rock1"]), task("g3", T, [D3], ["puddle2"], deps=["a"]),
                task("u3", DUMP, [D3], [], deps=["g3"]), task("g2", T, [D2], ["obstacle2"], deps=["a"]),
                task("u2", DUMP, [D2], [], deps=["g2"]), task("l", AL, both, ["rock1"], deps=["u2", "u3"]),
                task("r", R, both, [], deps=["l"]))


# -- 11: "the trucks one after the other" ------------------------------------------------------------------------------

@pytest.mark.parametrize("order", ["one after the other, truck 2 first", "one by one"])
def test_the_trucks_one_after_the_other_are_both_loaded_in_turn(fleet, world, order):
    got = assert_plan(f"Trucks 1 and 2 drive to soil 1. Excavator 1 digs at soil 1 and then loads the trucks {order}.",
                      fleet, world,
                      task("m", T, [D1, D2, E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                      task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E1], [], deps=["l1"]))
    assert len(got.subtasks) == 4


# -- 12 and 13: the rest of a loading order; "as soon as a truck has been loaded, it ..." ----------------------------

LOADED_IN_TURN = "Two excavators dig at soil 1. Meanwhile, trucks 1 and 2 should drive to soil 1 as well. The two " \
    "excavators load the trucks one after the other, truck 2 first"


@pytest.mark.parametrize("text", [
    f"{LOADED_IN_TURN} and then truck 1. As soon as a truck has been loaded, it drives to puddle 2 and tips its load "
    "there.",
    f"{LOADED_IN_TURN}. As soon as a truck has been loaded, it drives to puddle 2 and tips its load there.",
    f"{LOADED_IN_TURN} and then truck 1. Each truck drives to puddle 2 as soon as it has been loaded and tips its "
    "load there.",
])
def test_each_loaded_truck_leaves_after_its_own_loading(fleet, world, text):
    two = [("excavator", 2)]
    assert_plan(text, fleet, world,
                task("m", T, [], ["soil1"], types=two), task("d", DIG, [], [], deps=["m"], types=two),
                task("t", T, [D1, D2], ["soil1"]),
                task("l2", LOAD, [], [], deps=["d", "t"], types=two), task("l1", LOAD, [], [], deps=["l2"], types=two),
                task("g2", T, [D2], ["puddle2"], deps=["l2"]), task("u2", DUMP, [D2], [], deps=["g2"]),
                task("g1", T, [D1], ["puddle2"], deps=["l1"]), task("u1", DUMP, [D1], [], deps=["g1"]))



# -- 14: "After that, truck 1 ... and truck 2 ..." after each was loaded --------------------------------------------

def test_each_truck_goes_on_from_its_own_loading(fleet, world):
    assert_plan("Excavator 1 and dump truck 1 go to soil 1, and excavator 2 and dump truck 2 go to soil 2. At each "
                "pile the excavator digs and then loads its truck. After that, truck 1 drives to puddle 1 and truck 2 "
                "drives to puddle 2, and each of them dumps its load there.", fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("m2", T, [E2, D2], ["soil2"]),
                task("d1", DIG, [E1], [], deps=["m1"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("l2", LOAD, [E2], [], deps=["d2"]),
                task("g1", T, [D1], ["puddle1"], deps=["l1"]), task("g2", T, [D2], ["puddle2"], deps=["l2"]),
                task("u1", DUMP, [D1], [], deps=["g1"]), task("u2", DUMP, [D2], [], deps=["g2"]))


# -- 15: a keep-out for the whole task, said after the moves ---------------------------------------------------------

@pytest.mark.parametrize("keepout", ["All robots avoid puddle 1 during the whole task.",
                                     "Puddle 1 stays off limits for all robots throughout the day."])
def test_a_keepout_for_the_whole_task_gates_every_move(fleet, world, keepout):
    assert_plan(f"Excavator 1 goes to soil 1 and digs. {keepout}", fleet, world,
                task("k", AVA, [], ["puddle1"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("d", DIG, [E1], [], deps=["m"]))


# -- 16: a fleet keep-out joined to an "after that" clause -----------------------------------------------------------

def test_a_fleet_keepout_joined_to_a_then_clause_shares_its_start(fleet, world):
    assert_plan("Truck 1 checks puddle 1. Then truck 2 goes to rock 1, and all robots avoid puddle 1.", fleet, world,
                task("c", T, [D1], ["puddle1"]), task("g", T, [D2], ["rock1"], deps=["c"]),
                task("k", AVA, [], ["puddle1"], deps=["c"]))


# -- 17: past states that last until now ----------------------------------------------------------------------------

@pytest.mark.parametrize("state", ["spent the night parked at soil 2", "was parked at soil 2 overnight",
                                   "was left at soil 2 yesterday"])
def test_a_robot_left_somewhere_is_there_now(fleet, world, state):
    assert_plan(f"Excavator 3 {state}. Please have excavator 3 dig right where it is.", fleet, world,
                task("d", DIG, [E3], []))


# -- 18: "when that is done and <robots> have ..." -------------------------------------------------------------------

def test_that_is_done_and_robots_waits_for_both(fleet, world):
    others = [E2, E3, D1, D2, D3]
    assert_plan("All robots except excavator 1 avoid puddle 1. Excavator 1 checks puddle 1. Trucks 1 and 3 inspect "
                "obstacle 1 and obstacle 2 respectively. Once excavator 1 has checked puddle 1, lift the puddle 1 "
                "keep-out for the other robots. When that is done and trucks 1 and 3 have finished their inspections, "
                "everybody goes home.", fleet, world,
                task("k", AV, others, ["puddle1"]), task("c", T, [E1], ["puddle1"]),
                task("i1", T, [D1], ["obstacle1"], deps=["k"]), task("i3", T, [D3], ["obstacle2"], deps=["k"]),
                task("l", AL, others, ["puddle1"], deps=["c"]), task("r", RA, [], [], deps=["i1", "i3", "l"]))


# -- 19: "please send A, B and C to X" -------------------------------------------------------------------------------

@pytest.mark.parametrize("lead", ["Please send", "Now please send", "Send"])
def test_please_send_a_list_is_one_move(fleet, world, lead):
    assert_plan(f"{lead} excavator 2, truck 1 and truck 3 to rock 2.", fleet, world,
                task("m", T, [E2, D1, D3], ["rock2"]))


# -- 20: "before the surveyors arrive" -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Please send two excavators to soil 1 before the surveyors arrive.",
    "To get soil 1 cleared before the surveyors arrive, please send two excavators there.",
])
def test_before_people_arrive_is_a_time_limit(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [], ["soil1"], types=[("excavator", 2)]))


def test_before_a_robot_deed_still_orders(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 before digging.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


# -- 21: "too soft to drive on" ---------------------------------------------------------------------------------------

def test_too_soft_to_drive_on_is_no_order(fleet, world):
    assert_plan("Puddle 2 is too soft to drive on, so trucks 1 and 2 should keep away from it for the whole job.",
                fleet, world, task("k", AV, [D1, D2], ["puddle2"]))
