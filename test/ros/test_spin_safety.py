"""Spin-thread safety: a dead spin is reported at once, and nothing is destroyed under a running spin.

A spin that dies (a callback raised; rclpy's wait loop raised InvalidHandle for an entity destroyed
under it, as in the full-stack CI run fixed by f9ca75d) used to show only as a timeout: the test
helpers waited out their 10-90 s, and a node process printed a bare traceback. Now:

* the background spins of the tests (conftest.spinning, planner_helpers.running, the full-stack and
  record/replay ``spinning`` helpers built on it) keep the exception, and ``spin_until`` /
  ``wait_for`` raise :class:`conftest.SpinDied` from it at the next poll;
* a node process (every node's ``main`` is :func:`dart_planner.nodes.entry.run_node`) logs the
  exception as fatal with :data:`~dart_planner.nodes.entry.SPIN_DIED`, shuts its executor down
  (waiting, at most 2 s, for callbacks still running in a multi-threaded pool; a stuck one ends
  the process without destroying the node) before destroying the node, and exits 1;
  ``spin_until`` in the test that started it raises at once.
"""

from __future__ import annotations

import os
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

rclpy = pytest.importorskip("rclpy")
from conftest import NodeProcess, SpinDied, record_destruction, spin_until, spinning, wait_for  # noqa: E402
from planner_helpers import running  # noqa: E402
from rclpy.executors import MultiThreadedExecutor, SingleThreadedExecutor  # noqa: E402
from std_msgs.msg import String  # noqa: E402

from dart_planner.nodes.entry import (  # noqa: E402
    CALLBACKS_STUCK,
    EXIT_CALLBACKS_STUCK,
    EXIT_SPIN_DIED,
    SPIN_DIED,
    shut_down_executor,
)

pytestmark = pytest.mark.ros

BOOM = "boom from a timer callback"
LONG = 120.0
"""A timeout no test here waits out: reaching it is the failure (the dead spin went unnoticed)."""


class Crashing:
    """A node whose timer raises on its ``fire_on``-th call (set ``armed`` to start counting)."""

    def __init__(self, context: Any, fire_on: int = 3) -> None:
        self.node = rclpy.create_node(f"crashing_{os.getpid()}_{time.monotonic_ns() % 100000}", context=context)
        self.calls = 0
        self.fire_on = fire_on
        self.node.create_timer(0.02, self._tick)

    def _tick(self) -> None:
        self.calls += 1
        if self.calls == self.fire_on:
            raise RuntimeError(BOOM)


def _spinning_mt(context: Any, node: Any) -> Any:
    return spinning(context, node)


def _spinning_st(context: Any, node: Any) -> Any:
    return spinning(context, node, executor=SingleThreadedExecutor(context=context))


def _running(context: Any, node: Any) -> Any:
    return running(context, node)


HELPERS: dict[str, Callable[[Any, Any], Any]] = {
    "spinning-multi": _spinning_mt, "spinning-single": _spinning_st, "planner_helpers.running": _running}


@pytest.mark.parametrize("helper", list(HELPERS))
def test_spin_until_raises_at_once_with_the_exception_that_killed_a_background_spin(
        helper: str, ros_context: Any, ros_node: Any) -> None:
    """Before: spin_until returned False after its whole timeout (here 120 s), the cause printed
    by the thread's excepthook, far from the failing assertion."""
    crashing = Crashing(ros_context)
    with pytest.raises(SpinDied, match=BOOM) as info:
        with HELPERS[helper](ros_context, crashing.node):
            spin_until(ros_node, lambda: False, LONG)
    assert isinstance(info.value.__cause__, RuntimeError) and str(info.value.__cause__) == BOOM
    if helper != "planner_helpers.running":  # running() destroys its nodes itself
        crashing.node.destroy_node()


