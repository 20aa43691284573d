"""Lower bounds on the makespan: what no allocation, however clever, can beat.

Two classic bounds, both computed with *best-case* task lengths (skill duration plus the
shortest travel the task could possibly need):

* critical path: the longest chain of dependencies, starting no earlier than the robots it
  needs can be free;
* load: a robot cannot finish before it has done all the work that must be its own, and a
  robot type cannot finish before its pooled work, spread evenly, is done.

The benchmark divides makespans by ``max(critical, load)`` to show how far from the
unbeatable a schedule is even where the exact optimum is out of reach.

Best-case travel of a navigate task: 0 if another task goes to the same object (a robot may
already be there); otherwise the straight-line distance (keep-out detours only lengthen it)
from the closest place the robot can be (where it is now, its start pose if the plan returns
robots, or next to another target) minus the stop distance, over its speed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..fleet import SkillAction
from .model import AllocationProblem, TaskModel

__all__ = ["StaticBounds", "static_bounds", "best_case_travel", "water_level"]


@dataclass(frozen=True)
class StaticBounds:
    """Per-task best-case quantities and the resulting makespan bounds (relative to t0)."""

    min_len: np.ndarray
    """Best-case time a task occupies its robots (travel + duration)."""
    head: np.ndarray
    """Earliest possible start of each task (absolute time)."""
    tail: np.ndarray
    """Best-case time from a task's finish to the end of the plan."""
    critical: float
    load: float

    @property
    def lower_bound(self) -> float:
        return max(self.critical, self.load)


def best_case_travel(p: AllocationProblem) -> np.ndarray:
    """Per task, a lower bound on the travel its (last-arriving) robot needs.

    A robot is, at any time, at its current position, at its start pose (only after a
    return_to_start) or within ``stop`` of a navigate target it drove to; so it can be no
    closer to task t's target than the nearest of those. On plans of up to
    ``_PRECISE_TASKS`` subtasks only places the robot can reach *before* t count (targets
    of navigate tasks it may do that do not depend on t); larger plans use every target.
    """
    if p.n_tasks <= _PRECISE_TASKS:
        return _travel_lb_precise(p)
    return _travel_lb_coarse(p)


_PRECISE_TASKS = 300


def _robots_of(t: TaskModel) -> tuple[int, ...]:
    return t.fixed + tuple(r for g in t.groups for r in g.candidates)


def _combine(t: TaskModel, per_robot: dict[int, float]) -> float:
    """Every fixed robot must arrive; a group needs its ``count`` closest candidates."""
    worst = max([0.0, *(per_robot[r] for r in t.fixed)])
    for g in t.groups:
        worst = max(worst, sorted(per_robot[r] for r in g.candidates)[g.count - 1])
    return worst


def _travel_lb_precise(p: AllocationProblem) -> np.ndarray:
    n = p.n_tasks
    lb = np.zeros(n)
    desc = [0] * n  # bit mask of each task's descendants
    for t in reversed(p.tasks):
        m = 0
        for s in t.succs:
            m |= (1 << s) | desc[s]
        desc[t.index] = m
    nav = [t for t in p.tasks if t.action is SkillAction.NAVIGATE and t.target is not None]
    navs_of: dict[int, list[TaskModel]] = {}
    returns_of: dict[int, list[int]] = {}
    for t in p.tasks:
        for r in _robots_of(t):
            if t.action is SkillAction.NAVIGATE and t.target is not None:
                navs_of.setdefault(r, []).append(t)
            elif t.action is SkillAction.RETURN_TO_START:
                returns_of.setdefault(r, []).append(t.index)
    for t in nav:
        assert t.target is not None
        tx, ty = t.target
        per_robot: dict[int, float] = {}
        for r in _robots_of(t):
            best = float(np.hypot(p.pos0[r, 0] - tx, p.pos0[r, 1] - ty))
            for u in navs_of.get(r, ()):
                if u.index != t.index and not (desc[t.index] >> u.index) & 1:
                    assert u.target is not None
                    best = min(best, float(np.hypot(u.target[0] - tx, u.target[1] - ty)) - u.stop)
            if any(not (desc[t.index] >> u) & 1 for u in returns_of.get(r, ())):
                best = min(best, float(np.hypot(p.home[r, 0] - tx, p.home[r, 1] - ty)))
            per_robot[r] = max(best - t.stop, 0.0) / float(p.speed[r])
        lb[t.index] = _combine(t, per_robot)
    return lb


