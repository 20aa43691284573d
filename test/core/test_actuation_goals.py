"""The actuation channel contract, kept by ActuationCore without ROS.

Exactly one result per goal; refusals at once; cancel and stop zero the base in the same
call; a new goal preempts; stale odometry stops the robot and then fails the goal.
"""

from __future__ import annotations

import json

import pytest

from dart_planner.actuation import ActuationCore, ActuationOptions, MachineSpec, OdomSample
from dart_planner.actuation.sim_loop import SimLoop
from dart_planner.core.actuation import GoalStatus, SkillGoal
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.geometry import Pose2D
from dart_planner.core.goal_codec import encode_goal
from dart_planner.core.world import World
from dart_planner.sim.config import SimConfig

DT1, DT2 = "robot_dump_truck_01", "robot_dump_truck_02"
NAV = "target_area_for_specific_robots"


def nav(gid: str, robot: str = DT1, target: str = "puddle2") -> SkillGoal:
    return SkillGoal(gid, "p", gid, robot, NAV, SkillAction.NAVIGATE, target=target)


@pytest.fixture
def loop(fleet: Fleet, world: World) -> SimLoop:
    return SimLoop(fleet, world, [DT1])


def test_every_goal_gets_exactly_one_result(loop: SimLoop) -> None:
    loop.send(nav("a"))
    loop.send(nav("a"))  # a repeated goal id is ignored, not answered twice
    res = loop.run("a", max_s=120)
    assert res["a"].status is GoalStatus.SUCCEEDED
    loop.send(nav("a"))
    for _ in range(20):
        loop.step()
    assert list(loop.results) == ["a"] and any("already received" in m for m in loop.logs)


def test_a_refused_goal_fails_at_once_and_nothing_moves(loop: SimLoop) -> None:
    out = loop.send_text(DT1, encode_goal(nav("x", robot=DT2)))
    (res,) = out.results
    assert res.status is GoalStatus.FAILED and res.reason.startswith("refused:") and res.robot_id == DT1
    for _ in range(20):
        loop.step()
    assert not loop.sim.snapshot().robot(DT1).moving


def test_an_undecodable_goal_is_refused_by_its_salvaged_id(loop: SimLoop) -> None:
    bad = json.loads(encode_goal(nav("bad")))
    bad["action"] = "teleport"
    (res,) = loop.send_text(DT1, json.dumps(bad)).results
    assert res.goal_id == "bad" and res.status is GoalStatus.FAILED and "teleport" in res.reason
    assert res.reason.startswith("refused:")
    out = loop.send_text(DT1, "{not json")
    assert not out.results and out.log


def test_cancel_zeroes_the_base_in_the_same_call_and_ends_cancelled(loop: SimLoop) -> None:
    loop.send(nav("a"))
    for _ in range(100):
        loop.step()
    assert loop.sim.snapshot().robot(DT1).linear_velocity > 0.3
    out = loop.cancel(DT1, "a")
    assert out.twist == (0.0, 0.0) and [r.status for r in out.results] == [GoalStatus.CANCELLED]
    assert loop.cancel(DT1, "a").results == []  # a second cancel answers nothing
    for _ in range(40):
        loop.step()
    assert not loop.sim.snapshot().robot(DT1).moving


def test_stop_zeroes_the_base_and_cancels_the_goal(loop: SimLoop) -> None:
    loop.send(nav("a"))
    for _ in range(100):
        loop.step()
    out = loop.stop(DT1)
    assert out.twist == (0.0, 0.0) and out.results[0].status is GoalStatus.CANCELLED
    assert out.results[0].reason.startswith("emergency_stop")
    idle = loop.stop(DT1)  # a stop with nothing running still zeroes the base
    assert idle.twist == (0.0, 0.0) and not idle.results


