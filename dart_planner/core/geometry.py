"""Plane geometry shared by the world model, allocation and the simulator."""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Pose2D", "distance", "segment_circle_intersects", "wrap_angle"]


@dataclass(frozen=True)
class Pose2D:
    """A position in the map frame (metres) with heading (radians, CCW from +x)."""

    x: float
    y: float
    yaw: float = 0.0

    def distance_to(self, other: Pose2D) -> float:
        return math.hypot(other.x - self.x, other.y - self.y)


def distance(ax: float, ay: float, bx: float, by: float) -> float:
    return math.hypot(bx - ax, by - ay)


def wrap_angle(angle: float) -> float:
    """Map an angle to (-pi, pi] so heading errors take the short way round."""
    return (angle + math.pi) % (2 * math.pi) - math.pi


def segment_circle_intersects(
    ax: float, ay: float, bx: float, by: float, cx: float, cy: float, r: float
) -> bool:
    """True when the segment a-b passes strictly inside the circle (c, r)."""
    dx, dy = bx - ax, by - ay
    seg2 = dx * dx + dy * dy
    if seg2 == 0.0:
        return math.hypot(ax - cx, ay - cy) < r
    t = max(0.0, min(1.0, ((cx - ax) * dx + (cy - ay) * dy) / seg2))
    px, py = ax + t * dx, ay + t * dy
    return math.hypot(px - cx, py - cy) < r
