"""The layout pre-pass (dart_planner.llm.rules.formats): work tickets, text tables, clock-time
timelines and speech transcripts read to the same plan as the prose they stand for; text that is no
such layout is left exactly as it was; malformed layouts neither crash nor get misread.

Every instruction here is written for these tests only (none is in the benchmark or the examples);
the expected plans follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, plan, task

from dart_planner.core.config_reader import load_yaml
from dart_planner.core.errors import ConfigError
from dart_planner.core.plan_compare import compare_plans
from dart_planner.llm.rules import load_lexicon, rules_plan
from dart_planner.llm.rules import planner as planner_mod
from dart_planner.llm.rules.formats import LayoutReading, normalise_layout, read_layout
from dart_planner.llm.rules.lexicon import default_lexicon_path, lexicon_from_dict


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _same(a, b) -> bool:
    return compare_plans(a, b).exact


def _without_pass(monkeypatch, text, fleet, world):
    """What the reader makes of the text when the layout pass is switched off."""
    monkeypatch.setattr(planner_mod, "read_layout", lambda t, _lex: LayoutReading(t))
    return rules_plan(text, fleet, world)


# -- work tickets ----------------------------------------------------------------------------------

# the truck's chain, the dig, a load gated on both, and the haul after the load
HAUL = (
    task("t1", T, [D1], ["puddle2"]),
    task("t2", T, [D1], ["soil1"], ["t1"]),
    task("t3", T, [E3], ["soil1"]),
    task("d1", DIG, [E3], deps=["t3"]),
    task("l1", LOAD, [E3], deps=["d1", "t2"]),
    task("t4", T, [D1], ["rock1"], ["l1"]),
    task("u1", DUMP, [D1], deps=["t4"]),
)
HAUL_PROSE = ("Dump truck 1 goes to puddle 2, then to soil 1. Excavator 3 drives to soil 1 and digs there. "
              "Once truck 1 has reached soil 1 and the digging is done, excavator 3 loads dump truck 1. "
              "After that, dump truck 1 takes the load to rock 1 and dumps it.")
HAUL_TICKET = """Ticket 7 - haul from soil 1
WHO: dump truck 1
WHAT: go to puddle 2, then go to soil 1
WHEN: now
--
WHO: excavator 3
WHAT: drive to soil 1 and dig there
WHEN: -
--
WHO: excavator 3
WHAT: load dump truck 1
WHEN: after truck 1 has reached soil 1 and the digging is done
PRIORITY: high
--
WHO: dump truck 1
WHAT: take the load to rock 1 and dump it
WHEN: after you are loaded
"""


def test_ticket_reads_like_its_prose(fleet, world, monkeypatch):
    prose = assert_plan(HAUL_PROSE, fleet, world, *HAUL)
    ticket = assert_plan(HAUL_TICKET, fleet, world, *HAUL)
    assert _same(prose, ticket)
    raw = _without_pass(monkeypatch, HAUL_TICKET, fleet, world)
    assert raw.errors or not _same(raw.graph, prose)


def test_ticket_field_order_case_and_blank_line_blocks(fleet, world, lex):
    # fields in any order and case, blocks split by blank lines, a field that goes on on an indented line
    text = """when: none
what: go to puddle 2, then
   go to soil 1
who: Dump truck 1

What: drive to soil 1 and dig there
Who: excavator 3

Starts after: truck 1 has reached soil 1 and the digging is done
Job: load dump truck 1
Robot: excavator 3

