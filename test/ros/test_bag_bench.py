"""The replay benchmark runs end to end on a small bag (its figures are not asserted here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("rclpy")
from dart_planner.bench.bag_replay import main  # noqa: E402

pytestmark = [pytest.mark.ros, pytest.mark.slow, pytest.mark.timeout(120)]


def test_bag_replay_benchmark_reports_a_complete_replay(ros_domain: int, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--minutes", "0.1", "--rate", "10", "--baseline-seconds", "1", "--pairs", "1", "--workdir", str(tmp_path)]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    replay, (baseline,) = report["replay"], report["baseline"]
    # 6 s of 6 robots' odom at 20 Hz + status at 2 Hz + 1 image/s + the task graph
    assert report["bag_messages"] == 6 * (6 * 20 + 2 + 1) + 1
    assert replay["messages"] == report["bag_messages"]
    assert replay["delivered"] >= 0.9 * replay["messages"]
    assert replay["bag_span_s"] == pytest.approx(6.0, abs=0.6)
    assert replay["achieved_factor"] == pytest.approx(10.0, rel=0.3)
    assert baseline["label"] == "naive_0" and baseline["bag_span_s"] == pytest.approx(1.0, abs=0.2)
    assert report["window"][0]["bag_span_s"] == pytest.approx(1.0, abs=0.2)
    assert report["p95_ratio_to_baseline"] > 0
    assert report["load_avg"] and report["cpus"] >= 1
