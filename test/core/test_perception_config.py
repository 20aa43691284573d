"""config/detector.yaml: the shipped file loads, every mistake is reported, backends build from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dart_planner.core.errors import ConfigError
from dart_planner.perception.config import (
    DetectorConfig,
    detector_config_from_dict,
    detector_from_config,
    load_detector_config,
)
from dart_planner.perception.types import DetectorUnavailableError

CONFIG = Path(__file__).resolve().parents[2] / "config" / "detector.yaml"


def test_shipped_config_is_the_documented_default() -> None:
    cfg = load_detector_config(CONFIG)
    assert cfg == DetectorConfig()
    assert cfg.backend_options()["imgsz"] == 320


def test_ros_parameter_form_and_overrides() -> None:
    cfg = detector_config_from_dict({"/**": {"ros__parameters": {
        "backend": "transformers", "model_path": "/models/owlv2", "confidence": 0.2,
        "prompts": {"puddle": "water on the ground"}, "tracking": {"confirm_hits": 3, "gate_m": 3}}}})
    assert cfg.backend == "transformers" and cfg.tracking.confirm_hits == 3 and cfg.tracking.gate_m == 3.0
    assert cfg.backend_options() == {"model_path": "/models/owlv2", "confidence": 0.2, "device": "cpu",
                                     "prompts": {"puddle": "water on the ground"}}


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ConfigError) as info:
        detector_config_from_dict({
            "backend": "darknet", "imgsz": -3, "confidence": 2.0, "colour": "red",
            "class_map": {"a": ""}, "tracking": {"gate_m": "far", "max_misses": 1.5, "bogus": 1},
        }, "detector.yaml")
    text = str(info.value)
    for fragment in ("backend", "imgsz", "confidence", "colour: unknown key", "class_map",
                     "tracking.gate_m", "tracking.max_misses", "tracking.bogus"):
        assert fragment in text, fragment


def test_tracking_values_are_range_checked_through_the_file() -> None:
    with pytest.raises(ConfigError, match="tracking.smoothing"):
        detector_config_from_dict({"tracking": {"smoothing": 0.0}})


def test_detector_from_config_builds_the_named_backend() -> None:
    with pytest.raises(DetectorUnavailableError, match="model_path"):
        detector_from_config(DetectorConfig(backend="transformers"))
    with pytest.raises(DetectorUnavailableError, match="not found"):
        detector_from_config(DetectorConfig(weights="/nonexistent/w.pt"))
    assert hasattr(detector_from_config(DetectorConfig(backend="groundtruth")), "detect")
