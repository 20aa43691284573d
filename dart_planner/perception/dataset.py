"""Synthetic training data: the simulator's top-down camera over randomized sites.

Each sample is a fresh random site (puddles, obstacles, soil piles, rocks of varied size and
place, some fenced off by keep-out zones, some piles dug down, soil dumped here and there)
with excavators and dump trucks at random poses (boom angles, loads, the odd broken machine),
built as a real :class:`~dart_planner.sim.Simulation` and drawn by the simulator's own
renderer (:func:`~dart_planner.sim.render.render_array`) through a camera that sees either the
whole site or a random window of it. Lighting, white balance, gamma, blur and sensor noise are
jittered afterwards. Labels come from the known geometry (:mod:`.labels`), never from pixels.

Every sample is a pure function of ``(seed, index)``, so a data set is reproducible bit for
bit and can be generated in parallel.

Layout written by :func:`write_dataset` (Ultralytics' YOLO format plus metadata)::

    OUT/data.yaml                 path, train/val/test folders, class names
    OUT/images/{split}/NNNNN.png  RGB images
    OUT/labels/{split}/NNNNN.txt  "class cx cy w h" (normalised)
    OUT/meta/{split}/NNNNN.json   camera model and every labelled object's map position
    OUT/manifest.json             how it was generated
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from ..core.errors import ConfigError, ConfigIssue
from ..core.fleet import Fleet, Robot, load_fleet
from ..core.geometry import Pose2D
from ..core.world import Bounds, KeepOutZone, World, WorldObject
from ..resources import default_fleet_path
from ..sim.config import DEFAULT_MODELS
from ..sim.render import render_array
from ..sim.simulation import Simulation
from ..sim.state import SiteState
from .camera import OrthographicCamera
from .labels import LabeledObject, site_labels, yolo_lines
from .types import CLASS_NAMES, OBJECT_KINDS

__all__ = [
    "DatasetSpec",
    "SyntheticSample",
    "random_site",
    "render_site",
    "make_sample",
    "jitter_photometric",
    "write_dataset",
    "read_split",
    "SPLITS",
]

SPLITS = ("train", "val", "test")
RADIUS_RANGE = {"puddle": (1.0, 3.5), "obstacle": (0.6, 2.0), "soil": (1.5, 3.5), "rock": (0.6, 1.6)}
"""Object radii (m) drawn per kind; they bracket the shipped world's (1.2 to 3 m)."""
ROBOT_TYPES = ("excavator", "dump_truck")


@dataclass(frozen=True)
class DatasetSpec:
    """How to generate a data set; stored in ``manifest.json``."""

    n: int = 1000
    size_px: int = 320
    seed: int = 0
    val_fraction: float = 0.1
    test_fraction: float = 0.1
    full_view_fraction: float = 0.4
    """Share of images that see the whole site (the sim camera's view); the rest see windows."""
    min_view_m: float = 16.0
    half_extent_m: float = 30.0
    """The site's geofence is +-half_extent_m, like the shipped world."""
    jitter: bool = True

    def __post_init__(self) -> None:
        issues = []
        if self.n < 1:
            issues.append(("n", "must be >= 1"))
        if not 32 <= self.size_px <= 4096:
            issues.append(("size_px", "must be within [32, 4096]"))
        if self.val_fraction < 0 or self.test_fraction < 0 or self.val_fraction + self.test_fraction >= 1:
            issues.append(("val_fraction/test_fraction", "must be >= 0 and leave room for training"))
        if not 0 <= self.full_view_fraction <= 1:
            issues.append(("full_view_fraction", "must be within [0, 1]"))
        if not 0 < self.min_view_m <= 2 * self.half_extent_m + 2:
            issues.append(("min_view_m", "must be > 0 and fit the site"))
        if issues:
            raise ConfigError([ConfigIssue("<dataset>", k, r) for k, r in issues])

    def split_of(self, index: int) -> str:
        """Deterministic split: the last test_fraction of indices test, the val block before it."""
        n_test = int(round(self.n * self.test_fraction))
        n_val = int(round(self.n * self.val_fraction))
        if index >= self.n - n_test:
            return "test"
        if index >= self.n - n_test - n_val:
            return "val"
        return "train"


