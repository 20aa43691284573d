"""Robots paired with robots, and robots that stand for their place.

:class:`PairReader` reads "truck 1 serves excavator 1", "truck three's your partner there",
"its partner", "the excavator's site", "come to you": pairs are remembered both ways, and
later "its excavator", "gets loaded" and "each truck ... once the digging is done" use them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .clauses import Action
from .dependencies import Draft
from .mentions import Member, ObjectDesc, RobotDesc
from .segment import Item, ItemKind
from .verbs import VerbHit, choose_skill

if TYPE_CHECKING:
    from .interpret import Interpreter

__all__ = ["PairReader"]


class PairReader:
    """Pairs and robots' places, for an :class:`~.interpret.Interpreter` (which holds one as ``pairing``)."""

    def __init__(self, ip: Interpreter):
        self.ip = ip

    def robot_place(self, item: Item) -> list[str]:
        """Where the robot of "excavator 2's site", "its excavator's pile", "come to you" is."""
        ip = self.ip
        rd: RobotDesc = item.payload.robot
        if rd.form == "type" and rd.det == "own":
            base = ip.own_member or (ip.current_subject[0] if ip.current_subject else None)
            who: Sequence[Member] = [p for p in ip.pairs.get(base.key, ()) if p.rtype == rd.rtype] if base else []
            if not who and base is not None:
                who = ip.colocated(base, "dig")[:1] if rd.rtype in ip._types_for("dig") else []
        else:
            who = ip.resolve_robots(Item(ItemKind.ROBOT, item.start, item.end, rd, item.text)) or ()
            mover = frozenset(m.key for m in ip.current_subject or ())
            if rd.form == "pronoun" and who and mover and all(m.key in mover for m in who):
                # "truck 2 comes over to it": a robot does not go to itself; "it" is the robot named before it
                who = ip.res.last_able(lambda m: m.key not in mover, rd.pronoun == "they") or who
        here = list(dict.fromkeys(p for p in (ip.loc(m) for m in who) if p is not None))
        if len(here) != 1:
            ip.errors.append(f"cannot tell where {item.text!r} is")
            return []
        return here

    def partner_of(self, d: RobotDesc, item: Item) -> tuple[Member, ...]:
        """"its partner", "your buddy": the robots paired with the subject (or with the robot
        spoken to); "the partner": the robots last paired with another."""
        ip = self.ip
        if d.det == "the":
            found: tuple[Member, ...] = tuple(ip.last_partners)
        else:
            base = ip.res.addressee if d.det == "your" else (
                (ip.own_member,) if ip.own_member is not None else (ip.current_subject or ()))
            found = tuple(dict.fromkeys(p for m in base for p in ip.pairs.get(m.key, ())))
        if not found:
            ip.errors.append(f"{item.text!r}: no robot was paired with it")
        else:
            ip.res.remember(found, "partner")
        return found

    def own_here(self, o: Item, members: Sequence[Member] | None) -> bool:
        """"its rock", "their pile" said of robots that each stand at a place of that kind."""
        ip = self.ip
        d: ObjectDesc = o.payload
        return bool(d.form == "kind" and d.det == "own" and members and all(
            ip.site.object_kind.get(ip.loc(m) or "") == d.kind for m in members))

    def each_here(self, o: Item, members: Sequence[Member] | None) -> bool:
        """"each is loaded there by the excavator at *that rock*" (or "the rock"): one place of a kind, said of robots
        that stand at different places of that kind, is each one's own, as "its rock" is; read as the rock named last,
        every truck was sent on to it and only the one already there was loaded."""
        ip = self.ip
        d: ObjectDesc = o.payload
        where = [ip.loc(m) for m in members or ()]
        return bool(d.form == "kind" and d.det == "the" and not d.plural and len(set(where)) > 1 and all(
            ip.site.object_kind.get(w or "") == d.kind for w in where))

    def pair(self, a: Action, subject: tuple[Member, ...] | None, extra: set[int]) -> list[Draft]:
        """"Truck 1 serves excavator 1", "truck three's your partner there": remember the pairs
        (later "its excavator", "gets loaded", "the excavator's site" use them); a place named with
        the pairing ("... your partner there") is where the robot goes."""
        ip = self.ip
        others: list[Member] = []
        if a.verb.role == "pair_you":
            others = list(ip.res.addressee)
        for it in a.partners:
            ip.use(it)
            r = ip.resolve_robots(it)
            if r:
                others += [m for m in r if m not in others]
                ip.res.remember(r, "partner")
        if not subject or not others:
            ip.errors.append(f"no robots to pair in {a.verb.lemma!r}")
            return []
        ip.last_partners = list(others)
        for s in subject:
            for other in others:
                if s.rtype != other.rtype:
                    for x, y in ((s, other), (other, s)):
                        lst = ip.pairs.setdefault(x.key, [])
                        if y not in lst:
                            lst.append(y)
        places: list[str] = []
        for o in a.objects:
            ip.use(o)
            if o.payload.form == "pronoun" and o.payload.pronoun == "there" and others:
                here = sorted(p for p in (ip.loc(m) for m in others) if p is not None)
                places += here[:1]
            else:
                places += ip.resolve_objects(o)
        if places:
            return ip.moves(list(subject), places[:1], extra, VerbHit("navigate", "verb", a.verb.lemma), False, False)
        return []

    def paired(self, m: Member, action: str) -> list[Member]:
        """The robots paired with ``m`` that can do ``action``."""
        ip = self.ip
        return [p for p in ip.pairs.get(m.key, ()) if choose_skill(ip.fleet, action, False, [p.rtype]) is not None]

    def narrow(self, m: Member, extra: set[int]) -> set[int]:
        """In a distributive clause ("each truck gets loaded once the digging is done") a robot
        waits only for the named steps that concern it or its partner; if none does, for all of
        them (or, when the anchor was a pronoun such as "when it's done", for none)."""
        ip = self.ip
        if len(extra) <= 1 and not ip.anchor_by_pronoun:
            return extra
        keys = {m.key} | {p.key for p in ip.pairs.get(m.key, ())}
        rel = {e for e in extra if any(x.key in keys for x in (*ip.b.drafts[e].members, *ip.b.drafts[e].partners))}
        return rel or (set() if ip.anchor_by_pronoun else extra)
