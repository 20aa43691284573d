"""A goal's speed cap: ``params["max_speed"]`` (m/s), read the same way by every actuator.

The allocator sends each goal with its robot's safety speed limit (or a lower value the plan
asked for) in ``params["max_speed"]``. Whoever moves the robot -- the actuation node, the
built-in simulator -- caps the linear speed at the smaller of that value and the robot's own
limit. The parsing lives here, in the core, so the simulator and the ROS side cannot drift
apart on what counts as a cap. :class:`SpeedCappedActuator` is the allocator's side: every
goal leaves with its robot's limit in its params.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from .actuation import Actuator, ActuatorEvent, SkillGoal
from .errors import ExecutionError
from .fleet import Fleet
from .geometry import Pose2D
from .safety import SafetyPolicy

__all__ = ["SPEED_PARAM", "speed_cap", "malformed_speed_cap", "SpeedCappedActuator"]

SPEED_PARAM = "max_speed"
"""Goal parameter (m/s): the allocator's speed limit for this robot and goal (safety policy)."""


def _speed(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


def speed_cap(params: Mapping[str, Any]) -> float | None:
    """``params["max_speed"]`` when it is a finite number > 0, else None (no cap, or a malformed
    one: see :func:`malformed_speed_cap`, which actuators refuse rather than run uncapped)."""
    return _speed(params.get(SPEED_PARAM))


def malformed_speed_cap(params: Mapping[str, Any]) -> str | None:
    """Why ``params`` carries a ``max_speed`` that is not a speed, or None.

    A broken cap is never taken for "no cap": an actuator refuses such a goal.
    """
    if SPEED_PARAM in params and speed_cap(params) is None:
        return f"params.{SPEED_PARAM} must be a finite speed > 0 (m/s), got {params[SPEED_PARAM]!r}"
    return None


class SpeedCappedActuator:
    """The engine's actuator: every goal leaves with its robot's speed limit in its params.

    ``params["max_speed"]`` (m/s) is the policy's limit for the robot (or a lower value the
    plan itself asked for): a plan can slow a robot down, never speed it up. Actuation nodes
    read it as a cap on what they command; the planner-side fleet is capped as well, so
    allocation estimates match. ``refuse`` (optional) is a last check before a goal leaves:
    a reason it returns is raised as :class:`ExecutionError`, which the engine records as a
    failed goal (nothing is sent). Everything else is the wrapped actuator's.

    The allocator node wraps its ROS actuator in it, ``replay --rejudge`` the simulator's.
    """

    def __init__(self, inner: Actuator, policy: SafetyPolicy, fleet: Fleet,
                 refuse: Callable[[SkillGoal], str | None] | None = None):
        self._inner = inner
        self._limits = {r.id: policy.speed_limit(r) for r in fleet.robots}
        self._refuse = refuse

    def limit(self, robot_id: str) -> float | None:
        return self._limits.get(robot_id)

    def set_listener(self, listener: Callable[[ActuatorEvent], None]) -> None:
        self._inner.set_listener(listener)

    def start(self, goal: SkillGoal) -> None:
        why = self._refuse(goal) if self._refuse is not None else None
        if why:
            raise ExecutionError(why)
        limit = self._limits.get(goal.robot_id or "")
        if limit is not None:
            asked = speed_cap(goal.params)
            if asked is not None:
                limit = min(limit, asked)
            goal = replace(goal, params={**goal.params, SPEED_PARAM: limit})
        self._inner.start(goal)

    def cancel(self, goal_id: str) -> None:
        self._inner.cancel(goal_id)

    def stop_all(self) -> None:
        self._inner.stop_all()

    def robot_pose(self, robot_id: str) -> Pose2D | None:
        return self._inner.robot_pose(robot_id)
