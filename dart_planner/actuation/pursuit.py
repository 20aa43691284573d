"""Pure pursuit along a planned polyline, closed on odometry.

Differences from the simulator's internal follower, because the loop now runs over a
network: speed is limited by what the robot can brake in the distance left *with margin*
(odometry arrives late, commands are applied late), and the robot turns in place rather
than reversing when the path lies behind it (predictable for people on site).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..core.geometry import wrap_angle
from ..sim.pathing import Point
from .model import MachineSpec, OdomSample

__all__ = ["PurePursuit"]

TURN_IN_PLACE = 0.7
"""Heading error (rad) beyond which the robot stops and turns before driving on."""
MIN_SPEED = 0.08
"""Slowest commanded forward speed (m/s): below it friction wins on real machines."""


class PurePursuit:
    """Follow ``path`` (map frame) from odometry; :meth:`command` gives (v, w, arrived)."""

    def __init__(self, path: Sequence[Point], lookahead: float = 1.0, braking_margin: float = 0.7):
        if len(path) < 2:
            path = [path[0], path[0]] if path else [(0.0, 0.0), (0.0, 0.0)]
        self.path = list(path)
        self.lookahead = lookahead
        self.braking_margin = braking_margin
        self.seg = 0
        rem = [0.0] * len(self.path)
        for k in range(len(self.path) - 2, -1, -1):
            a, b = self.path[k], self.path[k + 1]
            rem[k] = rem[k + 1] + math.hypot(b[0] - a[0], b[1] - a[1])
        self._rem = rem
        turn = [0.0] * len(self.path)
        for k in range(1, len(self.path) - 1):
            (ax, ay), (bx, by), (cx, cy) = self.path[k - 1], self.path[k], self.path[k + 1]
            turn[k] = abs(wrap_angle(math.atan2(cy - by, cx - bx) - math.atan2(by - ay, bx - ax)))
        self._turn = turn
        self.total = rem[0]

    @property
    def goal(self) -> Point:
        return self.path[-1]

    def remaining(self, x: float, y: float) -> float:
        if self.seg >= len(self.path) - 1:
            g = self.path[-1]
            return math.hypot(g[0] - x, g[1] - y)
        b = self.path[self.seg + 1]
        return math.hypot(b[0] - x, b[1] - y) + self._rem[self.seg + 1]

    def command(self, odom: OdomSample, spec: MachineSpec, tolerance: float) -> tuple[float, float, bool]:
        """(v, w, arrived) for the pose in ``odom``."""
        x, y, yaw = odom.pose.x, odom.pose.y, odom.pose.yaw
        path = self.path
        last = len(path) - 1
        while self.seg < last - 1:
            (ax, ay), (bx, by) = path[self.seg], path[self.seg + 1]
            dx, dy = bx - ax, by - ay
            seg2 = dx * dx + dy * dy
            t = ((x - ax) * dx + (y - ay) * dy) / seg2 if seg2 > 0 else 1.0
            # Switch at (or past) the waypoint only: corners go around obstacles.
            if t >= 1.0 or math.hypot(bx - x, by - y) < 0.25:
                self.seg += 1
            else:
                break
        gx, gy = path[-1]
        if math.hypot(gx - x, gy - y) <= tolerance:
            return 0.0, 0.0, True
        lx, ly = self._lookahead_point(x, y)
        alpha = wrap_angle(math.atan2(ly - y, lx - x) - yaw)
        wmax = spec.max_turn_rate
        if abs(alpha) > TURN_IN_PLACE:
            return 0.0, max(-wmax, min(wmax, 1.5 * alpha)), False
        rem = self.remaining(x, y)
        brake = self.braking_margin * math.sqrt(2.0 * spec.max_decel * max(rem - 0.5 * tolerance, 0.0))
        speed = min(spec.max_speed, brake, 1.2 * rem)
        corner = self.seg + 1
        if corner < last and self._turn[corner] > 0.6:
            bx, by = path[corner]
            to_corner = math.hypot(bx - x, by - y)
            speed = min(speed, 0.3 + self.braking_margin * math.sqrt(2.0 * spec.max_decel * to_corner))
        speed = max(MIN_SPEED, speed * max(0.25, math.cos(alpha)))
        ld = max(math.hypot(lx - x, ly - y), 1e-6)
        curvature = 2.0 * math.sin(alpha) / ld
        w = speed * curvature
        if abs(w) > wmax:
            speed = wmax / abs(curvature)
            w = math.copysign(wmax, w)
        return speed, w, False

    def _lookahead_point(self, x: float, y: float) -> Point:
        path = self.path
        (ax, ay), (bx, by) = path[self.seg], path[self.seg + 1]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        t = ((x - ax) * dx + (y - ay) * dy) / seg2 if seg2 > 0 else 1.0
        t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
        px, py = ax + t * dx, ay + t * dy
        # Never look past the current waypoint: cutting the corner would bring the robot
        # closer to what the corner goes around than planned.
        step = math.hypot(bx - px, by - py)
        if step <= self.lookahead:
            return bx, by
        f = self.lookahead / step
        return px + f * (bx - px), py + f * (by - py)
