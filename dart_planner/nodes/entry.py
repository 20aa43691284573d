"""The one ``main`` every node shares: init, build, spin, report, shut down cleanly.

A configuration problem (bad fleet/world file, unknown robot, damaged journal) is a
DartPlannerError: it is logged as fatal and the process exits 1 instead of dumping a
traceback; Ctrl-C and an external shutdown end the process quietly.

Any other exception out of the executor's spin (a callback that raised: rclpy hands it on
from ``spin_once``; or rclpy's own wait loop failing) ends the node too: it is logged as
fatal, with its traceback and :data:`SPIN_DIED`, and the process exits 1. A node whose
callback crashed must not go on half-alive, and a supervisor (launch's ``on_exit``, a test's
``spin_until``) must see the failure at once, not as silence until some timeout.

Before the node is destroyed the executor is shut down, which for a multi-threaded one waits
for callbacks still running in its pool: destroying publishers under a running callback
would raise inside it (InvalidHandle) and hide the first error behind a second one.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

import rclpy
from rclpy.executors import Executor, ExternalShutdownException
from rclpy.node import Node

from ..core.errors import DartPlannerError

__all__ = ["run_node", "SPIN_DIED", "EXIT_SPIN_DIED"]

SPIN_DIED = "the executor's spin ended by an exception"
"""Words of the fatal log line of a node whose spin raised (tests look for them)."""
EXIT_SPIN_DIED = 1
"""Exit status of a node whose spin raised (the status of an uncaught Python exception)."""
_SHUTDOWN_WAIT_S = 2.0


def run_node(
    make_node: Callable[[], Node],
    name: str,
    make_executor: Callable[[], Executor],
    args: list[str] | None = None,
    init: Callable[[list[str] | None], None] | None = None,
) -> None:
    """Run one node until shutdown. ``init`` replaces ``rclpy.init`` (custom signal handling).

    Raises
    ------
    SystemExit
        Status 1 after a configuration error or an exception out of the spin (logged first).
    """
    (init or (lambda a: rclpy.init(args=a)))(args)
    node: Node | None = None
    executor: Executor | None = None
    try:
        try:
            node = make_node()
            executor = make_executor()
            executor.add_node(node)
        except DartPlannerError as exc:  # a configuration problem: one line, no traceback
            rclpy.logging.get_logger(name).fatal(str(exc))
            raise SystemExit(1) from exc
        try:
            executor.spin()
        except (KeyboardInterrupt, ExternalShutdownException):
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a callback raised ends the node, reported
            node.get_logger().fatal(
                f"{SPIN_DIED}: {type(exc).__name__}: {exc}\n{''.join(traceback.format_exception(exc)).rstrip()}")
            raise SystemExit(EXIT_SPIN_DIED) from exc
    except (KeyboardInterrupt, ExternalShutdownException):
        pass
    finally:
        if executor is not None:
            try:
                executor.shutdown(timeout_sec=_SHUTDOWN_WAIT_S)
            except Exception as exc:  # noqa: BLE001 - shutting down: the context may be gone already
                rclpy.logging.get_logger(name).warning(f"executor shutdown: {exc}")
        if node is not None:
            node.destroy_node()
        rclpy.try_shutdown()
