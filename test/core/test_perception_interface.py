"""Detector interface: Detection records, input checks, raw-buffer decoding, the backend registry."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from dart_planner.core.errors import DartPlannerError
from dart_planner.perception import (
    CLASS_NAMES,
    Detection,
    Detector,
    DetectorError,
    DetectorInputError,
    DetectorUnavailableError,
    check_image,
    image_from_buffer,
    make_detector,
)
from dart_planner.perception.transformers_backend import TransformersDetector


def test_detection_normalises_and_validates() -> None:
    d = Detection("puddle", 0.9, (1, 2, 11, 22))
    assert d.box_xyxy_px == (1.0, 2.0, 11.0, 22.0)
    assert d.center_px == (6.0, 12.0)
    assert d.size_px == (10.0, 20.0)
    with pytest.raises(DetectorError, match="max < min"):
        Detection("rock", 0.5, (10, 0, 5, 5))
    with pytest.raises(DetectorError, match="confidence"):
        Detection("rock", 1.5, (0, 0, 5, 5))
    with pytest.raises(DetectorError, match="finite"):
        Detection("rock", 0.5, (0, 0, float("nan"), 5))


def test_errors_are_package_errors() -> None:
    assert issubclass(DetectorInputError, DartPlannerError)
    assert issubclass(DetectorUnavailableError, DetectorError)


@pytest.mark.parametrize(
    ("image", "message"),
    [
        (None, "no image"),
        ([[1, 2, 3]], "numpy array"),
        (np.zeros((0, 0, 3), np.uint8), "empty"),
        (np.zeros((64, 64), np.uint8), r"HxWx3 \(RGB\), got shape \(64, 64\)"),
        (np.zeros((64, 64, 4), np.uint8), r"got shape \(64, 64, 4\)"),
        (np.zeros((64, 64, 3), np.float32), "uint8"),
        (np.zeros((8, 64, 3), np.uint8), "too small: 64x8"),
        (np.zeros((20, 400, 3), np.uint8), "odd aspect ratio: 400x20"),
        (np.zeros((16, 9000, 3), np.uint8), "too large"),
    ],
)
def test_bad_images_are_refused_with_a_clear_message(image: object, message: str) -> None:
    with pytest.raises(DetectorInputError, match=message):
        check_image(image)


def test_good_images_pass_and_become_contiguous() -> None:
    img = np.zeros((40, 60, 3), np.uint8)[:, ::-1]  # a non-contiguous view
    out = check_image(img)
    assert out.shape == (40, 60, 3) and out.flags["C_CONTIGUOUS"]


def test_image_from_buffer_decodes_every_encoding() -> None:
    rgb = np.arange(20 * 30 * 3, dtype=np.uint32).astype(np.uint8).reshape(20, 30, 3)
    assert np.array_equal(image_from_buffer(rgb.tobytes(), 30, 20, "rgb8"), rgb)
    assert np.array_equal(image_from_buffer(rgb[:, :, ::-1].tobytes(), 30, 20, "bgr8"), rgb)
    rgba = np.concatenate([rgb, np.full((20, 30, 1), 255, np.uint8)], axis=2)
    assert np.array_equal(image_from_buffer(rgba.tobytes(), 30, 20, "rgba8"), rgb)
    bgra = np.concatenate([rgb[:, :, ::-1], np.zeros((20, 30, 1), np.uint8)], axis=2)
    assert np.array_equal(image_from_buffer(bgra.tobytes(), 30, 20, "bgra8"), rgb)
    mono = rgb[:, :, 0]
    grey = np.repeat(mono[..., None], 3, 2)
    assert np.array_equal(image_from_buffer(mono.tobytes(), 30, 20, "mono8"), grey)
    # rows padded to 100 bytes (step > width * channels), as drivers do for alignment
    padded = np.zeros((20, 100), np.uint8)
    padded[:, :90] = rgb.reshape(20, 90)
    assert np.array_equal(image_from_buffer(padded.tobytes(), 30, 20, "rgb8", step=100), rgb)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((b"\0" * 1800, 30, 20, "yuv422"), "unsupported image encoding 'yuv422'"),
        ((b"\0" * 100, 30, 20, "rgb8"), "holds 100 B, a 30x20 rgb8 image needs 1800 B"),
        ((b"", 0, 0, "rgb8"), "empty"),
        ((b"\0" * 1800, 30, 20, "rgb8", 50), "row step 50 B is shorter"),
        ((b"\0" * 30, 10, 1, "mono8"), "too small"),
    ],
)
def test_image_from_buffer_refuses_broken_buffers(args: tuple, message: str) -> None:
    with pytest.raises(DetectorInputError, match=message):
        image_from_buffer(*args)


def test_registry_refuses_unknown_backends_and_bad_options() -> None:
    with pytest.raises(DetectorError, match="unknown detector backend 'yolo9000'.*ultralytics"):
        make_detector("yolo9000")
    with pytest.raises(DetectorError, match="bad options for detector backend 'transformers'"):
        make_detector("transformers", no_such_option=1)


def test_ultralytics_backend_reports_missing_weights_before_importing_torch() -> None:
    with pytest.raises(DetectorUnavailableError, match="weights not found: .*nope.pt"):
        make_detector("ultralytics", weights="/nonexistent/nope.pt")


def test_transformers_backend_needs_a_local_model() -> None:
    with pytest.raises(DetectorUnavailableError, match="needs model_path"):
        make_detector("transformers")
    with pytest.raises(DetectorUnavailableError, match="not found"):
        make_detector("transformers", model_path="/nonexistent/owlvit")


def test_transformers_backend_maps_prompts_to_kinds_and_clips_boxes() -> None:
    calls = {}

    def fake_pipeline(image: object, candidate_labels: list[str], threshold: float) -> list[dict]:
        calls["labels"] = candidate_labels
        calls["threshold"] = threshold
        calls["size"] = image.size  # type: ignore[attr-defined]
        def box(u0: float, v0: float, u1: float, v1: float) -> dict:
            return {"xmin": u0, "ymin": v0, "xmax": u1, "ymax": v1}

        return [
            {"label": "a puddle of water", "score": 0.8, "box": box(-5, 2, 20, 30)},
            {"label": "a blue dump truck", "score": 0.6, "box": box(40, 40, 90, 99)},
            {"label": "a cat", "score": 0.99, "box": box(1, 1, 5, 5)},
            {"label": "a dark rock", "score": 0.7, "box": box(70, 70, 70, 75)},
        ]

    det = TransformersDetector(pipeline=fake_pipeline, confidence=0.2)
    assert isinstance(det, Detector)
    out = det.detect(np.zeros((64, 80, 3), np.uint8))
    assert calls["size"] == (80, 64) and calls["threshold"] == 0.2
    assert len(calls["labels"]) == len(CLASS_NAMES)
    assert [(d.cls, d.box_xyxy_px) for d in out] == [
        ("puddle", (0.0, 2.0, 20.0, 30.0)),        # clipped at the left edge
        ("dump_truck", (40.0, 40.0, 80.0, 64.0)),  # clipped right and bottom
    ]                                              # unknown label and empty box dropped
    with pytest.raises(DetectorInputError):
        det.detect(np.zeros((64, 80), np.uint8))


def test_groundtruth_backend_loads_lazily_through_the_registry() -> None:
    det = make_detector("groundtruth")
    assert hasattr(det, "detect")


def test_perception_package_import_is_light() -> None:
    code = (
        "import sys, dart_planner.perception, dart_planner.perception.camera;"
        "import dart_planner.perception.tracking, dart_planner.perception.world_update;"
        "heavy = [m for m in ('torch', 'ultralytics', 'transformers', 'cv2', 'rclpy') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
