"""The robot fleet and the skills it offers, loaded from ``config/fleet.yaml``.

A :class:`Fleet` is the single source of truth for which robot ids, robot types and skills
exist; plan validation, prompt building, output schemas and allocation all read it, so a
new fleet needs configuration, not code.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .config_reader import ConfigReader, load_yaml, unwrap_ros_parameters
from .geometry import Pose2D

__all__ = ["SkillScope", "ObjectArg", "SkillAction", "KEEPOUT_ACTIONS", "SkillSpec", "Robot", "Fleet", "load_fleet"]


class SkillScope(str, enum.Enum):
    """Whether a skill names its robots (``specific``) or applies to the whole fleet (``all``)."""

    SPECIFIC = "specific"
    ALL = "all"


class ObjectArg(str, enum.Enum):
    """Whether a skill takes an object keyword (drive to it, fence it) or acts in place."""

    REQUIRED = "required"
    NONE = "none"
    OPTIONAL = "optional"


class SkillAction(str, enum.Enum):
    """The primitive behind a skill: the allow-list of what may reach a robot.

    Skill names are free configuration; actions are the closed set that actuation
    implements. A skill whose action is not in this enum is rejected when the fleet loads.
    """

    NAVIGATE = "navigate"
    ADD_KEEPOUT = "add_keepout"
    REMOVE_KEEPOUT = "remove_keepout"
    RETURN_TO_START = "return_to_start"
    DIG = "dig"
    UNLOAD_BUCKET = "unload_bucket"
    LOAD = "load"
    DUMP = "dump"


KEEPOUT_ACTIONS = frozenset({SkillAction.ADD_KEEPOUT, SkillAction.REMOVE_KEEPOUT})
"""The actions that change the keep-out zones: fleet bookkeeping that occupies no robot."""


@dataclass(frozen=True)
class SkillSpec:
    """A skill the planner may use, with what allocation and execution need to know."""

    name: str
    description: str
    action: SkillAction
    robot_types: tuple[str, ...]
    scope: SkillScope = SkillScope.SPECIFIC
    object_arg: ObjectArg = ObjectArg.NONE
    duration_s: float = 5.0
    timeout_s: float = 120.0
    partner_type: str | None = None
    """A robot type that must be adjacent while this skill runs (unloading needs a truck)."""
    synonyms: tuple[str, ...] = ()

    @property
    def moves_robot(self) -> bool:
        return self.action in (SkillAction.NAVIGATE, SkillAction.RETURN_TO_START)


@dataclass(frozen=True)
class Robot:
    """One robot: identity, where it starts, how fast it moves, what it can do."""

    id: str
    type: str
    namespace: str
    start: Pose2D
    max_speed: float
    max_turn_rate: float
    skills: frozenset[str]
    odom_topic: str = "odom"
    cmd_vel_topic: str = "cmd_vel"


@dataclass(frozen=True)
class Fleet:
    """Robots and skills, indexed for the look-ups planning does constantly."""

    robots: tuple[Robot, ...]
    skills: Mapping[str, SkillSpec]
    _by_id: Mapping[str, Robot] = field(init=False, repr=False, compare=False)
    _by_type: Mapping[str, tuple[Robot, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_type: dict[str, list[Robot]] = {}
        for r in self.robots:
            by_type.setdefault(r.type, []).append(r)
        object.__setattr__(self, "skills", MappingProxyType(dict(self.skills)))
        object.__setattr__(self, "_by_id", MappingProxyType({r.id: r for r in self.robots}))
        object.__setattr__(
            self, "_by_type", MappingProxyType({t: tuple(rs) for t, rs in by_type.items()})
        )

    @property
    def robot_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.robots)

    @property
    def robot_types(self) -> tuple[str, ...]:
        return tuple(self._by_type)

    def robot(self, robot_id: str) -> Robot:
        return self._by_id[robot_id]

    def has_robot(self, robot_id: str) -> bool:
        return robot_id in self._by_id

    def of_type(self, robot_type: str) -> tuple[Robot, ...]:
        return self._by_type.get(robot_type, ())

    def capable(self, skill: str, robots: Iterable[Robot] | None = None) -> tuple[Robot, ...]:
        """Robots (of ``robots``, default all) that can perform ``skill``."""
        pool = self.robots if robots is None else tuple(robots)
        return tuple(r for r in pool if skill in r.skills)

    def with_robots(self, robots: Iterable[Robot]) -> Fleet:
        return Fleet(tuple(robots), self.skills)


_SKILL_KEYS = {
    "description", "action", "robot_types", "scope", "object", "duration_s", "timeout_s",
    "partner_type", "synonyms",
}
_ROBOT_KEYS = {
    "id", "type", "namespace", "start", "max_speed", "max_turn_rate", "skills", "odom_topic",
    "cmd_vel_topic",
}


def load_fleet(path: str | Path) -> Fleet:
    """Load and check a fleet file; raises ConfigError listing every problem."""
    return fleet_from_dict(load_yaml(path), str(path))


def fleet_from_dict(raw: Any, file: str = "<fleet>") -> Fleet:
    r = ConfigReader(file)
    data = r.mapping(unwrap_ros_parameters(raw), "")
    r.unknown_keys(data, {"skills", "robots", "types"}, "")
    skills = _read_skills(r, r.mapping(r.get(data, "skills", ""), "skills"))
    type_defaults = r.mapping(data.get("types", {}), "types")
    robots: list[Robot] = []
    raw_robots = r.get(data, "robots", "")
    if not isinstance(raw_robots, list) or not raw_robots:
        r.error("robots", "expected a non-empty list of robots")
        raw_robots = []
    seen: set[str] = set()
    for i, item in enumerate(raw_robots):
        key = f"robots[{i}]"
        robot = _read_robot(r, r.mapping(item, key), key, skills, type_defaults)
        if robot is None:
            continue
        if robot.id in seen:
            r.error(f"{key}.id", f"duplicate robot id {robot.id!r}")
        seen.add(robot.id)
        robots.append(robot)
    known_types = {rb.type for rb in robots}
    for s in skills.values():
        for t in s.robot_types:
            if t not in known_types:
                r.error(f"skills.{s.name}.robot_types", f"no robot has type {t!r} (types: {sorted(known_types)})")
        if s.partner_type is not None and s.partner_type not in known_types:
            r.error(f"skills.{s.name}.partner_type", f"no robot has type {s.partner_type!r}")
    r.raise_if_any()
    return Fleet(tuple(robots), skills)


def _read_skills(r: ConfigReader, data: Mapping[str, Any]) -> dict[str, SkillSpec]:
    skills: dict[str, SkillSpec] = {}
    if not data:
        r.error("skills", "at least one skill is required")
    for name, spec in data.items():
        key = f"skills.{name}"
        s = r.mapping(spec, key)
        r.unknown_keys(s, _SKILL_KEYS, key)
        action = _enum(r, SkillAction, s.get("action"), f"{key}.action")
        scope = _enum(r, SkillScope, s.get("scope", "specific"), f"{key}.scope")
        obj = _enum(r, ObjectArg, s.get("object", "none"), f"{key}.object")
        duration = r.number(s, "duration_s", key, 5.0, non_negative=True)
        timeout = r.number(s, "timeout_s", key, 120.0, positive=True)
        if timeout and duration and timeout < duration:
            r.error(f"{key}.timeout_s", f"timeout {timeout} s is shorter than the nominal duration {duration} s")
        partner = s.get("partner_type")
        if partner is not None and not isinstance(partner, str):
            r.error(f"{key}.partner_type", f"expected a robot type name, got {partner!r}")
            partner = None
        types = r.string_list(s, "robot_types", key)
        if not types:
            r.error(f"{key}.robot_types", "at least one robot type is required")
        if action is None or scope is None or obj is None:
            continue
        skills[str(name)] = SkillSpec(
            name=str(name),
            description=r.string(s, "description", key),
            action=action,
            robot_types=tuple(types),
            scope=scope,
            object_arg=obj,
            duration_s=duration,
            timeout_s=timeout,
            partner_type=partner,
            synonyms=tuple(r.string_list(s, "synonyms", key, [])),
        )
    return skills


def _read_robot(
    r: ConfigReader,
    d: Mapping[str, Any],
    key: str,
    skills: Mapping[str, SkillSpec],
    type_defaults: Mapping[str, Any],
) -> Robot | None:
    r.unknown_keys(d, _ROBOT_KEYS, key)
    rid = r.string(d, "id", key)
    rtype = r.string(d, "type", key)
    if not rid or not rtype:
        return None
    defaults = type_defaults.get(rtype, {}) if isinstance(type_defaults.get(rtype, {}), Mapping) else {}
    merged = {**defaults, **d}
    start_raw = r.get(merged, "start", key, {"x": 0.0, "y": 0.0, "yaw": 0.0})
    start_map = r.mapping(start_raw, f"{key}.start")
    start = Pose2D(
        r.number(start_map, "x", f"{key}.start"),
        r.number(start_map, "y", f"{key}.start"),
        r.number(start_map, "yaw", f"{key}.start", 0.0),
    )
    if "skills" in merged:
        robot_skills = r.string_list(merged, "skills", key)
        for s in robot_skills:
            if s not in skills:
                r.error(f"{key}.skills", f"unknown skill {s!r}")
    else:
        robot_skills = [s.name for s in skills.values() if rtype in s.robot_types]
    return Robot(
        id=rid,
        type=rtype,
        namespace=r.string(merged, "namespace", key, rid).strip("/") or rid,
        start=start,
        max_speed=r.number(merged, "max_speed", key, 1.0, positive=True),
        max_turn_rate=r.number(merged, "max_turn_rate", key, 1.0, positive=True),
        skills=frozenset(robot_skills),
        odom_topic=r.string(merged, "odom_topic", key, "odom"),
        cmd_vel_topic=r.string(merged, "cmd_vel_topic", key, "cmd_vel"),
    )


def _enum(r: ConfigReader, cls: type[enum.Enum], value: Any, key: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        r.error(key, f"expected one of {[m.value for m in cls]}, got {value!r}")
        return None
