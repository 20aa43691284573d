"""Reliability and safety in one table: fuzzing, injection, parse cost, faults, load.

``python -m dart_planner.bench.reliability [--cases N] [--plans P] [--robots R] [--seed S]
[--quick] [--json]`` runs:

1. **fuzz**: the hostile-reply corpus (:mod:`dart_planner.reliability.corpus`) through parse ->
   validate, the LLM pipeline (repair with the case again, and with a valid plan), the
   streaming parser and cassette replay; counts crashes (anything but a DartPlannerError with
   a message), unsafe dispatches (anything outside the fleet's allow-list streamed or returned)
   and outcomes that differ from the case's expectation;
2. **injection**: hostile instructions and perceived names through the rules planner and an
   adversarial model, then the safety gate;
3. **parse cost** of hostile input at 10 KB, 100 KB and 1 MB (the reply size limit lifted so
   the scanners do the work), against ``json.loads`` of a valid document of the same size
   measured in the same run; the 1 MB / 10 KB ratio shows linearity (100 = linear);
4. **LLM faults**: server errors, timeouts, slow and dropped streams, end to end;
5. **load**: concurrent plans over a fleet in the simulator with random faults and an
   executor restart from the journal.

The closing table has the issue's rows: cases tried, crashes, unsafe dispatches, plans lost,
duplicates, faults survived, load figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..core.fleet import Fleet, load_fleet
from ..core.safety import load_safety_policy
from ..core.world import World, load_world
from ..llm.parse import parse_plan_reply
from ..llm.streaming import StreamingPlanParser
from ..reliability.corpus import generate_corpus, hostile_nesting
from ..reliability.fuzz import PATHS, FuzzHarness, FuzzReport
from ..reliability.injection import InjectionOutcome, run_injection_suite
from ..reliability.llm_faults import DrillResult, run_llm_fault_drill
from ..reliability.load import LoadConfig, LoadReport, run_load
from ..resources import default_fleet_path, default_world_path

__all__ = ["ParseCost", "hostile_inputs", "bench_parse_cost", "bench_reliability", "main"]

SIZES = (10_000, 100_000, 1_000_000)
_LIFTED = 2_000_000


@dataclass(frozen=True)
class ParseCost:
    kind: str
    size: int
    parse_ms: float
    stream_ms: float
    baseline_ms: float
    """``json.loads`` of a valid document of the same size (all times: best of the repeats)."""
    outcome: str

    @property
    def ratio(self) -> float:
        return self.parse_ms / self.baseline_ms if self.baseline_ms else float("inf")


def hostile_inputs(size: int) -> dict[str, str]:
    """Hostile replies of about ``size`` characters, one per kind of attack on a parser."""
    n = max(1, size // 12)
    return {
        "brace_flood": hostile_nesting("brace", size),
        "deep_arrays": hostile_nesting("array", size),
        "unclosed_string": '{"tasks": ["' + '\\"' * (size // 2),
        "many_objects": "{}" * (size // 2),
        "flat_junk": '{"tasks": [' + ",".join(['{"a": 1}'] * n) + "]}",
        "long_string": '{"tasks": "' + "a" * size + '"}',
        "prose_no_json": ("the plan is not here " * (size // 21 + 1))[:size],
        "trailing_commas": '{"tasks": [' + "[1,]," * (size // 5) + "0]}",
    }


def _valid_same_size(size: int) -> str:
    n = max(1, size // 8)
    return "[" + ",".join(["[1,2,3]"] * n) + "]"


def _best_ms(fn: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` wall times with the garbage collector off, as timeit does: the
    minimum is the least disturbed by other processes on a shared machine, and a collection
    triggered by one big allocation would otherwise land on whichever call made it."""
    times = []
    was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
    finally:
        if was:
            gc.enable()
    return min(times) * 1e3


