"""A word that joins two robots' clauses as "while" does: "truck 2 goes to rock 1 *as* excavator 1 digs at soil 1".

"as" is no connective of the lexicon (it is one in "such as", "as planned", "as well as"), so the scanner left it a
loose word and the two clauses one: excavator 1 joined truck 2's move to rock 1. Between a clause with its own robot
and verb and a robot followed at once by its verb, the word opens a clause that runs alongside, as "while" does.
"""

from __future__ import annotations

from collections.abc import Sequence

from .mentions import ObjectDesc
from .segment import SENTENCE_END, Item, ItemKind, clause_bounds, named_objects, sentence_start
from .verbs import KEEPOUT_ACTIONS

__all__ = ["fold_before_setting_off", "fold_parallel_subordinators", "fold_reason_orders", "fold_wait_conditions"]

_CLAUSE_BREAKS = (ItemKind.PUNCT, ItemKind.CONNECTIVE)


def _kinds_before(items: Sequence[Item], k: int) -> set[ItemKind]:
    """The kinds of the items before ``k`` back to the last break of the clause."""
    kinds: set[ItemKind] = set()
    for x in reversed(items[:k]):
        if x.kind in _CLAUSE_BREAKS:
            break
        kinds.add(x.kind)
    return kinds


def _needs(items: Sequence[Item], needs: frozenset[str]) -> bool:
    """A word of need among ``items``, one word or two in a row ("must", "has to")."""
    words = [x.text for x in items if x.kind is ItemKind.WORD]
    return any(w in needs for w in words) or any(f"{a} {b}" in needs for a, b in zip(words, words[1:]))


def fold_parallel_subordinators(items: Sequence[Item], words: frozenset[str],
                                auxiliaries: frozenset[str] = frozenset()) -> list[Item]:
    """Make each of ``words`` (the lexicon's ``parallel_subordinators``) a "parallel" connective when a robot and
    its verb follow it (a word or two of ``auxiliaries`` may stand between them) and a robot and a verb stand
    before it since the last break of the clause (a comma right before the word is no break)."""
    out = list(items)
    for k, it in enumerate(out):
        if it.kind is not ItemKind.WORD or it.text not in words or not _robot_and_verb_after(out, k, auxiliaries):
            continue
        # "truck 2 is to tip at puddle 1, whereas the excavators are to return": the comma before it is no break
        back = k - 1 if k and out[k - 1].kind is ItemKind.PUNCT and out[k - 1].payload == "," else k
        if {ItemKind.ROBOT, ItemKind.VERB} <= _kinds_before(out, back):
            out[k] = Item(ItemKind.CONNECTIVE, it.start, it.end, "parallel", it.text)
    return out


def _robot_and_verb_after(items: Sequence[Item], k: int, auxiliaries: frozenset[str]) -> bool:
    """A robot right after item ``k`` and its verb after it, maybe a word or two of ``auxiliaries`` between
    ("whereas the excavators *are to* return"; not "as the excavators *already* avoided": a reason, by its tense)."""
    if k + 2 >= len(items) or items[k + 1].kind is not ItemKind.ROBOT:
        return False
    j = k + 2
    while j < min(len(items), k + 4) and items[j].kind is ItemKind.WORD and items[j].text in auxiliaries:
        j += 1
    return j < len(items) and items[j].kind is ItemKind.VERB


def fold_before_setting_off(items: Sequence[Item], words: frozenset[str]) -> list[Item]:
    """"Trucks 1 and 3 keep clear of soil 2 *before they move*": a "before" (one of ``words``, the lexicon's
    ``before_setting_off_words``) followed by a robot pronoun and a move verb that names no place (loose words
    only: "drive off"), then a break,
    times the clause before it ahead of the robots' moves, as "before anyone moves" does (a "first" connective).
    Read as a sequence, the pronoun's robots moved to the latest place named: the one they were to keep clear of.

    So for robots named in full ("... keep clear of soil 2 before the trucks move") when the clause before sets a
    keep-out, and for the same words opening a sentence before a comma and a keep-out ("Before the trucks move,
    every robot keeps away from obstacle 2"): read on, the trucks were sent into the zone."""
    out = list(items)
    k = len(out) - 3
    while k >= 0:
        it, who, verb = out[k], out[k + 1], out[k + 2]
        if it.kind is ItemKind.CONNECTIVE and it.payload == "sequence" and it.text in words \
                and who.kind is ItemKind.ROBOT \
                and verb.kind is ItemKind.VERB and verb.payload.target == "navigate" and verb.payload.role == "verb":
            j = k + 3  # loose words of the verb ("drive off", "move out") up to the break
            while j < len(out) and out[j].kind is ItemKind.WORD:
                j += 1
            if (j == len(out) or out[j].kind is ItemKind.PUNCT) and (
                    _after_clause(out, k, who.payload.form == "pronoun") or _before_keepout(out, k, j)):
                said = " ".join(x.text for x in out[k:j])
                out[k:j] = [Item(ItemKind.CONNECTIVE, it.start, out[j - 1].end, "first", said)]
        k -= 1
    return out


