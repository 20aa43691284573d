"""Build a detector backend by name: ``make_detector("ultralytics", weights=...)``.

The ROS detector node and the CLI choose backends from configuration through this one
function, so adding a backend means adding one entry here. Backend modules are imported on
demand: asking for ``groundtruth`` never imports torch.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .types import Detector, DetectorError

__all__ = ["BACKENDS", "make_detector"]


def _ultralytics(**options: Any) -> Detector:
    from .ultralytics_backend import UltralyticsDetector

    return UltralyticsDetector(**options)


def _transformers(**options: Any) -> Detector:
    from .transformers_backend import TransformersDetector

    return TransformersDetector(**options)


def _groundtruth(**options: Any) -> Detector:
    module = importlib.import_module("dart_planner.perception.groundtruth")
    factory = getattr(module, "make_detector", None) or getattr(module, "GroundTruthDetector", None)
    if factory is None:
        raise DetectorError("dart_planner.perception.groundtruth defines no GroundTruthDetector")
    detector: Detector = factory(**options)
    return detector


BACKENDS: dict[str, Callable[..., Detector]] = {
    "ultralytics": _ultralytics,
    "transformers": _transformers,
    "groundtruth": _groundtruth,
}


def make_detector(name: str, **options: Any) -> Detector:
    """The detector backend ``name`` built with ``options`` (the backend's keyword arguments).

    Raises DetectorError for an unknown name or options the backend does not take, and
    DetectorUnavailableError when its extra or model file is missing.

    >>> make_detector("yolo9000")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dart_planner.perception.types.DetectorError: unknown detector backend 'yolo9000' (known: ...)
    """
    factory = BACKENDS.get(name)
    if factory is None:
        raise DetectorError(f"unknown detector backend {name!r} (known: {', '.join(BACKENDS)})")
    try:
        return factory(**options)
    except TypeError as exc:
        raise DetectorError(f"bad options for detector backend {name!r}: {exc}") from exc
