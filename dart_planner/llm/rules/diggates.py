"""A fleet-wide hold on digging: "Nobody starts digging until truck 2 has checked the puddle", "No digging starts
until ...".

Said of nobody in particular, the negated digging was read as a step of the whole fleet ("'starts digging' cannot be
done by the whole fleet at once") or, with no robot before the verb, as a step of the robot of the anchor ("no robot
among robot_dump_truck_02 can dig"). It orders no robot to dig: it holds every digging step of the plan, said before
or after it, until the named robot's check of the named place is done (rule 9). The hold is applied once the whole
instruction is read, so a digging said later waits too; transitive edges go at the finish (rule 7). A check that
no step of the plan does, or one that itself comes after a digging, is refused: the wait would be dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dependencies import PlanBuilder
from .segment import Item, ItemKind, Segment
from .verbs import MOVES

__all__ = ["DigGate", "apply_dig_gates", "dig_hold"]


@dataclass(frozen=True)
class DigGate:
    """The robots and places of the check that every digging waits for, and the words that said it."""

    robot_ids: frozenset[str]
    places: tuple[Item, ...]
    said: str


def _negated_subject(items: list[Item]) -> bool:
    """"Nobody", "no one", "no digging" or "no excavator": the excavators are the only diggers, so "no excavator"
    holds every digging as "nobody" does (it was read as a new digging by all three excavators)."""
    first = items[0]
    if first.kind is ItemKind.ROBOT:
        d = first.payload
        return d.negated and (d.form == "fleet" or (d.form == "type" and d.rtype == "excavator"))
    return first.kind is ItemKind.WORD and first.text == "no"


def _plain_or_digging(it: Item) -> bool:
    """A plain word, a modal ("no one *may* dig") or a digging verb."""
    return it.kind is ItemKind.WORD or (it.kind is ItemKind.MARK and it.payload == "permit") or (
        it.kind is ItemKind.VERB and it.payload.target == "dig")


def dig_hold(seg: Segment, post: Segment | None, until_words: frozenset[str] | set[str]) -> DigGate | None:
    """The hold said by ``seg`` with its "until" clause ``post``: a negation of nobody in particular, then digging
    verbs, modals and plain words only, and a check by robots named by number of named places; else None."""
    items = list(seg.items)
    if post is None or post.connective_text not in until_words or not items or not _negated_subject(items):
        return None
    rest = items[1:]
    if not any(it.kind is ItemKind.VERB for it in rest) or not all(_plain_or_digging(it) for it in rest):
        return None
    robots = [it for it in post.items if it.kind is ItemKind.ROBOT]
    places = tuple(it for it in post.items if it.kind is ItemKind.OBJECT)
    verbs = [it for it in post.items if it.kind is ItemKind.VERB]
    if not robots or not places or not verbs or any(r.payload.form != "ids" for r in robots) \
            or any(v.payload.target not in MOVES for v in verbs):
        return None
    ids = frozenset(i for r in robots for i in r.payload.ids)
    said = " ".join([*(it.text for it in items), post.connective_text, *(it.text for it in post.items)])
    return DigGate(ids, places, said)


def apply_dig_gates(b: PlanBuilder, gates: list[tuple[DigGate, list[str]]]) -> list[str]:
    """Make every digging wait for each hold's check (``gates``: each hold with its places resolved); the errors of
    the holds that cannot be kept."""
    errors: list[str] = []
    digs = [d for d in b.drafts if d.alive and d.action == "dig"]
    for gate, names in gates:
        checks = [d for d in b.drafts if d.alive and d.action in MOVES and set(names) & set(d.objects)
                  and any(m.robot_id in gate.robot_ids for m in d.members)]
        if not checks or not digs:
            what = "check" if not checks else "digging"
            errors.append(f"{gate.said!r}: no {what} in the plan for the digging to wait for")
            continue
        check = checks[-1]
        before = b.ancestors(check.idx) | {check.idx}
        if any(g.idx in before for g in digs):
            errors.append(f"{gate.said!r}: the check itself comes after a digging")
            continue
        for g in digs:
            g.deps.add(check.idx)
        b._reindex()
    return errors
