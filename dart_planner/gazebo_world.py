"""Generate the Gazebo (gz-sim) world and the ros_gz_bridge configuration from the site files.

The shipped ``config/gazebo/construction_site.sdf`` and ``config/gazebo/bridge.yaml`` are
the output of :func:`build_sdf` and :func:`build_bridge_config` for the default fleet and
world; a test keeps them equal, so the Gazebo site can never drift from the planner's.
For another fleet or site, regenerate both::

    python3 -m dart_planner.gazebo_world --fleet my_fleet.yaml --world my_world.yaml --out-dir my_gz

What the world contains, and why:

* every world object as a static model at its configured position, sized by its radius
  (puddles are visual only: robots may drive through them, as in the built-in simulator);
* one model per robot at its start pose, named by robot id, with a box chassis, two driven
  wheels and two frictionless casters. ``gz-sim-diff-drive-system`` takes ``cmd_vel``;
  ``gz-sim-odometry-publisher-system`` publishes ``odom`` as the model's *world* pose.
  DiffDrive's own odometry integrates wheel motion from zero at spawn, so it would put
  every robot at the origin of the site frame; it is moved to ``wheel_odom`` and not
  bridged. The arm (boom, bucket) and bed joints are the built-in simulator's joints
  (``dart_planner.sim.config``), with the same names, limits and rates, driven by
  ``gz-sim-joint-position-controller-system`` and published by
  ``gz-sim-joint-state-publisher-system``; tools have no collision (no soil physics);
* a top-down camera over the centre of the site bounds, looking straight down, image up =
  +y of the site frame, image right = +x, publishing the planner's camera topics.

Only the standard library is used, so the generator runs anywhere the package does.
"""

from __future__ import annotations

import argparse
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .core.fleet import Fleet, Robot, load_fleet
from .core.world import World, WorldObject, load_world
from .sim.config import JointSpec, RobotModel, SimConfig
from .topics import (
    CAMERA_IMAGE,
    CAMERA_INFO,
    MESSAGE_TYPES,
    ROBOT_CMD_VEL,
    ROBOT_JOINT_STATES,
    ROBOT_ODOM,
    planner_topic,
    robot_path,
    robot_topic,
)

__all__ = [
    "WORLD_NAME", "SDF_VERSION", "ODOM_FRAME", "CLOCK_TOPIC", "GZ_MSG_TYPES", "CameraGeometry",
    "camera_geometry",
    "joint_command_topic", "wheel_odom_topic", "build_sdf", "build_bridge_config",
    "bridge_yaml", "main",
]

WORLD_NAME = "construction_site"
SDF_VERSION = "1.9"
ODOM_FRAME = "map"
"""Frame of the bridged odometry: the site frame of world.yaml (Gazebo's world frame)."""
CLOCK_TOPIC = "/clock"
CLOCK_ROS_TYPE = "rosgraph_msgs/msg/Clock"
JOINT_COMMAND_ROS_TYPE = "std_msgs/msg/Float64"

GZ_MSG_TYPES: Mapping[str, str] = {
    "geometry_msgs/msg/Twist": "gz.msgs.Twist",
    "nav_msgs/msg/Odometry": "gz.msgs.Odometry",
    "sensor_msgs/msg/JointState": "gz.msgs.Model",
    "sensor_msgs/msg/Image": "gz.msgs.Image",
    "sensor_msgs/msg/CameraInfo": "gz.msgs.CameraInfo",
    "rosgraph_msgs/msg/Clock": "gz.msgs.Clock",
    "std_msgs/msg/Float64": "gz.msgs.Double",
}
"""ROS type -> Gazebo Transport type, as ros_gz_bridge pairs them."""

# Body proportions Gazebo needs and the built-in simulator does not (it is 2-D).
_WHEEL_RADIUS = 0.45
_WHEEL_WIDTH = 0.35
_CASTER_RADIUS = 0.2
_CHASSIS_HEIGHT = 1.0
_CHASSIS_MASS = 800.0
_WHEEL_MASS = 40.0
_BRAKING_DECEL = 3.0
"""Deceleration limit (m/s^2) of the diff drive: higher than max_accel so a stop is quick."""
_ODOM_RATE_HZ = 20.0

