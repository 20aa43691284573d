"""Re-allocation from a live state: what is done, running, failed, unavailable, held or moved."""

from __future__ import annotations

import math

import pytest

from dart_planner.core.allocate import allocate, reallocate
from dart_planner.core.allocation.model import STOP_CLEARANCE_M
from dart_planner.core.allocation.verify import verify_schedule
from dart_planner.core.errors import AllocationError
from dart_planner.core.geometry import Pose2D
from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.schedule import LiveState

NAV = "target_area_for_specific_robots"


def T(tid, skill, deps=(), obj=None, ids=(), types=()):  # noqa: N802
    return Subtask(
        tid,
        skill,
        robot_ids=tuple(ids),
        robot_type=tuple(t for t, _ in types),
        robot_count=tuple(c for _, c in types),
        object_keywords=(obj,) if obj else (),
        dependencies=tuple(deps),
    )


@pytest.fixture
def job():
    """Two crews plus an inspection; chains so that failures and running work propagate."""
    return TaskGraph(
        (
            T("go1", NAV, obj="soil1", types=[("excavator", 1), ("dump_truck", 1)]),
            T("dig1", "Excavation", ["go1"], types=[("excavator", 1)]),
            T("load1", "ExcavatorUnloading", ["dig1"], types=[("excavator", 1)]),
            T("haul1", NAV, ["load1"], obj="puddle2", types=[("dump_truck", 1)]),
            T("go2", NAV, obj="soil2", types=[("excavator", 1)]),
            T("dig2", "Excavation", ["go2"], types=[("excavator", 1)]),
            T("look", NAV, obj="rock2", types=[("dump_truck", 1)]),
            T("fence", "avoid_areas_for_all_robots", ["look"], obj="rock2"),
        )
    )


def test_done_running_failed_and_unavailable(fleet, world, job):
    first = allocate(job, fleet, world)
    go1 = first.robots_of("go1")
    exc1 = next(r for r in go1 if "excavator" in r)
    state = LiveState(
        now=60.0,
        done=frozenset({"go1", "go2"}),
        running={"dig1": ((exc1,), 75.0)},
        failed=frozenset({"dig2"}),
        unavailable=frozenset({first.robots_of("look")[0]}),  # the truck it had chosen broke down
        positions={r: Pose2D(0.0, 0.0) for r in fleet.robot_ids},
    )
    s = reallocate(job, fleet, world, state, previous=first)
    assert verify_schedule(s, job, fleet, world, state) == []
    assert set(s.assignments) == {
        "load1",
        "haul1",
        "look",
        "fence",
    }  # done, running and failed are not re-planned
    assert s.info["excluded"] == ["dig2"]
    assert all(a.start >= 60.0 for a in s.assignments.values())
    # load1 waits for the running dig1, on the same excavator, with the truck that came along
    assert s.assignments["load1"].start >= 75.0
    assert set(s.robots_of("load1")) == set(go1)
    assert first.robots_of("look")[0] not in {r for a in s.assignments.values() for r in a.robot_ids}
    assert s.robots_of("look") != first.robots_of("look")
    assert s.makespan == pytest.approx(max(a.finish for a in s.assignments.values()) - 60.0)


def test_a_named_robot_that_breaks_down_is_reported(fleet, world, job):
    with pytest.raises(
        AllocationError,
        match="task 'look': robot 'robot_dump_truck_02' is named explicitly but is unavailable",
    ):
        pinned = TaskGraph((T("look", NAV, obj="rock2", ids=["robot_dump_truck_02"]),))
        reallocate(pinned, fleet, world, LiveState(unavailable=frozenset({"robot_dump_truck_02"})))


def test_failure_excludes_every_descendant(fleet, world, job):
    s = reallocate(job, fleet, world, LiveState(failed=frozenset({"go1"})))
    assert s.info["excluded"] == ["go1", "dig1", "load1", "haul1"]
    assert set(s.assignments) == {"go2", "dig2", "look", "fence"}


def test_robots_start_from_their_reported_positions(fleet, world):
    g = TaskGraph((T("go", NAV, obj="rock1", ids=["robot_dump_truck_02"]),))
    here = Pose2D(-22.0, 10.0)
    s = reallocate(g, fleet, world, LiveState(positions={"robot_dump_truck_02": here}))
    rock = world.object("rock1")
    speed = fleet.robot("robot_dump_truck_02").max_speed
    expect = (math.dist((here.x, here.y), (rock.x, rock.y)) - rock.radius - STOP_CLEARANCE_M) / speed
    assert s.assignments["go"].travel_s["robot_dump_truck_02"] == pytest.approx(expect)


def test_busy_until_holds_a_robot_and_the_allocator_works_around_it(fleet, world):
    g = TaskGraph((T("go", NAV, obj="rock2", types=[("dump_truck", 1)]),))
    free = allocate(g, fleet, world)
    nearest = free.robots_of("go")[0]
    held = reallocate(g, fleet, world, LiveState(busy_until={nearest: 500.0}))
    assert held.robots_of("go") != (nearest,)  # another truck is quicker than waiting 500 s
    only = TaskGraph((T("go", NAV, obj="rock2", ids=[nearest]),))
    waited = reallocate(only, fleet, world, LiveState(busy_until={nearest: 500.0}))
    assert waited.assignments["go"].start == pytest.approx(500.0)
    # a robot held by another plan does not raise this plan's lower bound
    assert held.lower_bound <= held.makespan


def test_running_navigation_moves_the_robot_to_its_goal(fleet, world):
    g = TaskGraph(
        (
            T("there", NAV, obj="soil2", ids=["robot_dump_truck_01"]),
            T("back", NAV, ["there"], obj="soil2", ids=["robot_dump_truck_01"]),
        )
    )
    s = reallocate(g, fleet, world, LiveState(now=5.0, running={"there": (("robot_dump_truck_01",), 20.0)}))
    back = s.assignments["back"]
    assert back.start == pytest.approx(20.0)
    assert back.travel_s["robot_dump_truck_01"] == pytest.approx(0.0)  # it will already be at soil2
