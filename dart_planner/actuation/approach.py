"""Where a robot should stop next to its target, and what it must plan around.

The same rules as the built-in simulator's navigation, from what an actuation node knows
(the world model, the zones in force, other robots' odometry) instead of simulator
internals: stop on a ring around the target (its radius + the body + a gap), on the side
nearest the robot, outside every zone and object, apart from parked robots; an excavator
bound for a pile stays within digging reach of it, and a truck and an excavator at the same
place prefer spots within pouring reach of each other, so a later unload finds its truck
adjacent. Paths come from :func:`dart_planner.sim.pathing.plan_path` (pure geometry).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from ..core.geometry import Pose2D
from ..core.world import Bounds, KeepOutZone, World
from ..sim.pathing import Disc, Point, plan_path
from .model import MachineSpec, NavOptions, PeerState
from .refusal import Target

__all__ = ["inset_box", "obstacle_discs", "approach_spots", "plan_route"]

NEAR_TARGET_M = 8.0
"""Robots parked within this distance of the target's edge are at the same place."""


def inset_box(bounds: Bounds, margin: float) -> Bounds:
    return Bounds(bounds.xmin + margin, bounds.ymin + margin, bounds.xmax - margin, bounds.ymax - margin)


def _parked(p: PeerState, opts: NavOptions) -> bool:
    return abs(p.v) < opts.settle_speed


def obstacle_discs(
    spec: MachineSpec,
    world: World,
    zones: Iterable[KeepOutZone],
    peers: Iterable[PeerState],
    opts: NavOptions,
    all_peers: bool = False,
) -> list[Disc]:
    """Discs the robot's centre must stay out of: zones for it, solid objects, robots.

    Zones and objects are inflated by the body plus ``opts.clearance``; other robots by both
    bodies plus ``opts.robot_clearance``. Moving robots are left out (they will have moved
    on) unless ``all_peers`` (replanning after being held up).
    """
    body = spec.body_radius + opts.clearance
    discs = [Disc(z.x, z.y, z.radius + body, "zone:" + z.name) for z in zones if z.applies_to(spec.robot_id)]
    discs.extend(
        Disc(o.x, o.y, o.radius + body, o.name) for o in world.objects.values() if o.kind in opts.solid_kinds
    )
    for p in peers:
        if all_peers or _parked(p, opts):
            r = p.body_radius + spec.body_radius + opts.robot_clearance
            discs.append(Disc(p.pose.x, p.pose.y, r, "robot:" + p.robot_id))
    return discs


def approach_spots(
    spec: MachineSpec,
    here: Pose2D,
    target: Target,
    world: World,
    discs: Sequence[Disc],
    peers: Iterable[PeerState],
    opts: NavOptions,
    max_rings: int = 10,
) -> list[Point]:
    """Free stopping points around ``target``, best first.

    Preference, strongest first: a truck within pouring reach of excavators parked at the
    target (and an excavator near parked trucks, weaker); an excavator within digging reach
    of a soil pile it is bound for; inner rings; nearest to the robot.
    """
    box = inset_box(world.bounds, spec.body_radius + 0.05)
    base = target.radius + spec.body_radius + opts.approach_gap if target.radius > 0 else 0.0
    parked = [p for p in peers if _parked(p, opts)]
    partner_tool = {"bucket": "bed", "bed": "bucket"}.get(spec.tool)
    near = target.radius + NEAR_TARGET_M
    # Only at a named site object (a pile, a dump site): going home or to a bare point is
    # no soil exchange, and a robot parked next to the start must not pull the spot away.
    at_object = target.name in world.objects
    partners = [
        p
        for p in parked
        if at_object
        and p.tool == partner_tool
        and math.hypot(p.pose.x - target.x, p.pose.y - target.y) <= near
    ]
    reach = max([spec.reach] + [p.reach for p in partners]) - 0.5
    partner_weight = 10000.0 if spec.tool == "bed" else 100.0
    obj = world.objects.get(target.name)
    digs_here = spec.tool == "bucket" and obj is not None and obj.kind == "soil"
    out: list[tuple[float, Point]] = []
    for ring in range(max_rings):
        rr = base + 0.75 * ring
        if rr <= 1e-9:
            pts: list[Point] = [(target.x, target.y)]
        else:
            n = max(16, math.ceil(2.0 * math.pi * rr / 0.6))
            step = 2.0 * math.pi / n
            pts = [(target.x + rr * math.cos(step * k), target.y + rr * math.sin(step * k)) for k in range(n)]
        ring_score = 1000.0 * ring + (20000.0 if digs_here and rr - target.radius > spec.dig_reach else 0.0)
        for x, y in pts:
            if not (box.xmin <= x <= box.xmax and box.ymin <= y <= box.ymax):
                continue
            if any(d.contains(x, y) for d in discs):
                continue
            if any(
                math.hypot(x - p.pose.x, y - p.pose.y) < spec.body_radius + p.body_radius + opts.parking_gap
                for p in parked
            ):
                continue
            score = ring_score + math.hypot(x - here.x, y - here.y)
            score += partner_weight * sum(math.hypot(x - p.pose.x, y - p.pose.y) > reach for p in partners)
            out.append((score, (x, y)))
        if len(out) >= 6 and min(sc for sc, _ in out) < 1000.0 * (ring + 1):
            break  # nothing further out can beat what we have
    out.sort(key=lambda sp: (sp[0], sp[1]))
    return [p for _, p in out]


def plan_route(
    spec: MachineSpec,
    here: Pose2D,
    target: Target,
    world: World,
    zones: Sequence[KeepOutZone],
    peers: Mapping[str, PeerState],
    opts: NavOptions,
    keep: Point | None = None,
    crowded: bool = False,
) -> tuple[Point | None, list[Point] | None, str]:
    """(spot, path, failure): where to stop and how to get there, or why not.

    ``keep`` is the spot chosen before (kept when still free, so a replan does not make the
    robot wander between spots). Other robots only ever delay a robot: when parked robots
    alone wall it in, the path goes through them and the safety layer makes it wait there.
    """
    discs = obstacle_discs(spec, world, zones, peers.values(), opts, all_peers=crowded)
    spots: list[Point] = []
    if keep is not None and not any(d.contains(*keep) for d in discs):
        spots.append(keep)
    spots.extend(approach_spots(spec, here, target, world, discs, peers.values(), opts)[:6])
    if not spots:
        return None, None, "no_free_approach_point: every spot next to the target is blocked"
    box = inset_box(world.bounds, spec.body_radius + 0.05)
    static = [d for d in discs if not d.tag.startswith("robot:")]
    for obstacles in (discs, static) if len(static) < len(discs) else (discs,):
        for spot in spots:
            path = plan_path((here.x, here.y), spot, obstacles, box, opts.polygon_sides, here.yaw)
            if path is not None:
                return spot, path, ""
    return None, None, "no_path: every approach point is cut off by zones, objects or the fence"
