"""One robot's actuation, without ROS: goals in; twist, joint targets, feedback, results out.

The actuation node feeds :class:`ActuationCore` what arrives (goal-topic text, odometry,
joint states, other robots' odometry, the zones in force) and publishes what it returns.
The core keeps the contract: exactly one result per goal; refusals at once (``refused:``);
cancel and stop zero the base in the same call (no waiting for the next control cycle); a
new goal preempts the running one (CANCELLED); stale odometry stops the robot and, after a
grace period, fails the goal (``odom_stale``).

Speed: a goal's ``params["max_speed"]`` (the allocator's safety limit, see
:func:`.refusal.speed_cap`) caps the linear speed commanded while it runs at the smaller of
it and the node's own limit (``MachineSpec.max_speed``). Controllers plan with the capped
spec (braking distances, corner speeds), and every twist is clamped to it on the way out as
well, so no controller detail (a minimum creeping speed) can exceed it.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ..core.actuation import GoalStatus, SkillFeedback, SkillGoal, SkillResult
from ..core.errors import PlanFormatError
from ..core.fleet import Fleet, SkillAction
from ..core.geometry import Pose2D
from ..core.goal_codec import decode_goal_command
from ..core.world import KeepOutZone, World
from .context import Task, TaskContext
from .joint_skills import JointOptions, JointSkillTask, ToolPoses
from .model import JointSample, MachineSpec, NavOptions, OdomSample, PeerState, Step
from .navigate import Nav2Task, NavigateTask
from .refusal import REFUSED, refusal, resolve_target, salvage_ids, speed_cap

__all__ = ["Backend", "ActuationOptions", "Outputs", "ActuationCore"]


class Backend(str, enum.Enum):
    TWIST = "twist"
    """Close the loop on odom with cmd_vel (built-in sim, Gazebo diff-drive, real bases)."""
    NAV2 = "nav2"
    """Send goal_pose to Nav2 and watch odom for arrival."""


@dataclass(frozen=True)
class ActuationOptions:
    backend: Backend = Backend.TWIST
    nav: NavOptions = field(default_factory=NavOptions)
    joints: JointOptions = field(default_factory=JointOptions)
    poses: ToolPoses = field(default_factory=ToolPoses)
    odom_timeout_s: float = 0.5
    """Odometry older than this: the base is stopped until it is fresh again."""
    odom_grace_s: float = 2.0
    """Stale for this much longer: the goal fails (``odom_stale``)."""
    feedback_period_s: float = 0.5
    joint_resend_s: float = 1.0
    """Unchanged joint targets are re-sent this often (a restarted driver picks them up)."""
    peer_timeout_s: float = 2.0
    """Other robots' odometry older than this is ignored when planning."""


@dataclass
class Outputs:
    """What to publish now; ``None`` fields publish nothing."""

    twist: tuple[float, float] | None = None
    joints: dict[str, float] | None = None
    goal_pose: Pose2D | None = None
    feedback: list[SkillFeedback] = field(default_factory=list)
    results: list[SkillResult] = field(default_factory=list)
    log: list[str] = field(default_factory=list)


@dataclass
class _Active:
    goal: SkillGoal
    task: Task
    started: float
    last_feedback: float
    speed_cap: float | None = None
    """The goal's ``params["max_speed"]`` (None: the node's own limit only)."""


