"""The built-in construction-site simulator: kinematics, soil, zones, skills, faults.

One :meth:`Simulation.step` advances physics by ``dt`` (robots and joints, under a safety
layer that vetoes motion into keep-out zones, out of the geofence or into objects, and
makes robots yield to each other), checks safety independently of that layer (collisions,
zone and geofence violations are recorded, and tests require them to stay empty), then
ticks every skill controller, and returns the feedback and results that happened. There
is no wall clock anywhere: a run is a pure function of (fleet, world, goals, seed, faults),
so it replays identically and runs as fast as the CPU allows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..core.actuation import ActuatorEvent, GoalStatus, SkillFeedback, SkillGoal, SkillResult
from ..core.errors import ExecutionError
from ..core.fleet import KEEPOUT_ACTIONS, Fleet, SkillAction
from ..core.geometry import Pose2D
from ..core.goal_speed import malformed_speed_cap
from ..core.world import KeepOutZone, World, WorldObject
from .config import SimConfig
from .faults import ROBOT_BREAKDOWN, SKILL_FAILURE, FaultConfig, FaultInjector
from .keepout import ZoneSet, footprint_overlap
from .robots import SimRobot
from .skills import (
    Controller,
    DigController,
    DumpController,
    KeepOutController,
    LoadController,
    NavigateController,
    Outcome,
    UnloadController,
)
from .soil import SoilLedger, dump_location
from .state import CollisionEvent, GeofenceViolation, KeepOutViolation, RobotState, RobotStatus, SiteState
from .tools import move_soil

__all__ = ["Simulation"]

_ROBOT_CONTROLLERS = {
    SkillAction.DIG: DigController,
    SkillAction.UNLOAD_BUCKET: UnloadController,
    SkillAction.LOAD: LoadController,
    SkillAction.DUMP: DumpController,
}


class Simulation:
    """A kinematic construction site driven by skill goals.

    Parameters
    ----------
    fleet, world
        Robots (start poses, speeds, skills) and site (objects, keep-out zones, geofence).
    seed
        Seeds fault injection; the simulation has no other randomness.
    faults
        Breakdowns, slowdowns, random skill failures (none by default).
    dt
        Default step (simulated seconds).
    external
        External-command mode (the ROS ``sim_node``): robots follow
        :meth:`command_velocity` / :meth:`command_joints` (``cmd_vel`` and ``joint_command``
        from actuation nodes) instead of internal skill controllers, under the same
        kinematics, limits, safety layer and soil physics. Robot goals are refused
        (``external_control``); keep-out goals and :meth:`set_keep_out` still work.

    Examples
    --------
    >>> sim = Simulation(fleet, world)                                   # doctest: +SKIP
    >>> sim.start_skill(SkillGoal("g1", "p", "t", "robot_dump_truck_01",
    ...     "target_area_for_specific_robots", SkillAction.NAVIGATE, target="puddle1"))  # doctest: +SKIP
    >>> events = sim.run_until_idle(300.0)                               # doctest: +SKIP
    """

    def __init__(
        self,
        fleet: Fleet,
        world: World,
        seed: int = 0,
        faults: FaultConfig | None = None,
        dt: float = 0.1,
        config: SimConfig | None = None,
        external: bool = False,
    ):
        if not dt > 0.0:
            raise ExecutionError(f"dt must be positive, got {dt}")
        self.fleet = fleet
        self.world = world
        self.seed = seed
        self.dt = float(dt)
        self.config = config or SimConfig()
        self.external = external
        self.time = 0.0
        cfg = self.config
        self.robot_list = [SimRobot(r, cfg.model_for(r.type), i) for i, r in enumerate(fleet.robots)]
        self.robots = {r.id: r for r in self.robot_list}
        self.solid_objects: list[WorldObject] = [
            o for o in world.objects.values() if o.kind in cfg.solid_kinds
        ]
        self._solids = [(o.x, o.y, o.radius, o.name) for o in self.solid_objects]
        self.ledger = SoilLedger(
            {o.name: o.volume for o in world.objects.values() if o.kind in cfg.soil_kinds},
            [r.id for r in self.robot_list if r.tool == "bucket"],
            [r.id for r in self.robot_list if r.tool == "bed"],
        )
        self.zones = ZoneSet((), fleet.robot_ids)
        for z in world.keep_out:
            self.zones.put(z, [r.id for r in self.robot_list if footprint_overlap(z, r.x, r.y, r.body) > 0])
        self.faults = FaultInjector(faults or FaultConfig(), seed)
        self._fleet_goals: dict[str, KeepOutController] = {}
        self._seen_goals: set[str] = set()
        self._pending: list[ActuatorEvent] = []
        self._collisions: list[CollisionEvent] = []
        self._contacts: set[tuple[str, str]] = set()
        self._violations: list[KeepOutViolation] = []
        self._in_zone: set[tuple[str, str]] = set()
        self._fence: list[GeofenceViolation] = []
        self._out_of_fence: set[str] = set()
        self.guard_stops: dict[str, int] = {"keep_out": 0, "geofence": 0, "object": 0}
        self._guard_cache: dict[str, tuple[int, int, list[tuple[float, float, float, str]]]] = {}

    # ------------------------------------------------------------------ goals

    def clock(self) -> float:
        """Simulated seconds, callable like ``time.monotonic`` (the engine's ``clock=``)."""
        return self.time

    @property
    def keep_out(self) -> tuple[KeepOutZone, ...]:
        """Zones in force now (starts as ``world.keep_out``)."""
        return self.zones.all()

    def start_skill(self, goal: SkillGoal) -> None:
        """Begin ``goal``; its feedback and result come out of later :meth:`step` calls.

        Runtime problems (unknown or broken robot, unknown target) end the goal FAILED
        with a reason rather than raising, as a real actuator would answer; reusing a goal
        id is a caller bug and raises :class:`ExecutionError`. A goal's ``params["max_speed"]``
        (the allocator's safety limit) caps the robot's speed while it runs, at the smaller of it
        and the robot's own, as the actuation node does; a malformed one fails the goal at once.
        """
        if goal.goal_id in self._seen_goals:
            raise ExecutionError(f"goal id {goal.goal_id!r} was already used")
        self._seen_goals.add(goal.goal_id)
        ctrl, failure = self._make_controller(goal)
        if ctrl is None:
            self._pending.append(self._result(goal, GoalStatus.FAILED, failure))
            return
        delay = self.faults.failure_delay(goal, self._nominal_duration(goal))
        ctrl.fail_at = None if delay is None else self.time + delay
        ctrl.last_feedback = self.time
        if ctrl.robot is None:
            assert isinstance(ctrl, KeepOutController)
            self._fleet_goals[goal.goal_id] = ctrl
        else:
            robot = ctrl.robot
            if robot.controller is not None:
                reason = f"preempted by goal {goal.goal_id}"
                self._end(robot.controller, GoalStatus.CANCELLED, reason, self._pending)
            robot.evictor = None
            robot.controller = ctrl
        accepted = SkillFeedback(goal.goal_id, goal.robot_id, 0.0, "accepted", self._pose(goal), self.time)
        self._pending.append(accepted)

    # ------------------------------------------------------------------ external control

    def command_velocity(self, robot_id: str, v: float, w: float) -> None:
        """External mode: set the robot's commanded (v, w), held until the next command.

        The kinematics clip it to the robot's speed, turn-rate and acceleration limits and the
        safety layer still vetoes motion into zones, out of the fence or into objects and
        robots, exactly as for internal control. A broken robot ignores commands. Timing out
        stale commands is the caller's job (the sim node stops a robot whose ``cmd_vel`` went
        quiet, as real drivers do).
        """
        robot = self._external_robot(robot_id)
        if not (math.isfinite(v) and math.isfinite(w)):
            raise ExecutionError(f"command for {robot_id} must be finite, got v={v}, w={w}")
        if not robot.broken:
            robot.command(float(v), float(w))

    def command_joints(self, robot_id: str, targets: Mapping[str, float]) -> None:
        """External mode: joint position targets (clamped to limits; unknown joints ignored)."""
        robot = self._external_robot(robot_id)
        bad = [k for k, v in targets.items() if not math.isfinite(v)]
        if bad:
            raise ExecutionError(f"joint targets for {robot_id} must be finite: {', '.join(bad)}")
        if not robot.broken:
            robot.joints.command(targets)

    def set_keep_out(self, zones: Iterable[KeepOutZone]) -> None:
        """Make ``zones`` exactly the zones in force (a ``keepout`` message lists them all).

        A new or changed zone around a robot starts pending for it (nothing counts as a
        violation until the robot is clear, then it binds), as when a keep-out goal adds it;
        unchanged zones keep their state, zones not listed are lifted.
        """
        wanted = {z.name: z for z in zones}
        for name in [n for n in self.zones.zones if n not in wanted]:
            self.zones.remove(name)
        for name, z in wanted.items():
            if self.zones.zones.get(name) == z:
                continue
            inside = [
                r.id for r in self.robot_list
                if z.applies_to(r.id) and footprint_overlap(z, r.x, r.y, r.body) > 0
            ]
            self.zones.put(z, inside)

    # ------------------------------------------------------------------ the site itself

    def place_object(self, obj: WorldObject) -> None:
        """Add ``obj`` to the site, or move/resize the object of that name (a truck moved a
        rock, a puddle spread): what a camera sees and robots bump into from the next step.

        A soil pile keeps the soil it holds when moved; a new pile brings ``obj.volume`` onto
        the site (the one way soil enters the ledger). Refused with ExecutionError: a
        non-finite or non-positive size, a centre off the site, a new kind for an existing
        name, or a solid object dropped onto a robot (the safety record would blame the robot).
        """
        if not all(math.isfinite(v) for v in (obj.x, obj.y, obj.radius, obj.volume)) or obj.radius <= 0.0:
            raise ExecutionError(f"object {obj.name!r}: position and radius must be finite, radius > 0")
        if not self.world.bounds.contains(obj.x, obj.y):
            raise ExecutionError(f"object {obj.name!r}: ({obj.x:g}, {obj.y:g}) is off the site")
        old = self.world.objects.get(obj.name)
        if old is not None and old.kind != obj.kind:
            raise ExecutionError(f"object {obj.name!r} is a {old.kind}, not a {obj.kind}")
        cfg = self.config
        if obj.kind in cfg.solid_kinds:
            for r in self.robot_list:
                if math.hypot(r.x - obj.x, r.y - obj.y) < obj.radius + r.body:
                    raise ExecutionError(f"object {obj.name!r} would land on robot {r.id}")
        if obj.kind in cfg.soil_kinds:
            if old is None:
                self.ledger.piles[obj.name] = max(0.0, obj.volume)
            obj = replace(obj, volume=self.ledger.piles[obj.name])
        self.world = self.world.with_object(obj)
        self._refresh_solids()

    def remove_object(self, name: str) -> WorldObject:
        """Take object ``name`` off the site (returns it). Soil piles cannot be removed: their
        soil would leave the ledger, whose total is conserved (move them instead)."""
        obj = self.world.objects.get(name)
        if obj is None:
            raise ExecutionError(f"unknown object {name!r}")
        if obj.kind in self.config.soil_kinds:
            raise ExecutionError(f"soil pile {name!r} cannot be removed (its soil is accounted for); move it")
        self.world = self.world.without_object(name)
        self._contacts = {pair for pair in self._contacts if name not in pair}
        self._refresh_solids()
        return obj

    def _refresh_solids(self) -> None:
        self.solid_objects = [o for o in self.world.objects.values() if o.kind in self.config.solid_kinds]
        self._solids = [(o.x, o.y, o.radius, o.name) for o in self.solid_objects]

    def _external_robot(self, robot_id: str) -> SimRobot:
        if not self.external:
            raise ExecutionError("direct commands need Simulation(external=True)")
        robot = self.robots.get(robot_id)
        if robot is None:
            raise ExecutionError(f"unknown robot {robot_id!r}")
        return robot

    def cancel(self, goal_id: str) -> None:
        """End ``goal_id`` CANCELLED (reported by the next step); its robot stops now."""
        ctrl = self._find(goal_id)
        if ctrl is not None:
            self._end(ctrl, GoalStatus.CANCELLED, "cancelled", self._pending)

    def stop_all(self) -> None:
        """Emergency stop: every velocity zero now, every goal CANCELLED, manoeuvres dropped."""
        for robot in self.robot_list:
            if robot.controller is not None:
                self._end(robot.controller, GoalStatus.CANCELLED, "emergency_stop", self._pending)
            if robot.evictor is not None:
                robot.evictor.release(self)
                robot.evictor = None
            robot.halt()
        for ctrl in list(self._fleet_goals.values()):
            self._end(ctrl, GoalStatus.CANCELLED, "emergency_stop", self._pending)

    def take_events(self) -> list[ActuatorEvent]:
        """Events queued since the last step (start failures, cancellations), without stepping."""
        events, self._pending = self._pending, []
        return events

    @property
    def busy(self) -> bool:
        return bool(
            self._pending or self._fleet_goals
            or any(r.controller is not None or r.evictor is not None for r in self.robot_list)
        )

    def active_goals(self) -> tuple[str, ...]:
        ids = [r.controller.goal.goal_id for r in self.robot_list if r.controller and r.controller.goal]
        return tuple(ids) + tuple(self._fleet_goals)

    # ------------------------------------------------------------------ stepping

    def step(self, dt: float | None = None) -> list[ActuatorEvent]:
        """Advance by ``dt`` (default ``self.dt``); return the events of this step, in order."""
        dt = self.dt if dt is None else float(dt)
        if not dt > 0.0:
            raise ExecutionError(f"dt must be positive, got {dt}")
        events, self._pending = self._pending, []
        # Rounded so a thousand 0.1 s steps make exactly 100 s (fault times, stamps, reports).
        now = round(self.time + dt, 9)
        self.time = now
        for rid in self.faults.breakdowns_due(now):
            self._break(rid, events)
        if self.faults.config.slowdowns:
            for robot in self.robot_list:
                robot.speed_factor = self.faults.speed_factor(robot.id, now)
        moved = self._physics(dt)
        if moved:
            self._check_safety(moved)
        self._release_zones()
        self._tick(dt, events)
        return events

    def run_until_idle(self, max_time: float) -> list[ActuatorEvent]:
        """Step until no goal is active (or ``max_time`` simulated seconds passed)."""
        end = self.time + max_time
        events: list[ActuatorEvent] = []
        while self.busy and self.time < end - 1e-9:
            events.extend(self.step())
        return events

    def robot_pose(self, robot_id: str) -> Pose2D:
        robot = self.robots.get(robot_id)
        if robot is None:
            raise ExecutionError(f"unknown robot {robot_id!r}")
        return robot.pose

    def dump_location(self, x: float, y: float) -> str:
        return dump_location(x, y, self.world.objects.values(), self.config.dump_near_distance)

    def snapshot(self) -> SiteState:
        robots = {}
        for r in self.robot_list:
            ctrl = r.controller
            goal = ctrl.goal if ctrl is not None else None
            robots[r.id] = RobotState(
                id=r.id, type=r.type, pose=r.pose, linear_velocity=r.v, angular_velocity=r.w,
                joints=dict(r.joints.position), payload=self.ledger.payload(r.id), capacity=r.capacity,
                status=RobotStatus.BROKEN if r.broken else RobotStatus.OK, body_radius=r.body,
                goal_id=goal.goal_id if goal else None, action=goal.action if goal else None,
                speed_factor=r.speed_factor, tool=r.tool,
            )
        return SiteState(
            time=self.time, robots=robots, piles=dict(self.ledger.piles), dumps=self.ledger.dumps(),
            dumped=dict(self.ledger.dumped), excavated=dict(self.ledger.excavated), keep_out=self.zones.all(),
            collisions=tuple(self._collisions),
            keepout_violations=tuple(self._violations), geofence_violations=tuple(self._fence),
            guard_stops=dict(self.guard_stops),
        )

    # ------------------------------------------------------------------ internals: goals

    def _make_controller(self, goal: SkillGoal) -> tuple[Controller | None, str]:
        action = goal.action
        if action in KEEPOUT_ACTIONS:
            return self._keepout_controller(goal)
        if goal.robot_id is None:
            return None, f"robot_required: {action.value} needs a robot"
        if self.external:
            return None, f"external_control: {goal.robot_id} follows cmd_vel and joint_command, not goals"
        robot = self.robots.get(goal.robot_id)
        if robot is None:
            return None, f"unknown_robot: {goal.robot_id}"
        if robot.broken:
            return None, ROBOT_BREAKDOWN
        bad_cap = malformed_speed_cap(goal.params)
        if bad_cap is not None:  # as the actuation node: a broken cap is refused, never run uncapped
            return None, f"invalid_params: {bad_cap}"
        if action is SkillAction.NAVIGATE:
            where = self._target(goal)
            if where is None:
                return None, f"unknown_target: {goal.target!r}"
            x, y, radius = where
            face = self.config.face_target
            return NavigateController(goal, robot, x, y, radius, goal.target or "", face_target=face), ""
        if action is SkillAction.RETURN_TO_START:
            s = robot.spec.start
            return NavigateController(goal, robot, s.x, s.y, 0.0, "start", final_yaw=s.yaw), ""
        return _ROBOT_CONTROLLERS[action](goal, robot), ""

    def _target(self, goal: SkillGoal) -> tuple[float, float, float] | None:
        obj = self.world.objects.get(goal.target) if goal.target else None
        if goal.target_pose is not None:
            radius = goal.target_radius if goal.target_radius > 0 else (obj.radius if obj else 0.0)
            return goal.target_pose.x, goal.target_pose.y, radius
        if obj is None:
            return None
        return obj.x, obj.y, obj.radius

    def _keepout_controller(self, goal: SkillGoal) -> tuple[Controller | None, str]:
        unknown = [r for r in goal.applies_to if r not in self.robots]
        if goal.robot_id is not None and goal.robot_id not in self.robots:
            unknown.append(goal.robot_id)
        if unknown:
            return None, f"unknown_robot: {', '.join(unknown)}"
        name = goal.target or f"zone_{goal.goal_id}"
        if goal.action is SkillAction.REMOVE_KEEPOUT:
            return KeepOutController(goal, None, name), ""
        # The zone's radius: a goal that carries a pose carries the zone radius (the engine adds
        # the world's keep-out margin to the object's radius); otherwise the world model's.
        obj = self.world.objects.get(goal.target) if goal.target else None
        if goal.target_pose is not None and goal.target_radius > 0:
            x, y, radius = goal.target_pose.x, goal.target_pose.y, goal.target_radius
        elif obj is not None:
            pose = goal.target_pose or obj.pose
            x, y, radius = pose.x, pose.y, obj.radius + self.world.keepout_margin
        elif goal.target_pose is not None:
            x, y, radius = goal.target_pose.x, goal.target_pose.y, max(self.world.keepout_margin, 0.1)
        else:
            return None, f"unknown_target: {goal.target!r}"
        robots = frozenset(goal.applies_to) or (frozenset({goal.robot_id}) if goal.robot_id else frozenset())
        applies = self.zones.widened(name, robots)
        zone = KeepOutZone(name, x, y, radius, applies)
        return KeepOutController(goal, zone, name), ""

    def _nominal_duration(self, goal: SkillGoal) -> float:
        spec = self.fleet.skills.get(goal.skill)
        return spec.duration_s if spec is not None else 5.0

    def _pose(self, goal: SkillGoal) -> Pose2D | None:
        robot = self.robots.get(goal.robot_id) if goal.robot_id else None
        return robot.pose if robot is not None else None

    def _result(self, goal: SkillGoal, status: GoalStatus, reason: str) -> SkillResult:
        return SkillResult(goal.goal_id, goal.robot_id, status, reason, self._pose(goal), self.time)

    def _find(self, goal_id: str) -> Controller | None:
        if goal_id in self._fleet_goals:
            return self._fleet_goals[goal_id]
        for robot in self.robot_list:
            c = robot.controller
            if c is not None and c.goal is not None and c.goal.goal_id == goal_id:
                return c
        return None

    def _end(self, ctrl: Controller, status: GoalStatus, reason: str, events: list[ActuatorEvent]) -> None:
        ctrl.release(self)
        goal = ctrl.goal
        robot = ctrl.robot
        if robot is not None:
            if robot.controller is ctrl:
                robot.controller = None
            if status is GoalStatus.SUCCEEDED:
                robot.command(0.0, 0.0)
            else:
                robot.halt()
        elif goal is not None:
            self._fleet_goals.pop(goal.goal_id, None)
        if goal is not None:
            events.append(self._result(goal, status, reason))

    def _break(self, robot_id: str, events: list[ActuatorEvent]) -> None:
        robot = self.robots.get(robot_id)
        if robot is None or robot.broken:
            return
        robot.broken = True
        if robot.controller is not None:
            self._end(robot.controller, GoalStatus.FAILED, ROBOT_BREAKDOWN, events)
        if robot.evictor is not None:
            robot.evictor.release(self)
            robot.evictor = None
        robot.halt()

    def _tick(self, dt: float, events: list[ActuatorEvent]) -> None:
        now = self.time
        period = self.config.feedback_period_s
        for robot in self.robot_list:
            ctrl = robot.controller
            if ctrl is None:
                if robot.evictor is not None:
                    outcome = robot.evictor.tick(self, dt)
                    if outcome is not None:
                        if outcome.status is not GoalStatus.SUCCEEDED:
                            robot.evict_failure = outcome.reason
                        robot.evictor.release(self)
                        robot.evictor = None
                        robot.command(0.0, 0.0)
                continue
            self._tick_one(ctrl, dt, now, period, events)
        for ctrl in list(self._fleet_goals.values()):
            self._tick_one(ctrl, dt, now, period, events)

    def _tick_one(
        self, ctrl: Controller, dt: float, now: float, period: float, events: list[ActuatorEvent]
    ) -> None:
        if ctrl.fail_at is not None and now >= ctrl.fail_at - 1e-9:
            self._end(ctrl, GoalStatus.FAILED, SKILL_FAILURE, events)
            return
        outcome: Outcome | None = ctrl.tick(self, dt)
        if outcome is not None:
            if outcome.status is GoalStatus.SUCCEEDED and ctrl.fail_at is not None:
                # A goal drawn to fail never succeeds, even when it would finish early.
                outcome = Outcome(GoalStatus.FAILED, SKILL_FAILURE)
            self._end(ctrl, outcome.status, outcome.reason, events)
            return
        if now - ctrl.last_feedback >= period - 1e-9 or ctrl.phase != ctrl.last_phase:
            ctrl.last_feedback, ctrl.last_phase = now, ctrl.phase
            goal = ctrl.goal
            assert goal is not None
            events.append(
                SkillFeedback(goal.goal_id, goal.robot_id, min(1.0, max(0.0, ctrl.progress)), ctrl.message,
                              self._pose(goal), now)
            )

    # ------------------------------------------------------------------ internals: physics and safety

    def _physics(self, dt: float) -> list[SimRobot]:
        moved: list[SimRobot] = []
        for r in self.robot_list:
            if r.broken:
                continue
            if r.joints.moving:
                before = dict(r.joints.position)
                r.joints.step(dt, r.speed_factor)
                if r.tool:
                    move_soil(self, r, before)
            if r.cmd_v == 0.0 and r.cmd_w == 0.0 and r.v == 0.0:
                r.w = 0.0
                continue
            nx, ny, nyaw, nv, nw = r.propose(dt)
            if nx != r.x or ny != r.y:
                verdict = self._guard(r, nx, ny)
                if verdict is None:
                    r.x, r.y, r.v = nx, ny, nv
                    if r.blocked_s > 0.0:
                        # Forget a hold-up gradually: creeping an inch between vetoes is
                        # still being stuck, and must not reset the patience to replan.
                        r.blocked_s = max(0.0, r.blocked_s - 0.5 * dt)
                    moved.append(r)
                else:
                    if verdict != "yield":
                        self.guard_stops[verdict] += 1
                        r.blockers = ()
                    r.v = 0.0
                    r.blocked_s += dt
            else:
                r.v = nv
            r.yaw, r.w = nyaw, nw
        return moved

    def _binding(self, r: SimRobot) -> list[tuple[float, float, float, str]]:
        zones = self.zones
        cached = self._guard_cache.get(r.id)
        if cached is not None and cached[0] == zones.version and cached[1] == zones.release_count:
            return cached[2]
        discs = [(z.x, z.y, z.radius + r.body, z.name) for z in zones.binding_for(r.id)]
        self._guard_cache[r.id] = (zones.version, zones.release_count, discs)
        return discs

    def _guard(self, r: SimRobot, nx: float, ny: float) -> str | None:
        """Veto a translation that would break a safety rule; None = allowed."""
        body = r.body
        box = self.world.bounds
        if nx - body < box.xmin or nx + body > box.xmax or ny - body < box.ymin or ny + body > box.ymax:
            return "geofence"
        for zx, zy, rad, _ in self._binding(r):
            dx, dy = nx - zx, ny - zy
            if dx * dx + dy * dy < rad * rad:
                return "keep_out"
        x, y = r.x, r.y
        for ox, oy, orad, _ in self._solids:
            lim = orad + body
            dx, dy = nx - ox, ny - oy
            d2 = dx * dx + dy * dy
            if d2 < lim * lim and d2 < (x - ox) ** 2 + (y - oy) ** 2:
                return "object"
        margin = self.config.yield_margin
        give_way = margin + self.config.give_way_margin
        blockers = []
        for other in self.robot_list:
            if other is r:
                continue
            # Right of way by fleet order: keep a wider berth from higher-priority robots on
            # the move, so they can plan around this one without it creeping into their path.
            lim = body + other.body + (give_way if other.index < r.index and other.driving else margin)
            dx, dy = nx - other.x, ny - other.y
            d2 = dx * dx + dy * dy
            if d2 < lim * lim and d2 < (x - other.x) ** 2 + (y - other.y) ** 2:
                blockers.append(other.id)
        if blockers:
            r.blockers = tuple(blockers)
            return "yield"
        return None

    def _check_safety(self, moved: Iterable[SimRobot]) -> None:
        """Record collisions and violations from positions alone, independent of the guard."""
        now = self.time
        box = self.world.bounds
        contacts = self._contacts
        for r in moved:
            x, y, body = r.x, r.y, r.body
            for other in self.robot_list:
                if other is r:
                    continue
                lim = body + other.body
                dx, dy = x - other.x, y - other.y
                touching = dx * dx + dy * dy < lim * lim
                if touching or contacts:
                    pair = (r.id, other.id) if r.id < other.id else (other.id, r.id)
                    self._contact(pair, touching, "robot", now)
            for ox, oy, orad, name in self._solids:
                lim = orad + body
                touching = (x - ox) ** 2 + (y - oy) ** 2 < lim * lim
                if touching or contacts:
                    self._contact((r.id, name), touching, "object", now)
            for zx, zy, rad, name in self._binding(r):
                depth = rad - math.hypot(r.x - zx, r.y - zy)
                key = (r.id, name)
                if depth > 1e-9:
                    if key not in self._in_zone:
                        self._in_zone.add(key)
                        self._violations.append(KeepOutViolation(now, r.id, name, depth))
                else:
                    self._in_zone.discard(key)
            b = r.body
            outside = r.x - b < box.xmin or r.x + b > box.xmax or r.y - b < box.ymin or r.y + b > box.ymax
            if outside and r.id not in self._out_of_fence:
                self._out_of_fence.add(r.id)
                self._fence.append(GeofenceViolation(now, r.id, r.x, r.y))
            elif not outside:
                self._out_of_fence.discard(r.id)

    def _contact(self, pair: tuple[str, str], touching: bool, kind: str, now: float) -> None:
        if touching:
            if pair not in self._contacts:
                self._contacts.add(pair)
                self._collisions.append(CollisionEvent(now, pair[0], pair[1], kind))
        else:
            self._contacts.discard(pair)

    def _release_zones(self) -> None:
        zones = self.zones
        for name, pending in zones.pending.items():
            if not pending:
                continue
            z = zones.zones[name]
            for rid in sorted(pending):
                r = self.robots[rid]
                if footprint_overlap(z, r.x, r.y, r.body) > 0.0:
                    continue
                # Bind only once the robot is not still rolling back in (braking takes a
                # moment); otherwise the safety layer would have to stop it at the rim.
                inward = r.v * (math.cos(r.yaw) * (z.x - r.x) + math.sin(r.yaw) * (z.y - r.y))
                if inward <= 1e-9:
                    zones.release(name, rid)
