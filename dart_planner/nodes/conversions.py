"""The one place where ROS messages and core types meet.

Nodes call these helpers and otherwise deal only in core types, so message layouts never
leak into the logic and the logic never needs rclpy to be tested.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, TypeGuard

from builtin_interfaces.msg import Time as TimeMsg
from geometry_msgs.msg import Pose, PoseStamped, Quaternion, Twist
from nav_msgs.msg import Odometry
from sensor_msgs.msg import CameraInfo, Image, JointState
from std_msgs.msg import String
from visualization_msgs.msg import Marker, MarkerArray

from ..core.envelope import decode, encode
from ..core.errors import DartPlannerError
from ..core.geometry import Pose2D
from ..core.instruction import parse_instruction  # re-exported: these moved to the core
from ..core.objects import merge_perceived, objects_from_payload
from ..core.world import KeepOutZone, WorldObject

__all__ = [
    "yaw_to_quaternion", "quaternion_to_yaw", "pose2d_from_pose", "pose_from_pose2d", "pose2d_from_odometry",
    "odometry_from_state", "twist", "twist_values", "string_msg", "json_msg", "parse_json_msg", "image_from_array",
    "array_from_image", "object_markers", "time_msg", "pose_stamped", "objects_from_payload", "merge_perceived",
    "planner_namespace", "parse_instruction", "zones_from_payload", "read_keepout", "joint_state_msg",
    "joint_positions", "camera_info_from_transform", "transform_from_camera_info", "ORTHOGRAPHIC_MODEL",
]

KIND_COLORS: Mapping[str, tuple[float, float, float]] = {
    "puddle": (0.2, 0.4, 0.9), "obstacle": (0.5, 0.5, 0.5), "soil": (0.55, 0.35, 0.15),
    "rock": (0.35, 0.3, 0.3), "excavator": (1.0, 0.7, 0.0), "dump_truck": (0.9, 0.2, 0.1),
}


def yaw_to_quaternion(yaw: float) -> Quaternion:
    q = Quaternion()
    q.z = math.sin(yaw / 2.0)
    q.w = math.cos(yaw / 2.0)
    return q


def quaternion_to_yaw(q: Quaternion) -> float:
    return math.atan2(2.0 * (q.w * q.z + q.x * q.y), 1.0 - 2.0 * (q.y * q.y + q.z * q.z))


def pose2d_from_pose(p: Pose) -> Pose2D:
    return Pose2D(p.position.x, p.position.y, quaternion_to_yaw(p.orientation))


def pose_from_pose2d(p: Pose2D) -> Pose:
    msg = Pose()
    msg.position.x, msg.position.y = float(p.x), float(p.y)
    msg.orientation = yaw_to_quaternion(p.yaw)
    return msg


def pose2d_from_odometry(msg: Odometry) -> Pose2D:
    return pose2d_from_pose(msg.pose.pose)


def time_msg(seconds: float) -> TimeMsg:
    t = TimeMsg()
    t.sec = int(math.floor(seconds))
    t.nanosec = int((seconds - math.floor(seconds)) * 1e9)
    return t


def odometry_from_state(pose: Pose2D, v: float, w: float, stamp: TimeMsg, frame: str, child: str) -> Odometry:
    msg = Odometry()
    msg.header.stamp = stamp
    msg.header.frame_id = frame
    msg.child_frame_id = child
    msg.pose.pose = pose_from_pose2d(pose)
    msg.twist.twist.linear.x = float(v)
    msg.twist.twist.angular.z = float(w)
    return msg


def pose_stamped(pose: Pose2D, stamp: TimeMsg, frame: str = "map") -> PoseStamped:
    msg = PoseStamped()
    msg.header.stamp = stamp
    msg.header.frame_id = frame
    msg.pose = pose_from_pose2d(pose)
    return msg


def twist(v: float = 0.0, w: float = 0.0) -> Twist:
    msg = Twist()
    msg.linear.x = float(v)
    msg.angular.z = float(w)
    return msg


def twist_values(msg: Twist) -> tuple[float, float]:
    return float(msg.linear.x), float(msg.angular.z)


def string_msg(text: str) -> String:
    msg = String()
    msg.data = text
    return msg


def json_msg(kind: str, payload: Mapping[str, Any]) -> String:
    return string_msg(encode(kind, payload))


def parse_json_msg(kind: str, msg: String) -> dict[str, Any]:
    """Decode a versioned JSON payload; raises PlanFormatError (callers report, never crash)."""
    return decode(kind, msg.data)


def image_from_array(array: Any, stamp: TimeMsg, frame: str = "camera") -> Image:
    """An HxWx3 uint8 RGB array as sensor_msgs/Image (encoding rgb8)."""
    h, w = int(array.shape[0]), int(array.shape[1])
    msg = Image()
    msg.header.stamp = stamp
    msg.header.frame_id = frame
    msg.height, msg.width = h, w
    msg.encoding = "rgb8"
    msg.is_bigendian = 0
    msg.step = w * 3
    msg.data = array.astype("uint8").tobytes()
    return msg


def array_from_image(msg: Image) -> Any:
    """sensor_msgs/Image -> HxWx3 uint8 RGB; ValueError with the reason on anything odd."""
    import numpy as np

    if msg.height == 0 or msg.width == 0:
        raise ValueError("empty image (0 width or height)")
    channels = {"rgb8": 3, "bgr8": 3, "mono8": 1, "rgba8": 4, "bgra8": 4}.get(msg.encoding)
    if channels is None:
        raise ValueError(f"unsupported image encoding {msg.encoding!r}")
    if msg.step < msg.width * channels or len(msg.data) < msg.step * msg.height:
        raise ValueError(f"image data too short: {len(msg.data)} bytes for {msg.width}x{msg.height} {msg.encoding}")
    buf = np.frombuffer(bytes(msg.data), dtype=np.uint8)[: msg.step * msg.height]
    arr = buf.reshape(msg.height, msg.step)[:, : msg.width * channels].reshape(msg.height, msg.width, channels)
    if msg.encoding == "mono8":
        arr = np.repeat(arr, 3, axis=2)
    elif msg.encoding in ("bgr8", "bgra8"):
        arr = arr[:, :, 2::-1]
    else:
        arr = arr[:, :, :3]
    return np.ascontiguousarray(arr)


def object_markers(objects: Iterable[WorldObject], stamp: TimeMsg, frame: str = "map") -> MarkerArray:
    """Cylinders sized by footprint plus text labels, for RViz."""
    out = MarkerArray()
    clear = Marker()
    clear.action = Marker.DELETEALL
    out.markers.append(clear)
    for i, o in enumerate(sorted(objects, key=lambda o: o.name)):
        r, g, b = KIND_COLORS.get(o.kind, (0.8, 0.8, 0.8))
        m = Marker()
        m.header.stamp, m.header.frame_id = stamp, frame
        m.ns, m.id, m.type, m.action = "objects", i, Marker.CYLINDER, Marker.ADD
        m.pose = pose_from_pose2d(Pose2D(o.x, o.y))
        m.scale.x = m.scale.y = 2.0 * o.radius
        m.scale.z = 0.2
        m.color.r, m.color.g, m.color.b, m.color.a = r, g, b, max(0.3, min(1.0, o.confidence))
        label = Marker()
        label.header = m.header
        label.ns, label.id, label.type, label.action = "labels", i, Marker.TEXT_VIEW_FACING, Marker.ADD
        label.pose = pose_from_pose2d(Pose2D(o.x, o.y))
        label.pose.position.z = 1.0
        label.scale.z = 0.8
        label.color.r = label.color.g = label.color.b = label.color.a = 1.0
        label.text = f"{o.name} ({o.source} {o.confidence:.2f})"
        out.markers.extend([m, label])
    return out


def _finite(v: Any) -> TypeGuard[float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def planner_namespace(parameter: str, node_namespace: str, default: str = "dart") -> str:
    """The planner namespace a node's topics live in, as ``/name`` (or ``/`` for none).

    The ``namespace`` parameter wins when set; else the node's own namespace (``ros2 launch``
    pushes one); else ``/dart``, so a node started bare (``python -m ...``) still meets the
    rest of the stack on the contract's names.
    """
    chosen = parameter.strip().strip("/") or node_namespace.strip("/") or default.strip("/")
    return "/" + chosen


def zones_from_payload(payload: Mapping[str, Any]) -> tuple[list[KeepOutZone], list[str]]:
    """Keep-out zones of a ``keepout@1`` payload (every zone in force), and why entries were refused.

    Zones decide where robots may drive, so an entry with a missing name, a non-finite or
    non-positive size, or a robot list that is not a list of strings is refused, not guessed.
    """
    items = payload.get("zones")
    if not isinstance(items, list):
        return [], ["keepout message: 'zones' is not a list"]
    out: list[KeepOutZone] = []
    refused: list[str] = []
    for i, d in enumerate(items):
        where = f"zones[{i}]"
        if not isinstance(d, Mapping):
            refused.append(f"{where}: not an object")
            continue
        name, x, y, radius, robots = d.get("name"), d.get("x"), d.get("y"), d.get("radius"), d.get("robots", [])
        if not isinstance(name, str) or not name:
            refused.append(f"{where}: name must be a non-empty string")
        elif not (_finite(x) and _finite(y) and _finite(radius)) or radius <= 0.0:
            refused.append(f"{where} ({name}): x, y must be finite and radius a positive number")
        elif not isinstance(robots, list) or not all(isinstance(r, str) for r in robots):
            refused.append(f"{where} ({name}): robots must be a list of robot ids")
        else:
            out.append(KeepOutZone(name, float(x), float(y), float(radius), frozenset(robots)))
    return out, refused


def read_keepout(msg: String, log: Any) -> list[KeepOutZone] | None:
    """The zones of a ``keepout`` message, each refused entry logged as an error; None (logged)
    when the message itself is unreadable, so the caller keeps the zones it has."""
    try:
        zones, refused = zones_from_payload(parse_json_msg("keepout", msg))
    except DartPlannerError as exc:
        log.error(f"keepout message ignored: {exc}")
        return None
    for r in refused:
        log.error(f"keepout entry refused: {r}")
    return zones


def joint_state_msg(names: Iterable[str], positions: Iterable[float], stamp: TimeMsg) -> JointState:
    """sensor_msgs/JointState with names and positions (joint_states, or targets on joint_command)."""
    msg = JointState()
    msg.header.stamp = stamp
    msg.name = list(names)
    msg.position = [float(p) for p in positions]
    return msg


def joint_positions(msg: JointState) -> dict[str, float]:
    """name -> position of a JointState; ValueError on mismatched lengths or non-finite values."""
    if len(msg.name) != len(msg.position):
        raise ValueError(f"joint message has {len(msg.name)} names but {len(msg.position)} positions")
    out = {str(n): float(p) for n, p in zip(msg.name, msg.position)}
    bad = [n for n, p in out.items() if not math.isfinite(p)]
    if bad:
        raise ValueError(f"non-finite joint positions: {', '.join(bad)}")
    return out


ORTHOGRAPHIC_MODEL = "dart_planner/orthographic"
"""CameraInfo.distortion_model of the built-in simulator's top-down camera.

