"""Fault injection (breakdown, slowdown, random skill failure) and determinism."""

from __future__ import annotations

import pytest

from dart_planner.core.actuation import GoalStatus, SkillGoal, SkillResult
from dart_planner.core.errors import ConfigError
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.world import World
from dart_planner.sim import Breakdown, FaultConfig, RobotStatus, Simulation, Slowdown

DT1, DT2, EX1 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_excavator_01"


def nav(gid: str, robot: str, target: str, attempt: int = 1) -> SkillGoal:
    return SkillGoal(
        gid,
        "p",
        gid,
        robot,
        "target_area_for_specific_robots",
        SkillAction.NAVIGATE,
        target=target,
        attempt=attempt,
    )


def results(sim: Simulation, max_time: float = 400.0) -> dict[str, SkillResult]:
    return {e.goal_id: e for e in sim.run_until_idle(max_time) if isinstance(e, SkillResult)}


def test_breakdown_stops_the_robot_and_fails_its_goal(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, faults=FaultConfig(breakdowns=(Breakdown(DT1, 8.0),)))
    sim.start_skill(nav("g", DT1, "rock2"))
    sim.start_skill(nav("h", DT2, "obstacle2"))
    res = results(sim)
    assert res["g"].status is GoalStatus.FAILED and res["g"].reason == "robot_breakdown"
    assert 8.0 <= res["g"].stamp < 8.0 + 2 * sim.dt
    assert res["h"].status is GoalStatus.SUCCEEDED  # the others carry on
    snap = sim.snapshot()
    assert snap.robot(DT1).status is RobotStatus.BROKEN and snap.robot(DT1).linear_velocity == 0.0
    where = snap.robot(DT1).pose
    sim.start_skill(nav("again", DT1, "puddle1"))
    res = results(sim)
    assert res["again"].status is GoalStatus.FAILED and res["again"].reason == "robot_breakdown"
    assert sim.robot_pose(DT1) == where


def test_a_broken_robot_is_driven_around(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, faults=FaultConfig(breakdowns=(Breakdown(DT1, 6.0),)))
    sim.start_skill(nav("g", DT1, "puddle1"))
    results(sim)
    sim.start_skill(nav("h", DT2, "puddle1"))
    res = results(sim)
    assert res["h"].status is GoalStatus.SUCCEEDED
    assert sim.snapshot().collisions == ()


def test_slowdown_makes_the_same_trip_take_longer(fleet: Fleet, world: World) -> None:
    def trip(faults: FaultConfig | None) -> tuple[float, float]:
        sim = Simulation(fleet, world, faults=faults)
        sim.start_skill(nav("g", DT1, "soil2"))
        top = 0.0
        while sim.busy:
            sim.step()
            top = max(top, abs(sim.snapshot().robot(DT1).linear_velocity))
        return sim.time, top

    normal, top_normal = trip(None)
    slow, top_slow = trip(FaultConfig(slowdowns=(Slowdown(DT1, 0.5),)))
    assert top_slow == pytest.approx(0.5 * top_normal, rel=0.02)
    assert 1.6 <= slow / normal <= 2.2


def test_skill_failure_probability_one_and_zero(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, faults=FaultConfig(skill_failure_p=1.0))
    sim.start_skill(nav("g", DT1, "puddle1"))
    res = results(sim)
    assert res["g"].status is GoalStatus.FAILED and res["g"].reason == "skill_failure"
    sim = Simulation(fleet, world, faults=FaultConfig(skill_failure_p=0.0))
    sim.start_skill(nav("g", DT1, "puddle1"))
    assert results(sim)["g"].status is GoalStatus.SUCCEEDED


def test_failure_probability_per_action_overrides_the_default(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, faults=FaultConfig(skill_failure_p_by_action={"dig": 1.0}))
    sim.start_skill(nav("go", EX1, "soil1"))
    assert results(sim)["go"].status is GoalStatus.SUCCEEDED
    sim.start_skill(SkillGoal("dig", "p", "dig", EX1, "Excavation", SkillAction.DIG))
    res = results(sim)
    assert res["dig"].status is GoalStatus.FAILED and res["dig"].reason == "skill_failure"


def _outcomes(fleet: Fleet, world: World, seed: int) -> list[GoalStatus]:
    sim = Simulation(fleet, world, seed=seed, faults=FaultConfig(skill_failure_p=0.5))
    out = []
    for i in range(40):
        sim.start_skill(
            SkillGoal(
                f"k{i}", "p", "t", None, "avoid_areas_for_all_robots", SkillAction.ADD_KEEPOUT, target="rock2"
            )
        )
        out += [e.status for e in sim.run_until_idle(30.0) if isinstance(e, SkillResult)]
    return out


def test_random_failures_are_seeded(fleet: Fleet, world: World) -> None:
    a, b, c = _outcomes(fleet, world, 7), _outcomes(fleet, world, 7), _outcomes(fleet, world, 8)
    assert a == b
    assert a != c
    failed = a.count(GoalStatus.FAILED)
    assert 8 <= failed <= 32  # p = 0.5 over 40 goals


def test_a_retry_draws_its_own_failure(fleet: Fleet, world: World) -> None:
    """Attempt numbers are part of the draw: a retry of a failed goal is not doomed to fail again."""
    draws = set()
    for attempt in range(1, 9):
        sim = Simulation(fleet, world, seed=3, faults=FaultConfig(skill_failure_p=0.5))
        sim.start_skill(nav(f"g#{attempt}", DT1, "puddle1", attempt=attempt))
        draws.add(results(sim)[f"g#{attempt}"].status)
    assert draws == {GoalStatus.FAILED, GoalStatus.SUCCEEDED}


@pytest.mark.parametrize(
    "bad",
    [
        {"skill_failure_p": 1.5},
        {"skill_failure_p_by_action": {"dig": -0.1}},
        {"slowdowns": (Slowdown(DT1, 0.0),)},
    ],
)
def test_invalid_fault_configs_are_rejected(bad: dict) -> None:
    with pytest.raises(ConfigError):
        FaultConfig(**bad)


def _busy_run(fleet: Fleet, world: World, seed: int) -> tuple[list, object]:
    faults = FaultConfig(
        breakdowns=(Breakdown(DT2, 20.0),), slowdowns=(Slowdown(EX1, 0.7, 5.0),), skill_failure_p=0.3
    )
    sim = Simulation(fleet, world, seed=seed, faults=faults)
    targets = ["puddle1", "soil2", "rock1", "obstacle2", "soil1", "puddle2"]
    for i, rid in enumerate(fleet.robot_ids):
        sim.start_skill(nav(f"a{i}", rid, targets[i]))
    sim.start_skill(
        SkillGoal(
            "z", "p", "z", None, "avoid_areas_for_all_robots", SkillAction.ADD_KEEPOUT, target="obstacle1"
        )
    )
    events = sim.run_until_idle(300.0)
    for i, rid in enumerate(fleet.robot_ids):
        sim.start_skill(nav(f"b{i}", rid, targets[-1 - i]))
    events += sim.run_until_idle(300.0)
    return events, sim.snapshot()


def test_same_seed_same_run(fleet: Fleet, world: World) -> None:
    events_a, snap_a = _busy_run(fleet, world, seed=5)
    events_b, snap_b = _busy_run(fleet, world, seed=5)
    assert events_a == events_b
    assert snap_a == snap_b
    events_c, _ = _busy_run(fleet, world, seed=6)
    assert [e for e in events_c if isinstance(e, SkillResult)] != [
        e for e in events_a if isinstance(e, SkillResult)
    ]
