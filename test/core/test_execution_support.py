"""Test doubles for the execution-engine tests (no tests here; shared by test_execution_*.py).

These are doubles, not features: ``FakeActuator`` stands in for the simulator / ROS
actuation and does exactly what a test scripts; ``FirstCapableAllocator`` stands in for
allocation with the most obvious rule, so engine tests do not depend on allocation quality.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dart_planner.core.actuation import ActuatorEvent, GoalStatus, SkillFeedback, SkillGoal, SkillResult
from dart_planner.core.errors import AllocationError
from dart_planner.core.execution import ManualClock
from dart_planner.core.fleet import Fleet, SkillAction, SkillScope
from dart_planner.core.geometry import Pose2D
from dart_planner.core.plan import TaskGraph
from dart_planner.core.schedule import Assignment, LiveState, Schedule
from dart_planner.core.world import World

__all__ = ["Outcome", "FakeActuator", "FirstCapableAllocator", "dart_plan", "task", "explicit_schedule"]


@dataclass(frozen=True)
class Outcome:
    """What the fake robot does with a goal: finish with ``status`` after ``after`` seconds
    (``status=None``: never answer, so the engine's timeout must act)."""

    status: GoalStatus | None = GoalStatus.SUCCEEDED
    after: float = 1.0
    reason: str = ""


SUCCEED = Outcome()
HANG = Outcome(None)


@dataclass
class _Active:
    goal: SkillGoal
    due: float
    outcome: Outcome


@dataclass
class FakeActuator:
    """Scriptable actuator double driven by a ManualClock.

    ``behavior(goal)`` picks each goal's :class:`Outcome` (default: succeed after 1 s).
    ``step(dt)`` advances the clock and reports due results; every start/cancel is recorded.
    ``log_path`` (optional) gets ``dispatch``/``done`` lines, fsync'd, for crash tests.
    """

    fleet: Fleet
    clock: ManualClock = field(default_factory=ManualClock)
    behavior: Callable[[SkillGoal], Outcome] = lambda goal: SUCCEED
    log_path: str | None = None
    listener: Callable[[ActuatorEvent], None] | None = None
    started: list[SkillGoal] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    stop_all_calls: int = 0
    active: dict[str, _Active] = field(default_factory=dict)
    start_hook: Callable[[SkillGoal], None] | None = None
    refuse: Callable[[SkillGoal], Exception | None] | None = None

    def set_listener(self, listener: Callable[[ActuatorEvent], None]) -> None:
        self.listener = listener

    def _send(self, event: ActuatorEvent) -> None:
        assert self.listener is not None, "the engine registers its listener at construction"
        self.listener(event)

    def _log(self, line: str) -> None:
        if self.log_path is None:
            return
        with open(self.log_path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()
            os.fsync(f.fileno())

    def start(self, goal: SkillGoal) -> None:
        if self.refuse is not None:
            exc = self.refuse(goal)
            if exc is not None:
                raise exc
        if self.start_hook is not None:
            self.start_hook(goal)
        self.started.append(goal)
        self._log(f"dispatch {goal.task_id} {goal.goal_id}")
        outcome = self.behavior(goal)
        self.active[goal.goal_id] = _Active(goal, self.clock() + outcome.after, outcome)

    def cancel(self, goal_id: str) -> None:
        self.cancelled.append(goal_id)
        item = self.active.pop(goal_id, None)
        if item is not None:
            self._send(SkillResult(goal_id, item.goal.robot_id, GoalStatus.CANCELLED, "cancelled on request"))

    def stop_all(self) -> None:
        self.stop_all_calls += 1
        items, self.active = list(self.active.values()), {}
        for item in items:
            self._send(SkillResult(item.goal.goal_id, item.goal.robot_id, GoalStatus.CANCELLED, "e-stop"))

    def robot_pose(self, robot_id: str) -> Pose2D | None:
        return self.fleet.robot(robot_id).start if self.fleet.has_robot(robot_id) else None

    # -- test controls ---------------------------------------------------------------
    def step(self, dt: float = 1.0) -> None:
        now = self.clock.advance(dt)
        for gid, item in sorted(self.active.items(), key=lambda kv: (kv[1].due, kv[0])):
            if gid not in self.active or item.outcome.status is None:
                continue
            if item.due <= now:
                del self.active[gid]
                self.finish(item.goal, item.outcome.status, item.outcome.reason)
            else:
                self._send(SkillFeedback(gid, item.goal.robot_id, 0.5, "working"))

    def finish(self, goal: SkillGoal, status: GoalStatus, reason: str = "") -> None:
        self.active.pop(goal.goal_id, None)
        if status is GoalStatus.SUCCEEDED:
            self._log(f"done {goal.task_id} {goal.goal_id}")
        self._send(SkillResult(goal.goal_id, goal.robot_id, status, reason))

    def running_tasks(self) -> set[str]:
        return {a.goal.task_id for a in self.active.values()}

    def started_tasks(self) -> list[str]:
        return [g.task_id for g in self.started]


@dataclass
class FirstCapableAllocator:
    """Allocation double: explicit robots as written; a typed subtask gets the first capable
    robots of its type that the live state does not mark unavailable; each robot's order is
    the plan's topological order. Raises AllocationError when a type runs out."""

    name: str = "first-capable"
    calls: list[LiveState | None] = field(default_factory=list)

    def allocate(
        self, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
    ) -> Schedule:
        self.calls.append(state)
        out = set(state.unavailable) if state is not None else set()
        assignments: dict[str, Assignment] = {}
        order: dict[str, list[str]] = {}
        for tid in graph.topological_order():
            sub = graph[tid]
            spec = fleet.skills[sub.skill]
            keepout = spec.action in (SkillAction.ADD_KEEPOUT, SkillAction.REMOVE_KEEPOUT)
            if sub.robot_ids:
                robots = tuple(sub.robot_ids)
            elif sub.robot_type:
                picked: list[str] = []
                for rtype, count in zip(sub.robot_type, sub.robot_count):
                    pool = [r.id for r in fleet.capable(sub.skill, fleet.of_type(rtype)) if r.id not in out]
                    if len(pool) < count:
                        raise AllocationError(f"{tid}: only {len(pool)} {rtype} available")
                    picked += pool[:count]
                robots = tuple(picked)
            elif spec.scope is SkillScope.ALL and not keepout:
                robots = tuple(r.id for r in fleet.capable(sub.skill) if r.id not in out)
            else:
                robots = ()
            assignments[tid] = Assignment(tid, robots, 0.0, 0.0, spec.duration_s)
            if not keepout:
                for r in robots:
                    order.setdefault(r, []).append(tid)
        return Schedule(self.name, assignments, {r: tuple(v) for r, v in order.items()}, 0.0, 0.0)


def task(
    tid: str,
    skill: str,
    robots: Iterable[str] = (),
    deps: Iterable[str] = (),
    objects: Iterable[str] = (),
    rtype: str | None = None,
    count: int = 1,
) -> dict:
    func: dict = {
        "name": skill,
        "robot_ids": list(robots),
        "dependencies": list(deps),
        "object_keywords": list(objects),
    }
    if rtype is not None:
        func["robot_ids"] = []
        func["robot_type"] = [rtype]
        func["robot_count"] = [count]
    return {"task": tid, "instruction_function": func}


def dart_plan(*tasks: dict, plan_id: str | None = None) -> TaskGraph:
    return TaskGraph.from_dart({"tasks": list(tasks)}, plan_id=plan_id)


def explicit_schedule(graph: TaskGraph, fleet: Fleet, world: World) -> Schedule:
    """The trivial allocation a test can write by hand: the robots the plan names."""
    return FirstCapableAllocator().allocate(graph, fleet, world)


NAV = "target_area_for_specific_robots"
DIG = "Excavation"
UNLOAD = "ExcavatorUnloading"
DUMP = "DumpUnloading"
AVOID_ALL = "avoid_areas_for_all_robots"
AVOID = "avoid_areas_for_specific_robots"
RETURN = "return_to_start_for_specific_robots"
RETURN_ALL = "return_to_start_for_all_robots"
EX1, EX2, EX3 = "robot_excavator_01", "robot_excavator_02", "robot_excavator_03"
TR1, TR2, TR3 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_dump_truck_03"


def crash_plan(plan_id: str = "plan-crash") -> TaskGraph:
    """Two parallel loading chains joined by a fence and a return: 10 subtasks, 4 robots."""
    return dart_plan(
        task("go_ex1", NAV, [EX1], objects=["soil1"]),
        task("go_tr1", NAV, [TR1], objects=["soil1"]),
        task("dig1", DIG, [EX1], deps=["go_ex1"]),
        task("load1", UNLOAD, [EX1], deps=["dig1", "go_tr1"]),
        task("go_ex2", NAV, [EX2], objects=["soil2"]),
        task("go_tr2", NAV, [TR2], objects=["soil2"]),
        task("dig2", DIG, [EX2], deps=["go_ex2"]),
        task("load2", UNLOAD, [EX2], deps=["dig2", "go_tr2"]),
        task("fence", AVOID_ALL, deps=["load1", "load2"], objects=["puddle1"]),
        task("home", RETURN, [TR1, TR2], deps=["fence"]),
        plan_id=plan_id,
    )
