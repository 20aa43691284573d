"""A timing said after a list of loadings: "Excavator 2 fills truck 2 and then truck 3 at soil 1 after digging
there."

The loading list is cut into the loading clause ("excavator 2 fills truck 2") and a verbless "then truck 3 (at
soil 1)" that says the loading again for the next truck. A timing said after it closed that verbless clause
alone: truck 2 was loaded before the digging, truck 3's "at soil 1" was read as a move and its loading lost
(or, with no place, the digging was made after truck 2's loading and truck 3's loading lost). The timing is the
whole list's ("after digging there" comes before any of the loadings), so it is read first, as a leading anchor,
and the place said with the last truck is where the loadings happen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .segment import Item, ItemKind, Segment, SegmentRole

__all__ = ["fold_trailing_list_anchors"]


def _loaded(items: Sequence[Item]) -> Item | None:
    """The robot that ends a loading clause, or that stands right before the "first" closing it ("excavator 1 loads
    truck 3 *first*, then truck 2, once the digging is done": an order aside said as a list); None if neither."""
    if items and items[-1].kind is ItemKind.CONNECTIVE and items[-1].payload == "first":
        items = items[:-1]
        if len(items) > 2 and items[-1].kind is ItemKind.OBJECT and items[-2].kind is ItemKind.WORD \
                and items[-2].text == "at":
            items = items[:-2]  # "loads truck 2 at rock 1 first": where the loadings are
    return items[-1] if items and items[-1].kind is ItemKind.ROBOT else None


def _loading_clause(seg: Segment) -> bool:
    """"excavator 2 fills truck 2": a main clause whose last item is the robot an active loading verb loads."""
    items = seg.items
    return seg.role is SegmentRole.MAIN and len(items) >= 2 and _loaded(items) is not None \
        and any(it.kind is ItemKind.VERB and it.payload.target == "unload_bucket" and it.payload.role != "passive_load"
                for it in items)


def _more_loaded(seg: Segment, head: Segment) -> bool:
    """"then truck 3 (at soil 1)": robots of the type the loading clause loads, and at most where, no verb."""
    last = _loaded(head.items)
    rtype = last.payload.rtype if last is not None else ""
    robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
    return seg.role is SegmentRole.MAIN and seg.connective == "sequence" and bool(robots) \
        and seg.items[0].kind is ItemKind.ROBOT and all(it.payload.rtype == rtype for it in robots) \
        and all(it.kind in (ItemKind.ROBOT, ItemKind.OBJECT) or it.kind is ItemKind.WORD and it.text in ("at", "to")
                for it in seg.items) \
        and all(it.payload.form == "names" for it in seg.items if it.kind is ItemKind.OBJECT)


def _there_named(items: Sequence[Item], place: Item | None) -> list[Item]:
    """``items`` with "there" as the place said in the list (read first, it would point back at nothing)."""
    if place is None:
        return list(items)
    return [place if it.kind is ItemKind.OBJECT and it.payload.form == "pronoun" and it.payload.pronoun == "there"
            else it for it in items]


def fold_trailing_list_anchors(segs: Sequence[Segment]) -> list[Segment]:
    """Read the timing after a loading list before the list, and the place said with its last truck as the
    place of every loading of it (see the module doc)."""
    out = list(segs)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if not (a.sentence == b.sentence and _loading_clause(a) and _more_loaded(b, a)):
            i += 1
            continue
        c = out[i + 2] if i + 2 < len(out) and out[i + 2].sentence == a.sentence else None
        timed = c is not None and c.role is SegmentRole.ANCHOR and (
            i + 3 >= len(out) or out[i + 3].sentence != a.sentence)
        where = [it for it in b.items if it.kind is not ItemKind.ROBOT]
        if not timed and not where:
            i += 1
            continue
        robots = dataclasses.replace(b, items=[it for it in b.items if it.kind is ItemKind.ROBOT])
        if not timed or c is None:
            out[i:i + 2] = [dataclasses.replace(a, items=[*a.items, *where]), robots]
            i += 2
            continue
        place = next((it for it in where if it.kind is ItemKind.OBJECT), None) or next(
            (it for it in reversed(a.items) if it.kind is ItemKind.OBJECT and it.payload.form == "names"), None)
        lead = dataclasses.replace(c, items=_there_named(c.items, place), sentence_start=a.sentence_start,
                                   after_punct=True, post_anchor=False, ended_by="punct")
        out[i:i + 3] = [lead, dataclasses.replace(a, items=[*a.items, *where], sentence_start=False, after_punct=True),
                        dataclasses.replace(robots, ended_by=c.ended_by)]
        i += 3
    return out
