"""Frame-to-frame association of map-frame detections, so an object keeps its name.

Each frame's detections (already projected onto the map, :class:`MapDetection`) are matched
to the current tracks of the same kind by minimum total distance (Hungarian assignment,
``scipy.optimize.linear_sum_assignment``) inside a distance gate. A second pass re-acquires
a *moved* object: a track whose place is in view but empty is matched to a leftover
detection of its kind within a wider gate, and jumps there. What is left becomes a tentative
track that is named by kind with the next free number (``puddle3``) only once it has been
seen ``confirm_hits`` frames in a row, so one spurious frame never burns a name.

Tracks remember where they came from: objects from the configured world are never dropped
(only their pose is refined), objects only the detector found are dropped after
``max_misses`` frames in which they should have been visible but were not. A track outside
the camera's view is not counted as missed: a detector cannot see it, not seeing it says
nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..core.errors import ConfigError, ConfigIssue
from .types import OBJECT_KINDS

__all__ = ["MapDetection", "Track", "TrackerConfig", "TrackerStep", "ObjectTracker", "next_free_name"]

_BIG = 1e9


@dataclass(frozen=True)
class MapDetection:
    """A detection placed on the ground: kind, centre (m), radius (m), confidence."""

    kind: str
    x: float
    y: float
    radius: float
    confidence: float


@dataclass(frozen=True)
class TrackerConfig:
    """Association and bookkeeping tunables (``config/detector.yaml``, section ``tracking``)."""

    gate_m: float = 2.0
    """A detection continues a track if its centre is within ``gate_m + gate_radius_factor * r``."""
    gate_radius_factor: float = 0.5
    """Bigger objects wobble more in centre estimates (occlusion by robots), so their gate grows."""
    reacquire_gate_m: float = 15.0
    """How far an object may have moved between two frames and still keep its name."""
    min_confidence: float = 0.5
    """Detections below this confidence are ignored entirely (neither create nor move tracks)."""
    confirm_hits: int = 2
    """Consecutive frames a new object must be seen before it is named and enters the world."""
    max_misses: int = 5
    """In-view frames without a detection after which a detector-only object is dropped."""
    smoothing: float = 0.5
    """Weight of a new measurement in the pose/confidence moving average (1 = no smoothing)."""
    edge_margin_px: float = 4.0
    """A track nearer the image edge than this is not expected to be detected (may be cut off)."""
    kinds: tuple[str, ...] = OBJECT_KINDS
    """Detected kinds the world model tracks (robots belong to the fleet, not the world)."""

    def __post_init__(self) -> None:
        issues = []
        for name in ("gate_m", "reacquire_gate_m"):
            if not getattr(self, name) > 0:
                issues.append(ConfigIssue("<tracking>", name, "must be > 0"))
        if self.gate_radius_factor < 0 or self.edge_margin_px < 0:
            issues.append(ConfigIssue("<tracking>", "gate_radius_factor/edge_margin_px", "must be >= 0"))
        if not 0.0 <= self.min_confidence <= 1.0:
            issues.append(ConfigIssue("<tracking>", "min_confidence", "must be within [0, 1]"))
        if not 0.0 < self.smoothing <= 1.0:
            issues.append(ConfigIssue("<tracking>", "smoothing", "must be within (0, 1]"))
        if self.confirm_hits < 1 or self.max_misses < 1:
            issues.append(ConfigIssue("<tracking>", "confirm_hits/max_misses", "must be >= 1"))
        if issues:
            raise ConfigError(issues)


@dataclass(frozen=True)
class Track:
    """One object the tracker follows. ``name`` is None while the track is tentative."""

    track_id: int
    name: str | None
    kind: str
    x: float
    y: float
    radius: float
    confidence: float
    origin: str
    """"config" (or "sim"): came with the world and is never dropped; "detector": found here."""
    hits: int = 0
    misses: int = 0
    moved: bool = False
    """Re-acquired at a new place in the last update (the pose jumped, no smoothing)."""

    @property
    def confirmed(self) -> bool:
        return self.name is not None


@dataclass(frozen=True)
class TrackerStep:
    """What one :meth:`ObjectTracker.update` did, by track name."""

    matched: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    created: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    tentative: int = 0
    ignored: int = 0
    """Detections below ``min_confidence`` or of an untracked kind."""


_NUMBERED = re.compile(r"^(?P<kind>.+?)(?P<num>\d+)$")


def next_free_name(kind: str, taken: Iterable[str]) -> str:
    """``kind`` + one more than the highest number any taken name of that kind carries.

    Numbers only go up, so a dropped ``puddle3`` is never reused for a different puddle
    that a stale plan might still mention.

    >>> next_free_name("puddle", ["puddle1", "puddle2", "soil7"])
    'puddle3'
    >>> next_free_name("rock", [])
    'rock1'
    """
    top = 0
    for name in taken:
        m = _NUMBERED.match(name)
        if m and m.group("kind") == kind:
            top = max(top, int(m.group("num")))
    return f"{kind}{top + 1}"


def _assign(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Minimum-cost pairs (row, col) with finite cost (Hungarian method)."""
    if not cost or not cost[0]:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    c = np.asarray(cost, dtype=float)
    rows, cols = linear_sum_assignment(c)
    return [(int(r), int(k)) for r, k in zip(rows, cols, strict=True) if c[r, k] < _BIG]


