"""Fault injection: breakdowns, slowdowns and random skill failures, all seeded.

Faults are data (:class:`FaultConfig`) so a test or benchmark states exactly what goes
wrong and when. Random skill failures draw from a generator seeded by (seed, goal id,
attempt), not from a shared stream, so whether a goal fails does not depend on how many
other goals ran before it: adding a robot to a scenario does not reshuffle its faults.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..core.actuation import SkillGoal
from ..core.errors import ConfigError, ConfigIssue

__all__ = ["Breakdown", "Slowdown", "FaultConfig", "FaultInjector", "ROBOT_BREAKDOWN", "SKILL_FAILURE"]

ROBOT_BREAKDOWN = "robot_breakdown"
SKILL_FAILURE = "skill_failure"


@dataclass(frozen=True)
class Breakdown:
    """``robot_id`` stops for good at ``at_s`` (simulated seconds); its goal FAILS."""

    robot_id: str
    at_s: float


@dataclass(frozen=True)
class Slowdown:
    """From ``at_s`` on, ``robot_id`` drives and moves its joints at ``factor`` x speed."""

    robot_id: str
    factor: float
    at_s: float = 0.0


@dataclass(frozen=True)
class FaultConfig:
    breakdowns: tuple[Breakdown, ...] = ()
    slowdowns: tuple[Slowdown, ...] = ()
    skill_failure_p: float = 0.0
    """Probability that any goal fails part-way with reason ``skill_failure``."""
    skill_failure_p_by_action: Mapping[str, float] = field(default_factory=dict)
    """Per action (``"dig"``) or skill name (``"Excavation"``); overrides the global p."""

    def __post_init__(self) -> None:
        by_action = MappingProxyType(dict(self.skill_failure_p_by_action))
        object.__setattr__(self, "skill_failure_p_by_action", by_action)
        issues = []
        for key, p in [("skill_failure_p", self.skill_failure_p), *self.skill_failure_p_by_action.items()]:
            if not 0.0 <= p <= 1.0:
                issues.append(ConfigIssue("<faults>", key, f"probability must be within [0, 1], got {p}"))
        for s in self.slowdowns:
            if not s.factor > 0.0:
                key = f"slowdown.{s.robot_id}"
                issues.append(ConfigIssue("<faults>", key, f"factor must be > 0, got {s.factor}"))
        if issues:
            raise ConfigError(issues)

    def failure_p(self, goal: SkillGoal) -> float:
        by = self.skill_failure_p_by_action
        if goal.skill in by:
            return by[goal.skill]
        if goal.action.value in by:
            return by[goal.action.value]
        return self.skill_failure_p


class FaultInjector:
    """Applies a :class:`FaultConfig` to a running simulation."""

    def __init__(self, config: FaultConfig, seed: int):
        self.config = config
        self.seed = seed
        self._breakdowns = sorted(config.breakdowns, key=lambda b: (b.at_s, b.robot_id))
        self._next = 0

    def breakdowns_due(self, now: float) -> list[str]:
        """Robot ids whose breakdown time has come (each reported once)."""
        due: list[str] = []
        while self._next < len(self._breakdowns) and self._breakdowns[self._next].at_s <= now + 1e-9:
            due.append(self._breakdowns[self._next].robot_id)
            self._next += 1
        return due

    def speed_factor(self, robot_id: str, now: float) -> float:
        factor = 1.0
        for s in self.config.slowdowns:
            if s.robot_id == robot_id and s.at_s <= now + 1e-9:
                factor = s.factor
        return factor

    def failure_delay(self, goal: SkillGoal, nominal_s: float) -> float | None:
        """Seconds after start at which ``goal`` fails, or None when it runs normally.

        A goal drawn to fail that would finish sooner fails when it finishes instead: with
        probability p a goal ends FAILED ``skill_failure``, however short the skill.
        """
        p = self.config.failure_p(goal)
        if p <= 0.0:
            return None
        rng = random.Random(f"{self.seed}:{goal.goal_id}:{goal.attempt}")
        if rng.random() >= p:
            return None
        return max(nominal_s, 0.1) * rng.uniform(0.2, 0.8)
