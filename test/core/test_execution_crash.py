"""A real process running the engine is killed with SIGKILL; a new engine resumes its journal.

The child runs a plan with the actuator double and an fsync'd journal and logs every
dispatch and every completed goal to a file (fsync'd too). The parent kills it with ``kill
-9``, restores from the journal in this process, finishes the plan with a fresh actuator
that appends to the same log, and checks the log: no subtask that had completed before the
crash is dispatched again, and no subtask completes twice.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from test_execution_support import EX1, TR1, FakeActuator, FirstCapableAllocator, Outcome, crash_plan

from dart_planner.core.execution import (
    ExecutionEngine,
    ExecutionJournal,
    ManualClock,
    PlanState,
    run_until_done,
)

HERE = Path(__file__).resolve().parent
CONFIG = HERE.parents[1] / "config"

CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from test_execution_support import (EX1, TR1, FakeActuator, FirstCapableAllocator, Outcome, crash_plan,
                                    explicit_schedule)
from dart_planner.core.fleet import load_fleet
from dart_planner.core.world import load_world
from dart_planner.core.execution import ExecutionEngine, ExecutionJournal, ManualClock, SubtaskState

config, journal, log, mode, checkpoint, pace = sys.argv[2:8]
fleet, world = load_fleet(config + "/fleet.yaml"), load_world(config + "/world.yaml")
clock = ManualClock()
act = FakeActuator(fleet, clock, behavior=lambda g: Outcome(after=3.0 if g.robot_id in (EX1, TR1) else 5.0),
                   log_path=log)
eng = ExecutionEngine(fleet, world, act, allocator=FirstCapableAllocator(), journal=ExecutionJournal(journal),
                      clock=clock)
graph = crash_plan()
pid = eng.submit(graph, explicit_schedule(graph, fleet, world))
print("PLAN", pid, flush=True)
while not eng.is_finished(pid):
    act.step(1.0)
    eng.tick()
    done = eng.status(pid).count(SubtaskState.SUCCEEDED)
    if mode == "checkpoint" and done >= int(checkpoint) and act.active:
        print("CHECKPOINT", flush=True)
        time.sleep(600)  # parked with goals in flight until the parent kills us
    time.sleep(float(pace))
print("FINISHED", flush=True)
"""


def behavior(goal):
    return Outcome(after=3.0 if goal.robot_id in (EX1, TR1) else 5.0)


def spawn(tmp_path: Path, mode: str, checkpoint: int = 0, pace: float = 0.0) -> subprocess.Popen:
    args = [
        sys.executable, "-c", CHILD, str(HERE), str(CONFIG),
        str(tmp_path / "run.jsonl"), str(tmp_path / "log.txt"), mode, str(checkpoint), str(pace),
    ]  # fmt: skip
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(proc: subprocess.Popen, word: str, limit: float = 60.0) -> None:
    watchdog = threading.Timer(limit, proc.kill)
    watchdog.start()
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.startswith(word):
                return
        raise AssertionError(f"child ended before {word!r}: {proc.stderr.read()}")  # type: ignore[union-attr]
    finally:
        watchdog.cancel()


def kill9(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL


def log_lines(path: Path) -> list[tuple[str, str]]:
    return [tuple(line.split()[:2]) for line in path.read_text().splitlines()]  # type: ignore[misc]


def journal_view(path: Path) -> tuple[set[str], set[str]]:
    """(subtasks journaled SUCCEEDED, subtasks whose last journaled state is RUNNING)."""
    last: dict[str, str] = {}
    succeeded: set[str] = set()
    for r in ExecutionJournal.read(path).records:
        if r["type"] == "transition":
            last[r["task_id"]] = r["to"]
            if r["to"] == "succeeded":
                succeeded.add(r["task_id"])
    return succeeded, {t for t, s in last.items() if s == "running"}


def resume_and_finish(tmp_path: Path, fleet, world) -> tuple[ExecutionEngine, FakeActuator]:
    with open(tmp_path / "log.txt", "a") as f:
        f.write("restart -\n")
    clock = ManualClock(10_000.0)
    act = FakeActuator(fleet, clock, behavior=behavior, log_path=str(tmp_path / "log.txt"))
    eng = ExecutionEngine.restore(
        tmp_path / "run.jsonl", fleet, world, act, allocator=FirstCapableAllocator(), clock=clock
    )
    assert run_until_done(eng, act.step, 20_000.0, clock=clock)
    return eng, act


def split_log(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    entries = log_lines(path)
    cut = entries.index(("restart", "-"))
    return entries[:cut], entries[cut + 1 :]


def test_kill_9_at_a_checkpoint_then_resume_runs_nothing_twice(tmp_path, fleet, world):
    proc = spawn(tmp_path, "checkpoint", checkpoint=4)
    wait_for(proc, "CHECKPOINT")
    kill9(proc)

    succeeded, in_flight = journal_view(tmp_path / "run.jsonl")
    assert len(succeeded) >= 4 and in_flight, "the kill must land with work done and work in flight"
    eng, act = resume_and_finish(tmp_path, fleet, world)
    before, after = split_log(tmp_path / "log.txt")
    # the child was parked after its events were handled: what it completed is what it journaled
    assert {t for kind, t in before if kind == "done"} == succeeded
    dispatched_after = [t for kind, t in after if kind == "dispatch"]
    assert not succeeded & set(dispatched_after)  # exactly-once for finished work
    assert in_flight <= set(dispatched_after)  # at-least-once for work in flight (its goal died)
    done = Counter(t for kind, t in before + after if kind == "done")
    graph = crash_plan()
    home_goals = 2  # "home" moves two trucks: two goals, one subtask
    assert done == Counter({t: (home_goals if t == "home" else 1) for t in graph.ids})
    assert eng.plan_outcome("plan-crash") is PlanState.SUCCEEDED
    final_succeeded, _ = journal_view(tmp_path / "run.jsonl")
    assert final_succeeded == set(graph.ids)


def test_kill_9_at_a_random_moment_then_resume(tmp_path, fleet, world):
    rng = random.Random(int(os.environ.get("DART_CRASH_SEED", "7")))
    proc = spawn(tmp_path, "paced", pace=0.02)
    wait_for(proc, "PLAN")
    time.sleep(rng.uniform(0.05, 0.6))
    if proc.poll() is None:
        kill9(proc)
    succeeded, _ = journal_view(tmp_path / "run.jsonl")
    eng, act = resume_and_finish(tmp_path, fleet, world)
    _, after = split_log(tmp_path / "log.txt")
    assert not succeeded & {t for kind, t in after if kind == "dispatch"}
    assert eng.plan_outcome("plan-crash") is PlanState.SUCCEEDED
    records = ExecutionJournal.read(tmp_path / "run.jsonl").records
    per_task = Counter(r["task_id"] for r in records if r["type"] == "transition" and r["to"] == "succeeded")
    assert set(per_task.values()) == {1} and len(per_task) == len(crash_plan())
    json.dumps(eng.status("plan-crash").to_dict())