def bench_parse_cost(fleet: Fleet, world: World, sizes: tuple[int, ...] = SIZES, repeat: int = 3) -> list[ParseCost]:
    rows: list[ParseCost] = []
    for size in sizes:
        base = _valid_same_size(size)

        def decode(b: str = base) -> None:
            json.loads(b)

        baseline = _best_ms(decode, repeat)
        for kind, text in hostile_inputs(size).items():
            outcome = "plan"

            def parse(t: str = text) -> None:
                nonlocal outcome
                try:
                    parse_plan_reply(t, max_chars=_LIFTED)
                except Exception as exc:  # noqa: BLE001 - the outcome is reported, not raised
                    outcome = type(exc).__name__

            def stream(t: str = text) -> None:
                p = StreamingPlanParser(fleet, world, max_chars=_LIFTED)
                for i in range(0, len(t), 4096):
                    p.feed(t[i:i + 4096])

            rows.append(ParseCost(kind, size, _best_ms(parse, repeat), _best_ms(stream, 1), baseline, outcome))
    return rows


def _parse_linearity(rows: list[ParseCost]) -> dict[str, float]:
    """Per kind: time at the largest size over time at the smallest (linear = the size ratio)."""
    out: dict[str, float] = {}
    kinds = {r.kind for r in rows}
    for k in sorted(kinds):
        rs = sorted((r for r in rows if r.kind == k), key=lambda r: r.size)
        if len(rs) >= 2 and rs[0].parse_ms > 0:
            out[k] = rs[-1].parse_ms / rs[0].parse_ms
    return out


def bench_reliability(
    cases: int = 1200, plans: int = 20, robots: int = 12, seed: int = 0, quick: bool = False,
    paths: tuple[str, ...] = PATHS,
) -> dict[str, Any]:
    fleet = load_fleet(default_fleet_path())
    world = load_world(default_world_path())
    policy = load_safety_policy()
    t0 = time.perf_counter()
    harness = FuzzHarness(fleet, world)
    corpus = generate_corpus(fleet, world, n=cases, seed=seed, echo_text=harness.system_prompt())
    fuzz = harness.run(corpus, paths)
    injection = run_injection_suite(fleet, world, policy)
    parse = bench_parse_cost(fleet, world, SIZES[:2] if quick else SIZES, repeat=3)
    drill = run_llm_fault_drill(fleet, world)
    load = run_load(LoadConfig(plans=plans, robots=robots, seed=seed))
    return {
        "fuzz": fuzz,
        "injection": injection,
        "parse": parse,
        "llm_faults": drill,
        "load": load,
        "wall_s": time.perf_counter() - t0,
    }


def _table(res: dict[str, Any]) -> list[tuple[str, str]]:
    fuzz: FuzzReport = res["fuzz"]
    inj: list[InjectionOutcome] = res["injection"]
    drill: list[DrillResult] = res["llm_faults"]
    load: LoadReport = res["load"]
    unsafe_fuzz = sum(len(r.unsafe) for r in fuzz.results)
    unsafe_inj = sum(len(o.breaches) for o in inj)
    leaked = sum(len(o.leaked) for o in inj)
    stopped = {k: sum(1 for o in inj if o.stopped_by == k) for k in ("planner", "gate", "none")}
    lin = _parse_linearity(res["parse"])
    worst = max(lin.items(), key=lambda kv: kv[1]) if lin else ("-", 0.0)
    lo, hi = min(x.size for x in res["parse"]), max(x.size for x in res["parse"])
    big = [r for r in res["parse"] if r.size == hi]
    slowest = max(big, key=lambda r: r.parse_ms)
    llm_ok = sum(1 for d in drill if d.ok)
    rows = [
        ("cases tried", f"{fuzz.cases} corpus cases x {len(fuzz.outcomes())} paths = {fuzz.runs} runs; "
                        f"{len(inj)} injection runs; {len(drill)} LLM fault drills"),
        ("crashes", str(len(fuzz.crashes))),
        ("unsafe dispatches", str(unsafe_fuzz + unsafe_inj + len(load.unsafe_goals))),
        ("expectation mismatches (fuzz)", str(len(fuzz.mismatches))),
        ("injection: stopped by planner / gate / harmless plan", f"{stopped['planner']} / {stopped['gate']} / "
                                                                  f"{stopped['none']}; hostile names leaked {leaked}"),
        (f"parse time {hi // 1000} KB / {lo // 1000} KB (linear = {hi // lo}x)",
         f"worst {worst[0]} {worst[1]:.0f}x; slowest at "
                                              f"{slowest.size // 1000} KB: {slowest.kind} {slowest.parse_ms:.1f} ms "
                                              f"({slowest.ratio:.1f}x json.loads)"),
        ("plans lost", str(len(load.lost_plans))),
        ("duplicates", str(len(load.duplicate_successes))),
        ("double bookings", str(len(load.double_bookings))),
        ("journal mismatches", str(len(load.journal_mismatches))),
        ("faults survived", f"{load.faults_survived}/{load.faults_injected} in the load run "
                            f"({', '.join(f'{k} {v}' for k, v in sorted(load.fault_outcomes.items()))}); "
                            f"LLM faults with the defined outcome {llm_ok}/{len(drill)}"),
        ("load", f"{load.plans} plans ({load.subtasks} subtasks) over {load.config.robots} robots: "
                 f"{', '.join(f'{k} {v}' for k, v in sorted(load.plan_outcomes.items()))}"),
        ("load throughput", f"{load.throughput_per_wall_s:.1f} subtasks/s wall, "
                            f"{load.throughput_per_sim_h:.0f} subtasks per simulated hour"),
        ("load dispatch latency READY->RUNNING", f"p50 {load.dispatch_p50_s:.1f} s, p95 {load.dispatch_p95_s:.1f} s "
                                                 f"(simulated)"),
        ("sim safety: collisions / keep-out / geofence", f"{load.collisions} / {load.keepout_violations} / "
                                                         f"{load.geofence_violations}"),
        ("wall time", f"{res['wall_s']:.1f} s"),
    ]
    return rows