def test_wait_for_raises_at_once_when_the_spin_died(ros_context: Any) -> None:
    """The full-stack test's wait_for (no test node to spin, a sleep-poll) fails the same way."""
    crashing = Crashing(ros_context)
    with pytest.raises(SpinDied, match=BOOM):
        with spinning(ros_context, crashing.node):
            wait_for(lambda: False, LONG)
    crashing.node.destroy_node()


def test_a_spin_that_died_unnoticed_fails_the_block_when_it_ends(ros_context: Any) -> None:
    """Nothing polled during the block: leaving it raises, instead of the test passing on a dead spin."""
    crashing = Crashing(ros_context)
    with pytest.raises(SpinDied, match=BOOM):
        with spinning(ros_context, crashing.node) as spin:
            end = time.monotonic() + LONG
            while spin.alive and time.monotonic() < end:
                time.sleep(0.02)
            assert not spin.alive
    crashing.node.destroy_node()


def test_a_failure_in_the_block_keeps_its_own_exception_and_names_the_dead_spin(ros_context: Any) -> None:
    crashing = Crashing(ros_context)
    with pytest.raises(KeyError) as info:
        with spinning(ros_context, crashing.node) as spin:
            end = time.monotonic() + LONG
            while spin.alive and time.monotonic() < end:
                time.sleep(0.02)
            raise KeyError("the test's own failure")
    assert any(BOOM in note for note in getattr(info.value, "__notes__", []))
    crashing.node.destroy_node()


def test_a_pool_callback_that_raises_after_the_spin_thread_stopped_fails_the_block(ros_context: Any) -> None:
    """rclpy hands a pool callback's exception on only from a later ``spin_once``; one that raised
    after the spin thread's last one was dropped (the executor was shut down and the block passed)."""
    node = rclpy.create_node(f"late_{os.getpid()}_{time.monotonic_ns() % 100000}", context=ros_context)
    entered = threading.Event()
    spin_box: list[Any] = []

    def late() -> None:
        if entered.is_set():
            return
        entered.set()
        end = time.monotonic() + LONG
        while spin_box[0].alive and time.monotonic() < end:  # the spin thread has stopped: raise now
            time.sleep(0.01)
        raise RuntimeError(BOOM)

    node.create_timer(0.02, late)
    with pytest.raises(SpinDied, match=BOOM):
        with spinning(ros_context, node) as spin:
            spin_box.append(spin)
            assert entered.wait(30)
    node.destroy_node()


def test_shut_down_executor_waits_for_pool_callbacks_but_only_until_its_deadline(ros_context: Any) -> None:
    """rclpy's own ``shutdown(timeout_sec)`` did not keep the limit: the base class never waits and
    MultiThreadedExecutor joins its pool for ever (a blocked callback kept it from returning)."""
    node = rclpy.create_node(f"slow_{os.getpid()}_{time.monotonic_ns() % 100000}", context=ros_context)
    started, finished = threading.Event(), threading.Event()

    def slow() -> None:
        started.set()
        time.sleep(0.3)
        finished.set()

    timer = node.create_timer(0.02, slow)
    executor = MultiThreadedExecutor(num_threads=2, context=ros_context)
    executor.add_node(node)
    end = time.monotonic() + 30
    while not started.is_set() and time.monotonic() < end:
        executor.spin_once(timeout_sec=0.1)
    assert started.is_set() and not finished.is_set()
    assert shut_down_executor(executor, timeout_s=LONG)
    assert finished.is_set()  # it waited for the running callback

    node.destroy_timer(timer)
    blocked, release = threading.Event(), threading.Event()
    node.create_timer(0.02, lambda: (blocked.set(), release.wait(LONG)))
    executor = MultiThreadedExecutor(num_threads=2, context=ros_context)
    executor.add_node(node)
    end = time.monotonic() + 30
    while not blocked.is_set() and time.monotonic() < end:
        executor.spin_once(timeout_sec=0.1)
    try:
        assert blocked.is_set()
        assert shut_down_executor(executor, timeout_s=0.5) is False  # returned, callback still running
    finally:
        release.set()
    node.destroy_node()


