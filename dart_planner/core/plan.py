"""Subtasks and the task graph (a DAG of subtasks), with DART-LLM and native JSON formats.

The DART-LLM plan format (``{"tasks": [{"task", "instruction_function": {...}}]}``) is
imported and exported losslessly: key order, list-versus-scalar shape and unknown keys
survive a round trip, so plans compare with the published dataset. The native format
(``"schema": "dart_planner/plan@1"``) adds a plan id, the instruction and per-subtask params.

Example
-------
>>> g = TaskGraph.from_dart({"tasks": [
...     {"task": "t1", "instruction_function": {"name": "Excavation",
...      "robot_ids": ["robot_excavator_01"], "dependencies": [], "object_keywords": []}}]})
>>> g.ids
('t1',)
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

import networkx as nx

from .errors import PlanFormatError
from .strict_json import strict_loads

__all__ = [
    "PLAN_SCHEMA",
    "Subtask",
    "TaskGraph",
    "new_plan_id",
    "load_plan_document",
]

PLAN_SCHEMA = "dart_planner/plan@1"
_DART_FUNC_KEYS = ("name", "robot_ids", "robot_type", "robot_count", "dependencies", "object_keywords")
_MAX_TASKS = 5000


def new_plan_id() -> str:
    return "plan-" + uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class Subtask:
    """One step of a plan: a skill, who does it, on what, after which other steps.

    Robots are either explicit (``robot_ids``) or chosen by the allocator from
    ``robot_type``/``robot_count`` (parallel lists: ``["excavator"], [2]``). ``*_all_robots``
    skills name no robots.
    """

    id: str
    skill: str
    robot_ids: tuple[str, ...] = ()
    robot_type: tuple[str, ...] = ()
    robot_count: tuple[int, ...] = ()
    object_keywords: tuple[str, ...] = ()
    dependencies: tuple[str, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)
    dart_shape: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """How the DART source spelled this task (key order, scalar fields, unknown keys)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))
        object.__setattr__(self, "dart_shape", MappingProxyType(dict(self.dart_shape)))

    @property
    def requested_types(self) -> tuple[tuple[str, int], ...]:
        return tuple(zip(self.robot_type, self.robot_count))

    def with_robots(self, robot_ids: Sequence[str]) -> Subtask:
        return replace(self, robot_ids=tuple(robot_ids), robot_type=(), robot_count=())

    # -- DART-LLM format -------------------------------------------------------------
    def to_dart(self) -> dict[str, Any]:
        shape = self.dart_shape
        values: dict[str, Any] = {
            "name": self.skill,
            "robot_ids": list(self.robot_ids),
            "robot_type": list(self.robot_type),
            "robot_count": list(self.robot_count),
            "dependencies": list(self.dependencies),
            "object_keywords": list(self.object_keywords),
        }
        for k in shape.get("scalar", ()):  # fields the source wrote as a bare value
            if len(values[k]) == 1:
                values[k] = values[k][0]
        order = shape.get("order")
        if order is None:
            order = ["name"]
            order += ["robot_ids"] if self.robot_ids or not self.robot_type else []
            order += ["robot_type", "robot_count"] if self.robot_type else []
            order += ["dependencies", "object_keywords"]
        func_extra = shape.get("func_extra", {})
        func = {k: (values[k] if k in values else func_extra[k]) for k in order}
        task: dict[str, Any] = {}
        for k in shape.get("task_order", ("task", "instruction_function")):
            if k == "task":
                task["task"] = self.id
            elif k == "instruction_function":
                task["instruction_function"] = func
            else:
                task[k] = shape.get("task_extra", {})[k]
        if self.params and "params" not in func:
            func["params"] = dict(self.params)
        return task

    # -- native format ---------------------------------------------------------------
    def to_native(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "skill": self.skill,
            "robot_ids": list(self.robot_ids),
            "robot_type": list(self.robot_type),
            "robot_count": list(self.robot_count),
            "object_keywords": list(self.object_keywords),
            "dependencies": list(self.dependencies),
            "params": dict(self.params),
        }


