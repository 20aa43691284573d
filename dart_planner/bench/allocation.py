"""Allocation benchmark: makespan of each policy against the exact optimum, the lower bound and
DART-LLM's policy, all measured in the same run.

Suites
------
``small``
    Seeded random plans of 5..12 subtasks on 2..6 robots, small enough for the exact solver
    to prove the optimum, so the heuristic's gap to the optimum is measured, not guessed.
``scale``
    Seeded random plans of 50..1,000 subtasks on 10..100 robots: wall time and ratio to the
    lower bound and to the baseline (the exact solver is out of reach there).
``examples``
    The shipped example plans (``config/examples``) as written.
``examples-free``
    The L2/L3 examples with every named robot replaced by its type and count, i.e. the plan
    the LLM writes when the instruction names no robot. This is where DART-LLM's "first N
    idle robots of the type" policy (the idle flag is never updated, so always the first N
    ids) puts parallel crews on the same robots.
``dataset``
    The L2/L3 gold plans of ``bench/data/planning.jsonl`` that leave robot choice to the
    allocator (full runs only).

Ratios are makespan / reference, so below 1 is better than the reference; "shorter than
baseline" is ``1 - makespan / baseline_makespan``. Every schedule is also checked with
:func:`~dart_planner.core.allocation.verify.verify_schedule` (column ``brk``: rules broken,
soil carrying and partners included), so a short makespan bought by breaking a rule shows.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import typer

from ..core.allocation.baseline import DartBaselineAllocator
from ..core.allocation.exact import ExactAllocator
from ..core.allocation.heuristic import HeuristicAllocator
from ..core.allocation.model import build_problem
from ..core.allocation.random_instances import random_instance
from ..core.allocation.verify import verify_schedule
from ..core.fleet import Fleet, SkillScope, load_fleet
from ..core.plan import TaskGraph, load_plan_document
from ..core.world import World, load_world

__all__ = [
    "AllocationRow",
    "PolicySummary",
    "run_allocation_benchmark",
    "summarize",
    "free_choice_variant",
    "free_choice_gain",
    "headline",
    "bench_allocation",
]

SMALL_FULL = ((5, 2), (6, 3), (8, 3), (8, 4), (10, 4), (10, 5), (12, 5), (12, 6))
SMALL_QUICK = ((6, 3), (8, 4), (12, 6))
SCALE_FULL = ((50, 10), (200, 30), (500, 60), (1000, 100))
SCALE_QUICK = ((50, 10), (1000, 100))


@dataclass(frozen=True)
class AllocationRow:
    """One policy on one instance."""

    suite: str
    instance: str
    level: str
    tasks: int
    robots: int
    policy: str
    makespan: float
    lower_bound: float
    baseline: float
    """dart_baseline's makespan on the same instance."""
    optimum: float | None
    """The proven optimum, when the exact solver finished in time."""
    optimal: bool | None
    wall_s: float
    free_choice: bool = False
    """The plan has type+count subtasks (robot choice left to the allocator)."""
    violations: int = 0
    """Rules the schedule breaks (:func:`verify_schedule` messages); 0 for a valid one."""

    @property
    def ratio_opt(self) -> float | None:
        return self.makespan / self.optimum if self.optimum else None

    @property
    def ratio_lb(self) -> float:
        return self.makespan / self.lower_bound if self.lower_bound > 0 else 1.0

    @property
    def ratio_baseline(self) -> float:
        return self.makespan / self.baseline if self.baseline > 0 else 1.0


@dataclass(frozen=True)
class PolicySummary:
    suite: str
    policy: str
    instances: int
    solved: int
    mean_ratio_opt: float | None
    p95_ratio_opt: float | None
    max_ratio_opt: float | None
    mean_ratio_lb: float
    p95_ratio_lb: float
    mean_ratio_baseline: float
    mean_shorter_than_baseline: float
    mean_wall_s: float
    max_wall_s: float
    violations: int = 0
    """Rules broken, summed over the instances."""


def free_choice_variant(graph: TaskGraph, fleet: Fleet) -> TaskGraph:
    """The plan with every named robot replaced by its type and count (see module doc)."""
    subs = []
    for s in graph.subtasks:
        spec = fleet.skills.get(s.skill)
        if s.robot_ids and spec is not None and spec.scope is SkillScope.SPECIFIC:
            counts = Counter(fleet.robot(r).type for r in s.robot_ids if fleet.has_robot(r))
            s = replace(s, robot_ids=(), robot_type=tuple(counts), robot_count=tuple(counts.values()))
        subs.append(s)
    return replace(graph, subtasks=tuple(subs))


