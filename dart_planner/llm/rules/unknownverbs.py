"""An unknown word in a robot's verb slot, right before a place: "excavator 2 *polishes* rock 1".

A clause with a robot and an object but no verb we know is read as a move there ("truck 1 to soil 1" is one), so
an action the fleet does not have became a silent move: "truck 1 sweeps puddle 2" sent truck 1 to puddle 2 and
said nothing of the sweeping, and the coverage ratio let it pass. The skill list is closed (the fleet's skills),
so the person must be told instead. A word is refused here when all of these hold:

- nothing understood it (no item took it, it is no filler and no word of the lexicon at all);
- an object follows it directly (a motion preposition between them, "trundles *to* rock 1", is a move, and stays
  one);
- it stands where a robot's verb stands: right after the robot (with fillers or other unknown words between,
  "truck 2 should *quickly* sweep"), after "then" / "and then" / "finally" or a joining word ("and") that
  continues a robot's clause, after the comma of an address ("Excavator 2, polish rock 1"), or first in its
  sentence ("Sweep puddle 2 with truck 3.", "... Then sweep puddle 2."; not "Regarding rock 1, ...");
- the object is a place named, not a pronoun ("held there", "arrange that"), the robot is not negated ("no robot
  <word> puddle 2" is a keep-out), no verb of ours later in the clause takes the object ("treats puddle 1 as
  no-go"; a later verb with a place of its own takes none: "crosses obstacle 2 to reach puddle 1"), and no list
  of steps follows the place ("handle rock 1 (drive there, dig, ...)": a summary).

After "then" / "and then" an unknown word with nothing we read after it in its clause ("and then *paints* it",
"then *sweeps* there") is refused the same way: that clause gave no step at all, and the action was dropped without
a word. A verb of doing nothing there ("and then *idles*", "then *rests* for a while"; lexicon ``idle_verbs``) is
no step and no refusal: nothing was dropped.

A lifting verb that also means taking a thing away ("remove"; lexicon ``place_removal_verbs``) is refused the same
way when a place named follows it directly and no keep-out noun comes later in its clause: "excavator 3 *removes*
rock 2" asks to take rock 2 away (an action the fleet lacks), never to lift a keep-out of rock 2 (it was read as an
allow); "remove the zone around rock 1" and "removes rock 1 from the keep-out zones" stay liftings.

"Truck 1 *leaves* rock 1." (lexicon ``departure_verbs``) said as a whole order, the place last in its sentence, is
a departure with no destination: it was read as a move TO rock 1. It is refused, asking where the robot goes;
"leaves rock 1 for soil 1", "leaves the puddle and drives to obstacle 2" and "after truck 1 leaves rock 1" are not.

A word we know that says no action of ours (lexicon ``vague_action_verbs``: "excavator 1 *works* rock 1") is
refused the same way when a place follows it directly; an unknown word right after the robot (or "then") is also
refused before a preposition of rest and a place (lexicon ``rest_prepositions``: "excavator 2 *polishes at* rock 1"),
unless it is a participle ("positioned at soil 2") or a verb of doing nothing ("idles at rock 1" waits there).

The message names the word with its object, the robot, and what that robot can do (the first synonym of each of
its skills in the fleet file), so it can be said again with a skill the fleet has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from dart_planner.core.fleet import Fleet, SkillScope

from .lexicon import PhraseIndex
from .segment import SENTENCE_END, Item, ItemKind

__all__ = ["unknown_action_errors"]

_SLOT_CONNECTIVES = frozenset({"sequence", "final", "first"})
"""Connectives after which a robot's next verb comes ("then", "and then", "finally", "first")."""
_ADDRESS_MARKS = frozenset({",", ":"})



