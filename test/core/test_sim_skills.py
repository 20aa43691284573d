"""Each skill of the simulator, judged from the site state it leaves behind."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from dart_planner.core.actuation import GoalStatus, SkillFeedback, SkillGoal, SkillResult
from dart_planner.core.errors import ExecutionError
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.geometry import Pose2D
from dart_planner.core.world import World
from dart_planner.sim import Simulation
from dart_planner.sim.config import SimConfig
from dart_planner.sim.skills import BED_DOWN, BOOM_CARRY, BUCKET_CARRY

EX1, EX2, EX3 = "robot_excavator_01", "robot_excavator_02", "robot_excavator_03"
DT1, DT2, DT3 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_dump_truck_03"
SKILL = {
    SkillAction.NAVIGATE: "target_area_for_specific_robots",
    SkillAction.RETURN_TO_START: "return_to_start_for_specific_robots",
    SkillAction.ADD_KEEPOUT: "avoid_areas_for_all_robots",
    SkillAction.REMOVE_KEEPOUT: "allow_areas_for_all_robots",
    SkillAction.DIG: "Excavation",
    SkillAction.UNLOAD_BUCKET: "ExcavatorUnloading",
    SkillAction.LOAD: "DumpLoading",
    SkillAction.DUMP: "DumpUnloading",
}
TOL = SimConfig().position_tolerance


def goal(
    gid: str, robot: str | None, action: SkillAction, target: str | None = None, **kw: object
) -> SkillGoal:
    return SkillGoal(gid, "plan", gid, robot, SKILL[action], action, target=target, **kw)  # type: ignore[arg-type]


def run(sim: Simulation, *goals: SkillGoal, max_time: float = 400.0) -> dict[str, SkillResult]:
    for g in goals:
        sim.start_skill(g)
    return {e.goal_id: e for e in sim.run_until_idle(max_time) if isinstance(e, SkillResult)}


def ok(results: dict[str, SkillResult], *ids: str) -> None:
    for gid in ids:
        assert results[gid].status is GoalStatus.SUCCEEDED, results[gid]


def footprint_gap(sim: Simulation, robot_id: str, x: float, y: float, radius: float) -> float:
    """Distance between the robot's body and a disc (negative = overlap)."""
    r = sim.snapshot().robot(robot_id)
    return math.hypot(r.pose.x - x, r.pose.y - y) - radius - r.body_radius


@pytest.fixture
def sim(fleet: Fleet, world: World) -> Simulation:
    return Simulation(fleet, world, seed=1)


# ---------------------------------------------------------------- navigation


def test_navigate_stops_next_to_the_object_within_tolerance(sim: Simulation, world: World) -> None:
    res = run(sim, goal("g", DT1, SkillAction.NAVIGATE, "puddle1"))
    ok(res, "g")
    p = world.objects["puddle1"]
    r = sim.snapshot().robot(DT1)
    ring = p.radius + r.body_radius + SimConfig().approach_gap
    assert abs(math.hypot(r.pose.x - p.x, r.pose.y - p.y) - ring) <= TOL
    assert r.linear_velocity == 0.0 and r.angular_velocity == 0.0
    facing = math.atan2(p.y - r.pose.y, p.x - r.pose.x)
    assert abs((facing - r.pose.yaw + math.pi) % (2 * math.pi) - math.pi) <= SimConfig().yaw_tolerance
    assert res["g"].pose == r.pose


def test_speed_and_turn_rate_stay_within_the_fleet_limits_per_type(sim: Simulation, fleet: Fleet) -> None:
    sim.start_skill(goal("a", DT1, SkillAction.NAVIGATE, "rock2"))
    sim.start_skill(goal("b", EX1, SkillAction.NAVIGATE, "soil1"))
    top = {DT1: 0.0, EX1: 0.0}
    while sim.busy:
        sim.step()
        for rid in top:
            r = sim.snapshot().robot(rid)
            spec = fleet.robot(rid)
            assert abs(r.linear_velocity) <= spec.max_speed + 1e-9
            assert abs(r.angular_velocity) <= spec.max_turn_rate + 1e-9
            top[rid] = max(top[rid], abs(r.linear_velocity))
    # each type actually drives at its own top speed on a long straight
    assert top[DT1] == pytest.approx(fleet.robot(DT1).max_speed, rel=0.02)
    assert top[EX1] == pytest.approx(fleet.robot(EX1).max_speed, rel=0.02)


