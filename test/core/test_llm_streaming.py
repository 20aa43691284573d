"""Incremental parsing and early dispatch of subtasks (dart_planner.llm.streaming)."""

from __future__ import annotations

import json

import pytest

from dart_planner.llm.schema import Narrowing
from dart_planner.llm.streaming import StreamingPlanParser


def task(name, skill, robots=(), deps=(), objs=()):
    return {
        "task": name,
        "instruction_function": {
            "name": skill,
            "robot_ids": list(robots),
            "dependencies": list(deps),
            "object_keywords": list(objs),
        },
    }


GO = task("go_1", "target_area_for_specific_robots", ["robot_excavator_01"], objs=["soil1"])
DIG = task("dig_1", "Excavation", ["robot_excavator_01"], deps=["go_1"])
LOAD = task("load_1", "ExcavatorUnloading", ["robot_excavator_01"], deps=["dig_1"])


def feed_chars(parser, text):
    """Feed one character at a time; return (task id, characters fed) per emission."""
    out = []
    for i, ch in enumerate(text, 1):
        for s in parser.feed(ch):
            out.append((s.id, i))
    return out


def test_each_subtask_is_emitted_the_moment_its_object_closes(fleet, world):
    text = json.dumps({"tasks": [GO, DIG, LOAD]}, indent=2)
    got = feed_chars(StreamingPlanParser(fleet, world), text)
    assert [t for t, _ in got] == ["go_1", "dig_1", "load_1"]
    ends = []
    pos = 0
    for t in (GO, DIG, LOAD):
        blob = json.dumps(t, indent=2).replace("\n", "\n    ")
        pos = text.index(blob, pos) + len(blob)
        ends.append(pos)
    assert [i for _, i in got] == ends


def test_prose_and_fences_before_the_json_are_skipped(fleet, world):
    text = 'Sure! Here is "the" plan:\n```json\n' + json.dumps({"tasks": [GO, DIG]}) + "\n```"
    p = StreamingPlanParser(fleet, world)
    assert [t for t, _ in feed_chars(p, text)] == ["go_1", "dig_1"]


def test_a_task_waits_for_its_dependency_to_be_emitted(fleet, world):
    p = StreamingPlanParser(fleet, world)
    got = feed_chars(p, json.dumps({"tasks": [DIG, GO]}))
    assert [t for t, _ in got] == ["go_1"]  # dig_1 depended on a later task: never dispatched
    assert any(h.startswith("dig_1: dependency 'go_1'") for h in p.held)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (task("x", "teleport", ["robot_excavator_01"]), "unknown skill"),
        (task("x", "Excavation", ["robot_excavator_09"]), "unknown robot"),
        (
            task("x", "target_area_for_specific_robots", ["robot_excavator_01"], objs=["lava"]),
            "unknown object",
        ),
        (task("x", "Excavation", ["robot_dump_truck_01"]), "cannot perform"),
        (task("x y", "Excavation", ["robot_excavator_01"]), "bad_task_name"),
        ({**GO, "extra": 1}, "unexpected keys"),
    ],
)
def test_individually_invalid_subtasks_are_held_back(fleet, world, bad, reason):
    p = StreamingPlanParser(fleet, world)
    got = feed_chars(p, json.dumps({"tasks": [GO, bad, DIG]}))
    assert [t for t, _ in got] == ["go_1", "dig_1"]
    assert any(reason in h for h in p.held), p.held


def test_narrowing_holds_back_disallowed_skills(fleet, world):
    p = StreamingPlanParser(fleet, world, narrowing=Narrowing.of(skills=["target_area_for_specific_robots"]))
    assert [t for t, _ in feed_chars(p, json.dumps({"tasks": [GO, DIG]}))] == ["go_1"]


def test_strings_with_brackets_and_a_nested_tasks_key_do_not_confuse_it(fleet, world):
    tricky = {"note": 'a "tasks": [ { } ] string', "meta": {"tasks": [GO]}, "tasks": [GO, DIG]}
    p = StreamingPlanParser(fleet, world)
    assert [t for t, _ in feed_chars(p, json.dumps(tricky))] == ["go_1", "dig_1"]


def test_trailing_commas_in_a_task_are_tolerated(fleet, world):
    text = json.dumps({"tasks": [GO]}).replace('["soil1"]', '["soil1",],')
    p = StreamingPlanParser(fleet, world)
    assert [t for t, _ in feed_chars(p, text)] == ["go_1"]


def test_duplicate_names_are_not_dispatched_twice(fleet, world):
    p = StreamingPlanParser(fleet, world)
    assert [t for t, _ in feed_chars(p, json.dumps({"tasks": [GO, GO]}))] == ["go_1"]


def test_restart_keeps_what_was_dispatched(fleet, world):
    calls = []
    p = StreamingPlanParser(fleet, world, on_subtask=lambda s: calls.append(s.id))
    feed_chars(
        p, json.dumps({"tasks": [GO, task("dig_1", "Excavation", ["robot_excavator_09"], deps=["go_1"])]})
    )
    p.restart()
    moved = task("go_1", "target_area_for_specific_robots", ["robot_excavator_01"], objs=["soil2"])
    feed_chars(p, json.dumps({"tasks": [moved, DIG]}))
    assert calls == ["go_1", "dig_1"]  # go_1 not again; dig_1 may use the go_1 dispatched before
    assert p.conflicts == ["go_1"]
    p.restart()
    feed_chars(p, json.dumps({"tasks": [GO, DIG, LOAD]}))
    assert calls == ["go_1", "dig_1", "load_1"]


def test_hostile_streams_stop_emitting_quietly(fleet, world):
    p = StreamingPlanParser(fleet, world, max_chars=50_000)
    assert p.feed("{" * 100_000) == []
    p.restart()
    assert p.feed('{"tasks": [' + "[" * 10_000) == []
    p.restart()
    assert p.feed("x" * 60_000) == [] and p.feed(json.dumps({"tasks": [GO]})) == []


def test_chunking_does_not_change_the_result(fleet, world):
    text = json.dumps({"tasks": [GO, DIG, LOAD]})
    whole = StreamingPlanParser(fleet, world)
    assert [s.id for s in whole.feed(text)] == ["go_1", "dig_1", "load_1"]
    for size in (1, 2, 7, 64):
        p = StreamingPlanParser(fleet, world)
        ids = [s.id for i in range(0, len(text), size) for s in p.feed(text[i : i + size])]
        assert ids == ["go_1", "dig_1", "load_1"], size
        assert [e.offset for e in p.emitted] == [e.offset for e in whole.emitted], size


def test_emission_records_time_and_offset(fleet, world):
    ticks = iter(range(100))
    p = StreamingPlanParser(fleet, world, clock=lambda: float(next(ticks)))
    text = json.dumps({"tasks": [GO]})
    p.feed(text)
    assert p.first_dispatch_s == 1.0 and p.emitted[0].offset == len(text) - 2  # before the closing "]}"
