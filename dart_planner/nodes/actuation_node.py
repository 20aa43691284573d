"""One robot's actuation node: skill goals in, cmd_vel / joint_command / goal_pose out.

Runs in the robot's namespace (one per robot). Takes goals, cancels and stops on
``dart/goal`` (JSON, :mod:`dart_planner.core.goal_codec`), answers on ``dart/feedback`` (a
few Hz) and ``dart/result`` (exactly once per goal). Backends: ``twist`` closes the loop on
``odom`` with ``cmd_vel`` (built-in sim, Gazebo diff-drive, real bases), ``nav2`` publishes
``goal_pose`` and watches ``odom``; tool skills command ``joint_command`` and judge
completion from ``joint_states``. Keeps out of the zones on the planner's ``keepout`` topic
and plans around other robots seen on their ``odom``. Honours the fleet's per-robot
``odom_topic`` / ``cmd_vel_topic``, ``max_speed`` and ``max_turn_rate``, and a goal's
``params["max_speed"]`` (the allocator's safety limit): while that goal runs the linear speed
commanded on ``cmd_vel`` never exceeds the smaller of it and the node's own limit; a goal whose
``max_speed`` is not a finite speed > 0 is refused. (The ``nav2`` backend cannot pass the cap on
through ``goal_pose``: Nav2's own speed limits apply there.)

All logic lives in :class:`dart_planner.actuation.ActuationCore`; this node converts
messages and publishes what the core returns, at once for cancel and stop.

With ``use_sim_time`` a goal that arrives before the first ``/clock`` message is held and
started on the first control cycle with a running clock: started at simulated time zero, the
first tick (when ``/clock`` is discovered late, seconds of simulated time later) would read as
seconds without odometry and fail the goal ``odom_stale``.
"""

from __future__ import annotations

import math
import signal
import time
from collections import deque
from functools import partial
from typing import Any

import rclpy
from geometry_msgs.msg import PoseStamped, Twist
from nav_msgs.msg import Odometry
from rclpy.clock import Clock, ClockType
from rclpy.duration import Duration
from rclpy.executors import SingleThreadedExecutor
from rclpy.node import Node
from rclpy.signals import SignalHandlerOptions
from sensor_msgs.msg import JointState
from std_msgs.msg import Float64, String

from ..actuation import (
    ActuationCore,
    ActuationOptions,
    Backend,
    JointOptions,
    JointSample,
    MachineSpec,
    NavOptions,
    OdomSample,
    Outputs,
    PeerState,
)
from ..core.errors import ConfigError, ConfigIssue
from ..core.goal_codec import encode_feedback, encode_result
from ..gazebo_world import joint_command_topic
from ..sim.config import SimConfig
from ..topics import (
    KEEPOUT,
    ROBOT_FEEDBACK,
    ROBOT_GOAL,
    ROBOT_GOAL_POSE,
    ROBOT_JOINT_COMMAND,
    ROBOT_JOINT_STATES,
    ROBOT_RESULT,
    planner_topic,
    robot_path,
    robot_topic,
)
from .conversions import (
    joint_positions,
    joint_state_msg,
    pose2d_from_odometry,
    pose_stamped,
    read_keepout,
    string_msg,
    twist,
)
from .entry import run_node
from .params import Param, declare_params, load_site
from .qos import COMMANDS, EVENTS, LATCHED, SENSOR

__all__ = ["ActuationNode", "PARAMS", "main"]

HELD_GOAL_MESSAGES = 64
"""Goal topic messages kept while waiting for /clock; beyond this the oldest are dropped."""