@dataclass(frozen=True)
class TaskGraph:
    """An ordered collection of subtasks with their dependency graph.

    Construction never fails on semantic problems (cycles, duplicates, dangling
    dependencies); :func:`dart_planner.core.validate.validate_plan` reports those, all at
    once. The networkx graph holds an edge ``dependency -> dependent`` for every
    dependency whose target exists.
    """

    subtasks: tuple[Subtask, ...]
    plan_id: str = field(default_factory=new_plan_id)
    instruction: str = ""
    dart_extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    graph: nx.DiGraph = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "subtasks", tuple(self.subtasks))
        g = nx.DiGraph()
        for i, s in enumerate(self.subtasks):
            if s.id not in g:
                g.add_node(s.id, subtask=s, order=i)
        for s in self.subtasks:
            for d in s.dependencies:
                if d in g and d != s.id:
                    g.add_edge(d, s.id)
        object.__setattr__(self, "graph", g)

    # -- access ----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.subtasks)

    def __iter__(self) -> Iterator[Subtask]:
        return iter(self.subtasks)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.graph

    def __getitem__(self, task_id: str) -> Subtask:
        return self.graph.nodes[task_id]["subtask"]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.subtasks)

    def dependents(self, task_id: str) -> tuple[str, ...]:
        return tuple(sorted(self.graph.successors(task_id), key=self._order))

    def descendants(self, task_id: str) -> set[str]:
        return nx.descendants(self.graph, task_id)

    def ancestors(self, task_id: str) -> set[str]:
        return nx.ancestors(self.graph, task_id)

    def _order(self, task_id: str) -> int:
        return self.graph.nodes[task_id]["order"]

    def is_acyclic(self) -> bool:
        return nx.is_directed_acyclic_graph(self.graph)

    def replace_subtasks(self, subtasks: Iterable[Subtask]) -> TaskGraph:
        return replace(self, subtasks=tuple(subtasks))

    # -- graph algorithms ------------------------------------------------------------
    def layers(self) -> list[list[str]]:
        """Topological generations: layer k holds the tasks whose longest chain of
        dependencies has length k; within a layer, plan order. Tasks in one layer may run
        in parallel."""
        return [sorted(layer, key=self._order) for layer in nx.topological_generations(self.graph)]

    def topological_order(self) -> list[str]:
        return list(nx.lexicographical_topological_sort(self.graph, key=lambda n: self._order(n)))

    def critical_path(self, duration: Callable[[Subtask], float] | None = None) -> tuple[float, list[str]]:
        """Longest path by summed duration (default 1 per subtask): the length no
        schedule can beat, and the chain of tasks that sets it."""
        dur = duration or (lambda s: 1.0)
        best: dict[str, tuple[float, str | None]] = {}
        for n in self.topological_order():
            own = float(dur(self[n]))
            preds = list(self.graph.predecessors(n))
            if preds:
                p = max(preds, key=lambda q: (best[q][0], -self._order(q)))
                best[n] = (best[p][0] + own, p)
            else:
                best[n] = (own, None)
        if not best:
            return 0.0, []
        end = max(best, key=lambda q: (best[q][0], -self._order(q)))
        path: list[str] = []
        cur: str | None = end
        while cur is not None:
            path.append(cur)
            cur = best[cur][1]
        return best[end][0], path[::-1]

    def transitive_reduction(self) -> TaskGraph:
        """The same plan with every dependency implied by another chain removed."""
        red = nx.transitive_reduction(self.graph)
        subs = [
            replace(s, dependencies=tuple(d for d in s.dependencies if red.has_edge(d, s.id)))
            for s in self.subtasks
        ]
        return replace(self, subtasks=tuple(subs))

    # -- formats ---------------------------------------------------------------------
    @classmethod
    def from_dart(cls, data: Any, plan_id: str | None = None, instruction: str = "") -> TaskGraph:
        subtasks, extra = _parse_dart(data)
        return cls(tuple(subtasks), plan_id or new_plan_id(), instruction, extra)

    def to_dart(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        order = self.dart_extra.get("__order__", ("tasks",))
        for k in order:
            out[k] = [s.to_dart() for s in self.subtasks] if k == "tasks" else self.dart_extra[k]
        return out

    @classmethod
    def from_native(cls, data: Any) -> TaskGraph:
        return _parse_native(data)

    def to_native(self) -> dict[str, Any]:
        return {
            "schema": PLAN_SCHEMA,
            "plan_id": self.plan_id,
            "instruction": self.instruction,
            "subtasks": [s.to_native() for s in self.subtasks],
        }


def load_plan_document(data: Any, plan_id: str | None = None, instruction: str = "") -> TaskGraph:
    """Read a plan in either format from a parsed document or JSON text.

    Accepts the native schema, the DART-LLM ``{"tasks": [...]}`` form, and the example /
    benchmark wrappers that carry ``instruction`` and ``plan``.
    """
    if isinstance(data, (str, bytes)):
        data = strict_loads(data, "plan")
    if isinstance(data, Mapping) and data.get("schema") == PLAN_SCHEMA:
        return _parse_native(data)
    if isinstance(data, Mapping) and "plan" in data and "tasks" not in data:
        wrapper_id, wrapper_text = data.get("id"), data.get("instruction")
        return load_plan_document(
            data["plan"],
            plan_id or (wrapper_id if isinstance(wrapper_id, str) else None),
            instruction or (wrapper_text if isinstance(wrapper_text, str) else ""),
        )
    return TaskGraph.from_dart(data, plan_id, instruction)


# -- parsing helpers -------------------------------------------------------------------
def _str_list(value: Any, path: str, problems: list[str], allow_scalar: bool) -> tuple[tuple[str, ...], bool]:
    if allow_scalar and isinstance(value, str):
        return (value,), True
    if not isinstance(value, list):
        problems.append(f"{path}: expected a list of strings, got {type(value).__name__}")
        return (), False
    bad = [v for v in value if not isinstance(v, str)]
    if bad:
        problems.append(f"{path}: expected a list of strings, found {bad[0]!r}")
        return tuple(v for v in value if isinstance(v, str)), False
    return tuple(value), False


def _int_list(value: Any, path: str, problems: list[str]) -> tuple[tuple[int, ...], bool]:
    if isinstance(value, int) and not isinstance(value, bool):
        return (value,), True
    if not isinstance(value, list):
        problems.append(f"{path}: expected a list of integers, got {type(value).__name__}")
        return (), False
    out: list[int] = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, int):
            problems.append(f"{path}: expected a list of integers, found {v!r}")
        else:
            out.append(v)
    return tuple(out), False