def _after_clause(items: Sequence[Item], k: int, pronoun: bool) -> bool:
    """The "before" at ``k`` ends a clause with its own robot and verb, a keep-out unless the robots after it are a
    pronoun ("... before they move")."""
    clause = items[clause_bounds(items, k)[0]:k]
    if not {ItemKind.ROBOT, ItemKind.VERB} <= {x.kind for x in clause}:
        return False
    return pronoun or any(x.kind is ItemKind.VERB and x.payload.target in KEEPOUT_ACTIONS for x in clause)


def _before_keepout(items: Sequence[Item], k: int, j: int) -> bool:
    """The "before" at ``k`` opens a sentence, and a comma at ``j`` ends its clause before a keep-out said next
    ("Before the trucks move, every robot keeps away from obstacle 2")."""
    if sentence_start(items, k) != k:
        return False
    if j >= len(items) or items[j].payload != ",":
        return False
    end = next((e for e in range(j + 1, len(items)) if items[e].kind is ItemKind.PUNCT
                and items[e].payload in SENTENCE_END), len(items))
    return any(x.kind is ItemKind.VERB and x.payload.target in KEEPOUT_ACTIONS for x in items[j + 1:end])


def fold_reason_orders(items: Sequence[Item], openers: frozenset[str], needs: frozenset[str],
                       keepout_actions: frozenset[str], past_endings: Sequence[str] = (),
                       parallel: frozenset[str] = frozenset(), perfect: frozenset[str] = frozenset(),
                       articles: frozenset[str] = frozenset()) -> list[Item]:
    """"Truck 1 goes to rock 1 *because the excavators should avoid puddle 1*": a clause of reason after a clause
    with its own robot and verb, which names robots of its own and a keep-out verb after a word of need
    (``reason_need_words``), asks those robots to keep out: it is an order of its own. Left in the clause before,
    its robots joined truck 1's move and truck 1 the keep-out. A break (a comma no word covers) before the word of
    reason (``reason_openers``) makes it a clause of its own, read as the same clause is at the head of a sentence
    ("Because the excavators should avoid puddle 1, truck 1 goes to rock 1").

    With no word of need and a verb said in the past (its first word ends with one of ``past_endings``, the
    lexicon's ``condition_participle_endings``: "because the excavators avoid*ed* puddle 1"), the reason tells
    what happened, not what to do: its words become one filler mark (understood, no step). Left in the clause
    before, its robots joined truck 1's move and truck 1 a keep-out nobody asked for.

    A robot named in such a reason is never an actor of the clause before ("truck 1 goes to puddle 1 *because
    excavator 2 needs the path clear*" sent excavator 2 along): with a word of need before its verb it is an order
    of its own (cut off as above); otherwise it says why and is a remark, in any tense ("because excavator 2 is
    waiting there"), unless it needs something at a named place with no verb ("because excavator 2 needs soil 1
    clear"): that is refused with its words named. An opener that also joins clauses running alongside
    (``parallel``: "as") is left alone: "at the same time as excavator 1" times a step.

    After a comma, a reason is read as a clause of its own ("keep away from rock 2, since excavator 1 will be
    digging there"), unless it tells what has happened: its verb in the past or after one of ``perfect`` (the
    lexicon's ``report_auxiliaries``: "..., since nobody has checked it") is a remark as well. Read as a clause, its
    negated subject made a keep-out nobody asked for, and a robot in it ("because truck 2 has looked at it") joined
    the move before."""
    out = list(items)
    k = len(out) - 1
    while k > 0:
        it = out[k]
        r = _reason_robot(out, k, articles) if it.kind is ItemKind.WORD and it.text in openers else None
        if r is not None:
            before = _kinds_before(out, k)
            after = []
            for x in out[k + 1:]:
                if x.kind in _CLAUSE_BREAKS:
                    break
                after.append(x)
            verb = next((j for j, x in enumerate(after) if x.kind is ItemKind.VERB), None)
            said = " ".join(x.text for x in out[k:k + 1 + len(after)])
            restated = verb is not None and k > 0 and out[k - 1].kind is ItemKind.PUNCT and out[k - 1].text == "," \
                and {ItemKind.ROBOT, ItemKind.VERB} <= _kinds_before(out, k - 1) and not _needs(after, needs)
            if restated and verb is not None \
                    and not _ordered_elsewhere(out, k, k + 1 + len(after), out[r], after[verb]):
                restated = False
                # "keep away from rock 2, since excavator 1 will be digging there": work given nowhere else is an
                # order of its own, and its "there" is the place just named, not the robot's own last place
                _there_is_named(out, k, k + 1 + len(after))
            if verb is not None and k > 0 and out[k - 1].kind is ItemKind.PUNCT and out[k - 1].text == "," \
                    and _reported(after, verb, needs, past_endings, perfect) \
                    and {ItemKind.ROBOT, ItemKind.VERB} <= {x.kind for x in out[sentence_start(out, k):k]}:
                out[k - 1:k + 1 + len(after)] = [Item(ItemKind.MARK, it.start, after[-1].end, "filler", said)]
            elif restated:
                # "truck 3 keeps out of rock 2, since excavator 1 will be digging there. Excavator 1 drives to rock 2
                # and digs.": the reason restates work its robot is given in a clause of its own; read as an order,
                # that work was done twice
                out[k - 1:k + 1 + len(after)] = [Item(ItemKind.MARK, it.start, after[-1].end, "filler", said)]
            elif not {ItemKind.ROBOT, ItemKind.VERB} <= before:
                pass
            elif verb is not None and after[verb].payload.target in keepout_actions \
                    and _needs(after[:verb], needs):
                out.insert(k, Item(ItemKind.PUNCT, it.start, it.start, ",", ","))
            elif verb is not None and not _needs(after, needs) \
                    and after[verb].text.split()[0].endswith(tuple(past_endings or ("\0",))):
                out[k:k + 1 + len(after)] = [Item(ItemKind.MARK, it.start, after[-1].end, "filler", said)]
            elif it.text in parallel:
                pass
            elif verb is None and _needs(after, needs) and any(
                    x.kind in (ItemKind.OBJECT, ItemKind.PLACE) for x in after):
                out[k:k + 1 + len(after)] = [Item(
                    ItemKind.UNKNOWN, it.start, after[-1].end,
                    f"cannot read {said!r}: a reason that says another robot needs something at a place; give that "
                    f"robot's order in a sentence of its own, or leave the reason out", said)]
            elif verb is not None and _needs(after[:verb], needs):
                out.insert(k, Item(ItemKind.PUNCT, it.start, it.start, ",", ","))
            else:
                out[k:k + 1 + len(after)] = [Item(ItemKind.MARK, it.start, after[-1].end, "filler", said)]
        k -= 1
    return out