PARAMS = [
    Param("robot_id", "", "The fleet robot this node drives (required)."),
    Param("fleet_file", "", "Fleet YAML (robots, namespaces, topics, speeds, skills); empty: the shipped one."),
    Param("world_file", "", "World YAML (objects to plan around, initial keep-out zones, bounds); empty: the "
                            "shipped one."),
    Param("backend", "twist", "Navigation backend: twist (odom -> cmd_vel, own path planning around keep-out "
                              "zones) or nav2 (goal_pose to Nav2, arrival watched on odom)."),
    Param("planner_namespace", "/dart", "Namespace of the planner topics (keepout)."),
    Param("control_rate_hz", 20.0, "Control cycles per second (node clock: simulated time with use_sim_time)."),
    Param("goal_tolerance_m", 0.35, "Arrival tolerance around the approach point (m)."),
    Param("yaw_tolerance_rad", 0.15, "Heading tolerance on arrival (rad)."),
    Param("max_speed", 0.0, "Speed limit (m/s); 0: the fleet's max_speed for this robot."),
    Param("body_radius", 0.0, "Footprint radius for clearance (m); 0: the robot type's model."),
    Param("odom_timeout_s", 0.5, "Odometry older than this stops the robot."),
    Param("odom_grace_s", 2.0, "Odometry stale this much longer fails the goal (odom_stale)."),
    Param("feedback_rate_hz", 2.0, "Feedback messages per second while a goal runs."),
    Param("track_peers", True, "Subscribe to the other robots' odometry and plan around parked ones."),
    Param("partner_wait_s", 60.0, "How long an unload waits for a stopped truck within reach."),
    Param("joint_tolerance_rad", 0.03, "A joint within this of its target is there."),
    Param("joint_command_format", "joint_state", "How joint targets go out: joint_state (sensor_msgs/JointState "
                                                 "on joint_command: built-in sim, ros2_control-style drivers) or "
                                                 "float64 (std_msgs/Float64 per joint on joint_command/<joint>: "
                                                 "Gazebo's joint position controllers through the shipped bridge)."),
]


