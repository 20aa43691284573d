"""The whole stack, one process per node, on a real ROS graph (unique domain per test).

sim_node + one actuation_node per robot + allocator_node + language_node (replay backend with a
cassette recorded here from the rules planner's plan). The test process only publishes the
instruction, calls services and records topics: task_graph, assignments, plan_status, every
robot's odom, cmd_vel, goal and result topics.

Figures (latency instruction -> first cmd_vel, e-stop -> all cmd_vel zero, plan_status rate,
CPU of the stack idle and busy) are printed and attached with ``record_property``; they are
measurements, not assertions.
"""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import NodeProcess, spin_until
from geometry_msgs.msg import Twist
from nav_msgs.msg import Odometry
from planner_helpers import PlannerProbe
from std_msgs.msg import String
from std_srvs.srv import SetBool

from dart_planner.core.fleet import load_fleet
from dart_planner.core.goal_codec import decode_goal_command, decode_result
from dart_planner.core.world import load_world
from dart_planner.llm.config import load_llm_config
from dart_planner.llm.pipeline import LLMPlanner, make_planner
from dart_planner.llm.replay_backend import ScriptedBackend
from dart_planner.nodes.qos import COMMANDS, EVENTS, SENSOR
from dart_planner.resources import default_fleet_path, default_world_path
from dart_planner.topics import ROBOT_GOAL, ROBOT_RESULT, robot_path

pytestmark = [pytest.mark.ros, pytest.mark.skipif(
    not all((Path(__file__).resolve().parents[2] / "dart_planner" / "nodes" / f"{m}.py").exists()
            for m in ("sim_node", "actuation_node")), reason="needs sim_node and actuation_node")]

FLEET = load_fleet(default_fleet_path())
WORLD = load_world(default_world_path())
L2 = "First, all robots must avoid puddle 1. After that, send truck 1 to rock 1 and truck 2 to rock 2."
L2_ROBOTS = ("robot_dump_truck_01", "robot_dump_truck_02")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def write_cassette(path: Path, instruction: str) -> None:
    """The rules planner's plan as the one recorded reply, keyed by the replay backend's prompt."""
    rules = make_planner("rules").plan(instruction, FLEET, WORLD).graph
    cfg = load_llm_config().with_overrides(backend="replay", cassette=str(path))
    result = LLMPlanner(ScriptedBackend([json.dumps(rules.to_dart())]), cfg).plan(instruction, FLEET, WORLD)
    path.write_text("".join(json.dumps(e) + "\n" for e in result.cassette_entries()))


def _sent(info: Any) -> float:
    return float(info["source_timestamp"]) / 1e9


class RobotRecorder:
    """odom, cmd_vel, goals and results of every robot, each with the wall time (``time.time()``)
    it was published at (DDS source timestamp: no delay of this busy test process included)."""

    def __init__(self, node: Any):
        self.odom: dict[str, list[tuple[float, float, float]]] = {r.id: [] for r in FLEET.robots}
        self.cmd: dict[str, list[tuple[float, float, float]]] = {r.id: [] for r in FLEET.robots}
        self.goals: list[tuple[float, str, Any]] = []
        self.results: list[tuple[float, str, Any]] = []
        for r in FLEET.robots:
            node.create_subscription(Odometry, robot_path(r, r.odom_topic), self._odom(r.id), SENSOR)
            node.create_subscription(Twist, robot_path(r, r.cmd_vel_topic), self._cmd(r.id), COMMANDS)
            node.create_subscription(String, robot_path(r, ROBOT_GOAL), self._goal(r.id), EVENTS)
            node.create_subscription(String, robot_path(r, ROBOT_RESULT), self._result(r.id), EVENTS)

    def _odom(self, rid: str) -> Any:
        return lambda m, i: self.odom[rid].append((_sent(i), m.pose.pose.position.x, m.pose.pose.position.y))

    def _cmd(self, rid: str) -> Any:
        return lambda m, i: self.cmd[rid].append((_sent(i), m.linear.x, m.angular.z))

    def _goal(self, rid: str) -> Any:
        return lambda m, i: self.goals.append((_sent(i), rid, decode_goal_command(m.data)))

    def _result(self, rid: str) -> Any:
        return lambda m, i: self.results.append((_sent(i), rid, decode_result(m.data)))

    def moved(self, rid: str) -> float:
        o = self.odom[rid]
        return 0.0 if len(o) < 2 else math.hypot(o[-1][1] - o[0][1], o[-1][2] - o[0][2])

    def first_motion_cmd(self, after: float) -> float | None:
        times = [t for c in self.cmd.values() for t, v, w in c if t >= after and (abs(v) > 1e-6 or abs(w) > 1e-6)]
        return min(times) if times else None


