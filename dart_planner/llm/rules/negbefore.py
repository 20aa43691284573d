"""A negated move timed by "before": "Please make sure truck 3 doesn't head to puddle 1 before excavator 2 has
loaded it".

"Before" is a sequence connective ("excavator 1 digs before truck 1 arrives": the arrival comes after the digging),
so the clause after it was read as a step that follows, and the negated move before it as a keep-out of the place.
The truck's later "dumps at puddle 1" was then refused as a move into a closed place. Said of a negated move, "not A
before B" is "not A until B": A waits for B, which the planner already reads for "must not leave for soil 1 until
they have dug". So the clause after "before" becomes that "until" anchor (lexicon ``negated_move_before_words``).
Only a negated move to a named place is folded: a negated work step "before X" is a wait the planner refuses
(``negated_work_time_words``), and "doesn't leave before X" without a place already reads as a wait.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Sequence

from .segment import ItemKind, Segment, SegmentRole
from .verbs import MOVES

__all__ = ["fold_negated_move_before"]


def _negated_move_to_place(seg: Segment) -> bool:
    """A clause with a negation, a move verb and a place ("truck 3 must not leave for puddle 1")."""
    return any(it.kind is ItemKind.MARK and it.payload == "neg" for it in seg.items) \
        and any(it.kind is ItemKind.VERB and it.payload.target in MOVES for it in seg.items) \
        and seg.has(ItemKind.OBJECT)


def fold_negated_move_before(segs: Sequence[Segment], before_words: Container[str], until: str) -> list[Segment]:
    """Read each clause opened by a word of ``before_words`` right after a negated move of the same sentence as the
    "until" anchor (``until``) of that move."""
    out = list(segs)
    for k in range(1, len(out)):
        seg, prev = out[k], out[k - 1]
        if seg.role is SegmentRole.MAIN and seg.connective_text in before_words and seg.sentence == prev.sentence \
                and prev.role is SegmentRole.MAIN and _negated_move_to_place(prev):
            out[k] = dataclasses.replace(seg, role=SegmentRole.ANCHOR, connective="anchor", connective_text=until,
                                         post_anchor=True, after_punct=False, sentence_start=False)
    return out
