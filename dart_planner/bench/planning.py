"""The planning benchmark: how well a planner turns instructions into the gold DAGs.

For every line of ``bench/data/planning.jsonl`` in the chosen split the planner is asked for
a plan; the plan is validated with the core validator and compared with the gold plan by
:func:`dart_planner.core.plan_compare.compare_plans` (exact DAG match up to renaming and
transitive edges, subtask F1, dependency-edge F1). Per level it reports the valid-plan rate,
exact-match rate, mean F1s, latency mean/p50/p95, and retries and tokens when the planner
reports them. The baseline measured in the same run is the core validator alone on the
gold plans (the cost every planner pays at least once), so ``x validate`` says what
planning costs on top of validation.

``sim_success``: the share of plans that, allocated and run in the built-in simulator,
finish with every subtask succeeded (``--no-execute`` skips it).

Run: ``python -m dart_planner.bench.planning --planner rules --split dev [--json]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from ..core.fleet import Fleet
from ..core.plan import TaskGraph, load_plan_document
from ..core.plan_compare import compare_plans
from ..core.validate import validate_plan
from ..core.world import World

__all__ = ["PlanningCase", "CaseResult", "LevelRow", "PlanningBench", "load_cases", "bench_planning",
           "default_data_path", "main"]

SPLITS = ("dev", "heldout", "all")


def default_data_path() -> Path:
    """``bench/data/planning.jsonl`` of the source tree (the benchmark is not installed)."""
    return Path(__file__).resolve().parents[2] / "bench" / "data" / "planning.jsonl"


@dataclass(frozen=True)
class PlanningCase:
    id: str
    level: str
    split: str
    instruction: str
    plan: dict[str, Any]


def load_cases(path: str | Path | None = None, split: str = "dev") -> list[PlanningCase]:
    """Lines of the benchmark in ``split`` (``all`` = both). Lines of other splits are not
    even decoded into cases, so tuning on ``dev`` never touches ``heldout``."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
    out: list[PlanningCase] = []
    for line in Path(path or default_data_path()).read_text().splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        if split != "all" and d["split"] != split:
            continue
        out.append(PlanningCase(d["id"], d["level"], d["split"], d["instruction"], d["plan"]))
    return out


@dataclass(frozen=True)
class CaseResult:
    id: str
    level: str
    valid: bool
    exact: bool
    subtask_f1: float
    edge_f1: float
    latency_ms: float
    repairs: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    error: str = ""
    diff: str = ""
    sim_success: bool | None = None
    """Filled by a simulator run; None here (not measured by this benchmark)."""


def _pct(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(q * (len(s) - 1))))
    return s[k]


@dataclass(frozen=True)
class LevelRow:
    level: str
    n: int
    valid_rate: float
    exact_rate: float
    subtask_f1: float
    edge_f1: float
    latency_mean_ms: float
    latency_p50_ms: float
    latency_p95_ms: float
    repairs: int
    tokens_in: int
    tokens_out: int
    validate_ms: float
    sim_success_rate: float | None = None
    """Share of plans that executed successfully in the simulator; None until that is run."""

    @property
    def ratio_to_validate(self) -> float:
        return self.latency_mean_ms / self.validate_ms if self.validate_ms > 0 else float("nan")

    @classmethod
    def of(cls, level: str, rows: Sequence[CaseResult], validate_ms: float) -> LevelRow:
        lat = [r.latency_ms for r in rows]
        n = len(rows)
        sims = [r.sim_success for r in rows if r.sim_success is not None]
        return cls(
            level=level, n=n,
            valid_rate=sum(r.valid for r in rows) / n if n else 0.0,
            exact_rate=sum(r.exact for r in rows) / n if n else 0.0,
            subtask_f1=statistics.fmean(r.subtask_f1 for r in rows) if n else 0.0,
            edge_f1=statistics.fmean(r.edge_f1 for r in rows) if n else 0.0,
            latency_mean_ms=statistics.fmean(lat) if lat else 0.0,
            latency_p50_ms=_pct(lat, 0.5), latency_p95_ms=_pct(lat, 0.95),
            repairs=sum(r.repairs for r in rows),
            tokens_in=sum(r.tokens_in for r in rows), tokens_out=sum(r.tokens_out for r in rows),
            validate_ms=validate_ms,
            sim_success_rate=(sum(sims) / len(sims)) if sims else None,
        )


@dataclass(frozen=True)
class PlanningBench:
    planner: str
    split: str
    rows: tuple[LevelRow, ...]
    cases: tuple[CaseResult, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "planner": self.planner, "split": self.split,
            "levels": [{**asdict(r), "ratio_to_validate": r.ratio_to_validate} for r in self.rows],
            "cases": [asdict(c) for c in self.cases],
        }


def _time_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best = float("inf")
    out: Any = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, (time.perf_counter() - t0) * 1000.0)
    return best, out


def _executes(graph: TaskGraph, fleet: Fleet, world: World) -> bool:
    """Allocate and run the plan in the simulator; True when every subtask succeeded."""
    from ..core.errors import DartPlannerError
    from ..runner import RunOptions, run_in_sim

    try:
        return run_in_sim(graph, fleet, world, RunOptions(max_sim_time_s=1800.0)).succeeded
    except DartPlannerError:
        return False