def test_a_healthy_spin_is_not_reported(ros_context: Any, ros_node: Any) -> None:
    """The check costs nothing to a test whose spins live: callbacks run, conditions are met."""
    crashing = Crashing(ros_context, fire_on=10**9)
    with spinning(ros_context, crashing.node):
        assert spin_until(ros_node, lambda: crashing.calls >= 5, 30)
    crashing.node.destroy_node()


# ---------------------------------------------------------------------------- node processes
CRASHING_NODE = '''
"""A node run through the nodes' shared main (dart_planner.nodes.entry.run_node) whose timer raises
while slow callbacks that publish are still running in the executor's pool."""
import sys
import threading
import time

from rclpy.callback_groups import ReentrantCallbackGroup
from rclpy.executors import MultiThreadedExecutor, SingleThreadedExecutor
from rclpy.node import Node
from std_msgs.msg import String

from dart_planner.nodes.entry import run_node


class Crashing(Node):
    def __init__(self):
        super().__init__("crashing_node")
        self.stuck = False
        self.pub = self.create_publisher(String, "chatter", 10)
        group = ReentrantCallbackGroup()
        self.create_timer(0.05, self._slow, callback_group=group)
        self.create_timer(0.5, self._crash, callback_group=group)

    def _slow(self):
        if STUCK and not self.stuck:  # one callback waits for ever (a reply that will never come)
            self.stuck = True
            threading.Event().wait()
        time.sleep(0.3)  # several of these are mid-callback when the crash ends the spin
        self.pub.publish(String(data="still here"))

    def _crash(self):
        raise RuntimeError(BOOM_TEXT)


multi = sys.argv[1] == "multi"
STUCK = sys.argv[2:] == ["stuck"]
run_node(Crashing, "crashing_node",
         (lambda: MultiThreadedExecutor(num_threads=4)) if multi else SingleThreadedExecutor, None)
'''.replace("BOOM_TEXT", repr(BOOM))


@pytest.mark.parametrize("executor", ["multi", "single"])
def test_a_node_whose_callback_raises_logs_it_as_fatal_and_exits_1_without_follow_on_errors(
        executor: str, ros_domain: int, ros_node: Any, tmp_path: Path) -> None:
    """Before: exit 1 with a bare traceback (no log line), and with a multi-threaded executor the node
    was destroyed under the callbacks still running in the pool ("exception was never retrieved:
    cannot use Destroyable because destruction was requested"). spin_until in the test that
    started it now raises at once."""
    (tmp_path / "crashing_node.py").write_text(textwrap.dedent(CRASHING_NODE))
    proc = NodeProcess("crashing_node", [executor], tmp_path / "crashing_node.log", _env(ros_domain, tmp_path))
    try:
        with pytest.raises(SpinDied, match=BOOM):
            spin_until(ros_node, lambda: False, LONG)
        output = proc.output()
        assert proc.proc.returncode == EXIT_SPIN_DIED, output
        fatal = [line for line in output.splitlines() if "[FATAL]" in line]
        assert len(fatal) == 1 and f"{SPIN_DIED}: RuntimeError: {BOOM}" in fatal[0], output
        assert "never retrieved" not in output and "destruction was requested" not in output, output
        assert "InvalidHandle" not in output, output
    finally:
        proc.stop()


