"""Node-level faults (issue #9, part B): each fault, its defined outcome, no lost or duplicated work.

| fault                              | defined outcome                                                  |
|------------------------------------|------------------------------------------------------------------|
| actuation node killed mid-subtask  | heartbeat lost -> ``robot_offline`` -> robot out, work reassigned |
| allocator node killed mid-plan     | restart resumes from the journal; finished work never re-sent    |
| robot odometry stops (dropout)     | ``odom_stale`` + ``robot_lost`` -> reassigned, or plan fails     |
|                                    | naming the robot when no robot of the type is left               |
| detector silent (no ``objects``)   | stale perceived objects: plans naming them are rejected (language |
|                                    | and allocator nodes), goals to them refused at dispatch          |
| robot back (node answers, odom)    | back in service through the allocator node, gets work again;     |
|                                    | after a restart too (robots the journal holds out are watched)   |
| LLM server timeout / 500 / slow    | bounded retries, then ``rejected`` with the reason; node goes on |

"Lost" and "duplicated" are judged on the execution journal (the durable truth: one SUCCEEDED
record per subtask) and on the robots' goal topics (goals per subtask). Tests that start real
processes (``kill -9`` is the fault) are marked slow.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import NodeProcess, spin_until
from fake_robots import FakeRobots
from nav_msgs.msg import Odometry
from planner_helpers import PlannerProbe, allocator, graph_msg, running
from rclpy.parameter import Parameter
from std_msgs.msg import String

from dart_planner.core.actuation import GoalStatus, SkillGoal
from dart_planner.core.envelope import encode
from dart_planner.core.fleet import load_fleet
from dart_planner.core.goal_codec import decode_feedback, decode_goal_command, decode_result
from dart_planner.core.plan import TaskGraph
from dart_planner.core.world import load_world
from dart_planner.llm.local_server import LocalLLMServer, ScriptedReply
from dart_planner.llm.node_planning import planning_world
from dart_planner.llm.pipeline import make_planner
from dart_planner.nodes.conversions import odometry_from_state, time_msg
from dart_planner.nodes.language_node import LanguageNode
from dart_planner.nodes.qos import EVENTS, SENSOR
from dart_planner.resources import default_fleet_path, default_world_path
from dart_planner.topics import ROBOT_FEEDBACK, ROBOT_GOAL, ROBOT_RESULT, robot_path

pytestmark = pytest.mark.ros

ROOT = Path(__file__).resolve().parents[2]
FLEET = load_fleet(default_fleet_path())
WORLD = load_world(default_world_path())
T1, T2, T3 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_dump_truck_03"


# ---------------------------------------------------------------------------- helpers
def drive(task: str, robot: str | None, target: str, deps: tuple[str, ...] = ()) -> dict[str, Any]:
    """A DART navigation subtask: to ``robot`` by name, or to any one dump truck (None)."""
    fn: dict[str, Any] = {"name": "target_area_for_specific_robots", "dependencies": list(deps),
                          "object_keywords": [target]}
    if robot is None:
        fn.update(robot_type=["dump_truck"], robot_count=[1])
    else:
        fn["robot_ids"] = [robot]
    return {"task": task, "instruction_function": fn}


def graph_of(*tasks: dict[str, Any]) -> TaskGraph:
    return TaskGraph.from_dart({"tasks": list(tasks)})



def journal(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def transitions(records: list[dict[str, Any]], to: str) -> list[dict[str, Any]]:
    return [r for r in records if r.get("type") == "transition" and r["to"] == to]



def trucks_only(tmp: Path, robots: tuple[str, ...]) -> Path:
    """The shipped fleet cut down to ``robots`` (fewer processes; reassignment has one choice)."""
    doc = yaml.safe_load(default_fleet_path().read_text())
    doc["robots"] = [r for r in doc["robots"] if r["id"] in robots]
    types = {r["type"] for r in doc["robots"]}
    skills = {}
    for name, skill in doc["skills"].items():
        kept = [t for t in skill.get("robot_types", []) if t in types]
        if kept and skill.get("partner_type", next(iter(types))) in types:
            skills[name] = {**skill, "robot_types": kept}
    doc["skills"] = skills
    doc["types"] = {t: v for t, v in doc.get("types", {}).items() if t in types}
    path = tmp / "fleet.yaml"
    path.write_text(yaml.safe_dump(doc))
    return path


class GoalTap:
    """Goals, results and feedback on the robots' actuation topics, as the robots see them."""

    def __init__(self, node: Any, robots: tuple[str, ...]):
        self.goals: list[tuple[float, str, SkillGoal]] = []
        self.results: list[tuple[str, Any]] = []
        self.feedback: Counter[str] = Counter()
        for rid in robots:
            r = FLEET.robot(rid)
            node.create_subscription(String, robot_path(r, ROBOT_GOAL), lambda m, rid=rid: self._goal(rid, m), EVENTS)
            node.create_subscription(String, robot_path(r, ROBOT_RESULT),
                                     lambda m, rid=rid: self.results.append((rid, decode_result(m.data))), EVENTS)
            node.create_subscription(String, robot_path(r, ROBOT_FEEDBACK),
                                     lambda m, rid=rid: self._feedback(rid, m), EVENTS)

    def _goal(self, rid: str, msg: String) -> None:
        cmd = decode_goal_command(msg.data)
        if cmd.goal is not None:
            self.goals.append((time.monotonic(), rid, cmd.goal))

    def _feedback(self, rid: str, msg: String) -> None:
        decode_feedback(msg.data)
        self.feedback[rid] += 1

    def per_task(self) -> Counter[str]:
        return Counter(g.task_id for _, _, g in self.goals)


