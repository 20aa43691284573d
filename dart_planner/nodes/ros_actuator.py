"""The execution engine's :class:`~dart_planner.core.actuation.Actuator` over ROS topics.

The allocator node hands this to :class:`~dart_planner.core.execute.ExecutionEngine`; it
speaks the actuation channel of :mod:`dart_planner.core.goal_codec`: per robot a publisher
on ``/<robot_ns>/dart/goal`` (goals, cancels, stops) and subscribers on ``dart/feedback``
and ``dart/result``. Robot positions (allocation plans from where robots are, not where they
started) come from the poses feedback and results carry; ``track_odom`` also follows each
robot's ``odom`` (for robots that may be moved by something else between plans) at the cost
of one message per odometry sample per robot.

Why goals can wait before they are sent
---------------------------------------
Goals are reliable but volatile: one published before the robot's actuation node is matched
is lost, and the subtask would sit RUNNING until its timeout (minutes). That happens at start
and, above all, right after a restart, when the restored engine re-dispatches in-flight work
before discovery has finished. So a robot's messages queue until every subscriber the graph
knows on its goal topic is matched and an actuation node (a publisher on its result topic)
exists; :meth:`RosActuator.flush` (on the node's timer) sends them in order.

Matching is not symmetric, though: this node can see the actuation node's goal reader matched
while that reader has not yet matched this node's new writer (discovery runs on both sides),
and a message published in that window is dropped by the reader. It happens after an allocator
restart, when the restored engine re-sends in-flight work within a second of coming up. So a
goal the robot has not acknowledged (no feedback or result naming it) is published again,
unchanged, after ``RESEND_AFTER_S`` and then at doubling intervals until it is. An actuation
node ignores a goal id it already has, so the repeat can never run work twice.

Fleet-level keep-out goals (``robot_id`` None) never go to a robot: ``fleet_goal`` applies
them (the allocator node updates its zones and publishes ``keepout``) and they are answered
at once.

Node-level faults: what this layer decides, and why
---------------------------------------------------
* **Actuation node crash or hang.** An actuation node sends feedback a few times a second
  while a goal runs. A goal that was delivered and then hears nothing from the robot's node
  (no feedback, no result) for ``goal_heartbeat_s`` (node parameter, default 10 s) ends
  FAILED with a reason starting ``robot_offline:``. Without this a killed node would leave
  its subtask RUNNING until the skill's timeout (minutes); with it the engine's fault rule
  (:mod:`dart_planner.core.execution.faults`) takes the robot out of service and reassigns
  the work to another robot able to do it at once (explicit robots too: the named robot is
  unavailable). The silent goal's id is forgotten (a late result for it is a stale event the
  engine ignores) and a cancel for it goes out, so a node that was only hung does not wake
  up driving work that now belongs to another robot: the subtask is not run twice.
* **Robot dropout (no odometry).** An actuation node fails a goal whose odometry stopped
  with ``odom_stale: ...``. The robot, not the skill, is at fault, and retrying on it only
  repeats the wait, so the reason handed to the engine gets ``(robot_lost: <robot> ...)``
  appended: out of service at once, work reassigned to a robot of the type, or, when none
  is left, the subtask fails with a reason naming the robot.
* **Coming back.** A robot this layer took out is reported back through ``availability``
  (``(robot_id, True, reason)``; the allocator node wires it to
  ``ExecutionEngine.set_robot_available``) once a *new* actuation node is up for it (a
  restarted process: an endpoint id not seen when the robot went silent) or the old one
  answers again (it was hung), or, after an
  odometry dropout, once its ``odom`` flows again. Unwired, the robot stays out of service.
* **After an allocator restart.** The journal brings robots back out of service, but the
  actuator that took them out died with the process. :meth:`RosActuator.watch_restored`
  (the allocator node calls it with the reasons journaled) watches them again: one lost for
  its odometry (``robot_lost``) comes back once its odometry flows; one whose node went
  silent (``robot_offline``) once an actuation node for it is reachable - this process never
  saw the old node, so it cannot tell a restarted node from one still hung, and a hung one
  is taken out again by the heartbeat after ``goal_heartbeat_s`` (its goal cancelled and
  the work reassigned, as the first time). Robots out for any other reason
  (``robot_breakdown`` reported by the robot, or taken out by a person) are not this
  layer's to put back and stay out.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial

from nav_msgs.msg import Odometry
from rcl_interfaces.msg import ParameterDescriptor
from rclpy.callback_groups import CallbackGroup
from rclpy.node import Node
from rclpy.qos import DurabilityPolicy
from rclpy.subscription import Subscription
from std_msgs.msg import String

from ..core.actuation import ActuatorEvent, GoalStatus, SkillGoal, SkillResult
from ..core.errors import DartPlannerError, ExecutionError
from ..core.execution.faults import is_robot_fault
from ..core.fleet import Fleet, Robot
from ..core.geometry import Pose2D
from ..core.goal_codec import decode_feedback, decode_result, encode_cancel, encode_goal, encode_stop
from ..topics import ROBOT_FEEDBACK, ROBOT_GOAL, ROBOT_RESULT, robot_path
from .conversions import pose2d_from_odometry
from .qos import EVENTS, SENSOR

__all__ = ["RosActuator", "FleetGoalHandler", "AvailabilityHandler", "HEARTBEAT_PARAM", "HEARTBEAT_DEFAULT_S",
           "HEARTBEAT_DESCRIPTION", "robot_path"]

FleetGoalHandler = Callable[[SkillGoal], str | None]
"""Applies a fleet-level goal; returns None on success or the reason it failed."""

AvailabilityHandler = Callable[[str, bool, str], None]
"""``(robot_id, available, reason)``: a robot this actuator took out of service is back."""

HEARTBEAT_PARAM = "goal_heartbeat_s"
HEARTBEAT_DEFAULT_S = 10.0
HEARTBEAT_DESCRIPTION = ("A goal delivered to a robot's actuation node that then hears nothing from it (feedback or "
                         "result) this long (s) fails as robot_offline and its work is reassigned; 0: never.")
_WARN_AFTER_S = 5.0
RESEND_AFTER_S = 1.0
"""A goal published and not acknowledged this long (s) is published again (see the module notes)."""
_ODOM_STALE = "odom_stale"
"""Reason prefix of an actuation node whose robot's odometry stopped (dart_planner.actuation)."""


