"""A "then" said on a clause where robots only stay put: "Then truck 3 stays put. Everyone else returns to base.",
"After that, truck 3 stays where it is, and everyone else goes home.", "Then truck 3 stays there while the others
return."

The clause of staying makes no step, so its "then" timed nothing: the clause after it, with no connective of its own
(or the "while" that runs it beside the staying), started at once, beside the work said before, instead of after it.
The "then" belongs to the moment the staying begins, so it is handed to that clause, as if said there ("Truck 3 stays
put. Then everyone else returns"). A clause after it that has its own timing ("once X", "then") keeps it.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .segment import ItemKind, Segment, SegmentRole

__all__ = ["fold_still_thens"]

_ONGOING = frozenset({"while", "whilst"})


def _stays_put(seg: Segment, still_words: Container[str]) -> bool:
    """Robots, then only words of staying put (the lexicon's ``stationary``: "stays", "stays put", "remains where it
    is", "stays there"), with no verb, place or object of its own."""
    items = seg.items
    first = next((k for k, i in enumerate(items) if i.kind is not ItemKind.ROBOT
                  and not (i.kind is ItemKind.WORD and i.text == "and")), len(items))
    rest = items[first:]
    if not first or not rest:
        return False
    words: list[str] = []
    for it in rest:
        if it.kind is ItemKind.WORD or (it.kind is ItemKind.OBJECT and it.text == "there"):
            words.append(it.text)
        elif not (it.kind is ItemKind.MARK and it.payload == "in_place"):
            return False
    return bool(words) and " ".join(words) in still_words


def _untimed(seg: Segment, still: Segment) -> bool:
    """``seg`` comes right after the staying clause, names robots of its own, and has no timing of its own but the
    "while" that runs it beside the staying: in the same sentence, or opening the next one."""
    if seg.role is not SegmentRole.MAIN or not seg.has(ItemKind.ROBOT):
        return False
    if seg.connective is not None and not (seg.connective == "parallel" and seg.connective_text in _ONGOING
                                           and seg.sentence == still.sentence):
        return False
    return seg.sentence == still.sentence or (seg.sentence == still.sentence + 1 and seg.sentence_start)


def fold_still_thens(segs: Sequence[Segment], still_words: Container[str]) -> list[Segment]:
    """Hand the "then" of each clause of staying put to the untimed clause right after it."""
    out = list(segs)
    for k in range(len(out) - 1):
        still, nxt = out[k], out[k + 1]
        if still.connective == "sequence" and still.role is SegmentRole.MAIN and _stays_put(still, still_words) \
                and _untimed(nxt, still):
            nxt.connective, nxt.connective_text = still.connective, still.connective_text
    return out
