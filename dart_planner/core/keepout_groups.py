"""Which robots a keep-out for an unnamed group concerns ("the third truck keeps away from soil 1").

A plan may fence an object off for a group it does not name: ``avoid_areas_for_specific_robots``
with ``robot_type: ["dump_truck"], robot_count: [1]`` and no robot ids. A keep-out occupies no
robot, so the allocator never picks one for it, and reading the group as "every robot of the
type" refuses plans a person reads plainly ("two trucks haul from soil 1; the third truck is not
needed and keeps away from soil 1"). :func:`bind_keepout_groups` binds each such group to
concrete robots, once, from the plan and the fleet alone, so that the safety gate
(:mod:`.safety`), the allocation model (:mod:`.allocation.model`) and the execution engine
(:mod:`.execution.engine`) fence the *same* robots; they all call it.

The rule (deterministic: the same plan and fleet always give the same robots)
---------------------------------------------------------------------------
Adding a fence (``add_keepout``) for ``count`` robots of a type binds the ``count`` robots of
that type that the rest of the plan leaves freest, ranked by, in order:

1. not named (``robot_ids``) by a subtask that drives into a fenced object while the fence may
   be in force: such a robot must go in, so fencing it would refuse the plan;
2. not already bound to an earlier fence of the same object and type ("one truck keeps
   away ... another truck keeps away" are two trucks);
3. not named by any other subtask that occupies a robot (the plan has a job for it);
4. not able to do a typed (type + count) move into a fenced object while the fence may be
   in force (it can never be one of the robots that move needs);
5. later in fleet order: the plan's unnamed groups are read as "the first trucks", and
   "the third truck" / "the remaining truck" is the one left at the end.

"While the fence may be in force" is the gate's reading of the dependency graph: the move
does not come before the fence (the fence is not one of its descendants), and no lifting that
opens the fence for it is one of the move's ancestors: one the plan binds to this fence, or,
one of the fence's descendants, a fleet-wide one or one naming every robot the move may send.

Lifting a fence (``remove_keepout``) for a type + count group binds to the robots of the fence
it lifts: the nearest add_keepout of an overlapping object that concerns robots of the type
and is one of its ancestors (else one that no dependency orders against it), so "the truck
may enter soil 1 again" opens the fence for the truck it was put up for. A lifting for
fewer robots than its fence holds takes first those the plan sends into the object after
it. A lifting with no such fence (it opens a zone of the site) binds the robots the plan
sends into the object after it, then the first in fleet order (the ones an unnamed group is
read as).

The binding never judges whether the plan can run: the safety gate does, on the zones the
bound fences really leave (its own ``_barred`` check, the one every other fence goes
through). When every robot of the type is one a move into the fenced object names, the group
has to bind one of them; the binding records it (:attr:`KeepoutBinding.forced`) and the gate
adds that reason to its refusal when the zone does bar the robot from the move.

Plans that name their robots, and ``*_for_all_robots`` skills, are untouched.

A binding belongs to the plan it was made from
----------------------------------------------
Who a group fence concerns depends on the whole plan (a later move may need the truck an
earlier fence would take), so :meth:`KeepoutBinding.robots_for` answers only for the group
keep-outs of that plan and raises for any other, rather than guess "every robot of the type".
A streamed prefix (the subtasks a planner hands over before its reply ends, judged by
:mod:`dart_planner.reliability.injection` as a plan of their own) is bound on its own: its
binding says whom the fence would concern if the prefix were the whole plan, and can differ
from the binding of the finished plan, which is the one the gate, the allocator and the
engine use for what they dispatch (each binds the graph it is given, never a prefix's).

Which zones a move meets (one rule for the gate, the binding and the allocation model)
------------------------------------------------------------------------------------
Every object of a move counts (:func:`move_objects`): the gate checks each, the binding fences
for each, and the allocation model leaves a robot out of a typed move that a zone bars from any
of them. The keep-outs around a move (:class:`KeepoutsAround`) are its ancestors, applied in the
plan's topological order (:meth:`~.plan.TaskGraph.topological_order`), and the racing ones (no
dependency orders them against the move), applied after them liftings first, then fences: any
racing fence may be the last to run, so the worst case, which the gate refuses and the
allocator avoids, does not depend on how the plan happens to list them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import networkx as nx

from .errors import PlanValidationError
from .fleet import KEEPOUT_ACTIONS, Fleet, SkillAction, SkillScope
from .plan import Subtask, TaskGraph

__all__ = [
    "ForcedRobot",
    "KeepoutBinding",
    "KeepoutsAround",
    "bind_keepout_groups",
    "is_group_keepout",
    "move_objects",
    "skill_action",
]

@dataclass(frozen=True)
class ForcedRobot:
    """A robot a group fence had to bind although a move into the fenced object names it."""

    fence: str
    group: str
    """The fence's group in words ("1 dump_truck")."""
    move: str
    obj: str
    robot: str

    @property
    def reason(self) -> str:
        return (f"task {self.fence}: keeping {self.group} away from {self.obj} binds {self.robot}, which task "
                f"{self.move} sends into {self.obj} (no robot of the type is left free to fence)")


