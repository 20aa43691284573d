"""Exception hierarchy of dart_planner.

Inside the core, problems raise one of these; at the ROS boundary they become status
messages. Every class derives from :class:`DartPlannerError` so callers can catch the
package's errors without catching programming errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "DartPlannerError",
    "ConfigError",
    "ConfigIssue",
    "PlanFormatError",
    "PlanValidationError",
    "AllocationError",
    "ExecutionError",
    "IllegalTransitionError",
]


class DartPlannerError(Exception):
    """Root of every error this package raises on purpose."""


@dataclass(frozen=True)
class ConfigIssue:
    """One problem in a configuration file, located by file and key path."""

    file: str
    key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.reason}"


class ConfigError(DartPlannerError):
    """A configuration file is missing, unreadable or inconsistent.

    Carries every issue found, so a user fixes the file in one pass.
    """

    def __init__(self, issues: Sequence[ConfigIssue]):
        self.issues = tuple(issues)
        super().__init__("invalid configuration:\n" + "\n".join(f"  - {i}" for i in self.issues))


class PlanFormatError(DartPlannerError):
    """A plan document is not JSON or does not have the plan structure.

    ``problems`` lists every structural problem with its JSON path.
    """

    def __init__(self, problems: Sequence[str]):
        self.problems = tuple(problems)
        super().__init__("malformed plan:\n" + "\n".join(f"  - {p}" for p in self.problems))


class PlanValidationError(DartPlannerError):
    """A well-formed plan is not executable for the given fleet and world."""

    def __init__(self, report: object):
        self.report = report
        super().__init__(str(report))


class AllocationError(DartPlannerError):
    """No feasible assignment of robots to subtasks exists."""


class ExecutionError(DartPlannerError):
    """The execution engine cannot carry out a request."""


class IllegalTransitionError(ExecutionError):
    """A subtask state change that the state machine forbids."""
