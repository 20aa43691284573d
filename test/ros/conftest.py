"""Fixtures for tests that talk over a real ROS 2 graph.

Each test gets its own ROS_DOMAIN_ID (so parallel or leftover graphs never cross-talk),
discovery limited to this machine, an rclpy Context initialised on that domain, and a
helper to start package entry points as real processes on the same domain.

Domain ids are claimed through lock files (:func:`claim_domain`): two pytest processes on
one machine at once never get the same id, which a random pick alone cannot promise.
The lock dies with the pytest process, and so do the node processes it started (parent-death
signal): a killed run leaves no nodes behind on a domain that the next run may claim.
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
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

rclpy = pytest.importorskip("rclpy", reason="ROS 2 rclpy is part of the ros extra")
from rclpy.executors import SingleThreadedExecutor  # noqa: E402

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


def spin_until(node: object, condition: Callable[[], bool], timeout: float = 10.0, step: float = 0.02) -> bool:
    """Spin the test node's executor until ``condition()`` or ``timeout`` seconds."""
    end = time.monotonic() + timeout
    executor = node.executor_for_test  # type: ignore[attr-defined]
    while time.monotonic() < end:
        if condition():
            return True
        executor.spin_once(timeout_sec=step)
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
        self._log = log.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", module, *args], stdout=self._log,
                                     stderr=subprocess.STDOUT, env=env, cwd=ROOT, start_new_session=True,
                                     preexec_fn=_die_with_parent if sys.platform == "linux" else None)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.alive():
            os.killpg(self.proc.pid, sig)
        self.proc.wait(timeout=20)

    def stop(self) -> int | None:
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
