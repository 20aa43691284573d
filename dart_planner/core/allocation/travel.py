"""Travel distances on the site: straight line, or around keep-out discs when one is in the way.

Each keep-out disc is replaced by a regular polygon drawn *around* it (its edges are tangent
to a disc slightly larger than the zone), and the shortest path runs over the visibility
graph of those polygon corners. Two properties follow, and both matter to allocation:

* a path never enters a zone (every edge is checked against every disc), so a travel time
  never assumes a short cut the robot is not allowed to take;
* the length over-estimates the true tangent-and-arc shortest path by at most
  ``tan(pi/n)/(pi/n) - 1`` (0.6 % with 24 sides), so it stays a good estimate.

Corner graphs are built once per set of zones and queries are cached, because allocation
asks for the same legs many times. Robots already inside a zone (or asked to go into one)
are let out of (into) that zone: the planner estimates, the executor enforces.

Example
-------
>>> from dart_planner.core.world import KeepOutZone
>>> tp = TravelPlanner()
>>> p = tp.path((-10.0, 0.0), (10.0, 0.0), (KeepOutZone("pond", 0.0, 0.0, 3.0),))
>>> round(p.length, 1) > 20.0
True
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import AllocationError
from ..world import Bounds, KeepOutZone

__all__ = ["TravelPath", "TravelPlanner", "segments_hit_discs", "zones_key"]

Point = tuple[float, float]


@dataclass(frozen=True)
class TravelPath:
    """A collision-free polyline from ``points[0]`` to ``points[-1]`` and its length (m)."""

    length: float
    points: tuple[Point, ...]


def zones_key(zones: Sequence[KeepOutZone]) -> tuple[tuple[float, float, float], ...]:
    """The geometry of a zone set, order-free: what the corner graph depends on."""
    return tuple(sorted((z.x, z.y, z.radius) for z in zones))


def segments_hit_discs(a: np.ndarray, b: np.ndarray, discs: np.ndarray) -> np.ndarray:
    """For segments ``a[i]-b[i]`` (shape (n, 2)) and discs ``(cx, cy, r)`` (shape (m, 3)),
    a boolean (n, m) matrix: does segment i pass strictly inside disc j.

    Vectorised version of :func:`dart_planner.core.geometry.segment_circle_intersects`.
    """
    d = b - a  # (n, 2)
    seg2 = np.einsum("ij,ij->i", d, d)[:, None]  # (n, 1)
    c = discs[None, :, :2]  # (1, m, 2)
    ac = c - a[:, None, :]  # (n, m, 2)
    proj = np.einsum("nmk,nk->nm", ac, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(seg2 > 0.0, proj / np.where(seg2 > 0.0, seg2, 1.0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    closest = a[:, None, :] + t[..., None] * d[:, None, :]
    dist2 = np.sum((closest - c) ** 2, axis=2)
    r = discs[None, :, 2]
    return dist2 < r * r


class _CornerGraph:
    """Polygon corners around a zone set and which pairs of corners see each other."""

    def __init__(self, discs: np.ndarray, sides: int, clearance: float, bounds: Bounds | None) -> None:
        self.discs = discs
        corners: list[Point] = []
        scale = 1.0 / math.cos(math.pi / sides)
        for cx, cy, r in discs:
            rr = (r + clearance) * scale
            for k in range(sides):
                ang = 2.0 * math.pi * k / sides
                corners.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
        pts = np.array(corners, dtype=float).reshape(-1, 2)
        if len(pts):
            # A corner inside another disc is unusable; one outside the geofence is illegal.
            inside = np.any(
                np.sum((pts[:, None, :] - discs[None, :, :2]) ** 2, axis=2) < discs[None, :, 2] ** 2, axis=1
            )
            keep = ~inside
            if bounds is not None:
                keep &= (pts[:, 0] >= bounds.xmin) & (pts[:, 0] <= bounds.xmax)
                keep &= (pts[:, 1] >= bounds.ymin) & (pts[:, 1] <= bounds.ymax)
            pts = pts[keep]
        self.points = pts
        n = len(pts)
        self.adj: list[list[tuple[int, float]]] = [[] for _ in range(n)]
        if n:
            ii, jj = np.triu_indices(n, k=1)
            hit = segments_hit_discs(pts[ii], pts[jj], discs).any(axis=1)
            lengths = np.hypot(*(pts[jj] - pts[ii]).T)
            for i, j, w in zip(ii[~hit].tolist(), jj[~hit].tolist(), lengths[~hit].tolist()):
                self.adj[i].append((j, w))
                self.adj[j].append((i, w))

    def visible_from(self, p: Point) -> tuple[np.ndarray, np.ndarray]:
        """Indices of corners visible from ``p`` and their distances."""
        n = len(self.points)
        if n == 0:
            return np.empty(0, dtype=int), np.empty(0)
        a = np.repeat(np.array([p], dtype=float), n, axis=0)
        hit = segments_hit_discs(a, self.points, self.discs).any(axis=1)
        idx = np.nonzero(~hit)[0]
        d = np.hypot(self.points[idx, 0] - p[0], self.points[idx, 1] - p[1])
        return idx, d


class TravelPlanner:
    """Shortest collision-free paths among keep-out discs, with caches.

    Parameters
    ----------
    bounds:
        The geofence; polygon corners outside it are not used.
    sides:
        Polygon sides per disc (accuracy versus speed; 24 over-estimates arcs by 0.6 %).
    clearance:
        Extra margin (m) between a path and a zone edge, so a robot following the estimate
        does not graze the zone.
    """

    def __init__(self, bounds: Bounds | None = None, sides: int = 24, clearance: float = 0.05) -> None:
        self.bounds = bounds
        self.sides = sides
        self.clearance = clearance
        self._graphs: dict[tuple[tuple[float, float, float], ...], _CornerGraph] = {}
        self._paths: dict[tuple[object, ...], TravelPath] = {}

    # -- single queries ----------------------------------------------------------------
    def path(self, a: Point, b: Point, zones: Sequence[KeepOutZone]) -> TravelPath:
        """Shortest path from ``a`` to ``b`` that enters none of ``zones``.

        Zones containing ``a`` or ``b`` (or touching them, within ``clearance``) are ignored:
        a robot may leave the zone it stands in, and a goal inside a zone is the executor's
        conflict to report. Raises
        :class:`AllocationError` when the zones wall ``b`` off from ``a``.
        """
        active = self._active(a, b, zones)
        if not active:
            return TravelPath(math.hypot(b[0] - a[0], b[1] - a[1]), (a, b))
        key = (round(a[0], 3), round(a[1], 3), round(b[0], 3), round(b[1], 3), active)
        hit = self._paths.get(key)
        if hit is None:
            hit = self._search(a, b, active)
            self._paths[key] = hit
        return hit

    def _active(
        self, a: Point, b: Point, zones: Sequence[KeepOutZone]
    ) -> tuple[tuple[float, float, float], ...]:
        """The zones that constrain a-b: not holding either end, and only if one blocks.

        An end within ``clearance`` of a zone's edge counts as inside: a robot parked on the
        edge (stop distances and keep-out margins often coincide) must be able to leave.
        """
        c = self.clearance
        geo = [
            (z.x, z.y, z.radius)
            for z in zones
            if math.hypot(a[0] - z.x, a[1] - z.y) >= z.radius + c
            and math.hypot(b[0] - z.x, b[1] - z.y) >= z.radius + c
        ]
        if not geo:
            return ()
        discs = np.array(geo, dtype=float)
        blocked = segments_hit_discs(np.array([a], dtype=float), np.array([b], dtype=float), discs)
        if not blocked.any():
            return ()
        return tuple(sorted(geo))

    def _graph(self, key: tuple[tuple[float, float, float], ...]) -> _CornerGraph:
        g = self._graphs.get(key)
        if g is None:
            g = _CornerGraph(np.array(key, dtype=float), self.sides, self.clearance, self.bounds)
            self._graphs[key] = g
        return g

    def _search(self, a: Point, b: Point, key: tuple[tuple[float, float, float], ...]) -> TravelPath:
        g = self._graph(key)
        n = len(g.points)
        src, dst = n, n + 1
        idx_a, d_a = g.visible_from(a)
        idx_b, d_b = g.visible_from(b)
        to_goal = dict(zip(idx_b.tolist(), d_b.tolist()))
        dist = [math.inf] * (n + 2)
        prev = [-1] * (n + 2)
        dist[src] = 0.0
        heap: list[tuple[float, int]] = [(0.0, src)]
        while heap:
            du, u = heapq.heappop(heap)
            if du > dist[u]:
                continue
            if u == dst:
                break
            if u == src:
                edges = list(zip(idx_a.tolist(), d_a.tolist()))
            else:
                edges = list(g.adj[u])
                if u in to_goal:
                    edges.append((dst, to_goal[u]))
            for v, w in edges:
                nd = du + w
                if nd < dist[v]:
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(heap, (nd, v))
        if math.isinf(dist[dst]):
            raise AllocationError(
                f"no collision-free path from ({a[0]:.1f}, {a[1]:.1f}) to ({b[0]:.1f}, {b[1]:.1f}): "
                f"keep-out zones {[(round(x, 1), round(y, 1), round(r, 1)) for x, y, r in key]} wall it off"
            )
        pts: list[Point] = [b]
        cur = prev[dst]
        while cur != src:
            pts.append((float(g.points[cur, 0]), float(g.points[cur, 1])))
            cur = prev[cur]
        pts.append(a)
        return TravelPath(dist[dst], tuple(reversed(pts)))

    # -- many robots to one goal ---------------------------------------------------------
    def approach(
        self, starts: np.ndarray, goal: Point, stop: float, zones: Sequence[KeepOutZone]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Distances from each row of ``starts`` (n, 2) to within ``stop`` m of ``goal``.

        Returns ``(lengths, end_points)``. A robot stops ``stop`` m short of the goal along
        its last leg; one already that close stays where it is (length 0). The common case,
        nothing in the way, is fully vectorised; blocked legs go through :meth:`path`.
        """
        n = len(starts)
        gx, gy = goal
        dx = starts[:, 0] - gx
        dy = starts[:, 1] - gy
        direct = np.hypot(dx, dy)
        lengths = np.maximum(direct - stop, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = np.where(direct > stop, stop / np.where(direct > 0, direct, 1.0), 1.0)
        ends = np.empty((n, 2))
        ends[:, 0] = np.where(direct > stop, gx + dx * scale, starts[:, 0])
        ends[:, 1] = np.where(direct > stop, gy + dy * scale, starts[:, 1])
        if not zones or n == 0:
            return lengths, ends
        discs = np.array([(z.x, z.y, z.radius) for z in zones], dtype=float)
        goal_arr = np.broadcast_to(np.array(goal, dtype=float), starts.shape)
        hit = segments_hit_discs(starts, goal_arr, discs)
        # a zone containing either end does not count (see path()).
        reach = (discs[:, 2] + self.clearance) ** 2
        in_start = np.sum((starts[:, None, :] - discs[None, :, :2]) ** 2, axis=2) < reach[None, :]
        in_goal = (gx - discs[:, 0]) ** 2 + (gy - discs[:, 1]) ** 2 < reach
        blocked = np.nonzero((hit & ~in_start & ~in_goal[None, :]).any(axis=1) & (direct > stop))[0]
        for i in blocked.tolist():
            start = (float(starts[i, 0]), float(starts[i, 1]))
            p = self.path(start, goal, zones)
            lengths[i] = max(p.length - stop, 0.0)
            ends[i] = _back_off(p.points, stop)
        return lengths, ends


def _back_off(points: Sequence[Point], stop: float) -> tuple[float, float]:
    """The point ``stop`` m before the end of a polyline, measured along it."""
    remaining = stop
    for i in range(len(points) - 1, 0, -1):
        (x0, y0), (x1, y1) = points[i - 1], points[i]
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg >= remaining and seg > 0:
            f = remaining / seg
            return (x1 + (x0 - x1) * f, y1 + (y0 - y1) * f)
        remaining -= seg
    return points[0]
