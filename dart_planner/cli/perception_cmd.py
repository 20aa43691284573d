"""``dart-planner perception``: make the synthetic data set, train the detector, evaluate it.

Reproducing the shipped detector::

    dart-planner perception dataset /tmp/site-data --n 3000 --size 320 --seed 0 --workers 8
    dart-planner perception train --data /tmp/site-data --epochs N --imgsz 320 --batch 64 --seed 0
    dart-planner perception eval --data /tmp/site-data            # shipped weights by default

(``N`` and the exact settings of the shipped weights are in the JSON beside them.)
torch and ultralytics are only needed by ``train`` and ``eval``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .common import cli_errors, console

__all__ = ["perception_app"]

perception_app = typer.Typer(
    name="perception",
    help="Synthetic camera data, detector training and evaluation (mAP50, localization error, FPS).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@perception_app.command("dataset")
def dataset(
    out: Annotated[Path, typer.Argument(help="Folder to write (images/, labels/, meta/, data.yaml).")],
    n: Annotated[int, typer.Option("--n", help="Number of images over all splits.")] = 1000,
    size: Annotated[int, typer.Option("--size", help="Image side in pixels.")] = 320,
    seed: Annotated[int, typer.Option("--seed", help="Seed; image i is a pure function of (seed, i).")] = 0,
    val: Annotated[float, typer.Option("--val", help="Fraction of images for validation.")] = 0.1,
    test: Annotated[float, typer.Option("--test", help="Fraction of images held out for testing.")] = 0.1,
    full_view: Annotated[float, typer.Option("--full-view", help="Fraction seeing the whole site.")] = 0.4,
    only: Annotated[list[str] | None, typer.Option("--only", help="Write only this split (repeat).")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Parallel processes.")] = 1,
) -> None:
    """Render randomized sites through the simulator's camera, with YOLO labels."""
    from ..perception.dataset import SPLITS, DatasetSpec, write_dataset

    with cli_errors():
        spec = DatasetSpec(n=n, size_px=size, seed=seed, val_fraction=val, test_fraction=test,
                           full_view_fraction=full_view)
        manifest = write_dataset(out, spec, workers=max(1, workers), splits=tuple(only or SPLITS))
    console.print(f"wrote {out}: images {manifest['images']}, instances {manifest['instances']}")


@perception_app.command("train")
def train(
    data: Annotated[Path, typer.Option("--data", help="Data set folder from `perception dataset`.")],
    epochs: Annotated[int, typer.Option("--epochs", help="Training epochs.")] = 80,
    imgsz: Annotated[int, typer.Option("--imgsz", help="Training image size.")] = 320,
    batch: Annotated[int, typer.Option("--batch", help="Batch size.")] = 32,
    seed: Annotated[int, typer.Option("--seed", help="Training seed (deterministic mode is on).")] = 0,
    device: Annotated[str, typer.Option("--device", help="cpu, 0 (first GPU), ...")] = "cpu",
    workers: Annotated[int, typer.Option("--workers", help="Data loader processes.")] = 2,
    model: Annotated[str, typer.Option("--model", help="Ultralytics model YAML.")] = "yolo11n.yaml",
    out: Annotated[Path | None, typer.Option("--out", help="Weights file (default: shipped).")] = None,
    time_hours: Annotated[float | None, typer.Option("--time-hours", help="Wall-clock budget, h.")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Cache decoded images in RAM.")] = False,
    project: Annotated[str, typer.Option("--project", help="Folder for Ultralytics' run files.")] = "",
) -> None:
    """Train a small YOLO (no hub weights) and save the weights (optimizer stripped)."""
    from ..perception.training import TrainSettings, train_detector

    with cli_errors():
        settings = TrainSettings(data=str(data), epochs=epochs, imgsz=imgsz, batch=batch, seed=seed,
                                 device=device, workers=workers, model=model, time_hours=time_hours,
                                 cache=cache, project=project)
        result = train_detector(settings, out)
    size_mb = result.weights.stat().st_size / 1e6
    console.print(f"weights: {result.weights} ({size_mb:.1f} MB), {result.epochs_run} epochs in "
                  f"{result.seconds:.0f} s; run folder {result.run_dir}")


@perception_app.command("eval")
def evaluate(
    data: Annotated[Path, typer.Option("--data", help="Data set folder from `perception dataset`.")],
    weights: Annotated[Path | None, typer.Option("--weights", help="Weights (default: shipped).")] = None,
    split: Annotated[str, typer.Option("--split", help="train, val or test.")] = "test",
    limit: Annotated[int | None, typer.Option("--limit", help="Evaluate the first N images only.")] = None,
    imgsz: Annotated[int, typer.Option("--imgsz", help="Inference size.")] = 320,
    device: Annotated[str, typer.Option("--device", help="Device for the accuracy pass.")] = "cpu",
    conf: Annotated[float, typer.Option("--conf", help="Lowest confidence kept for the AP curve.")] = 0.01,
    loc_conf: Annotated[float, typer.Option("--loc-conf", help="Confidence for localization.")] = 0.25,
    fps: Annotated[bool, typer.Option("--fps/--no-fps", help="Measure single-image CPU FPS.")] = True,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the report as JSON.")] = None,
) -> None:
    """mAP50 (VOC AP, numpy), mean localization error (m) and CPU FPS on a held-out split."""
    from ..perception.evaluate import evaluate_dataset, load_rgb, measure_fps
    from ..perception.registry import make_detector

    with cli_errors():
        w = str(weights) if weights else ""
        det = make_detector("ultralytics", weights=w, confidence=conf, imgsz=imgsz, device=device)
        report = evaluate_dataset(det, data, split, limit=limit, loc_confidence=loc_conf)
        result = report.to_dict()
        result["weights"] = str(getattr(det, "weights", w))
        if fps:
            from ..perception.dataset import read_split

            first, _ = next(iter(read_split(data, split)))
            cpu = make_detector("ultralytics", weights=w, confidence=0.25, imgsz=imgsz, device="cpu")
            result["fps"] = round(measure_fps(cpu, load_rgb(first)), 2)
            result["fps_setting"] = f"cpu, {imgsz} px, single image, median of 30 after 5 warm-up"
    console.print_json(json.dumps(result))
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":  # pragma: no cover - `python -m dart_planner.cli.perception_cmd`
    perception_app()
