"""Robot pronouns that stand for a thing, not a robot.

"we need it broken up", "an excavator and a dump truck handle it together": an "it" after the
clause's subject and a word that is no verb we know is that word's object, the job or the pile
spoken of, when no robot was named in an earlier sentence for it to stand for. Read as a robot
mention, it had nothing to refer to and failed the whole instruction.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .mentions import ObjectDesc
from .segment import SENTENCE_END, Item, ItemKind

__all__ = ["fold_checked_both", "fold_dug_it", "fold_thing_adverbs", "fold_thing_it", "fold_thing_quantifiers",
           "fold_worked_place_lists"]

# words after which "it" opens a new clause as its subject ("and it goes"), not an object
_CLAUSE_WORDS = frozenset({"and", "or", "but", "then", "so", "while", "as", "if", "when", "until", "once",
                           "because", "since", "where", "that", "which"})
# people who speak of the job: a subject whose "it" is no robot of theirs
_PEOPLE = frozenset({"we", "i", "you"})


def fold_thing_it(items: Sequence[Item]) -> list[Item]:
    """Turn an object-position "it" with no robot named in an earlier sentence into a plain word."""
    out = list(items)
    robots_before = False  # a robot named in an earlier sentence
    sentence_has_subject = False  # a robot or a person named earlier in this sentence
    sentence_robot = False
    for k, it in enumerate(out):
        if it.kind is ItemKind.PUNCT and it.payload in SENTENCE_END:
            robots_before = robots_before or sentence_robot
            sentence_has_subject = sentence_robot = False
            continue
        if it.kind is ItemKind.WORD and it.text in _PEOPLE:
            sentence_has_subject = True
            continue
        if it.kind is not ItemKind.ROBOT:
            continue
        d = it.payload
        if d.form == "pronoun" and d.pronoun == "it" and not robots_before and sentence_has_subject and k > 0:
            prev = out[k - 1]
            if prev.kind is ItemKind.WORD and prev.text not in _CLAUSE_WORDS:
                out[k] = Item(ItemKind.WORD, it.start, it.end, None, it.text)
                continue
        sentence_has_subject = True
        sentence_robot = sentence_robot or d.form != "pronoun"
    return out


def fold_dug_it(items: Sequence[Item]) -> list[Item]:
    """"We need to get rid of the soil at soil 2. Excavator 2 can dig it ...": right after a verb of digging, an
    "it" with no place of its own after it is the soil dug, where it lies: the place spoken of last, as "dig there"
    (one a goal may have named alone). Read as a robot, the digging had no place and the goal went unmet."""
    out = list(items)
    for k in range(1, len(out)):
        it, prev = out[k], out[k - 1]
        if it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun == "it" \
                and prev.kind is ItemKind.VERB and prev.payload.target == "dig" and not _place_after(out, k) \
                and not _opens_clause(out, k):
            out[k] = Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc("pronoun", pronoun="there"), it.text)
    return out


def fold_checked_both(items: Sequence[Item], verbs: Container[str]) -> list[Item]:
    """"Once it has checked both, excavator 1 ...": right after a verb of checking (lexicon ``checked_both_verbs``)
    whose checker was said before it in its clause, a bare "both" ("both of them") with no place after it is the
    places checked, as "both places". Read as the two robots named last, the checker joined the next clause's
    step (truck 2 given excavator 1's move, or a lifting of a keep-out it never had)."""
    out = list(items)
    for k in range(2, len(out)):
        it, prev = out[k], out[k - 1]
        if it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.payload.pronoun == "both" \
                and prev.kind is ItemKind.VERB and prev.payload.lemma in verbs and not _place_after(out, k) \
                and not _opens_clause(out, k) and _checker_before(out, k - 1):
            out[k] = Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc("pronoun", pronoun="both places"), it.text)
    return out


def fold_worked_place_lists(items: Sequence[Item], verbs: Container[str], pronouns: Container[str],
                            prepositions: Container[str], joins: Container[str]) -> list[Item]:
    """"Truck 1 avoids puddle 1 and puddle 2 until excavator 2 has inspected *them*", "... has broken *both* up",
    "... has dug at *both*": right after a verb of checking (lexicon ``checked_both_verbs``) or of digging, past a
    place preposition, a robot pronoun that can point back at a list of places (``place_list_pronouns``), with no
    place after it, the verb's doer said before it in its clause and the last places said before it a list
    (``thing_list_joins``), is those places, as "both places": no robot is checked or dug. Read as the robots named
    last, the inspection had no place and was refused, or kept one place of two, and the digger was given a
    keep-out of its own while its digging had no move. With no list before it ("excavator 2 inspects soil 1 and
    truck 1 soil 2. After they have inspected them, ..."), it stays what it was."""
    out = list(items)
    for k in range(2, len(out)):
        it = out[k]
        if it.kind is not ItemKind.ROBOT or it.payload.form != "pronoun" or it.text.lower() not in pronouns:
            continue
        v = k - 1
        if out[v].kind is ItemKind.WORD and out[v].text.lower() in prepositions:
            v -= 1  # "dug at both"
        verb = out[v]
        if verb.kind is ItemKind.VERB and (verb.payload.lemma in verbs or verb.payload.target == "dig") \
                and not _place_after(out, k) and not _opens_clause(out, k) and _checker_before(out, v) \
                and _list_before(out, v, joins):
            out[k] = Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc("pronoun", pronoun="both places"), it.text)
    return out


