"""Record a live ROS graph, replay the bag into another, and compare what arrives.

A small publisher node plays a run (instruction, task graphs, plan statuses, robot odometry
and joint states); the recorder writes it; the replayer republishes it into a subscriber and a
second recorder. Sequences must match exactly, plan outcomes must be identical, and the
timing error is reported (printed) with only a generous bound asserted here; the exact
figures come from ``dart_planner.bench.bag_replay``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest

rclpy = pytest.importorskip("rclpy")
from conftest import spinning as conftest_spinning  # noqa: E402
from conftest import wait_for as conftest_wait_for  # noqa: E402
from nav_msgs.msg import Odometry  # noqa: E402
from rclpy.executors import SingleThreadedExecutor  # noqa: E402
from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy  # noqa: E402
from rosbags.rosbag2 import StoragePlugin, Writer  # noqa: E402
from sensor_msgs.msg import JointState  # noqa: E402
from std_msgs.msg import String  # noqa: E402

from dart_planner.bag import (  # noqa: E402
    BagError,
    BagFormat,
    BagFormatError,
    BagWriter,
    EmptyBagError,
    UnknownMessageTypeError,
    bag_info,
    open_bag,
)
from dart_planner.bag.convert import from_cdr, qos_to_bag, to_cdr  # noqa: E402
from dart_planner.bag.recorder import BagRecorder  # noqa: E402
from dart_planner.bag.replayer import BagReplayer  # noqa: E402
from dart_planner.bag.selection import stack_topics  # noqa: E402
from dart_planner.core.envelope import encode  # noqa: E402
from dart_planner.nodes.qos import EVENTS, LATCHED, SENSOR, STATUS  # noqa: E402

pytestmark = [pytest.mark.ros, pytest.mark.timeout(30)]

S = 1_000_000_000
# Topic names unique to this process: test processes on one machine may share a ROS domain.
NS = f"bagt{os.getpid()}"
ROBOT = f"robot{os.getpid()}"
P, R = f"/{NS}", f"/{ROBOT}"


@contextmanager
def spinning(context: Any, *nodes: Any) -> Iterator[SingleThreadedExecutor]:
    """Spin ``nodes`` in a background thread for the duration of the block (conftest.spinning on a
    single-threaded executor: a spin thread that dies fails the test at once, with its exception)."""
    executor = SingleThreadedExecutor(context=context)
    with conftest_spinning(context, *nodes, executor=executor, step=0.01):
        yield executor


def wait_for(condition: Any, timeout: float = 5.0) -> bool:
    return conftest_wait_for(condition, timeout, step=0.01)


def timeline_error_ms(reference_ns: list[int], actual_ns: list[int], rate: float = 1.0) -> np.ndarray:
    """|actual offset from its first - reference offset from its first / rate| per message, in ms."""
    ref = (np.asarray(reference_ns, dtype=np.int64) - reference_ns[0]) / rate
    act = np.asarray(actual_ns, dtype=np.int64) - actual_ns[0]
    return np.abs(act - ref) / 1e6


class RunPublisher:
    """Plays a short run: plan-1 finishes, plan-2 fails; odom at 50 Hz, joint states at 10 Hz."""

    TICKS = 60

    def __init__(self, context: Any):
        self.node = rclpy.create_node("run_publisher", context=context)
        n = self.node
        self.pubs = {
            f"{P}/instruction": n.create_publisher(String, f"{P}/instruction", EVENTS),
            f"{P}/task_graph": n.create_publisher(String, f"{P}/task_graph", LATCHED),
            f"{P}/plan_status": n.create_publisher(String, f"{P}/plan_status", STATUS),
            f"{R}/odom": n.create_publisher(Odometry, f"{R}/odom", SENSOR),
            f"{R}/joint_states": n.create_publisher(JointState, f"{R}/joint_states", SENSOR),
        }
        self.sent: dict[str, list[tuple[int, bytes]]] = {t: [] for t in self.pubs}
        self.tick = 0
        self.done = threading.Event()
        # Published before any recorder exists: only transient-local delivery gets it into the bag.
        self._say(f"{P}/task_graph", encode("task_graph", {
            "plan_id": "plan-1", "instruction": "dig soil1", "plan": {"tasks": [{"task": "dig"}]}}))

    def _say(self, topic: str, text: str) -> None:
        msg = String(data=text)
        self.pubs[topic].publish(msg)
        self.sent[topic].append((time.monotonic_ns(), to_cdr(msg)))

    def start(self) -> None:
        self.timer = self.node.create_timer(0.02, self._on_tick)

    def _on_tick(self) -> None:
        k = self.tick
        if k >= self.TICKS:
            self.done.set()
            return
        odom = Odometry()
        odom.header.frame_id = f"odom-{k}"
        odom.pose.pose.position.x = float(k)
        self.pubs[f"{R}/odom"].publish(odom)
        self.sent[f"{R}/odom"].append((time.monotonic_ns(), to_cdr(odom)))
        if k % 5 == 0:
            js = JointState(name=["boom", "bucket"], position=[0.1 * k, -0.1 * k])
            self.pubs[f"{R}/joint_states"].publish(js)
            self.sent[f"{R}/joint_states"].append((time.monotonic_ns(), to_cdr(js)))
        script = {
            3: (f"{P}/plan_status", {"plan_id": "plan-1", "state": "active"}),
            10: (f"{P}/instruction", None),
            12: (f"{P}/task_graph", {"plan_id": "plan-2", "instruction": "avoid puddle1",
                                      "plan": {"tasks": [{"task": "a"}, {"task": "b"}]}}),
            15: (f"{P}/plan_status", {"plan_id": "plan-2", "state": "active"}),
            30: (f"{P}/plan_status", {"plan_id": "plan-1", "state": "succeeded"}),
            45: (f"{P}/plan_status", {"plan_id": "plan-2", "state": "failed", "error": "truck stuck"}),
        }
        if k in script:
            topic, payload = script[k]
            if payload is None:
                self._say(topic, "avoid puddle1")
            else:
                self._say(topic, encode(topic.rsplit("/", 1)[-1], payload))
        self.tick += 1


def record_run(context: Any, out: Path, fmt: BagFormat) -> tuple[RunPublisher, BagRecorder]:
    run = RunPublisher(context)
    with BagWriter(out, fmt) as writer:
        recorder = BagRecorder(writer, stack_topics(NS, [ROBOT], camera=False), context=context)
        with spinning(context, run.node, recorder):
            assert wait_for(lambda: all(p.get_subscription_count() >= 1 for p in run.pubs.values()))
            run.start()
            assert run.done.wait(10)
            time.sleep(0.1)  # let the last messages arrive
        recorder.destroy_node()
    run.node.destroy_node()  # its latched history must not reach the replay's subscribers
    return run, recorder


@pytest.mark.parametrize("fmt", [BagFormat.MCAP, BagFormat.SQLITE3])
def test_a_recorded_run_replays_with_the_same_messages_timing_and_plan_outcomes(
        ros_context: Any, tmp_path: Path, fmt: BagFormat) -> None:
    run, recorder = record_run(ros_context, tmp_path / "run", fmt)

    # 1. The bag holds exactly what was published, in order, with the receive timing.
    with open_bag(tmp_path / "run") as bag:
        assert bag.format is fmt
        got = {t: [(m.stamp_ns, m.data) for m in bag.messages([t])] for t in run.sent}
        assert set(bag.topics) == set(run.sent)
        assert bag.topics[f"{P}/task_graph"].offered_qos[0].durability.name == "TRANSIENT_LOCAL"
    for topic, sent in run.sent.items():
        # in one process Fast DDS hands over the exact bytes (across processes it may pad to 4)
        assert [d for _t, d in got[topic]] == [d for _t, d in sent], topic
    rec_err = timeline_error_ms([t for t, _ in run.sent[f"{R}/odom"]], [t for t, _ in got[f"{R}/odom"]])
    print(f"\n[{fmt.value}] recording timing error p50 {np.percentile(rec_err, 50):.3f} ms, "
          f"p95 {np.percentile(rec_err, 95):.3f} ms")
    assert np.percentile(rec_err, 95) < 50

    info = bag_info(tmp_path / "run")
    assert info.outcomes() == {"plan-1": "succeeded", "plan-2": "failed"}
    assert [i.text for i in info.instructions] == ["avoid puddle1"]

    # 2. Replay into a subscriber and a second recorder.
    rate = 2.0
    listener = rclpy.create_node("listener", context=ros_context)
    arrivals: list[tuple[int, str]] = []
    listener.create_subscription(Odometry, f"{R}/odom",
                                 lambda m: arrivals.append((time.monotonic_ns(), m.header.frame_id)), SENSOR)
    replayer = BagReplayer(tmp_path / "run", rate=rate, context=ros_context)
    with BagWriter(tmp_path / "again", fmt) as writer2:
        recorder2 = BagRecorder(writer2, stack_topics(NS, [ROBOT], camera=False), node_name="rec2",
                                discovery_period_s=0.02, context=ros_context)
        with spinning(ros_context, listener, recorder2):
            assert wait_for(lambda: len(recorder2.subscribed) == len(run.sent))
            assert replayer.wait_for_subscribers(1, 5.0)
            assert replayer.wait_for_subscribers(2, 5.0, [f"{R}/odom"])
            report = replayer.play()
            assert wait_for(lambda: len(arrivals) == len(run.sent[f"{R}/odom"]), 5.0)
            time.sleep(0.1)
        recorder2.destroy_node()
    replayer.destroy_node()

    assert [f for _t, f in arrivals] == [f"odom-{k}" for k in range(RunPublisher.TICKS)]
    recorded_stamps = [t for t, _ in got[f"{R}/odom"]]
    sub_err = timeline_error_ms(recorded_stamps, [t for t, _ in arrivals], rate)
    print(f"[{fmt.value}] replay x{rate}: publish error p50 {report.error_p50_ms:.3f} ms, "
          f"p95 {report.error_p95_ms:.3f} ms; at the subscriber p50 {np.percentile(sub_err, 50):.3f} ms, "
          f"p95 {np.percentile(sub_err, 95):.3f} ms; factor {report.achieved_factor:.3f}")
    assert report.messages == sum(len(v) for v in run.sent.values())
    assert report.error_p95_ms < 50 and np.percentile(sub_err, 95) < 50
    assert report.achieved_factor == pytest.approx(rate, rel=0.2)

    again = bag_info(tmp_path / "again")
    assert again.outcomes() == info.outcomes()
    assert {t.name: t.count for t in again.topics} == {t.name: t.count for t in info.topics}


def test_latched_topics_are_replayed_latched(ros_context: Any, tmp_path: Path) -> None:
    with BagWriter(tmp_path / "bag") as bag:
        bag.add_topic(f"{P}/task_graph", "std_msgs/msg/String", [qos_to_bag(LATCHED)])
        for k in range(3):
            bag.write(f"{P}/task_graph", S + k * S // 100, to_cdr(String(data=f"graph {k}")))
    replayer = BagReplayer(tmp_path / "bag", rate=1.0, context=ros_context)
    replayer.play()
    late = rclpy.create_node("late", context=ros_context)
    got: list[str] = []
    late.create_subscription(String, f"{P}/task_graph", lambda m: got.append(m.data), LATCHED)
    with spinning(ros_context, late):
        assert wait_for(lambda: bool(got), 5.0)
        time.sleep(0.1)
    assert got == ["graph 2"]  # the latest plan, delivered to a node that joined after the replay
    replayer.destroy_node()


def _odom_bag(path: Path, hz: int = 100, seconds: float = 1.0) -> None:
    with BagWriter(path) as bag:
        bag.add_topic(f"{R}/odom", "nav_msgs/msg/Odometry")
        bag.add_topic(f"{P}/plan_status", "std_msgs/msg/String")
        for k in range(int(hz * seconds)):
            odom = Odometry()
            odom.header.frame_id = f"odom-{k}"
            bag.write(f"{R}/odom", 10 * S + k * S // hz, to_cdr(odom))
            if k % 10 == 0:
                bag.write(f"{P}/plan_status", 10 * S + k * S // hz, to_cdr(String(data="{}")))


def test_start_offset_topic_filter_loop_and_rate(ros_context: Any, tmp_path: Path) -> None:
    _odom_bag(tmp_path / "bag")
    listener = rclpy.create_node("listener", context=ros_context)
    frames: list[str] = []
    statuses: list[str] = []
    listener.create_subscription(Odometry, f"{R}/odom", lambda m: frames.append(m.header.frame_id), 100)
    listener.create_subscription(String, f"{P}/plan_status", lambda m: statuses.append(m.data), 100)
    replayer = BagReplayer(tmp_path / "bag", rate=4.0, start_offset_s=0.5, topics=[f"{ROBOT}/odom"],
                           context=ros_context)
    assert replayer.selected == (f"{R}/odom",)
    published: list[int] = []
    with spinning(ros_context, listener):
        assert replayer.wait_for_subscribers(1, 5.0)
        report = replayer.play(loop=True, max_loops=2, on_publish=lambda m, t: published.append(m.stamp_ns))
        assert wait_for(lambda: len(frames) == 100, 5.0)
    replayer.destroy_node()
    assert frames == [f"odom-{k}" for k in range(50, 100)] * 2
    assert statuses == []
    assert report.loops == 2 and report.messages == 100
    # 2 loops of 0.49 s of recording at x4: about 0.25 s of wall time
    assert report.achieved_factor == pytest.approx(4.0, rel=0.25)


def test_stop_event_ends_a_looping_replay(ros_context: Any, tmp_path: Path) -> None:
    _odom_bag(tmp_path / "bag", hz=20)
    replayer = BagReplayer(tmp_path / "bag", context=ros_context)
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    started = time.monotonic()
    report = replayer.play(loop=True, stop=stop)
    replayer.destroy_node()
    assert report.stopped and time.monotonic() - started < 1.0
    assert 0 < report.messages < 20


def test_bags_that_cannot_be_replayed_fail_before_publishing(ros_context: Any, tmp_path: Path) -> None:
    with Writer(tmp_path / "foreign", version=8, storage_plugin=StoragePlugin.MCAP) as w:
        conn = w.add_connection("/mystery", "acme_msgs/msg/Mystery", msgdef="int32 level\n",
                                rihs01="RIHS01_" + "cd" * 32)
        w.write(conn, 5, b"\x00\x01\x00\x00" + (7).to_bytes(4, "little"))
    with pytest.raises(UnknownMessageTypeError, match="acme_msgs/msg/Mystery.*/mystery"):
        BagReplayer(tmp_path / "foreign", context=ros_context)

    with BagWriter(tmp_path / "empty") as bag:
        bag.add_topic(f"{P}/task_graph", "std_msgs/msg/String")
    with pytest.raises(EmptyBagError, match="no messages"):
        BagReplayer(tmp_path / "empty", context=ros_context)

    _odom_bag(tmp_path / "odom", hz=20)
    with pytest.raises(EmptyBagError, match="past the bag's end"):
        BagReplayer(tmp_path / "odom", start_offset_s=5.0, context=ros_context)
    with pytest.raises(BagError, match="no topic /nope"):
        BagReplayer(tmp_path / "odom", topics=["/nope"], context=ros_context)
    with pytest.raises(BagError, match="rate"):
        BagReplayer(tmp_path / "odom", rate=0.0, context=ros_context)

    storage = tmp_path / "odom" / "odom.mcap"
    data = storage.read_bytes()
    storage.write_bytes(data[: len(data) // 3] + bytes(2000) + data[len(data) // 3 + 2000:])
    with pytest.raises(BagFormatError):
        BagReplayer(tmp_path / "odom", context=ros_context)
    # nothing was left advertising: every failure came before a publisher existed
    probe = rclpy.create_node("probe", context=ros_context)
    time.sleep(0.2)
    assert not [t for t, _ in probe.get_topic_names_and_types() if t in (f"{R}/odom", "/mystery")]
    probe.destroy_node()


def test_recorder_skips_a_topic_published_with_another_type(ros_context: Any, tmp_path: Path) -> None:
    node = rclpy.create_node("wrong_types", context=ros_context)
    wrong = node.create_publisher(String, f"{R}/odom", 10)
    right = node.create_publisher(String, f"/{NS}/chatter",
                                  QoSProfile(depth=5, reliability=ReliabilityPolicy.BEST_EFFORT,
                                             durability=DurabilityPolicy.VOLATILE))
    with BagWriter(tmp_path / "bag") as writer:
        rec = BagRecorder(writer, stack_topics(NS, [ROBOT], camera=False, extra=[f"{NS}/chatter"]),
                          discovery_period_s=0.02, context=ros_context)
        with spinning(ros_context, node, rec):
            assert wait_for(lambda: f"{R}/odom" in rec.skipped and f"/{NS}/chatter" in rec.subscribed)
            assert wait_for(lambda: right.get_subscription_count() == 1)
            wrong.publish(String(data="not odometry"))
            right.publish(String(data="hello"))
            assert wait_for(lambda: rec.counts.get(f"/{NS}/chatter") == 1)
        rec.destroy_node()
    assert "expected nav_msgs/msg/Odometry" in rec.skipped[f"{R}/odom"]
    with open_bag(tmp_path / "bag") as bag:
        assert set(bag.topics) == {f"/{NS}/chatter"}
        assert bag.topics[f"/{NS}/chatter"].offered_qos[0].reliability.name == "BEST_EFFORT"


@pytest.mark.slow
def test_record_and_replay_commands(ros_context: Any, tmp_path: Path) -> None:
    """The CLI functions as the lead wires them: record for a fixed time, then replay with --json.

    The command's rclpy context is a new DDS participant: Fast DDS with localhost discovery may
    take up to ~3 s (the announcement period) to match it with this test's, hence 5 s.
    """
    import typer
    from typer.testing import CliRunner

    from dart_planner.cli.bag_cmd import record, replay

    app = typer.Typer()
    app.command("record")(record)
    app.command("replay")(replay)
    node = rclpy.create_node("cli_peer", context=ros_context)
    pub = node.create_publisher(String, f"{P}/instruction", EVENTS)
    heard: list[str] = []
    node.create_subscription(String, f"{P}/instruction", lambda m: heard.append(m.data), EVENTS)
    stop = threading.Event()

    def talk() -> None:
        k = 0
        while not stop.is_set():
            if pub.get_subscription_count() >= 2:  # our listener + the recorder
                pub.publish(String(data=f"instruction {k}"))
                k += 1
            time.sleep(0.05)

    with spinning(ros_context, node):
        talker = threading.Thread(target=talk, daemon=True)
        talker.start()
        done = CliRunner().invoke(app, ["record", str(tmp_path / "cli_bag"), "--format", "sqlite3",
                                        "--duration", "5", "--no-camera", "--namespace", NS])
        stop.set()
        talker.join()
        assert done.exit_code == 0, done.output
        with open_bag(tmp_path / "cli_bag") as bag:
            assert bag.format is BagFormat.SQLITE3
            recorded = [m.data for m in bag.messages([f"{P}/instruction"])]
        assert len(recorded) >= 5  # 20 Hz for 5 s, minus start-up and discovery on a busy machine
        heard.clear()
        done = CliRunner().invoke(app, ["replay", str(tmp_path / "cli_bag"), "--rate", "4", "--wait", "8",
                                        "--json", "--topics", f"{P}/instruction"])
        assert done.exit_code == 0, done.output
        report = json.loads(done.output.strip().splitlines()[-1])
        assert wait_for(lambda: len(heard) == len(recorded), 3.0)
    assert report["messages"] == len(recorded)
    assert heard == [f"instruction {k}" for k in range(len(recorded))]
    done = CliRunner().invoke(app, ["replay", str(tmp_path / "missing")])
    assert done.exit_code == 1 and "no bag at" in done.output


def _cli_process(*args: str) -> subprocess.Popen[str]:
    """A bag command as its own process (the way a user runs it), on this test's domain."""
    code = ("import sys, typer\n"
            "from dart_planner.cli.bag_cmd import record, replay\n"
            "app = typer.Typer()\napp.command('record')(record)\napp.command('replay')(replay)\n"
            "app(sys.argv[1:])\n")
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


