"""Tool skills as joint-target sequences, judged from joint_states.

Dig, unload, load and dump command joint position targets phase by phase (on
``joint_command``) and move on when ``joint_states`` shows the joints there, so they are
closed-loop on the machine's own feedback, not timed. Whether soil actually moved is judged
from the payload pseudo-joints ``bucket_load`` / ``bed_load`` (m^3) when the robot reports
them (the built-in simulator does); a real machine without them is judged by joint motion
alone, and a truck's load then completes after the skill's nominal duration with the bed
down (documented, since nothing else can be sensed).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core.actuation import SkillGoal
from ..core.fleet import SkillAction
from ..sim import tools
from .context import TaskContext
from .model import Outcome, PeerState, Step

__all__ = ["ToolPoses", "JointOptions", "JointSkillTask", "travel_pose", "LOAD_JOINTS"]

LOAD_JOINTS = {"bucket": "bucket_load", "bed": "bed_load"}
"""Tool -> payload pseudo-joint name in joint_states (m^3)."""
EPS = 1e-6


@dataclass(frozen=True)
class ToolPoses:
    """Joint set-points (rad) of the tools; the defaults are the simulated machines' (and Gazebo's)."""

    boom_dig: float = tools.BOOM_DIG
    boom_carry: float = tools.BOOM_CARRY
    boom_dump: float = tools.BOOM_DUMP
    bucket_open: float = tools.BUCKET_OPEN
    bucket_carry: float = tools.BUCKET_CARRY
    bed_down: float = tools.BED_DOWN
    bed_raised: float = tools.BED_RAISED


@dataclass(frozen=True)
class JointOptions:
    tolerance: float = 0.03
    """A joint within this (rad) of its target is there."""
    stall_s: float = 5.0
    """A joint short of its target that has not moved for this long has stalled (failure)."""
    settle_s: float = 2.0
    """A truck's bed load unchanged this long after rising: the pour is over."""
    partner_wait_s: float = 60.0
    """How long an unload waits for a stopped truck within reach before failing."""


def travel_pose(joints: Sequence[str], poses: ToolPoses) -> dict[str, float]:
    """Boom and bucket carried, bed down: the pose a machine drives in."""
    want = {"boom": poses.boom_carry, "bucket": poses.bucket_carry, "bed": poses.bed_down}
    return {k: v for k, v in want.items() if k in joints}


@dataclass(frozen=True)
class _Phase:
    name: str
    targets: Mapping[str, float]
    message: str


