"""A partial schedule that subtasks are appended to, one at a time: the shared timing rule.

Every allocator builds its schedule by *dispatching* subtasks in some order onto some robots;
this module decides what that costs. For subtask ``t`` on robots ``R``::

    start  = max(finish of t's dependencies, t's earliest time, free time of every r in R)
    ready  = start + max over r in R of travel(r: where it is -> t's working position)
    finish = ready + nominal duration of t's skill

So a task's robots begin moving together once its dependencies are done and all of them are
free (the executor dispatches a subtask as one goal), the skill starts when the last one has
arrived (synchronised start), and each robot is occupied from ``start`` to ``finish``.
Keep-out tasks occupy no robot: ``finish = start + duration``. Robots do one subtask at a
time in dispatch order; nothing is inserted before an earlier dispatch, because inserting
would change where the robot comes from and so every later travel time.

Soil carrying (:mod:`.soil`) is a rule on each robot's order: after a fill (a dig, or
being poured into) a robot that owes an empty may neither fill again (unless it is a bed
taking a second load owed to the very same dumps) nor empty for another load until it has done one of the
empties it owes. The timeline tracks, per robot, the
empties it owes (``owed``, bit masks over task indices, pending while unplaced and
possibly the robot's) and offers only robot choices that keep the rule:
:meth:`Timeline.best_placement` returns None and :meth:`Timeline.options` yields nothing
for a task that has to wait for an empty first. Callers dispatch something else and come
back to it (see :mod:`.heuristic`).

Dispatching in every possible order with every possible robot choice reaches every
schedule of the model that is not needlessly delayed, which is what lets the exact solver
search this same structure.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ..errors import AllocationError
from .model import AllocationProblem, RobotGroup
from .soil import MERGING_FILLS

__all__ = ["Placement", "Timeline"]

_EPS = 1e-9


@dataclass(frozen=True)
class Placement:
    """Task ``task`` on robot indices ``robots`` with its times, per-robot travel and end points."""

    task: int
    robots: tuple[int, ...]
    start: float
    ready: float
    finish: float
    travel: np.ndarray
    ends: np.ndarray


@dataclass
class _Undo:
    placement: Placement
    free: np.ndarray
    pos: np.ndarray
    owed: list[tuple[int, int]]
    """(robot, owed mask before the commit) for robots whose owed mask changed."""


class Timeline:
    """Robot free times and positions after the subtasks dispatched so far."""

    def __init__(self, problem: AllocationProblem) -> None:
        self.p = problem
        self.free = problem.avail0.copy()
        self.pos = problem.pos0.copy()
        n = problem.n_tasks
        self.finish: list[float] = [float("nan")] * n
        self.placements: list[Placement | None] = [None] * n
        self.order: list[int] = []
        self.n_preds_left = [len(t.preds) for t in problem.tasks]
        self.owed: list[int] = list(problem.owed0) or [0] * problem.n_robots
        """Per robot, bit mask of the empties it owes for the load it carries."""
        self.holding: set[int] = {r for r, m in enumerate(self.owed) if m}
        self.unplaced = (1 << n) - 1
        """Bit mask of the tasks not dispatched yet."""
        self.relaxed: list[int] = []
        """Tasks a dispatcher placed against the soil rule because nothing else could move
        (a plan whose dependencies force a robot to dig twice before unloading)."""

    # -- queries ----------------------------------------------------------------------
    def dep_time(self, t: int) -> float:
        task = self.p.tasks[t]
        d = task.earliest
        fin = self.finish
        for q in task.preds:
            if fin[q] > d:
                d = fin[q]
        return d

    def is_ready(self, t: int) -> bool:
        return self.placements[t] is None and self.n_preds_left[t] == 0

    def ready_tasks(self) -> list[int]:
        return [t for t in range(self.p.n_tasks) if self.placements[t] is None and self.n_preds_left[t] == 0]

    def makespan(self) -> float:
        done = [f for f in self.finish if f == f]
        return max([self.p.running_finish, self.p.t0, *done]) - self.p.t0

    def group_split(self, g: RobotGroup) -> tuple[list[int], list[int], int]:
        """(forced robots, robots to choose from, how many to choose) for a group, after
        continuity: inherited robots are used first (see :mod:`.model`)."""
        pool = self._inherited(g.sources, g.inherited, g.robot_type)
        cand = set(g.candidates)
        pool &= cand
        if len(pool) < g.count and (g.far_sources or g.far_inherited):
            # the rest from behind a loading that filled only some of them (.model._Sources.far)
            far = (self._inherited(g.far_sources, g.far_inherited, g.robot_type) & cand) - pool
            if len(pool) + len(far) >= g.count:
                return sorted(pool), sorted(far), g.count - len(pool)
            pool |= far
        if not pool:
            return [], list(g.candidates), g.count
        if len(pool) >= g.count:
            return [], sorted(pool), g.count
        return sorted(pool), [r for r in g.candidates if r not in pool], g.count - len(pool)

    def _inherited(self, sources: tuple[int, ...], fixed: tuple[int, ...], rtype: str) -> set[int]:
        """Robots of ``rtype`` that placed ``sources`` used, plus ``fixed``."""
        pool: set[int] = set(fixed)
        rtypes = self.p.robot_types
        for s in sources:
            pl = self.placements[s]
            if pl is not None:
                pool.update(r for r in pl.robots if rtypes[r] == rtype)
        return pool

    # -- soil carrying ---------------------------------------------------------------
    def pending(self, r: int) -> int:
        """The empties robot ``r`` still owes (not dispatched yet, and possibly its own)."""
        m = self.owed[r]
        if not m:
            return 0
        return m & self.unplaced & self.p.usable_by[r]

    def is_blocked(self, t: int, r: int) -> bool:
        """Whether ``r`` may not take part in ``t`` now: it owes an empty that ``t`` is not."""
        m = self.owed[r]
        if not m:
            return False
        pend = m & self.unplaced & self.p.usable_by[r]
        if not pend:
            return False
        task = self.p.tasks[t]
        ty = self.p.robot_types[r]
        if ty in task.fill_types:  # unless a bed takes a second load for the same dump (.soil)
            return task.action not in MERGING_FILLS or pend != task.owes & self.unplaced & self.p.usable_by[r]
        if ty in task.empty_types:
            return not (pend >> t) & 1
        return False

    def blocked_robots(self, t: int) -> set[int]:
        """The robots that may not take part in ``t`` now (see :meth:`is_blocked`)."""
        if not self.holding or not self.p.tasks[t].soil:
            return set()
        return {r for r in self.holding if self.is_blocked(t, r)}

    def allowed(self, t: int, robots: tuple[int, ...]) -> bool:
        """Whether the soil rule lets ``robots`` do ``t`` now."""
        if not self.holding or not self.p.tasks[t].soil:
            return True
        return not any(self.is_blocked(t, r) for r in robots)

    def waits_for(self, t: int) -> list[int]:
        """The robots whose empties ``t`` waits for when :meth:`best_placement` holds it
        back: its named or inherited robots that are blocked, or, where a group has too few
        robots left, the blocked candidates of that group."""
        task = self.p.tasks[t]
        out = [r for r in task.fixed if self.is_blocked(t, r)]
        for g in task.groups:
            forced, cands, k = self.group_choice(t, g)
            stuck = [r for r in forced if self.is_blocked(t, r)]
            if not stuck:
                bad = [r for r in cands if r in self.holding and self.is_blocked(t, r)]
                if len(cands) - len(bad) < k:
                    stuck = bad
            out += stuck
        return out

    def _checks(self, t: int) -> bool:
        return bool(self.holding) and self.p.tasks[t].soil

    def unblocked_by(self, t: int) -> list[int]:
        """Robots whose debt shrank when empty ``t`` was just committed: the ones that did
        it, and those that owed it while it went to someone else."""
        pl = self.placements[t]
        out = list(pl.robots) if pl is not None else []
        bit = 1 << t
        out += [r for r in self.holding if self.owed[r] & bit]
        return out

    def group_choice(self, t: int, g: RobotGroup) -> tuple[list[int], list[int], int]:
        """:meth:`group_split` for task ``t``, where a load goes to a robot that can take it
        out: the robots ``t`` fills are chosen among those able to do one of the empties it
        owes (the truck that will dump it), when there are enough of them. Else a truck
        that does not haul would take the soil of a truck that does."""
        forced, cands, k = self.group_split(g)
        task = self.p.tasks[t]
        if task.owes and g.robot_type in task.fill_types:
            usable_by, owes = self.p.usable_by, task.owes
            able = [r for r in cands if usable_by[r] & owes]
            if len(able) >= k:
                cands = able
        return forced, cands, k

    # -- placing ----------------------------------------------------------------------
    def place(self, t: int, robots: tuple[int, ...]) -> Placement:
        """Time task ``t`` on exactly ``robots`` after what is already dispatched."""
        start = self.dep_time(t)
        if robots:
            idx = np.asarray(robots, dtype=int)
            start = max(start, float(self.free[idx].max()))
            travel, ends = self._travel_for(t, idx)
            ready = start + (float(travel.max()) if len(travel) else 0.0)
        else:
            travel, ends = np.zeros(0), np.zeros((0, 2))
            ready = start
        return Placement(t, robots, start, ready, ready + self.p.tasks[t].duration, travel, ends)

    def _travel(self, t: int, idx: np.ndarray, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        try:
            return self.p.travel_times(t, idx, pos)
        except AllocationError as exc:
            raise AllocationError(f"task {self.p.tasks[t].id!r}: {exc}") from exc

    def _travel_for(self, t: int, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Travel of ``idx`` for task ``t``; partners travel to the first other robot."""
        task = self.p.tasks[t]
        ptype = task.partner_type
        if ptype is None:
            return self._travel(t, idx, self.pos[idx])
        types = self.p.robot_types
        rl = idx.tolist()
        part = [i for i, r in enumerate(rl) if types[r] == ptype]
        prim = [i for i, r in enumerate(rl) if types[r] != ptype]
        travel, ends = self._travel(t, idx, self.pos[idx])
        if part and prim:
            meet = (float(self.pos[rl[prim[0]], 0]), float(self.pos[rl[prim[0]], 1]))
            sel = np.asarray(part)
            try:
                travel[sel], ends[sel] = self.p.meet_times(t, idx[sel], self.pos[idx[sel]], meet)
            except AllocationError as exc:
                raise AllocationError(f"task {task.id!r}: {exc}") from exc
        return travel, ends

    def _split(
        self, t: int, g: RobotGroup, check: bool, prefer: bool = False
    ) -> tuple[list[int], list[int], int] | None:
        """:meth:`group_split` without the robots the soil rule holds back (``check``); None
        when the group must wait. ``prefer``: a greedy choice, which may be steered."""
        forced, cands, k = self.group_choice(t, g)
        free_choice = len(cands) == len(g.candidates)
        if prefer and self.holding and free_choice and g.robot_type in self.p.tasks[t].feeds:
            # a free choice that a later fill inherits: prefer robots that carry no load
            empty = [r for r in cands if r not in self.holding or not self.pending(r)]
            if len(empty) >= k:
                cands = empty
        if not check:
            return forced, cands, k
        hold, blocked = self.holding, self.is_blocked
        if any(r in hold and blocked(t, r) for r in forced):
            return None
        cands = [r for r in cands if r not in hold or not blocked(t, r)]
        if len(cands) < k:
            return None
        return forced, cands, k

    def best_placement(self, t: int, relax: bool = False) -> Placement | None:
        """Earliest-finish placement of ``t``: the robots that make it finish first, among
        those the soil rule allows now; None when the task has to wait for an empty first
        (``relax``: ignore the soil rule, for a dispatcher that is otherwise stuck).

        For type+count groups this is exact, not greedy per robot: with synchronised
        departure the finish is ``max(S, dep) + max travel`` over the chosen robots where S is
        the latest free time among them, so it scans S over the candidates' free times and
        takes, at each S, the ``count`` robots with the shortest travel among those free by S.
        Ties go to the earlier S (leaves late robots for later work), then to fleet order.
        With a partner, the primary robots are chosen first, then the partner that can join
        them soonest.
        """
        task = self.p.tasks[t]
        check = not relax and self._checks(t)
        if check and any(self.is_blocked(t, r) for r in task.fixed):
            return None
        if not task.groups:
            return self.place(t, task.fixed)
        if task.partner_type is not None:
            return self._best_with_partner(t, check)
        dep = self.dep_time(t)
        maybe = [self._split(t, g, check, True) for g in task.groups]
        if any(x is None for x in maybe):
            return None
        splits = [x for x in maybe if x is not None]
        forced = list(task.fixed) + [r for f, _, _ in splits for r in f]
        choose = [r for _, c, _ in splits for r in c]
        everyone = np.asarray(forced + choose, dtype=int)
        travel, ends = self._travel(t, everyone, self.pos[everyone])
        tr = dict(zip(everyone.tolist(), travel.tolist()))
        eff = np.maximum(self.free[everyone], dep)
        ef = dict(zip(everyone.tolist(), eff.tolist()))
        picks = self._pick(splits, ef, tr, dep, forced)
        return self._assemble(t, self._canon(task.fixed, picks), dep, everyone, travel, ends)

    def _pick(
        self,
        splits: list[tuple[list[int], list[int], int]],
        ef: dict[int, float],
        tr: dict[int, float],
        dep: float,
        forced: list[int],
    ) -> list[int]:
        base_start = max([dep, *(ef[r] for r in forced)])
        base_travel = max([0.0, *(tr[r] for r in forced)])
        if len(splits) == 1 and splits[0][2] == 1:
            return forced + [self._best_single(splits[0][1], ef, tr, base_start, base_travel)]
        return forced + self._best_multi(splits, ef, tr, base_start, base_travel)

    @staticmethod
    def _canon(fixed: tuple[int, ...], picks: list[int] | tuple[int, ...]) -> tuple[int, ...]:
        """Named robots in plan order, then chosen ones in fleet order."""
        fx = set(fixed)
        return tuple(fixed) + tuple(sorted(r for r in picks if r not in fx))

    def _best_with_partner(self, t: int, check: bool) -> Placement | None:
        task = self.p.tasks[t]
        ptype = task.partner_type
        dep = self.dep_time(t)
        prim_groups = [g for g in task.groups if g.robot_type != ptype]
        part_groups = [g for g in task.groups if g.robot_type == ptype]
        primary = list(task.fixed)
        if prim_groups:  # in-place primaries: the one free first (no travel)
            maybe = [self._split(t, g, check, True) for g in prim_groups]
            if any(x is None for x in maybe):
                return None
            splits = [x for x in maybe if x is not None]
            forced = [r for f, _, _ in splits for r in f]
            everyone = forced + [r for _, c, _ in splits for r in c]
            ef = {r: max(float(self.free[r]), dep) for r in everyone}
            primary = self._pick(splits, ef, dict.fromkeys(everyone, 0.0), dep, primary + forced)
        prim_other = [r for r in primary if self.p.robot_types[r] != ptype]
        if not part_groups or not prim_other:
            return self.place(t, self._canon(task.fixed, primary))
        meet_r = prim_other[0]
        meet = (float(self.pos[meet_r, 0]), float(self.pos[meet_r, 1]))
        maybe = [self._split(t, g, check, True) for g in part_groups]
        if any(x is None for x in maybe):
            return None
        splits = [x for x in maybe if x is not None]
        forced = [r for f, _, _ in splits for r in f]
        cands = np.asarray(forced + [r for _, c, _ in splits for r in c], dtype=int)
        try:
            travel, _ = self.p.meet_times(t, cands, self.pos[cands], meet)
        except AllocationError as exc:
            raise AllocationError(f"task {task.id!r}: {exc}") from exc
        tr = dict(zip(cands.tolist(), travel.tolist()))
        tr.update(dict.fromkeys(primary, 0.0))
        ef = {r: max(float(self.free[r]), dep) for r in [*cands.tolist(), *primary]}
        picks = self._pick(splits, ef, tr, dep, primary + forced)
        return self.place(t, self._canon(task.fixed, picks))

    def _best_single(
        self,
        cands: list[int],
        ef: dict[int, float],
        tr: dict[int, float],
        base_start: float,
        base_travel: float,
    ) -> int:
        c = np.asarray(cands, dtype=int)
        eff = np.fromiter((ef[r] for r in cands), float, len(cands))
        trv = np.fromiter((tr[r] for r in cands), float, len(cands))
        order = np.lexsort((c, eff))
        eff_s, trv_s = eff[order], trv[order]
        run_min = np.minimum.accumulate(trv_s)
        val = np.maximum(eff_s, base_start) + np.maximum(run_min, base_travel)
        i = int(np.argmin(val))  # first minimum: the earliest S, so later robots stay free
        # the robot achieving run_min[i] among the first i+1 (first such in order)
        j = int(np.argmin(trv_s[: i + 1]))
        return int(c[order][j])

    def _best_multi(
        self,
        splits: list[tuple[list[int], list[int], int]],
        ef: dict[int, float],
        tr: dict[int, float],
        base_start: float,
        base_travel: float,
    ) -> list[int]:
        items = sorted(
            ((ef[r], r, gi) for gi, (_, cands, k) in enumerate(splits) if k > 0 for r in cands),
        )
        heaps: list[list[tuple[float, int]]] = [[] for _ in splits]
        need = [k for _, _, k in splits]
        best = float("inf")
        best_pick: list[int] = []
        if all(k == 0 for k in need):
            return []
        for n, (e, r, gi) in enumerate(items):
            h = heaps[gi]
            entry = (-tr[r], -r)
            if len(h) < need[gi]:
                heapq.heappush(h, entry)
            elif entry > h[0]:
                heapq.heapreplace(h, entry)
            if n + 1 < len(items) and items[n + 1][0] == e:
                continue
            if any(len(heaps[g]) < need[g] for g in range(len(splits))):
                continue
            worst = max(-heaps[g][0][0] for g in range(len(splits)) if need[g] > 0)
            val = max(e, base_start) + max(worst, base_travel)
            if val < best - _EPS:
                best = val
                best_pick = [-x[1] for g in range(len(splits)) for x in heaps[g]]
        return best_pick

    def _assemble(
        self,
        t: int,
        picks: tuple[int, ...],
        dep: float,
        everyone: np.ndarray,
        travel: np.ndarray,
        ends: np.ndarray,
    ) -> Placement:
        where = {r: i for i, r in enumerate(everyone.tolist())}
        sel = [where[r] for r in picks]
        free = self.free
        start = dep
        for r in picks:
            if free[r] > start:
                start = float(free[r])
        trv = travel[sel]
        ready = start + float(trv.max())
        return Placement(t, picks, start, ready, ready + self.p.tasks[t].duration, trv, ends[sel])

    def place_all(self, t: int, choices: list[tuple[int, ...]]) -> list[Placement]:
        """:meth:`place` for several robot choices of one task, computing travel once."""
        task = self.p.tasks[t]
        if not task.groups or task.partner_type is not None:
            return [self.place(t, c) for c in choices]
        dep = self.dep_time(t)
        everyone = np.asarray(sorted({r for c in choices for r in c}), dtype=int)
        travel, ends = self._travel(t, everyone, self.pos[everyone])
        return [self._assemble(t, c, dep, everyone, travel, ends) for c in choices]

    def options(self, t: int) -> Iterator[tuple[int, ...]]:
        """Every robot choice for ``t`` the soil rule allows now (one for fixed and keep-out
        tasks; none while ``t`` has to wait for an empty)."""
        task = self.p.tasks[t]
        check = self._checks(t)
        if check and any(self.is_blocked(t, r) for r in task.fixed):
            return
        if not task.groups:
            yield task.fixed
            return
        per_group = []
        for g in task.groups:
            split = self._split(t, g, check)
            if split is None:
                return
            forced, cands, k = split
            per_group.append([tuple(forced) + c for c in itertools.combinations(cands, k)])
        for combo in itertools.product(*per_group):
            yield self._canon(task.fixed, [r for part in combo for r in part])

    # -- committing -------------------------------------------------------------------
    def commit(self, pl: Placement) -> _Undo:
        t = pl.task
        if self.placements[t] is not None:
            raise AllocationError(f"task {self.p.tasks[t].id!r} dispatched twice")
        idx = np.asarray(pl.robots, dtype=int)
        task = self.p.tasks[t]
        undo = _Undo(pl, self.free[idx].copy(), self.pos[idx].copy(), [])
        if len(idx):
            self.free[idx] = pl.finish
            self.pos[idx] = pl.ends
        if task.soil:
            types = self.p.robot_types
            for r in pl.robots:
                ty = types[r]
                if ty in task.fill_types:
                    new = task.owes & self.p.usable_by[r]
                elif ty in task.empty_types:
                    new = 0
                else:
                    continue
                if new != self.owed[r]:
                    undo.owed.append((r, self.owed[r]))
                    self._set_owed(r, new)
        self.unplaced &= ~(1 << t)
        self.finish[t] = pl.finish
        self.placements[t] = pl
        self.order.append(t)
        for s in task.succs:
            self.n_preds_left[s] -= 1
        return undo

    def _set_owed(self, r: int, mask: int) -> None:
        self.owed[r] = mask
        if mask:
            self.holding.add(r)
        else:
            self.holding.discard(r)

    def undo(self, u: _Undo) -> None:
        pl = u.placement
        t = pl.task
        idx = np.asarray(pl.robots, dtype=int)
        if len(idx):
            self.free[idx] = u.free
            self.pos[idx] = u.pos
        for r, mask in reversed(u.owed):
            self._set_owed(r, mask)
        self.unplaced |= 1 << t
        self.finish[t] = float("nan")
        self.placements[t] = None
        self.order.pop()
        for s in self.p.tasks[t].succs:
            self.n_preds_left[s] += 1

    def replay(self, seq: list[tuple[int, tuple[int, ...]]]) -> Timeline:
        """Dispatch ``(task, robots)`` pairs in order, recording soil-rule breaks in
        ``relaxed`` (rebuilding a schedule found elsewhere); returns self."""
        for t, robots in seq:
            if not self.allowed(t, robots):
                self.relaxed.append(t)
            self.commit(self.place(t, robots))
        return self

    @property
    def complete(self) -> bool:
        return len(self.order) == self.p.n_tasks
