"""Replay a bag into a live ROS graph with its recorded timing.

Message ``i`` is published at ``t0 + (stamp_i - origin) / rate`` on the monotonic clock:
a fixed schedule, so one late message never shifts the ones after it (no drift, unlike
sleeping for each inter-message gap). The wait sleeps until the deadline; it can spin on the
clock for the last ``spin_margin_s`` before it (sleep-then-spin), but that is off by default
because measurements showed it hurts exactly where timing matters: on an idle machine a
sleep ends ~0.1 ms late anyway, while on a loaded one a process that spins is runnable
and gets preempted by the scheduler for a whole time slice, whereas a process waking from
sleep is run at once. Measured replaying the benchmark's synthetic bag at 10x (1,230 msg/s)
into a subscriber process, load 6-8 on 2 cores, publish p95 in 3 alternating rounds: sleep
only 0.51/0.70/0.53 ms; spin 0.1 ms 1.75/0.11/1.30; spin 0.3 ms 1.20/3.83/2.06; spin 2 ms
2.93/5.76/0.09 ms (``dart_planner.bench.bag_replay --spin-margin-us`` repeats it).

Messages are published serialized (``publish`` of the CDR bytes), so no Python message
object is built. Each topic is offered with the QoS its
publishers had when recorded (latched topics transient-local, so a node started after the
replay still gets the last plan), falling back to the stack's known delivery by topic name.

Everything that can make a replay fail (unknown types, a corrupt bag, nothing selected) is
checked before the first message goes out.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rclpy.context import Context
from rclpy.node import Node
from rclpy.publisher import Publisher
from rclpy.qos import DurabilityPolicy, HistoryPolicy, QoSProfile, ReliabilityPolicy

from ..nodes.params import Param, declare_params
from .convert import message_class, qos_from_bag
from .errors import BagError, EmptyBagError
from .io import BagMessage, BagReader, TopicRecord, open_bag
from .selection import delivery_hint

__all__ = ["ReplayReport", "BagReplayer", "replay_qos", "main"]

GIL_SWITCH_INTERVAL_S = 0.0005
"""GIL switch interval while playing (Python's default is 5 ms, longer than the timing budget)."""
_MAX_SLEEP_S = 0.1
"""Sleep in slices at most this long, so a stop request is honoured promptly."""


def replay_qos(record: TopicRecord) -> QoSProfile:
    """The QoS to offer a recorded topic: its publishers' (the strongest of them), else by name.

    Transient-local when any recorded publisher was (a late subscriber must still get the
    latched value). Reliable unless all recorded publishers were best effort: a reliable
    publisher serves reliable and best-effort subscribers alike, so without a record it is
    the safe choice. Discovery does not convey history
    depth (recorded as 0), so a latched topic keeps the stack's depth for it (its history is
    its meaning: 1 for plans, 10 for plan status) or 1; other topics get at least 10.
    """
    hint = delivery_hint(record.name)
    if record.offered_qos:
        profiles = [qos_from_bag(q) for q in record.offered_qos]
        latched = any(q.durability == DurabilityPolicy.TRANSIENT_LOCAL for q in profiles)
        best_effort = all(q.reliability == ReliabilityPolicy.BEST_EFFORT for q in profiles)
        depth = max(q.depth for q in profiles)
    else:
        latched, best_effort, depth = hint.transient_local, False, hint.depth
    if latched and depth <= 1:
        depth = hint.depth if hint.transient_local else 1
    return QoSProfile(
        history=HistoryPolicy.KEEP_LAST,
        depth=max(1, depth) if latched else max(10, depth),
        reliability=ReliabilityPolicy.BEST_EFFORT if best_effort else ReliabilityPolicy.RELIABLE,
        durability=DurabilityPolicy.TRANSIENT_LOCAL if latched else DurabilityPolicy.VOLATILE,
    )


@dataclass(frozen=True)
class ReplayReport:
    """What a replay did and how closely it kept the recorded timing."""

    messages: int
    loops: int
    wall_s: float
    bag_span_s: float
    """Recorded time covered (after the start offset), summed over loops."""
    rate: float
    t0_ns: int
    """Monotonic time (``time.monotonic_ns``) that the first loop's schedule starts from."""
    error_p50_ms: float
    error_p95_ms: float
    error_max_ms: float
    """Publish time minus scheduled time (never negative: nothing goes out early)."""
    counts: dict[str, int] = field(default_factory=dict)
    stopped: bool = False

    @property
    def achieved_factor(self) -> float:
        """Recorded seconds replayed per wall second (the requested rate if timing held)."""
        return self.bag_span_s / self.wall_s if self.wall_s > 0 else float("inf")


class BagReplayer(Node):
    """A node that republishes a bag.

    Parameters
    ----------
    bag
        Bag folder or storage file.
    rate
        Playback speed factor (2.0 = twice as fast as recorded).
    start_offset_s
        Skip the first seconds of the bag.
    topics
        Replay only these topics (default: all).
    verify
        Read the whole selection once before publishing so a damaged bag fails before the
        first message goes out, not half-way.
    spin_margin_s
        Spin (instead of sleeping) this long before each deadline; 0 (default) sleeps only,
        see the module notes for why.

    Raises
    ------
    BagError
        Unreadable bag, an unknown topic in ``topics``, a message type not installed
        (:class:`UnknownMessageTypeError`), or nothing to replay (:class:`EmptyBagError`).
    """

    def __init__(self, bag: str | Path | None = None, *, rate: float = 1.0, start_offset_s: float = 0.0,
                 topics: Collection[str] | None = None, verify: bool = True, spin_margin_s: float = 0.0,
                 node_name: str = "dart_bag_replayer", context: Context | None = None,
                 **node_kwargs: Any) -> None:
        super().__init__(node_name, context=context, **node_kwargs)
        # Arguments are the parameters' defaults; --ros-args overrides (a launch file) win.
        try:
            bag, rate, start_offset_s, topics = self._declare_parameters(bag, rate, start_offset_s, topics)
            self.reader, self.selected, classes = self._open(bag, rate, start_offset_s, topics, verify)
        except BaseException:
            super().destroy_node()  # nothing was advertised: a failure leaves the graph untouched
            raise
        self.rate = float(rate)
        self.spin_margin_ns = max(0, int(spin_margin_s * 1e9))
        """How long before each deadline sleeping stops and spinning starts (0: sleep only)."""
        self.publishers_by_topic: dict[str, Publisher[Any]] = {
            t: self.create_publisher(classes[t], t, replay_qos(self.reader.topics[t])) for t in self.selected}

    def _declare_parameters(self, bag: str | Path | None, rate: float, start_offset_s: float,
                            topics: Collection[str] | None) -> tuple[str, float, float, list[str]]:
        # String arrays get [""] rather than [] as "none": an empty default would type them as bytes.
        p = declare_params(self, [
            Param("bag", str(bag or ""), "Bag folder or .mcap/.db3 file to replay."),
            Param("rate", float(rate), "Playback speed factor (2.0 = twice as fast as recorded)."),
            Param("start_offset", float(start_offset_s), "Skip the bag's first seconds."),
            Param("topics", list(topics) if topics else [""], "Replay only these topics (empty: all)."),
            Param("loop", False, "Start over after the last message (entry point only)."),
            Param("wait_for_subscribers", 3.0,
                  "Seconds to wait for a subscriber on every topic before starting (entry point only; "
                  "discovering a running graph can take ~3 s)."),
        ])
        if not p["bag"]:
            raise BagError("no bag given (parameter 'bag')")
        return p["bag"], float(p["rate"]), float(p["start_offset"]), [t for t in p["topics"] if t]

    def _open(self, bag: str, rate: float, start_offset_s: float, topics: list[str],
              verify: bool) -> tuple[BagReader, tuple[str, ...], dict[str, type[Any]]]:
        if not rate > 0 or rate != rate or rate == float("inf"):
            raise BagError(f"replay rate must be a positive finite number, got {rate}")
        if start_offset_s < 0:
            raise BagError(f"start offset must be >= 0 s, got {start_offset_s}")
        reader = open_bag(bag)
        try:
            selected = sorted(reader.topics) if not topics else sorted({"/" + t.strip("/") for t in topics})
            missing = [t for t in selected if t not in reader.topics]
            if missing:
                raise BagError(f"{reader.path} has no topic {', '.join(missing)} "
                               f"(it has: {', '.join(sorted(reader.topics)) or 'none'})")
            classes = {t: message_class(reader.topics[t].msgtype, t) for t in selected}
            self.origin_ns = reader.start_ns + int(round(start_offset_s * 1e9))
            count = sum(reader.topics[t].count for t in selected)
            if count == 0:
                raise EmptyBagError(f"{reader.path}: no messages on {', '.join(selected) or 'any topic'}")
            if reader.message_count and self.origin_ns > reader.end_ns:
                raise EmptyBagError(f"{reader.path}: start offset {start_offset_s} s is past the bag's end "
                                    f"({reader.duration_ns / 1e9:.3f} s)")
            if verify:
                reader.verify()
        except BaseException:
            reader.close()
            raise
        return reader, tuple(selected), classes

    def destroy_node(self) -> None:
        self.reader.close()
        super().destroy_node()

    def wait_for_subscribers(self, minimum: int = 1, timeout_s: float = 5.0,
                             topics: Collection[str] | None = None) -> bool:
        """Wait until each topic (default: all replayed) has ``minimum`` matched subscriptions.

        Volatile messages published before discovery completes reach nobody; a test or a
        launch that starts nodes and the replay together waits here first.
        """
        wanted = [self.publishers_by_topic[t] for t in (topics or self.selected)]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if all(p.get_subscription_count() >= minimum for p in wanted):
                return True
            time.sleep(0.005)
        return all(p.get_subscription_count() >= minimum for p in wanted)

    def play(self, *, loop: bool = False, max_loops: int | None = None, stop: threading.Event | None = None,
             on_publish: Callable[[BagMessage, int], None] | None = None) -> ReplayReport:
        """Publish the selection with recorded timing; returns when done, stopped, or the context ends.

        ``on_publish(message, publish_time_ns)`` is called after each publish (tests, progress).
        With ``loop`` the bag restarts right after its last message, ``max_loops`` times (None:
        until stopped).
        """
        # Python threads in this process (an executor spinning subscribers, a recorder) hold the GIL
        # for up to the switch interval (5 ms) when the schedule wants it back; shorten it while we play.
        switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(switch_interval, GIL_SWITCH_INTERVAL_S))
        try:
            return self._play(loop, max_loops, stop, on_publish)
        finally:
            sys.setswitchinterval(switch_interval)

    def _play(self, loop: bool, max_loops: int | None, stop: threading.Event | None,
              on_publish: Callable[[BagMessage, int], None] | None) -> ReplayReport:
        errors: list[int] = []
        counts: dict[str, int] = dict.fromkeys(self.selected, 0)
        loops = 0
        span_ns = 0
        stopped = False
        first_t0 = time.monotonic_ns()
        t0 = first_t0
        rate = self.rate
        while True:
            last_stamp = self.origin_ns
            for msg in self.reader.messages(self.selected, start_ns=self.origin_ns):
                target = t0 + int((msg.stamp_ns - self.origin_ns) / rate)
                if not self._wait_until(target, stop):
                    stopped = True
                    break
                now = time.monotonic_ns()
                self.publishers_by_topic[msg.topic].publish(msg.data)
                errors.append(now - target)
                counts[msg.topic] += 1
                last_stamp = msg.stamp_ns
                if on_publish is not None:
                    on_publish(msg, now)
            loops += 1
            span_ns += last_stamp - self.origin_ns
            if stopped or not loop or (max_loops is not None and loops >= max_loops):
                break
            t0 = time.monotonic_ns()
        wall_s = (time.monotonic_ns() - first_t0) / 1e9
        arr = np.asarray(errors, dtype=np.float64) / 1e6 if errors else np.zeros(1)
        return ReplayReport(
            messages=len(errors), loops=loops, wall_s=wall_s, bag_span_s=span_ns / 1e9, rate=rate,
            t0_ns=first_t0,
            error_p50_ms=float(np.percentile(arr, 50)), error_p95_ms=float(np.percentile(arr, 95)),
            error_max_ms=float(arr.max()), counts=counts, stopped=stopped)

    def _wait_until(self, target_ns: int, stop: threading.Event | None) -> bool:
        """Sleep, then spin, until ``target_ns``; False if asked to stop or the context ended."""
        while True:
            remaining = target_ns - time.monotonic_ns()
            if remaining <= self.spin_margin_ns:
                break
            if (stop is not None and stop.is_set()) or not self.context.ok():
                return False
            time.sleep(min((remaining - self.spin_margin_ns) / 1e9, _MAX_SLEEP_S))
        while time.monotonic_ns() < target_ns:
            time.sleep(0)  # yields the GIL, so subscribers in this process keep running while we spin
        return not (stop is not None and stop.is_set()) and self.context.ok()


