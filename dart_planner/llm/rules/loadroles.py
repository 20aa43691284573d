"""Robots told by a loading said before them: "the truck that excavator 1 loads", "the truck loaded by excavator 2",
"the excavator that loaded truck 3"; and descriptions said to be a robot named by number ("the truck it loads is
dump truck 3", "the excavator working at soil 2 is excavator 1").

Writers who give the job by its places name a truck by the excavator that fills it ("at soil 1, excavator 1 digs and
loads truck 2; ... the truck that excavator 1 loads then dumps at puddle 1"). Read word by word, the excavator of the
relative clause was a subject with a loading of its own (excavator 1 loaded once more) and "the truck" was the truck
named last; "the truck loaded by excavator 1" took the one truck loaded last, whoever loaded it; and "the excavator
that loaded truck 3" took truck 3 along into its next step. Each description is folded into a mention of the robot
the earlier loading names, when exactly one robot fits (several for a plural noun); otherwise the words are left as
they were and the usual reading applies.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Sequence

from .deeds import _relative_at
from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_loader_roles", "fold_described_copulas"]

_LOADING = frozenset({"unload_bucket", "load"})
_LIST_JOINS = frozenset({"and", ",", "&", "+"})
_TRUCK = "dump_truck"
_LOADER = "excavator"
_AGENT_WORDS = frozenset({"by"})
_RELATIVES = frozenset({"that", "which", "who"})
_LATEST = ""
"""The loader of "the truck it / they load(s)": whoever did the loading said last."""


def _one_id(it: Item, rtype: str) -> str | None:
    """The robot of ``rtype`` that the mention ``it`` names by number alone, or None."""
    if it.kind is not ItemKind.ROBOT:
        return None
    d: RobotDesc = it.payload
    return d.ids[0] if d.form == "ids" and d.rtype == rtype and len(d.ids) == 1 else None


def _named_before(items: Sequence[Item], k: int, rtype: str) -> str | None:
    """The robot of ``rtype`` named by number nearest before ``k``: what "it" stands for in a description."""
    return next((r for r in (_one_id(x, rtype) for x in reversed(items[:k])) if r is not None), None)


def _pronoun(it: Item) -> bool:
    return it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun == "it"


def _as(it: Item, rtype: str, items: Sequence[Item], k: int) -> str | None:
    """The robot of ``rtype`` that the mention ``it`` at ``k`` names, "it" being the one named nearest before."""
    return _named_before(items, k, rtype) if _pronoun(it) else _one_id(it, rtype)


def _subject(items: Sequence[Item], v: int) -> str | None:
    """The excavator that is the subject of the active loading at ``v``: the nearest robot before it in its clause
    ("at soil 1, excavator 1 digs and loads truck 2"); None when that is no excavator named by number."""
    for k in range(v - 1, -1, -1):
        it = items[k]
        if it.kind is ItemKind.PUNCT and it.payload != "," or it.kind is ItemKind.CONNECTIVE \
                and it.payload != "sequence":
            return None
        if it.kind is ItemKind.ROBOT:
            return _as(it, _LOADER, items, k)
    return None


def _trucks(it: Item, items: Sequence[Item], k: int) -> tuple[str, ...]:
    """The trucks the mention ``it`` at ``k`` names by number ("truck 2", "trucks 1 and 2", "it" for the one named
    nearest before)."""
    if _pronoun(it):
        rid = _named_before(items, k, _TRUCK)
        return (rid,) if rid is not None else ()
    d = it.payload
    return tuple(d.ids) if it.kind is ItemKind.ROBOT and d.form == "ids" and d.rtype == _TRUCK else ()


def _objects(items: Sequence[Item], v: int) -> list[str]:
    """The trucks named by number that the active loading at ``v`` loads ("loads truck 1 and then truck 2",
    "loads trucks 1 and 2", "loads it")."""
    found: list[str] = []
    j = v + 1
    while j < len(items):
        rids = _trucks(items[j], items, j)
        if not rids:
            break
        found += rids
        j += 1
        while j < len(items) and (items[j].text in _LIST_JOINS or items[j].kind is ItemKind.CONNECTIVE
                                  and items[j].payload == "sequence"):
            j += 1
    return found


def _agent(items: Sequence[Item], v: int) -> tuple[str | None, int]:
    """(the loader said after the passive loading at ``v``, its index): "loaded by excavator 1", "is loaded by it"."""
    j = v + 1
    if j < len(items) and items[j].kind is ItemKind.WORD and items[j].text.lower() in _AGENT_WORDS:
        j += 1
    if j >= len(items) or not (items[v].text.lower().split()[-1] in _AGENT_WORDS or j > v + 1):
        return None, j
    return _as(items[j], _LOADER, items, j), j


def _loadings(items: Sequence[Item], upto: int) -> list[tuple[int, str | None, str]]:
    """(verb index, loader, truck) of each loading said before ``upto`` that names its truck by number; the loader
    None when it is not one excavator named by number ("two excavators ... load truck 1")."""
    pairs: list[tuple[int, str | None, str]] = []
    for v in range(upto):
        it = items[v]
        if it.kind is not ItemKind.VERB or it.payload.target not in _LOADING:
            continue
        if it.payload.role == "passive_load":
            loader, _ = _agent(items, v)
            truck = next((_as(x, _TRUCK, items, n) for n, x in reversed(list(enumerate(items[:v])))
                          if x.kind is ItemKind.ROBOT), None)
            pairs += [(v, loader, truck)] if truck is not None else []
        else:
            loader = _subject(items, v)
            pairs += [(v, loader, t) for t in _objects(items, v)]
    return pairs


def _loaded_by(items: Sequence[Item], k: int, loader: str) -> list[str]:
    """The trucks that ``loader`` loaded before ``k``; for ``_LATEST`` ("the truck they load"), those of the
    loading said last."""
    pairs = _loadings(items, k)
    if loader == _LATEST:
        last = max((v for v, _, _ in pairs), default=-1)
        return [t for v, _, t in pairs if v == last]
    return [t for _, ld, t in pairs if ld == loader]


def _skip(items: Sequence[Item], j: int, words: Container[str]) -> int:
    while j < len(items) and items[j].kind in (ItemKind.WORD, ItemKind.MARK) and items[j].text.lower() in words:
        j += 1
    return j


def _loading_at(items: Sequence[Item], j: int, passive: bool) -> bool:
    if j >= len(items) or items[j].kind is not ItemKind.VERB or items[j].payload.target not in _LOADING:
        return False
    return (items[j].payload.role == "passive_load") == passive


def _truck_by_loader(items: Sequence[Item], k: int, auxiliaries: Container[str]) -> tuple[str, int] | None:
    """(loader, index of the description's last item) for "the truck [that] <excavator> [has] loads" or "the truck
    [that was] loaded by <excavator>" at ``k``; None for any other words."""
    j = k + 1 + _relative_at(items, k + 1)
    if j < len(items) and items[j].kind is ItemKind.ROBOT:  # "the truck (that) excavator 1 loads"
        loader = _LATEST if items[j].payload.form == "pronoun" else _one_id(items[j], _LOADER)
        v = _skip(items, j + 1, auxiliaries)
        after = items[v + 1] if v + 1 < len(items) else None
        if loader is None or not _loading_at(items, v, False) or after is not None and after.kind is ItemKind.ROBOT:
            return None
        return loader, v
    if not _loading_at(items, j, True):
        return None
    loader, end = _agent(items, j)
    return (loader, end) if loader is not None else None


def _relative_loaded(it: Item, loaded: Container[str]) -> list[str]:
    """The trucks of a mention read whole as "that loaded truck 3" (a demonstrative and an adjective before the
    truck: lexicon ``loaded_words``); none for any other mention."""
    words = it.text.lower().split()
    if it.kind is not ItemKind.ROBOT or it.payload.form != "ids" or it.payload.rtype != _TRUCK or len(words) < 3 \
            or words[0] not in _RELATIVES or words[1] not in loaded:
        return []
    return list(it.payload.ids)


def _loader_by_truck(items: Sequence[Item], k: int, auxiliaries: Container[str],
                     loaded: Container[str]) -> tuple[list[str], int] | None:
    """(trucks, index of the last) for "the excavator that [has] loaded truck 3" at ``k``; None for other words."""
    whole = _relative_loaded(items[k + 1], loaded) if k + 1 < len(items) else []
    if whole:
        return whole, k + 1
    if not _relative_at(items, k + 1):
        return None
    v = _skip(items, k + 2, auxiliaries)
    if not _loading_at(items, v, False):
        return None
    trucks = _objects(items, v)
    last = v
    while trucks and _one_id(items[last], _TRUCK) != trucks[-1]:
        last += 1
    return (trucks, last) if trucks else None


def _described(it: Item, rtype: str) -> bool:
    d: RobotDesc = it.payload
    return it.kind is ItemKind.ROBOT and d.form == "type" and d.det == "the" and d.rtype == rtype and not d.count


def _counted(it: Item) -> bool:
    """"*the two trucks* (that) it loaded": a counted description, read as the plural noun is."""
    d: RobotDesc = it.payload
    return it.kind is ItemKind.ROBOT and d.form == "type" and d.det == "the" and d.rtype == _TRUCK and d.count > 1


def _folded(items: Sequence[Item], k: int, end: int, found: list[str], rtype: str) -> Item | None:
    """One mention of the robots ``found`` over ``k`` .. ``end``, when they fit the noun at ``k`` (one robot for a
    singular noun)."""
    d: RobotDesc = items[k].payload
    robots = list(dict.fromkeys(found))
    if not robots or not d.plural and len(robots) != 1:
        return None
    text = " ".join(x.text for x in items[k:end + 1])
    return Item(ItemKind.ROBOT, items[k].start, items[end].end, RobotDesc("ids", tuple(robots), rtype), text)


def _led(items: Sequence[Item], k: int, leads: Container[str]) -> bool:
    """"*whichever* truck excavator 1 loads": a lead word before a bare truck noun, read as "the truck"."""
    it = items[k]
    return k + 1 < len(items) and it.kind is ItemKind.WORD and it.text.lower() in leads \
        and items[k + 1].kind is ItemKind.ROBOT and items[k + 1].payload.form == "type" \
        and items[k + 1].payload.det == "bare" and items[k + 1].payload.rtype == _TRUCK \
        and not items[k + 1].payload.count


def _said_later(items: Sequence[Item], end: int, loader: str) -> bool:
    """Whether ``loader`` has a loading said after ``end`` (and none before: the caller found none)."""
    return loader != _LATEST and any(v > end and ld == loader for v, ld, _ in _loadings(items, len(items)))


def _unnamed_loaded(items: Sequence[Item], k: int, end: int, loader: str) -> Item | None:
    """"the trucks [that] it loaded" after "excavator 1 ... loads them / fills both" (trucks not named by number): the
    noun at ``k`` alone over the whole description, so that it takes the trucks said last as "the trucks" does. Read
    word by word, the relative clause was a loading of its own: the group was loaded twice, chained (rule 24 says
    once). None when no such loading by ``loader`` was said before ``k``."""
    if not items[k].payload.plural or not any(
            _loading_at(items, v, False) and loader in (_LATEST, _subject(items, v)) for v in range(k)):
        return None
    return dataclasses.replace(items[k], end=items[end].end, text=" ".join(x.text for x in items[k:end + 1]))


def _ahead(items: Sequence[Item], k: int, end: int) -> Item:
    """"the truck that excavator 1 loads" said before that loading: refused, naming the words. Read word by word,
    the description was a loading of its own (so the truck was loaded twice, the first time before any digging)."""
    said = " ".join(x.text for x in items[k:end + 1])
    return Item(ItemKind.UNKNOWN, items[k].start, items[end].end,
                f"{said!r} points to a loading said only after it (name the truck, or say the loading first)", said)


def fold_loader_roles(items: Sequence[Item], auxiliaries: Container[str], loaded: Container[str],
                      leads: Container[str] = ()) -> list[Item]:
    """``items`` with each truck told by its loader and each excavator told by the truck it loaded folded into a
    mention of that robot (see the module doc); ``auxiliaries`` (lexicon ``deed_auxiliaries``) may stand before the
    verb of the description ("the truck excavator 1 *has* loaded"); ``loaded`` (lexicon ``loaded_words``) the
    participles read into a truck's mention ("the excavator *that loaded truck 3*"); ``leads`` (lexicon
    ``loader_role_leads``) stand for "the" before a truck so told ("*whichever* truck excavator 1 loads")."""
    out = list(items)
    for k in range(len(out) - 1, -1, -1):
        new: Item | None = None
        end = k
        led = _led(out, k, leads)
        if _described(out[k], _TRUCK) or led or _counted(out[k]):
            told = _truck_by_loader(out, k + led, auxiliaries)
            if told is not None:
                loader, end = told
                found = _loaded_by(out, k, loader)
                if _counted(out[k]) and found and len(found) != out[k].payload.count:
                    continue  # "the two trucks excavator 1 loaded" when it loaded three: left as it was
                new = _ahead(out, k, end) if not found and _said_later(out, end, loader) \
                    else _folded(out, k + led, end, found, _TRUCK) if found \
                    else _unnamed_loaded(out, k + led, end, loader)
                if new is not None and led:
                    new = dataclasses.replace(new, start=out[k].start,
                                              text=" ".join(x.text for x in out[k:end + 1]))
        elif _described(out[k], _LOADER):
            by = _loader_by_truck(out, k, auxiliaries, loaded)
            if by is not None:
                trucks, end = by
                loaders = [ld for _, ld, t in _loadings(out, k) if t in trucks and ld is not None]
                new = _folded(out, k, end, loaders, _LOADER)
        if new is not None:
            out[k:end + 1] = [new]
    return out


def _copula_end(items: Sequence[Item], j: int, copulas: Container[str], modals: Container[str]) -> int:
    """Index after the copula at ``j`` ("is", "should be", "will be"), or -1."""
    w = [x.text.lower() if x.kind is ItemKind.WORD else "" for x in items[j:j + 2]]
    if w and w[0] in copulas and w[0] != "be":
        return j + 1
    return j + 2 if len(w) == 2 and w[0] in modals and w[1] == "be" else -1


def _clause_open(items: Sequence[Item], k: int) -> bool:
    return k == 0 or items[k - 1].kind is ItemKind.PUNCT


def _clause_close(items: Sequence[Item], j: int) -> bool:
    return j >= len(items) or items[j].kind is ItemKind.PUNCT


_QUALIFIER_KINDS = frozenset({ItemKind.WORD, ItemKind.OBJECT, ItemKind.VERB, ItemKind.MARK})
# a relative pronoun may be read as a word, an object pronoun ("that") or a robot pronoun ("which")
_RELATIVE_KINDS = frozenset({ItemKind.WORD, ItemKind.OBJECT, ItemKind.ROBOT})


def _digging_at(items: Sequence[Item], u: int) -> bool:
    return items[u].kind is ItemKind.VERB and items[u].payload.target == "dig"


def _loaded_named(items: Sequence[Item], k: int, desc: Sequence[Item], named: Item,
                  auxiliaries: Container[str]) -> list[Item] | None:
    """"the truck [that] <loader> loads [at <place>]" (``desc``, after the noun at ``k``) said to be ``named``: the
    loading said with the named truck ("<loader> loads <named> [at <place>]"); None for other words, or when that
    loader's loading was said before (then the description points back, see fold_loader_roles)."""
    j = int(_relative_at(desc, 0))
    if j >= len(desc) or desc[j].kind is not ItemKind.ROBOT:
        return None
    loader = _as(desc[j], _LOADER, items, k)
    v = _skip(desc, j + 1, auxiliaries)
    if loader is None or not _loading_at(desc, v, False) or any(
            x.kind is ItemKind.ROBOT for x in desc[v + 1:]):
        return None
    if any(_subject(items, u) == loader for u in range(k) if _loading_at(items, u, False)) \
            or not any(_subject(items, u) == loader for u in range(k) if _digging_at(items, u)):
        return None
    return [*desc[j:v + 1], named, *desc[v + 1:]]


def _placed_named(desc: Sequence[Item], named: Item, relatives: Container[str]) -> list[Item] | None:
    """"the excavator [that is] [working] at <place>" (``desc``) said to be ``named``: "<named> [working] at
    <place>"; None unless ``desc`` names a place and holds only words, verbs and that place."""
    kept = [x for x in desc if not (x.kind in _RELATIVE_KINDS and x.text.lower() in relatives)]
    places = [x for x in kept if x.kind is ItemKind.OBJECT and x.payload.form == "names"]
    if len(places) != 1 or not all(x.kind in _QUALIFIER_KINDS for x in kept) \
            or any(x.kind is ItemKind.OBJECT and x is not places[0] for x in kept):
        return None
    return [named, *kept]


def fold_described_copulas(items: Sequence[Item], copulas: Container[str], modals: Container[str],
                           auxiliaries: Container[str], relatives: Container[str]) -> list[Item]:
    """A clause "<the robot doing some work> <copula> <robot named by number>" said as "<named robot> <the work>".

    Read as it stood, the description was a robot of its own: "the excavator working at soil 2 is excavator 1; it
    digs ..." planned the digging for an unnamed excavator beside excavator 1, and "the truck it loads is dump truck
    3, which then unloads ..." gave the load to an unnamed truck. ``copulas`` (lexicon ``described_copulas``, "be"
    after one of ``modals``), ``auxiliaries`` (``deed_auxiliaries``) before a loading verb, ``relatives``
    (``placed_relatives`` and the copulas) dropped from a place description."""
    out = list(items)
    for k in range(len(out) - 1, -1, -1):
        if not (_described(out[k], _TRUCK) or _described(out[k], _LOADER)) or out[k].payload.plural \
                or not _clause_open(out, k):
            continue
        for j in range(k + 1, min(len(out), k + 9)):
            if out[j].kind is ItemKind.PUNCT:
                break
            after = _copula_end(out, j, copulas, modals)
            if after < 0 or after >= len(out) or _one_id(out[after], out[k].payload.rtype) is None \
                    or not _clause_close(out, after + 1) or j == k + 1:
                continue
            desc, named = out[k + 1:j], out[after]
            said = _loaded_named(out, k, desc, named, auxiliaries) if out[k].payload.rtype == _TRUCK else None
            said = said or _placed_named(desc, named, relatives)
            if said is not None:
                out[k:after + 1] = said
            break
    return out