def _list_before(items: Sequence[Item], k: int, joins: Container[str]) -> bool:
    """The last place named before ``k`` ends a list of places, each joined to the one before by ``joins`` only."""
    last = next((j for j in range(k - 1, -1, -1) if items[j].kind is ItemKind.OBJECT), None)
    if last is None:
        return False
    said = items[last].payload
    if len(said.names) > 1 or (said.form == "kind" and (said.plural or said.det in ("both", "all"))):
        return True  # "rocks 1 and 2", "both rocks", "the rocks"
    if said.form != "names":
        return False
    j = last - 1
    while j >= 0 and items[j].kind in (ItemKind.WORD, ItemKind.PUNCT) and items[j].text.lower() in joins:
        j -= 1
    return j < last - 1 and j >= 0 and items[j].kind is ItemKind.OBJECT and items[j].payload.form == "names"


def _checker_before(items: Sequence[Item], v: int) -> bool:
    """A robot before the verb at ``v`` in its clause (back to punctuation or a connective)."""
    for x in reversed(items[:v]):
        if x.kind is ItemKind.ROBOT:
            return True
        if x.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.VERB):
            return False
    return False


def _opens_clause(items: Sequence[Item], k: int) -> bool:
    """A modal or a verb right after the "it" at ``k``: it is the subject of a clause of its own ("once excavator 1
    has finished digging it should load the truck")."""
    nxt = items[k + 1:k + 3]
    return bool(nxt) and (nxt[0].kind in (ItemKind.MARK, ItemKind.VERB) or (
        len(nxt) == 2 and nxt[0].kind is ItemKind.WORD and nxt[0].text not in _CLAUSE_WORDS
        and nxt[1].kind is ItemKind.VERB))  # "it must load": the modal is a plain word here


def _place_after(items: Sequence[Item], k: int) -> bool:
    """An object after ``k`` in its clause (up to the next robot, verb, connective or punctuation)."""
    for x in items[k + 1:]:
        if x.kind is ItemKind.OBJECT:
            return True
        if x.kind in (ItemKind.ROBOT, ItemKind.VERB, ItemKind.PUNCT, ItemKind.CONNECTIVE):
            return False
    return False


def _objects_open(items: Sequence[Item], last: int, joins: Container[str]) -> bool:
    """Items up to ``last`` from the sentence's start are objects joined by ``joins`` ("rock 1 and rock 2"),
    the opening object and the last one objects."""
    j = last
    while j >= 0 and (items[j].kind is ItemKind.OBJECT or (items[j].kind in (ItemKind.WORD, ItemKind.PUNCT)
                                                          and items[j].text in joins)):
        j -= 1
    opens = j < 0 or (items[j].kind is ItemKind.PUNCT and items[j].payload in SENTENCE_END)
    return opens and items[j + 1].kind is ItemKind.OBJECT and items[last].kind is ItemKind.OBJECT


def fold_thing_quantifiers(items: Sequence[Item], copulas: Container[str], quantifiers: Container[str],
                           joins: Container[str] = ()) -> list[Item]:
    """"Rock 1 and rock 2 are both cleared today": a quantifier (``quantifiers``: "both", "all") right after a
    sentence's opening objects (joined by ``joins``: "and", commas) and a form of "be" (``copulas``) floats on those
    objects; it becomes a filler mark, so the sentence is a remark about the objects. Read as "both" robots,
    the sentence asked for a step with no robot named and failed the whole instruction."""
    out = list(items)
    for k in range(2, len(out)):
        it = out[k]
        if not (it.kind is ItemKind.ROBOT and it.payload.form == "pronoun" and it.text in quantifiers):
            continue
        if not (out[k - 1].kind is ItemKind.WORD and out[k - 1].text in copulas):
            continue
        if _objects_open(out, k - 2, joins):
            out[k] = Item(ItemKind.MARK, it.start, it.end, "filler", it.text)
    return out


def fold_thing_adverbs(items: Sequence[Item], auxiliaries: Container[str],
                       joins: Container[str] = frozenset()) -> list[Item]:
    """"Puddle 2 has *finally* dried out, so ...", "Obstacle 1 is *now* clear": a time word between a sentence's
    opening objects and their auxiliary (``auxiliaries``: "has", "is") and a predicate with no verb we know and no
    robot says when the state came about; it becomes a filler mark, so the clause stays one remark about the
    objects. Read as a connective, it cut the remark in two, and "puddle 2 has" was refused for want of a robot.
    ``joins``: the words and marks that join the opening objects (the lexicon's ``thing_list_joins``)."""
    out = list(items)
    for k in range(2, len(out)):
        if out[k].kind is not ItemKind.CONNECTIVE:
            continue
        if not (out[k - 1].kind is ItemKind.WORD and out[k - 1].text in auxiliaries):
            continue
        if not _objects_open(out, k - 2, joins):
            continue
        end = next((e for e in range(k + 1, len(out)) if out[e].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)),
                   len(out))
        rest = out[k + 1:end]
        if rest and not any(c.kind in (ItemKind.VERB, ItemKind.ROBOT, ItemKind.OBJECT) for c in rest):
            out[k] = Item(ItemKind.MARK, out[k].start, out[k].end, "filler", out[k].text)
    return out