class TruckStack:
    """sim_node + an actuation_node per truck + allocator_node, real processes, cut-down fleet."""

    def __init__(self, start_node: Any, tmp: Path, robots: tuple[str, ...], *,
                 actuation_args: dict[str, tuple[str, ...]] | None = None, heartbeat_s: float = 3.0):
        self.fleet_file = trucks_only(tmp, robots)
        self.journal = tmp / "journal.jsonl"
        fleet = ("-p", f"fleet_file:={self.fleet_file}")
        self.sim = start_node("dart_planner.nodes.sim_node", "--ros-args", "-r", "__ns:=/dart", *fleet,
                              "-p", "time_scale:=4.0", "-p", "camera_rate_hz:=0.0", "-p", "ground_truth_rate_hz:=0.0",
                              "-p", "publish_clock:=true")
        self.actuation: dict[str, NodeProcess] = {
            rid: start_node("dart_planner.nodes.actuation_node", "--ros-args", "-r", f"__ns:=/{rid}",
                            "-p", f"robot_id:={rid}", *fleet,
                            *(actuation_args or {}).get(rid, ("-p", "use_sim_time:=true")))
            for rid in robots}
        self.allocator = start_node("dart_planner.nodes.allocator_node", "--ros-args", "-r", "__ns:=/dart", *fleet,
                                    "-p", f"journal_path:={self.journal}", "-p", "status_rate_hz:=5.0",
                                    "-p", f"goal_heartbeat_s:={heartbeat_s}")

    @property
    def processes(self) -> list[NodeProcess]:
        return [self.sim, *self.actuation.values(), self.allocator]

    def logs(self) -> str:
        return "\n".join(f"--- {p.log_path.name}\n{p.output()[-1500:]}" for p in self.processes)


# ---------------------------------------------------------------------------- (a) actuation node crash
@pytest.mark.slow
def test_actuation_node_killed_mid_subtask_the_work_moves_to_another_truck_once(
        ros_node, start_node, tmp_path) -> None:
    """kill -9 of truck 1's actuation node while it drives: within goal_heartbeat_s the goal fails
    robot_offline, truck 1 is out of service and truck 2 does the subtask; the plan succeeds,
    with one SUCCEEDED record and one goal per robot for the subtask."""
    probe = PlannerProbe(ros_node)
    tap = GoalTap(ros_node, (T1, T2))
    stack = TruckStack(start_node, tmp_path, (T1, T2))
    assert probe.wait_for_subscriber(probe.task_graph_pub, 30), stack.logs()
    graph = graph_of(drive("go_rock1", T1, "rock1"))
    probe.publish(probe.task_graph_pub, graph_msg(graph))
    assert spin_until(ros_node, lambda: tap.feedback[T1] >= 3, 30), stack.logs()  # truck 1 is on its way
    stack.actuation[T1].kill()
    assert probe.wait_state(graph.plan_id, ("succeeded", "failed", "cancelled"), 60), stack.logs()
    final = probe.status.last(lambda p: p.get("plan_id") == graph.plan_id)
    records = journal(stack.journal)

    assert final["state"] == "succeeded", (final, stack.logs())
    assert [r["robots"] for r in transitions(records, "succeeded")] == [[T2]]
    failed = transitions(records, "failed")
    assert len(failed) == 1 and failed[0]["reason"].startswith(f"robot_offline: the actuation node of {T1}")
    robot_out = [r for r in records if r.get("type") == "robot"]
    assert [(r["robot_id"], r["available"]) for r in robot_out] == [(T1, False)]
    # one goal to the dead node, one to the replacement; never both running at once
    assert sorted((rid, g.task_id) for _, rid, g in tap.goals) == [(T1, "go_rock1"), (T2, "go_rock1")]
    assert [(rid, r.status) for rid, r in tap.results] == [(T2, GoalStatus.SUCCEEDED)]


