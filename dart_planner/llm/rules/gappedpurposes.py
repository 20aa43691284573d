"""A purpose said after gapped conjuncts is every conjunct's: "send excavator 1 to soil 1 and excavator 2 to
soil 2 to dig".

The second conjunct borrows the first one's verb ("send"), so the purpose said at the end of the sentence
belongs to the whole gapped list, as the verb does: each robot goes to its place to dig. Cut into clauses, the
purpose stood only in the last conjunct, so only the last robot dug and the others' digging was silently lost.
Only a purpose of work the robot does where it stands (lexicon ``gapped_purpose_work``) is shared; a conjunct
with a verb of its own ("... and excavator 2 goes to soil 2 to dig") is a clause of its own and keeps its
purpose to itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .lexicon import Lexicon
from .segment import Item, ItemKind, Segment, SegmentRole

__all__ = ["share_gapped_purposes"]


def _purpose_tail(seg: Segment, lex: Lexicon) -> list[Item] | None:
    """The trailing "to <work verb> (there)" of a verbless conjunct (a robot, a place, then the purpose) or of a
    clause that is nothing but that purpose ("..., and excavator 2 to soil 2, to dig"), or None."""
    items = seg.items
    end = len(items) - 1 if items and items[-1].kind is ItemKind.OBJECT \
        and getattr(items[-1].payload, "form", "") == "pronoun" else len(items)
    passive = _passive_purpose(items[:end], lex)
    size = passive or 2
    if not passive and (end < 2 or items[end - 1].kind is not ItemKind.VERB or items[end - 2].kind is not ItemKind.WORD
                        or items[end - 2].text.lower() not in lex.purpose_infinitive_words
                        or getattr(items[end - 1].payload, "target", "") not in lex.gapped_purpose_work):
        return None
    head = items[:end - size]
    if head and (any(it.kind in (ItemKind.VERB, ItemKind.CONNECTIVE, ItemKind.MARK, ItemKind.EVENT) for it in head)
                 or not any(it.kind is ItemKind.ROBOT for it in head) or head[-1].kind is not ItemKind.OBJECT):
        return None
    return items[end - size:]


def _passive_purpose(items: Sequence[Item], lex: Lexicon) -> int:
    """How many items the passive loading said as a purpose at the clause's end takes (0: none): one verb item
    ("truck 1 goes to soil 1 and truck 2 to soil 2 *to be loaded*"), or "to" and the verb ("... *to get loaded*":
    read apart, only the last truck was loaded): each truck goes to its place to be loaded there, as with "to dig"."""
    last = items[-1] if items else None
    if last is None or last.kind is not ItemKind.VERB or getattr(last.payload, "role", "") != "passive_load":
        return 0
    if last.text.split()[0].lower() in lex.purpose_infinitive_words:
        return 1
    to = items[-2] if len(items) > 1 else None
    return 2 if to is not None and to.kind is ItemKind.WORD and to.text.lower() in lex.purpose_infinitive_words else 0


def _gapped_head(seg: Segment, nxt: Segment) -> bool:
    """``seg`` and ``nxt`` are conjuncts of one gapped list: same sentence, main clauses, nothing between them
    but "and" or a comma, each naming a robot and ending at its place."""
    return seg.sentence == nxt.sentence and seg.role is nxt.role is SegmentRole.MAIN and nxt.connective is None \
        and seg.has(ItemKind.ROBOT) and bool(seg.items) and seg.items[-1].kind is ItemKind.OBJECT \
        and not any(it.kind in (ItemKind.CONNECTIVE, ItemKind.MARK, ItemKind.EVENT) for it in seg.items)


def _shared_run(segs: Sequence[Segment], i: int) -> list[int]:
    """The conjuncts before ``segs[i]`` back to the one whose single movement verb the later ones borrow, or
    nothing when they are no gapped list (a verbless conjunct among them must come after that verb)."""
    run: list[int] = []
    for j in range(i - 1, -1, -1):
        if not _gapped_head(segs[j], segs[j + 1]):
            return []
        run.append(j)
        verbs = segs[j].of(ItemKind.VERB)
        if verbs:
            one_move = len(verbs) == 1 and getattr(verbs[0].payload, "target", "") == "navigate"
            return run if one_move and (len(run) > 1 or segs[i].has(ItemKind.ROBOT)) else []
    return []


def share_gapped_purposes(segs: Sequence[Segment], lex: Lexicon) -> list[Segment]:
    """Each trailing work purpose of a gapped list, copied to every conjunct of the list; a clause that was only
    that purpose is then read with them, not again."""
    out = list(segs)
    dropped: set[int] = set()
    for i, seg in enumerate(segs):
        tail = _purpose_tail(seg, lex)
        run = _shared_run(segs, i) if tail is not None else []
        if tail is None or not run:
            continue
        for k in run:
            out[k] = replace(out[k], items=[*out[k].items, *tail])
        if len(tail) == len(seg.items):
            dropped.add(i)
    return [s for n, s in enumerate(out) if n not in dropped]
