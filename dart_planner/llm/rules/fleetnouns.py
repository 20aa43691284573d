"""Bare plural robot nouns: "After the check, robots must not go near the puddle."

A plural noun for robots in general ("robots", "machines": the lexicon's ``bare_fleet_nouns``) with no determiner
or number before it, opening its clause and followed by what its robots do, says something of every robot
(convention 5: "all robots"). Left a plain word, the clause named no robot and took the robot named before it, so a
keep-out meant for the whole fleet was put up for one truck. After a determiner or a number ("two robots", "the
other robots") the noun is left as it is: those phrases are read (or refused) elsewhere.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_bare_fleet_nouns"]


def fold_bare_fleet_nouns(items: Sequence[Item], nouns: Container[str], joins: Container[str]) -> list[Item]:
    """``items`` with each bare fleet noun that opens its clause (``joins``: the lexicon's
    ``clause_joining_words``, which may stand before it) and comes before its clause's verb made a fleet mention."""
    out = list(items)
    for k, it in enumerate(out):
        if it.kind is ItemKind.WORD and it.text in nouns and _opens_clause(out, k, joins) and _acts(out, k):
            out[k] = Item(ItemKind.ROBOT, it.start, it.end, RobotDesc("fleet"), it.text)
    return out


def _opens_clause(items: Sequence[Item], k: int, joins: Container[str]) -> bool:
    if k == 0:
        return True
    before = items[k - 1]
    return before.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE) or (
        before.kind is ItemKind.WORD and before.text in joins)


def _acts(items: Sequence[Item], k: int) -> bool:
    """A verb follows the noun in its clause with only plain words and marks ("must", "not") between."""
    for it in items[k + 1:]:
        if it.kind is ItemKind.VERB:
            return True
        if it.kind not in (ItemKind.WORD, ItemKind.MARK):
            return False
    return False
