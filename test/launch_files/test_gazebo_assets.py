"""Gazebo assets agree with the planner: world, bridge, launch file and the real-robot example.

Gazebo cannot run here, so these tests read the shipped SDF world and bridge configuration
and check, topic by topic and type by type, that they carry what the nodes publish and
subscribe (dart_planner/topics.py), and that the launch file starts what users expect.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from launch_harness import ROOT, evaluate

from dart_planner import gazebo_world
from dart_planner.core.fleet import Fleet, load_fleet
from dart_planner.core.world import World, load_world
from dart_planner.sim.config import SimConfig
from dart_planner.topics import (
    CAMERA_IMAGE,
    CAMERA_INFO,
    MESSAGE_TYPES,
    ROBOT_CMD_VEL,
    ROBOT_JOINT_STATES,
    ROBOT_ODOM,
    planner_topic,
    robot_topic,
)

GZ_DIR = ROOT / "config" / "gazebo"
SDF_PATH = GZ_DIR / "construction_site.sdf"
BRIDGE_PATH = GZ_DIR / "bridge.yaml"
LAUNCH = ROOT / "launch" / "gazebo.launch.py"

# ros_gz_bridge's pairing of ROS and Gazebo types (its README), written out independently
# of the generator so a wrong pairing there fails here.
ROS_TO_GZ_TYPE = {
    "geometry_msgs/msg/Twist": "gz.msgs.Twist",
    "nav_msgs/msg/Odometry": "gz.msgs.Odometry",
    "sensor_msgs/msg/JointState": "gz.msgs.Model",
    "sensor_msgs/msg/Image": "gz.msgs.Image",
    "sensor_msgs/msg/CameraInfo": "gz.msgs.CameraInfo",
    "rosgraph_msgs/msg/Clock": "gz.msgs.Clock",
    "std_msgs/msg/Float64": "gz.msgs.Double",
}


@pytest.fixture(scope="module")
def fleet() -> Fleet:
    return load_fleet(ROOT / "config" / "fleet.yaml")


@pytest.fixture(scope="module")
def world() -> World:
    return load_world(ROOT / "config" / "world.yaml")


@pytest.fixture(scope="module")
def sdf_world() -> ET.Element:
    root = ET.parse(SDF_PATH).getroot()
    assert root.tag == "sdf"
    worlds = root.findall("world")
    assert len(worlds) == 1
    return worlds[0]


@pytest.fixture(scope="module")
def bridge() -> list[dict[str, str]]:
    entries = yaml.safe_load(BRIDGE_PATH.read_text())
    assert isinstance(entries, list) and entries
    return entries


def _model(sdf_world: ET.Element, name: str) -> ET.Element:
    hits = [m for m in sdf_world.findall("model") if m.get("name") == name]
    assert len(hits) == 1, f"{len(hits)} models named {name!r}"
    return hits[0]


def _pose(el: ET.Element) -> list[float]:
    p = el.find("pose")
    return [float(v) for v in p.text.split()] if p is not None else [0.0] * 6


def _plugins(el: ET.Element, name: str) -> list[ET.Element]:
    return [p for p in el.findall("plugin") if p.get("name") == name]


def _text(el: ET.Element, tag: str) -> str:
    found = el.find(tag)
    assert found is not None and found.text is not None, f"<{tag}> missing in {el.get('name')}"
    return found.text.strip()


def _sdf_topics(sdf_world: ET.Element) -> tuple[set[str], set[str]]:
    """(topics Gazebo publishes, topics Gazebo subscribes) according to the world's plugins and sensors."""
    pubs: set[str] = {"/clock"}  # gz-sim itself publishes the clock
    subs: set[str] = set()
    for model in sdf_world.findall("model"):
        for p in model.findall("plugin"):
            kind = p.get("name", "").rsplit("::", 1)[-1]
            if kind == "DiffDrive":
                subs.add(_text(p, "topic"))
                pubs.add(_text(p, "odom_topic"))
            elif kind == "OdometryPublisher":
                pubs.add(_text(p, "odom_topic"))
            elif kind == "JointStatePublisher":
                pubs.add(_text(p, "topic"))
            elif kind == "JointPositionController":
                subs.add(_text(p, "topic"))
        for sensor in model.iter("sensor"):
            pubs.add(_text(sensor, "topic"))
            pubs.add(_text(sensor, "camera/camera_info_topic"))
    return pubs, subs


