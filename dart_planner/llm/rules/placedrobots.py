"""A robot named by where it stands: "the one at soil 2 digs", "the truck which is waiting at obstacle 1 goes ...".

The reader already picks "the truck at obstacle 1" (a robot of the type, a place right after it) from the robots
standing there (convention 11: a state, no move). Two ways of saying the same were not read so: a relative state
between the robot and the place ("that is waiting at", "which is parked at") was read as a second order, a move
there, and "the one" / "the robot" was no robot at all, so the verb fell to the robot named last. Both become
"<robot> at <place>"; "the one" is then the robot of any type standing there (``at_place``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_placed_robots", "fold_place_named_robots", "fold_waiting_robots", "PLACED_ONE"]

PLACED_ONE = "one"
"""The pronoun of the robot made of "the one at <place>": one robot of any type standing there."""


def _named_place(item: Item | None) -> bool:
    return item is not None and item.kind is ItemKind.OBJECT and item.payload.form == "names"


def _relative_words(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[list[str], int]:
    """The plain words of a relative clause opening at ``k`` ("that is waiting ...") and the index after them; no
    words when ``k`` opens none."""
    if k >= len(items) or items[k].text.lower() not in lex.placed_relatives:
        return [], k
    words: list[str] = []
    j = k + 1
    while j < len(items) and items[j].kind in (ItemKind.WORD, ItemKind.VERB, ItemKind.MARK):
        words += items[j].text.lower().split()
        j += 1
    return words, j


def _state_end(items: Sequence[Item], k: int, lex: Lexicon) -> int | None:
    """Index of the place after a relative state opening at ``k`` ("that is waiting at"), or None."""
    words, j = _relative_words(items, k, lex)
    if not words or words[-1] not in lex.placed_prepositions or not any(w in lex.placed_state_words for w in words) \
            or not all(w in lex.placed_state_words for w in words[:-1]):
        return None
    return j if j < len(items) and _named_place(items[j]) else None


def _there_end(items: Sequence[Item], k: int, lex: Lexicon) -> int | None:
    """Index of "there" after a relative state opening at ``k`` with no preposition ("which is standing there"),
    or None."""
    words, j = _relative_words(items, k, lex)
    if not words or not all(w in lex.placed_state_words for w in words) or j >= len(items):
        return None
    there = items[j]
    return j if there.kind is ItemKind.OBJECT and there.payload.form == "pronoun" \
        and there.payload.pronoun in lex.robot_place_pronouns else None


def _empty_end(items: Sequence[Item], k: int, lex: Lexicon) -> int | None:
    """Index of the last word of "that is (still) empty" opening at ``k``, or None."""
    if k >= len(items) or items[k].text.lower() not in lex.placed_relatives:
        return None
    for j in range(k + 1, len(items)):
        words = items[j].text.lower().split()
        if items[j].kind not in (ItemKind.WORD, ItemKind.VERB, ItemKind.MARK) or not words:
            return None
        if words[-1] in lex.empty_words:
            return j if j > k + 1 and all(w in lex.placed_state_words for w in words[:-1]) else None
        if not all(w in lex.placed_state_words for w in words):
            return None
    return None


def _at(before: Item, place: Item) -> Item:
    return Item(ItemKind.WORD, before.end, place.start, None, "at")


def _wait_place(items: Sequence[Item], k: int, rtype: str, lex: Lexicon) -> Item | None:
    """The named place of the latest wait said before ``k`` by robots of type ``rtype`` ("two trucks go to obstacle
    1 and wait there": obstacle 1), or None."""
    for j in range(k - 1, -1, -1):
        v = items[j]
        if v.kind is not ItemKind.VERB or v.payload.target != "navigate" or not v.text \
                or v.text.split()[0].lower() not in lex.wait_verbs:
            continue
        who = next((x for x in reversed(items[:j]) if x.kind is ItemKind.ROBOT), None)
        if who is None or getattr(who.payload, "rtype", "") != rtype:
            return None
        after = [x for x in items[j + 1:j + 3] if x.kind is ItemKind.OBJECT and x.payload.form == "names"]
        before = [x for x in items[:j] if x.kind is ItemKind.OBJECT and x.payload.form == "names"
                  and x.start > who.start]
        place = after[:1] or before[-1:]
        return place[0] if place and len(place[0].payload.names) == 1 else None
    return None


def fold_waiting_robots(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"Two trucks go to obstacle 1 and wait there, and the remaining truck goes to puddle 1. ... the waiting trucks
    drive to soil 1": "the waiting trucks" (a word of ``wait_verbs`` in the mention) are the trucks at the place of
    the latest wait said by trucks, read as "the trucks at obstacle 1"; read as "the trucks", every truck went. Left
    as it was when no such wait was said."""
    out = list(items)
    for k in range(len(out) - 1, -1, -1):
        it = out[k]
        if it.kind is not ItemKind.ROBOT or it.payload.form != "type" or it.payload.det != "the" \
                or not lex.wait_verbs & set(it.text.lower().split()[1:-1]):
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        if nxt is not None and nxt.kind is ItemKind.WORD and nxt.text.lower() in lex.placed_prepositions:
            continue  # "the waiting truck at obstacle 1": its place is said
        place = _wait_place(out, k, it.payload.rtype, lex)
        if place is not None:
            out[k + 1:k + 1] = [_at(it, place), Item(ItemKind.OBJECT, it.end, it.end, place.payload, place.text)]
    return out


def fold_placed_robots(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """``items`` with "the <type> that is waiting at <place>" read as "the <type> at <place>" ("... there": "the
    <type> there"), "the <type> that is empty" as "the empty <type>", and "the one (that is) at <place>" as a robot
    of any type at that place. Not after a word of being: "truck 2 is the one at soil 1" says who, it orders
    nothing."""
    out = list(items)
    k = 0
    while k < len(out) - 2:
        it = out[k]
        prev = out[k - 1] if k else None
        if prev is not None and prev.text.lower() in lex.placed_state_words:
            k += 1
            continue
        if it.kind is ItemKind.ROBOT and it.payload.form == "type" and it.payload.det == "the":
            end = _state_end(out, k + 1, lex)
            there = _there_end(out, k + 1, lex) if end is None else None
            empty = _empty_end(out, k + 1, lex) if end is None and there is None else None
            if end is not None:
                out[k + 1:end] = [_at(it, out[end])]
            elif there is not None:
                del out[k + 1:there]  # "the truck which is standing there": "the truck there"
            elif empty is not None:
                # "the truck that is empty": "the empty truck", a state; the verb "empty" was a tipping
                said = " ".join(x.text for x in out[k:empty + 1])
                out[k:empty + 1] = [Item(ItemKind.ROBOT, it.start, out[empty].end, it.payload, said)]
        elif it.kind is ItemKind.WORD and it.text.lower() == "the" and out[k + 1].kind is ItemKind.WORD \
                and out[k + 1].text.lower() in lex.placed_robot_nouns:
            noun = out[k + 1]
            after = out[k + 3] if k + 3 < len(out) else None
            bare = out[k + 2].text.lower() in lex.placed_prepositions and _named_place(after)
            end = k + 3 if bare else _state_end(out, k + 2, lex)
            if end is not None:
                one = Item(ItemKind.ROBOT, it.start, noun.end, RobotDesc("fleet", det="the", pronoun=PLACED_ONE),
                           f"{it.text} {noun.text}")
                out[k:end] = [one, _at(noun, out[end])]
        k += 1
    return out


def fold_place_named_robots(items: Sequence[Item]) -> list[Item]:
    """"gets loaded by *the rock 1 excavator*", "*the soil 2 trucks* drive on": a place said as a modifier between "the"
    and a robot noun (one place, the noun bare) is "the <type> at <place>", the robots of that type standing there.
    Read as the place "the rock 1" and a bare "excavator", the truck's loading lost its loader and the truck's next
    steps went to the excavator."""
    out = list(items)
    k = 0
    while k < len(out) - 1:
        place, robot = out[k], out[k + 1]
        if _named_place(place) and len(place.payload.names) == 1 and place.text.lower().startswith("the ") \
                and robot.kind is ItemKind.ROBOT and robot.payload.form == "type" and robot.payload.det == "bare" \
                and not robot.payload.count and robot.start == place.end:
            d: RobotDesc = robot.payload
            the = Item(ItemKind.ROBOT, place.start, place.start + 1, RobotDesc("type", rtype=d.rtype, det="the",
                                                                               plural=d.plural),
                       f"{place.text.split()[0]} {robot.text}")
            named = Item(ItemKind.OBJECT, place.start + 1, robot.end, place.payload, place.text.split(" ", 1)[1])
            out[k:k + 2] = [the, _at(the, named), named]
            k += 3
            continue
        k += 1
    return out
