"""rclpy messages of every stack type -> bag (mcap, sqlite3) -> rosbags' own reader: identical.

Messages are filled with random values through rclpy's introspection, so every field of every
type is exercised (arrays, sequences, nested messages, strings), not just defaults.
"""

from __future__ import annotations

import array
import importlib
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("rclpy")
from rclpy.duration import Duration  # noqa: E402
from rclpy.qos import DurabilityPolicy, HistoryPolicy, QoSProfile, ReliabilityPolicy  # noqa: E402
from rosbags.rosbag2 import Reader  # noqa: E402
from rosbags.typesys import Stores, get_typestore  # noqa: E402
from rosidl_parser.definition import (  # noqa: E402
    AbstractGenericString,
    AbstractNestedType,
    Array,
    BasicType,
    NamespacedType,
)

from dart_planner.bag import BagFormat, BagWriter, TypeRegistry, open_bag  # noqa: E402
from dart_planner.bag.convert import (  # noqa: E402
    from_cdr,
    from_rosbags,
    message_class,
    qos_from_bag,
    qos_to_bag,
    to_cdr,
    to_rosbags,
)
from dart_planner.bag.errors import UnknownMessageTypeError  # noqa: E402
from dart_planner.topics import MESSAGE_TYPES  # noqa: E402

pytestmark = [pytest.mark.ros, pytest.mark.timeout(30)]

_INT_BITS = {"int8": 8, "int16": 16, "int32": 32, "int64": 64, "uint8": 8, "uint16": 16, "uint32": 32,
             "uint64": 64, "octet": 8, "char": 8}


def _basic(typename: str, rng: random.Random) -> Any:
    if typename == "boolean":
        return rng.random() < 0.5
    if typename in ("float", "double"):
        x = rng.uniform(-1e4, 1e4)
        return float(np.float32(x)) if typename == "float" else x  # float32 fields hold float32 values
    if typename == "octet":
        return bytes([rng.randrange(256)])
    bits = _INT_BITS[typename]
    if typename.startswith("u") or typename in ("char",):
        return rng.randrange(2**bits)
    return rng.randrange(-(2 ** (bits - 1)), 2 ** (bits - 1))


def _value(slot: Any, rng: random.Random) -> Any:
    if isinstance(slot, BasicType):
        return _basic(slot.typename, rng)
    if isinstance(slot, AbstractGenericString):
        return "".join(rng.choice("abc XYZ_/.é") for _ in range(rng.randrange(0, 16)))
    if isinstance(slot, NamespacedType):
        cls = getattr(importlib.import_module(".".join(slot.namespaces)), slot.name)
        return fill(cls(), rng)
    assert isinstance(slot, AbstractNestedType)
    size = slot.size if isinstance(slot, Array) else rng.randrange(0, 5)
    if isinstance(slot.value_type, BasicType) and slot.value_type.typename == "uint8" and size > 0:
        size = size if isinstance(slot, Array) else rng.randrange(1, 3000)  # image-like payloads
    return [_value(slot.value_type, rng) for _ in range(size)]


def fill(msg: Any, rng: random.Random) -> Any:
    for name, slot in zip(msg.get_fields_and_field_types(), type(msg).SLOT_TYPES):
        setattr(msg, name, _value(slot, rng))
    return msg


def assert_same(ros: Any, rb: Any, path: str = "msg") -> None:
    """An rclpy message and a rosbags object hold the same values, field by field."""
    if hasattr(ros, "get_fields_and_field_types"):
        for name in ros.get_fields_and_field_types():
            assert_same(getattr(ros, name), getattr(rb, name), f"{path}.{name}")
        return
    if isinstance(ros, (list, tuple, array.array, np.ndarray)):
        ros_list, rb_list = list(ros), list(rb)
        assert len(ros_list) == len(rb_list), path
        for i, (a, b) in enumerate(zip(ros_list, rb_list)):
            assert_same(a, b, f"{path}[{i}]")
        return
    if isinstance(ros, bytes) and len(ros) == 1:
        ros = ros[0]
    assert ros == rb, f"{path}: {ros!r} != {rb!r}"


def messages_of_every_type(seed: int) -> list[tuple[str, str, Any]]:
    rng = random.Random(seed)
    out = []
    for rel, msgtype in sorted(MESSAGE_TYPES.items()):
        for _ in range(3):
            out.append(("/rt/" + rel, msgtype, fill(message_class(msgtype)(), rng)))
    return out


@pytest.mark.parametrize("fmt", [BagFormat.MCAP, BagFormat.SQLITE3])
def test_every_stack_message_type_survives_a_bag_read_by_rosbags(tmp_path: Path, fmt: BagFormat) -> None:
    sent = messages_of_every_type(seed=3 if fmt is BagFormat.MCAP else 4)
    reg = TypeRegistry()
    with BagWriter(tmp_path / "bag", fmt, registry=reg) as bag:
        for i, (topic, msgtype, msg) in enumerate(sent):
            bag.add_topic(topic, msgtype)
            bag.write(topic, 10**18 + i * 1_000_000, to_cdr(msg))

    independent = get_typestore(Stores.ROS2_KILTED)  # rosbags alone: its reader, its decoder
    with Reader(tmp_path / "bag") as reader:
        for c in reader.connections:
            assert c.msgdef.data and c.digest == independent.hash_rihs01(c.msgtype)
        got = [(c.topic, c.msgtype, t, bytes(d)) for c, t, d in reader.messages()]
    assert [(g[0], g[1], g[2]) for g in got] == [(t, ty, 10**18 + i * 1_000_000)
                                                 for i, (t, ty, _m) in enumerate(sent)]
    for (topic, msgtype, msg), (_t, _ty, _stamp, data) in zip(sent, got):
        assert data == to_cdr(msg)
        assert_same(msg, independent.deserialize_cdr(data, msgtype), topic)
        assert from_cdr(data, msgtype) == msg

    with open_bag(tmp_path / "bag") as bag:  # our reader agrees
        assert [m.data for m in bag.messages()] == [g[3] for g in got]


def test_rosbags_objects_convert_to_rclpy_and_back() -> None:
    reg = TypeRegistry()
    for _topic, msgtype, msg in messages_of_every_type(seed=9)[::3]:
        obj = to_rosbags(msg, msgtype, reg)
        assert_same(msg, obj)
        assert from_rosbags(obj, msgtype, reg) == msg


def test_unknown_rclpy_types_are_reported_by_name() -> None:
    with pytest.raises(UnknownMessageTypeError, match="not installed"):
        message_class("acme_msgs/msg/Mystery", "/x")
    with pytest.raises(UnknownMessageTypeError, match="has no message"):
        message_class("std_msgs/msg/NoSuchThing")
    with pytest.raises(UnknownMessageTypeError, match="expected"):
        message_class("std_msgs/msg/../os")
    assert message_class("std_msgs/String").__name__ == "String"


def test_qos_profiles_survive_the_bag_metadata_round_trip() -> None:
    profile = QoSProfile(history=HistoryPolicy.KEEP_LAST, depth=7, reliability=ReliabilityPolicy.BEST_EFFORT,
                         durability=DurabilityPolicy.TRANSIENT_LOCAL, deadline=Duration(seconds=1, nanoseconds=5),
                         lifespan=Duration(seconds=3))
    back = qos_from_bag(qos_to_bag(profile))
    assert back == profile
    default = QoSProfile(depth=10)
    assert qos_from_bag(qos_to_bag(default)) == default
