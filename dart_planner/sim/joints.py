"""Rate-limited joints: excavator boom and bucket, dump-truck bed.

Skills command joint *targets*; the joints move toward them no faster than their rate
limit (scaled by the robot's slowdown factor). Skills then judge completion from where the
joints actually are, which is what makes them closed-loop rather than timed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .config import JointSpec

__all__ = ["JointSet", "move_toward"]


def move_toward(position: float, target: float, max_step: float) -> float:
    """One rate-limited step; lands exactly on the target so "reached" needs no epsilon."""
    delta = target - position
    if abs(delta) <= max_step:
        return target
    return position + (max_step if delta > 0 else -max_step)


class JointSet:
    """The joints of one robot: positions, targets, limits."""

    __slots__ = ("specs", "position", "target")

    def __init__(self, specs: Iterable[JointSpec]):
        self.specs: dict[str, JointSpec] = {s.name: s for s in specs}
        self.position: dict[str, float] = {n: s.initial for n, s in self.specs.items()}
        self.target: dict[str, float] = dict(self.position)

    def __contains__(self, name: str) -> bool:
        return name in self.specs

    def command(self, targets: Mapping[str, float]) -> None:
        """Set targets (clamped to the joint limits); unknown joint names are ignored."""
        for name, value in targets.items():
            spec = self.specs.get(name)
            if spec is not None:
                self.target[name] = min(spec.upper, max(spec.lower, value))

    def hold(self) -> None:
        """Stop every joint where it is (cancel, e-stop, breakdown)."""
        self.target.update(self.position)

    def at(self, targets: Mapping[str, float], tol: float = 1e-6) -> bool:
        pos = self.position
        return all(abs(pos[n] - v) <= tol for n, v in targets.items() if n in pos)

    @property
    def moving(self) -> bool:
        return any(self.position[n] != self.target[n] for n in self.position)

    def step(self, dt: float, factor: float = 1.0) -> None:
        for name, spec in self.specs.items():
            pos, tgt = self.position[name], self.target[name]
            if pos != tgt:
                self.position[name] = move_toward(pos, tgt, spec.rate * factor * dt)

    def fraction(self, name: str, start: float, end: float) -> float:
        """How far joint ``name`` has gone from ``start`` to ``end``, in [0, 1]."""
        if end == start:
            return 1.0
        f = (self.position[name] - start) / (end - start)
        return 0.0 if f < 0.0 else 1.0 if f > 1.0 else f
