"""Actuation cores against the built-in simulator, without ROS.

What the actuation nodes and ``sim_node`` do over topics (odom, joint_states, other robots'
odometry in; cmd_vel and joint_command out), done here by function calls at a fixed
control period. Tests and benchmarks use it to judge the controllers against the real
simulator physics in a fraction of real time.
"""

from __future__ import annotations

from ..core.actuation import SkillFeedback, SkillGoal, SkillResult
from ..core.fleet import Fleet
from ..core.geometry import Pose2D
from ..core.goal_codec import encode_cancel, encode_goal, encode_stop
from ..core.world import World
from ..sim import Simulation
from ..sim.config import SimConfig
from ..sim.external import ExternalDriver
from .executor import ActuationCore, ActuationOptions, Outputs
from .model import JointSample, MachineSpec, OdomSample, PeerState

__all__ = ["SimLoop"]


class SimLoop:
    """Actuation cores for ``robots`` on a simulated site, stepped together.

    Each control period: every core senses the site (its odometry and joint states, every
    robot's pose as peers), ticks, and its outputs are applied to the simulation; then the
    physics advances by the period. ``min_zone_gap`` tracks the smallest body-to-zone gap of
    any robot to any zone in force for it (negative = a robot was inside).
    """

    def __init__(
        self,
        fleet: Fleet,
        world: World,
        robots: list[str],
        options: ActuationOptions | None = None,
        control_dt: float = 0.05,
        config: SimConfig | None = None,
    ):
        self.sim = Simulation(fleet, world, external=True, config=config)
        self.drv = ExternalDriver(self.sim, step_s=0.02)
        cfg = self.sim.config
        self.specs = {r.id: MachineSpec.from_robot(r, cfg.model_for(r.type)) for r in fleet.robots}
        self.cores = {rid: ActuationCore(self.specs[rid], fleet, world, options) for rid in robots}
        self.dt = control_dt
        self.results: dict[str, SkillResult] = {}
        self.feedback: list[SkillFeedback] = []
        self.twists: dict[str, list[tuple[float, float]]] = {rid: [] for rid in robots}
        self.min_zone_gap = float("inf")
        self.logs: list[str] = []
        self.sensing = True
        """False stops odometry and joint states reaching the cores (a dead sensor link)."""

    @property
    def now(self) -> float:
        return self.sim.time

    def sense(self) -> None:
        if not self.sensing:
            return
        snap = self.sim.snapshot()
        for rid, core in self.cores.items():
            r = snap.robot(rid)
            core.on_odom(OdomSample(r.pose, r.linear_velocity, r.angular_velocity, snap.time))
            names, pos = self.drv.joint_state(snap, rid)
            core.on_joints(JointSample(dict(zip(names, pos)), snap.time))
            for other in snap.robots.values():
                spec = self.specs[other.id]
                core.on_peer(
                    PeerState(
                        other.id,
                        other.pose,
                        other.linear_velocity,
                        snap.time,
                        other.body_radius,
                        other.tool,
                        spec.reach,
                    )
                )

    def apply(self, rid: str, out: Outputs) -> None:
        if out.twist is not None:
            self.twists[rid].append(out.twist)
            self.drv.command_velocity(rid, *out.twist)
        if out.joints is not None:
            self.drv.command_joints(rid, out.joints)
        for r in out.results:
            if r.goal_id in self.results:
                raise AssertionError(f"second result for goal {r.goal_id}")
            self.results[r.goal_id] = r
        self.feedback.extend(out.feedback)
        self.logs.extend(out.log)

    def send_text(self, rid: str, text: str) -> Outputs:
        self.sense()
        out = self.cores[rid].on_message(text, self.now)
        self.apply(rid, out)
        return out

    def send(self, goal: SkillGoal) -> Outputs:
        assert goal.robot_id is not None
        return self.send_text(goal.robot_id, encode_goal(goal))

    def cancel(self, rid: str, goal_id: str) -> Outputs:
        return self.send_text(rid, encode_cancel(goal_id))

    def stop(self, rid: str) -> Outputs:
        return self.send_text(rid, encode_stop())

    def step(self) -> None:
        self.sense()
        for rid, core in self.cores.items():
            self.apply(rid, core.tick(self.now))
        self.drv.advance(self.dt)
        snap = self.sim.snapshot()
        for z in snap.keep_out:
            for r in snap.robots.values():
                if z.applies_to(r.id):
                    gap = r.pose.distance_to(Pose2D(z.x, z.y)) - z.radius - r.body_radius
                    self.min_zone_gap = min(self.min_zone_gap, gap)

    def run(self, *goal_ids: str, max_s: float = 200.0) -> dict[str, SkillResult]:
        """Step until every goal in ``goal_ids`` has a result (or ``max_s`` simulated seconds)."""
        end = self.now + max_s
        while self.now < end and not all(g in self.results for g in goal_ids):
            self.step()
        return self.results
