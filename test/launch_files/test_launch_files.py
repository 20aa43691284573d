"""Launch files declare the node set, namespaces and parameters users rely on."""

from __future__ import annotations

import yaml
from launch_harness import ROOT, evaluate

LAUNCH = ROOT / "launch"
FLEET = yaml.safe_load((ROOT / "config" / "fleet.yaml").read_text())


def test_dart_launch_starts_the_whole_stack() -> None:
    ev = evaluate(LAUNCH / "dart.launch.py")
    for name in ("fleet_file", "world_file", "llm_backend", "require_approval", "namespace", "journal_path"):
        assert ev.arguments[name].description, name
    assert ev.node("language_node", "/dart").parameters["backend"] == "rules"
    alloc = ev.node("allocator_node", "/dart")
    assert alloc.parameters["require_approval"] is False
    assert alloc.parameters["policy"] == "heuristic"
    assert ev.node("sim_node", "/dart").parameters["time_scale"] == 1.0
    ev.node("detector_node", "/dart")
    robots = [r["id"] for r in FLEET["robots"]]
    actuation = [n for n in ev.nodes if n.executable == "actuation_node"]
    assert sorted(n.namespace for n in actuation) == sorted("/" + r for r in robots)
    for n in actuation:
        assert n.parameters["robot_id"] == n.namespace.strip("/")
        assert n.parameters["planner_namespace"] == "/dart"
    for n in ev.nodes:
        assert n.parameters["fleet_file"].endswith("config/fleet.yaml")


def test_arguments_override(tmp_path) -> None:
    fleet = tmp_path / "fleet.yaml"
    fleet.write_text(yaml.safe_dump({**FLEET, "robots": FLEET["robots"][:2]}))
    ev = evaluate(LAUNCH / "dart.launch.py", {
        "namespace": "site_b", "require_approval": "true", "llm_backend": "openai", "fleet_file": str(fleet),
        "start_sim": "false"})
    assert ev.node("allocator_node", "/site_b").parameters["require_approval"] is True
    assert ev.node("language_node", "/site_b").parameters["backend"] == "openai"
    assert len([n for n in ev.nodes if n.executable == "actuation_node"]) == 2
    assert not [n for n in ev.nodes if n.executable == "sim_node"]


def test_scaled_simulator_puts_everyone_on_its_clock() -> None:
    real = evaluate(LAUNCH / "dart.launch.py")
    assert real.node("sim_node", "/dart").parameters["publish_clock"] is False
    assert all(n.parameters.get("use_sim_time") is False for n in real.nodes if n.executable != "sim_node")
    fast = evaluate(LAUNCH / "dart.launch.py", {"sim_time_scale": "10.0"})
    assert fast.node("sim_node", "/dart").parameters["publish_clock"] is True
    assert all(n.parameters["use_sim_time"] is True for n in fast.nodes if n.executable != "sim_node")


def test_joint_command_format_follows_the_robot_interface() -> None:
    dart = evaluate(LAUNCH / "dart.launch.py")
    gazebo = evaluate(LAUNCH / "gazebo.launch.py")
    for ev, fmt in ((dart, "joint_state"), (gazebo, "float64")):
        actuation = [n for n in ev.nodes if n.executable == "actuation_node"]
        assert actuation and {n.parameters["joint_command_format"] for n in actuation} == {fmt}


def test_safety_file_reaches_the_allocator(tmp_path) -> None:
    shipped = evaluate(LAUNCH / "dart.launch.py")
    assert shipped.arguments["safety_file"].description
    assert shipped.node("allocator_node", "/dart").parameters["safety_file"] == str(ROOT / "config" / "safety.yaml")
    site = tmp_path / "safety.yaml"
    ev = evaluate(LAUNCH / "dart.launch.py", {"safety_file": str(site)})
    assert ev.node("allocator_node", "/dart").parameters["safety_file"] == str(site)


def test_enclaves_give_every_node_its_own_sros2_enclave() -> None:
    plain = evaluate(LAUNCH / "dart.launch.py")
    assert all("--enclave" not in n.arguments for n in plain.nodes)
    ev = evaluate(LAUNCH / "dart.launch.py", {"enclaves": "true", "namespace": "site_b/dart"})
    assert ev.arguments["enclaves"].description
    enclaves = {}
    for n in ev.nodes:
        assert n.arguments[:2] == ["--ros-args", "--enclave"], n
        enclaves[(n.executable, n.namespace)] = n.arguments[2]
    assert enclaves[("language_node", "/site_b/dart")] == "/site_b/dart/language_node"
    assert enclaves[("allocator_node", "/site_b/dart")] == "/site_b/dart/allocator_node"
    assert enclaves[("detector_node", "/site_b/dart")] == "/site_b/dart/detector_node"
    assert enclaves[("sim_node", "/site_b/dart")] == "/site_b/dart/sim_node"
    for r in FLEET["robots"]:
        assert enclaves[("actuation_node", "/" + r["id"])] == f"/{r['id']}/actuation_node"
    assert len(set(enclaves.values())) == len(ev.nodes)  # one enclave per node, none shared


def test_fault_timeouts_reach_the_planner_nodes() -> None:
    shipped = evaluate(LAUNCH / "dart.launch.py")
    for name in ("goal_heartbeat_s", "object_ttl_s"):
        assert shipped.arguments[name].description, name
    alloc = shipped.node("allocator_node", "/dart").parameters
    assert alloc["goal_heartbeat_s"] == 10.0 and alloc["object_ttl_s"] == 20.0
    assert shipped.node("language_node", "/dart").parameters["object_ttl_s"] == 20.0
    ev = evaluate(LAUNCH / "dart.launch.py", {"goal_heartbeat_s": "3", "object_ttl_s": "0"})
    alloc = ev.node("allocator_node", "/dart").parameters
    assert alloc["goal_heartbeat_s"] == 3.0 and alloc["object_ttl_s"] == 0.0
    assert ev.node("language_node", "/dart").parameters["object_ttl_s"] == 0.0
    for launch in ("gazebo.launch.py", "replay.launch.py"):  # they share the planner nodes and arguments
        other = evaluate(LAUNCH / launch, {"goal_heartbeat_s": "4"})
        assert other.node("allocator_node", "/dart").parameters["goal_heartbeat_s"] == 4.0, launch
