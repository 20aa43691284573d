"""The shipped detector (needs the ML extra: torch + ultralytics; skipped without it)."""

from __future__ import annotations

import importlib.util
import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from dart_planner.core.fleet import Fleet
from dart_planner.core.geometry import Pose2D
from dart_planner.core.world import Bounds, World, WorldObject
from dart_planner.perception.dataset import DatasetSpec, render_site, write_dataset
from dart_planner.perception.types import DetectorInputError

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        importlib.util.find_spec("ultralytics") is None or importlib.util.find_spec("torch") is None,
        reason="needs the ML extra (torch, ultralytics)",
    ),
]

TOLERANCE_M = 0.3


@pytest.fixture(scope="module")
def detector():  # type: ignore[no-untyped-def]
    from dart_planner.perception.registry import make_detector
    from dart_planner.perception.weights import shipped_weights_path

    assert shipped_weights_path().stat().st_size < 8_000_000  # "a few MB"
    return make_detector("ultralytics", confidence=0.25)


def _site(fleet: Fleet, soil_at: tuple[float, float] = (15.0, -15.0)) -> tuple[World, Fleet]:
    objects = {
        "puddle1": WorldObject("puddle1", "puddle", -15.0, 10.0, 2.5),
        "obstacle1": WorldObject("obstacle1", "obstacle", 10.0, 12.0, 1.5),
        "soil1": WorldObject("soil1", "soil", *soil_at, 3.0, volume=30.0),
        "rock1": WorldObject("rock1", "rock", -12.0, -14.0, 1.2),
    }
    exc, truck = fleet.of_type("excavator")[0], fleet.of_type("dump_truck")[0]
    robots = [replace(exc, start=Pose2D(0.0, 0.0, 0.6)), replace(truck, start=Pose2D(-2.0, -20.0, -2.0))]
    return World(objects, (), Bounds(-30, -30, 30, 30)), fleet.with_robots(robots)


@pytest.mark.parametrize("view", [None, Bounds(-20.0, -20.0, 5.0, 5.0)])
def test_shipped_weights_find_every_object_in_a_fresh_render(detector, fleet: Fleet,
                                                             view: Bounds | None) -> None:
    from dart_planner.sim import Simulation

    world, site_fleet = _site(fleet)
    image, cam, labels = render_site(Simulation(site_fleet, world).snapshot(), world, 320, view)
    dets = detector.detect(image)
    assert labels
    for lab in labels:
        if lab.truncated:
            continue
        same = [d for d in dets if d.cls == lab.kind]
        assert same, f"{lab.name} ({lab.kind}) not detected"
        err = min(math.hypot(*np.subtract(cam.to_map(*d.center_px), (lab.x, lab.y))) for d in same)
        assert err < TOLERANCE_M, f"{lab.name}: {err:.2f} m off"
    assert len(dets) <= len(labels) + 1  # no flood of false positives


def test_detector_refuses_broken_images(detector) -> None:
    with pytest.raises(DetectorInputError, match="HxWx3"):
        detector.detect(np.zeros((320, 320), np.uint8))
    with pytest.raises(DetectorInputError, match="empty"):
        detector.detect(np.zeros((0, 320, 3), np.uint8))


def test_pipeline_follows_a_moved_pile_and_names_a_new_puddle(detector, fleet: Fleet) -> None:
    """The sim moves soil1 by 6 m and a puddle appears that no config knows: after a few frames
    the world has soil1 at its new place (same name) and puddle2 where the new puddle is."""
    from dart_planner.perception.camera import OrthographicCamera
    from dart_planner.perception.pipeline import PerceptionPipeline
    from dart_planner.sim import Simulation

    world, site_fleet = _site(fleet)
    pipe = PerceptionPipeline(detector, world)
    truth, _ = _site(fleet, soil_at=(21.0, -15.0))
    truth = truth.with_object(WorldObject("puddle9", "puddle", 20.0, 20.0, 2.0))
    snap = Simulation(site_fleet, truth).snapshot()
    for _ in range(3):
        image, cam, _ = render_site(snap, truth, 320)
        result = pipe.process(image, OrthographicCamera.from_transform(cam))
    w = result.world
    assert set(w.object_names) == {"puddle1", "obstacle1", "soil1", "rock1", "puddle2"}
    soil = w.object("soil1")
    assert math.hypot(soil.x - 21.0, soil.y + 15.0) < TOLERANCE_M and soil.source == "detector"
    new = w.object("puddle2")
    assert math.hypot(new.x - 20.0, new.y - 20.0) < TOLERANCE_M and abs(new.radius - 2.0) < 0.3


def test_eval_scores_a_few_generated_images(detector, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dart_planner.cli.perception_cmd import perception_app
    from dart_planner.perception.evaluate import evaluate_dataset

    spec = DatasetSpec(n=50, size_px=320, seed=7, val_fraction=0.0, test_fraction=0.08)
    write_dataset(tmp_path, spec, splits=("test",))
    report = evaluate_dataset(detector, tmp_path, "test")
    assert report.images == 4 and sum(report.ground_truth.values()) > 10
    assert report.map50 > 0.8 and report.loc_error_m < TOLERANCE_M and report.loc_matches > 10
    out = tmp_path / "eval.json"
    result = CliRunner().invoke(perception_app, ["eval", "--data", str(tmp_path), "--limit", "2", "--no-fps",
                                                 "--json", str(out)])
    assert result.exit_code == 0, result.output
    saved = json.loads(out.read_text())
    assert saved["images"] == 2 and 0.0 <= saved["map50"] <= 1.0
    assert saved["weights"].endswith("site_yolo11n.pt")