def test_silent_robot_is_taken_out_its_work_reassigned_and_it_comes_back_when_it_answers(
        ros_context, ros_node) -> None:
    """The same rule in-process (a hung node: alive, never answering), plus the way back: once the
    node answers again the actuator reports the robot available and the allocator node puts it
    back in service."""
    probe = PlannerProbe(ros_node)
    graph = graph_of(drive("go_rock1", T1, "rock1"))
    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 0.5)
    robots.silent.add(T1)
    node = allocator(ros_context, goal_heartbeat_s=1.0)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(graph))
        assert probe.wait_state(graph.plan_id, ("succeeded", "failed"), 15)
        out_during = node.engine.unavailable_robots
        offline = node.actuator.offline()
        robots.silent.discard(T1)  # the hung node wakes up: it answers the cancel it was sent
        assert spin_until(ros_node, lambda: T1 not in node.engine.unavailable_robots, 10)
        final = node.engine.status(graph.plan_id)
    sub = final.subtask("go_rock1")
    assert final.state.value == "succeeded" and sub.robots != (T1,)
    assert out_during == {T1} and offline == {T1: "node"}
    goals = robots.goals("go_rock1")
    assert [g.robot_id for g in goals][0] == T1 and len(goals) == 2  # the silent try + one reassignment
    cancels = [m for m in robots.received if m.robot_id == T1 and m.kind in ("cancel", "ignored") and m.goal is None]
    assert cancels, "the silent goal was cancelled in case the node was only hung"


def test_a_goal_message_the_robot_never_got_is_published_again_and_runs_once(ros_context, ros_node) -> None:
    """A goal reader can drop a message while its side of discovery lags (it happens right after
    an allocator restart); the robot, alive and busy, never names the goal. The allocator
    publishes it again, unchanged, and the work runs once, on the robot it was given to, long
    before the heartbeat (30 s here) could move it elsewhere."""
    probe = PlannerProbe(ros_node)
    graph = graph_of(drive("go_rock1", T1, "rock1"), drive("go_rock2", T2, "rock2"))
    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 0.5)
    robots.deaf[T1] = 1
    node = allocator(ros_context, goal_heartbeat_s=30.0)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(graph))
        assert probe.wait_state(graph.plan_id, ("succeeded", "failed"), 10)
        final = node.engine.status(graph.plan_id)
    assert final.state.value == "succeeded"
    assert final.subtask("go_rock1").robots == (T1,) and robots.deaf[T1] == 0
    goals = robots.goals("go_rock1")
    assert len(goals) == 1 and goals[0].robot_id == T1 and goals[0].attempt == 1, goals
    assert [r.goal_id for r in robots.results if r.goal_id == goals[0].goal_id] == [goals[0].goal_id]
    assert not [m for m in robots.received if m.kind == "repeat"]  # an acknowledged goal is never repeated


