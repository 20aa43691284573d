"""The built-in simulator on the ROS graph, speaking what Gazebo or a real robot would.

Per robot (topics from the fleet file, relative to the robot's namespace unless absolute):
publishes ``odom`` (nav_msgs/Odometry, map frame) and ``joint_states`` (boom/bucket or
bed, plus the payload pseudo-joint ``bucket_load`` / ``bed_load`` in m^3, which real robots do
not have); subscribes ``cmd_vel`` (a robot whose commands stop for ``cmd_timeout_s`` is
stopped, as real base drivers do) and ``joint_command`` (JointState position targets).
In the planner namespace: the top-down ``camera/image`` and ``camera/camera_info``
(orthographic, see :data:`~dart_planner.nodes.conversions.ORTHOGRAPHIC_MODEL`),
``sim/ground_truth`` (latched objects@1 JSON plus robots, piles, dumps, zones and the
safety record), and it obeys ``keepout`` (latched: the zones in force). Optional ``/clock``.

``sim/object_command`` (objects@1 JSON, see :func:`object_command_edits`) edits the site at
run time: ``{"objects": [{"name": "puddle1", "x": -6, "y": -2}], "remove": ["rock2"]}`` moves
(or adds, given a ``kind``) objects and removes others, so the camera, the ground truth and the
physics show the change from the next frame: how tests move things behind the planner's back.

Rates are in simulated time; ``time_scale`` > 1 runs faster than real time (other nodes
then follow ``/clock`` with ``use_sim_time``). The simulation itself is
:class:`dart_planner.sim.Simulation` in external-command mode, stepped by
:class:`dart_planner.sim.external.ExternalDriver`; this node only converts.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace
from functools import partial
from typing import Any

from geometry_msgs.msg import Twist
from nav_msgs.msg import Odometry
from rclpy.clock import Clock, ClockType
from rclpy.executors import SingleThreadedExecutor
from rclpy.node import Node
from rclpy.qos import QoSProfile, ReliabilityPolicy
from sensor_msgs.msg import CameraInfo, Image, JointState
from std_msgs.msg import String

from ..core.errors import DartPlannerError
from ..core.world import World, WorldObject, object_to_dict
from ..sim import Simulation
from ..sim.external import Every, ExternalDriver, ground_truth_payload
from ..sim.render import render_array
from ..topics import (
    CAMERA_IMAGE,
    CAMERA_INFO,
    KEEPOUT,
    ROBOT_JOINT_COMMAND,
    ROBOT_JOINT_STATES,
    SIM_OBJECT_COMMAND,
    planner_topic,
    robot_path,
    robot_topic,
)
from .conversions import (
    camera_info_from_transform,
    image_from_array,
    joint_positions,
    joint_state_msg,
    json_msg,
    objects_from_payload,
    odometry_from_state,
    parse_json_msg,
    planner_namespace,
    read_keepout,
    time_msg,
    twist_values,
)
from .entry import run_node
from .params import Param, declare_params, load_site
from .qos import COMMANDS, EVENTS, LATCHED, SENSOR

__all__ = ["SimNode", "PARAMS", "GROUND_TRUTH", "object_command_edits", "main"]

GROUND_TRUTH = "sim/ground_truth"
"""Planner-namespace topic of the simulator's ground truth (std_msgs/String, objects@1 + extras)."""

PARAMS = [
    Param("fleet_file", "", "Fleet YAML (robots, start poses, speeds); empty: the shipped config/fleet.yaml."),
    Param("world_file", "", "World YAML (objects, piles, keep-out zones, bounds); empty: the shipped one."),
    Param("namespace", "", "Planner namespace of the camera, ground-truth and keepout topics; empty: the "
                           "node's namespace, or /dart at the root."),
    Param("time_scale", 1.0, "Simulated seconds per wall second (1 = real time, > 1 faster)."),
    Param("rate_hz", 50.0, "Physics steps per simulated second."),
    Param("odom_rate_hz", 20.0, "odom and joint_states messages per simulated second, per robot."),
    Param("camera_rate_hz", 2.0, "Camera images per simulated second (0: no camera)."),
    Param("camera_size_px", 400, "Camera image width and height in pixels (the whole site is in view)."),
    Param("ground_truth_rate_hz", 2.0, "sim/ground_truth messages per simulated second (0: none)."),
    Param("cmd_timeout_s", 0.5, "A robot whose cmd_vel went quiet this long (simulated s) is stopped."),
    Param("seed", 0, "Seed of the simulator's randomness (fault injection)."),
    Param("publish_clock", False, "Publish /clock (rosgraph_msgs/Clock) with the simulated time; stamps then "
                                  "use it too. Other nodes follow it with use_sim_time:=true."),
    Param("frame_id", "map", "Frame of odometry poses."),
]



