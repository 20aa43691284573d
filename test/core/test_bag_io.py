"""Bag writing and reading without ROS: definitions embedded, damaged bags fail clearly and fast.

Messages are built with rosbags' own type store here (no rclpy); the rclpy round trip of every
stack message type is in test/ros/test_bag_roundtrip.py.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rosbags.rosbag2 import Reader, StoragePlugin, Writer
from rosbags.typesys.base import Nodetype

from dart_planner.bag import (
    BagError,
    BagFormat,
    BagFormatError,
    BagNotFoundError,
    BagWriter,
    EmptyBagError,
    TypeRegistry,
    UnknownMessageTypeError,
    open_bag,
)
from dart_planner.bag.selection import delivery_hint, stack_topics
from dart_planner.bag.typestore import share_dirs
from dart_planner.topics import MESSAGE_TYPES

pytestmark = pytest.mark.timeout(20)

FORMATS = [BagFormat.MCAP, BagFormat.SQLITE3]
_NUMPY = {"bool": np.bool_, "byte": np.uint8, "char": np.uint8, "int8": np.int8, "uint8": np.uint8,
          "int16": np.int16, "uint16": np.uint16, "int32": np.int32, "uint32": np.uint32, "int64": np.int64,
          "uint64": np.uint64, "float32": np.float32, "float64": np.float64}


def build(reg: TypeRegistry, msgtype: str, rng: random.Random) -> Any:
    """A rosbags message of ``msgtype`` with random field values (recursive, arrays included)."""
    store = reg.store

    def base(kind: str) -> Any:
        if kind in ("string", "wstring"):
            return "".join(rng.choice("abc xyz/_é") for _ in range(rng.randrange(0, 12)))
        if kind == "bool":
            return rng.random() < 0.5
        if kind.startswith("float"):
            return rng.uniform(-1e3, 1e3) if kind == "float64" else float(np.float32(rng.uniform(-10, 10)))
        bits = 8 if kind in ("byte", "char") else int(kind.lstrip("uint"))
        lo = 0 if kind.startswith("u") or kind in ("byte", "char") else -(2 ** (bits - 1))
        hi = 2 ** bits - 1 if lo == 0 else 2 ** (bits - 1) - 1
        return rng.randint(lo, hi)

    def value(desc: Any) -> Any:
        node, arg = desc
        if node == Nodetype.BASE:
            return base(arg[0])
        if node == Nodetype.NAME:
            return make(arg)
        (inner, n) = arg
        size = n if node == Nodetype.ARRAY else rng.randrange(0, 4)
        if inner[0] == Nodetype.BASE and inner[1][0] in _NUMPY:
            return np.array([base(inner[1][0]) for _ in range(size)], dtype=_NUMPY[inner[1][0]])
        return [value(inner) for _ in range(size)]

    def make(name: str) -> Any:
        _consts, fields = store.fielddefs[name]
        return store.types[name](**{f: value(d) for f, d in fields})

    return make(msgtype)


def share_hash(msgtype: str) -> str | None:
    pkg, kind, name = msgtype.split("/")
    for share in share_dirs():
        f = share / pkg / kind / f"{name}.json"
        if f.is_file():
            return json.loads(f.read_text())["type_hashes"][0]["hash_string"]
    return None


def write_all_types(path: Path, fmt: BagFormat, seed: int = 1) -> list[tuple[str, str, int, bytes]]:
    """A bag with 3 messages of every stack type, one topic each; returns what was written."""
    reg = TypeRegistry()
    rng = random.Random(seed)
    written = []
    with BagWriter(path, fmt, registry=reg) as bag:
        for i, (rel, msgtype) in enumerate(sorted(MESSAGE_TYPES.items())):
            topic = "/t/" + rel
            bag.add_topic(topic, msgtype)
            for k in range(3):
                data = reg.serialize(build(reg, msgtype, rng), msgtype)
                stamp = 1_000_000_000 + k * 10_000_000 + i * 1000
                bag.write(topic, stamp, data)
                written.append((topic, msgtype, stamp, data))
    return written


def test_kilted_type_store_hashes_match_the_installed_packages() -> None:
    """The RIHS01 hashes we embed are the ones ROS 2 Kilted's message packages declare."""
    reg = TypeRegistry()
    checked = 0
    for msgtype in sorted(set(MESSAGE_TYPES.values())):
        expected = share_hash(msgtype)
        if expected is None:
            continue
        assert reg.definition(msgtype)[1] == expected, msgtype
        checked += 1
    if checked == 0:
        pytest.skip("no installed message packages with type description files")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_stack_type_round_trips_through_rosbags_own_reader(tmp_path: Path, fmt: BagFormat) -> None:
    written = write_all_types(tmp_path / "bag", fmt)
    reg = TypeRegistry()
    with Reader(tmp_path / "bag") as r:  # rosbags' reader, not ours
        conns = {c.topic: c for c in r.connections}
        assert {t: c.msgtype for t, c in conns.items()} == {"/t/" + k: v for k, v in MESSAGE_TYPES.items()}
        for c in conns.values():
            assert c.digest == reg.definition(c.msgtype)[1]
            assert c.msgdef.data == reg.definition(c.msgtype)[0]
        got = [(c.topic, c.msgtype, t, bytes(d)) for c, t, d in r.messages()]
    assert sorted(got) == sorted(written)
    # and ours agrees, message for message
    with open_bag(tmp_path / "bag") as bag:
        assert bag.format is fmt
        assert bag.message_count == len(written)
        assert bag.start_ns == min(w[2] for w in written) and bag.end_ns == max(w[2] for w in written)
        mine = [(m.topic, m.msgtype, m.stamp_ns, m.data) for m in bag.messages()]
        assert sorted(mine) == sorted(written)
        for m in bag.messages(["/t/odom"]):
            odom = bag.decode(m)
            assert reg.serialize(odom, "nav_msgs/msg/Odometry") == m.data


