"""Mends of helper M39: strong restructurings of an instruction (goal first, lists, titles) that were misread.

1. "Both obstacles are closed to the whole fleet first. The job itself is one haul from soil 1 to puddle 1: ..."
   sent the whole fleet to soil 1 and puddle 1 before the crew: "itself" after the goal noun kept the sentence
   from being read as a title, so the haul it names became a step of the robots said before. "itself" is now
   passed over like "the" or "main" (lexicon ``title_skip_words``).
2. "Everybody back to base - but only after these three are in place: excavator one at rock one, ...", "Both trucks
   return to base after they have reached their spots: dump truck 1 goes to rock 1, ...", "X, but only after the
   site sweep, which goes: <moves>": the first sentence closes with an anchor that names no place or robot of its
   own, and the colon opens what it waits for. The return came first and the moves waited for it (or "reached"
   was refused, having nowhere to go). Such an anchor now points forward like "after the following:" (the
   sentence is read last, as a "finally"; a vague relative after the anchor, "which goes", goes with it).
3. "dump truck 1 goes to rock 1, dump truck 3 goes to puddle 2, and they set off together" sent truck 1 on to
   puddle 2 (the last move said again for "they", together). A pronoun-only clause with a together word and no
   verb or place says when the robots start, as "both at once" did: nothing new.
4. "Excavators 1 and 2 must wait until the obstacles have been checked: truck 1 checks obstacle 1 and truck 2 checks
   obstacle 2." sent the excavators to both obstacles: the anchor names places only by their kind, and the robots
   before it have no work of their own (the anchor's "wait" is what they do). Such an anchor points forward too;
   the waiting robots get their work from the sentences after it.
5. "Once both are done, send excavator 1 to soil 1 and excavator 2 to soil 2, where they excavate" had only
   excavator 2 dig: "they" was the anchor's "both" (the trucks). When several robots were given work one by one
   after such a mention in the sentence, "they" are those robots.
6. "Excavators one and two, ... Truck three ... drives to soil 1; you both fill it" had truck 3 tip ("you both" was
   read as "both", the two robots named last). Forms of "both" that speak to the robots addressed (lexicon
   ``addressed_pair_pronouns``) are those robots.
7. "A dump truck checks rock 1. After that check, rock 1 is a no-go area for the whole fleet." put the keep-out up
   at the start: "after that" was read as the connective and "check" as a verb with no robot. An event noun alone
   between "after that" and a comma makes it the anchor "after" with "that check" (as "after that check is done").
8. "<step>. Then, simultaneously: two excavators to soil 1, a second dump truck to soil 2." ran the list beside the
   step before (the parallel connective replaced the "then"). Before a colon it says only that the clauses of the
   list run side by side, which they do each with its own robots: the list comes after the step before.
9. "Trucks 1, 2 and 3 go back to base together and unload there, but only once all three are full. Before that:
   <steps>" made the return and the unloading first and the steps wait for them: only a first sentence opened by
   "Finally" was moved after a "Before that:" heading. A sentence of nothing but "before that" (or "to begin
   with", ...) and a colon now moves the sentence before it to the end, unless the steps open with a pronoun.
10. "Excavator 3 goes to soil 1, but first all robots go to rock 1" (or "but before that truck 2 goes to rock 1")
   ran the fleet's move after (or beside) excavator 3's: only the same robots' "but first" clause was put first.
   A clause that opens with "but" (lexicon ``except_but_words``) and a "first" connective now comes before the
   clause said before it, whoever does it.
11. "Truck 2 returns to base. Before that: it goes to puddle 1 and dumps." returned first and dumped after: the
   heading "Before that:" was a sentence of its own that did nothing ("Before that, it goes ..." was right). A
   heading of nothing but such a connective now opens the clause after its colon (the sentences after it are
   numbered as if it were that clause's opening words).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, TA, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "The job itself is ...:" is a title ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Both obstacles are closed to the whole fleet before work starts. The job itself is one haul from soil 1 to "
    "puddle 1: excavator 1 and truck 1 drive to soil 1, the excavator digs and loads truck 1, and truck 1 dumps "
    "at puddle 1. When truck 1 is empty, everybody goes home.",
    "All robots keep away from obstacle 1 and obstacle 2 first. The task itself is a single haul from soil 1 to "
    "puddle 1: excavator one and truck one drive to soil one, the excavator digs and loads truck one, and truck "
    "one dumps at puddle one. After that every robot returns to base.",
])
def test_a_title_with_itself_adds_no_steps(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AVA, [], ["obstacle1", "obstacle2"]),
                task("m", T, [E1, D1], ["soil1"], deps=["k"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("n", T, [D1], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["n"]), task("h", RA, [], [], deps=["d"]))


def test_a_plan_itself_heading_adds_no_steps(fleet, world):
    assert_plan("Rock 1 is closed to every robot before we begin. The plan itself is simple: excavator 3 goes to "
                "soil 1 and digs.", fleet, world,
                task("k", AVA, [], ["rock1"]), task("m", T, [E3], ["soil1"], deps=["k"]),
                task("g", DIG, [E3], [], deps=["m"]))


# -- finding 2: a vague closing anchor before a colon waits for the list after it ---------------------------------


@pytest.mark.parametrize("text", [
    "Everyone returns to base once these three are in place: excavator 2 at soil 2, truck 1 at rock 1, truck 2 at "
    "puddle 1.",
    "All robots back to base - but only after these are in place: excavator 2 at soil 2, truck 1 at rock 1, truck 2 "
    "at puddle 1.",
    "The whole fleet goes home, but only after they are in position: excavator 2 goes to soil 2, truck 1 goes to "
    "rock 1, truck 2 goes to puddle 1.",
])
def test_a_vague_anchor_before_a_colon_waits_for_the_moves_listed(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [E2], ["soil2"]), task("b", T, [D1], ["rock1"]), task("c", T, [D2], ["puddle1"]),
                task("h", RA, [], [], deps=["a", "b", "c"]))


@pytest.mark.parametrize("text", [
    "Both trucks return to base after they have reached their spots: truck 1 goes to rock 2, truck 2 goes to "
    "soil 1.",
    "Trucks 1 and 2 go back to base once they have arrived: truck 1 goes to rock 2, truck 2 goes to soil 1.",
])
def test_they_in_the_anchor_before_the_colon_are_the_robots_of_the_list(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [D1], ["rock2"]), task("b", T, [D2], ["soil1"]),
                task("h", R, [D1, D2], [], deps=["a", "b"]))


@pytest.mark.parametrize("text", [
    "Truck 2 will dump at puddle 1, but only after the patrol, which goes: all robots to rock 2, all robots back "
    "to base.",
    "Truck 2 dumps at puddle 1 after the round, which runs like this: the whole fleet to rock 2, then the whole "
    "fleet home.",
])
def test_a_named_event_spelled_out_after_its_colon_comes_first(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", TA, [], ["rock2"]), task("h", RA, [], [], deps=["a"]),
                task("m", T, [D2], ["puddle1"], deps=["h"]), task("d", DUMP, [D2], [], deps=["m"]))


def test_the_work_and_keep_out_said_first_both_wait_for_the_sweep(fleet, world):
    assert_plan("Excavator 1 will dig at soil 2 and rock 1 will be closed to all robots for good, but only after "
                "the sweep, which goes: all robots to rock 1, all robots to puddle 2, all robots back to start.",
                fleet, world,
                task("a", TA, [], ["rock1"]), task("b", TA, [], ["puddle2"], deps=["a"]),
                task("h", RA, [], [], deps=["b"]), task("k", AVA, [], ["rock1"], deps=["h"]),
                task("m", T, [E1], ["soil2"], deps=["h"]), task("g", DIG, [E1], [], deps=["m"]))


def test_an_anchor_naming_its_own_place_before_a_colon_keeps_its_reading(fleet, world):
    # the anchor names its place: it is its own event, and the list after the colon is more work, not its detail
    assert_plan("Truck 1 goes to puddle 1 after excavator 1 has dug at soil 1: truck 2 goes to rock 2.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("p", T, [D1], ["puddle1"], deps=["g"]), task("r", T, [D2], ["rock2"]))


# -- finding 3: "..., and they set off together" adds no move -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 goes to rock 2, truck 2 goes to soil 1, and they set off together.",
    "Truck 1 drives to rock 2, truck 2 drives to soil 1, and they both leave together.",
    "Truck 1 heads to rock 2 and truck 2 heads to soil 1; they start together.",
])
def test_starting_together_adds_no_move(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["rock2"]), task("b", T, [D2], ["soil1"]))


def test_setting_off_together_for_a_place_stays_a_move(fleet, world):
    assert_plan("Trucks 1 and 2 set off together for soil 1.", fleet, world, task("a", T, [D1, D2], ["soil1"]))


# -- finding 4: "<robots> must wait until the <kind>s have been <done>: <the list>" -------------------------------


@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 must wait until the obstacles have been checked: truck 1 checks obstacle 1 and truck 2 "
    "checks obstacle 2. Once both checks are finished, excavator 1 goes to soil 1 and excavator 2 goes to soil 2.",
    "Excavator 1 and excavator 2 wait until the obstacles are checked: truck 1 checks obstacle 1, truck 2 checks "
    "obstacle 2. When both checks are done, send excavator 1 to soil 1 and excavator 2 to soil 2.",
])
def test_robots_that_wait_for_a_list_do_nothing_before_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [D1], ["obstacle1"]), task("b", T, [D2], ["obstacle2"]),
                task("m", T, [E1], ["soil1"], deps=["a", "b"]), task("n", T, [E2], ["soil2"], deps=["a", "b"]))


# -- finding 5: "they" after an anchor's "both" are the robots given work since --------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 checks obstacle 1 and truck 2 checks obstacle 2. Once both are done, send excavator 1 to soil 1 and "
    "excavator 2 to soil 2, where they excavate.",
    "Truck 1 checks obstacle 1 and truck 2 checks obstacle 2. When both checks are finished, excavator 1 goes to "
    "soil 1 and excavator 2 goes to soil 2, where they dig.",
])
def test_they_after_an_anchor_are_the_robots_just_sent(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [D1], ["obstacle1"]), task("b", T, [D2], ["obstacle2"]),
                task("m", T, [E1], ["soil1"], deps=["a", "b"]), task("n", T, [E2], ["soil2"], deps=["a", "b"]),
                task("g", DIG, [E1], [], deps=["m"]), task("h", DIG, [E2], [], deps=["n"]))


def test_they_right_after_an_anchor_are_still_its_robots(fleet, world):
    assert_plan("Excavator 1 loads truck 1 and truck 2 at soil 1. Once both are loaded, they dump at puddle 1.",
                fleet, world,
                task("m", T, [E1, D1, D2], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]),
                task("p", T, [D1, D2], ["puddle1"], deps=["l"]), task("d", DUMP, [D1, D2], [], deps=["p"]))


# -- finding 6: "you both" / "you two" are the robots spoken to ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavators one and two, drive to soil 1 and dig. Truck three then drives to soil 1 and you both fill it.",
    "Excavator 1 and excavator 2, go to soil 1 and dig there. Then truck 3 comes to soil 1 and both of you load it.",
    "Excavators 1 and 2, you dig at soil 1 today. Truck 3 drives to soil 1 after your digging; you two fill it.",
])
def test_you_both_are_the_robots_spoken_to(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("g", DIG, [E1, E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["g"]), task("l", LOAD, [E1, E2], [], deps=["t"]))


def test_the_pronouns_spoken_to_come_from_the_lexicon(fleet, world):
    text = "Excavators one and two, drive to soil 1 and dig. Truck three then drives to soil 1 and you both fill it."
    assert any(s.skill == LOAD for s in rules_plan(text, fleet, world).graph.subtasks)
    # (without M117's reading of an empty truck's "fill it" beside an excavator, which would load it too)
    got = rules_plan(text, fleet, world, _lexicon(addressed_pair_pronouns=[], truck_fill_it_phrases=[]))
    assert not any(s.skill == LOAD for s in got.graph.subtasks)


def test_both_of_you_after_robots_spoken_to_in_turn_are_those_two(fleet, world):
    assert_plan("Excavator 2: go to soil 2 and dig. Truck 1: go to obstacle 2. Once both of you are done, truck 1 "
                "comes over to soil 2 and excavator 2 loads it.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("o", T, [D1], ["obstacle2"]), task("t", T, [D1], ["soil2"], deps=["g", "o"]),
                task("l", LOAD, [E2], [], deps=["t"]))


# -- finding 7: "After that check, ..." waits for the check ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 checks rock 1. After that check, all robots avoid rock 1.",
    "Truck 1 checks rock 1. After that check, rock 1 is a no-go area for the whole fleet.",
    "Truck 1 inspects rock 1. After this inspection, every robot keeps away from rock 1.",
])
def test_after_that_check_waits_for_the_check(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["rock1"]), task("k", AVA, [], ["rock1"], deps=["m"]))


def test_after_that_comma_then_an_order_stays_a_sequence(fleet, world):
    assert_plan("Truck 1 checks rock 1. After that, check puddle 2 with truck 2.", fleet, world,
                task("m", T, [D1], ["rock1"]), task("n", T, [D2], ["puddle2"], deps=["m"]))


# -- finding 8: "Then, simultaneously: <list>" comes after the step before -----------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 goes to puddle 1. Then, simultaneously: excavator 1 to soil 1, truck 1 to soil 2.",
    "Truck 2 goes to puddle 1. Then, at the same time: excavator 1 to soil 1, truck 1 to soil 2.",
    "Truck 2 goes to puddle 1. Then, in parallel: excavator 1 goes to soil 1 and truck 1 goes to soil 2.",
])
def test_then_simultaneously_before_a_colon_is_then(fleet, world, text):
    assert_plan(text, fleet, world, task("p", T, [D2], ["puddle1"]),
                task("a", T, [E1], ["soil1"], deps=["p"]), task("b", T, [D1], ["soil2"], deps=["p"]))


# -- finding 9: "<goal>. Before that: <steps>" reads the steps first ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Trucks 1 and 2 go back to base, but only once both are full. Before that: excavator 1 and truck 1 go to soil 1, "
    "excavator 2 and truck 2 go to soil 2; there each excavator digs and loads its truck.",
    "Trucks 1 and 2 go back to base, but only once both are full. To begin with: excavator 1 and truck 1 go to soil "
    "1, excavator 2 and truck 2 go to soil 2; there each excavator digs and loads its truck.",
])
def test_a_before_that_heading_puts_its_steps_before_the_goal(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [E1, D1], ["soil1"]), task("b", T, [E2, D2], ["soil2"]),
                task("g", DIG, [E1], [], deps=["a"]), task("h", DIG, [E2], [], deps=["b"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("m", LOAD, [E2], [], deps=["h"]),
                task("r", R, [D1, D2], [], deps=["l", "m"]))


def test_a_before_that_heading_after_an_unconditional_goal(fleet, world):
    assert_plan("All robots go home once truck 1 is full. Before that: excavator 2 and truck 1 go to soil 2, "
                "excavator 2 digs and loads truck 1.", fleet, world,
                task("a", T, [E2, D1], ["soil2"]), task("g", DIG, [E2], [], deps=["a"]),
                task("l", LOAD, [E2], [], deps=["g"]), task("r", RA, [], [], deps=["l"]))


# -- finding 10: "X, but first <other robots> ..." puts their step before X ------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 goes to soil 1, but first all robots go to rock 1.",
    "Excavator 3 goes to soil 1, but before that all robots go to rock 1.",
    "Excavator 3 goes to soil 1, but first of all the whole fleet drives to rock 1.",
])
def test_but_first_the_fleet_comes_before_the_clause_said_first(fleet, world, text):
    assert_plan(text, fleet, world, task("a", TA, [], ["rock1"]), task("m", T, [E3], ["soil1"], deps=["a"]))


@pytest.mark.parametrize("text", [
    "Excavator 3 goes to soil 1, but before that truck 2 goes to rock 1.",
    "Excavator 3 goes to soil 1, but first, truck 2 goes to rock 1.",
])
def test_but_first_another_robot_comes_before_the_clause_said_first(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D2], ["rock1"]), task("m", T, [E3], ["soil1"], deps=["a"]))


def test_but_first_the_same_robot_still_comes_first(fleet, world):
    assert_plan("Truck 2 goes to rock 1, but first it checks obstacle 2.", fleet, world,
                task("a", T, [D2], ["obstacle2"]), task("m", T, [D2], ["rock1"], deps=["a"]))


# -- finding 11: "Before that:" opens the clause after its colon --------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 returns to base. Before that: it goes to puddle 1 and dumps.",
    "Truck 2 returns to base. Before that, it goes to puddle 1 and dumps.",
    "Excavator 1 goes to soil 2. Truck 2 returns to base. Before that: truck 2 dumps at puddle 1.",
])
def test_before_that_heading_puts_the_same_robots_step_first(fleet, world, text):
    expected = [task("m", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], deps=["m"]),
                task("r", R, [D2], [], deps=["d"])]
    if "Excavator" in text:
        expected.append(task("e", T, [E1], ["soil2"]))
    assert_plan(text, fleet, world, *expected)


def test_the_sentences_after_a_before_that_heading_keep_their_order(fleet, world):
    assert_plan("Truck 1 goes home. Before that: it checks rock 2. Then excavator 1 goes to soil 1.", fleet, world,
                task("c", T, [D1], ["rock2"]), task("h", R, [D1], [], deps=["c"]),
                task("m", T, [E1], ["soil1"], deps=["h"]))
