"""Detector backend on Ultralytics YOLO weights (the shipped site model or any other).

Any detection weights Ultralytics loads work: the shipped model trained on the synthetic
site data (default), a user-trained one, or an open-vocabulary YOLO-World model, to which
``classes`` are given as text prompts (e.g. the world's object kinds). ``class_map`` renames
model classes to world kinds (``{"soil pile": "soil"}``); classes that map to nothing the
caller asked for are dropped.

torch and ultralytics are imported when a detector is built, never at module import, so the
rest of the package works without the ``ml`` extra.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .image import check_image
from .types import Detection, DetectorError, DetectorUnavailableError
from .weights import shipped_weights_path

__all__ = ["UltralyticsDetector", "load_yolo"]


def load_yolo(weights: str | Path) -> Any:
    """Load Ultralytics weights offline; raises DetectorUnavailableError with a clear reason."""
    os.environ.setdefault("YOLO_OFFLINE", "1")  # never reach for the hub at run time
    path = Path(weights)
    if path.suffix in (".pt", ".onnx", ".torchscript", ".engine") and not path.is_file():
        raise DetectorUnavailableError(f"detector weights not found: {path}")
    try:
        YOLO = importlib.import_module("ultralytics").YOLO
    except ImportError as exc:
        raise DetectorUnavailableError(
            "the 'ultralytics' backend needs the ML extra: pip install 'dart_planner[ml]' "
            f"(torch, ultralytics) ({exc})"
        ) from exc
    try:
        return YOLO(str(path))
    except Exception as exc:  # noqa: BLE001 - a corrupt or foreign file: say which
        raise DetectorUnavailableError(f"cannot load detector weights {path}: {exc}") from exc


class UltralyticsDetector:
    """YOLO detections as :class:`~dart_planner.perception.types.Detection` records.

    Parameters
    ----------
    weights
        Weights file; empty means the shipped site model.
    confidence, iou, max_detections
        Non-maximum-suppression settings of Ultralytics' predictor.
    imgsz
        Inference size (the shipped model was trained at 320 px).
    device
        ``"cpu"``, ``"cuda:0"``, ...
    classes
        Text prompts for open-vocabulary (YOLO-World) weights; ignored by closed-set models
        except as a filter on which classes to report.
    class_map
        Model class name -> reported kind.
    """

    def __init__(
        self,
        weights: str | Path = "",
        confidence: float = 0.25,
        iou: float = 0.5,
        imgsz: int = 320,
        device: str = "cpu",
        max_detections: int = 100,
        classes: Sequence[str] = (),
        class_map: Mapping[str, str] | None = None,
        model: Any = None,
    ):
        self.weights = Path(weights) if weights else shipped_weights_path()
        self.confidence = float(confidence)
        self.iou = float(iou)
        self.imgsz = int(imgsz)
        self.device = device
        self.max_detections = int(max_detections)
        self.class_map = dict(class_map or {})
        self.model = model if model is not None else load_yolo(self.weights)
        self.classes = tuple(classes)
        if self.classes and hasattr(self.model, "set_classes") and _is_open_vocabulary(self.model):
            self.model.set_classes(list(self.classes))
        names = getattr(self.model, "names", {}) or {}
        self.names: dict[int, str] = dict(names) if isinstance(names, Mapping) else dict(enumerate(names))

    def kind_of(self, class_id: int) -> str:
        name = self.names.get(class_id, str(class_id))
        return self.class_map.get(name, name)

    def detect(self, image: np.ndarray) -> list[Detection]:
        rgb = check_image(image)
        bgr = np.ascontiguousarray(rgb[:, :, ::-1])  # Ultralytics reads numpy images as OpenCV BGR
        try:
            results = self.model.predict(
                bgr, imgsz=self.imgsz, conf=self.confidence, iou=self.iou, device=self.device,
                max_det=self.max_detections, verbose=False,
            )
        except Exception as exc:  # noqa: BLE001 - surface model failures as our error type
            raise DetectorError(f"YOLO inference failed: {exc}") from exc
        out: list[Detection] = []
        for r in results:
            boxes = r.boxes
            if boxes is None or len(boxes) == 0:
                continue
            xyxy = boxes.xyxy.cpu().numpy().astype(float)
            conf = boxes.conf.cpu().numpy().astype(float)
            cls = boxes.cls.cpu().numpy().astype(int)
            for b, c, k in zip(xyxy, conf, cls, strict=True):
                kind = self.kind_of(int(k))
                if self.classes and kind not in self.classes and not _is_open_vocabulary(self.model):
                    continue
                out.append(Detection(kind, min(1.0, max(0.0, float(c))), (b[0], b[1], b[2], b[3])))
        return out


def _is_open_vocabulary(model: Any) -> bool:
    return type(model).__name__ in ("YOLOWorld", "YOLOE")
