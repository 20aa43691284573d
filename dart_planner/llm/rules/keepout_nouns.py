"""Keep-out nouns that only name the zone another keep-out verb acts on.

"Keep-out", "no-go zone" and the like are verbs in the lexicon ("put a keep-out on rock 1" asks for
one), but in "the keep-out on obstacle 1 is lifted", "lift the soil 1 keep-out" or "fence off the
no-go zone around rock 2" the noun is what another keep-out verb of the same clause acts on. Read
as a verb it would add a second, opposite step ("avoid" then "allow"), so it is folded into a
filler mark here, before the clauses are cut. A verb directly followed by the noun ("lift the
keep-out on puddle 1") already swallows it when scanned (:meth:`.mentions.Scanner.verb`).
"""

from __future__ import annotations

from collections.abc import Collection, Container, Sequence

from .lexicon import EventSpec, PhraseIndex, tokenize_phrase
from .mentions import ObjectDesc
from .segment import SENTENCE_END, Item, ItemKind, _is_mark, clause_bounds, sentence_start
from .verbs import KEEPOUT_ACTIONS, MOVES

__all__ = ["EVERY_KEEPOUT", "fold_counted_liftings",
           "fold_keepout_nouns", "fold_same_robots", "fold_keepout_events", "fold_keepout_pronouns",
           "fold_object_asides", "fold_place_states", "fold_anchor_keepout_subjects", "fold_colon_named_keepouts"]


EVERY_KEEPOUT = "every keep-out"
"""The place pronoun a counted lifting is folded into (:func:`fold_counted_liftings`): every keep-out still up."""


def _is_noun(item: Item, nouns: PhraseIndex[bool]) -> bool:
    return item.kind is ItemKind.VERB and item.payload.target == "add_keepout" and _whole_noun(item.text, nouns)


def _whole_noun(text: str, nouns: PhraseIndex[bool]) -> bool:
    """Whether ``text`` is, word for word, one of the keep-out ``nouns``."""
    words = tokenize_phrase(text)
    hit = nouns.match(words, 0) if words else None
    return hit is not None and hit[0] == len(words)


def _definite_noun(items: Sequence[Item], k: int, nouns: PhraseIndex[bool], definite: Container[str]) -> bool:
    """Whether item ``k`` is a keep-out noun after a definite word (``definite``: "the keep-out"): one that
    names a keep-out already spoken of."""
    return k > 0 and _is_noun(items[k], nouns) and items[k - 1].kind is ItemKind.WORD \
        and items[k - 1].text in definite


def _split_noun_of(items: Sequence[Item], nouns: PhraseIndex[bool], definite: Container[str]) -> list[Item]:
    """Items with "the keep-out of" cut into the noun and "of": the scanner takes the longest phrase, the verb "keep
    out of", but after a definite word it is the noun ("the keep-out of obstacle 1 is lifted"), which the clause's
    own verb acts on."""
    out: list[Item] = []
    for k, it in enumerate(items):
        words = tokenize_phrase(it.text)
        if it.kind is ItemKind.VERB and it.payload.target == "add_keepout" and len(words) > 1 \
                and words[-1] == "of" and k > 0 and items[k - 1].kind is ItemKind.WORD \
                and items[k - 1].text in definite and _whole_noun(" ".join(words[:-1]), nouns):
            out += [Item(ItemKind.VERB, it.start, it.end - 1, it.payload, " ".join(words[:-1])),
                    Item(ItemKind.WORD, it.end - 1, it.end, None, "of")]
        else:
            out.append(it)
    return out


def fold_keepout_nouns(items: Sequence[Item], nouns: PhraseIndex[bool],
                       persist: Container[str] = (), definite: Container[str] = ()) -> list[Item]:
    """Items with each keep-out noun that shares its clause (up to punctuation or a connective)
    with another keep-out verb turned into a filler mark; so is a definite keep-out noun whose clause
    only says it stays (``persist``: "the keep-out on puddle 1 stays until truck 1 has tipped"), which
    speaks of the keep-out already in place (read as a verb, it put up a second one). ``definite``: the
    lexicon's ``keepout_definite_words``."""
    out = _split_noun_of(items, nouns, definite)
    for k in range(1, len(out)):
        if not _definite_noun(out, k, nouns, definite):
            continue
        rest = out[k + 1:clause_bounds(out, k)[1]]
        if any(it.kind is ItemKind.WORD and it.text in persist for it in rest) \
                and not any(it.kind in (ItemKind.VERB, ItemKind.ROBOT) for it in rest):
            out[k] = Item(ItemKind.MARK, out[k].start, out[k].end, "filler", out[k].text)

    k = 0
    while k < len(out):
        if out[k].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            k += 1
            continue
        start, end = clause_bounds(out, k)
        verbs = [j for j in range(start, end)
                 if out[j].kind is ItemKind.VERB and out[j].payload.target in KEEPOUT_ACTIONS]
        if len(verbs) > 1:
            plain = [j for j in verbs if not _is_noun(out[j], nouns)]
            for j in verbs:
                if plain and j not in plain:
                    it = out[j]
                    out[j] = Item(ItemKind.MARK, it.start, it.end, "filler", it.text)
        k = end + 1
    return out



