"""The allocation problem: a plan, a fleet, a world and a live state compiled into arrays.

Every allocator (baseline, heuristic, exact) reads the same :class:`AllocationProblem`, so
they differ only in the choices they make, never in how a choice is timed.

The model
---------
* **Who.** Explicit ``robot_ids`` are used exactly. ``robot_type``/``robot_count`` become
  :class:`RobotGroup` s the allocator fills from capable, available robots of the type.
  ``*_all_robots`` skills that move robots (navigate, return_to_start) take every capable
  available robot. Keep-out skills (add_keepout / remove_keepout) change the world for the
  whole fleet and occupy no robot; they still take their nominal duration and obey
  dependencies.
* **Continuity.** A robot that drove somewhere is the one that digs there: a group of type
  T inherits the robots of type T used by its nearest ancestors that used type T (its
  *sources*, found through tasks that did not involve T). If they are at least ``count``,
  the group picks among them; otherwise it keeps all of them and picks the rest freely.
  DART-LLM gets this by accident (it always names the first robots of a type); an
  allocator that balances load must keep it on purpose, or excavator 2 digs where
  excavator 1 parked.
* **Partners.** A skill with a ``partner_type`` (ExcavatorUnloading needs a dump truck
  beside the excavator) occupies a partner too. If the plan names none, the partners are the
  robots of that type the task inherits by continuity (the trucks that drove to the soil),
  one per working robot up to as many as the plan brought (two excavators load the two
  trucks that came with them). A loading that follows an earlier loading by the same crew
  (one dig, then truck 1 and truck 2 in turn) looks through it: it takes the trucks brought
  for it (the move it depends on), else those brought for the chain, rather than inheriting
  the truck the earlier loading filled; only when the chain brought no truck (the first was
  chosen freely) is that same truck loaded again. When no turn of such a chain but the last
  owes an empty (the trucks haul together, one move naming them all), nothing else ties a
  truck to its turn, so turn k takes the k-th truck the move brought, in fleet order
  (``_Sources.turn_truck``): each brought truck is filled once.
  If there is none to inherit, the plan did not bring one: for skills in
  :data:`CHOSEN_PARTNER_ACTIONS` (the excavator pours into the partner) the allocator
  chooses one among the available robots of the type (the one that can be beside the
  worker soonest), else the unloading would fail for want of a truck; for the others
  (DumpLoading: the truck waits for a pour that only an ExcavatorUnloading makes) a chosen
  partner could not help, so none is added. Partners drive to the primary robot
  (``PARTNER_GAP_M`` beside it) before the skill starts, and a chosen partner is the robot
  later tasks of its type inherit (the loaded truck is the one that hauls).
* **Soil carrying.** A bucket or a bed holds one load (:mod:`.soil`): each fill records
  the empties that depend on it (``TaskModel.owes``), and the timeline keeps a robot from
  filling again, or emptying for another load, before it has done the first of them.
* **Keep-out zones.** ``world.keep_out`` always counts. A zone added (removed) by a plan
  task counts for the travel of a later task when the keep-out task is one of its
  ancestors, i.e. is certain to have finished first. Making it a property of the DAG
  rather than of the timing keeps travel times independent of the schedule, which the
  exact solver needs to be exact. A fence for an unnamed group concerns the robots
  :func:`~dart_planner.core.keepout_groups.bind_keepout_groups` binds it to (the same as
  the safety gate's and the engine's). A typed move into an object never goes to a robot
  a zone there bars (in force, or added by a keep-out no dependency orders against the
  move): those robots leave the group's candidates (:func:`_outside_zones`). Which objects
  count (every one) and the order the zones are applied in are the gate's
  (:class:`~dart_planner.core.keepout_groups.KeepoutsAround`).
* **Where robots end.** navigate: ``stop_clearance`` m outside the target object's radius,
  on the approach side; return_to_start: the start pose; anything else: where it was.

Re-allocation (:class:`~dart_planner.core.schedule.LiveState`): done tasks are skipped (their
keep-out effects applied), running ones keep their robots until the expected finish (and
their robots end at the running task's goal), failed tasks and all their descendants are
excluded, unavailable robots get nothing, ``busy_until`` holds robots for other plans and
``positions`` say where robots are now. Times are on the state's clock; ``t0 = state.now``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import networkx as nx
import numpy as np

from ..errors import AllocationError
from ..fleet import KEEPOUT_ACTIONS, Fleet, SkillAction, SkillScope, SkillSpec
from ..keepout_groups import KeepoutBinding, KeepoutsAround, bind_keepout_groups, move_objects
from ..plan import Subtask, TaskGraph
from ..schedule import LiveState
from ..world import KeepOutZone, World
from .soil import EMPTIED_BY, SoilRole, crew_key, owed_empties, soil_role
from .travel import TravelPlanner

__all__ = [
    "STOP_CLEARANCE_M",
    "PARTNER_GAP_M",
    "CHOSEN_PARTNER_ACTIONS",
    "Demand",
    "RobotGroup",
    "TaskModel",
    "AllocationProblem",
    "build_problem",
]

STOP_CLEARANCE_M = 1.0
"""How far outside an object's radius a navigating robot stops."""
PARTNER_GAP_M = 2.0
"""How close a partner robot comes to the robot it works with."""

CHOSEN_PARTNER_ACTIONS = frozenset({SkillAction.UNLOAD_BUCKET})
"""Actions whose partner the allocator chooses when the plan brought none (see module doc)."""

_MOVES = (SkillAction.NAVIGATE, SkillAction.RETURN_TO_START)


class Demand(str, enum.Enum):
    """How a subtask's robots are determined."""

    NONE = "none"
    """A fleet-level world change (keep-out): no robot is occupied."""
    FIXED = "fixed"
    """Explicit robot ids, or every capable robot for ``*_all_robots``."""
    POOL = "pool"
    """robot_type + robot_count: the allocator chooses."""


