"""A passive loading said once for two loadings: "truck 3 is loaded at soil 1 by excavator 1 and then at soil 2 by
excavator 2", "truck 1 is loaded by excavator 1 and truck 2 by excavator 3".

After "then" only the place and the loader are said again; the verb is shared. Read as it stood, the verbless rest
sent excavator 2 to soil 2 and nothing more: truck 3 was never taken there, the second loading was dropped without a
word. The shared verb is put back ("... and then is loaded at soil 2 by excavator 2"), which the reader already
takes as a loading of its own, the truck brought there first (rule 12).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .segment import Item, ItemKind

__all__ = ["fold_gapped_passive_loads"]


def _pair(items: Sequence[Item], k: int, word: str, kind: ItemKind, form: str | None) -> bool:
    """``items[k:k + 2]`` are ``word`` and a mention of ``kind`` said by name (``form``; None: said any way)."""
    return k + 1 < len(items) and items[k].kind is ItemKind.WORD and items[k].text.lower() == word \
        and items[k + 1].kind is kind and form in (None, items[k + 1].payload.form)


def _by_and_at(items: Sequence[Item]) -> bool:
    """``items`` are "by <robot>" and, before or after it, at most one "at <named place>"; or that place alone (the
    loader is then the excavator working there, as for the first loading)."""
    def by(k: int) -> bool:  # "by excavator 3", "by the third one", "by the other excavator"
        return _pair(items, k, "by", ItemKind.ROBOT, None)

    def at(k: int) -> bool:
        return _pair(items, k, "at", ItemKind.OBJECT, "names")
    if len(items) == 2:
        return by(0) or at(0)
    return len(items) == 4 and ((by(0) and at(2)) or (at(0) and by(2)))


def fold_gapped_passive_loads(items: Sequence[Item]) -> list[Item]:
    """``items`` with the passive loading verb said again after each "then" whose clause is only "(at <place>) by
    <robot> (at <place>)" (see the module doc)."""
    out = list(items)
    verb: Item | None = None
    agent: Item | None = None
    k = 0
    while k < len(out):
        it = out[k]
        if it.kind is ItemKind.VERB:
            verb = it if it.payload.role == "passive_load" else None
            agent = None
        elif it.kind is ItemKind.PUNCT and it.payload not in (",",):
            verb = None
        elif verb is not None and agent is None and it.kind is ItemKind.ROBOT \
                and _pair(out, k - 1, "by", it.kind, None):
            agent = it
        elif it.kind is ItemKind.CONNECTIVE and it.payload == "sequence" and verb is not None:
            end = k + 1
            while end < len(out) and out[end].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.VERB):
                end += 1
            if (end == len(out) or out[end].kind is not ItemKind.VERB) and _by_and_at(out[k + 1:end]):
                out.insert(k + 1, Item(ItemKind.VERB, it.end, it.end, verb.payload, verb.text))
                k += 1
        elif verb is not None and _gapped_truck(out, k):
            # "..., and truck 2 is loaded by excavator 3": said as a clause of its own (the comma keeps "by excavator
            # 1 and truck 2" from being read as the loaders of the first truck)
            who = out[k + 1]
            _retype_ones(out, k + 2, agent)
            out.insert(k + 2, Item(ItemKind.VERB, who.end, who.end, verb.payload, verb.text))
            out.insert(k, Item(ItemKind.PUNCT, it.start, it.start, ",", ","))
            k += 3
        k += 1
    return out


def _retype_ones(items: list[Item], k: int, agent: Item | None) -> None:
    """"truck 1 is loaded by excavator 1 and truck 2 by *the other one*": "one" stands for the noun of the loader said
    in the first loading, not for the robot named just before it (read so, the other truck loaded truck 2)."""
    if agent is None:
        return
    for j in range(k, len(items) - 1):
        if items[j].kind is not ItemKind.WORD or items[j].text.lower() != "by":
            continue
        who = items[j + 1]
        if who.kind is ItemKind.ROBOT and who.payload.form == "type" and who.text.lower().split()[-1] == "one" \
                and who.payload.rtype != agent.payload.rtype:
            items[j + 1] = Item(who.kind, who.start, who.end, replace(who.payload, rtype=agent.payload.rtype), who.text)
        return


def _gapped_truck(items: Sequence[Item], k: int) -> bool:
    """``items[k]`` is "and" before a robot said by number and only "by <robot>" (and at most one "at <place>") up to
    the clause's end: "truck 1 is to be loaded by excavator 1 at soil 1 *and truck 2 by excavator 3 at soil 2*", the
    verb said once for both loadings. Read as it stood, truck 2 went to soil 2 and its loading was dropped."""
    if not (_pair(items, k, "and", ItemKind.ROBOT, "ids")):
        return False
    end = k + 2
    while end < len(items) and items[end].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.VERB) \
            and not (items[end].kind is ItemKind.WORD and items[end].text == "and"):
        end += 1
    return (end == len(items) or items[end].kind is not ItemKind.VERB) and _by_and_at(items[k + 2:end])
