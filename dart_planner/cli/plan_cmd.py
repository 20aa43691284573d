"""``dart-planner plan``: load or produce a plan, validate it, show it."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from ..core.errors import PlanValidationError
from ..core.fleet import Fleet
from ..core.plan import TaskGraph, load_plan_document
from ..core.validate import ValidationReport, validate_plan
from ..core.world import World
from ..viz.graph_formats import robots_label, to_dot, to_mermaid
from .common import FleetOpt, WorldOpt, cli_errors, console, err_console, load_site
from .exit_codes import ExitCode

if TYPE_CHECKING:  # the language layer is imported only when a plan is made from text
    from ..llm.config import LLMConfig


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    dart = "dart"
    dot = "dot"
    mermaid = "mermaid"


def read_plan_file(path: Path) -> TaskGraph:
    from ..core.errors import PlanFormatError

    try:
        text = path.read_bytes()
    except OSError as exc:
        raise PlanFormatError([f"{path}: cannot read: {exc.strerror or exc}"]) from exc
    return load_plan_document(text)


def plan_table(graph: TaskGraph) -> Table:
    table = Table(title=f"plan {graph.plan_id}" + (f" — {graph.instruction}" if graph.instruction else ""),
                  show_lines=False)
    for col in ("layer", "task", "skill", "robots", "objects", "after"):
        table.add_column(col, overflow="fold")
    layers = graph.layers() if graph.is_acyclic() else [list(graph.ids)]
    for k, layer in enumerate(layers):
        for tid in layer:
            s = graph[tid]
            table.add_row(str(k), s.id, s.skill, robots_label(s), ", ".join(s.object_keywords),
                          ", ".join(s.dependencies))
    return table


def plan_tree(graph: TaskGraph) -> Tree:
    """The DAG as a tree from its roots; a task with several parents appears under each."""
    tree = Tree(f"[bold]{escape(graph.plan_id)}[/]")

    def add(node: Tree, tid: str, depth: int) -> None:
        s = graph[tid]
        label = escape(f"{s.skill} {', '.join(s.object_keywords)} [{robots_label(s)}]")
        branch = node.add(f"{escape(tid)}  [dim]{label}[/]")
        if depth < 50:
            for child in graph.dependents(tid):
                add(branch, child, depth + 1)

    for root in [t for t in graph.ids if graph.graph.in_degree(t) == 0]:
        add(tree, root, 0)
    return tree


def print_report(report: ValidationReport) -> None:
    for issue in report.issues:
        color = "red" if issue in report.errors else "yellow"
        err_console.print(f"[{color}]{issue.severity.value}[/] {issue}", highlight=False)


def show_plan(graph: TaskGraph, fmt: OutputFormat, fleet: Fleet, world: World) -> None:
    if fmt is OutputFormat.json:
        console.print_json(json.dumps(graph.to_native()))
    elif fmt is OutputFormat.dart:
        console.print_json(json.dumps(graph.to_dart()))
    elif fmt is OutputFormat.dot:
        console.out(to_dot(graph), end="")
    elif fmt is OutputFormat.mermaid:
        console.out(to_mermaid(graph), end="")
    else:
        console.print(plan_table(graph))
        if graph.is_acyclic() and len(graph) <= 60:
            console.print(plan_tree(graph))


def _planner_config(llm_config: Path | None, backend: str | None, model: str | None,
                    record_cassette: Path | None, no_memory: bool) -> LLMConfig:
    from ..llm.config import load_llm_config

    cfg = load_llm_config(llm_config)
    overrides: dict[str, object] = {}
    if backend:
        overrides["backend"] = backend
    if model:
        overrides["model"] = model
    if record_cassette:
        overrides["record_cassette"] = str(record_cassette)
    if no_memory:
        overrides["use_memory"] = False
    return cfg.with_overrides(**overrides) if overrides else cfg


def run_batch(batch: Path, out: Path, planner, fleet: Fleet, world: World) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Plan every ``{"id", "instruction"}`` line; write ``{"id", "plan"}`` or ``{"id", "plan": null, "error"}``.

    A bad line never stops the batch: it gets an error record of its own.
    """
    from ..core.errors import DartPlannerError
    from ..core.strict_json import strict_loads

    ok = failed = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with batch.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(src, 1):
            if not line.strip():
                continue
            record: dict[str, object] = {"id": n, "plan": None}
            try:
                item = strict_loads(line, f"{batch}:{n}")
                if not isinstance(item, dict) or not isinstance(item.get("instruction"), str):
                    raise ValueError('each line must be an object with an "instruction" string')
                record["id"] = item.get("id", n)
                result = planner.plan(item["instruction"], fleet, world)
                record["plan"] = result.graph.to_dart()
                ok += 1
            except (DartPlannerError, ValueError) as exc:
                record["error"] = str(exc)
                failed += 1
            dst.write(json.dumps(record, allow_nan=False) + "\n")
    return ok, failed