def fold_removed_places(items: Sequence[Item], removal: Container[str], nouns: PhraseIndex[bool],
                        prepositions: Container[str]) -> list[Item]:
    """"We need rock 2 removed.", "Rock 2 must be removed.": a removal verb (``removal``: the lexicon's
    ``place_removal_verbs``) said of a place named before it as its subject, with only plain words between and no
    keep-out word (noun or verb) and no "from" in its clause, is taking the thing away, as "excavator 3 removes
    rock 2" is (refused by :mod:`.unknownverbs`), not lifting a keep-out (it lifted one nobody put up). The verb
    becomes a plain word, so the sentence is read as a goal or a remark. A place after a preposition (``prepositions``:
    "the fence *around* puddle 1 is removed") is not the subject, and "removed from the keep-out zones" is a lifting."""
    out = list(items)
    for k, it in enumerate(out):
        if not (it.kind is ItemKind.VERB and it.text.lower() in removal):
            continue
        start, end = clause_bounds(out, k)
        place = next((j for j in range(k - 1, start - 1, -1) if out[j].kind is not ItemKind.WORD), None)
        if place is None or not (out[place].kind is ItemKind.OBJECT and out[place].payload.form == "names") \
                or (place > start and out[place - 1].text in prepositions):
            continue
        clause = out[start:end]
        if any(c is not it and c.kind is ItemKind.VERB and c.payload.target in KEEPOUT_ACTIONS for c in clause) \
                or any(c.text == "from" or _names_keepout(c, nouns) for c in clause):
            continue
        out[k] = Item(ItemKind.WORD, it.start, it.end, None, it.text)
    return out


def _names_keepout(item: Item, nouns: PhraseIndex[bool]) -> bool:
    words = item.text.lower().split()
    return any(nouns.match(words, i) for i in range(len(words)))


def fold_same_robots(items: Sequence[Item], lifted_group: Container[str] = ()) -> list[Item]:
    """"Once truck 2 has tipped, the keep-out around soil 1 is lifted for the same robots": in a keep-out
    clause (up to punctuation or a connective), "the same robots" names no robot of its own: the mark
    becomes a filler, so the lifting is for the robots the keep-out on that place was put up for, as an
    unnamed lifting is (:meth:`.interpret.Interpreter.keepout`). Read as "do the same", the clause repeated
    another robot's steps instead of lifting the keep-out. Outside a keep-out clause it stays a mark.

    So is one of ``lifted_group`` (the lexicon's ``lifted_group_words``) right after "for" in a lifting clause ("lift
    the keep-out for those robots"): read as the robots named last, the rest of the keep-out's robots stayed out."""
    out = list(items)
    for k, it in enumerate(out):
        if _lifted_for_group(out, k, lifted_group):
            out[k] = Item(ItemKind.MARK, it.start, it.end, "filler", it.text)
            continue
        if not (it.kind is ItemKind.MARK and it.payload == "same_robots"):
            continue
        start, end = clause_bounds(out, k)
        if any(c.kind is ItemKind.VERB and c.payload.target in KEEPOUT_ACTIONS for c in out[start:end]) \
                and not any(c.kind is ItemKind.ROBOT for c in out[start:end]):
            out[k] = Item(ItemKind.MARK, it.start, it.end, "filler", it.text)
    return out


def _lifted_for_group(items: Sequence[Item], k: int, lifted_group: Container[str]) -> bool:
    """Item ``k`` is a robot word of ``lifted_group`` after "for" in a clause that lifts a keep-out and names no
    other robot."""
    it = items[k]
    if not (k and it.kind is ItemKind.ROBOT and it.text.lower() in lifted_group
            and items[k - 1].kind is ItemKind.WORD and items[k - 1].text == "for"):
        return False
    start, end = clause_bounds(items, k)
    return any(c.kind is ItemKind.VERB and c.payload.target == "remove_keepout" for c in items[start:end]) \
        and not any(c.kind is ItemKind.ROBOT for j, c in enumerate(items[start:end], start) if j != k)