def object_command_edits(payload: Any, world: World) -> tuple[list[WorldObject], list[str], list[str]]:
    """(objects to place, names to remove, refusals) of a ``sim/object_command`` payload.

    ``objects`` entries name an object and give what changes: a known object keeps the kind,
    radius and volume it has unless given (so ``{"name": "puddle1", "x": 3, "y": 4}`` moves
    it); a new one needs its ``kind``. Entries are checked one by one like perceived objects
    (:func:`~dart_planner.nodes.conversions.objects_from_payload`: plain names, finite numbers,
    on the site), so one bad entry never blocks the others. ``remove`` lists names.
    """
    if not isinstance(payload, dict):
        return [], [], ["object command: not a JSON object"]
    items = payload.get("objects", [])
    removes = payload.get("remove", [])
    refused: list[str] = []
    if not isinstance(items, list) or not isinstance(removes, list):
        return [], [], ["object command: 'objects' and 'remove' must be lists"]
    full: list[Any] = []
    for i, d in enumerate(items):
        name = d.get("name") if isinstance(d, dict) else None
        old = world.objects.get(name) if isinstance(name, str) else None
        if old is not None:
            full.append({**object_to_dict(old), **d})
        elif isinstance(d, dict) and "kind" not in d:
            refused.append(f"objects[{i}] ({name!r}): a new object needs a kind")
        else:
            full.append(d)  # checked (or refused with its reason) below
    places, bad = objects_from_payload({"objects": full}, world)
    refused += bad
    names: list[str] = []
    for i, name in enumerate(removes):
        if isinstance(name, str) and world.has_object(name):
            names.append(name)
        else:
            refused.append(f"remove[{i}]: no object {name!r}" if isinstance(name, str) else f"remove[{i}]: not a name")
    return [replace(o, source="sim", confidence=1.0) for o in places], names, refused


CLOCK_QOS = QoSProfile(depth=1, reliability=ReliabilityPolicy.RELIABLE)
"""Reliable, so best-effort (rclpy's TimeSource) and reliable clock subscribers both match."""


