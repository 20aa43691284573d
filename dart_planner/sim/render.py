"""Top-down pictures of the site: PNG frames, GIF sequences, and the camera image array.

Rendering is a pure function of a :class:`~dart_planner.sim.state.SiteState` and the
:class:`~dart_planner.core.world.World` (no simulator internals), so the same code draws
run reports, GIFs, and later the ROS sim node's top-down camera image. The map <-> pixel
transform it used is returned with every array, so a detector can map pixels back onto the
site exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..core.world import Bounds, World
from .state import RobotState, RobotStatus, SiteState

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = ["PixelTransform", "render_image", "render_array", "render_png", "GifRecorder"]

GROUND = (206, 186, 146)
OUTSIDE = (150, 138, 112)
FENCE = (90, 70, 40)
KIND_COLORS = {
    "puddle": (70, 130, 200),
    "obstacle": (105, 105, 105),
    "rock": (75, 72, 70),
    "soil": (135, 88, 42),
}
OTHER_OBJECT = (160, 160, 160)
ROBOT_COLORS = {"excavator": (240, 180, 20), "dump_truck": (40, 120, 200)}
OTHER_ROBOT = (200, 200, 200)
KEEP_OUT = (220, 30, 30)
DUMP = (150, 100, 50)
TEXT = (20, 20, 20)


@dataclass(frozen=True)
class PixelTransform:
    """Map (metres, y up) <-> pixel (column u, row v, v down) for one rendered image.

    Pixel (u, v) covers [u, u+1) x [v, v+1); its centre is ``to_map(u + 0.5, v + 0.5)``.
    ``x0``/``y0`` are the map coordinates of the image's top-left corner.
    """

    x0: float
    y0: float
    meters_per_px: float
    width: int
    height: int

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.x0) / self.meters_per_px, (self.y0 - y) / self.meters_per_px

    def to_map(self, u: float, v: float) -> tuple[float, float]:
        return self.x0 + u * self.meters_per_px, self.y0 - v * self.meters_per_px

    @property
    def matrix(self) -> np.ndarray:
        """3x3 homogeneous map -> pixel matrix (invert it for pixel -> map)."""
        s = 1.0 / self.meters_per_px
        return np.array([[s, 0.0, -self.x0 * s], [0.0, -s, self.y0 * s], [0.0, 0.0, 1.0]])


def _transform(size: tuple[int, int], bounds: Bounds, meters_per_px: float | None) -> PixelTransform:
    w, h = size
    span_x, span_y = bounds.xmax - bounds.xmin, bounds.ymax - bounds.ymin
    mpp = meters_per_px if meters_per_px is not None else max(span_x / w, span_y / h)
    cx, cy = 0.5 * (bounds.xmin + bounds.xmax), 0.5 * (bounds.ymin + bounds.ymax)
    return PixelTransform(cx - 0.5 * w * mpp, cy + 0.5 * h * mpp, mpp, w, h)


def _font(px: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=px)
    except TypeError:  # Pillow < 10.1 has one fixed-size bitmap font
        return ImageFont.load_default()


def _label(robot_id: str, robot_type: str) -> str:
    """Short tag for a robot: type initials + trailing number ("robot_dump_truck_02" -> "DT02")."""
    initials = "".join(p[0] for p in robot_type.split("_") if p).upper() or "R"
    digits = ""
    for ch in reversed(robot_id):
        if not ch.isdigit():
            break
        digits = ch + digits
    return initials + (digits or robot_id[-2:])


def render_image(
    snapshot: SiteState,
    world: World,
    size_px: int | tuple[int, int] = 800,
    *,
    bounds: Bounds | None = None,
    meters_per_px: float | None = None,
    labels: bool = True,
) -> tuple[Image.Image, PixelTransform]:
    """Draw the site as a Pillow RGB image.

    ``bounds`` (default: the geofence plus 1 m) is fitted into the image unless
    ``meters_per_px`` fixes the scale (a camera with a fixed resolution and footprint);
    either way the view is centred on ``bounds``.
    """
    size = (size_px, size_px) if isinstance(size_px, int) else (int(size_px[0]), int(size_px[1]))
    fence = world.bounds
    view = bounds or Bounds(fence.xmin - 1.0, fence.ymin - 1.0, fence.xmax + 1.0, fence.ymax + 1.0)
    tf = _transform(size, view, meters_per_px)
    scale = 1.0 / tf.meters_per_px
    img = Image.new("RGBA", size, OUTSIDE + (255,))
    draw = ImageDraw.Draw(img)
    font = _font(max(9, min(16, size[1] // 60)))

    def px(x: float, y: float) -> tuple[float, float]:
        return tf.to_pixel(x, y)

    def disc(
        x: float, y: float, r: float, fill: tuple[int, ...] | None, outline: tuple[int, ...] | None = None,
        width: int = 1, on: ImageDraw.ImageDraw = draw,
    ) -> None:
        u, v = px(x, y)
        rr = max(r * scale, 1.0)
        on.ellipse((u - rr, v - rr, u + rr, v + rr), fill=fill, outline=outline, width=width)

    a, b = px(fence.xmin, fence.ymax), px(fence.xmax, fence.ymin)
    draw.rectangle((a[0], a[1], b[0], b[1]), fill=GROUND, outline=FENCE, width=max(1, size[0] // 300))

    for obj in world.objects.values():
        color = KIND_COLORS.get(obj.kind, OTHER_OBJECT)
        if obj.name in snapshot.piles:
            initial = obj.volume if obj.volume > 0 else 1.0
            frac = max(0.0, min(1.0, snapshot.piles[obj.name] / initial))
            disc(obj.x, obj.y, obj.radius, None, color, 1)  # footprint
            disc(obj.x, obj.y, obj.radius * max(0.15, math.sqrt(frac)), color)
        else:
            disc(obj.x, obj.y, obj.radius, color)
    for d in snapshot.dumps:
        if d.volume > 0:
            disc(d.x, d.y, 0.5 + 0.6 * math.sqrt(d.volume), DUMP, (100, 60, 30))

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    odraw = ImageDraw.Draw(overlay)
    for z in snapshot.keep_out:
        disc(z.x, z.y, z.radius, KEEP_OUT + (55,), KEEP_OUT + (230,), max(1, size[0] // 400), on=odraw)
    img = Image.alpha_composite(img, overlay)
    draw = ImageDraw.Draw(img)

    for robot in snapshot.robots.values():
        _draw_robot(draw, robot, px, scale)

    if labels:
        for obj in world.objects.values():
            u, v = px(obj.x, obj.y - obj.radius)
            draw.text((u, v + 1), obj.name, fill=TEXT, font=font, anchor="ma")
        for z in snapshot.keep_out:
            u, v = px(z.x, z.y + z.radius)
            draw.text((u, v - 1), "keep-out", fill=KEEP_OUT, font=font, anchor="md")
        for robot in snapshot.robots.values():
            u, v = px(robot.pose.x, robot.pose.y + robot.body_radius)
            draw.text((u, v - 2), _label(robot.id, robot.type), fill=TEXT, font=font, anchor="md")
        draw.text((4, 4), f"t = {snapshot.time:.1f} s", fill=TEXT, font=font)
    return img.convert("RGB"), tf


ToPixel = Callable[[float, float], tuple[float, float]]


def _draw_robot(draw: ImageDraw.ImageDraw, robot: RobotState, to_px: ToPixel, scale: float) -> None:
    x, y, yaw = robot.pose.x, robot.pose.y, robot.pose.yaw
    length, width = 1.8 * robot.body_radius, 1.2 * robot.body_radius
    c, s = math.cos(yaw), math.sin(yaw)

    def corner(fx: float, fy: float) -> tuple[float, float]:
        return to_px(x + fx * c - fy * s, y + fx * s + fy * c)

    hl, hw = 0.5 * length, 0.5 * width
    color = ROBOT_COLORS.get(robot.type, OTHER_ROBOT)
    broken = robot.status is RobotStatus.BROKEN
    outline = (200, 0, 0) if broken else (30, 30, 30)
    body = [corner(hl, hw), corner(hl, -hw), corner(-hl, -hw), corner(-hl, hw)]
    draw.polygon(body, fill=color, outline=outline, width=2 if broken else 1)
    # heading: a triangle at the front
    back = hl - 0.9 * hw
    draw.polygon([corner(hl, 0.0), corner(back, 0.5 * hw), corner(back, -0.5 * hw)], fill=(30, 30, 30))
    if robot.tool == "bucket":
        reach = hl + robot.body_radius * (0.6 + 0.4 * math.cos(robot.joints.get("boom", 0.5)))
        draw.line([corner(0.0, 0.0), corner(reach, 0.0)], fill=(90, 70, 20), width=max(1, int(0.25 * scale)))
        if robot.payload > 1e-9:
            u, v = corner(reach, 0.0)
            rr = max(2.0, 0.35 * scale)
            draw.ellipse((u - rr, v - rr, u + rr, v + rr), fill=DUMP)
    elif robot.tool == "bed" and robot.payload > 1e-9:
        frac = min(1.0, robot.payload / robot.capacity) if robot.capacity > 0 else 1.0
        bed = [corner(-hl * 0.9, hw * 0.7), corner(-hl * 0.9 + frac * hl * 1.2, hw * 0.7),
               corner(-hl * 0.9 + frac * hl * 1.2, -hw * 0.7), corner(-hl * 0.9, -hw * 0.7)]
        draw.polygon(bed, fill=DUMP)
    if broken:
        draw.line([body[0], body[2]], fill=(200, 0, 0), width=2)
        draw.line([body[1], body[3]], fill=(200, 0, 0), width=2)


def render_array(
    snapshot: SiteState,
    world: World,
    size_px: int | tuple[int, int] = 800,
    *,
    bounds: Bounds | None = None,
    meters_per_px: float | None = None,
    labels: bool = False,
) -> tuple[np.ndarray, PixelTransform]:
    """The site as an ``HxWx3`` uint8 array (the top-down camera image) and its transform.

    Labels are off by default: a camera does not see text.
    """
    img, tf = render_image(
        snapshot, world, size_px, bounds=bounds, meters_per_px=meters_per_px, labels=labels
    )
    return np.asarray(img, dtype=np.uint8), tf


def render_png(
    source: SiteState | Simulation,
    path: str | Path,
    world: World | None = None,
    size_px: int | tuple[int, int] = 800,
    **kwargs: object,
) -> Path:
    """Write a labelled top-down PNG of a snapshot (or of a simulation's current state)."""
    snapshot, world = _resolve(source, world)
    img, _ = render_image(snapshot, world, size_px, **kwargs)  # type: ignore[arg-type]
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out, format="PNG")
    return out


