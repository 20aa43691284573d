"""A truck sent back "for another load" is loaded again: "then the truck tips its load and comes back to soil 1 for
another load".

"Another" before a noun of the fleet's work ("load", lexicon ``another_thing_nouns``) is read as one more robot of a
type, and "load" after it as that robot's loading verb. After a trip, with a lead of purpose ("for", "to get", lexicon
``another_load_leads``), it is no robot at all: it says why the truck goes, and what it goes for is a loading of its
own. Read as a robot, an unnamed truck took over the clause (the dump and the way back became its steps, not the named
truck's). Folded, the phrase reads as "to be loaded again", which the passive loading reader already places (the
loader is the excavator at the place the truck goes back to).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .segment import SENTENCE_END, Item, ItemKind
from .verbs import MOVES, VerbHit

__all__ = ["fold_another_load"]

_MAX_LEAD = 3  # words of a lead ("to pick up")


def fold_another_load(items: Sequence[Item], leads: Container[str], nouns: Container[str]) -> list[Item]:
    """Each "<lead> another <load noun>" after a move of the same sentence, as the passive "to be loaded again"."""
    out = list(items)
    k = 0
    while k < len(out):
        r = out[k]
        if not (r.kind is ItemKind.ROBOT and r.payload.form == "type" and r.payload.det == "another"
                and k + 1 < len(out) and out[k + 1].kind in (ItemKind.VERB, ItemKind.EVENT)
                and out[k + 1].text.lower() in nouns):
            k += 1
            continue
        lead = next((j for j in range(k - 1, max(k - 1 - _MAX_LEAD, -1), -1)
                     if all(x.kind is ItemKind.WORD for x in out[j:k])
                     and " ".join(x.text.lower() for x in out[j:k]) in leads), None)
        if lead is None or not _after_a_move(out, lead):
            k += 1
            continue
        end = out[k + 1].end
        out[lead:k + 2] = [Item(ItemKind.VERB, out[lead].start, end, VerbHit("unload_bucket", "passive_load",
                                                                            "to be loaded"), "to be loaded"),
                           Item(ItemKind.MARK, end, end, "again", "again")]
        k = lead + 2
    return out


def _after_a_move(items: Sequence[Item], k: int) -> bool:
    """A motion verb stands before ``k`` in the same sentence."""
    for j in range(k - 1, -1, -1):
        it = items[j]
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            return False
        if it.kind is ItemKind.VERB and it.payload.target in MOVES and it.payload.role == "verb":
            return True
    return False
