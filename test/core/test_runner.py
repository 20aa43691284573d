"""plan -> allocate -> execute in the simulator: every example finishes and leaves the site right."""

from __future__ import annotations

import json
import math

import pytest
from example_data import example_files
from typer.testing import CliRunner

from dart_planner.cli import app
from dart_planner.cli.exit_codes import ExitCode
from dart_planner.core.execute import PlanState
from dart_planner.core.fleet import SkillAction
from dart_planner.core.plan import load_plan_document
from dart_planner.runner import RunOptions, run_in_sim, write_run_report
from dart_planner.sim.faults import Breakdown, FaultConfig


def _collect(graph, fleet, order) -> dict[str, str]:
    last: dict[str, tuple[int, str | None]] = {}
    for s in graph.subtasks:
        action = fleet.skills[s.skill].action
        if action in (SkillAction.ADD_KEEPOUT, SkillAction.REMOVE_KEEPOUT):
            continue
        obj = s.object_keywords[0] if action is SkillAction.NAVIGATE else None
        for rid in s.robot_ids:
            if rid not in last or order[s.id] > last[rid][0]:
                last[rid] = (order[s.id], obj)
    return {rid: obj for rid, (_, obj) in last.items() if obj}


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_example_runs_to_success_and_the_site_shows_it(path, fleet, world) -> None:
    graph = load_plan_document(json.loads(path.read_text()))
    result = run_in_sim(graph, fleet, world, RunOptions(seed=1))
    assert result.succeeded, [(s.task_id, s.state.value, s.reason) for s in result.status.subtasks]
    final = result.final
    assert not final.keepout_violations and not final.geofence_violations
    start_total = sum(o.volume for o in world.objects.values())
    assert math.isclose(final.total_soil, start_total, abs_tol=1e-6)
    skills = {s.skill for s in graph.subtasks}
    if "Excavation" in skills:
        dug = sum(start_total - v for v in [sum(final.piles.values())]) + sum(final.excavated.values())
        assert dug > 0, "an Excavation ran but no soil left a pile or the ground"
    if "DumpUnloading" in skills and "ExcavatorUnloading" in skills:
        assert sum(final.dumped.values()) > 0, "a loaded truck unloaded but nothing was dumped"
    resolved = result.schedule.resolved_graph(graph)
    for rid, obj in _collect(resolved, fleet, {t: i for i, t in enumerate(resolved.topological_order())}).items():
        o = world.object(obj)
        pose = final.robot(rid).pose
        assert math.hypot(pose.x - o.x, pose.y - o.y) < o.radius + 8.0, f"{rid} is not at {obj}"
    assert result.speedup > 50  # the simulated clock runs far ahead of the wall clock


def test_breakdown_mid_plan_is_reassigned_and_reported(fleet, world, tmp_path) -> None:
    graph = load_plan_document(json.loads(example_files()[[p.stem for p in example_files()].index(
        "L2_08_type_count")].read_text()))
    first = run_in_sim(graph, fleet, world)
    assert first.succeeded
    victim = first.status.subtasks[0].robots[0]
    broken = run_in_sim(graph, fleet, world, RunOptions(faults=FaultConfig(breakdowns=(Breakdown(victim, 5.0),))))
    assert broken.succeeded, [(s.task_id, s.state.value, s.reason) for s in broken.status.subtasks]
    assert victim not in broken.status.subtasks[0].robots
    assert broken.status.subtasks[0].attempts >= 2
    paths = write_run_report(broken, tmp_path, world)
    report = json.loads(paths["report"].read_text())
    assert report["outcome"] == "succeeded"
    assert report["site"]["robots"][victim]["status"] == "broken"
    for key in ("gantt", "dag", "site"):
        assert paths[key].read_bytes()[:4] == b"\x89PNG"


