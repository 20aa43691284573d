"""An anchor's noun left out after "its own": "truck 2 dumps right after its loading and truck 3 dumps right after
*its own*".

Read as written, "its own" with nothing after it was taken for the truck's own loading routine (a ``DumpLoading``
step, rule 13), and the anchor it closed waited for nothing of truck 3's. Said to close an anchor, after an anchor
earlier in the same sentence that named a possessive deed ("its loading"), it is that deed again, said of the new
clause's robot: the earlier deed item is put in its place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Sequence

from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_elided_own_deeds", "fold_possessed_deeds"]

_FULL_STOPS = frozenset({".", "!", "?"})  # not ";": "truck 2 ... after its loading; truck 3 ... after its own"


def _closes_anchor(items: Sequence[Item], k: int) -> bool:
    """Nothing after ``k`` in its clause: the end of the text, punctuation or "and"."""
    if k >= len(items):
        return True
    nxt = items[k]
    return nxt.kind is ItemKind.PUNCT or (nxt.kind is ItemKind.WORD and nxt.text.lower() == "and")


def _earlier_deed(items: Sequence[Item], k: int, possessives: Container[str]) -> Item | None:
    """The possessive deed ("its loading") right after an anchor earlier in the sentence before ``k``, or None."""
    for j in range(k - 1, 0, -1):
        it = items[j]
        if it.kind is ItemKind.PUNCT and it.payload in _FULL_STOPS:
            return None
        if it.kind is ItemKind.VERB and it.text.split()[0].lower() in possessives \
                and items[j - 1].kind is ItemKind.CONNECTIVE and items[j - 1].payload == "anchor":
            return it
    return None


def fold_elided_own_deeds(items: Sequence[Item], possessives: Container[str], own_words: Container[str]) -> list[Item]:
    """``items`` with an anchor that closes on a possessive of ``possessives`` and a word of ``own_words`` alone
    ("right after its own") given the deed of the possessive anchor said before it in the sentence."""
    out = list(items)
    k = 1
    while k + 2 <= len(out):
        a, pos, own = out[k - 1], out[k], out[k + 1] if k + 1 < len(out) else None
        if own is not None and a.kind is ItemKind.CONNECTIVE and a.payload == "anchor" \
                and pos.kind is ItemKind.WORD and pos.text.lower() in possessives \
                and own.kind is ItemKind.WORD and own.text.lower() in own_words and _closes_anchor(out, k + 2):
            deed = _earlier_deed(out, k - 1, possessives)
            if deed is not None:
                out[k:k + 2] = [dataclasses.replace(deed, start=pos.start, end=own.end)]
        k += 1
    return out


def fold_possessed_deeds(items: Sequence[Item], possessives: Container[str], auxiliaries: Container[str]) -> list[Item]:
    """"Truck 2 keeps out of puddle 1 until *its load has been tipped*": an anchor that opens with a possessive of
    ``possessives``, a noun (its deed, or cargo: "its load") and auxiliaries (``auxiliaries``) before a verb is the
    possessor's own deed, as "until it has tipped" is. Read as it stood, the verb was an order with the possessive's
    robot as doer: a dump at the start that the truck's trip waited for, beside the one said later."""
    out = list(items)
    k = 1
    while k + 2 < len(out):
        a, pos, noun = out[k - 1], out[k], out[k + 1]
        if a.kind is ItemKind.CONNECTIVE and a.payload == "anchor" and pos.kind is ItemKind.WORD \
                and pos.text.lower() in possessives and noun.kind in (ItemKind.EVENT, ItemKind.WORD) \
                and _verb_after(out, k + 2, auxiliaries):
            pronoun = "they" if pos.text.lower() == "their" else "it"  # the possessive's own pronoun
            out[k:k + 2] = [Item(ItemKind.ROBOT, pos.start, noun.end, RobotDesc("pronoun", pronoun=pronoun),
                                 f"{pos.text} {noun.text}")]
        k += 1
    return out


def _verb_after(items: Sequence[Item], k: int, auxiliaries: Container[str]) -> bool:
    """Auxiliaries from ``k`` on, then a verb: the noun before them is its object, so no order's subject."""
    j = k
    while j < len(items) and items[j].kind is ItemKind.WORD and items[j].text.lower() in auxiliaries:
        j += 1
    return j > k and j < len(items) and items[j].kind is ItemKind.VERB