def _resolve(source: SiteState | Simulation, world: World | None) -> tuple[SiteState, World]:
    if isinstance(source, SiteState):
        if world is None:
            raise TypeError("render_png(snapshot, path, world): a snapshot needs the world it belongs to")
        return source, world
    return source.snapshot(), world or source.world


class GifRecorder:
    """Collect a frame every ``every_s`` simulated seconds; write them as an animated GIF.

    Call :meth:`poll` after each step (cheap when no frame is due). Beyond ``max_frames``
    every other frame is dropped and the interval doubles, so memory stays bounded on
    long runs while the GIF still covers the whole run evenly.
    """

    def __init__(self, world: World, every_s: float = 1.0, size_px: int = 400, max_frames: int = 400):
        if every_s <= 0 or max_frames < 2:
            raise ValueError("every_s must be > 0 and max_frames >= 2")
        self.world = world
        self.every_s = every_s
        self.size_px = size_px
        self.max_frames = max_frames
        self.frames: list[Image.Image] = []
        self.times: list[float] = []
        self._next = 0.0

    def poll(self, sim: Simulation) -> bool:
        """Capture a frame if one is due at ``sim.time``; returns whether it did."""
        if sim.time + 1e-9 < self._next:
            return False
        self.capture(sim.snapshot())
        return True

    def capture(self, snapshot: SiteState) -> None:
        img, _ = render_image(snapshot, self.world, self.size_px)
        self.frames.append(img.convert("P", palette=Image.Palette.ADAPTIVE, colors=64))
        self.times.append(snapshot.time)
        self._next = snapshot.time + self.every_s
        if len(self.frames) > self.max_frames:
            self.frames = self.frames[::2]
            self.times = self.times[::2]
            self.every_s *= 2.0

    def save(self, path: str | Path, fps: float = 10.0) -> Path:
        if not self.frames:
            raise ValueError("no frames captured")
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        first, *rest = self.frames
        first.save(out, format="GIF", save_all=True, append_images=rest, duration=int(1000 / fps), loop=0)
        return out
