"""Keep-out zones in force, and for which robots each one is already binding.

A zone added around a robot cannot bind that robot at once (it is already inside); it
becomes binding for the robot the moment the robot's body is clear of it. Until then the
robot is "pending": the planner gets it out the shortest way and nothing counts as a
violation; from then on the safety layer vetoes any motion into it and any overlap is a
violation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..core.world import KeepOutZone

__all__ = ["ZoneSet", "footprint_overlap"]


def footprint_overlap(zone: KeepOutZone, x: float, y: float, body_radius: float) -> float:
    """How deep (m) a body of ``body_radius`` at (x, y) reaches into ``zone``; <= 0 = clear."""
    return zone.radius + body_radius - math.hypot(x - zone.x, y - zone.y)


class ZoneSet:
    """Mutable set of zones by name, with a version that changes on every edit.

    Navigation replans when the version it planned with is stale.
    """

    def __init__(self, zones: Iterable[KeepOutZone], robot_ids: Iterable[str]):
        self.robot_ids: tuple[str, ...] = tuple(robot_ids)
        self.zones: dict[str, KeepOutZone] = {}
        self.pending: dict[str, set[str]] = {}
        """Zone name -> robots it applies to but does not bind yet (they are inside)."""
        self.version = 0
        self.release_count = 0
        """Bumped when a pending robot becomes bound (guards cache per (version, release_count))."""
        for z in zones:
            self.zones[z.name] = z
            self.pending[z.name] = set()

    def all(self) -> tuple[KeepOutZone, ...]:
        return tuple(self.zones.values())

    def applying_to(self, robot_id: str) -> list[KeepOutZone]:
        return [z for z in self.zones.values() if z.applies_to(robot_id)]

    def binding_for(self, robot_id: str) -> list[KeepOutZone]:
        return [
            z for z in self.zones.values() if z.applies_to(robot_id) and robot_id not in self.pending[z.name]
        ]

    def put(self, zone: KeepOutZone, inside: Iterable[str]) -> None:
        """Install ``zone`` (replacing one of the same name); ``inside`` robots start pending."""
        self.zones[zone.name] = zone
        self.pending[zone.name] = {r for r in inside if zone.applies_to(r)}
        self.version += 1

    def remove(self, name: str) -> None:
        if name in self.zones:
            del self.zones[name]
            del self.pending[name]
            self.version += 1

    def restore(self, name: str, zone: KeepOutZone | None, pending: set[str]) -> None:
        """Undo an edit (an add that could not clear the robots inside)."""
        if zone is None:
            self.remove(name)
        else:
            self.zones[name] = zone
            self.pending[name] = set(pending)
            self.version += 1

    def release(self, name: str, robot_id: str) -> None:
        """``robot_id`` is clear of zone ``name``: from now on the zone binds it."""
        self.pending[name].discard(robot_id)
        self.release_count += 1

    def widened(self, name: str, robots: frozenset[str]) -> frozenset[str]:
        """The robot set after also applying zone ``name`` to ``robots`` (empty = all)."""
        old = self.zones.get(name)
        if old is None:
            return robots
        if not robots or not old.robots:
            return frozenset()
        return old.robots | robots

    def narrowed(self, name: str, robots: frozenset[str]) -> frozenset[str] | None:
        """The robot set after lifting zone ``name`` for ``robots``; None = zone goes away.

        A zone for all robots lifted for some becomes a zone for the others (the zone type
        has no "all except" form, and the fleet is fixed for a run).
        """
        old = self.zones[name]
        if not robots:
            return None
        current = old.robots or frozenset(self.robot_ids)
        left = current - robots
        return left if left else None
