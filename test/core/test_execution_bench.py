"""The execution benchmark runs and measures what it says (numbers are not asserted)."""

from __future__ import annotations

import json

from dart_planner.bench.execution import bench_execution, main, scaled_fleet


def test_bench_counts_the_same_transitions_as_its_baseline(fleet, world):
    report = bench_execution(fleet, world, subtasks=30, robots=8, repeat=1)
    assert report.subtasks == 30 and report.robots == 8
    assert report.transitions == 3 * 30  # pending->ready->running->succeeded for every subtask
    for value in (report.baseline_us, report.engine_us, report.journal_fsync_us, report.restore_ms):
        assert value > 0
    assert report.engine_ratio == report.engine_us / report.baseline_us


def test_scaled_fleet_keeps_types_and_skills(fleet):
    big = scaled_fleet(fleet, 20)
    assert len(big.robot_ids) == len(set(big.robot_ids)) == 20
    assert {r.type for r in big.robots} == {r.type for r in fleet.robots}
    assert all(r.skills == fleet.of_type(r.type)[0].skills for r in big.robots)


def test_bench_main_prints_json(capsys):
    assert main(["12", "4"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["transitions"] == 36 and "engine_ratio" in out
