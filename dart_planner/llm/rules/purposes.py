"""A purpose that names a robot's own work is the next step: "bring truck 2 to soil 1 so that excavator 1
can load it".

"So that ..." usually says why ("so that the trucks can pass", "so that the surveyors can work there"), and
the lexicon's ``purpose_skip`` drops the rest of the clause. But when the purpose is a robot of the fleet
doing work a robot does (digging, loading, dumping: "so that the excavators can fill them", "so that
excavator 1 can load it"), that work is asked for too: the writer moves one robot so that another can do
its step, and nothing else in the text asks for it. Dropped, the step was lost (or came back only when a
later haul implied a loading). Folded, the purpose phrase reads as "and then": "..., and then excavator 1
can load it", a clause of its own with its robot as subject that waits for the clause before it (the
purpose is served after the move made for it; a plain "and" between two robots reads as parallel, which
let "excavator 1 digs at soil 1 so that truck 2 can dump it later" dump at once). Movement purposes
("so that they are waiting") and purposes of people ("so we can measure") are left to ``purpose_skip``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .mentions import RobotDesc
from .segment import SENTENCE_END, Item, ItemKind, clause_bounds

__all__ = ["fold_bare_purposes", "fold_purpose_steps", "fold_beneficiary_purposes", "fold_fronted_purposes"]

# the work a robot does for another's sake; a movement ("so that they are waiting there") stays a reason
_WORK = frozenset({"dig", "unload_bucket", "load", "dump"})
# how many items (words or marks of any kind; modal words are what is meant: "can", "is able to", "will then")
# may stand between the robot and its verb
_MAX_GAP = 3
# what a purpose's infinitive word follows: a clause said to its end, or nothing yet
_PURPOSE_LEADS = frozenset({ItemKind.PUNCT, ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE, ItemKind.MARK,
                            ItemKind.CONNECTIVE})


def fold_purpose_steps(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each purpose-skip mark whose phrase is a ``purpose_steps`` entry, followed by a robot and (after at
    most a few modal words) a work verb, as the sequence connective "and then"."""
    out = list(items)
    for k, it in enumerate(items):
        if not (it.kind is ItemKind.MARK and it.payload == "skip" and it.text in lex.purpose_steps):
            continue
        if _names_work(items, k):
            out[k] = _then(it)
    return out


def _then(it: Item) -> Item:
    """The purpose mark at ``it`` read as the sequence connective "and then"."""
    return Item(ItemKind.CONNECTIVE, it.start, it.end, "sequence", "and then")


def _names_work(items: Sequence[Item], k: int) -> bool:
    """Whether the purpose opened at ``k`` is a robot right after it and (after at most a few modal words) a work
    verb, its work not asked for again later."""
    if k + 2 >= len(items) or items[k + 1].kind is not ItemKind.ROBOT:
        return False
    start = _after_robot_place(items, k + 2)
    for j in range(start, min(len(items), start + 1 + _MAX_GAP)):
        nxt = items[j]
        if nxt.kind is ItemKind.VERB:
            work = j if getattr(nxt.payload, "target", "") in _WORK else _work_after_move(items, j)
            return work is not None and not _loaded_later(items, k + 1, work)
        if nxt.kind not in (ItemKind.WORD, ItemKind.MARK) and not (
                nxt.kind is ItemKind.CONNECTIVE and nxt.payload == "sequence"):
            return False  # ("so that truck 2 can *then* drive to soil 1 and get loaded": the order the purpose says)
    return False


def _work_after_move(items: Sequence[Item], j: int) -> int | None:
    """Where the work verb stands that a move at ``j`` leads to ("so that truck 2 can come to soil 1 *and be loaded*",
    "... *and excavator 1 can load it*": the move and the work joined by "and", with only words and places between),
    if one does. A purpose that is only a move stays a reason; one that moves a robot to its work asks for both, and
    read as a reason both were dropped (or the work was kept without the move that brought the truck)."""
    if getattr(items[j].payload, "target", "") != "navigate":
        return None
    m = j + 1
    while m < len(items) and items[m].kind in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.PLACE) \
            and items[m].text.lower() != "and":
        m += 1
    if m >= len(items) or items[m].kind is not ItemKind.WORD:
        return None
    m += 1
    if m < len(items) and items[m].kind is ItemKind.ROBOT:  # "... and excavator 1 can load it"
        m += 1
    while m < len(items) and items[m].kind is ItemKind.MARK and m < j + 2 + _MAX_GAP + 2:
        m += 1
    ok = m < len(items) and items[m].kind is ItemKind.VERB and getattr(items[m].payload, "target", "") in _WORK
    return m if ok else None


