"""The fleet greeted before the orders: "Hello everyone, the aim of this shift is to ...".

A greeting (the lexicon's ``greeting_words``) and a fleet noun before a comma open the message: when no verb
follows the comma, the fleet noun only says whom the message is for, not who does what comes next. Read as the
subject, it made the next clause's deeds the whole fleet's ("'fill it' cannot be done by the whole fleet at once")
or gave them to every robot. "Hello everyone, go to puddle 1" (a verb right after the comma) keeps the fleet as
the one addressed.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind

__all__ = ["fold_greeted_fleet"]


def fold_greeted_fleet(items: Sequence[Item], greetings: frozenset[str], people: frozenset[str]) -> list[Item]:
    """Leave out a greeting, the fleet noun it greets and the comma after them (see the module docstring): the
    sentence then starts where the message does, as a goal said first must. Not before a person (``people``:
    "Hello everyone, we need ..."), which the interpreter reads as a need of the one greeting."""
    out = list(items)
    for k, it in enumerate(out):
        if it.kind is ItemKind.ROBOT and it.payload.form == "fleet" and _addressed(out, k) \
                and out[k + 2].text not in people:
            j = _greeted(out, k, greetings)
            if j < k:
                return out[:j] + out[k + 2:]
    return out


def _greeted(items: Sequence[Item], k: int, greetings: frozenset[str]) -> int:
    """Where the greeting before ``items[k]`` starts: ``k`` when no greeting word alone opens the sentence there."""
    j = k
    while j > 0 and items[j - 1].kind is ItemKind.WORD and items[j - 1].text in greetings:
        j -= 1
    opens = j == 0 or (items[j - 1].kind is ItemKind.PUNCT and items[j - 1].text in (".", "!", "?"))
    return j if opens else k


def _addressed(items: Sequence[Item], k: int) -> bool:
    """A comma follows the fleet noun and no verb follows the comma (the verb would be an order to the fleet)."""
    return k + 2 < len(items) and items[k + 1].kind is ItemKind.PUNCT and items[k + 1].text in (",", ":") \
        and items[k + 2].kind is not ItemKind.VERB
