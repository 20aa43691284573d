"""The one ``main`` every node shares: init, build, spin, report, shut down cleanly.

A configuration problem (bad fleet/world file, unknown robot, damaged journal) is a
DartPlannerError: it is logged as fatal and the process exits 1 instead of dumping a
traceback; Ctrl-C and an external shutdown end the process quietly.

Any other exception out of the executor's spin (a callback that raised: rclpy hands it on
from ``spin_once``; or rclpy's own wait loop failing) ends the node too: it is logged as
fatal, with its traceback and :data:`SPIN_DIED`, and the process exits 1. A node whose
callback crashed must not go on half-alive, and a supervisor (launch's ``on_exit``, a test's
``spin_until``) must see the failure at once, not as silence until some timeout.

Before the node is destroyed the executor is shut down and the callbacks still running in a
multi-threaded pool are given :data:`SHUTDOWN_WAIT_S` to finish (:func:`shut_down_executor`):
destroying publishers under a running callback would raise inside it (InvalidHandle) and hide
the first error behind a second one. rclpy's own ``shutdown(timeout_sec)`` cannot be used for
that: this rclpy's base ``Executor.shutdown`` never waits, and ``MultiThreadedExecutor.shutdown``
joins its pool with no time limit (a callback blocked forever meant a process that never ended).
A callback still running at the deadline is logged as an error (:data:`CALLBACKS_STUCK`) and the
process ends at once with a non-zero status, without destroying the node under it.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import rclpy
from rclpy.executors import Executor, ExternalShutdownException, MultiThreadedExecutor
from rclpy.node import Node

from ..core.errors import DartPlannerError

__all__ = ["run_node", "shut_down_executor", "SPIN_DIED", "EXIT_SPIN_DIED", "CALLBACKS_STUCK",
           "EXIT_CALLBACKS_STUCK", "SHUTDOWN_WAIT_S"]

SPIN_DIED = "the executor's spin ended by an exception"
"""Words of the fatal log line of a node whose spin raised (tests look for them)."""
EXIT_SPIN_DIED = 1
"""Exit status of a node whose spin raised (the status of an uncaught Python exception)."""
CALLBACKS_STUCK = "callbacks still running after the executor was shut down"
"""Words of the error log line of a node whose pool callbacks did not finish in :data:`SHUTDOWN_WAIT_S`."""
EXIT_CALLBACKS_STUCK = 1
"""Exit status then (the node is not destroyed: the process ends under the stuck callback)."""
SHUTDOWN_WAIT_S = 2.0
"""Seconds the callbacks still running in a multi-threaded executor's pool get to finish."""


def shut_down_executor(executor: Executor, timeout_s: float = SHUTDOWN_WAIT_S) -> bool:
    """Shut ``executor`` down, waiting at most ``timeout_s`` for callbacks still running in its pool.

    Call it once nothing spins the executor any more. Returns False when a pool thread is still
    busy at the deadline: the caller must not destroy the nodes (the callback would fail on them)
    and should end the process instead. A single-threaded executor ran its callbacks in the thread
    that spun it, so nothing of it can still run.
    """
    pool = getattr(executor, "_executor", None)  # MultiThreadedExecutor's pool
    if isinstance(executor, MultiThreadedExecutor) and isinstance(pool, ThreadPoolExecutor):
        # Not executor.shutdown(timeout_sec): it joins the pool with no time limit. The pool is
        # closed first (callbacks already queued still run; each thread ends once it is free) and
        # its threads are joined against one deadline; only then does rclpy's shutdown destroy the
        # guard condition a callback that has not started yet would trigger.
        pool.shutdown(wait=False)
        threads = list(getattr(pool, "_threads", ()))
        end = time.monotonic() + timeout_s
        for thread in threads:
            thread.join(max(0.0, end - time.monotonic()))
        if any(thread.is_alive() for thread in threads):
            return False
        executor.shutdown(timeout_sec=0, wait_for_threads=False)
        return True
    # Single-threaded: its callbacks ran in the thread that spun it, so none can still run
    # (another executor type keeps rclpy's own wait).
    return executor.shutdown(timeout_sec=timeout_s)


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
                finished = shut_down_executor(executor)
            except Exception as exc:  # noqa: BLE001 - shutting down: the context may be gone already
                rclpy.logging.get_logger(name).warning(f"executor shutdown: {exc}")
                finished = True
            if not finished:
                # A callback is stuck (blocked on something that will now never come): destroying
                # the node would fail inside it, and the interpreter's exit would join its thread
                # for ever. The process ends here; its DDS participant goes with it.
                rclpy.logging.get_logger(name).error(
                    f"{CALLBACKS_STUCK} for {SHUTDOWN_WAIT_S:g} s: exiting without destroying the node")
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(EXIT_CALLBACKS_STUCK)
        if node is not None:
            node.destroy_node()
        rclpy.try_shutdown()