@dataclass(frozen=True)
class SyntheticSample:
    index: int
    image: np.ndarray
    camera: OrthographicCamera
    objects: tuple[LabeledObject, ...]
    world: World
    snapshot: SiteState

    def meta(self) -> dict[str, object]:
        return {"index": self.index, "camera": self.camera.to_dict(),
                "objects": [o.to_dict() for o in self.objects]}


def _rng(seed: int, index: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(seed), int(index)]))


@lru_cache(maxsize=1)
def _robot_templates() -> dict[str, Robot]:
    fleet = load_fleet(default_fleet_path())
    return {t: fleet.of_type(t)[0] for t in ROBOT_TYPES if fleet.of_type(t)}


def _fleet_skills() -> Fleet:
    return load_fleet(default_fleet_path())


def _free(x: float, y: float, r: float, taken: list[tuple[float, float, float]], gap: float) -> bool:
    return all(math.hypot(x - a, y - b) >= r + c + gap for a, b, c in taken)


def random_site(rng: np.random.Generator, half_extent: float = 30.0) -> tuple[World, Fleet]:
    """A random site: 3-14 objects, 0-2 keep-out zones, 0-6 robots at random poses.

    Solid objects, robots and dumps never overlap (the simulator would not allow it);
    robots may stand in puddles, which they can drive through.
    """
    h = half_extent
    bounds = Bounds(-h, -h, h, h)
    objects: dict[str, WorldObject] = {}
    taken: list[tuple[float, float, float]] = []
    counts = dict.fromkeys(OBJECT_KINDS, 0)
    for _ in range(int(rng.integers(3, 15))):
        kind = OBJECT_KINDS[int(rng.integers(len(OBJECT_KINDS)))]
        lo, hi = RADIUS_RANGE[kind]
        r = float(rng.uniform(lo, hi))
        for _try in range(50):
            x, y = (float(v) for v in rng.uniform(-h + r + 0.5, h - r - 0.5, 2))
            if _free(x, y, r, taken, 0.6):
                counts[kind] += 1
                name = f"{kind}{counts[kind]}"
                volume = float(rng.uniform(5, 40)) if kind == "soil" else 0.0
                objects[name] = WorldObject(name, kind, x, y, r, "config", 1.0, volume)
                taken.append((x, y, r))
                break
    zones = []
    if objects and rng.random() < 0.3:
        names = sorted(objects)
        for k in rng.choice(len(names), size=min(len(names), int(rng.integers(1, 3))), replace=False):
            o = objects[names[int(k)]]
            zones.append(KeepOutZone(o.name, o.x, o.y, o.radius + 1.0))
    world = World(objects, tuple(zones), bounds)

    templates = _robot_templates()
    robots: list[Robot] = []
    solid = [(o.x, o.y, o.radius) for o in objects.values() if o.kind != "puddle"]
    counts_r = dict.fromkeys(ROBOT_TYPES, 0)
    for _ in range(int(rng.integers(0, 7))):
        rtype = ROBOT_TYPES[int(rng.integers(2))]
        body = DEFAULT_MODELS[rtype].body_radius
        for _try in range(50):
            x, y = (float(v) for v in rng.uniform(-h + body + 0.5, h - body - 0.5, 2))
            if _free(x, y, body, solid, 0.4):
                counts_r[rtype] += 1
                yaw = float(rng.uniform(-math.pi, math.pi))
                rid = f"robot_{rtype}_{counts_r[rtype]:02d}"
                robots.append(replace(templates[rtype], id=rid, namespace=rid, start=Pose2D(x, y, yaw)))
                solid.append((x, y, body))
                break
    return world, _fleet_skills().with_robots(robots)


