"""Tracking and world updates: names persist, new objects get the next number, updates are gated."""

from __future__ import annotations

import numpy as np
import pytest

from dart_planner.core.errors import ConfigError
from dart_planner.core.world import World, WorldObject
from dart_planner.perception.camera import OrthographicCamera
from dart_planner.perception.tracking import MapDetection, ObjectTracker, TrackerConfig, next_free_name
from dart_planner.perception.types import Detection
from dart_planner.perception.world_update import WorldUpdater


def det(kind: str, x: float, y: float, r: float = 1.5, conf: float = 0.9) -> MapDetection:
    return MapDetection(kind, x, y, r, conf)


def frame_of(world: World, noise: float, rng: np.random.Generator, conf: float = 0.9) -> list[MapDetection]:
    return [det(o.kind, o.x + rng.normal(0, noise), o.y + rng.normal(0, noise), o.radius, conf)
            for o in world.objects.values()]


def test_next_free_name_counts_up_per_kind() -> None:
    assert next_free_name("puddle", ["puddle1", "puddle2", "soil9"]) == "puddle3"
    assert next_free_name("puddle", ["puddle7", "puddleX"]) == "puddle8"
    assert next_free_name("dump_truck", ["dump_truck_2"]) == "dump_truck1"
    assert next_free_name("rock", []) == "rock1"


def test_known_objects_keep_their_names_across_noisy_frames(world: World) -> None:
    rng = np.random.default_rng(0)
    up = WorldUpdater(world)
    w = world
    for _ in range(10):
        r = up.update(w, list(reversed(frame_of(world, 0.3, rng))))
        w = r.world
        assert not r.added and not r.removed
    assert set(w.object_names) == set(world.object_names)
    for name, o in world.objects.items():
        got = w.object(name)
        assert got.kind == o.kind and got.source == "detector"
        assert np.hypot(got.x - o.x, got.y - o.y) < 0.5  # smoothing keeps the noise down


def test_close_objects_of_one_kind_are_not_swapped() -> None:
    """Puddles at x = 0 and x = 2, seen at x = 1.1 and x = 3.0. Greedy nearest-first would give
    1.1 to puddle2 (0.9 m) and leave puddle1 with 3.0; the minimum-total-distance assignment
    keeps each name on its own puddle."""
    w = World({"puddle1": WorldObject("puddle1", "puddle", 0.0, 0.0, 1.0),
               "puddle2": WorldObject("puddle2", "puddle", 2.0, 0.0, 1.0)})
    up = WorldUpdater(w, TrackerConfig(smoothing=1.0, gate_m=2.5))
    r = up.update(w, [det("puddle", 1.1, 0.0, 1.0), det("puddle", 3.0, 0.0, 1.0)])
    assert r.world.object("puddle1").x == pytest.approx(1.1)
    assert r.world.object("puddle2").x == pytest.approx(3.0)
    assert r.added == ()


def test_a_new_object_is_named_by_kind_after_confirmation(world: World) -> None:
    rng = np.random.default_rng(1)
    up = WorldUpdater(world, TrackerConfig(confirm_hits=2))
    new = det("puddle", 0.0, 25.0, 2.0)
    r1 = up.update(world, frame_of(world, 0.1, rng) + [new])
    assert "puddle3" not in r1.world.object_names and r1.step.tentative == 1  # one frame is not enough
    r2 = up.update(r1.world, frame_of(world, 0.1, rng) + [det("puddle", 0.2, 25.1, 2.0)])
    assert r2.added == ("puddle3",)
    obj = r2.world.object("puddle3")
    assert (obj.kind, obj.source) == ("puddle", "detector") and obj.y == pytest.approx(25.05, abs=0.1)
    r3 = up.update(r2.world, frame_of(world, 0.1, rng) + [det("puddle", 0.1, 25.0, 2.0)])
    assert r3.added == () and "puddle3" in r3.step.matched
    # a rock seen twice becomes rock3 (rock1, rock2 are in the world file)
    r4 = up.update(r3.world, [det("rock", -25.0, 25.0, 1.0)])
    r5 = up.update(r4.world, [det("rock", -25.0, 25.0, 1.0)])
    assert r5.added == ("rock3",)


def test_a_one_frame_ghost_never_becomes_an_object() -> None:
    up = WorldUpdater(World({}), TrackerConfig(confirm_hits=2))
    r = up.update(World({}), [det("obstacle", 5.0, 5.0)])
    r = up.update(r.world, [])
    r = up.update(r.world, [det("obstacle", 5.0, 5.0)])
    assert r.world.object_names == () and r.step.tentative == 1


