"""Ordinals listed before one robot noun: "the first and the third dump truck", "the first, second and third truck".

Only the last ordinal stands next to the noun, so the scanner read the list as that one robot and the ordinals
before it as loose words ("first" even as the connective "first"): "Send the first and the third dump truck to
puddle 1" sent truck 3 alone and either refused "send the first" or dropped truck 1 without a word. Each ordinal of
the list is a robot of the noun's type by number (rule 2), so the list is one mention of them all, in the order said.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .lexicon import Lexicon
from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_ordinal_lists"]


def fold_ordinal_lists(items: Sequence[Item], lex: Lexicon, by_type_num: Mapping[tuple[str, int], str]) -> list[Item]:
    """Merge "[the] <ordinal> (, [the] <ordinal>)* and [the] <ordinal> <type>" into one robot mention by ids
    (joining words: the lexicon's ``ordinal_list_joins``; articles: ``ordinal_list_articles``)."""
    out = list(items)
    joins, articles = lex.ordinal_list_joins, lex.ordinal_list_articles

    def word_in(x: Item, words: frozenset[str]) -> bool:
        return x.kind in (ItemKind.WORD, ItemKind.PUNCT) and x.text in words

    k = 0
    while k < len(out):
        it = out[k]
        d = it.payload if it.kind is ItemKind.ROBOT else None
        if d is None or d.form != "ids" or not d.ordinal or len(d.ids) != 1:
            k += 1
            continue
        nums: list[int] = []
        start, pos = k, k - 1
        if pos >= 0 and out[pos].kind is ItemKind.PUNCT:
            k += 1  # "First, the second truck goes ...": a list ends with a joining word, never a bare comma
            continue
        while pos >= 1 and word_in(out[pos], joins):
            q = pos - 1
            bare = [w for w in out[q].text.split() if w not in articles]
            if out[q].kind in (ItemKind.WORD, ItemKind.CONNECTIVE) and out[q].text in lex.ordinals:
                nums.insert(0, lex.ordinals[out[q].text])
                start = q - 1 if q >= 1 and word_in(out[q - 1], articles) else q
            elif out[q].kind is ItemKind.ROBOT and len(bare) == 1 and bare[0] in lex.ordinals:
                # "send the second excavator ..., and send the first and the third dump truck": "the first" is
                # no excavator with its noun left out, it shares the noun after it
                nums.insert(0, lex.ordinals[bare[0]])
                start = q
            else:
                break
            pos = start - 1
        ids = [by_type_num.get((d.rtype, n)) for n in nums]
        if not nums or any(r is None for r in ids):
            k += 1
            continue
        all_ids = tuple(dict.fromkeys([*(r for r in ids if r is not None), *d.ids]))
        merged = Item(ItemKind.ROBOT, out[start].start, it.end, RobotDesc("ids", all_ids, d.rtype),
                      " ".join(x.text for x in out[start:k + 1]))
        out[start:k + 1] = [merged]
        k = start + 1
    return out