@dataclass(frozen=True)
class RobotGroup:
    """``count`` robots of ``robot_type`` to be chosen among ``candidates`` (robot indices)."""

    robot_type: str
    count: int
    candidates: tuple[int, ...]
    sources: tuple[int, ...] = ()
    """Live task indices whose robots of this type the group inherits (see module doc)."""
    inherited: tuple[int, ...] = ()
    """Robots inherited from done or running tasks."""
    partner: bool = False
    """An implicit partner (the truck an excavator unloads into), not named by the plan."""
    far_sources: tuple[int, ...] = ()
    """Live tasks behind a source that used the type only as an implicit partner (the
    trucks that came to the soil, behind the loading that filled one of them): the group
    takes the rest of its robots there before choosing freely (see :meth:`_Sources.far`)."""
    far_inherited: tuple[int, ...] = ()
    """Robots of done or running tasks behind such a source."""


@dataclass(frozen=True)
class TaskModel:
    """One live subtask, compiled. ``index`` is its position in topological order."""

    index: int
    id: str
    skill: str
    action: SkillAction
    duration: float
    demand: Demand
    fixed: tuple[int, ...] = ()
    groups: tuple[RobotGroup, ...] = ()
    target: tuple[float, float] | None = None
    """Navigate goal: the target object's centre."""
    target_name: str | None = None
    stop: float = 0.0
    """Stop this far from ``target`` (object radius + clearance)."""
    preds: tuple[int, ...] = ()
    succs: tuple[int, ...] = ()
    earliest: float = 0.0
    """t0, or later when a running dependency finishes later."""
    zone_set: int = 0
    partner_type: str | None = None
    """For in-place skills with a partner (unloading needs a truck): robots of this type
    in the task travel to the first other robot and work beside it."""
    fill_types: frozenset[str] = frozenset()
    """Robot types whose container (bucket, bed) this task fills (:mod:`.soil`)."""
    empty_types: frozenset[str] = frozenset()
    """Robot types whose container this task empties."""
    owes: int = 0
    """Bit mask (task indices) of the empties that take out what this task fills."""
    feeds: frozenset[str] = frozenset()
    """Robot types whose robots a later fill inherits from this task (the excavator that
    drives to the soil digs there): choosing one that still carries a load makes that
    fill wait for its unloading, so free choices prefer robots that carry nothing."""

    @property
    def robot_count(self) -> int:
        return len(self.fixed) + sum(g.count for g in self.groups)

    @property
    def soil(self) -> bool:
        """Whether the task fills or empties some robot's container."""
        return bool(self.fill_types or self.empty_types)