_OBJECT_COLORS: Mapping[str, tuple[float, float, float]] = {
    "puddle": (0.15, 0.35, 0.85), "obstacle": (0.5, 0.5, 0.5), "soil": (0.45, 0.28, 0.12),
    "rock": (0.33, 0.31, 0.3),
}
_GROUND_COLOR = (0.78, 0.74, 0.66)


@dataclass(frozen=True)
class CameraGeometry:
    """The top-down site camera: where it hangs and what it sees.

    The camera looks straight down from ``height`` metres above ``(x, y)``; a pixel covers
    :attr:`metres_per_pixel` on the ground, image up is +y and image right is +x of the
    site frame, so a pixel ``(u, v)`` sees the ground point
    ``(x + (u - width_px / 2) * m, y - (v - height_px / 2) * m)``.
    """

    x: float
    y: float
    height: float
    hfov: float
    width_px: int
    height_px: int
    update_rate_hz: float = 2.0

    @property
    def metres_per_pixel(self) -> float:
        return 2.0 * self.height * math.tan(self.hfov / 2.0) / self.width_px

    @property
    def ground_half_extent(self) -> tuple[float, float]:
        """Half width and half height (m) of the ground area in view."""
        m = self.metres_per_pixel
        return self.width_px * m / 2.0, self.height_px * m / 2.0


def camera_geometry(world: World, width_px: int = 800, hfov: float = math.pi / 3,
                    margin: float = 2.0) -> CameraGeometry:
    """A camera over the centre of the site bounds that sees all of them plus ``margin``."""
    b = world.bounds
    half_x = (b.xmax - b.xmin) / 2.0 + margin
    half_y = (b.ymax - b.ymin) / 2.0 + margin
    height_px = max(1, math.ceil(width_px * half_y / half_x))
    return CameraGeometry(
        x=(b.xmin + b.xmax) / 2.0, y=(b.ymin + b.ymax) / 2.0, height=half_x / math.tan(hfov / 2.0),
        hfov=hfov, width_px=width_px, height_px=height_px,
    )


def joint_command_topic(robot: Robot, joint: str) -> str:
    """Per-joint position command (std_msgs/Float64) that Gazebo's joint controllers take."""
    return robot_topic(robot.namespace, f"joint_command/{joint}")


def wheel_odom_topic(robot: Robot) -> str:
    """Where DiffDrive's start-relative wheel odometry goes (kept off ``odom``; not bridged)."""
    return robot_topic(robot.namespace, "wheel_odom")


# ---------------------------------------------------------------------------------------------
# small XML helpers


def _num(v: float) -> str:
    text = f"{float(v):.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _nums(*values: float) -> str:
    return " ".join(_num(v) for v in values)


def _el(parent: ET.Element, tag: str, text: str | float | None = None, **attrs: str) -> ET.Element:
    e = ET.SubElement(parent, tag, attrs)
    if text is not None:
        e.text = text if isinstance(text, str) else _num(text)
    return e


def _pose(parent: ET.Element, x: float = 0, y: float = 0, z: float = 0, roll: float = 0, pitch: float = 0,
          yaw: float = 0) -> None:
    _el(parent, "pose", _nums(x, y, z, roll, pitch, yaw))


def _material(parent: ET.Element, rgb: Sequence[float]) -> None:
    m = _el(parent, "material")
    _el(m, "ambient", _nums(*rgb, 1.0))
    _el(m, "diffuse", _nums(*rgb, 1.0))
    _el(m, "specular", "0.1 0.1 0.1 1")


def _geometry(parent: ET.Element, shape: str, **dims: float | str) -> None:
    g = _el(_el(parent, "geometry"), shape)
    for k, v in dims.items():
        _el(g, k, v if isinstance(v, str) else _num(v))


