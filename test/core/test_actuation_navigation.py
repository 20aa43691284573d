"""Twist and Nav2 navigation of the actuation layer, against the simulator's physics.

The simulator's safety layer would stop a robot at a zone's rim; these tests require the
controller to keep out on its own (``guard_stops`` stay zero) and the body never to enter.
"""

from __future__ import annotations

import math
from dataclasses import replace

from dart_planner.actuation import (
    ActuationCore,
    ActuationOptions,
    Backend,
    MachineSpec,
    NavOptions,
    OdomSample,
    PeerState,
)
from dart_planner.actuation.approach import approach_spots, obstacle_discs
from dart_planner.actuation.pursuit import PurePursuit
from dart_planner.actuation.refusal import Target
from dart_planner.actuation.sim_loop import SimLoop
from dart_planner.core.actuation import GoalStatus, SkillGoal
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.geometry import Pose2D
from dart_planner.core.goal_codec import encode_goal
from dart_planner.core.world import KeepOutZone, World
from dart_planner.sim.config import SimConfig

EX1, DT1 = "robot_excavator_01", "robot_dump_truck_01"
NAV = "target_area_for_specific_robots"


def nav(gid: str, robot: str, target: str | None = None, **kw: object) -> SkillGoal:
    return SkillGoal(gid, "p", gid, robot, NAV, SkillAction.NAVIGATE, target=target, **kw)  # type: ignore[arg-type]


def spec_of(fleet: Fleet, rid: str) -> MachineSpec:
    r = fleet.robot(rid)
    return MachineSpec.from_robot(r, SimConfig().model_for(r.type))


def test_an_excavator_bound_for_a_pile_stops_within_digging_reach(fleet: Fleet, world: World) -> None:
    spec = spec_of(fleet, EX1)
    soil = world.objects["soil1"]
    discs = obstacle_discs(spec, world, (), (), NavOptions())
    spots = approach_spots(
        spec,
        fleet.robot(EX1).start,
        Target(soil.x, soil.y, soil.radius, "soil1"),
        world,
        discs,
        (),
        NavOptions(),
    )
    assert spots
    x, y = spots[0]
    gap = math.hypot(x - soil.x, y - soil.y) - soil.radius
    assert gap <= spec.dig_reach and not any(d.contains(x, y) for d in discs)


def test_a_truck_parks_within_pouring_reach_of_an_excavator_at_the_target(fleet: Fleet, world: World) -> None:
    spec = spec_of(fleet, DT1)
    ex = spec_of(fleet, EX1)
    soil = world.objects["soil2"]
    # The excavator is parked on the far (north) side of the pile from the truck.
    parked = PeerState(EX1, Pose2D(soil.x, soil.y + 5.0), 0.0, 0.0, ex.body_radius, "bucket", ex.reach)
    discs = obstacle_discs(spec, world, (), [parked], NavOptions())
    spots = approach_spots(
        spec,
        Pose2D(soil.x, soil.y - 20.0),
        Target(soil.x, soil.y, soil.radius, "soil2"),
        world,
        discs,
        [parked],
        NavOptions(),
    )
    x, y = spots[0]
    assert math.hypot(x - parked.pose.x, y - parked.pose.y) <= ex.reach
    assert math.hypot(x - parked.pose.x, y - parked.pose.y) >= spec.body_radius + ex.body_radius + 0.8


def test_pure_pursuit_turns_in_place_first_and_respects_the_speed_limit(fleet: Fleet) -> None:
    spec = spec_of(fleet, DT1)
    pp = PurePursuit([(0.0, 0.0), (10.0, 0.0)], lookahead=1.0)
    v, w, arrived = pp.command(OdomSample(Pose2D(0.0, 0.0, math.pi), 0.0, 0.0, 0.0), spec, 0.35)
    assert v == 0.0 and abs(w) == spec.max_turn_rate and not arrived  # facing away: turn on the spot
    v, w, _ = pp.command(OdomSample(Pose2D(1.0, 0.0, 0.0), 0.0, 0.0, 0.0), spec, 0.35)
    assert 0.0 < v <= spec.max_speed and abs(w) < 1e-9
    v, w, arrived = pp.command(OdomSample(Pose2D(9.8, 0.0, 0.0), 0.0, 0.0, 0.0), spec, 0.35)
    assert arrived and (v, w) == (0.0, 0.0)


def test_navigation_goes_around_a_zone_without_the_safety_layer(fleet: Fleet, world: World) -> None:
    wall = KeepOutZone("wall", 4.0, -12.0, 3.0)
    w = replace(world, keep_out=(wall,))
    loop = SimLoop(fleet, w, [DT1])
    loop.send(nav("a", DT1, "obstacle1"))
    res = loop.run("a", max_s=120)
    snap = loop.sim.snapshot()
    assert res["a"].status is GoalStatus.SUCCEEDED, res["a"]
    assert loop.min_zone_gap >= 0.0 and not snap.keepout_violations
    assert snap.guard_stops == {"keep_out": 0, "geofence": 0, "object": 0}
    o = world.objects["obstacle1"]
    body = snap.robot(DT1).body_radius
    assert (
        math.hypot(snap.robot(DT1).pose.x - o.x, snap.robot(DT1).pose.y - o.y)
        <= o.radius + body + 0.5 + 0.35 + 1e-6
    )


