"""The actuation channel's JSON round-trips exactly and rejects what must not move a robot."""

from __future__ import annotations

import json

import pytest

from dart_planner.core.actuation import GoalStatus, SkillFeedback, SkillGoal, SkillResult
from dart_planner.core.errors import PlanFormatError
from dart_planner.core.fleet import SkillAction
from dart_planner.core.geometry import Pose2D
from dart_planner.core.goal_codec import (
    decode_feedback,
    decode_goal_command,
    decode_result,
    encode_cancel,
    encode_feedback,
    encode_goal,
    encode_result,
    encode_stop,
)

GOAL = SkillGoal("g1", "plan-1", "t1", "robot_dump_truck_01", "target_area_for_specific_robots",
                 SkillAction.NAVIGATE, target="soil1", target_pose=Pose2D(1.0, 2.0, 0.5), target_radius=3.0,
                 partner_ids=("robot_excavator_01",), timeout_s=60.0, attempt=2, params={"speed": 0.5})


def test_round_trips() -> None:
    assert decode_goal_command(encode_goal(GOAL)).goal == GOAL
    fleet_goal = SkillGoal("g2", "p", "t", None, "avoid_areas_for_all_robots", SkillAction.ADD_KEEPOUT,
                           applies_to=("a", "b"))
    assert decode_goal_command(encode_goal(fleet_goal)).goal == fleet_goal
    cmd = decode_goal_command(encode_cancel("g1", "user"))
    assert cmd.cancel_id == "g1" and cmd.goal is None and cmd.reason == "user"
    assert decode_goal_command(encode_stop()).stop
    fb = SkillFeedback("g1", "r", 0.5, "half", Pose2D(1, 2, 3), 4.0)
    assert decode_feedback(encode_feedback(fb)) == fb
    res = SkillResult("g1", "r", GoalStatus.FAILED, "blocked", None, 9.0)
    assert decode_result(encode_result(res)) == res


def _tamper(text: str, **changes: object) -> str:
    d = json.loads(text)
    d.update(changes)
    return json.dumps(d)


@pytest.mark.parametrize("changes, fragment", [
    ({"action": "self_destruct"}, "not an allowed action"),
    ({"command": "explode"}, "expected goal, cancel or stop"),
    ({"goal_id": ""}, "goal_id"),
    ({"target_pose": {"x": "1"}}, "finite numbers"),
    ({"timeout_s": True}, "timeout_s"),
    ({"schema": "dart_planner/goal@9"}, "is not"),
])
def test_bad_goals_are_rejected(changes, fragment) -> None:
    with pytest.raises(PlanFormatError, match=fragment):
        decode_goal_command(_tamper(encode_goal(GOAL), **changes))


def test_result_must_be_terminal() -> None:
    text = _tamper(encode_result(SkillResult("g", "r", GoalStatus.SUCCEEDED)), status="running")
    with pytest.raises(PlanFormatError, match="terminal"):
        decode_result(text)
