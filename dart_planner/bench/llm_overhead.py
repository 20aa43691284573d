"""What the language layer adds to a model call: prompt build, parse, validate (target < 5 ms).

A 20-subtask plan (four excavator/truck crews: drive, dig, load, haul, dump, with the crews
chained on shared robots) is answered instantly by a scripted backend, so the measured time
of :func:`~dart_planner.llm.pipeline.plan_instruction` minus the backend's own time is pure
overhead. The parts are also timed one by one. The baseline, measured in the same run, is
what DART-LLM does with a reply: ``json.loads`` of the text (no schema, no validation).

Run: ``python -m dart_planner.bench.llm_overhead [--subtasks 20] [--repeats 200]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from ..core.fleet import Fleet, load_fleet
from ..core.plan import TaskGraph
from ..core.validate import validate_plan
from ..core.world import World, load_world
from ..llm.config import LLMConfig
from ..llm.contract import check_contract
from ..llm.parse import parse_plan_reply
from ..llm.pipeline import plan_instruction
from ..llm.prompt import PromptBuilder, canonical_plan_json
from ..llm.replay_backend import ScriptedBackend
from ..llm.schema import plan_schema
from ..resources import default_fleet_path, default_world_path

__all__ = ["crew_plan", "OverheadBench", "bench_llm_overhead", "main"]

INSTRUCTION = (
    "Four crews in turn: each excavator and dump truck drive to the soil, the excavator digs and loads "
    "the truck, the truck hauls the load to the rock and dumps it there."
)


def crew_plan(n: int, fleet: Fleet, world: World) -> TaskGraph:
    """A valid ``n``-subtask plan in repeating 5-step crews (move both, dig, load, haul, dump)."""
    excavators = [r.id for r in fleet.robots if "Excavation" in r.skills]
    trucks = [r.id for r in fleet.robots if "DumpUnloading" in r.skills]
    soils = [o.name for o in world.objects.values() if o.kind == "soil"] or list(world.object_names)
    dumps = [o.name for o in world.objects.values() if o.kind == "rock"] or list(world.object_names)
    tasks: list[dict[str, Any]] = []
    last: dict[str, str] = {}
    crew = 0
    while len(tasks) < n:
        exc, truck = excavators[crew % len(excavators)], trucks[crew % len(trucks)]
        k = crew + 1

        def add(name: str, skill: str, robots: list[str], deps: list[str], objs: list[str]) -> None:
            if len(tasks) < n:
                tasks.append(
                    {
                        "task": name,
                        "instruction_function": {
                            "name": skill,
                            "robot_ids": robots,
                            "robot_type": [],
                            "robot_count": [],
                            "dependencies": [d for d in deps if d],
                            "object_keywords": objs,
                        },
                    }
                )

        prior = sorted({last.get(exc, ""), last.get(truck, "")} - {""})
        add(
            f"target_area_for_specific_robots_{2 * k - 1}",
            "target_area_for_specific_robots",
            [exc, truck],
            prior,
            [soils[crew % len(soils)]],
        )
        add(f"Excavation_{k}", "Excavation", [exc], [f"target_area_for_specific_robots_{2 * k - 1}"], [])
        add(f"ExcavatorUnloading_{k}", "ExcavatorUnloading", [exc], [f"Excavation_{k}"], [])
        add(
            f"target_area_for_specific_robots_{2 * k}",
            "target_area_for_specific_robots",
            [truck],
            [f"ExcavatorUnloading_{k}"],
            [dumps[crew % len(dumps)]],
        )
        add(f"DumpUnloading_{k}", "DumpUnloading", [truck], [f"target_area_for_specific_robots_{2 * k}"], [])
        last[exc], last[truck] = f"ExcavatorUnloading_{k}", f"DumpUnloading_{k}"
        crew += 1
    return TaskGraph.from_dart({"tasks": tasks}, instruction=INSTRUCTION)


@dataclass(frozen=True)
class OverheadBench:
    subtasks: int
    repeats: int
    prompt_ms: float
    schema_ms: float
    parse_ms: float
    validate_ms: float
    pipeline_overhead_ms: float
    pipeline_overhead_p95_ms: float
    baseline_json_ms: float
    prompt_chars: int
    reply_chars: int

    @property
    def ratio_to_baseline(self) -> float:
        return self.pipeline_overhead_ms / self.baseline_json_ms if self.baseline_json_ms else float("inf")

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio_to_baseline": self.ratio_to_baseline}


def _times_ms(fn: Callable[[], object], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_llm_overhead(
    fleet: Fleet | None = None,
    world: World | None = None,
    *,
    subtasks: int = 20,
    repeats: int = 200,
    config: LLMConfig | None = None,
) -> OverheadBench:
    """Median (and p95 for the whole pipeline) milliseconds of each step, over ``repeats`` runs."""
    fleet = fleet or load_fleet(default_fleet_path())
    world = world or load_world(default_world_path())
    cfg = config or LLMConfig()
    builder = PromptBuilder.from_config(cfg, fleet, world)  # loaded once, as LLMPlanner does
    graph = crew_plan(subtasks, fleet, world)
    reply = canonical_plan_json(graph)
    if not validate_plan(graph, fleet, world).ok:
        raise AssertionError("the benchmark plan must be valid")
    backend = ScriptedBackend([reply], repeat_last=True)
    parsed = parse_plan_reply(reply)

    def pipeline_overhead() -> float:
        r = plan_instruction(INSTRUCTION, fleet, world, backend, prompt=builder, config=cfg)
        if len(r.graph) != subtasks:
            raise AssertionError("pipeline returned a different plan")
        return r.overhead_s * 1000

    for _ in range(5):  # warm caches (regex, networkx imports) before timing
        pipeline_overhead()
    overhead = sorted(pipeline_overhead() for _ in range(repeats))
    med = statistics.median
    return OverheadBench(
        subtasks=subtasks,
        repeats=repeats,
        prompt_ms=med(_times_ms(lambda: builder.messages(INSTRUCTION, fleet, world), repeats)),
        schema_ms=med(_times_ms(lambda: plan_schema(fleet, world), repeats)),
        parse_ms=med(_times_ms(lambda: parse_plan_reply(reply), repeats)),
        validate_ms=med(
            _times_ms(
                lambda: (validate_plan(parsed.graph, fleet, world), check_contract(parsed.graph, world)),
                repeats,
            )
        ),
        pipeline_overhead_ms=med(overhead),
        pipeline_overhead_p95_ms=overhead[min(len(overhead) - 1, int(0.95 * len(overhead)))],
        baseline_json_ms=med(_times_ms(lambda: json.loads(reply), repeats)),
        prompt_chars=sum(len(m["content"]) for m in builder.messages(INSTRUCTION, fleet, world)),
        reply_chars=len(reply),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--subtasks", type=int, default=20)
    ap.add_argument("--repeats", type=int, default=200)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    r = bench_llm_overhead(subtasks=args.subtasks, repeats=args.repeats)
    if args.json:
        print(json.dumps(r.to_dict()))
        return 0
    print(f"language-layer overhead for a {r.subtasks}-subtask plan (median of {r.repeats}):")
    print(f"  prompt build   {r.prompt_ms:8.3f} ms  ({r.prompt_chars} characters, examples included)")
    print(f"  schema         {r.schema_ms:8.3f} ms")
    print(f"  parse          {r.parse_ms:8.3f} ms  ({r.reply_chars} characters)")
    print(f"  validate       {r.validate_ms:8.3f} ms")
    print(
        f"  whole pipeline {r.pipeline_overhead_ms:8.3f} ms  (p95 {r.pipeline_overhead_p95_ms:.3f} ms; target < 5 ms)"
    )
    print(f"  baseline json.loads {r.baseline_json_ms:.3f} ms -> ratio {r.ratio_to_baseline:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
