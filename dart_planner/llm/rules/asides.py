"""Asides and appositions around a robot mention, folded before the clauses are cut.

Writers name a robot and then say something about it in passing, set off by commas, dashes
(read as commas by the tokenizer) or parentheses:

- an apposition names the robot a role noun stands for: "the hauler (dump truck 2)", "the
  loader, excavator 3, digs", "excavator 1, the digger, ...", "the truck that got loaded last
  night (dump truck 2)". The pair becomes one mention of the named robot, and a later "the
  hauler" means that robot too (role nouns are type words in the lexicon, so without this they
  would mean whichever truck was named last);
- a selection said again more exactly: "the rest of the fleet (everyone except truck 2)", "the others -
  excavators 2 and 3 -" is read as what the parenthesis or dashes say;
- a remark that gives no order: "a truck - whichever is free - goes ...", "truck 2 - the one
  parked near obstacle 1 - should ...", "dump truck 3 - the truck that got loaded yesterday -
  should ...". It is dropped, so the robot stays the subject of the verb after it.

Both only fire when the robot is followed by a matching closing mark, so lists ("exc 1, exc 2
and truck 1 drive") and clauses after a comma are left alone.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import replace

from .lexicon import Lexicon
from .mentions import ObjectDesc, RobotDesc
from .segment import (
    SENTENCE_END,
    Item,
    ItemKind,
    _relative_which,
    clause_bounds,
    sequence_over,
    verb_before_punct,
)
from .verbs import KEEPOUT_ACTIONS, MOVES

__all__ = ["fold_came_with", "fold_excess_infinitives", "fold_addressed_you", "fold_asides", "fold_role_copulas",
           "place_relatives", "loading_order", "join_companions", "fold_going_first",
           "fold_starting_with", "fold_followed_by", "fold_taking_turns"]

_COMPANION = (("together", "with"), ("along", "with"), ("alongside",), ("as", "well", "as"), ("plus",))


def fold_addressed_you(items: Sequence[Item], causatives: frozenset[str] = frozenset()) -> list[Item]:
    """"You, dump truck 3: go to obstacle 2": "you" followed by the robot's name is that robot. Read
    apart, "you" meant the robot spoken to before ("You, excavator 2: ... You, dump truck 3: ..."
    sent excavator 2 along with truck 3).

    "Could you send excavator 2 to obstacle 1?": "you" before a causative verb (``causatives``) with a robot
    after it is the person the request is made to, not a robot; read as one, the robot named before was
    sent along. So is "you" before a keep-out verb whose clause names the robots it is for ("could you lift that
    keep-out for excavators 1 and 2?"): the operator sets keep-outs; read as a robot, the one named last was
    added to them."""
    out = list(items)
    k = 0
    while k + 2 < len(out):
        it, comma, nxt = out[k], out[k + 1], out[k + 2]
        d = _robot(it)
        if d is not None and d.form == "pronoun" and d.pronoun == "you" and comma.kind is ItemKind.PUNCT \
                and comma.payload == "," and nxt.kind is ItemKind.ROBOT and nxt.payload.form in ("ids", "type"):
            out[k:k + 3] = [replace(nxt, start=it.start)]
        elif d is not None and d.form == "pronoun" and d.pronoun == "you" and (
                _causative_next(out, k + 1, causatives) or _keepout_for_robots_next(out, k + 1)):
            out[k] = Item(ItemKind.WORD, it.start, it.end, None, it.text)
        k += 1
    return out


def fold_excess_infinitives(items: Sequence[Item], excess_words: frozenset[str]) -> list[Item]:
    """"Puddle 2 is too soft to drive on": the verb after "too <word> to" says what cannot be done there, no order;
    read as one, the clause was a move with no robot (refused) and its place was lost to the keep-out after it."""
    out = list(items)
    for k in range(len(out) - 3):
        if out[k].kind is ItemKind.WORD and out[k].text in excess_words and out[k + 1].kind is ItemKind.WORD \
                and out[k + 2].text == "to" and out[k + 3].kind is ItemKind.VERB:
            v = out[k + 3]
            out[k + 3] = Item(ItemKind.WORD, v.start, v.end, None, v.text)
    return out


def _causative_next(items: Sequence[Item], k: int, causatives: frozenset[str]) -> bool:
    """A causative verb at ``k``, past up to two plain words ("please", "kindly"), with a robot right after it."""
    for j in range(k, min(k + 3, len(items) - 1)):
        if items[j].kind in (ItemKind.VERB, ItemKind.WORD) and items[j].text in causatives:
            return items[j + 1].kind is ItemKind.ROBOT
        if items[j].kind is not ItemKind.WORD:
            return False
    return False


def _keepout_for_robots_next(items: Sequence[Item], k: int) -> bool:
    """A keep-out verb at ``k``, past up to two plain words ("please", "now"), with a robot other than "you"
    after it in its clause (before the next punctuation or connective)."""
    for j in range(k, min(k + 3, len(items))):
        if items[j].kind is ItemKind.VERB and items[j].payload.target in KEEPOUT_ACTIONS:
            for it in items[j + 1:]:
                if it.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
                    return False
                d = _robot(it)
                if d is not None and not (d.form == "pronoun" and d.pronoun == "you"):
                    return True
            return False
        if items[j].kind is not ItemKind.WORD:
            return False
    return False


def join_companions(items: Sequence[Item]) -> list[Item]:
    """"Excavator 1, together with truck 2, goes ...", "excavator 1 as well as truck 2 go ...": a robot
    named with another is one subject with it ("excavator 1 and truck 2"). Without this the first
    robot was a vocative that the clause after it never used, and it was silently left out."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        if it.kind is not ItemKind.ROBOT:
            k += 1
            continue
        j = k + 1
        comma = j < len(out) and out[j].kind is ItemKind.PUNCT and out[j].payload == ","
        if comma:
            j += 1
        words: list[str] = []
        m = j
        while m < len(out) and out[m].kind in (ItemKind.WORD, ItemKind.CONNECTIVE) and len(words) < 3:
            words += out[m].text.split()
            m += 1
        if tuple(words) not in _COMPANION or m >= len(out) or out[m].kind is not ItemKind.ROBOT:
            k += 1
            continue
        end = m + 1
        if comma and not (end < len(out) and out[end].kind is ItemKind.PUNCT and out[end].payload == ","):
            k += 1  # "excavator 1, together with truck 2 ..." must close its aside
            continue
        if not (end + (1 if comma else 0) < len(out) and out[end + (1 if comma else 0)].kind is ItemKind.VERB):
            k += 1  # only a subject: "... goes to soil 1 together with truck 2" already works
            continue
        joined = Item(ItemKind.WORD, out[j].start, out[m - 1].end, None, "and")
        out[k + 1:end + (1 if comma else 0)] = [joined, out[m]]
        k += 2
    return out

def fold_came_with(items: Sequence[Item], relatives: Container[str], verbs: Container[str],
                   prepositions: Container[str], pronouns: Container[str]) -> list[Item]:
    """"The excavator loads the truck that came with it": the truck that made the trip with the robot the
    pronoun stands for, which is what "its truck" means (its crew's truck). Read as "the truck" alone, it was the
    truck named last, often the other one, waiting elsewhere, and the relative clause was dropped unread."""
    out = list(items)
    k = 0
    while k + 3 < len(out):
        d = _robot(out[k])
        if d is None or d.form != "type" or d.det != "the" or d.plural or d.count \
                or out[k + 1].text.lower() not in relatives or out[k + 2].text.lower() not in verbs:
            k += 1
            continue
        end = _came_with_end(out, k + 3, prepositions, pronouns)
        if end is None:
            k += 1
            continue
        own = replace(d, det="own")
        out[k:end] = [Item(ItemKind.ROBOT, out[k].start, out[end - 1].end, own, f"its {out[k].text.split()[-1]}")]
        k += 1
    return out


def _came_with_end(items: Sequence[Item], j: int, prepositions: Container[str], pronouns: Container[str]) -> int | None:
    """Past the preposition and pronoun of "(came) along with them" that start at item ``j``, if they do."""
    for n in (1, 2):
        said = " ".join(it.text.lower() for it in items[j:j + n])
        p = j + n
        if said in prepositions and p < len(items) and all(it.kind is ItemKind.WORD for it in items[j:p]) \
                and items[p].text.lower() in pronouns and items[p].kind in (ItemKind.ROBOT, ItemKind.WORD):
            return p + 1
    return None


_OPEN_CLOSE = {"(": ")", ",": ","}
_NO_REMARK = (ItemKind.CONNECTIVE, ItemKind.PLACE, ItemKind.EVENT, ItemKind.UNKNOWN)


def _robot(it: Item) -> RobotDesc | None:
    return it.payload if it.kind is ItemKind.ROBOT else None


def _role(d: RobotDesc | None) -> bool:
    """A definite, singular or plural type mention: "the hauler", "the two haulers"."""
    return d is not None and d.form == "type" and d.det in ("the", "count", "both")


def _named(d: RobotDesc | None, like: RobotDesc) -> bool:
    return d is not None and d.form == "ids" and bool(d.ids) and (not like.rtype or d.rtype == like.rtype) and (
        len(d.ids) == 1 or like.plural or like.count == len(d.ids))


def _listed_ids(body: Sequence[Item], like: RobotDesc) -> tuple[str, ...]:
    """The robots an aside lists by number ("exc 1 and exc 2") when they are exactly as many as the
    counted mention before it says and of its type; nothing otherwise."""
    ids: list[str] = []
    for it in body:
        d = _robot(it)
        if d is not None and d.form == "ids" and d.rtype == like.rtype:
            ids += [r for r in d.ids if r not in ids]
        elif not (it.kind is ItemKind.WORD and it.text in ("and", "&", "plus")) and not (
                it.kind is ItemKind.PUNCT and it.payload == ","):
            return ()
    want = 2 if like.det == "both" else like.count
    return tuple(ids) if want > 1 and len(ids) == want else ()


def _robots_only(body: Sequence[Item]) -> bool:
    """Robot mentions and the words of their list ("the other two excavators and the other two trucks")."""
    return any(i.kind is ItemKind.ROBOT for i in body) and all(
        i.kind is ItemKind.ROBOT or i.text in ("and", ",") for i in body)


def _close(items: Sequence[Item], k: int, opener: str) -> int:
    """Index of the mark that closes the aside opened at ``k`` (or -1): the first ``)`` for a
    parenthesis, the next comma for a comma, never past a sentence end."""
    want = _OPEN_CLOSE[opener]
    for j in range(k + 1, len(items)):
        it = items[j]
        if it.kind is ItemKind.PUNCT:
            if it.payload == want:
                return j
            if it.payload not in (",",) or opener == ",":
                return -1
    return -1


def _how_it_comes(body: Sequence[Item]) -> bool:
    """", arriving at the same time,": a participle of motion, possibly "at the same time", and
    nothing else; the clause it sits in already says where the robot works."""
    verbs = [i for i in body if i.kind is ItemKind.VERB]
    return len(verbs) == 1 and verbs[0].payload.target == "navigate" and verbs[0].text.split()[0].endswith(
        ("ing", "ed", "sent")) and all(
        i.kind in (ItemKind.VERB, ItemKind.WORD) or (i.kind is ItemKind.CONNECTIVE and i.payload == "parallel")
        for i in body)


def _remark(body: Sequence[Item], lex: Lexicon) -> bool:
    """Words about a robot that order nothing: no connective, no place word, no robot of their own
    (a relative pronoun aside), and, when they name a verb or an object, opened by a relative word."""
    if not body:
        return False
    if _how_it_comes(body):
        return True
    if body[0].kind is ItemKind.ROBOT and body[0].payload.form == "pronoun":
        return False  # ", which is already at soil 2, ...": a relative clause the interpreter reads itself
    if any(i.kind in _NO_REMARK for i in body):
        return False
    if any(i.kind is ItemKind.ROBOT and not (i.payload.form == "pronoun" and i.payload.pronoun == "which")
           and not _role(i.payload) for i in body):
        return False
    first = body[0].text.split()[0] if body[0].text else ""
    if any(i.kind in (ItemKind.VERB, ItemKind.OBJECT) for i in body) or any(
            i.kind is ItemKind.ROBOT for i in body):
        return first in lex.aside_relatives
    return True


def _other_robot_clause(body: Sequence[Item], d: RobotDesc) -> bool:
    """The words between commas after robot ``d`` open with a robot of another type and have a verb: a clause of its
    own ("After loading truck 3, the same excavator moves to soil 2, digs again ..."), not a remark about ``d``; read
    as one, the excavator's move was dropped and truck 3 was to dig."""
    head = _robot(body[0]) if body else None
    return head is not None and head.form != "pronoun" and bool(head.rtype) and bool(d.rtype) \
        and head.rtype != d.rtype and any(i.kind is ItemKind.VERB for i in body)


def _verb_follows(items: Sequence[Item], j: int, lex: Lexicon) -> bool:
    """What follows the aside continues the robot's clause: its verb, possibly after a modal."""
    for it in items[j:j + 3]:
        if it.kind is ItemKind.VERB:
            return True
        if not (it.kind is ItemKind.WORD and it.text in lex.aside_modals) and it.kind is not ItemKind.CONNECTIVE:
            return False
    return False


def _dismissal(body: Sequence[Item], d: RobotDesc) -> bool:
    """An aside that only confirms which robot was meant: a correction naming the same robot again
    ("I mean the truck", "I mean dump truck 2") or a robot it is not ("not excavator 2", "not truck 3").
    Read as a mention of its own, the robot said not to act became the subject."""
    words = [t for i in body[:2] for t in i.text.split()]
    if words[:2] == ["i", "mean"]:
        rest = body[2:]
        if not rest:
            return True
        r = _robot(rest[0]) if len(rest) == 1 else None
        return r is not None and r.rtype == d.rtype and (r.form == "type" or set(r.ids) == set(d.ids))
    if body and body[0].kind is ItemKind.WORD and body[0].text in ("but", "and"):
        body = body[1:]  # "- but not truck 3 -"
    if len(body) == 2 and body[0].kind is ItemKind.MARK and body[0].payload == "neg":
        r = _robot(body[1])
        return r is not None and r.form == "ids" and not set(r.ids) & set(d.ids) and not r.negated
    return False


def _dismissed_run(items: Sequence[Item], j: int, d: RobotDesc, lex: Lexicon) -> int:
    """Index of the comma closing a run of dismissible asides (:func:`_dismissal`) opened by the comma
    at ``j`` after a mention of named robots, when the robots' verb follows it; else -1."""
    if d.form != "ids" or not d.ids:
        return -1
    last, m = -1, j
    while True:
        end = _close(items, m, ",")
        if end <= m + 1 or not _dismissal(items[m + 1:end], d):
            break
        last = m = end
    return last if last > 0 and _verb_follows(items, last + 1, lex) else -1


def _span(items: Sequence[Item], a: int, b: int, payload: RobotDesc, text: str) -> Item:
    return Item(ItemKind.ROBOT, items[a].start, items[b].end, payload, text)


class _RoleBook:
    """Role nouns said to be a robot, in the order the text says so ("the digger is excavator 1",
    "the hauler (dump truck 2)"): a later mention of the same role noun is that robot. One book per
    fold; the role copulas fold and the asides fold read with the same rule."""

    def __init__(self) -> None:
        self._robots: dict[str, RobotDesc] = {}

    def name(self, role_text: str, robot: RobotDesc) -> None:
        self._robots[role_text] = robot

    def recall(self, it: Item) -> Item | None:
        """``it`` as the robot its role noun was named as ("the digger" again), or None."""
        d = _robot(it)
        if d is not None and _role(d) and it.text in self._robots:
            return replace(it, payload=self._robots[it.text])
        return None


_COPULAS = (("is",), ("will", "be"), ("would", "be"), ("shall", "be"))
""""the digger for that job is excavator 1": the verb that says who a role noun is."""
_ROLE_QUALIFIER_KINDS = (ItemKind.WORD,)
_COPULA_ENDS = frozenset({":", ",", ".", ";", "!"})


def _copula_at(items: Sequence[Item], j: int) -> int:
    """Length of the copula starting at ``j`` (0 when there is none)."""
    for cop in _COPULAS:
        words = items[j:j + len(cop)]
        if len(words) == len(cop) and all(w.kind is ItemKind.WORD and w.text == c for w, c in zip(words, cop)):
            return len(cop)
    return 0


def _qualifier(items: Sequence[Item], a: int, b: int) -> bool:
    """"for that job", "today": at most four plain words (an object only as a pronoun, a time word) between a role
    noun and its copula; a verb, a place or a robot there makes it some other clause."""
    return b - a <= 4 and all(
        i.kind in _ROLE_QUALIFIER_KINDS or (i.kind is ItemKind.OBJECT and i.payload.form == "pronoun")
        or (i.kind is ItemKind.MARK and i.payload == "duration") for i in items[a:b])


def _clause_end(items: Sequence[Item], j: int) -> bool:
    return j >= len(items) or (items[j].kind is ItemKind.PUNCT and items[j].payload in _COPULA_ENDS) \
        or items[j].kind is ItemKind.PUNCT and items[j].payload in SENTENCE_END


def fold_role_copulas(items: Sequence[Item]) -> list[Item]:
    """"The digger for that job is excavator 1: send both ...", "Truck 2 will be the hauler.": a clause
    that only says which robot a role noun stands for is one mention of that robot (an apposition said
    with a verb), and a later "the digger" is that robot too. Read as a clause, "the digger" stayed any
    excavator (a second one was planned) and the named robot did nothing. Only a clause made of the role,
    at most a few plain words, the copula and the name, closed by a mark or the end, is folded."""
    if not any(i.kind is ItemKind.WORD and i.text in ("is", "be") for i in items):
        return list(items)
    out: list[Item] = []
    roles = _RoleBook()
    k, n = 0, len(items)
    while k < n:
        it = items[k]
        d = _robot(it)
        again = roles.recall(it)
        if again is not None:
            out.append(again)  # "the digger" again: the robot it was said to be
            k += 1
            continue
        if d is not None and _role(d) and (k == 0 or _clause_end(items, k - 1)):
            for j in range(k + 1, min(n, k + 6)):  # "the digger [for that job] is excavator 1"
                c = _copula_at(items, j)
                if c and _qualifier(items, k + 1, j) and j + c < n and _named(_robot(items[j + c]), d) \
                        and _clause_end(items, j + c + 1):
                    named = items[j + c].payload
                    roles.name(it.text, named)
                    out.append(_span(items, k, j + c, named, items[j + c].text))
                    k = j + c + 1
                    break
            else:
                out.append(it)
                k += 1
            continue
        c = _copula_at(items, k + 1) if d is not None and d.form == "ids" and (k == 0 or _clause_end(items, k - 1)) \
            else 0
        role = _robot(items[k + 1 + c]) if c and k + 1 + c < n else None
        if c and role is not None and _role(role) and _named(d, role):
            e = k + 2 + c  # "excavator 1 is the digger [for that job]"
            m = e
            while m < n and m - e < 4 and not _clause_end(items, m):
                m += 1
            if _clause_end(items, m) and _qualifier(items, e, m):
                assert d is not None
                roles.name(items[k + 1 + c].text, d)
                out.append(_span(items, k, m - 1, d, it.text))
                k = m
                continue
        out.append(it)
        k += 1
    return out


def fold_asides(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Fold appositions into one mention and drop remarks about a robot (see the module doc)."""
    if not any(i.kind is ItemKind.PUNCT and i.payload in ("(", ",") for i in items):
        return list(items)
    out: list[Item] = []
    roles = _RoleBook()
    k, n = 0, len(items)
    while k < n:
        it = items[k]
        again = roles.recall(it)
        if again is not None:
            it = again  # "the hauler" again: the robot it was said to be (its own aside may follow)
        d = _robot(it)
        if d is None or d.form == "pronoun":
            out.append(it)
            k += 1
            continue
        # "the truck that got loaded last night (dump truck 2)": a relative remark, then the name
        j = k + 1
        if _role(d) and j < n and items[j].kind is not ItemKind.PUNCT:
            m = j
            while m < n and items[m].kind is not ItemKind.PUNCT:
                m += 1
            if m + 2 < n and items[m].payload == "(" and _remark(items[j:m], lex) and _named(_robot(items[m + 1]), d) \
                    and items[m + 2].kind is ItemKind.PUNCT and items[m + 2].payload == ")":
                named = items[m + 1].payload
                roles.name(it.text, named)
                out.append(_span(items, k, m + 2, named, items[m + 1].text))
                k = m + 3
                continue
        if j < n and items[j].kind is ItemKind.PUNCT and items[j].payload in _OPEN_CLOSE:
            end = _close(items, j, items[j].payload)
            if end > j + 1:
                body = items[j + 1:end]
                inner = _robot(body[0]) if len(body) == 1 else None
                if _role(d) and _named(inner, d):  # "the hauler (dump truck 2)", "the loader, excavator 3,"
                    assert inner is not None
                    roles.name(it.text, inner)
                    out.append(_span(items, k, end, inner, body[0].text))
                    k = end + 1
                    continue
                listed = _listed_ids(body, d) if _role(d) and d.det in ("both", "count") else ()
                if listed:  # "both diggers - exc 1 and exc 2 -", "two trucks (truck 1 and truck 3)": those robots
                    named = RobotDesc("ids", ids=listed, rtype=d.rtype, plural=True)
                    roles.name(it.text, named)
                    out.append(_span(items, k, end, named, it.text))
                    k = end + 1
                    continue
                if d.form in ("others", "fleet") and items[j].payload == "(" and _robot(body[0]) is not None \
                        and body[0].payload.form in ("others", "fleet") and all(
                            i.kind in (ItemKind.ROBOT, ItemKind.MARK, ItemKind.WORD) for i in body):
                    # "the rest of the fleet (everyone except truck 2)": the selection said again, exactly
                    out.extend(body)
                    k = end + 1
                    continue
                if d.form == "others" and _robots_only(body) and _verb_follows(items, end + 1, lex):
                    # "the others - the other two excavators and the other two trucks - head home": the robots
                    # meant, said again by name or type (read as a list, "the others" went home beside them)
                    out.extend(body)
                    k = end + 1
                    continue
                if d.form == "type" and d.det == "count" and inner is not None and inner.form == "type" \
                        and inner.rtype == d.rtype and inner.det in ("another", "other") \
                        and _verb_follows(items, end + 1, lex):
                    # "an excavator - a different one - checks rock 1": a new one is what "an excavator" is
                    out.append(_span(items, k, end, d, it.text))
                    k = end + 1
                    continue
                if d.form == "ids" and inner is not None and _role(inner) and inner.rtype == d.rtype:
                    roles.name(body[0].text, d)  # "excavator 1, the digger, ..."
                    out.append(_span(items, k, end, d, it.text))
                    k = end + 1
                    continue
                last = _dismissed_run(items, j, d, lex) if items[j].payload == "," else \
                    end if d.form == "ids" and _dismissal(body, d) else -1
                if last > 0:  # "truck 2 - I mean the truck, not excavator 2 - drives": the name stands
                    out.append(_span(items, k, last, d, it.text))
                    k = last + 1
                    continue
                # (not ", respectively,": it pairs the robots of the clause, which would lose it)
                if _remark(body, lex) and not _other_robot_clause(body, d) and not _pairing_mark(body) and (
                        items[j].payload == "(" or _verb_follows(items, end + 1, lex)):
                    out.append(_span(items, k, end, d, it.text))  # the remark is read as part of the mention
                    # "excavator 2, already there, digs": where it stands is kept, so a place relative ("..., where
                    # excavator 2, already waiting there, loads it") does not send it there
                    out += [i for i in body if i.kind is ItemKind.MARK and i.payload in ("already", "in_place")]
                    k = end + 1
                    continue
        out.append(it)
        k += 1
    return out


def _pairing_mark(body: Sequence[Item]) -> bool:
    """"excavator 1 and excavator 3*, respectively,* and then ...": the aside is the clause's pairing word."""
    return any(i.kind is ItemKind.MARK and i.payload == "respectively" for i in body)


_WHERE_VERBS = frozenset({"dig", "dump", "navigate"})


def _loads_robot(verb: Item, nxt: Item | None) -> bool:
    """An active loading verb with the loaded robot right after it ("loads it", "fills truck 2")."""
    return verb.payload.target == "unload_bucket" and verb.payload.role != "passive_load" and nxt is not None \
        and nxt.kind is ItemKind.ROBOT


def place_relatives(items: Sequence[Item]) -> list[Item]:
    """", where excavator 3 digs": the clause after "where" happens at the place named before the
    comma, so its first verb gets that place ("excavator 3 digs there"): a robot not yet there goes
    there first (rule 11), one already there works in place."""
    out = list(items)
    k = 2
    while k < len(out):
        it = out[k]
        if it.kind is ItemKind.WORD and it.text == "where" and out[k - 1].kind is ItemKind.OBJECT \
                and out[k - 1].payload.form != "pronoun":
            # "drives to rock 1 where excavator 3 loads it": the comma left out, the same relative
            out.insert(k, Item(ItemKind.PUNCT, it.start, it.start, ",", ""))
            k += 1
        if it.kind is ItemKind.WORD and it.text == "where" and out[k - 1].kind is ItemKind.PUNCT \
                and out[k - 1].payload == "," and out[k - 2].kind is ItemKind.OBJECT \
                and out[k - 2].payload.form != "pronoun":
            clause = []
            for x in out[k + 1:]:
                if x.kind is ItemKind.PUNCT and x.payload in SENTENCE_END:
                    break
                clause.append(x)
            if any(x.text == "already" or (x.kind is ItemKind.MARK and x.payload in ("already", "in_place"))
                   for x in clause):
                k += 1
                continue  # ", where excavator 1 is digging already": it is there, it works in place
            for j in range(k + 1, len(out)):
                x = out[j]
                if x.kind is ItemKind.PUNCT and x.payload != ",":
                    break
                if x.kind is ItemKind.VERB:
                    nxt = out[j + 1] if j + 1 < len(out) else None
                    if _loads_robot(x, nxt) and not (j + 2 < len(out) and out[j + 2].kind in (
                            ItemKind.OBJECT, ItemKind.PLACE)):
                        # ", where excavator 3 loads it": "loads it there", the loader goes there first
                        there = ObjectDesc("pronoun", pronoun="there")
                        out.insert(j + 2, Item(ItemKind.OBJECT, nxt.end, nxt.end, there, ""))  # type: ignore[union-attr]
                        break
                    if x.payload.target in _WHERE_VERBS and x.payload.role != "carry" and not (
                            nxt is not None and nxt.kind in (ItemKind.OBJECT, ItemKind.PLACE, ItemKind.MARK)):
                        there = ObjectDesc("pronoun", pronoun="there")
                        out.insert(j + 1, Item(ItemKind.OBJECT, x.end, x.end, there, ""))
                    break
        k += 1
    return out


def _loading_place(out: Sequence[Item], j: int) -> list[Item]:
    """"at rock 1" at ``j``, right after the loaded robots and right before a comma: where the loadings are. Left
    between the robots and an order aside, it hid the aside, and one loading served both trucks."""
    if j + 2 < len(out) and out[j].kind is ItemKind.WORD and out[j].text == "at" \
            and out[j + 1].kind is ItemKind.OBJECT and out[j + 1].payload.form == "names" \
            and out[j + 2].kind is ItemKind.PUNCT and out[j + 2].payload == ",":
        return [out[j], out[j + 1]]
    return []


def _order_list(body: Sequence[Item]) -> list[Item] | None:
    """"truck 2 first", "truck 2 first, then truck 1": the named robots in that order, or None."""
    named: list[Item] = []
    k = 0
    while k < len(body):
        it = body[k]
        if it.kind is ItemKind.ROBOT and it.payload.form == "ids" and len(it.payload.ids) == 1:
            named.append(it)
        elif not (it.kind is ItemKind.CONNECTIVE and it.payload in ("first", "sequence")) and not (
                it.kind is ItemKind.PUNCT and it.payload == ",") and not (
                it.kind is ItemKind.WORD and it.text in ("and", "then", "last", "second", "next", "after")):
            return None
        k += 1
    if not named or not any((i.kind is ItemKind.CONNECTIVE and i.payload == "first")
                            or (i is named[0] and i.text.split()[0] == "first") for i in body):
        return None  # "truck 2 first, then ..." / "first truck 2, then ..." (the ordinal read with the robot)
    return named


def _named_loaders(out: Sequence[Item], k: int) -> tuple[int, list[Item]]:
    """Where the excavators named by number right before the loading verb at ``k`` start ("*excavators 1 and 2* load
    truck 3 in turn", "*excavator 2 and excavator 1* load ..."), and each of them, one item each, in the order named;
    no loaders for a single one or robots not all excavators."""
    s = k
    while s > 0 and (out[s - 1].kind is ItemKind.ROBOT
                     or (out[s - 1].kind is ItemKind.WORD and out[s - 1].text == "and")):
        s -= 1
    run = [r for r in out[s:k] if r.kind is ItemKind.ROBOT]
    if not run or any(r.payload.form != "ids" or not all("excavator" in i for i in r.payload.ids) for r in run):
        return k, []
    loaders = [Item(ItemKind.ROBOT, r.start, r.end, replace(r.payload, ids=(i,)), r.text)
               for r in run for i in r.payload.ids]
    return s, (loaders if len(loaders) >= 2 else [])


def _continued_subject(out: Sequence[Item], k: int) -> int | None:
    """Where the subject of the clause that the loading verb at ``k`` goes on from ends ("*both excavators* dig there
    and load the truck in turn", "*excavators 1 and 2* go to rock 1 and dig, then load ..."): the index of that
    clause's first verb, right after its robots. None unless a join ("and", "then", a comma) stands right before
    the verb and, back to the subject, only that clause's own verbs, places and joins (no other robot)."""
    j = k - 1
    if j < 1 or not (_joins_clause(out[j]) or out[j].kind is ItemKind.CONNECTIVE and out[j].payload == "sequence"):
        return None
    first: int | None = None
    while j >= 0:
        x = out[j]
        if x.kind is ItemKind.ROBOT:
            return first if first == j + 1 else None
        if x.kind is ItemKind.VERB:
            first = j
        elif not (x.kind in (ItemKind.OBJECT, ItemKind.PLACE, ItemKind.WORD) or _joins_clause(x)
                  or x.kind is ItemKind.CONNECTIVE and x.payload == "sequence"):
            return None
        j -= 1
    return None


def _joins_clause(it: Item) -> bool:
    """"and" or a comma: what joins the verbs of one subject."""
    return (it.kind is ItemKind.WORD and it.text == "and") or (it.kind is ItemKind.PUNCT and it.payload == ",")


def _loader_order(subject: Item, named: Sequence[Item]) -> list[Item] | None:
    """The loaders of "<subject> load <trucks>, <named> first[, then ...]" in turn: the named ones, then those of the
    subject the aside leaves out (by number, or "the other excavator" after one of two); None when the subject
    cannot be those loaders."""
    d = subject.payload
    said = [i for n in named for i in n.payload.ids]
    if d.form == "ids":
        if not set(said) <= set(d.ids):
            return None
        return list(named) + [Item(ItemKind.ROBOT, subject.start, subject.end, replace(d, ids=(i,)), subject.text)
                              for i in d.ids if i not in said]
    # "they load truck 3, excavator 1 first": "they" is read as "both" is (of three excavators, "the other
    # excavator" is the two left, who load after the named one); so is "the two excavators"
    two = (d.form == "pronoun" and d.pronoun in ("both", "they")) or (d.form == "type" and d.rtype == "excavator"
                                                             and d.det in ("both", "count", "the") and d.count == 2)
    if not two or len(named) > 2:
        return None
    if len(named) == 2:
        return list(named)
    other = Item(ItemKind.ROBOT, subject.start, subject.end, RobotDesc("type", rtype="excavator", det="other"),
                 "the other excavator")
    return [named[0], other]


def _passive_order(out: list[Item], k: int, aux: Container[str] = ()) -> int:
    """"(the trucks) are loaded by the excavator, truck 3 first, then truck 1": said actively
    ("the excavator loads truck 3 first, then truck 1") in place, so each truck gets its own loading
    in that order (rule 24). Returns where to go on reading."""
    it = out[k]
    j = k + 1
    there = not it.text.endswith(" by") and j < len(out) and out[j].kind is ItemKind.OBJECT \
        and out[j].payload.form == "pronoun" and out[j].text in ("there", "here")
    if there:  # "get loaded there by excavator 2, truck 1 first": where the trucks already are
        j += 1
    if not there and not it.text.endswith(" by") and j < len(out) and out[j].kind is ItemKind.PUNCT \
            and out[j].payload in ("(", ","):
        return _agentless_order(out, k)
    if not there and not it.text.endswith(" by") and j < len(out) and out[j].kind is ItemKind.MARK \
            and out[j].payload == "in_order":
        if j + 1 < len(out) and out[j + 1].kind is ItemKind.PUNCT and out[j + 1].payload in ("(", ",") \
                and _order_aside(out, j + 1, k) is not None:
            return _agentless_order(out, k, j + 1)  # "are to be loaded in turn, truck 1 first": that order
        return _agentless_in_turn(out, k)
    if there or not it.text.endswith(" by"):
        if not (j < len(out) and out[j].kind is ItemKind.WORD and out[j].text == "by"):
            return k + 1
        j += 1
    if not (j + 1 < len(out) and _loader(out[j])):
        return k + 1
    if out[j + 1].kind is ItemKind.MARK and out[j + 1].payload == "in_order":
        return _agent_in_turn(out, k, j, aux)
    # "should be loaded by excavator 1 at rock 1, truck 2 first": the place goes with the first loading, as it does
    # said actively; left between the agent and the aside, it hid the aside and one loading served both trucks
    where = _loading_place(out, j + 1)
    a = j + 1 + len(where)
    if not (a < len(out) and out[a].kind is ItemKind.PUNCT and out[a].payload in ("(", ",", ":")):
        return k + 1
    agent = out[j]
    aside = _order_aside(out, a, k)
    if aside is None:
        return k + 1
    named, end, close = aside
    closing = close > end
    # "- truck 1 first, then truck 3 - and each takes its load ...": the closing mark still ends the
    # verbless "then truck 3" before a clause of its own (folded away, "truck 3 and each" read as one)
    keep = closing and out[end].payload == "," and close < len(out) and out[close].kind is ItemKind.WORD \
        and out[close].text == "and"
    verb = Item(ItemKind.VERB, it.start, out[j - 1].end, replace(it.payload, role="verb"), "loads")
    new: list[Item] = [agent, verb, *_in_turn(named, _first_mark(out[a].start, out[close - 1].end))]
    new[3:3] = where
    if keep:
        new.append(out[end])
    start = _subject_start(out, k, aux)
    if start > 0 and out[start - 1].kind is ItemKind.WORD and out[start - 1].text == "and" \
            and _after_anchor_clause(out, clause_bounds(out, k)[0], k):
        # "... once it is broken up and excavator 2 loads truck 2 first": the anchor ends before the active clause,
        # whose subject is its own (a comma closes it, as one said there would)
        start -= 1
        new[0:0] = [Item(ItemKind.PUNCT, out[start].start, out[start].start, ",", ","), out[start]]
    out[start:close] = new
    return start + len(new)


def _subject_start(out: Sequence[Item], k: int, aux: Container[str] = ()) -> int:
    """Where the passive's subject starts when it stands right before the verb at ``k`` and is all its clause has
    before it ("..., *trucks 1 and 3* are loaded by excavator 1, truck 3 first"): said actively, the active clause
    loads those trucks, so they go with the passive; left before the agent, they made a clause of their own (a
    tipping for truck 3). So after "where" (", where they get loaded by excavator 3 in turn: ..."). ``k`` itself when
    something else stands there ("go to rock 1 and get loaded by ...").

    The ``aux`` words (the lexicon's ``passive_auxiliaries``) right before the verb go with it: a work order's "(and)
    *are* to be loaded by excavator 3 in turn" has its "are" apart from the verb "to be loaded"; left before the
    agent, it kept the active clause from opening after "and", and one loading served both trucks. So do the modals
    among them (its ``subject_modals``): "both trucks *should* be loaded by excavator 1, truck 1 first" left "both
    trucks should" a clause of its own (a tipping for truck 1) and one loading for both."""
    a = k
    while a > 0 and out[a - 1].kind is ItemKind.WORD and out[a - 1].text in aux:
        a -= 1
    s = a
    while s > 0 and (out[s - 1].kind is ItemKind.ROBOT
                     or (out[s - 1].kind is ItemKind.WORD and out[s - 1].text in ("and", "both"))):
        s -= 1
    if s == a or not (s == 0 or out[s - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)
                      or out[s - 1].kind is ItemKind.WORD and out[s - 1].text == "where") \
            or out[s].kind is not ItemKind.ROBOT or out[s].payload.form == "pronoun" and out[s].text == "which":
        return a
    return s


def _loader(it: Item) -> bool:
    """The agent of a passive loading: a robot said outright, or "it" for the one robot named before ("are loaded by
    it, truck 1 first", said actively "it loads them, truck 1 first")."""
    return it.kind is ItemKind.ROBOT and (it.payload.form != "pronoun" or it.payload.pronoun == "it")


def _agent_in_turn(out: list[Item], k: int, j: int, aux: Container[str] = ()) -> int:
    """"(trucks 1 and 3) are loaded by excavator 3 one after the other / in turn, truck 3 first": said actively
    ("excavator 3 loads truck 3 first, then truck 1"), in the aside's order, else in the order the subject names the
    trucks (rule 24); read as it stood, one loading served both. ``j``: the agent, with the order mark after it."""
    verb = Item(ItemKind.VERB, out[k].start, out[j - 1].end, replace(out[k].payload, role="verb"), "loads")
    p = j + 2
    aside = _order_aside(out, p, k) if p < len(out) and out[p].kind is ItemKind.PUNCT \
        and out[p].payload in ("(", ",", ":") else None
    if aside is not None:
        named, end, close = aside
        if close > end and out[end].payload == ",":
            close -= 1  # the comma that ends the aside still ends the clause
    else:
        each = _subject_one_by_one(out, k)
        if each is None:
            return _plural_subject_in_turn(out, k, j, verb, aux)
        named = each[1]
        close = j + 2
    new = [out[j], verb, *_in_turn(named, _first_mark(out[j + 1].start, out[close - 1].end))]
    start = _subject_start(out, k, aux)
    if start > 0 and out[start - 1].kind is ItemKind.WORD and out[start - 1].text == "and" \
            and _after_anchor_clause(out, clause_bounds(out, k)[0], k):
        # "... once it is broken up and excavator 2 loads truck 2 first": the anchor ends before the active clause,
        # whose subject is its own (a comma closes it, as one said there would)
        start -= 1
        new[0:0] = [Item(ItemKind.PUNCT, out[start].start, out[start].start, ",", ","), out[start]]
    out[start:close] = new
    return start + len(new)


def _plural_subject_in_turn(out: list[Item], k: int, j: int, verb: Item, aux: Container[str] = ()) -> int:
    """"(Trucks 1 and 2 go to soil 2.) *Both trucks* are loaded by excavator 1 in turn", "*They* are loaded by it one
    after the other": a subject of one mention that stands for two or more robots (a plural pronoun, or a type said
    with "both", "the" or a count) said actively as it stands ("excavator 1 loads both trucks in turn"), which the
    loading reader takes one truck at a time in the order they were named (rule 24). Only a subject named by number
    was said so before, and one loading served both trucks. ``j``: the agent, with the order mark after it."""
    start = _subject_start(out, k, aux)
    subject = [r for r in out[start:k] if r.kind is ItemKind.ROBOT]
    if start == k or len(subject) != 1 or not _plural(subject[0].payload):
        return k + 1
    new = [out[j], verb, subject[0], out[j + 1]]
    out[start:j + 2] = new
    return start + len(new)


def _plural(d: RobotDesc) -> bool:
    """``d`` stands for two or more robots with no number of its own: "they", "both", "both trucks", "the two
    trucks" (not "the trucks", whose count the text does not give)."""
    if d.form == "pronoun":
        return d.pronoun in ("they", "both")
    return d.form == "type" and d.det in ("both", "the", "count") and (d.count or 0) >= 2


def _order_aside(out: Sequence[Item], p: int, k: int) -> tuple[list[Item], int, int] | None:
    """The robots an order aside opened by the punctuation at ``p`` lists ("..., truck 2 first, then truck 1"),
    with the one robot of the clause's subject it leaves out after them; the aside's end and the index after its
    closing mark. None when it names fewer than two robots in all (``k``: the loading verb)."""
    end = _order_aside_end(out, p + 1, out[p].payload)
    named = _order_list(out[p + 1:end])
    if named is not None and len(named) == 1:
        named += _rest_of_subject(out, k, named)
    if named is None or len(named) < 2:
        return None
    closing = end < len(out) and out[end].kind is ItemKind.PUNCT and out[end].payload in (")", ",")
    return named, end, end + 1 if closing else end


def _clause_subject(out: Sequence[Item], k: int) -> list[Item]:
    """The robot mentions of the clause that item ``k`` is in, before it: from the last punctuation or connective
    ("When it is done, trucks 1 and 2 ..." leaves the anchor's "it" out)."""
    s = clause_bounds(out, k)[0]
    if _after_anchor_clause(out, s, k):
        return _clause_subject(out, s - 2)
    own = [r for r in out[s:k] if r.kind is ItemKind.ROBOT]
    if own:
        return own
    return _vocative_before(out, s - 1) or ([] if _bare_move_in(out[s:k]) else _carried_subject(out, s))


def _after_anchor_clause(out: Sequence[Item], s: int, k: int) -> bool:
    """Whether the clause of ``k`` opened at ``s`` by an anchor's connective has that anchor end at an "and" before
    ``k`` ("trucks 1 and 2 go to rock 1 *once it is broken up and* are loaded there by excavator 2, truck 2 first"):
    the robots of the anchor ("it") are not who is loaded, the subject said before the anchor is. Read as the
    subject, the order aside named one truck of an unknown pair and one loading served both."""
    return s >= 2 and out[s - 1].kind is ItemKind.CONNECTIVE and out[s - 1].payload == "anchor" \
        and out[s - 2].kind is not ItemKind.PUNCT \
        and any(it.kind is ItemKind.WORD and it.text == "and" for it in out[s:k])


def _bare_move_in(clause: Sequence[Item]) -> bool:
    """A move with no place of its own in ``clause`` ("then *come over* and get loaded"): its place is the loader's,
    which only a loading of the same subject gives it; carried over to the loadings one truck at a time, the move
    read the place named last and was lost, so such a clause keeps its one loading (left for a later mend)."""
    return any(it.kind is ItemKind.VERB and it.payload.target in MOVES and it.payload.role == "verb"
               and not any(x.kind in (ItemKind.OBJECT, ItemKind.PLACE) for x in clause[n + 1:n + 3])
               for n, it in enumerate(clause))


def _carried_subject(out: Sequence[Item], s: int) -> list[Item]:
    """The subject a clause with none of its own, opened at ``s`` by "then" / "and then", carries over from the
    clause before it, past an anchor said in between ("trucks 1 and 2 wait at obstacle 1 until excavator 3 is done,
    *then come over and get loaded*, truck 2 first"): the robots before the first verb of the nearest earlier clause
    of the sentence that is not an anchor. Found no subject, the order's aside named one truck and one loading
    served both."""
    if s < 1 or out[s - 1].kind is not ItemKind.CONNECTIVE or out[s - 1].payload != "sequence":
        return []
    e = s - 1
    while e > 0:
        b = clause_bounds(out, e)[0]
        opener = out[b - 1] if b > 0 else None
        if opener is not None and opener.kind is ItemKind.PUNCT and opener.payload in SENTENCE_END:
            opener = None
        if opener is None or opener.kind is not ItemKind.CONNECTIVE or opener.payload == "sequence":
            verb = next((n for n in range(b, e) if out[n].kind is ItemKind.VERB), e)
            own = [r for r in out[b:verb] if r.kind is ItemKind.ROBOT]
            if own:
                return own
            if b > 0 and out[b - 1].kind is ItemKind.PUNCT and out[b - 1].payload == ",":
                said = _vocative_before(out, b - 1)
                if said:
                    return said
        if opener is None:
            return []
        e = b - 1
    return []


def _vocative_before(out: Sequence[Item], p: int) -> list[Item]:
    """The robots addressed by name before the comma at ``p`` ("*Trucks 1 and 2*, go to soil 2 and get loaded, truck
    1 first"): only robots between it and the clause's start. They are the subject of the order after the comma; cut
    off by it, the order's aside found no subject, named one truck, and one loading served both."""
    if p < 1 or out[p].kind is not ItemKind.PUNCT or out[p].payload != ",":
        return []
    s = p
    while s > 0 and (out[s - 1].kind is ItemKind.ROBOT
                     or (out[s - 1].kind is ItemKind.WORD and out[s - 1].text == "and")):
        s -= 1
    bounded = s == 0 or out[s - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)
    if s == p or out[s].kind is not ItemKind.ROBOT or not bounded:
        return []
    return [r for r in out[s:p] if r.kind is ItemKind.ROBOT]


def _first_mark(start: int, end: int) -> Item:
    """The "first" of an order, spanning the words it was read from (for the coverage report)."""
    return Item(ItemKind.CONNECTIVE, start, end, "first", "first")


def _in_turn(robots: Sequence[Item], first: Item, verb: Item | None = None) -> list[Item]:
    """``robots`` one after the other, as said actively: "<robot> [verb] first, then <robot> [verb], then ...";
    each loading order in this module is rewritten to this one shape, which the loading reader orders (rule 24)."""
    new: list[Item] = []
    for n, r in enumerate(robots):
        if n:
            if n == 1:
                new.append(Item(ItemKind.PUNCT, r.start, r.start, ",", ","))
            new.append(Item(ItemKind.CONNECTIVE, r.start, r.start, "sequence", "then"))
        new.append(r)
        if verb is not None:
            new.append(verb)
        if n == 0:
            new.append(first)
    return new


def _rest_of_subject(out: Sequence[Item], k: int, named: Sequence[Item]) -> list[Item]:
    """The robots of the clause's subject (named by number before the passive verb at ``k``, in its clause) that
    the order after it leaves out: "trucks 1 and 2 ... get loaded, truck 2 first" goes on with truck 1. Nothing
    unless exactly one is left out."""
    said = {n.payload.ids[0] for n in named}
    subject = _clause_subject(out, k)
    if len(subject) == 1 and len(named) == 1 and (_pair_of(subject[0].payload, named[0].payload.rtype)
                                                  or _they(subject[0].payload)
                                                  or _the_plural(subject[0].payload, named[0].payload.rtype)):
        # "both haulers are to be loaded in turn, truck 1 first": then the other one of the pair; so after "they",
        # as after "loads them, truck 3 first", and after "the trucks" ("the trucks are loaded by it, truck 1 first")
        last = subject[0]
        rtype = named[0].payload.rtype
        other = RobotDesc("type", rtype=rtype, det="other")
        return [Item(ItemKind.ROBOT, last.start, last.end, other, "the other " + rtype.replace("_", " "))]
    if not subject or any(r.payload.form != "ids" for r in subject):
        return []
    ids = [i for r in subject for i in r.payload.ids]
    left = [i for i in ids if i not in said]
    if len(left) != 1 or len(ids) != len(said) + 1:
        return []
    last = subject[-1]
    return [Item(ItemKind.ROBOT, last.start, last.end, replace(last.payload, ids=(left[0],)), last.text)]


def _they(d: RobotDesc) -> bool:
    """``d`` is the plural pronoun of a clause's subject ("*they* are loaded, truck 3 first")."""
    return d.form == "pronoun" and d.pronoun == "they"


def _the_plural(d: RobotDesc, rtype: str) -> bool:
    """``d`` is robots of ``rtype`` said by their type in the plural with "the" and no number ("*the trucks* are
    loaded, truck 1 first"): like "they", the robots meant are found only when read, so the one the order leaves out
    is "the other" of them."""
    return d.form == "type" and d.rtype == rtype and d.det == "the" and d.plural and not d.count


def _pair_of(d: RobotDesc, rtype: str) -> bool:
    """``d`` is two robots of ``rtype`` said by their type ("both haulers", "the two trucks")."""
    return d.form == "type" and d.rtype == rtype and d.count == 2 and d.det in ("both", "the")


def _subject_one_by_one(out: Sequence[Item], k: int) -> tuple[list[Item], list[Item]] | None:
    """The subject of the clause of ``k`` and its robots one mention each, when it names two or more robots by number
    (none twice): the order in which an unordered "in turn" takes them. None otherwise."""
    subject = _clause_subject(out, k)
    if not subject or any(r.payload.form != "ids" for r in subject):
        return None
    ids = [i for r in subject for i in r.payload.ids]
    if len(ids) < 2 or len(set(ids)) != len(ids):
        return None
    last = subject[-1]
    return subject, [Item(ItemKind.ROBOT, last.start, last.end, replace(last.payload, ids=(i,)), last.text)
                     for i in ids]


def _agentless_in_turn(out: list[Item], k: int) -> int:
    """"Trucks 1 and 2 go to soil 1 and get loaded one after the other / in turn": with no loader and no truck
    said first, the trucks in the order the subject names them, as "..., truck 1 first" (rule 24); read as it
    stood, one loading served both. Only a subject of robots named by number, two or more."""
    each = _subject_one_by_one(out, k)
    if each is None:
        return k + 1
    subject, robots = each
    mark = out[k + 1]
    new = _in_turn(robots, _first_mark(mark.start, mark.end), out[k])
    out[k:k + 2] = new
    return _own_subject_dropped(out, k, subject) + len(new)


def _own_subject_dropped(out: list[Item], k: int, subject: Sequence[Item]) -> int:
    """Where the rewritten order at ``k`` now starts, once the one robot mention that was its own subject is taken out
    ("then trucks 1 and 2 are to be loaded in turn": the first truck's clause would still have both trucks as its
    subject, and the loading of both would stand for the first). Kept when another verb of the clause has it
    ("trucks 1 and 2 go to soil 1 and get loaded in turn") or when it is more than one mention (their words)."""
    s = out.index(subject[0])
    if len(subject) != 1 or any(x.kind is ItemKind.VERB for x in out[s:k]):
        return k
    del out[s]
    return k - 1


def _agentless_order(out: list[Item], k: int, p: int | None = None) -> int:
    """"Trucks 1 and 2 go to rock 1 and get loaded, truck 1 first": with no loader said, each truck's own
    passive clause in that order ("... and truck 1 gets loaded first, then truck 2 gets loaded"), so the loader
    found at the site loads them one after the other (rule 24). Read as it stood, one loading served both trucks
    and the order was a verbless afterthought. ``p``: the aside's opening mark, after an "in turn" when said."""
    p = k + 1 if p is None else p
    aside = _order_aside(out, p, k)
    if aside is None:
        return k + 1
    named, end, close = aside
    verb = out[k]
    if verb.text.startswith("to ") or (k and out[k - 1].kind is ItemKind.WORD and out[k - 1].text == "to"):
        # "go to soil 1 to be loaded, truck 1 first": the purpose said as the trucks' own clauses ("and truck 1 is
        # loaded first, then truck 2"); left a purpose, only its first truck's loading was read
        if verb.text.startswith("to "):
            verb = Item(verb.kind, verb.start, verb.end, verb.payload, verb.text[3:])
            out[k:k] = [Item(ItemKind.WORD, verb.start, verb.start, None, "and")]
            k, end, close = k + 1, end + 1, close + 1
        else:
            out[k - 1] = Item(ItemKind.WORD, out[k - 1].start, out[k - 1].end, None, "and")
    new = _in_turn(named, _first_mark(out[k + 1].start, out[close - 1].end), verb)
    if close > end and out[end].payload == ",":
        new.append(out[end])
    out[k:close] = new
    return _own_subject_dropped(out, k, _clause_subject(out, k)) + len(new)


def _movement_order(out: list[Item], k: int) -> int:
    """"Trucks 1 and 2 go to soil 1, first truck 1, then truck 2": the robots of the subject, named by number, each
    make the move in the order the aside gives ("truck 1 goes to soil 1 first, then truck 2 goes to soil 1"). Read
    as it stood, one move served both and the order was dropped. Only when the aside names every robot of the
    subject (or all but one, which comes last) and nothing else."""
    j = k + 1
    while j < len(out) and out[j].kind in (ItemKind.OBJECT, ItemKind.WORD) and not (
            out[j].kind is ItemKind.WORD and out[j].text in ("and", "then")):
        j += 1
    if j >= len(out) or j == k + 1 or out[j].kind is not ItemKind.PUNCT or out[j].payload not in ("(", ",", ":") \
            or not any(x.kind is ItemKind.OBJECT for x in out[k + 1:j]):
        return k + 1
    s = k
    while s > 0 and out[s - 1].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
        s -= 1
    subject = [r for r in out[s:k] if r.kind is ItemKind.ROBOT]
    if not subject or any(r.payload.form != "ids" for r in subject):
        return k + 1
    opener = out[j].payload
    end = _order_aside_end(out, j + 1, opener)
    named = _order_list(out[j + 1:end])
    if named is not None and len(named) == 1:
        named += _rest_of_subject(out, k, named)
    ids = {i for r in subject for i in r.payload.ids}
    if named is None or len(named) < 2 or {n.payload.ids[0] for n in named} != ids or len(named) != len(ids):
        return k + 1
    closing = end < len(out) and out[end].kind is ItemKind.PUNCT and out[end].payload in (")", ",")
    close = end + 1 if closing else end
    again = [] if _own_subject_after(out, close) else out[s:k]  # "... (truck 2 first) and dump there": both dump
    phrase = out[k:j]
    new: list[Item] = []
    for n, r in enumerate(named):
        if n == 1:
            new.append(Item(ItemKind.PUNCT, r.start, r.start, ",", ","))
        if n >= 1:
            new.append(Item(ItemKind.CONNECTIVE, r.start, r.start, "sequence", "then"))
        new += [r, *phrase]
        if n == 0:
            new.append(Item(ItemKind.CONNECTIVE, out[j].start, out[close - 1].end, "first", "first"))
    if closing and out[end].payload == ",":
        new.append(out[end])
    if again:
        close = _after_joins(out, close, new)
        new += [Item(x.kind, x.start, x.start, x.payload, x.text) for x in again]
    out[s:close] = new
    return s + len(new)


def _after_joins(out: Sequence[Item], start: int, new: list[Item]) -> int:
    """Move the joining words at ``start`` ("and", "then") onto ``new``: the subject said again goes after them."""
    while start < len(out) and (out[start].kind is ItemKind.CONNECTIVE
                                or (out[start].kind is ItemKind.WORD and out[start].text in ("and", "then"))):
        new.append(out[start])
        start += 1
    return start


def _own_subject_after(out: Sequence[Item], start: int) -> bool:
    """Nothing more in the sentence from ``start``, or a clause that names its own robots before its verb."""
    for x in out[start:]:
        if x.kind is ItemKind.PUNCT and x.payload in SENTENCE_END:
            return True
        if x.kind is ItemKind.ROBOT:
            return True
        if x.kind is ItemKind.VERB:
            return False
    return True


def _order_aside_end(out: Sequence[Item], start: int, opener: str) -> int:
    """Where an order aside opened by ``opener`` ends: its ")" or the sentence end; after "," or
    ":" also the next comma that does not lead into a connective ("truck 2 first, then truck 1"
    goes on, "truck 2 first, and ..." stops), or that leads into a clause of time ("truck 2 first, *after its
    digging*": read into the aside, it hid the order and one loading served both trucks)."""
    end = start
    while end < len(out) and not (out[end].kind is ItemKind.PUNCT and (
            out[end].payload == ")" or out[end].payload in SENTENCE_END or (
                opener in (",", ":") and out[end].payload == "," and end + 1 < len(out)
                and (out[end + 1].kind is not ItemKind.CONNECTIVE or out[end + 1].payload == "anchor"
                     or verb_before_punct(out, end + 2))))):
        end += 1
    return end


def _loaded_after_it(items: Sequence[Item]) -> list[Item]:
    """"loads truck 3 first and truck 2 *after it*": in a loading, "after" and "it" right after a loaded robot,
    with nothing after them in the clause, put that robot after the one loaded before it, as "after that" does.
    Read as a clause of time, "it" was the robot named last elsewhere ("the remaining excavator ... digs"), and the
    loadings waited for that robot's work."""
    out: list[Item] = []
    loading = False
    k = 0
    while k < len(items):
        it = items[k]
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            loading = False
        elif it.kind is ItemKind.VERB:
            loading = it.payload.target == "unload_bucket" and it.payload.role != "passive_load"
        elif loading and _after_it(items, k):
            out.append(sequence_over(it, items[k + 1]))
            k += 2
            continue
        out.append(it)
        k += 1
    return out


def _after_it(items: Sequence[Item], k: int) -> bool:
    """"<robot> after it" at ``k`` with a break or the end right after it."""
    it = items[k]
    return it.kind is ItemKind.CONNECTIVE and it.payload == "anchor" and it.text.split()[-1] == "after" \
        and 0 < k < len(items) - 1 and items[k - 1].kind is ItemKind.ROBOT \
        and items[k + 1].kind is ItemKind.ROBOT and items[k + 1].payload.form == "pronoun" \
        and items[k + 1].payload.pronoun == "it" and (k + 2 == len(items) or items[k + 2].kind is ItemKind.PUNCT)


def _inserted_there(out: Sequence[Item], j: int) -> Item | None:
    """The "there" that place_relatives put after the loaded robots of ", where <excavator> loads them" (no words of
    its own), at ``j``; else None."""
    it = out[j] if j < len(out) else None
    if it is not None and it.kind is ItemKind.OBJECT and it.payload.form == "pronoun" and not it.text \
            and it.start == it.end:
        return it
    return None


def _next_subject_joined(out: Sequence[Item], end: int) -> bool:
    """The comma at ``end`` that closes an order aside leads into a clause of another robot ("..., truck 2 first,
    *and truck 2* then goes to rock 2") or a relative clause on the loaded robots (see :func:`_order_after_relative`):
    it stays, or the robot joined the rest of the order ("then truck 1 and truck 2"), the second loading dropped."""
    return out[end].payload == "," and ((end + 2 < len(out) and out[end + 1].kind is ItemKind.WORD
                                         and out[end + 1].text == "and" and not _in_order_word(out[end + 2]))
                                        or _relative_which(out, end + 1))


def _in_order_word(it: Item) -> bool:
    """A word after ", and" that still belongs to the order aside (a robot of the order is a ROBOT item: handled by
    the caller's list); anything else opens a clause of its own."""
    return it.kind is ItemKind.PUNCT


def _moving_relative(clause: Sequence[Item]) -> bool:
    """A relative clause that moves its robots ("which have both driven to soil 1", "which drive there"): an order
    aside after it still orders the loading."""
    verbs = [it for it in clause if it.kind is ItemKind.VERB]
    return bool(verbs) and not any(it.kind is ItemKind.MARK for it in clause) and all(
        v.payload.target in MOVES and v.payload.role == "verb" and not v.text.split()[0].endswith("ing")
        for v in verbs)


def _standing_relative(clause: Sequence[Item]) -> bool:
    """"which are waiting at soil 1", "which are already there": where the loaded robots stand, read (as the
    scanner marks it) as "already" and the place, with plain words ("are") and no verb. An order aside after it
    orders the loading as well; kept where it stood, it was lost and one loading served both trucks."""
    return any(it.kind is ItemKind.MARK and it.payload == "already" for it in clause) and all(
        it.kind in (ItemKind.OBJECT, ItemKind.WORD)
        or (it.kind is ItemKind.MARK and it.payload in ("already", "filler")) for it in clause[1:])


def _order_after_relative(out: Sequence[Item], j: int, run: Sequence[Item]) -> tuple[list[Item], int] | None:
    """The words from ``j`` to the sentence end with an order aside said after a relative clause on the loaded
    robots ("loads trucks 1 and 2*, which have both driven to soil 1, truck 2 first*") put before that clause, and
    where they end; "which" then stands for every loaded robot when they are two (the rewritten order names them one
    by one). Read as it stood, the aside was lost and one loading served both trucks."""
    if not (j + 1 < len(out) and out[j].kind is ItemKind.PUNCT and out[j].payload == ","
            and _relative_which(out, j + 1)):
        return None
    c = next((n for n in range(j + 1, len(out)) if out[n].kind is ItemKind.PUNCT), None)
    if c is None or out[c].payload != ",":
        return None
    end = _order_aside_end(out, c + 1, ",")
    if (end < len(out) and not (out[end].kind is ItemKind.PUNCT and out[end].payload in SENTENCE_END)) \
            or _order_list(out[c + 1:end]) is None \
            or not (_moving_relative(out[j + 1:c]) or _standing_relative(out[j + 1:c])):
        return None
    which = out[j + 1]
    if sum(len(r.payload.ids) if r.payload.form == "ids" else 0 for r in run) == 2:
        which = replace(which, payload=replace(which.payload, det="both"))
    return [*out[c:end], out[j], which, *out[j + 2:c]], end


def fold_going_first(items: Sequence[Item], verbs: Container[str], leads: Container[str]) -> list[Item]:
    """"..., excavator 1 *going* first" / "..., *with* truck 3 *going* first": a verb of going (``verbs``) between the
    one robot of an aside (after a comma or "(", or one of ``leads`` after them) and its "first", with the aside's end
    right after, says no more than "excavator 1 first"; read as a verb, the order was lost and the robot moved. The
    "first" keeps the words it stands for (for the coverage report)."""
    out = list(items)
    k = 1
    while k + 2 < len(out):
        r, v, f = out[k], out[k + 1], out[k + 2]
        if r.kind is ItemKind.ROBOT and r.payload.form == "ids" and len(r.payload.ids) == 1 \
                and v.kind is ItemKind.VERB and v.text.lower() in verbs \
                and f.kind is ItemKind.CONNECTIVE and f.payload == "first" \
                and (k + 3 == len(out) or out[k + 3].kind is ItemKind.PUNCT):
            lead = k - 1 if out[k - 1].kind is ItemKind.WORD and out[k - 1].text.lower() in leads else k
            before = out[lead - 1] if lead > 0 else None
            if before is not None and before.kind is ItemKind.PUNCT and before.payload in (",", "(", ":"):
                out[lead:k + 3] = [r, _first_mark(out[lead].start, f.end)]
                k = lead + 2
                continue
        k += 1
    return out


def fold_starting_with(items: Sequence[Item], openers: Container[str]) -> list[Item]:
    """"..., starting with excavator 2": one of ``openers`` (the lexicon's ``loading_order_openers``) after a comma or
    "(" and before the one robot that ends the aside says no more than "excavator 2 first". The loading reader took
    the words only for trucks (:meth:`Interpreter._first_loaded`); for the loaders of "both excavators ... load truck 1
    one after another" it left the order unread and said the loading again. The "first" keeps the words it stands for
    (for the coverage report)."""
    out = list(items)
    k = 1
    while k + 2 < len(out):
        a, b, r = out[k], out[k + 1], out[k + 2]
        if a.kind is ItemKind.WORD and b.kind is ItemKind.WORD and f"{a.text} {b.text}".lower() in openers \
                and out[k - 1].kind is ItemKind.PUNCT and out[k - 1].payload in (",", "(") \
                and r.kind is ItemKind.ROBOT and r.payload.form == "ids" and len(r.payload.ids) == 1 \
                and (k + 3 == len(out) or out[k + 3].kind is ItemKind.PUNCT):
            out[k:k + 3] = [r, _first_mark(a.start, r.end)]
        k += 1
    return out


_WORK = frozenset({"dig", "unload_bucket", "dump"})


def fold_followed_by(items: Sequence[Item], phrases: Container[str]) -> list[Item]:
    """"Excavator 2 loads truck 1, followed by excavator 1.": one of ``phrases`` (the lexicon's ``followed_by_phrases``)
    after a comma, with robots and the aside's end after it, is "then excavator 1", the work said again by them after
    it, when the last verb before it is work (digging, loading, tipping). Read as a verb of following, the robots
    joined the move to the site and the work was dropped. After a move ("goes to soil 1, followed by truck 2") they
    still go along."""
    out = list(items)
    k = 1
    while k + 2 < len(out):
        v, by = out[k], out[k + 1]
        j = k + 2
        while j < len(out) and (out[j].kind is ItemKind.ROBOT and out[j].payload.form == "ids"
                                or (out[j].kind is ItemKind.WORD and out[j].text == "and" and j > k + 2)):
            j += 1
        if v.kind is ItemKind.VERB and by.kind is ItemKind.WORD and f"{v.text} {by.text}".lower() in phrases \
                and out[k - 1].kind is ItemKind.PUNCT and out[k - 1].payload == "," and j > k + 2 \
                and out[j - 1].kind is ItemKind.ROBOT and (j == len(out) or out[j].kind is ItemKind.PUNCT) \
                and (_last_verb_works(out, k - 1) or _first_before(out, k - 1)):
            out[k:k + 2] = [Item(ItemKind.CONNECTIVE, v.start, by.end, "sequence", "then")]
        k += 1
    return out


def _first_before(items: Sequence[Item], k: int) -> bool:
    """A "first" right before the comma at ``k`` ("trucks 1 and 3 go to soil 2 first, followed by excavator 2"): the
    robots after "followed by" come next, even after a move; going along, they went at the same time."""
    return k > 0 and items[k - 1].kind is ItemKind.CONNECTIVE and items[k - 1].payload == "first"


def _last_verb_works(items: Sequence[Item], k: int) -> bool:
    """The last verb of the sentence before ``k`` is work done in place (``_WORK``)."""
    for it in reversed(items[:k]):
        if it.kind is ItemKind.PUNCT and it.payload in (".", "!", "?", ";"):
            return False
        if it.kind is ItemKind.VERB:
            return it.payload.target in _WORK and it.payload.role == "verb"
    return False


def fold_taking_turns(items: Sequence[Item], verbs: Container[str], nouns: Container[str]) -> list[Item]:
    """"(both excavators) take turns loading truck 1[, excavator 2 first]": said as "load truck 1 in turn", which
    the loading reader orders (rule 24); read as it stood, "take" was a step of its own and the loadings doubled."""
    out = list(items)
    k = 0
    while k + 2 < len(out):
        t, n, v = out[k], out[k + 1], out[k + 2]
        if t.kind is ItemKind.VERB and t.text.lower() in verbs and n.kind is ItemKind.WORD \
                and n.text.lower() in nouns and v.kind is ItemKind.VERB and v.payload.target == "unload_bucket" \
                and v.payload.role != "passive_load":
            j = k + 3
            while j < len(out) and (out[j].kind is ItemKind.ROBOT
                                    or (out[j].kind is ItemKind.WORD and out[j].text == "and")):
                j += 1
            if j > k + 3:
                loading = Item(ItemKind.VERB, t.start, v.end, v.payload, v.text)
                mark = Item(ItemKind.MARK, out[j - 1].end, out[j - 1].end, "in_order", "in turn")
                out[k:j] = [loading, *out[k + 3:j], mark]
                k = j
                continue
        k += 1
    return out


def fold_comma_order_pairs(items: Sequence[Item], words: Container[str]) -> list[Item]:
    """"loads truck 2 first, truck 3 second": the comma between the two loadings of an order said as a pair is the
    "and" of "truck 2 first and truck 3 second", which is read as an order. Left a comma, the loading before it was
    taken for a step of its own before the clause ("digs and then loads ...": the loading went before the digging),
    or ("truck 3 next") the second loading was dropped. ``words``: the lexicon's ``comma_order_words``."""
    out = list(items)
    for k in range(len(out) - 5):
        verb, first, mark, comma, second, word = out[k:k + 6]
        loading = verb.kind is ItemKind.VERB and verb.payload.target == "unload_bucket" \
            and verb.payload.role != "passive_load"
        if loading and _one_named(first) and mark.kind is ItemKind.CONNECTIVE and mark.payload == "first" \
                and comma.kind is ItemKind.PUNCT and comma.payload == "," and _one_named(second) \
                and word.kind in (ItemKind.WORD, ItemKind.CONNECTIVE) and word.text.lower() in words \
                and (k + 6 == len(out) or out[k + 6].kind is ItemKind.PUNCT):
            out[k + 3] = Item(ItemKind.WORD, comma.start, comma.end, None, "and")
    return out


def _one_named(it: Item) -> bool:
    return it.kind is ItemKind.ROBOT and it.payload.form == "ids" and len(it.payload.ids) == 1


def loading_order(items: Sequence[Item], aux: Container[str] = (), particles: Container[str] = ()) -> list[Item]:
    """"loads them (truck 2 first)", "loads truck 1 and truck 2 - truck 2 first, then truck 1": the
    loadings one after the other in the order the aside gives, read as "loads truck 2 first, then
    truck 1" (the robots the aside leaves out come after, in the order they were named). ``aux``: the lexicon's
    ``passive_auxiliaries`` and ``subject_modals``, said before a passive loading ("are to be loaded by ...",
    "should be loaded by ..."). ``particles`` (lexicon ``loading_particles``) may close the loading before the aside
    ("fill them *up*, truck 2 first")."""
    out = _loaded_after_it(items)
    k = 0
    while k < len(out):
        it = out[k]
        if it.kind is ItemKind.VERB and it.payload.role == "passive_load":
            k = _passive_order(out, k, aux)
            continue
        if it.kind is ItemKind.VERB and it.payload.target in MOVES and it.payload.role == "verb":
            k = _movement_order(out, k)
            continue
        if not (it.kind is ItemKind.VERB and it.payload.target == "unload_bucket"
                and it.payload.role != "passive_load"):
            k += 1
            continue
        # the loaded robots: a pronoun, a plural type, or a run of named robots joined by "and"
        j = k + 1
        run: list[Item] = []
        while j < len(out) and (out[j].kind is ItemKind.ROBOT
                                or (out[j].kind is ItemKind.WORD and out[j].text == "and")):
            if out[j].kind is ItemKind.ROBOT:
                run.append(out[j])
            j += 1
        where = _loading_place(out, j) if run else []
        j += len(where)  # "loads trucks 1 and 3 at rock 1, truck 3 first": the place goes with the first loading
        while run and not where and j < len(out) and out[j].kind is ItemKind.WORD \
                and out[j].text.lower() in particles:
            j += 1  # "fill them up, truck 2 first": the particle closes the loading, the aside still orders it
        there = _inserted_there(out, j)
        if there is not None:  # ", where excavator 3 loads them, truck 3 first": "loads them there", in that order
            j += 1
        said_from = j
        relative = _order_after_relative(out, j, run) if run else None
        if relative is not None:
            out[j:relative[1]] = relative[0]
        while j < len(out) and out[j].kind is ItemKind.MARK and out[j].payload == "in_order":
            j += 1  # "loads them one after the other, truck 1 first": the aside gives that order
        if not run or j >= len(out) or out[j].kind is not ItemKind.PUNCT or out[j].payload not in ("(", ",", ":"):
            # one truck only: "load trucks 1 and 3 in turn" puts the trucks in turn (rule 24)
            one = len(run) == 1 and run[0].payload.form == "ids" and len(run[0].payload.ids) == 1
            start, in_turn = _named_loaders(out, k) if one and j > said_from else (k, [])
            verb = _continued_subject(out, k) if one and j > said_from and not in_turn else None
            if verb is not None:  # "excavators 1 and 2 dig at rock 1 and then load truck 2 in turn": they load
                start, in_turn = k, _named_loaders(out, verb)[1]
            if in_turn:
                # "excavators 1 and 2 load truck 3 in turn": each loads, in the order they were named
                turned: list[Item] = []
                for x in _in_turn(in_turn, _first_mark(out[said_from].start, out[j - 1].end), None):
                    turned.append(x)
                    if x.kind is ItemKind.ROBOT:
                        turned += [it, *out[k + 1:said_from]]
                out[start:j] = turned
                k = start + len(turned)
                continue
            k += 1
            continue
        opener = out[j].payload
        end = _order_aside_end(out, j + 1, opener)
        named = _order_list(out[j + 1:end])
        if named is None:
            k += 1
            continue
        verb = k if k > 0 and out[k - 1].kind is ItemKind.ROBOT else _continued_subject(out, k)
        if verb is not None and all(n.payload.rtype == "excavator" for n in named):
            loaders = _loader_order(out[verb - 1], named)
            if loaders is not None:
                # "both load truck 1, excavator 2 first": the aside orders the loaders, each loading the same trucks
                closing = end < len(out) and out[end].kind is ItemKind.PUNCT and out[end].payload in (")", ",")
                close = end + 1 if closing else end
                new = _in_turn(loaders, _first_mark(out[said_from].start, out[close - 1].end), None)
                spelled: list[Item] = []
                for x in new:
                    spelled.append(x)
                    if x.kind is ItemKind.ROBOT:
                        spelled += [it, *out[k + 1:said_from]]
                start = k - 1 if verb == k else k  # a subject said before other verbs keeps them
                out[start:close] = spelled
                k = start + len(spelled)
                continue
        # "trucks 1 and 3" is one mention of two robots: each by itself, so the one the aside leaves out is named
        by_number = all(r.payload.form == "ids" for r in run)
        listed = [Item(ItemKind.ROBOT, r.start, r.end, replace(r.payload, ids=(i,)), r.text)
                  for r in run if r.payload.form == "ids" for i in r.payload.ids]
        said = {n.payload.ids[0] for n in named}
        rest = [r for r in listed if r.payload.ids[0] not in said] if by_number else []
        if not by_number and len(named) == 1:
            first = named[0].payload
            rest = [Item(ItemKind.ROBOT, run[-1].start, run[-1].end, RobotDesc("type", rtype=first.rtype, det="other"),
                         "the other " + first.rtype.replace("_", " "))]
        closing = end < len(out) and out[end].kind is ItemKind.PUNCT and out[end].payload in (")", ",") \
            and not _next_subject_joined(out, end)
        close = end + 1 if closing else end
        # the words of the aside are read: the "first" carries their span for the coverage report
        new = _in_turn(named + rest, _first_mark(out[said_from].start, out[close - 1].end))
        new[1:1] = where
        if there is not None:
            new.insert(1, there)
        out[k + 1:close] = new
        k += 1 + len(new)
    return out
