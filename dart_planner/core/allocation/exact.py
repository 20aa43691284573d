"""Exact allocation for small plans: depth-first branch and bound over dispatch sequences.

Why branch and bound and not a MILP: travel depends on where a robot comes from (its
previous subtask), multi-robot subtasks start together, and groups inherit robots
(continuity). A MILP needs sequencing variables per robot pair and big-M constraints that
relax badly; the search below works directly on the model every other allocator uses
(:mod:`.timeline`), so its optimum is exactly comparable with the heuristic's schedule.

Search space: a node is a partial schedule; a child dispatches one ready subtask on one of
its robot choices. Every schedule of the model is reached, and the search only keeps
*canonical* sequences, those whose ``(start, finish, task index)`` keys never decrease.
That loses no optimum: re-dispatching any schedule in its own key order never makes a task
later, and repeating this reaches a schedule that is its own key order (proof sketch in
:class:`ExactAllocator`). It removes the permutations of independent tasks that otherwise
make the tree factorial.

Pruning: a node's lower bound is the largest of the current makespan, the critical path of
what is left (each task no earlier than the last dispatched start, its dependencies and the
free times of the robots it can use) and a water-filling load bound per robot type. The
incumbent starts as the heuristic's best schedule, so ``exact <= heuristic`` always holds.
On a time-out the result is the best schedule found with ``optimal=False`` and ``bound`` =
the smallest lower bound among the nodes left open: the optimum lies in
``[bound, makespan]``.

Soil carrying (:mod:`.soil`): a node's children are only the robot choices the rule allows
(:meth:`.timeline.Timeline.options`), so every schedule the search completes keeps it.
Re-dispatching in key order keeps each robot's own order, hence its fills and empties; the
one thing it can change is whether an owed empty that went to another robot is still
pending when a fill is dispatched, so in that rare case the search may miss a schedule (it
never returns one that breaks the rule). If the heuristic had to break the rule (a plan
that leaves no other way), its schedule is only a fallback and ``optimal`` is False.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..fleet import Fleet
from ..plan import TaskGraph
from ..schedule import LiveState, Schedule
from ..world import World
from .bounds import StaticBounds, static_bounds
from .heuristic import best_list_schedule
from .metrics import to_schedule
from .model import AllocationProblem, build_problem
from .timeline import Placement, Timeline

__all__ = ["ExactAllocator"]

_EPS = 1e-9


def _water_level(b: list[float], work: float) -> float:
    """:func:`.bounds.water_level` for a short sorted list."""
    acc = 0.0
    n = len(b)
    for k in range(n):
        acc += b[k]
        level = (acc + work) / (k + 1)
        if k + 1 == n or level <= b[k + 1]:
            return level
    return -float("inf")


def _sequence(tl: Timeline) -> list[tuple[int, tuple[int, ...]]]:
    """The dispatch order and robot choices that rebuild ``tl``."""
    out = []
    for t in tl.order:
        pl = tl.placements[t]
        assert pl is not None
        out.append((t, pl.robots))
    return out


class _Timeout(Exception):
    def __init__(self, open_lb: float) -> None:
        super().__init__("time limit")
        self.open_lb = open_lb


class _Search:
    def __init__(self, p: AllocationProblem, sb: StaticBounds, incumbent: Timeline, deadline: float) -> None:
        self.p, self.sb, self.deadline = p, sb, deadline
        self.tl = Timeline(p)
        # an incumbent that breaks the soil rule (the heuristic found no other way) is only a
        # fallback: any schedule the search completes keeps the rule, so it wins
        self.best = incumbent.makespan() if not incumbent.relaxed else float("inf")
        self.best_seq = _sequence(incumbent)
        self.nodes = 0
        self.min_len = sb.min_len.tolist()
        self.tail = sb.tail.tolist()
        n = p.n_robots
        # per type: robot indices usable by this plan, for the load bound
        self.type_pool: dict[str, np.ndarray] = {}
        self.type_of_task: list[list[tuple[str, int]]] = []
        for t in p.tasks:
            uses: dict[str, int] = {}
            for r in t.fixed:
                uses[p.robot_types[r]] = uses.get(p.robot_types[r], 0) + 1
            for g in t.groups:
                uses[g.robot_type] = uses.get(g.robot_type, 0) + g.count
            self.type_of_task.append(list(uses.items()))
            for rtype in uses:
                if rtype not in self.type_pool:
                    self.type_pool[rtype] = np.asarray(
                        [r for r in range(n) if p.robot_types[r] == rtype and r not in p.unavailable],
                        dtype=int,
                    )
        self.cand_lists = [[list(g.candidates) for g in t.groups] for t in p.tasks]
        self.type_pool_list = {k: v.tolist() for k, v in self.type_pool.items()}

    # -- bounds -----------------------------------------------------------------------
    def node_bound(self, s_last: float) -> float:
        """Lower bound on any completion of the current partial schedule (see module doc).

        Plain Python on lists: the arrays here have a handful of entries, where numpy's
        per-call overhead would dominate.
        """
        p, tl = self.p, self.tl
        fin = tl.finish
        placed = tl.placements
        lb = tl.makespan() + p.t0
        if tl.complete:
            return lb - p.t0
        min_len, tail = self.min_len, self.tail
        est: dict[int, float] = {}
        free = tl.free.tolist()
        own = [0.0] * p.n_robots
        work: dict[str, float] = {}
        for task in p.tasks:
            t = task.index
            if placed[t] is not None:
                continue
            e = s_last if s_last > task.earliest else task.earliest
            ml = min_len[t]
            for r in task.fixed:
                if free[r] > e:
                    e = free[r]
                own[r] += ml
            for g, cand in zip(task.groups, self.cand_lists[t]):
                kth = sorted(free[r] for r in cand)[g.count - 1]
                if kth > e:
                    e = kth
            for q in task.preds:
                v = fin[q] if placed[q] is not None else est[q] + min_len[q]
                if v > e:
                    e = v
            est[t] = e
            if e + ml + tail[t] > lb:
                lb = e + ml + tail[t]
            for rtype, k in self.type_of_task[t]:
                work[rtype] = work.get(rtype, 0.0) + k * ml
        busy = [f if f > s_last else s_last for f in free]
        for r, w in enumerate(own):
            if w > 0 and busy[r] + w > lb:
                lb = busy[r] + w
        for rtype, w in work.items():
            pool = self.type_pool_list[rtype]
            if pool:
                lb = max(lb, _water_level(sorted(busy[r] for r in pool), w))
        return lb - p.t0

    # -- search -----------------------------------------------------------------------
    def run(self) -> None:
        root_lb = self.node_bound(-np.inf)
        self.dfs((-np.inf, -np.inf, -1), root_lb)

    def dfs(self, last: tuple[float, float, int], parent_lb: float) -> None:
        tl, p = self.tl, self.p
        if tl.complete:
            ms = tl.makespan()
            if ms < self.best - _EPS:
                self.best = ms
                self.best_seq = _sequence(tl)
            return
        self.nodes += 1
        lb = max(parent_lb, self.node_bound(last[0]))
        if (self.nodes & 127) == 0 and time.perf_counter() > self.deadline:
            raise _Timeout(lb)
        if lb >= self.best - _EPS:
            return
        children: list[tuple[float, float, int, Placement]] = []
        for t in tl.ready_tasks():
            for pl in tl.place_all(t, list(tl.options(t))):
                key = (pl.start, pl.finish, t)
                if key < last:
                    continue  # not canonical: the same schedule is reached in key order
                child_lb = max(lb, pl.finish + self.tail[t] - p.t0)
                if child_lb < self.best - _EPS:
                    children.append((child_lb, pl.finish, len(children), pl))
        children.sort(key=lambda c: (c[0], c[1], c[2]))
        for i, (child_lb, _, _, pl) in enumerate(children):
            if child_lb >= self.best - _EPS:
                break
            u = tl.commit(pl)
            try:
                self.dfs((pl.start, pl.finish, pl.task), child_lb)
            except _Timeout as exc:
                rest = [c[0] for c in children[i + 1 :] if c[0] < self.best - _EPS]
                exc.open_lb = min([exc.open_lb, *rest])
                raise
            finally:
                tl.undo(u)


@dataclass(frozen=True)
class ExactAllocator:
    """Branch and bound to the proven optimum, within ``time_limit_s``.

    Why canonical sequences keep an optimum: take an optimal schedule, sort its subtasks by
    (start, finish, index) and dispatch them in that order on the same robots. Dependencies
    and each robot's order are kept (a later start on a robot or after a dependency implies
    a later key, for subtasks of positive length), travel legs are unchanged, so by
    induction no subtask is later. Repeating this can only lower times, and there are
    finitely many orders, so it reaches a schedule that is dispatched in its own key order:
    a canonical sequence no worse than the optimum.

    Plans with more than ``max_tasks`` live subtasks are not searched: the heuristic's
    schedule is returned with the static lower bound as ``bound``.
    """

    time_limit_s: float = 10.0
    max_tasks: int = 300
    name: str = "exact"

    def allocate(
        self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
    ) -> Schedule:
        t_start = time.perf_counter()
        return self.allocate_problem(build_problem(graph, fleet, world, state), t_start)

    def allocate_problem(self, p: AllocationProblem, t_start: float | None = None) -> Schedule:
        t_start = time.perf_counter() if t_start is None else t_start
        sb = static_bounds(p)
        incumbent, _ = best_list_schedule(p, sb)
        heuristic_ms = incumbent.makespan()
        info: dict[str, object] = {"heuristic_makespan": heuristic_ms}
        if heuristic_ms <= sb.lower_bound + _EPS and not incumbent.relaxed:
            info["nodes"] = 0
            return to_schedule(
                p,
                incumbent,
                self.name,
                sb.lower_bound,
                time.perf_counter() - t_start,
                optimal=True,
                bound=heuristic_ms,
                info=info,
            )
        if p.n_tasks > self.max_tasks:
            info["nodes"] = 0
            info["skipped"] = f"{p.n_tasks} subtasks exceed max_tasks={self.max_tasks}"
            return to_schedule(
                p,
                incumbent,
                self.name,
                sb.lower_bound,
                time.perf_counter() - t_start,
                optimal=False,
                bound=sb.lower_bound,
                info=info,
            )
        search = _Search(p, sb, incumbent, t_start + self.time_limit_s)
        optimal = True
        try:
            search.run()
        except _Timeout as exc:
            optimal = False
            open_lb = exc.open_lb
        tl = Timeline(p).replay(search.best_seq)
        ms = tl.makespan()
        if tl.relaxed:  # no schedule keeps the soil rule (or none was found in time)
            optimal, bound = False, sb.lower_bound
        else:
            bound = ms if optimal else max(sb.lower_bound, min(open_lb, ms))
        info["nodes"] = search.nodes
        return to_schedule(
            p,
            tl,
            self.name,
            sb.lower_bound,
            time.perf_counter() - t_start,
            optimal=optimal,
            bound=bound,
            info=info,
        )
