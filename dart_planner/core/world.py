"""The site: named objects with poses and footprints, keep-out zones, and the geofence.

Objects come from configuration, the detector or the simulator (``source``) with a
confidence; perceived objects are merged in with :meth:`World.with_object` so planning and
allocation always see one current picture. Worlds are immutable; updates return new ones.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .config_reader import ConfigReader, load_yaml, unwrap_ros_parameters
from .geometry import Pose2D

__all__ = ["WorldObject", "KeepOutZone", "Bounds", "World", "load_world", "world_from_dict"]

SOURCES = ("config", "detector", "sim")


@dataclass(frozen=True)
class WorldObject:
    """A named thing on the site that plans refer to by name (``soil1``)."""

    name: str
    kind: str
    x: float
    y: float
    radius: float = 1.0
    source: str = "config"
    confidence: float = 1.0
    volume: float = 0.0
    """Soil volume (m^3) for piles; 0 for everything else."""

    @property
    def pose(self) -> Pose2D:
        return Pose2D(self.x, self.y)


@dataclass(frozen=True)
class KeepOutZone:
    """A disc robots must not enter; ``robots`` empty means it applies to all robots."""

    name: str
    x: float
    y: float
    radius: float
    robots: frozenset[str] = frozenset()

    def applies_to(self, robot_id: str) -> bool:
        return not self.robots or robot_id in self.robots

    def contains(self, x: float, y: float) -> bool:
        return math.hypot(x - self.x, y - self.y) < self.radius


@dataclass(frozen=True)
class Bounds:
    """The geofence: an axis-aligned rectangle no robot may leave."""

    xmin: float
    ymin: float
    xmax: float
    ymax: float

    def contains(self, x: float, y: float) -> bool:
        return self.xmin <= x <= self.xmax and self.ymin <= y <= self.ymax


@dataclass(frozen=True)
class World:
    objects: Mapping[str, WorldObject]
    keep_out: tuple[KeepOutZone, ...] = ()
    bounds: Bounds = field(default_factory=lambda: Bounds(-50.0, -50.0, 50.0, 50.0))
    keepout_margin: float = 1.0
    """Extra clearance added around an object when a skill fences it off."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "objects", MappingProxyType(dict(self.objects)))

    def has_object(self, name: str) -> bool:
        return name in self.objects

    def object(self, name: str) -> WorldObject:
        return self.objects[name]

    @property
    def object_names(self) -> tuple[str, ...]:
        return tuple(self.objects)

    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted({o.kind for o in self.objects.values()}))

    def with_object(self, obj: WorldObject) -> World:
        objs = dict(self.objects)
        objs[obj.name] = obj
        return replace(self, objects=objs)

    def without_object(self, name: str) -> World:
        objs = {k: v for k, v in self.objects.items() if k != name}
        return replace(self, objects=objs)

    def with_keep_out(self, zones: Iterable[KeepOutZone]) -> World:
        return replace(self, keep_out=tuple(zones))

    def keepout_for_object(self, name: str, robots: Iterable[str] = ()) -> KeepOutZone:
        o = self.objects[name]
        return KeepOutZone(name, o.x, o.y, o.radius + self.keepout_margin, frozenset(robots))

    def zones_for(self, robot_id: str) -> tuple[KeepOutZone, ...]:
        return tuple(z for z in self.keep_out if z.applies_to(robot_id))

    def fingerprint(self) -> str:
        """A stable hash of what planning depends on (object names, kinds, rounded poses).

        Plan memory keys on it: the same instruction in a changed world is planned anew.
        """
        payload = sorted(
            (o.name, o.kind, round(o.x, 1), round(o.y, 1)) for o in self.objects.values()
        )
        zones = sorted((z.name, sorted(z.robots)) for z in self.keep_out)
        blob = json.dumps([payload, zones], separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


_OBJECT_KEYS = {"kind", "x", "y", "radius", "volume", "confidence", "source"}


def load_world(path: str | Path) -> World:
    """Load and check a world file; raises ConfigError listing every problem."""
    return world_from_dict(load_yaml(path), str(path))


def world_from_dict(raw: Any, file: str = "<world>") -> World:
    r = ConfigReader(file)
    data = r.mapping(unwrap_ros_parameters(raw), "")
    r.unknown_keys(data, {"objects", "keep_out", "bounds", "keepout_margin"}, "")
    objects: dict[str, WorldObject] = {}
    for name, spec in r.mapping(data.get("objects", {}), "objects").items():
        key = f"objects.{name}"
        s = r.mapping(spec, key)
        r.unknown_keys(s, _OBJECT_KEYS, key)
        source = r.string(s, "source", key, "config")
        if source not in SOURCES:
            r.error(f"{key}.source", f"expected one of {list(SOURCES)}, got {source!r}")
        conf = r.number(s, "confidence", key, 1.0)
        if not 0.0 <= conf <= 1.0:
            r.error(f"{key}.confidence", f"must be within [0, 1], got {conf}")
        objects[str(name)] = WorldObject(
            name=str(name),
            kind=r.string(s, "kind", key),
            x=r.number(s, "x", key),
            y=r.number(s, "y", key),
            radius=r.number(s, "radius", key, 1.0, positive=True),
            source=source,
            confidence=conf,
            volume=r.number(s, "volume", key, 0.0, non_negative=True),
        )
    zones: list[KeepOutZone] = []
    raw_zones = data.get("keep_out", [])
    if not isinstance(raw_zones, list):
        r.error("keep_out", "expected a list")
        raw_zones = []
    for i, z in enumerate(raw_zones):
        key = f"keep_out[{i}]"
        zm = r.mapping(z, key)
        r.unknown_keys(zm, {"name", "x", "y", "radius", "object", "robots"}, key)
        obj_name = zm.get("object")
        if obj_name is not None:
            if obj_name not in objects:
                r.error(f"{key}.object", f"unknown object {obj_name!r}")
                continue
            o = objects[obj_name]
            x, y = o.x, o.y
            radius = r.number(zm, "radius", key, o.radius + 1.0, positive=True)
        else:
            x, y = r.number(zm, "x", key), r.number(zm, "y", key)
            radius = r.number(zm, "radius", key, positive=True)
        zones.append(
            KeepOutZone(
                name=r.string(zm, "name", key, obj_name or f"zone{i}"),
                x=x,
                y=y,
                radius=radius,
                robots=frozenset(r.string_list(zm, "robots", key, [])),
            )
        )
    b = r.mapping(data.get("bounds", {"xmin": -50, "ymin": -50, "xmax": 50, "ymax": 50}), "bounds")
    bounds = Bounds(
        r.number(b, "xmin", "bounds"), r.number(b, "ymin", "bounds"),
        r.number(b, "xmax", "bounds"), r.number(b, "ymax", "bounds"),
    )
    if bounds.xmin >= bounds.xmax or bounds.ymin >= bounds.ymax:
        r.error("bounds", "xmin/ymin must be smaller than xmax/ymax")
    for o in objects.values():
        if not bounds.contains(o.x, o.y):
            r.error(f"objects.{o.name}", f"position ({o.x}, {o.y}) lies outside the site bounds")
    r.raise_if_any()
    return World(objects, tuple(zones), bounds, r.number(data, "keepout_margin", "", 1.0, non_negative=True))


def object_to_dict(o: WorldObject) -> dict[str, Any]:
    return {
        "name": o.name, "kind": o.kind, "x": o.x, "y": o.y, "radius": o.radius,
        "source": o.source, "confidence": o.confidence, "volume": o.volume,
    }


def objects_from_mapping(items: Mapping[str, Mapping[str, Any]]) -> dict[str, WorldObject]:
    return {n: WorldObject(name=n, **{k: v for k, v in d.items() if k != "name"}) for n, d in items.items()}
