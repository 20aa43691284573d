"""Words, recognised items and clauses of an instruction.

The rules planner reads an instruction in three passes: :func:`tokenize` splits it into
lower-cased words (keeping character offsets for the coverage report); the scanner in
:mod:`.mentions` turns runs of words into :class:`Item` s (a robot mention, an object, a
verb, a connective, ...); :func:`segment_items` cuts the item stream into :class:`Segment`
clauses at sentence ends, connectives, commas and "and" before a new subject.

Example
-------
>>> [t.word for t in tokenize("Truck #1, go to soil1!")]
['truck', '1', ',', 'go', 'to', 'soil1', '!']
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .mentions import RobotDesc

__all__ = ["Token", "ItemKind", "Item", "SegmentRole", "Segment", "tokenize", "segment_items", "SENTENCE_END",
           "sentence_start", "named_objects", "named_ids", "verb_before_punct", "filler_over"]

# ASCII only, on purpose: a look-alike ("truc\u212a" with a Kelvin sign, a full-width digit) must not
# fold into a valid robot or object name; it stays unknown and the plan fails closed.
_NUMBER_ABBREVIATION = re.compile(r"\b(?:no|nr|num)(\.)(?=\s*\d)", re.ASCII)
_TOKEN = re.compile(r"[a-z][a-z0-9_]*(?:'[a-z]+|(?<=s)'(?= +[a-z]))?|\d+(?:st|nd|rd|th)?(?:'s)?|[.;:!?,()]", re.ASCII)
_JOINED = re.compile(r"([a-z]+)(\d+)$", re.ASCII)
_SYMBOL_WORDS = {"&": "and", "+": "and", "@": "at", "->": "to", "-": "through"}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_KEEP_APOSTROPHE = {"let's": "lets_us", "it's": "it 's", "that's": "that 's", "there's": "there 's"}
SENTENCE_END = frozenset({".", "!", "?", ";", ":"})
UNTIL = frozenset({"until", "till", "wait for", "waits for", "waiting for", "wait until", "waits until"})
"""Anchors that end a wait rather than start a step ("truck 2 waits for excavator 1 to dig")."""


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark, with its place in the original text."""

    word: str
    start: int
    end: int


_BULLET = re.compile(r"[ \t]*(?:[-*\u2022]|\(?[a-z]\)|[a-z]\.(?=\s)|\(?\d{1,2}[.)](?=\s))?[ \t]*", re.ASCII)
_ASIDE_DASH = re.compile(r"(?<=\s)-{1,2}(?=\s)|\u2014|\u2013")


def _lay_out_lines(text: str) -> str:
    """Read the lay-out of a written list as punctuation, keeping every offset.

    Each line break ends a sentence, except before lines indented deeper than the one it ends (a
    sub-list: the line before is its heading, as if it ended in a colon: "- truck 2" over "  - go to
    soil 2" reads "truck 2: go to soil 2"). Bullet marks ("-", "*", "a.", "(b)") are blanked; item
    numbers ("1.", "2)") are kept, since numbered items run in their order.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    indents = [len(ln) - len(ln.lstrip(" \t")) for ln in lines]
    for ln in lines:
        m = _BULLET.match(ln)
        mark = m.group(0) if m else ""
        body = ln[len(mark):]
        if mark.strip() and not any(c.isdigit() for c in mark):
            mark = " " * len(mark)
        out.append(mark + body)
    joined: list[str] = []
    for k, ln in enumerate(out):
        joined.append(ln)
        if k + 1 < len(out):
            stripped = ln.rstrip()
            nxt = k + 1
            while nxt < len(out) and not out[nxt].strip():
                nxt += 1
            deeper = nxt < len(out) and indents[nxt] > indents[k]
            if not stripped or stripped[-1] in ".;:!?,":
                joined.append(" ")
            else:
                joined.append(":" if deeper else ".")
    return "".join(joined)


def tokenize(text: str, keep_joined: Container[str] = (), spellings: Mapping[str, str] | None = None) -> list[Token]:
    """Lower-case words; ``soil1`` splits into ``soil 1`` unless it is a known name
    (``keep_joined``), ``#`` and ``&`` and ``->`` become spaces, ``and`` and ``to``; a dash between
    spaces sets off an aside like a comma; a dash between two numbers is a range ("trucks 1-3":
    ``through``); line breaks of a list end sentences. A whole word listed in ``spellings`` (chat
    shorthand: "n", "pls", "trk") is read as the word it stands for, at the same offsets; a part of a
    joined word is not ("R1" stays a label, it is no "are")."""
    low = _lay_out_lines(text).translate(_ASCII_LOWER).replace("\u2019", "'").replace("\u2018", "'")
    low = _ASIDE_DASH.sub(lambda m: "," + " " * (len(m.group()) - 1), low)
    # length-preserving substitutions keep offsets valid
    low = low.replace("->", "  ").replace("&", " ").replace("+", " ").replace("@", " ").replace("#", " ")
    low = low.replace("-", " ").replace("/", " ")
    low = _NUMBER_ABBREVIATION.sub(lambda m: m.group(0)[:-1] + " ", low)  # "no. 2": the dot ends no sentence
    out: list[Token] = []
    for m in _TOKEN.finditer(low):
        w, s, e = m.group(), m.start(), m.end()
        if w in _KEEP_APOSTROPHE:
            for part in _KEEP_APOSTROPHE[w].split():
                out.append(Token(part, s, e))
            continue
        if w.endswith("s'"):  # "the trucks' keep-out": a possessive, as "truck 1's"; left out, "trucks keep" was a verb
            out.append(Token(w[:-1], s, e - 1))
            out.append(Token("'s", e - 1, e))
            continue
        if w.endswith("'s") and len(w) > 2:
            out.append(Token(w[:-2], s, e - 2))
            out.append(Token("'s", e - 2, e))
            continue
        if "'" in w and not w.endswith("n't"):
            stem, _, suffix = w.partition("'")
            out.append(Token(stem, s, s + len(stem)))
            part = "'" + suffix  # "they're": the "'re" is "are" (``spellings``), so "they're at it" has its verb
            out.append(Token(spellings.get(part, part) if spellings else part, s + len(stem), e))
            continue
        j = _JOINED.match(w) if w not in keep_joined else None
        if j and "_" not in w:
            a = len(j.group(1))
            out.append(Token(j.group(1), s, s + a))
            out.append(Token(j.group(2), s + a, e))
            continue
        said = spellings.get(w, w) if spellings else w
        if said != w and said.endswith("'s"):  # "thats": "that 's", as "that's" is split above
            out.append(Token(said[:-2], s, e - 1))
            out.append(Token("'s", e - 1, e))
            continue
        out.append(Token(said, s, e))
    # "&", "+", "@" and "->" were blanked above; restore them as words so clauses read naturally
    for m in re.finditer(r"&|\+|@|->|(?<=\d)-(?=\d)", text):
        out.append(Token(_SYMBOL_WORDS[m.group()], m.start(), m.end()))
    out.sort(key=lambda t: t.start)
    return out


class ItemKind(str, enum.Enum):
    ROBOT = "robot"  # payload: RobotDesc
    OBJECT = "object"  # payload: ObjectDesc
    PLACE = "place"  # start / base / home
    VERB = "verb"  # payload: VerbHit
    CONNECTIVE = "conn"  # payload: kind (sequence | parallel | anchor | final | first)
    MARK = "mark"  # payload: marker name (each, respectively, already, in_place, permit, neg, ...)
    EVENT = "event"  # payload: EventSpec
    PUNCT = "punct"  # payload: the mark
    WORD = "word"  # payload: None; filler or not understood
    UNKNOWN = "unknown"  # payload: what was named but does not exist (an error)


@dataclass(frozen=True)
class Item:
    kind: ItemKind
    start: int
    """First token index."""
    end: int
    """One past the last token index."""
    payload: Any = None
    text: str = ""


class SegmentRole(str, enum.Enum):
    MAIN = "main"
    ANCHOR = "anchor"


@dataclass
class Segment:
    """One clause: what comes between two cuts, and the connective that opened it."""

    items: list[Item]
    sentence: int
    connective: str | None = None
    connective_text: str = ""
    role: SegmentRole = SegmentRole.MAIN
    after_punct: bool = True
    """The clause was opened by punctuation or the start of a sentence (not a bare word)."""
    sentence_start: bool = False
    ended_by: str = ""
    """What closed the clause: punctuation, a new subject, the end."""
    post_anchor: bool = False
    before: bool = False
    """An anchor opened by "before" at the start of a sentence: it happens after the main clause."""
    conjunct: bool = False
    """Cut off the clause before it by "and" + a new subject: it shares that clause's timing."""
    attached: list[Segment] = field(default_factory=list)
    restrictive: bool = False
    """Opened after ", but only" / ", only": an anchor that restricts the clause before it."""
    after_then: bool = False
    """An anchor said right after "then" ("and then, once X, ...") or a bare "and" ("truck 2 goes to obstacle 1 and
    once the digging is finished, it drives to soil 1"): it opens the clause after it."""
    then_inside: bool = False
    """"then" came after the clause's own subject ("truck 1 should then go ..."): a sequence that
    continues the subject's chain, or follows everything open when it has none yet."""
    list_no: int | None = None
    """The number of the list item this clause opens ("Step 3: ..."), for "after step 3" later."""

    def has(self, kind: ItemKind) -> bool:
        return any(i.kind is kind for i in self.items)

    def of(self, kind: ItemKind) -> list[Item]:
        return [i for i in self.items if i.kind is kind]

    def marks(self) -> set[str]:
        return {i.payload for i in self.items if i.kind is ItemKind.MARK}

    @property
    def text(self) -> str:
        return " ".join(i.text for i in self.items)


_SUBJECT_KINDS = (ItemKind.ROBOT,)


def named_objects(items: Iterable[Item]) -> set[str]:
    """The objects ``items`` name by name ("rock 2"; not "there", "it" or "the rock")."""
    return {n for it in items if it.kind is ItemKind.OBJECT and it.payload.form == "names" for n in it.payload.names}


def named_ids(items: Iterable[Item]) -> set[str]:
    """The robots ``items`` name by number ("truck 2"; not "it", "the truck" or "two trucks")."""
    return {r for it in items if it.kind is ItemKind.ROBOT and it.payload.form == "ids" for r in it.payload.ids}


def filler_over(items: Sequence[Item]) -> Item:
    """One filler mark for a run of items: its words are read (the coverage report counts them) and plan nothing."""
    return Item(ItemKind.MARK, items[0].start, items[-1].end, "filler", " ".join(x.text for x in items))


def sentence_start(items: Sequence[Item], k: int) -> int:
    """Index of the first item of the sentence that item ``k`` belongs to (or ends before)."""
    s = k
    while s > 0 and not (items[s - 1].kind is ItemKind.PUNCT and items[s - 1].payload in SENTENCE_END):
        s -= 1
    return s


def clause_bounds(items: Sequence[Item], k: int) -> tuple[int, int]:
    """``(start, end)`` of the clause item ``k`` stands in: up to punctuation or a connective on either side
    (``end`` is that item's index, or the length)."""
    start = k
    while start > 0 and items[start - 1].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
        start -= 1
    end = next((j for j in range(k + 1, len(items)) if items[j].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)),
               len(items))
    return start, end


def _is_subject_start(items: Sequence[Item], k: int) -> bool:
    """A robot mention at ``k`` that starts a clause of its own: a verb, a place or an
    object follows before the next punctuation (so "excavator 1 and truck 2 go" stays one
    clause, while "... soil 1 and truck 2 to soil 2" is cut before "truck 2"). A "then" right after the robot
    ("... and truck 2 then goes to rock 2") is that clause's own, not the end of it."""
    then = k + 1 < len(items) and items[k + 1].kind is ItemKind.CONNECTIVE and items[k + 1].payload == "sequence"
    for it in items[k + 2 if then else k + 1 :]:
        if it.kind is ItemKind.PUNCT or it.kind is ItemKind.CONNECTIVE:
            return False
        if it.kind in (ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE):
            return True
        if it.kind is ItemKind.MARK and it.payload in ("already", "each", "in_place", "neg", "permit"):
            return True
    return False


def _each_after_and(cur: Segment, items: Sequence[Item], k: int) -> bool:
    """A bare "each" at ``k`` right after "and", in a main clause that has its verb, with a verb of its own after it
    before the next punctuation: the subject of a new clause ("go to soil 1 and each is loaded"). So is "each of
    them" / "every one of them" ("excavator 2 goes to soil 2 and each of them digs"): read inside the clause before
    it, the robots of the sentence were that clause's robot alone."""
    it = items[k]
    bare_each = it.kind is ItemKind.MARK and it.payload == "each" and it.text.split()[0] in ("each", "every") \
        and it.text.split()[-1] in ("each", "them")
    if cur.role is not SegmentRole.MAIN or not bare_each:
        return False
    if not cur.items or cur.items[-1].kind is not ItemKind.WORD or cur.items[-1].text != "and" \
            or not any(x.kind is ItemKind.VERB for x in cur.items):
        return False
    return verb_before_punct(items, k + 1, connectives=True)


def _subject_after_order_rest(cur: Segment, items: Sequence[Item], k: int) -> bool:
    """At ``k``, right after "and" that follows the verbless rest of a loading order ("loads truck 1 first *and then
    truck 2* and ...") or an order said at the end of a loading ("loads truck 1 and truck 2 *in turn* and ...",
    "loads trucks 1 and 2, *truck 2 first* and ..."), a robot said as a pronoun, a group or with "each" ("they",
    "both trucks", "each"), or a bare "each", with a verb of its own before the next punctuation (a "then" right after
    the robot is its clause's own): the subject of a new clause, as after a comma. Read on, "truck 2 and each takes
    its load ..." made one subject of both, and only truck 2 hauled; "in turn and both trucks then drive" was one more
    loaded group, and "truck 2 first and they take the soil" sent the excavator. Robots named by number ("and truck 3
    ...") are left alone: "then truck 2 and truck 3" may list both."""
    it = items[k]
    if cur.role is not SegmentRole.MAIN or len(cur.items) < 2:
        return False
    if cur.items[-1].kind is not ItemKind.WORD or cur.items[-1].text != "and" \
            or not _order_rest(cur.items[:-1], cur.connective == "sequence"):
        return False
    each = it.kind is ItemKind.MARK and it.payload == "each"
    if not each and not (it.kind is ItemKind.ROBOT and it.payload.form in ("pronoun", "type")):
        return False
    then = k + 1 < len(items) and items[k + 1].kind is ItemKind.CONNECTIVE and items[k + 1].payload == "sequence"
    return verb_before_punct(items, k + 2 if then else k + 1, connectives=True)