# ---------------------------------------------------------------------------- (b) allocator restart
@pytest.mark.slow
def test_allocator_killed_with_a_result_in_flight_resumes_and_never_resends_finished_work(
        ros_context, ros_node, start_node, tmp_path) -> None:
    """kill -9 of the allocator process while truck 3 drives; truck 3 finishes while no allocator
    runs (its result is lost). The restart (same journal) re-sends truck 3's subtask once
    (in-flight work is at-least-once; a drive to where it stands ends at once) and never
    truck 2's, which had succeeded. Complements the e2e test, which kills mid-drive."""
    journal_path = tmp_path / "journal.jsonl"
    graph = graph_of(drive("quick", T2, "soil2"), drive("slow", T3, "rock2"), drive("after", T2, "rock1", ("quick",)))
    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 2.0 if g.task_id == "slow" else 0.2)
    probe = PlannerProbe(ros_node)
    args = ("--ros-args", "-r", "__ns:=/dart", "-p", f"journal_path:={journal_path}", "-p", "status_rate_hz:=5.0")
    with running(ros_context, robots):
        first = start_node("dart_planner.nodes.allocator_node", *args)
        assert probe.wait_for_subscriber(probe.task_graph_pub, 30), first.output()
        probe.publish(probe.task_graph_pub, graph_msg(graph))
        assert spin_until(ros_node, lambda: "slow" in {a.goal.task_id for a in robots.active.values()}
                          and len(transitions(journal(journal_path), "succeeded")) == 2, 20), first.output()
        first.kill()
        killed = time.monotonic()
        done_before = {r["task_id"] for r in transitions(journal(journal_path), "succeeded")}
        assert spin_until(ros_node, lambda: not robots.active, 10)  # truck 3's result goes nowhere
        second = start_node("dart_planner.nodes.allocator_node", *args)
        assert probe.wait_state(graph.plan_id, ("succeeded", "failed", "cancelled"), 30), second.output()
        spin_until(ros_node, lambda: False, 0.5)
    records = journal(journal_path)
    per_task = Counter(g.task_id for g in robots.goals())
    after = [m.goal.task_id for m in robots.received if m.goal is not None and m.at > killed]

    assert probe.state(graph.plan_id) == "succeeded"
    assert done_before == {"quick", "after"}
    assert after == ["slow"]  # nothing that had succeeded was sent again
    assert per_task == {"quick": 1, "after": 1, "slow": 2}  # in flight at the kill: re-sent once
    assert Counter(r["task_id"] for r in transitions(records, "succeeded")) == {"quick": 1, "after": 1, "slow": 1}
    assert sum(1 for r in records if r.get("type") == "restored") == 1
    assert {p["plan_id"] for p in probe.status.payloads if p.get("state") == "succeeded"} == {graph.plan_id}


# ---------------------------------------------------------------------------- (d) robot dropout
@pytest.mark.slow
def test_robot_odometry_stops_mid_drive_and_the_subtask_moves_to_another_truck(
        ros_node, start_node, tmp_path) -> None:
    """Truck 1's actuation node reads odometry the test publishes, which stops mid-goal (the robot
    vanished). The node fails the goal odom_stale; the allocator takes it as robot_lost (no
    retry on a robot that cannot be located), truck 1 is out and truck 2 does the subtask."""
    fake_odom = "/fault/robot_dump_truck_01/odom"
    probe = PlannerProbe(ros_node)
    tap = GoalTap(ros_node, (T1, T2))
    odom_pub = ros_node.create_publisher(Odometry, fake_odom, SENSOR)
    feeding = [True]
    start = FLEET.robot(T1).start

    def feed() -> None:
        if feeding[0]:
            odom_pub.publish(odometry_from_state(start, 0.0, 0.0, time_msg(time.time()), "map", T1))

    ros_node.create_timer(0.05, feed)
    stack = TruckStack(start_node, tmp_path, (T1, T2), heartbeat_s=10.0, actuation_args={T1: (
        "-r", f"/{T1}/odom:={fake_odom}", "-p", "odom_grace_s:=2.5")})  # wall clock, like the test's odom
    assert probe.wait_for_subscriber(probe.task_graph_pub, 30), stack.logs()
    # Under load discovery is slow: the goal must find truck 1's node already fed, or it fails
    # odom_stale before the drop-out this test stages.
    assert spin_until(ros_node, lambda: odom_pub.get_subscription_count() >= 1, 30), stack.logs()
    spin_until(ros_node, lambda: False, 1.0)
    graph = graph_of(drive("go_rock1", T1, "rock1"))
    probe.publish(probe.task_graph_pub, graph_msg(graph))
    assert spin_until(ros_node, lambda: tap.feedback[T1] >= 2, 30), stack.logs()
    feeding[0] = False  # the robot drops out
    assert probe.wait_state(graph.plan_id, ("succeeded", "failed", "cancelled"), 60), stack.logs()
    records = journal(stack.journal)
    final = probe.status.last(lambda p: p.get("plan_id") == graph.plan_id)

    assert final["state"] == "succeeded", (final, stack.logs())
    failed = transitions(records, "failed")
    assert len(failed) == 1 and failed[0]["reason"].startswith("odom_stale")
    assert f"(robot_lost: {T1} sends no odometry)" in failed[0]["reason"]
    assert [r["robots"] for r in transitions(records, "succeeded")] == [[T2]]
    assert failed[0]["retries"] == 0 and len(transitions(records, "running")) == 2  # no retry on truck 1
    assert sorted((rid, g.task_id) for _, rid, g in tap.goals) == [(T1, "go_rock1"), (T2, "go_rock1")]


