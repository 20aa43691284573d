"""replay.launch.py starts only the nodes under test, on the bag's clock."""

from __future__ import annotations

import yaml
from launch_harness import ROOT, evaluate

LAUNCH = ROOT / "launch" / "replay.launch.py"
FLEET = yaml.safe_load((ROOT / "config" / "fleet.yaml").read_text())


def _executables(ev) -> list[str]:
    return sorted(n.executable for n in ev.nodes)


def test_default_is_language_and_allocator_on_sim_time() -> None:
    ev = evaluate(LAUNCH)
    for name, arg in ev.arguments.items():
        assert arg.description, name
    assert ev.arguments["use_sim_time"].default_value == "true"
    assert _executables(ev) == ["allocator_node", "language_node"]
    for n in ev.nodes:
        assert n.namespace == "/dart"
        assert n.parameters["use_sim_time"] is True
        assert n.parameters["fleet_file"] == str(ROOT / "config" / "fleet.yaml")
    assert not ev.includes and not ev.processes


def test_optional_detector_and_actuation() -> None:
    ev = evaluate(LAUNCH, {"with_detector": "true"})
    assert _executables(ev) == ["allocator_node", "detector_node", "language_node"]
    ev = evaluate(LAUNCH, {"with_actuation": "true"})
    actuation = [n for n in ev.nodes if n.executable == "actuation_node"]
    assert sorted(n.namespace for n in actuation) == sorted("/" + r["id"] for r in FLEET["robots"])
    assert all(n.parameters["use_sim_time"] is True for n in actuation)
    assert not [n for n in ev.nodes if n.executable in ("detector_node", "sim_node")]


def test_replayed_llm_and_other_arguments_reach_the_nodes(tmp_path) -> None:
    cassette = tmp_path / "run.jsonl"
    ev = evaluate(LAUNCH, {"llm_backend": "replay", "cassette": str(cassette), "namespace": "site_b",
                           "require_approval": "true", "use_sim_time": "false"})
    lang = ev.node("language_node", "/site_b")
    assert (lang.parameters["backend"], lang.parameters["cassette"]) == ("replay", str(cassette))
    alloc = ev.node("allocator_node", "/site_b")
    assert alloc.parameters["require_approval"] is True
    assert alloc.parameters["use_sim_time"] is False
