"""A wait said with its place: "truck 2 *waits for it at obstacle 1*" = "truck 2 goes to obstacle 1 and waits for it".

"Waits for" is an anchor connective (lexicon ``wait_for_connectives``): what follows it is what the robot waits for.
A place said after the robot waited for was read as part of that anchor, so the robot never went there: "Excavator 1
digs soil 1. Truck 2 waits for it at obstacle 1." planned nothing for truck 2, and "excavator 1 digs soil 1 and truck
2 waits for it at obstacle 1" made truck 2 part of excavator 1's clause. A robot waits where it stands, so waiting at a
place is a move there first; the move is not held up by what the robot waits for, its next step is. Folded, the
place comes before the wait as the robot's move ("truck 2 goes to obstacle 1 and waits for it"), which is read right.

Only a robot (named or a pronoun) is taken as what is waited for: in "waits for the digging at soil 1" the place is
the digging's, and that is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import SENTENCE_END, Item, ItemKind
from .verbs import VerbHit

__all__ = ["fold_wait_at_place"]

_AT = ("at", "by", "near", "beside", "next to")


def _place_end(items: Sequence[Item], k: int) -> int | None:
    """After the robot waited for at ``k``: "at" (or "by", "near") and one named place closing the clause; the index
    of the place, or None."""
    if k + 1 >= len(items):
        return None
    at, place = items[k], items[k + 1]
    if not (at.kind is ItemKind.WORD and at.text in _AT) or place.kind is not ItemKind.OBJECT \
            or place.payload.form != "names":
        return None
    after = items[k + 2] if k + 2 < len(items) else None
    if after is None or (after.kind is ItemKind.PUNCT and after.payload in (",", ";", *SENTENCE_END)) \
            or after.kind is ItemKind.CONNECTIVE:
        return k + 1
    return None


def fold_wait_at_place(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each "<robot> <wait for> <robot> at <place>" (the clause ending there) as "<robot> goes to <place> and <wait
    for> <robot>"; anything else is left as it was."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        if k and items[k - 1].kind is ItemKind.ROBOT and it.kind is ItemKind.CONNECTIVE \
                and it.text in lex.wait_for_connectives and k + 1 < len(items) \
                and items[k + 1].kind is ItemKind.ROBOT and (p := _place_end(items, k + 2)) is not None:
            at, place = items[k + 2], items[p]
            out.append(Item(ItemKind.VERB, at.start, at.end, VerbHit("navigate", "verb", "waits at"), "waits at"))
            out.append(place)
            out.append(Item(ItemKind.WORD, it.start, it.start, None, "and"))
            out += [it, items[k + 1]]
            k = p + 1
            continue
        out.append(it)
        k += 1
    return out
