"""Faults: timeout -> retry -> reassignment, robot breakdown, no alternative -> replan request."""

from __future__ import annotations

import pytest
from test_execution_support import (
    AVOID_ALL,
    DIG,
    DUMP,
    EX1,
    NAV,
    TR1,
    TR2,
    UNLOAD,
    FakeActuator,
    FirstCapableAllocator,
    Outcome,
    dart_plan,
    explicit_schedule,
    task,
)

from dart_planner.core.actuation import GoalStatus
from dart_planner.core.errors import ExecutionError
from dart_planner.core.execution import (
    ExecutionEngine,
    ManualClock,
    PlanState,
    ReplanRequested,
    RobotAvailabilityChanged,
    SubtaskReassigned,
    SubtaskState,
    is_robot_fault,
    run_until_done,
)

S = SubtaskState
HANG = Outcome(None)


def make(fleet, world, behavior=lambda g: Outcome(), allocator=None, **kw):
    clock = ManualClock()
    act = FakeActuator(fleet, clock, behavior=behavior)
    alloc = allocator if allocator is not None else FirstCapableAllocator()
    eng = ExecutionEngine(fleet, world, act, allocator=alloc, clock=clock, **kw)
    events: list = []
    eng.subscribe(events.append)
    return eng, act, clock, alloc, events


def run(eng, act, clock, limit=5000.0):
    assert run_until_done(eng, act.step, limit, clock=clock), "plans did not finish in time"


def states(eng, pid, tid):
    return [h.state for h in eng.status(pid).subtask(tid).history]


