"""A wait said as a robot's next step: "truck 1 goes to rock 1 *and waits until* excavator 1 has loaded it".

"Waits until" and "until" are anchor connectives, so the clause before them was read as timed by them: the truck's
move waited for a loading that needs the truck at rock 1 first (the plan put the loading before the move). Joined
to the step before by "and" (or "and then", a comma), the wait is the robot's next step, as in "truck 1 goes to rock
1; truck 1 waits until excavator 1 has loaded it", which is read right: the step said first is not held up, the
robot's steps after the wait are. Folded, the join becomes that ";" and the clause's robot is said again. A "there"
after the word of staying is where the robot already is, in such a clause and in one of its own ("Truck 3 stays
there until ...").

The wait is either an anchor of waiting (lexicon ``wait_for_connectives``) with a deed after it, or a word of
staying ("stays", "waits there", "remains at rock 1": lexicon ``stationary`` and ``wait_verbs``) before "until"
(``until_words``). A "waits for excavator 1" with no deed is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .lexicon import Lexicon
from .mentions import RobotDesc
from .segment import Item, ItemKind, sentence_start

__all__ = ["fold_wait_after_step", "staying"]

_JOINS = frozenset({"and", ","})
# determiners that make a new group of a type each time they are said ("a truck", "two trucks", "another truck")
_NEW_GROUP_DETS = frozenset({"count", "bare", "another", "other", "remaining"})


def _deed_follows(items: Sequence[Item], k: int) -> bool:
    """Whether the anchor at ``k`` names a deed (a verb or an event) before its clause ends."""
    for it in items[k + 1:]:
        if it.kind is ItemKind.PUNCT or it.kind is ItemKind.CONNECTIVE:
            return False
        if it.kind in (ItemKind.VERB, ItemKind.EVENT):
            return True
    return False


def staying(it: Item, lex: Lexicon) -> bool:
    """A word of staying where the robot is: "stays", "waits", "remains at", "keeps waiting at"."""
    words = it.text.lower().split()
    if not words or it.kind not in (ItemKind.VERB, ItemKind.WORD, ItemKind.MARK):
        return False
    if it.kind is ItemKind.MARK and it.payload != "already":
        return False
    return words[0] in lex.stationary or words[0] in lex.wait_verbs or (
        len(words) > 1 and words[1] in lex.wait_verbs)


def _wait_end(items: Sequence[Item], k: int, lex: Lexicon) -> bool:
    """Whether a wait opens at ``k``: a waiting anchor with a deed, or staying (and its place) before "until"."""
    it = items[k]
    if it.kind is ItemKind.CONNECTIVE:
        return it.payload == "anchor" and it.text.lower() in lex.wait_for_connectives and _deed_follows(items, k)
    if not staying(it, lex):
        return False
    j = k + 1
    if j < len(items) and items[j].kind is ItemKind.OBJECT:
        j += 1
    return j < len(items) and items[j].kind is ItemKind.CONNECTIVE and items[j].payload == "anchor" \
        and items[j].text.lower() in lex.until_words and _deed_follows(items, j)


def _subject(items: Sequence[Item], j: int) -> Item | None:
    """The robot that opens the clause ending at ``j``, when that clause has a verb and no connective; said again
    as the same robots (see :func:`_again`)."""
    s = _clause_start(items, sentence_start(items, j), j)
    while s < j and (items[s].kind is ItemKind.PUNCT or _then(items[s])):
        s += 1  # "Then truck 1 goes ...": the sentence's own timing
    clause = items[s:j]
    if not clause or clause[0].kind is not ItemKind.ROBOT or any(it.kind is ItemKind.CONNECTIVE for it in clause):
        return None
    return _again(clause[0]) if any(it.kind is ItemKind.VERB for it in clause) else None


def _clause_start(items: Sequence[Item], s: int, j: int) -> int:
    """Where the clause before ``j`` opens: at the last robot after ", and" / "," / "and" that has a verb of its
    own ("two excavators dig at rock 2, and a truck goes to obstacle 1 and waits there ...": the truck's clause, not
    the sentence's); ``s`` (the sentence start) when there is none."""
    for k in range(j - 1, s, -1):
        it, before = items[k], items[k - 1]
        joined = (before.kind is ItemKind.PUNCT and before.payload == ",") or (
            before.kind is ItemKind.WORD and before.text.lower() == "and")
        if it.kind is ItemKind.ROBOT and joined and any(x.kind is ItemKind.VERB for x in items[k + 1:j]):
            return k
    return s


def _again(robot: Item) -> Item:
    """The robot said again: a counted or bare type ("a truck", "two trucks") as "the truck(s)", so the wait is the
    same robots' and no new group of that type."""
    d = robot.payload
    if isinstance(d, RobotDesc) and d.form == "type" and d.det in _NEW_GROUP_DETS:
        return replace(robot, payload=replace(d, det="the"))
    return robot


def _then(it: Item) -> bool:
    return it.kind is ItemKind.CONNECTIVE and it.payload == "sequence"


def fold_wait_after_step(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each "<robot> <step> and (then) <wait> ..." as "<robot> <step>; <robot> <wait> ..."."""
    out = list(items)
    j = 1
    while j + 1 < len(out):
        join = out[j]
        k = j + 1
        if k < len(out) and _then(out[k]):
            k += 1  # "and then waits until ..."
        joined = join.text.lower() in _JOINS and join.kind in (ItemKind.WORD, ItemKind.PUNCT)
        if not (joined or _then(join)) or k >= len(out) or not _wait_end(out, k, lex):
            j += 1
            continue
        robot = _subject(out, j)
        if robot is None:
            j += 1
            continue
        out[j:k] = [Item(ItemKind.PUNCT, join.start, join.end, ";", ";"), robot]
        j += 2
        if _there(out, j):
            del out[j + 1]
    return _drop_staying_there(out, lex)


def _drop_staying_there(items: list[Item], lex: Lexicon) -> list[Item]:
    """The same "there" said in a clause of its own ("Truck 3 stays there until excavator 2 has loaded it"): the
    staying word right after its robot; read as a place, the loading it waited for was lost."""
    k = 1
    while k + 1 < len(items):
        if items[k - 1].kind is ItemKind.ROBOT and _there(items, k) and _wait_end(items, k, lex):
            del items[k + 1]
        k += 1
    return items


def _there(items: Sequence[Item], k: int) -> bool:
    """A "there" after a word of staying at ``k`` ("stays there until ..."): where the robot already is, as in
    "stays until ..."; read as a place, the clause lost the staying and the wait with it."""
    return items[k].kind is ItemKind.WORD and k + 1 < len(items) and items[k + 1].kind is ItemKind.OBJECT \
        and items[k + 1].payload.form == "pronoun" and items[k + 1].payload.pronoun == "there"
