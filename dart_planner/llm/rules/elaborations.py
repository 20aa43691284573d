"""A colon that names the robots an indefinite mention stood for: "a truck goes to each of them after
the digging there: truck 1 to soil 1, truck 3 to soil 2".

The clause before the colon gives the verb and the timing, the list after it says which robot goes
where. Read apart, "a truck" was one more, unnamed truck and the list a verbless afterthought (the
named trucks went at once, with no timing). Folded, the sentence reads "truck 1 goes to soil 1 and
truck 3 to soil 2 after the digging there", a verbless conjunct that shares the verb and its timing.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from typing import Any

from .mentions import RobotDesc
from .segment import SENTENCE_END, Item, ItemKind, sentence_start

__all__ = ["fold_colon_assignments", "fold_colon_headers", "fold_do_that_first", "fold_each_place_lists",
           "fold_group_colon_lists", "fold_trailing_place_pairs"]

_JOIN = frozenset({"and", ","})


def _pairs(items: Sequence[Item], j: int, tail: bool = False, preps: Container[str] = ("to",), bare: bool = False,
           verbed: bool = False) -> tuple[list[tuple[Item, Item, Item]], int]:
    """The "<named robot> to <named place>" pairs (or another of ``preps``) from ``j`` up to the sentence end, and
    that end; no pairs when anything else stands there. With ``tail``, the list may also end at a comma that
    something else follows ("excavator 2 to rock 1, both digging on arrival") or at a closing parenthesis: that
    is its end. With ``bare``, a pair may leave the word out ("truck 1 puddle 1, truck 2 puddle 2"); with
    ``verbed``, it may say a move verb ("truck 1 takes rock 1"), which the pair leaves out."""
    pairs: list[tuple[Item, Item, Item]] = []
    n = len(items)
    while j < n:
        it = items[j]
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            break
        if tail and len(pairs) >= 2 and it.kind is ItemKind.PUNCT and (
                it.payload == ")" or it.payload == "," and _pair_at(items, j + 1, preps, bare, verbed) is None):
            break
        if pairs and (it.kind is ItemKind.WORD and it.text == "and" or it.kind is ItemKind.PUNCT
                      and it.payload == ","):
            j += 1
            continue
        found = _pair_at(items, j, preps, bare, verbed)
        if found is None:
            return [], j
        pairs.append(found[0])
        j = found[1]
    return pairs, j


def _pair_at(items: Sequence[Item], j: int, preps: Container[str] = ("to",), bare: bool = False,
             verbed: bool = False) -> tuple[tuple[Item, Item, Item], int] | None:
    """The "<named robot> to <named place>" pair (or another of ``preps``) at ``j`` as (robot, word, place), and
    where it ends; None when none starts there. With ``bare`` the word may be left out ("truck 1 puddle 1"), with
    ``verbed`` a move verb may stand after the robot ("truck 1 takes rock 1"); the pair then reads "to" there.
    One matcher for every form, so that the list's end is found by the same test as its pairs: a list whose
    pairs were written differently ("truck 1 to puddle 1, truck 2 puddle 2") stopped before the third."""
    n = len(items)
    if not (j + 1 < n and items[j].kind is ItemKind.ROBOT and items[j].payload.form == "ids"
            and len(items[j].payload.ids) == 1):
        return None
    k = j + 1
    moved = verbed and items[k].kind is ItemKind.VERB and items[k].payload.target == "navigate"
    k += moved
    said = k < n and items[k].kind is ItemKind.WORD and items[k].text in preps
    k += said
    if not (k < n and items[k].kind is ItemKind.OBJECT and items[k].payload.form == "names"
            and (said or moved or bare)):
        return None
    to = items[k - 1] if said and not moved \
        else Item(ItemKind.WORD, items[j + 1].start, items[j + 1].start, None, "to")
    return (items[j], to, items[k]), k + 1


def _colon(it: Item) -> bool:
    """The colon that opens a list of robot-place pairs."""
    return it.kind is ItemKind.PUNCT and it.payload == ":"


_Rewrite = Callable[[list[Item], int, list[tuple[Item, Item, Item]], int, int], int | None]
"""Rewrites one colon list in place and says where to go on (None: leave it)."""


def _rewrite_colon_lists(items: Sequence[Item], rewrite: _Rewrite, tail: bool = False,
                         opens: Callable[[Sequence[Item], int], bool] | None = None,
                         verbed: bool = False) -> list[Item]:
    """Hand each colon (or item ``opens`` accepts) followed by two or more robot-place pairs to
    ``rewrite(out, colon, pairs, end, start)`` (``end``: one past the list; ``start``: the sentence's first item),
    which edits ``out`` in place and says where to go on, or returns None to leave that colon as it is."""
    opener = opens or (lambda xs, k: _colon(xs[k]))
    if not any(opener(items, k) for k in range(len(items))):
        return list(items)
    out = list(items)
    c = 0
    while c < len(out):
        if not opener(out, c):
            c += 1
            continue
        pairs, end = _pairs(out, c + 1, tail, bare=True, verbed=verbed)
        nxt = rewrite(out, c, pairs, end, sentence_start(out, c)) if len(pairs) >= 2 else None
        c = c + 1 if nxt is None else nxt
    return out


def fold_colon_assignments(items: Sequence[Item]) -> list[Item]:
    """Each "<a TYPE> <move verb> [to each of them] <timing>: <robot> to <place>, <robot> to <place>"
    as "<robot> <verb> to <place> and <robot> to <place> <timing>", when every listed robot is of the
    type and the clause names no place of its own."""
    def rewrite(out: list[Item], c: int, pairs: list[tuple[Item, Item, Item]], end: int, s: int) -> int | None:
        a = next((k for k in range(c - 1, s - 1, -1) if out[k].kind is ItemKind.ROBOT), -1)  # the clause's own robot
        if a < 0 or a + 1 >= c:
            return None
        d, verb = out[a].payload, out[a + 1]
        rest = out[a + 2:c]
        if not (d.form == "type" and d.det == "count" and d.count == 1 and not d.plural
                and verb.kind is ItemKind.VERB and verb.payload.target == "navigate"
                and all(r.payload.rtype == d.rtype for r, _, _ in pairs)
                and not any(it.kind in (ItemKind.ROBOT, ItemKind.VERB, ItemKind.PLACE)
                            or (it.kind is ItemKind.OBJECT and it.payload.form != "pronoun") for it in rest)):
            return None
        if rest and rest[0].kind is ItemKind.WORD and rest[0].text == "to" and len(rest) > 1 \
                and rest[1].kind is ItemKind.MARK and rest[1].payload == "each":
            rest = rest[2:]  # "to each of them": the places the list names
        new: list[Item] = []
        for k, (r, to, place) in enumerate(pairs):
            if k:
                new.append(Item(ItemKind.WORD, r.start, r.start, None, "and"))
            new += [r, verb, to, place] if not k else [r, to, place]
        out[a:end] = new + rest
        return a + len(new) + len(rest)

    return _rewrite_colon_lists(items, rewrite)


def _group_holds(d: RobotDesc, pairs: list[tuple[Item, Item, Item]]) -> bool:
    """The clause's robots can be the listed ones: a plural pronoun, or a group that names or types them all
    ("the excavators", "two excavators", "both trucks")."""
    if d.form == "pronoun":
        return d.pronoun in _GROUP_PRONOUNS
    if d.form == "ids":
        return len(d.ids) >= 2 and all(r.payload.ids[0] in d.ids for r, _, _ in pairs)
    return _group_of_pairs(d, pairs)


def _list_opener(items: Sequence[Item], k: int) -> bool:
    """A colon, or a comma (a dash, as the scanner reads it) or an opening parenthesis right after an indefinite
    place ("each head to a rock - excavator 2 to rock 1, ..."), which the list then names."""
    it = items[k]
    if _colon(it):
        return True
    return it.kind is ItemKind.PUNCT and it.payload in (",", "(") and k > 0 and (
        _indefinite_place(items[k - 1]) or _places_of_kind(items[k - 1]))


def _indefinite_place(it: Item) -> bool:
    """"a rock": one place of a kind, not yet named."""
    return it.kind is ItemKind.OBJECT and it.payload.form == "kind" and it.payload.det == "count"


def _places_of_kind(it: Item) -> bool:
    """"the puddles", "both rocks": the places of a kind, which a list after them spells out robot by robot."""
    return it.kind is ItemKind.OBJECT and it.payload.form == "kind" and it.payload.plural


def fold_group_colon_lists(items: Sequence[Item], modals: Container[str] = ()) -> list[Item]:
    """"Excavators 1 and 2 avoid rock 2, and then they go: excavator 1 to soil 1, excavator 2 to rock 1,
    both digging on arrival": a group that moves and a colon that says where each of it goes, read as
    "excavator 1 goes to soil 1 and excavator 2 to rock 1, ...". Read apart, the group went somewhere
    unsaid (the latest place) and the list was a verbless afterthought. So is "excavators 2 and 3 each head to
    a rock - excavator 2 to rock 1, excavator 3 to rock 2 - and dig" (the list names "a rock"); a verb after the
    list's "and" or "then" is the group's again ("and dig": both dig, not only the robot listed last). One of
    ``modals`` may stand before the group's verb ("the two trucks should inspect the rocks: truck 1 takes rock 1
    and truck 2 takes rock 2"), and a list that spells out places of a kind may say a move verb in each pair."""
    def rewrite(out: list[Item], c: int, pairs: list[tuple[Item, Item, Item]], end: int, s: int) -> int | None:
        a = next((k for k in range(c - 1, s - 1, -1) if out[k].kind is ItemKind.ROBOT), -1)
        v = a + 2 if a + 2 < c and out[a + 1].kind is ItemKind.MARK and out[a + 1].payload == "each" else a + 1
        while v < c and out[v].kind is ItemKind.WORD and out[v].text in modals:
            v += 1  # "the other two trucks should inspect the rocks: ..."
        if a < 0 or v >= c:
            return None
        group, verb, rest = out[a], out[v], out[v + 1:c]
        verbed = any(it.kind is ItemKind.VERB for it in out[c + 1:end])
        if len(rest) == 2 and rest[0].kind is ItemKind.WORD and rest[0].text == "to" and _indefinite_place(rest[1]) \
                and not verbed:
            rest = []  # "to a rock": the places the list names
        elif len(rest) == 1 and _places_of_kind(rest[0]) \
                and all(place.payload.kind == rest[0].payload.kind for _, _, place in pairs):
            rest = []  # "check the puddles: truck 1 puddle 1, truck 2 puddle 2": the places the list names
        elif not _colon(out[c]) or verbed:
            return None  # a verb said in each pair only spells out "the puddles", not any list after a colon
        if not (_group_holds(group.payload, pairs) and verb.kind is ItemKind.VERB
                and verb.payload.target == "navigate"
                and not any(it.kind in (ItemKind.ROBOT, ItemKind.VERB, ItemKind.PLACE, ItemKind.OBJECT)
                            for it in rest)):
            return None
        new: list[Item] = []
        for k, (r, to, place) in enumerate(pairs):
            if k:
                new.append(Item(ItemKind.WORD, r.start, r.start, None, "and"))
            new += [r, verb, to, place] if not k else [r, to, place]
        if out[c].payload == "(":
            if end >= len(out) or out[end].payload != ")":
                return None
            del out[end]  # the parenthesis closes with the list
        j = end + 1 if end < len(out) and out[end].kind is ItemKind.PUNCT and out[end].payload == "," else end
        if j + 1 < len(out) and (out[j].kind is ItemKind.WORD and out[j].text == "and"
                                 or out[j].kind is ItemKind.CONNECTIVE and out[j].payload == "sequence") \
                and out[j + 1].kind is ItemKind.VERB and out[j + 1].payload.target != "navigate":
            out.insert(j + 1, Item(ItemKind.ROBOT, out[j + 1].start, out[j + 1].start, group.payload, group.text))
        out[a:end] = new + rest
        return a + len(new) + len(rest)

    return _rewrite_colon_lists(items, rewrite, tail=True, opens=_list_opener, verbed=True)


_DO = frozenset({"do", "doing"})


def fold_do_that_first(items: Sequence[Item]) -> list[Item]:
    """"Once everyone has gone back to start (do that first), excavators 1 and 2 ...": a condition that
    a parenthesis tells to carry out first is an order, read as "everyone goes back to start. Then
    excavators 1 and 2 ...". As a condition alone, nothing made the robots go back."""
    out = list(items)
    k = 0
    while k < len(out):
        con = out[k]
        if not (con.kind is ItemKind.CONNECTIVE and con.payload == "anchor"
                and (k == 0 or out[k - 1].kind is ItemKind.PUNCT and out[k - 1].payload in SENTENCE_END)):
            k += 1
            continue
        p = next((j for j in range(k + 1, len(out)) if out[j].kind is ItemKind.PUNCT), len(out))
        if not (p + 5 < len(out) and out[p].payload == "(" and out[p + 1].kind is ItemKind.WORD
                and out[p + 1].text in _DO and out[p + 2].kind in (ItemKind.OBJECT, ItemKind.WORD)
                and out[p + 2].text in ("that", "this", "it")
                and out[p + 3].kind is ItemKind.CONNECTIVE and out[p + 3].payload == "first"
                and out[p + 4].kind is ItemKind.PUNCT and out[p + 4].payload == ")"
                and out[p + 5].kind is ItemKind.PUNCT and out[p + 5].payload == ","
                and any(it.kind is ItemKind.VERB for it in out[k + 1:p])):
            k += 1
            continue
        stop = Item(ItemKind.PUNCT, out[p].start, out[p + 4].end, ".", ".")
        then = Item(ItemKind.CONNECTIVE, out[p + 5].start, out[p + 5].end, "sequence", "then")
        out[k:p + 6] = [*out[k + 1:p], stop, then]
        k = p + 1
    return out


def _distinct_place(items: Sequence[Item], a: int, c: int, distinct: Container[str], leads: Container[str] = (),
                    articles: Container[str] = ()) -> tuple[int, int] | None:
    """``(first, end)`` of "a different place" after a "to" between ``a`` and ``c``: the words a robot's own
    place of a list stands for (``distinct``, ``leads``, ``articles``: the lexicon's ``distinct_place_words``,
    ``distinct_place_leads`` and ``distinct_place_articles``)."""
    for j in range(a, c - 1):
        if not (items[j].kind is ItemKind.WORD and items[j].text in leads):
            continue
        k = j + 1
        if items[k].kind is ItemKind.OBJECT and items[k].payload.form != "names" \
                and any(w in distinct for w in items[k].text.lower().split()):
            return k, k + 1  # "to a different soil pile": a kind of place, read as one mention
        if k + 1 < c and items[k].kind is ItemKind.WORD and items[k].text in articles:
            k += 1
        if k + 1 < c and items[k].kind is ItemKind.WORD and items[k].text in distinct \
                and (items[k + 1].kind is ItemKind.WORD
                     or items[k + 1].kind is ItemKind.OBJECT and items[k + 1].payload.form != "names"):
            return j + 1, k + 2
    return None


def fold_each_place_lists(items: Sequence[Item], distinct: Container[str], leads: Container[str] = (),
                          articles: Container[str] = ()) -> list[Item]:
    """"As soon as it is loaded, each truck takes its soil to a different place and unloads it there: truck 3 to
    rock 1, truck 1 to obstacle 1 and truck 2 to rock 2": the sentence is said once per pair of the list, with the
    pair's robot for "each truck" (and for a robot pronoun before it, the condition's "it") and the pair's place
    for "a different place": "As soon as truck 3 is loaded, truck 3 takes its soil to rock 1 and unloads it there.
    As soon as truck 1 is loaded, ...". Read as it stood, the list was a verbless afterthought and the clause had
    no place to go to. Only when every listed robot is of the type "each" names."""
    def rewrite(out: list[Item], c: int, pairs: list[tuple[Item, Item, Item]], end: int, s: int) -> int | None:
        a = next((k for k in range(s, c) if out[k].kind is ItemKind.ROBOT and out[k].payload.form == "type"
                  and out[k].payload.det == "each"), -1)
        span = _distinct_place(out, a, c, distinct, leads, articles) if a >= 0 else None
        if span is None or not all(r.payload.rtype == out[a].payload.rtype for r, _, _ in pairs):
            return None
        new: list[Item] = []
        for r, _, place in pairs:
            for k in range(s, c):
                it = out[k]
                if k == a or (k < a and it.kind is ItemKind.ROBOT and it.payload.form == "pronoun"
                              and it.payload.pronoun == "it"):
                    new.append(Item(ItemKind.ROBOT, it.start, it.end, r.payload, r.text))
                elif k == span[0]:
                    new.append(place)
                elif span[0] < k < span[1]:
                    continue
                else:
                    new.append(it)
            new.append(Item(ItemKind.PUNCT, out[c].start, out[c].end, ".", "."))
        if end < len(out) and out[end].kind is ItemKind.PUNCT:
            end += 1  # the list's own full stop: each copy has one
        out[s:end] = new
        return s + len(new)

    return _rewrite_colon_lists(items, rewrite)


_PAIR_PREPS = ("at", "to")
_GROUP_PRONOUNS = frozenset({"they", "both", "them"})
_THING_PRONOUNS = frozenset({"it", "they", "that"})  # "dump *them*": after the verb, the loads


def _group_of_pairs(group: Any, pairs: Sequence[tuple[Item, Item, Item]]) -> bool:
    """Whether every robot of ``pairs`` can be one of the plural mention ``group`` ("the trucks", "both trucks",
    "trucks 2 and 3", "they")."""
    if group.form == "ids":
        return len(group.ids) == len(pairs) and {r.payload.ids[0] for r, _, _ in pairs} == set(group.ids)
    if group.form == "pronoun":  # "they": the robots are not known yet; at least one kind of robot is listed
        return group.pronoun in _GROUP_PRONOUNS and len({r.payload.rtype for r, _, _ in pairs}) == 1
    if group.form != "type" or not (group.plural or group.det in ("both", "each")) \
            or group.det in ("another", "remaining"):
        return False
    if group.det == "count" and group.count != len(pairs):
        return False
    return all(r.payload.rtype == group.rtype for r, _, _ in pairs)


def _clause_start(items: Sequence[Item], s: int, k: int, inverted: Container[str]) -> int:
    """Where the main clause before the comma at ``k`` starts, in the sentence from ``s``: after an anchor that opened
    the sentence ("Once both have finished digging, trucks 2 and 3 drive out, ...") or at its inverted auxiliary ("Only
    after both have dug do trucks 2 and 3 drive out, ..."), so the anchor's robots are not the clause's subject."""
    if not (s < k and items[s].kind is ItemKind.CONNECTIVE and items[s].payload == "anchor"):
        return s
    for j in range(k - 1, s, -1):
        x = items[j]
        if (x.kind is ItemKind.PUNCT and x.payload == ",") or (x.kind is ItemKind.WORD and x.text in inverted):
            return j + 1
    return s


def _without_listed_places(rest: list[Item], pairs: Sequence[tuple[Item, Item, Item]]) -> list[Item]:
    """``rest`` less a last "(at) the obstacles" / "both puddles" that the pairs after it spell out place by place
    ("the trucks check the obstacles, truck 1 at obstacle 1 and truck 2 at obstacle 2"): each copy goes to its own
    place only. Read with it, the group went to every obstacle and the pairs were one more move each."""
    if len(pairs) < 2 or not rest or not _places_of_kind(rest[-1]) \
            or any(place.payload.kind != rest[-1].payload.kind for _, _, place in pairs):
        return rest
    cut = len(rest) - 1
    if cut and rest[cut - 1].kind is ItemKind.WORD and rest[cut - 1].text in _PAIR_PREPS:
        cut -= 1  # "dig at the soil piles, excavator 1 at soil 1 ...": the pair says its own "at"
    return rest[:cut]


def fold_trailing_place_pairs(items: Sequence[Item], motion: Container[str],
                              inverted: Container[str] = (), modals: Container[str] = (),
                              asides: Container[str] = ()) -> list[Item]:
    """"Then the trucks take their loads away and dump them, truck 2 at puddle 2 and truck 3 at obstacle 2": a clause
    of several robots ("the trucks", "both", "each truck") that names no place, followed after a comma by one "<robot>
    at/to <place>" per robot, is said once per robot with its place at the end, the copies joined by ", and" so they
    share the clause's timing: "Then truck 2 takes its load away and dumps it at puddle 2, and truck 3 ... at obstacle
    2". Read as it stood, the group dumped where it was and each pair was a gapped clause that repeated the dump.
    Only for a simple clause (one robot mention before its verbs, no connective or punctuation inside) whose verbs
    are moves, digs or dumps (``motion``: their targets; "the excavators dig: excavator 1 at soil 1 and excavator 2
    at soil 2" as well, with a colon); a "then" right after the robot ("the trucks then dump ...") goes
    with each copy, where it continues that robot's own chain. ``inverted``: the auxiliaries that open the main clause
    after an anchor said first ("only after X *do* trucks 2 and 3 drive out, ..."). One of ``modals`` may stand before
    the verb, and a "first" may end the clause ("two trucks should check both puddles first, truck 1 at puddle 1 and
    truck 2 at puddle 2"): it goes before the copies, which it orders together. Left as it stood, the unnamed two
    trucks checked both puddles and then trucks 1 and 2 checked them again. The list may be followed by an aside
    that one of ``asides`` opens (", since the rain filled them"), which stays after it."""
    out = list(items)
    k = 0
    while k < len(out):
        if not (out[k].kind is ItemKind.PUNCT and out[k].payload in (",", ":")):
            k += 1
            continue
        pairs, end = _pairs(out, k + 1, tail=True, preps=_PAIR_PREPS)
        if not _list_end(out, end, asides):
            pairs = []
        s = sentence_start(out, k)
        a = next((j for j in range(_clause_start(out, s, k, inverted), k) if out[j].kind is ItemKind.ROBOT), -1)
        first = _trailing_first(out, a, k)
        rest = _without_listed_places(out[a + 1:k - len(first)] if a >= 0 else [], pairs)
        then = rest[:1] if rest and rest[0].kind is ItemKind.CONNECTIVE and rest[0].payload == "sequence" else []
        lead = len(then)
        while lead < len(rest) and rest[lead].kind is ItemKind.WORD and rest[lead].text in modals:
            lead += 1  # "two trucks *should* check ..."
        verbs = [it for it in rest if it.kind is ItemKind.VERB]
        if len(pairs) < 2 or a < 0 or not verbs or rest[lead].kind is not ItemKind.VERB \
                or not _group_of_pairs(out[a].payload, pairs) \
                or any(v.payload.target not in motion for v in verbs) \
                or any(it.kind in (ItemKind.PLACE, ItemKind.CONNECTIVE, ItemKind.PUNCT)
                       or (it.kind is ItemKind.OBJECT and it.payload.form != "pronoun")
                       or (it.kind is ItemKind.ROBOT and not (it.payload.form == "pronoun"
                                                               and it.payload.pronoun in _THING_PRONOUNS))
                       for it in rest[lead:]):
            k += 1
            continue
        new = [*out[s:a], *first]
        for n, (r, prep, place) in enumerate(pairs):
            if n:
                new += [Item(ItemKind.PUNCT, r.start, r.start, ",", ","), Item(ItemKind.WORD, r.start, r.start, None,
                                                                              "and")]
            new += [r, *rest, prep, place]
        out[s:end] = new
        k = s + len(new)
    return out


def _list_end(items: Sequence[Item], end: int, asides: Container[str]) -> bool:
    """The list of pairs ends its sentence at ``end``, or only an aside one of ``asides`` opens follows it."""
    if end >= len(items) or items[end].kind is ItemKind.PUNCT and items[end].payload in SENTENCE_END:
        return True
    return items[end].kind is ItemKind.PUNCT and items[end].payload == "," and end + 1 < len(items) \
        and items[end + 1].kind is ItemKind.WORD and items[end + 1].text in asides


def _trailing_first(items: Sequence[Item], a: int, k: int) -> list[Item]:
    """The "first" that ends the clause of the robot at ``a`` right before the comma at ``k`` ("... check both
    puddles first, truck 1 at ..."), or none."""
    if a < 0 or k - 1 <= a:
        return []
    it = items[k - 1]
    return [it] if it.kind is ItemKind.CONNECTIVE and it.payload == "first" else []


def fold_colon_headers(items: Sequence[Item]) -> list[Item]:
    """"When both excavators have finished, the trucks split up: truck 1 goes to soil 1 and truck 2 goes to rock 1":
    a clause of a group and no work ("split up", "head out", "do the following") before a colon that opens clauses of
    the group's own robots only heads them; it goes, so that they are the clause its anchor or connective governs.
    Kept, the colon ended the sentence and the list lost the timing (the moves started at once), and a move verb of
    the heading sent the whole group to the first place listed."""
    out = list(items)
    c = 0
    while c < len(out):
        h = _colon_header(out, c) if _colon(out[c]) else None
        if h is None:
            c += 1
            continue
        del out[h:c + 1]
        c = h
    return out


def _colon_header(items: Sequence[Item], c: int) -> int | None:
    """Where the heading that the colon at ``c`` closes starts, or None when the words before it are no heading."""
    h = c - 1
    while h >= 0 and (items[h].kind is ItemKind.WORD
                      or (items[h].kind is ItemKind.VERB and items[h].payload.target == "navigate")):
        h -= 1
    if h < 0 or h == c - 1 or items[h].kind is not ItemKind.ROBOT or not _plural_group(items[h].payload):
        return None  # no heading without a predicate: "Heads up, everyone: ..." addresses the fleet
    before = items[h - 1] if h else None
    if before is not None and not (before.kind is ItemKind.CONNECTIVE and before.payload in ("sequence", "final") or (
            before.kind is ItemKind.PUNCT and before.payload in (",", *SENTENCE_END))):
        return None  # inside a clause ("excavator 1 digs and the trucks wait: ..."), or an anchor's ("after they ...")
    after = items[c + 1:c + 3]
    if len(after) < 2 or after[0].kind is not ItemKind.ROBOT or after[1].kind is not ItemKind.VERB:
        return None
    return h if _in_group(after[0].payload, items[h].payload) else None


def _plural_group(d: RobotDesc) -> bool:
    """Several robots: "the trucks", "trucks 1 and 2", "they"."""
    if d.form == "pronoun":
        return d.pronoun in _GROUP_PRONOUNS
    if d.form == "ids":
        return len(d.ids) >= 2
    return d.form == "fleet" or (d.form == "type" and (d.plural or d.count >= 2))


def _in_group(d: RobotDesc, group: RobotDesc) -> bool:
    """The robot named after the colon can be one of the heading's group."""
    if d.form == "pronoun":
        return False
    if group.form == "ids":
        return d.form == "ids" and set(d.ids) <= set(group.ids)
    if group.form == "type":
        return d.rtype == group.rtype
    return True