def _dress(sim: Simulation, rng: np.random.Generator, taken: list[tuple[float, float, float]],
           h: float) -> None:
    """Vary what the sim shows beyond poses: boom angles, loads, dug piles, dumps, breakdowns."""
    excavators = [r for r in sim.robot_list if r.tool == "bucket"]
    trucks = [r for r in sim.robot_list if r.tool == "bed"]
    ledger = sim.ledger
    for name in list(ledger.piles):
        if rng.random() < 0.3:  # partly dug: the pile shrinks inside its footprint outline
            ledger.piles[name] *= float(rng.uniform(0.05, 0.9))
    if excavators and trucks:
        for _ in range(int(rng.integers(0, 3))):
            vol = float(rng.uniform(1.0, 8.0))
            r = 0.5 + 0.6 * math.sqrt(vol)
            x, y = (float(v) for v in rng.uniform(-h + r, h - r, 2))
            if not _free(x, y, r, taken, 0.5):
                continue
            exc, truck = excavators[0], trucks[int(rng.integers(len(trucks)))]
            ledger.ground_to_bucket("generated", exc.id, vol, vol)
            ledger.bucket_to_bed(exc.id, truck.id, vol, 1e9)
            rec = ledger.open_dump(truck.id, x, y, "generated", 0.0)
            ledger.bed_to_dump(truck.id, rec, vol)
            taken.append((x, y, r))
    for rb in sim.robot_list:
        if "boom" in rb.joints:
            spec = rb.joints.specs["boom"]
            rb.joints.position["boom"] = float(rng.uniform(spec.lower, spec.upper))
        if rb.tool == "bucket" and rng.random() < 0.4:
            ledger.ground_to_bucket("generated", rb.id, float(rng.uniform(0.3, 2.0)), rb.capacity)
        if rb.tool == "bed" and excavators and rng.random() < 0.4:
            exc = excavators[0]
            amount = float(rng.uniform(0.5, rb.capacity))
            ledger.ground_to_bucket("generated", exc.id, amount, amount + ledger.bucket[exc.id])
            ledger.bucket_to_bed(exc.id, rb.id, amount, rb.capacity)
        if rng.random() < 0.04:
            rb.broken = True


def render_site(snapshot: SiteState, world: World, size_px: int, view: Bounds | None = None
                ) -> tuple[np.ndarray, OrthographicCamera, list[LabeledObject]]:
    """Render a snapshot through the sim camera and label it from the geometry."""
    image, tf = render_array(snapshot, world, size_px, bounds=view, labels=False)
    cam = OrthographicCamera.from_transform(tf)
    return image, cam, site_labels(snapshot, world, cam)


