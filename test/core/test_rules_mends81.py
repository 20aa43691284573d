"""Mends of helper M81: misreadings earlier helpers found and left (each gave a wrong plan without a word).

1. "..., and each is loaded by the excavator at its site *once that digging is done*" (also "once the digging
   *there* is done", "as soon as *that excavator* has dug") had excavator 1's loading wait for excavator 2's digging
   too: in the anchor of a clause said for each robot, a pointing word ("that", "there") was read once, for the place
   or robot named last, not for each robot in turn. Such a word now points at each robot's own, as "its" and "it"
   already did.
2. "Truck 1 goes to puddle 2 and tips, *meanwhile* excavators 1 and 2 go to rock 1 and dig, *then* truck 2 comes to
   rock 1" (also with ", while ...") had truck 2's move wait for truck 1's tipping too: a "then" of new robots followed
   everything the sentence had said, though "meanwhile" had opened a second line of work in it. Such a "then" now
   follows what was said from that "meanwhile" on, as it already did when "Meanwhile, ..." opened a sentence.
3. "Dump trucks 1 and 2 are to be loaded by excavator 1 *and excavator 3* respectively" lost truck 2's loading by
   excavator 3 without a word: only the robot right after "by" was the loading's agent, and the one joined to it by
   "and" was taken for one more truck to be loaded (then left out, as no truck). A robot joined by "and" or a comma
   to the agent of a passive loading is an agent too, as "by excavators 1 and 3" already was.
4. "Everybody off soil 2 for now, excavator 1 digs at soil 1" sent the whole fleet to soil 2: "off" with no verb
   before it was no word of the plan, and the robots went to the place it named. "Off" right after robots that open
   their clause with no verb (lexicon ``verbless_keepout_words``) is a keep-out, as "everybody clear of" is; not
   after a verb ("drives off to soil 2", "keep truck 2 off rock 1"), nor before "to".
5. "Rock 2 is then to be released for dump trucks 1 and 2" after a keep-out of rock 2 for those trucks was dropped
   without a word ("Obstacle 1 is then to be released for all units" was refused as a goal nothing serves): "release"
   is a truck's tipping, so the sentence was read as a remark about a thing. A place "released for" / "freed (up)
   for" robots is now a lifting (lexicon ``remove_keepout``), as "opened again for" is.

6. "Truck 3 should wait at obstacle 2 until excavator 1 has dug at soil 1. Once it has, truck 3 ..." was already
   right on this branch (mends 77: an anchor of a pronoun and auxiliaries restates the "until" before it), but "once
   it has *done so*", "once it has done that", "once it's done", "once *that* has happened" still read "it" / "that"
   as truck 3's own wait, and the move did not wait for the digging. A general word of completion (an event of any
   deed: "done", "finished", "over") and the lexicon's ``restated_until_words`` ("so", "happened") may follow the
   auxiliaries, and "that" / "this" may stand for the pronoun.

7. "Excavator 1 goes to soil 1. Truck 2 goes to soil 1, where excavator 1 loads it after it has dug there" was
   already right on this branch (the digging is made, mends 77), but the cause behind it was not: an anchor that
   waits for a digging when no step digs at all ("Trucks 1 and 2 go to soil 1 and are loaded by excavator 1 once the
   digging is done") dropped the wait without a word, and the loading started at once. It is now refused, naming
   the words, when the plan has no digging at all.
8. Found on the way: "Trucks 1 and 2 go to soil 1 *and each* is loaded by excavator 1 once the digging is done" made
   the trucks' move wait for the digging too: with no comma, "and each" did not open a clause of its own, so the
   anchor after it held the whole clause. A bare "each" after "and", in a clause that has its verb, with a verb after
   it, now opens a clause, as ", and each" did.
9. Found on the way: "Trucks 1 and 2 are loaded by excavator 1 and excavator 2*, respectively,* and then dump at
   puddle 1" lost the dump without a word: ", respectively," was taken for a remark about excavator 2 and folded into
   it, so "excavator 2 and then dump" became a clause of excavator 2, which cannot dump. A pairing word between
   commas is no remark. (The order of the dump after the two loadings is left as "by excavators 1 and 2" reads it.)

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

from dart_planner.llm.rules.planner import rules_plan

# -- finding 1: a pointing word in the anchor of an "each" clause is each robot's own -------------------------------

_TWO_SITES = ("Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. Truck 1 waits at soil 1 and truck 2 waits "
              "at soil 2, and each is loaded by the excavator at its site ")


@pytest.mark.parametrize("text", [
    _TWO_SITES + "once that digging is done.",
    _TWO_SITES + "once the digging there is done.",
    _TWO_SITES + "as soon as that excavator has dug.",
    _TWO_SITES + "once its digging is done.",
    "Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. Truck 1 goes to soil 1 and truck 2 goes to soil 2, "
    "and each is loaded by the excavator there once that digging is over.",
    "Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. Truck 1 goes to soil 1 and truck 2 goes to soil 2, "
    "and each gets loaded there as soon as the excavator there has dug.",
])
def test_a_pointing_word_in_an_each_anchor_is_each_robots_own(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2, D2], ["soil2"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("l2", LOAD, [E2], [], deps=["d2"]))


def test_that_digging_without_each_is_still_the_one_said_last(fleet, world):
    assert_plan("Excavator 1 digs at soil 1, then excavator 2 digs at soil 2. Truck 1 goes to obstacle 1 and once "
                "that digging is done it goes to soil 2.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"], deps=["d1"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("o", T, [D1], ["obstacle1"]), task("s", T, [D1], ["soil2"], deps=["o", "d2"]))


# -- finding 2: "then" after a "meanwhile" clause in the same sentence follows that clause -----------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 goes to puddle 2 and tips, meanwhile ex 1 and ex 2 go to rock 1 and dig, then truck 2 comes to rock 1.",
    "Truck 1 goes to puddle 2 and tips, while ex 1 and ex 2 go to rock 1 and dig, then truck 2 comes to rock 1.",
    "Truck 1 goes to puddle 2 and tips. Meanwhile, ex 1 and ex 2 go to rock 1 and dig, then truck 2 comes to rock 1.",
    "Truck 1 heads to puddle 2 and dumps there, in the meantime excavators 1 and 2 go to rock 1 and dig, and after "
    "that truck 2 drives to rock 1.",
])
def test_then_after_meanwhile_follows_the_meanwhile_work(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D1], ["puddle2"]), task("u", DUMP, [D1], [], deps=["m"]),
                task("e", T, [E1, E2], ["rock1"]), task("d", DIG, [E1, E2], [], deps=["e"]),
                task("t", T, [D2], ["rock1"], deps=["d"]))


def test_then_without_meanwhile_still_follows_the_whole_sentence(fleet, world):
    assert_plan("Truck 1 goes to puddle 2 and tips, and ex 1 and ex 2 go to rock 1 and dig, then truck 2 comes to "
                "rock 1.", fleet, world,
                task("m", T, [D1], ["puddle2"]), task("u", DUMP, [D1], [], deps=["m"]),
                task("e", T, [E1, E2], ["rock1"]), task("d", DIG, [E1, E2], [], deps=["e"]),
                task("t", T, [D2], ["rock1"], deps=["u", "d"]))


# -- finding 3: "loaded by excavator 1 and excavator 3": both are agents --------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2. Dump trucks 1 and 2 are to be loaded by excavator 1 "
    "and excavator 3 respectively.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2. Dump trucks 1 and 2 are loaded by excavators 1 and 3 "
    "respectively.",
    "Excavator 1 digs at soil 1 and excavator 3 digs at soil 2. Trucks 1 and 2 get loaded by excavator 1 and by "
    "excavator 3, respectively.",
])
def test_a_robot_joined_to_the_agent_of_a_passive_loading_is_an_agent(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m3", T, [E3], ["soil2"]), task("d3", DIG, [E3], [], deps=["m3"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("l3", LOAD, [E3], [], deps=["d3"]))


# -- finding 4: "<robots> off <place>" with no verb is a keep-out ---------------------------------------------------


def test_everybody_off_a_place_is_a_keep_out(fleet, world):
    assert_plan("Everybody off soil 2 for now, excavator 1 digs at soil 1.", fleet, world,
                task("k", AVA, [], ["soil2"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("d", DIG, [E1], [], deps=["m"]))


def test_named_robots_off_a_place_is_their_keep_out(fleet, world):
    assert_plan("Truck 1 and truck 2 off puddle 1, excavator 3 goes to soil 2.", fleet, world,
                task("k", AV, [D1, D2], ["puddle1"]), task("m", T, [E3], ["soil2"]))


@pytest.mark.parametrize("text, expected", [
    ("Truck 1 drives off to soil 2.", [task("m", T, [D1], ["soil2"])]),
    ("Keep truck 2 off rock 1.", [task("k", AV, [D2], ["rock1"])]),
])
def test_off_after_a_verb_keeps_its_reading(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- finding 5: a place "released for" robots is a lifting ---------------------------------------------------------


@pytest.mark.parametrize("verb", ["released", "freed up"])
def test_a_place_released_for_robots_is_a_lifting(fleet, world, verb):
    assert_plan(f"Dump trucks 1 and 2 keep away from rock 2. Excavator 1 digs at rock 2. Rock 2 is then to be {verb} "
                f"for dump trucks 1 and 2.", fleet, world,
                task("k", AV, [D1, D2], ["rock2"]), task("m", T, [E1], ["rock2"]),
                # a keep-out from the start adds no edge to its lifting (README rule 26; test_rules_mends85)
                task("d", DIG, [E1], [], deps=["m"]), task("a", AL, [D1, D2], ["rock2"], deps=["d"]))


def test_a_place_released_for_all_units_is_a_fleet_lifting(fleet, world):
    assert_plan("All units keep out of obstacle 1. Excavator 1 digs at soil 1. Obstacle 1 is then to be released for "
                "all units.", fleet, world,
                task("k", AVA, [], ["obstacle1"]), task("m", T, [E1], ["soil1"], deps=["k"]),
                task("d", DIG, [E1], [], deps=["m"]), task("a", ALA, [], ["obstacle1"], deps=["d"]))


# -- finding 6: "once it has done so" / "once that has happened" restates the "until" before it ----------------------


@pytest.mark.parametrize("anchor", ["Once it has", "Once it has done so", "Once it has done that", "Once it's done",
                                    "Once that has happened", "When this is over"])
def test_a_restated_until_waits_for_what_the_until_waited_for(fleet, world, anchor):
    assert_plan(f"Excavator 1 digs at soil 1. Truck 3 should wait at obstacle 2 until excavator 1 has dug at soil 1. "
                f"{anchor}, truck 3 will need to drive to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("w", T, [D3], ["obstacle2"]), task("s", T, [D3], ["soil1"], deps=["w", "d"]))


def test_once_it_is_loaded_after_an_until_is_still_its_own_deed(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 1 waits at obstacle 1 until excavator 1 has dug. Then it goes to "
                "soil 1 and excavator 1 loads it. Once it is loaded, it dumps at puddle 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("w", T, [D1], ["obstacle1"]), task("s", T, [D1], ["soil1"], deps=["w", "d"]),
                task("l", LOAD, [E1], [], deps=["s"]), task("p", T, [D1], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D1], [], deps=["p"]))


# -- finding 7: a wait for a digging no step does is refused -----------------------------------------------------------


def test_a_loading_after_it_has_dug_there_makes_the_digging(fleet, world):
    assert_plan("Excavator 1 goes to soil 1. Truck 2 goes to soil 1, where excavator 1 loads it after it has dug "
                "there.", fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


@pytest.mark.parametrize("text", [
    "Trucks 1 and 2 go to soil 1 and are loaded by excavator 1 once the digging is done.",
    "Excavator 1 goes to soil 1. Truck 1 goes to soil 1 and excavator 1 loads it once the digging is done.",
])
def test_a_wait_for_a_digging_no_step_does_is_refused(fleet, world, text):
    errors = rules_plan(text, fleet, world).errors
    assert any("once the digging is done" in e and "no step does" in e for e in errors), errors


def test_a_wait_for_a_digging_said_later_is_no_error(fleet, world):
    assert_plan("Truck 1 goes to soil 1 and waits until excavator 1 has dug there.", fleet, world,
                task("m", T, [D1, E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]))


# -- finding 8: "and each <verb>" opens a clause of its own -------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Trucks 1 and 2 go to soil 1 and each is loaded by excavator 1 once the digging is "
    "done.",
    "Excavator 1 digs at soil 1. Trucks 1 and 2 go to soil 1, and each is loaded by excavator 1 once the digging is "
    "done.",
])
def test_and_each_opens_a_clause_of_its_own(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, D1, D2], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]))


def test_and_each_goes_on_after_its_own_move(fleet, world):
    assert_plan("Excavator 2 digs at rock 1. Trucks 1 and 2 drive to obstacle 1 and each goes to rock 1 once the "
                "digging there is done.", fleet, world,
                task("m", T, [E2], ["rock1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("o", T, [D1, D2], ["obstacle1"]), task("r1", T, [D1], ["rock1"], deps=["d", "o"]),
                task("r2", T, [D2], ["rock1"], deps=["d", "o"]))


# -- finding 9: ", respectively," after robots is no remark ---------------------------------------------------------


def test_respectively_between_commas_keeps_the_clause_after_it(fleet, world):
    rp = rules_plan("Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. Trucks 1 and 2 are loaded by excavator "
                    "1 and excavator 2, respectively, and then dump at puddle 1.", fleet, world)
    assert not rp.errors, rp.errors
    loads = sorted(tuple(s.robot_ids) for s in rp.graph.subtasks if s.id.startswith(LOAD))
    dumped = {r for s in rp.graph.subtasks if s.id.startswith(DUMP) for r in s.robot_ids}
    assert loads == [(E1,), (E2,)]
    assert dumped == {D1, D2}
