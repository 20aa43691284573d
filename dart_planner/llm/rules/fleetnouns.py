"""Bare plural robot nouns ("After the check, robots must not go near the puddle.") and negated type nouns ("No
truck may enter puddle 1.").

A plural noun for robots in general ("robots", "machines": the lexicon's ``bare_fleet_nouns``) with no determiner
or number before it, opening its clause and followed by what its robots do, says something of every robot
(convention 5: "all robots"). Left a plain word, the clause named no robot and took the robot named before it, so a
keep-out meant for the whole fleet was put up for one truck. After a determiner or a number ("two robots", "the
other robots") the noun is left as it is: those phrases are read (or refused) elsewhere.

"No" before a robot type noun (the lexicon's ``type_negations``: "no truck may enter puddle 1", "no excavators go
near it") keeps every robot of that type out (convention 20: every robot of a type is type and count). Left a plain
word, "no" negated nothing: "may enter" became a permission for the truck named last, and "goes near" a move.
So does "there must be no truck at rock 2" (a modal in the existential, the lexicon's ``existential_modals``); said
with no modal ("there is no truck at rock 2") it tells where no truck is, and is left as it is (refused by the
interpreter, which cannot tell a fact from a keep-out).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Sequence

from .mentions import RobotDesc
from .segment import Item, ItemKind, clause_bounds

__all__ = ["existential_lead", "fold_bare_fleet_nouns", "fold_keepout_any", "fold_negated_types"]


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


def fold_negated_types(items: Sequence[Item], negations: Container[str], copulas: Container[str] = (),
                       modals: Container[str] = (), near: Container[str] = ()) -> list[Item]:
    """``items`` with each negation word (``negations``) right before a robot type noun said with no determiner or
    number ("no truck", "no excavators") and followed by its verb, or after an existential "there" with a modal
    (:func:`existential_lead`: "there must be no truck at rock 2"), or opening a verbless clause with a place it must
    not come near ("No trucks near rock 2 today": ``near``, the lexicon's ``until_keepout_motion``), joined to it: every
    robot of the type, negated ("there is no truck at rock 2" orders nothing of the kind and is left as it is; read
    apart, "no trucks near rock 2" sent every truck there)."""
    out: list[Item] = []
    for k, it in enumerate(items):
        prev = out[-1] if out else None
        d = it.payload if it.kind is ItemKind.ROBOT else None
        if prev is not None and prev.kind is ItemKind.WORD and prev.text in negations and prev.end == it.start \
                and isinstance(d, RobotDesc) and d.form == "type" and d.det == "bare" and (
                    _acts(items, k) or existential_lead(items, k - 1, copulas, modals) == "modal"
                    or _near_place(items, k, near)):
            desc = dataclasses.replace(d, det="all", count=0, negated=True)
            out[-1] = Item(ItemKind.ROBOT, prev.start, it.end, desc, f"{prev.text} {it.text}")
            continue
        if prev is not None and prev.kind is ItemKind.WORD and prev.text in negations and prev.end == it.start \
                and isinstance(d, RobotDesc) and d.form == "type" and d.det == "other" and _acts(items, k):
            # "no other truck may go there": every other truck kept out (read as "the other truck", one was sent)
            desc = dataclasses.replace(d, plural=True, negated=True)
            out[-1] = Item(ItemKind.ROBOT, prev.start, it.end, desc, f"{prev.text} {it.text}")
            continue
        out.append(it)
    return out


def _near_place(items: Sequence[Item], k: int, near: Container[str]) -> bool:
    """The robot at ``k``, after a negation that opens its clause, is followed by a word of nearness and a place, and
    its clause has no verb."""
    if k < 1 or not (k == 1 or items[k - 2].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)):
        return False
    if not (k + 2 < len(items) and items[k + 1].kind is ItemKind.WORD and items[k + 1].text in near
            and items[k + 2].kind is ItemKind.OBJECT):
        return False
    return not any(it.kind is ItemKind.VERB for it in items[k + 1:clause_bounds(items, k)[1]])


def existential_lead(items: Sequence[Item], k: int, copulas: Container[str], modals: Container[str]) -> str:
    """How the words before ``items[k]`` say "there is": ``"modal"`` ("there must be", "there should be"),
    ``"plain"`` ("there is", "there are") or ``""`` (no existential "there" opening the clause right before it)."""
    j = k
    said: list[str] = []
    while j > 0 and items[j - 1].kind in (ItemKind.WORD, ItemKind.MARK) and (
            items[j - 1].text in copulas or items[j - 1].text in modals):
        j -= 1
        said.append(items[j].text)
    there = items[j - 1] if j > 0 else None
    if not said or there is None or there.kind is not ItemKind.OBJECT or there.text.lower() != "there" \
            or not (j == 1 or items[j - 2].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)):
        return ""
    return "modal" if any(w in modals for w in said) else "plain"


def _keeps_out(items: Sequence[Item], k: int) -> bool:
    """Whether the clause of ``items[k]`` (up to punctuation or a connective) puts up a keep-out: a keep-out verb or
    a negation ("do not let ... near")."""
    start, end = clause_bounds(items, k)
    return any((it.kind is ItemKind.VERB and it.payload.target == "add_keepout")
               or (it.kind is ItemKind.MARK and it.payload == "neg") for it in items[start:end])


def fold_keepout_any(items: Sequence[Item], words: Container[str]) -> list[Item]:
    """"Do not let any truck near puddle 2", "keep any excavator away from rock 1": in a keep-out clause a robot type
    noun after one of ``words`` (the lexicon's ``keepout_any_words``) is every robot of the type, as "no truck" is;
    read as "a truck", one truck was kept out and the others could go."""
    out = list(items)
    for k, it in enumerate(out):
        d = it.payload if it.kind is ItemKind.ROBOT else None
        if isinstance(d, RobotDesc) and d.form == "type" and d.det == "count" and d.count == 1 \
                and it.text.split()[0] in words and _keeps_out(out, k):
            out[k] = Item(ItemKind.ROBOT, it.start, it.end, dataclasses.replace(d, det="all", count=0), it.text)
    return out