@dataclass(frozen=True)
class KeepoutBinding:
    """The robots each unnamed-group keep-out of one plan concerns (see module doc)."""

    robots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Keep-out subtask id -> the robots its type + count group is bound to (only such subtasks)."""
    forced: tuple[ForcedRobot, ...] = ()
    """Robots bound although a move into the fenced object names them (the gate says so when it refuses)."""
    subtasks: Mapping[str, Subtask] = field(default_factory=dict)
    """The bound keep-out subtasks as the plan held them (a subtask of another plan is told apart)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "robots", MappingProxyType(dict(self.robots)))
        object.__setattr__(self, "subtasks", MappingProxyType(dict(self.subtasks)))

    def robots_for(self, sub: Subtask, fleet: Fleet) -> tuple[str, ...] | None:
        """The robots keep-out subtask ``sub`` concerns; None: every robot (a fleet-wide skill).

        The plan's own ids when it names them; for an unnamed group, the robots this binding
        bound it to. Raises PlanValidationError for a group keep-out this binding was not
        made for (another plan's, or a streamed prefix's: see module doc); bind that plan.
        """
        spec = fleet.skills.get(sub.skill)
        if spec is not None and spec.scope is SkillScope.ALL:
            return None
        if sub.robot_ids:
            return tuple(sub.robot_ids)
        if not is_group_keepout(sub, fleet):
            return ()  # names no robot and no group: it concerns nobody
        if sub.id not in self.robots or self.subtasks.get(sub.id) != sub:
            raise PlanValidationError(
                f"task {sub.id}: keep-out for an unnamed group that this binding was not made for "
                f"(bind the plan it belongs to with bind_keepout_groups)"
            )
        return self.robots[sub.id]


def skill_action(fleet: Fleet | None, sub: Subtask) -> SkillAction | None:
    """The action behind ``sub``'s skill; None for an unknown skill (or no fleet).

    Shared by the binding and the safety gate, which judge bad plans rather than look names up blindly.
    """
    if fleet is None:
        return None
    spec = fleet.skills.get(sub.skill)
    return None if spec is None else spec.action


def move_objects(sub: Subtask) -> tuple[str, ...]:
    """The objects a move drives into: every object it names, once each (see module doc)."""
    return tuple(dict.fromkeys(sub.object_keywords))


class KeepoutsAround:
    """The keep-out subtasks of ``graph`` that may be in force when a subtask runs (see module doc).

    Built once per plan; a cyclic plan never runs, so every keep-out counts as racing there.
    """

    def __init__(self, graph: TaskGraph, fleet: Fleet) -> None:
        self.graph = graph
        self.acyclic = graph.is_acyclic()
        order = graph.topological_order() if self.acyclic else list(dict.fromkeys(graph.ids))
        self.keepouts = [graph[t] for t in order if skill_action(fleet, graph[t]) in KEEPOUT_ACTIONS]
        self._lifts = {k.id for k in self.keepouts if skill_action(fleet, k) is SkillAction.REMOVE_KEEPOUT}

    def around(self, task_id: str) -> tuple[list[Subtask], list[Subtask]]:
        """(before, racing): the ancestors of ``task_id`` in topological order, and those no dependency orders
        against it, liftings first, then fences (each in topological order)."""
        if not self.keepouts:
            return [], []
        g = self.graph.graph
        if self.acyclic and task_id in g:
            anc, desc = nx.ancestors(g, task_id), nx.descendants(g, task_id)
        else:
            anc, desc = set(), set()
        before = [k for k in self.keepouts if k.id in anc]
        racing = [k for k in self.keepouts if k.id not in anc and k.id not in desc and k.id != task_id]
        racing.sort(key=lambda k: k.id not in self._lifts)  # stable: topological order within each kind
        return before, racing


def is_group_keepout(sub: Subtask, fleet: Fleet) -> bool:
    """Whether ``sub`` is a keep-out change for an unnamed type + count group."""
    spec = fleet.skills.get(sub.skill)
    return (
        spec is not None
        and spec.action in KEEPOUT_ACTIONS
        and spec.scope is SkillScope.SPECIFIC
        and not sub.robot_ids
        and bool(sub.robot_type)
    )


