"""Negated leaving "before" X, read as "until" X.

"Truck 3 should not leave for soil 2 *before* the digging is done" says when the truck leaves, as "... *until* the
digging is done" does. Mid-sentence "before" joins clauses in order ("digs before truck 1 arrives"), so the negated
move was read as a keep-out of soil 2 put up after the digging, and the truck was sent nowhere."""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Sequence

from .segment import Item, ItemKind, Segment, SegmentRole


def _negated_leaving(seg: Segment, departures: Container[str]) -> bool:
    """A clause that says a robot must not leave for a place ("should not leave for soil 2")."""
    neg = any(it.kind is ItemKind.MARK and it.payload == "neg" for it in seg.items)
    leaving = any(it.kind is ItemKind.VERB and it.text.split()[:1] and it.text.split()[0] in departures
                  for it in seg.items)
    return neg and leaving


def _staying_items(seg: Segment, departures: Container[str]) -> list[Item] | None:
    """"Truck 3 should not leave soil 2": the robot, then the negation, the leaving word and the place right after
    each other. Its items as "truck 3 remains at soil 2" says them (a robot that stays where it stands), or None."""
    items = list(seg.items)
    for k in range(1, len(items) - 2):
        neg, word, place = items[k:k + 3]
        if items[k - 1].kind is ItemKind.ROBOT and items[k - 1].payload.form == "ids" \
                and neg.kind is ItemKind.MARK and neg.payload == "neg" and word.kind is ItemKind.WORD \
                and word.text in departures and place.kind is ItemKind.OBJECT and place.payload.form == "names":
            stay = Item(ItemKind.MARK, neg.start, word.end, "already", "remains at")
            return items[:k] + [stay] + items[k + 2:]
    return None


def _ids(seg: Segment) -> set[str]:
    return {i for it in seg.items if it.kind is ItemKind.ROBOT and it.payload.form == "ids" for i in it.payload.ids}


def _goes_on_later(segs: Sequence[Segment], seg: Segment) -> bool:
    """Whether an earlier sentence sent the robot of ``seg`` to the place it must not leave and a later one names it
    with a verb: it is there, and what it does next is said. (Said before its move there, the wait has no step to
    follow yet, and the refusal stays.)"""
    ids = _ids(seg)
    places = {n for it in seg.items if it.kind is ItemKind.OBJECT and it.payload.form == "names"
              for n in it.payload.names}
    went = any(s.sentence < seg.sentence and s.has(ItemKind.VERB) and ids & _ids(s) and places & {
        n for it in s.items if it.kind is ItemKind.OBJECT and it.payload.form == "names" for n in it.payload.names}
        for s in segs)
    acting = {s.sentence for s in segs if s.has(ItemKind.VERB)}  # "Truck 3 | then dumps ...": one sentence
    return went and any(s.sentence > seg.sentence and s.sentence in acting and ids & _ids(s) for s in segs)


def _done_before(segs: Sequence[Segment], anchor: Segment) -> bool:
    """Whether each robot the "before" clause names by number was given a step in an earlier sentence ("... before
    truck 2 has checked rock 2" after "Truck 2 checks rock 2"): a deed ordered only later is not waited for by a
    stay, so that case keeps its refusal rather than a plan whose wait is dropped."""
    acting = {s.sentence for s in segs if s.has(ItemKind.VERB)}
    return all(any(s.sentence < anchor.sentence and s.sentence in acting and r in _ids(s) for s in segs)
               for r in _ids(anchor))


def leaving_before_as_until(segs: Sequence[Segment], before_words: Container[str],
                            departures: Container[str]) -> list[Segment]:
    """``segs`` with each clause joined by one of ``before_words`` (the lexicon's ``negated_leave_until_words``)
    right after a negated leaving in its sentence turned into that clause's "until" anchor."""
    out: list[Segment] = []
    for s in segs:
        prev = out[-1] if out else None
        joined = prev is not None and s.role is SegmentRole.MAIN and s.connective == "sequence" \
            and s.connective_text in before_words and not s.sentence_start and s.sentence == prev.sentence \
            and prev.role is SegmentRole.MAIN
        stay = _staying_items(prev, departures) if joined and prev is not None else None
        if joined and prev is not None and stay is not None and _goes_on_later(segs, prev) \
                and _done_before(segs, s):
            # "truck 3 should not leave soil 2 before it is full. Then it dumps ...": it stays there until then
            out[-1] = dataclasses.replace(prev, items=stay)
        if joined and prev is not None and (_negated_leaving(prev, departures) or out[-1] is not prev):
            s = dataclasses.replace(s, role=SegmentRole.ANCHOR, connective="anchor", connective_text="until",
                                    post_anchor=True)
        out.append(s)
    return out