def _shape(link: ET.Element, name: str, shape: str, rgb: Sequence[float] | None, *, collide: bool = True,
           pose: Sequence[float] = (0, 0, 0), frictionless: bool = False, **dims: float | str) -> None:
    """A visual (when ``rgb``) and a collision (when ``collide``) of one geometry."""
    if collide:
        c = _el(link, "collision", name=f"{name}_collision")
        _pose(c, *pose)
        _geometry(c, shape, **dims)
        if frictionless:  # casters: the wheels alone decide where the robot goes
            ode = _el(_el(_el(c, "surface"), "friction"), "ode")
            _el(ode, "mu", 0.0)
            _el(ode, "mu2", 0.0)
    if rgb is not None:
        v = _el(link, "visual", name=f"{name}_visual")
        _pose(v, *pose)
        _geometry(v, shape, **dims)
        _material(v, rgb)


def _inertial(link: ET.Element, mass: float, ixx: float, iyy: float, izz: float,
              pose: Sequence[float] = (0, 0, 0)) -> None:
    i = _el(link, "inertial")
    _pose(i, *pose)
    _el(i, "mass", mass)
    t = _el(i, "inertia")
    for k, v in (("ixx", ixx), ("ixy", 0.0), ("ixz", 0.0), ("iyy", iyy), ("iyz", 0.0), ("izz", izz)):
        _el(t, k, v)


def _box_inertial(link: ET.Element, mass: float, sx: float, sy: float, sz: float,
                  pose: Sequence[float] = (0, 0, 0)) -> None:
    k = mass / 12.0
    _inertial(link, mass, k * (sy**2 + sz**2), k * (sx**2 + sz**2), k * (sx**2 + sy**2), pose)


def _plugin(parent: ET.Element, filename: str, name: str,
            params: Iterable[tuple[str, str | float]] = ()) -> None:
    p = _el(parent, "plugin", filename=filename, name=name)
    for k, v in params:
        _el(p, k, v)


# ---------------------------------------------------------------------------------------------
# world parts


def _world_setup(world_el: ET.Element) -> None:
    physics = _el(world_el, "physics", name="2ms", type="ignored")
    _el(physics, "max_step_size", 0.002)
    _el(physics, "real_time_factor", 1.0)
    _plugin(world_el, "gz-sim-physics-system", "gz::sim::systems::Physics")
    _plugin(world_el, "gz-sim-user-commands-system", "gz::sim::systems::UserCommands")
    _plugin(world_el, "gz-sim-scene-broadcaster-system", "gz::sim::systems::SceneBroadcaster")
    _plugin(world_el, "gz-sim-sensors-system", "gz::sim::systems::Sensors", [("render_engine", "ogre2")])
    _el(world_el, "gravity", "0 0 -9.8")
    scene = _el(world_el, "scene")
    _el(scene, "ambient", "0.6 0.6 0.6 1")
    _el(scene, "background", "0.7 0.8 0.9 1")
    _el(scene, "grid", "false")
    _el(scene, "shadows", "false")  # shadows would move with the sun and confuse the detector
    sun = _el(world_el, "light", type="directional", name="sun")
    _el(sun, "cast_shadows", "false")
    _pose(sun, 0, 0, 50)
    _el(sun, "diffuse", "0.9 0.9 0.9 1")
    _el(sun, "specular", "0.2 0.2 0.2 1")
    _el(sun, "direction", "-0.3 0.2 -1")


def _ground(world_el: ET.Element, world: World) -> None:
    b = world.bounds
    size = _nums(b.xmax - b.xmin + 80.0, b.ymax - b.ymin + 80.0)
    model = _el(world_el, "model", name="ground_plane")
    _el(model, "static", "true")
    _pose(model, (b.xmin + b.xmax) / 2.0, (b.ymin + b.ymax) / 2.0)
    link = _el(model, "link", name="link")
    for tag in ("collision", "visual"):
        e = _el(link, tag, name=tag)
        plane = _el(_el(e, "geometry"), "plane")
        _el(plane, "normal", "0 0 1")
        _el(plane, "size", size)
        if tag == "visual":
            _material(e, _GROUND_COLOR)