def unknown_action_errors(items: Sequence[Item], used: set[int], known: Iterable[str], joins: Iterable[str],
                          fleet: Fleet, idle: Iterable[str] = (), removal: Iterable[str] = (),
                          keepout_nouns: PhraseIndex[bool] | None = None,
                          departure: Iterable[str] = (), vague: Iterable[str] = (),
                          rest_prepositions: Iterable[str] = (), participle_endings: Iterable[str] = (),
                          robot_object: Iterable[str] = (), particles: Iterable[str] = (),
                          cargo: Iterable[str] = (), articles: Iterable[str] = ()) -> list[str]:
    """A refusal for each unknown word in a robot's verb slot that is followed directly by an object.

    ``used`` holds the token indices some reading took, ``known`` every word the lexicon knows (fillers
    included), ``joins`` the words that continue a clause ("and", "but"), ``idle`` the verbs of doing nothing
    (lexicon ``idle_verbs``: "and then *idles*" is no step, never refused), ``removal`` the lifting verbs that
    with a place as object mean taking it away (lexicon ``place_removal_verbs``), ``keepout_nouns`` the keep-out
    nouns whose presence later in the clause keeps such a verb a lifting, ``departure`` the verbs of leaving a
    place (lexicon ``departure_verbs``), ``vague`` the words of the lexicon that say no action of ours in a verb slot
    (lexicon ``vague_action_verbs``: "works rock 1"), ``rest_prepositions`` the prepositions of where a thing happens
    (lexicon ``rest_prepositions``: "polishes *at* rock 1"), which do not make an unknown word a move, and
    ``participle_endings`` those of a word that says where a thing is, not what it does ("positioned at soil 2"),
    ``robot_object`` the known words that between two robots say what the first does to the second ("gives *way*"),
    ``particles`` those that may stand between the word and its place ("clears *out* rock 1", lexicon
    ``phrasal_particles``), ``cargo`` the nouns of what is carried and ``articles`` the words before them (lexicon
    ``cargo``, ``thing_articles``): a thing the word acts on before a preposition of rest and its place ("*shift the
    dirt at* soil 2") is that word's object, its place where it is done.
    """
    known_words = frozenset(known)
    join_words = frozenset(joins)
    idle_words = frozenset(idle)
    removal_words = frozenset(removal)
    departure_words = frozenset(departure)
    vague_words = frozenset(vague)
    object_words = frozenset(robot_object)
    rest_words = frozenset(rest_prepositions)
    particle_words = frozenset(particles)
    participle = tuple(participle_endings)
    cargo_words = frozenset(cargo) - {"it", "them"}
    article_words = frozenset(articles)

    def unknown(it: Item) -> bool:
        return it.kind is ItemKind.WORD and it.end - it.start == 1 and it.text.isalpha() \
            and (it.text not in known_words or it.text.lower() in vague_words) and it.start not in used

    def place_after(j: int) -> int:
        """Where the place after the word at ``j`` is: right after it, or after a preposition of rest ("polishes
        *at* rock 1"); 0 when there is none."""
        if _named_place(items, j + 1):
            return j + 1
        if j + 2 < len(items) and items[j + 1].kind is ItemKind.WORD \
                and items[j + 1].text.lower() in particle_words and _named_place(items, j + 2):
            return j + 2  # "clears out rock 1": the particle belongs to the word, the place is its object
        if j + 2 < len(items) and items[j + 1].kind is ItemKind.WORD and items[j + 1].text.lower() in rest_words \
                and _named_place(items, j + 2) and rests_ok(j):
            return j + 2
        return thing_place(j)

    def thing_place(j: int) -> int:
        """Where the place is after the word at ``j``, a thing it acts on and a preposition of rest ("excavator 2,
        *shift (out) the dirt at* soil 2"); 0 when there is none. Read without the word, the clause was a move
        there and the work asked for was dropped in silence."""
        k = j + 1
        if k < len(items) and items[k].kind is ItemKind.WORD and items[k].text.lower() in particle_words:
            k += 1
        if k < len(items) and items[k].kind is ItemKind.WORD and items[k].text.lower() in article_words:
            k += 1
        if not (k + 2 < len(items) and all(x.kind is ItemKind.WORD for x in items[k:k + 2])
                and items[k].text.lower() in cargo_words and items[k + 1].text.lower() in rest_words
                and _named_place(items, k + 2)):
            return 0
        word = items[j].text.lower()
        return k + 2 if not word.endswith(participle) and word not in idle_words else 0

    def moves_thing(it: Item) -> bool:
        """A word we know that no reading took ("shift", a noun of the lexicon: "the end of the *shift*"), or a verb
        of moving or carrying ("move", "haul"), in a robot's verb slot: before a thing and "at <place>" ("*shift the
        dirt at* soil 2") it moves that thing where it lies, not the robot; read as a move there, the work asked for
        was dropped in silence."""
        if it.kind is ItemKind.VERB:
            return getattr(it.payload, "target", "") == "navigate"
        return it.kind is ItemKind.WORD and it.end - it.start == 1 and it.text.isalpha() and it.start not in used \
            and it.text.lower() not in article_words | particle_words | cargo_words

    def rests_ok(j: int) -> bool:
        """The word may take a place after a preposition of rest: it comes right after the robot or "then" ("stands
        guard at", "keeps an eye on" have known words before it), and it is no participle ("positioned at soil 2",
        "planned at rock 2" say where a robot or an event is), no verb of doing nothing ("idles at rock 1" waits
        there) and no vague word we know ("works at soil 1" is being there, L3_304)."""
        word = items[j].text.lower()
        lead = items[j - 1] if j > 0 else None
        said_by = lead is not None and (lead.kind is ItemKind.ROBOT or (
            lead.kind is ItemKind.CONNECTIVE and lead.payload in _SLOT_CONNECTIVES))
        return said_by and not word.endswith(participle) and word not in idle_words and word not in vague_words

    errors: list[str] = []
    for j in range(1, len(items)):
        it = items[j]
        if unknown(it) and it.text not in idle_words and items[j - 1].kind is ItemKind.CONNECTIVE \
                and items[j - 1].payload in _SLOT_CONNECTIVES and _nothing_else(items, j + 1):
            robot = _subject(items, j - 1, j, join_words)
            if robot is not None and not getattr(robot.payload, "negated", False):
                rest = _clause_words(items, j)
                errors.append(_not_a_skill(rest, it.text, robot, fleet))
    for j in range(1, len(items) - 1):
        if _bare_departure(items, j, departure_words, join_words):
            robot = items[j - 1]
            place = items[j + 1].text
            errors.append(f"{items[j].text + ' ' + place!r}: {_named(robot)} {items[j].text} {place} but is not told "
                          f"where to go; say where it goes ('{items[j].text} {place} for <place>')")
    for j in range(len(items) - 1):
        it = items[j]
        # "excavator 3 removes rock 2": no lifting but an action the fleet lacks, checked as an unknown word is
        removes = _removes_place(items, j, removal_words, keepout_nouns)
        at = j + 1 if removes else place_after(j) if unknown(it) else thing_place(j) if moves_thing(it) else 0
        if not at:
            continue  # "held there", "arrange that": a pronoun after a word we do not know is no place to go to
        if _verb_follows(items, at + 1, join_words):
            continue  # "treats puddle 1 as no-go": the object belongs to the verb after it
        if _steps_follow(items, at + 1):
            continue  # "handle rock 1 (drive there, dig, ...)": a summary of the steps said after it
        k = j - 1  # back over the words between the slot's lead and the verb ("should quickly")
        while k >= 0 and items[k].kind is ItemKind.WORD and items[k].text not in join_words \
                and (unknown(items[k]) or items[k].text in known_words):
            k -= 1
        robot = _subject(items, k, j, join_words)
        if robot is None or getattr(robot.payload, "negated", False):
            continue  # "no robot <word> puddle 2": a negated clause is a keep-out, read elsewhere
        if getattr(robot.payload, "form", "") == "pronoun":  # "then it paints ...": name the robot it stands for
            robot = next((x for x in reversed(items[:j]) if x.kind is ItemKind.ROBOT
                          and getattr(x.payload, "form", "") in ("ids", "type")), robot)
        said = " ".join(x.text for x in items[j:at + 1])
        errors.append(_not_a_skill(said, it.text, robot, fleet) if unknown(it) or removes
                      else _thing_moved(said, it.text, robot, fleet))
    errors += _robot_object_errors(items, used, lambda x: unknown(x) or x.text.lower() in object_words, join_words,
                                   fleet)
    return errors


