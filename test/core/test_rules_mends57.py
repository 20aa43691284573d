"""Mends of helper M57: misreadings of an office planner's written work orders (passive voice, "prior to",
"upon completion of", "whereupon"), found with sentences written for this session.

1. "Prior to the start of work, soil 1 is to be declared a keep-out zone for trucks 1 and 2. ..." added a return to
   start for both trucks: "start" in "the start of work" was read as the start position. The phrase (and "before /
   at the start of the work / the job / the shift / operations") is the job's beginning, an opener like "first"
   (lexicon ``connectives.first``).
2. "Then trucks 1 and 2 are to be loaded in turn, truck 1 first." made three loadings (both trucks, then truck 1,
   then truck 2), and "... are to be loaded in turn." with the trucks already at the excavator made one: after "in
   turn" the order aside was left unread, and the trucks' own subject stayed before the first truck's clause, so the
   first loading served both and the second was taken as said already. Each truck now gets its own loading, in the
   order given (rule 24).
3. "... it is to load dump trucks 1 and 3 in turn, truck 3 first. Both trucks are to be sent to rock 1 at the
   outset." sent a fresh pair of unnamed trucks, and a third truck dumped: the truck the order aside left out was
   made "the other dump truck" because "trucks 1 and 3" is one mention of two robots, so truck 1 was never named
   and "both trucks" found one. The mention now counts as each of its robots: truck 1 is loaded after truck 3.
4. "Truck 2 is to tip the load at puddle 1, whereas the excavators are to return to base." was refused ("'whereas'
   was not understood"): a comma before "whereas" (lexicon ``parallel_subordinators``) was taken as the clause's
   break, and "are" between the robot and its verb hid the verb. Both now join the clauses as "while" does.
5. "Objective: soil 1 is to be excavated by both the first and the second excavator, and the material is to be loaded
   into truck 2. Truck 2 is first to inspect rock 2 ..." dropped the digging and the loading without a word: the
   sentence after the "Objective:" title was read as a summary of later work (``summary_goal_nouns``), and the goal
   check only asks that a step reach soil 1 (truck 2 did). A titled goal that names a robot by number no later
   sentence names again gives orders: those robots' work is said only there.
6. "Upon completion of the excavation, both haulers are to be loaded in turn, truck 1 first, ..." made one loading,
   and "then the two trucks get loaded, truck 2 first" one loading with a third truck dumping: an order aside naming
   one truck of a pair said by type ("both haulers", "the two trucks") now goes on with the other truck of the pair,
   and the pair is no longer the subject of the first truck's clause.
7. "Dump truck 1 is to be loaded by excavator 1 at soil 1 and dump truck 2 by excavator 3 at soil 2" sent truck 2 to
   soil 2 and dropped its loading without a word (the verb is said once for both trucks); without the places, the
   second loading waited for the first. The shared verb is put back for the second truck, as its own clause.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- finding 1: "prior to the start of work" is the job's beginning, not the start position ----------------------


def test_a_keep_out_prior_to_the_start_of_work_adds_no_return(fleet, world):
    assert_plan("Prior to the start of work, soil 1 is to be declared a keep-out zone for trucks 1 and 2. Excavator "
                "no. 3 is to excavate soil 1 in the meantime, and upon completion of the excavation the keep-out is to "
                "be lifted for the two trucks, whereupon truck 1 is to proceed to soil 1 to be loaded by excavator 3. "
                "The loaded truck is subsequently to dump at puddle 2.", fleet, world,
                task("k", AV, [D1, D2], ["soil1"]), task("m3", T, [E3], ["soil1"]), task("x", DIG, [E3], [], ["m3"]),
                task("a", AL, [D1, D2], ["soil1"], ["x"]), task("m1", T, [D1], ["soil1"], ["k", "a"]),
                task("l", LOAD, [E3], [], ["m1"]), task("m2", T, [D1], ["puddle2"], ["l"]),
                task("d", DUMP, [D1], [], ["m2"]))


@pytest.mark.parametrize("opener", ["Prior to the start of work", "Before the start of the work",
                                    "At the start of the shift", "Prior to the commencement of work"])
def test_the_start_of_work_opens_a_first_step(fleet, world, opener):
    assert_plan(f"{opener}, all robots are to avoid soil 1. Excavator 1 is to dig at soil 2.", fleet, world,
                task("k", AVA, [], ["soil1"]), task("m", T, [E1], ["soil2"], ["k"]),
                task("x", DIG, [E1], [], ["m"]))


# -- finding 2: "<trucks> are to be loaded in turn[, truck N first]" loads each truck in that order ------------------


def _loaded_in_turn(first: str, second: str, e: str = E1, place: str = "soil1") -> tuple:
    """The move of the loader and both trucks, the digging, a loading per truck in order, and each truck's dump."""
    return (task("m", T, [e, first, second], [place]), task("x", DIG, [e], [], ["m"]),
            task("l1", LOAD, [e], [], ["x"]), task("l2", LOAD, [e], [], ["l1"]),
            task("g1", T, [first], ["puddle2"], ["l1"]), task("d1", DUMP, [first], [], ["g1"]),
            task("g2", T, [second], ["puddle2"], ["l2"]), task("d2", DUMP, [second], [], ["g2"]))


