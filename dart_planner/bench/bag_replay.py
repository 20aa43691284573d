"""Replay timing of a long bag: does a 10-minute run replay at 10x in about a minute, on time?

Workload: a synthetic bag of a 10-minute run of the shipped fleet size (6 robots' odometry at
20 Hz, plan status at 2 Hz, a task graph, and top-down camera images at 1 Hz), written with
:class:`~dart_planner.bag.io.BagWriter`. It is replayed at 10x by
:class:`~dart_planner.bag.replayer.BagReplayer` into a live subscriber that runs in its own
process (so it does not share the replayer's GIL, as a node under test would not), on a
private ROS domain with localhost discovery.

Reported: wall time, achieved factor (recorded seconds per wall second), the publish timing
error (publish time minus scheduled time) and the delivery error at the subscriber (receive
time minus scheduled time; both clocks are CLOCK_MONOTONIC of this machine), p50/p95/max,
and messages lost. Baseline in the same run: the first ``baseline_seconds`` of the bag
replayed the naive way (sleep for each gap between consecutive messages / rate, then
publish: every late wake-up and every publish cost shifts all later messages), alternated
``pairs`` times with the same window replayed by our schedule, so a change in machine load
hits both alike; the ratio is the median over pairs of the baseline's p95 over ours.
``--spin-margin-us`` replays ours with sleep-then-spin instead of sleeping only.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import random
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["ReplayTiming", "BagReplayBench", "write_synthetic_bag", "bench_bag_replay", "main"]

S = 1_000_000_000
NS = "dart_bench"
"""Topic namespace of the synthetic run: nothing else on a shared domain publishes there."""


@dataclass(frozen=True)
class ReplayTiming:
    label: str
    messages: int
    delivered: int
    """Messages the subscriber process received (reliable topics: must equal ``messages``)."""
    wall_s: float
    bag_span_s: float
    rate: float
    achieved_factor: float
    publish_p50_ms: float
    publish_p95_ms: float
    publish_max_ms: float
    delivery_p50_ms: float
    delivery_p95_ms: float
    delivery_max_ms: float


@dataclass(frozen=True)
class BagReplayBench:
    bag_minutes: float
    bag_messages: int
    bag_mb: float
    write_s: float
    storage: str
    replay: ReplayTiming
    window: tuple[ReplayTiming, ...]
    """Our schedule over the bag's first ``baseline_seconds``, alternating with the baseline."""
    baseline: tuple[ReplayTiming, ...]
    """Naive relative-sleep replay of the same window."""
    load_avg: tuple[float, float]
    """1-minute load average before and after (timing on a busy machine is worse; say so)."""
    cpus: int

    @property
    def p95_ratio_to_baseline(self) -> float | None:
        """Median over pairs of the naive replay's publish p95 / ours (what the fixed schedule buys)."""
        ratios = [b.publish_p95_ms / w.publish_p95_ms for w, b in zip(self.window, self.baseline)
                  if w.publish_p95_ms > 0]
        return float(np.median(ratios)) if ratios else None