class JointSkillTask:
    """Dig, unload_bucket, load or dump on one machine.

    Phases run in order; each commands its targets and ends when every joint is within
    tolerance. A joint that stops short for ``stall_s`` fails the goal (``joint_stalled``).
    """

    moves_base = False

    def __init__(self, goal: SkillGoal, poses: ToolPoses, opts: JointOptions, nominal_s: float = 5.0):
        self.goal = goal
        self.action = goal.action
        self.poses = poses
        self.opts = opts
        self.nominal_s = nominal_s
        self.phases = self._phases()
        self.index = -1
        """-1 = not started (pre-checks), len(phases) = joint work done (judging)."""
        self.start_load: float | None = None
        self.prev: dict[str, float] = {}
        self.prev_stamp = -math.inf
        self.last_move = 0.0
        self.waiting_since: float | None = None
        self.load_seen = -math.inf
        self.load_changed_at = 0.0
        self.done_at: float | None = None
        self.truck = ""

    @property
    def needs_tool(self) -> str:
        return "bed" if self.action in (SkillAction.LOAD, SkillAction.DUMP) else "bucket"

    def _phases(self) -> list[_Phase]:
        p = self.poses
        a = self.action
        if a is SkillAction.DIG:
            return [
                _Phase("lower", {"boom": p.boom_dig, "bucket": p.bucket_open}, "lowering the boom"),
                _Phase("curl", {"bucket": p.bucket_carry}, "curling the bucket through the soil"),
                _Phase("raise", {"boom": p.boom_carry}, "raising the boom"),
            ]
        if a is SkillAction.UNLOAD_BUCKET:
            return [
                _Phase("raise", {"boom": p.boom_dump, "bucket": p.bucket_carry}, "swinging over the truck"),
                _Phase("pour", {"bucket": p.bucket_open}, "opening the bucket over the bed"),
                _Phase("return", {"boom": p.boom_carry, "bucket": p.bucket_carry}, "returning the bucket"),
            ]
        if a is SkillAction.LOAD:
            return [_Phase("bed_down", {"bed": p.bed_down}, "lowering the bed for loading")]
        if a is SkillAction.DUMP:
            return [
                _Phase("tip", {"bed": p.bed_raised}, "raising the bed"),
                _Phase("lower", {"bed": p.bed_down}, "lowering the bed"),
            ]
        raise ValueError(f"{a.value} is not a joint skill")

    def _load(self, ctx: TaskContext) -> float | None:
        name = LOAD_JOINTS.get(ctx.spec.tool)
        if ctx.joints is None or name is None:
            return None
        v = ctx.joints.positions.get(name)
        return None if v is None else float(v)

    def step(self, ctx: TaskContext) -> Step:
        spec = ctx.spec
        if spec.tool != self.needs_tool:
            return Step(
                outcome=Outcome.fail(f"skill_not_supported: {spec.robot_id} has no {self.needs_tool}")
            )
        if ctx.joints is None:
            return Step(message="waiting for joint_states")
        load = self._load(ctx)
        if self.index < 0:
            early = self._precheck(ctx, load)
            if early is not None:
                return early
            self.start_load = load
            self.index = 0
            self._reset_motion(ctx)
        if self.index < len(self.phases):
            phase = self.phases[self.index]
            pos = ctx.joints.positions
            targets = {k: v for k, v in phase.targets.items() if k in spec.joints}
            missing = [k for k in targets if k not in pos]
            if missing:
                return Step(outcome=Outcome.fail(f"joint_missing: joint_states has no {', '.join(missing)}"))
            fresh = ctx.joints.stamp != self.prev_stamp
            moving = fresh and any(abs(pos[k] - self.prev.get(k, math.inf)) > 1e-4 for k in targets)
            if fresh:
                self.prev_stamp = ctx.joints.stamp
                self.prev = {k: pos[k] for k in targets}
            if moving:
                self.last_move = ctx.now
            near = all(abs(pos[k] - v) <= self.opts.tolerance for k, v in targets.items())
            exact = all(abs(pos[k] - v) <= 1e-3 for k, v in targets.items())
            # Within tolerance is enough once the joints stopped there: a real position
            # controller settles a little off target. While they still move, let them arrive,
            # or a pour or a tip would end a few per cent short.
            if near and (exact or (fresh and not moving)):
                self.index += 1
                self._reset_motion(ctx)
                return self.step(ctx) if self.index < len(self.phases) else self._finish(ctx, load)
            if ctx.now - self.last_move > self.opts.stall_s:
                stuck = ", ".join(
                    sorted(k for k, v in targets.items() if abs(pos[k] - v) > self.opts.tolerance)
                ) or ", ".join(sorted(targets))
                return Step(
                    joints=dict(pos),
                    outcome=Outcome.fail(f"joint_stalled: {stuck} stopped short of {phase.name}"),
                )
            progress = 0.9 * (self.index + self._fraction(ctx, phase)) / len(self.phases)
            return Step(joints=targets, progress=progress, message=phase.message)
        return self._finish(ctx, load)

    def _reset_motion(self, ctx: TaskContext) -> None:
        self.last_move = ctx.now
        self.prev = {}

    def _fraction(self, ctx: TaskContext, phase: _Phase) -> float:
        """How far this phase's joints are from where the phase started (0..1, rough)."""
        assert ctx.joints is not None
        pos = ctx.joints.positions
        fr = []
        for k, v in phase.targets.items():
            if k in pos:
                fr.append(1.0 / (1.0 + 5.0 * abs(pos[k] - v)))
        return min(fr) if fr else 0.0

    def _precheck(self, ctx: TaskContext, load: float | None) -> Step | None:
        spec = ctx.spec
        a = self.action
        if a is SkillAction.DIG and load is not None and load >= spec.capacity - EPS and spec.capacity > 0:
            return Step(progress=1.0, outcome=Outcome.ok("bucket already full"))
        if a is SkillAction.UNLOAD_BUCKET:
            if load is not None and load <= EPS:
                return Step(outcome=Outcome.fail("bucket_empty: dig before unloading"))
            trucks = [p for p in ctx.peers.values() if p.tool == "bed"]
            if trucks and ctx.odom is not None:
                truck = self._truck_in_reach(ctx, trucks)
                if truck is None:
                    if self.waiting_since is None:
                        self.waiting_since = ctx.now
                    if ctx.now - self.waiting_since > self.opts.partner_wait_s:
                        return Step(
                            outcome=Outcome.fail(
                                f"no_truck_in_reach: no stopped dump truck within {spec.reach:.1f} m "
                                f"of {spec.robot_id}"
                            )
                        )
                    return Step(message="waiting for a truck to stop within reach")
                self.truck = truck.robot_id
        return None

    def _truck_in_reach(self, ctx: TaskContext, trucks: list[PeerState]) -> PeerState | None:
        assert ctx.odom is not None
        here = ctx.odom.pose
        near = [
            p
            for p in trucks
            if abs(p.v) < 0.05 and math.hypot(p.pose.x - here.x, p.pose.y - here.y) <= ctx.spec.reach
        ]
        near.sort(
            key=lambda p: (
                p.robot_id not in self.goal.partner_ids,
                math.hypot(p.pose.x - here.x, p.pose.y - here.y),
                p.robot_id,
            )
        )
        return near[0] if near else None

    def _finish(self, ctx: TaskContext, load: float | None) -> Step:
        a = self.action
        start = self.start_load
        if a is SkillAction.DIG:
            if load is None or start is None:
                return Step(progress=1.0, outcome=Outcome.ok("dig cycle done (no payload sensing)"))
            if load - start <= EPS:
                return Step(progress=1.0, outcome=Outcome.fail("pile_empty: nothing scooped"))
            return Step(progress=1.0, outcome=Outcome.ok(f"bucket holds {load:.2f} m3"))
        if a is SkillAction.UNLOAD_BUCKET:
            if load is None or start is None:
                return Step(progress=1.0, outcome=Outcome.ok("unload cycle done (no payload sensing)"))
            poured = start - load
            if poured <= EPS:
                return Step(
                    progress=1.0, outcome=Outcome.fail("truck_full: nothing poured (no truck took the soil)")
                )
            into = f" into {self.truck}" if self.truck else ""
            extra = f", {load:.2f} m3 left in the bucket" if load > EPS else ""
            return Step(progress=1.0, outcome=Outcome.ok(f"poured {poured:.2f} m3{into}{extra}"))
        if a is SkillAction.DUMP:
            if load is None or start is None:
                return Step(progress=1.0, outcome=Outcome.ok("dump cycle done (no payload sensing)"))
            if start <= EPS:
                return Step(progress=1.0, outcome=Outcome.ok("bed was empty: nothing dumped"))
            if load > 0.01 * max(start, 1.0):
                return Step(
                    progress=1.0, outcome=Outcome.fail(f"bed_not_empty: {load:.2f} m3 still in the bed")
                )
            return Step(progress=1.0, outcome=Outcome.ok(f"dumped {start - load:.2f} m3"))
        return self._wait_for_pour(ctx, load)

    def _wait_for_pour(self, ctx: TaskContext, load: float | None) -> Step:
        """Truck side of loading: bed down, then wait until soil arrived and stopped arriving."""
        now = ctx.now
        if self.done_at is None:
            self.done_at = now
        if load is None or self.start_load is None:
            if now - self.done_at >= self.nominal_s:
                return Step(
                    progress=1.0,
                    outcome=Outcome.ok(
                        f"bed down for {self.nominal_s:.0f} s (no payload sensing: loading assumed done)"
                    ),
                )
            return Step(progress=0.5, message="waiting for the excavator (no payload sensing)")
        if self.start_load >= ctx.spec.capacity - EPS and ctx.spec.capacity > 0:
            return Step(progress=1.0, outcome=Outcome.ok("bed already full"))
        if abs(load - self.load_seen) > EPS:
            self.load_seen = load
            self.load_changed_at = now
        if load - self.start_load > EPS:
            if load >= ctx.spec.capacity - EPS or now - self.load_changed_at >= self.opts.settle_s:
                return Step(progress=1.0, outcome=Outcome.ok(f"bed holds {load:.2f} m3"))
            return Step(progress=0.7, message=f"being loaded: {load:.2f} m3 in the bed")
        return Step(progress=0.5, message="waiting for an excavator to pour")
