"""Load: many concurrent plans over one fleet in the simulator, with random faults.

:func:`run_load` submits ``plans`` seeded random plans (the domain's jobs: dig-and-haul
chains, inspections, errands, fences; type/count and explicit robots) to **one**
:class:`~dart_planner.core.execution.ExecutionEngine` driving **one** simulator through
:class:`~dart_planner.sim.actuator.SimActuator` on the simulated clock ("fast mode": no
wall-clock waits), while faults happen: random skill failures, robots breaking down, and
(optionally) the engine itself crashing and being rebuilt from its journal mid-run.

It watches everything through engine events and an actuator wrapper, and checks, without
trusting the engine's own bookkeeping:

* **no double booking**: per robot, the intervals in which it was held by a RUNNING
  subtask (keep-out changes hold no robot) never overlap, across plans and across the
  restart;
* **no lost plans**: every submitted plan ends in a terminal state (none unfinished, none
  unknown to the engine);
* **no duplicates**: no subtask reaches SUCCEEDED twice;
* **journal consistent**: a fresh engine restored from a copy of the journal reports
  exactly the final state of every plan and subtask;
* **only allow-listed goals**: every goal the actuator received names a fleet skill and
  robot (and the simulator records no collision, keep-out or geofence violation).

Figures: throughput (succeeded subtasks per wall second and per simulated hour) and the
dispatch latency READY -> RUNNING in simulated seconds (p50/p95/max), which includes
waiting for robots that other plans hold -- the price of sharing a fleet.

Fault accounting (:class:`LoadReport`): each fault is *recovered* when the subtask it hit
later succeeded (retry, reassignment, re-dispatch after the restart), *failed with a
reason* when that subtask settled FAILED with a replan request (its dependents cancelled,
the rest of the plan went on), and *idle* when it hit no subtask (a robot breaking down
while parked). A fault is survived when it is one of these three and every invariant
above still holds.
"""

from __future__ import annotations

import math
import random
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..bench.execution import scaled_fleet
from ..core.actuation import ActuatorEvent, GoalStatus, SkillGoal, SkillResult
from ..core.allocation.random_instances import random_plan
from ..core.execution import ExecutionEngine, ExecutionJournal
from ..core.execution.events import EngineEvent, ReplanRequested, SubtaskStateChanged
from ..core.execution.states import SubtaskState
from ..core.execution.status import PlanState
from ..core.fleet import KEEPOUT_ACTIONS, Fleet, load_fleet
from ..core.geometry import Pose2D
from ..core.plan import TaskGraph
from ..core.world import World, load_world
from ..resources import default_fleet_path, default_world_path
from ..sim import Simulation
from ..sim.actuator import SimActuator
from ..sim.faults import ROBOT_BREAKDOWN, SKILL_FAILURE, Breakdown, FaultConfig

__all__ = ["LoadConfig", "LoadReport", "BookingMonitor", "spread_fleet", "load_plans", "run_load"]

_S = SubtaskState
_TERMINAL_PLAN = (PlanState.SUCCEEDED, PlanState.FAILED, PlanState.CANCELLED)


@dataclass(frozen=True)
class LoadConfig:
    plans: int = 20
    robots: int = 12
    tasks_per_plan: tuple[int, int] = (4, 10)
    seed: int = 0
    skill_failure_p: float = 0.05
    """Probability that any goal fails part-way (``skill_failure``)."""
    breakdowns: int = 2
    """Robots that break down for good, at random times within ``breakdown_window_s``."""
    breakdown_window_s: tuple[float, float] = (20.0, 400.0)
    restart_at_s: float | None = 150.0
    """Simulated time at which the engine "crashes" and is restored from its journal."""
    max_sim_time_s: float = 6 * 3600.0
    dt: float = 0.1
    max_retries: int = 1
    fsync: bool = False
    """fsync every journal record (durability on a real disk; slower, same logic)."""


