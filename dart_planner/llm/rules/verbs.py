"""Verb phrases -> fleet skills.

The lexicon maps phrases to *actions* (``navigate``, ``dig``, ...) or to skill names; the
fleet decides which skill implements an action for a given scope (specific robots or the
whole fleet) and robot type, so "dump" means ``DumpUnloading`` for a truck and, with an
excavator and a truck to pour into, ``ExcavatorUnloading``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...core.fleet import Fleet, SkillScope, SkillSpec

__all__ = ["VerbHit", "choose_skill", "ALTERNATIVES", "MOVES", "KEEPOUT_ACTIONS"]

MOVES = frozenset({"navigate", "return_to_start"})
"""The actions that move a robot (a place is reached, and a later step there needs no drive)."""
KEEPOUT_ACTIONS = frozenset({"add_keepout", "remove_keepout"})
"""The actions that put up or lift a keep-out zone (they occupy no robot)."""


@dataclass(frozen=True)
class VerbHit:
    """A verb phrase found in the text: what it asks for and how it was said."""

    target: str
    """An action name (``navigate``) or a skill name from the fleet."""
    role: str
    """``verb``, ``carry`` (cargo verb: drive somewhere with a load) or ``passive_load``."""
    lemma: str
    """The words as matched (``checks``), so anchors like "after the inspections" find it."""


# When the subject cannot do what a verb usually means, what else the verb may mean.
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "dump": ("unload_bucket",),
    "unload_bucket": ("dump",),
    "load": ("unload_bucket",),
}


def _action_of(spec: SkillSpec) -> str:
    return spec.action.value


def choose_skill(fleet: Fleet, target: str, fleet_wide: bool, types: Iterable[str]) -> SkillSpec | None:
    """The fleet skill for ``target`` (action or skill name) at the given scope that every
    one of ``types`` can perform; None if there is none."""
    need = set(types)
    spec = fleet.skills.get(target)
    if spec is not None:
        return spec if need <= set(spec.robot_types) else None
    scope = SkillScope.ALL if fleet_wide else SkillScope.SPECIFIC
    fallback: SkillSpec | None = None
    for s in fleet.skills.values():
        if _action_of(s) != target:
            continue
        if s.scope is scope and need <= set(s.robot_types):
            return s
        if fallback is None and need <= set(s.robot_types) and not fleet_wide and s.scope is SkillScope.SPECIFIC:
            fallback = s
    return fallback
