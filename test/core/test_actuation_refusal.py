"""Which goals an actuation node refuses at once, and where goals lead."""

from __future__ import annotations

import json

import pytest

from dart_planner.actuation.refusal import REFUSED, refusal, resolve_target, salvage_ids
from dart_planner.core.actuation import SkillGoal
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.geometry import Pose2D
from dart_planner.core.world import KeepOutZone, World

EX1, DT1 = "robot_excavator_01", "robot_dump_truck_01"
NAV = "target_area_for_specific_robots"


def goal(
    robot: str | None, action: SkillAction = SkillAction.NAVIGATE, skill: str = NAV, **kw: object
) -> SkillGoal:
    return SkillGoal("g", "p", "t", robot, skill, action, **kw)  # type: ignore[arg-type]


def test_a_plain_goal_for_this_robot_is_accepted(fleet: Fleet, world: World) -> None:
    assert refusal(goal(DT1, target="puddle1"), DT1, fleet, world, ()) == ""
    assert refusal(goal(EX1, SkillAction.DIG, "Excavation", target="soil1"), EX1, fleet, world, ()) == ""


@pytest.mark.parametrize(
    ("g", "words"),
    [
        (goal(EX1, target="puddle1"), "is for robot_excavator_01"),
        (goal(None, SkillAction.ADD_KEEPOUT, "avoid_areas_for_all_robots", target="puddle1"), "fleet-level"),
        (
            goal(DT1, SkillAction.ADD_KEEPOUT, "avoid_areas_for_specific_robots", target="puddle1"),
            "not executed by actuation",
        ),
        (goal(DT1, skill="fly_to_the_moon", target="puddle1"), "unknown skill"),
        (goal(DT1, SkillAction.DUMP, NAV, target="puddle1"), "is a navigate, not a dump"),
        (goal(DT1, SkillAction.DIG, "Excavation"), "has no skill 'Excavation'"),
    ],
)
def test_foreign_fleet_level_unknown_or_mismatched_goals_are_refused(
    fleet: Fleet, world: World, g: SkillGoal, words: str
) -> None:
    reason = refusal(g, DT1, fleet, world, ())
    assert reason.startswith(REFUSED) and words in reason


def test_a_target_inside_a_zone_in_force_for_this_robot_is_refused(fleet: Fleet, world: World) -> None:
    fence = world.keepout_for_object("puddle1")
    reason = refusal(goal(DT1, target="puddle1"), DT1, fleet, world, [fence])
    assert reason.startswith(REFUSED) and "keep-out zone puddle1" in reason
    only_ex = KeepOutZone("puddle1", fence.x, fence.y, fence.radius, frozenset({EX1}))
    assert refusal(goal(DT1, target="puddle1"), DT1, fleet, world, [only_ex]) == ""  # not in force for DT1
    # A perceived pose sent with the goal is what counts, not the configured object.
    moved = goal(DT1, target="puddle1", target_pose=Pose2D(20.0, 20.0))
    assert refusal(moved, DT1, fleet, world, [fence]) == ""


def test_return_to_start_inside_a_zone_is_refused(fleet: Fleet, world: World) -> None:
    s = fleet.robot(DT1).start
    g = goal(DT1, SkillAction.RETURN_TO_START, "return_to_start_for_specific_robots")
    assert refusal(g, DT1, fleet, world, [KeepOutZone("home", s.x, s.y, 2.0)]).startswith(REFUSED)


def test_targets_resolve_from_the_goal_pose_then_the_world_then_the_start(fleet: Fleet, world: World) -> None:
    soil = world.objects["soil1"]
    t = resolve_target(goal(EX1, target="soil1"), fleet, world)
    assert t is not None and (t.x, t.y, t.radius, t.name) == (soil.x, soil.y, soil.radius, "soil1")
    t = resolve_target(
        goal(EX1, target="soil1", target_pose=Pose2D(1.0, 2.0), target_radius=4.0), fleet, world
    )
    assert t is not None and (t.x, t.y, t.radius) == (1.0, 2.0, 4.0)
    t = resolve_target(goal(EX1, target="ghost"), fleet, world)
    assert t is None
    start = fleet.robot(EX1).start
    t = resolve_target(
        goal(EX1, SkillAction.RETURN_TO_START, "return_to_start_for_specific_robots"), fleet, world
    )
    assert t is not None and (t.x, t.y, t.radius, t.yaw) == (start.x, start.y, 0.0, start.yaw)


def test_ids_are_salvaged_from_undecodable_goals_only_when_plain_strings() -> None:
    ok = json.dumps(
        {
            "schema": "dart_planner/goal@1",
            "command": "goal",
            "goal_id": "g7",
            "robot_id": DT1,
            "action": "teleport",
        }
    )
    assert salvage_ids(ok) == ("g7", DT1)
    assert salvage_ids(json.dumps({"goal_id": 7, "robot_id": ["x"]})) == (None, None)
    assert salvage_ids("not json {") == (None, None)
    assert salvage_ids('{"goal_id": NaN}') == (None, None)
    assert salvage_ids("[1, 2]") == (None, None)