class ObjectTracker:
    """Keeps object identities across frames (see the module docstring for the rules).

    Examples
    --------
    >>> t = ObjectTracker(TrackerConfig(confirm_hits=1))
    >>> step = t.update([MapDetection("puddle", 1.0, 2.0, 1.5, 0.9)])
    >>> step.created
    ('puddle1',)
    >>> t.update([MapDetection("puddle", 1.3, 2.1, 1.5, 0.9)]).matched
    ('puddle1',)
    """

    def __init__(self, config: TrackerConfig | None = None):
        self.config = config or TrackerConfig()
        self._tracks: dict[int, Track] = {}
        self._next_id = 0
        self._names_used: set[str] = set()

    # ------------------------------------------------------------------ state

    @property
    def tracks(self) -> tuple[Track, ...]:
        return tuple(self._tracks.values())

    def confirmed(self) -> dict[str, Track]:
        return {t.name: t for t in self._tracks.values() if t.name is not None}

    def add_known(self, name: str, kind: str, x: float, y: float, radius: float,
                  origin: str = "config", confidence: float = 1.0) -> Track:
        """Follow an object that is already named (from the world file or an earlier run)."""
        for t in self._tracks.values():
            if t.name == name:
                return t
        track = Track(self._new_id(), name, kind, x, y, radius, confidence, origin, hits=1)
        self._tracks[track.track_id] = track
        self._names_used.add(name)
        return track

    def forget(self, name: str) -> None:
        """Stop following ``name`` (removed from the world by someone else)."""
        self._tracks = {i: t for i, t in self._tracks.items() if t.name != name}

    def reserve_names(self, names: Iterable[str]) -> None:
        """Names the tracker must not hand out (every object name in the world)."""
        self._names_used.update(names)

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    # ------------------------------------------------------------------ update

    def update(
        self,
        detections: Sequence[MapDetection],
        sees: Callable[[float, float], bool] | None = None,
    ) -> TrackerStep:
        """Fold one frame's detections into the tracks.

        ``sees(x, y)`` tells whether a ground point was inside this frame's view (default:
        everywhere); tracks out of view are neither matched nor counted as missed.
        """
        cfg = self.config
        ignored = 0
        by_kind: dict[str, list[MapDetection]] = {}
        for d in detections:
            if d.kind not in cfg.kinds or d.confidence < cfg.min_confidence or not _finite(d):
                ignored += 1
                continue
            by_kind.setdefault(d.kind, []).append(d)
        visible = {i: (sees is None or sees(t.x, t.y)) for i, t in self._tracks.items()}

        matched: list[str] = []
        moved: list[str] = []
        created: list[str] = []
        seen_ids: set[int] = set()
        for kind in sorted(set(by_kind) | {t.kind for t in self._tracks.values()}):
            dets = by_kind.get(kind, [])
            tracks = [t for t in self._tracks.values() if t.kind == kind and visible[t.track_id]]
            # Confirmed tracks first, so a tentative duplicate never steals a named object's detection.
            tracks.sort(key=lambda t: (t.name is None, t.track_id))
            pairs = _assign([[self._gated(t, d, cfg.gate_m + cfg.gate_radius_factor * t.radius)
                              for d in dets] for t in tracks])
            used = {k for _, k in pairs}
            for r, k in pairs:
                t = self._continue(tracks[r], dets[k], jump=False)
                seen_ids.add(t.track_id)
                if t.name is not None:
                    matched.append(t.name)
            # Second pass: a named object whose place is in view but empty may have moved.
            left_tracks = [t for t in tracks if t.track_id not in seen_ids and t.name is not None]
            left_dets = [k for k in range(len(dets))
                         if k not in used and not self._near_track(dets[k], tracks)]
            pairs2 = _assign([[self._gated(t, dets[k], cfg.reacquire_gate_m) for k in left_dets]
                              for t in left_tracks])
            for r, j in pairs2:
                k = left_dets[j]
                used.add(k)
                t = self._continue(left_tracks[r], dets[k], jump=True)
                seen_ids.add(t.track_id)
                if t.name is not None:
                    matched.append(t.name)
                    moved.append(t.name)
            for k, d in enumerate(dets):
                if k in used or self._near_track(d, tracks):
                    continue
                t = Track(self._new_id(), None, kind, d.x, d.y, d.radius, d.confidence, "detector", hits=1)
                self._tracks[t.track_id] = t
                seen_ids.add(t.track_id)
                if cfg.confirm_hits <= 1:
                    created.append(self._confirm(t).name or "")

        # Confirm tentative tracks that have now been seen often enough.
        for i in list(self._tracks):
            t = self._tracks[i]
            if t.name is None and i in seen_ids and t.hits >= cfg.confirm_hits:
                created.append(self._confirm(t).name or "")

        dropped: list[str] = []
        for i in list(self._tracks):
            t = self._tracks[i]
            if i in seen_ids or not visible[i]:
                continue
            if t.name is None:
                del self._tracks[i]  # a tentative track must be seen in consecutive frames
                continue
            t = replace(t, misses=t.misses + 1, moved=False)
            self._tracks[i] = t
            if t.origin == "detector" and t.misses >= cfg.max_misses:
                del self._tracks[i]
                dropped.append(t.name or "")
        return TrackerStep(
            matched=tuple(matched), moved=tuple(moved), created=tuple(n for n in created if n),
            dropped=tuple(dropped), tentative=sum(1 for t in self._tracks.values() if t.name is None),
            ignored=ignored,
        )

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _gated(t: Track, d: MapDetection, gate: float) -> float:
        dist = math.hypot(d.x - t.x, d.y - t.y)
        return dist if dist <= gate else _BIG

    def _near_track(self, d: MapDetection, tracks: Sequence[Track]) -> bool:
        """A leftover detection overlapping a tracked object of its kind is a duplicate box."""
        return any(math.hypot(d.x - t.x, d.y - t.y) < max(t.radius, self.config.gate_m) for t in tracks)

    def _continue(self, t: Track, d: MapDetection, jump: bool) -> Track:
        a = 1.0 if jump else self.config.smoothing
        new = replace(
            t,
            x=t.x + a * (d.x - t.x),
            y=t.y + a * (d.y - t.y),
            radius=t.radius if t.origin != "detector" else t.radius + a * (d.radius - t.radius),
            confidence=t.confidence + self.config.smoothing * (d.confidence - t.confidence),
            hits=t.hits + 1,
            misses=0,
            moved=jump,
        )
        self._tracks[t.track_id] = new
        return new

    def _confirm(self, t: Track) -> Track:
        name = next_free_name(t.kind, self._names_used | {n for n in self.confirmed()})
        self._names_used.add(name)
        new = replace(t, name=name)
        self._tracks[t.track_id] = new
        return new


def _finite(d: MapDetection) -> bool:
    return all(math.isfinite(v) for v in (d.x, d.y, d.radius, d.confidence))

