"""End to end at scale: a random plan of N subtasks on R robots, allocated and executed in
the simulator by the real engine, against the plan's own allocated makespan.

``python -m dart_planner.bench.run_scale [SUBTASKS] [ROBOTS] [SEED]`` prints JSON: whether
every subtask succeeded, planned vs executed makespan, simulated and wall time and the
speed-up over real time, plus site safety counters.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass

from ..core.allocation.random_instances import random_instance
from ..runner import RunOptions, run_in_sim

__all__ = ["RunScale", "bench_run_scale", "main"]


@dataclass(frozen=True)
class RunScale:
    subtasks: int
    robots: int
    seed: int
    succeeded: bool
    states: dict[str, int]
    planned_makespan_s: float
    executed_makespan_s: float | None
    sim_time_s: float
    wall_s: float
    allocate_and_submit_s: float
    speedup: float
    collisions: int
    keepout_violations: int


def bench_run_scale(subtasks: int = 200, robots: int = 20, seed: int = 0) -> RunScale:
    graph, fleet, world = random_instance(seed, subtasks, robots)
    t0 = time.perf_counter()
    result = run_in_sim(graph, fleet, world, RunOptions(seed=seed, max_sim_time_s=6 * 3600.0))
    wall = time.perf_counter() - t0
    report = result.report()
    states: dict[str, int] = {}
    for s in result.status.subtasks:
        states[s.state.value] = states.get(s.state.value, 0) + 1
    return RunScale(
        subtasks=len(graph), robots=len(fleet.robots), seed=seed, succeeded=result.succeeded, states=states,
        planned_makespan_s=result.schedule.makespan, executed_makespan_s=report["actual_makespan_s"],
        sim_time_s=result.sim_time_s, wall_s=wall, allocate_and_submit_s=wall - result.wall_s,
        speedup=result.speedup, collisions=len(result.final.collisions),
        keepout_violations=len(result.final.keepout_violations),
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 200
    r = int(args[1]) if len(args) > 1 else 20
    seed = int(args[2]) if len(args) > 2 else 0
    print(json.dumps(asdict(bench_run_scale(n, r, seed)), indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
