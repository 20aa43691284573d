"""Robot and object mentions: scanning the words, and resolving them against the live site.

Scanning (:func:`scan`) turns words into :class:`~.segment.Item` s: robot mentions in every
form people use ("robot_dump_truck_01", "dump truck 1", "truck #1", "the first truck",
"dump truck two", "trucks 1 and 2", "two excavators", "a couple of", "some", "both", "all
(three) excavators", "the remaining truck", "another truck", "everyone", pronouns), object
mentions ("soil1", "soil pile 1", "rock #2", "obstacle two", "the first puddle", "both
puddles", "the puddle", "there"), verbs, connectives and markers. What a robot ids or object
names exist comes from the live :class:`~dart_planner.core.fleet.Fleet` and
:class:`~dart_planner.core.world.World`; the words come from the lexicon.

Resolution (:class:`MentionResolver`) turns a mention into concrete robots or a robot
*group* (type + count, bound to the same robots along its chain), using what was mentioned
before: "it", "they", "both", "the excavator", "the trucks".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ...core.fleet import Fleet
from ...core.world import World
from .lexicon import Lexicon, PhraseIndex
from .segment import Item, ItemKind, Token, _relative_which
from .verbs import KEEPOUT_ACTIONS, VerbHit

__all__ = ["RobotDesc", "ObjectDesc", "Member", "SiteIndex", "scan", "MentionResolver", "ResolutionError"]

_TRAILING_NUM = re.compile(r"(\d+)$")
_PUNCT = frozenset(".;:!?,()")
_SENTENCE_END = frozenset(".;:!?")
_PARTNER_DETERMINERS = frozenset({"its", "their", "his", "her", "your", "the"})
_PARTICIPLE = re.compile(r"(?:ed|en|^dug)$")
_COUNTED_PRONOUN = frozenset({"all", "the", "these", "those"})
_START_LEADS = frozenset({"to", "at", "from", "the", "its", "their", "your", "our", "his", "her", "back", "toward",
                          "towards", "near", "by", "in", "into", "for", "of", "via"})
_DETERMINERS = frozenset({"the", "its", "their", "a", "an", "his", "her", "your", "our", "this", "those", "these"})
_BOTH_ARTICLES = frozenset({"the", "those", "these"})  # "both *those* trucks": the pair, one phrase


class ResolutionError(Exception):
    """A mention names something the site does not have, or cannot be told apart."""


@dataclass(frozen=True)
class RobotDesc:
    """A robot mention as written, before resolution."""

    form: str
    """``ids``, ``type``, ``fleet``, ``others``, ``pronoun`` or ``deed``."""
    ids: tuple[str, ...] = ()
    rtype: str = ""
    det: str = ""
    """For ``type``: the, all, both, each, count, another, remaining, own, bare."""
    count: int = 0
    plural: bool = False
    pronoun: str = ""
    negated: bool = False
    ordinal: int = 0
    """For ``ids`` said as an ordinal ("the third truck"): the ordinal."""
    of_them: bool = False
    """For ``type``: said as "one of them", a part of the robots just named."""
    deed: str = ""
    """For ``deed`` ("the robots that dug", "everyone who worked"): the action the robots did before
    (``any`` for work of any kind), so the robots meant are read off the steps already planned."""
    deed_objects: tuple[str, ...] = ()
    """For ``deed``: where it was done ("the robots that went to soil 1"); empty for anywhere."""
    deed_passive: bool = False
    """For ``deed``: the robots had it done to them ("the trucks that were loaded")."""
    deed_negated: bool = False
    """For ``deed``: the robots that did not do it ("the robots that did not dump")."""


@dataclass(frozen=True)
class ObjectDesc:
    """An object mention as written, before resolution."""

    form: str
    """``names``, ``kind`` or ``pronoun``."""
    names: tuple[str, ...] = ()
    kind: str = ""
    det: str = ""
    plural: bool = False
    pronoun: str = ""
    robot: RobotDesc | None = None
    """For ``robot_place``: the robot whose place is meant ("excavator 2's site")."""


@dataclass(frozen=True)
class Member:
    """One robot slot of a plan: a concrete robot, or a group chosen by the allocator."""

    key: str
    rtype: str
    robot_id: str | None = None
    count: int = 1

    @property
    def is_group(self) -> bool:
        return self.robot_id is None


_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third"}


def _size(members: Sequence[Member]) -> int:
    return sum(m.count for m in members)


def _num_suffix(name: str) -> int | None:
    m = _TRAILING_NUM.search(name)
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class SiteIndex:
    """Look-ups over the live fleet and world that scanning and resolution need."""

    robot_ids: frozenset[str]
    robot_type: dict[str, str]
    robots_by_type: dict[str, tuple[str, ...]]
    robot_by_type_num: dict[tuple[str, int], str]
    object_names: frozenset[str]
    objects_by_kind: dict[str, tuple[str, ...]]
    object_by_kind_num: dict[tuple[str, int], str]
    object_kind: dict[str, str]

    @classmethod
    def build(cls, fleet: Fleet, world: World) -> SiteIndex:
        by_type: dict[str, list[str]] = {}
        by_num: dict[tuple[str, int], str] = {}
        for r in fleet.robots:
            by_type.setdefault(r.type, []).append(r.id)
        for t, ids in by_type.items():
            for pos, rid in enumerate(ids, 1):
                n = _num_suffix(rid)
                by_num.setdefault((t, n if n is not None else pos), rid)
        by_kind: dict[str, list[str]] = {}
        obj_num: dict[tuple[str, int], str] = {}
        for o in world.objects.values():
            by_kind.setdefault(o.kind, []).append(o.name)
        for k, names in by_kind.items():
            for pos, name in enumerate(names, 1):
                n = _num_suffix(name)
                obj_num.setdefault((k, n if n is not None else pos), name)
        return cls(
            robot_ids=frozenset(fleet.robot_ids),
            robot_type={r.id: r.type for r in fleet.robots},
            robots_by_type={t: tuple(v) for t, v in by_type.items()},
            robot_by_type_num=by_num,
            object_names=frozenset(world.object_names),
            objects_by_kind={k: tuple(v) for k, v in by_kind.items()},
            object_by_kind_num=obj_num,
            object_kind={o.name: o.kind for o in world.objects.values()},
        )


_OBJECT_PRONOUNS = frozenset({"it", "them", "this", "that"})


def _number_at(words: Sequence[str], j: int, lex: Lexicon) -> int | None:
    return lex.number(words[j]) if j < len(words) else None


def _numbers(words: Sequence[str], j: int, lex: Lexicon, noun_at: Any = None) -> tuple[list[int], int]:
    """``1``, ``1 and 2``, ``1, 2 and 3``, ``one``: the numbers and the index after them.

    ``noun_at(k)`` tells whether a robot type or object kind starts at word ``k``: then the
    number before it belongs to that next mention ("soil 1 and two trucks")."""
    nums: list[int] = []
    if j + 1 < len(words) and words[j] in lex.number_prefixes and _number_at(words, j + 1, lex) is not None:
        j += 1  # "truck number 3", "excavator no. 2"
    n = _number_at(words, j, lex)
    if n is None:
        return nums, j
    nums.append(n)
    j += 1
    if j + 1 < len(words) and words[j] in ("through", "thru", "to", "till", "until"):
        m = _number_at(words, j + 1, lex)  # "trucks 1 through 3", "excavators one to three": a range
        if m is not None and n < m <= n + 10 and not (noun_at is not None and noun_at(j + 2)):
            return list(range(n, m + 1)), j + 2
    while j < len(words):
        k = j
        if words[k] == ",":
            k += 1
        if k < len(words) and words[k] in ("and", "or"):
            k += 1
        if k == j:
            break
        if words[j] == "," and k + 1 < len(words) and words[k + 1] in ("at", "to") and _bare_item_before(words, j, lex):
            break  # "soil 1, 2 at soil 2": the 2 starts the next item of a list, it is no second soil
        m = _number_at(words, k, lex)
        # a number followed by a type/kind word belongs to the next mention ("... 1 and 2 trucks")
        if m is None or (noun_at is not None and k + 1 < len(words) and noun_at(k + 1)):
            break
        if lex.distributive_index.match(words, k):  # "rock 1 and rock 2, one each": not "rock 2 and 1"
            break
        if lex.in_order_index.match(words, k):  # "truck 1 and truck 3, one after the other": not "truck 3 and 1"
            break
        if lex.another_index.match(words, k) or (k + 1 < len(words) and (
                words[k + 1] in ("of", "other") or words[k + 1] in lex.counted_another_words)):
            break  # "rock 1 and one more truck", "soil 2 and one of the trucks": a robot mention starts
        nums.append(m)
        j = k + 1
    return nums, j


def _bare_item_before(words: Sequence[str], j: int, lex: Lexicon) -> bool:
    """A bare number that opens an item ("each dig - 1 at soil 1, 2 at soil 2") before word ``j``: only then is
    a ", 2 at" after a number the list's next item. Without one, "trucks 1, 2 to rock 1" (the terse "->") names
    two trucks; read as an item, truck 2 was dropped."""
    return any(lex.number(words[p]) is not None and words[p + 1] in ("at", "to")
               and (p == 0 or words[p - 1] in (",", ":", ";", "-"))
               for p in range(j - 1))


def _determiner(words: Sequence[str], j: int, lex: Lexicon) -> tuple[str, int, int]:
    """(det, count, next index) for the words before a type or kind name."""
    n = len(words)
    if j >= n:
        return "", 0, j
    for index, det in ((lex.other_index, "other"), (lex.another_index, "another"), (lex.remaining_index, "remaining"),
                       (lex.universal_index, "all")):
        m = index.match(words, j)
        if m:
            count = 0
            for w in words[j:j + m[0]]:
                c = lex.number(w)
                if c:
                    count = c
            if det == "all" and " ".join(words[j:j + m[0]]) in lex.distributive_determiners:
                det = "each"  # "two trucks ... each of the trucks": those two, as "each truck" is
            return det, count, j + m[0]
    w = words[j]
    if w == "both":
        return _both_of_others(words, j + 1, lex)
    if w in ("each", "every"):
        return ("each" if w == "each" else "all"), 0, j + 1
    if w == "you" and j + 1 < n and (lex.number(words[j + 1]) or 0) > 1:
        # "*you two* trucks, go to soil 1": the robots spoken to, as "the two trucks" (read as the pronoun "you two"
        # with a bare "trucks" after it, the pair became every truck)
        return "the", 0, j + 1
    if w in ("its", "their", "his", "her", "your"):
        k = j + 1
        if k < n and words[k] == "own":
            k += 1
        return "own", 0, k
    if w in ("the", "this", "that", "these", "those"):
        k = j + 1
        if k < n and words[k] in lex.ordinals:
            return "ordinal", lex.ordinals[words[k]], k + 1
        c = lex.number(words[k]) if k < n else None
        if c and k + 1 < n:
            for index, det in ((lex.other_index, "other"), (lex.remaining_index, "remaining")):
                m = index.match(words, k + 1)
                if m:  # "the two other excavators", "the two remaining trucks"
                    return det, c, k + 1 + m[0]
        return "the", 0, k
    if w in lex.ordinals:
        return "ordinal", lex.ordinals[w], j + 1
    q = lex.quantity_index.match(words, j)
    if q:
        return _counted_other(words, j + q[0], q[1], lex)
    return "", 0, j


def _both_of_others(words: Sequence[str], k: int, lex: Lexicon) -> tuple[str, int, int]:
    """(det, count, next index) after "both": "both remaining excavators", "both (of the) other trucks" are the two
    of the others, as "the two remaining excavators" are. Read as the pronoun "both" and a group after it, the robots
    named last got the step as well (an excavator already sent elsewhere went there too)."""
    j = k + 1 if k + 1 < len(words) and words[k] == "of" else k
    for index, det in ((lex.other_index, "other"), (lex.remaining_index, "remaining")):
        m = index.match(words, j)
        if m:
            return det, 2, j + m[0]
    return "both", 2, k


def _counted_other(words: Sequence[str], k: int, count: int, lex: Lexicon) -> tuple[str, int, int]:
    """(det, count, next index) after a count: "two other excavators" are that many of the others, as "the two
    other excavators" are, and "two more trucks" a separate group of two, as "another two trucks" is; read as a bare
    count, the word after it hid the noun, and "two other excavators" went out as one."""
    if count > 1 and k + 1 < len(words):
        m = lex.other_index.match(words, k)
        if m and not words[k] == "the":
            return "other", count, k + m[0]
        if words[k] in lex.counted_another_words:
            return "another", count, k + 1
    return "count", count, k


# What may follow "another" / "a third" when the robot noun is left out
_ELLIPSIS_NEXT = frozenset({"one", "to", "at", "into", "toward", "towards"})


@dataclass
class _Scanner:
    words: list[str]
    lex: Lexicon
    site: SiteIndex
    type_index: PhraseIndex[tuple[str, bool]]
    kind_index: PhraseIndex[tuple[str, bool]]
    items: list[Item] = field(default_factory=list)

    def _another_subject(self, det: str, j: int) -> bool:
        """"Truck 1 goes to soil 1 and another goes to soil 2": "another" right before a verb is its subject, a
        robot of the type named last; left unread, the verb fell to the robot before it."""
        if det != "another":
            return False
        c = self.lex.connective_index.match(self.words, j)  # "another then goes to ..."
        k = j + c[0] if c else j
        return k < len(self.words) and self.lex.verb_index.match(self.words, k) is not None

    def _several_before(self) -> RobotDesc | None:
        """The latest robots named that are several ("three trucks go to obstacle 2. Once excavator 1 has dug, one
        of *them* ..."): "of them" is no part of one robot named since (read so, "one of them" was excavator 1,
        already there, and the truck's move was dropped)."""
        return next((it.payload for it in reversed(self.items) if it.kind is ItemKind.ROBOT and it.payload.rtype
                     and (it.payload.plural or it.payload.count > 1 or len(it.payload.ids) > 1
                          or (it.payload.form == "type" and it.payload.det in ("all", "both")))), None)

    def _another_thing(self, i: int) -> bool:
        """"Truck 1 gets a load at soil 1, then another at soil 2": a noun of a thing (lexicon
        ``another_thing_nouns``) said after the last robot is what "another" at ``i`` leaves out, not a robot."""
        last = next((it.end for it in reversed(self.items) if it.kind is ItemKind.ROBOT), 0)
        return any(w in self.lex.another_thing_nouns for w in self.words[last:i])

    def _worked_place_it(self, i: int, n: int, pronoun: str) -> bool:
        """"Rock 1 may shift while *it* is being broken up": "it" before a passive of work ("is (being) dug / broken
        up") when only a place was named so far is that place, worked on; read as a robot, nothing was there to
        refer to and the remark was refused."""
        words, lex = self.words, self.lex
        if pronoun != "it" or n != 1 or any(it.kind is ItemKind.ROBOT for it in self.items) \
                or not any(it.kind is ItemKind.OBJECT and it.payload.form == "names" for it in self.items):
            return False
        k = i + 1
        if k >= len(words) or words[k] not in lex.passive_auxiliaries:
            return False
        k += 1
        if k < len(words) and words[k] in lex.passive_auxiliaries:
            k += 1  # "is being broken up"
        v = lex.verb_index.match(words, k) if k < len(words) else None
        return v is not None and v[1][0] == "dig" and not words[k].endswith("ing")

    def _all_to(self, i: int) -> bool:
        """"...; finally all -> start" (the arrow is read as "to"): "all" opening its clause, after a stop or a
        connective, right before "to" is the whole fleet sent there; left a plain word, the move fell to the robot
        named last. Not "load it all to ...", where "all" follows its verb's object."""
        words = self.words
        if i + 1 >= len(words) or words[i + 1] != "to":
            return False
        if i == 0 or words[i - 1] in (".", ";", "!", "?"):
            return True
        # after a connective, with or without its comma; not after "trucks 1 + 3 and excavators 1 + 2:", where
        # "all" floats on the robots just listed
        lead = [it for it in self.items if it.kind is not ItemKind.PUNCT or it.text != ","]
        return bool(lead) and lead[-1].kind is ItemKind.CONNECTIVE and words[i - 1] in (",", words[lead[-1].end - 1])

    def _relative_that(self, i: int) -> bool:
        """"Excavator 2 loads a truck *that* comes to rock 1": "that" right after a verb's robot and before its verb
        (past a modal) is the relative pronoun, as "which" is; left a plain word, the truck's move fell to the
        excavator, which was there already, and was dropped. So past a perfect auxiliary ("loads a truck that *has*
        come over to rock 1": the move is said as done by the loading, and still has to be planned, as for a named
        truck's "which has come over"), and a participle said in its place ("loads a truck *having* come over")."""
        words, lex = self.words, self.lex
        if (words[i] != "that" and words[i] not in lex.relative_participles) or len(self.items) < 2 \
                or self.items[-1].kind is not ItemKind.ROBOT or self.items[-1].payload.form == "pronoun" \
                or self.items[-2].kind is not ItemKind.VERB:
            return False  # (only a verb's object: "the truck that got loaded last night (truck 2) drives ...")
        k = i + 1
        if words[i] in lex.relative_participles:  # "having come over"; "having already driven" stays standing there
            return k < len(words) and lex.verb_index.match(words, k) is not None
        while k < len(words) and (words[k] in lex.subject_modals or words[k] in lex.relative_perfect_auxiliaries):
            k += 1
        return k < len(words) and lex.verb_index.match(words, k) is not None

    def _floats_on_robots(self) -> bool:
        """Whether "all" here follows the robots it counts, right after them, after a modal ("truck 2, truck 3 and
        excavator 2 *should* all go") or after a copula ("once the others are *all* home"): read as the whole fleet,
        the move sent robots never named, or the robots' state became a trip home for everyone."""
        k = len(self.items) - 1
        while k >= 0 and self.items[k].kind in (ItemKind.WORD, ItemKind.MARK) and (
                self.items[k].text in self.lex.subject_modals  # "can" is a mark of permission
                or self.items[k].text.lower() in self.lex.existential_copulas):
            k -= 1
        return k >= 0 and self.items[k].kind is ItemKind.ROBOT

    def noun_at(self, k: int) -> bool:
        w = self.words
        return k < len(w) and bool(self.type_index.match(w, k) or self.kind_index.match(w, k))

    def text(self, a: int, b: int) -> str:
        return " ".join(self.words[a:b])

    def pairing_one(self, i: int) -> Item | None:
        """"two trucks go to puddle 1 and puddle 2, one (truck) to each", "..., one each": the "one" of a phrase
        that pairs robots with places (lexicon ``pairwise``, a type noun allowed after the "one"). Read as a robot
        first, it was one more truck, and the group of two visited both places."""
        words, lex = self.words, self.lex
        if words[i] != "one":
            return None
        noun = self.type_index.match(words, i + 1)
        j = i + 1 + (noun[0] if noun else 0)
        rest = ["one", *words[j:]]
        m = lex.distributive_index.match(rest, 0)
        if not m or " ".join(rest[:m[0]]) not in lex.pairwise:
            return None
        end = j + m[0] - 1
        return Item(ItemKind.MARK, i, end, "respectively", self.text(i, end))

    def bare_number(self, i: int) -> Item | None:
        """"excavators 1 and 2 each dig - 1 at soil 1, 2 at soil 2": a number alone, right after a
        comma and before "at"/"to", names one of the robots just listed by number."""
        words, lex = self.words, self.lex
        n = lex.number(words[i]) if i > 0 and words[i - 1] in (",", ":", "(", ";") else None
        if n is None or i + 1 >= len(words) or words[i + 1] not in ("at", "to"):
            return None
        group = next((it.payload for it in reversed(self.items) if it.kind is ItemKind.ROBOT
                      and it.payload.form == "ids" and len(it.payload.ids) > 1), None)
        rid = self.site.robot_by_type_num.get((group.rtype, n)) if group is not None else None
        if group is None or rid is None or rid not in group.ids:
            return None
        return Item(ItemKind.ROBOT, i, i + 1, RobotDesc("ids", (rid,), group.rtype), self.text(i, i + 1))

    def _counted_ellipsis(self, j: int) -> bool:
        """Whether ``j`` holds a number above one that stands for robots with their noun left out ("the other two
        go home", "the remaining two wait"), not "the other two trucks" or "the other two robots"."""
        words = self.words
        return j + 1 < len(words) and (self.lex.number(words[j]) or 0) > 1 \
            and words[j + 1] not in ("of", "robots", "machines", "vehicles") and not self.noun_at(j + 1)

    def _part_type(self) -> str | None:
        """The type of a "one of them" said in this sentence or the one before ("two trucks go to soil 1. One of
        them is loaded by excavator 1 there. The other one goes home": the other truck, not another excavator,
        though an excavator was named last); None if there is none."""
        ends = 0
        for it in reversed(self.items):
            if it.kind is ItemKind.PUNCT and it.text in (".", "!", "?"):
                ends += 1
                if ends > 1:
                    return None
            if it.kind is ItemKind.ROBOT and it.payload.form == "type" and it.payload.of_them:
                return str(it.payload.rtype)
        return None

    def robot(self, i: int) -> Item | None:
        words, lex = self.words, self.lex
        det, count, j = _determiner(words, i, lex)
        if not det and words[i].isdigit() and 0 < int(words[i]) < 10 and i + 1 < len(words) \
                and not (i > 0 and self.noun_at(i - 1)) and self.type_index.match(words, i + 1) is not None:
            det, count, j = "count", int(words[i]), i + 1  # "2 trucks", "1 exc": a count, as "two trucks"
        t = self.type_index.match(words, j) if j < len(words) else None
        if t is None and det == "both":
            t, j = self._both_the(j)
        if t is None and det in ("other", "another", "remaining", "all", "own") and j + 1 < len(words) \
                and lex.number(words[j]) is not None:
            t2 = self.type_index.match(words, j + 1)
            if t2 is not None:  # "the other two excavators", "the remaining two trucks"
                count = lex.number(words[j]) or 0
                t, j = t2, j + 1
        if t is None and det == "count" and count == 1 and words[i] in lex.indefinite_articles \
                and not (i > 0 and words[i - 1] in lex.group_nouns) and j + 1 < len(words) \
                and words[j] not in _PUNCT and lex.number(words[j]) is None and words[j] not in lex.ordinals \
                and words[j] not in lex.loaded_words | lex.empty_words:
            t2 = self.type_index.match(words, j + 1)
            if t2 is not None and not t2[1][1]:
                # "a free truck", "an available truck": a word between, as "a truck" (read as the bare "truck",
                # it was the truck named last); "crew A is excavator 1" names a crew
                t, j = t2, j + 1
        if t is None and det == "the" and j + 1 < len(words) and words[j] not in _PUNCT \
                and not self._demonstrative_then_verb(i, j):
            t2 = self.type_index.match(words, j + 1)
            if t2 is not None and lex.number(words[j]) is None:
                t, j = t2, j + 1
            elif t2 is not None and (t2[1][1] or (lex.number(words[j]) or 0) > 1):
                # "the two trucks" (or "the two truck", the noun's plural left off): the two named before
                count = lex.number(words[j]) or 0
                t, j = t2, j + 1
            elif t2 is not None and lex.number(words[j]) == 1:  # "the single truck", "the one truck": "the truck"
                t, j = t2, j + 1
            elif t2 is None and lex.number(words[j]) is not None and j + 2 < len(words) \
                    and words[j + 1] not in _PUNCT and lex.number(words[j + 1]) is None:
                t3 = self.type_index.match(words, j + 2)
                if t3 is not None and t3[1][1]:  # "the two waiting trucks": a word between, as "the waiting trucks"
                    count = lex.number(words[j]) or 0
                    t, j = t3, j + 2
        counted = t is None and det in ("other", "remaining") and self._counted_ellipsis(j)
        if counted:  # "one of them goes to puddle 1, and the other two go home": that many of the type named last
            count = lex.number(words[j]) or 0
        if t is None and det == "another" and self._another_thing(i) and not self._another_subject(det, j):
            return None
        if t is None and (det in ("another", "other") or counted) and j < len(words) and j > i and (
                words[j] in _ELLIPSIS_NEXT or counted or self._another_subject(det, j)
                or (det == "other" and i > 0 and words[i - 1] in (",", ";", ":")
                                                          and words[j] not in ("robots", "machines"))):
            # "two excavators to rock 1 and a third to rock 2", "another one": the type named last
            last = self._part_type() if det == "other" else None
            last = last or next((it.payload.rtype for it in reversed(self.items)
                                 if it.kind is ItemKind.ROBOT and it.payload.rtype), None)
            if last is not None:
                end = j + 1 if words[j] == "one" or counted else j
                desc = RobotDesc("type", rtype=last, det=det, count=count if det != "another" else 0,
                                 plural=counted)
                return Item(ItemKind.ROBOT, i, end, desc, self.text(i, end))
        if t is None and j < len(words):
            last_robot = next((it.payload for it in reversed(self.items) if it.kind is ItemKind.ROBOT
                               and it.payload.rtype), None)
            if last_robot is not None and det == "count" and count >= 1 and words[j] == "of" \
                    and j + 1 < len(words) and words[j + 1] in ("them", "those", "these"):
                last_robot = self._several_before() or last_robot
                # "one of them": that many of the robots just named (a group of their type)
                desc = RobotDesc("type", rtype=last_robot.rtype, det="count", count=count, plural=count > 1,
                                 of_them=True)
                return Item(ItemKind.ROBOT, i, j + 2, desc, self.text(i, j + 2))
            if det == "count" and count >= 1 and j > i + 1:
                # "one of the other excavators", "two of the remaining trucks" (the determiner took "one of the"):
                # that many of them, a group of its own apart from the robots named before (rule 19), not all
                inner = self.robot(j)
                if inner is not None and inner.payload.form == "type" and inner.payload.det in ("other", "remaining") \
                        and inner.payload.plural:
                    desc = RobotDesc("type", rtype=inner.payload.rtype, det="another", count=count, plural=count > 1)
                    return Item(ItemKind.ROBOT, i, inner.end, desc, self.text(i, inner.end))
            if last_robot is not None and det == "count" and count == 1 and words[i] == "one" \
                    and (words[j] in ("to", "at") or (i > 0 and words[i - 1] in (":", ",", ";"))) \
                    and last_robot.form == "type" and (last_robot.count or 0) > 1:
                # "two excavators: one to soil 1, the other to soil 2": one of the group, a group of its own
                desc = RobotDesc("type", rtype=last_robot.rtype, det="another")
                return Item(ItemKind.ROBOT, i, j, desc, self.text(i, j))
            if last_robot is not None and det == "ordinal" and last_robot.of_them and count == last_robot.count + 1 \
                    and not self.noun_at(j):
                # "every truck goes to obstacle 1. Then two of them go to soil 1 and the third goes home": the one
                # left of them, as "the other one" (a group of its own, rule 19), not truck 3 by name
                end = j + 1 if j < len(words) and words[j] == "one" else j
                desc = RobotDesc("type", rtype=last_robot.rtype, det="other", count=1)
                return Item(ItemKind.ROBOT, i, end, desc, self.text(i, end))
            one = j < len(words) and words[j] == "one" and last_robot is not None and bool(last_robot.rtype)
            adverb = self._ordinal_adverb(i, j)
            if last_robot is not None and det == "ordinal" and (last_robot.ordinal or one) and j > i and not adverb \
                    and not (j < len(words) and self.noun_at(j)):  # not "the first rock pile": an object
                # "the first truck checks puddle 1, the second checks puddle 2": the noun is left out
                # ("every truck except the second one": "one" stands for the noun)
                found = self.site.robot_by_type_num.get((last_robot.rtype, count))
                end = j + 1 if one else j
                if found is not None:
                    return Item(ItemKind.ROBOT, i, end, RobotDesc("ids", (found,), last_robot.rtype, ordinal=count),
                                self.text(i, end))
        if t is None:
            return None
        length, (rtype, plural) = t
        partitive = self._partitive(det, i, j, rtype)
        j += length
        # "the trucks one after the other": an order of work, not "truck one"
        ordered = j < len(words) and lex.in_order_index.match(words, j) is not None
        nums, j2 = ([], j) if ordered else _numbers(words, j, lex, self.noun_at)
        if nums and (det or plural) and self._next_list_number(i, nums, j2):
            nums, j2 = [], j  # "... by both excavators 3) dump truck 2 ...": the robots named before, then item 3
        if nums:
            ids = []
            for n in nums:
                rid = self.site.robot_by_type_num.get((rtype, n))
                if rid is None:
                    have = ", ".join(self.site.robots_by_type.get(rtype, ()))
                    msg = f"there is no {rtype.replace('_', ' ')} {n} (fleet has: {have})"
                    return Item(ItemKind.UNKNOWN, i, j2, msg, self.text(i, j2))
                ids.append(rid)
            return Item(ItemKind.ROBOT, i, j2, RobotDesc("ids", tuple(ids), rtype), self.text(i, j2))
        if det == "ordinal":
            rid = self.site.robot_by_type_num.get((rtype, count))
            if rid is None:
                pool = self.site.robots_by_type.get(rtype, ())
                rid = pool[count - 1] if 0 < count <= len(pool) else None
            if rid is None:
                msg = f"there is no {rtype.replace('_', ' ')} number {count}"
                return Item(ItemKind.UNKNOWN, i, j, msg, self.text(i, j))
            return Item(ItemKind.ROBOT, i, j, RobotDesc("ids", (rid,), rtype, ordinal=count), self.text(i, j))
        if not det and not plural and i > 0 and words[i - 1] in lex.pair_negations:
            det, count, plural = "both", 2, True  # "neither truck may enter X": both trucks, each kept out
        if count > 1 and not plural:
            plural = True  # "the two excavator dig": the number says there are two, whatever the noun's form
        desc = RobotDesc("type", rtype=rtype, det=det or "bare", count=count, plural=plural, of_them=partitive)
        return Item(ItemKind.ROBOT, i, j, desc, self.text(i, j))

    def _both_the(self, j: int) -> tuple[tuple[int, tuple[str, bool]] | None, int]:
        """(type match, its index) for "both (of) those / the / these trucks" (``j`` right after "both"): one robot
        phrase, as "both trucks" is. Read as the pronoun "both" (the two robots named last) beside the plural "those
        trucks", the pair's loading took in a third truck named after them, and sent it to the loader."""
        words = self.words
        k = j + 1 if j < len(words) and words[j] == "of" else j
        if k + 1 < len(words) and words[k] in _BOTH_ARTICLES:
            t = self.type_index.match(words, k + 1)
            if t is not None and t[1][1]:
                return t, k + 1
        return None, j

    def _leftover(self, i: int) -> Item | None:
        """"*whichever truck is left*", "*the truck that is left over*": the robot of that type left out of the groups
        named before, as "the remaining truck" (rule 19: a group of its own). Read as the bare "truck" ("the truck"),
        it was the trucks named last, and they did its step. Only with a lead word (``leftover_leads``: "whichever")
        may a bare "is left" follow (``leftover_after_lead``); after "the", a relative or "left over" does
        (``leftover_after_the``): "the truck is left at soil 1" says where it stays. A place after the words ("that
        is left at soil 1") tells where it is left, not that it is the one left over."""
        words, lex = self.words, self.lex
        lead = words[i] in lex.leftover_leads
        if not (lead or words[i] == "the") or i + 1 >= len(words):
            return None
        t = self.type_index.match(words, i + 1)
        if t is None:
            return None
        length, (rtype, plural) = t
        k = i + 1 + length
        said = lex.leftover_after_lead if lead else lex.leftover_after_the
        for n in range(min(4, len(words) - k), 0, -1):
            end = k + n
            if " ".join(words[k:end]) in said and (end >= len(words) or words[end] not in lex.place_prepositions):
                desc = RobotDesc("type", rtype=rtype, det="remaining", plural=plural)
                return Item(ItemKind.ROBOT, i, end, desc, self.text(i, end))
        return None

    def _ordinal_adverb(self, i: int, j: int) -> bool:
        """Whether the ordinal at ``i`` (ending at ``j``) is the order of a step, no robot with its noun left out:
        bare (no article) and right after the robot ("loads the second truck first, then ...") or the place of its
        clause ("have the third truck check puddle 2 first, then come back": read as "the first", it sent truck 1
        along with truck 3)."""
        if j != i + 1 or not self.items:
            return False
        last = self.items[-1]
        return last.end == i and last.kind in (ItemKind.ROBOT, ItemKind.OBJECT, ItemKind.PLACE)

    def _partitive(self, det: str, i: int, noun: int, rtype: str) -> bool:
        """"two *of the* trucks" after several trucks were named ("every truck goes to obstacle 2. When ..., two of
        the trucks drive to rock 1"): that many of those, as "two of them" is, so they go on from those robots' last
        step; read as two trucks of their own, the move waited only for what its clause named."""
        if det != "count" or noun < i + 2 or self.words[noun - 2:noun] != ["of", "the"]:
            return False
        several = self._several_before()
        return several is not None and several.rtype == rtype

    def _next_list_number(self, i: int, nums: Sequence[int], end: int) -> bool:
        """The one number ``nums`` after a robot noun that has a determiner or is plural, ending at ``end``, opens the
        next item of a numbered list said in one line: a ")" follows it, it is one more than the last item's number,
        and no "(" before it, since that item, makes the ")" close an aside. Taken as the robot's number, "by both
        excavators 3) dump truck 2 ..." was excavator 3 alone, and item 3 ran on in item 2."""
        words = self.words
        if len(nums) != 1 or end >= len(words) or words[end] != ")":
            return False
        last = next((it for it in reversed(self.items) if it.kind is ItemKind.MARK
                     and it.payload in ("list_first", "list_next")), None)
        if last is None or "(" in words[last.end:i]:
            return False
        said = next((n for n in map(self.lex.number, last.text.split()) if n is not None), None)
        return said is not None and nums[0] == said + 1

    def obj(self, i: int) -> Item | None:
        words, lex = self.words, self.lex
        det, count, j = _determiner(words, i, lex)
        if det in ("another", "remaining", "own", "each", "count") and count != 1:
            det = det if det != "count" else "count"
        k = self.kind_index.match(words, j) if j < len(words) else None
        if k is None:
            return None
        length, (kind, plural) = k
        j += length
        nums, j2 = _numbers(words, j, lex, self.noun_at)
        if nums:
            names = []
            for n in nums:
                name = self.site.object_by_kind_num.get((kind, n))
                if name is None:
                    have = ", ".join(self.site.objects_by_kind.get(kind, ()))
                    msg = f"there is no {kind} {n} on the site ({kind}s known: {have})"
                    return Item(ItemKind.UNKNOWN, i, j2, msg, self.text(i, j2))
                names.append(name)
            return Item(ItemKind.OBJECT, i, j2, ObjectDesc("names", tuple(names), kind), self.text(i, j2))
        if det == "ordinal":
            pool = self.site.objects_by_kind.get(kind, ())
            name = self.site.object_by_kind_num.get((kind, count))
            if name is None and 0 < count <= len(pool):
                name = pool[count - 1]
            if name is None:
                msg = f"there is no {kind} number {count} on the site"
                return Item(ItemKind.UNKNOWN, i, j, msg, self.text(i, j))
            return Item(ItemKind.OBJECT, i, j, ObjectDesc("names", (name,), kind), self.text(i, j))
        if kind not in self.site.objects_by_kind:
            return None
        desc = ObjectDesc("kind", kind=kind, det=det or "bare", plural=plural)
        return Item(ItemKind.OBJECT, i, j, desc, self.text(i, j))

    def run(self) -> list[Item]:
        words, site = self.words, self.site
        n = len(words)
        i = 0
        items = self.items
        while i < n:
            w = words[i]
            if w in _PUNCT:
                items.append(Item(ItemKind.PUNCT, i, i + 1, w, w))
                i += 1
                continue
            if w in site.robot_ids:
                items.append(Item(ItemKind.ROBOT, i, i + 1, RobotDesc("ids", (w,), site.robot_type[w]), w))
                i += 1
                continue
            if w in site.object_names:
                items.append(Item(ItemKind.OBJECT, i, i + 1,
                                  ObjectDesc("names", (w,), site.object_kind[w]), w))
                i += 1
                continue
            if w.startswith("robot_") or (w.startswith("robot") and "_" in w):
                known = ", ".join(sorted(site.robot_ids))
                items.append(Item(ItemKind.UNKNOWN, i, i + 1, f"unknown robot {w!r} (fleet: {known})", w))
                i += 1
                continue
            marker = self.list_marker(i)
            if marker is not None:
                items.append(marker)
                i = marker.end
                continue
            if self._relative_that(i):
                items.append(Item(ItemKind.ROBOT, i, i + 1, RobotDesc("pronoun", pronoun="which"), w))
                i += 1
                continue
            step = self.step(i)
            if step.kind is ItemKind.ROBOT and step.end + 1 < n and words[step.end] == "'s":
                m = self.lex.robot_place_index.match(words, step.end + 1)
                if m:  # "excavator 2's site", "its excavator's pile": where that robot is
                    end = step.end + 1 + m[0]
                    step = Item(ItemKind.OBJECT, step.start, end, ObjectDesc("robot_place", robot=step.payload),
                                self.text(step.start, end))
            items.append(step)
            i = step.end
        return _which_plural(_which_both(items), self.lex.verb_index.first_words)

    def verb(self, i: int, length: int, hit: tuple[str, str]) -> Item:
        """A verb item; a keep-out verb swallows the keep-out noun after it ("lift the keep-out
        on puddle 1", "remove the no-go zone around rock 2"): the noun names no second step."""
        target, role = hit
        j = i + length
        if target in KEEPOUT_ACTIONS and j < len(self.words):
            k = j + 1 if self.words[j] in _DETERMINERS else j
            m = self.lex.keepout_noun_index.match(self.words, k) if k < len(self.words) else None
            if m:
                j = k + m[0]
        text = self.text(i, j)
        return Item(ItemKind.VERB, i, j, VerbHit(target, role, text), text)

    def _group_letter(self, i: int) -> bool:
        """Whether the word at ``i`` is a group's one-letter name, as "A" in "crew A loads both trucks": right after a
        group noun (the lexicon's ``group_nouns``) it names the crew (groups.py), it is no article. Read as "a", the
        verb after it became a noun ("a load") and the crew's loading was dropped with no word."""
        words = self.words
        return 0 < i and len(words[i]) == 1 and words[i] in _DETERMINERS and words[i - 1] in self.lex.group_nouns

    def _demonstrative_then_verb(self, i: int, j: int) -> bool:
        """"(right after) *that load* truck 2": "that" or "this" before a verb in its bare form is the pronoun of a
        step said before, and the verb an order about the robot after it, not a word that describes the robot (as
        "the waiting truck" is). Read as one mention, the loading was lost."""
        word = self.words[j]
        return self.words[i] in ("that", "this") and j == i + 1 and self.lex.verb_index.match(self.words, j) \
            is not None and not word.endswith(("s", "ing", "ed", "en")) or j == i + 1 and self._afterward_order(i)

    def _afterward_order(self, i: int) -> bool:
        """"(right) after *that / this* loads / loading / fill truck 2": "that" or "this" right after "after", before
        a verb word of any form but a participle with more of its clause after it, is the step said before and the
        verb an order, as a bare verb is (:meth:`_demonstrative_then_verb`). Read as "the loading truck 2" or "this
        fill" (a noun), the loading was dropped with no word. "after this load, truck 2 ..." (a comma right after)
        and "that loaded truck" stay as they were."""
        words = self.words
        return 0 < i and i + 2 < len(words) and words[i] in ("that", "this") and words[i - 1] == "after" \
            and self.lex.verb_index.match(words, i + 1) is not None and not words[i + 1].endswith(("ed", "en")) \
            and words[i + 2] not in _PUNCT

    def _after_plain_modifier(self, i: int) -> bool:
        """"since *the fresh fill needs* time to settle": a determiner and one plain word (no robot, place, verb or
        other word we know) before the verb word at ``i``, and a verb of its own right after it (an auxiliary, a
        modal or a word of need: the lexicon's ``condition_auxiliaries``, ``subject_modals``, ``reason_need_words``),
        make the verb word the noun of that verb's subject, as the lexicon's ``noun_modifiers`` do; read as a verb,
        the fill became a loading by the robots named before. Without such a verb after it the plain word may be the
        subject ("the surveyors drive over", "the material hauled to puddle 1"). ("When both loads have been
        tipped": :meth:`_counted_cargo`.)"""
        words, lex = self.words, self.lex
        finite = lex.condition_auxiliaries | lex.subject_modals | lex.reason_need_words
        if i < 2 or i + 1 >= len(words) or words[i + 1] not in finite or words[i - 2] not in _DETERMINERS \
                or len(self.items) < 2:
            return False
        mod, det = self.items[-1], self.items[-2]
        return mod.kind is ItemKind.WORD and mod.start == i - 1 and mod.end == i \
            and det.kind is ItemKind.WORD and det.start == i - 2 and words[i - 1] not in lex.first_words \
            and words[i - 1].isalpha()

    def _keepout_noun(self, i: int, verb: tuple[int, tuple[str, str]] | None) -> bool:
        """Whether the one word at ``i`` (``verb``: its verb match) is a keep-out verb that is also a keep-out noun
        ("ban", "avoidance")."""
        m = self.lex.keepout_noun_index.match(self.words, i)
        return verb is not None and verb[0] == 1 and verb[1][0] == "add_keepout" and m is not None and m[0] == 1

    def part_of_fleet(self, i: int) -> int | None:
        """Where a quantity and "of" before the fleet mention at ``i`` start ("*one of* the robots", "*a couple of*
        the robots"); None when none stands there."""
        words, quantities = self.words, self.lex.quantity_index
        if i < 2 or words[i - 1] != "of":
            return None
        for j in range(max(i - 4, 0), i - 1):
            q = quantities.match(words[j:i], 0)
            if q and q[0] >= i - j - 1:
                return j
        return None

    def list_marker(self, i: int) -> Item | None:
        """"1." / "2)" / "(3)" / "Step 2:" / "Second," opening a list item: the numbering orders
        the steps (payload ``list_first`` or ``list_next``); "Last," closes it, as "finally" does. A bare
        number reaches here only when no robot or object name took it, so "rock 1 2) truck 2 ..." is read as two
        items."""
        words, lex = self.words, self.lex
        n = len(words)
        w = words[i]
        at_start = i == 0 or words[i - 1] in _SENTENCE_END or words[i - 1] == "("
        j = i
        if w in lex.list_words and i + 1 < n and lex.number(words[i + 1]) is not None and at_start:
            j = i + 1  # "step 2"
        elif at_start and w in lex.ordinals and i + 1 < n and words[i + 1] in (",", ":") and lex.ordinals[w] > 1:
            return Item(ItemKind.MARK, i, i + 2, "list_next", self.text(i, i + 2))  # "Second, ..."
        elif at_start and w in lex.final_markers and i + 1 < n and words[i + 1] in (",", ":"):
            return Item(ItemKind.CONNECTIVE, i, i + 1, "final", w)  # "Last, ...": as "finally"
        num = lex.number(words[j]) if words[j].isdigit() or j > i else None
        if num is None:
            return None
        after = words[j + 1] if j + 1 < n else ""
        if after == ")" and i > 0 and words[i - 1] != "(":
            for k in range(i - 1, -1, -1):  # "excavators 1 and 3 (not 2) go ...": the ")" closes an aside
                if words[k] in _SENTENCE_END or words[k] == ")":
                    break
                if words[k] == "(":
                    return None
        if after == ")" or (after in (".", ":") and at_start) or (j > i and at_start):
            end = j + 2 if after in (")", ".", ":") else j + 1
            return Item(ItemKind.MARK, i, end, "list_first" if num == 1 else "list_next", self.text(i, end))
        return None

    def _cargo_noun(self, i: int, n: int) -> bool:
        """"Truck 1 has dumped its load", "takes its load away": after a verb (or an event verb such as "dumped"),
        a noun such as "load" is what the verb acts on (read as the loading, the dump at soil 2 was lost). Said
        elsewhere ("after its first load, truck 1 ...") it is the loading, which the anchor waits for."""
        if self.text(i, i + n).lower() not in self.lex.cargo_event_nouns:
            return False
        last = next((it for it in reversed(self.items) if it.kind is not ItemKind.WORD), None)
        return last is not None and last.kind in (ItemKind.VERB, ItemKind.EVENT)

    def _cargo_demonstrative(self, i: int) -> bool:
        """"(dump truck 1 then) hauls *that* load to obstacle 1": "that" between a carry or dump verb and a cargo noun
        (the lexicon's ``cargo_event_nouns``) is the noun's determiner, as "this" is. Read as the place pronoun, it
        left "load" a verb, and the truck was loaded a second time after the haul."""
        words = self.words
        return words[i] == "that" and i + 1 < len(words) and words[i + 1] in self.lex.cargo_event_nouns \
            and self._after_carry_or_dump(i)

    def _bare_cargo(self, i: int) -> bool:
        """"truck 1 carry *load* to puddle 2", "dump *load* on puddle 1": a word of the lexicon's ``cargo_event_nouns``
        right after a carry or dump verb, with the article dropped as non-native writers do, is the cargo the verb
        acts on, as "its load" is. Read as a loading, the truck drove back, tipped where it was and was loaded again."""
        return self.words[i] in self.lex.cargo_event_nouns and self._after_carry_or_dump(i)

    def _after_carry_or_dump(self, i: int) -> bool:
        """Whether a carry or dump verb ends right before word ``i`` (plain words read since are passed over)."""
        last = next((it for it in reversed(self.items) if it.kind is not ItemKind.WORD or it.start < i), None)
        return last is not None and last.end == i and last.kind is ItemKind.VERB \
            and (last.payload.role == "carry" or last.payload.target == "dump")

    def _anchor_gerund(self, i: int) -> bool:
        """"until *digging* is done", "when dumping finish": a work word in "-ing" (one of the lexicon's ``events``)
        right after an anchor's connective and before a word of completion (``gerund_event_followers``) is the event
        with its article dropped, as "the digging" is. Read as a verb, the anchor's robots were the ones said before
        it ("trucks 1 and 2 avoid rock 1 until digging is done": no truck can dig)."""
        words, lex = self.words, self.lex
        if not words[i].endswith("ing") or i + 1 >= len(words) or words[i + 1] not in lex.gerund_event_followers:
            return False
        ev = lex.event_index.match(words, i)
        if ev is None or ev[0] != 1 or not self.items:
            return False
        last = self.items[-1]
        return last.kind is ItemKind.CONNECTIVE and last.payload == "anchor" and last.end == i

    def _cargo_participle(self, i: int, n: int, target: str) -> bool:
        """"Truck 1 hauls *broken rock* to puddle 1", "takes the freshly *dug soil*", "the *broken-up rock*": a
        participle of digging right before a cargo noun (the lexicon's ``cargo``) with no number after it describes
        the cargo. Read as a verb, the truck was asked to dig (refused), or an excavator that "loads truck 1 with
        broken rock" dug a second time. "Has broken rock 1 up" names a place and stays the digging."""
        words = self.words
        if target != "dig" or not _PARTICIPLE.search(words[i]) or i + n >= len(words) \
                or words[i + n] not in self.lex.cargo or words[i + n] in _OBJECT_PRONOUNS:
            return False  # "has broken it up": the place, not a load
        return i + n + 1 >= len(words) or _number_at(words, i + n + 1, self.lex) is None

    def _split_keepout_before(self) -> bool:
        """The items just read are a split keep-out verb and the robots it holds ("keep truck 2", "steer excavators 1
        and 3"): a particle after them ("clear of", lexicon ``split_keepout_particles``) belongs to that verb. Read as
        a keep-out verb of its own ("everybody clear of obstacle 1"), the verb before it had no place."""
        k = len(self.items)
        while k > 0 and (self.items[k - 1].kind in (ItemKind.ROBOT, ItemKind.WORD)  # "keep them *well* clear of"
                         or self.items[k - 1].kind is ItemKind.MARK  # "keep everyone *except* truck 1 and ..."
                         or self.items[k - 1].kind is ItemKind.PUNCT and self.items[k - 1].payload == ","):
            k -= 1
        if k == 0 or not any(it.kind is ItemKind.ROBOT for it in self.items[k:]):
            return False
        before = self.items[k - 1]
        return before.kind is ItemKind.VERB and before.text in self.lex.split_keepout_verbs

    def _listed_robots_then_particle(self, i: int) -> bool:
        """After the split keep-out verb at ``i``, a list of robots of any length (robot nouns, numbers and the
        lexicon's ``split_keepout_list_words``), then its particle: "keep everyone except excavator 2 and truck 1
        away from rock 1", "keep dump truck 1 and dump truck 2 away ...". The particle further off than the seven
        words the verb looks at otherwise, the keep-out was refused as a move away from its place."""
        words, lex = self.words, self.lex
        k = i + 1
        while k < len(words) and (self.noun_at(k) or words[k].isdigit() or lex.number(words[k]) is not None
                                  or words[k] in lex.split_keepout_list_words):
            k += 1
        return k < len(words) and words[k] in lex.split_keepout_particles and any(
            self.noun_at(n) for n in range(i + 1, k))

    def _kept_thing_clear(self, i: int) -> bool:
        """"To keep the survey area clear, no robot ...": the split keep-out verb at ``i`` ends its clause on the
        particle, with no robot or place word before it: what is kept clear is a thing, and the clause says why.
        Read as a keep-out, it had no place and the instruction was refused ("keep puddle 1 clear" stays one)."""
        words = self.words
        j = next((k for k in range(i + 1, min(i + 8, len(words))) if words[k] in self.lex.split_keepout_particles),
                 None)
        if j is None or j == i + 1 or (j + 1 < len(words) and words[j + 1].isalnum()):
            return False  # "keep trucks clear of rock 1": the particle opens its place; "everyone keeps out."
        return not any(self.noun_at(k) or words[k].isdigit() or self.lex.number(words[k]) is not None
                       or words[k] in ("it", "them", "there", "everyone", "everybody")
                       for k in range(i + 1, j))

    def _robots_alone_before(self) -> bool:
        """The items just read are robots that open their clause, with no verb ("everybody", "trucks 1 and 2"): a
        word after them that is no verb (``verbless_keepout_words``: "off") stands for the clause's verb."""
        k = len(self.items)
        while k > 0 and (self.items[k - 1].kind is ItemKind.ROBOT or (
                self.items[k - 1].kind is ItemKind.WORD and self.items[k - 1].text in ("and", "the", "all"))):
            k -= 1
        if k == len(self.items) or self.items[-1].kind is not ItemKind.ROBOT:
            return False
        return k == 0 or self.items[k - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)

    def _opener_comma(self, j: int, most: int = 4) -> int | None:
        """Where a sentence opener that ends at ``j`` ends: at its comma, past at most ``most`` plain words naming
        the time it opens ("To start *today*,", "To start *this morning's work*,"); None when no comma comes so, or
        a word between names a robot, a place, a number or a step. Read as words, "start" of "To start today" was
        the start place and the sentence a trip there with no robot."""
        words, lex = self.words, self.lex
        for k in range(j, min(j + most + 1, len(words))):
            w = words[k]
            if w == ",":
                return k
            if not w.replace("'", "").isalpha() or lex.number(w) is not None or self.noun_at(k) \
                    or w in lex.place_prepositions or lex.start_index.match(words, k) or lex.verb_index.match(words, k):
                return None
        return None

    def _start_place_opener(self, i: int, length: int) -> bool:
        """"(then it) dumps at the start", "unload at the start position": an opener of ``length`` words that is a
        preposition and a start place (the lexicon's ``start_places``) names that place when a longer start place
        runs on after it, or when it comes right after a verb of tipping and the cargo it tips. Read as the opener
        ("first"), the tipping came first thing and the drive back to the start was dropped."""
        words, lex = self.words, self.lex
        if words[i] not in _START_LEADS:
            return False
        m = lex.start_index.match(words, i + 1)
        if m is None or m[0] < length - 1:
            return False
        if m[0] > length - 1:
            return True
        last = next((it for it in reversed(self.items)
                     if not (it.kind is ItemKind.WORD and (it.text in lex.cargo or it.text in _DETERMINERS))), None)
        return last is not None and last.kind is ItemKind.VERB and last.payload.target == "dump"

    def _done_after(self, i: int) -> bool:
        """A condition auxiliary (and "been") and a word of being done start at ``i`` ("are done", "have been
        completed"): what stands before them is deeds, which places cannot be."""
        words, lex = self.words, self.lex
        if i >= len(words) or words[i] not in lex.condition_auxiliaries:
            return False
        j = i + 2 if " ".join(words[i:i + 2]) in lex.state_be_forms else i + 1  # "have been"
        return bool(lex.event_index.match(words, j))

    def _counted_cargo(self, i: int) -> bool:
        """"With both loads on, truck 3 drives to puddle 2": a plural noun that is also a verb (the lexicon's
        ``counted_cargo_nouns``) right after a count (``counted_cargo_quantifiers``) is a noun, since a plural count
        cannot be the subject of "loads". Read as "both" (the robots named last) and a loading, the truck was
        loaded once more. Not before a robot ("excavator 1 both loads truck 1 and ..."), where "both" pairs verbs.
        So after a number word ("has to pick up *two loads*"), unless the number names a robot ("excavator two loads
        truck 1")."""
        words, lex = self.words, self.lex
        if not 0 < i < len(words) or words[i] not in lex.counted_cargo_nouns:
            return False
        robot_number = any(it.kind is ItemKind.ROBOT and it.end == i for it in self.items)
        if words[i - 1] not in lex.counted_cargo_quantifiers and not (words[i - 1] in lex.numbers and not robot_number):
            return False
        return i + 1 >= len(words) or not (self.noun_at(i + 1) or lex.robot_pronoun_index.match(words, i + 1)
                                           or words[i + 1] in self.site.robot_ids)

    def _purpose_noun(self, i: int) -> bool:
        """"gathers at obstacle 1 for the end-of-day check.": a verb word that ends its clause after "for" and a
        determiner with only plain words between is the noun of a purpose; read as a verb, it was a trip with no
        place. Not after a robot or a number ("for the trucks dump" is no such phrase). So is a move's event noun
        right after "for" with no determiner, as non-native writers put it ("..., all for check."): read as a verb,
        it tagged only the last clause's move as the check a later "after its check" means (L3_625)."""
        words, lex = self.words, self.lex
        if i + 1 < len(words) and words[i + 1] not in _PUNCT:
            return False
        ev = lex.event_index.match(words, i) if i > 0 and words[i - 1] == "for" else None
        if ev and ev[1].action == "navigate":  # "for dig" stays the digging itself
            return True
        for j in range(i - 2, max(i - 7, 0), -1):
            if words[j] in _DETERMINERS and words[j - 1] == "for":
                return all(not (w.isdigit() or w in _PUNCT or w in lex.first_words or w in self.type_index
                                or w in self.kind_index) or w == "of" for w in words[j + 1:i])
        return False

    def alert_opener(self, i: int) -> Item | None:
        """A call for attention that opens a sentence before a comma ("Heads up, everyone: ..."), left out: its
        "heads" would otherwise be a trip with no place."""
        words = self.words
        if i > 0 and words[i - 1] not in _SENTENCE_END and not self._after_greeting(i):
            return None
        for n in (3, 2, 1):
            if i + n < len(words) and words[i + n] in (",", ":", "!") \
                    and " ".join(words[i:i + n]) in self.lex.alert_openers:
                return Item(ItemKind.MARK, i, i + n, "ignored", self.text(i, i + n))
        return None

    def _after_greeting(self, i: int) -> bool:
        """"Hey everyone, heads up: ...", "Everyone, heads up: ...": a comma before ``i`` closes a greeting that opens
        the sentence (greeting words and the people greeted, the lexicon's ``greeting_words`` and
        ``greeting_addressees``), so what comes after it opens the message as it would after a full stop."""
        words, lex = self.words, self.lex
        if i < 2 or words[i - 1] != ",":
            return False
        j = i - 2
        while j >= 0 and (words[j] in lex.greeting_words or words[j] in lex.greeting_addressees):
            j -= 1
        return j < i - 2 and (j < 0 or words[j] in _SENTENCE_END)

    def step(self, i: int) -> Item:
        words, lex = self.words, self.lex
        w = words[i]
        left = self._leftover(i)
        if left is not None:
            return left
        if w not in lex.first_words and w not in self.type_index and w not in self.kind_index \
                and not w.isdigit():
            return Item(ItemKind.WORD, i, i + 1, None, w)
        pairing = self.pairing_one(i)  # before a bare number: "trucks 1 and 2 ..., one to each" is no truck 1
        if pairing is not None:
            return pairing
        bare = self.bare_number(i)
        if bare is not None:
            return bare
        alert = self.alert_opener(i)
        if alert is not None:
            return alert
        if self._cargo_demonstrative(i):
            return Item(ItemKind.WORD, i, i + 1, None, w)
        mk = lex.mark_index.match(words, i)
        place = lex.object_pronoun_index.match(words, i)
        if mk and place and place[0] > mk[0]:
            return Item(ItemKind.OBJECT, i, i + place[0], ObjectDesc("pronoun", pronoun=self.text(i, i + place[0])),
                        self.text(i, i + place[0]))  # "avoids the same place": a place, not a repeat ("the same")
        if mk:
            c = lex.connective_index.match(words, i)
            if c and c[0] > mk[0]:  # "but not before X": a longer connective wins over the mark "but not"
                return Item(ItemKind.CONNECTIVE, i, i + c[0], c[1], self.text(i, i + c[0]))
            return Item(ItemKind.MARK, i, i + mk[0], mk[1], self.text(i, i + mk[0]))
        if w == "what" and i + 2 < len(words) and words[i + 1] in ("it", "they", "he", "she", "we"):
            v = lex.verb_index.match(words, i + 2)
            if v:  # "what they dig": a relative clause naming cargo, not a new step
                return Item(ItemKind.MARK, i, i + 2 + v[0], "relative", self.text(i, i + 2 + v[0]))
        if lex.remaining_index.match(words, i) or lex.other_index.match(words, i):
            r = self.robot(i)  # "the rest of the trucks", "the other truck" before "the rest", "the others"
            if r is not None:
                return r
        if w in _PARTNER_DETERMINERS and i + 1 < len(words) and words[i + 1] in lex.partner_nouns:
            # "its partner", "the partner", "your buddy": a robot paired with another
            return Item(ItemKind.ROBOT, i, i + 2, RobotDesc("partner", det=w), self.text(i, i + 2))
        m = lex.fleet_index.match(words, i)
        rest = lex.other_robots_index.match(words, i)
        if rest and (not m or rest[0] > m[0]):  # "everyone else" before "everyone"
            # "nobody else goes there": the others kept out, not sent
            neg = words[i] in ("nobody", "no", "noone", "none")
            return Item(ItemKind.ROBOT, i, i + rest[0], RobotDesc("others", negated=neg), self.text(i, i + rest[0]))
        part = self.part_of_fleet(i) if m else None
        if m and part is not None:
            # "one of the robots checks puddle 1", "some of the robots": part of the fleet, of no type said
            said = self.text(part, i + m[0])
            return Item(ItemKind.UNKNOWN, i, i + m[0], f"which robots does {said!r} mean? (name them, or say "
                                                       f"how many of which type)", self.text(i, i + m[0]))
        if m:
            neg = words[i] in ("nobody", "no", "noone", "none")
            return Item(ItemKind.ROBOT, i, i + m[0], RobotDesc("fleet", negated=neg), self.text(i, i + m[0]))
        m = lex.other_robots_index.match(words, i)
        if m:
            return Item(ItemKind.ROBOT, i, i + m[0], RobotDesc("others"), self.text(i, i + m[0]))
        v = lex.verb_index.match(words, i)
        if v and self._cargo_participle(i, v[0], v[1][0]):
            return Item(ItemKind.WORD, i, i + 1, None, w)  # "hauls broken rock": the cargo's adjective
        if v and w in lex.split_keepout_particles and self._split_keepout_before():
            return Item(ItemKind.WORD, i, i + 1, None, w)  # "keep truck 2 *clear* of ...": the verb's particle
        if v and v[0] >= 2:  # "start digging" before the place "start"
            return self.verb(i, v[0], v[1])
        if w == "you" and i + 2 < len(words) and (lex.number(words[i + 1]) or 0) > 1 \
                and self.type_index.match(words, i + 2) is not None:
            r = self.robot(i)  # "you two trucks": read as "the two trucks" (see _determiner)
            if r is not None:
                return r
        if w in lex.mention_starts and (c := lex.connective_index.match(words, i)) and c[0] > 1:
            # "the moment truck 2 gets there": a connective, not a robot mention opened by "the"
            return Item(ItemKind.CONNECTIVE, i, i + c[0], c[1], self.text(i, i + c[0]))
        if w in lex.mention_starts or w in self.type_index or w in self.kind_index or (
                w.isdigit() and i + 1 < len(words) and self.type_index.match(words, i + 1) is not None):
            r = self.robot(i)
            if r is not None:
                return r
            o = self.obj(i)
            if o is not None:
                return o
            n = lex.number(words[i + 1]) if i + 1 < len(words) and w in _COUNTED_PRONOUN else None
            place = lex.object_pronoun_index.match(words, i)
            if n and place and place[0] > 2:
                n = None  # "those two places": places, not "those two" robots
            if n and n > 1 and not self.noun_at(i + 2) and not (  # not "the one at base", "the two other trucks"
                    i + 2 < len(words) and words[i + 2] in ("other", "remaining", "more", "last", "spare")
                    and self.noun_at(i + 3)):
                # "all three", "the two of them": that many robots named before
                j = i + 4 if words[i + 2:i + 4] in (["of", "them"], ["of", "us"]) else i + 2
                return Item(ItemKind.ROBOT, i, j, RobotDesc("pronoun", pronoun=str(n)), self.text(i, j))
        if w == "all" and not self._floats_on_robots() and (  # not "trucks all go", "trucks should all go"
                i + 1 == len(words) or words[i + 1] in _PUNCT or lex.start_index.match(words, i + 1)
                or lex.verb_index.match(words, i + 1) or lex.except_index.match(words, i + 1)
                or words[i + 1] == "but" or self._all_to(i)):
            # "ALL: avoid puddle 1", "all home", "all return", "all except truck 2": the whole fleet
            return Item(ItemKind.ROBOT, i, i + 1, RobotDesc("fleet"), w)
        if w == "but" and self.items and self.items[-1].kind is ItemKind.ROBOT \
                and self.items[-1].payload.form in ("fleet", "others") and i + 1 < len(words) and self.noun_at(i + 1):
            return Item(ItemKind.MARK, i, i + 1, "except", w)  # "all the robots but truck 3"
        m = lex.opener_index.match(words, i)
        comma = self._opener_comma(i + m[0]) if m and (i == 0 or words[i - 1] in _SENTENCE_END) else None
        if comma is not None:
            # "To start, everyone avoids rock 2", "To start today, ...": the sentence comes first, not a trip to the
            # start
            return Item(ItemKind.CONNECTIVE, i, comma, "first", self.text(i, comma))
        m = lex.closer_index.match(words, i)
        if m and (i == 0 or words[i - 1] in _SENTENCE_END) and i + m[0] < len(words) and words[i + m[0]] == ",":
            # "To finish, all robots return to start": as "finally"; read as a purpose, the return waited only for
            # the step said last, not for every open end (a lifting said just before)
            return Item(ItemKind.CONNECTIVE, i, i + m[0], "final", self.text(i, i + m[0]))
        m = lex.start_index.match(words, i)
        if m and not (m[0] == 1 and w == "start" and (i == 0 or words[i - 1] not in _START_LEADS)):
            # ("have excavator 1 start now": the verb, not the place; the place follows "to", "at", ...)
            return Item(ItemKind.PLACE, i, i + m[0], "start", self.text(i, i + m[0]))
        m = lex.duration_index.match(words, i)
        c = lex.connective_index.match(words, i)
        if m and (c is None or m[0] > c[0]):  # "while this happens" is a duration, "while" alone is not
            return Item(ItemKind.MARK, i, i + m[0], "duration", self.text(i, i + m[0]))
        m = lex.again_words.match(words, i)
        if m and c and m[0] > c[0]:  # "digs once more": a repeat, not the "once" of a condition
            return Item(ItemKind.MARK, i, i + m[0], "again", self.text(i, i + m[0]))
        if c and c[1] == "first" and i > 0 and words[i - 1] == "back":
            c = None  # "I want everyone back at the start": the place, not "at the start" (first) of a sentence
        end = i + c[0] if c else i
        demo = self.robot(end - 1) if end - i > 1 and words[end - 1] in ("that", "this") and not (
            end < len(words) and (words[end] in _DETERMINERS or _determiner(words, end, lex)[0]
                                  or words[end] in lex.type_negations or words[end] in lex.pair_negations)) else None
        # not "after that the truck ...", "after that both trucks ...", "after that two trucks ...", "after that no
        # truck ...", "after that neither truck ..."
        if demo is not None and demo.kind is ItemKind.ROBOT and demo.payload.form == "type":
            # "after that truck has dumped": "after" opens the anchor, "that truck" is its robot
            shorter = lex.connective_index.match(words[:end - 1], i)
            if shorter:
                return Item(ItemKind.CONNECTIVE, i, i + shorter[0], shorter[1], self.text(i, i + shorter[0]))
        if c and c[1] == "first" and self._start_place_opener(i, c[0]):
            return Item(ItemKind.WORD, i, i + 1, None, w)  # "dumps *at* the start": the start place comes next
        if c:
            size = c[0] - 1 if c[0] > 1 and words[i + c[0] - 1] in lex.permission_words else c[0]
            # "only after that *can* the fleet use rock 2 again": the connective is read with its inverted modal (not
            # to leave "that can the fleet" a mention), but a permission word is the main clause's, so it stays a
            # word of its own; swallowed, the lifting was read as a move into the closed place
            return Item(ItemKind.CONNECTIVE, i, i + size, c[1], self.text(i, i + size))
        if w in lex.verbless_keepout_words and self._robots_alone_before() and i + 1 < len(words) \
                and words[i + 1] not in lex.place_prepositions:
            # "everybody off soil 2 for now", on a phone or the radio: robots and "off" with no verb is a keep-out
            return Item(ItemKind.VERB, i, i + 1, VerbHit("add_keepout", "verb", w), w)
        m = lex.negation_index.match(words, i)
        if m and not (words[i] == "no" and i + 1 < len(words) and words[i + 1] == "longer"
                      and lex.verb_index.match(words, i)):
            if not lex.verb_index.match(words, i):
                return Item(ItemKind.MARK, i, i + m[0], "neg", self.text(i, i + m[0]))
        if w in lex.split_keepout_verbs and (any(x in lex.split_keepout_particles for x in words[i + 1:i + 8])
                                             or self._listed_robots_then_particle(i)) \
                and not self._kept_thing_clear(i):
            # "keep every machine away from soil 1", "steer excavator 3 clear of rock 1": the robots
            # sit inside the verb
            return Item(ItemKind.VERB, i, i + 1, VerbHit("add_keepout", "verb", w), w)
        v = hit = lex.verb_index.match(words, i)
        if v and v[0] == 1 and i > 0 and not self._group_letter(i - 1) and (
                words[i - 1] in _DETERMINERS and not self._afterward_order(i - 1)
                or self._cargo_demonstrative(i - 1) or (
                i > 1 and words[i - 1] in lex.noun_modifiers and words[i - 2] in _DETERMINERS)
                or self._after_plain_modifier(i)):
            v = None  # "the load", "its load", "a check", "your current load": a noun, not a verb
        if v and self._counted_cargo(i):
            v = None  # "with both loads on": a noun
        if v and v[0] == 1 and self._bare_cargo(i):
            v = None  # "carry load to puddle 2": the cargo
        if v and v[0] == 1 and self._anchor_gerund(i):
            v = None  # "until digging is done": the event
        if v is None and i > 0 and words[i - 1] in _DETERMINERS and self._keepout_noun(i, hit):
            v = hit  # "the ban ends", "the avoidance is over": a keep-out noun, which keepout_nouns.py reads as one
        if v and v[0] == 1 and self._purpose_noun(i):
            v = None
        if v:
            return self.verb(i, v[0], v[1])
        m = lex.distributive_index.match(words, i)
        if m:
            text = self.text(i, i + m[0])
            pairwise = text in lex.pairwise or "respective" in text
            return Item(ItemKind.MARK, i, i + m[0], "respectively" if pairwise else "each", text)
        p = lex.robot_pronoun_index.match(words, i)
        if p and self._counted_cargo(i + p[0]):
            p = None  # "with both loads on": the count of the loads, not the two robots named last
        if p and p[1] == "both" and self.kind_index.match(words, i + p[0]):
            p = None  # "the two puddles", "the pair of rocks": the objects' determiner, not robots
        place = lex.object_pronoun_index.match(words, i)
        if p and place and place[0] > p[0] and not self.type_index.match(words, i + place[0]):
            # "both places", "both of those": places, not the robot pronoun "both" ("both of those trucks"), unless
            # they are done ("when both of those are finished"): the deeds just said, which "both" alone reads
            p = (place[0], p[1]) if p[1] == "both" and self._done_after(i + place[0]) else None
        whole = lex.everything_index.match(words, i)
        if p and whole and whole[0] > p[0]:
            p = None  # "both jobs": every job still open, not the two robots named last
        if p and self._worked_place_it(i, p[0], p[1]):
            return Item(ItemKind.OBJECT, i, i + 1, ObjectDesc("pronoun", pronoun=w), w)
        if p:
            said = self.text(i, i + p[0])
            # "then all of them return": every robot the sentence named, not only the latest group
            det = "all" if p[1] == "they" and said.lower() in lex.all_of_them_pronouns else \
                "crews" if p[1] == "both" and said.lower() in lex.both_crews_pronouns else \
                "pair" if p[1] == "both" and said.lower() in lex.pair_pronouns else ""
            return Item(ItemKind.ROBOT, i, i + p[0], RobotDesc("pronoun", pronoun=p[1], det=det), said)
        if w in lex.permission_words:
            return Item(ItemKind.MARK, i, i + 1, "permit", w)
        m = lex.again_words.match(words, i)
        if m:
            return Item(ItemKind.MARK, i, i + m[0], "again", self.text(i, i + m[0]))
        m = lex.everything_index.match(words, i)
        if m:
            return Item(ItemKind.MARK, i, i + m[0], "everything", self.text(i, i + m[0]))
        ev = lex.event_index.match(words, i)
        if ev and not self._cargo_noun(i, ev[0]):
            return Item(ItemKind.EVENT, i, i + ev[0], ev[1], self.text(i, i + ev[0]))
        m = lex.object_pronoun_index.match(words, i)
        if m:
            text = self.text(i, i + m[0])
            return Item(ItemKind.OBJECT, i, i + m[0], ObjectDesc("pronoun", pronoun=text), text)
        return Item(ItemKind.WORD, i, i + 1, None, w)


def _which_both(items: list[Item]) -> list[Item]:
    """``items`` with a relative "which" that a floating "both" follows, past one word at most ("..., which (have)
    *both* driven to soil 1"), marked as meaning two robots: "loads truck 1 and then truck 2, which both drive there"
    sends both trucks. Read as the robot named last, truck 1's move was dropped without a word."""
    for k, it in enumerate(items):
        if not _relative_which(items, k):
            continue
        for j in (k + 1, k + 2):
            nxt = items[j] if j < len(items) else None
            if nxt is not None and nxt.kind is ItemKind.ROBOT and nxt.payload.form == "pronoun" \
                    and nxt.payload.pronoun == "both" and nxt.text == "both":
                items[k] = replace(it, payload=replace(it.payload, det="both"))
                break
            if nxt is None or nxt.kind is not ItemKind.WORD:
                break
    return items


_LIST_JOINERS = frozenset({"and", "first"})
"""Plain words inside a list of loaded robots ("dump truck 1 *first and* then dump truck 2"), besides commas,
connectives and an order said after it ("in turn")."""


def _which_plural(items: list[Item], verbs: frozenset[str]) -> list[Item]:
    """``items`` with a relative "which" whose verb is in the plural, past one plain word at most ("..., which
    (then) *transport* the soil to obstacle 2"), marked as meaning every robot of the list right before it: "loads
    dump truck 1 and then dump truck 2, which then transport the soil" hauls with both. Read as the robot named
    last, truck 1's haul and dump were dropped without a word. A singular verb ("which transports") keeps the last."""
    for k, it in enumerate(items):
        if not _relative_which(items, k) or it.payload.det:
            continue
        j = k + 2 if k + 1 < len(items) and items[k + 1].kind in (ItemKind.WORD, ItemKind.CONNECTIVE) else k + 1
        if j >= len(items) or items[j].kind is not ItemKind.VERB or not _bare_plural(items[j].text, verbs):
            continue
        size = _list_size(items, k)
        if size >= 2:
            items[k] = replace(it, payload=replace(it.payload, det="both" if size == 2 else str(size)))
    return items


def _bare_plural(text: str, verbs: frozenset[str]) -> bool:
    """The verb's first word is the bare form of a verb whose "-s" form is known too ("transport" / "transports")."""
    w = text.split()[0]
    return not w.endswith("s") and (w + "s" in verbs or w + "es" in verbs
                                    or (w.endswith("y") and w[:-1] + "ies" in verbs))


def _list_size(items: Sequence[Item], k: int) -> int:
    """How many robots the list of robot names right before ``items[k]`` holds, each name one robot or as many as it
    numbers ("dump trucks 1 and 2"); 0 when a robot of another form (a group, a pronoun) is in it."""
    size = 0
    j = k - 1
    while j >= 0 and (items[j].kind in (ItemKind.ROBOT, ItemKind.PUNCT, ItemKind.CONNECTIVE)
                      or (items[j].kind is ItemKind.WORD and items[j].text in _LIST_JOINERS)
                      or (items[j].kind is ItemKind.MARK and items[j].payload == "in_order")):
        if items[j].kind is ItemKind.PUNCT and items[j].text != ",":
            break
        if items[j].kind is ItemKind.ROBOT:
            if items[j].payload.form != "ids":
                return 0
            size += len(items[j].payload.ids)
        j -= 1
    return size


def scan(tokens: Sequence[Token], lex: Lexicon, site: SiteIndex, fleet_types: Sequence[str],
         kinds: Sequence[str]) -> list[Item]:
    """Items of an instruction, left to right, each the longest phrase that fits."""
    words = [t.word for t in tokens]
    s = _Scanner(words, lex, site, lex.type_index(fleet_types), lex.kind_index(kinds))
    return s.run()


_PLAIN_ROLES = frozenset({"subject", "relative", "anchor", "waited"})
"""History roles that say nothing of the kind of step a robot was given (a subject may go, wait or dig); the others
("partner": loaded by an excavator) do, so "each truck" after two loadings means the trucks of both."""


class MentionResolver:
    """Turns robot mentions into members, remembering what was said before.

    ``history`` holds the robot groups in the order they were mentioned (subjects, anchors
    and partners); pronouns and definite descriptions look back through it.
    """

    def __init__(self, fleet: Fleet, site: SiteIndex):
        self.fleet = fleet
        self.site = site
        self.history: list[tuple[tuple[Member, ...], str]] = []
        self.last_others: tuple[Member, ...] = ()
        """What "the rest of the fleet" meant when last said: said again, it means the same robots."""
        self.fleet_mark = 0
        """Where the history stood when the whole fleet last moved together (set by the interpreter): "the rest of
        the fleet" after a gathering is the rest of the robots named since it, not since the start."""
        self.ahead: tuple[Member, ...] = ()
        """The robots named by number in the timing said after the clause being read ("the rest of the fleet keeps
        away from soil 1 *while excavator 1 digs there*"): with no robot named before, "the rest" is the rest of
        these (set by the interpreter)."""
        self._groups = 0
        self.type_groups: list[Member] = []
        self.addressee: tuple[Member, ...] = ()
        """The robots last spoken to ("Truck 1, ..."): what "you" means."""
        self.sentence = 0
        self._sentence_start: dict[int, int] = {0: 0}
        self.prefer_recent = False
        """Set while an anchor clause is read: "it" is the robot named last, not the subject."""
        self.idle: frozenset[str] = frozenset()
        #: "it" is none of ``idle`` (an anchor of completion after the clause: "... once it's done")
        self.idle_not_it = False
        """Set while an anchor after its clause is read: the keys of that clause's robots that have no step
        yet. Nothing of theirs can be waited for, so "both" skips them ("Excavator 1 goes to soil 1 once both
        are done": the two robots before it, not excavator 1 and the one before)."""
        self.announced: list[Member] = []
        """Groups a summary sentence introduced without giving them work yet ("some trucks need to
        ferry ..."): a later mention of the same type and count is the same group."""
        self.part_of: dict[str, tuple[str, ...]] = {}
        """For a group said as "one of them": the keys of the robots it was taken from (it stands where they
        stand: "Three excavators go to soil 2, then one of them digs there" needs no move)."""
        self.taken_from: dict[str, tuple[str, ...]] = {}
        """For a group taken out of robots said before ("one of them", "the other one"): their keys. The group's
        first step is a step of some of them, so it follows their last one (rule 8)."""
        self.leftovers: dict[tuple[str, int], Member] = {}
        """The group of one a leftover mention made ("two trucks ... the remaining / other / third truck"),
        by type and ordinal (0 for "remaining" / "other"): said again, it is the same robot."""

    # -- members -----------------------------------------------------------------------
    def robot_member(self, rid: str) -> Member:
        return Member(rid, self.site.robot_type[rid], rid)

    def new_group(self, rtype: str, count: int) -> Member:
        self._groups += 1
        m = Member(f"group{self._groups}:{rtype}", rtype, None, count)
        self.type_groups.append(m)
        return m

    def remember(self, members: Sequence[Member], role: str = "subject") -> None:
        if members:
            self.history.append((tuple(members), role))

    def split_up(self, whole: Member, parts: Sequence[Member]) -> None:
        """``whole`` went on as ``parts`` ("two trucks inspect puddle 1 and puddle 2 respectively": a truck each):
        where it was named, those parts are meant now ("each of the trucks" after it is the two, not three)."""
        self.history = [(tuple(x for m in members for x in (parts if m.key == whole.key else (m,))), role)
                        for members, role in self.history]

    def begin_sentence(self, sentence: int) -> None:
        """Mark where ``sentence`` starts in the history (pronouns look back a sentence or so)."""
        for sent in range(self.sentence + 1, sentence + 1):
            self._sentence_start.setdefault(sent, len(self.history))
        self.sentence = max(self.sentence, sentence)

    # -- look-back ---------------------------------------------------------------------
    def last_subject(self) -> tuple[Member, ...]:
        """The robots named last as the doers of a step: not a partner, a relative's robot, or the robots an
        "until" after its clause waits for ("truck 3 waits until truck 2 has tipped, then it ...": truck 3)."""
        for members, role in reversed(self.history):
            if role not in ("partner", "relative", "waited"):
                return members
        return ()

    def _loaded_last(self, lo: int, hi: int) -> tuple[Member, ...]:
        """"Trucks 1 and 3 go to soil 1 and excavator 3 loads them. Then they ...": when a sentence ends on one robot
        loading several (the partners named after its subject), "they" in the next sentence is the loaded robots,
        not every subject of that sentence (the loader stays where it loaded)."""
        said = self.history[lo:hi]
        loaded: list[Member] = []  # "..., truck 1 first.": the trucks of a loading order come one by one
        k = len(said)
        while k > 0 and said[k - 1][1] == "partner":
            k -= 1
            loaded = [*(m for m in said[k][0] if m not in loaded), *loaded]
        doer = said[k - 1][0] if k > 0 and said[k - 1][1] == "subject" else ()
        return tuple(loaded) if _size(loaded) > 1 and _size(doer) == 1 else ()

    def loaded_in(self, sentence: int) -> tuple[Member, ...]:
        """The trucks ``sentence`` ends on one robot loading (see ``_loaded_last``); empty if it does not."""
        lo = self._sentence_start.get(sentence)
        if lo is None:
            return ()
        hi = self._sentence_start.get(sentence + 1, len(self.history)) if sentence < self.sentence \
            else len(self.history)
        return self._loaded_last(lo, hi)

    def last_crews(self, n: int) -> tuple[Member, ...]:
        """"Both crews" / "both pairs": every robot of the ``n`` latest subject groups that share no robot, in the
        order they were named; "both" alone counts two robots, so a join on it waited for one crew only. Empty
        when fewer than ``n`` such groups of several robots each were named."""
        crews: list[tuple[Member, ...]] = []
        for members, role in reversed(self.history):
            if role in ("partner", "relative") or _size(members) < 2:
                continue
            if any(m in crew for crew in crews for m in members):
                continue
            crews.insert(0, members)
            if len(crews) == n:
                return tuple(m for crew in crews for m in crew)
        return ()

    def last_plural(self) -> tuple[Member, ...]:
        """"they": the latest subject if it is several robots; else the latest mention of several
        in this sentence ("it loads them, then they ...": or the subjects named one by one after it, when they
        are several); else the subjects named one by one in this or the previous sentence ("truck 1 ..., truck
        2 ..., and truck 3 ... . Then they ..."); else the latest mention of several since the previous sentence
        ("an excavator ... loads them. Then they haul ..."); else the latest subject."""
        latest = self.last_subject()
        if _size(latest) > 1:
            return latest
        here = self._sentence_start.get(self.sentence, len(self.history))
        since: list[Member] = []  # the subjects named after it, one by one
        for members, role in reversed(self.history[here:]):
            if _size(members) > 1:  # "it loads them, and then they ...": them
                # ... unless several robots were given work since: "Once both are done, send excavator 1 to soil 1
                # and excavator 2 to soil 2, where they dig" (not the robots the anchor waited for)
                return tuple(reversed(since)) if _size(since) > 1 else members
            if role == "subject":
                since += [m for m in members if m not in since]
        for sent in (self.sentence, self.sentence - 1):
            lo = self._sentence_start.get(sent)
            if lo is None:
                continue
            hi = self._sentence_start.get(sent + 1, len(self.history)) if sent < self.sentence else len(self.history)
            acc: list[Member] = []
            for members, role in self.history[lo:hi]:
                if role == "subject":
                    acc += [m for m in members if m not in acc]
            # "excavator 3 ... loads truck 2, then truck 3, and they ...": in its own sentence too (the one
            # loader is "it"; read as the sentence's subjects, the excavator drove off with the loads)
            loaded = self._loaded_last(lo, hi)
            if loaded:
                return loaded
            if _size(acc) > 1:
                return tuple(acc)
            if len(acc) == 1 and sent == self.sentence - 1:
                # "Truck 1, go ... . Truck 2, go ... . Truck 3, go ... . When they have arrived": the whole run
                run = self._single_subject_run(sent)
                if len(run) > 1:
                    return run
        floor = self._sentence_start.get(self.sentence - 1, 0)
        for members, _ in reversed(self.history[floor:]):
            if _size(members) > 1:
                return members
        for members, _ in reversed(self.history):
            if _size(members) > 1:
                return members
        return latest

    def _named_so_far(self) -> tuple[Member, ...]:
        """"Excavator 1 digs at soil 1 and loads truck 2. *All of them* return": opening its sentence, "all of them"
        is every robot named since the whole fleet last came together, whatever its role (the loaded truck too), in
        order of mention; read as "they", it was the excavator alone, and truck 2 stayed out."""
        acc: list[Member] = []
        for members, _ in self.history[self.fleet_mark:] or self.history:
            acc += [m for m in members if m not in acc and m.key not in self.idle]
        return tuple(acc)

    def _sentence_subjects(self) -> tuple[Member, ...]:
        """The robots named as subjects in this sentence so far, in order."""
        acc: list[Member] = []
        for members, role in self.history[self._sentence_start.get(self.sentence, len(self.history)):]:
            if role == "subject":
                acc += [m for m in members if m not in acc]
        return tuple(acc)

    def _single_subject_run(self, last: int) -> tuple[Member, ...]:
        """The robots of the sentences up to ``last`` that each had one robot as subject, going back
        while that holds (a roll call of orders, one robot per sentence)."""
        run: list[Member] = []
        for sent in range(last, -1, -1):
            lo = self._sentence_start.get(sent)
            if lo is None:
                break
            hi = self._sentence_start.get(sent + 1, len(self.history))
            subs = [m for members, role in self.history[lo:hi] if role == "subject" for m in members]
            subs = list(dict.fromkeys(subs))
            if len(subs) != 1 or subs[0].is_group or subs[0] in run:
                break
            run.insert(0, subs[0])
        return tuple(run)

    def _latest_sentence_of_type(self, rtype: str) -> tuple[Member, ...]:
        """The robots of ``rtype`` named in the latest sentence (before this one) that names any, unless a robot
        of ``rtype`` named before that sentence was given the same kind of part there ("Excavator 1 loads truck
        1. Excavator 2 loads trucks 2 and 3. Each truck ...": all three were loaded, so each is all three)."""
        for sent in range(self.sentence, -1, -1):
            lo = self._sentence_start.get(sent)
            if lo is None:
                continue
            hi = self._sentence_start.get(sent + 1, len(self.history)) if sent < self.sentence else len(self.history)
            found: list[Member] = []
            roles: set[str] = set()
            for members, role in self.history[lo:hi]:
                typed = [m for m in members if m.rtype == rtype]
                found += [m for m in typed if m not in found]
                if typed and role not in _PLAIN_ROLES:
                    roles.add(role)
            if not found:
                continue
            if any(role in roles and any(m.rtype == rtype and m not in found for m in members)
                   for members, role in self.history[:lo]):
                return ()
            return tuple(found)
        return ()

    def last_single(self) -> tuple[Member, ...]:
        """"it": the latest subject if it is one robot; else the latest single robot mentioned
        since the previous sentence ("they load it. It then dumps ..."); else the latest subject."""
        latest = self.last_subject()
        if self.prefer_recent:  # inside an anchor: "load truck 1 once it arrives" (the robot just named)
            here = self._sentence_start.get(self.sentence, len(self.history))
            for members, _ in reversed(self.history[here:]):
                if _size(members) == 1 and not self._idle(members):
                    return members
        if _size(latest) == 1 and not self._idle(latest):
            return latest
        floor = self._sentence_start.get(self.sentence - 1, 0)
        for members, _ in reversed(self.history[floor:]):
            if _size(members) == 1 and not self._idle(members):
                return members
        if self._idle(latest):
            # "Exc 2: dig at soil 1. Truck 3: go there once it's done.": the heading "Truck 3:" is a sentence of its
            # own, so the robot before it is further back; the idle robot is done with nothing (the wait was lost)
            for members, _ in reversed(self.history[:floor]):
                if _size(members) == 1 and not self._idle(members):
                    return members
        return latest

    def _idle(self, members: Sequence[Member]) -> bool:
        """"Send truck 1 to rock 1 once it's done": the robot of the clause an anchor of completion follows, with no
        step yet (``idle``), has nothing to be done with, so "it" is not that robot (read so, the wait was dropped);
        "... which will come to rock 1 after it has checked puddle 2" names a step of its own, so it may be."""
        return self.idle_not_it and any(m.key in self.idle for m in members)

    def the_other(self, rtype: str, plural: bool = False) -> tuple[Member, ...]:
        """"the other truck": of the latest mention of several robots of ``rtype``, those not
        singled out since ("trucks 1 and 2 ... truck 1 ..., the other truck ..."); empty if none.
        When every one of them was named since ("trucks 1 and 2 ... loads truck 2 first and then truck 1.
        Truck 2 goes to puddle 1; the other truck ..."), those but the one of them named last on its own. A
        ``plural`` "the other trucks" said after a truck outside that mention is set against that truck instead
        (``_contrast_outside``); a singular "the other truck" stays the one of the pair left."""
        for k in range(len(self.history) - 1, -1, -1):
            members = [m for m in self.history[k][0] if m.rtype == rtype and not m.is_group]
            if len(members) < 2:
                continue
            if plural and self._contrast_outside(rtype, members, k):
                return ()
            later = {m.key for ms, _ in self.history[k + 1:] for m in ms}
            rest = tuple(m for m in members if m.key not in later)
            if not rest:
                alone = next((ours for ms, _ in reversed(self.history[k + 1:])
                              if len(ours := [m for m in ms if m in members]) == 1 and len(ms) == 1), None)
                rest = tuple(m for m in members if alone is not None and m not in alone)
            return rest if 0 < len(rest) < len(members) else ()
        return ()

    def _contrast_outside(self, rtype: str, members: Sequence[Member], k: int) -> bool:
        """"Truck 1 checks puddle 1 and the other trucks keep clear. Truck 2 goes to rock 1. Once truck 1 is done,
        lift it for the other trucks": the robot of ``rtype`` named last since mention ``k`` stands alone outside
        ``members`` (truck 1 again), so "the other" is set against it, not against those of the group named since;
        read against the group, the lifting dropped truck 2, still kept out of the place it was later sent to."""
        latest = next((ours for ms, _ in reversed(self.history[k + 1:])
                       if (ours := [m for m in ms if m.rtype == rtype])), None)
        return latest is not None and len(latest) == 1 and not latest[0].is_group and latest[0] not in members

    def _other_of_two(self, d: RobotDesc) -> tuple[Member, ...]:
        """"One dump truck goes to soil 2 ... another truck waits at obstacle 1. ... As soon as that first truck has
        been loaded, the other truck ...": of exactly two robots of the type said one at a time, the one not picked
        out again just before in this sentence. Read as one more truck, the truck waiting at obstacle 1 was never
        sent on and a third truck came instead. Empty when the latest mention is no such picking out."""
        if d.count > 1 or d.plural:
            return ()
        singles: list[Member] = []
        for members, _ in self.history:
            singles += [m for m in members if m.rtype == d.rtype and m not in singles]
        if len(singles) != 2 or any(m.is_group and m.count != 1 for m in singles):
            return ()
        start = self._sentence_start.get(self.sentence, len(self.history))
        k = len(self.history) - 1
        # "truck 1 is loaded by excavator 1 and truck 2 by the other one": a robot of another type named in between
        while k > start and not any(m.rtype == d.rtype for m in self.history[k][0]):
            k -= 1
        latest = [m for m in self.history[k][0] if m.rtype == d.rtype] if k >= start else []
        if len(latest) != 1 or not any(latest[0] in ms for ms, _ in self.history[:k]):
            return ()
        return tuple(m for m in singles if m != latest[0])

    def last_members(self, n: int, pair: bool = True) -> tuple[Member, ...]:
        """The ``n`` most recently mentioned robots (or groups), most recent group first; ``pair``: a group of ``n``
        among them stands for all of them ("the pair")."""
        out: list[Member] = []
        for members, _ in reversed(self.history):
            for m in members:
                if m not in out and m.key not in self.idle:
                    out.append(m)
            if sum(x.count if x.is_group else 1 for x in out) >= n:
                break
        exact = [m for m in out if m.is_group and m.count == n]
        if pair and sum(x.count if x.is_group else 1 for x in out) > n and len(exact) == 1:
            return (exact[0],)  # "a pair of trucks ... another truck ... the pair": the group of that many
        return tuple(out)

    def latest_of_type(self, rtype: str) -> tuple[Member, ...]:
        """The robots of ``rtype`` in the latest mention that holds any ("trucks 1 and 2", "two trucks")."""
        for members, _ in reversed(self.history):
            named = tuple(m for m in members if m.rtype == rtype)
            if named:
                return named
        return ()

    def last_of_type(self, rtype: str, plural: bool) -> tuple[Member, ...]:
        if not plural:
            # "excavator 2 digs. Everyone else avoids rock 1 until the excavator has dug": a mention of several robots
            # of the type ("everyone else": excavators 1 and 3) is no singular "the excavator"; an older mention of
            # one is meant (with none, the first of the latest mention, as before)
            fallback: tuple[Member, ...] = ()
            for members, _ in reversed(self.history):
                named = [m for m in members if m.rtype == rtype]
                if (len(named) > 1 and not any(m.is_group for m in named)) or (
                        len(named) == 1 and named[0].is_group and named[0].count > 1):
                    # ("the pair dumps ...; the single truck dumps ...": nor is a group of two)
                    fallback = fallback or (named[0],)
                    continue
                if named:
                    return (named[0],)
            return fallback
        singled: set[str] = set()
        for members, _ in reversed(self.history):
            named = [m for m in members if m.rtype == rtype]
            if len(named) > 1 and not any(m.is_group for m in named):
                if singled <= {m.key for m in named}:
                    return tuple(named)  # "trucks 1 and 2 ... the trucks": the latest mention of several
                break
            if len(named) == 1 and not named[0].is_group:
                # "trucks 1 and 2 ... loads them, truck 1 first. The trucks ...": one of the several
                # singled out since does not stand for "the trucks"
                singled.add(named[0].key)
                continue
            if named:
                break
        found: list[Member] = []
        for members, _ in reversed(self.history):
            for m in members:
                if m.rtype == rtype and m not in found:
                    found.append(m)
        groups = [m for m in found if m.is_group]
        pool = len(self.site.robots_by_type.get(rtype, ()))
        if len(groups) > 1 and sum(m.count for m in found) == pool and not self._taken_up_again(found[0], rtype):
            return tuple(found[::-1])  # every one of them was named, group by group: "the excavators" = all
        if groups:  # the most recent group of several stands for "the excavators"
            if found[0].is_group:
                several = [g for g in groups if g.count > 1]
                return (several[0] if several else groups[0],)
            return tuple(m for m in found if not m.is_group)[::-1]
        return tuple(found[::-1])

    def _taken_up_again(self, group: Member, rtype: str) -> bool:
        """"Two trucks go to obstacle 1 and the remaining truck to puddle 1. The two trucks drive to rock 1 ... The
        trucks carry the load home": a group of several named before the other robots of its type and named again
        after them is what "the trucks" go on about, not every truck."""
        if not group.is_group or group.count < 2:
            return False
        said = [k for k, (members, _) in enumerate(self.history) if group in members]
        others = [k for k, (members, _) in enumerate(self.history)
                  if any(m.rtype == rtype and m != group for m in members)]
        return bool(said and others) and said[0] < others[-1] < said[-1]

    def last_able(self, able: Callable[[Member], bool], plural: bool | None) -> tuple[Member, ...]:
        """The robots of the latest mention that can do what a pronoun's clause asks ("truck 1 checks
        obstacle 1 ... they both dig": the diggers named before, not the trucks); a mention of the
        asked number (one robot for "it", several for "they") wins over a nearer one that is not."""
        fallback: tuple[Member, ...] = ()
        for members, _ in reversed(self.history):
            ok = tuple(m for m in members if able(m))
            if not ok:
                continue
            if plural is None or (_size(ok) > 1) == plural:
                return ok
            fallback = fallback or ok
        return fallback

    def last_able_n(self, able: Callable[[Member], bool], n: int) -> tuple[Member, ...]:
        """The ``n`` robots (or groups) mentioned most recently that can do what a counted pronoun's clause asks,
        most recent first, gathered across mentions ("truck 1 ... truck 2 ... both of them dump": the trucks)."""
        out: list[Member] = []
        for members, _ in reversed(self.history):
            out += [m for m in members if able(m) and m not in out and m.key not in self.idle]
            if _size(out) >= n:
                break
        exact = [m for m in out if m.is_group and m.count == n]
        if _size(out) > n and len(exact) == 1:
            return (exact[0],)  # "a pair of trucks ... the other truck ... the pair dumps": the group of that many
        return tuple(out)

    def _counted_only(self, rtype: str) -> int:
        """How many robots of ``rtype`` were asked for by count so far; -1 if one was named by id."""
        total = 0
        seen: set[str] = set()
        for members, _ in self.history:
            for m in members:
                if m.rtype != rtype or m.key in seen:
                    continue
                if not m.is_group:
                    return -1
                seen.add(m.key)
                total += m.count
        return total

    def _ordinal_group(self, rtype: str, ordinal: int) -> Member | None:
        """"A truck goes to soil 1, and another truck to soil 2. The first truck then dumps ...": when only
        unnamed single robots of ``rtype`` were asked for so far, two or more, "the first / second <type>" is the
        first / second of them in the order said, not the robot of that number (which never moved); refused when
        they are not single robots said one by one ("two trucks ... the first truck"). None otherwise (rule 2)."""
        counted = self._counted_only(rtype)
        if ordinal < 1 or counted < 1:
            return None
        singles: list[Member] = []
        for members, _ in self.history:
            singles += [m for m in members if m.rtype == rtype and m not in singles]
        if len(singles) >= max(2, ordinal) and all(m.count == 1 and m.key not in self.part_of for m in singles):
            return singles[ordinal - 1]
        if ordinal > counted or counted >= len(self.site.robots_by_type.get(rtype, ())):
            # "two trucks ... the third truck": the one left over (rule 19); "three trucks, ... the first truck":
            # every truck was asked for, truck 1 among them
            return None
        # "Two trucks go to soil 1. The first truck dumps ...": one of them, but which is not said
        raise ResolutionError(f"the {_ORDINAL_WORDS.get(ordinal, str(ordinal))} {rtype.replace('_', ' ')}: "
                              f"only robots asked for by count were mentioned (name it by number)")

    def _whole_of_type(self, d: RobotDesc) -> Member | None:
        """"Three trucks go to soil 1. *One truck* then dumps at puddle 1": when the only robots of the type named so
        far are one group of every robot of it, fewer of them said by count are some of that group (there is no
        other truck), as "one of them" is; read as one more truck, "the remaining trucks" after it were one, not two.
        None otherwise."""
        named = {m.key: m for ms, _ in self.history for m in ms if m.rtype == d.rtype}
        size = len(self.site.robots_by_type.get(d.rtype, ()))
        if len(named) != 1 or not d.count:
            return None
        whole = next(iter(named.values()))
        return whole if whole.is_group and whole.count == size and d.count < size else None

    def used_of_type(self, rtype: str) -> int:
        seen: set[str] = set()
        total = 0
        for members, _ in self.history:
            for m in members:
                if m.rtype == rtype and m.key not in seen:
                    seen.add(m.key)
                    total += m.count
        return total

    def _other_unnamed(self, rtype: str, size: int) -> Member | None:
        """"A truck goes to soil 1 while the other trucks keep away": "the other <type>s" with no number, after
        unnamed robots of the type, are every one of it not spoken for (two), as "the remaining <type>s" are; read as
        one, a truck was left out of the keep-out. Said again ("... the other trucks can use soil 1 again"), the same
        group. None when every robot of the type is spoken for and no such group was made."""
        again = self.leftovers.get((rtype, 0))
        used = self.used_of_type(rtype)
        if again is not None and again.count > 1 and used >= size:
            return again
        if used >= size:
            return None
        group = self.new_group(rtype, size - used)
        self.leftovers[(rtype, 0)] = group
        return group

    def _leftover(self, rtype: str, ordinal: int, count: int) -> Member:
        """The leftover group of ``count`` robots of ``rtype``: the one made before when every robot of the
        type is spoken for ("Two trucks go to soil 1 and the remaining truck to soil 2. Then the remaining truck
        returns home": the same truck, whose own chain the "then" continues; rule 3), else a new one."""
        again = self.leftovers.get((rtype, ordinal))
        if again is not None and again.count == count \
                and self.used_of_type(rtype) >= len(self.site.robots_by_type.get(rtype, ())):
            return again
        g = self.new_group(rtype, count)
        if count == 1:
            self.leftovers[(rtype, ordinal)] = g
        return g

    def _rest_of_part(self) -> tuple[Member, ...]:
        """"Three trucks go to obstacle 2. Then one of them goes to puddle 1, and the others go home.": right after
        "one of them", "the others" are the rest of the robots it was taken from, a group of their type (not
        determined by number); empty when the latest subject is no such part."""
        latest = self.last_subject()
        if len(latest) != 1 or latest[0].key not in self.part_of:
            return ()
        return self._rest_of(latest[0])

    def _rest_of(self, part: Member) -> tuple[Member, ...]:
        """The robots left of those ``part`` was taken from, a group of their type (empty when none is left)."""
        whole = [m for ms, _ in self.history for m in ms if m.key in self.part_of[part.key]]
        left = sum(m.count for m in dict.fromkeys(whole)) - part.count
        if left <= 0:
            return ()
        rest = self.new_group(part.rtype, left)
        self.taken_from[rest.key] = self.part_of[part.key]
        return (rest,)

    def _split_group(self, d: RobotDesc) -> tuple[Member, ...]:
        """"A pair of trucks goes to soil 1 and another truck to soil 2. Excavator 1 loads the pair; excavator 2 loads
        the other truck": the robots of the type, asked for group by group, are all spoken for, and one group alone
        has as many as "the other" asks for and is not one spoken of in this sentence ("one to soil 1, the other to
        soil 2": the other of those two): that group (read as a fourth truck, it
        had no move and its loading waited for none)."""
        want = d.count or (0 if d.plural else 1)
        groups = list(dict.fromkeys(m for members, _ in self.history for m in members if m.rtype == d.rtype))
        pool = len(self.site.robots_by_type.get(d.rtype, ()))
        wholes = {k for keys in self.part_of.values() for k in keys}
        if not want or not groups or any(not m.is_group or m.key in self.part_of or m.key in wholes
                                         or m.key in self.taken_from for m in groups) \
                or sum(m.count for m in groups) != pool:
            return ()  # ("two excavators: one to soil 1, the other to soil 2": parts of one group, read elsewhere)
        here = self._sentence_start.get(self.sentence, len(self.history))
        just_said = {m for members, _ in self.history[here:] for m in members}
        exact = [m for m in groups if m.count == want]
        return (exact[0],) if len(exact) == 1 and exact[0] not in just_said else ()

    def _other_of_part(self, d: RobotDesc) -> tuple[Member, ...]:
        """"Two trucks go to soil 1. One of them ... The other one goes home.": right after "one of them", "the other"
        of its type is the rest of the robots it was taken from (which went to soil 1 too), not a third truck."""
        latest = self.last_subject()
        if len(latest) != 1 or latest[0].rtype != d.rtype or latest[0].key not in self.part_of:
            return ()
        rest = self._rest_of_part()
        return rest if rest and (not d.count or d.count == _size(rest)) and d.plural == (_size(rest) > 1) else ()

    def _rest_of_whole(self) -> tuple[Member, ...]:
        """"Every truck goes to obstacle 1. Then truck 2 goes to puddle 1 and the others go home.": right after a
        subject taken out of the subject before it (every robot of a type, or robots of one type named together) in
        the sentence of "the others", they are the rest of that subject, not the robots never mentioned (the
        excavators went home in place of trucks 1 and 3). Every robot of a type, less those named by number, is
        determined: by id. Across sentences the robots named by number would not continue the group's chain, so
        that reading is left to the fleet's rest. Empty otherwise."""
        start = self._sentence_start.get(self.sentence, len(self.history))
        subjects = [(n, ms) for n, (ms, role) in enumerate(self.history) if role not in ("partner", "relative")]
        if len(subjects) < 2 or subjects[-1][0] < start:
            return ()  # the part was said in the sentence of "the others" ("truck 2 ... and the others")
        latest, whole = subjects[-1][1], subjects[-2][1]
        if len({m.rtype for m in (*whole, *latest)}) != 1:
            return ()  # "excavator 3 and truck 3 ...; truck 3 ... The rest wait": the rest of the fleet
        pools = self.site.robots_by_type
        full = {m.rtype for m in whole if m.is_group and m.count == len(pools.get(m.rtype, ()))}
        if not latest or any(m not in whole and (m.is_group or m.rtype not in full) for m in latest):
            return ()
        rest: list[Member] = []
        for m in whole:
            if m in latest:
                continue
            if m.is_group and m.rtype in full:
                rest += [self.robot_member(r) for r in pools[m.rtype] if all(r != x.robot_id for x in latest)]
            else:
                rest.append(m)
        return tuple(dict.fromkeys(rest))

    def _rest_of_fleet(self, since: Sequence[tuple[tuple[Member, ...], str]]) -> tuple[Member, ...]:
        """The robots not mentioned in ``since``: by id where that determines them; for a type of which some
        were asked for by count ("a pair of excavators ... the rest of the fleet"), a group of as many as are
        left of that type (which ones the allocator picks), none when the groups took them all."""
        said = list(dict.fromkeys(m for members, _ in since for m in members))
        inside = {k for m in said if m.key in self.part_of for k in self.part_of[m.key]}
        counted: dict[str, int] = {}
        for m in said:
            if m.is_group and m.key not in self.part_of and m.key not in inside:
                counted[m.rtype] = counted.get(m.rtype, 0) + m.count
        named = {m.key for m in said}
        rest: list[Member] = []
        for rtype, pool in self.site.robots_by_type.items():
            free = [r for r in pool if r in self.fleet.robot_ids and r not in named]
            if rtype not in counted:
                rest += [self.robot_member(r) for r in free]
            elif len(free) > counted[rtype]:
                rest.append(self.new_group(rtype, len(free) - counted[rtype]))
        return tuple(rest)

    def _named_together(self, robot: Member) -> tuple[Member, ...]:
        """"Excavators 1 and 2 dig at soil 1. Then the excavator goes home.": the robots of ``robot``'s type in the
        latest mention that holds it, when they were named by number together (rule 4: "the excavator" is the
        robots mentioned most recently, both of them, not the first one named); ``robot`` alone otherwise."""
        for members, _ in reversed(self.history):
            if robot in members:
                same = tuple(m for m in members if m.rtype == robot.rtype)
                return same if not any(m.is_group for m in same) else (robot,)
        return (robot,)

    def _unnamed_of_type(self, d: RobotDesc) -> tuple[Member, ...]:
        """"truck 3 ... the other two trucks", "trucks 1 and 2 ... the other truck": when every robot of the type
        mentioned so far was named by number, the robots of the type nobody named, if they are exactly as many as
        asked for (so they are fully determined: robot ids, rule 18); empty otherwise. ("The remaining truck" stays
        a separate group of its own, rule 3.)"""
        pool = self.site.robots_by_type.get(d.rtype, ())
        named_keys = {m.key for ms, _ in self.history for m in ms if m.rtype == d.rtype and not m.is_group}
        unnamed = [rid for rid in pool if rid not in named_keys]
        groups = any(m.rtype == d.rtype and m.is_group for ms, _ in self.history for m in ms)
        if not named_keys or not unnamed or groups:
            return ()
        if len(unnamed) == (d.count or (len(unnamed) if d.plural else 1)):
            return tuple(self.robot_member(rid) for rid in unnamed)
        return ()

    # -- resolution --------------------------------------------------------------------
    def resolve(self, desc: RobotDesc) -> tuple[Member, ...] | None:
        """Members for a mention; None means the whole fleet."""
        if desc.form == "fleet":
            return None
        if desc.form == "ids":
            if desc.ordinal > 1 and self._counted_only(desc.rtype) == desc.ordinal - 1:
                # "two dump trucks ... the third truck": the one left over, not dump truck 3 by name
                return (self._leftover(desc.rtype, desc.ordinal, 1),)
            again = self.leftovers.get((desc.rtype, desc.ordinal)) if desc.ordinal > 1 else None
            if again is not None and any(again in ms for ms, _ in self.history):
                return (again,)  # "the third truck" said again: the one left over, still
            said = self._ordinal_group(desc.rtype, desc.ordinal)
            if said is not None:
                return (said,)
            return tuple(self.robot_member(r) for r in desc.ids)
        if desc.form == "others":  # robots not named so far (since the whole fleet last came together)
            since = self.history[self.fleet_mark:] or self.history
            if not since and self.ahead:
                since = [(self.ahead, "ahead")]  # "the rest keeps away while excavator 1 digs": the rest of it
            rest = self._rest_of_part() or self._rest_of_whole() or self._rest_of_fleet(since)
            if not rest and self.last_others:
                return self.last_others  # "... keeps away from soil 1. Later, lift it for the rest of the fleet"
            self.last_others = rest
            return rest
        if desc.form == "pronoun":
            if desc.pronoun == "both" and desc.det == "crews":
                return self.last_crews(2) or self.last_members(2)
            if desc.pronoun == "both":
                return self.last_members(2, desc.det == "pair")
            if desc.pronoun.isdigit():
                return self.last_members(int(desc.pronoun))
            if desc.pronoun == "which" and self.history:  # "..., which then dumps": the robot just named
                if desc.det.isdigit():  # "loads truck 1, then truck 2 and then truck 3, which then transport"
                    return self.last_members(int(desc.det))
                return self.last_members(2) if desc.det == "both" else self.history[-1][0]
            if desc.pronoun == "you" and self.addressee:
                return self.addressee
            if desc.pronoun == "they" and self.history:
                plural = self.last_plural()
                if self._idle(plural):  # "two trucks go there once they're done": not the idle trucks (as "it")
                    plural = next((ms for ms, _ in reversed(self.history) if _size(ms) > 1 and not self._idle(ms)),
                                  plural)
                if desc.det == "all":  # "..., then all of them return": every subject of the sentence, groups too
                    named = self._sentence_subjects()
                    if _size(named) > _size(plural) and all(m in named for m in plural):
                        return named
                    every = self._named_so_far()
                    if not named and _size(every) > _size(plural) and all(m in every for m in plural):
                        return every
                return plural
            if desc.pronoun == "it" and self.history:
                return self.last_single()
            latest = self.last_subject()
            if not latest and desc.pronoun == "you":
                return ()  # "could you ...": the operator, not a robot
            if not latest:
                raise ResolutionError(f"{desc.pronoun!r} does not refer to any robot mentioned before")
            return latest
        return self._resolve_type(desc)

    def _resolve_type(self, d: RobotDesc) -> tuple[Member, ...]:
        pool = self.site.robots_by_type.get(d.rtype, ())
        size = len(pool)
        if d.det in ("count",):
            if d.of_them:
                whole = self.last_of_type(d.rtype, True) or self.last_of_type(d.rtype, False)
                part = self.new_group(d.rtype, d.count)
                self.part_of[part.key] = self.taken_from[part.key] = tuple(m.key for m in whole)
                return (part,)
            group = self._whole_of_type(d)
            if group is not None:
                part = self.new_group(d.rtype, d.count)
                self.part_of[part.key] = self.taken_from[part.key] = (group.key,)
                return (part,)
            for g in self.announced:  # "two trucks go there": the two a summary sentence announced
                if g.rtype == d.rtype and g.count == d.count:
                    self.announced.remove(g)
                    return (g,)
            return (self.new_group(d.rtype, d.count),)
        if d.det == "other":
            rest = self.the_other(d.rtype, d.plural) or self._other_of_part(d) or self._other_of_two(d)
            if rest:
                return rest
            # "truck 3 ... the other two trucks": the robots of the type nobody named, when they are
            # exactly as many as asked for (so they are fully determined: robot ids)
            unnamed_ids = self._unnamed_of_type(d)
            if unnamed_ids:
                return unnamed_ids
            split = self._split_group(d)
            if split:
                return split
            latest = self.last_of_type(d.rtype, False)  # "... truck 3. the other two trucks": all but truck 3
            if latest and not any(m.is_group for m in latest):
                others = [rid for rid in pool if rid not in {m.key for m in latest}]
                # "the other trucks" with no number, every truck named before by its number: all but the latest
                # (rule 18), not one more unnamed truck
                if others and (len(others) == d.count or (not d.count and d.plural)):
                    return tuple(self.robot_member(rid) for rid in others)
            if d.plural and not d.count:
                rest_of_all = self._other_unnamed(d.rtype, size)
                if rest_of_all is not None:
                    return (rest_of_all,)
            return (self._leftover(d.rtype, 0, max(1, d.count)),)
        if d.det == "another":
            return (self.new_group(d.rtype, max(1, d.count)),)
        if d.det == "remaining":
            taken = self.last_of_type(d.rtype, False)
            if len(taken) == 1 and taken[0].key in self.part_of:
                # "every truck goes to obstacle 2. ... two of the trucks drive to rock 1, while the remaining truck
                # returns": the one left of those, going on from their last step; "three trucks ... one of them ...
                # the remaining trucks": the two left (read as the fleet's leftover, one truck)
                want = d.count or (0 if d.plural else 1)
                rest = self._rest_of(taken[0])
                if rest and (rest[0].count == want or (not want and rest[0].count > 1)):
                    return rest
            used = self.used_of_type(d.rtype)
            if not d.plural and not d.count and size - used > 1:
                # "the first and the last truck go to soil 1", no truck named before: one truck "left", but
                # three are, and the leftover group of all three went there
                kind = d.rtype.replace("_", " ")
                raise ResolutionError(f"which {kind} is the one left over? {size - used} of the {size} are not "
                                      f"named yet (name it by its number)")
            return (self._leftover(d.rtype, 0, max(1, size - used) if used < size else max(1, d.count)),)
        if d.det == "each":  # "each truck": every one of that type named so far
            latest = self._latest_sentence_of_type(d.rtype)
            if len(latest) > 1:  # "... load truck 3 first and then truck 2. Each truck ...": those two
                return latest
            named: list[Member] = []
            for members, _ in self.history:
                named += [m for m in members if m.rtype == d.rtype and m not in named]
            if len(named) > 1:
                return tuple(named)
        if d.det == "both" or (d.det == "the" and d.plural and d.count):
            # "a truck ... a different truck ... both trucks": the two groups of one, not a new pair
            want_n = 2 if d.det == "both" else d.count
            recent: list[Member] = []
            for members, _ in reversed(self.history):
                for m in members:
                    if m.rtype == d.rtype and m not in recent:
                        recent.append(m)
            exact = [m for m in recent if m.is_group and m.count == want_n]
            if exact and (d.det == "the" or (sum(m.count for m in recent) > want_n
                                             and all(m.is_group for m in recent))):
                # "two trucks ... a third truck ... the two trucks / both trucks": that group
                return (exact[0],)
            picked: list[Member] = []
            for m in recent:
                if sum(x.count for x in picked) >= want_n:
                    break
                picked.append(m)
            if len(picked) > 1 and all(m.is_group for m in picked) and sum(m.count for m in picked) == want_n:
                return tuple(picked[::-1])
            mentioned = sum(m.count for m in recent)
            if 0 < mentioned < want_n:
                # "truck 1 goes to soil 1. Then both trucks ...", "two trucks ... the three trucks": more than were
                # mentioned; every robot of the type is "all of them" (rule 20), fewer are not determined
                if want_n == size:
                    return self._resolve_type(replace(d, det="all", count=size))
                kind = d.rtype.replace("_", " ")
                raise ResolutionError(f"which {want_n} {kind}s are meant? only {mentioned} {kind} "
                                      f"{'was' if mentioned == 1 else 'were'} mentioned before (name them)")
            latest = next((tuple(m for m in members if m.rtype == d.rtype) for members, _ in reversed(self.history)
                           if any(m.rtype == d.rtype for m in members)), ())
            if d.det in ("both", "the") and latest and sum(m.count for m in latest) < want_n:
                # "excavator 1 and trucks 2 and 3 drive to soil 2, and the rest of the fleet goes home. ... both
                # trucks": the last mention that held two of the type, not the one truck of the rest and another
                # (so is "the two excavators" after "the rest of the fleet" named one more)
                for members, _ in reversed(self.history):
                    of = tuple(m for m in members if m.rtype == d.rtype)
                    if sum(m.count for m in of) == want_n:
                        return of
        if d.det == "all" and (not d.count or d.count == size):  # also "all three excavators" (rule 20)
            prev_all = self.last_of_type(d.rtype, True)
            if len(prev_all) > 1 and all(m.is_group for m in prev_all) and sum(m.count for m in prev_all) == size:
                # "two excavators ... another excavator ... every excavator": all of them, as one selection
                return (self.new_group(d.rtype, size),)
        if d.det in ("all", "both", "each") or (d.det in ("the", "bare", "own") and d.plural):
            want = size if d.det == "all" else 2 if d.det == "both" else d.count or 0
            if d.det == "all" and d.count:
                want = d.count
            prev = self.last_of_type(d.rtype, True)
            total = sum(m.count for m in prev)
            if d.det in ("the", "bare") and not want and total == 1 and size > 1 and not prev[0].is_group:
                # "truck 1 checks puddle 1. Then the trucks must not go near it": a plural cannot mean the one truck
                # named, so it is every truck, like "all the trucks" after some were named by number (rule 20)
                return (self.new_group(d.rtype, size),)
            if prev and (not want or total == want or d.det in ("each", "the", "bare", "own")):
                return prev
            if prev and want and total > want:
                return prev[-want:] if all(not m.is_group for m in prev) else prev
            if want == size and size and d.det != "all":
                if all(not m.is_group for m in prev) and prev:
                    return tuple(self.robot_member(r) for r in pool)
            if d.det == "all" and want == size and size and prev and all(not m.is_group for m in prev):
                # "truck 1 ..., trucks 2 and 3 ... all three trucks": every robot of the type was named by number
                # before, over several mentions, so "all" names those robots (rule 20), not a fresh group
                named_keys = {m.key for members, _ in self.history for m in members
                              if m.rtype == d.rtype and not m.is_group}
                everyone = tuple(self.robot_member(r) for r in pool)
                if {m.key for m in everyone} <= named_keys:
                    return everyone
            return (self.new_group(d.rtype, want or size),)
        prev = self.last_of_type(d.rtype, False)
        if prev:
            return self._named_together(prev[0])
        if size == 1:
            return (self.robot_member(pool[0]),)
        return (self.new_group(d.rtype, 1),)