def fold_keepout_events(items: Sequence[Item], nouns: PhraseIndex[bool], definite: Container[str] = (),
                        copulas: Container[str] = (), places: Container[str] = (),
                        counting: Container[str] = ()) -> list[Item]:
    """"When the rock is broken up and the keep-out is in place, truck 2 drives in": in the condition of an
    anchor ("when", "once", ...), with no robot between the anchor and it, a definite keep-out noun followed by
    "is"/"has" is the keep-out step put up before, named as an event (as "the digging" names the digging).
    Read as a verb, it was a new keep-out with no place, and the condition lost its wait on the one made.
    ``definite`` and ``copulas``: the lexicon's ``keepout_definite_words`` and ``keepout_event_copulas``. The noun
    may name its place before the copula ("once the keep-out around puddle 2 is in place": ``places``, the lexicon's
    ``keepout_pronoun_prepositions``), and the event is then the keep-out on that place. A count may stand for the
    definite word ("once both keep-outs are in place"): the event then names that many keep-outs."""
    out = list(items)
    for k in range(1, len(out) - 1):
        it = out[k]
        count = _count_before(out, k, nouns, counting)
        if not count and not _definite_noun(out, k, nouns, definite):
            continue
        cop = k + 1
        if cop + 2 < len(out) and out[cop].kind is ItemKind.WORD and out[cop].text in places \
                and out[cop + 1].kind is ItemKind.OBJECT:
            cop += 2
        if not (out[cop].kind is ItemKind.WORD and out[cop].text in copulas):
            continue
        start = clause_bounds(out, k)[0]
        # ("when the trucks have unloaded and the keep-out ... is in place": a robot of an earlier conjunct)
        own = max((j + 1 for j in range(start, k) if out[j].kind is ItemKind.WORD and out[j].text == "and"),
                  default=start)
        if start > 0 and out[start - 1].kind is ItemKind.CONNECTIVE and out[start - 1].payload == "anchor" \
                and not any(c.kind is ItemKind.ROBOT for c in out[own:k - 1 if count else k]):
            if count:  # "both keep-outs": the count of the keep-outs, not robots
                out[k - 1] = Item(ItemKind.MARK, out[k - 1].start, out[k - 1].end, "filler", out[k - 1].text)
            out[k] = Item(ItemKind.EVENT, it.start, it.end, EventSpec("add_keepout", count=count), it.text)
    return out


def _count_before(items: Sequence[Item], k: int, nouns: PhraseIndex[bool], counting: Container[str]) -> int:
    """How many keep-outs a count right before keep-out noun ``k`` says ("*both* keep-outs", "*the two* keep-outs":
    read as robot words, ``counting`` the lexicon's ``anchor_pair_words``); 0 when none does."""
    before = items[k - 1] if k > 0 else None
    if before is None or before.kind is not ItemKind.ROBOT or before.payload.form != "pronoun" \
            or not _is_noun(items[k], nouns):
        return 0
    word = before.payload.pronoun
    return 2 if word in counting else int(word) if word.isdigit() else 0


def fold_keepout_pronouns(items: Sequence[Item], prepositions: Container[str],
                          robot_verbs: Container[str] = (), nouns: PhraseIndex[bool] | None = None) -> list[Item]:
    """"Puddle 2 has dried out, so lift the keep-out around it", "set a keep-out around it for the excavators":
    in a keep-out clause (up to punctuation or a connective), an "it" after a keep-out verb and a place word
    (``prepositions``: the lexicon's ``keepout_pronoun_prepositions``) is the place kept out of or opened, the
    object named last, never a robot (a robot's own "it" is the subject, not the object of "around"). Read as a
    robot it named a robot with nothing to refer to (or the wrong one), and the keep-out had no place. A robot
    named after the last object and before the clause ("truck 2 goes to soil 1. Excavator 2 breaks down; keep
    truck 1 away from it") may be what "it" is, so the "it" is left alone (refused if it cannot be a place). A negated
    movement ("nobody goes near it", "truck 2 must not drive into it", "nobody enters it": there right after the verb
    too, unless the verb takes a robot: ``robot_verbs``, "nobody follows it") is a keep-out clause too: it is read as
    one. "Them" is read the same way: the places of the last list. A keep-out noun right before the place word
    (``nouns``: "the keep-out around it is to be lifted") makes it so with the keep-out verb anywhere in the clause:
    a passive order says its verb after the place."""
    out = list(items)
    for k in range(2, len(out)):
        it = out[k]
        if it.text not in ("it", "them") or it.kind not in (ItemKind.ROBOT, ItemKind.WORD):
            continue
        start = clause_bounds(out, k)[0]
        before = out[k - 1]
        # "nobody enters it": right after the verb of a negated movement, too
        moved = before.kind is ItemKind.VERB and before.payload.target in MOVES and _negated_move(out[start:k]) \
            and before.payload.lemma not in robot_verbs  # ("nobody follows it": a robot)
        if not (before.kind is ItemKind.WORD and before.text in prepositions) and not moved:
            continue
        last = next((j for j in range(k - 1, -1, -1) if out[j].kind is ItemKind.OBJECT), -1)
        if any(c.kind is ItemKind.ROBOT for c in out[last + 1:start]):
            continue
        upto = clause_bounds(out, k)[1] if nouns is not None and _noun_text(out[k - 2], nouns) else k - 1
        if moved or any(c.kind is ItemKind.VERB and c.payload.target in KEEPOUT_ACTIONS for c in out[start:upto]) \
                or _negated_move(out[start:k - 1]) or _unwanted_near(out[start:k]):
            out[k] = Item(ItemKind.OBJECT, it.start, it.end, ObjectDesc("pronoun", pronoun=it.text), it.text)
    return out


