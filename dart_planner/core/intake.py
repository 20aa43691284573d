"""The allocator's intake: a ``task_graph`` message read, then the gate it must pass.

:func:`graph_from_payload` reads the task graph of a ``task_graph@1`` payload as the
allocator node takes it (and as ``replay --rejudge`` reads a recorded one). :func:`gate_plan`
is what it must pass before anything is dispatched, so the allocator node (at intake and again
on approve) and rejudge decide the same way, in the same order:

1. **validation** (:func:`~dart_planner.core.validate.validate_plan`) against the world now --
   a plan that cannot be executed is refused first;
2. **stale perception** -- a plan naming an object known only from perception that has not
   been reported for ``object_ttl_s`` is refused (its last known pose is never used; see
   :mod:`dart_planner.core.objects`);
3. **the safety gate** (:meth:`~dart_planner.core.safety.SafetyPolicy.decide`): an active
   e-stop, then geofence and keep-out refusals, then approval.

The result carries the rejection text the node publishes on ``plan_status`` (and the safety
gate's reasons, one per problem), so the wording is the same wherever the gate runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import PlanFormatError
from .fleet import Fleet
from .objects import plan_objects, stale_reason
from .plan import TaskGraph
from .safety import GateVerdict, SafetyPolicy
from .validate import validate_plan
from .world import World

__all__ = ["IntakeDecision", "gate_plan", "graph_from_payload", "SAFETY_REFUSAL"]

SAFETY_REFUSAL = "refused by the safety gate: "
"""Prefix of the error of a plan the safety gate refused (or an e-stop held off)."""


def graph_from_payload(payload: Mapping[str, Any]) -> tuple[TaskGraph, str | None]:
    """The task graph of a ``task_graph@1`` payload (native form preferred) and its instruction id.

    Raises
    ------
    PlanFormatError
        Neither form is there, either does not parse, or the payload's ``plan_id`` is not the plan's.
    """
    native = payload.get("native")
    if native is not None:
        graph = TaskGraph.from_native(native)
    elif payload.get("plan") is not None and isinstance(payload.get("plan_id"), str):
        graph = TaskGraph.from_dart(payload["plan"], plan_id=payload["plan_id"],
                                    instruction=str(payload.get("instruction", "")))
    else:
        raise PlanFormatError(["task_graph message: neither 'native' nor 'plan' with 'plan_id'"])
    if isinstance(payload.get("plan_id"), str) and payload["plan_id"] != graph.plan_id:
        raise PlanFormatError([f"task_graph message: plan_id {payload['plan_id']!r} differs from the plan's "
                               f"{graph.plan_id!r}"])
    iid = payload.get("instruction_id")
    return graph, iid if isinstance(iid, str) else None


@dataclass(frozen=True)
class IntakeDecision:
    """What the gate decided about one plan.

    ``verdict`` is the safety gate's (:class:`~dart_planner.core.safety.GateVerdict`); an
    invalid plan or one naming a stale object is ``REFUSE`` too, with ``error`` saying why and
    no ``reasons``.
    """

    verdict: GateVerdict
    error: str = ""
    """The ``plan_status`` error of a plan that does not go ahead ("" for ACCEPT and NEEDS_APPROVAL)."""
    reasons: tuple[str, ...] = ()
    """The safety gate's reasons: one per refused target, per approval rule matched, or the e-stop."""

    @property
    def may_dispatch(self) -> bool:
        return self.verdict is GateVerdict.ACCEPT


def gate_plan(
    graph: TaskGraph,
    fleet: Fleet,
    world: World,
    policy: SafetyPolicy,
    *,
    stale_only: Mapping[str, float] | None = None,
    object_ttl_s: float = 0.0,
    approved: bool = False,
    estopped: bool = False,
) -> IntakeDecision:
    """Validation, stale perception, then the safety gate (module docstring).

    Parameters
    ----------
    fleet, world
        The allocator's (speed-limited fleet, world with perceived objects and the keep-outs in
        force now).
    stale_only
        Stale objects known only from perception: name -> seconds since last reported
        (:func:`~dart_planner.core.objects.stale_perception_only`).
    object_ttl_s
        The TTL that made them stale (quoted in the reason).
    approved
        A person approved the plan (the re-check on approve): approval rules no longer hold it.
    estopped
        An emergency stop is active: nothing is accepted (verdict ``ESTOPPED``).
    """
    report = validate_plan(graph, fleet, world)
    if not report.ok:
        return IntakeDecision(GateVerdict.REFUSE, f"PlanValidationError: {report}")
    stale = stale_reason(plan_objects(graph), stale_only or {}, object_ttl_s)
    if stale is not None:
        return IntakeDecision(GateVerdict.REFUSE, stale)
    decision = policy.decide(graph, fleet, world, approved=approved, estopped=estopped)
    if decision.verdict in (GateVerdict.REFUSE, GateVerdict.ESTOPPED):
        return IntakeDecision(decision.verdict, SAFETY_REFUSAL + "; ".join(decision.reasons), decision.reasons)
    return IntakeDecision(decision.verdict, "", decision.reasons)
