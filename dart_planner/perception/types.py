"""What every detector backend returns, and the errors perception raises.

A backend turns one camera image into a list of :class:`Detection` (kind, confidence, pixel
box). Everything after that (projection onto the map, tracking, world updates) works on
these plain records, so YOLO, a zero-shot transformer and the simulator's ground truth are
interchangeable behind :class:`Detector`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from ..core.errors import DartPlannerError

__all__ = [
    "CLASS_NAMES",
    "OBJECT_KINDS",
    "ROBOT_KINDS",
    "Detection",
    "Detector",
    "DetectorError",
    "DetectorInputError",
    "DetectorUnavailableError",
]

OBJECT_KINDS: tuple[str, ...] = ("puddle", "obstacle", "soil", "rock")
"""Site objects a detector reports and the world model stores (``World.objects`` kinds)."""
ROBOT_KINDS: tuple[str, ...] = ("excavator", "dump_truck")
"""Machines a detector reports; the fleet, not the world model, owns their poses."""
CLASS_NAMES: tuple[str, ...] = OBJECT_KINDS + ROBOT_KINDS
"""Class index order of the shipped model and of the synthetic data set's YOLO labels."""


class DetectorError(DartPlannerError):
    """A detector could not produce detections (bad weights, backend failure)."""


class DetectorInputError(DetectorError):
    """The image handed to a detector is unusable (empty, wrong dtype/shape/encoding, odd size).

    Raised before any model runs, so a ROS node logs one clear line and drops the frame.
    """


class DetectorUnavailableError(DetectorError):
    """A backend's optional dependency or model file is missing."""


@dataclass(frozen=True)
class Detection:
    """One object seen in one image.

    ``box_xyxy_px`` is (u_min, v_min, u_max, v_max) in pixels, u to the right and v down,
    the convention of :class:`~dart_planner.sim.render.PixelTransform`.
    """

    cls: str
    confidence: float
    box_xyxy_px: tuple[float, float, float, float]

    def __post_init__(self) -> None:
        box = tuple(float(v) for v in self.box_xyxy_px)
        if len(box) != 4 or not all(math.isfinite(v) for v in box):
            raise DetectorError(f"detection box must be 4 finite numbers, got {self.box_xyxy_px!r}")
        if box[2] < box[0] or box[3] < box[1]:
            raise DetectorError(f"detection box has max < min: {box}")
        if not 0.0 <= float(self.confidence) <= 1.0:
            raise DetectorError(f"detection confidence must be within [0, 1], got {self.confidence}")
        object.__setattr__(self, "box_xyxy_px", box)
        object.__setattr__(self, "confidence", float(self.confidence))

    @property
    def center_px(self) -> tuple[float, float]:
        u0, v0, u1, v1 = self.box_xyxy_px
        return 0.5 * (u0 + u1), 0.5 * (v0 + v1)

    @property
    def size_px(self) -> tuple[float, float]:
        u0, v0, u1, v1 = self.box_xyxy_px
        return u1 - u0, v1 - v0


@runtime_checkable
class Detector(Protocol):
    """Anything that finds site objects in an ``HxWx3`` uint8 RGB image."""

    def detect(self, image: np.ndarray) -> list[Detection]:
        """Detections in ``image``; raises :class:`DetectorInputError` for unusable input."""
        ...
