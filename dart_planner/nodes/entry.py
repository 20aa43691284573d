"""The one ``main`` every node shares: init, build, spin, report, shut down cleanly.

A configuration problem (bad fleet/world file, unknown robot, damaged journal) is a
DartPlannerError: it is logged as fatal and the process exits 1 instead of dumping a
traceback; Ctrl-C and an external shutdown end the process quietly.
"""

from __future__ import annotations

from collections.abc import Callable

import rclpy
from rclpy.executors import Executor, ExternalShutdownException
from rclpy.node import Node

from ..core.errors import DartPlannerError

__all__ = ["run_node"]


def run_node(
    make_node: Callable[[], Node],
    name: str,
    make_executor: Callable[[], Executor],
    args: list[str] | None = None,
    init: Callable[[list[str] | None], None] | None = None,
) -> None:
    """Run one node until shutdown. ``init`` replaces ``rclpy.init`` (custom signal handling)."""
    (init or (lambda a: rclpy.init(args=a)))(args)
    node: Node | None = None
    try:
        node = make_node()
        executor = make_executor()
        executor.add_node(node)
        executor.spin()
    except (KeyboardInterrupt, ExternalShutdownException):
        pass
    except DartPlannerError as exc:
        rclpy.logging.get_logger(name).fatal(str(exc))
        raise SystemExit(1) from exc
    finally:
        if node is not None:
            node.destroy_node()
        rclpy.try_shutdown()
