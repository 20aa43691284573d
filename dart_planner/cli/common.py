"""Shared CLI plumbing: config options, loading, and turning errors into exit codes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from ..core.errors import ConfigError, DartPlannerError, PlanFormatError, PlanValidationError
from ..resources import load_site as load_site  # the commands read the site through here
from .exit_codes import ExitCode

console = Console()
err_console = Console(stderr=True)

FleetOpt = Annotated[
    Path | None, typer.Option("--fleet", help="Fleet YAML (default: the shipped config/fleet.yaml).")
]
WorldOpt = Annotated[
    Path | None, typer.Option("--world", help="World YAML (default: the shipped config/world.yaml).")
]

T = TypeVar("T")


@contextmanager
def cli_errors() -> Iterator[None]:
    """Map the package's exceptions to a readable message and a distinct exit code."""
    try:
        yield
    except ConfigError as exc:
        err_console.print(f"[bold red]configuration error[/]\n{exc}", highlight=False)
        raise typer.Exit(ExitCode.CONFIG_ERROR) from exc
    except PlanFormatError as exc:
        err_console.print(f"[bold red]malformed plan[/]\n{exc}", highlight=False)
        raise typer.Exit(ExitCode.MALFORMED_PLAN) from exc
    except PlanValidationError as exc:
        err_console.print(f"[bold red]invalid plan[/]: {exc}", highlight=False)
        raise typer.Exit(ExitCode.INVALID_PLAN) from exc
    except DartPlannerError as exc:
        err_console.print(f"[bold red]error[/]: {exc}", highlight=False)
        raise typer.Exit(ExitCode.FAILURE) from exc


def run_cli(fn: Callable[[], T]) -> T:
    with cli_errors():
        return fn()
