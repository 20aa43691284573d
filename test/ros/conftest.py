"""Fixtures for tests that talk over a real ROS 2 graph.

Each test gets its own ROS_DOMAIN_ID (so parallel or leftover graphs never cross-talk),
discovery limited to this machine, an rclpy Context initialised on that domain, and a
helper to start package entry points as real processes on the same domain.

Domain ids are claimed through lock files (:func:`claim_domain`): two pytest processes on
one machine at once never get the same id, which a random pick alone cannot promise.
The lock dies with the pytest process, and so do the node processes it started (parent-death
signal): a killed run leaves no nodes behind on a domain that the next run may claim.

A dead spin fails the test at once, with its exception, instead of as a long timeout: executors
spun in a background thread go through :class:`BackgroundSpin` (:func:`spinning`), which keeps
the exception that ended the thread, and :func:`spin_until` / :func:`wait_for` call
:func:`check_spinning`, which raises :class:`SpinDied` for it, and for a node process started
here whose spin raised (it logs :data:`~dart_planner.nodes.entry.SPIN_DIED` and exits 1).
A callback that raised in a multi-threaded pool after the spin thread stopped is found when the
block ends (:meth:`BackgroundSpin.collect`: rclpy would only have raised it from a later
``spin_once``).
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

rclpy = pytest.importorskip("rclpy", reason="ROS 2 rclpy is part of the ros extra")
from rclpy.executors import (  # noqa: E402
    Executor,
    ExternalShutdownException,
    MultiThreadedExecutor,
    ShutdownException,
    SingleThreadedExecutor,
)

from dart_planner.nodes.entry import SPIN_DIED, shut_down_executor  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

DOMAIN_IDS = range(1, 200)
"""Ids the fixtures hand out. Fast DDS on localhost takes 0-232; 0 is everyone's default and
200-232 are left to other users of the machine. A test that needs a second graph claims a
second id with :func:`claim_domain`."""
MAX_HELD = 32
"""Ids one process holds at most (about six test processes fit at once); past that a test
reuses the id this process used longest ago."""
LOCK_DIR = Path(tempfile.gettempdir()) / "dart_planner_ros_domains"
_held: dict[int, int] = {}  # domain id -> fd of its locked file, least recently used first


def _lock(domain: int) -> int | None:
    """An fd holding an exclusive lock on ``domain``'s lock file, or None if another process has it."""
    path = LOCK_DIR / f"{domain}.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except PermissionError:  # made by another user without write access for us: a read fd locks too
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def claim_domain() -> int:
    """A ROS domain id that no other process on this machine claimed through this function.

    Each id has a lock file under ``LOCK_DIR``; the exclusive ``flock`` on it is kept for the
    life of this process (the kernel drops it when the process ends, ``kill -9`` included, so
    ids never leak). A test gets an id this process has not used yet while it holds fewer
    than ``MAX_HELD``; the ids are tried in a random order so processes rarely contend.
    """
    if len(_held) < MAX_HELD:
        LOCK_DIR.mkdir(exist_ok=True)
        try:
            LOCK_DIR.chmod(0o1777)  # shared with other users' test runs, like /tmp itself
        except OSError:
            pass
        free = [d for d in DOMAIN_IDS if d not in _held]
        random.Random(os.getpid() ^ time.monotonic_ns()).shuffle(free)
        for domain in free:
            fd = _lock(domain)
            if fd is not None:
                _held[domain] = fd
                return domain
    if not _held:
        raise RuntimeError(f"every ROS domain id in {DOMAIN_IDS} is held by other processes ({LOCK_DIR})")
    domain = next(iter(_held))  # the one used longest ago
    _held[domain] = _held.pop(domain)
    return domain


@pytest.fixture(autouse=True)
def _forget_spins() -> Iterator[None]:
    """Each test checks its own background spins and node processes, and those of the module- or
    class-scoped fixtures it uses: those were set up before this fixture (pytest sets wider scopes
    up first), so they are kept, for every test of the module (:func:`_forget_module_spins`)."""
    spins, processes = list(_spins), list(_processes)
    yield
    _spins[:] = [s for s in _spins if s in spins]
    _processes[:] = [p for p in _processes if p in processes]


@pytest.fixture(scope="module", autouse=True)
def _forget_module_spins() -> Iterator[None]:
    """The spins and node processes of a module's fixtures are forgotten when the module ends."""
    spins, processes = list(_spins), list(_processes)
    yield
    _spins[:] = [s for s in _spins if s in spins]
    _processes[:] = [p for p in _processes if p in processes]


