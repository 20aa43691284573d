"""Message type definitions for bags: what to embed when writing, how to decode when reading.

rosbag2 readers (``ros2 bag``, Foxglove, rosbags) need each topic's full message definition
and its RIHS01 type hash to decode a bag without the message packages installed. We take them
from the pure-Python ``rosbags`` type store of ROS 2 Kilted (its hashes equal the ones the
installed Kilted message packages ship, a test checks that), and for any other type from the
``.msg`` files of installed packages (``<prefix>/share/<pkg>/msg/<Name>.msg``). When reading,
definitions embedded in the bag win, so a bag written against other message versions still
decodes. Needs no ROS.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rosbags.interfaces import Connection, MessageDefinitionFormat
from rosbags.serde import SerdeError
from rosbags.typesys import Stores, get_types_from_idl, get_types_from_msg, get_typestore
from rosbags.typesys.base import Nodetype
from rosbags.typesys.store import Typestore

from .errors import BagFormatError, UnknownMessageTypeError

__all__ = ["TypeRegistry", "share_dirs"]

_IDL_SEPARATOR = "=" * 80 + "\n"


def share_dirs() -> tuple[Path, ...]:
    """Where installed ROS packages keep their interface files (AMENT_PREFIX_PATH, then this Python)."""
    prefixes = [p for p in os.environ.get("AMENT_PREFIX_PATH", "").split(os.pathsep) if p]
    prefixes.append(sys.prefix)
    seen: list[Path] = []
    for prefix in prefixes:
        share = Path(prefix) / "share"
        if share.is_dir() and share not in seen:
            seen.append(share)
    return tuple(seen)


def _nested_names(fielddefs: Sequence[tuple[str, Any]]) -> Iterator[str]:
    """Type names a parsed definition refers to (fields, sequences and arrays of messages)."""
    for _name, desc in fielddefs:
        node, arg = desc
        if node in (Nodetype.ARRAY, Nodetype.SEQUENCE):
            node, arg = arg[0]
        if node == Nodetype.NAME:
            yield arg


class TypeRegistry:
    """A rosbags type store that learns missing types from installed packages or from a bag.

    Parameters
    ----------
    search_installed
        Look up types the store lacks in the installed packages' ``.msg`` files. Off in
        tests that need a type to stay unknown.

    Examples
    --------
    >>> reg = TypeRegistry()
    >>> msgdef, rihs01 = reg.definition("std_msgs/msg/String")
    >>> rihs01.startswith("RIHS01_")
    True
    """

    def __init__(self, search_installed: bool = True) -> None:
        self.store: Typestore = get_typestore(Stores.ROS2_KILTED)
        self._search_installed = search_installed
        # Types whose definition in a bag differs from the store's: decoded with their own store.
        self._own_stores: dict[str, Typestore] = {}

    def knows(self, msgtype: str) -> bool:
        return msgtype in self._own_stores or msgtype in self.store.fielddefs

    def ensure(self, msgtype: str, topic: str | None = None) -> None:
        """Make ``msgtype`` known, loading it from installed ``.msg`` files if needed.

        Raises
        ------
        UnknownMessageTypeError
            Neither the store nor any installed package defines it (or one of its fields' types).
        """
        if self.knows(msgtype):
            return
        if not self._search_installed:
            raise UnknownMessageTypeError(msgtype, topic, "not in the ROS 2 Kilted type store")
        pending = [msgtype]
        found: dict[str, object] = {}
        while pending:
            name = pending.pop()
            if name in found or name in self.store.fielddefs:
                continue
            text = self._installed_definition(name)
            if text is None:
                detail = ("no installed package defines it" if name == msgtype
                          else f"its field type {name} is unknown")
                raise UnknownMessageTypeError(msgtype, topic, detail)
            try:
                typs = get_types_from_msg(text, name)
            except Exception as exc:  # rosbags' parser raises its own and builtin errors
                raise UnknownMessageTypeError(msgtype, topic, f"cannot parse {name}.msg: {exc}") from exc
            found.update(typs)
            for parsed in typs.values():
                pending.extend(_nested_names(parsed[1]))
        self.store.register(found)  # type: ignore[arg-type]

    def _installed_definition(self, msgtype: str) -> str | None:
        parts = msgtype.split("/")
        if len(parts) != 3 or not all(parts):
            return None
        pkg, kind, name = parts
        for share in share_dirs():
            path = share / pkg / kind / f"{name}.msg"
            if path.is_file():
                return path.read_text(encoding="utf-8")
        return None

    def definition(self, msgtype: str, topic: str | None = None) -> tuple[str, str]:
        """The rosbag2 message definition text (``ros2msg``, dependencies appended) and RIHS01 hash."""
        self.ensure(msgtype, topic)
        store = self.store_for(msgtype)
        msgdef, _md5 = store.generate_msgdef(msgtype, ros_version=2)
        return msgdef, store.hash_rihs01(msgtype)

    def store_for(self, msgtype: str) -> Typestore:
        return self._own_stores.get(msgtype, self.store)

    def learn_from_bag(self, connections: Iterable[Connection]) -> None:
        """Adopt the definitions a bag carries for types unknown here or defined differently here."""
        for conn in connections:
            if conn.msgdef.format == MessageDefinitionFormat.NONE or not conn.msgdef.data:
                continue
            known = conn.msgtype in self.store.fielddefs
            if known and (not conn.digest or conn.digest == self.store.hash_rihs01(conn.msgtype)):
                continue
            try:
                typs = self._parse_bag_definition(conn)
            except Exception as exc:  # a corrupt definition text: the parser's errors vary
                raise BagFormatError(f"topic {conn.topic}: cannot parse the definition of "
                                     f"{conn.msgtype}: {exc}") from exc
            if known:
                own = get_typestore(Stores.EMPTY)
                own.register(typs)  # type: ignore[arg-type]
                self._own_stores[conn.msgtype] = own
            else:
                try:
                    self.store.register(typs)  # type: ignore[arg-type]
                except Exception:  # a dependency clashes with the store's: keep this type apart
                    own = get_typestore(Stores.EMPTY)
                    own.register(typs)  # type: ignore[arg-type]
                    self._own_stores[conn.msgtype] = own

    @staticmethod
    def _parse_bag_definition(conn: Connection) -> dict[str, object]:
        text = conn.msgdef.data
        if conn.msgdef.format == MessageDefinitionFormat.MSG:
            return dict(get_types_from_msg(text, conn.msgtype))
        typs: dict[str, object] = {}
        if text.startswith(_IDL_SEPARATOR + "IDL: "):
            for part in text.split(_IDL_SEPARATOR)[1:]:
                _hdr, idl = part.split("\n", 1)
                typs.update(get_types_from_idl(idl))
        else:
            typs.update(get_types_from_idl(text))
        return typs

    def deserialize(self, data: bytes | memoryview, msgtype: str) -> object:
        """CDR bytes -> rosbags message object, ignoring bytes after the message's end.

        rosbags rejects trailing bytes, but ``rclpy.serialization.serialize_message`` on
        rmw_fastrtps reports the *estimated* size (e.g. 60 bytes for a 52-byte JointState,
        the rest uninitialised), and DDS readers ignore them too; so do we.
        """
        store = self.store_for(msgtype)
        raw = memoryview(data)
        if len(raw) < 4 or bytes(raw[:2]) not in (b"\x00\x00", b"\x00\x01"):
            raise SerdeError("invalid or unsupported CDR encapsulation header")
        msgdef = store.get_msgdef(msgtype)
        func = msgdef.deserialize_cdr_le if raw[1] else msgdef.deserialize_cdr_be
        try:
            message, _end = func(raw[4:], 0, msgdef.cls, store)
        except (struct.error, UnicodeDecodeError, ValueError, IndexError) as exc:
            raise SerdeError(f"could not deserialize {msgtype}: {exc}") from exc
        return message

    def canonical(self, data: bytes | memoryview, msgtype: str) -> bytes:
        """The exact-length CDR of a message with zeroed padding (deterministic bytes)."""
        return self.serialize(self.deserialize(data, msgtype), msgtype)

    def serialize(self, message: object, msgtype: str) -> bytes:
        """rosbags message object -> CDR bytes (little endian, with the encapsulation header)."""
        return bytes(self.store_for(msgtype).serialize_cdr(message, msgtype))
