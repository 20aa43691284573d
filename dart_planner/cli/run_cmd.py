"""``dart-planner run``: instruction (or plan file) -> plan -> allocate -> execute in the simulator."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group
from rich.live import Live
from rich.markup import escape
from rich.table import Table

from ..core.execute import ExecutionEngine, PlanState
from ..core.fleet import Fleet
from ..core.plan import TaskGraph
from ..core.world import World
from .common import FleetOpt, WorldOpt, cli_errors, console, err_console, load_site
from .exit_codes import ExitCode

STATE_STYLE = {"pending": "dim", "ready": "cyan", "running": "yellow", "succeeded": "green", "failed": "red",
               "timed_out": "red", "cancelled": "magenta"}


def parse_breakdown(spec: str) -> tuple[str, float]:
    robot, _, at = spec.partition("@")
    try:
        return robot, float(at)
    except ValueError:
        raise typer.BadParameter(f"expected ROBOT@SECONDS, got {spec!r}") from None


def progress_view(engine: ExecutionEngine, plan_id: str, sim_time: float) -> Group:
    status = engine.status(plan_id)
    tasks = Table(title=f"{plan_id}  t={sim_time:6.1f} s  {status.state.value}", expand=False)
    for col in ("subtask", "robots", "state", "done", "start", "end", "note"):
        tasks.add_column(col, overflow="fold")
    for s in status.subtasks:
        style = STATE_STYLE.get(s.state.value, "")
        note = "" if s.state.value == "succeeded" else s.reason
        tasks.add_row(escape(s.task_id), "\n".join(s.robots), f"[{style}]{s.state.value}[/]",
                      f"{100 * s.progress:3.0f}%", _fmt(s.started_at), _fmt(s.finished_at), escape(note[:60]))
    robots = Table(title="robots")
    robots.add_column("robot")
    robots.add_column("doing")
    for rid in engine.fleet.robot_ids:
        holder = engine.robot_holder(rid)
        doing = f"{holder[1]}" if holder else "[dim]idle[/]"
        if rid in engine.unavailable_robots:
            doing = "[red]unavailable[/]"
        robots.add_row(rid, doing)
    return Group(tasks, robots)


def _fmt(t: float | None) -> str:
    return "" if t is None else f"{t:.1f}"


def plan_from_instruction(instruction: str, planner_name: str | None, llm_config: Path | None,
                          fleet: Fleet, world: World) -> TaskGraph:
    from ..llm.config import load_llm_config
    from ..llm.pipeline import make_planner

    cfg = load_llm_config(llm_config)
    planner = make_planner(planner_name, cfg)
    result = planner.plan(instruction, fleet, world)
    err_console.print(f"planned {len(result.graph)} subtasks with [bold]{result.planner or planner_name}[/] "
                      f"in {1000 * result.latency_s:.1f} ms")
    return result.graph


def run(
    instruction: Annotated[str | None, typer.Argument(help="What the fleet should do, in plain language.")] = None,
    plan_file: Annotated[Path | None, typer.Option("--plan-file", "-p", help="Run this plan instead.")] = None,
    planner: Annotated[str | None, typer.Option(help="rules (default), llm, openai, replay, transformers.")] = None,
    llm_config: Annotated[Path | None, typer.Option(help="Language-layer YAML (default config/llm.yaml).")] = None,
    policy: Annotated[str, typer.Option(help="Allocator: heuristic, exact or dart_baseline.")] = "heuristic",
    seed: Annotated[int, typer.Option(help="Simulator seed (runs are deterministic per seed).")] = 0,
    out: Annotated[Path | None, typer.Option(help="Report directory (default runs/<plan id>).")] = None,
    gif: Annotated[bool, typer.Option(help="Also write an animated GIF of the run.")] = False,
    breakdown: Annotated[list[str] | None, typer.Option(help="Inject a breakdown: ROBOT@SECONDS (repeatable).")] = None,
    fail_p: Annotated[float, typer.Option(min=0.0, max=1.0, help="Probability that any skill fails.")] = 0.0,
    speed: Annotated[float, typer.Option(help="Pace the run at this multiple of real time (0: as fast as possible).")
                     ] = 0.0,
    live: Annotated[bool, typer.Option(help="Show the live progress view.")] = True,
    journal: Annotated[Path | None, typer.Option(help="Journal transitions to this JSONL file.")] = None,
    max_sim_time: Annotated[float, typer.Option(help="Give up after this many simulated seconds.")] = 3600.0,
    fleet: FleetOpt = None,
    world: WorldOpt = None,
) -> None:
    """Plan, allocate and execute in the built-in simulator, then write a run report.

    Exit code 0 when every subtask succeeded, 6 when the run failed, 7 when planning failed.
    """
    from ..llm.errors import PlanningError
    from ..runner import RunOptions, run_in_sim, write_run_report
    from ..sim.faults import Breakdown, FaultConfig

    with cli_errors():
        fleet_cfg, world_cfg = load_site(fleet, world)
        if (instruction is None) == (plan_file is None):
            raise typer.BadParameter("give an INSTRUCTION or --plan-file (exactly one)")
        if plan_file is not None:
            from .plan_cmd import read_plan_file

            graph = read_plan_file(plan_file)
        else:
            try:
                graph = plan_from_instruction(instruction or "", planner, llm_config, fleet_cfg, world_cfg)
            except PlanningError as exc:
                err_console.print(f"[bold red]planning failed[/]\n{escape(str(exc))}")
                raise typer.Exit(ExitCode.PLANNING_FAILED) from exc
        faults = FaultConfig(
            breakdowns=tuple(Breakdown(*parse_breakdown(b)) for b in breakdown or ()), skill_failure_p=fail_p)
        out_dir = out or Path("runs") / graph.plan_id
        options = RunOptions(policy=policy, seed=seed, faults=faults, journal=journal,
                             max_sim_time_s=max_sim_time, gif=out_dir / "run.gif" if gif else None)
        t_start = time.perf_counter()
        live_view: Live | None = None

        def on_step(engine: ExecutionEngine, sim) -> None:  # type: ignore[no-untyped-def]
            if speed > 0:
                ahead = sim.time / speed - (time.perf_counter() - t_start)
                if ahead > 0:
                    time.sleep(ahead)
            if live_view is not None:
                live_view.update(progress_view(engine, graph.plan_id, sim.time))

        if live and console.is_terminal:
            with Live(console=console, refresh_per_second=8, transient=False) as live_view:
                result = run_in_sim(graph, fleet_cfg, world_cfg, options, on_step=on_step)
        else:
            result = run_in_sim(graph, fleet_cfg, world_cfg, options, on_step=on_step if speed > 0 else None)
            console.print(progress_view(result.engine, graph.plan_id, result.sim_time_s))
        paths = write_run_report(result, out_dir, world_cfg)
    rep = result.report()
    console.print(
        f"[bold]{rep['outcome'].upper()}[/]  planned makespan {rep['planned_makespan_s']:.1f} s, "
        f"actual {rep['actual_makespan_s'] or 0:.1f} s, simulated {result.sim_time_s:.1f} s in "
        f"{result.wall_s:.2f} s wall ({result.speedup:.0f}x real time); keep-out violations "
        f"{rep['site']['keepout_violations']}, collisions {rep['site']['collisions']}")
    for note in result.notes:
        console.print(f"note: {escape(note)}")
    console.print("report: " + ", ".join(f"{k}={v}" for k, v in paths.items())
                  + (f", gif={options.gif}" if options.gif else ""))
    if result.status.state is not PlanState.SUCCEEDED:
        raise typer.Exit(ExitCode.RUN_FAILED)