def _loaded_later(items: Sequence[Item], r: int, v: int) -> bool:
    """"Excavator 1 digs at soil 1 so that trucks 1 and 2 can be filled from that pile. ... the two trucks drive to
    soil 1 and excavator 1 loads them both": a purpose that the robots at ``r`` are loaded (the passive verb at
    ``v``) is the reason for the digging when a later sentence orders that loading itself (a loading verb with
    those robots, or a pronoun, as what it loads). Folded into a step as well, the trucks were loaded twice and
    first drove to the pile before the work said between."""
    if items[v].payload.role != "passive_load" or items[r].payload.form not in ("ids", "type"):
        return False
    end = next((e for e in range(v, len(items)) if items[e].kind is ItemKind.PUNCT
                and items[e].payload in SENTENCE_END), len(items))
    for m in range(end, len(items)):
        it = items[m]
        if it.kind is not ItemKind.VERB or it.payload.target != "unload_bucket":
            continue
        lo, hi = clause_bounds(items, m)
        # the robots loaded: after an active verb ("loads them both"), before a passive one ("trucks 1 and 2 get
        # filled")
        side = items[m + 1:hi] if it.payload.role != "passive_load" else items[lo:m]
        loaded = [x for x in side if x.kind is ItemKind.ROBOT]
        if any(x.payload.form == "pronoun" for x in loaded) and _last_said(items, end, m, items[r]) \
                or _among(items[r].payload, loaded):
            return True
    return False


def _among(purpose: RobotDesc, loaded: Sequence[Item]) -> bool:
    """Whether the robots a later loading loads are the ``purpose``'s: all of them by number, or, for robots the
    purpose names only by their type ("so that the trucks can be filled. ... both trucks go to soil 1 and are loaded
    together"), robots of that type (by number or by type). Read as robots nobody loads later, the purpose's
    loading was a step of its own, with no truck at the pile yet, beside the one asked for."""
    if purpose.form == "ids":
        return set(purpose.ids) <= {i for x in loaded if x.payload.form == "ids" for i in x.payload.ids}
    return any(x.payload.form in ("ids", "type") and x.payload.rtype == purpose.rtype for x in loaded)


def _last_said(items: Sequence[Item], lo: int, verb: int, purpose: Item) -> bool:
    """Whether the robots named last between ``lo`` and the loading verb at ``verb`` (where its pronoun looks; not
    its subject right before it) are the ``purpose``'s: named by number among them, or a group of their type ("the
    two trucks"). "... so that truck 3 can be filled. Then truck 1 goes to soil 2 and excavator 3 loads it" loads
    truck 1, and truck 3's loading stays a step."""
    hi = verb - 1 if verb > lo and items[verb - 1].kind is ItemKind.ROBOT else verb
    last = next((it for it in reversed(items[lo:hi]) if it.kind is ItemKind.ROBOT), None)
    if last is None:
        return False
    if last.payload.form == "ids":
        return set(last.payload.ids) <= set(purpose.payload.ids)
    return last.payload.form == "type" and last.payload.rtype == purpose.payload.rtype


def _after_robot_place(items: Sequence[Item], j: int) -> int:
    """Past the place that tells which robot is meant ("so that the excavator *at soil 1* can load it", "the
    excavator *there*"), at ``j`` right after the robot: it says where the robot is, not where the work goes. Left
    in, the place ended the search for the verb, and the loading asked for was dropped."""
    if j + 1 < len(items) and items[j].kind is ItemKind.WORD and items[j].text.lower() == "at" \
            and items[j + 1].kind is ItemKind.OBJECT and items[j + 1].payload.form == "names":
        return j + 2
    if j < len(items) and items[j].kind is ItemKind.OBJECT and items[j].payload.form == "pronoun" \
            and items[j].payload.pronoun == "there":
        return j + 1
    return j


