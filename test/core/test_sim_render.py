"""Top-down rendering: PNG files, camera arrays with their pixel <-> map transform, GIFs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dart_planner.core.actuation import SkillGoal
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.world import Bounds, World
from dart_planner.sim import Simulation
from dart_planner.sim.render import KIND_COLORS, ROBOT_COLORS, GifRecorder, render_array, render_png


@pytest.fixture
def sim(fleet: Fleet, world: World) -> Simulation:
    return Simulation(fleet, world)


def _near(pixel: np.ndarray, color: tuple[int, int, int], tol: int = 30) -> bool:
    return bool(np.all(np.abs(pixel.astype(int) - np.array(color)) <= tol))


def test_render_png_writes_a_png_of_the_requested_size(sim: Simulation, tmp_path: Path) -> None:
    out = render_png(sim, tmp_path / "site.png", size_px=(640, 480))
    with Image.open(out) as img:
        assert img.format == "PNG" and img.size == (640, 480) and img.mode == "RGB"
    snap_out = render_png(sim.snapshot(), tmp_path / "snap.png", sim.world, size_px=300)
    with Image.open(snap_out) as img:
        assert img.size == (300, 300)


def test_a_snapshot_needs_its_world(sim: Simulation, tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        render_png(sim.snapshot(), tmp_path / "x.png")


def test_camera_array_shows_objects_and_robots_where_the_transform_says(
    sim: Simulation, world: World
) -> None:
    arr, tf = render_array(sim.snapshot(), world, (400, 300))
    assert arr.shape == (300, 400, 3) and arr.dtype == np.uint8
    for name in ("puddle1", "rock2", "obstacle1"):
        o = world.objects[name]
        u, v = tf.to_pixel(o.x, o.y)
        assert _near(arr[int(v), int(u)], KIND_COLORS[o.kind]), name
    for robot in sim.fleet.robots:
        u, v = tf.to_pixel(robot.start.x - 0.5, robot.start.y)  # behind the heading marker
        assert _near(arr[int(v), int(u)], ROBOT_COLORS[robot.type]), robot.id
    # the transform round-trips and matches its matrix
    x, y = tf.to_map(*tf.to_pixel(12.3, -4.5))
    assert (x, y) == pytest.approx((12.3, -4.5))
    u, v, w = tf.matrix @ np.array([12.3, -4.5, 1.0])
    assert (u / w, v / w) == pytest.approx(tf.to_pixel(12.3, -4.5))


def test_fixed_scale_camera_view(sim: Simulation, world: World) -> None:
    view = Bounds(-10.0, 0.0, 0.0, 10.0)  # around puddle1 (-8, 6)
    arr, tf = render_array(sim.snapshot(), world, (200, 200), bounds=view, meters_per_px=0.05)
    assert tf.meters_per_px == 0.05 and arr.shape == (200, 200, 3)
    assert tf.to_map(100, 100) == pytest.approx((-5.0, 5.0))  # view centre
    u, v = tf.to_pixel(-8.0, 6.0)
    assert _near(arr[int(v), int(u)], KIND_COLORS["puddle"])


def test_rendering_is_a_pure_function_of_the_snapshot(sim: Simulation, world: World) -> None:
    snap = sim.snapshot()
    a, _ = render_array(snap, world, 200)
    b, _ = render_array(snap, world, 200)
    assert np.array_equal(a, b)
    sim.start_skill(
        SkillGoal(
            "g",
            "p",
            "t",
            "robot_dump_truck_01",
            "target_area_for_specific_robots",
            SkillAction.NAVIGATE,
            target="puddle2",
        )
    )
    for _ in range(100):
        sim.step()
    c, _ = render_array(sim.snapshot(), world, 200)
    assert not np.array_equal(a, c)
    assert np.array_equal(render_array(snap, world, 200)[0], a)  # the old snapshot still renders the same


def test_keep_out_zones_are_drawn(sim: Simulation, world: World) -> None:
    before, tf = render_array(sim.snapshot(), world, 300)
    sim.start_skill(
        SkillGoal("z", "p", "t", None, "avoid_areas_for_all_robots", SkillAction.ADD_KEEPOUT, target="rock1")
    )
    sim.run_until_idle(10.0)
    after, _ = render_array(sim.snapshot(), world, 300)
    rock = world.objects["rock1"]
    u, v = tf.to_pixel(rock.x + rock.radius + 0.5, rock.y)  # in the zone's margin ring, off the rock
    assert after[int(v), int(u), 0] > after[int(v), int(u), 1] + 20  # reddened ground
    assert not np.array_equal(before[int(v), int(u)], after[int(v), int(u)])


def test_gif_recorder_collects_frames_every_n_seconds(sim: Simulation, world: World, tmp_path: Path) -> None:
    rec = GifRecorder(world, every_s=5.0, size_px=120)
    sim.start_skill(
        SkillGoal(
            "g",
            "p",
            "t",
            "robot_dump_truck_02",
            "target_area_for_specific_robots",
            SkillAction.NAVIGATE,
            target="obstacle2",
        )
    )
    while sim.time < 30.0 - 1e-9:
        sim.step()
        rec.poll(sim)
    assert rec.times == pytest.approx([0.1, 5.1, 10.1, 15.1, 20.1, 25.1])
    out = rec.save(tmp_path / "run.gif", fps=5)
    with Image.open(out) as gif:
        assert gif.format == "GIF" and gif.n_frames == 6 and gif.size == (120, 120)


def test_gif_recorder_bounds_memory_on_long_runs(sim: Simulation, world: World) -> None:
    rec = GifRecorder(world, every_s=1.0, size_px=40, max_frames=8)
    while sim.time < 40.0 - 1e-9:
        sim.step()
        rec.poll(sim)
    assert len(rec.frames) <= 8 and rec.every_s > 1.0
    assert rec.times[0] == pytest.approx(0.1) and rec.times[-1] > 30.0  # still spans the whole run
