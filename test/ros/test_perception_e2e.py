"""Perception closes the loop: an object moved in the sim is seen, re-placed and driven to.

One process per node on a real ROS graph (unique domain per test): sim_node (top-down camera,
``sim/object_command``), detector_node, language_node (rules planner), allocator_node and the
actuation node of the one truck the instruction names. The test process only edits the site,
publishes the instruction and watches ``objects``, ``plan_status`` and the truck's ``odom``.

* the learned detector (``ultralytics`` with the shipped weights; needs the ml extra, which CI
  installs) and, so the loop is covered in every environment, the ``groundtruth`` backend:
  puddle1 is moved 12 m; ``objects`` reports it at the new place; "Dump truck 1 goes to puddle 1"
  ends with the truck parked at the NEW place;
* an object only the detector knows: a puddle the configured world has never had is added to
  the sim under a name the planner never sees; the detector names it ``puddle3`` and
  "Truck 2, go to puddle 3" is planned and executed.

Figures (move -> updated pose on ``objects``, its position error, the truck's final distance)
are printed and attached with ``record_property``; they are measurements, not assertions.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import spin_until
from nav_msgs.msg import Odometry
from planner_helpers import JsonRecorder, PlannerProbe
from std_msgs.msg import String

from dart_planner.actuation.model import NavOptions
from dart_planner.core.envelope import encode
from dart_planner.core.fleet import load_fleet
from dart_planner.core.world import load_world
from dart_planner.nodes.qos import EVENTS, LATCHED, SENSOR
from dart_planner.perception.weights import shipped_weights_path
from dart_planner.resources import default_fleet_path, default_world_path
from dart_planner.sim.config import SimConfig
from dart_planner.topics import OBJECTS, SIM_OBJECT_COMMAND, planner_topic, robot_path

FLEET = load_fleet(default_fleet_path())
WORLD = load_world(default_world_path())
NS = "/dart"
HAVE_ML = importlib.util.find_spec("ultralytics") is not None and importlib.util.find_spec("torch") is not None
ML_REASON = "the learned detector needs the ml extra (torch, ultralytics): pip install 'dart_planner[ml]'"
needs_ml = [pytest.mark.model, pytest.mark.skipif(not HAVE_ML, reason=ML_REASON)]
pytestmark = [pytest.mark.ros, pytest.mark.slow]

TRUCK1, TRUCK2 = "robot_dump_truck_01", "robot_dump_truck_02"
PUDDLE1_NEW = (-6.0, -6.0)
"""12.2 m from puddle1's configured place, on the far side of obstacle1 from it."""
SPILL = (10.0, 2.0)
"""Where the puddle nobody configured appears (clear of every configured object)."""
LOCALIZED_M = 0.5
"""An object counts as re-placed once ``objects`` puts it this close to where the sim has it."""


def parking_reach(object_radius: float, robot: str) -> float:
    """Farthest a robot that arrived at an object can stand from its centre: the approach
    ring (object edge + body + approach gap), one ring further out (taken when the nearest
    spots are blocked), and the arrival tolerance."""
    nav = NavOptions()
    body = SimConfig().model_for(FLEET.robot(robot).type).body_radius
    return object_radius + body + nav.approach_gap + 0.75 + nav.position_tolerance


class PerceptionStack:
    """sim + detector + language + allocator + the named robots' actuation nodes."""

    def __init__(self, start_node: Any, tmp_path: Path, backend: str, robots: tuple[str, ...],
                 time_scale: float = 3.0):
        clock = ["-p", "use_sim_time:=true"]
        self.sim = start_node("dart_planner.nodes.sim_node", "--ros-args", "-r", f"__ns:={NS}",
                              "-p", f"time_scale:={time_scale}", "-p", "publish_clock:=true",
                              "-p", "camera_size_px:=320", "-p", "camera_rate_hz:=1.0",
                              "-p", "ground_truth_rate_hz:=1.0", "-p", "odom_rate_hz:=10.0")
        self.detector = start_node("dart_planner.nodes.detector_node", "--ros-args", "-r", f"__ns:={NS}",
                                   "-p", f"backend:={backend}")
        self.actuation = [start_node("dart_planner.nodes.actuation_node", "--ros-args", "-r",
                                     f"__ns:=/{FLEET.robot(r).namespace.strip('/')}", "-p", f"robot_id:={r}",
                                     "-p", f"planner_namespace:={NS}", *clock) for r in robots]
        self.language = start_node("dart_planner.nodes.language_node", "--ros-args", "-r", f"__ns:={NS}",
                                   "-p", "backend:=rules")
        self.allocator = start_node("dart_planner.nodes.allocator_node", "--ros-args", "-r", f"__ns:={NS}",
                                    "-p", f"journal_path:={tmp_path / 'journal.jsonl'}", "-p", "status_rate_hz:=2.0")

    @property
    def processes(self) -> list[Any]:
        return [self.sim, self.detector, *self.actuation, self.language, self.allocator]

    def alive(self) -> bool:
        return all(p.alive() for p in self.processes)

    def logs(self) -> str:
        return "\n".join(f"--- {p.log_path.name}\n{p.output()[-2000:]}" for p in self.processes)