def test_mcap_file_is_valid_for_the_reference_mcap_reader(tmp_path: Path) -> None:
    """Foxglove's reader (what Foxglove Studio and the mcap CLI use) sees ros2msg schemas and QoS."""
    mcap_reader = pytest.importorskip("mcap.reader")
    written = write_all_types(tmp_path / "bag", BagFormat.MCAP)
    with (tmp_path / "bag" / "bag.mcap").open("rb") as f:
        reader = mcap_reader.make_reader(f)
        assert reader.get_header().profile == "ros2"
        summary = reader.get_summary()
        assert {s.name for s in summary.schemas.values()} == set(MESSAGE_TYPES.values())
        assert all(s.encoding == "ros2msg" and s.data for s in summary.schemas.values())
        assert all(c.message_encoding == "cdr" and "offered_qos_profiles" in c.metadata
                   for c in summary.channels.values())
        got = sorted((ch.topic, m.log_time, m.data) for _s, ch, m in reader.iter_messages())
    assert got == sorted((t, s, d) for t, _ty, s, d in written)


def test_sqlite3_bag_has_the_rosbag2_schema_with_definitions(tmp_path: Path) -> None:
    write_all_types(tmp_path / "bag", BagFormat.SQLITE3)
    db = sqlite3.connect(tmp_path / "bag" / "bag.db3")
    try:
        topics = db.execute("SELECT name, type, serialization_format, type_description_hash FROM topics").fetchall()
        defs = dict(db.execute("SELECT topic_type, encoded_message_definition FROM message_definitions"))
        (count,) = db.execute("SELECT count(*) FROM messages").fetchone()
    finally:
        db.close()
    assert {t[1] for t in topics} == set(MESSAGE_TYPES.values())
    assert all(t[2] == "cdr" and t[3].startswith("RIHS01_") for t in topics)
    assert set(defs) == set(MESSAGE_TYPES.values()) and all(defs.values())
    assert count == 3 * len(MESSAGE_TYPES)


def test_writer_refuses_an_existing_path_an_undeclared_topic_and_a_changed_type(tmp_path: Path) -> None:
    (tmp_path / "exists").mkdir()
    with pytest.raises(BagError, match="exists"):
        BagWriter(tmp_path / "exists").open()
    with BagWriter(tmp_path / "bag") as bag:
        bag.add_topic("/a", "std_msgs/msg/String")
        bag.add_topic("/a", "std_msgs/msg/String")  # idempotent
        with pytest.raises(BagError, match="already in the bag"):
            bag.add_topic("/a", "nav_msgs/msg/Odometry")
        with pytest.raises(BagError, match="not added"):
            bag.write("/b", 1, b"")
        with pytest.raises(UnknownMessageTypeError, match="acme_msgs/msg/Mystery"):
            bag.add_topic("/c", "acme_msgs/msg/Mystery")
    assert open_bag(tmp_path / "bag").topics["/a"].count == 0


def _good_bag(tmp_path: Path, fmt: BagFormat, n: int = 3000) -> Path:
    reg = TypeRegistry()
    string = reg.store.types["std_msgs/msg/String"]
    path = tmp_path / f"good_{fmt.value}"
    with BagWriter(path, fmt, registry=reg) as bag:
        bag.add_topic("/chatter", "std_msgs/msg/String")
        for i in range(n):
            bag.write_object("/chatter", 1000 + i * 1000, string(data=f"{i:06d}" + "x" * 200))
    return path


def _storage(path: Path) -> Path:
    return next(p for p in path.iterdir() if p.suffix in (".mcap", ".db3"))


