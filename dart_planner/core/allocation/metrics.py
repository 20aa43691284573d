"""Turning a finished :class:`~.timeline.Timeline` into a :class:`Schedule`, with its metrics.

* ``utilization[robot]``: the share of the makespan the robot is occupied (travelling,
  waiting for partners, working). Low numbers flag robots the plan barely needs.
* ``critical_path``: the chain of subtasks that sets the makespan *in this schedule*,
  traced back from the last finish through whatever held each start (a dependency or the
  robot's previous subtask). Shortening anything else does not help.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..schedule import Assignment, Schedule
from .model import AllocationProblem
from .timeline import Timeline

__all__ = ["to_schedule", "utilization", "schedule_critical_path"]

_TOL = 1e-6


def utilization(p: AllocationProblem, tl: Timeline, makespan: float) -> dict[str, float]:
    busy = [0.0] * p.n_robots
    for pl in tl.placements:
        if pl is not None:
            for r in pl.robots:
                busy[r] += pl.finish - pl.start
    return {
        rid: (busy[i] / makespan if makespan > 0 else 0.0)
        for i, rid in enumerate(p.robot_ids)
        if i not in p.unavailable
    }


def schedule_critical_path(p: AllocationProblem, tl: Timeline) -> tuple[str, ...]:
    placed = [pl for pl in tl.placements if pl is not None]
    if not placed:
        return ()
    prev_on_robot: dict[int, dict[int, int]] = {}
    last: dict[int, int] = {}
    for t in tl.order:  # dispatch order is each robot's order
        pl = tl.placements[t]
        assert pl is not None
        for r in pl.robots:
            if r in last:
                prev_on_robot.setdefault(t, {})[r] = last[r]
            last[r] = t
    cur: int | None = max(placed, key=lambda pl: (pl.finish, -pl.task)).task
    chain: list[int] = []
    while cur is not None:
        chain.append(cur)
        pl = tl.placements[cur]
        assert pl is not None
        nxt: int | None = None
        for q in p.tasks[cur].preds:
            if abs(tl.finish[q] - pl.start) <= _TOL:
                nxt = q
                break
        if nxt is None:
            for _, q in sorted(prev_on_robot.get(cur, {}).items()):
                if abs(tl.finish[q] - pl.start) <= _TOL:
                    nxt = q
                    break
        cur = nxt
    return tuple(p.tasks[t].id for t in reversed(chain))


def to_schedule(
    p: AllocationProblem,
    tl: Timeline,
    policy: str,
    lower_bound: float,
    wall_time_s: float,
    optimal: bool | None = None,
    bound: float | None = None,
    info: Mapping[str, Any] | None = None,
) -> Schedule:
    """Package a complete timeline (times on the live-state clock, makespan from t0)."""
    ids = p.robot_ids
    assignments: dict[str, Assignment] = {}
    per_robot: dict[str, list[tuple[float, int, str]]] = {
        rid: [] for i, rid in enumerate(ids) if i not in p.unavailable
    }
    for k, t in enumerate(tl.order):
        pl = tl.placements[t]
        assert pl is not None
        tid = p.tasks[t].id
        robots = tuple(ids[r] for r in pl.robots)
        assignments[tid] = Assignment(
            tid,
            robots,
            pl.start,
            pl.ready,
            pl.finish,
            {ids[r]: float(x) for r, x in zip(pl.robots, pl.travel.tolist())},
        )
        for rid in robots:
            per_robot.setdefault(rid, []).append((pl.start, k, tid))
    makespan = tl.makespan()
    base_info: dict[str, Any] = {
        "t0": p.t0,
        "excluded": list(p.excluded),
        "done": list(p.done),
        "running": list(p.running),
    }
    if tl.relaxed:
        # placed against the soil rule because the plan left no other way (see .soil)
        base_info["soil_conflicts"] = [p.tasks[t].id for t in tl.relaxed]
    base_info.update(info or {})
    return Schedule(
        policy=policy,
        assignments=assignments,
        robot_order={rid: tuple(x[2] for x in sorted(items)) for rid, items in per_robot.items()},
        makespan=makespan,
        lower_bound=lower_bound,
        critical_path=schedule_critical_path(p, tl),
        utilization=utilization(p, tl, makespan),
        optimal=optimal,
        bound=bound,
        wall_time_s=wall_time_s,
        info=base_info,
    )
