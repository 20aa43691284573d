"""Round 19 of the rules planner: reasons after a connective, loads taken away, places given robot by robot.

1. "Excavator 3 inspects rock 2 and then returns to base. At the same time, since puddle 2 has dried out, lift the
   keep-out around it for all robots." sent excavator 3 to puddle 2 after its return: a clause of reason was only
   read as one at the head of its clause, with no connective before it. After "At the same time," / "After that," it
   was an order with no robot and took the robot before it to the place it spoke of. It is a reason, and the clause
   after it inherits the connective.
2. "Then truck 2 takes its load away and dumps it at puddle 2, and truck 3 takes its load away and dumps it at obstacle
   2." sent truck 3 to puddle 2 along with truck 2: a carry with no place of its own ("takes its load away") went to
   the place said last. Followed by a dump at a named place, it is the way there.
3. "Then the trucks take their loads away and dump them, truck 2 at puddle 2 and truck 3 at obstacle 2." dumped both
   trucks where they were loaded, then sent each to its place (and, with "dump their loads", dumped a second time):
   the list after the comma was read as gapped clauses that repeat the verb. It gives each robot of the clause its
   place: the clause is said once per robot ("each truck", "both", "the trucks then ...", "they").
4. "Excavators 1 and 3 move to rock 2 and excavate it. Once done, dump trucks 1 and 2 go to rock 2, ..." sent the
   trucks at once, in one move with the excavators: an anchor that is only a word of completion ("once done", "when
   finished", lexicon ``bare_done_events``) found nothing when its clause's robots had no steps yet. It is the clause
   just said, as "once that is done" is.
5. "Keep all trucks away from rock 2 until excavator 3 has broken it up. Excavator 3 goes to rock 2 and breaks it
   up." broke the rock up twice, first where excavator 3 stood: the deed after "until" was made as new work when it
   was read, and again when the next sentence ordered it. A deed that a later sentence orders (its robot named there
   with a verb of the same action) is that step; said nowhere else, it is still made.
6. "Trucks 1 and 2 go to rock 1 and get loaded, truck 1 first." (and "are loaded by excavator 1, truck 2 first")
   loaded both trucks in one step: a passive loading with an order was only read with a loader ("by ...") and two
   trucks listed. With no loader, each truck gets its own passive loading in that order; with one truck listed,
   the other truck of the clause's subject comes after it (rule 24).
7. "First, every robot keeps away from puddle 2, which is flooded." was refused ("'which' does not refer to any robot
   mentioned before"): a remark about an object that runs to the end of the sentence was left as a clause. One of
   plain words only is a remark, as the same remark between commas was.
8. (Merge decision, mends 38.) Excavators that stand apart and dig get a digging each only when they were there
   already; sent there by steps of the plan, "then both dig" is one digging that waits for each move (rule 6).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

# -- 1: a reason after the connective --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 3 inspects rock 2 and then returns to base. At the same time, since puddle 2 has dried out, lift the "
    "keep-out around it for all robots.",
    "Excavator 3 inspects rock 2 and then returns to base. Meanwhile, because puddle 2 is dry now, lift the keep-out "
    "around it for all robots.",
])
def test_a_reason_after_a_parallel_connective_sends_nobody(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [E3], ["rock2"]), task("r", R, [E3], [], deps=["i"]),
                task("a", ALA, [], ["puddle2"]))


def test_the_clause_after_the_reason_keeps_the_connective(fleet, world):
    assert_plan("Truck 2 goes to rock 1. Excavator 1 digs at soil 1. After that, since puddle 2 has dried out, truck 2 "
                "goes to puddle 2.", fleet, world,
                task("t", T, [D2], ["rock1"]), task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("p", T, [D2], ["puddle2"], deps=["t", "d"]))


# -- 2 and 3: a load taken away, and the places given robot by robot ---------------------------------------------------

LOADED = "Excavator 1 and dump trucks 2 and 3 drive to soil 1. Excavator 1 digs and loads both trucks. "
LOADED_PLAN = (task("m", T, [E1, D2, D3], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
               task("l", LOAD, [E1], [], deps=["d"]))
EACH_TO_ITS_SITE = (task("g2", T, [D2], ["puddle2"], deps=["l"]), task("u2", DUMP, [D2], [], deps=["g2"]),
                    task("g3", T, [D3], ["obstacle2"], deps=["l"]), task("u3", DUMP, [D3], [], deps=["g3"]))


@pytest.mark.parametrize("then", [
    "Then truck 2 takes its load away and dumps it at puddle 2, and truck 3 takes its load away and dumps it at "
    "obstacle 2.",
    "Then truck 2 dumps at puddle 2, and truck 3 hauls its load off and tips it at obstacle 2.",
    "Then the trucks take their loads away and dump them, truck 2 at puddle 2 and truck 3 at obstacle 2.",
    "Then the trucks dump their loads, truck 2 at puddle 2 and truck 3 at obstacle 2.",
    "Each truck then takes its load away and dumps it, truck 2 at puddle 2 and truck 3 at obstacle 2.",
    "After that they dump, truck 3 at obstacle 2 and truck 2 at puddle 2.",
])
def test_each_truck_takes_its_load_to_its_own_site(fleet, world, then):
    assert_plan(LOADED + then, fleet, world, *LOADED_PLAN, *EACH_TO_ITS_SITE)


def test_places_given_robot_by_robot_for_a_move(fleet, world):
    assert_plan("Trucks 2 and 3 go to soil 1. Then both drive on, truck 2 to puddle 2 and truck 3 to obstacle 2.",
                fleet, world,
                task("m", T, [D2, D3], ["soil1"]), task("a", T, [D2], ["puddle2"], deps=["m"]),
                task("b", T, [D3], ["obstacle2"], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Then the trucks dump, excavator 1 at puddle 2 and excavator 3 at obstacle 2.",  # not robots of the group
    "Then trucks 2 and 3 dump, truck 1 at puddle 2 and truck 3 at obstacle 2.",
    "Then they dump, truck 2 at puddle 2 and excavator 3 at obstacle 2.",  # "they" is one kind of robot
    "Then the trucks dump at rock 1, truck 2 at puddle 2 and truck 3 at obstacle 2.",  # the clause has its place
    "Then the two trucks dump, truck 2 at puddle 2.",  # one pair is no list
])
def test_a_list_that_cannot_be_the_group_is_left_alone(fleet, world, text):
    from dart_planner.llm.rules.elaborations import fold_trailing_place_pairs
    from dart_planner.llm.rules.lexicon import load_lexicon
    from dart_planner.llm.rules.planner import _read

    _, _, items = _read(text, fleet, world, load_lexicon())
    assert fold_trailing_place_pairs(items, frozenset({"navigate", "dump"})) == list(items)


def test_a_list_of_the_group_is_folded(fleet, world):
    from dart_planner.llm.rules.elaborations import fold_trailing_place_pairs
    from dart_planner.llm.rules.lexicon import load_lexicon
    from dart_planner.llm.rules.planner import _read

    _, _, items = _read("Then the trucks dump, truck 2 at puddle 2 and truck 3 at obstacle 2.", fleet, world,
                        load_lexicon())
    folded = [it.text for it in fold_trailing_place_pairs(items, frozenset({"navigate", "dump"}))]
    assert folded == ["then", "truck 2", "dump", "at", "puddle 2", ",", "and", "truck 3", "dump", "at", "obstacle 2",
                      "."]


# -- 4: "once done" ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("anchor", ["Once done", "When finished", "Once complete"])
def test_once_done_waits_for_the_clause_just_said(fleet, world, anchor):
    assert_plan(f"Excavators 1 and 3 move to rock 2 and excavate it. {anchor}, dump trucks 1 and 2 go to rock 2, get "
                "loaded by the excavators, and unload at puddle 2.", fleet, world,
                task("m", T, [E1, E3], ["rock2"]), task("d", DIG, [E1, E3], [], deps=["m"]),
                task("t", T, [D1, D2], ["rock2"], deps=["d"]), task("l", LOAD, [E1, E3], [], deps=["t"]),
                task("p", T, [D1, D2], ["puddle2"], deps=["l"]), task("u", DUMP, [D1, D2], [], deps=["p"]))


def test_once_done_for_a_robot_with_steps_of_its_own(fleet, world):
    assert_plan("Truck 2 goes to rock 1. Excavator 1 digs at soil 1. Once done, truck 2 goes to soil 1.", fleet, world,
                task("a", T, [D2], ["rock1"]), task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("b", T, [D2], ["soil1"], deps=["a", "d"]))


# -- 5: a deed after "until" that a later sentence orders --------------------------------------------------------------

TRUCKS = [("dump_truck", 3)]


@pytest.mark.parametrize("text", [
    "Keep all trucks away from rock 2 until excavator 3 has broken it up. Excavator 3 goes to rock 2 and breaks it up.",
    "All trucks stay away from rock 2 until excavator 3 has dug there. Excavator 3 goes to rock 2 and digs.",
])
def test_the_deed_ending_a_keepout_is_the_one_ordered_later(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AV, [], ["rock2"], types=TRUCKS), task("m", T, [E3], ["rock2"]),
                task("d", DIG, [E3], [], deps=["m"]))


def test_the_deed_ending_a_keepout_then_lifting_it(fleet, world):
    assert_plan("Keep all trucks away from rock 2 until excavator 3 has broken it up. Excavator 3 goes to rock 2 and "
                "breaks it up. After that the keep-out is lifted.", fleet, world,
                task("k", AV, [], ["rock2"], types=TRUCKS), task("m", T, [E3], ["rock2"]),
                task("d", DIG, [E3], [], deps=["m"]), task("a", AL, [], ["rock2"], types=TRUCKS, deps=["d"]))


# -- 6: a passive loading with an order --------------------------------------------------------------------------------

@pytest.mark.parametrize("order", [
    "get loaded, truck 1 first",
    "get loaded by excavator 1, truck 2 first",
    "are loaded, truck 2 first, then truck 1",
])
def test_a_passive_loading_in_turn_is_one_loading_per_truck(fleet, world, order):
    assert_plan(f"Excavator 1 digs at rock 1. When it is done, trucks 1 and 2 go to rock 1 and {order}. Then both take "
                "the rubble to puddle 2.", fleet, world,
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1, D2], ["rock1"], deps=["d"]), task("l1", LOAD, [E1], [], deps=["t"]),
                task("l2", LOAD, [E1], [], deps=["l1"]), task("p", T, [D1, D2], ["puddle2"], deps=["l2"]),
                task("u", DUMP, [D1, D2], [], deps=["p"]))


# -- 7: a remark about an object at the end of the sentence ---------------------------------------------------------

@pytest.mark.parametrize("remark", ["which is flooded", "which was flooded overnight", "which is still soft"])
def test_a_remark_at_the_end_of_the_sentence_is_no_clause(fleet, world, remark):
    assert_plan(f"First, every robot keeps away from puddle 2, {remark}. Excavator 2 drives to rock 2.", fleet, world,
                task("k", AVA, [], ["puddle2"]), task("m", T, [E2], ["rock2"], deps=["k"]))


# -- 8: "then both dig" after moves to different sites -----------------------------------------------------------------

def test_both_dig_after_moves_apart_is_one_digging(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and excavator 2 goes to soil 2. Then both dig.", fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E2], ["soil2"]),
                task("d", DIG, [E1, E2], [], deps=["a", "b"]))


def test_both_dig_where_they_already_stand_apart_is_a_digging_each(fleet, world):
    assert_plan("Excavator 1 is already at soil 1 and excavator 2 is already at soil 2. Both dig right where they are.",
                fleet, world, task("a", DIG, [E1], []), task("b", DIG, [E2], []))
