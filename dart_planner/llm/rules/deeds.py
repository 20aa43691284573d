"""Robots referred to by what they did: "the truck that inspected puddle 1", "the excavator that dug
at rock 1", "the truck which went to soil 2".

A definite type mention followed by a relative pronoun and a verb with an object is a description,
not an order: the robot meant is the one of that type that an earlier clause gave the same verb at
the same object. Without this, "the truck" meant whichever truck was named last, and the relative
clause was read as new work for it ("inspects puddle 1" again). The description is folded into one
mention of the named robot; when no earlier deed matches, or several robots did it, the words are
left as they were (the usual reading applies).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .lexicon import Lexicon
from .mentions import ObjectDesc, RobotDesc
from .segment import Item, ItemKind

__all__ = ["fold_deed_references", "fold_group_deeds", "fold_indefinite_loaded"]

_RELATIVE = frozenset({"that", "which", "who"})
_PREPS = frozenset({"at", "in", "to", "from", "on", "near", "by"})
_LOADING = frozenset({"unload_bucket", "load"})
_GROUP_DETS = frozenset({"the", "all", "bare", "every"})
_NOT_DEEDS = frozenset({"return_to_start", "add_keepout", "remove_keepout"})
# what a phrase of the work done may be read as: plain words, or a verb or event noun ("did the last *load*",
# "did the *digging*")
_PHRASE_KINDS = frozenset({ItemKind.WORD, ItemKind.VERB, ItemKind.EVENT})


def _relative_at(items: Sequence[Item], j: int) -> bool:
    if j >= len(items):
        return False
    it = items[j]
    if it.kind is ItemKind.WORD:
        return it.text in _RELATIVE
    return it.kind is ItemKind.OBJECT and it.payload.form == "pronoun" and it.payload.pronoun in _RELATIVE \
        or it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.text in _RELATIVE


def _object_after(items: Sequence[Item], j: int) -> tuple[str, ...] | None:
    """Names of the object the verb at ``j`` acts on: the named object right after it (prepositions
    between), or None."""
    k = j + 1
    while k < len(items) and items[k].kind is ItemKind.WORD and items[k].text in _PREPS:
        k += 1
    if k < len(items) and items[k].kind is ItemKind.OBJECT:
        o: ObjectDesc = items[k].payload
        if o.form == "names" and o.names:
            return o.names
    return None


def _description(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[str, tuple[str, ...], int] | None:
    """(verb target, object names, index of the object) for "the <type> that <verb> <object>" at ``k``."""
    d = items[k].payload
    if d.form != "type" or d.det != "the" or d.plural or d.count:
        return None
    j = k + 1
    if not _relative_at(items, j):
        return None
    j += 1
    while j < len(items) and items[j].kind is ItemKind.WORD and items[j].text in lex.deed_auxiliaries:
        j += 1
    if j >= len(items) or items[j].kind is not ItemKind.VERB:
        return None
    names = _object_after(items, j) or _the_one_named(items, j, k)
    if names is None:
        return _place_description(items, k, j, lex.robot_place_pronouns)
    end = j + 1
    while items[end].kind is not ItemKind.OBJECT:
        end += 1
    return items[j].payload.target, names, end


def _the_one_named(items: Sequence[Item], j: int, k: int) -> tuple[str, ...] | None:
    """The name of the object "the <kind>" right after the verb at ``j`` stands for, when it is the one object of that
    kind named before ``k`` ("another truck checks puddle 1. ... the truck that checked *the puddle*": puddle 1).
    Left unnamed, the description was read as new work: the truck named last checked the puddle again."""
    o = j + 1
    while o < len(items) and items[o].kind is ItemKind.WORD and items[o].text in _PREPS:
        o += 1
    if o >= len(items) or items[o].kind is not ItemKind.OBJECT:
        return None
    said: ObjectDesc = items[o].payload
    if said.form != "kind" or said.det != "the" or said.plural:
        return None
    named = {n for it in items[:k] if it.kind is ItemKind.OBJECT and it.payload.form == "names"
             and it.payload.kind == said.kind for n in it.payload.names}
    return (named.pop(),) if len(named) == 1 else None


def _as_named(it: Item, names: tuple[str, ...]) -> Item:
    """The object ``it`` as the object ``names`` it stands for ("the puddle": puddle 1), so that the place read with
    the robot is the place of the deed."""
    o: ObjectDesc = it.payload
    if it.kind is not ItemKind.OBJECT or o.form != "kind" or not names:
        return it
    return Item(it.kind, it.start, it.end, ObjectDesc("names", names, o.kind), it.text)


def _place_description(items: Sequence[Item], k: int, v: int,
                       pronouns: Container[str]) -> tuple[str, tuple[str, ...], int] | None:
    """("", (), index of "there") for "the <type> that <verb> there": a deed told by its place alone
    (``pronouns``: the lexicon's ``robot_place_pronouns``)."""
    j = v + 1
    if j < len(items) and items[j].kind is ItemKind.OBJECT and items[j].payload.form == "pronoun" \
            and items[j].payload.pronoun in pronouns:
        return "", (), j
    return None


def _doer(items: Sequence[Item], v: int, rtype: str) -> str | None:
    """The one robot of ``rtype`` that is the subject of the verb at ``v``: the nearest robot mention
    before it in its clause, named by id."""
    for k in range(v - 1, -1, -1):
        it = items[k]
        if it.kind is ItemKind.PUNCT and it.payload not in (",", "(", ")"):
            return None
        if it.kind is ItemKind.CONNECTIVE and it.payload != "sequence":
            return None  # "truck 1 then goes to rock 1 and is loaded": still truck 1's clause
        if it.kind is ItemKind.ROBOT:
            d: RobotDesc = it.payload
            if d.form == "ids" and d.rtype == rtype and len(d.ids) == 1:
                return d.ids[0]
            return None
    return None


def _deed_object(items: Sequence[Item], v: int) -> tuple[str, ...] | None:
    """Where the deed of the verb at ``v`` happened: its own object, or else the named object its
    clause moved to before it ("excavator 3 goes to rock 1 and digs": dug at rock 1)."""
    names = _object_after(items, v)
    if names is not None:
        return names
    for k in range(v - 1, -1, -1):
        it = items[k]
        if it.kind is ItemKind.PUNCT and it.payload not in (",",) or it.kind in (ItemKind.CONNECTIVE, ItemKind.ROBOT):
            return None
        if it.kind is ItemKind.OBJECT:
            o: ObjectDesc = it.payload
            return o.names if o.form == "names" and len(o.names) == 1 else None
    return None


def _done_in_place(items: Sequence[Item], v: int) -> bool:
    """Whether the verb at ``v`` names no place of its own: an in-place phrase after it ("digs *right where it is*"),
    only "it" ("breaks *it* up", its clause naming no place) or nothing at all before its clause ends."""
    nxt = items[v + 1] if v + 1 < len(items) else None
    return nxt is None or nxt.kind is ItemKind.MARK and nxt.payload == "in_place" \
        or nxt.kind is ItemKind.PUNCT and nxt.payload in (".", "!", ";") \
        or nxt.kind in (ItemKind.ROBOT, ItemKind.OBJECT) and nxt.payload.form == "pronoun" \
        and nxt.payload.pronoun == "it"


def _standing_place(items: Sequence[Item], v: int, rid: str, rtype: str) -> tuple[str, ...] | None:
    """The one named place robot ``rid`` (of ``rtype``) was said to stand at already before ``v`` ("excavator 3 is
    already at soil 1"), when no verb of its moves it between; None otherwise."""
    place: tuple[str, ...] | None = None
    for k in range(v):
        it = items[k]
        if it.kind is ItemKind.MARK and it.payload == "already" and k + 1 < v \
                and items[k + 1].kind is ItemKind.OBJECT and items[k + 1].payload.form == "names" \
                and len(items[k + 1].payload.names) == 1 and _doer(items, k, rtype) == rid:
            place = items[k + 1].payload.names
        elif place is not None and it.kind is ItemKind.VERB and it.payload.target == "navigate" \
                and _doer(items, k, rtype) == rid:
            place = None
    return place


def _deed_doers(items: Sequence[Item], upto: int, target: str, names: tuple[str, ...], rtype: str) -> set[str]:
    doers: set[str] = set()
    for v in range(upto):
        it = items[v]
        if it.kind is not ItemKind.VERB or it.payload.target != target:
            continue
        rid = _doer(items, v, rtype)
        if rid is None:
            continue
        done_at = _deed_object(items, v)
        if done_at is None and _done_in_place(items, v):
            # "excavator 3 (is already at soil 1) digs right where it is"
            done_at = _standing_place(items, v, rid, rtype)
        if done_at == names:
            doers.add(rid)
    return doers


def _loaded_by_then(items: Sequence[Item], upto: int, rtype: str, listed: bool = False) -> list[str]:
    """The robots of ``rtype`` named as loaded before ``upto``, in order: the robot after an active
    loading verb ("excavator 3 loads truck 1") or the subject of a passive one ("truck 1 is loaded by
    ..."); with ``listed`` also the robots listed after the first ("loads truck 1 and truck 2")."""
    found: list[str] = []
    for v in range(upto):
        it = items[v]
        if it.kind is not ItemKind.VERB or it.payload.target not in _LOADING:
            continue
        rids: list[str] = []
        if it.payload.role == "passive_load":
            rid = _doer(items, v, rtype)
            rids = [rid] if rid is not None else []
        else:
            j = v + 1
            while j < upto and items[j].kind is ItemKind.ROBOT:
                d = items[j].payload
                if not (d.form == "ids" and d.rtype == rtype and (listed or len(d.ids) == 1)):
                    break
                rids += list(d.ids)
                if not listed or j + 2 >= upto or items[j + 1].text not in _LIST_JOINS:
                    break
                j += 2
        for r in rids:  # "loads truck 1 and truck 2, truck 1 first": each truck once
            if r not in found:
                found.append(r)
    return found


_LIST_JOINS = frozenset({"and", ",", "&", "+"})


def _loaded_in_turn(items: Sequence[Item], upto: int, rtype: str) -> list[str]:
    """The robots of ``rtype`` that the latest loading before ``upto`` names one by one, in the order said ("loads
    truck 3 first and truck 1 right after it", "loads truck 3 first, then truck 1"); empty when it names fewer
    than two."""
    found: list[str] = []
    for v in range(upto):
        it = items[v]
        if it.kind is not ItemKind.VERB or it.payload.target not in _LOADING or it.payload.role == "passive_load":
            continue
        rids: list[str] = []
        for x in items[v + 1:upto]:
            if x.kind is ItemKind.ROBOT and x.payload.form == "ids" and x.payload.rtype == rtype:
                rids += [r for r in x.payload.ids if r not in rids]
            elif x.kind in (ItemKind.VERB, ItemKind.EVENT, ItemKind.OBJECT, ItemKind.PLACE) or (
                    x.kind is ItemKind.PUNCT and x.payload != ","):
                break
        if len(rids) > 1:
            found = rids
    return found


def _turn_picked(items: Sequence[Item], k: int, last: int, rtype: str, lex: Lexicon) -> str | None:
    """The robot that "the truck that was loaded <first / second / last>" (``k`` .. ``last``, the order word
    after it) picks among the trucks loaded in turn before it; None when no order word follows or it picks
    none of them."""
    if last + 1 >= len(items):
        return None
    word = items[last + 1].text.lower()
    order = _loaded_in_turn(items, k, rtype)
    if len(order) < 2:
        return None
    if word in lex.loaded_last_words:
        return order[-1]
    n = lex.ordinals.get(word, 0)
    return order[n - 1] if 0 < n <= len(order) else None


def _loaded_group(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[int, bool] | None:
    """(first index, distributive) of "each loaded truck", "both loaded trucks", "the loaded trucks"
    ending at the robot at ``k``; None if it is not such a mention."""
    d: RobotDesc = items[k].payload
    if d.form != "type" or d.count:
        return None
    if d.det == "the" and d.plural and lex.loaded_words & set(items[k].text.split()):
        return k, False  # "the loaded trucks", "the full trucks"
    if d.det not in ("bare", "the") or k < 2 or items[k - 1].kind not in (ItemKind.VERB, ItemKind.EVENT) \
            or items[k - 1].text not in lex.loaded_words:
        return None
    q = items[k - 2]
    if q.text.lower() not in lex.loaded_quantifiers or q.kind not in (ItemKind.WORD, ItemKind.MARK, ItemKind.ROBOT):
        return None
    return k - 2, q.text.lower() in ("each", "every")


def _loaded_description(items: Sequence[Item], k: int, lex: Lexicon) -> int:
    """Index of the last item of "the loaded truck" / "the truck that was loaded" at ``k``; -1 if
    the mention at ``k`` is not one."""
    d: RobotDesc = items[k].payload
    if d.form != "type" or d.det != "the" or d.plural or d.count:
        return -1
    if lex.loaded_words & set(items[k].text.split()):
        return k
    j = k + 1
    if _relative_at(items, j) and j + 1 < len(items) and items[j + 1].kind is ItemKind.VERB \
            and items[j + 1].payload.role == "passive_load" and _object_after(items, j + 1) is None:
        return j + 1
    return -1


def _empty_reference(items: Sequence[Item], k: int, lex: Lexicon) -> Item | None:
    """"Trucks 2 and 3 go to soil 1, excavator 1 loads truck 2. Then ... the empty truck goes home.": "the empty
    truck" (lexicon ``empty_words``) is the one truck named so far that was not loaded (truck 3), not the truck
    named last. When that is not one robot named by number, or a truck has tipped its load before (then "empty"
    may mean that one; unless that was "the loaded truck" set against it), the words are refused, naming them;
    None when the mention at ``k`` is no such words."""
    it = items[k]
    d: RobotDesc = it.payload
    if d.form != "type" or d.det != "the" or d.plural or d.count or not lex.empty_words & set(it.text.split()):
        return None
    before = items[:k]
    named = [r for x in before if x.kind is ItemKind.ROBOT and x.payload.form == "ids" and x.payload.rtype == d.rtype
             for r in x.payload.ids]
    loaded = set(_loaded_by_then(items, k, d.rtype, listed=True))
    left = list(dict.fromkeys(r for r in named if r not in loaded))
    unnamed = any(x.kind is ItemKind.ROBOT and x.payload.form == "type" and x.payload.rtype == d.rtype
                  and x.payload.det != "the" for x in before)
    # a tipping said of "the loaded truck" it is set against ("the loaded truck dumps ... and the empty truck ...")
    # leaves the others empty still
    said_loaded = [n for n, x in enumerate(before)
                   if x.kind is ItemKind.ROBOT and lex.loaded_words & set(x.text.split())]
    tipped = any(x.kind in (ItemKind.VERB, ItemKind.EVENT) and getattr(x.payload, "target", getattr(
        x.payload, "action", "")) == "dump" for x in before[:said_loaded[-1] if said_loaded else k])
    if len(left) == 1 and not unnamed and not tipped:
        return Item(ItemKind.ROBOT, it.start, it.end, RobotDesc("ids", (left[0],), d.rtype), it.text)
    return Item(ItemKind.UNKNOWN, it.start, it.end,
                f"{it.text!r}: which robot is meant is not clear (name it by number)", it.text)


def _any_loading(items: Sequence[Item], upto: int) -> bool:
    """Whether anything before ``upto`` loads a truck: with none, "the loaded truck" points at no robot, and
    reading it as a new unnamed truck would add a robot the instruction never sent."""
    return any(x.kind in (ItemKind.VERB, ItemKind.EVENT)
               and getattr(x.payload, "target", getattr(x.payload, "action", "")) in _LOADING for x in items[:upto])


def _apposed(items: Sequence[Item], k: int, last: int) -> bool:
    """A robot by number set beside the description at ``k`` .. ``last`` by a mark ("the truck that got loaded last
    night (dump truck 2)", "dump truck 3 - the truck that got loaded yesterday -"): that robot is the one meant."""
    def named(j: int) -> bool:
        return 0 <= j < len(items) and items[j].kind is ItemKind.ROBOT and items[j].payload.form == "ids"

    def mark(j: int) -> bool:
        return 0 <= j < len(items) and items[j].kind is ItemKind.PUNCT

    after = next((j for j in range(last + 1, min(last + 5, len(items))) if mark(j)), -1)
    return (mark(k - 1) and named(k - 2)) or (after >= 0 and named(after + 1))


def _unclear(it: Item, end: int) -> Item:
    """The refusal of a robot description that picks no robot named before, naming its words."""
    return Item(ItemKind.UNKNOWN, it.start, end,
                f"{it.text!r}: which robot is meant is not clear (name it by number)", it.text)


def fold_deed_references(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Replace each "the <type> that <verb> <object>" whose deed an earlier clause names by a mention
    of the robot that did it (see the module doc)."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        empty = _empty_reference(out, k, lex) if it.kind is ItemKind.ROBOT else None
        if empty is not None:
            out[k] = empty
        elif it.kind is ItemKind.ROBOT:
            desc = _description(out, k, lex)
            last = _loaded_description(out, k, lex) if desc is None else -1
            group = _loaded_group(out, k, lex) if desc is None and last < 0 else None
            if group is not None:
                first, each = group
                d1: RobotDesc = it.payload
                many = _loaded_by_then(out, first, d1.rtype, listed=True)
                if len(many) > 1:  # "each loaded truck", "the loaded trucks": every truck loaded so far
                    head = first + 1 if each else first  # "each" stays a word of its own, after the robots
                    named1 = Item(ItemKind.ROBOT, out[head].start, it.end, RobotDesc("ids", tuple(many), d1.rtype),
                                  " ".join(x.text for x in out[head:k + 1]))
                    mark = [Item(ItemKind.MARK, out[first].start, out[first].end, "each", out[first].text)] \
                        if each else []
                    out[first:k + 1] = [named1, *mark]  # as "trucks 1 and 2 each ..."
                    k = first + len(mark)
            elif last >= 0:
                d0: RobotDesc = it.payload
                loaded = _loaded_by_then(out, k, d0.rtype)
                turn = _turn_picked(out, k, last, d0.rtype, lex)
                if turn is not None:  # "the truck that was loaded second": by its place in the order of loading
                    out[k:last + 2] = [Item(ItemKind.ROBOT, it.start, out[last + 1].end,
                                            RobotDesc("ids", (turn,), d0.rtype), it.text)]
                elif len(loaded) == 1:  # "the loaded truck": the one truck said to be loaded so far
                    named0 = RobotDesc("ids", (loaded[0],), d0.rtype)
                    out[k:last + 1] = [Item(ItemKind.ROBOT, it.start, out[last].end, named0, it.text)]
                elif not _any_loading(out, k) and not _apposed(out, k, last):
                    out[k:last + 1] = [_unclear(it, out[last].end)]
            elif desc is not None:
                target, names, end = desc
                d: RobotDesc = it.payload
                doers = _deed_doers(out, k, target, names, d.rtype) if names else set()
                if len(doers) != 1 and not it.payload.ids and (
                        not names or any(x.kind is ItemKind.ROBOT and x.payload.form == "type"
                                         and x.payload.rtype == d.rtype and x.payload.det != "the"
                                         for x in out[:k])):
                    # "the excavator that dug there / at soil 1", said of robots named by type: the one of that
                    # type at that place ("the excavator there", "the excavator" + the place: see
                    # Interpreter.locative_subjects)
                    out[k:end + 1] = [it, _as_named(out[end], names)]
                    k += 2
                    continue
                if len(doers) == 1:
                    rid = doers.pop()
                    named = RobotDesc("ids", (rid,), d.rtype)
                    out[k:end + 1] = [Item(ItemKind.ROBOT, it.start, out[end].end, named, it.text)]
        k += 1
    return out


def _group_head(d: RobotDesc) -> bool:
    """A mention that may be told by a deed of its robots: the fleet ("everyone", "all the machines") or a
    plural robot noun ("the excavators", "all trucks", "the two excavators")."""
    return d.form == "fleet" or d.form == "type" and d.plural and d.det in _GROUP_DETS


def _single_head(d: RobotDesc) -> bool:
    """"the excavator": one robot, told by a deed only when no place says which (fold_deed_references
    reads "the excavator that dug at soil 1")."""
    return d.form == "type" and d.det == "the" and not d.plural and not d.count


def _deed_words(items: Sequence[Item], j: int, lex: Lexicon) -> tuple[int, bool, bool]:
    """(index of the first item after the auxiliaries, whether a negation was among them, whether a passive
    auxiliary was: "that were not loaded") from ``j``."""
    negated = passive = False
    while j < len(items) and items[j].kind in (ItemKind.WORD, ItemKind.MARK) \
            and (items[j].text.lower() in lex.deed_auxiliaries or items[j].text.lower() in lex.deed_negations):
        negated = negated or items[j].text.lower() in lex.deed_negations
        word = items[j].text.lower()
        passive = passive or word in lex.passive_auxiliaries or word.endswith("n't") and word[:-3] in \
            lex.passive_auxiliaries  # "that weren't loaded"
        j += 1
    return j, negated, passive


def _has_object(items: Sequence[Item], j: int) -> bool:
    """Whether the verb at ``j`` has an object of any form after it (prepositions between; "inspected it")."""
    k = j + 1
    while k < len(items) and items[k].kind is ItemKind.WORD and items[k].text in _PREPS:
        k += 1
    return k < len(items) and (items[k].kind is ItemKind.OBJECT or items[k].kind is ItemKind.ROBOT
                               and items[k].payload.form == "pronoun")


def _group_deed(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[RobotDesc, int] | None:
    """(the description, index of its last item) for "<group> that <verb> [at <object>]" at ``k``: the deed
    (lexicon ``deed_work_words`` for work of any kind) and where it was done; None if there is none."""
    d: RobotDesc = items[k].payload
    single = _single_head(d)
    if not (_group_head(d) or single) or not _relative_at(items, k + 1):
        return None
    j, negated, passive_aux = _deed_words(items, k + 2, lex)
    if j >= len(items):
        return None
    it = items[j]
    count = 1 if single else d.count
    if it.kind is ItemKind.WORD and it.text in lex.deed_work_words:
        return RobotDesc("deed", rtype=d.rtype, count=count, plural=not single, deed="any",
                         deed_negated=negated), j
    job = _job_phrase_end(items, j, lex.deed_job_phrases)
    if job >= 0:
        return RobotDesc("deed", rtype=d.rtype, count=count, plural=not single, deed="job",
                         deed_negated=negated), job
    if it.kind is not ItemKind.VERB or it.payload.target in _NOT_DEEDS:
        return None
    names = _object_after(items, j) or ()
    passive = it.payload.role == "passive_load" or passive_aux and it.payload.target in _LOADING
    if single and not negated and (passive or _has_object(items, j)):
        return None  # "the truck that went to soil 1 / that was loaded / that inspected it": fold_deed_references
    end = j
    if names:
        end = j + 1
        while items[end].kind is not ItemKind.OBJECT:
            end += 1
    return RobotDesc("deed", rtype=d.rtype, count=count, plural=not single, deed=it.payload.target,
                     deed_objects=names, deed_passive=passive, deed_negated=negated), end


def _job_phrase_end(items: Sequence[Item], j: int, phrases: Container[str]) -> int:
    """Index of the last item of a phrase of the work done at ``j`` (``phrases``: the lexicon's ``deed_job_phrases``,
    plain words: "the truck that did *the job*"), or -1. Without it the "that" of the relative clause was a place
    pronoun, and the robot was sent to the place named last."""
    for n in (3, 2, 1):
        part = items[j:j + n]
        if len(part) == n and all(x.kind in _PHRASE_KINDS for x in part) \
                and " ".join(x.text.lower() for x in part) in phrases:
            return j + n - 1
    return -1


def fold_group_deeds(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Fold "the robots that dug", "everyone who worked", "the trucks that were loaded" into one mention read off
    the steps planned before it (``RobotDesc.deed``): without this the fleet noun stood for the whole fleet and
    the relative clause was read as new work for it ("the excavators that dug go back" dug again)."""
    out = list(items)
    for k in range(len(out) - 1, -1, -1):
        if out[k].kind is not ItemKind.ROBOT:
            continue
        found = _group_deed(out, k, lex)
        if found is not None:
            desc, end = found
            text = " ".join(x.text for x in out[k:end + 1])
            out[k:end + 1] = [Item(ItemKind.ROBOT, out[k].start, out[end].end, desc, text)]
    return out


def _plural_loading_before(items: Sequence[Item], upto: int) -> bool:
    """A loading before ``upto`` of several robots at once ("loads the trucks", "loads them one after the other",
    "loads trucks 1 and 2")."""
    for v in range(upto - 1):
        it, nxt = items[v], items[v + 1]
        if it.kind is ItemKind.VERB and it.payload.target in _LOADING and nxt.kind is ItemKind.ROBOT:
            d: RobotDesc = nxt.payload
            if d.plural or len(d.ids) > 1 or (d.form == "pronoun" and d.pronoun in ("they", "both")) or (
                    v + 3 < upto and items[v + 2].text in _LIST_JOINS and items[v + 3].kind is ItemKind.ROBOT) \
                    or _ordered_robot_after(items, v + 2, upto):
                return True
        if it.kind is ItemKind.VERB and it.payload.role == "passive_load" and _passive_of_several(items, v, upto):
            return True
    return False


def _passive_of_several(items: Sequence[Item], v: int, upto: int) -> bool:
    """A passive loading at ``v`` of several robots: its clause's subject is plural ("trucks 1 and 2 are loaded by
    excavator 1", "they get loaded"), or its agent loads them in turn ("..., where they are loaded by the excavator
    one after another: truck 2 first, ..."), as the active loadings above are."""
    s = v
    while s > 0 and items[s - 1].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
        s -= 1
    for r in items[s:v]:
        if r.kind is ItemKind.ROBOT and (r.payload.plural or len(r.payload.ids) > 1
                                         or r.payload.form == "pronoun" and r.payload.pronoun in ("they", "both")):
            return True
    j = v + 1
    if j < upto and items[j].kind is ItemKind.WORD and items[j].text == "by":
        j += 1
    if j < upto and items[j].kind is ItemKind.ROBOT:
        j += 1
    return j < upto and items[j].kind is ItemKind.MARK and items[j].payload == "in_order"


def _ordered_robot_after(items: Sequence[Item], k: int, upto: int) -> bool:
    """A robot said after ", then" with no verb of its own ("loads truck 1, *then truck 2*"; also "loads truck 1
    *first and after that truck 2*", where "first" and "and" stopped the look): one more robot of the loading, in
    order."""
    while k < upto and (items[k].kind is ItemKind.PUNCT and items[k].text == ","
                        or items[k].kind is ItemKind.WORD and items[k].text == "and"
                        or items[k].kind is ItemKind.CONNECTIVE and items[k].payload in ("sequence", "first")):
        k += 1
    return k < upto and k + 1 <= upto and items[k].kind is ItemKind.ROBOT and k > 0 \
        and items[k - 1].kind is ItemKind.CONNECTIVE and (k + 1 >= len(items) or items[k + 1].kind is not ItemKind.VERB)


def _says_loaded(item: Item, loaded_words: Container[str]) -> bool:
    """A loading verb ("is loaded", "has been filled"), or a word for a filled truck that the reader took as the
    loading's event ("is *full*"): either says the truck's loading is done."""
    if item.kind is ItemKind.VERB:
        return item.payload.target in _LOADING
    return item.kind is ItemKind.EVENT and item.payload.action in _LOADING and item.text in loaded_words


def _pronoun_after_loading(items: Sequence[Item], k: int, loaded_words: Container[str]) -> int | None:
    """Where "it" opens the main clause right after the anchor's loading verb with no comma ("as soon as a truck is
    loaded *it* drives", "... is full it drives"): the index of "it", when a verb follows it."""
    for m in range(k, min(len(items) - 2, k + 3)):
        if _says_loaded(items[m], loaded_words):
            r, v = items[m + 1], items[m + 2]
            if r.kind is ItemKind.ROBOT and r.payload.form == "pronoun" and r.payload.pronoun == "it" \
                    and v.kind is ItemKind.VERB:
                return m + 1
            return None
    return None


def fold_indefinite_loaded(items: Sequence[Item], articles: Container[str],
                           loaded_words: Container[str]) -> list[Item]:
    """"The excavator loads the trucks one after the other. As soon as a truck has been loaded, it drives to puddle
    2": after several robots were loaded, "a <type>" loaded in an anchor with "it" after its comma is each of them,
    after its own loading (read as "As soon as each truck has been loaded, it drives ..."; read as "As soon as it
    ...", "it" was the truck loaded last, and every truck waited for that loading). Read as one more robot of the type,
    a truck nobody loaded drove off and the loaded ones stayed. Also with no comma before "it", and after a loading of
    robots said in turn ("loads truck 1, then truck 2"), and with a word for a filled truck ("as soon as a truck is
    full")."""
    out = list(items)
    for k in range(len(out) - 3):
        c, r = out[k], out[k + 1]
        if c.kind is not ItemKind.CONNECTIVE or c.payload != "anchor" or r.kind is not ItemKind.ROBOT:
            continue
        d: RobotDesc = r.payload
        if d.form != "type" or d.det != "count" or d.count != 1 or d.plural or r.text.split()[0] not in articles:
            continue
        j = next((m for m in range(k + 2, min(len(out), k + 8)) if out[m].kind is ItemKind.PUNCT), None)
        bare = _pronoun_after_loading(out, k + 2, loaded_words)  # "as soon as a truck is full it drives": no comma
        if bare is not None and (j is None or bare < j):
            j = bare - 1
        elif j is None or out[j].text != "," or j + 1 >= len(out):
            continue
        it = out[j + 1]
        if it.kind is not ItemKind.ROBOT or it.payload.form != "pronoun" or it.payload.pronoun != "it":
            continue
        if not any(_says_loaded(x, loaded_words) for x in out[k + 2:j + 1]) \
                or not _plural_loading_before(out, k):
            continue
        out[k + 1] = Item(ItemKind.ROBOT, r.start, r.end, RobotDesc("type", rtype=d.rtype, det="each"), r.text)
    return out
