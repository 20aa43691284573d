"""Execution-engine overhead per subtask transition, against a bare executor loop.

Workload: a random valid plan (navigation chains per robot with cross-robot joins, the
validation benchmark's generator) on a fleet of ``robots`` robots, executed against an
actuator that does no work: every goal succeeds as soon as the bench releases it, so the
time measured is the engine's own bookkeeping (transition table, robot locks, schedule
order, goal construction, status records, events, journal).

Baseline, measured in the same run on the same plan: a bare executor loop (dependency
counters, robot locks, plain dicts; no validation, no transition table, no events, no
journal, no timeouts or fault handling), i.e. the least a correct executor must do. The
ratio says what the engine's guarantees cost per transition. Journal variants show the
price of durability: ``journal_nosync`` serialises every record, ``journal_fsync`` also
forces each one to disk (that number depends on the disk more than on the code).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..core.actuation import ActuatorEvent, GoalStatus, SkillGoal, SkillResult
from ..core.execution import ExecutionEngine, ExecutionJournal
from ..core.fleet import Fleet, load_fleet
from ..core.geometry import Pose2D
from ..core.plan import TaskGraph, load_plan_document
from ..core.schedule import Assignment, Schedule
from ..core.world import World, load_world
from ..resources import default_fleet_path, default_world_path
from .validation import random_dart_plan

__all__ = ["ExecutionBench", "scaled_fleet", "bench_execution", "main"]


@dataclass(frozen=True)
class ExecutionBench:
    subtasks: int
    robots: int
    transitions: int
    baseline_us: float
    """Bare executor loop, µs per transition (median of the repeats)."""
    engine_us: float
    """Engine without journal or observers."""
    observed_us: float
    """Engine with one (no-op) observer: events are built and delivered."""
    journal_nosync_us: float
    journal_fsync_us: float
    restore_ms: float
    """Rebuilding the finished run from its journal (replay of every record)."""
    submit_ms: float
    """submit() with validation and allocation-free schedule check, for the whole plan."""

    @property
    def engine_ratio(self) -> float:
        return self.engine_us / self.baseline_us if self.baseline_us else float("inf")

    @property
    def fsync_ratio(self) -> float:
        return self.journal_fsync_us / self.baseline_us if self.baseline_us else float("inf")


class _ReleaseActuator:
    """Goals succeed when :meth:`release` is called: no physics, only the engine's work."""

    def __init__(self) -> None:
        self.listener: Callable[[ActuatorEvent], None] | None = None
        self.pending: list[SkillGoal] = []

    def set_listener(self, listener: Callable[[ActuatorEvent], None]) -> None:
        self.listener = listener

    def start(self, goal: SkillGoal) -> None:
        self.pending.append(goal)

    def cancel(self, goal_id: str) -> None:
        pass

    def stop_all(self) -> None:
        self.pending.clear()

    def robot_pose(self, robot_id: str) -> Pose2D | None:
        return None

    def release(self) -> bool:
        batch, self.pending = self.pending, []
        assert self.listener is not None
        for goal in batch:
            self.listener(SkillResult(goal.goal_id, goal.robot_id, GoalStatus.SUCCEEDED))
        return bool(batch)


def scaled_fleet(fleet: Fleet, robots: int) -> Fleet:
    """``robots`` robots cycling through the fleet's robots (same types and skills)."""
    base = fleet.robots
    out = [replace(base[i % len(base)], id=f"{base[i % len(base)].type}_{i + 1:03d}") for i in range(robots)]
    return fleet.with_robots(out)


def _schedule(graph: TaskGraph) -> Schedule:
    order: dict[str, list[str]] = {}
    assignments = {}
    for tid in graph.topological_order():
        sub = graph[tid]
        assignments[tid] = Assignment(tid, sub.robot_ids, 0.0, 0.0, 1.0)
        for r in sub.robot_ids:
            order.setdefault(r, []).append(tid)
    return Schedule("bench", assignments, {r: tuple(v) for r, v in order.items()}, 0.0, 0.0)


