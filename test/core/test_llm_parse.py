"""Tolerant extraction and strict parsing of model replies (dart_planner.llm.parse)."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dart_planner.core.errors import PlanFormatError
from dart_planner.llm.parse import (
    extract_plan_document,
    find_json_objects,
    parse_plan_reply,
    strip_trailing_commas,
)

PLAN = {
    "tasks": [
        {
            "task": "target_area_for_specific_robots_1",
            "instruction_function": {
                "name": "target_area_for_specific_robots",
                "robot_ids": ["robot_dump_truck_01"],
                "dependencies": [],
                "object_keywords": ["puddle1"],
            },
        },
        {
            "task": "avoid_areas_for_all_robots_1",
            "instruction_function": {
                "name": "avoid_areas_for_all_robots",
                "robot_ids": [],
                "dependencies": ["target_area_for_specific_robots_1"],
                "object_keywords": ["puddle1"],
            },
        },
    ]
}
TEXT = json.dumps(PLAN)
IDS = ("target_area_for_specific_robots_1", "avoid_areas_for_all_robots_1")


def problems(text: str, **kw) -> list[str]:
    with pytest.raises(PlanFormatError) as ei:
        parse_plan_reply(text, **kw)
    return list(ei.value.problems)


def test_plain_json_parses_and_keeps_dependencies():
    r = parse_plan_reply(TEXT)
    assert r.graph.ids == IDS
    assert r.graph["avoid_areas_for_all_robots_1"].dependencies == ("target_area_for_specific_robots_1",)
    assert r.notes == ()


@pytest.mark.parametrize(
    "wrapped",
    [
        f"```json\n{TEXT}\n```",
        f"```\n{TEXT}\n```",
        f"Here is the plan you asked for:\n\n{TEXT}\n\nLet me know if you need changes!",
        f"Sure. I think {{this}} is right: ```json\n{TEXT}\n``` (ids use {{robot}}).",
        f"<think>the truck goes first</think>\n{TEXT}",
    ],
)
def test_fences_and_prose_around_the_json_are_tolerated(wrapped):
    r = parse_plan_reply(wrapped)
    assert r.graph.ids == IDS
    assert "ignored text around the JSON object" in r.notes


def test_trailing_commas_are_removed_but_commas_in_strings_are_kept():
    text = TEXT.replace('"puddle1"]', '"puddle1",]').replace("}}]", "}},]")
    assert text != TEXT
    r = parse_plan_reply(text)
    assert r.graph.ids == IDS
    assert any("trailing comma" in n for n in r.notes)
    stripped, n = strip_trailing_commas('{"a": ", ]", "b": [1, 2, ],}')
    assert n == 2 and json.loads(stripped) == {"a": ", ]", "b": [1, 2]}


def test_braces_and_escaped_quotes_inside_strings_do_not_confuse_the_scanner():
    scan = find_json_objects('x {"a": "}{\\"}", "b": ["]"]} y')
    assert len(scan.spans) == 1 and not scan.problems
    start, end = scan.spans[0]
    assert json.loads('x {"a": "}{\\"}", "b": ["]"]} y'[start:end])["a"] == '}{"}'


def test_identical_repeated_plans_are_accepted_but_different_ones_are_ambiguous():
    assert parse_plan_reply(f"{TEXT}\nAgain:\n{TEXT}").graph.ids == IDS
    other = json.dumps({"tasks": PLAN["tasks"][:1]})
    assert any("2 different plan objects" in p for p in problems(f"{TEXT}\n{other}"))


def test_truncated_reply_says_it_was_cut_off():
    p = problems(TEXT[:-15])
    assert any("cut off" in x for x in p)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("I cannot help with that.", "no JSON object"),
        ('{"plan": []}', "'tasks'"),
        ('[{"task": "a"}]', "no JSON object"),
        ('{"tasks": []}', "no tasks"),
        ('{"tasks": [], "tasks": []}', "duplicate key"),
        (
            '{"tasks": [{"task": "t", "instruction_function": {"name": "Excavation", "robot_count": [NaN]}}]}',
            "non-finite",
        ),
        ('{"tasks": {"task": "t"}}', "expected a list"),
        (
            '{"tasks": [{"task": "t", "instruction_function": {"name": "Excavation", "params": {"speed": 99}}}]}',
            "unexpected key(s) ['params']",
        ),
        (
            '{"tasks": [{"task": "t", "run": "rm -rf /", "instruction_function": {"name": "Excavation"}}]}',
            "unexpected key(s) ['run']",
        ),
        ('{"tasks": [{"task": "t", "instruction_function": {"name": "x", "robot_ids": "a\\u0000b"}}]}', None),
    ],
)
def test_malformed_replies_raise_plan_format_error_with_a_reason(text, fragment):
    if fragment is None:  # accepted structurally; semantic checks are the validator's job
        parse_plan_reply(text)
        return
    p = problems(text)
    assert any(fragment in x for x in p), p


def test_all_structural_problems_are_reported_together():
    doc = {
        "tasks": [
            {"task": "", "instruction_function": {"name": "Excavation"}},
            {"task": "b", "instruction_function": {"name": 7}},
            {
                "task": "c",
                "instruction_function": {
                    "name": "Excavation",
                    "robot_type": ["excavator"],
                    "robot_count": [],
                },
            },
        ]
    }
    p = problems(json.dumps(doc))
    assert len(p) >= 3
    assert any("tasks[0].task" in x for x in p)
    assert any("tasks[1].instruction_function.name" in x for x in p)
    assert any("robot_type has 1 entries but robot_count has 0" in x for x in p)


def test_size_limits():
    assert any("more than the limit" in x for x in problems(TEXT, max_chars=100))
    many = {"tasks": [PLAN["tasks"][0]] * 11}
    assert any("11 tasks" in x for x in problems(json.dumps(many), max_tasks=10))


@pytest.mark.parametrize(
    "hostile",
    [
        "{" * 100_000,
        "[" * 10_000 + "]" * 10_000,
        '{"tasks": ' + "[" * 10_000 + "]" * 10_000 + "}",
        '{"a":' * 10_000 + "1" + "}" * 10_000,
        "{" + '"' * 100_000,
        "}" * 50_000 + "{" * 50_000,
    ],
)
def test_hostile_nesting_fails_fast_with_a_clear_error(hostile):
    t0 = time.perf_counter()
    p = problems(hostile)
    elapsed = time.perf_counter() - t0
    assert p and all(isinstance(x, str) for x in p)
    # A generous bound that only a quadratic or recursive parser would break (not a benchmark).
    assert elapsed < 1.0


def test_hostile_nesting_reports_depth():
    assert any("nests deeper than" in x for x in problems("{" * 100_000))


def test_extract_returns_only_the_plan_object():
    doc, _ = extract_plan_document('{"thinking": "x"}\n' + TEXT)
    assert doc == PLAN


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('{}[]",:\\ ab1\n`tasks')), max_size=400))
def test_fuzz_never_raises_anything_but_plan_format_error(text):
    try:
        r = parse_plan_reply(text)
    except PlanFormatError as exc:
        assert exc.problems
    else:
        assert r.graph.subtasks


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(TEXT)))
def test_every_truncation_of_a_valid_reply_is_a_clear_error_or_the_plan(cut):
    try:
        r = parse_plan_reply(TEXT[:cut])
    except PlanFormatError as exc:
        assert exc.problems
    else:
        assert r.graph.ids == IDS