def test_dropout_with_no_truck_left_fails_the_plan_with_a_reason_naming_the_robots(ros_context, ros_node) -> None:
    """Every dump truck loses its odometry: each try takes one truck out, and when none of the
    type is left the subtask fails (no endless loop); the reasons name the robots."""
    probe = PlannerProbe(ros_node)
    graph = graph_of(drive("go_rock1", None, "rock1"), drive("then", None, "rock2", ("go_rock1",)))

    def outcome(goal: SkillGoal) -> tuple[GoalStatus, str]:
        return GoalStatus.FAILED, "odom_stale: no odometry for 2.6 s"

    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 0.05, outcome=outcome)
    trucks = {r.id for r in FLEET.robots if r.type == "dump_truck"}
    robots.no_odom.update(trucks)  # really gone: a truck whose odometry flowed would come back into service
    node = allocator(ros_context, max_retries=1)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(graph))
        assert probe.wait_state(graph.plan_id, ("failed",), 15)
        assert spin_until(ros_node, lambda: bool(probe.replan.payloads), 5)
        final = node.engine.status(graph.plan_id)
        out = node.engine.unavailable_robots
    goals = robots.goals("go_rock1")
    assert out == trucks
    assert sorted(g.robot_id for g in goals) == sorted(trucks)  # each truck tried once, none twice
    sub = final.subtask("go_rock1")
    assert sub.state.value == "failed" and "robot_lost" in sub.reason and sub.robots[0] in sub.reason
    assert final.subtask("then").state.value == "cancelled"
    request = probe.replan.payloads[0]
    assert request["task_id"] == "go_rock1" and set(request["unavailable_robots"]) == trucks


def test_a_robot_lost_for_its_odometry_comes_back_when_its_odometry_flows_again(ros_context, ros_node) -> None:
    probe = PlannerProbe(ros_node)
    graph = graph_of(drive("go_rock1", T1, "rock1"))

    def outcome(goal: SkillGoal) -> tuple[GoalStatus, str]:
        lost = goal.robot_id in robots.no_odom
        return (GoalStatus.FAILED, "odom_stale: no odometry for 2.6 s") if lost else (GoalStatus.SUCCEEDED, "")

    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 0.1, outcome=outcome)
    robots.no_odom.add(T1)
    node = allocator(ros_context)
    again = graph_of(drive("back_to_work", T1, "rock2"))
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        probe.publish(probe.task_graph_pub, graph_msg(graph))
        assert probe.wait_state(graph.plan_id, ("succeeded", "failed"), 15)
        spin_until(ros_node, lambda: False, 1.0)  # other robots' odometry flows; T1's does not
        still_out = node.engine.unavailable_robots
        offline = node.actuator.offline()
        robots.no_odom.discard(T1)
        # back through the allocator node's own wiring (actuator.availability -> the engine)
        assert spin_until(ros_node, lambda: not node.engine.unavailable_robots, 10)
        probe.publish(probe.task_graph_pub, graph_msg(again, "i-2"))  # and it gets work again
        assert probe.wait_state(again.plan_id, ("succeeded", "failed"), 15)
        final = node.engine.status(graph.plan_id)
        final_again = node.engine.status(again.plan_id)
    assert final.state.value == "succeeded" and final.subtask("go_rock1").robots != (T1,)
    assert still_out == {T1} and offline == {T1: "odom"}
    assert [g.robot_id for g in robots.goals("go_rock1")][0] == T1 and len(robots.goals("go_rock1")) == 2
    assert final_again.state.value == "succeeded" and final_again.subtask("back_to_work").robots == (T1,)
    assert [g.robot_id for g in robots.goals("back_to_work")] == [T1]