def plan(
    instruction: Annotated[str | None, typer.Argument(help="What the fleet should do, in plain language.")] = None,
    plan_file: Annotated[
        Path | None, typer.Option("--plan-file", "-p", help="A plan in DART-LLM or dart_planner/plan@1 JSON.")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the plan.")] = OutputFormat.table,
    png: Annotated[Path | None, typer.Option("--png", help="Also render the DAG to this PNG file.")] = None,
    do_allocate: Annotated[bool, typer.Option("--allocate", help="Also allocate robots and print the schedule.")
                           ] = False,
    policy: Annotated[str, typer.Option(help="Allocator for --allocate: heuristic, exact, dart_baseline.")
                      ] = "heuristic",
    gantt: Annotated[Path | None, typer.Option(help="Draw the schedule as a Gantt chart PNG (implies --allocate).")
                     ] = None,
    batch: Annotated[Path | None, typer.Option(help='Plan each {"id","instruction"} line of this JSONL file.')
                     ] = None,
    out: Annotated[Path | None, typer.Option(help="Output JSONL for --batch.")] = None,
    planner: Annotated[str | None, typer.Option(help="rules (default), llm, or a backend: openai, replay, ...")
                       ] = None,
    llm_config: Annotated[Path | None, typer.Option(help="Language-layer YAML (default config/llm.yaml).")] = None,
    backend: Annotated[str | None, typer.Option(help="Override the LLM backend of the config.")] = None,
    model: Annotated[str | None, typer.Option(help="Override the LLM model of the config.")] = None,
    record_cassette: Annotated[Path | None, typer.Option(help="Record LLM exchanges to this cassette JSONL.")
                               ] = None,
    no_memory: Annotated[bool, typer.Option("--no-memory", help="Bypass plan memory.")] = False,
    fleet: FleetOpt = None,
    world: WorldOpt = None,
) -> None:
    """Plan an instruction (or validate a plan file), print the DAG, optionally allocate.

    Exit codes: 0 ok, 3 invalid plan, 4 malformed plan file, 5 bad config, 7 planning failed.
    """
    from ..llm.errors import PlanningError

    with cli_errors():
        fleet_cfg, world_cfg = load_site(fleet, world)
        given = [x is not None for x in (instruction, plan_file, batch)]
        if sum(given) != 1:
            raise typer.BadParameter("give exactly one of: INSTRUCTION, --plan-file, --batch")
        if batch is not None or instruction is not None:
            from ..llm.pipeline import make_planner

            cfg = _planner_config(llm_config, backend, model, record_cassette, no_memory)
            planner_obj = make_planner(planner, cfg)
        if batch is not None:
            if out is None:
                raise typer.BadParameter("--batch needs --out OUT.jsonl")
            ok, failed = run_batch(batch, out, planner_obj, fleet_cfg, world_cfg)
            err_console.print(f"{ok} planned, {failed} failed -> {out}")
            return
        if plan_file is not None:
            graph = read_plan_file(plan_file)
        else:
            try:
                result = planner_obj.plan(instruction or "", fleet_cfg, world_cfg)
            except PlanningError as exc:
                err_console.print(f"[bold red]planning failed[/]\n{escape(str(exc))}", highlight=False)
                raise typer.Exit(ExitCode.PLANNING_FAILED) from exc
            graph = result.graph
            err_console.print(f"planned {len(graph)} subtasks with {result.planner or planner} in "
                              f"{1000 * result.latency_s:.2f} ms" + (" (from memory)" if result.from_memory else ""))
            for note in (result.details or {}).get("layout_notes", ()):  # what the layout pass rewrote or kept apart
                err_console.print(f"[yellow]layout[/] {escape(str(note))}", highlight=False)
        report = validate_plan(graph, fleet_cfg, world_cfg)
        print_report(report)
        if png is not None and graph.subtasks:
            from ..viz.dag_png import render_dag_png

            render_dag_png(graph, png, title=graph.instruction or None)
            err_console.print(f"DAG written to {png}")
        if not report.ok:
            raise PlanValidationError(report)
        show_plan(graph, fmt, fleet_cfg, world_cfg)
        if do_allocate or gantt is not None:
            from ..core.allocate import allocate
            from .allocate_view import print_schedule

            schedule = allocate(graph, fleet_cfg, world_cfg, policy=policy)
            print_schedule(schedule, graph, console)
            if gantt is not None:
                from ..viz.gantt import render_gantt

                render_gantt(schedule, gantt, title=f"{graph.plan_id} ({schedule.policy})")
                err_console.print(f"Gantt chart written to {gantt}")