def _robot_object_errors(items: Sequence[Item], used: set[int], odd: Callable[[Item], bool],
                         joins: frozenset[str], fleet: Fleet) -> list[str]:
    """"Truck 1 *gives way to* truck 2 at puddle 1": words no reading took, one of them ``odd``, between a robot
    named and another robot are something the first does to or for the second (yields, tows), never a move of both
    to the place after it, which is what the robots and the place alone made of it."""
    errors: list[str] = []
    for j in range(1, len(items)):
        lead = items[j - 1]
        if lead.kind is not ItemKind.ROBOT or getattr(lead.payload, "negated", False) \
                or getattr(lead.payload, "form", "") not in ("ids", "type"):
            continue
        k = j
        while k < len(items) and items[k].kind is ItemKind.WORD and items[k].text.lower() not in joins \
                and items[k].start not in used:
            k += 1
        if j < k < len(items) and items[k].kind is ItemKind.ROBOT and any(odd(x) for x in items[j:k]):
            errors.append(_not_a_skill(" ".join(x.text for x in items[j:k + 1]), items[j].text, lead, fleet))
    return errors


def _named_place(items: Sequence[Item], k: int) -> bool:
    return k < len(items) and items[k].kind is ItemKind.OBJECT and getattr(items[k].payload, "form", "") != "pronoun"


