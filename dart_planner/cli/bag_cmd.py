"""``dart-planner record``, ``replay`` (and ``replay --rejudge``) and ``bag info``: rosbag2 bags of the stack.

rclpy is imported only inside ``record`` and ``replay``, so ``bag info`` works without ROS;
``replay --rejudge`` starts no ROS graph (see :mod:`dart_planner.bag.rejudge`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..bag.io import BagFormat
from .common import cli_errors, console, err_console

__all__ = ["record", "replay", "bag_app", "bag_info_cmd"]

bag_app = typer.Typer(help="Inspect rosbag2 bags (mcap or sqlite3).", no_args_is_help=True)


@bag_app.callback()
def _bag_group() -> None:
    """Inspect rosbag2 bags (mcap or sqlite3)."""


def _split(values: list[str] | None) -> list[str]:
    """Repeatable options that also accept comma-separated lists."""
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


FormatOpt = Annotated[BagFormat, typer.Option("--format", "-f", help="Storage: mcap (default) or sqlite3.")]
FleetYamlOpt = Annotated[Path | None, typer.Option(
    "--fleet", help="Fleet YAML whose robots' topics are recorded (default: the shipped config/fleet.yaml).")]
DurationOpt = Annotated[float | None, typer.Option(
    min=0.0, help="Stop after this many seconds (default: at Ctrl-C).")]
ExtraTopicOpt = Annotated[list[str] | None, typer.Option(
    "--topic", "-t", help="Also record this topic (repeatable; its type is taken from the graph).")]
RateOpt = Annotated[float, typer.Option("--rate", "-r", help="Speed factor (> 0).")]
StartOpt = Annotated[float, typer.Option("--start", "-s", min=0.0, help="Skip the bag's first seconds.")]
TopicsOpt = Annotated[list[str] | None, typer.Option(
    "--topics", "--topic", help="Replay only these topics (repeatable or comma-separated).")]
LoopOpt = Annotated[bool, typer.Option("--loop", "-l", help="Restart after the last message until Ctrl-C.")]
WaitOpt = Annotated[float, typer.Option(
    min=0.0, help="Wait up to this many seconds for a subscriber on every topic before starting "
                  "(a new process may take ~3 s to discover a running graph).")]


def record(
    out: Annotated[Path, typer.Argument(help="Bag folder to create (must not exist).")],
    storage: FormatOpt = BagFormat.MCAP,
    namespace: Annotated[str, typer.Option(help="Planner namespace.")] = "dart",
    fleet: FleetYamlOpt = None,
    duration: DurationOpt = None,
    topic: ExtraTopicOpt = None,
    camera: Annotated[bool, typer.Option(help="Record the site camera image and camera info.")] = True,
) -> None:
    """Record the stack's topics (plans, status, LLM exchanges, robot odom/cmd_vel/joints, camera)."""
    from ..bag.recorder import record as record_bag
    from ..core.fleet import load_fleet
    from ..resources import default_fleet_path

    with cli_errors():
        robots = load_fleet(fleet or default_fleet_path())
        err_console.print(f"recording to {out} ({storage.value}); Ctrl-C to stop", highlight=False)
        report = record_bag(out, storage, namespace=namespace, robots=robots, camera=camera,
                            extra_topics=_split(topic), duration_s=duration)
    for name, reason in sorted(report.skipped.items()):
        err_console.print(f"[yellow]not recorded[/] {name}: {reason}", highlight=False)
    console.print(f"{report.message_count} messages on {sum(1 for n in report.counts.values() if n)} topics "
                  f"in {report.wall_s:.1f} s -> {report.path}", highlight=False)


