"""Closed-loop skill controllers: each judges progress and success from the site state.

A controller is ticked once per simulation step after physics. It commands wheel and
joint set-points and returns an :class:`Outcome` once the state shows the skill done
(robot within tolerance of its approach point, bucket holding soil, bed emptied, ...) or
impossible (no pile in reach, no truck adjacent). Soil moves by joint physics alone
(:mod:`dart_planner.sim.tools`), exactly as under external control. Nothing finishes
because a timer ran out; timeouts are the engine's job.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..core.actuation import Outcome, SkillGoal
from ..core.fleet import SkillAction
from ..core.goal_speed import speed_cap
from ..core.world import KeepOutZone
from .keepout import footprint_overlap
from .navigation import PathFollower, approach_candidates, inset_box, obstacle_discs, spot_is_free
from .pathing import plan_path
from .robots import SimRobot
from .tools import (
    BED_DOWN,
    BED_RAISED,
    BED_SPILL,
    BOOM_CARRY,
    BOOM_DIG,
    BOOM_DUMP,
    BUCKET_CARRY,
    BUCKET_OPEN,
    TRAVEL_POSE,
    pile_in_reach,
)

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = [
    "Outcome",
    "Controller",
    "NavigateController",
    "DigController",
    "UnloadController",
    "LoadController",
    "DumpController",
    "KeepOutController",
    "BOOM_DIG", "BOOM_CARRY", "BOOM_DUMP", "BUCKET_OPEN", "BUCKET_CARRY",
    "BED_DOWN", "BED_RAISED", "BED_SPILL",
]

EPS = 1e-9


class Controller:
    """Base: one goal (or an internal manoeuvre when ``goal`` is None) on one robot or the fleet."""

    def __init__(self, goal: SkillGoal | None, robot: SimRobot | None):
        self.goal = goal
        self.robot = robot
        self.progress = 0.0
        self.message = ""
        self.phase = "start"
        self.fail_at: float | None = None
        self.last_feedback = -math.inf
        self.last_phase = ""
        self.speed_cap = speed_cap(goal.params) if goal is not None else None
        """The goal's ``params["max_speed"]`` (m/s): the robot drives no faster while this runs
        (:attr:`SimRobot.max_speed`), as an actuation node caps what it commands."""

    def tick(self, sim: Simulation, dt: float) -> Outcome | None:
        raise NotImplementedError

    def release(self, sim: Simulation) -> None:
        """Undo side claims (parking reservation, transfer flags) when the goal ends."""

    @property
    def in_place(self) -> bool:
        """True for skills that keep the robot where it is (dig, unload, load, dump)."""
        return True


class NavigateController(Controller):
    """Drive to a free spot next to a target (or to a bare point) and stop there.

    Success: the robot is within ``position_tolerance`` of the chosen approach point,
    stopped, and (when configured) facing the target or the requested heading.
    """

    def __init__(
        self,
        goal: SkillGoal | None,
        robot: SimRobot,
        cx: float,
        cy: float,
        radius: float,
        target: str,
        final_yaw: float | None = None,
        face_target: bool = True,
    ):
        super().__init__(goal, robot)
        self.robot: SimRobot = robot
        self.cx, self.cy, self.radius, self.target = cx, cy, radius, target
        self.final_yaw = final_yaw
        self.face_target = face_target
        self.follower: PathFollower | None = None
        self.spot: tuple[float, float] | None = None
        self.zone_version = -1

    @property
    def in_place(self) -> bool:
        return False

    def tick(self, sim: Simulation, dt: float) -> Outcome | None:
        robot = self.robot
        if self.phase == "start":
            travel = {k: v for k, v in TRAVEL_POSE.items() if k in robot.joints}
            if not robot.joints.at(travel):
                robot.joints.command(travel)
                self.message = "stowing tools for travel"
                return None
            robot.at_target = None
            robot.loaded_here = False
            failure = self._plan(sim, keep_spot=False)
            if failure:
                return Outcome.fail(failure)
            self.phase = "drive"
        if self.phase == "drive":
            cfg = sim.config
            replan = sim.zones.version != self.zone_version
            blockers: tuple[str, ...] = ()
            if robot.blocked_s > 0.0 and robot.blocked_s >= self._patience(sim):
                replan, blockers = True, robot.blockers
                robot.blocked_s = 0.0
            if replan:
                failure = self._plan(sim, keep_spot=True, blockers=blockers)
                if failure and not blockers:
                    return Outcome.fail(failure + " after a keep-out change")
            assert self.follower is not None
            v, w, arrived = self.follower.command(robot, cfg.position_tolerance, dt)
            robot.command(v, w)
            left = self.follower.remaining(robot.x, robot.y)
            self.progress = 0.95 * (1.0 - left / max(self.follower.total, EPS))
            self.message = f"driving to {self.target or 'point'}"
            if not arrived:
                return None
            robot.command(0.0, 0.0)
            self.phase = "face"
        if self.phase == "face":
            yaw = self._wanted_yaw()
            if yaw is not None:
                err = (yaw - robot.yaw + math.pi) % (2.0 * math.pi) - math.pi
                if abs(err) > sim.config.yaw_tolerance:
                    wmax = robot.max_turn_rate
                    w = max(-wmax, min(wmax, 2.0 * err))
                    if abs(w) < 0.1:
                        w = math.copysign(0.1, err)
                    robot.command(0.0, w)
                    self.message = "turning to face the target"
                    return None
            robot.command(0.0, 0.0)
            assert self.spot is not None
            dist = math.hypot(robot.x - self.spot[0], robot.y - self.spot[1])
            if dist > sim.config.position_tolerance:
                self.phase = "drive"  # pushed off the spot while turning: go back
                self.zone_version = -1
                return None
            if abs(robot.v) > 1e-6:
                return None
            robot.driving = False
            robot.reserved = None
            robot.at_target = self.target or None
            self.progress = 1.0
            return Outcome.ok(f"at {self.target or 'point'} ({dist:.2f} m from the approach point)")
        return None

    def _patience(self, sim: Simulation) -> float:
        """How long to wait behind other robots before planning around them.

        Right of way goes by fleet order: a robot held up by a higher-priority robot that is
        itself driving waits much longer, so of two robots that meet, one holds still and the
        other plans around it, instead of both swerving into each other again.
        """
        robot = self.robot
        base = sim.config.replan_after_blocked_s
        for rid in robot.blockers:
            other = sim.robots[rid]
            if other.driving and not other.broken and other.index < robot.index:
                return 4.0 * base
        return base

    def _wanted_yaw(self) -> float | None:
        if self.final_yaw is not None:
            return self.final_yaw
        if not self.face_target:
            return None
        dx, dy = self.cx - self.robot.x, self.cy - self.robot.y
        return math.atan2(dy, dx) if math.hypot(dx, dy) > 0.5 else None

    def _plan(self, sim: Simulation, keep_spot: bool, blockers: tuple[str, ...] = ()) -> str:
        """Choose a spot (or keep the current one if still free) and a path; '' on success."""
        robot = self.robot
        self.zone_version = sim.zones.version
        cfg = sim.config
        discs = obstacle_discs(sim, robot, blockers, crowded=bool(blockers))
        spots: list[tuple[float, float]] = []
        if (
            keep_spot and self.spot is not None and spot_is_free(sim, robot, *self.spot)
            and not any(d.contains(*self.spot) for d in discs)
        ):
            spots.append(self.spot)
        candidates = approach_candidates(sim, robot, self.cx, self.cy, self.radius, self.target, avoid=discs)
        spots.extend(candidates[:6])
        if not spots:
            return "no_free_approach_point"
        box = inset_box(sim.world.bounds, robot.body + 0.05)
        # Other robots are passing obstacles: when only they wall the robot in, take the
        # path through them anyway and let yielding and replanning sort it out on the way.
        # Only zones, objects and the fence make a goal unreachable.
        static = [d for d in discs if not d.tag.startswith("robot:")]
        for obstacles in (discs, static) if not blockers and len(static) < len(discs) else (discs,):
            for spot in spots:
                path = plan_path((robot.x, robot.y), spot, obstacles, box, cfg.polygon_sides, robot.yaw)
                if path is not None:
                    self.spot = spot
                    self.follower = PathFollower(path, cfg.lookahead, cfg.reverse_max_distance)
                    robot.reserved = (spot[0], spot[1], self.target)
                    robot.driving = True
                    return ""
        return "no_path"

    def release(self, sim: Simulation) -> None:
        self.robot.driving = False
        self.robot.reserved = None


class DigController(Controller):
    """Lower the boom, curl the bucket through a pile in reach, raise the boom.

    The controller only moves joints; the curl scoops soil by joint physics
    (:mod:`dart_planner.sim.tools`) from the pile chosen here. With no pile in reach the
    excavator digs the ground where it stands (``SimConfig.dig_anywhere``, the DART-LLM
    meaning of Excavation: "digs where it stands"), booked as excavated volume at that place;
    an empty pile in reach fails (the plan expected soil there). Success: bucket holds soil,
    boom carried.
    """

    def __init__(self, goal: SkillGoal, robot: SimRobot):
        super().__init__(goal, robot)
        self.robot: SimRobot = robot
        self.pile = ""
        self.ground = ""
        """Where ground is dug when no pile is in reach (location name as for dumps)."""
        self.before = 0.0

    def tick(self, sim: Simulation, dt: float) -> Outcome | None:
        robot, ledger = self.robot, sim.ledger
        robot.command(0.0, 0.0)
        cap = robot.model.bucket_capacity
        j = robot.joints
        if self.phase == "start":
            if robot.tool != "bucket":
                return Outcome.fail(f"skill_not_supported: {robot.id} has no bucket")
            if ledger.bucket[robot.id] >= cap - EPS:
                return Outcome.ok("bucket already full")
            pile, failure = self._pile_in_reach(sim)
            if failure:
                return Outcome.fail(failure)
            self.pile = pile
            robot.dig_pile = pile
            if not pile:
                self.ground = sim.dump_location(robot.x, robot.y)
            self.phase = "lower"
        if self.phase == "lower":
            j.command({"boom": BOOM_DIG, "bucket": BUCKET_OPEN})
            self.progress = 0.3 * j.fraction("boom", BOOM_CARRY, BOOM_DIG)
            self.message = f"lowering the boom into {self.pile or 'the ground'}"
            if not j.at({"boom": BOOM_DIG, "bucket": BUCKET_OPEN}):
                return None
            self.before = ledger.bucket[robot.id]
            self.phase = "curl"
        if self.phase == "curl":
            j.command({"bucket": BUCKET_CARRY})
            f = j.fraction("bucket", BUCKET_OPEN, BUCKET_CARRY)
            taken = ledger.bucket[robot.id] - self.before
            self.progress = 0.3 + 0.4 * f
            self.message = f"scooping: {ledger.bucket[robot.id]:.2f} m3 in the bucket"
            if self.pile and ledger.piles[self.pile] <= EPS and taken <= EPS:
                return Outcome.fail(f"pile_empty: {self.pile} has no soil left")
            if not j.at({"bucket": BUCKET_CARRY}):
                return None
            self.phase = "raise"
        if self.phase == "raise":
            j.command({"boom": BOOM_CARRY})
            self.progress = 0.7 + 0.3 * j.fraction("boom", BOOM_DIG, BOOM_CARRY)
            self.message = "raising the boom"
            if not j.at({"boom": BOOM_CARRY}):
                return None
            held = ledger.bucket[robot.id]
            if held <= EPS:
                return Outcome.fail(f"pile_empty: nothing scooped from {self.pile}")
            self.progress = 1.0
            source = self.pile or f"the ground at {self.ground}"
            return Outcome.ok(f"bucket holds {held:.2f} m3 from {source}")
        return None

    def _pile_in_reach(self, sim: Simulation) -> tuple[str, str]:
        robot = self.robot
        best = pile_in_reach(sim, robot, self.goal.target if self.goal is not None else None)
        if not best:
            if sim.config.dig_anywhere:
                return "", ""
            return "", "no_pile_in_reach: no soil pile within reach of " + robot.id
        if sim.ledger.piles[best] <= EPS:
            return "", f"pile_empty: {best} has no soil left"
        return best, ""

    def release(self, sim: Simulation) -> None:
        self.robot.dig_pile = None


class UnloadController(Controller):
    """Raise the boom over an adjacent truck and open the bucket into its bed.

    Needs a stopped dump truck within ``reach`` with bed capacity left; waits while a truck
    is still driving to a spot within reach, fails at once when none is coming. The opening
    bucket pours into that truck by joint physics (:mod:`dart_planner.sim.tools`). Success:
    the bucket emptied into the bed.
    """

    def __init__(self, goal: SkillGoal, robot: SimRobot):
        super().__init__(goal, robot)
        self.robot: SimRobot = robot
        self.truck: SimRobot | None = None
        self.want = 0.0
        self.poured = 0.0

    def tick(self, sim: Simulation, dt: float) -> Outcome | None:
        robot, ledger = self.robot, sim.ledger
        robot.command(0.0, 0.0)
        j = robot.joints
        if self.phase == "start":
            if robot.tool != "bucket":
                return Outcome.fail(f"skill_not_supported: {robot.id} has no bucket")
            if ledger.bucket[robot.id] <= EPS:
                return Outcome.fail("bucket_empty: dig before unloading")
            truck, failure = self._find_truck(sim)
            if failure:
                return Outcome.fail(failure)
            if truck is None:
                self.message = "waiting for a truck to arrive within reach"
                return None
            self.truck = truck
            robot.pour_into = truck.id
            self.phase = "raise"
        truck = self.truck
        assert truck is not None
        if math.hypot(truck.x - robot.x, truck.y - robot.y) > robot.model.reach + EPS:
            return Outcome.fail(f"truck_left: {truck.id} moved out of reach")
        if self.phase == "raise":
            j.command({"boom": BOOM_DUMP, "bucket": BUCKET_CARRY})
            self.progress = 0.2 * j.fraction("boom", BOOM_CARRY, BOOM_DUMP)
            self.message = f"swinging over {truck.id}"
            if not j.at({"boom": BOOM_DUMP, "bucket": BUCKET_CARRY}):
                return None
            self.want = ledger.bucket[robot.id]
            truck.receiving_from = robot.id
            self.phase = "pour"
        if self.phase == "pour":
            j.command({"bucket": BUCKET_OPEN})
            f = j.fraction("bucket", BUCKET_CARRY, BUCKET_OPEN)
            self.poured = self.want - ledger.bucket[robot.id]
            self.progress = 0.2 + 0.5 * f
            self.message = f"pouring into {truck.id}: {self.poured:.2f} m3"
            if not j.at({"bucket": BUCKET_OPEN}):
                return None
            truck.receiving_from = None
            if self.poured > EPS:
                truck.loaded_here = True
            self.phase = "return"
        if self.phase == "return":
            j.command({"boom": BOOM_CARRY, "bucket": BUCKET_CARRY})
            self.progress = 0.7 + 0.3 * j.fraction("bucket", BUCKET_OPEN, BUCKET_CARRY)
            self.message = "returning the bucket"
            if not j.at({"boom": BOOM_CARRY, "bucket": BUCKET_CARRY}):
                return None
            if self.poured <= EPS:
                return Outcome.fail(f"truck_full: {truck.id} took no soil")
            self.progress = 1.0
            left = ledger.bucket[robot.id]
            extra = f", {left:.2f} m3 left in the bucket (bed full)" if left > EPS else ""
            return Outcome.ok(f"poured {self.poured:.2f} m3 into {truck.id}{extra}")
        return None

    def _find_truck(self, sim: Simulation) -> tuple[SimRobot | None, str]:
        robot = self.robot
        reach = robot.model.reach
        trucks = [r for r in sim.robot_list if r.tool == "bed" and not r.broken]
        goal = self.goal
        if goal is not None and goal.partner_ids:
            named = [r for r in trucks if r.id in goal.partner_ids]
            trucks = named or trucks
        near = [
            r for r in trucks
            if not r.driving and math.hypot(r.x - robot.x, r.y - robot.y) <= reach and abs(r.v) < 1e-6
        ]
        room = [r for r in near if sim.ledger.bed[r.id] < r.model.bed_capacity - EPS]
        if room:
            room.sort(key=lambda r: (
                not isinstance(r.controller, LoadController), math.hypot(r.x - robot.x, r.y - robot.y), r.id,
            ))
            return room[0], ""
        partners = set(goal.partner_ids) if goal is not None else set()
        coming = [
            r for r in trucks
            if (r.driving and r.reserved is not None
                and math.hypot(r.reserved[0] - robot.x, r.reserved[1] - robot.y) <= reach)
            # A named partner sent to this robot in the same step may not have picked its
            # parking spot yet (controllers tick in fleet order): it is on its way.
            or (r.id in partners and isinstance(r.controller, NavigateController) and r.reserved is None)
        ]
        if coming:
            return None, ""
        if near:
            return None, "truck_full: every truck in reach has a full bed"
        return None, f"no_truck_in_reach: no dump truck within {reach:.1f} m of {robot.id}"

    def release(self, sim: Simulation) -> None:
        self.robot.pour_into = None
        if self.truck is not None and self.truck.receiving_from == self.robot.id:
            self.truck.receiving_from = None


class LoadController(Controller):
    """The truck's side of loading: bed down, wait until an adjacent excavator has poured.

    Success: soil was poured into this truck's bed since it last moved or dumped and no
    pour is still going on (or the bed is already full). Waits otherwise; the engine's
    timeout bounds the wait.
    """

    def __init__(self, goal: SkillGoal, robot: SimRobot):
        super().__init__(goal, robot)
        self.robot: SimRobot = robot

    def tick(self, sim: Simulation, dt: float) -> Outcome | None:
        robot = self.robot
        robot.command(0.0, 0.0)
        if robot.tool != "bed":
            return Outcome.fail(f"skill_not_supported: {robot.id} has no bed")
        robot.joints.command({"bed": BED_DOWN})
        held = sim.ledger.bed[robot.id]
        if robot.receiving_from is not None:
            self.progress = 0.5
            self.message = f"being loaded by {robot.receiving_from}"
            return None
        if robot.loaded_here and held > EPS and robot.joints.at({"bed": BED_DOWN}):
            self.progress = 1.0
            return Outcome.ok(f"bed holds {held:.2f} m3")
        if held >= robot.model.bed_capacity - EPS:
            return Outcome.ok("bed already full")
        self.message = "waiting for an excavator to pour"
        return None


class DumpController(Controller):
    """Raise the bed, let the soil slide out at the truck's location, lower the bed.

    The controller only moves the bed; soil leaves it by joint physics
    (:mod:`dart_planner.sim.tools`) in proportion to the tilt beyond the spill angle and is
    booked to the dump site the truck stands at. Success: bed empty and lowered.
    """

    def __init__(self, goal: SkillGoal, robot: SimRobot):
        super().__init__(goal, robot)
        self.robot: SimRobot = robot
        self.initial = 0.0

    def tick(self, sim: Simulation, dt: float) -> Outcome | None:
        robot, ledger = self.robot, sim.ledger
        robot.command(0.0, 0.0)
        j = robot.joints
        if self.phase == "start":
            if robot.tool != "bed":
                return Outcome.fail(f"skill_not_supported: {robot.id} has no bed")
            self.initial = ledger.bed[robot.id]
            if self.initial <= EPS and sim.config.fail_dump_when_empty:
                return Outcome.fail("bed_empty: nothing to dump")
            self.phase = "raise"
        if self.phase == "raise":
            j.command({"bed": BED_RAISED})
            self.progress = 0.6 * j.fraction("bed", BED_DOWN, BED_RAISED)
            self.message = f"tipping: {ledger.bed[robot.id]:.2f} m3 left in the bed"
            if not j.at({"bed": BED_RAISED}):
                return None
            self.phase = "lower"
        if self.phase == "lower":
            j.command({"bed": BED_DOWN})
            self.progress = 0.6 + 0.4 * j.fraction("bed", BED_RAISED, BED_DOWN)
            self.message = "lowering the bed"
            if not j.at({"bed": BED_DOWN}):
                return None
            robot.loaded_here = False
            self.progress = 1.0
            released = self.initial - ledger.bed[robot.id]
            if released <= EPS:
                return Outcome.ok("bed was empty: nothing dumped")
            return Outcome.ok(f"dumped {released:.2f} m3 at {sim.dump_location(robot.x, robot.y)}")
        return None


class KeepOutController(Controller):
    """Add or lift a keep-out zone, for some robots or all.

    Adding a zone around a robot that stands in it: the robot is first moved out the
    shortest way (an internal manoeuvre, no goal of its own) and the goal succeeds when
    every robot the zone applies to is clear of it. A robot inside that cannot move (broken,
    or busy digging/loading/dumping there) makes the goal FAIL with ``robot_in_zone`` and
    the zone change is rolled back, so no robot is ever left inside a zone in force for it.
    """

    def __init__(self, goal: SkillGoal, zone: KeepOutZone | None, name: str):
        super().__init__(goal, None)
        self.zone = zone
        self.name = name
        self.backup: tuple[KeepOutZone | None, set[str]] | None = None

    @property
    def in_place(self) -> bool:
        return False

    def tick(self, sim: Simulation, dt: float) -> Outcome | None:
        goal = self.goal
        assert goal is not None
        zones = sim.zones
        if goal.action is SkillAction.REMOVE_KEEPOUT:
            return self._remove(sim)
        zone = self.zone
        assert zone is not None
        if self.phase == "start":
            self.backup = (zones.zones.get(zone.name), set(zones.pending.get(zone.name, set())))
            inside = [
                r.id for r in sim.robot_list
                if zone.applies_to(r.id) and footprint_overlap(zone, r.x, r.y, r.body) > 0.0
            ]
            zones.put(zone, inside)
            self.phase = "clear"
        pending = sorted(zones.pending.get(zone.name, set()))
        if not pending:
            self.progress = 1.0
            who = "all robots" if not zone.robots else ", ".join(sorted(zone.robots))
            return Outcome.ok(f"keep-out {zone.name} (r={zone.radius:.1f} m) in force for {who}")
        for rid in pending:
            robot = sim.robots[rid]
            busy = robot.controller
            stuck = "broken" if robot.broken else (
                f"busy with {busy.goal.action.value}"
                if busy is not None and busy.in_place and busy.goal is not None
                else ""
            )
            if not stuck and robot.evict_failure:
                stuck = f"cannot get out ({robot.evict_failure})"
            if stuck:
                self.rollback(sim)
                return Outcome.fail(f"robot_in_zone: {rid} is inside {zone.name} and {stuck}")
            if robot.controller is None and robot.evictor is None:
                robot.evict_failure = ""
                robot.evictor = NavigateController(
                    None, robot, zone.x, zone.y, zone.radius, "", face_target=False
                )
        self.message = "moving out of the zone: " + ", ".join(pending)
        self.progress = 0.5
        return None

    def _remove(self, sim: Simulation) -> Outcome:
        zones = sim.zones
        goal = self.goal
        assert goal is not None
        old = zones.zones.get(self.name)
        if old is None:
            return Outcome.ok(f"no keep-out named {self.name}: nothing to lift")
        robots = frozenset(goal.applies_to) or (frozenset({goal.robot_id}) if goal.robot_id else frozenset())
        left = zones.narrowed(self.name, robots)
        if left is None:
            zones.remove(self.name)
            return Outcome.ok(f"keep-out {self.name} lifted")
        pending = zones.pending[self.name] & left
        zones.restore(self.name, KeepOutZone(old.name, old.x, old.y, old.radius, left), pending)
        return Outcome.ok(f"keep-out {self.name} lifted for {', '.join(sorted(robots))}")

    def rollback(self, sim: Simulation) -> None:
        if self.backup is not None and self.zone is not None:
            sim.zones.restore(self.zone.name, *self.backup)
            self.backup = None

    def release(self, sim: Simulation) -> None:
        # Ended before every robot was clear (cancel, e-stop, injected failure): undo.
        if self.phase == "clear" and self.zone is not None and sim.zones.pending.get(self.zone.name):
            self.rollback(sim)
