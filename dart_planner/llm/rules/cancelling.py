"""A condition that may cancel an order: "truck 1 goes to rock 1 *unless excavator 2 is still digging there*".

A plan has no branches, so such a condition cannot be planned; read as it stood, the robot after "unless" joined
the move (excavator 2 was sent to rock 1 with truck 1 and set to dig). A cancelling word (the lexicon's
``cancelling_conditions``) followed directly by a named robot, in a clause with no negation before it, makes the
rest of the clause one unknown item whose message names its words, so the instruction is refused. Not "it does not
leave unless it has been loaded" (a negated clause, a pronoun after "unless"): that is a wait, read elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import SENTENCE_END, Item, ItemKind

__all__ = ["fold_cancelling_conditions"]


def fold_cancelling_conditions(items: Sequence[Item], words: frozenset[str]) -> list[Item]:
    """Replace "<cancelling word> <named robot> ..." up to the next punctuation by one unknown item."""
    out: list[Item] = []
    negated = False
    k = 0
    while k < len(items):
        it = items[k]
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            negated = False
        elif it.kind is ItemKind.MARK and it.payload == "neg":
            negated = True
        elif it.kind is ItemKind.WORD and it.text in words and not negated and k + 1 < len(items) \
                and items[k + 1].kind is ItemKind.ROBOT and items[k + 1].payload.form not in ("pronoun", "fleet"):
            j = k + 1
            while j < len(items) and items[j].kind is not ItemKind.PUNCT:
                j += 1
            said = " ".join(x.text for x in items[k:j])
            out.append(Item(ItemKind.UNKNOWN, it.start, items[j - 1].end,
                            f"{said!r} is a condition that may cancel the order, and a plan cannot branch "
                            f"(say what to do in each case as separate instructions)", said))
            k = j
            continue
        out.append(it)
        k += 1
    return out
