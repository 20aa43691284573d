"""A remark about a place just closed: "everybody stay off puddle 1 for now, *it's flooded*".

After a keep-out of a named place ("nobody goes near puddle 1" too), a comma, "it" and a copula (lexicon
``place_remark_copulas``: "'s", "is", "'s been") with nothing but plain words up to the next punctuation say why the
place is closed. Read as a clause, "it" was a robot: with none named before the plan was refused, and after one
robot's keep-out ("truck 2 keeps away from rock 1, it's unstable") the keep-out was said again. The remark becomes
one filler mark at the end of its keep-out clause: its words are read and it plans nothing.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .segment import SENTENCE_END, Item, ItemKind, filler_over
from .verbs import KEEPOUT_ACTIONS, MOVES

__all__ = ["fold_place_remarks"]


def _closes_a_place(items: Sequence[Item], comma: int) -> bool:
    """Whether the clause before the comma at ``comma`` closes a named place: a keep-out verb, or a move said of
    no robot ("nobody goes near puddle 1"), then the place."""
    s = comma
    while s > 0 and items[s - 1].kind is not ItemKind.PUNCT:
        s -= 1
    clause = items[s:comma]
    negated = any(it.kind is ItemKind.ROBOT and it.payload.negated for it in clause)
    keepout = next((k for k, it in enumerate(clause) if it.kind is ItemKind.VERB and (
        it.payload.target in KEEPOUT_ACTIONS or (negated and it.payload.target in MOVES))), None)
    return keepout is not None and any(it.kind is ItemKind.OBJECT and it.payload.form == "names"
                                       for it in clause[keepout + 1:])


def _copula_size(items: Sequence[Item], k: int, copulas: Container[str]) -> int:
    """How many words from ``k`` on make one of ``copulas``, the longest; 0 for none."""
    for size in (2, 1):
        run = items[k:k + size]
        if len(run) == size and all(it.kind is ItemKind.WORD for it in run) \
                and " ".join(it.text.lower() for it in run) in copulas:
            return size
    return 0


def _remark_word(it: Item) -> bool:
    """A plain word, or a participle of a visiting verb ("it is being *surveyed*", "was *inspected*"): said of the
    place, such a verb is what is done to it, no move of a robot."""
    return it.kind is ItemKind.WORD or (it.kind is ItemKind.VERB and it.payload.target == "navigate"
                                        and it.text.lower().endswith("ed"))


def _remark_end(items: Sequence[Item], it_at: int, copulas: Container[str], close: str = ",") -> int | None:
    """After "it" at ``it_at``: one past the last word of a remark (a copula and plain words up to punctuation or the
    end; up to ``close`` inside brackets), or None."""
    size = _copula_size(items, it_at + 1, copulas)
    if not size:
        return None
    e = it_at + 1 + size
    start = e
    while e < len(items) and _remark_word(items[e]):
        e += 1
    ends = (close,) if close == ")" else (",", *SENTENCE_END)
    if e == start or (e < len(items) and not (items[e].kind is ItemKind.PUNCT and items[e].payload in ends)) \
            or (close == ")" and e >= len(items)):
        return None
    return e + 1 if close == ")" else e


def fold_place_remarks(items: Sequence[Item], copulas: Container[str]) -> list[Item]:
    """Each ", it <copula> <words>" (or "(it <copula> <words>)") after a keep-out of a named place as a filler at the
    end of that clause."""
    out = list(items)
    k = 1
    while k + 1 < len(out):
        comma, it = out[k], out[k + 1]
        if not (comma.kind is ItemKind.PUNCT and comma.payload in (",", "(") and it.kind is ItemKind.ROBOT
                and it.text.lower() == "it" and _closes_a_place(out, k)):
            k += 1
            continue
        e = _remark_end(out, k + 1, copulas, ")" if comma.payload == "(" else ",")
        if e is None:
            k += 1
            continue
        out[k:e] = [filler_over(out[k:e])]
        k += 1
    return out
