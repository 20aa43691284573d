"""Tool skills of the actuation layer: joint targets out, completion judged from joint_states.

Run against the simulator's joint physics (soil moves by joint motion alone), and against
hand-made joint states for what a real machine without payload sensing reports.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from dart_planner.actuation import (
    ActuationCore,
    ActuationOptions,
    JointOptions,
    JointSample,
    MachineSpec,
    OdomSample,
)
from dart_planner.actuation.sim_loop import SimLoop
from dart_planner.core.actuation import GoalStatus, SkillGoal
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.geometry import Pose2D
from dart_planner.core.goal_codec import encode_goal
from dart_planner.core.world import World
from dart_planner.sim.config import SimConfig
from dart_planner.sim.tools import BOOM_CARRY, BUCKET_CARRY

EX1, DT1 = "robot_excavator_01", "robot_dump_truck_01"
SKILLS = {
    SkillAction.DIG: "Excavation",
    SkillAction.UNLOAD_BUCKET: "ExcavatorUnloading",
    SkillAction.LOAD: "DumpLoading",
    SkillAction.DUMP: "DumpUnloading",
}


def tool_goal(gid: str, robot: str, action: SkillAction, **kw: object) -> SkillGoal:
    return SkillGoal(gid, "p", gid, robot, SKILLS[action], action, **kw)  # type: ignore[arg-type]


def placed(fleet: Fleet, **poses: Pose2D) -> Fleet:
    return fleet.with_robots(replace(r, start=poses.get(r.id, r.start)) for r in fleet.robots)


@pytest.fixture
def site(fleet: Fleet) -> Fleet:
    """Excavator 1 within digging reach of soil1, truck 1 within its pouring reach."""
    return placed(fleet, **{EX1: Pose2D(-18.0, 13.0, math.pi / 2), DT1: Pose2D(-12.5, 13.0, math.pi / 2)})


def test_dig_unload_load_dump_move_the_soil_and_succeed(site: Fleet, world: World) -> None:
    loop = SimLoop(site, world, [EX1, DT1])
    total = loop.sim.snapshot().total_soil
    loop.send(tool_goal("dig", EX1, SkillAction.DIG, target="soil1"))
    res = loop.run("dig", max_s=60)
    assert res["dig"].status is GoalStatus.SUCCEEDED and "2.00 m3" in res["dig"].reason
    snap = loop.sim.snapshot()
    assert snap.piles["soil1"] == pytest.approx(28.0)
    assert snap.robot(EX1).joints["boom"] == BOOM_CARRY and snap.robot(EX1).joints["bucket"] == BUCKET_CARRY
    loop.send(tool_goal("load", DT1, SkillAction.LOAD, partner_ids=(EX1,)))
    loop.send(tool_goal("unload", EX1, SkillAction.UNLOAD_BUCKET, partner_ids=(DT1,)))
    res = loop.run("load", "unload", max_s=60)
    assert res["unload"].status is GoalStatus.SUCCEEDED and DT1 in res["unload"].reason
    assert res["load"].status is GoalStatus.SUCCEEDED
    assert loop.sim.snapshot().bed_loads[DT1] == pytest.approx(2.0)
    loop.send(tool_goal("dump", DT1, SkillAction.DUMP))
    res = loop.run("dump", max_s=60)
    snap = loop.sim.snapshot()
    assert res["dump"].status is GoalStatus.SUCCEEDED and snap.bed_loads[DT1] == pytest.approx(0.0, abs=1e-9)
    assert sum(snap.dumped.values()) == pytest.approx(2.0) and snap.total_soil == pytest.approx(total)
    assert not snap.robot(EX1).moving and not snap.robot(DT1).moving


def test_dig_at_an_empty_pile_fails(site: Fleet, world: World) -> None:
    empty = world.with_object(replace(world.objects["soil1"], volume=0.0))
    loop = SimLoop(site, empty, [EX1])
    loop.send(tool_goal("dig", EX1, SkillAction.DIG, target="soil1"))
    res = loop.run("dig", max_s=60)
    assert res["dig"].status is GoalStatus.FAILED and res["dig"].reason.startswith("pile_empty")


def test_unload_with_an_empty_bucket_fails_at_once(site: Fleet, world: World) -> None:
    loop = SimLoop(site, world, [EX1])
    loop.send(tool_goal("u", EX1, SkillAction.UNLOAD_BUCKET))
    loop.step()
    assert loop.results["u"].status is GoalStatus.FAILED and loop.results["u"].reason.startswith(
        "bucket_empty"
    )


def test_unload_waits_for_a_truck_in_reach_then_gives_up(fleet: Fleet, world: World) -> None:
    f = placed(fleet, **{EX1: Pose2D(-18.0, 13.0, math.pi / 2)})
    opts = ActuationOptions(joints=JointOptions(partner_wait_s=3.0))
    loop = SimLoop(f, world, [EX1], options=opts)
    loop.send(tool_goal("dig", EX1, SkillAction.DIG, target="soil1"))
    loop.run("dig", max_s=60)
    loop.send(tool_goal("u", EX1, SkillAction.UNLOAD_BUCKET))
    res = loop.run("u", max_s=30)
    assert res["u"].status is GoalStatus.FAILED and res["u"].reason.startswith("no_truck_in_reach")
    assert loop.sim.snapshot().bucket_loads[EX1] == pytest.approx(2.0)  # never opened: soil kept
    assert any(f.message.startswith("waiting for a truck") for f in loop.feedback)


def test_a_tool_skill_on_the_wrong_machine_fails(site: Fleet, world: World) -> None:
    loop = SimLoop(site, world, [DT1])
    loop.send(tool_goal("d", DT1, SkillAction.DUMP))
    spec = loop.cores[DT1].spec
    loop.cores[DT1].spec = replace(spec, tool="bucket")  # pretend the truck had a bucket, no bed
    loop.step()
    assert loop.results["d"].reason.startswith("skill_not_supported")


def core_with_joints(
    fleet: Fleet, world: World, rid: str, opts: ActuationOptions | None = None
) -> ActuationCore:
    r = fleet.robot(rid)
    core = ActuationCore(MachineSpec.from_robot(r, SimConfig().model_for(r.type)), fleet, world, opts)
    return core


def test_a_joint_that_stops_short_fails_the_skill(fleet: Fleet, world: World) -> None:
    core = core_with_joints(fleet, world, EX1, ActuationOptions(joints=JointOptions(stall_s=1.0)))
    core.on_message(encode_goal(tool_goal("dig", EX1, SkillAction.DIG)), 0.0)
    results = []
    t = 0.0
    while not results and t < 10.0:  # the boom never moves (hydraulics off)
        t += 0.1
        core.on_odom(OdomSample(Pose2D(0.0, 0.0), 0.0, 0.0, t))
        core.on_joints(JointSample({"boom": 0.5, "bucket": 1.0}, t))
        results = core.tick(t).results
    assert results[0].status is GoalStatus.FAILED and results[0].reason.startswith(
        "joint_stalled: boom, bucket"
    )
    assert 1.0 <= t <= 1.5


def test_without_payload_joints_completion_is_judged_from_motion(fleet: Fleet, world: World) -> None:
    """A real excavator reports only boom and bucket: the dig succeeds on the joint cycle."""
    core = core_with_joints(fleet, world, EX1)
    out = core.on_message(encode_goal(tool_goal("dig", EX1, SkillAction.DIG)), 0.0)
    pos = {"boom": 0.5, "bucket": 1.0}
    t = 0.0
    results = list(out.results)
    commanded = []
    while not results and t < 60.0:
        t += 0.1
        core.on_odom(OdomSample(Pose2D(0.0, 0.0), 0.0, 0.0, t))
        core.on_joints(JointSample(pos, t))
        out = core.tick(t)
        results = out.results
        if out.joints is not None:
            commanded.append(dict(out.joints))
            pos = {**pos, **out.joints}  # an ideal joint controller: there next cycle
    assert results[0].status is GoalStatus.SUCCEEDED and "no payload sensing" in results[0].reason
    assert [c for c in commanded if "boom" in c][0]["boom"] < 0 < commanded[-1]["boom"]  # down, then up


def test_load_without_payload_sensing_completes_after_the_nominal_duration(
    fleet: Fleet, world: World
) -> None:
    core = core_with_joints(fleet, world, DT1)
    core.on_message(encode_goal(tool_goal("load", DT1, SkillAction.LOAD)), 0.0)
    nominal = fleet.skills["DumpLoading"].duration_s
    t, results = 0.0, []
    while not results and t < 100.0:
        t += 0.1
        core.on_odom(OdomSample(Pose2D(0.0, 0.0), 0.0, 0.0, t))
        core.on_joints(JointSample({"bed": 0.0}, t))
        results = core.tick(t).results
    assert results[0].status is GoalStatus.SUCCEEDED and nominal <= t <= nominal + 0.5