def jitter_photometric(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Lighting and sensor variation: exposure, white balance, contrast, gamma, a light
    gradient (sun, clouds), blur, Gaussian noise. Geometry is untouched, so labels stay true."""
    img = image.astype(np.float32) / 255.0
    h, w = img.shape[:2]
    img = img * float(rng.uniform(0.75, 1.2)) * rng.uniform(0.9, 1.1, 3).astype(np.float32)
    mean = img.mean()
    img = (img - mean) * float(rng.uniform(0.8, 1.2)) + mean
    if rng.random() < 0.5:
        ang = rng.uniform(0, 2 * math.pi)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        ramp = (np.cos(ang) * (xx / w - 0.5) + np.sin(ang) * (yy / h - 0.5))
        img = img * (1.0 + float(rng.uniform(0.1, 0.3)) * ramp)[..., None]
    img = np.clip(img, 0.0, 1.0) ** float(rng.uniform(0.8, 1.25))
    out = (img * 255.0).astype(np.uint8)
    if rng.random() < 0.3:
        out = np.asarray(Image.fromarray(out).filter(ImageFilter.GaussianBlur(float(rng.uniform(0.3, 1.0)))))
    sigma = float(rng.uniform(0.0, 8.0))
    if sigma > 0.5:
        noise = rng.normal(0.0, sigma, out.shape)
        out = np.clip(out.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(out)


def make_sample(index: int, spec: DatasetSpec) -> SyntheticSample:
    """Sample ``index`` of the data set ``spec`` (pure function of seed and index)."""
    rng = _rng(spec.seed, index)
    h = spec.half_extent_m
    world, fleet = random_site(rng, h)
    sim = Simulation(fleet, world)
    taken = [(o.x, o.y, o.radius) for o in world.objects.values()]
    taken += [(r.x, r.y, r.body) for r in sim.robot_list]
    _dress(sim, rng, taken, h)
    view = None
    if rng.random() >= spec.full_view_fraction:
        side = float(rng.uniform(spec.min_view_m, 2 * h + 2))
        reach = max(0.0, h - 0.25 * side)  # keep most of the window on the site
        cx, cy = (float(v) for v in rng.uniform(-reach, reach, 2))
        view = Bounds(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
    snapshot = sim.snapshot()
    image, cam, labels = render_site(snapshot, world, spec.size_px, view)
    if spec.jitter:
        image = jitter_photometric(image, rng)
    return SyntheticSample(index, image, cam, tuple(labels), world, snapshot)


def _write_one(args: tuple[int, DatasetSpec, str]) -> tuple[str, int, dict[str, int]]:
    index, spec, root = args
    s = make_sample(index, spec)
    split = spec.split_of(index)
    out = Path(root)
    stem = f"{index:05d}"
    Image.fromarray(s.image).save(out / "images" / split / f"{stem}.png", format="PNG", compress_level=1)
    lines = yolo_lines(s.objects, s.camera.width, s.camera.height)
    (out / "labels" / split / f"{stem}.txt").write_text("\n".join(lines) + ("\n" if lines else ""))
    (out / "meta" / split / f"{stem}.json").write_text(json.dumps(s.meta(), separators=(",", ":")))
    per_kind: dict[str, int] = {}
    for o in s.objects:
        per_kind[o.kind] = per_kind.get(o.kind, 0) + 1
    return split, len(s.objects), per_kind


def write_dataset(out: str | Path, spec: DatasetSpec, workers: int = 1,
                  splits: tuple[str, ...] = SPLITS) -> dict[str, object]:
    """Generate ``spec`` into ``out`` (see the module docstring); returns the manifest.

    ``splits`` limits which images are written (e.g. only ``("test",)`` to re-create a
    held-out set elsewhere); each image is the same whichever subset is generated.
    """
    bad = [s for s in splits if s not in SPLITS]
    if bad or not splits:
        reason = f"expected some of {list(SPLITS)}, got {list(splits)}"
        raise ConfigError([ConfigIssue("<dataset>", "splits", reason)])
    root = Path(out).resolve()
    for sub in ("images", "labels", "meta"):
        for split in SPLITS:
            (root / sub / split).mkdir(parents=True, exist_ok=True)
    jobs = [(i, spec, str(root)) for i in range(spec.n) if spec.split_of(i) in splits]
    if workers > 1:
        import multiprocessing as mp

        # fork (where there is one): children need not re-import the caller's __main__, so a
        # script without a main guard still works; the generator itself starts no threads.
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        with mp.get_context(method).Pool(workers) as pool:
            results = pool.map(_write_one, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
    else:
        results = [_write_one(j) for j in jobs]
    images = dict.fromkeys(SPLITS, 0)
    instances = dict.fromkeys(CLASS_NAMES, 0)
    for split, _n, per_kind in results:
        images[split] += 1
        for k, v in per_kind.items():
            instances[k] += v
    names = {i: n for i, n in enumerate(CLASS_NAMES)}
    data_yaml = (
        f"# Synthetic dart_planner site images (dart-planner perception dataset)\n"
        f"path: {root}\ntrain: images/train\nval: images/val\ntest: images/test\n"
        f"names:\n" + "".join(f"  {i}: {n}\n" for i, n in names.items())
    )
    (root / "data.yaml").write_text(data_yaml)
    manifest: dict[str, object] = {
        "schema": "dart_planner/perception_dataset@1", "spec": asdict(spec), "splits": list(splits),
        "classes": list(CLASS_NAMES), "images": images, "instances": instances,
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def read_split(root: str | Path, split: str = "test") -> Iterator[tuple[Path, dict[str, object]]]:
    """(image path, metadata) of every image in one split of a written data set, in order."""
    base = Path(root)
    if split not in SPLITS:
        raise ConfigError([ConfigIssue(str(base), "split", f"expected one of {list(SPLITS)}, got {split!r}")])
    images = sorted((base / "images" / split).glob("*.png"))
    if not images:
        reason = "no images (not a generated data set?)"
        raise ConfigError([ConfigIssue(str(base), f"images/{split}", reason)])
    for img in images:
        meta_path = base / "meta" / split / (img.stem + ".json")
        yield img, json.loads(meta_path.read_text())
