"""The lifting that a keep-out "until X" implies when a robot it holds is later sent into the place.

"Rock 2 is closed to truck 3 until excavator 1 has dug at soil 1. Then truck 3 goes to rock 2.": the keep-out says when
it ends, and the move comes after that end. Read without its end, the plan sent truck 3 into a zone still closed to it
and was refused (rules/keptout.py), asking for what the text had said. The end is a lifting of that keep-out (the same
robots and places, as "... lift it then" would make), after X and, when the keep-out was put up during the job, after
it too (README rule 26); the move waits for it. A keep-out "until X" that no later move needs stays as it is (the dev
lines that say the lifting say it in words: whether "until" alone adds one is left open, test_rules_mends35), and a
move that X itself waits for still contradicts the keep-out and is refused. A move said after the keep-out (one that
waits for it) but tied to nothing that ends it ("Trucks 1 and 2 may not enter puddle 1 until excavator 3 has inspected
it. ... Truck 1 then hauls the soil to puddle 1") waits for the lifting too: the keep-out says when its robots may
enter, and refusing the plan would ask the writer for what was said.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from .dependencies import Draft, PlanBuilder
from .verbs import MOVES

__all__ = ["lift_until_keepouts"]

_AVOID, _ALLOW = "avoid_areas", "allow_areas"


def _holds_for(b: PlanBuilder, keepout: Draft, move: Draft) -> bool:
    """Whether the keep-out closes the place to a robot of the move: a fleet-wide one to every robot, one for every
    robot of a type ("the trucks") to each of them, else the same robots."""
    if keepout.fleet or move.fleet:
        return True
    whole = {m.rtype for m in keepout.members if b.whole_of_type(m)}
    return bool({m.key for m in keepout.members} & {m.key for m in move.members}) \
        or any(m.rtype in whole for m in move.members)


def _needs_lifting(b: PlanBuilder, keepout: Draft, ends: frozenset[int], move: Draft) -> bool:
    """A move into the keep-out's place by a robot it holds, after the keep-out and after all of its end (a move
    that does not wait for the end contradicts the keep-out), with no lifting of the place before it."""
    if not move.alive or move.action not in MOVES or not set(move.objects) & set(keepout.objects):
        return False
    before = b.anc[move.idx]
    # one that waits for nothing holds from the start, before every move ("... loads truck 2. Truck 2 keeps clear of
    # rock 1 until it has been loaded. Then it drives to rock 1")
    if (keepout.deps and keepout.idx not in before) or not _holds_for(b, keepout, move):
        return False
    if not ends <= before and (keepout.idx not in before or _ends_wait_for(b, ends, move)):
        return False
    return not any(b.drafts[a].alive and b.drafts[a].action == "remove_keepout"
                   and set(b.drafts[a].objects) & set(keepout.objects) for a in before)


def _ends_wait_for(b: PlanBuilder, ends: frozenset[int], move: Draft) -> bool:
    """Whether the end of a keep-out comes after the move (it is the move, or waits for it): the move cannot wait
    for that end, so it contradicts the keep-out ("... until excavator 1 has loaded it. Truck 1 goes to rock 1 and
    is loaded")."""
    return any(e == move.idx or move.idx in b.anc[e] for e in ends)


def _wait_for(b: PlanBuilder, move: Draft, lift: Draft) -> None:
    """Make ``move`` (and so everything after it) wait for ``lift``, keeping only the edges nothing else implies."""
    move.deps = b.reduce(move.deps | {lift.idx})
    b.has_dependents.add(lift.idx)
    gained = b.anc[lift.idx] | {lift.idx}
    for d in b.drafts:
        if d.idx == move.idx or move.idx in b.anc[d.idx]:
            b.anc[d.idx] |= gained


def lift_until_keepouts(b: PlanBuilder, keepouts: Iterable[tuple[int, frozenset[int]]],
                        skills: Container[str]) -> None:
    """For each keep-out (its draft, and the tasks of the "until" clause that end it) a later move into its place
    needs lifted: one lifting, after the end, that those moves wait for."""
    for idx, said_ends in keepouts:
        keepout = b.drafts[idx]
        ends = frozenset(b.current(e) for e in said_ends)
        skill = keepout.skill.replace(_AVOID, _ALLOW)
        if not keepout.alive or not ends or skill == keepout.skill or skill not in skills:
            continue
        moves = [d for d in b.drafts if _needs_lifting(b, keepout, ends, d)]
        if not moves:
            continue
        deps = set(ends) | ({idx} if keepout.deps else set())  # rule 26: put up mid-job, lifted after it
        lift = b._new(skill, "remove_keepout", keepout.members, keepout.objects, deps, fleet=keepout.fleet)
        for move in moves:
            _wait_for(b, move, lift)