_RESTATED_MARKS = frozenset({"filler", "in_place", "now"})
"""Marks a clause that only restates a keep-out may hold ("put *in place* *immediately*")."""


def fold_restated_keepouts(items: Sequence[Item], nouns: PhraseIndex[bool], definite: Container[str],
                           passives: Container[str]) -> list[Item]:
    """"All other robots are to keep away from soil 2; this keep-out is to be put in place immediately": a clause
    after punctuation made of a definite keep-out noun (``definite``: the lexicon's ``keepout_definite_words``), a
    passive verb of putting up (``passives``: ``keepout_passive_verbs``) and plain words, with no place or robot,
    right after a keep-out clause, says when that keep-out goes up, not a second one: read alone it was a fleet-wide
    keep-out beside the first. Its punctuation and words become filler, and its time marks ("immediately") join the
    keep-out before it. A clause ended by a connective ("... is put in place once truck 1 arrives") is left alone."""
    out = list(items)
    for p in range(1, len(out) - 2):
        if out[p].kind is not ItemKind.PUNCT or out[p + 1].text not in definite or not _noun_text(out[p + 2], nouns):
            continue
        start, end = clause_bounds(out, p + 2)
        if end < len(out) and out[end].kind is ItemKind.CONNECTIVE:
            continue
        rest = out[p + 3:end]
        passive = [it.kind in (ItemKind.WORD, ItemKind.EVENT) and it.text in passives for it in rest]
        if not any(passive) or not all(
                it.kind is ItemKind.WORD or put or (it.kind is ItemKind.MARK and it.payload in _RESTATED_MARKS)
                for it, put in zip(rest, passive)):
            continue
        before = clause_bounds(out, p - 1)[0]
        if not any(it.kind is ItemKind.VERB and it.payload.target == "add_keepout" for it in out[before:p]):
            continue
        for j in range(p, end):
            if not (out[j].kind is ItemKind.MARK and out[j].payload == "now"):
                out[j] = _filler(out[j])
    return out


def fold_colon_named_keepouts(items: Sequence[Item]) -> list[Item]:
    """"Don't let the other excavators anywhere near soil 2: excavators 2 and 3 need to keep away from it from the
    start": a keep-out clause for unnamed robots of one type (no verb but a keep-out one, or none after a negation)
    that opens its sentence and ends in a colon, then a keep-out clause that names robots of that type by number
    and keeps them from the same place ("it"), says one keep-out twice, the second time with the robots' names.
    Read apart, they were two keep-outs, the second after the first. The clause before the colon becomes filler,
    and "it" after the colon its place."""
    out = list(items)
    for c, colon in enumerate(items):
        if colon.kind is not ItemKind.PUNCT or colon.text != ":":
            continue
        start = sentence_start(items, c)
        place = _summary_keepout(items[start:c])
        if place is None:
            continue
        end = clause_bounds(items, c)[1]
        spot = _named_keepout(items[c + 1:end], place, items[start:c])
        if spot is None:
            continue
        for j in range(start, c + 1):
            out[j] = _filler(items[j])
        it = items[c + 1 + spot]
        if it.kind is ItemKind.ROBOT:
            out[c + 1 + spot] = Item(ItemKind.OBJECT, it.start, it.end, place.payload, it.text)
    return out


