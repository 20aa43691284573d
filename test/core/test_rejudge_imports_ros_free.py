"""``replay --rejudge`` needs no ROS: it imports, and re-judges a whole bag, with rclpy blocked.

The same pattern as ``test_core_is_ros_free.py`` (a fresh interpreter whose import system
refuses rclpy and every message package), applied to the module and to a run of it: rejudge
imports the nodes' logic lazily, so importing the module alone would not prove the run
ROS-free. The bag is written here (rosbags, pure Python) with what the nodes publish.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dart_planner.bag import BagWriter
from dart_planner.bag.typestore import TypeRegistry
from dart_planner.core.envelope import encode
from dart_planner.core.execute import schedule_to_dict
from dart_planner.core.fleet import Fleet
from dart_planner.core.world import World, WorldObject, object_to_dict
from dart_planner.llm.pipeline import make_planner
from dart_planner.runner import RunOptions, run_in_sim

BLOCKED = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        root = name.split('.')[0]
        if root in {'rclpy', 'builtin_interfaces', 'rosidl_runtime_py', 'rosbag2_py', 'torch', 'ultralytics',
                    'transformers'} or root.endswith(('_msgs', '_srvs')):
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
"""

RUN = BLOCKED + """
import json
from dart_planner.bag.rejudge import RejudgeOptions, rejudge
from dart_planner.core.fleet import load_fleet
from dart_planner.core.world import load_world
from dart_planner.resources import default_fleet_path, default_world_path
report = rejudge(sys.argv[1], RejudgeOptions(load_fleet(default_fleet_path()), load_world(default_world_path())))
print(json.dumps({"identical": report.identical, "outcomes": [v.new.outcome for v in report.verdicts],
                  "errors": [v.new.error for v in report.verdicts],
                  "nodes": sorted(m for m in sys.modules if m.startswith("dart_planner.nodes"))}))
"""

S = 1_000_000_000
PILE = WorldObject("pile7", "soil", 12.0, -8.0, 2.0, "detector", 0.9, 4.0)


def _python(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)


def test_the_rejudge_module_imports_with_ros_blocked() -> None:
    out = _python(BLOCKED + "import dart_planner.bag.rejudge, dart_planner.llm.node_planning, "
                            "dart_planner.core.intake, dart_planner.core.objects\nprint('ok')")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def _record(path: Path, fleet: Fleet, world: World, instructions: list[tuple[str, float]]) -> None:
    """A bag of what the planner nodes publish: the perceived pile at t=2 s, then each
    instruction (text, seconds after the pile was reported), planned and run in the simulator."""
    seen = world.with_object(PILE)
    messages = [("objects", 2 * S, encode("objects", {"objects": [object_to_dict(PILE)]}))]
    for k, (text, after) in enumerate(instructions):
        t = int((2.0 + after) * S)
        graph = make_planner("rules").plan(text, fleet, seen).graph
        run = run_in_sim(graph, fleet, seen, RunOptions())
        iid = f"ins-{k}"
        messages += [
            ("instruction", t, encode("instruction", {"id": iid, "text": text})),
            ("task_graph", t + S // 10, encode("task_graph", {
                "plan_id": graph.plan_id, "instruction_id": iid, "instruction": text, "planner": "rules",
                "plan": graph.to_dart(), "native": graph.to_native()})),
            ("assignments", t + S // 5, encode("assignments", {
                "plan_id": graph.plan_id, "approved": True, "schedule": schedule_to_dict(run.schedule)})),
            ("plan_status", t + S, encode("plan_status", {**run.status.to_dict(), "instruction_id": iid})),
        ]
    reg = TypeRegistry()
    string = reg.store.types["std_msgs/msg/String"]
    with BagWriter(path, registry=reg) as bag:
        for topic in sorted({m[0] for m in messages}):
            bag.add_topic(f"/dart/{topic}", "std_msgs/msg/String")
        for topic, stamp, text in sorted(messages, key=lambda m: m[1]):
            bag.write(f"/dart/{topic}", stamp, reg.serialize(string(data=text), "std_msgs/msg/String"))


def test_a_whole_bag_is_rejudged_with_ros_blocked(tmp_path: Path, fleet: Fleet, world: World) -> None:
    # the pile is fresh for the first instruction and stale (object_ttl_s 20 s) for the second
    _record(tmp_path / "run", fleet, world, [("Dump truck 1 goes to pile 7.", 1.0),
                                             ("Dump truck 2 goes to pile 7.", 30.0)])
    out = _python(RUN, str(tmp_path / "run"))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["nodes"] == []  # nothing of dart_planner.nodes was imported
    assert result["outcomes"] == ["succeeded", "rejected"]
    assert result["errors"][0] == "" and result["errors"][1].startswith("stale perceived object(s): pile7")
    assert result["identical"] is False  # the recording (made without the TTL) ran the second plan
