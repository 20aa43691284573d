"""The end of a work step tied to another deed: "The digging continues until truck 2 has checked puddle 1",
"Digging ends after truck 2 has checked puddle 1", "Excavator 1 keeps digging until ...".

A plan's edge says when a step starts (after another has finished, rule 7); nothing in it says when a step ends. Read
as a remark, the words were dropped in silence; read as an anchor, the digging waited for the check, which is the
opposite of a digging that runs until it. A digging, loading or dumping (a verb or its noun) followed in its clause by
a word of lasting or ending (lexicon ``work_span_words``) and an anchor, or a work verb followed by "until"
(``until_words``), is refused, naming the words. A negated or infinitive work ("does not dig until ...", "waits to dig
until ...") is a hold on its start, read elsewhere (rules/diggates.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .segment import Item, ItemKind

__all__ = ["work_span_errors"]

_WORK = frozenset({"dig", "unload_bucket", "load", "dump"})


def work_span_errors(items: Sequence[Item], span_words: Collection[str], until_words: Collection[str]) -> list[str]:
    """One error per work step said to last or end until, after or when another deed."""
    errors: list[str] = []
    for k, it in enumerate(items):
        if not _work(it) or _held(items, k):
            continue
        anchor = _span_anchor(items, k, span_words, until_words, it.kind is ItemKind.VERB)
        if anchor is not None:
            said = " ".join(x.text for x in items[k:anchor + 1])
            errors.append(f"{said!r}: a plan says when a step starts, not when it ends (say what waits for what)")
    return errors


def _work(it: Item) -> bool:
    """A digging, loading or dumping, said as a verb or as its noun."""
    if it.kind is ItemKind.VERB:
        return getattr(it.payload, "target", "") in _WORK
    return it.kind is ItemKind.EVENT and getattr(it.payload, "action", "") in _WORK


def _held(items: Sequence[Item], k: int) -> bool:
    """"does not dig until ...", "nobody digs until ...", "no digging starts until ...", "waits to dig until ...":
    the work's start is held (rules/diggates.py), not its end."""
    if k > 0 and items[k - 1].kind is ItemKind.WORD and items[k - 1].text.lower() == "to":
        return True
    j = k - 1
    while j >= 0 and items[j].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
        it = items[j]
        if (it.kind is ItemKind.MARK and it.payload == "neg") or (it.kind is ItemKind.ROBOT and getattr(
                it.payload, "negated", False)) or (it.kind is ItemKind.WORD and it.text.lower() == "no"):
            return True
        j -= 1
    return False


def _span_anchor(items: Sequence[Item], k: int, span_words: Collection[str], until_words: Collection[str],
                 verb: bool) -> int | None:
    """Where the anchor stands that ends the work at ``k``: after a lasting word ("continues until"), or "until"
    after a work verb and its place ("digs at soil 1 until"); words and places may stand between."""
    spanned = False
    for j in range(k + 1, len(items)):
        x = items[j]
        text = x.text.lower()
        if x.kind is ItemKind.CONNECTIVE and x.payload == "anchor":
            return j if spanned or (verb and text in until_words) else None
        if text in span_words or (j + 1 < len(items) and f"{text} {items[j + 1].text.lower()}" in span_words):
            spanned = True
        elif x.kind not in (ItemKind.WORD, ItemKind.OBJECT):
            return None
    return None