class Stack:
    """Starts the stack's processes on the test's domain."""

    def __init__(self, start_node: Any, tmp_path: Path, *, time_scale: float = 3.0,
                 robots: tuple[str, ...] | None = None, approval: bool = False):
        self.start_node = start_node
        self.tmp = tmp_path
        self.journal = tmp_path / "journal.jsonl"
        self.cassette = tmp_path / "l2.jsonl"
        write_cassette(self.cassette, L2)
        self.approval = approval
        clock = ["-p", "use_sim_time:=true"] if time_scale != 1.0 else []
        self.sim = start_node("dart_planner.nodes.sim_node", "--ros-args", "-r", "__ns:=/dart",
                              "-p", f"time_scale:={time_scale}", "-p", "camera_rate_hz:=0.0",
                              "-p", "ground_truth_rate_hz:=0.0",
                              "-p", f"publish_clock:={str(time_scale != 1.0).lower()}")
        self.actuation = [start_node("dart_planner.nodes.actuation_node", "--ros-args", "-r",
                                     f"__ns:=/{FLEET.robot(r).namespace.strip('/')}", "-p", f"robot_id:={r}",
                                     "-p", "planner_namespace:=/dart", *clock)
                          for r in (robots or FLEET.robot_ids)]
        self.language = start_node("dart_planner.nodes.language_node", "--ros-args", "-r", "__ns:=/dart",
                                   "-p", "backend:=replay", "-p", f"cassette:={self.cassette}")
        self.allocator = self.start_allocator()

    def start_allocator(self) -> NodeProcess:
        return self.start_node("dart_planner.nodes.allocator_node", "--ros-args", "-r", "__ns:=/dart",
                               "-p", f"journal_path:={self.journal}", "-p", "status_rate_hz:=5.0",
                               "-p", f"require_approval:={str(self.approval).lower()}")

    @property
    def processes(self) -> list[NodeProcess]:
        return [self.sim, *self.actuation, self.language, self.allocator]

    def alive(self) -> bool:
        return all(p.alive() for p in self.processes)

    def logs(self) -> str:
        return "\n".join(f"--- {p.log_path.name}\n{p.output()[-1500:]}" for p in self.processes)


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime (fields 14, 15 of proc(5))
    return total / CLK_TCK


def wait_ready(probe: PlannerProbe, stack: Stack, timeout: float = 30.0) -> None:
    """Until the language node listens and the allocator's status/keepout are up."""
    ok = spin_until(probe.node, lambda: probe.instruction.get_subscription_count() > 0
                    and bool(probe.keepout.payloads), timeout)
    assert ok and stack.alive(), stack.logs()


def plan_of(probe: PlannerProbe, iid: str) -> str | None:
    msg = probe.task_graph.last(lambda p: p.get("instruction_id") == iid)
    return None if msg is None else msg["plan_id"]


