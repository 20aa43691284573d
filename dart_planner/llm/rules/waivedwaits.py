"""A wait said not to happen: "excavator 1 digs *without waiting for truck 2*", "(no need to wait for truck 2 for
that)".

The robots after such words are who is not waited for; they are given nothing. Read word by word, they were the
subject of a clause of their own with no verb, which repeated the step before for them ("truck 2" was sent to
soil 1). The words, from the waiving lead (the lexicon's ``waived_wait_marks``: "without waiting", or a wait
connective of ``wait_for_connectives`` right after a negation or "no need to") through the robots named and a
trailing "for that", become one mark (payload "waived"): read like a filler, and it tells the clause's "then"
that the clause does not wait for the steps said before it. Not when a verb follows the robots ("does not wait for
excavator 1 to dig" says what is waited for): those words are left as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind, filler_over

__all__ = ["WAIVED", "fold_waived_waits"]

WAIVED = "waived"  # the mark's payload

_LEADS = frozenset({"neg", "skip"})
_JOINS = frozenset({"and", "or", ","})


def fold_waived_waits(items: Sequence[Item], marks: frozenset[str], connectives: frozenset[str]) -> list[Item]:
    """Replace "<waived wait> <robots> [for that]" by one "waived" mark."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        start = _robots_start(items, k, marks, connectives)
        end = _stretch_end(items, start) if start is not None else None
        if end is None:
            out.append(items[k])
            k += 1
            continue
        said = filler_over(items[k:end])
        out.append(Item(ItemKind.MARK, said.start, said.end, WAIVED, said.text))
        k = end
    return out


def _robots_start(items: Sequence[Item], k: int, marks: frozenset[str], connectives: frozenset[str]) -> int | None:
    """Where the robots not waited for start, when a waived wait opens at ``k``; else None."""
    it = items[k]
    if it.kind is ItemKind.MARK and it.text in marks and k + 1 < len(items) and items[k + 1].text == "for":
        return k + 2  # "without waiting for truck 2"
    if it.kind is not ItemKind.CONNECTIVE or it.text not in connectives:
        return None
    j = k - 1
    while j >= 0 and k - j <= 3 and items[j].kind is ItemKind.WORD:
        j -= 1  # "does not *need to* wait for"
    if j >= 0 and items[j].kind is ItemKind.MARK and items[j].payload in _LEADS:
        return k + 1
    return None


def _stretch_end(items: Sequence[Item], j: int) -> int | None:
    """One past the robots from ``j`` (and a trailing "for that"), when nothing but punctuation, a connective or
    the end follows them; else None."""
    if j >= len(items) or items[j].kind is not ItemKind.ROBOT:
        return None
    while j + 2 < len(items) and items[j + 1].text in _JOINS and items[j + 2].kind is ItemKind.ROBOT:
        j += 2
    j += 1
    if j + 1 < len(items) and items[j].text == "for" and items[j + 1].kind is ItemKind.OBJECT \
            and items[j + 1].payload.form == "pronoun":
        j += 2  # "... for that"
    if j < len(items) and items[j].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
        return None
    return j