def _summary_keepout(clause: Sequence[Item]) -> Item | None:
    """The place of a keep-out clause for unnamed robots of one type with one named place (see
    :func:`fold_colon_named_keepouts`); None for any other clause."""
    places = [it for it in clause if it.kind is ItemKind.OBJECT]
    robots = [it for it in clause if it.kind is ItemKind.ROBOT]
    verbs = [it for it in clause if it.kind is ItemKind.VERB]
    if len(places) != 1 or places[0].payload.form != "names" or not robots or any(
            it.payload.form != "type" or it.payload.negated or it.payload.rtype != robots[0].payload.rtype
            for it in robots) or any(it.kind not in (ItemKind.WORD, ItemKind.MARK, ItemKind.ROBOT, ItemKind.OBJECT,
                                                     ItemKind.VERB) for it in clause):
        return None
    negated = any(it.kind is ItemKind.MARK and it.payload == "neg" for it in clause)
    keepout = [v for v in verbs if v.payload.target == "add_keepout"]
    return places[0] if (keepout and len(verbs) == 1) or (negated and not verbs) else None


def _named_keepout(clause: Sequence[Item], place: Item, summary: Sequence[Item]) -> int | None:
    """Where the place of the keep-out clause after the colon stands, when its robots are named by number, all of
    the summary's type, and its place is the summary's (or "it"); None for any other clause."""
    rtype = next(it.payload.rtype for it in summary if it.kind is ItemKind.ROBOT)
    if not clause or clause[0].kind is not ItemKind.ROBOT or clause[0].payload.form != "ids" \
            or clause[0].payload.rtype != rtype:
        return None
    verbs = [k for k, it in enumerate(clause) if it.kind is ItemKind.VERB]
    if len(verbs) != 1 or clause[verbs[0]].payload.target != "add_keepout" or verbs[0] + 1 >= len(clause):
        return None
    k = verbs[0] + 1
    it = clause[k]
    named = it.kind is ItemKind.OBJECT and it.payload.form == "names" and it.payload.names == place.payload.names
    said_it = it.kind in (ItemKind.ROBOT, ItemKind.OBJECT) and it.payload.form == "pronoun" \
        and it.payload.pronoun == "it"
    rest_plain = all(x.kind in (ItemKind.WORD, ItemKind.MARK)
                     for n, x in enumerate(clause[1:], 1) if n not in (k, verbs[0]))
    return k if (named or said_it) and rest_plain else None


def _noun_text(item: Item, nouns: PhraseIndex[bool]) -> bool:
    """Whether ``item`` is a keep-out noun: a plain word ("restriction"), a verb, or already folded into a filler
    mark ("the *keep-out* around it is lifted": its clause's verb made it one)."""
    return (item.kind in (ItemKind.VERB, ItemKind.WORD) or (item.kind is ItemKind.MARK and item.payload == "filler")) \
        and _whole_noun(item.text, nouns)


def _first_negation(clause: Sequence[Item]) -> int | None:
    """Where the first negation of the clause stands: a "not" mark, or a negated robot ("nobody", "no truck")."""
    return next((j for j, c in enumerate(clause) if (c.kind is ItemKind.MARK and c.payload == "neg")
                 or (c.kind is ItemKind.ROBOT and c.payload.negated)), None)


def _negated_move(clause: Sequence[Item]) -> bool:
    """A movement verb after a negation in its clause ("nobody goes", "no robot should drive", "must not go"): the
    interpreter turns it into a keep-out, so what it goes near is a place."""
    n = _first_negation(clause)
    return n is not None and any(c.kind is ItemKind.VERB and c.payload.target in MOVES for c in clause[n + 1:])


def _unwanted_near(clause: Sequence[Item]) -> bool:
    """"I don't want any truck near it", "nobody near it": a negation, then robots and the place word, with no
    verb: read like "I don't want any truck near rock 1" (a keep-out), so "it" is the place; read as a robot, the
    keep-out was silently lost."""
    n = _first_negation(clause)  # "nobody near it": the negated robot itself
    return n is not None and any(c.kind is ItemKind.ROBOT for c in clause[n:]) \
        and not any(c.kind is ItemKind.VERB for c in clause[n + 1:])


def _filler(it: Item) -> Item:
    return Item(ItemKind.MARK, it.start, it.end, "filler", it.text)


def _past_state(out: Sequence[Item], k: int, state_auxiliaries: Container[str], modals: Container[str]) -> bool:
    """The keep-out verb at ``k`` comes right after a past auxiliary ("was closed", "has been fenced off") with
    no modal in the two words before that ("should have been fenced off" asks for a keep-out not yet made)."""
    return k > 0 and out[k - 1].kind in (ItemKind.WORD, ItemKind.MARK) and out[k - 1].text in state_auxiliaries \
        and not any(out[j].text in modals for j in (k - 2, k - 3) if j >= 0)


