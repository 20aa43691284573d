"""A light verb with an event noun is the event's own verb: "dump truck 3 does a check".

The lexicon knows "check", "inspection", "dig" as event nouns (anchors: "after the check") and
as verbs. Said as "does a check" / "performs an inspection", the clause had no verb: with its
place said first ("At puddle 1, dump truck 3 does a check.") it gave the place to nobody, and in
a longer instruction to the robot of the clause before. Folded, the noun is that verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .mentions import ObjectDesc
from .segment import Item, ItemKind
from .verbs import VerbHit

__all__ = ["fold_light_verbs", "fold_removed_by_digging"]


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


def fold_removed_by_digging(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"Excavator 1 goes to obstacle 1 and *removes it by digging*", "removes obstacle 1 by breaking it up": a verb
    that lifts a keep-out (one word, no keep-out noun) whose clause says how with a ``dig_manner_words`` word and a
    digging is that digging. Read as said, the excavator lifted a keep-out nobody set, then dug."""
    out = list(items)
    for k, it in enumerate(items):
        if not (it.kind is ItemKind.VERB and it.payload.target == "remove_keepout" and " " not in it.text):
            continue
        j = k + 1
        while j < len(items) and items[j].kind in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.ROBOT) \
                and not (items[j].kind is ItemKind.WORD and items[j].text.lower() in lex.dig_manner_words):
            j += 1
        if j + 1 >= len(items) or items[j].kind is not ItemKind.WORD or not _digging(items[j + 1]):
            continue
        out[k] = Item(ItemKind.VERB, it.start, it.end, VerbHit("dig", "verb", it.text), it.text)
        for r in range(k + 1, j):  # "removes *it*": the place, not a robot
            if items[r].kind is ItemKind.ROBOT and items[r].payload.form == "pronoun":
                out[r] = Item(ItemKind.OBJECT, items[r].start, items[r].end,
                              ObjectDesc("pronoun", pronoun=items[r].text), items[r].text)
        r = j
        while r < len(items) and (r <= j + 1 or items[r].kind is ItemKind.WORD or _pronoun(items[r])):
            out[r] = Item(ItemKind.WORD, items[r].start, items[r].end, None, items[r].text)
            r += 1
    return out


def _digging(it: Item) -> bool:
    return (it.kind is ItemKind.VERB and it.payload.target == "dig") or (
        it.kind is ItemKind.EVENT and it.payload.action == "dig")


def _pronoun(it: Item) -> bool:
    """"(by breaking) *it* (up)": the place said again."""
    return it.kind in (ItemKind.ROBOT, ItemKind.OBJECT) and it.payload.form == "pronoun"