def test_return_to_start_restores_the_start_pose(sim: Simulation, fleet: Fleet) -> None:
    ok(run(sim, goal("out", EX2, SkillAction.NAVIGATE, "obstacle1")), "out")
    assert sim.robot_pose(EX2).distance_to(fleet.robot(EX2).start) > 10
    ok(run(sim, goal("home", EX2, SkillAction.RETURN_TO_START)), "home")
    pose, start = sim.robot_pose(EX2), fleet.robot(EX2).start
    assert pose.distance_to(start) <= TOL
    assert abs((pose.yaw - start.yaw + math.pi) % (2 * math.pi) - math.pi) <= SimConfig().yaw_tolerance


def test_navigate_to_a_perceived_object_uses_the_goal_pose(sim: Simulation) -> None:
    g = goal("g", DT2, SkillAction.NAVIGATE, "crate7", target_pose=Pose2D(10.0, 0.0), target_radius=1.0)
    ok(run(sim, g), "g")
    assert footprint_gap(sim, DT2, 10.0, 0.0, 1.0) == pytest.approx(SimConfig().approach_gap, abs=TOL)


def test_all_robots_to_one_object_park_apart_without_touching(sim: Simulation, fleet: Fleet) -> None:
    res = run(
        sim, *(goal(f"g{i}", r, SkillAction.NAVIGATE, "puddle1") for i, r in enumerate(fleet.robot_ids))
    )
    ok(res, *(f"g{i}" for i in range(len(fleet.robot_ids))))
    snap = sim.snapshot()
    robots = list(snap.robots.values())
    for i, a in enumerate(robots):
        for b in robots[i + 1 :]:
            assert a.pose.distance_to(b.pose) >= a.body_radius + b.body_radius  # bodies apart
    assert snap.collisions == () and snap.safe


def test_paths_stay_inside_the_geofence(sim: Simulation, world: World) -> None:
    b = world.bounds
    g = goal("g", DT3, SkillAction.NAVIGATE, "corner", target_pose=Pose2D(b.xmax - 0.2, b.ymax - 0.2))
    sim.start_skill(g)
    res = {}
    while sim.busy:
        for e in sim.step():
            if isinstance(e, SkillResult):
                res[e.goal_id] = e
        r = sim.snapshot().robot(DT3)
        assert b.xmin <= r.pose.x - r.body_radius and r.pose.x + r.body_radius <= b.xmax
        assert b.ymin <= r.pose.y - r.body_radius and r.pose.y + r.body_radius <= b.ymax
    ok(res, "g")
    assert sim.snapshot().geofence_violations == ()


# ---------------------------------------------------------------- keep-out zones


def _assert_never_in_zone_over_run(sim: Simulation, max_time: float = 400.0) -> dict[str, SkillResult]:
    """Step to idle, checking every robot's body against every zone binding it, every step."""
    res: dict[str, SkillResult] = {}
    end = sim.time + max_time
    while sim.busy and sim.time < end:
        for e in sim.step():
            if isinstance(e, SkillResult):
                res[e.goal_id] = e
        snap = sim.snapshot()
        for z in snap.keep_out:
            for r in snap.robots.values():
                if z.applies_to(r.id) and r.id not in sim.zones.pending[z.name]:
                    gap = math.hypot(r.pose.x - z.x, r.pose.y - z.y) - z.radius - r.body_radius
                    assert gap >= -1e-9, (sim.time, r.id, z.name, gap)
    return res


