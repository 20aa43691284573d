"""A robot sent into a place that a keep-out said before still closes to it.

"Truck 1 must not go near puddle 2 and goes there later", "Truck 1 avoids puddle 2 and then goes to puddle 2": the
keep-out is a step the move waits for and nothing lifts it in between, so the plan orders a robot into a zone it was
just told to keep out of. The text contradicts itself (or leaves out when the keep-out ends); a plan built from it
cannot be run as said, so it is refused, naming the robot and the place, rather than planned.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...core.fleet import Fleet
from ...core.plan import Subtask, TaskGraph

__all__ = ["kept_out_errors"]

_MOVE = "target_area_"
_AVOID = "avoid_areas_"
_ALLOW = "allow_areas_"


def _covered(task: Subtask, types: Mapping[str, str]) -> set[str]:
    """The robots (ids, or ``type:<type>`` for robots the allocator picks) a task names; fleet-wide: ``{"*"}``."""
    if task.skill.endswith("_for_all_robots"):
        return {"*"}
    return set(task.robot_ids) | {f"type:{types.get(r, '')}" for r in task.robot_ids} \
        | {f"type:{t}" for t in task.robot_type}


def _whole_types(task: Subtask, types: Mapping[str, str]) -> set[str]:
    """The robots of each type a keep-out holds every robot of ("the trucks": three of three): a truck named by
    number is one of them, so the keep-out holds for it too."""
    size = {t: sum(1 for v in types.values() if v == t) for t in set(types.values())}
    whole = {t for t, n in zip(task.robot_type, task.robot_count) if n >= size.get(t, n + 1)}
    return {r for r, t in types.items() if t in whole}


def _shares(keepout: set[str], movers: set[str]) -> bool:
    """Whether a keep-out covering ``keepout`` holds for one of ``movers``: the same robot, or a robot the allocator
    picks of a type the keep-out names by id only when nothing else is known (a type alone never matches ids)."""
    if "*" in keepout:
        return True
    ids = {r for r in movers if not r.startswith("type:")}
    if ids:
        return bool(ids & keepout)
    return bool(movers & keepout)


def kept_out_errors(graph: TaskGraph, fleet: Fleet) -> list[str]:
    """One error per move into a place whose keep-out for that robot comes before it with no lifting between."""
    types = {r.id: r.type for r in fleet.robots}
    errors: list[str] = []
    for move in graph.subtasks:
        if not move.skill.startswith(_MOVE) or not move.object_keywords:
            continue
        place = move.object_keywords[0]
        movers = _covered(move, types)
        if "*" in movers:
            movers = {f"type:{t}" for t in types.values()} | set(types)
        before = [graph[a] for a in graph.ancestors(move.id)]
        # a lifting the move waits for ends the keep-out, ordered after it or not (a keep-out from the start adds no
        # edge to its lifting: README rule 26)
        if any(t.skill.startswith(_ALLOW) and place in t.object_keywords for t in before):
            continue
        if any(t.skill.startswith(_AVOID) and place in t.object_keywords
               and _shares(_covered(t, types) | _whole_types(t, types), movers)
               for t in before):
            who = ", ".join(move.robot_ids) or " and ".join(f"{c} {t}" for t, c in move.requested_types) \
                or "every robot"
            errors.append(f"{who} is sent to {place} after being kept out of it, and nothing lifts that "
                          f"keep-out before: say when the keep-out ends, or leave one of them out")
    return errors
