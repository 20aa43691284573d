"""Clauses -> draft subtasks: the reading of one instruction, clause by clause.

Each main clause has a subject (robots named in it, or the robots of the clause before),
a sequence of verbs with their objects, and a connective that says what it waits for:

- ``then`` / ``after that``: the robot's own chain; with a new subject, everything still open;
- ``while`` / ``meanwhile``: nothing more than the clause it runs beside;
- ``once`` / ``when`` / ``after`` X: the tasks X names (resolved by robots, verbs, event
  nouns and objects; an anchor that names nothing done yet is read as new work);
- ``finally`` / ``when everything is finished``: everything still open.

Domain rules (:mod:`.dependencies`) add the rest. Anything that cannot be resolved is an
error naming the words, never a guess that could produce an invalid plan.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence

from ...core.fleet import Fleet
from ...core.world import World
from .clauses import START, Action, Clause, own_place, places_named
from .dependencies import Draft, PlanBuilder
from .diggates import DigGate, apply_dig_gates, dig_hold
from .goals import Goal, set_aside, spelled_out
from .keepout_nouns import EVERY_KEEPOUT
from .lexicon import Lexicon, tokenize_phrase
from .mentions import Member, MentionResolver, ObjectDesc, ResolutionError, RobotDesc, SiteIndex, _size
from .pairing import PairReader
from .placedrobots import PLACED_ONE
from .repeats import RepeatReader
from .segment import (
    SENTENCE_END,
    UNTIL,
    Item,
    ItemKind,
    Segment,
    SegmentRole,
    _is_subject_start,
    _relative_which,
    named_ids,
    named_objects,
)
from .staywaits import StayWait, apply_stay_waits
from .steprefs import step_numbers
from .untillifts import lift_until_keepouts
from .verbs import ALTERNATIVES, KEEPOUT_ACTIONS, MOVES, VerbHit, choose_skill
from .waitsteps import staying
from .waivedwaits import WAIVED

__all__ = ["Interpreter", "START"]

#: work verbs a negation right before them cannot turn into anything a plan holds (moves become keep-outs)
_NEGATABLE_WORK = frozenset({"dig", "unload_bucket", "load", "dump"})

_OBJECT_ACTIONS = frozenset({"navigate"}) | KEEPOUT_ACTIONS

# How a participle ends ("after reaching", "once filled", "when taken"); an event noun does not ("upon discharge")
_PARTICIPLE_ENDINGS = ("ing", "ed", "en")

# Work done where the robot stands: an anchor naming a place finds it by where its robots are
_IN_PLACE_ACTIONS = frozenset({"dig", "unload_bucket", "load", "dump"})
_ROCK_KIND = "rock"  # the kind of place whose digging is its breaking up (see _rock_work_said)
_NUMBER_WORDS = {2: "two", 3: "three"}
# Tokens that end a written sentence (a semicolon or a colon only cuts one into clauses)
_FULL_STOPS = frozenset({".", "!", "?"})
# marks of when that may close "truck 1 isn't needed at rock 2 *today* / *for now* / *at the moment*" (no order)
_SPARED_TIME_MARKS = frozenset({"duration", "now", "state"})


def _spared_gerund(items: Sequence[Item], j: int) -> bool:
    """"Truck 3 is not needed *for hauling*": a verb in "-ing" right after "for" names the kind of work a robot is
    spared, no order to do it. Read as an order, the robots were kept out of a place the clause never names."""
    it = items[j]
    text = it.text.lower()
    after_for = text.startswith("for ") or j > 0 and items[j - 1].kind is ItemKind.WORD \
        and items[j - 1].text.lower() == "for"
    return it.kind is ItemKind.VERB and text.endswith("ing") and after_for


def _anchor_clauses(items: Sequence[Item]) -> list[list[Item]]:
    """An anchor naming work of several robots, each with its own verb ("after truck 1 has checked
    obstacle 1 and truck 2 has checked obstacle 2"), cut into one clause per robot."""
    parts: list[list[Item]] = [[]]
    for k, it in enumerate(items):
        cur = parts[-1]
        if it.kind is ItemKind.ROBOT and k and items[k - 1].kind is ItemKind.WORD and items[k - 1].text == "and" \
                and any(x.kind is ItemKind.VERB for x in cur) and _is_subject_start(items, k):
            cur.pop()
            parts.append([])
        parts[-1].append(it)
    return parts


def _robot_conjuncts(items: Sequence[Item]) -> list[list[Item]]:
    """An anchor of two robots' deeds joined by "and" ("once truck 1 has dumped and excavator 3 is back"),
    cut before the second robot: only when the part before names a robot and its deed (a verb or event
    word) and the part after says something of its robot (a verb, event word, mark or place); a list of
    robots sharing one verb ("when truck 1 and truck 2 have dumped") stays whole. So is a conjunct that opens with an
    event noun of its own ("when both trucks have tipped *and the inspection is done*"): read with the robots before
    it, the inspection was looked for among the trucks' steps, found none, and was dropped; either side may come
    first."""
    parts: list[list[Item]] = [[]]
    for k, it in enumerate(items):
        cur = parts[-1]
        event = _event_noun_at(items, k)
        if (it.kind is ItemKind.ROBOT or event is not None) and k and items[k - 1].kind is ItemKind.WORD \
                and items[k - 1].text == "and" \
                and (any(x.kind is ItemKind.ROBOT or _event_noun_at(cur, j) is not None for j, x in enumerate(cur))
                     or _robotless_event(cur)) \
                and any(x.kind in (ItemKind.VERB, ItemKind.EVENT) for x in cur) \
                and _says_something(items[(k if event is None else event) + 1:]):
            cur.pop()
            parts.append([])
        parts[-1].append(it)
    return parts


def _robotless_event(part: Sequence[Item]) -> bool:
    """"the digging is done" before "and truck 1 is home": an event said with no robot and closed by a word of state
    or a verb of its own, so the robot after "and" starts a deed of its own (read as one, the robot's own state was
    lost and the wait for it dropped without a word)."""
    events = [k for k, it in enumerate(part) if it.kind is ItemKind.EVENT]
    return len(events) > 1 or bool(events) and any(it.kind is ItemKind.VERB for it in part[events[0] + 1:])


def _event_noun_at(items: Sequence[Item], k: int) -> int | None:
    """Where the event noun of a conjunct opened at ``items[k]`` stands ("the inspection", "inspection": an event of
    a real action, after at most an article); None when none opens there."""
    j = k + 1 if items[k].kind is ItemKind.WORD and items[k].text in ("the", "its", "their") else k
    if j < len(items) and items[j].kind is ItemKind.EVENT and items[j].payload.action not in ("any", ""):
        return j
    return None


def _rest_of_the_work(items: Sequence[Item]) -> bool:
    """An anchor that joins a robot's deed with "everything (else)" / "everyone else" as a conjunct of its own ("once
    truck 1 has dumped *and everything else* is done"), not as the deed's object ("has done everything")."""
    said = [it for it in items if it.kind is not ItemKind.CONNECTIVE]
    return any(it.kind is ItemKind.MARK and it.payload == "everything" and (
        k == 0 or (said[k - 1].kind is ItemKind.WORD and said[k - 1].text == "and")) for k, it in enumerate(said))


def _says_something(rest: Sequence[Item]) -> bool:
    """A deed or state of the robot just named, before the next "and" or robot."""
    for it in rest:
        if it.kind is ItemKind.ROBOT or (it.kind is ItemKind.WORD and it.text == "and"):
            return False
        if it.kind in (ItemKind.VERB, ItemKind.EVENT, ItemKind.MARK, ItemKind.PLACE):
            return True
    return False


def _disjoint(a: Iterable[Member], b: Iterable[Member]) -> bool:
    """Whether two robot lists share no robot (by key)."""
    return {m.key for m in a}.isdisjoint({m.key for m in b})


def _move_goals(seg: Segment) -> frozenset[str]:
    """The places named right after the clause's first move verb ("both trucks drive to *soil 2*, where ...")."""
    verbs = [k for k, it in enumerate(seg.items) if it.kind is ItemKind.VERB]
    if not verbs or seg.items[verbs[0]].payload.target != "navigate":
        return frozenset()
    names: set[str] = set()
    for it in seg.items[verbs[0] + 1:]:
        if it.kind is ItemKind.VERB:
            break
        if it.kind is ItemKind.OBJECT and it.payload.form == "names":
            names.update(it.payload.names)
    return frozenset(names)


def _one_event(seg: Segment) -> bool:
    """An anchor on one piece of work ("once the digging is done"), not several ("once both diggings are done",
    "when all the digging is over")."""
    return not any(it.kind is ItemKind.EVENT and it.text.endswith("s") for it in seg.items) \
        and not any(w in ("both", "all", "every", "each") for it in seg.items for w in it.text.lower().split())


def _goes_home(items: Sequence[Item]) -> bool:
    """Whether a clause of a move says it goes back to the start: "back" or the start, and no object."""
    return not any(it.kind is ItemKind.OBJECT for it in items) and any(
        it.kind is ItemKind.PLACE or (it.kind is ItemKind.MARK and it.text == "back") for it in items)


def _pronoun_only_anchor(seg: Segment, pronoun: str, lex: Lexicon) -> bool:
    """An anchor whose only robot words are the pronoun ``pronoun``: "it", as often as it is said ("... as
    soon as it is loaded"), or "they" said once in an anchor that says nothing of them together ("... dig as
    soon as they arrive"; "once they are both loaded" names a second robot word, "both")."""
    robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
    if not robots or not all(it.payload.form == "pronoun" and it.payload.pronoun == pronoun for it in robots):
        return False
    if pronoun == "it":
        return True
    return len(robots) == 1 and not any(
        it.text in lex.together_words for it in seg.items if it.kind in (ItemKind.WORD, ItemKind.MARK))


def _unsaid_there(it: Item) -> bool:
    """The "there" that a "where" clause puts after its loaded robot (asides.place_relatives: ", where excavator 1
    loads truck 2 [there] first and truck 1 after it"), with no words of its own."""
    return it.kind is ItemKind.OBJECT and it.payload.form == "pronoun" and it.payload.pronoun == "there" \
        and not it.text and it.start == it.end


def _loaded_robot_before(items: Sequence[Item], k: int) -> bool:
    """A robot right before ``k``, or right before the unsaid "there" after it: there, the "first" still orders
    the trucks of the loading. Taken for no truck's, it ordered nothing, and truck 1's loading was dropped without
    a word."""
    j = k - 1 if k > 1 and _unsaid_there(items[k - 1]) else k
    return items[j - 1].kind is ItemKind.ROBOT


def _loading_order_firsts(seg: Segment, following: list[Segment]) -> frozenset[int]:
    """Ids of the "first" marks in ``seg`` that order the trucks of a loading, not the clause.

    "loads truck 1 first and truck 2 after that", "loads truck 2 first, then truck 1": the
    "first" stands right after a truck the loading verb names, and another truck follows (in
    the clause or in a verbless "then truck 1" right after it). Such a "first" lists targets
    in order; read as "but first ..." it would hoist the whole clause, digging included,
    before the step said ahead of it.
    """
    out: set[int] = set()
    loading = False
    items = seg.items
    for k, it in enumerate(items):
        if it.kind is ItemKind.VERB:
            loading = it.payload.target == "unload_bucket" and it.payload.role == "verb"
            continue
        if not (loading and k and it.kind is ItemKind.CONNECTIVE and it.payload == "first"
                and _loaded_robot_before(items, k)):
            continue
        more_here = any(x.kind is ItemKind.ROBOT for x in items[k + 1:])
        nxt = following[0] if following else None
        more_next = nxt is not None and nxt.connective == "sequence" and not nxt.has(ItemKind.VERB) \
            and nxt.has(ItemKind.ROBOT)
        if more_here or more_next:
            out.add(id(it))
    return frozenset(out)


def _blocks_something(items: Sequence[Item], k: int) -> bool:
    """Item ``k`` (marks left out) is a keep-out verb said of a thing with no place after it ("the rock may *block*
    the road", "it *blocks* the trucks"): what the thing does, no keep-out asked for."""
    if not 0 < k < len(items) - 1 or items[k].kind is not ItemKind.VERB \
            or items[k].payload.target not in KEEPOUT_ACTIONS:
        return False
    before, after = items[k - 1], items[k + 1:]
    thing = before.kind is ItemKind.OBJECT or _it_pronoun(before) or (
        before.kind is ItemKind.WORD and before.text not in ("to", "and", "or", "please", "then"))
    return thing and after[0].kind in (ItemKind.WORD, ItemKind.ROBOT) \
        and not any(it.kind in (ItemKind.OBJECT, ItemKind.PLACE, ItemKind.VERB) for it in after)


def _unknown_verb_purpose(own: Sequence[Item]) -> bool:
    """"To clear puddle 1, truck 2 ...": after the lead a word the lexicon has no verb for, then the place it
    acts on; still a purpose said first (a lead right before a place, "to soil 1", is a destination)."""
    words = [k for k, it in enumerate(own) if it.kind is ItemKind.WORD]
    return len(own) >= 2 and bool(words) and any(it.kind is ItemKind.OBJECT for it in own[words[0] + 1:]) \
        and not any(it.kind is ItemKind.ROBOT for it in own)


def _has_verb(seg: Segment) -> bool:
    """The clause says a verb of its own (not a robot alone that goes on with the verb before it)."""
    return any(it.kind is ItemKind.VERB for it in seg.items)


def _digs_only(items: Sequence[Item]) -> bool:
    """The clause's verbs name a digging and no loading ("once it has finished digging")."""
    targets = {it.payload.target for it in items if it.kind is ItemKind.VERB}
    return "dig" in targets and "unload_bucket" not in targets


def _it_pronoun(it: Item) -> bool:
    """The robot pronoun "it", which may as well stand for a place or a thing."""
    return it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun == "it"


def _but_first(items: Sequence[Item], but_words: Collection[str], listed: Collection[int]) -> bool:
    """The clause opens with "but" (``but_words``) and a "first" connective ("..., but first all robots go to rock
    1", "..., but before that truck 2 checks obstacle 1"): it comes before the clause said before it, whoever does
    it. Read in order (or side by side, for other robots), the step said to come first came after."""
    return len(items) >= 2 and items[0].kind is ItemKind.WORD and items[0].text.lower() in but_words \
        and items[1].kind is ItemKind.CONNECTIVE and items[1].payload == "first" and id(items[1]) not in listed


def _before_skip(items: Sequence[Item]) -> list[Item]:
    """A clause's items up to a purpose-skip mark ("so that ...", "so we can ..."), which says why, not who."""
    for k, it in enumerate(items):
        if it.kind is ItemKind.MARK and it.payload == "skip":
            return list(items[:k])
    return list(items)


def _opens_clause(items: Sequence[Item]) -> bool:
    """The clause has its own subject and verb: "[and] each truck dumps ...", "[and] truck 3 goes home",
    "[and] each hauls ...", or a state said of the subject ("[and as soon as] each truck is full"), which is read
    as the event it names."""
    k = 1 if items and items[0].kind is ItemKind.WORD and items[0].text == "and" else 0
    # "[and] each takes its load ...": a bare "each" is a subject too
    return len(items) > k + 1 and (items[k].kind is ItemKind.ROBOT or (
        items[k].kind is ItemKind.MARK and items[k].payload == "each" and items[k].text == "each")) \
        and any(it.kind in (ItemKind.VERB, ItemKind.EVENT) for it in items)


def _joined_robotless_clause(items: Sequence[Item]) -> bool:
    """"[..., truck 2 first,] *and the keep-out on puddle 1 is lifted for truck 3*": a clause joined by "and" that
    opens with no robot but has a verb of its own (a keep-out said of its place) ends a verbless run of loaded robots
    too. Not read so, the run's last truck ("then the other truck") was dropped with no word, one loading short."""
    return len(items) > 2 and items[0].kind is ItemKind.WORD and items[0].text == "and" \
        and items[1].kind is not ItemKind.ROBOT and any(it.kind is ItemKind.VERB for it in items)


def _own_loadings_only(steps: set[int], loads: set[int], own: set[int]) -> set[int]:
    """``steps`` with its loadings (``loads``) cut down to the subject's own (``own``), when it has some of its own
    among several; else ``steps`` as they are."""
    return (set(steps) - loads) | own if own and own != loads else set(steps)


def _hauls(seg: Segment) -> bool:
    """A clause that dumps or carries its load somewhere: what a truck does with a load it was given."""
    return any(it.kind is ItemKind.VERB
               and (it.payload.target in ("dump", "DumpUnloading") or it.payload.role == "carry") for it in seg.items)


def _place_named_before(items: Sequence[Item], k: int) -> str | None:
    """The one place named last in the clause before ``k`` ("dump truck 2 drives to rock 2 to be loaded by the
    excavator there": rock 2): "there" points to it, not to a place of the clauses before (the "where" clause of
    the truck before, at soil 1)."""
    for it in reversed(items[:k]):
        if it.kind is ItemKind.OBJECT and it.payload.form == "names":
            return it.payload.names[0] if len(it.payload.names) == 1 else None
    return None


def _placeable(d: RobotDesc) -> bool:
    """A subject a place after it can narrow: a robot type ("the trucks at soil 1"), the fleet ("everyone at soil
    1", "the robots there") or "they" ("the crew at soil 1"), never a negated one ("nobody at soil 1")."""
    return d.form == "type" or (d.form == "fleet" and not d.negated) or (d.form == "pronoun" and d.pronoun == "they")


_FLEET_KEY = "<fleet>"  # the whole fleet, among the robot keys of a move with no place (Interpreter.vague)


def _same_robot(m: Member, said: Member) -> bool:
    """Whether ``m`` is the robot ``said``, or one of its type when ``said`` is a group ("trucks never dump ...")."""
    return m.key == said.key or (said.robot_id is None and m.rtype == said.rtype)


def _other_type(subject: Sequence[Item]) -> str:
    """The robot type of a subject said only as "the other <type>s" (no number), or ""."""
    said = {it.payload.rtype for it in subject if it.kind is ItemKind.ROBOT and it.payload.form == "type"
            and it.payload.det == "other" and it.payload.plural and not it.payload.count}
    return said.pop() if len(said) == 1 and len(subject) == 1 else ""


def _work_targets(items: Sequence[Item]) -> set[str]:
    """The actions of the work verbs of ``items`` (a passive loading is the loading; keep-outs left out)."""
    return {_work_target(it) for it in items if it.kind is ItemKind.VERB and it.payload.target not in KEEPOUT_ACTIONS}


def _work_target(verb: Item) -> str:
    """The action of one verb (a passive loading is the loading)."""
    return "unload_bucket" if verb.payload.role == "passive_load" else str(verb.payload.target)


def _lead(items: Sequence[Item]) -> Item | None:
    """The first item that is not a marker or a connective (what a sentence opens with)."""
    return next((it for it in items if it.kind not in (ItemKind.MARK, ItemKind.CONNECTIVE)), None)


def _other_than(keys: frozenset[str]) -> Callable[[Member], bool]:
    """A test for robots not among ``keys``."""
    return lambda m: m.key not in keys


def _negated_place_only(seg: Segment) -> bool:
    """A clause of a negation and named places only, no robot or verb ("but not to puddle 2"): a keep-out
    of the robots before it, not a step of its own."""
    return seg.role is SegmentRole.MAIN and not seg.has(ItemKind.ROBOT) and not seg.has(ItemKind.VERB) \
        and seg.has(ItemKind.OBJECT) and "neg" in seg.marks()


def _unwanted_near_it(seg: Segment, leading: Sequence[Item]) -> bool:
    """"I don't want any truck near it", "nobody near it": a negated verbless clause of robots and the place "it"
    (or "them") that fold_keepout_pronouns read as the place named before: a keep-out, as with the place said by
    name. Dropped as a clause that names no place, the keep-out was silently lost."""
    negated = "neg" in seg.marks() or any(it.kind is ItemKind.ROBOT and it.payload.negated for it in seg.items)
    return seg.has(ItemKind.ROBOT) and negated and any(
        it.kind is ItemKind.OBJECT and it.payload.form == "pronoun" and it.payload.pronoun in ("it", "them")
        for it in leading)


def _before_any(seg: Segment, nxt: Segment, lex: Lexicon) -> str | None:
    """The action of "before any loading" / "before the loadings" cut off as a clause of its own
    right after ``seg`` in its sentence (only a quantifier and the deed, no robot, no place; "takes place" after
    them, an ignored idiom, adds nothing)."""
    said = [it for it in nxt.items if not (it.kind is ItemKind.MARK and it.payload == "ignored")]
    if nxt.sentence != seg.sentence or nxt.connective_text not in lex.before_any_connectives \
            or seg.role is not SegmentRole.MAIN or not seg.has(ItemKind.VERB) or len(said) != 2:
        return None
    word, deed = said
    if not (word.kind is ItemKind.WORD and word.text in lex.before_any_quantifiers):
        return None
    if deed.kind is ItemKind.VERB and deed.text.endswith(("ing", "ings")):
        return deed.payload.target
    if deed.kind is ItemKind.EVENT and deed.payload.action not in ("any", ""):
        return deed.payload.action
    return None


def _finished_only(seg: Segment) -> bool:
    """The anchor says only that its robots are finished ("when they finish", "once truck 1 is done", "when both
    finish dig"): a word of completion (an event of any action), no place, and no step but the one finished."""
    return not seg.post_anchor and any(it.kind is ItemKind.EVENT and it.payload.action == "any" for it in seg.items) \
        and all(it.kind in (ItemKind.ROBOT, ItemKind.WORD, ItemKind.EVENT, ItemKind.VERB) for it in seg.items)


def _gapped_conjunct(seg: Segment, nxt: Sequence[Segment]) -> bool:
    """``nxt`` is a verbless conjunct of ``seg`` (a robot and a place, the verb left out) and then an
    anchor said after both, all in one sentence; ``seg`` opens with its robot (not an imperative "send
    X ..., and Y ... once ...", which may time Y alone) and does not do what the anchor waits for."""
    if len(nxt) < 2 or seg.role is not SegmentRole.MAIN or not seg.has(ItemKind.VERB):
        return False
    conj, post = nxt[0], nxt[1]
    head = next((it for it in seg.items if not (it.kind is ItemKind.WORD and it.text in ("and", "then"))), None)
    if head is None or head.kind is not ItemKind.ROBOT:
        return False  # "send two excavators to soil 1 to dig, and two trucks to soil 1 once ...": only the trucks
    own = {it.payload.target for it in seg.items if it.kind is ItemKind.VERB}
    if any(it.kind is ItemKind.EVENT and it.payload.action in own for it in post.items):
        return False  # a conjunct does not wait for its own deed
    return conj.role is SegmentRole.MAIN and conj.sentence == seg.sentence == post.sentence \
        and post.post_anchor and not conj.has(ItemKind.VERB) and conj.has(ItemKind.ROBOT) \
        and conj.has(ItemKind.OBJECT) and conj.connective is None and not conj.has(ItemKind.CONNECTIVE)


def _the_one_at(r: Item, w: Item, o: Item, restrict: dict[int, str]) -> str | None:
    """The place of "the <type> at <place>" (one robot said by its type, then "at" and one named place), or None."""
    if r.kind is ItemKind.ROBOT and r.payload.form == "type" and r.payload.det == "the" and not r.payload.plural \
            and id(r) not in restrict and w.kind is ItemKind.WORD and w.text == "at" \
            and o.kind is ItemKind.OBJECT and o.payload.form == "names" and len(o.payload.names) == 1:
        return str(o.payload.names[0])
    return None


class Interpreter:
    """Reads segments into a :class:`PlanBuilder`; collects problems in ``errors``."""

    def __init__(self, fleet: Fleet, world: World, lex: Lexicon, site: SiteIndex, words: Sequence[str]):
        self.fleet = fleet
        self.world = world
        self.lex = lex
        self.site = site
        self.words = words
        self.b = PlanBuilder()
        self.b.type_robots = site.robots_by_type
        self.repeats = RepeatReader(self)
        self.last_repeat: tuple[int, Item] | None = None  # the sentence and mark of the latest "does the same"
        self.pairing = PairReader(self)
        self.res = MentionResolver(fleet, site)
        self.b.taken_from = self.res.taken_from
        self.errors: list[str] = []
        self.forward: list[tuple[Segment, list[Segment]]] = []
        self.forward_subjects: dict[int, tuple[tuple[Member, ...] | None, bool] | None] = {}
        """Clauses waiting for an event said only later, with that anchor."""
        self.later_all: list[Segment] = []
        self.resolved_items: dict[int, tuple[Member, ...]] = {}
        """Robot items already resolved in the clause being read (a second reading may differ)."""
        self.vague: list[tuple[list[str], tuple[str, ...], int, int]] = []
        """Moves whose place was left open: (their errors, robots, drafts then, sentence)."""
        self.firm_errors: set[str] = set()
        """Errors a later move to a named place does not excuse ("goes to the rock": which rock? A later "breaks it
        up" sent the robot to the place named before, as if "the rock" were it)."""
        self.current_sentence = 0
        self.draft_sentence: dict[int, int] = {}
        #: "Before the diggers come in, <a wish>.": the arriving robots, the first draft after it, and its sentence
        self.arrival_pending: tuple[tuple[set[str], set[str]], int, int] | None = None
        self.step_starts: list[tuple[int, int]] = []
        """(list item number, first draft index) per numbered item, in the order read."""
        self.step_anchored = False
        self.used: set[int] = set()
        self.location: dict[str, str] = {}
        #: where robots were said to stand already ("excavator 2 is at soil 1"): a goal's place they serve
        self.stood: set[str] = set()
        #: the goal sentences read as remarks, each checked against the plan (:mod:`.goals`)
        self.goals: list[Goal] = []
        self.goal_sentences: set[int] = set()
        #: negated work orders ("excavator 1 does not dig at rock 2") with no time word, each with its refusal and
        #: the robots it was said of (None: no robot): refused at the end only when those robots have no other order
        self.negated_work: list[tuple[str, tuple[Member, ...]]] = []
        self.dig_gates: list[tuple[DigGate, list[str]]] = []  # "nobody digs until truck 2 has checked puddle 1"
        self.unmatched_digs: list[str] = []
        """Anchors that wait for a digging when none was said ("... loaded by excavator 1 once the digging is
        done"): refused at the end when the plan has no digging at all."""
        self.fleet_location: str | None = None
        self.loaded: dict[str, bool] = {}
        self.pending_dump: dict[str, Member] = {}
        #: the rest of a carry from a place whose load is dug (and loaded) only in a later clause: its robots, places
        #: left, verb and whether it named its cargo, made once the truck is loaded (see ``_load_comes_later``)
        self.onward: list[tuple[tuple[Member, ...], list[str], VerbHit, bool]] = []
        self.cargo_hauled: set[str] = set()  # robots of the carry being read, when it names its cargo
        self.last_place: str | None = None
        self.clause_places: tuple[str, ...] = ()
        """Named places of the clause whose own anchor is being read ("its rock" there is one of them)."""
        self.host_places: tuple[str, ...] = ()
        """The same, kept while the anchor's own clause is read ("... until excavator 1 has checked both": the deed
        the anchor orders points back to its host's places)."""
        self.obj_history: list[str] = []
        #: each place mention resolved, by its tokens: "them" is the places of the last list ("puddle 1 and puddle 2")
        self.obj_spans: list[tuple[int, int, tuple[str, ...]]] = []
        #: the places each sentence named, in order: a keep-out that names none is about the one just named
        self.sentence_places: dict[int, list[str]] = {}
        self.last_keepout: tuple[str, ...] = ()
        #: robots of a clause picked out by their place ("the excavator there"), by item id (locative_subjects)
        self.place_restrict: dict[int, str] = {}
        self.where_robots: set[int] = set()
        #: (sentence, robots) of the clause a place relative was said about (", where excavator 1 loads it")
        self.where_host: tuple[int, tuple[Member, ...]] | None = None
        """The robot item of a place relative (", where the other excavator loads it") picked by its place."""
        self.which_host: Clause | None = None
        """The clause a "which" relative of its sentence hangs on ("loads truck 2, which then ...")."""
        self.which_conjunct = False
        """The clause being read is a verbless conjunct of :attr:`which_host` ("..., and truck 3, which ...")."""
        #: the anchor being read is "after loading the truck": the loader's step, not the truck's own (anchor)
        self.loader_deed = False
        #: (sentence, tasks) of a robotless anchor read as the subject's own ("after its routine"), for conjuncts
        self.own_anchor: tuple[int, frozenset[int]] | None = None
        # per object, the robots its latest keep-out was put up for (None: the whole fleet); a lifting that
        # names no robot of its own lifts it for them ("... lift the keep-out on puddle 1")
        self.closed_for: dict[str, tuple[Member, ...] | None] = {}
        #: the clause names a place by a definite place noun ("the area"): a keep-out with no object means the scene
        self.scene_named = False
        #: sentences opened by "then" / "after that": clauses listed after it with bare commas come after too
        self.then_opened: set[int] = set()
        self.parallel_from: tuple[int, int] | None = None
        """The sentence and first draft of the latest clause opened mid-sentence by "meanwhile" / ", while": the
        line of work a later "then" in that sentence goes on from."""
        self.named_subject = True  # the clause being acted on named its robots itself
        # its robots were all named before its first verb ("excavator 2 and truck 1 dig at soil 1"), not gathered
        # from after it ("excavator 1 digs at soil 1 and truck 1 after the digging drives ...": the truck's own clause)
        self.subject_fronted = False
        self.companions: dict[str, str] = {}
        """Robots named by number after the verb after a word of company ("digs at soil 1 *with truck 2*"), with
        the words that said them."""
        self.others_subject = False  # ... and named them only as "the other robots"
        self.other_type_subject = ""  # ... or only as "the other <type>s": that type
        #: the places kept out of by "the other <type>s", with that type ("the other trucks keep away from puddle 2")
        self.closed_by_others: dict[str, str] = {}
        self.pronoun_subject = False  # ... or only by a pronoun ("them")
        self.type_subject = False  # ... or only as "the <type>s"
        self.prev: Clause | None = None
        self.vocative: tuple[tuple[Member, ...] | None, bool] | None = None
        self.mains = 0
        self.sentence_subjects: dict[int, list[Member]] = {}
        self.last_allow: dict[str, int] = {}
        self.place_before: str | None = None
        self.clause_place: str | None = None
        """Where an earlier verb of the clause being read sent its robots ("goes to obstacle 2 to check it")."""
        self.current_subject: tuple[Member, ...] | None = None
        self.deferred: list[tuple[list[Member], list[Member], set[int], str, bool]] = []
        self.left_for: set[str] = set()
        """The places the anchor being read says a robot left for ("once it has left *for soil 1*")."""
        self.departed: dict[int, list[int]] = {}
        """A deferred loading's id -> the moves that took its trucks elsewhere first, from the start (no task brought
        them to the site, so they stood there: the loading comes before those moves, rule 12); one move per truck
        when the clause was said of each ("each truck then heads to rock 2")."""
        # loadings said "respectively" (one excavator, one truck each): the deferred entry's id -> its pairing, and
        # each pairing's drafts so far, kept apart from each other (rule 6) whenever they are made
        self.apart_entries: dict[int, int] = {}
        self.apart_made: dict[int, list[Draft]] = {}
        self.post_entry: set[int] = set()
        self.pairs: dict[str, list[Member]] = {}
        """Robots paired with a robot ("truck 1 serves excavator 1"), both ways."""
        self.split_into: dict[str, tuple[Member, ...]] = {}
        """A group sent to several places "respectively" -> the groups of one it became, one per place."""
        self.until_found: tuple[int, set[int]] | None = None
        self.things_said: list[tuple[int, frozenset[int]]] = []
        """The things said so far, in order, with their sentence: each anchor's tasks, and each clause's robots'
        latest tasks after it (what "both have happened" means)."""
        self.anchor_depth = 0
        self.until_keepouts: list[tuple[int, frozenset[int]]] = []
        """Keep-outs said "until X" (their drafts) with the tasks of X: a later move there waits for their end."""
        self.until_later: tuple[int, frozenset[str], frozenset[str]] | None = None
        """An "until X" whose X a later sentence orders: its sentence, the robots of X and their actions."""
        self.until_pending: list[tuple[int, int, frozenset[str], frozenset[str], frozenset[str]]] = []
        """Keep-outs "until X" with X ordered later: draft, sentence, robots and actions of X (found at the end)."""
        self.stay_said: tuple[int, frozenset[str], frozenset[str], frozenset[str], str] | None = None
        """The "until X" just read whose X a later sentence orders: its sentence, X's robots, actions, places, words."""
        self.stay_waits: list[StayWait] = []
        """Robots that stay where they are until such an X: their next step waits for it (rules/staywaits)."""
        self.destination: dict[str, str] = {}
        """Where a summary sentence says a robot's load goes."""
        self.last_partners: list[Member] = []
        self.last_made: set[int] = set()
        """What the latest main clause made ("once that is done" waits for it)."""
        self.anchor_hint: tuple[Member, ...] = ()
        self.anchor_goals: frozenset[str] = frozenset()
        """Places the clause after a leading anchor sends its robots to ("once the digging is done, both trucks
        drive to *soil 2*"), read ahead: that clause is read after its anchor."""
        """The robot named right after a participle anchor that opens a sentence (its doer)."""
        self.anchor_possessive = False
        """The latest anchor said whose event it is with "its" / "their" ("after their inspection")."""
        self.anchor_gerund = False
        """The latest anchor opens with a bare gerund ("after digging"): the doer's own deed."""
        self.anchor_joint = False
        """The latest anchor joined the steps it named with "both" / "all" (the lexicon's ``anchor_joint_words``)."""
        self.anchor_joins_robots = False
        """The latest anchor waits for "both" / "all" of the robots or steps it names ("once both trucks are full"),
        until the clause after it has read it."""
        self.reduced_pre: set[int] = set()
        """What the latest robotless anchor ("after reaching obstacle 1, ...") made its clause wait for."""
        self.passive_pre = False
        """The clause's anchor is a robotless passive ("after being loaded"): its pronoun is the loaded robot."""
        self.own_member: Member | None = None
        """The member a distributive step is being made for ("each truck ... its excavator's site")."""
        self.anchor_by_pronoun = False
        self.followed: list[Item] = []
        """Robots a follow verb names in the clause being read."""
        self.followed_members: list[Member] = []
        """The robots those mentions resolved to, in order."""
        self.ordered_objects = False
        #: the items of the clause being read
        self.clause_items: Sequence[Item] = ()
        #: the trucks a loading in turn starts with ("loads them one after the other, truck 3 first")
        self.first_loaded: frozenset[str] = frozenset()
        self.order_tails: set[int] = set()
        self.served_pool: set[int] = set()
        self.served_sentence = -1
        """The clause whose work the last "then" clause's robots went on from (they were its partners)."""
        """Ids of verbless clauses that finish a loading order ("..., truck 2 first and then truck 1")."""
        """The clause orders its objects ("loads truck 1 first and truck 2 after that")."""
        self.robotless_anchor = False
        """The anchor just read named no robot ("after being loaded")."""
        self.clause_goals: set[str] = set()
        """Places the clause being read moves its robots to, named outright ("truck 3 is sent to *rock 2* ...")."""
        self.each_anchor: tuple[Member, ...] = ()
        """Robots of a distributive anchor just read ("when each truck gets there, it dumps")."""
        self.anchor_robots: tuple[Member, ...] = ()
        """Robots the anchor being read names as doers (its conjuncts' together)."""
        self.finished_doers: tuple[int, tuple[Member, ...]] | None = None
        """The sentence and robots of a leading anchor that only says they are finished ("when they finish, ...")."""
        self.fronted_doers: tuple[int, tuple[Member, ...]] | None = None
        """The sentence and robots of the leading anchor read last ("when both trucks are full, each of them ...")."""
        self.it_means: tuple[Member, ...] = ()
        """What "it" in an anchor stands for while a plural clause is distributed over it ("every
        truck leaves as soon as it is loaded": each truck)."""
        self.relative: frozenset[str] = frozenset()
        #: the clause read now is a relative one of what its robot did meanwhile (:meth:`_meantime_relative`)
        self.meantime = False
        """Robots whose relative clause is being read ("..., which arrives after ...")."""
        self.later: list[Segment] = []
        """The sentences after the one being read."""
        self.following: list[Segment] = []
        """The clauses after the one being read, in the same sentence."""
        self.shared_anchor = False
        """The clause being read shares the leading anchor of the one before it."""
        self.anchor_host: Segment | None = None
        """The clause whose timing is being read (its robots may do what an anchor after it says)."""
        self.joined = False
        """The clause being read waits for a join ("finally", "once both ..."): its robots share one step (rule 9)."""

    # -- helpers -----------------------------------------------------------------------------
    def use(self, item: Item) -> None:
        self.used.update(range(item.start, item.end))

    def loc(self, m: Member) -> str | None:
        if m.key not in self.location and m.key in self.res.part_of:
            # "one of them" stands where the robots it was taken from stand, when they stand together
            spots = {self.location.get(k, self.fleet_location) for k in self.res.part_of[m.key]}
            if len(spots) == 1:
                return spots.pop()
        if m.key not in self.location and not m.is_group:
            whole = self._whole_group(m)
            if whole is not None and whole.key in self.location:
                return self.location[whole.key]  # "every truck goes to obstacle 1. Truck 2 dumps there"
        return self.location.get(m.key, self.fleet_location)

    def _whole_group(self, m: Member) -> Member | None:
        """The group of every robot of ``m``'s type whose step is still ``m``'s last one: ``m`` went with it."""
        step = self.b.whole_step(m)
        if step is None or self.b.chain(m) != step:
            return None
        return next((x for x in self.b.drafts[step].members if self.b.whole_of_type(x, m.rtype)), None)

    def word_before(self, item: Item) -> str:
        return self.words[item.start - 1] if item.start > 0 else ""

    def _keepout_reference(self, pronoun: str) -> bool:
        """"that keep-out", "that restriction": the zone of the latest keep-out, not the place named last."""
        words = " " + " ".join(tokenize_phrase(pronoun)) + " "
        return any(f" {w} " in words for w in self.lex.keepout_reference_nouns)

    def resolve_objects(self, item: Item, cargo_ok: bool = False) -> list[str]:
        d: ObjectDesc = item.payload
        if d.form == "names":
            names = list(d.names)
        elif d.form == "robot_place":
            names = self.pairing.robot_place(item)
            if not names:
                return []
        elif d.form == "pronoun":
            p = d.pronoun
            if self._keepout_reference(p):
                names = list(self.last_keepout)
            elif p == "them" or p in self.lex.place_list_pronouns:
                # "... keep away from soil 1 and soil 2 until excavator 1 has inspected both": the condition is read
                # before its clause, whose places are the list it points back to
                names = self._last_listed() or (list(self.host_places) if len(self.host_places) > 1 else [])
                if not names:  # read as "it", it was the last place alone
                    self.errors.append(f"which places does {item.text!r} mean? (no list of places was said just "
                                       f"before: name them)")
                    return []
            elif p in ("it", "that"):
                names = self.obj_history[-1:]
            else:
                if self.last_place is None:
                    return []
                return [self.last_place]
            if not names:
                return []
        else:
            if d.det == "bare" and item.text in self.lex.cargo and item.end < len(self.words) \
                    and self.words[item.end] in ("from", "out"):
                return []  # "move soil from soil 1 to rock 2": the cargo, not a place
            pool = self.site.objects_by_kind.get(d.kind, ())
            if d.det in ("both", "all") or d.plural:
                want = 2 if d.det == "both" else len(pool)
                recent = [o for o in reversed(self.obj_history) if o in pool]
                recent = list(dict.fromkeys(recent))
                names = list(pool) if len(pool) <= want else recent[:want][::-1]
            elif len(pool) == 1:
                names = [pool[0]]
            elif d.det == "own" and len(own := [o for o in self.clause_places if o in pool]) == 1:
                names = own
            elif d.det == "own" and (own_places := self._own_places(pool)) is not None:
                # "then each of them drives to its soil pile": each robot's own is the last place of that kind
                # its steps went to; when the robots' own places differ, which one is meant cannot be told here
                # (the latest one named sent every robot to it)
                if len(own_places) > 1:
                    self.errors.append(f"{item.text!r} is ambiguous: which {d.kind} is each robot's? "
                                       f"(known: {', '.join(own_places)}; name it)")
                    return []
                names = own_places
            elif d.det == "the" and (kept := [o for o in self.last_keepout if o in pool]) \
                    and self.lex.keepout_noun_index.match(self.words, item.end) is not None:
                names = kept  # "the puddle keep-out" after "keep out of puddle 1 and puddle 2": both puddles
            elif d.det == "the" and len(own := [o for o in self.clause_places if o in pool]) == 1:
                # "truck 2 drives to rock 2 once that rock is broken up": the anchor is read before its clause, but
                # the rock said last is the clause's, not one an earlier sentence named
                names = own
            else:
                recent = [o for o in reversed(self.obj_history) if o in pool]
                if not recent:
                    if cargo_ok and self.word_before(item) not in self.lex.place_only_prepositions:
                        return []  # "hauls the soil": a load; "goes to the rock" / "digs at the soil" is a place
                    have = ", ".join(pool)
                    self.errors.append(f"{item.text!r} is ambiguous: which {d.kind}? (known: {have})")
                    self.firm_errors.add(self.errors[-1])
                    return []
                names = [recent[0]]
        for n in names:
            self.obj_history.append(n)
            self.sentence_places.setdefault(self.current_sentence, []).append(n)
        if names:
            self.last_place = names[-1]
            if d.form != "pronoun":
                self.obj_spans.append((item.start, item.end, tuple(names)))
        return names

    def _every_of_kind(self, seg: Segment) -> tuple[str, ...]:
        """The places a clause names as every one of their kind ("both puddles", "the rocks")."""
        return tuple(n for it in seg.items if it.kind is ItemKind.OBJECT and it.payload.form == "kind"
                     and (it.payload.det in ("both", "all") or it.payload.plural)
                     for n in self.site.objects_by_kind.get(it.payload.kind, ()))

    def _last_listed(self) -> list[str]:
        """The places of the last list of place mentions ("checks puddle 1 and puddle 2", "puddle 1, puddle 2"), which
        a later "them" stands for (read as "it", it was the last of them alone); empty when it named fewer than two."""
        if not self.obj_spans:
            return []
        lo, _, names = self.obj_spans[-1]
        out = list(names)
        for start, end, more in reversed(self.obj_spans[:-1]):
            if end > lo or not all(w in self.lex.thing_list_joins for w in self.words[end:lo]):
                break
            out = [*more, *out]
            lo = start
        out = list(dict.fromkeys(out))
        return out if len(out) > 1 else []

    def _own_places(self, pool: Sequence[str]) -> list[str] | None:
        """The places of ``pool`` that the clause's robots last went to, one per distinct place (None when
        none of them has been to such a place: then "its <kind>" is the latest one named)."""
        subject = self.current_subject or ()
        places: list[str] = []
        for m in subject:
            last = next((o for dr in reversed(self.b.drafts)
                         if dr.alive and any(x.key == m.key for x in dr.members)
                         for o in reversed(dr.objects) if o in pool), None)
            if last is None:
                return None
            if last not in places:
                places.append(last)
        return places or None

    # -- robots ----------------------------------------------------------------------------------
    def resolve_robots(self, item: Item, partner_type: str | None = None) -> tuple[Member, ...] | None:
        d: RobotDesc = item.payload
        if d.form == "partner":
            return self.pairing.partner_of(d, item)
        if d.form == "deed":
            try:
                return self._deed_doers(item)
            except ResolutionError as exc:
                self.errors.append(str(exc))
                return ()
        if d.form == "type" and d.det == "own" and partner_type is None:
            # "its truck comes to soil 1" (the subject): the truck paired with the robot just named
            base = self.current_subject or self.res.last_subject()
            found = tuple(dict.fromkeys(p for m in base or () for p in self.pairs.get(m.key, ()) if p.rtype == d.rtype))
            # ("the truck that came with them": the truck of their trip, when no pairing was said)
            found = found or tuple(dict.fromkeys(p for m in base or () if m.rtype != d.rtype
                                                 for p in self.came_with(m, d.rtype)))
            if found:
                return found
        if d.form == "pronoun" and d.pronoun in ("they", "3") and partner_type is None and self.prev is not None \
                and self.prev.fleet and self.prev.explicit and self.current_sentence - 1 <= self.prev.sentence:
            # "every robot goes to rock 1, then they all return": the whole fleet again; so in the next sentence
            # ("Everyone goes to puddle 2. Then they inspect it.", once refused: "'they' does not refer to any robot")
            return None
        if d.form == "pronoun" and d.pronoun == "they" and not self.res.history \
                and item.text.lower() in self.lex.fleet_default_pronouns:
            return None  # "The machines go to soil 1.": with no robot named before, the whole fleet
        if d.form == "pronoun" and d.pronoun == "you" and self.res.addressee:
            return self.res.addressee  # "it loads you": the robot spoken to, whatever the verb needs
        if d.form == "pronoun" and d.pronoun == "both" and _size(self.res.addressee) > 1 \
                and item.text.lower() in self.lex.addressed_pair_pronouns:
            # "Excavators 1 and 2, ... truck 3 drives to soil 1 and you both fill it": the robots spoken to together
            # (not after robots spoken to one at a time: "Truck 1: ... Truck 2: ... Once both of you are done")
            return self.res.addressee
        if d.form == "type" and d.det in ("the", "bare") and d.plural \
                and item.text.split()[-1] in self.lex.digger_nouns:
            diggers = self._latest_diggers(d.rtype)
            if diggers:
                return diggers
        try:
            if partner_type and d.form == "pronoun":
                found = self.res.last_of_type(partner_type, d.pronoun != "it")
                several = _size(self.res.latest_of_type(partner_type))
                if d.pronoun == "it" and several > 1:
                    # "trucks 1 and 2 go to soil 1. Excavator 1 loads it": either truck; never one picked unsaid
                    raise ResolutionError(f"{item.text!r} could be any of the {several} "
                                          f"{partner_type.replace('_', ' ')}s named last: say which")
                want = 2 if d.pronoun == "both" else int(d.pronoun) if d.pronoun.isdigit() else 0
                if want and sum(m.count for m in found) != want:
                    # "a pair of trucks ... another truck ... loads the pair": the group of that many
                    exact = [m for m in found if m.count == want]
                    if len(exact) == 1:
                        return (exact[0],)
                if found:
                    return found
            return self.res.resolve(d)
        except ResolutionError as exc:
            self.errors.append(str(exc))
            return ()

    def _deed_doers(self, item: Item) -> tuple[Member, ...]:
        """The robots of "the robots that dug" / "everyone who worked": those that did it in the steps planned so
        far, named ones in fleet order (rule 5: a set the text fully determines); refused, naming the words, when
        no robot did it or a count said with it does not match."""
        d: RobotDesc = item.payload
        found: dict[str, Member] = {}
        for dr in self.b.drafts:
            if dr.alive and dr.action not in KEEPOUT_ACTIONS and self._deed_done(dr, d):
                for m in self._deed_members(dr, d):
                    if not d.rtype or m.rtype == d.rtype:
                        found.setdefault(m.key, m)
        for m in self._deferred_deed_members(d):
            if not d.rtype or m.rtype == d.rtype:
                found.setdefault(m.key, m)
        order = {r: n for n, r in enumerate(self.fleet.robot_ids)}
        if d.deed_negated:
            found = self._deed_others(item, found)
        doers = tuple(sorted(found.values(), key=lambda m: order.get(m.robot_id or "", len(order))))
        if not doers and d.deed_negated:
            raise ResolutionError(f"every robot did what {item.text!r} says they did not")
        if not doers:
            raise ResolutionError(f"no robot did what {item.text!r} says before it")
        if d.count and _size(doers) != d.count:
            raise ResolutionError(f"{item.text!r}: {_size(doers)} robots did that before it, not {d.count}")
        return doers

    def _deferred_deed_members(self, d: RobotDesc) -> list[Member]:
        """The robots of loadings said but not made yet (they wait for the truck's next step, ``deferred``): "loads
        truck 1. Then the trucks that were loaded go to rock 1" has no loading draft when its subject is read."""
        if d.deed not in ("any", "job", "unload_bucket", "load") or d.deed_objects:
            return []
        if d.deed in ("any", "job"):
            return [m for excs, trucks, *_ in self.deferred for m in (*excs, *trucks)]
        return [m for excs, trucks, *_ in self.deferred for m in (trucks if d.deed_passive else excs)]

    def _deed_others(self, item: Item, did: dict[str, Member]) -> dict[str, Member]:
        """The robots of the fleet (of the mention's type) that did not do the deed ("the robots that did not
        dump"); robots chosen by type and count among those that did leave the rest unknown: refused."""
        d: RobotDesc = item.payload
        if any(m.is_group for m in did.values()):
            raise ResolutionError(f"{item.text!r}: robots chosen by type did that, so which did not is not known")
        others = [self.res.robot_member(r) for r in self.fleet.robot_ids if r not in did]
        return {m.key: m for m in others if not d.rtype or m.rtype == d.rtype}

    def _deed_done(self, dr: Draft, d: RobotDesc) -> bool:
        if d.deed == "any":
            return True
        if d.deed == "job":  # "the truck that did the job": work beyond a move (dug, loaded, was loaded, tipped)
            return dr.action not in MOVES
        return dr.skill == d.deed or self._matches(dr, d.deed)

    def _deed_members(self, dr: Draft, d: RobotDesc) -> list[Member]:
        """The robots of ``dr`` that did the deed of ``d``: the trucks of a loading for "were loaded", where the
        deed's place is said, only those at that place (a digging names none: the robot's move before it does)."""
        if dr.fleet:
            pool = [self.res.robot_member(r) for r in self.fleet.robot_ids]
        elif d.deed_passive:
            pool = list(dr.partners)
        else:
            pool = [*dr.members, *dr.partners] if d.deed in ("any", "job") else list(dr.members)
        if not d.deed_objects:
            return pool
        if dr.objects or dr.action in MOVES:
            return pool if set(dr.objects) & set(d.deed_objects) else []
        return [m for m in pool if self._was_at(m, dr.idx, set(d.deed_objects))]

    def _was_at(self, m: Member, idx: int, objs: set[str]) -> bool:
        """Whether the latest move of ``m`` planned before draft ``idx`` went to one of ``objs``."""
        for dr in reversed(self.b.drafts[:idx]):
            if dr.alive and dr.action in MOVES and (dr.fleet or any(x.key == m.key for x in dr.members)):
                return bool(set(dr.objects) & objs)
        return False

    def _latest_diggers(self, rtype: str) -> tuple[Member, ...]:
        """The robots of ``rtype`` in the latest digging ("the diggers"), with every digging that
        started at the same moment ("excavators 1 and 2 dig", each where it stands)."""
        digs = [d for d in self.b.drafts if d.alive and d.action == "dig"
                and any(m.rtype == rtype for m in d.members)]
        if not digs:
            return ()
        last = digs[-1]
        same = [d for d in digs if self._dig_start(d) == self._dig_start(last) or d is last]
        diggers = tuple(dict.fromkeys(m for d in same for m in d.members if m.rtype == rtype))
        if _size(diggers) < 2:
            # "excavator 1 digs at soil 1, and then excavator 2 digs at soil 2, and after that the diggers head back":
            # the plural names more than the one that dug last, so every robot of the type that dug
            diggers = tuple(dict.fromkeys(m for d in digs for m in d.members if m.rtype == rtype))
        return diggers

    def _dig_start(self, dig: Draft) -> set[int]:
        """What a digging waits for, counted from its own move there when it has one: "excavator 1 digs at soil 1
        and excavator 2 digs at soil 2, and after that the diggers ..." started both diggings at once, each after a
        move of its own, and "the diggers" were only the one said last."""
        if len(dig.deps) == 1:
            move = self.b.drafts[next(iter(dig.deps))]
            if move.alive and move.action == "navigate" and move.members == dig.members:
                return move.deps
        return dig.deps

    def _place_heading(self, seg: Segment) -> bool:
        """"Soil 1: two excavators drive there and dig", "- At rock 2: ...": a place alone before a colon is
        where the lines under it happen, so their "there" (and a move with no place) means it."""
        items = [it for it in seg.items if it.kind is not ItemKind.MARK]
        if items and items[0].kind is ItemKind.WORD and items[0].text in self.lex.place_prepositions:
            items = items[1:]
        if len(items) != 1 or items[0].kind is not ItemKind.OBJECT or items[0].payload.form != "names" \
                or len(items[0].payload.names) != 1 or not self._heading(seg):
            return False
        for it in seg.items:
            self.use(it)
        self.last_place = items[0].payload.names[0]
        return True

    def remark(self, seg: Segment) -> bool:
        """"The puddles have dried out", "we need rock 1 and rock 2 cleared": a clause with no robot
        and no verb we know, whose predicate is a word we do not know, says how things are, not what
        to do (its unknown words still count against coverage)."""
        if seg.connective or any(it.kind in (ItemKind.ROBOT, ItemKind.VERB) for it in seg.items):
            return False
        first = next((k for k, it in enumerate(seg.items) if it.kind in (ItemKind.OBJECT, ItemKind.PLACE)), None)
        lead = self.thing_lead(seg.items)
        said_of_a_thing = first is not None and first >= lead + 2 and self.thing_subject(seg.items[lead:])
        if first is None or (first and seg.items[first - 1].text in self.lex.place_prepositions
                             and not said_of_a_thing):
            return False  # "to rock 1 pls" is a terse order, not a remark
        # "obstacle 2 is now safe again": the object and its own "is"/"has" make a statement, though every word is known
        stated = first == 0 and first + 1 < len(seg.items) and seg.items[first + 1].kind is ItemKind.WORD \
            and seg.items[first + 1].text in self.lex.thing_adverb_auxiliaries
        if not said_of_a_thing and not stated and not any(it.kind is ItemKind.WORD and it.text not in self.lex.fillers
                                                          and not it.text.isdigit() for it in seg.items[first + 1:]):
            return False
        for it in seg.items:
            if it.kind is ItemKind.OBJECT:
                self.use(it)
                self.resolve_objects(it, cargo_ok=True)  # "soil 2 looks dry, so ... dig there"
        return True

    def keepout_by_noun(self, seg: Segment) -> bool:
        """The anchor names a keep-out by its noun alone ("the keep-out is in place"), no place after it."""
        nouns = self.lex.keepout_noun_index
        return any(it.kind is ItemKind.EVENT and it.payload.action == "add_keepout"
                   and nouns.match(it.text.split(), 0) is not None for it in seg.items)

    def _keepouts_counted(self, seg: Segment) -> int:
        """How many keep-outs the anchor's keep-out noun names: its count ("both keep-outs"), else one (the latest)."""
        return max([1] + [it.payload.count for it in seg.items
                          if it.kind is ItemKind.EVENT and it.payload.action == "add_keepout"])

    def thing_lead(self, items: Sequence[Item]) -> int:
        """How many words open the clause before the word of a thing: an article and at most two words we do
        not know ("*a* crane is being set up ...", "*a mobile* crane is parked ..."), when the thing's word and a
        form of "be" follow them; else 0. A clause with a word of need or of barring (the lexicon's
        ``thing_order_words``, or a keep-out noun: "a fence is *needed* around puddle 1") asks for something,
        so it gets no lead and is read as an order (or refused), never dropped as a remark."""
        if not (items and items[0].kind is ItemKind.WORD and items[0].text in self.lex.thing_articles):
            return 0
        words = [it.text for it in items]
        if any(it.kind is ItemKind.WORD and (it.text in self.lex.thing_order_words
                                             or self.lex.keepout_noun_index.match(words, k) is not None)
               for k, it in enumerate(items)):
            return 0
        for lead in range(1, 4):
            if len(items) < lead + 2 or not all(it.kind is ItemKind.WORD and it.text not in self.lex.fillers
                                                for it in items[1:lead]):
                return 0
            if self.thing_subject(items[lead:]):
                return lead
        return 0

    def thing_subject(self, items: Sequence[Item]) -> bool:
        """"Blasting is planned at rock 2": a clause that opens with a word we do not know and a form of
        "be" is said of that thing (an event, the weather, people), so the place after it is where the
        thing is, not where a robot should go. Read as a terse order, the place sent the robots of the
        sentence before there."""
        head, be = items[0], items[1]
        return head.kind is ItemKind.WORD and head.text not in self.lex.fillers and not head.text.isdigit() \
            and be.kind is ItemKind.WORD and be.text in self.lex.thing_copulas

    @staticmethod
    def passive_agents(seg: Segment) -> Segment:
        """"(the truck is) loaded there by excavator 1": a loading verb with a "by" robot after it
        is said of the truck, with the excavator as its agent."""
        items = list(seg.items)
        changed = False
        for j, it in enumerate(items):
            if it.kind is not ItemKind.VERB or it.payload.target != "unload_bucket" or it.payload.role != "verb":
                continue
            for k in range(j + 1, len(items) - 1):
                if items[k].kind in (ItemKind.VERB, ItemKind.PUNCT, ItemKind.CONNECTIVE):
                    break
                if items[k].kind is ItemKind.WORD and items[k].text == "by" and items[k + 1].kind is ItemKind.ROBOT:
                    v = it.payload
                    items[j] = Item(it.kind, it.start, it.end, VerbHit(v.target, "passive_load", v.lemma), it.text)
                    changed = True
                    break
        if not changed:
            return seg
        return Segment(items, seg.sentence, seg.connective, seg.connective_text, seg.role, seg.after_punct,
                       seg.sentence_start, seg.ended_by, conjunct=seg.conjunct)

    def _locative_participle(self, items: Sequence[Item], k: int) -> int:
        """1 when ``items[k]`` is a state participle (lexicon ``locative_participles``) with "at" right after it ("the
        truck *waiting* at rock 1"), else 0."""
        return int(k + 1 < len(items) and items[k].kind in (ItemKind.WORD, ItemKind.VERB)
                   and items[k].text.lower() in self.lex.locative_participles
                   and items[k + 1].kind is ItemKind.WORD and items[k + 1].text == "at")

    def locative_subjects(self, seg: Segment) -> tuple[Segment, dict[int, str]]:
        """"The trucks from soil 2 then dump ...", "the truck at soil 2 drives ...": a place right
        after the subject, before its verb, picks the robots that are there (and is no destination)."""
        items = seg.items
        restrict: dict[int, str] = {}
        drop: set[int] = set()
        self.where_robots = set()
        for j in range(len(items) - 3):
            r = items[j]
            state = self._locative_participle(items, j + 1)
            w, o = items[j + 1 + state], items[j + 2 + state]
            if r.kind is ItemKind.ROBOT and _placeable(r.payload) and w.kind is ItemKind.WORD \
                    and w.text in ("from", "at") and o.kind is ItemKind.OBJECT and o.payload.form == "names" \
                    and any(x.kind is ItemKind.VERB or (x.kind is ItemKind.MARK and x.payload == "repeat")
                            for x in items[j + 3 + state:]) \
                    and not any(x.kind is ItemKind.VERB for x in items[:j]):
                restrict[id(r)] = o.payload.names[0]
                drop |= {id(x) for x in items[j + 1:j + 3 + state]}
                for x in items[j + 1:j + 3 + state]:
                    self.use(x)
        for j in range(len(items) - 1):
            r, o = items[j], self._past_there_participle(items, j + 1)
            # "the excavator there loads them", "(loaded by) the excavator there": the one of that type at the
            # place just spoken of, not the one named last
            if not (r.kind is ItemKind.ROBOT and o.kind is ItemKind.OBJECT and (
                    (r.payload.form == "type" and r.payload.det == "the") or (
                        r.payload.form != "type" and _placeable(r.payload) and o.payload.form == "pronoun"))):
                continue
            if (r.payload.plural or r.payload.form != "type") and any(x.kind is ItemKind.VERB for x in items[:j]):
                continue  # "the excavators there load them": subjects only ("fill the trucks there": each site's)
            if o.payload.form == "pronoun" and o.payload.pronoun in self.lex.robot_place_pronouns:
                place = _place_named_before(items, j) or self.last_place
            else:  # "the excavator that dug at soil 1", folded (deeds.fold_deed_references)
                place = o.payload.names[0] if o.payload.form == "names" and len(o.payload.names) == 1 else None
            if place is not None:  # the place stays in the clause: "gets loaded by the excavator there" goes there
                restrict[id(r)] = place
        restrict.update(self._loaded_at(items, restrict))
        restrict.update(self._loader_at(items, restrict))
        if len(items) > 1 and items[0].kind is ItemKind.WORD and items[0].text == "where" \
                and self.last_place is not None:
            r = items[1]
            # "..., where the (other) excavator loads it": the one of that type at the place just named
            if r.kind is ItemKind.ROBOT and r.payload.form == "type" and r.payload.det in ("the", "other") \
                    and not r.payload.plural and id(r) not in restrict:
                restrict[id(r)] = self.last_place
                self.where_robots = {id(r)}
        self.place_restrict = restrict
        if not drop:
            return seg, restrict
        kept = [it for it in items if id(it) not in drop]
        return Segment(kept, seg.sentence, seg.connective, seg.connective_text, seg.role, seg.after_punct,
                       seg.sentence_start, seg.ended_by, conjunct=seg.conjunct), restrict

    def _past_there_participle(self, items: Sequence[Item], k: int) -> Item:
        """The item at ``k``, or past it the "there" after a word of where a robot stands (lexicon
        ``there_participles``: "(loaded by) the excavator *working* there"), which is then used up: the robot is
        the one at that place, as "the excavator there" is, not the one named last."""
        it = items[k]
        if k + 1 < len(items) and it.kind is ItemKind.WORD and it.text.lower() in self.lex.there_participles:
            there = items[k + 1]
            if there.kind is ItemKind.OBJECT and there.payload.form == "pronoun" \
                    and there.payload.pronoun in self.lex.robot_place_pronouns:
                self.use(it)
                return there
        return it

    @staticmethod
    def _loaded_at(items: Sequence[Item], restrict: dict[int, str]) -> dict[int, str]:
        """"The excavators dig and load the truck at soil 2": "the truck" (one, said by its type) right after an active
        loading verb, with "at" and a place after it, is the truck standing there (``at_place``, when one is known
        to be there), not the truck named last: read so, the truck sent elsewhere was brought over and loaded, and the
        one waiting at soil 2 never was. The place stays in the clause, where the loading is done."""
        found: dict[int, str] = {}
        for j in range(1, len(items) - 2):
            v, r, w, o = items[j - 1], items[j], items[j + 1], items[j + 2]
            place = _the_one_at(r, w, o, restrict)
            if place is not None and v.kind is ItemKind.VERB and v.payload.target == "unload_bucket" \
                    and v.payload.role != "passive_load":
                found[id(r)] = place
        return found

    @staticmethod
    def _loader_at(items: Sequence[Item], restrict: dict[int, str]) -> dict[int, str]:
        """"Truck 2 goes to soil 1 and gets loaded by the excavator at soil 1": the loader of a passive loading said
        as "by the <type> at <place>" (one robot, by its type) is the one standing there, as "the excavator there"
        is. Read as "the excavator" alone, the one named last (at soil 2) was sent over to soil 1 to load. The place
        stays in the clause: the loading is done there."""
        found: dict[int, str] = {}
        for j in range(2, len(items) - 2):
            by, r, w, o = items[j - 1], items[j], items[j + 1], items[j + 2]
            verb = next((x for x in reversed(items[:j - 1]) if x.kind is ItemKind.VERB), None)
            place = _the_one_at(r, w, o, restrict)
            if place is not None and verb is not None and verb.payload.role == "passive_load" \
                    and by.kind is ItemKind.WORD and by.text.lower() == "by":
                found[id(r)] = place
        return found

    def at_place(self, item: Item, restrict: dict[int, str]) -> tuple[Member, ...] | None:
        """The robots of ``item``'s type that stand at the place ``restrict`` names for it."""
        place = restrict.get(id(item))
        if place is None:
            return None
        d: RobotDesc = item.payload
        typed = d.form == "type"
        seen: list[Member] = []
        for members, _ in self.res.history:
            seen += [m for m in members if (m.rtype == d.rtype or not typed) and m not in seen
                     and self.loc(m) == place]
        if not typed and all(self.location.get(r, self.fleet_location) == place for r in self.fleet.robot_ids):
            return None  # "everyone goes to soil 1. Everyone at soil 1 then returns": the whole fleet is there
        if not seen and not typed:
            # "everyone at soil 1 returns" with nobody sent there: the whole fleet would be wrong
            self.errors.append(f"no robot is known to be at {place} for {item.text!r} (name the robots)")
            return ()
        if not seen:
            return None
        if d.pronoun == PLACED_ONE and len(seen) > 1:
            # "the one at soil 2" with two robots there: which one is not said
            self.errors.append(f"{item.text!r} at {place}: more than one robot is there (name it by number)")
            return ()
        self.res.remember(seen, "relative" if id(item) in self.where_robots else "subject")
        return tuple(seen if d.plural or not typed else seen[-1:])

    def _pronoun_remark(self, seg: Segment, subj_items: Sequence[Item]) -> bool:
        """"Everyone keep away from both puddles. The rain has made them deep.": with no robot named by number or
        type before (only the fleet as a whole, or none), an "it" / "they" in a clause with no verb at all is the
        place just named, and the clause a remark about it (read as robots, it referred to none and was refused)."""
        return bool(subj_items) and not self.res.history and self.last_place is not None \
            and all(it.payload.form == "pronoun" and it.payload.pronoun in ("it", "they") for it in subj_items) \
            and not any(it.kind in (ItemKind.VERB, ItemKind.EVENT) for it in seg.items)

    def split_roles(self, seg: Segment) -> tuple[list[Item], list[Item], list[Item], list[Item]]:
        """Robot items that are the subject, those that are loaded into or paired with (partners),
        pronouns that stand for an object ("all robots avoid it"), and robots that stand for
        their place ("come to you", "drive over to excavator 2")."""
        subj: list[Item] = []
        partners: list[Item] = []
        objpron: list[Item] = []
        places: list[Item] = []
        seen_verb: VerbHit | None = None
        seen_load = False
        for k, it in enumerate(seg.items):
            if it.kind is ItemKind.VERB:
                seen_verb = it.payload
                if seen_verb.target in ("unload_bucket",) and seen_verb.role == "verb":
                    seen_load = True
                continue
            prev_item = seg.items[k - 1] if k else None
            after_verb = prev_item is not None and prev_item.kind is ItemKind.VERB
            keepout_verb = after_verb and seen_verb is not None and seen_verb.target in KEEPOUT_ACTIONS
            if it.kind is ItemKind.WORD and keepout_verb and it.text in self.lex.place_list_pronouns:
                objpron.append(it)  # "all robots avoid those"
                continue
            if it.kind is not ItemKind.ROBOT:
                continue
            d: RobotDesc = it.payload
            before = self.word_before(it)
            if seen_verb is not None and seen_verb.target == "pair":
                partners.append(it)
                continue
            if d.negated and seen_verb is not None and before in self.lex.elided_companion_words:
                # "breaks up rock 2 *with nobody else* around": no robot goes along; read as a subject, "nobody else"
                # sent the other excavators to dig there too
                self.use(it)
                continue
            if after_verb and seen_verb is not None and seen_verb.lemma in self.lex.join_verbs \
                    and (d.form != "pronoun" or d.pronoun in ("they", "both")):
                # "meet them there": the robots met, not the movers ("meet it there" may be the mover itself)
                places.append(it)  # "truck 2 joins excavator 2": goes where excavator 2 is
                continue
            if after_verb and seen_verb is not None and seen_verb.lemma in self.lex.follow_verbs:
                self.followed.append(it)  # "follows truck 1 to rock 1": whom it waits for, not a mover
                continue
            if seen_verb is not None and seen_verb.target == "navigate" and seen_verb.role == "verb" \
                    and before in self.lex.toward_words:
                places.append(it)
                continue
            if d.form == "type" and d.det == "own" and seen_verb is not None:
                partners.append(it)  # "loads its truck"
                continue
            if seen_load and (after_verb or before in self.lex.load_into_words):
                partners.append(it)
                continue
            gap = seg.items[seg.items.index(partners[-1]) + 1:k] if partners else [it]
            if seen_load and all(  # "loads truck 1 first and truck 2 after that" (also with the unsaid "there")
                    x.kind in (ItemKind.WORD, ItemKind.CONNECTIVE) or _unsaid_there(x) for x in gap):
                partners.append(it)
                continue
            if before in self.lex.passive_agent_words and seen_verb is not None and seen_verb.role == "passive_load":
                partners.append(it)
                continue
            if partners and seen_verb is not None and seen_verb.role == "passive_load" and gap and all(
                    x.kind in (ItemKind.WORD, ItemKind.PUNCT) and x.text in self.lex.thing_list_joins for x in gap):
                partners.append(it)  # "loaded by excavator 1 and excavator 3": an agent too, not one more truck
                continue
            if d.form == "pronoun" and keepout_verb and seen_verb is not None \
                    and seen_verb.lemma in self.lex.split_keepout_verbs:
                subj.append(it)  # "keep them away from puddle 1": the robots sit inside the verb
                continue
            if d.form == "pronoun" and keepout_verb and d.pronoun == "both":
                objpron.append(it)  # "all robots avoid both (of them)": the places of the last list
                continue
            if d.form == "pronoun" and d.pronoun in ("it", "they", "which") and seen_verb is not None:
                if keepout_verb:
                    objpron.append(it)
                    continue
                if subj or (after_verb and seen_verb.role == "carry"):
                    continue  # cargo ("dumps it", "... and brings it to puddle 1"), not a robot
                if seen_verb.target in ("dump", "unload_bucket") and seen_verb.role != "passive_load":
                    continue
            subj.append(it)
        return subj, partners, objpron, places

    def _elided_companions(self, seg: Segment, subj_items: Sequence[Item]) -> bool:
        """Whether the clause leaves its subject out and its only robots come after its verb, each after a word of
        company ("and then returns to base *with* excavator 2", lexicon ``elided_companion_words``): robots that go
        along with the robot the clause goes on with."""
        first_verb = next((k for k, it in enumerate(seg.items) if it.kind is ItemKind.VERB), None)
        if first_verb is None or seg.sentence_start or self.vocative is not None or not subj_items \
                or any(it.kind is ItemKind.ROBOT for it in seg.items[:first_verb]):
            return False
        verb_at = seg.items[first_verb].start
        return all(it.start > verb_at and it.payload.form != "pronoun"
                   and self.word_before(it) in self.lex.elided_companion_words for it in subj_items)

    def _fronted_each(self, seg: Segment) -> tuple[Member, ...]:
        """"When both trucks have been filled, *each of them* carries its load to puddle 2": a bare "each" opening the
        first clause after a leading anchor that named several robots is those robots, as "they each" is. Read as
        the robots the sentence before named, the excavators that loaded were sent to tip in the trucks' stead."""
        said = self.fronted_doers
        if said is None or said[0] != seg.sentence or _size(said[1]) < 2 or seg.sentence in self.sentence_subjects:
            return ()
        return said[1]

    def each_referent(self, sentence: int) -> tuple[Member, ...] | None:
        """"each" without a noun: the robots named in this sentence, else in the latest
        sentence that named several. After one robot loads several trucks ("loads truck 1 first, then truck 2, and
        each takes its load ..."; also at the start of the next sentence), the loaded trucks: read as the
        sentence's subjects, the excavator and the verbless "then truck 2", truck 1's haul was dropped."""
        loaded = self.res.loaded_in(sentence) or (
            self.res.loaded_in(sentence - 1) if sentence not in self.sentence_subjects else ())
        if loaded:
            return loaded
        for sent in sorted(self.sentence_subjects, reverse=True):
            if sent <= sentence and len(self.sentence_subjects[sent]) > 1:
                return tuple(self.sentence_subjects[sent])
        return self.prev.subject if self.prev is not None else ()

    def _doers_of(self, seg: Segment, rtype: str, said: tuple[Member, ...]) -> tuple[Member, ...]:
        """"When both trucks have unloaded": the trucks that did unload, when exactly that many did and the ones
        named last are not all among them ("truck 1 ... unloads; truck 3 ... unloads. Meanwhile truck 2 checks rock 1.
        When both trucks have unloaded, ...": trucks 1 and 3, not the last two trucks named)."""
        acts = {it.payload.target for it in seg.items if it.kind is ItemKind.VERB} | {
            it.payload.action for it in seg.items if it.kind is ItemKind.EVENT and it.payload.action not in ("any", "")}
        if len(acts) != 1 or any(m.is_group for m in said):
            return said
        act = acts.pop()
        doers: dict[str, Member] = {}
        for d in self.b.drafts:
            if d.alive and self._matches(d, act):
                for m in d.members:
                    if m.rtype == rtype and not m.is_group:
                        doers.setdefault(m.key, m)
        if len(doers) != _size(said) or set(doers) == {m.key for m in said}:
            return said
        return tuple(doers.values())

    def _type_at_work(self, rtype: str) -> tuple[Member, ...]:
        """"A truck goes to rock 2. Another truck goes to soil 2. The remaining truck checks puddle 1. Once all three
        trucks are done, ...": every robot of the type was given work, some in groups, so "all three trucks" in an
        anchor is those groups and robots, whose last steps are waited for (read as a new group of three, it had no
        steps and the wait was dropped). Empty unless the robots at work of ``rtype``, one group key each, make up
        exactly every robot of the type."""
        workers: dict[str, Member] = {}
        for d in self.b.drafts:
            if d.alive:
                for m in d.members:
                    if m.rtype == rtype:
                        workers.setdefault(m.key, m)
        pool = len(self.site.robots_by_type.get(rtype, ()))
        return tuple(workers.values()) if pool and _size(tuple(workers.values())) == pool else ()

    def _pair_of_event(self, seg: Segment, it: Item, said: tuple[Member, ...], n: int = 2) -> tuple[Member, ...]:
        """"When both inspections are done": "both" before an event noun counts the events, so it names the two
        robots whose last steps were such events, not the two spoken of last when those have gone on to other work
        ("... Later the excavators return to start. When both inspections are done": the two trucks that checked).
        So does a number ("once the two inspections are done", ``n`` = 2: not the two robots named last)."""
        k = next((j for j, x in enumerate(seg.items) if x is it), -1)
        nxt = seg.items[k + 1] if 0 <= k < len(seg.items) - 1 else None
        counted = self._counted_event(seg.items, k + 1) if nxt is not None else None
        if nxt is None or counted is None:
            return said
        act, verbs = counted

        def named(d: Draft) -> bool:  # "inspections": a check said with a verb of the event ("checks puddle 1")
            return not verbs or any(lemma in verbs for lemma in d.lemma.split("|"))
        loose: list[Member] = []
        for d in reversed(self.b.drafts):
            if not d.alive or d.fleet:
                continue
            for m in d.members:
                if m.is_group or any(x.key == m.key for x in loose) or self.b.chain(m) != d.idx:
                    continue
                if self._matches(d, act):  # a robot whose last step is other work did no such event last
                    loose.append(m)
        # the robots whose last move was said with the event's own verb, when two or more were ("excavator 1 goes
        # to soil 1" is no inspection); else any such move ("goes to rock 2 for inspection")
        strict = [m for m in loose if named(self.b.drafts[self.b.chain(m)])]  # type: ignore[index]
        pair = strict if len(strict) >= n else loose
        if len(pair) > n:
            # "Excavator 2 inspects rock 1. Truck 1 inspects puddle 1 and truck 2 inspects puddle 2. Once both
            # inspections are done": the two of the latest sentence that had such events, when exactly two did
            said_in = {m.key: self.draft_sentence.get(self.b.chain(m) or 0, -1) for m in pair}
            latest = [m for m in pair if said_in[m.key] == max(said_in.values())]
            if len(latest) == n and max(said_in.values()) >= 0:
                pair = latest
        if len(pair) > n:
            # "truck 1 checks puddle 1 and truck 2 rock 2. Excavator 1 checks soil 1. Once both inspections are
            # over": which two is not said; taking the latest two waited for a guess
            names = ", ".join(m.robot_id or m.key for m in reversed(pair))
            self.errors.append(f"{it.text + ' ' + nxt.text!r} is ambiguous: {len(pair)} robots' last steps were "
                               f"such ({names}); name the {_NUMBER_WORDS.get(n, str(n))} robots")
        if len(pair) != n:
            pair = list(self._last_tasks_of(act, n)) or pair
        if all(self._matches(self.b.drafts[t], act) for t in self.b.last_tasks(said)) and self.b.last_tasks(said) \
                and not (len(strict) == n and {m.key for m in said} != {m.key for m in strict}) \
                and not (any(m.is_group for m in pair) and {m.key for m in said} < {m.key for m in pair}):
            return said
        return tuple(pair) if len(pair) == n or any(m.is_group for m in pair) else said

    def _counted_event(self, items: Sequence[Item], k: int) -> tuple[str, Sequence[str]] | None:
        """The action (and its verbs) of the event noun at ``items[k]`` that "both" counts: an event ("both
        inspections"), a verb's plural read as its noun ("both dumps are done"), or a cargo noun (the lexicon's
        ``cargo_event_nouns``, also plural: "both loads have been tipped"), which takes the event of the verb after
        it; None when it names none."""
        it = items[k]
        if it.kind is ItemKind.EVENT:
            return None if it.payload.action in ("any", "") else (it.payload.action, it.payload.verbs)
        if it.kind is not ItemKind.WORD:
            return None
        word = it.text.lower()
        if word in self.lex.cargo_event_nouns or (word.endswith("s") and word[:-1] in self.lex.cargo_event_nouns):
            for x in items[k + 1:]:
                if x.kind is ItemKind.VERB:
                    return x.payload.target, ()
                if x.kind is ItemKind.EVENT and x.payload.action not in ("any", ""):
                    return x.payload.action, ()
            return None
        v = self.lex.verb_index.match([word], 0)
        return (v[1][0], ()) if v and v[0] == 1 else None

    def _last_tasks_of(self, act: str, n: int) -> tuple[Member, ...]:
        """"Two trucks dump ... another truck dumps ... when both loads have been tipped": the robots of the latest
        ``n`` tasks of ``act`` that are each the last step of all their robots, groups included (a group's dump is
        one); empty unless exactly ``n`` such tasks stand. Counted by robots named by number, the group was skipped
        and "both" fell to the pair named last, whose one dump was waited for alone."""
        tasks: list[Draft] = []
        for d in reversed(self.b.drafts):
            if d.alive and not d.fleet and d.members and self._matches(d, act) \
                    and all(self.b.chain(m) == d.idx for m in d.members):
                tasks.append(d)
        if len(tasks) != n:
            return ()
        return tuple(m for d in reversed(tasks) for m in d.members)

    def _own_events(self, subject: Sequence[Member], found: set[int]) -> bool:
        """Whether the tasks an anchor found are each some robot's own (one per robot, all different)."""
        if len(found) < 2:
            return False
        mine: list[int] = []
        for m in subject:
            hits = [i for i in found if any(x.key == m.key for x in
                                            (*self.b.drafts[i].members, *self.b.drafts[i].partners))]
            if len(hits) != 1:
                return False
            mine.append(hits[0])
        return len(set(mine)) == len(mine)

    def _note_goal(self, seg: Segment, keepout_sentence: bool = False) -> None:
        """Keep a goal read as a remark, with the places it names, so that the plan can be checked
        against it (:func:`.goals.goal_errors`): steps that leave a goal's place out drop part of the job.
        ``keepout_sentence``: a keep-out anywhere in its sentence makes it a keep-out goal, not only in ``seg``."""
        if not seg.items:
            return
        if self._goal_noun_lead(seg):
            # "the goal is to clear both soil piles, get all of it to puddle 2, and ...": the clauses after it in its
            # sentence list more of the goal, not orders with no robot
            self.goal_sentences.add(seg.sentence)
        # the whole sentence, quoted in an error and searched for words that put a place off ("can wait")
        lo, hi = seg.items[0].start, seg.items[-1].end
        while lo > 0 and self.words[lo - 1] not in SENTENCE_END:
            lo -= 1
        while hi < len(self.words) and self.words[hi] not in SENTENCE_END:
            hi += 1
        joins = self.lex.clause_joining_words | {","}
        places: dict[str, str] = {}
        for it in seg.items:
            if it.kind is ItemKind.OBJECT and it.payload.form == "names" and not set_aside(
                    self.words, (it.start, it.end), (lo, hi), self.lex.goal_deferring_words,
                    self.lex.goal_excluding_words, self.lex.goal_refusing_words, joins,
                    self.lex.goal_deferring_pronouns):
                for n in it.payload.names:
                    places.setdefault(n, it.text if len(it.payload.names) == 1 else n)
            elif it.kind is ItemKind.OBJECT and it.payload.form == "kind" and (
                    it.payload.det in ("both", "all") or it.payload.plural):
                # "material from both soil piles", "the soil piles": every place of the kind (as the steps read it)
                pool = self.site.objects_by_kind.get(it.payload.kind, ())
                if it.payload.det != "both" or len(pool) == 2:
                    for n in pool:
                        places.setdefault(n, n)
        if places:
            said = self._sentence_items(seg.sentence) if keepout_sentence else seg.items
            keepout = any((it.kind is ItemKind.VERB and it.payload.target in KEEPOUT_ACTIONS)
                          or (it.kind is ItemKind.MARK and it.payload in ("permit", "neg")) for it in said)
            self.goals.append(Goal(seg.text, tuple(places.items()), keepout, (lo, hi)))

    def _gapped_there(self, seg: Segment, leading: Sequence[Item]) -> bool:
        """"Send excavator 1 to soil 1, and truck 2 (over) there as well": a robot and a bare "there" with no verb,
        after a clause of the same sentence with one, is that clause's step again, at its place. Without a robot
        ("hello there") a bare "there" names no destination; read so here, truck 2 was dropped without a word."""
        return bool(leading) and all(it.kind is ItemKind.OBJECT and it.payload.form == "pronoun"
                                     and it.text.lower() == "there" for it in leading) \
            and seg.has(ItemKind.ROBOT) and self.prev is not None and self.prev.sentence == seg.sentence \
            and bool(self.prev.verbs)

    def _people_lead(self, seg: Segment) -> bool:
        """The clause opens with a person (``goal_people``) and says a need (``goal_need_words``: "Good morning
        everyone. *We need* puddle 2 filled", "Hello everyone, *we want* ..."): its own subject, so the robots greeted
        before are not its doers."""
        lead = _lead(seg.items)
        words = [w for it in seg.items if it.kind is ItemKind.WORD for w in it.text.lower().split()]
        return lead is not None and lead.kind is ItemKind.WORD and lead.text in self.lex.goal_people \
            and any(w in self.lex.goal_need_words for w in words)

    def _goal_noun_lead(self, seg: Segment) -> bool:
        """The clause opens with a goal noun (``goal_nouns``) and its copula, a few words apart at most ("Hi all,
        the goal for today is to clear both soil piles"): it says what the job is for, so the robots greeted before
        are not told to do it (read so, the whole fleet drove to every place of the goal)."""
        if seg.has(ItemKind.ROBOT):
            return False
        words = [w for it in seg.items[:6] for w in it.text.lower().split() if w not in self.lex.title_skip_words]
        return bool(words) and words[0] in self.lex.goal_nouns \
            and any(w in self.lex.title_copulas for w in words[1:4])

    def _titled_goal(self, seg: Segment) -> bool:
        """"Objective for this shift: dump truck 2 collects soil from both soil piles and delivers it to puddle 2.
        Order of work: ...": the sentence after a title of a goal noun (``summary_goal_nouns``) says what the job
        must achieve, though it names a robot, when later sentences name robots to do the work. Read as orders, its
        steps were made on top of the ones spelled out after it (truck 2 went to puddle 2 before it was loaded)."""
        if not seg.sentence_start or not seg.items:
            return False
        hi = seg.items[0].start
        if hi == 0 or self.words[hi - 1] != ":":
            return False
        lo = hi - 1
        while lo > 0 and self.words[lo - 1] not in SENTENCE_END:
            lo -= 1
        title = [w.lower() for w in self.words[lo:hi - 1]]
        said = [w for w in title if w not in self.lex.title_skip_words]
        if not said or said[0] not in self.lex.summary_goal_nouns or len(title) > 6 \
                or not self._robot_named_beyond(seg.sentence, later=True) or self._goal_doers_left(seg.sentence):
            return False
        self.goal_sentences.add(seg.sentence)  # its later clauses are the goal too
        return True

    def _later_goal(self, seg: Segment) -> bool:
        """A robotless sentence of need said after robots were named ("Excavator 1 goes to rock 1 and digs.
        Puddle 2 needs filling with rubble from rock 1.", "... We want soil 2 emptied."): the goal of the
        job said in the middle or at the end. Read as an order it gave the work to the robot said last
        (a loading with no truck); it is a goal, checked against the plan like one said first."""
        if seg.sentence in self.goal_sentences:
            return True  # the clauses after the first of a goal sentence belong to it
        if not seg.sentence_start or not seg.items:
            return False
        # ("... so that the trucks can pass": robots after a purpose mark are not the job's doers)
        items = _before_skip(self._sentence_items(seg.sentence))
        if any(it.kind is ItemKind.ROBOT for it in items) \
                or not self._robot_named_beyond(seg.sentence, later=False):
            return False
        lead = _lead(seg.items)
        named = lead is not None and lead.kind is ItemKind.OBJECT and lead.payload.form == "names"
        human = lead is not None and lead.kind is ItemKind.WORD and lead.text in self.lex.goal_people
        need = any(w in self.lex.goal_need_words for it in items if it.kind is ItemKind.WORD for w in it.text.split())
        # need words only: "The soil is then hauled to puddle 2." goes on with the robots said before; and a
        # place's need only when it moves cargo between places, work no one robot said before is assumed to do
        # ("Rock 1 must then be dug." is still the last robot's step)
        cargo = (named or self._cargo_goal(seg)) and len(named_objects(items)) >= 2
        if not need or not (human or cargo):
            return False
        self.goal_sentences.add(seg.sentence)
        return True

    def _goal_title(self, seg: Segment) -> bool:
        """A sentence that says what the job is for and ends in a colon before the steps ("The goal
        is ...:", "Today's job is ...:"): a title, not an order."""
        first = self.words[seg.items[0].start:seg.items[0].start + 4]
        said = [w for w in first if w not in self.lex.title_skip_words]
        return len(said) >= 2 and said[0] in self.lex.goal_nouns \
            and (said[1] in self.lex.title_copulas or said[1] == ":") and self._heading(seg)

    def _goal_named(self, seg: Segment) -> bool:
        """"Our goal: rock 2 cleared.", "Our goal is rock 2 cleared.": a clause that a goal noun (the lexicon's
        ``goal_nouns``) introduces, in a title before its colon or before a copula, states
        what the job must achieve. Read as a remark on how things are, its place was dropped with no word."""
        if not seg.items:
            return False
        lo = seg.items[0].start
        while lo > 0 and self.words[lo - 1] not in SENTENCE_END:
            lo -= 1
        items = self._sentence_items(seg.sentence)
        first = next((it.start for it in items if it.kind in (ItemKind.OBJECT, ItemKind.PLACE)), lo)
        said = [w for w in self.words[lo:first] if w not in self.lex.title_skip_words]
        if not said and lo > 0 and self.words[lo - 1] == ":":
            hi = lo - 1  # the title is the sentence before the colon
            while lo > 1 and self.words[lo - 2] not in SENTENCE_END:
                lo -= 1
            said = [w for w in self.words[lo - 1:hi] if w not in self.lex.title_skip_words]
        return bool(said) and said[0] in self.lex.goal_nouns \
            and all(w in self.lex.title_copulas for w in said[1:])

    def _spelled_out_sentences(self, segs: Sequence[Segment]) -> set[int]:
        """Sentences that state the plan the sentences after them spell out: "Excavator 1 will dig at soil 1 and
        load truck 2. First, excavator 1 digs at soil 1. Then it loads truck 2." The next sentence opens with
        "first", and every robot named, verb and place of the sentence comes back after it. Read as orders, their
        steps were made twice (a second dig after the loading)."""
        out: set[int] = set()
        sentences = sorted({s.sentence for s in segs})
        for sent, nxt in zip(sentences, sentences[1:]):
            opener = next(s for s in segs if s.sentence == nxt)
            said_first = opener.connective == "first" or bool(opener.items) and opener.items[0].kind is \
                ItemKind.CONNECTIVE and opener.items[0].payload == "first"
            # ("Then truck 3 goes there. Before any of that, truck 2 ...": an afterthought put ahead, no spelling out)
            said = opener.connective_text if opener.connective == "first" else (
                opener.items[0].text if said_first else "")
            if not said_first or not opener.sentence_start or said in self.lex.before_all_said \
                    or said in self.lex.before_that_openers:
                continue
            items = [it for s in segs if s.sentence == sent for it in s.items]
            later = [it for s in segs if s.sentence > sent for it in s.items]
            verbs = _work_targets(items)
            if not verbs or not any(it.kind is ItemKind.ROBOT for it in items):
                continue
            # its subject may come back as a pronoun ("First it drives to soil 1"): the topic
            subject = named_ids([next(it for it in items if it.kind is ItemKind.ROBOT)])
            if verbs <= _work_targets(later) and named_ids(items) - subject <= named_ids(later) \
                    and named_objects(items) <= named_objects(later):
                out.add(sent)
        return out | {sent for sent in sentences if self._told_ahead(sent, segs)}

    def _told_ahead(self, sent: int, segs: Sequence[Segment]) -> bool:
        """"Dump truck 2 will pick up soil from both piles today. ... truck 2 drives to soil 1 and is loaded ...,
        then it moves on to soil 2, where excavator 3 loads it.": an opening sentence whose robots (named by number)
        work at places said by their count, not their names, tells the job ahead when the later sentences spell it
        out: its robots, verbs and named places come back, each verb at least as often as the places counted, and
        as many places of the kind counted are named. Read as an order, its moves were made beside the spelled-out
        ones and swallowed them. When nothing later spells it out, it stays an order. So does one that counts loads,
        not places ("Truck 3 has to pick up two loads before it goes to tip."), when the later sentences load it at
        least that often and say each of its other verbs again: read as an order, the truck tipped first, empty."""
        items = [it for s in segs if s.sentence == sent for it in s.items]
        if any(it.kind is ItemKind.ROBOT for s in segs if s.sentence < sent for it in s.items):
            return False
        # ("... before *it* goes to rock 2": a pronoun for the robot said before it)
        robots = [it for it in items if it.kind is ItemKind.ROBOT and it.payload.form != "pronoun"]
        counted = self._counted_places(items)
        loads = self._counted_loads(items)
        verbs = _work_targets(items)
        if not robots or any(it.payload.form != "ids" for it in robots) or not (counted or loads) or not verbs:
            return False
        opener = next((s for s in segs if s.sentence > sent), None)
        if opener is None or opener.connective == "sequence" or any(
                it.kind is ItemKind.CONNECTIVE and it.payload == "sequence" for it in opener.items[:1]):
            return False  # "... both puddles. Then truck 1 goes to puddle 1 ...": what follows comes after it
        later = [it for s in segs if s.sentence > sent for it in s.items]
        named = named_objects(later)
        if not named_ids(items) <= named_ids(later) or not named_objects(items) <= named:
            return False
        said = Counter(_work_target(it) for it in later if it.kind is ItemKind.VERB
                       and it.payload.target not in KEEPOUT_ACTIONS)
        if not counted:
            return all(said[v] >= loads.get(v, 1) for v in verbs | set(loads))
        need = max(n for _kind, n in counted)
        return all(said[v] >= need for v in verbs) and all(
            len([o for o in named if kind is None or o in self.site.objects_by_kind.get(kind, ())]) >= n
            for kind, n in counted)

    def _counted_places(self, items: Sequence[Item]) -> list[tuple[str | None, int]]:
        """The places ``items`` say by their count (kind, or None for any, and how many): "both piles", "the two
        soil piles", "two sites" (a number or a word of the lexicon's ``overview_pair_words`` before a place noun,
        ``own_site_nouns``). Places kept out of are no work ("and truck 1 stays away from *both puddles*": read as a
        job told ahead, the sentence's own orders, a digging among them, were dropped without a word)."""
        out: list[tuple[str | None, int]] = []
        kept = False  # the verb said last is a keep-out
        for k, it in enumerate(items):
            if it.kind is ItemKind.VERB:
                kept = it.payload.target in KEEPOUT_ACTIONS
            if it.kind is ItemKind.OBJECT and it.payload.form == "kind" and not it.payload.names \
                    and it.payload.det in ("both", "count") and not kept:
                # ("rock from both *piles*": a place noun of no kind of its own counts places of any kind)
                kind = it.payload.kind if it.payload.kind in it.text.lower().split() else None
                out.append((kind, self._count_of(it.text.split())))
            elif it.kind is ItemKind.WORD and k + 1 < len(items) and items[k + 1].kind is ItemKind.WORD \
                    and items[k + 1].text in self.lex.own_site_nouns:
                out.append((None, self._count_of([it.text])))
        return [(kind, n) for kind, n in out if n >= 2]

    def _counted_loads(self, items: Sequence[Item]) -> dict[str, int]:
        """The actions ``items`` count by their cargo noun, and how often ("pick up *two loads*": two loadings): a
        number before a noun of the lexicon's ``counted_cargo_nouns`` that is no verb; counts under two left out."""
        out: dict[str, int] = {}
        for a, b in zip(items, items[1:]):
            hit = self.lex.verb_index.match([b.text], 0) if b.kind is ItemKind.WORD \
                and b.text in self.lex.counted_cargo_nouns and a.kind is ItemKind.WORD else None
            n = self._count_of([a.text]) if hit else 0
            if hit and n >= 2:
                out[hit[1][0]] = max(n, out.get(hit[1][0], 0))
        return out

    def _count_of(self, words: Sequence[str]) -> int:
        """The number ``words`` say ("two", "3", "both": 2), 0 when none."""
        for w in words:
            if w in self.lex.overview_pair_words:
                return 2
            if w in self.lex.numbers or w.isdigit():
                return self.lex.numbers.get(w) or int(w)
        return 0

    def _headings(self) -> list[tuple[int, list[str]]]:
        """Each colon that ends a heading, with the heading's words (the lexicon's ``title_skip_words`` left out)."""
        out: list[tuple[int, list[str]]] = []
        start = 0
        for k, w in enumerate(self.words):
            if w == ":":
                out.append((k, [x for x in self.words[start:k] if x not in self.lex.title_skip_words]))
            if w in SENTENCE_END:
                start = k + 1
        return out

    def _headed_job(self) -> tuple[int, int]:
        """The tokens of the sections that tell the job ahead of its steps ("Goals for today: soil 1 dug out, rock 2
        broken up. Crew: excavator 1 digs at soil 1, ... Order: excavators 1 and 2 drive ...", "What I need by the
        end of the day: ... Order: ..."), from the opening heading to the heading of the steps; (0, 0) when there
        are none. The text opens with a heading of goals or crew (the lexicon's ``goal_nouns`` and
        ``told_ahead_headings``, or a person's need: "What *I need*"), and a later heading names the steps
        (``step_headings``). Read as orders, the goals and the crew's roles were made into steps beside the
        steps said under their own heading."""
        heads = self._headings()
        if not heads or any(w in SENTENCE_END for w in self.words[:heads[0][0]]):
            return 0, 0
        first = heads[0][1]
        told = bool(first) and (first[0] in self.lex.goal_nouns | self.lex.told_ahead_headings or (
            any(w in self.lex.goal_people for w in first) and any(w in self.lex.goal_need_words for w in first)))
        steps = next((k for k, words in heads[1:] if " ".join(words) in self.lex.step_headings), None)
        return (0, steps) if told and steps is not None else (0, 0)

    @staticmethod
    def _told_deeds(segs: Sequence[Segment], span: tuple[int, int]) -> dict[str, set[tuple[str, str]]]:
        """What the sections told ahead (:meth:`_headed_job`) give each robot named by number: (action, place) for
        each work verb and named place of its clause ("Crew: excavator 1 digs at soil 1": dig at soil1)."""
        out: dict[str, set[tuple[str, str]]] = {}
        for seg in segs:
            if seg.items and span[0] <= seg.items[0].start < span[1]:
                done = {(v, p) for v in _work_targets(seg.items) for p in named_objects(seg.items)}
                for r in named_ids(seg.items):
                    out.setdefault(r, set()).update(done)
        return out

    @staticmethod
    def _told_unnamed(segs: Sequence[Segment], span: tuple[int, int]) -> list[tuple[str, set[str]]]:
        """The robots the sections told ahead cast with no number ("Crew: ... whichever truck is free does the
        hauling", "any idle truck does the hauling"): each one's type and the words of its clause and of its own
        words between article and noun ("free", "idle"), by which the steps then call it."""
        return [(str(it.payload.rtype), {x.text for x in seg.items if x.kind in (ItemKind.WORD, ItemKind.MARK)}
                 | set(it.text.lower().split()[1:-1]))
                for seg in segs if seg.items and span[0] <= seg.items[0].start < span[1]
                for it in seg.items if it.kind is ItemKind.ROBOT and it.payload.form == "type"
                and it.payload.count <= 1 and not it.payload.plural]

    def _told_unnamed_first(self, seg: Segment, unnamed: list[tuple[str, set[str]]]) -> None:
        """"Crew: ... whichever truck is free does the hauling. Order: ... the free truck comes to soil 1": the first
        "the <word> <type>" of the steps, with a word said of a robot cast with no number, is that robot, one more
        of the type (as "a free truck"); read as "the truck", it was the truck named last (truck 3)."""
        for k, it in enumerate(seg.items):
            if it.kind is not ItemKind.ROBOT or it.payload.form != "type" or it.payload.det != "the" \
                    or it.payload.count or it.payload.plural:
                continue
            said = set(it.text.lower().split()[1:-1])
            found = next((u for u in unnamed if u[0] == it.payload.rtype and said & u[1]), None)
            if found is not None:
                unnamed.remove(found)
                desc = dataclasses.replace(it.payload, det="count", count=1)
                seg.items = [*seg.items[:k], Item(it.kind, it.start, it.end, desc, it.text), *seg.items[k + 1:]]
                return

    def _fill_told_places(self, seg: Segment, deeds: dict[str, set[tuple[str, str]]]) -> None:
        """"Order: excavators 1 and 2 drive to *their spots* ...", "Truck 3 can do *its check* at any time.": a
        robot's own place (``anchor_possessives`` before ``own_site_nouns``) or its own deed (a possessive before a
        deed noun) in the steps is the place the sections told ahead gave it: each robot's one place, or its one
        place of that action. Left as written when a robot has none or several (then read, or refused, as before)."""
        items = seg.items
        ids = [r for it in items if it.kind is ItemKind.ROBOT and it.payload.form == "ids" for r in it.payload.ids]
        if not ids or any(it.kind is ItemKind.OBJECT for it in items):
            return
        found = self._own_place_said(items)
        if found is None:
            return
        lo, hi, action, verb = found
        places = [{p for v, p in deeds.get(r, ()) if action is None or v == action} for r in ids]
        if any(len(p) != 1 for p in places):
            return
        at = (items[lo].start, items[hi - 1].end)
        new: list[Item] = [verb] if verb is not None else []
        for n, (p,) in enumerate(places):
            if n:
                new.append(Item(ItemKind.WORD, *at, None, "and"))
            kind = next((k for k, pool in self.site.objects_by_kind.items() if p in pool), "")
            new.append(Item(ItemKind.OBJECT, *at, ObjectDesc("names", (p,), kind), p))
        if len(places) > 1:
            new.append(Item(ItemKind.MARK, *at, "respectively", "respectively"))
        seg.items = [*items[:lo], *new, *items[hi:]]

    def _own_place_said(self, items: Sequence[Item]) -> tuple[int, int, str | None, Item | None] | None:
        """Where ``items`` say a robot's own place or deed: (first, past-the-last item, the deed's action or None
        for any, the verb that stands for the items), or None. "its site" (a place noun), "do its check" (a deed
        noun: its verb, the light verb before it gone), "does its check" (read as one verb already)."""
        for k, it in enumerate(items):
            if it.kind is ItemKind.VERB and any(w in self.lex.anchor_possessives for w in it.text.split()):
                return k, k + 1, str(it.payload.target), it
            if k + 1 >= len(items) or it.kind is not ItemKind.WORD or it.text not in self.lex.anchor_possessives:
                continue
            noun = items[k + 1]
            if noun.kind is ItemKind.WORD and noun.text in self.lex.own_site_nouns:
                return k, k + 2, None, None
            if noun.kind is ItemKind.EVENT:
                light = k > 0 and items[k - 1].kind is ItemKind.WORD and items[k - 1].text in self.lex.light_verbs
                verb = Item(ItemKind.VERB, it.start, noun.end, VerbHit(str(noun.payload.action), "verb", noun.text),
                            noun.text)
                return k - light, k + 2, str(noun.payload.action), verb
        return None

    def _plan_said(self, seg: Segment) -> None:
        """A clause of a plan spelled out after it (``_spelled_out_sentences``): no step; its robots are
        remembered, its subject last, so that "First it drives to soil 1" is the subject."""
        robots = [it for it in seg.items if it.kind is ItemKind.ROBOT and it.payload.form == "ids"]
        for it in [*robots[1:], *robots[:1]]:
            self.res.remember(tuple(self.res.resolve(it.payload) or ()))
        self._remember_counted(seg.items)
        for it in seg.items:
            self.use(it)

    def _remember_counted(self, items: Sequence[Item]) -> None:
        """The robots a plan or goal said ahead counts by type ("two excavators") are the ones its steps call "the
        excavators" or "two excavators"; forgotten with the sentence, those were all three excavators."""
        crew: list[Member] = []
        for it in items:
            if it.kind is ItemKind.ROBOT and it.payload.form == "type" and it.payload.det == "count":
                crew += [m for m in self.res.resolve(it.payload) or () if m not in crew]
        if crew:
            self.res.announced += [m for m in crew if m.is_group]
            self.res.remember(tuple(crew))

    def _casting_sentences(self, segs: Sequence[Segment]) -> set[int]:
        """Sentences that only cast unnamed robots for the job: "Choose one excavator to dig and one
        truck to haul.", "Dig-and-haul with one excavator and one dump truck:". They name robots
        (by type and count) and work, but no place, and open with a selection verb or end in a
        colon before the steps. Read as orders they would make steps with nowhere to go."""
        out: set[int] = set()
        for sent in sorted({s.sentence for s in segs}):
            group = [s for s in segs if s.sentence == sent]
            items = [it for s in group for it in s.items]
            # "To fill puddle 1 we need one digger and two lorries.": the purpose names a place, the
            # robots are only cast for it
            purpose = len(items) > 1 and items[0].kind is ItemKind.WORD and items[0].text == "to" \
                and (items[1].kind is ItemKind.VERB or (items[1].kind is ItemKind.WORD
                                                        and items[1].text not in self.lex.fillers)) and any(
                    it.kind is ItemKind.WORD and it.text in self.lex.casting_need_words
                    for it in items)
            if not items or (not purpose and any(it.kind in (ItemKind.OBJECT, ItemKind.PLACE) for it in items)):
                continue
            robots = [it for it in items if it.kind is ItemKind.ROBOT]
            if not robots or any(it.payload.form != "type" or it.payload.det != "count" for it in robots):
                continue
            if not purpose and not any(it.kind is ItemKind.VERB for it in items):
                continue  # "Two excavators: ..." speaks to them
            opener = purpose or (items[0].kind is ItemKind.WORD and items[0].text in self.lex.selection_words)
            if opener or (group[0].sentence_start and self._heading(group[-1])):
                out.add(sent)
        return out

    def _cast(self, seg: Segment) -> None:
        for it in seg.items:
            self.use(it)
            if it.kind is ItemKind.ROBOT:
                r = self.resolve_robots(it)
                if r:
                    self.res.remember(r)
                    self.res.announced += [m for m in r if m.is_group]

    def _sentence_items(self, sentence: int) -> list[Item]:
        """Every item of one sentence, across its clauses."""
        return [it for s in self.later_all if s.sentence == sentence for it in s.items]

    def _role_statement(self, seg: Segment) -> bool:
        """"Excavator 3 is the only one digging today.", "Truck 2 will be the one hauling.": who does a
        kind of work, said before the orders that give it; the robot becomes the one "it" refers to,
        and the work is left to those orders (read as an order, it was done twice)."""
        items = seg.items
        if len(items) < 4 or items[0].kind is not ItemKind.ROBOT or items[0].payload.form == "pronoun":
            return False
        k = 1
        words: list[str] = []
        while k < len(items) and items[k].kind is ItemKind.WORD:
            words.append(items[k].text)
            k += 1
        if not (words and words[-1] == "one" and "the" in words and words[0] in self.lex.role_statement_leads):
            return False
        if k >= len(items) or items[k].kind is not ItemKind.VERB or not items[k].text.split()[0].endswith("ing") \
                or any(it.kind not in (ItemKind.WORD, ItemKind.MARK) for it in items[k + 1:]):
            return False
        return self._take_as_statement(items)

    def _needs_place(self, seg: Segment) -> bool:
        """"Dump truck 3 will need puddle 2, but ...": a robot that needs a place says why a keep-out
        spares it, not that it goes there (read as a terse move, it drove there first)."""
        items = seg.items
        if len(items) < 3 or items[0].kind is not ItemKind.ROBOT or items[0].payload.form == "pronoun":
            return False
        k = 1
        while k < len(items) and items[k].kind is ItemKind.WORD and items[k].text in self.lex.place_need_leads:
            k += 1
        if k + 1 >= len(items) or items[k].kind is not ItemKind.WORD or items[k].text not in self.lex.place_need_words:
            return False
        if items[k + 1].kind is not ItemKind.OBJECT or any(
                it.kind not in (ItemKind.WORD, ItemKind.MARK, ItemKind.OBJECT) for it in items[k + 2:]):
            return False
        return self._take_as_statement(items)

    def _job_held(self, seg: Segment) -> bool:
        """"Excavator 3 and truck 2 have a job at soil 1", "Truck 1 has work at rock 2": robots that hold a job at a
        place, before the sentences that say what it is and when they set off. Read as a move, they drove there at
        once, ahead of everything the job waits for. Kept as a goal: a plan that never brings them there is
        refused."""
        items = seg.items
        k = 0
        while k < len(items) and (items[k].kind is ItemKind.ROBOT and items[k].payload.form != "pronoun" or (
                k > 0 and items[k].kind is ItemKind.WORD and items[k].text in self.lex.clause_joining_words)):
            k += 1
        if k == 0 or k >= len(items) or items[k].kind is not ItemKind.WORD \
                or items[k].text not in self.lex.job_holding_verbs:
            return False
        rest = items[k + 1:]
        nouns = [j for j, it in enumerate(rest) if it.kind is ItemKind.WORD and it.text in self.lex.held_job_nouns]
        if not nouns or any(it.kind not in (ItemKind.WORD, ItemKind.MARK) for it in rest[:nouns[0]]):
            return False
        return any(it.kind is ItemKind.OBJECT and it.payload.form != "pronoun" for it in rest[nouns[0]:]) and all(
            it.kind in (ItemKind.WORD, ItemKind.MARK, ItemKind.OBJECT) for it in rest[nouns[0]:])

    def _take_as_statement(self, items: Sequence[Item]) -> bool:
        """A clause that states something about its leading robot and orders nothing: the robot
        is remembered (a later pronoun means it) and every word counts as understood."""
        who = self.resolve_robots(items[0])
        if who:
            self.res.remember(who)
        for it in items:
            self.use(it)
        return True

    def _reason(self, seg: Segment) -> bool:
        """"Because the surveyors are working around obstacle 2 all day, every robot ...", "..., since the slope
        there is being checked": a clause opened by a word of reason (the lexicon's ``reason_openers``) with no
        verb we know, or no robot, says why, not what to do. Its words are understood and its objects remembered
        (the main clause's "it" is the object the reason spoke of), but it makes no step: read as an order it had
        no robot (or took the robot before it for a move to "there"). A reason that holds a keep-out verb or a word
        of need (``thing_order_words``: "because puddle 1 *must* be fenced off") asks for something: it is read as
        an order (or refused with its words named), never dropped."""
        items = [it for it in seg.items if it.kind is not ItemKind.MARK]
        if not items or items[0].kind is not ItemKind.WORD or items[0].text not in self.lex.reason_openers:
            return False
        heir = self._reason_heir(seg)
        if seg.connective is not None and heir is None:
            return False
        blocking = {k for k in range(len(items)) if _blocks_something(items, k)}
        if blocking:  # "because it blocks the road": what blocks is the thing spoken of, no robot
            items = [it for k, it in enumerate(items) if not (k + 1 in blocking and _it_pronoun(it))
                     and k not in blocking]
        verbs = [k for k, it in enumerate(items) if it.kind is ItemKind.VERB]
        robots = any(it.kind is ItemKind.ROBOT for it in items)
        # "because excavator 2 is at soil 1": a verb that only says where its robot stands is no deed
        state = len(verbs) == 1 and items[verbs[0]].text in self.lex.state_copulas \
            and items[verbs[0] - 1].kind is ItemKind.ROBOT
        if verbs and robots and not state and not self._nobody_yet(items, verbs[0]):
            return False  # "since truck 1 has dumped, ...": a robot's deed may time what follows
        # "because excavator 2 needs the path clear": a robot's need with no deed and no place asks nothing of it
        bare_need = robots and not verbs and not any(it.kind in (ItemKind.OBJECT, ItemKind.PLACE) for it in items)
        if any(it.kind is ItemKind.VERB and it.payload.target in KEEPOUT_ACTIONS for it in items) \
                or (self._needs_something(items) and not bare_need and not self._need_met_before(seg, items)
                    and not self._need_met_after(seg, items)):
            return False  # "because puddle 1 must be fenced off, ...": a keep-out or a need is an order, no reason
        for it in seg.items:
            self.use(it)
            if it.kind is ItemKind.OBJECT and it.payload.form == "names":
                self.resolve_objects(it, cargo_ok=True)
        if heir is not None and seg.connective is not None:
            heir.connective, heir.connective_text = seg.connective, seg.connective_text
        return True

    def _nobody_yet(self, items: Sequence[Item], verb: int) -> bool:
        """"Because *nobody has looked at* rock 2 yet, truck 1 checks it": a reason whose only robots are a negation
        ("nobody", "no robot") and whose verb tells what has happened (after a perfect auxiliary, the lexicon's
        ``report_auxiliaries``, or said in the past) times nothing, since no deed took place. Read on as a clause, its
        negated subject put up a keep-out of rock 2 for everybody, and truck 1 was refused going there."""
        robots = [it for it in items if it.kind is ItemKind.ROBOT]
        if not robots or not all(getattr(it.payload, "negated", False) for it in robots) \
                or self._needs_something(items):
            return False
        first = items[verb].text.split()[0]
        return first.endswith(tuple(self.lex.condition_participle_endings) or ("\0",)) or any(
            it.kind is ItemKind.WORD and it.text in self.lex.report_auxiliaries for it in items[:verb])

    def _meantime_relative(self, seg: Segment, nxt: Sequence[Segment]) -> bool:
        """"When the digging is done, excavator 1 loads truck 1, *which has driven to soil 2 in the meantime*": a
        relative clause closed by "in the meantime" (the lexicon's ``meantime_words``, left as an empty clause of its
        own) tells what its robot did while the anchor's work went on; timed by the anchor, the truck's move waited
        for the digging."""
        where = bool(seg.items) and seg.items[0].kind is ItemKind.WORD and seg.items[0].text == "where" \
            and seg.has(ItemKind.ROBOT)  # "..., where excavator 2 has dug in the meantime": so is a place relative
        return (_relative_which(seg.items, 0) or where) and bool(nxt) and nxt[0].sentence == seg.sentence \
            and not nxt[0].items and nxt[0].connective == "parallel" \
            and nxt[0].connective_text in self.lex.meantime_words

    def _need_met_before(self, seg: Segment, items: Sequence[Item]) -> bool:
        """"Truck 2 carries the soil to puddle 1, *because the puddle has to be filled*": a need with no robot whose
        places are all places of the step said just before it in its sentence is what that step is done for. Read as
        an order, "be filled" added a loading of a truck by the excavator named last."""
        if any(it.kind is ItemKind.ROBOT for it in items):
            return False
        k = next((j for j, s in enumerate(self.later_all) if s is seg), None)
        if not k:
            return False
        before = self.later_all[k - 1]
        if before.sentence != seg.sentence or not before.has(ItemKind.VERB):
            return False
        places = named_objects(before.items)
        wanted = [it.payload for it in items if it.kind is ItemKind.OBJECT]
        return bool(places) and bool(wanted) and all(
            (d.form == "names" and set(d.names) <= places)
            or (d.form == "kind" and not d.plural and any(p.rstrip("0123456789") == d.kind for p in places))
            for d in wanted)

    def _need_met_after(self, seg: Segment, items: Sequence[Item]) -> bool:
        """"*Because rock 1 must be inspected*, truck 2 checks it.": a need with no robot, met by the clause right
        after it in its sentence (a robot does work of the kind needed, at the places needed, named or spoken of with
        a pronoun), is what that clause is done for. Read as an order it had no robot and was refused; a need that
        clause does not meet ("..., truck 2 goes to soil 1") still is."""
        if any(it.kind is ItemKind.ROBOT for it in items):
            return False
        k = next((j for j, s in enumerate(self.later_all) if s is seg), None)
        if k is None or k + 1 >= len(self.later_all):
            return False
        after = self.later_all[k + 1]
        done = {self._deed_kind(it.payload) for it in after.items  # "follows it": a robot followed, no place
                if it.kind is ItemKind.VERB and it.payload.lemma not in self.lex.follow_verbs}
        needed = {self._deed_kind(it.payload) for it in items if it.kind is ItemKind.VERB}
        if after.sentence != seg.sentence or not after.has(ItemKind.ROBOT) or not needed or not needed <= done:
            return False
        wanted = [it.payload for it in items if it.kind is ItemKind.OBJECT]
        places = named_objects(after.items)
        verb = next(j for j, it in enumerate(after.items) if it.kind is ItemKind.VERB)
        # "checks *it*": a pronoun after the verb (read as a robot until the reason is set aside) is the place needed
        spoken = any(it.kind in (ItemKind.OBJECT, ItemKind.ROBOT) and it.payload.form == "pronoun"
                     for it in after.items[verb + 1:])
        return bool(wanted) and all(d.form == "names" and (set(d.names) <= places or spoken) for d in wanted)

    def _deed_kind(self, v: VerbHit) -> tuple[str, bool]:
        """A verb's action, and whether it checks (lexicon ``checked_both_verbs``): a check is met by a check only;
        "because rock 1 must be inspected, truck 2 goes to rock 1" stays refused (mends 14), a drive is no check."""
        return v.target, v.lemma in self.lex.checked_both_verbs

    def _deadline(self, seg: Segment) -> bool:
        """"... carries the soil to puddle 1 *before tomorrow*": a time of day or a day after "before" (the lexicon's
        ``deadline_words``) names no step to wait for; it was read as one and refused ("'tomorrow' is not a skill
        of truck 2")."""
        words = " ".join(it.text.lower() for it in seg.items if it.kind is not ItemKind.PUNCT)
        if seg.connective_text not in self.lex.deadline_connectives or words not in self.lex.deadline_words:
            return False
        for it in seg.items:
            self.use(it)
        return True

    def _reason_heir(self, seg: Segment) -> Segment | None:
        """"At the same time, *since puddle 2 has dried out*, lift the keep-out around it": a reason said after the
        connective stands between the connective and the clause it times. The clause right after it in the same
        sentence, opened by no connective of its own, inherits the timing; read as an order, the reason had no robot
        and sent the robot before it to puddle 2."""
        k = next((j for j, s in enumerate(self.later_all) if s is seg), None)
        if k is None or k + 1 >= len(self.later_all):
            return None
        nxt = self.later_all[k + 1]
        if nxt.sentence != seg.sentence or nxt.connective is not None or nxt.role is not SegmentRole.MAIN:
            return None
        return nxt

    def _counted_preview(self, seg: Segment) -> bool:
        """"Hello team, two trucks will need loading at soil 1 this afternoon. ... Trucks 1 and 2 go to soil 1.
        Excavator 2 loads them.": a need (``goal_need_words``) of robots counted by type, said before any robot is
        named, whose places all come back in later sentences that name at least that many robots of the type, is the
        job told ahead; read as a step, it sent two more trucks to soil 1 beside trucks 1 and 2."""
        robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
        words = [w for it in seg.items if it.kind is ItemKind.WORD for w in it.text.lower().split()]
        if not robots or any(r.payload.form != "type" or r.payload.det != "count" for r in robots) \
                or not any(w in self.lex.goal_need_words for w in words):
            return False
        if any(it.kind is ItemKind.ROBOT and it.payload.form == "ids"
               for s in self.later_all if s.sentence < seg.sentence for it in s.items):
            return False
        later = [it for s in self.later_all if s.sentence > seg.sentence for it in s.items]
        for r in robots:
            named = {i for it in later if it.kind is ItemKind.ROBOT and it.payload.form == "ids"
                     for i in it.payload.ids if r.payload.rtype in i}
            if len(named) < r.payload.count:
                return False
        here = named_objects(seg.items)
        if not here or not here <= named_objects(later):
            return False
        for it in seg.items:
            self.use(it)
        return True

    def _cut_reason(self, seg: Segment) -> Segment:
        """"Excavator 1 inspects rock 1 because the rock may block the road": a reason opened inside the clause (the
        lexicon's ``reason_cut_words``) says why the step is done. Read on, "the rock may block the road" put up a
        keep-out of rock 1 for excavator 1. With a robot, a word of need or a keep-out of a place in it ("because
        puddle 1 must be fenced off") it may ask for something: left to the clause, as before."""
        items = seg.items
        k = next((k for k, it in enumerate(items) if k > 0 and it.kind is ItemKind.WORD
                  and it.text in self.lex.reason_cut_words), None)
        if k is None:
            return seg
        tail = [it for it in items[k + 1:] if it.kind is not ItemKind.MARK]
        blocking = [j for j in range(len(tail)) if _blocks_something(tail, j)]
        if any(it.kind is ItemKind.CONNECTIVE for it in tail) or self._needs_something(tail) or any(
                # "because the water may block the trucks": robots only as what is blocked, or "it" that blocks
                (it.kind is ItemKind.ROBOT and not (_it_pronoun(it) and j + 1 in blocking)
                 and not (blocking and j > blocking[0]))
                or (it.kind is ItemKind.VERB and it.payload.target in KEEPOUT_ACTIONS and j not in blocking)
                for j, it in enumerate(tail)):
            return seg
        for it in items[k:]:
            self.use(it)
            if it.kind is ItemKind.OBJECT and it.payload.form == "names":
                self.resolve_objects(it, cargo_ok=True)
        return Segment(list(items[:k]), seg.sentence, seg.connective, seg.connective_text, seg.role, seg.after_punct,
                       seg.sentence_start, seg.ended_by)

    def _addresses_next(self, seg: Segment, nxt: Sequence[Segment], made_before: int) -> bool:
        """Robots said alone between an anchor and an order ("Once excavator 2 is done, *trucks 2 and 3*, come over
        to rock 2"): the vocative makes no step, so the anchor's timing belongs to the order it addresses (dropped
        with the vocative, the trucks drove at once). "excavator 2 and truck 1" is such an address too: robots joined
        by the lexicon's ``group_list_joins``."""
        return bool(nxt) and nxt[0].sentence == seg.sentence and nxt[0].role is SegmentRole.MAIN \
            and not nxt[0].has(ItemKind.ROBOT) and self.vocative is not None \
            and len(self.b.drafts) == made_before and bool(seg.items) \
            and seg.items[0].kind is ItemKind.ROBOT and seg.items[-1].kind is ItemKind.ROBOT \
            and all(it.kind is ItemKind.ROBOT or (it.kind in (ItemKind.WORD, ItemKind.PUNCT)
                                                  and it.text in self.lex.group_list_joins | {","})
                    for it in seg.items)

    def _robots_before_a_step(self, seg: Segment) -> bool:
        """"The first truck and then the third truck go to soil 1": robots with no verb of their own, then a
        connective of sequence and a clause with robots and a verb of its own. The verbless robots were kept for a
        clause with no subject, which never came: truck 1 was dropped without a word. Refused, naming them."""
        nxt = self.following[0] if self.following else None
        if seg.ended_by != "connective" or nxt is None or nxt.connective != "sequence" \
                or nxt.connective_text.split()[0] not in self.lex.clause_joining_words \
                or any(it.kind is not ItemKind.ROBOT for it in seg.items) \
                or not nxt.has(ItemKind.ROBOT) or not nxt.has(ItemKind.VERB):
            return False
        self.errors.append(f"{seg.text!r} has no verb of its own before {nxt.connective_text!r} "
                           f"(say what it does: '... goes to X, then ...')")
        return True

    def _start_remark(self, seg: Segment) -> bool:
        """"..., both start now": robots with only a verb of starting (the lexicon's ``start_remark_verbs``) and
        words of time (``start_remark_words``, or a mark of "at once") time the steps just said; read as a
        verbless repeat, the clause before was done again by all of them. No step; the words are used."""
        lex = self.lex
        robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
        rest = [it for it in seg.items if it.kind is not ItemKind.ROBOT]
        if not robots or not any(it.kind is ItemKind.WORD and it.text in lex.start_remark_verbs for it in rest):
            return False
        if not all((it.kind is ItemKind.WORD and it.text in lex.start_remark_verbs | lex.start_remark_words)
                   or (it.kind is ItemKind.MARK and it.payload == "now") for it in rest):
            return False
        for it in seg.items:
            self.use(it)
        return True

    def _loose_ordinals(self, seg: Segment) -> bool:
        """"Excavator 2 goes to rock 1. The first and the third go to soil 1.": ordinals with an article
        (the lexicon's ``ordinal_list_articles``) and no robot noun after them, in a clause that names no robot,
        before its first verb or place, each ordinal followed by a verb or a joining word (``ordinal_list_joins``).
        Which robots they count cannot be told (the robot before is no list to
        count in), and the clause, read without them, sent the robot before (excavator 2) there with the words
        left unplaced. Refused, naming the words."""
        if seg.has(ItemKind.ROBOT):
            return False
        items, lex = seg.items, self.lex
        for k, it in enumerate(items):
            if it.kind in (ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE, ItemKind.EVENT):
                return False
            nxt = items[k + 1] if k + 1 < len(items) else None
            if it.kind in (ItemKind.WORD, ItemKind.CONNECTIVE) and it.text in lex.ordinals and k > 0 \
                    and items[k - 1].kind is ItemKind.WORD and items[k - 1].text in lex.ordinal_list_articles \
                    and ((nxt is None and seg.ended_by == "connective") or nxt is not None and (
                        nxt.kind is ItemKind.VERB or (nxt.kind in (ItemKind.WORD, ItemKind.PUNCT) and (
                            nxt.text in lex.ordinal_list_joins or lex.verb_index.match([nxt.text], 0))))):
                # not "the first crew, ...": a noun of its own after the ordinal
                said = " ".join(x.text for x in items[:k + 1])
                self.errors.append(f"which robots are {said!r} in {seg.text!r}? (no robot noun after the "
                                   f"ordinal: say 'the first truck', 'excavator 3')")
                for x in items:
                    self.use(x)
                return True
        return False

    def _remark_need(self, seg: Segment) -> bool:
        """"Rock 2 needs clearing.", "Rock 2 must be cleared.": a remark (no verb we know) that states a need, with a
        gerund or a participle after it, asks for work on its place, a goal the plan must serve; read as a remark
        only, a plan that never went there dropped it unsaid. "Puddle 1 needs to dry" (no such word after the need),
        "needs no clearing" (the lexicon's ``goal_negating_words``) and a negated need ask for no work."""
        if any(it.kind is ItemKind.MARK and it.payload == "neg" for it in seg.items):
            return False
        words = [w for it in seg.items if it.kind is ItemKind.WORD for w in it.text.split()]
        need = next((k for k, w in enumerate(words) if w in self.lex.goal_need_words or w in self.lex.reason_need_words
                     or " ".join(words[k:k + 2]) in self.lex.reason_need_words), None)
        if need is None:
            return False
        rest = words[need + 1:]
        k = 0  # "must *be* cleared", "has *to be* cleared", "needs *to get* cleared": the deed right after the need
        while k < len(rest) and (rest[k] in self.lex.passive_auxiliaries or rest[k] == "to"):
            k += 1
        if k >= len(rest) or any(w in self.lex.goal_negating_words for w in rest):
            return False
        deed = rest[k]
        endings = tuple(self.lex.anchor_gerund_endings | self.lex.condition_participle_endings)
        # not a state kept ("must stay untouched", "needs puddle 1 *un*disturbed") nor work of others ("needs to be
        # monitored *by* the surveyors")
        return deed.endswith(endings) and not deed.startswith(tuple(self.lex.goal_state_prefixes)) \
            and not any(w in self.lex.goal_agent_words for w in rest[k + 1:])

    def _needs_something(self, items: Sequence[Item]) -> bool:
        """A word of need, one word or two in a row (the lexicon's ``reason_need_words``: "must", "has to")."""
        words = [it.text for it in items if it.kind is ItemKind.WORD]
        return any(w in self.lex.reason_need_words for w in words) \
            or any(f"{a} {b}" in self.lex.reason_need_words for a, b in zip(words, words[1:]))

    def _work_frame(self, seg: Segment) -> bool:
        """"We need the puddles sealed off while the trucks work", "truck 1 goes to soil 1 while the excavators are
        working": a clause of "while" whose robots are only said to be at work (lexicon ``frame_work_words``) times
        the clause before it and orders nothing. With no verb of its own it was read as that clause said again for
        its robots (all three trucks were kept out, all three excavators sent to soil 1)."""
        if seg.connective != "parallel" or seg.connective_text not in ("while", "whilst") or not seg.items:
            return False
        if self._place_worked_on(seg.items):
            return True
        if seg.items[0].kind is not ItemKind.ROBOT:
            return False
        rest = " ".join(it.text.lower() for it in seg.items[1:] if it.kind is not ItemKind.PUNCT)
        return rest in self.lex.frame_work_words

    def _place_worked_on(self, items: Sequence[Item]) -> bool:
        """"(keep away from rock 1) while the rock / it is being broken up": a place, a progressive passive (lexicon
        ``frame_passive_words``) and a digging verb, nothing after. Robots are never dug, so an "it" there is the
        place; read as an order, the robots named last were made to dig and the plan was refused."""
        subject = items[0]
        place = subject.kind is ItemKind.OBJECT or (subject.kind is ItemKind.ROBOT
                                                    and subject.payload.form == "pronoun"
                                                    and subject.payload.pronoun in ("it", "they"))
        v = next((k for k, it in enumerate(items) if it.kind is not ItemKind.WORD and k > 0), len(items))
        if not place or v >= len(items) or items[v].kind is not ItemKind.VERB or items[v].payload.target != "dig":
            return False
        auxiliaries = " ".join(it.text.lower() for it in items[1:v])
        return auxiliaries in self.lex.frame_passive_words \
            and all(it.kind is ItemKind.PUNCT for it in items[v + 1:])

    def _no_work_there(self, seg: Segment) -> bool:
        """"(so) there is no digging today": "there", a form of "be", a negation (``type_negations``), then a
        digging or visit verb and only plain words or marks: work that is not asked for, no step. Read as an order,
        the robots named last dug at the place named last."""
        items = seg.items
        k = 1 if items and items[0].kind is ItemKind.WORD and items[0].text in ("so", "and") else 0
        if seg.connective is not None or len(items) < k + 4 or items[k].kind is not ItemKind.OBJECT \
                or items[k].text.lower() != "there" or items[k + 1].text not in ("is", "are", "'s") \
                or items[k + 2].text not in self.lex.type_negations or items[k + 3].kind is not ItemKind.VERB \
                or items[k + 3].payload.target not in {*MOVES, "dig"} \
                or not all(it.kind in (ItemKind.WORD, ItemKind.MARK, ItemKind.OBJECT) for it in items[k + 4:]):
            return False
        for it in items:
            self.use(it)
        return True

    def _no_need(self, seg: Segment) -> bool:
        """"(so) it does not need to go back there", "truck 1 doesn't have to visit puddle 1": a robot, a negation, a
        phrase of need (``unneeded_phrases``), then a visit or work verb: nothing asked of it, no step. Read as a
        "must not", it kept the robot out of a place it was only spared from visiting. A negated robot ("nobody needs
        to go there again", "no one has to visit rock 1") is the robot and the negation at once."""
        items = seg.items
        k = 1 if items and items[0].kind is ItemKind.WORD and items[0].text in ("so", "and") else 0
        r = k + self._subject_run(items[k:])
        n = next((j for j in range(r, len(items)) if items[j].kind is ItemKind.MARK and items[j].payload == "neg"),
                 None)
        v = next((j for j in range(r, len(items)) if items[j].kind is ItemKind.VERB), None)
        if n is None and r == k + 1 and items[k].payload.negated:
            n = k  # "(so) nobody needs to go there again": the subject is the negation
            if seg.connective is None and v == r and self._so_nobody_works(items, k):
                for it in items:
                    self.use(it)
                return True
        if r == k or seg.connective is not None or n is None or v is None or v < n \
                or not all(it.kind is ItemKind.WORD for it in items[r:n]):
            return False
        need = " ".join(it.text for it in items[n + 1:v])
        if need not in self.lex.unneeded_phrases or items[v].payload.target not in {*MOVES, "dig"} \
                or not all(it.kind in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.PLACE)
                           or (it.kind is ItemKind.MARK and it.payload == "again") for it in items[v + 1:]):
            return False
        for it in items:
            self.use(it)
        return True

    def _not_needed(self, seg: Segment) -> bool:
        """"The other excavators aren't needed at the puddle": robots, a phrase saying they are not needed (lexicon
        ``unneeded_robot_phrases``), then only plain words, places and words of when ("today", "for now", "at the
        moment"): they are spared the place, no step and no keep-out; a pronoun after it means them. Read as an
        order, the robots were sent to the place ("aren't" left unplaced), or kept out of it."""
        items = seg.items
        r = self._subject_run(items)
        if seg.connective is not None or r == 0:
            return False
        v = next((j for j in range(r, len(items)) if items[j].kind not in (ItemKind.WORD, ItemKind.MARK)), len(items))
        phrase = " ".join(it.text.lower() for it in items[r:v])
        if not any(phrase == p or phrase.startswith(p + " ") for p in self.lex.unneeded_robot_phrases) \
                or not all(it.kind in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.PLACE)
                           or (it.kind is ItemKind.MARK and it.payload in _SPARED_TIME_MARKS)
                           or _spared_gerund(items, j) for j, it in enumerate(items[v:], v)):
            return False
        who = tuple(m for it in items[:r] if it.kind is ItemKind.ROBOT for m in self.resolve_robots(it) or ())
        if who:
            self.res.remember(who)  # "..., so they go to obstacle 2": the robots spared
        for it in items:
            self.use(it)
        return True

    @staticmethod
    def _so_nobody_works(items: Sequence[Item], k: int) -> bool:
        """"..., so nobody digs there": after "so", a negated robot (``k``) right before a verb of work in place and
        only plain words or a place after it is the consequence of work reported done, nothing left to do. Read as
        an order, the whole fleet was asked to dig and the sentence refused ("nobody goes there" stays a keep-out)."""
        v = items[k + 1]
        return k == 1 and items[0].text == "so" and v.payload.target in ("dig", "unload_bucket", "dump") \
            and v.payload.role == "verb" and all(it.kind in (ItemKind.WORD, ItemKind.OBJECT) for it in items[k + 2:])

    def _place_done(self, seg: Segment) -> bool:
        """"Rock 2 has already been broken up.", "Obstacle 1 was inspected this morning.": a place, a past or perfect
        passive (``place_done_auxiliaries``, with ``report_fillers`` between), a visit or digging verb and nothing
        after it but plain words: work done before the job, no step. Read as an order, the robots named last dug
        there again, or the clause was refused for naming no robot."""
        items = seg.items
        k = 1 if items and items[0].kind is ItemKind.WORD and items[0].text == "and" else 0
        relative = k < len(items) and items[k].kind is ItemKind.ROBOT and items[k].text.lower() in ("which", "that") \
            and items[k].start > 1 and self.words[items[k].start - 1] == ","
        if seg.connective is not None or k >= len(items) or not relative and (
                items[k].kind is not ItemKind.OBJECT or items[k].payload.form == "pronoun"):
            return False
        while k + 2 < len(items) and items[k + 1].text == "and" and items[k + 2].kind is ItemKind.OBJECT \
                and items[k + 2].payload.form != "pronoun":
            k += 2  # "puddle 1 and puddle 2 were checked yesterday"
        v = next((n for n, it in enumerate(items) if it.kind is ItemKind.VERB), None)
        if v is None or not all(it.kind is ItemKind.WORD for it in items[k + 1:v]) \
                or items[v].payload.target not in ("navigate", "dig") or items[v].payload.role != "verb" \
                or not all(it.kind is ItemKind.WORD and it.text not in self.lex.passive_agent_words
                           for it in items[v + 1:]):
            return False  # "once puddle 1 has been checked by excavator 2": its agent is asked to do it
        aux = " ".join(it.text for it in items[k + 1:v] if it.text not in self.lex.report_fillers)
        if aux not in self.lex.place_done_auxiliaries:
            return False
        for it in items:
            self.use(it)
        return True

    def _existential_absence(self, seg: Segment) -> bool:
        """"There is no truck at rock 2.": where no robot of a type is, said with no word that makes it a rule (those
        are read as keep-outs: :func:`.fleetnouns.fold_negated_types`). A fact about the site or a keep-out, it
        cannot be told which; read as an order, it sent a truck there. Refused, naming the words."""
        items = seg.items
        k = 1
        while k < len(items) and items[k].kind in (ItemKind.WORD, ItemKind.MARK) \
                and items[k].text not in self.lex.type_negations:
            k += 1
        if len(items) < 3 or items[0].kind is not ItemKind.OBJECT or items[0].text.lower() != "there" \
                or k + 1 >= len(items) or items[k].kind is not ItemKind.WORD \
                or items[k + 1].kind is not ItemKind.ROBOT or items[k + 1].payload.form != "type" \
                or items[k + 1].payload.det != "bare":
            return False
        for it in items:
            self.use(it)
        said = " ".join(it.text for it in items[k:k + 2])
        self.errors.append(f"is {seg.text!r} a fact or a keep-out? (to keep them out, say '{said} may enter ...'; "
                           f"a fact needs no step: leave it out)")
        return True

    def _expletive(self, seg: Segment) -> bool:
        """"It's a hauling day.", "It is windy today.": "it" with no robot to stand for, in a sentence
        that names no other robot, no place and no action: a remark about the day, not an order."""
        items = seg.items
        if len(items) < 2 or items[0].kind is not ItemKind.ROBOT or items[0].text.lower() != "it" \
                or items[1].kind is not ItemKind.WORD or items[1].text not in self.lex.expletive_copulas:
            return False
        return not any(it.kind in (ItemKind.ROBOT, ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE)
                       for it in self._sentence_items(seg.sentence)[1:])

    def _expletive_clause(self, seg: Segment) -> bool:
        """"(it's muddy)", ", it's wet there": "it" with no robot to stand for, a form of "be" and plain words only to
        the end of its clause: a remark about the weather or the ground said inside a sentence, as ``_expletive`` reads
        one said alone. After a sentence with no robot, "it" referred to none and the job was refused."""
        items = seg.items
        return seg.connective is None and len(items) > 2 and items[0].kind is ItemKind.ROBOT \
            and items[0].text.lower() == "it" \
            and items[1].kind is ItemKind.WORD and items[1].text in self.lex.expletive_copulas \
            and all(it.kind in (ItemKind.WORD, ItemKind.MARK) for it in items[2:])

    def _job_remark(self, seg: Segment) -> bool:
        """A sentence that opens with "we", "today", ... and names no robot, object or place."""
        lead = _lead(seg.items)
        if not seg.sentence_start or lead is None or lead.kind is not ItemKind.WORD \
                or lead.text not in self.lex.remark_openers:
            return False  # ("Today we dig and haul.": a leading marker does not count)
        return not any(it.kind in (ItemKind.ROBOT, ItemKind.OBJECT, ItemKind.PLACE)
                       for it in self._sentence_items(seg.sentence))

    def _crews_remark(self, seg: Segment) -> bool:
        """"Could you please run two dig-and-haul crews side by side?", "Let us have two digging teams.": a sentence
        that names crews by their work, with no robot, object or place, before sentences whose robots make them up.
        Its verbs only say what kind of crew ("dig-and-haul crews"): read as orders, they had no robot to do them
        and the whole instruction was refused."""
        items = self._sentence_items(seg.sentence)
        if not seg.sentence_start or any(it.kind in (ItemKind.OBJECT, ItemKind.PLACE) for it in items) \
                or any(it.kind is ItemKind.ROBOT and not self._addressee(it) for it in items) \
                or not self._robot_named_beyond(seg.sentence, later=True):
            return False
        crews = [k for k, it in enumerate(items) if it.kind is ItemKind.WORD and it.text in self.lex.crew_plurals]
        return bool(crews) and all(self._crew_modifier(items, k, crews) for k, it in enumerate(items)
                                   if it.kind is ItemKind.VERB)

    def _crew_modifier(self, items: Sequence[Item], k: int, crews: Sequence[int]) -> bool:
        """The verb at ``k`` is part of the words before a crew noun ("*dig* and *haul* crews", "*digging* teams")."""
        j = k
        while j < len(items) and (items[j].kind is ItemKind.VERB or (
                items[j].kind is ItemKind.WORD and items[j].text in self.lex.clause_joining_words)):
            j += 1
        return j in crews

    @staticmethod
    def _addressee(it: Item) -> bool:
        """The robot item is the "you" a request speaks to ("Could *you* ..."), no robot of the job."""
        d = it.payload
        return getattr(d, "form", None) == "pronoun" and getattr(d, "pronoun", None) == "you"

    def _job_goal(self, seg: Segment) -> bool:
        """"Puddle 2 needs filling with rubble from rock 1.", "To fill puddle 1: ...", "Please handle
        rock 1 for us.": a sentence with no robot that says what the job is for, before sentences
        whose robots do it. Only when it states a need or purpose (or its verb is not one we know);
        a robotless order ("Go to soil 1.") is still refused."""
        # ("... so that the trucks can pass": robots after a purpose mark are not the job's doers)
        same = [it for s in self.later_all if s.sentence == seg.sentence and not self._keepout_beside(s, seg)
                for it in _before_skip(s.items)]
        later = [it for s in self.later_all if s.sentence > seg.sentence for it in s.items]
        if not any(it.kind is ItemKind.ROBOT for it in later) and not self._goal_clause_first(seg, same):
            return False
        if self._help_request(same):
            return True
        if any(it.kind is ItemKind.ROBOT for it in same):
            return self._goal_clause_first(seg, same) or self._restated_with_robots(seg, same, later)
        words = [w for it in same if it.kind is ItemKind.WORD for w in it.text.split()]
        lead = _lead(same)
        purpose = lead is not None and lead.kind is ItemKind.WORD and lead.text == "to" and self._heading(seg)
        # "today we move ..."
        human = lead is not None and lead.kind is ItemKind.WORD and lead.text in self.lex.goal_people
        need = any(w in self.lex.goal_need_words for w in words)
        unknown_verb = not any(it.kind is ItemKind.VERB for it in same) and any(
            w not in self.lex.fillers and w not in self.lex.vocabulary for w in words)
        return purpose or need or unknown_verb or human or self._goal_named(seg) or self._restated(seg, same, later) \
            or self._goal_clause_first(seg, same)

    @staticmethod
    def _keepout_beside(other: Segment, seg: Segment) -> bool:
        """"Today's job: fill puddle 1, and keep the robots off rock 2 while we work.": a keep-out clause after a
        robotless first clause of its sentence is an order of its own; its robots and place are not the goal's (read
        with them, the goal's place was not all restated later, or it had robots, and the goal was refused)."""
        if other is seg or other.sentence != seg.sentence or seg.has(ItemKind.ROBOT) or not seg.items \
                or not other.items or other.items[0].start < seg.items[-1].end:
            return False
        return any(it.kind is ItemKind.VERB and it.payload.target in KEEPOUT_ACTIONS for it in other.items)

    def _help_request(self, same: Sequence[Item]) -> bool:
        """"Could you help me get the soil moved today?": asking the reader for help states the job the robots
        named next will do; read as an order, it had no robot and the whole instruction was refused."""
        if any(it.kind is ItemKind.ROBOT and not self._addressee(it) for it in same):
            return False
        words = " ".join(it.text.lower() for it in same).split()
        return any(" ".join(words[k:k + len(p.split())]) == p for p in self.lex.help_requests
                   for k in range(len(words)))

    def _people_need_robot_aside(self, same: Sequence[Item]) -> bool:
        """"I need material from both soil piles in one truck.": a person's need with no verb, whose robots stand
        only after a preposition ("in one truck"), names no doer: it is the job's goal. Read as an order, the truck
        was sent to the soil piles beside the trucks of the steps that follow (or nowhere: refused). A sentence that
        names a place by its number is left to the other readings: it may well be the order it looks like."""
        lead = _lead(same)
        words = [w for it in same if it.kind is ItemKind.WORD for w in it.text.split()]
        if lead is None or lead.kind is not ItemKind.WORD or lead.text not in self.lex.goal_people \
                or not any(w in self.lex.goal_need_words for w in words) \
                or any(it.kind is ItemKind.VERB for it in same) \
                or any(it.kind is ItemKind.OBJECT and it.payload.form == "names" for it in same):
            return False
        preps = self.lex.place_prepositions | self.lex.rest_prepositions
        return all(k > 0 and same[k - 1].kind is ItemKind.WORD and same[k - 1].text in preps
                   for k, it in enumerate(same) if it.kind is ItemKind.ROBOT)

    def _spelled_out_goal(self, seg: Segment) -> bool:
        """"I'd like rock 2 broken up by two excavators. First the excavators go to rock 2, ...", "Could you have the
        excavators start on soil 1 and soil 2? Excavator 1 ...": a person's need or wish (``goal_people`` with
        ``goal_need_words`` or ``goal_wish_words``) or a request to the reader (``goal_request_leads``), said before
        any robot is named, whose work the later sentences spell out (:func:`.goals.spelled_out`), is the job's goal:
        no steps of its own (read as steps, the work was done twice, or the whole type was sent beside the robots of
        the steps). The robots it counts are the ones the steps then call "the excavators" or "two excavators"; its
        places are checked against the plan like any goal's."""
        same = self._sentence_items(seg.sentence)
        if self._robot_named_beyond(seg.sentence, later=False) or not (
                self._wish_or_request(same) or self._result_heading(seg, same)):
            return False
        later = [s for s in self.later_all if s.sentence > seg.sentence]
        if not _work_targets(same) <= _work_targets([it for s in later for it in s.items]) \
                or not spelled_out([s for s in self.later_all if s.sentence == seg.sentence], later, KEEPOUT_ACTIONS):
            return False  # ("... First the excavators go to rock 2.": the digging the goal asks for is no step)
        self.goal_sentences.add(seg.sentence)  # its later clauses are the goal too
        self._remember_counted(same)
        for it in seg.items:
            self.use(it)
        self._note_goal(seg)
        return True

    def _result_heading(self, seg: Segment, items: Sequence[Item]) -> bool:
        """"Rock 1 should be broken up by excavator 2, and the rubble taken to puddle 2 by truck 1: truck 1 goes to
        rock 1, ...": a sentence that opens with a place and a modal (``subject_modals``: what that place should
        become) and ends in a colon states the result the steps after the colon spell out. Read as orders, its
        robots did the work once and then again as the steps said it."""
        lead = _lead(items)
        k = next((n for n, it in enumerate(items) if it is lead), -1)
        return lead is not None and (lead.kind is ItemKind.OBJECT and lead.payload.form == "names"
                                     or self._robots_named_after(lead, items, seg.sentence)) \
            and k + 1 < len(items) and items[k + 1].kind is ItemKind.WORD \
            and items[k + 1].text.lower().split()[0] in self.lex.subject_modals and self._heading(seg)

    def _robots_named_after(self, lead: Item, items: Sequence[Item], sentence: int) -> bool:
        """"Truck 1 should take the rubble to puddle 2: truck 1 goes to rock 1, ...": a heading (``items``) whose
        subject is robots named by number is a result too, when each robot it names is named by number again in the
        steps after it (so none of them is left without the work the heading gives it)."""
        robots = [it for it in items if it.kind is ItemKind.ROBOT]
        if lead.kind is not ItemKind.ROBOT or any(it.payload.form != "ids" or not it.payload.ids for it in robots):
            return False
        later = {r for s in self.later_all if s.sentence > sentence for it in s.items
                 if it.kind is ItemKind.ROBOT and it.payload.form == "ids" for r in it.payload.ids}
        return {r for it in robots for r in it.payload.ids} <= later

    def _wish_or_request(self, items: Sequence[Item]) -> bool:
        """The sentence opens with a person who needs or wishes something, or with a request to the reader."""
        words = [w for it in items if it.kind is not ItemKind.MARK for w in it.text.lower().split()]
        if any(words[:len(p.split())] == p.split() for p in self.lex.goal_request_leads):
            return True
        return bool(words) and words[0] in self.lex.goal_people \
            and any(w in self.lex.goal_need_words | self.lex.goal_wish_words for w in words)

    def _people_need_loaded_into(self, seg: Segment) -> bool:
        """"We need soil 2 dug and loaded into two trucks. Excavator 1 ...": a person's need whose robots all stand
        after a preposition of a vessel (``goal_vessel_prepositions``) says what the work must end in, not who does
        it; when every place it names comes back in later sentences that name robots, those spell it out. Read as an
        order, it had no doer (refused) or sent the trucks to the place beside the ones the steps send."""
        same = self._sentence_items(seg.sentence)
        lead = _lead(same)
        words = [w for it in same if it.kind is ItemKind.WORD for w in it.text.split()]
        robots = [k for k, it in enumerate(same) if it.kind is ItemKind.ROBOT]
        if lead is None or lead.kind is not ItemKind.WORD or lead.text not in self.lex.goal_people \
                or not any(w in self.lex.goal_need_words for w in words) or not robots \
                or not all(k > 0 and same[k - 1].kind is ItemKind.WORD
                           and same[k - 1].text in self.lex.goal_vessel_prepositions for k in robots):
            return False
        later = [it for s in self.later_all if s.sentence > seg.sentence for it in s.items]
        here = named_objects(same)
        return any(it.kind is ItemKind.ROBOT for it in later) and bool(here) and here <= named_objects(later)

    def _goal_clause_first(self, seg: Segment, same: Sequence[Item]) -> bool:
        """"We want puddle 1 filled with soil from soil 1, and only excavator 1 and truck 2 work near it":
        the first clause of a sentence, said by a person ("we", "I") or stating a need, with no robot of
        its own, is the job's goal even when a later clause of the same sentence names robots."""
        if not (seg.sentence_start or self._after_address(seg)) or seg.has(ItemKind.ROBOT):
            return False
        own = _before_skip(seg.items)
        # "To clear rock 1, excavator 1 ...", "In order to fill puddle 2, ...": a purpose said first (lexicon
        # goal_purpose_leads), not an order with no robot ("Go to soil 1, and truck 1 ...")
        said = " ".join(it.text for it in own[:3]).split()
        purpose = any(said[:len(p.split())] == p.split() for p in self.lex.goal_purpose_leads) and (any(
            it.kind is ItemKind.VERB for it in own) or _unknown_verb_purpose(own))
        if not purpose and any(it.kind is ItemKind.VERB and it.payload.target not in KEEPOUT_ACTIONS
                               for it in own[:1]):
            return False
        words = [w for it in own if it.kind is ItemKind.WORD for w in it.text.split()]
        lead = _lead(own)
        if lead is not None and lead.kind is ItemKind.WORD and lead.text in self.lex.reason_openers:
            return False  # "Because rock 1 must be inspected, truck 2 ...": a reason, read by its own rules
        human = lead is not None and lead.kind is ItemKind.WORD and lead.text in self.lex.goal_people
        need = any(w in self.lex.goal_need_words for w in words) or any(
            " ".join(words[k:k + 2]) in self.lex.reason_need_words for k in range(len(words)))
        named = any(w in self.lex.goal_nouns for w in words)  # "The goal is to fill puddle 1 ..." (goal_nouns)
        report = self._people_report(seg)
        rest = [it for it in same if all(it is not x for x in seg.items)]
        return (human or need or named or purpose or report) and (
            any(it.kind is ItemKind.ROBOT for it in rest) or self._robot_named_beyond(seg.sentence, later=True))

    def _people_report(self, seg: Segment) -> bool:
        """"Workers reported a crack at obstacle 1, so ...": what people found is the reason for the work after it,
        not an order with no robot, nor a goal whose places the steps must reach."""
        return any(w in self.lex.report_verbs for it in seg.items if it.kind is ItemKind.WORD for w in it.text.split())

    def _after_address(self, seg: Segment) -> bool:
        """"Hello everyone, we need puddle 2 filled today.": what comes before the clause in its sentence only
        addresses the robots (robots and filler words, lexicon ``fillers``: no verb, place or mark), so the clause
        opens the sentence's content as it does after "Hello everyone." said apart."""
        before = [it for s in self.later_all if s.sentence == seg.sentence and s.items and seg.items
                  and s.items[-1].end <= seg.items[0].start for it in s.items]
        return bool(before) and any(it.kind is ItemKind.ROBOT for it in before) and all(
            it.kind is ItemKind.ROBOT or (it.kind is ItemKind.WORD and all(
                w in self.lex.fillers for w in it.text.split())) for it in before)

    def _restated_with_robots(self, seg: Segment, same: Sequence[Item], later: Sequence[Item]) -> bool:
        """"Could you please load trucks 1 and 2 from soil 2 this morning? Excavator 3 drives to soil 2 and digs.
        Excavator 3 loads truck 1 and then truck 2.": an order with no doer, said before any robot is named, whose
        robots (named by number), places and verbs all come back in the later sentences, is the job those sentences
        then spell out. Read as a step, it had no doer and was refused."""
        if self._robot_named_beyond(seg.sentence, later=False):
            return False
        # ("could *you* please ...": the person spoken to, no robot)
        robots = [it for it in same if it.kind is ItemKind.ROBOT
                  and not (it.payload.form == "pronoun" and it.payload.pronoun == "you")]
        verbs = {it.payload.target for it in same if it.kind is ItemKind.VERB}
        if not verbs or not robots or any(it.payload.form != "ids" for it in robots):
            return False  # (with no robot of its own, "could you please run two crews?" is left to the goal rules)
        later_ids = {i for it in later if it.kind is ItemKind.ROBOT and it.payload.form == "ids"
                     for i in it.payload.ids}
        later_verbs = {it.payload.target for it in later if it.kind is ItemKind.VERB}
        return {i for it in robots for i in it.payload.ids} <= later_ids and verbs <= later_verbs \
            and named_objects(same) <= named_objects(later)

    def _restated(self, seg: Segment, same: Sequence[Item], later: Sequence[Item]) -> bool:
        """"Today's job: move the rock pile at rock 2 over to puddle 1. An excavator and a truck ...":
        a robotless order said before any robot is named, whose places all come back in the later
        sentences that name robots, is the job those robots then spell out, not a step of its own."""
        if self._robot_named_beyond(seg.sentence, later=False):
            return False
        here, there = named_objects(same), named_objects(later)
        return bool(here) and here <= there

    def _cargo_goal(self, seg: Segment) -> bool:
        """A robotless sentence about the cargo that says where it must go ("Soil from soil 2 has to
        go to rock 1:", "The rubble at rock 2 needs hauling to puddle 1."): the goal of the steps
        that follow, not a step (no robot could be chosen for it)."""
        if not seg.sentence_start or not seg.items or seg.has(ItemKind.ROBOT):
            return False
        k = 0
        while k < len(seg.items) and seg.items[k].kind is ItemKind.WORD \
                and seg.items[k].text in self.lex.cargo_goal_determiners:
            k += 1
        if k >= len(seg.items):
            return False
        head = seg.items[k]
        cargo = head.text in self.lex.cargo and (head.kind is ItemKind.WORD or (
            head.kind is ItemKind.OBJECT and head.payload.form == "kind" and head.payload.det == "bare"))
        if not cargo:
            return False
        words = {it.text for it in seg.items if it.kind is ItemKind.WORD}
        return bool(words & self.lex.goal_words) or self._heading(seg) or any(
            it.kind is ItemKind.VERB and it.payload.role == "carry" for it in seg.items)

    def _heading(self, seg: Segment) -> bool:
        """The clause is the title of what follows: its sentence ends in a colon."""
        last = seg.items[-1].end if seg.items else 0
        for w in self.words[last:]:
            if w == ":":
                return True
            if w in SENTENCE_END:
                return False
        return False

    def _points_ahead(self, seg: Segment) -> bool:
        """The clause's sentence ends in words pointing at the steps after it ("Please proceed *as follows*."): like
        a colon, they make it the title of those steps, not an order for nobody."""
        if not seg.items:
            return False
        first = seg.items[0].start
        end = next((k for k in range(first, len(self.words)) if self.words[k] in SENTENCE_END), len(self.words))
        words = self.words[first:end]
        return any(words[-len(p.split()):] == p.split() for p in self.lex.forward_pointers)

    def alongside(self, seg: Segment) -> set[int] | None:
        """"... at the same time as the excavator": this clause starts when that robot's latest move
        started, so both moves wait for the same steps (and share one task when they go to one place)."""
        descs = [it.payload[1] for it in seg.items if it.kind is ItemKind.MARK and isinstance(it.payload, tuple)
                 and it.payload[0] == "alongside"]
        if not descs:
            return None
        keys: set[str] = set()
        for d in descs:
            try:
                r = self.res.resolve(d)
            except ResolutionError:
                return None
            keys |= {m.key for m in r or ()}
        for d in reversed(self.b.drafts):
            if d.alive and d.action == "navigate" and any(m.key in keys for m in d.members):
                return set(d.deps)
        return None

    def _released_it(self, seg: Segment) -> bool:
        """"... until it is released": an "until" clause of "it" and only words saying a place is let back (lexicon
        ``until_place_releases``), maybe with the step that does it after them ("... is released in step 3"). Read
        with "it" as a robot, the keep-out's clause was refused for naming none."""
        items = seg.items
        rest = items[1:]
        if rest and step_numbers(rest[-1]):
            rest = rest[:-2] if len(rest) > 2 and rest[-2].kind is ItemKind.WORD else rest[:-1]
        if rest and rest[-1].kind is ItemKind.MARK and rest[-1].payload == "again":
            rest = rest[:-1]  # "until it is released again"
        return seg.connective_text in self.lex.until_words and bool(rest) \
            and items[0].kind is ItemKind.ROBOT and items[0].payload.form == "pronoun" \
            and items[0].payload.pronoun == "it" and all(it.kind is ItemKind.WORD for it in rest) \
            and " ".join(it.text.lower() for it in rest) in self.lex.until_place_releases

    def _same_start(self, seg: Segment) -> set[int]:
        """"At the same time as the excavators set off, the trucks go to obstacle 1": the clause starts when those
        robots' latest move started, so it waits for what that move waited for. Read as a bare "in parallel", it
        waited for nothing and ran ahead of a lifting said first. Only robots and moves: "as excavator 1 digs" is
        work under way, not a start (lexicon ``departure_verbs``, or one verb of moving)."""
        items = seg.items
        r = max((k for k, it in enumerate(items) if it.kind is ItemKind.ROBOT), default=-1) + 1
        rest = items[r:]
        moves = " ".join(it.text.lower() for it in rest) in self.lex.departure_verbs or (
            len(rest) == 1 and rest[0].kind is ItemKind.VERB and rest[0].payload.target == "navigate")
        if not (seg.connective_text or "").endswith(" as") or not self.anchor_robots or not moves:
            return set()
        keys = {m.key for m in self.anchor_robots}
        for d in reversed(self.b.drafts):
            if d.alive and d.action == "navigate" and any(m.key in keys for m in d.members):
                return set(d.deps)
        return set()

    @staticmethod
    def _loads_a_robot(seg: Segment) -> bool:
        """The clause's first verb is an active loading with a robot after it ("load truck 1"): its doer loads."""
        k = next((k for k, it in enumerate(seg.items) if it.kind is ItemKind.VERB), None)
        if k is None:
            return False
        verb = seg.items[k].payload
        return verb.target == "unload_bucket" and verb.role == "verb" \
            and any(it.kind is ItemKind.ROBOT for it in seg.items[k + 1:])

    @staticmethod
    def _tips_after_move(items: Sequence[Item], k: int) -> bool:
        """The move at ``k`` is followed in its clause by a tipping with no robot after it ("it goes home and
        dumps"): the clause is a delivery, work for a truck. Read for the robot named first (the loader), the
        excavator drove home and loaded nobody there."""
        for j in range(k + 1, len(items)):
            v = items[j].payload if items[j].kind is ItemKind.VERB else None
            if v is not None and v.target == "dump" and v.role == "verb" and not v.lemma.startswith("fill"):
                return not any(it.kind is ItemKind.ROBOT and it.payload.form != "pronoun" for it in items[j + 1:])
        return False

    @staticmethod
    def _delivers(items: Sequence[Item], k: int) -> bool:
        """The carry verb at ``k`` takes a load somewhere ("..., and it hauls the soil to obstacle 1"): a delivery,
        which ends in a tipping (rule 23), work for a truck. Read for the robot named last (an excavator that
        loaded), the excavator drove off with the load."""
        return items[k].payload.role == "carry" and k + 1 < len(items) and items[k + 1].kind is ItemKind.OBJECT \
            and not any(it.kind is ItemKind.ROBOT and it.payload.form != "pronoun" for it in items[k + 1:])

    def able_referent(self, seg: Segment, pronoun: str, subject: tuple[Member, ...],
                      said: str = "") -> tuple[Member, ...]:
        """A pronoun subject that cannot do its clause's work means robots named earlier that can
        ("once truck 1 has checked obstacle 1 they both dig": the excavators, not the trucks)."""
        if pronoun not in ("it", "they", "both") and not pronoun.isdigit():
            return subject
        k = next((k for k, it in enumerate(seg.items) if it.kind is ItemKind.VERB), None)
        if k is None:
            return subject
        verb = seg.items[k].payload
        need = "dump" if verb.role == "passive_load" else verb.target if verb.target in ("dig", "load") else None
        if verb.target == "unload_bucket" and verb.role == "verb" and any(
                it.kind is ItemKind.ROBOT for it in seg.items[k + 1:]):
            need = "unload_bucket"  # "he loads truck 3": the loader, whoever was named last
        if verb.target == "dump" and verb.role == "verb" and not verb.lemma.startswith("fill") and not any(
                it.kind is ItemKind.ROBOT and it.payload.form != "pronoun" for it in seg.items[k + 1:]):
            need = "dump"  # "..., where it tips it": the truck that carried the load
        if need is None and verb.target in MOVES and (self._tips_after_move(seg.items, k)
                                                       or self._delivers(seg.items, k)):
            need = "dump"  # "the digger loads it and then it goes home and dumps": the truck that was loaded
        able = self.capable(subject, need, quiet=True) if need is not None else []
        if pronoun == "it" and len(subject) > 1 and len(able) == 1:
            return tuple(able)  # "when excavator 3 has dug and you are there, it loads you": the one that can
        if pronoun == "they" and need is not None and 0 < len(able) < len(subject):
            # "excavator 2 loads them one after the other, truck 3 first. Then they dump": "they" was the loader and
            # truck 3, and the loader cannot dump; the latest group that can and holds the able ones is meant
            group = self.res.last_able(lambda m: bool(self.capable([m], need, quiet=True)), True)
            if _size(group) > _size(able) and set(able) <= set(group):
                return group
        want = 2 if pronoun == "both" else int(pronoun) if pronoun.isdigit() else 0
        if need is not None and 0 < _size(able) < want:
            # "... truck 2 goes to soil 2, excavator 2 loads it. Both of them dump": "both" counts robots that can
            # dump, the latest two of them (the truck and its loader are not meant: one of them cannot)
            found = self.res.last_able_n(lambda m: bool(self.capable([m], need, quiet=True)), want)
            if _size(found) == want:
                return found
        if want and need is not None and 0 < _size(able) < want <= _size(subject):
            # "excavator 2 and truck 1 go to puddle 1. Both dump there": both are meant, and one cannot
            who = ", ".join(m.robot_id or f"{m.count} {m.rtype}" for m in subject if m not in able)
            self.errors.append(f"{said or pronoun!r}: {who} cannot {need.replace('_', ' ')}")
        if need is None or able:
            return subject
        found = self.res.last_able(lambda m: bool(self.capable([m], need, quiet=True)), pronoun != "it")
        return found or subject

    # -- the main loop -----------------------------------------------------------------------------
    def _arrival_of(self, seg: Segment) -> tuple[set[str], set[str]] | None:
        """The robot types and robot keys of a "before" clause that says only that robots arrive or set to work
        ("before the diggers come in", "before excavator 2 starts": the lexicon's ``arrival_phrases``, with no place);
        None for any other clause."""
        robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
        rest = [it for it in seg.items if it.kind is not ItemKind.ROBOT and it.text != "and"]
        if not robots or not rest or " ".join(it.text for it in rest) not in self.lex.arrival_phrases \
                or any(it.kind is ItemKind.OBJECT for it in rest):
            return None
        types: set[str] = set()
        keys: set[str] = set()
        for it in robots:
            d = it.payload
            if d.form == "type":
                types.add(d.rtype)
            elif d.form == "ids":
                keys |= {self.res.robot_member(r).key for r in d.ids}
            else:
                return None  # "before everyone arrives", "before it starts": not read here
        for it in seg.items:
            self.use(it)
        return types, keys

    def _arrival_gate(self, arriving: tuple[set[str], set[str]], made: set[int], sentence: int) -> None:
        """Make the first steps of the robots that arrive wait for ``made``; when the sentence made nothing ("Before
        the diggers come in, I'd like to know how bad the puddles are."), for the work of the next sentence that
        makes any (:meth:`_settle_arrival`)."""
        if not made:
            self.arrival_pending = (arriving, len(self.b.drafts), sentence)
            return
        types, keys = arriving
        for t in types:
            self.b.type_gates.setdefault(t, set()).update(made)
        for k in keys:
            self.b.gates.setdefault(k, set()).update(made)

    def _settle_arrival(self, sentence: int) -> None:
        """Once a sentence after a pending arrival is over, gate the arriving robots on the first sentence's work."""
        if self.arrival_pending is None:
            return
        arriving, start, said = self.arrival_pending
        made = [d for d in self.b.drafts[start:] if d.alive]
        first = min((self.draft_sentence.get(d.idx, sentence) for d in made), default=sentence)
        if not made or first >= sentence:
            return
        self.arrival_pending = None
        self._arrival_gate(arriving, {d.idx for d in made if self.draft_sentence.get(d.idx) == first}, said)

    def run(self, segs: Sequence[Segment]) -> None:
        pre: set[int] | None = None
        pre_par = False
        segs = list(segs)
        self.later_all = segs
        done: set[int] = set()
        casting = self._casting_sentences(segs)
        spelled = self._spelled_out_sentences(segs)
        told_ahead = self._headed_job()
        deeds = self._told_deeds(segs, told_ahead)
        unnamed = self._told_unnamed(segs, told_ahead)
        for seg in segs:
            if seg.items and told_ahead[1] and seg.items[0].start >= told_ahead[1]:
                self._fill_told_places(seg, deeds)
                self._told_unnamed_first(seg, unnamed)
        for i, seg in enumerate(segs):
            if seg.list_no is not None:
                self.step_starts.append((seg.list_no, len(self.b.drafts)))
            if i in done:
                continue
            self.res.begin_sentence(seg.sentence)
            self._settle_arrival(seg.sentence)
            self._by_then_lifting(seg)
            if seg.sentence in spelled:
                self._plan_said(seg)
                continue
            if seg.items and told_ahead[0] <= seg.items[0].start < told_ahead[1]:
                # "Goals for today: soil 1 dug out, ... Order: ...": what the steps are for; its robots are the ones
                # the steps' "the two excavators" mean
                self._plan_said(seg)
                self._note_goal(seg)
                continue
            if seg.role is SegmentRole.MAIN and self._step_timing(seg):
                # "Step 5 (starting together with step 4): ...": the timing of the clause after it
                pre, pre_par = self.anchor(seg)[0], False
                continue
            if seg.sentence in casting:
                self._cast(seg)
                continue
            if seg.role is SegmentRole.MAIN and seg.connective_text in self.lex.before_any_connectives \
                    and seg.items and seg.items[0].kind is ItemKind.ROBOT \
                    and seg.items[0].text in self.lex.indefinite_robot_words:
                # "Truck 2 checks obstacle 1 before anyone else goes near it": a time limit on the clause before,
                # no order (read as one, every other robot drove into obstacle 1)
                for it in seg.items:
                    self.use(it)
                continue
            if seg.role is SegmentRole.MAIN and i and seg.connective_text in self.lex.while_connectives \
                    and segs[i - 1].sentence == seg.sentence and self._keepout_clause(segs[i - 1]) \
                    and self._later_event(seg, keepouts=True):
                # "keep everyone away from both rocks while the excavators dig. Excavators 1 and 2 dig at soil 1":
                # the timing of the keep-out (put up during the job: _note_keepouts_during), as when fronted; read
                # as a step, it ordered the digging said later a second time
                for it in seg.items:
                    self.use(it)
                continue
            if seg.role is SegmentRole.MAIN and i and seg.connective_text in self.lex.while_connectives \
                    and segs[i - 1].sentence == seg.sentence and self._keepout_clause(segs[i - 1]) \
                    and self._people_at(seg):
                # "everyone stays off soil 2 while the surveyors work at soil 2": how long people need the place, the
                # span of the keep-out; read as a step, the robots kept out were sent into the place
                for it in seg.items:
                    self.use(it)
                continue
            if seg.role is SegmentRole.MAIN and seg.connective_text in self.lex.before_any_connectives \
                    and self._people_deed(seg):
                # "... before the surveyors arrive": a time limit set by people, no order for any robot
                for it in seg.items:
                    self.use(it)
                continue
            if seg.role is SegmentRole.ANCHOR and seg.before and not seg.post_anchor:
                # "Before X, Y": Y first, then X after what Y made
                mains = []
                for k in range(i + 1, len(segs)):
                    if segs[k].sentence != seg.sentence or segs[k].role is not SegmentRole.MAIN:
                        break
                    mains.append(k)
                if mains:
                    # "Before truck 1 goes to rock 2, it ...": a pronoun in Y points forward at X's robots
                    for it in seg.items:
                        if it.kind is ItemKind.ROBOT and it.payload.form == "ids":
                            self.res.remember(tuple(self.res.resolve(it.payload) or ()))
                    # ... and so do "it" and "the rock" at X's place ("Before excavator 2 digs at rock 1, truck 2
                    # inspects it": read first, Y had no place to refer to)
                    ahead = [n for it in seg.items if it.kind is ItemKind.OBJECT and it.payload.form == "names"
                             for n in it.payload.names]
                    if ahead:
                        self.obj_history += ahead
                        self.last_place = ahead[-1]
                    arriving = self._arrival_of(seg)
                    if arriving is not None:  # the clause after it opens the sentence ("..., I'd like to know ...")
                        segs[mains[0]].sentence_start = seg.sentence_start
                    start = len(self.b.drafts)
                    for k in mains:
                        done.add(k)
                        self.main(segs[k], pre if k == mains[0] else None, None, pre_par, False)
                    made = {d.idx for d in self.b.drafts[start:] if d.alive}
                    if arriving is not None:
                        # "Before the diggers come in, send truck 1 to puddle 1": no move of the diggers (read as
                        # one, all three went to puddle 1); their first steps wait for what the sentence made
                        self._arrival_gate(arriving, made, seg.sentence)
                        pre, pre_par = None, False
                        continue
                    if not any(it.kind in (ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE) for it in seg.items):
                        # "before it starts, the rest of the fleet stays away from soil 2": no work of its own, so
                        # no step after Y (read as one, it gave the robot Y's keep-out too)
                        for it in seg.items:
                            if it.kind is ItemKind.ROBOT:
                                self.use(it)  # its other words stay unplaced: coverage still sees them
                        pre, pre_par = None, False
                        continue
                    later = Segment(seg.items, seg.sentence, "sequence", "then", SegmentRole.MAIN, True, False,
                                    seg.ended_by)
                    self.main(later, made or None, None, False, True)
                    pre, pre_par = None, False
                    continue
            if seg.role is SegmentRole.ANCHOR and not seg.post_anchor and i + 1 < len(segs) \
                    and segs[i + 1].sentence == seg.sentence and segs[i + 1].role is SegmentRole.MAIN \
                    and self._note_dig_hold(segs[i + 1], seg):
                done.add(i + 1)  # "Until truck 2 has checked rock 1, excavator 1 does not dig.": a hold, no step
                pre, pre_par = None, False
                continue
            governed = [k for k in range(i + 1, len(segs)) if segs[k].sentence == seg.sentence
                        and segs[k].role is SegmentRole.MAIN]
            if seg.role is SegmentRole.ANCHOR and not seg.post_anchor and self._later_event(
                    seg, all(self._keepout_clause(segs[k]) for k in governed)):
                # "once the hauling is over, ...": the hauling is said later; read this after it
                if governed and seg.connective == "parallel":
                    # "while the excavators dig, the trucks keep away from puddle 1": a keep-out during work said
                    # later waits for nothing, and its lifting waits for it (rule 26, L3_036)
                    for it in seg.items:
                        self.use(it)
                    start = len(self.b.drafts)
                    for k in governed:
                        done.add(k)
                        self.main(segs[k], pre if k == governed[0] else None, None, pre_par, False)
                    self.b.during |= {d.idx for d in self.b.drafts[start:]
                                      if d.alive and d.action == "add_keepout" and not d.deps}
                    pre, pre_par = None, False
                    continue
                if governed:
                    done.update(governed)
                    self.forward.append((seg, [segs[k] for k in governed]))
                    # the robots the deferred clauses speak of, as they are now ("Truck 1: ...; when the
                    # excavators are done digging, go to soil 1")
                    self.forward_subjects[id(seg)] = self.vocative if self.vocative is not None else (
                        (self.prev.subject, False) if self.prev is not None and self.prev.subject else None)
                    continue
            if seg.role is SegmentRole.ANCHOR:
                if seg.post_anchor:
                    continue
                nxt = segs[i + 1] if i + 1 < len(segs) and segs[i + 1].sentence == seg.sentence else None
                if not seg.has(ItemKind.ROBOT) and seg.items and seg.items[0].kind is ItemKind.VERB \
                        and nxt is not None and nxt.items and nxt.items[0].kind is ItemKind.ROBOT \
                        and nxt.items[0].payload.form == "ids":
                    # "Upon reaching soil 2, excavator 1 digs": the participle's robot is the one named after it
                    self.anchor_hint = tuple(self.res.resolve(nxt.items[0].payload) or ())
                self.anchor_goals = _move_goals(nxt) if nxt is not None and nxt.role is SegmentRole.MAIN \
                    else frozenset()
                self.anchor_robots = ()
                try:
                    entry, is_par = self.anchor(seg)
                finally:
                    self.anchor_hint = ()
                    self.anchor_goals = frozenset()
                self._note_stay_wait(self._stayers_before(segs, i))
                self.stay_said = None
                self.finished_doers = (seg.sentence, self.anchor_robots) \
                    if self.anchor_robots and _finished_only(seg) else None
                self.fronted_doers = (seg.sentence, self.anchor_robots) if self.anchor_robots else None
                if nxt is None and i and segs[i - 1].sentence == seg.sentence and (
                        i + 1 >= len(segs) or segs[i + 1].sentence != seg.sentence):
                    # "Truck 3 dumps at soil 2 and truck 2 at puddle 1, each as soon as it has been loaded. The
                    # other robots go home.": an anchor that ends its sentence times the clauses before it, never
                    # the next sentence's
                    pre, pre_par = None, False
                    continue
                if self._joined_anchors(segs, i, pre, pre_par, is_par):
                    entry = set(pre or ()) | set(entry)  # "Once X, and once Y, ...": after both
                pre = entry if not is_par else self._same_start(seg)
                pre_par = is_par
                # "after being loaded it ...": the pronoun after a robotless passive is the loaded robot
                # "After reaching obstacle 1, excavator 3 returns, and truck 3 ...": a robotless anchor is
                # the subject's own; a conjunct with other robots does not wait for it
                # ("Upon discharge, truck 3 returns and excavator 1 ...": an event noun, not a participle, is
                # a moment that times the whole sentence)
                participle = bool(seg.items) and seg.items[0].kind is ItemKind.VERB and not seg.has(ItemKind.ROBOT) \
                    and seg.items[0].text.split()[0].endswith(_PARTICIPLE_ENDINGS)
                self.reduced_pre = set(entry) if participle and not is_par else set()
                self.passive_pre = not seg.has(ItemKind.ROBOT) and any(
                    (it.kind is ItemKind.VERB and (it.payload.role == "passive_load" or (
                        it.payload.target == "unload_bucket" and it.text.endswith("ed"))))
                    or (it.kind is ItemKind.EVENT and it.payload.action == "unload_bucket") for it in seg.items)
                continue
            post = segs[i + 1] if i + 1 < len(segs) and segs[i + 1].post_anchor else None
            if post is None and self._trailing_dig_hold(seg, segs[i + 1:i + 2]):
                post = segs[i + 1]  # "The digging waits until truck 2 has checked puddle 1.": the anchor is the hold's
                done.add(i + 1)
            if post is None and _gapped_conjunct(seg, segs[i + 1:i + 3]):
                # "truck 1 goes to soil 1 and truck 3 to soil 2 after the digging there": the verbless
                # conjunct shares the verb, so the timing said after it is the verb's, each conjunct's own
                post = segs[i + 2]
            if i + 1 < len(segs) and segs[i + 1].sentence == seg.sentence and segs[i + 1].role is SegmentRole.MAIN \
                    and self._step_timing(segs[i + 1]):
                # "7. Truck 3 inspects puddle 2 in parallel with steps 2-6.": the timing of this clause
                done.add(i + 1)
                pre, pre_par = self.anchor(segs[i + 1])[0], False
            if post is not None and pre is None and self._later_event(post):
                self.forward.append((post, [seg]))  # "... should be fenced off once the hauling is over"
                continue
            before_any = _before_any(seg, segs[i + 1], self.lex) if i + 1 < len(segs) and post is None else None
            if before_any is not None:
                done.add(i + 1)  # "... has to dig before any loading": read with the clause, below
            # a verbless keep-out after the clause ("..., and excavator 2 too, but not to puddle 2") does not
            # make "excavator 2 too" any less the sentence's last step
            last = all(x.sentence != seg.sentence or _negated_place_only(x) for x in segs[i + 1:i + 2])
            self.following = [x for x in segs[i + 1:] if x.sentence == seg.sentence]
            self.later = [x for x in segs[i + 1:] if x.sentence != seg.sentence]
            self.current_sentence = seg.sentence
            made_before = len(self.b.drafts)
            self.meantime = self._meantime_relative(seg, segs[i + 1:i + 2])
            self.res.ahead = self._named_ahead(seg, post, segs[i + 1:i + 2])
            try:
                self.main(seg, None if self.meantime else pre, post, pre_par and not self.meantime, last)
            finally:
                self.meantime = False
                self.res.ahead = ()
            if self.onward:
                self.go_onward(i + 1 == len(segs) or segs[i + 1].sentence > seg.sentence + 1)
            self._resume_subject(post)
            self._note_until_keepouts(self._until_anchor(segs[i - 1] if i else None, seg, post), seg.sentence,
                                      made_before)
            if post is not None and self._staying_clause(seg) \
                    and not any(d.alive and d.action not in MOVES for d in self.b.drafts[made_before:]):
                # "truck 3 remains at soil 2 until X" makes no step; "stays at soil 2 until X" may make its move there
                self._note_stay_wait(self.prev.subject if self.prev is not None else None)
            self.stay_said = None
            self._note_keepouts_during(seg, segs[i + 1:i + 2], made_before)
            self._after_both_visits(seg, made_before)
            if before_any is not None:
                self._before_earlier(set(range(made_before, len(self.b.drafts))), before_any)
            self.passive_pre = False
            for d in self.b.drafts[made_before:]:
                self.draft_sentence.setdefault(d.idx, seg.sentence)
            self.robotless_anchor = False
            if pre is not None and self._addresses_next(seg, segs[i + 1:i + 2], made_before):
                continue  # "Once X is done, trucks 2 and 3, go to rock 2": the timing is the order's
            pre = None
            pre_par = False
        self.go_onward(True)
        self.flush_all_pending()
        for anchor_seg, clauses in self.forward:
            entry, is_par = self.anchor(anchor_seg)
            for n, m in enumerate(clauses):
                self.current_sentence = m.sentence
                if n == 0 and not m.has(ItemKind.ROBOT):
                    self.vocative = self.forward_subjects.get(id(anchor_seg))
                self.main(m, (entry if not is_par else set()) if n == 0 else None, None, is_par and n == 0, True)
        self.flush_all_pending()
        self.settle_vague()
        lift_until_keepouts(self.b, self.until_keepouts + self._pending_until_ends(), self.fleet.skills)
        self.errors += apply_dig_gates(self.b, self.dig_gates)
        self.errors += apply_stay_waits(self.b, self.stay_waits, self.draft_sentence)
        if self.unmatched_digs and not any(d.alive and self._matches(d, "dig") for d in self.b.drafts):
            # the wait cannot be dropped in silence: the step would start at once, with nothing dug to load
            self.errors += [f"{said!r} waits for a digging that no step does: say who digs where"
                            for said in dict.fromkeys(self.unmatched_digs)]
        for message, said in self.negated_work:
            # "Excavator 1 does not dig at rock 2; it digs at rock 1": what it does instead is said, so the negated
            # step is no step; a negated order alone would leave the robot's part of the job unsaid
            if not any(d.alive and (not said or d.fleet or any(_same_robot(m, x) for m in d.members for x in said))
                       for d in self.b.drafts):
                self.errors.append(message)

    @staticmethod
    def _step_timing(seg: Segment) -> bool:
        """A clause that only times another by a list item's number ("starting together with step 4")."""
        return any(step_numbers(it) for it in seg.items) and not any(
            it.kind in (ItemKind.ROBOT, ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE) for it in seg.items)

    def step_entry(self, nums: Sequence[int], together: bool) -> set[int]:
        """What a reference to list items waits for: "after step N" waits for the last tasks step N
        made; "together with step N" waits for what step N's first tasks waited for."""
        order = self.step_starts
        by_no: dict[int, set[int]] = {}
        for k, (no, start) in enumerate(order):
            end = order[k + 1][1] if k + 1 < len(order) else len(self.b.drafts)
            by_no.setdefault(no, set()).update(
                d.idx for d in self.b.drafts[start:end] if d.alive)
        if together:
            firsts = [no for no in sorted(nums) if by_no.get(no)]
            if not firsts:
                return set()
            inside = by_no[firsts[0]]
            got: set[int] = set()
            for t in inside:
                if not self.b.drafts[t].deps & inside:
                    got |= self.b.drafts[t].deps
            return got
        tasks = set().union(*(by_no.get(no, set()) for no in nums))
        return {t for t in tasks if not any(t in self.b.anc[o] for o in tasks if o != t)}

    @staticmethod
    def _keepout_clause(seg: Segment) -> bool:
        """A clause that puts up or lifts a keep-out and orders no other work."""
        verbs = [it.payload.target for it in seg.items if it.kind is ItemKind.VERB]
        return bool(verbs) and all(v in KEEPOUT_ACTIONS for v in verbs)

    def _later_event(self, seg: Segment, keepouts: bool = False) -> bool:
        """An anchor that names only an event (no robot, verb or place: "once the hauling is over")
        none of whose steps exists yet, while the instruction says more after it. A "while" anchor only before
        keep-outs (``keepouts``: "while the excavators dig, the trucks keep away from puddle 1", the digging ordered
        in the next sentence): read in place, it ordered the digging a second time; it is left out."""
        if any(step_numbers(it) for it in seg.items):
            return False
        robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
        if any(it.kind in (ItemKind.OBJECT, ItemKind.PLACE) for it in seg.items) or any(
                it.payload.form not in ("type", "ids") for it in robots):
            return False
        if seg.connective_text in UNTIL or (seg.connective == "parallel" and not keepouts) \
                or "everything" in seg.marks():
            return False
        if robots:  # "when the excavators are done digging" before the excavators' own orders
            acts = {it.payload.action for it in seg.items if it.kind is ItemKind.EVENT} | {
                it.payload.target for it in seg.items if it.kind is ItemKind.VERB}
            acts = {a for a in acts if a in ("dig", "dump", "unload_bucket")}
            if not acts or any(d.alive and self._matches(d, a) for d in self.b.drafts for a in acts):
                return False
            later = [i for x in self.later_all if x.sentence > seg.sentence for i in x.items]
            return any(i.kind is ItemKind.ROBOT and self._said_again(robots, i.payload) for i in later) and any(
                i.kind is ItemKind.VERB and i.payload.target in acts for i in later)
        actions = [it.payload.action for it in seg.items if it.kind is ItemKind.EVENT
                   and it.payload.action != "any"] + [  # "is over", "is done": the state, not the event
            it.payload.target for it in seg.items if it.kind is ItemKind.VERB]
        if not actions or any(a not in ("dig", "dump", "unload_bucket") for a in actions):
            return False
        return not any(d.alive and self._matches(d, a) for d in self.b.drafts for a in actions) and any(
            x.sentence > seg.sentence for x in self.later_all)

    @staticmethod
    def _said_again(robots: Sequence[Item], d: RobotDesc) -> bool:
        """Whether a later robot mention ``d`` may be one of an anchor's ``robots``: of a type the anchor names by
        type, or by number one it names by number ("once excavator 3 has loaded truck 1" is not told again by
        "excavator 2 loads truck 2")."""
        ids = {r for it in robots if it.payload.form == "ids" for r in it.payload.ids}
        types = {it.payload.rtype for it in robots if it.payload.form == "type"}
        return d.rtype in types or (d.form == "ids" and bool(ids & set(d.ids)))

    def _trucks_loaded_by(self, excavators: Sequence[Member]) -> tuple[Member, ...]:
        """The trucks ``excavators`` loaded last (a loading still waiting to be made, or the last one made)."""
        keys = {m.key for m in excavators}
        for entry in reversed(self.deferred):
            if keys & {e.key for e in entry[0]}:
                return tuple(entry[1])
        for d in reversed(self.b.drafts):
            if d.alive and d.action == "unload_bucket" and keys & {m.key for m in d.members} and d.partners:
                return tuple(d.partners)
        return ()

    def _same_subject_after(self, seg: Segment) -> list[Segment]:
        """The clauses after ``seg`` in its sentence that go on with its subject (", and then dumps")."""
        out = []
        for x in self.following:
            if x.sentence != seg.sentence or any(it.kind is ItemKind.ROBOT for it in x.items):
                break
            out.append(x)
        return out

    def settle_vague(self) -> None:
        """A move with no place stands excused when every robot of it got a move to a named place
        later in the same sentence (the elaboration); otherwise its errors are reported."""
        for errors, keys, mark, sentence in self.vague:
            moved = {key for d in self.b.drafts[mark:] if d.alive and d.action in MOVES and d.objects
                     and self.draft_sentence.get(d.idx, sentence) == sentence
                     for key in ([_FLEET_KEY] if d.fleet else [m.key for m in d.members])}
            if not keys or not set(keys) <= moved:
                self.errors.extend(errors)

    def main(self, seg: Segment, pre: set[int] | None, post: Segment | None, pre_par: bool,
             last_in_sentence: bool = False) -> None:
        if id(seg) in self.order_tails:
            return  # "..., truck 2 first and then truck 1": the rest of a loading order, read with the loading
        self.which_conjunct = self._host_of_which(seg)
        saved = self.relative
        # "truck 2 goes to rock 1 ... once the digging at its rock is done": "its rock" in the clause's
        # own anchor is the place of that clause, not the rock named last
        self.clause_places = tuple(n for it in seg.items if it.kind is ItemKind.OBJECT
                                   and it.payload.form == "names" for n in it.payload.names) if post else ()
        host = self.host_places
        if post:
            self.host_places = self.clause_places + self._every_of_kind(seg)
        words = [it.text for it in seg.items]
        # "after which all robots avoid *the area*": a definite place noun in the clause (lexicon scene_nouns)
        # ("the inspected area", "the dig site": one word may stand between)
        self.scene_named = any(w in self.lex.scene_nouns and any(
            k > j and words[k - j] in self.lex.keepout_definite_words for j in (1, 2)) for k, w in enumerate(words))
        try:
            self._main(seg, pre, post, pre_par, last_in_sentence)
        finally:
            self.relative = saved
            self.clause_places = ()
            self.host_places = host
            self.scene_named = False

    def _host_of_which(self, seg: Segment) -> bool:
        """Remembers the clause the first "which" relative of a sentence hangs on, and makes it the clause before a
        verbless "and <robot>" that has a "which" relative of its own ("excavator 2 loads truck 2, which then takes
        the soil to puddle 1, and truck 3, which takes it to puddle 2"), saying whether ``seg`` is one: the robot is
        the host clause's next partner, said the same way as the first. Read as no step, truck 3 went to fetch
        the load its relative hauls, sent to the loading site with the excavator's move."""
        prev = self.prev
        if _relative_which(seg.items, 0):
            if prev is not None and prev.sentence == seg.sentence \
                    and (self.which_host is None or self.which_host.sentence != seg.sentence):
                self.which_host = prev
            return False
        host = self.which_host
        nxt = self.following[0] if self.following else None
        if host is None or host.sentence != seg.sentence or prev is host or len(seg.items) < 2 \
                or not (seg.items[0].kind is ItemKind.WORD and seg.items[0].text == "and") \
                or not all(it.kind is ItemKind.ROBOT for it in seg.items[1:]) \
                or nxt is None or nxt.sentence != seg.sentence or not _relative_which(nxt.items, 0):
            return False
        self.prev = host
        return True

    def _note_dig_hold(self, seg: Segment, post: Segment | None) -> bool:
        """Whether ``seg`` with ``post`` is a hold on digging (diggates.py), noted to be kept once the whole
        instruction is read. The robots it holds are resolved here, as they are named now ("neither excavator",
        "they"); robots no number pins down cannot be held, and are refused."""
        gate = dig_hold(seg, post, self.lex)
        if gate is None or post is None:
            return False
        for it in (*seg.items, *post.items):
            self.use(it)
        if gate.subject is not None:
            members = self.resolve_robots(gate.subject) or ()
            ids = {m.robot_id for m in members}
            if not ids or None in ids:
                self.errors.append(f"{gate.said!r}: say which excavators, by number, wait to dig")
                return True
            gate = dataclasses.replace(gate, diggers=frozenset(i for i in ids if i is not None))
        if gate.sites:
            sites = frozenset(n for o in gate.sites for n in self.resolve_objects(o))
            gate = dataclasses.replace(gate, dig_places=sites)  # "the digging at soil 1 waits until ..."
        self.dig_gates.append((gate, [n for o in gate.places for n in self.resolve_objects(o)]))
        return True

    def _trailing_dig_hold(self, seg: Segment, nxt: Sequence[Segment]) -> bool:
        """"The digging waits until truck 2 has checked puddle 1.": with no robot, verb or place before it, the anchor
        was taken to open a clause that never came, and the wait was dropped; it is the hold's check."""
        return bool(nxt) and nxt[0].role is SegmentRole.ANCHOR and nxt[0].sentence == seg.sentence \
            and not nxt[0].post_anchor and dig_hold(seg, nxt[0], self.lex) is not None

    def _main(self, seg: Segment, pre: set[int] | None, post: Segment | None, pre_par: bool,
              last_in_sentence: bool = False) -> None:
        for it in seg.items:
            if it.kind is ItemKind.CONNECTIVE or it.kind is ItemKind.PUNCT:
                self.use(it)
        if seg.sentence_start and seg.items and (self._role_statement(seg) or self._needs_place(seg)):
            return
        if self._note_dig_hold(seg, post):
            return
        if self._work_frame(seg):
            for it in seg.items:
                self.use(it)
            return
        if seg.sentence_start and self._job_held(seg):
            for it in seg.items:  # "Truck 2 has a job at soil 1, but first ...": the job, spelled out after
                self.use(it)
            self._note_goal(seg)
            return
        if self._existential_absence(seg) or self._manner_of_moving(seg) or self._place_done(seg) \
                or self._no_need(seg) or self._no_work_there(seg) or self._not_needed(seg):
            return
        if self._expletive_clause(seg):
            for it in seg.items:  # "Take it easy near the puddles today (it's muddy).": the weather, no order
                self.use(it)
            return
        if seg.sentence_start and seg.items and self._spelled_out_goal(seg):
            return
        if seg.sentence_start and seg.items and (self._goal_title(seg) or self._expletive(seg)
                                                 or self._people_need_robot_aside(self._sentence_items(seg.sentence))
                                                 or self._people_need_loaded_into(seg)):
            for it in seg.items:  # "The goal is a loaded truck emptied at puddle 1: ...": what the list is for
                self.use(it)
            self._note_goal(seg)
            return
        if self._later_goal(seg) or self._titled_goal(seg):
            for it in seg.items:  # "... and digs. Puddle 2 needs filling with rubble from rock 1.": no step of its own
                self.use(it)
            self._note_goal(seg)
            return
        if self._reason(seg) or self._counted_preview(seg) or self._deadline(seg):
            return
        seg = self._cut_reason(seg)
        if self._loose_ordinals(seg) or self._start_remark(seg):
            return
        seg = self._adverb_repeat(seg)
        seg = self._repeat_goes_on(seg)
        seg = self._passive_carry(seg)
        if not seg.items and seg.connective is None:
            return  # "Likewise, excavator 3 ...": the adverb alone before the comma
        marks = seg.marks()
        if "skip" in marks:
            cut = next(k for k, it in enumerate(seg.items) if it.kind is ItemKind.MARK and it.payload == "skip")
            for it in seg.items[cut:]:
                self.use(it)
            seg = Segment(seg.items[:cut], seg.sentence, seg.connective, seg.connective_text, seg.role,
                          seg.after_punct, seg.sentence_start, seg.ended_by)
        for it in seg.items:
            if it.kind is ItemKind.MARK or it.kind is ItemKind.EVENT:
                self.use(it)
            if it.kind is ItemKind.UNKNOWN:
                self.errors.append(it.payload)
                self.use(it)
        if "ignored" in marks:  # "take care of rock 1": an idiom, its object is no destination
            keep: list[Item] = []
            after_ignored = False
            for it in seg.items:
                if it.kind is ItemKind.MARK and it.payload == "ignored":
                    after_ignored = True
                elif after_ignored and it.kind is ItemKind.OBJECT:
                    self.use(it)
                    continue
                elif it.kind is not ItemKind.WORD:
                    after_ignored = False
                keep.append(it)
            seg = Segment(keep, seg.sentence, seg.connective, seg.connective_text, seg.role, seg.after_punct,
                          seg.sentence_start, seg.ended_by)
        if "repeat" in marks:
            self.last_repeat = (seg.sentence, next(it for it in seg.items
                                                    if it.kind is ItemKind.MARK and it.payload == "repeat"))
            # "the truck at soil 2 does the same": the truck standing there redoes the steps, no move there
            seg, _ = self.locative_subjects(seg)
            self.repeats.repeat(seg, pre, post, pre_par, last_in_sentence)
            return
        seg = self.passive_agents(seg)
        seg, restrict = self.locative_subjects(seg)
        self.followed = []
        self.followed_members = []
        subj_items, partner_items, objpron, robot_places = self.split_roles(seg)
        if self._pronoun_remark(seg, subj_items):
            objpron, subj_items = [*objpron, *subj_items], []
        if objpron or robot_places:
            conv = {id(it): Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc(
                "pronoun", pronoun="them" if it.text.lower() in self.lex.place_list_pronouns else "it"), it.text)
                for it in objpron}
            conv.update({id(it): Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc("robot_place", robot=it.payload),
                                      it.text) for it in robot_places})
            seg = Segment([conv.get(id(it), it) for it in seg.items], seg.sentence, seg.connective,
                          seg.connective_text, seg.role, seg.after_punct, seg.sentence_start, seg.ended_by)
        split = "each" in marks or any(
            it.kind is ItemKind.ROBOT and it.payload.form == "type" and it.payload.det == "each" for it in seg.items)
        # "each go to a different place: soil 1, soil 2 and rock 1": one place per robot, in order
        respectively = "respectively" in marks or (split and any(
            it.kind is ItemKind.WORD and it.text in self.lex.distinct_place_words for it in seg.items))
        subject: tuple[Member, ...] | None
        finished, self.finished_doers = self.finished_doers, None  # only the clause right after its anchor
        explicit = bool(subj_items)
        companions = self._elided_companions(seg, subj_items)
        from_vocative = False
        negated = False
        excluded: set[int] = set()
        for j, it in enumerate(seg.items[:-1]):
            if not (it.kind is ItemKind.MARK and it.payload == "except" and seg.items[j + 1].kind is ItemKind.ROBOT):
                continue
            excluded.add(id(seg.items[j + 1]))
            k = j + 2  # "everyone except excavator 2 and truck 2": every robot of the list is left out
            while k + 1 < len(seg.items) and seg.items[k].kind is ItemKind.WORD and seg.items[k].text in ("and", "or") \
                    and seg.items[k + 1].kind is ItemKind.ROBOT and seg.items[k + 1].payload.form != "pronoun":
                excluded.add(id(seg.items[k + 1]))
                k += 2
        if subj_items:
            acc: list[Member] = []
            fleet = False
            left_out: set[str] = set()
            for it in subj_items:
                if id(it) in excluded:  # "the other robots, except dump truck 1"
                    self.use(it)
                    d_ex: RobotDesc = it.payload
                    if d_ex.form == "type" and d_ex.plural and d_ex.det in ("the", "bare", "all"):
                        left_out |= set(self.site.robots_by_type.get(d_ex.rtype, ()))  # "apart from the excavators"
                    else:
                        left_out |= {m.key for m in self.resolve_robots(it) or ()}
            subj_items = [it for it in subj_items if id(it) not in excluded]
            for it in subj_items:
                self.use(it)
                if acc and it.payload.form == "pronoun" and it.payload.pronoun in ("both", "they", "each"):
                    continue  # "truck 1 and excavator 1 both go": a floating quantifier, not new robots
                d_it: RobotDesc = it.payload
                r: tuple[Member, ...] | None
                if left_out and d_it.form == "type" and (
                        d_it.det in ("all", "each") or (d_it.det in ("the", "bare") and d_it.plural)):
                    # "all excavators except excavator 3": the rest of the type, by name (rule 18)
                    r = tuple(self.res.robot_member(x) for x in self.site.robots_by_type.get(d_it.rtype, ()))
                elif d_it.form == "type" and d_it.det == "the" and not d_it.plural \
                        and not self._placed_in_sentence(seg, it, restrict) \
                        and (each_of := self._each_of_type(seg, d_it.rtype)):
                    # "each crew drives to its site; there the excavator digs": each crew's excavator
                    r = each_of
                    split = True
                elif d_it.form == "others" and (
                        contrast := self._anchor_contrast(seg, post) or self._stayer_contrast(seg)):
                    # "The rest of the fleet returns once truck 2 has tipped": all but truck 2 (rule 18)
                    r = tuple(self.res.robot_member(x) for x in self.fleet.robot_ids if x not in contrast)
                else:
                    r = self.at_place(it, restrict) or self.resolve_robots(it)
                if r is None and left_out:  # "everyone except truck 3": the fleet less those, by name
                    r = tuple(self.res.robot_member(x) for x in self.fleet.robot_ids)
                if r is not None and left_out:
                    r = tuple(m for m in r if m.key not in left_out)
                if it.payload.negated:
                    negated = True
                if r is None:
                    fleet = True
                else:
                    acc += [m for m in r if m not in acc]
            subject = None if fleet else tuple(acc)
            if subject and all(it.payload.form == "pronoun" for it in subj_items):
                subject = self.able_referent(seg, subj_items[0].payload.pronoun, subject, subj_items[0].text)
                if self.passive_pre and len(self.capable(subject, "dump", quiet=True)) < len(subject):
                    loaded = self.res.last_able(lambda m: bool(self.capable([m], "dump", quiet=True)),
                                                subj_items[0].payload.pronoun != "it")
                    subject = loaded or subject
            if subject and any(it.payload.form == "pronoun" and it.payload.pronoun == "which" for it in subj_items):
                if _hauls(seg) or any(_hauls(x) for x in self._same_subject_after(seg)):
                    # "loads truck 1, which goes to puddle 2 and dumps": a relative clause that hauls or dumps
                    # says what the load is for, so the truck's steps come after its loading
                    self.flush_loads(subject, None)
                else:
                    # "load truck 2, which arrives after checking puddle 1": the relative clause tells how
                    # the truck gets to the loading, so its steps come before the loading, not after
                    self.relative = self.relative | {m.key for m in subject}
            if subject is not None:
                # ", where excavator 2 loads it": the robot of a place relative is no new topic; a later "it" is
                # still the robot the sentence is about
                where = bool(seg.items) and seg.items[0].kind is ItemKind.WORD and seg.items[0].text == "where"
                if where and self.prev is not None and self.prev.subject and self.prev.sentence == seg.sentence \
                        and any(it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" for it in partner_items):
                    self.where_host = (seg.sentence, self.prev.subject)
                elif not where:
                    self.where_host = None
                # "nobody but excavator 3 may enter rock 1": the robot spoken of is excavator 3, let in ("everybody
                # else", "it" after it), not the robots kept out
                spoken = tuple(self.res.robot_member(x) for x in self.fleet.robot_ids if x in left_out) \
                    if negated and left_out else subject
                self.res.remember(spoken, "relative" if where else "partner" if self._loaded_rest(seg, subject)
                                  else "subject")
                lst = self.sentence_subjects.setdefault(seg.sentence, [])
                lst += [m for m in subject if m not in lst]
            if left_out and seg.items and id(seg.items[-1]) in excluded and self.following \
                    and _relative_which(self.following[0].items, 0):
                # "all trucks go to rock 1, except truck 2, which stays at soil 1": "which" is the robot left out
                self.res.remember(tuple(self.res.robot_member(x) for x in self.fleet.robot_ids if x in left_out))
        elif "each" in marks and self.prev is not None and self.vocative is not None \
                and len(self.vocative[0] or ()) == 1 and len(self.each_referent(seg.sentence) or ()) > 1:
            # "loads truck 1 first, then truck 2, then truck 3, and each takes its load to rock 1": "each"
            # cannot be the one robot a verbless "then truck 3" named; it is the robots of the sentence
            subject = self.each_referent(seg.sentence)
        elif self.vocative is not None and not self._people_lead(seg) and not self._goal_noun_lead(seg):
            subject, split_v = self.vocative
            split = split or split_v
            explicit = True
            from_vocative = True
        elif "each" in marks and self.prev is not None:
            subject = self._fronted_each(seg) or self.each_referent(seg.sentence)
        else:
            subject = self.prev.subject if self.prev is not None else ()
            if self.where_host is not None and self.where_host[0] == seg.sentence and (
                    seg.connective == "sequence" or not any(it.kind is ItemKind.VERB for it in seg.items)):
                # "truck 3 goes to soil 1, where excavator 1 loads it, and then (moves on) to rock 1": a clause with
                # "then" or no verb after a place relative about the robot ("loads it") goes on with that robot
                subject = self.where_host[1]
            if self.prev is None or self._keepout_to_nobody(seg) or self._place_state_keepout(seg):
                subject = ()
            elif self.prev.split and self.prev.sentence == seg.sentence:
                split = True  # "each truck gets loaded ... and then dumps at soil 1": still each
            if subject and not subj_items and _hauls(seg) and not self.capable(subject, "dump", quiet=True):
                # "excavator 1 ... loads truck 1. The soil has to be hauled to puddle 2": the hauler of the
                # load is the truck it was loaded into, not the excavator that loaded it
                subject = self._trucks_loaded_by(subject) or subject
            if subject and not subj_items and self._loads_a_robot(seg) \
                    and not self.capable(subject, "unload_bucket", quiet=True):
                # "trucks 1 and 3 head to soil 2. Please load truck 1": a truck cannot load; the loader named last
                loader = self.res.last_able(lambda m: bool(self.capable([m], "unload_bucket", quiet=True)), None)
                subject = loader or subject
            if subject:  # not a place said to be closed ("once truck 1 is done, puddle 2 is off-limits")
                subject = self._finished_go_on(seg, pre, finished) or subject
            told_to = self._order_to_addressee(seg)
            if told_to:
                subject, explicit = told_to, True  # a new subject: "then" waits for the sentence told before
        if companions and subject and self.prev is not None and self.prev.subject:
            # "truck 3 goes to soil 2 and then returns to base with excavator 2": the clause goes on with the truck,
            # and the robot after "with" goes along (read as the new subject, the truck's return was dropped)
            subject = (*self.prev.subject, *(m for m in subject if m not in self.prev.subject))
            self.res.remember(subject)
            lst = self.sentence_subjects.setdefault(seg.sentence, [])
            lst += [m for m in subject if m not in lst]
        if subject is None and subj_items and self._fleet_state(seg, pre, post):
            # "Everyone is parked at base right now.": where every robot stands, no step
            subject = tuple(self.res.robot_member(x) for x in self.fleet.robot_ids)
        self.vocative = None
        each_anchor, self.each_anchor = self.each_anchor, ()
        if each_anchor and pre and (not subj_items or all(
                it.payload.form == "pronoun" and it.payload.pronoun in ("it", "they") for it in subj_items)):
            subject, split = each_anchor, True  # "when each truck gets there, it dumps": each after its own
        # "every truck leaves as soon as it is loaded": a singular quantified subject binds the anchor's "it"
        distribute = post is not None and bool(subject) and _size(subject or ()) > 1 \
            and _pronoun_only_anchor(post, "it", self.lex) \
            and any(it.payload.form == "type" and not it.payload.plural and it.payload.det in ("all", "each")
                    for it in subj_items)
        if not distribute and post is not None and _size(subject or ()) > 1 \
                and _pronoun_only_anchor(post, "they", self.lex) and len({self.loc(m) for m in subject or ()}) > 1:
            # "both of them dig as soon as they arrive" (at different places): each after its own arrival; at
            # one place they are in the same state and share the step (rule 6)
            distribute = True
        if distribute:
            split = True  # "every truck leaves as soon as it is loaded": each truck after its own loading

        verbs = [it for it in seg.items if it.kind is ItemKind.VERB]
        first_verb = next((k for k, it in enumerate(seg.items) if it.kind is ItemKind.VERB), len(seg.items))
        self.ordered_objects = any((it.kind is ItemKind.CONNECTIVE and it.payload in ("first", "sequence"))
                                   or (it.kind is ItemKind.MARK and it.payload == "in_order")  # "one after the other"
                                   for it in seg.items[first_verb:]) or bool(
            self.following and self.following[0].connective == "sequence"
            and all(it.kind is ItemKind.WORD for it in self.following[0].items))
        self.first_loaded = self._first_loaded(seg) if self.ordered_objects else frozenset()
        self.clause_items = seg.items
        objects = [it for it in seg.items if it.kind is ItemKind.OBJECT]
        places = [it for it in seg.items if it.kind is ItemKind.PLACE]
        if not verbs and not objects and not places and subj_items and (
                "in_place" in marks or any(it.kind is ItemKind.WORD and it.text in self.lex.stationary
                                           for it in seg.items)):
            for it in seg.items:  # "..., and the excavators stay where they are": nothing to do
                self.use(it)
            if subject and self._goes_on_after(seg):
                # "truck 3 stays put until X, then drives to rock 2": the clause after goes on with the robots that
                # stayed (read with no subject, the robot of the clause before them drove in their stead)
                self.vocative = (subject, split)
            return
        if not verbs and not objects and not places and subj_items and all(
                it.payload.form == "pronoun" for it in subj_items) and ("now" in marks or any(
                    it.kind is ItemKind.CONNECTIVE and it.payload == "parallel" for it in seg.items) or any(
                    it.kind is ItemKind.WORD and it.text in self.lex.together_words for it in seg.items)):
            # "..., both at once", "..., and they set off together": when the robots just given work start,
            # nothing new (read as the last move said again, it sent one of them to the other's place)
            for it in seg.items:
                self.use(it)
            return
        if not verbs and not objects and not places and subj_items and self.prev is not None \
                and not self._bare_back(seg) and self.prev.actions and self.prev.sentence == seg.sentence \
                and (last_in_sentence or (
                    # "loads truck 1 first, then truck 2, then truck 3": a run of them
                    seg.connective == "sequence" and bool(self.following)
                    and self.following[0].connective == "sequence" and self.following[0].has(ItemKind.ROBOT)
                    and not any(x.kind in (ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE)
                                for x in self.following[0].items)) or (
                    # "loads truck 1 first, then truck 2, and each truck dumps ...": the run ends at a new clause
                    # (also after a bare comma: "(truck 1 first), each loaded truck dumps ...")
                    seg.connective == "sequence" and bool(self.following) and self.following[0].sentence == seg.sentence
                    # a "which" relative, also one cut off from its verb ("then truck 2, which then transports")
                    # or one of where its robot stands ("then truck 1, which is waiting at soil 1"), ends the run
                    and (_opens_clause(self.following[0].items) or _relative_which(self.following[0].items, 0)
                         or _joined_robotless_clause(self.following[0].items)))
                    or self.which_conjunct) \
                and "already" not in marks and not self._weather_it(seg, subj_items):
            # not "..., which is already waiting there": a state
            # "..., then the trucks too": the same steps for other robots
            entry = self.entry(seg, subject, explicit, pre, post, pre_par)
            created_any = False
            prev_types = {m.rtype for m in self.prev.subject or ()}
            partner_types = {it.payload.rtype for a in self.prev.actions for it in a.partners
                             if it.kind is ItemKind.ROBOT and it.payload.rtype}
            swap = bool(subject) and not ({m.rtype for m in subject or ()} & prev_types) and \
                {m.rtype for m in subject or ()} <= partner_types
            if swap and subject:
                self.resolved_items = {id(it): tuple(subject) for it in subj_items} if len(subj_items) == 1 else {}
            for a in self.prev.actions:
                if swap and a.verb.target != "unload_bucket" and any(
                        b.verb.target == "unload_bucket" for b in self.prev.actions):
                    continue  # "digs and loads truck 2 first, then truck 1": only the loading is said again
                if swap:  # "excavator 1 loads truck 2 and then truck 3": same doer, the new robot as partner
                    # (its own chain and the truck's last step are what it waits for, not every step still
                    # open: "the diggers load truck 1 and truck 2 (truck 1 first)" while a third excavator
                    # drives home does not wait for that drive)
                    a2 = Action(a.verb, a.objects, a.place, subj_items, a.immediate, a.back)
                    # a truck brought to the loading site comes when the truck before it did ("fills truck 2 and
                    # then truck 3 at soil 1 after digging there": both after the digging)
                    waits = set(self.prev.entry) if a.objects and subject and not self.b.last_tasks(subject) else set()
                    made = self.act(a2, self.prev.subject, waits, split, False, False)
                else:
                    made = self.act(a, subject, entry if not created_any else set(), split, False, False)
                created_any = created_any or bool(made)
            self.resolved_items = {}
            if swap:
                return
            told = subject
            if subject is not None and self.prev.subject and self.following \
                    and self.following[0].sentence == seg.sentence and _negated_place_only(self.following[0]):
                # "truck 1 goes to soil 1, and excavator 2 too, but not to puddle 2": the keep-out after the
                # gapped clause binds every robot of the step said again, not only the robots of the gap
                told = tuple(self.prev.subject) + tuple(m for m in subject if m not in self.prev.subject)
            self.prev = Clause(told, explicit, self.prev.verbs, entry, seg.sentence, subject is None,
                               self.prev.actions, timed=self._timed(pre, pre_par))
            return
        if not verbs and not objects and not places and not (subj_items and self._bare_back(seg)):
            if subj_items and self._robots_before_a_step(seg):
                return
            if subj_items or "each" in marks:
                if not subj_items:
                    subject = self.each_referent(seg.sentence)
                self.vocative = (subject, split)
                if subject and seg.ended_by != "connective":  # not "truck 3 waits until ...": a subject
                    self.res.addressee = subject
            if "already" in marks:
                pass
            return
        if "already" in marks and verbs and subject:
            # "excavator 2 is already at soil 1 and digs there": where it stands, not where it goes
            at_marks = [k for k, it in enumerate(seg.items) if it.kind is ItemKind.MARK and it.payload == "already"]
            stand = [seg.items[k + 1] for k in at_marks if k + 1 < len(seg.items)
                     and seg.items[k + 1].kind is ItemKind.OBJECT and k + 2 < len(seg.items)
                     and all(it.kind is not ItemKind.VERB for it in seg.items[:k])]
            for o in stand:
                names = self.resolve_objects(o)
                self.use(o)
                if names:
                    self.stood.update(names)
                    for m in subject:
                        self.location[m.key] = names[-1]
            if stand:
                seg = Segment([it for it in seg.items if all(it is not o for o in stand)], seg.sentence,
                              seg.connective, seg.connective_text, seg.role, seg.after_punct, seg.sentence_start,
                              seg.ended_by)
                objects = [it for it in seg.items if it.kind is ItemKind.OBJECT]
        if ("already" in marks or any(it.kind is ItemKind.WORD and it.text == "already" for it in seg.items)) \
                and verbs and subject and not objects \
                and all(v.payload.target == "unload_bucket" and not v.text.endswith(" by") for v in verbs) \
                and not any(it.kind is ItemKind.ROBOT for it in seg.items[seg.items.index(verbs[0]):]) \
                and all(m.rtype == "dump_truck" for m in subject):
            # "Truck 3 is already loaded. It takes the load to puddle 2": a loading done before the job, no step (read
            # as one, it asked for an excavator nobody named); what it carries is tipped where it goes (rule 23)
            for it in seg.items:
                self.use(it)
            for m in subject:
                self.loaded[m.key] = True
            self.prev = Clause(subject, explicit, [], set(), seg.sentence, False)
            return
        stand_at = self._dug_in_place_at(seg, verbs, objects, subject, marks)
        if stand_at is not None:
            names = self.resolve_objects(stand_at)
            self.use(stand_at)
            self.stood.update(names)
            for m in subject or ():
                self.location[m.key] = names[-1]
            seg = Segment([it for it in seg.items if it is not stand_at], seg.sentence, seg.connective,
                          seg.connective_text, seg.role, seg.after_punct, seg.sentence_start, seg.ended_by)
            objects = []
        if "already" in marks and not verbs and not objects and places and subject \
                and all(self.loc(m) is None for m in subject):
            # "excavator 1 is already at base": it never left the start, so nothing brings it back there
            for it in seg.items:
                self.use(it)
            self.prev = Clause(subject, explicit, [], set(), seg.sentence, False)
            return
        if "already" in marks and not verbs and objects:
            names = [n for o in objects for n in self.resolve_objects(o)]
            for o in objects:
                self.use(o)
            if names and subject:
                self.stood.update(names)
                for m in subject:
                    self.location[m.key] = names[-1]
                # "... loads truck 3, which is already waiting at soil 2": the loading waited to be made with the
                # truck's next step (which took it to puddle 1 first); the truck stands at its loader now
                self.flush_loads(subject, names[-1])
            if post is not None and subject:
                # "truck 3 is parked at rock 1 until excavator 1 has dug at rock 1": the state makes no step, but
                # the work its timing names is still asked for (dropped, the digging was lost)
                self.entry(seg, subject, explicit, pre, post, pre_par)
            self.prev = Clause(subject, explicit, [], set(), seg.sentence, subject is None)
            return
        if not verbs and not subj_items and self._place_heading(seg):
            return
        if not verbs and not subj_items and self.vocative is None and self.remark(seg):
            if self._remark_need(seg) or self._goal_named(seg) or self._goal_noun_lead(seg):
                # "Rock 2 needs clearing.": work asked for, whoever does it; "cleared of traffic, so every robot must
                # keep away from it": a keep-out said in its sentence serves it
                self._note_goal(seg, keepout_sentence=True)
            return
        if subject and pre is None and post is None and seg.connective is None and (
                self._report(seg) or self._state_copula(seg) or self._reports_joined(seg)):
            # "Truck 2 has just finished checking puddle 1.", "Excavator 2 is at base.": where it is now, no step
            names = [n for o in objects for n in self.resolve_objects(o)]
            for it in seg.items:
                self.use(it)
            if names:
                self.stood.update(names)
                for m in subject:
                    self.location[m.key] = names[-1]
            self.prev = Clause(subject, explicit, [], set(), seg.sentence, subject is None)
            return
        if post is not None and post.connective_text in self.lex.until_words and subject \
                and ("neg" in marks or negated) and any(v.payload.target in MOVES for v in verbs) \
                and not any(v.payload.target in KEEPOUT_ACTIONS for v in verbs) and not self._until_keeps_out(seg):
            # "truck 2 must not leave for soil 1 until they have dug": it leaves once they have dug
            post = dataclasses.replace(post, connective_text="once")
            negated = False
            marks = marks - {"neg"}
            for it in seg.items:
                if it.kind is ItemKind.MARK and it.payload == "neg":
                    self.use(it)
        timed = post is not None and (post.connective_text in self.lex.until_words
                                      or post.connective_text in self.lex.negated_work_time_words)
        said_neg = "neg" in marks and not self._negations_before_joins(seg.items)
        actions = self.build_actions(seg, verbs, partner_items, marks, negated or said_neg, subject, timed)
        if not actions:
            return
        if post is not None and len(actions) > 1 and post.connective_text == "after" and subject \
                and not any(it.kind is ItemKind.ROBOT for it in post.items) \
                and any(it.kind is ItemKind.VERB for it in post.items):
            # "goes to rock 2 and loads truck 1 after digging": the robot's own step before the last one
            for it in post.items:
                self.use(it)
            inner = Segment(list(post.items), seg.sentence, None, "", SegmentRole.MAIN, True, False, post.ended_by)
            before_last = self.build_actions(inner, [], [], post.marks(), False)
            actions = actions[:-1] + before_last + actions[-1:]
            post = None
        if self.repeats.summary(seg, actions, subject):
            return
        if "state" in marks and all(a.verb.target in KEEPOUT_ACTIONS for a in actions):
            for a in actions:  # "obstacle 2 is currently closed": how the site is, not a step
                for o in a.objects:
                    self.use(o)
                    self.resolve_objects(o)
            return
        # what this clause waits for
        scene = self.last_place
        start_sinks = self.b.sinks()
        had_chain = bool(subject) and bool(self.b.last_tasks(subject or ()))  # steps of its own before this clause
        self.place_before = scene
        self.current_subject = subject
        # "the truck then hauls ...": "then" after its subject continues that robot's own chain
        self.it_means = tuple(subject or ()) if distribute else ()
        self.anchor_host = seg
        self._address_head(seg, subject, post)
        self.clause_goals = {n for a in actions if a.verb.target == "navigate" for it in a.objects
                             if it.kind is ItemKind.OBJECT and it.payload.form == "names" for n in it.payload.names}
        try:
            entry = self.entry(seg, subject, explicit and not from_vocative, pre, post, pre_par)
        finally:
            self.it_means = ()
            self.anchor_host = None
        alongside = self.alongside(seg)
        if alongside is not None:
            entry = alongside
        # "excavator 1 follows truck 1 to rock 1": after truck 1's last step; the clause's own wait, not one a clause
        # joined on by "and" shares ("truck 1 follows excavator 1 and truck 2 follows excavator 2": truck 2 waited
        # for excavator 1 too)
        following: set[int] = set()
        for it in self.followed:
            self.use(it)
            led = self._leaders(it, subject or ())
            self.followed_members += [m for m in led if m not in self.followed_members]
            following |= self.b.last_tasks(led) - set(entry)
        entry = set(entry) | following
        self.place_before = scene  # "..., which arrives after checking puddle 1": arrives where the scene is
        is_global = False
        if subject is None or not subject:
            first_clause = self.mains == 0 and not entry and seg.connective in (None, "first")
            has_first = any(it.kind is ItemKind.CONNECTIVE and it.payload == "first" for it in seg.items)
            lasting = "duration" in marks or (post is not None and post.connective_text in self.lex.until_words)
            is_global = (first_clause or has_first or lasting) and not entry
        self.mains += 1
        if subject is not None and not subject and any(a.verb.target not in KEEPOUT_ACTIONS
                                                       for a in actions):
            titled = self._heading(seg) or self._points_ahead(seg)
            if not seg.has(ItemKind.ROBOT) and seg.sentence_start and titled and (
                    not seg.has(ItemKind.VERB) or not (seg.has(ItemKind.OBJECT) or seg.has(ItemKind.PLACE))):
                # ("Three moves in parallel:": verbs but nowhere to go, a title too)
                for it in seg.items:  # "The soil 1 job, step by step:": a title over the list, not an order
                    self.use(it)
                self.mains -= 1  # no clause of the job: what follows it is still the first
                return
            if self._job_remark(seg) or self._job_goal(seg):
                for it in seg.items:  # "We have one dig-and-haul job today.": about the job, not a step
                    self.use(it)
                self.mains -= 1
                if not self._people_report(seg):
                    self._note_goal(seg)
                named = named_objects(seg.items)
                if len(named) == 1 and self.last_place is None:
                    # "Obstacle 1 needs two visits: truck 3 goes first, ...": the one place of the job is
                    # where a move with no place of its own goes
                    self.last_place = next(iter(named))
                return
            if self._cargo_goal(seg):
                for it in seg.items:  # "Soil from soil 2 has to go to rock 1: ...": the job, spelled out after
                    self.use(it)
                self.mains -= 1
                self._note_goal(seg)
                return
            if self._crews_remark(seg):
                for it in seg.items:  # "Could you run two dig-and-haul crews side by side?": the crews come after
                    self.use(it)
                self.mains -= 1
                return
            self.errors.append(f"no robot is named for {seg.text!r}")
            return
        if subject is not None and not subject:
            subject = None  # a keep-out with nobody named applies to the whole fleet
        # "truck 2 goes to rock 1, but first it checks obstacle 2": a later clause that comes first
        # ... unless the "first" only orders the trucks a loading serves ("loads truck 1 first and truck 2
        # after that"): that orders the loadings among themselves, never the clause against the one before
        listed = _loading_order_firsts(seg, self.following)
        firsts = [it.text for it in seg.items if it.kind is ItemKind.CONNECTIVE and it.payload == "first"
                  and id(it) not in listed]
        hoist = self.prev is not None and bool(firsts) and bool(subject) and bool(self.prev.subject) \
            and not seg.sentence_start and self.prev.sentence == seg.sentence \
            and {m.key for m in subject or ()} == {m.key for m in self.prev.subject or ()}
        # "Truck 1 goes to rock 1. Before that, excavator 1 digs at soil 1.": whoever did the step said before
        hoist = hoist or self._before_that_sentence(seg, firsts, subject)
        # "excavator 3 goes to soil 1, but first all robots go to rock 1": other robots, said after "but", first too;
        # also opening the next sentence ("Truck 2 goes to puddle 1. But first, it checks obstacle 1.")
        hoist = hoist or (self.prev is not None and _but_first(seg.items, self.lex.except_but_words, listed) and (
            (not seg.sentence_start and self.prev.sentence == seg.sentence) or self.prev.sentence == seg.sentence - 1))
        ahead_of_all = self._ahead_of_all_said(seg, firsts, subject, actions)
        created_any = False
        start = len(self.b.drafts)
        own_anchor = self.robotless_anchor and (self.anchor_possessive or self.anchor_gerund) and entry \
            and subject and (pre is not None or post is not None)
        if own_anchor:
            self.own_anchor = (seg.sentence, frozenset(entry))
        elif self.own_anchor is not None and self.own_anchor[0] == seg.sentence and subject and entry \
                and pre is None and post is None:
            # "After its routine, truck 1 takes ... and truck 2 takes ..., and both tip it": the conjuncts share
            # the anchor, and "its" is each robot's own, so truck 2 waits for its own routine, not for truck 1's
            keys = {m.key for m in subject}
            foreign = {i for i in self.own_anchor[1] if not keys & {m.key for m in self.b.drafts[i].members}}
            if set(entry) <= self.own_anchor[1] and self.prev is not None and self.prev.subject \
                    and _disjoint(subject, self.prev.subject):
                own_anchor = True
                entry = set(self.own_anchor[1])
            elif len(subject) > 1 and set(entry) <= self.own_anchor[1]:
                entry = set(self.own_anchor[1]) - foreign
                split = True  # "..., and both tip it": each after its own routine (pairing.narrow)
            else:
                entry = set(entry) - foreign
        if own_anchor:
            # "after their inspection the excavators dig", "excavator 3 goes home after digging": the
            # subject's own steps of the kind named, when it has any
            keys = {m.key for m in subject or ()}
            own_steps = {i for i in entry if keys & {m.key for m in self.b.drafts[i].members}}
            if own_steps:
                entry = own_steps
        if self.robotless_anchor and entry and subject and (pre is not None or post is not None) and not split:
            # "once filled, truck 1 hauls ...", "truck 2, once loaded, hauls ...": of the loadings the anchor
            # names, the subject's own
            entry = self._subjects_loadings(entry, subject)
        if not split and subject and len(subject) > 1 and self.robotless_anchor and entry and not self.anchor_joint \
                and self._own_events(subject, (pre or set()) | self.post_entry):
            split = True  # "after being loaded, both trucks dump": each after its own loading
            # (not after "when both rock inspections are done": a join, the robots wait for both, rule 9)
        self.robotless_anchor = False
        if split and entry and pre is None and subject:
            entry = self._each_own_loading(entry, subject)
        # "once both trucks are full, they each haul ...": "each" splits the move, but every truck waits for the join
        self.b.narrow = self.pairing.narrow if split and entry and not self.anchor_joins_robots else None
        self.anchor_joins_robots = False
        if "in_order" in marks and subject and len(subject) > 1 and len(actions) == 1 and not respectively \
                and all(not m.is_group for m in subject) and len(actions[0].objects) <= 1 \
                and actions[0].verb.target in ("navigate", "return_to_start", "dig", "dump"):
            # "trucks 1 and 2 drive to rock 1 one after the other": each robot after the one before it
            waits = set(entry)
            for m in subject:
                made = self.act(actions[0], (m,), waits, True, False, is_global)
                waits = {d.idx for d in made} or waits
            actions = []
        self.clause_place = None
        # "excavator 1 and truck 1 proceed together to soil 1": one move, whatever each did before
        self.b.together = any(
            (it.kind is ItemKind.WORD and it.text in self.lex.together_words)
            or (it.kind is ItemKind.VERB and it.payload.lemma in self.lex.together_words)
            for k, it in enumerate(seg.items))
        self.named_subject = explicit
        verb_at = next((it.start for it in seg.items if it.kind is ItemKind.VERB), None)
        self.subject_fronted = explicit and verb_at is not None and all(it.end <= verb_at for it in subj_items)
        self.companions = self._companions_after(subj_items, verb_at)
        # "lift the keep-out for them": robots named only by a pronoun
        self.pronoun_subject = bool(subj_items) and all(
            it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" for it in subj_items)
        # "lift the rock 2 keep-out for the other robots": robots named only as "the others"
        self.others_subject = bool(subj_items) and all(
            it.kind is ItemKind.ROBOT and it.payload.form == "others" for it in subj_items)
        self.other_type_subject = _other_type(subj_items)
        # "the keep-out for the excavators is lifted": robots named only by their type, as a group
        self.type_subject = bool(subj_items) and all(
            it.kind is ItemKind.ROBOT and it.payload.form == "type" and it.payload.det == "the" and it.payload.plural
            and not it.payload.count for it in subj_items)
        kept: set[int] = set()  # keep-outs this clause put up before its moves
        for n, a in enumerate(actions):
            waits = entry if not created_any else set()
            held_first = n == 0 and len(actions) > 1 and self._waits_first(a)
            if a.immediate or held_first:  # "drives there right away and gets loaded once ...": only the rest waits
                waits = waits - self.post_entry
            if kept and a.verb.target not in KEEPOUT_ACTIONS:
                # "once it is there, truck 2 avoids obstacle 1 and goes to puddle 2": it drives kept out; the move
                # waited for nothing (the anchor went to the keep-out, and a keep-out is no step of its chain)
                waits = set(waits) | kept
            made = self.act(a, subject, waits, split, respectively, is_global)
            subject = self._split_subject(subject)
            kept |= {d.idx for d in made if d.action == "add_keepout"}
            if a.immediate and not entry:
                # "the rest keep away from soil 2 immediately": put up now, it holds from the start (rule 26)
                self.b.standing |= {d.idx for d in made if d.action == "add_keepout"}
            if made and not a.immediate and not held_first:
                created_any = True
            moved = [d for d in made if d.action == "navigate" and d.objects]
            self.clause_place = moved[-1].objects[0] if moved else self.clause_place
        self.clause_place = None
        self.b.together = False
        self.b.narrow = None
        made_now = {d.idx for d in self.b.drafts[start:] if d.alive}
        if "duration" in marks and not entry:
            self.b.standing |= {i for i in made_now if self.b.drafts[i].action == "add_keepout"}
        if not any(w in self.lex.repeat_words for it in seg.items for w in it.text.split()):
            for i in sorted(made_now):  # "goes to rock 1 to dig. ... excavator 2 digs there": one digging
                if self.b.drafts[i].action in ("dig", "dump") and self.b.fold_restated(self.b.drafts[i]):
                    self.last_made = {j for j in self.last_made if self.b.drafts[j].alive}
        if seg.connective_text in self.lex.ongoing_openers and not any(
                it.kind in (ItemKind.OBJECT, ItemKind.PLACE) or any(w in self.lex.repeat_words for w in it.text.split())
                for it in seg.items):
            self._drop_ongoing(made_now, start)
        purposes = [v for it in seg.items if it.kind is ItemKind.EVENT and it.payload.action == "navigate"
                    for v in sorted(it.payload.verbs)[:1]]
        for i in sorted(made_now) if purposes else ():
            d = self.b.drafts[i]
            if d.action == "navigate" and purposes[0] not in d.lemma.split("|"):
                # "goes to rock 1 for inspection": the move is the inspection a later "after the inspection" means
                d.lemma += "|" + purposes[0]
        hoist = hoist or self._keepout_on_the_way(seg, subject, made_now)
        self._keepout_first_on_the_way(seg, subject, made_now)
        said_before = {d.idx for d in self.b.drafts[:start] if d.alive and d.action not in KEEPOUT_ACTIONS}
        if made_now and ahead_of_all and said_before:
            self.b.hoist(made_now, said_before)  # "Oh and before any of that, truck 3 checks obstacle 1"
        elif made_now and hoist and self.last_made and not (self.last_made & made_now):
            self.b.hoist(made_now, self.last_made)  # "..., but first it checks obstacle 2"
            made_now = made_now | self.last_made
        elif made_now and firsts and not hoist and subject and self.mains > 1 and all(
                self.b.drafts[i].action == "add_keepout" for i in made_now):
            self._keepout_first(made_now, subject, start)
        if made_now:
            self.last_made = made_now
        self._note_things(seg.sentence, subject)
        self.prev = Clause(subject, explicit, [a.verb for a in actions], set(entry) - following, seg.sentence,
                            subject is None, actions, seg.connective, start_sinks, split,
                            timed=self._timed(pre, pre_par),
                            inner_then=from_vocative and had_chain and seg.connective == "sequence"
                            and not seg.sentence_start,
                            # "Dump truck 2 then dumps at obstacle 2.": a robot told of, not spoken to
                            addressed=from_vocative and not any(self._third_person(a.verb) for a in actions),
                            tied_keepout=seg.connective_text in self.lex.relative_sequences and bool(actions) and all(
                                a.verb.target in KEEPOUT_ACTIONS for a in actions))

    def _split_subject(self, subject: tuple[Member, ...] | None) -> tuple[Member, ...] | None:
        """The clause's robots after a verb split a group of them over places ("two excavators inspect obstacle 1
        and obstacle 2 respectively, and then return to start"): the groups of one it became, each going on from its
        own place; the pair itself has no step, so its return waited for whatever came last."""
        if not subject or not any(m.key in self.split_into for m in subject):
            return subject
        return tuple(x for m in subject for x in self.split_into.get(m.key, (m,)))

    def _loaded_rest(self, seg: Segment, subject: tuple[Member, ...]) -> bool:
        """"Excavator 3 loads trucks 1 and 3, truck 1 first.": the verbless rest of the order after a loading names
        the truck loaded next, no doer; kept as a subject, a "they" in the next sentence was the excavator and that
        truck."""
        prev = self.prev
        return not seg.has(ItemKind.VERB) and prev is not None and prev.sentence == seg.sentence \
            and bool(prev.subject) and any(v.target == "unload_bucket" for v in prev.verbs) \
            and not {m.key for m in subject} & {m.key for m in prev.subject or ()} \
            and len(self.capable(subject, "dump", quiet=True)) == len(subject)

    def _before_that_sentence(self, seg: Segment, firsts: Sequence[str], subject: tuple[Member, ...] | None) -> bool:
        """A sentence opened by "before that" (lexicon ``before_that_openers``) names the step said just before it,
        whoever did it, a fleet-wide step too: read in order, the steps of other robots ran side by side with it, or
        after a fleet-wide one (rule 8)."""
        return self.prev is not None and bool(subject) and self.prev.sentence == seg.sentence - 1 \
            and any(t in self.lex.before_that_openers for t in firsts)

    def _ahead_of_all_said(self, seg: Segment, firsts: Sequence[str], subject: tuple[Member, ...] | None,
                           actions: Sequence[Action]) -> bool:
        """"Excavator 1 digs at soil 2. Oh and before any of that, truck 3 checks obstacle 1.": an afterthought
        (lexicon ``before_all_said``) in a later sentence puts the robots' steps ahead of every step said so far, as
        it does a fleet-wide keep-out; read in order, truck 3 checked in parallel, or, as excavator 1, after its
        digging. A keep-out for some robots stays with ``_keepout_first`` (rule 21: no robot step)."""
        return self.prev is not None and self.prev.sentence < seg.sentence and bool(subject) \
            and any(t in self.lex.before_all_said for t in (*firsts, seg.connective_text)) \
            and any(a.verb.target not in KEEPOUT_ACTIONS for a in actions)

    def _dug_in_place_at(self, seg: Segment, verbs: Sequence[Item], objects: Sequence[Item],
                         subject: tuple[Member, ...] | None, marks: Collection[str]) -> Item | None:
        """"Excavator 3 digs at soil 2 right where it is": with an in-place phrase (lexicon ``in_place``), the one place
        of a clause that only digs is where the robot stands (rule 11: no move), as "is already at soil 2 and digs
        there" is; read as the place of the digging, the robot drove there first. A clause that also moves ("goes to
        soil 2 and digs right where it is") keeps its move."""
        if "in_place" not in marks or not subject or not verbs or len(objects) != 1 \
                or any(v.payload.target != "dig" for v in verbs):
            return None
        return objects[0] if self.resolve_objects(objects[0]) else None

    def _then_after_clause(self, seg: Segment, subject: tuple[Member, ...] | None) -> bool:
        """"..., once the truck is done, truck 1 goes to rock 1, and then all robots avoid rock 1": a fleet-wide
        keep-out joined by "then" to the clause of its sentence just said follows that clause, as after "after which"
        (rule 10); a keep-out is no robot step, so it does not wait for other crews' work still open. Only when that
        clause stands alone: one timed or ordered by itself, or the first of its sentence; after "truck 1 inspects
        puddle 1 and excavator 1 inspects puddle 2, then ..." it waits for both."""
        return subject is None and not seg.sentence_start and self.prev is not None \
            and self.prev.sentence == seg.sentence and bool(self.prev.subject) and seg.connective == "sequence" \
            and bool(self.last_made) and (self.prev.timed or self.prev.connective == "sequence" or all(
                i in self.last_made for i, n in self.draft_sentence.items() if n == seg.sentence
                and self.b.drafts[i].alive))

    def _waits_first(self, a: Action) -> bool:
        """"Truck 2 waits at obstacle 1 and drives to rock 2 once the rock is broken up": a wait (its verb's first
        word in the lexicon's ``stationary``) said first in a clause whose anchor comes after it is where the robot
        waits for that anchor, so only the steps after it wait; read as the whole clause's entry, the truck only went
        to obstacle 1 once the rock was broken up."""
        words = a.verb.lemma.split()
        return a.verb.target == "navigate" and bool(words) and words[0] in self.lex.stationary

    def _keepout_on_the_way(self, seg: Segment, subject: tuple[Member, ...] | None, made: set[int]) -> bool:
        """"Excavator 1 goes to soil 1 and digs, and must not drive near puddle 1 on its way": a keep-out said
        "on the way" (lexicon ``en_route_words``) in a clause of its own, right after the same robots' clause of the
        same sentence that moved them, holds while they drive there, so it comes before that clause (as it does
        said inside the clause); it was made after the digging."""
        if not made or not subject or self.prev is None or not self.prev.subject or seg.sentence_start \
                or self.prev.sentence != seg.sentence or not self.last_made \
                or {m.key for m in subject} != {m.key for m in self.prev.subject}:
            return False
        if not all(self.b.drafts[i].action == "add_keepout" for i in made) or not self._en_route_after(seg.items):
            return False
        keys = {m.key for m in subject}
        return any(self.b.drafts[i].action in MOVES and keys <= {m.key for m in self.b.drafts[i].members}
                   for i in self.last_made if self.b.drafts[i].alive)

    def _keepout_first_on_the_way(self, seg: Segment, subject: tuple[Member, ...] | None, made: set[int]) -> None:
        """"Excavator 1 goes to soil 1 and must stay away from puddle 1 on the way": the same in one clause, where
        the keep-out was made after the move it is to hold during."""
        if not subject or not made or not self._en_route_after(seg.items):
            return
        keys = {m.key for m in subject}
        kos = {i for i in made if self.b.drafts[i].action == "add_keepout"}
        moves = [i for i in sorted(made) if self.b.drafts[i].action in MOVES
                 and keys <= {m.key for m in self.b.drafts[i].members}]
        if kos and moves and min(kos) > moves[0]:
            self.b.hoist(kos, {i for i in made if i >= moves[0]} - kos)

    def _tip_hauls_before(self, seg: Segment, subject: tuple[Member, ...] | None) -> None:
        """"Truck 2 takes the load to rock 2. After that, everyone avoids rock 2": the haul ends with its tipping
        (rule 23), made only once the truck is known not to tip in words of its own; a step said "then" / "after
        that" / "finally" by other robots comes after the haul, so the tipping is made before it (it waited on the
        drive to rock 2). The truck's own next clause, or one that tips ("then both unload"), may still say it."""
        if not self.pending_dump or _hauls(seg):
            return
        mine = {m.key for m in subject or ()}
        for key, m in list(self.pending_dump.items()):
            if key in mine:
                continue
            arrived = self.b.chain(m)
            self.pending_dump.pop(key)
            made = self.add_skill("dump", [m], (), set(), "deliver")
            self.loaded[key] = False
            if arrived is None:
                continue
            for d in made:  # said with the haul, in its sentence
                self.draft_sentence[d.idx] = self.draft_sentence.get(arrived, seg.sentence)
            if arrived in self.last_made:
                self.last_made = (self.last_made - {arrived}) | {d.idx for d in made}

    def _timed_keepout_before(self) -> bool:
        """Whether the clause just read only changed keep-outs, and they waited for work said before (not a
        standing keep-out, nor one kept alongside work going on: "while it digs, the rest keep away ...")."""
        made = [self.b.drafts[i] for i in self.last_made if self.b.drafts[i].alive]
        prev = self.prev
        return bool(made) and prev is not None and prev.connective != "parallel" and all(
            d.action in KEEPOUT_ACTIONS and d.deps for d in made)

    def _after_timed_keepout(self) -> set[int]:
        """"As soon as truck 2 has dumped, the keep-out is lifted, and truck 3 then inspects obstacle 2": a robot with
        no steps yet whose "then" follows a keep-out change timed by other work goes on from that change, as a new
        subject does (``_timed_keepout_before``); read as after all still open, it waited for truck 1's dump too."""
        if not self._timed_keepout_before():
            return set()
        return {i for i in self.last_made if self.b.drafts[i].alive}

    def _keepout_to_nobody(self, seg: Segment) -> bool:
        """"Truck 1 checks puddle 1. Then fence off puddle 1.": a keep-out in a sentence of its own that names no
        robot, after a sentence that told of robots rather than spoke to them, is an order to the site, for the whole
        fleet. A verb that agrees with the robot before ("Then fences off ...") continues it, as does any keep-out
        after a robot spoken to ("Truck 1, check puddle 1. Then avoid puddle 2.") or one in the same sentence."""
        if not seg.sentence_start or self.prev is None or not self.prev.subject or self.prev.addressed \
                or self.prev.sentence == seg.sentence or seg.has(ItemKind.ROBOT):
            return False
        verbs = [it.payload for it in seg.items if it.kind is ItemKind.VERB]
        return bool(verbs) and all(v.target in KEEPOUT_ACTIONS and not self._third_person(v) for v in verbs)

    def _manner_of_moving(self, seg: Segment) -> bool:
        """"Truck 2 avoids puddle 1 while driving": a "while" clause (lexicon ``while_connectives``) with a bare motion
        verb and no robot or place of its own says when the clause before holds, no step; read as a move with no
        place, the truck drove to the place it was to avoid."""
        if seg.connective_text not in self.lex.while_connectives or seg.has(ItemKind.ROBOT) \
                or seg.has(ItemKind.OBJECT) or seg.has(ItemKind.PLACE):
            return False
        verbs = [it for it in seg.items if it.kind is ItemKind.VERB]
        if len(verbs) != 1 or verbs[0].payload.target != "navigate" or verbs[0].payload.role != "verb":
            return False
        for it in seg.items:
            self.use(it)
        return True

    def _place_state_keepout(self, seg: Segment) -> bool:
        """"Once it is done, the area is off-limits", "..., then puddle 2 is closed": a keep-out said of its place
        with "is" (lexicon ``keepout_place_copulas``) and no robot is for the whole fleet, not for the robot of the
        clause or anchor before it."""
        items = seg.items
        if seg.has(ItemKind.ROBOT):
            return False
        verbs = [k for k, it in enumerate(items) if it.kind is ItemKind.VERB]
        if not verbs or any(items[k].payload.target != "add_keepout" for k in verbs):
            return False
        k = verbs[0]
        head = items[:k - 1]
        return k >= 2 and items[k - 1].text in self.lex.keepout_place_copulas and any(
            it.kind is ItemKind.OBJECT or it.text in self.lex.scene_nouns for it in head)

    def _order_to_addressee(self, seg: Segment) -> tuple[Member, ...] | None:
        """"Truck 2, don't leave before truck 1 has checked puddle 1. Truck 1 checks puddle 1. Then go to soil 1.": an
        order with no robot, opening its sentence with a bare verb, after a sentence that told of other robots in the
        third person ("checks"), is said to the robot spoken to (as "you" is); it went on with the robot told of."""
        prev, addressee = self.prev, self.res.addressee
        if not addressee or prev is None or prev.addressed or not prev.explicit or not seg.sentence_start \
                or prev.subject is None or set(prev.subject) & set(addressee) or prev.sentence == seg.sentence:
            return None
        verbs = [it.payload for it in seg.items if it.kind is ItemKind.VERB]
        if not verbs or self._third_person(verbs[0]) or not prev.verbs \
                or not all(self._third_person(v) for v in prev.verbs):
            return None
        return addressee

    def _third_person(self, v: VerbHit) -> bool:
        """The verb's first word is another verb's first word with "-s" / "-es" ("fences off", "avoids")."""
        w = v.lemma.split()[0] if v.lemma else ""
        firsts = self.lex.verb_index.first_words
        return w.endswith("s") and (w[:-1] in firsts or (w.endswith("es") and w[:-2] in firsts))

    @staticmethod
    def _subject_run(items: Sequence[Item]) -> int:
        """How many items open the clause as its subject: robots, joined by "and" (commas are no items), ending
        with a robot; 0 when the clause does not open with a robot."""
        k = 0
        while k < len(items) and items[k].kind is ItemKind.ROBOT:
            k += 1
            if k + 1 < len(items) and items[k].kind is ItemKind.WORD and items[k].text == "and" \
                    and items[k + 1].kind is ItemKind.ROBOT:
                k += 1
        return k

    def _fleet_state(self, seg: Segment, pre: set[int] | None, post: Segment | None) -> bool:
        """"Everyone is parked at base right now.", "The whole fleet is at soil 1.": a clause of the whole fleet that
        only says where it stands (an "already" state with no verb, or a state copula). The fleet's robots are placed
        there; read as an order, the fleet was sent back to start (or to the place) as a step of its own."""
        if pre is not None or post is not None or seg.connective is not None:
            return False
        return ("already" in seg.marks() and not seg.has(ItemKind.VERB)) or self._state_copula(seg)

    def _state_copula(self, seg: Segment) -> bool:
        """"Excavator 2 is at base.": the robot, then a ``state_copulas`` phrase, then one place and nothing
        else to do; also of robots named one by one ("excavator 3 and truck 3 are at base"). Read as a movement it
        sent the robot home first (or to where it already was)."""
        items = seg.items
        k = self._subject_run(items)
        if k == 0 or len(items) < k + 2 or items[k].kind is not ItemKind.VERB \
                or items[k].text not in self.lex.state_copulas:
            return False
        rest = items[k + 1:]
        places = [it for it in rest if it.kind in (ItemKind.OBJECT, ItemKind.PLACE)]
        return len(places) == 1 and all(it.kind in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.PLACE) or (
            it.kind is ItemKind.MARK and it.payload == "now") for it in rest)  # "is at soil 1 right now"

    def _people_deed(self, seg: Segment) -> bool:
        """A clause whose subject is a noun phrase that names no robot ("the surveyors arrive", "our visitors come"):
        a determiner (``people_determiners``), a noun, then a verb, and no robot, object or place anywhere in it."""
        its = seg.items
        if any(it.kind in (ItemKind.ROBOT, ItemKind.OBJECT, ItemKind.PLACE) for it in its):
            return False
        k = next((n for n, it in enumerate(its) if it.kind is ItemKind.VERB), None)
        return k is not None and k >= 2 and all(it.kind is ItemKind.WORD for it in its[:k]) \
            and its[0].text in self.lex.people_determiners

    def _people_at(self, seg: Segment) -> bool:
        """A clause whose subject is people (a determiner, ``people_determiners``, and a plain word: "the surveyors
        work at soil 2", "our inspectors are near rock 1") with no robot and no verb or deed we know: where people are
        or what they do there, no order for any robot."""
        its = seg.items
        return len(its) > 2 and its[0].kind is ItemKind.WORD and its[0].text in self.lex.people_determiners \
            and its[1].kind is ItemKind.WORD and not its[1].text.isdigit() \
            and not any(it.kind in (ItemKind.ROBOT, ItemKind.VERB, ItemKind.EVENT) for it in its)

    def _again_said(self, items: Sequence[Item]) -> bool:
        """An "again" mark that says a permission is back ("trucks can go near rock 1 again", "can go back to puddle
        1"); a "back" before the start ("the truck can take the rubble back (to) base", "it can park back at base",
        "back over to base") is where a robot goes."""
        def home(k: int) -> bool:
            j = k + 1
            while j < len(items) and j - k <= 2 and items[j].kind in (ItemKind.WORD, ItemKind.EVENT) \
                    and items[j].text.lower() in self.lex.place_prepositions:  # "over" of "back over to" is an EVENT
                j += 1
            return j < len(items) and items[j].kind is ItemKind.PLACE
        return any(it.kind is ItemKind.MARK and it.payload == "again" and not (it.text == "back" and home(k))
                   for k, it in enumerate(items))

    def _drop_ongoing(self, made: set[int], start: int) -> None:
        """"... loads truck 2, which drives there *while the excavator digs*": a work step opened by "while"
        (``ongoing_openers``) with no place and no "again" that its robots already have earlier is that step, named
        to time the clause it is attached to; read as an order the excavator dug a second time after loading."""
        for i in sorted(made):
            d = self.b.drafts[i]
            if d.action not in ("dig", "load", "dump") or not d.members or any(i in o.deps for o in self.b.drafts):
                continue
            keys = {m.key for m in d.members}
            if any(o.alive and o.action == d.action and {m.key for m in o.members} == keys
                   for o in self.b.drafts[:start]):
                d.alive = False
        self.last_made = {j for j in self.last_made if self.b.drafts[j].alive}

    def _reports_joined(self, seg: Segment) -> bool:
        """A robot's clause made of parts joined by "and", each a report of work done or a state, with at most one
        place in all ("truck 3 is at obstacle 2 and has already checked it", "excavator 1 has finished digging at
        soil 1 and has already loaded truck 2 there", "excavator 2 broke up rock 2 earlier and is still there").
        Read as orders, the robot was sent to do that work again."""
        items = seg.items
        if not items or items[0].kind is not ItemKind.ROBOT or any(
                it.kind in (ItemKind.CONNECTIVE, ItemKind.MARK) for it in items):
            return False
        cuts = [k for k, it in enumerate(items) if it.kind is ItemKind.WORD and it.text == "and"]
        parts = [items[a + 1:b] for a, b in zip([0, *cuts], [*cuts, len(items)])]
        places = {it.text for it in items if it.kind is ItemKind.OBJECT and it.payload.form != "pronoun"}
        if self._move_under_way(items):
            return False
        if len(places) > 1 or (len(parts) == 1 and not self._done_part(parts[0])):
            return False  # one part alone: "excavator 1 has already loaded truck 2", "truck 2 checked it earlier"
        return all(self._done_part(p) or self._state_part(p) for p in parts)

    def _done_part(self, part: Sequence[Item]) -> bool:
        """One part of :meth:`_reports_joined` that reports work: a perfect auxiliary (``report_auxiliaries``), or a
        simple past with "already" or a past time word (``report_time_words``), then a visit, digging or loading
        verb, and after it only plain words, one place, "it"/"there" or the loaded truck."""
        v = next((n for n, it in enumerate(part) if it.kind is ItemKind.VERB), None)
        if v is None or part[v].payload.target not in ("navigate", "dig", "unload_bucket"):
            return False
        head = [it for it in part[:v] if it.kind is not ItemKind.EVENT or it.payload.action != "any"]
        if part[v].payload.role != "verb":
            # "truck 3 has already been loaded (there)": its loading is done, in the perfect only
            return part[v].payload.role == "passive_load" and bool(head) \
                and head[0].text in self.lex.report_auxiliaries \
                and all(it.kind is ItemKind.WORD and it.text in self.lex.report_fillers for it in head[1:]) \
                and all(it.kind is ItemKind.OBJECT for it in part[v + 1:])
        if not all(it.kind is ItemKind.WORD and (it.text in self.lex.report_auxiliaries
                                                 or it.text in self.lex.report_fillers) for it in head):
            return False
        tail = part[v + 1:]
        if not all(it.kind in (ItemKind.WORD, ItemKind.OBJECT) or (
                it.kind is ItemKind.ROBOT and (part[v].payload.target == "unload_bucket" or it.text.lower() == "it"))
                for it in tail):
            return False
        if any(it.text in self.lex.report_auxiliaries for it in head):
            return True
        words = " ".join(it.text.lower() for it in part if it.kind is ItemKind.WORD)
        verb = part[v].text.lower().split()[0]
        past = verb.endswith("ed") or verb in self.lex.report_past_forms
        return past and any(f" {w} " in f" {words} " for w in self.lex.report_time_words)

    def _state_part(self, part: Sequence[Item]) -> bool:
        """One part of :meth:`_reports_joined` that says where the robot stands ("is still there", "is parked
        there", "is at obstacle 2"): state words (``placed_state_words``) or a ``state_copulas`` phrase, then one
        place or "there"."""
        if part and part[0].kind is ItemKind.ROBOT:
            part = part[1:]
        if len(part) < 2 or part[-1].kind not in (ItemKind.OBJECT, ItemKind.PLACE):
            return False
        return all((it.kind is ItemKind.WORD and it.text in self.lex.placed_state_words)
                   or (it.kind is ItemKind.VERB and it.text in self.lex.state_copulas)
                   or (it.kind is ItemKind.WORD and it.text in ("at", "next", "to")) for it in part[:-1])

    def _report(self, seg: Segment) -> bool:
        """A clause that reports a robot's finished visit or digging in the perfect ("truck 2 has just
        finished checking puddle 1", "excavator 1 has already dug at soil 1"): its robot, a perfect auxiliary
        (``report_auxiliaries``), only ``report_fillers`` or event words, then movement or digging verbs with
        one place. Read as an order, the robot was sent there again."""
        items = seg.items
        k = next((n for n, it in enumerate(items) if it.kind is ItemKind.VERB), None)
        if k is None or k < 2 or items[0].kind is not ItemKind.ROBOT:
            return False
        between = items[1:k]
        if between[0].kind is not ItemKind.WORD or between[0].text not in self.lex.report_auxiliaries:
            return False
        if not all((it.kind is ItemKind.WORD and it.text in self.lex.report_fillers)
                   or (it.kind is ItemKind.EVENT and it.payload.action == "any") for it in between[1:]):
            return False
        verbs = [it for it in items if it.kind is ItemKind.VERB]
        places = {it.text for it in items if it.kind is ItemKind.OBJECT and it.payload.form != "pronoun"}
        if self._move_under_way(items):
            return False
        return all(v.payload.target in ("navigate", "dig") and v.payload.role == "verb" for v in verbs) \
            and len(places) <= 1 and not any(it.kind in (ItemKind.CONNECTIVE, ItemKind.MARK) for it in items)

    def _move_under_way(self, items: Sequence[Item]) -> bool:
        """Whether a clause in the perfect tells of a move made during the job, not before it (no report): "truck 2,
        which has driven there in the meantime" (it drives there while the rest works), or a relative move said by
        the time of its step (:meth:`_relative_move_by_then`)."""
        return bool(self.following and self.following[0].connective == "parallel" and not self.following[0].items) \
            or self._relative_move_by_then(items)

    def _relative_move_by_then(self, items: Sequence[Item]) -> bool:
        """"... then loads truck 2, *which has gone to soil 1*": a bare perfect of a move in a relative clause, with
        no "already" or "just", tells where the robot will have got to by the step it is attached to, as "which has
        driven there in the meantime" does; read as a report of where it stood before the job, its move was dropped.
        Digging is left as a report: "which has dug" says nothing of when."""
        verbs = [it for it in items if it.kind is ItemKind.VERB]
        return _relative_which(items, 0) and len(items) > 2 and items[1].kind is ItemKind.WORD \
            and items[1].text in self.lex.report_auxiliaries and items[2].kind is ItemKind.VERB \
            and all(v.payload.target == "navigate" and v.payload.role == "verb" for v in verbs)

    def _passive_carry(self, seg: Segment) -> Segment:
        """``seg`` with a carry verb said in the passive of the clause's robot ("truck 1 is then to be brought
        to rock 1", "it gets taken to soil 2") read as a plain move: the robot is what is brought, it carries
        nothing. Read as a haul, the truck was first sent to be loaded at the digging and its move waited
        for nothing the sentence said."""
        items = seg.items
        if not items or items[0].kind is not ItemKind.ROBOT:
            return seg
        out = list(items)
        for k, it in enumerate(items):
            if it.kind is not ItemKind.VERB or it.payload.role != "carry" or it.text.endswith("ing"):
                continue
            if any(x.kind is ItemKind.OBJECT for x in items[1:k]):
                continue  # "truck 1 has the rubble brought ...": not said of the robot
            j = it.start - 1
            while j >= 0 and self.words[j] == "then":
                j -= 1
            if j >= 0 and self.words[j] in self.lex.passive_auxiliaries:
                v: VerbHit = it.payload
                out[k] = dataclasses.replace(it, payload=VerbHit(v.target, "verb", v.lemma))
        return seg if out == items else dataclasses.replace(seg, items=out)

    def _repeat_goes_on(self, seg: Segment) -> Segment:
        """"Truck 1 goes to soil 1, then truck 2 does the same, then truck 3.": a clause of robots alone after a
        repeat in its sentence repeats too; read on its own, it had no verb to share (the repeat's is a mark) and
        truck 3 was dropped without a word."""
        if self.last_repeat is None or self.last_repeat[0] != seg.sentence or not seg.items \
                or seg.connective not in (None, "sequence") or not any(it.kind is ItemKind.ROBOT for it in seg.items) \
                or any(it.kind not in (ItemKind.ROBOT, ItemKind.WORD) for it in seg.items) \
                or any(it.kind is ItemKind.WORD and it.text not in self.lex.clause_joining_words for it in seg.items):
            return seg
        mark = self.last_repeat[1]
        end = seg.items[-1].end
        return dataclasses.replace(seg, items=[*seg.items, Item(ItemKind.MARK, end, end, mark.payload, mark.text)])

    def _adverb_repeat(self, seg: Segment) -> Segment:
        """``seg`` without a repeat adverb ("likewise", ``repeat_adverbs``) that has a verb after it in the
        clause ("excavator 3 likewise heads to rock 2 and digs") or, alone before a comma, in the clause
        after it ("Likewise, excavator 3 heads ..."): there it means "too", and the clause says its own
        steps. Read as a repeat it redid the steps before for the clause's robots as well."""
        def verb_after(k: int) -> bool:
            return any(x.kind is ItemKind.VERB for x in seg.items[k + 1:])

        # "Likewise, once excavator 3 is done, truck 2 drives ...": an anchor may come before the clause
        main = next((x for x in self.following if x.sentence == seg.sentence and x.role is not SegmentRole.ANCHOR),
                    None)
        alone = main is not None and main.has(ItemKind.VERB)
        drop = [it for k, it in enumerate(seg.items)
                if it.kind is ItemKind.MARK and it.payload == "repeat" and it.text in self.lex.repeat_adverbs
                and (verb_after(k) or (alone and all(x.kind in (ItemKind.MARK, ItemKind.WORD) for x in seg.items)))]
        if not drop:
            return seg
        for it in drop:
            self.use(it)
        dropped = {id(d) for d in drop}
        keep = [it for it in seg.items if id(it) not in dropped]
        return dataclasses.replace(seg, items=keep)

    def _parallel_after_semicolon(self, seg: Segment) -> bool:
        """"Once both puddles are filled, all robots avoid them; at the same time, excavator 1 returns to start": a
        clause opened by a parallel connective right after a semicolon starts with the clause before it, as after a
        comma (the cutter ends a sentence at the semicolon, and the return went on from the excavator's own chain,
        before the puddles were filled)."""
        if self.prev is None or self.prev.sentence != seg.sentence - 1 or not seg.items or self.prev.tied_keepout:
            return False  # "X, after which all robots avoid P; meanwhile ...": with X, as after a full stop
        said = set(seg.connective_text.lower().split()) | {","}
        k = seg.items[0].start - 1
        while k >= 0 and self.words[k].lower() in said:
            k -= 1
        return k >= 0 and self.words[k] == ";" and k < seg.items[0].start - 1

    def _after_semicolon(self, seg: Segment) -> bool:
        """The clause follows a semicolon (which ends a sentence for the cutter, but joins its clauses)."""
        k = seg.items[0].start - 1 if seg.items else -1
        return 0 <= k < len(self.words) and self.words[k] == ";"

    def _timed(self, pre: set[int] | None, pre_par: bool) -> bool:
        """The clause just read was timed by a leading anchor, itself or by sharing it (:attr:`Clause.timed`)."""
        shared, self.shared_anchor = self.shared_anchor, False
        return (pre is not None and not pre_par) or shared

    def _before_earlier(self, made: set[int], action: str) -> None:
        """"Excavator 2 ... has to dig before any loading", said after its loadings were given: the step
        goes before the robot's first step of that kind, in its chain, not after its last one."""
        made = {i for i in made if self.b.drafts[i].alive}
        keys = {m.key for i in made for m in self.b.drafts[i].members}
        if not made or not keys:
            return
        first = next((d.idx for d in self.b.drafts[:min(made)] if d.alive and d.action == action
                      and keys & {m.key for m in d.members}), None)
        if first is not None:
            self.b.put_before(made, first, keys)

    def _keepout_first(self, made: set[int], subject: tuple[Member, ...], start: int) -> None:
        """"..., prior to any of these movements, truck 3 keeps away from puddle 2": a keep-out for some
        robots said to come first after their steps were given goes before each robot's first step
        (rule 21, as when said first); a fleet-wide one does so already. The robots' chains stay as
        they were: a keep-out is no robot step."""
        keys = {m.key for m in subject}
        firsts: set[int] = set()
        for key in keys:
            own = [d.idx for d in self.b.drafts[:start] if d.alive and d.action not in KEEPOUT_ACTIONS
                   and key in {m.key for m in (*d.members, *d.partners)}]
            if own:
                firsts.add(own[0])
        if not firsts:
            return
        # a move that another robot makes to the same place at the same moment is one task with it (rule 6)
        firsts |= {d.idx for f in list(firsts) for d in self.b.drafts[:start] if d.alive and d.idx != f
                   and d.action in MOVES and d.action == self.b.drafts[f].action
                   and d.objects == self.b.drafts[f].objects and d.deps == self.b.drafts[f].deps}
        for i in made:
            self.b.drafts[i].deps = set()  # it comes first: not after the chain it was said after
        last, barrier = dict(self.b.last), self.b.barrier
        waited = {f: set(self.b.drafts[f].deps) for f in firsts}
        self.b.hoist(made, firsts)
        for i in made:
            # ... and before anything at all: not after what the robot's first step waited for ("Then truck 3 goes
            # there. Before all of this, truck 3 keeps away from rock 1": the keep-out waited for the digging); that
            # step still waits for it as well
            self.b.drafts[i].deps = set()
        for f, deps in waited.items():
            self.b.drafts[f].deps |= deps
        self.b.last, self.b.barrier = last, barrier

    def _served_by_last(self, subject: tuple[Member, ...], pool: set[int] | None = None) -> set[int]:
        """The tasks of the clause just read (or of ``pool``) when every robot of ``subject`` was only their
        partner (the truck an excavator loaded), else nothing."""
        made = [self.b.drafts[i] for i in sorted(self.last_made if pool is None else pool) if self.b.drafts[i].alive]
        if not made:
            return set()
        members = {m.key for d in made for m in d.members}
        partners = {m.key for d in made for m in d.partners}
        keys = {m.key for m in subject}
        if not keys or not keys <= partners or keys & members:
            return set()
        return {d.idx for d in made if keys & {m.key for m in d.partners}}

    def _served_in_turn(self, subject: tuple[Member, ...]) -> set[int]:
        """"Trucks 1 and 2 drive to soil 2 and are loaded one after the other. Subsequently, both trucks (or: truck 1)
        carry the soil to puddle 1": the order was read as one clause per truck ("truck 1 is loaded first, then truck
        2 is loaded"), so the clause just before names truck 2 alone; the trucks of the run still go on from their own
        loadings (rule 24), as without the order, not from everything still open (another truck's inspection). The
        run: the loadings just made and those by the same loader, of the same sentence, they follow one by one."""
        run = [self.b.drafts[i] for i in sorted(self.last_made) if self.b.drafts[i].alive]
        if not run or any(d.action != "unload_bucket" for d in run):
            return set()
        seen = {d.idx for d in run}
        k = 0
        while k < len(run):
            d = run[k]
            k += 1
            for j in d.deps:
                e = self.b.drafts[j]
                if j not in seen and e.alive and e.action == "unload_bucket" and len(e.partners) == 1 \
                        and {m.key for m in e.members} == {m.key for m in d.members} \
                        and self.draft_sentence.get(j) == self.draft_sentence.get(d.idx):
                    seen.add(j)
                    run.append(e)
        if len(run) < 2:
            return set()
        return self._served_by_last(subject, {d.idx for d in run})

    def _each_own_loading(self, entry: set[int], subject: tuple[Member, ...]) -> set[int]:
        """"Excavator 1 loads truck 1 first, then truck 2. Then each truck carries its rubble to puddle 1": "then"
        took the last loading only (truck 2's), and truck 1 waited for it too; each truck goes on from its own loading
        (rule 24), as with "each truck then ...". Only when what the clause waits for is loadings of its trucks: the
        trucks' own loadings before it join it, and the distributive reading keeps each one's own."""
        keys = {m.key for m in subject}
        loads = [self.b.drafts[i] for i in entry]
        if any(d.action != "unload_bucket" or not {p.key for p in d.partners} <= keys for d in loads):
            return entry
        own = set(entry)
        for m in subject:
            mine = [d.idx for d in self.b.drafts if d.alive and d.action == "unload_bucket"
                    and {p.key for p in d.partners} == {m.key}]
            if mine and any(mine[-1] in self.b.anc[j] for j in entry):
                own.add(mine[-1])
        return own

    def _served_by_waiting_load(self, subject: tuple[Member, ...]) -> set[int]:
        """"Excavator 1 digs at rock 1 and loads truck 1. Truck 1 then goes to soil 2": the loading waits for the
        truck's next step, so no task of the clause before names truck 1 yet, and "then" took everything still open
        (another crew's move too). The truck goes on from that loading: from the loading excavator's last task,
        which the loading, made with the truck's move, follows."""
        prev = self.prev
        if prev is None or not prev.subject:
            return set()
        keys, said = {m.key for m in subject}, {m.key for m in prev.subject}
        for excs, trucks, *_ in self.deferred:
            if keys <= {t.key for t in trucks} and {e.key for e in excs} <= said:
                return self.b.last_tasks(excs)
        return set()

    def _own_loading(self, subject: tuple[Member, ...]) -> set[int]:
        """"... loads truck 3, which is already waiting at soil 2. Truck 3 then returns": a truck whose only step so
        far is the loading it gets (still waiting, made with its next step) goes on from that loading (rule 24), not
        from everything still open (another crew's digging); the clause just before, of the truck alone, only said
        where it stood, so the loader was not the subject before "then"."""
        keys = {m.key for m in subject}
        prev = self.prev
        if prev is None or not prev.subject or {m.key for m in prev.subject} != keys:
            return set()
        for excs, trucks, *_ in self.deferred:  # its loading waits for its next step: after the loader's last task
            if keys <= {t.key for t in trucks}:
                return self.b.last_tasks(excs)
        got = [d.idx for d in self.b.drafts if d.alive and d.action == "unload_bucket"
               and keys <= {x.key for x in d.partners}]
        return {got[-1]} if got else set()

    def _waives_a_wait(self, seg: Segment) -> bool:
        """"Excavator 1 then goes to soil 1 and digs (no need to wait for truck 2 for that)": the sentence says the
        clause waits for nobody, so its "then" orders nothing (the robot's own chain still does); read as a "then",
        the move waited for truck 2's step, or for the keep-out put up on its arrival."""
        return any(it.kind is ItemKind.MARK and it.payload == WAIVED for it in self._sentence_items(seg.sentence))

    def _goes_on_after(self, seg: Segment) -> bool:
        """The next clause of the same sentence (after an "until" said for ``seg``) has no robot and a verb, and is
        joined by a connective of sequence: it goes on with ``seg``'s robots."""
        nxt = [s for s in self.following if s.role is SegmentRole.MAIN][:1]
        return bool(nxt) and nxt[0].sentence == seg.sentence and nxt[0].connective == "sequence" \
            and not nxt[0].has(ItemKind.ROBOT) and nxt[0].has(ItemKind.VERB)

    def _stayed_until(self, seg: Segment) -> bool:
        """"Truck 3 waits at base until excavator 2 is done, then drives to rock 2": the clause before, of the same
        robots, was a stay where they stand (no step) timed by "until" (in this sentence or the one before: "... is
        done. Then it drives ..."); their "then" comes after what they waited for (added with the "until"), not after
        every crew's open work."""
        found = self.until_found
        return found is not None and bool(found[1]) and found[0] in (seg.sentence, seg.sentence - 1) \
            and self.prev is not None and self.prev.sentence == found[0] and not self.prev.entry

    def _after_parallel_block(self, seg: Segment, subject: tuple[Member, ...]) -> bool:
        """Whether "then" / "afterwards" opening ``seg``'s sentence comes after a sentence that said its clauses run
        side by side ("In parallel, excavator 1 digs at soil 1, and truck 1 goes to obstacle 1. Afterwards, truck 1
        ..."; "The following happens at the same time: ...": the lexicon's ``parallel_block_openers``) and left other
        robots' work open. The block is one stretch of time, so what comes afterwards waits for all of it, whichever
        clause was said last; read as the last clause's robot going on along its own chain, truck 1 set off before
        the digging was done when its clause came last, and after it when the excavator's did."""
        prev = self.prev
        if not seg.sentence_start or seg.then_inside or prev is None or prev.sentence >= seg.sentence \
                or not seg.items or self._stop_before(seg.items[0].start) not in _FULL_STOPS:
            return False  # "...; then truck 1 drives on": its own clause goes on, inside the sentence it was said in
        opened = [s for s in self.later_all if s.sentence == prev.sentence and s.items]
        if not opened:
            return False
        first = min(it.start for s in opened for it in s.items)
        k = first
        while k > 0 and self.words[k - 1] not in _FULL_STOPS | {";"}:
            k -= 1
        said = f" {' '.join(self.words[k:first])} {opened[0].connective_text} "
        if not any(f" {p} " in said for p in self.lex.parallel_block_openers):
            return False
        mine = {m.key for m in subject}
        sinks = self.b.sinks()
        return any(n == prev.sentence and i in sinks and self.b.drafts[i].members
                   and self.b.drafts[i].action not in KEEPOUT_ACTIONS
                   and not mine & {m.key for m in self.b.drafts[i].members}
                   for i, n in self.draft_sentence.items())

    def _opens_phase(self, seg: Segment) -> bool:
        """Whether ``seg`` opens a list item labelled as a phase ("Phase one: two excavators dig at soil 1 while a truck
        inspects obstacle 1; *phase two*: the truck drives to soil 1": the lexicon's ``phase_list_words``). A phase
        starts when the one before it is over, as a whole; read as any numbered item (whose wait is an open question
        of the conventions), the truck went on from its own inspection before the digging was done, though with the
        clauses of phase one the other way round it waited for both."""
        if not seg.sentence_start or not seg.items:
            return False
        k = seg.items[0].start
        while k > 0 and self.words[k - 1] not in _FULL_STOPS | {";"}:
            k -= 1
        return self.words[k] in self.lex.phase_list_words and k + 1 < len(self.words) \
            and self.lex.number(self.words[k + 1]) is not None

    def _stop_before(self, k: int) -> str:
        """The mark that ended the sentence before word ``k`` ("." "!" "?" ";" ":"), "" at the start."""
        while k > 0 and self.words[k - 1] not in _FULL_STOPS | {";", ":"}:
            k -= 1
        return self.words[k - 1] if k > 0 else ""

    def _sentence_ends(self, seg: Segment) -> set[int]:
        """"Excavator 2 goes to soil 2 and digs, and after that truck 2 comes to soil 2": a "then" inside the
        sentence, after a clause of other robots, follows what that sentence said so far (its open ends), not other
        crews' work said in sentences before (read as after everything open, truck 2 waited for another truck's
        dump). A clause opened by "meanwhile" in the sentence starts a line of work of its own, which the "then"
        goes on from ("A tips, meanwhile B digs, then C comes": not after A's tipping, as when "Meanwhile, ..."
        opens a sentence). Empty when the clause opens its sentence or nothing of the sentence is open."""
        if seg.sentence_start:
            return set()
        sinks = self.b.sinks()
        since = self.parallel_from[1] if self.parallel_from and self.parallel_from[0] == seg.sentence else 0
        return {i for i, n in self.draft_sentence.items() if n == seg.sentence and i in sinks and i >= since}

    def _address_head(self, seg: Segment, subject: tuple[Member, ...] | None, post: Segment | None) -> None:
        """"Trucks 2 and 3, go to rock 1. *Truck 2*, once you're loaded, go to puddle 2": the robot named at the head
        of a clause whose anchor says "you" is the one spoken to now. Still read as the robots spoken to before,
        the truck waited for the other truck's loading too."""
        if not subject or not seg.items or seg.items[0].kind is not ItemKind.ROBOT \
                or seg.items[0].payload.form != "ids":
            return
        if post is not None and any(it.kind is ItemKind.ROBOT and it.payload.form == "pronoun"
                                    and it.payload.pronoun == "you" for it in post.items):
            self.res.addressee = subject

    def entry(self, seg: Segment, subject: tuple[Member, ...] | None, explicit: bool, pre: set[int] | None,
              post: Segment | None, pre_par: bool) -> set[int]:
        conn = seg.connective
        self.shared_anchor = False
        self.joined = pre is not None or conn == "final"
        if self.meantime:
            return set()  # "..., which has driven there in the meantime": its robot's own chain only
        if conn == "sequence" and seg.sentence_start and not seg.then_inside:
            self.then_opened.add(seg.sentence)  # "Then A, B, and C": the sentence's clauses all come after
        if conn == "parallel" and pre is None and not seg.sentence_start:
            self.parallel_from = (seg.sentence, len(self.b.drafts))
        if conn is None and seg.then_inside:  # "truck 1 should then go": as "truck 1 then goes"
            conn, explicit = "sequence", False
        if conn == "sequence" and pre is None and self._waives_a_wait(seg):
            conn = None
        if conn in ("sequence", "final") and pre is None:
            self._tip_hauls_before(seg, subject)
        base: set[int] = set()
        if pre is not None:
            base = set(pre)
        elif conn == "final":
            self.load_before_join(subject)
            base = self.b.sinks()
        elif conn == "sequence":
            prev = self.prev
            if self._robotless_keepout(seg):
                subject = None  # "..., then rock 1 is open again": no robot's chain, so after all still open
            changed = prev is None or (subject is None) != prev.fleet or (
                explicit and subject is not None and prev.subject is not None
                and {m.key for m in subject} != {m.key for m in prev.subject}
                # "each truck performs its loading step. Then the first truck takes its rubble to soil 1": one of
                # the robots just spoken of, with a chain of its own, goes on from it (rule 9)
                and not ({m.key for m in subject} < {m.key for m in prev.subject}
                         and self.b.last_tasks(subject)))
            if not changed and subject and (self._after_parallel_block(seg, subject) or self._opens_phase(seg)):
                changed = True  # "In parallel, A digs, and truck 1 goes to X. Afterwards, truck 1 ...": after both
            served = self._served_by_last(subject) if changed and subject else set()
            if not served and changed and subject:
                served = self._served_by_waiting_load(subject)
            if not served and changed and subject:
                served = self._served_in_turn(subject)
            self.served_pool = set(self.last_made) if served else set()
            self.served_sentence = seg.sentence
            if served:
                # "excavator 1 loads you, then you tip at puddle 2": the robot the clause before worked
                # on goes on from that work, not after everything still open
                base = served
            elif changed and subject and self._timed_keepout_before():
                # "after both inspections, all robots avoid puddle 1, and then excavator 1 returns": the keep-out
                # was timed by what it waited for, so "then" is after it (and the robots' own chains), not after
                # other crews' work still open (an excavator digging elsewhere)
                base = {i for i in self.last_made if self.b.drafts[i].alive}
            elif changed and subject and self._sentence_ends(seg):
                if _has_verb(seg):
                    self._sentence_loads(seg, subject)
                base = self._sentence_ends(seg)
            elif changed or not subject:  # a fleet-wide step (or nobody named) has no chain: "then" = after all
                # ("... it loads truck 2 and truck 3 one after the other, and then truck 1 heads home": the loadings
                # still waiting for their trucks are work still open, as before "finally")
                if _has_verb(seg):  # not "(loads dump truck 1) and then dump truck 3": the loading goes on
                    self.load_before_join(subject)
                base = self.b.sinks()
            elif subject and not self.b.last_tasks(subject) and "each" not in self.words[
                    max(0, (seg.items[0].start if seg.items else 0) - 5):(seg.items[0].start if seg.items else 0)]:
                # "dump trucks 2 and 3 then drive ...": robots with no steps yet wait for all (not "each truck
                # then goes to its excavator", which test_rules_fresh reads as leaving with the excavators); not
                # trucks the clause before loaded, whose loading waits for this step: they go on from it
                base = self._served_by_waiting_load(subject) or self._own_loading(subject) or (
                    set() if self._stayed_until(seg) else self._after_timed_keepout() or self.b.sinks())
                mine = {m.key for m in subject}
                fence = next((d for d in reversed(self.b.drafts) if d.alive and d.action == "add_keepout"
                              and not d.fleet and {m.key for m in d.members} == mine), None)
                if fence is not None and fence.idx in base:
                    # "After the inspection, excavators 1 and 2 avoid rock 1, and excavator 3 returns. Excavators 1
                    # and 2 then go to soil 2": their own "then" goes on from the keep-out just put up for them
                    base = {fence.idx}
            keepout = [it for it in seg.items if it.kind is ItemKind.VERB] and (all(
                it.payload.target in KEEPOUT_ACTIONS for it in seg.items if it.kind is ItemKind.VERB)
                or self._permission_back(seg))
            if keepout and self.last_made and (seg.connective_text in self.lex.after_which_connectives
                                               or self._then_after_clause(seg, subject)):
                # "..., after which all robots avoid X" (rule 10): after the step just said, not after all; so is a
                # keep-out change for some robots opening a sentence with "After that, ..." (no chain of its own),
                # which follows the whole sentence before it: all its open ends, not only its last clause's
                last = set(self.last_made)
                if seg.sentence_start:
                    said = max((n for i, n in self.draft_sentence.items() if n < seg.sentence
                                and self.b.drafts[i].alive), default=None)
                    last = {i for i, n in self.draft_sentence.items() if n == said and self.b.drafts[i].alive} or last
                base = self.b.reduce(last)
            elif not keepout and self.last_made and (
                    (seg.connective_text in self.lex.relative_sequences and all(
                        self.b.drafts[i].action in KEEPOUT_ACTIONS for i in self.last_made))
                    or (subject and not changed and all(
                        self.b.drafts[i].action == "remove_keepout" for i in self.last_made))):
                # "trucks 2 and 3 may approach rock 1 again, after which they return": a keep-out change is no step
                # of theirs (rule 8), but "after which" names it: the return waits for it as well as for their chain;
                # so does "lift the keep-out for the two trucks, and then both of them go home" (rule 21: "then"
                # orders the lifting; a keep-out just put up for them is no step they wait for, as before)
                base |= set(self.last_made)
        if self.until_found is not None and self.until_found[0] != seg.sentence and not (
                # "... is held there until X; it is then brought to rock 1": "then" opening the next sentence
                # (or said inside its first clause) continues after the wait, as within one sentence
                self.until_found[0] + 1 == seg.sentence and conn == "sequence"
                and seg.sentence not in self.draft_sentence.values()):
            self.until_found = None
        if conn == "sequence" and self.until_found is not None:
            base |= self.until_found[1]  # "... waits until X, and only then Y"
        # ", and the excavators come back": a conjunct after a comma joins the clause before it
        and_first = bool(seg.items) and seg.items[0].kind is ItemKind.WORD and seg.items[0].text == "and" \
            and pre is None and self.prev is not None and bool(self.prev.entry) and (bool(subject) or (
                # "When X, excavator 1 keeps away from obstacle 1, and soil 1 is open again for all robots": a
                # fleet-wide keep-out change joined after the timed clause shares its timing too (so after "After
                # that, they return to start, and all robots avoid soil 2")
                subject is None and (self.prev.timed or self.prev.connective == "sequence")
                and seg.has(ItemKind.VERB) and all(
                    it.payload.target in KEEPOUT_ACTIONS for it in seg.items if it.kind is ItemKind.VERB)) or (
                # "When everything is finished, puddle 2 is open again for all robots, and the whole fleet gathers
                # at obstacle 1": the fleet's step joined after the timed clause shares its timing, not after it
                subject is None and (self.prev.timed or self.prev.connective == "final") and any(
                    it.kind is ItemKind.ROBOT and it.payload.form == "fleet" for it in seg.items)))
        shared = False
        if (conn == "parallel" or (conn is None and (seg.conjunct or and_first))) and self.prev is not None \
                and ((not seg.sentence_start and self.prev.sentence == seg.sentence)
                     or (conn == "parallel" and self._parallel_after_semicolon(seg))):
            base = set(self.prev.entry)  # "X, and Y" / "X while Y": Y starts when X starts
            shared = conn is None and pre is None
            self.shared_anchor = shared and self.prev.timed  # "When X, A and B": B shares X too
            if subject and self.prev.subject and self.reduced_pre and self.prev.sentence == seg.sentence \
                    and _disjoint(subject, self.prev.subject):
                base -= self.reduced_pre
            if subject and self.prev.subject and self.post_entry \
                    and _disjoint(subject, self.prev.subject):
                # "excavator 3 goes home after reaching obstacle 1, and truck 3 dumps ...": the anchor
                # that closed X was X's own, not a start for other robots
                base -= self.post_entry
            who = subject or ()
            pool = self.served_pool if conn is None and who and self.served_sentence == seg.sentence else set()
            moved_on = bool(pool) and all(any(d.alive and d.idx > max(pool) and m in d.members for d in self.b.drafts)
                                          for m in who)
            served_too = self._served_by_last(who, pool) if pool and not moved_on else set()
            if moved_on:
                # "After that, truck 1 drives to puddle 1 and truck 2 drives to puddle 2, and each of them dumps
                # there": robots that went on from their own loadings in this sentence go on along their own chains
                base = set()
            elif served_too:
                # "After that, truck 1 drives to puddle 1 and truck 2 drives to puddle 2", after each truck was
                # loaded: each goes on from its own loading, as the first did (not after the first one's too)
                base = served_too
            elif conn is None and self.prev.inner_then and subject and self.prev.subject and not self.prev.timed \
                    and _disjoint(subject, self.prev.subject):
                # "Truck 1 then takes its load to rock 1 and truck 3 takes its load to rock 2": the "then" was
                # truck 1's own (rule 9); truck 3 goes on from its own chain, not after everything still open
                # (a robot with no step yet has no chain to go on: its "then" is after all, the sentence's)
                base = set()
            elif conn is None and self.prev.connective == "sequence" and subject and self.prev.subject \
                    and _disjoint(subject, self.prev.subject) and not self.b.last_tasks(subject):
                # "Afterwards the truck ..., and both excavators ...": the new robots wait for what
                # was open when the sentence's "afterwards" was said
                base |= self.prev.start_sinks
        if pre is None and post is None and conn is None and not shared and seg.after_punct and not seg.conjunct \
                and self.prev is not None and self.prev.timed and subject and self.prev.subject \
                and _disjoint(subject, self.prev.subject) and (
                    (self.prev.sentence == seg.sentence and not seg.sentence_start)
                    or (self.prev.sentence == seg.sentence - 1 and self._after_semicolon(seg)
                        and not seg.has(ItemKind.VERB))):
            # "When the checks are done, truck 1 goes home, truck 3 to soil 1": clauses listed with bare
            # commas after a leading anchor all wait for it, as they do when joined by "and"; so does a
            # verbless one after a semicolon ("Once they are done, truck 2 over to soil 2; truck 1 home.")
            base |= set(self.prev.entry)
            self.shared_anchor = True
        elif pre is None and post is None and conn is None and not shared and seg.after_punct and not seg.conjunct \
                and self.prev is not None and self.prev.connective == "sequence" and subject and self.prev.subject \
                and self.prev.sentence == seg.sentence and not seg.sentence_start and not self.prev.inner_then \
                and seg.sentence in self.then_opened and not (seg.items and seg.items[0].text == "and") \
                and _disjoint(subject, self.prev.subject) and not self.b.last_tasks(subject):
            # "Then two trucks go to obstacle 1, excavator 1 goes to rock 1, and truck 3 goes to puddle 1": clauses
            # listed with bare commas after "then" wait for what was open when it was said, as an "and" one does
            base |= self.prev.start_sinks
        self.post_entry = set()
        self.anchor_by_pronoun = False
        if post is not None:
            scene = self.last_place
            if any(it.kind is ItemKind.OBJECT and it.payload.form == "pronoun" and it.payload.pronoun in ("there", "it")
                   for it in post.items) or any(  # "avoid rock 2 until excavator 1 has inspected it"
                    it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun == "it"
                    for it in post.items):
                # "digs at soil 2 after driving there": "there" is the place this clause names
                carries = any(it.kind is ItemKind.VERB and it.payload.role == "carry" for it in seg.items)
                # "keep truck 1 out of soil 2 until X has dug there": a keep-out's place is no place left
                kept = any(it.kind is ItemKind.VERB and it.payload.target in KEEPOUT_ACTIONS for it in seg.items)
                named = [it for it in seg.items if it.kind is ItemKind.OBJECT and it.payload.form != "pronoun"
                         and (carries or kept or not self._source(it))]  # "leave puddle 1 for rock 1 once X dug there"
                if named:
                    got_place = self.resolve_objects(named[0])
                    if got_place:
                        self.last_place = got_place[-1]
            self.step_anchored = False
            got, _ = self.anchor(post)  # an "until" anchor gives nothing but may bring an implied dump
            if self.step_anchored:  # "6. Excavator 1 returns after step 4": not after the item before it
                base = set()
                self.step_anchored = False
            # "truck 1 joins it there after passing obstacle 2": "there" is the place said before the anchor
            self.last_place = scene
            if shared and got and not self.step_anchored and post.connective_text not in UNTIL:
                base = set()  # "X when A, and Y when B": Y waits for B, not for what X waited for
            got = self._own_loadings_said(got, subject)
            self.post_entry = got - base
            base |= got
        return base

    def _own_loadings_said(self, got: set[int], subject: tuple[Member, ...] | None) -> set[int]:
        """"Truck 2 dumps at rock 1 right after *its* loading": of the loadings a possessive anchor said after the
        clause names, the subject's own (as when it is said first: "right after its loading, truck 2 dumps ..."),
        not the last truck loaded."""
        if not (self.robotless_anchor and self.anchor_possessive and subject):
            return got
        loads, own = self._loadings_of(got, subject)
        return _own_loadings_only(got, loads, own)

    def _negates_other(self, items: Sequence[Item], k: int) -> bool:
        """"Truck 3 is not needed and keeps away from rock 1": a negation whose next keep-out verb comes after a
        joining word ("and", "but": the lexicon's ``clause_joining_words``) negates the predicate before that
        word, not the keep-out, which is an order of its own."""
        for it in items[k + 1:]:
            if it.kind is ItemKind.VERB:
                return False
            if it.kind is ItemKind.WORD and it.text in self.lex.clause_joining_words:
                return True
        return False

    def _negations_before_joins(self, items: Sequence[Item]) -> bool:
        """"Excavator 3 is not affected by this and can go to soil 2": every negation of the clause negates a
        predicate that ends at a joining word before any verb, so none negates the clause's orders (read as
        negating them, the move became a keep-out)."""
        negs = [k for k, it in enumerate(items) if it.kind is ItemKind.MARK and it.payload == "neg"]
        return bool(negs) and all(self._negates_other(items, k) for k in negs)

    def _subjects_loadings(self, entry: set[int], subject: Sequence[Member]) -> set[int]:
        """Of the loadings in ``entry``, the subject's own. With none of its own among them ("Dump truck 1 goes on
        once it is loaded. Once loaded, dump truck 2 ...": read before truck 2 was named, "loaded" found truck 1's
        loading alone), the subject's own loading said before stands in for them: a truck waits for its own."""
        loads, own = self._loadings_of(entry, subject)
        if loads and not own and all(m.rtype == "dump_truck" for m in subject):
            self.flush_loads(subject, None)
            _, own = self._loadings_of({d.idx for d in self.b.drafts if d.alive}, subject)
            own = {i for i in own if not any(i in self.b.anc[j] for j in own)}  # the latest
        return _own_loadings_only(entry, loads, own)

    def _loadings_of(self, steps: set[int], subject: Sequence[Member]) -> tuple[set[int], set[int]]:
        """The loadings among ``steps``, and those of them that fill one of ``subject``."""
        keys = {m.key for m in subject}
        loads = {i for i in steps if self.b.drafts[i].action == "unload_bucket"}
        return loads, {i for i in loads if keys & {p.key for p in self.b.drafts[i].partners}}

    # -- verbs and their objects ---------------------------------------------------------------------
    def _joined_anchors(self, segs: Sequence[Segment], i: int, pre: set[int] | None, pre_par: bool,
                        is_par: bool) -> bool:
        """Whether the anchor at ``i`` follows another one that opens the same sentence ("Upon completion of the
        breaking, and provided that obstacle 2 has been closed, trucks 1 and 2 ..."): the clause after them waits for
        both; read one at a time, the second took the place of the first, and the breaking was not waited for. Not
        after "or" (either one would do), nor for a parallel anchor ("while ...")."""
        if not pre or pre_par or is_par or i == 0:
            return False
        first, seg = segs[i - 1], segs[i]
        if first.role is not SegmentRole.ANCHOR or first.post_anchor or first.before or first.sentence != seg.sentence \
                or not first.items or not seg.items:
            return False
        between = {w.lower() for w in self.words[first.items[-1].end:seg.items[0].start]}
        return "or" not in between and "either" not in between

    def _resume_subject(self, post: Segment | None) -> None:
        """"Truck 2 goes to soil 1 once excavator 1 is done and gets loaded there, then it ...": the anchor's robots
        were named last, so "it" after the clause the anchor cut short was excavator 1. The clause goes on after
        "and" with its own robots, and they are the subject "it" means again."""
        if post is not None and post.ended_by == "and" and self.prev is not None and self.prev.subject:
            self.res.remember(self.prev.subject)

    def _after_both_visits(self, seg: Segment, made_before: int) -> None:
        """"Truck 1 inspects puddle 1 and truck 3 inspects puddle 2 at the same time, after which all robots avoid
        both puddles": the keep-out waits for every visit its sentence made to the places it closes, not only the
        clause just before "after which" (rule 10 reads "the step just before it" as the sentence's visits there)."""
        if seg.connective_text not in self.lex.after_which_connectives:
            return
        for d in self.b.drafts[made_before:]:
            if not d.alive or d.action != "add_keepout":
                continue
            visits = {v.idx for v in self.b.drafts[:made_before] if v.alive and v.action == "navigate"
                      and set(v.objects) & set(d.objects) and self.draft_sentence.get(v.idx) == seg.sentence
                      and v.idx not in self.b.anc[d.idx] and v.idx not in d.deps}
            if d.deps and visits:
                self.b.retime_move(d.idx, visits)

    def _note_keepouts_during(self, seg: Segment, following: Sequence[Segment], made_before: int) -> None:
        """"Trucks 1 and 3 keep away from soil 2 while excavator 1 digs there": a keep-out said before a "while"
        clause of other robots' work is put up during the job, as one said after a fronted "while" is (rule 26,
        L3_036), so its lifting waits for it too. Made before that work, it looked like one held from the start."""
        if not following or following[0].sentence != seg.sentence or following[0].role is not SegmentRole.MAIN \
                or following[0].connective_text not in self.lex.while_connectives:
            return
        self.b.during |= {d.idx for d in self.b.drafts[made_before:]
                          if d.alive and d.action == "add_keepout" and not d.deps}

    def _named_ahead(self, seg: Segment, post: Segment | None, nxt: Sequence[Segment]) -> tuple[Member, ...]:
        """The robots the timing said after a clause names by number (its "until" anchor, or a "while" clause of
        the same sentence: "the rest of the fleet keeps away from soil 1 *while excavator 1 digs there*"): with no
        robot named before, the clause's "the rest" is the rest of these; read as the rest of none, it was every
        robot, and excavator 1 was kept out of its own digging."""
        timing = post
        if timing is None and nxt and nxt[0].sentence == seg.sentence \
                and nxt[0].connective_text in self.lex.ongoing_openers:
            timing = nxt[0]
        if timing is None:
            return ()
        return tuple(self.res.robot_member(r) for it in timing.items
                     if it.kind is ItemKind.ROBOT and it.payload.form == "ids" for r in it.payload.ids)

    def _until_anchor(self, before: Segment | None, seg: Segment, post: Segment | None) -> Segment | None:
        """The "until" anchor of the clause ``seg``, said after it or, opening its sentence, right before it
        ("*Until excavator 3 has dug at soil 2*, the trucks keep away from soil 2"): either way it says when a
        keep-out of the clause ends. Only the one said after was taken, so a later move into the place found the
        place still closed."""
        if post is not None and post.connective_text in self.lex.until_words:
            return post
        if before is not None and before.role is SegmentRole.ANCHOR and not before.post_anchor \
                and before.sentence == seg.sentence and before.sentence_start \
                and before.connective_text in self.lex.until_words:
            return before
        return post

    def _staying_clause(self, seg: Segment) -> bool:
        """A clause of staying where the robot is ("truck 3 remains at soil 2", "it waits there"), or of not leaving
        it ("truck 2 must not leave", "don't set off": a negated bare departure, lexicon ``departure_verbs``): no
        step."""
        if any(staying(it, self.lex) for it in seg.items):
            return True
        return any(it.kind is ItemKind.MARK and it.payload == "neg" for it in seg.items) \
            and not seg.has(ItemKind.VERB) \
            and any(it.kind is ItemKind.WORD and it.text in self.lex.departure_verbs for it in seg.items)

    def _stayers_before(self, segs: Sequence[Segment], i: int) -> tuple[Member, ...] | None:
        """The robots a fronted-looking "until" anchor at ``i`` holds: those addressed by a wait ("truck 3 waits
        until X, then ..."), or those of a clause of staying just before it in its sentence ("truck 3 stays until
        X"); None for any other anchor."""
        seg = segs[i]
        addressed = tuple(self.vocative[0]) if self.vocative is not None and self.vocative[0] else None
        if seg.connective_text in self.lex.wait_for_connectives and addressed:
            return addressed
        before = segs[i - 1] if i else None
        if before is not None and before.sentence == seg.sentence and before.role is SegmentRole.MAIN \
                and self._staying_clause(before):
            # "truck 2 must not leave until X": a clause with no step leaves its robot addressed
            return addressed or (self.prev.subject if self.prev is not None else None)
        return None

    def _note_stay_wait(self, stayers: Sequence[Member] | None) -> None:
        """Remember that ``stayers`` wait where they are for the deed of the "until" just read, ordered later."""
        if self.stay_said is None or not stayers:
            return
        sentence, robots, actions, places, said = self.stay_said
        self.stay_waits.append(StayWait(frozenset(m.key for m in stayers), len(self.b.drafts), sentence, robots,
                                        actions, places, said))

    def _note_until_keepouts(self, post: Segment | None, sentence: int, made_before: int) -> None:
        """Remember the keep-outs a clause with an "until X" anchor put up, with the tasks of X (rules/untillifts)."""
        if post is not None and post.connective_text in self.lex.until_words and self.until_found is not None \
                and self.until_found[0] == sentence and not self.until_found[1] \
                and self.until_later is not None and self.until_later[0] == sentence:
            # "... until truck 2 has inspected it. Truck 2 inspects rock 1.": X is the step the later sentence makes
            _, robots, actions = self.until_later
            self.until_pending += [(d.idx, sentence, robots, actions, self._until_places(post, d))
                                   for d in self.b.drafts[made_before:] if d.alive and d.action == "add_keepout"]
            return
        if post is None or post.connective_text not in self.lex.until_words or self.until_found is None \
                or self.until_found[0] != sentence or not self.until_found[1]:
            return
        ends = frozenset(self.until_found[1])
        put_up = [d for d in self.b.drafts[made_before:] if d.alive and d.action == "add_keepout"]
        for d in put_up:
            self._before_its_end(d, ends)
        self.until_keepouts += [(d.idx, ends) for d in put_up]
        if all(d.action in KEEPOUT_ACTIONS for d in self.b.drafts[:made_before] if d.alive):
            # "trucks keep away from puddle 2 until excavator 1 is done digging at soil 2, ...": the steps of X,
            # made before the keep-out, are no work said before it; it holds from the start (rule 26)
            self.b.standing |= {d.idx for d in put_up if not d.deps}

    def _before_its_end(self, keepout: Draft, ends: frozenset[int]) -> None:
        """A keep-out "until X" holds before X: said after the steps of X ("... loads truck 1. Truck 1 must stay out
        of obstacle 2 until the loading is done"), it took its robot's last step, X itself, as where it starts, and
        went up when it was to end. It waits for none of X's tasks nor for anything after them; left waiting for
        nothing, it holds from the start (rule 26)."""
        b = self.b
        late = {p for p in keepout.deps if p in ends or ends & b.anc[p]}
        if not late:
            return
        keepout.deps -= late
        b.anc[keepout.idx] = set().union(*(b.anc[p] | {p} for p in keepout.deps))
        for p in late:
            if not any(d.alive and p in d.deps for d in b.drafts):
                b.has_dependents.discard(p)
        if not keepout.deps:
            b.standing.add(keepout.idx)

    def _weather_it(self, seg: Segment, subj_items: list[Item]) -> bool:
        """"Trucks stay away from puddle 2 while it rains / while it is dark": a "while" clause (lexicon
        ``while_connectives``) whose only robots are pronouns and that has no verb tells when, about the weather or
        the site; it never repeats the step before for "it" (which doubled the keep-out)."""
        return seg.connective_text in self.lex.while_connectives and all(
            it.payload.form == "pronoun" for it in subj_items)

    def _until_keeps_out(self, seg: Segment) -> bool:
        """Whether a negated move "until X" stays a keep-out: it only comes near the place ("must not go near rock 2
        until ..."), or its robots are said by a negation ("nobody else should go there until ..."). Read as a move
        once X is done, either sent robots into a place nobody said they go to."""
        near = any(it.kind is ItemKind.WORD and it.text in self.lex.until_keepout_motion for it in seg.items)
        crowd = any(it.kind is ItemKind.ROBOT and it.text.split()[:1] and it.text.split()[0]
                    in self.lex.until_keepout_crowds for it in seg.items)
        return near or crowd

    @staticmethod
    def _bare_back(seg: Segment) -> bool:
        """Robots and a closing "back" only, no verb and no place ("Then everybody back.", "truck 2 back")."""
        items = [it for it in seg.items if it.kind is not ItemKind.PUNCT]
        return bool(items) and items[-1].kind is ItemKind.MARK and items[-1].text == "back" \
            and any(it.kind is ItemKind.ROBOT for it in items) \
            and all(it.kind in (ItemKind.ROBOT, ItemKind.MARK, ItemKind.WORD) for it in items)

    def build_actions(self, seg: Segment, verbs: list[Item], partner_items: list[Item], marks: set[str],
                      negated: bool, subject: tuple[Member, ...] | None = None, timed: bool = False) -> list[Action]:
        """The actions of one clause. ``subject`` (its robots) and ``timed`` (an "until" / "before" clause comes
        after it) decide how a negated work verb is read: see the end of :meth:`run`."""
        items = seg.items
        actions: list[Action] = []
        cur: Action | None = None
        leading: list[Item] = []
        for it in items:
            if it.kind is ItemKind.VERB:
                self.use(it)
                cur = Action(it.payload)
                actions.append(cur)
                if len(actions) == 1 and leading:
                    # passive: "puddle 2 is to be inspected by truck 3"
                    cur.objects += [x for x in leading if x.kind is ItemKind.OBJECT]
                    cur.place = any(x.kind is ItemKind.PLACE for x in leading)
                    leading = []
            elif it.kind is ItemKind.OBJECT:
                if cur is None:
                    leading.append(it)
                else:
                    cur.objects.append(it)
            elif it.kind is ItemKind.PLACE:
                self.use(it)
                if self._source(it) and (cur is None or cur.verb.role != "carry"):
                    self.used.add(it.start - 1)  # "go from base to soil 1": where they leave from, no return there
                    continue
                if cur is None:
                    leading.append(it)
                else:
                    cur.place = True
            elif it.kind is ItemKind.MARK and it.payload == "now" and cur is not None:
                cur.immediate = True
            elif it.kind is ItemKind.MARK and it.payload == "again" and it.text == "back" and cur is not None:
                cur.back = True
                k = next(j for j, x in enumerate(items) if x is it)
                # "travels to puddle 2 and back": the way back is said after the places, with nothing after it
                cur.round_trip = bool(cur.objects) and k > 0 and items[k - 1].text == "and" and (
                    k + 1 == len(items) or items[k + 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE))
            elif it.kind is ItemKind.MARK and it.payload == "again" and cur is not None:
                cur.again = True
        if not actions and not leading and self._bare_back(seg):
            # "Then everybody back.": robots and "back" with no verb and no place are sent back to the start, as
            # "everybody back to base" is (read as nothing, the return was dropped; after a move, a move there)
            home = Action(VerbHit("navigate", "verb", ""))
            home.place = True
            actions.append(home)
        if not actions and not places_named(leading) and not self._gapped_there(seg, leading) \
                and not _unwanted_near_it(seg, leading):
            return []
        if not actions:
            verbs_prev = self.prev.verbs if (self.prev is not None and self.prev.sentence == seg.sentence) else []
            target = next((v for v in verbs_prev if v.target not in KEEPOUT_ACTIONS), None)
            only_start = all(it.kind is ItemKind.PLACE for it in leading)
            verb = target if target is not None and target.target in ("navigate", "dig", "dump") \
                and not only_start else VerbHit("navigate", "verb", "")  # "..., dig, then back to base": a return
            if verbs_prev and all(v.target in KEEPOUT_ACTIONS for v in verbs_prev) and seg.has(ItemKind.ROBOT) \
                    and not only_start and not any(self.words[it.start - 1] in self.lex.toward_words for it in leading
                                                   if it.kind is ItemKind.OBJECT and it.start > 0):
                # "keep excavator 1 out of soil 2 and truck 1 out of puddle 1": the verb left out is the keep-out
                # (read as a move, truck 1 was sent to soil 2, "out of" taken for where it leaves from); not
                # "all robots avoid puddle 2 - excavator 1 to soil 1", a move said with its goal
                verb = verbs_prev[-1]
            if _negated_place_only(seg):
                # "digs at soil 1, but not near puddle 1": a place the robots keep out of, never one they work at
                verb = VerbHit("navigate", "verb", "")
            a = Action(verb)
            for it in leading:
                if it.kind is ItemKind.PLACE:
                    a.place = True
                else:
                    a.objects.append(it)
            actions.append(a)
        elif leading:
            for it in leading:
                if it.kind is ItemKind.PLACE:
                    actions[0].place = True
                else:
                    actions[0].objects.insert(0, it)
        # "go dig at soil 2", "come and load": a bare motion verb before another verb adds nothing but the move
        # the next one makes ("truck 2 follows and gets loaded": to its loader)
        bare = [k for k, a in enumerate(actions)
                if a.verb.target == "navigate" and a.verb.role == "verb" and not a.objects and not a.place
                and "there" not in a.verb.lemma.split()  # "get over there and get loaded" goes
                and k + 1 < len(actions) and self._adjacent(a, actions[k + 1], items)]
        for k in bare:
            actions[k + 1].arrive = True
        bare += [k for k, a in enumerate(actions)
                 if k + 1 < len(actions) and self._carried_away(a, actions[k + 1], items)]
        actions = [a for k, a in enumerate(actions) if k not in bare]
        # "allow truck 3 to enter puddle 1", "is allowed to visit it again": the place of the motion verb right after a
        # permission is the place allowed, not a move of its own (the permission had no object and was refused)
        allowed: list[Action] = []
        for a in actions:
            prev = allowed[-1] if allowed else None
            if prev is not None and prev.verb.target == "remove_keepout" and not prev.objects and not prev.place \
                    and a.verb.target == "navigate" and a.verb.role == "verb" and a.objects \
                    and self._adjacent(prev, a, items):
                prev.objects = a.objects
                continue
            allowed.append(a)
        actions = allowed
        # permissions and negations turn movements into keep-out changes
        seg_words = self.words[items[0].start:items[-1].end] if items else []
        permit = "permit" in marks and not self._permission_denied(items) and (self._again_said(items) or any(
            self.lex.permission_motion.match(seg_words, k) for k in range(len(seg_words)))
            or self._permitted_into_closed(subject, actions))
        lifted = [it for k, it in enumerate(items) if it.kind is ItemKind.MARK and it.payload == "neg"
                  and it.text in self.lex.lifting_negations and not self._negates_other(items, k)]
        # "the puddle 1 ban is over", "the keep-out on puddle 1 ends": a keep-out noun whose end is said (lexicon
        # keepout_ending_words) lifts it; read as the noun alone, it put up a second keep-out
        nouns = [k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload.target == "add_keepout"
                 and self.lex.keepout_noun_index.match(it.text.split(), 0) is not None]
        lifted = lifted or [items[j] for k in nouns[:1] for j in range(k + 1, len(items))
                            if items[j].kind in (ItemKind.WORD, ItemKind.EVENT, ItemKind.MARK)
                            and items[j].text in self.lex.keepout_ending_words]
        if lifted and not permit and any(a.verb.target == "add_keepout" for a in actions) and not any(
                a.verb.target in MOVES for a in actions):
            # "puddle 2 is no longer off limits": the keep-out is lifted
            for a in actions:
                if a.verb.target == "add_keepout":
                    a.verb = VerbHit("remove_keepout", a.verb.role, a.verb.lemma)
            negated = False
        if negated and not permit and seg.role is not SegmentRole.ANCHOR:
            # "excavator 1 does not dig at rock 2": a negation right before a work verb says what not to do, and a
            # plan (a list of what to do) cannot hold it; read as the order it negates, the work was done. A condition
            # ("if truck 2 has not been loaded") and a passive ("is not loaded") order nothing
            # (an inspection is work too: "truck 1 does not inspect puddle 1" is no keep-out of puddle 1)
            refused = [a for a in actions if (a.verb.target in _NEGATABLE_WORK or (
                a.verb.target == "navigate" and a.verb.lemma in self.lex.check_verbs))
                and not a.verb.role.startswith("passive") and self._negated_here(items, a.verb)]
            if refused:
                message = (f"a plan lists what to do: {seg.text!r} says what a robot should not do; leave it out, or "
                           f"say what it does instead")
                lo, hi = items[0].start, items[-1].end  # the whole sentence: "before X, truck 2 does not dump"
                while lo > 0 and self.words[lo - 1] not in SENTENCE_END:
                    lo -= 1
                while hi < len(self.words) and self.words[hi] not in SENTENCE_END:
                    hi += 1
                if timed or any(w in self.lex.negated_work_time_words for w in self.words[lo:hi]):
                    self.errors.append(message)  # "does not dig yet / until ...": a wait we cannot say as a step
                else:
                    self.negated_work.append((message, tuple(subject or ())))
                actions = [a for a in actions if a not in refused]
                negs = [k for k, it in enumerate(items) if it.kind is ItemKind.MARK and it.payload == "neg"]
                if negs and all(any(k + 1 < len(items) and items[k + 1].kind is ItemKind.VERB
                                    and items[k + 1].payload is a.verb for a in refused) for k in negs):
                    # "goes to soil 1 but does not dig yet": the negation is the work verb's alone, the move stays
                    negated = False
        if negated and not permit and seg.role is not SegmentRole.ANCHOR:
            staying = [a for a in actions if a.verb.target in MOVES and a.objects and all(
                self.words[o.start - 1] in self.lex.departure_verbs for o in a.objects)]
            if staying:
                # "truck 1 must not leave soil 2 before excavator 2 has loaded it": not leaving a place is a wait, no
                # keep-out of it (read as one, the truck was kept out of where it stood) and no step of a plan
                self.errors.append(f"{seg.text!r}: not leaving a place is no step; say what the robot does next "
                                   f"and what that waits for")
                actions = [a for a in actions if a not in staying]
        if permit or negated:
            new_target = "add_keepout" if negated else "remove_keepout"  # "nobody may enter" forbids
            turned = MOVES | ({"remove_keepout"} if negated else set())  # "nobody may go near X"
            movers = [a for a in actions if a.verb.target in turned]
            said_before = self._moves_before_negation(items, movers) if negated and not permit else []
            said_after = self._orders_after_negation(items, movers) if negated and not permit else []
            movers = [a for a in movers if a not in said_before and a not in said_after]
            keep = [a for a in actions if a.verb.target not in turned or a in said_before or a in said_after]
            if movers:
                objs = [o for a in movers for o in a.objects]
                at = 0 if not said_before or self._en_route_after(items) else len(said_before)
                keep.insert(at, Action(VerbHit(new_target, "verb", movers[0].verb.lemma), objs))
                actions = keep
        for a in actions:
            a.partners = partner_items
        return actions

    def _closed_to(self, subject: Sequence[Member]) -> list[str]:
        """The places a keep-out still in force holds every robot of ``subject`` out of."""
        keys = {m.key for m in subject}
        return [n for n, who in self.closed_for.items() if n not in self.last_allow and (
            who is None or keys <= {m.key for m in who})]

    def _permitted_into_closed(self, subject: tuple[Member, ...] | None, actions: Sequence[Action]) -> bool:
        """"Trucks 1 and 2 avoid puddle 1. Once ..., they may go there.": a permission to go ("may", "can", "are
        allowed to") said of robots a keep-out still holds out, to the place it closes or to "there", gives back
        what the keep-out took (a lifting); read as an order, "there" sent them to the place named last, and a
        named place was refused as a move into a keep-out nothing lifts. Not with work besides ("can go there and
        dump"): that orders the work."""
        if not subject or any(a.verb.target != "navigate" for a in actions):
            return False
        closed = self._closed_to(subject)
        moves = [a for a in actions if a.verb.target == "navigate" and a.objects]
        return bool(closed) and bool(moves) and all(
            o.payload.form == "pronoun" and o.payload.pronoun == "there"
            or (o.payload.form == "names" and set(o.payload.names) <= set(closed)) for a in moves for o in a.objects)

    @staticmethod
    def _robotless_keepout(seg: Segment) -> bool:
        """``seg`` changes a keep-out and names no robot ("then rock 1 is open again"): the subject it took from the
        clause before is no chain for it to go on from, since a keep-out is no robot step (rule 8)."""
        verbs = seg.of(ItemKind.VERB)
        return bool(verbs) and not seg.has(ItemKind.ROBOT) and all(v.payload.target in KEEPOUT_ACTIONS for v in verbs)

    def _by_then_lifting(self, seg: Segment) -> None:
        """"Truck 2 tips at puddle 1. By then, trucks 1 and 3 may enter soil 1 again": a keep-out change is no step that
        can run alongside another, so "by then" (lexicon ``by_then_connectives``, read as "meanwhile" for a robot's
        step) times it after the step before, as "then" does; read alongside, the lifting waited for nothing."""
        verbs = seg.of(ItemKind.VERB)
        if seg.connective == "parallel" and seg.connective_text in self.lex.by_then_connectives and verbs and (
                all(v.payload.target in KEEPOUT_ACTIONS for v in verbs) or self._permission_back(seg)):
            seg.connective = "sequence"

    def _permission_back(self, seg: Segment) -> bool:
        """"After that, the trucks can go near puddle 2 again": a move verb with a permission and "again" is a
        lifting (turned so in build_actions), so "after that" puts it after the step just said, as it does a keep-out
        verb ("may enter"); read as the robots' step, it waited for every open end, the keep-out it lifts too."""
        return "permit" in seg.marks() and self._again_said(seg.items) and not self._permission_denied(seg.items)

    @staticmethod
    def _permission_denied(items: Sequence[Item]) -> bool:
        """"Truck 1 may not enter puddle 2 and goes back to base": a permission word right before a negation or a
        keep-out verb ("not enter") forbids, as "must not" does; read as a permission, the clause's other moves
        became liftings ("no object named to allow in 'goes back'", or an allow of rock 1 for "and goes to rock 1")."""
        for k, it in enumerate(items[:-1]):
            if it.kind is ItemKind.MARK and it.payload == "permit":
                nxt = items[k + 1]
                if nxt.kind is ItemKind.MARK and nxt.payload == "neg" \
                        or nxt.kind is ItemKind.VERB and nxt.payload.target == "add_keepout":
                    return True
        return False

    @staticmethod
    def _moves_before_negation(items: Sequence[Item], movers: Sequence[Action]) -> list[Action]:
        """"Truck 2 goes to obstacle 1 but must not go near puddle 2": the moves said before the clause's first
        negation are orders, only those after it are kept out of (all of them were: a keep-out of obstacle 1 too,
        and no move). Empty when no move is said after it."""
        neg = next((k for k, it in enumerate(items) if it.kind is ItemKind.MARK and it.payload == "neg"), None)
        if neg is None:
            return []
        at = {id(it.payload): k for k, it in enumerate(items) if it.kind is ItemKind.VERB}
        before = [a for a in movers if at.get(id(a.verb), len(items)) < neg]
        return before if len(before) < len(movers) else []

    def _orders_after_negation(self, items: Sequence[Item], movers: Sequence[Action]) -> list[Action]:
        """"Truck 2 must not go near puddle 2 and goes to obstacle 1": a move said after the negated one in the
        third person ("goes") while the negated verb is bare ("not go") has a subject of its own, so it is an order,
        not a second place kept out of. With both verbs in the same form ("must not go near X and go to Y", "never
        goes near X and drives to Y") the negation may cover both, and it still does."""
        neg = next((k for k, it in enumerate(items) if it.kind is ItemKind.MARK and it.payload == "neg"), None)
        if neg is None or neg + 1 >= len(items) or items[neg + 1].kind is not ItemKind.VERB \
                or items[neg + 1].payload.target not in MOVES \
                or self._third_person(items[neg + 1].payload):
            return []  # "is no longer kept out of X and goes there": a lifting, read elsewhere (not a move)
        at = {id(it.payload): k for k, it in enumerate(items) if it.kind is ItemKind.VERB}
        return [a for a in movers if at.get(id(a.verb), -1) > neg + 1 and self._third_person(a.verb)]

    def _en_route_after(self, items: Sequence[Item]) -> bool:
        """An en-route phrase (lexicon ``en_route_words``: "on the way") closes the clause: its keep-out holds
        while the robot drives there, so it comes first."""
        words = self.words[items[0].start:items[-1].end] if items else []
        return any(" ".join(words[k:k + n]) in self.lex.en_route_words for n in range(1, 5)
                   for k in range(len(words)))

    @staticmethod
    def _negated_here(items: Sequence[Item], verb: VerbHit) -> bool:
        """Whether a negation mark stands right before ``verb``'s item ("does not dig", "must not dig", "never
        digs"); one with a word between ("not only digs ... but also", "has not been loaded") negates no order."""
        k = next((j for j, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload is verb), -1)
        return k > 0 and items[k - 1].kind is ItemKind.MARK and items[k - 1].payload == "neg"

    def _adjacent(self, a: Action, b: Action, items: Sequence[Item]) -> bool:
        """Whether verb ``b`` follows verb ``a`` directly (or after "and"/"to")."""
        ia = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload is a.verb), -1)
        ib = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload is b.verb), -1)
        if not 0 <= ia < ib:
            return False
        between = list(items[ia + 1:ib])
        if any(it.kind is ItemKind.ROBOT for it in between):
            # "send one truck to check puddle 1": the robot sent, then what it is sent to do
            last = between[-1]
            between = [it for it in between if it.kind is not ItemKind.ROBOT]
            if not (last.kind is ItemKind.WORD and last.text == "to"):
                return False
        return all(it.kind is ItemKind.WORD and it.text in ("and", "to") for it in between)

    def _carried_away(self, a: Action, b: Action, items: Sequence[Item]) -> bool:
        """"Truck 3 takes its load away and dumps it at obstacle 2": a carry with no place of its own, followed in
        the clause by a dump at a named place, is the way to that place, which the dump's move already makes. Read
        alone, the carry went to the place said last before the clause (another truck's dump site, and shared that
        truck's move)."""
        if a.verb.role != "carry" or a.objects or a.place or a.back or b.verb.target != "dump" \
                or not any(o.payload.form == "names" for o in b.objects):
            return False
        ia = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload is a.verb), -1)
        ib = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload is b.verb), -1)
        # the load said as a pronoun ("hauls *it* off and dumps *it*") is no robot of its own: it was, and the carry
        # went to the other truck's place
        return 0 <= ia < ib and all(it.kind is ItemKind.WORD or (
            it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun in ("it", "them"))
            for it in items[ia + 1:ib])

    def _fleet_checks_where_it_stands(self, v: VerbHit) -> bool:
        """"Everyone goes to puddle 2, and then they check it": a check with no place of its own, said of the whole
        fleet standing together where it went last, is of that place, as "truck 1 goes to puddle 2 and then checks
        it" is for named robots; read with no place, the fleet's check was refused."""
        return v.lemma in self.lex.check_verbs and self.fleet_location is not None and not self.location \
            and self.fleet_location == self.last_place

    def _there_elsewhere(self, here: Collection[str | None]) -> bool:
        """"After that, soil 2 is open again and excavator 1 can dig there": "there" points at a place named earlier
        in the sentence where none of the doers stands, not at where each stands (read so, excavator 1 dug again
        at soil 1 and never went to soil 2)."""
        return self.last_place is not None and self.last_place not in here \
            and self.last_place in self.sentence_places.get(self.current_sentence, ())

    # -- doing ------------------------------------------------------------------------------------------
    def act(self, a: Action, subject: tuple[Member, ...] | None, extra: set[int], split: bool,
            respectively: bool, is_global: bool) -> list[Draft]:
        v = a.verb
        target = v.target
        if target == "pair":
            return self.pairing.pair(a, subject, extra)
        if subject and len(subject) > 1 and any(own_place(o) for o in a.objects):
            # "each truck drives to its excavator's site": every robot to its own partner's place
            each: list[Draft] = []
            for m in subject:
                self.own_member = m
                try:
                    each += self.act(a, (m,), extra, True, respectively, is_global)
                finally:
                    self.own_member = None
            return each
        if v.role == "passive_load" and self._digs_up(subject, v):
            dig = dataclasses.replace(a, verb=VerbHit("dig", "verb", v.lemma))
            return self.act(dig, subject, extra, split, respectively, is_global)
        if v.role == "passive_load":
            return self.passive_load(subject, a, extra, split, respectively)
        if target in KEEPOUT_ACTIONS:
            return self.keepout(target, subject, a, extra, is_global)
        origin = [n for o in a.objects if self._source(o) and o.payload.form == "names" for n in o.payload.names]
        if target in MOVES and v.role != "carry" and any(self._source(o) for o in a.objects) and not any(
                o.payload.form == "kind" and self.word_before(o) not in self.lex.place_prepositions
                for o in a.objects):  # "moves soil from soil 1 to rock 1": a load is picked up there
            left = self._left_places(a, subject)
            if left is None:
                return []
            a = left
        if v.role == "carry" and a.back and not any(o.payload.form == "names" for o in a.objects) and not (
                subject and any(self.loaded.get(m.key) for m in subject)):  # a loaded truck "brings it back": cargo
            v = VerbHit("navigate", "verb", v.lemma)  # "bring truck 3 back to start": no cargo, just a return
        cargo_verb = v.role == "carry" or target in ("dump", "unload_bucket", "dig")
        places: list[str] = []
        named: list[str] = []  # the places named, not pointed at ("there")
        via: list[str] = []  # the places passed on the way ("via obstacle 1")
        errors_before = len(self.errors)
        own_here = False
        cargo_named = False
        for o in a.objects:
            d: ObjectDesc = o.payload
            before = self.word_before(o)
            if before == "from" and target == "navigate" and d.form == "pronoun":
                self.use(o)  # "... to puddle 1 and from there on to soil 1": where it leaves from
                continue
            if self.pairing.own_here(o, subject):
                self.use(o)  # "each to break up its rock": where each stands
                own_here = True
                continue
            if cargo_verb and d.form != "names" and before not in self.lex.place_prepositions and d.form != "pronoun" \
                    and not self._dug_place_of_kind(a, o, subject):
                self.use(o)
                cargo_named = True
                continue  # "hauls the soil to puddle 1": the soil is cargo
            if cargo_verb and d.form == "pronoun" and d.pronoun in ("it", "that") and target != "dig":
                self.use(o)
                continue
            doers = self.capable(subject, target, quiet=True) if subject and target in ("dig", "dump") else []
            here = {self.loc(m) for m in doers} if doers else {None}
            if d.form == "pronoun" and d.pronoun == "there" and target in ("dig", "dump") and None not in here \
                    and not self._there_elsewhere(here):
                self.use(o)  # "they then dig there", "both dig there": each where it stands
                continue
            names = self.resolve_objects(o, cargo_ok=cargo_verb)
            self.use(o)
            cargo_named = cargo_named or (v.role == "carry" and self._cargo_before(o))
            if self._waypoint(o):
                via += names
                continue
            places += names
            if d.form == "names":
                named += names
        if via and not places and not a.place:
            places = via  # "drives through obstacle 1": no destination besides, so the place is the goal as before
        elif via:
            extra = self._pass_by(subject, target, via, extra, v)
        back_to_object = target == "return_to_start" and not a.place and bool(places) and any(
            self.word_before(o) in self.lex.toward_words for o in a.objects)  # "drives back (out) to soil 1"
        if a.round_trip and target == "navigate" and places and not a.place and subject:
            # "truck 1 goes to puddle 2 and back": back where it set out from (the way back was dropped)
            home = {self.loc(m) for m in subject} if not origin else set(origin[:1])  # "from puddle 1 ... and back"
            back_to = home.pop() if len(home) == 1 else None
            places.append(back_to if back_to is not None else START)
        if a.place or (target == "return_to_start" and not back_to_object) or (
                a.back and target == "navigate" and not places and not a.objects):
            places.append(START)
        if subject is None and target in MOVES and not places and not a.objects and not a.back \
                and self.clause_place is not None and self.fleet_location == self.clause_place:
            # "all robots meet at puddle 2 to look at it": the whole fleet is already there, as "goes to obstacle 2 to
            # check it" is for named robots (read with no place, the fleet's check was refused)
            places = [self.clause_place]
        if subject is None and target in MOVES and not places and not a.objects and not a.back \
                and self._fleet_checks_where_it_stands(v):
            places = [self.last_place] if self.last_place is not None else []
        if subject is None:
            return self.fleet_act(target, places, extra, v)
        if target in MOVES and v.role == "carry" and subject and len(subject) > 1:
            haulers = self.capable(subject, "dump", quiet=True)
            if haulers and len(haulers) < len(subject) and any(self.loaded.get(m.key) for m in haulers):
                subject = tuple(haulers)  # "excavator 3 and truck 1: dig, load, haul to X": the truck hauls
        # "truck 1 follows excavator 1 (there)": where the robot it follows went, not the place named last
        only_there = all(o.payload.form == "pronoun" and o.payload.pronoun == "there" for o in a.objects)
        if target in MOVES and only_there and (not places or bool(a.objects)) and not a.back and subject \
                and v.lemma in self.lex.follow_verbs and self.followed_members:
            followed = self._follow_places(subject, extra, v, respectively)
            if followed is not None:
                return followed
        if target in MOVES:
            there = any(o.payload.form == "pronoun" and o.payload.pronoun == "there" for o in a.objects)
            if split and there and len(places) == 1:
                # "each driving there first": each to its own place, already named
                subject = tuple(m for m in subject if self.loc(m) is None)
                if not subject:
                    return []
            scene = self.place_before if self.place_before is not None else self.last_place
            if not places and not a.objects and not a.back and target == "navigate" and subject \
                    and v.lemma in self.lex.stationary:
                return []  # "if truck 1 gets there first it just waits", "truck 3 stays": no move at all
            if not places and not a.objects and not a.back and target == "navigate" and subject:
                # "truck 2 to rock 1, truck 3 to rock 2 - send them all off at the same time": every robot
                # already got its place in this sentence; the bare verb says how, not where
                sent: dict[str, str] = {}
                for dr in self.b.drafts:
                    if dr.alive and dr.action in MOVES and dr.objects and \
                            self.draft_sentence.get(dr.idx, self.current_sentence) == self.current_sentence:
                        sent.update((m.key, dr.objects[0]) for m in dr.members)
                if len(subject) > 1 and {m.key for m in subject} <= set(sent) \
                        and len({sent[m.key] for m in subject}) > 1:
                    return []
            if not places and not a.objects and self.clause_place is not None and subject \
                    and all(self.loc(m) == self.clause_place for m in subject):
                places = [self.clause_place]  # "goes to obstacle 2 to check it": there, not back to the scene
            if not places and scene is not None and not a.objects:
                # "..., which arrives after ...": where the scene is
                places = [self._bare_move_place(subject, scene) if v.lemma in self.lex.approach_verbs else scene]
            if not places and own_here:
                # "one excavator digging at soil 1 and another at soil 2. Each of them has to drive to its soil
                # pile first": each is already bound for its own place of that kind; the move is said again
                return []
            if not places:
                self.errors.append(f"no place to go to for {v.lemma!r} (say which object, or 'start')")
                # "trucks 1 and 3 each go to a puddle - truck 1 to puddle 1, truck 3 to puddle 2": a place
                # left open may be spelled out right after; the errors stand only if it is not
                said = self.errors[errors_before:]
                self.vague.append(([e for e in said if e not in self.firm_errors], tuple(m.key for m in subject),
                                   len(self.b.drafts), self.current_sentence))
                self.errors[errors_before:] = [e for e in said if e in self.firm_errors]
                return []
            if len(places) == 1 and subject and all(self.loc(m) == places[0] for m in subject):
                self._retimed_move(subject, places[0], extra)
            fetched = self._fetch_first(subject, places, origin, extra, v, respectively, split)
            if fetched:
                places, extra = places[len(fetched[1]):], set()
            made_first = fetched[0] if fetched else []
            if fetched and places and self._load_comes_later(subject):
                self.onward.append((tuple(subject), places, v, cargo_named))
                return made_first
            if not (cargo_named and v.role == "carry"):
                return made_first + self.moves(subject, places, extra, v, respectively, split)
            self.cargo_hauled = {m.key for m in subject}
            try:
                return made_first + self.moves(subject, places, extra, v, respectively, split)
            finally:
                self.cargo_hauled = set()
        if target == "dig":
            diggers = self.capable(subject, "dig")
            if not diggers or self._unable_sent(subject, diggers, places, v):
                return []
            if not places and not a.objects and len(diggers) > 1 and all(self.loc(m) is None for m in diggers):
                # "excavators 1 and 2 each dig - 1 at soil 1, 2 at soil 2": the places follow, robot by robot
                named_later = {rid for x in self.following for it in x.items
                               if it.kind is ItemKind.ROBOT
                               and it.payload.form == "ids" and x.has(ItemKind.OBJECT) for rid in it.payload.ids}
                if {m.key for m in diggers} <= named_later:
                    return []
            made: list[Draft] = []
            one_each = self._one_per_place(diggers, places, respectively)
            if one_each or (respectively and len(places) == len(diggers) > 1):  # "dig at soil 1 and 2 respectively"
                made += self.moves(diggers, places, extra, VerbHit("navigate", "verb", v.lemma), True, split)
                diggers = list(self.split_into[diggers[0].key]) if one_each else diggers
                return made + self.add_skill("dig", diggers, (), set(), v.lemma, split=True)
            places = list(dict.fromkeys(places))  # "go over to soil 2 and dig there": one place
            if len(places) > 1 and sum(m.count for m in diggers) > 1:
                # "excavators 1 and 2 dig at soil 1 and soil 2": each at one (respectively) or both at both?
                self.errors.append(f"which of {', '.join(places)} does each robot dig at for {v.lemma!r}? (say "
                                   f"'respectively', or give each robot its place)")
                return []
            for place in places:  # "excavator 1 digs at soil 1 and soil 2": at each in turn
                moved = self.moves(diggers, [place], extra, VerbHit("navigate", "verb", v.lemma), False, split)
                made += moved
                extra = set() if moved else extra
                made += self.add_skill("dig", diggers, (), extra, v.lemma, split=split)
                extra = set()
            if not places:
                made += self.add_skill("dig", diggers, (), extra, v.lemma, split=split)
            return made
        if target == "dump":
            dumpers = self.capable(subject, "dump", quiet=True)
            if not dumpers:
                alt = self.capable(subject, "unload_bucket", quiet=True)
                if alt:
                    return self.unload_bucket(alt, a, extra, v, split)
                self.capable(subject, "dump")
                return []
            if v.lemma.lower() in self.lex.truck_fill_it_phrases and self._filled_beside_loader(dumpers, a):
                return self.passive_load(tuple(dumpers), a, extra, split)
            made = []
            if not places and not a.objects:  # "... and unloads": where its load was said to go, if anywhere
                dests = {self.destination.get(m.key) for m in dumpers}
                if len(dests) == 1 and None not in dests and all(self.loaded.get(m.key) for m in dumpers):
                    places = [d for d in dests if d is not None]
            one_each = self._one_per_place(dumpers, places, respectively)
            paired = one_each or (respectively and len(places) == len(dumpers) > 1)
            if len(places) > 1 and not paired:
                # "trucks 1 and 2 dump at puddle 1 and puddle 2" with no "respectively": which truck tips where is
                # not said (one load is tipped at one place); the last place alone dropped the others silently
                self.errors.append(f"{v.lemma!r} at {', '.join(places)}: which truck tips where is not said "
                                   f"(add 'respectively', or say one place per truck)")
                return []
            if places:
                # "... loads truck 2. Then truck 2 dumps at puddle 1": it tips what it was loaded with, so a loading
                # still waiting for it comes before the drive (made on its arrival, the loading was at puddle 1)
                self.flush_loads([m for m in dumpers if m.key not in self.relative], None)
                if paired:  # "the trucks then dump at puddle 1 and puddle 2 respectively": each at its own place
                    made += self.moves(dumpers, places, extra, VerbHit("navigate", "verb", v.lemma), True, split)
                    whole = dumpers
                    dumpers = list(self.split_into[dumpers[0].key]) if one_each else dumpers
                    made += self.add_skill("dump", dumpers, (), set(), v.lemma, split=True)
                    for m in (*whole, *dumpers):
                        self.loaded[m.key] = False
                        self.pending_dump.pop(m.key, None)
                    return made
                made += self.moves(dumpers, places[-1:], extra, VerbHit("navigate", "verb", v.lemma), False, split)
                extra = set() if made else extra
            made += self.add_skill("dump", dumpers, (), extra, v.lemma, split=split)
            for m in dumpers:
                self.loaded[m.key] = False
                self.pending_dump.pop(m.key, None)
            return made
        if target == "unload_bucket":
            excs = self.capable(subject, "unload_bucket", quiet=True)
            if not excs:
                trucks = self.capable(subject, "dump", quiet=True)
                if trucks and v.lemma.startswith(tuple(self.lex.truck_dump_heads)):
                    return self.act(Action(VerbHit("dump", "verb", v.lemma), a.objects, a.place), subject, extra,
                                    split, respectively, is_global)
                if trucks:
                    return self.passive_load(subject, a, extra, split)
                self.capable(subject, "unload_bucket")
                return []
            if not named and places and any(o.payload.form == "pronoun" and o.payload.pronoun == "there"
                                            and not o.text for o in a.objects):
                # "..., where excavator 3 loads it" (read "loads it there" by asides.place_relatives, which leaves
                # the "there" it adds unsaid): the loader goes there first; the truck comes when the text sends it
                # ("loads truck 2 there - send truck 2 over once ...", L3_232). A "there" said is left as it was
                # ("the excavators dig and then fill the trucks there", L3_042)
                away = [e for e in excs if self.loc(e) != places[0]]
                moved = self.moves(away, places[:1], extra, VerbHit("navigate", "verb", v.lemma), False, split) \
                    if away else []
                return moved + self.unload_bucket(excs, a, set() if moved else extra, v, split, respectively)
            return self.unload_bucket(excs, a, extra, v, split, respectively, named[:1])
        if target == "load":
            trucks = self.capable(subject, "load")
            return self.add_skill("load", trucks, (), extra, v.lemma, split=split) if trucks else []
        # a skill named directly in the lexicon
        spec = self.fleet.skills.get(target)
        if spec is None:
            self.errors.append(f"the lexicon maps {v.lemma!r} to {target!r}, which this fleet does not have")
            return []
        return self.add_skill(spec.action.value, list(subject), tuple(places), extra, v.lemma, split=split,
                              skill_name=spec.name)

    def _filled_beside_loader(self, trucks: Sequence[Member], a: Action) -> bool:
        """"Truck 3: head there once it's done digging. Then fill it up.": an empty truck told to "fill it", with no
        place named, beside an excavator that can load it, is the one filled; a truck's tipping needs a load, and the
        digging beside it is where that load comes from. A place named in the clause is what "it" fills ("truck 2
        goes to puddle 1 and fills it")."""
        if a.place or a.objects or self.clause_goals:
            return False
        return all(not self.loaded.get(t.key) and self.colocated(t, "unload_bucket") for t in trucks)

    def _fetch_first(self, subject: Sequence[Member], places: list[str], origin: Sequence[str], extra: set[int],
                     v: VerbHit, respectively: bool, split: bool) -> tuple[list[Draft], list[str]] | None:
        """"Truck 1 brings a load from soil 2 to rock 2": the drive to where the load comes from carries nothing
        yet, so it is a plain move; carried there, the truck tipped at soil 2 before it went on to rock 2. The drafts
        of those moves and the places they took, or None when the carry names no place it leaves from first."""
        if v.role != "carry" or respectively:
            return None
        lead: list[str] = []
        while len(places) - len(lead) > 1 and places[len(lead)] in origin:
            lead.append(places[len(lead)])
        if not lead:
            return None
        return self.moves(subject, lead, extra, VerbHit("navigate", "verb", v.lemma), False, split), lead

    def _load_comes_later(self, subject: Sequence[Member]) -> bool:
        """"Truck 1 brings a load from rock 2 to soil 1; excavator 1 digs at rock 2 and loads it": the load is dug
        in a clause said after the carry, so the truck goes on from the place it fetches from only once loaded.
        Read in order, it drove on and tipped before anything was dug, and the loading came after the tipping.
        Only for trucks not loaded yet, with nothing dug so far, when an excavator's digging follows in this
        sentence or the next before any clause without a robot of its own (which may go on with the truck)."""
        if not subject or any(self.loaded.get(m.key) is not None
                              or choose_skill(self.fleet, "dump", False, [m.rtype]) is None for m in subject):
            return False
        if any(d.alive and d.action == "dig" for d in self.b.drafts):
            return False
        nxt = min((x.sentence for x in self.later), default=None)
        for x in [*self.following, *(x for x in self.later if x.sentence == nxt)]:
            if not any(it.kind is ItemKind.ROBOT and it.payload.form != "pronoun" for it in x.items):
                return False
            if any(it.kind is ItemKind.VERB and it.payload.target == "dig" for it in x.items):
                return True
        return False

    def go_onward(self, ended: bool) -> None:
        """Make the rest of each carry held back by ``_load_comes_later`` whose trucks are loaded now, or all of
        them when ``ended`` (the clauses of the digging are over: the carry's own loading is made on the way)."""
        keep = []
        for subject, places, v, cargo_named in self.onward:
            if not ended and not all(self.loaded.get(m.key) for m in subject):
                keep.append((subject, places, v, cargo_named))
                continue
            self.cargo_hauled = {m.key for m in subject} if cargo_named else set()
            try:
                self.moves(subject, places, set(), v, False, False)
            finally:
                self.cargo_hauled = set()
        self.onward = keep

    def _source(self, o: Item) -> bool:
        """The place is where the robot leaves from: "from" (lexicon ``source_prepositions``) or a verb of leaving
        (``departure_verbs``: "leaves soil 2 for obstacle 1") ends right before it."""
        before = [w.lower() for w in self.words[max(0, o.start - 2):o.start]]
        return bool(before) and (before[-1] in self.lex.departure_verbs or any(
            before[-len(p.split()):] == p.split() for p in self.lex.source_prepositions))

    def _places_left(self, seg: Segment, filters: Sequence[tuple[str, frozenset[str]]]) -> list[Item]:
        """In an anchor of a move, the places left ("once truck 1 has driven *from obstacle 1* to soil 1"): not the
        move's destination (matched as one, the anchor was the move there before, and the move to soil 1 was never
        made). Only when a destination is said as well."""
        if not any(f[0] in MOVES for f in filters):
            return []
        objects = [it for it in seg.items if it.kind is ItemKind.OBJECT]
        left = [o for o in objects if self._source(o)]
        return left if len(left) < len(objects) else []

    def _left_places(self, a: Action, subject: tuple[Member, ...] | None) -> Action | None:
        """"Truck 3 drives from soil 2 to obstacle 1", "moves away from soil 2 towards obstacle 1": the place left
        is where the robot stands, no move there (it was a move to soil 2 first). When an earlier step left the robot
        somewhere else, or no destination is said ("drives away from soil 2"), the reading is refused, naming the
        place; None then."""
        left = [o for o in a.objects if self._source(o)]
        rest = [o for o in a.objects if not self._source(o)]
        for o in left:
            self.use(o)
            self.used.add(o.start - 1)
        said = " ".join(self.words[left[0].start - 1:left[0].end])
        away = any(self.words[o.start - 2:o.start - 1] == ["away"]
                   or self.words[o.start - 1] in self.lex.departure_verbs for o in left)
        if away and not rest and not a.place and not a.back and a.verb.target != "return_to_start":
            # "drives away from soil 2": no destination ("drives over from obstacle 1" goes where the scene is)
            self.errors.append(f"{said!r} says where the robot leaves from, not where it goes (say where it goes)")
            return None
        names = {n for o in left if o.payload.form == "names" for n in o.payload.names}
        elsewhere = [m for m in subject or () if self.loc(m) not in (None, *names)]
        if elsewhere and names:
            m = elsewhere[0]
            at = "the start" if self.loc(m) == START else self.loc(m)
            self.errors.append(f"{said!r}: {m.robot_id or m.rtype.replace('_', ' ')} is at {at} by then, not there "
                               f"(say where it leaves from)")
            return None
        return dataclasses.replace(a, objects=rest)

    def _waypoint(self, o: Item) -> bool:
        """The place is passed on the way: one of the lexicon's ``waypoint_leads`` ends right before it."""
        before = [w.lower() for w in self.words[max(0, o.start - 3):o.start]]
        return any(before[-len(p.split()):] == p.split() for p in self.lex.waypoint_leads)

    def _pass_by(self, subject: tuple[Member, ...] | None, target: str, via: Sequence[str], extra: set[int],
                 v: VerbHit) -> set[int]:
        """"Truck 1 goes to puddle 2 via obstacle 1": the places passed are visited first, in the order said (a place
        passed is a move there before the destination in the gold lines, L3_022, L3_068); they were visited after
        the destination, so "... and dumps there" dumped at the waypoint. The anchor's tasks go to the first move."""
        movers = list(subject or ())
        if target in ("dig", "dump", "unload_bucket"):
            movers = self.capable(movers, target, quiet=True)
        if not movers or target not in (*MOVES, "dig", "dump", "unload_bucket"):
            return extra
        made = self.moves(movers, via, extra, VerbHit("navigate", "verb", v.lemma), False, False)
        return set() if made else extra

    def _unable_sent(self, subject: Sequence[Member], doers: Sequence[Member], places: Sequence[str],
                     v: VerbHit) -> bool:
        """"Excavator 2 and truck 1 dig at soil 1": the work is said with its place for a robot that cannot do it
        and is not there yet, all named before the verb. Left out, the truck was dropped without a word; sent along,
        it got a move no line of the gold plans gives it (the writers send the pair there first). Refused, naming
        the robot."""
        unable = [m for m in subject if m not in doers and any(self.loc(m) != p for p in places)]
        along = [self.companions[m.key] for m in unable if m.key in self.companions]
        if along:
            # "Excavator 1 digs at soil 1 with truck 2": whether the truck only goes along or is loaded there, the
            # conventions do not say; dropped, it was lost without a word
            self.errors.append(f"{v.lemma!r} at {', '.join(places)} {' and '.join(along)!r}: "
                               f"{', '.join(m.robot_id or m.rtype for m in unable)} cannot "
                               f"{v.target.replace('_', ' ')}; say what it does there (goes there, is loaded there)")
            return True
        if not unable or not self.subject_fronted:
            return False
        who = ", ".join(m.robot_id or f"{m.count} {m.rtype}" for m in unable)
        self.errors.append(f"{v.lemma!r} at {', '.join(places)}: {who} cannot {v.target.replace('_', ' ')} "
                           f"(say where it goes, or leave it out)")
        return True

    def _companions_after(self, subj_items: Sequence[Item], verb_at: int | None) -> dict[str, str]:
        """The robots named by number after the verb right after a word of company (lexicon
        ``elided_companion_words``: "with truck 2", "alongside truck 2"), each with those words."""
        out: dict[str, str] = {}
        if verb_at is None:
            return out
        for it in subj_items:
            before = self.word_before(it)
            if it.start > verb_at and it.payload.form == "ids" and before in self.lex.elided_companion_words:
                for r in it.payload.ids:
                    out[self.res.robot_member(r).key] = f"{before} {it.text}"
        return out

    def _finished_go_on(self, seg: Segment, pre: set[int] | None,
                        done: tuple[int, tuple[Member, ...]] | None) -> tuple[Member, ...]:
        """"Truck 1 dump at soil 2 and truck 2 dump at soil 1. *When they finish go back start.*": a clause with no
        subject after an anchor that only says its robots are finished goes on with those robots (with the robots of
        the clause before, truck 1's return was dropped), when every one of them can do the clause's work ("when
        truck 1 finish, load it" is the excavator's loading). A keep-out is left as it was read."""
        if done is None or done[0] != seg.sentence or not pre:
            return ()
        actions = {it.payload.target for it in seg.items if it.kind is ItemKind.VERB}
        if not actions or actions & set(KEEPOUT_ACTIONS) \
                or any(len(self.capable(done[1], a, quiet=True)) < len(done[1]) for a in actions):
            return ()
        return done[1]

    def capable(self, members: Sequence[Member], action: str, quiet: bool = False) -> list[Member]:
        out = [m for m in members if choose_skill(self.fleet, action, False, [m.rtype]) is not None]
        if not out and not quiet:
            who = ", ".join(m.robot_id or f"{m.count} {m.rtype}" for m in members) or "nobody"
            self.errors.append(f"no robot among {who} can {action.replace('_', ' ')}")
        return out

    def add_skill(self, action: str, members: Sequence[Member], objects: Sequence[str], extra: set[int],
                  lemma: str, *, split: bool = False, partners: Sequence[Member] = (),
                  skill_name: str | None = None, arriving_at: str | None = None) -> list[Draft]:
        if not members:
            return []
        if not (action == "navigate" and arriving_at is not None):
            self.flush_loads([m for m in members if m.key not in self.relative], None)
        self.flush_pending(members, action)
        self.flush_pending(partners, action)
        name = skill_name
        if name is None:
            spec = choose_skill(self.fleet, action, False, {m.rtype for m in members})
            if spec is None:
                for alt in ALTERNATIVES.get(action, ()):
                    spec = choose_skill(self.fleet, alt, False, {m.rtype for m in members})
                    if spec is not None:
                        break
            if spec is None:
                self.errors.append(f"the fleet has no skill to {action.replace('_', ' ')} for "
                                   + ", ".join(sorted({m.rtype for m in members})))
                return []
            name = spec.name
        split = split or (action == "dig" and self._apart_in_place(members))
        return self.b.add(name, action, members, objects, extra, lemma=lemma, partners=partners, split=split)

    def _apart_in_place(self, members: Sequence[Member]) -> bool:
        """Whether ``members`` stand at different places, each known, and none has a step before (they were
        there already). Diggings at different sites are different work: merged into one task, one excavator's
        loading waited for the other's digging as well. Robots sent there by steps of the plan keep one digging
        that waits for each move ("excavators 1 and 2 drive to soil 1 and soil 2 respectively, and both dig",
        rule 6)."""
        if len(members) < 2 or any(m.is_group for m in members) or any(self.b.last_tasks([m]) for m in members):
            return False
        spots = [self.loc(m) for m in members]
        return None not in spots and len(set(spots)) == len(spots)

    # -- movement ---------------------------------------------------------------------------------------
    def _leaders(self, it: Item, subject: Sequence[Member]) -> tuple[Member, ...]:
        """The robots a follow verb names. A pronoun ("trucks 1 and 2 follow them") means robots other than the
        followers: the latest mentioned apart from them (read as the subject just said, the trucks followed
        themselves and went to the place named last)."""
        led = tuple(self.resolve_robots(it) or ())
        if it.payload.form != "pronoun" or not set(led) & set(subject):
            return led
        for members, role in reversed(self.res.history):
            if role != "partner" and members and not set(members) & set(subject):
                return members
        return led

    def _follow_places(self, subject: Sequence[Member], extra: set[int], v: VerbHit,
                       respectively: bool) -> list[Draft] | None:
        """"Trucks 1 and 2 follow them (respectively)" with no place said: each goes where the robot it follows
        went, not to the place named last (both trucks went to soil 2). Robots followed at one place: there, all
        of them; at several, paired in order with "respectively" (each waiting for its own leader only), refused
        without it. None when a followed robot's place is not known (the usual reading applies)."""
        leaders = self.followed_members
        spots = [self.loc(m) for m in leaders]
        if any(p is None for p in spots):
            return None
        if len(set(spots)) == 1:
            return self.moves(subject, [spots[0] or START], extra, v, False, False)
        if not respectively or len(subject) != len(leaders):
            self.errors.append(f"{v.lemma!r}: the robots followed are at different places "
                               f"({', '.join(p or '' for p in spots)}); say where each goes, or add 'respectively'")
            return []
        theirs = self.b.last_tasks(leaders)
        made: list[Draft] = []
        for m, leader, p in zip(subject, leaders, spots):
            made += self.move([m], p or START, (set(extra) - theirs) | self.b.last_tasks([leader]), v)
        return made

    @staticmethod
    def _one_per_place(members: Sequence[Member], places: Sequence[str], respectively: bool) -> bool:
        """"Two excavators dig at soil 1 and rock 1 respectively": one unnamed group of as many robots as places,
        which ``moves`` makes into groups of one, one per place; the work there is each group's own. Taken for one
        robot, the group's places asked which robot goes where, though "respectively" said it."""
        return respectively and len(members) == 1 and members[0].is_group and members[0].count == len(places) > 1

    def moves(self, members: Sequence[Member], places: Sequence[str], extra: set[int], v: VerbHit,
              respectively: bool, split: bool) -> list[Draft]:
        made: list[Draft] = []
        if respectively and len(members) == 1 and members[0].is_group and members[0].count == len(places) > 1:
            # "Two dump trucks inspect puddle 1 and puddle 2 respectively": one truck to each place, two groups of
            # one (rule 3: "another" truck is a group of its own); read as one group, it went to both in turn
            whole = members[0]
            # each part goes on from the whole group's steps ("two trucks go to soil 1, then to puddle 1 and puddle 2
            # respectively"): new groups have no steps of their own, and their moves had waited for nothing
            extra = set(extra) | self.b.last_tasks([whole])
            members = [self.res.new_group(whole.rtype, 1) for _ in places]
            self.res.remember(members)
            self.split_into[whole.key] = tuple(members)
            self.res.split_up(whole, members)
        if respectively and len(places) == len(members) and len(members) > 1:
            for m, p in zip(members, places):
                made += self.move([m], p, extra, v)
            return made
        for p in places:
            got = self.move(members, p, extra if not made else set(), v, split)
            made += got
        return made

    def move(self, members: Sequence[Member], place: str, extra: set[int], v: VerbHit,
             split: bool = False) -> list[Draft]:
        carry = v.role == "carry"
        if carry and place != START and members and v.lemma \
                and v.lemma.split()[0].endswith(tuple(self.lex.condition_participle_endings)) \
                and not any(choose_skill(self.fleet, "dump", False, [m.rtype]) for m in members):
            # "Excavator 1 digs at soil 1. The soil has to be hauled to puddle 2." (a passive haul): nobody who can
            # carry a load is named; read as the last robot's move, the excavator drove to puddle 2, nothing hauled
            kinds = ", ".join(sorted({m.rtype.replace("_", " ") for m in members}))
            self.errors.append(f"{v.lemma!r}: no robot that can carry a load is named for it (the {kinds} cannot); "
                               f"say which truck hauls it")
            return []
        if carry:
            # a truck hauls what it was loaded with: a loading of it still waiting to be made comes first
            self.flush_loads([m for m in members if m.key not in self.relative], None)
            self.load_before_carry(members)
        movers = [m for m in members if self.loc(m) != place]
        if place == START and v.lemma in self.lex.stationary:  # "excavator 1 stays at base": never left it
            movers = [m for m in movers if self.loc(m) is not None]
        if not movers:
            for m in members:  # "send it to puddle 2 to inspect it": the move there is also the inspection
                last = self.b.chain(m)
                if last is not None and self.b.drafts[last].action == "navigate" and v.lemma \
                        and v.lemma not in self.b.drafts[last].lemma.split("|"):
                    self.b.drafts[last].lemma += "|" + v.lemma
            return []
        self.load_before_leaving(movers)
        action = "return_to_start" if place == START else "navigate"
        objs = () if place == START else (place,)
        opened = self.last_allow.get(place)
        if opened is not None and self.b.drafts[opened].members and not any(
                self._lifted_for(m, self.b.drafts[opened].members) for m in movers):
            opened = None  # lifted for other robots only ("lift it for excavators 1 and 2, and truck 3 ...")
        if opened is not None:  # going where a keep-out was just lifted waits for the lifting
            extra = set(extra) | {opened}
        made = []
        own = self._own_loadings(movers, extra, split) if place != START else {}
        parts = [[m] for m in movers] if own else self._departure_parts(movers, place, extra, split)
        for part in parts:
            waits = own[part[0].key] if own else (
                extra if len(parts) == 1 or not self._departing(part, place) else set())
            got = self.add_skill(action, part, objs, waits, v.lemma, split=split, arriving_at=place)
            self._note_departures(part, place, got)
            made += got
        for m in movers:
            self.location[m.key] = place
            if carry and self._hauls_a_load(m):
                self.pending_dump[m.key] = m
        self.flush_loads(movers, place)
        self.last_place = place
        return made

    def _lifted_for(self, m: Member, lifted: Sequence[Member]) -> bool:
        """Whether a lifting for ``lifted`` opens the place to ``m``: ``m`` is one of them, or they are a group of
        every robot of its type ("lift the keep-out for the trucks" after "all trucks avoid soil 2")."""
        return any(x.key == m.key or self.b.whole_of_type(x, m.rtype) for x in lifted)

    def _retimed_move(self, members: Sequence[Member], place: str, extra: set[int]) -> None:
        """"..., but it should only drive there after truck 1 has tipped": a move to where the robots were sent
        earlier in the same sentence, made by the very same robots, is that move said again with its timing, so
        that move waits for ``extra`` too."""
        keys = {m.key for m in members}
        if not extra or not keys:
            return
        sent = [d for d in self.b.drafts if d.alive and d.action in MOVES and d.objects == (place,)
                and {m.key for m in d.members} == keys
                and self.draft_sentence.get(d.idx, self.current_sentence) == self.current_sentence]
        if len(sent) == 1:
            self.b.retime_move(sent[0].idx, extra)

    def _dug_place_of_kind(self, a: Action, o: Item, subject: Sequence[Member] | None) -> bool:
        """"Truck 2 goes to rock 1. Excavator 1 breaks up the rock.": "the <kind>" that a digging acts on, with no
        place named in its clause, is the place of that kind spoken of last (rule 11: "break up X"); read as cargo,
        the excavator dug where it stood. Not for diggers already bound to a place of that kind ("excavator 2 heads
        to rock 1 and excavator 1 to rock 2; the two of them break the rock up": each its own)."""
        d: ObjectDesc = o.payload
        if a.verb.target != "dig" or d.form != "kind" or d.det != "the" or d.plural \
                or any(x.payload.form == "names" for x in a.objects):
            return False
        pool = self.site.objects_by_kind.get(d.kind, ())
        return not any(self.loc(m) in pool for m in subject or ()) and any(n in pool for n in self.obj_history)

    def _cargo_before(self, o: Item) -> bool:
        """A cargo word that is no object of the site stands just before the place ("takes the load to rock 2",
        "carries the dirt over to puddle 2"); a robot or a pronoun there ("bring truck 1 to ...") is no cargo."""
        k = o.start - 1
        while k >= 0 and o.start - k <= 4 and self.words[k] in self.lex.place_prepositions:
            k -= 1
        return k >= 0 and self.words[k] in self.lex.cargo - {"it", "them"}

    def _hauls_a_load(self, m: Member) -> bool:
        """Whether a carry by ``m`` delivers a load, to be tipped where it goes (convention 23): one it was loaded
        with, or named cargo ("truck 1 hauls the soil to puddle 1") when no loading of it was said at all; a truck
        that tipped its load already carries nothing on."""
        if self.loaded.get(m.key):
            return True
        return m.key in self.cargo_hauled and self.loaded.get(m.key) is None \
            and choose_skill(self.fleet, "dump", False, [m.rtype]) is not None

    def load_before_leaving(self, movers: Sequence[Member]) -> None:
        """"Excavator 1 digs at soil 1 and loads truck 1. Excavator 1 then goes to puddle 2.": a loading still
        waiting for its truck is made before its excavator leaves the site it was told to load at (no task brought
        the truck, so it stands there; rule 12). It was made on the excavator's arrival at puddle 2, after the move.
        Not when the trucks go along ("excavator 1 and truck 1 go to rock 1"): they arrive together."""
        keys = {m.key for m in movers if m.key not in self.relative}
        leaving = [e for e in self.deferred
                   if keys & {x.key for x in e[0]} and not keys & {t.key for t in e[1]}]
        for entry in leaving:
            if not any(x is entry for x in self.deferred):  # made by an earlier one (add_skill flushes its robots')
                continue
            self.deferred = [x for x in self.deferred if x is not entry]
            self._deferred_made(entry)

    def load_before_join(self, subject: Sequence[Member] | None) -> None:
        """"Excavator 1 digs and loads truck 1. Finally, lift the keep-out on puddle 1": a loading still waiting
        for its truck is work still open, so a join on everything open ("finally", "when everything is done")
        waits for it too; made only at the end, the lifting waited for the digging alone. Not a loading of the
        join's own robots ("finally truck 1 comes to soil 1"): their clause may still bring the truck."""
        keys = {m.key for m in subject or ()}
        leaving = [e for e in self.deferred if not keys & {x.key for x in (*e[0], *e[1])}]
        for entry in leaving:
            if not any(x is entry for x in self.deferred):  # made by an earlier one (add_skill flushes its robots')
                continue
            self.deferred = [x for x in self.deferred if x is not entry]
            self._deferred_made(entry)

    def _sentence_loads(self, seg: Segment, subject: Sequence[Member]) -> None:
        """"Excavator 2 digs at soil 2 and loads truck 2 and truck 3 one after the other, then truck 1 goes home": the
        loadings still waiting for their trucks, said in this sentence by a loader whose last step is of it, are
        work the sentence left open, so a "then" of other robots after them waits for them (made only at the end,
        truck 1 left after the digging alone). Not a loading of the clause's own robots: their clause may bring
        the truck."""
        keys = {m.key for m in subject}
        said = [e for e in self.deferred if not keys & {x.key for x in (*e[0], *e[1])} and e[0]
                and all(self.draft_sentence.get(self._chain_or_none(x)) == seg.sentence for x in e[0])]
        before = len(self.b.drafts)
        for entry in said:
            if not any(x is entry for x in self.deferred):  # made by an earlier one
                continue
            self.deferred = [x for x in self.deferred if x is not entry]
            self._deferred_made(entry)
        for idx in range(before, len(self.b.drafts)):
            self.draft_sentence[idx] = seg.sentence

    def _chain_or_none(self, m: Member) -> int:
        """The last task of ``m``, -1 for none."""
        last = self.b.chain(m)
        return -1 if last is None else last

    def _left_for(self, seg: Segment) -> set[str]:
        """The places named after a word of a departure's destination ("has left it *for* soil 1")."""
        out: set[str] = set()
        for a, b in zip(seg.items, seg.items[1:]):
            if a.kind is ItemKind.WORD and a.text in self.lex.departure_destination_words \
                    and b.kind is ItemKind.OBJECT and b.payload.form != "pronoun":
                out |= set(self.resolve_objects(b, cargo_ok=True))
        return out

    def _departure(self, m: Member, objs: set[str]) -> int | None:
        """"Once excavator 2 has left (rock 2)": the move that took it away, a return to start too; read as a move
        to a place, it was the robot's latest move there, so the truck waited for its arrival, not its leaving.
        With a place said, the robot's first move after the one that brought it there (that move itself when it
        never left); with the place it left for said too ("after the trucks have left it for soil 1"), the move
        from the one to the other."""
        moves = [d for d in self.b.drafts if d.alive and d.action in MOVES
                 and (d.fleet or any(x.key == m.key for x in d.members))]
        bound = [d for d in moves if set(d.objects) & self.left_for]
        if bound:
            return bound[-1].idx
        if not objs:
            return moves[-1].idx if moves else None
        there = [k for k, d in enumerate(moves) if set(d.objects) & objs]
        if not there:
            return None
        onward = [k + 1 for k in there if k + 1 < len(moves) and set(moves[k + 1].objects) & objs]
        if onward:
            return moves[onward[-1]].idx
        k = there[-1]
        return moves[k + 1].idx if k + 1 < len(moves) else moves[k].idx

    def load_before_carry(self, members: Sequence[Member]) -> None:
        """"Trucks haul the rubble to X": a truck that was not loaded yet first goes to
        the digging and is loaded there."""
        for t in members:
            if self.loaded.get(t.key) is not None or choose_skill(self.fleet, "dump", False, [t.rtype]) is None:
                continue  # only a truck never loaded yet drives to the digging first
            dug = [d for d in self.b.drafts if d.alive and d.action == "dig"]
            if not dug:
                continue
            here = [d for d in dug if d.members and self.loc(d.members[0]) == self.loc(t)]
            excs = (here or dug)[-1].members  # the digging where the truck stands, else the latest
            site = self.loc(excs[0])
            if site is not None and self.loc(t) != site:
                self.move([t], site, set(), VerbHit("navigate", "verb", "haul"))
            self.add_skill("unload_bucket", excs, (), set(), "load", partners=[t])
            self.loaded[t.key] = True

    def fleet_act(self, target: str, places: list[str], extra: set[int], v: VerbHit) -> list[Draft]:
        if target in MOVES:
            # the whole fleet moving waits for fleet-wide keep-out changes still open, unless its clause says what
            # it waits for ("when both inspections are done, the whole fleet gathers ..."): a keep-out is no robot
            # step (rule 8), so it is ordered only by what is said
            extra = set(extra) | {i for i in self.b.sinks() if not extra and self.b.drafts[i].fleet
                                  and self.b.drafts[i].action in KEEPOUT_ACTIONS
                                  and not self.b.drafts[i].global_keepout}
            if not places and v.lemma in self.lex.stationary and self.fleet_location is not None:
                return []  # "everyone goes to obstacle 2 and waits": the fleet stays where it gathered
            if not places:
                # "everybody goes over and checks obstacle 1": excused if the sentence then names the place (as for
                # named robots, see settle_vague)
                self.vague.append(([f"no place to go to for {v.lemma!r}"], (_FLEET_KEY,), len(self.b.drafts),
                                   self.current_sentence))
                return []
            made: list[Draft] = []
            for p in places:
                if p == self.fleet_location and not self.location:
                    continue
                action = "return_to_start" if p == START else "navigate"
                spec = choose_skill(self.fleet, action, True, [])
                if spec is None:
                    self.errors.append(f"the fleet has no fleet-wide skill to {action.replace('_', ' ')}")
                    return made
                self.flush_all_pending()
                opened = self.last_allow.get(p)  # going where a keep-out was just lifted waits for the lifting
                waits = (set(extra) if not made else set()) | ({opened} if opened is not None else set())
                made.append(self.b.add_fleet(spec.name, action, () if p == START else (p,), waits, lemma=v.lemma))
                self.fleet_location = p
                self.location.clear()
                self.last_place = p
                self.res.fleet_mark = len(self.res.history)
            return made
        self.errors.append(f"{v.lemma!r} cannot be done by the whole fleet at once")
        return []

    def keepout(self, target: str, subject: tuple[Member, ...] | None, a: Action, extra: set[int],
                is_global: bool) -> list[Draft]:
        names: list[str] = []
        for o in a.objects:
            if target == "remove_keepout" and self._counted_keepouts(o):
                if not self._places_besides(o, a.objects):  # "lift both keep-outs", not "all the keep-outs on X"
                    if not self._count_agrees(o):
                        return []
                    names += [n for n in self._standing_places() if n not in names]
            else:
                names += [n for n in self.resolve_objects(o) if n not in names]
            self.use(o)
        if not names and target == "remove_keepout":
            names = self._standing_places() if self._plural_keepouts(a.verb.lemma) else list(self.last_keepout)
        if target == "remove_keepout" and subject and a.objects and all(
                o.payload.form == "pronoun" and o.payload.pronoun == "there" for o in a.objects):
            closed = self._closed_to(subject)
            if closed and not set(names) & set(closed):
                # "they can go there again" after a keep-out of puddle 1: "there" is the place closed to them,
                # not the place named last (a lifting of a place never closed to them lifts nothing)
                names = closed
        if target == "remove_keepout" and self.last_keepout and names and a.objects and all(
                o.payload.form == "pronoun" and o.payload.pronoun == "it" for o in a.objects) \
                and not set(names) & set(self.closed_for):
            # "Keep everyone out of rock 1 while truck 2 goes to soil 2, then open it again": what is lifted is the
            # keep-out, not the place named last, which was never closed (its lifting lifted nothing)
            names = list(self.last_keepout)
        if not names and target == "add_keepout" and self.scene_named and self.last_place not in (None, START):
            # "Truck 1 goes to puddle 1 for inspection, after which all robots avoid the area": the place just named
            names = [self.last_place]
        if not names and target == "add_keepout":
            just = self._place_just_named(a)
            if just is None:
                return []
            names = just
        if not names:
            words = a.verb.lemma.split()
            noun = self.lex.keepout_noun_index.match(words, 0)
            if noun and noun[0] == len(words) and not a.partners and subject is None:
                return []  # "Rotate the keep-out zones: ...": a heading that names the topic, no step
            self.errors.append(f"no object named to {'avoid' if target == 'add_keepout' else 'allow'} "
                               f"in {a.verb.lemma!r}")
            return []
        if target == "add_keepout" and self._said_to_stay(a) and self._closed_still(names, subject):
            return []  # "..., but puddle 1 stays closed": the keep-out said before, still up, is no second one
        if target == "add_keepout":
            self.last_keepout = tuple(names)
            for n in names:
                self.last_allow.pop(n, None)
                self.closed_for[n] = tuple(subject) if subject is not None else None
                self.closed_by_others[n] = self.other_type_subject
        elif (not self.named_subject or self.others_subject) and len(groups := self._closed_groups(names)) > 1:
            return [d for group, places in groups.items()
                    for d in self._lift(target, group, places, set(extra), a.verb.lemma)]
        elif (not self.named_subject or self.others_subject) and all(n in self.closed_for for n in names) \
                and len({self.closed_for[n] for n in names}) == 1:
            # "Once truck 1 has tipped, lift the keep-out on puddle 1": for whom it was put up, not for
            # the robot the anchor named; "... for the other robots" after "everyone except those two must
            # keep away": those it was put up for (the others than the two), not the robots not named yet
            subject = self.closed_for[names[0]]
        elif self._closed_for_same_others(names):
            # "once truck 1 has checked puddle 2, the other trucks keep away from it. ... lift the puddle 2 keep-out
            # for the other trucks": the same words, the robots it was put up for, not those other than the truck
            # named last (one of them stayed shut out)
            subject = self.closed_for[names[0]]
        elif self.pronoun_subject and subject and all(self.closed_for.get(n) for n in names) \
                and len({self.closed_for[n] for n in names}) == 1 \
                and {m.key for m in self.closed_for[names[0]] or ()} < {m.key for m in subject}:
            # "trucks 1 and 3 keep away from soil 2 while excavator 1 digs. Once it is done, lift the keep-out for
            # them": "them" took in the excavator spoken of since; a lifting is for the robots kept out
            subject = self.closed_for[names[0]]
        elif self._closed_for_type(subject, names):
            # "a keep-out for excavators 1, 2 and 3 ... excavators 1 and 2 dig ... the keep-out for the excavators
            # is lifted": the excavators it was put up for, not the two spoken of last
            extra = self._after_the_spoken_of(subject or (), self.closed_for[names[0]] or (), extra)
            subject = self.closed_for[names[0]]
        if target == "remove_keepout":
            return self._lift(target, subject, names, extra, a.verb.lemma)
        if subject is None:
            spec = choose_skill(self.fleet, target, True, [])
            if spec is None:
                self.errors.append(f"the fleet has no fleet-wide skill to {target.replace('_', ' ')}")
                return []
            d = self.b.add_fleet(spec.name, target, tuple(names), extra, lemma=a.verb.lemma)
            d.global_keepout = is_global
            made = [d]
        else:
            made = self.add_skill(target, list(subject), tuple(names), extra, a.verb.lemma)
        if len(made) == 1:
            self.b.fold_said_keepout(made[0], self._robots_covered)
        return made

    def _closed_for_same_others(self, names: Sequence[str]) -> bool:
        """Every place of ``names`` was kept out of by one keep-out said for "the other <type>s", the type this
        lifting's "the other <type>s" names."""
        return bool(self.other_type_subject) and bool(names) and all(
            self.closed_by_others.get(n) == self.other_type_subject and self.closed_for.get(n) for n in names) \
            and len({self.closed_for[n] for n in names}) == 1

    def _robots_covered(self, d: Draft) -> frozenset[str] | None:
        """The robot ids a keep-out ``d`` stands for: the whole fleet's, those named, or every robot of a type a
        group takes in whole ("any truck": all three); None when a group leaves open which robots it is."""
        if d.fleet:
            return frozenset(r.id for r in self.fleet.robots)
        ids: set[str] = set()
        for m in d.members:
            of_type = [r.id for r in self.fleet.robots if r.type == m.rtype]
            if m.robot_id is not None:
                ids.add(m.robot_id)
            elif m.count == len(of_type):
                ids.update(of_type)
            else:
                return None
        return frozenset(ids)

    def _said_to_stay(self, a: Action) -> bool:
        """A keep-out verb said of the places before it as staying so ("puddle 1 *stays* closed", "remains closed",
        "is *still* closed"; lexicon ``keepout_persist_words``, ``keepout_still_words``): of a keep-out that may
        already be up."""
        items = self.clause_items
        k = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload is a.verb), None)
        if k is None or not any(o.start < items[k].start for o in a.objects) or any(
                o.start >= items[k].start and o.payload.form != "pronoun" for o in a.objects):
            return False  # the places said before it ("closed to it": the pronoun is no place of its own)
        before = items[k - 1] if k > 0 else None
        return a.verb.lemma.split()[0].lower() in self.lex.keepout_persist_words or (
            before is not None and before.kind is ItemKind.WORD
            and before.text.lower() in self.lex.keepout_persist_words | self.lex.keepout_still_words)

    def _closed_still(self, names: Sequence[str], subject: tuple[Member, ...] | None) -> bool:
        """Every place of ``names`` closed, and not opened since, to the whole fleet or to every robot of
        ``subject``: said to stay closed, the keep-out already up, which a second one would only repeat."""
        for n in names:
            if n not in self.closed_for or n in self.last_allow:
                return False
            closed = self.closed_for[n]
            if closed is not None and (subject is None or not {m.key for m in subject} <= {m.key for m in closed}):
                return False
        return True

    def _plural_keepouts(self, lemma: str) -> bool:
        """"lift the keep-outs": a lifting said of keep-outs in the plural (lexicon ``keepout_plural_nouns``)."""
        words = " " + " ".join(tokenize_phrase(lemma)) + " "
        return any(f" {' '.join(tokenize_phrase(w))} " in words for w in self.lex.keepout_plural_nouns)

    def _counted_keepouts(self, o: Item) -> bool:
        """"lift *both* keep-outs", "both restrictions": a place pronoun that counts the keep-out nouns after it;
        "lift all the keep-outs", "every keep-out is lifted" (folded into :data:`EVERY_KEEPOUT`)."""
        return o.payload.form == "pronoun" and (o.payload.pronoun == EVERY_KEEPOUT
                                                or self._plural_keepouts(" ".join(self.words[o.end:o.end + 3])))

    def _count_agrees(self, o: Item) -> bool:
        """"lift both keep-outs" with three keep-outs up: which two is not said (read as every one, the third was
        lifted too, silently), so it is refused; a count that matches the places or the robots' keep-outs is fine."""
        words = tokenize_phrase(o.text)
        count = next((2 if w in self.lex.anchor_pair_words else self.lex.numbers[w] for w in words
                      if w in self.lex.anchor_pair_words or w in self.lex.numbers), None)
        places = self._standing_places()
        if count is None or count in (len(places), len(self._closed_groups(places))):
            return True
        self.errors.append(f"{o.text!r}: {len(places)} keep-outs are up ({', '.join(places)}); say which to lift")
        return False

    @staticmethod
    def _places_besides(o: Item, objects: Sequence[Item]) -> bool:
        """"lift all the keep-outs on puddle 1": places named besides the counted keep-outs, which are then those
        places' keep-outs, not every one still up."""
        return o.payload.pronoun == EVERY_KEEPOUT and any(x is not o for x in objects)

    def _standing_places(self) -> list[str]:
        """Every place closed and not opened since: "From the start, truck 1 avoids puddle 1 and truck 2 avoids
        puddle 2. ... lift the keep-outs" lifts both, not only the one said last."""
        return [n for n in self.closed_for if n not in self.last_allow] or list(self.last_keepout)

    def _closed_groups(self, names: Sequence[str]) -> dict[tuple[Member, ...] | None, list[str]]:
        """The places of ``names`` by the robots each was closed to, when every one of them was closed."""
        if not names or any(n not in self.closed_for for n in names):
            return {}
        groups: dict[tuple[Member, ...] | None, list[str]] = {}
        for n in names:
            groups.setdefault(self.closed_for[n], []).append(n)
        return groups

    def _lift(self, target: str, subject: tuple[Member, ...] | None, names: Sequence[str], extra: set[int],
              lemma: str) -> list[Draft]:
        """One lifting of ``names`` for ``subject`` (the whole fleet when None). "From the start, truck 1 avoids
        puddle 1 and truck 2 avoids puddle 2. ... Once both have dumped, puddle 1 and puddle 2 are open again",
        said for no robot, is one lifting per robots a place was closed to: each for its own places (read as one,
        truck 2 got both places and truck 1 stayed kept out)."""
        if subject is None:
            spec = choose_skill(self.fleet, target, True, [])
            if spec is None:
                self.errors.append(f"the fleet has no fleet-wide skill to {target.replace('_', ' ')}")
                return []
            made = [self.b.add_fleet(spec.name, target, tuple(names), extra, lemma=lemma)]
        else:
            extra = self._past_standing_keepouts(extra, names)
            made = self.add_skill(target, list(subject), tuple(names), extra, lemma)
        for n in names:
            if made:
                self.last_allow[n] = made[-1].idx
        return made

    def _past_standing_keepouts(self, extra: set[int], names: Sequence[str]) -> set[int]:
        """What a lifting of ``names`` for some robots waits for, less the keep-outs of those places that hold from
        the start (README rule 26: no edge to its lifting). "Then the trucks may enter soil 1 again" after other
        work is after every step still open, and such a keep-out, which nothing waits for yet, was one of them.
        With nothing else to wait for, the lifting still follows it."""
        standing = {i for i in extra if self.b.drafts[i].alive and self.b.drafts[i].action == "add_keepout"
                    and set(self.b.drafts[i].objects) & set(names) and self.b._opening_keepout(i)}
        rest = extra - standing
        return rest if standing and rest else extra

    def _closed_for_type(self, subject: tuple[Member, ...] | None, names: list[str]) -> bool:
        """A lifting said for "the <type>s" of places closed to one group of robots of that type only, which holds
        the robots "the <type>s" stood for: named among them, or in a group of that type when the keep-out was for
        every robot of it ("all trucks keep away from soil 2. Two trucks ... the trucks may enter soil 2 again":
        lifted for the two only, the third truck stayed kept out)."""
        if not self.type_subject or not subject or not names or any(n not in self.closed_for for n in names):
            return False
        groups = {self.closed_for[n] for n in names}
        group = next(iter(groups))
        return len(groups) == 1 and group is not None and all(self._lifted_for(m, group) for m in subject) \
            and len({m.rtype for m in (*group, *subject)}) == 1

    def _after_the_spoken_of(self, said: Sequence[Member], kept: Sequence[Member], extra: set[int]) -> set[int]:
        """What a lifting for ``kept`` (every robot of a type, put in the place of the group ``said`` stood for)
        waits for when its clause says nothing: the last steps of the robots spoken of ("two trucks go to soil 1.
        Then the trucks may enter soil 2 again": after that move), as it did for them; the keep-out's own robots'
        last step is the keep-out, which a lifting of one holding from the start does not wait for (rule 26)."""
        if extra or {m.key for m in said} <= {m.key for m in kept}:
            return extra
        return extra | self.b.last_tasks(list(said))

    def _place_just_named(self, a: Action) -> list[str] | None:
        """"Puddle 1 is dangerous. Keep everyone away.", "truck 1 visits puddle 2, then everyone stays out": a
        keep-out that names no place is about the one place its sentence named before it, or else the sentence
        before; when that sentence named several, which one is meant is not said (refused, naming them). A
        relative clause ("Puddle 1, which we close off now, is wet") is about its robot, and a negated move says
        no place of its own ("nobody follows it"): both stay refused."""
        words = a.verb.lemma.split()
        hit = self.lex.verb_index.match(words, 0)
        own = words[0] in self.lex.split_keepout_verbs or (hit is not None and hit[1][0] == "add_keepout")
        if self.relative or not own:
            return []
        for sentence in (self.current_sentence, self.current_sentence - 1):
            places = list(dict.fromkeys(p for p in self.sentence_places.get(sentence, ()) if p != START))
            if len(places) == 1:
                return places
            if places:
                self.errors.append(f"which place do robots keep out of in {a.verb.lemma!r}? ({', '.join(places)} "
                                   f"were named just before: name it)")
                return None
        return []

    # -- loading and dumping ------------------------------------------------------------------------------
    def came_with(self, m: Member, rtype: str) -> list[Member]:
        """The robots of ``rtype`` that made the latest trip with ``m`` in one move ("two excavators and one dump
        truck go to rock 2 together"): the truck "that came with them"."""
        for d in reversed(self.b.drafts):
            crew = [*d.members, *d.partners]
            if d.alive and d.action == "navigate" and any(x.key == m.key for x in crew):
                return [x for x in crew if x.key != m.key and x.rtype == rtype]
        return []

    def colocated(self, m: Member, rtype_action: str) -> list[Member]:
        """Robots that can do ``rtype_action`` and stand where ``m`` stands, most recent first."""
        here = self.loc(m)
        out: list[Member] = []
        for members, _ in reversed(self.res.history):
            for x in members:
                if x not in out and x.key != m.key and here is not None and self.loc(x) == here and \
                        choose_skill(self.fleet, rtype_action, False, [x.rtype]) is not None:
                    out.append(x)
        return out

    def partner_members(self, items: Sequence[Item], ptype_action: str) -> list[Member]:
        out: list[Member] = []
        for it in items:
            if id(it) in self.resolved_items:  # already read as the clause's robots: not again
                out += [m for m in self.resolved_items[id(it)] if m not in out]
                self.use(it)
                continue
            d: RobotDesc = it.payload
            if d.form == "type" and d.det == "own":
                continue
            ptype = next((t for t in self.site.robots_by_type
                          if choose_skill(self.fleet, ptype_action, False, [t]) is not None), None)
            r = self.at_place(it, self.place_restrict) or self.resolve_robots(it, partner_type=ptype)
            self.use(it)
            if r:
                out += [m for m in r if m not in out]
                self.res.remember(r, "partner")
        return out

    def unload_bucket(self, excs: list[Member], a: Action, extra: set[int], v: VerbHit,
                      split: bool, respectively: bool = False, at: Sequence[str] = ()) -> list[Draft]:
        explicit = self.partner_members(a.partners, "dump")
        own = any(it.payload.form == "type" and it.payload.det == "own" for it in a.partners)
        for it in a.partners:
            self.use(it)
        made: list[Draft] = self.go_to_load(excs, explicit, at, extra, v.lemma, split)
        if made:
            extra = set()
        if explicit and split and all(it.payload.form == "type" and it.payload.det == "the" and not it.payload.plural
                                      for it in a.partners):
            # "each excavator loads the truck at its rock": "the truck" is the one beside each excavator,
            # not the truck named last, when every excavator has exactly one there
            beside = [self.colocated(e, "dump") for e in excs]
            if all(len(b) == 1 for b in beside) and len({b[0].key for b in beside}) == len(excs):
                for e, b in zip(excs, beside):
                    made += self.load([e], b, extra, v.lemma, split)
                    self.loaded[b[0].key] = True
                return made
        if explicit and not own:
            said = [t for t in explicit if self._loaded_by(t, excs)]
            if said and len(said) == len(explicit) and not (a.again and self._worked_since_loading(excs, said)):
                # "truck 2 drives to soil 2 to collect the soil; ... excavator 3 fills truck 2": the loading
                # the purpose already named, said again
                self._dig_before_said_loading(excs, said)
                return []
            sites = {self.loc(e) for e in excs}
            if respectively and len(excs) == len(explicit) > 1 and not any(m.is_group for m in (*excs, *explicit)):
                # "excavators 1 and 2 ... load truck 2 and truck 3 respectively": each loads its own truck, in
                # the order said (rule 6: "respectively" gives each robot its own task), as one clause each would
                pairing = len(self.apart_made) + 1
                self.apart_made[pairing] = []
                for e, t in zip(excs, explicit):
                    made += self.load([e], [t], extra, v.lemma, split, apart=pairing)
            elif (any(it.payload.form == "type" and it.payload.det == "each" for it in a.partners)
                  and not (len(explicit) == 1 and explicit[0].is_group)) or (
                    len(explicit) > 1 and all(m.count == 1 for m in explicit) and self.ordered_objects):
                # "loads truck 1 first and truck 2 after that": one loading after the other
                # "loads them one after the other, truck 3 first": the truck named first leads (a stable sort)
                for t in sorted(explicit, key=lambda m: m.key not in self.first_loaded):
                    made += self.load(excs, [t], extra if not made else set(), v.lemma, split)
            elif len(explicit) == 1 and explicit[0].is_group and explicit[0].count > 1 and (
                    self.ordered_objects or any(it.payload.form == "type" and it.payload.det == "each"
                                                for it in a.partners)):
                # "loads both trucks, one after the other" (a pair said by type): a loading per truck, chained (rule
                # 24); the loadings are the excavator's, so the pair is not split to say them. So is "loads each
                # truck (in turn)" of a pair said by type: one loading per truck, as for trucks named by number
                for _ in range(explicit[0].count):
                    made += self.load(excs, explicit, extra if not made else set(), v.lemma, split)
            elif len(excs) > 1 and len(sites) > 1 and None not in sites:
                # "at both sites the excavators fill the trucks there": each loads the trucks beside it
                for e in excs:
                    here = [t for t in explicit if self.loc(t) == self.loc(e)] or explicit
                    made += self.load([e], here, extra, v.lemma, split)
            else:
                made = self.load(excs, explicit, extra, v.lemma, split)
            for t in explicit:
                self.loaded[t.key] = True
            return made
        by_partner: dict[tuple[str, ...], tuple[list[Member], list[Member]]] = {}
        for e in excs:
            came = [t for r in self._types_for("dump") for t in self.came_with(e, r)] if own else []
            trucks = self.pairing.paired(e, "dump") or came or (
                self.colocated(e, "dump")[:1] if (own or split) else self.colocated(e, "dump"))
            if not trucks:
                last = self.res.last_of_type(next(iter(self._types_for("dump")), ""), False)
                trucks = list(last)
            key = tuple(t.key for t in trucks)
            by_partner.setdefault(key, ([], trucks))[0].append(e)
        for _, (es, trucks) in by_partner.items():
            made += self.load(es, trucks, extra, v.lemma, split)
            for t in trucks:
                self.loaded[t.key] = True
            if own and trucks:
                self.res.remember(trucks, "partner")  # "loads its truck, and that truck then ...": the truck it loaded
        return made

    def go_to_load(self, excs: Sequence[Member], trucks: Sequence[Member], at: Sequence[str], extra: set[int],
                   lemma: str, split: bool) -> list[Draft]:
        """"Excavator 1 loads truck 1 at soil 1": the loading needs the excavator and the truck there (rules 11,
        12), so each one not there yet goes first; the place was dropped and the loading made wherever they stood.
        No digging is added: no convention makes a loading imply one. Only a place named: "loads truck 2 there -
        send truck 2 over once the digging's done" brings the truck later, as the text says (L3_232)."""
        if not at:
            return []
        return self.moves([*excs, *trucks], at, extra, VerbHit("navigate", "verb", lemma), False, split)

    def _loaded_by(self, t: Member, excs: Sequence[Member]) -> bool:
        """The truck's latest step is a loading by exactly these excavators (nothing since)."""
        keys = {m.key for m in excs}
        if any(t in trucks and {m.key for m in e} == keys for e, trucks, *_ in self.deferred):
            return True  # said, waiting for the truck's next step ("... loads truck 1. Excavator 2 loads truck 1.")
        last = self.b.chain(t)
        prior = self.b.drafts[last] if last is not None else None
        return prior is not None and prior.alive and prior.action == "unload_bucket" and t in prior.partners \
            and {m.key for m in prior.members} == keys

    def _dig_before_said_loading(self, excs: Sequence[Member], trucks: Sequence[Member]) -> None:
        """"Truck 2 goes to soil 1 to collect soil from excavator 1. Excavator 1 digs at soil 1 and fills truck 2.":
        the loading the purpose named came before the excavator had dug; said again after its digging, the
        excavator's steps since (its drive and dig) go before that loading (rule 12: a loading waits for the
        digging), not after it."""
        load = self.b.chain(trucks[0])
        if load is None:
            return
        keys = {e.key for e in excs}

        def theirs(d: Draft) -> bool:
            return d.alive and d.action not in KEEPOUT_ACTIONS and bool(keys & {m.key for m in d.members})
        if any(self.b.drafts[i].action == "dig" and theirs(self.b.drafts[i]) for i in self.b.anc[load]):
            return  # the loading had its digging: nothing to move
        since = {d.idx for d in self.b.drafts[load + 1:] if theirs(d)}
        if any(self.b.drafts[i].action == "dig" for i in since):
            self.b.put_before(since, load, keys)

    def _worked_since_loading(self, excs: Sequence[Member], trucks: Sequence[Member]) -> bool:
        """Whether the excavators did a step of their own after they last loaded these trucks ("digs again and
        loads truck 1 again": a second loading, not the first said twice)."""
        keys = {e.key for e in excs}
        if any({m.key for m in e} == keys and any(t in waiting for t in trucks) for e, waiting, *_ in self.deferred):
            return False  # the loading is still waiting for its truck: nothing of theirs was made since
        loads = [self.b.chain(t) for t in trucks]
        return any(self.b.chain(e) not in loads for e in excs)

    def _types_for(self, action: str) -> list[str]:
        return [t for t in self.site.robots_by_type if choose_skill(self.fleet, action, False, [t]) is not None]

    def _digs_up(self, subject: tuple[Member, ...] | None, v: VerbHit) -> bool:
        """"Excavator 2 *picks up* soil at soil 1": said of robots that cannot be loaded but can dig, a word of
        taking on a load (lexicon ``dig_pickup_words``) is their digging; read as a truck's loading, the digging was
        dropped and the excavator's own loading put in its place."""
        if not subject or v.lemma.lower() not in self.lex.dig_pickup_words:
            return False
        return not self.capable(subject, "dump", quiet=True) \
            and len(self.capable(subject, "dig", quiet=True)) == len(subject)

    def _one_truck_at_every_site(self, trucks: Sequence[Member], excs: Sequence[Member]) -> bool:
        """"Dump truck 3 gets loaded at both sites" (a phrase of ``every_site_phrases``) with the excavators at two
        places: one truck goes to each site in an order nothing says (none of the conventions settles it), so
        refused, naming the phrase; read as it stood, the truck was loaded at both sites at once, with no move."""
        sites = {site for e in excs if (site := self.loc(e)) is not None}
        if len(trucks) != 1 or len(sites) < 2:
            return False
        phrase = next((it for it in self._sentence_items(self.current_sentence) if it.kind is ItemKind.MARK
                       and it.text in self.lex.every_site_phrases), None)
        if phrase is None:
            return False
        self.errors.append(f"{phrase.text!r}: one truck is loaded at {' and '.join(sorted(sites))}; say in which "
                           f"order it goes to them")
        return True

    def _bare_move_place(self, subject: tuple[Member, ...], scene: str) -> str:
        """Where a move with no place of its own goes: the scene, unless the robots already stand there and their
        sentence named one other place ("truck 1 waits at obstacle 1 until excavator 2 has dug at soil 2, then comes
        over": to soil 2), or, naming none, the sentence before did ("... while truck 1 waits at obstacle 1; when it
        is done, truck 1 comes over"). Read as a move to where it stood, "comes over" only put off the truck's wait
        there, or was lost. Where the sentence opened with an anchor of robots that stand together elsewhere, it is
        their place ("when excavator 2 is done, truck 1 comes over first and gets loaded": over to excavator 2)."""
        if not all(self.loc(m) == scene for m in subject):
            return scene
        doers = self._fronted_doers_place(scene)
        if doers is not None:
            return doers
        for sentence in (self.current_sentence, self.current_sentence - 1):
            named = self.sentence_places.get(sentence, ())
            other = list(dict.fromkeys(p for p in named if p not in (scene, START)))
            if other:
                return other[0] if len(other) == 1 else scene
        return scene

    def _fronted_doers_place(self, scene: str) -> str | None:
        """The one place other than ``scene`` where the robots of the anchor that opened this sentence stand; None
        when there is no such anchor or they stand apart. The "first" or "then" after "comes over" cut the move
        from the loading that gave it the loader's place, and the truck was sent where it already stood."""
        if self.fronted_doers is None or self.fronted_doers[0] != self.current_sentence:
            return None
        spots = {self.loc(m) for m in self.fronted_doers[1]}
        spot = spots.pop() if len(spots) == 1 else None
        return spot if spot not in (None, scene, START) else None

    def passive_load(self, subject: tuple[Member, ...] | None, a: Action, extra: set[int],
                     split: bool = False, respectively: bool = False) -> list[Draft]:
        """"The truck gets loaded (by it)": the excavator's unloading, with the truck as partner."""
        if not subject:
            self.errors.append(f"no truck named to be loaded in {a.verb.lemma!r}")
            return []
        trucks = self.capable(subject, "dump", quiet=True) or list(subject)
        places: list[str] = []
        named: list[str] = []  # the places named, not pointed at ("there")
        said_extra = set(extra)
        for o in a.objects:
            self.use(o)
            d: ObjectDesc = o.payload
            if self.pairing.own_here(o, trucks) or self.pairing.each_here(o, trucks):
                # "gets loaded by the excavator at its rock" (each at "that rock"): where it stands
                continue
            if d.form == "pronoun" and d.pronoun == "there" and len({self.loc(t) for t in trucks}) > 1 \
                    and all(self.loc(t) is not None for t in trucks):
                continue  # "truck 1 to soil 1, truck 2 to soil 2, each gets loaded there": where each one is
            if d.form == "kind" and self.word_before(o) not in self.lex.place_prepositions:
                continue  # "the soil is to be loaded into truck 2": the soil is cargo
            got = self.resolve_objects(o, cargo_ok=True)
            places += got
            if d.form == "names":
                named += got
        if places:
            self.moves(trucks, places[:1], extra, VerbHit("navigate", "verb", a.verb.lemma), False, False)
            extra = set()
        explicit = self.partner_members(a.partners, "unload_bucket")
        made: list[Draft] = []
        groups: dict[tuple[str, ...], tuple[list[Member], list[Member]]] = {}
        by_type = bool(explicit) and all(it.payload.form == "type" for it in a.partners)
        # "trucks 1 and 2 are loaded by excavators 1 and 2 respectively": each truck by its own excavator, in order
        # (rule 6), as the active "excavators 1 and 2 load trucks 1 and 2 respectively" is; read as both excavators
        # loading both trucks, it was one loading of the pair
        own_loader = dict(zip((t.key for t in trucks), explicit)) if respectively and len(explicit) == len(trucks) > 1 \
            and not any(m.is_group for m in (*explicit, *trucks)) else {}
        for t in trucks:
            last = self.b.chain(t)
            prior = self.b.drafts[last] if last is not None else None
            if prior is not None and prior.action == "unload_bucket" and t in prior.partners and (
                    not explicit or {m.key for m in explicit} == {m.key for m in prior.members}):
                # "load truck 2 when it arrives. Truck 2: ..., get loaded": the loading already said
                self.loaded[t.key] = True
                continue
            beside = self.colocated(t, "unload_bucket")
            if split and by_type and beside:  # "each truck gets loaded by the excavator at its rock"
                excs = [m for m in beside if m.rtype in {e.rtype for e in explicit}][:1] or explicit
            elif t.key in own_loader:
                excs = [own_loader[t.key]]
            else:
                excs = self._loader_beside(a.partners, explicit, t, beside) or explicit \
                    or self.pairing.paired(t, "unload_bucket") or beside
            if not excs:
                excs = list(self.res.last_of_type(next(iter(self._types_for("unload_bucket")), ""), True))
            if not excs:
                later = self._loader_named_later()
                if later and not self._loading_said_later():
                    # "truck 2 picks up a load at soil 2 ... Excavator 2 digs at soil 2": nothing says the
                    # loading again, and dropping it would lose the load the truck dumps
                    self.errors.append(f"{a.verb.lemma!r}: the excavator that loads the truck is named only after "
                                       f"it; say the excavator's work first, or say the loading again")
                elif not later and not (places and a.verb.lemma in self.lex.bare_load_phrases):
                    # "truck 1 gets a load at soil 1" with no excavator anywhere: the move there is all it says
                    self.errors.append("no excavator to load the truck")
                continue
            key = tuple(e.key for e in excs)
            groups.setdefault(key, (excs, []))[1].append(t)
        if self._one_truck_at_every_site(trucks, [e for excs, _ in groups.values() for e in excs]):
            return []
        for _, (excs, ts) in groups.items():
            if named[:1] == places[:1] and a.verb.lemma.split()[0] in self.lex.passive_load_heads:
                # "truck 1 is loaded by excavator 1 at soil 1": the excavator goes there too; not for a verb of
                # the truck's ("picks up a load from excavator 1 at soil 2": where the excavator stands)
                made += self.go_to_load(excs, (), named[:1], said_extra, a.verb.lemma, split)
            site = {self.loc(e) for e in excs}
            spot = next(iter(site)) if len(site) == 1 else None
            if not places and spot is not None and (
                    a.arrive or a.verb.lemma.split()[0] not in self.lex.passive_load_heads):
                # "truck 3 then picks up a load from excavator 1": it drives to where the excavator is (an
                # active verb of the truck; "is to be loaded into truck 2, which is sent ..." says the move itself)
                away = [t for t in ts if self.loc(t) != spot]
                if away:
                    self.moves(away, [spot], extra, VerbHit("navigate", "verb", a.verb.lemma), False, False)
                    extra = set()
            made += self.load(excs, ts, extra, a.verb.lemma, split)
            for t in ts:
                self.loaded[t.key] = True
        return made

    def _loader_beside(self, partners: Sequence[Item], explicit: Sequence[Member], truck: Member,
                       beside: Sequence[Member]) -> list[Member]:
        """"An excavator digs at soil 2 and another breaks up rock 1. Truck 1 goes to soil 2 and gets loaded by the
        excavator": "the / that <type>" (one robot, by its type) as the loader of a truck standing where no robot it
        names stands is the one of that type standing beside the truck, when there is exactly one. Read as the one
        named last, the excavator at rock 1 loaded a truck at soil 2. Empty when the mention says more."""
        if len(partners) != 1 or not explicit:
            return []
        d: RobotDesc = partners[0].payload
        spot = self.loc(truck)
        if d.form != "type" or d.det != "the" or d.plural or spot is None \
                or any(self.loc(e) == spot for e in explicit):
            return []
        here = [m for m in beside if m.rtype == d.rtype]
        return here if len(here) == 1 else []

    def _first_loaded(self, seg: Segment) -> frozenset[str]:
        """"Excavator 2 loads them one after the other, truck 3 first" (or ", starting with truck 3"): the verbless
        clause after a loading in turn names the truck loaded first. Left alone, the trucks were loaded in the
        order "them" had, and the words were dropped."""
        nxt = self.following[0] if self.following and self.following[0].sentence == seg.sentence else None
        if nxt is None or nxt.has(ItemKind.VERB):
            return frozenset()
        its = nxt.items
        robot = None
        if len(its) == 2 and its[0].kind is ItemKind.ROBOT and its[1].kind is ItemKind.CONNECTIVE \
                and its[1].payload == "first":
            robot = its[0]
        elif len(its) == 3 and its[2].kind is ItemKind.ROBOT \
                and f"{its[0].text} {its[1].text}" in self.lex.loading_order_openers:
            robot = its[2]
        if robot is None:
            return frozenset()
        keys = frozenset(m.key for m in self.res.resolve(robot.payload) or ())
        if keys:
            for it in its:
                self.use(it)
            tail = self.following[1] if len(self.following) > 1 else None
            if tail is not None and tail.sentence == seg.sentence and tail.connective == "sequence" \
                    and len(tail.items) == 1 and tail.items[0].kind is ItemKind.ROBOT:
                # "truck 2 first and then truck 1": the truck loaded next, the order said in full
                self.use(tail.items[0])
                self.order_tails.add(id(tail))
        return keys

    def _placed_in_sentence(self, seg: Segment, it: Item, restrict: dict[int, str]) -> bool:
        """Whether ``it`` ("the excavator there") is picked out by a place its own sentence named before it
        ("truck 1 drives to soil 1 and the excavator there loads it"): the one at that place, not each robot of
        its type that a sentence with "each" sent off (both excavators loaded truck 1)."""
        place = restrict.get(id(it))
        return place is not None and any(
            x.kind is ItemKind.OBJECT and x.start < it.start and place in x.payload.names
            for x in self._sentence_items(seg.sentence))

    def _each_of_type(self, seg: Segment, rtype: str) -> tuple[Member, ...]:
        """"Crew one, ... and crew two, ... each drive to their site; there the excavator digs and loads
        its truck, and the truck hauls ...": after a sentence that sent robots off with "each", "the
        <type>" in it or in the sentence right after is each robot of that type it moved (one task
        each), not the one named last."""
        for sent in (seg.sentence, seg.sentence - 1):
            if not any(it.kind is ItemKind.MARK and it.payload == "each" for it in self._sentence_items(sent)):
                continue
            members = tuple(dict.fromkeys(m for d in self.b.drafts if d.alive and d.action in MOVES
                                          and self.draft_sentence.get(d.idx) == sent
                                          for m in d.members if m.rtype == rtype))
            return members if len(members) > 1 else ()
        if any(it.kind is ItemKind.MARK and it.text in self.lex.every_site_phrases
               for it in self._sentence_items(seg.sentence)):
            # "Excavator 1 and truck 1 go to soil 1, excavator 3 and truck 2 to soil 2. At each site the excavator
            # digs and loads its truck": the robot of that type at each site where one stands, one task each
            here = tuple(dict.fromkeys(m for d in self.b.drafts if d.alive and d.action == "navigate"
                                       for m in d.members if m.rtype == rtype and self.loc(m) in d.objects))
            if len(here) > 1 and len({self.loc(m) for m in here}) == len(here):
                return here
        return ()

    def _anchor_contrast(self, seg: Segment, post: Segment | None) -> set[str]:
        """The robots named by number in the anchor after a sentence that opens with "the rest": "the
        rest of the fleet ... once truck 2 has tipped" sets the rest against truck 2, not against every
        robot named so far (the diggers that filled truck 2 go home too). Not for "until": "the other
        robots wait at X until truck 3 has dumped" are those not at work, so the robots not named."""
        if post is None or not seg.sentence_start or post.connective_text in self.lex.until_words or any(
                it.kind is ItemKind.ROBOT and it.payload.form != "others" for it in seg.items):
            return set()
        return {r for it in post.items if it.kind is ItemKind.ROBOT and it.payload.form == "ids"
                for r in it.payload.ids}

    def _stayer_contrast(self, seg: Segment) -> set[str]:
        """The robots named by number that the clause right before ``seg``, in its sentence, keeps where they are:
        "truck 2 should stay at soil 1, and everyone else goes back to the start" sets everyone else against the
        robot that stays, not against every robot named so far (the excavators that dug went back too; read as the
        robots never named, they were left out of the return). Empty when that clause is no such stay."""
        k = next((n for n, s in enumerate(self.later_all) if s is seg), 0)
        prev = next((s for s in reversed(self.later_all[:k]) if s.role is SegmentRole.MAIN), None)
        if prev is None or prev.sentence != seg.sentence or "neg" in prev.marks():
            return set()
        robots = prev.of(ItemKind.ROBOT)
        verbs = [it for it in prev.items if it.kind is ItemKind.VERB or (it.kind is ItemKind.MARK and it.text)]
        if len(robots) != 1 or len(verbs) != 1 or verbs[0].text.split()[0].lower() not in self.lex.idle_verbs:
            return set()
        d: RobotDesc = robots[0].payload
        if d.form == "ids":
            return set(d.ids)
        stayer = self.res.last_subject() if d.form == "pronoun" and d.pronoun == "it" else ()
        # "..., it waits at soil 1 and the rest go home": the robot "it" was read as, when named by number
        return {m.robot_id for m in stayer if m.robot_id} if all(m.robot_id for m in stayer) else set()

    def _loading_said_later(self) -> bool:
        """A later sentence says a loading ("once truck 2 has been loaded", "loads truck 2"): a loading said
        before its loader is made there."""
        return any(it.kind is ItemKind.VERB and _work_target(it) == "unload_bucket"
                   for s in self.later_all if s.sentence > self.res.sentence for it in s.items)

    def _loader_named_later(self) -> bool:
        """"Truck 2, head to soil 1 to load up. Excavator 1 will already be at soil 1 ...": a loading said
        before any loader is named is said again once one is ("once truck 2 has been loaded", "once it has
        loaded the truck"), and is made there; only a loading no later sentence can give is an error."""
        types = set(self._types_for("unload_bucket"))
        for s in self.later_all:
            if s.sentence <= self.res.sentence:
                continue
            for it in s.items:
                if it.kind is not ItemKind.ROBOT:
                    continue
                d: RobotDesc = it.payload
                loaders = {r for t in types for r in self.site.robots_by_type.get(t, ())}
                if (d.form == "type" and d.rtype in types) or (d.form == "ids" and loaders & set(d.ids)):
                    return True
        return False

    def load(self, excs: Sequence[Member], trucks: Sequence[Member], extra: set[int], lemma: str,
             split: bool = False, apart: int = 0) -> list[Draft]:
        """An excavator empties its bucket into trucks; if a truck is not at the excavator yet,
        the loading waits until the text brings it there (unloading needs the truck there). ``apart``: the
        "respectively" pairing the loading belongs to (its tasks are never merged with each other)."""
        site = self.loc(excs[0]) if excs else None
        away = [t for t in trucks if site is None or self.loc(t) != site]
        for t in trucks:
            self.loaded[t.key] = True
        if away and site is not None:
            entry = (list(excs), list(trucks), set(extra), lemma, split)
            self.deferred.append(entry)
            if apart:
                self.apart_entries[id(entry)] = apart
            return []
        return self._loading_made(apart, self.add_skill("unload_bucket", excs, (), extra, lemma, split=split,
                                                        partners=trucks))

    def _departure_parts(self, movers: Sequence[Member], place: str, extra: set[int],
                         split: bool) -> list[list[Member]]:
        """``movers`` split by the loading each leaves from (``_note_departures``): "... loads truck 1. ... loads
        truck 2. Both trucks dump at puddle 1." with no task that brought the trucks: each truck stood at its site
        and leaves it after its own loading (rule 6: not the same dependencies), as when a task had brought it.
        One part when the clause says what they wait for ("once both are loaded, they drive together")."""
        if split or self.b.together or self.joined:
            return [list(movers)]
        parts: dict[int, list[Member]] = {}
        heads: set[int] = set()
        for m in movers:
            entry = next((e for e in self.deferred if self._departs(m, e, place)), None)
            parts.setdefault(id(entry) if entry is not None else 0, []).append(m)
            if entry is not None:
                heads |= self.b.last_tasks(entry[0])
        if not extra <= heads:
            return [list(movers)]
        # "... loads truck 2. Both trucks then dump": "then" waits for the steps said last, the diggings, as the
        # loadings are not made yet; each truck's own loading, put before its move, waits for its digging
        return list(parts.values())

    def _own_loadings(self, movers: Sequence[Member], extra: set[int], split: bool) -> dict[str, set[int]]:
        """Truck key -> its own loading, when ``movers`` (two or more trucks) were each loaded by a loading of its own
        and the move waits for nothing after those loadings ("... loads truck 1. ... loads truck 2. Both trucks then
        tip at puddle 1."): each leaves after its own loading (rule 6, gold L3_102); empty when a join was said, the
        loadings were made in turn, or the move waits for something else. Not for a return home with the loads: the
        gold lines differ there (L3_102 per truck, others one step), and the planner keeps its older reading."""
        if split or self.b.together or self.joined or len(movers) < 2:
            return {}
        own: dict[str, set[int]] = {}
        for m in movers:
            mine = [d for d in self.b.drafts if d.alive and d.action == "unload_bucket"
                    and m.key in {p.key for p in d.partners}]
            if not mine or len(mine[-1].partners) != 1:
                return {}
            own[m.key] = {mine[-1].idx}
        loads = set().union(*own.values())
        if any(i in self.b.anc[j] for i in loads for j in loads):
            return {}  # loadings in turn by one excavator: the trucks leave together after the last (round 7)
        if len(loads) != len(movers) or not all(i in loads or any(i in self.b.anc[j] for j in loads) for i in extra):
            return {}
        return own

    def _departing(self, part: Sequence[Member], place: str) -> bool:
        return any(self._departs(m, e, place) for m in part for e in self.deferred)

    def _departs(self, m: Member, entry: tuple[list[Member], list[Member], set[int], str, bool], place: str) -> bool:
        """Whether truck ``m``, at the start, leaves for ``place`` from the site of the loading ``entry`` that
        waits for it (the loading is then put before the move: ``_deferred_made``)."""
        excs, trucks = entry[0], entry[1]
        return self.loc(m) is None and m.key not in self.relative and any(t.key == m.key for t in trucks) \
            and not any(e.key == m.key for e in excs) and bool(excs) and self.loc(excs[0]) not in (None, place)

    def _note_departures(self, movers: Sequence[Member], place: str, made: Sequence[Draft]) -> None:
        """Remember the move that takes a truck from the start to somewhere other than the site of a loading that
        waits for it ("... and loads truck 1. Truck 1 then dumps at puddle 1."): if the truck never reaches the
        site, the loading is put before that move when it is made."""
        if not made:
            return
        keys = {m.key for m in movers if self.loc(m) is None}
        for entry in self.deferred:
            excs, trucks = entry[0], entry[1]
            leaving = keys & {t.key for t in trucks}
            if leaving and not keys & {e.key for e in excs} and excs and self.loc(excs[0]) not in (None, place) \
                    and id(entry) not in self.departed:
                self.departed[id(entry)] = [d.idx for d in made if leaving & {m.key for m in d.members}]

    def _deferred_made(self, entry: tuple[list[Member], list[Member], set[int], str, bool],
                       arrived: bool = False) -> list[Draft]:
        """Make a loading that waited for its truck; one whose truck left the start for elsewhere and never
        ``arrived`` at the site is put before that move (the truck stood at the site: no task brought it)."""
        excs, trucks, extra, lemma, split = entry
        left = self.departed.pop(id(entry), [])
        heads = self.b.last_tasks(excs)
        made = self._loading_made(self.apart_entries.pop(id(entry), 0), self.add_skill(
            "unload_bucket", excs, (), extra, lemma, split=split, partners=trucks))
        if not arrived and len(made) == 1:
            for old in left:
                self.b.slip_before(made[0].idx, old, {t.key for t in trucks}, heads)
        return made

    def _loading_made(self, apart: int, made: list[Draft]) -> list[Draft]:
        """Keep the loadings of one "respectively" pairing apart, the ones made before and ``made``."""
        if apart:
            self.apart_made[apart] += made
            self.b.keep_apart(self.apart_made[apart])
        return made

    def flush_loads(self, members: Sequence[Member], arrived_at: str | None) -> None:
        """Create deferred loadings whose trucks are among ``members``: now that they arrived
        at the excavator (``arrived_at``), or before they do anything else."""
        keys = {m.key for m in members}
        ready = []
        for entry in self.deferred:
            excs, trucks, extra, lemma, split = entry
            if not keys & {t.key for t in trucks} and not keys & {e.key for e in excs}:
                continue
            site = self.loc(excs[0])
            if arrived_at is not None and site != arrived_at and keys & {t.key for t in trucks}:
                continue
            if arrived_at is not None and any(self.loc(t) != site for t in trucks):
                continue
            ready.append(entry)
        if arrived_at is None and ready:
            # making a loading flushes its excavator's other waiting loadings first (add_skill): "loads truck 1
            # first, then truck 2. Truck 1 dumps ..." made truck 2's before truck 1's. Taken here, in the order said
            excs_of = {e.key for entry in ready for e in entry[0]}
            ready = [entry for entry in self.deferred if entry in ready or excs_of & {e.key for e in entry[0]}]
        # all taken out before any is made: making one flushes its excavator's deferred loadings
        # (add_skill), which made "load truck 1, then truck 3" (trucks arriving later) truck 3 first
        taken = {id(r) for r in ready}
        self.deferred = [e for e in self.deferred if id(e) not in taken]
        for entry in ready:
            self._deferred_made(entry, arrived_at is not None)

    def _clause_delivered(self) -> set[int]:
        """What the clause before made, a haul in it ended by its tipping ("Truck 1 carries the load to rock 1. When
        that's done, ...": the delivery, rule 23); read as the drive alone, the next step started before the tip."""
        made = set(self.last_made)
        for m in list(self.pending_dump.values()):
            arrived = self.b.chain(m)
            if arrived is None or arrived not in made:
                continue
            got = self.deliver(m)
            if got:
                made = (made - {arrived}) | {d.idx for d in got}
                self.last_made = made
        return made

    def deliver(self, m: Member) -> list[Draft]:
        """The truck tips its load: at the destination a summary sentence gave for it ("a truck has
        to bring a load from soil 2 to obstacle 2") if it has not gone anywhere since loading."""
        self.pending_dump.pop(m.key, None)
        dest = self.destination.get(m.key)
        made: list[Draft] = []
        if dest is not None and self.loc(m) != dest:
            made += self.move([m], dest, set(), VerbHit("navigate", "verb", "deliver"))
        made += self.add_skill("dump", [m], (), set(), "deliver")
        self.loaded[m.key] = False
        return made

    def flush_pending(self, members: Sequence[Member], action: str) -> None:
        """A truck that carried a load somewhere and is now asked to do something else
        dumps first (delivering a load means tipping it)."""
        if action == "dump":
            return
        for m in members:
            if m.key in self.pending_dump:
                self.pending_dump.pop(m.key)
                self.add_skill("dump", [m], (), set(), "deliver")
                self.loaded[m.key] = False

    def flush_all_pending(self) -> None:
        while self.deferred:
            # all taken out before any is made: making one flushes its excavator's other deferred loadings
            # (add_skill), which made "loads truck 1, then truck 2" (neither brought there) truck 2 first
            waiting, self.deferred = self.deferred, []
            for entry in waiting:
                self._deferred_made(entry)
        for key, m in list(self.pending_dump.items()):
            if key in self.pending_dump:
                self.pending_dump.pop(key)
                self.add_skill("dump", [m], (), set(), "deliver")
                self.loaded[key] = False

    # -- anchors ------------------------------------------------------------------------------------------
    def _gerund(self, it: Item) -> bool:
        """The verb or event opens with a gerund ("*loading* the truck", "after *digging*"): its first word has
        one of the lexicon's ``anchor_gerund_endings``."""
        return it.text.split()[0].endswith(tuple(self.lex.anchor_gerund_endings))

    def _subject_goes_on(self, seg: Segment) -> bool:
        """``seg`` is said after its clause and a conjunct with no robot of its own follows it ("truck 2 goes to
        soil 2 once excavator 1 has finished *and is loaded there* ...; it then ..."): the clause's subject goes on
        past the condition, so the condition's robots are no later "it"."""
        nxt = self.following[1] if len(self.following) > 1 and self.following[0] is seg else None
        if not seg.post_anchor or nxt is None or nxt.role is not SegmentRole.MAIN or nxt.sentence != seg.sentence:
            return False
        first = next((it for it in nxt.items if it.kind is not ItemKind.WORD), None)
        return first is not None and first.kind is ItemKind.VERB

    def _host_object(self, d: RobotDesc) -> tuple[Member, ...]:
        """"the truck" in a condition said after its clause ("excavator 2 loads truck 3 once the truck has
        arrived"): the one robot of that type the clause names after its verb, the robot mentioned last (rule 4).
        The condition is read before the clause's objects are, so they were not yet mentioned and an older truck
        was taken."""
        if not (d.form == "type" and d.det == "the" and not d.plural and not d.count) or self.anchor_host is None:
            return ()
        items = self.anchor_host.items
        verb = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB), None)
        if verb is None:
            return ()
        found = [m for it in items[verb + 1:] if it.kind is ItemKind.ROBOT and it.payload.form == "ids"
                 for m in self.res.resolve(it.payload) or () if m.rtype == d.rtype]
        return tuple(found) if len(found) == 1 else ()

    def _there_state(self, items: Sequence[Item]) -> bool:
        """"as soon as it is there", "once both are there": robots, a form of "be" (``state_be_forms``, with its
        ``state_be_fillers``) and "there", nothing else. It says the robots arrived: read as their latest step, the
        keep-out put up "as soon as it is there" waited for the excavator's digging after its move."""
        said = [it for it in items if it.kind not in (ItemKind.CONNECTIVE, ItemKind.PUNCT, ItemKind.MARK)]
        k = next((j for j, it in enumerate(said) if it.kind is not ItemKind.ROBOT), len(said))
        if k == 0 or len(said) < k + 2 or said[-1].kind is not ItemKind.OBJECT \
                or said[-1].payload.form != "pronoun" or said[-1].payload.pronoun != "there" \
                or not all(it.kind is ItemKind.WORD for it in said[k:-1]):
            return False
        be = " ".join(w for it in said[k:-1] for w in it.text.lower().split() if w not in self.lex.state_be_fillers)
        return be in self.lex.state_be_forms

    @staticmethod
    def _arrival(items: Sequence[Item]) -> bool:
        """An anchor of a move and no robot but its pronoun ("once it arrives there", "when it gets to soil 1")."""
        return any(it.kind is ItemKind.VERB and it.payload.target == "navigate" for it in items) \
            and sum(it.kind is ItemKind.ROBOT for it in items) == 1

    def _arriving(self, chosen: tuple[Member, ...], items: Sequence[Item]) -> tuple[Member, ...]:
        """"Excavator 2 digs at soil 1 and then loads truck 3 once it arrives there (at soil 1)": a robot already
        where the clause works does not arrive there; "it" is the one robot the clause named that is not there yet
        (read as the excavator, the truck was never sent and the wait was for nothing). Not when a later clause may
        send that robot there (the loading waits for that move)."""
        here = {self.loc(m) for m in chosen}
        named = named_objects(items)
        if None in here or not named <= here:
            return chosen
        others = [m for it in (self.anchor_host.items if self.anchor_host is not None else ())
                  if it.kind is ItemKind.ROBOT and it.payload.form == "ids"
                  for m in self.res.resolve(it.payload) or () if self.loc(m) not in here]
        if len(others) != 1 or self._may_send_there(others[0], here):
            return chosen  # "... when it arrives. Truck 1 checks puddle 2 and then joins excavator 1": sent later
        return (others[0],)

    def _may_send_there(self, m: Member, here: set[str | None]) -> bool:
        """Whether a later clause that speaks of robot ``m`` (or one of the few after it) names ``here``, or moves and
        names no place: it may be the move that takes ``m`` there ("then joins excavator 1", "then (goes) to soil
        1")."""
        said = [k for k, x in enumerate(self.later) if any(
            it.kind is ItemKind.ROBOT and it.payload.form == "ids" and m.robot_id in it.payload.ids for it in x.items)]
        near = {j for k in said for j in range(k, k + 4)}  # its clause and the few after it ("Truck 3: go to ...")
        for j, x in enumerate(self.later):
            if j not in near:
                continue
            named = named_objects(x.items)
            moves = any(it.kind is ItemKind.VERB and it.payload.target == "navigate" and it.payload.role == "verb"
                        for it in x.items)
            if named & here or (moves and not named):
                return True
        return False

    def _anchor_doers(self, items: Sequence[Item], chosen: tuple[Member, ...]) -> tuple[Member, ...]:
        """The robots of new work an anchor names by a pronoun or a bare gerund ("truck 1 is loaded by excavator 2
        after it digs there", "fills truck 2 and then truck 3 after digging there"): ``chosen`` (the pronoun's
        robots, the clause's subject) when they can do it, else the robots named last that can (the loader);
        read as the truck's, the digging was refused as no truck can dig."""
        need = next((it.payload.target for it in items if it.kind is ItemKind.VERB and it.payload.role == "verb"
                     and it.payload.target in ("dig", "unload_bucket")), None)
        if need is None or not chosen or self.capable(chosen, need, quiet=True):
            return chosen
        able = [m for it in (self.anchor_host.items if self.anchor_host is not None else ())
                if it.kind is ItemKind.ROBOT and it.payload.form == "ids"
                for m in self.res.resolve(it.payload) or () if self.capable([m], need, quiet=True)]
        if able:  # "truck 1 is loaded by excavator 2 after it digs there": the loader of the clause it times
            return tuple(dict.fromkeys(able))
        return self.res.last_able(lambda m: bool(self.capable([m], need, quiet=True)), False) or chosen

    def _subject_site_dig(self, seg: Segment) -> bool:
        """A digging with no robot and no place said after its clause ("excavator 2 loads it *once the digging is
        done*"): the one at the place where the clause's robots work, which is known when it is read."""
        return self.robotless_anchor and seg.post_anchor and bool(self.current_subject)

    def _dug_where_subject_is(self, cands: list[Draft]) -> list[Draft]:
        """Of the diggings ``cands``, those done where the clause's robots stand, or where it sends them ("truck 3
        is sent to rock 2 upon completion of the breaking": the digging there); all of them when none is. A digging
        at another site ("excavator 3 breaks up rock 2") is not the one a loading at soil 1 waits for."""
        stand = {p for p in (self.loc(m) for m in self.current_subject or ()) if p is not None}
        spots = set(self.clause_goals) or stand
        here = [d for d in cands if any(self.loc(m) in spots for m in d.members)]
        return here or cands

    def _own_gerund(self, seg: Segment) -> bool:
        """A bare gerund said after its clause with no robot ("loads it after digging there"): the deed of the
        clause's own subject, which is known when it is read."""
        return self.anchor_gerund and self.robotless_anchor and seg.post_anchor and bool(self.current_subject) \
            and not self.anchor_possessive

    def anchor(self, seg: Segment) -> tuple[set[int], bool]:
        """The tasks an anchor clause names, and whether it only says "in parallel".

        "After loading the truck, excavator 1 returns": a bare loading gerund with the truck as its object is the
        loading the clause's robot did (the excavator's step), not the truck's own loading step after it."""
        items = seg.items
        outer = self.loader_deed
        self.loader_deed = len(items) > 1 and items[0].kind is ItemKind.VERB and items[0].payload.role == "verb" \
            and items[0].payload.target == "unload_bucket" and self._gerund(items[0]) \
            and items[1].kind is ItemKind.ROBOT
        self.anchor_depth += 1
        try:
            found, par = self._anchor(seg)
        finally:
            self.loader_deed = outer
            self.anchor_depth -= 1
        if found and not self.anchor_depth:
            self.things_said.append((seg.sentence, frozenset(found)))
        return found, par

    def _times_place_relative(self, seg: Segment) -> bool:
        """"Truck 2 drives to soil 1, where excavator 1 loads it *once it has finished digging*. It then moves on
        ...": an anchor said after a place relative times that relative, an aside about the host's place; its robots
        are no new topic, as the relative's own are not. Remembered as doers, the next sentence's "it" was the
        excavator, which was sent on in the truck's stead."""
        k = next((j for j, s in enumerate(self.later_all) if s is seg or (
            s.sentence == seg.sentence and s.items and seg.items and s.items[0].start == seg.items[0].start)), None)
        if not k:
            return False
        before = self.later_all[k - 1]
        return seg.connective == "anchor" and before.sentence == seg.sentence and before.role is SegmentRole.MAIN \
            and bool(before.items) and before.items[0].kind is ItemKind.WORD and before.items[0].text == "where"

    def _restated_until(self, seg: Segment) -> set[int] | None:
        """"... wait at obstacle 1 until the rock is broken. *Once it is*, the two trucks drive to rock 1": an anchor
        of only a pronoun and auxiliaries (the lexicon's ``condition_auxiliaries``, "been") says again the end of
        the wait said just before (this sentence or the one before it): it waits for what that "until" waited for.
        Read as a deed of the robot named last, "it is" waited for that truck's own wait, not the breaking."""
        if self.until_found is None or not self.until_found[1] \
                or self.until_found[0] not in (seg.sentence, seg.sentence - 1):
            return None
        said = [it for it in seg.items if it.kind not in (ItemKind.CONNECTIVE, ItemKind.PUNCT)]
        if len(said) < 2 or not self._restating_head(said[0]):
            return None
        # "once it has *done so*", "once that has *happened*", "once it's *done*": no deed of its own either
        restating = self.lex.condition_auxiliaries | self.lex.restated_until_words | {"been"}
        if not all((it.kind is ItemKind.WORD and it.text in restating)
                   or (it.kind is ItemKind.EVENT and it.payload.action == "any")
                   or (it.kind is ItemKind.OBJECT and it.text in self.lex.pointing_connective_words)
                   for it in said[1:]):
            return None
        for it in seg.items:
            self.use(it)
        return set(self.until_found[1])

    def _restating_head(self, it: Item) -> bool:
        """"it" / "they", or "that" / "this" (the lexicon's ``pointing_connective_words``): the subject of an anchor
        that says again the end of a wait ("once *that* has happened")."""
        if it.kind is ItemKind.ROBOT:
            return it.payload.form == "pronoun" and it.payload.pronoun in ("it", "they")
        return it.kind in (ItemKind.OBJECT, ItemKind.WORD) and it.text in self.lex.pointing_connective_words

    def _note_things(self, sentence: int, subject: tuple[Member, ...] | None) -> None:
        """Remember the thing a clause said: its robots' latest steps (also when the clause said again a step they
        had, making none: "trucks 1 and 3 should be waiting at obstacle 1"). Its anchor was remembered when read."""
        own = self.b.last_tasks(subject) if subject else set()
        if own:
            self.things_said.append((sentence, frozenset(own)))

    def _both_happened(self, seg: Segment) -> set[int] | None:
        """"By the time the rock is broken up, trucks 1 and 3 should be waiting at obstacle 1; only after *both have
        happened* do they come over": an anchor of a bare "both", auxiliaries and a word of happening (the lexicon's
        ``happening_events``) names the last two things said (this sentence or the one before it), not two robots.
        Read as the trucks, the move waited for their wait alone. None for any other anchor."""
        said = [it for it in seg.items if it.kind not in (ItemKind.CONNECTIVE, ItemKind.PUNCT)]
        while said and said[-1].kind is ItemKind.WORD and said[-1].text in self.lex.inverted_auxiliaries:
            said.pop()  # "only after both have happened *do* they come over"
        if len(said) < 2 or said[0].kind is not ItemKind.ROBOT or said[0].text.lower() != "both" \
                or said[-1].kind is not ItemKind.EVENT or said[-1].text.lower() not in self.lex.happening_events \
                or not all(it.kind is ItemKind.WORD and it.text in self.lex.condition_auxiliaries | {"been"}
                           for it in said[1:-1]):
            return None
        near = [tasks for sent, tasks in self.things_said if sent >= seg.sentence - 1]
        if len(near) < 2:
            return None
        for it in seg.items:
            self.use(it)
        return set(near[-2] | near[-1])

    def _rock_work_said(self, seg: Segment) -> bool:
        """The clause names its digging by a noun said only of rocks (lexicon ``rock_work_events``), as an event noun
        ("the breaking") or as the verb's gerund ("after the breaking up")."""
        return any(it.kind in (ItemKind.EVENT, ItemKind.VERB) and it.text.lower() in self.lex.rock_work_events
                   for it in seg.items)

    def _worked_at_kind(self, seg: Segment, action: str, cands: list[Draft]) -> list[Draft]:
        """"Truck 1 inspects rock 2. Once the rock is broken, ...": "the rock" is the rock named last (rock 2), where
        nothing was dug; the digging meant is the one at a place of that kind (rock 1), not every digging (the one at
        soil 2 was waited for too). Empty when the clause names no place by its kind alone or none was worked."""
        if action != "dig":
            return []
        kinds = {it.payload.kind for it in seg.items if it.kind is ItemKind.OBJECT and it.payload.form == "kind"
                 and it.payload.det == "the" and not it.payload.plural}
        pool = {n for k in kinds for n in self.site.objects_by_kind.get(k, ())}
        return [d for d in cands if any(self.loc(m) in pool for m in d.members)] if pool else []

    def _anchor(self, seg: Segment) -> tuple[set[int], bool]:
        restated = self._restated_until(seg)
        if restated is not None:
            return restated, False
        happened = self._both_happened(seg)
        if happened is not None:
            return happened, False
        parts = _robot_conjuncts(seg.items)
        if len(parts) > 1:
            # "when truck 1 has dumped and excavator 3 is back": each conjunct names its robot's own deed;
            # read as one, the robots shared the verbs and excavator 3 (no dumping) was dropped
            in_parts: set[int] = set()
            is_par, robotless, untils = False, True, set()
            for k, part in enumerate(parts):
                part_found, par = self.anchor(dataclasses.replace(seg, items=part))
                in_parts |= part_found
                is_par = is_par or (k == 0 and par)
                robotless = robotless and self.robotless_anchor
                if self.until_found is not None and self.until_found[0] == seg.sentence:
                    untils |= self.until_found[1]
            self.robotless_anchor = robotless
            if seg.connective_text in UNTIL:
                self.until_found = (seg.sentence, untils)
            return in_parts, is_par
        for it in seg.items:
            if it.kind in (ItemKind.CONNECTIVE, ItemKind.PUNCT, ItemKind.MARK):
                self.use(it)
        nums = [n for it in seg.items for n in step_numbers(it)]
        if nums and not seg.has(ItemKind.ROBOT):
            # "after step 4", "as soon as all of step 1 is complete", "in parallel with steps 2-6"
            for it in seg.items:
                self.use(it)
            together = seg.connective == "parallel" or any(
                it.kind is ItemKind.WORD and it.text in self.lex.step_ref_together for it in seg.items)
            self.step_anchored = True
            return self.step_entry(nums, together), False
        is_par = seg.connective == "parallel" or seg.connective_text in self.lex.while_connectives
        # "waits till ...": every wait connective of the lexicon, not only the common ones segment.UNTIL holds
        until = seg.connective_text in UNTIL or seg.connective_text in self.lex.wait_for_connectives
        marks = seg.marks()
        robots: list[Member] = []
        fleet = "everything" in marks
        robot_items = [it for it in seg.items if it.kind is ItemKind.ROBOT]
        self.robotless_anchor = not robot_items and "everything" not in seg.marks()
        self.anchor_possessive = any(it.kind is ItemKind.WORD and it.text in self.lex.anchor_possessives
                                     for it in seg.items) or any(  # "after its loading step": one verb phrase
            it.kind in (ItemKind.VERB, ItemKind.EVENT) and it.text.split()[0] in self.lex.anchor_possessives
            for it in seg.items)
        # "returns to base after digging": a bare gerund with no robot and no article, the doer's own deed
        self.anchor_gerund = bool(seg.items) and seg.items[0].kind in (ItemKind.EVENT, ItemKind.VERB) \
            and self._gerund(seg.items[0])
        # "when both rock inspections are done", "once all the checks are over": a join of the steps named
        self.anchor_joint = any(it.kind is not ItemKind.ROBOT and it.text.split()[0] in self.lex.anchor_joint_words
                                for it in seg.items if it.text)
        self.anchor_joins_robots = any(it.text.split()[0].lower() in self.lex.anchor_joint_words
                                       for it in seg.items if it.text)
        self.anchor_by_pronoun = bool(robot_items) and all(
            it.payload.form == "pronoun" and it.payload.pronoun in ("it", "they") for it in robot_items)
        self.res.prefer_recent = seg.post_anchor
        if seg.post_anchor and self.current_subject:
            self.res.idle = frozenset(m.key for m in self.current_subject if not self.b.last_tasks([m]))
            # "send truck 1 to rock 1 once it's done": a robot with no step yet is done with nothing
            self.res.idle_not_it = self._its_done(seg)
        per_item: dict[int, tuple[Member, ...]] = {}
        items = list(seg.items)
        for k, it in enumerate(items):
            if k and it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun == "it" \
                    and items[k - 1].kind is ItemKind.VERB and items[k - 1].payload.target == "navigate" \
                    and any(x.kind is ItemKind.ROBOT for x in items[:k - 1]):
                # "until excavator 1 has inspected it": the place just named, not a robot
                items[k] = Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc("pronoun", pronoun="it"), it.text)
            elif k == 0 and self._released_it(seg):
                # "no robot enters rock 2 until it is released": the place kept out, let back
                items[k] = Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc("pronoun", pronoun="it"), it.text)
        if items != list(seg.items):
            seg = dataclasses.replace(seg, items=items)
        it_is_that = False
        try:
            for it in seg.items:
                if it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun == "it" \
                        and not self.res.history and self.last_made:
                    self.use(it)  # "set up the keep-out first. Once it is in place, ...": the step, not a robot
                    it_is_that = True
                    continue
                if it.kind is ItemKind.ROBOT:
                    self.use(it)
                    d_it: RobotDesc = it.payload
                    r = self.it_means if (self.it_means and d_it.form == "pronoun" and d_it.pronoun == "it") \
                        else (seg.post_anchor and self._host_object(d_it)) or self.resolve_robots(it)
                    if r and it is seg.items[0] and d_it.form == "pronoun" and d_it.pronoun in ("it", "they") \
                            and seg.connective_text in self.lex.wait_for_connectives:
                        # "truck 2 waits for it": a robot does not wait for itself (the robot named right before the
                        # connective); "it" is the robot named before that one
                        waiter = frozenset(m.key for m in (self.res.history[-1][0] if self.res.history else ()))
                        if all(m.key in waiter for m in r):
                            r = self.res.last_able(_other_than(waiter), d_it.pronoun == "they") or r
                    if r and seg.post_anchor and d_it.form == "pronoun" and d_it.pronoun in ("it", "they") \
                            and self.anchor_host is not None and _digs_only(seg.items):
                        # "truck 1 is loaded by excavator 1 once it has dug": the truck cannot dig; the loader of
                        # the clause it times can (read as the truck's, every digging said before was waited for).
                        # Not for a loading: "as soon as it's loaded" is the truck's, said in the passive
                        r = self._anchor_doers(seg.items, r)
                    if r and seg.post_anchor and d_it.form == "pronoun" and d_it.pronoun == "it" \
                            and self.anchor_host is not None and self._arrival(seg.items):
                        r = self._arriving(r, seg.items)
                    if r and d_it.form == "type" and d_it.det in ("both", "the") and d_it.plural:
                        r = self._doers_of(seg, d_it.rtype, r)
                    if r and d_it.form == "type" and d_it.det == "all" and not self.b.last_tasks(list(r)):
                        r = self._type_at_work(d_it.rtype) or r
                    if r and d_it.form == "pronoun" and d_it.pronoun in self.lex.anchor_pair_words:
                        r = self._pair_of_event(seg, it, r)
                    elif r and d_it.form == "pronoun" and d_it.pronoun.isdigit():
                        r = self._pair_of_event(seg, it, r, int(d_it.pronoun))  # "the two inspections"
                    if r and (d_it.det == "each" or d_it.pronoun == "each") and _size(r) > 1:
                        self.each_anchor = tuple(r)  # "when each truck gets there": each waits for its own
                    if r is None:
                        fleet = True
                    elif r:
                        per_item[id(it)] = r
                        robots += [m for m in r if m not in robots]
        finally:
            self.res.prefer_recent = False
            self.res.idle = frozenset()
            self.res.idle_not_it = False
        if robots:
            # "truck 3 waits until truck 2 has tipped, and then it ...": the robots waited for are no subject
            # (also "truck 3 waits until ...": the wait said by its connective, wherever the clause stands)
            # ("... and stays till excavator 1 is done, then it ...": a bare "till" said after its clause too)
            waited = (until and (seg.post_anchor or seg.connective_text in self.lex.wait_for_connectives or (
                seg.connective_text in self.lex.until_words and not seg.sentence_start))) \
                or self._subject_goes_on(seg)
            aside = self._times_place_relative(seg)
            self.res.remember(robots, "waited" if waited else "relative" if aside else "anchor")
            self.anchor_robots += tuple(m for m in robots if m not in self.anchor_robots)
        filters: list[tuple[str, frozenset[str]]] = []
        # "once truck 3 has hauled the soil to puddle 1": the load after a verb of carrying, as in a clause of its own
        # (taken for soil 2, the anchor matched the truck's old move there and its haul was lost)
        carrying = any(it.kind is ItemKind.VERB and it.payload.role == "carry" for it in seg.items)
        loads = {id(it) for it in seg.items if carrying and it.kind is ItemKind.OBJECT
                 and (it.payload.form not in ("names", "pronoun", "robot_place")
                      or (it.payload.form == "pronoun" and it.payload.pronoun in ("it", "that")))
                 and self.word_before(it) not in self.lex.place_prepositions}
        for it in seg.items:
            if it.kind is ItemKind.VERB:
                self.use(it)
                v: VerbHit = it.payload
                act = "unload_bucket" if v.role == "passive_load" else v.target
                if act == "navigate" and _goes_home([x for x in seg.items if id(x) not in loads]):
                    act = "return_to_start"  # "once truck 2 has gone back to start": its return, not its last move
                filters.append((act, frozenset()))
            elif it.kind is ItemKind.EVENT:
                self.use(it)
                leave = it.text in self.lex.departure_events
                filters.append(("leave" if leave else it.payload.action, it.payload.verbs))
        if any(f[0] != "any" for f in filters):
            filters = [f for f in filters if f[0] != "any"]  # "have done their checks": the checks, not the latest step
        objs: set[str] = set()
        left = self._places_left(seg, filters)
        named: tuple[str, ...] = ()  # the place the anchor named last
        for it in seg.items:
            if it.kind is ItemKind.OBJECT:
                self.use(it)
                if any(it is o for o in left) or id(it) in loads:
                    continue
                if it.payload.form == "names":
                    named = it.payload.names
                spots = {p for p in (self.loc(m) for m in robots) if p is not None}
                if it.payload.form == "pronoun" and it.payload.pronoun == "there" and named:
                    # "after truck 3 has gone to soil 2 and dumped there": the place the anchor itself named (taken
                    # for where truck 3 stood, the anchor found its old move and its new work was lost)
                    objs |= set(named)
                    continue
                if it.payload.form == "pronoun" and it.payload.pronoun == "there" and spots:
                    objs |= spots  # "if truck 1 gets there first": where truck 1 was sent, not the place said last
                    continue
                objs |= set(self.resolve_objects(it, cargo_ok=True))
        if robots and not filters and self._there_state(seg.items) \
                and all(self.find(m, "navigate", objs) is not None for m in robots):
            filters.append(("navigate", frozenset()))  # "once it is there": its arrival, not its latest step
        self.left_for = self._left_for(seg)
        filled = any(
            (it.kind is ItemKind.VERB and (it.payload.role == "passive_load" or it.payload.target == "unload_bucket")
             and any(w.startswith(("fill", "full")) for w in it.text.split()))
            or (it.kind is ItemKind.EVENT and it.payload.action == "unload_bucket"
                and it.text.startswith(("fill", "full"))) for it in seg.items)
        if filled and not robot_items and objs and any(
                it.kind is ItemKind.OBJECT and it.payload.form != "pronoun" for it in seg.items):
            # "once puddle 1 has been filled", "when both puddles are full": a place is filled by the
            # trucks that tip there, not by an excavator loading a truck
            filters = [("dump", frozenset()) if f[0] == "unload_bucket" else f for f in filters]
        if not filters and any(it.kind is ItemKind.PLACE for it in seg.items):
            filters.append(("return_to_start", frozenset()))  # "once everyone is back at start"
        if fleet and not robots and (not filters or (
                "everything" in marks and all(f == ("any", frozenset()) for f in filters))):
            # "when everything is finished", "once both jobs are done": what is still open
            if not until:
                self.load_before_join(())
                self._tip_hauls_before(seg, ())  # "truck 2 bring it to rock 2. When everything finish, ...": its tip
            return (set() if until else self.b.sinks()), is_par
        found: set[int] = set()
        unmatched = list(filters)
        if robots and any(f[0] == "unload_bucket" for f in filters):
            self.flush_loads(robots, None)  # "once they have loaded the truck": the loading said before, made now
        elif not robots and self.current_subject and any(f[0] in ("unload_bucket", "load") for f in filters):
            self.flush_loads(self.current_subject, None)  # "each truck leaves right after its loading"
        # "when the trucks have unloaded and the keep-out around puddle 2 is in place": a keep-out named by its noun
        # and its place is that keep-out, not one of the robots' own
        named_fence = bool(objs) and any(it.kind is ItemKind.EVENT and it.payload.action in KEEPOUT_ACTIONS
                                         for it in seg.items)
        if robots:
            unmatched = []
            carried = any(it.kind is ItemKind.VERB and it.payload.role == "carry" for it in seg.items)
            served = self._loaded_by_name(seg.items, per_item) or self._loaded_by_agent(seg.items, per_item)
            for f in filters or [("any", frozenset())]:
                if named_fence and f[0] in KEEPOUT_ACTIONS:
                    unmatched.append(f)
                    continue
                hit = False
                for m in robots:
                    t = None
                    if f[0] == "unload_bucket" and served:
                        if m.key in served:
                            continue  # the truck loaded: its loader's step names the loading
                        t = self._loading_of(m, served)
                    if (f[0] == "any" or carried) and m.key in self.pending_dump:
                        # "when both jobs are done", "once the truck has delivered its load": a haul to X
                        # ends with its tipping there
                        got = self.deliver(m)
                        t = got[-1].idx if (got and carried) else None
                    if t is None and f[0] == "unload_bucket" and objs:
                        t = self._loading_at(m, objs)
                    if t is None:
                        t = self.find(m, f[0], objs if f[0] in MOVES or f[0] == "leave" else set(), f[1])
                    if t is None and f[0] == "dump" and (m.key in self.pending_dump or (
                            m.key in self.destination and self.loaded.get(m.key))):
                        got = self.deliver(m)
                        t = got[-1].idx if got else None
                    if t is not None:
                        found.add(t)
                        hit = True
                if not hit:
                    unmatched.append(f)
        for action, verbs in unmatched:
            if action == "any":
                continue
            cands = [d for d in self.b.drafts if d.alive and self._matches(d, action)
                     and (not verbs or any(lemma in verbs for lemma in d.lemma.split("|")))]
            if action == "navigate" and any(it.kind is ItemKind.EVENT and it.text in self.lex.gathering_events
                                            for it in seg.items):
                # "right after the briefing": the move that brought the whole fleet together, not the latest move;
                # with none, a move of two or more robots to one place ("trucks 1 and 2 meet at soil 2"); with
                # neither, the word is left unplaced rather than read as anyone's latest move
                cands = [d for d in cands if d.fleet] or [
                    d for d in cands if len(d.objects) == 1 and sum(m.count for m in d.members) > 1]
                if not cands:
                    # the wait cannot be dropped in silence: the plan would start the step at once
                    said = f"{seg.connective_text} {seg.text}".strip()
                    self.errors.append(f"no gathering was said before {said!r}: which move brought the robots "
                                       f"together? (say where they meet, or name the step to wait for)")
                    for it in seg.items:
                        if it.kind is ItemKind.EVENT and it.text in self.lex.gathering_events:
                            self.used.difference_update(range(it.start, it.end))
            if robots and action in MOVES:
                # "once truck 1 arrives at soil 1" after excavator 1 went there: truck 1's own move, not another
                # robot's to the same place (taken for it, truck 1 never went at all)
                keys = {m.key for m in robots}
                cands = [d for d in cands if keys & {x.key for x in (*d.members, *d.partners)}]
            if not robots and seg.post_anchor and action in ("unload_bucket", "load"):
                cands = self._subject_loadings(cands, self.current_subject)
            placed = [d for d in cands if not objs or action not in _OBJECT_ACTIONS or set(d.objects) & objs]
            # "once the rock is broken and the keep-out is in place": the rock is the digging's place; a
            # keep-out named by its noun alone is the one put up last, wherever it is
            cands = placed or (cands[-self._keepouts_counted(seg):] if cands and action in KEEPOUT_ACTIONS
                               and self.keepout_by_noun(seg) else [])
            if not cands and action == "dump" and self.pending_dump:
                for key, m in list(self.pending_dump.items()):
                    self.pending_dump.pop(key)
                    cands += self.add_skill("dump", [m], (), set(), "deliver")
                    self.loaded[key] = False
            doers = self.capable(self.current_subject or (), action, quiet=True) if self._own_gerund(seg) else []
            if doers:
                # "truck 2 drives to rock 1, where excavator 3 loads it after digging there": the loader's own
                # digging; another excavator's earlier one is not it, and with none it is new work of the subject
                # (a subject that cannot do it waits for everyone's: "truck 2 leaves after digging")
                keys = {m.key for m in doers}
                cands = [d for d in cands if keys & {x.key for x in (*d.members, *d.partners)}]
            if objs and action in _IN_PLACE_ACTIONS:
                # "once the rock is broken up": the digging done at the rock, not every digging
                here = [d for d in cands if any(self.loc(m) in objs for m in d.members)]
                cands = here or self._worked_at_kind(seg, action, cands) or cands
            elif not objs and action == "dig" and self._rock_work_said(seg):
                # "when the breaking is finished": the breaking up of a rock, not the digging at a soil beside it
                pool = set(self.site.objects_by_kind.get(_ROCK_KIND, ()))
                cands = [d for d in cands if any(self.loc(m) in pool for m in d.members)] or cands
            elif not objs and action == "dig" and self._subject_site_dig(seg):
                cands = self._dug_where_subject_is(cands)
            elif not objs and action == "dig" and self.anchor_goals and _one_event(seg):
                # "once the digging is done, both trucks drive to soil 2": the digging there, as when said after
                cands = [d for d in cands if any(self.loc(m) in self.anchor_goals for m in d.members)] or cands
            if not cands and action == "dig":
                self.unmatched_digs.append(f"{seg.connective_text} {seg.text}".strip())
            idxs = {d.idx for d in cands}

            def robots_of(i: int) -> set[str]:
                dr = self.b.drafts[i]
                return {x.key for x in (*dr.members, *dr.partners)}
            # an earlier step stays when a later one does not concern the same robots ("after being
            # loaded": the loading of truck 2 and the one of truck 1 after it are both meant)
            found |= {i for i in idxs
                      if not any(i in self.b.anc[j] and robots_of(i) <= robots_of(j) for j in idxs if j != i)}
        that = [it for it in seg.items if it.kind is ItemKind.OBJECT and it.payload.form == "pronoun"
                and it.payload.pronoun in ("that", "this", "it")]
        only_that = bool(that) and all(it.payload.form == "pronoun" and it.payload.pronoun in ("that", "this")
                                       for it in seg.items if it.kind is ItemKind.OBJECT)
        if robots and self.last_made and seg.items and seg.items[0] is next(iter(that), None) \
                and seg.items[0].payload.pronoun in ("that", "this"):
            # "When that is done and trucks 1 and 3 have finished their inspections": the clause just said as well
            found |= self.b.reduce(self._clause_delivered())
        if not found and not filters and objs and not (only_that and self.last_made and not robots):
            # ("right after that": the clause before, not the last step at the place "that" last named)
            # "once rock 2 is cleared" after a digging there: the digging, the last step done at the place
            cands = [d for d in self.b.drafts if d.alive and (set(d.objects) & objs or (
                d.action in _IN_PLACE_ACTIONS and any(self.loc(m) in objs for m in d.members)))]
            if cands:
                found.add(cands[-1].idx)
        if not found and not robots and objs and filters and all(f[0] == "any" for f in filters) and not that:
            # "when the work at rock 1 is finished": the last step done at that place, a digging there included;
            # "once the work at rock 1 and soil 2 is done": the last step at each of them
            for obj in objs:
                cands = [d for d in self.b.drafts if d.alive and (obj in d.objects or (
                    d.action in _IN_PLACE_ACTIONS and any(self.loc(m) == obj for m in d.members)))]
                if cands:
                    found.add(cands[-1].idx)
        if not found and not robots and (that or it_is_that) and all(f[0] == "any" for f in filters) \
                and self.last_made:
            # "once that is done": what the clause before made
            found = self.b.reduce(self._clause_delivered())
        if not found and not robots and not objs and not fleet and not is_par and not until and self.last_made \
                and self._bare_done(seg):
            # "Once done, dump trucks 1 and 2 go to rock 2": the clause before is done, as "once that is done";
            # read as nothing, the trucks went at once and shared the excavators' move to the rock
            found = self._own_done(seg) or self.b.reduce(self._clause_delivered())
        if not found and robots and not is_par and not until and filters == [("return_to_start", frozenset())] \
                and not any(it.kind is ItemKind.VERB for it in seg.items):
            # "once truck 2 is back at start" before truck 2 was sent back: that return, made here
            back = self.moves(robots, [START], set(), VerbHit("return_to_start", "verb", "back"), False, False)
            found = {d.idx for d in back}
        saved_vocative = self.vocative
        if not found and any(it.kind is ItemKind.VERB for it in seg.items) and not (
                until and seg.post_anchor and any(it.kind is ItemKind.VERB and it.payload.role == "passive_load"
                                                  for it in seg.items)) and not (
                until and self._ordered_later(seg, robots)) and (
                robots or objs or self.current_subject or self.anchor_hint):
            # names work that was not mentioned before: read it as a clause of its own
            before = len(self.b.drafts)
            saved, saved_voc = self.prev, saved_vocative
            for part in _anchor_clauses(seg.items) if robots else [seg.items]:
                who = [m for it in part if it.kind is ItemKind.ROBOT for m in per_item.get(id(it), ())]
                main_items = [it for it in part if it.kind is not ItemKind.ROBOT] if robots else part
                main_seg = Segment(main_items, seg.sentence, None, "", SegmentRole.MAIN, True, True, seg.ended_by)
                if robots:  # "load truck 1 once it arrives": the robots found here, clause by clause
                    chosen = tuple(dict.fromkeys(who)) or tuple(robots)
                    if all(it.payload.form == "pronoun" for it in part if it.kind is ItemKind.ROBOT):
                        chosen = self._anchor_doers(part, chosen)
                    self.vocative = (chosen, False)
                elif self.anchor_hint:
                    self.vocative = (self.anchor_hint, False)
                elif (fence := self._lifted_by_noun(seg, filters)) is not None:
                    # "once the keep-out is lifted": its lifting is for the robots it holds, not the clause's
                    self.vocative = (None if fence.fleet else tuple(fence.members), False)
                    self.main(main_seg, self._fence_end(fence.idx) or self.b.reduce(
                        {i for i in self.last_made if self.b.drafts[i].alive}), None, False)
                    continue
                elif self.current_subject is not None:
                    # "goes to soil 2 after passing by rock 1"
                    self.vocative = (self._anchor_doers(part, self.current_subject), False)
                self.main(main_seg, set(), None, False)
            self.prev, self.vocative = saved, saved_voc
            for m in robots if carrying else ():
                if m.key in self.pending_dump:
                    self.deliver(m)  # "once truck 3 has hauled the soil to puddle 1": delivered, so tipped (rule 23)
            made = {d.idx for d in self.b.drafts[before:] if d.alive}
            found = set() if is_par else made
        if not found and not robots and all(f[0] == "any" for f in filters) and not objs and not is_par \
                and not until and not fleet and self.b.drafts and any(it.kind is ItemKind.WORD for it in seg.items) \
                and all(it.kind in (ItemKind.WORD, ItemKind.CONNECTIVE, ItemKind.PUNCT)
                        or (it.kind is ItemKind.EVENT and it.payload.action == "any") for it in seg.items):
            # "after the sweep", "after lunch", "once the sweep is over": an event named by a word we do not
            # know is what was said before it; wait for all of that rather than for nothing (a haul's tipping too)
            self._tip_hauls_before(seg, ())
            found = set(self.b.sinks())
        if not found and not robots and not fleet and objs and not filters and not is_par and not until \
                and not (that or it_is_that):
            # "once rock 2 is cleared, ..." with no step at rock 2: dropped, the step started at once
            said = f"{seg.connective_text} {seg.text}".strip()
            self.errors.append(f"{said!r} waits for something that no step said before it does (say which robot "
                               f"does it first, or which step to wait for)")
        if robots and not until and not is_par and _rest_of_the_work(seg.items):
            # "when truck 1 has dumped and everything else is finished": the named deed and all other open work;
            # with the robot's deed alone, a step that waits for nothing else (a keep-out) was not waited for
            self.load_before_join(())
            found |= self.b.sinks()
        if until:  # "keep clear of X until the truck has dumped": the end of a duration, not a start
            for it in seg.items:
                self.use(it)
            self.until_found = (seg.sentence, found)  # "... until X, and only then Y": Y waits for X
            if not found and self._ordered_later(seg, robots):
                self.until_later = (seg.sentence, frozenset(m.key for m in robots), frozenset(
                    it.payload.target for it in seg.items if it.kind is ItemKind.VERB))
                self.stay_said = (*self.until_later, frozenset(objs), f"{seg.connective_text} {seg.text}".strip())
            elif not found and not robots and not fleet and (later := self._work_ordered_later(seg, filters)):
                self.until_later = (seg.sentence, frozenset(), later)
            return set(), False
        return found, is_par

    def _lifted_by_noun(self, seg: Segment, filters: Sequence[tuple[str, frozenset[str]]]) -> Draft | None:
        """"Once the keep-out is lifted, both trucks go to soil 1" with no lifting made before: the keep-out put up
        last (named by its noun alone), whose lifting the anchor says. Read as the clause's robots' lifting, it was
        for the excavator named last, and the trucks stayed kept out."""
        nouns = self.lex.keepout_noun_index
        if seg.has(ItemKind.ROBOT) or not filters or any(f[0] != "remove_keepout" for f in filters) \
                or not (self.keepout_by_noun(seg) or any(it.kind is ItemKind.MARK and it.payload == "filler"
                                                         and nouns.match(it.text.split(), 0) is not None
                                                         for it in seg.items)):
            return None
        return next((d for d in reversed(self.b.drafts) if d.alive and d.action == "add_keepout"), None)

    def _fence_end(self, idx: int) -> set[int]:
        """What the keep-out ``idx`` said it holds until ("avoid puddle 1 until excavator 1 has dug"), when that is
        made by now; else nothing (the lifting then follows the clause said before, as it did read as that clause's
        robots' lifting)."""
        for k, ends in self.until_keepouts + self._pending_until_ends():
            if k == idx:
                return {self.b.current(e) for e in ends}
        return set()

    def _pending_until_ends(self) -> list[tuple[int, frozenset[int]]]:
        """The keep-outs "until X" whose X a later sentence ordered, each with the first step of X's robots and action
        made after its sentence (rules/untillifts lifts them there)."""
        out: list[tuple[int, frozenset[int]]] = []
        for idx, sentence, robots, actions, places in self.until_pending:
            ends = [d for d in self.b.drafts if d.alive and d.action in actions
                    and robots & {m.key for m in d.members} and self.draft_sentence.get(d.idx, -1) > sentence]
            if not robots:
                # "until the digging (there) is finished", the digging said later: the first one at the place
                where = places or frozenset(self.b.drafts[idx].objects)
                ends = [d for d in self.b.drafts if d.alive and d.action in actions
                        and self.draft_sentence.get(d.idx, -1) > sentence and self._done_at(d) & where]
                places = frozenset()
            # "until truck 1 has checked both rocks": the first step at each place X names, not the first alone
            at = [next((d.idx for d in ends if p in d.objects), None) for p in sorted(places)]
            if len(places) > 1 and all(i is not None for i in at):
                out.append((idx, frozenset(i for i in at if i is not None)))
            elif ends:
                out.append((idx, frozenset({ends[0].idx})))
        return out

    def _done_at(self, d: Draft) -> frozenset[str]:
        """Where the step ``d`` is done: its place, or for work in place (a digging) the place its robots' last
        move before it went to."""
        if d.objects:
            return frozenset(d.objects)
        keys = {m.key for m in d.members}
        moves = [a for a in sorted(self.b.anc[d.idx]) if self.b.drafts[a].alive and self.b.drafts[a].action in MOVES
                 and keys & {m.key for m in self.b.drafts[a].members}]
        return frozenset(self.b.drafts[moves[-1]].objects) if moves else frozenset()

    def _work_ordered_later(self, seg: Segment, filters: Sequence[tuple[str, frozenset[str]]]) -> frozenset[str]:
        """The work a robotless "until" anchor names ("until the digging is finished") when a later sentence orders
        it ("Excavator 2 digs at soil 2"): that step ends the keep-out, as a named robot's deed said later does."""
        actions = {f[0] for f in filters} - {"any"}
        later = any(s.sentence > seg.sentence and s.role is SegmentRole.MAIN and any(
            it.kind is ItemKind.VERB and it.payload.target in actions for it in s.items) for s in self.later_all)
        return frozenset(actions) if later else frozenset()

    def _until_places(self, post: Segment, keepout: Draft) -> frozenset[str]:
        """The places the "until" clause ``post`` names: by name, or by a plural of their kind ("both rocks", "the
        rocks"), which means the keep-out's places of that kind, or by a pronoun for a list ("both", "them"), which
        means the keep-out's places."""
        out: set[str] = set()
        for it in post.items:
            if it.kind is not ItemKind.OBJECT:
                continue
            o = it.payload
            if o.form == "names":
                out |= set(o.names)
            elif o.form == "kind" and o.plural:
                out |= {n for n in keepout.objects if self.site.object_kind.get(n) == o.kind}
            elif o.form == "pronoun" and (o.pronoun == "them" or o.pronoun in self.lex.place_list_pronouns) \
                    and len(keepout.objects) > 1:
                out |= set(keepout.objects)  # "... from soil 1 and soil 2 until excavator 1 has inspected both"
        return frozenset(out)

    def _ordered_later(self, seg: Segment, robots: Sequence[Member]) -> bool:
        """"Keep all trucks away from rock 2 until excavator 3 has broken it up. Excavator 3 goes to rock 2 and breaks
        it up.": the deed that ends a keep-out is ordered in a later sentence (its robot named by number there with a
        verb of the same action). Made here as well, excavator 3 broke the rock up twice, first where it stood."""
        ids = {m.key for m in robots if not m.is_group}
        # "nobody drives through puddle 2 until *the trucks* have dumped. ... trucks 1 and 2 dump at obstacle 1": the
        # trucks named later; made here, they dumped at the start, before they were loaded
        ids |= {r for m in robots if m.is_group for r in (*self.site.robots_by_type.get(m.rtype, ()), m.rtype)}
        actions = {it.payload.target for it in seg.items if it.kind is ItemKind.VERB}
        doers: set[str] = set()
        sentence = seg.sentence
        for s in self.later_all:
            if s.sentence <= seg.sentence or s.role is not SegmentRole.MAIN:
                continue
            named = {i for it in s.items if it.kind is ItemKind.ROBOT and it.payload.form == "ids"
                     for i in it.payload.ids} | {it.payload.rtype for it in s.items if it.kind is ItemKind.ROBOT
                                                 and it.payload.form == "type" and it.payload.plural}
            if named or s.sentence != sentence or s.has(ItemKind.ROBOT):
                # "Truck 1 then dumps at obstacle 1": the verb after "then" is a clause apart that goes on with the
                # robot named before it in its sentence
                doers = named
            sentence = s.sentence
            if ids & doers and any(it.kind is ItemKind.VERB and it.payload.target in actions for it in s.items):
                return True
        return False

    def _goal_doers_left(self, sentence: int) -> bool:
        """Whether ``sentence`` names a robot by number that no later sentence names again ("Objective: soil 1 is to be
        excavated by excavators 1 and 2 ... Truck 2 is to ...": the work of the excavators is said only there, so
        the sentence gives orders; read as a summary, their digging and loading were dropped without a word)."""
        here = named_ids(self._sentence_items(sentence))
        return not here <= named_ids(it for s in self.later_all if s.sentence > sentence for it in s.items)

    def _robot_named_beyond(self, sentence: int, later: bool) -> bool:
        """Whether a robot is named in a sentence after ``sentence`` (``later``) or before it."""
        return any(it.kind is ItemKind.ROBOT for s in self.later_all
                   if (s.sentence > sentence if later else s.sentence < sentence) for it in s.items)

    def _its_done(self, seg: Segment) -> bool:
        """The anchor is a pronoun, a copula and a word of completion only ("once it's done", "when it is finished";
        also "once it has finished", "when it's all done": lexicon ``its_done_fillers``)."""
        said = [it for it in seg.items if it.kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE)
                and not (it.kind is ItemKind.WORD and (it.text in self.lex.existential_copulas
                                                       or it.text in self.lex.its_done_fillers))]
        return len(said) == 2 and said[0].kind is ItemKind.ROBOT and said[0].payload.form == "pronoun" \
            and said[1].kind is ItemKind.EVENT and said[1].text in self.lex.bare_done_events

    def _own_done(self, seg: Segment) -> set[int]:
        """The subject's own last steps, for a bare "when done" that closes its clause ("excavator 2 goes home when
        done": excavator 2 is done, as with "when it is done"); read as the clause said before, the return also
        waited for another robot's step. Empty when the anchor opens its clause or the subject has no step yet."""
        if not seg.post_anchor or not self.current_subject:
            return set()
        return self.b.last_tasks(self.current_subject)

    def _bare_done(self, seg: Segment) -> bool:
        """The anchor is only a word of completion (lexicon ``bare_done_events``: "once done", "when finished")."""
        said = [it for it in seg.items if it.kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE)]
        return len(said) == 1 and said[0].kind is ItemKind.EVENT and said[0].text in self.lex.bare_done_events

    @staticmethod
    def _subject_loadings(cands: list[Draft], trucks: Sequence[Member] | None) -> list[Draft]:
        """"Truck 2 goes to rock 2 after the loading", said after a clause of trucks (``trucks``, its subject) with
        no robot in the anchor: the loadings of those trucks (the excavator's, or a truck's own loading step), not
        another truck's loading step said after theirs. Read as every loading, truck 2 waited for truck 1's own
        loading routine. Not said before the clause ("After its loading step, truck 2 ... and truck 3 ..."): the
        anchor may time the clauses of other trucks after it."""
        if not trucks or any(m.rtype != "dump_truck" for m in trucks):
            return cands
        keys = {m.key for m in trucks}
        return [d for d in cands if keys & {x.key for x in (*d.members, *d.partners)}] or cands

    @staticmethod
    def _matches(d: Draft, action: str) -> bool:
        if action == "any":
            return True
        if action in ("unload_bucket", "load"):
            # "right after its own loading": the truck's loading is the excavator's, unless it had its own step
            return d.action in ("unload_bucket", "load")
        if action == "leave":
            return d.action in MOVES
        return d.action == action

    @staticmethod
    def _loaded_by_name(items: Sequence[Item], per_item: dict[int, tuple[Member, ...]]) -> set[str]:
        """"As soon as excavator 2 has loaded truck 1": the robots loaded, after an active loading verb that a robot
        said before it does (empty when the anchor says no loader)."""
        k = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload.role == "verb"
                  and it.payload.target == "unload_bucket"), None)
        if k is None or not any(it.kind is ItemKind.ROBOT and id(it) in per_item for it in items[:k]):
            return set()
        return {m.key for it in items[k + 1:] if it.kind is ItemKind.ROBOT for m in per_item.get(id(it), ())}

    def _loaded_by_agent(self, items: Sequence[Item], per_item: dict[int, tuple[Member, ...]]) -> set[str]:
        """"As soon as truck 2 has been loaded by excavator 2": the robots loaded, before a passive loading verb
        with a robot after its agent word (lexicon ``passive_agent_words``) as its loader; as with an active
        loading, the anchor is that loader's loading of them, not the trucks' latest loading by another excavator
        (empty when the anchor says no loader)."""
        v = next((k for k, it in enumerate(items) if it.kind is ItemKind.VERB and it.payload.role == "passive_load"),
                 None)
        if v is None or not any(a.kind is ItemKind.WORD and a.text in self.lex.passive_agent_words
                                and b.kind is ItemKind.ROBOT and id(b) in per_item
                                for a, b in zip(items[v + 1:], items[v + 2:])):
            return set()
        return {m.key for it in items[:v] if it.kind is ItemKind.ROBOT for m in per_item.get(id(it), ())}

    def _loading_of(self, m: Member, served: set[str]) -> int | None:
        """The latest loading by ``m`` of one of the robots ``served``: "once excavator 2 has loaded truck 1" is
        that loading, not truck 1's latest loading by another excavator (excavator 3 loaded it after)."""
        for d in reversed(self.b.drafts):
            if d.alive and self._matches(d, "unload_bucket") and any(x.key == m.key for x in d.members) \
                    and any(x.key in served for x in d.partners):
                return d.idx
        return None

    def _loading_at(self, m: Member, objs: set[str]) -> int | None:
        """"As soon as truck 3 has been loaded at rock 1" after it was loaded at rock 1 and then at rock 2: the
        latest loading of ``m`` made where ``m`` (or, with no move of its own, its loader) last went before it, at
        one of ``objs``. A loading names no place of its own, so the place was dropped and the anchor waited for the
        truck's latest loading (at rock 2). None when no loading of ``m`` was made there."""
        for d in reversed(self.b.drafts):
            if not (d.alive and self._matches(d, "unload_bucket")
                    and any(x.key == m.key for x in (*d.members, *d.partners))):
                continue
            moves = [self.b.drafts[a] for a in sorted(self.b.anc[d.idx]) if self.b.drafts[a].alive
                     and self.b.drafts[a].action in MOVES]
            own = [a for a in moves if any(x.key == m.key for x in (*a.members, *a.partners))]
            loader = [a for a in moves if {x.key for x in a.members} & {x.key for x in d.members}]
            went = (own or loader)[-1:]
            if went and set(went[0].objects) & objs:
                return d.idx
        return None

    def find(self, m: Member, action: str, objs: set[str], verbs: frozenset[str] = frozenset()) -> int | None:
        if action == "leave":
            return self._departure(m, objs)
        if verbs:  # "when truck 2 has done its check": the step said with a checking verb, not its latest move
            for d in reversed(self.b.drafts):
                if d.alive and any(x.key == m.key for x in (*d.members, *d.partners)) and self._matches(d, action) \
                        and any(lemma in verbs for lemma in d.lemma.split("|")) \
                        and (not objs or set(d.objects) & objs):
                    return d.idx
        for d in reversed(self.b.drafts):
            if not d.alive:
                continue
            involved = any(x.key == m.key for x in d.members) or any(x.key == m.key for x in d.partners) or (
                d.fleet and d.action in MOVES)
            if not involved or not self._matches(d, action) or (self.loader_deed and d.action == "load"):
                continue
            if objs and not (set(d.objects) & objs):
                continue
            return d.idx
        return None