def _order_rest(before: Sequence[Item], after_then: bool) -> bool:
    """The clause so far ends on the order of a loading: the robots of a verbless "then truck 2" (``after_then``),
    or a loading verb's trucks followed by "in turn" / "one after the other" or by "truck 2 first"."""
    if after_then and all(x.kind is ItemKind.ROBOT and x.payload.form == "ids" for x in before):
        return True
    if len(before) < 3 or before[-2].kind is not ItemKind.ROBOT \
            or not any(x.kind is ItemKind.VERB and x.payload.target == "unload_bucket" for x in before):
        return False
    last = before[-1]
    return (last.kind is ItemKind.MARK and last.payload == "in_order") \
        or (last.kind is ItemKind.CONNECTIVE and last.payload == "first" and last.text == "first")


def _finite_after_it(items: Sequence[Item], k: int) -> bool:
    """"when the excavator's done inspecting *it goes* to soil 2": "it" right before a verb in the third person
    singular ("goes", "digs") is that verb's subject, not the object of the verb before it (read as the object, the
    verb after it had no subject and went to the robots said before the anchor)."""
    if items[k].text != "it" or k + 1 >= len(items) or items[k + 1].kind is not ItemKind.VERB:
        return False
    word = items[k + 1].text.split()[0]
    return (word.endswith("s") and not word.endswith("ss") and not _participle(word)) or _bare_after_gerund(items, k)


def _bare_after_gerund(items: Sequence[Item], k: int) -> bool:
    """"when truck 2 is finish dumping *it go* to start": after a verb in "-ing", "it" before a verb in its bare form
    (a non-native writer drops the "-s") is that verb's subject too: a load that was tipped is not followed by a bare
    verb, and read as the object, "go to start" went into the anchor and the truck drove home before it tipped."""
    if k == 0 or items[k - 1].kind is not ItemKind.VERB or not items[k - 1].text.split()[-1].endswith("ing"):
        return False
    word = items[k + 1].text.split()[0]
    return not word.endswith(("s", "ing")) and not _participle(word)


def _modal_run(items: Sequence[Item], k: int, phrases: Container[str]) -> int:
    """How many words from ``k`` on make one of ``phrases`` ("is to", "must"), the longest; 0 for none."""
    for size in (3, 2, 1):
        run = items[k:k + size]
        if len(run) == size and all(it.kind is ItemKind.WORD for it in run) \
                and " ".join(it.text.lower() for it in run) in phrases:
            return size
    return 0


def _modal_then_verb(items: Sequence[Item], k: int, modals: Container[str]) -> bool:
    """A modal at ``k`` (one of ``modals``) and a verb right after it: what a subject is followed by."""
    return k + 1 < len(items) and items[k].kind is ItemKind.WORD and items[k].text in modals \
        and items[k + 1].kind is ItemKind.VERB


def _loaded_list_member(items: Sequence[Item], k: int) -> bool:
    """The robot at ``k``, after "and", is one more robot a loading verb before it loads, and what follows it is
    only where ("loads truck 2 and truck 3 at soil 1"): no clause of its own. Cut off, "truck 3 at soil 1" was a
    move of truck 3 and its loading was lost."""
    j = k - 2
    while j >= 0 and (items[j].kind is ItemKind.ROBOT or items[j].kind is ItemKind.WORD and items[j].text == "and"
                      or items[j].kind is ItemKind.PUNCT and items[j].payload == ","):
        j -= 1
    if j < 0 or j == k - 2 or items[j].kind is not ItemKind.VERB or items[j].payload.target != "unload_bucket" \
            or items[j].payload.role == "passive_load":
        return False
    if any(items[i].kind is ItemKind.ROBOT and items[i].text == items[k].text for i in range(j + 1, k)):
        return False  # "loads truck 1 and truck 1 then runs its own loading routine": a robot is not listed twice
    for it in items[k + 1:]:
        if it.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            return True
        if it.kind not in (ItemKind.WORD, ItemKind.OBJECT):
            return False
    return True


def _gapped_passive(items: Sequence[Item], k: int) -> bool:
    """"... inspected by truck 3 and rock 1 by truck 1": an object then a robot, no verb."""
    for j in range(k + 1, len(items)):
        it = items[j]
        if it.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.VERB):
            return False
        if it.kind is ItemKind.ROBOT:
            return items[j - 1].kind is ItemKind.WORD and items[j - 1].text == "by"
    return False


def _participle(text: str) -> bool:
    """"loaded", "dug", "broken up": a verb said as a state (it continues an anchor)."""
    w = text.split()[0]
    return w.endswith(("ed", "en")) or w in ("dug", "done", "gone", "left", "come", "run", "set", "put", "shut")


def _gapped_verb_passive(items: Sequence[Item], k: int) -> bool:
    """After "and" at ``k``: little words, a verb, then "by" + a robot before the clause ends."""
    j = k + 1
    while j < len(items) and items[j].kind is ItemKind.WORD and items[j].text not in ("and", "or", "by"):
        j += 1
    if j >= len(items) or items[j].kind is not ItemKind.VERB:
        return False
    for m in range(j + 1, len(items) - 1):
        if items[m].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.VERB):
            return False
        if items[m].kind is ItemKind.WORD and items[m].text == "by" and items[m + 1].kind is ItemKind.ROBOT:
            return True
    return False


def _is_mark(items: Sequence[Item], k: int, name: str) -> bool:
    return 0 <= k < len(items) and items[k].kind is ItemKind.MARK and items[k].payload == name


def _coordinated_after(items: Sequence[Item]) -> list[Item]:
    """"..., and after truck 3 brings the stones to puddle 1 and dumps." (non-native English): "and after"
    with a clause of its own and no main clause after it in the sentence means "and afterwards". Read as an
    anchor, the clause named nothing done yet and the clause before waited for it; its steps were lost."""
    out = list(items)
    for k, it in enumerate(items):
        if not (it.kind is ItemKind.CONNECTIVE and it.payload == "anchor" and it.text == "after" and k >= 1
                and items[k - 1].kind is ItemKind.WORD and items[k - 1].text == "and"
                and k + 2 < len(items) and items[k + 1].kind is ItemKind.ROBOT
                and items[k + 2].kind is ItemKind.VERB):
            continue
        rest = []
        for x in items[k + 3:]:
            if x.kind is ItemKind.PUNCT and x.payload in SENTENCE_END:
                break
            rest.append(x)
        if any(x.kind in (ItemKind.ROBOT, ItemKind.CONNECTIVE) or (x.kind is ItemKind.PUNCT and x.payload == ",")
               for x in rest):
            continue  # "and after truck 3 dumps, truck 1 goes home": a real anchor of the clause after it
        out[k] = dataclasses.replace(it, payload="sequence")
    return out


def _only_connectives(cur: Sequence[Item], joining: Container[str], interjections: Container[str] = ()) -> bool:
    """Nothing but connectives so far, after a joining word at most ("then, ...", "and before any of that, ..."):
    the comma after them does not end a clause, the connectives open the one after it. Cut there, "and" kept
    the connective in a clause with no content, and the clause after the comma lost its timing. ``joining``: the
    lexicon's ``clause_joining_words``; ``interjections`` (its ``clause_interjections``) may stand before them ("oh and
    before any of that, ...")."""
    k = 0
    while k < len(cur) and cur[k].kind is ItemKind.WORD and cur[k].text in interjections:
        k += 1
    while k < len(cur) and cur[k].kind is ItemKind.WORD and cur[k].text in joining:
        k += 1
    return k < len(cur) and all(i.kind is ItemKind.CONNECTIVE for i in cur[k:])


def _closing_order(cur: Sequence[Item], items: Sequence[Item], k: int) -> bool:
    """"loads trucks 3 and 2, in that order": an order mark that closes the clause after a comma qualifies
    that clause (its objects, or its robots, are taken one after the other). Cut off into a clause of its
    own, the clause it qualifies never saw it, and a verbless "and then truck 3" before it lost its verb. Also
    before a comma when the clause lists what it orders ("loads truck 1 and truck 2, in that order, then the trucks
    go back"): cut off, it ordered every clause of the sentence and the loadings were one."""
    return bool(cur) and (_has_content(cur) or any(i.kind is ItemKind.ROBOT for i in cur)) \
        and _is_mark(items, k, "in_order") and (
            k + 1 == len(items) or (items[k + 1].kind is ItemKind.PUNCT and items[k + 1].payload in SENTENCE_END)
            or (items[k + 1].kind is ItemKind.PUNCT and items[k + 1].payload == ","
                and (_orders_own_list(cur) or _loading_then_robot(items, k - 1))))


def _loading_then_robot(items: Sequence[Item], k: int) -> bool:
    """The comma at ``k`` ends a verbless "and then truck 2" of a loading ("loads truck 1 and then truck 2, one after
    the other, and after that ..."): the order mark after it orders that loading's trucks, as it does before a full
    stop. Cut off into a clause of its own, the mark left "truck 2" a clause with no verb, which lost its loading
    and took the verb of the clause after it."""
    return k >= 2 and items[k - 1].kind is ItemKind.ROBOT and items[k - 2].kind is ItemKind.CONNECTIVE \
        and items[k - 2].payload == "sequence" and _loading_before(items, k - 2)


def _passive_clause(items: Sequence[Item], k: int) -> bool:
    """"... and puddle 2 is blocked for all robots": an object, then only little words, then a verb
    (a new passive clause, not a second object of the verb before)."""
    for it in items[k + 1:]:
        if it.kind is ItemKind.VERB:
            return True
        if it.kind is not ItemKind.WORD or it.text in ("and", "or"):
            return False
    return False


def _ordered_loading_ends(items: Sequence[Item], k: int) -> bool:
    """The comma at ``k`` ends a verbless "then truck 2" that a loading order made ("loads truck 1 and
    truck 2 (truck 1 first), each loaded truck dumps ..."): the robot after it opens a clause of its own,
    not a list with truck 2 (which lost truck 2's loading)."""
    nxt = k + 2 if k + 2 < len(items) and items[k + 1].kind is ItemKind.WORD and items[k + 1].text == "and" else k + 1
    if not (k >= 2 and items[k - 1].kind is ItemKind.ROBOT and items[k - 2].kind is ItemKind.CONNECTIVE
            and _is_subject_start(items, nxt)):
        return False
    if items[k - 2].start == items[k - 2].end and items[k - 2].text == "then":
        return True
    return items[k - 2].payload == "sequence" and _loading_before(items, k - 2)


def _order_after_done(items: Sequence[Item], k: int, finish_words: Container[str] = ()) -> bool:
    """"when it's done digging *load* truck two": a verb in its bare form right after an anchor's finished step (an
    event word, a participle or a gerund: "done", "dug", "digging") is an order that opens the main clause. Kept in
    the anchor, the loading was only its condition, made before the digging it waited for. Not after a bare verb
    ("when they go dig"), nor before a comma: "when they finish dig, they load truck 2" (non-native) names the
    finished deed, as "finish digging" does; cut there, the anchor waited for nothing and "dig" fell to the truck.
    So with no comma after one of ``finish_words`` (see :func:`_finished_deed`)."""
    if k < 1 or items[k].kind is not ItemKind.VERB:
        return False
    word = items[k].text.split()[0]
    if word.endswith(("s", "ing", "ed")) or _participle(word):
        return False
    if k + 1 < len(items) and items[k + 1].kind is ItemKind.PUNCT and items[k + 1].payload == ",":
        return False
    prev = items[k - 1]
    if prev.kind is ItemKind.EVENT:
        return not _finished_deed(items, k, finish_words)
    before = prev.text.split()[-1]
    return prev.kind is ItemKind.VERB and (before.endswith("ing") or _participle(before))


_COPULAS = ("is", "are", "was", "were", "be", "been", "'s", "am")
_OBJECTLESS_WORK = ("dig", "dump")


def _finished_deed(items: Sequence[Item], k: int, finish_words: Container[str]) -> bool:
    """The bare verb at ``k``, right after one of ``finish_words`` ("after excavator 1 *finish dig* at soil 1", a
    non-native "finish digging"), is the deed finished, not an order. Always so in an anchor said after its main
    clause, whose order came before it; in one that opens its clause, only for a digging or a dumping (no robot is
    its object) with no verb right after it ("when excavators finish dig truck 3 go ..."): "when it finish load truck
    2" orders the loading, as "when it is finished load truck 2" does (a copula makes "finished" a state)."""
    event = items[k - 1]
    if event.text not in finish_words \
            or event.text.endswith("ed") and k >= 2 and items[k - 2].text in _COPULAS:
        return False
    if _anchor_after_main(items, k):
        return True
    return items[k].payload.target in _OBJECTLESS_WORK \
        and not (k + 1 < len(items) and items[k + 1].kind is ItemKind.VERB)


def _anchor_after_main(items: Sequence[Item], k: int) -> bool:
    """The anchor that item ``k`` stands in follows its main clause's verb in the sentence, with nothing that opens
    a clause between them ("truck 1 go soil 1 *after* ..."; not "excavator 1 dig, *when* ...")."""
    j = k - 1
    while j >= 0 and not (items[j].kind is ItemKind.CONNECTIVE and items[j].payload == "anchor"):
        if items[j].kind is ItemKind.PUNCT or items[j].kind is ItemKind.CONNECTIVE:
            return False
        j -= 1
    if j < 1 or items[j - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE) \
            or items[j - 1].kind is ItemKind.WORD and items[j - 1].text in ("and", "then", "but", "or"):
        return False
    return any(it.kind is ItemKind.VERB for it in items[sentence_start(items, j):j])


#: work only one robot type does, by the action a verb names
_TYPE_WORK = {"dump": "dump_truck", "dig": "excavator"}