def _object(world_el: ET.Element, obj: WorldObject, solid: bool) -> None:
    """A static model for one site object, inside its footprint disc."""
    r = obj.radius
    rgb = _OBJECT_COLORS.get(obj.kind, (0.6, 0.6, 0.6))
    # Model heights: puddles just above the ground, rocks partly buried.
    z = {"puddle": 0.01, "obstacle": 0.75, "soil": 0.0, "rock": r * 0.7}.get(obj.kind, 0.5)
    model = _el(world_el, "model", name=obj.name)
    _el(model, "static", "true")
    _pose(model, obj.x, obj.y, z)
    link = _el(model, "link", name="link")
    if obj.kind == "puddle":
        _shape(link, "water", "cylinder", rgb, collide=solid, radius=r, length=0.02)
    elif obj.kind == "obstacle":
        side = r * math.sqrt(2.0)  # the square inscribed in the footprint disc
        _shape(link, "block", "box", rgb, collide=solid, size=_nums(side, side, 1.5))
    elif obj.kind == "soil":
        # A pile: a wide low disc under a narrower one (SDF <cone> needs 1.11 / Gazebo Ionic).
        _shape(link, "pile_base", "cylinder", rgb, collide=solid, pose=(0, 0, 0.4), radius=r, length=0.8)
        _shape(link, "pile_top", "cylinder", rgb, collide=solid, pose=(0, 0, 1.0), radius=r * 0.55,
               length=0.8)
    elif obj.kind == "rock":
        _shape(link, "rock", "sphere", rgb, collide=solid, radius=r)
    else:
        _shape(link, "body", "cylinder", rgb, collide=solid, radius=r, length=1.0)


@dataclass(frozen=True)
class _ToolLayout:
    """How a simulator joint becomes a link in Gazebo: parent link, hinge point, box, mass."""

    parent: str
    pivot: tuple[float, float, float]
    size: tuple[float, float, float]
    centre: tuple[float, float, float]
    mass: float


def _tool_layouts(joints: Sequence[JointSpec], length: float, width: float) -> dict[str, _ToolLayout]:
    top = 2 * _CASTER_RADIUS + _CHASSIS_HEIGHT
    boom_pivot = (length / 2 - 0.4, 0.0, top)
    layouts: dict[str, _ToolLayout] = {}
    names = [j.name for j in joints]
    for name in names:
        if name == "boom":
            layouts[name] = _ToolLayout("base_link", boom_pivot, (3.0, 0.35, 0.35), (1.5, 0.0, 0.0), 100.0)
        elif name == "bucket" and "boom" in names:  # hangs at the tip of the 3 m boom
            tip = (boom_pivot[0] + 3.0, 0.0, boom_pivot[2])
            layouts[name] = _ToolLayout("boom_link", tip, (0.6, 1.0, 0.6), (0.3, 0.0, -0.2), 30.0)
        elif name == "bed":
            bed_len = 0.65 * length
            layouts[name] = _ToolLayout("base_link", (-length / 2 + 0.1, 0.0, top),
                                        (bed_len, 0.95 * width, 0.7), (bed_len / 2, 0.0, 0.35), 150.0)
        else:  # a joint this generator has no drawing for: a small lever on the roof
            layouts[name] = _ToolLayout("base_link", (0.0, 0.0, top), (1.0, 0.3, 0.3), (0.5, 0.0, 0.15), 20.0)
    return layouts


