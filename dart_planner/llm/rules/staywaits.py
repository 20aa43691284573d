"""A robot that stays where it is until a deed said in a later sentence: "Truck 3 remains at soil 2 until truck 2 has
checked rock 2. Truck 3 then goes to puddle 1. Truck 2 checks rock 2."

The stay makes no step, and the "until" anchor found no step of truck 2 to wait for (it is ordered later), so the wait
was dropped: truck 3 left for puddle 1 at once. The deed is the first step of the anchor's robots, of its action (and
at its place, when one is named), made after the stay's sentence; the staying robot's next step waits for it. This is
applied once the whole instruction is read, so that deed exists by then; transitive edges go at the finish (rule 7).
A deed that no later step does, or one that itself comes after the robot's next step, is refused: the wait would be
dropped in silence or the plan would hold a cycle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .dependencies import Draft, PlanBuilder
from .verbs import KEEPOUT_ACTIONS

__all__ = ["StayWait", "apply_stay_waits"]


@dataclass(frozen=True)
class StayWait:
    """Who stays, from which draft on their next step is looked for, and the deed said in the anchor."""

    stayers: frozenset[str]
    made: int
    sentence: int
    robots: frozenset[str]
    actions: frozenset[str]
    places: frozenset[str]
    said: str


def _next_step(b: PlanBuilder, wait: StayWait) -> Draft | None:
    """The staying robots' first step made after the stay (a keep-out change is no step of theirs, rule 21)."""
    return next((d for d in b.drafts[wait.made:] if d.alive and d.action not in KEEPOUT_ACTIONS
                 and wait.stayers & {m.key for m in d.members}), None)


def _deed(b: PlanBuilder, wait: StayWait, draft_sentence: Mapping[int, int]) -> Draft | None:
    """The first step of the anchor's robots and action, said after the stay; at its place when it names one and the
    step has objects (a digging has none: it is done where the excavator stands)."""
    return next((d for d in b.drafts if d.alive and d.action in wait.actions
                 and wait.robots & {m.key for m in d.members} and draft_sentence.get(d.idx, -1) > wait.sentence
                 and (not wait.places or not d.objects or wait.places & set(d.objects))), None)


def apply_stay_waits(b: PlanBuilder, waits: list[StayWait], draft_sentence: Mapping[int, int]) -> list[str]:
    """Make each staying robot's next step wait for the deed its "until" names; the errors of the waits that cannot
    be kept."""
    errors: list[str] = []
    for wait in waits:
        nxt = _next_step(b, wait)
        if nxt is None:
            continue  # nothing said after the stay: nothing is held up
        deed = _deed(b, wait, draft_sentence)
        if deed is None:
            errors.append(f"{wait.said!r}: no later step does this, so the wait cannot be kept (say who does it)")
            continue
        if deed.idx == nxt.idx or deed.idx in b.ancestors(nxt.idx):
            continue
        if nxt.idx in b.ancestors(deed.idx):
            errors.append(f"{wait.said!r}: that step itself waits for the staying robot's next step")
            continue
        b.add_waits([nxt.idx], deed.idx)
    return errors
