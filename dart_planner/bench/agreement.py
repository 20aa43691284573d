"""Inter-annotator agreement: how often two people who follow the same written conventions
(bench/data/README.md) write the same gold plan for an instruction.

Exact DAG match against one annotator's gold is the planning benchmark's headline figure, but
an instruction can be read in more than one defensible way, and the annotator's reading is
only one of them. Agreement between two independent annotators measures how much of a
planner's miss rate is the benchmark's own ambiguity: a planner that reads like a second
careful person cannot be expected to score above it, and the cases where the annotators
disagree show which conventions need tightening.

The second annotation lives in ``bench/data/second_annotation.jsonl`` (lines ``{"id",
"level", "plan", "note"}`` for benchmark ids, written without seeing the first gold plan).
Both plans are compared with the benchmark's own :func:`~dart_planner.core.plan_compare.compare_plans`
(same subtasks and the same dependencies up to transitive reduction), per level.

Run: ``python -m dart_planner.bench.agreement`` (``--show-differences`` prints each diff, with
the first annotation as reference; ``--json`` for machine-readable output).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.plan import load_plan_document
from ..core.plan_compare import PlanComparison, compare_plans
from .planning import PlanningCase, default_data_path, load_cases

__all__ = ["AgreementRow", "CaseAgreement", "agreement", "default_second_path", "load_second", "main", "summarize"]

LEVELS = ("L1", "L2", "L3")


def default_second_path() -> Path:
    return default_data_path().parent / "second_annotation.jsonl"


@dataclass(frozen=True)
class CaseAgreement:
    id: str
    level: str
    comparison: PlanComparison
    note: str = ""


@dataclass(frozen=True)
class AgreementRow:
    level: str
    n: int
    exact: int
    subtask_f1: float
    edge_f1: float

    @property
    def exact_rate(self) -> float:
        return self.exact / self.n if self.n else 0.0


def load_second(path: str | Path) -> list[dict[str, Any]]:
    """Second-annotation lines; a line without an id or a plan is an error, not a skip,
    because a silently dropped line would raise the agreement."""
    out: list[dict[str, Any]] = []
    for i, line in enumerate(Path(path).read_text().splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        if not isinstance(d, dict) or not isinstance(d.get("id"), str) or not isinstance(d.get("plan"), Mapping):
            raise ValueError(f"{path}:{i}: a line needs a string 'id' and a 'plan' object")
        out.append(d)
    return out


def agreement(first: Sequence[PlanningCase], second: Sequence[Mapping[str, Any]]) -> list[CaseAgreement]:
    """Compare each second annotation with the first annotation of the same id (the
    benchmark line); an id the benchmark does not have is an error."""
    by_id = {c.id: c for c in first}
    out: list[CaseAgreement] = []
    for d in second:
        ref = by_id.get(d["id"])
        if ref is None:
            raise ValueError(f"second annotation for unknown benchmark id {d['id']!r}")
        cmp = compare_plans(load_plan_document(d["plan"]), load_plan_document(ref.plan))
        out.append(CaseAgreement(d["id"], ref.level, cmp, str(d.get("note") or "")))
    return out


def summarize(cases: Sequence[CaseAgreement]) -> list[AgreementRow]:
    rows: list[AgreementRow] = []
    for level in (*LEVELS, "all"):
        sel = [c for c in cases if level in ("all", c.level)]
        if not sel:
            continue
        rows.append(AgreementRow(
            level, len(sel), sum(c.comparison.exact for c in sel),
            sum(c.comparison.subtask_f1 for c in sel) / len(sel),
            sum(c.comparison.edge_f1 for c in sel) / len(sel),
        ))
    return rows


def format_table(rows: Sequence[AgreementRow]) -> str:
    lines = ["level    n   exact agreement   subtask F1   edge F1"]
    lines += [f"{r.level:<5}{r.n:>5}   {r.exact:>3}/{r.n:<3} {100 * r.exact_rate:>4.0f}%"
              f"       {r.subtask_f1:.3f}     {r.edge_f1:.3f}" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dart_planner.bench.agreement",
                                description=(__doc__ or "").splitlines()[0])
    p.add_argument("--data", default=None, help="benchmark JSONL (default: bench/data/planning.jsonl)")
    p.add_argument("--second", default=None, help="second annotation (default: bench/data/second_annotation.jsonl)")
    p.add_argument("--show-differences", action="store_true")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    try:
        cases = agreement(load_cases(args.data, "all"), load_second(args.second or default_second_path()))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = summarize(cases)
    if args.json:
        print(json.dumps({
            "levels": [{"level": r.level, "n": r.n, "exact": r.exact, "exact_rate": r.exact_rate,
                        "subtask_f1": r.subtask_f1, "edge_f1": r.edge_f1} for r in rows],
            "cases": [{"id": c.id, "level": c.level, "note": c.note, **c.comparison.to_dict()} for c in cases],
        }, indent=2))
        return 0
    print(format_table(rows))
    if args.show_differences:
        for c in cases:
            if not c.comparison.exact:
                print(f"\n== {c.id}" + (f"  (note: {c.note})" if c.note else ""))
                print(c.comparison.diff())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
