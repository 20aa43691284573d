"""Topic and service names of the dart_planner graph, in one place.

Planner topics are relative to the planner namespace (default ``/dart``); robot topics are
relative to each robot's namespace. Nodes, launch files, the Gazebo bridge configuration,
the bag recorder and the tests all read these, so a rename happens once.
Importing this module needs no ROS.
"""

from __future__ import annotations

from typing import Protocol


class _HasNamespace(Protocol):
    # read-only, so that frozen dataclasses (core.fleet.Robot) satisfy it
    @property
    def namespace(self) -> str: ...

__all__ = [
    "INSTRUCTION", "TASK_GRAPH", "ASSIGNMENTS", "PLAN_STATUS", "OBJECTS", "MARKERS", "REPLAN_REQUEST",
    "KEEPOUT", "LLM_EXCHANGE", "CAMERA_IMAGE", "CAMERA_INFO", "ROBOT_ODOM", "ROBOT_CMD_VEL",
    "ROBOT_JOINT_STATES", "ROBOT_JOINT_COMMAND", "ROBOT_GOAL_POSE", "ROBOT_GOAL", "ROBOT_FEEDBACK",
    "ROBOT_RESULT", "SRV_CANCEL", "SRV_ESTOP", "SRV_RESUME", "SRV_APPROVE", "MESSAGE_TYPES", "robot_topic",
    "robot_path", "planner_topic", "SIM_OBJECT_COMMAND",
]

# Planner namespace (relative names)
INSTRUCTION = "instruction"            # std_msgs/String: text, or JSON {"schema": instruction@1, "id", "text"}
TASK_GRAPH = "task_graph"              # std_msgs/String JSON task_graph@1 (transient local)
ASSIGNMENTS = "assignments"            # std_msgs/String JSON assignments@1 (transient local)
PLAN_STATUS = "plan_status"            # std_msgs/String JSON plan_status@1
OBJECTS = "objects"                    # std_msgs/String JSON objects@1 (transient local)
MARKERS = "markers"                    # visualization_msgs/MarkerArray
REPLAN_REQUEST = "replan_request"      # std_msgs/String JSON replan_request@1
KEEPOUT = "keepout"                    # std_msgs/String JSON keepout@1 (transient local): active zones
LLM_EXCHANGE = "llm_exchange"          # std_msgs/String JSON llm_exchange@1: request/response pairs
CAMERA_IMAGE = "camera/image"          # sensor_msgs/Image (top-down site camera)
CAMERA_INFO = "camera/camera_info"     # sensor_msgs/CameraInfo
SIM_OBJECT_COMMAND = "sim/object_command"  # std_msgs/String JSON objects@1 (+ "remove"): edit the sim's site

# Robot namespace (relative names)
ROBOT_ODOM = "odom"                    # nav_msgs/Odometry
ROBOT_CMD_VEL = "cmd_vel"              # geometry_msgs/Twist
ROBOT_JOINT_STATES = "joint_states"    # sensor_msgs/JointState
ROBOT_JOINT_COMMAND = "joint_command"  # sensor_msgs/JointState (position targets)
ROBOT_GOAL_POSE = "goal_pose"          # geometry_msgs/PoseStamped (Nav2 backend)
ROBOT_GOAL = "dart/goal"               # std_msgs/String JSON goal@1
ROBOT_FEEDBACK = "dart/feedback"       # std_msgs/String JSON feedback@1
ROBOT_RESULT = "dart/result"           # std_msgs/String JSON result@1

# Services in the planner namespace
SRV_CANCEL = "cancel"                  # std_srvs/Trigger: cancel every live plan
SRV_ESTOP = "estop"                    # std_srvs/SetBool: true = emergency stop, false = release
SRV_RESUME = "resume"                  # std_srvs/Trigger: resume paused plans
SRV_APPROVE = "approve"                # std_srvs/Trigger: approve the plans waiting for approval

MESSAGE_TYPES: dict[str, str] = {
    INSTRUCTION: "std_msgs/msg/String", TASK_GRAPH: "std_msgs/msg/String", ASSIGNMENTS: "std_msgs/msg/String",
    PLAN_STATUS: "std_msgs/msg/String", OBJECTS: "std_msgs/msg/String",
    MARKERS: "visualization_msgs/msg/MarkerArray", REPLAN_REQUEST: "std_msgs/msg/String",
    KEEPOUT: "std_msgs/msg/String", LLM_EXCHANGE: "std_msgs/msg/String", CAMERA_IMAGE: "sensor_msgs/msg/Image",
    CAMERA_INFO: "sensor_msgs/msg/CameraInfo", ROBOT_ODOM: "nav_msgs/msg/Odometry",
    ROBOT_CMD_VEL: "geometry_msgs/msg/Twist", ROBOT_JOINT_STATES: "sensor_msgs/msg/JointState",
    ROBOT_JOINT_COMMAND: "sensor_msgs/msg/JointState", ROBOT_GOAL_POSE: "geometry_msgs/msg/PoseStamped",
    ROBOT_GOAL: "std_msgs/msg/String", ROBOT_FEEDBACK: "std_msgs/msg/String", ROBOT_RESULT: "std_msgs/msg/String",
    SIM_OBJECT_COMMAND: "std_msgs/msg/String",
}
"""Relative topic name -> ROS interface type, for bridges, recorders and tests."""


def planner_topic(namespace: str, name: str) -> str:
    return "/" + "/".join(p for p in (namespace.strip("/"), name) if p)


def robot_topic(robot_namespace: str, name: str) -> str:
    """A robot topic: ``name`` under the robot's namespace, or ``name`` itself when absolute
    (a robot configured with ``odom_topic: /base/odom`` keeps that exact topic)."""
    if name.startswith("/"):
        return name
    return "/" + "/".join(p for p in (robot_namespace.strip("/"), name) if p)


def robot_path(robot: _HasNamespace, name: str) -> str:
    """:func:`robot_topic` for a fleet robot (anything with a ``namespace``)."""
    return robot_topic(robot.namespace, name)