def test_low_confidence_detections_never_touch_the_world(world: World) -> None:
    up = WorldUpdater(world, TrackerConfig(min_confidence=0.5, confirm_hits=1))
    w = world
    for _ in range(5):
        r = up.update(w, [det("soil", 0.0, -25.0, 2.0, conf=0.45),           # new, but unsure
                          det("puddle", -6.0, 6.0, 2.5, conf=0.3)])          # puddle1 2 m off, unsure
        w = r.world
        assert r.step.ignored == 2 and not r.changed
    assert w == world
    r = up.update(w, [det("puddle", -6.0, 6.0, 2.5, conf=0.95)])
    assert r.updated == ("puddle1",) and r.world.object("puddle1").x == pytest.approx(-7.0)


def test_stale_detector_objects_are_dropped_config_objects_kept() -> None:
    cfg = TrackerConfig(confirm_hits=1, max_misses=3)
    w0 = World({"rock1": WorldObject("rock1", "rock", 0.0, 0.0, 1.0)})
    up = WorldUpdater(w0, cfg)
    r = up.update(w0, [det("rock", 0.0, 0.0, 1.0), det("puddle", 10.0, 0.0, 2.0)])
    assert r.added == ("puddle1",)
    w = r.world
    for i in range(3):
        r = up.update(w, [])
        w = r.world
        assert ("puddle1" in w.object_names) == (i < 2)
    assert r.removed == ("puddle1",)
    assert w.object_names == ("rock1",)  # never seen for 3 frames either, but it came from config
    # a dropped name is never handed out again
    r = up.update(w, [det("puddle", -10.0, 0.0, 2.0)])
    assert r.added == ("puddle2",)


def test_objects_out_of_view_are_not_counted_as_missed() -> None:
    cfg = TrackerConfig(confirm_hits=1, max_misses=2)
    cam_left = OrthographicCamera(-30.0, 30.0, 0.1, 300, 600)   # sees x in [-30, 0]
    cam_right = OrthographicCamera(0.0, 30.0, 0.1, 300, 600)    # sees x in [0, 30]
    w = World({})
    up = WorldUpdater(w, cfg)
    u, v = cam_right.to_pixel(20.0, 10.0)
    r = up.update(w, [Detection("soil", 0.9, (u - 20, v - 20, u + 20, v + 20))], cam_right)
    assert r.added == ("soil1",) and r.world.object("soil1").x == pytest.approx(20.0)
    assert r.world.object("soil1").radius == pytest.approx(2.0)
    w = r.world
    for _ in range(5):  # looking elsewhere: soil1 stays
        w = up.update(w, [], cam_left).world
    assert "soil1" in w.object_names
    for _ in range(2):  # looking at it and not seeing it: gone
        w = up.update(w, [], cam_right).world
    assert "soil1" not in w.object_names


def test_a_moved_object_is_reacquired_under_its_name(world: World) -> None:
    cam = OrthographicCamera(-31.0, 31.0, 0.2, 310, 310)
    up = WorldUpdater(world, TrackerConfig(reacquire_gate_m=15.0))
    moved = [det(o.kind, o.x, o.y, o.radius) for o in world.objects.values() if o.name != "obstacle1"]
    r = up.update(world, moved + [det("obstacle", 8.0, -4.0, 1.5)], cam)  # obstacle1 was at (0, -4)
    assert r.step.moved == ("obstacle1",) and r.added == ()
    o = r.world.object("obstacle1")
    assert (o.x, o.y) == pytest.approx((8.0, -4.0))  # a jump, not a smoothed half-way point


def test_robot_detections_do_not_enter_the_world(world: World) -> None:
    up = WorldUpdater(world, TrackerConfig(confirm_hits=1))
    r = up.update(world, [det("excavator", 1.0, 1.0), det("dump_truck", 5.0, 5.0)])
    assert r.world == world and r.step.ignored == 2


def test_pixel_detections_need_a_camera(world: World) -> None:
    up = WorldUpdater(world)
    with pytest.raises(ValueError, match="camera"):
        up.update(world, [Detection("rock", 0.9, (0, 0, 5, 5))])


def test_tracker_doctest_style_usage() -> None:
    t = ObjectTracker(TrackerConfig(confirm_hits=1))
    assert t.update([det("rock", 1.0, 1.0)]).created == ("rock1",)
    assert t.update([det("rock", 1.5, 1.0)]).matched == ("rock1",)
    assert t.confirmed()["rock1"].x == pytest.approx(1.25)


@pytest.mark.parametrize(
    "kwargs", [{"gate_m": 0.0}, {"smoothing": 0.0}, {"min_confidence": 1.5}, {"confirm_hits": 0}]
)
def test_tracker_config_is_checked(kwargs: dict) -> None:
    with pytest.raises(ConfigError):
        TrackerConfig(**kwargs)