@pytest.fixture()
def ros_domain(monkeypatch: pytest.MonkeyPatch) -> int:
    """A domain id unique to this test on this machine (see :func:`claim_domain`), exported for
    child processes too."""
    domain = claim_domain()
    monkeypatch.setenv("ROS_DOMAIN_ID", str(domain))
    monkeypatch.setenv("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")
    return domain


@pytest.fixture()
def ros_context(ros_domain: int) -> Iterator[object]:
    context = rclpy.Context()
    rclpy.init(context=context, domain_id=ros_domain)
    try:
        yield context
    finally:
        rclpy.try_shutdown(context=context)


@pytest.fixture()
def ros_node(ros_context: object) -> Iterator[object]:
    """A plain test node plus a single-threaded executor (``node.executor``)."""
    node = rclpy.create_node(f"test_{os.getpid()}_{time.monotonic_ns() % 100000}", context=ros_context)
    executor = SingleThreadedExecutor(context=ros_context)
    executor.add_node(node)
    node.executor_for_test = executor
    try:
        yield node
    finally:
        executor.shutdown()
        node.destroy_node()


class SpinDied(AssertionError):
    """A background spin thread, or the spin of a node process started by the test, ended by an exception."""


class BackgroundSpin:
    """Spins ``executor`` in a daemon thread until :meth:`stop`; keeps the exception that ended it.

    rclpy hands a callback's exception on from ``spin_once`` (and its wait loop raises too, e.g.
    InvalidHandle for an entity destroyed under it); in a plain ``Thread(target=executor.spin)``
    that only prints a traceback, and the test waits out its timeout. Here :attr:`error` keeps it
    and :meth:`check` (called by :func:`check_spinning`, so by :func:`spin_until` and
    :func:`wait_for`) raises :class:`SpinDied` from it.
    """

    def __init__(self, executor: Executor, context: Any, step: float = 0.1, name: str = "spin") -> None:
        self.executor = executor
        self.context = context
        self.step = step
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"test-{name}", daemon=True)

    def _run(self) -> None:
        try:
            while not self._stop.is_set() and self.context.ok():
                self.executor.spin_once(timeout_sec=self.step)
        except (ShutdownException, ExternalShutdownException):
            pass  # the context ended: a normal end
        except BaseException as exc:  # noqa: BLE001 - kept for the test thread, raised there
            if not self._stop.is_set():
                self.error = exc

    def start(self) -> BackgroundSpin:
        _spins.append(self)
        self._thread.start()
        return self

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def check(self) -> None:
        """Raise :class:`SpinDied` from the exception that ended the spin thread, if one did."""
        if self.error is not None:
            raise SpinDied(f"the spin thread {self._thread.name!r} died: "
                           f"{type(self.error).__name__}: {self.error}") from self.error

    def stop(self, timeout: float = 10.0) -> None:
        """End the thread (it finishes its current ``spin_once``, woken at once) and stop tracking it."""
        self._stop.set()
        self.executor.wake()  # spin_once returns now, not after its step
        self._thread.join(timeout=timeout)
        if self in _spins:
            _spins.remove(self)

    def collect(self) -> None:
        """Keep (as :attr:`error`, unless one is kept already) an exception a callback of the
        executor's pool raised that no ``spin_once`` handed on: one that finished after the spin
        thread's last ``spin_once``. Call it after :meth:`stop` and the pool's end."""
        for future in list(getattr(self.executor, "_futures", ())):  # MultiThreadedExecutor's handed-out callbacks
            if self.error is None and future.done() and future.exception() is not None:
                self.error = future.exception()


_spins: list[BackgroundSpin] = []  # started and not stopped, this test
_processes: list[NodeProcess] = []  # started by this test (start_node, or NodeProcess directly)


def check_spinning() -> None:
    """Raise :class:`SpinDied` if a background spin of this test died, or a node process it started
    exited after its spin raised (see :mod:`dart_planner.nodes.entry`)."""
    for spin in list(_spins):
        spin.check()
    for proc in list(_processes):
        proc.check()


@contextmanager
def spinning(context: Any, *nodes: Any, executor: Executor | None = None, num_threads: int = 4,
             step: float = 0.1) -> Iterator[BackgroundSpin]:
    """Spin ``nodes`` on a background executor (multi-threaded unless ``executor`` is given) while
    the block runs; the executor is shut down afterwards (nodes are left to the caller), once the
    callbacks its pool still runs have finished (:func:`~dart_planner.nodes.entry.shut_down_executor`).

    A spin thread that died raises :class:`SpinDied` from :func:`spin_until` / :func:`wait_for` at
    once, and at the end of the block if nothing noticed it before (as a note on an exception the
    block raised itself); so does a pool callback that raised after the spin thread stopped.
    ``step`` bounds each ``spin_once`` wait (it returns earlier for work, and at once on stop)."""
    executor = executor or MultiThreadedExecutor(num_threads=num_threads, context=context)
    for n in nodes:
        executor.add_node(n)
    spin = BackgroundSpin(executor, context, step).start()
    try:
        yield spin
    except BaseException as exc:
        if spin.error is not None:
            exc.add_note(f"the spin thread had died: {type(spin.error).__name__}: {spin.error}")
        raise
    finally:
        spin.stop()
        finished = shut_down_executor(executor, timeout_s=10.0)
        spin.collect()
    if not finished:
        raise SpinDied("a callback of the executor's pool was still running 10 s after the block ended")
    spin.check()


