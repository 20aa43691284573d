""""but" that leaves robots out of a group: "all trucks go to rock 1 *but truck 3*", "all trucks *but truck 3* go ...".

The scanner reads "but" as "except" only right after "all the robots" / "the others". After a group of one type
("all trucks") or at the end of the group's clause it stayed a bare word, and the robot after it joined the move:
truck 3 was sent to rock 1 beside a group of three trucks. A "but" (the lexicon's ``except_but_words``) is read as
"except" when robots follow it and either (a) it comes right after a group mention, or (b) those robots end the
clause (punctuation or the end follows them) and a group was named earlier in the sentence with no other robot
between.

"All trucks go to rock 1, *but truck 3 goes to soil 2*": robots of the group with a verb and a place of their own
after "but", once the group's clause has its own verb, are a clause of their own that also leaves them out of the
group (read as "all trucks except truck 3 go to rock 1"). Before, truck 3 was sent to rock 1 and then to soil 2.
Robots of another type ("all trucks go to rock 1, but excavator 1 digs at soil 1") and a group of a count ("two
trucks") are left alone.

"All trucks go to rock 1, *but truck 3 goes first*": robots of the group with only a verb and "first" after "but" do
the group's step before the others (:func:`fold_but_first`). Read as it stood, truck 3 was sent to rock 1 twice (with
the group and again alone); it is read as "truck 3 goes to rock 1 first, then all trucks except truck 3 go to rock 1".

"Excavator 3 and truck 3 do the same at soil 2, *except that truck 3 dumps at obstacle 2*": "except (that)" after a
repeat and before a clause of a robot and its verb says how the repeat differs, as "but" does there
(:func:`fold_except_variations`). Read as a mark that leaves robots out, the clause after it was refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .segment import SENTENCE_END, Item, ItemKind, filler_over

__all__ = ["fold_but_except", "fold_but_first", "fold_except_variations"]


def _group(it: Item) -> bool:
    """A mention of several robots by group: the fleet, "the others", or a plural type ("all trucks")."""
    d = it.payload
    return it.kind is ItemKind.ROBOT and (d.form in ("fleet", "others") or (d.form == "type" and d.plural)) \
        and not d.negated


def _robots_end(items: Sequence[Item], k: int, joins: frozenset[str]) -> int | None:
    """The end of a run of named robots from ``k`` ("truck 3", "truck 1 and truck 3"); None if none starts there."""
    if k >= len(items) or items[k].kind is not ItemKind.ROBOT or items[k].payload.form in ("pronoun", "fleet"):
        return None
    j = k + 1
    while j + 1 < len(items) and items[j].kind in (ItemKind.WORD, ItemKind.PUNCT) and items[j].text in joins \
            and items[j + 1].kind is ItemKind.ROBOT and items[j + 1].payload.form != "pronoun":
        j += 2
    return j


def _own_step(items: Sequence[Item], end: int) -> bool:
    """A verb right after the robots ending at ``end``, then a place of their own before the clause ends."""
    if end >= len(items) or items[end].kind is not ItemKind.VERB:
        return False
    for it in items[end + 1:]:
        if it.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            return False
        if it.kind in (ItemKind.OBJECT, ItemKind.PLACE):
            return True
    return False


def _members(group: Item, robots: Sequence[Item], robot_types: Mapping[str, str]) -> bool:
    """Every robot named in ``robots`` belongs to ``group`` (the fleet, "the others", or all robots of a type)."""
    d = group.payload
    if d.form == "type" and d.det == "count":
        return False  # "two trucks go to rock 1, but truck 3 ...": no named member to leave out
    ids = [r for x in robots if x.kind is ItemKind.ROBOT for r in x.payload.ids]
    return bool(ids) and all(x.payload.form == "ids" for x in robots if x.kind is ItemKind.ROBOT) \
        and (d.form in ("fleet", "others") or all(robot_types.get(r) == d.rtype for r in ids))


def fold_but_except(items: Sequence[Item], but_words: frozenset[str], joins: frozenset[str],
                    robot_types: Mapping[str, str] | None = None) -> list[Item]:
    """Mark each "but" that leaves robots out of a group (see the module docstring) as the mark "except"; when
    those robots have a step of their own, copy them as "except <robots>" right after the group mention."""
    out = list(items)
    group_at: int | None = None  # the last group mention of the sentence with no other robot after it
    verb_since_group = False
    inserts: list[tuple[int, list[Item]]] = []  # (where, what): the robots left out, a clause break
    for k, it in enumerate(out):
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            group_at = None
        elif it.kind is ItemKind.ROBOT:
            group_at = k if _group(it) else None
            verb_since_group = False
        elif it.kind is ItemKind.VERB:
            verb_since_group = True
        elif it.kind is ItemKind.WORD and it.text in but_words and group_at is not None:
            end = _robots_end(out, k + 1, joins)
            if end is None:
                continue
            closes = end >= len(out) or out[end].kind is ItemKind.PUNCT
            if group_at == k - 1 or closes:
                out[k] = Item(ItemKind.MARK, it.start, it.end, "except", it.text)
            elif verb_since_group and robot_types is not None and _own_step(out, end) \
                    and _members(out[group_at], out[k + 1:end], robot_types):
                g = out[group_at]
                inserts.append((group_at + 1, [Item(ItemKind.MARK, g.end, g.end, "except", ""), *out[k + 1:end]]))
                if out[k - 1].kind is not ItemKind.PUNCT:  # "... rock 1 but truck 3 goes ...": a clause of its own
                    inserts.append((k, [Item(ItemKind.PUNCT, it.start, it.start, ",", ",")]))
    for at, new in sorted(inserts, key=lambda x: x[0], reverse=True):
        out[at:at] = new
    return out


def fold_but_first(items: Sequence[Item], but_words: frozenset[str], joins: frozenset[str],
                   robot_types: Mapping[str, str]) -> list[Item]:
    """"<group> <verb> ..., but <robots of it> <verb> first." as "<robots> <verb> ... first, then <group> except
    <robots> <verb> ...": the robots named do the group's step, then the rest of the group does. Only a sentence that
    opens with the group and ends right after "first"."""
    out = list(items)
    start = 0
    k = 0
    while k < len(out):
        it = out[k]
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            start = k + 1
        elif it.kind is ItemKind.WORD and it.text in but_words and k > start + 1 and _group(out[start]) \
                and out[start + 1].kind is ItemKind.VERB:
            end = _robots_end(out, k + 1, joins)
            if end is not None and end + 1 < len(out) and out[end].kind is ItemKind.VERB \
                    and out[end + 1].kind is ItemKind.CONNECTIVE and out[end + 1].payload == "first" \
                    and (end + 2 >= len(out) or (out[end + 2].kind is ItemKind.PUNCT
                                                 and out[end + 2].payload in SENTENCE_END)) \
                    and _members(out[start], out[k + 1:end], robot_types) \
                    and not any(x.kind is ItemKind.ROBOT for x in out[start + 1:k]):
                group, robots = out[start], out[k + 1:end]
                step = out[start + 1:k - 1] if out[k - 1].kind is ItemKind.PUNCT else out[start + 1:k]
                first = out[end + 1]
                new = [*robots, *step, first, Item(ItemKind.PUNCT, first.end, first.end, ",", ","),
                       Item(ItemKind.CONNECTIVE, first.end, first.end, "sequence", "then"),
                       group, Item(ItemKind.MARK, group.end, group.end, "except", ""), *robots, *step]
                out[start:end + 2] = new
                k = start + len(new)
                continue
        k += 1
    return out


def _repeat_before(items: Sequence[Item], k: int) -> bool:
    """A repeat mark ("do the same") earlier in ``k``'s sentence, with only words, places and commas between."""
    for it in reversed(items[:k]):
        if it.kind is ItemKind.MARK and it.payload == "repeat":
            return True
        if it.kind not in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.PLACE, ItemKind.PUNCT) \
                or (it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END):
            return False
    return False


def _clause_after(items: Sequence[Item], k: int) -> bool:
    """A robot at ``k`` and a verb of its own after it, with only words or marks between, in the same sentence."""
    if k >= len(items) or items[k].kind is not ItemKind.ROBOT:
        return False
    for it in items[k + 1:]:
        if it.kind is ItemKind.VERB:
            return True
        if it.kind not in (ItemKind.WORD, ItemKind.MARK) or (it.kind is ItemKind.MARK and it.payload == "except"):
            return False
    return False


def fold_except_variations(items: Sequence[Item]) -> list[Item]:
    """Read "except (that)" after a repeat, before a robot's clause, as "but" (see the module docstring): the words
    become a filler mark, with an empty "but" after them that opens the clause."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        if it.kind is ItemKind.MARK and it.payload == "except" and _repeat_before(out, k):
            that = k + 1 < len(out) and out[k + 1].text.lower() == "that" and out[k + 1].kind is not ItemKind.ROBOT
            if _clause_after(out, k + 1 + that):
                but = Item(ItemKind.WORD, it.end, it.end, None, "but")
                out[k:k + 1 + that] = [filler_over(out[k:k + 1 + that]), but]
                k += 1
        k += 1
    return out
