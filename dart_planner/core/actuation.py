"""The contract between the execution engine and whatever moves robots.

The same engine drives the built-in simulator (``dart_planner.sim``) and ROS actuation
nodes: both implement :class:`Actuator`. Goals go out one per robot (a multi-robot subtask
becomes several goals); feedback and results come back through the listener the engine
registers, possibly from another thread.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

from .fleet import SkillAction
from .geometry import Pose2D

__all__ = ["GoalStatus", "Outcome", "SkillGoal", "SkillFeedback", "SkillResult", "ActuatorEvent", "Actuator"]


class GoalStatus(str, enum.Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self is not GoalStatus.RUNNING


@dataclass(frozen=True)
class Outcome:
    """How a skill run ended, as its controller judges it: the simulator's skill controllers and
    the actuation node's share this, so a reason reads the same from either side."""

    status: GoalStatus
    reason: str = ""

    @staticmethod
    def ok(message: str = "") -> Outcome:
        return Outcome(GoalStatus.SUCCEEDED, message)

    @staticmethod
    def fail(reason: str) -> Outcome:
        return Outcome(GoalStatus.FAILED, reason)


@dataclass(frozen=True)
class SkillGoal:
    """One robot's part of a subtask.

    ``robot_id`` is None for fleet-level actions (a keep-out zone added or removed for all
    robots), which occupy no robot. ``target_pose``/``target_radius`` are resolved from the
    world model when the goal is sent, so perceived objects are reached where they are now.
    ``applies_to`` lists the robots a keep-out change concerns (empty = all).
    """

    goal_id: str
    plan_id: str
    task_id: str
    robot_id: str | None
    skill: str
    action: SkillAction
    target: str | None = None
    target_pose: Pose2D | None = None
    target_radius: float = 0.0
    applies_to: tuple[str, ...] = ()
    partner_ids: tuple[str, ...] = ()
    timeout_s: float = 120.0
    attempt: int = 1
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def summary(self) -> str:
        """One log line: who does what where, with the target pose resolved at sending (the
        pose a robot drives to, which a perceived object's name alone does not tell)."""
        where = ""
        if self.target is not None:
            where = f" {self.target}"
        if self.target_pose is not None:
            where += f" at ({self.target_pose.x:.2f}, {self.target_pose.y:.2f})"
        return f"{self.goal_id} to {self.robot_id or 'fleet'}: {self.skill}{where}"


@dataclass(frozen=True)
class SkillFeedback:
    goal_id: str
    robot_id: str | None
    progress: float
    """Fraction done in [0, 1], as the actuator judges it from the world state."""
    message: str = ""
    pose: Pose2D | None = None
    stamp: float = 0.0


@dataclass(frozen=True)
class SkillResult:
    goal_id: str
    robot_id: str | None
    status: GoalStatus
    reason: str = ""
    pose: Pose2D | None = None
    stamp: float = 0.0


ActuatorEvent = SkillFeedback | SkillResult


class Actuator(Protocol):
    """Starts, cancels and reports on skill goals; never blocks the caller."""

    def set_listener(self, listener: Callable[[ActuatorEvent], None]) -> None: ...

    def start(self, goal: SkillGoal) -> None: ...

    def cancel(self, goal_id: str) -> None: ...

    def stop_all(self) -> None:
        """Emergency stop: every robot halts now and every goal ends CANCELLED."""
        ...

    def robot_pose(self, robot_id: str) -> Pose2D | None: ...
