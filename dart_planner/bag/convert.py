"""The one place where rclpy messages and QoS meet the bag's representations.

Messages cross as CDR bytes: rclpy's own serializer (``rclpy.serialization``) writes the same
little-endian CDR that rosbag2 stores, so a message goes rclpy -> bag -> rclpy without any
per-type conversion code, and a rosbags object is one CDR round trip away. QoS profiles are
mapped between rclpy's :class:`~rclpy.qos.QoSProfile` and the rosbag2 ``offered_qos_profiles``
entries that rosbags reads and writes.
"""

from __future__ import annotations

import importlib
from typing import Any

from rclpy.duration import Duration
from rclpy.qos import DurabilityPolicy, HistoryPolicy, LivelinessPolicy, QoSProfile, ReliabilityPolicy
from rclpy.serialization import deserialize_message, serialize_message
from rosbags.interfaces import Qos, QosDurability, QosHistory, QosLiveliness, QosReliability, QosTime

from .errors import BagError, UnknownMessageTypeError
from .typestore import TypeRegistry

__all__ = ["message_class", "msgtype_of", "to_cdr", "from_cdr", "to_rosbags", "from_rosbags", "qos_to_bag",
           "qos_from_bag"]

_INFINITE_NS = 2**63 - 1


def message_class(msgtype: str, topic: str | None = None) -> type[Any]:
    """The installed rclpy message class of ``pkg/msg/Name``.

    Raises
    ------
    UnknownMessageTypeError
        The type name is malformed or its package is not installed for Python.
    """
    parts = msgtype.split("/")
    if len(parts) == 2:  # "pkg/Name" (ROS 1 style, some tools write it)
        parts = [parts[0], "msg", parts[1]]
    if len(parts) != 3 or not all(p.isidentifier() for p in parts):
        raise UnknownMessageTypeError(msgtype, topic, "expected 'package/msg/Name'")
    pkg, kind, name = parts
    try:
        module = importlib.import_module(f"{pkg}.{kind}")
    except ImportError as exc:
        raise UnknownMessageTypeError(msgtype, topic, f"package {pkg} is not installed for Python") from exc
    cls = getattr(module, name, None)
    if not isinstance(cls, type) or not hasattr(cls, "_TYPE_SUPPORT"):
        raise UnknownMessageTypeError(msgtype, topic, f"{pkg}.{kind} has no message {name}")
    return cls


_REGISTRY: TypeRegistry | None = None


def msgtype_of(msg: Any) -> str:
    """``pkg/msg/Name`` of an rclpy message instance (its class lives in ``pkg.msg._name``)."""
    cls = type(msg)
    parts = cls.__module__.split(".")
    return f"{parts[0]}/{parts[1] if len(parts) > 1 else 'msg'}/{cls.__name__}"


def to_cdr(msg: Any, registry: TypeRegistry | None = None) -> bytes:
    """rclpy message -> the exact CDR bytes of the message (what a bag stores).

    ``serialize_message`` on rmw_fastrtps returns the estimated size with uninitialised
    trailing bytes; one pass through the rosbags codec gives the exact, deterministic bytes.
    (Between processes DDS may add up to 3 bytes of final alignment padding; every reader,
    rosbags included, accepts those.)
    Types the registry cannot load keep rclpy's bytes (readers ignore the tail).
    """
    global _REGISTRY
    raw = bytes(serialize_message(msg))
    if registry is None:
        registry = _REGISTRY = _REGISTRY or TypeRegistry()
    msgtype = msgtype_of(msg)
    try:
        registry.ensure(msgtype)
    except UnknownMessageTypeError:
        return raw
    return registry.canonical(raw, msgtype)


def from_cdr(data: bytes, msgtype: str | type[Any]) -> Any:
    """CDR bytes -> rclpy message of ``msgtype`` (a type name or class)."""
    cls = message_class(msgtype) if isinstance(msgtype, str) else msgtype
    try:
        return deserialize_message(bytes(data), cls)
    except Exception as exc:  # rclpy raises RuntimeError/RCLError subclasses with the C reason
        raise BagError(f"cannot deserialize a {cls.__module__}.{cls.__name__} message: {exc}") from exc


def to_rosbags(msg: Any, msgtype: str, registry: TypeRegistry) -> object:
    """rclpy message -> rosbags message object (one CDR round trip)."""
    return registry.deserialize(to_cdr(msg), msgtype)


def from_rosbags(obj: object, msgtype: str, registry: TypeRegistry) -> Any:
    """rosbags message object -> rclpy message (one CDR round trip)."""
    return from_cdr(registry.serialize(obj, msgtype), msgtype)


def _time_to_bag(d: Duration) -> QosTime:
    ns = int(d.nanoseconds)
    if ns >= _INFINITE_NS:
        ns = _INFINITE_NS  # rosbag2 writes RMW_DURATION_INFINITE as 9223372036 s 854775807 ns
    return QosTime(ns // 1_000_000_000, ns % 1_000_000_000)


def _time_from_bag(t: QosTime) -> Duration:
    ns = t.sec * 1_000_000_000 + t.nsec
    # Older rosbag2 wrote "infinite" as INT32_MAX s + UINT32_MAX ns; both mean "no limit".
    if ns >= _INFINITE_NS or (t.sec >= 2**31 - 1 and t.nsec >= 2**32 - 1):
        return Duration(nanoseconds=_INFINITE_NS)
    return Duration(nanoseconds=ns)


def qos_to_bag(q: QoSProfile) -> Qos:
    """A publisher's rclpy QoS -> the rosbag2 offered QoS entry."""
    return Qos(
        history=QosHistory(int(q.history)),
        depth=int(q.depth),
        reliability=QosReliability(int(q.reliability)),
        durability=QosDurability(int(q.durability)),
        deadline=_time_to_bag(q.deadline),
        lifespan=_time_to_bag(q.lifespan),
        liveliness=QosLiveliness(int(q.liveliness)),
        liveliness_lease_duration=_time_to_bag(q.liveliness_lease_duration),
        avoid_ros_namespace_conventions=bool(q.avoid_ros_namespace_conventions),
    )


def qos_from_bag(q: Qos) -> QoSProfile:
    """A recorded offered QoS -> rclpy QoS (unknown enum values become the system default)."""

    def pick(enum_cls: Any, value: Any) -> Any:
        try:
            return enum_cls(int(value.value))
        except ValueError:
            return enum_cls.SYSTEM_DEFAULT

    history = pick(HistoryPolicy, q.history)
    return QoSProfile(
        history=history,
        depth=max(1, int(q.depth)) if history != HistoryPolicy.KEEP_ALL else int(q.depth),
        reliability=pick(ReliabilityPolicy, q.reliability),
        durability=pick(DurabilityPolicy, q.durability),
        deadline=_time_from_bag(q.deadline),
        lifespan=_time_from_bag(q.lifespan),
        liveliness=pick(LivelinessPolicy, q.liveliness),
        liveliness_lease_duration=_time_from_bag(q.liveliness_lease_duration),
        avoid_ros_namespace_conventions=q.avoid_ros_namespace_conventions,
    )
