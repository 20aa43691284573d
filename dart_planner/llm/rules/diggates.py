"""A hold on digging: "Nobody starts digging until truck 2 has checked the puddle", "No digging starts until ...",
"The digging waits until ...", "Digging starts only after ...", "Excavator 1 does not dig until ...".

Said of nobody in particular, the negated digging was read as a step of the whole fleet ("'starts digging' cannot be
done by the whole fleet at once") or, with no robot before the verb, as a step of the robot of the anchor ("no robot
among robot_dump_truck_02 can dig"); digging said as a noun ("the digging waits until ...") lost its wait in silence,
and a named excavator's negated digging ("excavator 1 does not dig until ...") was refused as a negated order. None of
them orders a robot to dig: they hold every digging step of the plan (or the named excavators' ones), said before or
after, until the check is done (rule 9). The hold is applied once the whole instruction is read, so a digging said
later waits too; transitive edges go at the finish (rule 7). A check that no step of the plan does, or one that itself
comes after a digging, is refused: the wait would be dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dependencies import PlanBuilder
from .lexicon import Lexicon
from .segment import Item, ItemKind, Segment
from .verbs import MOVES

__all__ = ["DigGate", "apply_dig_gates", "dig_hold"]


@dataclass(frozen=True)
class DigGate:
    """The robots and places of the check that the digging waits for (no robots: whoever's move there, said in the
    passive), the excavators whose digging waits (none: every digging), and the words that said it."""

    robot_ids: frozenset[str]
    places: tuple[Item, ...]
    said: str
    diggers: frozenset[str] = frozenset()
    subject: Item | None = None
    """The robots whose digging waits, as said ("excavator 1", "neither excavator", "they"): resolved by the reader,
    which knows who was named before; None for every digging."""
    sites: tuple[Item, ...] = ()
    """The places of the digging held, as said ("the digging *at soil 1* waits ..."); none for anywhere."""
    dig_places: frozenset[str] = frozenset()
    """``sites`` resolved by the reader."""


def _negated_subject(items: list[Item]) -> bool:
    """"Nobody", "no one", "no digging" or "no excavator": the excavators are the only diggers, so "no excavator"
    holds every digging as "nobody" does (it was read as a new digging by all three excavators)."""
    first = items[0]
    if first.kind is ItemKind.ROBOT:
        d = first.payload
        return d.negated and (d.form == "fleet" or (d.form == "type" and d.rtype == "excavator"))
    return first.kind is ItemKind.WORD and first.text == "no"


def _mark(it: Item, *names: str) -> bool:
    """A mark of one of ``names`` ("neg", "permit")."""
    return it.kind is ItemKind.MARK and it.payload in names


def _plain_or_digging(it: Item) -> bool:
    """A plain word, a modal ("no one *may* dig"), a digging verb or its place ("nobody digs *at soil 1*")."""
    return it.kind is ItemKind.WORD or _mark(it, "permit") or (
        it.kind is ItemKind.VERB and it.payload.target == "dig") or (
        it.kind is ItemKind.OBJECT and it.payload.form == "names")


_NOUN_ENDINGS = ("ing", "ion")  # "digging", "excavation": a digging verb of the lexicon said as a noun ("all ...")


def _digging_noun(it: Item) -> bool:
    """"digging", "the excavation": the work itself, with no robot."""
    return (it.kind is ItemKind.VERB and it.payload.target == "dig" and it.text.endswith(_NOUN_ENDINGS)) or (
        it.kind is ItemKind.EVENT and it.payload.action == "dig")


def _quantifier(it: Item) -> bool:
    """"all digging", "both diggings": a robot word that only counts the diggings."""
    return it.kind is ItemKind.ROBOT and not it.payload.negated and (
        it.payload.form == "fleet" or (it.payload.form == "pronoun" and it.payload.pronoun == "both"))


def _noun_rest(items: list[Item]) -> list[Item] | None:
    """What follows digging said as a noun ("the digging", "all digging", "both diggings"): a word or a quantifier
    before it at most; None when the clause does not open so."""
    k = 1 if len(items) > 1 and (items[0].kind is ItemKind.WORD or _quantifier(items[0])) else 0
    return items[k + 1:] if k < len(items) and _digging_noun(items[k]) else None


def _robot(it: Item) -> bool:
    """Robots that can be resolved to the ones named before ("excavator 1", "the excavator", "they")."""
    return it.kind is ItemKind.ROBOT and not it.payload.negated and it.payload.form in ("ids", "type", "pronoun")


def _robot_subject(items: list[Item]) -> Item | None:
    """The robots of a negated digging ("excavator 1 does not dig", "neither excavator digs", "they won't dig"):
    the robot said first, or right after a first negation ("neither")."""
    k = 1 if _mark(items[0], "neg") else 0
    if k >= len(items) or not _robot(items[k]) or not any(_mark(it, "neg") for it in items):
        return None
    return items[k]


def _possessor(items: list[Item], lex: Lexicon) -> Item | None:
    """"Excavator 1's digging": the robot whose digging it is."""
    if len(items) > 2 and _robot(items[0]) and items[1].kind is ItemKind.WORD \
            and items[1].text in lex.event_possessive_marks and _digging_noun(items[2]):
        return items[0]
    return None


def _held_subject(items: list[Item], lex: Lexicon, connective: str) -> tuple[Item | None] | None:
    """The robots held as said (None in the tuple: every digging) when the clause is a hold said by
    ``connective``; else None. "Nobody digs until", "the digging waits until", "digging starts after",
    "excavator 1 does not dig until"."""
    subject: Item | None = None
    if _negated_subject(items):
        rest, negated = items[1:], True
        if not any(it.kind is ItemKind.VERB for it in rest):
            return None
    elif (noun := _noun_rest(items)) is not None or (subject := _possessor(items, lex)) is not None:
        rest = noun if noun is not None else items[3:]
        negated = any(_mark(it, "neg") for it in rest)
    elif (subject := _robot_subject(items)) is not None:
        rest, negated = [it for it in items if it is not subject], True
        if not any(it.kind is ItemKind.VERB for it in rest):
            return None
    else:
        return None
    if not all(_plain_or_digging(it) or _mark(it, "neg") for it in rest):
        return None
    if negated:
        held = connective in lex.until_words  # "does not wait until" is no wait, "does not dig after" no hold
    else:
        held = connective in lex.wait_for_connectives or (
            connective in lex.dig_start_anchors and any(it.text in lex.start_remark_verbs for it in rest))
    return (subject,) if held else None


def dig_hold(seg: Segment, post: Segment | None, lex: Lexicon) -> DigGate | None:
    """The hold said by ``seg`` with its anchor ``post``: no robot in particular, digging said as a noun or a named
    excavator's negated digging, then digging verbs, modals and plain words only, and a check of named places by
    robots named by number or said in the passive; else None."""
    items = list(seg.items)
    if post is None or not items:
        return None
    if len(items) > 1 and items[0].kind is ItemKind.WORD and items[0].text in lex.clause_joining_words:
        items = items[1:]  # "..., but it won't start digging until ...": the hold is the clause after the joint
    subject = _held_subject(items, lex, post.connective_text)
    if subject is None:
        return None
    robots = [it for it in post.items if it.kind is ItemKind.ROBOT]
    places = tuple(it for it in post.items if it.kind is ItemKind.OBJECT)
    verbs = [it for it in post.items if it.kind is ItemKind.VERB]
    if not places or not verbs or any(r.payload.form != "ids" for r in robots) \
            or any(v.payload.target not in MOVES for v in verbs):
        return None
    ids = frozenset(i for r in robots for i in r.payload.ids)
    said = " ".join([*(it.text for it in items), post.connective_text, *(it.text for it in post.items)])
    sites = tuple(it for it in items if it.kind is ItemKind.OBJECT)
    return DigGate(ids, places, said, subject=subject[0], sites=sites)


def _dig_place(b: PlanBuilder, dig: int) -> set[str]:
    """Where a digging is done: the places of its robots' latest move before it."""
    keys = {m.key for m in b.drafts[dig].members}
    moves = [i for i in b.ancestors(dig) if b.drafts[i].alive and b.drafts[i].action in MOVES
             and keys & {m.key for m in b.drafts[i].members}]
    return set(b.drafts[max(moves)].objects) if moves else set()