def _run_instance(
    suite: str,
    name: str,
    level: str,
    graph: TaskGraph,
    fleet: Fleet,
    world: World,
    policies: Sequence[str],
    time_limit_s: float,
) -> list[AllocationRow]:
    allocators: dict[str, Any] = {
        "dart_baseline": DartBaselineAllocator(),
        "heuristic": HeuristicAllocator(),
        "exact": ExactAllocator(time_limit_s=time_limit_s),
    }
    results = {}
    for policy in ("dart_baseline", *[p for p in policies if p != "dart_baseline"]):
        t0 = time.perf_counter()
        problem = build_problem(graph, fleet, world)  # each policy pays for its own model build
        results[policy] = allocators[policy].allocate_problem(problem, t0)
    exact = results.get("exact")
    optimum = exact.makespan if exact is not None and exact.optimal else None
    base = results["dart_baseline"].makespan
    return [
        AllocationRow(
            suite=suite,
            instance=name,
            level=level,
            tasks=len(graph),
            robots=len(fleet.robots),
            policy=policy,
            makespan=s.makespan,
            lower_bound=s.lower_bound,
            baseline=base,
            optimum=optimum,
            optimal=s.optimal,
            wall_s=s.wall_time_s,
            free_choice=any(t.robot_type for t in graph.subtasks),
            violations=len(verify_schedule(s, graph, fleet, world)),
        )
        for policy, s in results.items()
    ]


def _examples(examples_dir: Path | None) -> list[tuple[str, str, TaskGraph]]:
    from ..resources import examples_dir as default_examples

    folder = examples_dir or default_examples()
    out = []
    for path in sorted(Path(folder).glob("*.json")):
        doc = json.loads(path.read_text())
        level = str(doc.get("level", "")) if isinstance(doc, dict) else ""
        out.append((path.stem, level, load_plan_document(doc)))
    return out


def _dataset_plans(path: Path | None = None) -> list[tuple[str, str, TaskGraph]]:
    """L2/L3 gold plans of the planning benchmark that leave robot choice to the allocator."""
    from .planning import default_data_path

    out = []
    for line in Path(path or default_data_path()).read_text().splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        graph = load_plan_document(doc["plan"])
        if doc.get("level") in ("L2", "L3") and any(s.robot_type for s in graph.subtasks):
            out.append((str(doc["id"]), str(doc["level"]), graph))
    return out


def run_allocation_benchmark(
    quick: bool = False,
    seed: int = 0,
    time_limit_s: float = 10.0,
    fleet: Fleet | None = None,
    world: World | None = None,
    examples_dir: Path | None = None,
    suites: Iterable[str] = ("small", "scale", "examples", "examples-free", "dataset"),
) -> list[AllocationRow]:
    """Run the suites and return one row per (instance, policy).

    ``quick`` keeps the whole run under about a minute on two cores (CI smoke): fewer and
    smaller exact instances, one seed per scale size.
    """
    from ..resources import default_fleet_path, default_world_path

    fleet = fleet or load_fleet(default_fleet_path())
    world = world or load_world(default_world_path())
    suites = tuple(suites)
    rows: list[AllocationRow] = []
    all_policies = ("dart_baseline", "heuristic", "exact")
    if "small" in suites:
        seeds = 2 if quick else 6
        limit = min(time_limit_s, 5.0) if quick else time_limit_s
        for n, r in SMALL_QUICK if quick else SMALL_FULL:
            for k in range(seeds):
                g, f, w = random_instance(seed * 100_003 + n * 1_000 + r * 10 + k, n, r)
                rows += _run_instance("small", f"rand{n}x{r}#{k}", "", g, f, w, all_policies, limit)
    if "scale" in suites:
        for n, r in SCALE_QUICK if quick else SCALE_FULL:
            for k in range(1 if quick else 3):
                g, f, w = random_instance(seed * 100_003 + n * 1_000 + r * 10 + k, n, r)
                rows += _run_instance("scale", f"rand{n}x{r}#{k}", "", g, f, w, ("heuristic",), time_limit_s)
    if "examples" in suites or "examples-free" in suites:
        for name, level, graph in _examples(examples_dir):
            if "examples" in suites:
                rows += _run_instance(
                    "examples", name, level, graph, fleet, world, all_policies, time_limit_s
                )
            if "examples-free" in suites and level in ("L2", "L3"):
                free = free_choice_variant(graph, fleet)
                rows += _run_instance(
                    "examples-free", name, level, free, fleet, world, all_policies, time_limit_s
                )
    if "dataset" in suites and not quick:
        for name, level, graph in _dataset_plans():
            rows += _run_instance("dataset", name, level, graph, fleet, world, all_policies, time_limit_s)
    return rows


