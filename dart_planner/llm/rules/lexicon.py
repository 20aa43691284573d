"""The rules planner's vocabulary, read from ``config/lexicon.yaml``.

All English lives in the YAML file; this module only checks it and indexes it for fast
longest-match look-ups (:class:`PhraseIndex`), so planning stays well under a millisecond.

Example
-------
>>> lex = load_lexicon()
>>> lex.number("three"), lex.connective_index.match(["after", "that", "x"], 0)
(3, (2, 'sequence'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from ...core.config_reader import ConfigReader, load_yaml
from ...core.fleet import SkillAction
from ...resources import config_path

__all__ = [
    "PhraseIndex",
    "EventSpec",
    "Lexicon",
    "load_lexicon",
    "lexicon_from_dict",
    "default_lexicon_path",
    "tokenize_phrase",
]

V = TypeVar("V")
_WORD = re.compile(r"[a-z0-9_']+|\*")


def _one_word(words: tuple[str, ...]) -> bool:
    """One word, or one with "'s" (a spelling's "that's" for "thats": the text splits it so too)."""
    return len(words) == 1 or (len(words) == 2 and words[1] == "'s")


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """Words of a lexicon phrase, split like instruction text (hyphens separate words, "that's"
    is "that 's", "let's" is "lets_us"), so a phrase matches the text it is written like."""
    out: list[str] = []
    for w in _WORD.findall(phrase.lower().replace("-", " ").replace("\u2019", "'")):
        if w == "let's":
            out.append("lets_us")
        elif w.endswith("'s") and len(w) > 2:
            out += [w[:-2], "'s"]
        elif "'" in w and not w.endswith("n't") and not w.startswith("'"):
            stem, _, suffix = w.partition("'")
            out += [stem, "'" + suffix]
        else:
            out.append(w)
    return tuple(out)


class PhraseIndex(Generic[V]):
    """Longest-match look-up of word sequences; ``*`` in a phrase matches any one word.

    Phrases are grouped by first word, longest first, so a match costs a dict look-up and a
    few tuple comparisons.
    """

    def __init__(self, entries: Iterable[tuple[str, V]]):
        by_first: dict[str, list[tuple[list[str], V, bool]]] = {}
        for phrase, value in entries:
            words = tokenize_phrase(phrase)
            if words:
                by_first.setdefault(words[0], []).append((list(words), value, "*" in words))
        for lst in by_first.values():
            lst.sort(key=lambda e: -len(e[0]))
        self._by_first = by_first

    def match(self, words: Sequence[str], i: int) -> tuple[int, V] | None:
        """``(length, value)`` of the longest phrase starting at ``words[i]``, or None."""
        cands = self._by_first.get(words[i])
        if not cands:
            return None
        n = len(words)
        for phrase, value, star in cands:
            k = len(phrase)
            if i + k > n:
                continue
            tail = words[i + 1:i + k]
            if k == 1 or (not star and (tail if type(tail) is list else list(tail)) == phrase[1:]) or (
                    star and all(p == "*" or p == words[i + j] for j, p in enumerate(phrase))):
                return k, value
        return None

    def __contains__(self, word: object) -> bool:
        return word in self._by_first

    @classmethod
    def merged(cls, parts: Iterable[tuple[PhraseIndex[Any], V]]) -> PhraseIndex[V]:
        """One index over several, each phrase valued by its part's tag (longest phrase wins;
        among equally long ones, the earlier part)."""
        out: PhraseIndex[V] = cls(())
        for index, tag in parts:
            for first, lst in index._by_first.items():
                out._by_first.setdefault(first, []).extend((p, tag, star) for p, _, star in lst)
        for lst in out._by_first.values():
            lst.sort(key=lambda e: -len(e[0]))
        return out

    @property
    def first_words(self) -> frozenset[str]:
        return frozenset(self._by_first)


@dataclass(frozen=True)
class EventSpec:
    """What an anchor noun or state word points at (``digging`` -> dig)."""

    action: str
    verbs: frozenset[str] = frozenset()
    count: int = 0
    """How many of the steps a counted noun names ("once *both* keep-outs are in place": 2); 0 when not counted."""


_CONNECTIVE_KINDS = ("sequence", "parallel", "anchor", "final", "first")
_ACTIONS = {a.value for a in SkillAction}


def _context_words() -> Any:
    """Mark a field as a word list of ``config/lexicon.yaml``'s context section: the loader fills every field so
    marked from the key of the same name, so a new list needs its field here and its words in the file, nothing
    else."""
    return field(default=frozenset(), metadata={"context": True})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Checked, indexed vocabulary (see ``config/lexicon.yaml`` for what each part means)."""

    connective_index: PhraseIndex[str]
    verb_index: PhraseIndex[tuple[str, str]]
    """phrase -> (action or skill name, role) with role ``verb``, ``carry`` or ``passive_load``."""
    duration_index: PhraseIndex[bool]
    causatives: frozenset[str]
    permission_words: frozenset[str]
    permission_motion: PhraseIndex[bool]
    again_words: PhraseIndex[bool]
    negation_index: PhraseIndex[bool]
    distributive_index: PhraseIndex[bool]
    in_place_index: PhraseIndex[bool]
    already_index: PhraseIndex[bool]
    cargo: frozenset[str]
    purpose_skip_index: PhraseIndex[bool]
    ignore_index: PhraseIndex[bool]
    start_index: PhraseIndex[bool]
    event_index: PhraseIndex[EventSpec]
    everything_index: PhraseIndex[bool]
    robot_type_names: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    fleet_index: PhraseIndex[bool]
    other_robots_index: PhraseIndex[bool]
    robot_pronoun_index: PhraseIndex[str]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    quantity_index: PhraseIndex[int]
    universal_index: PhraseIndex[bool]
    another_index: PhraseIndex[bool]
    other_index: PhraseIndex[bool]
    """"the other truck": the rest of a pair or set just named (else a separate group)."""
    remaining_index: PhraseIndex[bool]
    object_kind_names: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    object_pronoun_index: PhraseIndex[bool]
    fillers: frozenset[str]
    list_words: frozenset[str] = frozenset()
    """"step 2:", "stage 3": words that number the items of a list."""
    step_ref_together: frozenset[str] = frozenset()
    """Words that make "step N" mean "when step N starts" ("starting together with step 4")."""
    number_prefixes: frozenset[str] = frozenset()
    split_keepout_verbs: frozenset[str] = frozenset()
    split_keepout_particles: frozenset[str] = frozenset()
    keepout_noun_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    filler_phrase_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    """Phrases that say nothing to plan ("by itself", "on arrival"): used up, no item."""
    robot_place_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    immediate_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    repeat_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    same_robots_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    """"The same robots": in a keep-out clause, the robots of the keep-out before on that place."""
    state_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    except_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    in_order_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    goal_words: frozenset[str] = frozenset()
    """Words that make a route a job to be spelled out ("some trucks *need to* ferry ..."): the lexicon's
    ``title_verbs`` and ``goal_nouns`` (one list of each, so a goal noun added once serves every reader)."""
    noun_modifiers: frozenset[str] = frozenset()
    """Adjectives between a determiner and a noun that is also a verb ("its current load")."""
    selection_words: frozenset[str] = frozenset()
    """Verbs that cast robots for a job ("Choose one excavator to dig and one truck to haul.")."""
    remark_openers: frozenset[str] = frozenset()
    """First words of a sentence that talks about the job ("We have one dig-and-haul job today.")."""
    opener_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    """Phrases that mean "first" only when they open a sentence before a comma ("To start, ...")."""
    closer_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()))
    """Phrases that mean "finally" only when they open a sentence before a comma ("To finish, ...")."""
    partner_nouns: frozenset[str] = frozenset()
    pair_negations: frozenset[str] = frozenset()
    """Negations that speak of each of two robots ("neither truck" = both trucks, each kept out)."""
    group_nouns: frozenset[str] = frozenset()
    """Nouns that name a group of robots defined in the text ("crew one, excavator 1 with truck 2")."""
    together_words: frozenset[str] = frozenset()
    """Words and movement verbs that send several robots as one ("drive together", "meet at soil 2")."""
    light_verbs: frozenset[str] = frozenset()
    """Verbs that, with an article, make an event noun the robot's action ("does a check")."""
    purpose_steps: frozenset[str] = frozenset()
    """Purpose phrases after which a robot's own work is the next step ("so that excavator 1 can load it")."""
    digger_nouns: frozenset[str] = frozenset()
    """Plural role nouns for the robots that did the latest digging ("the diggers load truck 1")."""
    repeat_adverbs: frozenset[str] = frozenset()
    """Repeat phrases that are adverbs: with a verb of their own in the clause they mean "too" ("excavator 3
    likewise heads to rock 2"), not "redo the steps before"."""
    repeat_partner_words: frozenset[str] = frozenset()
    """Words before a robot in a repeat that make it the partner swapped in ("does the same at soil 2 *with*
    truck 2"), not one of the robots that redo the steps."""
    stationary: frozenset[str] = frozenset()
    """Verb phrases that keep a robot where it is ("stays at base")."""
    follow_verbs: frozenset[str] = frozenset()
    """Motion verbs whose robot object goes first ("excavator 1 follows truck 1 to rock 1")."""
    pairwise: frozenset[str] = frozenset()
    """Distributive phrases that pair robots with places in order ("respectively", "one each")."""
    join_verbs: frozenset[str] = frozenset()
    """Motion verbs whose robot object stands for its place ("truck 2 joins excavator 2")."""
    filled_up_verbs: frozenset[str] = _context_words()
    rock_work_events: frozenset[str] = _context_words()
    """Loading phrases read of the truck ("truck 1 fills up") that, with a truck right after them and a robot of
    another type before, are the loader's ("excavator 1 fills up truck 1")."""
    loaded_words: frozenset[str] = _context_words()
    """Words that make "the truck" the one loaded so far ("the loaded truck", "the full truck")."""
    split_keepout_list_words: frozenset[str] = _context_words()
    """Words inside the robot list of a split keep-out verb ("keep everyone *except* truck 2 *and* truck 1 away")."""
    empty_words: frozenset[str] = _context_words()
    """Adjectives that make "the truck" the one not loaded ("the *empty* truck")."""
    distributive_determiners: frozenset[str] = _context_words()
    """Universal determiners that speak of each robot ("*each of the* trucks"): the robots spoken of, as "each truck"
    is, not every robot of the type."""
    counted_another_words: frozenset[str] = _context_words()
    """Words between a count and a robot noun that make the robots a separate group of that many ("two *more*
    trucks", "two *additional* excavators"), as "another two trucks" does."""
    another_thing_nouns: frozenset[str] = _context_words()
    """Nouns of a thing that a bare "another" after them stands for ("a load at soil 1, then another at soil 2")."""
    keepout_reference_nouns: frozenset[str] = _context_words()
    """Words that make an object pronoun the place of the latest keep-out ("lift that keep-out"), which may not be
    the place named last."""
    loaded_quantifiers: frozenset[str] = _context_words()
    """Whole phrases before "loaded truck(s)" that mean every truck loaded so far ("each", "all the")."""
    deed_auxiliaries: frozenset[str] = _context_words()
    loaded_last_words: frozenset[str] = _context_words()
    """Words between a relative pronoun and its verb ("the truck that has already inspected ...")."""
    deed_work_words: frozenset[str] = _context_words()
    """Verbs of a deed of any kind ("everyone who worked"): every robot with a step said before."""
    frame_work_words: frozenset[str] = _context_words()
    final_markers: frozenset[str] = _context_words()
    another_load_leads: frozenset[str] = _context_words()
    """What robots do in a "while" clause that only times another ("while the trucks work"): no step of theirs."""
    deed_job_phrases: frozenset[str] = _context_words()
    """Phrases of the work done ("the truck that did the job"): every robot with a step beyond a move said before."""
    state_time_asides: frozenset[str] = _context_words()
    """"by then" of "the truck, which by then is waiting at obstacle 2": when it stands there, no sequence."""
    frame_passive_words: frozenset[str] = _context_words()
    """"is being" of "while the rock is being broken up": a place worked on times the clause before, no step."""
    deed_negations: frozenset[str] = _context_words()
    """Words that deny the deed ("the robots that did not dump"): the robots that did not do it."""
    aside_relatives: frozenset[str] = _context_words()
    """Words that open a remark about the robot just named ("the one parked ...", "whichever is free")."""
    aside_modals: frozenset[str] = _context_words()
    """Words that may stand between a robot's aside and its verb ("truck 1, the hauler, should go")."""
    arrow_auxiliaries: frozenset[str] = _context_words()
    """Words between a robot and its participle before an arrow ("truck 1 has finished ->")."""
    group_link_words: frozenset[str] = _context_words()
    """Words that link a group's name to its robots ("crew one is made up of ...")."""
    group_list_joins: frozenset[str] = _context_words()
    """Words that join the robots listed for a group ("excavator 2 plus truck 3")."""
    group_alone_words: frozenset[str] = _context_words()
    """Words after a group's robot list that end it ("truck 1 alone", "on its own")."""
    light_verb_articles: frozenset[str] = _context_words()
    """Articles between a light verb and its event noun ("does a check")."""
    light_verb_leads: frozenset[str] = _context_words()
    """What may stand right before a light verb besides its robot ("truck 3 will do a check")."""
    dig_manner_words: frozenset[str] = _context_words()
    """Words before a digging that says how a place is removed ("removes it *by* digging"): the removal is the dig."""
    report_auxiliaries: frozenset[str] = _context_words()
    """Perfect auxiliaries that make a robot's clause a report of what it has done ("truck 2 has just
    finished checking puddle 1"): the robot is there now, nothing is to be done."""
    place_done_auxiliaries: frozenset[str] = _context_words()
    unneeded_phrases: frozenset[str] = _context_words()
    unneeded_robot_phrases: frozenset[str] = _context_words()
    keepout_persist_words: frozenset[str] = _context_words()
    """Verbs that say a keep-out already in place stays ("the keep-out on puddle 1 stays until ..."): no step."""
    loader_role_leads: frozenset[str] = _context_words()
    """Words that stand for "the" before a truck told by its loader ("*whichever* truck excavator 1 loads")."""
    leftover_leads: frozenset[str] = _context_words()
    """Words before a robot noun that, with words of being left over after it, mean "the remaining" ("*whichever*
    truck is left")."""
    leftover_after_lead: frozenset[str] = _context_words()
    """Those words after the noun of a lead ("whichever truck *is left*")."""
    leftover_after_the: frozenset[str] = _context_words()
    """Those words after "the" and the noun ("the truck *that is left*"; a bare "is left" there says where it stays)."""
    keepout_still_words: frozenset[str] = _context_words()
    """Words right before a keep-out verb said of a place that say it stays so ("puddle 1 is *still* closed")."""
    thing_copulas: frozenset[str] = _context_words()
    """Forms of "be" that, after a word we do not know, say how a thing is ("blasting is planned at rock 2")."""
    state_copulas: frozenset[str] = _context_words()
    thing_state_verbs: frozenset[str] = _context_words()
    """Movement phrases that, after people named by an article and a word that is no robot ("the surveyors *are at*
    rock 1", "a survey team *will be at* rock 1"), say where those people are: no step (rules/states.py)."""
    """Movement phrases that, said in the present right after their robot, state where it stands ("Excavator 2
    is at base."): no step, unlike "should be at rock 1 by noon"."""
    report_fillers: frozenset[str] = _context_words()
    """Words that may stand between a report's auxiliary and its verb ("has just finished checking")."""
    report_time_words: frozenset[str] = _context_words()
    report_past_forms: frozenset[str] = _context_words()
    passive_auxiliaries: frozenset[str] = _context_words()
    """Forms of "be" right before a carry verb that make a robot its object, not its doer ("truck 1 is to be
    brought to rock 1": it is moved there, it carries nothing)."""
    title_skip_words: frozenset[str] = _context_words()
    """Words passed over at the start of a title sentence ("Today's main job is ...:")."""
    title_verbs: frozenset[str] = _context_words()
    """Goal words that are verbs: a sentence opening with one is no title ("We need ...:")."""
    title_copulas: frozenset[str] = _context_words()
    """Words after a title's goal noun that make it a title ("The goal is ...:"); ":" stays in code."""
    casting_need_words: frozenset[str] = _context_words()
    """Words of need that make a purpose sentence cast robots ("To fill puddle 1 we need one digger")."""
    sole_leads: frozenset[str] = _context_words()
    """Words before named robots that grant a permission to them alone ("*only* excavator 3 may enter rock 1")."""
    sole_after_words: frozenset[str] = _context_words()
    """Words after named robots that do the same ("excavator 3 *alone* may go near rock 1")."""
    sole_copulas: frozenset[str] = _context_words()
    sole_nouns: frozenset[str] = _context_words()
    """"excavator 3 *is* the only *one* allowed near rock 1": the copula and the noun after "the only"."""
    role_statement_leads: frozenset[str] = _context_words()
    """First words after a robot that may open a role statement ("Excavator 3 is the only one digging")."""
    place_need_leads: frozenset[str] = _context_words()
    """Words between a robot and its need of a place ("Dump truck 3 will still need puddle 2")."""
    place_need_words: frozenset[str] = _context_words()
    """Verbs of a robot needing a place, which say why a keep-out spares it ("truck 3 needs puddle 2")."""
    expletive_copulas: frozenset[str] = _context_words()
    """Forms of "be" after an "it" that stands for no robot ("It's a hauling day.")."""
    goal_people: frozenset[str] = _context_words()
    """People who open a robotless sentence that states the job ("today we move ...")."""
    goal_need_words: frozenset[str] = _context_words()
    """Words of need that make a robotless sentence the job's goal ("Puddle 2 needs filling ...")."""
    goal_vessel_prepositions: frozenset[str] = _context_words()
    """Prepositions before the robots of a person's need that hold its cargo ("we need soil 2 loaded *into* two
    trucks"): those robots are where the work ends, not who does it."""
    help_requests: frozenset[str] = _context_words()
    """Requests for help that make a robotless sentence the job's goal, not an order with no robot."""
    goal_wish_words: frozenset[str] = _context_words()
    """A person's wish ("I'd *like* ...") that, like a need, states the job when the steps are spelled out after it."""
    goal_request_leads: frozenset[str] = _context_words()
    """Openings of a request to the reader ("*could you* have ...") that state the job spelled out after them."""
    report_verbs: frozenset[str] = _context_words()
    """Words of a people's report that make a robotless first clause the job's reason, not an order."""
    cargo_goal_determiners: frozenset[str] = _context_words()
    """Words before the cargo noun of a cargo goal ("The rubble at rock 2 needs hauling ...")."""
    goal_cargo_prepositions: frozenset[str] = _context_words()
    """Words before a pronoun in a goal that make it what the goal moves, not a robot."""
    goal_crew_prepositions: frozenset[str] = _context_words()
    """Words before unnamed robots in a goal that make them the crew it needs, not the doers of an order."""
    goal_heading_prepositions: frozenset[str] = _context_words()
    """Words before robots in a heading a goal noun opens that make them whom the plan is for, not doers."""
    greeting_words: frozenset[str] = _context_words()
    """Words of a greeting that make a fleet noun after them the one addressed, not a subject."""
    alert_openers: frozenset[str] = _context_words()
    """Calls for attention that open a sentence before a comma: read as words of the message, "heads" is a trip."""
    greeting_addressees: frozenset[str] = _context_words()
    """The people a greeting names before its comma ("hey *everyone*, heads up: ..."; rules/mentions.py)."""
    bare_load_phrases: frozenset[str] = _context_words()
    """A truck's taking of a load that, with no loader in the text, still says where it goes."""
    passive_load_heads: frozenset[str] = _context_words()
    """First words of the passive forms of loading ("gets loaded", "is to be filled")."""
    before_any_quantifiers: frozenset[str] = _context_words()
    """Quantifiers of a deed after "before" that name no robot ("before any loading")."""
    before_any_connectives: frozenset[str] = _context_words()
    """Connectives that, with a quantifier and a deed, cut off "before any loading"."""
    before_that_openers: frozenset[str] = _context_words()
    """"first" phrases that, opening the next sentence, put it before the one before ("Before that, ...")."""
    before_all_said: frozenset[str] = _context_words()
    """"first" phrases that, in a later sentence, put a robot's step before everything said so far."""
    place_prepositions: frozenset[str] = _context_words()
    """Words before an object that make it a place, not cargo or a thing spoken of ("hauls soil *to* rock 1")."""
    toward_words: frozenset[str] = _context_words()
    """Words before a robot or object that make it where a move goes ("goes to truck 1", "back to soil 1")."""
    place_only_prepositions: frozenset[str] = _context_words()
    """Words before an object of a kind with several places ("the rock", "the soil") that make it a place, never a
    load: "goes to the rock" is ambiguous and refused; "hauls the rock" is the load."""
    load_into_words: frozenset[str] = _context_words()
    """Words before a robot that make it the truck a loading fills ("loads the soil into truck 2")."""
    passive_agent_words: frozenset[str] = _context_words()
    """Words before a robot that make it the loader of a passive loading ("gets loaded by excavator 1")."""
    distinct_place_words: frozenset[str] = _context_words()
    """Words that, with "each", give every robot a place of its own ("each go to a *different* place")."""
    distinct_place_leads: frozenset[str] = _context_words()
    """Words before such a place that give it to every robot of the list ("each goes *to* a different place")."""
    distinct_place_articles: frozenset[str] = _context_words()
    """Articles that may stand between those words and the place ("each goes to *a* different place")."""
    until_words: frozenset[str] = _context_words()
    until_place_releases: frozenset[str] = _context_words()
    """Connectives (whole) that are "until" proper, not a "wait for" form ("must not leave until ...")."""
    work_span_words: frozenset[str] = _context_words()
    """Words of a work step's lasting or end ("the digging *continues* until ..."): no plan can say it."""
    dig_start_anchors: frozenset[str] = _context_words()
    """Connectives (whole) after which digging said as a noun starts: a hold on it ("digging starts *only after*
    truck 1 has inspected puddle 2")."""
    negated_move_before_words: frozenset[str] = _context_words()
    """Connectives (whole) after a negated move that time it like "until" ("must not leave for X *before* ...")."""
    after_which_connectives: frozenset[str] = _context_words()
    """Connectives (whole) that tie a keep-out to the step just said (", after which all avoid X")."""
    lifting_negations: frozenset[str] = _context_words()
    """Negations that lift a keep-out ("puddle 2 is *no longer* off limits")."""
    by_then_connectives: frozenset[str] = _context_words()
    """Parallel connectives that look back at the step just said ("*by then*"): a keep-out change said with one waits
    for that step, as after "then"; a robot's step runs alongside it."""
    while_connectives: frozenset[str] = _context_words()
    """Connectives (whole) that run an anchored clause alongside its anchor ("while truck 1 digs")."""
    anchor_possessives: frozenset[str] = _context_words()
    """Possessives in an anchor with no robot: the deed is the robot's own ("after *their* digging")."""
    anchor_gerund_endings: frozenset[str] = _context_words()
    """Endings of a gerund opening an anchor: the doer's own deed ("after dig*ging*", "after load*ing* the truck")."""
    keepout_definite_words: frozenset[str] = _context_words()
    """Words before a keep-out noun that make it the keep-out already spoken of ("*the* keep-out ... stays")."""
    keepout_event_copulas: frozenset[str] = _context_words()
    """Words after a definite keep-out noun in an anchor that name it as an event ("once the keep-out *is* up")."""
    where_standing_words: frozenset[str] = _context_words()
    """Words of a "where <robot> stands" relative that only says where that robot is: a state, no clause."""
    state_be_forms: frozenset[str] = _context_words()
    """Forms of "be" between a robot and "at <place>" that say where it stands ("has been at soil 2"), no move."""
    state_be_fillers: frozenset[str] = _context_words()
    """Words that may stand among those forms ("are *both* at soil 1", "is *still* at")."""
    beside_pronouns: frozenset[str] = _context_words()
    """Pronouns a robot is said to stand beside ("standing right next to *it*"): the robot mentioned before."""
    clause_joining_words: frozenset[str] = _context_words()
    """Joining words that may stand before a clause's opening connectives ("*and* before any of that, ...")."""
    clause_interjections: frozenset[str] = _context_words()
    """Interjections that may open a message before those joining words ("*Oh* and before any of that, ...")."""
    crew_plurals: frozenset[str] = _context_words()
    """Plural group nouns that, after their kind of work, announce the crews of the sentences after ("two
    dig-and-haul *crews*")."""
    group_quantifiers: frozenset[str] = _context_words()
    """Words before a group noun that stand for every group defined before, in turn ("in *each* crew")."""
    job_holding_verbs: frozenset[str] = _context_words()
    """Verbs between robots and a job noun that make the clause a job held ahead ("truck 2 *has* a job at soil 1")."""
    held_job_nouns: frozenset[str] = _context_words()
    """Nouns of the job robots hold at a place ("truck 2 has a *job* at soil 1")."""
    keepout_pronoun_prepositions: frozenset[str] = _context_words()
    """Words before a pronoun in a keep-out clause that make it the place ("lift the keep-out *around* it")."""
    keepout_state_auxiliaries: frozenset[str] = _context_words()
    """Words before a keep-out verb said of a place that make it a past state ("obstacle 2 *was* closed")."""
    keepout_state_modals: frozenset[str] = _context_words()
    """Modals before such a word that make the keep-out asked for, no state ("*should* have been fenced off")."""
    subject_modals: frozenset[str] = _context_words()
    """Modals after a pronoun that make it a subject, not an object ("finished digging *it should* load")."""
    relative_perfect_auxiliaries: frozenset[str] = _context_words()
    """Perfect auxiliaries between a relative "that" and its verb ("a truck that *has* come over to rock 1")."""
    relative_participles: frozenset[str] = _context_words()
    """Participles after a loaded robot that open a relative clause ("loads a truck *having* come over")."""
    keepout_place_copulas: frozenset[str] = _context_words()
    """Forms of "be" between "it" and a keep-out verb that make "it" the place ("once *it is* open")."""
    object_aside_relatives: frozenset[str] = _context_words()
    came_with_verbs: frozenset[str] = _context_words()
    came_with_prepositions: frozenset[str] = _context_words()
    """Words that open a remark about an object set off by commas ("obstacle 2, *which* was closed, ...")."""
    elided_companion_words: frozenset[str] = _context_words()
    """Words before a robot that goes along with the left-out subject ("and then returns *with* excavator 2")."""
    thing_quantifiers: frozenset[str] = _context_words()
    """Quantifiers after "<objects> are" that float on the objects ("rock 1 and rock 2 are *both* cleared")."""
    thing_list_joins: frozenset[str] = _context_words()
    """Words and marks that join those objects ("rock 1 *and* rock 2 are both cleared")."""
    thing_articles: frozenset[str] = _context_words()
    """Articles before the unknown word opening a remark about a thing ("*a* crane is being set up ...")."""
    thing_order_words: frozenset[str] = _context_words()
    """Words of need or barring that make a clause about a thing an order ("a fence is *needed* ...")."""
    aspect_verbs: frozenset[str] = _context_words()
    """Verbs of starting right before an event noun's gerund, read as its verb ("*starts* breaking it up")."""
    trailing_after_words: frozenset[str] = _context_words()
    """Anchor words that, closing their sentence after its verb, mean "afterwards" ("avoid soil 2 *after*.")."""
    start_remark_verbs: frozenset[str] = _context_words()
    """Verbs of starting that, with robots and time words alone, only time the steps just said ("both *start* now")."""
    start_remark_words: frozenset[str] = _context_words()
    """Time words of such a remark ("both start *now*", "they begin *together*")."""
    robot_place_pronouns: frozenset[str] = _context_words()
    """Pronouns of place after "the <type>" (or "the <type> that <verb>") that pick the robot standing there
    ("the excavator *there*", "the excavator that dug *there*")."""
    there_participles: frozenset[str] = _context_words()
    """Words of standing between "the <type>" and such a pronoun ("the excavator *working* there")."""
    locative_participles: frozenset[str] = _context_words()
    """Words of standing between a robot and the "at <place>" that picks it ("the truck *waiting* at rock 1")."""
    placed_robot_nouns: frozenset[str] = _context_words()
    """After "the", a robot named only by the place after it: "the *one* at soil 2 digs"."""
    placed_relatives: frozenset[str] = _context_words()
    """The relative word of a state that names a robot: "the truck *which* is waiting at obstacle 1"."""
    placed_state_words: frozenset[str] = _context_words()
    """Words of such a state, before its preposition: "the truck that *is waiting* at obstacle 1"."""
    placed_prepositions: frozenset[str] = _context_words()
    """The preposition that ends such a state, right before the place: "the one *at* soil 2"."""
    place_list_pronouns: frozenset[str] = _context_words()
    """Words that point back at the places of the last list, like "them" ("checks puddle 1 and puddle 2, then all
    robots avoid *both of those*"); said alone, after a keep-out verb only ("avoid *those*")."""
    fleet_default_pronouns: frozenset[str] = _context_words()
    """Plural robot nouns read as "they", and as the whole fleet when no robot was named before ("*the machines* go
    to soil 1")."""
    truck_dump_heads: frozenset[str] = _context_words()
    """Starts of a verb of putting soil into something that, said of a truck, is its tipping ("truck 1 *drops* the
    soil into puddle 1"), not a loading it receives."""
    loading_particles: frozenset[str] = _context_words()
    """Particles that close a loading before the aside ordering its trucks ("fill them *up*, truck 2 first")."""
    its_done_fillers: frozenset[str] = _context_words()
    """Words besides a copula that may stand between "it" and its word of completion in "once it's done" ("once it
    *has* finished", "when it's *all* done")."""
    truck_fill_it_phrases: frozenset[str] = _context_words()
    """A truck's tipping verbs that hold their own "it" ("truck 2 goes to puddle 1 and *fills it*"): said of an empty
    truck beside an excavator with no place in the clause ("Truck 3: head there. Then *fill it up*"), "it" is the
    truck, and the words are its loading."""
    reason_openers: frozenset[str] = _context_words()
    keepout_any_words: frozenset[str] = _context_words()
    """Words before a robot type noun that mean every robot of the type in a keep-out ("don't let any truck near")."""
    until_keepout_motion: frozenset[str] = _context_words()
    """Words after a negated move that only come near the place: "until" keeps it out ("must not go near X until")."""
    until_keepout_crowds: frozenset[str] = _context_words()
    """First words of robots said by a negation ("nobody else ... until"): a keep-out, nobody is sent there later."""
    before_setting_off_words: frozenset[str] = _context_words()
    arrival_phrases: frozenset[str] = _context_words()
    """"Before the diggers *come in*, ...": robots only arriving, no move; their first steps wait for the sentence."""
    """Connectives of "<clause> *before* they move": with a pronoun and a placeless move after them, "first"."""
    addressed_pair_pronouns: frozenset[str] = _context_words()
    """"both" said to the robots spoken to ("Excavators 1 and 2, ... *you both* fill it"): those robots, not the two
    robots named last."""
    bare_done_events: frozenset[str] = _context_words()
    done_state_words: frozenset[str] = _context_words()
    """"Once *done*, ...": a word of completion that is the whole anchor stands for the clause just said."""
    gerund_event_followers: frozenset[str] = _context_words()
    """Words after a work word in "-ing" that opens an anchor ("until *digging is* done"): that word is the event."""
    finished_deed_words: frozenset[str] = _context_words()
    """Verbs of finishing whose bare verb after them in an anchor is the finished deed ("after it *finish* dig")."""
    """Words that open a clause of reason with no order in it ("*because* the surveyors are working there")."""
    reason_cut_words: frozenset[str] = _context_words()
    so_remark_joins: frozenset[str] = _context_words()
    place_remark_modals: frozenset[str] = _context_words()
    future_remark_auxiliaries: frozenset[str] = _context_words()
    """Words that, inside a clause, open the reason for its step ("excavator 1 checks rock 1 *because* the rock may
    block the road"): the rest of the clause says why, not what to do."""
    deadline_connectives: frozenset[str] = _context_words()
    """Connectives before a deadline ("*before* tomorrow")."""
    deadline_words: frozenset[str] = _context_words()
    """A day or a time of day said as a deadline ("before *tomorrow*"): no step to wait for."""
    meantime_words: frozenset[str] = _context_words()
    """Connectives that close a relative clause with what its robot did meanwhile ("which has driven there *in the
    meantime*"): the sentence's anchor does not time it."""
    purpose_so_words: frozenset[str] = _context_words()
    """Words that open a purpose with no "that" ("digs at rock 2 *so* the trucks can pass")."""
    purpose_so_modals: frozenset[str] = _context_words()
    """Modals after the robots of such a purpose ("so the trucks *can* pass")."""
    purpose_infinitive_words: frozenset[str] = _context_words()
    """Words before a purpose verb ("send excavator 1 to soil 1 *to* dig")."""
    purpose_beneficiary_words: frozenset[str] = _context_words()
    """Words before the robots a purpose is for ("to clear the way *for* the trucks"): not the work's doers."""
    gapped_purpose_work: frozenset[str] = _context_words()
    """Work done in place whose purpose, said after gapped conjuncts ("send excavator 1 to soil 1 and excavator 2
    to soil 2 to dig"), is every conjunct's."""
    overview_pair_words: frozenset[str] = _context_words()
    """Words that count two places in a sentence that tells the job ahead ("pick up soil from *both* piles")."""
    told_ahead_headings: frozenset[str] = _context_words()
    """Headings of an opening section that tells the job ahead of the heading of its steps ("*Crew:* ... Order:")."""
    step_headings: frozenset[str] = _context_words()
    """Headings of the steps after sections that tell the job ahead ("Goals for today: ... *Order:* ...")."""
    forward_pointers: frozenset[str] = _context_words()
    """Words that end a robotless sentence pointing at the steps after it ("Please proceed *as follows*.")."""
    own_site_nouns: frozenset[str] = _context_words()
    """Nouns after "its / their (own)" for where each robot works ("each excavator drives to its *site* first")."""
    reason_need_words: frozenset[str] = _context_words()
    """Words (one or two) of need that make a clause of reason an order ("because rock 1 *must* be checked")."""
    unplaced_order_words: frozenset[str] = _context_words()
    """Words that change who does what or whether ("unless", "without", "rather"): left unplaced, they refuse."""
    wished_not_phrases: frozenset[str] = _context_words()
    """A wish in the negative ("I'd *rather not* have ..."): "rather" there is no "rather than"."""
    parallel_subordinators: frozenset[str] = _context_words()
    """Words that join two robots' clauses as "while" does ("truck 2 goes to rock 1 *as* excavator 1 digs")."""
    parallel_subordinate_auxiliaries: frozenset[str] = _context_words()
    """Words between the robot after such a word and its verb ("..., whereas the excavators *are to* return")."""
    pointing_connective_words: frozenset[str] = _context_words()
    """Last words of a connective that may point at a thing instead ("after *that* keep-out is in place")."""
    each_anchor_pointers: frozenset[str] = _context_words()
    verbless_keepout_words: frozenset[str] = _context_words()
    restated_until_words: frozenset[str] = _context_words()
    anchor_joint_words: frozenset[str] = _context_words()
    """Words that make an anchor a join of the steps it names ("when *both* rock inspections are done")."""
    gathering_events: frozenset[str] = _context_words()
    keepout_passive_verbs: frozenset[str] = _context_words()
    anchor_pair_words: frozenset[str] = _context_words()
    """Event nouns of a get-together ("right after the *briefing*"): the fleet-wide move, when there is one."""
    condition_auxiliaries: frozenset[str] = _context_words()
    """Auxiliaries of a state listed after a leading condition ("when A, excavator 2 *has* finished and ...")."""
    condition_participle_endings: frozenset[str] = _context_words()
    """Endings of a verb said as a state after such an auxiliary ("excavator 2 has finish*ed*")."""
    ordinal_list_joins: frozenset[str] = _context_words()
    """Words between ordinals listed before one robot noun ("the first *and* the third dump truck")."""
    ordinal_list_articles: frozenset[str] = _context_words()
    replaced_mention_leads: frozenset[str] = _context_words()
    except_but_words: frozenset[str] = _context_words()
    cancelling_conditions: frozenset[str] = _context_words()
    race_leads: frozenset[str] = _context_words()
    """Words that open a subject picking a robot by a race ("*whichever* excavator finishes first")."""
    race_relatives: frozenset[str] = _context_words()
    """Relative words after a robot that open such a pick ("the excavator *that* is done first")."""
    race_words: frozenset[str] = _context_words()
    """Words that end such a pick ("finishes *first*"; "the *first* truck to arrive")."""
    wait_for_connectives: frozenset[str] = _context_words()
    pair_pronouns: frozenset[str] = _context_words()
    """"both" pronouns that name a group of two ("a pair of trucks ... another truck ... *the pair*"): that group, where
    "both" after two groups of work ("two excavators ..., while the remaining excavator ... When both are done") is
    each group."""
    all_of_them_pronouns: frozenset[str] = _context_words()
    both_crews_pronouns: frozenset[str] = _context_words()
    departure_events: frozenset[str] = _context_words()
    """Events (``events``) that mean a robot went away ("once excavator 2 has *left*"): the move that took it off,
    a return to start too, not its latest move to a place."""
    departure_destination_words: frozenset[str] = _context_words()
    clause_repeat_phrases: frozenset[str] = _context_words()
    """``repeat_phrases`` that repeat the clause just said ("they go home, *and so does* excavator 3"), not the latest
    block of work of robots of the crew's type."""
    """Words before the place a robot left for ("once truck 2 has left puddle 2 *for* soil 1"): the move there."""
    """Phrases of robot_pronouns' "both" that count two groups of robots, not two robots ("once *both pairs* have
    arrived" after two clauses that each sent an excavator and a truck)."""
    wait_conditions: frozenset[str] = _context_words()
    wait_verbs: frozenset[str] = _context_words()
    idle_verbs: frozenset[str] = _context_words()
    place_removal_verbs: frozenset[str] = _context_words()
    """Lifting verbs that, with a place right after them, mean taking it away ("excavator 3 *removes* rock 2")."""
    waived_wait_marks: frozenset[str] = _context_words()
    """Filler marks that say a wait does not happen ("*without waiting* for truck 2"): its robots get no step."""
    departure_verbs: frozenset[str] = _context_words()
    """Verbs of leaving a place: "truck 1 *leaves* rock 1." alone names no destination (refused)."""
    loading_order_openers: frozenset[str] = _context_words()
    """Two words before the truck loaded first: "loads them one after the other, *starting with* truck 3"."""
    followed_by_phrases: frozenset[str] = _context_words()
    fleet_state_nouns: frozenset[str] = _context_words()
    order_aside_verbs: frozenset[str] = _context_words()
    order_aside_leads: frozenset[str] = _context_words()
    turn_taking_verbs: frozenset[str] = _context_words()
    turn_taking_nouns: frozenset[str] = _context_words()
    bare_fleet_nouns: frozenset[str] = _context_words()
    """Plural nouns for robots in general that, bare and opening a clause, mean every robot ("*robots* must not")."""
    goal_negating_words: frozenset[str] = _context_words()
    """After a need in a remark, words that ask for no work ("rock 2 needs *no* clearing"): no goal."""
    type_negations: frozenset[str] = _context_words()
    """Before a robot type noun, words that keep every robot of the type out ("*no* truck may enter puddle 1")."""
    existential_copulas: frozenset[str] = _context_words()
    """Between "there" and "no truck": the verb "be" ("there *is* no truck at rock 2", "there must *be* ...")."""
    existential_modals: frozenset[str] = _context_words()
    """Between "there" and "no truck": words that make the sentence a rule ("there *must* be no truck at rock 2")."""
    goal_state_prefixes: frozenset[str] = _context_words()
    """Starts of a participle after a need that keep a state, no work ("must stay *un*touched"): no goal."""
    goal_agent_words: frozenset[str] = _context_words()
    """After a needed deed, words that give it to someone else ("to be monitored *by* the surveyors"): no goal."""
    repeat_words: frozenset[str] = _context_words()
    ongoing_openers: frozenset[str] = _context_words()
    happening_events: frozenset[str] = _context_words()
    relative_sequences: frozenset[str] = _context_words()
    indefinite_articles: frozenset[str] = _context_words()
    people_determiners: frozenset[str] = _context_words()
    excess_words: frozenset[str] = _context_words()
    """"*too* soft to drive on": the verb after "too <word> to" is no order."""
    """Determiners of a noun phrase that names people, not robots ("before *the* surveyors arrive")."""
    """Articles of one robot not yet known ("*a* truck"): in an anchor after several loadings, each loaded one."""
    """Sequence connectives that name the clause just said ("after which"): a step after one waits for it."""
    """Parallel connectives that time a clause by a step already under way ("while the excavator digs")."""
    """Words that make a step said right after the same step a second one ("digs *again*"), not a restatement."""
    goal_nouns: frozenset[str] = _context_words()
    summary_goal_nouns: frozenset[str] = _context_words()
    """Nouns that make a robotless first clause the job's goal ("*The goal* is to fill puddle 1")."""
    goal_purpose_leads: frozenset[str] = _context_words()
    """Words that open a purpose said first ("*To* clear rock 1, excavator 1 ..."): the job's goal."""
    keepout_ending_words: frozenset[str] = _context_words()
    """Words after a keep-out noun that say it ends ("the ban is *over*"): a lifting, not a new keep-out."""
    check_verbs: frozenset[str] = _context_words()
    check_noun_heads: frozenset[str] = _context_words()
    """Nouns of people after which a check verb names them ("the *survey crew*'s in there"): no check ordered."""
    checked_both_verbs: frozenset[str] = _context_words()
    keepout_plural_nouns: frozenset[str] = _context_words()
    keepout_all_words: frozenset[str] = _context_words()
    """Counts of keep-outs before a keep-out noun in a lifting ("lift *all the* keep-outs"): every one still up."""
    inverted_auxiliaries: frozenset[str] = _context_words()
    """Auxiliaries that open the main clause after an anchor said first ("only after X *do* the trucks drive out")."""
    """Verbs of checking after which a bare "both" is the places checked ("once it has checked *both*")."""
    """Verbs of checking a place: negated ("does not inspect puddle 1") they are work not done, no keep-out."""
    same_group_leads: frozenset[str] = _context_words()
    """Words before a counted robot type that make it a group named before ("*the same* two excavators")."""
    complement_openers: frozenset[str] = _context_words()
    """Words after a check verb that open the state it checks ("check *that* the soil has settled"), not a place."""
    indefinite_robot_words: frozenset[str] = _context_words()
    """Robots said as anyone at all: "... *before anyone else* goes near it" limits the clause before, no order."""
    scene_nouns: frozenset[str] = _context_words()
    """Nouns for the place just named, after "the"/"that", as a keep-out's only object ("avoid *the area*")."""
    every_site_phrases: frozenset[str] = _context_words()
    """Phrases that spread "the <type>" over every site robots were sent to ("*at each site* the excavator digs")."""
    approach_verbs: frozenset[str] = _context_words()
    """Moves toward the work said with no place ("then *comes over*"): to the one other place the sentence named, not
    to where the robot already waits."""
    waypoint_leads: frozenset[str] = _context_words()
    """Words before a place passed on the way ("goes to puddle 2 *via* obstacle 1"): it is visited first."""
    landmark_prepositions: frozenset[str] = _context_words()
    """Words between two places that make the second where the first is ("rock 1 *near* rock 2"): no step there."""
    landmark_relatives: frozenset[str] = _context_words()
    """Relatives that open such a landmark after a comma ("rock 1, *which* is next to rock 2")."""
    landmark_copulas: frozenset[str] = _context_words()
    """Verbs between that relative and the preposition ("which *is* next to", "that *lies* near")."""
    source_prepositions: frozenset[str] = _context_words()
    """Words before a place the robot leaves from ("drives *from* soil 2 to obstacle 1"): no move there."""
    manner_keepout_endings: frozenset[str] = _context_words()
    """Endings of a keep-out verb said of a move ("goes to X, *staying* away from Y"): the keep-out comes first."""
    manner_keepout_leads: frozenset[str] = _context_words()
    """First words of such a keep-out verb ("goes to X *without* going near Y")."""
    en_route_words: frozenset[str] = _context_words()
    """Phrases after a keep-out said right after a move that tie it to the drive ("avoids Y *on the way*")."""
    vague_action_verbs: frozenset[str] = _context_words()
    phrasal_particles: frozenset[str] = _context_words()
    """Known words that say no action of ours as a robot's verb before a place ("excavator 1 *works* rock 1")."""
    dig_pickup_words: frozenset[str] = _context_words()
    """Words of taking on a load that, said of an excavator, are its digging ("excavator 2 *picks up* soil")."""
    robot_object_words: frozenset[str] = _context_words()
    """Known words that, between two robots, make it something the first does to the second ("gives *way* to")."""
    rest_prepositions: frozenset[str] = _context_words()
    """Prepositions of where a thing happens: "excavator 2 polishes *at* rock 1" is refused as "polishes rock 1"."""
    goal_deferring_words: frozenset[str] = _context_words()
    """After a goal's place, in its clause: the place is put off, no step is owed ("puddle 2 *can wait*")."""
    goal_deferring_pronouns: frozenset[str] = _context_words()
    """Opening the clause after a goal's place, before a deferring phrase: the goal put off ("but *that* can wait")."""
    goal_excluding_words: frozenset[str] = _context_words()
    """Before a goal's place, in its clause: the place is left alone ("*without* disturbing obstacle 1")."""
    goal_refusing_words: frozenset[str] = _context_words()
    negated_work_time_words: frozenset[str] = _context_words()
    """In a clause with a negated work verb: a wait ("does not dig *yet*"), refused; else the step is no step."""
    """Right before a goal's place: the place is not part of it ("puddle 1 needs filling, *not* puddle 2")."""
    """Verbs of doing nothing ("and then *idles*"): alone after "then", no step and no unknown action."""
    """Articles before an ordinal of such a list ("*the* first and *the* third dump truck")."""
    routine_leads: frozenset[str] = _context_words()
    """Before a truck's own loading routine: no move, the routine is the verb ("truck 2 *goes through* its ...")."""
    cargo_event_nouns: frozenset[str] = _context_words()
    """Event nouns that after a verb of their clause are its cargo ("has dumped its *load*"), not the event."""
    counted_cargo_nouns: frozenset[str] = _context_words()
    """Plural nouns that are also a verb ("loads"): after a count (``counted_cargo_quantifiers``), a noun."""
    counted_cargo_quantifiers: frozenset[str] = _context_words()
    comma_order_words: frozenset[str] = _context_words()
    """Words after the second robot of "loads truck 2 first, truck 3 *second*": the pair is joined as by "and"."""
    absolute_with_words: frozenset[str] = _context_words()
    """Words that, opening a sentence before a thing and its state and a comma, say when ("*with* that done, ...")."""
    absolute_with_states: frozenset[str] = _context_words()
    """Words of state that close such a clause ("with the digging *finished*", "with the keep-out *in place*")."""
    carrying_on_phrases: frozenset[str] = _context_words()
    """Words after robots that say they go on with their own work ("the rest *carry on* as normal"): no step."""
    carrying_on_tails: frozenset[str] = _context_words()
    """Words that may close such a clause ("as normal", "with their work")."""
    anchor_closing_modals: frozenset[str] = _context_words()
    """Words of obligation between "and" and a verb that end an anchor ("once it is loaded *and is to* tip there")."""
    place_remark_copulas: frozenset[str] = _context_words()
    """After a keep-out of a place, ", it" and one of these before plain words: a remark ("*it's* flooded")."""
    thing_adverb_auxiliaries: frozenset[str] = _context_words()
    """Auxiliaries after opening objects before a time word of a remark ("puddle 2 *has* finally dried out")."""
    lifted_group_words: frozenset[str] = _context_words()
    """After "for" in a lifting ("lift the keep-out for *those robots*"): the robots of that keep-out."""
    after_both_anchors: frozenset[str] = _context_words()
    """Anchors that, before "both" and a comma ("*upon completion of* both, ..."), wait for all the work said before."""
    absolute_join_states: frozenset[str] = _context_words()
    """A state after robots that open a sentence, before a comma ("Both *there*, truck 2 ..."): a wait for them."""
    phase_list_words: frozenset[str] = _context_words()
    """List words ("*Phase* two: ...") whose item starts when everything before it is done."""
    parallel_block_openers: frozenset[str] = _context_words()
    """Words before a sentence that say its clauses run side by side ("*In parallel*, ...", "The following happens *at
    the same time*: ..."): a "then" opening the next sentence waits for all of them."""
    elided_deed_words: frozenset[str] = _context_words()
    """Words after a possessive that close an anchor with its noun left out ("right after its *own*"): the deed of
    the possessive anchor said before it in the sentence."""
    trailing_stress_pronouns: frozenset[str] = _context_words()
    """Pronouns that close a sentence after a comma and a clause of several robots ("go to rock 1 and break it up,
    *both of you*"): those robots said again, no clause of their own."""
    event_doer_words: frozenset[str] = _context_words()
    """Before the robots that do an anchor's event ("after the inspection of rock 1 *by* excavator 2"): their clause."""
    event_doer_articles: frozenset[str] = _context_words()
    """Articles before such an event noun ("after *the* inspection ... by excavator 2")."""
    event_possessive_marks: frozenset[str] = _context_words()
    """After the robots whose event an anchor names ("after excavator 2*'s* inspection"): their clause."""
    event_place_links: frozenset[str] = _context_words()
    """Between such an event noun and its place ("the inspection *of* rock 1"), dropped with the noun made a verb."""
    anchor_participles: frozenset[str] = _context_words()
    """Verbs that, opening a sentence before an event noun, are "after" ("*Following* the inspection, ...")."""
    described_copulas: frozenset[str] = _context_words()
    """Verbs that say which robot a description of its work is ("the excavator working at soil 2 *is* excavator 1";
    after a subject modal "*should be*"): the named robot takes the description's place."""
    spellings: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Chat and shorthand spellings of one word read as the word they stand for ("n" -> "and")."""
    layout_fields: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Ticket field names and table headers by role (``who``, ``what``, or the word written before a
    bare condition: ``after``, ``when``); read by :mod:`.formats` only."""
    layout_no_condition: frozenset[str] = frozenset()
    """Conditions that say "none" ("-", "now"): the ticket or row starts at once."""
    speech_fillers: tuple[str, ...] = ()
    """Hesitation fillers of a speech transcript ("um", "you know"), dropped by :mod:`.formats`."""
    speech_breaks: tuple[str, ...] = ()
    """Words before which "and" opens a new sentence in an unpunctuated transcript ("and whichever")."""
    layout_time_words: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """What a timeline's clock time becomes: ``later`` (rule 25: "finally") and ``same``."""
    long_duration_index: PhraseIndex[bool] = field(default_factory=lambda: PhraseIndex(()), repr=False)
    mark_index: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex(()), repr=False)
    """All marker phrases in one index (filler, right away, same thing, except, ...): one look-up."""
    first_words: frozenset[str] = field(default_factory=frozenset, repr=False)
    mention_starts: frozenset[str] = field(default_factory=frozenset, repr=False)
    """Words that can open a robot or object mention besides the type and kind names."""
    """Every word that can start a lexicon phrase: any other word is plain text (fast path)."""
    source: str = ""
    vocabulary: frozenset[str] = field(default_factory=frozenset, repr=False)
    """Every word that appears anywhere in the lexicon (for the coverage report)."""

    def __post_init__(self) -> None:
        firsts: set[str] = set(self.numbers) | set(self.ordinals) | set(self.causatives) | set(self.permission_words)
        firsts |= set(self.list_words)
        firsts |= {"the", "this", "that", "these", "those", "its", "their", "his", "her", "your", "each", "every",
                   "both", "what", "own"}
        for value in vars(self).values():
            if isinstance(value, PhraseIndex):
                firsts |= set(value.first_words)
        object.__setattr__(self, "first_words", frozenset(firsts))
        starts: set[str] = set(self.numbers) | set(self.ordinals)
        starts |= {"the", "this", "that", "these", "those", "its", "their", "his", "her", "your", "each", "every",
                   "both"}
        for index in (self.another_index, self.other_index, self.remaining_index, self.universal_index,
                      self.quantity_index):
            starts |= set(index.first_words)
        object.__setattr__(self, "mention_starts", frozenset(starts))
        object.__setattr__(self, "mark_index", PhraseIndex.merged((
            (self.filler_phrase_index, "filler"), (self.immediate_index, "now"), (self.repeat_index, "repeat"),
            (self.same_robots_index, "same_robots"),
            (self.state_index, "state"), (self.except_index, "except"), (self.in_order_index, "in_order"),
            (self.ignore_index, "ignored"),
            (self.in_place_index, "in_place"), (self.purpose_skip_index, "skip"), (self.already_index, "already"),
            # multi-word durations before robot words ("for the rest of the day" is not "the rest")
            (self.long_duration_index, "duration"))))

    def number(self, word: str) -> int | None:
        """``3``, ``three`` -> 3; anything else -> None."""
        if word.isdigit():
            return int(word)
        return self.numbers.get(word)

    def type_index(self, fleet_types: Iterable[str]) -> PhraseIndex[tuple[str, bool]]:
        """Phrase -> (robot type, plural) for the live fleet's types."""
        return _cached_type_index(self, tuple(fleet_types))

    def kind_index(self, kinds: Iterable[str]) -> PhraseIndex[tuple[str, bool]]:
        """Phrase -> (object kind, plural) for the live world's kinds."""
        return _cached_kind_index(self, tuple(kinds))


