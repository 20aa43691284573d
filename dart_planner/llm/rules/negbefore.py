"""A negated move timed by "before": "Please make sure truck 3 doesn't head to puddle 1 before excavator 2 has
loaded it".

"Before" is a sequence connective ("excavator 1 digs before truck 1 arrives": the arrival comes after the digging),
so the clause after it was read as a step that follows, and the negated move before it as a keep-out of the place.
The truck's later "dumps at puddle 1" was then refused as a move into a closed place. Said of a negated move, "not A
before B" is "not A until B": A waits for B, which the planner already reads for "must not leave for soil 1 until
they have dug". So the clause after "before" becomes that "until" anchor (lexicon ``negated_move_before_words``).
Only a negated move is folded (to a named place, or a bare "leave": lexicon ``departure_verbs``): a negated work step
"before X" is a wait the planner refuses (``negated_work_time_words``). A bare "truck 3 must not leave before it is
loaded" after "excavator 2 ... loads truck 3" made a second loading (the passive read as a step that follows); read
as "until it is loaded" it is the loading said before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Sequence

from .segment import ItemKind, Segment, SegmentRole
from .verbs import MOVES

__all__ = ["fold_negated_move_before"]


def _negated_move(seg: Segment, departures: Container[str]) -> bool:
    """A clause with a negation and either a move verb and a place ("truck 3 must not leave for puddle 1") or, with
    no verb, a bare word of leaving ("truck 3 must not leave")."""
    if not any(it.kind is ItemKind.MARK and it.payload == "neg" for it in seg.items):
        return False
    verbs = seg.of(ItemKind.VERB)
    if not verbs:
        return any(it.kind is ItemKind.WORD and it.text in departures for it in seg.items)
    return any(it.payload.target in MOVES for it in verbs) and seg.has(ItemKind.OBJECT)


def fold_negated_move_before(segs: Sequence[Segment], before_words: Container[str], until: str,
                             departures: Container[str]) -> list[Segment]:
    """Read each clause opened by a word of ``before_words`` right after a negated move of the same sentence as the
    "until" anchor (``until``) of that move."""
    out = list(segs)
    for k in range(1, len(out)):
        seg, prev = out[k], out[k - 1]
        if seg.role is SegmentRole.MAIN and seg.connective_text in before_words and seg.sentence == prev.sentence \
                and prev.role is SegmentRole.MAIN and _negated_move(prev, departures):
            # as the segmenter leaves "until" after a verbless "must not leave": no anchor of a step said before it
            out[k] = dataclasses.replace(seg, role=SegmentRole.ANCHOR, connective="anchor", connective_text=until,
                                         post_anchor=prev.has(ItemKind.VERB), after_punct=False, sentence_start=False)
    return out