@pytest.mark.parametrize("text, first, second", [
    ("Plan for this afternoon: excavator no. 1 is to excavate soil 1 while trucks 1 and 2 proceed to soil 1. Upon "
     "completion of the excavation, trucks 1 and 2 are to be loaded in turn, truck 2 first, and each truck is to dump "
     "its load at puddle 2 as soon as it has been loaded.", D2, D1),
    ("Excavator 1 digs at soil 1 while trucks 1 and 2 go there. Then trucks 1 and 2 are to be loaded in turn, truck 1 "
     "first. Each truck then dumps at puddle 2 once it is loaded.", D1, D2),
    ("Excavator 1 digs at soil 1 while trucks 1 and 2 go there. Then trucks 1 and 2 are to be loaded in turn. Each "
     "truck then dumps at puddle 2 once it is loaded.", D1, D2),
])
def test_trucks_loaded_in_turn_get_a_loading_each(fleet, world, text, first, second):
    assert_plan(text, fleet, world, *_loaded_in_turn(first, second))


def test_trucks_loaded_one_after_the_other_with_the_first_named(fleet, world):
    assert_plan("Excavator 2 digs at rock 1 while trucks 2 and 3 go there. Then trucks 2 and 3 are to be loaded one "
                "after the other, truck 3 first, and each truck then dumps at puddle 2.", fleet, world,
                *_loaded_in_turn(D3, D2, E2, "rock1"))


# -- finding 3: "loads trucks 1 and 3 in turn, truck 3 first": truck 1 is the one left, by its number ---------------


def test_both_trucks_after_an_ordered_loading_are_the_trucks_named(fleet, world):
    assert_plan("Plan for today: excavator 2 is to excavate rock 1, whereupon it is to load dump trucks 1 and 3 in "
                "turn, truck 3 first. Both trucks are to be sent to rock 1 at the outset. Each truck is to empty its "
                "bed at puddle 2 once it has been loaded.", fleet, world,
                *_loaded_in_turn(D3, D1, E2, "rock1"))


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at rock 1 and then loads trucks 1 and 3, truck 3 first. Each truck then dumps at puddle 2.",
    "Excavator 2 digs at rock 1, whereupon it is to load trucks 1 and 3 one after the other, truck 3 first. Each truck "
    "is then to dump at puddle 2.",
])
def test_the_truck_an_order_leaves_out_is_loaded_last(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E2], ["rock1"]), task("x", DIG, [E2], [], ["m"]),
                task("l1", LOAD, [E2], [], ["x"]), task("l2", LOAD, [E2], [], ["l1"]),
                task("g1", T, [D3], ["puddle2"], ["l1"]), task("d1", DUMP, [D3], [], ["g1"]),
                task("g2", T, [D1], ["puddle2"], ["l2"]), task("d2", DUMP, [D1], [], ["g2"]))


# -- finding 4: ", whereas <robots> are to ..." runs alongside, as "while" does -------------------------------------


@pytest.mark.parametrize("text, back", [
    ("Truck 2 tips its load at puddle 1, whereas excavators 1 and 2 return to base.", [E1, E2]),
    ("Truck 2 is to tip the load at puddle 1, whereas excavators 1 and 2 are to return to base.", [E1, E2]),
    ("Truck 2 is to tip the load at puddle 1, whereas excavator 3 is to return to base.", [E3]),
])
def test_whereas_after_a_comma_runs_alongside(fleet, world, text, back):
    assert_plan(text, fleet, world, task("m", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], ["m"]),
                task("r", R, back))


# -- finding 5: a titled objective that alone names its robots gives orders ----------------------------------------

_DUG_AND_LOADED = (task("m", T, [E1, E2], ["soil1"]), task("x", DIG, [E1, E2], [], ["m"]),
                   task("i", T, [D2], ["rock2"]), task("g", T, [D2], ["soil1"], ["i"]),
                   task("l", LOAD, [E1, E2], [], ["x", "g"]), task("p", T, [D2], ["puddle1"], ["l"]),
                   task("d", DUMP, [D2], [], ["p"]), task("r", R, [E1, E2], [], ["l"]))