def fold_bare_purposes(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"Excavator 2 digs at rock 2 so the trucks can pass": "so" (lexicon ``purpose_so_words``), robots and a modal
    (``purpose_so_modals``) with no verb we know before the clause ends say why, like "so that": a purpose-skip
    mark. Read on, the robots with no verb of their own repeated the step before ("the trucks too": trucks that
    dig). With a verb ("so truck 1 can go to rock 2 afterwards") it stays a step; with a robot's work ("so excavator 1
    can load it") it is the next step, as after "so that": left a plain word, a trailing "once ..." before it ran on
    into the purpose, and its wait was lost."""
    out = list(items)
    for k, it in enumerate(items):
        if it.kind is not ItemKind.WORD or it.text.lower() not in lex.purpose_so_words:
            continue
        j = k + 1
        while j < len(items) and j <= k + 1 + _MAX_GAP and items[j].kind in (ItemKind.ROBOT, ItemKind.WORD):
            j += 1
        if j == k + 1 or not any(x.kind is ItemKind.ROBOT for x in items[k + 1:j]) or j >= len(items) \
                or items[j].kind is not ItemKind.MARK or items[j].text.lower() not in lex.purpose_so_modals:
            continue
        end = next((e for e in range(j + 1, len(items)) if items[e].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)),
                   len(items))
        if any(x.kind is ItemKind.VERB for x in items[j + 1:end]):
            if _names_work(items, k):
                out[k] = _then(it)
            continue
        out[k] = Item(ItemKind.MARK, it.start, it.end, "skip", "so that")
    return out


def fold_beneficiary_purposes(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"To clear the way for the trucks, excavator 1 ...", "... and digs to protect the trucks", "..., making room for
    truck 2": robots that end a purpose (its infinitive word, lexicon ``purpose_infinitive_words``, and a word we do
    not know as a verb; or a word in -ing after a comma), right after that word or after a ``purpose_beneficiary_words``
    word, are whom the work is for. Read as robots, they joined the clause's subject and went along, or dug. Plain
    words, they are read past like the rest of the reason."""
    out = list(items)
    for k in range(len(items) - 2):
        verb = _purpose_verb(items, k, lex)
        if verb is None:
            continue
        j = verb + 1
        while j < len(items) and items[j].kind is ItemKind.WORD and j < verb + 1 + _MAX_GAP + 2:
            j += 1
        if j >= len(items) or items[j].kind is not ItemKind.ROBOT or not (
                j == verb + 1 or items[j - 1].text.lower() in lex.purpose_beneficiary_words):
            continue
        if verb == k and j == verb + 1:
            continue  # ", letting the trucks pass": the -ing word alone before the robots may be their verb
        end = _robot_list_end(items, j)
        if end < len(items) and items[end].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            continue
        for r in range(j, end):
            if items[r].kind is ItemKind.ROBOT:
                out[r] = Item(ItemKind.WORD, items[r].start, items[r].end, None, items[r].text)
    return out


def _purpose_verb(items: Sequence[Item], k: int, lex: Lexicon) -> int | None:
    """Where the verb of a purpose opened at ``k`` stands: after its infinitive word ("to *clear*"), or ``k`` for a
    word in -ing after a comma (", *clearing* the way"); None when ``k`` opens none."""
    it = items[k]
    if it.kind is not ItemKind.WORD:
        return None
    if it.text.lower() in lex.purpose_infinitive_words and items[k + 1].kind is ItemKind.WORD and (
            k == 0 or items[k - 1].kind in _PURPOSE_LEADS):
        return k + 1  # not after a word ("a keep-out is *to* be established for all robots": an order)
    if it.text.lower().endswith("ing") and k > 0 and items[k - 1].kind is ItemKind.PUNCT \
            and items[k - 1].text == ",":
        return k
    return None


def _robot_list_end(items: Sequence[Item], j: int) -> int:
    """Past the robots listed from ``j`` ("trucks 1 and 2", "truck 1 and truck 3")."""
    while j < len(items) and items[j].kind is ItemKind.ROBOT:
        j += 1
        if j + 1 < len(items) and items[j].kind is ItemKind.WORD and items[j].text.lower() in ("and", "or") \
                and items[j + 1].kind is ItemKind.ROBOT:
            j += 1
    return j


def fold_fronted_purposes(items: Sequence[Item], leads: frozenset[str]) -> list[Item]:
    """"To start digging, excavator 1 goes to soil 1": a purpose said first (``leads``, the lexicon's
    ``goal_purpose_leads``) whose verb is a robot's work, before a comma and one robot's single move that ends its
    sentence, is moved behind that move ("excavator 1 goes to soil 1 to start digging"), where it is read as the
    robot's next step. Left in front it was the job's goal, checked only for its places, and the work was dropped.
    A sentence with more after the move (another clause, a connective other than "then") keeps the purpose where it
    is."""
    out = list(items)
    k = 0
    while k < len(out):
        if k == 0 or (out[k - 1].kind is ItemKind.PUNCT and out[k - 1].payload in SENTENCE_END):
            moved = _fronted_purpose(out, k, leads)
            if moved is not None:
                comma, end = moved
                out[k:end] = out[comma + 1:end] + out[k:comma]
            else:
                stop = _unowned_purpose(out, k, leads)
                if stop is not None:
                    said = " ".join(x.text for x in out[k:stop])
                    out[k:stop] = [Item(ItemKind.UNKNOWN, out[k].start, out[stop - 1].end,
                                         f"{said!r} is not tied to one robot's single move: say which robot does "
                                         "that work, and when", said)]
        k += 1
    return out


def _fronted_purpose(items: Sequence[Item], k: int, leads: frozenset[str]) -> tuple[int, int] | None:
    """The comma after a work purpose opening the sentence at ``k`` and the end of the single move after it."""
    verb = _lead_verb(items, k, leads)
    if verb is None or getattr(items[verb].payload, "target", "") not in _WORK:
        return None
    comma = next((j for j in range(verb + 1, len(items)) if items[j].kind is not ItemKind.WORD
                  and items[j].kind is not ItemKind.OBJECT), len(items))
    if comma >= len(items) or items[comma].kind is not ItemKind.PUNCT or items[comma].payload != ",":
        return None
    end = next((j for j in range(comma + 1, len(items)) if items[j].kind is ItemKind.PUNCT
                and items[j].payload in SENTENCE_END), len(items))
    rest = items[comma + 1:end]
    verbs = [it for it in rest if it.kind is ItemKind.VERB]
    if not rest or rest[0].kind is not ItemKind.ROBOT or sum(it.kind is ItemKind.ROBOT for it in rest) != 1 \
            or len(verbs) != 1 or verbs[0].payload.target != "navigate" \
            or any(it.kind in (ItemKind.PUNCT, ItemKind.MARK) or (it.kind is ItemKind.CONNECTIVE
                                                                  and it.payload != "sequence") for it in rest):
        return None
    return comma, end


def _unowned_purpose(items: Sequence[Item], k: int, leads: frozenset[str]) -> int | None:
    """The comma after a bare work purpose opening the sentence at ``k`` that no one robot's single move takes (see
    :func:`_fronted_purpose`) and whose work is not said again in its sentence ("To dig, excavator 1 goes to soil 1
    and truck 1 goes to soil 2", "To dig, excavator 1 and truck 1 go to soil 1"). Left as the job's goal, the work
    was dropped with no word; which robot does it is not said, so the caller refuses it. None for other words ("To
    dig, excavator 1 goes to soil 1 and digs")."""
    verb = _lead_verb(items, k, leads)
    if verb is None or getattr(items[verb].payload, "target", "") not in _WORK:
        return None
    comma = verb + 1
    if comma >= len(items) or items[comma].kind is not ItemKind.PUNCT or items[comma].payload != ",":
        return None
    end = next((j for j in range(comma + 1, len(items)) if items[j].kind is ItemKind.PUNCT
                and items[j].payload in SENTENCE_END), len(items))
    rest = items[comma + 1:end]
    target = items[verb].payload.target
    if not any(it.kind is ItemKind.ROBOT for it in rest) \
            or any(it.kind is ItemKind.VERB and it.payload.target == target for it in rest):
        return None
    return comma


def _lead_verb(items: Sequence[Item], k: int, leads: frozenset[str]) -> int | None:
    """Where the verb stands after a purpose lead at ``k`` ("to", "in order to", "so as to")."""
    words: list[str] = []
    for j in range(k, min(len(items), k + 4)):
        if items[j].kind is ItemKind.VERB:
            return j if " ".join(words) in leads else None
        if items[j].kind not in (ItemKind.WORD, ItemKind.MARK):
            return None
        words.extend(items[j].text.lower().split())
    return None
