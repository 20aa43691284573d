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
