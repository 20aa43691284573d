"""Full dart_planner stack with the built-in simulator.

    ros2 launch dart_planner dart.launch.py
    ros2 launch dart_planner dart.launch.py llm_backend:=openai require_approval:=true
    ros2 launch dart_planner dart.launch.py safety_file:=/site/safety.yaml enclaves:=true

Starts the language, allocator and detector nodes in the planner namespace, the built-in
simulator, and one actuation node per robot of the fleet file, each in its robot's
namespace. Robots are read from the fleet file when the launch runs, so a different fleet
needs no change here. With ``enclaves:=true`` every node runs in its own SROS2 security
enclave, named after the node (``/dart/language_node``, ``/robot_dump_truck_01/actuation_node``,
...); docs/security.md shows how to create the keystore and enclaves.
"""

from __future__ import annotations

import yaml
from launch import LaunchContext, LaunchDescription
from launch.actions import DeclareLaunchArgument, OpaqueFunction
from launch.substitutions import LaunchConfiguration, PathJoinSubstitution
from launch_ros.actions import Node
from launch_ros.substitutions import FindPackageShare

PACKAGE = "dart_planner"


def _config(name: str) -> PathJoinSubstitution:
    return PathJoinSubstitution([FindPackageShare(PACKAGE), "config", name])


