"""The language node's planning steps, without ROS: one code path for the node and for rejudge.

``language_node`` turns an instruction into a published task graph, and a replan request into
a continuation plan; ``replay --rejudge`` must decide exactly as the node would. Both call the
functions here, so a change in how the node plans shows up in a re-judged bag:

* :func:`planning_world` -- the world the planner sees: the merged world (configuration plus
  perceived objects), with stale perceived versions of configured objects back at their
  configured pose and stale perception-only objects kept (so a plan can still name them and
  be refused with a precise reason, rather than "unknown object");
* :func:`plan_for_node` -- plan, name the instruction, refuse a plan naming a stale
  perception-only object, and validate a second time in the world without those objects
  (the planners guarantee validity; the second look is cheap and fails closed);
* :func:`continuation_graph` / :func:`continue_for_node` -- the work a plan still owes after
  the allocator gave up on a subtask, checked the same way.

Staleness is passed in (name -> seconds since last reported, already judged against
``object_ttl_s`` with :func:`~dart_planner.core.objects.stale_objects`): the node measures
ages with its monotonic clock, rejudge with the bag's timestamps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..core.errors import DartPlannerError
from ..core.fleet import Fleet
from ..core.objects import plan_objects, restore_configured, stale_perception_only, stale_reason
from ..core.plan import TaskGraph, new_plan_id
from ..core.validate import ValidationReport, validate_plan
from ..core.world import World
from .pipeline import Planner, PlanningResult

__all__ = ["NodePlan", "planning_world", "plan_for_node", "continuation_graph", "continue_for_node"]


@dataclass(frozen=True)
class NodePlan:
    """What the language node makes of one instruction (or replan request).

    ``error`` empty: publish ``graph`` (validated in ``world``, ``report``). Otherwise the
    instruction is rejected with ``error``; ``graph`` is still set when the planner produced
    one (its id goes into the rejection), None when planning itself failed.
    """

    graph: TaskGraph | None
    error: str = ""
    world: World | None = None
    """The world the plan was validated in (stale perception-only objects left out)."""
    report: ValidationReport | None = None
    result: PlanningResult | None = None
    """The planner's result (None: planning failed, or a continuation)."""
    attempts: Sequence[Any] = ()
    """Model request/response attempts, also of a failed planning (published for bags)."""
    backend: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and self.graph is not None


def planning_world(world: World, base: World, stale: Mapping[str, float]) -> tuple[World, dict[str, float]]:
    """The world to plan in, and the stale objects known only from perception (with ages).

    ``world`` is the merged world, ``base`` the configuration, ``stale`` the stale perceived
    objects. Stale perceived versions of configured objects are replaced by the configuration;
    stale perception-only objects stay in it so the planner can still resolve them, and the
    plan is refused afterwards if it names one (a precise reason beats "unknown object").
    """
    return restore_configured(world, base, stale), stale_perception_only(stale, base)


def _without(world: World, names: Iterable[str]) -> World:
    for name in names:
        world = world.without_object(name)
    return world


def plan_for_node(planner: Planner, text: str, fleet: Fleet, world: World, *, base: World,
                  stale: Mapping[str, float], object_ttl_s: float) -> NodePlan:
    """Plan ``text`` as ``language_node`` does (module docstring); never raises a planning error.

    Parameters
    ----------
    world
        The merged world (configuration plus the perceived objects).
    base
        The site configuration.
    stale
        Stale perceived objects: name -> seconds since last reported.
    object_ttl_s
        The TTL that made them stale (quoted in a rejection).
    """
    world, stale_only = planning_world(world, base, stale)
    try:
        result = planner.plan(text, fleet, world)
    except DartPlannerError as exc:
        return NodePlan(None, str(exc), attempts=tuple(getattr(exc, "attempts", ())),
                        backend=str(getattr(exc, "backend", "")))
    graph = result.graph if result.graph.instruction else replace(result.graph, instruction=text)
    plan = NodePlan(graph, result=result, attempts=result.attempts, backend=result.backend)
    why = stale_reason(plan_objects(graph), stale_only, object_ttl_s)
    if why is not None:
        return replace(plan, error=why)
    world = _without(world, stale_only)
    report = validate_plan(graph, fleet, world)
    if not report.ok:
        return replace(plan, error=f"the planner returned an invalid plan: {report}", world=world, report=report)
    return replace(plan, world=world, report=report)


def continuation_graph(
    graph: TaskGraph, failed: str, done: Iterable[str], unavailable: Iterable[str], fleet: Fleet
) -> TaskGraph | None:
    """The work a plan still owes after ``failed`` was given up: it and its dependents.

    Dependencies on finished subtasks (or on ones left running in the old plan) are dropped;
    subtasks that name a robot now out of service ask for the same number of robots of the
    same types instead, so the allocator can staff them. None when nothing is left.
    """
    if failed not in graph:
        return None
    keep = ({failed} | graph.descendants(failed)) - set(done)
    if not keep:
        return None
    out_of_service = set(unavailable)
    subs = []
    for s in graph.subtasks:
        if s.id not in keep:
            continue
        deps = tuple(d for d in s.dependencies if d in keep)
        if set(s.robot_ids) & out_of_service:
            types = Counter(fleet.robot(r).type for r in s.robot_ids if fleet.has_robot(r))
            s = replace(s, robot_ids=(), robot_type=tuple(types), robot_count=tuple(types.values()),
                        dependencies=deps)
        else:
            s = replace(s, dependencies=deps)
        subs.append(s)
    return TaskGraph(tuple(subs), new_plan_id(), graph.instruction)


def continue_for_node(graph: TaskGraph, of_plan: str, fleet: Fleet, world: World, *, base: World,
                      stale: Mapping[str, float], object_ttl_s: float) -> NodePlan:
    """Check a continuation plan (:func:`continuation_graph`) of plan ``of_plan`` as
    ``language_node`` does before publishing it: stale objects, then validation."""
    world, stale_only = planning_world(world, base, stale)
    why = stale_reason(plan_objects(graph), stale_only, object_ttl_s)
    if why is not None:
        return NodePlan(graph, f"continuation of {of_plan}: {why}")
    world = _without(world, stale_only)
    report = validate_plan(graph, fleet, world)
    if not report.ok:
        return NodePlan(graph, f"continuation of {of_plan} is not valid: {report}", world, report)
    return NodePlan(graph, "", world, report)
