"""Shared helpers for the rules-planner tests: plan an instruction, describe a plan compactly."""

from __future__ import annotations

from dart_planner.core.fleet import Fleet
from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.plan_compare import compare_plans
from dart_planner.core.validate import validate_plan
from dart_planner.core.world import World
from dart_planner.llm.rules import rules_plan

T = "target_area_for_specific_robots"
TA = "target_area_for_all_robots"
AV = "avoid_areas_for_specific_robots"
AVA = "avoid_areas_for_all_robots"
AL = "allow_areas_for_specific_robots"
ALA = "allow_areas_for_all_robots"
R = "return_to_start_for_specific_robots"
RA = "return_to_start_for_all_robots"
DIG = "Excavation"
LOAD = "ExcavatorUnloading"
TRUCK_LOAD = "DumpLoading"
DUMP = "DumpUnloading"

E1, E2, E3 = "robot_excavator_01", "robot_excavator_02", "robot_excavator_03"
D1, D2, D3 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_dump_truck_03"


def task(tid: str, skill: str, robots=(), objs=(), deps=(), types=()) -> Subtask:
    """``types`` as ``[("excavator", 2)]``."""
    return Subtask(tid, skill, tuple(robots), tuple(t for t, _ in types), tuple(n for _, n in types),
                   tuple(objs), tuple(deps))


def plan(instruction: str, fleet: Fleet, world: World) -> TaskGraph:
    rp = rules_plan(instruction, fleet, world)
    assert not rp.errors, rp.errors
    report = validate_plan(rp.graph, fleet, world)
    assert report.ok, str(report)
    return rp.graph


def assert_plan(instruction: str, fleet: Fleet, world: World, *expected: Subtask) -> TaskGraph:
    got = plan(instruction, fleet, world)
    cmp = compare_plans(got, TaskGraph(tuple(expected)))
    assert cmp.exact, f"{instruction!r}\n{cmp.diff()}"
    return got