class Site:
    """The test's view of the site: perceived objects, the robots' odometry, and the sim's
    object command."""

    def __init__(self, node: Any, robots: tuple[str, ...]):
        self.node = node
        self.objects = JsonRecorder(node, planner_topic(NS, OBJECTS), LATCHED)
        self.command = node.create_publisher(String, planner_topic(NS, SIM_OBJECT_COMMAND), EVENTS)
        self.odom: dict[str, tuple[float, float]] = {}
        for rid in robots:
            r = FLEET.robot(rid)
            node.create_subscription(Odometry, robot_path(r, r.odom_topic), self._odom(rid), SENSOR)

    def _odom(self, rid: str) -> Any:
        def on(m: Odometry) -> None:
            self.odom[rid] = (m.pose.pose.position.x, m.pose.pose.position.y)
        return on

    def edit(self, payload: dict[str, Any]) -> float:
        """Send an object command; the wall time it was sent."""
        msg = String()
        msg.data = encode("objects", payload)
        sent = time.time()
        self.command.publish(msg)
        return sent

    def find(self, pred: Any) -> tuple[float, dict[str, Any]] | None:
        """(publish time, object) of the first ``objects`` entry, oldest message first, matching."""
        for t, (_, payload) in zip(self.objects.published, self.objects.items):
            for o in payload.get("objects", []):
                if pred(o):
                    return t, o
        return None

    def history(self, name: str, start: int = 0) -> str:
        """Where ``objects`` put ``name``, report by report from ``start``: the evidence a
        failure message needs to tell a perception fault from a planning one."""
        rows = []
        for t, (_, payload) in list(zip(self.objects.published, self.objects.items))[start:]:
            o = next((o for o in payload.get("objects", []) if o["name"] == name), None)
            rows.append(f"  {t:.2f} " + ("absent" if o is None else f"({o['x']:.2f}, {o['y']:.2f})"))
        return f"{name} in objects reports:\n" + "\n".join(rows)

    def latest(self, name: str) -> dict[str, Any] | None:
        last = self.objects.last()
        return None if last is None else next((o for o in last.get("objects", []) if o["name"] == name), None)


def near(o: dict[str, Any], xy: tuple[float, float], tol: float) -> bool:
    return math.hypot(o["x"] - xy[0], o["y"] - xy[1]) <= tol


def wait_ready(probe: PlannerProbe, site: Site, stack: PerceptionStack, robots: tuple[str, ...],
               first_seen: str) -> None:
    """Until the detector reports the configured site, the language node listens, the
    allocator has published its zones, the sim takes object commands and odometry flows."""
    ok = spin_until(probe.node, lambda: site.latest(first_seen) is not None
                    and probe.instruction.get_subscription_count() > 0 and bool(probe.keepout.payloads)
                    and site.command.get_subscription_count() > 0 and all(r in site.odom for r in robots)
                    and not stack.sim.output().count("Traceback"), 45.0)
    assert ok and stack.alive(), stack.logs()


