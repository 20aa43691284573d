"""A leading condition that lists its states with commas: "When truck 3 has tipped, excavator 2 has finished at rock 2
and trucks 1 and 2 are done at obstacle 1, lift the keep-out for trucks 1 and 2".

The comma after the first state cut the condition there, so the states after it were read as main clauses (steps of
their own, or nothing) and the order waited for the first state only. A clause right after a leading condition that
only says a robot has reached a state (a robot, an auxiliary such as "has" / "are", then a past participle or a state
word, and no other verb), followed by more of the same sentence, is one more state of that condition. A robot that
"is moved" / "gets driven" somewhere is sent there (a passive order), not in a state: that clause stays an order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Iterable, Sequence

from .segment import Item, ItemKind, Segment, SegmentRole
from .verbs import MOVES

__all__ = ["fold_condition_lists"]

def _state_clause(seg: Segment, auxiliaries: Container[str], passive_auxiliaries: Container[str],
                  endings: tuple[str, ...]) -> bool:
    items = [it for it in seg.items if it.kind is not ItemKind.MARK]
    if seg.connective is not None or len(items) < 3 or items[0].kind is not ItemKind.ROBOT:
        return False
    if not (items[1].kind is ItemKind.WORD and items[1].text in auxiliaries):
        return False
    head = items[2]
    if head.kind is ItemKind.VERB:
        if not head.text.split()[0].endswith(endings):
            return False
        if items[1].text in passive_auxiliaries and head.payload.target in MOVES:
            return False  # "excavator 2 is moved to rock 2": an order to move it, not a state it reached
    elif head.kind is not ItemKind.EVENT:
        return False
    return not any(it.kind in (ItemKind.VERB, ItemKind.CONNECTIVE, ItemKind.ROBOT) for it in items[3:])


def fold_condition_lists(segs: Sequence[Segment], auxiliaries: Container[str],
                         passive_auxiliaries: Container[str] = (),
                         participle_endings: Iterable[str] = ()) -> list[Segment]:
    """Join the state clauses listed after a leading condition into it (``auxiliaries``: the lexicon's
    ``condition_auxiliaries``; ``passive_auxiliaries``: its ``passive_auxiliaries``, before which a move verb is an
    order; ``participle_endings``: its ``condition_participle_endings``, of a verb said as a state)."""
    endings = tuple(participle_endings)
    out = list(segs)
    i = 0
    while i < len(out):
        seg = out[i]
        if seg.role is not SegmentRole.ANCHOR or seg.post_anchor or seg.before or not seg.sentence_start:
            i += 1
            continue
        j = i + 1
        while j + 1 < len(out) and out[j].sentence == seg.sentence and out[j].role is SegmentRole.MAIN \
                and out[j + 1].sentence == seg.sentence \
                and _state_clause(out[j], auxiliaries, passive_auxiliaries, endings):
            j += 1
        if j > i + 1:
            items = list(seg.items)
            for s in out[i + 1:j]:
                # the comma read as the "and" it stands for (a word of no width: nothing more to understand)
                at = items[-1].end if items else s.items[0].start
                items += [Item(ItemKind.WORD, at, at, None, "and"), *s.items]
            out[i:j] = [dataclasses.replace(seg, items=items, ended_by=out[j - 1].ended_by)]
        i += 1
    return out
