"""What a running task sees each control cycle, and the contract every task follows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from ..core.world import KeepOutZone, World
from .model import JointSample, MachineSpec, OdomSample, PeerState, Step

__all__ = ["TaskContext", "Task"]


@dataclass(frozen=True)
class TaskContext:
    """The latest readings, at controller time ``now`` (seconds, the node's clock)."""

    now: float
    spec: MachineSpec
    world: World
    zones: tuple[KeepOutZone, ...]
    zones_version: int
    odom: OdomSample | None
    joints: JointSample | None
    peers: Mapping[str, PeerState]
    """Other robots with fresh odometry, by id."""


class Task(Protocol):
    """One goal's controller: called once per control cycle until its Step has an outcome."""

    def step(self, ctx: TaskContext) -> Step: ...

    @property
    def moves_base(self) -> bool:
        """Whether the task drives the base (needs odometry) or works in place."""
        ...