def run_to_end(probe: PlannerProbe, stack: PerceptionStack, text: str, iid: str) -> tuple[str, dict[str, Any]]:
    """Send ``text``; (plan id, the task graph message) once the plan has finished."""
    probe.send_instruction(text, instruction_id=iid)

    def graph() -> dict[str, Any] | None:
        return probe.task_graph.last(lambda p: p.get("instruction_id") == iid)

    def rejected() -> bool:
        return probe.status.last(lambda p: p.get("instruction_id") == iid and p.get("state") == "rejected") is not None

    assert spin_until(probe.node, lambda: graph() is not None or rejected(), 30.0), stack.logs()
    if rejected():  # a string message: pytest shortens a tuple's repr and the reason was lost in CI
        status = probe.status.last(lambda p: p.get("instruction_id") == iid) or {}
        raise AssertionError(f"{iid} rejected: {status.get('error')}\n{stack.logs()}")
    g = graph()
    assert g is not None
    pid = g["plan_id"]
    assert probe.wait_state(pid, ("succeeded", "failed", "cancelled"), 90.0), (probe.status.last(), stack.logs())
    assert probe.state(pid) == "succeeded", (probe.status.last(lambda p: p.get("plan_id") == pid), stack.logs())
    return pid, g


_LOGGED = re.compile(r"(\w+) (?:at \((-?[\d.]+), (-?[\d.]+)\)|gone)")


def logged_pose(text: str, name: str) -> tuple[float, float] | None:
    """Where a node's last ``objects:`` log line about ``name`` put it (None: never, or gone)."""
    pose = None
    for line in text.splitlines():
        if "objects: " not in line:
            continue
        for m in _LOGGED.finditer(line.split("objects: ", 1)[1]):
            if m.group(1) == name:
                pose = None if m.group(2) is None else (float(m.group(2)), float(m.group(3)))
    return pose


def settle(site: Site, stack: PerceptionStack, name: str, xy: tuple[float, float]) -> None:
    """Until the language and allocator nodes have taken ``name`` in at ``xy`` (their own
    ``objects:`` log lines say so), not just the detector published it: each of them reads
    ``objects`` on its own, and the instruction must find both up to date."""
    def taken_in() -> bool:
        poses = [logged_pose(p.output(), name) for p in (stack.language, stack.allocator)]
        return all(q is not None and math.hypot(q[0] - xy[0], q[1] - xy[1]) <= LOCALIZED_M + 0.5 for q in poses)

    assert spin_until(site.node, taken_in, 20.0), f"{name} not taken in at {xy}\n{stack.logs()}"


def report(record_property: Any, figures: dict[str, Any]) -> None:
    for k, v in figures.items():
        record_property(k, v)
    print("PERCEPTION E2E FIGURES", json.dumps(figures))


@pytest.mark.parametrize("backend", ["groundtruth", pytest.param("ultralytics", marks=needs_ml)])
def test_a_moved_object_is_reperceived_and_the_truck_drives_to_its_new_place(
        backend: str, ros_node: Any, start_node: Any, tmp_path: Path, record_property: Any) -> None:
    if backend == "ultralytics":
        assert shipped_weights_path().is_file(), "the shipped detector weights are part of the package"
    old = WORLD.object("puddle1")
    probe = PlannerProbe(ros_node)
    site = Site(ros_node, (TRUCK1,))
    stack = PerceptionStack(start_node, tmp_path, backend, (TRUCK1,))
    wait_ready(probe, site, stack, (TRUCK1,), "puddle1")
    before = site.latest("puddle1")
    assert before is not None and near(before, (old.x, old.y), LOCALIZED_M), before  # seen where configured

    n_before = len(site.objects.items)
    sent = site.edit({"objects": [{"name": "puddle1", "x": PUDDLE1_NEW[0], "y": PUDDLE1_NEW[1]}]})

    def moved() -> bool:
        return any(near(o, PUDDLE1_NEW, LOCALIZED_M) for _, p in site.objects.items[n_before:]
                   for o in p.get("objects", []) if o["name"] == "puddle1")

    assert spin_until(ros_node, moved, 30.0), (site.latest("puddle1"), stack.logs())
    seen_at, seen = site.find(lambda o: o["name"] == "puddle1" and near(o, PUDDLE1_NEW, LOCALIZED_M))  # type: ignore[misc]
    update_error = math.hypot(seen["x"] - PUDDLE1_NEW[0], seen["y"] - PUDDLE1_NEW[1])
    assert [o["name"] for o in site.objects.last()["objects"]].count("puddle1") == 1  # re-placed, not duplicated
    settle(site, stack, "puddle1", PUDDLE1_NEW)

    _, graph = run_to_end(probe, stack, "Dump truck 1 goes to puddle 1", "move-1")
    sub = graph["native"]["subtasks"]
    assert [s["object_keywords"] for s in sub] == [["puddle1"]] and [s["robot_ids"] for s in sub] == [[TRUCK1]]
    spin_until(ros_node, lambda: False, 0.5)  # the last odometry after the stop
    x, y = site.odom[TRUCK1]
    to_new = math.hypot(x - PUDDLE1_NEW[0], y - PUDDLE1_NEW[1])
    to_old = math.hypot(x - old.x, y - old.y)
    reach = parking_reach(old.radius, TRUCK1)
    where = f"{backend}: truck at ({x:.2f}, {y:.2f}), {to_new:.2f} m from the new place, {to_old:.2f} m from the old"
    assert to_new <= reach and to_old > reach + 5.0, f"{where}\n{site.history('puddle1', n_before)}\n{stack.logs()}"
    final = site.latest("puddle1")
    assert final is not None
    report(record_property, {
        "backend": backend,
        "move_to_updated_pose_s": round(seen_at - sent, 2),
        "position_error_after_update_m": round(update_error, 3),
        "position_error_at_end_m": round(math.hypot(final["x"] - PUDDLE1_NEW[0], final["y"] - PUDDLE1_NEW[1]), 3),
        "truck_final_distance_to_new_place_m": round(to_new, 2),
        "truck_final_distance_to_old_place_m": round(to_old, 2),
        "parking_reach_m": round(reach, 2),
    })