def test_timeout_then_retry_then_reassignment_completes_the_plan(fleet, world):
    # every goal sent to truck 1 for the drive hangs: the engine must time it out
    hang_tr1 = lambda g: HANG if (g.robot_id == TR1 and g.task_id == "go") else Outcome(after=3.0)  # noqa: E731
    eng, act, clock, alloc, events = make(fleet, world, hang_tr1, max_retries=1)
    g = dart_plan(
        task("go", NAV, objects=["soil2"], rtype="dump_truck"),
        task("dump", DUMP, deps=["go"], rtype="dump_truck"),
    )
    pid = eng.submit(g)
    assert eng.status(pid).subtask("go").robots == (TR1,)
    run(eng, act, clock)
    timeout = fleet.skills[NAV].timeout_s
    st = eng.status(pid)
    go = st.subtask("go")
    assert states(eng, pid, "go") == [
        S.PENDING, S.READY, S.RUNNING, S.TIMED_OUT,  # attempt 1 on truck 1
        S.READY, S.RUNNING, S.TIMED_OUT,  # the retry, same robot
        S.READY, S.RUNNING, S.SUCCEEDED,  # reassigned
    ]  # fmt: skip
    assert [h.at for h in go.history if h.state is S.TIMED_OUT] == [timeout, 2 * timeout]
    assert go.robots == (TR2,) and go.attempts == 3 and go.retries == 0
    sent = [gl for gl in act.started if gl.task_id == "go"]
    assert [(gl.robot_id, gl.attempt) for gl in sent] == [(TR1, 1), (TR1, 2), (TR2, 3)]
    assert sent[0].goal_id in act.cancelled and sent[1].goal_id in act.cancelled  # timed-out goals cancelled
    # re-allocation saw the live state: truck 1 excluded, nothing done yet
    live = alloc.calls[-1]
    assert TR1 in live.unavailable and live.done == frozenset() and live.now == 2 * timeout
    assert any(
        isinstance(e, SubtaskReassigned) and e.task_id == "go" and e.new_robots == (TR2,) for e in events
    )
    # suspicion is about this subtask, not a verdict on the robot: truck 1 stays in service
    assert eng.unavailable_robots == frozenset()
    assert st.subtask("dump").robots == (TR2,)  # re-allocation kept the truck that drove there
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_timeout_reassignment_with_the_real_allocator(fleet, world):
    pytest.importorskip("dart_planner.core.allocate")
    from dart_planner.core.execution import ModuleAllocator

    first: dict[str, str] = {}

    def hang_first_robot(g):
        first.setdefault(g.task_id, g.robot_id)
        return HANG if (g.task_id == "go" and g.robot_id == first["go"]) else Outcome(after=2.0)

    eng, act, clock, _, events = make(
        fleet, world, hang_first_robot, allocator=ModuleAllocator(), max_retries=1
    )
    g = dart_plan(
        task("go", NAV, objects=["soil2"], rtype="dump_truck"),
        task("dump", DUMP, deps=["go"], rtype="dump_truck"),
        task("fence", AVOID_ALL, objects=["puddle1"]),
    )
    pid = eng.submit(g)
    run(eng, act, clock)
    go = eng.status(pid).subtask("go")
    assert go.attempts == 3 and go.robots != (first["go"],)
    assert eng.status(pid).subtask("dump").robots == go.robots
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_robot_breakdown_moves_its_work_without_retrying(fleet, world):
    broken = lambda g: (  # noqa: E731
        Outcome(GoalStatus.FAILED, 2.0, "robot_breakdown: hydraulic pump") if g.robot_id == TR1 else Outcome()
    )
    eng, act, clock, alloc, events = make(fleet, world, broken, max_retries=3)
    g = dart_plan(
        task("go", NAV, [TR1], objects=["soil2"]),
        task("dump", DUMP, [TR1], deps=["go"]),
        task("other", NAV, [TR2], objects=["rock2"]),
    )
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    run(eng, act, clock)
    assert [gl.robot_id for gl in act.started if gl.task_id == "go"][0] == TR1
    assert all(gl.robot_id != TR1 for gl in act.started[1:] if gl.task_id in ("go", "dump"))
    assert [gl.robot_id for gl in act.started].count(TR1) == 1  # no retry on a broken robot
    assert eng.unavailable_robots == {TR1}
    assert any(
        isinstance(e, RobotAvailabilityChanged) and e.robot_id == TR1 and not e.available for e in events
    )
    st = eng.status(pid)
    # explicit robots are replaced because the named robot is out, and the pending dump follows
    assert st.subtask("go").robots == st.subtask("dump").robots != (TR1,)
    assert "robot_breakdown" in [h for h in st.subtask("go").history if h.state is S.FAILED][0].reason
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_failure_without_alternative_cancels_dependents_and_requests_replan(fleet, world):
    jam = lambda g: (  # noqa: E731
        Outcome(GoalStatus.FAILED, 5.0, "dig failed: bucket jammed") if g.task_id == "dig" else Outcome()
    )
    eng, act, clock, alloc, events = make(fleet, world, jam, max_retries=1)
    g = dart_plan(
        task("go_ex", NAV, [EX1], objects=["soil1"]),
        task("dig", DIG, [EX1], deps=["go_ex"]),
        task("load", UNLOAD, [EX1], deps=["dig"]),
        task("dump", DUMP, [TR1], deps=["load"]),
        task("inspect", NAV, [TR2], objects=["puddle1"]),
        task("fence", AVOID_ALL, deps=["inspect"], objects=["puddle1"]),
    )
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    run(eng, act, clock)
    st = eng.status(pid)
    dig = st.subtask("dig")
    assert dig.state is S.FAILED and dig.settled and dig.attempts == 2  # one retry, then given up
    assert dig.reason == "dig failed: bucket jammed"
    for dependent in ("load", "dump"):
        sub = st.subtask(dependent)
        assert sub.state is S.CANCELLED and sub.started_at is None
        assert "'dig'" in sub.reason and "bucket jammed" in sub.reason
    assert "load" not in act.started_tasks() and "dump" not in act.started_tasks()
    # the independent branch went on
    assert st.subtask("inspect").state is st.subtask("fence").state is S.SUCCEEDED
    replans = [e for e in events if isinstance(e, ReplanRequested)]
    assert len(replans) == 1
    rp = replans[0]
    assert (rp.plan_id, rp.task_id, rp.robots, rp.reason) == (pid, "dig", (EX1,), "dig failed: bucket jammed")
    assert "go_ex" in rp.done and {"load", "dump"} <= set(rp.remaining)
    assert set(rp.world["objects"]) == set(world.object_names) and rp.world["robots"][EX1]["available"]
    # explicit robots are the user's instruction: a skill failure does not move them
    assert alloc.calls == [] and eng.unavailable_robots == frozenset()
    assert eng.is_finished(pid) and eng.plan_outcome(pid) is PlanState.FAILED