def _baseline(graph: TaskGraph) -> int:
    """The bare loop: returns the number of transitions it made (3 per subtask)."""
    state = {t: "pending" for t in graph.ids}
    left = {s.id: len(set(s.dependencies)) for s in graph.subtasks}
    robots = {s.id: s.robot_ids for s in graph.subtasks}
    dependents = {t: list(graph.graph.successors(t)) for t in graph.ids}
    busy: set[str] = set()
    ready: deque[str] = deque()
    transitions = 0
    for t in graph.ids:
        if left[t] == 0:
            state[t] = "ready"
            ready.append(t)
            transitions += 1
    running: list[str] = []
    while ready or running:
        waiting: deque[str] = deque()
        while ready:
            t = ready.popleft()
            if any(r in busy for r in robots[t]):
                waiting.append(t)
                continue
            busy.update(robots[t])
            state[t] = "running"
            running.append(t)
            transitions += 1
        ready = waiting
        done, running = running, []
        for t in done:
            busy.difference_update(robots[t])
            state[t] = "succeeded"
            transitions += 1
            for d in dependents[t]:
                left[d] -= 1
                if left[d] == 0:
                    state[d] = "ready"
                    ready.append(d)
                    transitions += 1
    return transitions


def _run_engine(
    graph: TaskGraph,
    schedule: Schedule,
    fleet: Fleet,
    world: World,
    journal: Path | None,
    fsync: bool,
    observe: bool,
) -> tuple[float, int]:
    act = _ReleaseActuator()
    j = ExecutionJournal(journal, fsync=fsync) if journal is not None else None
    eng = ExecutionEngine(fleet, world, act, allocator=None, journal=j, validate=False)
    if observe:
        eng.subscribe(lambda e: None)
    t0 = time.perf_counter()
    pid = eng.submit(graph, schedule)
    while act.release():
        pass
    wall = time.perf_counter() - t0
    if not eng.is_finished(pid):
        raise RuntimeError("benchmark plan did not finish")
    eng.close()
    return wall, eng.transition_count


def bench_execution(
    fleet: Fleet, world: World, subtasks: int = 200, robots: int = 20, repeat: int = 5, seed: int = 0
) -> ExecutionBench:
    big = scaled_fleet(fleet, robots)
    graph = load_plan_document(random_dart_plan(subtasks, big, world, seed=seed))
    schedule = _schedule(graph)
    base, eng, obs, nosync, fsync = [], [], [], [], []
    restore: list[float] = []
    submit: list[float] = []
    transitions = 0
    with tempfile.TemporaryDirectory(prefix="dart-bench-") as tmp:
        for i in range(repeat):
            t0 = time.perf_counter()
            n = _baseline(graph)
            base.append((time.perf_counter() - t0) / n)
            wall, transitions = _run_engine(graph, schedule, big, world, None, False, False)
            eng.append(wall / transitions)
            wall, _ = _run_engine(graph, schedule, big, world, None, False, True)
            obs.append(wall / transitions)
            wall, _ = _run_engine(graph, schedule, big, world, Path(tmp) / f"n{i}.jsonl", False, False)
            nosync.append(wall / transitions)
            path = Path(tmp) / f"f{i}.jsonl"
            wall, _ = _run_engine(graph, schedule, big, world, path, True, False)
            fsync.append(wall / transitions)
            t0 = time.perf_counter()
            ExecutionEngine.restore(path, big, world, _ReleaseActuator(), fsync=False).close()
            restore.append(time.perf_counter() - t0)
            act = _ReleaseActuator()
            e = ExecutionEngine(big, world, act)
            t0 = time.perf_counter()
            e.submit(graph, schedule)
            submit.append(time.perf_counter() - t0)
        if n != transitions:
            raise RuntimeError(f"baseline made {n} transitions, the engine {transitions}")
    us = lambda xs: statistics.median(xs) * 1e6  # noqa: E731
    return ExecutionBench(
        subtasks=len(graph),
        robots=robots,
        transitions=transitions,
        baseline_us=us(base),
        engine_us=us(eng),
        observed_us=us(obs),
        journal_nosync_us=us(nosync),
        journal_fsync_us=us(fsync),
        restore_ms=statistics.median(restore) * 1e3,
        submit_ms=statistics.median(submit) * 1e3,
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m dart_planner.bench.execution [SUBTASKS [ROBOTS]]``: print the report as JSON."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    fleet = load_fleet(default_fleet_path())
    world = load_world(default_world_path())
    report = bench_execution(
        fleet, world, int(args[0]) if args else 200, int(args[1]) if len(args) > 1 else 20
    )
    out = {**asdict(report), "engine_ratio": report.engine_ratio, "fsync_ratio": report.fsync_ratio}
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
