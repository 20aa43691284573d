"""Frozen, JSON-serializable snapshots of a plan's execution (what ``status()`` returns).

Snapshots are copies: a progress display or a ROS status publisher can hold one while the
engine moves on, without locks and without seeing a half-applied change.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any

from .states import StateChange, SubtaskState

__all__ = ["PlanState", "SubtaskStatus", "PlanStatus"]


class PlanState(str, enum.Enum):
    """A plan as a whole. ACTIVE/PAUSED while work remains; the others once it is finished."""

    ACTIVE = "active"
    PAUSED = "paused"
    SUCCEEDED = "succeeded"
    """Every subtask succeeded."""
    FAILED = "failed"
    """Finished with at least one subtask FAILED or CANCELLED by a failed dependency."""
    CANCELLED = "cancelled"
    """Cancelled by a user before it finished."""

    @property
    def finished(self) -> bool:
        return self not in (PlanState.ACTIVE, PlanState.PAUSED)


@dataclass(frozen=True)
class SubtaskStatus:
    task_id: str
    skill: str
    state: SubtaskState
    robots: tuple[str, ...]
    attempts: int
    """How many times goals were sent (retries, reassignments and restarts included)."""
    retries: int
    """Retries used on the current robots (reset by a reassignment)."""
    started_at: float | None
    finished_at: float | None
    reason: str
    settled: bool
    """True when the engine will not move this subtask again."""
    progress: float
    history: tuple[StateChange, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "skill": self.skill,
            "state": self.state.value,
            "robots": list(self.robots),
            "attempts": self.attempts,
            "retries": self.retries,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "reason": self.reason,
            "settled": self.settled,
            "progress": self.progress,
            "history": [h.to_dict() for h in self.history],
        }


@dataclass(frozen=True)
class PlanStatus:
    plan_id: str
    state: PlanState
    subtasks: tuple[SubtaskStatus, ...]
    submitted_at: float
    finished_at: float | None
    paused: bool
    estopped: bool
    """The whole engine is under an emergency stop (nothing new starts)."""
    notes: tuple[str, ...] = ()
    """Steps the engine added to make the plan executable (refill digs), one line each."""

    def subtask(self, task_id: str) -> SubtaskStatus:
        for s in self.subtasks:
            if s.task_id == task_id:
                return s
        raise KeyError(task_id)

    def count(self, state: SubtaskState) -> int:
        return sum(1 for s in self.subtasks if s.state is state)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "dart_planner/plan_status@1",
            "plan_id": self.plan_id,
            "state": self.state.value,
            "submitted_at": self.submitted_at,
            "finished_at": self.finished_at,
            "paused": self.paused,
            "estopped": self.estopped,
            "subtasks": [s.to_dict() for s in self.subtasks],
        } | ({"notes": list(self.notes)} if self.notes else {})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), allow_nan=False)
