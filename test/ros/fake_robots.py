"""TEST DOUBLE (never shipped): a stand-in for the fleet's actuation nodes.

Answers goals on every robot's ``dart/goal`` topic the way the contract says an actuation
node must (feedback a few times a second while a goal runs, then exactly one result; cancel
-> CANCELLED; stop -> every goal CANCELLED; a goal for another robot -> FAILED "refused:
..."), after a configurable time and without moving anything. Robots in ``silent`` take
goals but never answer (a hung or dead actuation node as the allocator sees it). It also
publishes each robot's start pose on ``odom``. It records every message it received, so
tests can check what the allocator sent and when.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from nav_msgs.msg import Odometry
from rclpy.node import Node
from std_msgs.msg import String

from dart_planner.core.actuation import GoalStatus, SkillFeedback, SkillGoal, SkillResult
from dart_planner.core.errors import DartPlannerError
from dart_planner.core.fleet import Fleet
from dart_planner.core.goal_codec import decode_goal_command, encode_feedback, encode_result
from dart_planner.nodes.conversions import odometry_from_state, time_msg
from dart_planner.nodes.qos import EVENTS, SENSOR
from dart_planner.topics import ROBOT_FEEDBACK, ROBOT_GOAL, ROBOT_RESULT, robot_path


@dataclass
class Received:
    at: float
    robot_id: str
    kind: str  # goal | cancel | stop | ignored (sent to a silent robot) | repeat (a goal id it already had)
    goal: SkillGoal | None = None
    goal_id: str | None = None


@dataclass
class _Active:
    goal: SkillGoal
    due: float
    feedback_at: float = -1.0


class FakeRobots(Node):
    """One node serving every robot of ``fleet``; ``duration(goal)`` seconds per goal,
    ``outcome(goal)`` -> (status, reason) decides the result."""

    def __init__(self, fleet: Fleet, context: Any, *, duration: Callable[[SkillGoal], float] | None = None,
                 outcome: Callable[[SkillGoal], tuple[GoalStatus, str]] | None = None, name: str = "fake_robots",
                 feedback_period: float = 0.5):
        Node.__init__(self, name, context=context)
        self.feedback_period = feedback_period
        self.silent: set[str] = set()
        """Robots whose node is hung: messages to them wait, unanswered, until they leave the set."""
        self._deferred: list[tuple[str, String]] = []
        self.deaf: dict[str, int] = {}
        """Robot -> how many of its next goal messages are lost (a goal reader that has not matched
        the allocator's writer yet drops them, unrecorded)."""
        self.no_odom: set[str] = set()
        """Robots whose odometry is not published (vanished from the site)."""
        self.fleet = fleet
        self.duration = duration or (lambda g: 0.2)
        self.outcome = outcome or (lambda g: (GoalStatus.SUCCEEDED, ""))
        self.received: list[Received] = []
        self.results: list[SkillResult] = []
        self.active: dict[str, _Active] = {}
        self._seen: set[str] = set()
        """Goal ids received: a goal published again (the allocator repeats unacknowledged goals) is
        ignored, as a real actuation node ignores it."""
        self._fb: dict[str, Any] = {}
        self._res: dict[str, Any] = {}
        self._odom: dict[str, Any] = {}
        for r in fleet.robots:
            self.create_subscription(String, robot_path(r, ROBOT_GOAL), partial(self._on_goal, r.id), EVENTS)
            self._fb[r.id] = self.create_publisher(String, robot_path(r, ROBOT_FEEDBACK), EVENTS)
            self._res[r.id] = self.create_publisher(String, robot_path(r, ROBOT_RESULT), EVENTS)
            self._odom[r.id] = self.create_publisher(Odometry, robot_path(r, r.odom_topic), SENSOR)
        self.create_timer(0.02, self._step)
        self.create_timer(0.2, self._publish_odom)

    def goals(self, task_id: str | None = None) -> list[SkillGoal]:
        return [m.goal for m in self.received
                if m.goal is not None and (task_id is None or m.goal.task_id == task_id)]

    def _on_goal(self, robot_id: str, msg: String) -> None:
        now = time.monotonic()
        try:
            cmd = decode_goal_command(msg.data)
        except DartPlannerError:
            return
        if cmd.goal is not None and self.deaf.get(robot_id, 0) > 0:
            self.deaf[robot_id] -= 1
            return
        if cmd.goal is not None and cmd.goal.goal_id in self._seen:
            self.received.append(Received(now, robot_id, "repeat", goal_id=cmd.goal.goal_id))
            return
        if cmd.goal is not None:
            self._seen.add(cmd.goal.goal_id)
        if robot_id in self.silent:  # hung: nothing is answered until it wakes up (see _step)
            self.received.append(Received(now, robot_id, "ignored", goal=cmd.goal,
                                          goal_id=cmd.goal.goal_id if cmd.goal else cmd.cancel_id))
            self._deferred.append((robot_id, msg))
            return
        self._act(robot_id, cmd, now)

    def _act(self, robot_id: str, cmd: Any, now: float, record: bool = True) -> None:
        """Answer one goal-topic message (``record`` False: it was recorded when it arrived)."""
        log = self.received.append if record else (lambda m: None)
        if cmd.stop:
            log(Received(now, robot_id, "stop"))
            for gid, a in list(self.active.items()):
                if a.goal.robot_id == robot_id:
                    self._finish(gid, GoalStatus.CANCELLED, "stopped")
            return
        if cmd.cancel_id is not None:
            log(Received(now, robot_id, "cancel", goal_id=cmd.cancel_id))
            if cmd.cancel_id in self.active:
                self._finish(cmd.cancel_id, GoalStatus.CANCELLED, "cancelled")
            return
        goal = cmd.goal
        assert goal is not None
        log(Received(now, robot_id, "goal", goal=goal, goal_id=goal.goal_id))
        if goal.robot_id != robot_id:
            self._publish_result(robot_id, SkillResult(goal.goal_id, robot_id, GoalStatus.FAILED,
                                                       f"refused: goal for {goal.robot_id}"))
            return
        for gid, a in list(self.active.items()):  # a new goal preempts the robot's old one
            if a.goal.robot_id == robot_id:
                self._finish(gid, GoalStatus.CANCELLED, "preempted")
        self.active[goal.goal_id] = _Active(goal, now + self.duration(goal))

    def _step(self) -> None:
        now = time.monotonic()
        woken = [(rid, m) for rid, m in self._deferred if rid not in self.silent]
        if woken:  # a node that wakes up works through what it was sent meanwhile, in order
            self._deferred = [(rid, m) for rid, m in self._deferred if rid in self.silent]
            for rid, m in woken:
                self._act(rid, decode_goal_command(m.data), now, record=False)
        for gid, a in list(self.active.items()):
            if now - a.feedback_at >= self.feedback_period:
                a.feedback_at = now
                self._fb[a.goal.robot_id].publish(_string(encode_feedback(
                    SkillFeedback(gid, a.goal.robot_id, 0.5, "half way"))))
            if now >= a.due:
                status, reason = self.outcome(a.goal)
                self._finish(gid, status, reason)

    def _finish(self, goal_id: str, status: GoalStatus, reason: str) -> None:
        a = self.active.pop(goal_id)
        # a robot that succeeded stands where it was sent (the double does not move anything)
        pose = a.goal.target_pose if status is GoalStatus.SUCCEEDED else None
        self._publish_result(a.goal.robot_id or "", SkillResult(goal_id, a.goal.robot_id, status, reason, pose))

    def _publish_result(self, robot_id: str, res: SkillResult) -> None:
        self.results.append(res)
        self._res[robot_id].publish(_string(encode_result(res)))

    def _publish_odom(self) -> None:
        stamp = time_msg(time.time())
        for r in self.fleet.robots:
            if r.id in self.no_odom:
                continue
            self._odom[r.id].publish(odometry_from_state(r.start, 0.0, 0.0, stamp, "map", r.id))


def _string(text: str) -> String:
    msg = String()
    msg.data = text
    return msg