# ----------------------------------------------------------------------------------- generator


def test_shipped_world_and_bridge_are_the_generators_output(fleet: Fleet, world: World) -> None:
    # If this fails, regenerate: python3 -m dart_planner.gazebo_world --out-dir config/gazebo
    assert SDF_PATH.read_text() == gazebo_world.build_sdf(fleet, world)
    assert BRIDGE_PATH.read_text() == gazebo_world.bridge_yaml(gazebo_world.build_bridge_config(fleet))


def test_generator_command_writes_both_files(tmp_path: Path, fleet: Fleet, world: World) -> None:
    out = tmp_path / "gz"
    assert gazebo_world.main(["--out-dir", str(out), "--namespace", "site_b"]) == 0
    sdf = ET.parse(out / "construction_site.sdf").getroot()
    assert _text(next(sdf.iter("sensor")), "topic") == "/site_b/camera/image"
    entries = yaml.safe_load((out / "bridge.yaml").read_text())
    assert {e["ros_topic_name"] for e in entries} >= {"/site_b/camera/image", "/site_b/camera/camera_info"}


def test_generator_follows_a_custom_fleet(fleet: Fleet, world: World) -> None:
    """Namespaces and topic names of the fleet file, not the robot ids, decide the topics."""
    ex, truck = fleet.of_type("excavator")[0], fleet.of_type("dump_truck")[0]
    custom = fleet.with_robots([
        replace(ex, namespace="site_b/ex1", cmd_vel_topic="cmd_vel_planner", odom_topic="odometry/global"),
        replace(truck, namespace="tr1", cmd_vel_topic="/mux/truck", max_speed=0.7),
    ])
    root = ET.fromstring(gazebo_world.build_sdf(custom, world))
    w = root.find("world")
    driven = [m.get("name") for m in w.findall("model") if _plugins(m, "gz::sim::systems::DiffDrive")]
    assert sorted(driven) == sorted([ex.id, truck.id])
    ex_dd = _plugins(_model(w, ex.id), "gz::sim::systems::DiffDrive")[0]
    assert _text(ex_dd, "topic") == "/site_b/ex1/cmd_vel_planner"
    ex_odom = _plugins(_model(w, ex.id), "gz::sim::systems::OdometryPublisher")[0]
    assert _text(ex_odom, "odom_topic") == "/site_b/ex1/odometry/global"
    tr_dd = _plugins(_model(w, truck.id), "gz::sim::systems::DiffDrive")[0]
    assert _text(tr_dd, "topic") == "/mux/truck"
    assert float(_text(tr_dd, "max_linear_velocity")) == 0.7
    entries = gazebo_world.build_bridge_config(custom)
    topics = {e["ros_topic_name"]: e["direction"] for e in entries}
    assert topics["/site_b/ex1/cmd_vel_planner"] == "ROS_TO_GZ"
    assert topics["/site_b/ex1/odometry/global"] == "GZ_TO_ROS"
    assert topics["/site_b/ex1/joint_states"] == "GZ_TO_ROS"
    assert topics["/mux/truck"] == "ROS_TO_GZ"
    pubs, subs = _sdf_topics(w)
    for e in entries:
        assert e["gz_topic_name"] in (pubs if e["direction"] == "GZ_TO_ROS" else subs), e


def test_camera_sees_the_whole_site(world: World) -> None:
    cam = gazebo_world.camera_geometry(world)
    half_w, half_h = cam.ground_half_extent
    b = world.bounds
    assert cam.x - half_w <= b.xmin and cam.x + half_w >= b.xmax
    assert cam.y - half_h <= b.ymin and cam.y + half_h >= b.ymax
    # A non-square site gets a non-square image with square pixels.
    wide = World(world.objects, world.keep_out, type(b)(-40.0, -10.0, 40.0, 10.0))
    cam2 = gazebo_world.camera_geometry(wide)
    hw, hh = cam2.ground_half_extent
    assert cam2.height_px < cam2.width_px and hw >= 40.0 and hh >= 10.0


# ----------------------------------------------------------------------------------- the world