@pytest.mark.model
@pytest.mark.skipif(not HAVE_ML, reason=ML_REASON)
def test_an_object_only_the_detector_has_seen_is_named_planned_for_and_reached(
        ros_node: Any, start_node: Any, tmp_path: Path, record_property: Any) -> None:
    assert not any(o.kind == "puddle" and o.name == "puddle3" for o in WORLD.objects.values())
    probe = PlannerProbe(ros_node)
    site = Site(ros_node, (TRUCK2,))
    stack = PerceptionStack(start_node, tmp_path, "ultralytics", (TRUCK2,))
    wait_ready(probe, site, stack, (TRUCK2,), "puddle2")
    # The sim calls it something no planner could guess; only the camera shows it.
    sent = site.edit({"objects": [{"name": "spill_a", "kind": "puddle", "x": SPILL[0], "y": SPILL[1],
                                   "radius": 2.0}]})

    def named() -> bool:
        o = site.latest("puddle3")
        return o is not None and near(o, SPILL, LOCALIZED_M)

    assert spin_until(ros_node, named, 30.0), (site.objects.last(), stack.logs())
    seen_at, seen = site.find(lambda o: o["name"] == "puddle3" and near(o, SPILL, LOCALIZED_M))  # type: ignore[misc]
    names = {o["name"] for _, p in site.objects.items for o in p.get("objects", [])}
    assert "spill_a" not in names and seen["kind"] == "puddle" and seen["source"] == "detector", seen
    settle(site, stack, "puddle3", SPILL)

    _, graph = run_to_end(probe, stack, "Truck 2, go to puddle 3", "spill-1")
    sub = graph["native"]["subtasks"]
    assert [s["object_keywords"] for s in sub] == [["puddle3"]] and [s["robot_ids"] for s in sub] == [[TRUCK2]]
    assert graph["report"]["ok"]
    spin_until(ros_node, lambda: False, 0.5)
    x, y = site.odom[TRUCK2]
    to_spill = math.hypot(x - SPILL[0], y - SPILL[1])
    reach = parking_reach(seen["radius"], TRUCK2)
    assert to_spill <= reach, ((x, y), to_spill, reach)
    report(record_property, {
        "backend": "ultralytics",
        "add_to_named_s": round(seen_at - sent, 2),
        "position_error_when_named_m": round(math.hypot(seen["x"] - SPILL[0], seen["y"] - SPILL[1]), 3),
        "radius_when_named_m": round(seen["radius"], 2),
        "truck_final_distance_to_new_object_m": round(to_spill, 2),
        "parking_reach_m": round(reach, 2),
    })