def _robot(world_el: ET.Element, robot: Robot, model: RobotModel) -> None:
    ns = robot.namespace
    length, width = model.length, model.width
    rgb = tuple(c / 255.0 for c in model.color)
    m = _el(world_el, "model", name=robot.id)
    _pose(m, robot.start.x, robot.start.y, 0, 0, 0, robot.start.yaw)

    base = _el(m, "link", name="base_link")
    zc = 2 * _CASTER_RADIUS + _CHASSIS_HEIGHT / 2
    _box_inertial(base, _CHASSIS_MASS, length, width, _CHASSIS_HEIGHT, (0, 0, zc))
    _shape(base, "chassis", "box", rgb, pose=(0, 0, zc), size=_nums(length, width, _CHASSIS_HEIGHT))
    caster_x = length / 2 - _CASTER_RADIUS - 0.1
    for side, x in (("front", caster_x), ("rear", -caster_x)):
        _shape(base, f"{side}_caster", "sphere", (0.2, 0.2, 0.2), pose=(x, 0, _CASTER_RADIUS),
               frictionless=True, radius=_CASTER_RADIUS)

    wheel_y = width / 2 + _WHEEL_WIDTH / 2 + 0.05
    for side, y in (("left", wheel_y), ("right", -wheel_y)):
        w = _el(m, "link", name=f"{side}_wheel")
        _pose(w, 0, y, _WHEEL_RADIUS, -math.pi / 2, 0, 0)  # cylinder axis along the model's y
        iz = _WHEEL_MASS * _WHEEL_RADIUS**2 / 2
        ixy = _WHEEL_MASS * (3 * _WHEEL_RADIUS**2 + _WHEEL_WIDTH**2) / 12
        _inertial(w, _WHEEL_MASS, ixy, ixy, iz)
        _shape(w, "tyre", "cylinder", (0.1, 0.1, 0.1), radius=_WHEEL_RADIUS, length=_WHEEL_WIDTH)
        j = _el(m, "joint", name=f"{side}_wheel_joint", type="revolute")
        _el(j, "parent", "base_link")
        _el(j, "child", f"{side}_wheel")
        axis = _el(j, "axis")
        _el(axis, "xyz", "0 1 0", expressed_in="__model__")
        lim = _el(axis, "limit")
        _el(lim, "lower", "-1e16")
        _el(lim, "upper", "1e16")

    layouts = _tool_layouts(model.joints, length, width)
    for spec in model.joints:
        lay = layouts[spec.name]
        link = _el(m, "link", name=f"{spec.name}_link")
        _pose(link, *lay.pivot)
        _box_inertial(link, lay.mass, *lay.size, pose=lay.centre)
        # Tools are visual only: there is no soil physics, and a lowered bucket must not lift the machine.
        _shape(link, spec.name, "box", rgb, collide=False, pose=lay.centre, size=_nums(*lay.size))
        j = _el(m, "joint", name=spec.name, type="revolute")
        _el(j, "parent", lay.parent)
        _el(j, "child", f"{spec.name}_link")
        axis = _el(j, "axis")
        _el(axis, "xyz", "0 -1 0", expressed_in="__model__")  # positive = raise / tip up, as in the sim
        lim = _el(axis, "limit")
        _el(lim, "lower", spec.lower)
        _el(lim, "upper", spec.upper)
        _el(lim, "effort", "1e6")
        _el(lim, "velocity", spec.rate)

    _plugin(m, "gz-sim-diff-drive-system", "gz::sim::systems::DiffDrive", [
        ("left_joint", "left_wheel_joint"), ("right_joint", "right_wheel_joint"),
        ("wheel_separation", 2 * wheel_y), ("wheel_radius", _WHEEL_RADIUS),
        ("max_linear_velocity", robot.max_speed), ("min_linear_velocity", -robot.max_speed),
        ("max_angular_velocity", robot.max_turn_rate), ("min_angular_velocity", -robot.max_turn_rate),
        ("max_linear_acceleration", model.max_accel), ("min_linear_acceleration", -_BRAKING_DECEL),
        ("topic", robot_path(robot, robot.cmd_vel_topic)),
        ("odom_topic", wheel_odom_topic(robot)),
        ("frame_id", f"{ns}/odom"), ("child_frame_id", f"{ns}/base_link"),
        ("tf_topic", f"/model/{robot.id}/wheel_tf"),
        ("odom_publish_frequency", _ODOM_RATE_HZ),
    ])
    _plugin(m, "gz-sim-odometry-publisher-system", "gz::sim::systems::OdometryPublisher", [
        ("odom_frame", ODOM_FRAME), ("robot_base_frame", f"{ns}/base_link"),
        ("odom_topic", robot_path(robot, robot.odom_topic)),
        ("odom_publish_frequency", _ODOM_RATE_HZ), ("dimensions", "2"),
    ])
    # joint_states carries the tool joints (as the built-in simulator's does); a robot
    # without tools reports its wheels so every robot has the topic.
    published = [s.name for s in model.joints] or ["left_wheel_joint", "right_wheel_joint"]
    _plugin(m, "gz-sim-joint-state-publisher-system", "gz::sim::systems::JointStatePublisher",
            [("topic", robot_topic(ns, ROBOT_JOINT_STATES))] + [("joint_name", n) for n in published])
    for spec in model.joints:
        _plugin(m, "gz-sim-joint-position-controller-system", "gz::sim::systems::JointPositionController", [
            ("joint_name", spec.name), ("topic", joint_command_topic(robot, spec.name)),
            # Velocity mode: the joint moves at up to the simulator's rate limit, no PID tuning.
            ("use_velocity_commands", "true"), ("cmd_max", spec.rate), ("cmd_min", -spec.rate),
            ("initial_position", spec.initial),
        ])


