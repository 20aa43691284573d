"""Soil moved by tool joints: the one place where the bucket and the bed touch soil.

Soil moves because joints move, never because a skill says so: a bucket curling
(open -> carry) with the boom at digging height scoops from the pile in reach (or the
ground); a bucket opening with the boom raised pours into an adjacent truck's bed; a bed
tipping past its spill angle empties at the truck's location. :meth:`Simulation._physics`
calls :func:`move_soil` after every joint step, so the internal skill controllers (which
only command joints) and external control (``joint_command`` from a ROS actuation node)
move soil by the same physics.

Every transfer is memoryless: each step moves the fraction of what is left that the joint
covered of the way left (``held * step / remaining travel``), so a full curl from open to
carry fills an empty bucket exactly, a full opening empties it exactly, and a stroke
interrupted half-way leaves half.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .robots import SimRobot

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = [
    "BOOM_DIG", "BOOM_CARRY", "BOOM_DUMP", "BUCKET_OPEN", "BUCKET_CARRY",
    "BED_DOWN", "BED_RAISED", "BED_SPILL",
    "BOOM_IN_GROUND", "BOOM_OVER_BED", "TRAVEL_POSE", "move_soil", "pile_in_reach", "truck_under_bucket",
]

# Joint set-points (rad), the tool conventions of the simulated machines (and of the Gazebo
# models generated from them). The travel pose (boom and bucket carried, bed down) is
# required before driving, as on a real site.
BOOM_DIG, BOOM_CARRY, BOOM_DUMP = -0.4, 0.5, 0.8
BUCKET_OPEN, BUCKET_CARRY = -0.5, 1.0
BED_DOWN, BED_RAISED, BED_SPILL = 0.0, 0.9, 0.35
BOOM_IN_GROUND = BOOM_DIG + 0.1
"""Boom at or below this: the bucket edge is in the soil, so curling scoops."""
BOOM_OVER_BED = BOOM_DUMP - 0.1
"""Boom at or above this: the bucket is over a truck's bed rails, so opening pours."""
TRAVEL_POSE = {"boom": BOOM_CARRY, "bucket": BUCKET_CARRY, "bed": BED_DOWN}
TRUCK_STILL = 0.05
"""A truck rolling faster than this (m/s) is not poured into: the soil would miss the bed."""
EPS = 1e-12


def _clip(v: float, lo: float, hi: float) -> float:
    return lo if v < lo else hi if v > hi else v


def move_soil(sim: Simulation, robot: SimRobot, before: Mapping[str, float]) -> None:
    """Move the soil that ``robot``'s joint motion from ``before`` to now carried."""
    pos = robot.joints.position
    if robot.tool == "bucket" and "bucket" in pos and "boom" in pos:
        old, new = before.get("bucket", pos["bucket"]), pos["bucket"]
        if new > old and pos["boom"] <= BOOM_IN_GROUND:
            _scoop(sim, robot, old, new)
        elif new < old and pos["boom"] >= BOOM_OVER_BED:
            _pour(sim, robot, old, new)
    elif robot.tool == "bed" and "bed" in pos:
        old, new = before.get("bed", pos["bed"]), pos["bed"]
        if new > old:
            _tip(sim, robot, old, new)
        if new < BED_SPILL:
            robot.dump_record = -1  # the bed is back down: the next tip is a new dump


def _scoop(sim: Simulation, robot: SimRobot, old: float, new: float) -> None:
    lo, hi = _clip(old, BUCKET_OPEN, BUCKET_CARRY), _clip(new, BUCKET_OPEN, BUCKET_CARRY)
    if hi - lo <= EPS:
        return
    ledger = sim.ledger
    cap = robot.model.bucket_capacity
    room = cap - ledger.bucket[robot.id]
    if room <= EPS:
        return
    amount = room * (hi - lo) / (BUCKET_CARRY - lo)
    pile = robot.dig_pile if robot.dig_pile is not None else pile_in_reach(sim, robot)
    if pile:
        ledger.pile_to_bucket(pile, robot.id, amount, cap)
    elif sim.config.dig_anywhere:
        ledger.ground_to_bucket(sim.dump_location(robot.x, robot.y), robot.id, amount, cap)


def _pour(sim: Simulation, robot: SimRobot, old: float, new: float) -> None:
    lo, hi = _clip(new, BUCKET_OPEN, BUCKET_CARRY), _clip(old, BUCKET_OPEN, BUCKET_CARRY)
    held = sim.ledger.bucket[robot.id]
    if hi - lo <= EPS or held <= EPS:
        return
    truck = truck_under_bucket(sim, robot)
    if truck is None:
        return  # nothing under the bucket takes soil: it stays in (never vanishes)
    amount = held * (hi - lo) / (hi - BUCKET_OPEN)
    if sim.ledger.bucket_to_bed(robot.id, truck.id, amount, truck.model.bed_capacity) > EPS:
        truck.loaded_here = True


def _tip(sim: Simulation, robot: SimRobot, old: float, new: float) -> None:
    lo, hi = _clip(old, BED_SPILL, BED_RAISED), _clip(new, BED_SPILL, BED_RAISED)
    ledger = sim.ledger
    held = ledger.bed[robot.id]
    if hi - lo <= EPS or held <= EPS:
        return
    if robot.dump_record < 0:
        where = sim.dump_location(robot.x, robot.y)
        robot.dump_record = ledger.open_dump(robot.id, robot.x, robot.y, where, sim.time)
    ledger.bed_to_dump(robot.id, robot.dump_record, held * (hi - lo) / (BED_RAISED - lo))


def pile_in_reach(sim: Simulation, robot: SimRobot, wanted: str | None = None) -> str:
    """The soil pile ``robot``'s bucket reaches ('' = none): ``wanted`` if it is a pile, else the nearest.

    Reach is measured from the excavator's centre to the pile's edge
    (``RobotModel.dig_reach``). An empty pile in reach is still returned: digging there
    scoops nothing rather than silently digging the ground next to it.
    """
    piles = sim.ledger.piles
    names = [wanted] if wanted is not None and wanted in piles else list(piles)
    best, best_gap = "", math.inf
    for name in names:
        o = sim.world.objects[name]
        gap = math.hypot(robot.x - o.x, robot.y - o.y) - o.radius
        if gap <= robot.model.dig_reach and gap < best_gap:
            best, best_gap = name, gap
    return best


def truck_under_bucket(sim: Simulation, robot: SimRobot) -> SimRobot | None:
    """The truck a raised bucket pours into: ``robot.pour_into`` if in reach, else the nearest with room."""
    reach = robot.model.reach + 1e-9
    ledger = sim.ledger
    candidates = []
    for other in sim.robot_list:
        if other.tool != "bed" or other.broken or abs(other.v) > TRUCK_STILL:
            continue
        d = math.hypot(other.x - robot.x, other.y - robot.y)
        if d > reach:
            continue
        if other.id == robot.pour_into:
            return other
        if ledger.bed[other.id] < other.model.bed_capacity - 1e-9:
            candidates.append((d, other.id, other))
    return min(candidates)[2] if candidates else None
