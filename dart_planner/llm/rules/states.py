"""Where a robot already is, said after the place: "excavator 1 is at soil 1 already".

"Is at" (and "waiting there") is also a movement in the lexicon ("truck 2 should be at rock 1 by noon" sends it there),
and "already at soil 1" is the state marker. When "already" (or "still") closes a "be at <place>"
clause, the clause states where the robot stands, exactly as "is already at soil 1" does: the
verb becomes the ``already`` mark, so the robot is placed there without a move and a later "digs
where it stands" needs none.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .lexicon import EventSpec
from .mentions import RobotDesc
from .segment import SENTENCE_END, Item, ItemKind, sentence_start

__all__ = ["fold_everything_state", "fold_relative_already",
           "fold_trailing_already", "fold_waiting_at", "fold_be_at", "fold_where_standing",
           "fold_already_there_after", "fold_done_states",
           "fold_drive_there_first",
           "fold_standing_beside", "fold_beside_robot", "fold_people_at"]

_BE = frozenset({"is", "are", "be", "was", "were", "'s", "'re"})
_TRAILING = frozenset({"already", "still"})
_STANDING = frozenset({"waiting", "waits", "wait", "sitting", "sits", "sit", "standing", "stands", "stand", "parked",
                       "stationed"})
"""Verbs of standing somewhere: "(which is) waiting there already" says where the robot is."""
_AT = frozenset({"at", "in", "by", "near", "beside"})


_CLOSE = {",": ",", "-": "-", "(": ")", "\u2013": "\u2013", "\u2014": "\u2014"}
"""The punctuation that closes a relative aside opened by the key."""


def fold_relative_already(items: Sequence[Item]) -> list[Item]:
    """"excavator 1 - which has been sitting at soil 2 the whole time - digs there", "excavator 1,
    which is already at soil 2, digs there": the aside only says where the named robot stands, so the
    clause reads as "excavator 1 is already at soil 2 and digs there". Cut into a robot alone, the
    aside and a verb with no subject, the clause lost the timing that opened it ("Then, ... and
    excavator 1 - which ... - digs" started the digging at once)."""
    out = list(items)
    k = 0
    while k + 3 < len(out):
        robot, open_, which = out[k], out[k + 1], out[k + 2]
        close = _CLOSE.get(open_.payload) if open_.kind is ItemKind.PUNCT else None
        if close is None or robot.kind is not ItemKind.ROBOT or robot.payload.form == "pronoun" \
                or which.kind is not ItemKind.ROBOT or which.text not in ("which", "who"):
            k += 1
            continue
        end = next((j for j in range(k + 3, len(out)) if out[j].kind is ItemKind.PUNCT), None)
        body = out[k + 3:end] if end is not None else []
        if end is None or out[end].payload != close or end + 1 >= len(out) \
                or out[end + 1].kind is not ItemKind.VERB or not any(
                    it.kind is ItemKind.MARK and it.payload == "already" for it in body) or any(
                    it.kind in (ItemKind.VERB, ItemKind.ROBOT) for it in body):
            k += 1
            continue
        out[k + 1:end + 1] = body  # "excavator 1 <already at soil 2 ...> digs there"
        k += 1
    return out


def fold_trailing_already(items: Sequence[Item]) -> list[Item]:
    """Items with each "<be> at <place> already" / "waiting (at) <place> already" read as "already at
    <place>"."""
    out = list(items)
    for k in range(len(out) - 1):
        verb, nxt = out[k], out[k + 1]
        if verb.kind is ItemKind.VERB and verb.payload.target == "navigate" and nxt.kind is ItemKind.MARK \
                and nxt.payload == "already" and verb.payload.lemma.split()[0] in _STANDING:
            # "is waiting already at soil 1": where it stands, as "is already at soil 1"
            out[k] = Item(ItemKind.MARK, verb.start, verb.end, "filler", verb.text)
    for k in range(len(out) - 2):
        verb = out[k]
        if verb.kind is not ItemKind.VERB or verb.payload.target != "navigate":
            continue
        p = k + 2 if out[k + 1].kind is ItemKind.WORD and out[k + 1].text in _AT else k + 1
        if p + 1 >= len(out):
            continue
        place, word = out[p], out[p + 1]
        if place.kind is not ItemKind.OBJECT or word.kind is not ItemKind.WORD or word.text not in _TRAILING:
            continue
        lemma = verb.payload.lemma.split()
        if not ((len(lemma) == 2 and lemma[0] in _BE and lemma[1] == "at") or lemma[0] in _STANDING):
            continue
        if place.payload.form == "pronoun":  # "waiting there already" = "already waiting there"
            out[k] = Item(ItemKind.MARK, verb.start, place.end, "already", f"{verb.text} {place.text}")
            out[p] = Item(ItemKind.MARK, place.end, place.end, "filler", "")
        else:
            out[k] = Item(ItemKind.MARK, verb.start, verb.end, "already", verb.text)
        if p == k + 2:
            out[k + 1] = Item(ItemKind.MARK, out[k + 1].start, out[k + 1].end, "filler", out[k + 1].text)
        out[p + 1] = Item(ItemKind.MARK, word.start, word.end, "filler", word.text)
    return _fold_verbless_already(out)


def _fold_verbless_already(out: list[Item]) -> list[Item]:
    """"exc 2 at soil 2 already - dig" / "exc 2 @ soil 2 already, dig": a note that drops the "is" still says where
    the robot stands, as "exc 2 already at soil 2" does; left alone, the digging sent it there first. So does a bare
    verb of standing the lexicon has no move for ("trucks 1 and 3 *sit* at soil 1 already"): left a plain word, the
    trucks joined the next clause's move."""
    for k in range(len(out) - 3):
        who, at = out[k:k + 2]
        stand = at.kind is ItemKind.WORD and at.text in _STANDING and k + 4 < len(out)
        if stand:
            at = out[k + 2]
        place, word = out[k + 2 + stand:k + 4 + stand]
        if who.kind is ItemKind.ROBOT and at.kind is ItemKind.WORD and at.text == "at" \
                and place.kind is ItemKind.OBJECT and place.payload.form == "names" \
                and word.kind is ItemKind.WORD and word.text in _TRAILING:
            if stand:
                out[k + 1] = Item(ItemKind.MARK, out[k + 1].start, out[k + 1].end, "filler", out[k + 1].text)
            out[k + 1 + stand] = Item(ItemKind.MARK, at.start, at.end, "already", at.text)
            out[k + 3 + stand] = Item(ItemKind.MARK, word.start, word.end, "filler", word.text)
    return out


def fold_waiting_at(items: Sequence[Item], asides: Container[str] = ()) -> list[Item]:
    """"Excavator 1 is waiting at soil 1.": a robot, "is" / "are", "waiting at" and a named place says where the
    robot stands, as "is parked at" does; read as a move, it sent the robot to the place it stood at. Only a wait
    timed by a condition right after the place ("is waiting at obstacle 1 since truck 1 has dumped", made an
    anchor by :func:`~.subordinators.fold_wait_conditions`) stays a move that waits for it."""
    out = list(items)
    for k in range(1, len(out) - 2):
        be, verb, at, place = out[k - 1:k + 3]
        if not (be.kind is ItemKind.WORD and be.text in _BE and verb.kind is ItemKind.VERB
                and verb.payload.target == "navigate" and verb.text == "waiting" and at.kind is ItemKind.WORD
                and at.text == "at" and place.kind is ItemKind.OBJECT and place.payload.form == "names"
                and _time_aside(out, k - 1, asides) is not None):
            continue
        if k + 3 < len(out) and out[k + 3].kind is ItemKind.CONNECTIVE and out[k + 3].payload == "anchor":
            continue
        aside = _time_aside(out, k - 1, asides)
        robot = out[aside - 1] if aside is not None and aside > 0 else None
        if robot is not None and robot.kind is ItemKind.ROBOT and robot.payload.form == "type" \
                and robot.payload.det == "count":
            # "..., while two trucks are waiting at soil 2": robots not chosen yet stand nowhere the planner knows;
            # the words send them there to wait
            continue
        for j in range(aside if aside is not None else k - 1, k - 1):
            out[j] = Item(ItemKind.MARK, out[j].start, out[j].end, "filler", out[j].text)
        out[k - 1] = Item(ItemKind.MARK, be.start, at.end, "already", f"{be.text} {verb.text} {at.text}")
        out[k] = Item(ItemKind.MARK, at.end, at.end, "filler", "")
        out[k + 1] = Item(ItemKind.MARK, at.end, at.end, "filler", "")
        after = out[k + 3] if k + 3 < len(out) else None
        if after is not None and after.kind is ItemKind.CONNECTIVE and after.text.lower() in asides:
            # "the truck, which is waiting at soil 1 *by then*, comes over": the time of the state, no connective
            out[k + 3] = Item(ItemKind.MARK, after.start, after.end, "filler", after.text)
    return out


def _time_aside(items: Sequence[Item], k: int, asides: Container[str]) -> int | None:
    """Where the words between a robot and ``k`` start when they are a time aside (lexicon ``state_time_asides``:
    "the truck, which *by then* is waiting at obstacle 2"), or ``k`` when the robot is right before it; None when
    no robot comes first. The "then" of "by then" is no sequence there."""
    for j in range(k - 1, max(k - 4, -1), -1):
        if items[j].kind is ItemKind.ROBOT:
            said = " ".join(it.text.lower() for it in items[j + 1:k])
            return j + 1 if not said or said in asides else None
    return None


def _be_words(items: Sequence[Item], k: int, fillers: Container[str]) -> int:
    """Where "at" follows the run of words from ``k`` (plain words, or "both" / "all" read as a robot pronoun);
    -1 if something else comes first."""
    j = k
    while j < len(items) and j - k < 5:
        it = items[j]
        if it.kind is ItemKind.WORD and it.text.lower() == "at":
            return j
        if not (it.kind is ItemKind.WORD or (it.kind is ItemKind.ROBOT and it.payload.form == "pronoun"
                                             and it.text.lower() in fillers)
                or (it.kind is ItemKind.MARK and it.payload == "state")  # "is *currently* at"
                or (it.kind is ItemKind.EVENT and it.text.lower() == "in position")):
            return -1
        j += 1
    return -1


_SUBJECT_JOINS = frozenset({"and", ",", "&"})


def _timed(items: Sequence[Item], k: int) -> bool:
    """Whether the robots ending at ``k`` open a timing clause ("once they are both at soil 1, ..."): there "be at"
    is the moment waited for, no state."""
    j = k - 1
    while j >= 0 and (items[j].kind is ItemKind.ROBOT or items[j].text.lower() in _SUBJECT_JOINS):
        j -= 1
    return j >= 0 and items[j].kind is ItemKind.CONNECTIVE and items[j].payload in ("anchor", "parallel")


def fold_everything_state(items: Sequence[Item], nouns: Container[str], copulas: Container[str]) -> list[Item]:
    """"Everything is parked at base right now.": one of ``nouns`` (the lexicon's ``fleet_state_nouns``) opening a
    sentence, right before a state ("is parked at", or a state copula "is at") and a place, is the whole fleet, as
    "everyone" is. Left the mark of "once everything is done", the clause named no robot and was refused."""
    out = list(items)
    for k in range(len(out) - 2):
        it, state, place = out[k:k + 3]
        if it.kind is ItemKind.MARK and it.payload == "everything" and it.text.lower() in nouns \
                and sentence_start(out, k) == k and ((state.kind is ItemKind.MARK and state.payload == "already") or (
                    state.kind is ItemKind.VERB and state.text.lower() in copulas)) \
                and (place.kind is ItemKind.PLACE or (place.kind is ItemKind.OBJECT and place.payload.form == "names")):
            out[k] = Item(ItemKind.ROBOT, it.start, it.end, RobotDesc("fleet"), it.text)
    return out


def fold_be_at(items: Sequence[Item], be_forms: Container[str], fillers: Container[str],
               copulas: Container[str] = ()) -> list[Item]:
    """"Excavator 1 has been at soil 2 all day.", "Excavator 2 and truck 3 are both at soil 1.": a robot, a form of
    "be" (``be_forms``, with ``fillers`` among its words) and "at <place>" say where the robot stands, as "is at"
    does. With no verb at all, the clause was read as "to soil 2" and sent the robot where it stood. Robots joined
    by "and" before a state copula (``copulas``: "are at") are placed so too."""
    out = list(items)
    k = 0
    while k + 3 < len(out):
        at = _be_words(out, k + 1, fillers) if out[k].kind is ItemKind.ROBOT and not _timed(out, k) else -1
        words = [it.text.lower() for it in out[k + 1:at]]
        be = " ".join(w for w in words if w not in fillers)
        if at > k + 1 and at + 1 < len(out) and be in be_forms and (out[at + 1].kind is ItemKind.PLACE or (
                out[at + 1].kind is ItemKind.OBJECT and out[at + 1].payload.form == "names")):
            text = " ".join(words + ["at"])
            out[k + 1:at + 1] = [Item(ItemKind.MARK, out[k + 1].start, out[at].end, "already", text)]
        elif _joint_state(out, k, copulas) or _state_before_step(out, k, copulas):
            verb = out[k + 1]
            out[k + 1] = Item(ItemKind.MARK, verb.start, verb.end, "already", verb.text)
        k += 1
    return out


def _joint_state(items: Sequence[Item], k: int, copulas: Container[str]) -> bool:
    """"Excavator 2 and truck 3 are at soil 1.": robots joined by "and", a state copula ("are at") and one named
    place ending the clause; a single robot's "is at" is read in the interpreter, which took only one robot."""
    if k < 2 or k + 2 >= len(items) or _timed(items, k):
        return False
    robot, verb, place = items[k:k + 3]
    after = items[k + 3] if k + 3 < len(items) else None
    return robot.kind is ItemKind.ROBOT and items[k - 1].text.lower() in _SUBJECT_JOINS \
        and items[k - 2].kind is ItemKind.ROBOT and verb.kind is ItemKind.VERB and verb.text.lower() in copulas \
        and place.kind is ItemKind.OBJECT and place.payload.form == "names" \
        and (after is None or after.kind is ItemKind.PUNCT)


def _state_before_step(items: Sequence[Item], k: int, copulas: Container[str]) -> bool:
    """"Excavator 2 is at rock 2 and digs there.": a robot, a state copula ("is at"), one named place and "and" with
    the robot's next verb right after it. Said with a comma (", and digs there") the state was a clause of its own;
    without one, "is at" was read as an order and the robot was sent where it stood (rule 11: no move)."""
    if k + 4 >= len(items) or _timed(items, k):
        return False
    robot, verb, place, join, step = items[k:k + 5]
    return robot.kind is ItemKind.ROBOT and robot.payload.form != "pronoun" and verb.kind is ItemKind.VERB \
        and verb.text.lower() in copulas and place.kind is ItemKind.OBJECT and place.payload.form == "names" \
        and join.kind is ItemKind.WORD and join.text.lower() == "and" and step.kind is ItemKind.VERB \
        and step.text.lower() not in copulas


def _standing_run(items: Sequence[Item], k: int, words: Container[str]) -> int:
    """The end of a run of standing words from ``k`` ("stands", "is already", "is parked") up to punctuation or the
    end of the items; -1 if another item or word comes first, or the run is empty."""
    j = k
    while j < len(items) and items[j].kind is not ItemKind.PUNCT:
        if items[j].kind not in (ItemKind.WORD, ItemKind.VERB, ItemKind.MARK) \
                or not all(w in words for w in items[j].text.lower().split()):
            return -1
        j += 1
    return j if j > k else -1


def fold_where_standing(items: Sequence[Item], words: Container[str]) -> list[Item]:
    """"Truck 2 drives to soil 1, where excavator 1 stands, gets loaded and returns to base.": a relative that only
    says a robot stands at the place ("where <robot>" and ``words``) is a state said first ("excavator 1 is already
    at soil 1."), and the clause goes on without it. Left in, the robot in it became the subject of the steps after
    it: excavator 1 was the one sent back to base."""
    out = list(items)
    k = 1
    while k + 2 < len(out):
        where, robot, place = out[k], out[k + 1], out[k - 1]
        p = k - 1
        if place.kind is ItemKind.PUNCT and p > 0:
            p -= 1  # "soil 1, where ..."
            place = out[p]
        end = _standing_run(out, k + 2, words) if where.kind is ItemKind.WORD and where.text.lower() == "where" \
            and robot.kind is ItemKind.ROBOT and robot.payload.form == "ids" and place.kind is ItemKind.OBJECT \
            and place.payload.form == "names" else -1
        if end < 0:
            k += 1
            continue
        s = sentence_start(out, k)
        state = [robot, Item(ItemKind.MARK, robot.end, robot.end, "already", "is already at"), place,
                 Item(ItemKind.PUNCT, robot.end, robot.end, ".", ".")]
        if _pronoun_anchor_first(out, s) and (end == len(out) or out[end].payload in SENTENCE_END):
            # "Once it has finished, trucks 1 and 2 drive to soil 1, where excavator 2 is waiting.": said first, the
            # state's robot was the "it" of the anchor, and the trucks waited for nothing; the sentence needs no more
            # of it, so it is said after
            close = out[end] if end < len(out) else state[-1]
            out[s:end + 1] = out[s:p + 1] + [close] + state
            k = s + (p + 1 - s) + 1 + len(state)
            continue
        out[s:end] = state + out[s:p + 1]  # the closing punctuation stays: the clause goes on after it
        k = s + len(state) + (p + 1 - s)
    return out


def _pronoun_anchor_first(items: Sequence[Item], s: int) -> bool:
    """The sentence at ``s`` opens with an anchor whose robot is a pronoun ("Once *it* has finished, ...")."""
    if s >= len(items) or items[s].kind is not ItemKind.CONNECTIVE or items[s].payload != "anchor":
        return False
    for x in items[s + 1:]:
        if x.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            return False
        if x.kind is ItemKind.ROBOT:
            return x.payload.form == "pronoun"
    return False


def fold_standing_beside(items: Sequence[Item]) -> list[Item]:
    """"dump truck 1 is sitting right next to it at rock 2": a robot, "is" and a verb of standing
    ("sitting", "parked", ...), words used up as filler ("right next to it"), then "at <place>" says where
    the robot stands, as "is sitting at rock 2" does. With the filler between, the words were no phrase
    the lexicon knows, and the verbless rest sent the robot there."""
    out = list(items)
    for k in range(len(out) - 4):
        robot, be, stand = out[k:k + 3]
        if not (robot.kind is ItemKind.ROBOT and be.kind is ItemKind.WORD and be.text in _BE
                and stand.kind is ItemKind.WORD and stand.text in _STANDING):
            continue
        j = k + 3
        while j < len(out) and out[j].kind is ItemKind.MARK and out[j].payload == "filler":
            j += 1
        if j == k + 3 or j + 1 >= len(out):
            continue
        at, place = out[j], out[j + 1]
        if at.kind is ItemKind.WORD and at.text in _AT and place.kind is ItemKind.OBJECT \
                and place.payload.form == "names":
            out[k + 1] = Item(ItemKind.MARK, be.start, at.end, "already", f"{be.text} {stand.text} {at.text}")
            for n in range(k + 2, j + 1):
                out[n] = Item(ItemKind.MARK, out[n].end, out[n].end, "filler", "")
    return out


def _stated_place(items: Sequence[Item], r: int, end: int) -> Item | None:
    """The place of a state said right after the robot mention at ``r`` ("excavator 1 is parked at
    rock 1": a robot, at most two items, the ``already`` mark and a named place), before ``end``."""
    for j in range(r + 1, min(r + 3, end - 1)):
        seen, place = items[j], items[j + 1]
        if seen.kind is ItemKind.ROBOT:
            return None
        if seen.kind is ItemKind.MARK and seen.payload == "already":
            return place if place.kind is ItemKind.OBJECT and place.payload.form == "names" else None
    return None


def fold_beside_robot(items: Sequence[Item], pronouns: Container[str] = ()) -> list[Item]:
    """"excavator 1 is parked at rock 1, and truck 2 is standing right next to it": a robot said to stand
    beside a robot (a pronoun, or a robot named) whose own place was said as a state before stands at that
    place: the robot reads as that place, as in "truck 2 is standing at rock 1". Left a robot, the state had
    no place, and the next place named (often a keep-out's) was taken for it.

    The robot beside is the nearest robot mention before the clause's own subject (a pronoun) or the
    nearest mention of the robot named, and its state counts only when said in the same sentence or the
    one before: "it" after "excavator 2 digs at soil 2" is excavator 2, whose place was never said as a
    state, not a robot parked two sentences back. ``pronouns``: the lexicon's ``beside_pronouns``."""
    out = list(items)
    for k in range(1, len(out) - 1):
        mark, who = out[k], out[k + 1]
        if not (mark.kind is ItemKind.MARK and mark.payload == "already" and who.kind is ItemKind.ROBOT):
            continue
        if k + 2 < len(out) and out[k + 2].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            continue
        pronoun = who.payload.form == "pronoun"
        if pronoun and who.text not in pronouns:
            continue
        if not pronoun and who.payload.form != "ids":
            continue
        subject = next((j for j in range(k - 1, -1, -1) if out[j].kind is ItemKind.ROBOT), None)
        if subject is None:
            continue
        s = sentence_start(out, k)
        first = sentence_start(out, s - 1) if s > 0 else 0  # the sentence before, or this one
        mentions = (j for j in range(subject - 1, first - 1, -1) if out[j].kind is ItemKind.ROBOT
                    and (pronoun or out[j].payload.form == "ids" and out[j].payload.ids == who.payload.ids))
        r = next(mentions, None)
        place = _stated_place(out, r, k) if r is not None else None
        if place is not None:
            out[k + 1] = Item(ItemKind.OBJECT, who.start, who.end, place.payload, place.text)
    return out


_AFTER_SEP = frozenset({",", "-", ";", "\u2013", "\u2014"})
_THERE_PRONOUNS = frozenset({"it", "he", "she", "they"})


def _state_tail(items: Sequence[Item], k: int, reasons: Container[str]) -> tuple[int, int, Item | None] | None:
    """At separator ``k``: ``(end, pronoun, place)`` of "<sep> [since] it is already there [)]" ending its sentence
    (``end`` just past the closing bracket, if any; ``pronoun`` the index of "it"; ``place`` the named place of
    "already at <place>", or None for "there"); None when the state is not said so. A reason word ("..., *since*
    it is already there") and brackets ("(it's already there)") leave it the same remark about where the robot
    stands."""
    sep = items[k]
    if not (sep.kind is ItemKind.PUNCT and (sep.payload in _AFTER_SEP or sep.payload == "(")):
        return None
    j = k + 1
    if j < len(items) and items[j].kind is ItemKind.WORD and items[j].text.lower() in reasons:
        j += 1
    if j + 2 >= len(items):
        return None
    p = j
    pron, be, mark = items[j:j + 3]
    if not (pron.kind is ItemKind.ROBOT and pron.payload.form == "pronoun" and pron.text in _THERE_PRONOUNS
            and be.kind is ItemKind.WORD and be.text in _BE and mark.kind is ItemKind.MARK
            and mark.payload == "already"):
        return None
    j += 3
    place = None
    if not mark.text.endswith("there"):
        if not mark.text.endswith(" at") or j >= len(items) or items[j].kind is not ItemKind.OBJECT \
                or items[j].payload.form == "pronoun":
            return None
        place = items[j]
        j += 1
    if sep.payload == "(":
        if j >= len(items) or items[j].kind is not ItemKind.PUNCT or items[j].payload != ")":
            return None
        j += 1
    if j < len(items) and not (items[j].kind is ItemKind.PUNCT and items[j].payload in SENTENCE_END):
        return None
    return j, p, place


def _addressed_start(items: Sequence[Item], s: int) -> int:
    """``s``, or the start of "exc 1: ..." when ``s`` is just past such a colon: the robot named before the colon is
    the subject of the clause after it."""
    if s >= 2 and items[s - 1].kind is ItemKind.PUNCT and items[s - 1].payload == ":" \
            and items[s - 2].kind is ItemKind.ROBOT and sentence_start(items, s - 2) == s - 2:
        return s - 2
    return s


def fold_already_there_after(items: Sequence[Item], reasons: Container[str] = frozenset()) -> list[Item]:
    """"At soil 1, excavator 2 digs - it is already there.": a state said after the clause it times
    (a pronoun, "is", "already there", then the sentence ends) says the clause's robot stands at the
    clause's one place, so the sentence reads as "excavator 2 is already at soil 1. At soil 1,
    excavator 2 digs.". Said last, the state came after the move it should have spared. Only a clause
    with one named robot mention, one named place and a verb is read so; otherwise "there" is unclear.
    The same holds after "exc 1: dig at rock 2, it's already there" (the robot named before the colon), for
    "(it's already there)", "..., since it is already there" (``reasons``) and "it's already at rock 2" naming
    the clause's place."""
    out = list(items)
    k = 0
    while k + 3 < len(out):
        tail = _state_tail(out, k, reasons)
        if tail is None:
            k += 1
            continue
        end, p, named = tail
        pron, be, mark = out[p:p + 3]
        s = _addressed_start(out, sentence_start(out, k))
        clause = out[s:k]
        robots = [it for it in clause if it.kind is ItemKind.ROBOT]
        places = {n for it in clause if it.kind is ItemKind.OBJECT for n in (it.payload.names or ("?",))}
        place = next((it for it in clause if it.kind is ItemKind.OBJECT), None)
        if len(robots) != 1 or robots[0].payload.form != "ids" or len(places) != 1 or "?" in places \
                or place is None or not any(it.kind is ItemKind.VERB for it in clause) \
                or (pron.text == "they") != (len(robots[0].payload.ids) > 1) \
                or (named is not None and set(named.payload.names or ("?",)) != places):
            k += 1
            continue
        sep = out[k]
        state = [robots[0], be, Item(ItemKind.MARK, mark.start, mark.end, "already", "already at"), place,
                 Item(ItemKind.PUNCT, sep.start, sep.end, ".", ".")]
        out[s:end] = state + clause
        k = s + len(state) + len(clause)
    return out


_GROUP_PRONOUNS = frozenset({"both", "they", "each", "all", "both of them", "each of them", "all of them"})
_ASIDE_CLOSE = {",": ",", "(": ")"}


def _modals_after(items: Sequence[Item], k: int, modals: Container[str]) -> int:
    """How many words of ``modals`` ("should", "will") stand from ``k`` on."""
    n = 0
    while k + n < len(items) and items[k + n].kind is ItemKind.WORD and items[k + n].text.lower() in modals:
        n += 1
    return n


def fold_drive_there_first(items: Sequence[Item], modals: Container[str] = ()) -> list[Item]:
    """"Excavator 1 digs at soil 1 and excavator 2 digs at soil 2 - both drive there first - and ...": an
    aside that only says the robots drive to where the clause before has them work, first, adds
    nothing (working at a place already sends each robot there first), so it is dropped. Read as a
    clause, "there" was the place named last for both robots (one drove to the other's site). So is one with a modal
    before its verb ("(both *should* drive there first)", lexicon ``subject_modals``) and one after a comma that ends
    the sentence (", both driving there first."), as a manager's note puts it."""
    out = list(items)
    k = 1
    while k + 4 < len(out):
        skip = _modals_after(out, k + 2, modals)
        if k + 4 + skip >= len(out):
            k += 1
            continue
        op, pron = out[k:k + 2]
        verb, there, first = out[k + 2 + skip:k + 5 + skip]
        close = _ASIDE_CLOSE.get(op.payload) if op.kind is ItemKind.PUNCT else None
        if close is None or not (pron.kind is ItemKind.ROBOT and pron.payload.form == "pronoun"
                                 and pron.text in _GROUP_PRONOUNS and verb.kind is ItemKind.VERB
                                 and verb.payload.target == "navigate" and there.kind is ItemKind.OBJECT
                                 and there.payload.form == "pronoun" and there.text == "there"
                                 and first.kind is ItemKind.CONNECTIVE and first.payload == "first"):
            k += 1
            continue
        end = k + 5 + skip
        at_stop = close == "," and end < len(out) and out[end].kind is ItemKind.PUNCT and out[end].payload == "."
        if end < len(out) and not (out[end].kind is ItemKind.PUNCT and out[end].payload == close) and not at_stop:
            k += 1
            continue
        s = sentence_start(out, k)
        before = out[s:k]
        works = [it for it in before if it.kind is ItemKind.VERB and it.payload.target != "navigate"]
        places = [it for it in before if it.kind is ItemKind.OBJECT and it.payload.form == "names"]
        robots = [it for it in before if it.kind is ItemKind.ROBOT and it.payload.form == "ids"]
        if not works or len(places) < len(robots) or len(robots) < 2:
            k += 1
            continue
        del out[k:min(end + (0 if at_stop else 1), len(out))]
    return out


def _there_or_own_site(items: Sequence[Item], k: int, site_nouns: Container[str]) -> int:
    """How many items from ``k`` say where each robot works: "there", or "to its / their (own) site" (``site_nouns``);
    0 if they do not."""
    if k < len(items) and items[k].kind is ItemKind.OBJECT and items[k].payload.form == "pronoun" \
            and items[k].text.lower() == "there":
        return 1
    words: list[str] = []
    j = k
    while j < len(items) and items[j].kind is ItemKind.WORD and len(words) < 5:
        words.append(items[j].text.lower())
        j += 1
    if len(words) >= 3 and words[0] == "to" and words[1] in ("its", "their") \
            and " ".join(words[3 if words[2] == "own" else 2:]) in site_nouns:
        return j - k
    return 0


def fold_drive_there_first_sentence(items: Sequence[Item], site_nouns: Container[str]) -> list[Item]:
    """"Excavator 1 digs at soil 1 and excavator 2 digs at soil 2. Each excavator drives to its site first.": a
    sentence that only says the robots of the sentence before drive first to where it has them work adds nothing,
    like the aside :func:`fold_drive_there_first` drops. Read as a step, "its site" or "there" was the place named
    last, and the other robots drove to it after their work."""
    out = list(items)
    k = 1
    while k < len(out):
        bare_each = out[k].kind is ItemKind.MARK and out[k].payload == "each"  # "Each drives to its site first."
        if not (out[k - 1].kind is ItemKind.PUNCT and out[k - 1].payload == "."
                and (out[k].kind is ItemKind.ROBOT or bare_each)):
            k += 1
            continue
        d = out[k].payload
        j = k + 1
        if j < len(out) and out[j].kind is ItemKind.MARK and out[j].payload == "each":
            j += 1
        group = bare_each or (d.form == "pronoun" and out[k].text.lower() in _GROUP_PRONOUNS) or (
            d.form == "type" and d.det in ("each", "all", "both"))
        if not group or j >= len(out) or out[j].kind is not ItemKind.VERB or out[j].payload.target != "navigate":
            k += 1
            continue
        n = _there_or_own_site(out, j + 1, site_nouns)
        end = j + 1 + n
        if not n or end >= len(out) or not (
                out[end].kind is ItemKind.CONNECTIVE and out[end].payload == "first") \
                or (end + 1 < len(out) and not (out[end + 1].kind is ItemKind.PUNCT and out[end + 1].payload == ".")):
            k += 1
            continue
        s = sentence_start(out, k - 1)
        before = out[s:k - 1]
        works = [it for it in before if it.kind is ItemKind.VERB and it.payload.target != "navigate"]
        places = [it for it in before if it.kind is ItemKind.OBJECT and it.payload.form == "names"]
        robots = [it for it in before if it.kind is ItemKind.ROBOT and it.payload.form == "ids"]
        other = not bare_each and d.form == "type" and any(d.rtype not in i for it in robots for i in it.payload.ids)
        if not works or len(places) < len(robots) or len(robots) < 2 or other:
            k += 1
            continue
        del out[k:min(end + 2, len(out))]
    return out


def fold_done_states(items: Sequence[Item], words: Container[str]) -> list[Item]:
    """"Truck 3: go there once it's through.": a word of ``words`` right after a form of "be", closing its clause or
    followed by "with", is the robot's work being done, read as the event "done"; left a plain word, the anchor
    named no event and the wait was dropped. Elsewhere ("drives through puddle 1", "goes through its loading
    routine") it stays a word."""
    out = list(items)
    for k in range(1, len(out)):
        it, be = out[k], out[k - 1]
        if it.kind is not ItemKind.WORD or it.text.lower() not in words \
                or be.kind is not ItemKind.WORD or be.text.lower() not in _BE:
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        if nxt is None or nxt.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE) \
                or nxt.kind is ItemKind.WORD and nxt.text.lower() == "with":
            out[k] = Item(ItemKind.EVENT, it.start, it.end, EventSpec("any"), it.text)
    return out


