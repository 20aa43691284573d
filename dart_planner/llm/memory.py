"""Plan memory: an accepted plan is reused for the same instruction in the same world.

The key is (normalized instruction, :meth:`World.fingerprint`, the fleet's robots and
skills): a changed world or fleet plans anew. A remembered plan is validated again before
it is returned, so a memory file edited by hand, or a fleet that lost a skill, can never
slip an invalid plan past the checks. The store is one JSON file, replaced atomically on
each write (no torn files if the process dies mid-write); a missing file is an empty memory
and an unreadable one is set aside as empty with :attr:`PlanMemory.load_error` saying why.

Example
-------
>>> mem = PlanMemory("runs/plan_memory.json")                   # doctest: +SKIP
>>> mem.lookup("Dump truck 1 goes to puddle 1", fleet, world)     # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ..core.errors import DartPlannerError
from ..core.fleet import Fleet
from ..core.plan import TaskGraph, new_plan_id
from ..core.strict_json import strict_loads
from ..core.validate import validate_plan
from ..core.world import World

__all__ = ["PlanMemory", "memory_key", "MEMORY_SCHEMA"]

MEMORY_SCHEMA = "dart_planner/plan_memory@1"


def _fleet_signature(fleet: Fleet) -> list[Any]:
    return [sorted((r.id, r.type) for r in fleet.robots), sorted(fleet.skills)]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ASCII_SPACE = re.compile(r"[ \t\r\n]+")


def _memory_text(instruction: str) -> str:
    """The instruction as a memory key: ASCII case and ASCII whitespace folded, nothing else.

    No NFKC or casefold here: they turn look-alikes into real names (full-width
    ``robot_excavator_0\uff11`` into ``robot_excavator_01``, the Kelvin sign into ``k``), and a
    remembered plan would then be handed out for an instruction that never named that robot.
    """
    return _ASCII_SPACE.sub(" ", instruction.translate(_ASCII_LOWER)).strip(" .!?")


def memory_key(instruction: str, fleet: Fleet, world: World) -> str:
    blob = json.dumps(
        [_memory_text(instruction), world.fingerprint(), _fleet_signature(fleet)],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


class PlanMemory:
    """Accepted plans by :func:`memory_key`; ``path=None`` keeps them in this process only."""

    def __init__(self, path: str | Path | None = None, *, max_entries: int = 1000):
        self.path = Path(path) if path else None
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self.load_error: str | None = None
        self._entries: dict[str, dict[str, Any]] | None = None
        self._lock = threading.Lock()

    def _load(self) -> dict[str, dict[str, Any]]:
        if self._entries is not None:
            return self._entries
        entries: dict[str, dict[str, Any]] = {}
        if self.path is not None and self.path.exists():
            try:
                data = strict_loads(self.path.read_bytes(), str(self.path), max_bytes=200_000_000)
                if not isinstance(data, dict) or data.get("schema") != MEMORY_SCHEMA:
                    raise ValueError(f"expected schema {MEMORY_SCHEMA!r}")
                raw = data.get("entries", {})
                if not isinstance(raw, dict):
                    raise ValueError("'entries' is not an object")
                entries = {
                    k: v for k, v in raw.items() if isinstance(v, dict) and isinstance(v.get("plan"), dict)
                }
            except (OSError, ValueError, DartPlannerError) as exc:
                self.load_error = f"{self.path}: {str(exc).splitlines()[0]}; starting with an empty memory"
        self._entries = entries
        return entries

    def __len__(self) -> int:
        with self._lock:
            return len(self._load())

    def lookup(self, instruction: str, fleet: Fleet, world: World) -> TaskGraph | None:
        """The remembered plan (fresh plan id, re-validated) or None."""
        key = memory_key(instruction, fleet, world)
        with self._lock:
            entry = self._load().get(key)
        graph = None
        if entry is not None:
            try:
                graph = TaskGraph.from_dart(entry["plan"], new_plan_id(), instruction)
            except DartPlannerError:
                graph = None
            if graph is not None and not validate_plan(graph, fleet, world).ok:
                graph = None
        if graph is None:
            self.misses += 1
        else:
            self.hits += 1
        return graph

    def store(
        self,
        instruction: str,
        fleet: Fleet,
        world: World,
        graph: TaskGraph,
        *,
        backend: str = "",
        model: str = "",
    ) -> None:
        key = memory_key(instruction, fleet, world)
        with self._lock:
            entries = self._load()
            entries.pop(key, None)  # re-insert: dict order is age order for eviction
            entries[key] = {
                "instruction": instruction,
                "world_fingerprint": world.fingerprint(),
                "fleet": _fleet_signature(fleet),
                "plan": graph.to_dart(),
                "stored_at": time.time(),
                "backend": backend,
                "model": model,
            }
            while len(entries) > self.max_entries:
                entries.pop(next(iter(entries)))
            self._save(entries)

    def clear(self) -> None:
        with self._lock:
            self._entries = {}
            self._save(self._entries)

    def _save(self, entries: dict[str, dict[str, Any]]) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"schema": MEMORY_SCHEMA, "entries": entries}, ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name, suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(payload)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
