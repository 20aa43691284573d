"""Fast allocation: list scheduling with earliest-finish robot choice (HEFT-style), multi-pass.

One pass dispatches ready subtasks one at a time in priority order and gives each the
robots that make it finish earliest (exact over type+count groups, see
:meth:`.timeline.Timeline.best_placement`). Priorities:

* ``rank``: HEFT's upward rank, here the best-case length of the task plus the longest
  best-case chain after it, so the subtasks that hold up the end go first;
* ``ready``: first come first served by the time a task's dependencies finish, ties by rank
  (what a dispatcher does; good when the DAG is wide);
* ``nondelay``: among ready tasks, the one that can start (then finish) first at its best
  placement, ties by rank: a look-ahead over every ready task, used on small plans.

A subtask the soil rule holds back (its robot must first unload what it carries, see
:mod:`.soil`) waits, and is tried again after each empty is dispatched; if nothing else can
move (a plan whose dependencies force a robot to dig again before unloading), the
highest-priority waiting task is placed against the rule and listed in
``schedule.info["soil_conflicts"]`` (schedules with fewer such conflicts always win).

Plans up to 150 subtasks also get seeded random perturbations of the ranks (deterministic
for a given ``seed``), and plans up to 100 subtasks a local search on the winner
(:func:`improve`: move a task in the dispatch order, or give a type+count task other robots).
Budgets count placements, not seconds, so a result never depends on machine load. The best
schedule wins. On 1,000 subtasks x 100 robots only the two cheap passes run (a few tenths of
a second, vectorised over candidate robots).
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..fleet import Fleet
from ..plan import TaskGraph
from ..schedule import LiveState, Schedule
from ..world import World
from .bounds import StaticBounds, static_bounds
from .metrics import to_schedule
from .model import AllocationProblem, build_problem
from .timeline import Placement, Timeline

__all__ = ["HeuristicAllocator", "list_schedule", "best_list_schedule", "dispatch", "decode", "improve"]

RULES = ("rank", "ready", "nondelay")
_ALTERNATIVES = 6
"""Robot choices per type+count task the local search tries."""


def list_schedule(
    p: AllocationProblem, sb: StaticBounds, rule: str = "rank", rank: np.ndarray | None = None
) -> Timeline:
    """One list-scheduling pass with priority ``rule`` (see module docstring)."""
    rank = sb.min_len + sb.tail if rank is None else rank
    tl = Timeline(p)
    if rule == "nondelay":
        return _nondelay(tl, rank)
    if rule == "ready":
        return dispatch(tl, lambda t: (tl.dep_time(t), -float(rank[t]), t))
    return dispatch(tl, lambda t: (0.0, -float(rank[t]), t))


def dispatch(
    tl: Timeline,
    key: Callable[[int], tuple[float, ...]],
    choose: Callable[[int], Placement | None] | None = None,
) -> Timeline:
    """Dispatch every task in ``key`` order as it becomes ready, each where ``choose`` says
    (default: its best placement); a task ``choose`` holds back (None: it must wait for an
    empty, see :mod:`.soil`) is tried again after each empty. ``key`` is read once, when the
    task becomes ready. When only held-back tasks are left, the first by key is placed
    against the soil rule and recorded in ``tl.relaxed``.
    """
    p = tl.p
    pick = tl.best_placement if choose is None else choose
    heap: list[tuple[tuple[float, ...], int]] = [(key(t), t) for t in tl.ready_tasks()]
    heapq.heapify(heap)
    waiting: dict[int, tuple[float, ...]] = {}
    waiting_on: dict[int, list[int]] = {}  # robot -> tasks that wait for it to empty
    while heap or waiting:
        if heap:
            k, t = heapq.heappop(heap)
            pl = pick(t)
            if pl is None:
                waiting[t] = k
                for r in tl.waits_for(t) or [-1]:  # -1: wake on any empty (cannot tell whose)
                    waiting_on.setdefault(r, []).append(t)
                continue
        else:
            t = min(waiting, key=lambda x: (waiting[x], x))
            del waiting[t]
            pl = tl.best_placement(t, relax=True)
            assert pl is not None
            tl.relaxed.append(t)
        tl.commit(pl)
        task = p.tasks[t]
        if waiting and task.empty_types:
            # an empty frees the robots that did it or owed it: wake whoever waits on them
            for r in [*tl.unblocked_by(t), -1]:
                for w in waiting_on.pop(r, ()):
                    if w in waiting:
                        heapq.heappush(heap, (waiting.pop(w), w))
        for s in task.succs:
            if tl.n_preds_left[s] == 0:
                heapq.heappush(heap, (key(s), s))
    return tl


def _nondelay(tl: Timeline, rank: np.ndarray) -> Timeline:
    ready = set(tl.ready_tasks())
    while ready:
        best: tuple[tuple[float, float, float, int], Placement] | None = None
        for t in ready:
            cand = tl.best_placement(t)
            if cand is None:
                continue
            key = (cand.start, cand.finish, -float(rank[t]), t)
            if best is None or key < best[0]:
                best = (key, cand)
        if best is not None:
            pl = best[1]
        else:  # everything ready waits on the soil rule: see dispatch()
            t = min(ready, key=lambda t: (-float(rank[t]), t))
            relaxed = tl.best_placement(t, relax=True)
            assert relaxed is not None
            tl.relaxed.append(t)
            pl = relaxed
        tl.commit(pl)
        ready.discard(pl.task)
        ready.update(s for s in tl.p.tasks[pl.task].succs if tl.n_preds_left[s] == 0)
    return tl


def _better(a: Timeline, b: Timeline | None) -> bool:
    """Whether ``a`` beats ``b``: fewer soil-rule conflicts, then a shorter makespan."""
    if b is None:
        return True
    if len(a.relaxed) != len(b.relaxed):
        return len(a.relaxed) < len(b.relaxed)
    return a.makespan() < b.makespan() - 1e-9


def _at_bound(tl: Timeline, sb: StaticBounds) -> bool:
    return not tl.relaxed and tl.makespan() <= sb.lower_bound + 1e-9


def best_list_schedule(
    p: AllocationProblem, sb: StaticBounds, seed: int = 0, random_passes: int | None = None
) -> tuple[Timeline, dict[str, object]]:
    """Run every applicable pass and keep the shortest schedule; returns it and pass stats."""
    n = p.n_tasks
    rules = ["rank", "ready"] + (["nondelay"] if n <= 60 else [])
    best: Timeline | None = None
    winner = ""
    for rule in rules:
        tl = list_schedule(p, sb, rule)
        if _better(tl, best):
            best, winner = tl, rule
        assert best is not None
        if _at_bound(best, sb):
            return best, {"passes": len(rules), "winner": winner}
    if random_passes is None:
        random_passes = 0 if n > 150 else min(48, 1500 // max(n, 1))
    rng = np.random.default_rng(seed)
    base = sb.min_len + sb.tail
    done = len(rules)
    for k in range(random_passes):
        rank = base * rng.uniform(0.7, 1.3, size=n)
        rule = "nondelay" if k % 2 == 0 and n <= 30 else "rank"  # nondelay costs n x ready placements
        tl = list_schedule(p, sb, rule, rank)
        done += 1
        if _better(tl, best):
            best, winner = tl, f"random-{rule}"
        assert best is not None
        if _at_bound(best, sb):
            break
    assert best is not None
    stats: dict[str, object] = {"passes": done, "winner": winner}
    if n <= 100 and not _at_bound(best, sb):
        before = best.makespan()
        # placements, not seconds, so results do not depend on machine load
        best, spent = improve(p, best, budget=4000 if n <= 30 else 1500)
        stats["local_search"] = {"placements": spent, "gain": before - best.makespan()}
    return best, stats


def decode(
    p: AllocationProblem, seq: list[int], choice: dict[int, tuple[int, ...]] | None = None
) -> Timeline:
    """Dispatch tasks in the order ``seq`` (a topological order), each at its best placement,
    or on the robots ``choice`` fixes for it when that choice is still allowed. A task the
    soil rule holds back waits for the empty it needs (:func:`dispatch`)."""
    tl = Timeline(p)
    pos = {t: i for i, t in enumerate(seq)}

    def choose(t: int) -> Placement | None:
        forced = choice.get(t) if choice else None
        if forced is not None and forced in set(tl.options(t)):
            return tl.place(t, forced)
        return tl.best_placement(t)

    return dispatch(tl, lambda t: (float(pos[t]),), choose)


def _score(tl: Timeline) -> tuple[int, float, float]:
    # soil conflicts, then makespan; the sum of finishes breaks plateaus so the search moves
    return (len(tl.relaxed), round(tl.makespan(), 9), float(sum(tl.finish)))


def improve(p: AllocationProblem, tl: Timeline, budget: int) -> tuple[Timeline, int]:
    """Local search around a schedule, first improvement, two kinds of move:

    * order: move one task earlier or later in the dispatch order (staying between its
      dependencies and dependents) and re-decode;
    * robots: give one type+count task another of its robot choices (EFT is greedy: the
      robot that finishes this task first may be the one a later task needs).

    Strict improvements of (makespan, sum of finishes) are kept. Stops when a sweep finds
    none or after ``budget`` placements; returns the best timeline and placements spent.
    """
    n = p.n_tasks
    seq = list(tl.order)
    choice: dict[int, tuple[int, ...]] = {}
    best, best_score = tl, _score(tl)
    spent = 0

    def trial(cand_seq: list[int], cand_choice: dict[int, tuple[int, ...]]) -> bool:
        nonlocal best, best_score, seq, choice, spent
        tr = decode(p, cand_seq, cand_choice)
        spent += n
        sc = _score(tr)
        if sc < best_score:
            # keep the order actually dispatched: tasks that waited moved later
            best, best_score, seq, choice = tr, sc, list(tr.order), cand_choice
            return True
        return False

    improved = True
    while improved and spent < budget:
        improved = False
        for i in range(n):
            if spent >= budget:
                break
            t = seq[i]
            preds, succs = set(p.tasks[t].preds), set(p.tasks[t].succs)
            moves = []
            for j in range(i - 1, -1, -1):
                if seq[j] in preds:
                    break
                moves.append(j)
            for j in range(i + 1, n):
                if seq[j] in succs:
                    break
                moves.append(j)
            for j in moves:
                cand = seq[:i] + seq[i + 1 :]
                cand.insert(j, t)
                if trial(cand, choice):
                    improved = True
                    break
                if spent >= budget:
                    break
            if improved:
                break
            if p.tasks[t].groups:
                # robot alternatives, evaluated in the timeline just before t is dispatched
                pre = Timeline(p)
                for q in seq[:i]:
                    pl = best.placements[q]
                    assert pl is not None
                    pre.commit(pre.place(q, pl.robots))
                current = best.placements[t].robots  # type: ignore[union-attr]
                # the few choices that finish t soonest: with many candidates, trying all of
                # them would spend the whole budget on one task
                opts = [o for o in itertools.islice(pre.options(t), 500) if o != current]
                ranked = sorted(zip(pre.place_all(t, opts), opts), key=lambda x: (x[0].finish, x[1]))
                for _, opt in ranked[:_ALTERNATIVES]:
                    if trial(list(seq), {**choice, t: opt}):
                        improved = True
                        break
                    if spent >= budget:
                        break
            if improved:
                break
    return best, spent


@dataclass(frozen=True)
class HeuristicAllocator:
    """The default policy: multi-pass HEFT-style list scheduling (see module docstring)."""

    seed: int = 0
    random_passes: int | None = None
    """Randomised passes on small plans (None: by plan size)."""
    name: str = "heuristic"

    def allocate(
        self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
    ) -> Schedule:
        t_start = time.perf_counter()
        p = build_problem(graph, fleet, world, state)
        return self.allocate_problem(p, t_start)

    def allocate_problem(self, p: AllocationProblem, t_start: float | None = None) -> Schedule:
        t_start = time.perf_counter() if t_start is None else t_start
        sb = static_bounds(p)
        tl, stats = best_list_schedule(p, sb, self.seed, self.random_passes)
        return to_schedule(p, tl, self.name, sb.lower_bound, time.perf_counter() - t_start, info=stats)
