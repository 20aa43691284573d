"""An order aside after a list of places: "truck 1 checks both rocks, *rock 2 first*".

Read as it stood, the aside's place was one more place after the list ("rock 1, rock 2, then rock 2 again" or, when
it was the last of the list, the list's own order, the aside lost). The places of the list are the ones the robot
visits; the aside only says in which order. Rewritten as the list said in that order ("rock 2 and rock 1"), which
the move reader visits one after the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .mentions import ObjectDesc
from .segment import Item, ItemKind
from .verbs import MOVES

__all__ = ["fold_place_order_asides"]


def _names(it: Item, by_kind: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The places an object mention stands for when it names them all: by name, or every object of a kind said
    in the plural ("both rocks", "the two rocks"); none otherwise."""
    d = it.payload
    if it.kind is not ItemKind.OBJECT:
        return ()
    if d.form == "names":
        return tuple(d.names)
    if d.form == "kind" and d.plural and d.det != "bare":
        return tuple(by_kind.get(d.kind, ()))
    return ()


def _place_list(items: Sequence[Item], k: int, by_kind: Mapping[str, Sequence[str]]) -> tuple[int, list[str]]:
    """The places listed from ``k`` ("rock 1 and rock 2", "both rocks") and the index after the list."""
    names: list[str] = []
    j = k
    while j < len(items):
        got = _names(items[j], by_kind)
        if not got:
            break
        names += got
        j += 1
        if j + 1 < len(items) and items[j].kind is ItemKind.WORD and items[j].text == "and" \
                and _names(items[j + 1], by_kind):
            j += 1
            continue
        break
    return j, names


def _single(it: Item, names: Sequence[str]) -> str | None:
    """The one place of the list that an object mention names."""
    d = it.payload
    if it.kind is ItemKind.OBJECT and d.form == "names" and len(d.names) == 1 and d.names[0] in names:
        return str(d.names[0])
    return None


def _is(it: Item, kind: ItemKind, *payloads: str) -> bool:
    return it.kind is kind and it.payload in payloads


def _order_aside(items: Sequence[Item], p: int, names: Sequence[str]) -> tuple[int, list[str]] | None:
    """", rock 2 first[, (and) then rock 1]" from the comma at ``p``: the places in that order and the index after
    the aside; None unless a punctuation mark or the end follows it."""
    if p + 2 >= len(items) or not _is(items[p], ItemKind.PUNCT, ","):
        return None
    first = _single(items[p + 1], names)
    if first is None or not _is(items[p + 2], ItemKind.CONNECTIVE, "first"):
        return None
    order, j = [first], p + 3
    while True:
        q = j + 1 if j < len(items) and _is(items[j], ItemKind.PUNCT, ",") else j
        if q + 1 < len(items) and _is(items[q], ItemKind.CONNECTIVE, "sequence"):
            nxt = _single(items[q + 1], names)
            if nxt is not None and nxt not in order:
                order.append(nxt)
                j = q + 2
                continue
        break
    if j < len(items) and items[j].kind is not ItemKind.PUNCT:
        return None
    return j, order


def fold_place_order_asides(items: Sequence[Item], by_kind: Mapping[str, Sequence[str]]) -> list[Item]:
    """Rewrite "<move verb> <places>, <place> first[, then <place>]" as the places in that order (``by_kind``: the
    site's objects by kind, for "both rocks")."""
    out = list(items)
    k = 1
    while k < len(out):
        verb = out[k - 1]
        if not (verb.kind is ItemKind.VERB and verb.payload.target in MOVES and verb.payload.role == "verb"):
            k += 1
            continue
        if out[k].kind is ItemKind.WORD and out[k].text == "the" and k + 1 < len(out):
            k += 1  # "visits the two rocks, rock 2 first"
        end, names = _place_list(out, k, by_kind)
        aside = _order_aside(out, end, names) if len(names) >= 2 and len(set(names)) == len(names) else None
        if aside is None:
            k += 1
            continue
        stop, order = aside
        order += [n for n in names if n not in order]
        new: list[Item] = []
        span = (out[k].start, out[stop - 1].end)
        for n, name in enumerate(order):
            if n:
                new.append(Item(ItemKind.WORD, span[0], span[0], None, "and"))
            kind = next((it.payload.kind for it in out[k:end] if it.kind is ItemKind.OBJECT), "")
            new.append(Item(ItemKind.OBJECT, span[0], span[1] if n == 0 else span[0],
                            ObjectDesc("names", (name,), kind), name))
        if out[k - 1].kind is ItemKind.WORD:
            k -= 1  # the article goes with the list it stood before
        out[k:stop] = new
        k += len(new)
    return out
