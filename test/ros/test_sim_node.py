"""sim_node as a real process: odometry, cmd_vel with its timeout, joints, camera, ground truth."""

from __future__ import annotations

import json
import math
import time
from typing import Any

import pytest
from conftest import spin_until
from geometry_msgs.msg import Twist
from nav_msgs.msg import Odometry
from sensor_msgs.msg import CameraInfo, Image, JointState
from std_msgs.msg import String

from dart_planner.core.envelope import encode
from dart_planner.core.fleet import load_fleet
from dart_planner.nodes.conversions import array_from_image, transform_from_camera_info
from dart_planner.nodes.qos import COMMANDS, EVENTS, LATCHED, SENSOR
from dart_planner.resources import default_fleet_path, default_world_path

pytestmark = pytest.mark.ros

SIM = "dart_planner.nodes.sim_node"
DT1, EX1 = "robot_dump_truck_01", "robot_excavator_01"


class Latest:
    """The newest message of each subscribed topic, and how many came."""

    def __init__(self) -> None:
        self.msg: dict[str, Any] = {}
        self.count: dict[str, int] = {}

    def sub(self, node: Any, msg_type: Any, topic: str, qos: Any) -> None:
        def on(msg: Any) -> None:
            self.msg[topic] = msg
            self.count[topic] = self.count.get(topic, 0) + 1

        node.create_subscription(msg_type, topic, on, qos)


@pytest.mark.slow
def test_odom_for_every_robot_cmd_vel_moves_and_silence_stops(ros_node: Any, start_node: Any) -> None:
    sim = start_node(SIM, "--ros-args", "-r", "__ns:=/dart", "-p", "odom_rate_hz:=20.0", "-p", "camera_rate_hz:=0.0")
    fleet = load_fleet(default_fleet_path())
    seen = Latest()
    for r in fleet.robots:
        seen.sub(ros_node, Odometry, f"/{r.namespace}/odom", SENSOR)
    odom = f"/{DT1}/odom"
    assert spin_until(ros_node, lambda: len(seen.msg) == len(fleet.robots), 15.0), sim.output()
    start = seen.msg[odom].pose.pose.position
    assert (start.x, start.y) == (fleet.robot(DT1).start.x, fleet.robot(DT1).start.y)

    pub = ros_node.create_publisher(Twist, f"/{DT1}/cmd_vel", COMMANDS)
    cmd = Twist()
    cmd.linear.x = 1.0
    end = time.monotonic() + 2.0
    while time.monotonic() < end:  # 10 Hz commands for 2 s
        pub.publish(cmd)
        spin_until(ros_node, lambda: False, 0.1)
    moving = seen.msg[odom]
    assert moving.twist.twist.linear.x > 0.5
    assert moving.pose.pose.position.y - start.y > 0.5  # heading +y at the start (yaw pi/2)
    assert abs(moving.pose.pose.position.x - start.x) < 0.05
    # No more commands: the node's 0.5 s command timeout stops the truck.
    assert spin_until(ros_node, lambda: seen.msg[odom].twist.twist.linear.x == 0.0, 3.0)
    y_stopped = seen.msg[odom].pose.pose.position.y
    spin_until(ros_node, lambda: False, 0.5)
    assert seen.msg[odom].pose.pose.position.y == y_stopped
    assert sim.alive()


