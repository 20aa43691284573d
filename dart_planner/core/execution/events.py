"""Events the engine tells observers about (progress display, run report, ROS status topic).

Events are frozen and delivered in the order things happened, outside the engine's lock, so
an observer may call back into the engine. They are news, not state: the state lives in
``ExecutionEngine.status()`` and in the journal.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from .states import SubtaskState
from .status import PlanState

__all__ = [
    "PlanAccepted",
    "SubtaskStateChanged",
    "SubtaskProgress",
    "SubtaskReassigned",
    "RobotAvailabilityChanged",
    "ReplanRequested",
    "PlanFinished",
    "PlanPaused",
    "EmergencyStop",
    "EngineEvent",
    "Observer",
    "event_to_dict",
]


@dataclass(frozen=True)
class PlanAccepted:
    plan_id: str
    at: float
    task_ids: tuple[str, ...]
    policy: str
    makespan: float


@dataclass(frozen=True)
class SubtaskStateChanged:
    plan_id: str
    task_id: str
    old: SubtaskState
    new: SubtaskState
    at: float
    reason: str
    robots: tuple[str, ...]
    attempt: int
    settled: bool


@dataclass(frozen=True)
class SubtaskProgress:
    plan_id: str
    task_id: str
    robot_id: str | None
    progress: float
    at: float
    message: str = ""


@dataclass(frozen=True)
class SubtaskReassigned:
    plan_id: str
    task_id: str
    old_robots: tuple[str, ...]
    new_robots: tuple[str, ...]
    at: float
    reason: str


@dataclass(frozen=True)
class RobotAvailabilityChanged:
    robot_id: str
    available: bool
    at: float
    reason: str


@dataclass(frozen=True)
class ReplanRequested:
    """Retries and reassignment are exhausted: the language layer should plan anew.

    Carries what a planner needs to do so without asking back: which subtask failed, why,
    on which robots, what is already done and what remains, which robots are out, and a
    summary of the world (objects with poses, keep-out zones, robot poses).
    """

    plan_id: str
    task_id: str
    reason: str
    robots: tuple[str, ...]
    at: float
    done: tuple[str, ...]
    remaining: tuple[str, ...]
    unavailable_robots: tuple[str, ...]
    world: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "world", MappingProxyType(dict(self.world)))


@dataclass(frozen=True)
class PlanFinished:
    plan_id: str
    outcome: PlanState
    at: float


@dataclass(frozen=True)
class PlanPaused:
    plan_id: str
    paused: bool
    at: float


@dataclass(frozen=True)
class EmergencyStop:
    active: bool
    at: float
    reason: str = ""


EngineEvent = (
    PlanAccepted
    | SubtaskStateChanged
    | SubtaskProgress
    | SubtaskReassigned
    | RobotAvailabilityChanged
    | ReplanRequested
    | PlanFinished
    | PlanPaused
    | EmergencyStop
)
Observer = Callable[[EngineEvent], None]


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def event_to_dict(event: EngineEvent) -> dict[str, Any]:
    """A JSON-ready dict with the event's type name under ``"event"``."""
    out: dict[str, Any] = {"event": type(event).__name__}
    for f in fields(event):
        out[f.name] = _plain(getattr(event, f.name))
    return out