def _p95(values: Sequence[float]) -> float:
    return float(np.percentile(values, 95)) if values else math.nan


def summarize(rows: Sequence[AllocationRow]) -> list[PolicySummary]:
    """Per (suite, policy): mean/p95 ratios to optimum, lower bound and baseline; wall time."""
    out = []
    keys = list(dict.fromkeys((r.suite, r.policy) for r in rows))
    for suite, policy in keys:
        rs = [r for r in rows if r.suite == suite and r.policy == policy]
        opt = [r.ratio_opt for r in rs if r.ratio_opt is not None]
        lb = [r.ratio_lb for r in rs]
        base = [r.ratio_baseline for r in rs]
        out.append(
            PolicySummary(
                suite=suite,
                policy=policy,
                instances=len(rs),
                solved=len(opt),
                mean_ratio_opt=float(np.mean(opt)) if opt else None,
                p95_ratio_opt=_p95(opt) if opt else None,
                max_ratio_opt=float(max(opt)) if opt else None,
                mean_ratio_lb=float(np.mean(lb)),
                p95_ratio_lb=_p95(lb),
                mean_ratio_baseline=float(np.mean(base)),
                mean_shorter_than_baseline=float(np.mean([1.0 - b for b in base])),
                mean_wall_s=float(np.mean([r.wall_s for r in rs])),
                max_wall_s=float(max(r.wall_s for r in rs)),
                violations=sum(r.violations for r in rs),
            )
        )
    return out


def _fmt(x: float | None, spec: str = ".3f") -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def print_report(rows: Sequence[AllocationRow], console: Any) -> None:
    """Rich tables: one summary per suite, then the headline figures."""
    from rich import box
    from rich.table import Table

    summaries = summarize(rows)
    for suite in dict.fromkeys(s.suite for s in summaries):
        table = Table(title=f"allocation benchmark - {suite}", box=box.SIMPLE_HEAD, padding=0)
        # short headers so the table fits an 80-column terminal; the caption spells them out
        table.caption = (
            "/opt, /LB, /base: makespan over the proven optimum, the lower bound, dart_baseline "
            "(mean, p95); shorter: 1 - makespan/baseline; solved: instances with a proven optimum; "
            "brk: rules the schedules break (verify_schedule)"
        )
        cols = (
            "policy", "n", "solved", "/opt", "p95", "/LB", "p95", "/base", "shorter", "wall s", "max s", "brk"
        )
        for c in cols:
            table.add_column(c, justify="left" if c == "policy" else "right", no_wrap=True)
        for s in (x for x in summaries if x.suite == suite):
            table.add_row(
                s.policy,
                str(s.instances),
                str(s.solved),
                _fmt(s.mean_ratio_opt),
                _fmt(s.p95_ratio_opt),
                _fmt(s.mean_ratio_lb, ".2f"),
                _fmt(s.p95_ratio_lb, ".2f"),
                _fmt(s.mean_ratio_baseline),
                f"{100 * s.mean_shorter_than_baseline:.1f}%",
                _fmt(s.mean_wall_s),
                _fmt(s.max_wall_s),
                str(s.violations),
            )
        console.print(table)
    for line in headline(rows):
        console.print(line, highlight=False)


