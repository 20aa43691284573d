"""Mends of helper 44: long multi-crew instructions, written for these tests, whose timing the rules planner misread.

1. "Once *both pairs* have arrived, ..." after two clauses that each sent an excavator and a truck read "both" as the
   two robots named last (one pair), so the step after it waited for one crew's move only, and "the excavators dig"
   split into two diggings with different waits. "Both pairs / crews / teams / groups" (``both_crews_pronouns``) now
   mean every robot of the two latest subject groups of several robots; "both" alone still counts two robots.
2. "Then excavator 1 loads truck 1. *Finally*, lift the keep-out on puddle 1" (truck 1 never sent anywhere) made the
   lifting wait for the digging only: the loading waits for its truck to be brought and was made at the end of the
   text, after "finally" had taken what was still open. A join on everything open ("finally", "when everything is
   done") now first makes the loadings still waiting, unless they are of the join's own robots (their clause may
   still bring the truck).
3. "Once truck 1 has dumped, puddle 1 *can be used again*" / "*is usable again*" lost the lifting with no error (the
   words were left unplaced). They are now ``remove_keepout`` verbs.
4. "Truck 1 ..., truck 2 ... and truck 3 .... Truck 1 dumps at puddle 2. *The other trucks* return to start" made one
   unnamed truck return (type and count 1, waiting for nothing): with every truck named by its number, "the other
   trucks" had no unnamed truck to stand for and fell back to one leftover. With no number said, it is now every
   robot of the type but the ones named last (rule 18), each after its own chain.
5. "Dump truck 1 goes to rock 2 *once excavator 2 has left*" after "excavator 2 digs at rock 2 and then goes back to
   start" waited for excavator 2's arrival at rock 2 (the event "left" was read as its latest move to a place, and a
   return is no such move). "Left" (``departure_events``) now names the move that took the robot away, a return too;
   with a place ("has left rock 2"), its first move after the one that brought it there; with the place it left for
   ("has left it for soil 1", ``departure_destination_words``), the move there.
6. "It loads truck 1 and then truck 2. *As soon as a truck has been loaded, it* drives to puddle 2" sent both trucks
   after the second loading: the fold of round 18 read it as "as soon as *it* has been loaded, each truck drives", and
   "it" was the truck loaded last. It now reads "as soon as *each truck* has been loaded, it drives" (each after its
   own loading), also with no comma before "it" and after trucks loaded in turn with ", then truck 2" (before, the
   no-comma form made one more unnamed truck drive off and the loaded ones stay).
7. "Excavator 1 digs at rock 1 and loads truck 1; truck 1 *then* dumps at soil 2" after another crew's chain made
   truck 1's haul wait for that crew's dump too: the loading waits for the truck's next step, so no task of the
   clause before named truck 1 yet, and "then" took everything still open. Trucks that the clause before loaded, in
   a loading still waiting for them, now go on from that loading (the excavator's last task, which the loading made
   with the truck's move follows).
8. "Truck 3 comes to rock 2 *after both diggings* and is loaded by excavator 3" made two loadings (one by an
   excavator never told to load) and the truck's move after both: "diggings" was no event word, so the clause of time
   ran on over "and is loaded by excavator 3", which was then read again with "both" as its subject. The plurals
   "diggings", "excavations", "loadings" are now ``events``.
9. "When both trucks are done, they go home, *and so does excavator 3*" sent excavator 3 to soil 2: a repeat redid
   the latest block of work of robots of the crew's type (grown through truck 1 to excavator 1, which checked soil 2
   with it), and nothing of the clause it follows. "So does / as does" (``clause_repeat_phrases``) now repeat the
   clause just said when none of its robots is of a type of the crew.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# -- finding 1: "both pairs" after two crews joins on both crews ---------------------------------------------------

_CREWS = ("Excavator 2 and dump truck 2 go to soil 1. At the same time, excavator 3 and dump truck 3 go to soil 2. ")


@pytest.mark.parametrize("anchor", ["Once both pairs have arrived", "When both crews are there",
                                    "Once both teams have arrived", "When both groups are done"])
def test_both_pairs_joins_on_both_crews(fleet, world, anchor):
    assert_plan(_CREWS + anchor + ", the excavators dig. Then excavator 2 loads dump truck 2 and excavator 3 loads "
                "dump truck 3.", fleet, world,
                task("m1", T, [E2, D2], ["soil1"]), task("m2", T, [E3, D3], ["soil2"]),
                task("d", DIG, [E2, E3], [], deps=["m1", "m2"]),
                task("l1", LOAD, [E2], [], deps=["d"]), task("l2", LOAD, [E3], [], deps=["d"]))


def test_one_robot_after_both_pairs_waits_for_both_crews(fleet, world):
    assert_plan(_CREWS + "Once both pairs have arrived, excavator 3 digs.", fleet, world,
                task("m1", T, [E2, D2], ["soil1"]), task("m2", T, [E3, D3], ["soil2"]),
                task("d", DIG, [E3], [], deps=["m1", "m2"]))


def test_both_alone_still_counts_two_robots(fleet, world):
    assert_plan("Excavator 2 goes to soil 1. Excavator 3 goes to soil 2. Dump truck 2 goes to rock 1. Once both are "
                "there, dump truck 3 goes to rock 2.", fleet, world,
                task("m1", T, [E2], ["soil1"]), task("m2", T, [E3], ["soil2"]), task("m3", T, [D2], ["rock1"]),
                task("m4", T, [D3], ["rock2"], deps=["m2", "m3"]))


# -- finding 2: "finally" after a loading still waiting for its truck waits for that loading ------------------------


@pytest.mark.parametrize("tail", ["Finally, lift the keep-out on puddle 1.", "Finally, all robots may enter puddle 1 "
                                  "again.", "When everything is done, puddle 1 is open again."])
def test_a_join_on_everything_waits_for_a_loading_still_open(fleet, world, tail):
    assert_plan("All robots avoid puddle 1. Excavator 1 goes to soil 1 and digs. Then excavator 1 loads truck 1. "
                + tail, fleet, world, task("a", AVA, [], ["puddle1"]), task("m", T, [E1], ["soil1"], deps=["a"]),
                task("d", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["d"]),
                task("o", ALA, [], ["puddle1"], deps=["l"]))


def test_finally_lifting_and_return_both_wait_for_the_loading(fleet, world):
    assert_plan("All robots avoid puddle 1. Excavator 1 goes to soil 1 and digs. Afterwards excavator 1 loads truck 1. "
                "Finally, lift the keep-out on puddle 1 and everyone goes home.", fleet, world,
                task("a", AVA, [], ["puddle1"]), task("m", T, [E1], ["soil1"], deps=["a"]),
                task("d", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["d"]),
                task("o", ALA, [], ["puddle1"], deps=["l"]), task("r", RA, [], [], deps=["l"]))


def test_finally_bringing_the_truck_still_comes_before_its_loading(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 1. Finally truck 1 comes to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1], ["soil1"], deps=["d"]), task("l", LOAD, [E1], [], deps=["t"]))


# -- finding 3: "can be used again" / "is usable again" lifts a keep-out --------------------------------------------


@pytest.mark.parametrize("words", ["can be used again", "is usable again", "may be entered again"])
def test_a_place_usable_again_is_a_lifting(fleet, world, words):
    assert_plan(f"All robots avoid puddle 1. Truck 1 goes to soil 1. Once truck 1 is there, puddle 1 {words}.",
                fleet, world, task("a", AVA, [], ["puddle1"]), task("m", T, [D1], ["soil1"], deps=["a"]),
                task("o", ALA, [], ["puddle1"], deps=["m"]))


# -- finding 4: "the other trucks" after every truck was named is the rest of them ----------------------------------

_TRUCKS = "Truck 1 goes to soil 1, truck 2 goes to soil 2 and truck 3 goes to rock 1. Truck 1 dumps at puddle 2. "


def test_the_other_trucks_after_all_were_named_are_the_rest(fleet, world):
    assert_plan(_TRUCKS + "The other trucks return to start.", fleet, world,
                task("m1", T, [D1], ["soil1"]), task("m2", T, [D2], ["soil2"]), task("m3", T, [D3], ["rock1"]),
                task("t", T, [D1], ["puddle2"], deps=["m1"]), task("u", DUMP, [D1], [], deps=["t"]),
                task("r2", R, [D2], [], deps=["m2"]), task("r3", R, [D3], [], deps=["m3"]))


def test_then_the_other_trucks_return_together_after_everything(fleet, world):
    assert_plan(_TRUCKS + "Then the other trucks return to start.", fleet, world,
                task("m1", T, [D1], ["soil1"]), task("m2", T, [D2], ["soil2"]), task("m3", T, [D3], ["rock1"]),
                task("t", T, [D1], ["puddle2"], deps=["m1"]), task("u", DUMP, [D1], [], deps=["t"]),
                task("r", R, [D2, D3], [], deps=["m2", "m3", "u"]))


# -- finding 5: "once X has left" waits for the move that took X away --------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at rock 2 and then goes back to start. Dump truck 1 goes to rock 2 once excavator 2 has left.",
    "Excavator 2 digs at rock 2 and then goes back to start. Once excavator 2 has left, dump truck 1 goes to rock 2.",
])
def test_once_it_has_left_waits_for_its_return(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("r", R, [E2], [], deps=["d"]), task("t", T, [D1], ["rock2"], deps=["r"]))


def test_once_it_has_left_a_place_waits_for_its_move_away(fleet, world):
    assert_plan("Excavator 2 goes to rock 2 and then to soil 1. Once excavator 2 has left rock 2, dump truck 1 goes "
                "to rock 2.", fleet, world, task("a", T, [E2], ["rock2"]), task("b", T, [E2], ["soil1"], deps=["a"]),
                task("t", T, [D1], ["rock2"], deps=["b"]))


# -- finding 6: "as soon as a truck is loaded it drives ..." after trucks loaded in turn: each after its own --------

_IN_TURN = "Trucks 1 and 2 go to soil 1. Excavator 1 goes to soil 1 and digs. It loads truck 1"


@pytest.mark.parametrize("text", [
    _IN_TURN + " and then truck 2. As soon as a truck has been loaded, it drives to puddle 2 and dumps.",
    _IN_TURN + ", then truck 2. As soon as a truck has been loaded, it drives to puddle 2 and dumps.",
    _IN_TURN + ", then truck 2. As soon as a truck is loaded it drives to puddle 2 and dumps.",
])
def test_a_truck_loaded_in_turn_leaves_after_its_own_loading(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1, D2, E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E1], [], deps=["l1"]),
                task("g1", T, [D1], ["puddle2"], deps=["l1"]), task("u1", DUMP, [D1], [], deps=["g1"]),
                task("g2", T, [D2], ["puddle2"], deps=["l2"]), task("u2", DUMP, [D2], [], deps=["g2"]))


def test_left_one_place_for_another_waits_for_that_move(fleet, world):
    assert_plan("Truck 2 goes to puddle 2 and then to soil 1, and after that to obstacle 1. All robots avoid puddle 2 "
                "after truck 2 has left it for soil 1.", fleet, world,
                task("a", T, [D2], ["puddle2"]), task("b", T, [D2], ["soil1"], deps=["a"]),
                task("c", T, [D2], ["obstacle1"], deps=["b"]), task("k", AVA, [], ["puddle2"], deps=["b"]))


# -- finding 7: a truck loaded in the clause before goes on from its loading, not from another crew's work ---------


@pytest.mark.parametrize("text", [
    "Truck 3 goes to soil 1. Excavator 1 digs at rock 1 and loads truck 1. Truck 1 then goes to soil 2.",
    "Truck 3 goes to soil 1. Excavator 1 digs at rock 1 and loads truck 1; then truck 1 goes to soil 2.",
    "Truck 3 goes to soil 1. Meanwhile excavator 1 digs at rock 1 and loads truck 1; truck 1 then goes to soil 2.",
])
def test_a_truck_loaded_before_goes_on_from_its_loading(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D3], ["soil1"]), task("m", T, [E1], ["rock1"]),
                task("d", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["d"]),
                task("g", T, [D1], ["soil2"], deps=["l"]))


def test_two_crews_hauling_in_parallel_do_not_wait_for_each_other(fleet, world):
    assert_plan("Excavator 3 digs at obstacle 1 and loads truck 3; truck 3 then dumps at soil 1. At the same time, "
                "excavator 1 digs at rock 1 and loads truck 1; truck 1 then dumps at soil 2.", fleet, world,
                task("m3", T, [E3], ["obstacle1"]), task("d3", DIG, [E3], [], deps=["m3"]),
                task("l3", LOAD, [E3], [], deps=["d3"]), task("g3", T, [D3], ["soil1"], deps=["l3"]),
                task("u3", DUMP, [D3], [], deps=["g3"]),
                task("m1", T, [E1], ["rock1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("g1", T, [D1], ["soil2"], deps=["l1"]),
                task("u1", DUMP, [D1], [], deps=["g1"]))


# -- finding 8: "after both diggings" is a join on the two diggings, and the clause after it stays the truck's ------


@pytest.mark.parametrize("words", ["after both diggings", "after both excavations"])
def test_after_both_diggings_then_the_trucks_own_loading(fleet, world, words):
    assert_plan(f"Excavators 2 and 3 go to rock 2. Excavator 2 digs. Excavator 3 digs after excavator 2 has finished. "
                f"Truck 3 comes to rock 2 {words} and is loaded by excavator 3.", fleet, world,
                task("m", T, [E2, E3], ["rock2"]), task("d2", DIG, [E2], [], deps=["m"]),
                task("d3", DIG, [E3], [], deps=["d2"]), task("t", T, [D3], ["rock2"], deps=["d3"]),
                task("l", LOAD, [E3], [], deps=["t"]))


def test_when_both_loadings_are_done_joins_both(fleet, world):
    assert_plan("Excavators 1 and 2 dig at soil 1 and soil 2 respectively. Truck 1 goes to soil 1 and truck 2 goes to "
                "soil 2. Each excavator loads the truck at its site. When both loadings are done, truck 3 goes to "
                "rock 1.", fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("m2", T, [E2, D2], ["soil2"]),
                task("d1", DIG, [E1], [], deps=["m1"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("l2", LOAD, [E2], [], deps=["d2"]),
                task("g", T, [D3], ["rock1"], deps=["l1", "l2"]))


# -- finding 9: "and so does X" after a clause of other robots repeats that clause ---------------------------------


def test_so_does_repeats_the_clause_just_said(fleet, world):
    assert_plan("Truck 2 goes to rock 1. Meanwhile excavator 1 and truck 1 check soil 2 together. When both trucks are "
                "done, they go home, and so does excavator 3.", fleet, world,
                task("a", T, [D2], ["rock1"]), task("b", T, [E1, D1], ["soil2"]),
                task("r", R, [D2, D1, E3], [], deps=["a", "b"]))


def test_as_does_another_type_still_copies_the_move(fleet, world):
    assert_plan("Excavator 1 goes to soil 2, as does truck 3.", fleet, world, task("m", T, [E1, D3], ["soil2"]))