def fold_people_at(items: Sequence[Item], articles: Container[str], copulas: Container[str],
                   verbs: Container[str]) -> list[Item]:
    """"The surveyors are at rock 1, so ...", "a survey team will be at rock 1 today", "... while the inspectors are
    at rock 1": an article (``articles``), one or two plain words (no robot, no number: "survey team"), maybe a
    form of "be" (``copulas``: "will"), then a verb of standing somewhere (``verbs``: "are at", "be at") say where
    people are, as "are near" does. Read as a movement, it had no robot (refused) or, after "while", sent the robots
    of the clause before into the place they were to avoid. The verb becomes plain words."""
    out = list(items)
    k = 0
    while k < len(out):
        verb = _people_state_verb(out, k, articles, copulas, verbs)
        if verb is not None:
            it = out[verb]
            out[verb:verb + 1] = [Item(ItemKind.WORD, it.start + n, it.start + n + 1, None, w.lower())
                                  for n, w in enumerate(it.text.split())]
        k += 1
    return out


def _people_state_verb(items: Sequence[Item], k: int, articles: Container[str], copulas: Container[str],
                       verbs: Container[str]) -> int | None:
    """Where the verb of standing is when people open a clause at ``k`` (see :func:`fold_people_at`), else None."""
    it = items[k]
    if it.kind is not ItemKind.WORD or it.text.lower() not in articles or (
            k > 0 and items[k - 1].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.WORD, ItemKind.MARK)):
        return None
    j = k + 1
    while j < len(items) and j - k <= 2 and items[j].kind is ItemKind.WORD and not items[j].text.isdigit() \
            and items[j].text.lower() not in copulas:
        j += 1
    if j == k + 1:
        return None
    if j < len(items) and items[j].kind is ItemKind.WORD and items[j].text.lower() in copulas:
        j += 1
    if j < len(items) and items[j].kind is ItemKind.VERB and items[j].text.lower() in verbs \
            and len(items[j].text.split()) == items[j].end - items[j].start:
        return j
    return None
