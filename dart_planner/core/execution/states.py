"""The subtask state machine: states, the transition table, and what a state change records.

The table is the single place that says which moves are legal; the engine, journal replay
and tests all go through :func:`check_transition`, so a bug that would skip a state (start a
cancelled subtask, finish one twice) raises :class:`IllegalTransitionError` instead of
silently corrupting a plan.

Example
-------
>>> check_transition("t1", SubtaskState.PENDING, SubtaskState.READY)
>>> check_transition("t1", SubtaskState.SUCCEEDED, SubtaskState.RUNNING)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
dart_planner.core.errors.IllegalTransitionError: subtask 't1': succeeded -> running is not allowed ...
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..errors import IllegalTransitionError

__all__ = ["SubtaskState", "TRANSITIONS", "StateChange", "allowed_from", "check_transition"]


class SubtaskState(str, enum.Enum):
    """Where one subtask of a plan stands.

    FAILED and TIMED_OUT are not necessarily the end: the engine may send the subtask back
    to READY (retry on the same robots, or reassignment to others). A subtask that ends
    FAILED is *settled* (the engine records that); SUCCEEDED and CANCELLED always are.
    """

    PENDING = "pending"
    """Waiting for its dependencies to succeed."""
    READY = "ready"
    """Dependencies done; waiting for its robots (locks, schedule order, pause, e-stop)."""
    RUNNING = "running"
    """Goals sent to the actuator; waiting for their results."""
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    TIMED_OUT = "timed_out"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        """True for states nothing can leave (FAILED may still be retried)."""
        return not TRANSITIONS[self]


_S = SubtaskState

TRANSITIONS: Mapping[SubtaskState, frozenset[SubtaskState]] = MappingProxyType(
    {
        _S.PENDING: frozenset({_S.READY, _S.CANCELLED}),
        # READY -> FAILED: its robot broke before it started and nobody can take over.
        _S.READY: frozenset({_S.RUNNING, _S.CANCELLED, _S.FAILED}),
        # RUNNING -> READY: held by an emergency stop, or re-dispatched after a restart
        # (the goal was lost with the process).
        _S.RUNNING: frozenset({_S.SUCCEEDED, _S.FAILED, _S.TIMED_OUT, _S.CANCELLED, _S.READY}),
        _S.FAILED: frozenset({_S.READY}),  # retry or reassignment
        _S.TIMED_OUT: frozenset({_S.READY, _S.FAILED}),  # retry/reassign, or give up
        _S.SUCCEEDED: frozenset(),
        _S.CANCELLED: frozenset(),
    }
)


def allowed_from(state: SubtaskState) -> frozenset[SubtaskState]:
    return TRANSITIONS[state]


def check_transition(task_id: str, src: SubtaskState, dst: SubtaskState) -> None:
    """Raise :class:`IllegalTransitionError` unless ``src -> dst`` is in the table."""
    if dst not in TRANSITIONS[src]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[src])) or "none"
        raise IllegalTransitionError(
            f"subtask {task_id!r}: {src.value} -> {dst.value} is not allowed (from {src.value}: {allowed})"
        )


@dataclass(frozen=True)
class StateChange:
    """One entry of a subtask's history: the state it entered, when, and why."""

    state: SubtaskState
    at: float
    reason: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"state": self.state.value, "at": self.at, "reason": self.reason}
