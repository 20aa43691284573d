"""Evaluate a detector on a generated data set: mAP50, localization error (m), CPU FPS.

Ground truth is read from the data set's metadata (pixel boxes, map positions, camera);
detections come from any :class:`~dart_planner.perception.types.Detector`, and all metrics
are computed by :mod:`.metrics` (plain numpy), not by the training framework.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from .camera import OrthographicCamera
from .dataset import read_split
from .metrics import GroundTruth, MAPResult, localization_errors, mean_average_precision
from .types import CLASS_NAMES, Detection, Detector

__all__ = ["EvalReport", "evaluate_dataset", "measure_fps", "load_rgb", "ground_truth_from_meta"]


@dataclass(frozen=True)
class EvalReport:
    split: str
    images: int
    map50: float
    ap50: Mapping[str, float]
    ground_truth: Mapping[str, int]
    loc_error_m: float
    """Mean distance (m) between matched detections' projected box centres and true positions."""
    loc_error_by_kind: Mapping[str, float]
    loc_matches: int
    loc_error_p95_m: float
    fps: float | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def r(v: float | None) -> float | None:
            return None if v is None or (isinstance(v, float) and math.isnan(v)) else round(float(v), 4)

        return {
            "split": self.split, "images": self.images, "map50": r(self.map50),
            "ap50": {k: r(v) for k, v in self.ap50.items()}, "ground_truth": dict(self.ground_truth),
            "loc_error_m": r(self.loc_error_m), "loc_error_p95_m": r(self.loc_error_p95_m),
            "loc_error_by_kind": {k: r(v) for k, v in self.loc_error_by_kind.items()},
            "loc_matches": self.loc_matches, "fps": r(self.fps), **dict(self.extra),
        }


def load_rgb(path: str | Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.uint8)


def ground_truth_from_meta(meta: Mapping[str, Any]) -> tuple[list[GroundTruth], OrthographicCamera]:
    cam_d = dict(meta["camera"])
    cam_d.pop("model", None)
    cam = OrthographicCamera(**cam_d)
    gts = [GroundTruth(o["kind"], tuple(o["box"]), float(o["x"]), float(o["y"]), bool(o["truncated"]))
           for o in meta["objects"]]
    return gts, cam


def evaluate_dataset(
    detector: Detector,
    root: str | Path,
    split: str = "test",
    limit: int | None = None,
    loc_confidence: float = 0.25,
    classes: tuple[str, ...] = CLASS_NAMES,
    progress: Callable[[int], None] | None = None,
) -> EvalReport:
    """Run ``detector`` over one split and score it (see the module docstring).

    For a faithful AP the detector should report low-confidence boxes too (e.g. 0.01);
    the localization error only counts detections at or above ``loc_confidence``, the
    operating point the world model uses.
    """
    all_dets: list[list[Detection]] = []
    all_gts: list[list[GroundTruth]] = []
    errors: list[tuple[str, float]] = []
    for k, (img_path, meta) in enumerate(read_split(root, split)):
        if limit is not None and k >= limit:
            break
        gts, cam = ground_truth_from_meta(meta)
        dets = detector.detect(load_rgb(img_path))
        all_dets.append(dets)
        all_gts.append(gts)
        errors.extend(localization_errors(dets, gts, cam.to_map, loc_confidence))
        if progress:
            progress(k + 1)
    res: MAPResult = mean_average_precision(all_dets, all_gts, classes, 0.5)
    by_kind: dict[str, list[float]] = {}
    for kind, e in errors:
        by_kind.setdefault(kind, []).append(e)
    errs = [e for _, e in errors]
    return EvalReport(
        split=split,
        images=len(all_dets),
        map50=res.mean_ap,
        ap50={k: c.ap for k, c in res.per_class.items()},
        ground_truth={k: c.n_ground_truth for k, c in res.per_class.items()},
        loc_error_m=statistics.fmean(errs) if errs else math.nan,
        loc_error_by_kind={k: statistics.fmean(v) for k, v in sorted(by_kind.items())},
        loc_matches=len(errs),
        loc_error_p95_m=float(np.percentile(errs, 95)) if errs else math.nan,
    )


def measure_fps(detector: Detector, image: np.ndarray, warmup: int = 5, repeats: int = 30) -> float:
    """Single-image throughput (frames/s) after ``warmup`` untimed calls; median of per-call
    times, so one scheduler hiccup on a shared machine does not decide the figure."""
    for _ in range(warmup):
        detector.detect(image)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        detector.detect(image)
        times.append(time.perf_counter() - t0)
    return 1.0 / statistics.median(times)