@pytest.mark.slow
def test_interrupted_record_and_looping_replay_end_cleanly(ros_context: Any, tmp_path: Path) -> None:
    """Ctrl-C closes the bag properly (metadata written); SIGTERM stops a looping replay cleanly."""
    node = rclpy.create_node("talker", context=ros_context)
    pub = node.create_publisher(String, f"{P}/instruction", EVENTS)
    rec = _cli_process("record", str(tmp_path / "bag"), "--namespace", NS, "--no-camera")
    with spinning(ros_context, node):
        assert wait_for(lambda: pub.get_subscription_count() >= 1, 8.0), rec.stdout and rec.poll()
        for k in range(5):
            pub.publish(String(data=f"go {k}"))
            time.sleep(0.02)
        time.sleep(0.3)
        rec.send_signal(signal.SIGINT)
        out, _ = rec.communicate(timeout=10)
    assert rec.returncode == 0, out
    assert (tmp_path / "bag" / "metadata.yaml").is_file()
    with open_bag(tmp_path / "bag") as bag:
        # across processes DDS pads the payload to 4 bytes, so compare content, not bytes
        got = [from_cdr(m.data, String).data for m in bag.messages([f"{P}/instruction"])]
    assert got == [f"go {k}" for k in range(5)]
    heard: list[str] = []
    node.create_subscription(String, f"{P}/instruction", lambda m: heard.append(m.data), EVENTS)
    with spinning(ros_context, node):
        play = _cli_process("replay", str(tmp_path / "bag"), "--loop", "--rate", "5", "--json")
        assert wait_for(lambda: len(heard) >= 6, 20.0)  # started and looping (a signal during start-up
        play.send_signal(signal.SIGTERM)                 # would hit Python's import, not our handler)
        out, _ = play.communicate(timeout=10)
    assert play.returncode == 0, out
    report = json.loads(out.strip().splitlines()[-1])
    assert report["stopped"] and report["loops"] >= 1


