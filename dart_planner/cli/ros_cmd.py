"""``dart-planner ros``: the whole ROS 2 stack in one process (no ``ros2`` CLI needed).

rclpy is imported only when the command runs, so the rest of the CLI works without ROS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import FleetOpt, WorldOpt, cli_errors, err_console
from .exit_codes import ExitCode


def ros(
    fleet: FleetOpt = None,
    world: WorldOpt = None,
    llm_config: Annotated[Path | None, typer.Option(help="Language-layer YAML (default config/llm.yaml).")] = None,
    backend: Annotated[str, typer.Option(help="Planner: rules, llm, openai, replay, transformers, llamacpp.")
                       ] = "rules",
    cassette: Annotated[Path | None, typer.Option(help="Cassette JSONL for the replay backend.")] = None,
    require_approval: Annotated[bool, typer.Option(help="Hold every plan until /<ns>/approve is called.")
                                ] = False,
    safety_file: Annotated[Path | None, typer.Option(help="Safety policy YAML for the allocator: which plans need "
                                                          "approval, geofence margin, speed limits per robot type "
                                                          "(default config/safety.yaml).")] = None,
    journal: Annotated[Path | None, typer.Option(help="Execution journal; a restarted stack resumes from it.")
                       ] = None,
    policy: Annotated[str, typer.Option(help="Allocator: heuristic, exact or dart_baseline.")] = "heuristic",
    namespace: Annotated[str, typer.Option(help="Namespace of the planner nodes and their topics.")] = "dart",
    with_sim: Annotated[bool, typer.Option("--with-sim/--no-sim", help="Start the built-in simulator.")] = True,
    with_actuation: Annotated[bool, typer.Option("--with-actuation/--no-actuation",
                                                 help="Start one actuation node per robot.")] = True,
    with_detector: Annotated[bool, typer.Option("--with-detector/--no-detector",
                                                help="Start the detector node.")] = True,
    sim_time_scale: Annotated[float, typer.Option(min=0.01, help="Simulator speed relative to real time.")] = 1.0,
    actuation_backend: Annotated[str, typer.Option(help="Actuation: twist or nav2.")] = "twist",
    joint_command_format: Annotated[str, typer.Option(help="joint_state (built-in sim) or float64 (Gazebo bridge).")
                                    ] = "joint_state",
    detector_backend: Annotated[str, typer.Option(help="Detector: groundtruth, ultralytics, transformers.")
                                ] = "groundtruth",
    instruction: Annotated[str | None, typer.Option(help="Send this instruction once the stack is up.")] = None,
    exit_when_done: Annotated[bool, typer.Option(help="With --instruction: exit when its plan finished "
                                                      "(exit code 0 only if it succeeded).")] = False,
    duration: Annotated[float | None, typer.Option(min=0.0, help="Stop after this many seconds.")] = None,
    ros_args: Annotated[list[str] | None, typer.Option("--ros-arg", help="Extra ROS argument (repeatable).")
                        ] = None,
) -> None:
    """Run language, allocator, detector, simulator and actuation nodes in one process.

    The same node set and parameters as ``ros2 launch dart_planner dart.launch.py``, spun by one
    MultiThreadedExecutor. Stop with Ctrl-C. Exit code 6 when --exit-when-done and the plan did not
    succeed (7 when it was rejected).
    """
    with cli_errors():
        try:
            from ..nodes.runner import StackOptions, run_stack
        except ImportError as exc:
            err_console.print(f"[bold red]ROS 2 is not available[/]: {exc} (install the 'ros' extra)")
            raise typer.Exit(ExitCode.CONFIG_ERROR) from exc
        options = StackOptions(
            fleet_file=str(fleet or ""), world_file=str(world or ""), llm_config=str(llm_config or ""),
            backend=backend, cassette=str(cassette or ""), require_approval=require_approval,
            safety_file=str(safety_file or ""),
            journal_path=str(journal or ""), policy=policy, namespace=namespace.strip("/") or "dart",
            with_sim=with_sim, with_actuation=with_actuation, with_detector=with_detector,
            sim_time_scale=sim_time_scale, actuation_backend=actuation_backend, detector_backend=detector_backend,
            joint_command_format=joint_command_format)
        args = ["dart-planner-ros", "--ros-args", *ros_args] if ros_args else None
        outcome = run_stack(options, args=args, instruction=instruction, exit_when_done=exit_when_done,
                            duration_s=duration)
    if instruction is not None and exit_when_done:
        if outcome == "succeeded":
            return
        err_console.print(f"plan outcome: {outcome or 'unfinished'}")
        raise typer.Exit(ExitCode.PLANNING_FAILED if outcome == "rejected" else ExitCode.RUN_FAILED)


if __name__ == "__main__":  # pragma: no cover - `python -m dart_planner.cli.ros_cmd`, used by tests
    typer.run(ros)