def _anchor_subjects_work(main: Segment, anchor: Sequence[Item], verb: Item) -> bool:
    """"Excavator 1 goes home after truck 3 goes to soil 2 *and dumps there*": the verb after "and" names work only
    the anchor's own robot (named by number) can do, not the main clause's robot of another type, so it goes on
    with the anchor. Cut at "and", the return waited for the drive alone, and the dump fell to the excavator (an
    unloading of its bucket into no truck). Work both could do stays the main clause's, as before."""
    kind = _TYPE_WORK.get(verb.payload.target) if verb.payload.role == "verb" else None
    doer = next((i.payload for i in anchor if i.kind is ItemKind.ROBOT), None)
    boss = next((i.payload for i in main.items if i.kind is ItemKind.ROBOT), None)
    return kind is not None and doer is not None and boss is not None and doer.form == "ids" \
        and doer.rtype == kind and bool(boss.rtype) and boss.rtype != kind


def _lone_subject_then_verb(cur: Segment, items: Sequence[Item], k: int) -> bool:
    """"loads truck 1 and then truck 3, *each truck then dumps* at obstacle 1": a robot alone after the comma that
    ended a verbless "then truck 3", with "then" and a verb after it, is that verb's subject. Cut at "then", the
    robot stood alone and "then truck 3" was no end of a loading run (truck 3's loading was lost)."""
    lead = 1 if cur.items[0].kind is ItemKind.WORD and cur.items[0].text == "and" else 0
    p = k - 2 - lead
    return len(cur.items) == 1 + lead and cur.items[lead].kind is ItemKind.ROBOT and p >= 1 \
        and items[p].kind is ItemKind.PUNCT and _ordered_loading_ends(items, p) \
        and k + 1 < len(items) and items[k + 1].kind is ItemKind.VERB


def _sole_subject_then_verb(cur: Segment, items: Sequence[Item], k: int) -> bool:
    """"Excavator 2 *then goes* to soil 1 with truck 1 and digs there": one robot opening the clause, "then" and a
    verb is that verb's subject. Cut at "then", the robot after "with" became the subject of the rest, and truck 1
    was sent to dig."""
    return len(cur.items) == 1 and cur.items[0].kind is ItemKind.ROBOT and cur.connective is None \
        and k + 1 < len(items) and items[k + 1].kind is ItemKind.VERB


def _loading_before(items: Sequence[Item], k: int) -> bool:
    """A loading verb with a robot after it opens the clause that ends at ``k`` ("excavator 3 loads truck 1 *and
    then truck 3*, each truck then dumps"): the "then <robot>" said is one more truck of that loading, as the one
    an order aside makes; read as a list with the robots after the comma, the second loading was lost. So with
    "first" after the first truck ("loads truck 2 first then truck 1, truck 2 dumps ...")."""
    j = k - 1
    if j >= 0 and items[j].kind is ItemKind.CONNECTIVE and items[j].payload == "first":
        j -= 1
    end = j
    while j >= 0 and items[j].kind is ItemKind.ROBOT:
        j -= 1
    return j >= 0 and j < end and items[j].kind is ItemKind.VERB and items[j].payload.target == "unload_bucket" \
        and items[j].payload.role == "verb"


def _skipped_purpose(items: Sequence[Item]) -> bool:
    """"So that the surveyors can measure *it, everybody* keeps away from rock 2": a clause opened by a purpose the
    lexicon skips (``purpose_skip``) ends at its comma even when a robot word ends it and one follows; read as one
    list of robots, the keep-out after the comma was skipped with the purpose, silently."""
    return bool(items) and items[0].kind is ItemKind.MARK and items[0].payload == "skip"


def _has_content(items: Sequence[Item]) -> bool:
    return any(i.kind in (ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE) for i in items)


def verb_before_punct(items: Sequence[Item], k: int, connectives: bool = False) -> bool:
    """A verb comes at or after ``k`` before the next punctuation (the words start a clause); with ``connectives``,
    before the next connective too."""
    for it in items[k:]:
        if it.kind is ItemKind.PUNCT or (connectives and it.kind is ItemKind.CONNECTIVE):
            return False
        if it.kind is ItemKind.VERB:
            return True
    return False


def _relative_which(items: Sequence[Item], k: int) -> bool:
    """The relative pronoun "which" as a robot mention at ``k``."""
    return k < len(items) and items[k].kind is ItemKind.ROBOT and items[k].payload.form == "pronoun" \
        and items[k].payload.pronoun == "which"


def _relative_clause(seg: Segment) -> bool:
    """A main clause opened by "which" or "where" with a verb in it: a relative clause said of the step before."""
    items = seg.items
    return seg.role is SegmentRole.MAIN and any(i.kind is ItemKind.VERB for i in items) and bool(items) and (
        _relative_which(items, 0) or (items[0].kind is ItemKind.WORD and items[0].text == "where"))


def _only_robots(items: Sequence[Item]) -> bool:
    """Nothing but a list of robots: robot mentions joined by ",", "and" and "the"."""
    return all(i.kind is ItemKind.ROBOT or (i.kind is ItemKind.WORD and i.text in ("and", "the"))
               or (i.kind is ItemKind.PUNCT and i.payload == ",") for i in items)


def _causative_list(items: Sequence[Item], causatives: Container[str]) -> bool:
    """"send excavator 3, truck 1 ...": a causative verb followed only by the robots it sends (past a plain word or
    two before it: "please send excavator 3, truck 1 ..."). So a keep-out verb with its robots inside it ("keep
    excavator 1, excavator 2 and truck 3 away from rock 1"): cut at the comma, the verb held one robot and no
    place."""
    k = 0
    while k < min(2, len(items)) and items[k].kind is ItemKind.WORD:
        k += 1
    return len(items) >= k + 2 and items[k].kind is ItemKind.VERB \
        and (items[k].text in causatives or items[k].payload.target == "add_keepout") \
        and _only_robots(items[k + 1:])


def _loaded_list(items: Sequence[Item]) -> bool:
    """"loads truck 1, truck 2 and truck 3": the robots after a loading verb are what it loads."""
    verb = max((k for k, i in enumerate(items) if i.kind is ItemKind.VERB), default=-1)
    return verb >= 0 and items[verb].payload.target == "unload_bucket" and items[verb].payload.role == "verb" \
        and verb + 1 < len(items) and _only_robots(items[verb + 1:])


def _done_with_robots(items: Sequence[Item], object_verbs: Container[str] = ()) -> bool:
    """Something was said after the last robot mention ("send truck 1 to rock 1 | and truck
    3 ..."), so a following robot starts a new clause rather than extending the list
    ("send an excavator and a truck to soil 2")."""
    last = max((k for k, i in enumerate(items) if i.kind is ItemKind.ROBOT
                and not (k and items[k - 1].kind is ItemKind.VERB  # "loads it", "serves excavator 2": objects
                         and (items[k - 1].payload.target in ("unload_bucket", "pair")
                              or items[k - 1].payload.lemma in object_verbs))), default=-1)
    rest = [i for i in items[last + 1:] if not (i.kind is ItemKind.WORD and i.text == "and")]
    if last >= 0 and items[last].payload.form == "type" and items[last].payload.det == "the" and len(rest) == 2 \
            and rest[0].kind is ItemKind.WORD and rest[0].text in ("at", "from") and rest[1].kind is ItemKind.OBJECT \
            and not any(i.kind is ItemKind.VERB for i in items):
        return False  # "the excavator at soil 1 and truck 2 return": the place picks the excavator, a subject still
    return _has_content(items[last + 1:])


def _kept_still(items: Sequence[Item], still_words: Container[str]) -> bool:
    """Robots, then only words of staying put ("truck 2 *stays where it is* and ...", "stays put and"): the clause is
    said, as after a verb, so a robot after "and" opens a clause of its own. The words are no verb, so the robots
    after "and" were read as more subjects of one clause, and the robot that stays was sent with them."""
    first = next((k for k, i in enumerate(items) if i.kind is not ItemKind.ROBOT
                  and not (i.kind is ItemKind.WORD and i.text == "and")), len(items))
    rest = items[first:]
    if not first or not rest or rest[-1].kind is not ItemKind.WORD or rest[-1].text != "and":
        return False
    said = rest[:-1]
    words = [i.text for i in said if i.kind is ItemKind.WORD]
    return bool(words) and " ".join(words) in still_words and all(
        i.kind is ItemKind.WORD or (i.kind is ItemKind.MARK and i.payload == "in_place") for i in said)


_BENEFICIARY_PREPOSITIONS = frozenset({"to", "for"})


def _after_keepout_beneficiaries(cur: Sequence[Item], items: Sequence[Item], k: int) -> bool:
    """"rock 1 is open to everyone again *and all robots* go back", "puddle 1 is closed to all robots *and truck 2*
    goes to rock 1": the clause so far ends in the robots a keep-out is set or lifted for (after "to" / "for"), and
    the robot at ``k`` has a verb of its own next, before any other robot. Read as one more robot the place is open
    to, the return became part of the lifting's clause (waiting for the lifting), or the whole fleet took truck 2's
    move. "open to trucks 2 and 3 again and truck 1 goes back" keeps truck 3 in the list: another robot comes first."""
    last = max((j for j, i in enumerate(cur) if i.kind is ItemKind.ROBOT), default=-1)
    j = last
    while j > 0 and (cur[j - 1].kind is ItemKind.ROBOT or (cur[j - 1].kind is ItemKind.WORD
                                                           and cur[j - 1].text == "and")
                     or (cur[j - 1].kind is ItemKind.PUNCT and cur[j - 1].payload == ",")):
        j -= 1  # back over the list of robots ("to trucks 2, 3 and ...")
    if last < 0 or j < 1 or cur[j - 1].text.split()[-1] not in _BENEFICIARY_PREPOSITIONS \
            or cur[j - 1].kind not in (ItemKind.WORD, ItemKind.VERB):  # "open to", "closed to" (one verb)
        return False
    if not any(i.kind is ItemKind.VERB and i.payload.target in ("add_keepout", "remove_keepout") for i in cur[:j]):
        return False
    for it in items[k + 1:]:
        if it.kind in (ItemKind.ROBOT, ItemKind.PUNCT, ItemKind.CONNECTIVE):
            return False
        if it.kind is ItemKind.VERB:
            return True
    return False


def _keepout_for(cur: Sequence[Item], j: int) -> bool:
    """"for" at ``j`` names whom a keep-out of the clause holds for ("the keep-out on obstacle 2 is lifted *for*
    everyone and truck 1 goes ..."): its robots end there as a passive's agents do."""
    return cur[j].kind is ItemKind.WORD and cur[j].text == "for" and any(
        i.kind is ItemKind.VERB and i.payload.target in ("add_keepout", "remove_keepout") for i in cur[:j])


def _after_passive_agents(cur: Sequence[Item], items: Sequence[Item], k: int,
                          modals: Sequence[Container[str]] = ()) -> bool:
    """The robot at ``k`` follows "and" after a passive's agents ("loaded by excavator 1 *and truck 2 is loaded* by
    excavator 3") and a verb of its own comes right after it: the subject of a new clause, not one more agent. Read as
    an agent, both excavators made one loading, or "and truck 2 goes to rock 1" sent truck 1 along. So with words of
    obligation between, one of ``modals`` (phrase sets: "lifted for all robots and truck 2 *is to* return")."""
    j = len(cur) - 2
    if j < 1 or not (cur[-1].kind is ItemKind.WORD and cur[-1].text == "and") or cur[j].kind is not ItemKind.ROBOT:
        return False
    while j >= 0 and (cur[j].kind is ItemKind.ROBOT or cur[j].kind is ItemKind.WORD and cur[j].text == "and"
                      or cur[j].kind is ItemKind.PUNCT and cur[j].payload == ","):
        j -= 1
    by = j >= 0 and ((cur[j].kind is ItemKind.WORD and cur[j].text == "by")
                     or (cur[j].kind is ItemKind.VERB and cur[j].text.endswith(" by"))
                     or _keepout_for(cur, j))
    then = k + 1 < len(items) and items[k + 1].kind is ItemKind.CONNECTIVE and items[k + 1].payload == "sequence"
    nxt = k + 2 if then else k + 1
    nxt += max((_modal_run(items, nxt, phrases) for phrases in modals), default=0)
    return by and nxt < len(items) and items[nxt].kind is ItemKind.VERB


def _has_predicate(items: Sequence[Item]) -> bool:
    return any(
        i.kind in (ItemKind.VERB, ItemKind.EVENT, ItemKind.PLACE, ItemKind.OBJECT)
        or (i.kind is ItemKind.MARK and i.payload in ("everything",))
        for i in items
    )


_BE = frozenset({"is", "are", "was", "were", "be", "gets", "get"})

# Words that open a verbless anchor ("once at their sites they dig", "once there, it dumps")
_REDUCED_ANCHOR = frozenset({"at", "there", "in", "on", "back", "inside"})


def _inverted_place_subject(items: Sequence[Item], k: int, inverted: Container[str]) -> bool:
    """A place after an inverted auxiliary, before a verb that sets or lifts a keep-out ("only after it has finished
    *does puddle 2 open* again for everyone", "only after that *is puddle 2 opened* again"): the place is the subject
    of the main clause, as a robot there is ("only after that *do trucks 2 and 3* go"). Left in the anchor, the
    lifting went to the anchor's robot, or was lost with the anchor's words."""
    return (items[k].kind is ItemKind.OBJECT and 0 < k < len(items) - 1
            and items[k - 1].kind is ItemKind.WORD and items[k - 1].text in inverted
            and items[k + 1].kind is ItemKind.VERB and items[k + 1].payload.target in ("add_keepout", "remove_keepout"))


def _place_after_done(items: Sequence[Item], k: int) -> bool:
    """A place right after an anchor's finished step ("once that is *done*", "once it has *dug*"), before a verb that
    sets or lifts a keep-out (a copula may come between) with no comma before the place ("..., and once that is done
    *obstacle 1 is open again*"): the place is the subject of the main clause, as after a comma. Left in the anchor,
    the lifting went to the anchor's robot alone, waited for nothing, and gated that robot's move."""
    j = k + 1
    while j < len(items) and items[j].kind is ItemKind.WORD and items[j].text in _COPULAS:
        j += 1  # "obstacle 1 *is* allowed again"
    if not (items[k].kind is ItemKind.OBJECT and 0 < k and j < len(items) and items[j].kind is ItemKind.VERB
            and items[j].payload.target in ("add_keepout", "remove_keepout")):
        return False
    prev = items[k - 1]
    return prev.kind is ItemKind.EVENT or prev.kind is ItemKind.VERB and _participle(prev.text.split()[-1])


