"""Mends of helper P (mends 26): places in a movement clause that are no destinations, and keep-outs said with a move.

1. "Dump truck 3 goes to obstacle 1, staying away from soil 1 and soil 2." made three moves; "... avoiding soil 1 and
   soil 2" put the keep-out after the move; "... without going near soil 1 or soil 2" was refused. A keep-out said as
   a participle of a move (or "while avoiding", or "and avoids X on the way") holds while the robot drives: it is put
   up first and the move waits for it (lexicon ``manner_keepout_endings``, ``manner_keepout_leads``,
   ``en_route_words``; rules/routes.py). Also, "once it is there, truck 2 avoids obstacle 1 and goes to puddle 2": the
   move waited for nothing, neither the anchor nor the keep-out said before it in its clause.
2. "Dump truck 3 drives from soil 2 to obstacle 1" / "leaves soil 2 and goes to obstacle 1" / "moves away from soil 2
   towards obstacle 1" added a move to soil 2 first; "excavator 1 and truck 1 go from base to soil 1" returned them to
   base after soil 1; "truck 1 returns from puddle 1 to base" went to puddle 1 first. A place after "from" (lexicon
   ``source_prepositions``) or a verb of leaving is where the robot leaves from: no move there. Said of a robot that an
   earlier step left elsewhere, or with no destination ("drives away from soil 2"), it is refused, naming the words.
3. "Two trucks head for rock 1 near rock 2" / "go to rock 1, which is next to rock 2" made a second move to rock 2: a
   place said only to say where the destination is (lexicon ``landmark_prepositions``, ``landmark_relatives``,
   ``landmark_copulas``) is no step. "Two trucks go to rock 1, passing rock 2" / ", via rock 2" moved to rock 2 AFTER
   rock 1: a place passed is a waypoint visited first, as "go to rock 1 via rock 2" already was (the gold lines read
   a place passed as a move there first: L3_022, L3_068). ", next to rock 2" with no relative stays "then to rock 2".
4. More forms of finding 1: "Avoiding rock 1, truck 1 goes to puddle 1" kept EVERY robot out of rock 1 (a fronted
   participle is its subject's); "send truck 2 to rock 1, avoiding puddle 1 on the way", "... drives to puddle 1
   avoiding rock 1 and dumps there", "... soil 1 and soil 2 respectively, avoiding rock 1" still put the keep-out
   after the move; "without passing puddle 1" was refused; "once excavator 1 has dug, staying clear of rock 2, truck 3
   drives to soil 1" would have kept the excavator out. "Dump truck 2 heads to the puddle next to rock 1" was a move
   to rock 1: now "which puddle?" is asked.
5. "Truck 1 drives over from obstacle 1 once excavator 3 is done" was refused by the reading of finding 2 (no
   destination named): only "away from" and a verb of leaving with no destination are refused; otherwise the move
   goes where the scene is, as it would without "from obstacle 1". "Truck 1 returns to base, passing obstacle 1"
   passed obstacle 1 after the return (a waypoint after "base" too). "Truck 1 travels to puddle 2 and back" dropped
   the way back: "and back" after the places, closing the clause, is a move back to where the robot set out from
   (the place it left, its place before, or the start).
6. "Dump truck 2 goes to obstacle 1 but (and) must not go near puddle 2" kept truck 2 out of obstacle 1 AND puddle 2
   and made no move: a negation turned every move of its clause into the keep-out. Moves said before the clause's
   first negation stay moves; the keep-out follows them ("on the way" puts it first). "Trucks 1 and 2 leave puddle 1
   for rock 1 once excavator 1 has dug there" sent the excavator to puddle 1: the place left is not the "there" of the
   anchor after it. "Truck 1 goes to puddle 1 and then on to rock 2, passing obstacle 1 on the way" passed obstacle 1
   last. Also read as a keep-out said with a move: "never going near", "making sure to avoid", and a participle after
   "together".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task
from test_rules_mends13 import _lexicon

from dart_planner.llm.rules import rules_plan

R = "return_to_start_for_specific_robots"

# -- finding 1: a keep-out said with a move comes first -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Dump truck 3 goes to obstacle 1, staying away from soil 1 and soil 2.",
    "Dump truck 3 goes to obstacle 1 avoiding soil 1 and soil 2.",
    "Dump truck 3 goes to obstacle 1 without going near soil 1 or soil 2.",
    "Dump truck 3 goes to obstacle 1 while keeping clear of soil 1 and soil 2.",
    "Dump truck 3 goes to obstacle 1, steering clear of soil 1 and soil 2.",
    "Dump truck 3 goes to obstacle 1 and avoids soil 1 and soil 2 on the way.",
    "Dump truck 3 goes to obstacle 1 but stays away from soil 1 and soil 2 along the way.",
])
def test_a_keep_out_said_with_a_move_comes_first(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D3], ["soil1", "soil2"]),
                task("m", T, [D3], ["obstacle1"], deps=["k"]))


def test_a_keep_out_said_after_the_move_alone_stays_after_it(fleet, world):
    # no participle, no "on the way": a second step of its own, as before
    assert_plan("Truck 1 goes to puddle 1 and avoids rock 1.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("k", AV, [D1], ["rock1"], deps=["m"]))


def test_a_keep_out_on_the_way_after_an_anchor(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Once it is done, dump truck 2 drives to soil 1, keeping clear of rock 1 "
                "and rock 2, and excavator 1 loads it.", fleet, world,
                task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["e"]),
                task("k", AV, [D2], ["rock1", "rock2"], deps=["d"]),
                task("m", T, [D2], ["soil1"], deps=["k"]), task("l", LOAD, [E1], [], deps=["m"]))


def test_a_keep_out_on_the_way_after_which(fleet, world):
    assert_plan("Dump truck 1 goes to puddle 1 for inspection, after which dump truck 2 goes to puddle 2 without "
                "driving through obstacle 1. Finally both trucks return to base.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("k", AV, [D2], ["obstacle1"], deps=["a"]),
                task("b", T, [D2], ["puddle2"], deps=["k"]), task("r", R, [D1, D2], [], deps=["b"]))


def test_a_keep_out_said_after_work_at_the_place_comes_before_the_drive(fleet, world):
    assert_plan("Excavator 2 goes to soil 2 and digs, staying out of puddle 2.", fleet, world,
                task("k", AV, [E2], ["puddle2"]), task("m", T, [E2], ["soil2"], deps=["k"]),
                task("d", DIG, [E2], [], deps=["m"]))


def test_a_keep_out_on_the_way_for_a_group_then_its_return(fleet, world):
    assert_plan("Two trucks go to rock 1, avoiding rock 2 on their way there, and then return to base.", fleet, world,
                task("k", AV, [], ["rock2"], types=[("dump_truck", 2)]),
                task("m", T, [], ["rock1"], deps=["k"], types=[("dump_truck", 2)]),
                task("r", R, [], [], deps=["m"], types=[("dump_truck", 2)]))


@pytest.mark.parametrize("text", [
    "Once truck 1 is there, truck 2 avoids obstacle 1 and goes to puddle 2.",
    "Truck 1 goes to puddle 1. Then truck 2 avoids obstacle 1 and goes to puddle 2.",
])
def test_a_move_after_its_keep_out_in_one_clause_waits_for_it(fleet, world, text):
    text = text if text.startswith("Truck 1 goes") else "Truck 1 goes to puddle 1. " + text
    assert_plan(text, fleet, world, task("a", T, [D1], ["puddle1"]),
                task("k", AV, [D2], ["obstacle1"], deps=["a"]), task("b", T, [D2], ["puddle2"], deps=["k"]))


def test_the_en_route_words_come_from_the_lexicon(fleet, world):
    text = "Truck 1 goes to puddle 1 and avoids rock 1 on the way."
    assert rules_plan(text, fleet, world).graph.subtasks[0].skill == AV
    assert rules_plan(text, fleet, world, _lexicon(en_route_words=[])).graph.subtasks[0].skill == T


# -- finding 2: the place a robot leaves from is no destination ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Dump truck 3 drives from soil 2 to obstacle 1.",
    "Dump truck 3 leaves soil 2 and goes to obstacle 1.",
    "Dump truck 3 moves away from soil 2 towards obstacle 1.",
    "Dump truck 3 leaves soil 2 for obstacle 1.",
])
def test_the_place_left_is_no_move(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["obstacle1"]))


def test_the_place_left_after_a_step_there_adds_nothing(fleet, world):
    assert_plan("Dump truck 3 goes to soil 2. Then dump truck 3 drives from soil 2 to obstacle 1 and dumps there.",
                fleet, world, task("a", T, [D3], ["soil2"]), task("b", T, [D3], ["obstacle1"], deps=["a"]),
                task("d", DUMP, [D3], [], deps=["b"]))


def test_a_group_leaving_the_place_it_inspected(fleet, world):
    assert_plan("Two trucks go to puddle 2 for inspection. When excavator 1 has dug at rock 1, the trucks drive from "
                "puddle 2 to rock 1 and excavator 1 loads them.", fleet, world,
                task("p", T, [], ["puddle2"], types=[("dump_truck", 2)]), task("e", T, [E1], ["rock1"]),
                task("d", DIG, [E1], [], deps=["e"]),
                task("r", T, [], ["rock1"], deps=["p", "d"], types=[("dump_truck", 2)]),
                task("l", LOAD, [E1], [], deps=["r"]))


def test_leaving_base_is_no_return(fleet, world):
    assert_plan("Excavator 1 and truck 1 go from base to soil 1.", fleet, world, task("m", T, [E1, D1], ["soil1"]))


@pytest.mark.parametrize("text", ["Truck 1 returns from puddle 1 to base.", "Truck 1 comes back from puddle 1."])
def test_a_return_from_a_place_is_one_return(fleet, world, text):
    assert_plan(text, fleet, world, task("r", R, [D1], []))


def test_a_load_brought_from_a_place_is_still_picked_up_there(fleet, world):
    assert_plan("Excavator 1 digs at rock 2. Dump truck 2 brings a load from rock 2 to soil 1.", fleet, world,
                task("e", T, [E1, D2], ["rock2"]), task("g", DIG, [E1], [], deps=["e"]),
                task("l", LOAD, [E1], [], deps=["g"]),
                task("b", T, [D2], ["soil1"], deps=["l"]), task("d", DUMP, [D2], [], deps=["b"]))


@pytest.mark.parametrize("text, words", [
    ("Truck 1 drives away from soil 2.", "from soil 2"),
    ("Dump truck 3 goes to puddle 1. Then dump truck 3 drives from soil 2 to obstacle 1.", "from soil 2"),
])
def test_a_place_left_that_cannot_be_read_is_refused(fleet, world, text, words):
    errors = rules_plan(text, fleet, world).errors
    assert any(words in e for e in errors), errors


# -- finding 3: a landmark is no step, a place passed is passed first ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Two trucks head for rock 1 near rock 2.",
    "Two trucks go to rock 1, which is next to rock 2.",
    "Two trucks go to rock 1 next to rock 2.",
    "Two trucks go to rock 1, which lies close to rock 2.",
])
def test_a_landmark_of_the_destination_is_no_step(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [], ["rock1"], types=[("dump_truck", 2)]))


def test_a_landmark_in_a_longer_job(fleet, world):
    assert_plan("Excavator 2 digs at soil 1 beside rock 2. Then truck 3 goes to soil 1, which lies close to puddle 1, "
                "and excavator 2 loads it.", fleet, world,
                task("e", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["e"]),
                task("t", T, [D3], ["soil1"], deps=["d"]), task("l", LOAD, [E2], [], deps=["t"]))
    assert_plan("Truck 1 goes to rock 1 near rock 2 and dumps there.", fleet, world,
                task("m", T, [D1], ["rock1"]), task("d", DUMP, [D1], [], deps=["m"]))


def test_next_after_a_comma_stays_a_sequence(fleet, world):
    assert_plan("Two trucks go to rock 1, next to rock 2.", fleet, world,
                task("a", T, [], ["rock1"], types=[("dump_truck", 2)]),
                task("b", T, [], ["rock2"], deps=["a"], types=[("dump_truck", 2)]))


@pytest.mark.parametrize("text", [
    "Two trucks go to rock 1, passing rock 2.",
    "Two trucks go to rock 1 passing by rock 2.",
    "Two trucks go to rock 1, via rock 2.",
    "Two trucks go to rock 1 via rock 2.",
])
def test_a_place_passed_is_visited_first(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [], ["rock2"], types=[("dump_truck", 2)]),
                task("b", T, [], ["rock1"], deps=["a"], types=[("dump_truck", 2)]))


def test_a_place_passed_after_a_purpose_then_a_return(fleet, world):
    assert_plan("Dump truck 1 goes to puddle 1 for inspection, passing obstacle 1, after which it returns to base.",
                fleet, world, task("a", T, [D1], ["obstacle1"]), task("b", T, [D1], ["puddle1"], deps=["a"]),
                task("r", R, [D1], [], deps=["b"]))


def test_the_landmark_words_come_from_the_lexicon(fleet, world):
    text = "Two trucks head for rock 1 near rock 2."
    assert len(rules_plan(text, fleet, world).graph.subtasks) == 1
    assert len(rules_plan(text, fleet, world, _lexicon(landmark_prepositions=[])).graph.subtasks) == 2


# -- finding 4: more keep-outs said with a move, and a landmark of a kind ---------------------------------------------


@pytest.mark.parametrize("text", [
    "Avoiding rock 1, truck 1 goes to puddle 1.",
    "Without going near rock 1, truck 1 drives to puddle 1.",
    "Please send truck 1 to puddle 1, avoiding rock 1 on the way.",
    "Truck 1 drives to puddle 1 without passing rock 1.",
])
def test_more_keep_outs_said_with_a_move(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D1], ["rock1"]), task("m", T, [D1], ["puddle1"], deps=["k"]))


def test_a_fronted_keep_out_after_an_anchor_is_the_next_robots(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Once excavator 1 has dug, staying clear of rock 2, dump truck 3 drives "
                "to soil 1.", fleet, world,
                task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["e"]),
                task("k", AV, [D3], ["rock2"], deps=["d"]), task("m", T, [D3], ["soil1"], deps=["k"]))


def test_a_keep_out_on_the_way_before_the_next_verb(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2, which then drives to puddle 1 avoiding rock 1 and "
                "dumps there.", fleet, world,
                task("e", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["e"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("k", AV, [D2], ["rock1"], deps=["l"]),
                task("m", T, [D2], ["puddle1"], deps=["k"]), task("u", DUMP, [D2], [], deps=["m"]))


def test_a_keep_out_on_the_way_of_moves_said_respectively(fleet, world):
    assert_plan("Truck 1 and truck 2 go to soil 1 and soil 2 respectively, avoiding rock 1.", fleet, world,
                task("k", AV, [D1, D2], ["rock1"]), task("a", T, [D1], ["soil1"], deps=["k"]),
                task("b", T, [D2], ["soil2"], deps=["k"]))


def test_a_kind_placed_by_a_landmark_is_asked_for(fleet, world):
    errors = rules_plan("Dump truck 2 heads to the puddle next to rock 1.", fleet, world).errors
    assert any("the puddle" in e for e in errors), errors


# -- finding 5: "over from", a return passing a place, "and back" ----------------------------------------------------


def test_driving_over_from_a_place_goes_to_the_scene(fleet, world):
    assert_plan("Excavator 3 goes to soil 1, avoiding both puddles, and digs there. Truck 1 drives over from "
                "obstacle 1 once excavator 3 is done.", fleet, world,
                task("k", AV, [E3], ["puddle1", "puddle2"]), task("e", T, [E3], ["soil1"], deps=["k"]),
                task("d", DIG, [E3], [], deps=["e"]), task("t", T, [D1], ["soil1"], deps=["d"]))


def test_a_return_passing_a_place(fleet, world):
    assert_plan("Truck 1 returns to base, passing obstacle 1.", fleet, world,
                task("a", T, [D1], ["obstacle1"]), task("r", R, [D1], [], deps=["a"]))


def test_there_and_back_from_the_start(fleet, world):
    assert_plan("Dump truck 1 goes to puddle 1 for inspection, after which dump truck 2 goes to rock 1 and back.",
                fleet, world, task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["rock1"], deps=["a"]),
                task("r", R, [D2], [], deps=["b"]))


def test_there_and_back_from_a_place(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Then it goes to puddle 2 and back.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["puddle2"], deps=["a"]),
                task("c", T, [D1], ["soil1"], deps=["b"]))
    assert_plan("Truck 1 travels from puddle 1 to puddle 2 and back.", fleet, world,
                task("b", T, [D1], ["puddle2"]), task("c", T, [D1], ["puddle1"], deps=["b"]))


def test_back_to_a_place_is_no_round_trip(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Then truck 1 goes back to puddle 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D1], ["puddle2"], deps=["a"]))


# -- finding 6: a negation after a move, "there" after a place left, more ways to pass and keep away ------------------


@pytest.mark.parametrize("text", [
    "Dump truck 2 goes to obstacle 1 but must not go near puddle 2.",
    "Dump truck 2 goes to obstacle 1 and must not go near puddle 2.",
])
def test_a_negation_after_a_move_keeps_the_move(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2], ["obstacle1"]),
                task("k", AV, [D2], ["puddle2"], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Dump truck 2 goes to obstacle 1 but must not go near puddle 2 on the way.",
    "Dump truck 2 goes to obstacle 1, never going near puddle 2.",
    "Dump truck 2 goes to obstacle 1, making sure to avoid puddle 2.",
])
def test_a_negated_or_careful_keep_out_on_the_way_comes_first(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AV, [D2], ["puddle2"]),
                task("m", T, [D2], ["obstacle1"], deps=["k"]))


def test_a_participle_after_together(fleet, world):
    assert_plan("Excavator 1 and dump truck 1 go from base to soil 1 together, avoiding rock 1.", fleet, world,
                task("k", AV, [E1, D1], ["rock1"]), task("m", T, [E1, D1], ["soil1"], deps=["k"]))


def test_there_after_a_place_left_is_the_destination(fleet, world):
    assert_plan("Trucks 1 and 2 leave puddle 1 for rock 1 once excavator 1 has dug there.", fleet, world,
                task("e", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["e"]),
                task("m", T, [D1, D2], ["rock1"], deps=["d"]))


def test_a_place_passed_after_a_verbless_then(fleet, world):
    assert_plan("Truck 1 goes to puddle 1 and then on to rock 2, passing obstacle 1 on the way.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [D1], ["obstacle1"], deps=["a"]),
                task("c", T, [D1], ["rock2"], deps=["b"]))
