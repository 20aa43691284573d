"""Where a robot should stop next to a target, and how it follows a planned path.

Approach points sit on a ring around the target (object radius + body radius + a gap), on
the side nearest the robot, spaced from other robots' parking spots, outside every zone in
force for the robot; the ring widens when no spot is free. An excavator and a truck going
to the same pile prefer spots within pouring reach of each other, so a later unload finds
its truck adjacent. Following uses pure pursuit on the path (the path tracking shared with the
actuation layer, :mod:`dart_planner.core.pursuit`), turning in place when the path turns
sharply and backing up for short manoeuvres (leaving a zone).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..core.geometry import wrap_angle
from ..core.pursuit import PolylinePursuit
from ..core.world import Bounds
from .pathing import Disc, Point
from .robots import SimRobot

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = ["obstacle_discs", "approach_candidates", "spot_is_free", "PathFollower", "inset_box"]


def inset_box(bounds: Bounds, margin: float) -> Bounds:
    return Bounds(bounds.xmin + margin, bounds.ymin + margin, bounds.xmax - margin, bounds.ymax - margin)


def obstacle_discs(
    sim: Simulation, robot: SimRobot, blockers: Iterable[str] = (), crowded: bool = False
) -> list[Disc]:
    """What ``robot`` must plan around: zones for it, solid objects, parked robots.

    Robots that are driving are left out (they will have moved by the time this robot gets
    there). When ``crowded`` (replanning after being held up), driving robots standing still
    nearby (waiting for someone, turning in place) count as parked too, so the new path
    does not lead into the next robot of a jam; ``blockers`` are always in.
    """
    cfg = sim.config
    body = robot.body + cfg.planning_clearance
    discs = [Disc(z.x, z.y, z.radius + body, "zone:" + z.name) for z in sim.zones.applying_to(robot.id)]
    discs.extend(Disc(o.x, o.y, o.radius + body, o.name) for o in sim.solid_objects)
    block = set(blockers)
    for other in sim.robot_list:
        if other is robot:
            continue
        near = math.hypot(other.x - robot.x, other.y - robot.y) < 8.0
        near_still = crowded and abs(other.v) < 0.05 and near
        if not other.driving or other.id in block or near_still:
            clearance = cfg.robot_clearance
            if other.driving and other.index < robot.index:
                # Plan outside the berth this robot must keep from a higher-priority robot
                # (see Simulation._guard), or the path itself would be vetoed.
                clearance = max(clearance, cfg.yield_margin + cfg.give_way_margin + 0.2)
            discs.append(Disc(other.x, other.y, other.body + robot.body + clearance, "robot:" + other.id))
    return discs


def spot_is_free(sim: Simulation, robot: SimRobot, x: float, y: float) -> bool:
    """Whether ``robot`` may park at (x, y): in the fence, clear of zones, objects, robots."""
    cfg = sim.config
    body = robot.body
    box = sim.world.bounds
    if not (box.xmin + body <= x <= box.xmax - body and box.ymin + body <= y <= box.ymax - body):
        return False
    clear = body + cfg.planning_clearance + 0.05
    for z in sim.zones.applying_to(robot.id):
        if math.hypot(x - z.x, y - z.y) < z.radius + clear:
            return False
    for o in sim.solid_objects:
        if math.hypot(x - o.x, y - o.y) < o.radius + clear:
            return False
    for other in sim.robot_list:
        if other is robot:
            continue
        need = body + other.body + cfg.parking_gap
        if not other.driving and math.hypot(x - other.x, y - other.y) < need:
            return False
        res = other.reserved
        if res is not None and math.hypot(x - res[0], y - res[1]) < need:
            return False
    return True


def approach_candidates(
    sim: Simulation,
    robot: SimRobot,
    cx: float,
    cy: float,
    radius: float,
    target: str,
    max_rings: int = 10,
    avoid: Sequence[Disc] = (),
) -> list[Point]:
    """Free parking spots around (cx, cy), best first.

    ``radius`` is the target's own radius (0 for a bare point such as a start pose, whose
    first candidate is the point itself). Preference, strongest first: an excavator bound
    for a soil pile stays within digging reach of it; a truck parks within pouring reach of
    every excavator already bound for the same target (it may take an outer ring for that);
    inner rings (stop as close as asked); an excavator near trucks already there; nearest.
    """
    cfg = sim.config
    base = radius + robot.body + cfg.approach_gap if radius > 0 else 0.0
    partners, reach = _partners(sim, robot, target)
    partner_weight = 10000.0 if robot.tool == "bed" else 100.0
    dig_limit = math.inf
    if robot.tool == "bucket" and target in sim.ledger.piles:
        dig_limit = radius + robot.model.dig_reach + 1e-9  # centre distance still within reach
    out: list[tuple[float, Point]] = []
    for ring in range(max_rings):
        rr = base + 0.75 * ring
        if rr <= 1e-9:
            pts: list[Point] = [(cx, cy)]
        else:
            n = max(16, math.ceil(2.0 * math.pi * rr / 0.6))
            step = 2.0 * math.pi / n
            pts = [(cx + rr * math.cos(step * k), cy + rr * math.sin(step * k)) for k in range(n)]
        ring_score = 1000.0 * ring + (20000.0 if rr - robot.body > dig_limit else 0.0)
        for p in pts:
            if not spot_is_free(sim, robot, p[0], p[1]) or any(d.contains(p[0], p[1]) for d in avoid):
                continue
            score = ring_score + math.hypot(p[0] - robot.x, p[1] - robot.y)
            score += partner_weight * sum(math.hypot(p[0] - q[0], p[1] - q[1]) > reach for q in partners)
            out.append((score, p))
        if len(out) >= 6 and min(sc for sc, _ in out) < 1000.0 * (ring + 1):
            break  # nothing further out can beat what we have
    out.sort(key=lambda sp: (sp[0], sp[1]))
    return [p for _, p in out]


def _partners(sim: Simulation, robot: SimRobot, target: str) -> tuple[list[Point], float]:
    """Spots of machines that will exchange soil with ``robot`` at ``target``, and the reach."""
    want = {"bucket": "bed", "bed": "bucket"}.get(robot.tool)
    if want is None:
        return [], 0.0
    pts: list[Point] = []
    reach = robot.model.reach
    for other in sim.robot_list:
        if other is robot or other.tool != want or other.broken:
            continue
        if other.reserved is not None and other.reserved[2] == target:
            pts.append((other.reserved[0], other.reserved[1]))
            reach = max(reach, other.model.reach)
        elif other.at_target == target and not other.driving:
            pts.append((other.x, other.y))
            reach = max(reach, other.model.reach)
    return pts, reach - 0.5


class PathFollower(PolylinePursuit):
    """Pure pursuit along a polyline, with turn-in-place and short reversing."""

    def __init__(self, path: Sequence[Point], lookahead: float, reverse_max: float):
        super().__init__(path, lookahead, switch_radius=0.2)
        self.reverse_max = reverse_max
        self.reverse = False
        self._direction_for = -1

    def command(self, robot: SimRobot, tol: float, dt: float) -> tuple[float, float, bool]:
        """(v, w, arrived) for this control step."""
        path = self.path
        x, y = robot.x, robot.y
        self.advance(x, y)
        gx, gy = path[-1]
        to_goal = math.hypot(gx - x, gy - y)
        if to_goal <= tol:
            return 0.0, 0.0, True
        lx, ly = self.lookahead_point(x, y)
        if self._direction_for != self.seg:
            # Per leg: back up when the leg is short and lies behind (leaving a zone, making
            # room), instead of a slow turn on the spot there and another one back.
            self._direction_for = self.seg
            bx, by = path[self.seg + 1]
            off = wrap_angle(math.atan2(by - y, bx - x) - robot.yaw)
            behind = abs(off) > 0.5 * math.pi
            self.reverse = behind and math.hypot(bx - x, by - y) <= self.reverse_max
        heading = robot.yaw + (math.pi if self.reverse else 0.0)
        alpha = wrap_angle(math.atan2(ly - y, lx - x) - heading)
        wmax = robot.max_turn_rate
        if abs(alpha) > 0.7:
            return 0.0, max(-wmax, min(wmax, 2.0 * alpha)), False
        rem = self.remaining(x, y)
        speed = min(robot.max_speed, math.sqrt(2.0 * robot.model.max_accel * rem) * 0.9, rem / dt)
        speed = min(speed, self.corner_speed(x, y, robot.model.max_brake))
        speed *= max(0.25, math.cos(alpha))
        speed, w = self.steer(speed, alpha, x, y, (lx, ly), wmax)
        return (-speed if self.reverse else speed), w, False
