"""The stack under a non-default planner namespace and robot namespaces, on its own domain.

language_node, allocator_node and sim_node run in ``/site_b/dart``; the fleet file puts every
robot under ``/site_b/<robot id>`` and one actuation node drives dump truck 1 there. One
instruction must run to ``succeeded``; afterwards the ROS graph must hold no topic and no
service outside those namespaces (``/rosout`` and ``/parameter_events`` are ROS's own per-node
infrastructure, present on every graph), and a second graph on another ROS_DOMAIN_ID must see
none of the stack's nodes or topics.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rclpy
import yaml
from conftest import ROOT, claim_domain, spin_until
from planner_helpers import PlannerProbe
from std_msgs.msg import String

pytestmark = [pytest.mark.ros, pytest.mark.slow]

PLANNER_NS = "/site_b/dart"
ROBOT_NS = "/site_b"
ROS_INFRASTRUCTURE = {"/rosout", "/parameter_events"}
TRUCK = "robot_dump_truck_01"


def site_b_fleet(tmp_path: Path) -> Path:
    """The shipped fleet with every robot under /site_b and truck 1 parked near puddle 2 (a short drive)."""
    fleet = yaml.safe_load((ROOT / "config" / "fleet.yaml").read_text())
    for robot in fleet["robots"]:
        robot["namespace"] = f"{ROBOT_NS.strip('/')}/{robot['id']}"
        if robot["id"] == TRUCK:
            robot["start"] = {"x": 10.0, "y": -10.0, "yaw": 0.785}
    path = tmp_path / "fleet_site_b.yaml"
    path.write_text(yaml.safe_dump(fleet))
    return path


def inside(name: str, namespaces: tuple[str, ...]) -> bool:
    return any(name == ns or name.startswith(ns.rstrip("/") + "/") for ns in namespaces)


def test_stack_under_namespaces_keeps_to_them_and_to_its_domain(
        ros_domain, ros_node, start_node, tmp_path) -> None:
    fleet = site_b_fleet(tmp_path)
    common = ["-p", f"fleet_file:={fleet}"]
    procs = [
        start_node("dart_planner.nodes.sim_node", "--ros-args", "-r", f"__ns:={PLANNER_NS}", *common,
                   "-p", "camera_rate_hz:=0.0", "-p", "ground_truth_rate_hz:=1.0"),
        start_node("dart_planner.nodes.actuation_node", "--ros-args", "-r", f"__ns:={ROBOT_NS}/{TRUCK}", *common,
                   "-p", f"robot_id:={TRUCK}", "-p", f"planner_namespace:={PLANNER_NS}"),
        start_node("dart_planner.nodes.language_node", "--ros-args", "-r", f"__ns:={PLANNER_NS}", *common,
                   "-p", "backend:=rules"),
        start_node("dart_planner.nodes.allocator_node", "--ros-args", "-r", f"__ns:={PLANNER_NS}", *common,
                   "-p", "status_rate_hz:=5.0"),
    ]

    def logs() -> str:
        return "\n".join(f"--- {p.log_path.name}\n{p.output()[-1500:]}" for p in procs)

    probe = PlannerProbe(ros_node, ns=PLANNER_NS)
    assert spin_until(ros_node, lambda: probe.instruction.get_subscription_count() > 0
                      and probe.keepout.payloads != [], 60), logs()
    probe.send_instruction("Dump truck 1 goes to puddle 2.", instruction_id="ns-1")
    assert spin_until(ros_node, lambda: probe.task_graph.last(lambda p: p.get("instruction_id") == "ns-1")
                      is not None, 20), logs()
    plan_id = probe.task_graph.last(lambda p: p.get("instruction_id") == "ns-1")["plan_id"]
    assert probe.wait_state(plan_id, ("succeeded", "failed", "cancelled", "rejected"), 60), logs()
    assert probe.state(plan_id) == "succeeded", (probe.status.last(), logs())
    assert all(p.alive() for p in procs), logs()

    # the graph as the stack left it: every node, topic and service in its namespaces
    allowed = (PLANNER_NS, ROBOT_NS)
    nodes = {(ns, name) for name, ns in ros_node.get_node_names_and_namespaces()}
    ours = {(ns, name) for ns, name in nodes if name in ("sim_node", "actuation_node", "language_node",
                                                         "allocator_node")}
    assert ours == {(PLANNER_NS, "sim_node"), (f"{ROBOT_NS}/{TRUCK}", "actuation_node"),
                    (PLANNER_NS, "language_node"), (PLANNER_NS, "allocator_node")}, nodes
    topics = {name for name, _ in ros_node.get_topic_names_and_types()}
    services = {name for name, _ in ros_node.get_service_names_and_types()}
    assert {f"{PLANNER_NS}/task_graph", f"{PLANNER_NS}/plan_status", f"{PLANNER_NS}/keepout",
            f"{ROBOT_NS}/{TRUCK}/cmd_vel", f"{ROBOT_NS}/{TRUCK}/odom", f"{ROBOT_NS}/{TRUCK}/dart/goal"} <= topics
    assert {f"{PLANNER_NS}/approve", f"{PLANNER_NS}/estop"} <= services
    stray_topics = sorted(t for t in topics - ROS_INFRASTRUCTURE if not inside(t, allowed))
    stray_services = sorted(s for s in services if not inside(s, allowed))
    # the test's own node sits at the root; its parameter services are the only root ones allowed
    stray_services = [s for s in stray_services if not s.startswith(f"/{ros_node.get_name()}/")]
    assert stray_topics == [] and stray_services == [], (stray_topics, stray_services)
    # per node, too: what each of the stack's nodes publishes and subscribes lies in its namespaces
    for ns, name in ours:
        used = {t for t, _ in ros_node.get_publisher_names_and_types_by_node(name, ns)}
        used |= {t for t, _ in ros_node.get_subscriber_names_and_types_by_node(name, ns)}
        assert [t for t in used - ROS_INFRASTRUCTURE if not inside(t, allowed)] == [], (name, used)

    # a graph on another domain id sees none of it (but sees its own publisher: discovery works there)
    other_domain = claim_domain()  # held by this process: no other test's graph is on it
    assert other_domain != ros_domain
    context = rclpy.Context()
    rclpy.init(context=context, domain_id=other_domain)
    try:
        other = rclpy.create_node("other_domain_probe", context=context)
        executor = rclpy.executors.SingleThreadedExecutor(context=context)
        executor.add_node(other)
        other.executor_for_test = executor
        other.create_publisher(String, "/other_site/hello", 10)
        seen_topics: set[str] = set()
        seen_nodes: set[Any] = set()

        def look() -> bool:
            seen_topics.update(n for n, _ in other.get_topic_names_and_types())
            seen_nodes.update(other.get_node_names_and_namespaces())
            return False

        spin_until(other, look, 4.0)  # longer than the stack took to discover the test node
        executor.shutdown()
        other.destroy_node()
    finally:
        rclpy.try_shutdown(context=context)
    assert "/other_site/hello" in seen_topics
    assert [t for t in seen_topics if inside(t, allowed)] == [], seen_topics
    assert [n for n in seen_nodes if inside(n[1], allowed)] == [], seen_nodes