def test_a_robot_that_drops_out_again_and_again_keeps_one_odometry_watch_and_comes_back_each_time(
        ros_context, ros_node) -> None:
    """Truck 1 loses its odometry three times. Each time it is taken out and comes back; the allocator never
    destroys a subscription while its executor spins (that raised inside rclpy's wait loop and ended the spin
    thread: a full-stack CI run went silent for 83 s after "robot_dump_truck_02 is back") and watches the
    odometry with one subscription, made the first time."""
    probe = PlannerProbe(ros_node)

    def outcome(goal: SkillGoal) -> tuple[GoalStatus, str]:
        lost = goal.robot_id in robots.no_odom
        return (GoalStatus.FAILED, "odom_stale: no odometry for 2.6 s") if lost else (GoalStatus.SUCCEEDED, "")

    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 0.1, outcome=outcome)
    node = allocator(ros_context)
    destroyed: list[Any] = []
    real_destroy = node.destroy_subscription
    node.destroy_subscription = lambda sub: destroyed.append(sub) or real_destroy(sub)  # type: ignore[method-assign]
    watches = []
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        for k in range(3):
            robots.no_odom.add(T1)
            graph = graph_of(drive(f"go_{k}", T1, "rock1" if k % 2 else "rock2"))
            probe.publish(probe.task_graph_pub, graph_msg(graph, f"i-{k}"))
            assert probe.wait_state(graph.plan_id, ("succeeded", "failed"), 15)
            assert spin_until(ros_node, lambda: T1 in node.engine.unavailable_robots, 5)
            watches.append(getattr(node.actuator._channels[T1], "offline_odom", None))
            robots.no_odom.discard(T1)
            assert spin_until(ros_node, lambda: not node.engine.unavailable_robots, 10), k
            assert node.engine.status(graph.plan_id).state.value == "succeeded"
        destroyed_while_spinning = list(destroyed)  # the node's own teardown destroys them all afterwards
    assert destroyed_while_spinning == []
    assert watches[0] is not None and all(w is watches[0] for w in watches)


def test_after_a_restart_robots_the_journal_holds_out_are_watched_and_come_back(
        ros_context, ros_node, tmp_path) -> None:
    """Truck 1 lost for its odometry and truck 2 silent, then the allocator restarts: the journal
    brings both back out of service and the new node watches them as the old one did. Truck 2's
    node answers again (restarted): back at once; truck 1 only once its odometry flows. Then
    both get work."""
    journal_path = tmp_path / "journal.jsonl"
    probe = PlannerProbe(ros_node)
    first_plan = graph_of(drive("go_rock1", T1, "rock1"), drive("go_rock2", T2, "rock2"))
    later = graph_of(drive("t1_again", T1, "soil1"), drive("t2_again", T2, "soil2"))

    def outcome(goal: SkillGoal) -> tuple[GoalStatus, str]:
        lost = goal.robot_id in robots.no_odom
        return (GoalStatus.FAILED, "odom_stale: no odometry for 2.6 s") if lost else (GoalStatus.SUCCEEDED, "")

    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 0.1, outcome=outcome)
    robots.no_odom.add(T1)
    robots.silent.add(T2)
    with running(ros_context, robots):
        first = allocator(ros_context, journal_path=str(journal_path), goal_heartbeat_s=1.0)
        with running(ros_context, first):
            probe.wait_for_subscriber(probe.task_graph_pub)
            probe.publish(probe.task_graph_pub, graph_msg(first_plan))
            assert probe.wait_state(first_plan.plan_id, ("succeeded", "failed"), 20)
            out_before = first.engine.unavailable_robots
        robots.silent.discard(T2)  # its actuation node was restarted while no allocator ran
        second = allocator(ros_context, journal_path=str(journal_path))
        restored_out = second.engine.unavailable_robots
        watched = second.actuator.offline()
        with running(ros_context, second):
            assert spin_until(ros_node, lambda: T2 not in second.engine.unavailable_robots, 10)
            spin_until(ros_node, lambda: False, 1.0)
            t1_still_out = T1 in second.engine.unavailable_robots
            robots.no_odom.discard(T1)
            assert spin_until(ros_node, lambda: not second.engine.unavailable_robots, 10)
            probe.publish(probe.task_graph_pub, graph_msg(later, "i-2"))
            assert probe.wait_state(later.plan_id, ("succeeded", "failed"), 15)
            final = second.engine.status(later.plan_id)
    assert out_before == {T1, T2} and restored_out == {T1, T2}
    assert watched == {T1: "odom", T2: "node"} and t1_still_out
    assert final.state.value == "succeeded"
    assert final.subtask("t1_again").robots == (T1,) and final.subtask("t2_again").robots == (T2,)
    back = [r for r in journal(journal_path) if r.get("type") == "robot" and r["available"]]
    assert sorted(r["robot_id"] for r in back) == [T1, T2]