def test_a_node_whose_spin_died_while_a_callback_is_stuck_still_exits(
        ros_domain: int, ros_node: Any, tmp_path: Path) -> None:
    """Before: MultiThreadedExecutor.shutdown(timeout_sec=2) joined the pool with no limit, so the
    process never ended (spin_until waited out its 120 s). Now it waits 2 s, says so, and exits
    without destroying the node under the stuck callback."""
    (tmp_path / "crashing_node.py").write_text(textwrap.dedent(CRASHING_NODE))
    proc = NodeProcess("crashing_node", ["multi", "stuck"], tmp_path / "crashing_node.log", _env(ros_domain, tmp_path))
    try:
        with pytest.raises(SpinDied, match=BOOM):
            spin_until(ros_node, lambda: False, LONG)
        output = proc.output()
        assert proc.proc.returncode == EXIT_CALLBACKS_STUCK != 0, output
        assert f"{SPIN_DIED}: RuntimeError: {BOOM}" in output, output
        assert [line for line in output.splitlines() if "[ERROR]" in line and CALLBACKS_STUCK in line], output
        assert "destruction was requested" not in output and "InvalidHandle" not in output, output
    finally:
        proc.stop()


def test_ctrl_c_still_ends_a_node_quietly(ros_domain: int, ros_node: Any, tmp_path: Path) -> None:
    """The fatal path is for exceptions out of the spin only: SIGINT exits 0 with no fatal line."""
    script = CRASHING_NODE.replace("self.create_timer(0.5, self._crash", "self.create_timer(3600.0, self._crash")
    (tmp_path / "quiet_node.py").write_text(textwrap.dedent(script))
    proc = NodeProcess("quiet_node", ["multi"], tmp_path / "quiet_node.log", _env(ros_domain, tmp_path))
    assert spin_until(ros_node, lambda: "crashing_node" in ros_node.get_node_names(), 60), proc.output()
    spin_until(ros_node, lambda: False, 0.5)  # a few slow callbacks are running when SIGINT comes
    code = proc.stop()
    output = proc.log_path.read_text(errors="replace")
    assert code == 0 and "[FATAL]" not in output and "Traceback" not in output, output


def _env(domain: int, path: Path) -> dict[str, str]:
    return {**os.environ, "ROS_DOMAIN_ID": str(domain), "ROS_AUTOMATIC_DISCOVERY_RANGE": "LOCALHOST",
            "PYTHONUNBUFFERED": "1", "PYTHONPATH": os.pathsep.join([str(path), *sys.path])}


# ---------------------------------------------------------------------------- audit: entities used by other threads
def _language_node_planning_slowly(ros_context: Any) -> tuple[Any, threading.Event, list[tuple[Any, ...]]]:
    """A language node whose worker is inside a plan (held until the returned event is set), with its
    rejections recorded instead of published."""
    from dart_planner.nodes.language_node import LanguageNode

    node = LanguageNode(context=ros_context)
    entered, release = threading.Event(), threading.Event()
    world_now = node._world_now

    def slow_world_now() -> Any:
        entered.set()
        release.wait(30)
        return world_now()

    rejected: list[tuple[Any, ...]] = []
    node._world_now = slow_world_now  # type: ignore[method-assign]
    node._reject = lambda *a: rejected.append(a)  # type: ignore[method-assign]
    node._submit("i-1", node._plan, "i-1", "send truck 1 to rock 1")
    assert entered.wait(30)
    return node, release, rejected


def test_a_plan_that_finishes_after_the_language_node_was_destroyed_is_dropped_quietly(ros_context: Any) -> None:
    """language_node plans on a worker thread that destroy_node does not wait for (a slow model).
    Before, the plan finishing afterwards published on a destroyed publisher: InvalidHandle in the
    worker, reported as an 'internal error' rejection (itself failing to publish)."""
    node, release, rejected = _language_node_planning_slowly(ros_context)
    worker = node._worker
    node.destroy_node()
    release.set()
    worker.shutdown(wait=True)  # the plan ran to its end
    assert rejected == []


def test_a_plan_that_finishes_after_ctrl_c_ended_the_context_is_dropped_quietly(ros_context: Any) -> None:
    """Ctrl-C ends the context (rclpy's signal handler) before the node's main destroys the node;
    before, a plan the worker finished in between published on the dead context (RCLError
    'publisher's context is invalid'), reported as an 'internal error' rejection."""
    node, release, rejected = _language_node_planning_slowly(ros_context)
    ros_context.handle.shutdown()  # what the SIGINT handler does: the context only, the node lives on
    release.set()
    node._worker.shutdown(wait=True)  # the plan ran to its end
    assert rejected == []
    node.destroy_node()


