"""A leading condition whose only robot is "it", said before the robots it is about: "As soon as it has been
loaded, truck 2 takes its soil to puddle 1, and truck 3 brings its soil back to base".

Read in order, "it" was the robot named last before the condition (often the last truck loaded), so every clause
after it waited for that one truck. The condition points forward: each clause that follows in the sentence and
names one robot of its own waits for that robot's own event, as if the condition were said after it ("truck 2
takes ... as soon as it has been loaded, and truck 3 brings ... as soon as it has been loaded"). Only a condition
with a verb (an event) and no other robot or object is moved; clauses without a robot of their own leave it as it
was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .segment import ItemKind, Segment, SegmentRole

__all__ = ["fold_forward_it_anchors"]


def _lone_it(seg: Segment) -> bool:
    robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
    return len(robots) == 1 and robots[0].payload.form == "pronoun" and robots[0].payload.pronoun == "it" \
        and seg.has(ItemKind.VERB) and not seg.has(ItemKind.OBJECT) and not seg.has(ItemKind.PLACE)


def _own_robot(seg: Segment) -> bool:
    """The clause opens (after joining words) with one robot named by number or by a singular description."""
    for it in seg.items:
        if it.kind is ItemKind.WORD:
            continue
        if it.kind is not ItemKind.ROBOT:
            return False
        d = it.payload
        return d.form == "ids" and len(d.ids) == 1 or (d.form == "type" and not d.plural and not d.count)
    return False


def fold_forward_it_anchors(segs: Sequence[Segment]) -> list[Segment]:
    """Move a leading "as soon as it ..." condition after each clause it governs (see the module doc)."""
    out = list(segs)
    k = 0
    while k < len(out):
        a = out[k]
        if not (a.role is SegmentRole.ANCHOR and not a.post_anchor and not a.before and a.sentence_start
                and _lone_it(a)):
            k += 1
            continue
        mains = []
        j = k + 1
        while j < len(out) and out[j].sentence == a.sentence and out[j].role is SegmentRole.MAIN:
            mains.append(out[j])
            j += 1
        if not mains or (j < len(out) and out[j].sentence == a.sentence) or not all(_own_robot(m) for m in mains):
            k += 1
            continue
        rewritten: list[Segment] = []
        for n, m in enumerate(mains):
            rewritten.append(dataclasses.replace(m, sentence_start=a.sentence_start) if n == 0 else m)
            rewritten.append(dataclasses.replace(a, post_anchor=True, sentence_start=False, after_punct=False,
                                                 attached=list(a.attached)))
        out[k:j] = rewritten
        k += len(rewritten)
    return out