def _reason_robot(items: Sequence[Item], k: int, articles: frozenset[str]) -> int | None:
    """Index of the robot the reason opened at ``k`` names first, right after its opener ("because *truck 2* ..."), or
    after an article (``articles``: the lexicon's ``thing_articles``) and a word of its state ("since a *loaded* truck
    could sink", "because an empty truck ..."); None when the reason does not open with a robot. With the state word
    between, the reason was left in the keep-out's clause and its robot kept out as well."""
    j = k + 1
    if j + 2 < len(items) and items[j].kind is ItemKind.WORD and items[j].text.lower() in articles \
            and items[j + 1].kind in (ItemKind.EVENT, ItemKind.WORD) and items[j + 2].kind is ItemKind.ROBOT \
            and items[j + 2].payload.form == "type" and items[j + 2].payload.det == "bare":
        return j + 2
    return j if j < len(items) and items[j].kind is ItemKind.ROBOT else None


def _reported(after: Sequence[Item], verb: int, needs: frozenset[str], past_endings: Sequence[str],
              perfect: frozenset[str]) -> bool:
    """The reason ``after`` (its verb at ``verb``) tells what has happened: no word of need, and its verb said in the
    past or after a perfect auxiliary ("nobody *has* checked it", "truck 2 *has not* looked at it")."""
    if _needs(after, needs):
        return False
    if after[verb].text.split()[0].endswith(tuple(past_endings or ("\0",))):
        return True
    return any(x.kind is ItemKind.WORD and x.text in perfect for x in after[:verb])