def _inverted_permission(anchor: list[Item]) -> Item | None:
    """"Only after that *may* the fleet use rock 2 again", "only once it has dug *can* the trucks enter it": a
    permission word that ends an anchor before the main clause's subject is that clause's modal, inverted. Left in the
    anchor, the clause lost its permission and its lifting was read as a move into the closed place. Taken off the
    anchor (which keeps what it waits for) and returned, to open the main clause."""
    if len(anchor) > 1 and anchor[-1].kind is ItemKind.MARK and anchor[-1].payload == "permit":
        return anchor.pop()
    return None


def _bare_end_then_verb(anchor: Sequence[Item], it: Item) -> bool:
    """Whether ``it`` is a finite verb right after an anchor of one end word and no subject ("when *done* loads truck
    1", "once *loaded* drives to puddle 1"): the step the anchor times, its robot the one said before. Kept in the
    anchor, the digging before "and when done" waited for the loading, and a truck's drive was dropped."""
    if len(anchor) != 1 or it.kind is not ItemKind.VERB or _participle(it.text) or it.text.endswith("ing"):
        return False
    end = anchor[0]
    return end.kind is ItemKind.EVENT or (end.kind is ItemKind.VERB and _participle(end.text))


def _reduced_anchor(items: Sequence[Item]) -> bool:
    """An anchor said without a verb ("once at their sites", "when there"): the robot mention that
    follows with a verb of its own is the subject of the main clause, not part of the anchor."""
    return items[0].kind is ItemKind.WORD and items[0].text in _REDUCED_ANCHOR


_DEED_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def _possessive_deed_alone(items: Sequence[Item]) -> bool:
    """A trailing anchor of a possessive deed alone, then "and" ("dumps right after its loading *and* truck 3 dumps
    ..."): the robot after "and" opens a clause of its own; read as the anchor's, its work waited for a deed of the
    robot before it."""
    return len(items) == 2 and items[0].kind is ItemKind.VERB \
        and items[0].text.split()[0].lower() in _DEED_POSSESSIVES and items[1].kind is ItemKind.WORD \
        and items[1].text == "and"


def _list_of_places(cur: Sequence[Item], items: Sequence[Item], k: int) -> bool:
    """A colon after a verb that has no place yet, followed only by a list of places. Not when the places end in a
    colon of their own: "Two digging crews: - soil 1: two excavators dig there" heads a list whose items are labelled
    by their place (read as the heading's places, the label was lost and "there" had nowhere to point)."""
    if not any(i.kind is ItemKind.VERB for i in cur) or any(i.kind is ItemKind.OBJECT for i in cur):
        return False
    rest: list[Item] = []
    for it in items[k + 1:]:
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            if it.payload == ":":
                return False
            break
        rest.append(it)
    if any(i.kind is ItemKind.ROBOT for i in cur) and any(i.kind is ItemKind.ROBOT for i in rest):
        # "excavators 1 and 3 each dig: excavator 1 at soil 1, excavator 3 at rock 2": robot by robot
        # (up to a comma before a verb: "..., driving there first")
        verb = next((n for n in range(len(rest)) if rest[n].kind is ItemKind.VERB), len(rest))
        if verb < len(rest):  # the list ends at the last comma before a verb of its own
            cut = max((n for n in range(verb) if rest[n].kind is ItemKind.PUNCT), default=0)
            rest = rest[:cut]
        return any(i.kind is ItemKind.OBJECT for i in rest) and all(
            i.kind in (ItemKind.OBJECT, ItemKind.MARK) or (i.kind is ItemKind.PUNCT and i.payload == ",")
            or (i.kind is ItemKind.ROBOT and i.payload.form == "ids")
            or (i.kind is ItemKind.WORD and i.text in ("and", "at", "to")) for i in rest)
    return any(i.kind is ItemKind.OBJECT for i in rest) and all(
        i.kind is ItemKind.OBJECT or (i.kind is ItemKind.PUNCT and i.payload == ",")
        or (i.kind is ItemKind.WORD and i.text in ("and", "then")) or i.kind is ItemKind.MARK for i in rest)


def _place_after(items: Sequence[Item], k: int) -> bool:
    """Only words, then a named place, from ``k`` to the end of the clause ("to puddle 2", "near rock 1")."""
    while k < len(items) and items[k].kind is ItemKind.WORD:
        k += 1
    return k < len(items) and items[k].kind is ItemKind.OBJECT and items[k].payload.form != "pronoun"


_TOO_WORDS = ("too", "also")


def _gapped_too(items: Sequence[Item], k: int) -> bool:
    """From ``k``: robots (joined by "and"), then "too" / "also" / "as well", then a comma: the order before said
    again for them."""
    start = k
    while k < len(items) and (items[k].kind is ItemKind.ROBOT
                              or (items[k].kind is ItemKind.WORD and items[k].text in ("and", "the"))):
        k += 1
    if not any(it.kind is ItemKind.ROBOT for it in items[start:k]) or k >= len(items):
        return False
    if items[k].kind is ItemKind.WORD and items[k].text in _TOO_WORDS:
        k += 1
    elif k + 1 < len(items) and [i.text for i in items[k:k + 2]] == ["as", "well"]:
        k += 2
    else:
        return False
    return k < len(items) and items[k].kind is ItemKind.PUNCT and items[k].payload == ","


def _negated_places(items: Sequence[Item], joining_words: Container[str]) -> list[Item]:
    """Cut "but not to puddle 2" / "and never near rock 1" off the move said before it in the sentence.

    A negation (or an "except" mark: "but not") followed only by words and a named place, after a
    move in the same sentence, keeps the robots of that move out of the place; it is no second
    destination ("truck 1 goes to soil 1 but not to puddle 2" sent truck 1 on to puddle 2) and no
    robot left out of a group. The cut is a comma before the joining word, which reads it as the
    keep-out of the clause's robots ("truck 1 goes to soil 1, not to puddle 2" was read right).
    """
    out: list[Item] = []
    moved = False
    for k, it in enumerate(items):
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            # "Truck 1 goes to soil 1. Excavator 2 too, but not to puddle 2.": a sentence of robots and
            # "too" says the move before it again, so its "but not" is a keep-out of that move too
            moved = moved and _gapped_too(items, k + 1)
        elif it.kind is ItemKind.VERB and it.payload.target in ("navigate", "dig"):  # a step at a place
            moved = True
        elif moved and it.kind is ItemKind.MARK and it.payload in ("neg", "except") and _place_after(items, k + 1):
            lead = k - 1 if k and items[k - 1].kind is ItemKind.WORD and items[k - 1].text in joining_words else k
            if not (lead and items[lead - 1].kind is ItemKind.PUNCT):
                comma = Item(ItemKind.PUNCT, items[lead].start, items[lead].start, ",", ",")
                out.insert(len(out) - (k - lead), comma)
            it = dataclasses.replace(it, payload="neg")
            moved = False
        out.append(it)
    return out


def _closing_parallel_comma(cur: Segment, items: Sequence[Item], k: int) -> bool:
    """"X goes to rock 1, Y goes to rock 2 at the same time, when both arrive, all return": the anchor at ``k`` follows
    a comma after a closing "at the same time" (held, with no items, by ``cur``), so it opens after a punctuation
    mark, as it would with no "at the same time"; read as said straight after the clause, it timed that clause, and
    truck 2 waited for its own arrival."""
    return items[k].payload == "anchor" and cur.connective == "parallel" and not cur.items and k > 0 \
        and items[k - 1].kind is ItemKind.PUNCT and items[k - 1].payload == ","


