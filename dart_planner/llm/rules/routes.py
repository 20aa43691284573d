"""Keep-outs said of a move: the robot keeps away while it drives.

"Dump truck 3 goes to obstacle 1, staying away from soil 1 and soil 2", "... avoiding soil 1", "... without going
near soil 1", "... and avoids soil 1 on the way": the keep-out holds for the drive, so it is put up first and the
move waits for it, as when it is said first ("truck 3 avoids soil 1 and goes to obstacle 1"). Said after the move,
"staying away from" was no verb and its places became more moves; "avoiding" was a keep-out made after the
move had ended; "without going near" was refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import Item, ItemKind

__all__ = ["fold_keepouts_on_the_way"]

_MOVING = frozenset({"navigate", "return_to_start", "dig", "dump"})
_LIST_WORDS = frozenset({"and", "or", "both", "either", "nor", "the", "of"})


def _moving(it: Item) -> bool:
    return it.kind is ItemKind.VERB and (it.payload.target in _MOVING or it.payload.role == "carry")


def _keepout(it: Item) -> bool:
    return it.kind is ItemKind.VERB and it.payload.target == "add_keepout"


def _manner(it: Item, lex: Lexicon) -> bool:
    """A keep-out verb said as a participle or with "without" ("staying away from", "without going near")."""
    first = it.text.split()[0] if it.text else ""
    return first in lex.manner_keepout_leads or first.endswith(tuple(lex.manner_keepout_endings))


def _en_route(items: Sequence[Item], k: int, lex: Lexicon) -> int:
    """How many items from ``k`` spell one of the lexicon's ``en_route_words`` ("on the way"); 0 if none."""
    for n in range(min(4, len(items) - k), 0, -1):
        run = items[k:k + n]
        if all(x.kind in (ItemKind.WORD, ItemKind.MARK) for x in run) \
                and " ".join(x.text for x in run) in lex.en_route_words:
            return n
    return 0


def _places_after(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[int, bool] | None:
    """End of the places a keep-out verb at ``k`` names (its objects and the little words of their list, up to the
    end of its clause) and whether an en-route phrase closed them; None when it names none or more follows."""
    j, en_route = k + 1, False
    while j < len(items):
        it = items[j]
        n = _en_route(items, j, lex)
        if n:
            j, en_route = j + n, True
            continue
        if it.kind is ItemKind.OBJECT or (it.kind is ItemKind.WORD and it.text in _LIST_WORDS):
            j += 1
            continue
        break
    if not any(x.kind is ItemKind.OBJECT for x in items[k + 1:j]):
        return None
    if j < len(items) and not (items[j].kind is ItemKind.PUNCT or items[j].kind is ItemKind.CONNECTIVE):
        return None  # "..., avoiding soil 1 excavator 2 digs": not a closed list of places
    return j, en_route


def _move_before(items: Sequence[Item], k: int) -> int | None:
    """The first move verb of the clause the item at ``k`` closes ("goes to soil 2 and digs, ..."): back over
    moves, their places and little words only."""
    j, first = k - 1, None
    while j >= 0:
        it = items[j]
        if _moving(it):
            first = j
        elif not (it.kind in (ItemKind.OBJECT, ItemKind.PLACE, ItemKind.WORD) or (
                it.kind is ItemKind.MARK and it.payload in ("filler", "now", "again"))):
            break
        j -= 1
    return first


def _filler(items: Sequence[Item]) -> list[Item]:
    """The words between the move and its keep-out (", while", "and"), kept as read."""
    return [Item(ItemKind.MARK, x.start, x.end, "filler", x.text) for x in items
            if not (x.kind is ItemKind.PUNCT and x.payload == ",")]


def fold_keepouts_on_the_way(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each keep-out said after a move's places as a participle ("..., staying away from soil 1"; "while" may open
    it), or as a verb of its own with an en-route phrase ("... and avoids soil 1 on the way"), is said before the
    move verb instead: "<robot> staying away from soil 1 goes to obstacle 1". Only at the end of the move's
    clause, with no robot of its own."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        if not _keepout(it):
            k += 1
            continue
        span = _places_after(out, k, lex)
        g = k - 1  # the words between the move's places and the keep-out verb
        while g >= 0 and (out[g].kind is ItemKind.PUNCT and out[g].payload == ","
                          or out[g].kind is ItemKind.CONNECTIVE and out[g].text in lex.while_connectives
                          or out[g].kind is ItemKind.WORD and out[g].text in ("and", "but")):
            g -= 1
        gap = out[g + 1:k]
        joined_by_and = any(x.kind is ItemKind.WORD for x in gap)
        ok = span is not None and g >= 0 and (out[g].kind in (ItemKind.OBJECT, ItemKind.PLACE) or _moving(out[g])) and (
            (_manner(it, lex) and not joined_by_and) or (joined_by_and and span[1]))
        j = _move_before(out, g + 1) if ok else None
        if span is None or j is None or (out[j].kind is ItemKind.VERB and out[j].payload.target == "add_keepout"):
            k += 1
            continue
        end = span[0]
        chunk = [x if _keepout(x) or x.kind is ItemKind.OBJECT or x.text in _LIST_WORDS
                 else Item(ItemKind.MARK, x.start, x.end, "filler", x.text) for x in out[k:end]]  # "on the way"
        joiner = Item(ItemKind.WORD, out[j].start, out[j].start, None, "and")  # "avoids soil 1 and soil 2 *and* goes"
        out[j:end] = [*chunk, *_filler(gap), joiner, *out[j:g + 1]]
        k = end
    return out
