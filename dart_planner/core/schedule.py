"""What an allocator produces and what re-allocation starts from.

These types are the contract between allocation (:mod:`dart_planner.core.allocate`) and
the execution engine: the engine dispatches a plan by its :class:`Schedule` and, after a
failure, asks for a new one from a :class:`LiveState`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

from .fleet import Fleet
from .geometry import Pose2D
from .plan import TaskGraph
from .world import World

__all__ = ["Assignment", "Schedule", "LiveState", "Allocator"]


@dataclass(frozen=True)
class Assignment:
    """One subtask placed on concrete robots with estimated times (seconds from t0)."""

    task_id: str
    robot_ids: tuple[str, ...]
    start: float
    """When the robots begin (travel included)."""
    ready: float
    """When every robot has arrived and the skill itself can begin (synchronised start)."""
    finish: float
    travel_s: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "travel_s", MappingProxyType(dict(self.travel_s)))


@dataclass(frozen=True)
class Schedule:
    """A complete allocation of a plan.

    ``robot_order`` gives each robot's subtasks in the order it will do them; the engine
    keeps to that order. ``lower_bound`` is max(critical path, load bound); ``bound`` is the
    exact solver's proven bound on the optimum when it stopped early (else = makespan).
    """

    policy: str
    assignments: Mapping[str, Assignment]
    robot_order: Mapping[str, tuple[str, ...]]
    makespan: float
    lower_bound: float
    critical_path: tuple[str, ...] = ()
    utilization: Mapping[str, float] = field(default_factory=dict)
    optimal: bool | None = None
    bound: float | None = None
    wall_time_s: float = 0.0
    info: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("assignments", "robot_order", "utilization", "info"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def robots_of(self, task_id: str) -> tuple[str, ...]:
        return self.assignments[task_id].robot_ids

    def resolved_graph(self, graph: TaskGraph) -> TaskGraph:
        """The plan with every subtask's robots made explicit (for dispatch and display)."""
        return graph.replace_subtasks(
            s.with_robots(self.assignments[s.id].robot_ids) if s.id in self.assignments else s
            for s in graph.subtasks
        )


@dataclass(frozen=True)
class LiveState:
    """The execution state re-allocation plans from.

    Times are seconds on the same clock as ``now``. ``running`` maps a task to its robots
    and expected finish; those robots are busy until then. ``unavailable`` robots get no new
    work (broken down, dropped out).
    """

    now: float = 0.0
    positions: Mapping[str, Pose2D] = field(default_factory=dict)
    done: frozenset[str] = frozenset()
    running: Mapping[str, tuple[tuple[str, ...], float]] = field(default_factory=dict)
    failed: frozenset[str] = frozenset()
    unavailable: frozenset[str] = frozenset()
    busy_until: Mapping[str, float] = field(default_factory=dict)
    """Robots held by other plans until the given time."""
    world: World | None = None


class Allocator(Protocol):
    """An allocation policy: ``dart_baseline``, ``heuristic`` or ``exact``."""

    name: str

    def allocate(
        self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
    ) -> Schedule: ...
