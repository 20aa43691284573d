"""Journal: append-only JSONL, torn tails, write-before-effect, and restore after a crash."""

from __future__ import annotations

import json

import pytest
from test_execution_support import (
    DUMP,
    NAV,
    TR1,
    FakeActuator,
    FirstCapableAllocator,
    Outcome,
    crash_plan,
    dart_plan,
    explicit_schedule,
    task,
)

from dart_planner.core.actuation import GoalStatus
from dart_planner.core.execution import (
    ExecutionEngine,
    ExecutionJournal,
    JournalCorruptError,
    ManualClock,
    PlanState,
    SubtaskState,
    SubtaskStateChanged,
    run_until_done,
    schedule_from_dict,
    schedule_to_dict,
)
from dart_planner.core.schedule import Assignment, Schedule

S = SubtaskState


def lines(path):
    return [json.loads(x) for x in path.read_text().splitlines()]


# -- the file itself ---------------------------------------------------------------------
def test_append_and_read_round_trip(tmp_path):
    p = tmp_path / "sub" / "j.jsonl"
    with ExecutionJournal(p) as j:
        j.append({"type": "a", "n": 1})
        j.append({"type": "b", "text": "ünïcode"})
    contents = ExecutionJournal.read(p)
    assert [r["type"] for r in contents.records] == ["journal", "a", "b"]
    assert contents.records[2]["text"] == "ünïcode" and not contents.torn_tail
    with ExecutionJournal(p) as j:  # reopening appends, no second header
        j.append({"type": "c"})
    assert [r["type"] for r in lines(p)] == ["journal", "a", "b", "c"]
    with pytest.raises(ValueError):  # NaN is not JSON: refused before anything is written
        ExecutionJournal(p).append({"type": "x", "v": float("nan")})
    assert len(lines(p)) == 4


def test_torn_last_line_is_dropped_and_cut_on_reopen(tmp_path):
    p = tmp_path / "j.jsonl"
    with ExecutionJournal(p) as j:
        j.append({"type": "a"})
    with open(p, "ab") as f:
        f.write(b'{"type": "transition", "plan_id": "p", "to": "succ')  # the process died here
    contents = ExecutionJournal.read(p)
    assert contents.torn_tail and [r["type"] for r in contents.records] == ["journal", "a"]
    with ExecutionJournal(p) as j:
        j.append({"type": "b"})
    assert [r["type"] for r in lines(p)] == ["journal", "a", "b"]
    assert not ExecutionJournal.read(p).torn_tail


def test_damage_before_the_last_line_is_refused(tmp_path):
    p = tmp_path / "j.jsonl"
    with ExecutionJournal(p) as j:
        j.append({"type": "a"})
        j.append({"type": "b"})
    raw = p.read_bytes().split(b"\n")
    raw[1] = raw[1][:5]
    p.write_bytes(b"\n".join(raw))
    with pytest.raises(JournalCorruptError, match="line 2"):
        ExecutionJournal.read(p)
    q = tmp_path / "other.jsonl"
    q.write_text('{"type": "something_else"}\n')
    with pytest.raises(JournalCorruptError, match="not a dart_planner/journal@1"):
        ExecutionJournal.read(q)


def test_schedule_json_round_trip():
    s = Schedule(
        "heuristic",
        {"a": Assignment("a", ("r1", "r2"), 0.5, 1.0, 7.25, {"r1": 0.5, "r2": 0.0})},
        {"r1": ("a",), "r2": ("a",)},
        7.25,
        6.0,
        critical_path=("a",),
        utilization={"r1": 0.9},
        optimal=None,
        bound=7.0,
        wall_time_s=0.01,
        info={"passes": 3, "note": object()},
    )
    back = schedule_from_dict(json.loads(json.dumps(schedule_to_dict(s))))
    assert back.assignments == s.assignments and back.robot_order == s.robot_order
    assert (back.makespan, back.lower_bound, back.bound, back.critical_path) == (7.25, 6.0, 7.0, ("a",))
    assert back.info["passes"] == 3 and isinstance(back.info["note"], str)


