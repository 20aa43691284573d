"""The validation benchmark produces valid plans of the requested size and sane rows."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dart_planner.bench.validation import random_dart_plan
from dart_planner.cli import app
from dart_planner.core.plan import load_plan_document
from dart_planner.core.validate import validate_plan


def test_random_plans_are_valid(fleet, world) -> None:
    for n in (1, 50, 500):
        g = load_plan_document(random_dart_plan(n, fleet, world, seed=n))
        assert len(g) == n
        assert validate_plan(g, fleet, world).ok


def test_bench_cli_json() -> None:
    res = CliRunner().invoke(app, ["bench", "validation", "--sizes", "10,30", "--repeat", "1", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["subtasks"] for r in rows] == [10, 30]
    assert all(r["errors"] == 0 and r["total_ms"] > 0 for r in rows)
