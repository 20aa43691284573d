"""What a goal said first moves: "The goal is to dig soil 1 and fill puddle 2 *with it*".

A pronoun after a cargo preposition (the lexicon's ``goal_cargo_prepositions``) in a sentence that a goal noun
opens is the soil the goal moves, not a robot: read as a robot, it made the goal an order that no robot was named
for, and the instruction was refused though the orders after it carried the goal out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .segment import Item, ItemKind

__all__ = ["fold_goal_cargo", "fold_goal_crews", "fold_goal_headings"]


def fold_goal_cargo(items: Sequence[Item], nouns: frozenset[str], copulas: frozenset[str], skip: frozenset[str],
                    prepositions: frozenset[str]) -> list[Item]:
    """Make such a pronoun a plain word (see the module docstring)."""
    out = list(items)
    for k in _goal_robots(out, nouns, copulas, skip, prepositions):
        if out[k].payload.form == "pronoun":
            out[k] = Item(ItemKind.WORD, out[k].start, out[k].end, None, out[k].text)
    return out


def fold_goal_crews(items: Sequence[Item], nouns: frozenset[str], copulas: frozenset[str], skip: frozenset[str],
                    prepositions: frozenset[str]) -> list[Item]:
    """"Today's first job is clearing rock 2 with two trucks. Excavator 1 ...": unnamed robots after a crew
    preposition (the lexicon's ``goal_crew_prepositions``) in a sentence that a goal noun opens are the crew the
    job needs, not the doers of an order, when a later sentence names robots (the orders that spell the job out).
    Read as doers, the goal became a move of two more trucks to rock 2 beside the ones the orders sent. Made plain
    words, the sentence is a goal like one with no crew, checked against the plan."""
    out = list(items)
    for k in _goal_robots(out, nouns, copulas, skip, prepositions):
        if out[k].kind is ItemKind.ROBOT and out[k].payload.form == "type" and _robots_after(out, k):
            j = k  # "using one excavator and two trucks": the whole list
            while j < len(out) and out[j].kind is ItemKind.ROBOT and out[j].payload.form == "type":
                out[j] = Item(ItemKind.WORD, out[j].start, out[j].end, None, out[j].text)
                if j + 2 < len(out) and out[j + 1].text in ("and", ",") and out[j + 2].kind is ItemKind.ROBOT:
                    j += 2
                else:
                    break
    return out


def _goal_robots(items: Sequence[Item], nouns: frozenset[str], copulas: frozenset[str], skip: frozenset[str],
                 prepositions: frozenset[str]) -> Iterator[int]:
    """Where a robot mention stands right after one of ``prepositions`` in a sentence that a goal noun opens (no
    robot before it in that sentence)."""
    start = 0
    for k, it in enumerate(items):
        if it.kind is ItemKind.PUNCT and it.text in (".", "!", "?", ";"):
            start = k + 1
        elif it.kind is ItemKind.ROBOT and k > start and items[k - 1].kind is ItemKind.WORD \
                and items[k - 1].text in prepositions and _goal_opened(items[start:k], nouns, copulas, skip):
            yield k


def _robots_after(items: Sequence[Item], k: int) -> bool:
    """A robot is named in a sentence after the one of ``k``."""
    end = next((j for j in range(k, len(items)) if items[j].kind is ItemKind.PUNCT
                and items[j].text in (".", "!", "?")), len(items))
    return any(it.kind is ItemKind.ROBOT for it in items[end:])


def _goal_opened(items: Sequence[Item], nouns: frozenset[str], copulas: frozenset[str], skip: frozenset[str]) -> bool:
    """The sentence opens with a goal noun and its copula a few words on, and names no robot before ``items``'
    end."""
    if any(it.kind is ItemKind.ROBOT for it in items):
        return False
    words = [w for it in items[:6] if it.kind is ItemKind.WORD for w in it.text.lower().split() if w not in skip]
    return bool(words) and words[0] in nouns and any(w in copulas for w in words[1:4])


def fold_goal_headings(items: Sequence[Item], nouns: frozenset[str], skip: frozenset[str],
                       prepositions: frozenset[str]) -> list[Item]:
    """"Job plan for the trucks at soil 1: 1. Dump trucks 1 and 3 drive to soil 1. ...": robots after one of
    ``prepositions`` (the lexicon's ``goal_heading_prepositions``) in a heading that a goal noun opens and a colon
    closes, with nothing but words, places and robots in it, are whom the plan is for; the steps after the colon
    name the doers. Read as robots, "the trucks" became the subject of the first step and sent every truck in place
    of the two named. Made plain words, the heading is a robotless title."""
    out = list(items)
    start = 0
    for k, it in enumerate(out):
        if it.kind is ItemKind.PUNCT and it.text in (".", "!", "?", ";"):
            start = k + 1
        elif it.kind is ItemKind.PUNCT and it.text == ":":
            if _heading(out[start:k], nouns, skip) and _robots_after_colon(out, k):
                for j in range(start + 1, k):
                    if out[j].kind is ItemKind.ROBOT and out[j - 1].kind is ItemKind.WORD \
                            and out[j - 1].text.lower() in prepositions:
                        out[j] = Item(ItemKind.WORD, out[j].start, out[j].end, None, out[j].text)
            start = k + 1
    return out


def _heading(items: Sequence[Item], nouns: frozenset[str], skip: frozenset[str]) -> bool:
    """The words before a colon open with a goal noun (as the first or second word) and hold no verb, anchor or
    other clause word."""
    if any(it.kind not in (ItemKind.WORD, ItemKind.ROBOT, ItemKind.OBJECT) for it in items):
        return False
    words = [w for it in items[:4] if it.kind is ItemKind.WORD for w in it.text.lower().split() if w not in skip]
    return any(w in nouns for w in words[:2]) and items[0].kind is ItemKind.WORD  # "job plan", "work plan"


def _robots_after_colon(items: Sequence[Item], k: int) -> bool:
    """The first robot after the colon at ``k`` is named, not a pronoun ("Plan for the trucks: they go ..." keeps the
    heading's robots, which the pronoun means)."""
    first = next((it for it in items[k + 1:] if it.kind is ItemKind.ROBOT), None)
    return first is not None and first.payload.form != "pronoun"
