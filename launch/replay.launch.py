"""Only the nodes under test, on simulation time, to be fed from a recorded bag.

    ros2 launch dart_planner replay.launch.py                       # language + allocator
    ros2 launch dart_planner replay.launch.py with_detector:=true   # + detector (needs camera in the bag)
    dart-planner replay BAG                                         # in another terminal

Nothing here produces robot state: the bag supplies /clock, the robots' odom and
joint_states, the camera and the instructions, and the nodes under test answer as they
would live. Replay only those inputs (not /dart/task_graph, /dart/assignments, ...), or the
recorded outputs and the new ones mix on the same topics. See docs/gazebo.md.
"""

from __future__ import annotations

import importlib.util
import os
from types import ModuleType

from launch import LaunchContext, LaunchDescription
from launch.actions import DeclareLaunchArgument, OpaqueFunction
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import Node


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


def declare_arguments() -> list[DeclareLaunchArgument]:
    """dart.launch.py's common arguments (use_sim_time now defaults to true) plus the node choice."""
    return [
        *[a for a in _dart.declare_common_arguments() if a.name != "use_sim_time"],
        DeclareLaunchArgument("use_sim_time", default_value="true",
                              description="Follow the bag's /clock (play the bag with its clock)."),
        DeclareLaunchArgument("with_detector", default_value="false",
                              description="Also run the detector node on the bag's camera images."),
        DeclareLaunchArgument("with_actuation", default_value="false",
                              description="Also run one actuation node per robot against the bag's odom."),
    ]


def nodes_under_test(context: LaunchContext) -> list[Node]:
    """dart.launch.py's planner nodes, narrowed to the ones this replay tests."""
    wanted = {"language_node", "allocator_node"}
    if _true(LaunchConfiguration("with_detector").perform(context)):
        wanted.add("detector_node")
    if _true(LaunchConfiguration("with_actuation").perform(context)):
        wanted.add("actuation_node")
    return [n for n in _dart.planner_nodes(context) if n.node_executable in wanted]


def generate_launch_description() -> LaunchDescription:
    return LaunchDescription([*declare_arguments(), OpaqueFunction(function=nodes_under_test)])
