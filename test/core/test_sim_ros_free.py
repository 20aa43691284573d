"""The simulator speed benchmark (ROS-freeness of dart_planner.sim: test_core_is_ros_free.py)."""

from __future__ import annotations


def test_sim_speed_benchmark_reports_a_consistent_run() -> None:
    from dart_planner.bench.sim_speed import measure_sim_speed

    report = measure_sim_speed(sim_seconds=60.0)
    assert report.steps == 600 and report.robots == 6 and report.sim_seconds == 60.0
    assert report.goals >= 6 and report.speedup > 0 and report.idle_speedup > 0
    assert report.collisions == 0 and report.keepout_violations == 0