def test_paths_go_around_keep_out_zones_over_a_whole_run(sim: Simulation) -> None:
    centre = goal(
        "z", None, SkillAction.ADD_KEEPOUT, "centre", target_pose=Pose2D(0.0, 2.0), target_radius=6.0
    )
    ok(run(sim, centre), "z")
    crossing = [
        goal("a", DT1, SkillAction.NAVIGATE, "puddle1"),  # starts south-east, target north-west
        goal("b", EX3, SkillAction.NAVIGATE, "soil2"),
        goal("c", DT3, SkillAction.NAVIGATE, "rock1"),
        goal("d", EX1, SkillAction.NAVIGATE, "obstacle2"),
    ]
    for g in crossing:
        sim.start_skill(g)
    res = _assert_never_in_zone_over_run(sim)
    ok(res, "a", "b", "c", "d")
    snap = sim.snapshot()
    assert snap.keepout_violations == () and snap.guard_stops == {"keep_out": 0, "geofence": 0, "object": 0}


def test_adding_a_zone_around_a_robot_moves_it_out_the_short_way_first(sim: Simulation, world: World) -> None:
    ok(run(sim, goal("go", DT1, SkillAction.NAVIGATE, "puddle1")), "go")  # parked 0.5 m from the puddle
    before = sim.robot_pose(DT1)
    zone = world.keepout_for_object("puddle1")
    assert footprint_gap(sim, DT1, zone.x, zone.y, zone.radius) < 0  # the new zone would contain it
    sim.start_skill(goal("avoid", None, SkillAction.ADD_KEEPOUT, "puddle1"))
    res = _assert_never_in_zone_over_run(sim)
    ok(res, "avoid")
    assert res["avoid"].robot_id is None
    assert footprint_gap(sim, DT1, zone.x, zone.y, zone.radius) >= 0
    assert sim.robot_pose(DT1).distance_to(before) < 2.0  # moved out, not away
    assert [z.name for z in sim.keep_out] == ["puddle1"] and sim.snapshot().keepout_violations == ()


def test_a_zone_that_would_trap_a_busy_robot_fails_and_is_rolled_back(sim: Simulation) -> None:
    ok(run(sim, goal("go", EX1, SkillAction.NAVIGATE, "soil1")), "go")
    sim.start_skill(goal("dig", EX1, SkillAction.DIG))
    for _ in range(30):
        sim.step()
    sim.start_skill(goal("avoid", None, SkillAction.ADD_KEEPOUT, "soil1"))
    res = run(sim)
    assert res["avoid"].status is GoalStatus.FAILED
    assert res["avoid"].reason.startswith("robot_in_zone") and EX1 in res["avoid"].reason
    assert sim.keep_out == ()
    ok(res, "dig")


def test_a_zone_nobody_can_leave_fails_and_is_rolled_back(sim: Simulation) -> None:
    huge = goal("z", None, SkillAction.ADD_KEEPOUT, "site", target_pose=Pose2D(0.0, 0.0), target_radius=45.0)
    res = run(sim, huge, max_time=30.0)
    assert res["z"].status is GoalStatus.FAILED
    assert res["z"].reason.startswith("robot_in_zone") and "cannot get out" in res["z"].reason
    assert sim.keep_out == () and not sim.busy


def test_zone_radius_from_the_goal_or_from_the_world_model(sim: Simulation, world: World) -> None:
    rock = world.objects["rock2"]
    ok(run(sim, goal("w", None, SkillAction.ADD_KEEPOUT, "rock2")), "w")
    assert sim.keep_out[0].radius == pytest.approx(rock.radius + world.keepout_margin)
    # a goal with a pose carries the zone radius itself (perceived object, margin included)
    g = goal("p", None, SkillAction.ADD_KEEPOUT, "crate", target_pose=Pose2D(5.0, 5.0), target_radius=2.5)
    ok(run(sim, g), "p")
    assert {z.name: z.radius for z in sim.keep_out}["crate"] == 2.5
    assert sim.clock() == sim.time


def test_zone_for_specific_robots_binds_only_them(sim: Simulation, world: World) -> None:
    zone = world.keepout_for_object("puddle1")
    ok(run(sim, goal("z", EX1, SkillAction.ADD_KEEPOUT, "puddle1", applies_to=(EX1,))), "z")
    assert sim.keep_out[0].robots == frozenset({EX1})
    res = run(
        sim, goal("e", EX1, SkillAction.NAVIGATE, "puddle1"), goal("t", DT1, SkillAction.NAVIGATE, "puddle1")
    )
    ok(res, "e", "t")
    assert footprint_gap(sim, EX1, zone.x, zone.y, zone.radius) >= 0  # kept out: stops at the zone's rim
    assert footprint_gap(sim, DT1, zone.x, zone.y, zone.radius) < 0  # not concerned: goes right up to it


