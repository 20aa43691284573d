"""What people see: the Gantt PNG, the schedule tables, the benchmark rows."""

from __future__ import annotations

import pytest
from example_data import example_files
from rich.console import Console

from dart_planner.bench.allocation import (
    AllocationRow,
    free_choice_gain,
    free_choice_variant,
    headline,
    run_allocation_benchmark,
    summarize,
)
from dart_planner.cli.allocate_view import print_schedule
from dart_planner.core.allocate import allocate
from dart_planner.core.plan import load_plan_document
from dart_planner.viz.gantt import render_gantt

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def example(examples):
    if not examples:
        pytest.skip("no example plans yet")
    name = max(examples, key=lambda k: len(examples[k]["plan"]["tasks"]))
    return load_plan_document(examples[name])


def test_gantt_png_with_planned_and_actual_bars(tmp_path, fleet, world, example):
    s = allocate(example, fleet, world)
    out = render_gantt(s, tmp_path / "sub" / "gantt.png")
    assert out.read_bytes()[:8] == PNG_MAGIC
    actual = {tid: (a.robot_ids, a.start + 2.0, a.finish + 5.0) for tid, a in s.assignments.items()}
    out2 = render_gantt(s, tmp_path / "actual.png", actual=actual, title="planned vs actual")
    assert out2.read_bytes()[:8] == PNG_MAGIC
    assert out2.stat().st_size != out.stat().st_size  # the actual bars are drawn


def test_print_schedule_lists_every_task_robot_and_the_quality_line(fleet, world, example):
    s = allocate(example, fleet, world, "exact")
    console = Console(record=True, width=250)
    print_schedule(s, example, console)
    text = console.export_text()
    for tid in example.ids:
        assert tid in text
    for rid in s.robot_order:
        assert rid in text
    assert f"makespan {s.makespan:.1f} s" in text
    assert "proven optimal" in text if s.optimal else "within" in text


def test_free_choice_variant_replaces_named_robots_by_type_and_count(fleet, examples):
    for path in example_files():
        graph = load_plan_document(path.read_bytes())
        free = free_choice_variant(graph, fleet)
        for before, after in zip(graph.subtasks, free.subtasks):
            if before.robot_ids and fleet.skills[before.skill].scope.value == "specific":
                assert after.robot_ids == ()
                assert sum(after.robot_count) == len(before.robot_ids)
            else:
                assert after == before


def test_benchmark_rows_are_consistent(fleet, world):
    rows = run_allocation_benchmark(quick=True, suites=("small",), time_limit_s=5.0, fleet=fleet, world=world)
    policies = {r.policy for r in rows}
    assert policies == {"dart_baseline", "heuristic", "exact"}
    for r in rows:
        assert r.lower_bound <= r.makespan + 1e-9
        assert r.violations == 0  # every policy's schedule keeps the rules (soil carrying included)
        if r.optimum is not None:
            assert r.makespan >= r.optimum - 1e-9  # nothing beats a proven optimum
        if r.policy == "dart_baseline":
            assert r.ratio_baseline == pytest.approx(1.0)
    summary = {s.policy: s for s in summarize(rows)}
    assert summary["exact"].mean_ratio_opt == pytest.approx(1.0)
    assert summary["heuristic"].mean_ratio_baseline <= 1.0 + 1e-9
    assert any(line.startswith("heuristic vs exact optimum") for line in headline(rows))
    assert f"schedules breaking an allocation rule (verify_schedule): 0 of {len(rows)}" in headline(rows)


def test_show_allocation_prints_json_and_draws_the_gantt(tmp_path, fleet, world, example):
    import json

    from dart_planner.cli.allocate_view import AllocationPolicy, show_allocation

    console = Console(record=True, width=200)
    out = tmp_path / "g.png"
    s = show_allocation(example, fleet, world, console, AllocationPolicy.exact, gantt=out, as_json=True)
    doc = json.loads(console.export_text())
    assert doc["policy"] == "exact" and doc["makespan"] == pytest.approx(s.makespan)
    assert [a["task"] for a in doc["assignments"]] == sorted(
        s.assignments, key=lambda t: (s.assignments[t].start, t)
    )
    assert {a["task"]: tuple(a["robots"]) for a in doc["assignments"]} == {
        t: a.robot_ids for t, a in s.assignments.items()
    }
    assert out.read_bytes()[:8] == PNG_MAGIC


def test_bench_json_rows_and_the_free_choice_headline(fleet, world):
    """`bench allocation --json` gives one row per (example, policy) with its gain over
    dart_baseline; the headline's free-choice figures are those rows' mean/min/max."""
    import dataclasses
    import json

    from typer.testing import CliRunner

    from dart_planner.cli import app

    res = CliRunner().invoke(app, ["bench", "allocation", "--suite", "examples", "--json", "--time-limit", "5"])
    assert res.exit_code == 0, res.output
    docs = json.loads(res.stdout)
    names = {f.name for f in dataclasses.fields(AllocationRow)}
    rows = [AllocationRow(**{k: v for k, v in d.items() if k in names}) for d in docs]
    for d in docs:
        assert d["shorter_than_baseline"] == pytest.approx(1.0 - d["makespan"] / d["baseline"])
        assert d["violations"] == 0
    free = {r.instance for r in rows if r.free_choice and r.level in ("L2", "L3")}
    assert len(free) >= 10  # the example library holds plans that leave robot choice open
    stats = free_choice_gain(rows, "examples")
    assert stats is not None and stats["instances"] == len(free)
    h, e = stats["policies"]["heuristic"], stats["policies"]["exact"]
    gains = [d["shorter_than_baseline"] for d in docs if d["instance"] in free and d["policy"] == "heuristic"]
    assert h["mean"] == pytest.approx(sum(gains) / len(gains))
    assert h["min"] == pytest.approx(min(gains)) and h["max"] == pytest.approx(max(gains))
    assert e["solved"] == len(free) and e["mean"] >= h["mean"] - 1e-9  # a proven optimum is no longer
    line = next(x for x in headline(rows) if x.startswith("L2/L3 free-choice examples"))
    assert f"heuristic mean {100 * h['mean']:.1f}%" in line and f"{e['solved']} proven optimal" in line
