"""Train the site detector: a small YOLO built from Ultralytics' model YAML, no hub weights.

``dart-planner perception train --data DIR --epochs N --imgsz 320`` calls
:func:`train_detector`: it builds ``yolo11n.yaml`` (YOLO11 at scale 'n', about 2.6 M
parameters) with the data set's 6 classes, trains from scratch with a fixed seed and
Ultralytics' deterministic mode, and copies the final weights (EMA, half precision, optimizer
stripped: about 5 MB) to ``dart_planner/data/detector/`` with a JSON sidecar recording how
they were made. Nothing is downloaded: ``YOLO_OFFLINE=1`` and AMP (whose self-check fetches
weights) is off by default.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
import time
import types
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import ConfigError, ConfigIssue
from .types import DetectorUnavailableError
from .weights import shipped_weights_path

__all__ = ["TrainSettings", "TrainResult", "train_detector"]


@dataclass(frozen=True)
class TrainSettings:
    data: str
    """Data set folder (with data.yaml) written by ``dart-planner perception dataset``."""
    epochs: int = 80
    imgsz: int = 320
    batch: int = 32
    seed: int = 0
    device: str = "cpu"
    workers: int = 2
    model: str = "yolo11n.yaml"
    """An Ultralytics model YAML (scale letter in the name); built from scratch."""
    time_hours: float | None = None
    """Wall-clock budget; when set, Ultralytics fits the epoch count (and LR schedule) to it."""
    amp: bool = False
    cache: bool = False
    """Keep decoded images in RAM (fast when the data set fits)."""
    patience: int = 100
    project: str = ""
    """Where Ultralytics writes its run folder (default: a temporary folder)."""
    overrides: dict[str, Any] = field(default_factory=dict)
    """Extra Ultralytics training arguments (augmentation, learning rate, ...)."""


@dataclass(frozen=True)
class TrainResult:
    weights: Path
    run_dir: Path
    epochs_run: int
    seconds: float
    metrics: dict[str, float]


# Augmentation suited to a top-down site camera: flips both ways are physically plausible;
# arbitrary rotation would inflate the boxes of round objects, so it stays off; scale and
# colour jitter are milder than Ultralytics' defaults because the data set already varies the
# view size and lighting, and colour is what tells soil from rock and a puddle from a truck.
AUGMENT = {"fliplr": 0.5, "flipud": 0.5, "degrees": 0.0, "mosaic": 1.0, "scale": 0.3, "translate": 0.1,
           "hsv_h": 0.01, "hsv_s": 0.4, "hsv_v": 0.3}


def _ensure_polars() -> None:
    """Ultralytics reads its own results.csv with polars after every epoch, inside a
    try/except. Where polars is not installed (a bare GPU box), a stand-in whose reader
    raises keeps training going; nothing else of polars is used with ``plots=False``."""
    try:
        importlib.import_module("polars")
    except ImportError:
        stub = types.ModuleType("polars")

        def _missing(*_a: object, **_k: object) -> None:
            raise RuntimeError("polars is not installed")

        stub.read_csv = _missing  # type: ignore[attr-defined]
        stub.DataFrame = _missing  # type: ignore[attr-defined]
        sys.modules["polars"] = stub


def train_detector(settings: TrainSettings, out: str | Path | None = None) -> TrainResult:
    """Train and copy the weights to ``out`` (default: the shipped weights path)."""
    data_yaml = Path(settings.data) / "data.yaml"
    if not data_yaml.is_file():
        reason = "not found: generate the data set with `dart-planner perception dataset`"
        raise ConfigError([ConfigIssue(str(settings.data), "data.yaml", reason)])
    if settings.epochs < 1 or settings.imgsz < 32 or settings.batch < 1:
        raise ConfigError([ConfigIssue("<train>", "epochs/imgsz/batch", "must be >= 1 / >= 32 / >= 1")])
    os.environ["YOLO_OFFLINE"] = "1"
    _ensure_polars()
    try:
        YOLO = importlib.import_module("ultralytics").YOLO
    except ImportError as exc:
        raise DetectorUnavailableError(f"training needs the ML extra (torch, ultralytics): {exc}") from exc

    project = Path(settings.project) if settings.project else Path(
        os.environ.get("TMPDIR", "/tmp")) / "dart_planner_yolo"
    name = f"train_seed{settings.seed}"
    args: dict[str, Any] = {
        "data": str(data_yaml), "epochs": settings.epochs, "imgsz": settings.imgsz, "batch": settings.batch,
        "seed": settings.seed, "deterministic": True, "device": settings.device, "workers": settings.workers,
        "project": str(project), "name": name, "exist_ok": True, "pretrained": False, "amp": settings.amp,
        "plots": False, "cache": "ram" if settings.cache else False, "patience": settings.patience,
        "verbose": True, **AUGMENT, **settings.overrides,
    }
    if settings.time_hours:
        args["time"] = settings.time_hours
    model = YOLO(settings.model)
    t0 = time.perf_counter()
    model.train(**args)
    seconds = time.perf_counter() - t0
    trainer = model.trainer
    run_dir = Path(trainer.save_dir)
    best = run_dir / "weights" / "best.pt"
    src = best if best.is_file() else run_dir / "weights" / "last.pt"
    dest = Path(out) if out else shipped_weights_path()
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    metrics = {k: float(v) for k, v in (getattr(trainer, "metrics", None) or {}).items()
               if isinstance(v, (int, float))}
    epochs_run = int(getattr(trainer, "epoch", settings.epochs - 1)) + 1
    sidecar = {
        "schema": "dart_planner/detector_weights@1", "weights": dest.name, "source": src.name,
        "settings": {**asdict(settings), "overrides": dict(settings.overrides)}, "augment": AUGMENT,
        "epochs_run": epochs_run, "train_seconds": round(seconds, 1),
        "ultralytics_val_metrics": metrics, "versions": _versions(),
        "reproduce": (f"dart-planner perception train --data DATA --epochs {epochs_run} "
                      f"--imgsz {settings.imgsz} --batch {settings.batch} --seed {settings.seed} "
                      f"--model {settings.model}"),
    }
    dest.with_suffix(".json").write_text(json.dumps(sidecar, indent=2, default=str))
    return TrainResult(dest, run_dir, epochs_run, seconds, metrics)


def _versions() -> dict[str, str]:
    out = {"python": sys.version.split()[0]}
    for mod in ("torch", "torchvision", "ultralytics", "numpy"):
        try:
            out[mod] = str(__import__(mod).__version__)
        except Exception:  # noqa: BLE001 - report what is there
            pass
    return out