def test_camera_image_joint_commands_keepout_and_ground_truth(ros_node: Any, start_node: Any) -> None:
    sim = start_node(SIM, "--ros-args", "-r", "__ns:=/dart", "-p", "camera_size_px:=160",
                     "-p", "camera_rate_hz:=4.0", "-p", "ground_truth_rate_hz:=4.0", "-p", "time_scale:=2.0")
    seen = Latest()
    seen.sub(ros_node, Image, "/dart/camera/image", SENSOR)
    seen.sub(ros_node, CameraInfo, "/dart/camera/camera_info", SENSOR)
    seen.sub(ros_node, JointState, f"/{EX1}/joint_states", SENSOR)
    seen.sub(ros_node, String, "/dart/sim/ground_truth", LATCHED)
    assert spin_until(ros_node, lambda: len(seen.msg) == 4, 15.0), sim.output()

    img, info = seen.msg["/dart/camera/image"], seen.msg["/dart/camera/camera_info"]
    assert (img.width, img.height, img.encoding) == (160, 160, "rgb8")
    assert array_from_image(img).shape == (160, 160, 3)
    tf = transform_from_camera_info(info)
    u, v = tf.to_pixel(0.0, 0.0)  # the site's centre is the image's centre
    assert abs(u - 80.0) < 1.0 and abs(v - 80.0) < 1.0

    js = seen.msg[f"/{EX1}/joint_states"]
    assert list(js.name) == ["boom", "bucket", "bucket_load"] and list(js.position)[2] == 0.0
    cmd = JointState()
    cmd.name, cmd.position = ["boom"], [0.0]
    jpub = ros_node.create_publisher(JointState, f"/{EX1}/joint_command", COMMANDS)

    def boom() -> float:
        m = seen.msg[f"/{EX1}/joint_states"]
        return float(m.position[list(m.name).index("boom")])

    start = boom()
    deadline = time.monotonic() + 8.0
    while time.monotonic() < deadline and boom() != 0.0:
        jpub.publish(cmd)
        spin_until(ros_node, lambda: False, 0.2)
    assert start == 0.5 and boom() == 0.0  # moved to the target at its rate limit, and stopped there

    kpub = ros_node.create_publisher(String, "/dart/keepout", LATCHED)
    msg = String()
    msg.data = encode("keepout", {"zones": [{"name": "fence", "x": 0.0, "y": 10.0, "radius": 2.0, "robots": []}]})
    kpub.publish(msg)

    def truth() -> dict[str, Any]:
        return json.loads(seen.msg["/dart/sim/ground_truth"].data)

    assert spin_until(ros_node, lambda: [z["name"] for z in truth()["keep_out"]] == ["fence"], 5.0)
    doc = truth()
    assert doc["schema"] == "dart_planner/objects@1"
    soil1 = next(o for o in doc["objects"] if o["name"] == "soil1")
    assert soil1["volume"] == 30.0 and doc["safety"]["collisions"] == []
    assert doc["camera"]["width"] == 160 and math.isclose(doc["camera"]["meters_per_px"], tf.meters_per_px)
    assert {r["id"] for r in doc["robots"]} == set(load_fleet(default_fleet_path()).robot_ids)
    assert default_world_path().exists()


def test_clock_is_published_when_asked(ros_node: Any, start_node: Any) -> None:
    from rclpy.qos import QoSProfile, ReliabilityPolicy
    from rosgraph_msgs.msg import Clock

    start_node(SIM, "--ros-args", "-r", "__ns:=/dart", "-p", "publish_clock:=true", "-p", "time_scale:=4.0",
               "-p", "camera_rate_hz:=0.0")
    seen = Latest()
    seen.sub(ros_node, Clock, "/clock", QoSProfile(depth=1, reliability=ReliabilityPolicy.BEST_EFFORT))
    assert spin_until(ros_node, lambda: seen.count.get("/clock", 0) > 5, 15.0)
    t0 = seen.msg["/clock"].clock.sec + 1e-9 * seen.msg["/clock"].clock.nanosec
    w0 = time.monotonic()
    spin_until(ros_node, lambda: False, 1.0)
    t1 = seen.msg["/clock"].clock.sec + 1e-9 * seen.msg["/clock"].clock.nanosec
    rate = (t1 - t0) / (time.monotonic() - w0)
    assert 2.5 < rate < 4.5  # simulated seconds per wall second ~ time_scale


