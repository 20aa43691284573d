"""A sentence's opening clause that says why, before ", so" and a keep-out: "The trucks will be driving past puddle 2
all morning, so all robots keep away from it", "Rock 1 may still shift while it is being broken up, so trucks 1 and 2
keep away from it", "The survey crew is working at soil 1 today, so all robots keep away from soil 1".

Read as an order, the first sent the trucks to puddle 2 while every robot was kept away from it, and the second was
refused, its "it" taken for a robot. What will happen (a robot, then "will", whose robots the keep-out covers: they
cannot be sent where they are to keep away from), what may happen to a place (a place, then "may / might / could",
and no robot of its own) or how things are (no robot and no verb we know) is the reason for the keep-out, not work:
the clause becomes one filler mark (understood, no step), and an "it" of the keep-out is the place the remark names.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind

__all__ = ["fold_so_remarks"]

_SENTENCE_END = frozenset({".", "!", "?"})


def fold_so_remarks(items: Sequence[Item], joins: frozenset[str], modals: frozenset[str],
                    futures: frozenset[str], keepout_actions: frozenset[str]) -> list[Item]:
    """``items`` with each such remark made a filler mark (see the module doc). ``joins``: the lexicon's
    ``so_remark_joins``; ``modals``: ``place_remark_modals``; ``futures``: ``future_remark_auxiliaries``."""
    out = list(items)
    start = 0
    while start < len(out):
        end = next((k for k in range(start, len(out)) if out[k].kind is ItemKind.PUNCT
                    and out[k].payload in _SENTENCE_END), len(out))
        cut = _so_cut(out, start, end, joins)
        head, rest = out[start:cut or start], out[(cut or start) + 2:end]
        if cut is not None and _keepout_after(rest, keepout_actions) \
                and (_place_remark(head, modals) or _future_remark(head, rest, futures) or _thing_remark(head)):
            place = next((x for x in out[start:cut] if x.kind is ItemKind.OBJECT), None)
            tail = _as_places(out[cut + 2:end], place)
            said = " ".join(x.text for x in out[start:cut])
            out[start:end] = [Item(ItemKind.MARK, out[start].start, out[cut].start, "filler", said), *tail]
            end = start + 1 + len(tail)
        start = end + 1
    return out


def _so_cut(items: Sequence[Item], start: int, end: int, joins: frozenset[str]) -> int | None:
    """The comma of the first ", so" of the sentence ``items[start:end]``, after something was said."""
    for k in range(start + 1, end - 1):
        if items[k].kind is ItemKind.PUNCT and items[k].payload == "," and items[k + 1].kind is ItemKind.WORD \
                and items[k + 1].text.lower() in joins:
            return k
    return None


def _keepout_after(tail: Sequence[Item], keepout_actions: frozenset[str]) -> bool:
    """The clause after ", so" names robots and keeps them out: an order of its own."""
    robot = next((k for k, x in enumerate(tail) if x.kind is ItemKind.ROBOT), None)
    if robot is None:
        return False
    if tail[robot].payload.form != "pronoun" and any(
            x.kind is ItemKind.VERB and x.payload.target in keepout_actions for x in tail[robot + 1:]):
        return True
    return _kept_for(tail, keepout_actions)


def _kept_for(tail: Sequence[Item], keepout_actions: frozenset[str]) -> bool:
    """"..., so set a keep-out around it *for excavators 1 and 2*": the clause's first verb is a keep-out, and the
    robots it covers come after it, named after "for"."""
    verb = next((k for k, x in enumerate(tail) if x.kind is ItemKind.VERB), None)
    return verb is not None and tail[verb].payload.target in keepout_actions and any(
        x.kind is ItemKind.ROBOT and x.payload.form != "pronoun" and tail[k - 1].kind is ItemKind.WORD
        and tail[k - 1].text.lower() == "for" for k, x in enumerate(tail[verb + 1:], verb + 1))


def _place_remark(head: Sequence[Item], modals: frozenset[str]) -> bool:
    """"rock 1 may still shift (while it is being broken up)": a named place, then a modal; no robot but "it"."""
    return len(head) > 1 and head[0].kind is ItemKind.OBJECT and head[0].payload.form == "names" \
        and head[1].text.lower() in modals \
        and all(x.payload.form == "pronoun" and x.text.lower() == "it" for x in head if x.kind is ItemKind.ROBOT)


def _thing_remark(head: Sequence[Item]) -> bool:
    """"The survey crew is working at soil 1 today", "a gas line runs under obstacle 2", "the ground at soil 1 is
    soft": a clause that opens with a plain word and has no robot and no verb we know, only plain words, places and
    marks, says how things are, the reason for the keep-out after ", so". Read as an order it had no robot, and the
    instruction was refused (or the place was taken for a goal no step served)."""
    return bool(head) and head[0].kind is ItemKind.WORD \
        and all(x.kind in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.MARK, ItemKind.PUNCT) for x in head)


def _future_remark(head: Sequence[Item], tail: Sequence[Item], futures: frozenset[str]) -> bool:
    """"the trucks will be driving past puddle 2": robots, then "will", and the keep-out after covers them."""
    if len(head) < 3 or head[0].kind is not ItemKind.ROBOT or head[1].kind is not ItemKind.WORD \
            or head[1].text.lower() not in futures or head[0].payload.form in ("pronoun", "fleet"):
        return False
    if any(x.kind is ItemKind.ROBOT for x in head[1:]):
        return False
    kept = next(x for x in tail if x.kind is ItemKind.ROBOT and x.payload.form != "pronoun").payload
    said = head[0].payload
    if kept.form == "fleet":
        return True
    if kept.rtype != said.rtype:
        return kept.form in ("ids", "type") and _ongoing(head)
    return kept.form == "type" or (kept.form == "ids" and said.form == "ids" and set(said.ids) <= set(kept.ids))


def _ongoing(head: Sequence[Item]) -> bool:
    """"the trucks will *be driving* past puddle 2", "the trucks will use the road ... *today*": what the robots will
    be doing for a while (a progressive, or a span of time said), the reason another type of robot is kept out; an
    order for them would be said plainly ("the trucks drive past puddle 2")."""
    progressive = len(head) > 3 and head[2].text.lower() == "be" and head[3].kind is ItemKind.VERB \
        and head[3].text.split()[0].lower().endswith("ing")
    return progressive or any(x.kind is ItemKind.MARK and x.payload == "duration" for x in head)


def _as_places(tail: Sequence[Item], place: Item | None) -> list[Item]:
    """The keep-out clause with its "it" the remark's place, up to a semicolon: "...; the trucks are not affected by
    it" after it is about the keep-out (read as the place, the trucks were kept out of it too)."""
    stop = next((k for k, x in enumerate(tail) if x.kind is ItemKind.PUNCT and x.payload == ";"), len(tail))
    return [_as_place(x, place) for x in tail[:stop]] + list(tail[stop:])


def _as_place(item: Item, place: Item | None) -> Item:
    """An "it" of the keep-out, when the remark named a place: that place."""
    if place is None or item.kind is not ItemKind.ROBOT or item.payload.form != "pronoun" \
            or item.text.lower() != "it":
        return item
    return Item(ItemKind.OBJECT, item.start, item.end, place.payload, item.text)