def test_world_has_physics_scene_light_ground_and_world_plugins(sdf_world: ET.Element) -> None:
    root = ET.parse(SDF_PATH).getroot()
    assert tuple(int(x) for x in root.get("version").split(".")) >= (1, 9)
    for tag in ("physics", "scene", "light"):
        assert sdf_world.find(tag) is not None, tag
    plane = _model(sdf_world, "ground_plane").find("link/collision/geometry/plane")
    assert plane is not None and _text(plane, "normal") == "0 0 1"
    filenames = {p.get("filename"): p for p in sdf_world.findall("plugin")}
    for fn in ("gz-sim-physics-system", "gz-sim-user-commands-system", "gz-sim-scene-broadcaster-system",
               "gz-sim-sensors-system"):
        assert fn in filenames, fn
    assert _text(filenames["gz-sim-sensors-system"], "render_engine") == "ogre2"


def test_every_world_object_is_a_static_model_at_its_pose(sdf_world: ET.Element, world: World) -> None:
    expected_shape = {"puddle": "cylinder", "obstacle": "box", "soil": "cylinder", "rock": "sphere"}
    for obj in world.objects.values():
        model = _model(sdf_world, obj.name)
        assert _text(model, "static") == "true"
        x, y = _pose(model)[:2]
        assert (x, y) == pytest.approx((obj.x, obj.y)), obj.name
        visuals = model.findall("link/visual")
        assert visuals, obj.name
        shapes = {child.tag for v in visuals for child in v.find("geometry")}
        assert shapes == {expected_shape[obj.kind]}, (obj.name, shapes)
        # Nothing sticks out of the footprint disc the planner keeps robots away from.
        for v in visuals:
            geom = v.find("geometry")[0]
            if geom.tag in ("cylinder", "sphere"):
                assert float(_text(geom, "radius")) <= obj.radius + 1e-9
            else:
                sx, sy, _ = (float(s) for s in _text(geom, "size").split())
                assert math.hypot(sx, sy) / 2 <= obj.radius + 1e-6
        if obj.kind in ("puddle", "rock"):
            assert float(_text(visuals[0].find("geometry")[0], "radius")) == pytest.approx(obj.radius)
        # Robots drive through puddles in the built-in simulator; everything else is solid.
        assert bool(model.findall("link/collision")) == (obj.kind != "puddle"), obj.name


def test_object_colours_tell_kinds_apart(sdf_world: ET.Element, world: World) -> None:
    def rgb(name: str) -> tuple[float, ...]:
        d = _model(sdf_world, name).find("link/visual/material/diffuse")
        return tuple(float(v) for v in d.text.split()[:3])

    puddle = rgb(next(o.name for o in world.objects.values() if o.kind == "puddle"))
    soil = rgb(next(o.name for o in world.objects.values() if o.kind == "soil"))
    assert puddle[2] > max(puddle[:2])  # blue
    assert soil[0] > soil[1] > soil[2]  # brown


def test_every_robot_is_a_model_at_its_start_pose(sdf_world: ET.Element, fleet: Fleet) -> None:
    for robot in fleet.robots:
        model = _model(sdf_world, robot.id)
        assert model.find("static") is None or _text(model, "static") == "false"
        x, y, _, _, _, yaw = _pose(model)
        assert (x, y, yaw) == pytest.approx((robot.start.x, robot.start.y, robot.start.yaw), abs=1e-6)


def test_diff_drive_takes_cmd_vel_and_odometry_is_the_site_pose(sdf_world: ET.Element, fleet: Fleet) -> None:
    for robot in fleet.robots:
        model = _model(sdf_world, robot.id)
        dd = _plugins(model, "gz::sim::systems::DiffDrive")
        assert len(dd) == 1 and dd[0].get("filename") == "gz-sim-diff-drive-system"
        dd = dd[0]
        assert _text(dd, "topic") == robot_topic(robot.namespace, ROBOT_CMD_VEL)
        assert float(_text(dd, "max_linear_velocity")) == pytest.approx(robot.max_speed)
        assert float(_text(dd, "max_angular_velocity")) == pytest.approx(robot.max_turn_rate)
        # The wheels the plugin drives exist, sit on opposite sides at the configured separation,
        # and have the configured radius.
        joints = {j.get("name"): j for j in model.findall("joint")}
        links = {lk.get("name"): lk for lk in model.findall("link")}
        ys = []
        for side in ("left_joint", "right_joint"):
            joint = joints[_text(dd, side)]
            wheel = links[_text(joint, "child")]
            ys.append(_pose(wheel)[1])
            radius = float(_text(wheel.find("collision/geometry/cylinder"), "radius"))
            assert radius == pytest.approx(float(_text(dd, "wheel_radius")))
            assert _pose(wheel)[2] == pytest.approx(radius)  # touching the ground
        assert ys[0] > 0 > ys[1]
        assert ys[0] - ys[1] == pytest.approx(float(_text(dd, "wheel_separation")))
        # /<robot>/odom comes from the odometry publisher (world pose, site frame), never from
        # DiffDrive, whose odometry starts at zero where the robot spawned.
        op = _plugins(model, "gz::sim::systems::OdometryPublisher")
        assert len(op) == 1 and op[0].get("filename") == "gz-sim-odometry-publisher-system"
        assert _text(op[0], "odom_topic") == robot_topic(robot.namespace, ROBOT_ODOM)
        assert _text(op[0], "odom_frame") == "map"
        assert _text(op[0], "robot_base_frame") == f"{robot.namespace}/base_link"
        assert _text(dd, "odom_topic") != robot_topic(robot.namespace, ROBOT_ODOM)
        assert _text(dd, "frame_id") and _text(dd, "child_frame_id")


