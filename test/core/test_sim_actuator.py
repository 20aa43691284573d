"""SimActuator: the engine's Actuator interface over the simulator."""

from __future__ import annotations

from dart_planner.core.actuation import ActuatorEvent, GoalStatus, SkillFeedback, SkillGoal, SkillResult
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.world import World
from dart_planner.sim import SimActuator, Simulation


def nav(gid: str, robot: str, target: str) -> SkillGoal:
    return SkillGoal(
        gid, "p", gid, robot, "target_area_for_specific_robots", SkillAction.NAVIGATE, target=target
    )


def test_events_reach_the_listener_in_order(fleet: Fleet, world: World) -> None:
    act = SimActuator(Simulation(fleet, world))
    seen: list[ActuatorEvent] = []
    act.set_listener(seen.append)
    act.start(nav("g", "robot_dump_truck_01", "puddle2"))
    done = act.run_until(lambda: any(isinstance(e, SkillResult) for e in seen), max_time=200.0)
    assert done
    assert isinstance(seen[0], SkillFeedback) and seen[0].progress == 0.0
    assert isinstance(seen[-1], SkillResult) and seen[-1].status is GoalStatus.SUCCEEDED
    progress = [e.progress for e in seen if isinstance(e, SkillFeedback)]
    assert progress == sorted(progress)
    assert act.robot_pose("robot_dump_truck_01") == seen[-1].pose
    assert act.robot_pose("robot_nobody") is None


def test_run_until_gives_up_after_max_time(fleet: Fleet, world: World) -> None:
    act = SimActuator(Simulation(fleet, world))
    assert not act.run_until(lambda: False, max_time=2.0)
    assert act.time == 2.0


def test_stop_all_delivers_cancellations_at_once(fleet: Fleet, world: World) -> None:
    act = SimActuator(Simulation(fleet, world))
    seen: list[ActuatorEvent] = []
    act.set_listener(seen.append)
    act.start(nav("a", "robot_dump_truck_01", "rock2"))
    act.start(nav("b", "robot_excavator_01", "soil1"))
    for _ in range(20):
        act.step()
    seen.clear()
    act.stop_all()  # no step: the engine hears about it immediately
    assert {(e.goal_id, e.status) for e in seen if isinstance(e, SkillResult)} == {
        ("a", GoalStatus.CANCELLED),
        ("b", GoalStatus.CANCELLED),
    }
    act.cancel("a")  # already over: a no-op
    assert len(seen) == 2


def test_a_listener_may_start_the_next_goal_from_a_result(fleet: Fleet, world: World) -> None:
    """The engine dispatches dependents from inside the result callback; that must work."""
    act = SimActuator(Simulation(fleet, world))
    finished: list[str] = []

    def listener(e: ActuatorEvent) -> None:
        if isinstance(e, SkillResult):
            finished.append(e.goal_id)
            if e.goal_id == "go":
                act.start(SkillGoal("dig", "p", "dig", "robot_excavator_01", "Excavation", SkillAction.DIG))

    act.set_listener(listener)
    act.start(nav("go", "robot_excavator_01", "soil1"))
    assert act.run_until(lambda: "dig" in finished, max_time=300.0)
    assert act.sim.snapshot().bucket_loads["robot_excavator_01"] > 0


def _drive(fleet: Fleet, world: World, **params: object) -> tuple[SkillResult, float, float]:
    """Drive a truck to rock2 with ``params``; (its result, top speed seen, time taken)."""
    act = SimActuator(Simulation(fleet, world))
    seen: list[ActuatorEvent] = []
    act.set_listener(seen.append)
    goal = SkillGoal("g", "p", "g", "robot_dump_truck_01", "target_area_for_specific_robots", SkillAction.NAVIGATE,
                     target="rock2", params=params)
    act.start(goal)
    top = 0.0
    while not any(isinstance(e, SkillResult) for e in seen) and act.time < 400.0:
        act.step()
        top = max(top, abs(act.sim.snapshot().robots["robot_dump_truck_01"].linear_velocity))
    result = next(e for e in seen if isinstance(e, SkillResult))
    return result, top, act.time


def test_a_goals_max_speed_caps_the_robots_speed_as_the_actuation_node_does(fleet: Fleet, world: World) -> None:
    own = fleet.robot("robot_dump_truck_01").max_speed
    free, free_top, free_t = _drive(fleet, world)
    capped, capped_top, capped_t = _drive(fleet, world, max_speed=0.5)
    assert free.status is capped.status is GoalStatus.SUCCEEDED
    assert free_top > 0.9 * own > 0.5  # uncapped, the truck reaches its own top speed ...
    assert 0.45 < capped_top <= 0.5 + 1e-9  # ... capped, never more than the goal allows
    assert capped_t > free_t * 1.5
    # a cap above the robot's own speed changes nothing (min of the two)
    fast, fast_top, fast_t = _drive(fleet, world, max_speed=own * 10)
    assert fast.status is GoalStatus.SUCCEEDED and fast_top == free_top and fast_t == free_t


def test_a_malformed_max_speed_fails_the_goal_at_once(fleet: Fleet, world: World) -> None:
    for bad in (0.0, -1.0, float("nan"), "fast", True):
        result, top, t = _drive(fleet, world, max_speed=bad)
        assert result.status is GoalStatus.FAILED and "max_speed" in result.reason
        assert top == 0.0 and t <= 0.2