@pytest.mark.slow
def test_instruction_to_motion_to_succeeded_plan(ros_node, start_node, tmp_path, record_property) -> None:
    probe = PlannerProbe(ros_node)
    rec = RobotRecorder(ros_node)
    t_start = time.monotonic()
    stack = Stack(start_node, tmp_path)
    wait_ready(probe, stack)
    startup_s = time.monotonic() - t_start
    pids = [p.proc.pid for p in stack.processes]
    c0, w0 = cpu_seconds(pids), time.monotonic()
    spin_until(ros_node, lambda: False, 3.0)
    idle_cpu = (cpu_seconds(pids) - c0) / (time.monotonic() - w0)

    t_sent, m_sent = time.time(), time.monotonic()
    c1 = cpu_seconds(pids)
    probe.send_instruction(L2, instruction_id="e2e-1")
    assert spin_until(ros_node, lambda: plan_of(probe, "e2e-1") is not None, 10), stack.logs()
    pid = plan_of(probe, "e2e-1")
    assert probe.wait_state(pid, ("succeeded", "failed", "cancelled"), 45), stack.logs()
    busy_cpu = (cpu_seconds(pids) - c1) / (time.monotonic() - m_sent)
    status_times = [t for t, (_, p) in zip(probe.status.published, probe.status.items)
                    if p.get("plan_id") == pid and p.get("state") == "active"]

    assert probe.state(pid) == "succeeded", probe.status.last() or stack.logs()
    graph_msg = probe.task_graph.last(lambda p: p["plan_id"] == pid)
    assert graph_msg["planner"] == "llm:replay" and graph_msg["report"]["ok"]
    assign = probe.assignments.last(lambda p: p["plan_id"] == pid)
    assert assign is not None and set(assign["schedule"]["assignments"]) == {
        s["id"] for s in graph_msg["native"]["subtasks"]}
    zones = probe.keepout.last()
    assert "puddle1" in {z["name"] for z in zones["zones"]}
    for rid in L2_ROBOTS:  # the two trucks drove to their rocks
        assert rec.moved(rid) > 10.0, (rid, rec.odom[rid][:1], rec.odom[rid][-1:])
    target = WORLD.object("rock1")
    x, y = rec.odom["robot_dump_truck_01"][-1][1:]
    assert math.hypot(x - target.x, y - target.y) < target.radius + 4.0
    assert {rid for _, rid, c in rec.goals if c.goal is not None} == set(L2_ROBOTS)

    first_cmd = rec.first_motion_cmd(t_sent)
    assert first_cmd is not None
    t_graph = next(t for t, (_, p) in zip(probe.task_graph.published, probe.task_graph.items)
                   if p["plan_id"] == pid)
    t_goal = min(t for t, _, c in rec.goals if c.goal is not None)
    figures = {
        "startup_s": round(startup_s, 1),
        "latency_instruction_to_first_cmd_vel_ms": round(1000 * (first_cmd - t_sent), 1),
        "latency_instruction_to_task_graph_ms": round(1000 * (t_graph - t_sent), 1),
        "latency_task_graph_to_first_goal_ms": round(1000 * (t_goal - t_graph), 1),
        "latency_first_goal_to_first_cmd_vel_ms": round(1000 * (first_cmd - t_goal), 1),
        "plan_status_rate_hz_while_active": round((len(status_times) - 1) / (status_times[-1] - status_times[0]), 2)
        if len(status_times) > 1 else None,
        "stack_cpu_idle_percent_of_one_core": round(100 * idle_cpu, 1),
        "stack_cpu_busy_percent_of_one_core": round(100 * busy_cpu, 1),
        "processes": len(pids),
        "plan_wall_s": round(time.monotonic() - m_sent, 1),
    }
    for k, v in figures.items():
        record_property(k, v)
    print("E2E FIGURES", json.dumps(figures))


@pytest.mark.slow
def test_allocator_killed_mid_plan_resumes_from_its_journal_without_repeating_work(
        ros_node, start_node, tmp_path) -> None:
    probe = PlannerProbe(ros_node)
    rec = RobotRecorder(ros_node)
    stack = Stack(start_node, tmp_path, time_scale=2.0, robots=L2_ROBOTS)
    wait_ready(probe, stack)
    probe.send_instruction(L2, instruction_id="crash-1")
    assert spin_until(ros_node, lambda: plan_of(probe, "crash-1") is not None, 10), stack.logs()
    pid = plan_of(probe, "crash-1")

    # kill -9 as soon as truck 1 reports success (truck 2 has ~14 m more to drive)
    def truck1_done() -> bool:
        return any(rid == "robot_dump_truck_01" and r.status.value == "succeeded" for _, rid, r in rec.results)

    assert spin_until(ros_node, truck1_done, 40), stack.logs()
    spin_until(ros_node, lambda: False, 0.3)  # time for the allocator to journal it
    stack.allocator.kill()
    killed_at = time.time()
    # what the killed allocator had made durable is the truth the restart must honour
    journal = [json.loads(line) for line in stack.journal.read_text().splitlines() if line.strip()]
    done_before = {r["task_id"] for r in journal if r.get("type") == "transition" and r["to"] == "succeeded"}
    assert "target_area_for_specific_robots_1" in done_before, done_before
    assert "target_area_for_specific_robots_2" not in done_before, "the plan finished before the crash"
    stack.allocator = stack.start_allocator()
    assert probe.wait_state(pid, ("succeeded", "failed", "cancelled"), 45), stack.logs()
    assert probe.state(pid) == "succeeded", stack.logs()
    # dispatches after the restart, as the restarted allocator journaled them (authoritative)...
    records = [json.loads(line) for line in stack.journal.read_text().splitlines() if line.strip()]
    restored = next(i for i, r in enumerate(records) if r.get("type") == "restored")
    redispatched = [(r["task_id"], r["attempts"]) for r in records[restored:]
                    if r.get("type") == "transition" and r["to"] == "running"]
    assert redispatched == [("target_area_for_specific_robots_2", 2)], redispatched
    # ...and as seen on the robots' goal topics (a recorder may miss the first goals of the new
    # process while discovery goes on, but must never see finished work sent again)
    after = [c.goal for t, _, c in rec.goals if c.goal is not None and t > killed_at]
    assert not {g.task_id for g in after} & done_before, [g.goal_id for g in after]
    # one plan, not two: the latched re-delivery of the task graph was recognised
    assert {p["plan_id"] for p in probe.status.payloads if p.get("state") == "succeeded"} == {pid}