@dataclass(frozen=True)
class LoadReport:
    config: LoadConfig
    plans: int
    subtasks: int
    plan_outcomes: dict[str, int]
    subtask_states: dict[str, int]
    double_bookings: tuple[str, ...]
    lost_plans: tuple[str, ...]
    duplicate_successes: tuple[str, ...]
    journal_mismatches: tuple[str, ...]
    unsafe_goals: tuple[str, ...]
    faults: dict[str, int]
    """Injected: ``skill_failure``, ``breakdown``, ``timeout``, ``restart``, ``other``."""
    fault_outcomes: dict[str, int]
    """``recovered``, ``failed_with_reason``, ``idle``."""
    succeeded_subtasks: int
    dispatches: int
    wall_s: float
    sim_s: float
    dispatch_p50_s: float
    dispatch_p95_s: float
    dispatch_max_s: float
    collisions: int
    keepout_violations: int
    geofence_violations: int
    restored_records: int = 0
    notes: tuple[str, ...] = ()

    @property
    def throughput_per_wall_s(self) -> float:
        return self.succeeded_subtasks / self.wall_s if self.wall_s > 0 else math.inf

    @property
    def throughput_per_sim_h(self) -> float:
        return self.succeeded_subtasks / (self.sim_s / 3600.0) if self.sim_s > 0 else math.inf

    @property
    def faults_injected(self) -> int:
        return sum(self.faults.values())

    @property
    def ok(self) -> bool:
        """Every invariant held (outcomes of individual plans may still be FAILED)."""
        return not (self.double_bookings or self.lost_plans or self.duplicate_successes
                    or self.journal_mismatches or self.unsafe_goals or self.collisions
                    or self.keepout_violations or self.geofence_violations)

    @property
    def faults_survived(self) -> int:
        return sum(self.fault_outcomes.values()) + self.faults.get("restart", 0) if self.ok else 0

    def table(self) -> list[tuple[str, str]]:
        """(figure, value) rows for the closing note."""
        f = self.faults
        return [
            ("plans / subtasks / robots", f"{self.plans} / {self.subtasks} / {self.config.robots}"),
            ("plan outcomes", ", ".join(f"{k} {v}" for k, v in sorted(self.plan_outcomes.items()))),
            ("double bookings", str(len(self.double_bookings))),
            ("plans lost", str(len(self.lost_plans))),
            ("duplicate successes", str(len(self.duplicate_successes))),
            ("journal mismatches", str(len(self.journal_mismatches))),
            ("unsafe goals", str(len(self.unsafe_goals))),
            ("faults injected", f"{self.faults_injected} (" + ", ".join(f"{k} {v}" for k, v in sorted(f.items()))
             + ")"),
            ("faults survived", f"{self.faults_survived} ("
             + ", ".join(f"{k} {v}" for k, v in sorted(self.fault_outcomes.items())) + ")"),
            ("throughput", f"{self.throughput_per_wall_s:.1f} subtasks/s wall, "
                           f"{self.throughput_per_sim_h:.0f} subtasks/simulated h"),
            ("dispatch latency READY->RUNNING", f"p50 {self.dispatch_p50_s:.1f} s, p95 {self.dispatch_p95_s:.1f} s, "
                                               f"max {self.dispatch_max_s:.1f} s (simulated)"),
            ("wall / simulated time", f"{self.wall_s:.2f} s / {self.sim_s:.0f} s"),
            ("collisions / keep-out / geofence violations",
             f"{self.collisions} / {self.keepout_violations} / {self.geofence_violations}"),
        ]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["config"] = asdict(self.config)
        out.update(
            throughput_per_wall_s=self.throughput_per_wall_s,
            throughput_per_sim_h=self.throughput_per_sim_h,
            faults_injected=self.faults_injected,
            faults_survived=self.faults_survived,
            ok=self.ok,
        )
        return out


# ---------------------------------------------------------------------------- set-up
def spread_fleet(fleet: Fleet, robots: int, bounds_y: float = -24.0, row_gap: float = 5.0) -> Fleet:
    """:func:`~dart_planner.bench.execution.scaled_fleet` with start poses laid out in rows,
    so copies of a robot do not start on top of each other."""
    big = scaled_fleet(fleet, robots)
    base = len(fleet.robots)
    out = []
    for i, r in enumerate(big.robots):
        row = i // base
        start = fleet.robots[i % base].start
        out.append(replace(r, namespace=r.id, start=Pose2D(start.x, bounds_y + row * row_gap, start.yaw)))
    return big.with_robots(out)


def load_plans(cfg: LoadConfig, fleet: Fleet, world: World) -> list[TaskGraph]:
    rng = random.Random(f"load-plans:{cfg.seed}")
    plans = []
    for k in range(cfg.plans):
        n = rng.randint(*cfg.tasks_per_plan)
        g = random_plan(np.random.default_rng(rng.randrange(2**32)), n, fleet, world)
        plans.append(replace(g, plan_id=f"load-{cfg.seed}-{k:02d}", instruction=f"load plan {k}"))
    return plans