def test_no_capable_robot_left_ends_in_replan(fleet, world):
    fail_ex1 = lambda g: Outcome(GoalStatus.FAILED, 1.0, "path blocked") if g.robot_id == EX1 else Outcome()  # noqa: E731
    eng, act, clock, alloc, events = make(fleet, world, fail_ex1, max_retries=0)
    g = dart_plan(
        task("go", NAV, objects=["soil1"], rtype="excavator", count=3),
        task("after", DUMP, [TR1], deps=["go"]),
    )
    pid = eng.submit(g)
    run(eng, act, clock)
    assert len(alloc.calls) == 2  # the first allocation, then one re-allocation that found no one
    assert EX1 in alloc.calls[1].unavailable
    assert eng.status(pid).subtask("go").state is S.FAILED
    assert eng.status(pid).subtask("after").state is S.CANCELLED
    assert [e.task_id for e in events if isinstance(e, ReplanRequested)] == ["go"]
    assert eng.plan_outcome(pid) is PlanState.FAILED


def test_in_place_skill_is_not_moved_to_a_robot_standing_elsewhere(fleet, world):
    # another excavator would dig wherever it stands: that needs a new plan, not a new robot
    fail_dig = lambda g: (  # noqa: E731
        Outcome(GoalStatus.FAILED, 1.0, "no_pile_in_reach") if g.task_id == "dig" else Outcome()
    )
    eng, act, clock, alloc, events = make(fleet, world, fail_dig, max_retries=1)
    g = dart_plan(
        task("go", NAV, objects=["soil1"], rtype="excavator"),
        task("dig", DIG, deps=["go"], rtype="excavator"),
    )
    pid = eng.submit(g)
    run(eng, act, clock)
    assert len(alloc.calls) == 1
    assert [gl.robot_id for gl in act.started if gl.task_id == "dig"] == [EX1, EX1]
    assert [e.task_id for e in events if isinstance(e, ReplanRequested)] == ["dig"]
    assert eng.plan_outcome(pid) is PlanState.FAILED


def test_reassignments_are_bounded(fleet, world):
    stuck = lambda g: Outcome(GoalStatus.FAILED, 1.0, "path blocked") if g.task_id == "go" else Outcome()  # noqa: E731
    eng, act, clock, alloc, events = make(fleet, world, stuck, max_retries=0, max_reassignments=1)
    pid = eng.submit(dart_plan(task("go", NAV, objects=["soil1"], rtype="dump_truck")))
    run(eng, act, clock)
    # truck 1, then one reassignment (truck 2), then the cap: truck 3 is never tried
    assert [gl.robot_id for gl in act.started] == [TR1, TR2]
    assert eng.plan_outcome(pid) is PlanState.FAILED


def test_every_failed_robot_stays_excluded(fleet, world):
    stuck = lambda g: Outcome(GoalStatus.FAILED, 1.0, "path blocked") if g.task_id == "go" else Outcome()  # noqa: E731
    eng, act, clock, alloc, events = make(fleet, world, stuck, max_retries=0, max_reassignments=10)
    pid = eng.submit(dart_plan(task("go", NAV, objects=["soil1"], rtype="dump_truck")))
    run(eng, act, clock)
    # each truck tried once; then nobody is left (no ping-pong between two robots)
    assert [gl.robot_id for gl in act.started] == [TR1, TR2, "robot_dump_truck_03"]
    assert {TR1, TR2} <= alloc.calls[-1].unavailable
    assert eng.plan_outcome(pid) is PlanState.FAILED