That camera is orthographic (no perspective), which CameraInfo cannot say in its standard
models, so ``K`` holds the exact affine map -> pixel transform instead of pinhole intrinsics:
``[[1/m, 0, -x0/m], [0, -1/m, y0/m], [0, 0, 1]]`` for ``m`` metres per pixel and ``(x0, y0)``
the map point at the image's top-left corner (u right, v down). ``P`` is ``[K | 0]``.
"""


def camera_info_from_transform(tf: Any, stamp: TimeMsg, frame: str = "site_camera") -> CameraInfo:
    """CameraInfo of an orthographic top-down image rendered with ``tf``
    (a :class:`dart_planner.sim.render.PixelTransform`); see :data:`ORTHOGRAPHIC_MODEL`."""
    msg = CameraInfo()
    msg.header.stamp = stamp
    msg.header.frame_id = frame
    msg.width, msg.height = int(tf.width), int(tf.height)
    msg.distortion_model = ORTHOGRAPHIC_MODEL
    msg.d = []
    k = [float(v) for v in tf.matrix.reshape(-1)]
    msg.k = k
    msg.r = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]
    msg.p = [k[0], k[1], k[2], 0.0, k[3], k[4], k[5], 0.0, k[6], k[7], k[8], 0.0]
    return msg


def transform_from_camera_info(msg: CameraInfo) -> Any:
    """The :class:`~dart_planner.sim.render.PixelTransform` of an orthographic CameraInfo,
    or None when the camera is another model (a pinhole camera needs its pose as well)."""
    if msg.distortion_model != ORTHOGRAPHIC_MODEL:
        return None
    k = [float(v) for v in msg.k]
    s = k[0]
    if not (s > 0 and math.isclose(k[4], -s, rel_tol=1e-9) and all(math.isfinite(v) for v in k)):
        raise ValueError(f"orthographic CameraInfo with an inconsistent K: {k}")
    from ..sim.render import PixelTransform

    return PixelTransform(-k[2] / s, k[5] / s, 1.0 / s, int(msg.width), int(msg.height))