def test_run_cli_plan_file_and_exit_codes(tmp_path) -> None:
    runner = CliRunner()
    example = next(p for p in example_files() if p.stem.startswith("L2_01"))
    res = runner.invoke(app, ["run", "--plan-file", str(example), "--out", str(tmp_path / "ok"), "--no-live"])
    assert res.exit_code == ExitCode.OK, res.output
    report = json.loads((tmp_path / "ok" / "report.json").read_text())
    assert report["outcome"] == PlanState.SUCCEEDED.value
    assert report["planned_makespan_s"] > 0 and report["actual_makespan_s"] > 0
    # Every skill fails: retries and reassignments run out and the run ends FAILED, exit code 6.
    res = runner.invoke(app, ["run", "--plan-file", str(example), "--out", str(tmp_path / "bad"), "--no-live",
                              "--fail-p", "1.0", "--max-sim-time", "600"])
    assert res.exit_code == ExitCode.RUN_FAILED, res.output
    res = runner.invoke(app, ["run", "--no-live"])
    assert res.exit_code == ExitCode.USAGE


def test_planning_benchmark_executes_valid_plans_in_the_simulator(fleet, world) -> None:
    from dart_planner.bench.planning import PlanningCase, bench_planning
    from dart_planner.llm.rules import RulesPlanner

    plan = json.loads(next(p for p in example_files() if p.stem.startswith("L2_01")).read_text())
    cases = [PlanningCase("ok", "L2", "dev", plan["instruction"], plan["plan"]),
             PlanningCase("bad", "L2", "dev", "Sing a song about the moon.", plan["plan"])]
    bench = bench_planning(RulesPlanner(), fleet, world, cases, name="rules", split="dev")
    by_id = {c.id: c for c in bench.cases}
    assert by_id["ok"].valid and by_id["ok"].sim_success is True
    assert by_id["bad"].sim_success is False
    assert bench.rows[0].sim_success_rate == 0.5


def test_partner_truck_elsewhere_is_brought_to_the_excavator(fleet, world) -> None:
    """The truck in the unloading's ancestry is parked at a rock, not at the pile: the engine
    drives it to the excavator (as the allocator timed it) and the transfer happens."""
    from dart_planner.core.plan import Subtask, TaskGraph

    graph = TaskGraph((
        Subtask("truck_away", "target_area_for_specific_robots", ("robot_dump_truck_01",), object_keywords=("rock1",)),
        Subtask("exc_go", "target_area_for_specific_robots", ("robot_excavator_01",), object_keywords=("soil1",)),
        Subtask("dig", "Excavation", ("robot_excavator_01",), dependencies=("exc_go",)),
        Subtask("load", "ExcavatorUnloading", ("robot_excavator_01",), dependencies=("dig", "truck_away")),
    ))
    result = run_in_sim(graph, fleet, world)
    assert result.succeeded, [(s.task_id, s.state.value, s.reason) for s in result.status.subtasks]
    assert result.schedule.assignments["load"].robot_ids == ("robot_excavator_01", "robot_dump_truck_01")
    assert result.final.robot("robot_dump_truck_01").payload > 0
    truck = result.final.robot("robot_dump_truck_01").pose
    excavator = result.final.robot("robot_excavator_01").pose
    assert math.hypot(truck.x - excavator.x, truck.y - excavator.y) < 8.0


def test_keep_out_naming_several_objects_fences_each(fleet, world) -> None:
    from dart_planner.core.plan import Subtask, TaskGraph

    graph = TaskGraph((Subtask("fence", "avoid_areas_for_all_robots", object_keywords=("puddle1", "puddle2")),))
    result = run_in_sim(graph, fleet, world)
    assert result.succeeded, [(s.task_id, s.state.value, s.reason) for s in result.status.subtasks]
    assert {z.name for z in result.final.keep_out} >= {"puddle1", "puddle2"}
    assert {z.name for z in result.engine.world.keep_out} >= {"puddle1", "puddle2"}


def test_run_prints_the_refill_note_when_one_dig_loads_two_trucks(tmp_path) -> None:
    """One dig, two loadings in turn: the engine adds a refill dig and the CLI says so."""
    res = CliRunner().invoke(app, [
        "run", "Dump trucks 1 and 2 go to soil 1. Excavator 1 goes to soil 1 and digs. "
        "Then it loads truck 1 first and truck 2 after that.", "--out", str(tmp_path / "r"), "--no-live"])
    assert res.exit_code == 0, res.output
    assert "note: ExcavatorUnloading_2: one dig fills the bucket once" in " ".join(res.output.split())
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert any("refill" in n for n in report["notes"])
