"""Settings of the perception layer, read from ``config/detector.yaml``.

One frozen :class:`DetectorConfig` says which backend to build and with what options, and
how detections update the world model (:class:`~.tracking.TrackerConfig`). The CLI and the
ROS detector node both build their detector with :func:`detector_from_config`, so they agree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core.config_reader import ConfigReader, load_yaml, unwrap_ros_parameters
from ..core.errors import ConfigError
from ..resources import config_path
from .registry import BACKENDS, make_detector
from .tracking import TrackerConfig
from .types import Detector

__all__ = ["DetectorConfig", "load_detector_config", "detector_config_from_dict", "detector_from_config",
           "default_detector_config_path"]


@dataclass(frozen=True)
class DetectorConfig:
    """All settings of ``config/detector.yaml`` (the file documents each one)."""

    backend: str = "ultralytics"
    weights: str = ""
    device: str = "cpu"
    imgsz: int = 320
    confidence: float = 0.25
    iou: float = 0.5
    max_detections: int = 100
    classes: tuple[str, ...] = ()
    class_map: Mapping[str, str] = field(default_factory=dict)
    model_path: str = ""
    prompts: Mapping[str, str] = field(default_factory=dict)
    groundtruth: Mapping[str, Any] = field(default_factory=dict)
    tracking: TrackerConfig = field(default_factory=TrackerConfig)

    def __post_init__(self) -> None:
        for name in ("class_map", "prompts", "groundtruth"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        object.__setattr__(self, "classes", tuple(self.classes))

    def backend_options(self) -> dict[str, Any]:
        """Keyword arguments of :func:`make_detector` for the configured backend."""
        if self.backend == "ultralytics":
            return {"weights": self.weights, "device": self.device, "imgsz": self.imgsz,
                    "confidence": self.confidence, "iou": self.iou, "max_detections": self.max_detections,
                    "classes": self.classes, "class_map": dict(self.class_map)}
        if self.backend == "transformers":
            return {"model_path": self.model_path, "prompts": dict(self.prompts) or None,
                    "confidence": self.confidence, "device": self.device}
        return dict(self.groundtruth)


def default_detector_config_path() -> Path:
    return config_path("detector.yaml")


def load_detector_config(path: str | Path | None = None) -> DetectorConfig:
    """Load ``path`` (default: the shipped ``config/detector.yaml``); raises ConfigError
    listing every problem."""
    p = Path(path) if path is not None else default_detector_config_path()
    return detector_config_from_dict(load_yaml(p) or {}, str(p))


def detector_config_from_dict(raw: Any, file: str = "<detector config>") -> DetectorConfig:
    r = ConfigReader(file)
    data = r.mapping(unwrap_ros_parameters(raw if raw is not None else {}), "")
    fields = {f.name for f in dataclasses.fields(DetectorConfig)}
    r.unknown_keys(data, fields, "")
    d = DetectorConfig()
    values: dict[str, Any] = {}
    if "backend" in data:
        values["backend"] = r.string(data, "backend", "")
        if values["backend"] not in BACKENDS:
            r.error("backend", f"expected one of {list(BACKENDS)}, got {values['backend']!r}")
    for name in ("weights", "device", "model_path"):
        if name in data:
            values[name] = r.string(data, name, "", getattr(d, name))
    for name in ("imgsz", "max_detections"):
        if name in data:
            v = data[name]
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                r.error(name, f"expected a positive integer, got {v!r}")
            else:
                values[name] = v
    for name in ("confidence", "iou"):
        if name in data:
            v = r.number(data, name, "")
            if not 0.0 <= v <= 1.0:
                r.error(name, f"must be within [0, 1], got {v}")
            values[name] = v
    if "classes" in data:
        values["classes"] = tuple(r.string_list(data, "classes", ""))
    for name in ("class_map", "prompts"):
        if name in data:
            m = r.mapping(data[name] if data[name] is not None else {}, name)
            if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in m.items()):
                r.error(name, "expected a mapping of strings to non-empty strings")
            else:
                values[name] = dict(m)
    if "groundtruth" in data:
        values["groundtruth"] = dict(r.mapping(data["groundtruth"] or {}, "groundtruth"))
    if "tracking" in data:
        t = r.mapping(data["tracking"] or {}, "tracking")
        tfields = {f.name: f for f in dataclasses.fields(TrackerConfig)}
        r.unknown_keys(t, set(tfields), "tracking")
        tv: dict[str, Any] = {}
        for name, value in t.items():
            if name not in tfields:
                continue
            default = getattr(TrackerConfig(), name)
            if name == "kinds":
                tv[name] = tuple(r.string_list(t, name, "tracking"))
            elif isinstance(default, int) and not isinstance(default, bool):
                if isinstance(value, bool) or not isinstance(value, int):
                    r.error(f"tracking.{name}", f"expected an integer, got {value!r}")
                else:
                    tv[name] = value
            else:
                tv[name] = r.number(t, name, "tracking")
        if not r.issues:
            try:
                values["tracking"] = TrackerConfig(**tv)
            except ConfigError as exc:
                for issue in exc.issues:
                    r.error(f"tracking.{issue.key}", issue.reason)
    r.raise_if_any()
    return DetectorConfig(**values)


def detector_from_config(cfg: DetectorConfig, **overrides: Any) -> Detector:
    """Build the configured backend (``overrides`` replace individual options)."""
    return make_detector(cfg.backend, **{**cfg.backend_options(), **overrides})
