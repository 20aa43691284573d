"""Printing a :class:`~dart_planner.core.schedule.Schedule` for ``dart-planner plan --allocate``.

Two tables: the subtasks in start order (who, when, how long the drive, whether it is on the
critical path) and the robots (their order of work and how busy they are), then one line
that says how good the schedule is: makespan against the lower bound, and for the exact
solver whether the optimum was proven.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..core.fleet import Fleet
from ..core.plan import TaskGraph
from ..core.schedule import Schedule
from ..core.world import World

__all__ = [
    "AllocationPolicy",
    "print_schedule",
    "schedule_table",
    "robot_table",
    "schedule_summary",
    "schedule_to_dict",
    "show_allocation",
]


class AllocationPolicy(str, enum.Enum):
    """The ``--policy`` choices (the names in :data:`dart_planner.core.allocate.ALLOCATORS`)."""

    heuristic = "heuristic"
    exact = "exact"
    dart_baseline = "dart_baseline"


def schedule_table(schedule: Schedule, graph: TaskGraph) -> Table:
    """Subtasks in start order; ``*`` marks the critical path."""
    table = Table(title=f"{schedule.policy} schedule", show_lines=False)
    for col, justify in (
        ("", "center"),
        ("task", "left"),
        ("skill", "left"),
        ("object", "left"),
        ("robots", "left"),
        ("start s", "right"),
        ("ready s", "right"),
        ("finish s", "right"),
        ("travel s", "right"),
    ):
        table.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
    critical = set(schedule.critical_path)
    for a in sorted(schedule.assignments.values(), key=lambda a: (a.start, a.finish, a.task_id)):
        s = graph[a.task_id] if a.task_id in graph else None
        travel = max(a.travel_s.values(), default=0.0)
        table.add_row(
            "*" if a.task_id in critical else "",
            escape(a.task_id),
            escape(s.skill) if s else "",
            escape(", ".join(s.object_keywords)) if s else "",
            escape(", ".join(a.robot_ids)) if a.robot_ids else "[dim](fleet-wide)[/]",
            f"{a.start:.1f}",
            f"{a.ready:.1f}",
            f"{a.finish:.1f}",
            f"{travel:.1f}",
        )
    return table


def robot_table(schedule: Schedule) -> Table:
    """Each robot's work in order, its busy share and when it is done."""
    table = Table(title="robots", show_lines=False)
    for col, justify in (("robot", "left"), ("busy", "right"), ("done s", "right"), ("order", "left")):
        table.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for rid, order in schedule.robot_order.items():
        done = max((schedule.assignments[t].finish for t in order), default=None)
        table.add_row(
            escape(rid),
            f"{100 * schedule.utilization.get(rid, 0.0):.0f}%",
            "-" if done is None else f"{done:.1f}",
            escape(" -> ".join(order)) if order else "[dim]idle[/]",
        )
    return table


def schedule_summary(schedule: Schedule) -> str:
    """One line: makespan, lower bound, the gap between them, optimality, wall time."""
    m, lb = schedule.makespan, schedule.lower_bound
    gap = f"{100 * (m / lb - 1):.1f}% above" if lb > 0 else "n/a"
    text = f"makespan {m:.1f} s, lower bound {lb:.1f} s ({gap})"
    text += f", computed in {1000 * schedule.wall_time_s:.0f} ms"
    if schedule.optimal is True:
        text += "; proven optimal"
    elif schedule.optimal is False and schedule.bound is not None:
        text += f"; optimum proven within [{schedule.bound:.1f}, {m:.1f}] s (time limit)"
    excluded = schedule.info.get("excluded") or []
    if excluded:
        text += f"; left out (failed or after a failure): {', '.join(excluded)}"
    return text


def print_schedule(schedule: Schedule, graph: TaskGraph, console: Console) -> None:
    """Print the schedule tables and the summary line."""
    console.print(schedule_table(schedule, graph))
    console.print(robot_table(schedule))
    console.print(escape(schedule_summary(schedule)), highlight=False)


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    """A JSON-ready view of a schedule (``--format json``)."""
    return {
        "policy": schedule.policy,
        "makespan": schedule.makespan,
        "lower_bound": schedule.lower_bound,
        "optimal": schedule.optimal,
        "bound": schedule.bound,
        "wall_time_s": schedule.wall_time_s,
        "critical_path": list(schedule.critical_path),
        "assignments": [
            {
                "task": a.task_id,
                "robots": list(a.robot_ids),
                "start": a.start,
                "ready": a.ready,
                "finish": a.finish,
                "travel_s": dict(a.travel_s),
            }
            for a in sorted(schedule.assignments.values(), key=lambda a: (a.start, a.task_id))
        ],
        "robot_order": {r: list(order) for r, order in schedule.robot_order.items()},
        "utilization": dict(schedule.utilization),
        "excluded": list(schedule.info.get("excluded", [])),
    }


def show_allocation(
    graph: TaskGraph,
    fleet: Fleet,
    world: World,
    console: Console,
    policy: str = "heuristic",
    gantt: Path | None = None,
    time_limit_s: float = 10.0,
    as_json: bool = False,
) -> Schedule:
    """Allocate ``graph``, print the schedule (tables, or JSON) and optionally draw its Gantt.

    What ``dart-planner plan --allocate [--policy P] [--gantt OUT.png]`` runs after the plan
    validated; raises :class:`~dart_planner.core.errors.AllocationError` when a subtask
    cannot be staffed (the CLI maps it to an exit code).
    """
    import json

    from ..core.allocate import allocate

    schedule = allocate(
        graph, fleet, world, policy=str(getattr(policy, "value", policy)), time_limit_s=time_limit_s
    )
    if as_json:
        console.print_json(json.dumps(schedule_to_dict(schedule)))
    else:
        print_schedule(schedule, graph, console)
    if gantt is not None:
        from ..viz.gantt import render_gantt

        render_gantt(schedule, gantt)
    return schedule
