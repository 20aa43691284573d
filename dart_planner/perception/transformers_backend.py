"""Zero-shot detector backend on a local Hugging Face model (OWL-ViT, OWLv2, Grounding DINO).

Text prompts describe each kind (``{"puddle": "a puddle of water"}``); the model scores image
regions against them, and the winning prompt's kind is reported. Only a *local* model path
is accepted: nothing is downloaded at run time. transformers (and torch) are imported when
the detector is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .image import check_image
from .types import CLASS_NAMES, Detection, DetectorError, DetectorUnavailableError

__all__ = ["TransformersDetector", "DEFAULT_PROMPTS"]

DEFAULT_PROMPTS: Mapping[str, str] = {
    "puddle": "a puddle of water",
    "obstacle": "a grey concrete block",
    "soil": "a pile of brown soil",
    "rock": "a dark rock",
    "excavator": "a yellow excavator",
    "dump_truck": "a blue dump truck",
}


class TransformersDetector:
    """``transformers.pipeline("zero-shot-object-detection")`` over a local model.

    ``pipeline`` may be any callable with the pipeline's signature (tests inject one).
    """

    def __init__(
        self,
        model_path: str | Path = "",
        prompts: Mapping[str, str] | None = None,
        confidence: float = 0.1,
        device: str = "cpu",
        pipeline: Callable[..., Any] | None = None,
    ):
        self.prompts = dict(prompts or {k: DEFAULT_PROMPTS[k] for k in CLASS_NAMES})
        if not self.prompts:
            raise DetectorError("the transformers detector needs at least one class prompt")
        self._kind_of = {text: kind for kind, text in self.prompts.items()}
        self.confidence = float(confidence)
        if pipeline is None:
            pipeline = _load_pipeline(model_path, device)
        self.pipeline = pipeline

    def detect(self, image: np.ndarray) -> list[Detection]:
        rgb = check_image(image)
        try:
            from PIL import Image

            raw = self.pipeline(Image.fromarray(rgb), candidate_labels=list(self._kind_of),
                                threshold=self.confidence)
        except Exception as exc:  # noqa: BLE001 - surface model failures as our error type
            raise DetectorError(f"zero-shot detection failed: {exc}") from exc
        h, w = rgb.shape[:2]
        out = []
        for item in raw:
            kind = self._kind_of.get(item.get("label", ""))
            box = item.get("box") or {}
            if kind is None or not all(k in box for k in ("xmin", "ymin", "xmax", "ymax")):
                continue
            u0, v0 = max(0.0, float(box["xmin"])), max(0.0, float(box["ymin"]))
            u1, v1 = min(float(w), float(box["xmax"])), min(float(h), float(box["ymax"]))
            if u1 <= u0 or v1 <= v0:
                continue
            out.append(Detection(kind, min(1.0, max(0.0, float(item.get("score", 0.0)))), (u0, v0, u1, v1)))
        return out


def _load_pipeline(model_path: str | Path, device: str) -> Callable[..., Any]:
    if not model_path:
        raise DetectorUnavailableError(
            "the transformers detector needs model_path: a local zero-shot detection model "
            "(e.g. an OWL-ViT checkpoint directory); nothing is downloaded at run time"
        )
    path = Path(model_path)
    if not path.exists():
        raise DetectorUnavailableError(f"zero-shot model not found: {path}")
    try:
        pipeline = importlib.import_module("transformers").pipeline
    except ImportError as exc:
        raise DetectorUnavailableError(
            f"the 'transformers' backend needs torch and transformers installed ({exc})"
        ) from exc
    try:
        detector: Callable[..., Any] = pipeline("zero-shot-object-detection", model=str(path), device=device)
        return detector
    except Exception as exc:  # noqa: BLE001
        raise DetectorUnavailableError(f"cannot load zero-shot model {path}: {exc}") from exc
