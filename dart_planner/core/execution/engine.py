"""The execution engine: runs task graphs on a fleet through an :class:`Actuator`.

Event-driven, not polled: a subtask becomes READY the moment its last dependency succeeds,
and starts the moment its robots are free and it is next in each robot's schedule order.
Every change goes through the transition table (:mod:`.states`) and, when a journal is
given, is written to it (fsync'd) before anyone can see it.

Decisions this module makes, and why
------------------------------------
* **Robot locks** are global: a robot is in at most one RUNNING subtask, whatever plan it
  belongs to. Keep-out skills (``add_keepout``/``remove_keepout``) change the site model,
  not a robot, so they hold no lock and go out as one goal with ``robot_id=None``.
* **Failures** (a goal FAILED, or a subtask TIMED_OUT) go: retry on the same robots up to
  ``max_retries``; then reassignment through the allocator's re-allocation entry point with
  every robot that failed the subtask excluded; then a :class:`~.events.ReplanRequested`
  event, the subtask settles FAILED and its dependents are CANCELLED naming it. The rest of
  the plan goes on.
* **What moves on reassignment.** Only subtasks that drive their robots somewhere
  (navigate, return to start) are handed to another robot on their own. A subtask that
  acts where its robot stands (dig, unload, load, dump) is not: a replacement would act
  wherever *it* stands. Such subtasks change robots only together with the drive that takes
  the new robot there (re-allocation re-plans all pending work of the plan); otherwise their
  failure goes to the language layer as a replan request.
  A failure whose reason names a robot fault (``robot_breakdown``, see :mod:`.faults`)
  skips the retries: the robot is marked unavailable for every plan and its work moves.
* **Explicit robots** (``robot_ids`` written in the plan) are the user's instruction: they
  are replaced only when the robot is unavailable (broken down, taken out of service), never
  merely because a skill failed on it. Subtasks given as ``robot_type``/``robot_count`` are
  the allocator's choice and may move after repeated failures.
* **Emergency stop** calls ``actuator.stop_all()``; RUNNING subtasks are held (back to
  READY, re-sent after ``release_estop()``) by default, or CANCELLED with
  ``estop_mode="cancel"``. Nothing starts while the stop is active, across restarts too.
* **Crash recovery** (:meth:`ExecutionEngine.restore`): a subtask whose SUCCEEDED record
  reached the journal is never dispatched again (exactly-once for finished work). A subtask
  that was RUNNING when the process died is dispatched again with a new goal id: its goal
  died with the process and nothing says whether the robot finished it, so in-flight work is
  at-least-once. Skills are therefore written to be safe to repeat (drive to a place, dig
  until the bucket is full), which the simulator's closed-loop skills are. An actuator that
  outlived the engine (a ROS actuation node) gets a new goal for the same robot and is
  expected to preempt the orphaned one; late results for old goal ids are ignored.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..actuation import Actuator, ActuatorEvent, GoalStatus, SkillFeedback, SkillGoal, SkillResult
from ..errors import AllocationError, DartPlannerError, ExecutionError, PlanValidationError
from ..fleet import KEEPOUT_ACTIONS, Fleet, SkillAction, SkillScope
from ..geometry import Pose2D
from ..keepout_groups import bind_keepout_groups
from ..plan import TaskGraph, new_plan_id
from ..refill import add_refills
from ..schedule import LiveState, Schedule
from ..validate import validate_plan
from ..world import World
from .allocators import EngineAllocator, ModuleAllocator, reallocate_with
from .codec import schedule_from_dict, schedule_to_dict
from .events import (
    EmergencyStop,
    EngineEvent,
    Observer,
    PlanAccepted,
    PlanFinished,
    PlanPaused,
    ReplanRequested,
    RobotAvailabilityChanged,
    SubtaskProgress,
    SubtaskReassigned,
    SubtaskStateChanged,
)
from .faults import RobotFaultClassifier, is_robot_fault
from .journal import ExecutionJournal, JournalCorruptError
from .reassign import merge_schedule, movable, reallocation_graph
from .runtime import PlanRun, TaskRun, apply_keepout, goal_done, world_summary
from .states import StateChange, SubtaskState, check_transition
from .status import PlanState, PlanStatus

__all__ = ["ExecutionEngine", "ESTOP_MODES"]

_log = logging.getLogger(__name__)
_S = SubtaskState
ESTOP_MODES = ("hold", "cancel")
RENDEZVOUS_DISTANCE_M = 6.0
"""A partner farther than this from its worker is driven to it before a partnered skill."""
RENDEZVOUS_RADIUS_M = 1.5
"""Target radius of the rendezvous goal (about an excavator's body), so the partner parks
beside the worker rather than on it."""
_MOVING_ACTIONS = (SkillAction.NAVIGATE, SkillAction.RETURN_TO_START)
_RESTORED_REASON = (
    "restored after an executor restart: the in-flight goal was lost with the process; "
    "re-dispatching (at-least-once for in-flight work)"
)


class ExecutionEngine:
    """Runs plans: dependencies, robot locks, timeouts, retries, reassignment, journal.

    Parameters
    ----------
    fleet, world
        The robots and the site; ``update_world`` replaces the world later (perception).
    actuator
        Where goals go. The engine registers :meth:`handle` as its listener.
    allocator
        Used when ``submit`` gets no schedule and to reassign work after failures; default
        :class:`~.allocators.ModuleAllocator` (``dart_planner.core.allocate``, heuristic).
    journal
        An :class:`~.journal.ExecutionJournal`; None runs without crash recovery.
    clock
        Seconds, monotonic. Use the simulator's clock to run in sim time.
    max_retries
        Retries on the same robots after a failure or timeout, before reassignment.
    max_reassignments
        Reassignments per subtask before it is given up (each one also excludes every
        robot that failed the subtask before, so the count is bounded by the fleet anyway).
    estop_mode
        ``"hold"`` (running subtasks go back to READY) or ``"cancel"``.
    robot_fault
        Decides from a failure reason whether the robot itself is out.

    Example
    -------
    >>> engine = ExecutionEngine(fleet, world, actuator, clock=sim.clock)   # doctest: +SKIP
    >>> plan_id = engine.submit(graph)                                        # doctest: +SKIP
    >>> while not engine.is_finished(plan_id):                               # doctest: +SKIP
    ...     sim.step(); engine.tick()
    >>> engine.plan_outcome(plan_id)                                          # doctest: +SKIP
    <PlanState.SUCCEEDED: 'succeeded'>
    """

    def __init__(
        self,
        fleet: Fleet,
        world: World,
        actuator: Actuator,
        *,
        allocator: EngineAllocator | None = None,
        journal: ExecutionJournal | None = None,
        clock: Callable[[], float] = time.monotonic,
        max_retries: int = 1,
        max_reassignments: int = 3,
        estop_mode: str = "hold",
        robot_fault: RobotFaultClassifier = is_robot_fault,
        validate: bool = True,
    ) -> None:
        if max_retries < 0:
            raise ExecutionError(f"max_retries must be >= 0, got {max_retries}")
        if max_reassignments < 0:
            raise ExecutionError(f"max_reassignments must be >= 0, got {max_reassignments}")
        if estop_mode not in ESTOP_MODES:
            raise ExecutionError(f"estop_mode must be one of {ESTOP_MODES}, got {estop_mode!r}")
        self._fleet = fleet
        self._world = world
        self._actuator = actuator
        self._allocator: EngineAllocator = allocator if allocator is not None else ModuleAllocator()
        self._journal = journal
        self._clock = clock
        self._max_retries = max_retries
        self._max_reassignments = max_reassignments
        self._estop_mode = estop_mode
        self._robot_fault = robot_fault
        self._validate = validate

        self._lock = threading.RLock()
        self._tls = threading.local()
        self._deliver_lock = threading.Lock()
        self._inbox: deque[ActuatorEvent] = deque()
        self._pending: list[EngineEvent] = []
        self._observers: list[Observer] = []

        self._plans: dict[str, PlanRun] = {}
        self._active: list[PlanRun] = []  # unfinished plans in submission order
        self._holder: dict[str, tuple[str, str]] = {}  # robot -> (plan_id, task_id) RUNNING
        self._goal_index: dict[str, tuple[str, str]] = {}
        self._unavailable: set[str] = set()
        self._estopped = False
        self._replaying = False
        self._dirty = False
        self._seq = 0
        self.transition_count = 0
        """Subtask transitions applied so far (benchmarks divide time by it)."""
        self.stale_events = 0
        """Actuator events for goals that are no longer current (cancelled, retried)."""
        actuator.set_listener(self.handle)

    # ------------------------------------------------------------------ public API
    @property
    def fleet(self) -> Fleet:
        return self._fleet

    @property
    def world(self) -> World:
        with self._lock:
            return self._world

    @property
    def estopped(self) -> bool:
        return self._estopped

    @property
    def unavailable_robots(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._unavailable)

    @property
    def journal_path(self) -> Path | None:
        return None if self._journal is None else self._journal.path

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call ``observer(event)`` for every event from now on; returns an unsubscribe."""
        with self._lock:
            self._observers.append(observer)

        def unsubscribe() -> None:
            with self._lock:
                if observer in self._observers:
                    self._observers.remove(observer)

        return unsubscribe

    def submit(self, graph: TaskGraph, schedule: Schedule | None = None) -> str:
        """Validate, add refill digs, allocate (when no schedule is given), journal and start a plan.

        Returns the plan id: the graph's own, or a fresh one when that id is already live
        in this engine (submitting the same plan file twice runs it twice).

        Every path to execution comes through here, so this is where a plan that digs once
        and then loads several trucks in turn gets its refill digs
        (:func:`~dart_planner.core.refill.add_refills`): the executed graph (``status()``,
        the journal) has them, with one note each in ``PlanStatus.notes`` and the log. A
        caller that allocates itself must pass the graph through ``add_refills`` first (it is
        idempotent), or its schedule lacks the added subtasks.

        Raises
        ------
        PlanValidationError
            The plan is not executable for this fleet and world; nothing starts.
        AllocationError
            No feasible assignment exists.
        ExecutionError
            The given schedule does not fit the plan (a task without robots, a robot that
            cannot do the skill, explicit robots overridden, refill digs missing).
        """
        with self._op():
            if self._validate:
                report = validate_plan(graph, self._fleet, self._world)
                if not report.ok:
                    raise PlanValidationError(report)
            graph, notes = add_refills(graph, self._fleet)
            unscheduled = [t for t in graph.ids if schedule is not None and t not in schedule.assignments]
            if notes and unscheduled:
                raise ExecutionError(f"the schedule lacks the refill digs {', '.join(unscheduled)}: pass the plan "
                                     "through dart_planner.core.refill.add_refills before allocating it")
            for note in notes:
                _log.info("plan %s: %s", graph.plan_id, note)
            if graph.plan_id in self._plans:
                graph = replace(graph, plan_id=new_plan_id())
            if schedule is None:
                schedule = self._allocator.allocate(graph, self._fleet, self._world, self._live_state(None))
            robots = self._check_schedule(graph, schedule)
            at = self._clock()
            if self._journaling:
                self._write(
                    {
                        "type": "plan",
                        "plan_id": graph.plan_id,
                        "at": at,
                        "graph": graph.to_native(),
                        "schedule": schedule_to_dict(schedule),
                    }
                )
            plan = self._create_plan(graph, schedule, robots, at)
            plan.notes = tuple(notes)
            self._emit(PlanAccepted(plan.plan_id, at, graph.ids, schedule.policy, schedule.makespan))
            for task in plan.tasks.values():
                if task.waiting_on == 0:
                    self._transition(plan, task, _S.READY, "no dependencies", at)
            return plan.plan_id

    def handle(self, event: ActuatorEvent) -> None:
        """Take feedback or a result from the actuator; safe to call from any thread.

        Events are queued and applied under the engine's lock; an actuator that answers
        synchronously from inside ``start()`` is fine (its event waits for the dispatch to
        finish).
        """
        self._inbox.append(event)
        if getattr(self._tls, "busy", False):
            return  # the operation in progress on this thread drains the inbox
        with self._op():
            pass

    def tick(self, now: float | None = None) -> None:
        """Apply queued events, time out overdue subtasks, start what can start."""
        with self._op():
            at = self._clock() if now is None else now
            for plan in list(self._active):
                for tid in [t for t in plan.running if plan.tasks[t].deadline <= at]:
                    task = plan.tasks[tid]
                    if task.state is not _S.RUNNING:
                        continue
                    suspects = tuple(e[0] for e in task.goals.values() if e[0] and not goal_done(e))
                    self._cancel_goals(task)
                    reason = f"timed out after {task.spec.timeout_s:g} s ({task.sub.skill})"
                    self._on_failure(plan, task, _S.TIMED_OUT, reason, suspects, at)

    def update_world(self, world: World) -> None:
        """Replace the world model (perceived objects); later dispatches resolve targets in it."""
        with self._op():
            self._world = world

    def cancel(self, plan_id: str, reason: str = "cancelled by user") -> bool:
        """Cancel every unfinished subtask of a plan; False if it had already finished."""
        with self._op():
            plan = self._plan(plan_id)
            if plan.outcome is not None:
                return False
            at = self._clock()
            self._write({"type": "control", "plan_id": plan_id, "op": "cancel", "at": at, "reason": reason})
            plan.cancelled = True
            self._cancel_remaining(plan, reason, at)
            return True

    def pause(self, plan_id: str) -> None:
        """Start nothing new for this plan; running subtasks finish."""
        self._set_paused(plan_id, True)

    def resume(self, plan_id: str) -> None:
        self._set_paused(plan_id, False)

    def estop(self, reason: str = "emergency stop") -> None:
        """Stop every robot now; hold (or cancel) running subtasks; start nothing new."""
        with self._op():
            at = self._clock()
            already = self._estopped
            try:
                if not already:
                    self._write({"type": "estop", "active": True, "at": at, "reason": reason})
            finally:
                self._estopped = True  # even if the journal failed, nothing new starts
                self._actuator.stop_all()
            for plan in list(self._active):
                for tid in sorted(plan.running, key=lambda t: plan.tasks[t].index):
                    task = plan.tasks[tid]
                    self._unindex_goals(task)
                    if self._estop_mode == "hold":
                        self._transition(plan, task, _S.READY, f"held by emergency stop: {reason}", at)
                    else:
                        self._transition(
                            plan, task, _S.CANCELLED, f"cancelled by emergency stop: {reason}", at
                        )
                        self._cascade(plan, task, at)
                self._check_finished(plan, at)
            if not already:
                self._emit(EmergencyStop(True, at, reason))

    def release_estop(self) -> None:
        with self._op():
            if not self._estopped:
                return
            at = self._clock()
            self._write({"type": "estop", "active": False, "at": at})
            self._estopped = False
            self._dirty = True
            self._emit(EmergencyStop(False, at))

    def set_robot_available(self, robot_id: str, available: bool, reason: str = "") -> None:
        """Take a robot out of service (its running subtask fails over) or put it back."""
        if not self._fleet.has_robot(robot_id):
            raise ExecutionError(f"unknown robot {robot_id!r}")
        with self._op():
            at = self._clock()
            if available:
                self._mark_robot(robot_id, True, reason or "back in service", at)
                return
            why = f"robot_unavailable: {reason or 'taken out of service'}"
            self._mark_robot(robot_id, False, why, at)
            held = self._holder.get(robot_id)
            if held is not None:
                plan = self._plans[held[0]]
                task = plan.tasks[held[1]]
                self._cancel_goals(task)
                self._on_failure(plan, task, _S.FAILED, why, (robot_id,), at)

    def plans(self) -> tuple[str, ...]:
        with self._lock:
            return tuple(self._plans)

    def status(self, plan_id: str) -> PlanStatus:
        """A frozen snapshot of the plan (``.to_dict()`` / ``.to_json()`` for JSON)."""
        with self._lock:
            return self._plan(plan_id).snapshot(self._estopped)

    def is_finished(self, plan_id: str) -> bool:
        with self._lock:
            return self._plan(plan_id).outcome is not None

    def all_finished(self) -> bool:
        with self._lock:
            return not self._active

    def plan_outcome(self, plan_id: str) -> PlanState:
        """SUCCEEDED only if every subtask succeeded; ACTIVE/PAUSED while unfinished."""
        with self._lock:
            return self._plan(plan_id).state

    def schedule(self, plan_id: str) -> Schedule:
        """The plan's current schedule (reassignments included)."""
        with self._lock:
            return self._plan(plan_id).schedule

    def robot_holder(self, robot_id: str) -> tuple[str, str] | None:
        """(plan_id, task_id) of the RUNNING subtask holding the robot, if any."""
        with self._lock:
            return self._holder.get(robot_id)

    def close(self) -> None:
        """Close the journal (the engine keeps answering status queries)."""
        with self._lock:
            if self._journal is not None:
                self._journal.close()

    @classmethod
    def restore(
        cls,
        journal_path: str | Path,
        fleet: Fleet,
        world: World,
        actuator: Actuator,
        *,
        observers: Iterable[Observer] = (),
        fsync: bool = True,
        **kwargs: Any,
    ) -> ExecutionEngine:
        """Rebuild an engine from its journal after a crash and carry on writing to it.

        Every plan comes back in the state its last journaled record left it. SUCCEEDED
        subtasks are never dispatched again; RUNNING ones are re-dispatched (their goals
        died with the process; at-least-once); a failure whose follow-up was not journaled
        is decided again; an active emergency stop stays active. ``kwargs`` are the
        constructor's (allocator, clock, max_retries, ...).
        """
        contents = ExecutionJournal.read(journal_path)
        engine = cls(fleet, world, actuator, journal=None, **kwargs)
        for observer in observers:
            engine.subscribe(observer)
        engine._replaying = True
        try:
            for i, record in enumerate(contents.records):
                try:
                    engine._replay(record)
                except (KeyError, TypeError, ValueError, DartPlannerError) as exc:
                    if isinstance(exc, JournalCorruptError):
                        raise
                    raise JournalCorruptError(
                        f"{journal_path}: record {i + 1} ({record.get('type')}): {exc}"
                    ) from exc
        finally:
            engine._replaying = False
        engine._journal = ExecutionJournal(journal_path, fsync=fsync)
        with engine._op():
            engine._write(
                {
                    "type": "restored",
                    "at": engine._clock(),
                    "records": len(contents.records),
                    "torn_tail": contents.torn_tail,
                }
            )
            engine._reconcile()
        return engine

    # ------------------------------------------------------------------ operation plumbing
    @contextmanager
    def _op(self) -> Iterator[None]:
        """Run one operation under the lock, then drain actuator events, start what can
        start, and deliver the resulting events outside the lock."""
        try:
            with self._lock:
                outer = not getattr(self._tls, "busy", False)
                self._tls.busy = True
                try:
                    yield
                    if outer:
                        self._settle()
                finally:
                    if outer:
                        self._tls.busy = False
        finally:
            self._deliver()

    def _settle(self) -> None:
        while True:
            while self._inbox:
                self._on_actuator_event(self._inbox.popleft())
            if self._dirty:
                self._dirty = False
                self._advance()
            if not self._inbox and not self._dirty:
                return

    def _emit(self, event: EngineEvent) -> None:
        if not self._replaying and self._observers:
            self._pending.append(event)

    def _deliver(self) -> None:
        if getattr(self._tls, "delivering", False):
            return  # an observer called back into the engine: the outer loop delivers
        self._tls.delivering = True
        try:
            with self._deliver_lock:
                while True:
                    with self._lock:
                        batch, self._pending = self._pending, []
                        observers = list(self._observers)
                    if not batch:
                        return
                    for event in batch:
                        for observer in observers:
                            try:
                                observer(event)
                            except Exception:  # an observer's bug must not stop the robots' plan
                                _log.exception(
                                    "execution observer %r failed on %s", observer, type(event).__name__
                                )
        finally:
            self._tls.delivering = False

    @property
    def _journaling(self) -> bool:
        return self._journal is not None and not self._replaying

    def _write(self, record: dict[str, Any]) -> None:
        if self._journal is not None and not self._replaying:
            self._journal.append(record)

    def _plan(self, plan_id: str) -> PlanRun:
        try:
            return self._plans[plan_id]
        except KeyError:
            raise ExecutionError(f"unknown plan {plan_id!r}") from None

    # ------------------------------------------------------------------ plan set-up
    def _check_schedule(self, graph: TaskGraph, schedule: Schedule) -> dict[str, tuple[str, ...]]:
        """Robots per subtask from the schedule, after checking the schedule fits the plan."""
        problems: list[str] = []
        out: dict[str, tuple[str, ...]] = {}
        binding = bind_keepout_groups(graph, self._fleet)  # the gate and the allocator bind the same robots
        for sub in graph.subtasks:
            spec = self._fleet.skills[sub.skill]
            a = schedule.assignments.get(sub.id)
            assigned = tuple(a.robot_ids) if a is not None else ()
            keepout = spec.action in KEEPOUT_ACTIONS
            if spec.scope is SkillScope.ALL:
                robots = () if keepout else (assigned or tuple(r.id for r in self._fleet.capable(sub.skill)))
            elif keepout:
                # a fence occupies no robot: its robots are the ones it concerns, as the plan
                # names them, or the robots an unnamed group is bound to (.keepout_groups)
                robots = sub.robot_ids or assigned or (binding.robots_for(sub, self._fleet) or ())
            else:
                robots = assigned or sub.robot_ids
                if not robots:
                    problems.append(f"task {sub.id!r}: the schedule places no robot on it")
                extra = set(assigned) - set(sub.robot_ids)
                partners_only = all(
                    self._fleet.has_robot(r) and self._fleet.robot(r).type == spec.partner_type for r in extra
                )
                if (
                    sub.robot_ids
                    and a is not None
                    and not (set(sub.robot_ids) <= set(assigned) and partners_only)
                ):
                    problems.append(
                        f"task {sub.id!r}: the plan names {list(sub.robot_ids)} "
                        f"but the schedule assigns {list(assigned)}"
                    )
            for r in robots:
                if not self._fleet.has_robot(r):
                    problems.append(f"task {sub.id!r}: unknown robot {r!r}")
                elif keepout or sub.skill in self._fleet.robot(r).skills:
                    continue
                elif self._fleet.robot(r).type != spec.partner_type or r in sub.robot_ids:
                    # a partner (the truck an excavator unloads into) may join; nobody else
                    problems.append(f"task {sub.id!r}: robot {r!r} cannot perform {sub.skill!r}")
            known = [r for r in robots if self._fleet.has_robot(r)]
            if known and not keepout and not any(sub.skill in self._fleet.robot(r).skills for r in known):
                problems.append(f"task {sub.id!r}: no assigned robot can perform {sub.skill!r}")
            if len(set(robots)) != len(robots):
                problems.append(f"task {sub.id!r}: a robot is listed twice")
            out[sub.id] = tuple(robots)
        if problems:
            raise ExecutionError(
                "schedule does not fit the plan:\n" + "\n".join(f"  - {p}" for p in problems)
            )
        return out

    def _create_plan(
        self, graph: TaskGraph, schedule: Schedule, robots: Mapping[str, tuple[str, ...]], at: float
    ) -> PlanRun:
        tasks = {
            sub.id: TaskRun(
                sub=sub,
                spec=self._fleet.skills[sub.skill],
                index=i,
                explicit=bool(sub.robot_ids),
                robots=robots[sub.id],
                waiting_on=len(set(sub.dependencies)),
            )
            for i, sub in enumerate(graph.subtasks)
        }
        for task in tasks.values():
            task.history.append(StateChange(_S.PENDING, at, "submitted"))
        plan = PlanRun(
            plan_id=graph.plan_id,
            graph=graph,
            schedule=schedule,
            seq=self._seq,
            submitted_at=at,
            tasks=tasks,
            dependents={t: graph.dependents(t) for t in graph.ids},
        )
        self._seq += 1
        plan.rebuild_order()
        self._plans[plan.plan_id] = plan
        self._active.append(plan)
        self._dirty = True
        return plan

    # ------------------------------------------------------------------ transitions
    def _transition(
        self,
        plan: PlanRun,
        task: TaskRun,
        new: SubtaskState,
        reason: str,
        at: float | None = None,
        *,
        settled: bool = False,
    ) -> None:
        """The one place a subtask changes state: check, journal, apply, announce."""
        old = task.state
        check_transition(task.id, old, new)
        at = self._clock() if at is None else at
        settles = new in (_S.SUCCEEDED, _S.CANCELLED) or (new is _S.FAILED and settled)
        if self._journaling:  # (building the record is most of a transition's cost)
            self._write(
                {
                    "type": "transition",
                    "plan_id": plan.plan_id,
                    "task_id": task.id,
                    "from": old.value,
                    "to": new.value,
                    "at": at,
                    "reason": reason,
                    "settled": settles,
                    "robots": list(task.robots),
                    "attempts": task.attempts,
                    "retries": task.retries,
                    "suspects": list(task.suspects),
                    "reassignments": task.reassignments,
                }
            )
        self._apply_transition(plan, task, new, reason, at, settles)

    def _apply_transition(
        self, plan: PlanRun, task: TaskRun, new: SubtaskState, reason: str, at: float, settles: bool
    ) -> None:
        old = task.state
        if old is _S.RUNNING:
            plan.running.discard(task.id)
            self._unindex_goals(task)
            for r in task.robots:
                if self._holder.get(r) == (plan.plan_id, task.id):
                    del self._holder[r]
        elif old is _S.READY:
            plan.ready.pop(task.id, None)
        task.state = new
        task.reason = reason
        task.history.append(StateChange(new, at, reason))
        if new is _S.READY:
            plan.ready[task.id] = None
            task.finished_at = None
        elif new is _S.RUNNING:
            plan.running.add(task.id)
            task.started_at = at
            task.finished_at = None
            task.progress = {}
            task.deadline = at + task.spec.timeout_s
            if task.occupies:
                for r in task.robots:
                    self._holder[r] = (plan.plan_id, task.id)
        else:
            task.finished_at = at
            if new in (_S.FAILED, _S.TIMED_OUT):
                task.blamed.update(task.suspects)
        if settles and not task.settled:
            task.settled = True
            plan.n_settled += 1
        if new is _S.SUCCEEDED:
            for d in plan.dependents[task.id]:
                plan.tasks[d].waiting_on -= 1
            if not task.occupies:
                for obj in task.sub.object_keywords:  # "avoid both puddles" fences each one
                    self._world = apply_keepout(
                        self._world,
                        self._fleet,
                        task.spec.action,
                        obj,
                        () if task.fleet_wide else task.robots,
                    )
        self.transition_count += 1
        self._dirty = True
        if self._observers and not self._replaying:
            self._emit(
                SubtaskStateChanged(
                    plan.plan_id, task.id, old, new, at, reason, task.robots, task.attempts, task.settled
                )
            )

    def _settle_failed(self, plan: PlanRun, task: TaskRun, at: float) -> None:
        """Mark a FAILED subtask as final (no transition: it stays FAILED)."""
        self._write({"type": "settle", "plan_id": plan.plan_id, "task_id": task.id, "at": at})
        if not task.settled:
            task.settled = True
            plan.n_settled += 1
        self._dirty = True

    # ------------------------------------------------------------------ dispatching
    def _advance(self) -> None:
        """Start every READY subtask whose robots are free and whose turn it is."""
        if self._estopped:
            return
        for plan in list(self._active):
            if plan.paused or plan.cancelled or plan.outcome is not None:
                continue
            started = lock_blocked = False
            order_blocked: list[TaskRun] = []
            for tid in list(plan.ready):
                task = plan.tasks[tid]
                if task.state is not _S.READY:
                    continue
                robots = self._dispatch_robots(task)
                if task.occupies and not task.fleet_wide:
                    out = [r for r in robots if r in self._unavailable]
                    if out:
                        self._robot_lost_before_start(plan, task, out)
                        continue
                if any(r in self._holder for r in robots):
                    lock_blocked = True
                    continue
                if not all(plan.is_next_for(tid, r) for r in robots):
                    order_blocked.append(task)
                    continue
                self._dispatch(plan, task, robots)
                started = True
            if order_blocked and not started and not lock_blocked and not plan.running:
                # Only the schedule's order holds these back and nothing in the plan can
                # change that (an order inconsistent with the dependencies, e.g. after a
                # reassignment): keeping to it would deadlock, so start one anyway.
                task = order_blocked[0]
                if task.state is _S.READY:
                    self._dispatch(plan, task, self._dispatch_robots(task), "started out of schedule order")

    def _dispatch_robots(self, task: TaskRun) -> tuple[str, ...]:
        if not task.occupies:
            return ()
        if task.fleet_wide:
            return tuple(r for r in task.robots if r not in self._unavailable)
        return task.robots

    def _dispatch(self, plan: PlanRun, task: TaskRun, robots: tuple[str, ...], note: str = "") -> None:
        at = self._clock()
        if task.occupies:
            task.robots = robots
        task.attempts += 1
        task.suspects = ()
        try:
            goals = self._build_goals(plan, task)
        except ExecutionError as exc:
            self._transition(plan, task, _S.FAILED, f"cannot dispatch: {exc}", at)
            self._recover(plan, task, task.reason, at)
            return
        what = ", ".join(robots) if robots else "the fleet"
        self._transition(
            plan, task, _S.RUNNING, note or f"dispatched to {what} (attempt {task.attempts})", at
        )
        for g in goals:
            self._goal_index[g.goal_id] = (plan.plan_id, task.id)
            task.goals[g.goal_id] = [g.robot_id, GoalStatus.RUNNING]
        for g in goals:
            try:
                self._actuator.start(g)
            except DartPlannerError as exc:  # a refused goal is a failed goal, not a crash
                self._inbox.append(
                    SkillResult(g.goal_id, g.robot_id, GoalStatus.FAILED, f"goal refused: {exc}")
                )

    def _build_goals(self, plan: PlanRun, task: TaskRun) -> list[SkillGoal]:
        sub, spec = task.sub, task.spec
        target = sub.object_keywords[0] if sub.object_keywords else None
        pose: Pose2D | None = None
        radius = 0.0
        if target is not None:
            if not self._world.has_object(target):
                raise ExecutionError(f"object {target!r} is no longer in the world model")
            obj = self._world.object(target)
            pose, radius = obj.pose, obj.radius
        common: dict[str, Any] = {
            "plan_id": plan.plan_id,
            "task_id": task.id,
            "skill": sub.skill,
            "action": spec.action,
            "timeout_s": spec.timeout_s,
            "attempt": task.attempts,
            "params": dict(sub.params),
        }
        prefix = f"{plan.plan_id}/{task.id}/{task.attempts}"
        if not task.occupies:
            # One fleet-level goal per object: a keep-out skill naming several objects
            # ("avoid both puddles") fences (or opens) each of them.
            applies = () if task.fleet_wide else task.robots
            goals = []
            for k, name in enumerate(sub.object_keywords or (None,)):
                o_pose, o_radius = pose, radius
                if name is not None and name != target:
                    if not self._world.has_object(name):
                        raise ExecutionError(f"object {name!r} is no longer in the world model")
                    o_pose, o_radius = self._world.object(name).pose, self._world.object(name).radius
                if name is not None:
                    o_radius += self._world.keepout_margin
                goals.append(SkillGoal(
                    goal_id=f"{prefix}/*" if k == 0 else f"{prefix}/*{k}",
                    robot_id=None,
                    target=name,
                    target_pose=o_pose,
                    target_radius=o_radius,
                    applies_to=applies,
                    **common,
                ))
            return goals
        workers = [r for r in task.robots if sub.skill in self._fleet.robot(r).skills]
        if not workers:
            raise ExecutionError("no available robot can take part")
        goals = self._rendezvous_goals(task, workers, prefix, common)
        # Partners (the truck an excavator unloads into) are held by their lock and named in
        # ``partner_ids``; a partner already beside its worker gets no goal of its own.
        for r in workers:
            goal_pose = self._fleet.robot(r).start if spec.action is SkillAction.RETURN_TO_START else pose
            goals.append(
                SkillGoal(
                    goal_id=f"{prefix}/{r}",
                    robot_id=r,
                    target=target,
                    target_pose=goal_pose,
                    target_radius=radius,
                    partner_ids=tuple(p for p in task.robots if p != r),
                    **common,
                )
            )
        return goals

    def _rendezvous_goals(
        self, task: TaskRun, workers: list[str], prefix: str, common: dict[str, Any]
    ) -> list[SkillGoal]:
        """Drive partners that are not beside their worker to it, as the allocator planned.

        The allocator times a partnered skill (unloading into a truck) with the partner
        travelling to the worker first; without this the truck would be held wherever it
        stood and the skill would fail for want of a truck in reach. The partner's goal uses
        one of its own navigation skills, so actuators see only allow-listed skills.
        """
        partners = [r for r in task.robots if r not in workers]
        if not partners or not workers or task.spec.partner_type is None:
            return []
        anchor = self._actuator.robot_pose(workers[0])
        if anchor is None:
            return []
        goals = []
        for p in partners:
            pose = self._actuator.robot_pose(p)
            if pose is not None and pose.distance_to(anchor) <= RENDEZVOUS_DISTANCE_M:
                continue
            drive = next(
                (self._fleet.skills[s] for s in sorted(self._fleet.robot(p).skills)
                 if self._fleet.skills[s].action is SkillAction.NAVIGATE
                 and self._fleet.skills[s].scope is SkillScope.SPECIFIC),
                None,
            )
            if drive is None:
                continue
            goals.append(SkillGoal(
                goal_id=f"{prefix}/{p}",
                robot_id=p,
                target=None,
                target_pose=anchor,
                target_radius=RENDEZVOUS_RADIUS_M,
                partner_ids=tuple(workers),
                **{**common, "skill": drive.name, "action": SkillAction.NAVIGATE,
                   "timeout_s": max(drive.timeout_s, common["timeout_s"])},
            ))
        return goals

    def _cancel_goals(self, task: TaskRun) -> None:
        for gid, entry in list(task.goals.items()):
            if not goal_done(entry):
                entry[1] = GoalStatus.CANCELLED
                self._goal_index.pop(gid, None)
                self._actuator.cancel(gid)

    def _unindex_goals(self, task: TaskRun) -> None:
        for gid in task.goals:
            self._goal_index.pop(gid, None)
        task.goals = {}

    # ------------------------------------------------------------------ actuator events
    def _on_actuator_event(self, event: ActuatorEvent) -> None:
        where = self._goal_index.get(event.goal_id)
        if where is None:
            self.stale_events += 1
            return
        plan = self._plans[where[0]]
        task = plan.tasks[where[1]]
        entry = task.goals.get(event.goal_id)
        if task.state is not _S.RUNNING or entry is None or goal_done(entry):
            self.stale_events += 1
            return
        at = self._clock()
        if isinstance(event, SkillFeedback):
            task.progress[event.robot_id] = min(1.0, max(0.0, event.progress))
            self._emit(
                SubtaskProgress(plan.plan_id, task.id, event.robot_id, event.progress, at, event.message)
            )
            return
        entry[1] = event.status
        if event.status is GoalStatus.SUCCEEDED:
            task.progress[event.robot_id] = 1.0
            if all(e[1] is GoalStatus.SUCCEEDED for e in task.goals.values()):
                self._succeed(plan, task, at)
            return
        if event.status is GoalStatus.RUNNING:
            return
        reason = event.reason or f"goal {event.status.value}"
        if event.status is GoalStatus.CANCELLED:
            reason = f"goal cancelled by the actuator: {reason}"
        self._cancel_goals(task)
        suspects = (event.robot_id,) if event.robot_id else ()
        self._on_failure(plan, task, _S.FAILED, reason, suspects, at)

    def _succeed(self, plan: PlanRun, task: TaskRun, at: float) -> None:
        what = ", ".join(task.robots) if task.robots else "the fleet"
        self._transition(plan, task, _S.SUCCEEDED, f"completed by {what}", at)
        for d in plan.dependents[task.id]:
            dep = plan.tasks[d]
            if dep.state is _S.PENDING and dep.waiting_on == 0 and not plan.cancelled:
                self._transition(plan, dep, _S.READY, "dependencies succeeded", at)
        self._check_finished(plan, at)

    # ------------------------------------------------------------------ faults
    def _on_failure(
        self,
        plan: PlanRun,
        task: TaskRun,
        kind: SubtaskState,
        reason: str,
        suspects: tuple[str, ...],
        at: float,
    ) -> None:
        task.suspects = suspects
        self._transition(plan, task, kind, reason, at)
        self._recover(plan, task, reason, at)

    def _recover(self, plan: PlanRun, task: TaskRun, reason: str, at: float) -> None:
        """After FAILED/TIMED_OUT: retry, else reassign, else settle FAILED and ask for a replan."""
        robot_fault = bool(task.suspects) and self._robot_fault(reason)
        if robot_fault:
            for r in task.suspects:
                if r not in self._unavailable:
                    self._mark_robot(r, False, reason, at)
        if plan.cancelled:
            self._give_up(plan, task, f"plan cancelled after: {reason}", at, replan=False)
            return
        if not robot_fault and task.retries < self._max_retries:
            task.retries += 1
            self._transition(
                plan, task, _S.READY, f"retry {task.retries}/{self._max_retries} after: {reason}", at
            )
            return
        if robot_fault and task.fleet_wide and task.reassignments < self._max_reassignments:
            # "every robot" now means every robot still in service
            left = [r for r in task.robots if r not in self._unavailable]
            if left and task.occupies:
                task.retries = 0
                task.reassignments += 1
                out = ", ".join(r for r in task.robots if r in self._unavailable)
                self._transition(plan, task, _S.READY, f"continuing without {out} after: {reason}", at)
                return
        old = task.robots
        schedule = None
        if task.reassignments < self._max_reassignments:
            schedule = self._try_reassign(plan, task, reason, task.blamed, at)
        if schedule is not None:
            self._adopt_schedule(plan, schedule, f"reassigned after: {reason}", at)
            task.retries = 0
            task.reassignments += 1
            self._transition(
                plan,
                task,
                _S.READY,
                f"reassigned from {', '.join(old) or '-'} to {', '.join(task.robots)} after: {reason}",
                at,
            )
            return
        self._give_up(plan, task, reason, at)

    def _robot_lost_before_start(self, plan: PlanRun, task: TaskRun, out: list[str]) -> None:
        """A READY subtask's robot went out of service: move it now, or give up on it."""
        at = self._clock()
        reason = f"robot_unavailable: {', '.join(out)} out of service before the subtask started"
        schedule = self._try_reassign(plan, task, reason, (), at)
        if schedule is not None:
            self._adopt_schedule(plan, schedule, reason, at)
        else:
            self._give_up(plan, task, reason, at)

    def _try_reassign(
        self, plan: PlanRun, task: TaskRun, reason: str, exclude: Iterable[str], at: float
    ) -> Schedule | None:
        """A schedule that moves ``task`` off ``exclude`` and unavailable robots, or None."""
        if not task.occupies or task.fleet_wide or task.spec.action not in _MOVING_ACTIONS:
            return None
        banned = set(exclude) | self._unavailable
        if task.explicit and not set(task.robots) & self._unavailable:
            return None  # the user's choice of robot stands while that robot works
        # (a broken partner counts: partners are the allocator's choice, not the user's)
        graph = reallocation_graph(plan, self._fleet, self._unavailable)
        # A suspect robot that another remaining subtask names explicitly stays usable for
        # the allocator (the user's instruction wins); the check below still keeps it off
        # the failing subtask.
        named = {
            r
            for t in plan.tasks.values()
            if t.explicit and movable(t) and t is not task
            for r in t.sub.robot_ids
        }
        state = self._live_state(plan, extra_unavailable=set(exclude) - named)
        try:
            new = reallocate_with(self._allocator, graph, self._fleet, self._world, state)
        except AllocationError as exc:
            _log.info("no reassignment for %s/%s: %s", plan.plan_id, task.id, exc)
            return None
        a = new.assignments.get(task.id)
        if a is None or not a.robot_ids or set(a.robot_ids) & banned or set(a.robot_ids) == set(task.robots):
            return None  # nobody else, or the same robots again: that is no alternative
        return merge_schedule(plan, new, reason, at)

    def _adopt_schedule(self, plan: PlanRun, schedule: Schedule, reason: str, at: float) -> None:
        self._write(
            {
                "type": "schedule",
                "plan_id": plan.plan_id,
                "at": at,
                "reason": reason,
                "schedule": schedule_to_dict(schedule),
            }
        )
        self._apply_schedule(plan, schedule, reason, at)

    def _apply_schedule(self, plan: PlanRun, schedule: Schedule, reason: str, at: float) -> None:
        plan.schedule = schedule
        for t in plan.graph.ids:
            task = plan.tasks[t]
            a = schedule.assignments.get(t)
            if a is None or not a.robot_ids or not movable(task):
                continue
            new = tuple(a.robot_ids)
            if new != task.robots:
                old = task.robots
                if not set(task.sub.robot_ids) <= set(new):
                    task.explicit = False  # the named robot was out; the allocator chose now
                task.robots = new
                self._emit(SubtaskReassigned(plan.plan_id, t, old, new, at, reason))
        plan.rebuild_order()
        self._dirty = True

    def _give_up(self, plan: PlanRun, task: TaskRun, reason: str, at: float, replan: bool = True) -> None:
        if task.state is _S.FAILED:
            self._settle_failed(plan, task, at)
        else:  # TIMED_OUT or READY
            self._transition(plan, task, _S.FAILED, reason, at, settled=True)
        if replan:
            world = world_summary(self._world, self._positions(), self._unavailable)
            done = tuple(t for t in plan.graph.ids if plan.tasks[t].state is _S.SUCCEEDED)
            remaining = tuple(t for t in plan.graph.ids if not plan.tasks[t].settled)
            self._write(
                {
                    "type": "replan_requested",
                    "plan_id": plan.plan_id,
                    "task_id": task.id,
                    "at": at,
                    "reason": reason,
                }
            )
            self._emit(
                ReplanRequested(
                    plan.plan_id,
                    task.id,
                    reason,
                    task.robots,
                    at,
                    done,
                    remaining,
                    tuple(sorted(self._unavailable)),
                    world,
                )
            )
        self._cascade(plan, task, at)
        self._check_finished(plan, at)

    def _cascade(self, plan: PlanRun, task: TaskRun, at: float) -> None:
        """Cancel every unsettled subtask downstream of ``task`` (which will never succeed)."""
        why = "failed" if task.state is _S.FAILED else "was cancelled"
        for d in sorted(plan.graph.descendants(task.id), key=lambda t: plan.tasks[t].index):
            dep = plan.tasks[d]
            if dep.settled or dep.state not in (_S.PENDING, _S.READY):
                continue
            self._transition(plan, dep, _S.CANCELLED, f"dependency {task.id!r} {why}: {task.reason}", at)

    def _mark_robot(self, robot_id: str, available: bool, reason: str, at: float) -> None:
        if available == (robot_id not in self._unavailable):
            return
        self._write(
            {"type": "robot", "robot_id": robot_id, "available": available, "at": at, "reason": reason}
        )
        if available:
            self._unavailable.discard(robot_id)
        else:
            self._unavailable.add(robot_id)
        self._dirty = True
        self._emit(RobotAvailabilityChanged(robot_id, available, at, reason))

    # ------------------------------------------------------------------ plan control
    def _set_paused(self, plan_id: str, paused: bool) -> None:
        with self._op():
            plan = self._plan(plan_id)
            if plan.paused == paused or plan.outcome is not None:
                return
            at = self._clock()
            self._write(
                {"type": "control", "plan_id": plan_id, "op": "pause" if paused else "resume", "at": at}
            )
            plan.paused = paused
            self._dirty = True
            self._emit(PlanPaused(plan_id, paused, at))

    def _cancel_remaining(self, plan: PlanRun, reason: str, at: float) -> None:
        for t in plan.graph.ids:
            task = plan.tasks[t]
            if task.settled:
                continue
            if task.state is _S.RUNNING:
                self._cancel_goals(task)
            if task.state in (_S.FAILED,):
                self._settle_failed(plan, task, at)
            elif task.state is _S.TIMED_OUT:
                self._transition(plan, task, _S.FAILED, reason, at, settled=True)
            else:
                self._transition(plan, task, _S.CANCELLED, reason, at)
        self._check_finished(plan, at)

    def _check_finished(self, plan: PlanRun, at: float) -> None:
        if plan.outcome is not None or plan.n_settled < len(plan.tasks):
            return
        if plan.cancelled:
            outcome = PlanState.CANCELLED
        elif all(t.state is _S.SUCCEEDED for t in plan.tasks.values()):
            outcome = PlanState.SUCCEEDED
        else:
            outcome = PlanState.FAILED
        plan.outcome = outcome
        plan.finished_at = at
        if plan in self._active:
            self._active.remove(plan)
        self._emit(PlanFinished(plan.plan_id, outcome, at))

    # ------------------------------------------------------------------ live state
    def _positions(self) -> dict[str, Pose2D]:
        out: dict[str, Pose2D] = {}
        for r in self._fleet.robot_ids:
            pose = self._actuator.robot_pose(r)
            if pose is not None:
                out[r] = pose
        return out

    def _expected_finish(self, plan: PlanRun, task: TaskRun, now: float) -> float:
        a = plan.schedule.assignments.get(task.id)
        duration = (
            (a.finish - a.start)
            if a is not None and math.isfinite(a.finish - a.start)
            else task.spec.duration_s
        )
        start = task.started_at if task.started_at is not None else now
        return max(now, start + duration)

    def _live_state(self, plan: PlanRun | None, extra_unavailable: Iterable[str] = ()) -> LiveState:
        """What allocation needs to plan from now: positions, done/running work, busy robots."""
        now = self._clock()
        busy: dict[str, float] = {}
        for robot, (pid, tid) in self._holder.items():
            if plan is None or pid != plan.plan_id:
                other = self._plans[pid]
                busy[robot] = self._expected_finish(other, other.tasks[tid], now)
        done: set[str] = set()
        failed: set[str] = set()
        running: dict[str, tuple[tuple[str, ...], float]] = {}
        if plan is not None:
            for t, task in plan.tasks.items():
                if task.state is _S.SUCCEEDED:
                    done.add(t)
                elif task.settled:
                    failed.add(t)
                elif task.state is _S.RUNNING:
                    running[t] = (task.robots, self._expected_finish(plan, task, now))
        return LiveState(
            now=now,
            positions=self._positions(),
            done=frozenset(done),
            running=running,
            failed=frozenset(failed),
            unavailable=frozenset(self._unavailable | set(extra_unavailable)),
            busy_until=busy,
            world=self._world,
        )

    # ------------------------------------------------------------------ journal replay
    def _replay(self, rec: Mapping[str, Any]) -> None:
        kind = rec["type"]
        if kind == "plan":
            graph = TaskGraph.from_native(rec["graph"])
            schedule = schedule_from_dict(rec["schedule"])
            robots = self._check_schedule(graph, schedule)
            self._create_plan(graph, schedule, robots, float(rec["at"]))
        elif kind == "transition":
            plan = self._plans[rec["plan_id"]]
            task = plan.tasks[rec["task_id"]]
            if task.state.value != rec["from"]:
                raise JournalCorruptError(
                    f"subtask {task.id!r} is {task.state.value} but the record moves it from {rec['from']}"
                )
            new = SubtaskState(rec["to"])
            check_transition(task.id, task.state, new)
            task.robots = tuple(rec["robots"])
            task.attempts = int(rec["attempts"])
            task.retries = int(rec["retries"])
            task.suspects = tuple(rec.get("suspects", ()))
            task.reassignments = int(rec.get("reassignments", 0))
            self._apply_transition(
                plan, task, new, str(rec["reason"]), float(rec["at"]), bool(rec["settled"])
            )
            self._check_finished(plan, float(rec["at"]))
        elif kind == "settle":
            plan = self._plans[rec["plan_id"]]
            self._settle_failed(plan, plan.tasks[rec["task_id"]], float(rec["at"]))
            self._check_finished(plan, float(rec["at"]))
        elif kind == "schedule":
            plan = self._plans[rec["plan_id"]]
            self._apply_schedule(
                plan, schedule_from_dict(rec["schedule"]), str(rec["reason"]), float(rec["at"])
            )
        elif kind == "control":
            plan = self._plans[rec["plan_id"]]
            if rec["op"] == "cancel":
                plan.cancelled = True
            else:
                plan.paused = rec["op"] == "pause"
        elif kind == "robot":
            self._mark_robot(
                str(rec["robot_id"]), bool(rec["available"]), str(rec.get("reason", "")), float(rec["at"])
            )
        elif kind == "estop":
            self._estopped = bool(rec["active"])
        # "journal", "restored", "replan_requested": history only

    def _reconcile(self) -> None:
        """Bring replayed plans to a state the live engine can continue from."""
        at = self._clock()
        for plan in list(self._active):
            if plan.cancelled:
                self._cancel_remaining(plan, "plan cancelled", at)
                continue
            for t in plan.graph.ids:
                task = plan.tasks[t]
                if task.state is _S.RUNNING:
                    self._transition(plan, task, _S.READY, _RESTORED_REASON, at)
            for t in plan.graph.ids:
                task = plan.tasks[t]
                if task.state in (_S.FAILED, _S.TIMED_OUT) and not task.settled:
                    self._recover(plan, task, task.reason, at)
            for t in plan.graph.ids:
                task = plan.tasks[t]
                if task.settled and task.state in (_S.FAILED, _S.CANCELLED):
                    self._cascade(plan, task, at)
            for t in plan.graph.ids:
                task = plan.tasks[t]
                if task.state is _S.PENDING and task.waiting_on == 0:
                    self._transition(plan, task, _S.READY, "dependencies succeeded", at)
            self._check_finished(plan, at)
