"""Ground-truth boxes of everything the top-down camera shows, from the site's known geometry.

The renderer draws objects as discs (``radius``), soil dumps as discs of
``0.5 + 0.6 * sqrt(volume)`` and robots as rectangles of ``1.8 x 1.2 body radii`` turned by
their heading (:mod:`dart_planner.sim.render`). The same numbers give the boxes here, so a
label is exactly where the picture is, and the box centre is the object's map position.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.world import World
from ..sim.state import SiteState
from .camera import OrthographicCamera
from .types import CLASS_NAMES, OBJECT_KINDS

__all__ = ["LabeledObject", "site_labels", "yolo_lines", "MIN_VISIBLE_FRACTION", "MIN_BOX_PX"]

MIN_VISIBLE_FRACTION = 0.35
"""Objects cut off by the image edge more than this are not labelled (too little to see)."""
MIN_BOX_PX = 2.0
"""Boxes narrower than this after clipping are not labelled."""
ROBOT_LENGTH, ROBOT_WIDTH = 1.8, 1.2
"""Robot body rectangle in body radii, as :func:`dart_planner.sim.render._draw_robot` draws it."""


@dataclass(frozen=True)
class LabeledObject:
    """One thing in one image: its kind, where it is on the map, and its (clipped) pixel box."""

    kind: str
    name: str
    x: float
    y: float
    radius: float
    box_xyxy_px: tuple[float, float, float, float]
    truncated: bool
    """Cut by the image edge: its box centre is not its map position."""

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "name": self.name, "x": self.x, "y": self.y, "radius": self.radius,
                "box": [round(v, 3) for v in self.box_xyxy_px], "truncated": self.truncated}


def _clip(kind: str, name: str, x: float, y: float, radius: float, box: tuple[float, float, float, float],
          cam: OrthographicCamera) -> LabeledObject | None:
    u0, v0, u1, v1 = box
    area = max(0.0, u1 - u0) * max(0.0, v1 - v0)
    cu0, cv0 = max(0.0, u0), max(0.0, v0)
    cu1, cv1 = min(float(cam.width), u1), min(float(cam.height), v1)
    if cu1 - cu0 < MIN_BOX_PX or cv1 - cv0 < MIN_BOX_PX or area <= 0:
        return None
    frac = (cu1 - cu0) * (cv1 - cv0) / area
    if frac < MIN_VISIBLE_FRACTION:
        return None
    return LabeledObject(kind, name, x, y, radius, (cu0, cv0, cu1, cv1), frac < 0.999)


def _disc_box(cam: OrthographicCamera, x: float, y: float, r: float) -> tuple[float, float, float, float]:
    u, v = cam.to_pixel(x, y)
    rr = max(r / cam.meters_per_px, 1.0)  # the renderer's minimum disc radius is 1 px
    return u - rr, v - rr, u + rr, v + rr


def _robot_box(cam: OrthographicCamera, x: float, y: float, yaw: float, body: float) -> tuple[float, ...]:
    hl, hw = 0.5 * ROBOT_LENGTH * body, 0.5 * ROBOT_WIDTH * body
    c, s = math.cos(yaw), math.sin(yaw)
    us, vs = [], []
    for fx, fy in ((hl, hw), (hl, -hw), (-hl, -hw), (-hl, hw)):
        u, v = cam.to_pixel(x + fx * c - fy * s, y + fx * s + fy * c)
        us.append(u)
        vs.append(v)
    return min(us), min(vs), max(us), max(vs)


def site_labels(snapshot: SiteState, world: World, cam: OrthographicCamera,
                kinds: Iterable[str] = CLASS_NAMES, dumps_as_soil: bool = True) -> list[LabeledObject]:
    """Every labelled thing visible in a top-down render of ``snapshot`` through ``cam``."""
    wanted = set(kinds)
    out: list[LabeledObject] = []
    for o in world.objects.values():
        if o.kind in wanted and o.kind in OBJECT_KINDS:
            lab = _clip(o.kind, o.name, o.x, o.y, o.radius, _disc_box(cam, o.x, o.y, o.radius), cam)
            if lab:
                out.append(lab)
    if dumps_as_soil and "soil" in wanted:
        for i, d in enumerate(snapshot.dumps):
            if d.volume > 0:
                r = 0.5 + 0.6 * math.sqrt(d.volume)
                lab = _clip("soil", f"dump{i}", d.x, d.y, r, _disc_box(cam, d.x, d.y, r), cam)
                if lab:
                    out.append(lab)
    for rb in snapshot.robots.values():
        if rb.type in wanted:
            box = _robot_box(cam, rb.pose.x, rb.pose.y, rb.pose.yaw, rb.body_radius)
            lab = _clip(rb.type, rb.id, rb.pose.x, rb.pose.y, rb.body_radius, box, cam)  # type: ignore[arg-type]
            if lab:
                out.append(lab)
    return out


def yolo_lines(objects: Iterable[LabeledObject], width: int, height: int,
               classes: tuple[str, ...] = CLASS_NAMES) -> list[str]:
    """YOLO label lines: ``class cx cy w h`` normalised to the image size."""
    lines = []
    for o in objects:
        u0, v0, u1, v1 = o.box_xyxy_px
        cx, cy = 0.5 * (u0 + u1) / width, 0.5 * (v0 + v1) / height
        bw, bh = (u1 - u0) / width, (v1 - v0) / height
        lines.append(f"{classes.index(o.kind)} {cx:.6f} {cy:.6f} {bw:.6f} {bh:.6f}")
    return lines