@dataclass(frozen=True)
class AllocationProblem:
    """Everything the allocators need, indexed by integers for speed."""

    graph: TaskGraph
    fleet: Fleet
    world: World
    t0: float
    robot_ids: tuple[str, ...]
    robot_types: tuple[str, ...]
    speed: np.ndarray
    home: np.ndarray
    pos0: np.ndarray
    avail0: np.ndarray
    unavailable: frozenset[int]
    tasks: tuple[TaskModel, ...]
    index: Mapping[str, int]
    zone_sets: tuple[tuple[KeepOutZone, ...], ...]
    running_finish: float
    usable_by: tuple[int, ...] = ()
    """Per robot: bit mask of the tasks that could empty its container with it."""
    owed0: tuple[int, ...] = ()
    """Per robot: bit mask of the live empties it owes for a load taken on by done or
    running work (re-allocation); all zero for a fresh plan."""
    excluded: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    running: tuple[str, ...] = ()
    travel: TravelPlanner = field(default_factory=TravelPlanner, compare=False, repr=False)
    _robot_zones: dict[tuple[int, int], tuple[KeepOutZone, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _travel_memo: dict[tuple[int, int, float, float], tuple[float, float, float]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _meet_memo: dict[tuple[int, int, float, float, float, float], tuple[float, float, float]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def n_tasks(self) -> int:
        return len(self.tasks)

    @property
    def n_robots(self) -> int:
        return len(self.robot_ids)

    def zones(self, zone_set: int, robot: int) -> tuple[KeepOutZone, ...]:
        """The zones of ``zone_set`` that apply to ``robot``."""
        key = (zone_set, robot)
        hit = self._robot_zones.get(key)
        if hit is None:
            rid = self.robot_ids[robot]
            hit = tuple(z for z in self.zone_sets[zone_set] if z.applies_to(rid))
            self._robot_zones[key] = hit
        return hit

    def travel_times(self, t: int, robots: np.ndarray, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Seconds each robot in ``robots`` (at ``pos``, shape (k, 2)) needs to reach task
        ``t``'s working position, and where each ends up.

        Small queries are memoised per (task, robot, position): a search revisits the same
        few positions (start poses, stop points) over and over.
        """
        task = self.tasks[t]
        k = len(robots)
        if task.action not in _MOVES:
            return np.zeros(k), pos.copy()
        if k > 8:
            return self._travel_now(task, robots, pos)
        times = np.empty(k)
        ends = np.empty((k, 2))
        miss: list[int] = []
        memo = self._travel_memo
        rl = robots.tolist()
        pl = pos.tolist()
        for i in range(k):
            hit = memo.get((t, rl[i], pl[i][0], pl[i][1]))
            if hit is None:
                miss.append(i)
            else:
                times[i], ends[i, 0], ends[i, 1] = hit
        if miss:
            sel = np.asarray(miss)
            mt, me = self._travel_now(task, robots[sel], pos[sel])
            times[sel], ends[sel] = mt, me
            for j, i in enumerate(miss):
                memo[(t, rl[i], pl[i][0], pl[i][1])] = (float(mt[j]), float(me[j, 0]), float(me[j, 1]))
        return times, ends

    def meet_times(
        self, t: int, robots: np.ndarray, pos: np.ndarray, meet: tuple[float, float]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Seconds partner robots (at ``pos``) need to come beside the robot at ``meet``.

        Memoised like :meth:`travel_times`: every unloading has a partner, and a search asks
        for the same few (truck, place, excavator place) triples again and again.
        """
        zone_set = self.tasks[t].zone_set
        lengths = np.zeros(len(robots))
        ends = pos.copy()
        memo = self._meet_memo
        for i, r in enumerate(robots.tolist()):
            key = (zone_set, r, float(pos[i, 0]), float(pos[i, 1]), meet[0], meet[1])
            hit = memo.get(key)
            if hit is None:
                ln, en = self.travel.approach(pos[i : i + 1], meet, PARTNER_GAP_M, self.zones(zone_set, r))
                hit = memo[key] = (float(ln[0]), float(en[0, 0]), float(en[0, 1]))
            lengths[i], ends[i, 0], ends[i, 1] = hit
        return lengths / self.speed[robots], ends

    def _travel_now(
        self, task: TaskModel, robots: np.ndarray, pos: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        k = len(robots)
        lengths = np.zeros(k)
        ends = pos.copy()
        if task.action is SkillAction.NAVIGATE and task.target is not None:
            # robots that share a zone list are handled in one vectorised call
            buckets: dict[tuple[KeepOutZone, ...], list[int]] = {}
            for i, r in enumerate(robots.tolist()):
                buckets.setdefault(self.zones(task.zone_set, r), []).append(i)
            for zones, idx in buckets.items():
                sel = np.asarray(idx)
                lengths[sel], ends[sel] = self.travel.approach(pos[sel], task.target, task.stop, zones)
        elif task.action is SkillAction.RETURN_TO_START:
            for i, r in enumerate(robots.tolist()):
                home = (float(self.home[r, 0]), float(self.home[r, 1]))
                ln, en = self.travel.approach(pos[i : i + 1], home, 0.0, self.zones(task.zone_set, r))
                lengths[i], ends[i] = ln[0], en[0]
        return lengths / self.speed[robots], ends


# -- building ---------------------------------------------------------------------------
def build_problem(
    graph: TaskGraph,
    fleet: Fleet,
    world: World,
    state: LiveState | None = None,
    travel: TravelPlanner | None = None,
) -> AllocationProblem:
    """Compile a plan for allocation; raises :class:`AllocationError` naming the task and
    the reason when a subtask cannot be staffed or refers to something unknown."""
    state = state or LiveState()
    world = state.world or world
    t0 = float(state.now)
    if not nx.is_directed_acyclic_graph(graph.graph):
        cycle = [u for u, _ in nx.find_cycle(graph.graph)]
        raise AllocationError("plan has a dependency cycle: " + " -> ".join([*cycle, cycle[0]]))
    for s in graph.subtasks:
        for d in s.dependencies:
            if d not in graph:
                raise AllocationError(f"task {s.id!r} depends on {d!r}, which is not a task of this plan")
        if s.skill not in fleet.skills:
            raise AllocationError(f"task {s.id!r}: unknown skill {s.skill!r}")

    robot_ids = fleet.robot_ids
    ridx = {r: i for i, r in enumerate(robot_ids)}
    unavailable = frozenset(ridx[r] for r in state.unavailable if r in ridx)

    order = graph.topological_order()
    done = set(state.done)
    running = {k: v for k, v in state.running.items() if k in graph and k not in done}
    failed = {f for f in state.failed if f in graph}
    excluded: set[str] = set()
    for f in failed:
        excluded.add(f)
        excluded |= graph.descendants(f)
    excluded -= done
    excluded -= set(running)
    live = [t for t in order if t not in done and t not in running and t not in excluded]
    index = {t: i for i, t in enumerate(live)}

    # robots: where they are and when they are free
    home = np.array([[r.start.x, r.start.y] for r in fleet.robots], dtype=float).reshape(-1, 2)
    pos0 = home.copy()
    for rid, p in state.positions.items():
        if rid in ridx:
            pos0[ridx[rid]] = (p.x, p.y)
    avail0 = np.full(len(robot_ids), t0)
    for rid, until in state.busy_until.items():
        if rid in ridx:
            avail0[ridx[rid]] = max(avail0[ridx[rid]], float(until))
    travel = travel or TravelPlanner(world.bounds)

    # a fence for an unnamed group concerns the robots the gate and the engine bind it to
    binding = bind_keepout_groups(graph, fleet)
    zones = _ZoneState(world, robot_ids)
    for t in order:  # done and running keep-out tasks are (about to be) in force
        if (t in done or t in running) and fleet.skills[graph[t].skill].action in KEEPOUT_ACTIONS:
            zones.apply(graph[t], fleet, world, binding)
    base_zones = zones.snapshot()

    running_finish = t0
    for tid, (robots, finish) in running.items():
        running_finish = max(running_finish, float(finish))
        s = graph[tid]
        spec = fleet.skills[s.skill]
        for rid in robots:
            if rid not in ridx:
                raise AllocationError(f"running task {tid!r}: unknown robot {rid!r}")
            i = ridx[rid]
            avail0[i] = max(avail0[i], float(finish))
            end = _end_of_running(s, spec, i, pos0, home, world, base_zones, travel)
            if end is not None:
                pos0[i] = end

    speed = np.array([r.max_speed for r in fleet.robots], dtype=float)
    types = tuple(r.type for r in fleet.robots)

    # keep-out effects per task: the set of live keep-out ancestors, as a bit mask
    keepout_live = [t for t in live if fleet.skills[graph[t].skill].action in KEEPOUT_ACTIONS]
    bit = {t: 1 << k for k, t in enumerate(keepout_live)}
    mask: dict[str, int] = {}
    for t in live:
        m = 0
        for p in graph.graph.predecessors(t):
            if p in index:
                m |= mask[p] | bit.get(p, 0)
        mask[t] = m
    zone_sets: list[tuple[KeepOutZone, ...]] = [base_zones]
    zone_index: dict[int, int] = {0: 0}

    def zone_set_of(m: int) -> int:
        if m not in zone_index:
            zs = _ZoneState(world, robot_ids, zones.state)
            for t in keepout_live:
                if m & bit[t]:
                    zs.apply(graph[t], fleet, world, binding)
            zone_index[m] = len(zone_sets)
            zone_sets.append(zs.snapshot())
        return zone_index[m]

    # the zones a typed move meets: the gate's rule (.keepout_groups.KeepoutsAround), on the live keep-outs
    around = KeepoutsAround(graph, fleet)
    live_keepouts = set(keepout_live)
    applied: dict[tuple[str, ...], tuple[KeepOutZone, ...]] = {}

    def zones_after(keepouts: Iterable[Subtask]) -> tuple[KeepOutZone, ...]:
        key = tuple(k.id for k in keepouts if k.id in live_keepouts)
        if key not in applied:
            zs = _ZoneState(world, robot_ids, zones.state)
            for t in key:
                zs.apply(graph[t], fleet, world, binding)
            applied[key] = zs.snapshot()
        return applied[key]

    partner_ok = frozenset(
        t for t in set(types) if any(types[i] == t and i not in unavailable for i in range(len(types)))
    )
    sources = _Sources(graph, fleet, index, running, done, ridx, partner_ok)
    owes = _owed_empties(graph, fleet, live, index)
    all_types = frozenset(types)
    tasks: list[TaskModel] = []
    for i, tid in enumerate(live):
        s = graph[tid]
        spec = fleet.skills[s.skill]
        preds = tuple(sorted(index[p] for p in graph.graph.predecessors(tid) if p in index))
        succs = tuple(sorted(index[q] for q in graph.graph.successors(tid) if q in index))
        earliest = t0
        for p in graph.graph.predecessors(tid):
            if p in running:
                earliest = max(earliest, float(running[p][1]))
        demand, fixed, groups = _demand(s, spec, fleet, ridx, unavailable, sources)
        targets = [(world.object(o).x, world.object(o).y) for o in move_objects(s) if world.has_object(o)]
        if spec.action is SkillAction.NAVIGATE and groups and targets:
            before, racing = around.around(tid)
            groups = _outside_zones(groups, targets, robot_ids, zones_after(before), zones_after([*before, *racing]))
        partner_type = None
        if spec.partner_type is not None and spec.action not in _MOVES and spec.action not in KEEPOUT_ACTIONS:
            groups = groups + _partner_group(
                s, spec.partner_type, fixed, groups, fleet, ridx, unavailable, sources, tasks, owes
            )
            if any(types[r] == spec.partner_type for r in fixed) or any(
                g.robot_type == spec.partner_type for g in groups
            ):
                partner_type = spec.partner_type
        target = target_name = None
        stop = 0.0
        if spec.action is SkillAction.NAVIGATE:
            if not s.object_keywords:
                raise AllocationError(f"task {tid!r}: {s.skill!r} needs a target object")
            name = s.object_keywords[0]
            if not world.has_object(name):
                raise AllocationError(f"task {tid!r}: unknown object {name!r}")
            o = world.object(name)
            target, target_name, stop = (o.x, o.y), name, o.radius + STOP_CLEARANCE_M
        elif spec.action in KEEPOUT_ACTIONS:
            for name in s.object_keywords:
                if not world.has_object(name):
                    raise AllocationError(f"task {tid!r}: unknown object {name!r}")
        fills = frozenset(
            ty for ty in all_types if soil_role(spec.action, ty == spec.partner_type) is SoilRole.FILL
        )
        empties = frozenset(
            ty for ty in all_types if soil_role(spec.action, ty == spec.partner_type) is SoilRole.EMPTY
        )
        tasks.append(
            TaskModel(
                index=i,
                id=tid,
                skill=s.skill,
                action=spec.action,
                duration=float(spec.duration_s),
                demand=demand,
                fixed=fixed,
                groups=groups,
                target=target,
                target_name=target_name,
                stop=stop,
                preds=preds,
                succs=succs,
                earliest=earliest,
                zone_set=zone_set_of(mask[tid]),
                partner_type=partner_type,
                fill_types=fills,
                empty_types=empties,
                owes=owes[i] if fills else 0,
            )
        )
    feeds: dict[int, set[str]] = {}
    for task in tasks:
        for g in task.groups:
            if g.robot_type in task.fill_types:
                for src in g.sources:
                    feeds.setdefault(src, set()).add(g.robot_type)
    for i, ftypes in feeds.items():
        tasks[i] = replace(tasks[i], feeds=frozenset(ftypes))
    usable_by = [0] * len(robot_ids)
    for task in tasks:
        if task.empty_types:
            for r in {*task.fixed, *(c for g in task.groups for c in g.candidates)}:
                if types[r] in task.empty_types:
                    usable_by[r] |= 1 << task.index
    owed0 = _owed_by_past_work(graph, fleet, done, running, index, ridx, types)
    return AllocationProblem(
        graph=graph,
        fleet=fleet,
        world=world,
        t0=t0,
        robot_ids=robot_ids,
        robot_types=types,
        speed=speed,
        home=home,
        pos0=pos0,
        avail0=avail0,
        unavailable=unavailable,
        tasks=tuple(tasks),
        index=index,
        zone_sets=tuple(zone_sets),
        running_finish=running_finish,
        usable_by=tuple(usable_by),
        owed0=tuple(m & u for m, u in zip(owed0, usable_by)),
        excluded=tuple(t for t in order if t in excluded),
        done=tuple(t for t in order if t in done),
        running=tuple(t for t in order if t in running),
        travel=travel,
    )


def _outside_zones(
    groups: tuple[RobotGroup, ...],
    targets: Iterable[tuple[float, float]],
    robot_ids: tuple[str, ...],
    certain: tuple[KeepOutZone, ...],
    maybe: tuple[KeepOutZone, ...],
) -> tuple[RobotGroup, ...]:
    """``groups`` of a move to ``targets`` (every object it names) without the robots a keep-out zone bars
    from any of them.

    A hard exclusion, not a travel cost: the travel planner lets a route end inside a zone
    (it only estimates), so without it a typed move into a fenced object could go to the
    very robot the fence is for (the truck kept away from soil 1). ``certain``: the zones
    in force when the move starts (the world's and its keep-out ancestors'); ``maybe``:
    those too with the keep-outs no dependency orders against it, which the safety gate
    counts as possibly in force (both as :class:`~..keepout_groups.KeepoutsAround` orders
    them). Robots barred by either are left out while enough remain, else those barred by
    ``certain``; a plan that even so lacks robots is one the gate
    refuses, and it keeps its candidates here (the simulator and actuation still stop a
    robot at the rim).
    """

    points = list(targets)

    def barred(zones: tuple[KeepOutZone, ...]) -> set[int]:
        inside = [z for z in zones if any(z.contains(*p) for p in points)]
        return {i for i, rid in enumerate(robot_ids) if any(z.applies_to(rid) for z in inside)}

    sure = barred(certain)
    for out in (sure | barred(maybe), sure):
        if not out:
            return groups
        kept = [tuple(c for c in g.candidates if c not in out) for g in groups]
        if all(len(k) >= g.count for k, g in zip(kept, groups)):
            return tuple(
                replace(g, candidates=k, inherited=tuple(i for i in g.inherited if i not in out),
                        far_inherited=tuple(i for i in g.far_inherited if i not in out))
                for g, k in zip(groups, kept)
            )
    return groups


def _partner_group(
    s: Subtask,
    ptype: str,
    fixed: tuple[int, ...],
    groups: tuple[RobotGroup, ...],
    fleet: Fleet,
    ridx: Mapping[str, int],
    unavailable: frozenset[int],
    sources: _Sources,
    built: list[TaskModel],
    owes: list[int] | None = None,
) -> tuple[RobotGroup, ...]:
    """The implicit partner group of ``s``, if the plan leaves the partner implicit: the
    partners an ancestor brought, else (for :data:`CHOSEN_PARTNER_ACTIONS`) one the allocator
    chooses among the available robots of the type (see module doc).

    How many: one per working robot, up to as many as the plan brought. Two excavators
    loading the two trucks that came with them pour into both (each into the one beside it);
    naming only one would leave the other truck empty for its haul and, on the site, send
    an excavator with no truck in reach. The count is what one source certainly brings (the
    largest of them), so it never exceeds the robots there to inherit and the bounds that
    read ``count`` stay valid.
    """
    if any(fleet.robots[r].type == ptype for r in fixed) or any(g.robot_type == ptype for g in groups):
        return ()
    live_src, inherited = sources.of(s.id, ptype)
    far_src: tuple[int, ...] = ()
    far_inh: tuple[int, ...] = ()
    if any(sources.is_chain_loading(src, s.id, ptype) for src in live_src):
        # an earlier loading by the same crew: the trucks brought for this one first, then
        # those brought for the chain, rather than the truck that loading filled
        chain = sources.through_chain(s.id, ptype)
        if any(chain):
            live_src, inherited, far_src, far_inh = chain
    usable = tuple(ridx[r.id] for r in fleet.of_type(ptype) if ridx[r.id] not in unavailable)
    if not live_src and not inherited and not far_src and not far_inh:
        if fleet.skills[s.skill].action in CHOSEN_PARTNER_ACTIONS and usable:
            return (RobotGroup(ptype, 1, usable, partner=True),)
        return ()
    if not usable:
        raise AllocationError(
            f"task {s.id!r}: {s.skill!r} needs a {ptype} partner, but every {ptype} robot is unavailable"
        )
    kept = tuple(i for i in inherited if i in usable)
    far_kept = tuple(i for i in far_inh if i in usable)
    workers = len(fixed) + sum(g.count for g in groups)  # no robot of ptype among them (above)
    brought = max(
        [len(kept), len(far_kept), *(_uses_of_type(built[i], ptype, fleet) for i in (*live_src, *far_src))],
        default=0,
    )
    count = max(1, min(workers, brought, len(usable)))
    turn = sources.turn_truck(s.id, ptype, built, owes or []) if count == 1 else None
    if turn is not None and turn in usable:
        usable = (turn,)  # one truck per turn of a chain whose trucks haul together (module doc)
        kept, far_kept = tuple(i for i in kept if i == turn), tuple(i for i in far_kept if i == turn)
    return (
        RobotGroup(ptype, count, usable, live_src, kept, partner=True, far_sources=far_src, far_inherited=far_kept),
    )


def _uses_of_type(task: TaskModel, rtype: str, fleet: Fleet) -> int:
    """How many robots of ``rtype`` a compiled task occupies."""
    return sum(1 for r in task.fixed if fleet.robots[r].type == rtype) + sum(
        g.count for g in task.groups if g.robot_type == rtype
    )


def _demand(
    s: Subtask,
    spec: SkillSpec,
    fleet: Fleet,
    ridx: Mapping[str, int],
    unavailable: frozenset[int],
    sources: _Sources,
) -> tuple[Demand, tuple[int, ...], tuple[RobotGroup, ...]]:
    if spec.action in KEEPOUT_ACTIONS:
        return Demand.NONE, (), ()
    if spec.scope is SkillScope.ALL:
        capable = [ridx[r.id] for r in fleet.capable(s.skill)]
        usable = tuple(i for i in capable if i not in unavailable)
        if not usable:
            raise AllocationError(
                f"task {s.id!r}: {s.skill!r} needs every capable robot, but all of them are unavailable "
                f"({', '.join(fleet.robot_ids[i] for i in capable) or 'none capable'})"
            )
        return Demand.FIXED, usable, ()
    if s.robot_ids:
        fixed: list[int] = []
        for rid in dict.fromkeys(s.robot_ids):
            if rid not in ridx:
                raise AllocationError(f"task {s.id!r}: unknown robot {rid!r}")
            robot = fleet.robot(rid)
            # a named partner (the truck an excavator unloads into) needs no skill of its own
            if s.skill not in robot.skills and robot.type != spec.partner_type:
                raise AllocationError(
                    f"task {s.id!r}: robot {rid!r} ({robot.type}) cannot perform {s.skill!r}"
                )
            if ridx[rid] in unavailable:
                raise AllocationError(f"task {s.id!r}: robot {rid!r} is named explicitly but is unavailable")
            fixed.append(ridx[rid])
        return Demand.FIXED, tuple(fixed), ()
    if s.robot_type:
        wanted: dict[str, int] = {}
        for rtype, count in zip(s.robot_type, s.robot_count):
            wanted[rtype] = wanted.get(rtype, 0) + int(count)
        groups: list[RobotGroup] = []
        for rtype, count in wanted.items():
            if count < 1:
                raise AllocationError(
                    f"task {s.id!r}: robot_count for {rtype!r} must be at least 1, got {count}"
                )
            of_type = [r for r in fleet.of_type(rtype)]
            if not of_type:
                raise AllocationError(f"task {s.id!r}: unknown robot type {rtype!r}")
            capable = [ridx[r.id] for r in fleet.capable(s.skill, of_type)]
            usable = tuple(i for i in capable if i not in unavailable)
            if len(usable) < count:
                down = [fleet.robot_ids[i] for i in capable if i in unavailable]
                raise AllocationError(
                    f"task {s.id!r} needs {count} {rtype} robot(s) able to perform {s.skill!r}, but only "
                    f"{len(usable)} of {len(capable)} capable are available"
                    + (f" (unavailable: {', '.join(down)})" if down else "")
                )
            live_src, inherited = sources.of(s.id, rtype)
            far_src, far_inh = sources.far(s.id, rtype)
            groups.append(
                RobotGroup(
                    rtype,
                    count,
                    usable,
                    live_src,
                    tuple(i for i in inherited if i in usable),
                    far_sources=far_src,
                    far_inherited=tuple(i for i in far_inh if i in usable),
                )
            )
        return Demand.POOL, (), tuple(groups)
    raise AllocationError(f"task {s.id!r}: {s.skill!r} names no robots (robot_ids or robot_type/robot_count)")


class _Sources:
    """Finds, per (task, robot type), the nearest ancestors that used robots of that type."""

    def __init__(
        self,
        graph: TaskGraph,
        fleet: Fleet,
        index: Mapping[str, int],
        running: Mapping[str, tuple[tuple[str, ...], float]],
        done: set[str],
        ridx: Mapping[str, int],
        partner_ok: frozenset[str] = frozenset(),
    ) -> None:
        self.graph, self.fleet, self.index, self.running, self.done, self.ridx = (
            graph,
            fleet,
            index,
            running,
            done,
            ridx,
        )
        self.partner_ok = partner_ok
        """Robot types with an available robot: a chosen partner of such a type exists."""
        self._memo: dict[tuple[str, str], tuple[frozenset[int], frozenset[int]]] = {}
        self._rev: dict[int, str] | None = None

    def _uses(self, tid: str, rtype: str) -> bool | None:
        """Whether task ``tid`` occupies robots of ``rtype`` (None: it does not)."""
        s = self.graph[tid]
        spec = self.fleet.skills[s.skill]
        if spec.action in KEEPOUT_ACTIONS:
            return None
        if rtype == spec.partner_type and spec.action in CHOSEN_PARTNER_ACTIONS and rtype in self.partner_ok:
            return True  # it always has a partner of that type (inherited, named or chosen)
        if spec.scope is SkillScope.ALL:
            return rtype in spec.robot_types or None
        if s.robot_ids:
            return (
                any(self.fleet.has_robot(r) and self.fleet.robot(r).type == rtype for r in s.robot_ids)
                or None
            )
        return rtype in s.robot_type or None

    def _seen_from(self, tid: str, rtype: str) -> tuple[frozenset[int], frozenset[int]]:
        """What a dependent of ``tid`` inherits for ``rtype``: (live sources, fixed robots)."""
        key = (tid, rtype)
        if key in self._memo:
            return self._memo[key]
        stack = [(tid, False)]
        # iterative post-order so long chains do not hit the recursion limit
        while stack:
            cur, expanded = stack.pop()
            k = (cur, rtype)
            if k in self._memo:
                continue
            if self._uses(cur, rtype):
                self._memo[k] = self._own(cur, rtype)
                continue
            deps = [d for d in self.graph.graph.predecessors(cur)]
            if not expanded:
                stack.append((cur, True))
                stack.extend((d, False) for d in deps if (d, rtype) not in self._memo)
                continue
            live: set[int] = set()
            fixed: set[int] = set()
            for d in deps:
                a, b = self._memo[(d, rtype)]
                live |= a
                fixed |= b
            self._memo[k] = (frozenset(live), frozenset(fixed))
        return self._memo[key]

    def _own(self, tid: str, rtype: str) -> tuple[frozenset[int], frozenset[int]]:
        if tid in self.index:
            return frozenset({self.index[tid]}), frozenset()
        if tid in self.running:
            ids = self.running[tid][0]
        else:
            s = self.graph[tid]
            spec = self.fleet.skills[s.skill]
            if spec.scope is SkillScope.ALL:
                ids = tuple(r.id for r in self.fleet.capable(s.skill))
            else:
                ids = s.robot_ids  # a done type+count task without resolved ids: unconstrained
        return frozenset(), frozenset(
            self.ridx[r] for r in ids if r in self.ridx and self.fleet.robot(r).type == rtype
        )

    def _partner_only(self, tid: str, rtype: str) -> bool:
        """Whether ``tid`` occupies ``rtype`` robots only as its implicit partner."""
        s = self.graph[tid]
        spec = self.fleet.skills[s.skill]
        if rtype != spec.partner_type or spec.action not in CHOSEN_PARTNER_ACTIONS:
            return False
        named = any(self.fleet.has_robot(r) and self.fleet.robot(r).type == rtype for r in s.robot_ids)
        return not named and rtype not in s.robot_type

    def far(self, tid: str, rtype: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """What ``tid`` inherits for ``rtype`` from behind its partner-only sources.

        Two trucks drive to the soil with one excavator, which loads one of them: the haul
        of "the trucks" inherits the loaded one from the loading, and the other from the
        move that brought both. Kept apart from :meth:`of` so that a haul of one truck
        still takes the loaded one.
        """
        live, _ = self.of(tid, rtype)
        if not live:
            return (), ()
        if self._rev is None:
            self._rev = {i: t for t, i in self.index.items()}
        rev = self._rev
        out_live: set[int] = set()
        out_fixed: set[int] = set()
        for i in live:
            src = rev[i]
            if self._partner_only(src, rtype):
                a, b = self.of(src, rtype)
                out_live |= set(a)
                out_fixed |= set(b)
        return tuple(sorted(out_live)), tuple(sorted(out_fixed))

    def _task_id(self, i: int) -> str:
        if self._rev is None:
            self._rev = {k: t for t, k in self.index.items()}
        return self._rev[i]

    def is_chain_loading(self, src: int, tid: str, rtype: str) -> bool:
        """Whether live task ``src`` is an earlier loading by ``tid``'s own crew that used
        ``rtype`` only as its implicit partner (the truck an excavator filled before)."""
        sid = self._task_id(src)
        if not self._partner_only(sid, rtype) or self.graph[sid].skill != self.graph[tid].skill:
            return False
        return crew_key(self.graph, self.fleet, sid) == crew_key(self.graph, self.fleet, tid)

    def through_chain(
        self, tid: str, rtype: str
    ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """What ``tid`` inherits for ``rtype`` when its crew's earlier loadings are looked
        through, as (near live, near fixed, far live, far fixed).

        Near: the tasks that brought robots of the type for ``tid`` itself (the move that
        drove its truck to the soil). Far: those reached only behind an earlier loading by
        the same crew (the move that drove both trucks, or the first truck's own move); the
        truck that loading filled is among them only as one of the robots brought, never as
        the loading's own. An excavator that digs once and loads truck 1 then truck 2
        (rule 24 of the benchmark) would otherwise pour both loads into truck 1. All four
        are empty when the chain brought no robot of the type (its first truck was chosen
        freely): the caller then keeps the plain inheritance, the same truck loaded again.
        """
        graph = self.graph.graph
        near_l: set[int] = set()
        near_f: set[int] = set()
        far_l: set[int] = set()
        far_f: set[int] = set()
        behind: list[str] = []
        seen: set[str] = set()
        for stack, live, fixed in ((list(graph.predecessors(tid)), near_l, near_f), (behind, far_l, far_f)):
            while stack:
                cur = stack.pop()
                if cur in seen:
                    continue
                seen.add(cur)
                chain = cur in self.index and self.is_chain_loading(self.index[cur], tid, rtype)
                if chain and stack is not behind:
                    behind.extend(graph.predecessors(cur))
                    continue
                if chain or not self._uses(cur, rtype):
                    stack.extend(graph.predecessors(cur))
                    continue
                a, b = self._own(cur, rtype)
                live |= a
                fixed |= b
        return (
            tuple(sorted(near_l)),
            tuple(sorted(near_f)),
            tuple(sorted(far_l - near_l)),
            tuple(sorted(far_f - near_f)),
        )

    def turn_truck(self, tid: str, rtype: str, built: list[TaskModel], owes: list[int]) -> int | None:
        """The one robot of ``rtype`` loading ``tid`` fills when it is the k-th turn of a
        chain of loadings by one crew whose trucks one move brought together and which then
        haul together: the k-th of those trucks in fleet order; None when that is not the case.

        Such a chain ("excavator 1 loads both trucks", split by
        :func:`~dart_planner.core.refill.split_shared_loadings`, then one joint haul) leaves
        nothing that ties a truck to its turn: no loading but the last owes an empty (every
        haul waits for the last), and the truck beside the excavator is the nearest, so each
        turn would pour into it again and the other truck would haul an empty bed. Binding
        turn k to truck k fills each brought truck once. Only where the trucks are named (the
        move's fixed robots, or those done or running work used); a chain longer than the
        trucks brought, or one whose earlier turns owe their own empties (each truck hauls
        after its own turn, rule 24), is left to the soil rule.
        """
        if tid not in self.index or not self._partner_only(tid, rtype):
            return None
        graph = self.graph.graph
        before = [q for q in nx.ancestors(graph, tid) if self._same_chain(q, tid, rtype)]
        after = [q for q in nx.descendants(graph, tid) if self._same_chain(q, tid, rtype)]
        if not before and not after:
            return None
        chain = sorted([*before, tid, *after], key=lambda q: self.index[q])
        if not owes or any(owes[self.index[q]] for q in chain[:-1]):
            return None  # an earlier turn owes its own empty: the soil rule binds the trucks
        head = chain[0]
        if tid != head and self.through_chain(tid, rtype)[:2] != ((), ()):
            return None  # trucks brought for this turn itself: the plain rule takes them
        live, fixed = self.of(head, rtype)
        trucks: set[int] = set(fixed)
        for i in live:
            if i >= len(built) or built[i].groups and any(g.robot_type == rtype for g in built[i].groups):
                return None  # a truck chosen by type: which ones came is not named
            trucks |= {r for r in built[i].fixed if self.fleet.robots[r].type == rtype}
        if len(trucks) < len(chain):
            return None
        return sorted(trucks)[chain.index(tid)]

    def _same_chain(self, q: str, tid: str, rtype: str) -> bool:
        """Whether live ``q`` is another loading of ``tid``'s chain (:meth:`is_chain_loading`)."""
        return q in self.index and self.is_chain_loading(self.index[q], tid, rtype)

    def of(self, tid: str, rtype: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        live: set[int] = set()
        fixed: set[int] = set()
        for d in self.graph.graph.predecessors(tid):
            a, b = self._seen_from(d, rtype)
            live |= a
            fixed |= b
        return tuple(sorted(live)), tuple(sorted(fixed))


def _owed_empties(graph: TaskGraph, fleet: Fleet, live: list[str], index: Mapping[str, int]) -> list[int]:
    """Per live fill, the bit mask of the live empties it owes (:func:`.soil.owed_empties`).

    Reverse passes with integer bit sets, per kind of load: the first soil events of the
    kind reached from each task, and every soil event of the kind below it. An empty first
    reached from a fill is owed unless another of those first events lies above it. Linear
    in the edges, so a 1,000-subtask plan pays milliseconds, not a traversal per fill.
    """
    actions = [fleet.skills[graph[t].skill].action for t in live]
    out = [0] * len(live)
    if not any(a in EMPTIED_BY for a in actions):
        return out
    succs = [[index[q] for q in graph.graph.successors(t) if q in index] for t in live]
    for filler, emptier in EMPTIED_BY.items():
        kind = (filler, emptier)
        first = [0] * len(live)
        below = [0] * len(live)
        for i in range(len(live) - 1, -1, -1):
            f = b = 0
            for j in succs[i]:
                if actions[j] in kind:
                    f |= 1 << j
                    b |= (1 << j) | below[j]
                else:
                    f |= first[j]
                    b |= below[j]
            first[i], below[i] = f, b
        empties = 0
        for j, a in enumerate(actions):
            if a is emptier:
                empties |= 1 << j
        for i, a in enumerate(actions):
            if a is not filler:
                continue
            hit = first[i]
            covered = 0
            m = hit
            while m:
                low = m & -m
                covered |= below[low.bit_length() - 1]
                m ^= low
            out[i] = hit & empties & ~covered
    return out


def _owed_by_past_work(
    graph: TaskGraph,
    fleet: Fleet,
    done: set[str],
    running: Mapping[str, tuple[tuple[str, ...], float]],
    index: Mapping[str, int],
    ridx: Mapping[str, int],
    types: tuple[str, ...],
) -> list[int]:
    """Per robot, the live empties it owes for a load a done or running fill gave it.

    A done subtask's robots are known when the plan names them (re-allocation pins them from
    the previous schedule). A load counts as taken out when a done or running empty the fill
    owes involved the robot (or its robots are unknown).
    """
    owed = [0] * len(types)
    if not done and not running:
        return owed
    for tid in list(done) + list(running):
        spec = fleet.skills[graph[tid].skill]
        emptier = EMPTIED_BY.get(spec.action)
        if emptier is None:
            continue
        robots = running[tid][0] if tid in running else graph[tid].robot_ids
        below = owed_empties(graph, fleet, tid)
        past = [q for q in below if q in done or q in running]
        live = 0
        for q in below:
            if q in index:
                live |= 1 << index[q]
        if not live:
            continue
        for rid in robots:
            r = ridx.get(rid)
            if r is None or soil_role(spec.action, types[r] == spec.partner_type) is not SoilRole.FILL:
                continue
            taken_out = any(
                rid in (running[q][0] if q in running else graph[q].robot_ids)
                or not (running[q][0] if q in running else graph[q].robot_ids)
                for q in past
            )
            if not taken_out:
                owed[r] |= live
    return owed


class _ZoneState:
    """Keep-out zones by name, with the robots each applies to (None: every robot)."""

    def __init__(
        self,
        world: World,
        robot_ids: Iterable[str],
        initial: Mapping[str, tuple[KeepOutZone, frozenset[str] | None]] | None = None,
    ) -> None:
        self.all_ids = frozenset(robot_ids)
        self.state: dict[str, tuple[KeepOutZone, frozenset[str] | None]] = {}
        if initial is not None:
            self.state = dict(initial)
        else:
            for k, z in enumerate(world.keep_out):
                name = z.name if z.name not in self.state else f"{z.name}#{k}"
                self.state[name] = (z, z.robots or None)

    def apply(self, s: Subtask, fleet: Fleet, world: World, binding: KeepoutBinding) -> None:
        spec = fleet.skills[s.skill]
        bound = binding.robots_for(s, fleet)
        robots = None if bound is None else frozenset(bound)
        for name in s.object_keywords:
            if not world.has_object(name):
                continue
            if spec.action is SkillAction.ADD_KEEPOUT:
                geo, old = self.state.get(name, (world.keepout_for_object(name), frozenset()))
                new = None if old is None or robots is None else old | robots
                self.state[name] = (geo, new)
            elif name in self.state:
                geo, old = self.state[name]
                if robots is None:
                    del self.state[name]
                    continue
                left = (self.all_ids if old is None else old) - robots
                if left:
                    self.state[name] = (geo, left)
                else:
                    del self.state[name]

    def snapshot(self) -> tuple[KeepOutZone, ...]:
        return tuple(
            KeepOutZone(name, g.x, g.y, g.radius, frozenset() if robots is None else robots)
            for name, (g, robots) in sorted(self.state.items())
        )


def _end_of_running(
    s: Subtask,
    spec: SkillSpec,
    i: int,
    pos0: np.ndarray,
    home: np.ndarray,
    world: World,
    zones: tuple[KeepOutZone, ...],
    travel: TravelPlanner,
) -> np.ndarray | None:
    """Where robot ``i`` will be when its running task ends (None: where it is)."""
    if spec.action is SkillAction.RETURN_TO_START:
        return home[i].copy()
    if spec.action is SkillAction.NAVIGATE and s.object_keywords and world.has_object(s.object_keywords[0]):
        o = world.object(s.object_keywords[0])
        _, ends = travel.approach(pos0[i : i + 1], (o.x, o.y), o.radius + STOP_CLEARANCE_M, zones)
        return ends[0]
    return None
