"""The ``dart-planner`` command.

Subcommands live in their own modules and are registered here, so each stays small.
"""

from __future__ import annotations

import typer

from .bag_cmd import bag_app, record, replay
from .bench_cmd import bench_app
from .perception_cmd import perception_app
from .plan_cmd import plan
from .ros_cmd import ros
from .run_cmd import run

app = typer.Typer(
    name="dart-planner",
    help="Plain-language multi-robot task planning: plan, allocate, execute, benchmark.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("plan")(plan)
app.command("run")(run)
app.command("ros")(ros)
app.add_typer(bench_app, name="bench")
app.command("record")(record)
app.command("replay")(replay)
app.add_typer(bag_app, name="bag")
app.add_typer(perception_app, name="perception")


@app.callback()
def _root() -> None:
    """Plain-language multi-robot task planning: plan, allocate, execute, benchmark."""


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