def segment_items(items: Sequence[Item], causatives: Container[str],
                  object_verbs: Container[str] = (), joining_words: Container[str] = (),
                  subject_modals: Container[str] = (), departures: Container[str] = (),
                  closing_modals: Container[str] = (), interjections: Container[str] = (),
                  ongoing_openers: Container[str] = ("while", "whilst"),
                  inverted: Container[str] = (), meantime_words: Container[str] = (),
                  finish_words: Container[str] = (), still_words: Container[str] = ()) -> list[Segment]:
    """Cut items into clauses.

    Cuts: sentence punctuation (``. ; : ! ?``), a connective, a comma, and "and" (or
    nothing) before a robot mention that opens a clause of its own. An anchor clause
    ("once both trucks are loaded") also ends where a new subject or a causative verb starts
    the main clause after its predicate ("... are loaded they drive ...").

    ``departures`` (the lexicon's ``departure_verbs``) may stand between a subject and an anchor
    that interrupts it ("each truck leaves as soon as it is loaded, takes its soil to ...").

    ``closing_modals`` (the lexicon's ``anchor_closing_modals``) may stand between "and" and the verb that ends an
    anchor ("... as soon as it has been loaded *and is to* tip its load there"), as when the verb follows "and".

    ``joining_words`` (the lexicon's ``clause_joining_words``) may stand before a clause's opening
    connectives without the comma after them ending a clause ("and before any of that, ...").

    A pronoun after the anchor's verb and before one of ``subject_modals`` and a verb ("once excavator 1 has
    finished digging *it should* load the truck") opens the main clause: read as the verb's object, the main
    clause was lost in the anchor and its work dropped.

    ``ongoing_openers`` (the lexicon's) that open a sentence only say when the clause after their comma runs ("While
    the rock is broken up, ...", "By the time the rock is broken up, trucks 1 and 3 should be at obstacle 1"): read as
    a clause of its own, the step named there was one more order for the robot said last.

    ``inverted`` (the lexicon's ``inverted_auxiliaries`` and ``passive_auxiliaries``) before a place and a keep-out
    verb open the main clause after an anchor ("only after that *is* puddle 2 opened again for everybody").

    ``meantime_words`` (the lexicon's) that close a relative clause before a comma ("..., which has driven there *in
    the meantime*, and truck 1 then dumps ...") stay that clause's, as they do before a full stop.

    A bare verb after one of ``finish_words`` (the lexicon's ``finished_deed_words``) may be the deed an anchor waits
    for, not an order ("after excavator 1 *finish dig* at soil 1"; :func:`_finished_deed`).

    ``still_words`` (the lexicon's ``stationary``) after a clause's robots, with no verb, end that clause at "and"
    before a new subject ("truck 2 *stays where it is and* all the other robots go home"; :func:`_kept_still`).
    """
    items = _front_trailing_finals(items, joining_words)
    items = _afterward_that(_coordinated_after(items))
    items = [dataclasses.replace(it, payload="sequence")  # "then, right after, everyone ...": "after that"
             if it.kind is ItemKind.CONNECTIVE and it.payload == "anchor" and it.text in _AFTERWARDS and (
                 (k + 1 < len(items) and items[k + 1].kind is ItemKind.PUNCT) or _afterward_adverb(items, k))
             else it for k, it in enumerate(items)]
    items = _negated_places(items, joining_words)
    segs: list[Segment] = []
    sentence = 0
    colon_ends: set[int] = set()
    cur = Segment([], sentence, sentence_start=True)

    def close(ended_by: str) -> None:
        nonlocal cur
        cur.ended_by = ended_by
        if cur.connective or any(i.kind is not ItemKind.WORD for i in cur.items):
            segs.append(cur)
        elif cur.items:  # bare words (", but only after ..."): no clause of their own
            only = any(i.text == "only" for i in cur.items)
            cur = Segment([], sentence, after_punct=cur.after_punct, restrictive=only, list_no=cur.list_no)
            return
        cur = Segment([], sentence)

    def conjunct(ended_by: str, first: Item | None = None, drop_last: bool = False) -> None:
        """Close the clause (without its last item, a joining word, when ``drop_last``) and open a conjunct: a clause
        of its own after a joining word, starting with ``first`` when given."""
        if drop_last:
            cur.items.pop()
        close(ended_by)
        cur.after_punct = False
        cur.conjunct = True
        if first is not None:
            cur.items.append(first)

    n = len(items)
    k = 0
    while k < n:
        it = items[k]
        if it.kind is ItemKind.PUNCT and it.payload == ":" and _list_of_places(cur.items, items, k):
            if any(i.kind is ItemKind.ROBOT for i in items[k + 1:k + 2]):
                close("punct")  # "each dig: excavator 1 at soil 1, ...": a comma, the list stays in the sentence
                cur.after_punct = True
            k += 1  # "go to a different spot: soil 1, soil 2 and rock 1 respectively": the places of the verb
            continue
        if it.kind is ItemKind.PUNCT:
            if it.payload == ":" and not cur.items and cur.connective in ("final", "sequence"):
                # "Finally: everyone returns", "Last box: ...": the connective opens the sentence after it
                conn, conn_text = cur.connective, cur.connective_text
                sentence += 1
                cur = Segment([], sentence, conn, conn_text, sentence_start=True)
                k += 1
                continue
            if it.payload in SENTENCE_END:
                close("punct")
                if it.payload == ":":
                    colon_ends.add(sentence)
                sentence += 1
                cur = Segment([], sentence, sentence_start=True)
            elif it.payload in (",", "(", ")") and not (cur.connective and not cur.items) and not (
                it.payload == "," and _only_connectives(cur.items, joining_words, interjections)) and not (
                it.payload == "," and _is_mark(items, k + 1, "respectively")) and not (
                it.payload == "," and _closing_order(cur.items, items, k + 1)) and not (
                cur.items and cur.items[-1].kind is ItemKind.OBJECT and cur.items[-1].payload.form != "pronoun"
                and k + 1 < n and items[k + 1].kind is ItemKind.OBJECT
                # "puddle 1, puddle 2 and ...", but not "once X is at rock 1, rock 1 becomes ..."
                and not (cur.role is SegmentRole.ANCHOR and _has_predicate(cur.items)
                         and (verb_before_punct(items, k + 1)
                              # "when truck 1 is at rock 1, puddle 1 can be used again": a modal after it
                              or (k + 2 < n and items[k + 2].kind is ItemKind.MARK
                                  and items[k + 2].payload in ("permit", "neg"))))) and not (
                it.payload == "," and cur.items and cur.items[-1].kind is ItemKind.ROBOT and k + 1 < n
                and items[k + 1].kind is ItemKind.ROBOT and items[k + 1].payload.form != "pronoun"
                and not _ordered_loading_ends(items, k) and not _skipped_purpose(cur.items)
                and (not _has_content(cur.items) or _causative_list(cur.items, causatives)
                     or (_loaded_list(cur.items) and not _is_subject_start(items, k + 1)
                         and cur.items[-1].payload.form == items[k + 1].payload.form == "ids"))) and not (
                # "exc 1, exc 2 and truck 1 drive", "send exc 3, truck 1 and truck 2 to ..." (not "truck 1, you")
                it.payload == "," and cur.items and (_is_mark(items, k + 1, "except")  # "the others, except x, go"
                                                     or _is_mark(cur.items, len(cur.items) - 2, "except"))
                and not _relative_which(items, k + 1)):  # "..., except truck 2, which goes to soil 1": its own
                close("punct")
                cur.after_punct = True
            k += 1
            continue
        if it.kind is ItemKind.MARK and it.payload == "repeat" and cur.role is SegmentRole.MAIN \
                and any(i.kind is ItemKind.VERB for i in cur.items) and it.text.split()[0] in ("and", "so", "as") \
                and k + 1 < n and items[k + 1].kind is ItemKind.ROBOT:
            # "truck 1 goes to soil 2 and so does truck 3": the repeat is a clause of its own
            close("and")
            cur.after_punct = False
        if it.kind is ItemKind.MARK and it.payload in ("list_first", "list_next"):
            # a numbered item is a sentence of its own; from the second on it follows the one before
            if cur.items or cur.connective:
                close("punct")
                sentence += 1
            cur = Segment([], sentence, sentence_start=True)
            cur.list_no = _list_number(it.text)
            if it.payload == "list_next":
                cur.connective, cur.connective_text = "sequence", "then"
            k += 1
            continue
        if _relative_which(items, k) and cur.role is SegmentRole.MAIN and k and items[k - 1].kind is ItemKind.ROBOT \
                and any(i.kind is ItemKind.VERB for i in cur.items):
            # "... loads truck 1 which is waiting there": a relative clause of its own, as after a comma
            close("punct")
            cur.after_punct = True
        if it.kind is ItemKind.CONNECTIVE and it.text == "then" and cur.role is SegmentRole.MAIN and cur.items \
                and not any(i.kind is ItemKind.VERB for i in cur.items) and (
                    _lone_subject_then_verb(cur, items, k) or _sole_subject_then_verb(cur, items, k) or (
                    cur.items[0].kind is ItemKind.ROBOT and (
                        any(i.kind is ItemKind.OBJECT for i in cur.items)
                        or (len(cur.items) > 1 and all(i.kind is ItemKind.WORD for i in cur.items[1:]))))):
            # ("the truck should then take it to ...": the same, after a modal)
            # "the trucks from soil 2 then dump ...": "then" after its subject continues its own chain;
            # for a robot with no chain yet it means after what came before, as in "truck 1 then goes"
            cur.then_inside = cur.connective is None
            k += 1
            continue
        if it.kind is ItemKind.CONNECTIVE and it.payload == "sequence" and cur.role is SegmentRole.MAIN \
                and cur.items and cur.items[-1].kind is ItemKind.WORD and cur.items[-1].text in _BE \
                and any(i.kind is ItemKind.OBJECT for i in cur.items) \
                and not any(i.kind in (ItemKind.VERB, ItemKind.ROBOT) for i in cur.items):
            # "soil 1 is then to be excavated by ...": a passive keeps its subject; the clause comes next
            if cur.connective is None:
                cur.connective, cur.connective_text = it.payload, it.text
            k += 1
            continue
        if it.kind is ItemKind.CONNECTIVE and it.payload == "parallel" and it.text.endswith((" as", " with")) \
                and it.text not in _LASTING and k + 1 < n and items[k + 1].kind is ItemKind.ROBOT \
                and _has_content(cur.items):
            # "... to rock 2 at the same time as the excavators": whom it runs beside, not a new clause
            j = k + 1
            while j < n and (items[j].kind is ItemKind.ROBOT or (items[j].kind is ItemKind.WORD
                                                                and items[j].text in ("and", "the"))):
                j += 1
            cur.items += [Item(ItemKind.MARK, x.start, x.end,
                               ("alongside", x.payload) if x.kind is ItemKind.ROBOT else "filler", x.text)
                          for x in items[k:j]]
            k = j
            continue
        if it.kind is ItemKind.CONNECTIVE and it.payload == "parallel" and cur.items \
                and cur.items[-1].kind is ItemKind.VERB and cur.role is SegmentRole.MAIN \
                and it.text not in ("while", "whilst"):  # "digs while trucks ..." opens a clause
            k += 1  # "are sent simultaneously to soil 1 and soil 2": an adverb inside the clause
            continue
        if it.kind is ItemKind.CONNECTIVE and it.payload == "parallel" and not cur.items \
                and cur.connective == "sequence" and k + 1 < n and items[k + 1].kind is ItemKind.PUNCT \
                and items[k + 1].payload == ":":
            # "Then, simultaneously: <clauses>": the list comes after the step before, its clauses side by side
            # (each names its own robots); read as a parallel heading, the list ran beside the step before
            k += 1
            continue
        if it.kind is ItemKind.CONNECTIVE and it.payload == "parallel" and it.text in meantime_words \
                and _relative_clause(cur) and k + 1 < n and items[k + 1].kind is ItemKind.PUNCT \
                and items[k + 1].payload == ",":
            # "..., which has driven there in the meantime, and ...": read as opening the clause after the comma, it
            # timed that clause, and the relative one waited for the sentence's anchor
            close("connective")
            cur.connective, cur.connective_text, cur.after_punct = it.payload, it.text, False
            close("punct")
            k += 1
            continue
        if it.kind is ItemKind.CONNECTIVE and it.payload != "first":
            opened_by_punct = (cur.after_punct and all(i.kind is ItemKind.WORD for i in cur.items)) \
                or _closing_parallel_comma(cur, items, k)
            was_start = cur.sentence_start and not cur.items
            # "..., and while they are digging, two trucks wait at obstacle 1": "while" after ", and" opens a
            # clause that only says when the one after its comma runs, as at the start of a sentence
            and_while = opened_by_punct and len(cur.items) == 1 and cur.items[0].text == "and" \
                and it.text in ("while", "whilst") and _comma_then_subject(items, k + 1)
            after_and = bool(cur.items) and not opened_by_punct and cur.items[-1].kind is ItemKind.WORD \
                and cur.items[-1].text == "and"
            if cur.items:
                close("connective")
            # "... and then, once the digging is done, on to soil 1": the anchor opens the next step
            cur.after_then = it.payload == "anchor" and (after_and or (cur.connective == "sequence" and not cur.items))
            cur.connective = it.payload
            cur.connective_text = it.text
            cur.after_punct = opened_by_punct
            cur.sentence_start = was_start
            if it.payload == "anchor" or and_while or (it.payload == "parallel" and was_start and (
                    it.text in ongoing_openers or it.text.endswith((" as", " with")))):
                # "While X, Y" / "At the same time as X, Y": X only says when Y runs
                cur.role = SegmentRole.ANCHOR
            elif it.text in ("before", "prior to", "just before", "right before", "shortly before") and was_start:
                cur.role = SegmentRole.ANCHOR  # "Before X, Y": Y comes first (see Interpreter.run)
                cur.before = True
            k += 1
            continue
        # "... and is to tip there": the verb after words of obligation
        v = k + 1 + _modal_run(items, k + 1, closing_modals) if it.text == "and" else k + 1
        if cur.role is SegmentRole.ANCHOR and cur.items and _has_predicate(cur.items) and it.kind is ItemKind.WORD \
                and not cur.sentence_start and segs and segs[-1].sentence == sentence \
                and it.text == "and" and v < n and items[v].kind is ItemKind.VERB \
                and (not _participle(items[v].text) or (  # "... is complete and loaded by the excavator"
                    items[v].payload.role == "passive_load" and items[v].text.endswith(" by"))) \
                and cur.connective_text not in UNTIL and not _anchor_subjects_work(segs[-1], cur.items, items[v]):
            # "... as soon as it's loaded and tips there": the anchor ends, its clause goes on
            close("and")
            cur.after_punct = False
            k += 1
            continue
        if cur.role is SegmentRole.ANCHOR and cur.connective_text in UNTIL and _only_robots(cur.items) \
                and it.kind is ItemKind.WORD and it.text == "and" and k + 1 < n \
                and items[k + 1].kind is ItemKind.VERB and not _participle(items[k + 1].text):
            # "truck 2 waits for excavator 1 and goes to rock 1": the wait names only whom it waits for;
            # the verb after "and" is the waiting subject's next step, not the awaited robot's
            close("and")
            cur.connective, cur.connective_text = "sequence", it.text
            cur.after_punct = False
            k += 1
            continue
        if cur.role is SegmentRole.ANCHOR and cur.items and _has_predicate(cur.items) and cur.connective_text \
                not in UNTIL and any(i.kind is ItemKind.EVENT for i in cur.items) and (
                (it.kind is ItemKind.VERB and it.text.startswith("to ") and it.payload.role == "passive_load")
                or (it.kind is ItemKind.WORD and it.text == "to" and k + 1 < n and items[k + 1].kind is ItemKind.VERB
                    and items[k + 1].payload.role == "passive_load")):
            # "head to soil 2 once the digging is finished to be loaded there": the purpose is the main clause's
            conjunct("purpose", it)
            k += 1
            continue
        if cur.role is SegmentRole.ANCHOR and it.kind is ItemKind.ROBOT and _possessive_deed_alone(cur.items) \
                and _is_subject_start(items, k):
            conjunct("subject", it, drop_last=True)
            k += 1
            continue
        if cur.role is SegmentRole.ANCHOR and _bare_end_then_verb(cur.items, it):
            close("subject")
            cur.after_punct = False
            continue
        if cur.role is SegmentRole.ANCHOR and cur.items and (_has_predicate(cur.items) or (
                _reduced_anchor(cur.items) and it.kind is ItemKind.ROBOT and _is_subject_start(items, k))):
            prev_word = items[k - 1].text if k else ""
            prev_kind = items[k - 1].kind if k else None
            verb_next = k + 1 < n and items[k + 1].kind is ItemKind.VERB and not _participle(items[k + 1].text)
            object_pronoun = (it.kind is ItemKind.ROBOT and it.payload.form == "pronoun"
                              and it.payload.pronoun in ("it", "they") and it.text in ("it", "them")
                              and prev_kind in (ItemKind.VERB, ItemKind.EVENT)
                              and not _modal_then_verb(items, k + 1, subject_modals)
                              and not (prev_kind is ItemKind.EVENT and verb_next)
                              and not (prev_kind is ItemKind.VERB and verb_next  # "after being loaded it goes"
                                       and items[k - 1].payload.role == "passive_load")
                              and not (prev_kind is ItemKind.VERB  # "done inspecting it goes"
                                       and _finite_after_it(items, k))) or (  # "have left it"
                it.kind is ItemKind.ROBOT and it.payload.form == "pronoun"
                and prev_word in ("are", "were", "is", "have", "has", "be", "been"))  # "... are both done"
            loaded_object = (it.kind is ItemKind.ROBOT and prev_kind is ItemKind.VERB and not verb_next
                             and items[k - 1].payload.target in ("unload_bucket", "pair")
                             and items[k - 1].payload.role != "passive_load")  # "once they have loaded the truck"
            starts_main = (it.kind is ItemKind.ROBOT and prev_word not in ("and", "or", "by", "from")  # "dug by X"
                           and not (prev_word == "of" and prev_kind is ItemKind.WORD and k > 1
                                    and items[k - 2].kind is ItemKind.EVENT)  # "after the meeting of trucks 1 and 2"
                           and not object_pronoun
                           and not loaded_object) or (
                it.kind is ItemKind.WORD and it.text in causatives
                and k + 1 < n and items[k + 1].kind is ItemKind.ROBOT  # "have truck 1 go", not "has finished"
            ) or _order_after_done(items, k, finish_words) or _inverted_place_subject(items, k, inverted) \
                or _place_after_done(items, k)
            if starts_main:
                permit = _inverted_permission(cur.items)
                close("subject")
                cur.after_punct = False
                if permit is not None:
                    cur.items.append(permit)
                continue
        if (
            it.kind is ItemKind.WORD
            and it.text == "and"
            and cur.role is SegmentRole.MAIN
            and _has_content(cur.items)
            and k + 2 < n
            and ((items[k + 1].kind is ItemKind.VERB
                  and items[k + 1].payload.target in ("navigate", "return_to_start"))
                 or (items[k + 1].kind is ItemKind.WORD and items[k + 1].text in causatives
                     and any(i.kind is ItemKind.VERB for i in cur.items)))
            and items[k + 2].kind is ItemKind.ROBOT
        ):
            # "..., and send excavator 3 to obstacle 1": a new order with its own robots; so is "lift the keep-out on
            # soil 2 and have excavator 1 dig there" (read as one clause, the lifting was excavator 1's alone)
            conjunct("subject")
            k += 1
            continue
        if it.kind is ItemKind.WORD and it.text == "and" and cur.role is SegmentRole.MAIN \
                and any(i.kind is ItemKind.VERB for i in cur.items) and _gapped_verb_passive(items, k):
            # "soil 1 is dug by excavator 2 and the material hauled to puddle 1 by truck 3"
            conjunct("subject")
            k += 1
            continue
        if (
            it.kind is ItemKind.OBJECT
            and cur.items
            and cur.role is SegmentRole.MAIN
            and _has_content(cur.items)
            and cur.items[-1].kind is ItemKind.WORD
            and cur.items[-1].text == "and"
            and (_gapped_passive(items, k) or (any(i.kind is ItemKind.VERB for i in cur.items)
                                                and _passive_clause(items, k)))
        ):
            conjunct("subject", it, drop_last=True)
            k += 1
            continue
        if _each_after_and(cur, items, k) or _subject_after_order_rest(cur, items, k):
            # "trucks 1 and 2 go to soil 1 *and each* is loaded ... once X": a clause of its own, as after a comma
            # (read as one clause, the anchor after it held the moves back too)
            conjunct("subject", it, drop_last=True)
            k += 1
            continue
        if (
            it.kind is ItemKind.ROBOT
            and cur.items
            and cur.role is SegmentRole.MAIN
            and (_done_with_robots(cur.items, object_verbs) or _kept_still(cur.items, still_words)
                 or _after_passive_agents(cur.items, items, k, (closing_modals, subject_modals))
                 or _after_keepout_beneficiaries(cur.items, items, k))
        ):
            prev = cur.items[-1]
            if (prev.kind is ItemKind.WORD and prev.text in ("and", "or", "while", "so")) and _is_subject_start(
                items, k
            ) and not _loaded_list_member(items, k):
                conjunct("subject", it, drop_last=True)
                k += 1
                continue
        cur.items.append(it)
        k += 1
    close("end")
    segs = _heading_verbs(segs, colon_ends)
    segs = _leading_durations(_joins_with_completion(segs))
    segs = _leading_places(segs)
    segs = _before_anything(segs)
    _bare_also(segs)
    segs = _trailing_vocatives(segs)
    segs = _interrupting_anchors(segs, departures)
    segs = _anchored_loadings(segs)
    _and_after_last(segs, items)
    _mark_post_anchors(segs)
    _order_lists(segs, colon_ends)
    return _goal_first(segs, colon_ends)


