"""Pixel <-> map projection: orthographic (the sim camera) and pinhole (ground plane z = 0)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dart_planner.core.world import Bounds, World
from dart_planner.perception.camera import CameraModelError, OrthographicCamera, PinholeCamera, box_footprint
from dart_planner.sim.render import render_array
from dart_planner.sim.state import SiteState

coord = st.floats(-200.0, 200.0, allow_nan=False)


def _empty_snapshot() -> SiteState:
    return SiteState(time=0.0, robots={}, piles={}, dumps=(), dumped={}, keep_out=())


def test_orthographic_camera_is_the_renderers_transform(world: World) -> None:
    _, tf = render_array(_empty_snapshot(), world, (320, 240), bounds=Bounds(-10, -5, 30, 25))
    cam = OrthographicCamera.from_transform(tf)
    for x, y in [(0.0, 0.0), (-8.0, 6.0), (29.5, -4.0), (12.3, 20.1)]:
        assert cam.to_pixel(x, y) == pytest.approx(tf.to_pixel(x, y))
    for u, v in [(0.0, 0.0), (319.5, 239.5), (100.25, 17.0)]:
        assert cam.to_map(u, v) == pytest.approx(tf.to_map(u, v))
    assert cam.sees(10.0, 10.0) and not cam.sees(100.0, 0.0)


@given(coord, coord)
def test_orthographic_round_trip(x: float, y: float) -> None:
    cam = OrthographicCamera(-31.0, 31.0, 0.19375, 320, 320)
    assert cam.to_map(*cam.to_pixel(x, y)) == pytest.approx((x, y), abs=1e-9)
    u, v = cam.to_pixel(x, y)
    assert cam.to_pixel(*cam.to_map(u, v)) == pytest.approx((u, v), abs=1e-6)


@settings(max_examples=60)
@given(
    st.floats(-500, 900), st.floats(-500, 700), st.floats(-math.pi, math.pi),
    st.floats(5.0, 80.0), st.floats(200.0, 900.0), st.floats(-20, 20), st.floats(-20, 20),
)
def test_pinhole_round_trip_pixel_map_pixel(u: float, v: float, yaw: float, z: float, f: float,
                                            cx: float, cy: float) -> None:
    cam = PinholeCamera.looking_down(f, 1.1 * f, 320 + 0.3 * cx, 240 + 0.3 * cy, 640, 480, cx, cy, z, yaw)
    x, y = cam.to_map(u, v)
    assert cam.to_pixel(x, y) == pytest.approx((u, v), abs=1e-6)
    assert cam.to_map(*cam.to_pixel(x, y)) == pytest.approx((x, y), abs=1e-6)


def test_pinhole_looking_down_agrees_with_the_orthographic_view() -> None:
    """A straight-down pinhole with the same footprint maps every ground point to the same pixel."""
    ortho = OrthographicCamera(-31.0, 31.0, 0.19375, 320, 320)
    pin = PinholeCamera.matching_view(320, 320, 0.0, 0.0, 0.19375, z=40.0)
    for x, y in [(0.0, 0.0), (-25.0, 12.0), (30.0, -30.0), (7.5, 22.25)]:
        assert pin.to_pixel(x, y) == pytest.approx(ortho.to_pixel(x, y), abs=1e-9)
        assert pin.to_map(*ortho.to_pixel(x, y)) == pytest.approx((x, y), abs=1e-9)


def test_pinhole_yaw_turns_the_image() -> None:
    cam = PinholeCamera.looking_down(500, 500, 320, 240, 640, 480, 0.0, 0.0, 10.0, yaw=math.pi / 2)
    u0, v0 = cam.to_pixel(0.0, 0.0)
    u1, v1 = cam.to_pixel(0.0, 1.0)  # +y is the image's right after a quarter turn
    assert (u0, v0) == pytest.approx((320, 240))
    assert u1 - u0 == pytest.approx(50.0) and v1 == pytest.approx(v0)


def test_pinhole_from_camera_info_reads_k_row_major() -> None:
    k = [600.0, 0.0, 330.0, 0.0, 610.0, 250.0, 0.0, 0.0, 1.0]
    cam = PinholeCamera.from_camera_info(k, 640, 480, 5.0, -3.0, 20.0)
    assert (cam.fx, cam.fy, cam.cx, cam.cy) == (600.0, 610.0, 330.0, 250.0)
    assert cam.to_map(330.0, 250.0) == pytest.approx((5.0, -3.0))
    with pytest.raises(CameraModelError, match="9 numbers"):
        PinholeCamera.from_camera_info(k[:4], 640, 480, 0, 0, 10)


def test_tilted_pinhole_refuses_pixels_above_the_horizon() -> None:
    pitch = math.radians(80.0)  # nearly level camera looking along +x
    right = np.array([0.0, -1.0, 0.0])
    forward = np.array([math.sin(pitch), 0.0, -math.cos(pitch)])
    down = np.cross(forward, right)
    rot = np.column_stack([right, down, forward])
    cam = PinholeCamera(500, 500, 320, 240, 640, 480, (0.0, 0.0, 5.0), tuple(map(tuple, rot)))
    x, y = cam.to_map(320, 470)  # bottom rows see the ground in front
    assert x > 0 and cam.to_pixel(x, y) == pytest.approx((320, 470), abs=1e-6)
    with pytest.raises(CameraModelError, match="horizon"):
        cam.to_map(320, 0)
    assert not cam.sees(-50.0, 0.0)  # behind the camera


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fx": 0.0}, "focal lengths"),
        ({"position": (0.0, 0.0, -1.0)}, "above the ground"),
        ({"rotation": ((1, 0, 0), (0, 1, 0), (0, 0, 1.5))}, "rotation"),
    ],
)
def test_invalid_pinhole_cameras_are_refused(kwargs: dict, message: str) -> None:
    base = {"fx": 500.0, "fy": 500.0, "cx": 320.0, "cy": 240.0, "width": 640, "height": 480,
            "position": (0.0, 0.0, 10.0), "rotation": ((1, 0, 0), (0, -1, 0), (0, 0, -1))}
    with pytest.raises(CameraModelError, match=message):
        PinholeCamera(**{**base, **kwargs})
    with pytest.raises(CameraModelError):
        OrthographicCamera(0, 0, 0.0, 10, 10)


def test_box_footprint_gives_centre_and_radius_of_a_disc() -> None:
    cam = OrthographicCamera(-31.0, 31.0, 0.2, 310, 310)
    u, v = cam.to_pixel(4.0, -6.0)
    r_px = 2.5 / 0.2
    x, y, r = box_footprint(cam, (u - r_px, v - r_px, u + r_px, v + r_px))
    assert (x, y, r) == pytest.approx((4.0, -6.0, 2.5))
    pin = PinholeCamera.matching_view(310, 310, 0.0, 0.0, 0.2, z=30.0)
    assert box_footprint(pin, (u - r_px, v - r_px, u + r_px, v + r_px)) == pytest.approx((4.0, -6.0, 2.5))
