"""Round 21 of the rules planner (lead's own findings, on sentences written for them).

1. "Once truck 2 has gone back to start, the keep-out of obstacle 1 is lifted." put up a second keep-out of obstacle 1
   and lifted that one: the noun "keep-out" followed by "of" was read as the verb "keep out of". After a definite
   word ("the keep-out of ...") it is the noun, whose clause's own verb ("is lifted") acts on it.
2. "... when truck 2 is back, the avoidance ends." (or "the ban ends", "the restriction is over") dropped the lifting
   without a word: a one-word keep-out verb after "the" was taken for a plain noun ("the load"), and "avoidance",
   "restriction" and "closure" were no keep-out words; the clause's other words kept coverage above the threshold.
   They are keep-out nouns (and verbs) now, read as such after a determiner too, so "ends" / "is over" lifts them.
3. "Once truck 2 has gone back to start, truck 1 goes to soil 1." waited for truck 2's inspection: in a condition,
   a move verb with "back" or the start and no place was matched to the robot's last move. It is its return to start.
4. "After that I want the whole fleet back at the start." asked for nothing (the line was dropped): "at the start"
   was read as the connective "first" ("At the start, everyone avoids ..."). After "back" it is the place.
5. "Trucks 1 and 3 keep away from soil 2 while excavator 1 digs there. When it is done, the trucks may enter soil 2
   again." lifted the keep-out without waiting for it: said before its "while" clause, the keep-out was the first
   step made and looked like one held from the start. It is put up during the job, as after a fronted "while"
   (rule 26, L3_036), so its lifting waits for it.
6. "... Once it is done, lift the keep-out for them" lifted it for the excavator too: "them" took in the robot the
   condition named. A lifting said for a pronoun is for the robots kept out, when those are among its robots.
7. "All trucks avoid soil 2 ... lift the keep-out for the trucks, and truck 3 goes to soil 2" sent truck 3 at once,
   not after the lifting: a lifting for a group of every truck was taken for other robots than truck 3.
8. "All robots avoid puddle 1. Dump truck 2 then dumps at obstacle 2. Afterwards, the keep-out on puddle 1 is
   lifted." lifted it at once: the robot before an inner "then" was taken for a robot spoken to ("Dump truck 2,
   ..."), so the next sentence's lifting was its order and waited on its chain, which a fleet-wide lifting has not.
   A clause whose verb agrees with the robot ("dumps") tells of it; the lifting follows what was said before.
9. "Trucks 1 and 2 go to soil 1 to be loaded, truck 2 first." loaded only one truck: the order aside after a purpose
   loading was spelled out as each truck's own purpose, and only the first was read. It is each truck's own clause
   now ("and truck 2 is loaded first, then truck 1"), as after "and get loaded, truck 2 first" (rule 24).
10. "... waits there until excavator 1 has broken it up" dropped the breaking (a regression of this round's mends
    73: "broken" before a word of cargo describes the cargo, "hauls broken rock"; "it" is such a word, as in "take it
    to puddle 2"). A pronoun after the participle is the place broken up, not a load.
11. "Truck 1 goes to soil 1 and gets loaded, then truck 2 does the same, then truck 3." dropped truck 3 without a
    word: a clause of robots alone shares the verb of the clause before, and a repeat has none (its "does the same"
    is a mark). After a repeat in its sentence, it repeats too.
12. "Excavator 2 digs at soil 1 and then loads dump truck 3 once it arrives there." never sent truck 3: "it" was the
    excavator (named last as a subject), already at soil 1, so the arrival was its own move there. A robot already
    where the clause works does not arrive there: "it" is the one robot the clause named that is not there yet.
13. "Dump truck 1 inspects puddle 1 and dump truck 3 inspects puddle 2 at the same time, after which all robots avoid
    both puddles." waited for truck 3's inspection only (the clause just before "after which"), so truck 1's was left
    open and the next "then" waited for it apart. The keep-out waits for every visit of its sentence to the places it
    closes; a visit elsewhere ("excavator 1 digs at soil 1 and truck 2 inspects puddle 2, after which ...") is not.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# -- 1: "the keep-out of X is lifted" --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 inspects obstacle 1, after which every robot avoids obstacle 1. Meanwhile excavator 3 digs at soil 1. "
    "Once truck 2 has gone back to start, the keep-out of obstacle 1 is lifted.",
    "Truck 2 inspects obstacle 1, after which every robot avoids obstacle 1. Meanwhile excavator 3 digs at soil 1. "
    "When truck 2 has returned to start, the keep out of obstacle 1 is removed.",
])
def test_the_keepout_of_a_place_is_a_noun(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("a", AVA, [], ["obstacle1"], deps=["i"]),
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("r", R, [D2], [], deps=["i"]), task("l", ALA, [], ["obstacle1"], deps=["r"]))


# -- 2: "the avoidance ends" ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; when "
    "truck 2 is back, the avoidance ends.",
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; once "
    "truck 2 is back, the avoidance of obstacle 1 is over.",
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; when "
    "truck 2 is back, the ban ends.",
    "Truck 2 inspects obstacle 1 and then returns to start. After the inspection everyone avoids obstacle 1; when "
    "truck 2 is back, the restriction is over.",
])
def test_the_avoidance_is_a_keepout_noun(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("r", R, [D2], [], deps=["i"]),
                task("a", AVA, [], ["obstacle1"], deps=["i"]), task("l", ALA, [], ["obstacle1"], deps=["r"]))


# -- 3: "once truck 2 has gone back to start" -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 inspects obstacle 1. Once truck 2 has gone back to start, truck 1 goes to soil 1.",
    "Truck 2 inspects obstacle 1. As soon as truck 2 has driven back to base, truck 1 goes to soil 1.",
])
def test_a_condition_of_going_back_is_the_return(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [D2], ["obstacle1"]), task("r", R, [D2], [], deps=["i"]),
                task("m", T, [D1], ["soil1"], deps=["r"]))



# -- 4: "everyone back at the start" --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 inspects puddle 2. After that I want the whole fleet back at the start.",
    "Truck 1 inspects puddle 2. Then I'd like everyone back at the start.",
    "Truck 1 inspects puddle 2, and then we need all robots back at the start.",
])
def test_back_at_the_start_is_the_place(fleet, world, text):
    assert_plan(text, fleet, world, task("i", T, [D1], ["puddle2"]), task("r", RA, [], [], deps=["i"]))


def test_at_the_start_opening_a_sentence_is_still_first(fleet, world):
    assert_plan("Truck 1 inspects puddle 2. At the start, everyone avoids rock 1.", fleet, world,
                task("a", AVA, [], ["rock1"]), task("i", T, [D1], ["puddle2"], deps=["a"]))


# -- 5, 6, 7: a keep-out said before its "while" clause, and its lifting ---------------------------------------------


@pytest.mark.parametrize("text", [
    "Trucks 1 and 3 keep away from soil 2 while excavator 1 digs at soil 2. When it is done, the trucks may enter "
    "soil 2 again, and truck 3 goes to soil 2.",
    "Trucks 1 and 3 keep away from soil 2 while excavator 1 digs at soil 2. Once it is done, lift the keep-out for "
    "them and then send truck 3 to soil 2.",
])
def test_a_keepout_before_its_while_clause_is_put_up_during_the_job(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AV, [D1, D3], ["soil2"]), task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", AL, [D1, D3], ["soil2"], deps=["a", "d"]), task("t", T, [D3], ["soil2"], deps=["l"]))


def test_a_lifting_for_every_truck_opens_the_place_to_truck_3(fleet, world):
    assert_plan("All trucks avoid soil 2 while excavators 1 and 2 dig there. When they are finished, lift the keep-out "
                "for the trucks, and truck 3 goes to soil 2 to get loaded by excavator 1.", fleet, world,
                task("a", AV, [], ["soil2"], types=[("dump_truck", 3)]), task("m", T, [E1, E2], ["soil2"]),
                task("d", DIG, [E1, E2], [], deps=["m"]),
                task("l", AL, [], ["soil2"], deps=["a", "d"], types=[("dump_truck", 3)]),
                task("t", T, [D3], ["soil2"], deps=["l"]), task("u", LOAD, [E1], [], deps=["t"]))


# -- 8: a robot before an inner "then" is told of, not spoken to -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "All robots avoid puddle 1. Dump truck 2 then dumps at obstacle 2. Afterwards, the keep-out on puddle 1 is lifted.",
    "All robots avoid puddle 1 from the start. Dump truck 2 then dumps at obstacle 2. After that, puddle 1 is open "
    "again for all robots.",
])
def test_a_lifting_after_an_inner_then_follows_the_step_before(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AVA, [], ["puddle1"]), task("m", T, [D2], ["obstacle2"], deps=["a"]),
                task("u", DUMP, [D2], [], deps=["m"]), task("l", ALA, [], ["puddle1"], deps=["u"]))


def test_a_robot_spoken_to_keeps_its_keepout(fleet, world):
    assert_plan("Truck 2, go to puddle 1 then. Afterwards, avoid puddle 2.", fleet, world,
                task("m", T, [D2], ["puddle1"]), task("a", AV, [D2], ["puddle2"], deps=["m"]))


# -- 9: an order after a purpose loading -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1. Then trucks 1 and 2 go to soil 1 to be loaded, truck 2 first. Truck 2 then dumps at "
    "puddle 1.",
    "Excavator 2 digs at soil 1. Then trucks 1 and 2 go to soil 1 to get loaded one at a time, truck 2 first. Truck 2 "
    "then dumps at puddle 1.",
])
def test_an_order_after_a_purpose_loading_loads_each_truck(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1, D2], ["soil1"], deps=["d"]), task("a", LOAD, [E2], [], deps=["t"]),
                task("b", LOAD, [E2], [], deps=["a"]), task("p", T, [D2], ["puddle1"], deps=["a"]),
                task("u", DUMP, [D2], [], deps=["p"]))


# -- 10: "has broken it up" ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Dump truck 3 goes to rock 2 and waits there until excavator 1 has broken it up. Then it gets loaded.",
    "Dump truck 3 goes to rock 2 and waits there until excavator 1 has broken up rock 2. Then it gets loaded.",
])
def test_has_broken_it_up_is_the_digging(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D3, E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


# -- 11: "then truck 2 does the same, then truck 3" -----------------------------------------------------------------


def test_robots_alone_after_a_repeat_repeat_too(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Then truck 1 goes to soil 1 and gets loaded, then truck 2 does the same, "
                "then truck 3.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("a", T, [D1], ["soil1"], deps=["d"]), task("x", LOAD, [E1], [], deps=["a"]),
                task("b", T, [D2], ["soil1"], deps=["x"]), task("y", LOAD, [E1], [], deps=["b"]),
                task("c", T, [D3], ["soil1"], deps=["y"]), task("z", LOAD, [E1], [], deps=["c"]))


def test_robots_alone_after_a_plain_clause_share_its_verb(fleet, world):
    assert_plan("Truck 1 goes to soil 1, then truck 2, then truck 3.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["soil1"], deps=["a"]),
                task("c", T, [D3], ["soil1"], deps=["b"]))


# -- 12: "loads truck 3 once it arrives there" ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1 and then loads dump truck 3 once it arrives there.",
    "Excavator 2 digs at soil 1 and then loads dump truck 3 once it reaches soil 1.",
])
def test_the_robot_that_arrives_is_the_one_not_there_yet(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, D3], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]))


def test_a_robot_that_is_not_there_yet_arrives_itself(fleet, world):
    assert_plan("Truck 3 goes to soil 1. Excavator 2 goes to rock 1 and digs once it gets there.", fleet, world,
                task("t", T, [D3], ["soil1"]), task("m", T, [E2], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]))


# -- 13: "A and B at the same time, after which all robots avoid both puddles" ---------------------------------------


def test_after_which_waits_for_every_visit_of_the_sentence_to_the_places(fleet, world):
    assert_plan("Dump truck 1 inspects puddle 1 and dump truck 3 inspects puddle 2 at the same time, after which all "
                "robots avoid both puddles. Then excavator 2 goes to soil 2 and digs.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [D3], ["puddle2"]),
                task("k", AVA, [], ["puddle1", "puddle2"], deps=["a", "b"]), task("m", T, [E2], ["soil2"], deps=["k"]),
                task("d", DIG, [E2], [], deps=["m"]))


def test_after_which_does_not_wait_for_work_elsewhere(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and truck 2 inspects puddle 2, after which all robots avoid puddle 2.",
                fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]), task("i", T, [D2], ["puddle2"]),
                task("k", AVA, [], ["puddle2"], deps=["i"]))
