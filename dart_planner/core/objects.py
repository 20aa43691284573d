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
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .names import is_plain_name
from .plan import TaskGraph
from .world import SOURCES, Bounds, World, WorldObject

__all__ = [
    "MAX_OBJECT_RADIUS", "parse_objects", "objects_from_payload", "merge_perceived", "stale_objects",
    "stale_perception_only", "restore_configured", "stale_reason", "plan_objects", "perception_changes",
    "PerceivedObjects", "Taken",
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
        elif (moved := math.hypot(new.x - old.x, new.y - old.y)) >= moved_m:
            parts.append(f"{where} (moved {moved:.1f} m, {new.source})")
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


@dataclass(frozen=True)
class Taken:
    """What one ``objects`` message did: the merged world, the change line to log (None: nothing
    beyond jitter) and why each refused entry was refused."""

    world: World
    changes: str | None
    refused: list[str]


class PerceivedObjects:
    """A node's bookkeeping of the perceived objects: which names the last ``objects`` message
    carried, when each was last reported, and which stale ones were already logged.

    The language and allocator nodes keep the same books and must judge staleness alike (a plan
    the one accepts, the other must not refuse for a different reason), so both use this. It
    holds no world: each node owns its own and passes it in (the allocator's lives in its
    engine). Its lock guards only its own fields and nothing is called while it is held, so it
    may be read from inside any other lock.
    """

    def __init__(self, base: World, ttl_s: float):
        self.base = base
        self.ttl_s = max(0.0, float(ttl_s))
        self._names: set[str] = set()
        self._seen_at: dict[str, float] = {}  # perceived name -> the caller's clock when last reported
        self._logged: set[str] = set()
        self._lock = threading.Lock()

    def take(self, payload: Mapping[str, Any], current: World, now: float) -> Taken:
        """Merge one ``objects@1`` payload into ``current`` (:func:`merge_perceived`); everything
        it reports is current again at ``now``."""
        objects, refused = objects_from_payload(payload, self.base)
        names = {o.name for o in objects}
        with self._lock:
            previous = set(self._names)
            self._names = names
            self._seen_at = {n: now for n in names}
            self._logged.clear()
        world = merge_perceived(current, self.base, previous, objects)
        return Taken(world, perception_changes(current, world, previous | names), refused)

    def stale(self, now: float) -> dict[str, float]:
        """Perceived objects not reported for more than ``ttl_s``: name -> seconds since."""
        if self.ttl_s <= 0:
            return {}
        with self._lock:
            ages = {n: now - t for n, t in self._seen_at.items()}
        return stale_objects(ages, self.ttl_s)

    def stale_only(self, now: float) -> dict[str, float]:
        """The stale objects known only from perception (configured ones fall back instead)."""
        return stale_perception_only(self.stale(now), self.base)

    def newly_stale(self, stale: Mapping[str, float]) -> list[str]:
        """The names of ``stale`` not logged yet (and still tracked), now marked as logged."""
        with self._lock:
            new = sorted(n for n in set(stale) - self._logged if n in self._seen_at)
            self._logged |= set(new)
        return new

    def forget(self, names: Iterable[str]) -> None:
        """Stop tracking ``names`` (configured objects fallen back to their configuration: not
        perceived any more, so neither stale nor merged back by the next message)."""
        with self._lock:
            for n in names:
                self._seen_at.pop(n, None)
                self._names.discard(n)