class ActuationCore:
    """Goal handling and control for one robot (see the module docstring)."""

    def __init__(
        self, spec: MachineSpec, fleet: Fleet, world: World, options: ActuationOptions | None = None
    ):
        self.spec = spec
        self.fleet = fleet
        self.world = world
        self.options = options or ActuationOptions()
        self.zones: tuple[KeepOutZone, ...] = tuple(world.keep_out)
        self.zones_version = 0
        self.odom: OdomSample | None = None
        self.joints: JointSample | None = None
        self.peers: dict[str, PeerState] = {}
        self.active: _Active | None = None
        self.finished: set[str] = set()
        """Goal ids that got their result (a repeated goal id is ignored, never answered twice)."""
        self._last_joints: tuple[dict[str, float], float] | None = None

    # ------------------------------------------------------------------ inputs

    def set_zones(self, zones: Iterable[KeepOutZone]) -> None:
        new = tuple(zones)
        if new != self.zones:
            self.zones = new
            self.zones_version += 1

    def on_odom(self, sample: OdomSample) -> None:
        self.odom = sample

    def on_joints(self, sample: JointSample) -> None:
        if self.joints is not None:
            merged = dict(self.joints.positions)
            merged.update(sample.positions)
            sample = JointSample(merged, sample.stamp)
        self.joints = sample

    def on_peer(self, peer: PeerState) -> None:
        if peer.robot_id != self.spec.robot_id:
            self.peers[peer.robot_id] = peer

    def on_message(self, text: str, now: float) -> Outputs:
        """A message from the goal topic: a goal, a cancel or a stop."""
        out = Outputs()
        try:
            cmd = decode_goal_command(text)
        except PlanFormatError as exc:
            gid, rid = salvage_ids(text)
            reason = "; ".join(exc.problems)
            if gid is None:
                out.log.append(f"undecodable goal message without a goal id ignored: {reason}")
            elif gid not in self.finished and (rid is None or rid == self.spec.robot_id):
                self._result(out, gid, GoalStatus.FAILED, REFUSED + reason, now)
            return out
        if cmd.stop:
            out.twist = (0.0, 0.0)
            self._hold_joints(out, now)
            if self.active is not None:
                self._end(
                    out,
                    GoalStatus.CANCELLED,
                    f"emergency_stop: {cmd.reason}" if cmd.reason else "emergency_stop",
                    now,
                )
            return out
        if cmd.cancel_id is not None:
            if self.active is not None and self.active.goal.goal_id == cmd.cancel_id:
                out.twist = (0.0, 0.0)
                self._hold_joints(out, now)
                if self.options.backend is Backend.NAV2 and self.odom is not None:
                    out.goal_pose = self.odom.pose  # Nav2 stops where the robot is
                self._end(out, GoalStatus.CANCELLED, cmd.reason or "cancelled", now)
            else:
                out.log.append(f"cancel for {cmd.cancel_id}, which is not running: ignored")
            return out
        assert cmd.goal is not None
        self._start(out, cmd.goal, now)
        return out

    # ------------------------------------------------------------------ control

    def tick(self, now: float) -> Outputs:
        """One control cycle."""
        out = Outputs()
        act = self.active
        if act is None:
            return out
        odom = self.odom
        stale_for = now - max(odom.stamp if odom is not None else -math.inf, act.started)
        if stale_for > self.options.odom_timeout_s:
            out.twist = (0.0, 0.0)
            if stale_for > self.options.odom_timeout_s + self.options.odom_grace_s:
                self._end(out, GoalStatus.FAILED, f"odom_stale: no odometry for {stale_for:.1f} s", now)
                return out
            self._feedback(out, act, 0.0, "odometry stale: stopped", now)
            return out
        spec = self.spec
        if act.speed_cap is not None and act.speed_cap < spec.max_speed:
            spec = replace(spec, max_speed=act.speed_cap)
        ctx = TaskContext(
            now=now,
            spec=spec,
            world=self.world,
            zones=self.zones,
            zones_version=self.zones_version,
            odom=odom,
            joints=self.joints,
            peers={k: p for k, p in self.peers.items() if now - p.stamp <= self.options.peer_timeout_s},
        )
        step = act.task.step(ctx)
        self._apply(out, step, now, spec.max_speed)
        if step.outcome is not None:
            if act.task.moves_base:
                out.twist = (0.0, 0.0)
            self._end(out, step.outcome.status, step.outcome.reason, now)
        else:
            self._feedback(out, act, step.progress, step.message, now)
        return out

    def abort(self, reason: str, now: float) -> Outputs:
        """End the running goal FAILED with ``reason`` and zero the base (a watchdog fired)."""
        out = Outputs(twist=(0.0, 0.0))
        if self.active is not None:
            self._hold_joints(out, now)
            self._end(out, GoalStatus.FAILED, reason, now)
        return out

    def shutdown(self, now: float) -> Outputs:
        """The node is going down: zero the base, end the goal (CANCELLED)."""
        out = Outputs(twist=(0.0, 0.0))
        if self.active is not None:
            self._hold_joints(out, now)
            self._end(out, GoalStatus.CANCELLED, "actuation node shut down", now)
        return out

    # ------------------------------------------------------------------ internals

    def _start(self, out: Outputs, goal: SkillGoal, now: float) -> None:
        if goal.goal_id in self.finished or (
            self.active is not None and self.active.goal.goal_id == goal.goal_id
        ):
            out.log.append(f"goal {goal.goal_id} was already received: ignored")
            return
        reason = refusal(goal, self.spec.robot_id, self.fleet, self.world, self.zones)
        task = None
        if not reason:
            task, reason = self._make_task(goal)
        if task is None:
            # Answered as this robot (the result goes out on this robot's topic, where the
            # allocator only accepts this robot's answers), even for a goal meant for another.
            self._result(out, goal.goal_id, GoalStatus.FAILED, reason, now)
            return
        if self.active is not None:
            out.twist = (0.0, 0.0)
            self._end(out, GoalStatus.CANCELLED, f"preempted by goal {goal.goal_id}", now)
        self.active = _Active(goal, task, now, -math.inf, speed_cap(goal))
        out.twist = (0.0, 0.0) if not task.moves_base else out.twist
        self._feedback(out, self.active, 0.0, "accepted", now)

    def _make_task(self, goal: SkillGoal) -> tuple[Task | None, str]:
        o = self.options
        if goal.action in (SkillAction.NAVIGATE, SkillAction.RETURN_TO_START):
            target = resolve_target(goal, self.fleet, self.world)
            if target is None:
                return None, f"unknown_target: {goal.target!r}"
            if o.backend is Backend.NAV2:
                return Nav2Task(target, o.nav, o.poses, o.joints), ""
            return NavigateTask(target, o.nav, o.poses, o.joints), ""
        spec = self.fleet.skills.get(goal.skill)
        nominal = spec.duration_s if spec is not None else 5.0
        return JointSkillTask(goal, o.poses, o.joints, nominal_s=nominal), ""

    def _apply(self, out: Outputs, step: Step, now: float, max_speed: float) -> None:
        if step.twist is not None:
            v, w = step.twist
            out.twist = (max(-max_speed, min(max_speed, v)), w)
        if step.goal_pose is not None:
            out.goal_pose = step.goal_pose
        if step.joints is not None:
            targets = dict(step.joints)
            last = self._last_joints
            if last is None or last[0] != targets or now - last[1] >= self.options.joint_resend_s:
                out.joints = targets
                self._last_joints = (targets, now)

    def _hold_joints(self, out: Outputs, now: float) -> None:
        """Stop the tools where they are (cancel, e-stop), as the simulator's halt does."""
        if self.joints is None or not self.spec.joints:
            return
        hold = {k: v for k, v in self.joints.positions.items() if k in self.spec.joints}
        if hold:
            out.joints = hold
            self._last_joints = (hold, now)

    def _feedback(self, out: Outputs, act: _Active, progress: float, message: str, now: float) -> None:
        if message != "accepted" and now - act.last_feedback < self.options.feedback_period_s:
            return
        act.last_feedback = now
        out.feedback.append(
            SkillFeedback(
                act.goal.goal_id, self.spec.robot_id, min(1.0, max(0.0, progress)), message, self._pose(), now
            )
        )

    def _end(self, out: Outputs, status: GoalStatus, reason: str, now: float) -> None:
        act = self.active
        assert act is not None
        self.active = None
        self._last_joints = None
        self._result(out, act.goal.goal_id, status, reason, now)

    def _result(self, out: Outputs, goal_id: str, status: GoalStatus, reason: str, now: float) -> None:
        self.finished.add(goal_id)
        out.results.append(SkillResult(goal_id, self.spec.robot_id, status, reason, self._pose(), now))

    def _pose(self) -> Pose2D | None:
        return self.odom.pose if self.odom is not None else None

    @property
    def busy(self) -> bool:
        return self.active is not None

    def known_joints(self) -> Mapping[str, float]:
        return self.joints.positions if self.joints is not None else {}
