"""Navigation tasks: drive to a target on cmd_vel (twist backend) or through Nav2 (goal_pose).

Both stow the tools first (the travel pose the simulator and real sites require), choose
the same approach point (:mod:`dart_planner.actuation.approach`) and judge arrival from
odometry alone: within tolerance of the approach point and stopped. The twist task plans
its own path around the keep-out zones in force for the robot, objects and parked robots
and follows it with pure pursuit, replanning when the zones change or it is held up; the
Nav2 task hands the approach pose to Nav2 and watches.
"""

from __future__ import annotations

import math

from ..core.geometry import Pose2D, wrap_angle
from ..sim.pathing import Point
from .approach import plan_route
from .context import TaskContext
from .joint_skills import JointOptions, ToolPoses, travel_pose
from .model import NavOptions, Outcome, Step
from .pursuit import PurePursuit
from .refusal import Target

__all__ = ["NavigateTask", "Nav2Task"]

PROGRESS_EPS = 0.1
"""Metres the remaining distance must shrink by to count as progress (stall detection)."""


class _Stow:
    """Command the travel pose and wait until joint_states show it (or there are none)."""

    def __init__(self, poses: ToolPoses, jopts: JointOptions):
        self.poses = poses
        self.jopts = jopts
        self.last_move = -math.inf
        self.last_pos: dict[str, float] = {}

    def step(self, ctx: TaskContext) -> Step | None:
        """A Step while stowing, None once stowed (or nothing to stow)."""
        want = travel_pose(ctx.spec.joints, self.poses)
        if not want:
            return None
        if ctx.joints is None:
            return None  # no joint feedback (a base without tools, or not yet): nothing to wait for
        pos = ctx.joints.positions
        known = {k: v for k, v in want.items() if k in pos}
        if all(abs(pos[k] - v) <= self.jopts.tolerance for k, v in known.items()):
            return None
        moved = any(abs(pos[k] - self.last_pos.get(k, math.inf)) > 1e-4 for k in known)
        if moved or self.last_move == -math.inf:
            self.last_move = ctx.now
            self.last_pos = {k: pos[k] for k in known}
        elif ctx.now - self.last_move > self.jopts.stall_s:
            stuck = ", ".join(sorted(k for k, v in known.items() if abs(pos[k] - v) > self.jopts.tolerance))
            return Step(
                twist=(0.0, 0.0), outcome=Outcome.fail(f"joint_stalled: {stuck} did not reach travel pose")
            )
        return Step(twist=(0.0, 0.0), joints=want, message="stowing tools for travel")


class NavigateTask:
    """Drive to ``target`` on cmd_vel, around zones, objects and parked robots."""

    moves_base = True

    def __init__(self, target: Target, opts: NavOptions, poses: ToolPoses, jopts: JointOptions):
        self.target = target
        self.opts = opts
        self.stow = _Stow(poses, jopts)
        self.phase = "stow"
        self.spot: Point | None = None
        self.follower: PurePursuit | None = None
        self.zones_version = -1
        self.best = math.inf
        self.best_at = 0.0
        self.stalls = 0
        self.crowded = False

    def step(self, ctx: TaskContext) -> Step:
        odom = ctx.odom
        if odom is None:
            return Step(twist=(0.0, 0.0), message="waiting for odometry")
        if self.phase == "stow":
            s = self.stow.step(ctx)
            if s is not None:
                return s
            self.phase = "drive"
        name = self.target.name or "point"
        if self.phase == "drive":
            if self.follower is None or ctx.zones_version != self.zones_version:
                failure = self._plan(ctx)
                if failure:
                    return Step(twist=(0.0, 0.0), outcome=Outcome.fail(failure))
            assert self.follower is not None
            v, w, arrived = self.follower.command(odom, ctx.spec, self.opts.position_tolerance)
            left = self.follower.remaining(odom.pose.x, odom.pose.y)
            progress = 0.95 * (1.0 - left / max(self.follower.total, 1e-9))
            if not arrived:
                if left < self.best - PROGRESS_EPS:
                    self.best, self.best_at = left, ctx.now
                elif ctx.now - self.best_at > self.opts.stall_s:
                    self.stalls += 1
                    if self.stalls > self.opts.max_replans:
                        return Step(
                            twist=(0.0, 0.0),
                            outcome=Outcome.fail(
                                f"blocked: no progress towards {name} after {self.stalls - 1} replans"
                            ),
                        )
                    self.crowded = True
                    self.best_at = ctx.now
                    failure = self._plan(ctx)
                    if failure:
                        return Step(twist=(0.0, 0.0), outcome=Outcome.fail(failure))
                return Step(twist=(v, w), progress=progress, message=f"driving to {name}, {left:.1f} m left")
            self.phase = "face"
        if self.phase == "face":
            yaw = self._wanted_yaw(odom.pose)
            if yaw is not None:
                err = wrap_angle(yaw - odom.pose.yaw)
                if abs(err) > self.opts.yaw_tolerance:
                    wmax = ctx.spec.max_turn_rate
                    w = max(-wmax, min(wmax, 1.5 * err))
                    if abs(w) < 0.1:
                        w = math.copysign(0.1, err)
                    return Step(twist=(0.0, w), progress=0.97, message=f"turning to face {name}")
            assert self.spot is not None
            dist = math.hypot(odom.pose.x - self.spot[0], odom.pose.y - self.spot[1])
            if dist > self.opts.position_tolerance:
                self.phase = "drive"  # pushed off the spot while turning: go back
                self.follower = None
                return Step(twist=(0.0, 0.0), progress=0.9, message=f"back to the spot at {name}")
            if abs(odom.v) > self.opts.settle_speed or abs(odom.w) > self.opts.settle_speed:
                return Step(twist=(0.0, 0.0), progress=0.99, message="settling")
            return Step(
                twist=(0.0, 0.0),
                progress=1.0,
                outcome=Outcome.ok(f"at {name} ({dist:.2f} m from the approach point)"),
            )
        return Step(twist=(0.0, 0.0))

    def _wanted_yaw(self, pose: Pose2D) -> float | None:
        if self.target.yaw is not None:
            return self.target.yaw
        if not self.opts.face_target:
            return None
        dx, dy = self.target.x - pose.x, self.target.y - pose.y
        return math.atan2(dy, dx) if math.hypot(dx, dy) > 0.5 else None

    def _plan(self, ctx: TaskContext) -> str:
        assert ctx.odom is not None
        self.zones_version = ctx.zones_version
        spot, path, failure = plan_route(
            ctx.spec,
            ctx.odom.pose,
            self.target,
            ctx.world,
            ctx.zones,
            ctx.peers,
            self.opts,
            keep=self.spot,
            crowded=self.crowded,
        )
        if failure or spot is None or path is None:
            return failure or "no_path"
        self.spot = spot
        self.follower = PurePursuit(path, self.opts.lookahead)
        self.best = self.follower.remaining(ctx.odom.pose.x, ctx.odom.pose.y)
        self.best_at = ctx.now
        return ""


