"""A loading verb with a particle said by the loader: "excavator 1 digs at soil 1 and fills up truck 1".

"fill up" / "load up" are read of the truck ("truck 1 fills up at soil 1"): the truck is loaded, and is taken to
the excavator's place. Said with a truck right after it and a robot of another type before it in the sentence, the
phrase is the excavator's loading of that truck, like "fills truck 1": read as the truck's, the plan added a move
of the truck to the excavator's site that nobody asked for.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .segment import SENTENCE_END, Item, ItemKind
from .verbs import VerbHit

__all__ = ["fold_filled_up_trucks"]


def fold_filled_up_trucks(items: Sequence[Item], verbs: Container[str]) -> list[Item]:
    """``items`` with each such phrase (``verbs``) read as the loader's loading (see the module doc)."""
    out = list(items)
    subject_type = ""  # the type of the robot named last in this sentence
    for k, it in enumerate(out):
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            subject_type = ""
        elif it.kind is ItemKind.ROBOT:
            subject_type = str(it.payload.rtype)
        elif it.kind is ItemKind.VERB and _loader_said(out, k, verbs, subject_type):
            v: VerbHit = it.payload
            out[k] = Item(it.kind, it.start, it.end, VerbHit(v.target, "verb", v.lemma), it.text)
    return out


def _loader_said(items: Sequence[Item], k: int, verbs: Container[str], subject_type: str) -> bool:
    """``items[k]`` is one of ``verbs`` read of the truck, a robot of another type than ``subject_type`` after it."""
    it = items[k]
    if it.payload.role != "passive_load" or it.payload.lemma.lower() not in verbs or k + 1 >= len(items):
        return False
    nxt = items[k + 1]
    return bool(subject_type) and nxt.kind is ItemKind.ROBOT and bool(nxt.payload.rtype) \
        and nxt.payload.rtype != subject_type