def _bare_departure(items: Sequence[Item], j: int, departure: frozenset[str], joins: frozenset[str]) -> bool:
    """"Truck 1 leaves rock 1.": a verb of leaving right after a robot that gives the order (it opens its sentence
    or follows "and" / "then"), a place named right after it, and the sentence ends there."""
    it, nxt, robot = items[j], items[j + 1], items[j - 1]
    if not (it.text.lower() in departure and it.end - it.start == 1 and robot.kind is ItemKind.ROBOT
            and not getattr(robot.payload, "negated", False) and getattr(robot.payload, "form", "") != "pronoun"
            and nxt.kind is ItemKind.OBJECT and getattr(nxt.payload, "form", "") != "pronoun"):
        return False
    if j + 2 < len(items) and not (items[j + 2].kind is ItemKind.PUNCT and items[j + 2].payload in SENTENCE_END):
        return False  # "leaves rock 1 for soil 1", "leaves rock 1, and ...": more is said
    if j < 2:
        return True
    lead = items[j - 2]
    return _opens_sentence(items, j - 2) or (lead.kind is ItemKind.CONNECTIVE and lead.payload in _SLOT_CONNECTIVES) \
        or (lead.kind is ItemKind.WORD and lead.text in joins)


def _removes_place(items: Sequence[Item], j: int, removal: frozenset[str],
                   keepout_nouns: PhraseIndex[bool] | None) -> bool:
    """``items[j]`` is a removal verb ("removes") with a place named right after it and no keep-out noun later in
    its clause ("removes rock 1 from the keep-out zones" is a lifting), and not read as a digging ("removes rock 1 by
    breaking it up")."""
    it, nxt = items[j], items[j + 1]
    if not (it.kind is ItemKind.VERB and it.text.lower() in removal and it.payload.target != "dig"
            and nxt.kind is ItemKind.OBJECT
            and getattr(nxt.payload, "form", "") != "pronoun"):
        return False
    for x in items[j + 2:]:
        if x.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.ROBOT, ItemKind.VERB):
            break
        words = x.text.lower().split()
        if keepout_nouns is not None and any(keepout_nouns.match(words, i) for i in range(len(words))):
            return False
    return True


def _verb_follows(items: Sequence[Item], k: int, joins: frozenset[str]) -> bool:
    """A verb of ours comes later in the same clause (before punctuation, a connective, a robot, or a joining word
    that opens another verb or robot)."""
    for m in range(k, len(items)):
        x = items[m]
        if x.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.ROBOT):
            return False
        if x.kind is ItemKind.VERB:
            return not _has_own_object(items, m + 1)
        if x.kind is ItemKind.WORD and x.text in joins and m + 1 < len(items) \
                and items[m + 1].kind in (ItemKind.VERB, ItemKind.ROBOT):
            return False
    return False


def _has_own_object(items: Sequence[Item], k: int) -> bool:
    """A place named from ``k`` to the clause's end: the verb before ``k`` has an object of its own, so the place
    before that verb is not its ("crosses obstacle 2 to *reach puddle 1*"; "treats puddle 1 as no-go" has none)."""
    for x in items[k:]:
        if x.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.ROBOT, ItemKind.VERB):
            return False
        if x.kind is ItemKind.OBJECT and getattr(x.payload, "form", "") != "pronoun":
            return True
    return False


def _steps_follow(items: Sequence[Item], k: int) -> bool:
    """The steps of the job come right after the place: "(" or ":" then a verb, or ", <verb> there" (a dash is read
    as a comma)."""
    if k + 1 >= len(items) or items[k].kind is not ItemKind.PUNCT or items[k + 1].kind is not ItemKind.VERB:
        return False
    if items[k].payload in ("(", ":"):
        return True
    return items[k].payload == "," and k + 2 < len(items) and items[k + 2].kind is ItemKind.OBJECT \
        and getattr(items[k + 2].payload, "form", "") == "pronoun"


