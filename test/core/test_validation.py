"""Every validation error class, reported together, with precise messages."""

from __future__ import annotations

import random

import pytest

from dart_planner.core.errors import PlanValidationError
from dart_planner.core.plan import Subtask, TaskGraph, load_plan_document
from dart_planner.core.validate import IssueCode, require_valid, validate_plan


def task(tid: str, skill: str, robots=(), objs=(), deps=(), rtype=(), count=()) -> Subtask:
    return Subtask(tid, skill, tuple(robots), tuple(rtype), tuple(count), tuple(objs), tuple(deps))


def codes(graph, fleet, world) -> list[IssueCode]:
    return [i.code for i in validate_plan(graph, fleet, world).issues]


def test_examples_are_valid(examples, fleet, world) -> None:
    assert examples, "config/examples is empty"
    for name, doc in examples.items():
        report = validate_plan(load_plan_document(doc), fleet, world)
        assert report.ok, f"{name}: {report}"
        assert not report.warnings, f"{name}: {report}"


def test_empty_plan(fleet, world) -> None:
    assert codes(TaskGraph(()), fleet, world) == [IssueCode.EMPTY_PLAN]


@pytest.mark.parametrize(
    "subtasks, expected, fragment",
    [
        ([task("a", "Excavation", ["robot_excavator_01"]), task("a", "Excavation", ["robot_excavator_02"])],
         IssueCode.DUPLICATE_TASK, "used 2 times"),
        ([task("a", "Excavation", ["robot_excavator_01"], deps=["a"])], IssueCode.SELF_DEPENDENCY, "itself"),
        ([task("a", "Excavation", ["robot_excavator_01"], deps=["ghost"])], IssueCode.DANGLING_DEPENDENCY, "'ghost'"),
        ([task("a", "Fly", ["robot_excavator_01"])], IssueCode.UNKNOWN_SKILL, "'Fly'"),
        ([task("a", "Excavation", ["robot_excavator_09"])], IssueCode.UNKNOWN_ROBOT, "robot_excavator_09"),
        ([task("a", "Excavation", rtype=["crane"], count=[1])], IssueCode.UNKNOWN_ROBOT_TYPE, "'crane'"),
        ([task("a", "Excavation", rtype=["excavator"], count=[4])], IssueCode.COUNT_EXCEEDS_FLEET, "asks for 4"),
        ([task("a", "Excavation", rtype=["excavator"], count=[0])], IssueCode.BAD_COUNT, "at least 1"),
        ([task("a", "Excavation", ["robot_dump_truck_01"])], IssueCode.INCAPABLE_ROBOT, "cannot perform"),
        ([task("a", "DumpUnloading", rtype=["excavator"], count=[1])], IssueCode.INCAPABLE_TYPE, "cannot perform"),
        ([task("a", "target_area_for_specific_robots", ["robot_dump_truck_01"], ["lake9"])],
         IssueCode.UNKNOWN_OBJECT, "'lake9'"),
        ([task("a", "target_area_for_specific_robots", ["robot_dump_truck_01"])],
         IssueCode.MISSING_OBJECT, "needs an object"),
        ([task("a", "Excavation")], IssueCode.NO_ROBOTS, "needs robot_ids"),
        ([task("a", "Excavation", ["robot_excavator_01", "robot_excavator_01"])],
         IssueCode.DUPLICATE_ROBOT, "listed 2 times"),
    ],
)
def test_each_error_class(subtasks, expected, fragment, fleet, world) -> None:
    report = validate_plan(TaskGraph(tuple(subtasks)), fleet, world)
    hits = [i for i in report.errors if i.code is expected]
    assert hits, str(report)
    assert fragment in hits[0].message
    assert not report.ok


def test_cycle_is_named(fleet, world) -> None:
    g = TaskGraph((
        task("a", "Excavation", ["robot_excavator_01"], deps=["c"]),
        task("b", "Excavation", ["robot_excavator_01"], deps=["a"]),
        task("c", "Excavation", ["robot_excavator_01"], deps=["b"]),
        task("d", "Excavation", ["robot_excavator_02"]),
    ))
    report = validate_plan(g, fleet, world)
    cycles = [i for i in report.errors if i.code is IssueCode.CYCLE]
    assert len(cycles) == 1
    assert cycles[0].message.startswith("dependency cycle: a -> b -> c -> a")


def test_warnings_do_not_block(fleet, world) -> None:
    g = TaskGraph((
        task("a", "target_area_for_specific_robots", ["robot_dump_truck_01"], ["puddle1"]),
        task("b", "Excavation", ["robot_excavator_01"], objs=["soil1"], deps=["a"]),
        task("c", "avoid_areas_for_all_robots", ["robot_dump_truck_01"], ["puddle1"], deps=["a", "b"]),
    ))
    report = validate_plan(g, fleet, world)
    assert report.ok
    assert {i.code for i in report.warnings} == {
        IssueCode.UNEXPECTED_OBJECT, IssueCode.ROBOTS_ON_ALL_SKILL, IssueCode.REDUNDANT_DEPENDENCY}


def test_every_problem_reported_at_once(fleet, world) -> None:
    g = TaskGraph((
        task("a", "Fly", ["robot_x"], ["mars"], deps=["a", "nope"]),
        task("b", "Excavation", rtype=["excavator"], count=[7], deps=["c"]),
        task("c", "Excavation", ["robot_excavator_01"], deps=["b"]),
    ))
    found = set(codes(g, fleet, world))
    assert {IssueCode.UNKNOWN_SKILL, IssueCode.UNKNOWN_ROBOT, IssueCode.UNKNOWN_OBJECT, IssueCode.SELF_DEPENDENCY,
            IssueCode.DANGLING_DEPENDENCY, IssueCode.COUNT_EXCEEDS_FLEET, IssueCode.CYCLE} <= found


def test_require_valid_raises_with_report(fleet, world) -> None:
    with pytest.raises(PlanValidationError) as info:
        require_valid(TaskGraph((task("a", "Fly", ["robot_excavator_01"]),)), fleet, world)
    assert "unknown skill 'Fly'" in str(info.value)


def random_dag(n: int, seed: int) -> TaskGraph:
    rng = random.Random(seed)
    robots = ["robot_excavator_01", "robot_excavator_02", "robot_dump_truck_01", "robot_dump_truck_02"]
    subs = []
    for i in range(n):
        deps = sorted({f"t{j}" for j in rng.sample(range(i), k=min(i, rng.randint(0, 2)))}) if i else []
        r = rng.choice(robots)
        subs.append(task(f"t{i}", "target_area_for_specific_robots", [r], [rng.choice(["soil1", "rock1"])], deps))
    return TaskGraph(tuple(subs))


def test_large_plan_validates(fleet, world) -> None:
    g = random_dag(500, seed=1)
    report = validate_plan(g, fleet, world)
    assert not report.errors
    assert len(g.layers()) >= 2


def test_graph_algorithms() -> None:
    g = TaskGraph((
        task("a", "x"), task("b", "x", deps=["a"]), task("c", "x", deps=["a"]),
        task("d", "x", deps=["b", "c", "a"]),
    ))
    assert g.layers() == [["a"], ["b", "c"], ["d"]]
    length, path = g.critical_path(lambda s: {"a": 1, "b": 5, "c": 2, "d": 1}[s.id])
    assert length == 7 and path == ["a", "b", "d"]
    red = g.transitive_reduction()
    assert red["d"].dependencies == ("b", "c")
    assert g.topological_order()[0] == "a"