def test_object_command_entries_are_completed_from_the_site_and_checked_one_by_one() -> None:
    from dart_planner.core.world import load_world
    from dart_planner.nodes.sim_node import object_command_edits

    world = load_world(default_world_path())
    places, removes, refused = object_command_edits({"objects": [
        {"name": "puddle1", "x": -6.0, "y": -6.0},                         # move: kind, radius kept
        {"name": "spill", "kind": "puddle", "x": 10.0, "y": 2.0, "radius": 2.0},
        {"name": "ghost", "x": 1.0, "y": 1.0},                             # new, but no kind
        {"name": "bad name!", "kind": "rock", "x": 1.0, "y": 1.0},
        {"name": "far", "kind": "rock", "x": 99.0, "y": 1.0},
        "junk",
    ], "remove": ["rock2", "nothing", 3]}, world)
    assert [(o.name, o.kind, o.x, o.y, o.radius, o.source) for o in places] == [
        ("puddle1", "puddle", -6.0, -6.0, 2.5, "sim"), ("spill", "puddle", 10.0, 2.0, 2.0, "sim")]
    assert removes == ["rock2"]
    assert len(refused) == 6 and any("needs a kind" in r for r in refused) and any("off the site" in r for r in refused)
    assert object_command_edits({"objects": 1}, world) == ([], [], ["object command: 'objects' and 'remove' must be "
                                                                   "lists"])


def test_object_command_moves_adds_and_removes_objects_on_camera_and_ground_truth(
        ros_node: Any, start_node: Any) -> None:
    sim = start_node(SIM, "--ros-args", "-r", "__ns:=/dart", "-p", "camera_size_px:=120",
                     "-p", "camera_rate_hz:=0.05", "-p", "ground_truth_rate_hz:=0.05", "-p", "odom_rate_hz:=1.0")
    seen = Latest()
    seen.sub(ros_node, Image, "/dart/camera/image", SENSOR)
    seen.sub(ros_node, CameraInfo, "/dart/camera/camera_info", SENSOR)
    seen.sub(ros_node, String, "/dart/sim/ground_truth", LATCHED)
    pub = ros_node.create_publisher(String, "/dart/sim/object_command", EVENTS)
    truth = "/dart/sim/ground_truth"
    assert spin_until(ros_node, lambda: truth in seen.msg and pub.get_subscription_count() > 0, 15.0), sim.output()

    def send(payload: dict[str, Any]) -> None:
        msg = String()
        msg.data = encode("objects", payload)
        pub.publish(msg)

    # The regular frames are ~20 s apart (0.05 Hz; the first went out before this test listened):
    # every edit, even one that changes nothing, shows the site at once on camera and ground truth.
    send({"objects": [{"name": "puddle2", "x": 14.0, "y": -6.0}]})
    assert spin_until(ros_node, lambda: len(seen.msg) == 3 and seen.count[truth] >= 2, 10.0), sim.output()
    tf = transform_from_camera_info(seen.msg["/dart/camera/camera_info"])

    def px(x: float, y: float) -> list[int]:
        u, v = tf.to_pixel(x, y)
        return [int(c) for c in array_from_image(seen.msg["/dart/camera/image"])[int(v), int(u)]]

    def objects() -> dict[str, Any]:
        return {o["name"]: o for o in json.loads(seen.msg[truth].data)["objects"]}

    water, ground = px(-8.0, 6.0), px(-6.0, -6.0)
    frames = seen.count["/dart/camera/image"]
    send({"objects": [{"name": "puddle1", "x": -6.0, "y": -6.0},
                      {"name": "onto", "kind": "rock", "x": 4.0, "y": -24.0}],
          "remove": ["rock2", "soil1", "nothing"]})
    assert spin_until(ros_node, lambda: "rock2" not in objects(), 10.0), sim.output()
    assert spin_until(ros_node, lambda: seen.count["/dart/camera/image"] > frames, 10.0)
    o = objects()
    assert (o["puddle1"]["x"], o["puddle1"]["y"], o["puddle1"]["radius"]) == (-6.0, -6.0, 2.5)
    assert "onto" not in o and "soil1" in o  # a rock dropped on a truck and a pile with soil: refused
    assert px(-6.0, -6.0) == water and px(-8.0, 6.0) == ground
    out = sim.output()
    assert "land on robot robot_dump_truck_01" in out and "cannot be removed" in out and "no object 'nothing'" in out
    assert sim.alive()
