"""An anchor's event noun whose doer is named is that doer's clause: "after the inspection of rock 1 by excavator 2".

An event noun in an anchor ("after the inspection") is looked for among the steps said elsewhere; with none, the wait
went with it, and so did the work of the robot the anchor names ("by excavator 2", "excavator 2's inspection"): truck
1 set off at once and excavator 2 never went. Said with a verb ("after excavator 2 inspects rock 1"), the anchor is a
clause of its own, matched to the step said elsewhere when there is one and that step when there is none; so the
noun with its doer is read as that clause. "Following" opening a sentence before an event noun is "after": read as a
verb of following, "Following the inspection of puddle 1, everyone avoids it" waited for nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import Item, ItemKind
from .verbs import VerbHit

__all__ = ["fold_event_doers", "fold_following_events"]


def _acts(it: Item) -> bool:
    """An event noun that names an action (not "any" work: "once it is done")."""
    return it.kind is ItemKind.EVENT and it.payload.action not in ("any", "")


def _word(it: Item, words: frozenset[str]) -> bool:
    return it.kind is ItemKind.WORD and it.text.lower() in words


def _anchor(it: Item) -> bool:
    return it.kind is ItemKind.CONNECTIVE and it.payload == "anchor"


def _robot_run(items: Sequence[Item], k: int, joins: frozenset[str]) -> int:
    """One past the robots listed from ``k`` ("excavator 2 and truck 3"); ``k`` when none stands there. A comma
    ends the list: after it comes the clause the anchor times ("by excavator 2, truck 1 goes ...")."""
    end = k
    j = k
    while j < len(items) and items[j].kind is ItemKind.ROBOT:
        end = j + 1
        if j + 2 < len(items) and _word(items[j + 1], joins) and items[j + 2].kind is ItemKind.ROBOT:
            j += 2
            continue
        break
    return end


def _verb(ev: Item) -> Item:
    """The event noun as its clause's verb."""
    return Item(ItemKind.VERB, ev.start, ev.end, VerbHit(ev.payload.action, "verb", ev.text), ev.text)


def _by_doer(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[list[Item], int] | None:
    """At ``k`` (right after an anchor), "the <event> [of/at <place>] by <robots>" as "<robots> <verb> [<place>]",
    with the index one past it; None when the words there are not that."""
    j = k + 1 if k < len(items) and _word(items[k], lex.event_doer_articles) else k
    if j >= len(items) or not _acts(items[j]):
        return None
    ev = j
    j += 1
    rest: list[Item] = []
    # the event's own objects: a place ("of rock 1"), or the robot it is done to ("the loading of truck 1")
    while j < len(items) and (items[j].kind in (ItemKind.OBJECT, ItemKind.ROBOT) or (
            items[j].kind is ItemKind.WORD and not _word(items[j], lex.event_doer_words))):
        rest.append(items[j])
        j += 1
    if j >= len(items) or not _word(items[j], lex.event_doer_words):
        return None
    end = _robot_run(items, j + 1, lex.thing_list_joins)
    if end == j + 1:
        return None
    return [*items[j + 1:end], _verb(items[ev]), *_places(rest, lex)], end


def _places(rest: Sequence[Item], lex: Lexicon) -> list[Item]:
    """The event's place words, less the "of" that tied them to the noun ("the inspection *of* rock 1")."""
    return [x for x in rest if not _word(x, lex.event_place_links)]


def _possessive_doer(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[list[Item], int] | None:
    """At ``k``, "<robots>'s <event> [of <place>]" as "<robots> <verb> [<place>]", with the index one past the
    event and its "of"; None when the words there are not that."""
    end = _robot_run(items, k, lex.thing_list_joins)
    if end == k or end + 1 >= len(items) or not _word(items[end], lex.event_possessive_marks) \
            or not _acts(items[end + 1]):
        return None
    out = [*items[k:end], _verb(items[end + 1])]
    j = end + 2
    if j + 1 < len(items) and _word(items[j], lex.event_place_links) and items[j + 1].kind is ItemKind.OBJECT:
        j += 1
    return out, j


def fold_event_doers(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each anchor that opens with an event noun and names its doer, read as that doer's clause."""
    out: list[Item] = []
    k, n = 0, len(items)
    while k < n:
        out.append(items[k])
        k += 1
        if not _anchor(items[k - 1]):
            continue
        got = _by_doer(items, k, lex) or _possessive_doer(items, k, lex)
        if got is not None:
            out += got[0]
            k = got[1]
    return out


def fold_following_events(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """A verb of ``anchor_participles`` ("following") that opens a sentence right before an event noun, or before a
    robot's event ("following truck 3's inspection"), as the anchor "after"."""
    out = list(items)
    for k, it in enumerate(items):
        if it.kind is not ItemKind.VERB or it.text.lower() not in lex.anchor_participles:
            continue
        if k and not (items[k - 1].kind is ItemKind.PUNCT and items[k - 1].payload in (".", "!", ";", ":")):
            continue
        j = k + 2 if k + 1 < len(items) and _word(items[k + 1], lex.event_doer_articles) else k + 1
        possessive = _robot_run(items, k + 1, lex.thing_list_joins)
        if (j < len(items) and _acts(items[j])) or (
                possessive > k + 1 and possessive + 1 < len(items)
                and _word(items[possessive], lex.event_possessive_marks) and _acts(items[possessive + 1])):
            out[k] = Item(ItemKind.CONNECTIVE, it.start, it.end, "anchor", it.text)
    return out
