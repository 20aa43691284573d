"""`python -m dart_planner.bench.reliability`: the hostile-input cost table and the closing table."""

from __future__ import annotations

import json

import pytest

from dart_planner.bench.reliability import bench_parse_cost, hostile_inputs, main


def test_hostile_inputs_have_the_asked_size_and_all_fail_closed(fleet, world):
    for size in (1_000, 10_000):
        for kind, text in hostile_inputs(size).items():
            assert 0.5 * size <= len(text) <= 1.5 * size + 20, kind
    rows = bench_parse_cost(fleet, world, sizes=(10_000,), repeat=1)
    assert {r.kind for r in rows} == set(hostile_inputs(10_000))
    assert all(r.outcome == "PlanFormatError" for r in rows), [(r.kind, r.outcome) for r in rows]
    assert all(r.baseline_ms > 0 and r.parse_ms >= 0 for r in rows)


@pytest.mark.slow
def test_the_benchmark_prints_the_closing_table(capsys):
    assert main(["--cases", "60", "--plans", "3", "--quick", "--paths", "parse,pipeline,stream", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    table = out["table"]
    for row in ("cases tried", "crashes", "unsafe dispatches", "plans lost", "duplicates", "faults survived",
                "load throughput", "load dispatch latency READY->RUNNING"):
        assert row in table, row
    assert table["crashes"] == "0" and table["unsafe dispatches"] == "0"
    assert table["plans lost"] == "0" and table["duplicates"] == "0"
    assert out["fuzz"]["runs"] == 3 * out["fuzz"]["cases"]
