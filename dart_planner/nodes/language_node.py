"""language_node: plain-language instructions in, validated task graphs out.

Subscribes ``instruction`` (text, or JSON with an id), ``objects`` (perceived objects, merged
into the world the planner sees) and ``replan_request`` (from the allocator); publishes
``task_graph`` (latched), ``llm_exchange`` (every model request/response, cassette-shaped, so a
bag of a run replays its LLM too) and, for every failure, a ``rejected`` record on
``plan_status``. The planner is any :func:`dart_planner.llm.pipeline.make_planner` name.
The planning steps themselves (planning world, stale objects, the second validation,
continuation plans) are ROS-free in :mod:`dart_planner.llm.node_planning`, which
``replay --rejudge`` runs too; this node adds topics, ids, threads and logging.

Planning runs on one worker thread, never on the executor: a slow LLM leaves subscriptions,
timers and parameter services responsive, and instructions are planned in arrival order.
Nothing a message carries can stop the node: every error becomes a ``rejected`` record.
An LLM server that times out, answers 500 or streams too slowly is retried by the backend
with bounded exponential backoff (``config/llm.yaml``: ``max_retries``, ``timeout_s``,
``total_timeout_s``); when the retries are spent the instruction is ``rejected`` with the
backend's reason and the node plans the next instruction as usual.

Detector silence (``object_ttl_s``)
-----------------------------------
The detector republishes every object it perceives at least every few seconds (its
``republish_s``), so a perceived object not reported again for ``object_ttl_s`` means the
detector stopped (died, lost its camera) or the object is no longer seen: it is *stale*.
The choice made here is to refuse rather than guess: an instruction whose plan names a
stale object known only from perception is ``rejected`` with a reason naming the object and
how long ago it was last reported; the last known pose is never used silently, because a
pile or a truck may have moved since. Objects of the site configuration are not affected:
a stale perceived version of one falls back to its configured pose (with a warning), as
when the detector stops reporting it. A fresh ``objects`` message makes objects current
again. ``object_ttl_s`` 0 turns this off (objects never go stale).

Each change to the objects the node plans with (added, moved by 0.5 m or more, gone) is logged
at info as one ``objects:`` line with the new poses, so the log shows what a plan was made with.

    ros2 run dart_planner language_node --ros-args -p backend:=rules
    ros2 run dart_planner language_node --ros-args -p backend:=replay -p cassette:=run.jsonl
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from rclpy.executors import MultiThreadedExecutor
from rclpy.node import Node
from rclpy.publisher import Publisher
from rclpy.qos import DurabilityPolicy, HistoryPolicy, QoSProfile, ReliabilityPolicy
from std_msgs.msg import String

from ..core.errors import DartPlannerError
from ..core.instruction import parse_instruction
from ..core.objects import PerceivedObjects
from ..core.plan import TaskGraph
from ..core.validate import ValidationReport
from ..core.world import World
from ..llm.config import load_llm_config
from ..llm.node_planning import continuation_graph, continue_for_node, plan_for_node
from ..llm.pipeline import Planner, PlanningResult, make_planner
from ..llm.replay_backend import cassette_entry
from ..topics import INSTRUCTION, LLM_EXCHANGE, OBJECTS, PLAN_STATUS, REPLAN_REQUEST, TASK_GRAPH, planner_topic
from .conversions import json_msg, parse_json_msg, planner_namespace
from .entry import run_node
from .params import Param, declare_params, load_site
from .qos import EVENTS, LATCHED, STATUS

__all__ = ["LanguageNode", "PARAMS", "main"]

PARAMS = [
    Param("fleet_file", "", "Fleet YAML (robots, types, skills); empty: the shipped config/fleet.yaml."),
    Param("world_file", "", "World YAML (objects, keep-out zones, bounds); empty: the shipped config/world.yaml."),
    Param("llm_config", "", "Language-layer YAML (config/llm.yaml form); empty: the shipped one."),
    Param("backend", "rules", "Planner: rules, llm (the configured backend) or a backend name "
                              "(openai, replay, transformers, llamacpp)."),
    Param("cassette", "", "Cassette JSONL the replay backend answers from (overrides llm_config's)."),
    Param("namespace", "", "Planner namespace of the topics; empty: the node's namespace, or /dart at the root."),
    Param("max_replans", 1, "Continuation plans published per original plan after the allocator gives up "
                            "on a subtask (0: only report replan requests)."),
    Param("object_ttl_s", 20.0, "A perceived object not reported again for this long (s) is stale: plans naming "
                                "a stale perception-only object are rejected, configured objects fall back to "
                                "their configured pose (0: objects never go stale)."),
]

_MAX_REMEMBERED = 200

PLAN_QUEUE = QoSProfile(depth=20, history=HistoryPolicy.KEEP_LAST, reliability=ReliabilityPolicy.RELIABLE,
                        durability=DurabilityPolicy.TRANSIENT_LOCAL)
"""task_graph as published: latched (compatible with ``qos.LATCHED`` readers) but deep, so two
plans in quick succession never replace one another before the allocator took them."""


@dataclass(frozen=True)
class _Origin:
    """What the node remembers of a plan it published (for replan requests)."""

    instruction_id: str
    instruction: str
    graph: TaskGraph
    root: str
    """The plan id the lineage of continuations started from."""


class LanguageNode(Node):
    """Instruction -> task graph, with the world kept current from ``objects``.

    ``kwargs`` go to :class:`rclpy.node.Node` (``context``, ``namespace``,
    ``parameter_overrides``, ...), which is how the one-process runner and tests build it.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("language_node", **kwargs)
        p = declare_params(self, PARAMS)
        self._ns = planner_namespace(p["namespace"], self.get_namespace())
        self._fleet, self._base_world = load_site(p)
        self._world = self._base_world
        self._perceived = PerceivedObjects(self._base_world, float(p["object_ttl_s"]))  # by time.monotonic()
        self._object_ttl_s = self._perceived.ttl_s
        self._max_replans = max(0, int(p["max_replans"]))
        cfg = load_llm_config(p["llm_config"] or None)
        if p["cassette"]:
            cfg = cfg.with_overrides(cassette=p["cassette"])
        self._planner: Planner = make_planner(p["backend"] or None, cfg)
        self._lock = threading.Lock()
        self._origins: OrderedDict[str, _Origin] = OrderedDict()
        self._replans: Counter[str] = Counter()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="language_node_planner")
        # The worker may finish a plan after destroy_node (which does not wait for a slow model) or
        # after Ctrl-C ended the context: publishing then would raise in it (InvalidHandle,
        # RCLError), misreported as an internal error. _publish checks both.
        self._publish_lock = threading.Lock()
        self._closed = False

        self._pub_graph = self.create_publisher(String, self._topic(TASK_GRAPH), PLAN_QUEUE)
        self._pub_status = self.create_publisher(String, self._topic(PLAN_STATUS), STATUS)
        self._pub_exchange = self.create_publisher(String, self._topic(LLM_EXCHANGE), EVENTS)
        self.create_subscription(String, self._topic(INSTRUCTION), self._on_instruction, EVENTS)
        self.create_subscription(String, self._topic(OBJECTS), self._on_objects, LATCHED)
        self.create_subscription(String, self._topic(REPLAN_REQUEST), self._on_replan_request, EVENTS)
        if self._object_ttl_s > 0:
            self.create_timer(min(1.0, self._object_ttl_s / 2), self._log_stale)
        self._worker.submit(self._warm_up)
        self.get_logger().info(
            f"planner {getattr(self._planner, 'name', p['backend'])!r} ready on {self._topic(INSTRUCTION)} "
            f"({len(self._fleet.robots)} robots, {len(self._world.objects)} objects)")

    # ------------------------------------------------------------------ plumbing
    def _topic(self, name: str) -> str:
        return planner_topic(self._ns, name)

    @property
    def world(self) -> World:
        with self._lock:
            return self._world

    def destroy_node(self) -> None:
        # getattr: a node whose __init__ failed (a configuration error) is still destroyed by
        # the context's shutdown, and must not add a traceback to the fatal log line
        worker = getattr(self, "_worker", None)
        if worker is not None:
            worker.shutdown(wait=False, cancel_futures=True)
        lock = getattr(self, "_publish_lock", None)
        if lock is not None:
            with lock:  # a publish in progress ends first; later ones see _closed
                self._closed = True
        super().destroy_node()

    def _publish(self, publisher: Publisher[String], msg: String, what: str) -> None:
        """Publish, unless the node is being destroyed (the planner worker outlives destroy_node)
        or its context has ended: Ctrl-C ends the context before the node's main destroys the
        node, and a publish then raises (RCLError 'context is invalid', InvalidHandle)."""
        with self._publish_lock:
            if self._closed or not self.context.ok():
                self.get_logger().info(f"shutting down: {what} not published")
                return
            try:
                publisher.publish(msg)
            except RuntimeError:  # rclpy's RCLError and InvalidHandle
                if self.context.ok():
                    raise
                # the context ended between the check and the publish (the signal handler's thread)
                self.get_logger().info(f"shutting down: {what} not published")

    def _warm_up(self) -> None:
        """Load what a planner loads lazily (the rules planner's lexicon) before the first
        instruction, on the worker thread; a broken file is reported now, not then."""
        try:
            getattr(self._planner, "lexicon", None)
        except DartPlannerError as exc:
            self.get_logger().error(f"the planner cannot load its configuration: {exc}")

    def _reject(self, instruction_id: str | None, plan_id: str | None, error: str) -> None:
        self.get_logger().error(f"rejected instruction {instruction_id!r}: {error}")
        self._publish(self._pub_status, json_msg("plan_status", {
            "plan_id": plan_id, "instruction_id": instruction_id, "state": "rejected", "error": error,
            "source": "language_node", "at": time.time()}), f"rejection of instruction {instruction_id!r}")

    def _submit(self, instruction_id: str | None, fn: Any, *args: Any) -> None:
        try:
            self._worker.submit(self._guarded, instruction_id, fn, *args)
        except RuntimeError:  # shutting down
            pass

    def _guarded(self, instruction_id: str | None, fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except Exception as exc:  # a planner bug must not kill the worker or the node
            self._reject(instruction_id, None, f"internal error: {type(exc).__name__}: {exc}")

    # ------------------------------------------------------------------ callbacks
    def _on_instruction(self, msg: String) -> None:
        try:
            instruction_id, text = parse_instruction(msg.data, "instr-" + uuid.uuid4().hex[:10])
        except DartPlannerError as exc:
            self._reject(None, None, f"malformed instruction message: {exc}")
            return
        self.get_logger().info(f"instruction {instruction_id}: {text[:120]!r}")
        self._submit(instruction_id, self._plan, instruction_id, text)

    def _on_objects(self, msg: String) -> None:
        try:
            payload = parse_json_msg("objects", msg)
        except DartPlannerError as exc:
            self.get_logger().warning(f"ignored an objects message: {exc}")
            return
        with self._lock:
            taken = self._perceived.take(payload, self._world, time.monotonic())
            self._world = taken.world
        for why in taken.refused[:10]:
            self.get_logger().warning(f"perceived object refused: {why}")
        if taken.changes:
            self.get_logger().info(taken.changes)

    def _on_replan_request(self, msg: String) -> None:
        try:
            payload = parse_json_msg("replan_request", msg)
        except DartPlannerError as exc:
            self._reject(None, None, f"malformed replan request: {exc}")
            return
        self._submit(None, self._replan, payload)

    # ------------------------------------------------------------------ detector silence
    def stale_objects(self) -> dict[str, float]:
        """Perceived objects not reported for more than ``object_ttl_s``: name -> seconds since."""
        return self._perceived.stale(time.monotonic())

    def _world_now(self) -> tuple[World, dict[str, float]]:
        """The merged world now and its stale perceived objects (for :mod:`~dart_planner.llm.node_planning`)."""
        stale = self.stale_objects()
        with self._lock:
            return self._world, stale

    def _log_stale(self) -> None:
        new = self._perceived.newly_stale(self.stale_objects())
        if new:
            self.get_logger().warning(
                f"perceived object(s) {', '.join(new)} not reported for over {self._object_ttl_s:g} s "
                "(object_ttl_s): stale. Is the detector running?")

    # ------------------------------------------------------------------ worker thread
    def _plan(self, instruction_id: str, text: str) -> None:
        world, stale = self._world_now()
        plan = plan_for_node(self._planner, text, self._fleet, world, base=self._base_world, stale=stale,
                             object_ttl_s=self._object_ttl_s)
        plan_id = plan.graph.plan_id if plan.graph is not None else None
        self._publish_exchanges(instruction_id, plan_id, plan.attempts, plan.backend)
        if not plan.ok:
            self._reject(instruction_id, plan_id, plan.error)
            return
        assert plan.graph is not None and plan.result is not None and plan.report is not None
        self._publish_graph(plan.graph, instruction_id, text, plan.result, plan.report, root=plan.graph.plan_id)

    def _replan(self, payload: Mapping[str, Any]) -> None:
        plan_id, task_id = payload.get("plan_id"), payload.get("task_id")
        with self._lock:
            origin = self._origins.get(plan_id) if isinstance(plan_id, str) else None
        if origin is None:
            self.get_logger().warning(f"replan request for plan {plan_id!r}, which this node did not publish")
            return
        if self._replans[origin.root] >= self._max_replans:
            self._reject(origin.instruction_id, plan_id,
                         f"subtask {task_id!r} failed ({payload.get('reason', '')}); no continuation plan: "
                         f"{self._max_replans} replan(s) already used for this instruction")
            return
        done = payload.get("done", [])
        unavailable = payload.get("unavailable_robots", [])
        if not isinstance(task_id, str) or not _strings(done) or not _strings(unavailable):
            self._reject(origin.instruction_id, plan_id, "malformed replan request: task_id, done, "
                         "unavailable_robots must be strings")
            return
        graph = continuation_graph(origin.graph, task_id, done, unavailable, self._fleet)
        if graph is None:
            return
        self._replans[origin.root] += 1
        world, stale = self._world_now()
        checked = continue_for_node(graph, str(plan_id), self._fleet, world, base=self._base_world, stale=stale,
                                    object_ttl_s=self._object_ttl_s)
        if not checked.ok or checked.report is None:
            self._reject(origin.instruction_id, graph.plan_id, checked.error)
            return
        self.get_logger().info(f"continuation {graph.plan_id} of {plan_id} after {task_id!r} failed: "
                               f"{', '.join(graph.ids)}")
        result = PlanningResult(graph, checked.report,
                                planner=f"continuation:{getattr(self._planner, 'name', '')}")
        self._publish_graph(graph, origin.instruction_id, origin.instruction, result, checked.report,
                            root=origin.root, replan_of=plan_id)

    def _publish_graph(self, graph: TaskGraph, instruction_id: str, text: str, result: PlanningResult,
                       report: ValidationReport, *, root: str, replan_of: str | None = None) -> None:
        """Publish a plan validated by :mod:`~dart_planner.llm.node_planning` (``report``)."""
        payload: dict[str, Any] = {
            "plan_id": graph.plan_id, "instruction_id": instruction_id, "instruction": text,
            "planner": result.planner, "plan": graph.to_dart(), "native": graph.to_native(),
            "report": report.to_dict(), "created_at": time.time(), "latency_s": result.latency_s,
        }
        if replan_of is not None:
            payload["replan_of"] = replan_of
        with self._lock:
            self._origins[graph.plan_id] = _Origin(instruction_id, text, graph, root)
            while len(self._origins) > _MAX_REMEMBERED:
                self._origins.popitem(last=False)
        self._publish(self._pub_graph, json_msg("task_graph", payload), f"task graph {graph.plan_id}")
        self.get_logger().info(f"task graph {graph.plan_id}: {len(graph)} subtasks "
                               f"({1000 * result.latency_s:.1f} ms, {result.planner})")

    def _publish_exchanges(self, instruction_id: str, plan_id: str | None, attempts: Sequence[Any],
                           backend: str) -> None:
        for a in attempts:
            reply = getattr(a, "reply", None)
            if reply is None:
                continue
            entry = cassette_entry(a.messages, a.schema, reply, backend)
            self._publish(self._pub_exchange, json_msg("llm_exchange", {
                "instruction_id": instruction_id, "plan_id": plan_id, "attempt": a.index,
                "errors": list(a.errors), **entry}), f"LLM exchange {a.index} of {instruction_id!r}")


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def main(args: list[str] | None = None) -> None:
    run_node(LanguageNode, "language_node", MultiThreadedExecutor, args)


if __name__ == "__main__":
    main()
