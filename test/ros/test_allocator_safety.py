"""allocator_node's safety gate on a real ROS graph: geofence, approval, e-stop, keep-outs, speed.

The allocator runs in-process (as in test_allocator_node.py) against the FakeRobots test
double, which records every message on every robot's goal topic: "no goal" below means that
nothing at all reached any robot topic. Each test writes its own safety file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import spin_until
from fake_robots import FakeRobots
from planner_helpers import PlannerProbe, allocator, graph_msg, running

from dart_planner.core.errors import ConfigError
from dart_planner.core.fleet import load_fleet
from dart_planner.core.plan import TaskGraph, load_plan_document
from dart_planner.resources import default_fleet_path, examples_dir

pytestmark = pytest.mark.ros

FLEET = load_fleet(default_fleet_path())
NAV = "target_area_for_specific_robots"
T1, T2 = "robot_dump_truck_01", "robot_dump_truck_02"


def example(name: str) -> TaskGraph:
    path = next(examples_dir().glob(f"{name}*.json"))
    return load_plan_document(json.loads(path.read_text()))


def plan(plan_id: str, *tasks: tuple[str, str, list[str], list[str], list[str]],
         params: dict[str, Any] | None = None) -> TaskGraph:
    """A plan of (task, skill, robots, objects, dependencies) tuples."""
    body = [{"task": t, "instruction_function": {"name": skill, "robot_ids": robots, "object_keywords": objs,
                                                 "dependencies": deps, **({"params": params} if params else {})}}
            for t, skill, robots, objs, deps in tasks]
    return TaskGraph.from_dart({"tasks": body}, plan_id=plan_id)



def safety_file(tmp_path: Path, **policy: Any) -> str:
    path = tmp_path / "safety.yaml"
    path.write_text(yaml.safe_dump(policy))
    return str(path)



@pytest.fixture()
def probe(ros_node: Any) -> PlannerProbe:
    return PlannerProbe(ros_node)


def rejection(probe: PlannerProbe, plan_id: str) -> dict[str, Any] | None:
    return probe.status.last(lambda p: p.get("plan_id") == plan_id and p.get("state") == "rejected")


def test_targets_outside_the_geofence_are_rejected_with_every_reason_and_nothing_moves(
        ros_context, ros_node, probe, tmp_path) -> None:
    # a 9 m margin shrinks the +-30 m site to +-21 m: rock1 (-22, -4) and rock2 (22, 22) lie outside it
    policy = safety_file(tmp_path, geofence={"margin_m": 9.0})
    outside = plan("p-fence", ("go_1", NAV, [T1], ["rock1"], []), ("go_2", NAV, [T2], ["rock2"], []),
                   ("go_3", NAV, [T2], ["puddle1"], ["go_2"]))
    inside = plan("p-inside", ("go_1", NAV, [T1], ["puddle2"], []))
    robots = FakeRobots(FLEET, ros_context)
    node = allocator(ros_context, safety_file=policy)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(outside, "i-fence"))
        assert probe.wait_state(outside.plan_id, ("rejected",), 10), probe.status.payloads[-3:]
        spin_until(ros_node, lambda: False, 1.0)  # a second more: nothing may reach a robot
        received_after_refusal = list(robots.received)
        plans_after_refusal = node.engine.plans()
        probe.publish(probe.task_graph_pub, graph_msg(inside, "i-inside"))  # the node goes on
        assert probe.wait_state(inside.plan_id, ("succeeded",)), probe.status.payloads[-3:]
    record = rejection(probe, outside.plan_id)
    assert record is not None and record["instruction_id"] == "i-fence"
    assert received_after_refusal == [] and plans_after_refusal == ()
    reasons = record["reasons"]
    assert len(reasons) == 2  # one per offending target; go_3 (puddle1) is fine
    assert any("go_1" in r and "rock1" in r and "geofence" in r for r in reasons)
    assert any("go_2" in r and "rock2" in r and "geofence" in r for r in reasons)
    assert "safety gate" in record["error"] and all(r in record["error"] for r in reasons)
    assert [g.target for g in robots.goals()] == ["puddle2"]


def test_a_plan_using_a_skill_that_needs_approval_waits_until_approve_and_others_run(
        ros_context, ros_node, probe, tmp_path) -> None:
    policy = safety_file(tmp_path, approval={"skills": ["dig"]})
    dig = example("L1_03")  # drive to soil1, then Excavation (action dig)
    drive = plan("p-drive", ("go_1", NAV, [T2], ["puddle2"], []))
    robots = FakeRobots(FLEET, ros_context)
    with running(ros_context, allocator(ros_context, safety_file=policy), robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(dig, "i-dig"))
        assert probe.wait_state(dig.plan_id, ("awaiting_approval",), 10)
        probe.publish(probe.task_graph_pub, graph_msg(drive, "i-drive"))
        assert probe.wait_state(drive.plan_id, ("succeeded",))  # no listed skill: runs at once
        spin_until(ros_node, lambda: False, 0.5)
        held = [g for g in robots.goals() if g.plan_id == dig.plan_id]
        waiting = probe.status.last(lambda p: p.get("plan_id") == dig.plan_id)
        answer = probe.trigger("approve")
        assert probe.wait_state(dig.plan_id, ("succeeded",)), probe.status.payloads[-3:]
    assert held == []
    assert waiting["state"] == "awaiting_approval"
    assert any("Excavation" in r for r in waiting["approval_reasons"])
    assert answer.success and dig.plan_id in answer.message
    ran = [(g.task_id, g.robot_id) for g in robots.goals() if g.plan_id == dig.plan_id]
    assert sorted(ran) == [("Excavation_1", "robot_excavator_02"),
                           ("target_area_for_specific_robots_1", "robot_excavator_02")]


def test_require_approval_holds_every_plan_whatever_the_safety_file_selects(
        ros_context, ros_node, probe, tmp_path) -> None:
    policy = safety_file(tmp_path, approval={"skills": ["dig"]})
    drive = plan("p-drive", ("go_1", NAV, [T2], ["puddle2"], []))
    robots = FakeRobots(FLEET, ros_context)
    node = allocator(ros_context, safety_file=policy, require_approval=True)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(drive))
        assert probe.wait_state(drive.plan_id, ("awaiting_approval",), 10)
        spin_until(ros_node, lambda: False, 0.5)
        held = list(robots.received)
        probe.trigger("approve")
        assert probe.wait_state(drive.plan_id, ("succeeded",))
    assert held == []
    assert node.safety.approval.mode.value == "all"


def test_estop_wins_over_approval_and_over_new_plans(ros_context, ros_node, probe, tmp_path) -> None:
    policy = safety_file(tmp_path, approval="all")
    waiting = plan("p-wait", ("go_1", NAV, [T1], ["puddle2"], []))
    during = plan("p-during", ("go_1", NAV, [T2], ["rock1"], []))
    robots = FakeRobots(FLEET, ros_context)
    with running(ros_context, allocator(ros_context, safety_file=policy), robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(waiting))
        assert probe.wait_state(waiting.plan_id, ("awaiting_approval",), 10)
        assert probe.estop(True).success
        refused = probe.trigger("approve")
        probe.publish(probe.task_graph_pub, graph_msg(during, "i-during"))
        assert probe.wait_state(during.plan_id, ("rejected",), 10)
        spin_until(ros_node, lambda: False, 1.0)
        goals_during_stop = robots.goals()
        still = probe.status.last(lambda p: p.get("plan_id") == waiting.plan_id)
        assert probe.estop(False).success
        approved = probe.trigger("approve")
        assert probe.wait_state(waiting.plan_id, ("succeeded",)), probe.status.payloads[-3:]
    assert not refused.success and "emergency stop" in refused.message
    assert goals_during_stop == []
    assert still["state"] == "awaiting_approval" and still["estopped"] is True
    record = rejection(probe, during.plan_id)
    assert record is not None and any("emergency stop" in r for r in record["reasons"])
    assert approved.success and waiting.plan_id in approved.message
    assert [(g.plan_id, g.robot_id) for g in robots.goals()] == [(waiting.plan_id, T1)]


def test_a_keepout_put_in_force_while_a_plan_waits_makes_approve_reject_it(
        ros_context, ros_node, probe, tmp_path) -> None:
    # drives need approval; fencing a puddle does not, so the fence goes up while the drive waits
    policy = safety_file(tmp_path, approval={"skills": [NAV]})
    drive = plan("p-drive", ("go_1", NAV, [T1], ["puddle1"], []))
    fence = plan("p-fence", ("avoid_1", "avoid_areas_for_all_robots", [], ["puddle1"], []))
    robots = FakeRobots(FLEET, ros_context)
    node = allocator(ros_context, safety_file=policy)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(drive, "i-drive"))
        assert probe.wait_state(drive.plan_id, ("awaiting_approval",), 10)
        probe.publish(probe.task_graph_pub, graph_msg(fence, "i-fence"))
        assert probe.wait_state(fence.plan_id, ("succeeded",))
        assert spin_until(ros_node, lambda: "puddle1" in {z.name for z in node.engine.world.keep_out}, 5)
        answer = probe.trigger("approve")
        assert probe.wait_state(drive.plan_id, ("rejected",), 10), probe.status.payloads[-3:]
        spin_until(ros_node, lambda: False, 0.5)
        plans = node.engine.plans()
    assert not answer.success and "refused" in answer.message
    record = rejection(probe, drive.plan_id)
    assert record["instruction_id"] == "i-drive"
    assert any("go_1" in r and "keep-out zone puddle1" in r for r in record["reasons"])
    assert robots.received == []  # the fence is fleet-level; the drive never went out
    assert plans == (fence.plan_id,)


def test_speed_limits_cap_the_fleet_and_every_goal(ros_context, ros_node, probe, tmp_path) -> None:
    policy = safety_file(tmp_path, speed_limits={"dump_truck": 1.2, "default": 0.5})
    fast = plan("p-fast", ("go_1", NAV, [T1], ["puddle2"], []), params={"max_speed": 9.0})
    slow = plan("p-slow", ("go_1", NAV, [T2], ["puddle1"], []), params={"max_speed": 0.7})
    robots = FakeRobots(FLEET, ros_context)
    node = allocator(ros_context, safety_file=policy)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        for g in (fast, slow):
            probe.publish(probe.task_graph_pub, graph_msg(g))
        for g in (fast, slow):
            assert probe.wait_state(g.plan_id, ("succeeded",)), probe.status.payloads[-3:]
        fleet = node.engine.fleet
    # the fleet the allocator plans with: trucks at their type's limit, excavators (0.8 m/s of
    # their own) at the default limit
    assert {r.id: r.max_speed for r in fleet.robots} == {
        **{r: 1.2 for r in FLEET.robot_ids if "truck" in r}, **{r: 0.5 for r in FLEET.robot_ids if "excavator" in r}}
    sent = {g.plan_id: g.params["max_speed"] for g in robots.goals()}
    assert sent == {fast.plan_id: 1.2, slow.plan_id: 0.7}  # a plan may slow a robot, never speed it up


def test_a_bad_safety_file_stops_the_node_at_start(ros_context, start_node, tmp_path) -> None:
    bad = tmp_path / "safety.yaml"
    bad.write_text("approval: sometimes\nspeed_limits: {dump_truck: -1}\n")
    with pytest.raises(ConfigError, match="approval"):
        allocator(ros_context, safety_file=str(bad))
    with pytest.raises(ConfigError, match="cannot read"):
        allocator(ros_context, safety_file=str(tmp_path / "missing.yaml"))
    proc = start_node("dart_planner.nodes.allocator_node", "--ros-args", "-p", f"safety_file:={bad}")
    proc.proc.wait(timeout=60)
    out = proc.output()
    assert proc.proc.returncode == 1, out
    assert "approval" in out and "speed_limits" in out and "Traceback" not in out
