"""How much faster than real time the built-in simulator runs.

Workload: the shipped fleet (6 robots) kept busy for ``sim_seconds``: whenever a robot is
idle it gets a seeded random goal (mostly driving to an object across the site, sometimes
returning to start), so paths are planned, robots meet and yield, and every robot moves
nearly all the time: the expensive case. Baseline measured in the same run: the same
number of steps with the fleet standing idle (the fixed per-step cost). The speed-up is
simulated seconds per wall-clock second; the issue's target is >= 50x.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass

from ..core.actuation import GoalStatus, SkillGoal, SkillResult
from ..core.fleet import Fleet, SkillAction, load_fleet
from ..core.world import World, load_world
from ..resources import default_fleet_path, default_world_path
from ..sim.simulation import Simulation

__all__ = ["SimSpeedReport", "measure_sim_speed", "sim_speedup", "main"]


@dataclass(frozen=True)
class SimSpeedReport:
    robots: int
    dt: float
    sim_seconds: float
    steps: int
    wall_s: float
    speedup: float
    """Simulated / wall-clock seconds with every robot busy."""
    idle_wall_s: float
    idle_speedup: float
    """The same number of steps with the fleet idle (baseline: fixed per-step cost)."""
    goals: int
    goals_succeeded: int
    collisions: int
    keepout_violations: int

    @property
    def busy_to_idle_cost(self) -> float:
        """How many times an idle step's cost a busy step costs."""
        return self.wall_s / self.idle_wall_s if self.idle_wall_s > 0 else float("inf")


def measure_sim_speed(
    sim_seconds: float = 600.0,
    dt: float = 0.1,
    seed: int = 0,
    fleet: Fleet | None = None,
    world: World | None = None,
) -> SimSpeedReport:
    fleet = fleet or load_fleet(default_fleet_path())
    world = world or load_world(default_world_path())
    rng = random.Random(seed)
    objects = sorted(world.objects)
    nav = next((s for s in fleet.skills.values() if s.action is SkillAction.NAVIGATE), None)
    home = next((s for s in fleet.skills.values() if s.action is SkillAction.RETURN_TO_START), None)

    sim = Simulation(fleet, world, seed=seed, dt=dt)
    active: dict[str, str] = {}
    goals = succeeded = 0
    t0 = time.perf_counter()
    while sim.time < sim_seconds - 1e-9:
        for robot in fleet.robots:
            if robot.id in active:
                continue
            goals += 1
            gid = f"bench{goals}"
            if home is not None and rng.random() < 0.15:
                goal = SkillGoal(gid, "bench", gid, robot.id, home.name, SkillAction.RETURN_TO_START)
            else:
                name = nav.name if nav is not None else "navigate"
                target = rng.choice(objects)
                goal = SkillGoal(gid, "bench", gid, robot.id, name, SkillAction.NAVIGATE, target=target)
            active[robot.id] = gid
            sim.start_skill(goal)
        for event in sim.step():
            if isinstance(event, SkillResult) and event.robot_id in active:
                del active[event.robot_id]
                succeeded += event.status is GoalStatus.SUCCEEDED
    wall = time.perf_counter() - t0
    steps = round(sim.time / dt)
    snap = sim.snapshot()

    idle = Simulation(fleet, world, seed=seed, dt=dt)
    t0 = time.perf_counter()
    for _ in range(steps):
        idle.step()
    idle_wall = time.perf_counter() - t0
    return SimSpeedReport(
        robots=len(fleet.robots), dt=dt, sim_seconds=sim.time, steps=steps, wall_s=wall,
        speedup=sim.time / wall if wall > 0 else float("inf"), idle_wall_s=idle_wall,
        idle_speedup=idle.time / idle_wall if idle_wall > 0 else float("inf"), goals=goals,
        goals_succeeded=succeeded, collisions=len(snap.collisions),
        keepout_violations=len(snap.keepout_violations),
    )


def sim_speedup(sim_seconds: float = 600.0, dt: float = 0.1, seed: int = 0) -> float:
    """Measured simulated-seconds per wall-clock second, whole fleet busy (target >= 50)."""
    return measure_sim_speed(sim_seconds, dt, seed).speedup


def main(argv: list[str] | None = None) -> int:
    """``python -m dart_planner.bench.sim_speed [SIM_SECONDS]``: print the report as JSON."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    report = measure_sim_speed(float(args[0]) if args else 600.0)
    print(json.dumps({**asdict(report), "busy_to_idle_cost": report.busy_to_idle_cost}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