# -- write before effect ---------------------------------------------------------------------
def test_every_change_is_journaled_before_it_is_visible(fleet, world, tmp_path):
    p = tmp_path / "run.jsonl"
    clock = ManualClock()
    act = FakeActuator(fleet, clock)
    checked: list[str] = []

    def goal_must_be_journaled(goal):
        last = [r for r in lines(p) if r["type"] == "transition" and r["task_id"] == goal.task_id][-1]
        assert last["to"] == "running" and last["attempts"] == goal.attempt
        checked.append(goal.goal_id)

    act.start_hook = goal_must_be_journaled
    eng = ExecutionEngine(
        fleet, world, act, allocator=FirstCapableAllocator(), journal=ExecutionJournal(p), clock=clock
    )

    def event_must_be_journaled(e):
        if isinstance(e, SubtaskStateChanged):
            recs = [r for r in lines(p) if r["type"] == "transition" and r["task_id"] == e.task_id]
            assert any(r["to"] == e.new.value and r["at"] == e.at for r in recs)
            checked.append(e.task_id)

    eng.subscribe(event_must_be_journaled)
    g = crash_plan()
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    assert lines(p)[1]["type"] == "plan" and lines(p)[1]["graph"]["plan_id"] == pid
    assert run_until_done(eng, act.step, 500, clock=clock)
    assert len(checked) >= 3 * len(g) + len(g)  # every transition and every goal was checked


# -- restore -----------------------------------------------------------------------------------
def run_half(fleet, world, path, behavior=lambda g: Outcome(after=4.0), **kw):
    clock = ManualClock()
    act = FakeActuator(fleet, clock, behavior=behavior)
    eng = ExecutionEngine(
        fleet,
        world,
        act,
        allocator=FirstCapableAllocator(),
        journal=ExecutionJournal(path),
        clock=clock,
        **kw,
    )
    return eng, act, clock


def restore(fleet, world, path, start, behavior=lambda g: Outcome(after=4.0), **kw):
    clock = ManualClock(start)
    act = FakeActuator(fleet, clock, behavior=behavior)
    eng = ExecutionEngine.restore(
        path, fleet, world, act, allocator=FirstCapableAllocator(), clock=clock, **kw
    )
    return eng, act, clock


def test_restore_after_a_crash_never_repeats_succeeded_work(fleet, world, tmp_path):
    p = tmp_path / "run.jsonl"
    eng, act, clock = run_half(fleet, world, p)
    g = crash_plan()
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    while eng.status(pid).count(S.SUCCEEDED) < 4:
        act.step()
        eng.tick()
    before = eng.status(pid)
    succeeded = {s.task_id for s in before.subtasks if s.state is S.SUCCEEDED}
    running = {s.task_id: s.attempts for s in before.subtasks if s.state is S.RUNNING}
    assert running, "the crash must catch work in flight"
    del eng, act  # the process dies: no close, no goodbye

    eng2, act2, clock2 = restore(fleet, world, p, start=clock() + 1.0)
    after = eng2.status(pid)
    for t in succeeded:  # finished work comes back exactly as it was
        assert after.subtask(t) == before.subtask(t)
    for t, attempts in running.items():  # in-flight work is sent again with a fresh goal id
        sub = after.subtask(t)
        assert sub.state is S.RUNNING and sub.attempts == attempts + 1
        assert any(h.state is S.READY and "restored" in h.reason for h in sub.history)
    assert set(act2.started_tasks()) == set(running)
    assert run_until_done(eng2, act2.step, clock2() + 500, clock=clock2)
    assert not succeeded & set(act2.started_tasks())
    assert set(act2.started_tasks()) == set(g.ids) - succeeded
    assert eng2.plan_outcome(pid) is PlanState.SUCCEEDED
    recs = [r for r in lines(p) if r["type"] == "transition" and r["to"] == "succeeded"]
    assert sorted(r["task_id"] for r in recs) == sorted(g.ids)  # each succeeded once
    assert sum(r["type"] == "restored" for r in lines(p)) == 1


def test_restore_keeps_estop_pause_and_reassignments(fleet, world, tmp_path):
    p = tmp_path / "run.jsonl"
    broken = lambda g: (  # noqa: E731
        Outcome(GoalStatus.FAILED, 2.0, "robot_breakdown: axle") if g.robot_id == TR1 else Outcome(after=4.0)
    )
    eng, act, clock = run_half(fleet, world, p, behavior=broken)
    g1 = dart_plan(
        task("go", NAV, [TR1], objects=["soil2"]), task("dump", DUMP, [TR1], deps=["go"]), plan_id="p1"
    )
    g2 = dart_plan(task("x", NAV, ["robot_dump_truck_03"], objects=["rock2"]), plan_id="p2")
    eng.submit(g1, explicit_schedule(g1, fleet, world))
    eng.submit(g2, explicit_schedule(g2, fleet, world))
    eng.pause("p2")
    for _ in range(3):
        act.step()
        eng.tick()
    moved_to = eng.status("p1").subtask("go").robots
    assert moved_to != (TR1,) and eng.unavailable_robots == {TR1}
    eng.estop()
    del eng, act

    eng2, act2, clock2 = restore(fleet, world, p, clock() + 1, behavior=broken)
    assert eng2.estopped and eng2.unavailable_robots == {TR1}
    assert eng2.status("p2").paused and eng2.status("p1").subtask("go").robots == moved_to
    assert eng2.status("p1").subtask("dump").robots == moved_to
    assert eng2.schedule("p1").assignments["go"].robot_ids == moved_to
    for _ in range(10):
        act2.step()
        eng2.tick()
    assert act2.started == []  # the stop survived the restart
    eng2.release_estop()
    eng2.resume("p2")
    assert run_until_done(eng2, act2.step, clock2() + 500, clock=clock2)
    assert eng2.plan_outcome("p1") is eng2.plan_outcome("p2") is PlanState.SUCCEEDED
    assert TR1 not in {gl.robot_id for gl in act2.started}


