"""Where the soil is: piles, buckets, beds and dump sites, moved only by transfers.

Every change of soil is a transfer between two places of this ledger, so the total is
conserved by construction and a test can check it exactly over a whole run. Digging the
ground (no pile in reach) takes soil out of the ground, booked as ``excavated`` volume at
that place: piles + buckets + beds + dumped - excavated is what stays constant.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.world import WorldObject
from .state import DumpRecord

__all__ = ["SoilLedger", "dump_location"]


@dataclass
class _OpenDump:
    robot_id: str
    x: float
    y: float
    location: str
    volume: float
    time: float


def dump_location(x: float, y: float, objects: Iterable[WorldObject], near_distance: float) -> str:
    """Name the place of a dump: the nearest object whose edge is within ``near_distance``.

    Plans say "dump at the puddle", so booking dumps by object name lets a test check the
    plan's goal directly; dumps in the open are booked by rounded coordinates.
    """
    best, best_gap = None, near_distance
    for o in objects:
        gap = math.hypot(x - o.x, y - o.y) - o.radius
        if gap <= best_gap:
            best, best_gap = o.name, gap
    return best if best is not None else f"({x:.0f},{y:.0f})"


class SoilLedger:
    """Soil volumes (m^3) by place; transfers clip to what the source holds and the sink takes."""

    def __init__(self, piles: Mapping[str, float], buckets: Iterable[str], beds: Iterable[str]):
        self.piles: dict[str, float] = dict(piles)
        self.bucket: dict[str, float] = {r: 0.0 for r in buckets}
        self.bed: dict[str, float] = {r: 0.0 for r in beds}
        self.dumped: dict[str, float] = {}
        self.excavated: dict[str, float] = {}
        self._dumps: list[_OpenDump] = []

    def total(self) -> float:
        return (
            sum(self.piles.values()) + sum(self.bucket.values()) + sum(self.bed.values())
            + sum(self.dumped.values()) - sum(self.excavated.values())
        )

    def pile_to_bucket(self, pile: str, robot: str, amount: float, capacity: float) -> float:
        moved = max(0.0, min(amount, self.piles[pile], capacity - self.bucket[robot]))
        self.piles[pile] -= moved
        self.bucket[robot] += moved
        return moved

    def ground_to_bucket(self, location: str, robot: str, amount: float, capacity: float) -> float:
        moved = max(0.0, min(amount, capacity - self.bucket[robot]))
        self.excavated[location] = self.excavated.get(location, 0.0) + moved
        self.bucket[robot] += moved
        return moved

    def bucket_to_bed(self, excavator: str, truck: str, amount: float, bed_capacity: float) -> float:
        moved = max(0.0, min(amount, self.bucket[excavator], bed_capacity - self.bed[truck]))
        self.bucket[excavator] -= moved
        self.bed[truck] += moved
        return moved

    def open_dump(self, truck: str, x: float, y: float, location: str, time: float) -> int:
        """Start a dump record; returns its index for :meth:`bed_to_dump`."""
        self._dumps.append(_OpenDump(truck, x, y, location, 0.0, time))
        return len(self._dumps) - 1

    def bed_to_dump(self, truck: str, record: int, amount: float) -> float:
        moved = max(0.0, min(amount, self.bed[truck]))
        rec = self._dumps[record]
        self.bed[truck] -= moved
        rec.volume += moved
        self.dumped[rec.location] = self.dumped.get(rec.location, 0.0) + moved
        return moved

    def dumps(self) -> tuple[DumpRecord, ...]:
        return tuple(DumpRecord(d.robot_id, d.x, d.y, d.location, d.volume, d.time) for d in self._dumps)

    def payload(self, robot: str) -> float:
        return self.bucket.get(robot, self.bed.get(robot, 0.0))
