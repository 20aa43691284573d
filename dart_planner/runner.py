"""Plan -> allocate -> execute in the built-in simulator, in one call.

This is the main job of the ``dart-planner run`` command and of the planning benchmark's
execution check: the real execution engine drives the real simulator through the same
``Actuator`` interface ROS actuation nodes implement; only the clock is simulated, so a
run finishes far faster than real time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .core.allocate import allocate
from .core.execute import ExecutionEngine, ExecutionJournal, PlanState, PlanStatus
from .core.fleet import Fleet
from .core.plan import TaskGraph
from .core.refill import add_refills
from .core.schedule import Schedule
from .core.world import World
from .sim import Simulation
from .sim.actuator import SimActuator
from .sim.faults import FaultConfig
from .sim.state import SiteState

__all__ = ["RunOptions", "RunResult", "run_in_sim", "write_run_report"]


@dataclass(frozen=True)
class RunOptions:
    policy: str = "heuristic"
    seed: int = 0
    faults: FaultConfig | None = None
    max_sim_time_s: float = 3600.0
    """A plan still running after this much simulated time ends the run as unfinished."""
    dt: float = 0.1
    journal: Path | None = None
    max_retries: int = 1
    gif: Path | None = None
    """Also record an animated GIF of the run here."""


@dataclass
class RunResult:
    graph: TaskGraph
    schedule: Schedule
    status: PlanStatus
    final: SiteState
    wall_s: float
    finished: bool
    engine: ExecutionEngine = field(repr=False)
    sim: Simulation = field(repr=False)
    notes: tuple[str, ...] = ()
    """What was added to the plan to execute it (refill digs, :func:`~dart_planner.core.refill.add_refills`)."""

    @property
    def succeeded(self) -> bool:
        return self.finished and self.status.state is PlanState.SUCCEEDED

    @property
    def sim_time_s(self) -> float:
        return self.final.time

    @property
    def speedup(self) -> float:
        return self.sim_time_s / self.wall_s if self.wall_s > 0 else float("inf")

    def actual_intervals(self) -> dict[str, tuple[tuple[str, ...], float, float]]:
        """Executed (robots, start, finish) per subtask that started and finished."""
        return {
            s.task_id: (s.robots, s.started_at, s.finished_at)
            for s in self.status.subtasks
            if s.started_at is not None and s.finished_at is not None
        }

    def report(self) -> dict[str, Any]:
        snap = self.final
        return {
            "schema": "dart_planner/run_report@1",
            "plan_id": self.graph.plan_id,
            "instruction": self.graph.instruction,
            "outcome": self.status.state.value,
            "notes": list(self.notes),
            "finished": self.finished,
            "policy": self.schedule.policy,
            "planned_makespan_s": self.schedule.makespan,
            "lower_bound_s": self.schedule.lower_bound,
            "actual_makespan_s": _actual_makespan(self.status),
            "sim_time_s": self.sim_time_s,
            "wall_s": self.wall_s,
            "speedup": self.speedup,
            "subtasks": [
                {k: v for k, v in s.to_dict().items() if k != "history"}
                | {"planned_start": _planned(self.schedule, s.task_id, "start"),
                   "planned_finish": _planned(self.schedule, s.task_id, "finish")}
                for s in self.status.subtasks
            ],
            "site": {
                "piles_m3": dict(snap.piles),
                "dumped_m3": dict(snap.dumped),
                "keepout_violations": len(snap.keepout_violations),
                "geofence_violations": len(snap.geofence_violations),
                "collisions": len(snap.collisions),
                "robots": {rid: {"x": round(r.pose.x, 2), "y": round(r.pose.y, 2), "payload_m3": r.payload,
                                 "status": r.status.value}
                           for rid, r in snap.robots.items()},
            },
        }


def _planned(schedule: Schedule, task_id: str, key: str) -> float | None:
    a = schedule.assignments.get(task_id)
    return None if a is None else float(getattr(a, key))


def _actual_makespan(status: PlanStatus) -> float | None:
    ends = [s.finished_at for s in status.subtasks if s.finished_at is not None]
    return max(ends) - status.submitted_at if ends else None


def run_in_sim(
    graph: TaskGraph,
    fleet: Fleet,
    world: World,
    options: RunOptions | None = None,
    on_step: Callable[[ExecutionEngine, Simulation], None] | None = None,
    step_every: int = 10,
) -> RunResult:
    """Allocate ``graph`` and execute it in a fresh simulation until it finishes.

    ``on_step`` is called every ``step_every`` simulation steps (progress display).
    Invalid plans raise PlanValidationError before anything moves; allocation failures
    raise AllocationError. ``RunResult.graph`` is the plan as executed: with the refill digs
    the engine's submit adds (``RunResult.notes``, the same as ``PlanStatus.notes``); they are
    added here too, before allocating, so the schedule covers them.
    """
    opts = options or RunOptions()
    sim = Simulation(fleet, world, seed=opts.seed, faults=opts.faults, dt=opts.dt)
    actuator = SimActuator(sim)
    journal = ExecutionJournal(opts.journal) if opts.journal else None
    engine = ExecutionEngine(fleet, world, actuator, journal=journal, clock=lambda: sim.time,
                             max_retries=opts.max_retries)
    executed, _ = add_refills(graph, fleet)  # the schedule must cover the refill digs submit adds
    schedule = allocate(executed, fleet, world, policy=opts.policy)
    recorder = None
    if opts.gif is not None:
        from .sim.render import GifRecorder

        recorder = GifRecorder(world, every_s=1.0)
    t0 = time.perf_counter()
    plan_id = engine.submit(graph, schedule)
    engine.tick()
    steps = 0
    deadline = sim.time + opts.max_sim_time_s
    while not engine.is_finished(plan_id) and sim.time < deadline:
        actuator.step()
        engine.tick()
        steps += 1
        if recorder is not None:
            recorder.poll(sim)
        if on_step is not None and steps % step_every == 0:
            on_step(engine, sim)
    wall = time.perf_counter() - t0
    finished = engine.is_finished(plan_id)
    if not finished:
        engine.cancel(plan_id, reason=f"run exceeded {opts.max_sim_time_s:.0f} s of simulated time")
    if on_step is not None:
        on_step(engine, sim)
    if recorder is not None and opts.gif is not None:
        recorder.save(opts.gif)
    status = engine.status(plan_id)
    result = RunResult(executed, engine.schedule(plan_id), status, sim.snapshot(), wall, finished,
                       engine, sim, status.notes)
    engine.close()
    return result


def write_run_report(result: RunResult, out_dir: str | Path, world: World) -> dict[str, Path]:
    """Write report.json, a planned-vs-actual Gantt, the DAG and the final site render."""
    from .sim.render import render_png
    from .viz.dag_png import render_dag_png
    from .viz.gantt import render_gantt

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "report": out / "report.json",
        "gantt": out / "gantt.png",
        "dag": out / "dag.png",
        "site": out / "site.png",
    }
    paths["report"].write_text(json.dumps(result.report(), indent=2, allow_nan=False) + "\n")
    render_gantt(result.schedule, paths["gantt"], actual=result.actual_intervals(),
                 title=f"{result.graph.plan_id}: planned vs actual")
    render_dag_png(result.graph, paths["dag"], title=result.graph.instruction or None)
    render_png(result.final, paths["site"], world)
    return paths