def main(args: list[str] | None = None) -> None:
    """Entry point: ``bag_replayer --ros-args -p bag:=run1 -p rate:=2.0 -p loop:=true``.

    Replays once (or until stopped with ``loop``) and exits; Ctrl-C/SIGTERM stop it cleanly.
    """
    import rclpy
    from rclpy.signals import SignalHandlerOptions

    from .signals import stop_on_signals

    rclpy.init(args=args, signal_handler_options=SignalHandlerOptions.NO)
    node: BagReplayer | None = None
    try:
        with stop_on_signals(threading.Event()) as stop:
            node = BagReplayer()
            wait = float(node.get_parameter("wait_for_subscribers").value)
            if wait > 0 and not node.wait_for_subscribers(1, wait):
                node.get_logger().warning("not every topic has a subscriber; replaying anyway")
            report = node.play(loop=bool(node.get_parameter("loop").value), stop=stop)
            node.get_logger().info(
                f"{report.messages} messages in {report.wall_s:.2f} s (x{report.achieved_factor:.2f}); "
                f"timing error p50 {report.error_p50_ms:.3f} ms, p95 {report.error_p95_ms:.3f} ms")
    except BagError as exc:
        print(f"bag_replayer: {exc}", file=sys.stderr)
        raise SystemExit(1) from exc
    finally:
        if node is not None:
            node.destroy_node()
        rclpy.try_shutdown()


if __name__ == "__main__":
    main()