def write_synthetic_bag(path: Path, minutes: float = 10.0, robots: int = 6, odom_hz: float = 20.0,
                        status_hz: float = 2.0, image_hz: float = 1.0, image_size: tuple[int, int] = (160, 120),
                        storage: str = "mcap", seed: int = 0) -> int:
    """Write the benchmark bag; returns its message count. Needs rclpy's message packages."""
    from nav_msgs.msg import Odometry
    from sensor_msgs.msg import Image
    from std_msgs.msg import String

    from ..bag.convert import qos_to_bag, to_cdr
    from ..bag.io import BagWriter
    from ..core.envelope import encode
    from ..nodes.qos import LATCHED, SENSOR, STATUS

    rng = random.Random(seed)
    t0 = 1_750_000_000 * S
    end = t0 + int(minutes * 60 * S)
    events: list[tuple[int, str, bytes]] = []
    for r in range(robots):
        x, y, yaw = rng.uniform(-20, 20), rng.uniform(-20, 20), 0.0
        phase = int(r * S / odom_hz / robots)  # robots' timers are not aligned
        for k in range(int(minutes * 60 * odom_hz)):
            stamp = t0 + phase + int(k * S / odom_hz)
            yaw += rng.uniform(-0.05, 0.05)
            x, y = x + 0.05 * math.cos(yaw), y + 0.05 * math.sin(yaw)
            m = Odometry()
            m.header.stamp.sec, m.header.stamp.nanosec = divmod(stamp, S)
            m.header.frame_id, m.child_frame_id = "map", f"robot_{r}"
            m.pose.pose.position.x, m.pose.pose.position.y = x, y
            m.pose.pose.orientation.z, m.pose.pose.orientation.w = math.sin(yaw / 2), math.cos(yaw / 2)
            m.twist.twist.linear.x = 0.5
            events.append((stamp, f"/{NS}_robot_{r}/odom", to_cdr(m)))
    graph = encode("task_graph", {"plan_id": "bench-plan", "instruction": "move all soil to the dump area",
                                  "plan": {"tasks": [{"task": f"t{i}"} for i in range(12)]}})
    events.append((t0, f"/{NS}/task_graph", to_cdr(String(data=graph))))
    for k in range(int(minutes * 60 * status_hz)):
        stamp = t0 + int(k * S / status_hz)
        status = {"plan_id": "bench-plan", "state": "active" if stamp < end - S else "succeeded",
                  "subtasks": [{"task_id": f"t{i}", "state": "running", "progress": rng.random()} for i in range(12)]}
        events.append((stamp, f"/{NS}/plan_status", to_cdr(String(data=encode("plan_status", status)))))
    w, h = image_size
    for k in range(int(minutes * 60 * image_hz)):
        stamp = t0 + int((k + 0.5) * S / image_hz)
        img = Image(height=h, width=w, encoding="rgb8", step=3 * w)
        img.data = np.random.default_rng(k).integers(0, 255, size=h * w * 3, dtype=np.uint8).tobytes()
        events.append((stamp, f"/{NS}/camera/image", to_cdr(img)))
    events.sort(key=lambda e: e[0])
    qos = {f"/{NS}/task_graph": [qos_to_bag(LATCHED)], f"/{NS}/plan_status": [qos_to_bag(STATUS)]}
    types = {f"/{NS}/task_graph": "std_msgs/msg/String", f"/{NS}/plan_status": "std_msgs/msg/String",
             f"/{NS}/camera/image": "sensor_msgs/msg/Image"}
    with BagWriter(path, storage) as bag:
        for topic in sorted({e[1] for e in events}):
            bag.add_topic(topic, types.get(topic, "nav_msgs/msg/Odometry"), qos.get(topic, [qos_to_bag(SENSOR)]))
        for stamp, topic, data in events:
            bag.write(topic, stamp, data)
    return len(events)


def _subscriber_process(topics: dict[str, str], latched: list[str], best_effort: list[str], conn: Any,
                        domain: int) -> None:
    """Child process: subscribe to every topic (raw, with the QoS a node would use), log receive times.

    Commands on ``conn``: "collect" (drain briefly, send the arrivals so far, start afresh), "quit".
    """
    import rclpy
    from rclpy.context import Context
    from rclpy.executors import SingleThreadedExecutor
    from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy

    from ..bag.convert import message_class

    ctx = Context()
    rclpy.init(context=ctx, domain_id=domain)
    node = rclpy.create_node("bench_listener", context=ctx)
    arrivals: dict[str, list[int]] = {t: [] for t in topics}
    for topic, msgtype in topics.items():
        qos = QoSProfile(depth=1000, reliability=ReliabilityPolicy.BEST_EFFORT if topic in best_effort
                         else ReliabilityPolicy.RELIABLE,
                         durability=DurabilityPolicy.TRANSIENT_LOCAL if topic in latched
                         else DurabilityPolicy.VOLATILE)
        node.create_subscription(message_class(msgtype), topic,
                                 lambda _data, t=topic: arrivals[t].append(time.monotonic_ns()), qos, raw=True)
    executor = SingleThreadedExecutor(context=ctx)
    executor.add_node(node)
    conn.send("ready")
    while True:
        executor.spin_once(timeout_sec=0.01)
        if not conn.poll():
            continue
        command = conn.recv()
        if command == "quit":
            break
        end = time.monotonic() + 0.5  # drain what is still in flight
        while time.monotonic() < end:
            executor.spin_once(timeout_sec=0.01)
        conn.send(arrivals)
        arrivals = {t: [] for t in topics}
    executor.shutdown()
    node.destroy_node()
    rclpy.try_shutdown(context=ctx)


