"""A robot or place said to be replaced: "truck 2 goes to rock 1 *instead of excavator 1*" / "*instead of soil 1*".

Read as it stood, the mention after "instead of" joined the clause: excavator 1 was sent to rock 1 with truck 2, or
truck 2 was sent on to soil 1 as well. What follows such a lead (the lexicon's ``replaced_mention_leads``) is the
robot or place that does NOT take part, so the lead and its mentions are words understood and nothing more.

When the replaced robot or place was already named earlier in the instruction, the text corrects an order given
before ("Truck 1 goes to rock 1. Truck 2 goes there instead of truck 1."); this reader never takes an order back,
so it refuses with the words named rather than send both.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind, filler_over

__all__ = ["fold_replaced_mentions"]

_MENTIONS = (ItemKind.ROBOT, ItemKind.OBJECT)


def _named(it: Item) -> tuple[object, ...]:
    """The robot ids or object names a mention names (the mention itself when it names none by name)."""
    named = it.payload.ids if it.kind is ItemKind.ROBOT else it.payload.names
    return tuple(named) or (it.payload,)


def _lead_at(items: Sequence[Item], k: int, leads: frozenset[str]) -> int:
    """How many WORD items from ``k`` spell one of ``leads`` (0: none)."""
    best = 0
    words: list[str] = []
    for j in range(k, min(len(items), k + 4)):
        if items[j].kind is not ItemKind.WORD:
            break
        words.append(items[j].text)
        if " ".join(words) in leads:
            best = j - k + 1
    return best


def fold_replaced_mentions(items: Sequence[Item], leads: frozenset[str], joins: frozenset[str],
                           place_prepositions: frozenset[str] = frozenset()) -> list[Item]:
    """Turn "<lead> [<place preposition>] <robot or place> [<join> <robot or place>]*" into one filler mark (or,
    when one of those mentions was named before, one unknown item whose message names the words).

    The preposition ("instead of *to* soil 1", "rather than *at* rock 1") is taken only before a place: left in,
    it made the place a second destination of the clause."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        n = _lead_at(items, k, leads) if leads else 0
        j = k + n
        if n and j + 1 < len(items) and items[j].kind is ItemKind.WORD and items[j].text in place_prepositions \
                and items[j + 1].kind is ItemKind.OBJECT:
            j += 1
        if not n or j >= len(items) or items[j].kind not in _MENTIONS or items[j].payload.form == "pronoun":
            out.append(items[k])
            k += 1
            continue
        kind = items[j].kind
        replaced = [items[j]]
        j += 1
        while j + 1 < len(items) and items[j].kind in (ItemKind.WORD, ItemKind.PUNCT) and items[j].text in joins \
                and items[j + 1].kind is kind and items[j + 1].payload.form != "pronoun":
            replaced.append(items[j + 1])
            j += 2
        said = " ".join(x.text for x in items[k:j])
        earlier = {key for x in out if x.kind is kind for key in _named(x)}
        if any(earlier.intersection(_named(x)) for x in replaced):
            out.append(Item(ItemKind.UNKNOWN, items[k].start, items[j - 1].end,
                            f"{said!r} takes back an order given earlier; say the whole order again without it",
                            said))
        else:
            out.append(filler_over(items[k:j]))
        k = j
    return out