def test_tool_joints_match_the_simulator(sdf_world: ET.Element, fleet: Fleet) -> None:
    cfg = SimConfig()
    seen = set()
    for robot in fleet.robots:
        model = _model(sdf_world, robot.id)
        specs = cfg.model_for(robot.type).joints
        assert specs, robot.type
        joints = {j.get("name"): j for j in model.findall("joint")}
        for spec in specs:
            seen.add(spec.name)
            j = joints[spec.name]
            assert j.get("type") == "revolute"
            assert float(_text(j, "axis/limit/lower")) == spec.lower
            assert float(_text(j, "axis/limit/upper")) == spec.upper
            ctl = [p for p in _plugins(model, "gz::sim::systems::JointPositionController")
                   if _text(p, "joint_name") == spec.name]
            assert len(ctl) == 1
            assert _text(ctl[0], "topic") == gazebo_world.joint_command_topic(robot, spec.name)
            assert float(_text(ctl[0], "cmd_max")) == spec.rate
            assert float(_text(ctl[0], "initial_position")) == spec.initial
        jsp = _plugins(model, "gz::sim::systems::JointStatePublisher")
        assert len(jsp) == 1 and jsp[0].get("filename") == "gz-sim-joint-state-publisher-system"
        assert _text(jsp[0], "topic") == robot_topic(robot.namespace, ROBOT_JOINT_STATES)
        assert [e.text for e in jsp[0].findall("joint_name")] == [s.name for s in specs]
    assert seen == {"boom", "bucket", "bed"}


def test_top_down_camera_publishes_the_planner_camera_topics(sdf_world: ET.Element, world: World) -> None:
    sensors = list(sdf_world.iter("sensor"))
    assert len(sensors) == 1 and sensors[0].get("type") == "camera"
    cam = sensors[0]
    assert _text(cam, "topic") == planner_topic("/dart", CAMERA_IMAGE)
    assert _text(cam, "camera/camera_info_topic") == planner_topic("/dart", CAMERA_INFO)
    holder = next(m for m in sdf_world.findall("model") if m.find("link/sensor") is not None)
    assert _text(holder, "static") == "true"
    x, y, z, roll, pitch, yaw = _pose(holder)
    assert pitch == pytest.approx(math.pi / 2, abs=1e-5)  # optical axis straight down
    assert (roll, yaw) == (pytest.approx(0.0), pytest.approx(math.pi / 2, abs=1e-5))  # image up = +y
    hfov = float(_text(cam, "camera/horizontal_fov"))
    w_px, h_px = float(_text(cam, "camera/image/width")), float(_text(cam, "camera/image/height"))
    half_w = z * math.tan(hfov / 2)
    half_h = half_w * h_px / w_px
    b = world.bounds
    assert x - half_w <= b.xmin and x + half_w >= b.xmax and y - half_h <= b.ymin and y + half_h >= b.ymax
    assert float(_text(cam, "camera/clip/far")) > z
    assert _text(cam, "gz_frame_id") == "camera"


# ----------------------------------------------------------------------------------- the bridge


