"""What an actuation controller knows: its machine, its sensors, its tunables, its output.

Everything here is plain data, filled by the actuation node from ROS messages (through
``dart_planner.nodes.conversions``) or by a test by hand, so every controller runs and is
tested without ROS.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..core.actuation import Outcome
from ..core.fleet import Robot
from ..core.geometry import Pose2D
from ..sim.config import RobotModel

__all__ = ["MachineSpec", "OdomSample", "JointSample", "PeerState", "NavOptions", "Outcome", "Step"]


@dataclass(frozen=True)
class MachineSpec:
    """The robot an actuation node drives: limits, footprint and tools.

    Speeds come from the fleet (what the allocator plans with); footprint, acceleration and
    tool geometry from the robot type's model (the simulator's by default), so a real robot
    whose numbers differ overrides them with node parameters.
    """

    robot_id: str
    robot_type: str
    max_speed: float
    max_turn_rate: float
    max_accel: float = 0.5
    max_decel: float = 1.0
    body_radius: float = 1.3
    tool: str = ""
    """"bucket", "bed" or "" (no soil tool)."""
    capacity: float = 0.0
    reach: float = 0.0
    """Centre-to-centre distance over which an excavator pours into a truck bed."""
    dig_reach: float = 0.0
    """Excavator centre to pile edge distance within which it digs."""
    joints: tuple[str, ...] = ()

    @staticmethod
    def from_robot(
        robot: Robot, model: RobotModel, max_speed: float = 0.0, body_radius: float = 0.0
    ) -> MachineSpec:
        """``robot`` from the fleet with ``model``'s physics; non-zero overrides win."""
        tool = "bucket" if model.bucket_capacity > 0 else "bed" if model.bed_capacity > 0 else ""
        return MachineSpec(
            robot_id=robot.id,
            robot_type=robot.type,
            max_speed=max_speed if max_speed > 0 else robot.max_speed,
            max_turn_rate=robot.max_turn_rate,
            max_accel=model.max_accel,
            max_decel=model.max_brake,
            body_radius=body_radius if body_radius > 0 else model.body_radius,
            tool=tool,
            capacity=model.bucket_capacity or model.bed_capacity,
            reach=model.reach,
            dig_reach=model.dig_reach,
            joints=tuple(j.name for j in model.joints),
        )


@dataclass(frozen=True)
class OdomSample:
    """One odometry reading: map-frame pose, body velocities, receive time (controller clock)."""

    pose: Pose2D
    v: float
    w: float
    stamp: float


@dataclass(frozen=True)
class JointSample:
    """One joint_states reading (name -> position), receive time."""

    positions: Mapping[str, float]
    stamp: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "positions", MappingProxyType(dict(self.positions)))


@dataclass(frozen=True)
class PeerState:
    """Another robot of the fleet as its odometry shows it (planned around when parked)."""

    robot_id: str
    pose: Pose2D
    v: float
    stamp: float
    body_radius: float
    tool: str = ""
    reach: float = 0.0


@dataclass(frozen=True)
class NavOptions:
    """Tunables of twist navigation; the defaults match the built-in simulator's controllers."""

    approach_gap: float = 0.5
    """Gap between the body and the target's edge at the approach point."""
    clearance: float = 0.3
    """Margin kept around zones and objects beyond the body radius."""
    robot_clearance: float = 0.6
    parking_gap: float = 0.8
    lookahead: float = 1.0
    position_tolerance: float = 0.35
    yaw_tolerance: float = 0.15
    face_target: bool = True
    stall_s: float = 3.0
    """No progress for this long: replan around every robot nearby."""
    max_replans: int = 6
    """Stalls in a row after which the goal fails (``blocked``)."""
    polygon_sides: int = 12
    settle_speed: float = 0.05
    """Below this (m/s, rad/s) the robot counts as stopped."""
    solid_kinds: frozenset[str] = frozenset({"obstacle", "rock", "soil"})


@dataclass(frozen=True)
class Step:
    """What a task wants this control cycle. ``None`` fields are left as they are."""

    twist: tuple[float, float] | None = None
    joints: Mapping[str, float] | None = None
    goal_pose: Pose2D | None = None
    progress: float = 0.0
    message: str = ""
    outcome: Outcome | None = None

    def __post_init__(self) -> None:
        if self.twist is not None and not all(math.isfinite(x) for x in self.twist):
            raise ValueError(f"non-finite twist {self.twist}")