_AFTERWARDS = frozenset({"right after", "after", "soon after", "shortly after", "straight after", "just after",
                         "directly after", "immediately after"})
"""Anchor words that, with no clause of theirs to time, mean "after that" ("... and digs, and *right after* it loads
truck 2")."""


def _afterward_that(items: Sequence[Item]) -> list[Item]:
    """"... and dig, and *right after that* load truck 2": an anchor word, "that" or "this", then a verb (bare,
    "loads" or "loading"; no participle) is "after that" with an order after it, as "then" is. Read as an anchor,
    "that" was the event of a clause of no main clause of its own, and the step said before it waited for the one
    said after ("right after that go back to base" sent the excavator home first). "right after that they load ..."
    (a subject after "that") stays an anchor."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        if it.kind is ItemKind.CONNECTIVE and it.payload == "anchor" and it.text in _AFTERWARDS \
                and k + 2 < len(items) and items[k + 1].kind is ItemKind.OBJECT \
                and items[k + 1].payload.form == "pronoun" and items[k + 1].text in ("that", "this") \
                and items[k + 2].kind is ItemKind.VERB and _ordered_verb(items[k + 2]):
            out.append(sequence_over(it, items[k + 1]))
            k += 2
            continue
        out.append(it)
        k += 1
    return out


def sequence_over(first: Item, second: Item) -> Item:
    """An anchor word and the pronoun after it ("after that", "after it") as one "and then": the pronoun names the
    step said before, not an event to find elsewhere."""
    return Item(ItemKind.CONNECTIVE, first.start, second.end, "sequence", f"{first.text} {second.text}")


def _ordered_verb(verb: Item) -> bool:
    """A verb that gives an order after "right after that": any form but a participle or a passive ("right after
    that loads / loading truck 2" as "right after that load truck 2"; "right after that gets loaded" stays)."""
    return not _participle(verb.text) and verb.payload.role != "passive_load"


def _afterward_adverb(items: Sequence[Item], k: int) -> bool:
    """"Truck 1 goes to soil 1, *and right after* truck 2 goes to rock 1.": an anchor word after "and" whose clause
    has no main clause after it in its sentence (it ends the sentence, or a comma and a connective come next) says
    "after that": read as an anchor, the clause before it waited for the one after, the order said turned round.
    "..., and right after truck 2 dumps, excavator 1 digs" (a main clause after the comma) stays an anchor, as does one
    that opens with an event ("and after the inspection the truck is returned")."""
    if not (k and items[k - 1].kind is ItemKind.WORD and items[k - 1].text == "and"):
        return False
    lead = next((x for x in items[k + 1:] if x.kind is not ItemKind.WORD), None)
    if lead is None or lead.kind not in (ItemKind.ROBOT, ItemKind.VERB):
        return False  # "and after those checks every robot avoids ...": an event waited for, then its main clause
    verb = False
    for m in range(k + 1, len(items)):
        x = items[m]
        if x.kind is ItemKind.CONNECTIVE or (x.kind is ItemKind.PUNCT and x.payload in SENTENCE_END):
            return verb
        if x.kind is ItemKind.PUNCT:
            n = m + 2 if m + 2 < len(items) and items[m + 1].kind is ItemKind.WORD and items[m + 1].text == "and" \
                else m + 1
            return verb and (n >= len(items) or items[n].kind is ItemKind.CONNECTIVE
                             or (items[n].kind is ItemKind.PUNCT and items[n].payload in SENTENCE_END))
        if x.kind is ItemKind.ROBOT and verb and _is_subject_start(items, m):
            return False  # "and after truck 1 has arrived it loads ...": the main clause after its anchor
        verb = verb or x.kind is ItemKind.VERB
    return verb


_LASTING = frozenset({"as long as", "for as long as", "so long as"})
"""Parallel connectives ending in "as" that open a clause of their own, as "while" does ("keep truck 2 away from
puddle 1 as long as excavator 3 digs"), not a robot the clause runs beside ("at the same time as the excavators")."""
_FORWARD = frozenset({"following", "below", "listed", "follows"})
"""Words of an anchor that points at the steps said after it ("after the following is done")."""
_BEFORE_THAT = frozenset({"before that", "but first", "first of all", "to begin with", "to start with"})


def _vague(seg: Segment) -> bool:
    """The clause names no place and no robot of its own: only pronouns ("they", "these three", "the site") and
    places by their kind ("the obstacles")."""
    return not any(i.kind is ItemKind.PLACE or (i.kind is ItemKind.OBJECT and i.payload.form not in ("pronoun", "kind"))
                   or (i.kind is ItemKind.ROBOT and i.payload.form != "pronoun") for i in seg.items)


def _anchor_before_colon(ahead: Sequence[Segment], colon: bool) -> bool:
    """"Everybody back to base, but only after these three are in place: <the moves>", "Both trucks return
    to base after they have reached their spots: <the moves>": the first sentence's closing anchor names no
    place or robot of its own and the colon opens what it waits for. Read as an event of its own, it had
    nowhere to go (refused) or its vague words were dropped and the goal came before the moves."""
    anchors = [k for k, x in enumerate(ahead) if x.role is SegmentRole.ANCHOR]
    if not colon or not anchors:
        return False
    mains = [x for x in ahead[:anchors[-1]] if x.role is SegmentRole.MAIN]
    # "Excavators 1 and 2 must wait until the obstacles have been checked: ...": robots and no work, the anchor's
    # connective is what they do
    waiting = bool(mains) and all(x.has(ItemKind.ROBOT) and not _has_content(x.items) for x in mains)
    return (waiting or any(_has_content(x.items) for x in mains)) and all(_vague(x) for x in ahead[anchors[-1]:])


def _before_that_heading(rest: Sequence[Segment], colon_ends: Container[int]) -> bool:
    """"Trucks 1, 2 and 3 go back to base ..., but only once all three are full. *Before that:* <the steps>": a
    sentence of nothing but "before that" (``_BEFORE_THAT``) and a colon puts the steps after it before the
    sentence said first, as after "Finally, ...". Read in order, the return came first and the steps waited for it.
    Not when the steps open with a pronoun ("Before that: it dumps ..."): read first, it would point at nothing."""
    robot = next((i for x in rest[1:] for i in x.items if i.kind is ItemKind.ROBOT), None)
    return _before_that_only(rest[0], colon_ends) and robot is not None and robot.payload.form != "pronoun"


def _before_that_only(seg: Segment, colon_ends: Container[int]) -> bool:
    """A sentence of nothing but "before that" (or another of ``_BEFORE_THAT``) and a colon."""
    return seg.sentence in colon_ends and bool(seg.items) and all(
        i.kind is ItemKind.CONNECTIVE and i.payload == "first" and i.text in _BEFORE_THAT for i in seg.items)


def _before_that_to_next(segs: list[Segment], colon_ends: Container[int]) -> list[Segment]:
    """"Truck 2 returns to base. Before that: it goes to puddle 1 and dumps.": a heading of nothing but "before
    that" opens the clause after its colon, as "Before that, it goes ..." does. Alone, it said nothing and the steps
    after it came after the return."""
    out: list[Segment] = []
    merged = 0  # headings folded so far: the sentences after each come one number earlier
    for k, s in enumerate(segs):
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        if _before_that_only(s, colon_ends) and nxt is not None and nxt.sentence == s.sentence + 1 \
                and nxt.sentence_start and nxt.connective is None:
            nxt.items = [*s.items, *nxt.items]
            merged += 1
            continue
        s.sentence -= merged
        out.append(s)
    return out


def _goal_first(segs: list[Segment], colon_ends: Container[int] = ()) -> list[Segment]:
    """"In the end we want every truck back at base. Before that: ...": the end state said first is
    read after the steps that lead to it (its sentence moves to the end, the "before that" goes)."""
    if len(segs) < 2:
        return segs
    first = segs[0]
    ahead = [x for x in segs if x.sentence == first.sentence]
    before_colon = _anchor_before_colon(ahead, first.sentence in colon_ends)
    if (any(x.role is SegmentRole.ANCHOR and any(i.kind is ItemKind.WORD and i.text in _FORWARD for i in x.items)
            for x in ahead) or before_colon) and any(x.sentence != first.sentence for x in segs):
        # "All robots return to start at the very end, after the following is done. <the steps>": the
        # sentence waits for what follows it, so it is read last, as a "finally"
        rest = [x for x in segs if x.sentence != first.sentence]
        last = max(x.sentence for x in rest)
        if before_colon:  # "..., but only after the site sweep, which goes: <the moves>": the relative is the list's
            ahead = ahead[:max(k for k, x in enumerate(ahead) if x.role is SegmentRole.ANCHOR)]
        # robots that only wait ("Excavators 1 and 2 must wait until ...:") are given their work later, if at all
        mains = [x for x in ahead if x.role is SegmentRole.MAIN and (_has_content(x.items) or not before_colon)]
        for n, x in enumerate(mains):
            x.sentence = last + 1
            if n == 0:
                x.connective, x.connective_text, x.sentence_start = "final", "finally", True
        return rest + mains
    goal = [x for x in segs if x.sentence == first.sentence]
    rest = [x for x in segs if x.sentence != first.sentence]
    if not rest:
        return segs
    opener = rest[0]
    if (first.connective != "final" or not first.sentence_start) and not _before_that_heading(rest, colon_ends):
        return _before_that_to_next(segs, colon_ends)
    said_first = [i for i in opener.items[:3] if i.kind is ItemKind.CONNECTIVE and i.payload == "first"]
    if opener.connective_text not in _BEFORE_THAT and not said_first:
        return segs
    if opener.connective_text in _BEFORE_THAT:
        opener.connective, opener.connective_text = None, ""
    last = max(x.sentence for x in rest)
    for x in goal:
        x.sentence = last + 1
    return rest + goal


def _front_trailing_finals(items: Sequence[Item], joining_words: Container[str] = ()) -> list[Item]:
    """"Both go home at the end." means "At the end, both go home.": a final connective that closes
    a sentence is moved to the front of that sentence, where it opens the clause it governs.

    A trailing "after that" governs the clause it closes, which starts after the last comma or joining word
    (``joining_words``: "and", "so"): in "truck 2 drives over there so the excavator can load it afterwards"
    the loading waits, not the drive."""
    out = list(items)
    start = 0
    k = 0
    while k < len(out):
        it = out[k]
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            start = k + 1
        elif it.kind is ItemKind.CONNECTIVE and it.payload == "final" and k > start and _ends_sentence(out, k + 1) \
                and not any(x.kind in (ItemKind.CONNECTIVE, ItemKind.PUNCT) for x in out[start:k]) \
                and any(x.kind is ItemKind.VERB for x in out[start:k]):
            out.insert(start, out.pop(k))
        elif it.kind is ItemKind.CONNECTIVE and it.payload == "sequence" and k > start and (
                (it.text in _TRAILING_SEQUENCE and _closes_clause(out, k + 1))
                or (it.text == "then" and _ends_sentence(out, k + 1))):
            # "..., and all robots avoid soil 2 after that.": the clause starts after the step before it; so does
            # one with a conjunct after it ("truck 2 goes to rock 2 after that and gets loaded")
            head = max((n + 1 for n in range(start, k) if (out[n].kind is ItemKind.PUNCT and out[n].payload == ",")
                        or (out[n].kind is ItemKind.WORD and (out[n].text == "and" or (
                            out[n].text in joining_words and n + 1 < k and out[n + 1].kind is ItemKind.ROBOT)))),
                       default=start)
            if head < k and (any(x.kind is ItemKind.VERB for x in out[head:k]) or _gapped(out, start, head, k)) \
                    and not any(x.kind is ItemKind.CONNECTIVE for x in out[head:k]):
                out.insert(head, out.pop(k))
        k += 1
    return out


_TRAILING_SEQUENCE = frozenset({"after that", "afterwards", "afterward", "after this", "thereafter"})


def _ends_sentence(items: Sequence[Item], k: int) -> bool:
    """Whether the sentence ends right before ``items[k]`` (a trailing "then" counts only there: "Everyone avoids
    soil 2 then."; before a conjunct it opens that conjunct)."""
    return k >= len(items) or (items[k].kind is ItemKind.PUNCT and items[k].payload in SENTENCE_END)


def _and_after_robots(items: Sequence[Item], k: int) -> bool:
    """Whether the anchor word at ``k`` comes right after "and" and only robots follow it to the end of the sentence:
    "excavator 2 loads truck 1 and *after* truck 3" is "and afterwards truck 3" (a writer's "and after" for "and
    then"). Read as an anchor on truck 3, which has no step to wait for, truck 3's loading was dropped."""
    if k < 1 or items[k - 1].kind is not ItemKind.WORD or items[k - 1].text != "and":
        return False
    end = next((n for n in range(k + 1, len(items) + 1) if _ends_sentence(items, n)), len(items))
    said = [x for x in items[k + 1:end] if x.kind is not ItemKind.WORD]
    return bool(said) and all(x.kind is ItemKind.ROBOT for x in said)


def _bare_verb_after(items: Sequence[Item], k: int) -> bool:
    """Whether the anchor word at ``k`` follows "and" or a comma and comes right before a verb in its plain or "-s"
    form ("excavator 2 digs and *after load* truck 2", "digs at soil 1, *after loads* truck 2"): a non-native "and
    afterwards", since an anchor's verb would be a gerund ("after loading") or have a subject ("after it loads").
    Read as an anchor, the loading was done before the digging, or its trucks were taken for diggers."""
    if k < 1 or k + 1 >= len(items) or items[k + 1].kind is not ItemKind.VERB:
        return False
    prev = items[k - 1]
    if not ((prev.kind is ItemKind.WORD and prev.text == "and") or (prev.kind is ItemKind.PUNCT
                                                                     and prev.payload == ",")):
        return False
    first = items[k + 1].text.split()[0].lower()
    return not (first.endswith("ing") or _participle(first) or first in _DEED_POSSESSIVES)


def fold_trailing_afters(items: Sequence[Item], words: Container[str]) -> list[Item]:
    """``items`` with an anchor word (``words``: the lexicon's ``trailing_after_words``) that closes its sentence,
    after a verb of that sentence, read as "afterwards" ("everyone avoid soil 2 *after*."): an anchor with nothing
    to wait for, it left the clause a root, so a keep-out said last was up from the start."""
    out = list(items)
    start = 0
    for k, it in enumerate(out):
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            start = k + 1
        elif it.kind is ItemKind.CONNECTIVE and it.payload == "anchor" and it.text in words \
                and (_ends_sentence(out, k + 1) or _and_after_robots(out, k) or _bare_verb_after(out, k)) \
                and any(x.kind is ItemKind.VERB for x in out[start:k]):
            out[k] = dataclasses.replace(it, payload="sequence", text="afterwards")
    return out


def _gapped(items: Sequence[Item], start: int, head: int, k: int) -> bool:
    """Whether ``items[head:k]`` is a clause of robots alone after a clause with a verb in the same sentence
    (``start``): "excavator 2 loads truck 1, and *truck 3* afterwards" says the verb once. Left where it was, the
    trailing "afterwards" timed nothing, and truck 3's loading was dropped without a word."""
    said = [x for x in items[head:k] if x.kind is not ItemKind.WORD]
    return head > start and bool(said) and all(x.kind is ItemKind.ROBOT for x in said) \
        and any(x.kind is ItemKind.VERB for x in items[start:head])


def _closes_clause(items: Sequence[Item], k: int) -> bool:
    """Whether a clause ends right before ``items[k]``: at the end of its sentence, or before "and" (also ", and",
    "and then") and the verb of a conjunct that goes on with the same robots ("after that and gets loaded"; not
    ", and once it is home ...", a clause of its own, where "after that" was read as before), or before a comma and
    the next verb of a list of them ("after that, is loaded by excavator 1, and dumps ...")."""
    if _ends_sentence(items, k):
        return True
    if items[k].kind is ItemKind.PUNCT and items[k].payload == ",":
        k += 1
        if k < len(items) and items[k].kind is ItemKind.VERB:
            return True  # "truck 2 goes to soil 2 after that, is loaded by excavator 1, and ...": a list of its verbs
    if k < len(items) and items[k].kind is ItemKind.CONNECTIVE and items[k].text.startswith("and "):
        return True  # "... after that and then dumps"
    return k + 1 < len(items) and items[k].kind is ItemKind.WORD and items[k].text == "and" \
        and items[k + 1].kind is ItemKind.VERB


def _order_lists(segs: list[Segment], colon_ends: Container[int] = ()) -> None:
    """"..., in that order" / "in order: A, B and C": the clauses of that sentence (or, after a
    heading with nothing to do, of the next one; of all the rest when the heading ends in a colon
    and the list is laid out as sentences or lines) follow each other."""
    for i, s in enumerate(segs):
        if "in_order" not in s.marks() or _orders_own_list(s.items) or _ends_own_list(segs, i):
            continue
        targets = {s.sentence}
        if not _has_content(s.items) and not any(x.sentence == s.sentence and _has_content(x.items)
                                                 for x in segs if x is not s):
            targets = {s.sentence + 1}  # "The following should happen in order: ..."
            if s.sentence in colon_ends:
                targets = {x.sentence for x in segs if x.sentence > s.sentence}
        mains = [x for x in segs if x.sentence in targets and x.role is SegmentRole.MAIN and _has_content(x.items)]
        for x in mains[1:]:
            if x.connective is None:
                x.connective, x.connective_text = "sequence", "then"
                x.conjunct = False


def _orders_own_list(items: Sequence[Item]) -> bool:
    """The order mark closes a clause whose verb lists two or more objects or robots after it ("dump truck 1
    checks obstacle 1 and obstacle 2, in that order", "loads trucks 3 and 2, in that order"): it orders that
    list, not the clauses of the sentence."""
    verb = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB), None)
    if verb is None:
        return False
    after = items[verb + 1:]
    objects = sum(1 for it in after if it.kind is ItemKind.OBJECT)
    robots = [it for it in after if it.kind is ItemKind.ROBOT]
    return objects >= 2 or len(robots) >= 2 or any(" and " in it.text or _several(it.payload) for it in robots)