def _relative(entry_topic: str, fleet: Fleet) -> tuple[str | None, str]:
    """(robot id or None, topic name relative to the robot or planner namespace)."""
    for r in fleet.robots:
        prefix = "/" + r.namespace + "/"
        if entry_topic.startswith(prefix):
            return r.id, entry_topic[len(prefix):]
    assert entry_topic.startswith("/dart/") or entry_topic == "/clock", entry_topic
    return None, entry_topic.removeprefix("/dart/")


def test_bridge_entries_have_the_contract_types(bridge: list[dict[str, str]], fleet: Fleet) -> None:
    keys = {"ros_topic_name", "gz_topic_name", "ros_type_name", "gz_type_name", "direction"}
    for e in bridge:
        assert set(e) == keys, e
        assert e["ros_topic_name"] == e["gz_topic_name"]
        assert e["gz_type_name"] == ROS_TO_GZ_TYPE[e["ros_type_name"]], e
        robot, rel = _relative(e["ros_topic_name"], fleet)
        if rel == "/clock":
            assert (e["ros_type_name"], e["direction"]) == ("rosgraph_msgs/msg/Clock", "GZ_TO_ROS")
        elif rel.startswith("joint_command/"):
            assert robot is not None
            assert (e["ros_type_name"], e["direction"]) == ("std_msgs/msg/Float64", "ROS_TO_GZ")
        else:
            assert e["ros_type_name"] == MESSAGE_TYPES[rel], e
            assert e["direction"] == ("ROS_TO_GZ" if rel == ROBOT_CMD_VEL else "GZ_TO_ROS"), e
    assert len({e["ros_topic_name"] for e in bridge}) == len(bridge), "duplicate bridge entries"


def test_bridge_covers_every_robot_the_camera_and_the_clock(bridge: list[dict[str, str]],
                                                            fleet: Fleet) -> None:
    topics = {e["ros_topic_name"] for e in bridge}
    for r in fleet.robots:
        for rel in (ROBOT_CMD_VEL, ROBOT_ODOM, ROBOT_JOINT_STATES):
            assert robot_topic(r.namespace, rel) in topics, (r.id, rel)
        for spec in SimConfig().model_for(r.type).joints:
            assert gazebo_world.joint_command_topic(r, spec.name) in topics
    assert {planner_topic("/dart", CAMERA_IMAGE), planner_topic("/dart", CAMERA_INFO), "/clock"} <= topics


def test_every_bridged_topic_exists_on_the_gazebo_side(bridge: list[dict[str, str]],
                                                       sdf_world: ET.Element) -> None:
    pubs, subs = _sdf_topics(sdf_world)
    for e in bridge:
        side = pubs if e["direction"] == "GZ_TO_ROS" else subs
        assert e["gz_topic_name"] in side, e
    # ...and everything a node needs from Gazebo is bridged (wheel odometry deliberately is not).
    bridged = {e["gz_topic_name"] for e in bridge}
    assert {t for t in pubs | subs if not t.endswith("/wheel_odom")} == bridged


# ----------------------------------------------------------------------------------- launch


def test_gazebo_launch_starts_the_planner_on_sim_time_without_the_builtin_sim(fleet: Fleet) -> None:
    ev = evaluate(LAUNCH)
    for name, arg in ev.arguments.items():
        assert arg.description, name
    for name in ("fleet_file", "world_file", "llm_backend", "require_approval", "namespace",
                 "actuation_backend", "start_gazebo", "start_bridge", "world_sdf", "bridge_config", "gz_gui"):
        assert name in ev.arguments, name
    assert not [n for n in ev.nodes if n.executable == "sim_node"]
    for exe in ("language_node", "allocator_node", "detector_node"):
        ev.node(exe, "/dart")
    actuation = [n for n in ev.nodes if n.executable == "actuation_node"]
    assert sorted(n.namespace for n in actuation) == sorted("/" + r.namespace for r in fleet.robots)
    for n in ev.nodes:
        assert n.parameters["use_sim_time"] is True, n.executable
    assert not ev.includes and not [n for n in ev.nodes if n.package == "ros_gz_bridge"]


