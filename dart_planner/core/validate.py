"""Semantic validation of a task graph against a fleet and a world.

Every problem is reported at once, each with a code, the task it concerns and a message a
person (or an LLM in the repair loop) can act on. Errors make a plan non-executable;
warnings flag departures from the DART-LLM conventions that execution tolerates.

Example
-------
>>> report = validate_plan(graph, fleet, world)      # doctest: +SKIP
>>> report.ok, [str(i) for i in report.errors]       # doctest: +SKIP
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from .errors import PlanValidationError
from .fleet import Fleet, ObjectArg, SkillScope
from .plan import Subtask, TaskGraph
from .world import World

__all__ = ["IssueCode", "Severity", "ValidationIssue", "ValidationReport", "validate_plan", "require_valid"]


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class IssueCode(str, enum.Enum):
    EMPTY_PLAN = "empty_plan"
    DUPLICATE_TASK = "duplicate_task"
    SELF_DEPENDENCY = "self_dependency"
    DANGLING_DEPENDENCY = "dangling_dependency"
    DUPLICATE_DEPENDENCY = "duplicate_dependency"
    CYCLE = "cycle"
    UNKNOWN_SKILL = "unknown_skill"
    UNKNOWN_ROBOT = "unknown_robot"
    UNKNOWN_ROBOT_TYPE = "unknown_robot_type"
    BAD_COUNT = "bad_count"
    COUNT_EXCEEDS_FLEET = "count_exceeds_fleet"
    INCAPABLE_ROBOT = "incapable_robot"
    INCAPABLE_TYPE = "incapable_type"
    NO_ROBOTS = "no_robots"
    DUPLICATE_ROBOT = "duplicate_robot"
    UNKNOWN_OBJECT = "unknown_object"
    MISSING_OBJECT = "missing_object"
    UNEXPECTED_OBJECT = "unexpected_object"
    ROBOTS_ON_ALL_SKILL = "robots_on_all_skill"
    REDUNDANT_DEPENDENCY = "redundant_dependency"


_WARNINGS = {
    IssueCode.UNEXPECTED_OBJECT,
    IssueCode.ROBOTS_ON_ALL_SKILL,
    IssueCode.REDUNDANT_DEPENDENCY,
    IssueCode.DUPLICATE_DEPENDENCY,
}


@dataclass(frozen=True)
class ValidationIssue:
    code: IssueCode
    task: str | None
    message: str

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.code in _WARNINGS else Severity.ERROR

    def __str__(self) -> str:
        where = f"task {self.task!r}: " if self.task else ""
        return f"[{self.code.value}] {where}{self.message}"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code.value, "severity": self.severity.value, "task": self.task, "message": self.message,
        }


@dataclass(frozen=True)
class ValidationReport:
    issues: tuple[ValidationIssue, ...]

    @property
    def errors(self) -> tuple[ValidationIssue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[ValidationIssue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors

    def codes(self) -> set[IssueCode]:
        return {i.code for i in self.issues}

    def __str__(self) -> str:
        if not self.issues:
            return "plan is valid"
        head = f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        return head + "\n" + "\n".join(f"  - {i}" for i in self.issues)

    def to_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "issues": [i.to_dict() for i in self.issues]}


def _names(items: Iterable[str]) -> str:
    return ", ".join(sorted(items))


def validate_plan(graph: TaskGraph, fleet: Fleet, world: World) -> ValidationReport:
    """Check structure, skills, robots and objects; never raises on a bad plan."""
    issues: list[ValidationIssue] = []
    add = issues.append
    if not graph.subtasks:
        add(ValidationIssue(IssueCode.EMPTY_PLAN, None, "the plan has no subtasks"))
    counts = Counter(s.id for s in graph.subtasks)
    for tid, n in counts.items():
        if n > 1:
            msg = f"task name used {n} times; names must be unique"
            add(ValidationIssue(IssueCode.DUPLICATE_TASK, tid, msg))
    ids = set(counts)
    for s in graph.subtasks:
        dep_counts = Counter(s.dependencies)
        for d, n in dep_counts.items():
            if d == s.id:
                add(ValidationIssue(IssueCode.SELF_DEPENDENCY, s.id, "depends on itself"))
            elif d not in ids:
                msg = f"depends on {d!r}, which is not a task of this plan"
                add(ValidationIssue(IssueCode.DANGLING_DEPENDENCY, s.id, msg))
            if n > 1:
                add(ValidationIssue(IssueCode.DUPLICATE_DEPENDENCY, s.id, f"lists dependency {d!r} {n} times"))
        _check_skill_and_robots(s, fleet, world, add)
    for cycle in _cycles(graph):
        add(ValidationIssue(IssueCode.CYCLE, cycle[0], "dependency cycle: " + " -> ".join([*cycle, cycle[0]])
                              + " (each task waits for the one before it)"))
    if graph.is_acyclic() and len(graph.graph) < 2000:
        red = nx.transitive_reduction(graph.graph)
        for u, v in graph.graph.edges:
            if not red.has_edge(u, v):
                msg = f"dependency on {u!r} is already implied by another chain"
                add(ValidationIssue(IssueCode.REDUNDANT_DEPENDENCY, v, msg))
    return ValidationReport(tuple(issues))


def _cycles(graph: TaskGraph) -> list[list[str]]:
    """One cycle per strongly connected component, so each loop is named once."""
    out: list[list[str]] = []
    for comp in nx.strongly_connected_components(graph.graph):
        if len(comp) < 2:
            continue
        sub = graph.graph.subgraph(comp)
        cyc = nx.find_cycle(sub)
        nodes = [u for u, _ in cyc]
        k = nodes.index(min(nodes, key=graph._order))
        out.append(nodes[k:] + nodes[:k])
    out.sort(key=lambda c: graph._order(c[0]))
    return out


def _check_skill_and_robots(s: Subtask, fleet: Fleet, world: World, add: Callable[[ValidationIssue], None]) -> None:
    def issue(code: IssueCode, message: str) -> None:
        add(ValidationIssue(code, s.id, message))

    spec = fleet.skills.get(s.skill)
    if spec is None:
        issue(IssueCode.UNKNOWN_SKILL, f"unknown skill {s.skill!r}; known skills: {_names(fleet.skills)}")
    for o in s.object_keywords:
        if not world.has_object(o):
            issue(IssueCode.UNKNOWN_OBJECT, f"unknown object {o!r}; known objects: {_names(world.object_names)}")
    for rid, n in Counter(s.robot_ids).items():
        if n > 1:
            issue(IssueCode.DUPLICATE_ROBOT, f"robot {rid!r} listed {n} times")
    for rid in dict.fromkeys(s.robot_ids):
        if not fleet.has_robot(rid):
            issue(IssueCode.UNKNOWN_ROBOT, f"unknown robot {rid!r}; fleet: {_names(fleet.robot_ids)}")
        elif spec is not None and s.skill not in fleet.robot(rid).skills:
            rtype = fleet.robot(rid).type
            issue(IssueCode.INCAPABLE_ROBOT, f"robot {rid!r} ({rtype}) cannot perform {s.skill!r}")
    for rtype, count in zip(s.robot_type, s.robot_count):
        pool = fleet.of_type(rtype)
        if not pool:
            issue(IssueCode.UNKNOWN_ROBOT_TYPE, f"unknown robot type {rtype!r}; types: {_names(fleet.robot_types)}")
            continue
        if count < 1:
            issue(IssueCode.BAD_COUNT, f"robot_count for {rtype!r} must be at least 1, got {count}")
        if spec is not None and rtype not in spec.robot_types:
            capable_types = _names(spec.robot_types)
            issue(IssueCode.INCAPABLE_TYPE,
                  f"robot type {rtype!r} cannot perform {s.skill!r} (capable: {capable_types})")
            continue
        capable = fleet.capable(s.skill, pool) if spec is not None else pool
        if count > len(capable):
            issue(IssueCode.COUNT_EXCEEDS_FLEET,
                  f"asks for {count} {rtype} robot(s) but the fleet has {len(capable)} capable")
    if spec is None:
        return
    if spec.scope is SkillScope.ALL:
        if s.robot_ids or s.robot_type:
            issue(IssueCode.ROBOTS_ON_ALL_SKILL, f"{s.skill!r} applies to all robots; the listed robots are ignored")
    elif not s.robot_ids and not s.robot_type:
        issue(IssueCode.NO_ROBOTS, f"{s.skill!r} needs robot_ids or robot_type/robot_count")
    if spec.object_arg is ObjectArg.REQUIRED and not s.object_keywords:
        issue(IssueCode.MISSING_OBJECT, f"{s.skill!r} needs an object keyword (one of: {_names(world.object_names)})")
    if spec.object_arg is ObjectArg.NONE and s.object_keywords:
        issue(IssueCode.UNEXPECTED_OBJECT,
              f"{s.skill!r} acts in place; object keywords {list(s.object_keywords)} are ignored")


def require_valid(graph: TaskGraph, fleet: Fleet, world: World) -> ValidationReport:
    """Validate and raise :class:`PlanValidationError` if the plan has errors."""
    report = validate_plan(graph, fleet, world)
    if not report.ok:
        raise PlanValidationError(report)
    return report
