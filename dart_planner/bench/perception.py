"""Perception speed on this CPU: the shipped detector per frame, and what the rest costs.

Workload: ``frames`` fresh synthetic site images (full-site views, 320 px, the sim camera)
generated from a fixed seed. Measured in the same run:

* ``fps_320``: the shipped detector at 320 px, one image at a time after warm-up (the
  issue's target is >= 10 FPS on this CPU);
* ``fps_640`` (baseline): the same weights at 640 px, Ultralytics' default inference size,
  which is what a detector run without our size choice would cost; ``speedup_vs_640``;
* ``pipeline_ms``: projection + tracking + world update per frame, next to ``detect_ms``, so
  the overhead of the map side stays visible (``pipeline_share``);
* ``render_ms``: the simulator drawing the camera frame (context for the sim node's rate).

``python -m dart_planner.bench.perception [--frames N] [--weights PATH]`` prints JSON; needs
the ML extra (torch, ultralytics).
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import time
from dataclasses import asdict, dataclass

from ..core.world import World
from ..perception.camera import OrthographicCamera
from ..perception.dataset import DatasetSpec, make_sample
from ..perception.registry import make_detector
from ..perception.tracking import TrackerConfig
from ..perception.world_update import WorldUpdater, project_detections
from ..sim.render import render_array

__all__ = ["PerceptionBench", "bench_perception", "main"]


@dataclass(frozen=True)
class PerceptionBench:
    frames: int
    imgsz: int
    detect_ms: float
    fps_320: float
    fps_640: float
    speedup_vs_640: float
    pipeline_ms: float
    pipeline_share: float
    render_ms: float
    detections_per_frame: float
    torch_threads: int


def _median_ms(samples: list[float]) -> float:
    return 1000.0 * statistics.median(samples)


def bench_perception(frames: int = 20, weights: str = "", warmup: int = 3, seed: int = 0) -> PerceptionBench:
    spec = DatasetSpec(n=frames, size_px=320, seed=seed, full_view_fraction=1.0, jitter=False)
    samples = [make_sample(i, spec) for i in range(frames)]
    render_t = []
    for s in samples:
        t0 = time.perf_counter()
        render_array(s.snapshot, s.world, 320)
        render_t.append(time.perf_counter() - t0)

    det320 = make_detector("ultralytics", weights=weights, imgsz=320, confidence=0.25)
    det640 = make_detector("ultralytics", weights=weights, imgsz=640, confidence=0.25)
    for det in (det320, det640):
        for _ in range(warmup):
            det.detect(samples[0].image)

    t320, t640, tpipe, n_det = [], [], [], 0
    updater = WorldUpdater(World({}), TrackerConfig())
    world = World({})
    for s in samples:
        t0 = time.perf_counter()
        dets = det320.detect(s.image)
        t320.append(time.perf_counter() - t0)
        n_det += len(dets)
        t0 = time.perf_counter()
        det640.detect(s.image)
        t640.append(time.perf_counter() - t0)
        cam = OrthographicCamera.from_transform(s.camera)
        t0 = time.perf_counter()
        world = updater.update(world, project_detections(dets, cam), cam).world
        tpipe.append(time.perf_counter() - t0)

    # only for the thread count in the report (Ultralytics caps it at cores - 1); already loaded
    torch = importlib.import_module("torch")

    d320, d640, pipe = _median_ms(t320), _median_ms(t640), _median_ms(tpipe)
    return PerceptionBench(
        frames=frames, imgsz=320, detect_ms=round(d320, 2), fps_320=round(1000.0 / d320, 2),
        fps_640=round(1000.0 / d640, 2), speedup_vs_640=round(d640 / d320, 2), pipeline_ms=round(pipe, 3),
        pipeline_share=round(pipe / (pipe + d320), 4), render_ms=round(_median_ms(render_t), 2),
        detections_per_frame=round(n_det / frames, 2), torch_threads=torch.get_num_threads(),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dart-planner bench perception", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=20)
    parser.add_argument("--weights", default="", help="weights file (default: the shipped one)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(json.dumps(asdict(bench_perception(args.frames, args.weights, seed=args.seed)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
