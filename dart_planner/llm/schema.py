"""The output contract as a JSON schema, generated from the live fleet and world.

The schema constrains decoding where a backend supports it (response_format json_schema,
xgrammar, lm-format-enforcer): the model can then only name skills, robots, robot types
and objects that exist, with the right shape per skill (``*_all_robots`` skills carry no
robots, in-place skills no objects). The same facts are checked again after the model by
the core validator and :mod:`dart_planner.llm.contract`, because many servers ignore or
only partly honour a schema.

Not expressible in plain JSON schema, and therefore enforced in validation only:
dependencies naming *earlier* tasks of the same plan, unique task names, and exact
per-type robot counts (the schema bounds ``robot_count`` by the largest capable type).

A :class:`Narrowing` restricts the enums further (the rules planner extracts which skills,
robots and objects an instruction mentions, and hands the model a smaller choice).

Example
-------
>>> schema = plan_schema(fleet, world, Narrowing(objects=frozenset({"soil1"})))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..core.fleet import Fleet, ObjectArg, SkillScope, SkillSpec
from ..core.world import World
from .names import SAFE_NAME_PATTERN, safe_objects

__all__ = ["Narrowing", "plan_schema", "allowed_skills", "capable_robots", "capable_types"]


@dataclass(frozen=True)
class Narrowing:
    """Optional allow-sets; ``None`` means "everything the fleet or world has"."""

    skills: frozenset[str] | None = None
    robots: frozenset[str] | None = None
    robot_types: frozenset[str] | None = None
    objects: frozenset[str] | None = None

    @classmethod
    def of(
        cls,
        skills: Iterable[str] | None = None,
        robots: Iterable[str] | None = None,
        robot_types: Iterable[str] | None = None,
        objects: Iterable[str] | None = None,
    ) -> Narrowing:
        def fs(x: Iterable[str] | None) -> frozenset[str] | None:
            return None if x is None else frozenset(x)

        return cls(fs(skills), fs(robots), fs(robot_types), fs(objects))

    def allows_skill(self, name: str) -> bool:
        return self.skills is None or name in self.skills

    def allows_robot(self, rid: str) -> bool:
        return self.robots is None or rid in self.robots

    def allows_type(self, rtype: str) -> bool:
        return self.robot_types is None or rtype in self.robot_types

    def allows_object(self, name: str) -> bool:
        return self.objects is None or name in self.objects


_OPEN = Narrowing()


def allowed_skills(fleet: Fleet, narrowing: Narrowing | None = None) -> tuple[SkillSpec, ...]:
    n = narrowing or _OPEN
    return tuple(s for s in fleet.skills.values() if n.allows_skill(s.name))


def capable_robots(fleet: Fleet, skill: SkillSpec, narrowing: Narrowing | None = None) -> tuple[str, ...]:
    n = narrowing or _OPEN
    return tuple(
        r.id
        for r in fleet.robots
        if skill.name in r.skills and n.allows_robot(r.id) and n.allows_type(r.type)
    )


def capable_types(fleet: Fleet, skill: SkillSpec, narrowing: Narrowing | None = None) -> dict[str, int]:
    """Robot types that can do ``skill`` -> how many capable robots of that type exist."""
    n = narrowing or _OPEN
    out: dict[str, int] = {}
    for t in skill.robot_types:
        if not n.allows_type(t):
            continue
        count = len(fleet.capable(skill.name, fleet.of_type(t)))
        if count:
            out[t] = count
    return out


def _string_list(
    enum: list[str] | None, *, min_items: int = 0, max_items: int | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array"}
    if max_items == 0:
        out["maxItems"] = 0
        return out
    out["items"] = {"type": "string", "enum": enum} if enum is not None else {"type": "string"}
    if min_items:
        out["minItems"] = min_items
    if max_items is not None:
        out["maxItems"] = max_items
    out["uniqueItems"] = True
    return out


def _skill_variant(fleet: Fleet, spec: SkillSpec, objects: list[str], n: Narrowing) -> dict[str, Any] | None:
    """The instruction_function shape for one skill, or None if the skill cannot be used."""
    robots = list(capable_robots(fleet, spec, n))
    types = capable_types(fleet, spec, n)
    if spec.scope is SkillScope.SPECIFIC and not robots and not types:
        return None
    if spec.object_arg is ObjectArg.REQUIRED and not objects:
        return None
    if spec.scope is SkillScope.ALL:
        robot_ids, robot_type = _string_list(None, max_items=0), _string_list(None, max_items=0)
        robot_count: dict[str, Any] = {"type": "array", "maxItems": 0}
    else:
        robot_ids = _string_list(robots, max_items=len(robots)) if robots else _string_list(None, max_items=0)
        robot_type = (
            _string_list(list(types), max_items=len(types)) if types else _string_list(None, max_items=0)
        )
        robot_count = (
            {
                "type": "array",
                "items": {"type": "integer", "minimum": 1, "maximum": max(types.values())},
                "maxItems": len(types),
            }
            if types
            else {"type": "array", "maxItems": 0}
        )
    if spec.object_arg is ObjectArg.NONE:
        obj = _string_list(None, max_items=0)
    else:
        obj = _string_list(objects, min_items=1 if spec.object_arg is ObjectArg.REQUIRED else 0)
    props = {
        "name": {"type": "string", "enum": [spec.name]},
        "robot_ids": robot_ids,
        "robot_type": robot_type,
        "robot_count": robot_count,
        "dependencies": {
            "type": "array",
            "items": {"type": "string", "pattern": SAFE_NAME_PATTERN},
            "uniqueItems": True,
            "description": "names of earlier tasks of this plan that must finish first",
        },
        "object_keywords": obj,
    }
    return {
        "type": "object",
        "description": spec.description,
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


def plan_schema(
    fleet: Fleet, world: World, narrowing: Narrowing | None = None, *, max_tasks: int = 100
) -> dict[str, Any]:
    """JSON schema (draft 2020-12 subset that servers and grammar engines accept) of a plan in
    the DART-LLM format, for this fleet and world.

    Every ``instruction_function`` lists all six keys (``robot_ids``, ``robot_type``,
    ``robot_count``, ``dependencies``, ``object_keywords`` may be empty) so the schema is also
    valid for OpenAI's strict structured outputs.
    """
    n = narrowing or _OPEN
    objects = list(safe_objects(world, n.objects))
    variants = [
        v for s in allowed_skills(fleet, n) if (v := _skill_variant(fleet, s, objects, n)) is not None
    ]
    func: dict[str, Any] = {"anyOf": variants} if variants else {"not": {}}
    task = {
        "type": "object",
        "properties": {
            "task": {
                "type": "string",
                "pattern": SAFE_NAME_PATTERN,
                "description": "unique name of this task",
            },
            "instruction_function": func,
        },
        "required": ["task", "instruction_function"],
        "additionalProperties": False,
    }
    return {
        "title": "dart_plan",
        "description": (
            "A multi-robot plan: tasks with dependencies forming a DAG. Dependencies may only name "
            "tasks listed earlier."
        ),
        "type": "object",
        "properties": {"tasks": {"type": "array", "items": task, "minItems": 1, "maxItems": max_tasks}},
        "required": ["tasks"],
        "additionalProperties": False,
    }
