"""Confidence-gated, smoothed updates of the world model from detections.

:class:`WorldUpdater` owns an :class:`~dart_planner.perception.tracking.ObjectTracker`
seeded with the world's objects, so a detection of a known object refines *that* object
(``puddle1`` stays ``puddle1``) and a new one is added under a fresh name (``puddle3``). Only
confirmed tracks whose smoothed confidence reaches ``min_confidence`` are written, with
``source="detector"``; configured objects are never removed, objects only the detector knew
are removed once they have gone unseen (while in view) for ``max_misses`` frames.

The world stays immutable: every update returns a new :class:`~dart_planner.core.world.World`
built with :meth:`World.with_object` / :meth:`World.without_object`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.world import World, WorldObject
from .camera import CameraModel, box_footprint
from .tracking import MapDetection, ObjectTracker, TrackerConfig, TrackerStep
from .types import Detection

__all__ = ["WorldUpdate", "WorldUpdater", "project_detections"]

_POSE_EPS = 1e-3


def project_detections(detections: Sequence[Detection], camera: CameraModel) -> list[MapDetection]:
    """Place pixel detections on the ground plane through ``camera``.

    Detections whose box centre does not see the ground (pinhole ray above the horizon)
    are skipped rather than raised: one bad box must not lose a whole frame.
    """
    out: list[MapDetection] = []
    for d in detections:
        try:
            x, y, r = box_footprint(camera, d.box_xyxy_px)
        except Exception:  # noqa: BLE001 - CameraModelError or degenerate numbers; skip the box
            continue
        if math.isfinite(x) and math.isfinite(y) and math.isfinite(r):
            out.append(MapDetection(d.cls, x, y, r, d.confidence))
    return out


@dataclass(frozen=True)
class WorldUpdate:
    """The new world and what changed in it (object names)."""

    world: World
    added: tuple[str, ...]
    updated: tuple[str, ...]
    removed: tuple[str, ...]
    step: TrackerStep

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class WorldUpdater:
    """Turns a stream of frames' detections into world-model updates.

    Examples
    --------
    >>> from dart_planner.core.world import World, WorldObject
    >>> w = World({"puddle1": WorldObject("puddle1", "puddle", 0.0, 0.0, 2.0)})
    >>> up = WorldUpdater(w, TrackerConfig(confirm_hits=1))
    >>> r = up.update(w, [MapDetection("puddle", 0.4, 0.0, 2.0, 0.9), MapDetection("rock", 9, 9, 1, 0.9)])
    >>> sorted(r.world.object_names), r.added
    (['puddle1', 'rock1'], ('rock1',))
    """

    def __init__(self, world: World, config: TrackerConfig | None = None):
        self.config = config or TrackerConfig()
        self.tracker = ObjectTracker(self.config)
        self._written: dict[str, WorldObject] = {}
        self._sync(world)

    def _sync(self, world: World) -> None:
        """Follow objects someone else added to the world; forget ones someone removed."""
        self.tracker.reserve_names(world.object_names)
        known = self.tracker.confirmed()
        for name in set(known) - set(world.object_names):
            self.tracker.forget(name)
            self._written.pop(name, None)
        for o in world.objects.values():
            if o.kind in self.config.kinds and o.name not in known:
                origin = "detector" if o.source == "detector" else "config"
                self.tracker.add_known(o.name, o.kind, o.x, o.y, o.radius, origin, o.confidence)

    def update(
        self, world: World, detections: Sequence[MapDetection] | Sequence[Detection],
        camera: CameraModel | None = None,
    ) -> WorldUpdate:
        """Fold one frame into ``world``.

        ``detections`` are map-frame (:class:`MapDetection`) or pixel detections
        (:class:`Detection`, then ``camera`` projects them). With a ``camera``, objects out of
        its view are not expected to be seen (they are not counted as missed).
        """
        self._sync(world)
        dets: list[MapDetection]
        if detections and isinstance(detections[0], Detection):
            if camera is None:
                raise ValueError("pixel detections need a camera model to reach the map")
            dets = project_detections(detections, camera)  # type: ignore[arg-type]
        else:
            dets = list(detections)  # type: ignore[arg-type]
        sees = None
        if camera is not None:
            margin = self.config.edge_margin_px
            sees = lambda x, y: camera.sees(x, y, margin)  # noqa: E731
        step = self.tracker.update(dets, sees)

        new_world = world
        added: list[str] = []
        updated: list[str] = []
        for name in step.dropped:
            if new_world.has_object(name) and new_world.object(name).source == "detector":
                new_world = new_world.without_object(name)
        for name, t in self.tracker.confirmed().items():
            if t.confidence < self.config.min_confidence:
                continue  # gated: not sure enough to tell the planner
            if name not in step.matched and name not in step.created:
                continue  # not observed this frame: leave the world's entry as it is
            old = new_world.objects.get(name)
            obj = WorldObject(
                name=name, kind=t.kind, x=t.x, y=t.y, radius=t.radius, source="detector",
                confidence=round(t.confidence, 4), volume=old.volume if old else 0.0,
            )
            if old is None:
                added.append(name)
            elif _same(old, obj):
                continue
            else:
                updated.append(name)
            new_world = new_world.with_object(obj)
            self._written[name] = obj
        removed = tuple(n for n in step.dropped if world.has_object(n) and not new_world.has_object(n))
        return WorldUpdate(new_world, tuple(added), tuple(updated), removed, step)


def _same(a: WorldObject, b: WorldObject) -> bool:
    return (
        a.kind == b.kind and a.source == b.source
        and abs(a.x - b.x) < _POSE_EPS and abs(a.y - b.y) < _POSE_EPS
        and abs(a.radius - b.radius) < _POSE_EPS and abs(a.confidence - b.confidence) < 1e-3
    )
