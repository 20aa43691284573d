"""A robot picked by a race: "*whichever excavator finishes first* goes back to start", "the excavator that is done
first goes home", "the first truck to arrive is loaded by excavator 1".

Which robot wins is known only while the job runs, and a plan names its robots ahead, so the pick cannot be planned.
Read as it stood, the lead word was dropped and the step went to any one robot of the type (with no wait for the
race), or to every robot named last ("whichever of them"), or the ordinal made it robot 1 ("the first excavator to
finish"). A subject that opens with a race lead (the lexicon's ``race_leads``: "whichever"), or with a robot and a
relative word (``race_relatives``), and whose last word before the main verb (modals aside) is a race word
(``race_words``: "first", "last"), or an ordinal robot followed by "to" and an event ("the first excavator to finish"),
becomes one unknown item whose message names its words, so the instruction is refused. Not "whichever truck is free
goes to soil 1 first": the race word there times the step, after the verb; nor "the truck that was loaded first",
its turn at a loading whose order is said.
"""

from __future__ import annotations

from collections.abc import Sequence

from .segment import Item, ItemKind

__all__ = ["fold_race_picks"]

_LOADING = "unload_bucket"
_MAX_SUBJECT = 7
"""Items at most between the lead and the race word: a subject, not a whole clause."""


def _race_end(items: Sequence[Item], k: int, words: frozenset[str], modals: frozenset[str]) -> int | None:
    """One past the race word that ends the subject opened at ``k``, when a main verb follows it; else None."""
    for j in range(k + 1, min(len(items), k + 1 + _MAX_SUBJECT)):
        it = items[j]
        if it.kind is ItemKind.PUNCT or (it.kind is ItemKind.VERB and it.payload.target == _LOADING):
            return None  # "the truck that was loaded first": its turn at the loading, said by the loading's order
        if it.text in words and it.kind in (ItemKind.CONNECTIVE, ItemKind.WORD):
            n = j + 1
            while n < len(items) and items[n].kind is ItemKind.WORD and items[n].text in modals:
                n += 1
            return j + 1 if n < len(items) and items[n].kind is ItemKind.VERB else None
    return None


def _ordinal_race_end(items: Sequence[Item], k: int, words: frozenset[str]) -> int | None:
    """"the first excavator to finish ...": one past the event, when a main verb follows it; else None."""
    robot = items[k]
    said = robot.text.split()
    if robot.kind is not ItemKind.ROBOT or len(said) < 3 or said[0] != "the" or said[1] not in words:
        return None
    if k + 3 < len(items) and items[k + 1].text == "to" and items[k + 2].kind is ItemKind.EVENT \
            and items[k + 3].kind is ItemKind.VERB:
        return k + 3
    return None


def _opens_clause(items: Sequence[Item], k: int) -> bool:
    """A subject, not an object: first in the text, or after a punctuation mark or a joining word."""
    return k == 0 or items[k - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE) \
        or (items[k - 1].kind is ItemKind.WORD and items[k - 1].text == "and")


def fold_race_picks(items: Sequence[Item], leads: frozenset[str], relatives: frozenset[str],
                    words: frozenset[str], modals: frozenset[str]) -> list[Item]:
    """Replace each subject that picks a robot by a race by one unknown item (``modals``: the lexicon's
    ``subject_modals``, said between the subject and its verb)."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        end = None
        if _opens_clause(items, k):
            if it.kind is ItemKind.WORD and it.text in leads:
                end = _race_end(items, k, words, modals)
            elif it.kind is ItemKind.ROBOT and k + 1 < len(items) and items[k + 1].text in relatives:
                end = _race_end(items, k + 1, words, modals)
            if end is None:
                end = _ordinal_race_end(items, k, words)
        if end is None:
            out.append(it)
            k += 1
            continue
        said = " ".join(x.text for x in items[k:end])
        out.append(Item(ItemKind.UNKNOWN, it.start, items[end - 1].end,
                        f"{said!r} picks a robot by how the job turns out, which is known only while it "
                        f"runs (name the robot that does the step)", said))
        k = end
    return out