class SimNode(Node):
    """The simulator as a ROS node (see the module docstring).

    ``kwargs`` go to :class:`rclpy.node.Node` (``context``, ``namespace``,
    ``parameter_overrides``), which is how the one-process runner and tests build it.
    """

    def __init__(self, **kwargs: Any):
        super().__init__("sim_node", **kwargs)
        p = declare_params(self, PARAMS)
        self.fleet, world = load_site(p)
        rate = float(p["rate_hz"])
        self.time_scale = float(p["time_scale"])
        if not (rate > 0 and self.time_scale > 0 and math.isfinite(rate) and math.isfinite(self.time_scale)):
            raise DartPlannerError(f"rate_hz and time_scale must be positive, got {rate} and {self.time_scale}")
        self.sim = Simulation(self.fleet, world, seed=int(p["seed"]), dt=1.0 / rate, external=True)
        self.driver = ExternalDriver(self.sim, step_s=1.0 / rate, cmd_timeout_s=float(p["cmd_timeout_s"]))
        self.frame = str(p["frame_id"])
        self.size = int(p["camera_size_px"])
        self.ns = planner_namespace(p["namespace"], self.get_namespace())
        self._odom_every = Every(float(p["odom_rate_hz"]))
        self._camera_every = Every(float(p["camera_rate_hz"]))
        self._truth_every = Every(float(p["ground_truth_rate_hz"]))
        self._camera_tf: Any = None
        log = self.get_logger()

        self._odom_pubs: dict[str, Any] = {}
        self._joint_pubs: dict[str, Any] = {}
        for robot in self.fleet.robots:
            rid = robot.id
            self._odom_pubs[rid] = self.create_publisher(Odometry, robot_path(robot, robot.odom_topic), SENSOR)
            self._joint_pubs[rid] = self.create_publisher(
                JointState, robot_topic(robot.namespace, ROBOT_JOINT_STATES), SENSOR)
            self.create_subscription(Twist, robot_path(robot, robot.cmd_vel_topic), partial(self._on_cmd_vel, rid),
                                     COMMANDS)
            self.create_subscription(JointState, robot_topic(robot.namespace, ROBOT_JOINT_COMMAND),
                                     partial(self._on_joint_command, rid), COMMANDS)
        self._image_pub = self.create_publisher(Image, planner_topic(self.ns, CAMERA_IMAGE), SENSOR)
        self._info_pub = self.create_publisher(CameraInfo, planner_topic(self.ns, CAMERA_INFO), SENSOR)
        self._truth_pub = self.create_publisher(String, planner_topic(self.ns, GROUND_TRUTH), LATCHED)
        self.create_subscription(String, planner_topic(self.ns, KEEPOUT), self._on_keepout, LATCHED)
        self.create_subscription(String, planner_topic(self.ns, SIM_OBJECT_COMMAND), self._on_object_command, EVENTS)
        self._site_changed = False
        self._clock_pub = None
        if p["publish_clock"]:
            try:
                from rosgraph_msgs.msg import Clock as ClockMsg

                self._clock_msg = ClockMsg
                self._clock_pub = self.create_publisher(ClockMsg, "/clock", CLOCK_QOS)
            except ImportError:
                log.warning("publish_clock is set but rosgraph_msgs is not installed: no /clock published")
        self._use_sim_stamps = self._clock_pub is not None
        # A steady-clock timer: the simulator drives time, so it must never wait for /clock itself.
        period = max(0.01, 1.0 / rate / self.time_scale)
        self._last_wall = time.monotonic()
        self._timer = self.create_timer(period, self._tick, clock=Clock(clock_type=ClockType.STEADY_TIME))
        log.info(f"simulating {len(self.fleet.robots)} robots at {rate:g} Hz x{self.time_scale:g} real time; "
                 f"planner topics under {self.ns}")

    @property
    def world(self) -> World:
        """The site as simulated now (``sim/object_command`` edits it)."""
        return self.sim.world

    # ------------------------------------------------------------------ inputs

    def _on_cmd_vel(self, robot_id: str, msg: Twist) -> None:
        v, w = twist_values(msg)
        if not (math.isfinite(v) and math.isfinite(w)):
            self.get_logger().error(f"{robot_id}: non-finite cmd_vel ({v}, {w}) ignored")
            return
        self.driver.command_velocity(robot_id, v, w)

    def _on_joint_command(self, robot_id: str, msg: JointState) -> None:
        try:
            targets = joint_positions(msg)
        except ValueError as exc:
            self.get_logger().error(f"{robot_id}: joint_command ignored: {exc}")
            return
        self.driver.command_joints(robot_id, targets)

    def _on_keepout(self, msg: String) -> None:
        zones = read_keepout(msg, self.get_logger())
        if zones is not None:
            self.driver.set_keep_out(zones)

    def _on_object_command(self, msg: String) -> None:
        log = self.get_logger()
        try:
            places, removes, refused = object_command_edits(parse_json_msg("objects", msg), self.sim.world)
        except DartPlannerError as exc:
            log.error(f"object command ignored: {exc}")
            return
        for why in refused:
            log.error(f"object command entry refused: {why}")
        for name in removes:
            try:
                self.sim.remove_object(name)
            except DartPlannerError as exc:
                log.error(f"object command: {exc}")
                continue
            log.info(f"object {name} removed from the site")
            self._site_changed = True
        for obj in places:
            verb = "moved" if self.sim.world.has_object(obj.name) else "added"
            try:
                self.sim.place_object(obj)
            except DartPlannerError as exc:
                log.error(f"object command: {exc}")
                continue
            log.info(f"object {obj.name} ({obj.kind}) {verb}: ({obj.x:g}, {obj.y:g}) r {obj.radius:g}")
            self._site_changed = True

    # ------------------------------------------------------------------ stepping and outputs

    def _stamp(self) -> Any:
        return time_msg(self.sim.time) if self._use_sim_stamps else self.get_clock().now().to_msg()

    def _tick(self) -> None:
        wall = time.monotonic()
        elapsed, self._last_wall = wall - self._last_wall, wall
        self.driver.advance(min(elapsed, 0.5) * self.time_scale, max_steps=200)
        now = self.sim.time
        if self._clock_pub is not None:
            clock = self._clock_msg()
            clock.clock = time_msg(now)
            self._clock_pub.publish(clock)
        odom_due = self._odom_every.due(now)
        camera_due = self._camera_every.due(now)
        truth_due = self._truth_every.due(now)
        if self._site_changed:  # show an edited site at once, on the streams that are on
            self._site_changed = False
            camera_due = camera_due or math.isfinite(self._camera_every.period)
            truth_due = truth_due or math.isfinite(self._truth_every.period)
        if not (odom_due or camera_due or truth_due):
            return
        snap = self.sim.snapshot()
        stamp = self._stamp()
        if odom_due:
            for robot in self.fleet.robots:
                r = snap.robot(robot.id)
                ns = robot.namespace.strip("/") or robot.id
                self._odom_pubs[robot.id].publish(odometry_from_state(
                    r.pose, r.linear_velocity, r.angular_velocity, stamp, self.frame, f"{ns}/base_link"))
                names, positions = self.driver.joint_state(snap, robot.id)
                self._joint_pubs[robot.id].publish(joint_state_msg(names, positions, stamp))
        if camera_due:
            array, tf = render_array(snap, self.sim.world, self.size)
            self._camera_tf = tf
            self._image_pub.publish(image_from_array(array, stamp, "site_camera"))
            self._info_pub.publish(camera_info_from_transform(tf, stamp, "site_camera"))
        if truth_due:
            payload = ground_truth_payload(self.sim, snap)
            if self._camera_tf is not None:
                tf = self._camera_tf
                payload["camera"] = {"model": "orthographic", "x0": tf.x0, "y0": tf.y0,
                                     "meters_per_px": tf.meters_per_px, "width": tf.width, "height": tf.height}
            self._truth_pub.publish(json_msg("objects", payload))


def main(args: list[str] | None = None) -> None:
    run_node(SimNode, "sim_node", SingleThreadedExecutor, args)


if __name__ == "__main__":
    main()
