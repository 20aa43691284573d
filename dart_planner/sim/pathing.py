"""Shortest collision-free paths among discs, inside a rectangle (visibility graph).

Every obstacle the simulator knows is a disc (keep-out zones, solid objects, parked
robots), already inflated by the robot's body radius plus a clearance, so the robot can
be planned as a point. Each disc is wrapped in a circumscribed polygon; the visibility
graph over the polygon vertices, start and goal gives paths that hug obstacles, far shorter
and faster to find than a grid A* at the same clearance, and exact about "never inside".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from ..core.world import Bounds

__all__ = ["Disc", "Point", "plan_path", "path_length", "segment_clear", "escape_point"]

Point = tuple[float, float]


@dataclass(frozen=True)
class Disc:
    """A forbidden disc for the planner (``tag`` names its source, for debugging)."""

    x: float
    y: float
    r: float
    tag: str = ""

    def contains(self, x: float, y: float) -> bool:
        return math.hypot(x - self.x, y - self.y) < self.r


def path_length(path: Sequence[Point]) -> float:
    return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(path, path[1:]))


def segment_clear(a: Point, b: Point, discs: Sequence[Disc]) -> bool:
    """True when segment a-b stays outside every disc (touching the rim is allowed)."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    seg2 = dx * dx + dy * dy
    for d in discs:
        if seg2 == 0.0:
            t = 0.0
        else:
            t = ((d.x - ax) * dx + (d.y - ay) * dy) / seg2
            t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
        px, py = ax + t * dx - d.x, ay + t * dy - d.y
        if px * px + py * py < d.r * d.r - 1e-9:
            return False
    return True


def escape_point(p: Point, discs: Sequence[Disc], box: Bounds, heading: float = 0.0) -> Point | None:
    """The nearest free point to ``p`` (outside every disc, inside the box).

    Leaving a single disc radially is the shortest way out of it; when that lands in
    another disc, free points on growing circles around ``p`` are searched instead (first
    found = nearest, to 0.1 m), reachable in a straight line that crosses no disc except
    those ``p`` is already in. None when nothing is free within 15 m.
    """
    x, y = p
    inside = [d for d in discs if d.contains(x, y)]
    if not inside:
        return (x, y)
    d = max(inside, key=lambda d: d.r - math.hypot(x - d.x, y - d.y))
    dist = math.hypot(x - d.x, y - d.y)
    ang = math.atan2(y - d.y, x - d.x) if dist > 1e-6 else heading
    q = (d.x + (d.r + 0.05) * math.cos(ang), d.y + (d.r + 0.05) * math.sin(ang))
    outside = [o for o in discs if not o.contains(x, y)]
    if _in_box(q, box) and not any(o.contains(*q) for o in discs) and segment_clear(p, q, outside):
        return q
    for k in range(1, 151):
        rr = 0.1 * k
        n = max(16, int(2.0 * math.pi * rr / 0.1))
        best: Point | None = None
        for i in range(n):
            a = heading + 2.0 * math.pi * i / n
            q = (x + rr * math.cos(a), y + rr * math.sin(a))
            if _in_box(q, box) and not any(o.contains(*q) for o in discs) and segment_clear(p, q, outside):
                best = q
                break
        if best is not None:
            return best
    return None


def plan_path(
    start: Point,
    goal: Point,
    discs: Sequence[Disc],
    box: Bounds,
    sides: int = 12,
    heading: float = 0.0,
) -> list[Point] | None:
    """Shortest path from ``start`` to ``goal`` avoiding ``discs`` and staying in ``box``.

    A start inside discs (a zone just added around the robot, a robot nudged too close)
    first leaves them the shortest way (:func:`escape_point`). Returns None when the goal
    lies inside a disc or outside the box, or no path exists.

    Examples
    --------
    >>> box = Bounds(-10, -10, 10, 10)
    >>> p = plan_path((-5.0, 0.0), (5.0, 0.0), [Disc(0.0, 0.0, 2.0)], box)
    >>> len(p) > 2 and all(math.hypot(x, y) >= 2.0 for x, y in p)
    True
    """
    if not _in_box(goal, box) or any(d.contains(*goal) for d in discs):
        return None
    prefix: list[Point] = []
    if any(d.contains(*start) for d in discs) or not _in_box(start, box):
        out = escape_point(_clamp(start, box), discs, box, heading)
        if out is None:
            return None
        prefix = [start]
        start = out
    if segment_clear(start, goal, discs):
        return _join(prefix, [start, goal])
    nodes = [start, goal]
    inflate = 1.0 / math.cos(math.pi / sides)
    for d in discs:
        rr = d.r * inflate + 0.02
        for k in range(sides):
            a = 2.0 * math.pi * k / sides
            v = (d.x + rr * math.cos(a), d.y + rr * math.sin(a))
            if _in_box(v, box) and not any(o.contains(*v) for o in discs):
                nodes.append(v)
    pts = np.asarray(nodes, dtype=float)
    n = len(nodes)
    i, j = np.triu_indices(n, 1)
    visible = _visible(pts[i], pts[j], discs)
    i, j = i[visible], j[visible]
    w = np.hypot(*(pts[j] - pts[i]).T)
    rows, cols = np.concatenate([i, j]), np.concatenate([j, i])
    graph = csr_matrix((np.concatenate([w, w]), (rows, cols)), shape=(n, n))
    dist, pred = dijkstra(graph, directed=True, indices=0, return_predecessors=True)
    if not np.isfinite(dist[1]):
        return None
    order = [1]
    while order[-1] != 0:
        order.append(int(pred[order[-1]]))
    return _join(prefix, [nodes[k] for k in reversed(order)])


def _visible(a: np.ndarray, b: np.ndarray, discs: Sequence[Disc]) -> np.ndarray:
    """For each segment a[k]-b[k], whether it stays outside every disc (vectorised)."""
    c = np.asarray([(d.x, d.y) for d in discs], dtype=float)
    r2 = np.asarray([d.r * d.r for d in discs], dtype=float) - 1e-9
    ab = b - a
    seg2 = np.einsum("ij,ij->i", ab, ab)
    seg2[seg2 == 0.0] = 1.0
    ac_x = c[None, :, 0] - a[:, None, 0]
    ac_y = c[None, :, 1] - a[:, None, 1]
    t = np.clip((ac_x * ab[:, None, 0] + ac_y * ab[:, None, 1]) / seg2[:, None], 0.0, 1.0)
    px = ac_x - t * ab[:, None, 0]
    py = ac_y - t * ab[:, None, 1]
    blocked: np.ndarray = ((px * px + py * py) < r2[None, :]).any(axis=1)
    return ~blocked


def _in_box(p: Point, box: Bounds) -> bool:
    return box.xmin <= p[0] <= box.xmax and box.ymin <= p[1] <= box.ymax


def _clamp(p: Point, box: Bounds) -> Point:
    return (min(box.xmax, max(box.xmin, p[0])), min(box.ymax, max(box.ymin, p[1])))


def _join(prefix: list[Point], path: list[Point]) -> list[Point]:
    return prefix + path if prefix else path
