"""Open and write rosbag2 bags (mcap by default, or sqlite3) with the pure-Python ``rosbags``.

Writing embeds each topic's message definition and RIHS01 type hash (in ``metadata.yaml``,
the mcap schema records or the sqlite3 ``message_definitions`` table), so ``ros2 bag``,
Foxglove and rosbags read the bags without our packages. Reading turns every way a bag can be
unusable (missing, empty, truncated, corrupt, a message count that does not match its index)
into a :class:`~dart_planner.bag.errors.BagError` naming the path, and reads with bounded
work so a damaged file never hangs. Needs no ROS: ``bag info`` and the tests of this module
run without rclpy.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Collection, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal

from rosbags.interfaces import Connection, ConnectionExtRosbag2, MessageDefinitionFormat, Qos
from rosbags.rosbag2 import Reader, StoragePlugin, Writer

from .errors import BagError, BagFormatError, BagNotFoundError, EmptyBagError
from .typestore import TypeRegistry

__all__ = ["BagFormat", "TopicRecord", "BagMessage", "BagWriter", "BagReader", "open_bag", "STORAGE_SUFFIXES"]

ROSBAG2_VERSION: Literal[8] = 8
"""metadata.yaml version written: 8 is read by Jazzy and Kilted ``ros2 bag`` (9 only by Kilted on)."""


class BagFormat(str, enum.Enum):
    """rosbag2 storage plugin."""

    MCAP = "mcap"
    SQLITE3 = "sqlite3"

    @property
    def plugin(self) -> StoragePlugin:
        return StoragePlugin.MCAP if self is BagFormat.MCAP else StoragePlugin.SQLITE3


STORAGE_SUFFIXES = {".mcap": BagFormat.MCAP, ".db3": BagFormat.SQLITE3}


@dataclass(frozen=True)
class TopicRecord:
    """One topic of a bag as its index describes it."""

    name: str
    msgtype: str
    count: int
    offered_qos: tuple[Qos, ...]
    """The publishers' QoS at recording time (what replay offers again)."""
    type_hash: str
    """RIHS01 type hash, '' where the bag has none."""
    has_definition: bool
    """The bag embeds the message definition (decodable without the message package)."""


@dataclass(frozen=True)
class BagMessage:
    """One serialized (CDR) message with its recorded receive time."""

    topic: str
    msgtype: str
    stamp_ns: int
    data: bytes


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 400 else text[:400] + "..."


