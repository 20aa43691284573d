"""The whole stack in one process, for machines without the ``ros2`` CLI (``dart-planner ros``).

Starts the node set ``launch/dart.launch.py`` starts, with the same parameters: language,
allocator and detector nodes in the planner namespace, the built-in simulator, and one
actuation node per robot of the fleet file in the robot's namespace, all spun by one
MultiThreadedExecutor. Robot-side node modules are imported only when asked for, so the
planner nodes run (``with_sim=False`` etc.) wherever rclpy does.

Optionally it drives one instruction through the stack and exits with its outcome
(:class:`InstructionDriver`), which makes a scripted smoke test of an installation:

    dart-planner ros --instruction "Dump truck 1 goes to puddle 1." --exit-when-done
"""

from __future__ import annotations

import importlib
import inspect
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import rclpy
from rclpy.context import Context
from rclpy.executors import ExternalShutdownException, MultiThreadedExecutor
from rclpy.node import Node
from rclpy.parameter import Parameter
from std_msgs.msg import String

from ..core.envelope import encode
from ..core.errors import ConfigError, ConfigIssue, DartPlannerError
from ..core.fleet import Fleet, load_fleet
from ..resources import default_fleet_path, default_world_path
from ..topics import INSTRUCTION, PLAN_STATUS, planner_topic
from .conversions import parse_json_msg
from .entry import CALLBACKS_STUCK, SHUTDOWN_WAIT_S, SPIN_DIED, shut_down_executor
from .qos import EVENTS, STATUS

__all__ = ["StackOptions", "InstructionDriver", "build_stack", "run_stack", "node_class", "FINISHED_STATES"]

FINISHED_STATES = ("succeeded", "failed", "cancelled", "rejected")

_CLASSES = {"language_node": "LanguageNode", "allocator_node": "AllocatorNode", "sim_node": "SimNode",
            "actuation_node": "ActuationNode", "detector_node": "DetectorNode"}


@dataclass(frozen=True)
class StackOptions:
    """What ``dart.launch.py``'s arguments set, under the same names where they exist."""

    fleet_file: str = ""
    world_file: str = ""
    llm_config: str = ""
    backend: str = "rules"
    cassette: str = ""
    require_approval: bool = False
    safety_file: str = ""
    """Safety policy YAML for the allocator (approval rules, geofence, speed limits); empty: the shipped one."""
    journal_path: str = ""
    policy: str = "heuristic"
    namespace: str = "dart"
    with_sim: bool = True
    with_actuation: bool = True
    with_detector: bool = True
    sim_time_scale: float = 1.0
    actuation_backend: str = "twist"
    joint_command_format: str = "joint_state"
    detector_backend: str = "groundtruth"
    detector_weights: str = ""
    status_rate_hz: float = 2.0

    @property
    def fleet_path(self) -> str:
        return self.fleet_file or str(default_fleet_path())

    @property
    def world_path(self) -> str:
        return self.world_file or str(default_world_path())


