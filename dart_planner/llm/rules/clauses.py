"""What the interpreter keeps about a clause it has read, and about each verb in it.

:class:`Clause` is the reading of one main clause (its subject, verbs, what it waited for),
kept so the next clause can continue it ("then", "and", a pronoun); :class:`Action` is one verb
of a clause with its objects and partners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .mentions import Member, ObjectDesc
from .segment import Item, ItemKind
from .verbs import VerbHit

__all__ = ["START", "Clause", "Action", "own_place", "places_named"]

START = "start"
"""The place name that stands for each robot's own start position (return_to_start)."""


@dataclass
class Clause:
    subject: tuple[Member, ...] | None
    explicit: bool
    verbs: list[VerbHit]
    entry: set[int]
    sentence: int
    fleet: bool
    actions: list[Action] = field(default_factory=list)
    connective: str | None = None
    start_sinks: set[int] = field(default_factory=set)
    """What was open when the clause began (a conjunct after "afterwards, X ..." waits for it)."""
    split: bool = False
    """The clause spoke of "each" robot: a clause that continues it without a subject does too."""
    timed: bool = False
    """The clause waited for an anchor said before it ("When X, truck 1 goes home, ..."): a clause with
    other robots joined to it by a bare comma is timed by that anchor too."""
    inner_then: bool = False
    """Its "then" came after its own subject, which had steps before ("truck 1 *then* goes to rock 1"): it
    continues that robot's chain only, so a conjunct with other robots after it ("and truck 3 goes to rock 2")
    does not wait for it."""
    addressed: bool = False
    """Its robots were spoken to ("Truck 1, check puddle 1."): an order with no robot after it is still theirs."""
    tied_keepout: bool = False
    """A keep-out change tied by "after which" to the step just said ("truck 1 checks puddle 1, after which all robots
    avoid it"): part of that step, so a clause said meanwhile after it starts with the step, not after it."""


@dataclass
class Action:
    verb: VerbHit
    objects: list[Item] = field(default_factory=list)
    place: bool = False
    partners: list[Item] = field(default_factory=list)
    immediate: bool = False
    """Said to happen "right away": it does not wait for what the clause's trailing anchor names."""
    back: bool = False
    """"send everyone back", "bring the trucks back": with no place named, back to the start."""
    again: bool = False
    """Said "again" ("loads truck 1 again"): done once more, never the same step said a second time."""
    round_trip: bool = False
    """"goes to puddle 2 *and back*": after its places, back to where the robot set out from."""
    arrive: bool = False
    """Said right after a bare motion verb ("truck 2 follows and gets loaded"): the robot goes where it is done."""


def own_place(o: Item) -> bool:
    d: ObjectDesc = o.payload
    return d.form == "robot_place" and d.robot is not None and d.robot.form == "type" and d.robot.det == "own"


def places_named(items: Sequence[Item]) -> bool:
    """A verbless clause names a destination only with a real object or a start place
    ("truck 2 to rock 1"), not with a bare "there" ("hello there")."""
    return any(it.kind is ItemKind.PLACE or (it.kind is ItemKind.OBJECT and it.payload.form != "pronoun")
               for it in items)