@pytest.mark.slow
def test_estop_zeroes_every_cmd_vel_and_approval_gates_the_plan(ros_node, start_node, tmp_path,
                                                                 record_property) -> None:
    probe = PlannerProbe(ros_node)
    rec = RobotRecorder(ros_node)
    stack = Stack(start_node, tmp_path, time_scale=1.0, robots=L2_ROBOTS, approval=True)
    wait_ready(probe, stack)
    # The e-stop client exists long before it is used (as an operator's would): a client made
    # just before its first call can wait ~100 ms for the server to match it.
    probe.client(SetBool, "estop")
    probe.send_instruction(L2, instruction_id="gate-1")
    assert spin_until(ros_node, lambda: plan_of(probe, "gate-1") is not None, 10), stack.logs()
    pid = plan_of(probe, "gate-1")
    assert probe.wait_state(pid, ("awaiting_approval",), 10)
    spin_until(ros_node, lambda: False, 1.5)
    assert not rec.goals and rec.first_motion_cmd(0.0) is None  # held: nothing moves
    assert probe.trigger("approve").success

    def driving() -> set[str]:
        now = time.time()
        return {rid for rid in L2_ROBOTS if any(t > now - 0.3 and abs(v) > 0.05 for t, v, _ in rec.cmd[rid])}

    assert spin_until(ros_node, lambda: driving() == set(L2_ROBOTS), 20), (
        [(rid, c.goal.goal_id if c.goal else c) for _, rid, c in rec.goals],
        {r: len(rec.cmd[r]) for r in L2_ROBOTS}, stack.logs())
    latencies, to_stop = [], []
    for _ in range(5):  # five stops while the trucks drive; each must zero every cmd_vel and hold it
        assert driving(), "nothing drives: no stop to measure"
        moving = L2_ROBOTS  # both have a goal running: both must stop
        assert probe.estop(True).success
        t0 = probe.called_at

        def zero_at(rid: str, t0: float = t0) -> float | None:
            return next((t for t, v, w in rec.cmd[rid] if t >= t0 and v == 0.0 and w == 0.0), None)

        assert spin_until(ros_node, lambda m=moving: all(zero_at(r) is not None for r in m), 5), stack.logs()
        zeroed = max(zero_at(r) for r in moving)  # type: ignore[type-var]
        latencies.append(1000 * (zeroed - t0))
        to_stop.append(1000 * (max(t for t, rid, c in rec.goals if c.stop and t >= t0) - t0))
        spin_until(ros_node, lambda: False, 0.5)
        moving_after = [(rid, v, w) for rid in L2_ROBOTS for t, v, w in rec.cmd[rid]
                        if t > zeroed + 0.05 and (abs(v) > 1e-6 or abs(w) > 1e-6)]
        status = probe.status.last(lambda p: p.get("plan_id") == pid and "estopped" in p)
        assert moving_after == [] and status["estopped"] is True, (
            len(latencies), [(round(t - t0, 3), rid, c.goal.goal_id if c.goal else ("stop" if c.stop else c.cancel_id))
                             for t, rid, c in rec.goals if t >= t0 - 0.5],
            [(round(t - t0, 3), rid, v, w) for rid in L2_ROBOTS for t, v, w in rec.cmd[rid] if t >= t0 - 0.1][:40],
            [(round(t - t0, 3), rid, r.status.value, r.goal_id) for t, rid, r in rec.results if t >= t0 - 0.5])
        assert probe.estop(False).success
        assert spin_until(ros_node, lambda: bool(driving()), 10), "work resumes after the release"
    figures = {"estop_to_all_cmd_vel_zero_ms": [round(x, 1) for x in latencies],
               "estop_to_stop_on_every_goal_topic_ms": [round(x, 1) for x in to_stop]}
    for k, v in figures.items():
        record_property(k, v)
    print("E2E FIGURES", json.dumps(figures))