def test_a_new_goal_preempts_the_running_one(loop: SimLoop) -> None:
    loop.send(nav("a"))
    loop.step()
    out = loop.send(nav("b", target="obstacle1"))
    assert [(r.goal_id, r.status) for r in out.results] == [("a", GoalStatus.CANCELLED)]
    assert "preempted by goal b" in out.results[0].reason
    assert loop.run("b", max_s=120)["b"].status is GoalStatus.SUCCEEDED


def test_stale_odometry_stops_the_robot_then_fails_the_goal(loop: SimLoop) -> None:
    loop.send(nav("a"))
    for _ in range(60):
        loop.step()
    loop.sensing = False  # the odometry link dies
    died = loop.now - loop.dt  # the last reading was taken at the start of the last step
    stopped_at = None
    while "a" not in loop.results and loop.now < 30:
        loop.step()
        tw = loop.twists[DT1][-1]
        if stopped_at is None and tw == (0.0, 0.0):
            stopped_at = loop.now
    res = loop.results["a"]
    assert res.status is GoalStatus.FAILED and res.reason.startswith("odom_stale")
    opts = ActuationOptions()
    assert stopped_at is not None and stopped_at - died <= opts.odom_timeout_s + 2 * loop.dt
    assert res.stamp - died >= opts.odom_timeout_s + opts.odom_grace_s - loop.dt


def test_feedback_is_periodic_and_progress_rises(loop: SimLoop) -> None:
    loop.send(nav("a"))
    loop.run("a", max_s=120)
    fb = [f for f in loop.feedback if f.goal_id == "a"]
    assert fb[0].message == "accepted"
    gaps = [b.stamp - a.stamp for a, b in zip(fb, fb[1:])]
    assert min(gaps) >= ActuationOptions().feedback_period_s - 1e-9
    prog = [f.progress for f in fb if f.message.startswith("driving")]
    assert prog[-1] > prog[0] and all(0.0 <= p <= 1.0 for p in prog)


def test_shutdown_zeroes_the_base_and_cancels(fleet: Fleet, world: World) -> None:
    spec = MachineSpec.from_robot(fleet.robot(DT1), SimConfig().model_for("dump_truck"))
    core = ActuationCore(spec, fleet, world)
    core.on_odom(OdomSample(Pose2D(4.0, -24.0), 0.0, 0.0, 0.0))
    core.on_message(encode_goal(nav("a")), 0.0)
    out = core.shutdown(0.1)
    assert out.twist == (0.0, 0.0) and out.results[0].status is GoalStatus.CANCELLED
    assert core.shutdown(0.2).twist == (0.0, 0.0)


def test_max_speed_override_limits_commands(fleet: Fleet, world: World) -> None:
    robot = fleet.robot(DT1)
    spec = MachineSpec.from_robot(robot, SimConfig().model_for(robot.type), max_speed=0.5)
    assert spec.max_speed == 0.5 and spec.max_turn_rate == robot.max_turn_rate
    loop = SimLoop(fleet, world, [DT1])
    loop.cores[DT1].spec = spec
    loop.send(nav("a"))
    loop.run("a", max_s=200)
    assert loop.results["a"].status is GoalStatus.SUCCEEDED
    assert max(v for v, _ in loop.twists[DT1]) <= 0.5 + 1e-9


def test_a_goal_summary_names_the_robot_skill_target_and_the_pose_resolved_at_sending() -> None:
    goal = SkillGoal("p1/t1/1/robot_dump_truck_01", "p1", "t1", "robot_dump_truck_01",
                     "target_area_for_specific_robots", SkillAction.NAVIGATE, target="puddle1",
                     target_pose=Pose2D(-6.0, -6.004, 0.0))
    assert goal.summary() == ("p1/t1/1/robot_dump_truck_01 to robot_dump_truck_01: "
                              "target_area_for_specific_robots puddle1 at (-6.00, -6.00)")
    fleet_goal = SkillGoal("p1/t2/1/*", "p1", "t2", None, "avoid_areas_for_all_robots", SkillAction.ADD_KEEPOUT)
    assert fleet_goal.summary() == "p1/t2/1/* to fleet: avoid_areas_for_all_robots"
