"""Mends of helper M75: misreadings found with instructions written as a site supervisor types on a phone or talks on
the radio, and as an office planner writes formal work orders.

1. "then it dumps at the start" / "dump truck 3 is then to unload at the start" tipped the load first thing (the
   time opener "at the start", rule 10's "first") and dropped the drive back: right after a verb of tipping (and the
   cargo it tips), "at the start" is where the load goes, a return plus the tipping (rule 14); so is "at the start
   position" anywhere, a longer name of the start. "At the start, everyone avoids rock 1" stays the opener.
2. "Dump trucks 2 and 3 ... are to be loaded by excavator 3 in turn, dump truck 3 first" gave one loading and a
   tipping for truck 3: said actively ("excavator 3 loads truck 3 first, then truck 2"), the "are" before "to be
   loaded" stayed behind and kept the loader from opening a clause of its own. "are loaded by" was read right; "are
   to be loaded by" (a work order's "is to be done") is read the same now, one loading per truck in that order.
3. "1) ... 2) soil 2 is to be excavated by both excavators 3) dump truck 2 ..." dug with excavator 3 alone and ran
   item 3 on in item 2 ("... is loaded by the excavators 3) truck 3 dumps" had excavator 3 load a truck it never
   met): a plural or determined robot noun does not take a number that a ")" follows and that is one more than the
   last item's; it is the next item's number. A bare "truck 3)" keeps its number.
4. "the restriction on rock 1 is to be lifted for all robots and truck 2 is to return to start" sent the whole fleet
   home after the lifting: a robot after "and" that follows a keep-out's "for <robots>" (or a passive's agents)
   opens a clause of its own when a verb comes after it, also with words of obligation between (the lexicon's
   ``anchor_closing_modals`` and ``subject_modals``: "is to", "must"); it was read as one more robot the lifting
   was for, and its own step went to all of them.
5. "ex 1 loads truck 2 first then truck 1, truck 2 dumps at puddle 1, truck 1 dumps at puddle 2" sent both trucks to
   puddle 1 and lost truck 1's second loading: "truck 1, truck 2 dumps" was read as a list of robots. A "then
   <truck>" that ends a loading order before a comma ends its clause also when "first" stands before the "then"
   (as it did with no "first").
6. "truck 1 goes to puddle 2 and dumps there, then rock 1 is open again" lifted the keep-out at once: a keep-out
   change that names no robot, joined by "then" to a robot's clause of the same sentence, took that robot as its
   subject, and a keep-out is no step of that robot's chain, so it waited for nothing. It follows the clause just
   said now, as after "after that" (rule 10); said as its own sentence it already did.
7. "the other two trucks wait at base" sent trucks that never left base back to start (a return of their own that
   the fleet's return then waited for): "wait at" / "waiting at" (lexicon ``stationary``) at the start moves
   nobody who is still there, as "stay at" did. A robot that went elsewhere still drives back.
8. "when thats done the two excavators head home" (a phone's "that's" without its apostrophe) waited for the haul's
   drive, not the tipping: "thats" (lexicon ``spellings``) is read as "that's" (see 11), as "dont" is read as
   "don't".
9. "Soil 1 is to be excavated by excavator 1 and dump truck 1 is to be positioned at soil 1" dropped truck 1 (with
   a comma before "and": refused, "truck 1 cannot dig"): "positioned" was no verb there, so truck 1 was one more
   agent of the digging. "be positioned at" is a move (lexicon, beside "be stationed at"), as it already was in a
   sentence of its own.
10. "everybody clear of obstacle 1 pls" sent everybody to obstacle 1 (the verbless "<robots> to <place>"): "clear
   of" with no verb before it is a keep-out, as "keep clear of" is; after a split keep-out verb and its robots
   ("keep truck 2 (well) clear of") it stays that verb's particle.
11. "once thats done truck 1 goes to soil 2" sent truck 1 along with the excavator at once: finding 8 read "thats"
   as "that", and "once that done" is no clause of time. A spelling may now stand for a word with "'s" (lexicon
   ``spellings``: thats -> "that's"), split as the text's own "that's" is.
12. "after that rock 2 is ok again for everyone" was refused ("'dumps' cannot be done by the whole fleet"): "is ok
   again" / "are okay again" lift a keep-out (lexicon), as "is open again" does.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# -- finding 1: "dumps at the start" is a return and a tipping there, not a tipping first thing ----------------------

_LOADED_AT_SOIL1 = (task("m", T, [E2, D3], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                    task("l", LOAD, [E2], [], deps=["g"]), task("r", R, [D3], [], deps=["l"]),
                    task("d", DUMP, [D3], [], deps=["r"]))


@pytest.mark.parametrize("text", [
    "ex 2 digs at soil 1, truck 3 goes there too and gets loaded, then it dumps at the start",
    "Excavator 2 digs at soil 1. Truck 3 goes there too and gets loaded. Then it dumps at the start position.",
    "Excavator 2 digs at soil 1, truck 3 goes there too and gets loaded, then it unloads at the start.",
    "Excavator 2 digs at soil 1, truck 3 goes there too and gets loaded, then it tips its load at the start.",
])
def test_tipping_at_the_start_is_a_return_and_a_tipping(fleet, world, text):
    assert_plan(text, fleet, world, *_LOADED_AT_SOIL1)


def test_a_passive_work_order_unloads_at_the_start_after_driving_back(fleet, world):
    assert_plan("Dump truck 3 is to be loaded at soil 1 by excavator 2. Dump truck 3 is then to unload at the start.",
                fleet, world, task("m", T, [D3, E2], ["soil1"]), task("l", LOAD, [E2], [], deps=["m"]),
                task("r", R, [D3], [], deps=["l"]), task("d", DUMP, [D3], [], deps=["r"]))


def test_at_the_start_stays_the_opener_elsewhere(fleet, world):
    assert_plan("At the start, all robots avoid rock 1. Truck 1 goes to puddle 1 and dumps there.", fleet, world,
                task("a", AVA, [], ["rock1"]), task("m", T, [D1], ["puddle1"], deps=["a"]),
                task("d", DUMP, [D1], [], deps=["m"]))
    assert_plan("Truck 1 goes to puddle 1 and dumps there at the start.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], [], deps=["m"]))


# -- finding 2: "are to be loaded by <excavator> in turn, <truck> first" loads each truck in that order ---------------

_DUG_AT_ROCK1 = (task("e", T, [E3], ["rock1"]), task("g", DIG, [E3], [], deps=["e"]))
_ALL_AT_ROCK1 = (task("m", T, [E3, D2, D3], ["rock1"]), task("g", DIG, [E3], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Excavator 3 goes to rock 1 and digs. Trucks 2 and 3 go to rock 1 and are to be loaded by excavator 3 in turn, "
    "truck 3 first.",
    "Excavator 3 goes to rock 1 and digs. Trucks 2 and 3 go to rock 1 and are to be loaded by excavator 3, truck 3 "
    "first.",
    "Excavator 3 goes to rock 1 and digs. Trucks 2 and 3 go to rock 1 and are to be loaded by excavator 3, truck 3 "
    "first, then truck 2.",
])
def test_trucks_to_be_loaded_in_turn_each_get_a_loading_in_that_order(fleet, world, text):
    assert_plan(text, fleet, world, *_ALL_AT_ROCK1,
                task("l3", LOAD, [E3], [], deps=["g"]), task("l2", LOAD, [E3], [], deps=["l3"]))


def test_a_work_order_loads_each_truck_in_turn_then_each_tips(fleet, world):
    assert_plan("Excavator 3 is to proceed to rock 1, where rock 1 is to be broken up. Dump trucks 2 and 3 are to be "
                "sent to rock 1 as well and are to be loaded by excavator 3 in turn, dump truck 3 first. Upon "
                "completion of its loading, each truck is to unload at puddle 2.", fleet, world,
                task("m", T, [E3, D2, D3], ["rock1"]), task("g", DIG, [E3], [], deps=["m"]),
                task("l3", LOAD, [E3], [], deps=["g"]), task("l2", LOAD, [E3], [], deps=["l3"]),
                task("p3", T, [D3], ["puddle2"], deps=["l3"]), task("u3", DUMP, [D3], [], deps=["p3"]),
                task("p2", T, [D2], ["puddle2"], deps=["l2"]), task("u2", DUMP, [D2], [], deps=["p2"]))


def test_trucks_said_as_the_subject_are_loaded_in_turn(fleet, world):
    assert_plan("Excavator 3 goes to rock 1 and digs. Trucks 2 and 3 are to be loaded by excavator 3 in turn, truck 3 "
                "first.", fleet, world, *_DUG_AT_ROCK1,
                task("l3", LOAD, [E3], [], deps=["g"]), task("l2", LOAD, [E3], [], deps=["l3"]))


# -- finding 3: "<the / both / plural robot noun> N)" in a one-line numbered list opens item N ----------------------

def test_both_excavators_before_the_next_item_number_are_the_two_named(fleet, world):
    assert_plan("Work order: 1) excavators 1 and 3 are to proceed to soil 2 together with dump truck 2 2) soil 2 is to "
                "be excavated by both excavators 3) dump truck 2 is to be loaded by excavator 1", fleet, world,
                task("m", T, [E1, E3, D2], ["soil2"]), task("g", DIG, [E1, E3], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]))


@pytest.mark.parametrize("text", [
    "1) excavators 1 and 2 go to soil 1 and dig 2) truck 3 goes to soil 1 and is loaded by the excavators 3) truck 3 "
    "dumps at puddle 2",
    "1) excavators 1 and 2 go to soil 1 and dig 2) truck 3 goes to soil 1 and is loaded by the excavators 3) it dumps "
    "at puddle 2",
])
def test_the_excavators_before_the_next_item_number_are_those_named(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, E2], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["g"]), task("l", LOAD, [E1, E2], [], deps=["t"]),
                task("p", T, [D3], ["puddle2"], deps=["l"]), task("d", DUMP, [D3], [], deps=["p"]))


def test_a_robot_number_with_no_bracket_after_it_stays_the_robot(fleet, world):
    assert_plan("1) excavator 1 goes to soil 1 2) excavator 2 goes to soil 2 3) the truck 3 goes to rock 1",
                fleet, world, task("a", T, [E1], ["soil1"]), task("b", T, [E2], ["soil2"], deps=["a"]),
                task("c", T, [D3], ["rock1"], deps=["b"]))


# -- finding 4: "lifted for <robots> and <robot> is to <verb>" is that robot's own step -----------------------------

_LIFTED_AFTER_THE_DUMP = (task("a", AVA, [], ["rock1"]), task("m", T, [D2], ["puddle1"], deps=["a"]),
                          task("d", DUMP, [D2], [], deps=["m"]), task("l", ALA, [], ["rock1"], deps=["d"]))


@pytest.mark.parametrize("text", [
    "All robots avoid rock 1. Truck 2 dumps at puddle 1. Upon completion of the unloading, the restriction on rock 1 "
    "is to be lifted for all robots and truck 2 is to return to start.",
    "All robots avoid rock 1. Truck 2 dumps at puddle 1. Then the keep-out on rock 1 is lifted for everyone and "
    "truck 2 must return to start.",
    "All robots avoid rock 1. Truck 2 dumps at puddle 1. Then the keep-out on rock 1 is lifted for everyone and "
    "truck 2 returns to start.",
])
def test_a_robot_after_the_lifting_for_the_fleet_returns_alone(fleet, world, text):
    assert_plan(text, fleet, world, *_LIFTED_AFTER_THE_DUMP, task("r", R, [D2], [], deps=["d"]))


def test_it_after_a_lifting_for_one_robot_is_that_robot(fleet, world):
    assert_plan("Excavator 3 avoids rock 1. Excavator 3 digs at soil 2. Truck 2 dumps at puddle 1, upon which the "
                "restriction on rock 1 is to be lifted for excavator 3 and it is to return to start.", fleet, world,
                task("k", AV, [E3], ["rock1"]), task("e", T, [E3], ["soil2"], deps=["k"]),
                task("g", DIG, [E3], [], deps=["e"]), task("m", T, [D2], ["puddle1"]),
                task("d", DUMP, [D2], [], deps=["m"]), task("l", AL, [E3], ["rock1"], deps=["d"]),
                task("r", R, [E3], [], deps=["g", "d"]))


# -- finding 5: "loads truck 2 first then truck 1, truck 2 <verb> ..." ends the order at the comma -------------------

@pytest.mark.parametrize("text", [
    "ex 1 digs at soil 2, truck 1 and truck 2 go there too, ex 1 loads truck 2 first then truck 1, truck 2 dumps at "
    "puddle 1, truck 1 dumps at puddle 2",
    "ex 1 digs at soil 2, truck 1 and truck 2 go there too, ex 1 loads truck 2 first then truck 1, truck 2 dumps at "
    "puddle 1 and truck 1 dumps at puddle 2",
    "ex 1 digs at soil 2, truck 1 and truck 2 go there too, ex 1 loads truck 2 first then truck 1, truck 2 takes its "
    "load to puddle 1 and truck 1 takes it to puddle 2",
])
def test_a_loading_order_with_first_ends_at_the_comma(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, D1, D2], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l2", LOAD, [E1], [], deps=["g"]), task("l1", LOAD, [E1], [], deps=["l2"]),
                task("p2", T, [D2], ["puddle1"], deps=["l2"]), task("u2", DUMP, [D2], [], deps=["p2"]),
                task("p1", T, [D1], ["puddle2"], deps=["l1"]), task("u1", DUMP, [D1], [], deps=["p1"]))


# -- finding 6: "<robot's clause>, then <place> is open again" follows that clause ---------------------------------

@pytest.mark.parametrize("text", [
    "Everyone avoids rock 1. Truck 1 goes to puddle 2, then rock 1 is open again.",
    "Everyone avoids rock 1. Truck 1 goes to puddle 2 and then rock 1 is open again.",
    "Everyone avoids rock 1. Truck 1 goes to puddle 2, after that rock 1 is open again.",
    "Everyone avoids rock 1. Truck 1 goes to puddle 2, then everyone may use rock 1 again.",
])
def test_a_lifting_said_after_a_robots_clause_follows_it(fleet, world, text):
    assert_plan(text, fleet, world, task("a", AVA, [], ["rock1"]), task("m", T, [D1], ["puddle2"], deps=["a"]),
                task("l", ALA, [], ["rock1"], deps=["m"]))


def test_a_supervisors_lifting_follows_the_tipping(fleet, world):
    assert_plan("everyone avoids rock 1, then truck 1 goes to puddle 2 and dumps there, then rock 1 is open again",
                fleet, world, task("a", AVA, [], ["rock1"]), task("m", T, [D1], ["puddle2"], deps=["a"]),
                task("d", DUMP, [D1], [], deps=["m"]), task("l", ALA, [], ["rock1"], deps=["d"]))
    assert_plan("everyone stay away from the rocks, then two excavators to soil 1 and dig, one truck goes with them "
                "and gets loaded, it dumps at puddle 2 and then the rocks are open again", fleet, world,
                task("a", AVA, [], ["rock1", "rock2"]),
                task("m", T, types=[("excavator", 2), ("dump_truck", 1)], objs=["soil1"], deps=["a"]),
                task("g", DIG, types=[("excavator", 2)], deps=["m"]),
                task("l", LOAD, types=[("excavator", 2)], deps=["g"]),
                task("p", T, types=[("dump_truck", 1)], objs=["puddle2"], deps=["l"]),
                task("d", DUMP, types=[("dump_truck", 1)], deps=["p"]),
                task("o", ALA, [], ["rock1", "rock2"], deps=["d"]))


# -- finding 7: "<robots that never left> wait at base" is no step ---------------------------------------------------

_TIPPED_THEN_HOME = (task("m", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], deps=["m"]),
                     task("h", RA, [], [], deps=["d"]))


@pytest.mark.parametrize("text", [
    "truck 2 goes to puddle 1 and tips, the other two trucks wait at base, when truck 2 is done everybody home",
    "Truck 2 goes to puddle 1 and dumps. Trucks 1 and 3 wait at base. Then everyone returns to start.",
    "Truck 2 goes to puddle 1 and dumps. Trucks 1 and 3 are waiting at the start. Then everyone returns to start.",
])
def test_waiting_at_base_where_they_stand_moves_nobody(fleet, world, text):
    assert_plan(text, fleet, world, *_TIPPED_THEN_HOME)


def test_waiting_at_base_after_leaving_it_is_a_return(fleet, world):
    assert_plan("Truck 1 goes to rock 1. Then truck 1 waits at base.", fleet, world,
                task("m", T, [D1], ["rock1"]), task("r", R, [D1], [], deps=["m"]))


# -- finding 8: "thats" typed without its apostrophe ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ex 2 and ex 3 to rock 2 and break it up, truck 1 goes there too and gets loaded, then it takes it to puddle 1, "
    "when thats done the two excavators head home",
    "ex 2 and ex 3 to rock 2 and break it up, truck 1 goes there too and gets loaded, then it takes it to puddle 1, "
    "when that's done the two excavators head home",
])
def test_thats_without_the_apostrophe_is_that_is(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E2, E3, D1], ["rock2"]), task("g", DIG, [E2, E3], [], deps=["m"]),
                task("l", LOAD, [E2, E3], [], deps=["g"]), task("p", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["p"]), task("h", R, [E2, E3], [], deps=["d"]))


# -- finding 9: "... and dump truck 1 is to be positioned at soil 1" is truck 1's move ---------------------------------

@pytest.mark.parametrize("text", [
    "Soil 1 is to be excavated by excavator 1, and dump truck 1 is to be positioned at soil 1 as well.",
    "Soil 1 is to be excavated by excavator 1 and dump truck 1 is to be positioned at soil 1.",
])
def test_a_truck_to_be_positioned_beside_a_passive_digging_moves_there(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, D1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]))


def test_a_truck_to_be_positioned_alone_still_moves(fleet, world):
    assert_plan("Dump truck 1 is to be positioned at soil 1.", fleet, world, task("m", T, [D1], ["soil1"]))


# -- finding 10: "<robots> clear of <place>" with no verb is a keep-out ------------------------------------------------

@pytest.mark.parametrize("text, robots, kind", [
    ("everybody clear of obstacle 1 pls, then truck 2 to soil 1", [], AVA),
    ("all robots clear of obstacle 1, then truck 2 to soil 1", [], AVA),
])
def test_clear_of_a_place_keeps_the_robots_out(fleet, world, text, robots, kind):
    assert_plan(text, fleet, world, task("a", kind, robots, ["obstacle1"]),
                task("m", T, [D2], ["soil1"], deps=["a"]))


def test_clear_of_for_one_truck_gates_its_move(fleet, world):
    assert_plan("truck 2 clear of puddle 1 pls, then truck 2 goes to soil 2", fleet, world,
                task("a", AV, [D2], ["puddle1"]), task("m", T, [D2], ["soil2"], deps=["a"]))


@pytest.mark.parametrize("text", [
    "keep truck 2 clear of obstacle 1, then truck 2 goes to soil 1",
    "truck 2 keeps clear of obstacle 1, then truck 2 goes to soil 1",
    "truck 2 stays well clear of obstacle 1, then truck 2 goes to soil 1",
    "keep truck 2 well clear of obstacle 1, then truck 2 goes to soil 1",
    "steer truck 2 clear of obstacle 1, then truck 2 goes to soil 1",
])
def test_keep_out_verbs_with_clear_still_read_once(fleet, world, text):
    assert_plan(text, fleet, world, task("a", AV, [D2], ["obstacle1"]), task("m", T, [D2], ["soil1"], deps=["a"]))


# -- finding 11: "once thats done" is "once that's done" ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ex 1 goes to soil 2 and digs, once thats done truck 1 goes to soil 2 and gets loaded",
    "ex 1 goes to soil 2 and digs, once that's done truck 1 goes to soil 2 and gets loaded",
])
def test_once_thats_done_waits_for_the_digging(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil2"]), task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1], ["soil2"], deps=["g"]), task("l", LOAD, [E1], [], deps=["t"]))


# -- finding 12: "<place> is ok again" lifts its keep-out -----------------------------------------------------------

def test_ok_again_lifts_the_keep_out(fleet, world):
    assert_plan("nobody near rock 2 while ex 2 digs at soil 1, truck 3 goes there too and gets loaded, then truck 3 "
                "dumps at puddle 1, after that rock 2 is ok again for everyone", fleet, world,
                task("a", AVA, [], ["rock2"]), task("m", T, [E2, D3], ["soil1"], deps=["a"]),
                task("g", DIG, [E2], [], deps=["m"]), task("l", LOAD, [E2], [], deps=["g"]),
                task("p", T, [D3], ["puddle1"], deps=["l"]), task("d", DUMP, [D3], [], deps=["p"]),
                task("o", ALA, [], ["rock2"], deps=["d"]))
    assert_plan("Everyone avoids the rocks. Truck 1 goes to puddle 2, then the rocks are ok again.", fleet, world,
                task("a", AVA, [], ["rock1", "rock2"]), task("m", T, [D1], ["puddle2"], deps=["a"]),
                task("o", ALA, [], ["rock1", "rock2"], deps=["m"]))
