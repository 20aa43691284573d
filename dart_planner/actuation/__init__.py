"""Robot-side actuation without ROS: refusals, navigation, tool skills, goal handling.

The actuation node (:mod:`dart_planner.nodes.actuation_node`) is a thin adapter around
:class:`ActuationCore`: everything a test would want to reach lives here and runs without
rclpy, against the built-in simulator or hand-made odometry.
"""

from .executor import ActuationCore, ActuationOptions, Backend, Outputs
from .joint_skills import JointOptions, JointSkillTask, ToolPoses
from .model import JointSample, MachineSpec, NavOptions, OdomSample, Outcome, PeerState, Step
from .navigate import Nav2Task, NavigateTask
from .refusal import REFUSED, Target, refusal, resolve_target

__all__ = [
    "ActuationCore",
    "ActuationOptions",
    "Backend",
    "Outputs",
    "JointOptions",
    "JointSkillTask",
    "ToolPoses",
    "JointSample",
    "MachineSpec",
    "NavOptions",
    "OdomSample",
    "Outcome",
    "PeerState",
    "Step",
    "Nav2Task",
    "NavigateTask",
    "REFUSED",
    "Target",
    "refusal",
    "resolve_target",
]
