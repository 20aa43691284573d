"""allocator_node: task graphs in, robots moving, plan status out.

Runs the core :class:`~dart_planner.core.execute.ExecutionEngine` with the core allocator and
a :class:`~dart_planner.nodes.ros_actuator.RosActuator`: subscribes ``task_graph`` and
``objects``; publishes ``assignments`` (latched), ``plan_status`` (on every change and at
``status_rate_hz``), ``replan_request`` (when retries and reassignment are exhausted) and
``keepout`` (latched: every zone in force); offers the ``cancel``, ``estop``, ``resume`` and
``approve`` services. ``engine.tick()`` (timeouts) runs on a timer.

Decisions made here, and why
----------------------------
* **Safety gate.** Every plan passes :func:`~dart_planner.core.intake.gate_plan` before
  anything is dispatched: validation, stale perception (below), then :meth:`SafetyPolicy.decide
  <dart_planner.core.safety.SafetyPolicy.decide>` (``safety_file``) -- the one gate that
  ``replay --rejudge`` runs too. An active e-stop refuses it (submit again after release), a
  target outside the geofence or inside a keep-out in force refuses it with every reason
  (``rejected`` on ``plan_status``), and a plan the policy wants approved is held. The fleet
  is capped at the policy's speed limits (:meth:`SafetyPolicy.limit_fleet`) for allocation,
  and every goal carries its robot's limit as ``params["max_speed"]``.
* **Approval.** A held plan is validated and a preview allocation is published
  (``assignments`` with ``"approved": false``) so a person reviews who does what; nothing is
  dispatched until ``approve``. ``require_approval`` holds every plan (approval ``all``,
  whatever the safety file says). On approval the gate runs again against the world *then*
  (keep-outs may have changed while the plan waited): a plan now refused is rejected with its
  reasons; during an e-stop nothing is approved (the plans keep waiting). The engine
  allocates again on approval, from the fleet's state at that moment.
* **Restarts.** With ``journal_path`` a restarted node rebuilds every plan from the journal
  (finished subtasks are never dispatched again) and ignores the latched re-delivery of a
  plan it already knows. Without a journal a latched task graph published before the node
  started is ignored (``ignore_stale_plans``): nothing says it has not run already.
* **E-stop** publishes ``stop`` to every robot first, outside the engine's lock, so a busy
  engine (a long allocation) never delays it; then the engine holds or cancels the work.
* **Robots out and back.** The :class:`RosActuator` takes a robot out of service when its
  actuation node goes silent (``goal_heartbeat_s``) or its odometry stops, and reports it back
  through ``availability``, wired here to ``ExecutionEngine.set_robot_available``: a robot
  that returns gets work again. After a restart the robots the journal holds out are handed
  to :meth:`RosActuator.watch_restored` with their journaled reasons, so they come back too.
* **Stale perception** (``object_ttl_s``, the same rule as language_node's). A perceived
  object not reported again for ``object_ttl_s`` is stale: the detector stopped or no longer
  sees it, and a pile or a truck may have moved. Its last known pose is never used: a plan
  naming a stale object known only from perception is ``rejected`` at intake (and on
  approve) with a reason naming it; a goal for one that went stale after its plan was
  accepted is refused before it leaves (the subtask fails ``goal refused: stale perceived
  object(s): ...``, is retried and then goes back to the language layer as a replan
  request, which refuses it there too while the object stays stale). A configured object
  whose perceived version went stale falls back to its configured pose (within one engine
  tick). A fresh ``objects`` message makes objects current again; 0 turns this off.
* **Log.** Each goal sent is logged at info with the pose it was resolved to (the pose the
  robot drives to), and each change to the perceived objects (added, moved by 0.5 m or more,
  gone) as one ``objects:`` line, so the log shows where the work was sent and why.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from rclpy.callback_groups import MutuallyExclusiveCallbackGroup, ReentrantCallbackGroup
from rclpy.clock import Clock, ClockType
from rclpy.executors import MultiThreadedExecutor
from rclpy.node import Node
from rclpy.qos import DurabilityPolicy, HistoryPolicy, QoSProfile, ReliabilityPolicy
from std_msgs.msg import String
from std_srvs.srv import SetBool, Trigger

from ..core.actuation import SkillGoal
from ..core.allocate import ALLOCATORS, allocate
from ..core.errors import ConfigError, ConfigIssue, DartPlannerError
from ..core.execute import (
    ESTOP_MODES,
    EmergencyStop,
    EngineEvent,
    ExecutionEngine,
    ExecutionJournal,
    ModuleAllocator,
    PlanAccepted,
    PlanFinished,
    PlanState,
    ReplanRequested,
    RobotAvailabilityChanged,
    SubtaskProgress,
    SubtaskReassigned,
    event_to_dict,
    schedule_to_dict,
)
from ..core.execution.runtime import apply_keepout
from ..core.fleet import KEEPOUT_ACTIONS, load_fleet
from ..core.goal_speed import SpeedCappedActuator
from ..core.intake import IntakeDecision, gate_plan, graph_from_payload
from ..core.objects import PerceivedObjects, restore_configured, stale_reason
from ..core.plan import TaskGraph
from ..core.refill import add_refills
from ..core.safety import ApprovalMode, ApprovalRule, GateVerdict, SafetyPolicy, load_safety_policy
from ..core.schedule import LiveState, Schedule
from ..core.world import KeepOutZone, load_world
from ..resources import default_fleet_path, default_world_path
from ..topics import (
    ASSIGNMENTS,
    KEEPOUT,
    OBJECTS,
    PLAN_STATUS,
    REPLAN_REQUEST,
    SRV_APPROVE,
    SRV_CANCEL,
    SRV_ESTOP,
    SRV_RESUME,
    TASK_GRAPH,
    planner_topic,
)
from .conversions import json_msg, parse_json_msg, planner_namespace
from .entry import run_node
from .params import Param, declare_params
from .qos import EVENTS, LATCHED, STATUS
from .ros_actuator import HEARTBEAT_DEFAULT_S, HEARTBEAT_DESCRIPTION, HEARTBEAT_PARAM, RosActuator

__all__ = ["AllocatorNode", "PARAMS", "PLAN_QUEUE", "SpeedCappedActuator", "main"]

PLAN_QUEUE = QoSProfile(depth=20, history=HistoryPolicy.KEEP_LAST, reliability=ReliabilityPolicy.RELIABLE,
                        durability=DurabilityPolicy.TRANSIENT_LOCAL)
"""task_graph as the allocator reads it: latched like ``qos.LATCHED`` (and compatible with it), but
deep. With depth 1 a plan published right after another can replace it in the writer's or the
reader's queue before it was taken, and a plan that is never delivered never runs. Late joiners
get the last 20 plans; the journal (or ``ignore_stale_plans``) keeps them from running twice."""

PARAMS = [
    Param("fleet_file", "", "Fleet YAML (robots, types, skills); empty: the shipped config/fleet.yaml."),
    Param("world_file", "", "World YAML (objects, keep-out zones, bounds); empty: the shipped config/world.yaml."),
    Param("policy", "heuristic", "Allocation policy: heuristic, exact or dart_baseline."),
    Param("require_approval", False, "Hold every plan (nothing dispatched) until the approve service is called "
                                     "(approval 'all', whatever safety_file says)."),
    Param("safety_file", "", "Safety policy YAML (approval rules, geofence margin, speed limits per robot type); "
                             "empty: the shipped config/safety.yaml."),
    Param("journal_path", "", "Execution journal (JSONL); a restarted node resumes every plan from it. "
                              "Empty: no journal."),
    Param("status_rate_hz", 2.0, "Rate of the steady plan_status stream for unfinished plans (0: on change only)."),
    Param("max_retries", 1, "Retries of a failed subtask on the same robots before it is reassigned."),
    Param("namespace", "", "Planner namespace of the topics and services; empty: the node's namespace, "
                           "or /dart at the root."),
    Param("estop_mode", "hold", "What an emergency stop does to running subtasks: hold (resume after release) "
                                "or cancel."),
    Param("tick_rate_hz", 10.0, "How often the engine checks timeouts and queued goals are flushed."),
    Param("track_odom", False, "Follow every robot's odom for its position (else positions come from the poses "
                               "in actuation feedback and results; robots not heard from are at their start)."),
    Param("ignore_stale_plans", True, "Without a journal, ignore a latched task graph published before this "
                                      "node started (it may have run already)."),
    Param(HEARTBEAT_PARAM, HEARTBEAT_DEFAULT_S, HEARTBEAT_DESCRIPTION),
    Param("object_ttl_s", 20.0, "A perceived object not reported again for this long (s) is stale: plans naming "
                                "a stale perception-only object are rejected and goals to it refused, configured "
                                "objects fall back to their configured pose (0: objects never go stale)."),
]


def _zones_payload(zones: Iterable[KeepOutZone]) -> dict[str, Any]:
    return {"zones": [{"name": z.name, "x": z.x, "y": z.y, "radius": z.radius, "robots": sorted(z.robots)}
                      for z in zones]}


class AllocatorNode(Node):
    """The execution engine on the ROS graph.

    ``kwargs`` go to :class:`rclpy.node.Node` (``context``, ``namespace``,
    ``parameter_overrides``, ...), which is how the one-process runner and tests build it.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("allocator_node", **kwargs)
        p = declare_params(self, PARAMS)
        self._started_wall = time.time()
        self._ns = planner_namespace(p["namespace"], self.get_namespace())
        self._check(p)
        self._require_approval = bool(p["require_approval"])
        self._safety = self._load_safety(str(p["safety_file"]), self._require_approval)
        self._fleet = self._safety.limit_fleet(load_fleet(p["fleet_file"] or default_fleet_path()))
        self._base_world = load_world(p["world_file"] or default_world_path())
        self._policy = str(p["policy"])
        self._ignore_stale = bool(p["ignore_stale_plans"])
        self._lock = threading.RLock()
        # its own lock is taken inside the engine's dispatch (the stale refusal), never around a call
        self._perceived = PerceivedObjects(self._base_world, float(p["object_ttl_s"]))  # by time.monotonic()
        self._object_ttl_s = self._perceived.ttl_s
        self._instruction_ids: dict[str, str | None] = {}
        self._awaiting: dict[str, TaskGraph] = {}
        self._approval_reasons: dict[str, tuple[str, ...]] = {}
        self._seen: set[str] = set()
        self._objects_lock = threading.Lock()  # never held while calling the engine from another lock
        self._zones_sent: tuple[KeepOutZone, ...] | None = None
        self._engine: ExecutionEngine | None = None
        self.status_published = 0

        group = ReentrantCallbackGroup()
        self._pub_assign = self.create_publisher(String, self._topic(ASSIGNMENTS), LATCHED)
        self._pub_status = self.create_publisher(String, self._topic(PLAN_STATUS), STATUS)
        self._pub_replan = self.create_publisher(String, self._topic(REPLAN_REQUEST), EVENTS)
        self._pub_keepout = self.create_publisher(String, self._topic(KEEPOUT), LATCHED)
        self._actuator = RosActuator(self, self._fleet, fleet_goal=self._apply_fleet_goal, callback_group=group,
                                     track_odom=bool(p["track_odom"]))
        self._capped = SpeedCappedActuator(self._actuator, self._safety, self._fleet, refuse=self._stale_goal)
        self._engine = self._make_engine(p)
        # robots the actuator takes out (silent node, lost odometry) come back into service
        self._actuator.availability = self._engine.set_robot_available
        self._watch_restored(str(p["journal_path"]))
        self._seen.update(self._engine.plans())
        self._publish_keepout()
        for pid in self._engine.plans():
            self._publish_status(pid)

        inputs = MutuallyExclusiveCallbackGroup()  # plans and world updates are applied in arrival order
        self.create_subscription(String, self._topic(TASK_GRAPH), self._on_task_graph, PLAN_QUEUE,
                                 callback_group=inputs)
        self.create_subscription(String, self._topic(OBJECTS), self._on_objects, LATCHED, callback_group=inputs)
        self.create_service(Trigger, self._topic(SRV_CANCEL), self._srv_cancel, callback_group=group)
        self.create_service(SetBool, self._topic(SRV_ESTOP), self._srv_estop, callback_group=group)
        self.create_service(Trigger, self._topic(SRV_RESUME), self._srv_resume, callback_group=group)
        self.create_service(Trigger, self._topic(SRV_APPROVE), self._srv_approve, callback_group=group)
        # Steady-clock timers: the engine's deadlines are wall time, and with use_sim_time a
        # stopped /clock (simulator gone) must not stop timeouts, goal flushing or status.
        steady = Clock(clock_type=ClockType.STEADY_TIME)
        self.create_timer(1.0 / max(0.5, float(p["tick_rate_hz"])), self._on_tick, callback_group=group,
                          clock=steady)
        rate = float(p["status_rate_hz"])
        if rate > 0:
            self.create_timer(1.0 / rate, self._on_status_timer, callback_group=group, clock=steady)
        self.get_logger().info(
            f"allocator ready on {self._topic(TASK_GRAPH)}: policy {self._policy}, "
            f"safety {self._safety.source} (approval {self._safety.approval.mode.value}, speed limits "
            f"{dict(self._safety.speed_limits) or 'none'}), "
            f"journal {p['journal_path'] or 'off'}, {len(self._engine.plans())} plan(s) restored")

    # ------------------------------------------------------------------ set-up
    def _topic(self, name: str) -> str:
        return planner_topic(self._ns, name)

    @staticmethod
    def _load_safety(path: str, approve_all: bool) -> SafetyPolicy:
        """The safety policy (ConfigError on a bad file: the node does not start without one)."""
        policy = load_safety_policy(path or None)
        if approve_all:
            policy = replace(policy, approval=ApprovalRule(ApprovalMode.ALL))
        return policy

    @property
    def safety(self) -> SafetyPolicy:
        return self._safety

    @staticmethod
    def _check(p: dict[str, Any]) -> None:
        problems = []
        if p["policy"] not in ALLOCATORS:
            problems.append(ConfigIssue("allocator_node", "policy", f"expected one of {list(ALLOCATORS)}, "
                                                                     f"got {p['policy']!r}"))
        if p["estop_mode"] not in ESTOP_MODES:
            problems.append(ConfigIssue("allocator_node", "estop_mode", f"expected one of {list(ESTOP_MODES)}, "
                                                                         f"got {p['estop_mode']!r}"))
        if int(p["max_retries"]) < 0 or float(p["status_rate_hz"]) < 0:
            problems.append(ConfigIssue("allocator_node", "max_retries/status_rate_hz", "must be >= 0"))
        if problems:
            raise ConfigError(problems)

    def _make_engine(self, p: dict[str, Any]) -> ExecutionEngine:
        options: dict[str, Any] = {"allocator": ModuleAllocator(self._policy), "max_retries": int(p["max_retries"]),
                                   "estop_mode": str(p["estop_mode"])}
        journal = str(p["journal_path"])
        if journal and Path(journal).exists() and ExecutionJournal.read(journal).records:
            engine = ExecutionEngine.restore(journal, self._fleet, self._base_world, self._capped,
                                             observers=[self._on_event], **options)
            self.get_logger().info(f"restored {len(engine.plans())} plan(s) from {journal}")
            return engine
        engine = ExecutionEngine(self._fleet, self._base_world, self._capped,
                                 journal=ExecutionJournal(journal) if journal else None, **options)
        engine.subscribe(self._on_event)
        return engine

    def _watch_restored(self, journal: str) -> None:
        """Hand the robots a restored engine holds out of service to the actuator to watch."""
        out = self.engine.unavailable_robots
        if not out or not journal:
            return
        reasons: dict[str, str] = {}
        for rec in ExecutionJournal.read(journal).records:
            if rec.get("type") == "robot" and rec.get("robot_id") in out and not rec.get("available"):
                reasons[str(rec["robot_id"])] = str(rec.get("reason", ""))
        watched = self._actuator.watch_restored({r: reasons.get(r, "") for r in out})
        for robot_id in sorted(out):
            how = {"odom": "until its odometry flows again", "node": "until its actuation node is reachable"}
            self.get_logger().warning(
                f"{robot_id} restored out of service ({reasons.get(robot_id) or 'no reason journaled'}): "
                + (f"out {how[watched[robot_id]]}" if robot_id in watched else "stays out (not a fault this node "
                                                                               "can see end)"))

    @property
    def engine(self) -> ExecutionEngine:
        assert self._engine is not None
        return self._engine

    @property
    def actuator(self) -> RosActuator:
        return self._actuator

    # ------------------------------------------------------------------ publishing
    def _reject(self, plan_id: str | None, instruction_id: str | None, error: str,
                reasons: Iterable[str] = ()) -> None:
        """Report a plan that will not run; its id may come again (corrected) and is then run.

        ``reasons`` (the safety gate's, one per problem) go out as a list besides ``error``."""
        with self._lock:
            self._seen.discard(plan_id or "")
        self.get_logger().error(f"rejected plan {plan_id!r}: {error}")
        payload: dict[str, Any] = {"plan_id": plan_id, "instruction_id": instruction_id, "state": "rejected",
                                   "error": error, "source": "allocator_node", "at": time.time()}
        reasons = list(reasons)
        if reasons:
            payload["reasons"] = reasons
        self._pub_status.publish(json_msg("plan_status", payload))

    def _publish_status(self, plan_id: str) -> None:
        if self._engine is None:
            return
        with self._lock:
            awaiting = self._awaiting.get(plan_id)
            iid = self._instruction_ids.get(plan_id)
        if awaiting is not None:
            payload: dict[str, Any] = {"plan_id": plan_id, "instruction_id": iid, "state": "awaiting_approval",
                                       "tasks": list(awaiting.ids),
                                       "approval_reasons": list(self._approval_reasons.get(plan_id, ())),
                                       "estopped": self._engine.estopped}
        else:
            payload = self._engine.status(plan_id).to_dict()
            payload["instruction_id"] = iid
        self._pub_status.publish(json_msg("plan_status", payload))
        self.status_published += 1

    def _publish_assignments(self, plan_id: str, schedule: Schedule, approved: bool = True) -> None:
        self._pub_assign.publish(json_msg("assignments", {
            "plan_id": plan_id, "approved": approved, "schedule": schedule_to_dict(schedule)}))

    def _publish_keepout(self, zones: tuple[KeepOutZone, ...] | None = None) -> None:
        if zones is None:
            if self._engine is None:
                return
            zones = self._engine.world.keep_out
        with self._lock:
            if zones == self._zones_sent:
                return
            self._zones_sent = zones
        self._pub_keepout.publish(json_msg("keepout", _zones_payload(zones)))

    def _apply_fleet_goal(self, goal: SkillGoal) -> str | None:
        """A keep-out change: publish the zones it leads to before it counts as done."""
        if goal.action not in KEEPOUT_ACTIONS:
            return f"refused: {goal.action.value} is not a fleet-level action"
        if self._engine is None or goal.target is None:
            return None  # during a restore; the observer publishes the replayed zones
        world = apply_keepout(self._engine.world, self._fleet, goal.action, goal.target, goal.applies_to)
        self._publish_keepout(world.keep_out)
        return None

    def _on_event(self, event: EngineEvent) -> None:
        """Engine observer: publish what changed (outside the engine's lock)."""
        if self._engine is None:
            return  # a restore in progress; the node publishes every plan once it is done
        plan_id = getattr(event, "plan_id", None)
        if isinstance(event, SubtaskProgress):
            return  # progress goes out with the steady status stream, not once per feedback message
        if isinstance(event, (PlanAccepted, SubtaskReassigned)):
            self._publish_assignments(event.plan_id, self._engine.schedule(event.plan_id))
        if isinstance(event, ReplanRequested):
            self._pub_replan.publish(json_msg("replan_request", event_to_dict(event)))
        if isinstance(event, PlanFinished):
            self.get_logger().info(f"plan {event.plan_id} finished: {event.outcome.value}")
        if isinstance(event, RobotAvailabilityChanged):
            self.get_logger().warning(f"robot {event.robot_id} {'back' if event.available else 'out'}: "
                                      f"{event.reason}")
        if isinstance(event, EmergencyStop):
            for pid in self._live_plans():
                self._publish_status(pid)
        elif plan_id is not None:
            self._publish_status(plan_id)
        self._publish_keepout()

    def _live_plans(self) -> list[str]:
        engine = self.engine
        return [pid for pid in engine.plans() if not engine.is_finished(pid)]

    # ------------------------------------------------------------------ timers
    def _on_tick(self) -> None:
        self._expire_stale()
        self._actuator.flush()
        self.engine.tick()

    def _on_status_timer(self) -> None:
        with self._lock:
            awaiting = list(self._awaiting)
        for pid in [*self._live_plans(), *awaiting]:
            self._publish_status(pid)

    # ------------------------------------------------------------------ subscriptions
    def _on_task_graph(self, msg: String) -> None:
        try:
            payload = parse_json_msg("task_graph", msg)
            graph, iid = graph_from_payload(payload)
        except DartPlannerError as exc:
            self._reject(None, None, f"malformed task graph: {exc}")
            return
        pid = graph.plan_id
        with self._lock:
            if pid in self._seen or pid in self.engine.plans():
                self.get_logger().debug(f"task graph {pid} already known; ignored")
                return
            self._seen.add(pid)
            self._instruction_ids[pid] = iid
        created = payload.get("created_at")
        if (self._ignore_stale and self.engine.journal_path is None and isinstance(created, (int, float))
                and created < self._started_wall):
            self.get_logger().warning(
                f"ignoring task graph {pid}: published before this node started and there is no journal to "
                "tell whether it already ran (publish it again, or set journal_path)")
            return
        self.get_logger().info(f"task graph {pid}: {len(graph)} subtasks")
        self._gate(graph, iid)

    def _on_objects(self, msg: String) -> None:
        try:
            payload = parse_json_msg("objects", msg)
        except DartPlannerError as exc:
            self.get_logger().warning(f"ignored an objects message: {exc}")
            return
        with self._objects_lock:  # (the engine's lock is taken inside; no other lock is held)
            taken = self._perceived.take(payload, self.engine.world, time.monotonic())
            self.engine.update_world(taken.world)
        for why in taken.refused[:10]:
            self.get_logger().warning(f"perceived object refused: {why}")
        if taken.changes:
            self.get_logger().info(taken.changes)

    # ------------------------------------------------------------------ stale perception
    def stale_objects(self) -> dict[str, float]:
        """Perceived objects not reported for more than ``object_ttl_s``: name -> seconds since.

        Configured objects leave this set once they fell back to their configuration (next tick)."""
        # not _objects_lock: this runs inside the engine's dispatch (the refusal check), and
        # _objects_lock is held while calling the engine
        return self._perceived.stale(time.monotonic())

    def _expire_stale(self) -> None:
        """Configured objects whose perceived version went stale fall back to their configuration;
        stale perception-only objects stay in the world (a precise refusal beats "unknown
        object") and are logged once."""
        stale = self.stale_objects()
        if not stale:
            return
        with self._objects_lock:  # (as in _on_objects: the engine's lock is taken inside)
            new = self._perceived.newly_stale(stale)
            configured = [n for n in new if self._base_world.has_object(n)]
            self._perceived.forget(configured)
            if not new:
                return
            if configured:
                self.engine.update_world(restore_configured(self.engine.world, self._base_world, configured))
        if configured:
            self.get_logger().warning(f"perceived object(s) {', '.join(configured)} not reported for over "
                                      f"{self._object_ttl_s:g} s (object_ttl_s): back at their configured pose")
        only = [n for n in new if n not in configured]
        if only:
            self.get_logger().warning(f"perceived object(s) {', '.join(only)} not reported for over "
                                      f"{self._object_ttl_s:g} s (object_ttl_s): stale, goals to them are refused. "
                                      "Is the detector running?")

    def _stale_only(self) -> dict[str, float]:
        """The stale objects known only from perception (configured ones fall back instead)."""
        return self._perceived.stale_only(time.monotonic())

    def _stale_goal(self, goal: SkillGoal) -> str | None:
        """SpeedCappedActuator's last check: no goal goes to a stale perceived-only object."""
        if goal.target is None:
            return None
        return stale_reason((goal.target,), self._stale_only(), self._object_ttl_s)

    def _decide(self, graph: TaskGraph, approved: bool = False) -> IntakeDecision:
        """The intake gate (:func:`~dart_planner.core.intake.gate_plan`: validation, stale
        perception, safety) against the world, stale objects and e-stop state now."""
        return gate_plan(graph, self._fleet, self.engine.world, self._safety, stale_only=self._stale_only(),
                         object_ttl_s=self._object_ttl_s, approved=approved, estopped=self.engine.estopped)

    def _gate(self, graph: TaskGraph, iid: str | None) -> None:
        """The intake gate, then dispatch or hold; nothing moves before it said yes."""
        decision = self._decide(graph)
        if decision.verdict is GateVerdict.NEEDS_APPROVAL:
            self._hold_for_approval(graph, iid, decision.reasons)
        elif decision.may_dispatch:
            self._submit(graph, iid)
        else:
            self._reject(graph.plan_id, iid, decision.error, decision.reasons)

    def _submit(self, graph: TaskGraph, iid: str | None) -> None:
        try:
            self.engine.submit(graph)
        except DartPlannerError as exc:
            self._reject(graph.plan_id, iid, f"{type(exc).__name__}: {exc}")

    def _hold_for_approval(self, graph: TaskGraph, iid: str | None, reasons: tuple[str, ...]) -> None:
        world = self.engine.world
        positions = {r: p for r in self._fleet.robot_ids if (p := self._actuator.robot_pose(r)) is not None}
        state = LiveState(positions=positions, unavailable=self.engine.unavailable_robots, world=world)
        try:
            # the plan as it will execute (refill digs added as the engine's submit adds them)
            preview = allocate(add_refills(graph, self._fleet)[0], self._fleet, world, self._policy, state)
        except DartPlannerError as exc:
            self._reject(graph.plan_id, iid, f"{type(exc).__name__}: {exc}")
            return
        with self._lock:
            self._awaiting[graph.plan_id] = graph
            self._approval_reasons[graph.plan_id] = reasons
        self._publish_assignments(graph.plan_id, preview, approved=False)
        self._publish_status(graph.plan_id)
        self.get_logger().info(f"plan {graph.plan_id} waits for approval ({self._topic(SRV_APPROVE)}): "
                               + "; ".join(reasons))

    # ------------------------------------------------------------------ services
    def _srv_cancel(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        with self._lock:
            dropped = list(self._awaiting)
            self._awaiting.clear()
            self._approval_reasons.clear()
        for pid in dropped:
            self._pub_status.publish(json_msg("plan_status", {
                "plan_id": pid, "instruction_id": self._instruction_ids.get(pid), "state": "cancelled",
                "error": "cancelled before approval", "at": time.time()}))
        cancelled = [pid for pid in self._live_plans() if self.engine.cancel(pid, "cancelled by the cancel service")]
        response.success = True
        response.message = f"cancelled {len(cancelled)} running and {len(dropped)} waiting plan(s)"
        self.get_logger().warning(response.message)
        return response

    def _srv_estop(self, request: SetBool.Request, response: SetBool.Response) -> SetBool.Response:
        if request.data:
            self._actuator.halt()  # first, and outside the engine's lock (which may be busy)
            try:
                self.engine.estop(f"emergency stop requested on {self._topic(SRV_ESTOP)}")
            finally:
                self._actuator.unhalt()
            response.message = "emergency stop: every robot told to stop; nothing starts until released"
        else:
            self.engine.release_estop()
            response.message = "emergency stop released"
        response.success = True
        self.get_logger().warning(response.message)
        return response

    def _srv_resume(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        engine = self.engine
        paused = [pid for pid in self._live_plans() if engine.plan_outcome(pid) is PlanState.PAUSED]
        for pid in paused:
            engine.resume(pid)
        response.success = True
        response.message = f"resumed {len(paused)} plan(s)" + (" (emergency stop still active)"
                                                               if engine.estopped else "")
        return response

    def _srv_approve(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        """Approve every waiting plan that the gate still allows against the world now."""
        with self._lock:
            if self.engine.estopped:  # e-stop wins over approval: the plans keep waiting
                response.success = False
                response.message = (f"emergency stop active: nothing approved, {len(self._awaiting)} plan(s) "
                                    "still waiting (release the stop, then approve)")
                self.get_logger().warning(response.message)
                return response
            approved = list(self._awaiting.items())
            self._awaiting.clear()
            for pid, _ in approved:
                self._approval_reasons.pop(pid, None)
        started: list[str] = []
        refused: list[str] = []
        held: list[str] = []
        for pid, graph in approved:
            iid = self._instruction_ids.get(pid)
            # the gate again, against the world now: keep-outs may have changed and objects it
            # names gone stale while it waited
            decision = self._decide(graph, approved=True)
            if decision.may_dispatch:
                self._submit(graph, iid)
                started.append(pid)
            elif decision.verdict is GateVerdict.ESTOPPED:  # a stop came in meanwhile: keep it waiting
                with self._lock:
                    self._awaiting[pid] = graph
                held.append(pid)
            else:
                self._reject(pid, iid, decision.error, decision.reasons)
                refused.append(pid)
        response.success = bool(started)
        if not approved:
            response.message = "no plan is waiting for approval"
        else:
            response.message = "; ".join(part for part in (
                f"approved {', '.join(started)}" if started else "",
                f"refused by the safety gate {', '.join(refused)}" if refused else "",
                f"still waiting (emergency stop) {', '.join(held)}" if held else "") if part)
        self.get_logger().info(response.message)
        return response

    def destroy_node(self) -> None:
        # getattr: a node whose __init__ failed (a configuration error) is still destroyed by
        # the context's shutdown, and must not add a traceback to the fatal log line
        engine = getattr(self, "_engine", None)
        if engine is not None:
            engine.close()
        super().destroy_node()


def main(args: list[str] | None = None) -> None:
    # enough threads that a service call (estop) never waits for a free one behind results,
    # timers and status publishing
    run_node(AllocatorNode, "allocator_node", lambda: MultiThreadedExecutor(num_threads=max(4, os.cpu_count() or 1)),
             args)


if __name__ == "__main__":
    main()