def fold_object_asides(items: Sequence[Item], relatives: Container[str],
                       state_auxiliaries: Container[str] = (), modals: Container[str] = ()) -> list[Item]:
    """"Obstacle 2, which was closed yesterday for repairs, is opened again for all robots": a remark about an
    object, set off by commas and opened by a relative word (``relatives``: the lexicon's
    ``object_aside_relatives``), says how the object is, not what to do; it and its commas become filler marks,
    so the object is the subject of the verb after it. Read as a clause, the remark's verb took the object and
    the main verb had none. A remark that runs to the end of the sentence is one too when it holds only plain words
    ("..., which is flooded."). A remark that names a robot or a connective, or runs to the end of the sentence
    with more than plain words, is left as it is, and so is one with a verb or event that is no past state (a verb
    right after one of ``state_auxiliaries``, the lexicon's ``keepout_state_auxiliaries``, with none of ``modals``
    before it): "puddle 1, which we close off now, ..." is an order, and folded away it was lost without a trace."""
    out = list(items)
    k = 0
    while k + 3 < len(out):
        if not (out[k].kind is ItemKind.OBJECT and out[k + 1].kind is ItemKind.PUNCT and out[k + 1].text == ","
                and out[k + 2].kind in (ItemKind.WORD, ItemKind.ROBOT) and out[k + 2].text in relatives):
            k += 1
            continue
        end = next((j for j in range(k + 3, len(out)) if out[j].kind is ItemKind.PUNCT), None)
        if end is not None and end > k + 3 and out[end].payload in SENTENCE_END and all(
                c.kind in (ItemKind.WORD, ItemKind.MARK) for c in out[k + 3:end]):
            # "every robot keeps away from puddle 2, which is flooded.": a remark of plain words to the end of
            # the sentence (read as a clause, "which" was a robot nobody had named, and the job was refused)
            for j in range(k + 1, end):
                out[j] = _filler(out[j])
            k = end
            continue
        if end is None or out[end].text != "," or end + 1 >= len(out) \
                or any(c.kind in (ItemKind.ROBOT, ItemKind.CONNECTIVE) for c in out[k + 3:end]) \
                or any(out[j].kind in (ItemKind.VERB, ItemKind.EVENT)
                       and not _past_state(out, j, state_auxiliaries, modals) for j in range(k + 3, end)):
            k += 1
            continue
        for j in range(k + 1, end + 1):
            out[j] = _filler(out[j])
        k = end + 1
    return out


def fold_place_states(items: Sequence[Item], state_auxiliaries: Container[str],
                      copulas: Container[str], modals: Container[str] = (),
                      list_pronouns: Container[str] = (), object_prepositions: Container[str] = ()) -> list[Item]:
    """Keep-out verbs said of a place, not of a robot:

    - "Obstacle 2 was closed for repairs yesterday": a keep-out verb right after a past auxiliary
      (``state_auxiliaries``: "was", "been"), in a clause that names no robot and is no condition, tells how the
      site was before the job; it becomes a filler mark (read as an order it put up a keep-out the writer never
      asked for). A modal before the auxiliary (``modals``: "*should* have been fenced off") asks for the
      keep-out, so it stays an order: dropping a keep-out is the unsafe way to be wrong;
    - "... and it is opened again for all robots", "once it is open": an "it" right before a form of "be"
      (``copulas``) and a keep-out verb with no object after it in its clause is the place just named, not a
      robot (read as a robot, it referred to none, or to the wrong one). So is "they" / "both" (``list_pronouns``,
      the lexicon's ``place_list_pronouns``) the places of the last list ("checks obstacle 1 and obstacle 2; after
      that, both are off-limits"). Not when the place comes after the verb as a pronoun after one of
      ``object_prepositions`` ("they are allowed *near it* again": "they" are the robots let back).
    """
    out = list(items)
    for k, it in enumerate(out):
        if not (it.kind is ItemKind.VERB and it.payload.target in KEEPOUT_ACTIONS) or k == 0:
            continue
        start, end = clause_bounds(out, k)
        if out[k - 1].kind is ItemKind.WORD and _past_state(out, k, state_auxiliaries, modals) \
                and any(c.kind is ItemKind.OBJECT for c in out[start:k - 1]) \
                and not any(c.kind is ItemKind.ROBOT for c in out[start:end]) \
                and not (start > 0 and out[start - 1].kind is ItemKind.CONNECTIVE):
            out[k] = _filler(it)
            continue
        if any(c.kind is ItemKind.OBJECT for c in out[k + 1:end]) or _place_pronoun_after(out, k, end,
                                                                                          object_prepositions):
            continue
        for j in (k - 2, k - 3):
            said = out[j].text.lower() if j >= start else ""
            if not ((said == "it" or said in list_pronouns) and out[j].kind in (ItemKind.ROBOT, ItemKind.WORD)):
                continue
            if out[j + 1].kind is ItemKind.WORD and out[j + 1].text in copulas \
                    and all(c.kind in (ItemKind.WORD, ItemKind.MARK) for c in out[j + 2:k]):
                out[j] = Item(ItemKind.OBJECT, out[j].start, out[j].end,
                              ObjectDesc("pronoun", pronoun="it" if said == "it" else "them"), out[j].text)
    return out


