"""A word that joins two robots' clauses as "while" does: "truck 2 goes to rock 1 *as* excavator 1 digs at soil 1".

"as" is no connective of the lexicon (it is one in "such as", "as planned", "as well as"), so the scanner left it a
loose word and the two clauses one: excavator 1 joined truck 2's move to rock 1. Between a clause with its own robot
and verb and a robot followed at once by its verb, the word opens a clause that runs alongside, as "while" does.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind

__all__ = ["fold_parallel_subordinators"]

_CLAUSE_BREAKS = (ItemKind.PUNCT, ItemKind.CONNECTIVE)


def fold_parallel_subordinators(items: Sequence[Item], words: frozenset[str]) -> list[Item]:
    """Make each of ``words`` (the lexicon's ``parallel_subordinators``) a "parallel" connective when a robot and
    its verb follow it and a robot and a verb stand before it since the last break of the clause."""
    out = list(items)
    for k, it in enumerate(out):
        if it.kind is not ItemKind.WORD or it.text not in words or k + 2 >= len(out) \
                or out[k + 1].kind is not ItemKind.ROBOT or out[k + 2].kind is not ItemKind.VERB:
            continue
        before: set[ItemKind] = set()
        for x in reversed(out[:k]):
            if x.kind in _CLAUSE_BREAKS:
                break
            before.add(x.kind)
        if {ItemKind.ROBOT, ItemKind.VERB} <= before:
            out[k] = Item(ItemKind.CONNECTIVE, it.start, it.end, "parallel", it.text)
    return out