@pytest.fixture()
def fake_ros_gz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An ament prefix holding ros_gz_sim and ros_gz_bridge, as apt installs them.

    The stand-in gz_sim.launch.py keeps the real one's interface: a ``gz_args`` argument
    handed to ``gz sim``.
    """
    prefix = tmp_path / "prefix"
    index = prefix / "share" / "ament_index" / "resource_index" / "packages"
    index.mkdir(parents=True)
    for pkg in ("ros_gz_sim", "ros_gz_bridge"):
        (index / pkg).write_text("")
        (prefix / "share" / pkg).mkdir(parents=True)
    (prefix / "share" / "ros_gz_sim" / "launch").mkdir()
    (prefix / "share" / "ros_gz_sim" / "launch" / "gz_sim.launch.py").write_text(
        "from launch import LaunchDescription\n"
        "from launch.actions import DeclareLaunchArgument, ExecuteProcess\n"
        "from launch.substitutions import LaunchConfiguration\n\n\n"
        "def generate_launch_description():\n"
        "    return LaunchDescription([\n"
        "        DeclareLaunchArgument('gz_args', default_value=''),\n"
        "        ExecuteProcess(cmd=['gz', 'sim', LaunchConfiguration('gz_args')]),\n"
        "    ])\n"
    )
    monkeypatch.setenv("AMENT_PREFIX_PATH", str(prefix))
    return prefix


def test_start_gazebo_includes_ros_gz_sim_with_the_world_and_starts_the_bridge(fake_ros_gz: Path) -> None:
    ev = evaluate(LAUNCH, {"start_gazebo": "true"})
    assert ev.includes == [str(fake_ros_gz / "share" / "ros_gz_sim" / "launch" / "gz_sim.launch.py")]
    [cmd] = ev.processes
    assert cmd[:2] == ["gz", "sim"]
    gz_args = cmd[2].split()
    assert gz_args[-1] == str(SDF_PATH) and "-r" in gz_args and "-s" not in gz_args
    bridge_node = ev.node("parameter_bridge")
    assert bridge_node.package == "ros_gz_bridge"
    assert bridge_node.parameters["config_file"] == str(BRIDGE_PATH)
    assert len([n for n in ev.nodes if n.executable == "actuation_node"]) == 6

    headless = evaluate(LAUNCH, {"start_gazebo": "true", "gz_gui": "false"})
    assert {"-s", "--headless-rendering"} <= set(headless.processes[0][2].split())


def test_bridge_alone_when_gazebo_runs_elsewhere(fake_ros_gz: Path, tmp_path: Path) -> None:
    custom = tmp_path / "bridge.yaml"
    custom.write_text("[]\n")
    ev = evaluate(LAUNCH, {"start_bridge": "true", "bridge_config": str(custom)})
    assert not ev.includes
    assert ev.node("parameter_bridge").parameters["config_file"] == str(custom)


def test_missing_ros_gz_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMENT_PREFIX_PATH", str(tmp_path))
    with pytest.raises(RuntimeError, match=r"apt install ros-\$ROS_DISTRO-ros-gz"):
        evaluate(LAUNCH, {"start_gazebo": "true"})


# ----------------------------------------------------------------------------------- real robots


def test_real_robot_example_loads_and_keeps_the_default_skills(fleet: Fleet) -> None:
    real = load_fleet(ROOT / "config" / "fleet_real.example.yaml")
    assert dict(real.skills) == dict(fleet.skills)
    assert set(real.robot_types) == set(fleet.robot_types)
    for r in real.robots:
        assert r.namespace != r.id  # the example shows how to map ids onto the robots' own namespaces
        assert r.odom_topic != "odom" and r.cmd_vel_topic != "cmd_vel"
        default = fleet.of_type(r.type)[0]
        assert r.max_speed < default.max_speed and r.max_turn_rate < default.max_turn_rate


def test_real_robot_example_drives_the_launch_namespaces() -> None:
    path = ROOT / "config" / "fleet_real.example.yaml"
    real = load_fleet(path)
    ev = evaluate(ROOT / "launch" / "dart.launch.py", {"fleet_file": str(path), "start_sim": "false"})
    actuation = {n.namespace: n.parameters["robot_id"] for n in ev.nodes if n.executable == "actuation_node"}
    assert actuation == {"/" + r.namespace: r.id for r in real.robots}


def test_robot_topics_keep_absolute_names() -> None:
    from dart_planner.topics import robot_topic

    assert robot_topic("robot_a", "odom") == "/robot_a/odom"
    assert robot_topic("/robot_a/", "dart/goal") == "/robot_a/dart/goal"
    assert robot_topic("robot_a", "/base/odom") == "/base/odom"
