"""detector_node (ground-truth backend) as a real process, and the ground-truth detector itself."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from conftest import spin_until
from sensor_msgs.msg import Image
from std_msgs.msg import String
from visualization_msgs.msg import MarkerArray

from dart_planner.core.envelope import encode
from dart_planner.core.world import load_world
from dart_planner.nodes.conversions import image_from_array, time_msg
from dart_planner.nodes.qos import LATCHED, SENSOR
from dart_planner.perception.groundtruth import GroundTruthDetector, objects_from_truth
from dart_planner.resources import default_world_path
from dart_planner.sim import Simulation
from dart_planner.sim.external import ground_truth_payload
from dart_planner.sim.render import render_array

pytestmark = pytest.mark.ros

SIM = "dart_planner.nodes.sim_node"
DET = "dart_planner.nodes.detector_node"


def truth_payload(size: int = 128) -> tuple[dict[str, Any], np.ndarray]:
    from dart_planner.core.fleet import load_fleet
    from dart_planner.resources import default_fleet_path

    sim = Simulation(load_fleet(default_fleet_path()), load_world(default_world_path()), external=True)
    snap = sim.snapshot()
    array, tf = render_array(snap, sim.world, size)
    payload = ground_truth_payload(sim, snap)
    payload["camera"] = {"x0": tf.x0, "y0": tf.y0, "meters_per_px": tf.meters_per_px, "width": tf.width,
                         "height": tf.height}
    return payload, array


def test_ground_truth_detector_reports_objects_and_their_pixel_boxes() -> None:
    payload, array = truth_payload()
    det = GroundTruthDetector()
    assert not det.has_truth and det.update(payload) == []
    world = load_world(default_world_path())
    assert [o.name for o in det.objects()] == sorted(world.objects)
    assert all(o.source == "sim" and o.confidence == 1.0 for o in det.objects())
    soil = world.objects["soil1"]
    centres = [d.center_px for d in det.detect(array) if d.cls == "soil"]
    cam = det.camera
    assert cam is not None
    u, v = cam.to_pixel(soil.x, soil.y)
    assert any(abs(cu - u) < 0.5 and abs(cv - v) < 0.5 for cu, cv in centres)
    only_soil = GroundTruthDetector(kinds=["soil"])
    only_soil.update(payload)
    assert {o.name for o in only_soil.objects()} == {"soil1", "soil2"}


def test_ground_truth_entries_are_checked_one_by_one() -> None:
    objs, refused = objects_from_truth({"objects": [
        {"name": "ok1", "kind": "rock", "x": 1, "y": 2, "radius": 1},
        {"name": "bad name!", "kind": "rock", "x": 1, "y": 2},
        {"name": "nan1", "kind": "rock", "x": float("nan"), "y": 2},
        {"name": "neg1", "kind": "rock", "x": 1, "y": 2, "radius": -1},
        "junk",
    ]})
    assert [o.name for o in objs] == ["ok1"] and len(refused) == 4
    assert objects_from_truth({"objects": 3}) == ([], ["ground truth: 'objects' is not a list"])


def test_detector_node_publishes_objects_from_the_simulators_ground_truth(ros_node: Any, start_node: Any) -> None:
    sim = start_node(SIM, "--ros-args", "-r", "__ns:=/dart", "-p", "camera_size_px:=128", "-p", "camera_rate_hz:=4.0",
                     "-p", "ground_truth_rate_hz:=4.0", "-p", "odom_rate_hz:=2.0")
    det = start_node(DET, "--ros-args", "-r", "__ns:=/dart")
    objects: list[dict[str, Any]] = []
    markers: list[MarkerArray] = []
    ros_node.create_subscription(String, "/dart/objects", lambda m: objects.append(json.loads(m.data)), LATCHED)
    ros_node.create_subscription(MarkerArray, "/dart/markers", markers.append, LATCHED)
    assert spin_until(ros_node, lambda: bool(objects) and bool(markers), 15.0), sim.output() + det.output()
    doc = objects[-1]
    world = load_world(default_world_path())
    assert doc["schema"] == "dart_planner/objects@1"
    assert sorted(o["name"] for o in doc["objects"]) == sorted(world.objects)
    soil1 = next(o for o in doc["objects"] if o["name"] == "soil1")
    assert (soil1["x"], soil1["y"], soil1["volume"], soil1["source"]) == (-18.0, 18.0, 30.0, "sim")
    assert len(markers[-1].markers) == 1 + 2 * len(world.objects)  # clear-all, then a disc and a label each
    assert det.alive()


def test_detector_node_survives_garbage_images(ros_node: Any, start_node: Any) -> None:
    det = start_node(DET, "--ros-args", "-r", "__ns:=/dart", "-p", "republish_s:=0.0")
    payload, array = truth_payload(128)
    truth_pub = ros_node.create_publisher(String, "/dart/sim/ground_truth", LATCHED)
    msg = String()
    msg.data = encode("objects", payload)
    truth_pub.publish(msg)
    image_pub = ros_node.create_publisher(Image, "/dart/camera/image", SENSOR)
    objects: list[dict[str, Any]] = []
    ros_node.create_subscription(String, "/dart/objects", lambda m: objects.append(json.loads(m.data)), LATCHED)
    assert spin_until(ros_node, lambda: image_pub.get_subscription_count() > 0, 15.0), det.output()
    spin_until(ros_node, lambda: False, 0.5)

    stamp = time_msg(0.0)
    empty = Image()
    wrong = image_from_array(array, stamp)
    wrong.encoding = "yuv422"
    short = image_from_array(array, stamp)
    short.data = bytes(short.data)[:100]
    strip = image_from_array(np.zeros((4, 2000, 3), np.uint8), stamp)
    small = image_from_array(array[:64, :64], stamp)  # not the ground-truth camera's size
    for bad in (empty, wrong, short, strip, small):
        image_pub.publish(bad)
        spin_until(ros_node, lambda: False, 0.1)
    spin_until(ros_node, lambda: det.output().count("image dropped") >= 5, 5.0)
    assert det.alive() and det.output().count("image dropped") == 5, det.output()
    assert not objects
    image_pub.publish(image_from_array(array, stamp))
    assert spin_until(ros_node, lambda: bool(objects), 5.0), det.output()
    assert len(objects[-1]["objects"]) == len(payload["objects"])


def test_an_unknown_backend_stops_the_node_with_a_clear_error(start_node: Any) -> None:
    det = start_node(DET, "--ros-args", "-p", "backend:=crystal_ball")
    det.proc.wait(timeout=20)
    assert det.proc.returncode != 0 and "crystal_ball" in det.output()
