"""ROS-free core of dart_planner: task graphs, fleet, world, validation, allocation, execution.

Nothing in this package imports rclpy, message packages or torch; a test enforces it.
"""

from .errors import (
    AllocationError,
    ConfigError,
    ConfigIssue,
    DartPlannerError,
    ExecutionError,
    IllegalTransitionError,
    PlanFormatError,
    PlanValidationError,
)
from .fleet import Fleet, ObjectArg, Robot, SkillAction, SkillScope, SkillSpec, load_fleet
from .geometry import Pose2D
from .plan import PLAN_SCHEMA, Subtask, TaskGraph, load_plan_document, new_plan_id
from .validate import IssueCode, ValidationIssue, ValidationReport, require_valid, validate_plan
from .world import Bounds, KeepOutZone, World, WorldObject, load_world

__all__ = [
    "AllocationError", "Bounds", "ConfigError", "ConfigIssue", "DartPlannerError", "ExecutionError",
    "Fleet", "IllegalTransitionError", "IssueCode", "KeepOutZone", "ObjectArg", "PLAN_SCHEMA",
    "PlanFormatError", "PlanValidationError", "Pose2D", "Robot", "SkillAction", "SkillScope",
    "SkillSpec", "Subtask", "TaskGraph", "ValidationIssue", "ValidationReport", "World",
    "WorldObject", "load_fleet", "load_plan_document", "load_world", "new_plan_id",
    "require_valid", "validate_plan",
]