def _place_pronoun_after(out: Sequence[Item], k: int, end: int, prepositions: Container[str]) -> bool:
    """After the keep-out verb at ``k``, in its clause, "it" / "them" right after one of ``prepositions`` ("allowed
    near *it*"): the place is said there, so the pronoun before the verb is no place."""
    return any(out[i].text.lower() in ("it", "them") and out[i - 1].kind is ItemKind.WORD
               and out[i - 1].text.lower() in prepositions for i in range(k + 2, end))


def _noun_subject(out: Sequence[Item], j: int, end: int, nouns: PhraseIndex[bool], definite: Container[str],
                  copulas: Container[str], passives: Container[str]) -> bool:
    """Whether a definite keep-out noun starts at item ``j`` and is the subject of a keep-out clause that runs to
    ``end``: "the keep-out around rock 1 *is lifted*" (the noun already folded into a filler mark, a keep-out verb
    after it), "the keep-out around puddle 2 *is set up*", "the puddle 2 keep-out *is put in place*" (the noun still
    the verb, a form of "be" (``copulas``) and one of ``passives``, the lexicon's ``keepout_passive_verbs``, after
    it: the order made passive; "the keep-out is in place" is a state)."""
    def noun_at(i: int) -> bool:
        words = tokenize_phrase(out[i].text)
        hit = nouns.match(words, 0) if words else None
        return hit is not None and hit[0] == len(words)

    if j + 1 >= end:
        return False
    first, noun = out[j], out[j + 1]
    lead = tokenize_phrase(first.text)[:1]
    # "the puddle 2 keep-out": the article went into the object
    if not (first.kind is ItemKind.WORD and first.text in definite
            or first.kind is ItemKind.OBJECT and lead and lead[0] in definite):
        return False
    if noun.kind is ItemKind.MARK and noun_at(j + 1):
        return any(c.kind is ItemKind.VERB and c.payload.target in KEEPOUT_ACTIONS for c in out[j + 2:end])
    if noun.kind is ItemKind.VERB and noun.payload.target == "add_keepout" and noun_at(j + 1):
        return any(c.kind is ItemKind.WORD and c.text in copulas and i + 1 < end
                   and tokenize_phrase(out[i + 1].text)[:1] and tokenize_phrase(out[i + 1].text)[0] in passives
                   for i, c in enumerate(out[j + 2:end], j + 2))
    return False


def _main_started(out: Sequence[Item], k: int, j: int, state_words: Container[str]) -> bool:
    """Whether the condition opened at ``k`` has given way to its main clause before item ``j``: a verb after the
    condition's first with none of ``state_words`` ("has tipped") right before it is the main clause's, and so is
    a robot right before a verb once the condition has said its state ("once truck 1 is there truck 2 drives")."""
    verbs = [i for i in range(k + 1, j) if out[i].kind is ItemKind.VERB]
    if any(not (out[i - 1].kind is ItemKind.WORD and out[i - 1].text in state_words) for i in verbs[1:]):
        return True
    said = next((i for i in range(k + 1, j) if out[i].kind is ItemKind.VERB
                 or out[i].kind is ItemKind.WORD and out[i].text in state_words), j)
    return any(out[i].kind is ItemKind.ROBOT and out[i + 1].kind is ItemKind.VERB for i in range(said + 1, j - 1))


