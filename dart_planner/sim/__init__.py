"""Built-in kinematic construction-site simulator (ROS-free).

Robots, soil, keep-out zones and skills simulated closed-loop on the site state, faster
than real time and deterministic; :class:`SimActuator` lets the execution engine drive it
like real robots, and :mod:`dart_planner.sim.render` draws it.
"""

from .actuator import SimActuator
from .config import RobotModel, SimConfig
from .faults import Breakdown, FaultConfig, Slowdown
from .simulation import Simulation
from .state import RobotState, RobotStatus, SiteState

__all__ = [
    "Simulation",
    "SimActuator",
    "SimConfig",
    "RobotModel",
    "FaultConfig",
    "Breakdown",
    "Slowdown",
    "SiteState",
    "RobotState",
    "RobotStatus",
]