DESTROYERS = ("destroy_subscription", "destroy_publisher", "destroy_timer", "destroy_client", "destroy_service",
              "destroy_guard_condition")


def record_destruction(nodes: Any) -> list[str]:
    """Record (as ``"<node name>.<method>"``) every entity the ``nodes`` destroy from now on.

    Take a copy when spinning stops: an entity destroyed while an executor spins the node in
    another thread can raise InvalidHandle inside rclpy's wait loop and end the spin thread (see
    ros_actuator's offline odometry watch); ``destroy_node`` afterwards destroys them all."""
    calls: list[str] = []
    for node in nodes:
        for method in DESTROYERS:
            real = getattr(node, method)

            def spy(entity: Any, _real: Any = real, _what: str = f"{node.get_name()}.{method}") -> Any:
                calls.append(_what)
                return _real(entity)

            setattr(node, method, spy)
    return calls


def spin_until(node: object, condition: Callable[[], bool], timeout: float = 10.0, step: float = 0.02) -> bool:
    """Spin the test node's executor until ``condition()`` or ``timeout`` seconds.

    Raises :class:`SpinDied` at once when a background spin or a node process's spin died
    (:func:`check_spinning`): a condition that will now never hold is not waited out."""
    end = time.monotonic() + timeout
    executor = node.executor_for_test  # type: ignore[attr-defined]
    while time.monotonic() < end:
        check_spinning()
        if condition():
            return True
        executor.spin_once(timeout_sec=step)
    check_spinning()
    return condition()


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """Sleep-poll ``condition()`` for ``timeout`` seconds (for nodes spun elsewhere); raises
    :class:`SpinDied` at once like :func:`spin_until`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        check_spinning()
        if condition():
            return True
        time.sleep(step)
    check_spinning()
    return condition()


_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Runs in the child before exec: SIGKILL it when the test process dies, however it dies
    (a timeout's SIGKILL included), since the child sits in a session of its own."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


class NodeProcess:
    """A package entry point running as its own process (stdout/stderr to a log file)."""

    def __init__(self, module: str, args: list[str], log: Path, env: dict[str, str]):
        self.log_path = log
        self.module = module
        self._log = log.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", module, *args], stdout=self._log,
                                     stderr=subprocess.STDOUT, env=env, cwd=ROOT, start_new_session=True,
                                     preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        self._checked = False
        _processes.append(self)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def check(self) -> None:
        """Raise :class:`SpinDied` (once) if the process exited after its spin raised."""
        if self._checked or self.alive():
            return
        self._checked = True  # read its log once; a process that ended otherwise is the test's business
        output = self.output()
        if self.proc.returncode != 0 and SPIN_DIED in output:
            raise SpinDied(f"{self.module} (pid {self.proc.pid}) exited {self.proc.returncode}: its spin raised:\n"
                           f"{output[-3000:]}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        self._checked = True  # ended by the test
        if self.alive():
            os.killpg(self.proc.pid, sig)
        self.proc.wait(timeout=20)

    def stop(self) -> int | None:
        self._checked = True
        if self.alive():
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()
        return self.proc.returncode

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")


@pytest.fixture()
def start_node(ros_domain: int, tmp_path: Path) -> Iterator[Callable[..., NodeProcess]]:
    """``start_node("dart_planner.nodes.sim_node", "--ros-args", "-p", "x:=1")`` -> NodeProcess."""
    started: list[NodeProcess] = []
    env = {**os.environ, "ROS_DOMAIN_ID": str(ros_domain), "ROS_AUTOMATIC_DISCOVERY_RANGE": "LOCALHOST",
           "PYTHONUNBUFFERED": "1"}

    def start(module: str, *args: str) -> NodeProcess:
        p = NodeProcess(module, list(args), tmp_path / f"{module.rsplit('.', 1)[-1]}_{len(started)}.log", env)
        started.append(p)
        return p

    try:
        yield start
    finally:
        for p in started:
            p.stop()
