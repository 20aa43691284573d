"""How the engine reaches allocation: for a new plan, and again after a failure.

The engine needs two entry points, ``allocate`` (a fresh plan, possibly while other plans
hold robots) and ``reallocate`` (the remaining work of a running plan, from a
:class:`~dart_planner.core.schedule.LiveState`). Any object with ``allocate(graph, fleet,
world, state=None)`` works (the :class:`~dart_planner.core.schedule.Allocator` protocol);
``reallocate`` is used when present, else ``allocate`` is called with the live state.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol

from ..fleet import Fleet
from ..plan import TaskGraph
from ..schedule import LiveState, Schedule
from ..world import World

__all__ = ["EngineAllocator", "ModuleAllocator", "reallocate_with"]


class EngineAllocator(Protocol):
    def allocate(
        self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
    ) -> Schedule: ...


class ModuleAllocator:
    """The default: :mod:`dart_planner.core.allocate` with a named policy.

    Imported on first use so the engine has no import-time dependency on the allocation
    module (and its solver back ends).
    """

    def __init__(self, policy: str = "heuristic") -> None:
        self.name = policy

    @staticmethod
    def _module() -> Any:
        return importlib.import_module("dart_planner.core.allocate")

    def allocate(
        self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
    ) -> Schedule:
        schedule: Schedule = self._module().allocate(graph, fleet, world, policy=self.name, state=state)
        return schedule

    def reallocate(self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState) -> Schedule:
        schedule: Schedule = self._module().reallocate(graph, fleet, world, state)
        return schedule


def reallocate_with(
    allocator: EngineAllocator, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState
) -> Schedule:
    fn = getattr(allocator, "reallocate", None)
    if callable(fn):
        schedule: Schedule = fn(graph, fleet, world, state)
        return schedule
    return allocator.allocate(graph, fleet, world, state)
