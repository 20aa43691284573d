"""A robot named with two nouns of its type: "the tipper lorry 2", "both tipper lorries", "the backhoe excavator".

Each noun is a name of the type by itself, so the scan found two robot mentions side by side: "the tipper" (one
unnamed truck) and "lorry 2". Read so, the plan sent truck 2 and one more truck that nobody asked for. Two mentions
of one type with nothing between them, the first unnamed, are one robot: the second noun's name (its number), with
the first one's determiner when the second has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_compound_type_nouns"]


def fold_compound_type_nouns(items: Sequence[Item]) -> list[Item]:
    """``items`` with each unnamed type noun right before a mention of the same type joined to it."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None and _compound(prev, it):
            out[-1] = Item(ItemKind.ROBOT, prev.start, it.end, _joined(prev.payload, it.payload),
                           f"{prev.text} {it.text}")
        else:
            out.append(it)
    return out


def _compound(first: Item, second: Item) -> bool:
    """``first`` is an unnamed type noun and ``second`` a mention of the same type right after it."""
    if first.kind is not ItemKind.ROBOT or second.kind is not ItemKind.ROBOT or first.end != second.start:
        return False
    a, b = first.payload, second.payload
    if not a.rtype or a.rtype != b.rtype or a.negated:
        return False
    if a.form == "ids":  # "the second tipper lorry": the ordinal named the robot, the noun after it adds nothing
        return bool(a.ordinal) and b.form == "type" and b.det in ("", "bare") and not b.plural
    return a.form == "type" and b.form in ("ids", "type")


def _joined(first: RobotDesc, second: RobotDesc) -> RobotDesc:
    """The robot the two nouns name: the second's number, the first's determiner where the second has none."""
    if first.form == "ids":
        return first
    if second.form == "ids" or second.det not in ("", "bare"):
        return second
    return replace(second, det=first.det, count=first.count, plural=first.plural or second.plural,
                   ordinal=first.ordinal or second.ordinal)
