"""Seeded random allocation instances: a fleet, a site and a plan that look like the domain.

Used by the benchmark and the property tests. Plans are built from *jobs* the DART-LLM
examples are made of: excavate-and-haul chains (excavator and truck drive to soil, dig,
load the truck, the truck drives off and dumps), inspections (a robot drives to an object,
sometimes followed by "everyone avoid it"), explicit-robot errands and two-robot moves.
Jobs hang off earlier tasks at random, so the DAG has both chains and parallel branches,
type+count tasks (the allocator's free choices), multi-robot tasks and keep-out changes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from ..fleet import Fleet, Robot, SkillSpec, load_fleet
from ..geometry import Pose2D
from ..plan import Subtask, TaskGraph
from ..world import Bounds, KeepOutZone, World, WorldObject

__all__ = ["random_instance", "random_fleet", "random_world", "random_plan", "default_skills"]


@lru_cache(maxsize=1)
def default_skills() -> dict[str, SkillSpec]:
    from ...resources import default_fleet_path

    return dict(load_fleet(default_fleet_path()).skills)


def random_fleet(rng: np.random.Generator, n_robots: int, half: float) -> Fleet:
    """``n_robots`` robots, at least one excavator and one truck when n >= 2."""
    skills = default_skills()
    n_exc = int(np.clip(round(n_robots * rng.uniform(0.3, 0.7)), 1, n_robots - 1)) if n_robots >= 2 else 1
    robots = []
    for i in range(n_robots):
        rtype = "excavator" if i < n_exc else "dump_truck"
        num = i + 1 if rtype == "excavator" else i - n_exc + 1
        speed = float(rng.uniform(0.6, 1.0) if rtype == "excavator" else rng.uniform(1.5, 2.5))
        x, y = (float(v) for v in rng.uniform(-half * 0.9, half * 0.9, size=2))
        robots.append(
            Robot(
                id=f"robot_{rtype}_{num:02d}",
                type=rtype,
                namespace=f"robot_{rtype}_{num:02d}",
                start=Pose2D(x, y),
                max_speed=speed,
                max_turn_rate=1.0,
                skills=frozenset(s.name for s in skills.values() if rtype in s.robot_types),
            )
        )
    return Fleet(tuple(robots), skills)


def random_world(rng: np.random.Generator, n_objects: int, half: float, n_zones: int) -> World:
    kinds = ["soil", "soil", "dump_site", "puddle", "obstacle", "rock"]
    objects: dict[str, WorldObject] = {}
    counters: dict[str, int] = {}
    for _ in range(n_objects):
        kind = kinds[int(rng.integers(len(kinds)))]
        counters[kind] = counters.get(kind, 0) + 1
        name = f"{kind}{counters[kind]}"
        x, y = (float(v) for v in rng.uniform(-half * 0.85, half * 0.85, size=2))
        objects[name] = WorldObject(name, kind, x, y, float(rng.uniform(1.0, 3.0)), volume=30.0)
    zones = []
    for k in range(n_zones):  # fenced ponds nobody targets
        x, y = (float(v) for v in rng.uniform(-half * 0.6, half * 0.6, size=2))
        zones.append(KeepOutZone(f"pond{k + 1}", x, y, float(rng.uniform(2.0, 5.0))))
    return World(objects, tuple(zones), Bounds(-half, -half, half, half))


def random_plan(rng: np.random.Generator, n_tasks: int, fleet: Fleet, world: World) -> TaskGraph:
    """A plan of ``n_tasks`` subtasks (see module docstring)."""
    n_exc = len(fleet.of_type("excavator"))
    n_trk = len(fleet.of_type("dump_truck"))
    names = list(world.object_names)
    by_kind: dict[str, list[str]] = {}
    for o in world.objects.values():
        by_kind.setdefault(o.kind, []).append(o.name)
    soils = by_kind.get("soil") or names
    dumps = by_kind.get("dump_site") or names
    tasks: list[Subtask] = []

    def add(skill: str, deps: list[str], obj: str | None = None, robots: dict[str, Any] | None = None) -> str:
        tid = f"{skill}_{len(tasks) + 1}"
        tasks.append(
            Subtask(
                tid, skill, object_keywords=(obj,) if obj else (), dependencies=tuple(deps), **(robots or {})
            )
        )
        return tid

    def typed(*pairs: tuple[str, int]) -> dict[str, tuple[Any, ...]]:
        return {"robot_type": tuple(t for t, _ in pairs), "robot_count": tuple(c for _, c in pairs)}

    def pick(seq: list[str]) -> str:
        return seq[int(rng.integers(len(seq)))]

    while len(tasks) < n_tasks:
        roots: list[str] = []
        if tasks and rng.random() < 0.45:
            k = 1 + int(rng.random() < 0.3)
            roots = sorted({tasks[int(rng.integers(len(tasks)))].id for _ in range(k)})
        job = rng.random()
        if job < 0.4 and n_trk:  # excavate and haul
            soil = pick(soils)
            if rng.random() < 0.5:
                go = [
                    add(
                        "target_area_for_specific_robots",
                        roots,
                        soil,
                        robots=typed(("excavator", 1), ("dump_truck", 1)),
                    )
                ]
            else:
                go = [
                    add("target_area_for_specific_robots", roots, soil, robots=typed(("excavator", 1))),
                    add("target_area_for_specific_robots", roots, soil, robots=typed(("dump_truck", 1))),
                ]
            dig = add("Excavation", go[:1], robots=typed(("excavator", 1)))
            load = add("ExcavatorUnloading", [dig, *go[1:]], robots=typed(("excavator", 1)))
            haul = add(
                "target_area_for_specific_robots", [load], pick(dumps), robots=typed(("dump_truck", 1))
            )
            add("DumpUnloading", [haul], robots=typed(("dump_truck", 1)))
        elif job < 0.65:  # inspection, sometimes fenced off afterwards
            rtype = "dump_truck" if n_trk and rng.random() < 0.6 else "excavator"
            obj = pick(names)
            go1 = add("target_area_for_specific_robots", roots, obj, robots=typed((rtype, 1)))
            if rng.random() < 0.25:
                add("avoid_areas_for_all_robots", [go1], obj)
        elif job < 0.85:  # an errand for a named robot
            robot = fleet.robots[int(rng.integers(len(fleet.robots)))]
            go1 = add(
                "target_area_for_specific_robots", roots, pick(names), robots={"robot_ids": (robot.id,)}
            )
            if robot.type == "excavator" and rng.random() < 0.5:
                add("Excavation", [go1], robots={"robot_ids": (robot.id,)})
        elif job < 0.97:  # two robots of a type move together
            rtype = "excavator" if n_exc >= 2 and (n_trk < 2 or rng.random() < 0.5) else "dump_truck"
            count = 2 if len(fleet.of_type(rtype)) >= 2 else 1
            add("target_area_for_specific_robots", roots, pick(names), robots=typed((rtype, count)))
        elif n_tasks <= 40:  # rare: the whole fleet returns
            add("return_to_start_for_all_robots", roots or ([tasks[-1].id] if tasks else []))
    # dependencies always point backwards, so cutting the tail leaves no dangling edge
    return TaskGraph(tuple(tasks[:n_tasks]))


def random_instance(
    seed: int, n_tasks: int, n_robots: int, n_zones: int | None = None
) -> tuple[TaskGraph, Fleet, World]:
    """A reproducible (plan, fleet, world) of the given size."""
    rng = np.random.default_rng(seed)
    half = 30.0 if n_tasks <= 60 and n_robots <= 12 else 60.0
    fleet = random_fleet(rng, n_robots, half)
    zones = int(rng.integers(0, 3)) if n_zones is None else n_zones
    world = random_world(rng, int(np.clip(n_tasks // 4, 5, 40)), half, zones)
    return random_plan(rng, n_tasks, fleet, world), fleet, world
