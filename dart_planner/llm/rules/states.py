"""Where a robot already is, said after the place: "excavator 1 is at soil 1 already".

"Is at" is also a movement in the lexicon ("truck 2 should be at rock 1 by noon" sends it there),
and "already at soil 1" is the state marker. When "already" (or "still") closes a "be at <place>"
clause, the clause states where the robot stands, exactly as "is already at soil 1" does: the
verb becomes the ``already`` mark, so the robot is placed there without a move and a later "digs
where it stands" needs none.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind

__all__ = ["fold_trailing_already"]

_BE = frozenset({"is", "are", "be", "was", "were", "'s", "'re"})
_TRAILING = frozenset({"already", "still"})


def fold_trailing_already(items: Sequence[Item]) -> list[Item]:
    """Items with each "<be> at <place> already" read as "already at <place>"."""
    out = list(items)
    for k in range(len(out) - 2):
        verb, place, word = out[k], out[k + 1], out[k + 2]
        if verb.kind is ItemKind.VERB and verb.payload.target == "navigate" and place.kind is ItemKind.OBJECT \
                and word.kind is ItemKind.WORD and word.text in _TRAILING:
            lemma = verb.payload.lemma.split()
            if len(lemma) == 2 and lemma[0] in _BE and lemma[1] == "at":
                out[k] = Item(ItemKind.MARK, verb.start, verb.end, "already", verb.text)
                out[k + 2] = Item(ItemKind.MARK, word.start, word.end, "filler", word.text)
    return out
