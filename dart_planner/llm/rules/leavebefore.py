"""Negated leaving "before" X, read as "until" X.

"Truck 3 should not leave for soil 2 *before* the digging is done" says when the truck leaves, as "... *until* the
digging is done" does. Mid-sentence "before" joins clauses in order ("digs before truck 1 arrives"), so the negated
move was read as a keep-out of soil 2 put up after the digging, and the truck was sent nowhere."""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Sequence

from .segment import ItemKind, Segment, SegmentRole


def _negated_leaving(seg: Segment, departures: Container[str]) -> bool:
    """A clause that says a robot must not leave for a place ("should not leave for soil 2")."""
    neg = any(it.kind is ItemKind.MARK and it.payload == "neg" for it in seg.items)
    leaving = any(it.kind is ItemKind.VERB and it.text.split()[:1] and it.text.split()[0] in departures
                  for it in seg.items)
    return neg and leaving


def leaving_before_as_until(segs: Sequence[Segment], before_words: Container[str],
                            departures: Container[str]) -> list[Segment]:
    """``segs`` with each clause joined by one of ``before_words`` (the lexicon's ``negated_leave_until_words``)
    right after a negated leaving in its sentence turned into that clause's "until" anchor."""
    out: list[Segment] = []
    for s in segs:
        prev = out[-1] if out else None
        if prev is not None and s.role is SegmentRole.MAIN and s.connective == "sequence" \
                and s.connective_text in before_words and not s.sentence_start and s.sentence == prev.sentence \
                and prev.role is SegmentRole.MAIN and _negated_leaving(prev, departures):
            s = dataclasses.replace(s, role=SegmentRole.ANCHOR, connective="anchor", connective_text="until",
                                    post_anchor=True)
        out.append(s)
    return out
