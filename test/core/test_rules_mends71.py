"""Mends of helper 71: dev lines of blind batch 23 the rules planner misread.

1. "Please proceed as follows." before the steps (a manager's email, L3_618) was refused: "proceed" is a verb of
   moving, and with no robot and no place the sentence was an order for nobody. A robotless sentence that ends in
   words pointing at what comes next (``forward_pointers``: "as follows", "like this", ...) and names no place is
   now the title of the steps, as one ending in a colon was.
2. "From the start, the first and second dump trucks must stay away from rock 2 ... the first excavator and the first
   truck go to soil 1" gave two moves, the truck's waiting for its keep-out and the excavator's for nothing (L3_627;
   also L3_521). The gold lines give robots sent to one place in one clause one move that waits for the keep-out
   (L2_192, L2_195, L3_090, L3_185, L3_521, L3_627): robots whose steps before differ only by keep-outs now share
   the move, which waits for those keep-outs.
3. "First open puddle 2 again for all robots. After this, truck 1 ... Also *after the opening*, excavator 2 go to soil
   2" (a non-native operator, L3_625) did not know "the opening" as an event, so the anchor fell back to the steps
   said last (the trucks' checks). "Opening", "reopening" and "re-opening" are now events of a keep-out's lifting.
4. "Truck 1 *after its check* drive to soil 2" (L3_625): with no commas around the clause of time between the robot
   and its verb, the anchor took the rest of the sentence, "its" became the truck named last (truck 3 drove to soil
   2), and "Truck 1 after the digging drives to soil 1" planned nothing for truck 1 at all. Such an anchor, right
   after a robot that opens its clause and before that robot's verb, is now read as if set off by commas
   (rules/anchoredsubjects.py).
5. "As soon as it is loaded, *the truck from soil 1* tips its soil at puddle 1; the truck from rock 2 tips ... as soon
   as it is loaded" (a dispatcher's step list, L3_619) made the first truck wait for both loadings: "it" said before
   the clause it is about points forward only when the clause's robot was named before, and a description did not
   count. "The <type>" told by its place ("from soil 1", "at rock 2"), or "the <type>" in each of several clauses,
   now picks out a robot named before when robots of that type were named by type before; and the last of several
   clauses may keep its own "as soon as it ..." after it.
6. "truck 1 go to puddle 2, truck 2 go to obstacle 1 and truck 3 go to obstacle 2, *all for check*" (L3_625) read
   "check" after "for" as a verb, so only truck 3's move became the check, and "truck 1 after its check" waited for
   truck 3's check too. A move's event noun right after "for" and closing its clause ("for check", "for visit") is
   now a noun, as "for a check" was; "for dig" stays the digging itself.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: a sentence that points at the steps after it is their title ------------------------------------------


@pytest.mark.parametrize("text", [
    "Hi team. Please proceed as follows. Excavator 1 goes to soil 1 and digs there.",
    "Kindly go ahead like this. Excavator 1 drives to soil 1 and digs.",
    "Please move as set out below. Excavator 1 heads to soil 1, then it digs.",
    "The steps are as follows. Excavator 1 goes to soil 1 and digs there.",
])
def test_a_sentence_pointing_at_the_steps_is_their_title(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_a_pointer_with_a_place_is_still_an_order_for_nobody(fleet, world):
    rp = rules_plan("Please proceed to soil 1 as follows. Excavator 1 digs at soil 2.", fleet, world)
    assert rp.errors


# -- finding 2: robots sent to one place in one clause share the move when only a keep-out held one of them ----------


@pytest.mark.parametrize("text", [
    "From the start, the first and second dump trucks must stay away from rock 2. The first excavator and the first "
    "truck go to soil 1.",
    "Trucks 1 and 2 have to keep clear of rock 2 for the whole job. Excavator 1 and truck 1 drive to soil 1.",
    "Right away, dump trucks 1 and 2 keep off rock 2. Please send excavator 1 and dump truck 1 to soil 1.",
])
def test_a_pair_sent_together_after_a_keepout_for_one_is_one_move(fleet, world, text):
    assert_plan(text, fleet, world, task("a", AV, [D1, D2], ["rock2"]),
                task("m", T, [E1, D1], ["soil1"], deps=["a"]))


def test_a_pair_after_another_pair_at_the_same_time_is_one_move(fleet, world):
    assert_plan("From the start, truck 1 stays off obstacle 2. Excavator 3 and truck 3 go to rock 2. At the same "
                "time, excavator 1 and truck 1 head to soil 1.", fleet, world,
                task("a", AV, [D1], ["obstacle2"]), task("r", T, [E3, D3], ["rock2"]),
                task("m", T, [E1, D1], ["soil1"], deps=["a"]))


# -- finding 3: "after the opening" waits for the lifting of the keep-out ---------------------------------------------


@pytest.mark.parametrize("text, rob, place", [
    ("First open puddle 2 again for all robots. After this, truck 1 goes to puddle 2. Also after the opening, "
     "excavator 2 goes to soil 2.", E2, "soil2"),
    ("Puddle 2 can be used again, so first allow all robots into puddle 2. Then truck 1 goes to puddle 2. Excavator 1 "
     "heads to rock 1 right after the reopening.", E1, "rock1"),
    ("Right away, lift the keep-out on puddle 2 for everyone. Truck 1 then goes to puddle 2. After the re-opening, "
     "excavator 3 drives to soil 2.", E3, "soil2"),
])
def test_after_the_opening_waits_for_the_lifting(fleet, world, text, rob, place):
    assert_plan(text, fleet, world, task("a", ALA, [], ["puddle2"]), task("t", T, [D1], ["puddle2"], deps=["a"]),
                task("m", T, [rob], [place], deps=["a"]))


# -- finding 4: a clause of time between a robot and its verb, with no commas ----------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 checks puddle 2 and truck 3 checks obstacle 2. Truck 1 after its check drives to soil 2.",
    "Truck 1 checks puddle 2 and truck 3 checks obstacle 2. Truck 1 once it is done drives to soil 2.",
    "Truck 1 checks puddle 2 and truck 3 checks obstacle 2. Truck 1, after its check, drives to soil 2.",
])
def test_an_anchor_between_robot_and_verb_keeps_the_robot(fleet, world, text):
    assert_plan(text, fleet, world, task("c1", T, [D1], ["puddle2"]), task("c3", T, [D3], ["obstacle2"]),
                task("m", T, [D1], ["soil2"], deps=["c1"]))


def test_an_anchor_on_another_robots_work_between_robot_and_verb(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 goes to rock 1. Truck 1 after the digging drives to soil 1, and "
                "excavator 1 loads it.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("r", T, [D2], ["rock1"]), task("t", T, [D1], ["soil1"], deps=["d"]),
                task("l", LOAD, [E1], [], deps=["t"]))


def test_an_anchor_between_robot_and_verb_after_and(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and truck 1 after the digging drives to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1], ["soil1"], deps=["d"]))


def test_a_wait_after_the_robot_is_still_its_predicate(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 waits for excavator 1 and goes to rock 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2], ["rock1"], deps=["d"]))


def test_an_as_soon_as_anchor_between_robot_and_verb(fleet, world):
    assert_plan("Excavator 2 goes to rock 2 and digs. Dump truck 3 as soon as the digging is over heads to rock 2. "
                "At the end everyone goes home.", fleet, world,
                task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["rock2"], deps=["d"]), task("h", RA, [], [], deps=["t"]))


# -- finding 5: a leading "as soon as it ..." before clauses whose trucks are told by their places ---------------------

_PAIRS = ("An excavator and a dump truck go to soil 1; the excavator digs and loads that truck. At the same time, "
          "another excavator and another dump truck go to rock 2, where the excavator digs and loads its truck. ")


def _pairs_then_dumps(fleet, world, text):
    ex, tr = [("excavator", 1)], [("dump_truck", 1)]
    assert_plan(_PAIRS + text, fleet, world,
                task("m1", T, [], ["soil1"], types=[("excavator", 1), ("dump_truck", 1)]),
                task("d1", DIG, [], [], deps=["m1"], types=ex), task("l1", LOAD, [], [], deps=["d1"], types=ex),
                task("m2", T, [], ["rock2"], types=[("excavator", 1), ("dump_truck", 1)]),
                task("d2", DIG, [], [], deps=["m2"], types=ex), task("l2", LOAD, [], [], deps=["d2"], types=ex),
                task("t1", T, [], ["puddle1"], deps=["l1"], types=tr), task("u1", DUMP, [], [], deps=["t1"], types=tr),
                task("t2", T, [], ["puddle2"], deps=["l2"], types=tr), task("u2", DUMP, [], [], deps=["t2"], types=tr))


@pytest.mark.parametrize("text", [
    "As soon as it is loaded, the truck from soil 1 tips its soil at puddle 1; the truck from rock 2 tips its rubble "
    "at puddle 2 as soon as it is loaded.",
    "Once it has been loaded, the truck at soil 1 dumps at puddle 1. The truck at rock 2 dumps at puddle 2 once it "
    "has been loaded.",
    "As soon as it is loaded, the truck from soil 1 tips its load at puddle 1, and the truck from rock 2 tips its "
    "load at puddle 2 as soon as it is loaded.",
])
def test_it_before_trucks_told_by_their_places_points_forward(fleet, world, text):
    _pairs_then_dumps(fleet, world, text)


def test_it_still_points_back_when_no_robot_of_the_type_was_named(fleet, world):
    assert_plan("An excavator goes to soil 1. As soon as it arrives, the truck at rock 1 goes to soil 1.", fleet, world,
                task("m", T, [], ["soil1"], types=[("excavator", 1)]),
                task("t", T, [], ["soil1"], deps=["m"], types=[("dump_truck", 1)]))


# -- finding 6: "for check" with no article is the purpose of the moves, not a verb -----------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 goes to puddle 2, truck 2 goes to obstacle 1 and truck 3 goes to obstacle 2, all for check. Truck 1 "
    "drives to soil 2 after its check.",
    "Truck 1 drives to puddle 2, truck 2 drives to obstacle 1 and truck 3 drives to obstacle 2, each for check. "
    "Truck 1 heads to soil 2 after its check.",
    "Truck 1 goes to puddle 2, truck 2 goes to obstacle 1 and truck 3 goes to obstacle 2, all for visit. Truck 1 "
    "goes to soil 2 after its visit.",
])
def test_for_check_without_article_is_every_moves_purpose(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["puddle2"]), task("b", T, [D2], ["obstacle1"]),
                task("c", T, [D3], ["obstacle2"]), task("m", T, [D1], ["soil2"], deps=["a"]))


def test_for_dig_without_article_still_digs(fleet, world):
    assert_plan("Excavator 2 goes to soil 1 for dig.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]))