def _reason_places(items: Sequence[Item], lo: int, hi: int) -> set[str]:
    """The places the reason ``items[lo:hi]`` speaks of: those it names, else the place its "there" points to, the
    one the clause before it names last ("keep away from rock 2, since excavator 1 will be digging there")."""
    own = named_objects(items[lo:hi])
    if own:
        return own
    for x in reversed(items[:lo]):
        if x.kind in _CLAUSE_BREAKS and x.text != ",":
            break
        if x.kind is ItemKind.OBJECT and x.payload.form == "names":
            return set(x.payload.names)
    return set()


def _there_is_named(items: list[Item], lo: int, hi: int) -> None:
    """Each pronoun place ("there") in ``items[lo:hi]`` becomes the place the clause before names last, when the
    reason names none of its own."""
    if named_objects(items[lo:hi]):
        return
    places = _reason_places(items, lo, hi)
    if len(places) != 1:
        return
    for j in range(lo, hi):
        x = items[j]
        if x.kind is ItemKind.OBJECT and x.payload.form == "pronoun" and x.payload.pronoun == "there":
            items[j] = Item(ItemKind.OBJECT, x.start, x.end, ObjectDesc("names", names=tuple(places)), x.text)


def _ordered_elsewhere(items: Sequence[Item], lo: int, hi: int, robot: Item, verb: Item) -> bool:
    """Whether a clause outside ``items[lo:hi]`` gives the robot named by ``robot`` (by number: ``form`` "ids")
    a verb of the same action as ``verb`` at the place the reason speaks of (:func:`_reason_places`; a clause that
    names no place does not say otherwise): the clause where that robot opens the clause, or follows it. Work at
    another place ("Excavator 1 digs at soil 1. Truck 3 keeps away from rock 2, since excavator 1 will be digging
    there") is not what the reason says, and the reason's digging was lost."""
    if robot.payload.form != "ids":
        return False
    places = _reason_places(items, lo, hi)
    for j, x in enumerate(items):
        if lo <= j < hi or x.kind is not ItemKind.ROBOT or x.payload != robot.payload:
            continue
        clause: list[Item] = []
        for y in items[j + 1:]:
            if y.kind in _CLAUSE_BREAKS and y.text != ",":
                break
            if y.kind is ItemKind.ROBOT and y.payload != robot.payload:
                break
            clause.append(y)
        if any(y.kind is ItemKind.VERB and y.payload.target == verb.payload.target for y in clause):
            named = named_objects(clause)
            if not places or not named or named & places:
                return True
    return False


def fold_wait_conditions(items: Sequence[Item], words: frozenset[str], wait_verbs: frozenset[str],
                         auxiliaries: frozenset[str]) -> list[Item]:
    """"Truck 2 waits at obstacle 1 *since* truck 1 has dumped": after a verb of waiting (the first word of the
    verb in ``wait_verbs``) in the same clause, a word of reason (``words``) before a named robot, an auxiliary
    (``auxiliaries``: "has") and a verb or a state is the condition the wait is for, the anchor "once"; read as a
    reason it was a remark and the timing was dropped. A reason after any other verb ("goes there since truck 1
    has dumped") is left to :func:`fold_reason_orders`."""
    out = list(items)
    waiting = False
    for k, it in enumerate(out):
        if it.kind in _CLAUSE_BREAKS:
            waiting = False
        elif it.kind is ItemKind.VERB:
            waiting = it.text.split()[0] in wait_verbs
        elif waiting and it.kind is ItemKind.WORD and it.text in words \
                and k + 2 < len(out) and out[k + 1].kind is ItemKind.ROBOT and out[k + 1].payload.form == "ids" \
                and out[k + 2].kind is ItemKind.WORD and out[k + 2].text in auxiliaries \
                and k + 3 < len(out) and out[k + 3].kind in (ItemKind.VERB, ItemKind.EVENT):
            out[k] = Item(ItemKind.CONNECTIVE, it.start, it.end, "anchor", it.text)
            waiting = False
    return out
