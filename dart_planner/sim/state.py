"""Frozen snapshots of the simulated site, the simulator's only public view of itself.

Tests, the renderer, the run report and (later) the ROS sim node read these, never the
simulator's mutable internals, so a snapshot taken at time t stays true after the run goes on.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..core.fleet import SkillAction
from ..core.geometry import Pose2D
from ..core.world import KeepOutZone

__all__ = [
    "RobotStatus",
    "RobotState",
    "DumpRecord",
    "CollisionEvent",
    "KeepOutViolation",
    "GeofenceViolation",
    "SiteState",
]


class RobotStatus(str, enum.Enum):
    OK = "ok"
    BROKEN = "broken"


@dataclass(frozen=True)
class RobotState:
    id: str
    type: str
    pose: Pose2D
    linear_velocity: float
    angular_velocity: float
    joints: Mapping[str, float]
    payload: float
    """Soil carried (m^3): bucket for excavators, bed for trucks, 0 for others."""
    capacity: float
    status: RobotStatus
    body_radius: float
    goal_id: str | None = None
    action: SkillAction | None = None
    speed_factor: float = 1.0
    tool: str = ""
    """"bucket" (excavators), "bed" (trucks) or "" (no soil tool): what ``payload`` is in."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "joints", MappingProxyType(dict(self.joints)))

    @property
    def moving(self) -> bool:
        return abs(self.linear_velocity) > 1e-9 or abs(self.angular_velocity) > 1e-9


@dataclass(frozen=True)
class DumpRecord:
    """Soil a truck tipped out: where, how much, next to which object (if any)."""

    robot_id: str
    x: float
    y: float
    location: str
    volume: float
    time: float


@dataclass(frozen=True)
class CollisionEvent:
    """Two bodies touched (robot-robot, or robot-object); recorded when contact begins."""

    time: float
    a: str
    b: str
    kind: str = "robot"


@dataclass(frozen=True)
class KeepOutViolation:
    """A robot's body overlapped a keep-out zone in force for it; must never happen."""

    time: float
    robot_id: str
    zone: str
    depth: float


@dataclass(frozen=True)
class GeofenceViolation:
    time: float
    robot_id: str
    x: float
    y: float


@dataclass(frozen=True)
class SiteState:
    """Everything observable about the site at ``time`` (simulated seconds)."""

    time: float
    robots: Mapping[str, RobotState]
    piles: Mapping[str, float]
    """Remaining soil volume per pile (m^3)."""
    dumps: tuple[DumpRecord, ...]
    dumped: Mapping[str, float]
    """Total dumped volume per location (nearest object name, or "(x,y)")."""
    keep_out: tuple[KeepOutZone, ...]
    collisions: tuple[CollisionEvent, ...] = ()
    keepout_violations: tuple[KeepOutViolation, ...] = ()
    geofence_violations: tuple[GeofenceViolation, ...] = ()
    excavated: Mapping[str, float] = field(default_factory=dict)
    """Soil dug out of the ground (no pile in reach) per location (m^3)."""
    guard_stops: Mapping[str, int] = field(default_factory=dict)
    """How often the safety layer had to veto a motion, by cause (keep_out, geofence,
    object); the planner and controllers should keep these at zero."""

    def __post_init__(self) -> None:
        for name in ("robots", "piles", "dumped", "excavated", "guard_stops"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def robot(self, robot_id: str) -> RobotState:
        return self.robots[robot_id]

    @property
    def bed_loads(self) -> Mapping[str, float]:
        return MappingProxyType({r.id: r.payload for r in self.robots.values() if r.tool == "bed"})

    @property
    def bucket_loads(self) -> Mapping[str, float]:
        return MappingProxyType({r.id: r.payload for r in self.robots.values() if r.tool == "bucket"})

    @property
    def total_soil(self) -> float:
        """Piles + buckets + beds + dumped - dug from the ground: constant over a run."""
        carried = sum(r.payload for r in self.robots.values())
        return sum(self.piles.values()) + carried + sum(self.dumped.values()) - sum(self.excavated.values())

    @property
    def safe(self) -> bool:
        """No collision, no keep-out or geofence violation so far."""
        return not (self.collisions or self.keepout_violations or self.geofence_violations)