# ---------------------------------------------------------------------------- (c) detector silence
def test_stale_perceived_objects_are_refused_by_name_and_configured_objects_fall_back(
        ros_context, ros_node) -> None:
    probe = PlannerProbe(ros_node)
    node = LanguageNode(context=ros_context, parameter_overrides=[Parameter("object_ttl_s", value=1.0)])
    objects = encode("objects", {"objects": [
        {"name": "rock9", "kind": "rock", "x": 5.0, "y": 5.0, "radius": 1.0, "source": "detector", "confidence": 0.9},
        {"name": "rock1", "kind": "rock", "x": -20.0, "y": -2.0, "radius": 1.2, "source": "detector"}]})
    with running(ros_context, node):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.publish(probe.objects_pub, objects)
        assert spin_until(ros_node, lambda: node.world.has_object("rock9"), 5)
        probe.send_instruction("Dump truck 1 goes to rock 9.", instruction_id="fresh")
        assert spin_until(ros_node, lambda: len(probe.task_graph.payloads) == 1, 10)
        assert spin_until(ros_node, lambda: set(node.stale_objects()) == {"rock9", "rock1"}, 5)  # detector silent
        stale_world, stale_only = planning_world(node.world, WORLD, node.stale_objects())  # what _plan plans in
        probe.send_instruction("Dump truck 1 goes to rock 9.", instruction_id="stale")
        probe.send_instruction("Dump truck 2 goes to rock 1.", instruction_id="config")
        assert spin_until(ros_node, lambda: probe.status.last(lambda p: p.get("instruction_id") == "stale")
                          and len(probe.task_graph.payloads) == 2, 10)
        probe.publish(probe.objects_pub, objects)  # the detector is back
        assert spin_until(ros_node, lambda: not node.stale_objects(), 5)
        probe.send_instruction("Dump truck 1 goes to rock 9.", instruction_id="again")
        assert spin_until(ros_node, lambda: len(probe.task_graph.payloads) == 3, 10)
    rejected = probe.status.last(lambda p: p.get("instruction_id") == "stale")
    assert rejected["state"] == "rejected" and rejected["source"] == "language_node"
    assert "stale perceived object(s): rock9 (last reported" in rejected["error"]
    assert "object_ttl_s=1" in rejected["error"]
    assert [p["instruction_id"] for p in probe.task_graph.payloads] == ["fresh", "config", "again"]
    # the configured rock1 is planned at its configured pose, not the stale perceived one
    assert stale_world.object("rock1") == WORLD.object("rock1") and set(stale_only) == {"rock9"}
    assert not any(p.get("state") == "rejected" and p.get("instruction_id") != "stale" for p in probe.status.payloads)


