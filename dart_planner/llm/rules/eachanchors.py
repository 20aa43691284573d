""""..., and each is loaded by the excavator at its site *once that digging is done*": in the anchor of a clause said
for each robot in turn, a pointing word points at each robot's own.

Read once, for the place or robot named last ("that" and "there" = soil 2, "that excavator" = excavator 2), the
anchor made excavator 1's loading wait for excavator 2's digging too, though "once its digging is done" and "once it
has dug" already gave each loading its own digging. So, in an anchor said right after a clause with "each", "that" /
"this" before a deed reads as "its" ("that digging" = its digging), a place word (the lexicon's
``each_anchor_pointers``) right after a deed or a robot adds nothing ("the digging there" = the digging), and "that
excavator" / "the excavator there" reads as "it". Outside such a clause the words keep their usual reading: "once that
digging is done" after two diggings in turn is the one said last.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .mentions import RobotDesc
from .segment import Item, ItemKind, Segment, SegmentRole

__all__ = ["fold_each_anchor_pointers"]


def fold_each_anchor_pointers(segs: Sequence[Segment], pointers: frozenset[str],
                              demonstratives: frozenset[str]) -> list[Segment]:
    """Each anchor said right after a clause with "each", its pointing words (``pointers``; ``demonstratives``
    before a noun: "that", "this") read as each robot's own."""
    out: list[Segment] = []
    for k, seg in enumerate(segs):
        prev = segs[k - 1] if k else None
        if seg.role is SegmentRole.ANCHOR and seg.post_anchor and prev is not None and _each(prev) \
                and prev.sentence == seg.sentence:
            seg = dataclasses.replace(seg, items=_own(seg.items, pointers, demonstratives))
        out.append(seg)
    return out


def _each(seg: Segment) -> bool:
    """The clause is said for each of its robots in turn ("each is loaded", "each truck goes")."""
    return "each" in seg.marks() or any(
        it.kind is ItemKind.ROBOT and it.payload.form == "type" and it.payload.det == "each" for it in seg.items)


def _own(items: Sequence[Item], pointers: frozenset[str], demonstratives: frozenset[str]) -> list[Item]:
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        there = nxt is not None and _pointer(nxt, pointers) and nxt.text not in demonstratives
        if _pointer(it, pointers) and it.text in demonstratives and nxt is not None \
                and nxt.kind in (ItemKind.EVENT, ItemKind.VERB):
            out.append(Item(ItemKind.WORD, it.start, it.end, None, "its"))  # "that digging": its digging
        elif it.kind is ItemKind.ROBOT and _pointed_robot(it.payload, it.text, there, demonstratives):
            end = nxt.end if there and nxt is not None else it.end  # "the excavator there", "that excavator": it
            out.append(Item(ItemKind.ROBOT, it.start, end, dataclasses.replace(
                it.payload, form="pronoun", pronoun="it", rtype="", det=""), "it"))
            k += 2 if there else 1
            continue
        elif it.kind in (ItemKind.EVENT, ItemKind.VERB) and there and nxt is not None:
            out.append(Item(it.kind, it.start, nxt.end, it.payload, it.text))  # "the digging there": the digging
            k += 2
            continue
        else:
            out.append(it)
        k += 1
    return out


def _pointer(it: Item, pointers: frozenset[str]) -> bool:
    """A place said only by a pointing word ("there", "that")."""
    return it.kind is ItemKind.OBJECT and it.payload.form == "pronoun" and it.text in pointers


def _pointed_robot(rd: RobotDesc, text: str, there: bool, demonstratives: frozenset[str]) -> bool:
    """One robot of a type, pointed at: "that excavator", or "the excavator" followed by "there"."""
    if rd.form != "type" or rd.plural or rd.count:
        return False
    first = text.split()[0] if text else ""
    return first in demonstratives or (first == "the" and there)
