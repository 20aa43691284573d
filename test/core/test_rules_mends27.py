"""Mends of helper Q (mends 27): who returns to start and who gets loaded, on sentences written for these tests.

1. "Finally, everyone who worked returns to start." returned the whole fleet, "the excavators that dug go back"
   sent both excavators to puddle 1 to dig again, "all the machines that worked return" added a fleet-wide move to
   puddle 1, and "the robots that dug return" was refused: a plural robot noun or a fleet noun followed by a
   relative clause ("that dug", "who worked", "that were loaded", "that went to soil 1") is the robots that did
   that deed in the steps said before it, named by id in fleet order (rule 5: a fully determined set). Refused,
   naming the words, when no robot did it, or when a count said with it ("the two excavators that dug") does not
   match.
2. "Truck 2 then drives to rock 1 where excavator 3 loads it again." lost the truck's drive to rock 1 (its dump at
   puddle 2 came first, and the loading waited for that): "where" right after a named place, the comma left out, is
   the same place relative as ", where".
3. "Excavator 1 digs. Truck 2 drives to rock 1, where excavator 3 loads it after digging there." waited for
   excavator 1's digging and left excavator 3's own out (no move, no dig): a bare gerund said after its clause is the
   deed of that clause's subject; another robot's earlier deed is not it, and with none of its own it is new work.
4. "Excavator 1 ... loads it (truck 1). Excavator 2 ... loads it (truck 2). Both of them dump at puddle 2." dumped
   truck 2 alone: "both" was excavator 2 and truck 2, and the excavator (no dump) fell out. A counted pronoun ("both
   of them", "the two", "the pair") whose latest robots hold fewer that can do its verb than it counts means the
   latest that many that can, gathered across mentions (MentionResolver.last_able_n).
5. "Excavator 2 digs at soil 1 and loads truck 1, then digs again and loads truck 1 again." dropped the second
   loading (read as the first said twice) and the truck left after the first: a loading said "again" after the
   excavator did a step of its own since is a second loading. "Then it digs once more and loads truck 1 again" read
   "once" as a condition ("once more and loads truck 1 again" waited for the first loading, and the second dig and
   loading were lost): an again-phrase longer than the connective it starts with is the again-phrase.
6. "Truck 2 goes to soil 1 to collect soil from excavator 1. Excavator 1 digs at soil 1 and fills truck 2." and
   "Plan: excavator 2 loads truck 1 at soil 2. Excavator 2 goes to soil 2 and digs. ... Excavator 2 loads truck 1."
   loaded the truck before the excavator went and dug (the loading the purpose or plan named was made first, and
   the one said after the digging dropped as the same said again): a loading said again after the excavator's
   digging, when the loading made earlier had no digging of its own before it, gets the excavator's steps since
   (its drive and dig) put before it (rule 12).
7. "Excavator 2 loads them one after the other, truck 3 first. Then they dump at puddle 1." dumped truck 3 alone
   ("they" was the sentence's subjects, excavator 2 and truck 3, and the excavator cannot dump); so did "loads truck
   3 and then truck 1. Then they dump" with truck 1: a "they" whose robots only partly can do its verb is the latest
   group that can and holds the ones that can, as "the trucks" is.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

from dart_planner.llm.rules import rules_plan

# -- finding 1: "the robots that dug", "everyone who worked": the robots that did it ---------------------------------

_TWO_SITES = ("Excavator 1 digs at soil 1 and loads truck 1. Excavator 2 digs at soil 2 and loads truck 2. "
              "Both trucks dump at puddle 1. Finally, ")


def _two_sites(*returners: str):  # type: ignore[no-untyped-def]
    return (task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
            task("m2", T, [E2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]),
            task("l1", LOAD, [E1], [], deps=["g1"]), task("l2", LOAD, [E2], [], deps=["g2"]),
            # each truck leaves after its own loading (rule 6; mends 29 #5)
            task("p1", T, [D1], ["puddle1"], deps=["l1"]), task("p2", T, [D2], ["puddle1"], deps=["l2"]),
            task("d1", DUMP, [D1], [], deps=["p1"]), task("d2", DUMP, [D2], [], deps=["p2"]),
            task("r", R, list(returners), [], deps=["d1", "d2"]))


@pytest.mark.parametrize("tail, returners", [
    ("everyone who worked returns to start.", [E1, E2, D1, D2]),
    ("all the machines that worked return to start.", [E1, E2, D1, D2]),
    ("the robots which have worked go home.", [E1, E2, D1, D2]),
    ("the robots that dug return to start.", [E1, E2]),
    ("the excavators that dug go back.", [E1, E2]),
    ("the two excavators that dug go back.", [E1, E2]),
    ("the trucks that were loaded return to base.", [D1, D2]),
    ("every robot that dumped at puddle 1 returns to start.", [D1, D2]),
])
def test_a_group_told_by_its_deed_is_the_robots_that_did_it(fleet, world, tail, returners):
    assert_plan(_TWO_SITES + tail, fleet, world, *_two_sites(*returners))


def test_a_deed_at_a_place_picks_the_robots_that_went_there(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1. Truck 2 goes to soil 2. Excavator 1 digs and loads truck 1. "
                "Finally, the robots that went to soil 1 go back.", fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("m2", T, [D2], ["soil2"]),
                task("g", DIG, [E1], [], deps=["m1"]), task("l", LOAD, [E1], [], deps=["g"]),
                task("r", R, [E1, D1], [], deps=["l", "m2"]))


@pytest.mark.parametrize("text, words", [
    ("Truck 1 goes to puddle 1. Finally, the excavators that dug return to start.", "the excavators that dug"),
    ("Excavator 1 digs at soil 1. Then the two excavators that dug go back.", "the two excavators that dug"),
    ("Truck 1 goes to puddle 1. Then every robot that dumped returns.", "every robot that dumped"),
])
def test_a_deed_nobody_did_is_refused_naming_the_words(fleet, world, text, words):
    errors = rules_plan(text, fleet, world).errors
    assert errors and any(words in e for e in errors), errors


# -- finding 2: "<place> where <robot> ..." without the comma -------------------------------------------------------

_RELAY = ("Excavator 1 digs at soil 1. Truck 2 goes to soil 1 and excavator 1 loads it. Excavator 3 digs at rock 1. "
          "Truck 2 then drives to rock 1{comma} where excavator 3 loads it again. Truck 2 dumps at puddle 2.")


@pytest.mark.parametrize("comma", [",", ""])
def test_a_place_relative_needs_no_comma(fleet, world, comma):
    assert_plan(_RELAY.format(comma=comma), fleet, world,
                task("m1", T, [E1, D2], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("l1", LOAD, [E1], [], deps=["g1"]),
                task("m3", T, [E3], ["rock1"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("m2", T, [D2], ["rock1"], deps=["l1"]), task("l3", LOAD, [E3], [], deps=["g3", "m2"]),
                task("mp", T, [D2], ["puddle2"], deps=["l3"]), task("d", DUMP, [D2], [], deps=["mp"]))


# -- finding 3: "loads it after digging there": the loader's own digging ----------------------------------------------

def test_a_bare_gerund_after_its_clause_is_the_subjects_own_deed(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 goes to soil 1 and excavator 1 loads it. Truck 2 then drives "
                "to rock 1, where excavator 3 loads it after digging there. Truck 2 dumps at puddle 2.", fleet, world,
                task("m1", T, [E1, D2], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("l1", LOAD, [E1], [], deps=["g1"]),
                task("m2", T, [D2], ["rock1"], deps=["l1"]),
                task("m3", T, [E3], ["rock1"]), task("g3", DIG, [E3], [], deps=["m3"]),
                task("l3", LOAD, [E3], [], deps=["m2", "g3"]),
                task("mp", T, [D2], ["puddle2"], deps=["l3"]), task("d", DUMP, [D2], [], deps=["mp"]))


def test_a_bare_gerund_still_finds_the_subjects_own_earlier_deed(fleet, world):
    assert_plan("Excavator 3 digs at soil 2. Excavator 1 digs at soil 1. Truck 1 goes to soil 2. "
                "Excavator 3 loads truck 1 after digging.", fleet, world,
                task("m3", T, [E3, D1], ["soil2"]), task("g3", DIG, [E3], [], deps=["m3"]),  # rule 17: one move
                task("m1", T, [E1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("l", LOAD, [E3], [], deps=["g3"]))


# -- finding 4: "both of them dump" after two excavator-truck pairs: the two trucks -----------------------------------

_PAIRS = ("Excavator 1 digs at soil 1. Truck 1 goes to soil 1. Excavator 1 loads it. Excavator 2 digs at soil 2. "
          "Truck 2 goes to soil 2. Excavator 2 loads it. {both} dump at puddle 2.")


@pytest.mark.parametrize("both", ["Both of them", "The two", "The pair", "They both", "The two trucks"])
def test_a_counted_pronoun_counts_robots_that_can_do_its_verb(fleet, world, both):
    assert_plan(_PAIRS.format(both=both), fleet, world,
                task("m1", T, [E1, D1], ["soil1"]), task("g1", DIG, [E1], [], deps=["m1"]),
                task("l1", LOAD, [E1], [], deps=["g1"]),
                task("m2", T, [E2, D2], ["soil2"]), task("g2", DIG, [E2], [], deps=["m2"]),
                task("l2", LOAD, [E2], [], deps=["g2"]),
                task("p1", T, [D1], ["puddle2"], deps=["l1"]), task("d1", DUMP, [D1], [], deps=["p1"]),
                task("p2", T, [D2], ["puddle2"], deps=["l2"]), task("d2", DUMP, [D2], [], deps=["p2"]))


def test_a_counted_pronoun_whose_robots_can_do_it_keeps_them(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1. Excavator 1 digs and loads truck 1. Both of them return to "
                "start.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("r", R, [E1, D1], [], deps=["l"]))


# -- finding 5: "digs again and loads truck 1 again": a second loading -----------------------------------------------

@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 1 and loads truck 1, then digs again and loads truck 1 again. Truck 1 dumps at "
    "puddle 2 and goes back.",
    "Excavator 2 digs at soil 1 and loads truck 1. Then it digs once more and loads truck 1 again. Truck 1 dumps "
    "at puddle 2 and goes back.",
])
def test_a_loading_said_again_after_digging_again_is_a_second_loading(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("g1", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["g1"]), task("g2", DIG, [E2], [], deps=["l1"]),
                task("l2", LOAD, [E2], [], deps=["g2"]), task("p", T, [D1], ["puddle2"], deps=["l2"]),
                task("d", DUMP, [D1], [], deps=["p"]), task("r", R, [D1], [], deps=["d"]))


@pytest.mark.parametrize("again", ["", " again"])
def test_a_loading_said_twice_with_no_work_between_stays_one(fleet, world, again):
    assert_plan(f"Excavator 1 digs at soil 1. Truck 2 goes to soil 1 to be loaded by excavator 1. Excavator 1 loads "
                f"truck 2{again}. Truck 2 dumps at puddle 1.", fleet, world,
                task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("p", T, [D2], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D2], [], deps=["p"]))


# -- finding 6: a loading named first as a purpose or plan waits for the digging said later ---------------------------

def test_a_loading_named_as_a_purpose_waits_for_the_digging_said_later(fleet, world):
    assert_plan("Truck 2 goes to soil 1 to collect soil from excavator 1. Excavator 1 digs at soil 1 and fills truck 2."
                " Truck 2 dumps at puddle 1.", fleet, world,
                task("m", T, [D2, E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("p", T, [D2], ["puddle1"], deps=["l"]),
                task("d", DUMP, [D2], [], deps=["p"]))


def test_a_loading_named_in_a_plan_first_waits_for_the_digging_said_later(fleet, world):
    assert_plan("Plan: excavator 2 loads truck 1 at soil 2. Excavator 2 goes to soil 2 and digs. Truck 1 goes to "
                "soil 2. Excavator 2 loads truck 1. Truck 1 dumps at puddle 2.", fleet, world,
                task("m", T, [E2, D1], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["g"]), task("p", T, [D1], ["puddle2"], deps=["l"]),
                task("d", DUMP, [D1], [], deps=["p"]))


def test_the_excavators_later_steps_stay_after_the_loading(fleet, world):
    assert_plan("Truck 2 goes to soil 1 to collect soil from excavator 1. Excavator 1 goes to soil 1, digs and fills "
                "truck 2, then returns. Truck 2 dumps at puddle 1.", fleet, world,
                task("m", T, [D2, E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]), task("r", R, [E1], [], deps=["l"]),
                task("p", T, [D2], ["puddle1"], deps=["l"]), task("d", DUMP, [D2], [], deps=["p"]))


# -- finding 7: "they dump" after an excavator loaded two trucks in turn: the trucks -----------------------------------

@pytest.mark.parametrize("loads", ["loads them one after the other, truck 3 first", "loads truck 3 and then truck 1"])
@pytest.mark.parametrize("they", ["they", "the trucks"])
def test_they_after_loadings_in_turn_are_the_loaded_trucks(fleet, world, loads, they):
    assert_plan(f"Trucks 1 and 3 go to soil 2 and excavator 2 digs there. Excavator 2 {loads}. Then {they} dump at "
                "puddle 1.", fleet, world,
                task("m", T, [D1, D3, E2], ["soil2"]), task("g", DIG, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["g"]), task("l2", LOAD, [E2], [], deps=["l1"]),
                task("p", T, [D1, D3], ["puddle1"], deps=["l2"]), task("d", DUMP, [D1, D3], [], deps=["p"]))


def test_they_of_a_robot_and_a_truck_is_not_an_older_pair_of_trucks(fleet, world):
    assert_plan("Trucks 2 and 3 go to rock 2. Excavator 1 and truck 1 go to rock 1. They dump there.", fleet, world,
                task("a", T, [D2, D3], ["rock2"]), task("b", T, [E1, D1], ["rock1"]),
                task("d", DUMP, [D1], [], deps=["b"]))
