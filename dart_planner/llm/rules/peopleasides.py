"""Remarks of people about what they did before the job, set off in a sentence: "lift the keep-out on puddle 2 for
everyone, *which we set this morning*", "everyone keeps away from puddle 2, *which we fenced off yesterday*", "...
for everyone (*we set it up this morning*)".

The relative (or the pronoun "it") stands for the thing the people worked on, never for a robot, and a word of time
past says the work is done: the remark is no step. Read as a clause, "which" was the robot named last, who got the
lifting a second time, or no robot at all and the job was refused. A remark that names a robot, a place or a
connective, or no time past ("puddle 1, which we close off now, ...": an order), is left as it is.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .segment import SENTENCE_END, Item, ItemKind

__all__ = ["fold_people_past_asides"]

_THING_PRONOUNS = frozenset({"it", "them", "which", "that"})


def fold_people_past_asides(items: Sequence[Item], relatives: Container[str], people: Container[str],
                            past_words: Sequence[str]) -> list[Item]:
    """``items`` with each such remark (see the module doc) made filler marks, with the commas or parentheses around
    it. ``relatives``: the lexicon's ``object_aside_relatives``; ``people``: ``goal_people``; ``past_words``:
    ``report_time_words``."""
    out = list(items)
    k = 0
    while k + 2 < len(out):
        end = _remark_end(out, k, relatives, people, past_words)
        if end is None:
            k += 1
            continue
        last = end if out[end].payload not in SENTENCE_END else end - 1
        out[k:last + 1] = [Item(ItemKind.MARK, it.start, it.end, "filler", it.text) for it in out[k:last + 1]]
        k = last + 1
    return out


def _remark_end(items: Sequence[Item], k: int, relatives: Container[str], people: Container[str],
                past_words: Sequence[str]) -> int | None:
    """The punctuation that closes a remark opened at ``k`` (", which we ...", "(we ..."), else None."""
    opener = items[k]
    if opener.kind is not ItemKind.PUNCT or opener.payload not in (",", "("):
        return None
    j = k + 1
    if opener.payload == "," and items[j].text.lower() in relatives:
        j += 1
    elif opener.payload == ",":
        return None
    if j >= len(items) or items[j].kind is not ItemKind.WORD or items[j].text.lower() not in people:
        return None
    end = next((n for n in range(j, len(items)) if items[n].kind is ItemKind.PUNCT), None)
    if end is None or (opener.payload == "(") != (items[end].payload == ")") \
            or (opener.payload == "," and items[end].payload not in (",", *SENTENCE_END)):
        return None
    run = items[j:end]
    if any(it.kind in (ItemKind.OBJECT, ItemKind.PLACE, ItemKind.CONNECTIVE, ItemKind.UNKNOWN)
           or (it.kind is ItemKind.ROBOT and it.text.lower() not in _THING_PRONOUNS) for it in run):
        return None
    said = f" {' '.join(it.text.lower() for it in run)} "
    return end if any(f" {w} " in said for w in past_words) else None