def _true(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes")


def enclave_arguments(context: LaunchContext, namespace: str, name: str) -> list[str]:
    """``--enclave /<namespace>/<name>`` when ``enclaves`` is true (one SROS2 enclave per node).

    A separate ``--ros-args`` block: rcl reads every block, and launch_ros adds its own after it.
    """
    if not _true(LaunchConfiguration("enclaves", default="false").perform(context)):
        return []
    path = "/" + "/".join(p for p in (*namespace.strip("/").split("/"), name) if p)
    return ["--ros-args", "--enclave", path]


def declare_common_arguments() -> list[DeclareLaunchArgument]:
    """Arguments shared by dart.launch.py and gazebo.launch.py."""
    return [
        DeclareLaunchArgument("fleet_file", default_value=_config("fleet.yaml"),
                              description="Fleet YAML: robots, types, skills."),
        DeclareLaunchArgument("world_file", default_value=_config("world.yaml"),
                              description="World YAML: objects, keep-out zones, site bounds."),
        DeclareLaunchArgument("llm_config", default_value=_config("llm.yaml"),
                              description="Language-layer configuration (backend settings)."),
        DeclareLaunchArgument("llm_backend", default_value="rules",
                              description="Planner backend: rules (offline default), openai, transformers, replay."),
        DeclareLaunchArgument("cassette", default_value="",
                              description="Cassette JSONL for the replay backend (recorded LLM replies)."),
        DeclareLaunchArgument("require_approval", default_value="false",
                              description="Hold every plan until /<namespace>/approve is called."),
        DeclareLaunchArgument("safety_file", default_value=_config("safety.yaml"),
                              description="Safety policy YAML for the allocator: which plans need approval, "
                                          "geofence margin, speed limits per robot type."),
        DeclareLaunchArgument("enclaves", default_value="false",
                              description="SROS2: run each node in its own security enclave named after the "
                                          "node (/<namespace>/<node>); needs a keystore with those enclaves and "
                                          "ROS_SECURITY_KEYSTORE / ROS_SECURITY_ENABLE set (docs/security.md)."),
        DeclareLaunchArgument("allocation_policy", default_value="heuristic",
                              description="Allocator: heuristic, exact or dart_baseline."),
        DeclareLaunchArgument("journal_path", default_value="",
                              description="Execution journal (JSONL); a restarted allocator resumes from it."),
        DeclareLaunchArgument("goal_heartbeat_s", default_value="10.0",
                              description="Allocator: a robot whose actuation node is silent this long (s) with a "
                                          "goal running is taken out of service and its work reassigned; 0: never."),
        DeclareLaunchArgument("object_ttl_s", default_value="20.0",
                              description="Language and allocator nodes: a perceived object not reported again for "
                                          "this long (s) is stale and never used at its last pose; 0: never stale."),
        DeclareLaunchArgument("namespace", default_value="dart",
                              description="Namespace of the planner nodes and their topics."),
        DeclareLaunchArgument("detector_backend", default_value="groundtruth",
                              description="Detector: groundtruth (from the simulator), ultralytics, transformers."),
        DeclareLaunchArgument("detector_weights", default_value="",
                              description="Weights for the ultralytics/transformers detector (empty: shipped model)."),
        DeclareLaunchArgument("actuation_backend", default_value="twist",
                              description="Actuation: twist (closes the loop on odom/cmd_vel) or nav2 (goal_pose)."),
        DeclareLaunchArgument("use_sim_time", default_value="false",
                              description="Use /clock (Gazebo, bag replay) instead of wall time."),
        DeclareLaunchArgument("joint_command_format", default_value="joint_state",
                              description="How actuation nodes send joint targets: joint_state (one "
                                          "sensor_msgs/JointState on joint_command) or float64 (one "
                                          "std_msgs/Float64 per joint on joint_command/<joint>, Gazebo)."),
    ]


def planner_nodes(context: LaunchContext) -> list[Node]:
    """Language, allocator and detector nodes plus one actuation node per robot."""
    cfg = {k: LaunchConfiguration(k).perform(context) for k in (
        "fleet_file", "world_file", "llm_config", "llm_backend", "cassette", "require_approval",
        "allocation_policy", "journal_path", "namespace", "detector_backend", "detector_weights",
        "actuation_backend", "use_sim_time", "joint_command_format", "safety_file", "goal_heartbeat_s",
        "object_ttl_s")}
    sim_time = cfg["use_sim_time"].lower() in ("true", "1", "yes")
    scale = LaunchConfiguration("sim_time_scale", default="1.0").perform(context)
    if LaunchConfiguration("start_sim", default="false").perform(context).lower() in ("true", "1", "yes"):
        sim_time = sim_time or float(scale) != 1.0
    ns = cfg["namespace"].strip("/")
    common = {"fleet_file": cfg["fleet_file"], "world_file": cfg["world_file"], "use_sim_time": sim_time}
    nodes = [
        Node(package=PACKAGE, executable="language_node", name="language_node", namespace=ns, output="screen",
             arguments=enclave_arguments(context, ns, "language_node"),
             parameters=[{**common, "llm_config": cfg["llm_config"], "backend": cfg["llm_backend"],
                          "cassette": cfg["cassette"], "object_ttl_s": float(cfg["object_ttl_s"])}]),
        Node(package=PACKAGE, executable="allocator_node", name="allocator_node", namespace=ns, output="screen",
             arguments=enclave_arguments(context, ns, "allocator_node"),
             parameters=[{**common, "policy": cfg["allocation_policy"],
                          "require_approval": _true(cfg["require_approval"]),
                          "journal_path": cfg["journal_path"], "safety_file": cfg["safety_file"],
                          "goal_heartbeat_s": float(cfg["goal_heartbeat_s"]),
                          "object_ttl_s": float(cfg["object_ttl_s"])}]),
        Node(package=PACKAGE, executable="detector_node", name="detector_node", namespace=ns, output="screen",
             arguments=enclave_arguments(context, ns, "detector_node"),
             parameters=[{**common, "backend": cfg["detector_backend"], "weights": cfg["detector_weights"]}]),
    ]
    with open(cfg["fleet_file"], encoding="utf-8") as f:
        fleet = yaml.safe_load(f)
    if isinstance(fleet, dict) and len(fleet) == 1 and "ros__parameters" in next(iter(fleet.values())):
        fleet = next(iter(fleet.values()))["ros__parameters"]
    for robot in fleet.get("robots", []):
        robot_ns = str(robot.get("namespace", robot["id"])).strip("/")
        nodes.append(Node(
            package=PACKAGE, executable="actuation_node", name="actuation_node", namespace=robot_ns,
            output="screen", arguments=enclave_arguments(context, robot_ns, "actuation_node"),
            parameters=[{**common, "robot_id": robot["id"], "backend": cfg["actuation_backend"],
                         "planner_namespace": "/" + ns, "joint_command_format": cfg["joint_command_format"]}],
        ))
    return nodes


def sim_node(context: LaunchContext) -> list[Node]:
    if LaunchConfiguration("start_sim").perform(context).lower() not in ("true", "1", "yes"):
        return []
    scale = float(LaunchConfiguration("sim_time_scale").perform(context))
    ns = LaunchConfiguration("namespace").perform(context).strip("/")
    return [Node(
        package=PACKAGE, executable="sim_node", name="sim_node", namespace=ns, output="screen",
        arguments=enclave_arguments(context, ns, "sim_node"),
        parameters=[{"fleet_file": LaunchConfiguration("fleet_file").perform(context),
                     "world_file": LaunchConfiguration("world_file").perform(context),
                     "time_scale": scale,
                     # a scaled simulator is only coherent if everyone follows its clock
                     "publish_clock": scale != 1.0}],
    )]


def generate_launch_description() -> LaunchDescription:
    return LaunchDescription([
        *declare_common_arguments(),
        DeclareLaunchArgument("start_sim", default_value="true",
                              description="Start the built-in simulator (false when robots come from elsewhere)."),
        DeclareLaunchArgument("sim_time_scale", default_value="1.0",
                              description="Simulator speed relative to real time."),
        OpaqueFunction(function=planner_nodes),
        OpaqueFunction(function=sim_node),
    ])
