"""Mends from the review of the rules planner: nothing a layout holds is lost without a trace, the
layout pass reports its own failure, and the folds that looked too far (a pronoun beside a robot, a
purpose clause with nothing before it) stay within their bounds.

Every instruction here is written for these tests only (none is in the benchmark or the examples);
the expected plans follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D2, DIG, DUMP, E1, E2, T, assert_plan, plan, task

from dart_planner.core.plan_compare import compare_plans
from dart_planner.llm.errors import PlanningError
from dart_planner.llm.rules import RulesPlanner, load_lexicon, rules_plan
from dart_planner.llm.rules.formats import read_layout
from dart_planner.llm.rules.planner import _read
from dart_planner.llm.rules.segment import ItemKind


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _same(a, b) -> bool:
    return compare_plans(a, b).exact


# -- A: an unknown ticket field or an extra table cell is kept, and the notes reach the caller -----

def test_unknown_ticket_field_is_planned_in_its_place(fleet, world, lex):
    # "Also:" is no field name the lexicon knows; what it says is an instruction all the same
    text = "WHO: truck 1\nWHAT: go to soil 1\nAlso: excavator 1 digs at soil 1\n"
    reading = read_layout(text, lex)
    assert reading.text.splitlines() == ["truck 1: go to soil 1.", "Excavator 1 digs at soil 1."]
    rp = rules_plan(text, fleet, world)
    assert not rp.errors and rp.coverage.ratio == 1.0
    assert any(s.skill == DIG and s.robot_ids == (E1,) for s in rp.graph)
    assert _same(rp.graph, plan("Truck 1 goes to soil 1. Excavator 1 digs at soil 1.", fleet, world))
    assert any("'Also'" in n for n in rp.notes)


def test_note_field_order_is_planned(fleet, world):
    text = "WHO: truck 1\nWHAT: go to soil 1\nNote: truck 2 must avoid puddle 1\n"
    assert_plan(text, fleet, world, task("t1", T, [D1], ["soil1"]), task("a1", AV, [D2], ["puddle1"]))


def test_unknown_field_words_are_reported_not_understood(fleet, world):
    rp = rules_plan("WHO: truck 1\nWHAT: go to soil 1\nColour: mauve\n", fleet, world)
    assert "mauve" in rp.coverage.unplaced and rp.coverage.ratio < 1.0


def test_extra_table_cell_is_planned(fleet, world, lex):
    text = "robot | job\ntruck 1 | go to soil 1 | then dump at puddle 1\n"
    reading = read_layout(text, lex)
    assert reading.text.splitlines() == ["truck 1: go to soil 1.", "Then dump at puddle 1."]
    assert any("past the last column" in n for n in reading.notes)
    assert_plan(text, fleet, world, task("t1", T, [D1], ["soil1"]), task("t2", T, [D1], ["puddle1"], ["t1"]),
                task("u1", DUMP, [D1], deps=["t2"]))


def test_ticket_with_known_fields_only_reads_as_before(fleet, world, lex):
    text = "WHO: truck 1\nWHAT: go to soil 1\nWHEN: now\n--\nWHO: truck 2\nWHAT: go to puddle 1\nWHEN: after truck 1\n"
    reading = read_layout(text, lex)
    assert reading.text == "truck 1: go to soil 1.\ntruck 2: after truck 1, go to puddle 1."
    assert reading.notes == ()
    rp = rules_plan(text, fleet, world)
    assert rp.notes == () and not rp.errors
    assert _same(rp.graph, plan(reading.text, fleet, world))


def test_planner_hands_the_layout_notes_on(fleet, world):
    planner = RulesPlanner()
    res = planner.plan("WHO: truck 1\nWHAT: go to soil 1\nNote: truck 2 must avoid puddle 1\n", fleet, world)
    assert any("'Note'" in n for n in res.details["layout_notes"])
    assert "layout_notes" not in planner.plan("Truck 1 goes to soil 1.", fleet, world).details
    # a refusal names what the layout pass did, since a moved line may be why it failed
    with pytest.raises(PlanningError) as exc:
        planner.plan("WHO: truck 1\nWHAT: go to soil 1\nColour: mauve and teal and plum\n", fleet, world)
    assert any(e.startswith("layout pass:") and "Colour" in e for e in exc.value.errors)


# -- B: the length limit holds for the rewritten text; a failing layout pass says so ----------------

def test_length_limit_holds_after_the_layout_pass(fleet, world, lex):
    # each row gains its condition word ("after ..."): under the limit as pasted, over it as read
    text = "robot | job | after\n" + "truck 1 | go to puddle 1 | truck 2 is there\n" * 90
    assert len(text) <= 4000 < len(read_layout(text, lex).text)
    rp = rules_plan(text, fleet, world)
    assert not rp.graph.subtasks and any("once its layout is rewritten" in e for e in rp.errors)
    short = "robot | job | after\n" + "truck 1 | go to puddle 1 | truck 2 is there\n" * 2
    assert not any("longer than" in e for e in rules_plan(short, fleet, world).errors)


def test_a_failing_layout_pass_reads_the_text_as_written_with_a_note(fleet, world, monkeypatch):
    from dart_planner.llm.rules import formats

    def boom(*_a):
        raise RuntimeError("bug in the pass")

    text = "Truck 1 goes to soil 1."
    monkeypatch.setattr(formats, "_PASSES", (("ticket", boom),))
    reading = formats.read_layout(text, load_lexicon())
    assert reading.text is text and reading.layouts == ()
    assert len(reading.notes) == 1 and "layout pass failed" in reading.notes[0] and "RuntimeError" in reading.notes[0]
    rp = rules_plan(text, fleet, world)
    assert not rp.errors and [s.robot_ids for s in rp.graph] == [(D1,)] and rp.notes == reading.notes


# -- C: "standing next to it" looks only at the nearest robot, in this sentence or the one before ---

def test_beside_it_is_the_nearest_robot_not_one_parked_far_back(fleet, world, lex):
    # "it" is excavator 2 (the robot mentioned last), whose place was never said as a state: no place
    # is taken from excavator 1, parked two sentences back, so nothing is sent to rock 1
    text = ("Excavator 1 is parked at rock 1. Truck 1 goes to soil 1 and excavator 2 digs at soil 2. "
            "Truck 2 is standing right next to it.")
    _, _, items = _read(text, fleet, world, lex)
    it = next(x for x in items if x.text == "it")
    assert it.kind is ItemKind.ROBOT  # not rock 1
    assert_plan(text, fleet, world, task("t1", T, [D1], ["soil1"]), task("t2", T, [E2], ["soil2"]),
                task("d1", DIG, [E2], deps=["t2"]))


@pytest.mark.parametrize("text", [
    "Excavator 1 is parked at rock 1, and truck 2 is standing right next to it. Truck 2 then goes to puddle 1.",
    "Excavator 1 is parked at rock 1. Truck 2 is standing right next to it. Truck 2 then goes to puddle 1.",
    "Excavator 1 is parked at rock 1. Truck 2 is standing right next to excavator 1. Truck 2 then goes to puddle 1.",
])
def test_beside_a_robot_whose_state_was_just_said(text, fleet, world):
    # truck 2 stands at rock 1 (no move there); only its drive to puddle 1 is planned
    assert_plan(text, fleet, world, task("t1", T, [D2], ["puddle1"]))



def test_beside_a_named_robot_whose_state_is_two_sentences_back_is_not_read(fleet, world, lex):
    text = ("Excavator 1 is parked at rock 1. Truck 1 goes to soil 1. Truck 2 is standing right next to "
            "excavator 1. Truck 2 then goes to puddle 1.")
    _, _, items = _read(text, fleet, world, lex)
    assert [x.kind for x in items if x.text == "excavator 1"] == [ItemKind.ROBOT, ItemKind.ROBOT]


# -- D: a dump named as a purpose makes no step that waits for nothing ------------------------------

def test_dump_purpose_makes_no_dump_that_depends_on_nothing(fleet, world):
    # the purpose is served after the clause it is said for: truck 2's dump waits for the digging
    assert_plan("Excavator 1 digs at soil 1 so that truck 2 can dump it later.", fleet, world,
                task("t1", T, [E1], ["soil1"]), task("d1", DIG, [E1], deps=["t1"]),
                task("u1", DUMP, [D2], deps=["d1"]))


def test_load_purpose_is_still_a_step(fleet, world):
    # the fold stays for the work it was made for: the loading the truck is brought for
    rp = rules_plan("Excavator 1 digs at soil 1. Then bring truck 2 over to soil 1 so that excavator 1 can load it.",
                    fleet, world)
    assert any(s.skill == "ExcavatorUnloading" and s.robot_ids == (E1,) for s in rp.graph)


# -- G: the word lists of these folds come from the lexicon -----------------------------------------

def _lexicon(**override):
    from dart_planner.core.config_reader import load_yaml
    from dart_planner.llm.rules.lexicon import default_lexicon_path, lexicon_from_dict

    raw = dict(load_yaml(str(default_lexicon_path())))
    raw.update(override)
    return lexicon_from_dict(raw)


def test_new_context_keys_are_filled_and_stay_out_of_the_vocabulary(lex):
    for key in ("keepout_definite_words", "keepout_event_copulas", "beside_pronouns", "clause_joining_words"):
        assert getattr(lex, key), key
    assert "'s" in lex.keepout_event_copulas and "or" in lex.clause_joining_words
    assert "zzbeside" not in _lexicon(beside_pronouns=["zzbeside"]).vocabulary


def test_beside_pronouns_come_from_the_lexicon(fleet, world, lex):
    text = "Excavator 1 is parked at rock 1, and truck 2 is standing right next to it."
    kinds = [x.kind for x in _read(text, fleet, world, lex)[2] if x.text in ("it", "rock 1")]
    assert kinds[-1] is ItemKind.OBJECT  # "it" stands for rock 1
    kinds = [x.kind for x in _read(text, fleet, world, _lexicon(beside_pronouns=[]))[2] if x.text == "it"]
    assert kinds == [ItemKind.ROBOT]


def test_keepout_event_words_come_from_the_lexicon(fleet, world, lex):
    text = "All robots keep away from puddle 1. Once the keep-out is in place, truck 2 drives to soil 1."

    def noun(lexicon):
        return next(x.kind for x in _read(text, fleet, world, lexicon)[2] if x.text == "keep out")

    assert noun(lex) is ItemKind.EVENT
    assert noun(_lexicon(keepout_event_copulas=[])) is ItemKind.VERB
    assert noun(_lexicon(keepout_definite_words=[])) is ItemKind.VERB


def test_clause_joining_words_come_from_the_lexicon(fleet, world, lex):
    from dart_planner.llm.rules.segment import segment_items

    text = "Truck 1 goes to puddle 1, and before any of that, truck 2 goes to soil 1."

    def cuts(lexicon):
        items = _read(text, fleet, world, lexicon)[2]
        segs = segment_items(items, lexicon.causatives, lexicon.join_verbs | lexicon.follow_verbs,
                             lexicon.clause_joining_words)
        return [[x.text for x in s.items] for s in segs]

    assert cuts(lex)[1][:2] == ["and", "before any of that"] and len(cuts(lex)) == 2
    assert len(cuts(_lexicon(clause_joining_words=[]))) == 3