def _parse_dart(data: Any) -> tuple[list[Subtask], dict[str, Any]]:
    problems: list[str] = []
    if not isinstance(data, Mapping):
        raise PlanFormatError([f"plan: expected an object with a 'tasks' list, got {type(data).__name__}"])
    if "tasks" not in data:
        raise PlanFormatError(["plan: missing the 'tasks' list"])
    tasks = data["tasks"]
    if not isinstance(tasks, list):
        raise PlanFormatError([f"plan.tasks: expected a list, got {type(tasks).__name__}"])
    if len(tasks) > _MAX_TASKS:
        raise PlanFormatError([f"plan.tasks: {len(tasks)} tasks exceed the limit of {_MAX_TASKS}"])
    extra = {k: v for k, v in data.items() if k != "tasks"}
    extra["__order__"] = tuple(data.keys())
    subtasks: list[Subtask] = []
    for i, t in enumerate(tasks):
        path = f"tasks[{i}]"
        if not isinstance(t, Mapping):
            problems.append(f"{path}: expected an object, got {type(t).__name__}")
            continue
        name = t.get("task")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{path}.task: expected a non-empty string, got {name!r}")
            name = None
        func = t.get("instruction_function")
        if not isinstance(func, Mapping):
            problems.append(f"{path}.instruction_function: expected an object, got {type(func).__name__}")
            continue
        fpath = f"{path}.instruction_function"
        skill = func.get("name")
        if not isinstance(skill, str) or not skill:
            problems.append(f"{fpath}.name: expected a skill name, got {skill!r}")
        scalar: list[str] = []
        robot_ids, sc = _str_list(func.get("robot_ids", []), f"{fpath}.robot_ids", problems, True)
        if sc:
            scalar.append("robot_ids")
        robot_type, sc = _str_list(func.get("robot_type", []), f"{fpath}.robot_type", problems, True)
        if sc:
            scalar.append("robot_type")
        robot_count, sc = _int_list(func.get("robot_count", []), f"{fpath}.robot_count", problems)
        if sc:
            scalar.append("robot_count")
        deps, sc = _str_list(func.get("dependencies", []), f"{fpath}.dependencies", problems, False)
        objs, sc = _str_list(func.get("object_keywords", []), f"{fpath}.object_keywords", problems, True)
        if sc:
            scalar.append("object_keywords")
        if len(robot_type) != len(robot_count):
            problems.append(
                f"{fpath}: robot_type has {len(robot_type)} entries but robot_count has {len(robot_count)}"
            )
        params = func.get("params", {})
        if not isinstance(params, Mapping):
            problems.append(f"{fpath}.params: expected an object, got {type(params).__name__}")
            params = {}
        if name is None or not isinstance(skill, str) or not skill:
            continue
        shape = {
            "order": tuple(func.keys()),
            "scalar": tuple(scalar),
            "func_extra": {k: v for k, v in func.items() if k not in _DART_FUNC_KEYS},
            "task_order": tuple(t.keys()),
            "task_extra": {k: v for k, v in t.items() if k not in ("task", "instruction_function")},
        }
        subtasks.append(
            Subtask(
                id=name,
                skill=skill,
                robot_ids=robot_ids,
                robot_type=robot_type,
                robot_count=robot_count,
                object_keywords=objs,
                dependencies=deps,
                params=params,
                dart_shape=shape,
            )
        )
    if problems:
        raise PlanFormatError(problems)
    return subtasks, extra