def _faults(cfg: LoadConfig, fleet: Fleet) -> FaultConfig:
    rng = random.Random(f"load-faults:{cfg.seed}")
    broken = rng.sample(list(fleet.robot_ids), min(cfg.breakdowns, len(fleet.robots)))
    lo, hi = cfg.breakdown_window_s
    return FaultConfig(
        breakdowns=tuple(Breakdown(r, round(rng.uniform(lo, hi), 1)) for r in broken),
        skill_failure_p=cfg.skill_failure_p,
    )


# ---------------------------------------------------------------------------- watching
class _CheckingActuator(SimActuator):
    """A SimActuator that records every goal and judges it against the fleet."""

    def __init__(self, sim: Simulation, fleet: Fleet):
        super().__init__(sim)
        self.fleet = fleet
        self.goals = 0
        self.unsafe: list[str] = []
        self.failures: Counter[str] = Counter()

    def start(self, goal: SkillGoal) -> None:
        self.goals += 1
        spec = self.fleet.skills.get(goal.skill)
        if spec is None or spec.action is not goal.action:
            self.unsafe.append(f"goal {goal.goal_id}: skill {goal.skill!r} / {goal.action} is not allow-listed")
        for r in (goal.robot_id, *goal.partner_ids, *goal.applies_to):
            if r is not None and not self.fleet.has_robot(r):
                self.unsafe.append(f"goal {goal.goal_id}: robot {r!r} is not in the fleet")
        if goal.params:
            self.unsafe.append(f"goal {goal.goal_id}: carries params {dict(goal.params)}")
        super().start(goal)

    def _deliver(self, events: list[ActuatorEvent]) -> None:
        for e in events:
            if isinstance(e, SkillResult) and e.status is GoalStatus.FAILED:
                self.failures[e.reason.split(":", 1)[0]] += 1
        super()._deliver(events)


@dataclass
class BookingMonitor:
    """Builds each robot's held intervals and each subtask's history from engine events.

    Subscribe :meth:`__call__` to every engine instance of a run (the original and the
    restored one); the intervals then span the restart.
    """

    fleet: Fleet
    skills: dict[tuple[str, str], str] = field(default_factory=dict)
    open: dict[str, list[tuple[str, str, float]]] = field(default_factory=dict)
    """Robot -> the holds not yet released (more than one is a double booking)."""
    intervals: dict[str, list[tuple[float, float, str]]] = field(default_factory=dict)
    overlaps: list[str] = field(default_factory=list)
    ready_at: dict[tuple[str, str], float] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    successes: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)
    """(plan, task, reason, robots) of every RUNNING -> FAILED / TIMED_OUT transition."""
    replans: list[tuple[str, str]] = field(default_factory=list)
    final: dict[tuple[str, str], SubtaskState] = field(default_factory=dict)

    def watch(self, graph: TaskGraph, plan_id: str) -> None:
        for s in graph.subtasks:
            self.skills[(plan_id, s.id)] = s.skill

    def _holds(self, key: tuple[str, str]) -> bool:
        spec = self.fleet.skills.get(self.skills.get(key, ""))
        return spec is not None and spec.action not in KEEPOUT_ACTIONS

    def __call__(self, event: EngineEvent) -> None:
        if isinstance(event, ReplanRequested):
            self.replans.append((event.plan_id, event.task_id))
            return
        if not isinstance(event, SubtaskStateChanged):
            return
        key = (event.plan_id, event.task_id)
        tag = f"{event.plan_id}/{event.task_id}"
        self.final[key] = event.new
        if event.new is _S.READY:
            self.ready_at[key] = event.at
        if event.old is _S.RUNNING and self._holds(key):
            for r in event.robots:
                holds = self.open.get(r, [])
                for held in [h for h in holds if h[:2] == key]:
                    holds.remove(held)
                    self.intervals.setdefault(r, []).append((held[2], event.at, tag))
        if event.new is _S.RUNNING:
            if key in self.ready_at:
                self.latencies.append(event.at - self.ready_at.pop(key))
            if self._holds(key):
                for r in event.robots:
                    holds = self.open.setdefault(r, [])
                    for held in holds:
                        self.overlaps.append(f"{r}: {tag} started at {event.at:.1f} s while "
                                             f"{held[0]}/{held[1]} (since {held[2]:.1f} s) still held it")
                    holds.append((*key, event.at))
        if event.new is _S.SUCCEEDED:
            self.successes[key] += 1
        if event.new in (_S.FAILED, _S.TIMED_OUT) and event.old is _S.RUNNING:
            self.failures.append((event.plan_id, event.task_id, event.reason, event.robots))

    def double_bookings(self) -> list[str]:
        """Overlaps seen live plus any found in the closed intervals (sorted per robot)."""
        out = list(self.overlaps)
        for r, spans in self.intervals.items():
            spans = sorted(spans)
            for (s0, e0, t0), (s1, e1, t1) in zip(spans, spans[1:]):
                if s1 < e0 - 1e-9:
                    msg = f"{r}: {t1} [{s1:.1f}, {e1:.1f}] overlaps {t0} [{s0:.1f}, {e0:.1f}]"
                    if msg not in out:
                        out.append(msg)
        return out


