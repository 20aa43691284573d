"""Mends of helper M100: misreadings found with instructions written as a dispatcher's job sheet (parallel blocks,
crews named by letter, phases, keep-outs set and lifted, fleet-wide returns).

1. "Crew A (excavators 1 and 2) digs at soil 1. ... crew A loads both trucks" dropped the loading, with no word: the
   crew's letter name "A" was read as the article "a", which made the verb after it a noun ("a load", "a dig"). A
   letter right after a group noun (lexicon ``group_nouns``) is the group's name, so the word after it stays a verb.
2. "In parallel, excavator 1 goes to rock 2 and digs, and truck 1 goes to obstacle 1. Afterwards, truck 1 drives to
   puddle 2." sent truck 1 on before the digging was done (with the clauses the other way round it waited): a
   sentence-opening "afterwards" after a sentence marked as one side-by-side block (lexicon
   ``parallel_block_openers``: "In parallel, ...", "The following happens at the same time: ...") waits for the whole
   block, whichever robot's clause came last.
3. "Phase one: two excavators dig at soil 1 while a truck inspects obstacle 1; phase two: the truck drives to soil 1"
   sent the truck on before the digging was done (read as any numbered item, it went on from its own inspection); an
   item labelled as a phase (lexicon ``phase_list_words``) waits for everything before it. "Step 2:" is left as it
   was (whether item N waits for every item before it is an open question of the conventions).
4. "Crew A (excavator 2 and truck 1) heads to rock 1; crew B (excavator 3 and trucks 2 and 3) heads to soil 2.
   Afterwards, excavator 2 digs and loads truck 1, and excavator 3 digs and loads trucks 2 and 3 ..." merged the two
   diggings (same skill, same waits), so excavator 2's loading waited for excavator 3's digging at another place.
   Diggings at different places, each followed by its own digger's next step, stay apart (as L3_335 and L3_390 keep
   them); diggings at one place, or with nothing of their own after them, are merged as before.
5. "Crew A (two excavators) goes to soil 1 and digs; crew B (two trucks) goes to soil 1 once crew A is done, and crew
   A loads crew B" was refused ("'crew b' names no group defined before"): only crews of robots named by number were
   kept. A crew of counted unnamed robots is now meant again as "the two trucks" (the same group, not a new one); when
   other unnamed robots of its type came in between, the name is still refused.
6. "Then excavator 2 loads both trucks, truck 2 first, and the keep-out on puddle 1 is lifted for truck 3" loaded one
   truck only and lifted the keep-out for trucks 1 and 3: the order's last truck ("then the other truck") ran into
   the clause after ", and" when that clause opened with no robot. The comma that closes the order stays before any
   ", and ..." clause, and a clause joined by "and" with a verb of its own ends the run of loaded trucks.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: a crew named "A" keeps its verb --------------------------------------------------------------------


@pytest.mark.parametrize("noun", ["Crew", "Team", "Squad"])
def test_a_crew_named_a_loads(fleet, world, noun):
    assert_plan(f"{noun} A (excavators 1 and 2) digs at soil 1. Then truck 3 drives to soil 1 and {noun.lower()} A "
                "loads it.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["d"]), task("l", LOAD, [E1, E2], [], deps=["t"]))


def test_a_crew_named_a_digs_after_its_move(fleet, world):
    assert_plan("Crew A (excavator 3) goes to rock 1. Crew A digs.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("d", DIG, [E3], [], deps=["m"]))


def test_two_crews_by_letter_load_in_order(fleet, world):
    assert_plan("Crew A (excavators 1 and 2) digs at soil 1 while crew B (trucks 1 and 3) waits at obstacle 2. Once "
                "crew A is done, crew B drives to soil 1 and crew A loads both trucks, truck 1 first. Afterwards, "
                "trucks 1 and 3 dump at puddle 1.", fleet, world,
                task("m", T, [E1, E2], ["soil1"]), task("d", DIG, [E1, E2], [], deps=["m"]),
                task("w", T, [D1, D3], ["obstacle2"]), task("c", T, [D1, D3], ["soil1"], deps=["d", "w"]),
                task("l1", LOAD, [E1, E2], [], deps=["c"]), task("l2", LOAD, [E1, E2], [], deps=["l1"]),
                # "afterwards" after both loadings: one step for the two trucks, as "The trucks then go home" (L3_083)
                task("p", T, [D1, D3], ["puddle1"], deps=["l2"]), task("u", DUMP, [D1, D3], [], deps=["p"]))


def test_a_crew_named_b_is_unchanged(fleet, world):
    assert_plan("Crew B (excavator 2 and truck 2) goes to soil 2. Crew B's excavator digs.", fleet, world,
                task("m", T, [E2, D2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]))


# -- finding 2: "afterwards" after a block said to run in parallel waits for all of it -----------------------------


@pytest.mark.parametrize("opener", ["In parallel,", "At the same time,", "Simultaneously,",
                                    "The following happens at the same time:", "These run in parallel:"])
def test_afterwards_after_a_parallel_block_waits_for_the_whole_block(fleet, world, opener):
    assert_plan(f"{opener} excavator 1 goes to rock 2 and digs, and truck 1 goes to obstacle 1. Afterwards, truck 1 "
                "drives to puddle 2.", fleet, world,
                task("m", T, [E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("o", T, [D1], ["obstacle1"]), task("p", T, [D1], ["puddle2"], deps=["d", "o"]))


def test_the_order_of_the_clauses_in_the_block_does_not_matter(fleet, world):
    expected = (task("m", T, [E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("o", T, [D1], ["obstacle1"]), task("p", T, [D1], ["puddle2"], deps=["d", "o"]))
    assert_plan("In parallel, truck 1 goes to obstacle 1, and excavator 1 goes to rock 2 and digs. Then truck 1 drives "
                "to puddle 2.", fleet, world, *expected)
    assert_plan("In parallel, excavator 1 goes to rock 2 and digs, and truck 1 goes to obstacle 1. Then truck 1 drives "
                "to puddle 2.", fleet, world, *expected)


def test_a_truck_after_a_parallel_block_is_loaded_after_it(fleet, world):
    assert_plan("The following happens at the same time: two excavators go to rock 2 and dig, and a truck goes to "
                "obstacle 1. Afterwards, the truck drives to rock 2, the excavators load it, and it dumps at puddle 1. "
                "Once all of the above is done, the whole fleet returns to base.", fleet, world,
                task("m", T, types=[("excavator", 2)], objs=["rock2"]),
                task("d", DIG, types=[("excavator", 2)], deps=["m"]),
                task("o", T, types=[("dump_truck", 1)], objs=["obstacle1"]),
                task("r", T, types=[("dump_truck", 1)], objs=["rock2"], deps=["d", "o"]),
                task("l", LOAD, types=[("excavator", 2)], deps=["r"]),
                task("p", T, types=[("dump_truck", 1)], objs=["puddle1"], deps=["l"]),
                task("u", DUMP, types=[("dump_truck", 1)], deps=["p"]),
                task("h", RA, deps=["u"]))


def test_a_block_of_three_clauses(fleet, world):
    assert_plan("The following happens at the same time: excavator 1 digs at soil 1, excavator 2 digs at soil 2, and "
                "truck 3 checks puddle 1. Afterwards, truck 3 goes to soil 1 and is loaded by excavator 1.",
                fleet, world,
                task("m1", T, [E1], ["soil1"]), task("d1", DIG, [E1], [], deps=["m1"]),
                task("m2", T, [E2], ["soil2"]), task("d2", DIG, [E2], [], deps=["m2"]),
                task("c", T, [D3], ["puddle1"]), task("s", T, [D3], ["soil1"], deps=["d1", "d2", "c"]),
                task("l", LOAD, [E1], [], deps=["s"]))


def test_then_after_a_semicolon_goes_on_with_its_own_robot(fleet, world):
    assert_plan("At the same time, excavator 3 goes to rock 2 and digs, and truck 1 goes to obstacle 2; then truck 1 "
                "drives to puddle 1.", fleet, world,
                task("m", T, [E3], ["rock2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("o", T, [D1], ["obstacle2"]), task("p", T, [D1], ["puddle1"], deps=["o"]))


def test_the_openers_come_from_the_lexicon(fleet, world):
    text = ("In parallel, excavator 1 goes to rock 2 and digs, and truck 1 goes to obstacle 1. Afterwards, truck 1 "
            "drives to puddle 2.")
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["rock2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("o", T, [D1], ["obstacle1"]), task("p", T, [D1], ["puddle2"], deps=["d", "o"]))
    lex = _lexicon(parallel_block_openers=[])
    graph = rules_plan(text, fleet, world, lex).graph
    move = next(t for t in graph.subtasks if t.object_keywords == ("puddle2",))
    assert len(move.dependencies) == 1


# -- finding 3: a phase starts when the phase before it is over ---------------------------------------------------


@pytest.mark.parametrize("one, two", [("Phase one:", "; phase two:"), ("Phase 1:", ". Phase 2:"),
                                      ("Stage one:", ". Stage two:")])
def test_a_phase_waits_for_the_whole_phase_before(fleet, world, one, two):
    assert_plan(f"{one} two excavators dig at soil 1 while a truck inspects obstacle 1{two} the truck drives to soil 1 "
                "and the excavators load it.", fleet, world,
                task("m", T, types=[("excavator", 2)], objs=["soil1"]),
                task("d", DIG, types=[("excavator", 2)], deps=["m"]),
                task("o", T, types=[("dump_truck", 1)], objs=["obstacle1"]),
                task("s", T, types=[("dump_truck", 1)], objs=["soil1"], deps=["d", "o"]),
                task("l", LOAD, types=[("excavator", 2)], deps=["s"]))


def test_phases_with_keep_outs_set_and_lifted(fleet, world):
    assert_plan("Phase one: all robots stay away from puddle 1 and puddle 2; phase two: two excavators dig at soil 1 "
                "while a truck inspects obstacle 1; phase three: the truck drives to soil 1 and the excavators load "
                "it; phase four: the keep-out on both puddles is lifted for everyone.", fleet, world,
                task("k", AVA, [], ["puddle1", "puddle2"]),
                task("m", T, types=[("excavator", 2)], objs=["soil1"], deps=["k"]),
                task("d", DIG, types=[("excavator", 2)], deps=["m"]),
                task("o", T, types=[("dump_truck", 1)], objs=["obstacle1"], deps=["k"]),
                task("s", T, types=[("dump_truck", 1)], objs=["soil1"], deps=["d", "o"]),
                task("l", LOAD, types=[("excavator", 2)], deps=["s"]),
                task("a", ALA, [], ["puddle1", "puddle2"], deps=["l"]))


def test_a_numbered_step_is_left_as_it_was(fleet, world):
    assert_plan("Step 1: two excavators dig at soil 1 while a truck inspects obstacle 1. Step 2: the truck drives to "
                "soil 1.", fleet, world,
                task("m", T, types=[("excavator", 2)], objs=["soil1"]),
                task("d", DIG, types=[("excavator", 2)], deps=["m"]),
                task("o", T, types=[("dump_truck", 1)], objs=["obstacle1"]),
                task("s", T, types=[("dump_truck", 1)], objs=["soil1"], deps=["o"]))


def test_the_phase_words_come_from_the_lexicon(fleet, world):
    text = ("Phase one: two excavators dig at soil 1 while a truck inspects obstacle 1; phase two: the truck drives to "
            "soil 1.")
    for words, waits in ((["phase", "stage"], 2), ([], 1)):
        last = rules_plan(text, fleet, world, _lexicon(phase_list_words=words)).graph.subtasks[-1]
        assert last.object_keywords == ("soil1",) and len(last.dependencies) == waits


# -- finding 4: diggings at two places, each with its own loading after it, stay apart ------------------------------


def test_two_crews_dig_and_load_at_their_own_places(fleet, world):
    assert_plan("Crew A (excavator 2 and truck 1) heads to rock 1; crew B (excavator 3 and trucks 2 and 3) heads to "
                "soil 2. Afterwards, excavator 2 digs and loads truck 1, and excavator 3 digs and loads trucks 2 and 3 "
                "one after the other. Once all of the above is done, every robot returns to start.", fleet, world,
                task("a", T, [E2, D1], ["rock1"]), task("b", T, [E3, D2, D3], ["soil2"]),
                task("d2", DIG, [E2], [], deps=["a", "b"]), task("l1", LOAD, [E2], [], deps=["d2"]),
                task("d3", DIG, [E3], [], deps=["a", "b"]), task("l2", LOAD, [E3], [], deps=["d3"]),
                task("l3", LOAD, [E3], [], deps=["l2"]), task("h", RA, deps=["l1", "l3"]))


def test_each_excavator_loads_after_its_own_digging(fleet, world):
    assert_plan("Excavator 2 and truck 1 go to rock 1, and excavator 3 and truck 2 go to soil 2. Then excavator 2 digs "
                "and loads truck 1, and excavator 3 digs and loads truck 2.", fleet, world,
                task("a", T, [E2, D1], ["rock1"]), task("b", T, [E3, D2], ["soil2"]),
                task("d2", DIG, [E2], [], deps=["a", "b"]), task("l1", LOAD, [E2], [], deps=["d2"]),
                task("d3", DIG, [E3], [], deps=["a", "b"]), task("l2", LOAD, [E3], [], deps=["d3"]))


def test_diggings_with_nothing_of_their_own_after_them_are_merged_as_before(fleet, world):
    assert_plan("Excavator 2 goes to rock 1 and excavator 3 goes to soil 2. Then excavator 2 digs and excavator 3 "
                "digs.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", T, [E3], ["soil2"]),
                task("d", DIG, [E2, E3], [], deps=["a", "b"]))


def test_diggings_at_one_place_are_merged_as_before(fleet, world):
    assert_plan("Excavators 1 and 3 go to soil 1. Then excavator 1 digs and excavator 3 digs. Then excavator 1 loads "
                "truck 1 and excavator 3 loads truck 2.", fleet, world,
                task("m", T, [E1, E3], ["soil1"]), task("d", DIG, [E1, E3], [], deps=["m"]),
                task("l1", LOAD, [E1], [], deps=["d"]), task("l2", LOAD, [E3], [], deps=["d"]))


# -- finding 5: a crew of unnamed robots, named by letter, is the same group when named again ----------------------


def test_crews_of_unnamed_robots_are_meant_again(fleet, world):
    assert_plan("Crew A (two excavators) goes to soil 1 and digs; crew B (two trucks) goes to soil 1 once crew A is "
                "done, and crew A loads crew B. Afterwards, crew B dumps at puddle 2. Once all of the above is done, "
                "everyone returns to base.", fleet, world,
                task("m", T, types=[("excavator", 2)], objs=["soil1"]),
                task("d", DIG, types=[("excavator", 2)], deps=["m"]),
                task("s", T, types=[("dump_truck", 2)], objs=["soil1"], deps=["d"]),
                task("l", LOAD, types=[("excavator", 2)], deps=["s"]),
                task("p", T, types=[("dump_truck", 2)], objs=["puddle2"], deps=["l"]),
                task("u", DUMP, types=[("dump_truck", 2)], deps=["p"]),
                task("h", RA, deps=["u"]))


def test_a_mixed_crew_of_unnamed_robots_returns_together(fleet, world):
    assert_plan("Crew C (an excavator and a truck) goes to rock 1. Then crew C returns to start.", fleet, world,
                task("m", T, types=[("excavator", 1), ("dump_truck", 1)], objs=["rock1"]),
                task("r", R, types=[("excavator", 1), ("dump_truck", 1)], deps=["m"]))


def test_a_named_truck_in_between_does_not_change_the_crew(fleet, world):
    assert_plan("Crew B (two trucks) waits at obstacle 1. Truck 3 goes to puddle 1. Crew B drives to soil 2.",
                fleet, world,
                task("w", T, types=[("dump_truck", 2)], objs=["obstacle1"]),
                task("p", T, [D3], ["puddle1"]),
                task("s", T, types=[("dump_truck", 2)], objs=["soil2"], deps=["w"]))


def test_other_unnamed_robots_of_the_type_in_between_keep_the_refusal(fleet, world):
    errors = rules_plan("Crew B (two trucks) waits at obstacle 1. Another truck goes to puddle 1. Crew B drives to "
                        "soil 2.", fleet, world).errors
    assert any("crew b" in e and "no group" in e for e in errors), errors


# -- finding 6: an order of loadings followed by ", and <a keep-out said of its place>" -----------------------------


@pytest.mark.parametrize("trucks", ["both trucks", "trucks 1 and 2"])
def test_an_ordered_loading_then_a_lifting_for_another_truck(fleet, world, trucks):
    assert_plan(f"Trucks 1 and 2 drive to soil 1. Then excavator 2 loads {trucks}, truck 2 first, and the keep-out on "
                "puddle 1 is lifted for truck 3.", fleet, world,
                task("m", T, [D1, D2], ["soil1"]), task("l2", LOAD, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["l2"]), task("a", AL, [D3], ["puddle1"], deps=["m"]))


def test_an_ordered_loading_then_a_fleet_wide_lifting(fleet, world):
    assert_plan("Trucks 1 and 2 drive to soil 1. Then excavator 2 loads both trucks, truck 2 first, and the keep-out "
                "on puddle 1 is lifted for everyone.", fleet, world,
                task("m", T, [D1, D2], ["soil1"]), task("l2", LOAD, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["l2"]), task("a", ALA, [], ["puddle1"], deps=["m"]))


def test_an_ordered_loading_then_another_robot_is_unchanged(fleet, world):
    assert_plan("Trucks 1 and 2 drive to soil 1. Then excavator 2 loads both trucks, truck 2 first, and truck 3 goes "
                "home.", fleet, world,
                task("m", T, [D1, D2], ["soil1"]), task("l2", LOAD, [E2], [], deps=["m"]),
                task("l1", LOAD, [E2], [], deps=["l2"]), task("r", R, [D3], [], deps=["m"]))
