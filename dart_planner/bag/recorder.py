"""Record the stack's topics into a rosbag2 bag from a live ROS graph.

Subscriptions are serialized (``raw=True``): bytes go from DDS into the bag without a
Python message object, which keeps the recorder cheap at sensor rates. Like ``ros2 bag
record``, a topic is subscribed once it has a publisher, with QoS adapted to what its
publishers offer (reliable only if all of them are; transient-local only if all of them
are, so latched plans recorded late are still captured while a volatile publisher never
gets an incompatible subscription), and the offered QoS is stored in the bag for replay.
Each message is stamped with its receive time: the middleware's reception timestamp when
the node runs on the system clock (free of executor latency), else the node clock (sim time).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rclpy
from rclpy.context import Context
from rclpy.executors import ExternalShutdownException, SingleThreadedExecutor
from rclpy.node import Node
from rclpy.qos import DurabilityPolicy, HistoryPolicy, QoSProfile, ReliabilityPolicy
from rclpy.signals import SignalHandlerOptions
from rclpy.subscription import MessageInfo, Subscription

from ..core.fleet import Fleet
from ..nodes.params import Param, declare_params
from .convert import message_class, qos_to_bag
from .errors import BagError, UnknownMessageTypeError
from .io import BagFormat, BagWriter
from .selection import stack_topics
from .signals import stop_on_signals

__all__ = ["BagRecorder", "RecordReport", "record", "adapted_qos", "main"]

SUBSCRIPTION_DEPTH = 1000
"""Deep enough that a burst (a latched history, a sensor spike) is not dropped while writing."""


def adapted_qos(offered: Iterable[QoSProfile]) -> QoSProfile:
    """The subscription QoS compatible with every offered profile and as strong as they allow."""
    offered = list(offered)
    reliable = bool(offered) and all(q.reliability == ReliabilityPolicy.RELIABLE for q in offered)
    latched = bool(offered) and all(q.durability == DurabilityPolicy.TRANSIENT_LOCAL for q in offered)
    return QoSProfile(
        history=HistoryPolicy.KEEP_LAST,
        depth=SUBSCRIPTION_DEPTH,
        reliability=ReliabilityPolicy.RELIABLE if reliable else ReliabilityPolicy.BEST_EFFORT,
        durability=DurabilityPolicy.TRANSIENT_LOCAL if latched else DurabilityPolicy.VOLATILE,
    )


class BagRecorder(Node):
    """A node that writes the wanted topics into a bag.

    Parameters
    ----------
    writer
        An open bag; the recorder adds topics as it subscribes, the caller closes it. Without
        one (the ``bag_recorder`` entry point) the node opens its own from its parameters
        (``output``, ``storage``, ``namespace``, ``fleet``, ``robots``, ``camera``,
        ``extra_topics``) and closes it in :meth:`destroy_node`.
    topics
        Absolute topic name -> expected ROS type, or ``None`` to take the type from the graph
        (see :func:`dart_planner.bag.selection.stack_topics`).
    discovery_period_s
        How often the graph is checked for publishers of topics not yet subscribed.
    """

    def __init__(self, writer: BagWriter | None = None, topics: Mapping[str, str | None] | None = None, *,
                 node_name: str = "dart_bag_recorder", discovery_period_s: float = 0.1,
                 context: Context | None = None, **node_kwargs: Any) -> None:
        super().__init__(node_name, context=context, **node_kwargs)
        self._owns_writer = writer is None
        if writer is None or topics is None:
            try:
                writer, topics = self._from_parameters(writer, topics)
            except BaseException:
                super().destroy_node()
                raise
        self.writer = writer
        self.wanted = dict(topics)
        self.counts: dict[str, int] = {}
        self.dropped = 0
        """Messages that could not be written (after a storage failure or once the bag was closed)."""
        self.skipped: dict[str, str] = {}
        """Topics that will not be recorded, with the reason (type mismatch, unknown type)."""
        self._subs: dict[str, Subscription[Any]] = {}
        self._use_receive_stamp = not self.get_parameter("use_sim_time").value
        self.discover()
        self._timer = self.create_timer(discovery_period_s, self.discover)

    def _from_parameters(self, writer: BagWriter | None, topics: Mapping[str, str | None] | None
                         ) -> tuple[BagWriter, Mapping[str, str | None]]:
        # String arrays get [""] rather than [] as "none": an empty default would type them as bytes.
        p = declare_params(self, [
            Param("output", "", "Bag folder to create (must not exist)."),
            Param("storage", BagFormat.MCAP.value, "Storage plugin: mcap or sqlite3."),
            Param("namespace", "dart", "Planner namespace."),
            Param("fleet", "", "Fleet YAML whose robots' topics are recorded (default: the shipped one)."),
            Param("robots", [""], "Robot namespaces to record instead of the fleet's (empty: the fleet's)."),
            Param("camera", True, "Record the site camera image and camera info."),
            Param("extra_topics", [""], "More topics to record (their type is taken from the graph)."),
            Param("duration", 0.0, "Stop after this many seconds, 0: until shut down (entry point only)."),
        ])
        if topics is None:
            from ..core.fleet import load_fleet
            from ..resources import default_fleet_path

            robots = [r for r in p["robots"] if r]
            fleet: Fleet | list[str] = robots or load_fleet(p["fleet"] or default_fleet_path())
            topics = stack_topics(p["namespace"], fleet, camera=bool(p["camera"]),
                                  extra=[t for t in p["extra_topics"] if t])
        if writer is None:
            if not p["output"]:
                raise BagError("no output bag given (parameter 'output')")
            writer = BagWriter(p["output"], p["storage"]).open()
        return writer, topics

    def destroy_node(self) -> None:
        super().destroy_node()
        if self._owns_writer:
            self.writer.close()

    @property
    def subscribed(self) -> tuple[str, ...]:
        return tuple(self._subs)

    def discover(self) -> None:
        """Subscribe to every wanted topic that has publishers and no subscription yet."""
        for topic, expected in self.wanted.items():
            if topic in self._subs or topic in self.skipped:
                continue
            infos = [i for i in self.get_publishers_info_by_topic(topic) if i.node_name != self.get_name()]
            if not infos:
                continue
            types = {i.topic_type for i in infos}
            if len(types) != 1:
                self._skip(topic, f"publishers disagree on the type: {sorted(types)}")
                continue
            msgtype = types.pop()
            if expected is not None and msgtype != expected:
                self._skip(topic, f"published as {msgtype}, expected {expected}")
                continue
            try:
                cls = message_class(msgtype, topic)
                offered = [i.qos_profile for i in infos]
                self.writer.add_topic(topic, msgtype, [qos_to_bag(q) for q in offered])
            except UnknownMessageTypeError as exc:
                self._skip(topic, str(exc))
                continue
            self.counts[topic] = 0
            self._subs[topic] = self.create_subscription(
                cls, topic, self._make_callback(topic), adapted_qos(offered), raw=True)

    def _skip(self, topic: str, reason: str) -> None:
        self.skipped[topic] = reason
        self.get_logger().warning(f"not recording {topic}: {reason}")

    def _make_callback(self, topic: str) -> Callable[[bytes, MessageInfo], None]:
        def on_message(data: bytes, info: MessageInfo) -> None:
            stamp = info.get("received_timestamp") if self._use_receive_stamp else None
            if not stamp:
                stamp = self.get_clock().now().nanoseconds
            try:
                self.writer.write(topic, stamp, data)
            except BagError as exc:  # disk full, bag closed: report once, keep the executor alive
                self.dropped += 1
                if self.dropped == 1:
                    self.get_logger().error(f"recording stopped: {exc}")
                return
            self.counts[topic] += 1

        return on_message


@dataclass(frozen=True)
class RecordReport:
    path: Path
    format: BagFormat
    wall_s: float
    counts: dict[str, int]
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def message_count(self) -> int:
        return sum(self.counts.values())


def record(out: str | Path, fmt: BagFormat | str = BagFormat.MCAP, *, namespace: str = "dart",
           robots: Fleet | Iterable[str] = (), camera: bool = True, extra_topics: Iterable[str] = (),
           duration_s: float | None = None, stop: threading.Event | None = None,
           context: Context | None = None,
           on_ready: Callable[[BagRecorder], None] | None = None) -> RecordReport:
    """Record the stack's topics to ``out`` until ``duration_s`` passes, ``stop`` is set or Ctrl-C.

    The bag is closed (metadata written) however recording ends. With ``context=None`` rclpy is
    initialised here (and shut down after) without its own signal handlers: SIGINT/SIGTERM set
    ``stop`` instead (see :mod:`dart_planner.bag.signals`), so the bag is always closed.

    Raises
    ------
    BagError
        ``out`` exists or cannot be created.
    """
    topics = stack_topics(namespace, robots, camera=camera, extra=extra_topics)
    own_context = context is None
    ctx = Context() if context is None else context
    stop = stop or threading.Event()
    if own_context:
        rclpy.init(context=ctx, signal_handler_options=SignalHandlerOptions.NO)
    start = time.monotonic()
    try:
        with stop_on_signals(stop) if own_context else nullcontext(stop), BagWriter(out, fmt) as writer:
            node = BagRecorder(writer, topics, context=ctx)
            executor = SingleThreadedExecutor(context=ctx)
            executor.add_node(node)
            try:
                if on_ready is not None:
                    on_ready(node)
                deadline = None if duration_s is None else start + duration_s
                while ctx.ok() and not stop.is_set():
                    remaining = None if deadline is None else deadline - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        break
                    executor.spin_once(timeout_sec=0.05 if remaining is None else min(0.05, remaining))
            except (KeyboardInterrupt, ExternalShutdownException):
                pass  # the bag is closed below either way
            finally:
                executor.remove_node(node)
                executor.shutdown()
                counts, skipped = dict(node.counts), dict(node.skipped)
                node.destroy_node()
    finally:
        if own_context:
            rclpy.try_shutdown(context=ctx)
    if not Path(out).exists():
        raise BagError(f"recording to {out} produced no bag")
    return RecordReport(Path(out), BagFormat(fmt), time.monotonic() - start, counts, skipped)


def main(args: list[str] | None = None) -> None:
    """Entry point: ``bag_recorder --ros-args -p output:=run1 [-p storage:=sqlite3] [-p duration:=60.0]``.

    Records until ``duration`` passes or Ctrl-C/SIGTERM; the bag is always closed.
    """
    rclpy.init(args=args, signal_handler_options=SignalHandlerOptions.NO)
    node: BagRecorder | None = None
    stop = threading.Event()
    try:
        with stop_on_signals(stop):
            node = BagRecorder()
            duration = float(node.get_parameter("duration").value)
            deadline = time.monotonic() + duration if duration > 0 else None
            executor = SingleThreadedExecutor()
            executor.add_node(node)
            while rclpy.ok() and not stop.is_set() and (deadline is None or time.monotonic() < deadline):
                executor.spin_once(timeout_sec=0.05)
            executor.shutdown()
    except BagError as exc:
        print(f"bag_recorder: {exc}", file=sys.stderr)
        raise SystemExit(1) from exc
    finally:
        if node is not None:
            node.get_logger().info(f"recorded {sum(node.counts.values())} messages to {node.writer.path}")
            node.destroy_node()
        rclpy.try_shutdown()


if __name__ == "__main__":
    main()