Who: dump truck 1
When: excavator 3 has loaded you
What: take the load to rock 1 and dump it
"""
    reading = read_layout(text, lex)
    assert reading.layouts == ("ticket",)
    assert "excavator 3: after truck 1 has reached soil 1" in reading.text  # a bare condition gets its word
    assert "when excavator 3 has loaded you" in reading.text
    assert_plan(text, fleet, world, *HAUL)


def test_ticket_condition_that_opens_with_a_connective_is_kept_as_written(lex):
    text = read_layout(HAUL_TICKET, lex).text
    assert "excavator 3: after truck 1 has reached soil 1 and the digging is done, load dump truck 1." in text
    assert "dump truck 1: go to puddle 2, then go to soil 1." in text  # "now": no condition
    assert "when after" not in text


def test_ticket_field_that_repeats_opens_the_next_ticket(fleet, world, lex):
    text = "WHO: truck 1\nWHAT: go to puddle 1\nWHO: truck 2\nWHAT: go to puddle 2\nWHEN: after truck 1 is there"
    assert read_layout(text, lex).text.splitlines() == [
        "truck 1: go to puddle 1.", "truck 2: after truck 1 is there, go to puddle 2."]
    assert_plan(text, fleet, world, task("t1", T, [D1], ["puddle1"]), task("t2", T, [D2], ["puddle2"], ["t1"]))


def test_ticket_extra_field_is_kept_as_a_sentence_with_a_note(fleet, world, lex):
    # an unknown field is not thrown away: its words stand after the ticket, where the reader
    # reports them as not understood ("high"), and the rules plan carries the layout note
    reading = read_layout(HAUL_TICKET, lex)
    assert "load dump truck 1.\nHigh.\n" in reading.text
    assert any("PRIORITY" in n for n in reading.notes)
    rp = rules_plan(HAUL_TICKET, fleet, world)
    assert "high" in rp.coverage.unplaced and rp.notes == reading.notes


def test_ticket_block_without_a_job_is_left_out_without_crashing(fleet, world, lex):
    text = "WHO: truck 2\nWHAT: go to puddle 1\n--\nWHO: excavator 1\nWHEN: now\n"
    reading = read_layout(text, lex)
    assert reading.text == "truck 2: go to puddle 1."
    assert any("without a job" in n for n in reading.notes)
    assert_plan(text, fleet, world, task("t1", T, [D2], ["puddle1"]))


def test_a_lone_field_is_no_ticket(lex):
    # a heading with a colon over prose (no WHO and WHAT) stays prose
    for text in ("Order: truck 1 goes to puddle 1, then returns to base.",
                 "What: truck 1 goes to puddle 1.\nThen truck 2 goes to puddle 2."):
        assert read_layout(text, lex).text is text


# -- text tables -----------------------------------------------------------------------------------

CHECK_AND_HAUL = (
    task("t1", T, [E2], ["soil2"]),
    task("d1", DIG, [E2], deps=["t1"]),
    task("t2", T, [D3], ["obstacle2"]),
    task("t3", T, [D3], ["soil2"], ["t2", "d1"]),
    task("l1", LOAD, [E2], deps=["t3"]),
    task("r1", R, [D3], deps=["l1"]),
    task("u1", DUMP, [D3], deps=["r1"]),
)
CHECK_AND_HAUL_PROSE = ("Excavator 2 goes to soil 2 and digs. Dump truck 3 checks obstacle 2. Once excavator 2 has "
                        "dug, dump truck 3 goes to soil 2. When truck 3 is at soil 2, excavator 2 loads truck 3. "
                        "Once it is loaded, dump truck 3 goes back to base and unloads.")
CHECK_AND_HAUL_TABLE = """robot | task | after
excavator 2 | go to soil 2 and dig | -
dump truck 3 | check obstacle 2 | none
dump truck 3 | go to soil 2 | excavator 2 has dug
excavator 2 | load truck 3 | truck 3 is at soil 2
dump truck 3 | go back to base and unload | it is loaded"""


def test_table_reads_like_its_prose(fleet, world, monkeypatch):
    prose = assert_plan(CHECK_AND_HAUL_PROSE, fleet, world, *CHECK_AND_HAUL)
    table = assert_plan(CHECK_AND_HAUL_TABLE, fleet, world, *CHECK_AND_HAUL)
    assert _same(prose, table)
    raw = _without_pass(monkeypatch, CHECK_AND_HAUL_TABLE, fleet, world)
    assert raw.errors or not _same(raw.graph, prose)


def test_markdown_table_any_column_order_extra_column(fleet, world, lex):
    text = """Plan for the morning:
