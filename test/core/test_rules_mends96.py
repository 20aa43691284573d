"""Mends of helper M96: a safety-minded site engineer's keep-outs, set and lifted around digging and hauling chains,
read wrong on main.

1. "Trucks 1 and 2 may not enter puddle 1 until excavator 3 has inspected it. Excavator 3 goes to puddle 1. Meanwhile
   excavator 1 digs at soil 1 and loads truck 1. Truck 1 then hauls the soil to puddle 1 and dumps it." was refused
   ("D1 is sent to puddle1 after being kept out of it"): the keep-out "until X" was lifted only for a move that
   already waited for X. The keep-out itself says that its robots enter only after X, so a later move of theirs into
   the place (one that waits for the keep-out) waits for the lifting after X (rules/untillifts.py). A move that X
   itself waits for ("... until excavator 1 has loaded it. Truck 1 goes to rock 1 and is loaded") still contradicts
   the keep-out and is refused.
2. "The dump trucks keep away from soil 1 and soil 2 until excavator 1 has inspected both." was refused ("which places
   does 'both' mean? (no list of places was said just before)"): the "until" condition is read before its clause, so
   the list it points back to ("soil 1 and soil 2", in that clause) was not said yet. A place-list pronoun in a
   condition with no list before it stands for the places of its own clause when they are several (named, or "both
   puddles"), as "the rock" there is the clause's rock, also in the deed the condition orders itself; and the
   lifting waits for the first step at each of them, as for "until it has checked both rocks".
3. "The trucks keep away from soil 1. Excavator 1 goes to soil 1. After that, lift the restriction for the trucks.
   Then truck 1 goes to soil 1 and truck 3 goes to soil 2." let truck 1's first move wait for the lifting only, not
   for the keep-out (truck 3's waited for both; with the trucks named by number both did): a start keep-out of
   every robot of a type gated a robot of that type only while the keep-out was still the group's last step, so
   once lifted it was forgotten for the first robot to move. It gates that robot's first movement as a keep-out
   naming it would (rule 21, L3_218), lifted or not, as long as the group made no movement of its own.
4. "Excavator 3 goes to soil 2 and digs, and truck 1 goes to soil 2 too. Once excavator 3 has loaded truck 1, truck 1
   hauls the soil to rock 1 and dumps it. Excavator 2 goes to soil 1 and digs. Then truck 2 drives to soil 1 and
   excavator 2 loads it." had truck 1's haul wait for excavator 2's loading of truck 2, a step of other robots said
   later: a condition naming a loading not made yet was read after the later sentences whenever they named a robot
   of its types with a loading verb. Robots named by number in the condition must come back by number there; else
   the condition's loading is made where it is said.
5. "While the excavators dig, the trucks keep away from puddle 1. Excavators 1 and 2 go to soil 1 and dig." made an
   extra digging by three excavators before the real one: a "while" condition was never read after the sentences
   that order its event, so it ordered the event itself. Before keep-outs only, a "while" condition whose work is
   ordered later adds no step; the keep-out waits for nothing and counts as put up during the job, so its lifting
   waits for it (rule 26, as L3_036 with the "while" said after the digging).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a later move into a place closed "until X" waits for X ------------------------------------------------


def test_a_move_said_later_waits_for_the_end_of_the_keep_out(fleet, world):
    assert_plan("Trucks 1 and 2 may not enter puddle 1 until excavator 3 has inspected it. Excavator 3 goes to "
                "puddle 1. Truck 1 goes to soil 1, then goes to puddle 1.", fleet, world,
                task("k", AV, [D1, D2], ["puddle1"]), task("i", T, [E3], ["puddle1"]),
                task("a", AL, [D1, D2], ["puddle1"], deps=["i"]), task("s", T, [D1], ["soil1"], deps=["k"]),
                task("t", T, [D1], ["puddle1"], deps=["s", "a"]))


def test_a_haul_into_the_closed_place_waits_for_the_inspection(fleet, world):
    assert_plan("Trucks 1 and 2 may not enter puddle 1 until excavator 3 has inspected it. Excavator 3 goes to "
                "puddle 1. Meanwhile excavator 1 digs at soil 1 and then loads truck 1, which has gone to soil 1. "
                "Truck 1 then hauls the soil to puddle 1 and dumps it there.", fleet, world,
                task("k", AV, [D1, D2], ["puddle1"]), task("i", T, [E3], ["puddle1"]),
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("s", T, [D1], ["soil1"], deps=["k"]), task("l", LOAD, [E1], [], deps=["g", "s"]),
                task("a", AL, [D1, D2], ["puddle1"], deps=["i"]),
                task("h", T, [D1], ["puddle1"], deps=["l", "a"]), task("d", DUMP, [D1], [], deps=["h"]))


def test_a_move_in_the_next_sentence_waits_for_the_digging(fleet, world):
    assert_plan("Truck 1 must stay off rock 1 until excavator 3 has dug at soil 2. Truck 1 goes to rock 1.", fleet,
                world, task("k", AV, [D1], ["rock1"]), task("m", T, [E3], ["soil2"]),
                task("g", DIG, [E3], [], deps=["m"]), task("a", AL, [D1], ["rock1"], deps=["g"]),
                task("t", T, [D1], ["rock1"], deps=["k", "a"]))


def test_a_move_the_end_waits_for_is_still_refused(fleet, world):
    errors = rules_plan("Truck 1 stays off rock 1 until excavator 1 has loaded it. Truck 1 goes to rock 1 and "
                        "excavator 1 loads it there.", fleet, world).errors
    assert any("kept out of it" in e for e in errors), errors


# -- finding 2: "until <robot> has inspected both" points to the places of its own clause --------------------------

_TRUCKS = [("dump_truck", 3)]


def test_both_in_an_until_condition_is_the_places_of_its_clause(fleet, world):
    assert_plan("The dump trucks keep away from soil 1 and soil 2 until excavator 1 has inspected both. Excavator 1 "
                "goes to soil 1, then to soil 2. Then truck 1 goes to soil 1 and truck 3 goes to soil 2.", fleet, world,
                task("k", AV, types=_TRUCKS, objs=["soil1", "soil2"]), task("i", T, [E1], ["soil1"]),
                task("j", T, [E1], ["soil2"], deps=["i"]),
                task("a", AL, types=_TRUCKS, objs=["soil1", "soil2"], deps=["j"]),
                task("s", T, [D1], ["soil1"], deps=["k", "a"]), task("t", T, [D3], ["soil2"], deps=["k", "a"]))


def test_both_after_a_list_still_points_back(fleet, world):
    assert_plan("Excavator 1 inspects soil 1 and soil 2. Truck 1 avoids both until excavator 1 is done.",
                fleet, world, task("i", T, [E1], ["soil1"]), task("j", T, [E1], ["soil2"], deps=["i"]),
                task("k", AV, [D1], ["soil1", "soil2"]))


def test_both_in_an_until_condition_that_orders_the_inspection(fleet, world):
    assert_plan("Truck 2 keeps away from puddle 1 and puddle 2 until excavator 1 has checked both.", fleet, world,
                task("k", AV, [D2], ["puddle1", "puddle2"]), task("i", T, [E1], ["puddle1"]),
                task("j", T, [E1], ["puddle2"], deps=["i"]))

    assert_plan("Truck 2 keeps away from both puddles until excavator 1 has checked both.", fleet, world,
                task("k", AV, [D2], ["puddle1", "puddle2"]), task("i", T, [E1], ["puddle1"]),
                task("j", T, [E1], ["puddle2"], deps=["i"]))


# -- finding 3: a start keep-out of every truck gates each truck's first move, also after its lifting ----------------


def test_the_first_truck_after_the_lifting_waits_for_the_keep_out_too(fleet, world):
    assert_plan("The trucks keep away from soil 1. Excavator 1 goes to soil 1. After that, lift the restriction for "
                "the trucks. Then truck 1 goes to soil 1 and truck 3 goes to soil 2.", fleet, world,
                task("k", AV, types=_TRUCKS, objs=["soil1"]), task("m", T, [E1], ["soil1"]),
                task("a", AL, types=_TRUCKS, objs=["soil1"], deps=["m"]),
                task("s", T, [D1], ["soil1"], deps=["k", "a"]), task("t", T, [D3], ["soil2"], deps=["k", "a"]))


def test_a_lone_truck_after_the_lifting_waits_for_the_keep_out(fleet, world):
    assert_plan("The trucks keep away from soil 1. Excavator 1 goes to soil 1. After that, lift the restriction for "
                "the trucks. Then truck 1 goes to soil 1.", fleet, world,
                task("k", AV, types=_TRUCKS, objs=["soil1"]), task("m", T, [E1], ["soil1"]),
                task("a", AL, types=_TRUCKS, objs=["soil1"], deps=["m"]),
                task("s", T, [D1], ["soil1"], deps=["k", "a"]))


def test_a_truck_after_the_trucks_moved_follows_their_move(fleet, world):
    assert_plan("The trucks keep away from soil 1. The trucks go to obstacle 1. Lift the restriction for the "
                "trucks. Then truck 1 goes to soil 1.", fleet, world,
                task("k", AV, types=_TRUCKS, objs=["soil1"]),
                task("o", T, types=_TRUCKS, objs=["obstacle1"], deps=["k"]),
                task("a", AL, types=_TRUCKS, objs=["soil1"], deps=["o"]),
                task("s", T, [D1], ["soil1"], deps=["a"]))


# -- finding 4: "once excavator 3 has loaded truck 1" is not a later loading of other robots -------------------------


def test_a_loading_condition_with_robots_by_number_is_not_another_robots_later_loading(fleet, world):
    assert_plan("Excavator 3 goes to soil 2 and digs, and truck 1 goes to soil 2 too. Once excavator 3 has loaded "
                "truck 1, truck 1 hauls the soil to rock 1 and dumps it. Excavator 2 goes to soil 1 and digs. Then "
                "truck 2 drives to soil 1 and excavator 2 loads it.", fleet, world,
                task("m", T, [E3, D1], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["g"]), task("h", T, [D1], ["rock1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["h"]), task("n", T, [E2], ["soil1"]),
                task("f", DIG, [E2], [], deps=["n"]), task("t", T, [D2], ["soil1"], deps=["f", "d"]),
                task("k", LOAD, [E2], [], deps=["t"]))


def test_a_loading_condition_said_again_later_by_number_is_still_read_there(fleet, world):
    assert_plan("Once excavator 3 has loaded truck 1, truck 1 hauls the soil to rock 1. Excavator 3 goes to soil 2 "
                "and digs, and truck 1 goes to soil 2 too. Excavator 3 loads truck 1.", fleet, world,
                task("m", T, [E3, D1], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["g"]), task("h", T, [D1], ["rock1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["h"]))


# -- finding 5: "while the excavators dig, the trucks keep away" said before the digging is ordered -----------------


def test_a_while_condition_said_before_the_digging_adds_no_digging(fleet, world):
    assert_plan("While the excavators dig, the trucks keep away from puddle 1. Excavators 1 and 2 go to soil 1 and "
                "dig.", fleet, world, task("k", AV, types=_TRUCKS, objs=["puddle1"]),
                task("m", T, [E1, E2], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]))


def test_the_lifting_of_such_a_keep_out_waits_for_it(fleet, world):
    assert_plan("While the excavators dig, the trucks keep away from puddle 1. Excavators 1 and 2 go to soil 1 and "
                "dig. Once they are done, lift the keep-out for the trucks. Truck 3 then drives to puddle 1.", fleet,
                world, task("k", AV, types=_TRUCKS, objs=["puddle1"]),
                task("m", T, [E1, E2], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("a", AL, types=_TRUCKS, objs=["puddle1"], deps=["k", "g"]),
                task("t", T, [D3], ["puddle1"], deps=["a"]))


def test_a_while_condition_before_a_move_is_read_as_before(fleet, world):
    assert_plan("While excavator 1 digs at soil 1, truck 2 goes to obstacle 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2], ["obstacle1"]))