def free_choice_gain(rows: Sequence[AllocationRow], suite: str) -> dict[str, Any] | None:
    """How much shorter than dart_baseline each policy is on the L2/L3 plans of ``suite``
    that leave robot choice to the allocator (a type+count task present): mean, min, max of
    ``1 - makespan / baseline`` over those plans, per policy (heuristic, exact); None when
    the suite has no such plan. ``solved``: exact schedules proven optimal."""
    out: dict[str, Any] = {}
    n = 0
    for policy in ("heuristic", "exact"):
        ex = [
            r
            for r in rows
            if r.suite == suite and r.policy == policy and r.level in ("L2", "L3") and r.free_choice
        ]
        if not ex:
            continue
        n = max(n, len(ex))
        gain = [1.0 - r.ratio_baseline for r in ex]
        out[policy] = {
            "mean": float(np.mean(gain)),
            "min": float(min(gain)),
            "max": float(max(gain)),
            "instances": len(ex),
            "solved": sum(1 for r in ex if r.optimal),
        }
    return {"suite": suite, "instances": n, "policies": out} if out else None


def headline(rows: Sequence[AllocationRow]) -> list[str]:
    """The figures the allocation targets are stated in."""
    lines = []
    small = [r for r in rows if r.suite == "small" and r.policy == "heuristic" and r.ratio_opt is not None]
    if small:
        gaps = [r.ratio_opt - 1.0 for r in small if r.ratio_opt is not None]
        lines.append(
            f"heuristic vs exact optimum (<=12 subtasks x 6 robots, {len(small)} solved): mean gap "
            f"{100 * np.mean(gaps):.2f}%, p95 {100 * _p95(gaps):.2f}%, max {100 * max(gaps):.2f}%"
        )
    for suite, label in (
        ("examples", "L2/L3 free-choice examples (type+count tasks)"),
        ("examples-free", "L2/L3 examples, robots unnamed"),
        ("dataset", "L2/L3 planning-benchmark gold plans with type+count tasks"),
    ):
        stats = free_choice_gain(rows, suite)
        if not stats:
            continue
        line = f"{label} ({stats['instances']}): shorter than dart_baseline: " + "; ".join(
            f"{policy} mean {100 * g['mean']:.1f}% (min {100 * g['min']:.1f}%, max {100 * g['max']:.1f}%"
            + (f", {g['solved']} proven optimal" if policy == "exact" else "")
            + ")"
            for policy, g in stats["policies"].items()
        )
        lines.append(line)
    broken = [r for r in rows if r.violations]
    lines.append(
        f"schedules breaking an allocation rule (verify_schedule): {len(broken)} of {len(rows)}"
        + (f" ({', '.join(sorted({f'{r.policy}/{r.instance}' for r in broken}))})" if broken else "")
    )
    big = [r for r in rows if r.suite == "scale" and r.policy == "heuristic" and r.tasks >= 1000]
    if big:
        lines.append(
            f"heuristic on {big[0].tasks} subtasks x {big[0].robots} robots: "
            f"{', '.join(f'{r.wall_s:.3f}' for r in big)} s wall"
        )
    return lines


def bench_allocation(
    quick: Annotated[bool, typer.Option("--quick", help="CI smoke: under about a minute.")] = False,
    seed: Annotated[int, typer.Option(help="Seed of the random instances.")] = 0,
    time_limit: Annotated[float, typer.Option(help="Exact solver time limit per instance (s).")] = 10.0,
    suite: Annotated[
        list[str] | None,
        typer.Option(help="Suites to run (small, scale, examples, examples-free, dataset); default all."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print rows as JSON instead of tables.")] = False,
    fleet: Annotated[Path | None, typer.Option(help="Fleet YAML for the example suites.")] = None,
    world: Annotated[Path | None, typer.Option(help="World YAML for the example suites.")] = None,
) -> None:
    """Makespan of dart_baseline, heuristic and exact allocation vs optimum, lower bound and baseline."""
    from ..cli.common import cli_errors, console, load_site

    with cli_errors():
        fleet_cfg, world_cfg = load_site(fleet, world)
        rows = run_allocation_benchmark(
            quick=quick,
            seed=seed,
            time_limit_s=time_limit,
            fleet=fleet_cfg,
            world=world_cfg,
            suites=tuple(suite) if suite else ("small", "scale", "examples", "examples-free", "dataset"),
        )
    if as_json:
        console.out(
            json.dumps(
                [
                    {
                        **asdict(r),
                        "ratio_opt": r.ratio_opt,
                        "ratio_lb": r.ratio_lb,
                        "ratio_baseline": r.ratio_baseline,
                        "shorter_than_baseline": 1.0 - r.ratio_baseline,
                    }
                    for r in rows
                ]
            )
        )
        return
    print_report(rows, console)