class BagWriter:
    """Write a new rosbag2 bag; use as a context manager (metadata is written on close).

    Parameters
    ----------
    path
        The bag folder to create; it must not exist (a bag is never overwritten).
    fmt
        Storage plugin: mcap (default, what Kilted records) or sqlite3.
    registry
        Where message definitions come from; a fresh :class:`TypeRegistry` by default.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> reg = TypeRegistry()
    >>> String = reg.store.types["std_msgs/msg/String"]
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "bag"
    >>> with BagWriter(out, registry=reg) as bag:
    ...     bag.add_topic("/chatter", "std_msgs/msg/String")
    ...     bag.write("/chatter", 1_000, reg.serialize(String(data="hi"), "std_msgs/msg/String"))
    >>> open_bag(out).topics["/chatter"].count
    1
    """

    def __init__(self, path: str | Path, fmt: BagFormat | str = BagFormat.MCAP,
                 registry: TypeRegistry | None = None) -> None:
        self.path = Path(path)
        self.format = BagFormat(fmt)
        self.registry = registry or TypeRegistry()
        self._writer: Writer | None = None
        self._connections: dict[str, Connection] = {}
        # Every storage call runs on one worker thread: sqlite3 connections refuse other threads,
        # recorder callbacks come from executor threads, and disk latency stays off the callbacks.
        self._worker: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._failure: BaseException | None = None
        self.message_count = 0

    def open(self) -> BagWriter:
        if self.path.exists():
            raise BagError(f"{self.path} exists already; a bag is never overwritten")
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bag-writer")

        def create() -> Writer:
            writer = Writer(self.path, version=ROSBAG2_VERSION, storage_plugin=self.format.plugin)
            writer.open()
            return writer

        try:
            self._writer = self._worker.submit(create).result()
        except Exception as exc:
            self._worker.shutdown()
            self._worker = None
            raise BagError(f"cannot create bag {self.path}: {_reason(exc)}") from exc
        return self

    def __enter__(self) -> BagWriter:
        return self.open()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # Close even on error: what was recorded up to the failure stays a readable bag.
        self.close()

    @property
    def topics(self) -> dict[str, str]:
        return {name: c.msgtype for name, c in self._connections.items()}

    def add_topic(self, topic: str, msgtype: str, offered_qos: Collection[Qos] = ()) -> None:
        """Declare a topic (idempotent for the same type).

        Raises
        ------
        UnknownMessageTypeError
            The type has no definition to embed.
        BagError
            The topic was declared with another type, or the bag is not open.
        """
        with self._lock:
            have = self._connections.get(topic)
            if have is not None:
                if have.msgtype != msgtype:
                    raise BagError(f"topic {topic} is already in the bag as {have.msgtype}, not {msgtype}")
                return
            writer, worker = self._require_open()
            msgdef, rihs01 = self.registry.definition(msgtype, topic)
            try:
                self._connections[topic] = worker.submit(
                    writer.add_connection, topic, msgtype, msgdef=msgdef, rihs01=rihs01,
                    offered_qos_profiles=list(offered_qos)).result()
            except Exception as exc:
                raise BagError(f"cannot add topic {topic} ({msgtype}) to {self.path}: {_reason(exc)}") \
                    from exc

    def write(self, topic: str, stamp_ns: int, data: bytes | memoryview) -> None:
        """Append one CDR-serialized message received at ``stamp_ns`` (nanoseconds).

        The write itself happens on the writer thread; a storage failure is raised by the next
        call (or by :meth:`close`).
        """
        with self._lock:
            writer, worker = self._require_open()
            conn = self._connections.get(topic)
            if conn is None:
                raise BagError(f"topic {topic} was not added to the bag before writing")
            worker.submit(self._write_now, writer, conn, int(stamp_ns), bytes(data))
            self.message_count += 1

    def _write_now(self, writer: Writer, conn: Connection, stamp_ns: int, data: bytes) -> None:
        if self._failure is not None:
            return
        try:
            writer.write(conn, stamp_ns, data)
        except BaseException as exc:
            self._failure = exc

    def write_object(self, topic: str, stamp_ns: int, message: object) -> None:
        """Append a rosbags message object (serialized with the topic's type)."""
        conn = self._connections.get(topic)
        if conn is None:
            raise BagError(f"topic {topic} was not added to the bag before writing")
        self.write(topic, stamp_ns, self.registry.serialize(message, conn.msgtype))

    def close(self) -> None:
        """Write the index and ``metadata.yaml``; idempotent."""
        with self._lock:
            writer, self._writer = self._writer, None
            worker, self._worker = self._worker, None
            if writer is None or worker is None:
                return
            try:
                worker.submit(writer.close).result()
            except Exception as exc:
                raise BagError(f"cannot finish bag {self.path}: {_reason(exc)}") from exc
            finally:
                worker.shutdown()
            if self._failure is not None:
                raise BagError(f"cannot write to {self.path}: {_reason(self._failure)}") from self._failure

    def _require_open(self) -> tuple[Writer, ThreadPoolExecutor]:
        if self._failure is not None:
            raise BagError(f"cannot write to {self.path}: {_reason(self._failure)}") from self._failure
        if self._writer is None or self._worker is None:
            raise BagError(f"bag {self.path} is not open for writing")
        return self._writer, self._worker


def _storage_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in STORAGE_SUFFIXES and p.is_file())


def _locate(path: Path) -> tuple[Path, bool]:
    """The path rosbags should open, and whether it is a storage file without ``metadata.yaml``."""
    if not path.exists():
        raise BagNotFoundError(f"no bag at {path}")
    if path.is_file() and path.name == "metadata.yaml":
        path = path.parent
    if path.is_dir():
        files = _storage_files(path)
        for f in files:
            if f.stat().st_size == 0:
                raise EmptyBagError(f"{f} is empty (0 bytes): the recording never wrote to it")
        if (path / "metadata.yaml").is_file():
            return path, False
        if not files:
            if not any(path.iterdir()):
                raise EmptyBagError(f"{path} is an empty folder, not a bag")
            raise BagNotFoundError(f"{path} holds neither metadata.yaml nor a .mcap/.db3 file: "
                                   "not a rosbag2 bag")
        if len(files) > 1:
            raise BagFormatError(f"{path} has no metadata.yaml and {len(files)} storage files; "
                                 "open one of them directly")
        # A recording stopped before it wrote metadata.yaml: its storage file alone may still be readable.
        return files[0], True
    if path.suffix not in STORAGE_SUFFIXES:
        raise BagFormatError(f"{path} is not a bag folder nor a .mcap/.db3 storage file")
    if path.stat().st_size == 0:
        raise EmptyBagError(f"{path} is empty (0 bytes): the recording never wrote to it")
    return path, True


@contextmanager
def _reading(path: Path, what: str) -> Iterator[None]:
    """Turn whatever the storage parsers raise on a damaged bag into a BagError naming the bag."""
    try:
        yield
    except BagError:
        raise
    except FileNotFoundError as exc:
        raise BagNotFoundError(f"{path}: {_reason(exc)}") from exc
    except PermissionError as exc:
        raise BagError(f"{path}: {_reason(exc)}") from exc
    except Exception as exc:  # struct.error, TypeError, apsw errors, ReaderError ...: all mean "damaged"
        hint = ""
        if "end magic" in str(exc) or "truncat" in str(exc).lower():
            hint = " (truncated: the recording was cut off before the bag was closed)"
        raise BagFormatError(f"{path}: {what}: {_reason(exc)}{hint}") from exc


