"""What re-allocation sees and what the engine keeps from its answer (pure functions).

After a failure the engine asks the allocator to re-plan the rest of a running plan. The
graph it sends pins finished and running work to the robots that did it (continuity: the
truck that drove to the soil is the one that is loaded), keeps robots the user named, and
turns named robots that are out of service into a request by type. From the answer it
takes only the subtasks that have not started.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from ..fleet import Fleet
from ..plan import Subtask, TaskGraph
from ..schedule import Assignment, Schedule
from .runtime import PlanRun, TaskRun
from .states import SubtaskState

__all__ = ["movable", "reallocation_graph", "merge_schedule"]

_NOT_STARTED = (SubtaskState.PENDING, SubtaskState.READY, SubtaskState.FAILED, SubtaskState.TIMED_OUT)


def movable(task: TaskRun) -> bool:
    """True for subtasks re-allocation may give other robots: not started (or failed and
    about to be retried), holding robots, and not fleet-wide."""
    return not task.settled and task.state in _NOT_STARTED and task.occupies and not task.fleet_wide


def reallocation_graph(plan: PlanRun, fleet: Fleet, unavailable: Set[str]) -> TaskGraph:
    """The plan as re-allocation should see it.

    Finished, failed and running subtasks name the robots they used; subtasks the user gave
    explicit robots keep them unless one is unavailable (or was already replaced), in which
    case they ask for robots of the same types; the rest stay as written.
    """
    subs: list[Subtask] = []
    for t in plan.graph.ids:
        task = plan.tasks[t]
        sub = task.sub
        started = task.settled or task.state in (SubtaskState.RUNNING, SubtaskState.SUCCEEDED)
        if started or not task.occupies or task.fleet_wide:
            subs.append(sub.with_robots(task.robots) if task.robots and not task.fleet_wide else sub)
        elif sub.robot_ids and (not task.explicit or set(sub.robot_ids) & unavailable):
            counts: dict[str, int] = {}
            for r in sub.robot_ids:
                rtype = fleet.robot(r).type
                counts[rtype] = counts.get(rtype, 0) + 1
            subs.append(
                replace(sub, robot_ids=(), robot_type=tuple(counts), robot_count=tuple(counts.values()))
            )
        else:  # as written: explicit robots are honoured, types and partners re-picked
            subs.append(sub)
    return plan.graph.replace_subtasks(subs)


def merge_schedule(plan: PlanRun, new: Schedule, reason: str, at: float) -> Schedule:
    """The plan's schedule with the new placements of its not-yet-started subtasks."""
    assignments: dict[str, Assignment] = dict(plan.schedule.assignments)
    for tid, a in new.assignments.items():
        task = plan.tasks.get(tid)
        if task is not None and movable(task):
            assignments[tid] = a
    return Schedule(
        policy=new.policy,
        assignments=assignments,
        robot_order=new.robot_order,
        makespan=new.makespan,
        lower_bound=new.lower_bound,
        critical_path=new.critical_path,
        utilization=new.utilization,
        optimal=new.optimal,
        bound=new.bound,
        wall_time_s=new.wall_time_s,
        info={**new.info, "reallocated_at": at, "reason": reason},
    )