class ActuationNode(Node):
    """Adapter between ROS topics and :class:`~dart_planner.actuation.ActuationCore`.

    ``kwargs`` go to :class:`rclpy.node.Node` (``context``, ``namespace``,
    ``parameter_overrides``), which is how the one-process runner and tests build it.
    """

    def __init__(self, **kwargs: Any):
        super().__init__("actuation_node", **kwargs)
        p = declare_params(self, PARAMS)
        fleet, world = load_site(p)
        rid = str(p["robot_id"])
        if not fleet.has_robot(rid):
            raise ConfigError([ConfigIssue("actuation_node", "robot_id",
                                           f"{rid!r} is not a robot of the fleet ({', '.join(fleet.robot_ids)})")])
        try:
            backend = Backend(str(p["backend"]))
        except ValueError:
            raise ConfigError([ConfigIssue("actuation_node", "backend",
                                           f"expected twist or nav2, got {p['backend']!r}")]) from None
        rate = float(p["control_rate_hz"])
        if not (rate > 0 and math.isfinite(rate)):
            raise ConfigError([ConfigIssue("actuation_node", "control_rate_hz", f"must be positive, got {rate}")])
        robot = fleet.robot(rid)
        models = SimConfig()
        self.robot = robot
        self.spec = MachineSpec.from_robot(robot, models.model_for(robot.type), float(p["max_speed"]),
                                           float(p["body_radius"]))
        options = ActuationOptions(
            backend=backend,
            nav=NavOptions(position_tolerance=float(p["goal_tolerance_m"]),
                           yaw_tolerance=float(p["yaw_tolerance_rad"])),
            joints=JointOptions(tolerance=float(p["joint_tolerance_rad"]), partner_wait_s=float(p["partner_wait_s"])),
            odom_timeout_s=float(p["odom_timeout_s"]), odom_grace_s=float(p["odom_grace_s"]),
            feedback_period_s=1.0 / max(float(p["feedback_rate_hz"]), 1e-3),
        )
        self.core = ActuationCore(self.spec, fleet, world, options)
        self.backend = backend
        ns = robot.namespace

        self._cmd_pub = self.create_publisher(Twist, robot_path(robot, robot.cmd_vel_topic), COMMANDS)
        fmt = str(p["joint_command_format"])
        if fmt not in ("joint_state", "float64"):
            raise ConfigError([ConfigIssue("actuation_node", "joint_command_format",
                                           f"expected joint_state or float64, got {fmt!r}")])
        self._joint_pub = (self.create_publisher(JointState, robot_topic(ns, ROBOT_JOINT_COMMAND), COMMANDS)
                           if fmt == "joint_state" else None)
        self._joint_float_pubs = {
            j: self.create_publisher(Float64, joint_command_topic(robot, j), COMMANDS)
            for j in (self.spec.joints if fmt == "float64" else ())
        }
        self._pose_pub = (self.create_publisher(PoseStamped, robot_topic(ns, ROBOT_GOAL_POSE), COMMANDS)
                          if backend is Backend.NAV2 else None)
        self._feedback_pub = self.create_publisher(String, robot_topic(ns, ROBOT_FEEDBACK), EVENTS)
        self._result_pub = self.create_publisher(String, robot_topic(ns, ROBOT_RESULT), EVENTS)
        self.create_subscription(String, robot_topic(ns, ROBOT_GOAL), self._on_goal, EVENTS)
        self.create_subscription(Odometry, robot_path(robot, robot.odom_topic), self._on_odom, SENSOR)
        self.create_subscription(JointState, robot_topic(ns, ROBOT_JOINT_STATES), self._on_joints, SENSOR)
        self.create_subscription(String, planner_topic(str(p["planner_namespace"]), KEEPOUT), self._on_keepout,
                                 LATCHED)
        if p["track_peers"]:
            for other in fleet.robots:
                if other.id == rid:
                    continue
                m = models.model_for(other.type)
                tool = "bucket" if m.bucket_capacity > 0 else "bed" if m.bed_capacity > 0 else ""
                self.create_subscription(Odometry, robot_path(other, other.odom_topic),
                                         partial(self._on_peer, other.id, m.body_radius, tool, m.reach), SENSOR)
        self._timer = self.create_timer(1.0 / rate, self._tick)
        # With use_sim_time the control timer runs on /clock: if the simulator dies, that
        # clock stops and so would the stale-odometry check. A wall-clock watchdog covers it.
        self._odom_wall = time.monotonic()
        self._stale_wall_s = float(p["odom_timeout_s"]) + float(p["odom_grace_s"])
        self._watchdog = self.create_timer(0.2, self._watch, clock=Clock(clock_type=ClockType.STEADY_TIME))
        self._held: deque[str] = deque(maxlen=HELD_GOAL_MESSAGES)
        self.get_logger().info(f"actuation for {rid} ({backend.value} backend) on {robot_topic(ns, ROBOT_GOAL)}")

    # ------------------------------------------------------------------ inputs

    def _now(self) -> float:
        return float(self.get_clock().now().nanoseconds) * 1e-9

    def _clock_unset(self) -> bool:
        """Simulated time before the first /clock message (the node's clock reads zero)."""
        clock = self.get_clock()
        return bool(getattr(clock, "ros_time_is_active", False)) and clock.now().nanoseconds == 0

    def _on_goal(self, msg: String) -> None:
        if self._clock_unset():
            if msg.data in self._held:
                return  # the allocator published an unacknowledged goal again
            if not self._held:
                self.get_logger().warning("goal message before the first /clock (use_sim_time): held until "
                                          "simulated time runs")
            elif len(self._held) == self._held.maxlen:
                self.get_logger().error(f"more than {HELD_GOAL_MESSAGES} goal messages before the first /clock: "
                                        "the oldest is dropped")
            self._held.append(msg.data)
            return
        self._take_goal(msg.data)

    def _take_goal(self, data: str) -> None:
        was_busy = self.core.busy
        self._publish(self.core.on_message(data, self._now()))
        if self.core.busy and not was_busy:
            # Like the core's own rule: a goal gets the full window from its start.
            self._odom_wall = max(self._odom_wall, time.monotonic())

    def _on_odom(self, msg: Odometry) -> None:
        pose = pose2d_from_odometry(msg)
        v, w = float(msg.twist.twist.linear.x), float(msg.twist.twist.angular.z)
        if not all(math.isfinite(x) for x in (pose.x, pose.y, pose.yaw, v, w)):
            self.get_logger().error("non-finite odometry ignored")
            return
        self.core.on_odom(OdomSample(pose, v, w, self._now()))
        self._odom_wall = time.monotonic()

    def _on_peer(self, robot_id: str, body: float, tool: str, reach: float, msg: Odometry) -> None:
        pose = pose2d_from_odometry(msg)
        v = float(msg.twist.twist.linear.x)
        if all(math.isfinite(x) for x in (pose.x, pose.y, pose.yaw, v)):
            self.core.on_peer(PeerState(robot_id, pose, v, self._now(), body, tool, reach))

    def _on_joints(self, msg: JointState) -> None:
        try:
            positions = joint_positions(msg)
        except ValueError as exc:
            self.get_logger().error(f"joint_states ignored: {exc}")
            return
        self.core.on_joints(JointSample(positions, self._now()))

    def _on_keepout(self, msg: String) -> None:
        zones = read_keepout(msg, self.get_logger())
        if zones is not None:
            self.core.set_zones(zones)

    def _tick(self) -> None:
        while self._held and not self._clock_unset():
            self._take_goal(self._held.popleft())
        self._publish(self.core.tick(self._now()))

    def _watch(self) -> None:
        if not self.core.busy:
            return
        quiet = time.monotonic() - self._odom_wall
        if quiet > self._stale_wall_s:
            self._publish(self.core.abort(f"odom_stale: no odometry for {quiet:.1f} s (wall clock)", self._now()))

    # ------------------------------------------------------------------ outputs

    def _publish(self, out: Outputs) -> None:
        # Twist first: a stop or cancel must reach the base before anything else is sent.
        if out.twist is not None:
            self._cmd_pub.publish(twist(*out.twist))
        if out.joints is not None:
            names = sorted(out.joints)
            if self._joint_pub is not None:
                self._joint_pub.publish(joint_state_msg(names, [out.joints[n] for n in names],
                                                        self.get_clock().now().to_msg()))
            for n in names:
                pub = self._joint_float_pubs.get(n)
                if pub is not None:
                    value = Float64()
                    value.data = float(out.joints[n])
                    pub.publish(value)
        if out.goal_pose is not None and self._pose_pub is not None:
            self._pose_pub.publish(pose_stamped(out.goal_pose, self.get_clock().now().to_msg()))
        log = self.get_logger()
        for fb in out.feedback:
            self._feedback_pub.publish(string_msg(encode_feedback(fb)))
        for res in out.results:
            self._result_pub.publish(string_msg(encode_result(res)))
            text = f"goal {res.goal_id}: {res.status.value}" + (f" ({res.reason})" if res.reason else "")
            # two call sites on purpose: rclpy ties a severity to each call site and raises
            # ("Logger severity cannot be changed between calls") when one line logs both
            if res.status.value == "succeeded":
                log.info(text)
            else:
                log.warning(text)
        for line in out.log:
            log.warning(line)

    def shutdown(self) -> None:
        """Zero the base and end the running goal; called before the node is destroyed.

        Waits (briefly) until subscribers acknowledged the zero twist: a stop published by a
        process that exits at once may otherwise never leave it.
        """
        try:
            self._publish(self.core.shutdown(self._now()))
            self._cmd_pub.wait_for_all_acked(Duration(seconds=0.5))
        except Exception as exc:  # noqa: BLE001 - shutting down: the context may be gone already
            self.get_logger().warning(f"could not publish the shutdown stop: {exc}")

    def destroy_node(self) -> None:
        self.shutdown()
        super().destroy_node()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _init(args: list[str] | None) -> None:
    # Our own SIGINT/SIGTERM handling: rclpy's would shut the context down first, and the zero
    # twist this node owes its robot on the way out could no longer be published.
    rclpy.init(args=args, signal_handler_options=SignalHandlerOptions.NO)
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)


def main(args: list[str] | None = None) -> None:
    run_node(ActuationNode, "actuation_node", SingleThreadedExecutor, args, init=_init)


if __name__ == "__main__":
    main()
