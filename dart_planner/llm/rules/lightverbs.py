"""A light verb with an event noun is the event's own verb: "dump truck 3 does a check".

The lexicon knows "check", "inspection", "dig" as event nouns (anchors: "after the check") and
as verbs. Said as "does a check" / "performs an inspection", the clause had no verb: with its
place said first ("At puddle 1, dump truck 3 does a check.") it gave the place to nobody, and in
a longer instruction to the robot of the clause before. Folded, the noun is that verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import Item, ItemKind
from .verbs import VerbHit

__all__ = ["fold_light_verbs"]


def _acts(ev: Item) -> bool:
    """An event noun that names an action (not "any" work)."""
    return ev.kind is ItemKind.EVENT and ev.payload.action not in ("any", "")


def _after_a_doer(items: Sequence[Item], k: int, lex: Lexicon) -> bool:
    """The word at ``k`` follows its robot, or a modal that follows it (the lexicon's ``light_verb_leads``)."""
    before = items[k - 1]
    return before.kind is ItemKind.ROBOT or (before.kind is ItemKind.WORD and before.text in lex.light_verb_leads)


def _event_verb(it: Item, ev: Item, text: str) -> Item:
    """The verb item spanning from ``it`` to the event ``ev``, with the event's action."""
    return Item(ItemKind.VERB, it.start, ev.end, VerbHit(ev.payload.action, "verb", ev.text), text)


def fold_light_verbs(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each "<light verb> <article> <event noun>" after a robot (or a modal) as one verb item whose
    action is the event's, and so each "<verb of starting> <event gerund>" ("starts breaking it up": the
    lexicon's ``aspect_verbs``); the light verb alone, or before anything else, is left as it was."""
    out: list[Item] = []
    k, n = 0, len(items)
    while k < n:
        it = items[k]
        if k + 2 < n and k > 0 and (it.kind is ItemKind.WORD or (it.kind is ItemKind.MARK and it.payload == "filler")) \
                and it.text in lex.light_verbs \
                and items[k + 1].kind is ItemKind.WORD and items[k + 1].text in lex.light_verb_articles \
                and _acts(items[k + 2]) and _after_a_doer(items, k, lex):
            out.append(_event_verb(it, items[k + 2], f"{it.text} {items[k + 1].text} {items[k + 2].text}"))
            k += 3
            continue
        if k + 1 < n and k > 0 and it.kind is ItemKind.WORD and it.text in lex.aspect_verbs \
                and _acts(items[k + 1]) and _after_a_doer(items, k, lex):
            # "excavator 1 starts breaking it up": the gerund after a verb of starting is the event's verb
            out.append(_event_verb(it, items[k + 1], f"{it.text} {items[k + 1].text}"))
            k += 2
            continue
        if k + 2 < n and _routine_lead(items, k, lex):
            # "truck 2 goes through its own loading routine": the routine, no move ("goes" with no place)
            rt = items[k + 2]
            out.append(Item(ItemKind.VERB, it.start, rt.end, rt.payload, f"{it.text} {items[k + 1].text} {rt.text}"))
            k += 3
            continue
        out.append(it)
        k += 1
    return out


def _routine_lead(items: Sequence[Item], k: int, lex: Lexicon) -> bool:
    """At ``k``, a lead of the lexicon's ``routine_leads`` ("goes through") right before a truck's own loading
    routine (a verb of the skill ``load``)."""
    it, particle, rt = items[k], items[k + 1], items[k + 2]
    return it.kind is ItemKind.VERB and particle.kind is ItemKind.WORD \
        and f"{it.text} {particle.text}".lower() in lex.routine_leads \
        and rt.kind is ItemKind.VERB and rt.payload.target == "load"