def test_the_one_process_stack_says_which_exception_ended_its_spin(ros_domain: int, capfd: Any) -> None:
    """run_stack (``dart-planner ros``) hands a callback's exception on (exit status 1 from the CLI),
    after a fatal line naming it, as each node's own main does; before, only the traceback."""
    from dart_planner.nodes.runner import StackOptions, run_stack

    def boom() -> None:
        raise RuntimeError(BOOM)

    options = StackOptions(namespace=f"crash{os.getpid()}", with_sim=False, with_actuation=False,
                           with_detector=False, backend="rules")
    with pytest.raises(RuntimeError, match=BOOM):
        run_stack(options, duration_s=LONG, on_ready=lambda nodes: nodes[0].create_timer(0.2, boom))
    assert f"{SPIN_DIED}: RuntimeError: {BOOM}" in capfd.readouterr().err


def test_record_destruction_sees_an_entity_destroyed_while_spinning(ros_context: Any, ros_node: Any) -> None:
    """The full-stack test asserts nothing is destroyed while its stack spins; this checks the spy
    it uses sees such a call (a timer callback dropping a subscription, as ros_actuator used to)."""
    node = rclpy.create_node(f"dropper_{os.getpid()}", context=ros_context)
    sub = node.create_subscription(String, "/dropper_chatter", lambda m: None, 10)
    destroyed = record_destruction([node])

    def drop() -> None:
        if sub in node.subscriptions:
            node.destroy_subscription(sub)

    node.create_timer(0.05, drop)
    with spinning(ros_context, node):
        assert spin_until(ros_node, lambda: bool(destroyed), 30)
    assert destroyed == [f"{node.get_name()}.destroy_subscription"]
    node.destroy_node()


# ---------------------------------------------------------------------------- wider-scoped node processes
FAKE_NODE = '''
"""Stands for a node process whose spin raised: the fatal line run_node logs, exit 1, once told to."""
import pathlib
import sys
import time

trigger = pathlib.Path(sys.argv[1])
end = time.monotonic() + 600
while not trigger.exists() and time.monotonic() < end:
    time.sleep(0.05)
print("[FATAL] [0.0] [fake_node]: " + SPIN_DIED_TEXT + ": RuntimeError: " + BOOM_TEXT, flush=True)
sys.exit(1)
'''.replace("SPIN_DIED_TEXT", repr(SPIN_DIED)).replace("BOOM_TEXT", repr(BOOM))


@pytest.fixture(scope="module")
def module_node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[NodeProcess, Path]]:
    """A node process shared by the tests of this module (started once, before the first of them)."""
    path = tmp_path_factory.mktemp("module_node")
    (path / "fake_node.py").write_text(FAKE_NODE)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": os.pathsep.join([str(path), *sys.path])}
    proc = NodeProcess("fake_node", [str(path / "die")], path / "fake_node.log", env)
    yield proc, path / "die"
    proc.stop()


def test_a_module_scoped_node_process_is_checked_by_the_first_test_using_it(
        module_node: tuple[NodeProcess, Path]) -> None:
    proc, _ = module_node
    assert wait_for(proc.alive, 5)


def test_a_module_scoped_node_process_is_still_checked_by_a_later_test(module_node: tuple[NodeProcess, Path]) -> None:
    """Before: conftest forgot every node process after the first test that used it, so this one's
    death went unnoticed and wait_for waited out its whole timeout."""
    proc, die = module_node
    die.touch()
    with pytest.raises(SpinDied, match=BOOM):
        wait_for(lambda: False, LONG)
    assert proc.proc.returncode == EXIT_SPIN_DIED
