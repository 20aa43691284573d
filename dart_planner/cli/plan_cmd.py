"""``dart-planner plan``: load or produce a plan, validate it, show it."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated

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


def plan(
    plan_file: Annotated[
        Path, typer.Option("--plan-file", "-p", help="A plan in DART-LLM or dart_planner/plan@1 JSON.")
    ],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the plan.")] = OutputFormat.table,
    png: Annotated[Path | None, typer.Option("--png", help="Also render the DAG to this PNG file.")] = None,
    fleet: FleetOpt = None,
    world: WorldOpt = None,
) -> None:
    """Validate a plan file and print its DAG (exit 3 if invalid, 4 if malformed, 5 on bad config)."""
    with cli_errors():
        fleet_cfg, world_cfg = load_site(fleet, world)
        graph = read_plan_file(plan_file)
        report = validate_plan(graph, fleet_cfg, world_cfg)
        print_report(report)
        if png is not None and graph.subtasks:
            from ..viz.dag_png import render_dag_png

            render_dag_png(graph, png, title=graph.instruction or None)
            err_console.print(f"DAG written to {png}")
        if report.ok:
            show_plan(graph, fmt, fleet_cfg, world_cfg)
        else:
            raise PlanValidationError(report)