def _ends_own_list(segs: Sequence[Segment], i: int) -> bool:
    """The order mark closes the verbless last part of a list the clause before it began ("checks obstacle 1,
    obstacle 2 *and then rock 2* in that order"): the list is ordered already, not the clauses of the sentence."""
    s = segs[i]
    if i == 0 or s.has(ItemKind.VERB) or s.has(ItemKind.ROBOT) or not s.has(ItemKind.OBJECT):
        return False
    prev = segs[i - 1]
    verbs = [k for k, it in enumerate(prev.items) if it.kind is ItemKind.VERB]
    return prev.sentence == s.sentence and bool(verbs) \
        and any(it.kind is ItemKind.OBJECT for it in prev.items[verbs[-1] + 1:])


def _several(desc: RobotDesc) -> bool:
    """A mention of several robots at once ("both trucks", "the two trucks", "them"): "loads both trucks one after
    the other" orders its loadings, not the clauses of the sentence (read so, the excavator's own move waited for
    the trucks' move said before it)."""
    return desc.plural or desc.count >= 2 or desc.det in ("both", "all") or (
        desc.form == "pronoun" and desc.pronoun in ("they", "them"))


def _joins_with_completion(segs: list[Segment]) -> list[Segment]:
    """"After everything *is done*, allow puddle 1 again" (or a non-native "after everything finish"): a join on
    everything ("after everything", a ``final`` connective) followed only by words of completion before its comma
    times the clause after the comma. Cut off as a clause of its own, the words timed nothing and the clause after
    them waited for nothing: the keep-out was lifted at once."""
    out: list[Segment] = []
    for i, s in enumerate(segs):
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if s.role is SegmentRole.MAIN and s.connective == "final" and s.items and nxt is not None \
                and nxt.sentence == s.sentence and nxt.role is SegmentRole.MAIN and nxt.connective is None \
                and any(it.kind is ItemKind.EVENT for it in s.items) \
                and all(it.kind is ItemKind.WORD or (it.kind is ItemKind.EVENT and it.payload.action == "any")
                        for it in s.items):
            nxt.items = [filler_over(s.items), *nxt.items]
            nxt.connective, nxt.connective_text = s.connective, s.connective_text
            nxt.sentence_start, nxt.after_punct = s.sentence_start, s.after_punct
            continue
        out.append(s)
    return out


def _leading_durations(segs: list[Segment]) -> list[Segment]:
    """"While this is going on, no robot may pass obstacle 1.": a duration said before the comma
    belongs to the clause after it (it makes a keep-out hold for the whole job)."""
    out: list[Segment] = []
    carry: list[Item] = []
    for i, s in enumerate(segs):
        if s.role is SegmentRole.MAIN and s.items and any(
                it.kind is ItemKind.MARK and it.payload == "duration" for it in s.items) and all(
                it.kind in (ItemKind.MARK, ItemKind.WORD) for it in s.items) \
                and i + 1 < len(segs) and segs[i + 1].sentence == s.sentence and segs[i + 1].role is SegmentRole.MAIN:
            carry += s.items
            continue
        if carry:
            s.items = carry + s.items
            carry = []
        out.append(s)
    return out


def _and_after_last(segs: list[Segment], items: Sequence[Item]) -> None:
    """"..., they dump there, and after they come back home.": "and after" closing the sentence with a
    clause of its own, and nothing after it, is "and afterwards" (a next step), not an anchor that
    puts the step before it after this one."""
    word_before = {it.end: it for it in items}
    for i, s in enumerate(segs):
        if s.role is not SegmentRole.ANCHOR or s.connective_text != "after" or not s.items or s.before:
            continue
        prev = segs[i - 1] if i else None
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if prev is None or prev.sentence != s.sentence or prev.role is not SegmentRole.MAIN \
                or (nxt is not None and nxt.sentence == s.sentence):
            continue
        conn = next((it for it in items if it.kind is ItemKind.CONNECTIVE and it.end <= s.items[0].start
                     and it.text == "after" and it.end == s.items[0].start), None)
        before = word_before.get(conn.start) if conn is not None else None
        if before is None or before.kind is not ItemKind.WORD or before.text != "and":
            continue
        if not (s.has(ItemKind.ROBOT) and s.has(ItemKind.VERB)):
            continue
        s.role = SegmentRole.MAIN
        s.connective, s.connective_text = "sequence", "afterwards"


def _before_anything(segs: list[Segment]) -> list[Segment]:
    """"Prior to any driving, trucks 2 and 3 keep away from puddle 1": a "before" anchor that names
    no robot and no place says the clause comes first ("First, trucks 2 and 3 ..."); read as an
    anchor, its verb became a move of its own."""
    out: list[Segment] = []
    for i, s in enumerate(segs):
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if s.role is SegmentRole.ANCHOR and s.before and not s.post_anchor and s.items \
                and not any(it.kind in (ItemKind.ROBOT, ItemKind.OBJECT, ItemKind.PLACE) for it in s.items) \
                and nxt is not None and nxt.sentence == s.sentence and nxt.role is SegmentRole.MAIN:
            first = Item(ItemKind.CONNECTIVE, s.items[0].start, s.items[-1].end, "first", "first")
            nxt.items = [first] + nxt.items
            nxt.sentence_start = s.sentence_start
            continue
        out.append(s)
    return out


def _comma_then_subject(items: Sequence[Item], k: int) -> bool:
    """The clause from ``k`` ends at a comma that a robot follows ("while they dig*, two trucks* wait")."""
    while k < len(items) and items[k].kind is not ItemKind.PUNCT:
        k += 1
    return k + 1 < len(items) and items[k].text == "," and items[k + 1].kind is ItemKind.ROBOT


_LOCATIVE = frozenset({"at", "in", "on", "near", "by", "over at", "down at", "up at", "out at"})


def _take_place_of(nxt: Segment, s: Segment) -> None:
    """``nxt`` stands where the leading place clause ``s`` stood: its connective, sentence start and joins."""
    nxt.connective, nxt.connective_text = s.connective, s.connective_text
    nxt.sentence_start = s.sentence_start
    nxt.after_punct = s.after_punct
    nxt.conjunct = s.conjunct


_PLACED_AT = frozenset({"navigate", "dig"})


def _share_leading_place(rest: Sequence[Segment], place: Segment) -> None:
    """"At rock 2, excavator 1 digs while truck 1 waits" / "... and truck 2 waits": the place said first is also
    where a robot of a clause joined to the first one by "while" or "and" waits or digs, when that clause names no
    place of its own. Without it, truck 1 never went to rock 2 (a bare wait is no step) and an excavator dug where it
    stood."""
    for seg in rest:
        if seg.sentence != place.sentence or seg.role is not SegmentRole.MAIN \
                or not (seg.connective == "parallel" or seg.conjunct) or not seg.items \
                or seg.items[0].kind is not ItemKind.ROBOT or seg.has(ItemKind.OBJECT) or seg.has(ItemKind.PLACE):
            return
        verbs = [k for k, it in enumerate(seg.items) if it.kind is ItemKind.VERB]
        if len(verbs) != 1 or seg.items[verbs[0]].payload.target not in _PLACED_AT:
            return
        seg.items = seg.items[:verbs[0] + 1] + place.items + seg.items[verbs[0] + 1:]


def _the_one(it: Item) -> bool:
    """"the rock": one place of that kind, the one said before (resolved later, like "digs at the rock")."""
    return it.payload.form == "kind" and it.payload.det == "the" and not it.payload.plural


def _one_place(it: Item) -> bool:
    """A leading place that can stand for one object of the clause after it: "rock 1" or "the rock"."""
    return (it.payload.form == "names" and len(it.payload.names) == 1) or _the_one(it)


def _crew_at_work(seg: Segment) -> bool:
    """A clause of robots (plain words only before them: "a crew of") and plain words, with no verb, event, mark or
    place: "excavator 1 and truck 2 work together"."""
    first = next((k for k, it in enumerate(seg.items) if it.kind is not ItemKind.WORD), None)
    return first is not None and seg.items[first].kind is ItemKind.ROBOT \
        and all(it.kind in (ItemKind.WORD, ItemKind.ROBOT) for it in seg.items)