def test_lifting_an_all_robots_zone_for_one_robot_keeps_it_for_the_others(
    sim: Simulation, fleet: Fleet
) -> None:
    ok(run(sim, goal("z", None, SkillAction.ADD_KEEPOUT, "puddle2")), "z")
    ok(run(sim, goal("lift", None, SkillAction.REMOVE_KEEPOUT, "puddle2", applies_to=(DT2,))), "lift")
    (zone,) = sim.keep_out
    assert zone.robots == frozenset(fleet.robot_ids) - {DT2}
    ok(run(sim, goal("lift_all", None, SkillAction.REMOVE_KEEPOUT, "puddle2")), "lift_all")
    assert sim.keep_out == ()
    res = run(sim, goal("again", None, SkillAction.REMOVE_KEEPOUT, "puddle2"))
    ok(res, "again")  # lifting a zone that is not there is a no-op, not an error
    assert "nothing to lift" in res["again"].reason


# ---------------------------------------------------------------- soil handling


def test_soil_moves_pile_to_bucket_to_bed_to_dump_site_and_is_conserved(sim: Simulation) -> None:
    total = sim.snapshot().total_soil
    ok(
        run(
            sim,
            goal("ex", EX1, SkillAction.NAVIGATE, "soil1"),
            goal("tr", DT1, SkillAction.NAVIGATE, "soil1"),
        ),
        "ex",
        "tr",
    )

    def step_all(*goals: SkillGoal) -> dict[str, SkillResult]:
        for g in goals:
            sim.start_skill(g)
        res: dict[str, SkillResult] = {}
        while sim.busy:
            for e in sim.step():
                if isinstance(e, SkillResult):
                    res[e.goal_id] = e
            assert sim.snapshot().total_soil == pytest.approx(total, abs=1e-9)
        return res

    cap = sim.robots[EX1].model.bucket_capacity
    ok(step_all(goal("dig", EX1, SkillAction.DIG)), "dig")
    snap = sim.snapshot()
    assert snap.bucket_loads[EX1] == pytest.approx(cap) and snap.piles["soil1"] == pytest.approx(30.0 - cap)
    assert snap.robot(EX1).joints["boom"] == BOOM_CARRY and snap.robot(EX1).joints["bucket"] == BUCKET_CARRY

    ok(
        step_all(goal("unload", EX1, SkillAction.UNLOAD_BUCKET), goal("load", DT1, SkillAction.LOAD)),
        "unload",
        "load",
    )
    snap = sim.snapshot()
    assert snap.bucket_loads[EX1] == pytest.approx(0.0, abs=1e-9) and snap.bed_loads[DT1] == pytest.approx(
        cap
    )

    ok(step_all(goal("drive", DT1, SkillAction.NAVIGATE, "puddle2")), "drive")
    res = step_all(goal("dump", DT1, SkillAction.DUMP))
    ok(res, "dump")
    snap = sim.snapshot()
    assert snap.bed_loads[DT1] == pytest.approx(0.0, abs=1e-9) and snap.robot(DT1).joints["bed"] == BED_DOWN
    assert snap.dumped == {"puddle2": pytest.approx(cap)}
    (record,) = snap.dumps
    assert record.robot_id == DT1 and record.location == "puddle2"
    assert (record.x, record.y) == (snap.robot(DT1).pose.x, snap.robot(DT1).pose.y)


def test_feedback_progress_rises_to_one_while_digging(sim: Simulation) -> None:
    ok(run(sim, goal("go", EX2, SkillAction.NAVIGATE, "soil2")), "go")
    sim.start_skill(goal("dig", EX2, SkillAction.DIG))
    progress = []
    while sim.busy:
        progress += [e.progress for e in sim.step() if isinstance(e, SkillFeedback)]
    assert len(progress) >= 5 and progress == sorted(progress) and 0 <= progress[0] < progress[-1] <= 1


