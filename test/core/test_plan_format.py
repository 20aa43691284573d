"""DART-LLM and native plan formats: exact round trips and precise format errors."""

from __future__ import annotations

import json

import pytest
from example_data import example_files

from dart_planner.core.errors import PlanFormatError
from dart_planner.core.plan import PLAN_SCHEMA, Subtask, TaskGraph, load_plan_document

REFERENCE = {
    "tasks": [
        {"task": "target_area_for_specific_robots_1",
         "instruction_function": {"name": "target_area_for_specific_robots", "robot_ids": ["robot_dump_truck_01"],
                                  "dependencies": [], "object_keywords": ["puddle1"]}},
        {"task": "avoid_areas_for_all_robots_1",
         "instruction_function": {"name": "avoid_areas_for_all_robots", "robot_ids": [],
                                  "dependencies": ["target_area_for_specific_robots_1"],
                                  "object_keywords": ["puddle1"]}},
    ]
}


def test_reference_plan_round_trips_exactly() -> None:
    g = TaskGraph.from_dart(REFERENCE)
    assert json.dumps(g.to_dart()) == json.dumps(REFERENCE)  # same keys, same order
    assert g.ids == ("target_area_for_specific_robots_1", "avoid_areas_for_all_robots_1")
    assert g["avoid_areas_for_all_robots_1"].dependencies == ("target_area_for_specific_robots_1",)


def test_type_count_scalars_and_unknown_keys_survive_round_trip() -> None:
    doc = {
        "meta": {"source": "dataset"},
        "tasks": [
            {"task": "Excavation_1", "note": "keep me",
             "instruction_function": {"name": "Excavation", "robot_type": "excavator", "robot_count": 2,
                                      "dependencies": [], "object_keywords": [], "priority": 3}},
        ],
    }
    g = TaskGraph.from_dart(doc)
    s = g["Excavation_1"]
    assert s.robot_type == ("excavator",) and s.robot_count == (2,)
    assert json.dumps(g.to_dart()) == json.dumps(doc)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_every_example_round_trips_exactly(path) -> None:
    doc = json.loads(path.read_text())
    g = load_plan_document(doc)
    assert g.instruction == doc["instruction"]
    assert json.dumps(g.to_dart(), sort_keys=False) == json.dumps(doc["plan"], sort_keys=False)


def test_examples_exist() -> None:
    assert len(example_files()) >= 15


def test_native_round_trip_keeps_everything() -> None:
    g = TaskGraph.from_dart(REFERENCE, plan_id="plan-x", instruction="inspect then avoid")
    g2 = load_plan_document(json.dumps(g.to_native()))
    assert g2.to_native() == g.to_native()
    assert g2.to_native()["schema"] == PLAN_SCHEMA
    assert g2.plan_id == "plan-x" and g2.instruction == "inspect then avoid"


def test_explicit_robot_resolution_drops_type_and_count() -> None:
    s = Subtask("t", "Excavation", robot_type=("excavator",), robot_count=(1,))
    r = s.with_robots(["robot_excavator_02"])
    assert r.robot_ids == ("robot_excavator_02",) and r.robot_type == () and r.robot_count == ()


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "empty"),
        ("this is not json", "not valid JSON"),
        ("[1, 2]", "expected an object"),
        ('{"plan_x": 1}', "missing the 'tasks'"),
        ('{"plan": 1}', "expected an object with a 'tasks' list"),
        ('{"tasks": {}}', "expected a list"),
        ('{"tasks": [{"task": "a", "instruction_function": {"name": "x", "robot_count": 1.5}}]}', "integers"),
        ('{"tasks": [{"task": "a", "instruction_function": {"name": "x", "dependencies": "b"}}]}', "list of strings"),
        ('{"tasks": [{"task": 7, "instruction_function": {"name": "x"}}]}', "tasks[0].task"),
        ('{"tasks": [{"task": "a"}]}', "instruction_function"),
        ('{"tasks": [{"task": "a", "instruction_function": {"name": "x", "robot_type": ["excavator"]}}]}',
         "robot_type has 1 entries but robot_count has 0"),
        ('{"tasks": [], "tasks": []}', "duplicate key"),
        ('{"tasks": [{"task": "a", "instruction_function": {"name": "x", "robot_count": [NaN]}}]}', "non-finite"),
        ("{" * 5000, "nests deeper"),
    ],
)
def test_malformed_documents_give_precise_errors(text: str, fragment: str) -> None:
    with pytest.raises(PlanFormatError) as info:
        load_plan_document(text)
    assert fragment in str(info.value)


def test_all_structural_problems_reported_at_once() -> None:
    doc = {"tasks": [
        {"task": "a", "instruction_function": {"name": 3}},
        {"task": "", "instruction_function": {"name": "x"}},
        "junk",
    ]}
    with pytest.raises(PlanFormatError) as info:
        TaskGraph.from_dart(doc)
    assert len(info.value.problems) == 3
    assert any("tasks[2]" in p for p in info.value.problems)