def _checks(b: PlanBuilder, gate: DigGate, names: list[str]) -> list[int] | None:
    """The checks the hold waits for: each named robot's (or, said in the passive, each place's) latest move to
    the places; None when a robot or a place has none, so that no part of the wait is dropped."""
    found: dict[tuple[str | None, str], int] = {}
    for d in b.drafts:
        if not d.alive or d.action not in MOVES:
            continue
        for name in set(names) & set(d.objects):
            for m in d.members:
                if not gate.robot_ids or m.robot_id in gate.robot_ids:
                    found[(m.robot_id if gate.robot_ids else None, name)] = d.idx
    if {n for _, n in found} != set(names) or (gate.robot_ids and {r for r, _ in found} != set(gate.robot_ids)):
        return None
    return sorted(set(found.values()))


def apply_dig_gates(b: PlanBuilder, gates: list[tuple[DigGate, list[str]]]) -> list[str]:
    """Make every digging held wait for each hold's checks (``gates``: each hold with its places resolved); the
    errors of the holds that cannot be kept."""
    errors: list[str] = []
    for gate, names in gates:
        digs = [d for d in b.drafts if d.alive and d.action == "dig"
                and (not gate.diggers or any(m.robot_id in gate.diggers for m in d.members))
                and (not gate.dig_places or gate.dig_places & _dig_place(b, d.idx))]
        checks = _checks(b, gate, names)
        if not checks or not digs:
            what = "check" if not checks else "digging"
            errors.append(f"{gate.said!r}: no {what} in the plan for the digging to wait for")
            continue
        before = set().union(*(b.ancestors(c) | {c} for c in checks))
        if any(g.idx in before for g in digs):
            errors.append(f"{gate.said!r}: the check itself comes after a digging")
            continue
        for c in checks:
            b.add_waits([g.idx for g in digs], c)
    return errors
