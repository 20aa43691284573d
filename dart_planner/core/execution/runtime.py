"""The engine's mutable bookkeeping for one plan and its subtasks (internal).

Only the engine mutates these, under its lock; the outside world sees frozen snapshots
(:mod:`.status`). Keeping the records here leaves ``engine.py`` about decisions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..actuation import GoalStatus
from ..fleet import KEEPOUT_ACTIONS, Fleet, SkillAction, SkillScope, SkillSpec
from ..plan import Subtask, TaskGraph
from ..schedule import Schedule
from ..world import KeepOutZone, World, object_to_dict
from .states import StateChange, SubtaskState
from .status import PlanState, PlanStatus, SubtaskStatus

__all__ = ["TaskRun", "PlanRun", "apply_keepout", "world_summary"]

@dataclass(eq=False)
class TaskRun:
    sub: Subtask
    spec: SkillSpec
    index: int
    explicit: bool
    """The user named the robots; they are replaced only when a robot is unavailable."""
    robots: tuple[str, ...]
    """Robots the subtask occupies, or (keep-out skills) the robots a fence concerns."""
    state: SubtaskState = SubtaskState.PENDING
    attempts: int = 0
    retries: int = 0
    settled: bool = False
    started_at: float | None = None
    finished_at: float | None = None
    reason: str = ""
    deadline: float = math.inf
    waiting_on: int = 0
    suspects: tuple[str, ...] = ()
    """Robots blamed for the last failure (their goals had not succeeded)."""
    blamed: set[str] = field(default_factory=set)
    """Every robot that failed this subtask so far: reassignment avoids them all."""
    reassignments: int = 0
    goals: dict[str, list[Any]] = field(default_factory=dict)
    """goal_id -> [robot_id, GoalStatus] for the current dispatch."""
    progress: dict[str | None, float] = field(default_factory=dict)
    history: list[StateChange] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.sub.id

    @property
    def occupies(self) -> bool:
        """Keep-out changes are fleet bookkeeping: they hold no robot."""
        return self.spec.action not in KEEPOUT_ACTIONS

    @property
    def fleet_wide(self) -> bool:
        return self.spec.scope is SkillScope.ALL

    def snapshot(self, with_history: bool = True) -> SubtaskStatus:
        if self.state is SubtaskState.SUCCEEDED:
            progress = 1.0
        elif self.state is SubtaskState.RUNNING and self.progress:
            progress = sum(self.progress.values()) / len(self.progress)
        else:
            progress = 0.0
        return SubtaskStatus(
            task_id=self.id,
            skill=self.sub.skill,
            state=self.state,
            robots=self.robots,
            attempts=self.attempts,
            retries=self.retries,
            started_at=self.started_at,
            finished_at=self.finished_at,
            reason=self.reason,
            settled=self.settled,
            progress=progress,
            history=tuple(self.history) if with_history else (),
        )


@dataclass(eq=False)
class PlanRun:
    plan_id: str
    graph: TaskGraph
    schedule: Schedule
    seq: int
    submitted_at: float
    tasks: dict[str, TaskRun]
    dependents: dict[str, tuple[str, ...]]
    order: dict[str, list[str]] = field(default_factory=dict)
    order_members: dict[str, set[str]] = field(default_factory=dict)
    ptr: dict[str, int] = field(default_factory=dict)
    ready: dict[str, None] = field(default_factory=dict)
    """READY subtasks in the order they became ready (an ordered set)."""
    running: set[str] = field(default_factory=set)
    n_settled: int = 0
    paused: bool = False
    cancelled: bool = False
    outcome: PlanState | None = None
    finished_at: float | None = None
    notes: tuple[str, ...] = ()
    """What intake changed in the plan to make it executable (refill digs, :mod:`..refill`)."""

    def rebuild_order(self) -> None:
        """Each robot's subtasks of this plan in schedule order, limited to subtasks that
        actually hold that robot now (reassignment may have moved them)."""
        self.order, self.order_members, self.ptr = {}, {}, {}
        for robot, tids in self.schedule.robot_order.items():
            seq = []
            for t in dict.fromkeys(tids):
                task = self.tasks.get(t)
                if task is not None and task.occupies and robot in task.robots:
                    seq.append(t)
            if seq:
                self.order[robot] = seq
                self.order_members[robot] = set(seq)
                self.ptr[robot] = 0

    def is_next_for(self, task_id: str, robot: str) -> bool:
        """True when no unsettled subtask comes before ``task_id`` in the robot's order."""
        members = self.order_members.get(robot)
        if members is None or task_id not in members:
            return True  # the schedule does not order it on this robot
        seq, i = self.order[robot], self.ptr[robot]
        while i < len(seq) and self.tasks[seq[i]].settled:
            i += 1
        self.ptr[robot] = i
        return i < len(seq) and seq[i] == task_id

    @property
    def state(self) -> PlanState:
        if self.outcome is not None:
            return self.outcome
        return PlanState.PAUSED if self.paused else PlanState.ACTIVE

    def snapshot(self, estopped: bool) -> PlanStatus:
        return PlanStatus(
            plan_id=self.plan_id,
            state=self.state,
            subtasks=tuple(self.tasks[t].snapshot() for t in self.graph.ids),
            submitted_at=self.submitted_at,
            finished_at=self.finished_at,
            paused=self.paused,
            estopped=estopped,
            notes=self.notes,
        )


def apply_keepout(world: World, fleet: Fleet, action: SkillAction, obj: str, robots: Iterable[str]) -> World:
    """The world after a keep-out skill on ``obj`` succeeded (for ``robots``; empty = all).

    Adding widens an existing fence's robot set (a fence for all stays for all); removing
    for some robots leaves the fence for the others.
    """
    if not world.has_object(obj):
        return world
    named = frozenset(robots)
    all_ids = frozenset(fleet.robot_ids)
    current = next((z for z in world.keep_out if z.name == obj), None)
    others = [z for z in world.keep_out if z.name != obj]
    if action is SkillAction.ADD_KEEPOUT:
        if current is None:
            applies = named
        elif not current.robots or not named:
            applies = frozenset()
        else:
            applies = current.robots | named
        return world.with_keep_out([*others, world.keepout_for_object(obj, applies)])
    if current is None:
        return world
    if not named:
        return world.with_keep_out(others)
    remaining = (current.robots or all_ids) - named
    if not remaining:
        return world.with_keep_out(others)
    zone = KeepOutZone(current.name, current.x, current.y, current.radius, remaining)
    return world.with_keep_out([*others, zone])


def world_summary(world: World, poses: Mapping[str, Any], unavailable: Iterable[str]) -> dict[str, Any]:
    """What a re-planner needs to know about the site, as plain JSON data."""
    out_of_service = set(unavailable)
    return {
        "objects": {n: object_to_dict(o) for n, o in world.objects.items()},
        "keep_out": [
            {"name": z.name, "x": z.x, "y": z.y, "radius": z.radius, "robots": sorted(z.robots)}
            for z in world.keep_out
        ],
        "robots": {
            r: {"x": p.x, "y": p.y, "yaw": p.yaw, "available": r not in out_of_service}
            for r, p in poses.items()
        },
        "fingerprint": world.fingerprint(),
    }


def goal_done(entry: list[Any]) -> bool:
    status: GoalStatus = entry[1]
    return status.terminal