def _camera(world_el: ET.Element, cam: CameraGeometry, namespace: str) -> None:
    model = _el(world_el, "model", name="site_camera")
    _el(model, "static", "true")
    # pitch pi/2 points the optical axis (+x) down; yaw pi/2 turns image-up to the site's +y.
    _pose(model, cam.x, cam.y, cam.height, 0, math.pi / 2, math.pi / 2)
    link = _el(model, "link", name="link")
    sensor = _el(link, "sensor", name="top_down_camera", type="camera")
    _el(sensor, "always_on", "true")
    _el(sensor, "update_rate", cam.update_rate_hz)
    _el(sensor, "visualize", "false")
    _el(sensor, "topic", planner_topic(namespace, CAMERA_IMAGE))
    _el(sensor, "gz_frame_id", "camera")
    c = _el(sensor, "camera")
    _el(c, "camera_info_topic", planner_topic(namespace, CAMERA_INFO))
    _el(c, "horizontal_fov", cam.hfov)
    image = _el(c, "image")
    _el(image, "width", str(cam.width_px))
    _el(image, "height", str(cam.height_px))
    _el(image, "format", "R8G8B8")
    clip = _el(c, "clip")
    _el(clip, "near", 1.0)
    _el(clip, "far", cam.height + 20.0)


def build_sdf(fleet: Fleet, world: World, *, namespace: str = "dart", sim_config: SimConfig | None = None,
              camera: CameraGeometry | None = None) -> str:
    """The Gazebo world of a site as SDF text (deterministic: same inputs, same bytes).

    Parameters
    ----------
    fleet, world
        The planner's fleet and site; robots appear at their start poses, objects at theirs.
    namespace
        The planner namespace the camera topics go under (``/dart/camera/image``).
    sim_config
        Body sizes, joints and colours per robot type (the built-in simulator's by default).
    camera
        Camera placement; by default one that sees the whole site (:func:`camera_geometry`).

    Examples
    --------
    >>> from dart_planner.core.fleet import load_fleet
    >>> from dart_planner.core.world import load_world
    >>> from dart_planner.resources import default_fleet_path, default_world_path
    >>> sdf = build_sdf(load_fleet(default_fleet_path()), load_world(default_world_path()))
    >>> sdf.count("gz::sim::systems::DiffDrive")
    6
    """
    cfg = sim_config or SimConfig()
    root = ET.Element("sdf", version=SDF_VERSION)
    world_el = _el(root, "world", name=WORLD_NAME)
    _world_setup(world_el)
    _ground(world_el, world)
    for name in sorted(world.objects):
        obj = world.objects[name]
        _object(world_el, obj, solid=obj.kind in cfg.solid_kinds or obj.kind not in _OBJECT_COLORS)
    for robot in fleet.robots:
        _robot(world_el, robot, cfg.model_for(robot.type))
    _camera(world_el, camera or camera_geometry(world), namespace)
    ET.indent(root, space="  ")
    header = (
        '<?xml version="1.0"?>\n'
        "<!-- Generated by dart_planner.gazebo_world from the fleet and world files; do not edit by hand.\n"
        "     Regenerate with: python3 -m dart_planner.gazebo_world (see its help). -->\n"
    )
    return header + ET.tostring(root, encoding="unicode") + "\n"


# ---------------------------------------------------------------------------------------------
# bridge