class _Channel:
    """One robot's end of the actuation channel (queue of messages not yet sendable)."""

    def __init__(self, robot: Robot, node: Node):
        self.robot = robot
        self.goal_topic = robot_path(robot, ROBOT_GOAL)
        self.result_topic = robot_path(robot, ROBOT_RESULT)
        self.publisher = node.create_publisher(String, self.goal_topic, EVENTS)
        self.queue: list[tuple[str | None, str]] = []
        self.waiting_since: float | None = None
        self.warned = False
        self.heard: float = -1.0
        """Monotonic time of the last feedback or result from this robot's actuation node."""
        self.offline: _Offline | None = None
        self.offline_odom: Subscription | None = None
        """Odometry subscription that tells when a robot lost for its odometry is back: made the first time
        the robot is taken out for it and kept (destroying a subscription while the allocator's
        multi-threaded executor spins can raise inside rclpy's wait loop and end the spin thread)."""


class _Offline:
    """Why a robot was taken out by this actuator, and what would show it is back."""

    def __init__(self, kind: str, dead_gids: frozenset[bytes], since: float):
        self.kind = kind  # "node" (silent actuation node) or "odom" (no odometry)
        self.dead_gids = dead_gids
        self.since = since
        self.odom_at = -1.0


class _Unacked:
    """A goal published and not yet named by the robot's feedback or result."""

    def __init__(self, robot_id: str, text: str, at: float):
        self.robot_id = robot_id
        self.text = text
        self.first = at
        self.at = at  # last published
        self.wait = RESEND_AFTER_S  # until the next publication


