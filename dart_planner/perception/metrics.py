"""Detection metrics computed here in numpy, so every reported figure can be checked by hand.

* :func:`average_precision` — PASCAL VOC (2010+) AP: area under the precision-recall curve
  after making precision monotonically non-increasing (all-point interpolation).
* :func:`mean_average_precision` — per-class AP at one IoU threshold (0.5 for mAP50) over a
  set of images, and their mean over classes that have ground truth.
* :func:`localization_errors` — for detections matched to ground truth, the distance (m)
  between the box centre projected onto the map and the object's true position.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .types import Detection

__all__ = [
    "GroundTruth",
    "ClassAP",
    "MAPResult",
    "box_iou",
    "average_precision",
    "mean_average_precision",
    "localization_errors",
]


@dataclass(frozen=True)
class GroundTruth:
    """One labelled object of one image: kind, pixel box, map position, cut by the edge?"""

    kind: str
    box_xyxy_px: tuple[float, float, float, float]
    x: float = math.nan
    y: float = math.nan
    truncated: bool = False


@dataclass(frozen=True)
class ClassAP:
    kind: str
    ap: float
    n_ground_truth: int
    n_detections: int
    true_positives: int


@dataclass(frozen=True)
class MAPResult:
    iou_threshold: float
    per_class: Mapping[str, ClassAP]
    mean_ap: float
    """Mean of per-class AP over classes with at least one ground-truth object."""


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise IoU of boxes ``a`` (N x 4) and ``b`` (M x 4), xyxy; returns N x M.

    >>> box_iou(np.array([[0, 0, 2, 2]]), np.array([[1, 1, 3, 3], [0, 0, 2, 2]])).round(3).tolist()
    [[0.143, 1.0]]
    """
    a = np.asarray(a, dtype=float).reshape(-1, 4)
    b = np.asarray(b, dtype=float).reshape(-1, 4)
    iw = np.clip(np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]), 0, None)
    ih = np.clip(np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]), 0, None)
    inter = iw * ih
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(union > 0, inter / union, 0.0)


def average_precision(recall: Sequence[float] | np.ndarray, precision: Sequence[float] | np.ndarray) -> float:
    """VOC all-point AP of a precision-recall curve (points in decreasing-confidence order).

    >>> average_precision([0.5, 1.0], [1.0, 0.5])   # half found at precision 1, rest at 0.5
    0.75
    """
    r = np.concatenate([[0.0], np.asarray(recall, dtype=float), [1.0]])
    p = np.concatenate([[0.0], np.asarray(precision, dtype=float), [0.0]])
    p = np.maximum.accumulate(p[::-1])[::-1]  # precision envelope: best precision at >= recall
    idx = np.nonzero(r[1:] != r[:-1])[0]
    return float(np.sum((r[idx + 1] - r[idx]) * p[idx + 1]))


def _match_image(dets: Sequence[Detection], gts: Sequence[GroundTruth], kind: str, iou_thr: float
                 ) -> list[tuple[Detection, bool, int]]:
    """(detection, is_true_positive, gt index or -1) for ``kind``'s detections in one image,
    VOC style: by decreasing confidence, each takes its best-overlapping unmatched object."""
    d = sorted((x for x in dets if x.cls == kind), key=lambda x: -x.confidence)
    g_idx = [i for i, g in enumerate(gts) if g.kind == kind]
    if not d:
        return []
    if not g_idx:
        return [(x, False, -1) for x in d]
    ious = box_iou(np.array([x.box_xyxy_px for x in d]), np.array([gts[i].box_xyxy_px for i in g_idx]))
    taken = np.zeros(len(g_idx), dtype=bool)
    out = []
    for k, x in enumerate(d):
        j = int(np.argmax(ious[k]))
        if ious[k, j] >= iou_thr and not taken[j]:
            taken[j] = True
            out.append((x, True, g_idx[j]))
        else:
            out.append((x, False, -1))
    return out


def mean_average_precision(
    detections: Sequence[Sequence[Detection]],
    ground_truth: Sequence[Sequence[GroundTruth]],
    classes: Sequence[str],
    iou_threshold: float = 0.5,
) -> MAPResult:
    """Per-class VOC AP over images (``detections[i]`` and ``ground_truth[i]`` are image i's)."""
    if len(detections) != len(ground_truth):
        raise ValueError(f"{len(detections)} detection lists for {len(ground_truth)} images")
    per_class: dict[str, ClassAP] = {}
    for kind in classes:
        scored: list[tuple[float, bool]] = []
        n_gt = 0
        for dets, gts in zip(detections, ground_truth, strict=True):
            n_gt += sum(1 for g in gts if g.kind == kind)
            scored.extend((d.confidence, tp) for d, tp, _ in _match_image(dets, gts, kind, iou_threshold))
        scored.sort(key=lambda s: -s[0])
        tp = np.cumsum([1.0 if t else 0.0 for _, t in scored]) if scored else np.zeros(0)
        fp = np.cumsum([0.0 if t else 1.0 for _, t in scored]) if scored else np.zeros(0)
        if n_gt == 0:
            ap = math.nan
        elif not scored:
            ap = 0.0
        else:
            ap = average_precision(tp / n_gt, tp / np.maximum(tp + fp, 1e-12))
        per_class[kind] = ClassAP(kind, ap, n_gt, len(scored), int(tp[-1]) if len(tp) else 0)
    valid = [c.ap for c in per_class.values() if c.n_ground_truth > 0]
    return MAPResult(iou_threshold, per_class, float(np.mean(valid)) if valid else math.nan)


def localization_errors(
    detections: Sequence[Detection],
    ground_truth: Sequence[GroundTruth],
    to_map: Callable[[float, float], tuple[float, float]],
    min_confidence: float = 0.25,
    iou_threshold: float = 0.5,
) -> list[tuple[str, float]]:
    """(kind, metres) for each confident detection matched to a whole (untruncated) object.

    The box centre goes through ``to_map`` (the image's camera model) and is compared with
    the object's true map position; truncated objects are skipped because their box centre
    is not their position by construction.
    """
    dets = [d for d in detections if d.confidence >= min_confidence]
    out: list[tuple[str, float]] = []
    for kind in sorted({g.kind for g in ground_truth}):
        for det, ok, gi in _match_image(dets, ground_truth, kind, iou_threshold):
            if not ok:
                continue
            g = ground_truth[gi]
            if g.truncated or not (math.isfinite(g.x) and math.isfinite(g.y)):
                continue
            x, y = to_map(*det.center_px)
            out.append((kind, math.hypot(x - g.x, y - g.y)))
    return out