def test_dig_away_from_piles_digs_the_ground_where_it_stands(sim: Simulation) -> None:
    total = sim.snapshot().total_soil
    ok(run(sim, goal("go", EX1, SkillAction.NAVIGATE, "rock1")), "go")
    ok(run(sim, goal("dig", EX1, SkillAction.DIG)), "dig")
    snap = sim.snapshot()
    assert snap.bucket_loads[EX1] == pytest.approx(2.0) and snap.excavated == {"rock1": pytest.approx(2.0)}
    assert sum(snap.piles.values()) == 60.0  # the piles are untouched
    assert snap.total_soil == pytest.approx(total)


def test_strict_dig_without_a_pile_in_reach_fails(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, config=SimConfig(dig_anywhere=False))
    res = run(sim, goal("dig", EX1, SkillAction.DIG))
    assert res["dig"].status is GoalStatus.FAILED and res["dig"].reason.startswith("no_pile_in_reach")
    assert sim.snapshot().bucket_loads[EX1] == 0.0


def test_one_truck_parks_within_reach_of_two_excavators(sim: Simulation) -> None:
    res = run(
        sim,
        goal("e1", EX1, SkillAction.NAVIGATE, "soil2"),
        goal("e2", EX2, SkillAction.NAVIGATE, "soil2"),
        goal("t", DT1, SkillAction.NAVIGATE, "soil2"),
    )
    ok(res, "e1", "e2", "t")
    ok(run(sim, goal("d1", EX1, SkillAction.DIG), goal("d2", EX2, SkillAction.DIG)), "d1", "d2")
    ok(run(sim, goal("u1", EX1, SkillAction.UNLOAD_BUCKET)), "u1")
    ok(run(sim, goal("u2", EX2, SkillAction.UNLOAD_BUCKET)), "u2")
    assert sim.snapshot().bed_loads[DT1] == pytest.approx(4.0)
    assert sim.snapshot().piles["soil2"] == pytest.approx(26.0)  # both dug from the pile, not the ground


def test_dig_from_an_empty_pile_fails(fleet: Fleet, world: World) -> None:
    empty = world.with_object(replace(world.objects["soil1"], volume=0.0))
    sim = Simulation(fleet, empty)
    ok(run(sim, goal("go", EX1, SkillAction.NAVIGATE, "soil1")), "go")
    res = run(sim, goal("dig", EX1, SkillAction.DIG))
    assert res["dig"].status is GoalStatus.FAILED and res["dig"].reason.startswith("pile_empty")


def test_unload_without_an_adjacent_truck_fails_and_keeps_the_soil(sim: Simulation) -> None:
    ok(run(sim, goal("go", EX1, SkillAction.NAVIGATE, "soil1")), "go")
    ok(run(sim, goal("dig", EX1, SkillAction.DIG)), "dig")
    res = run(sim, goal("unload", EX1, SkillAction.UNLOAD_BUCKET))
    assert res["unload"].status is GoalStatus.FAILED and res["unload"].reason.startswith("no_truck_in_reach")
    assert sim.snapshot().bucket_loads[EX1] > 0


def test_unload_with_an_empty_bucket_fails(sim: Simulation) -> None:
    res = run(sim, goal("unload", EX1, SkillAction.UNLOAD_BUCKET))
    assert res["unload"].status is GoalStatus.FAILED and res["unload"].reason.startswith("bucket_empty")


def test_unload_waits_for_a_truck_that_is_still_driving_to_it(sim: Simulation) -> None:
    ok(run(sim, goal("go", EX1, SkillAction.NAVIGATE, "soil1")), "go")
    ok(run(sim, goal("dig", EX1, SkillAction.DIG)), "dig")
    sim.start_skill(goal("truck", DT1, SkillAction.NAVIGATE, "soil1"))
    sim.step()
    res = run(sim, goal("unload", EX1, SkillAction.UNLOAD_BUCKET))
    ok(res, "truck", "unload")
    assert res["unload"].stamp > res["truck"].stamp
    assert sim.snapshot().bed_loads[DT1] > 0