def _naive_play(node: Any, on_publish: Any, stop: threading.Event) -> Any:
    """The baseline: sleep for each recorded gap / rate, then publish (errors accumulate)."""
    from ..bag.replayer import ReplayReport

    t0 = time.monotonic_ns()
    previous: int | None = None
    errors: list[int] = []
    last = node.origin_ns
    for msg in node.reader.messages(node.selected, start_ns=node.origin_ns):
        if stop.is_set():
            break
        if previous is not None:
            time.sleep(max(0.0, (msg.stamp_ns - previous) / node.rate / 1e9))
        previous = msg.stamp_ns
        now = time.monotonic_ns()
        node.publishers_by_topic[msg.topic].publish(msg.data)
        errors.append(now - (t0 + int((msg.stamp_ns - node.origin_ns) / node.rate)))
        last = msg.stamp_ns
        on_publish(msg, now)
    ms = np.asarray(errors or [0], dtype=np.float64) / 1e6
    return ReplayReport(messages=len(errors), loops=1, wall_s=(time.monotonic_ns() - t0) / 1e9,
                        bag_span_s=(last - node.origin_ns) / 1e9, rate=node.rate, t0_ns=t0,
                        error_p50_ms=float(np.percentile(ms, 50)), error_p95_ms=float(np.percentile(ms, 95)),
                        error_max_ms=float(ms.max()))


class _Session:
    """One subscriber process and one rclpy context for every replay of the benchmark."""

    def __init__(self, bag: Path, domain: int) -> None:
        import rclpy
        from rclpy.context import Context

        from ..bag.io import open_bag
        from ..bag.replayer import replay_qos

        self.bag = bag
        with open_bag(bag) as reader:
            self.topics = {t: r.msgtype for t, r in reader.topics.items()}
            offered = {t: replay_qos(r) for t, r in reader.topics.items()}
        self.latched = [t for t, q in offered.items() if q.durability.name == "TRANSIENT_LOCAL"]
        best_effort = [t for t, q in offered.items() if q.reliability.name == "BEST_EFFORT"]
        spawn = mp.get_context("spawn")
        self.conn, child_conn = spawn.Pipe()
        self.child = spawn.Process(target=_subscriber_process,
                                   args=(self.topics, self.latched, best_effort, child_conn, domain))
        self.child.start()
        self.ctx = Context()
        rclpy.init(context=self.ctx, domain_id=domain)
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            self.close()
            raise RuntimeError("subscriber process did not start")

    def close(self) -> None:
        import rclpy

        rclpy.try_shutdown(context=self.ctx)
        if self.child.is_alive():
            self.conn.send("quit")
            self.child.join(30)

    def replay(self, label: str, rate: float, naive: bool, stop_after_s: float | None,
               spin_margin_s: float = 0.0) -> ReplayTiming:
        from ..bag.replayer import BagReplayer

        node = BagReplayer(self.bag, rate=rate, context=self.ctx, verify=False, spin_margin_s=spin_margin_s)
        try:
            if not node.wait_for_subscribers(1, 20.0):
                raise RuntimeError("subscriber process did not match every topic")
            published: dict[str, list[int]] = {t: [] for t in self.topics}
            origin = node.origin_ns
            cut = None if stop_after_s is None else origin + int(stop_after_s * S)
            stop_replay = threading.Event()

            def on_publish(msg: Any, _now: int) -> None:
                published[msg.topic].append(msg.stamp_ns)
                if cut is not None and msg.stamp_ns >= cut:
                    stop_replay.set()

            report = (_naive_play(node, on_publish, stop_replay) if naive
                      else node.play(on_publish=on_publish, stop=stop_replay))
        finally:
            node.destroy_node()
        self.conn.send("collect")
        arrivals: dict[str, list[int]] = self.conn.recv()
        delivery: list[float] = []
        delivered = 0
        for topic, stamps in published.items():
            got = arrivals.get(topic, [])
            delivered += min(len(got), len(stamps))
            if topic in self.latched:
                continue  # a latched history may arrive before the schedule starts
            for stamp, recv in zip(stamps, got):
                delivery.append((recv - (report.t0_ns + int((stamp - origin) / rate))) / 1e6)
        d = np.asarray(delivery or [math.nan])
        return ReplayTiming(
            label=label, messages=report.messages, delivered=delivered, wall_s=report.wall_s,
            bag_span_s=report.bag_span_s, rate=rate, achieved_factor=report.achieved_factor,
            publish_p50_ms=report.error_p50_ms, publish_p95_ms=report.error_p95_ms,
            publish_max_ms=report.error_max_ms, delivery_p50_ms=float(np.percentile(d, 50)),
            delivery_p95_ms=float(np.percentile(d, 95)), delivery_max_ms=float(np.max(d)))


