"""Tokens and clause segmentation of the rules planner, one connective at a time."""

from __future__ import annotations

import pytest

from dart_planner.llm.rules import load_lexicon
from dart_planner.llm.rules.mentions import SiteIndex, scan
from dart_planner.llm.rules.segment import SegmentRole, segment_items, tokenize


def segments(text, fleet, world):
    lex = load_lexicon()
    site = SiteIndex.build(fleet, world)
    toks = tokenize(text, keep_joined=site.object_names | site.robot_ids)
    items = scan(toks, lex, site, fleet.robot_types, tuple(site.objects_by_kind))
    return segment_items(items, lex.causatives)


def test_tokenize_splits_joined_numbers_but_keeps_known_names():
    words = [t.word for t in tokenize("Truck#2 -> soil1 & rock2, then robot_dump_truck_01!", keep_joined={"soil1"})]
    assert words == ["truck", "2", "to", "soil1", "and", "rock", "2", ",", "then", "robot_dump_truck_01", "!"]


def test_tokenize_keeps_character_offsets():
    text = "Excavator 3: dig."
    for t in tokenize(text):
        assert text.lower()[t.start:t.end] == t.word


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Truck 1 drives to rock 1, then truck 2 drives to rock 2.", "sequence"),
        ("Truck 1 drives to rock 1 and after that truck 2 drives to rock 2.", "sequence"),
        ("Truck 1 drives to rock 1; afterwards truck 2 drives to rock 2.", "sequence"),
        ("Truck 1 drives to rock 1. Meanwhile truck 2 drives to rock 2.", "parallel"),
        ("Truck 1 drives to rock 1 and at the same time truck 2 drives to rock 2.", "parallel"),
        ("Truck 1 drives to rock 1 while truck 2 drives to rock 2.", "parallel"),
        ("Truck 1 drives to rock 1. Finally truck 2 drives to rock 2.", "final"),
    ],
)
def test_each_connective_opens_a_new_clause(text, kind, fleet, world):
    segs = segments(text, fleet, world)
    assert len(segs) == 2
    assert segs[0].connective is None and segs[1].connective == kind
    assert "truck 2" in segs[1].text and "truck 2" not in segs[0].text


def test_once_opens_an_anchor_before_the_main_clause(fleet, world):
    segs = segments("Once truck 1 has arrived, excavator 1 digs.", fleet, world)
    assert [s.role for s in segs] == [SegmentRole.ANCHOR, SegmentRole.MAIN]
    assert not segs[0].post_anchor


def test_trailing_anchor_belongs_to_the_clause_before(fleet, world):
    segs = segments("Excavator 1 loads truck 1 once both are ready.", fleet, world)
    assert [s.role for s in segs] == [SegmentRole.MAIN, SegmentRole.ANCHOR]
    assert segs[1].post_anchor


def test_anchor_ends_where_a_new_subject_starts(fleet, world):
    segs = segments("When both trucks are loaded they drive to puddle 1.", fleet, world)
    assert [s.role for s in segs] == [SegmentRole.ANCHOR, SegmentRole.MAIN]
    assert segs[1].text.startswith("they")


def test_sentence_initial_while_is_an_anchor_but_inner_while_is_parallel(fleet, world):
    first = segments("While it digs, truck 3 goes to soil 1.", fleet, world)
    assert first[0].role is SegmentRole.ANCHOR
    inner = segments("Truck 3 goes to soil 1 while truck 2 goes to soil 2.", fleet, world)
    assert inner[1].role is SegmentRole.MAIN and inner[1].connective == "parallel"


def test_and_before_a_new_subject_cuts_but_robot_lists_do_not(fleet, world):
    cut = segments("Truck 1 goes to rock 1 and truck 2 goes to rock 2.", fleet, world)
    assert len(cut) == 2
    joined = segments("Excavator 1 and truck 2 go to soil 1.", fleet, world)
    assert len(joined) == 1


def test_before_orders_what_follows(fleet, world):
    segs = segments("Truck 3 loads up before driving to puddle 1.", fleet, world)
    assert segs[-1].connective == "sequence"


def test_object_lists_with_commas_stay_in_one_clause(fleet, world):
    segs = segments("Everyone avoid puddle 1, puddle 2 and obstacle 1.", fleet, world)
    assert len(segs) == 1


# -- numbered lists, "before", bare words ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "1. Truck 1 goes to rock 1. 2. Truck 2 goes to rock 2.",
    "1) Truck 1 goes to rock 1 2) Truck 2 goes to rock 2",
    "Step 1: truck 1 goes to rock 1. Step 2: truck 2 goes to rock 2.",
    "(1) Truck 1 goes to rock 1. (2) Truck 2 goes to rock 2.",
])
def test_numbered_items_are_sentences_that_follow_each_other(text, fleet, world):
    segs = [s for s in segments(text, fleet, world) if s.role is SegmentRole.MAIN]
    assert len(segs) == 2
    assert segs[0].connective is None and segs[1].connective == "sequence"
    assert segs[0].sentence != segs[1].sentence
    # the item numbers are no robot or object numbers
    assert [i.text for i in segs[1].items if i.kind.value == "robot"] == ["truck 2"]


def test_a_number_after_a_name_is_no_list_marker(fleet, world):
    segs = segments("Send truck 2 (the one at base) to rock 1.", fleet, world)
    robots = [i.payload.ids for s in segs for i in s.items if i.kind.value == "robot"]
    assert robots == [("robot_dump_truck_02",)]


def test_sentence_initial_before_is_an_anchor_that_comes_after(fleet, world):
    segs = segments("Before excavator 1 goes to soil 1, truck 2 visits soil 1.", fleet, world)
    assert segs[0].role is SegmentRole.ANCHOR and segs[0].before
    assert segs[1].role is SegmentRole.MAIN
    inner = segments("Truck 2 visits soil 1 before excavator 1 goes there.", fleet, world)
    assert inner[1].connective == "sequence" and not inner[1].before


def test_bare_words_make_no_clause_of_their_own(fleet, world):
    segs = segments("Truck 3 goes to soil 2 as well, but only after visiting obstacle 2.", fleet, world)
    assert [s.role for s in segs] == [SegmentRole.MAIN, SegmentRole.ANCHOR]
    assert segs[1].post_anchor


def test_number_abbreviation_ends_no_sentence():
    words = [t.word for t in tokenize("Excavator no. 2 goes home.")]
    assert words == ["excavator", "no", "2", "goes", "home", "."]


def test_anchor_ends_where_a_new_verb_follows_and(fleet, world):
    segs = segments("Truck 2 heads to rock 1 as soon as it is loaded and tips there.", fleet, world)
    assert [s.role for s in segs] == [SegmentRole.MAIN, SegmentRole.ANCHOR, SegmentRole.MAIN]
    still = segments("Once excavator 1 has dug and loaded truck 2, truck 2 leaves.", fleet, world)
    assert still[0].role is SegmentRole.ANCHOR and any(i.text == "loaded" for i in still[0].items)
