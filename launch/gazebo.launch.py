"""dart_planner against robots simulated in Gazebo (gz-sim): no built-in simulator.

    ros2 launch dart_planner gazebo.launch.py start_gazebo:=true
    ros2 launch dart_planner gazebo.launch.py start_gazebo:=true gz_gui:=false   # headless server
    ros2 launch dart_planner gazebo.launch.py start_bridge:=true                  # Gazebo already running

Starts the same planner nodes as dart.launch.py (language, allocator, detector, one
actuation node per robot of the fleet file, each in its robot's namespace) on simulation
time. With ``start_gazebo:=true`` it also starts Gazebo through ros_gz_sim with the shipped
construction-site world, which already contains every robot (nothing is spawned), and
ros_gz_bridge's parameter_bridge with the shipped bridge configuration (cmd_vel, odom,
joint states, joint commands, camera, clock). See docs/gazebo.md.
"""

from __future__ import annotations

import importlib.util
import os
from types import ModuleType

from ament_index_python.packages import PackageNotFoundError, get_package_share_directory
from launch import LaunchContext, LaunchDescription
from launch.actions import DeclareLaunchArgument, IncludeLaunchDescription, OpaqueFunction
from launch.launch_description_sources import PythonLaunchDescriptionSource
from launch.substitutions import LaunchConfiguration, PathJoinSubstitution
from launch_ros.actions import Node
from launch_ros.substitutions import FindPackageShare

PACKAGE = "dart_planner"


def _load_dart_launch() -> ModuleType:
    """dart.launch.py from this directory: its arguments and node set are reused, not copied."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dart.launch.py")
    spec = importlib.util.spec_from_file_location("dart_planner_dart_launch", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_dart = _load_dart_launch()


def _true(text: str) -> bool:
    return text.strip().lower() in ("true", "1", "yes")


def _gazebo_config(name: str) -> PathJoinSubstitution:
    return PathJoinSubstitution([FindPackageShare(PACKAGE), "config", "gazebo", name])


def _share(package: str) -> str:
    """A package's share directory, or an error that says how to install it."""
    try:
        return get_package_share_directory(package)
    except PackageNotFoundError as exc:
        raise RuntimeError(
            f"{package} is not installed; install the ROS-Gazebo bridge packages for your distribution "
            "(sudo apt install ros-$ROS_DISTRO-ros-gz), source /opt/ros/$ROS_DISTRO/setup.bash, and retry"
        ) from exc


def declare_arguments() -> list[DeclareLaunchArgument]:
    """dart.launch.py's common arguments (use_sim_time now defaults to true) plus Gazebo's."""
    return [
        *[a for a in _dart.declare_common_arguments() if a.name not in ("use_sim_time", "joint_command_format")],
        DeclareLaunchArgument("use_sim_time", default_value="true",
                              description="Use Gazebo's /clock (bridged) instead of wall time."),
        DeclareLaunchArgument("joint_command_format", default_value="float64",
                              description="Joint targets as one std_msgs/Float64 per joint on "
                                          "joint_command/<joint> (what the shipped bridge carries)."),
        DeclareLaunchArgument("start_gazebo", default_value="false",
                              description="Start Gazebo (ros_gz_sim) with world_sdf, and the bridge."),
        DeclareLaunchArgument("start_bridge", default_value=LaunchConfiguration("start_gazebo"),
                              description="Start ros_gz_bridge with bridge_config (default: start_gazebo)."),
        DeclareLaunchArgument("world_sdf", default_value=_gazebo_config("construction_site.sdf"),
                              description="Gazebo world; must contain one model per fleet robot."),
        DeclareLaunchArgument("bridge_config", default_value=_gazebo_config("bridge.yaml"),
                              description="ros_gz_bridge YAML (config_file parameter of parameter_bridge)."),
        DeclareLaunchArgument("gz_gui", default_value="true",
                              description="Open the Gazebo GUI; false runs a headless server (-s)."),
        DeclareLaunchArgument("gz_verbosity", default_value="3",
                              description="Gazebo console verbosity, 0 (errors only) to 4 (debug)."),
    ]


def gazebo(context: LaunchContext) -> list[IncludeLaunchDescription]:
    """Gazebo through ros_gz_sim's gz_sim.launch.py, running (-r) the configured world."""
    if not _true(LaunchConfiguration("start_gazebo").perform(context)):
        return []
    world = LaunchConfiguration("world_sdf").perform(context)
    if not os.path.isfile(world):
        raise RuntimeError(f"world_sdf {world!r} does not exist")
    flags = ["-r", "-v", LaunchConfiguration("gz_verbosity").perform(context)]
    if not _true(LaunchConfiguration("gz_gui").perform(context)):
        flags = ["-s", "--headless-rendering", *flags]  # the camera still renders without a display
    source = os.path.join(_share("ros_gz_sim"), "launch", "gz_sim.launch.py")
    return [IncludeLaunchDescription(
        PythonLaunchDescriptionSource(source),
        launch_arguments={"gz_args": " ".join([*flags, world]), "on_exit_shutdown": "true"}.items(),
    )]


def bridge(context: LaunchContext) -> list[Node]:
    """parameter_bridge for every topic of bridge_config (robots, camera, /clock)."""
    if not _true(LaunchConfiguration("start_bridge").perform(context)):
        return []
    config = LaunchConfiguration("bridge_config").perform(context)
    if not os.path.isfile(config):
        raise RuntimeError(f"bridge_config {config!r} does not exist")
    _share("ros_gz_bridge")
    return [Node(package="ros_gz_bridge", executable="parameter_bridge", name="gz_bridge", output="screen",
                 parameters=[{"config_file": config}])]


def generate_launch_description() -> LaunchDescription:
    return LaunchDescription([
        *declare_arguments(),
        OpaqueFunction(function=_dart.planner_nodes),
        OpaqueFunction(function=gazebo),
        OpaqueFunction(function=bridge),
    ])
