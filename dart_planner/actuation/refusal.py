"""Which goals an actuation node refuses at once, and where a goal's target is.

A refused goal gets a FAILED result whose reason starts with ``refused:`` before anything
moves (the ROS contract): a goal for another robot, a fleet-level goal, a skill the fleet
does not define or this robot does not have, an action that does not match its skill, a
message that does not decode (unknown action, wrong types), a ``params["max_speed"]`` that
is not a finite speed > 0 (a broken cap is not taken for "no cap"), or a target inside a
keep-out zone in force for this robot. Everything is decided from the goal, the fleet, the
world and the zones alone, so it is tested without ROS.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..core.actuation import SkillGoal
from ..core.errors import DartPlannerError
from ..core.fleet import Fleet, SkillAction
from ..core.goal_speed import SPEED_PARAM, malformed_speed_cap
from ..core.goal_speed import speed_cap as _speed_cap
from ..core.strict_json import strict_loads
from ..core.world import KeepOutZone, World

__all__ = ["REFUSED", "SPEED_PARAM", "Target", "refusal", "resolve_target", "salvage_ids", "speed_cap"]

REFUSED = "refused: "
ROBOT_ACTIONS = frozenset(
    {
        SkillAction.NAVIGATE,
        SkillAction.RETURN_TO_START,
        SkillAction.DIG,
        SkillAction.UNLOAD_BUCKET,
        SkillAction.LOAD,
        SkillAction.DUMP,
    }
)
"""Actions an actuation node executes; keep-out changes are the allocator's (fleet level)."""


def speed_cap(goal: SkillGoal) -> float | None:
    """The goal's ``params["max_speed"]`` when it is a finite number > 0, else None.

    None also for a malformed value; :func:`refusal` refuses such a goal, so a controller
    never runs one without the cap it was sent with. The reading is the core's
    (:mod:`dart_planner.core.goal_speed`), shared with the simulator.
    """
    return _speed_cap(goal.params)


@dataclass(frozen=True)
class Target:
    """Where a goal leads: a point with the radius of what stands there, and its name."""

    x: float
    y: float
    radius: float = 0.0
    name: str = ""
    yaw: float | None = None
    """Heading wanted on arrival (return to start), None = face the target."""


def resolve_target(goal: SkillGoal, fleet: Fleet, world: World) -> Target | None:
    """The goal's target: its pose as sent (objects are resolved when the goal leaves the
    allocator, so perceived objects are reached where they are now), else the world model's
    object, else the robot's start for return-to-start; None when the goal names none."""
    obj = world.objects.get(goal.target) if goal.target else None
    if (
        goal.action is SkillAction.RETURN_TO_START
        and goal.robot_id is not None
        and fleet.has_robot(goal.robot_id)
    ):
        start = goal.target_pose or fleet.robot(goal.robot_id).start
        return Target(start.x, start.y, 0.0, "start", start.yaw)
    if goal.target_pose is not None:
        radius = goal.target_radius if goal.target_radius > 0 else (obj.radius if obj is not None else 0.0)
        return Target(goal.target_pose.x, goal.target_pose.y, radius, goal.target or "")
    if obj is not None:
        return Target(obj.x, obj.y, obj.radius, obj.name)
    return None


def refusal(goal: SkillGoal, robot_id: str, fleet: Fleet, world: World, zones: Iterable[KeepOutZone]) -> str:
    """Why ``goal`` is refused by ``robot_id``'s actuation node ('' = accepted)."""
    if goal.robot_id is None:
        return REFUSED + f"fleet-level {goal.action.value} goals are the allocator's, not an actuation node's"
    if goal.robot_id != robot_id:
        return REFUSED + f"goal is for {goal.robot_id}, this node drives {robot_id}"
    if goal.action not in ROBOT_ACTIONS:
        return REFUSED + f"action {goal.action.value!r} is not executed by actuation nodes"
    spec = fleet.skills.get(goal.skill)
    if spec is None:
        return REFUSED + f"unknown skill {goal.skill!r}"
    if spec.action is not goal.action:
        return REFUSED + f"skill {goal.skill!r} is a {spec.action.value}, not a {goal.action.value}"
    if fleet.has_robot(robot_id) and goal.skill not in fleet.robot(robot_id).skills:
        return REFUSED + f"{robot_id} has no skill {goal.skill!r}"
    bad_cap = malformed_speed_cap(goal.params)
    if bad_cap:
        return REFUSED + bad_cap
    target = resolve_target(goal, fleet, world)
    if target is not None:
        for z in zones:
            if z.applies_to(robot_id) and z.contains(target.x, target.y):
                where = target.name or f"({target.x:.1f}, {target.y:.1f})"
                return REFUSED + f"target {where} lies inside keep-out zone {z.name}"
    return ""


def salvage_ids(text: str) -> tuple[str | None, str | None]:
    """(goal_id, robot_id) of a goal message that did not decode, to address its refusal.

    Only plain strings are taken; anything else gives None, and a message without a goal
    id cannot be answered (there is no goal to end).
    """
    try:
        data: Any = strict_loads(text, "goal message")
    except (DartPlannerError, ValueError):
        return None, None
    if not isinstance(data, Mapping):
        return None, None
    gid, rid = data.get("goal_id"), data.get("robot_id")
    return (gid if isinstance(gid, str) and gid else None), (rid if isinstance(rid, str) and rid else None)
