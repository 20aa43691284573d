"""Inter-annotator agreement (dart_planner.bench.agreement): same plan agrees, a changed
dependency or robot does not, levels are counted apart, and bad input is an error."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from dart_planner.bench.agreement import agreement, load_second, main, summarize
from dart_planner.bench.planning import PlanningCase

EXAMPLES = Path(__file__).resolve().parents[2] / "config" / "examples"


def _examples() -> dict[str, dict[str, Any]]:
    out = {}
    for p in sorted(EXAMPLES.glob("*.json")):
        d = json.loads(p.read_text())
        out[d["id"]] = {"id": d["id"], "level": d["level"], "instruction": d["instruction"], "plan": d["plan"]}
    return out


def _cases(rows: dict[str, dict[str, Any]]) -> list[PlanningCase]:
    return [PlanningCase(r["id"], r["level"], "dev", r["instruction"], r["plan"]) for r in rows.values()]


def _with_deps(plan: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A copy of ``plan`` with the first dependency of the first dependent task removed."""
    changed = copy.deepcopy(plan)
    for t in changed["tasks"]:
        deps = t["instruction_function"]["dependencies"]
        if deps:
            deps.pop(0)
            return t["task"], changed
    raise AssertionError("plan has no dependency")


def test_identical_plans_agree_and_a_dropped_dependency_does_not():
    first = _examples()
    lid, l2 = next((k, v) for k, v in first.items() if v["level"] == "L2")
    _, changed = _with_deps(l2["plan"])
    cases = agreement(_cases(first), [{"id": lid, "plan": l2["plan"]}, {"id": lid, "plan": changed, "note": "unsure"}])
    assert cases[0].comparison.exact and cases[0].comparison.edge_f1 == 1.0
    assert not cases[1].comparison.exact and cases[1].comparison.edge_f1 < 1.0
    assert cases[1].comparison.subtask_f1 == 1.0 and cases[1].note == "unsure"


def test_another_robot_is_a_disagreement_on_the_subtask():
    first = _examples()
    lid, l1 = next((k, v) for k, v in first.items()
                   if v["level"] == "L1" and v["plan"]["tasks"][0]["instruction_function"].get("robot_ids"))
    other = copy.deepcopy(l1["plan"])
    ids = other["tasks"][0]["instruction_function"]["robot_ids"]
    ids[0] = "robot_dump_truck_03" if ids[0] != "robot_dump_truck_03" else "robot_dump_truck_02"
    (case,) = agreement(_cases(first), [{"id": lid, "plan": other}])
    assert not case.comparison.exact and case.comparison.subtask_f1 < 1.0


def test_summary_counts_levels_apart_and_in_all():
    first = _examples()
    second = [{"id": k, "plan": v["plan"]} for k, v in first.items()]
    lid = next(k for k, v in first.items() if v["level"] == "L3")
    second = [d if d["id"] != lid else {"id": lid, "plan": _with_deps(first[lid]["plan"])[1]} for d in second]
    rows = {r.level: r for r in summarize(agreement(_cases(first), second))}
    n3 = sum(v["level"] == "L3" for v in first.values())
    assert rows["L3"].n == n3 and rows["L3"].exact == n3 - 1
    assert rows["L1"].exact_rate == 1.0
    assert rows["all"].n == len(first) and rows["all"].exact == len(first) - 1


def test_unknown_id_and_malformed_lines_are_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown benchmark id"):
        agreement(_cases(_examples()), [{"id": "L9_001", "plan": {"tasks": []}}])
    bad = tmp_path / "second.jsonl"
    bad.write_text('{"id": "L1_001"}\n')
    with pytest.raises(ValueError, match="'plan' object"):
        load_second(bad)


def test_cli_prints_the_table_and_each_difference(tmp_path, capsys):
    first = _examples()
    data = tmp_path / "bench.jsonl"
    data.write_text("".join(json.dumps({**v, "split": "dev"}) + "\n" for v in first.values()))
    lid = next(k for k, v in first.items() if v["level"] == "L2")
    second = tmp_path / "second.jsonl"
    line = {"id": lid, "plan": _with_deps(first[lid]["plan"])[1], "note": "read it apart"}
    second.write_text(json.dumps(line) + "\n")
    assert main(["--data", str(data), "--second", str(second), "--show-differences"]) == 0
    out = capsys.readouterr().out
    assert "0/1" in out and f"== {lid}" in out and "missing dependency" in out and "read it apart" in out
    assert main(["--data", str(data), "--second", str(tmp_path / "absent.jsonl")]) == 1
