""""but" that leaves robots out of a group: "all trucks go to rock 1 *but truck 3*", "all trucks *but truck 3* go ...".

The scanner reads "but" as "except" only right after "all the robots" / "the others". After a group of one type
("all trucks") or at the end of the group's clause it stayed a bare word, and the robot after it joined the move:
truck 3 was sent to rock 1 beside a group of three trucks. A "but" (the lexicon's ``except_but_words``) is read as
"except" when robots follow it and either (a) it comes right after a group mention, or (b) those robots end the
clause (punctuation or the end follows them) and a group was named earlier in the sentence with no other robot
between. "... but truck 3 goes to soil 1" (robots with a verb of their own) is a clause of its own, left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import SENTENCE_END, Item, ItemKind

__all__ = ["fold_but_except"]


def _group(it: Item) -> bool:
    """A mention of several robots by group: the fleet, "the others", or a plural type ("all trucks")."""
    d = it.payload
    return it.kind is ItemKind.ROBOT and (d.form in ("fleet", "others") or (d.form == "type" and d.plural)) \
        and not d.negated


def _robots_end(items: Sequence[Item], k: int, joins: frozenset[str]) -> int | None:
    """The end of a run of named robots from ``k`` ("truck 3", "truck 1 and truck 3"); None if none starts there."""
    if k >= len(items) or items[k].kind is not ItemKind.ROBOT or items[k].payload.form in ("pronoun", "fleet"):
        return None
    j = k + 1
    while j + 1 < len(items) and items[j].kind in (ItemKind.WORD, ItemKind.PUNCT) and items[j].text in joins \
            and items[j + 1].kind is ItemKind.ROBOT and items[j + 1].payload.form != "pronoun":
        j += 2
    return j


def fold_but_except(items: Sequence[Item], but_words: frozenset[str], joins: frozenset[str]) -> list[Item]:
    """Mark each "but" that leaves robots out of a group (see the module docstring) as the mark "except"."""
    out = list(items)
    group_at: int | None = None  # the last group mention of the sentence with no other robot after it
    for k, it in enumerate(out):
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            group_at = None
        elif it.kind is ItemKind.ROBOT:
            group_at = k if _group(it) else None
        elif it.kind is ItemKind.WORD and it.text in but_words and group_at is not None:
            end = _robots_end(out, k + 1, joins)
            if end is None:
                continue
            closes = end >= len(out) or out[end].kind is ItemKind.PUNCT
            if group_at == k - 1 or closes:
                out[k] = Item(ItemKind.MARK, it.start, it.end, "except", it.text)
    return out
