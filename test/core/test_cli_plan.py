"""`dart-planner plan`: output formats, PNG rendering and exit codes scripts rely on."""

from __future__ import annotations

import json

import pytest
from example_data import example_files
from typer.testing import CliRunner

from dart_planner.cli import app
from dart_planner.cli.exit_codes import ExitCode

runner = CliRunner()


@pytest.fixture()
def example_path():
    return example_files()[0]


def test_plan_table_shows_layers(example_path) -> None:
    res = runner.invoke(app, ["plan", "--plan-file", str(example_path)])
    assert res.exit_code == ExitCode.OK, res.output
    doc = json.loads(example_path.read_text())
    assert doc["plan"]["tasks"][0]["task"][:20] in res.output.replace("\n", "")


@pytest.mark.parametrize("fmt", ["json", "dart", "dot", "mermaid"])
def test_plan_formats(example_path, fmt) -> None:
    res = runner.invoke(app, ["plan", "-p", str(example_path), "--format", fmt])
    assert res.exit_code == ExitCode.OK, res.output
    doc = json.loads(example_path.read_text())
    if fmt == "dart":
        assert json.loads(res.stdout) == doc["plan"]
    elif fmt == "json":
        assert json.loads(res.stdout)["schema"] == "dart_planner/plan@1"
    elif fmt == "dot":
        assert res.stdout.startswith("digraph plan {")
    else:
        assert res.stdout.startswith("flowchart LR")


def test_png(example_path, tmp_path) -> None:
    out = tmp_path / "dag.png"
    res = runner.invoke(app, ["plan", "-p", str(example_path), "--png", str(out)])
    assert res.exit_code == ExitCode.OK, res.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_exit_codes(tmp_path) -> None:
    bad_json = tmp_path / "a.json"
    bad_json.write_text("{not json")
    assert runner.invoke(app, ["plan", "-p", str(bad_json)]).exit_code == ExitCode.MALFORMED_PLAN
    invalid = tmp_path / "b.json"
    invalid.write_text(json.dumps({"tasks": [{"task": "t", "instruction_function": {
        "name": "Fly", "robot_ids": ["robot_excavator_01"], "dependencies": [], "object_keywords": []}}]}))
    res = runner.invoke(app, ["plan", "-p", str(invalid)])
    assert res.exit_code == ExitCode.INVALID_PLAN
    assert "unknown skill 'Fly'" in res.output
    bad_cfg = tmp_path / "fleet.yaml"
    bad_cfg.write_text("robots: 3\n")
    res = runner.invoke(app, ["plan", "-p", str(invalid), "--fleet", str(bad_cfg)])
    assert res.exit_code == ExitCode.CONFIG_ERROR
    assert runner.invoke(app, ["plan", "-p", str(tmp_path / "missing.json")]).exit_code == ExitCode.MALFORMED_PLAN


def test_plan_instruction_with_allocation_and_gantt(tmp_path) -> None:
    gantt = tmp_path / "g.png"
    res = runner.invoke(app, ["plan", "Dump truck 2 goes to rock 1, then it returns to start.", "--format", "dart",
                              "--gantt", str(gantt), "--no-memory"])
    assert res.exit_code == ExitCode.OK, res.output
    assert gantt.read_bytes()[:4] == b"\x89PNG"
    assert "robot_dump_truck_02" in res.stdout and "makespan" in res.stdout


def test_plan_instruction_that_cannot_be_planned() -> None:
    res = runner.invoke(app, ["plan", "Sing a song about the moon.", "--no-memory"])
    assert res.exit_code == ExitCode.PLANNING_FAILED
    assert "planning failed" in res.output


def test_batch_planning_keeps_going_past_bad_lines(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "instruction": "Excavator 2 goes to rock 1."}\n'
                   '{"id": "b", "instruction": "Sing a song about the moon."}\n'
                   "not json\n\n"
                   '{"id": "d", "text": "wrong key"}\n')
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["plan", "--batch", str(src), "--out", str(out), "--no-memory"])
    assert res.exit_code == ExitCode.OK, res.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", 3, 5]
    assert rows[0]["plan"]["tasks"][0]["instruction_function"]["robot_ids"] == ["robot_excavator_02"]
    assert [r["plan"] is None for r in rows] == [False, True, True, True]
    assert all("error" in r for r in rows[1:])


def test_plan_needs_exactly_one_source(example_path) -> None:
    assert runner.invoke(app, ["plan"]).exit_code == ExitCode.USAGE
    assert runner.invoke(app, ["plan", "go", "-p", str(example_path)]).exit_code == ExitCode.USAGE


def test_plan_shows_what_the_layout_pass_kept_apart_and_keeps_the_pasted_text() -> None:
    ticket = "WHO: dump truck 1\nWHAT: go to soil 1\nNOTE: excavator 1 digs at soil 1"
    res = runner.invoke(app, ["plan", ticket, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert "layout" in res.output and "'NOTE' kept as a sentence of its own" in res.output
    from dart_planner.core.fleet import load_fleet
    from dart_planner.core.world import load_world
    from dart_planner.llm.rules.planner import rules_plan
    from dart_planner.resources import default_fleet_path, default_world_path

    rp = rules_plan(ticket, load_fleet(default_fleet_path()), load_world(default_world_path()))
    assert rp.graph.instruction == ticket  # not the sentences it was read as
    assert {s.skill for s in rp.graph.subtasks} == {"target_area_for_specific_robots", "Excavation"}