def bind_keepout_groups(graph: TaskGraph, fleet: Fleet) -> KeepoutBinding:
    """Bind every unnamed-group keep-out of ``graph`` to robots of ``fleet`` (see module doc).

    Pure and deterministic; never raises on a bad plan (a cyclic plan counts every fence as
    possibly in force, as the gate does; unknown skills and types are skipped).
    """
    groups = [s for s in _unique(graph) if is_group_keepout(s, fleet)]
    if not groups:
        return KeepoutBinding()
    return _Binder(graph, fleet).bind(groups)


# ---------------------------------------------------------------------------- internals
def _unique(graph: TaskGraph) -> list[Subtask]:
    """The plan's subtasks as its dependency graph holds them (the first of a repeated id)."""
    return [graph[t] for t in dict.fromkeys(graph.ids)]


def _wanted(sub: Subtask) -> dict[str, int]:
    """Robots asked for per type, in the order the types are first named."""
    out: dict[str, int] = {}
    for t, c in zip(sub.robot_type, sub.robot_count):
        out[t] = out.get(t, 0) + max(0, int(c))
    return out


class _Binder:
    def __init__(self, graph: TaskGraph, fleet: Fleet) -> None:
        self.graph, self.fleet = graph, fleet
        self.subs = _unique(graph)
        self.g = graph.graph
        self.acyclic = graph.is_acyclic()
        if self.acyclic:
            self.order = list(graph.topological_order())
        else:
            self.order = [s.id for s in self.subs]
        self.pos = {t: i for i, t in enumerate(self.order)}
        self._anc: dict[str, set[str]] = {}
        self._desc: dict[str, set[str]] = {}
        self.fleet_pos = {r: i for i, r in enumerate(fleet.robot_ids)}
        self.moves = [s for s in self.subs if self._action(s) is SkillAction.NAVIGATE]
        self.liftings = [s.id for s in self.subs if self._action(s) is SkillAction.REMOVE_KEEPOUT]
        self.named: set[str] = {
            r for s in self.subs if self._action(s) not in (*KEEPOUT_ACTIONS, None) for r in s.robot_ids
        }

    # -- graph -------------------------------------------------------------------------
    def _action(self, s: Subtask) -> SkillAction | None:
        return skill_action(self.fleet, s)

    def anc(self, t: str) -> set[str]:
        if t not in self._anc:
            self._anc[t] = nx.ancestors(self.g, t) if self.acyclic else set()
        return self._anc[t]

    def desc(self, t: str) -> set[str]:
        if t not in self._desc:
            self._desc[t] = nx.descendants(self.g, t) if self.acyclic else set()
        return self._desc[t]

    def unordered(self, a: str, b: str) -> bool:
        return a != b and a not in self.anc(b) and a not in self.desc(b)

    # -- which fence a lifting lifts ---------------------------------------------------------
    def lifted_fence(self, lift: Subtask, rtype: str) -> Subtask | None:
        """The add_keepout that ``lift`` opens for ``rtype`` (see module doc), or None."""
        objs = set(lift.object_keywords)

        def concerns(f: Subtask) -> bool:
            if self._action(f) is not SkillAction.ADD_KEEPOUT or not objs & set(f.object_keywords):
                return False
            if f.robot_ids:
                return any(self.fleet.has_robot(r) and self.fleet.robot(r).type == rtype for r in f.robot_ids)
            return rtype in f.robot_type

        before = [f for f in self.subs if concerns(f) and f.id in self.anc(lift.id)]
        if before:
            return max(before, key=lambda f: self.pos[f.id])
        racing = [f for f in self.subs if concerns(f) and self.unordered(f.id, lift.id)]
        return max(racing, key=lambda f: self.pos[f.id]) if racing else None

    # -- which moves a fence concerns ---------------------------------------------------------
    def covered_moves(self, fence: Subtask, lifts: Mapping[str, set[str]]) -> list[tuple[Subtask, str]]:
        """(move, object) for each move into an object of ``fence`` while it may be in force."""
        out: list[tuple[Subtask, str]] = []
        for s in self.moves:
            if s.id == fence.id or fence.id in self.desc(s.id):
                continue  # the move comes first: the fence goes up behind it
            for o in move_objects(s):
                if o in fence.object_keywords and not self.opened(fence, s, o, lifts.get(fence.id, set())):
                    out.append((s, o))
        return out

    def opened(self, fence: Subtask, move: Subtask, obj: str, own: set[str]) -> bool:
        """Whether a lifting of ``obj`` that runs before ``move`` opens ``fence`` for it: one of ``own`` (the
        plan's group liftings of this fence), or, certain to run after the fence, a fleet-wide one or one naming
        every robot the move may send."""
        sendable = set(move.robot_ids) | {r.id for t in move.robot_type for r in self.fleet.of_type(t)}
        for l_id in self.liftings:
            lift = self.graph[l_id]
            if obj not in lift.object_keywords or l_id not in self.anc(move.id):
                continue
            if l_id in own:
                return True
            if l_id not in self.desc(fence.id):
                continue
            fleet_wide = self.fleet.skills[lift.skill].scope is SkillScope.ALL
            if fleet_wide or (lift.robot_ids and sendable <= set(lift.robot_ids)):
                return True
        return False

    # -- binding -------------------------------------------------------------------------------
    def bind(self, groups: Sequence[Subtask]) -> KeepoutBinding:
        groups = sorted(groups, key=lambda s: self.pos.get(s.id, len(self.pos)))
        adds = [k for k in groups if self._action(k) is SkillAction.ADD_KEEPOUT]
        removes = [k for k in groups if self._action(k) is SkillAction.REMOVE_KEEPOUT]
        # which lifting opens which fence: structural, so it is known before any robot is bound
        lifted_by: dict[tuple[str, str], Subtask | None] = {}
        lifts: dict[str, set[str]] = {}
        for k in removes:
            for rtype in _wanted(k):
                f = self.lifted_fence(k, rtype)
                lifted_by[(k.id, rtype)] = f
                if f is not None:
                    lifts.setdefault(f.id, set()).add(k.id)
        bound: dict[str, tuple[str, ...]] = {}
        forced: list[ForcedRobot] = []
        for k in adds:
            moves = self.covered_moves(k, lifts)
            picks: list[str] = []
            for rtype, count in _wanted(k).items():
                picks += self._pick_fenced(k, rtype, count, moves, bound)
            bound[k.id] = tuple(picks)
            forced += [ForcedRobot(k.id, _group_text(k), s.id, o, r)
                       for s, o in moves for r in s.robot_ids if r in picks]
        for k in removes:
            picks = []
            for rtype, count in _wanted(k).items():
                picks += self._pick_lifted(k, rtype, count, lifted_by[(k.id, rtype)], bound)
            bound[k.id] = tuple(picks)
        return KeepoutBinding(bound, tuple(dict.fromkeys(forced)), {k.id: k for k in groups})

    def _pick_fenced(
        self,
        k: Subtask,
        rtype: str,
        count: int,
        moves: Sequence[tuple[Subtask, str]],
        bound: Mapping[str, tuple[str, ...]],
    ) -> list[str]:
        pool = [r.id for r in self.fleet.of_type(rtype)]
        must_enter = {r for s, _ in moves for r in s.robot_ids}
        objs = set(k.object_keywords)
        taken = {
            r for f_id, rs in bound.items()
            if self._action(self.graph[f_id]) is SkillAction.ADD_KEEPOUT
            and objs & set(self.graph[f_id].object_keywords)
            for r in rs
        }
        typed_skills = {s.skill for s, _ in moves if not s.robot_ids and rtype in s.robot_type}
        needed = {r.id for r in self.fleet.of_type(rtype) if typed_skills & set(r.skills)}

        def rank(r: str) -> tuple[bool, bool, bool, bool, int]:
            return (r in must_enter, r in taken, r in self.named, r in needed, -self.fleet_pos[r])

        return sorted(pool, key=rank)[:count]

    def _pick_lifted(
        self,
        k: Subtask,
        rtype: str,
        count: int,
        fence: Subtask | None,
        bound: Mapping[str, tuple[str, ...]],
    ) -> list[str]:
        pool = [r.id for r in self.fleet.of_type(rtype)]
        # the robots the plan sends into the object after the lifting: a lifting for fewer robots than its
        # fence holds opens it for them first ("the truck may enter soil 1 again; truck 2 goes there")
        after = {
            r for s in self.moves
            if k.id in self.anc(s.id) and set(s.object_keywords) & set(k.object_keywords)
            for r in s.robot_ids
        }
        picks: list[str] = []
        if fence is not None:
            of_fence = [r for r in (fence.robot_ids if fence.robot_ids else bound.get(fence.id, ())) if r in pool]
            picks = sorted(of_fence, key=lambda r: r not in after)[:count]  # stable: else the fence's order
        if len(picks) < count:
            # then fleet order from the start (the robots an unnamed group is read as)
            rest = sorted((r for r in pool if r not in picks), key=lambda r: (r not in after, self.fleet_pos[r]))
            picks += rest[: count - len(picks)]
        return picks


def _group_text(k: Subtask) -> str:
    return " and ".join(f"{c} {t}" for t, c in _wanted(k).items())