def bench_planning(planner: Any, fleet: Fleet, world: World, cases: Sequence[PlanningCase], *,
                   repeat: int = 1, name: str = "", split: str = "", execute: bool = True) -> PlanningBench:
    """Plan every case with ``planner`` (anything with ``plan(instruction, fleet, world)``).

    Latency is the best of ``repeat`` calls (``repeat`` > 1 only makes sense for
    deterministic planners). A planner error counts as an invalid plan with F1 0.
    With ``execute``, every valid plan is also allocated and run in the simulator
    (``sim_success``: every subtask succeeded); invalid plans count as not executed.
    """
    from ..core.errors import DartPlannerError

    results: list[CaseResult] = []
    val_ms: dict[str, list[float]] = {}
    for c in cases:
        gold = load_plan_document(c.plan)
        vms, _ = _time_ms(partial(validate_plan, gold, fleet, world), max(1, repeat))
        val_ms.setdefault(c.level, []).append(vms)
        try:
            ms, res = _time_ms(partial(planner.plan, c.instruction, fleet, world), max(1, repeat))
        except DartPlannerError as exc:
            results.append(CaseResult(c.id, c.level, False, False, 0.0, 0.0, 0.0, error=str(exc).splitlines()[0],
                                      sim_success=False if execute else None))
            continue
        graph: TaskGraph = res.graph
        valid = validate_plan(graph, fleet, world).ok
        cmp = compare_plans(graph, gold)
        sim_ok: bool | None = None
        if execute:
            sim_ok = valid and _executes(graph, fleet, world)
        results.append(CaseResult(
            c.id, c.level, valid, cmp.exact and valid, cmp.subtask_f1, cmp.edge_f1, ms,
            sim_success=sim_ok,
            repairs=int(getattr(res, "repairs", 0) or 0),
            tokens_in=int(getattr(res, "tokens_in", 0) or 0), tokens_out=int(getattr(res, "tokens_out", 0) or 0),
            diff="" if cmp.exact else cmp.diff(),  # repeatable: compare_plans keeps the plans' own edge order
        ))
    levels = sorted({r.level for r in results})
    rows = [LevelRow.of(lv, [r for r in results if r.level == lv], statistics.fmean(val_ms[lv])) for lv in levels]
    if len(levels) > 1:
        all_val = [v for vs in val_ms.values() for v in vs]
        rows.append(LevelRow.of("all", results, statistics.fmean(all_val)))
    return PlanningBench(name or str(getattr(planner, "name", "planner")), split, tuple(rows), tuple(results))


def format_table(bench: PlanningBench) -> str:
    """A plain-text table (no rich needed, so it prints anywhere)."""
    head = (f"{'level':<6}{'n':>4}{'valid':>8}{'exact':>8}{'subF1':>8}{'edgeF1':>8}{'mean ms':>10}"
            f"{'p50 ms':>9}{'p95 ms':>9}{'x valid.':>9}{'repairs':>8}{'tokens':>9}  sim_success")
    lines = [f"planning benchmark: planner={bench.planner} split={bench.split}", head]
    for r in bench.rows:
        sim = "n/a (not run)" if r.sim_success_rate is None else f"{r.sim_success_rate:.0%}"
        lines.append(
            f"{r.level:<6}{r.n:>4}{r.valid_rate:>8.0%}{r.exact_rate:>8.0%}{r.subtask_f1:>8.3f}{r.edge_f1:>8.3f}"
            f"{r.latency_mean_ms:>10.3f}{r.latency_p50_ms:>9.3f}{r.latency_p95_ms:>9.3f}{r.ratio_to_validate:>9.1f}"
            f"{r.repairs:>8}{r.tokens_in + r.tokens_out:>9}  {sim}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dart_planner.bench.planning", description=__doc__.splitlines()[0])
    p.add_argument("--planner", default="rules", help="rules, llm, or a backend name (see make_planner)")
    p.add_argument("--split", default="dev", choices=SPLITS)
    p.add_argument("--data", default=None, help="benchmark JSONL (default: bench/data/planning.jsonl)")
    p.add_argument("--repeat", type=int, default=0, help="timing repetitions (default: 5 for rules, else 1)")
    p.add_argument("--json", action="store_true", help="print the result as JSON (with per-case rows)")
    p.add_argument("--show-failures", action="store_true", help="print the diff of every non-exact plan")
    p.add_argument("--no-execute", action="store_true", help="skip running valid plans in the simulator")
    p.add_argument("--fleet", default=None)
    p.add_argument("--world", default=None)
    args = p.parse_args(argv)
    from ..llm.pipeline import make_planner
    from ..resources import load_site

    fleet, world = load_site(args.fleet, args.world)
    planner = make_planner(args.planner)
    repeat = args.repeat or (5 if args.planner == "rules" else 1)
    bench = bench_planning(planner, fleet, world, load_cases(args.data, args.split), repeat=repeat,
                           name=args.planner, split=args.split, execute=not args.no_execute)
    if args.json:
        print(json.dumps(bench.to_dict(), indent=2))
    else:
        print(format_table(bench))
        if args.show_failures:
            for c in bench.cases:
                if not c.exact:
                    print(f"\n== {c.id} {'(invalid) ' + c.error if not c.valid else ''}\n{c.diff}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
