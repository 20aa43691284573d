"""Detector node: camera images in, perceived objects (and RViz markers) out.

Subscribes the top-down camera (``camera/image`` + ``camera/camera_info`` in the planner
namespace by default) and publishes ``objects`` (latched ``objects@1`` JSON, every object
perceived now) and ``markers`` (visualization_msgs/MarkerArray). Backends:

* ``groundtruth`` (default): the simulator's ``sim/ground_truth``, reported exactly; each
  camera frame triggers a report, so it runs at the camera's rate and a broken frame is
  caught as it would be with a model.
* any other name (``ultralytics``, ``transformers``, ...): built lazily through
  :func:`dart_planner.perception.registry.make_detector` with the options of
  ``config/detector.yaml``; detections are placed on the map through the camera model
  (orthographic CameraInfo from sim_node, else a straight-down pinhole at ``camera_x/y/z``)
  and folded into the world model by the perception layer's tracker.

A broken image (empty, unknown encoding, short buffer, odd size) is logged and dropped;
the node never dies of its input.
"""

from __future__ import annotations

import dataclasses
import importlib
import math
import time
from typing import Any

from rclpy.executors import SingleThreadedExecutor
from rclpy.node import Node
from sensor_msgs.msg import CameraInfo, Image
from std_msgs.msg import String
from visualization_msgs.msg import MarkerArray

from ..core.errors import ConfigError, ConfigIssue, DartPlannerError
from ..core.world import World, WorldObject, load_world, object_to_dict
from ..perception.groundtruth import GroundTruthDetector
from ..resources import default_world_path
from ..topics import CAMERA_IMAGE, CAMERA_INFO, MARKERS, OBJECTS, planner_topic
from .conversions import (
    array_from_image,
    json_msg,
    object_markers,
    parse_json_msg,
    planner_namespace,
    transform_from_camera_info,
)
from .entry import run_node
from .params import Param, declare_params
from .qos import LATCHED, SENSOR
from .sim_node import GROUND_TRUTH

__all__ = ["DetectorNode", "PARAMS", "load_backend", "main"]

PARAMS = [
    Param("backend", "groundtruth", "Detector backend: groundtruth (the simulator's ground truth) or a "
                                    "perception backend (ultralytics, transformers)."),
    Param("namespace", "", "Planner namespace of the topics; empty: the node's namespace, or /dart at the root."),
    Param("camera_topic", CAMERA_IMAGE, "sensor_msgs/Image to detect in (relative to the planner namespace "
                                        "unless absolute)."),
    Param("camera_info_topic", CAMERA_INFO, "sensor_msgs/CameraInfo of that camera."),
    Param("ground_truth_topic", GROUND_TRUTH, "The simulator's ground truth (groundtruth backend)."),
    Param("confidence_threshold", 0.5, "Objects below this confidence are not published."),
    Param("republish_s", 5.0, "Unchanged objects are republished this often (s); changes go out at once."),
    Param("weights", "", "Weights file for model backends (empty: the configured or shipped model)."),
    Param("detector_config", "", "Perception settings (config/detector.yaml form) for model backends; empty: "
                                 "the shipped file."),
    Param("world_file", "", "World YAML the perceived objects are matched against; empty: the shipped one."),
    Param("fleet_file", "", "Fleet YAML (accepted for launch-file symmetry; not used)."),
    Param("camera_x", 0.0, "Pinhole camera position x (m) for a non-orthographic camera, looking straight down."),
    Param("camera_y", 0.0, "Pinhole camera position y (m)."),
    Param("camera_z", 40.0, "Pinhole camera height (m)."),
    Param("camera_yaw", 0.0, "Pinhole camera yaw (rad): image right = map +x at 0."),
]


def _topic(ns: str, name: str) -> str:
    return name if name.startswith("/") else planner_topic(ns, name)


def load_backend(name: str, weights: str = "", config_path: str = "") -> tuple[Any, Any]:
    """(detector, tracker config) of a perception backend, imported only now.

    Raises ConfigError with the reason when the perception layer, the backend or its model
    is not available, so a misconfigured node says why at start-up instead of later.
    """
    def fail(reason: str) -> ConfigError:
        return ConfigError([ConfigIssue("detector_node", "backend", reason)])

    try:
        cfgmod = importlib.import_module("dart_planner.perception.config")
    except ImportError as exc:
        raise fail(f"backend {name!r} needs dart_planner.perception, which is not available: {exc}") from exc
    try:
        cfg = cfgmod.load_detector_config(config_path or None)
        cfg = dataclasses.replace(cfg, backend=name, **({"weights": weights} if weights else {}))
        return cfgmod.detector_from_config(cfg), cfg.tracking
    except DartPlannerError as exc:
        raise fail(f"backend {name!r} is not available: {exc}") from exc
    except ImportError as exc:
        raise fail(f"backend {name!r} needs an optional dependency: {exc}") from exc