def test_max_retries_zero_reassigns_at_once(fleet, world):
    fail_tr1 = lambda g: Outcome(GoalStatus.FAILED, 1.0, "stuck in mud") if g.robot_id == TR1 else Outcome()  # noqa: E731
    eng, act, clock, _, _ = make(fleet, world, fail_tr1, max_retries=0)
    pid = eng.submit(dart_plan(task("go", NAV, objects=["rock1"], rtype="dump_truck")))
    run(eng, act, clock)
    assert [gl.robot_id for gl in act.started] == [TR1, TR2]
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_refused_goal_counts_as_failure(fleet, world):
    clock = ManualClock()
    act = FakeActuator(fleet, clock)
    act.refuse = lambda g: ExecutionError("keep-out violation") if g.robot_id == TR1 else None
    eng = ExecutionEngine(fleet, world, act, allocator=FirstCapableAllocator(), clock=clock, max_retries=1)
    pid = eng.submit(dart_plan(task("go", NAV, objects=["rock1"], rtype="dump_truck")))
    run(eng, act, clock)
    go = eng.status(pid).subtask("go")
    assert go.robots == (TR2,) and go.attempts == 3
    assert any("goal refused: keep-out violation" in h.reason for h in go.history)
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_target_gone_from_world_requests_replan(fleet, world):
    from dart_planner.core.world import WorldObject

    w2 = world.with_object(WorldObject("rock9", "rock", 3.0, 4.0, 1.0, source="detector"))
    eng, act, clock, _, events = make(fleet, w2)
    g = dart_plan(
        task("a", NAV, [TR1], objects=["puddle1"]), task("b", NAV, [TR1], deps=["a"], objects=["rock9"])
    )
    pid = eng.submit(g, explicit_schedule(g, fleet, w2))
    eng.update_world(w2.without_object("rock9"))  # perception lost it while a runs
    run(eng, act, clock)
    b = eng.status(pid).subtask("b")
    assert b.state is S.FAILED and "rock9" in b.reason
    assert [e.task_id for e in events if isinstance(e, ReplanRequested)] == ["b"]
    assert act.started_tasks() == ["a"]


def test_taking_a_busy_robot_out_of_service_moves_its_subtask(fleet, world):
    eng, act, clock, _, events = make(fleet, world, lambda g: Outcome(after=10.0))
    g = dart_plan(task("go", NAV, [TR1], objects=["soil2"]), task("dump", DUMP, [TR1], deps=["go"]))
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    act.step(3.0)
    eng.set_robot_available(TR1, False, "operator request")
    assert act.started[0].goal_id in act.cancelled
    assert eng.robot_holder(TR1) is None and eng.status(pid).subtask("go").robots == (TR2,)
    run(eng, act, clock)
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED
    eng.set_robot_available(TR1, True)
    assert eng.unavailable_robots == frozenset()
    assert [e.available for e in events if isinstance(e, RobotAvailabilityChanged)] == [False, True]
    with pytest.raises(ExecutionError):
        eng.set_robot_available("robot_ghost", False)


def test_waiting_subtask_of_another_plan_leaves_a_broken_robot(fleet, world):
    breaks = lambda g: (  # noqa: E731
        Outcome(GoalStatus.FAILED, 4.0, "robot_breakdown: engine") if g.robot_id == TR1 else Outcome()
    )
    eng, act, clock, _, _ = make(fleet, world, breaks)
    ga = dart_plan(task("a1", NAV, [TR1], objects=["soil2"]))
    gb = dart_plan(task("b1", NAV, [TR1], objects=["rock1"]))
    pa = eng.submit(ga, explicit_schedule(ga, fleet, world))
    pb = eng.submit(gb, explicit_schedule(gb, fleet, world))
    assert eng.status(pb).subtask("b1").state is S.READY  # waits for TR1
    run(eng, act, clock)
    assert eng.plan_outcome(pa) is eng.plan_outcome(pb) is PlanState.SUCCEEDED
    assert eng.status(pb).subtask("b1").robots != (TR1,)
    assert [gl.robot_id for gl in act.started].count(TR1) == 1


def test_robot_fault_reasons():
    assert is_robot_fault("robot_breakdown: pump")
    assert is_robot_fault("goal cancelled by the actuator: robot_breakdown")
    assert is_robot_fault("Robot_Offline")
    assert not is_robot_fault("dig failed: no soil under the bucket")
    assert not is_robot_fault("timed out after 240 s (target_area_for_specific_robots)")


def test_fleet_wide_motion_continues_without_a_broken_robot(fleet, world):
    from test_execution_support import RETURN_ALL

    broken = lambda g: (  # noqa: E731
        Outcome(GoalStatus.FAILED, 2.0, "robot_breakdown") if g.robot_id == TR1 else Outcome(after=3.0)
    )
    eng, act, clock, alloc, _ = make(fleet, world, broken)
    g = dart_plan(task("home", RETURN_ALL))
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    run(eng, act, clock)
    first, second = act.started[: len(fleet.robots)], act.started[len(fleet.robots) :]
    assert {gl.robot_id for gl in first} == set(fleet.robot_ids)
    assert {gl.robot_id for gl in second} == set(fleet.robot_ids) - {TR1}
    assert "continuing without robot_dump_truck_01" in eng.status(pid).subtask("home").history[-3].reason
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED and len(alloc.calls) == 0