def test_load_waits_until_an_excavator_has_poured(sim: Simulation) -> None:
    ok(
        run(
            sim,
            goal("ex", EX1, SkillAction.NAVIGATE, "soil1"),
            goal("tr", DT1, SkillAction.NAVIGATE, "soil1"),
        ),
        "ex",
        "tr",
    )
    sim.start_skill(goal("load", DT1, SkillAction.LOAD))
    for _ in range(300):  # 30 s: nothing poured, so the truck keeps waiting
        assert not any(isinstance(e, SkillResult) for e in sim.step())
    res = run(sim, goal("dig", EX1, SkillAction.DIG))
    ok(res, "dig")
    assert "load" not in res  # digging alone does not load the truck
    res = run(sim, goal("unload", EX1, SkillAction.UNLOAD_BUCKET))
    ok(res, "unload", "load")
    assert sim.snapshot().bed_loads[DT1] > 0


def test_skills_on_the_wrong_machine_fail(sim: Simulation) -> None:
    res = run(sim, goal("d", DT1, SkillAction.DIG), goal("l", EX1, SkillAction.LOAD))
    assert res["d"].reason.startswith("skill_not_supported") and res["l"].reason.startswith(
        "skill_not_supported"
    )


# ---------------------------------------------------------------- control: cancel, e-stop, errors


def test_cancel_stops_the_robot_and_reports_cancelled_at_the_next_step(sim: Simulation) -> None:
    sim.start_skill(goal("g", DT2, SkillAction.NAVIGATE, "rock2"))
    for _ in range(60):
        sim.step()
    assert abs(sim.snapshot().robot(DT2).linear_velocity) > 0.5
    sim.cancel("g")
    assert sim.snapshot().robot(DT2).linear_velocity == 0.0
    events = sim.step()
    assert [(e.goal_id, e.status) for e in events if isinstance(e, SkillResult)] == [
        ("g", GoalStatus.CANCELLED)
    ]
    where = sim.robot_pose(DT2)
    for _ in range(20):
        sim.step()
    assert sim.robot_pose(DT2) == where and not sim.busy


def test_emergency_stop_zeroes_every_velocity_now_and_cancels_every_goal(
    sim: Simulation, fleet: Fleet
) -> None:
    for i, rid in enumerate(fleet.robot_ids):
        sim.start_skill(goal(f"g{i}", rid, SkillAction.NAVIGATE, "soil2"))
    for _ in range(50):
        sim.step()
    assert any(r.moving for r in sim.snapshot().robots.values())
    sim.stop_all()
    snap = sim.snapshot()  # no step in between: stopped now
    assert all(r.linear_velocity == 0.0 and r.angular_velocity == 0.0 for r in snap.robots.values())
    events = [e for e in sim.step() if isinstance(e, SkillResult)]
    assert {e.goal_id for e in events} == {f"g{i}" for i in range(len(fleet.robot_ids))}
    assert all(e.status is GoalStatus.CANCELLED and e.reason == "emergency_stop" for e in events)
    poses = {r.id: r.pose for r in snap.robots.values()}
    for _ in range(10):
        sim.step()
    assert {r.id: r.pose for r in sim.snapshot().robots.values()} == poses


def test_a_new_goal_preempts_the_robots_current_goal(sim: Simulation) -> None:
    sim.start_skill(goal("first", DT1, SkillAction.NAVIGATE, "rock2"))
    sim.step()
    res = run(sim, goal("second", DT1, SkillAction.NAVIGATE, "obstacle1"))
    assert res["first"].status is GoalStatus.CANCELLED and "preempted" in res["first"].reason
    ok(res, "second")


def test_unknown_robot_or_target_fails_with_a_reason_and_a_reused_goal_id_raises(sim: Simulation) -> None:
    res = run(
        sim,
        goal("a", "robot_nobody", SkillAction.NAVIGATE, "puddle1"),
        goal("b", DT1, SkillAction.NAVIGATE, "atlantis"),
        goal("c", None, SkillAction.DIG),
    )
    assert res["a"].reason.startswith("unknown_robot")
    assert res["b"].reason.startswith("unknown_target")
    assert res["c"].reason.startswith("robot_required")
    with pytest.raises(ExecutionError):
        sim.start_skill(goal("a", DT1, SkillAction.NAVIGATE, "puddle1"))
    with pytest.raises(ExecutionError):
        sim.robot_pose("robot_nobody")
