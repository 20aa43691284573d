"""Errors of the language layer.

Two kinds of failure leave this layer: the model could not be reached or answered nonsense at
the transport level (:class:`BackendError`), or it answered but no valid plan came out of the
bounded repair loop (:class:`PlanningError`). Both derive from
:class:`~dart_planner.core.errors.DartPlannerError`, so callers (CLI, ROS node) catch the
package's errors without catching programming errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.errors import DartPlannerError

__all__ = ["BackendError", "BackendUnavailableError", "PlanningError"]


class BackendError(DartPlannerError):
    """The LLM backend failed to produce a reply (timeout, HTTP error, refused request).

    ``retryable`` says whether the failure was transient (429/5xx/timeout); the backend has
    already used its own retries when this reaches a caller.
    """

    def __init__(self, message: str, *, retryable: bool = False, status: int | None = None):
        self.retryable = retryable
        self.status = status
        super().__init__(message)


class BackendUnavailableError(BackendError):
    """The backend needs an optional extra (torch, transformers, llama-cpp-python) that is missing,
    or a model file that cannot be found."""


class PlanningError(DartPlannerError):
    """No valid plan came out of the planner: it fails closed and says why.

    ``errors`` are the problems of the last attempt (what a person fixes or reports);
    ``attempts`` the full record (requests, replies, per-attempt errors) for debugging and
    cassettes.
    """

    def __init__(
        self,
        instruction: str,
        errors: Sequence[str],
        attempts: Sequence[Any] = (),
        *,
        backend: str = "",
        reason: str = "",
    ):
        self.instruction = instruction
        self.errors = tuple(errors)
        self.attempts = tuple(attempts)
        self.backend = backend
        head = reason or (
            f"no valid plan after {len(self.attempts)} attempt(s)"
            + (f" with backend {backend}" if backend else "")
        )
        shown = instruction if len(instruction) <= 200 else instruction[:197] + "..."
        lines = [f"{head} for instruction {shown!r}"]
        if self.errors:
            lines.append("last errors:")
            lines += [f"  - {e}" for e in self.errors[:40]]
            if len(self.errors) > 40:
                lines.append(f"  ... and {len(self.errors) - 40} more")
        super().__init__("\n".join(lines))
