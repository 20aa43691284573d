"""A closing pronoun that only stresses the robots of its clause: "excavators 1 and 2, go to rock 1 and break it up,
*both of you*".

Said after a comma with nothing after it in its sentence, such a pronoun has no verb of its own and was read as a
clause that did the last step again (the breaking up twice). When the clause before it is said of several robots, it
is those robots said once more, so it is dropped with its comma. After a clause of one robot ("truck 1 goes to soil
1, truck 2 to soil 2, then dump, both of them") it may name the doers of the last verb, so it is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import SENTENCE_END, Item, ItemKind, _ends_sentence

__all__ = ["fold_trailing_stress_pronouns"]


_PLURAL_SUBJECT_PRONOUNS = frozenset({"they", "both", "all"})


def _several(it: Item) -> bool:
    """A robot mention of more than one robot, said by number, by type or as "they"."""
    d = it.payload
    return (d.form == "ids" and len(d.ids) > 1) or (d.form == "type" and (d.plural or d.count > 1)) \
        or (d.form == "pronoun" and d.pronoun in _PLURAL_SUBJECT_PRONOUNS)


def _subject_before(items: Sequence[Item], k: int) -> Item | None:
    """The last robot said in the sentence before ``k``, by a pronoun only right before a verb (a pronoun elsewhere
    may be the thing worked on: "break *it* up, both of you"), or None."""
    for j in range(k - 1, -1, -1):
        it = items[j]
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            return None
        if it.kind is ItemKind.ROBOT and (it.payload.form != "pronoun" or items[j + 1].kind is ItemKind.VERB):
            return it
    return None


def _stresses(items: Sequence[Item], k: int, words: frozenset[str]) -> bool:
    """At ``k``, a comma and a pronoun of ``words`` that close the sentence, after a clause with a verb said of
    several robots."""
    if k + 1 >= len(items) or not (items[k].kind is ItemKind.PUNCT and items[k].payload == ","):
        return False
    pron = items[k + 1]
    if pron.kind is not ItemKind.ROBOT or pron.payload.form != "pronoun" or pron.text.lower() not in words \
            or not _ends_sentence(items, k + 2):
        return False
    subject = _subject_before(items, k)
    if subject is None or not _several(subject):
        return False
    return any(it.kind is ItemKind.VERB for it in items[items.index(subject):k])


def fold_trailing_stress_pronouns(items: Sequence[Item], words: frozenset[str]) -> list[Item]:
    """``items`` without each closing ", both of you" (of ``words``) that stresses the several robots of its clause."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        if _stresses(items, k, words):
            k += 2
            continue
        out.append(items[k])
        k += 1
    return out