def _to_json(res: dict[str, Any]) -> dict[str, Any]:
    fuzz: FuzzReport = res["fuzz"]
    return {
        "fuzz": fuzz.summary() | {
            "crash_cases": [(r.case_id, r.path, r.detail) for r in fuzz.crashes][:50],
            "unsafe_cases": [(r.case_id, r.path, r.unsafe) for r in fuzz.unsafe][:50],
            "mismatch_cases": [(r.case_id, r.path, r.detail) for r in fuzz.mismatches][:50],
        },
        "injection": {
            "runs": len(res["injection"]),
            "stopped_by": {k: sum(1 for o in res["injection"] if o.stopped_by == k)
                           for k in ("planner", "gate", "none")},
            "breaches": [(o.source, o.attempt, o.breaches) for o in res["injection"] if o.breaches],
            "leaked": [(o.source, o.leaked) for o in res["injection"] if o.leaked],
        },
        "parse": [{"kind": r.kind, "size": r.size, "parse_ms": r.parse_ms, "stream_ms": r.stream_ms,
                   "baseline_json_ms": r.baseline_ms, "ratio_to_json": r.ratio, "outcome": r.outcome}
                  for r in res["parse"]],
        "parse_linearity": _parse_linearity(res["parse"]),
        "llm_faults": [{"fault": d.fault, "ok": d.ok, "plan": d.got_plan, "requests": d.requests,
                        "dispatched": len(d.dispatched), "reason": d.reason} for d in res["llm_faults"]],
        "load": res["load"].to_dict(),
        "table": dict(_table(res)),
        "wall_s": res["wall_s"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="dart-planner bench reliability", description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1200, help="corpus cases (default 1200)")
    ap.add_argument("--plans", type=int, default=20, help="concurrent plans in the load run (default 20)")
    ap.add_argument("--robots", type=int, default=12, help="robots in the load run (default 12)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="parse cost up to 100 KB only, one repeat")
    ap.add_argument("--paths", default=",".join(PATHS), help=f"fuzz paths (default: {','.join(PATHS)})")
    ap.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = ap.parse_args(argv)
    res = bench_reliability(args.cases, args.plans, args.robots, args.seed, args.quick,
                            tuple(p for p in args.paths.split(",") if p))
    if args.json:
        print(json.dumps(_to_json(res), indent=2, default=str))
        return 0
    width = max(len(k) for k, _ in _table(res))
    print("Parse cost of hostile input (ms; json.loads of a valid document of the same size as baseline)")
    print(f"  {'kind':18s} {'size':>9s} {'parse':>9s} {'stream':>9s} {'json':>8s} {'ratio':>7s}  outcome")
    for r in res["parse"]:
        print(f"  {r.kind:18s} {r.size:>9d} {r.parse_ms:>9.2f} {r.stream_ms:>9.2f} {r.baseline_ms:>8.2f} "
              f"{r.ratio:>7.1f}  {r.outcome}")
    print("\nReliability and safety")
    for k, v in _table(res):
        print(f"  {k:<{width}s}  {v}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
