"""Robots said to go on with their own work: "truck 2 stays out of rock 1, *the rest carry on as normal*".

Such a clause gives its robots no step. Read as a clause, its robots repeated the clause before it: "carry" (a verb of
hauling) sent the rest of the fleet to rock 1, and "the rest continue as normal", with no verb it knew, put every
robot under truck 2's keep-out. A clause that is only robots and words of carrying on (lexicon ``carrying_on_phrases``,
each perhaps with one of ``carrying_on_tails``: "as normal", "with their work"; several joined by "and") is taken out,
folded into the punctuation before it so that its words still count as read.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import SENTENCE_END, Item, ItemKind

__all__ = ["fold_carrying_on"]

_LEADS = frozenset({"and", "while", "whilst"})


def _remark_end(items: Sequence[Item], k: int, phrases: frozenset[str], tails: frozenset[str]) -> int | None:
    """After the robot at ``k``: the index of the punctuation (or the end) that closes a clause of carrying on, or
    None when the clause says anything else."""
    e = k + 1
    while e < len(items) and items[e].kind in (ItemKind.WORD, ItemKind.VERB):
        e += 1
    if e == k + 1 or (e < len(items) and items[e].kind is not ItemKind.PUNCT):
        return None
    said = " ".join(it.text.lower() for it in items[k + 1:e])
    parts = said.split(" and ")
    if all(p in phrases or any(p == f"{ph} {t}" for ph in phrases for t in tails) for p in parts):
        return e
    return None


def fold_carrying_on(items: Sequence[Item], phrases: frozenset[str], tails: frozenset[str]) -> list[Item]:
    """Take out each "<robots> <carrying on>" clause that follows punctuation (or "and") or opens the text."""
    out = list(items)
    k = 0
    while k < len(out):
        if out[k].kind is not ItemKind.ROBOT or not phrases:
            k += 1
            continue
        s = k - 1 if k and out[k - 1].kind is ItemKind.WORD and out[k - 1].text.lower() in _LEADS else k
        opens = s == 0 or out[s - 1].kind is ItemKind.PUNCT
        e = _remark_end(out, k, phrases, tails) if opens else None
        if e is None:
            k += 1
            continue
        if s and out[s - 1].payload not in SENTENCE_END:  # "..., the rest carry on as normal.": into the comma
            s -= 1
            mark = out[s].payload
        elif e < len(out):  # "The others carry on. Truck 1 ...": into the stop after it
            mark, e = out[e].payload, e + 1
        else:
            mark = "."
        out[s:e] = [Item(ItemKind.PUNCT, out[s].start, out[e - 1].end, mark, mark)]
        k = s + 1
    return out
