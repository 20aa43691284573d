"""Smoke tests of the language-layer benchmarks (numbers are reported, never asserted)."""

from __future__ import annotations

from pathlib import Path

from dart_planner.bench.llm_overhead import bench_llm_overhead, crew_plan
from dart_planner.bench.streaming import bench_streaming, summarize
from dart_planner.core.validate import validate_plan
from dart_planner.llm.examples import ExampleLibrary

ROOT = Path(__file__).resolve().parents[2]


def test_crew_plan_is_valid_for_any_size(fleet, world):
    for n in (1, 5, 20, 33):
        g = crew_plan(n, fleet, world)
        assert len(g) == n and validate_plan(g, fleet, world).ok


def test_overhead_bench_runs_and_reports_every_part(fleet, world):
    r = bench_llm_overhead(fleet, world, subtasks=20, repeats=3)
    d = r.to_dict()
    for key in (
        "prompt_ms",
        "schema_ms",
        "parse_ms",
        "validate_ms",
        "pipeline_overhead_ms",
        "baseline_json_ms",
    ):
        assert d[key] > 0, key
    assert r.reply_chars > 1000 and r.ratio_to_baseline > 0


def test_streaming_bench_dispatches_before_the_plan_is_complete(fleet, world):
    lib = ExampleLibrary.load(ROOT / "config" / "examples", fleet, world)
    chosen = [e for e in lib.examples if len(e.graph) >= 3][:2]
    rows = bench_streaming(chosen, fleet, world, chars_per_s=40_000, chunk_chars=16)
    assert len(rows) == len(chosen)
    for row in rows:
        assert row.dispatched_early >= 1
        assert row.ttfd_s <= row.stream_full_s
    assert set(summarize(rows)) == {e.level for e in chosen}
