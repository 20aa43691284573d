"""A sentence opened by "with", what it names and a word of its state: "*With the digging finished*, truck 1 goes to
soil 1", "*With that keep-out in place*, excavators 1 and 2 head to rock 2".

Such an absolute clause says when the rest happens, as "once the digging is finished" does. Read as it stood, its
"with" took what followed for a companion (truck 1 went along on the excavator's first move) or was left a plain
word (the move waited for nothing). Here its "with" becomes a connective of time, so the clause is read as an
anchor; the anchor already reads a state said without "is" ("once that done").

Only "with" (lexicon ``absolute_with_words``) opening its sentence (or a clause after ";" or ":"), followed by at
least one item and then a word of state (``absolute_with_states``) right before a comma, with no verb of a robot's
own (a verb after a plain word is a noun: "the keep-out"), punctuation or connective between, is read so: "Truck 1
goes to soil 1 with excavator 2" keeps its companion.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .segment import Item, ItemKind

__all__ = ["fold_with_absolutes"]

_OPENING_MARKS = (".", ";", ":", "!", "?")


def _opens_sentence(items: Sequence[Item], k: int) -> bool:
    return k == 0 or (items[k - 1].kind is ItemKind.PUNCT and items[k - 1].payload in _OPENING_MARKS)


def _state_end(items: Sequence[Item], k: int, states: Container[str]) -> int | None:
    """The index of the state word closing the clause opened at ``k``, when the clause reads as an absolute one."""
    for j in range(k + 1, len(items)):
        it = items[j]
        if it.kind is ItemKind.PUNCT:
            ok = it.payload == "," and j > k + 2 and items[j - 1].text.lower() in states
            return j - 1 if ok else None
        if it.kind in (ItemKind.CONNECTIVE, ItemKind.UNKNOWN):
            return None
        if it.kind is ItemKind.VERB and it.text.lower() not in states and items[j - 1].kind is not ItemKind.WORD:
            return None  # "with excavator 2 watching the road": a deed; "with the keep-out ...": a noun
    return None


def fold_with_absolutes(items: Sequence[Item], words: Container[str], states: Container[str]) -> list[Item]:
    """Each opening "with <thing> <state>," as a clause of time."""
    out = list(items)
    for k, it in enumerate(out):
        if it.kind is ItemKind.WORD and it.text.lower() in words and _opens_sentence(out, k) \
                and _state_end(out, k, states) is not None:
            out[k] = Item(ItemKind.CONNECTIVE, it.start, it.end, "anchor", it.text.lower())
    return out