class BagReader:
    """An open rosbag2 bag: its topics, time span, and a message iterator that checks the index.

    Use :func:`open_bag`. Message iteration yields serialized CDR; :meth:`decode` turns one into a
    rosbags message object (for ROS messages see :mod:`dart_planner.bag.convert`).
    """

    def __init__(self, path: str | Path, registry: TypeRegistry | None = None) -> None:
        self.path = Path(path)
        self._target, self.without_metadata = _locate(self.path)
        self.registry = registry or TypeRegistry()
        self._reader = Reader(self._target)
        with _reading(self.path, "cannot open"):
            self._reader.open()
        try:
            with _reading(self.path, "cannot read its index"):
                self._load_index()
        except BaseException:
            self.close()
            raise

    def _load_index(self) -> None:
        reader = self._reader
        files = _storage_files(self._target) if self._target.is_dir() else [self._target]
        self.format = STORAGE_SUFFIXES[files[0].suffix] if files else BagFormat.MCAP
        self.message_count = int(reader.message_count)
        self.start_ns = int(reader.start_time) if self.message_count else 0
        self.end_ns = int(reader.end_time) - 1 if self.message_count else 0
        self.registry.learn_from_bag(reader.connections)
        topics: dict[str, TopicRecord] = {}
        for conn in reader.connections:
            ext = conn.ext
            qos = tuple(ext.offered_qos_profiles) if isinstance(ext, ConnectionExtRosbag2) else ()
            old = topics.get(conn.topic)
            if old is not None and old.msgtype != conn.msgtype:
                raise BagFormatError(f"{self.path}: topic {conn.topic} has two types, "
                                     f"{old.msgtype} and {conn.msgtype}")
            topics[conn.topic] = TopicRecord(
                name=conn.topic, msgtype=conn.msgtype, count=int(conn.msgcount) + (old.count if old else 0),
                offered_qos=(old.offered_qos if old else ()) + qos, type_hash=conn.digest or "",
                has_definition=conn.msgdef.format != MessageDefinitionFormat.NONE and bool(conn.msgdef.data))
        self.topics = topics

    @property
    def duration_ns(self) -> int:
        return self.end_ns - self.start_ns if self.message_count else 0

    def __enter__(self) -> BagReader:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._reader.is_open:
            try:
                self._reader.close()
            except Exception:  # closing a damaged storage may fail again; nothing left to release
                pass

    def messages(self, topics: Collection[str] | None = None, start_ns: int | None = None,
                 stop_ns: int | None = None, check_counts: bool = True) -> Iterator[BagMessage]:
        """Messages in receive-time order, optionally only ``topics`` and ``start_ns <= t < stop_ns``.

        With ``check_counts`` (and no time window) a bag that yields fewer or more messages per
        topic than its index states raises :class:`BagFormatError` at the end: mcap chunks carry
        no checksum here, so a damaged chunk otherwise just ends early and silently.
        """
        wanted = set(self.topics) if topics is None else set(topics)
        unknown = wanted - set(self.topics)
        if unknown:
            raise BagError(f"{self.path} has no topic {', '.join(sorted(unknown))}")
        return self._iter_messages(wanted, start_ns, stop_ns, check_counts)

    def _iter_messages(self, wanted: set[str], start_ns: int | None, stop_ns: int | None,
                       check_counts: bool) -> Iterator[BagMessage]:
        conns = [c for c in self._reader.connections if c.topic in wanted]
        if not conns:
            return
        seen: dict[str, int] = dict.fromkeys(wanted, 0)
        with _reading(self.path, "cannot read its messages"):
            for conn, stamp, data in self._reader.messages(conns, start=start_ns, stop=stop_ns):
                seen[conn.topic] += 1
                yield BagMessage(conn.topic, conn.msgtype, int(stamp), bytes(data))
        if check_counts and start_ns is None and stop_ns is None and not self.without_metadata:
            short = {t: (n, self.topics[t].count) for t, n in seen.items() if n != self.topics[t].count}
            if short:
                detail = ", ".join(f"{t}: {n} of {want}" for t, (n, want) in sorted(short.items()))
                raise BagFormatError(f"{self.path}: corrupt: messages read do not match the index ({detail})")

    def verify(self) -> dict[str, int]:
        """Read every message once (no decoding) and check the counts; returns count per topic."""
        counts: dict[str, int] = dict.fromkeys(self.topics, 0)
        for m in self.messages():
            counts[m.topic] += 1
        return counts

    def decode(self, message: BagMessage) -> object:
        """A rosbags message object from a :class:`BagMessage` (its type must be defined)."""
        self.registry.ensure(message.msgtype, message.topic)
        with _reading(self.path, f"cannot decode a {message.msgtype} message on {message.topic}"):
            return self.registry.deserialize(message.data, message.msgtype)


def open_bag(path: str | Path, registry: TypeRegistry | None = None) -> BagReader:
    """Open a bag folder (or a bare ``.mcap``/``.db3`` file) for reading.

    Raises
    ------
    BagNotFoundError, EmptyBagError, BagFormatError
        Nothing there; an empty folder or zero-byte file; a truncated or corrupt bag.
    """
    return BagReader(path, registry)