def _damaged(tmp_path: Path, fmt: BagFormat, name: str, mutate: Any) -> Path:
    src = _good_bag(tmp_path, fmt) if not (tmp_path / f"good_{fmt.value}").exists() else tmp_path / f"good_{fmt.value}"
    dst = tmp_path / f"{name}_{fmt.value}"
    shutil.copytree(src, dst)
    f = _storage(dst)
    f.write_bytes(mutate(f.read_bytes()))
    return dst


def _read_everything(path: Path) -> int:
    with open_bag(path) as bag:
        return sum(1 for _ in bag.messages())


@pytest.mark.parametrize("fmt", FORMATS)
def test_truncated_bag_is_a_format_error(tmp_path: Path, fmt: BagFormat) -> None:
    bag = _damaged(tmp_path, fmt, "half", lambda b: b[: len(b) // 2])
    with pytest.raises(BagFormatError) as err:
        _read_everything(bag)
    assert str(bag) in str(err.value)
    if fmt is BagFormat.MCAP:
        assert "truncated" in str(err.value)


def test_damaged_mcap_chunk_is_caught_by_the_index_count(tmp_path: Path) -> None:
    """rosbags stops early on an overwritten chunk without complaint; the count check does not."""
    bag = _damaged(tmp_path, BagFormat.MCAP, "garbage",
                   lambda b: b[: len(b) // 3] + bytes(5000) + b[len(b) // 3 + 5000:])
    with pytest.raises(BagFormatError, match="corrupt|cannot read"):
        _read_everything(bag)


@pytest.mark.parametrize("fmt", FORMATS)
def test_random_damage_never_escapes_as_anything_but_a_bag_error(tmp_path: Path, fmt: BagFormat) -> None:
    good = _good_bag(tmp_path, fmt, n=400)
    with open_bag(good) as bag:
        reference = [m.data for m in bag.messages()]
    rng = random.Random(7)
    outcomes = {"ok": 0, "error": 0}
    for k in range(40):
        def mutate(b: bytes, k: int = k) -> bytes:
            data = bytearray(b)
            if k % 4 == 0:
                return bytes(data[: rng.randrange(1, len(data))])
            for _ in range(rng.randrange(1, 40)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            return bytes(data)

        bag_path = tmp_path / f"fuzz{k}_{fmt.value}"
        shutil.copytree(good, bag_path)
        f = _storage(bag_path)
        f.write_bytes(mutate(f.read_bytes()))
        try:
            with open_bag(bag_path) as bag:
                got = [m.data for m in bag.messages()]
        except BagError:
            outcomes["error"] += 1
            continue
        # Readable despite the damage: the flipped bytes must then lie in payloads or padding.
        assert len(got) == len(reference)
        outcomes["ok"] += 1
    assert outcomes["error"] >= 10


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_storage_and_empty_folder_are_empty_bag_errors(tmp_path: Path, fmt: BagFormat) -> None:
    bag = _damaged(tmp_path, fmt, "zero", lambda b: b"")
    with pytest.raises(EmptyBagError, match="0 bytes"):
        open_bag(bag)
    (tmp_path / "nothing").mkdir()
    with pytest.raises(EmptyBagError, match="empty folder"):
        open_bag(tmp_path / "nothing")


def test_missing_bag_broken_metadata_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(BagNotFoundError):
        open_bag(tmp_path / "nope")
    good = _good_bag(tmp_path, BagFormat.MCAP, n=10)
    broken = tmp_path / "broken_meta"
    shutil.copytree(good, broken)
    (broken / "metadata.yaml").write_text("rosbag2_bagfile_information: [1, 2\n")
    with pytest.raises(BagFormatError, match="metadata"):
        open_bag(broken)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.txt").write_text("hi")
    with pytest.raises(BagNotFoundError, match="not a rosbag2 bag"):
        open_bag(tmp_path / "notes")
    with pytest.raises(BagFormatError, match="not a bag"):
        open_bag(tmp_path / "notes" / "readme.txt")
    garbage = tmp_path / "garbage.mcap"
    garbage.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(BagFormatError):
        open_bag(garbage)


@pytest.mark.parametrize("fmt", FORMATS)
def test_storage_file_without_metadata_still_opens(tmp_path: Path, fmt: BagFormat) -> None:
    good = _good_bag(tmp_path, fmt, n=50)
    (good / "metadata.yaml").unlink()
    with open_bag(good) as bag:
        assert bag.without_metadata
        assert [m.stamp_ns for m in bag.messages()] == [1000 + i * 1000 for i in range(50)]


def _bag_with_foreign_type(path: Path, with_definition: bool) -> None:
    msgdef = "int32 level\nstring label\n"
    with Writer(path, version=8, storage_plugin=StoragePlugin.SQLITE3) as w:
        conn = w.add_connection("/mystery", "acme_msgs/msg/Mystery", msgdef=msgdef, rihs01="RIHS01_" + "ab" * 32)
        # CDR: header, int32 7, string "hi"
        w.write(conn, 5, b"\x00\x01\x00\x00" + (7).to_bytes(4, "little") + (3).to_bytes(4, "little") + b"hi\x00")
    if not with_definition:
        db = sqlite3.connect(path / f"{path.name}.db3")
        db.execute("DELETE FROM message_definitions")
        db.commit()
        db.close()


def test_a_type_unknown_here_decodes_from_the_definition_in_the_bag(tmp_path: Path) -> None:
    _bag_with_foreign_type(tmp_path / "bag", with_definition=True)
    with open_bag(tmp_path / "bag") as bag:
        (m,) = list(bag.messages())
        obj = bag.decode(m)
    assert (obj.level, obj.label) == (7, "hi")  # type: ignore[attr-defined]


def test_a_type_defined_nowhere_is_an_unknown_type_error(tmp_path: Path) -> None:
    _bag_with_foreign_type(tmp_path / "bag", with_definition=False)
    with open_bag(tmp_path / "bag") as bag:
        assert not bag.topics["/mystery"].has_definition
        (m,) = list(bag.messages())
        with pytest.raises(UnknownMessageTypeError, match="acme_msgs/msg/Mystery.*topic /mystery"):
            bag.decode(m)


def test_installed_msg_files_define_types_the_store_lacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "prefix" / "share" / "acme_msgs" / "msg"
    share.mkdir(parents=True)
    (share / "Gadget.msg").write_text("acme_msgs/Part[] parts\ngeometry_msgs/Point where\n")
    (share / "Part.msg").write_text("string name\nfloat64 mass\n")
    monkeypatch.setenv("AMENT_PREFIX_PATH", str(tmp_path / "prefix"))
    reg = TypeRegistry()
    msgdef, rihs01 = reg.definition("acme_msgs/msg/Gadget")
    assert "MSG: acme_msgs/Part" in msgdef and "MSG: geometry_msgs/Point" in msgdef
    assert rihs01.startswith("RIHS01_")
    (share / "Broken.msg").write_text("acme_msgs/Missing thing\n")
    with pytest.raises(UnknownMessageTypeError, match="acme_msgs/msg/Missing"):
        reg.ensure("acme_msgs/msg/Broken")
    with pytest.raises(UnknownMessageTypeError):
        TypeRegistry(search_installed=False).ensure("acme_msgs/msg/Gadget")


def test_stack_topics_follow_the_fleet_and_options(fleet: Any) -> None:
    topics = stack_topics("dart", fleet, camera=False, extra=["tf", "/rosout"])
    assert topics["/dart/task_graph"] == "std_msgs/msg/String"
    assert topics["/dart/llm_exchange"] == "std_msgs/msg/String"
    assert "/dart/camera/image" not in topics
    for robot in fleet.robots:
        assert topics[f"/{robot.namespace}/odom"] == "nav_msgs/msg/Odometry"
        assert topics[f"/{robot.namespace}/dart/goal"] == "std_msgs/msg/String"
    assert topics["/tf"] is None and topics["/rosout"] is None
    assert stack_topics("other", [], camera=True)["/other/camera/image"] == "sensor_msgs/msg/Image"
    assert delivery_hint("/x/plan_status").transient_local and delivery_hint("/x/plan_status").depth == 10
    assert not delivery_hint("/r/odom").transient_local and delivery_hint("/r/dart/goal").depth == 50


def test_bag_package_imports_without_ros() -> None:
    import subprocess

    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('rclpy', 'std_msgs', 'nav_msgs', 'sensor_msgs'):\n"
            "            raise ImportError('blocked ' + name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "import dart_planner.bag, dart_planner.bag.info, dart_planner.bag.selection\n"
            "import dart_planner.cli.bag_cmd\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_trailing_bytes_after_a_message_are_ignored_and_canonical_bytes_are_exact() -> None:
    """rclpy's serialize_message on Fast DDS over-reports the size; decoding must not choke on it."""
    reg = TypeRegistry()
    msg = build(reg, "sensor_msgs/msg/JointState", random.Random(5))
    exact = reg.serialize(msg, "sensor_msgs/msg/JointState")
    padded = exact + b"rtps_c\x00\x00"
    assert reg.canonical(padded, "sensor_msgs/msg/JointState") == exact
    with pytest.raises(Exception, match="size mismatch"):
        reg.store.deserialize_cdr(padded, "sensor_msgs/msg/JointState")  # what rosbags alone does
    with pytest.raises(Exception, match="CDR"):
        reg.deserialize(b"\x07\x07\x00\x00", "sensor_msgs/msg/JointState")