def _entry(topic: str, ros_type: str, direction: str) -> dict[str, str]:
    return {"ros_topic_name": topic, "gz_topic_name": topic, "ros_type_name": ros_type,
            "gz_type_name": GZ_MSG_TYPES[ros_type], "direction": direction}


def build_bridge_config(fleet: Fleet, *, namespace: str = "dart",
                        sim_config: SimConfig | None = None) -> list[dict[str, str]]:
    """ros_gz_bridge entries for the world :func:`build_sdf` makes (same topic on both sides).

    Per robot: ``cmd_vel`` ROS->Gazebo, ``odom`` and ``joint_states`` Gazebo->ROS, and one
    ``joint_command/<joint>`` (std_msgs/Float64) ROS->Gazebo per tool joint; then the camera
    image and camera info, and ``/clock``.
    """
    cfg = sim_config or SimConfig()
    entries: list[dict[str, str]] = []
    for robot in fleet.robots:
        entries.append(_entry(robot_path(robot, robot.cmd_vel_topic), MESSAGE_TYPES[ROBOT_CMD_VEL],
                              "ROS_TO_GZ"))
        entries.append(_entry(robot_path(robot, robot.odom_topic), MESSAGE_TYPES[ROBOT_ODOM],
                              "GZ_TO_ROS"))
        entries.append(_entry(robot_topic(robot.namespace, ROBOT_JOINT_STATES),
                              MESSAGE_TYPES[ROBOT_JOINT_STATES], "GZ_TO_ROS"))
        for spec in cfg.model_for(robot.type).joints:
            entries.append(_entry(joint_command_topic(robot, spec.name), JOINT_COMMAND_ROS_TYPE, "ROS_TO_GZ"))
    entries.append(_entry(planner_topic(namespace, CAMERA_IMAGE), MESSAGE_TYPES[CAMERA_IMAGE], "GZ_TO_ROS"))
    entries.append(_entry(planner_topic(namespace, CAMERA_INFO), MESSAGE_TYPES[CAMERA_INFO], "GZ_TO_ROS"))
    entries.append(_entry(CLOCK_TOPIC, CLOCK_ROS_TYPE, "GZ_TO_ROS"))
    return entries


def bridge_yaml(entries: Sequence[Mapping[str, str]]) -> str:
    """The entries as the YAML list ros_gz_bridge's ``config_file`` parameter reads."""
    lines = [
        "# ros_gz_bridge configuration for config/gazebo/construction_site.sdf.",
        "# Generated by dart_planner.gazebo_world; do not edit by hand. Used by launch/gazebo.launch.py:",
        "#   ros2 run ros_gz_bridge parameter_bridge --ros-args -p config_file:=<this file>",
    ]
    for e in entries:
        first = True
        for key in ("ros_topic_name", "gz_topic_name", "ros_type_name", "gz_type_name", "direction"):
            lines.append(f"{'- ' if first else '  '}{key}: {json.dumps(e[key])}")
            first = False
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write construction_site.sdf and bridge.yaml for a fleet and world."""
    from .resources import default_fleet_path, default_world_path

    parser = argparse.ArgumentParser(prog="python3 -m dart_planner.gazebo_world", description=main.__doc__)
    parser.add_argument("--fleet", default=str(default_fleet_path()), help="fleet YAML (default: shipped)")
    parser.add_argument("--world", default=str(default_world_path()), help="world YAML (default: shipped)")
    parser.add_argument("--namespace", default="dart", help="planner namespace of the camera topics")
    parser.add_argument("--out-dir", required=True,
                        help="directory for construction_site.sdf and bridge.yaml")
    args = parser.parse_args(argv)
    fleet, world = load_fleet(args.fleet), load_world(args.world)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "construction_site.sdf").write_text(build_sdf(fleet, world, namespace=args.namespace),
                                               encoding="utf-8")
    (out / "bridge.yaml").write_text(bridge_yaml(build_bridge_config(fleet, namespace=args.namespace)),
                                     encoding="utf-8")
    print(f"wrote {out / 'construction_site.sdf'} and {out / 'bridge.yaml'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