def _leading_places(segs: list[Segment]) -> list[Segment]:
    """"At soil 1, excavator 1 loads the pair; at soil 2, ...": a place said before the comma is
    where the clause after it happens ("excavator 1 loads the pair at soil 1"), not a terse move
    of the robot named before. It goes right after the clause's first verb."""
    out: list[Segment] = []
    for i, s in enumerate(segs):
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if s.role is SegmentRole.MAIN and len(s.items) == 2 and s.items[0].kind is ItemKind.WORD \
                and s.items[0].text in _LOCATIVE and s.items[1].kind is ItemKind.OBJECT \
                and (s.items[1].payload.form == "names" or _the_one(s.items[1])) and s.ended_by == "punct" \
                and nxt is not None and nxt.sentence == s.sentence and nxt.role is SegmentRole.MAIN \
                and nxt.connective is None and nxt.items and nxt.items[0].kind is ItemKind.ROBOT \
                and not nxt.has(ItemKind.OBJECT) and not nxt.has(ItemKind.PLACE) and nxt.has(ItemKind.VERB):
            v = next(k for k, it in enumerate(nxt.items) if it.kind is ItemKind.VERB)
            nxt.items = nxt.items[:v + 1] + s.items + nxt.items[v + 1:]
            _take_place_of(nxt, s)
            _share_leading_place(segs[i + 2:], s)
            continue
        if s.role is SegmentRole.MAIN and len(s.items) == 2 and s.items[0].kind is ItemKind.WORD \
                and s.items[0].text in _LOCATIVE and s.items[1].kind is ItemKind.OBJECT \
                and _one_place(s.items[1]) and s.ended_by == "punct" \
                and nxt is not None and nxt.sentence == s.sentence \
                and nxt.role is SegmentRole.MAIN and nxt.connective is None and nxt.items \
                and nxt.items[0].kind is ItemKind.ROBOT and nxt.has(ItemKind.VERB) and not nxt.has(ItemKind.PLACE):
            # "At rock 2, excavator 3 breaks up the (big) rock(s)": the clause's first object of the kind of the
            # place said first is that place
            objs = [k for k, it in enumerate(nxt.items) if it.kind is ItemKind.OBJECT
                    and it.payload.form == "kind" and it.payload.kind == s.items[1].payload.kind]
            first = nxt.items[objs[0]] if objs else None
            if first is not None:
                named = s.items[1]
                said = Item(ItemKind.MARK, named.start, named.end, "filler", named.text)  # its words are read
                nxt.items = nxt.items[:objs[0]] + [Item(ItemKind.OBJECT, first.start, first.end, named.payload,
                                                        first.text), said] + nxt.items[objs[0] + 1:]
                _take_place_of(nxt, s)
                continue
        there = [k for k, it in enumerate(nxt.items) if it.kind is ItemKind.OBJECT and it.payload.form == "pronoun"
                 and it.payload.pronoun in ("there", "here")] if nxt is not None else []
        if s.role is SegmentRole.MAIN and len(s.items) == 2 and s.items[0].kind is ItemKind.WORD \
                and s.items[0].text in _LOCATIVE and s.items[1].kind is ItemKind.OBJECT \
                and _one_place(s.items[1]) and s.ended_by == "punct" \
                and nxt is not None and nxt.sentence == s.sentence \
                and nxt.role is SegmentRole.MAIN and nxt.connective is None and nxt.items \
                and nxt.items[0].kind is ItemKind.ROBOT and len(there) == 1:
            # "At soil 1, two excavators drive there and dig": the clause's "there" is the place said first
            named, k = s.items[1], there[0]
            said = Item(ItemKind.MARK, named.start, named.end, "filler", named.text)  # its words are read
            nxt.items = nxt.items[:k] + [Item(ItemKind.OBJECT, nxt.items[k].start, nxt.items[k].end, named.payload,
                                              nxt.items[k].text), said] + nxt.items[k + 1:]
            _take_place_of(nxt, s)
            continue
        if s.role is SegmentRole.MAIN and len(s.items) == 2 and s.items[0].kind is ItemKind.WORD \
                and s.items[0].text in _LOCATIVE and s.items[1].kind is ItemKind.OBJECT \
                and _one_place(s.items[1]) and s.ended_by == "punct" \
                and nxt is not None and nxt.sentence == s.sentence and nxt.role is SegmentRole.MAIN \
                and nxt.connective is None and _crew_at_work(nxt):
            # "At soil 1, excavator 1 and truck 2 work (together)", "..., a crew of one excavator and one truck
            # works": where the crew works, as "... work at soil 1" (a move there); refused, or behind "a crew of"
            # dropped with no word
            nxt.items = nxt.items + s.items
            _take_place_of(nxt, s)
            continue
        if s.role is SegmentRole.MAIN and len(s.items) == 2 and s.items[0].kind is ItemKind.WORD \
                and s.items[0].text in _LOCATIVE and s.items[1].kind is ItemKind.OBJECT and s.ended_by == "punct" \
                and nxt is not None and nxt.sentence == s.sentence and nxt.role is SegmentRole.MAIN \
                and nxt.connective is None and nxt.items and nxt.items[0].kind is ItemKind.ROBOT:
            # a place said before a clause with its own robot is never a move of the robot named before; when the
            # clause has no room for it, it is refused with its words named, not sent to the wrong robot
            s.items = [Item(ItemKind.UNKNOWN, s.items[0].start, s.items[1].end,
                            f"cannot read {s.text!r}: the clause after it, {nxt.text!r}, has its own robot and "
                            f"no object that place could be", s.text)]
        out.append(s)
    return out


_ALSO = frozenset({"too", "also", "likewise"})


def _keepout_only(seg: Segment) -> bool:
    """A clause of a negation and named places only ("but not to puddle 2"), cut off by :func:`_negated_places`."""
    return seg.role is SegmentRole.MAIN and not seg.has(ItemKind.ROBOT) and not seg.has(ItemKind.VERB) \
        and seg.has(ItemKind.OBJECT) and "neg" in seg.marks()


def _bare_also(segs: list[Segment]) -> None:
    """"Excavator 1 goes to soil 1. Truck 1 too." / "... Truck 1 as well.": a sentence that is only robots
    and "too" / "also" / "as well" repeats the step before for them (it was a vocative with nothing
    after it, so the robots were silently left out)."""
    for i, s in enumerate(segs):
        opens = not i or segs[i - 1].sentence != s.sentence
        if s.role is not SegmentRole.MAIN or not s.items or any(
                x.sentence == s.sentence and not (opens and _keepout_only(x)) for x in segs[i + 1:i + 2]):
            continue  # "Excavator 2 too, but not to puddle 2.": a keep-out after it leaves it a repeat
        if not any(it.kind is ItemKind.ROBOT for it in s.items) or not all(
                it.kind in (ItemKind.ROBOT, ItemKind.WORD) for it in s.items):
            continue
        words = [it.text for it in s.items if it.kind is ItemKind.WORD]
        if words and (words[-1] in _ALSO or words[-2:] == ["as", "well"]):
            last = s.items[-1]
            s.items = s.items + [Item(ItemKind.MARK, last.end, last.end, "repeat", "")]


def _bare_order(seg: Segment) -> bool:
    """An order that opens its sentence with its verb, no robot before it ("Go to soil 1", "Don't go near rock 1")."""
    if seg.role is not SegmentRole.MAIN or not seg.sentence_start or seg.connective is not None:
        return False
    for it in seg.items:
        if it.kind is ItemKind.VERB:
            return True
        if it.kind not in (ItemKind.WORD, ItemKind.MARK):
            return False
    return False


def _robots_only(items: list[Item]) -> bool:
    """Robots and "and" between them, nothing else ("truck 2", "excavator 1 and truck 1")."""
    return bool(items) and items[0].kind is ItemKind.ROBOT and items[-1].kind is ItemKind.ROBOT and all(
        it.kind is ItemKind.ROBOT or (it.kind is ItemKind.WORD and it.text == "and") for it in items)


def _trailing_vocatives(segs: list[Segment]) -> list[Segment]:
    """"Go to soil 1, truck 2, and dump there.", "Don't go near rock 1, truck 2.": the robot named right after an
    order with no subject is who it is said to, as when named first ("Truck 2, go to soil 1"); read after the order,
    the order had nobody (refused) or, for a keep-out, kept the whole fleet out. The robot's clause goes first."""
    out = list(segs)
    for i in range(1, len(out)):
        voc, order = out[i], out[i - 1]
        if voc.role is not SegmentRole.MAIN or voc.sentence != order.sentence or voc.connective is not None \
                or not _robots_only(voc.items) or not _bare_order(order):
            continue
        voc.sentence_start, order.sentence_start = True, False
        out[i - 1], out[i] = voc, order
    return out


def _heading_verbs(segs: list[Segment], colon_ends: Container[int]) -> list[Segment]:
    """"Keep-out first: obstacle 1 and obstacle 2, for all robots.": a heading that is only a verb
    (with "first" or filler words) gives its verb to the verbless list after the colon, which
    becomes one clause ("keep out obstacle 1 and obstacle 2 for all robots", said first). Not when that list
    ends in a colon itself ("Digging crews: - soil 1: ..."): it labels the item after it, no place of the verb."""
    out: list[Segment] = []
    i = 0
    while i < len(segs):
        s = segs[i]
        mine = [x for x in segs if x.sentence == s.sentence]
        nxt = [x for x in segs[i + 1:] if x.sentence == s.sentence + 1]
        verbs = [it for it in s.items if it.kind is ItemKind.VERB]
        if s.sentence in colon_ends and len(mine) == 1 and len(verbs) == 1 and s.role is SegmentRole.MAIN \
                and s.connective is None and all(
                    it.kind is ItemKind.WORD or it.kind is ItemKind.VERB
                    or (it.kind is ItemKind.CONNECTIVE and it.payload == "first") for it in s.items) \
                and nxt and nxt[0] is segs[i + 1] and all(x.role is SegmentRole.MAIN for x in nxt) \
                and s.sentence + 1 not in colon_ends \
                and not any(x.has(ItemKind.VERB) for x in nxt) and any(x.has(ItemKind.OBJECT) for x in nxt) \
                and not any(x.items and x.items[0].kind is ItemKind.ROBOT for x in nxt):  # not "truck 2 -> rock 1"
            body = [it for x in nxt for it in x.items]
            firsts = [it for it in s.items if it.kind is ItemKind.CONNECTIVE]
            joined = dataclasses.replace(nxt[0], items=firsts + verbs + body, ended_by=nxt[-1].ended_by)
            out.append(joined)
            i += 1 + len(nxt)
            continue
        out.append(s)
        i += 1
    return out


def _interrupted_subject(s: Segment, departures: Container[str]) -> bool:
    """A main clause that is only a robot ("each truck,") or a robot and a verb of leaving that names no place
    ("each truck leaves"), the predicate still to come after an anchor."""
    if s.role is not SegmentRole.MAIN or not s.items or not all(
            x.kind in (ItemKind.ROBOT, ItemKind.WORD) for x in s.items) \
            or not any(x.kind is ItemKind.ROBOT and x.payload.form != "pronoun" for x in s.items):
        return False
    last = s.items[-1]
    return (s.ended_by == "punct" and last.kind is ItemKind.ROBOT) \
        or (last.kind is ItemKind.WORD and last.text in departures)  # "each truck (should) leave(s)"


def _interrupting_anchors(segs: list[Segment], departures: Container[str] = ()) -> list[Segment]:
    """"Each truck, as soon as it is loaded, drives to puddle 2": an anchor set off between a
    subject and its verb is read as if it closed the clause ("each truck drives to puddle 2 as
    soon as it is loaded"), so the subject and its predicate are one clause again. So is one after
    a verb of leaving ("each truck leaves as soon as it is loaded, takes its soil to obstacle 2"): the
    leaving is the start of the predicate's move, which names where the truck goes."""
    out: list[Segment] = []
    i = 0
    while i < len(segs):
        s = segs[i]
        if i + 2 < len(segs) and _interrupted_subject(s, departures):
            a, m = segs[i + 1], segs[i + 2]
            if a.role is SegmentRole.ANCHOR and not a.before and a.sentence == s.sentence == m.sentence \
                    and m.role is SegmentRole.MAIN and m.connective is None and m.items \
                    and m.items[0].kind is ItemKind.VERB:
                joined = dataclasses.replace(s, items=s.items + m.items, ended_by=m.ended_by)
                a.after_punct = False
                a.ended_by = m.ended_by
                out += [joined, a]
                i += 3
                continue
        out.append(s)
        i += 1
    return out


def _anchored_loadings(segs: list[Segment]) -> list[Segment]:
    """"Excavator 2 digs at soil 2 and loads truck 3 once truck 3 has arrived": an anchor after a clause whose last
    verb, after "and", loads a robot it names is the loading's alone, as it is after "and then". Read as the whole
    clause's, the excavator waited for the truck before it even drove to the soil and dug."""
    out: list[Segment] = []
    for i, s in enumerate(segs):
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        cut = _loading_conjunct(s.items) if nxt is not None and s.role is SegmentRole.MAIN \
            and nxt.role is SegmentRole.ANCHOR and nxt.connective == "anchor" and not nxt.before \
            and nxt.sentence == s.sentence and nxt.connective_text not in UNTIL else None
        if cut is None:
            out.append(s)
            continue
        out += [dataclasses.replace(s, items=s.items[:cut], ended_by="connective"),
                dataclasses.replace(s, items=s.items[cut + 1:], connective="sequence", connective_text="and then",
                                    after_punct=False, sentence_start=False, conjunct=False, attached=[])]
    return out


def _loading_conjunct(items: Sequence[Item]) -> int | None:
    """Where the "and" before a clause's last verb stands, when that verb loads a robot named after it, a verb of
    the same subject comes before it, and nothing but its robots and words follows it."""
    verbs = [k for k, it in enumerate(items) if it.kind is ItemKind.VERB]
    if len(verbs) < 2 or not items or items[0].kind is not ItemKind.ROBOT:
        return None
    last = verbs[-1]
    and_ = last - 1
    if and_ < 1 or items[and_].kind is not ItemKind.WORD or items[and_].text != "and" \
            or getattr(items[last].payload, "target", "") != "unload_bucket":
        return None
    rest = items[last + 1:]
    if not any(it.kind is ItemKind.ROBOT for it in rest) \
            or any(it.kind not in (ItemKind.ROBOT, ItemKind.WORD) for it in rest):
        return None
    return and_


def _list_number(text: str) -> int | None:
    """The number in a list marker's text ("Step 3:", "6)", "(2)"); None for "Second,"."""
    m = re.search(r"\d+", text)
    return int(m.group()) if m else None


def _mark_post_anchors(segs: list[Segment]) -> None:
    """An anchor that closes a sentence after a main clause ("..., and excavator 3 loads it
    once both are ready.") belongs to the clause before it; others open the clause after."""
    for i, s in enumerate(segs):
        if s.role is not SegmentRole.ANCHOR:
            continue
        prev = segs[i - 1] if i else None
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        follows_main = (
            prev is not None
            and prev.sentence == s.sentence
            and prev.role is SegmentRole.MAIN
            and (prev.has(ItemKind.VERB) or prev.has(ItemKind.OBJECT) or prev.has(ItemKind.PLACE))
        )
        main_after = nxt is not None and nxt.sentence == s.sentence and nxt.role is SegmentRole.MAIN
        if follows_main and (s.restrictive or s.connective_text.startswith("only ")):
            s.post_anchor = True  # "..., but only once truck 2 has arrived - send it off now"
            continue
        if s.ended_by == "subject" or (s.after_then and main_after):
            continue
        if follows_main and (not s.after_punct or not main_after):
            s.post_anchor = True
