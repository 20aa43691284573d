"""The simulator behind the engine's :class:`~dart_planner.core.actuation.Actuator` interface.

The engine talks to robots only through ``Actuator``; :class:`SimActuator` makes a
:class:`Simulation` one. Time advances only when the owner calls :meth:`SimActuator.step`
(or :meth:`run_until`), and every event a step produces goes to the listener, in order,
on the caller's thread. Control actions that end goals at once (cancel, e-stop) are
delivered immediately, so the engine sees the e-stop's cancellations before it decides
anything else.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.actuation import ActuatorEvent, SkillGoal
from ..core.errors import ExecutionError
from ..core.geometry import Pose2D
from .simulation import Simulation

__all__ = ["SimActuator"]


class SimActuator:
    """``Actuator`` over a :class:`Simulation`."""

    def __init__(self, sim: Simulation):
        self.sim = sim
        self._listener: Callable[[ActuatorEvent], None] | None = None

    def set_listener(self, listener: Callable[[ActuatorEvent], None]) -> None:
        self._listener = listener

    def start(self, goal: SkillGoal) -> None:
        self.sim.start_skill(goal)

    def cancel(self, goal_id: str) -> None:
        self.sim.cancel(goal_id)
        self._deliver(self.sim.take_events())

    def stop_all(self) -> None:
        self.sim.stop_all()
        self._deliver(self.sim.take_events())

    def robot_pose(self, robot_id: str) -> Pose2D | None:
        try:
            return self.sim.robot_pose(robot_id)
        except ExecutionError:
            return None

    @property
    def time(self) -> float:
        return self.sim.time

    def step(self, dt: float | None = None) -> list[ActuatorEvent]:
        """Advance the simulation one step and deliver its events to the listener."""
        events = self.sim.step(dt)
        self._deliver(events)
        return events

    def run_until(self, done: Callable[[], bool], max_time: float, dt: float | None = None) -> bool:
        """Step until ``done()`` (checked after each step's events were delivered) or
        ``max_time`` simulated seconds; returns whether ``done()`` became true."""
        end = self.sim.time + max_time
        while not done():
            if self.sim.time >= end - 1e-9:
                return False
            self.step(dt)
        return True

    def _deliver(self, events: list[ActuatorEvent]) -> None:
        if self._listener is None:
            return
        for event in events:
            self._listener(event)
