"""Soil carrying: a bucket or a bed holds one load until it is emptied.

Why this is an allocation rule and not only a simulator detail: an excavator's bucket
holds one load. If one excavator digs for chain A, then digs for chain B, then unloads A
and B, the second dig finds the bucket full (it takes nothing) and the second unloading
finds it empty ("bucket_empty"). Likewise a truck that was poured into should tip its bed
at the dump its plan sends it to before it is poured into for another load. Only the order
of a robot's own subtasks decides this, so the allocator must choose that order.

The rule, per robot, over its *soil events* in the order the robot does them:

* a **fill** is a subtask that puts soil into the robot's container: Excavation (action
  ``dig``, the excavator's bucket) and an ExcavatorUnloading for the robot it pours into
  (action ``unload_bucket``, the partner truck's bed);
* an **empty** takes it out: ExcavatorUnloading for the excavator that pours (its bucket)
  and DumpUnloading (action ``dump``, the truck's bed);
* DumpLoading (action ``load``) moves no soil (the truck waits while an excavator pours),
  so it is neither.

A fill F *owes* the empties of the matching kind (``dig`` is emptied by ``unload_bucket``;
a truck filled by ``unload_bucket`` is emptied by ``dump``) that depend on it with no other
soil event of that kind in between on any chain of dependencies: the unloading that follows
a dig, not the unloadings of later crews that hang off it (those follow their own digs).
If the robot does some of them, the first one it does must be its next soil event after F:
nothing may fill the container again, or empty it for another load, in between.

One exception keeps plans that pour two loads into one truck before it dumps once possible:
a bed holds several bucket loads, so for fills in :data:`MERGING_FILLS` a fill F2 in
between is allowed when the empties the robot does later that F2 owes are exactly those it
does later that F owes (the same dump takes out both loads). A bucket holds one load: a
second dig takes nothing. A fill whose owed empties all go to other robots, or that owes
none (a plan that digs and never unloads: a later dig then finds the bucket full and
simply keeps that soil), binds nothing.

Example
-------
>>> soil_role(SkillAction.DIG, partner=False)
<SoilRole.FILL: 'fill'>
>>> soil_role(SkillAction.UNLOAD_BUCKET, partner=False)  # the excavator pours
<SoilRole.EMPTY: 'empty'>
>>> soil_role(SkillAction.UNLOAD_BUCKET, partner=True)  # into the truck
<SoilRole.FILL: 'fill'>
"""

from __future__ import annotations

import enum

import networkx as nx

from ..fleet import KEEPOUT_ACTIONS, Fleet, SkillAction, SkillScope
from ..plan import TaskGraph

__all__ = [
    "SoilRole", "soil_role", "owed_empties", "crew_key", "last_bucket_events", "EMPTIED_BY", "MERGING_FILLS",
    "SOIL_ACTIONS", "brought_partners",
]


class SoilRole(str, enum.Enum):
    """What a subtask does to one of its robots' containers."""

    NONE = "none"
    FILL = "fill"
    EMPTY = "empty"


EMPTIED_BY: dict[SkillAction, SkillAction] = {
    SkillAction.DIG: SkillAction.UNLOAD_BUCKET,
    SkillAction.UNLOAD_BUCKET: SkillAction.DUMP,
}
"""For each filling action, the action that empties what it filled."""

MERGING_FILLS = frozenset({SkillAction.UNLOAD_BUCKET})
"""Fills whose container takes more than one load (a truck's bed holds several buckets)."""

SOIL_ACTIONS = frozenset({SkillAction.DIG, SkillAction.UNLOAD_BUCKET, SkillAction.DUMP})
"""Actions with a soil role for some robot."""


def soil_role(action: SkillAction, partner: bool) -> SoilRole:
    """The role of a robot in a subtask with ``action``; ``partner``: the robot is there as
    the skill's partner (the truck an excavator pours into), not as a worker."""
    if action is SkillAction.DIG:
        return SoilRole.NONE if partner else SoilRole.FILL
    if action is SkillAction.UNLOAD_BUCKET:
        return SoilRole.FILL if partner else SoilRole.EMPTY
    if action is SkillAction.DUMP:
        return SoilRole.NONE if partner else SoilRole.EMPTY
    return SoilRole.NONE