class _NullActuator:
    """For restoring a finished run's journal: nothing to drive, no poses."""

    def set_listener(self, listener: Callable[[ActuatorEvent], None]) -> None:
        pass

    def start(self, goal: SkillGoal) -> None:
        raise AssertionError(f"a restored, finished run dispatched {goal.goal_id}")

    def cancel(self, goal_id: str) -> None:
        pass

    def stop_all(self) -> None:
        pass

    def robot_pose(self, robot_id: str) -> Pose2D | None:
        return None


# ---------------------------------------------------------------------------- the run
def _percentile(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    ys = sorted(xs)
    k = (len(ys) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return ys[lo] + (ys[hi] - ys[lo]) * (k - lo)


def _fault_kind(reason: str) -> str:
    if ROBOT_BREAKDOWN in reason:
        return "breakdown"
    if SKILL_FAILURE in reason:
        return "skill_failure"
    if "timed out" in reason:
        return "timeout"
    return "other"


def run_load(
    cfg: LoadConfig | None = None,
    fleet: Fleet | None = None,
    world: World | None = None,
    workdir: str | Path | None = None,
) -> LoadReport:
    """Run the load scenario and check its invariants; see the module docstring."""
    cfg = cfg or LoadConfig()
    base = fleet or load_fleet(default_fleet_path())
    world = world or load_world(default_world_path())
    fleet = spread_fleet(base, cfg.robots) if len(base.robots) != cfg.robots else base
    graphs = load_plans(cfg, fleet, world)
    faults = _faults(cfg, fleet)
    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="dart-load-")
        workdir = tmp.name
    journal_path = Path(workdir) / "load-journal.jsonl"
    journal_path.unlink(missing_ok=True)
    try:
        return _run(cfg, fleet, world, graphs, faults, journal_path)
    finally:
        if tmp is not None:
            tmp.cleanup()


def _run(
    cfg: LoadConfig, fleet: Fleet, world: World, graphs: list[TaskGraph], faults: FaultConfig, journal_path: Path
) -> LoadReport:
    sim = Simulation(fleet, world, seed=cfg.seed, faults=faults, dt=cfg.dt)
    act = _CheckingActuator(sim, fleet)
    monitor = BookingMonitor(fleet)
    kwargs: dict[str, Any] = {"clock": sim.clock, "max_retries": cfg.max_retries}
    engine = ExecutionEngine(fleet, world, act, journal=ExecutionJournal(journal_path, fsync=cfg.fsync), **kwargs)
    engine.subscribe(monitor)
    notes: list[str] = []
    t0 = time.perf_counter()
    submitted: list[str] = []
    for g in graphs:
        monitor.watch(g, g.plan_id)
        pid = engine.submit(g)
        if pid != g.plan_id:
            monitor.watch(g, pid)
        submitted.append(pid)
    restarts = 0
    restored_records = 0
    deadline = cfg.max_sim_time_s
    while not engine.all_finished() and sim.time < deadline:
        act.step()
        engine.tick()
        if cfg.restart_at_s is not None and restarts == 0 and sim.time >= cfg.restart_at_s:
            # The process dies: no close(), no goodbye; its goals keep running in the simulator
            # until the restored engine's new goals preempt them.
            engine = ExecutionEngine.restore(journal_path, fleet, world, act, observers=[monitor],
                                             fsync=cfg.fsync, **kwargs)
            restored_records = len(ExecutionJournal.read(journal_path).records)
            restarts = 1
    wall = time.perf_counter() - t0
    unfinished = [p for p in submitted if not engine.is_finished(p)]
    if unfinished:
        notes.append(f"{len(unfinished)} plan(s) still running after {deadline:.0f} s of simulated time")
    engine.close()

    lost = [f"{p}: never finished" for p in unfinished]
    lost += [f"{p}: unknown to the engine" for p in submitted if p not in engine.plans()]
    lost += [f"{p}: ended {engine.plan_outcome(p).value}" for p in submitted
             if p in engine.plans() and engine.is_finished(p) and engine.plan_outcome(p) not in _TERMINAL_PLAN]
    duplicates = [f"{p}/{t}: succeeded {n} times" for (p, t), n in monitor.successes.items() if n > 1]
    statuses = {p: engine.status(p) for p in submitted if p in engine.plans()}
    mismatches = _journal_mismatches(journal_path, fleet, world, statuses)
    for (p, t), state in monitor.final.items():  # the events agree with the engine's snapshot
        st = statuses.get(p)
        now = next((s.state for s in st.subtasks if s.task_id == t), None) if st else None
        if now is not None and now is not state:
            mismatches.append(f"{p}/{t}: events ended {state.value}, the engine says {now.value}")

    subtask_states: Counter[str] = Counter()
    for st in statuses.values():
        subtask_states.update(s.state.value for s in st.subtasks)
    plan_outcomes = Counter(engine.plan_outcome(p).value for p in statuses)

    snap = sim.snapshot()
    broken = sorted(r for r, st in snap.robots.items() if st.status.value != "ok")
    fault_counts: Counter[str] = Counter(
        breakdown=len(broken), skill_failure=act.failures[SKILL_FAILURE], restart=restarts
    )
    fault_outcomes: Counter[str] = Counter()
    hit: set[str] = set()
    for p, t, reason, robots in monitor.failures:
        if ROBOT_BREAKDOWN in reason:
            hit.update(robots)
        elif SKILL_FAILURE not in reason:
            fault_counts[_fault_kind(reason)] += 1  # timeouts and the like: consequences, counted too
        final = monitor.final.get((p, t))
        fault_outcomes["recovered" if final is _S.SUCCEEDED else "failed_with_reason"] += 1
    fault_outcomes["idle"] += len([r for r in broken if r not in hit])

    lat = monitor.latencies
    report = LoadReport(
        config=cfg,
        plans=len(submitted),
        subtasks=sum(len(g) for g in graphs),
        plan_outcomes=dict(plan_outcomes),
        subtask_states=dict(subtask_states),
        double_bookings=tuple(monitor.double_bookings()),
        lost_plans=tuple(lost),
        duplicate_successes=tuple(duplicates),
        journal_mismatches=tuple(mismatches),
        unsafe_goals=tuple(act.unsafe),
        faults=dict(fault_counts),
        fault_outcomes=dict(fault_outcomes),
        succeeded_subtasks=subtask_states.get(_S.SUCCEEDED.value, 0),
        dispatches=act.goals,
        wall_s=wall,
        sim_s=sim.time,
        dispatch_p50_s=statistics.median(lat) if lat else 0.0,
        dispatch_p95_s=_percentile(lat, 0.95),
        dispatch_max_s=max(lat) if lat else 0.0,
        collisions=len(snap.collisions),
        keepout_violations=len(snap.keepout_violations),
        geofence_violations=len(snap.geofence_violations),
        restored_records=restored_records,
        notes=tuple(notes),
    )
    return report


def _journal_mismatches(path: Path, fleet: Fleet, world: World, statuses: dict[str, Any]) -> list[str]:
    """Restore a copy of the journal into a fresh engine and compare every state."""
    out: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dart-load-check-") as d:
        copy = Path(d) / "journal.jsonl"
        shutil.copyfile(path, copy)
        try:
            again = ExecutionEngine.restore(copy, fleet, world, _NullActuator(), fsync=False)
        except Exception as exc:  # noqa: BLE001 - any failure to restore is the finding
            return [f"the journal does not restore: {type(exc).__name__}: {exc}"]
        try:
            for p, st in statuses.items():
                if p not in again.plans():
                    out.append(f"{p}: missing from the restored journal")
                    continue
                st2 = again.status(p)
                if st2.state is not st.state:
                    out.append(f"{p}: restored as {st2.state.value}, ended {st.state.value}")
                mine = {s.task_id: (s.state, s.robots, s.attempts) for s in st.subtasks}
                theirs = {s.task_id: (s.state, s.robots, s.attempts) for s in st2.subtasks}
                for t, v in mine.items():
                    if theirs.get(t) != v:
                        out.append(f"{p}/{t}: restored as {theirs.get(t)}, ended {v}")
        finally:
            again.close()
    return out
