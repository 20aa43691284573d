"""The planning benchmark's data keeps the promises bench/data/README.md makes about it.

The benchmark is only as good as its gold plans: a gold plan the validator rejects, a task name
that breaks convention 1, a split that is not one third held out, an instruction that is also a
few-shot example, or a paraphrase whose plan drifted from its source would each skew every
figure reported from it without any code being wrong. New batches are appended by hand, so
these checks run on every line.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dart_planner.core.plan import load_plan_document
from dart_planner.core.validate import validate_plan

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "config" / "examples"
LEVELS = ("L1", "L2", "L3")


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


BENCH = _lines(DATA / "planning.jsonl")
PARAPHRASES = _lines(DATA / "paraphrase.jsonl") if (DATA / "paraphrase.jsonl").exists() else []
SECOND = _lines(DATA / "second_annotation.jsonl") if (DATA / "second_annotation.jsonl").exists() else []


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def test_ids_are_unique_and_carry_their_level():
    ids = [r["id"] for r in BENCH]
    assert len(ids) == len(set(ids))
    for r in BENCH:
        assert r["level"] in LEVELS and r["id"].startswith(r["level"] + "_"), r["id"]
        assert r["split"] in ("dev", "heldout"), r["id"]


def test_exactly_one_third_of_each_level_is_held_out():
    per = Counter((r["level"], r["split"]) for r in BENCH)
    for lv in LEVELS:
        total = per[(lv, "dev")] + per[(lv, "heldout")]
        assert total % 3 == 0 and per[(lv, "heldout")] * 3 == total, (lv, per)


@pytest.mark.parametrize("row", BENCH + PARAPHRASES + [{**r, "id": r["id"] + "_second"} for r in SECOND],
                         ids=lambda r: r["id"])
def test_gold_plan_is_valid_without_warnings_and_named_by_convention_1(row, fleet, world):
    report = validate_plan(load_plan_document(row["plan"]), fleet, world)
    assert report.ok, [i.code for i in report.errors]
    assert not report.warnings, [i.code for i in report.warnings]  # e.g. a redundant edge (convention 7)
    seen: Counter[str] = Counter()
    for task in row["plan"]["tasks"]:
        skill = task["instruction_function"]["name"]
        seen[skill] += 1
        assert task["task"] == f"{skill}_{seen[skill]}"


def test_no_benchmark_instruction_is_a_few_shot_example():
    examples = {_norm(json.loads(p.read_text())["instruction"]) for p in EXAMPLES.glob("*.json")}
    assert examples
    clash = [r["id"] for r in BENCH + PARAPHRASES if _norm(r["instruction"]) in examples]
    assert not clash


def test_instructions_are_not_repeated():
    texts = Counter(_norm(r["instruction"]) for r in BENCH + PARAPHRASES)
    assert not [t for t, n in texts.items() if n > 1]


@pytest.mark.skipif(not PARAPHRASES, reason="bench/data/paraphrase.jsonl not written yet")
def test_each_paraphrase_keeps_its_dev_source_plan_and_level():
    by_id = {r["id"]: r for r in BENCH}
    assert len({p["id"] for p in PARAPHRASES}) == len(PARAPHRASES)
    for p in PARAPHRASES:
        src = by_id[p["source"]]
        # a paraphrase of a held-out line would leak it into tuning
        assert src["split"] == "dev" and p["split"] == "dev", p["id"]
        assert p["level"] == src["level"] and p["plan"] == src["plan"], p["id"]
        assert p["id"].startswith(src["id"] + "_p"), p["id"]


@pytest.mark.skipif(not SECOND, reason="bench/data/second_annotation.jsonl not written yet")
def test_second_annotation_covers_benchmark_lines_once_each():
    by_id = {r["id"]: r for r in BENCH}
    ids = [r["id"] for r in SECOND]
    assert len(ids) == len(set(ids))
    for r in SECOND:
        assert r["id"] in by_id and r["level"] == by_id[r["id"]]["level"], r["id"]