def test_restore_decides_a_failure_whose_follow_up_was_lost(fleet, world, tmp_path):
    p = tmp_path / "run.jsonl"
    fails_once = {"n": 0}

    def behavior(goal):
        if goal.task_id == "go" and fails_once["n"] == 0:
            fails_once["n"] += 1
            return Outcome(GoalStatus.FAILED, 2.0, "wheel slip")
        return Outcome(after=3.0)

    eng, act, clock = run_half(fleet, world, p, behavior=behavior, max_retries=1)
    g = dart_plan(
        task("go", NAV, [TR1], objects=["soil2"]), task("dump", DUMP, [TR1], deps=["go"]), plan_id="p"
    )
    eng.submit(g, explicit_schedule(g, fleet, world))
    for _ in range(3):
        act.step()
        eng.tick()
    del eng, act
    # cut the journal right after the FAILED record: the crash hit before the retry was written
    recs = p.read_text().splitlines(keepends=True)
    cut = next(i for i, r in enumerate(recs) if '"to":"failed"' in r)
    p.write_text("".join(recs[: cut + 1]))

    eng2, act2, clock2 = restore(fleet, world, p, clock() + 1)
    go = eng2.status("p").subtask("go")
    assert go.state is S.RUNNING and go.retries == 1 and go.attempts == 2
    assert run_until_done(eng2, act2.step, clock2() + 500, clock=clock2)
    assert eng2.plan_outcome("p") is PlanState.SUCCEEDED


def test_restore_finishes_an_interrupted_cancel_and_accepts_new_plans(fleet, world, tmp_path):
    p = tmp_path / "run.jsonl"
    eng, act, clock = run_half(fleet, world, p)
    g = crash_plan("p")
    eng.submit(g, explicit_schedule(g, fleet, world))
    act.step()
    eng.cancel("p")
    del eng, act
    recs = p.read_text().splitlines(keepends=True)
    cut = next(i for i, r in enumerate(recs) if '"op":"cancel"' in r)
    p.write_text("".join(recs[: cut + 2]))  # the cancel and one of its transitions made it
    eng2, act2, clock2 = restore(fleet, world, p, clock() + 1)
    assert eng2.plan_outcome("p") is PlanState.CANCELLED and act2.started == []
    g2 = dart_plan(task("z", NAV, [TR1], objects=["rock1"]), plan_id="p")  # id taken: gets a new one
    p2 = eng2.submit(g2, explicit_schedule(g2, fleet, world))
    assert p2 != "p"
    assert run_until_done(eng2, act2.step, clock2() + 100, clock=clock2)
    eng2.close()
    eng3 = ExecutionEngine.restore(p, fleet, world, FakeActuator(fleet), allocator=FirstCapableAllocator())
    assert set(eng3.plans()) == {"p", p2} and eng3.plan_outcome(p2) is PlanState.SUCCEEDED
    assert eng3.all_finished()


def test_restore_tolerates_a_torn_tail_and_rejects_inconsistent_journals(fleet, world, tmp_path):
    p = tmp_path / "run.jsonl"
    eng, act, clock = run_half(fleet, world, p)
    g = crash_plan("p")
    eng.submit(g, explicit_schedule(g, fleet, world))
    act.step(5.0)
    del eng, act
    with open(p, "ab") as f:
        f.write(b'{"type":"transition","plan_id":"p","task_id":"dig1","fr')
    eng2, act2, clock2 = restore(fleet, world, p, clock() + 1)
    assert run_until_done(eng2, act2.step, clock2() + 500, clock=clock2)
    assert eng2.plan_outcome("p") is PlanState.SUCCEEDED
    eng2.close()
    # a record that moves a subtask from a state it is not in is refused, not guessed at
    bad = tmp_path / "bad.jsonl"
    recs = [r for r in p.read_text().splitlines() if '"type":"restored"' not in r]
    first = next(i for i, r in enumerate(recs) if '"to":"running"' in r)
    del recs[first]
    bad.write_text("\n".join(recs) + "\n")
    with pytest.raises(JournalCorruptError):
        ExecutionEngine.restore(bad, fleet, world, FakeActuator(fleet), allocator=FirstCapableAllocator())
