"""Pure pursuit along a planned polyline: the path tracking both followers share.

The simulator's own follower (:class:`dart_planner.sim.navigation.PathFollower`) and the
one that closes the loop over a network (:class:`dart_planner.actuation.pursuit.PurePursuit`)
differ in their speed law (what limits speed, how much margin for late odometry) and in
whether they may reverse; how they walk the path is the same and lives here, once: which
segment the robot is on, the look-ahead point, the distance left, slowing for sharp corners
and turning a speed into a (v, w) pair within the turn-rate limit. Here, in ``core``, because
``sim`` may not import ``actuation`` (which imports ``sim``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .geometry import wrap_angle

__all__ = ["Point", "PolylinePursuit", "SHARP_CORNER"]

Point = tuple[float, float]
"""An (x, y) map point (the same alias as :data:`dart_planner.sim.pathing.Point`)."""

SHARP_CORNER = 0.6
"""Heading change (rad) at a vertex beyond which the robot slows down before reaching it."""


class PolylinePursuit:
    """A polyline with the pursuit state on it: the current segment ``seg`` and what follows.

    ``switch_radius`` (m): the robot moves on to the next segment when it is this close to the
    segment's end (or past it); only there, so short legs that go around something (or out of a
    zone) are never skipped. Subclasses add the speed law in their ``command``.
    """

    def __init__(self, path: Sequence[Point], lookahead: float, switch_radius: float):
        self.path = list(path)
        self.lookahead = lookahead
        self.switch_radius = switch_radius
        self.seg = 0
        # remaining_at[k] = length of the path from vertex k to the end
        rem = [0.0] * len(self.path)
        for k in range(len(self.path) - 2, -1, -1):
            a, b = self.path[k], self.path[k + 1]
            rem[k] = rem[k + 1] + math.hypot(b[0] - a[0], b[1] - a[1])
        self.remaining_at = rem
        # turn[k] = heading change at vertex k (0 at the ends): sharp corners need slowing.
        turn = [0.0] * len(self.path)
        for k in range(1, len(self.path) - 1):
            (ax, ay), (bx, by), (cx, cy) = self.path[k - 1], self.path[k], self.path[k + 1]
            turn[k] = abs(wrap_angle(math.atan2(cy - by, cx - bx) - math.atan2(by - ay, bx - ax)))
        self.turn = turn
        self.total = rem[0]

    @property
    def goal(self) -> Point:
        return self.path[-1]

    def remaining(self, x: float, y: float) -> float:
        """Path length left from (x, y): to the current segment's end, then along the path."""
        if self.seg >= len(self.path) - 1:
            g = self.path[-1]
            return math.hypot(g[0] - x, g[1] - y)
        b = self.path[self.seg + 1]
        return math.hypot(b[0] - x, b[1] - y) + self.remaining_at[self.seg + 1]

    def advance(self, x: float, y: float) -> None:
        """Move ``seg`` past the segments whose end the robot at (x, y) has reached or passed."""
        path = self.path
        last = len(path) - 1
        while self.seg < last - 1:
            (ax, ay), (bx, by) = path[self.seg], path[self.seg + 1]
            dx, dy = bx - ax, by - ay
            seg2 = dx * dx + dy * dy
            t = ((x - ax) * dx + (y - ay) * dy) / seg2 if seg2 > 0 else 1.0
            # Switch only at (or past) the waypoint: corners go around obstacles, and short
            # escape legs must not be skipped.
            if t >= 1.0 or math.hypot(bx - x, by - y) < self.switch_radius:
                self.seg += 1
            else:
                break

    def lookahead_point(self, x: float, y: float) -> Point:
        """The point ``lookahead`` ahead of (x, y)'s projection on the current segment."""
        path = self.path
        (ax, ay), (bx, by) = path[self.seg], path[self.seg + 1]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        t = ((x - ax) * dx + (y - ay) * dy) / seg2 if seg2 > 0 else 1.0
        t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
        px, py = ax + t * dx, ay + t * dy
        # The look-ahead point never runs past the current waypoint: cutting corners would
        # bring the robot closer to the obstacle the corner goes around than planned, and
        # would skip an escape step out of a zone or away from another robot.
        step = math.hypot(bx - px, by - py)
        if step <= self.lookahead:
            return bx, by
        f = self.lookahead / step
        return px + f * (bx - px), py + f * (by - py)

    def corner_speed(self, x: float, y: float, decel: float, margin: float = 1.0) -> float:
        """Speed from which the robot at (x, y) can slow to 0.3 m/s at the next vertex if that
        is a sharp corner (``margin`` scales the braking term); infinity otherwise."""
        corner = self.seg + 1
        if corner < len(self.path) - 1 and self.turn[corner] > SHARP_CORNER:
            bx, by = self.path[corner]
            to_corner = math.hypot(bx - x, by - y)
            return 0.3 + margin * math.sqrt(2.0 * decel * to_corner)
        return math.inf

    @staticmethod
    def steer(speed: float, alpha: float, x: float, y: float, target: Point, wmax: float) -> tuple[float, float]:
        """(v, w) on the arc through ``target`` at heading error ``alpha``; a turn rate over
        ``wmax`` is capped by slowing down, so the robot stays on the arc."""
        lx, ly = target
        ld = max(math.hypot(lx - x, ly - y), 1e-6)
        curvature = 2.0 * math.sin(alpha) / ld
        w = speed * curvature
        if abs(w) > wmax:
            speed = wmax / abs(curvature)
            w = math.copysign(wmax, w)
        return speed, w
