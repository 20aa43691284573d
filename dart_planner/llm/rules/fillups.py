"""A loading verb with a particle said by the loader: "excavator 1 digs at soil 1 and fills up truck 1".

"fill up" / "load up" are read of the truck ("truck 1 fills up at soil 1"): the truck is loaded, and is taken to
the excavator's place. Said with a truck right after it and a robot of another type before it in the sentence, the
phrase is the excavator's loading of that truck, like "fills truck 1": read as the truck's, the plan added a move
of the truck to the excavator's site that nobody asked for. So it is with no robot before it in the sentence, an
order ("Fill up both trucks, truck 2 first."): read as the trucks', the order of their loadings was dropped. The
same order with a plural pronoun for the trucks ("Fill up both, truck 2 first.") is the same loading: with the
pronoun left as the trucks' subject, it was one loading and the order was dropped.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .lexicon import PhraseIndex
from .mentions import RobotDesc
from .segment import SENTENCE_END, Item, ItemKind
from .verbs import VerbHit

__all__ = ["fold_filled_up_trucks", "fold_split_loadings"]


def fold_filled_up_trucks(items: Sequence[Item], verbs: Container[str]) -> list[Item]:
    """``items`` with each such phrase (``verbs``) read as the loader's loading (see the module doc)."""
    out = list(items)
    subject_type = ""  # the type of the robot named last in this sentence
    single = False  # that robot is one robot
    for k, it in enumerate(out):
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            subject_type, single = "", False
        elif it.kind is ItemKind.ROBOT:
            subject_type, single = str(it.payload.rtype), _one_robot(it.payload)
        elif it.kind is ItemKind.VERB and _loader_said(out, k, verbs, subject_type, single):
            v: VerbHit = it.payload
            out[k] = Item(it.kind, it.start, it.end, VerbHit(v.target, "verb", v.lemma), it.text)
    return out


def _loader_said(items: Sequence[Item], k: int, verbs: Container[str], subject_type: str, single: bool) -> bool:
    """``items[k]`` is one of ``verbs`` read of the truck, a robot of another type than ``subject_type`` (empty when
    no robot was named before it in the sentence) after it, or a plural pronoun after it with no robot or one robot
    (``single``) before it: "excavator 1 fills up *both of them*" are the trucks it loads, no "both" floated off a
    plural subject. Read as the trucks' own filling, the loading waited for none of them."""
    it = items[k]
    if it.payload.role != "passive_load" or it.payload.lemma.lower() not in verbs or k + 1 >= len(items):
        return False
    nxt = items[k + 1]
    if nxt.kind is not ItemKind.ROBOT:
        return False
    if nxt.payload.form == "pronoun":
        return (not subject_type or single) and nxt.payload.pronoun in _PLURAL_PRONOUNS
    return bool(nxt.payload.rtype) and nxt.payload.rtype != subject_type


def _one_robot(d: RobotDesc) -> bool:
    """``d`` names one robot: "excavator 1", "the first digger", "an excavator"."""
    if d.form == "ids":
        return len(d.ids) == 1
    return d.form == "type" and not d.plural and (d.count or 1) == 1


_PLURAL_PRONOUNS = frozenset({"they", "both", "each"})  # "fill up *both*": the trucks said before, several


def fold_split_loadings(items: Sequence[Item], index: PhraseIndex[tuple[str, str]],
                        particles: Container[str]) -> list[Item]:
    """"Top them up, truck 2 first": a loading phrase of a word and a particle (lexicon ``loading_particles``) said
    around the trucks, its first word no verb alone ("top ... up"), is that phrase with the trucks its object. Left
    as it was, "top" was a word of no meaning and the loading was dropped without a word."""
    out = list(items)
    for k, it in enumerate(out):
        if it.kind is not ItemKind.WORD:
            continue
        j = k + 1
        while j < len(out) and (out[j].kind is ItemKind.ROBOT
                                or (out[j].kind is ItemKind.WORD and out[j].text.lower() == "and")):
            j += 1
        if j == k + 1 or j >= len(out) or out[j].kind is not ItemKind.WORD or out[j].text.lower() not in particles:
            continue
        phrase = [it.text.lower(), out[j].text.lower()]
        hit = index.match(phrase, 0)
        if hit is None or hit[0] != 2 or hit[1][0] != "unload_bucket":
            continue
        out[k] = Item(ItemKind.VERB, it.start, it.end, VerbHit(hit[1][0], hit[1][1], " ".join(phrase)), it.text)
    return out
