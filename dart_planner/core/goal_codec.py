"""JSON form of the actuation channel: goals, cancels, stops, feedback and results.

The allocator node sends :class:`SkillGoal`s to each robot's actuation node on
``/<robot>/dart/goal`` and gets :class:`SkillFeedback` / :class:`SkillResult` back on
``dart/feedback`` / ``dart/result``. One message kind per topic keeps subscribers simple; a
goal-topic message is either a goal, a cancel of one goal, or a stop of everything.
Decoding is strict (unknown actions, wrong types and missing fields raise
PlanFormatError), because these messages move robots.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .actuation import GoalStatus, SkillFeedback, SkillGoal, SkillResult
from .envelope import decode, encode
from .errors import PlanFormatError
from .fleet import SkillAction
from .geometry import Pose2D

__all__ = [
    "GoalCommand", "encode_goal", "encode_cancel", "encode_stop", "decode_goal_command",
    "encode_feedback", "decode_feedback", "encode_result", "decode_result",
]


@dataclass(frozen=True)
class GoalCommand:
    """What arrived on a goal topic: exactly one of ``goal``, ``cancel_id`` or ``stop``."""

    goal: SkillGoal | None = None
    cancel_id: str | None = None
    stop: bool = False
    reason: str = ""


def _pose(p: Pose2D | None) -> dict[str, float] | None:
    return None if p is None else {"x": p.x, "y": p.y, "yaw": p.yaw}


def _read_pose(v: Any, where: str) -> Pose2D | None:
    if v is None:
        return None
    if not isinstance(v, Mapping):
        raise PlanFormatError([f"{where}: expected an object with x, y, yaw"])
    vals = [v.get(k, 0.0) for k in ("x", "y", "yaw")]
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in vals):
        raise PlanFormatError([f"{where}: x, y, yaw must be finite numbers"])
    return Pose2D(float(vals[0]), float(vals[1]), float(vals[2]))


def _str(d: Mapping[str, Any], key: str, where: str, optional: bool = False) -> str | None:
    v = d.get(key)
    if v is None and optional:
        return None
    if not isinstance(v, str) or not v:
        raise PlanFormatError([f"{where}.{key}: expected a non-empty string, got {v!r}"])
    return v


def _num(d: Mapping[str, Any], key: str, where: str, default: float) -> float:
    v = d.get(key, default)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise PlanFormatError([f"{where}.{key}: expected a finite number, got {v!r}"])
    return float(v)


def _strs(d: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise PlanFormatError([f"{where}.{key}: expected a list of strings"])
    return tuple(v)


def encode_goal(goal: SkillGoal) -> str:
    return encode("goal", {
        "command": "goal",
        "goal_id": goal.goal_id, "plan_id": goal.plan_id, "task_id": goal.task_id, "robot_id": goal.robot_id,
        "skill": goal.skill, "action": goal.action.value, "target": goal.target,
        "target_pose": _pose(goal.target_pose), "target_radius": goal.target_radius,
        "applies_to": list(goal.applies_to), "partner_ids": list(goal.partner_ids), "timeout_s": goal.timeout_s,
        "attempt": goal.attempt, "params": dict(goal.params),
    })


def encode_cancel(goal_id: str, reason: str = "") -> str:
    return encode("goal", {"command": "cancel", "goal_id": goal_id, "reason": reason})


def encode_stop(reason: str = "emergency stop") -> str:
    return encode("goal", {"command": "stop", "reason": reason})


def decode_goal_command(text: str) -> GoalCommand:
    d = decode("goal", text)
    where = "goal message"
    command = d.get("command")
    if command == "cancel":
        return GoalCommand(cancel_id=_str(d, "goal_id", where), reason=str(d.get("reason", "")))
    if command == "stop":
        return GoalCommand(stop=True, reason=str(d.get("reason", "")))
    if command != "goal":
        raise PlanFormatError([f"{where}.command: expected goal, cancel or stop, got {command!r}"])
    try:
        action = SkillAction(d.get("action"))
    except ValueError:
        raise PlanFormatError([f"{where}.action: {d.get('action')!r} is not an allowed action"]) from None
    params = d.get("params", {})
    if not isinstance(params, Mapping):
        raise PlanFormatError([f"{where}.params: expected an object"])
    attempt = d.get("attempt", 1)
    if isinstance(attempt, bool) or not isinstance(attempt, int):
        raise PlanFormatError([f"{where}.attempt: expected an integer"])
    goal = SkillGoal(
        goal_id=_str(d, "goal_id", where) or "", plan_id=_str(d, "plan_id", where) or "",
        task_id=_str(d, "task_id", where) or "", robot_id=_str(d, "robot_id", where, optional=True),
        skill=_str(d, "skill", where) or "", action=action, target=_str(d, "target", where, optional=True),
        target_pose=_read_pose(d.get("target_pose"), f"{where}.target_pose"),
        target_radius=_num(d, "target_radius", where, 0.0), applies_to=_strs(d, "applies_to", where),
        partner_ids=_strs(d, "partner_ids", where), timeout_s=_num(d, "timeout_s", where, 120.0),
        attempt=attempt, params=params,
    )
    return GoalCommand(goal=goal)


def encode_feedback(fb: SkillFeedback) -> str:
    return encode("feedback", {"goal_id": fb.goal_id, "robot_id": fb.robot_id, "progress": fb.progress,
                               "message": fb.message, "pose": _pose(fb.pose), "stamp": fb.stamp})


def decode_feedback(text: str) -> SkillFeedback:
    d = decode("feedback", text)
    where = "feedback message"
    return SkillFeedback(
        goal_id=_str(d, "goal_id", where) or "", robot_id=_str(d, "robot_id", where, optional=True),
        progress=min(1.0, max(0.0, _num(d, "progress", where, 0.0))), message=str(d.get("message", "")),
        pose=_read_pose(d.get("pose"), f"{where}.pose"), stamp=_num(d, "stamp", where, 0.0))


def encode_result(res: SkillResult) -> str:
    return encode("result", {"goal_id": res.goal_id, "robot_id": res.robot_id, "status": res.status.value,
                             "reason": res.reason, "pose": _pose(res.pose), "stamp": res.stamp})


def decode_result(text: str) -> SkillResult:
    d = decode("result", text)
    where = "result message"
    try:
        status = GoalStatus(d.get("status"))
    except ValueError:
        raise PlanFormatError([f"{where}.status: {d.get('status')!r} is not a goal status"]) from None
    if not status.terminal:
        raise PlanFormatError([f"{where}.status: a result must be terminal, got {status.value!r}"])
    return SkillResult(
        goal_id=_str(d, "goal_id", where) or "", robot_id=_str(d, "robot_id", where, optional=True), status=status,
        reason=str(d.get("reason", "")), pose=_read_pose(d.get("pose"), f"{where}.pose"),
        stamp=_num(d, "stamp", where, 0.0))
