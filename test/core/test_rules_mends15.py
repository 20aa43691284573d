"""Mends of more silent misreadings the lead found on main (helper M15): each sentence gave a plan, no error, and
the plan was wrong. Each reading is tested on the lead's sentence and on variants (other robots, places, word
orders), with guard sentences whose reading must not change.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _lexicon, _problems  # the same two helpers: a plan's problems, an edited lexicon

from dart_planner.llm.rules import load_lexicon, rules_plan


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# -- finding 7: "rather than" is read like "instead of" ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Truck 2 goes to rock 1 rather than soil 1.",
    "Truck 2 goes to rock 1 rather than to soil 1.",
    "Truck 2 goes to rock 1 instead of to soil 1.",
    "Rather than soil 1, truck 2 goes to rock 1.",
])
def test_a_place_after_rather_than_is_not_visited(fleet, world, text):
    assert_plan(text, fleet, world, task("t", T, [D2], ["rock1"]))


def test_a_robot_after_rather_than_is_not_sent(fleet, world):
    assert_plan("Trucks 1 and 2, rather than excavator 1, go to rock 2.", fleet, world,
                task("t", T, [D1, D2], ["rock2"]))


def test_a_dig_site_after_rather_than_is_not_visited(fleet, world):
    assert_plan("Excavator 3 digs at soil 2 rather than at rock 1.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]))


def test_rather_than_a_robot_given_an_order_before_is_refused(fleet, world):
    problems = _problems("Truck 1 goes to rock 1. Truck 2 goes there rather than truck 1.", fleet, world)
    assert any("rather than truck 1" in p for p in problems), problems


@pytest.mark.parametrize("text", [
    "Truck 2 goes to rock 1, or rather soil 1.",
    "Excavator 1 would rather dig at soil 1.",
])
def test_rather_without_than_and_a_mention_is_still_refused(fleet, world, text):
    assert any("'rather' was not understood" in p for p in _problems(text, fleet, world))


def test_rather_than_comes_from_the_lexicon(fleet, world, lex):
    text = "Truck 2 goes to rock 1 rather than soil 1."
    assert not rules_plan(text, fleet, world, lex).errors
    assert rules_plan(text, fleet, world, _lexicon(replaced_mention_leads=["instead of"])).errors


# -- finding 6: a keep-out after "and <robot> too" binds every robot of the move ------------------------------------

@pytest.mark.parametrize("text, movers, place, out", [
    ("Truck 1 goes to soil 1, and excavator 2 too, but not to puddle 2.", [D1, E2], "soil1", "puddle2"),
    ("Truck 1 goes to soil 1, and excavator 2 as well, but never near puddle 2.", [D1, E2], "soil1", "puddle2"),
    ("Truck 3 drives to rock 2, excavator 1 too, but not through puddle 1.", [E1, D3], "rock2", "puddle1"),
])
def test_a_keep_out_after_a_gapped_robot_binds_the_whole_move(fleet, world, text, movers, place, out):
    assert_plan(text, fleet, world, task("m", T, movers, [place]), task("k", AV, movers, [out], deps=["m"]))


def test_a_keep_out_after_a_gapped_robot_in_a_later_sentence_binds_that_move(fleet, world):
    assert_plan("Excavator 1 goes to rock 1. Truck 1 goes to soil 1, and excavator 2 too, but not to puddle 2.",
                fleet, world, task("e", T, [E1], ["rock1"]), task("m", T, [D1, E2], ["soil1"]),
                task("k", AV, [D1, E2], ["puddle2"], deps=["m"]))


def test_a_keep_out_after_a_second_clause_with_its_own_verb_still_binds_its_robot(fleet, world):
    # guard: "excavator 2 goes to rock 1" is a move of its own; the keep-out after it is that move's
    assert_plan("Truck 1 goes to soil 1, and excavator 2 goes to rock 1, but not to puddle 2.", fleet, world,
                task("t", T, [D1], ["soil1"]), task("e", T, [E2], ["rock1"]),
                task("k", AV, [E2], ["puddle2"], deps=["e"]))


def test_a_gapped_robot_without_a_keep_out_just_moves_along(fleet, world):
    assert_plan("Truck 1 goes to soil 1, and excavator 2 too.", fleet, world, task("m", T, [D1, E2], ["soil1"]))


# -- finding 2: a robot named in a clause of reason is no actor of the clause before it --------------------------

@pytest.mark.parametrize("text, robot, place", [
    ("Truck 1 goes to puddle 1 because excavator 2 needs the path clear.", D1, "puddle1"),
    ("Truck 1 goes to puddle 1, because excavator 2 needs the path clear.", D1, "puddle1"),
    ("Truck 3 drives to rock 2 since excavator 1 needs the road clear.", D3, "rock2"),
    ("Truck 1 goes to puddle 1 because excavator 2 is waiting there.", D1, "puddle1"),
    ("Truck 1 goes to puddle 1 since excavator 2 wants to dig there later.", D1, "puddle1"),
    ("Truck 1 goes to puddle 1 because excavator 2 is at soil 1.", D1, "puddle1"),
    ("Truck 1 goes to puddle 1, because excavator 2 is at soil 1.", D1, "puddle1"),
    ("Because excavator 2 is at soil 1, truck 1 goes to puddle 1.", D1, "puddle1"),
    ("Excavator 3 heads to soil 2 because the trucks are waiting.", E3, "soil2"),
])
def test_a_robot_in_a_reason_is_not_sent_along(fleet, world, text, robot, place):
    assert_plan(text, fleet, world, task("m", T, [robot], [place]))


def test_a_reason_with_a_word_of_need_is_an_order_of_its_own(fleet, world):
    assert_plan("Truck 2 goes to rock 1 because excavator 2 must dig at soil 1.", fleet, world,
                task("t", T, [D2], ["rock1"]), task("e", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["e"]))


def test_a_robots_need_at_a_place_with_no_verb_is_refused(fleet, world):
    problems = _problems("Truck 1 goes to rock 1 because excavator 2 needs soil 1 clear.", fleet, world)
    assert any("because excavator 2 needs soil 1 clear" in p for p in problems), problems


@pytest.mark.parametrize("text, expected", [
    # "as" also joins clauses that run alongside: not a reason here
    ("Truck 2 goes to rock 1 as excavator 1 digs at soil 1.",
     [task("t", T, [D2], ["rock1"]), task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["e"])]),
    ("Truck 1 goes to rock 1 because the excavators should avoid puddle 1.",
     [task("t", T, [D1], ["rock1"]), task("a", AV, [], ["puddle1"], types=[("excavator", 3)])]),
])
def test_reasons_read_before_are_read_the_same(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- finding 5: "<group> ..., but <robot of the group> <own step>" leaves that robot out of the group's step -------

@pytest.mark.parametrize("text, rest, rest_place, own, own_place", [
    ("All trucks go to rock 1, but truck 3 goes to soil 2.", [D1, D2], "rock1", [D3], "soil2"),
    ("All trucks go to rock 1 but truck 3 goes to soil 2.", [D1, D2], "rock1", [D3], "soil2"),
    ("The trucks drive to obstacle 1, but trucks 1 and 3 go to soil 1.", [D2], "obstacle1", [D1, D3], "soil1"),
])
def test_a_robot_given_its_own_move_after_but_leaves_the_group(fleet, world, text, rest, rest_place, own, own_place):
    assert_plan(text, fleet, world, task("g", T, rest, [rest_place]), task("o", T, own, [own_place]))


def test_an_excavator_given_its_own_dig_after_but_leaves_the_group(fleet, world):
    assert_plan("All excavators head to soil 1, but excavator 2 digs at rock 2.", fleet, world,
                task("g", T, [E1, E3], ["soil1"]), task("m", T, [E2], ["rock2"]),
                task("d", DIG, [E2], [], deps=["m"]))


def test_a_robot_given_its_own_move_after_but_leaves_the_fleet(fleet, world):

    assert_plan("Every robot returns to base, but truck 1 goes to puddle 2.", fleet, world,
                task("r", R, [E1, E2, E3, D2, D3]), task("t", T, [D1], ["puddle2"]))


@pytest.mark.parametrize("text, expected", [
    # another type after "but" is a contrast, not a robot left out
    ("All trucks go to rock 1, but excavator 1 digs at soil 1.",
     [task("g", T, [], ["rock1"], types=[("dump_truck", 3)]), task("m", T, [E1], ["soil1"]),
      task("d", DIG, [E1], [], deps=["m"])]),
    # a group of a count names no member to leave out
    ("Two trucks go to rock 1, but truck 3 goes to soil 2.",
     [task("g", T, [], ["rock1"], types=[("dump_truck", 2)]), task("o", T, [D3], ["soil2"])]),
    # read before: "but" + robots that close the clause
    ("All trucks go to rock 1 but truck 3.", [task("g", T, [D1, D2], ["rock1"])]),
])
def test_but_without_a_member_step_of_its_own_reads_as_before(fleet, world, text, expected):
    assert_plan(text, fleet, world, *expected)


# -- finding 3: "<robot> waits for it" waits for the robot named before, never for itself ----------------------------

@pytest.mark.parametrize("text, digger, place, truck", [
    ("Excavator 1 digs soil 1. Truck 2 waits for it, then goes to soil 1.", E1, "soil1", D2),
    ("Excavator 1 digs at soil 1. Truck 2 waits for it and then goes to soil 1.", E1, "soil1", D2),
    ("Excavator 3 breaks up rock 2. Truck 1 waits for it, then drives to rock 2.", E3, "rock2", D1),
])
def test_a_truck_that_waits_for_it_goes_after_the_digging(fleet, world, text, digger, place, truck):
    assert_plan(text, fleet, world, task("m", T, [digger], [place]), task("d", DIG, [digger], [], deps=["m"]),
                task("t", T, [truck], [place], deps=["d"]))


def test_a_truck_that_waits_for_them_goes_after_both_diggers(fleet, world):
    assert_plan("Excavators 1 and 2 dig at rock 1. Truck 3 waits for them, then goes to rock 1.", fleet, world,
                task("m", T, [E1, E2], ["rock1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("t", T, [D3], ["rock1"], deps=["d"]))


def test_waiting_for_a_robot_named_by_number_reads_as_before(fleet, world):
    assert_plan("Excavator 1 digs soil 1. Truck 2 waits for excavator 1, then goes to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2], ["soil1"], deps=["d"]))


def test_wait_for_connectives_come_from_the_lexicon(fleet, world, lex):
    text = "Excavator 1 digs soil 1. Truck 2 waits for it, then goes to soil 1."
    assert len(rules_plan(text, fleet, world, lex).graph) == 3
    assert len(rules_plan(text, fleet, world, _lexicon(wait_for_connectives=[])).graph) != 3


# -- finding 1: "all of them" is every robot the sentence named, groups included -----------------------------------

def _returns(text, fleet, world):
    rp = rules_plan(text, fleet, world, load_lexicon())
    assert not rp.errors, rp.errors
    return sorted((s.robot_ids, tuple(zip(s.robot_type, s.robot_count))) for s in rp.graph if s.skill == R)


@pytest.mark.parametrize("text, rtype", [
    ("Send two trucks to rock 1 and the remaining truck to soil 2, then all of them return.", "dump_truck"),
    ("Send two trucks to rock 1 and the remaining truck to soil 2, then they all return.", "dump_truck"),
    ("Send two excavators to soil 1 and the third excavator to rock 2, then all of them go back to base.",
     "excavator"),
])
def test_all_of_them_returns_every_group_of_the_sentence(fleet, world, text, rtype):
    assert _returns(text, fleet, world) == [((), ((rtype, 1),)), ((), ((rtype, 2),))]


def test_they_all_after_a_group_and_a_named_robot_returns_both(fleet, world):
    assert _returns("Two excavators dig at soil 1 and truck 3 goes to rock 2, then they all go back to base.",
                    fleet, world) == [((), (("excavator", 2),)), ((D3,), ())]


@pytest.mark.parametrize("text, expected", [
    # plain "they" / "both of them" keep their reading: the latest robots of several
    ("Send two trucks to rock 1 and the remaining truck to soil 2, then they return.", [((), (("dump_truck", 2),))]),
    ("Truck 1 goes to rock 1. Excavator 2 and excavator 3 dig at soil 1, then all of them return.",
     [((E2, E3), ())]),
])
def test_other_pronouns_and_earlier_sentences_read_as_before(fleet, world, text, expected):
    assert _returns(text, fleet, world) == expected


def test_all_of_them_pronouns_come_from_the_lexicon(fleet, world):
    text = "Send two trucks to rock 1 and the remaining truck to soil 2, then all of them return."
    plan = rules_plan(text, fleet, world, _lexicon(all_of_them_pronouns=[]))
    assert len([s for s in plan.graph if s.skill == R]) == 1


# -- finding 4: "load truck 2 and truck 3 respectively" gives each excavator its own loading ------------------------
# (by the benchmark conventions 12-13 a loading is the excavator's step only; a named truck is not moved and gets
# no DumpLoading unless the text says so, as in "Excavator 1 digs soil 1 and loads truck 2")

def test_named_trucks_loaded_respectively_get_one_loading_per_excavator(fleet, world):
    assert_plan("Excavators 1 and 2 dig soil 1 and load truck 2 and truck 3 respectively.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["d"]))


def test_the_leads_sentence_loads_once_per_excavator_after_the_keep_out_join(fleet, world):
    assert_plan("Truck 1 goes to puddle 1 for inspection. Once it is done, all robots avoid puddle 1, and excavators "
                "1 and 2 dig soil 1 and load truck 2 and truck 3 respectively.", fleet, world,
                task("t", T, [D1], ["puddle1"]), task("a", AVA, [], ["puddle1"], deps=["t"]),
                task("m", T, [E1, E2], ["soil1"], deps=["t"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["d"]))


def test_loadings_at_two_sites_respectively_no_longer_wait_for_each_other(fleet, world):
    assert_plan("Excavators 1 and 2 dig at soil 1 and rock 1 respectively and load truck 2 and truck 3 "
                "respectively.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("m2", T, [E2], ["rock1"]),
                task("d1", DIG, [E1], [], deps=["m1"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("l1", LOAD, [E1], [], deps=["d1"]), task("l2", LOAD, [E2], [], deps=["d2"]))


def test_each_truck_loaded_respectively_leaves_after_its_own_loading(fleet, world):
    assert_plan("Trucks 2 and 3 go to soil 1. Excavators 1 and 2 dig soil 1 and load truck 2 and truck 3 "
                "respectively. Then each truck dumps at rock 1.", fleet, world,
                task("m", T, [E1, E2, D2, D3], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["d"]),
                task("t2", T, [D2], ["rock1"], deps=["l1"]), task("t3", T, [D3], ["rock1"], deps=["l2"]),
                task("u2", DUMP, [D2], [], deps=["t2"]), task("u3", DUMP, [D3], [], deps=["t3"]))


@pytest.mark.parametrize("text", [
    "Excavators 1 and 2 dig soil 1 and load truck 2 and truck 3.",  # no "respectively": one loading (rule 24)
])
def test_loadings_said_without_respectively_read_as_before(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("l", LOAD, [E1, E2], [], deps=["d"]))


def test_loadings_of_different_trucks_said_apart_are_two_tasks(fleet, world):
    # M24 #5: each excavator fills its own truck, different work, so rule 6 no longer merges them (it did here)
    assert_plan("Excavator 1 digs soil 1 and loads truck 2. Excavator 2 digs soil 1 and loads truck 3.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E2], [], deps=["d"]))


# -- own finding: "but not near <place>" after digging is a keep-out, never a second dig site --------------------------

@pytest.mark.parametrize("text, diggers, site, out", [
    ("Excavator 1 digs at soil 1 but not near puddle 1.", [E1], "soil1", "puddle1"),  # the keep-out was dropped
    ("Excavator 1 digs at soil 1, not near puddle 1.", [E1], "soil1", "puddle1"),  # dug at puddle 1 too
    ("Excavator 2 breaks up rock 2 but never near obstacle 1.", [E2], "rock2", "obstacle1"),
    ("Excavator 1 digs at soil 1, and excavator 3 too, but not near puddle 1.", [E1, E3], "soil1", "puddle1"),
])
def test_a_negated_place_after_digging_is_a_keep_out(fleet, world, text, diggers, site, out):
    assert_plan(text, fleet, world, task("m", T, diggers, [site]), task("d", DIG, diggers, [], deps=["m"]),
                task("k", AV, diggers, [out], deps=["d"]))


def test_a_second_dig_site_said_plainly_is_still_dug(fleet, world):
    assert_plan("Excavator 1 digs at soil 1, then at rock 1.", fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E1], ["rock1"], deps=["d1"]), task("d2", DIG, [E1], [], deps=["m2"]))
