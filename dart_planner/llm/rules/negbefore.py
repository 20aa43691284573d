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

from .segment import Item, ItemKind, Segment, SegmentRole, named_ids, named_objects
from .verbs import MOVES

__all__ = ["fold_negated_departure_phrases", "fold_negated_move_before"]


def _negated_move(seg: Segment, departures: Container[str]) -> bool:
    """A clause with a negation and either a move verb and a place ("truck 3 must not leave for puddle 1") or, with
    no verb, a bare word of leaving ("truck 3 must not leave")."""
    if not any(it.kind is ItemKind.MARK and it.payload == "neg" for it in seg.items):
        return False
    verbs = seg.of(ItemKind.VERB)
    if not verbs:
        return any(it.kind is ItemKind.WORD and it.text in departures for it in seg.items)
    return any(it.payload.target in MOVES for it in verbs) and seg.has(ItemKind.OBJECT)


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


def _goes_on_later(segs: Sequence[Segment], seg: Segment) -> bool:
    """Whether an earlier sentence sent the robot of ``seg`` to the place it must not leave and a later one names it
    with a verb: it is there, and what it does next is said. (Said before its move there, the wait has no step to
    follow yet, and the refusal stays.)"""
    ids, places = named_ids(seg.items), named_objects(seg.items)
    went = any(s.sentence < seg.sentence and s.has(ItemKind.VERB) and ids & named_ids(s.items)
               and places & named_objects(s.items) for s in segs)
    acting = {s.sentence for s in segs if s.has(ItemKind.VERB)}  # "Truck 3 | then dumps ...": one sentence
    return went and any(s.sentence > seg.sentence and s.sentence in acting and ids & named_ids(s.items) for s in segs)


def fold_negated_departure_phrases(items: Sequence[Item], departures: Container[str]) -> list[Item]:
    """"Truck 2 must not *set off* before ...", "does not *head off* until ...": a negated leaving said in two words
    (a two-word entry of the lexicon's ``departure_verbs``) right after the negation, with nothing after it in its
    clause, as one word of leaving like "leave". Apart, "set" was read as no verb and the wait was dropped, and "head
    off" as a keep-out with no place ("no object named to avoid in 'head'"). "Not set out for soil 1" names a place
    and stays a negated move."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        if out and out[-1].kind is ItemKind.MARK and out[-1].payload == "neg" and k + 1 < len(items) \
                and it.kind in (ItemKind.WORD, ItemKind.VERB, ItemKind.EVENT) and items[k + 1].kind is ItemKind.WORD \
                and f"{it.text} {items[k + 1].text}".lower() in departures \
                and (k + 2 >= len(items) or items[k + 2].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)):
            out.append(Item(ItemKind.WORD, it.start, items[k + 1].end, None, f"{it.text} {items[k + 1].text}".lower()))
            k += 2
            continue
        out.append(it)
        k += 1
    return out


def fold_negated_move_before(segs: Sequence[Segment], before_words: Container[str], until: str,
                             departures: Container[str]) -> list[Segment]:
    """Read each clause opened by a word of ``before_words`` right after a negated move of the same sentence as the
    "until" anchor (``until``) of that move."""
    out = list(segs)
    for k in range(1, len(out)):
        seg, prev = out[k], out[k - 1]
        if seg.role is SegmentRole.MAIN and seg.connective_text in before_words and seg.sentence == prev.sentence \
                and prev.role is SegmentRole.MAIN and _negated_move(prev, departures):
            stay = _staying_items(prev, departures)
            if stay is not None and _goes_on_later(out, prev):
                # "truck 3 should not leave soil 2 before it is full. Then it dumps ...": it stays there until then
                out[k - 1] = dataclasses.replace(prev, items=stay)
                out[k] = dataclasses.replace(seg, role=SegmentRole.ANCHOR, connective="anchor", connective_text=until,
                                             post_anchor=True, after_punct=False, sentence_start=False)
                continue
            # as the segmenter leaves "until" after a verbless "must not leave": no anchor of a step said before it
            out[k] = dataclasses.replace(seg, role=SegmentRole.ANCHOR, connective="anchor", connective_text=until,
                                         post_anchor=prev.has(ItemKind.VERB), after_punct=False, sentence_start=False)
    return out
