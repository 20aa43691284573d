"""``bag info`` without ROS: topic counts, time span, plans and their last reported state."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from dart_planner.bag import BagFormat, BagWriter, TypeRegistry, bag_info
from dart_planner.bag.info import format_info
from dart_planner.cli.bag_cmd import bag_app
from dart_planner.core.envelope import encode

pytestmark = pytest.mark.timeout(20)

S = 1_000_000_000
T0 = 1_700_000_000 * S


def _plan_bag(path: Path, fmt: BagFormat) -> None:
    """Two plans (one succeeds, one fails), a status for a plan never seen, a broken status, odom."""
    reg = TypeRegistry()
    string = reg.store.types["std_msgs/msg/String"]
    with BagWriter(path, fmt, registry=reg) as bag:
        for topic in ("/dart/instruction", "/dart/task_graph", "/dart/plan_status"):
            bag.add_topic(topic, "std_msgs/msg/String")
        bag.add_topic("/robot_a/odom", "nav_msgs/msg/Odometry")

        def say(topic: str, at: float, text: str) -> None:
            bag.write_object(topic, T0 + int(at * S), string(data=text))

        say("/dart/instruction", 0.0, "dig soil1 then dump it")
        say("/dart/instruction", 0.5, encode("instruction", {"id": "i2", "text": "avoid puddle1"}))
        say("/dart/task_graph", 1.0, encode("task_graph", {
            "plan_id": "plan-a", "instruction": "dig soil1 then dump it",
            "plan": {"tasks": [{"task": "dig"}, {"task": "dump"}]}}))
        say("/dart/task_graph", 1.5, encode("task_graph", {
            "plan": {"schema": "dart_planner/plan@1", "plan_id": "plan-b", "instruction": "avoid puddle1",
                     "subtasks": [{"id": "t1"}]}}))
        for at, pid, state in ((2.0, "plan-a", "active"), (2.5, "plan-b", "active"), (3.0, "plan-a", "active"),
                               (4.0, "plan-b", "failed"), (6.0, "plan-a", "succeeded"), (6.5, "plan-z", "active")):
            extra = {"error": "robot_dump_truck_01 timed out"} if state == "failed" else {}
            say("/dart/plan_status", at, encode("plan_status", {"plan_id": pid, "state": state, **extra}))
        say("/dart/plan_status", 7.0, '{"schema": "dart_planner/plan_status@9", "plan_id": "plan-a"}')
        odom = reg.store.types["nav_msgs/msg/Odometry"]
        header = reg.store.types["std_msgs/msg/Header"]
        stamp = reg.store.types["builtin_interfaces/msg/Time"]
        geom = reg.store.types
        for k in range(81):  # 20 Hz for 4 s, from t=0
            msg = odom(
                header=header(stamp=stamp(sec=k, nanosec=0), frame_id="odom"), child_frame_id="robot_a",
                pose=geom["geometry_msgs/msg/PoseWithCovariance"](
                    pose=geom["geometry_msgs/msg/Pose"](
                        position=geom["geometry_msgs/msg/Point"](x=float(k), y=0.0, z=0.0),
                        orientation=geom["geometry_msgs/msg/Quaternion"](x=0.0, y=0.0, z=0.0, w=1.0)),
                    covariance=np.zeros(36)),
                twist=geom["geometry_msgs/msg/TwistWithCovariance"](
                    twist=geom["geometry_msgs/msg/Twist"](
                        linear=geom["geometry_msgs/msg/Vector3"](x=0.0, y=0.0, z=0.0),
                        angular=geom["geometry_msgs/msg/Vector3"](x=0.0, y=0.0, z=0.0)),
                    covariance=np.zeros(36)))
            bag.write_object("/robot_a/odom", T0 + k * S // 20, msg)


@pytest.mark.parametrize("fmt", [BagFormat.MCAP, BagFormat.SQLITE3])
def test_info_counts_topics_and_finds_plans_with_their_last_state(tmp_path: Path, fmt: BagFormat) -> None:
    _plan_bag(tmp_path / "bag", fmt)
    info = bag_info(tmp_path / "bag")
    assert info.format is fmt
    counts = {t.name: t.count for t in info.topics}
    assert counts == {"/dart/instruction": 2, "/dart/task_graph": 2, "/dart/plan_status": 7, "/robot_a/odom": 81}
    assert info.message_count == 92
    assert info.duration_s == pytest.approx(7.0)
    odom = next(t for t in info.topics if t.name == "/robot_a/odom")
    assert odom.rate_hz == pytest.approx(20.0)
    assert info.outcomes() == {"plan-a": "succeeded", "plan-b": "failed"}
    a, b = info.plans
    assert (a.plan_id, a.instruction, a.subtasks, a.status_messages) == ("plan-a", "dig soil1 then dump it", 2, 3)
    assert a.first_seen_s == pytest.approx(1.0) and a.outcome_at_s == pytest.approx(6.0)
    assert (b.plan_id, b.instruction, b.subtasks, b.reason) == ("plan-b", "avoid puddle1", 1,
                                                                "robot_dump_truck_01 timed out")
    assert [(i.text, i.instruction_id) for i in info.instructions] == [
        ("dig soil1 then dump it", None), ("avoid puddle1", "i2")]
    assert info.orphan_statuses == ("plan-z",)
    assert info.unparsed == 1  # the @9 status: a newer schema is reported, not guessed at
    text = format_info(info)
    assert "plan-a  succeeded" in text and "plan-b  failed (robot_dump_truck_01 timed out)" in text


def test_bag_info_command_prints_text_and_json(tmp_path: Path) -> None:
    _plan_bag(tmp_path / "bag", BagFormat.MCAP)
    app = typer.Typer()  # wired as the lead wires it into ``dart-planner``
    app.add_typer(bag_app, name="bag")
    runner = CliRunner()
    done = runner.invoke(app, ["bag", "info", str(tmp_path / "bag"), "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert data["format"] == "mcap" and data["message_count"] == 92
    assert {p["plan_id"]: p["outcome"] for p in data["plans"]} == {"plan-a": "succeeded", "plan-b": "failed"}
    done = runner.invoke(app, ["bag", "info", str(tmp_path / "bag")])
    assert done.exit_code == 0 and "/robot_a/odom" in done.output
    missing = runner.invoke(app, ["bag", "info", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "no bag at" in missing.output
