"""mAP50 and localization error, checked against values worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dart_planner.perception.camera import OrthographicCamera
from dart_planner.perception.metrics import (
    GroundTruth,
    average_precision,
    box_iou,
    localization_errors,
    mean_average_precision,
)
from dart_planner.perception.types import Detection

CLASSES = ("puddle", "rock")


def test_box_iou_by_hand() -> None:
    a = np.array([[0, 0, 10, 10], [0, 0, 1, 1]])
    b = np.array([[5, 0, 15, 10], [20, 20, 30, 30], [0, 0, 10, 10]])
    iou = box_iou(a, b)
    assert iou.shape == (2, 3)
    assert iou[0].tolist() == pytest.approx([50 / 150, 0.0, 1.0])
    assert iou[1].tolist() == pytest.approx([0.0, 0.0, 0.01])


def test_average_precision_by_hand() -> None:
    assert average_precision([1.0], [1.0]) == 1.0
    # TP, FP, TP over 2 objects: precision 1, .5, .667 at recall .5, .5, 1 -> envelope 1 then .667
    assert average_precision([0.5, 0.5, 1.0], [1.0, 0.5, 2 / 3]) == pytest.approx(0.5 + 0.5 * 2 / 3)
    assert average_precision([0.0, 0.0], [0.0, 0.0]) == 0.0


def test_map_perfect_detector_scores_one() -> None:
    gts = [[GroundTruth("puddle", (0, 0, 10, 10)), GroundTruth("rock", (20, 20, 25, 25))],
           [GroundTruth("rock", (5, 5, 9, 9))]]
    dets = [[Detection(g.kind, 0.9, g.box_xyxy_px) for g in img] for img in gts]
    res = mean_average_precision(dets, gts, CLASSES)
    assert res.mean_ap == 1.0 and res.per_class["rock"].n_ground_truth == 2


def test_map_ranks_false_positives_duplicates_and_misses() -> None:
    gts = [[GroundTruth("puddle", (0, 0, 10, 10))], [GroundTruth("puddle", (0, 0, 10, 10))]]
    dets = [
        [Detection("puddle", 0.95, (50, 50, 60, 60)),   # FP, most confident
         Detection("puddle", 0.9, (0, 0, 10, 11)),      # TP (IoU 0.91)
         Detection("puddle", 0.8, (1, 0, 10, 10))],     # duplicate of the same object: FP
        [Detection("puddle", 0.7, (0, 0, 10, 30))],     # IoU 0.33 < 0.5: FP; the object is missed
    ]
    res = mean_average_precision(dets, gts, CLASSES)
    # ranked: FP, TP, FP, FP -> recall .5 reached at precision .5, never 1.0 -> AP = .5 * .5
    assert res.per_class["puddle"].ap == pytest.approx(0.25)
    assert res.per_class["puddle"].true_positives == 1
    assert math.isnan(res.per_class["rock"].ap)  # no rock anywhere: not part of the mean
    assert res.mean_ap == pytest.approx(0.25)


def test_map_wrong_class_is_a_false_positive_and_a_miss() -> None:
    gts = [[GroundTruth("rock", (0, 0, 10, 10))]]
    res = mean_average_precision([[Detection("puddle", 0.9, (0, 0, 10, 10))]], gts, CLASSES)
    assert res.per_class["rock"].ap == 0.0 and res.mean_ap == 0.0


def test_localization_error_projects_box_centres_to_the_map() -> None:
    cam = OrthographicCamera(-10.0, 10.0, 0.1, 200, 200)
    gts = [GroundTruth("puddle", (40, 40, 60, 60), x=-5.0, y=5.0),
           GroundTruth("rock", (0, 90, 10, 110), x=-10.5, y=0.0, truncated=True)]
    dets = [Detection("puddle", 0.9, (43, 40, 63, 60)),  # 3 px right -> 0.3 m
            Detection("rock", 0.9, (0, 90, 10, 110)),     # truncated object: not counted
            Detection("puddle", 0.1, (40, 40, 60, 60))]   # below the operating confidence
    errs = localization_errors(dets, gts, cam.to_map, min_confidence=0.25)
    assert errs == [("puddle", pytest.approx(0.3))]


def test_map_needs_one_detection_list_per_image() -> None:
    with pytest.raises(ValueError, match="2 detection lists for 1 images"):
        mean_average_precision([[], []], [[]], CLASSES)
