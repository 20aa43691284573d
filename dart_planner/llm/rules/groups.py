"""Named groups of robots defined in the text: "Crew one, excavator 1 with dump truck 2, ...",
"Crew B is excavator 2 plus truck 3.", "Team A: excavator 1 and truck 1 go to soil 1."

A dispatcher often names crews once and then refers to them by name ("crew one goes to soil 1",
"when crew B is done"). The group noun ("crew", "team", ...: ``group_nouns`` in the lexicon) with
a short name right after it, followed by a link ("," ":" "is" "=" ...) and a list of robots named
by number, defines the group; the label and its link are dropped, so the robots stand where the
label stood (a subject, as the text means). Every later "crew one" is replaced by those robots,
joined by "and". A group of unnamed robots ("crew B (two trucks)") is meant again as "the two trucks" (copying
the type mention itself would make a new group each time), unless other unnamed robots of its type came in between.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .lexicon import Lexicon
from .mentions import RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_group_names"]

_LINK_PUNCT = frozenset({",", ":", "(", "-", "="})
_LINK_SYMBOLS = frozenset({"="})
"""Links read as words besides the lexicon's ``group_link_words``."""
_JOIN_SYMBOLS = frozenset({"&", "+"})
"""List joins read as words besides the lexicon's ``group_list_joins``."""
_MAX_NAME = 8


def _name_at(items: Sequence[Item], k: int, nouns: Container[str]) -> str | None:
    """The group's name when ``items[k]`` is a group noun followed by a short one-word name."""
    if k + 1 >= len(items) or items[k].kind is not ItemKind.WORD or items[k].text not in nouns:
        return None
    nxt = items[k + 1]
    if nxt.end - nxt.start != 1 or not nxt.text.isalnum() or len(nxt.text) > _MAX_NAME:
        return None
    if nxt.kind not in (ItemKind.WORD, ItemKind.MARK) and not nxt.text.isdigit():
        return None
    return nxt.text.lower()


def _member(d: RobotDesc) -> bool:
    """Whether a robot mention can make up a crew: robots named by number, or unnamed ones counted ("crew B (two
    trucks)"), which a later "crew B" means again as "the two trucks"."""
    return d.form == "ids" or (d.form == "type" and d.det == "count" and d.count > 0)


def _robot_list(items: Sequence[Item], j: int, joins: Container[str]) -> tuple[list[Item], int]:
    """Robots named by number from ``j`` on, joined by "and", "with", ",": (robots, index after)."""
    robots: list[Item] = []
    k = j
    while k < len(items):
        it = items[k]
        if it.kind is ItemKind.ROBOT and _member(it.payload):
            robots.append(it)
            k += 1
            nxt = items[k] if k < len(items) else None
            joined = nxt is not None and (
                (nxt.kind is ItemKind.WORD and nxt.text in joins)
                or (nxt.kind is ItemKind.PUNCT and nxt.payload == "," and k + 1 < len(items)
                    and items[k + 1].kind is ItemKind.ROBOT and _member(items[k + 1].payload)))
            if joined and k + 1 < len(items) and items[k + 1].kind is ItemKind.ROBOT and _member(items[k + 1].payload):
                k += 1
                continue
            break
        break
    return robots, k