def test_allocator_never_sends_a_goal_to_a_stale_perceived_only_object(ros_context, ros_node) -> None:
    """allocator_node's object_ttl_s: a goal for rock9 (perceived only) after the detector went
    silent is refused before it leaves; a plan naming rock9 is rejected at intake while it is
    stale; the configured rock1 falls back to its configured pose; fresh objects make rock9
    usable again (the goal goes to its perceived pose)."""
    probe = PlannerProbe(ros_node)
    objects = encode("objects", {"objects": [
        {"name": "rock9", "kind": "rock", "x": 5.0, "y": 5.0, "radius": 1.0, "source": "detector", "confidence": 0.9},
        {"name": "rock1", "kind": "rock", "x": -20.0, "y": -2.0, "radius": 1.2, "source": "detector"}]})
    feeding = [True]
    ros_node.create_timer(0.2, lambda: feeding[0] and probe.publish(probe.objects_pub, objects))
    accepted = graph_of(drive("first", T1, "rock2"), drive("to_rock9", T1, "rock9", ("first",)))
    late = graph_of(drive("late", T2, "rock9"))
    fresh = graph_of(drive("fresh", T2, "rock9"))
    robots = FakeRobots(FLEET, ros_context, duration=lambda g: 3.0 if g.task_id == "first" else 0.2)
    node = allocator(ros_context, object_ttl_s=1.0)
    with running(ros_context, node, robots):
        probe.wait_for_subscriber(probe.task_graph_pub)
        assert spin_until(ros_node, lambda: node.engine.world.has_object("rock9"), 10)
        probe.publish(probe.task_graph_pub, graph_msg(accepted))
        assert spin_until(ros_node, lambda: bool(robots.goals("first")), 10)  # accepted while rock9 was fresh
        feeding[0] = False  # the detector goes silent while truck 1 does its first step
        assert probe.wait_state(accepted.plan_id, ("succeeded", "failed"), 20)
        stale_world = node.engine.world
        probe.publish(probe.task_graph_pub, graph_msg(late, "i-late"))
        assert spin_until(ros_node, lambda: probe.state(late.plan_id) == "rejected", 10)
        feeding[0] = True  # the detector is back
        assert spin_until(ros_node, lambda: not node.stale_objects(), 10)
        probe.publish(probe.task_graph_pub, graph_msg(fresh, "i-fresh"))
        assert probe.wait_state(fresh.plan_id, ("succeeded", "failed"), 15)
        final = node.engine.status(accepted.plan_id)
    sub = final.subtask("to_rock9")
    assert final.state.value == "failed" and sub.state.value == "failed"
    assert "goal refused: stale perceived object(s): rock9 (last reported" in sub.reason
    assert robots.goals("to_rock9") == []  # nothing ever went to the stale pose
    rejected = probe.status.last(lambda p: p.get("plan_id") == late.plan_id)
    assert rejected["source"] == "allocator_node" and "stale perceived object(s): rock9" in rejected["error"]
    assert "object_ttl_s=1" in rejected["error"] and robots.goals("late") == []
    assert stale_world.object("rock1") == WORLD.object("rock1")  # configured: back at its configured pose
    assert probe.state(fresh.plan_id) == "succeeded"
    assert [(g.target_pose.x, g.target_pose.y) for g in robots.goals("fresh")] == [(5.0, 5.0)]


# ---------------------------------------------------------------------------- LLM server faults
def test_llm_server_500_timeout_and_slow_reply_end_in_bounded_retries_and_the_node_goes_on(
        ros_context, ros_node, tmp_path) -> None:
    """The openai backend against a local server: 500s and a server that never answers in time
    are retried (bounded), then the instruction is rejected with the reason; a slow but
    in-time reply is planned; the node serves the next instruction each time."""
    text = "Dump truck 1 goes to rock 1."
    plan = json.dumps(make_planner("rules").plan(text, FLEET, WORLD).graph.to_dart())
    script = [ScriptedReply(status=500, error_message="model crashed")] * 3 + \
        [ScriptedReply(plan, delay_s=2.0)] * 3 + [ScriptedReply(plan, delay_s=0.3)]
    with LocalLLMServer(script) as server:
        cfg = tmp_path / "llm.yaml"
        cfg.write_text(yaml.safe_dump({"planner": "llm", "backend": "openai", "base_url": server.base_url,
                                       "model": "m", "timeout_s": 0.8, "total_timeout_s": 10.0, "max_retries": 2,
                                       "retry_backoff_s": 0.05, "retry_backoff_max_s": 0.2}))
        probe = PlannerProbe(ros_node)
        node = LanguageNode(context=ros_context, parameter_overrides=[
            Parameter("backend", value="llm"), Parameter("llm_config", value=str(cfg))])
        with running(ros_context, node):
            assert probe.wait_for_subscriber(probe.instruction)
            t0 = time.monotonic()
            for iid in ("http500", "timeout", "slow"):
                probe.send_instruction(text, instruction_id=iid)
            assert spin_until(ros_node, lambda: len(probe.task_graph.payloads) == 1
                              and len([p for p in probe.status.payloads if p["state"] == "rejected"]) == 2, 30)
            elapsed = time.monotonic() - t0
        requests = len(server.requests)
    rejected = {p["instruction_id"]: p["error"] for p in probe.status.payloads if p["state"] == "rejected"}
    assert "500" in rejected["http500"] and "model crashed" in rejected["http500"]
    assert "2 retries" in rejected["http500"]
    assert "did not answer within 0.8 s" in rejected["timeout"] and "3 attempt(s)" in rejected["timeout"]
    assert probe.task_graph.payloads[0]["instruction_id"] == "slow"
    assert requests == 7  # 3 + 3 + 1: retries are bounded by max_retries
    assert math.isfinite(elapsed)
