"""How long parsing and validating a large plan takes, against plain ``json.loads``.

The baseline is what DART-LLM does with a reply (decode the JSON, nothing else); the ratio
says what full structural + semantic validation costs on top of that.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..core.fleet import Fleet
from ..core.plan import TaskGraph, load_plan_document
from ..core.validate import validate_plan
from ..core.world import World

__all__ = ["random_dart_plan", "ValidationBench", "bench_validation"]


def random_dart_plan(n: int, fleet: Fleet, world: World, seed: int = 0) -> dict:
    """A valid DART plan of ``n`` subtasks: navigation chains per robot with cross-robot joins."""
    rng = random.Random(seed)
    robots = list(fleet.robot_ids)
    objects = list(world.object_names)
    last_of: dict[str, str] = {}
    tasks = []
    for i in range(n):
        rid = rng.choice(robots)
        deps = {last_of[rid]} if rid in last_of else set()
        if i and rng.random() < 0.3:
            other = rng.choice(list(last_of.values()) or [None])
            if other is not None:
                deps.add(other)
        name = f"target_area_for_specific_robots_{i + 1}"
        tasks.append({"task": name, "instruction_function": {
            "name": "target_area_for_specific_robots", "robot_ids": [rid], "dependencies": sorted(deps),
            "object_keywords": [rng.choice(objects)]}})
        last_of[rid] = name
    return {"tasks": tasks}


@dataclass(frozen=True)
class ValidationBench:
    subtasks: int
    json_ms: float
    import_ms: float
    validate_ms: float
    errors: int

    @property
    def total_ms(self) -> float:
        return self.import_ms + self.validate_ms

    @property
    def ratio_to_json(self) -> float:
        return self.total_ms / self.json_ms if self.json_ms else float("inf")


def _median_ms(fn: Callable[..., object], arg: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(arg)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_validation(fleet: Fleet, world: World, sizes: tuple[int, ...] = (20, 100, 500), repeat: int = 5
                     ) -> list[ValidationBench]:
    rows = []
    for n in sizes:
        text = json.dumps(random_dart_plan(n, fleet, world, seed=n))
        graph: TaskGraph = load_plan_document(text)
        json_ms = _median_ms(json.loads, text, repeat)
        import_ms = _median_ms(load_plan_document, text, repeat)
        validate_ms = _median_ms(lambda g: validate_plan(g, fleet, world), graph, repeat)
        errors = len(validate_plan(graph, fleet, world).errors)
        rows.append(ValidationBench(n, json_ms, import_ms, validate_ms, errors))
    return rows