def test_a_zone_added_across_the_route_mid_drive_is_driven_around(fleet: Fleet, world: World) -> None:
    loop = SimLoop(fleet, world, [DT1])
    loop.send(nav("a", DT1, "obstacle1"))
    for _ in range(60):
        loop.step()
    zone = KeepOutZone("late", 2.5, -12.0, 2.5)
    loop.sim.set_keep_out([zone])
    loop.cores[DT1].set_zones([zone])
    res = loop.run("a", max_s=120)
    snap = loop.sim.snapshot()
    assert res["a"].status is GoalStatus.SUCCEEDED, res["a"]
    assert loop.min_zone_gap >= 0.0 and snap.guard_stops["keep_out"] == 0


def test_a_parked_robot_on_the_way_is_planned_around(fleet: Fleet, world: World) -> None:
    # Park excavator 3 right on the straight line from truck 1 to obstacle1.
    f = fleet.with_robots(
        replace(r, start=Pose2D(3.0, -15.0)) if r.id == "robot_excavator_03" else r for r in fleet.robots
    )
    loop = SimLoop(f, world, [DT1])
    loop.send(nav("a", DT1, "obstacle1"))
    res = loop.run("a", max_s=120)
    snap = loop.sim.snapshot()
    assert res["a"].status is GoalStatus.SUCCEEDED and not snap.collisions


def test_return_to_start_ends_on_the_start_pose_and_heading(fleet: Fleet, world: World) -> None:
    loop = SimLoop(fleet, world, [DT1])
    loop.send(nav("a", DT1, "obstacle1"))
    loop.run("a", max_s=120)
    loop.send(
        SkillGoal("home", "p", "t", DT1, "return_to_start_for_specific_robots", SkillAction.RETURN_TO_START)
    )
    res = loop.run("home", max_s=120)
    assert res["home"].status is GoalStatus.SUCCEEDED
    start = fleet.robot(DT1).start
    pose = loop.sim.robot_pose(DT1)
    assert pose.distance_to(start) <= NavOptions().position_tolerance
    assert abs(math.remainder(pose.yaw - start.yaw, 2 * math.pi)) <= NavOptions().yaw_tolerance


def test_nav2_backend_sends_one_goal_pose_and_succeeds_on_arrival(fleet: Fleet, world: World) -> None:
    core = ActuationCore(spec_of(fleet, DT1), fleet, world, ActuationOptions(backend=Backend.NAV2))
    start = fleet.robot(DT1).start
    core.on_odom(OdomSample(start, 0.0, 0.0, 0.0))
    core.on_message(encode_goal(nav("a", DT1, "obstacle1")), 0.0)
    poses = []
    t = 0.0
    for _ in range(5):
        t += 0.1
        core.on_odom(OdomSample(start, 0.0, 0.0, t))
        out = core.tick(t)
        assert out.twist is None and not out.results  # Nav2 drives, not this node
        if out.goal_pose is not None:
            poses.append(out.goal_pose)
    (goal_pose,) = poses
    o = world.objects["obstacle1"]
    assert (
        math.hypot(goal_pose.x - o.x, goal_pose.y - o.y) > o.radius + 1.4
    )  # an approach point, not the object
    assert (
        abs(math.remainder(goal_pose.yaw - math.atan2(o.y - goal_pose.y, o.x - goal_pose.x), 2 * math.pi))
        < 1e-9
    )
    results = []
    for _ in range(20):  # Nav2 delivered the robot: stopped at the pose
        t += 0.1
        core.on_odom(OdomSample(goal_pose, 0.0, 0.0, t))
        results += core.tick(t).results
    assert [r.status for r in results] == [GoalStatus.SUCCEEDED]
    assert results[0].stamp >= 0.5  # only after dwelling there


def test_nav2_cancel_sends_the_current_pose_as_the_new_goal(fleet: Fleet, world: World) -> None:
    core = ActuationCore(spec_of(fleet, DT1), fleet, world, ActuationOptions(backend=Backend.NAV2))
    here = Pose2D(4.0, -20.0, 1.0)
    core.on_odom(OdomSample(here, 1.0, 0.0, 0.0))
    core.on_message(encode_goal(nav("a", DT1, "obstacle1")), 0.0)
    core.tick(0.05)
    out = core.on_message('{"schema":"dart_planner/goal@1","command":"cancel","goal_id":"a"}', 0.1)
    assert out.goal_pose == here and out.twist == (0.0, 0.0) and out.results[0].status is GoalStatus.CANCELLED
