"""The execution journal: an append-only JSONL file, fsync'd per record.

The engine writes a record *before* the change it describes becomes visible (a goal sent, an
event delivered), so after a crash the journal is never behind what the world saw. A crash
can tear the last line (a record half written when the process died); replay drops that
line, because the engine never acted on a record whose append had not returned. A damaged
line anywhere else means the file was edited or the disk lied, and replay refuses it.

Example
-------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "run.jsonl"
>>> with ExecutionJournal(p, fsync=False) as j:
...     j.append({"type": "note", "text": "hello"})
>>> [r["type"] for r in ExecutionJournal.read(p).records]
['journal', 'note']
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ExecutionError

__all__ = ["JOURNAL_SCHEMA", "JournalCorruptError", "JournalContents", "ExecutionJournal"]

JOURNAL_SCHEMA = "dart_planner/journal@1"


class JournalCorruptError(ExecutionError):
    """A journal line other than the last one is not a valid record."""


@dataclass(frozen=True)
class JournalContents:
    records: tuple[dict[str, Any], ...]
    torn_tail: bool
    """True when a half-written last line was dropped."""
    good_bytes: int
    """Length of the prefix that holds only complete records."""


class ExecutionJournal:
    """Append-only JSONL journal.

    Opening an existing file keeps its records and cuts off a torn last line, so new
    records start on a fresh line. ``fsync=False`` trades durability for speed (tests,
    benchmarks on throw-away runs); the engine's crash guarantees need the default.
    """

    def __init__(self, path: str | Path, *, fsync: bool = True) -> None:
        self._path = Path(path)
        self._fsync = fsync
        self._lock = threading.Lock()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        existed = self._path.exists()
        if existed:
            contents = self.read(self._path)
            if contents.torn_tail:
                with open(self._path, "r+b") as f:
                    f.truncate(contents.good_bytes)
                    f.flush()
                    os.fsync(f.fileno())
            fresh = not contents.records
        else:
            fresh = True
        self._file = open(self._path, "ab")  # noqa: SIM115 - held open for the journal's life
        if not existed and fsync:
            _fsync_dir(self._path.parent)  # the new file's name must survive a crash too
        if fresh:
            self.append({"type": "journal", "schema": JOURNAL_SCHEMA})

    @property
    def path(self) -> Path:
        return self._path

    @property
    def closed(self) -> bool:
        return self._file.closed

    def append(self, record: Mapping[str, Any]) -> None:
        """Write one record and (by default) force it to disk before returning."""
        line = json.dumps(record, separators=(",", ":"), allow_nan=False).encode("utf-8") + b"\n"
        with self._lock:
            if self._file.closed:
                raise ExecutionError(f"journal {self._path} is closed")
            self._file.write(line)
            self._file.flush()
            if self._fsync:
                os.fsync(self._file.fileno())

    def close(self) -> None:
        with self._lock:
            if not self._file.closed:
                self._file.close()

    def __enter__(self) -> ExecutionJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def read(path: str | Path) -> JournalContents:
        """Parse every complete record; drop a torn last line; refuse damage elsewhere."""
        data = Path(path).read_bytes()
        records: list[dict[str, Any]] = []
        pos = 0
        torn = False
        while pos < len(data):
            nl = data.find(b"\n", pos)
            end = len(data) if nl < 0 else nl + 1
            raw = data[pos:end]
            rec = _parse(raw) if nl >= 0 else None
            if rec is None:
                if data[end:].strip(b"\n\x00 "):
                    lineno = data.count(b"\n", 0, pos) + 1
                    raise JournalCorruptError(f"{path}: line {lineno} is not a valid journal record")
                torn = True
                break
            records.append(rec)
            pos = end
        if records and (records[0].get("type") != "journal" or records[0].get("schema") != JOURNAL_SCHEMA):
            raise JournalCorruptError(f"{path}: not a {JOURNAL_SCHEMA} journal")
        return JournalContents(tuple(records), torn, pos)


def _parse(raw: bytes) -> dict[str, Any] | None:
    try:
        rec = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return rec if isinstance(rec, dict) and isinstance(rec.get("type"), str) else None


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # some platforms cannot open directories; the data itself is synced
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
