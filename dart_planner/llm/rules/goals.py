"""A goal sentence is a check on the plan, not a step of its own.

"Puddle 2 needs filling with rubble from rock 1. Excavator 1 goes to rock 1 and digs." The first
sentence says what the job is for; the interpreter reads it as a remark (no robot is named for
it, and inventing robots from a goal alone is not done) and plans only the orders that follow.
When those orders carry the goal out, that is right. When they do not, part of what the person
asked for would vanish with no word: here nothing ever reaches puddle 2. So every goal read as a
remark is kept (:class:`Goal`) and each place it names must be served by the plan: some step
names it (a move there, which a dig, dump or unload at that place needs as well), or a robot
was said to stand there already. A place no step serves is named in an error, and the planner
refuses the instruction (fail closed) instead of returning a plan that drops it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from ...core.plan import TaskGraph
from .segment import Item, ItemKind, Segment, SegmentRole, named_objects

__all__ = ["Goal", "goal_errors", "set_aside", "spelled_out"]


@dataclass(frozen=True)
class Goal:
    """A goal sentence read as a remark: its words and the places it names.

    ``places`` pairs each world object name with the words that named it (``("puddle2",
    "puddle 2")``), so that an error can say it the way the user did.
    """

    text: str
    places: tuple[tuple[str, str], ...]
    #: the goal is about keeping robots away or letting them in ("puddle 1 must be kept clear"): a keep-out
    #: serves its places; any other goal needs robots there, and a keep-out around a place sends nobody to it
    keepout: bool = False
    #: the goal's first and past-the-last token, so that an error can quote what the user typed
    span: tuple[int, int] | None = None


def goal_errors(goals: Iterable[Goal], graph: TaskGraph, stood: Iterable[str] = (),
                keepout_skills: Iterable[str] = ()) -> list[str]:
    """One error per goal whose places the plan leaves out (empty when every goal is carried out).

    A place is served when a step of ``graph`` names it in its object keywords or a robot was said
    to stand there already (``stood``); a step whose skill is in ``keepout_skills`` (avoid / allow
    areas) serves only a goal that is itself about a keep-out.

    Example
    -------
    >>> g = Goal("puddle 2 needs filling", (("puddle2", "puddle 2"),))
    >>> goal_errors([g], TaskGraph(()))[0].split(": ")[1]
    'nothing goes to puddle 2 (say who does it)'
    """
    fences = frozenset(keepout_skills)
    reached = {o for s in graph.subtasks if s.skill not in fences for o in s.object_keywords} | set(stood)
    fenced = {o for s in graph.subtasks if s.skill in fences for o in s.object_keywords}
    out: list[str] = []
    for g in goals:
        served = reached | fenced if g.keepout else reached
        missing = [said for name, said in g.places if name not in served]
        if missing:
            what = " or ".join(missing)
            out.append(f"the goal {g.text!r} is not carried out by the steps given: nothing goes to {what} "
                       f"(say who does it)")
    return list(dict.fromkeys(out))


def set_aside(words: Sequence[str], place: tuple[int, int], sentence: tuple[int, int], deferring: Iterable[str],
              excluding: Iterable[str], refusing: Iterable[str], joins: Collection[str],
              pronouns: Collection[str] = ()) -> bool:
    """Whether the goal sentence puts the place at ``place`` (its token span) off or leaves it alone.

    The place is no part of the goal when, in its clause (up to a joining word or comma, within ``sentence``), a
    phrase of ``deferring`` follows it ("puddle 2 can wait until tomorrow", "... soil from soil 2 later"), a
    phrase of ``excluding`` comes before it ("without disturbing obstacle 1"), or a phrase of ``refusing`` stands
    right before it ("puddle 1 needs filling, not puddle 2"): demanding a step there refused plans that were right.
    So it is when the next clause is one of ``pronouns`` and a phrase of ``deferring`` ("rock 2 needs clearing, *but
    that can wait*"): the pronoun is the goal just said.

    Example
    -------
    >>> w = "puddle 2 can wait until tomorrow".split()
    >>> set_aside(w, (0, 2), (0, len(w)), ["can wait"], [], [], {"and"})
    True
    """
    lo, hi = sentence
    start, end = place

    def at(k: int, phrases: Iterable[str]) -> int:
        for p in phrases:
            toks = p.split()
            if [w.lower() for w in words[k:k + len(toks)]] == toks:
                return len(toks)
        return 0

    for k in range(end, hi):
        if words[k] in joins:
            j = k
            while j < hi and words[j] in joins:
                j += 1
            if j + 1 < hi and words[j].lower() in pronouns and at(j + 1, deferring):
                return True
            break
        if at(k, deferring):
            return True
    for k in range(start - 1, lo - 1, -1):
        if words[k] in joins:
            break
        n = at(k, excluding)
        if n or (at(k, refusing) == start - k):
            return True
    return False


def spelled_out(goal: Sequence[Segment], later: Sequence[Segment], keepout_actions: Collection[str]) -> bool:
    """Whether the sentences after a goal sentence (``later``) spell out its work, so that it adds no steps.

    "We need soil 1 dug by two excavators and the load taken to rock 2 by truck 2. The excavators go to soil 1 ...":
    every place the goal names comes back in a later clause of work (a main clause, no keep-out, in a sentence with a
    verb of work), and every robot it names (by number or by type) is given such a clause at one of its places. Read
    as steps, the goal was done and then done again by the steps. The next sentence must start afresh: one that goes
    on from it ("Then ...") makes the goal the first step, and with no steps after it a goal is an order.
    """
    robots = [it for s in goal for it in s.items
              if it.kind is ItemKind.ROBOT and getattr(it.payload, "form", "") in ("ids", "type")]
    places = {n for s in goal for n in named_objects(s.items)}
    if not robots or not places or not later or later[0].connective not in (None, "first"):
        return False
    working = {s.sentence for s in later for it in s.items
               if it.kind is ItemKind.VERB and it.payload.target not in keepout_actions}
    deeds = [s for s in later if s.sentence in working and s.role is SegmentRole.MAIN and not any(
        it.kind is ItemKind.VERB and it.payload.target in keepout_actions for it in s.items)]
    if not places <= {n for s in deeds for n in named_objects(s.items)}:
        return False
    return all(_given_work(w, deeds, _own_places(goal, r)) for r in robots
               for w in (r.payload.ids if r.payload.form == "ids" else (r.payload.rtype,)))


def _own_places(goal: Sequence[Segment], robot: Item) -> set[str]:
    """The places the goal gives ``robot``: those of its own clause ("we need excavator 1 at soil 1 *and truck 1 at
    soil 2*"), else every place of the goal. Checked with every place of the goal, steps that sent truck 1 to soil 1
    spelled that goal out, and its move to soil 2 was dropped."""
    own = next((named_objects(s.items) for s in goal if any(it is robot for it in s.items)), set())
    return own or {n for s in goal for n in named_objects(s.items)}


def _given_work(robot: str, deeds: Sequence[Segment], places: Collection[str]) -> bool:
    """A clause of ``deeds`` at one of ``places`` names ``robot`` (a robot id, or a type: any robot of that type),
    or says "it" / "they" after a clause of its sentence that named it ("Truck 2 is loaded at soil 1, and then *it*
    takes the load to rock 2"), or has no robot of its own right after a clause that named it ("and truck 1 then
    dumps at puddle 2" is cut before "then")."""
    def names(it: Item) -> bool:
        d = it.payload
        if d.form == "ids":
            return any(robot == i or robot in i for i in d.ids)
        return d.form == "type" and d.rtype == robot
    named: set[int] = set()  # sentences where a clause has named the robot so far
    before: Segment | None = None
    for s in deeds:
        said = any(it.kind is ItemKind.ROBOT and names(it) for it in s.items)
        pronoun = s.sentence in named and any(
            it.kind is ItemKind.ROBOT and getattr(it.payload, "form", "") == "pronoun" for it in s.items)
        # "... and truck 1 | then dumps at puddle 2": a clause with no robot goes on with the one just before it
        carried = before is not None and before.sentence == s.sentence and not s.has(ItemKind.ROBOT) and any(
            it.kind is ItemKind.ROBOT and names(it) for it in before.items)
        if (said or pronoun or carried) and named_objects(s.items) & set(places):
            return True
        if said:
            named.add(s.sentence)
        before = s
    return False
