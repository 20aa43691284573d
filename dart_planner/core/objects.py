"""Perceived objects in the world model: checked on the way in, merged, and aged.

Objects reported by a detector (an ``objects@1`` payload) or by the simulator's ground truth
come from outside the planner, so every entry is checked before it becomes a
:class:`~dart_planner.core.world.WorldObject` (:func:`parse_objects`). The language and
allocator nodes -- and ``replay --rejudge``, which must decide as they do -- then merge the
perceived set into their world (:func:`merge_perceived`) and judge it by age: a perceived
object not reported for ``object_ttl_s`` is *stale* (:func:`stale_objects`). A stale
perceived version of a configured object falls back to the configuration
(:func:`restore_configured`); a stale object known only from perception is never used at its
last known pose, and a plan naming one is refused with :func:`stale_reason`.

Everything here is plain data in, plain data out (no clocks, no ROS): the callers measure
ages their own way (a node by its monotonic clock, rejudge by the bag's timestamps).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from .names import is_plain_name
from .plan import TaskGraph
from .world import SOURCES, Bounds, World, WorldObject

__all__ = [
    "MAX_OBJECT_RADIUS", "parse_objects", "objects_from_payload", "merge_perceived", "stale_objects",
    "stale_perception_only", "restore_configured", "stale_reason", "plan_objects", "perception_changes",
]

MAX_OBJECT_RADIUS = 100.0
"""Largest radius (m) a perceived object may have: a bigger "object" is a detector fault."""


def _finite(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def parse_objects(
    payload: Mapping[str, Any],
    *,
    bounds: Bounds | None,
    default_kind: str | None = "object",
    default_source: str = "detector",
    max_radius: float = math.inf,
    what: str = "objects message",
) -> tuple[list[WorldObject], list[str]]:
    """The objects of a payload ``{"objects": [...]}``, and why each left-out entry was refused.

    Names and kinds must be plain identifiers (:func:`~dart_planner.core.names.is_plain_name`),
    numbers finite and in range (``0 < radius <= max_radius``, confidence in [0, 1], volume
    >= 0) and, with ``bounds``, positions on the site. A refused entry never reaches a prompt,
    a plan or the allocator.

    Parameters
    ----------
    bounds
        The site; None: positions are not checked (the simulator's own ground truth).
    default_kind
        Kind of an entry that names none; None: an entry must name its kind.
    default_source
        Source of an entry that names none, or one outside :data:`~dart_planner.core.world.SOURCES`.
    what
        How the payload is named when ``objects`` is not a list.
    """
    items = payload.get("objects")
    if not isinstance(items, list):
        return [], [f"{what}: 'objects' is not a list"]
    out: list[WorldObject] = []
    refused: list[str] = []
    for i, d in enumerate(items):
        where = f"objects[{i}]"
        if not isinstance(d, Mapping):
            refused.append(f"{where}: not an object")
            continue
        name, kind = d.get("name"), d.get("kind", default_kind)
        if not is_plain_name(name) or not is_plain_name(kind):
            refused.append(f"{where}: name and kind must be plain identifiers")
            continue
        values = (d.get("x"), d.get("y"), d.get("radius", 1.0), d.get("confidence", 1.0), d.get("volume", 0.0))
        if not all(_finite(v) for v in values):
            refused.append(f"{where} ({name}): x, y, radius, confidence, volume must be finite numbers")
            continue
        x, y, radius, confidence, volume = (float(v) for v in values)  # type: ignore[arg-type]
        if not (0.0 < radius <= max_radius and 0.0 <= confidence <= 1.0 and volume >= 0.0):
            refused.append(f"{where} ({name}): radius, confidence or volume out of range")
            continue
        if bounds is not None and not bounds.contains(x, y):
            refused.append(f"{where} ({name}): position ({x}, {y}) is off the site")
            continue
        source = d.get("source", default_source)
        out.append(WorldObject(
            name=str(name), kind=str(kind), x=x, y=y, radius=radius,
            source=source if source in SOURCES else default_source, confidence=confidence, volume=volume))
    return out, refused


def objects_from_payload(payload: Mapping[str, Any], world: World) -> tuple[list[WorldObject], list[str]]:
    """Perceived objects of an ``objects@1`` payload (a detector's), and why each left-out entry
    was refused: :func:`parse_objects` on ``world``'s site, radii up to :data:`MAX_OBJECT_RADIUS`."""
    return parse_objects(payload, bounds=world.bounds, max_radius=MAX_OBJECT_RADIUS)


def merge_perceived(current: World, base: World, previous: Iterable[str], perceived: Iterable[WorldObject]) -> World:
    """``current`` with the perceived set replaced by ``perceived``.

    An ``objects`` message carries every object perceived now, so an object perceived before
    (``previous``) but not now falls back to its configured version in ``base``, or leaves
    the world if it has none. Keep-out zones of ``current`` stay as they are (execution owns
    them).
    """
    world = current
    now = {o.name: o for o in perceived}
    for name in previous:
        if name in now:
            continue
        world = world.with_object(base.object(name)) if base.has_object(name) else world.without_object(name)
    for o in now.values():
        world = world.with_object(o)
    return world


MOVE_LOG_M = 0.5
"""A perceived object that moved less than this (m) is detector jitter, not news to log."""


def perception_changes(before: World, after: World, names: Iterable[str], moved_m: float = MOVE_LOG_M) -> str | None:
    """One log line naming the objects among ``names`` that a merge added, moved or took away,
    with where each is now; None when nothing changed beyond jitter.

    The language and allocator nodes log it, so an operator (and an end-to-end test) can see
    which pose each node plans and dispatches with, not just what the detector published.
    """
    parts = []
    for name in sorted(set(names)):
        old = before.objects.get(name)
        new = after.objects.get(name)
        if new is None:
            if old is not None:
                parts.append(f"{name} gone")
            continue
        where = f"{name} at ({new.x:.2f}, {new.y:.2f})"
        if old is None:
            parts.append(f"{where} (new, {new.source})")
        elif math.hypot(new.x - old.x, new.y - old.y) >= moved_m:
            parts.append(f"{where} (moved {math.hypot(new.x - old.x, new.y - old.y):.1f} m, {new.source})")
    return "objects: " + "; ".join(parts) if parts else None


def stale_objects(ages: Mapping[str, float], ttl_s: float) -> dict[str, float]:
    """The perceived objects (name -> seconds since last reported) older than ``ttl_s``;
    none when ``ttl_s`` is 0 (objects never go stale)."""
    if ttl_s <= 0:
        return {}
    return {n: age for n, age in ages.items() if age > ttl_s}


def stale_perception_only(stale: Mapping[str, float], base: World) -> dict[str, float]:
    """The stale objects known only from perception (``base``, the configuration, lacks them)."""
    return {n: age for n, age in stale.items() if not base.has_object(n)}


def restore_configured(world: World, base: World, names: Iterable[str]) -> World:
    """``world`` with the configured objects among ``names`` back at their configured pose
    (a stale perceived version is not trusted; the configuration is the better guess)."""
    for name in names:
        if base.has_object(name):
            world = world.with_object(base.object(name))
    return world


def plan_objects(graph: TaskGraph) -> set[str]:
    """Every object a plan names."""
    return {k for s in graph.subtasks for k in s.object_keywords}


def stale_reason(names: Iterable[str], stale_only: Mapping[str, float], ttl_s: float) -> str | None:
    """Why ``names`` may not be used (the stale perception-only objects among them), or None.

    The same words from the language node and the allocator: the object, how long ago it was
    last reported, and what to do.
    """
    named = sorted(set(names) & set(stale_only))
    if not named:
        return None
    ages = ", ".join(f"{n} (last reported {stale_only[n]:.1f} s ago)" for n in named)
    return (f"stale perceived object(s): {ages}; object_ttl_s={ttl_s:g}. The detector may have "
            "stopped: its last known pose is not used. Plan again once objects are reported.")
