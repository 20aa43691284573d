"""Physical parameters of the simulated site: robot bodies, joints, tolerances.

Speeds and turn rates come from the fleet (``Robot.max_speed``/``max_turn_rate``) so the
allocator's travel-time estimates and the simulator agree; everything the fleet file does
not describe (body size, bucket and bed capacity, joint rate limits) lives here, per robot
type, with a generic fallback so a new robot type simulates without code changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["JointSpec", "RobotModel", "SimConfig", "EXCAVATOR", "DUMP_TRUCK", "GENERIC", "DEFAULT_MODELS"]


@dataclass(frozen=True)
class JointSpec:
    """A revolute joint (radians) with position limits and a rate limit (rad/s)."""

    name: str
    lower: float
    upper: float
    rate: float
    initial: float


@dataclass(frozen=True)
class RobotModel:
    """What a robot type is physically: footprint, acceleration, tools and their reach.

    The footprint is a disc of ``body_radius``: keep-out zones, the geofence and other
    robots are judged against the whole body, not its centre point, so "never enters a
    zone" means no part of the machine does.
    """

    body_radius: float = 1.3
    length: float = 3.0
    width: float = 2.0
    max_accel: float = 1.0
    """Linear acceleration limit (m/s^2); e-stop ignores it (velocities drop to zero)."""
    max_brake: float = 3.0
    """Deceleration limit (m/s^2): machines brake harder than they speed up."""
    bucket_capacity: float = 0.0
    """Excavator bucket volume (m^3); 0 = no bucket (cannot dig or unload)."""
    bed_capacity: float = 0.0
    """Dump-truck bed volume (m^3); 0 = no bed (cannot be loaded or dump)."""
    reach: float = 0.0
    """Centre-to-centre distance over which this excavator can pour into a truck bed."""
    dig_reach: float = 0.0
    """Distance from the excavator centre to a pile's edge within which it can dig."""
    joints: tuple[JointSpec, ...] = ()
    color: tuple[int, int, int] = (150, 150, 150)


EXCAVATOR = RobotModel(
    body_radius=1.5,
    length=3.2,
    width=2.4,
    max_accel=0.5,
    max_brake=1.5,
    bucket_capacity=2.0,
    reach=7.0,
    dig_reach=2.5,
    # Rates chosen so a dig cycle takes ~17 s and an unload ~12 s, close to the fleet's
    # nominal durations (20 s, 10 s) the allocator plans with.
    joints=(
        JointSpec("boom", -0.5, 1.0, 0.15, 0.5),
        JointSpec("bucket", -0.6, 1.1, 0.3, 1.0),
    ),
    color=(240, 180, 20),
)

DUMP_TRUCK = RobotModel(
    body_radius=1.4,
    length=3.6,
    width=2.0,
    max_accel=1.0,
    bed_capacity=8.0,
    joints=(JointSpec("bed", 0.0, 1.0, 0.2, 0.0),),
    color=(40, 120, 200),
)

GENERIC = RobotModel()

DEFAULT_MODELS: Mapping[str, RobotModel] = MappingProxyType(
    {"excavator": EXCAVATOR, "dump_truck": DUMP_TRUCK}
)


@dataclass(frozen=True)
class SimConfig:
    """Tunables of the simulator; the defaults model the DART-LLM construction site."""

    models: Mapping[str, RobotModel] = field(default_factory=lambda: DEFAULT_MODELS)
    default_model: RobotModel = GENERIC
    approach_gap: float = 0.5
    """Gap between the robot's body and the object's edge at the approach point."""
    position_tolerance: float = 0.35
    yaw_tolerance: float = 0.15
    planning_clearance: float = 0.3
    """Extra margin the path planner keeps around every obstacle, beyond the body radius."""
    robot_clearance: float = 0.6
    """Margin the planner keeps around other robots' bodies; above ``yield_margin`` so a
    path planned around a robot does not run into the yielding rule."""
    parking_gap: float = 0.8
    """Minimum body-to-body gap between robots parked at approach points (above
    ``robot_clearance``, so a spot next to a parked robot is reachable)."""
    yield_margin: float = 0.2
    """A moving robot waits rather than come closer than this to another robot's body."""
    give_way_margin: float = 1.0
    """Extra berth a robot keeps from a higher-priority (earlier in the fleet) driving robot."""
    replan_after_blocked_s: float = 2.0
    feedback_period_s: float = 1.0
    solid_kinds: frozenset[str] = frozenset({"obstacle", "rock", "soil"})
    """Object kinds robots cannot drive through (puddles can be driven through)."""
    soil_kinds: frozenset[str] = frozenset({"soil"})
    dump_near_distance: float = 6.0
    """A dump is booked to the nearest object whose edge lies within this distance."""
    fail_dump_when_empty: bool = False
    dig_anywhere: bool = True
    """With no soil pile in reach, Excavation digs the ground where the excavator stands
    (plans say "dig at rock 1"); False makes it fail with ``no_pile_in_reach`` instead."""
    polygon_sides: int = 12
    lookahead: float = 1.0
    reverse_max_distance: float = 3.0
    """Short manoeuvres (leaving a zone) may drive backwards instead of turning around."""
    face_target: bool = True

    def model_for(self, robot_type: str) -> RobotModel:
        return self.models.get(robot_type, self.default_model)
