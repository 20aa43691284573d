"""Dependencies from connectives and from the domain, and the finished task graph.

:class:`PlanBuilder` collects draft subtasks as the clauses are read and keeps, per robot or
robot group, the last task it took part in, so the domain rules hold by construction:

- a robot's own steps form a chain (any two tasks sharing a robot are ordered);
- a step for several robots waits for each one's previous step; robots whose previous steps
  differ do the step as separate tasks, robots that are in the same state share one;
- a fleet-wide movement is a step of every robot; a fleet-wide keep-out is not;
- loading a truck (``unload_bucket``) is a step of the truck too, so the truck's next move
  waits for it, and it waits for the truck to be there;
- a fleet-wide keep-out that holds "throughout" (or opens the instruction) comes before
  every movement.

:meth:`PlanBuilder.finish` then removes implied dependencies, merges tasks that do the same
skill on the same objects after the same tasks (rule R1 of the benchmark conventions), and
names the tasks ``<skill>_<n>`` in a topological order that follows the text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ...core.plan import Subtask, TaskGraph
from .mentions import Member
from .verbs import KEEPOUT_ACTIONS, MOVES

__all__ = ["Draft", "PlanBuilder", "MOVES"]


@dataclass
class Draft:
    """A subtask being built; ``members`` empty and ``fleet`` true for ``*_all_robots``."""

    idx: int
    skill: str
    action: str
    members: list[Member]
    objects: tuple[str, ...]
    deps: set[int]
    fleet: bool = False
    lemma: str = ""
    partners: list[Member] = field(default_factory=list)
    split_group: int = 0
    """Tasks made for "each" robot of one step carry the same non-zero group: they stay apart."""
    global_keepout: bool = False
    alive: bool = True


class PlanBuilder:
    """Draft subtasks plus the chain bookkeeping that the domain rules need."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.anc: list[set[int]] = []
        self.last: dict[str, int] = {}
        self.barrier: int | None = None
        self.has_dependents: set[int] = set()
        self._split_groups = 0
        self.together = False
        """Set while a clause says its robots move "together": one move for all, after all their steps."""
        self.standing: set[int] = set()
        """Keep-outs whose clause says they hold throughout ("from the start, trucks 2 and 3 keep away from puddle
        2"): standing conditions even when other robots' work was said before them, not keep-outs put up mid-job
        (rule 26), so lifting one waits only for what its clause names."""
        self.during: set[int] = set()
        """Keep-outs said with a "while" clause of other work ("trucks keep away from soil 2 while excavator 1 digs
        there"): put up during the job even when made first, so no standing conditions (rule 26), unless their
        clause says they hold from the start ("from the start, trucks 2 and 3 keep away from the rocks while they
        are being broken up": that is said, :attr:`standing`)."""
        self.narrow: Callable[[Member, set[int]], set[int]] | None = None
        """Set while a distributive step is added: which of the waited-for tasks concern a member."""
        self.type_robots: Mapping[str, Sequence[str]] = {}
        """The fleet's robots by type (set by the interpreter): an unnamed group is any of them."""
        self.taken_from: Mapping[str, Sequence[str]] = {}
        """Groups taken out of robots said before, with those robots' keys (set by the interpreter)."""
        self.type_gates: dict[str, set[int]] = {}
        """Steps the first step of every robot of a type waits for ("Before the diggers come in, truck 1 checks
        puddle 1": each excavator's first step waits for the check)."""
        self.gates: dict[str, set[int]] = {}
        """Keep-outs a robot's next step still waits for: a start keep-out whose lifting did not wait for it
        ("trucks 2 and 3 keep away from puddle 2 from the start ... when X is done the keep-out is lifted for
        them, and then truck 2 goes to puddle 2": the move waits for both, rules 21 and 26)."""
        self.restated: dict[int, int] = {}
        """Steps dropped as said again later (``fold_restated``), with the step that took their place: an "until X"
        said before X's own clause ("trucks keep away from puddle 2 until excavator 1 is done digging at soil 2,
        excavator 1 goes to soil 2 and digs") keeps the dropped one as X, and a wait for it is a wait for this."""

    # -- chains --------------------------------------------------------------------------
    def whole_of_type(self, x: Member, rtype: str | None = None) -> bool:
        """Whether ``x`` is a group of every robot of its type (of ``rtype`` when given): "all trucks", "the three
        excavators" stand for each robot of that type."""
        pool = len(self.type_robots.get(x.rtype, ()))
        return x.is_group and (rtype is None or x.rtype == rtype) and pool > 0 and x.count >= pool

    def chain(self, m: Member) -> int | None:
        """The last task ``m`` took part in (a fleet-wide movement counts for everyone)."""
        if m.key not in self.last:
            # a robot with no step yet: a keep-out that gates every robot of its type, said after the barrier
            fence = self._type_fence(m.rtype) if m.is_group else None
            if not self._after_barrier(fence):
                fence = self._whole_type_keepout(m)
            if self._after_barrier(fence):
                return fence
        own = self.last.get(m.key, self.barrier)
        whole = self.whole_step(m)
        if whole is None or whole == own or (own is not None and whole in self.anc[own]):
            return own
        return whole if own is None or own in self.anc[whole] else own

    def _after_barrier(self, idx: int | None) -> bool:
        """Whether task ``idx`` exists and was made after the barrier (a fleet-wide step everyone waits for)."""
        return idx is not None and (self.barrier is None or self.barrier < idx)

    def whole_step(self, m: Member) -> int | None:
        """The last step of robots ``m`` is surely one of, when that is the latest step of all of them: a group
        taken out of them ("two trucks go to soil 1 ... the other one goes home"), or a robot or an unnamed group of a
        type every robot of which moved as one group ("every truck goes to obstacle 1. Truck 2 goes to puddle 1",
        "... one truck goes to puddle 1": with no truck left over, it is one of them): that
        step was ``m``'s own too (rule 8). A keep-out is no step (rule 21): left to the chains as before."""
        if m.is_group and m.key in self.taken_from:
            steps = [self.last[k] for k in self.taken_from[m.key] if k in self.last]
        elif m.is_group:  # "three trucks drive to obstacle 2; ... one truck goes to soil 1": one of those three
            steps = [i for i in self.last.values() if any(
                x.key != m.key and self.whole_of_type(x, m.rtype) for x in self.drafts[i].members)]
        else:
            steps = [i for i in self.last.values() if any(
                self.whole_of_type(x, m.rtype) for x in self.drafts[i].members)]
        steps = [i for i in steps if self.drafts[i].action not in KEEPOUT_ACTIONS]
        latest = [i for i in steps if all(j == i or j in self.anc[i] for j in steps)]
        return latest[0] if latest else None

    def _type_fence(self, rtype: str) -> int | None:
        """A keep-out that is still the last step of every robot of ``rtype`` ("everyone except truck 2 keeps
        away from puddle 1 from the start. Two excavators go to soil 1 ..."): an unnamed group of that type is
        some of those robots, so its first step is gated by it as theirs would be (rule 21)."""
        ids = tuple(self.type_robots.get(rtype, ()))
        if not ids:
            return None
        heads = {self.last.get(r) for r in ids}
        if len(heads) != 1:
            return None
        head = heads.pop()
        if head is None:
            return None
        d = self.drafts[head]
        return head if d.alive and d.action == "add_keepout" and not d.fleet else None

    def _whole_type_keepout(self, m: Member) -> int | None:
        """The last start keep-out for every robot of ``m``'s type ("all trucks must avoid obstacle 1. Truck 3 goes
        to soil 2"): each robot of the type is one it holds, so ``m``'s first movement waits for it as it would
        had the robots been named (rule 21). One put up mid-job gates only the robots that had moved before it."""
        held = [(k, i) for k, last in self.last.items() if k != m.key
                and (i := self._standing_keepout(k, last)) is not None]
        found = [i for k, i in held if not self.drafts[i].fleet and not self._put_up_mid_job(self.drafts[i])
                 and any(x.key == k and self.whole_of_type(x, m.rtype) for x in self.drafts[i].members)]
        return max(found) if found else None

    def _standing_keepout(self, key: str, last: int) -> int | None:
        """The keep-out that group ``key`` last took part in, when it made no movement (``last`` is its last step):
        lifted since ("... lift the restriction for the trucks. Then truck 1 goes to soil 1"), it still came before
        every first movement of the robots it held (L3_218)."""
        if not self.drafts[last].alive or self.drafts[last].action == "add_keepout":
            return last if self.drafts[last].alive else None
        if self.drafts[last].action != "remove_keepout":
            return None
        steps = [d for d in self.drafts if d.alive and any(x.key == key for x in d.members)]
        if any(d.action not in KEEPOUT_ACTIONS for d in steps):
            return None
        return max((d.idx for d in steps if d.action == "add_keepout"), default=None)

    def current(self, idx: int) -> int:
        """The step that stands for ``idx`` now (itself unless it was said again later)."""
        while idx in self.restated:
            idx = self.restated[idx]
        return idx

    def reduce(self, deps: Iterable[int]) -> set[int]:
        """Drop every dependency that another one already implies."""
        ds = {d for d in deps if d is not None}
        return {d for d in ds if not any(d in self.anc[o] for o in ds if o != d)}

    def sinks(self) -> set[int]:
        """Tasks nothing depends on yet ("when everything is done" waits for these)."""
        return {d.idx for d in self.drafts if d.alive and d.idx not in self.has_dependents}

    def last_tasks(self, members: Sequence[Member]) -> set[int]:
        return {t for t in (self.chain(m) for m in members) if t is not None}

    # -- adding ---------------------------------------------------------------------------
    def _new(self, skill: str, action: str, members: Sequence[Member], objects: Sequence[str], deps: set[int],
             *, fleet: bool = False, lemma: str = "", partners: Sequence[Member] = (),
             split_group: int = 0) -> Draft:
        deps = self.reduce(self.current(p) for p in deps if p is not None)
        d = Draft(len(self.drafts), skill, action, list(members), tuple(objects), deps, fleet, lemma,
                  list(partners), split_group)
        self.drafts.append(d)
        anc: set[int] = set()
        for p in deps:
            anc |= self.anc[p]
            anc.add(p)
            self.has_dependents.add(p)
        self.anc.append(anc)
        return d

    def add(self, skill: str, action: str, members: Sequence[Member], objects: Sequence[str],
            extra: Iterable[int] = (), *, lemma: str = "", partners: Sequence[Member] = (),
            split: bool = False) -> list[Draft]:
        """A step for ``members``; one task per set of members in the same state.

        ``partners`` take part in the step too (the truck an excavator loads): the step
        waits for them and becomes their last step. ``split`` forces one task per member
        ("each", "respectively").
        """
        extra_set = {e for e in extra if e is not None}
        groups: list[tuple[frozenset[int], list[Member]]] = []
        keepout = action in KEEPOUT_ACTIONS
        overlaps = {} if keepout or split else self._sure_overlaps(members)
        for m in members:
            deps = set(self.narrow(m, extra_set)) if (split and self.narrow is not None) else set(extra_set)
            deps |= overlaps.get(m.key, set())
            c = self.chain(m)
            if c is not None and not (keepout and extra_set and (
                    self.drafts[c].action not in KEEPOUT_ACTIONS or self._opening_keepout(c))):
                # a keep-out is no robot step: when the clause says what it waits for, that is all it waits for,
                # also when the robots' last step is a keep-out that holds from the start (rule 21: "Excavator 2
                # must avoid puddle 1. ... When truck 2 is done, excavator 2 may enter puddle 1 again" waits for
                # truck 2 only); one put up mid-job ("while it digs, ...") is lifted after it went up
                deps.add(c)
            elif action == "remove_keepout" and extra_set:
                # the same holds when the robot went on after the keep-out went up ("as soon as they arrive, trucks
                # 1 and 3 keep away from soil 1 ... inspect obstacle 1 ... the keep-out is lifted for trucks 1 and 3")
                put_up = self._keepout_put_up(m, objects)
                if put_up is not None:
                    deps.add(put_up)
            if not keepout:
                deps |= self.gates.pop(m.key, set())
                if m.key not in self.last:
                    deps |= self.type_gates.get(m.rtype, set())
            elif c is not None and c not in deps and self.drafts[c].action in KEEPOUT_ACTIONS:
                self.gates.setdefault(m.key, set()).add(c)  # not waited for by this keep-out: by the next step
            key = frozenset(self.reduce(deps))
            if not split:
                for g, (gk, lst) in enumerate(groups):
                    # one task cannot hold two groups of one type ("1 dump_truck" twice); robots that go
                    # to one place together share the move even when they come from different steps
                    # when the step waits for something beyond their own chains ("if truck 3 is empty, the
                    # other two trucks go home": one return, after both chains),
                    # while work done in place stays one task per state ("both of them dig", each where it is)
                    shared = action in MOVES and (extra_set or self.together or self._nested(gk, key)
                                                  or self._kept_apart(gk, key))
                    if (gk == key or shared or keepout) and not (
                            m.is_group and any(x.is_group and x.rtype == m.rtype for x in lst)):
                        groups[g] = (frozenset(self.reduce(set(gk) | key)), lst)
                        lst.append(m)
                        break
                else:
                    groups.append((key, [m]))
            else:
                groups.append((key, [m]))
        out: list[Draft] = []
        group = 0
        if split:
            self._split_groups += 1
            group = self._split_groups
        partner_deps = self._partner_deps(partners) if not keepout else self.last_tasks(partners)
        for key, lst in groups:
            deps = set(key) | partner_deps
            d = self._new(skill, action, lst, objects, deps, lemma=lemma, partners=partners, split_group=group)
            for m in (*lst, *partners):
                if keepout and m.key in self.last and self.drafts[self.last[m.key]].action not in KEEPOUT_ACTIONS:
                    continue  # a keep-out said mid-job is no step of the robot's own chain (rule 8)
                if keepout and m.key not in self.last and self._put_up_mid_job(d):
                    continue  # nor of a robot that has not moved yet: only a standing one gates its moves (rule 21)
                self.last[m.key] = d.idx
            out.append(d)
        return out

    def _sure_overlaps(self, members: Sequence[Member]) -> dict[str, set[int]]:
        """For robots of a type that take in more of it than an unnamed group of that type, said before, leaves out
        ("two excavators dig ... excavators 1, 2 and 3 go back", "... all three excavators go back"), the group's last
        step, for each of them: the group is surely some of them, so their step is ordered after its (rule 8). Each
        robot has no step of its own, so the step went beside the group's work. A robot the group may leave out
        ("excavator 1 goes to rock 1") or a group kept apart from it ("the remaining excavator") does not wait."""
        out: dict[str, set[int]] = {}
        for rtype in {m.rtype for m in members}:
            mine = [m for m in members if m.rtype == rtype]
            keys = {m.key for m in mine}
            free = len(self.type_robots.get(rtype, ())) - sum(m.count for m in mine)
            steps = {self.last[x.key] for d in self.drafts if d.alive for x in d.members
                     if x.is_group and x.rtype == rtype and x.key not in keys and x.key in self.last
                     and x.count > free and self.drafts[self.last[x.key]].action not in KEEPOUT_ACTIONS}
            for m in mine if steps else ():
                out[m.key] = steps
        return out

    def _partner_deps(self, partners: Sequence[Member]) -> set[int]:
        """What a step waits for of the robots it serves (the truck an excavator loads): their last steps, save a
        keep-out of theirs, which is no step (rule 21) and gates their next movement instead ("trucks 1-3 keep away
        from rock 2. ... Truck 1 is already at soil 1; excavator 1 loads it, and it hauls the soil to puddle 2": the
        haul waits for the keep-out, not the excavator's loading)."""
        deps: set[int] = set()
        for m in partners:
            c = self.chain(m)
            if c is None:
                continue
            if self.drafts[c].action in KEEPOUT_ACTIONS:
                self.gates.setdefault(m.key, set()).add(c)
            else:
                deps.add(c)
        return deps

    def _keepout_put_up(self, m: Member, objects: Sequence[str]) -> int | None:
        """The keep-out for ``m`` on one of ``objects`` put up last, when it went up mid-job (it waited for a
        robot's step); None for one that holds from the start, or none at all."""
        for d in reversed(self.drafts):
            if d.alive and d.action == "add_keepout" and set(d.objects) & set(objects) \
                    and any(x.key == m.key for x in d.members):
                waited = any(self.drafts[i].action not in KEEPOUT_ACTIONS for i in d.deps)
                return d.idx if waited and not self._opening_keepout(d.idx) else None
        return None

    def _put_up_mid_job(self, d: Draft) -> bool:
        """Whether keep-out ``d`` went up after a robot's step ("once excavator 1 is there, the rest keep away"):
        it waits for one, directly or through another keep-out."""
        return any(self.drafts[i].action not in KEEPOUT_ACTIONS for i in self.anc[d.idx])

    def _opening_keepout(self, idx: int) -> bool:
        """Whether keep-out ``idx`` is a standing condition: it waits for nothing, and only keep-outs were made
        before it or its clause said it holds throughout (:attr:`standing`)."""
        return not self.drafts[idx].deps and (idx in self.standing or idx not in self.during and all(
            d.action in KEEPOUT_ACTIONS for d in self.drafts[:idx] if d.alive))

    def _kept_apart(self, a: Iterable[int], b: Iterable[int]) -> bool:
        """Two robots' steps before a move differ only by keep-outs for some of them ("trucks 1 and 2 keep away from
        rock 2 from the start. Excavator 1 and truck 1 go to soil 1"): a keep-out is no step of theirs (rule 21), so
        they still go together, in one move that waits for it (the gold lines: L2_195, L3_521, L3_627)."""
        diff = set(a) ^ set(b)
        return bool(diff) and all(self.drafts[i].action == "add_keepout" and not self.drafts[i].fleet for i in diff)

    def _nested(self, a: Iterable[int], b: Iterable[int]) -> bool:
        """One set of steps is done once the other is: every step of one is in the other or before
        it ("loads truck 1, then truck 2. The trucks go home": truck 2's loading ends truck 1's too)."""
        sa, sb = set(a), set(b)
        if not sa or not sb:
            return False

        def within(x: set[int], y: set[int]) -> bool:
            return all(any(i == j or i in self.anc[j] for j in y) for i in x)

        return within(sa, sb) or within(sb, sa)

    def add_fleet(self, skill: str, action: str, objects: Sequence[str], extra: Iterable[int] = (),
                  *, lemma: str = "") -> Draft:
        """A ``*_all_robots`` step. A fleet-wide movement waits for every robot's last step
        and becomes everyone's last step; a fleet-wide keep-out only waits for ``extra``."""
        deps = {e for e in extra if e is not None}
        if action in MOVES:
            # a keep-out for some robots is no robot step (rule 21): the fleet's move waits for their chains; one that
            # holds from the start and is still its robots' last step gates their move too (rule 27)
            deps |= {i for i in self.last.values() if self.drafts[i].action not in KEEPOUT_ACTIONS
                     or (self.drafts[i].action == "add_keepout" and not self.drafts[i].fleet
                         and self._opening_keepout(i))}
            if self.barrier is not None:
                deps.add(self.barrier)
        d = self._new(skill, action, (), objects, deps, fleet=True, lemma=lemma)
        if action in MOVES:
            self.last.clear()
            self.barrier = d.idx
        return d

    def put_before(self, new: set[int], old: int, keys: set[str]) -> None:
        """Put the tasks ``new`` (made last, by the robots ``keys``) before the task ``old`` in those robots'
        chains ("excavator 2 ... has to dig before any loading", said after the loadings): ``new`` waits
        for what ``old`` waited for in their chains only, ``old`` waits for ``new`` too, and the chains
        end where they ended before."""
        news = [self.drafts[i] for i in sorted(new) if self.drafts[i].alive]
        target = self.drafts[old]
        if not news or not target.alive:
            return
        own = {p for p in target.deps if keys & {m.key for m in (*self.drafts[p].members, *self.drafts[p].partners)}}
        sinks = {d.idx for d in news if not any(d.idx in e.deps for e in news)}
        for d in news:
            d.deps = (d.deps & new) or set(own)
        target.deps = (target.deps - own) | sinks
        for key, i in list(self.last.items()):
            if i in new:
                del self.last[key]
        for m in target.members:
            ends = [d.idx for d in self.drafts if d.alive and d.idx not in new
                    and m.key in {x.key for x in (*d.members, *d.partners)}]
            if ends:
                self.last[m.key] = ends[-1]
        self._reindex()

    def slip_before(self, new: int, old: int, keys: set[str], keep: set[int]) -> None:
        """Put the task ``new`` (made last) before the task ``old`` of the robots ``keys`` ("... loads truck 1.
        Truck 1 then dumps at puddle 1.": the loading, made once the truck was asked to dump, comes before the
        truck drove off): ``new`` waits for ``keep`` (its other robots' last steps), for what it waited for outside
        those robots' steps since ``old``, and for what ``old`` waited for in their chains; ``old`` waits for
        ``new``; their chains end where they ended."""
        d, target = self.drafts[new], self.drafts[old]

        def theirs(i: int) -> bool:
            return bool(keys & {m.key for m in (*self.drafts[i].members, *self.drafts[i].partners)})

        since = {i for i in range(old, len(self.drafts)) if i != new and theirs(i)}
        own = {p for p in target.deps if theirs(p)}
        d.deps = (d.deps - since) | own | (keep - since)
        target.deps = (target.deps - own) | {new}
        for key in keys:
            ends = [i for i in range(len(self.drafts)) if i != new and self.drafts[i].alive and theirs(i)
                    and key in {m.key for m in (*self.drafts[i].members, *self.drafts[i].partners)}]
            if ends:
                self.last[key] = ends[-1]
        self._reindex()

    def add_waits(self, waiters: Iterable[int], on: int) -> None:
        """Make each of ``waiters`` wait for the task ``on`` after the whole instruction is read ("nobody digs until
        truck 2 has checked puddle 1"): the edges go against the order of making, so the ancestors are built again."""
        for i in waiters:
            self.drafts[i].deps.add(on)
        self._reindex()

    def _reindex(self) -> None:
        """Ancestors and dependents again, after deps were rewired against the order of making."""
        memo: dict[int, set[int]] = {}

        def visit(i: int) -> set[int]:
            if i not in memo:
                memo[i] = set()
                acc: set[int] = set()
                for p in self.drafts[i].deps:
                    acc |= visit(p) | {p}
                memo[i] = acc
            return memo[i]

        self.anc = [visit(d.idx) for d in self.drafts]
        self.has_dependents = {p for d in self.drafts if d.alive for p in d.deps}

    def hoist(self, new: set[int], old: set[int]) -> None:
        """Put the tasks ``new`` (made last) before the tasks ``old`` ("truck 2 goes to rock 1, but
        first it checks obstacle 2"): ``new`` takes over what ``old`` waited for, ``old`` then waits
        for ``new``, and the robots' chains end where ``old`` ended."""
        olds = [self.drafts[i] for i in sorted(old) if self.drafts[i].alive]
        news = [self.drafts[i] for i in sorted(new) if self.drafts[i].alive]
        if not olds or not news:
            return
        old_roots = [d for d in olds if not (d.deps & old)]
        outside = {p for d in old_roots for p in d.deps}
        new_sinks = {d.idx for d in news if not any(d.idx in e.deps for e in news)}
        ends = {m.key: i for i in sorted(old) for m in (*self.drafts[i].members, *self.drafts[i].partners)}
        for d in news:
            d.deps = (d.deps - old) | (outside if not (d.deps & new) else set())
        for d in old_roots:
            d.deps = set(new_sinks)
        for key, i in ends.items():
            self.last[key] = i
        self._reindex()

    # -- finishing --------------------------------------------------------------------------
    def _ancestors_all(self) -> dict[int, set[int]]:
        alive = [d for d in self.drafts if d.alive]
        memo: dict[int, set[int]] = {}
        by_idx = {d.idx: d for d in alive}

        def visit(i: int, stack: set[int]) -> set[int]:
            if i in memo:
                return memo[i]
            if i in stack:  # a cycle cannot come out of the builder; guard anyway
                return set()
            stack.add(i)
            acc: set[int] = set()
            for p in by_idx[i].deps:
                if p in by_idx:
                    acc.add(p)
                    acc |= visit(p, stack)
            stack.discard(i)
            memo[i] = acc
            return acc

        for d in alive:
            visit(d.idx, set())
        return memo

    def fold_restated(self, d: Draft) -> bool:
        """"Excavator 2 goes to rock 1 to dig. Once truck 1 is at obstacle 1, excavator 2 digs there.": a work step
        right after the same step of the same robots (nothing between in their chain, nothing waiting for it yet)
        is that step said again with its timing: the earlier one is dropped and the later one keeps what both
        waited for. Two diggings in a row made the robot dig twice."""
        keys = {m.key for m in d.members}
        prev = [p for p in d.deps if self.drafts[p].alive and self.drafts[p].action == d.action
                and {m.key for m in self.drafts[p].members} == keys and not self.drafts[p].partners and not d.partners
                and not any(p in o.deps for o in self.drafts if o.alive and o is not d)]
        if len(prev) != 1 or not keys:
            return False
        old = self.drafts[prev[0]]
        old.alive = False
        self.restated[old.idx] = d.idx
        d.deps = self.reduce((d.deps - {old.idx}) | old.deps)
        self.anc[d.idx] = set().union(*(self.anc[p] | {p} for p in d.deps)) if d.deps else set()
        return True

    def fold_said_keepout(self, d: Draft, cover: Callable[[Draft], frozenset[str] | None]) -> bool:
        """"... so I don't want any truck near rock 1. Excavator 3 drives to rock 1; once it is there, dump trucks 1,
        2 and 3 keep away from rock 1": a keep-out of the same places for the same robots (``cover``: the robot ids a
        draft stands for, None when a group leaves that open), said before with no timing of its own, not lifted
        since and waited for by nothing yet, is this keep-out said again with its timing (it waits for a step), as a
        work step said again is (:meth:`fold_restated`): the earlier one is dropped. Kept, the trucks were kept out
        twice, once from the start. One said again with no timing ("First, nobody goes near soil 1: keep everyone
        out of it") leaves the first as it was."""
        robots = cover(d)
        if d.action != "add_keepout" or robots is None:
            return False
        places = set(d.objects)

        def lifted_since(p: Draft) -> bool:
            return any(o.alive and o.action == "remove_keepout" and set(o.objects) & places
                       for o in self.drafts[p.idx + 1:d.idx])

        prev = [p for p in self.drafts[:d.idx] if p.alive and p.action == "add_keepout" and set(p.objects) == places
                and not p.deps and cover(p) == robots and not lifted_since(p) and d.deps - {p.idx}
                and not any(p.idx in o.deps for o in self.drafts if o.alive and o is not d)]
        if len(prev) != 1:
            return False
        old = prev[0]
        old.alive = False
        self.restated[old.idx] = d.idx
        d.deps = self.reduce(d.deps - {old.idx})
        self._reindex()
        return True

    def retime_move(self, idx: int, waits: set[int]) -> bool:
        """"Truck 2 tips at puddle 2, but it should only drive there after truck 1 has tipped": the move ``idx``
        said again with its timing waits for ``waits`` too (read as a new move, it was dropped, since the truck is
        already bound there, and the wait with it). Not when that closes a loop."""
        d = self.drafts[idx]
        waits = {w for w in waits if w != idx and self.drafts[w].alive}
        if not waits or not d.alive or any(idx in self.anc[w] for w in waits):
            return False
        d.deps = self.reduce(d.deps | waits)
        self._reindex()
        return True

    def _redirect_restated(self) -> None:
        """Waits added after a step was dropped as restated, on the step said in its place."""
        for d in self.drafts:
            if d.alive and d.deps & self.restated.keys():
                d.deps = {self.current(p) for p in d.deps} - {d.idx}

    def _spell_out_group_loadings(self) -> None:
        """"Trucks 1 and 2 go to soil 2 for loading - excavator 2 loads truck 1, excavator 3 loads truck 2": a loading
        by a group that only loadings by parts of the group wait for, and that together are the whole group, is the
        loading said once for all and then robot by robot: the parts are the loading (each waits for what it waited
        for). Kept, every truck was loaded by both excavators and then once more."""
        for p in self.drafts:
            keys = {m.key for m in p.members}
            if not p.alive or p.fleet or p.action != "unload_bucket" or len(keys) < 2:
                continue
            kids = [o for o in self.drafts if o.alive and p.idx in o.deps]
            parts = [{m.key for m in o.members} for o in kids]
            if not kids or any(o.action != p.action or not part or not part < keys for o, part in zip(kids, parts)) \
                    or set().union(*parts) != keys \
                    or {m.key for o in kids for m in o.partners} != {m.key for m in p.partners}:
                continue  # (the same trucks: "load truck 1 together, then each loads one more" is two loadings)
            p.alive = False
            for o in kids:
                o.deps = (o.deps - {p.idx}) | p.deps
        self._reindex()

    def _fold_keepouts_said_again(self) -> None:
        """"We need rock 1 kept clear of the excavators. Keep all excavators away from rock 1 from the start.": a
        keep-out for the same robots and places as one already up, with no lifting of those places between, that
        waits for nothing that one does not, is that keep-out said again (a goal, then the order of work). Kept, the
        plan had two keep-outs, the second after the first. Its dependents wait for the first
        (:meth:`_settle_dead_deps`). So for the whole fleet, when the first went up after a step: "once both trucks
        have had a look, nobody should go near the puddles, so set up one keep-out around both puddles for all robots"
        is one keep-out, after the looks (one that holds throughout is kept: it says more than the first)."""
        for d in self.drafts:
            if not d.alive or d.action != "add_keepout" or (d.fleet and d.global_keepout):
                continue
            for p in self.drafts[:d.idx]:
                if p.alive and p.fleet == d.fleet and (p.deps or not p.fleet) and p.action == "add_keepout" \
                        and set(p.objects) == set(d.objects) \
                        and self._same_robots(p, d) and d.deps <= {p.idx} | self.anc[p.idx] \
                        and not any(r.alive and r.action == "remove_keepout" and set(r.objects) & set(d.objects)
                                    for r in self.drafts[p.idx + 1:d.idx]):
                    d.alive = False
                    if d.fleet:
                        self.restated[d.idx] = p.idx
                    break

    def _same_robots(self, a: Draft, b: Draft) -> bool:
        """Whether two steps are for the same robots: the same robots by number, groups of every robot of a type ("all
        trucks" said twice is the same three trucks; "two trucks" twice may not be), and one group referred back to
        ("the remaining truck must not be near rock 1, so put a keep-out around rock 1 for it": the allocator binds
        one group key to the same robots)."""
        def robots(d: Draft) -> set[object] | None:
            out: set[object] = set()
            for m in d.members:
                if m.is_group and not self.whole_of_type(m):
                    out.add(("group", m.key))
                    continue
                out.add((m.rtype, m.count) if m.is_group else m.robot_id)
            return out
        ra, rb = robots(a), robots(b)
        return ra is not None and ra == rb

    def _settle_dead_deps(self) -> None:
        """A wait on a step dropped after it was waited for is a wait on what that step waited for (or on the step
        said in its place): the order it stood for stays, and no task waits on a task the plan no longer has."""
        by_idx = {d.idx: d for d in self.drafts}

        def live(p: int, seen: frozenset[int]) -> set[int]:
            q = self.current(p)
            if by_idx[q].alive:
                return {q}
            if q in seen:
                return set()
            return set().union(*(live(x, seen | {q}) for x in by_idx[q].deps)) if by_idx[q].deps else set()

        for d in self.drafts:
            if d.alive and any(not by_idx[p].alive for p in d.deps):
                d.deps = set().union(*(live(p, frozenset()) for p in d.deps)) - {d.idx}

    def _reduce_all(self) -> None:
        anc = self._ancestors_all()
        for d in self.drafts:
            if d.alive:
                d.deps = {p for p in d.deps if not any(p in anc[o] for o in d.deps if o != p)}

    def apply_global_keepouts(self) -> None:
        """Every movement waits for a keep-out that holds for the whole job."""
        anc = self._ancestors_all()
        for g in self.drafts:
            if not (g.alive and g.global_keepout):
                continue
            for d in self.drafts:
                if d.alive and d is not g and d.action in MOVES and d.idx not in anc[g.idx]:
                    d.deps.add(g.idx)
            anc = self._ancestors_all()

    def _mergeable(self, a: Draft, b: Draft) -> bool:
        if (a.split_group and a.split_group == b.split_group) or a.fleet != b.fleet or a.skill != b.skill:
            return False
        if sorted(a.objects) != sorted(b.objects) or a.deps != b.deps:
            return False
        if a.partners and b.partners and {m.key for m in a.partners} != {m.key for m in b.partners}:
            # "excavator 1 loads truck 1 and excavator 2 loads truck 2": filling different trucks is different work,
            # though the loading names no object (rule 6 shares a task only for the same work)
            return False
        if a.fleet:
            return True
        if a.skill == "Excavation" and self._digs_apart(a, b):
            return False
        keys_a = {m.key for m in a.members}
        if keys_a & {m.key for m in b.members}:
            return False
        groups = [m.is_group for m in (*a.members, *b.members)]
        if any(groups) and not all(groups):
            return False
        if all(groups):
            types = [m.rtype for m in (*a.members, *b.members)]
            return len(types) == len(set(types))
        return True

    def _site(self, d: Draft, m: Member) -> tuple[str, ...] | None:
        """Where ``m`` stands when ``d`` starts: the place of its last move before ``d``; None when it made none."""
        anc = self.ancestors(d.idx)
        moves = [x for x in self.drafts if x.idx in anc and x.action == "navigate" and x.objects
                 and m.key in {k.key for k in x.members}]
        return max(moves, key=lambda x: x.idx).objects if moves else None

    def _own_next(self, d: Draft) -> bool:
        """Whether a step of ``d``'s robots alone waits for ``d`` (its digger's loading)."""
        keys = {m.key for m in d.members}
        return any(x.alive and d.idx in x.deps and x.members and {m.key for m in x.members} <= keys
                   for x in self.drafts)

    def _digs_apart(self, a: Draft, b: Draft) -> bool:
        """Whether two diggings are at different places, each followed by its own digger's next step ("Afterwards,
        excavator 2 digs and loads truck 1, and excavator 3 digs and loads truck 2", at rock 1 and soil 2): each is
        that excavator's own work (L3_335, L3_390 keep such diggings apart); merged, excavator 2's loading waited for
        excavator 3's digging, which the text never asked. Diggings at one place, or with no step of their own after
        them, are left to rule 6."""
        sites_a = {self._site(a, m) for m in a.members}
        sites_b = {self._site(b, m) for m in b.members}
        if None in sites_a or None in sites_b or sites_a & sites_b:
            return False
        return self._own_next(a) and self._own_next(b)

    def merge(self) -> None:
        """Rule R1: one task for robots doing the same skill on the same objects after the
        same tasks. Repeats, since a merge can make the next steps equal too."""
        changed = True
        while changed:
            changed = False
            alive = [d for d in self.drafts if d.alive]
            for i, a in enumerate(alive):
                if not a.alive:
                    continue
                for b in alive[i + 1:]:
                    if b.alive and self._mergeable(a, b):
                        a.members += b.members
                        a.partners += [p for p in b.partners if p not in a.partners]
                        b.alive = False
                        for d in self.drafts:
                            if d.alive and b.idx in d.deps:
                                d.deps.discard(b.idx)
                                d.deps.add(a.idx)
                        changed = True
            if changed:
                self._reduce_all()

    def keep_apart(self, drafts: Sequence[Draft]) -> None:
        """Never merge ``drafts`` with each other (rule 6: "respectively" gives each robot its own task), as one
        ``add(..., split=True)`` would keep its own tasks apart."""
        self._split_groups += 1
        for d in drafts:
            d.split_group = self._split_groups

    def split_mixed(self) -> None:
        """A task carries robot ids or type+count, never both (convention 17): "excavator 1 and two
        trucks go to soil 1" is one task for the named robot and one for the group, with the same
        dependencies, and whatever waited for the step waits for both."""
        pairs: list[tuple[int, int]] = []

        def own_deps(part: Draft) -> None:
            keys = {m.key for m in part.members}
            for a, b in pairs:  # of a step split before, only the half that shares this part's robots
                if a in part.deps and b in part.deps:
                    mine = [x for x in (a, b) if keys & {m.key for m in self.drafts[x].members}]
                    if len(mine) == 1:
                        part.deps.discard(b if mine[0] == a else a)

        for d in list(self.drafts):
            groups = [m for m in d.members if m.is_group]
            if not d.alive or not groups or len(groups) == len(d.members):
                continue
            twin = dataclasses.replace(d, idx=len(self.drafts), members=groups, deps=set(d.deps),
                                       partners=list(d.partners))
            d.members = [m for m in d.members if not m.is_group]
            self.drafts.append(twin)
            own_deps(d)
            own_deps(twin)
            pairs.append((d.idx, twin.idx))
            named_keys = {m.key for m in d.members}
            group_keys = {m.key for m in groups}
            for other in self.drafts:
                if not other.alive or other is twin or d.idx not in other.deps:
                    continue
                keys = {m.key for m in (*other.members, *other.partners)}
                if keys & group_keys and not keys & named_keys:
                    other.deps.discard(d.idx)  # the group's own next step
                if keys & group_keys or not keys & named_keys:
                    other.deps.add(twin.idx)
            self._group_next_step(d, twin, group_keys)
            # and the other way round: "Two excavators and truck 3 go to soil 2; the excavators dig and load truck
            # 3": the loading waited for truck 3's share of the move only through the excavators' digging
            self._group_next_step(twin, d, named_keys)

    def ancestors(self, idx: int) -> set[int]:
        """Every draft ``idx`` waits for, directly or through others, from the deps as they are now."""
        seen: set[int] = set()
        todo = list(self.drafts[idx].deps)
        while todo:
            i = todo.pop()
            if i not in seen:
                seen.add(i)
                todo += self.drafts[i].deps
        return seen

    def _group_next_step(self, d: Draft, twin: Draft, group_keys: set[str]) -> None:
        """"Excavator 2 and one of the trucks drive to rock 1 together. Excavator 2 breaks up the rock and loads
        the truck": the group's next step waited for the shared move only through the named robot's chain (the
        edge was implied, so it was not kept); split off, the group's own move must still come before it."""
        steps = [o for o in self.drafts if o.alive and o is not d and o is not twin
                 and group_keys & {m.key for m in (*o.members, *o.partners)}]
        for o in steps:
            if twin.idx in o.deps or d.idx in o.deps:
                continue
            anc = self.ancestors(o.idx)
            if d.idx in anc and not any(x.idx in anc and d.idx in self.ancestors(x.idx) for x in steps if x is not o):
                o.deps.add(twin.idx)

    def finish(self, instruction: str = "", plan_id: str | None = None) -> TaskGraph:
        """Reduce, merge, order and name the drafts; return the task graph."""
        self._redirect_restated()
        self._spell_out_group_loadings()
        self._fold_keepouts_said_again()
        self._settle_dead_deps()
        self.apply_global_keepouts()
        self._reduce_all()
        self.merge()
        self.split_mixed()
        alive = {d.idx: d for d in self.drafts if d.alive}
        order: list[int] = []
        indeg = {i: len([p for p in d.deps if p in alive]) for i, d in alive.items()}
        children: dict[int, list[int]] = {i: [] for i in alive}
        for i, d in alive.items():
            for p in d.deps:
                if p in alive:
                    children[p].append(i)
        ready = sorted(i for i, n in indeg.items() if n == 0)
        while ready:
            i = ready.pop(0)
            order.append(i)
            for c in children[i]:
                indeg[c] -= 1
                if indeg[c] == 0:
                    ready.append(c)
                    ready.sort()
        counters: dict[str, int] = {}
        names: dict[int, str] = {}
        for i in order:
            skill = alive[i].skill
            counters[skill] = counters.get(skill, 0) + 1
            names[i] = f"{skill}_{counters[skill]}"
        subtasks: list[Subtask] = []
        for i in order:
            d = alive[i]
            deps = tuple(names[p] for p in sorted(d.deps, key=order.index))
            ids = tuple(m.robot_id for m in d.members if m.robot_id)
            groups = [m for m in d.members if m.is_group]
            subtasks.append(Subtask(
                id=names[i], skill=d.skill, robot_ids=ids,
                robot_type=tuple(m.rtype for m in groups), robot_count=tuple(m.count for m in groups),
                object_keywords=d.objects, dependencies=deps,
            ))
        if plan_id is None:
            return TaskGraph(tuple(subtasks), instruction=instruction)
        return TaskGraph(tuple(subtasks), plan_id, instruction)