def replay(
    bag: Annotated[Path, typer.Argument(help="Bag folder, or a .mcap/.db3 file.")],
    rate: RateOpt = 1.0,
    start: StartOpt = 0.0,
    topics: TopicsOpt = None,
    loop: LoopOpt = False,
    wait: WaitOpt = 3.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the replay (or re-judge) report as JSON.")] = False,
    rejudge: Annotated[bool, typer.Option(
        "--rejudge", help="Do not republish: re-run the bag's instructions with the current code and compare "
                          "plans, assignments and outcomes with the recorded ones (see below).")] = False,
    planner: Annotated[str | None, typer.Option(
        help="--rejudge: planner to re-plan with (default: replay the bag's LLM exchanges, or rules for a "
             "rules-planned run).")] = None,
    policy: Annotated[str, typer.Option(help="--rejudge: allocation policy (heuristic, exact, dart_baseline).")
                      ] = "heuristic",
    fleet: Annotated[Path | None, typer.Option(help="--rejudge: fleet YAML (default: the shipped one).")] = None,
    world: Annotated[Path | None, typer.Option(help="--rejudge: world YAML (default: the shipped one).")] = None,
    llm_config: Annotated[Path | None, typer.Option(
        "--llm-config", help="--rejudge: language-layer YAML (default: the shipped config/llm.yaml).")] = None,
    namespace: Annotated[str | None, typer.Option(
        help="--rejudge: planner namespace in the bag (default: the one it holds).")] = None,
    makespan_tol: Annotated[float, typer.Option(
        "--makespan-tol", min=0.0, help="--rejudge: makespans closer than this (s) count as equal.")] = 0.1,
    save_cassette: Annotated[Path | None, typer.Option(
        "--save-cassette", help="--rejudge: also write the cassette built from the bag's LLM exchanges here.")
                             ] = None,
    safety_file: Annotated[Path | None, typer.Option(
        "--safety-file", help="--rejudge: allocator_node's safety policy YAML (default: the shipped one).")] = None,
) -> None:
    """Republish a bag into the ROS graph with its recorded timing (latched topics stay latched).

    With --rejudge nothing is published: the recorded instructions (with the perceived objects
    recorded before each, and the recorded LLM request/response pairs as a replay-backend
    cassette) go through the CURRENT code, ROS-free but along the nodes' own code path
    (language_node's planner and validation, allocator_node's execution engine and allocator,
    the built-in simulator in place of actuation nodes and sim_node). New task graphs (equal up
    to renaming), robots per subtask, makespans and outcomes are compared with the recorded
    ones. Exit code 0: identical; 8: something differs; 1: the bag cannot be used.
    """
    if rejudge:
        _rejudge(bag, planner=planner, policy=policy, fleet=fleet, world=world, llm_config=llm_config,
                 namespace=namespace, makespan_tol=makespan_tol, save_cassette=save_cassette,
                 safety_file=safety_file, as_json=as_json)
        return
    import threading

    import rclpy
    from rclpy.context import Context
    from rclpy.signals import SignalHandlerOptions

    from ..bag.replayer import BagReplayer
    from ..bag.signals import stop_on_signals

    with cli_errors():
        ctx = Context()
        rclpy.init(context=ctx, signal_handler_options=SignalHandlerOptions.NO)
        node = None
        try:
            with stop_on_signals(threading.Event()) as stop:
                node = BagReplayer(bag, rate=rate, start_offset_s=start, topics=_split(topics) or None,
                                   context=ctx)
                if wait > 0 and not node.wait_for_subscribers(1, wait):
                    err_console.print("[yellow]not every topic has a subscriber; replaying anyway[/]")
                report = node.play(loop=loop, stop=stop)
        finally:
            if node is not None:
                node.destroy_node()
            rclpy.try_shutdown(context=ctx)
    if as_json:
        console.out(json.dumps({**report.__dict__, "achieved_factor": report.achieved_factor}))
        return
    console.print(f"{report.messages} messages, {report.loops} loop(s), {report.wall_s:.2f} s wall for "
                  f"{report.bag_span_s:.2f} s recorded (x{report.achieved_factor:.2f}, asked "
                  f"x{report.rate:g}); timing error p50 {report.error_p50_ms:.3f} ms, "
                  f"p95 {report.error_p95_ms:.3f} ms, max {report.error_max_ms:.3f} ms", highlight=False)


def _rejudge(bag: Path, *, planner: str | None, policy: str, fleet: Path | None, world: Path | None,
             llm_config: Path | None, namespace: str | None, makespan_tol: float, save_cassette: Path | None,
             safety_file: Path | None, as_json: bool) -> None:
    from ..bag.rejudge import RejudgeOptions, format_rejudge
    from ..bag.rejudge import rejudge as run_rejudge
    from ..core.safety import load_safety_policy
    from ..llm.config import load_llm_config
    from .common import load_site
    from .exit_codes import ExitCode

    with cli_errors():
        site_fleet, site_world = load_site(fleet, world)
        options = RejudgeOptions(site_fleet, site_world, llm_config=load_llm_config(llm_config),
                                 planner=planner, policy=policy, makespan_tol_s=makespan_tol,
                                 save_cassette=save_cassette, safety=load_safety_policy(safety_file))
        report = run_rejudge(bag, options, namespace=namespace)
    if as_json:
        console.out(json.dumps(report.to_dict()))
    else:
        console.out(format_rejudge(report))
    if not report.identical:
        raise typer.Exit(ExitCode.REJUDGE_DIFFERS)


@bag_app.command("info")
def bag_info_cmd(
    bag: Annotated[Path, typer.Argument(help="Bag folder, or a .mcap/.db3 file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Topics, counts, duration, and the plans in the bag with their outcomes."""
    from ..bag.info import bag_info, format_info

    with cli_errors():
        info = bag_info(bag)
    if as_json:
        console.out(json.dumps(info.to_dict()))
    else:
        console.out(format_info(info))
