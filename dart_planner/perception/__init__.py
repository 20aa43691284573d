"""Perception: camera images -> detections -> objects on the map -> the world model.

Import-light on purpose (numpy only): the heavy backends (torch, ultralytics, transformers)
load when :func:`make_detector` builds one, and the tracker, cameras, data set generator and
evaluation live in submodules imported where used.

- :mod:`.types`: :class:`Detection`, the :class:`Detector` protocol, the error types, class names.
- :mod:`.image`: input checks and raw-buffer decoding (sensor_msgs/Image encodings).
- :mod:`.registry`: ``make_detector("ultralytics" | "transformers" | "groundtruth", **options)``.
- :mod:`.camera`: orthographic (sim) and pinhole camera models, pixel <-> ground plane.
- :mod:`.tracking`, :mod:`.world_update`: association, naming (``puddle3``), gated world updates.
- :mod:`.pipeline`: one call per frame: detect, project, update the world.
- :mod:`.dataset`, :mod:`.labels`, :mod:`.training`, :mod:`.metrics`, :mod:`.evaluate`: synthetic
  data, training and evaluation of the shipped detector.
"""

from .image import check_image, image_from_buffer
from .registry import make_detector
from .types import (
    CLASS_NAMES,
    OBJECT_KINDS,
    ROBOT_KINDS,
    Detection,
    Detector,
    DetectorError,
    DetectorInputError,
    DetectorUnavailableError,
)

__all__ = [
    "CLASS_NAMES",
    "OBJECT_KINDS",
    "ROBOT_KINDS",
    "Detection",
    "Detector",
    "DetectorError",
    "DetectorInputError",
    "DetectorUnavailableError",
    "check_image",
    "image_from_buffer",
    "make_detector",
]
