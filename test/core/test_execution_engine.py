"""Execution engine: dependencies, robot locks, schedule order, goals, world, status, threads."""

from __future__ import annotations

import dataclasses
import json
import threading

import pytest
from test_execution_support import (
    AVOID,
    AVOID_ALL,
    DIG,
    DUMP,
    EX1,
    EX2,
    NAV,
    RETURN,
    RETURN_ALL,
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
from dart_planner.core.errors import ExecutionError, PlanValidationError
from dart_planner.core.execution import (
    ExecutionEngine,
    ManualClock,
    PlanAccepted,
    PlanFinished,
    PlanState,
    SubtaskState,
    SubtaskStateChanged,
    event_to_dict,
    run_until_done,
)
from dart_planner.core.fleet import SkillAction
from dart_planner.core.schedule import Assignment, Schedule
from dart_planner.core.world import WorldObject

S = SubtaskState


def make(fleet, world, **kw):
    clock = ManualClock()
    act = FakeActuator(fleet, clock, **{k: kw.pop(k) for k in list(kw) if k in ("behavior", "refuse")})
    alloc = kw.pop("allocator", FirstCapableAllocator())
    eng = ExecutionEngine(fleet, world, act, allocator=alloc, clock=clock, **kw)
    events: list = []
    eng.subscribe(events.append)
    return eng, act, clock, events


def run(eng, act, clock, limit=500.0):
    assert run_until_done(eng, act.step, limit, clock=clock), "plans did not finish in time"


def transitions(events, task_id=None):
    return [
        (e.task_id, e.new)
        for e in events
        if isinstance(e, SubtaskStateChanged) and (task_id is None or e.task_id == task_id)
    ]


def test_invalid_plan_is_rejected_and_nothing_starts(fleet, world):
    eng, act, _, events = make(fleet, world)
    bad = dart_plan(task("a", NAV, [TR1], objects=["no_such_object"]), task("b", DIG, [EX1], deps=["ghost"]))
    with pytest.raises(PlanValidationError) as err:
        eng.submit(bad)
    assert "unknown_object" in str(err.value) and "dangling_dependency" in str(err.value)
    assert act.started == [] and eng.plans() == () and events == []


def test_schedule_that_overrides_explicit_robots_is_rejected(fleet, world):
    eng, act, _, _ = make(fleet, world)
    g = dart_plan(task("a", NAV, [TR1], objects=["puddle1"]))
    wrong = Schedule("hand", {"a": Assignment("a", (TR2,), 0, 0, 1)}, {TR2: ("a",)}, 1, 1)
    with pytest.raises(ExecutionError, match="names"):
        eng.submit(g, wrong)
    incapable = Schedule("hand", {"d": Assignment("d", (TR1,), 0, 0, 1)}, {}, 1, 1)
    with pytest.raises(ExecutionError, match="cannot perform"):
        eng.submit(dart_plan(task("d", DIG, rtype="excavator")), incapable)
    assert act.started == []


def test_dependencies_wait_and_ready_is_immediate(fleet, world):
    eng, act, clock, events = make(fleet, world)
    g = dart_plan(
        task("go_ex", NAV, [EX1], objects=["soil1"]),
        task("go_tr", NAV, [TR1], objects=["soil1"]),
        task("dig", DIG, [EX1], deps=["go_ex"]),
        task("load", UNLOAD, [EX1], deps=["dig", "go_tr"]),
        task("dump", DUMP, [TR1], deps=["load"]),
    )
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    # the two independent drives start at once; nothing downstream has started
    assert sorted(act.running_tasks()) == ["go_ex", "go_tr"]
    st = eng.status(pid)
    assert st.subtask("dig").state is S.PENDING and st.subtask("load").state is S.PENDING
    run(eng, act, clock)
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED
    order = act.started_tasks()
    for before, after in [("go_ex", "dig"), ("dig", "load"), ("go_tr", "load"), ("load", "dump")]:
        assert order.index(before) < order.index(after)
    st = eng.status(pid)
    for before, after in [("go_ex", "dig"), ("dig", "load"), ("load", "dump")]:
        assert st.subtask(after).started_at >= st.subtask(before).finished_at
        # READY the moment the last dependency succeeded (same clock reading)
        ready_at = [h.at for h in st.subtask(after).history if h.state is S.READY][0]
        assert ready_at == st.subtask(before).finished_at or after == "load"
    assert [h.state for h in st.subtask("dump").history] == [S.PENDING, S.READY, S.RUNNING, S.SUCCEEDED]
    assert isinstance(events[0], PlanAccepted) and isinstance(events[-1], PlanFinished)


def test_robot_locks_hold_across_plans(fleet, world):
    eng, act, clock, events = make(fleet, world)
    holding: dict[str, str] = {}
    violations: list[str] = []

    def watch(e):
        if not isinstance(e, SubtaskStateChanged):
            return
        key = f"{e.plan_id}/{e.task_id}"
        for r in e.robots:
            if e.new is S.RUNNING:
                if r in holding:
                    violations.append(f"{r} in {holding[r]} and {key}")
                holding[r] = key
            elif e.old is S.RUNNING and holding.get(r) == key:
                del holding[r]

    eng.subscribe(watch)
    g1 = dart_plan(
        task("a1", NAV, [TR1], objects=["puddle1"]), task("a2", NAV, [TR1], deps=["a1"], objects=["rock1"])
    )
    g2 = dart_plan(task("b1", NAV, [TR1, TR2], objects=["soil2"]), task("b2", DUMP, [TR2], deps=["b1"]))
    p1 = eng.submit(g1, explicit_schedule(g1, fleet, world))
    p2 = eng.submit(g2, explicit_schedule(g2, fleet, world))
    assert eng.robot_holder(TR1) == (p1, "a1")
    assert eng.status(p2).subtask("b1").state is S.READY  # ready, but its robot is taken
    run(eng, act, clock)
    assert violations == []
    assert eng.plan_outcome(p1) is eng.plan_outcome(p2) is PlanState.SUCCEEDED
    assert act.started_tasks().count("b1") == 2  # one goal per robot


def test_schedule_order_is_kept_per_robot(fleet, world):
    eng, act, clock, _ = make(fleet, world)
    g = dart_plan(
        task("first", NAV, [TR1], objects=["puddle1"]), task("second", NAV, [TR1], objects=["rock1"])
    )
    sched = Schedule(
        "hand",
        {"first": Assignment("first", (TR1,), 5, 5, 6), "second": Assignment("second", (TR1,), 0, 0, 1)},
        {TR1: ("second", "first")},
        6,
        6,
    )
    pid = eng.submit(g, sched)
    assert act.running_tasks() == {"second"}
    run(eng, act, clock)
    assert act.started_tasks() == ["second", "first"]
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_order_that_contradicts_dependencies_does_not_deadlock(fleet, world):
    eng, act, clock, _ = make(fleet, world)
    g = dart_plan(
        task("a", NAV, [TR1], objects=["puddle1"]), task("b", NAV, [TR1], deps=["a"], objects=["rock1"])
    )
    sched = Schedule(
        "bad-order",
        {"a": Assignment("a", (TR1,), 0, 0, 1), "b": Assignment("b", (TR1,), 0, 0, 1)},
        {TR1: ("b", "a")},
        1,
        1,
    )
    pid = eng.submit(g, sched)
    run(eng, act, clock)
    assert act.started_tasks() == ["a", "b"]
    assert eng.status(pid).subtask("a").reason.startswith("completed")
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_keepout_goes_out_fleet_level_and_locks_no_robot(fleet, world):
    eng, act, clock, _ = make(fleet, world, behavior=lambda g: Outcome(after=5.0))
    g = dart_plan(
        task("drive", NAV, [TR1], objects=["soil1"]),
        task("fence_all", AVOID_ALL, objects=["puddle1"]),
        task("fence_tr2", AVOID, [TR2], objects=["rock1"]),
    )
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    goals = {gl.task_id: gl for gl in act.started}
    assert set(goals) == {"drive", "fence_all", "fence_tr2"}  # the fences did not wait for TR1
    fa, f2 = goals["fence_all"], goals["fence_tr2"]
    assert fa.robot_id is None and fa.applies_to == () and fa.action is SkillAction.ADD_KEEPOUT
    assert f2.robot_id is None and f2.applies_to == (TR2,)
    assert fa.target_radius == pytest.approx(world.object("puddle1").radius + world.keepout_margin)
    assert eng.robot_holder(TR2) is None
    run(eng, act, clock)
    zones = {z.name: z for z in eng.world.keep_out}
    assert set(zones) == {"puddle1", "rock1"} and zones["puddle1"].robots == frozenset()
    assert zones["rock1"].robots == {TR2}
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_targets_resolve_from_the_current_world(fleet, world):
    eng, act, clock, _ = make(fleet, world)
    g = dart_plan(
        task("a", NAV, [TR1], objects=["puddle1"]),
        task("b", NAV, [TR1], deps=["a"], objects=["rock9"]),
        task("home", RETURN, [TR1], deps=["b"]),
    )
    world2 = world.with_object(WorldObject("rock9", "rock", 3.0, 4.0, 0.8, source="detector", confidence=0.9))
    eng.update_world(world2)  # perception found rock9 before the plan arrives
    pid = eng.submit(g, explicit_schedule(g, fleet, world2))
    moved = world2.with_object(
        WorldObject("rock9", "rock", -5.0, 7.5, 0.8, source="detector", confidence=0.95)
    )
    eng.update_world(moved)  # ... and re-localised it while TR1 drives to the puddle
    run(eng, act, clock)
    goals = {gl.task_id: gl for gl in act.started}
    assert (goals["a"].target_pose.x, goals["a"].target_pose.y) == (-8.0, 6.0)
    assert (goals["b"].target_pose.x, goals["b"].target_pose.y) == (-5.0, 7.5)
    assert goals["b"].target_radius == 0.8
    assert goals["home"].target_pose == fleet.robot(TR1).start
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_multi_robot_subtask_needs_every_goal(fleet, world):
    eng, act, clock, _ = make(fleet, world)
    g = dart_plan(task("load", NAV, [EX1, TR1], objects=["soil1"]), task("after", DUMP, [TR1], deps=["load"]))
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    by_robot = {gl.robot_id: gl for gl in act.started}
    ex_goal, tr_goal = by_robot[EX1], by_robot[TR1]
    assert ex_goal.partner_ids == (TR1,) and tr_goal.partner_ids == (EX1,)
    act.finish(ex_goal, GoalStatus.SUCCEEDED)
    assert eng.status(pid).subtask("load").state is S.RUNNING
    act.finish(tr_goal, GoalStatus.SUCCEEDED)
    assert eng.status(pid).subtask("load").state is S.SUCCEEDED
    assert eng.status(pid).subtask("after").state is S.RUNNING


def _partner_schedule() -> Schedule:
    return Schedule(
        "with-partner",
        {"unload": Assignment("unload", (EX1, TR1), 0, 0, 4), "drive": Assignment("drive", (TR1,), 4, 4, 9)},
        {EX1: ("unload",), TR1: ("unload", "drive")},
        9,
        9,
    )


def test_far_partner_is_driven_to_its_worker(fleet, world):
    eng, act, clock, _ = make(fleet, world, behavior=lambda g: Outcome(after=4.0))
    g = dart_plan(task("unload", UNLOAD, [EX1]), task("drive", NAV, [TR1], objects=["rock1"]))
    pid = eng.submit(g, _partner_schedule())  # the fake places robots at their (distant) starts
    by_robot = {gl.robot_id: gl for gl in act.started}
    assert set(by_robot) == {EX1, TR1}
    assert by_robot[EX1].partner_ids == (TR1,)
    rendezvous = by_robot[TR1]
    assert rendezvous.action is SkillAction.NAVIGATE and rendezvous.skill in fleet.robot(TR1).skills
    assert rendezvous.target_pose == fleet.robot(EX1).start and rendezvous.partner_ids == (EX1,)
    run(eng, act, clock)
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_partner_beside_its_worker_is_locked_but_gets_no_goal(fleet, world):
    eng, act, clock, _ = make(fleet, world, behavior=lambda g: Outcome(after=4.0))
    ex_start = fleet.robot(EX1).start
    act.robot_pose = lambda rid: ex_start if rid in (EX1, TR1) else fleet.robot(rid).start
    g = dart_plan(task("unload", UNLOAD, [EX1]), task("drive", NAV, [TR1], objects=["rock1"]))
    pid = eng.submit(g, _partner_schedule())
    (goal,) = act.started  # the truck waits beside the excavator: held, but sent nothing
    assert goal.robot_id == EX1 and goal.partner_ids == (TR1,)
    assert eng.robot_holder(TR1) == (pid, "unload")
    run(eng, act, clock)
    assert act.started_tasks() == ["unload", "drive"]
    assert eng.status(pid).subtask("drive").started_at == eng.status(pid).subtask("unload").finished_at
    # an extra robot that is not the skill's partner type is an override, not a partner
    bad = Schedule("x", {"unload": Assignment("unload", (EX1, EX2), 0, 0, 4)}, {}, 4, 4)
    with pytest.raises(ExecutionError, match="names"):
        eng.submit(dart_plan(task("unload", UNLOAD, [EX1])), bad)


def test_fleet_wide_motion_takes_every_available_robot(fleet, world):
    eng, act, clock, _ = make(fleet, world)
    g = dart_plan(task("a", NAV, [TR1], objects=["puddle1"]), task("home", RETURN_ALL, deps=["a"]))
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    run(eng, act, clock)
    home = [gl for gl in act.started if gl.task_id == "home"]
    assert sorted(gl.robot_id for gl in home) == sorted(fleet.robot_ids)
    assert all(gl.target_pose == fleet.robot(gl.robot_id).start for gl in home)
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_status_is_a_frozen_json_snapshot(fleet, world):
    eng, act, clock, events = make(fleet, world)
    g = dart_plan(task("a", NAV, [TR1], objects=["puddle1"]), task("b", DIG, [EX2]))
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    clock.advance(0.25)
    before = eng.status(pid)
    run(eng, act, clock)
    assert before.subtask("a").state is S.RUNNING  # the old snapshot did not move
    after = eng.status(pid)
    with pytest.raises(dataclasses.FrozenInstanceError):
        after.state = PlanState.FAILED  # type: ignore[misc]
    doc = json.loads(after.to_json())
    assert doc["state"] == "succeeded" and doc["plan_id"] == pid
    a = next(s for s in doc["subtasks"] if s["task_id"] == "a")
    assert a["robots"] == [TR1] and a["attempts"] == 1 and a["state"] == "succeeded"
    assert a["started_at"] == 0.0 and a["finished_at"] == 1.25 and a["progress"] == 1.0
    json.dumps([event_to_dict(e) for e in events])  # every event is JSON-ready


def test_same_graph_twice_gets_two_plan_ids(fleet, world):
    eng, act, clock, _ = make(fleet, world)
    g = dart_plan(task("a", NAV, [TR1], objects=["puddle1"]), plan_id="plan-fixed")
    p1 = eng.submit(g, explicit_schedule(g, fleet, world))
    p2 = eng.submit(g, explicit_schedule(g, fleet, world))
    assert p1 == "plan-fixed" and p2 != p1 and set(eng.plans()) == {p1, p2}
    run(eng, act, clock)
    assert act.started_tasks() == ["a", "a"]
    goal_ids = [gl.goal_id for gl in act.started]
    assert len(set(goal_ids)) == 2


def test_submit_without_schedule_uses_the_allocator(fleet, world):
    alloc = FirstCapableAllocator()
    eng, act, clock, _ = make(fleet, world, allocator=alloc)
    g = dart_plan(task("dig", DIG, rtype="excavator", count=2))
    pid = eng.submit(g)
    assert len(alloc.calls) == 1
    assert sorted(gl.robot_id for gl in act.started) == sorted(r.id for r in fleet.of_type("excavator"))[:2]
    run(eng, act, clock)
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED


def test_events_from_other_threads_are_safe(fleet, world):
    eng, act, clock, events = make(fleet, world, behavior=lambda g: Outcome(after=1e9))
    robots = fleet.robot_ids
    tasks = [task(f"t{i}", NAV, [r], objects=["puddle1"]) for i, r in enumerate(robots)]
    chains = [task(f"u{i}", RETURN, [r], deps=[f"t{i}"]) for i, r in enumerate(robots)]
    g = dart_plan(*tasks, *chains)
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    barrier = threading.Barrier(len(robots))
    errors: list[str] = []

    def goal_of(task_id):
        for _ in range(20000):
            found = [gl for gl in list(act.started) if gl.task_id == task_id]
            if found:
                return found[0]
            threading.Event().wait(0.0005)
        errors.append(f"{task_id} never dispatched")
        return None

    def finisher(i):
        barrier.wait()
        for tid in (f"t{i}", f"u{i}"):
            goal = goal_of(tid)
            if goal is not None:
                act.finish(goal, GoalStatus.SUCCEEDED)  # the listener runs on this thread

    threads = [threading.Thread(target=finisher, args=(i,)) for i in range(len(robots))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert errors == []
    assert eng.plan_outcome(pid) is PlanState.SUCCEEDED
    assert eng.transition_count == 3 * len(g)  # PENDING->READY->RUNNING->SUCCEEDED, once each
    assert len(transitions(events)) == 3 * len(g)
    assert sorted(act.started_tasks()) == sorted(g.ids)


def test_observer_may_call_back_into_the_engine(fleet, world):
    eng, act, clock, events = make(fleet, world)
    g = dart_plan(
        task("a", NAV, [TR1], objects=["puddle1"]), task("b", NAV, [TR1], deps=["a"], objects=["rock1"])
    )

    def cancel_after_a(e):
        if isinstance(e, SubtaskStateChanged) and e.task_id == "a" and e.new is S.SUCCEEDED:
            assert eng.cancel(e.plan_id, "operator changed their mind")

    eng.subscribe(cancel_after_a)
    pid = eng.submit(g, explicit_schedule(g, fleet, world))
    act.step()  # a succeeds; b starts in the same operation; then the observer cancels
    b_goal = next(gl for gl in act.started if gl.task_id == "b")
    assert b_goal.goal_id in act.cancelled
    assert eng.plan_outcome(pid) is PlanState.CANCELLED
    assert eng.status(pid).subtask("b").reason == "operator changed their mind"
    # events stay in causal order although one was raised from inside a delivery
    kinds = [(e.task_id, e.new) for e in events if isinstance(e, SubtaskStateChanged)]
    assert kinds.index(("a", S.SUCCEEDED)) < kinds.index(("b", S.RUNNING)) < kinds.index(("b", S.CANCELLED))
    assert isinstance(events[-1], PlanFinished) and events[-1].outcome is PlanState.CANCELLED
