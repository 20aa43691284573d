"""Robots said again as "the same": "another truck ... is loaded by *the same two excavators*".

The words before a counted or bare robot type ("two excavators", "excavators") that say it is a group named before
(the lexicon's ``same_group_leads``: "the same", "those same") were plain words, and "two excavators" a new group
of two: the loading was given to robots that had dug nowhere, and the rest of the clause was lost. The lead and the
mention become one definite mention ("the two excavators"), which the usual reading takes back to the robots of
that type named before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_same_groups"]


def fold_same_groups(items: Sequence[Item], leads: frozenset[str]) -> list[Item]:
    """Replace "<same lead> <counted or bare type>" by one "the" mention of the type."""
    out: list[Item] = []
    for it in items:
        lead = _lead_length(out, leads) if it.kind is ItemKind.ROBOT and _regroupable(it.payload) else 0
        if not lead:
            out.append(it)
            continue
        first = out[-lead]
        said = " ".join([*(x.text for x in out[-lead:]), it.text])
        del out[-lead:]
        out.append(Item(ItemKind.ROBOT, first.start, it.end, dataclasses.replace(it.payload, det="the"), said))
    return out


def _regroupable(d: RobotDesc) -> bool:
    """A robot type said with a count or bare ("two excavators", "excavators"): one a lead can make definite."""
    return d.form == "type" and d.det in ("count", "bare") and not d.negated


def _lead_length(before: Sequence[Item], leads: frozenset[str]) -> int:
    """How many plain words at the end of ``before`` make one of ``leads`` (0 when none)."""
    for n in (3, 2):
        tail = before[-n:]
        if len(tail) == n and all(x.kind is ItemKind.WORD for x in tail) \
                and " ".join(x.text.lower() for x in tail) in leads:
            return n
    return 0
