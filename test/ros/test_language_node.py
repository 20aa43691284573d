"""language_node on a real ROS graph (in-process): instructions, objects, failures, replans."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import spin_until
from planner_helpers import PlannerProbe, running
from rclpy.parameter import Parameter

from dart_planner.core.envelope import encode
from dart_planner.core.fleet import load_fleet
from dart_planner.core.plan import TaskGraph
from dart_planner.core.validate import validate_plan
from dart_planner.core.world import load_world
from dart_planner.llm.config import load_llm_config
from dart_planner.llm.node_planning import continuation_graph
from dart_planner.llm.pipeline import LLMPlanner, PlanningResult, make_planner
from dart_planner.llm.replay_backend import ScriptedBackend
from dart_planner.nodes import language_node as language_module
from dart_planner.nodes.language_node import LanguageNode
from dart_planner.resources import default_fleet_path, default_world_path

pytestmark = pytest.mark.ros

FLEET = load_fleet(default_fleet_path())
WORLD = load_world(default_world_path())
L2 = "First, all robots must avoid puddle 1. After that, send truck 1 to rock 1 and truck 2 to rock 2."


def language(context: Any, **params: Any) -> LanguageNode:
    return LanguageNode(context=context, parameter_overrides=[Parameter(k, value=v) for k, v in params.items()])


@pytest.fixture()
def probe(ros_node: Any) -> PlannerProbe:
    return PlannerProbe(ros_node)


def write_cassette(path: Path, instruction: str) -> TaskGraph:
    """A cassette whose one reply is the rules planner's plan, keyed by the prompt the replay
    backend will build: recorded through the real LLM path with a scripted model."""
    rules = make_planner("rules").plan(instruction, FLEET, WORLD).graph
    cfg = load_llm_config().with_overrides(backend="replay", cassette=str(path))
    result = LLMPlanner(ScriptedBackend([json.dumps(rules.to_dart())]), cfg).plan(instruction, FLEET, WORLD)
    path.write_text("".join(json.dumps(e) + "\n" for e in result.cassette_entries()))
    return rules


def test_text_instruction_becomes_a_latched_valid_task_graph(ros_context, ros_node, probe) -> None:
    with running(ros_context, language(ros_context)):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.send_instruction(L2)
        assert spin_until(ros_node, lambda: bool(probe.task_graph.payloads), 10)
    msg = probe.task_graph.payloads[0]
    assert msg["schema"] == "dart_planner/task_graph@1"
    assert msg["instruction"] == L2 and msg["instruction_id"].startswith("instr-")
    assert msg["planner"] == "rules" and msg["report"]["ok"] is True
    graph = TaskGraph.from_native(msg["native"])
    assert graph.plan_id == msg["plan_id"]
    assert TaskGraph.from_dart(msg["plan"]).ids == graph.ids
    assert validate_plan(graph, FLEET, WORLD).ok
    assert {s.skill for s in graph.subtasks} == {"avoid_areas_for_all_robots", "target_area_for_specific_robots"}


def test_json_instruction_keeps_its_id_and_a_late_subscriber_gets_the_latched_graph(
        ros_context, ros_node, probe) -> None:
    with running(ros_context, language(ros_context)):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.send_instruction("Dump truck 1 goes to puddle 1.", instruction_id="op-42")
        assert spin_until(ros_node, lambda: bool(probe.task_graph.payloads), 10)
        late = PlannerProbe(ros_node)  # a second recorder that subscribes only now
        assert spin_until(ros_node, lambda: bool(late.task_graph.payloads), 5)
    assert probe.task_graph.payloads[0]["instruction_id"] == "op-42"
    assert late.task_graph.payloads[0]["plan_id"] == probe.task_graph.payloads[0]["plan_id"]


def test_every_failure_is_a_rejected_status_and_the_node_keeps_planning(ros_context, ros_node, probe) -> None:
    node = language(ros_context)
    with running(ros_context, node):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.publish(probe.instruction, '{"schema": "dart_planner/instruction@1", "id": 7')  # broken JSON
        probe.publish(probe.instruction, encode("instruction", {"id": "x", "text": 12}))
        probe.send_instruction("blorp the zibble", instruction_id="gibberish")
        probe.send_instruction("", instruction_id="empty")
        probe.send_instruction("x" * 5000, instruction_id="huge")
        probe.send_instruction("Dump truck 1 goes to puddle 1.", instruction_id="fine")
        assert spin_until(ros_node, lambda: bool(probe.task_graph.payloads), 10)
        assert spin_until(ros_node, lambda: len(probe.status.payloads) == 5, 5)
    assert all(p["state"] == "rejected" and p["plan_id"] is None for p in probe.status.payloads)
    anonymous = [p["error"] for p in probe.status.payloads if p["instruction_id"] is None]
    assert len(anonymous) == 2 and all("malformed instruction" in e for e in anonymous)
    rejected = {p["instruction_id"]: p["error"] for p in probe.status.payloads if p["instruction_id"]}
    assert "not understood: blorp, zibble" in rejected["gibberish"]
    assert "empty" in rejected["empty"] and "longer than 4000 characters" in rejected["huge"]
    assert probe.task_graph.payloads[0]["instruction_id"] == "fine"


def test_replay_backend_plans_from_a_cassette_and_publishes_the_exchange(
        ros_context, ros_node, probe, tmp_path: Path) -> None:
    cassette = tmp_path / "l2.jsonl"
    rules = write_cassette(cassette, L2)
    with running(ros_context, language(ros_context, backend="replay", cassette=str(cassette))):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.send_instruction(L2, instruction_id="i-replay")
        assert spin_until(ros_node, lambda: bool(probe.task_graph.payloads) and bool(probe.exchange.payloads), 10)
        probe.send_instruction("Dump truck 3 goes to soil 2.", instruction_id="not-recorded")
        assert spin_until(ros_node, lambda: bool(probe.status.payloads), 10)
    msg = probe.task_graph.payloads[0]
    assert msg["planner"] == "llm:replay"
    graph = TaskGraph.from_native(msg["native"])
    assert [(s.id, s.skill, s.robot_ids, s.object_keywords, s.dependencies) for s in graph.subtasks] == [
        (s.id, s.skill, s.robot_ids, s.object_keywords, s.dependencies) for s in rules.subtasks]
    exchange = probe.exchange.payloads[0]
    assert exchange["schema"] == "dart_planner/llm_exchange@1"
    assert exchange["instruction_id"] == "i-replay" and exchange["plan_id"] == msg["plan_id"]
    assert exchange["key"] == json.loads(cassette.read_text().splitlines()[0])["key"]
    assert exchange["request"]["messages"][-1]["content"].count("puddle") >= 1
    failed = probe.status.payloads[0]
    assert failed["instruction_id"] == "not-recorded" and failed["state"] == "rejected"


def test_perceived_objects_reach_the_planner_and_unsafe_names_do_not(ros_context, ros_node, probe) -> None:
    node = language(ros_context)
    with running(ros_context, node):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.send_instruction("Dump truck 1 goes to rock 9.", instruction_id="before")
        assert spin_until(ros_node, lambda: bool(probe.status.payloads), 10)
        probe.publish(probe.objects_pub, encode("objects", {"objects": [
            {"name": "rock9", "kind": "rock", "x": 5.0, "y": 5.0, "radius": 1.0, "source": "detector",
             "confidence": 0.9},
            {"name": "rock\u200b1", "kind": "rock", "x": 0.0, "y": 0.0}]}))
        assert spin_until(ros_node, lambda: node.world.has_object("rock9"), 5)
        probe.send_instruction("Dump truck 1 goes to rock 9.", instruction_id="after")
        assert spin_until(ros_node, lambda: bool(probe.task_graph.payloads), 10)
        probe.publish(probe.objects_pub, encode("objects", {"objects": []}))  # no longer perceived
        assert spin_until(ros_node, lambda: not node.world.has_object("rock9"), 5)
    assert probe.status.payloads[0]["instruction_id"] == "before"
    graph = TaskGraph.from_native(probe.task_graph.payloads[0]["native"])
    assert graph.subtasks[0].object_keywords == ("rock9",)
    assert "rock\u200b1" not in node.world.objects
    assert node.world.object("rock1") == WORLD.object("rock1")


class SlowPlanner:
    """A planner that takes ``delay`` seconds (an LLM on a slow server)."""

    name = "slow"

    def __init__(self, delay: float):
        self.delay = delay
        self.rules = make_planner("rules")
        self.calls: list[tuple[str, float]] = []
        self.threads: set[str] = set()

    def plan(self, instruction: str, fleet: Any, world: Any) -> PlanningResult:
        self.calls.append((instruction, time.monotonic()))
        self.threads.add(threading.current_thread().name)
        time.sleep(self.delay)
        return self.rules.plan(instruction, fleet, world)


def test_a_slow_planner_never_blocks_the_node(ros_context, ros_node, probe, monkeypatch) -> None:
    slow = SlowPlanner(1.5)
    monkeypatch.setattr(language_module, "make_planner", lambda name, cfg: slow)
    node = language(ros_context)
    with running(ros_context, node):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.send_instruction("Dump truck 1 goes to puddle 1.", instruction_id="a")
        probe.send_instruction("Dump truck 2 goes to rock 9.", instruction_id="b")
        assert spin_until(ros_node, lambda: len(slow.calls) == 1, 5)
        t0 = time.monotonic()
        probe.publish(probe.objects_pub, encode("objects", {"objects": [
            {"name": "rock9", "kind": "rock", "x": 5.0, "y": 5.0}]}))
        assert spin_until(ros_node, lambda: node.world.has_object("rock9"), 5)
        objects_took = time.monotonic() - t0
        still_planning = not probe.task_graph.payloads
        assert spin_until(ros_node, lambda: len(probe.task_graph.payloads) == 2, 10)
    assert still_planning, "the objects update should land while the first plan is still being made"
    assert objects_took < slow.delay
    assert [p["instruction_id"] for p in probe.task_graph.payloads] == ["a", "b"]  # arrival order
    assert slow.threads == {next(iter(slow.threads))} and "planner" in next(iter(slow.threads))


def test_replan_request_yields_one_continuation_of_the_failed_work(ros_context, ros_node, probe) -> None:
    instruction = "Excavator 1 and dump truck 1 go to soil 1. The excavator digs and loads the truck, then " \
                  "the truck drives to puddle 2 and dumps the soil there."
    with running(ros_context, language(ros_context)):
        assert probe.wait_for_subscriber(probe.instruction)
        probe.send_instruction(instruction, instruction_id="i-dig")
        assert spin_until(ros_node, lambda: bool(probe.task_graph.payloads), 10)
        first = probe.task_graph.payloads[0]
        graph = TaskGraph.from_native(first["native"])
        move = graph.ids[0]
        request = {"event": "ReplanRequested", "plan_id": first["plan_id"], "task_id": graph.ids[1],
                   "reason": "bucket jammed", "robots": ["robot_excavator_01"], "at": 1.0, "done": [move],
                   "remaining": list(graph.ids[2:]), "unavailable_robots": ["robot_dump_truck_01"], "world": {}}
        probe.publish(probe.replan_pub, encode("replan_request", request))
        assert spin_until(ros_node, lambda: len(probe.task_graph.payloads) == 2, 10)
        cont = probe.task_graph.payloads[1]
        request["plan_id"] = cont["plan_id"]  # the continuation fails too: no third plan
        probe.publish(probe.replan_pub, encode("replan_request", request))
        assert spin_until(ros_node, lambda: bool(probe.status.payloads), 10)
    new = TaskGraph.from_native(cont["native"])
    assert cont["replan_of"] == first["plan_id"] and cont["instruction_id"] == "i-dig"
    assert new.plan_id != graph.plan_id
    assert set(new.ids) == {graph.ids[1]} | graph.descendants(graph.ids[1])
    assert move not in new.ids and all(move not in s.dependencies for s in new.subtasks)
    for s in new.subtasks:  # the truck is out of service: its subtasks ask for a dump truck instead
        assert "robot_dump_truck_01" not in s.robot_ids
    assert probe.status.payloads[0]["state"] == "rejected" and "1 replan(s) already used" in \
        probe.status.payloads[0]["error"]


def test_continuation_graph_keeps_the_failed_subtask_and_its_dependents_only() -> None:
    graph = TaskGraph.from_dart({"tasks": [
        {"task": "a", "instruction_function": {"name": "target_area_for_specific_robots",
                                               "robot_ids": ["robot_dump_truck_01"], "dependencies": [],
                                               "object_keywords": ["soil1"]}},
        {"task": "b", "instruction_function": {"name": "target_area_for_specific_robots",
                                               "robot_ids": ["robot_dump_truck_02"], "dependencies": [],
                                               "object_keywords": ["soil2"]}},
        {"task": "c", "instruction_function": {"name": "target_area_for_specific_robots",
                                               "robot_ids": ["robot_dump_truck_01"], "dependencies": ["a", "b"],
                                               "object_keywords": ["rock1"]}}]})
    cont = continuation_graph(graph, "a", done=["b"], unavailable=["robot_dump_truck_01"], fleet=FLEET)
    assert cont is not None and cont.ids == ("a", "c")
    assert cont["c"].dependencies == ("a",)
    assert cont["a"].robot_ids == () and cont["a"].requested_types == (("dump_truck", 1),)
    assert validate_plan(cont, FLEET, WORLD).ok
    kept = continuation_graph(graph, "b", done=[], unavailable=[], fleet=FLEET)
    assert kept is not None and kept["b"].robot_ids == ("robot_dump_truck_02",)
    assert continuation_graph(graph, "zzz", done=[], unavailable=[], fleet=FLEET) is None


def test_a_missing_fleet_file_stops_the_process_with_the_fatal_line_only(start_node: Any, tmp_path: Path) -> None:
    """A configuration error at start: exit code 1 and one fatal line naming the file; no
    traceback from destroying the half-built node."""
    missing = tmp_path / "no_such_fleet.yaml"
    proc = start_node("dart_planner.nodes.language_node", "--ros-args", "-p", f"fleet_file:={missing}")
    code = proc.proc.wait(timeout=60)
    output = proc.output()
    assert code == 1, output
    assert "FATAL" in output and str(missing) in output
    assert "Traceback" not in output and "AttributeError" not in output, output