def _definition(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[int, list[Item], bool] | None:
    """(index of the first robot, robots, heading) when the group noun at ``k`` defines its group;
    ``heading`` when the robots are the subject of the clause that follows ("Crew A: exc 1 and trk 1
    go to soil 1")."""
    j = k + 2
    links = 0
    colon = False
    while j < len(items) and links < 3 and (
            (items[j].kind is ItemKind.PUNCT and items[j].payload in _LINK_PUNCT)
            or (items[j].kind is ItemKind.WORD and (items[j].text in lex.group_link_words
                                                     or items[j].text in _LINK_SYMBOLS))):
        colon = colon or (items[j].kind is ItemKind.PUNCT and items[j].payload == ":")
        j += 1
        links += 1
    if links == 0:
        return None
    robots, end = _robot_list(items, j, lex.group_list_joins | _JOIN_SYMBOLS)
    if not robots:
        return None
    while end < len(items) and items[end].kind is ItemKind.WORD and items[end].text in lex.group_alone_words:
        end += 1
    if end >= len(items):
        return j, robots, False
    after = items[end]
    if after.kind is ItemKind.PUNCT:
        return j, robots, False
    if colon and after.kind is ItemKind.VERB:
        return j, robots, True
    return None


def _reference(robots: Sequence[Item], at: Item) -> list[Item]:
    """The group's robots in place of a later mention of its name, joined by "and"."""
    out: list[Item] = []
    for n, r in enumerate(robots):
        if n:
            out.append(Item(ItemKind.WORD, at.start, at.start, None, "and"))
        d: RobotDesc = r.payload
        again = RobotDesc("ids", d.ids, d.rtype) if d.form == "ids" else \
            RobotDesc("type", rtype=d.rtype, det="the", count=d.count if d.plural else 0, plural=d.plural)
        out.append(Item(ItemKind.ROBOT, at.start, at.end, again, at.text))
    return out


def _retold(robots: Sequence[Item], items: Sequence[Item], k: int) -> bool:
    """Whether a crew of unnamed robots can be meant again at ``k`` as "the two trucks": no other unnamed robots of
    its types were brought in since it was defined ("crew B (two trucks) ...; another truck ...; crew B ..." would
    mean the other truck). Robots named by number are always meant again."""
    types = {r.payload.rtype for r in robots if r.payload.form == "type"}
    if not types:
        return True
    end = next((j for j in range(k - 1, -1, -1) if items[j] is robots[-1]), None)
    if end is None:
        return False
    return not any(x.kind is ItemKind.ROBOT and x.payload.form == "type" and x.payload.det != "the"
                   and x.payload.rtype in types for x in items[end + 1:k])


def _undefined_group(items: Sequence[Item], k: int, lex: Lexicon, groups: Container[str]) -> tuple[int, int] | None:
    """(start, end) of a named or numbered group used as a subject with no definition ("crew two goes to soil 1",
    "the first crew goes to soil 1" where no crew was defined); None otherwise. Read as it stood, the bare group
    noun was no robot and the clause took the robot named before it. A modal after the noun (the lexicon's
    ``subject_modals``: "so that the crane crew *can* check them off") is no name: the crew is people."""
    it = items[k]
    if it.kind is ItemKind.WORD and it.text in lex.group_nouns and k + 2 < len(items) \
            and items[k + 2].kind is ItemKind.VERB and (name := _name_at(items, k, lex.group_nouns)) is not None \
            and name not in groups and name not in lex.subject_modals \
            and items[k + 1].kind is not ItemKind.VERB:
        return k, k + 2  # "crew two goes": the name, then the verb
    if it.kind in (ItemKind.WORD, ItemKind.CONNECTIVE) and it.text in lex.ordinals and k + 2 < len(items) \
            and items[k + 1].kind is ItemKind.WORD and items[k + 1].text in lex.group_nouns \
            and items[k + 2].kind is ItemKind.VERB:
        return k, k + 2  # "the first crew goes": a numbered group no definition stored (groups are named)
    return None


def _refused(said: Sequence[Item]) -> Item:
    text = " ".join(x.text for x in said)
    return Item(ItemKind.UNKNOWN, said[0].start, said[-1].end,
                f"{text!r} names no group defined before (say which robots it is)", text)


def _each_group(items: Sequence[Item], k: int, lex: Lexicon, groups: Container[str]) -> Item | None:
    """A refusal for "in *each crew* the excavator digs" once crews are defined; None for anything else. The
    quantified group stands for every crew in turn, and its "the excavator" for each crew's own: not read so, the
    clause fell to the robots named last (one crew did the work of all, with no word)."""
    it = items[k]
    if not groups or k + 1 >= len(items) or it.text not in lex.group_quantifiers \
            or it.kind not in (ItemKind.WORD, ItemKind.MARK) \
            or items[k + 1].kind is not ItemKind.WORD or items[k + 1].text not in lex.group_nouns:
        return None
    text = f"{it.text} {items[k + 1].text}"
    return Item(ItemKind.UNKNOWN, it.start, items[k + 1].end,
                f"{text!r} is not read as each group in turn (say each group's steps by its name)", text)


def fold_group_names(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Items with each group definition reduced to its robots and each later mention of the
    group's name replaced by them (see the module doc)."""
    out = list(items)
    groups: dict[str, list[Item]] = {}
    joins = lex.group_list_joins | _JOIN_SYMBOLS
    k = 0
    while k < len(out):
        undefined = _undefined_group(out, k, lex, groups)
        if undefined is not None:
            out[undefined[0]:undefined[1]] = [_refused(out[undefined[0]:undefined[1]])]
            k = undefined[0] + 1
            continue
        each = _each_group(out, k, lex, groups)
        if each is not None:
            out[k:k + 2] = [each]
            k += 1
            continue
        name = _name_at(out, k, lex.group_nouns)
        if name is None:
            k += 1
            continue
        found = _definition(out, k, lex) if name not in groups else None
        if found is not None:
            first, robots, _heading = found
            groups[name] = robots
            # the label and its link are read: they carry no step of their own; the robots are one
            # list ("excavator 2 plus truck 3" = "excavator 2 and truck 3")
            label = Item(ItemKind.MARK, out[k].start, out[first - 1].end, "filler",
                         " ".join(x.text for x in out[k:first]))
            last = first
            while last < len(out) and out[last] is not robots[-1]:
                if out[last].kind is ItemKind.WORD and out[last].text in joins:
                    out[last] = Item(ItemKind.WORD, out[last].start, out[last].end, None, "and")
                last += 1
            out[k:first] = [label]
            k += 1
            continue
        if name in groups and not _retold(groups[name], out, k):
            out[k:k + 2] = [_refused(out[k:k + 2])]
            k += 1
            continue
        if name in groups:
            ref = Item(ItemKind.ROBOT, out[k].start, out[k + 1].end, None, f"{out[k].text} {out[k + 1].text}")
            new = _reference(groups[name], ref)
            out[k:k + 2] = new
            k += len(new)
            continue
        k += 1
    return out