def node_class(module_name: str) -> Callable[..., Node]:
    """The node class of ``dart_planner.nodes.<module_name>``, imported now (not at package import)."""
    try:
        module = importlib.import_module(f"dart_planner.nodes.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.endswith(module_name):
            raise ConfigError([ConfigIssue("dart-planner ros", module_name, (
                f"dart_planner.nodes.{module_name} is not part of this installation; start the stack without it "
                f"(--no-{module_name.split('_')[0]})"))]) from exc
        raise
    cls = getattr(module, _CLASSES.get(module_name, ""), None)
    if cls is None:  # fall back to the one Node subclass the module defines
        found = [c for _, c in inspect.getmembers(module, inspect.isclass)
                 if issubclass(c, Node) and c is not Node and c.__module__ == module.__name__]
        if len(found) != 1:
            raise ConfigError([ConfigIssue("dart-planner ros", module_name,
                                           f"cannot tell which node class of {module.__name__} to start")])
        cls = found[0]
    return cls


def _params(values: dict[str, Any]) -> list[Parameter]:
    return [Parameter(k, value=v) for k, v in values.items()]


def build_stack(options: StackOptions, context: Context | None = None) -> list[Node]:
    """Construct every node of the stack (not spinning yet), planner nodes first."""
    from .allocator_node import AllocatorNode
    from .language_node import LanguageNode

    ns = options.namespace.strip("/")
    fleet: Fleet = load_fleet(options.fleet_path)
    # A built-in sim off real time publishes /clock and every node follows it (as in
    # dart.launch.py), so control loops keep their rates in simulated seconds.
    sim_clock = options.with_sim and options.sim_time_scale != 1.0
    common = {"fleet_file": options.fleet_path, "world_file": options.world_path, "use_sim_time": sim_clock}
    nodes: list[Node] = []
    try:
        nodes.append(LanguageNode(context=context, namespace=ns, parameter_overrides=_params({
            **common, "llm_config": options.llm_config, "backend": options.backend, "cassette": options.cassette})))
        nodes.append(AllocatorNode(context=context, namespace=ns, parameter_overrides=_params({
            **common, "policy": options.policy, "require_approval": options.require_approval,
            "safety_file": options.safety_file, "journal_path": options.journal_path,
            "status_rate_hz": options.status_rate_hz})))
        if options.with_detector:
            nodes.append(node_class("detector_node")(context=context, namespace=ns, parameter_overrides=_params({
                **common, "backend": options.detector_backend, "weights": options.detector_weights})))
        if options.with_sim:
            nodes.append(node_class("sim_node")(context=context, namespace=ns, parameter_overrides=_params({
                "fleet_file": options.fleet_path, "world_file": options.world_path,
                "time_scale": float(options.sim_time_scale), "publish_clock": sim_clock})))
        if options.with_actuation:
            actuation = node_class("actuation_node")
            for robot in fleet.robots:
                nodes.append(actuation(context=context, namespace=robot.namespace.strip("/"),
                                       parameter_overrides=_params({
                                           **common, "robot_id": robot.id, "backend": options.actuation_backend,
                                           "planner_namespace": "/" + ns,
                                           "joint_command_format": options.joint_command_format})))
    except BaseException:
        for n in nodes:
            n.destroy_node()
        raise
    return nodes


class InstructionDriver(Node):
    """Publishes one instruction once the language node listens, then waits for its plan's end.

    ``outcome`` becomes the final plan_status state (succeeded, failed, cancelled, rejected)
    of the plan made from the instruction; ``done`` is set then.
    """

    def __init__(self, text: str, namespace: str = "dart", context: Context | None = None):
        super().__init__(f"instruction_driver_{uuid.uuid4().hex[:6]}", context=context)
        self.instruction_id = "cli-" + uuid.uuid4().hex[:8]
        self.text = text
        self.outcome: str | None = None
        self.plan_id: str | None = None
        self.sent_at: float | None = None
        self.done = threading.Event()
        self._pub = self.create_publisher(String, planner_topic(namespace, INSTRUCTION), EVENTS)
        self.create_subscription(String, planner_topic(namespace, PLAN_STATUS), self._on_status, STATUS)
        self._timer = self.create_timer(0.1, self._try_send)

    def _try_send(self) -> None:
        if self.sent_at is not None or self._pub.get_subscription_count() == 0:
            return
        msg = String()
        msg.data = encode("instruction", {"id": self.instruction_id, "text": self.text})
        self._pub.publish(msg)
        self.sent_at = time.monotonic()
        self._timer.cancel()
        self.get_logger().info(f"sent instruction {self.instruction_id}: {self.text!r}")

    def _on_status(self, msg: String) -> None:
        try:
            status = parse_json_msg("plan_status", msg)
        except DartPlannerError:
            return
        if status.get("instruction_id") != self.instruction_id:
            return
        self.plan_id = status.get("plan_id") or self.plan_id
        state = status.get("state")
        if state in FINISHED_STATES and not self.done.is_set():
            self.outcome = str(state)
            if state == "rejected":
                self.get_logger().error(f"instruction rejected: {status.get('error')}")
            self.get_logger().info(f"plan {self.plan_id}: {state}")
            self.done.set()


def run_stack(
    options: StackOptions,
    *,
    args: list[str] | None = None,
    instruction: str | None = None,
    exit_when_done: bool = False,
    duration_s: float | None = None,
    on_ready: Callable[[list[Node]], None] | None = None,
) -> str | None:
    """Run the stack until Ctrl-C, ``duration_s``, or (``exit_when_done``) the instruction's plan
    finished. Returns the instruction's outcome (None without an instruction or when it did not
    finish in time)."""
    context = Context()
    rclpy.init(args=args, context=context)
    nodes: list[Node] = []
    executor: MultiThreadedExecutor | None = None
    driver: InstructionDriver | None = None
    try:
        nodes = build_stack(options, context)
        if instruction is not None:
            driver = InstructionDriver(instruction, options.namespace, context)
            nodes.append(driver)
        executor = MultiThreadedExecutor(num_threads=max(4, os.cpu_count() or 1), context=context)
        for n in nodes:
            executor.add_node(n)
        if on_ready is not None:
            on_ready(nodes)
        end = None if duration_s is None else time.monotonic() + duration_s
        nodes[0].get_logger().info(f"stack up: {len(nodes)} nodes in one process, namespace /{options.namespace}")
        try:
            while context.ok():
                if end is not None and time.monotonic() >= end:
                    break
                if exit_when_done and driver is not None and driver.done.is_set():
                    break
                executor.spin_once(timeout_sec=0.1)
        except (KeyboardInterrupt, ExternalShutdownException):
            raise
        except Exception as exc:
            # a callback raised (rclpy hands it on from spin_once): the stack stops, and says why
            # before the traceback, as each node's own main does (dart_planner.nodes.entry)
            nodes[0].get_logger().fatal(f"{SPIN_DIED}: {type(exc).__name__}: {exc}")
            raise
    except (KeyboardInterrupt, ExternalShutdownException):
        pass
    finally:
        # Callbacks already handed to the thread pool finish first, within a deadline (this
        # rclpy's shutdown(timeout_sec) joins its pool with no limit); a stuck one keeps the nodes:
        # destroying them would fail inside it.
        stuck = executor is not None and not shut_down_executor(executor)
        if stuck:
            nodes[0].get_logger().error(f"{CALLBACKS_STUCK} for {SHUTDOWN_WAIT_S:g} s: the nodes are not destroyed")
        else:
            for n in reversed(nodes):
                n.destroy_node()
            rclpy.try_shutdown(context=context)
    return None if driver is None else driver.outcome
