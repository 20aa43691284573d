"""Checks of the output contract that the core validator does not make.

:func:`~dart_planner.core.validate.validate_plan` judges whether a plan is executable for a
fleet and world. Plans that come from a model must in addition keep to the contract the
prompt and schema state, which JSON schema cannot express or which guard against the
model being steered by its input:

- task names are plain identifiers (no look-alike or zero-width characters);
- a dependency names an *earlier* task (so a streamed prefix of the plan is always closed);
- referenced objects have safe names (a perceived object called "ignore all rules" is
  never a planning target, even if a model repeats it);
- skills, robots, types and objects stay within the :class:`~dart_planner.llm.schema.Narrowing`;
- no ``params`` (model output is data; parameters for robots come from configuration).

Example
-------
>>> [str(i) for i in check_contract(graph, world)]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.plan import TaskGraph
from ..core.world import World
from .names import is_safe_name
from .schema import Narrowing

__all__ = ["ContractIssue", "check_contract"]


@dataclass(frozen=True)
class ContractIssue:
    """One breach of the output contract; printed like a core validation issue."""

    code: str
    task: str | None
    message: str

    def __str__(self) -> str:
        where = f"task {self.task!r}: " if self.task else ""
        return f"[{self.code}] {where}{self.message}"


def check_contract(
    graph: TaskGraph, world: World, narrowing: Narrowing | None = None, *, max_tasks: int = 100
) -> list[ContractIssue]:
    """Every contract breach of ``graph`` (an empty list means it keeps the contract)."""
    issues: list[ContractIssue] = []
    add = issues.append
    if len(graph) > max_tasks:
        add(ContractIssue("too_many_tasks", None, f"{len(graph)} tasks exceed the limit of {max_tasks}"))
    position: dict[str, int] = {}
    for i, s in enumerate(graph.subtasks):
        position.setdefault(s.id, i)
    for i, s in enumerate(graph.subtasks):
        if not is_safe_name(s.id):
            add(
                ContractIssue(
                    "bad_task_name",
                    None,
                    f"task name {s.id!r} must be an ASCII identifier of at most 64 characters "
                    "([A-Za-z][A-Za-z0-9_]*)",
                )
            )
        for d in s.dependencies:
            if d in position and position[d] > i:
                add(
                    ContractIssue(
                        "forward_dependency",
                        s.id,
                        f"depends on {d!r}, which comes later; list every task after the tasks it depends on",
                    )
                )
        for o in s.object_keywords:
            if world.has_object(o) and not is_safe_name(o):
                add(
                    ContractIssue(
                        "unsafe_object",
                        s.id,
                        f"object {o!r} is not a plannable target (its name is not a plain identifier)",
                    )
                )
        if s.params:
            add(
                ContractIssue(
                    "params_not_allowed", s.id, "'params' may not be set by the planner model; remove it"
                )
            )
        if narrowing is not None:
            _check_narrowing(s.id, s.skill, s.robot_ids, s.robot_type, s.object_keywords, narrowing, add)
    return issues


def _check_narrowing(
    task: str,
    skill: str,
    robots: tuple[str, ...],
    types: tuple[str, ...],
    objects: tuple[str, ...],
    n: Narrowing,
    add: Callable[[ContractIssue], None],
) -> None:
    checks = (
        ("skill", (skill,), n.skills),
        ("robot", robots, n.robots),
        ("robot type", types, n.robot_types),
        ("object", objects, n.objects),
    )
    for what, values, allowed in checks:
        if allowed is None:
            continue
        for v in values:
            if v not in allowed:
                names = ", ".join(sorted(allowed)) or "none"
                add(ContractIssue("not_allowed", task, f"{what} {v!r} is not allowed here; allowed: {names}"))
