"""Simulated robots: unicycle kinematics with speed, turn-rate and acceleration limits.

Speed and turn-rate limits come from the fleet entry of each robot (per type by default),
scaled by an injected slowdown factor. Integration is proposed first and committed only
after the simulator's safety layer accepted the new pose, so a vetoed step leaves the
robot exactly where it was.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..core.fleet import Robot
from ..core.geometry import Pose2D
from .config import RobotModel
from .joints import JointSet

if TYPE_CHECKING:
    from .skills import Controller

__all__ = ["SimRobot", "Reservation"]

Reservation = tuple[float, float, str]
"""A parking spot a navigating robot is heading for: (x, y, target object name)."""


class SimRobot:
    """Mutable state of one robot inside the simulator (never handed out; see SiteState)."""

    def __init__(self, spec: Robot, model: RobotModel, index: int):
        self.id = spec.id
        self.type = spec.type
        self.spec = spec
        self.model = model
        self.index = index
        self.body = model.body_radius
        self.x, self.y, self.yaw = spec.start.x, spec.start.y, spec.start.yaw
        self.v = 0.0
        self.w = 0.0
        self.cmd_v = 0.0
        self.cmd_w = 0.0
        self.joints = JointSet(model.joints)
        self.broken = False
        self.speed_factor = 1.0
        self.controller: Controller | None = None
        """The goal this robot is executing, if any."""
        self.evictor: Controller | None = None
        """Internal manoeuvre out of a freshly added keep-out zone (no goal, no events)."""
        self.evict_failure = ""
        """Why the last such manoeuvre failed ('' = it did not)."""
        self.driving = False
        """True while a navigation controller moves the robot (others plan around parked robots only)."""
        self.reserved: Reservation | None = None
        self.at_target: str | None = None
        self.blocked_s = 0.0
        self.blockers: tuple[str, ...] = ()
        self.loaded_here = False
        """A transfer into this truck's bed completed since it last moved or dumped."""
        self.receiving_from: str | None = None
        self.dig_pile: str | None = None
        """Where a curling bucket scoops from, set by a dig skill: a pile name, "" = the ground,
        None = the pile in reach (external control). See :mod:`dart_planner.sim.tools`."""
        self.pour_into: str | None = None
        """The truck an unload skill pours into (None = the nearest in reach with room)."""
        self.dump_record = -1
        """Ledger index of the dump this bed is tipping out (-1 = none open)."""
        self.tool = "bucket" if model.bucket_capacity > 0 else "bed" if model.bed_capacity > 0 else ""

    @property
    def pose(self) -> Pose2D:
        return Pose2D(self.x, self.y, self.yaw)

    @property
    def max_speed(self) -> float:
        """Top linear speed now: the fleet's, slowed by an injected fault, and capped by the
        running goal's ``params["max_speed"]`` (the allocator's safety limit) when it has one."""
        top = self.spec.max_speed * self.speed_factor
        cap = self.controller.speed_cap if self.controller is not None else None
        return top if cap is None else min(top, cap)

    @property
    def max_turn_rate(self) -> float:
        return self.spec.max_turn_rate * self.speed_factor

    @property
    def capacity(self) -> float:
        return self.model.bucket_capacity or self.model.bed_capacity

    def command(self, v: float, w: float) -> None:
        self.cmd_v = v
        self.cmd_w = w

    def halt(self) -> None:
        """Zero velocity now (e-stop, cancel, breakdown): a kinematic sim may stop dead."""
        self.v = self.w = self.cmd_v = self.cmd_w = 0.0
        self.joints.hold()

    def propose(self, dt: float) -> tuple[float, float, float, float, float]:
        """The (x, y, yaw, v, w) the commands would reach after ``dt``; does not move."""
        vmax, wmax = self.max_speed, self.max_turn_rate
        cv = max(-vmax, min(vmax, self.cmd_v))
        cw = max(-wmax, min(wmax, self.cmd_w))
        v = self.v
        dv = cv - v
        if v * dv < 0.0:
            # Slowing down: brake limit, and stop at zero before reversing.
            step = self.model.max_brake * dt
            if abs(dv) >= abs(v) and abs(v) <= step:
                nv = 0.0
            else:
                nv = v + (step if dv > step else -step if dv < -step else dv)
            if nv * v < 0.0:
                nv = 0.0
        else:
            step = self.model.max_accel * dt
            nv = v + (step if dv > step else -step if dv < -step else dv)
        mid = self.yaw + 0.5 * cw * dt
        nx = self.x + nv * math.cos(mid) * dt
        ny = self.y + nv * math.sin(mid) * dt
        nyaw = (self.yaw + cw * dt + math.pi) % (2.0 * math.pi) - math.pi
        return nx, ny, nyaw, nv, cw