def _travel_lb_coarse(p: AllocationProblem) -> np.ndarray:
    n = p.n_tasks
    lb = np.zeros(n)
    nav = [t for t in p.tasks if t.action is SkillAction.NAVIGATE and t.target is not None]
    if not nav:
        return lb
    by_target: dict[str, list[int]] = {}
    geo: dict[str, tuple[float, float, float]] = {}
    for t in nav:
        assert t.target_name is not None and t.target is not None
        by_target.setdefault(t.target_name, []).append(t.index)
        geo[t.target_name] = (t.target[0], t.target[1], t.stop)
    names = list(geo)
    g = np.array([geo[k] for k in names], dtype=float)
    # distance from target o to the nearest place a robot can stand after another navigate
    d = np.hypot(g[:, None, 0] - g[None, :, 0], g[:, None, 1] - g[None, :, 1]) - g[None, :, 2]
    np.fill_diagonal(d, np.inf)
    near_other = dict(zip(names, d.min(axis=1).tolist()))
    returns = any(t.action is SkillAction.RETURN_TO_START for t in p.tasks)
    for t in nav:
        assert t.target_name is not None and t.target is not None
        if len(by_target[t.target_name]) > 1:
            continue  # another task may leave a robot right there
        rs = np.asarray(_robots_of(t), dtype=int)
        here = np.hypot(p.pos0[rs, 0] - t.target[0], p.pos0[rs, 1] - t.target[1])
        if returns:
            here = np.minimum(here, np.hypot(p.home[rs, 0] - t.target[0], p.home[rs, 1] - t.target[1]))
        vals = np.maximum(np.minimum(here, near_other[t.target_name]) - t.stop, 0.0) / p.speed[rs]
        lb[t.index] = _combine(t, dict(zip(rs.tolist(), vals.tolist())))
    return lb


def static_bounds(p: AllocationProblem) -> StaticBounds:
    """Critical-path and load bounds of the whole problem (see module docstring)."""
    n = p.n_tasks
    dur = np.array([t.duration for t in p.tasks], dtype=float)
    min_len = dur + best_case_travel(p)
    head = np.empty(n)
    for t in p.tasks:  # tasks are in topological order
        h = t.earliest
        if t.fixed:
            h = max(h, float(p.avail0[np.asarray(t.fixed)].max()))
        for grp in t.groups:
            h = max(h, float(np.sort(p.avail0[np.asarray(grp.candidates)])[grp.count - 1]))
        for q in t.preds:
            h = max(h, head[q] + min_len[q])
        head[t.index] = h
    tail = np.zeros(n)
    for t in reversed(p.tasks):
        for s in t.succs:
            tail[t.index] = max(tail[t.index], min_len[s] + tail[s])
    end = max(p.running_finish, float((head + min_len + tail).max()) if n else p.t0)
    critical = end - p.t0

    usable = [r for r in range(p.n_robots) if r not in p.unavailable]
    own = np.zeros(p.n_robots)
    type_work: dict[str, float] = {}
    for t in p.tasks:
        for r in t.fixed:
            own[r] += min_len[t.index]
            type_work[p.robot_types[r]] = type_work.get(p.robot_types[r], 0.0) + min_len[t.index]
        for grp in t.groups:
            type_work[grp.robot_type] = type_work.get(grp.robot_type, 0.0) + grp.count * min_len[t.index]
    # a robot that has work of its own finishes no earlier than free + that work
    load = max([p.t0, *(float(p.avail0[r] + own[r]) for r in usable if own[r] > 0)])
    for rtype, work in type_work.items():
        pool = [r for r in usable if p.robot_types[r] == rtype]
        if pool:
            load = max(load, water_level(p.avail0[pool], work))
    return StaticBounds(min_len, head, tail, critical, load - p.t0)


def water_level(free: np.ndarray, work: float) -> float:
    """The earliest time by which robots free at ``free`` can absorb ``work`` robot-seconds
    if work could be split at will: a valid bound for any real split. Robots free after
    that level get nothing, so a robot held by another plan does not inflate the bound.
    """
    if work <= 0 or len(free) == 0:
        return -np.inf
    b = np.sort(np.asarray(free, dtype=float))
    acc = 0.0
    for k in range(len(b)):
        acc += float(b[k])
        level = (acc + work) / (k + 1)
        if k + 1 == len(b) or level <= b[k + 1]:
            return level
    return level  # pragma: no cover - loop always returns