def _subject(items: Sequence[Item], k: int, j: int, joins: frozenset[str]) -> Item | None:
    """The robot whose verb slot ends at ``items[k]`` (its lead) and holds ``items[j]``, or None when the slot is
    no verb slot."""
    if _opens_sentence(items, k) or (_opens_sentence(items, k - 1) and items[k].kind is ItemKind.CONNECTIVE
                                     and items[k].payload in _SLOT_CONNECTIVES):
        return _addressed(items, j)
    lead = items[k]
    if lead.kind is ItemKind.ROBOT:
        return lead
    if lead.kind is ItemKind.PUNCT and lead.payload in _ADDRESS_MARKS:
        # "Excavator 2, polish rock 1": an address opens the sentence (a robot and the mark, nothing before)
        if k >= 1 and items[k - 1].kind is ItemKind.ROBOT and (
                k == 1 or (items[k - 2].kind is ItemKind.PUNCT and items[k - 2].payload in SENTENCE_END)):
            return items[k - 1]
        return None
    continued = (lead.kind is ItemKind.CONNECTIVE and lead.payload in _SLOT_CONNECTIVES) or (
        lead.kind is ItemKind.WORD and lead.text in joins)
    if not continued:
        return None
    # the clause it continues is a robot's: the latest robot of the same sentence, with a verb after it
    verb = False
    for x in reversed(items[:k]):
        if x.kind is ItemKind.PUNCT and x.payload in SENTENCE_END:
            return None
        if x.kind is ItemKind.VERB:
            verb = True
        elif x.kind is ItemKind.ROBOT and verb:
            return x
    return None


def _nothing_else(items: Sequence[Item], k: int) -> bool:
    """The rest of the clause from ``k`` names nothing we read (only words, or a pronoun for a thing)."""
    for x in items[k:]:
        if x.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            return True
        if x.kind is ItemKind.WORD or (x.kind is ItemKind.OBJECT and getattr(x.payload, "form", "") == "pronoun"):
            continue
        return False
    return True


def _clause_words(items: Sequence[Item], j: int) -> str:
    out = []
    for x in items[j:]:
        if x.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            break
        out.append(x.text)
    return " ".join(out)


def _opens_sentence(items: Sequence[Item], k: int) -> bool:
    return k < 0 or (items[k].kind is ItemKind.PUNCT and items[k].payload in SENTENCE_END)


def _addressed(items: Sequence[Item], j: int) -> Item | None:
    """The robot an order that opens its sentence with the verb is for ("Sweep puddle 2 with truck 1.", "Truck 1
    goes to soil 1. Then sweep puddle 2."): a robot later in the sentence, else the robot named last before it.
    None for "Regarding rock 1, ...": a phrase put first, set off by a comma, is no order."""
    after = items[j + 2] if j + 2 < len(items) else None
    if after is not None and after.kind is ItemKind.PUNCT and after.payload == ",":
        return None
    for x in items[j + 2:]:
        if x.kind is ItemKind.PUNCT and x.payload in SENTENCE_END:
            break
        if x.kind is ItemKind.ROBOT:
            return x
    return next((x for x in reversed(items[:j]) if x.kind is ItemKind.ROBOT), None)


def _not_a_skill(said: str, word: str, robot: Item, fleet: Fleet) -> str:
    """The refusal: what was said, the word the fleet has no skill for, and what the robot can do instead."""
    return (f"{said!r}: {word!r} is not a skill of {_named(robot)} "
            f"({_pronoun(robot)} can: {', '.join(_skills(robot, fleet))}); say it with one of those")


def _thing_moved(said: str, word: str, robot: Item, fleet: Fleet) -> str:
    """The refusal of a thing moved where it lies: digging it, or hauling it away? The robot is not told which."""
    return (f"{said!r}: to {word!r} a thing where it lies is not a skill of {_named(robot)} "
            f"({_pronoun(robot)} can: {', '.join(_skills(robot, fleet))}); say what {_pronoun(robot)} does there "
            f"with one of those")


def _named(robot: Item) -> str:
    return robot.text or "the robot"


def _pronoun(robot: Item) -> str:
    desc = robot.payload
    plural = bool(getattr(desc, "plural", False)) or len(getattr(desc, "ids", ())) > 1 \
        or getattr(desc, "form", "") == "fleet"
    return "they" if plural else "it"


def _skills(robot: Item, fleet: Fleet) -> list[str]:
    """What the robots of the mention can do, one short phrase per skill (the skill's first synonym)."""
    desc = robot.payload
    ids = tuple(getattr(desc, "ids", ()))
    rtype = str(getattr(desc, "rtype", ""))
    robots = [r for r in fleet.robots if r.id in ids] if ids else \
        [r for r in fleet.robots if r.type == rtype] if rtype else list(fleet.robots)
    names = set().union(*(r.skills for r in robots)) if robots else set(fleet.skills)
    out: list[str] = []
    for name, spec in fleet.skills.items():
        if name in names and spec.scope is SkillScope.SPECIFIC:
            phrase = spec.synonyms[0] if spec.synonyms else name
            if phrase not in out:
                out.append(phrase)
    return out