class Nav2Task:
    """Send the approach pose to Nav2 (``goal_pose``) and watch odometry for arrival.

    Nav2 plans and drives; it knows the keep-out zones only if its costmap has them (a
    keepout filter mask), so the goal itself is refused when it lies in a zone. Arrival:
    within ``position_tolerance`` of the approach point, stopped, for ``dwell_s``.
    """

    moves_base = True

    def __init__(
        self, target: Target, opts: NavOptions, poses: ToolPoses, jopts: JointOptions, dwell_s: float = 0.5
    ):
        self.target = target
        self.opts = opts
        self.stow = _Stow(poses, jopts)
        self.dwell_s = dwell_s
        self.phase = "stow"
        self.spot: Point | None = None
        self.sent: Pose2D | None = None
        self.zones_version = -1
        self.still_since: float | None = None
        self.total = 1.0

    def step(self, ctx: TaskContext) -> Step:
        odom = ctx.odom
        if odom is None:
            return Step(message="waiting for odometry")
        if self.phase == "stow":
            s = self.stow.step(ctx)
            if s is not None:
                return s
            self.phase = "send"
        name = self.target.name or "point"
        goal_pose = None
        if self.phase == "send" or ctx.zones_version != self.zones_version:
            self.zones_version = ctx.zones_version
            spot, _path, failure = plan_route(
                ctx.spec, odom.pose, self.target, ctx.world, ctx.zones, ctx.peers, self.opts, keep=self.spot
            )
            if failure or spot is None:
                return Step(outcome=Outcome.fail(failure or "no_free_approach_point"))
            self.spot = spot
            yaw = self.target.yaw
            if yaw is None:
                yaw = math.atan2(self.target.y - spot[1], self.target.x - spot[0])
            if self.sent is None or (self.sent.x, self.sent.y, self.sent.yaw) != (spot[0], spot[1], yaw):
                goal_pose = self.sent = Pose2D(spot[0], spot[1], yaw)
                self.total = max(math.hypot(spot[0] - odom.pose.x, spot[1] - odom.pose.y), 1e-9)
            self.phase = "watch"
        assert self.spot is not None
        dist = math.hypot(odom.pose.x - self.spot[0], odom.pose.y - self.spot[1])
        stopped = abs(odom.v) <= self.opts.settle_speed and abs(odom.w) <= self.opts.settle_speed
        progress = min(0.99, max(0.0, 1.0 - dist / self.total))
        if dist <= self.opts.position_tolerance and stopped:
            if self.still_since is None:
                self.still_since = ctx.now
            if ctx.now - self.still_since >= self.dwell_s:
                return Step(
                    goal_pose=goal_pose,
                    progress=1.0,
                    outcome=Outcome.ok(f"at {name} ({dist:.2f} m from the approach point, via Nav2)"),
                )
        else:
            self.still_since = None
        return Step(
            goal_pose=goal_pose, progress=progress, message=f"Nav2 driving to {name}, {dist:.1f} m left"
        )