def owed_empties(graph: TaskGraph, fleet: Fleet, task_id: str) -> set[str]:
    """The empties the fill ``task_id`` owes: dependents of the emptying action with no
    soil event of that kind between the fill and them (see module doc)."""
    spec = fleet.skills.get(graph[task_id].skill)
    emptier = EMPTIED_BY.get(spec.action) if spec is not None else None
    if spec is None or emptier is None:
        return set()
    kind = {spec.action, emptier}

    def action(q: str) -> SkillAction | None:
        qs = fleet.skills.get(graph[q].skill)
        return qs.action if qs is not None else None

    first: set[str] = set()  # the soil events of the kind first met below the fill
    seen = {task_id}
    stack = [task_id]
    while stack:
        for q in graph.graph.successors(stack.pop()):
            if q not in seen:
                seen.add(q)
                (first.add if action(q) in kind else stack.append)(q)
    return {q for q in first if action(q) is emptier and not (nx.ancestors(graph.graph, q) & (first - {q}))}


CrewKey = tuple[frozenset[str], tuple[tuple[str, int], ...]]


def crew_key(graph: TaskGraph, fleet: Fleet, task_id: str) -> CrewKey:
    """Who works a subtask, partners left out: its explicit robots and its (type, count)
    requests, both without the skill's partner type (the truck an excavator pours into).

    Two subtasks with the same key are done by the same robots: the same explicit ids, or
    the same type-and-count selection (the allocator's group for a chain of one crew).
    """
    sub = graph[task_id]
    spec = fleet.skills.get(sub.skill)
    partner = spec.partner_type if spec is not None else None
    ids = frozenset(r for r in sub.robot_ids if not fleet.has_robot(r) or fleet.robot(r).type != partner)
    return ids, tuple((t, n) for t, n in sub.requested_types if t != partner)


def last_bucket_events(graph: TaskGraph, fleet: Fleet, task_id: str) -> set[str]:
    """The bucket events (a dig, or an unloading the excavator pours in) of ``task_id``'s crew
    that come last before it on its dependency chains.

    These decide what is in the bucket when ``task_id`` starts: a dig among them filled it; if
    they are all unloadings, each emptied the bucket and nothing filled it again since (an
    excavator that digs once and then loads two trucks in turn). Empty when the crew has no
    bucket event before ``task_id`` at all.
    """
    key = crew_key(graph, fleet, task_id)

    def is_bucket_event(q: str) -> bool:
        spec = fleet.skills.get(graph[q].skill)
        return (spec is not None and spec.action in (SkillAction.DIG, SkillAction.UNLOAD_BUCKET)
                and crew_key(graph, fleet, q) == key)

    events = {q for q in nx.ancestors(graph.graph, task_id) if is_bucket_event(q)}
    return {q for q in events if not (nx.descendants(graph.graph, q) & events)}


def brought_partners(graph: TaskGraph, fleet: Fleet, task_id: str, ptype: str) -> tuple[set[str], int]:
    """The nearest ancestors of ``task_id`` that occupy robots of ``ptype`` (its *sources*, found
    through tasks that do not), and how many such robots they certainly bring.

    This is the plan-level reading of the allocation model's continuity rule (the trucks that
    drove to the soil are the ones an unloading there pours into): the count is the explicit
    robots of the type named by the sources together, or the largest type-and-count request
    among them (every capable robot for a ``*_all_robots`` move), whichever is larger. An
    ExcavatorUnloading among the sources uses the type as its partner and counts one.
    """
    named: set[str] = set()
    counts: list[int] = []
    sources: set[str] = set()
    seen: set[str] = set()
    stack = list(graph.graph.predecessors(task_id))
    while stack:
        cur = stack.pop()
        if cur in seen:
            continue
        seen.add(cur)
        sub = graph[cur]
        spec = fleet.skills.get(sub.skill)
        ids = {r for r in sub.robot_ids if fleet.has_robot(r) and fleet.robot(r).type == ptype}
        typed = [n for t, n in sub.requested_types if t == ptype]
        if spec is not None and spec.action in KEEPOUT_ACTIONS:
            ids, typed = set(), []  # a world change occupies no robot: look through it
        elif spec is not None and spec.scope is SkillScope.ALL and ptype in spec.robot_types:
            ids |= {r.id for r in fleet.capable(sub.skill) if r.type == ptype}
        elif spec is not None and spec.partner_type == ptype and not ids and not typed:
            typed = [1]  # an implicit partner: one robot of the type, chosen by the allocator
        if ids or typed:
            sources.add(cur)
            named |= ids
            counts.extend(typed)
            continue
        stack.extend(graph.graph.predecessors(cur))
    return sources, max([len(named), *counts])