class RosActuator:
    """``Actuator`` that sends goals to actuation nodes and reports their answers.

    Parameters
    ----------
    node
        The node that owns publishers and subscriptions (the allocator node).
    fleet
        Robots and their namespaces / odom topics.
    fleet_goal
        Called for goals with ``robot_id`` None (keep-out changes) on the engine's thread.
    callback_group
        Group of the feedback/result/odom subscriptions (a reentrant one lets results flow
        while a service or the engine is busy on another executor thread).
    track_odom
        Also subscribe every robot's odometry for its position.
    heartbeat_s
        Silence (s) after which a delivered goal fails ``robot_offline``; None: the node's
        ``goal_heartbeat_s`` parameter (declared here when the node has not), 0: off.
    availability
        Told when a robot this actuator took out of service is back (see the module notes).
    """

    def __init__(
        self,
        node: Node,
        fleet: Fleet,
        *,
        fleet_goal: FleetGoalHandler,
        callback_group: CallbackGroup | None = None,
        track_odom: bool = False,
        heartbeat_s: float | None = None,
        availability: AvailabilityHandler | None = None,
    ) -> None:
        if heartbeat_s is None:
            if not node.has_parameter(HEARTBEAT_PARAM):
                node.declare_parameter(HEARTBEAT_PARAM, HEARTBEAT_DEFAULT_S,
                                       ParameterDescriptor(description=HEARTBEAT_DESCRIPTION))
            heartbeat_s = float(node.get_parameter(HEARTBEAT_PARAM).value)
        self.heartbeat_s = max(0.0, float(heartbeat_s))
        self.availability = availability
        """Settable after construction (the node that owns the engine wires it)."""
        self._node = node
        self._callback_group = callback_group
        self._fleet = fleet
        self._fleet_goal = fleet_goal
        self._listener: Callable[[ActuatorEvent], None] | None = None
        self._lock = threading.Lock()
        self._goals: dict[str, str] = {}  # goal_id -> robot_id, goals sent and not finished
        self._delivered: dict[str, float] = {}  # goal_id -> monotonic time it was published
        self._unacked: dict[str, _Unacked] = {}  # goals published that the robot has not named yet
        self._poses: dict[str, Pose2D] = {}
        self._channels: dict[str, _Channel] = {}
        self._halted = False
        self._held_events: list[ActuatorEvent] = []
        self.sent: int = 0
        """Goal-topic messages published so far (goals, cancels, stops)."""
        for robot in fleet.robots:
            self._channels[robot.id] = _Channel(robot, node)
            node.create_subscription(String, robot_path(robot, ROBOT_FEEDBACK),
                                     partial(self._on_feedback, robot.id), EVENTS, callback_group=callback_group)
            node.create_subscription(String, robot_path(robot, ROBOT_RESULT),
                                     partial(self._on_result, robot.id), EVENTS, callback_group=callback_group)
            if track_odom:
                node.create_subscription(Odometry, robot_path(robot, robot.odom_topic),
                                         partial(self._on_odom, robot.id), SENSOR, callback_group=callback_group)

    # ------------------------------------------------------------------ Actuator protocol
    def set_listener(self, listener: Callable[[ActuatorEvent], None]) -> None:
        self._listener = listener

    def start(self, goal: SkillGoal) -> None:
        if goal.robot_id is None:
            try:
                problem = self._fleet_goal(goal)
            except DartPlannerError as exc:
                problem = str(exc)
            status = GoalStatus.SUCCEEDED if problem is None else GoalStatus.FAILED
            self._emit(SkillResult(goal.goal_id, None, status, problem or "", stamp=time.time()))
            return
        channel = self._channels.get(goal.robot_id)
        if channel is None:
            raise ExecutionError(f"robot {goal.robot_id!r} has no actuation channel")
        with self._lock:
            self._goals[goal.goal_id] = goal.robot_id
            self._send(channel, goal.goal_id, encode_goal(goal))
        self._node.get_logger().info(f"goal {goal.summary()}")

    def cancel(self, goal_id: str) -> None:
        with self._lock:
            self._delivered.pop(goal_id, None)
            self._unacked.pop(goal_id, None)
            robot_id = self._goals.pop(goal_id, None)
            if robot_id is None:
                return
            channel = self._channels[robot_id]
            unsent = [m for m in channel.queue if m[0] == goal_id]
            if unsent:  # never left: nothing to cancel on the robot
                channel.queue = [m for m in channel.queue if m[0] != goal_id]
                return
            self._send(channel, None, encode_cancel(goal_id, "cancelled by the allocator"))

    def stop_all(self) -> None:
        """Publish ``stop`` to every robot now (queued goals are dropped, never sent)."""
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        self._goals.clear()
        self._delivered.clear()
        self._unacked.clear()
        for channel in self._channels.values():
            channel.queue.clear()
            channel.waiting_since = None
            channel.publisher.publish(_string(encode_stop()))
            self.sent += 1

    # ------------------------------------------------------------------ e-stop ahead of the engine
    def halt(self) -> None:
        """Stop every robot now, before the engine knows (its lock may be busy).

        Until :meth:`unhalt`, goals are held back (not sent) and events from the robots are
        held too: the CANCELLED results the stop provokes must reach the engine only after its
        own ``estop()`` parked the running subtasks, or it would count them as failures and
        retry them, which would move robots again.
        """
        with self._lock:
            self._halted = True
            self._stop_locked()

    def unhalt(self) -> None:
        """End :meth:`halt` (after the engine's ``estop()``): deliver the events held back."""
        with self._lock:
            self._halted = False
            held, self._held_events = self._held_events, []
        for event in held:
            self._emit(event)

    def robot_pose(self, robot_id: str) -> Pose2D | None:
        return self._poses.get(robot_id)

    # ------------------------------------------------------------------ sending
    def ready(self, robot_id: str) -> bool:
        """True when a goal published now reaches the robot's actuation node.

        The actuation node is whichever node publishes the robot's results; its goal
        subscription must be known too (endpoints are discovered one by one, so its result
        writer may be seen before its goal reader), and this node's goal publisher must be
        matched with every goal subscriber known (a recorder counts, and may come first).
        """
        channel = self._channels[robot_id]
        answering = {(i.node_name, i.node_namespace)
                     for i in self._node.get_publishers_info_by_topic(channel.result_topic)}
        if not answering:
            return False  # no actuation node for this robot (yet)
        # A subscriber that can never match our reliable, volatile writer (one asking for
        # transient-local durability, e.g. a latched echo) must not hold the robot's goals back.
        listening = [i for i in self._node.get_subscriptions_info_by_topic(channel.goal_topic)
                     if i.qos_profile.durability != DurabilityPolicy.TRANSIENT_LOCAL]
        if not answering <= {(i.node_name, i.node_namespace) for i in listening}:
            return False
        return channel.publisher.get_subscription_count() >= len(listening)

    def flush(self) -> None:
        """Send queued messages of robots that became reachable; warn about ones that do not.

        Also the watchdog (it runs on the same timer): goals whose actuation node went silent
        fail ``robot_offline``, and robots taken out by this actuator that are back are
        reported through ``availability``.
        """
        self._send_queued()
        self._watch()

    def _send_queued(self) -> None:
        now = time.monotonic()
        with self._lock:
            if self._halted:
                return
            for robot_id, channel in self._channels.items():
                if not channel.queue:
                    continue
                if self.ready(robot_id):
                    if channel.waiting_since is not None:
                        self._node.get_logger().info(
                            f"{robot_id}: actuation node reachable after {now - channel.waiting_since:.2f} s; "
                            f"sending {len(channel.queue)} message(s)")
                    for goal_id, text in channel.queue:
                        channel.publisher.publish(_string(text))
                        self.sent += 1
                        if goal_id is not None:
                            self._published(goal_id, robot_id, text, now)
                    channel.queue.clear()
                    channel.waiting_since = None
                    channel.warned = False
                elif channel.waiting_since is not None and now - channel.waiting_since > _WARN_AFTER_S \
                        and not channel.warned:
                    channel.warned = True
                    self._node.get_logger().warning(
                        f"{len(channel.queue)} goal message(s) for {robot_id} wait: no actuation node answers "
                        f"on {channel.goal_topic} (is it running, in namespace {channel.robot.namespace!r}?)")

    def pending(self) -> int:
        """Messages queued because their robot is not reachable yet."""
        with self._lock:
            return sum(len(c.queue) for c in self._channels.values())

    def _send(self, channel: _Channel, goal_id: str | None, text: str) -> None:
        if not self._halted and not channel.queue and self.ready(channel.robot.id):
            channel.publisher.publish(_string(text))
            self.sent += 1
            if goal_id is not None:
                self._published(goal_id, channel.robot.id, text, time.monotonic())
            return
        if channel.waiting_since is None:
            channel.waiting_since = time.monotonic()
            if not self._halted:
                self._node.get_logger().info(f"{channel.robot.id}: waiting for its actuation node on "
                                             f"{channel.goal_topic} before sending")
        channel.queue.append((goal_id, text))

    def _published(self, goal_id: str, robot_id: str, text: str, now: float) -> None:
        """Book a goal just published (called under the lock)."""
        self._delivered[goal_id] = now
        self._unacked[goal_id] = _Unacked(robot_id, text, now)

    def _resend_unacked(self, now: float) -> list[str]:
        """Publish again goals nobody acknowledged (called under the lock); returns log lines."""
        lines = []
        for goal_id, un in list(self._unacked.items()):
            if self._goals.get(goal_id) != un.robot_id:
                del self._unacked[goal_id]  # answered, cancelled or failed meanwhile
                continue
            if now - un.at < un.wait or not self.ready(un.robot_id):
                continue
            self._channels[un.robot_id].publisher.publish(_string(un.text))
            self.sent += 1
            lines.append(f"goal {goal_id} not acknowledged by {un.robot_id} after {now - un.first:.1f} s: "
                         "published again")
            un.at, un.wait = now, 2 * un.wait
        return lines

    # ------------------------------------------------------------------ receiving
    def _emit(self, event: ActuatorEvent) -> None:
        with self._lock:
            if self._halted:
                self._held_events.append(event)
                return
        if self._listener is not None:
            self._listener(event)

    def _on_feedback(self, robot_id: str, msg: String) -> None:
        try:
            fb = decode_feedback(msg.data)
        except DartPlannerError as exc:
            self._node.get_logger().warning(f"bad feedback from {robot_id}: {exc}")
            return
        if fb.robot_id not in (None, robot_id):
            self._node.get_logger().warning(f"feedback on {robot_id}'s topic names robot {fb.robot_id!r}; ignored")
            return
        with self._lock:
            self._channels[robot_id].heard = time.monotonic()
            self._unacked.pop(fb.goal_id, None)
        if fb.pose is not None:
            self._poses[robot_id] = fb.pose
        self._emit(fb)

    def _on_result(self, robot_id: str, msg: String) -> None:
        try:
            res = decode_result(msg.data)
        except DartPlannerError as exc:
            self._node.get_logger().warning(f"bad result from {robot_id}: {exc}")
            return
        if res.robot_id not in (None, robot_id):
            self._node.get_logger().warning(f"result on {robot_id}'s topic names robot {res.robot_id!r}; ignored")
            return
        with self._lock:
            self._channels[robot_id].heard = time.monotonic()
            ours = self._goals.pop(res.goal_id, None) is not None
            self._delivered.pop(res.goal_id, None)
            self._unacked.pop(res.goal_id, None)
            if ours and res.status is GoalStatus.FAILED and res.reason.startswith(_ODOM_STALE) \
                    and not is_robot_fault(res.reason):
                # the robot dropped out, not the skill (see the module notes)
                res = replace(res, reason=f"{res.reason} (robot_lost: {robot_id} sends no odometry)")
                self._take_out(robot_id, "odom")
        if res.pose is not None:
            self._poses[robot_id] = res.pose
        self._emit(res)

    def _on_odom(self, robot_id: str, msg: Odometry) -> None:
        self._poses[robot_id] = pose2d_from_odometry(msg)

    # ------------------------------------------------------------------ watchdog
    def offline(self) -> dict[str, str]:
        """Robots this actuator took out of service and not seen back: robot -> "node" | "odom"."""
        with self._lock:
            return {rid: c.offline.kind for rid, c in self._channels.items() if c.offline is not None}

    def _result_gids(self, channel: _Channel) -> frozenset[bytes]:
        return frozenset(bytes(i.endpoint_gid) for i in self._node.get_publishers_info_by_topic(channel.result_topic))

    def watch_restored(self, out: Mapping[str, str]) -> dict[str, str]:
        """Watch robots a restored engine holds out of service for their return (module notes).

        ``out`` maps each such robot to the reason journaled when it went out. Returns the
        robots now watched, robot -> "node" | "odom"; the others stay out until a person puts
        them back.
        """
        watched: dict[str, str] = {}
        with self._lock:
            for robot_id, reason in out.items():
                if robot_id not in self._channels:
                    continue
                text = reason.lower()
                if "robot_lost" in text or text.startswith(_ODOM_STALE):
                    kind = "odom"
                elif "robot_offline" in text:
                    kind = "node"
                else:
                    continue
                # no dead node to tell apart: any actuation node found for the robot is "new"
                self._take_out(robot_id, kind, dead_gids=frozenset())
                watched[robot_id] = kind
        return watched

    def _take_out(self, robot_id: str, kind: str, dead_gids: frozenset[bytes] | None = None) -> None:
        """Remember (under the lock) that ``robot_id`` is out, and how it would show it is back.

        ``dead_gids``: result-publisher endpoints that do not count as a new actuation node
        (default: the ones known now, i.e. the node that went silent)."""
        channel = self._channels[robot_id]
        if channel.offline is not None:
            return
        off = _Offline(kind, self._result_gids(channel) if dead_gids is None else dead_gids, time.monotonic())
        if kind == "odom" and channel.offline_odom is None:
            # made once per robot and kept: it costs one message per odometry sample once the robot has
            # dropped out, but destroying it while the executor spins can kill the spin thread
            channel.offline_odom = self._node.create_subscription(
                Odometry, robot_path(channel.robot, channel.robot.odom_topic),
                partial(self._on_offline_odom, robot_id), SENSOR, callback_group=self._callback_group)
        channel.offline = off

    def _on_offline_odom(self, robot_id: str, msg: Odometry) -> None:
        off = self._channels[robot_id].offline
        if off is not None:
            off.odom_at = time.monotonic()

    def _watch(self) -> None:
        now = time.monotonic()
        silent: list[SkillResult] = []
        back: list[tuple[str, str]] = []
        with self._lock:
            if self._halted:
                return
            resent = self._resend_unacked(now)
            if self.heartbeat_s > 0:
                for goal_id, sent in list(self._delivered.items()):
                    robot_id = self._goals.get(goal_id)
                    if robot_id is None:
                        self._delivered.pop(goal_id, None)
                        continue
                    channel = self._channels[robot_id]
                    quiet = now - max(sent, channel.heard)
                    if quiet <= self.heartbeat_s:
                        continue
                    # Forget the goal (its late answer is a stale event); a cancel still goes out
                    # in case the node is only hung: woken up, it must not drive work now elsewhere.
                    self._goals.pop(goal_id, None)
                    self._delivered.pop(goal_id, None)
                    self._unacked.pop(goal_id, None)
                    self._take_out(robot_id, "node")
                    self._send(channel, None, encode_cancel(goal_id, "robot_offline: heartbeat lost"))
                    silent.append(SkillResult(
                        goal_id, robot_id, GoalStatus.FAILED,
                        f"robot_offline: the actuation node of {robot_id} went silent for {quiet:.1f} s with goal "
                        f"{goal_id} running (goal_heartbeat_s={self.heartbeat_s:g}: crashed, hung or cut off)",
                        stamp=time.time()))
            for robot_id, channel in self._channels.items():
                off = channel.offline
                if off is None:
                    continue
                why = self._back(channel, off)
                if why is not None:
                    channel.offline = None  # its odometry subscription stays (see _Channel.offline_odom)
                    back.append((robot_id, why))
        log = self._node.get_logger()
        for line in resent:
            log.warning(line)
        for res in silent:
            log.error(res.reason)
            self._emit(res)
        for robot_id, why in back:
            log.warning(f"{robot_id} is back: {why}")
            if self.availability is not None:
                self.availability(robot_id, True, why)

    def _back(self, channel: _Channel, off: _Offline) -> str | None:
        """Why a robot taken out is usable again, or None (called under the lock)."""
        if not self.ready(channel.robot.id):
            return None
        if off.kind == "node":
            if channel.heard > off.since:
                return f"its actuation node answers again on {channel.result_topic}"
            fresh = self._result_gids(channel) - off.dead_gids
            return f"a new actuation node is up on {channel.result_topic}" if fresh else None
        return f"odometry flows again on {channel.robot.odom_topic}" if off.odom_at > off.since else None


def _string(text: str) -> String:
    msg = String()
    msg.data = text
    return msg
