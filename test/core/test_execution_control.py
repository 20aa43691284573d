"""Plan control: cancel, pause/resume, emergency stop; and the state-machine table itself."""

from __future__ import annotations

import itertools

import pytest
from test_execution_support import (
    DIG,
    DUMP,
    EX1,
    NAV,
    TR1,
    TR2,
    FakeActuator,
    FirstCapableAllocator,
    Outcome,
    dart_plan,
    explicit_schedule,
    task,
)

from dart_planner.core.errors import ExecutionError, IllegalTransitionError
from dart_planner.core.execution import (
    TRANSITIONS,
    EmergencyStop,
    ExecutionEngine,
    ManualClock,
    PlanPaused,
    PlanState,
    SubtaskState,
    check_transition,
    run_until_done,
)

S = SubtaskState


def make(fleet, world, after=5.0, **kw):
    clock = ManualClock()
    act = FakeActuator(fleet, clock, behavior=lambda g: Outcome(after=after))
    eng = ExecutionEngine(fleet, world, act, allocator=FirstCapableAllocator(), clock=clock, **kw)
    events: list = []
    eng.subscribe(events.append)
    return eng, act, clock, events


def chain(fleet, world, eng, robot=TR1, plan_id=None):
    g = dart_plan(
        task("a", NAV, [robot], objects=["puddle1"]),
        task("b", NAV, [robot], deps=["a"], objects=["rock1"]),
        task("c", DUMP, [robot], deps=["b"]),
        plan_id=plan_id,
    )
    return eng.submit(g, explicit_schedule(g, fleet, world))


# -- the transition table ---------------------------------------------------------------
LEGAL = [(a, b) for a, targets in TRANSITIONS.items() for b in targets]
ILLEGAL = [(a, b) for a, b in itertools.product(S, S) if b not in TRANSITIONS[a]]


@pytest.mark.parametrize("src,dst", LEGAL)
def test_legal_transitions_pass(src, dst):
    check_transition("t", src, dst)


@pytest.mark.parametrize("src,dst", ILLEGAL)
def test_illegal_transitions_raise(src, dst):
    with pytest.raises(IllegalTransitionError, match=f"{src.value} -> {dst.value}"):
        check_transition("t", src, dst)


def test_table_shape():
    assert len(TRANSITIONS) == len(S)
    assert {s for s in S if s.terminal} == {S.SUCCEEDED, S.CANCELLED}
    # the moves a scheduler bug would make are exactly the ones refused
    for bad in [
        (S.PENDING, S.RUNNING),
        (S.SUCCEEDED, S.RUNNING),
        (S.CANCELLED, S.READY),
        (S.SUCCEEDED, S.FAILED),
    ]:
        assert bad in ILLEGAL


# -- cancel -------------------------------------------------------------------------------
def test_cancel_stops_goals_and_leaves_other_plans_alone(fleet, world):
    eng, act, clock, _ = make(fleet, world)
    p1 = chain(fleet, world, eng, TR1)
    p2 = chain(fleet, world, eng, TR2)
    act.step(6.0)  # a done on both; b running on both
    running_goal = next(gl for gl in act.started if gl.plan_id == p1 and gl.task_id == "b")
    assert eng.cancel(p1, "site closed")
    assert running_goal.goal_id in act.cancelled
    st = eng.status(p1)
    assert [st.subtask(t).state for t in "abc"] == [S.SUCCEEDED, S.CANCELLED, S.CANCELLED]
    assert st.subtask("c").reason == "site closed" and st.state is PlanState.CANCELLED
    assert eng.robot_holder(TR1) is None
    assert run_until_done(eng, act.step, 500, clock=clock)
    assert eng.plan_outcome(p2) is PlanState.SUCCEEDED
    assert not any(gl.plan_id == p1 and gl.task_id == "c" for gl in act.started)
    assert eng.cancel(p1) is False  # already finished
    with pytest.raises(ExecutionError, match="unknown plan"):
        eng.cancel("plan-nope")


# -- pause / resume ------------------------------------------------------------------------
def test_pause_starts_nothing_new_and_resume_continues(fleet, world):
    eng, act, clock, events = make(fleet, world)
    pid = chain(fleet, world, eng)
    eng.pause(pid)
    assert eng.status(pid).state is PlanState.PAUSED
    for _ in range(30):
        act.step()
        eng.tick()
    st = eng.status(pid)
    assert st.subtask("a").state is S.SUCCEEDED  # what was running finished
    assert st.subtask("b").state is S.READY and act.started_tasks() == ["a"]
    eng.resume(pid)
    assert act.started_tasks() == ["a", "b"]  # resumes at once, not at the next tick
    assert run_until_done(eng, act.step, 500, clock=clock)
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED
    assert [e.paused for e in events if isinstance(e, PlanPaused)] == [True, False]


# -- emergency stop ------------------------------------------------------------------------
def test_estop_holds_running_work_and_release_resends_it(fleet, world):
    eng, act, clock, events = make(fleet, world)
    p1 = chain(fleet, world, eng, TR1)
    act.step(2.0)
    eng.estop("person on site")
    assert act.stop_all_calls == 1 and act.active == {}
    a = eng.status(p1).subtask("a")
    assert a.state is S.READY and a.reason == "held by emergency stop: person on site"
    assert eng.robot_holder(TR1) is None and eng.status(p1).estopped
    p2 = chain(fleet, world, eng, TR2)  # accepted, but nothing starts under the stop
    for _ in range(20):
        act.step()
        eng.tick()
    assert act.started_tasks() == ["a"]
    assert eng.status(p2).subtask("a").state is S.READY
    eng.release_estop()
    assert sorted((gl.plan_id, gl.attempt) for gl in act.started[1:]) == sorted([(p1, 2), (p2, 1)])
    assert run_until_done(eng, act.step, 500, clock=clock)
    assert eng.plan_outcome(p1) is eng.plan_outcome(p2) is PlanState.SUCCEEDED
    assert eng.status(p1).subtask("a").retries == 0  # a stop is not a failure
    assert [e.active for e in events if isinstance(e, EmergencyStop)] == [True, False]


def test_estop_cancel_mode_cancels_running_and_dependents(fleet, world):
    eng, act, clock, _ = make(fleet, world, estop_mode="cancel")
    g = dart_plan(
        task("a", NAV, [TR1], objects=["puddle1"]),
        task("b", DUMP, [TR1], deps=["a"]),
        task("d", DIG, [EX1]),
    )
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    act.step(1.0)
    eng.estop()
    st = eng.status(pid)
    assert st.subtask("a").state is S.CANCELLED and st.subtask("d").state is S.CANCELLED
    assert st.subtask("b").state is S.CANCELLED and "'a'" in st.subtask("b").reason
    assert eng.plan_outcome(pid) is PlanState.FAILED
    eng.release_estop()
    assert act.started_tasks() == ["a", "d"]


def test_bad_engine_options_are_refused(fleet, world):
    act = FakeActuator(fleet)
    with pytest.raises(ExecutionError):
        ExecutionEngine(fleet, world, act, max_retries=-1)
    with pytest.raises(ExecutionError):
        ExecutionEngine(fleet, world, act, estop_mode="pray")
