"""Allocation facade: choose robots and times for a plan's subtasks (minimum makespan).

Three policies share one model (:mod:`dart_planner.core.allocation.model`) and one timing
rule (:mod:`dart_planner.core.allocation.timeline`):

* ``dart_baseline``: DART-LLM's choice (named robots, else the first N of the type);
* ``heuristic`` (default): multi-pass HEFT-style list scheduling, fast at any size;
* ``exact``: branch and bound to the proven optimum within a time limit, for small plans.

All three keep the physical rules the simulator and real machines enforce: a robot does one
subtask at a time, an excavator unloads what it dug before it digs again and a truck dumps
what it was poured before it is poured into for another load
(:mod:`dart_planner.core.allocation.soil`), and an unloading the plan brought no truck to
gets the one that can be beside the excavator soonest. Where a plan leaves no order that
keeps the soil rule, the schedule says so in ``info["soil_conflicts"]``.

Example
-------
>>> schedule = allocate(graph, fleet, world)                       # doctest: +SKIP
>>> schedule.makespan, schedule.robots_of("target_area_1")         # doctest: +SKIP
>>> later = reallocate(graph, fleet, world, LiveState(now=42.0, done=frozenset({"t1"})))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from types import MappingProxyType
from typing import cast

from .allocation.baseline import DartBaselineAllocator
from .allocation.exact import ExactAllocator
from .allocation.heuristic import HeuristicAllocator
from .errors import AllocationError
from .fleet import Fleet
from .plan import TaskGraph
from .schedule import Allocator, LiveState, Schedule
from .world import World

__all__ = ["ALLOCATORS", "DEFAULT_POLICY", "allocate", "reallocate", "pin_finished"]

DEFAULT_POLICY = "heuristic"

# cast: the allocators are frozen dataclasses, so ``name`` is read-only where the Protocol
# declares a plain attribute; they satisfy it for every use (reading the name, allocating).
ALLOCATORS: Mapping[str, Allocator] = MappingProxyType(
    cast(
        dict[str, Allocator],
        {
            "dart_baseline": DartBaselineAllocator(),
            "heuristic": HeuristicAllocator(),
            "exact": ExactAllocator(),
        },
    )
)
"""Allocation policies by name (the ``--policy`` choices)."""


def allocate(
    graph: TaskGraph,
    fleet: Fleet,
    world: World,
    policy: str = DEFAULT_POLICY,
    state: LiveState | None = None,
    time_limit_s: float = 10.0,
) -> Schedule:
    """Allocate ``graph`` with ``policy``; ``time_limit_s`` bounds the exact solver.

    Raises :class:`AllocationError` naming the subtask and the reason when one cannot be
    staffed (unknown or incapable robot, too few available robots of a type, ...).
    """
    try:
        allocator = ALLOCATORS[policy]
    except KeyError:
        raise AllocationError(
            f"unknown allocation policy {policy!r}; choose one of: {', '.join(ALLOCATORS)}"
        ) from None
    if "time_limit_s" in {f.name for f in fields(allocator)}:  # type: ignore[arg-type]
        allocator = replace(allocator, time_limit_s=time_limit_s)  # type: ignore[type-var]
    return allocator.allocate(graph, fleet, world, state)


def reallocate(
    graph: TaskGraph, fleet: Fleet, world: World, state: LiveState, previous: Schedule | None = None
) -> Schedule:
    """Re-plan what is left of a running plan (for the execution engine).

    Done subtasks are skipped, running ones keep their robots until their expected finish,
    failed ones and everything depending on them are left out (listed in
    ``schedule.info["excluded"]``), unavailable robots get nothing, and robots start from
    ``state.positions``. Pass the plan as written (type+count tasks still open, so they can
    move to other robots) and the ``previous`` schedule: the robots that did the finished
    subtasks are pinned from it, so continuing work stays with them (the excavator that
    drove to the soil digs there). Uses the heuristic: fast, never waits on a solver.
    """
    if previous is not None:
        graph = pin_finished(graph, state, previous)
    return ALLOCATORS[DEFAULT_POLICY].allocate(graph, fleet, world, state)


def pin_finished(graph: TaskGraph, state: LiveState, previous: Schedule) -> TaskGraph:
    """``graph`` with the robots of done subtasks made explicit from ``previous``."""
    return graph.replace_subtasks(
        s.with_robots(previous.assignments[s.id].robot_ids)
        if s.id in state.done and s.id in previous.assignments and previous.assignments[s.id].robot_ids
        else s
        for s in graph.subtasks
    )
