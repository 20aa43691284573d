"""Allocation internals: the model, travel, bounds and the three policies.

Most callers want the facade :mod:`dart_planner.core.allocate`.
"""

from .baseline import DartBaselineAllocator
from .bounds import StaticBounds, static_bounds
from .exact import ExactAllocator
from .heuristic import HeuristicAllocator
from .model import AllocationProblem, Demand, RobotGroup, TaskModel, build_problem
from .random_instances import random_instance
from .timeline import Placement, Timeline
from .travel import TravelPath, TravelPlanner

__all__ = [
    "AllocationProblem",
    "DartBaselineAllocator",
    "Demand",
    "ExactAllocator",
    "HeuristicAllocator",
    "Placement",
    "RobotGroup",
    "StaticBounds",
    "TaskModel",
    "Timeline",
    "TravelPath",
    "TravelPlanner",
    "build_problem",
    "random_instance",
    "static_bounds",
]
