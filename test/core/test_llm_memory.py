"""Plan memory (dart_planner.llm.memory)."""

from __future__ import annotations

import json

from dart_planner.core.plan import TaskGraph
from dart_planner.core.world import WorldObject
from dart_planner.llm.memory import PlanMemory, memory_key

PLAN = TaskGraph.from_dart(
    {
        "tasks": [
            {
                "task": "go_1",
                "instruction_function": {
                    "name": "target_area_for_specific_robots",
                    "robot_ids": ["robot_dump_truck_01"],
                    "dependencies": [],
                    "object_keywords": ["puddle1"],
                },
            }
        ]
    }
)


def test_miss_then_hit_across_instances(fleet, world, tmp_path):
    path = tmp_path / "m.json"
    mem = PlanMemory(path)
    assert mem.lookup("Truck 1 to puddle 1", fleet, world) is None and mem.misses == 1
    mem.store("Truck 1 to puddle 1", fleet, world, PLAN, backend="scripted")
    again = PlanMemory(path).lookup("truck 1   to PUDDLE 1.", fleet, world)
    assert again is not None and again.ids == ("go_1",) and again.instruction == "truck 1   to PUDDLE 1."
    assert json.loads(path.read_text())["schema"] == "dart_planner/plan_memory@1"


def test_key_depends_on_world_and_fleet(fleet, world):
    k = memory_key("x", fleet, world)
    assert k == memory_key("X ", fleet, world)
    assert k != memory_key("y", fleet, world)
    assert k != memory_key("x", fleet, world.with_object(WorldObject("rock3", "rock", 1, 1)))
    assert k != memory_key("x", fleet.with_robots(fleet.robots[:-1]), world)
    # perception confidence does not change what the plan means
    assert k == memory_key(
        "x",
        fleet,
        world.with_object(
            WorldObject("soil1", "soil", world.object("soil1").x, world.object("soil1").y, confidence=0.5)
        ),
    )


def test_remembered_plan_is_revalidated(fleet, world, tmp_path):
    path = tmp_path / "m.json"
    PlanMemory(path).store("go", fleet, world, PLAN)
    data = json.loads(path.read_text())
    (entry,) = data["entries"].values()
    entry["plan"]["tasks"][0]["instruction_function"]["name"] = "self_destruct"  # edited by hand
    path.write_text(json.dumps(data))
    mem = PlanMemory(path)
    assert mem.lookup("go", fleet, world) is None and mem.hits == 0


def test_corrupt_file_is_an_empty_memory_with_a_reason(fleet, world, tmp_path):
    path = tmp_path / "m.json"
    path.write_text("{not json")
    mem = PlanMemory(path)
    assert mem.lookup("go", fleet, world) is None
    assert mem.load_error and "m.json" in mem.load_error
    mem.store("go", fleet, world, PLAN)
    assert PlanMemory(path).lookup("go", fleet, world) is not None


def test_oldest_entries_are_evicted(fleet, world, tmp_path):
    mem = PlanMemory(tmp_path / "m.json", max_entries=2)
    for i in range(3):
        mem.store(f"go {i}", fleet, world, PLAN)
    assert len(mem) == 2
    assert mem.lookup("go 0", fleet, world) is None and mem.lookup("go 2", fleet, world) is not None


def test_in_process_memory_writes_nothing(fleet, world, tmp_path):
    mem = PlanMemory(None)
    mem.store("go", fleet, world, PLAN)
    assert mem.lookup("go", fleet, world) is not None and list(tmp_path.iterdir()) == []