def _parse_native(data: Any) -> TaskGraph:
    problems: list[str] = []
    if not isinstance(data, Mapping) or data.get("schema") != PLAN_SCHEMA:
        raise PlanFormatError([f"plan: expected schema {PLAN_SCHEMA!r}"])
    items = data.get("subtasks")
    if not isinstance(items, list):
        raise PlanFormatError([f"plan.subtasks: expected a list, got {type(items).__name__}"])
    if len(items) > _MAX_TASKS:
        raise PlanFormatError([f"plan.subtasks: {len(items)} subtasks exceed the limit of {_MAX_TASKS}"])
    subtasks: list[Subtask] = []
    for i, t in enumerate(items):
        path = f"subtasks[{i}]"
        if not isinstance(t, Mapping):
            problems.append(f"{path}: expected an object, got {type(t).__name__}")
            continue
        sid, skill = t.get("id"), t.get("skill")
        if not isinstance(sid, str) or not sid:
            problems.append(f"{path}.id: expected a non-empty string, got {sid!r}")
        if not isinstance(skill, str) or not skill:
            problems.append(f"{path}.skill: expected a non-empty string, got {skill!r}")
        ids, _ = _str_list(t.get("robot_ids", []), f"{path}.robot_ids", problems, False)
        types, _ = _str_list(t.get("robot_type", []), f"{path}.robot_type", problems, False)
        counts, _ = _int_list(t.get("robot_count", []), f"{path}.robot_count", problems)
        objs, _ = _str_list(t.get("object_keywords", []), f"{path}.object_keywords", problems, False)
        deps, _ = _str_list(t.get("dependencies", []), f"{path}.dependencies", problems, False)
        params = t.get("params", {})
        if not isinstance(params, Mapping):
            problems.append(f"{path}.params: expected an object")
            params = {}
        if len(types) != len(counts):
            problems.append(f"{path}: robot_type has {len(types)} entries but robot_count has {len(counts)}")
        if isinstance(sid, str) and sid and isinstance(skill, str) and skill:
            subtasks.append(Subtask(sid, skill, ids, types, counts, objs, deps, params))
    if problems:
        raise PlanFormatError(problems)
    pid = data.get("plan_id")
    instr = data.get("instruction", "")
    return TaskGraph(
        tuple(subtasks),
        pid if isinstance(pid, str) and pid else new_plan_id(),
        instr if isinstance(instr, str) else "",
    )
