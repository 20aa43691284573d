"""One call per camera frame: detect, place on the map, update the world model.

:class:`PerceptionPipeline` is what the ROS detector node (and tests, and the CLI) drive: it
holds a detector, a :class:`~.world_update.WorldUpdater` and the last world, and turns an
image plus the camera model it was taken with into a :class:`FrameResult`. Unusable images
raise :class:`~.types.DetectorInputError` before anything changes, so a caller can log and
skip the frame.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..core.world import World
from .camera import CameraModel
from .image import check_image
from .tracking import MapDetection, TrackerConfig
from .types import Detection, Detector
from .world_update import WorldUpdate, WorldUpdater, project_detections

__all__ = ["FrameResult", "PerceptionPipeline"]


@dataclass(frozen=True)
class FrameResult:
    detections: tuple[Detection, ...]
    placed: tuple[MapDetection, ...]
    update: WorldUpdate
    detect_s: float

    @property
    def world(self) -> World:
        return self.update.world


class PerceptionPipeline:
    """Detector + camera projection + tracker over a world that evolves frame by frame.

    Examples
    --------
    >>> pipe = PerceptionPipeline(detector, world)                      # doctest: +SKIP
    >>> result = pipe.process(image, OrthographicCamera.from_transform(tf))  # doctest: +SKIP
    >>> result.update.added                                             # doctest: +SKIP
    ('puddle3',)
    """

    def __init__(self, detector: Detector, world: World, tracking: TrackerConfig | None = None):
        self.detector = detector
        self.world = world
        self.updater = WorldUpdater(world, tracking)

    def process(self, image: np.ndarray, camera: CameraModel, world: World | None = None) -> FrameResult:
        """Run one frame. ``world`` (default: the last one) lets a caller merge in changes made
        elsewhere (a config reload, objects another node added) before this frame lands."""
        rgb = check_image(image)
        t0 = time.perf_counter()
        dets = tuple(self.detector.detect(rgb))
        dt = time.perf_counter() - t0
        placed = tuple(project_detections(dets, camera))
        update = self.updater.update(world if world is not None else self.world, placed, camera)
        self.world = update.world
        return FrameResult(dets, placed, update, dt)