| Start when | Machine | Notes | Action |
|------------|---------|-------|--------|
| now | excavator 2 | slow | go to soil 2 and dig |
| - | dump truck 3 | | check obstacle 2 |
| after excavator 2 has dug | dump truck 3 | | go to soil 2 |
| once truck 3 is at soil 2 | excavator 2 | | load truck 3 |
| after it is loaded | dump truck 3 | | go back to base and unload |"""
    reading = read_layout(text, lex)
    assert reading.layouts == ("table",)
    assert "go to soil 2 and dig.\nSlow.\n" in reading.text  # a cell of no known column stays, after its row
    assert any("Notes" in n for n in reading.notes)
    assert reading.text.startswith("Plan for the morning:\n")  # lines around the table stay as written
    assert_plan(text, fleet, world, *CHECK_AND_HAUL)


def test_ragged_rows(fleet, world, lex):
    # a row short of its condition cell starts at once; a cell past the last column stays as a
    # sentence after its row ("fast": reported as not understood, not dropped)
    text = "robot | job | starts after\ntruck 1 | go to puddle 1\ntruck 2 | go to puddle 2 | - | fast\n"
    reading = read_layout(text, lex)
    assert reading.text.splitlines() == ["truck 1: go to puddle 1.", "truck 2: go to puddle 2.", "Fast."]
    assert any("past the last column" in n for n in reading.notes)
    assert rules_plan(text, fleet, world).coverage.unplaced == ("fast",)
    assert_plan(text, fleet, world, task("t1", T, [D1], ["puddle1"]), task("t2", T, [D2], ["puddle2"]))


def test_rows_without_a_header_are_left_as_written(fleet, world, lex):
    text = "excavator 1 | dig at soil 1\ntruck 1 | go to puddle 1"
    reading = read_layout(text, lex)
    assert reading.text is text and not reading.layouts
    assert reading.notes
    rules_plan(text, fleet, world)  # reads (or fails) as before, never raises


def test_header_words_come_from_the_lexicon(fleet, world, lex):
    text = "kit | duty\ntruck 1 | go to puddle 1"
    assert read_layout(text, lex).text is text
    data = load_yaml(default_lexicon_path())
    data["layout_fields"]["who"].append("kit")
    data["layout_fields"]["what"].append("duty")
    custom = lexicon_from_dict(data)
    assert read_layout(text, custom).text == "truck 1: go to puddle 1."
    rp = rules_plan(text, fleet, world, custom)
    assert not rp.errors and [s.robot_ids for s in rp.graph] == [(D1,)]


def test_layout_fields_need_who_and_what():
    data = load_yaml(default_lexicon_path())
    del data["layout_fields"]["who"]
    with pytest.raises(ConfigError, match="layout_fields"):
        lexicon_from_dict(data)


# -- timelines -------------------------------------------------------------------------------------

TIMELINE = ("07:30 truck 2 checks puddle 1 and excavator 1 goes to rock 2. 07:30 truck 1 heads to obstacle 2.\n"
            "10:00 truck 1 goes to puddle 2.")
TIMELINE_PROSE = ("Truck 2 checks puddle 1 and excavator 1 goes to rock 2. At the same time, truck 1 heads to "
                  "obstacle 2. Finally, truck 1 goes to puddle 2.")
TIMELINE_PLAN = (
    task("t1", T, [D2], ["puddle1"]),
    task("t2", T, [E1], ["rock2"]),
    task("t3", T, [D1], ["obstacle2"]),
    task("t4", T, [D1], ["puddle2"], ["t1", "t2", "t3"]),
)


def test_timeline_later_time_joins_like_finally(fleet, world, monkeypatch):
    prose = assert_plan(TIMELINE_PROSE, fleet, world, *TIMELINE_PLAN)
    timed = assert_plan(TIMELINE, fleet, world, *TIMELINE_PLAN)
    assert _same(prose, timed)
    raw = _without_pass(monkeypatch, TIMELINE, fleet, world)
    assert raw.errors or not _same(raw.graph, prose)


def test_timeline_clock_forms(lex):
    text = "At 8am truck 1 goes to puddle 1.\n8.45 - truck 2 goes to puddle 2.\nAlso at 8:45 pm, truck 3 goes home."
    assert read_layout(text, lex).text == ("truck 1 goes to puddle 1.\nFinally, truck 2 goes to puddle 2.\n"
                                           "Finally, truck 3 goes home.")


def test_one_time_or_times_running_backwards_are_no_timeline(lex):
    for text in ("At 08:00, truck 1 goes to puddle 1. Then it returns to base.",
                 "10:00 truck 1 goes to puddle 1.\n09:00 truck 2 goes to puddle 2."):
        assert read_layout(text, lex).text is text


# -- speech transcripts ----------------------------------------------------------------------------


def test_speech_fillers_are_dropped(fleet, world, monkeypatch):
    said = "okay so um truck two go to puddle one uh and then you know come back to base"
    clean = "okay so truck two go to puddle one and then come back to base"
    expected = (task("t1", T, [D2], ["puddle1"]), task("r1", R, [D2], deps=["t1"]))
    assert_plan(clean, fleet, world, *expected)
    rp = rules_plan(said, fleet, world)
    assert not rp.errors and rp.coverage.ratio == 1.0
    assert _same(plan(said, fleet, world), plan(clean, fleet, world))
    raw = _without_pass(monkeypatch, said, fleet, world)
    assert raw.coverage.ratio < 1.0  # "um", "uh", "know" are no words the reader knows


def test_unpunctuated_transcript_and_before_a_clause_opener_ends_a_sentence(fleet, world, lex):
    said = ("uh excavator one go to soil two and dig there and meanwhile um truck two checks puddle one and then "
            "obstacle two and when both are done everybody goes home")
    prose = ("Excavator 1, go to soil 2 and dig there. Meanwhile truck 2 checks puddle 1 and then obstacle 2. "
             "When both are done, everybody goes home.")
    expected = (task("t1", T, [E1], ["soil2"]), task("d1", DIG, [E1], deps=["t1"]),
                task("t2", T, [D2], ["puddle1"]), task("t3", T, [D2], ["obstacle2"], ["t2"]),
                task("r1", RA, deps=["d1", "t3"]))
    assert read_layout(said, lex).text == ("excavator one go to soil two and dig there. meanwhile truck two checks "
                                           "puddle one and then obstacle two. when both are done everybody goes home")
    assert _same(assert_plan(said, fleet, world, *expected), assert_plan(prose, fleet, world, *expected))
    # a transcript that has its own sentence marks keeps them: only the fillers go
    marked = "um truck 1 goes to puddle 1, and when it is there truck 2 goes home."
    assert read_layout(marked, lex).text == "truck 1 goes to puddle 1, and when it is there truck 2 goes home."


def test_speech_keeps_words_that_mean_something(lex):
    # "I'd like", "I mean" (a correction) and words that merely contain a filler are no fillers
    for text in ("I'd like truck 1 to go to puddle 1 - I mean dump truck 1.", "Truck 1 goes to the drum at rock 1.",
                 "Excavator 2 digs at soil 1; er-rors aside, it then returns.", "You know the drill: truck 1 home."):
        assert read_layout(text, lex).text is text


# -- everything else is left alone -----------------------------------------------------------------

PLAIN = [
    "Excavator 2: dig at soil 1. Truck 1: go to puddle 2, then return to start.",
    "Status: excavator 3 is at rock 2. To do: it digs there.",
    "1. Truck 1 goes to puddle 1.\n2. Truck 2 goes to puddle 2.\n3. Both return to base.",
    "Truck 2 - I mean dump truck 2 - checks obstacle 1 and then goes home.",
    "Excavators 1 and 2 dig at soil 1 | truck 3 waits at base.",
    "First, everyone avoids puddle 1.\n\n--\n\nThen excavator 1 digs at rock 1 at 8:30.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_comes_back_unchanged(text, lex):
    reading = read_layout(text, lex)
    assert reading.text is text and reading.layouts == ()


def test_a_bug_in_the_pass_leaves_the_text_as_it_was(lex, monkeypatch):
    from dart_planner.llm.rules import formats

    def boom(*_a):
        raise RuntimeError("bug")

    monkeypatch.setattr(formats, "_PASSES", (("ticket", boom),))
    assert normalise_layout(HAUL_TICKET, lex) is HAUL_TICKET


@pytest.mark.parametrize("text", [
    "WHO:\nWHAT:\nWHEN:", "robot | job\n|\n| | |", "WHO: truck 1\nWHAT: |||\n--\n--", "12:00 12:00 12:00",
    "um uh", "robot | job | after\n" + "excavator 1 | dig at soil 1 | excavator 1 has dug\n" * 3,
])
def test_malformed_layouts_do_not_crash(text, fleet, world, lex):
    read_layout(text, lex)
    rp = rules_plan(text, fleet, world)
    assert isinstance(rp.errors, tuple)

