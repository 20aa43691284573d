"""DART-LLM's allocation policy, reproduced for comparison (``dart_baseline``).

The original uses the robots the LLM named; for ``robot_type``/``robot_count`` it takes the
first N robots of the type that are marked idle, and since the idle flag is never updated
that is always the first N ids in fleet order. It ignores travel, load and positions.

To compare policies rather than executors, the baseline's choice is timed with the same
model as ours (:mod:`.timeline`): one subtask per robot at a time, dispatched first come
first served as dependencies finish. That is generous to the original, whose executor did
not lock robots at all. Robots marked unavailable in a live state are skipped (the original
would simply have failed).

Soil carrying (:mod:`.soil`): the original knew nothing of buckets, but a schedule that
makes the first excavator dig twice before unloading fails in the simulator whatever the
policy, so the baseline keeps its robot choice and only waits: a task whose robot must
first unload what it carries is dispatched after that unloading (a dispatcher's FIFO). Where
its fixed choices leave nothing else to dispatch (a plan whose dependencies need one of its
robots to dig twice first) it places the task anyway and lists it in
``info["soil_conflicts"]``; :func:`.verify.verify_schedule` then reports it. The implicit
partner of an unloading with no truck to inherit is the first available truck in fleet
order (first N of the type), as for every other choice.

Fidelity audit (what the baseline does and does not get from the shared model)
--------------------------------------------------------------------------------
* Robot choice is the original's and nothing more: named ids as written; type+count groups
  take ``candidates[:count]`` in fleet order, ignoring where robots are, what they carry,
  how busy they are and which robots earlier steps used. So a second unnamed crew ("another
  excavator") gets excavator 1 again, and an unnamed group beside a named crew gets the
  named robot, exactly as a never-updated idle flag does. Along one group's chain first-N
  is stable, so continuity (the excavator that drove to the soil digs there) holds without
  the model's inheritance.
* Implicit partners (the original had none): the trucks the plan brought, as for every
  policy (one per excavator up to the trucks that came, see :mod:`.model`); with none
  brought, the first truck in fleet order among those the plan's later dumps can use
  (:meth:`.timeline.Timeline.group_choice`). That filter reads the plan (which truck
  dumps later), not the site, so it adds no travel or load awareness.
* Ordering: first come first served by the time a task can start (dependencies done, its
  fixed robots free), ties in plan order; no travel, rank or look-ahead enters it.
* Generous to the original, on purpose, so the comparison is about robot choice: robots
  are locked (one subtask at a time; the original sent overlapping goals), the soil rule
  is kept by waiting, and partners drive to their excavator.
* Fair in the other direction: every policy is compiled by :func:`.model.build_problem`
  and timed by the same :class:`.timeline.Timeline` (travel around keep-outs, durations,
  synchronised starts), and the benchmark runs :func:`.verify.verify_schedule` on every
  policy's schedule (column ``brk``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..fleet import Fleet
from ..plan import TaskGraph
from ..schedule import LiveState, Schedule
from ..world import World
from .bounds import static_bounds
from .metrics import to_schedule
from .model import AllocationProblem, build_problem
from .timeline import Timeline

__all__ = ["DartBaselineAllocator", "baseline_robots"]


def baseline_robots(tl: Timeline, t: int) -> tuple[int, ...]:
    """The robots DART-LLM would use for task ``t``: named ones, else the first N per type.

    An implicit partner (the truck being loaded) is the one the task inherits, as in our
    model: the original did not model partners at all, so this only keeps the comparison
    about robot choice.
    """
    task = tl.p.tasks[t]
    picks = list(task.fixed)
    for g in task.groups:
        if g.partner:
            forced, cands, k = tl.group_choice(t, g)
            picks += forced + cands[:k]
        else:
            picks += list(g.candidates[: g.count])
    return task.fixed + tuple(sorted(r for r in picks if r not in task.fixed))


@dataclass(frozen=True)
class DartBaselineAllocator:
    """First-N-of-type robot choice, first-come-first-served dispatch."""

    name: str = "dart_baseline"

    def allocate(
        self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
    ) -> Schedule:
        t_start = time.perf_counter()
        return self.allocate_problem(build_problem(graph, fleet, world, state), t_start)

    def allocate_problem(self, p: AllocationProblem, t_start: float | None = None) -> Schedule:
        t_start = time.perf_counter() if t_start is None else t_start
        sb = static_bounds(p)
        tl = Timeline(p)
        robots: dict[int, tuple[int, ...]] = {}
        ready = set(tl.ready_tasks())
        while ready:
            # dispatch whichever ready task can start first (FIFO), ties in plan order
            for t in ready:
                if t not in robots:
                    robots[t] = baseline_robots(tl, t)

            def start(t: int) -> float:
                s = tl.dep_time(t)
                return max([s, *(float(tl.free[r]) for r in robots[t])])

            movable = [t for t in ready if tl.allowed(t, robots[t])]
            if not movable:  # every ready task waits on an unloading it depends on
                movable = list(ready)
                tl.relaxed.append(min(movable, key=lambda t: (start(t), t)))
            t = min(movable, key=lambda t: (start(t), t))
            tl.commit(tl.place(t, robots[t]))
            ready.discard(t)
            ready.update(s for s in p.tasks[t].succs if tl.n_preds_left[s] == 0)
        return to_schedule(p, tl, self.name, sb.lower_bound, time.perf_counter() - t_start)
