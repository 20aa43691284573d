"""Property tests over seeded random plans: every schedule obeys the rules; exact <= heuristic;
the lower bound holds; the exact solver really finds the optimum of the model."""

from __future__ import annotations

import math

import pytest

from dart_planner.core.allocate import allocate
from dart_planner.core.allocation import build_problem, random_instance
from dart_planner.core.allocation.model import STOP_CLEARANCE_M
from dart_planner.core.allocation.timeline import Timeline
from dart_planner.core.allocation.verify import verify_schedule
from dart_planner.core.fleet import SkillAction

SIZES = [(6, 2), (10, 4), (25, 6), (60, 12)]


def _first_leg_is_not_shorter_than_the_crow_flies(schedule, graph, fleet, world) -> list[str]:
    """A robot's first drive starts at its start pose: its travel time cannot beat the
    straight line to the stop distance at full speed."""
    errs = []
    for rid, order in schedule.robot_order.items():
        if not order:
            continue
        first = schedule.assignments[order[0]]
        s = graph[first.task_id]
        if fleet.skills[s.skill].action is not SkillAction.NAVIGATE:
            continue
        robot, obj = fleet.robot(rid), world.object(s.object_keywords[0])
        floor = max(
            math.dist((robot.start.x, robot.start.y), (obj.x, obj.y)) - obj.radius - STOP_CLEARANCE_M, 0
        )
        if first.travel_s[rid] < floor / robot.max_speed - 1e-6:
            errs.append(
                f"{rid} reaches {obj.name} in {first.travel_s[rid]:.2f} s, faster than {floor:.2f} m allows"
            )
    return errs


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("policy", ["dart_baseline", "heuristic"])
def test_every_schedule_obeys_the_rules(policy, size, seed):
    graph, fleet, world = random_instance(seed, *size)
    schedule = allocate(graph, fleet, world, policy)
    assert verify_schedule(schedule, graph, fleet, world) == []
    assert _first_leg_is_not_shorter_than_the_crow_flies(schedule, graph, fleet, world) == []
    assert set(schedule.assignments) == set(graph.ids)
    assert schedule.policy == policy
    assert 0.0 <= min(schedule.utilization.values()) and max(schedule.utilization.values()) <= 1.0 + 1e-9
    # the critical path is a chain of assigned tasks ending at the makespan
    assert schedule.assignments[schedule.critical_path[-1]].finish == pytest.approx(schedule.makespan)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("size", [(6, 3), (8, 3), (8, 4)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_exact_is_no_worse_than_heuristic_and_baseline_and_above_the_bound(size, seed):
    graph, fleet, world = random_instance(100 + seed, *size)
    exact = allocate(graph, fleet, world, "exact", time_limit_s=5.0)
    heur = allocate(graph, fleet, world, "heuristic")
    base = allocate(graph, fleet, world, "dart_baseline")
    assert verify_schedule(exact, graph, fleet, world) == []
    assert exact.makespan <= heur.makespan + 1e-9
    assert exact.makespan <= base.makespan + 1e-9
    assert exact.lower_bound <= exact.makespan + 1e-9
    assert exact.bound is not None and exact.lower_bound - 1e-9 <= exact.bound <= exact.makespan + 1e-9
    if exact.optimal:
        assert exact.bound == pytest.approx(exact.makespan)
    assert heur.lower_bound == pytest.approx(exact.lower_bound)


def _brute_force(problem) -> float:
    """Shortest makespan over every dispatch order and every robot choice (no pruning)."""
    tl = Timeline(problem)
    best = math.inf

    def rec() -> None:
        nonlocal best
        if tl.complete:
            best = min(best, tl.makespan())
            return
        for t in tl.ready_tasks():
            for robots in list(tl.options(t)):
                u = tl.commit(tl.place(t, robots))
                rec()
                tl.undo(u)

    rec()
    return best


@pytest.mark.parametrize("seed", range(4))
def test_exact_matches_exhaustive_search(seed):
    graph, fleet, world = random_instance(500 + seed, 5, 3)
    problem = build_problem(graph, fleet, world)
    exact = allocate(graph, fleet, world, "exact", time_limit_s=30.0)
    assert exact.optimal
    assert exact.makespan == pytest.approx(_brute_force(problem))


def test_exact_reports_a_bound_when_the_time_limit_stops_it():
    graph, fleet, world = random_instance(7, 40, 8)
    s = allocate(graph, fleet, world, "exact", time_limit_s=0.2)
    assert verify_schedule(s, graph, fleet, world) == []
    assert s.bound is not None and s.bound <= s.makespan + 1e-9
    if not s.optimal:
        assert s.bound < s.makespan


def test_heuristic_is_deterministic():
    graph, fleet, world = random_instance(11, 30, 6)
    a = allocate(graph, fleet, world, "heuristic")
    b = allocate(graph, fleet, world, "heuristic")
    assert {k: v.robot_ids for k, v in a.assignments.items()} == {
        k: v.robot_ids for k, v in b.assignments.items()
    }
    assert a.makespan == b.makespan
