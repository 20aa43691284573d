"""Synthetic data: labels sit exactly where the renderer drew each thing; generation is reproducible."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dart_planner.cli.perception_cmd import perception_app
from dart_planner.core.fleet import Fleet
from dart_planner.core.geometry import Pose2D
from dart_planner.core.world import Bounds, World, WorldObject
from dart_planner.perception.dataset import DatasetSpec, make_sample, read_split, render_site, write_dataset
from dart_planner.perception.labels import yolo_lines
from dart_planner.perception.types import CLASS_NAMES
from dart_planner.sim import Simulation
from dart_planner.sim.render import KIND_COLORS, ROBOT_COLORS


def _scene(fleet: Fleet) -> tuple[World, Fleet]:
    objects = {
        "puddle1": WorldObject("puddle1", "puddle", -15.0, 10.0, 3.0),
        "obstacle1": WorldObject("obstacle1", "obstacle", 10.0, 12.0, 1.5),
        "soil1": WorldObject("soil1", "soil", 15.0, -15.0, 2.5, volume=20.0),
        "rock1": WorldObject("rock1", "rock", -12.0, -14.0, 1.2),
        "rock2": WorldObject("rock2", "rock", 29.0, 0.0, 1.0),  # half outside a 0..30 view
    }
    world = World(objects, (), Bounds(-30, -30, 30, 30))
    exc, truck = fleet.of_type("excavator")[0], fleet.of_type("dump_truck")[0]
    robots = [replace(exc, start=Pose2D(0.0, 0.0, 0.6)), replace(truck, start=Pose2D(-2.0, -20.0, -2.0))]
    return world, fleet.with_robots(robots)


def _mask_box(image: np.ndarray, color: tuple[int, int, int], box: tuple[float, ...], pad: int = 4
              ) -> tuple[float, float, float, float]:
    h, w = image.shape[:2]
    u0, v0 = max(0, int(box[0]) - pad), max(0, int(box[1]) - pad)
    u1, v1 = min(w, int(math.ceil(box[2])) + pad), min(h, int(math.ceil(box[3])) + pad)
    win = image[v0:v1, u0:u1]
    vs, us = np.nonzero(np.all(win == np.array(color, np.uint8), axis=2))
    assert len(us) > 0, f"no {color} pixels near {box}"
    return u0 + us.min(), v0 + vs.min(), u0 + us.max() + 1, v0 + vs.max() + 1


def test_every_label_box_is_where_the_renderer_drew_the_thing(fleet: Fleet) -> None:
    world, site_fleet = _scene(fleet)
    snap = Simulation(site_fleet, world).snapshot()
    image, cam, labels = render_site(snap, world, 400)
    by_name = {lab.name: lab for lab in labels}
    assert set(by_name) == {"puddle1", "obstacle1", "soil1", "rock1", "rock2",
                            site_fleet.robots[0].id, site_fleet.robots[1].id}
    for lab in labels:
        color = KIND_COLORS.get(lab.kind) or ROBOT_COLORS[lab.kind]
        drawn = _mask_box(image, color, lab.box_xyxy_px)
        # Discs fill their box; robots have a 1 px dark outline just inside theirs.
        assert drawn == pytest.approx(lab.box_xyxy_px, abs=2.0), lab
        if not lab.truncated:
            x, y = cam.to_map(*(0.5 * (lab.box_xyxy_px[0] + lab.box_xyxy_px[2]),
                                0.5 * (lab.box_xyxy_px[1] + lab.box_xyxy_px[3])))
            assert math.hypot(x - lab.x, y - lab.y) < 1e-6


def test_objects_cut_by_the_view_are_clipped_or_left_out(fleet: Fleet) -> None:
    world, site_fleet = _scene(fleet)
    snap = Simulation(site_fleet, world).snapshot()
    image, cam, labels = render_site(snap, world, 300, Bounds(0.0, -30.0, 30.0, 0.0))
    by_name = {lab.name: lab for lab in labels}
    assert "puddle1" not in by_name and "obstacle1" not in by_name  # outside the view
    rock2 = by_name["rock2"]  # centre at x = 29 of a 0..30 view: a third cut off
    assert rock2.truncated and rock2.box_xyxy_px[2] == pytest.approx(cam.width)
    assert not by_name["soil1"].truncated


def test_yolo_lines_are_normalised_class_centre_size() -> None:
    from dart_planner.perception.labels import LabeledObject

    lab = LabeledObject("rock", "rock1", 0.0, 0.0, 1.0, (10.0, 20.0, 30.0, 60.0), False)
    (line,) = yolo_lines([lab], 100, 200)
    assert line == f"{CLASS_NAMES.index('rock')} 0.200000 0.200000 0.200000 0.200000"


def test_samples_are_a_pure_function_of_seed_and_index() -> None:
    spec = DatasetSpec(n=10, size_px=128, seed=3)
    a, b = make_sample(4, spec), make_sample(4, spec)
    assert np.array_equal(a.image, b.image) and a.objects == b.objects
    c = make_sample(5, spec)
    d = make_sample(4, replace(spec, seed=4))
    assert not np.array_equal(a.image, c.image) and not np.array_equal(a.image, d.image)
    kinds = {o.kind for i in range(10) for o in make_sample(i, spec).objects}
    assert kinds == set(CLASS_NAMES)  # ten random sites already show every class


def test_write_dataset_layout_labels_and_held_out_subset(tmp_path: Path) -> None:
    spec = DatasetSpec(n=10, size_px=96, seed=1, val_fraction=0.2, test_fraction=0.2)
    manifest = write_dataset(tmp_path / "all", spec)
    assert manifest["images"] == {"train": 6, "val": 2, "test": 2}
    root = tmp_path / "all"
    yaml_text = (root / "data.yaml").read_text()
    assert "train: images/train" in yaml_text and "  5: dump_truck" in yaml_text
    total = 0
    for split in ("train", "val", "test"):
        for img, meta in read_split(root, split):
            lines = (root / "labels" / split / f"{img.stem}.txt").read_text().splitlines()
            assert len(lines) == len(meta["objects"])  # type: ignore[arg-type]
            for line in lines:
                cls, *rest = line.split()
                assert 0 <= int(cls) < len(CLASS_NAMES) and all(0.0 <= float(v) <= 1.0 for v in rest)
            total += len(lines)
    assert total == sum(manifest["instances"].values())  # type: ignore[union-attr]
    # Re-creating only the test split elsewhere gives byte-identical images and labels.
    write_dataset(tmp_path / "test_only", spec, splits=("test",))
    for img, _ in read_split(root, "test"):
        other = tmp_path / "test_only" / "images" / "test" / img.name
        assert other.read_bytes() == img.read_bytes()
    assert not list((tmp_path / "test_only" / "images" / "train").iterdir())


def test_read_split_and_spec_errors(tmp_path: Path) -> None:
    from dart_planner.core.errors import ConfigError

    with pytest.raises(ConfigError, match="no images"):
        list(read_split(tmp_path, "test"))
    with pytest.raises(ConfigError, match="split"):
        list(read_split(tmp_path, "holdout"))
    with pytest.raises(ConfigError, match="n"):
        DatasetSpec(n=0)
    with pytest.raises(ConfigError, match="splits"):
        write_dataset(tmp_path, DatasetSpec(n=2), splits=("dev",))


def test_cli_dataset_command(tmp_path: Path) -> None:
    out = tmp_path / "d"
    args = ["dataset", str(out), "--n", "4", "--size", "64", "--seed", "2", "--val", "0.25", "--test", "0.25"]
    result = CliRunner().invoke(perception_app, args)
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["images"] == {"train": 2, "val": 1, "test": 1}
    assert manifest["spec"]["seed"] == 2 and manifest["spec"]["size_px"] == 64
    bad = CliRunner().invoke(perception_app, ["dataset", str(out), "--n", "0"])
    assert bad.exit_code != 0 and "must be >= 1" in bad.output
