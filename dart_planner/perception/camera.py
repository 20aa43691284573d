"""Camera models that turn image pixels into map coordinates on the ground plane and back.

Two models cover the cameras this package meets:

* :class:`OrthographicCamera` — the simulator's top-down view, an exact affine map given by
  the renderer's :class:`~dart_planner.sim.render.PixelTransform` (or its parameters).
* :class:`PinholeCamera` — a real or Gazebo camera: intrinsics ``fx, fy, cx, cy`` (the ``K``
  of a sensor_msgs/CameraInfo) and a pose in the map frame; a pixel's ray is intersected with
  the ground plane ``z = 0``.

Both answer the same three questions (:class:`CameraModel`): where on the ground a pixel is,
where a ground point appears, and whether a ground point is in view. The tracker needs the
last one so that an object outside the picture is not counted as missed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from ..core.errors import DartPlannerError

__all__ = ["CameraModel", "CameraModelError", "OrthographicCamera", "PinholeCamera", "box_footprint"]


class CameraModelError(DartPlannerError):
    """A camera model is inconsistent, or a pixel does not see the ground."""


@runtime_checkable
class CameraModel(Protocol):
    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...

    def to_map(self, u: float, v: float) -> tuple[float, float]:
        """Ground point (x, y) in metres seen at pixel (u, v)."""
        ...

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """Pixel (u, v) where ground point (x, y) appears."""
        ...

    def sees(self, x: float, y: float, margin_px: float = 0.0) -> bool:
        """Whether ground point (x, y) lies inside the image, ``margin_px`` in from its edges."""
        ...


def _inside(u: float, v: float, width: int, height: int, margin: float) -> bool:
    return margin <= u <= width - margin and margin <= v <= height - margin


@dataclass(frozen=True)
class OrthographicCamera:
    """A straight-down orthographic view: ``x0, y0`` is the map point at the image's top-left
    corner, ``meters_per_px`` the scale; u grows with x, v grows against y.

    Pixel (u, v) covers [u, u+1) x [v, v+1); its centre is ``to_map(u + 0.5, v + 0.5)``.
    """

    x0: float
    y0: float
    meters_per_px: float
    width: int
    height: int

    def __post_init__(self) -> None:
        if not self.meters_per_px > 0 or self.width <= 0 or self.height <= 0:
            raise CameraModelError(
                f"orthographic camera needs meters_per_px > 0 and a positive size, got "
                f"{self.meters_per_px} m/px, {self.width}x{self.height} px"
            )

    @classmethod
    def from_transform(cls, tf: object) -> OrthographicCamera:
        """From a renderer :class:`~dart_planner.sim.render.PixelTransform` (duck-typed)."""
        return cls(
            float(tf.x0), float(tf.y0), float(tf.meters_per_px),  # type: ignore[attr-defined]
            int(tf.width), int(tf.height),  # type: ignore[attr-defined]
        )

    def to_map(self, u: float, v: float) -> tuple[float, float]:
        return self.x0 + u * self.meters_per_px, self.y0 - v * self.meters_per_px

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.x0) / self.meters_per_px, (self.y0 - y) / self.meters_per_px

    def sees(self, x: float, y: float, margin_px: float = 0.0) -> bool:
        u, v = self.to_pixel(x, y)
        return _inside(u, v, self.width, self.height, margin_px)

    def to_dict(self) -> dict[str, float | int | str]:
        return {"model": "orthographic", "x0": self.x0, "y0": self.y0, "meters_per_px": self.meters_per_px,
                "width": self.width, "height": self.height}


def _down_rotation(yaw: float) -> np.ndarray:
    """World-from-camera rotation of a camera looking straight down.

    At ``yaw = 0`` the image's right (+u) is map +x and its down (+v) is map -y, the same
    layout as the orthographic top-down render; ``yaw`` turns the image's right towards +y.
    Columns are the camera's x (right), y (down) and z (optical axis) in map coordinates.
    """
    c, s = math.cos(yaw), math.sin(yaw)
    right = np.array([c, s, 0.0])
    down = np.array([s, -c, 0.0])
    return np.column_stack([right, down, np.cross(right, down)])


@dataclass(frozen=True)
class PinholeCamera:
    """A pinhole camera in the map frame seeing the ground plane ``z = 0``.

    Parameters
    ----------
    fx, fy, cx, cy
        Intrinsics in pixels (``K = [[fx, 0, cx], [0, fy, cy], [0, 0, 1]]``); images are
        assumed rectified (no distortion).
    width, height
        Image size in pixels.
    position
        Optical centre (x, y, z) in metres, ``z > 0`` above the ground.
    rotation
        3x3 world-from-camera rotation (columns: camera x right, y down, z forward in map
        coordinates). :meth:`looking_down` builds the common straight-down case.
    """

    fx: float
    fy: float
    cx: float
    cy: float
    width: int
    height: int
    position: tuple[float, float, float]
    rotation: tuple[tuple[float, float, float], ...]

    def __post_init__(self) -> None:
        pos = tuple(float(v) for v in self.position)
        rot = np.asarray(self.rotation, dtype=float)
        problems = []
        if not (self.fx > 0 and self.fy > 0):
            problems.append(f"focal lengths must be > 0 (fx={self.fx}, fy={self.fy})")
        if self.width <= 0 or self.height <= 0:
            problems.append(f"image size must be positive ({self.width}x{self.height})")
        if len(pos) != 3 or pos[2] <= 0:
            problems.append(f"camera must be above the ground (z > 0), position {pos}")
        proper = rot.shape == (3, 3) and np.allclose(rot.T @ rot, np.eye(3), atol=1e-6)
        proper = proper and float(np.linalg.det(rot)) > 0
        if not proper:
            problems.append("rotation must be a proper 3x3 rotation matrix")
        if problems:
            raise CameraModelError("invalid pinhole camera: " + "; ".join(problems))
        object.__setattr__(self, "position", pos)
        object.__setattr__(self, "rotation", tuple(tuple(float(v) for v in row) for row in rot))

    @classmethod
    def looking_down(
        cls, fx: float, fy: float, cx: float, cy: float, width: int, height: int,
        x: float, y: float, z: float, yaw: float = 0.0,
    ) -> PinholeCamera:
        """A camera at (x, y, z) whose optical axis points straight down."""
        return cls(fx, fy, cx, cy, width, height, (x, y, z), tuple(map(tuple, _down_rotation(yaw))))

    @classmethod
    def from_camera_info(
        cls, k: Sequence[float], width: int, height: int, x: float, y: float, z: float, yaw: float = 0.0,
    ) -> PinholeCamera:
        """From a CameraInfo ``K`` (row-major 3x3, 9 numbers) and a straight-down pose."""
        if len(k) != 9:
            raise CameraModelError(f"K must have 9 numbers (row-major 3x3), got {len(k)}")
        return cls.looking_down(k[0], k[4], k[2], k[5], width, height, x, y, z, yaw)

    @classmethod
    def matching_view(
        cls, width: int, height: int, center_x: float, center_y: float, meters_per_px: float, z: float,
        yaw: float = 0.0,
    ) -> PinholeCamera:
        """A straight-down camera whose ground footprint equals an orthographic view's."""
        f = z / meters_per_px
        return cls.looking_down(f, f, 0.5 * width, 0.5 * height, width, height, center_x, center_y, z, yaw)

    @property
    def _r(self) -> np.ndarray:
        return np.asarray(self.rotation)

    def to_map(self, u: float, v: float) -> tuple[float, float]:
        ray_cam = np.array([(u - self.cx) / self.fx, (v - self.cy) / self.fy, 1.0])
        ray = self._r @ ray_cam
        if ray[2] >= -1e-9:
            raise CameraModelError(f"pixel ({u:.1f}, {v:.1f}) looks at or above the horizon")
        px, py, pz = self.position
        t = -pz / ray[2]
        return float(px + t * ray[0]), float(py + t * ray[1])

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        p_cam = self._r.T @ (np.array([x, y, 0.0]) - np.asarray(self.position))
        if p_cam[2] <= 1e-9:
            raise CameraModelError(f"ground point ({x:.2f}, {y:.2f}) is behind the camera")
        return float(self.fx * p_cam[0] / p_cam[2] + self.cx), float(self.fy * p_cam[1] / p_cam[2] + self.cy)

    def sees(self, x: float, y: float, margin_px: float = 0.0) -> bool:
        try:
            u, v = self.to_pixel(x, y)
        except CameraModelError:
            return False
        return _inside(u, v, self.width, self.height, margin_px)

    def to_dict(self) -> dict[str, object]:
        return {"model": "pinhole", "fx": self.fx, "fy": self.fy, "cx": self.cx, "cy": self.cy,
                "width": self.width, "height": self.height, "position": list(self.position),
                "rotation": [list(r) for r in self.rotation]}


def box_footprint(camera: CameraModel, box_xyxy_px: Sequence[float]) -> tuple[float, float, float]:
    """Ground centre (x, y) and radius (m) of a detection box.

    The centre is the box centre's ground point (exact for flat objects under a downward
    camera); the radius is half the mean ground extent of the box's two axes, which is the
    disc radius for a round object seen whole.
    """
    u0, v0, u1, v1 = (float(b) for b in box_xyxy_px)
    uc, vc = 0.5 * (u0 + u1), 0.5 * (v0 + v1)
    x, y = camera.to_map(uc, vc)
    ax, ay = camera.to_map(u0, vc)
    bx, by = camera.to_map(u1, vc)
    cx_, cy_ = camera.to_map(uc, v0)
    dx, dy = camera.to_map(uc, v1)
    extent = 0.5 * (math.hypot(bx - ax, by - ay) + math.hypot(dx - cx_, dy - cy_))
    return x, y, 0.5 * extent
