"""The one-process runner (``dart-planner ros``): node set, parameters, and a run to the end."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from typing import Any

import pytest
from conftest import ROOT, spin_until
from fake_robots import FakeRobots
from planner_helpers import running

from dart_planner.core.errors import ConfigError
from dart_planner.core.fleet import load_fleet
from dart_planner.nodes.runner import StackOptions, build_stack
from dart_planner.resources import default_fleet_path

pytestmark = pytest.mark.ros

FLEET = load_fleet(default_fleet_path())
ROBOT_SIDE = all(importlib.util.find_spec(f"dart_planner.nodes.{m}") is not None
                 for m in ("sim_node", "actuation_node", "detector_node"))


def _param(node: Any, name: str) -> Any:
    return node.get_parameter(name).value


def test_planner_only_stack_has_both_planner_nodes_in_the_namespace(ros_context, tmp_path) -> None:
    safety = tmp_path / "safety.yaml"
    safety.write_text("speed_limits:\n  dump_truck: 0.9\n")
    nodes = build_stack(StackOptions(namespace="site_b", with_sim=False, with_actuation=False,
                                     with_detector=False, require_approval=True, backend="rules",
                                     policy="dart_baseline", safety_file=str(safety)), ros_context)
    try:
        by_name = {n.get_name(): n for n in nodes}
        assert sorted(by_name) == ["allocator_node", "language_node"]
        assert {n.get_namespace() for n in nodes} == {"/site_b"}
        alloc = by_name["allocator_node"]
        assert _param(alloc, "require_approval") is True and _param(alloc, "policy") == "dart_baseline"
        assert _param(alloc, "safety_file") == str(safety) and dict(alloc.safety.speed_limits) == {"dump_truck": 0.9}
        assert _param(by_name["language_node"], "backend") == "rules"
        assert _param(alloc, "fleet_file").endswith("config/fleet.yaml")
        topics = {name for name, _ in alloc.get_publisher_names_and_types_by_node("allocator_node", "/site_b")}
        assert {"/site_b/plan_status", "/site_b/assignments", "/site_b/keepout"} <= topics
    finally:
        for n in nodes:
            n.destroy_node()


@pytest.mark.skipif(ROBOT_SIDE, reason="the robot-side nodes are installed")
def test_a_missing_robot_side_node_is_a_config_error_naming_the_flag(ros_context) -> None:
    with pytest.raises(ConfigError, match="--no-"):
        build_stack(StackOptions(), ros_context)


@pytest.mark.skipif(not ROBOT_SIDE, reason="needs sim_node, actuation_node and detector_node")
def test_full_stack_matches_the_launch_file_node_set(ros_context) -> None:
    nodes = build_stack(StackOptions(sim_time_scale=2.0), ros_context)
    try:
        names = sorted((n.get_namespace(), n.get_name()) for n in nodes)
        expected = sorted([("/dart", "language_node"), ("/dart", "allocator_node"), ("/dart", "detector_node"),
                           ("/dart", "sim_node")] + [("/" + r.namespace.strip("/"), "actuation_node")
                                                     for r in FLEET.robots])
        assert names == expected
        for n in nodes:
            if n.get_name() == "actuation_node":
                assert _param(n, "robot_id") == n.get_namespace().strip("/")
                assert _param(n, "planner_namespace") == "/dart"
            if n.get_name() == "sim_node":
                assert _param(n, "time_scale") == 2.0 and _param(n, "publish_clock") is True
            else:  # a scaled sim: every other node follows its /clock, as with dart.launch.py
                assert _param(n, "use_sim_time") is True
    finally:
        for n in nodes:
            n.destroy_node()


def test_runner_process_drives_an_instruction_to_success(ros_context, ros_node, ros_domain, tmp_path) -> None:
    """``python -m dart_planner.cli.ros_cmd`` (what ``dart-planner ros`` runs) as a real process with
    the planner nodes only; a test double answers for the robots. ``--safety-file`` reaches the
    allocator: its speed limit is on every goal."""
    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 0.3)
    journal = tmp_path / "journal.jsonl"
    safety = tmp_path / "safety.yaml"
    safety.write_text("speed_limits:\n  dump_truck: 0.7\n")
    with running(ros_context, robots):
        log = (tmp_path / "runner.log").open("wb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "dart_planner.cli.ros_cmd", "--no-sim", "--no-actuation", "--no-detector",
             "--instruction", "Dump truck 2 goes to rock 1 while dump truck 3 goes to rock 2.",
             "--exit-when-done", "--duration", "40", "--journal", str(journal), "--safety-file", str(safety)],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
            log.close()
        spin_until(ros_node, lambda: False, 0.1)
    output = (tmp_path / "runner.log").read_text(errors="replace")
    assert code == 0, output[-3000:]
    assert sorted(g.robot_id for g in robots.goals()) == ["robot_dump_truck_02", "robot_dump_truck_03"]
    assert {g.params["max_speed"] for g in robots.goals()} == {0.7}
    assert "succeeded" in output and journal.exists()
    assert any('"to":"succeeded"' in line for line in journal.read_text().splitlines())


@pytest.mark.slow
@pytest.mark.skipif(not all(importlib.util.find_spec(f"dart_planner.nodes.{m}") is not None
                            for m in ("sim_node", "actuation_node")), reason="needs sim_node and actuation_node")
def test_one_process_full_stack_with_the_simulator_runs_an_l2_instruction(ros_domain, tmp_path) -> None:
    log = tmp_path / "runner.log"
    with log.open("wb") as out:
        proc = subprocess.run(
            [sys.executable, "-m", "dart_planner.cli.ros_cmd", "--no-detector", "--sim-time-scale", "3",
             "--instruction", "First, all robots must avoid puddle 1. After that, send truck 1 to rock 1 and "
                              "truck 2 to rock 2.", "--exit-when-done", "--duration", "150"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=200)
    output = log.read_text(errors="replace")
    assert proc.returncode == 0, output[-3000:]
    assert "finished: succeeded" in output
