"""``dart-planner bench ...``: benchmarks that print numbers and ratios to a same-run baseline."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from .common import FleetOpt, WorldOpt, cli_errors, console, load_site

bench_app = typer.Typer(help="Benchmarks (numbers and ratios to a baseline measured in the same run).",
                        no_args_is_help=True)


@bench_app.command("validation")
def bench_validation_cmd(
    sizes: Annotated[str, typer.Option(help="Comma-separated plan sizes (subtasks).")] = "20,100,500",
    repeat: Annotated[int, typer.Option(min=1, help="Repetitions; the median is reported.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print rows as JSON.")] = False,
    fleet: FleetOpt = None,
    world: WorldOpt = None,
) -> None:
    """Parse + validate time of random valid plans, against plain json.loads (DART-LLM's only check)."""
    from ..bench.validation import bench_validation

    with cli_errors():
        fleet_cfg, world_cfg = load_site(fleet, world)
        rows = bench_validation(fleet_cfg, world_cfg, tuple(int(s) for s in sizes.split(",")), repeat)
    if as_json:
        console.out(json.dumps([{**r.__dict__, "total_ms": r.total_ms, "ratio_to_json": r.ratio_to_json}
                                for r in rows]))
        return
    table = Table(title="plan import + validation (median ms)")
    for col in ("subtasks", "json.loads", "import", "validate", "total", "x json.loads", "errors"):
        table.add_column(col, justify="right")
    for r in rows:
        table.add_row(str(r.subtasks), f"{r.json_ms:.3f}", f"{r.import_ms:.2f}", f"{r.validate_ms:.2f}",
                      f"{r.total_ms:.2f}", f"{r.ratio_to_json:.1f}", str(r.errors))
    console.print(table)


_PASS_THROUGH = {"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}


def _pass_through(name: str, module: str, summary: str) -> None:
    """Register ``bench NAME ARGS...`` forwarding ARGS to ``dart_planner.bench.<module>.main``.

    Those benchmarks own their argument parsing (``--help`` included), so they also run as
    ``python -m dart_planner.bench.<module>``.
    """

    @bench_app.command(name, context_settings=_PASS_THROUGH, add_help_option=False, help=summary)
    def _command(ctx: typer.Context) -> None:
        import importlib

        with cli_errors():
            code = importlib.import_module(f"dart_planner.bench.{module}").main(list(ctx.args))
        raise typer.Exit(int(code or 0))


def _register() -> None:
    from ..bench.allocation import bench_allocation

    bench_app.command("allocation")(bench_allocation)
    _pass_through("planning", "planning",
                  "Planning quality and latency per level on bench/data (exact DAG match, F1, validity).")
    _pass_through("execution", "execution", "Engine overhead per transition against a bare executor loop.")
    _pass_through("sim", "sim_speed", "Simulator speed-up over real time.")
    _pass_through("run-scale", "run_scale",
                  "A random plan of N subtasks on R robots executed end to end in the simulator.")
    _pass_through("perception", "perception", "Detector FPS on CPU at 320 vs 640 px, per-frame pipeline cost.")
    _pass_through("reliability", "reliability",
                  "Fuzz, injection, parse cost, LLM faults, concurrent plans under faults (crashes/unsafe must be 0).")
    _pass_through("bag-replay", "bag_replay", "Replay timing of a 10-minute bag at 10x against a naive replayer.")
    _pass_through("streaming", "streaming", "Time to first dispatch with streaming vs full-plan latency.")
    _pass_through("llm-overhead", "llm_overhead", "Language-layer overhead (prompt, parse, validate) per plan.")


_register()
