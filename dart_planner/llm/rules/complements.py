"""A state a check looks at: "truck 3 drives to puddle 1 *to check that the soil has settled*".

After a verb of checking (the lexicon's ``check_verbs``) a complement opener (``complement_openers``: "that",
"whether") followed by a noun and an auxiliary (``condition_auxiliaries``: "has", "is") opens a clause that says
what is checked, not where: read word by word, "that" was the place just named and "the soil" a second place,
so the truck was sent on to the soil last named. The clause, up to the next punctuation or connective, becomes
one filler mark; the check itself stays a check of where the robot is.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind, filler_over

__all__ = ["fold_check_noun_compounds", "fold_checked_states"]

_NOUNS = (ItemKind.OBJECT, ItemKind.ROBOT)


def fold_checked_states(items: Sequence[Item], check_verbs: frozenset[str], openers: frozenset[str],
                        auxiliaries: frozenset[str]) -> list[Item]:
    """Replace "<check verb> that <noun> <auxiliary> ..." after the verb by one filler mark."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        out.append(it)
        end = _state_end(items, k, check_verbs, openers, auxiliaries) if it.kind is ItemKind.VERB else None
        if end is None:
            k += 1
            continue
        out.append(filler_over(items[k + 1:end]))
        k = end
    return out


def _state_end(items: Sequence[Item], k: int, check_verbs: frozenset[str], openers: frozenset[str],
               auxiliaries: frozenset[str]) -> int | None:
    """Where the state clause after the check verb at ``k`` ends (exclusive), or None when none follows."""
    if items[k].text not in check_verbs or k + 3 >= len(items) or items[k + 1].text not in openers:
        return None
    j = k + 2
    if items[j].kind not in _NOUNS:
        return None
    while j < len(items) and items[j].kind in _NOUNS:
        j += 1
    if j >= len(items) or items[j].kind is not ItemKind.WORD or items[j].text not in auxiliaries:
        return None
    while j < len(items) and items[j].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
        j += 1
    return j


def fold_check_noun_compounds(items: Sequence[Item], check_verbs: frozenset[str], heads: frozenset[str]) -> list[Item]:
    """"nobody goes near obstacle 1, *survey crew*'s in there": a check verb right before a noun of people
    (``heads``: the lexicon's ``check_noun_heads``) names them ("the survey crew", "an inspection team"), it orders no
    check: the verb becomes a plain word. Read as a verb, every robot was sent to survey the place it was kept out
    of."""
    out = list(items)
    for k in range(len(out) - 1):
        it, nxt = out[k], out[k + 1]
        if it.kind is ItemKind.VERB and it.text.lower() in check_verbs and nxt.kind is ItemKind.WORD \
                and nxt.text.lower() in heads:
            out[k] = Item(ItemKind.WORD, it.start, it.end, None, it.text)
    return out