def fold_anchor_keepout_subjects(items: Sequence[Item], nouns: PhraseIndex[bool], definite: Container[str],
                                 state_words: Container[str] = (), copulas: Container[str] = (),
                                 passives: Container[str] = (), joins: Container[str] = ()) -> list[Item]:
    """"Once it is home the keep-out around rock 1 is lifted for all robots": a leading condition with no comma
    after it ends where a definite keep-out noun (``definite``: "the", ``nouns``: the lexicon's keep-out nouns)
    starts a keep-out clause (:func:`_noun_subject`; ``copulas`` and ``passives``: the words that make "the
    keep-out ... is set up" a passive order), when the condition names a robot or an event. A comma is put there;
    without it the condition ran on to the keep-out verb, its robot took the keep-out, and the robots it was for
    were read as a new order ("set up for all robots" gave truck 1 a move and its own keep-out).

    Only the condition's own words are looked at (:func:`_main_started`, ``state_words``: the lexicon's
    ``condition_auxiliaries``): in "when truck 1 gets there truck 2 drives to soil 2 and the keep-out ... is
    lifted" the main clause has started, and a comma before "the" made the lifting wait for nothing.

    Such a keep-out clause joined by a word of ``joins`` ("and") to a clause before it ("truck 2 drives to soil 2
    and the keep-out around rock 1 is lifted") gets a comma before that word: without it "soil 2 and the keep-out
    around rock 1" read as a list of places for the drive, and the lifting became the driver's own. Inside a
    condition ("when the trucks have unloaded and the keep-out is in place, ...") the word joins the condition's
    parts and is left alone."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        if not (it.kind is ItemKind.CONNECTIVE and it.payload == "anchor"):
            k += 1
            continue
        end = clause_bounds(out, k)[1]
        for j in range(k + 2, end - 2):
            if _main_started(out, k, j, state_words):
                break  # the noun is in the main clause already, not at its start
            if _noun_subject(out, j, end, nouns, definite, copulas, passives) \
                    and any(c.kind in (ItemKind.ROBOT, ItemKind.EVENT) for c in out[k + 1:j]):
                out.insert(j, Item(ItemKind.PUNCT, out[j].start, out[j].start, ",", ","))
                end += 1
                break
        k = end
    k = 1
    while k + 1 < len(out):
        start = next((j for j in range(k - 1, -1, -1) if out[j].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)), -1)
        in_condition = start >= 0 and out[start].kind is ItemKind.CONNECTIVE and out[start].payload == "anchor" \
            and not _main_started(out, start, k, state_words)
        if out[k].kind is ItemKind.WORD and out[k].text in joins and out[k - 1].kind is not ItemKind.PUNCT \
                and not in_condition:
            end = clause_bounds(out, k)[1]
            if _noun_subject(out, k + 1, end, nouns, definite, copulas, passives):
                out.insert(k, Item(ItemKind.PUNCT, out[k].start, out[k].start, ",", ","))
                k += 1
        k += 1
    return out


def fold_counted_liftings(items: Sequence[Item], nouns: PhraseIndex[bool], counts: Container[str],
                          definite: Container[str], plurals: Collection[str]) -> list[Item]:
    """"Once both trucks have dumped, lift *all the* keep-outs" ("the two keep-outs", "every restriction", "both
    keep-outs are lifted"): in a clause that lifts a keep-out, a count or quantifier right before a keep-out noun
    (``counts``: the lexicon's ``keepout_all_words``; a ``definite`` word only before one of the ``plurals``, "the
    keep-outs are lifted") counts the keep-outs, not robots. Read as robots ("all" the fleet, "the two" the trucks),
    only the keep-out said last was lifted, or lifted for the whole fleet. Folded into one place pronoun,
    :data:`EVERY_KEEPOUT`, which the lifting reads as every keep-out still up."""
    out = list(items)
    k = len(out) - 1
    while k > 0:
        j = _count_start(out, k, nouns, counts, definite, plurals)
        start, end = clause_bounds(out, k)
        if j is not None and any(c.kind is ItemKind.VERB and c.payload.target == "remove_keepout"
                                 for c in out[start:end] if c is not out[k]):
            text = " ".join(c.text for c in out[j:k + 1])
            out[j:k + 1] = [Item(ItemKind.OBJECT, out[j].start, out[k].end,
                                 ObjectDesc("pronoun", pronoun=EVERY_KEEPOUT), text)]
            k = j
        k -= 1
    return out


def _count_start(items: Sequence[Item], k: int, nouns: PhraseIndex[bool], counts: Container[str],
                 definite: Container[str], plurals: Collection[str]) -> int | None:
    """Where the longest count or quantifier right before keep-out noun ``k`` starts; None when none is."""
    it = items[k]
    if not (it.kind in (ItemKind.VERB, ItemKind.MARK) and _whole_noun(it.text, nouns)):
        return None
    plural = " ".join(tokenize_phrase(it.text)) in {" ".join(tokenize_phrase(p)) for p in plurals}
    found = None
    for j in range(k - 1, max(k - 4, -1), -1):
        if items[j].kind not in (ItemKind.WORD, ItemKind.ROBOT) and not _is_mark(items, j, "each"):
            break
        said = " ".join(c.text.lower() for c in items[j:k])
        if said in counts or (plural and said in definite):
            found = j
    return found