@pytest.mark.slow
def test_node_entry_points_record_and_replay_from_parameters(ros_context: Any, tmp_path: Path,
                                                             start_node: Any) -> None:
    """``bag_recorder`` / ``bag_replayer`` as processes configured by ROS parameters (for launch files)."""
    node = rclpy.create_node("talker", context=ros_context)
    pub = node.create_publisher(String, f"{P}/instruction", EVENTS)
    heard: list[str] = []
    node.create_subscription(String, f"{P}/instruction", lambda m: heard.append(m.data), EVENTS)
    with spinning(ros_context, node):
        rec = start_node("dart_planner.bag.recorder", "--ros-args", "-p", f"output:={tmp_path / 'bag'}",
                         "-p", f"namespace:={NS}", "-p", "storage:=sqlite3", "-p", "camera:=false",
                         "-p", "duration:=30.0")
        assert wait_for(lambda: pub.get_subscription_count() >= 2, 10.0), rec.output()  # us + recorder
        for k in range(8):
            pub.publish(String(data=f"step {k}"))
            time.sleep(0.03)
        time.sleep(0.3)
        assert rec.stop() == 0, rec.output()
        with open_bag(tmp_path / "bag") as bag:
            assert bag.format is BagFormat.SQLITE3
            assert bag.topics[f"{P}/instruction"].count == 8
        heard.clear()
        rep = start_node("dart_planner.bag.replayer", "--ros-args", "-p", f"bag:={tmp_path / 'bag'}",
                         "-p", "rate:=4.0", "-p", "wait_for_subscribers:=10.0")
        assert wait_for(lambda: not rep.alive(), 15.0), rep.output()
        assert rep.proc.returncode == 0, rep.output()
        assert wait_for(lambda: len(heard) == 8, 2.0)
    assert heard == [f"step {k}" for k in range(8)]
    bad = start_node("dart_planner.bag.replayer", "--ros-args", "-p", f"bag:={tmp_path / 'missing'}")
    assert wait_for(lambda: not bad.alive(), 15.0)
    assert bad.proc.returncode == 1 and "no bag at" in bad.output()
