"""Pure pursuit along a planned polyline, closed on odometry.

Differences from the simulator's internal follower, because the loop now runs over a
network: speed is limited by what the robot can brake in the distance left *with margin*
(odometry arrives late, commands are applied late), and the robot turns in place rather
than reversing when the path lies behind it (predictable for people on site). How the path
is walked (segments, look-ahead point, corners, the arc) is shared with the simulator's
follower: :class:`dart_planner.core.pursuit.PolylinePursuit`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..core.geometry import wrap_angle
from ..core.pursuit import Point, PolylinePursuit
from .model import MachineSpec, OdomSample

__all__ = ["PurePursuit"]

TURN_IN_PLACE = 0.7
"""Heading error (rad) beyond which the robot stops and turns before driving on."""
MIN_SPEED = 0.08
"""Slowest commanded forward speed (m/s): below it friction wins on real machines."""


class PurePursuit(PolylinePursuit):
    """Follow ``path`` (map frame) from odometry; :meth:`command` gives (v, w, arrived)."""

    def __init__(self, path: Sequence[Point], lookahead: float = 1.0, braking_margin: float = 0.7):
        if len(path) < 2:
            path = [path[0], path[0]] if path else [(0.0, 0.0), (0.0, 0.0)]
        super().__init__(path, lookahead, switch_radius=0.25)
        self.braking_margin = braking_margin

    def command(self, odom: OdomSample, spec: MachineSpec, tolerance: float) -> tuple[float, float, bool]:
        """(v, w, arrived) for the pose in ``odom``."""
        x, y, yaw = odom.pose.x, odom.pose.y, odom.pose.yaw
        self.advance(x, y)
        gx, gy = self.path[-1]
        if math.hypot(gx - x, gy - y) <= tolerance:
            return 0.0, 0.0, True
        lx, ly = self.lookahead_point(x, y)
        alpha = wrap_angle(math.atan2(ly - y, lx - x) - yaw)
        wmax = spec.max_turn_rate
        if abs(alpha) > TURN_IN_PLACE:
            return 0.0, max(-wmax, min(wmax, 1.5 * alpha)), False
        rem = self.remaining(x, y)
        brake = self.braking_margin * math.sqrt(2.0 * spec.max_decel * max(rem - 0.5 * tolerance, 0.0))
        speed = min(spec.max_speed, brake, 1.2 * rem)
        speed = min(speed, self.corner_speed(x, y, spec.max_decel, self.braking_margin))
        speed = max(MIN_SPEED, speed * max(0.25, math.cos(alpha)))
        v, w = self.steer(speed, alpha, x, y, (lx, ly), wmax)
        return v, w, False