_CONTEXT_KEYS = tuple(f.name for f in fields(Lexicon) if f.metadata.get("context"))
"""Word lists the folds read in context: the :class:`Lexicon` fields made with :func:`_context_words`."""


def _names_index(
    configured: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]], live: tuple[str, ...]
) -> PhraseIndex[tuple[str, bool]]:
    entries: list[tuple[str, tuple[str, bool]]] = []
    for name in live:
        sing, plur = configured.get(name, ((), ()))
        base = name.replace("_", " ")
        entries += [(p, (name, False)) for p in (*sing, base)]
        entries += [(p, (name, True)) for p in (*plur, base + "s")]
    return PhraseIndex(entries)


@lru_cache(maxsize=32)
def _cached_type_index(lex: Lexicon, types: tuple[str, ...]) -> PhraseIndex[tuple[str, bool]]:
    return _names_index(lex.robot_type_names, types)


@lru_cache(maxsize=32)
def _cached_kind_index(lex: Lexicon, kinds: tuple[str, ...]) -> PhraseIndex[tuple[str, bool]]:
    return _names_index(lex.object_kind_names, kinds)


def default_lexicon_path() -> Path:
    return config_path("lexicon.yaml")


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int) -> Lexicon:
    return lexicon_from_dict(load_yaml(path), path)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load (and cache, until the file changes) a lexicon; raises ConfigError listing every problem."""
    p = Path(path) if path is not None else default_lexicon_path()
    try:
        mtime = p.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return _load_cached(str(p), mtime)


def _already_phrases(already: list[str], beside: list[str]) -> list[str]:
    """Every "already ... at" phrase also with each word for "beside" in place of "at": a robot "already
    parked next to rock 1" stands there as one "already parked at rock 1" does. Listed one by one, only the
    prepositions a writer had once used were known, and the rest sent the robot to a place it stood at. A
    "there" before the "at" ("is sitting *there* at puddle 2") only points at the place named after it: without it
    the phrase was unknown and the robot was sent to where it sits."""
    out = list(already)
    for phrase in already:
        if phrase.endswith(" at"):
            out += [f"{phrase[:-3]} {b}" for b in beside]
            if not phrase.endswith(" there at"):
                out.append(f"{phrase[:-3]} there at")
    return out


def _flag_index(words: Iterable[str]) -> PhraseIndex[bool]:
    return PhraseIndex((w, True) for w in words)


def lexicon_from_dict(raw: Any, file: str = "<lexicon>") -> Lexicon:
    """Check a parsed lexicon document and index it."""
    r = ConfigReader(file)
    data = r.mapping(raw if raw is not None else {}, "")
    known = {
        "connectives",
        "duration_markers",
        "actions",
        "causatives",
        "permission_words",
        "permission_motion",
        "again_words",
        "negations",
        "distributive",
        "in_place",
        "already",
        "already_beside",
        "same_robots",
        "cargo",
        "start_places",
        "events",
        "everything_words",
        "robot_types",
        "fleet_words",
        "other_robots_words",
        "robot_pronouns",
        "number_words",
        "ordinals",
        "quantities",
        "universal",
        "another",
        "other",
        "remaining",
        "object_kinds",
        "object_pronouns",
        "fillers",
        "purpose_skip",
        "ignore_phrases",
        "list_words",
        "step_ref_together",
        "number_prefixes",
        "split_keepout_verbs",
        "split_keepout_particles",
        "keepout_nouns",
        "filler_phrases",
        "pairing",
        "pairing_you",
        "robot_place_nouns",
        "immediate",
        "repeat_phrases",
        "state_markers",
        "except_words",
        "partner_nouns",
        "pair_negations",
        "group_nouns",
        "together_words",
        "digger_nouns",
        "repeat_adverbs",
        "repeat_partner_words",
        "light_verbs",
        "purpose_steps",
        "stationary",
        "follow_verbs",
        "pairwise",
        "join_verbs",
        "in_order",
        "sentence_openers",
        "sentence_closers",
        "noun_modifiers",
        "selection_words",
        "remark_openers",
        "spellings",
        *_LAYOUT_KEYS,
        *_CONTEXT_KEYS,
    }
    r.unknown_keys(data, known, "")
    vocab: set[str] = set()

    def words(key: str, parent: Mapping[str, Any] | None = None, path: str = "") -> list[str]:
        src = data if parent is None else parent
        out = r.string_list(src, key, path, [])
        for w in out:
            vocab.update(tokenize_phrase(w))
        return out

    conns = r.mapping(data.get("connectives", {}), "connectives")
    r.unknown_keys(conns, set(_CONNECTIVE_KINDS), "connectives")
    conn_entries = [(w, kind) for kind in _CONNECTIVE_KINDS for w in words(kind, conns, "connectives")]

    verb_entries: list[tuple[str, tuple[str, str]]] = []
    actions = r.mapping(data.get("actions", {}), "actions")
    for name, spec in actions.items():
        key = f"actions.{name}"
        s = r.mapping(spec, key)
        r.unknown_keys(s, {"verbs", "carry", "passive_load"}, key)
        for role in ("verbs", "carry", "passive_load"):
            verb_entries += [
                (w, (str(name), role.rstrip("s") if role == "verbs" else role)) for w in words(role, s, key)
            ]
    if not verb_entries:
        r.error("actions", "at least one action with verbs is required")
    verb_entries += [(w, ("pair", "pair")) for w in words("pairing")]
    verb_entries += [(w, ("pair", "pair_you")) for w in words("pairing_you")]

    events: list[tuple[str, EventSpec]] = []
    for name, spec in r.mapping(data.get("events", {}), "events").items():
        key = f"events.{name}"
        s = r.mapping(spec, key)
        r.unknown_keys(s, {"action", "verbs"}, key)
        action = r.string(s, "action", key)
        if action not in _ACTIONS and action != "any":
            r.error(f"{key}.action", f"expected one of {sorted(_ACTIONS | {'any'})}, got {action!r}")
        events.append((str(name), EventSpec(action, frozenset(words("verbs", s, key)))))
        vocab.update(tokenize_phrase(str(name)))

    def context_words(key: str) -> frozenset[str]:
        # read in context by the folds; kept out of ``vocab`` on purpose (see the section in the YAML file)
        return frozenset(r.string_list(data, key, "", []))

    def names(section: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for name, spec in r.mapping(data.get(section, {}), section).items():
            key = f"{section}.{name}"
            s = r.mapping(spec, key)
            r.unknown_keys(s, {"singular", "plural"}, key)
            out[str(name)] = (tuple(words("singular", s, key)), tuple(words("plural", s, key)))
        return out

    pronouns: list[tuple[str, str]] = []
    for kind in r.mapping(data.get("robot_pronouns", {}), "robot_pronouns"):
        if kind not in ("it", "they", "both", "each", "you", "which"):
            r.error(f"robot_pronouns.{kind}", "expected one of it, they, both, each, you, which")
        pronouns += [
            (w, str(kind)) for w in words(str(kind), r.mapping(data["robot_pronouns"], ""), "robot_pronouns")
        ]

    def int_map(key: str) -> dict[str, int]:
        m = r.mapping(data.get(key, {}), key)
        out: dict[str, int] = {}
        for k, v in m.items():
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                r.error(f"{key}.{k}", f"expected a positive integer, got {v!r}")
            else:
                out[str(k)] = v
                vocab.update(tokenize_phrase(str(k)))
        return out

    numbers = int_map("number_words")
    ordinals = int_map("ordinals")
    quantities = int_map("quantities")
    raw_fillers = data.get("fillers", "")
    if not isinstance(raw_fillers, str):
        r.error("fillers", "expected one string of words separated by spaces")
        raw_fillers = ""
    fillers = frozenset(tokenize_phrase(raw_fillers))
    vocab.update(fillers)
    spellings: dict[str, str] = {}
    for k, v in r.mapping(data.get("spellings", {}), "spellings").items():
        if not isinstance(v, str) or len(tokenize_phrase(str(k))) != 1 or not _one_word(tokenize_phrase(v)):
            r.error(f"spellings.{k}", f"expected one word for one word, got {v!r}")
        else:
            spellings[str(k)] = v
            vocab.add(str(k))
    context: dict[str, Any] = {key: context_words(key) for key in _CONTEXT_KEYS}
    layout_fields, no_condition, speech_fillers, speech_breaks, time_words = _layout_words(r, data)
    r.raise_if_any()
    return Lexicon(
        connective_index=PhraseIndex(conn_entries),
        verb_index=PhraseIndex(verb_entries),
        duration_index=_flag_index(words("duration_markers")),
        long_duration_index=_flag_index(w for w in words("duration_markers") if len(tokenize_phrase(w)) > 2),
        causatives=frozenset(words("causatives")),
        permission_words=frozenset(words("permission_words")),
        permission_motion=_flag_index(words("permission_motion")),
        again_words=_flag_index(words("again_words")),
        negation_index=_flag_index(words("negations")),
        distributive_index=_flag_index(words("distributive")),
        in_place_index=_flag_index(words("in_place")),
        already_index=_flag_index(_already_phrases(words("already"), words("already_beside"))),
        cargo=frozenset(words("cargo")),
        purpose_skip_index=_flag_index(words("purpose_skip")),
        ignore_index=_flag_index(words("ignore_phrases")),
        start_index=_flag_index(words("start_places")),
        event_index=PhraseIndex(events),
        everything_index=_flag_index(words("everything_words")),
        robot_type_names=MappingProxyType(names("robot_types")),
        fleet_index=_flag_index(words("fleet_words")),
        other_robots_index=_flag_index(words("other_robots_words")),
        robot_pronoun_index=PhraseIndex(pronouns),
        numbers=MappingProxyType(numbers),
        ordinals=MappingProxyType(ordinals),
        quantity_index=PhraseIndex(quantities.items()),
        universal_index=_flag_index(words("universal")),
        another_index=_flag_index(words("another")),
        other_index=_flag_index(words("other")),
        remaining_index=_flag_index(words("remaining")),
        object_kind_names=MappingProxyType(names("object_kinds")),
        object_pronoun_index=_flag_index(words("object_pronouns")),
        fillers=fillers,
        list_words=frozenset(words("list_words")),
        step_ref_together=frozenset(words("step_ref_together")),
        number_prefixes=frozenset(words("number_prefixes")),
        split_keepout_verbs=frozenset(words("split_keepout_verbs")),
        split_keepout_particles=frozenset(words("split_keepout_particles")),
        keepout_noun_index=_flag_index(words("keepout_nouns")),
        # a phrase that spreads "the <type>" over the sites is said for that and plans nothing itself
        filler_phrase_index=_flag_index([*words("filler_phrases"), *context["every_site_phrases"]]),
        robot_place_index=_flag_index(words("robot_place_nouns")),
        immediate_index=_flag_index(words("immediate")),
        repeat_index=_flag_index(words("repeat_phrases")),
        same_robots_index=_flag_index(words("same_robots")),
        state_index=_flag_index(words("state_markers")),
        except_index=_flag_index(words("except_words")),
        in_order_index=_flag_index(words("in_order")),
        goal_words=context["title_verbs"] | context["goal_nouns"],
        opener_index=_flag_index(words("sentence_openers")),
        closer_index=_flag_index(words("sentence_closers")),
        noun_modifiers=frozenset(words("noun_modifiers")),
        selection_words=frozenset(words("selection_words")),
        remark_openers=frozenset(words("remark_openers")),
        partner_nouns=frozenset(words("partner_nouns")),
        pair_negations=frozenset(words("pair_negations")),
        group_nouns=frozenset(words("group_nouns")),
        together_words=frozenset(words("together_words")),
        digger_nouns=frozenset(words("digger_nouns")),
        repeat_adverbs=frozenset(words("repeat_adverbs")),
        repeat_partner_words=frozenset(words("repeat_partner_words")),
        light_verbs=frozenset(words("light_verbs")),
        purpose_steps=frozenset(words("purpose_steps")),
        stationary=frozenset(words("stationary")),
        follow_verbs=frozenset(words("follow_verbs")),
        pairwise=frozenset(words("pairwise")),
        join_verbs=frozenset(words("join_verbs")),
        spellings=MappingProxyType(spellings),
        layout_fields=layout_fields,
        layout_no_condition=no_condition,
        speech_fillers=speech_fillers,
        speech_breaks=speech_breaks,
        layout_time_words=time_words,
        source=file,
        vocabulary=frozenset(vocab),
        **context,
    )


_LAYOUT_KEYS = ("layout_fields", "layout_no_condition", "speech_fillers", "speech_breaks", "layout_time_words")
_LAYOUT_TIME_KEYS = frozenset({"later", "same"})


def _layout_words(r: ConfigReader, data: Mapping[str, Any]) -> tuple[
        Mapping[str, tuple[str, ...]], frozenset[str], tuple[str, ...], tuple[str, ...], Mapping[str, str]]:
    """The pasted-layout words (kept out of the vocabulary: the layout is rewritten before reading)."""
    fields: dict[str, tuple[str, ...]] = {}
    raw = r.mapping(data.get("layout_fields", {}), "layout_fields")
    for role in raw:
        if len(tokenize_phrase(str(role))) != 1:
            r.error(f"layout_fields.{role}", "expected who, what, or one connective word (after, when, ...)")
            continue
        fields[str(role)] = tuple(" ".join(n.lower().split()) for n in r.string_list(raw, role, "layout_fields", []))
    if fields and not {"who", "what"} <= set(fields):
        r.error("layout_fields", "needs both a `who` and a `what` list")
    no_condition = frozenset(" ".join(w.lower().split()) for w in r.string_list(data, "layout_no_condition", "", []))
    fillers = tuple(" ".join(w.lower().split()) for w in r.string_list(data, "speech_fillers", "", []))
    breaks = tuple(" ".join(w.lower().split()) for w in r.string_list(data, "speech_breaks", "", []))
    times = r.mapping(data.get("layout_time_words", {}), "layout_time_words")
    r.unknown_keys(times, set(_LAYOUT_TIME_KEYS), "layout_time_words")
    time_words = {str(k): r.string(times, k, "layout_time_words") for k in times}
    return (MappingProxyType(fields), no_condition, fillers, breaks, MappingProxyType(time_words))