@pytest.mark.parametrize("text", [
    "Objective: soil 1 is to be excavated by both the first and the second excavator, and the material is to be "
    "loaded into truck 2. Truck 2 is first to inspect rock 2 and is subsequently to proceed to soil 1. Upon completion "
    "of the loading, truck 2 is to tip the load at puddle 1, whereas the excavators are to return to base.",
    "Objective: soil 1 is to be excavated by excavators 1 and 2, and the material is to be loaded into truck 2. "
    "Truck 2 is first to inspect rock 2 and is subsequently to proceed to soil 1. Upon completion of the loading, "
    "truck 2 is to tip the load at puddle 1, while the excavators are to return to base.",
])
def test_an_objective_that_alone_names_its_diggers_is_carried_out(fleet, world, text):
    assert_plan(text, fleet, world, *_DUG_AND_LOADED)


def test_an_objective_spelled_out_later_stays_a_summary(fleet, world):
    assert_plan("Objective for this shift: dump truck 2 collects soil from soil 1 and delivers it to puddle 2. Order "
                "of work: excavator 1 digs at soil 1, truck 2 drives to soil 1 and gets loaded, then it dumps at "
                "puddle 2.", fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("x", DIG, [E1], [], ["m"]), task("l", LOAD, [E1], [], ["x"]),
                task("p", T, [D2], ["puddle2"], ["l"]), task("d", DUMP, [D2], [], ["p"]))


# -- finding 6: "both haulers / the two trucks get loaded, truck N first": the other one of the pair next -----------


@pytest.mark.parametrize("text, first, second", [
    ("Plan for this afternoon: excavator no. 1 is to excavate soil 1 while trucks 1 and 2 proceed to soil 1. Upon "
     "completion of the excavation, both haulers are to be loaded in turn, truck 1 first, and each truck is to dump "
     "its load at puddle 2 as soon as it has been loaded.", D1, D2),
    ("Excavator 1 digs at soil 1 while trucks 1 and 2 go there. Then the two trucks get loaded, truck 2 first. Each "
     "truck then dumps at puddle 2 once it is loaded.", D2, D1),
    ("Excavator 1 digs at soil 1 while trucks 1 and 2 go there. Then both trucks are loaded, truck 2 first, then "
     "truck 1. Each truck then dumps at puddle 2 once it is loaded.", D2, D1),
])
def test_a_pair_loaded_with_one_truck_first_loads_the_other_next(fleet, world, text, first, second):
    assert_plan(text, fleet, world, *_loaded_in_turn(first, second))


# -- finding 7: "truck 1 is to be loaded by excavator 1 (at soil 1) and truck 2 by excavator 3 (at soil 2)" ---------

_TWO_SITES = "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2. "


@pytest.mark.parametrize("text", [
    _TWO_SITES + "Dump truck 1 is to be loaded by excavator 1 at soil 1 and dump truck 2 by excavator 3 at soil 2. "
    "Upon completion of the loading, each truck is to dump its load at puddle 1.",
    _TWO_SITES + "Truck 1 is loaded by excavator 1 at soil 1 and truck 2 by excavator 3 at soil 2. Each truck then "
    "dumps at puddle 1.",
])
def test_a_passive_loading_said_once_for_two_trucks_at_their_sites(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("x1", DIG, [E1], [], ["m1"]),
                task("m3", T, [E3, D2], ["soil2"]), task("x3", DIG, [E3], [], ["m3"]),
                task("l1", LOAD, [E1], [], ["x1"]), task("l3", LOAD, [E3], [], ["x3"]),
                task("g1", T, [D1], ["puddle1"], ["l1"]), task("d1", DUMP, [D1], [], ["g1"]),
                task("g2", T, [D2], ["puddle1"], ["l3"]), task("d2", DUMP, [D2], [], ["g2"]))


def test_a_passive_loading_said_once_for_two_trucks_loads_both_apart(fleet, world):
    assert_plan(_TWO_SITES + "Truck 1 is loaded by excavator 1 and truck 2 by excavator 3. Then both trucks dump at "
                "puddle 1.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("x1", DIG, [E1], [], ["m1"]),
                task("m3", T, [E3], ["soil2"]), task("x3", DIG, [E3], [], ["m3"]),
                task("l1", LOAD, [E1], [], ["x1"]), task("l3", LOAD, [E3], [], ["x3"]),
                task("g1", T, [D1], ["puddle1"], ["l1"]), task("d1", DUMP, [D1], [], ["g1"]),
                task("g2", T, [D2], ["puddle1"], ["l3"]), task("d2", DUMP, [D2], [], ["g2"]))
