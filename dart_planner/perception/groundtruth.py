"""The ``groundtruth`` detector backend: the simulator's own object list instead of a model.

``sim_node`` publishes what it knows on ``sim/ground_truth`` (an ``objects@1`` payload with
current pile volumes, plus the camera it renders). :class:`GroundTruthDetector` is fed those
payloads and answers in both forms a detector is asked for:

* :meth:`GroundTruthDetector.objects`: map-frame :class:`~dart_planner.core.world.WorldObject`
  lists, exact (``source="sim"``, confidence 1 unless the payload says otherwise), which the
  detector node publishes directly. This is the oracle a learned detector is compared with.
* :meth:`GroundTruthDetector.detect`: pixel boxes in the camera image (the ``Detector``
  protocol of the learned backends), so the same node and tools can run it in their place.

It depends on the core, the simulator's pixel transform (one convention for rendered images
and reported boxes), and on the perception types when :meth:`detect` is called. Untrusted
input (a payload from the graph) is checked entry by entry; a bad entry is refused with a
reason, never guessed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, cast

from ..core.objects import parse_objects
from ..core.world import WorldObject
from ..sim.render import PixelTransform

__all__ = ["GroundTruthCamera", "GroundTruthDetector", "camera_from_payload", "make_detector", "objects_from_truth"]

MIN_VISIBLE = 0.35
"""A disc whose box is cut by the image edge to less than this fraction is not reported."""


GroundTruthCamera = PixelTransform
"""The simulator's top-down orthographic camera: its renderer's own transform, so the boxes
reported here use exactly the pixel convention the rendered image does."""


def camera_from_payload(d: Any) -> PixelTransform | None:
    """The camera of a ``sim/ground_truth`` payload, or None when it is missing or not sane."""
    if not isinstance(d, Mapping):
        return None
    try:
        cam = PixelTransform(float(d["x0"]), float(d["y0"]), float(d["meters_per_px"]), int(d["width"]),
                             int(d["height"]))
    except (KeyError, TypeError, ValueError):
        return None
    ok = all(math.isfinite(v) for v in (cam.x0, cam.y0, cam.meters_per_px))
    return cam if ok and cam.meters_per_px > 0 and cam.width > 0 and cam.height > 0 else None


def _finite(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def objects_from_truth(payload: Mapping[str, Any]) -> tuple[list[WorldObject], list[str]]:
    """The objects of a ground-truth payload, and why each refused entry was refused.

    The detector payload's checks (:func:`dart_planner.core.objects.parse_objects`), as the
    simulator reports its own site: every entry names its kind, the source defaults to
    ``sim``, and neither the radius nor the position is bounded (the truth is not second-guessed).
    """
    return parse_objects(payload, bounds=None, default_kind=None, default_source="sim", what="ground truth")


class GroundTruthDetector:
    """Reports the simulator's ground truth as detections (see the module docstring).

    Parameters
    ----------
    kinds
        Object kinds to report (default: every kind in the ground truth).
    min_confidence
        Objects below this confidence are left out.
    """

    def __init__(self, kinds: Iterable[str] | None = None, min_confidence: float = 0.0):
        self.kinds = frozenset(kinds) if kinds is not None else None
        self.min_confidence = float(min_confidence)
        self._objects: list[WorldObject] = []
        self.camera: GroundTruthCamera | None = None
        self.time: float | None = None
        """Simulated time of the last payload (None: none received yet)."""

    @property
    def has_truth(self) -> bool:
        return self.time is not None

    def update(self, payload: Mapping[str, Any]) -> list[str]:
        """Take a new ground-truth payload; returns the reasons entries were refused."""
        objects, refused = objects_from_truth(payload)
        self._objects = objects
        cam = camera_from_payload(payload.get("camera"))
        if cam is not None:
            self.camera = cam
        t = payload.get("time")
        self.time = float(cast(float, t)) if _finite(t) else (self.time or 0.0)
        return refused

    def set_camera(self, camera: GroundTruthCamera) -> None:
        self.camera = camera

    def objects(self) -> list[WorldObject]:
        """Every reported object in the map frame, sorted by name."""
        return sorted(
            (o for o in self._objects
             if (self.kinds is None or o.kind in self.kinds) and o.confidence >= self.min_confidence),
            key=lambda o: o.name,
        )

    def detect(self, image: Any) -> list[Any]:
        """Pixel boxes of the reported objects in ``image`` (``Detector`` protocol).

        Raises ``DetectorInputError`` for an unusable image, or one whose size is not the
        ground-truth camera's (the boxes would not be where the picture is).
        """
        from .image import check_image
        from .types import Detection, DetectorInputError

        arr = check_image(image)
        cam = self.camera
        if cam is None:
            raise DetectorInputError("no ground-truth camera yet (sim/ground_truth has not described one)")
        h, w = int(arr.shape[0]), int(arr.shape[1])
        if (w, h) != (cam.width, cam.height):
            raise DetectorInputError(f"image is {w}x{h} px but the ground-truth camera renders "
                                     f"{cam.width}x{cam.height} px")
        out = []
        for o in self.objects():
            u, v = cam.to_pixel(o.x, o.y)
            r = o.radius / cam.meters_per_px
            box = (u - r, v - r, u + r, v + r)
            clipped = (max(0.0, box[0]), max(0.0, box[1]), min(float(w), box[2]), min(float(h), box[3]))
            area = (box[2] - box[0]) * (box[3] - box[1])
            seen = max(0.0, clipped[2] - clipped[0]) * max(0.0, clipped[3] - clipped[1])
            if area <= 0 or seen / area < MIN_VISIBLE:
                continue
            out.append(Detection(o.kind, o.confidence, clipped))
        return out


def make_detector(**options: Any) -> GroundTruthDetector:
    """Registry entry point (``make_detector("groundtruth", **options)``)."""
    return GroundTruthDetector(**options)
