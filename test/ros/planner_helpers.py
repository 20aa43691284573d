"""Helpers for the planner-node tests: record JSON topics, publish, call services, run nodes.

Nodes under test run in their own MultiThreadedExecutor on a background thread (as they do
in production); the test node from ``conftest.ros_node`` records and drives them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from conftest import spin_until, spinning
from rclpy.executors import MultiThreadedExecutor
from rclpy.node import Node
from rclpy.parameter import Parameter
from rclpy.qos import QoSProfile
from std_msgs.msg import String
from std_srvs.srv import SetBool, Trigger

from dart_planner.core.envelope import encode
from dart_planner.core.plan import TaskGraph
from dart_planner.nodes.allocator_node import PLAN_QUEUE, AllocatorNode
from dart_planner.nodes.qos import EVENTS, LATCHED, STATUS

NS = "/dart"


class JsonRecorder:
    """Every message of a JSON String topic, decoded, with its arrival time."""

    def __init__(self, node: Node, topic: str, qos: QoSProfile):
        self.items: list[tuple[float, dict[str, Any]]] = []
        self.published: list[float] = []
        """Wall time (time.time()) each message was published at, from its DDS source timestamp:
        what latency figures use, because it does not include this test process's own delays."""
        node.create_subscription(String, topic, self._on, qos)

    def _on(self, msg: String, info: Any) -> None:
        try:
            payload = json.loads(msg.data)
        except ValueError:
            payload = {"_raw": msg.data}
        self.items.append((time.monotonic(), payload))
        self.published.append(info["source_timestamp"] / 1e9)

    @property
    def payloads(self) -> list[dict[str, Any]]:
        return [p for _, p in self.items]

    def last(self, pred: Callable[[dict[str, Any]], bool] = lambda p: True) -> dict[str, Any] | None:
        for _, p in reversed(self.items):
            if pred(p):
                return p
        return None


class PlannerProbe:
    """Publishers, recorders and service clients of the planner namespace on a test node."""

    def __init__(self, node: Node, ns: str = NS):
        self.node = node
        self.ns = ns
        self.instruction = node.create_publisher(String, f"{ns}/instruction", EVENTS)
        self.task_graph_pub = node.create_publisher(String, f"{ns}/task_graph", PLAN_QUEUE)
        self.objects_pub = node.create_publisher(String, f"{ns}/objects", LATCHED)
        self.replan_pub = node.create_publisher(String, f"{ns}/replan_request", EVENTS)
        self.task_graph = JsonRecorder(node, f"{ns}/task_graph", PLAN_QUEUE)
        self.status = JsonRecorder(node, f"{ns}/plan_status", STATUS)
        self.assignments = JsonRecorder(node, f"{ns}/assignments", LATCHED)
        self.keepout = JsonRecorder(node, f"{ns}/keepout", LATCHED)
        self.replan = JsonRecorder(node, f"{ns}/replan_request", EVENTS)
        self.exchange = JsonRecorder(node, f"{ns}/llm_exchange", EVENTS)
        self._clients: dict[str, Any] = {}
        self.called_at = 0.0
        """Wall time of the last service request, taken just before it was sent."""

    def publish(self, publisher: Any, text: str) -> None:
        msg = String()
        msg.data = text
        publisher.publish(msg)

    def send_instruction(self, text: str, instruction_id: str | None = None) -> None:
        body = text if instruction_id is None else encode("instruction", {"id": instruction_id, "text": text})
        self.publish(self.instruction, body)

    def wait_for_subscriber(self, publisher: Any, timeout: float = 10.0) -> bool:
        return spin_until(self.node, lambda: publisher.get_subscription_count() > 0, timeout)

    def state(self, plan_id: str) -> str | None:
        p = self.status.last(lambda p: p.get("plan_id") == plan_id)
        return None if p is None else p.get("state")

    def wait_state(self, plan_id: str, states: tuple[str, ...], timeout: float = 15.0) -> bool:
        return spin_until(self.node, lambda: self.state(plan_id) in states, timeout)

    def client(self, srv_type: Any, name: str, timeout: float = 10.0) -> Any:
        """A ready client of ``<ns>/<name>``, created once (discovery of a new client takes time)."""
        key = f"{self.ns}/{name}"
        if key not in self._clients:
            self._clients[key] = self.node.create_client(srv_type, key)
        client = self._clients[key]
        assert spin_until(self.node, client.service_is_ready, timeout), f"service {name} not available"
        return client

    def call(self, srv_type: Any, name: str, request: Any = None, timeout: float = 10.0) -> Any:
        client = self.client(srv_type, name, timeout)
        self.called_at = time.time()
        future = client.call_async(request if request is not None else srv_type.Request())
        assert spin_until(self.node, future.done, timeout), f"service {name} did not answer"
        return future.result()

    def trigger(self, name: str) -> Any:
        return self.call(Trigger, name)

    def estop(self, on: bool) -> Any:
        req = SetBool.Request()
        req.data = on
        return self.call(SetBool, "estop", req)


@contextmanager
def running(context: Any, *nodes: Node) -> Iterator[MultiThreadedExecutor]:
    """Spin ``nodes`` on a background MultiThreadedExecutor; destroy them afterwards.

    conftest.spinning: a spin thread that dies (a callback raised, rclpy's wait loop failed)
    makes the test's next spin_until raise with that exception, not wait out its timeout."""
    executor = MultiThreadedExecutor(num_threads=4, context=context)
    try:
        with spinning(context, *nodes, executor=executor):
            yield executor
    finally:
        for n in nodes:
            n.destroy_node()


def graph_msg(graph: TaskGraph, instruction_id: str = "i-1", **extra: Any) -> str:
    """A task_graph@1 message as the language node publishes it (empty validation report)."""
    return encode("task_graph", {"plan_id": graph.plan_id, "instruction_id": instruction_id,
                                 "instruction": graph.instruction, "plan": graph.to_dart(),
                                 "native": graph.to_native(), "report": {}, **extra})


def allocator(context: Any, **params: Any) -> AllocatorNode:
    """An in-process allocator node with fast status and ticks, plus ``params`` as overrides."""
    overrides = [Parameter(k, value=v) for k, v in {"status_rate_hz": 5.0, "tick_rate_hz": 20.0, **params}.items()]
    return AllocatorNode(context=context, parameter_overrides=overrides)