def bench_bag_replay(minutes: float = 10.0, rate: float = 10.0, storage: str = "mcap",
                     baseline_seconds: float | None = 30.0, pairs: int = 2, image_hz: float = 1.0,
                     workdir: Path | None = None, domain: int | None = None,
                     spin_margin_s: float = 0.0) -> BagReplayBench:
    os.environ["ROS_AUTOMATIC_DISCOVERY_RANGE"] = "LOCALHOST"
    if domain is None:
        env = os.environ.get("ROS_DOMAIN_ID", "")
        domain = int(env) if env.isdigit() else random.Random(os.getpid()).randrange(150, 200)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="dart_bag_bench_") as tmp:
        work = workdir or Path(tmp)
        bag = work / f"synthetic_{minutes:g}min_{storage}"
        started = time.monotonic()
        count = write_synthetic_bag(bag, minutes=minutes, image_hz=image_hz, storage=storage)
        write_s = time.monotonic() - started
        size_mb = sum(f.stat().st_size for f in bag.iterdir()) / 1e6
        session = _Session(bag, domain)
        try:
            replay = session.replay("full", rate, naive=False, stop_after_s=None, spin_margin_s=spin_margin_s)
            window: list[ReplayTiming] = []
            baseline: list[ReplayTiming] = []
            for k in range(pairs if baseline_seconds else 0):
                window.append(session.replay(f"window_{k}", rate, naive=False, stop_after_s=baseline_seconds,
                                             spin_margin_s=spin_margin_s))
                baseline.append(session.replay(f"naive_{k}", rate, naive=True, stop_after_s=baseline_seconds))
        finally:
            session.close()
        return BagReplayBench(minutes, count, size_mb, write_s, storage, replay, tuple(window), tuple(baseline),
                              (load_before, os.getloadavg()[0]), os.cpu_count() or 1)


def main(argv: list[str] | None = None) -> int:
    """``python -m dart_planner.bench.bag_replay [--minutes 10] [--rate 10] [--format mcap]``: JSON report."""
    parser = argparse.ArgumentParser(prog="dart-planner bench bag-replay", description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="recorded length of the synthetic bag")
    parser.add_argument("--rate", type=float, default=10.0, help="replay speed factor")
    parser.add_argument("--format", dest="storage", choices=["mcap", "sqlite3"], default="mcap")
    parser.add_argument("--baseline-seconds", type=float, default=30.0,
                        help="recorded seconds replayed sleep-only as the baseline (0: skip)")
    parser.add_argument("--pairs", type=int, default=2, help="alternations of our schedule and the baseline")
    parser.add_argument("--spin-margin-us", type=float, default=0.0,
                        help="spin this long before each deadline instead of sleeping (default 0: sleep only)")
    parser.add_argument("--image-hz", type=float, default=1.0, help="camera images per recorded second")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the bag here (default: a temp dir)")
    args = parser.parse_args(argv)
    result = bench_bag_replay(args.minutes, args.rate, args.storage, args.baseline_seconds or None, args.pairs,
                              args.image_hz, args.workdir, spin_margin_s=args.spin_margin_us / 1e6)
    print(json.dumps({**asdict(result), "p95_ratio_to_baseline": result.p95_ratio_to_baseline}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