class DetectorNode(Node):
    """Camera -> detector backend -> ``objects`` and ``markers`` (see the module docstring).

    ``kwargs`` go to :class:`rclpy.node.Node` (``context``, ``namespace``,
    ``parameter_overrides``), which is how the one-process runner and tests build it.
    """

    def __init__(self, **kwargs: Any):
        super().__init__("detector_node", **kwargs)
        p = declare_params(self, PARAMS)
        self.ns = planner_namespace(p["namespace"], self.get_namespace())
        self.backend = str(p["backend"])
        self.threshold = float(p["confidence_threshold"])
        self.republish_s = float(p["republish_s"])
        self.world: World = load_world(p["world_file"] or default_world_path())
        self.pinhole = (float(p["camera_x"]), float(p["camera_y"]), float(p["camera_z"]), float(p["camera_yaw"]))
        self.truth: GroundTruthDetector | None = None
        self.model: Any = None
        self.updater: Any = None
        self.camera: Any = None
        if self.backend == "groundtruth":
            self.truth = GroundTruthDetector()
            self.create_subscription(String, _topic(self.ns, str(p["ground_truth_topic"])), self._on_truth, LATCHED)
        else:
            self.model, tracking = load_backend(self.backend, str(p["weights"]), str(p["detector_config"]))
            from ..perception.world_update import WorldUpdater

            self.updater = WorldUpdater(self.world, tracking)
        self._objects_pub = self.create_publisher(String, planner_topic(self.ns, OBJECTS), LATCHED)
        self._markers_pub = self.create_publisher(MarkerArray, planner_topic(self.ns, MARKERS), LATCHED)
        self.create_subscription(Image, _topic(self.ns, str(p["camera_topic"])), self._on_image, SENSOR)
        self.create_subscription(CameraInfo, _topic(self.ns, str(p["camera_info_topic"])), self._on_info, SENSOR)
        self._last_sent: tuple[Any, ...] | None = None
        self._last_sent_at = -math.inf
        self.frames = 0
        self.dropped = 0
        self._last_warn = -math.inf
        self.get_logger().info(f"detector backend {self.backend}; objects on {planner_topic(self.ns, OBJECTS)}")

    # ------------------------------------------------------------------ inputs

    def _on_truth(self, msg: String) -> None:
        assert self.truth is not None
        try:
            refused = self.truth.update(parse_json_msg("objects", msg))
        except DartPlannerError as exc:
            self.get_logger().error(f"ground truth ignored: {exc}")
            return
        for r in refused:
            self.get_logger().error(f"ground-truth entry refused: {r}")

    def _on_info(self, msg: CameraInfo) -> None:
        try:
            tf = transform_from_camera_info(msg)
        except ValueError as exc:
            self.get_logger().error(f"camera_info ignored: {exc}")
            return
        if self.model is None:
            return  # the ground truth describes its own camera
        from ..perception.camera import OrthographicCamera, PinholeCamera

        try:
            if tf is not None:
                self.camera = OrthographicCamera.from_transform(tf)
            else:
                x, y, z, yaw = self.pinhole
                self.camera = PinholeCamera.from_camera_info(list(msg.k), int(msg.width), int(msg.height), x, y, z, yaw)
        except DartPlannerError as exc:
            self.get_logger().error(f"camera_info ignored: {exc}")

    def _on_image(self, msg: Image) -> None:
        try:
            array = array_from_image(msg)
            objects = self._detect(array)
        except (ValueError, DartPlannerError) as exc:
            self.dropped += 1
            self.get_logger().error(f"image dropped ({msg.width}x{msg.height} {msg.encoding!r}): {exc}")
            return
        if objects is None:
            return
        self.frames += 1
        self._publish(objects)

    def _detect(self, array: Any) -> list[WorldObject] | None:
        """Objects perceived in this frame (None: nothing to report yet)."""
        if self.truth is not None:
            if not self.truth.has_truth:
                self._warn("no ground truth received yet (is sim_node running?)")
                return None
            if self.truth.camera is not None:
                self.truth.detect(array)  # checks the frame as a model would see it
            else:
                from ..perception.image import check_image

                check_image(array)
            return [o for o in self.truth.objects() if o.confidence >= self.threshold]
        if self.camera is None:
            self._warn("no camera_info received yet: detections cannot be placed on the map")
            return None
        detections = self.model.detect(array)
        update = self.updater.update(self.world, detections, self.camera)
        self.world = update.world
        return [o for o in self.world.objects.values() if o.source == "detector" and o.confidence >= self.threshold]

    def _warn(self, text: str) -> None:
        now = time.monotonic()
        if now - self._last_warn > 5.0:
            self._last_warn = now
            self.get_logger().warning(text)

    # ------------------------------------------------------------------ outputs

    def _publish(self, objects: list[WorldObject]) -> None:
        key = tuple(sorted((o.name, o.kind, round(o.x, 3), round(o.y, 3), round(o.radius, 3), round(o.volume, 3),
                            round(o.confidence, 3)) for o in objects))
        now = time.monotonic()
        if key == self._last_sent and now - self._last_sent_at < self.republish_s:
            return
        self._last_sent, self._last_sent_at = key, now
        self._objects_pub.publish(json_msg("objects", {"objects": [object_to_dict(o) for o in objects]}))
        self._markers_pub.publish(object_markers(objects, self.get_clock().now().to_msg()))


def main(args: list[str] | None = None) -> None:
    run_node(DetectorNode, "detector_node", SingleThreadedExecutor, args)


if __name__ == "__main__":
    main()
