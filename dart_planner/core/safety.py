"""The safety gate between a valid plan and the robots: approval, geofence, keep-outs, speed.

Validation (:mod:`.validate`) says whether a plan is *executable*; this module says whether it
is *allowed* on this site right now. It is configured by ``config/safety.yaml``
(:func:`load_safety_policy`) and answers four questions:

* :meth:`SafetyPolicy.needs_approval` -- must a person approve the plan before anything moves?
  (``approval: none``, ``all``, or only plans touching listed skills, objects or areas);
* :meth:`SafetyPolicy.check_plan` -- does the plan send a robot to a target outside the
  geofence (``world.bounds`` shrunk by a margin, so the whole machine stays inside) or inside
  a keep-out zone in force? Such plans are refused with one reason per offending target.
  Zones in force are the world's, changed by the keep-out subtasks that the dependency graph
  runs *before* the target subtask; a fence added by a subtask that no dependency orders
  against it is a race, so it counts as possibly in force (refused, with a reason that says
  so). A fence for an unnamed group ("the third truck keeps away from soil 1") concerns the
  robots :func:`~.keepout_groups.bind_keepout_groups` binds it to, as in the allocator and
  the engine. Those zones are judged like every other (a typed move that finds too few robots
  free to enter is refused); when a group had to bind a robot that a move into the object
  names, the refusal says so, naming the group and the object. The allocator leaves robots a zone
  bars out of a typed move into it, but its travel planner deliberately lets a route end
  inside a zone (it only estimates), and the simulator or actuation node only refuses at
  the rim, so this is where such a plan is stopped before a robot starts out;
* :meth:`SafetyPolicy.speed_limit` -- the top speed a robot may be commanded (the smaller of
  its own ``max_speed`` and its type's limit); :meth:`SafetyPolicy.limit_fleet` applies the
  limits to a fleet so allocation estimates and simulated motion use them too;
* :meth:`SafetyPolicy.decide` -- all of it in the order that matters: an active emergency
  stop wins over everything (nothing is accepted while it holds, approved or not), then a
  refusal, then approval.

The policy only reads plans; it never edits one into compliance (a plan that is not allowed
is refused with reasons, never "fixed" behind the user's back).

Example
-------
>>> policy = load_safety_policy()                                   # doctest: +SKIP
>>> policy.check_plan(graph, fleet, engine.world)                   # doctest: +SKIP
['task go_1: target puddle1 lies inside keep-out zone puddle1 (in force for robot_dump_truck_01)']
>>> policy.decide(graph, fleet, world, approved=False).verdict      # doctest: +SKIP
<GateVerdict.NEEDS_APPROVAL: 'needs_approval'>
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .config_reader import ConfigReader, load_yaml, unwrap_ros_parameters
from .execution.runtime import apply_keepout
from .fleet import Fleet, Robot, SkillAction, SkillScope
from .keepout_groups import KeepoutBinding, KeepoutsAround, bind_keepout_groups, move_objects
from .keepout_groups import skill_action as _action
from .names import is_plain_name
from .plan import Subtask, TaskGraph
from .world import Bounds, World

__all__ = [
    "ApprovalMode",
    "ApprovalArea",
    "ApprovalRule",
    "GateVerdict",
    "GateDecision",
    "SafetyPolicy",
    "load_safety_policy",
    "safety_policy_from_dict",
    "default_safety_path",
]

class ApprovalMode(str, enum.Enum):
    NONE = "none"
    """Plans run as soon as they pass the checks."""
    ALL = "all"
    """Every plan waits for a person."""
    SELECTED = "selected"
    """Plans touching the listed skills, objects or areas wait; the rest run."""


@dataclass(frozen=True)
class ApprovalArea:
    """A region whose targets need approval: a disc (``x, y, radius``) or a rectangle."""

    name: str
    x: float = 0.0
    y: float = 0.0
    radius: float = 0.0
    box: Bounds | None = None

    def contains(self, x: float, y: float) -> bool:
        if self.box is not None:
            return self.box.contains(x, y)
        return math.hypot(x - self.x, y - self.y) <= self.radius


@dataclass(frozen=True)
class ApprovalRule:
    mode: ApprovalMode = ApprovalMode.NONE
    skills: frozenset[str] = frozenset()
    """Skill names (``Excavation``) or actions (``dig``) that need approval."""
    objects: frozenset[str] = frozenset()
    areas: tuple[ApprovalArea, ...] = ()


class GateVerdict(str, enum.Enum):
    ACCEPT = "accept"
    NEEDS_APPROVAL = "needs_approval"
    REFUSE = "refuse"
    ESTOPPED = "estopped"


@dataclass(frozen=True)
class GateDecision:
    verdict: GateVerdict
    reasons: tuple[str, ...] = ()

    @property
    def may_dispatch(self) -> bool:
        return self.verdict is GateVerdict.ACCEPT


@dataclass(frozen=True)
class SafetyPolicy:
    """What plans may do on this site. Immutable; build with :func:`load_safety_policy`.

    Parameters
    ----------
    approval
        Which plans wait for a person (:class:`ApprovalRule`).
    geofence_margin_m
        Targets must lie at least this far inside ``world.bounds`` (room for the machine's
        body, which the simulator also judges against the fence). Negative values are
        refused at load time: the fence is never widened.
    speed_limits
        m/s per robot type; ``default_speed_limit`` for types not listed (None: no limit
        beyond the robot's own ``max_speed``).
    """

    approval: ApprovalRule = field(default_factory=ApprovalRule)
    geofence_margin_m: float = 1.0
    speed_limits: Mapping[str, float] = field(default_factory=dict)
    default_speed_limit: float | None = None
    source: str = "<defaults>"

    def __post_init__(self) -> None:
        object.__setattr__(self, "speed_limits", MappingProxyType(dict(self.speed_limits)))

    # ------------------------------------------------------------------ approval
    def needs_approval(
        self, graph: TaskGraph, world: World | None = None, fleet: Fleet | None = None
    ) -> tuple[bool, list[str]]:
        """Whether ``graph`` must wait for a person, and why (one reason per match).

        Skills match by name, or by action when ``fleet`` is given (``dig`` covers every
        digging skill). Areas are judged on target objects' positions, so they need
        ``world``; without it a plan with targets is held for approval rather than let
        through unexamined. In-place skills (dig, dump) have no target of their own: list
        them under ``skills`` to hold them.
        """
        rule = self.approval
        if rule.mode is ApprovalMode.NONE:
            return False, []
        if rule.mode is ApprovalMode.ALL:
            return True, ["approval: every plan needs approval (approval: all)"]
        reasons: list[str] = []
        for s in graph.subtasks:
            action = _action(fleet, s)
            if s.skill in rule.skills or (action is not None and action.value in rule.skills):
                reasons.append(f"task {s.id}: skill {s.skill} needs approval")
            for o in s.object_keywords:
                if o in rule.objects:
                    reasons.append(f"task {s.id}: object {o} needs approval")
                if not rule.areas:
                    continue
                if world is None or not world.has_object(o):
                    reasons.append(f"task {s.id}: cannot tell whether {o} lies in an approval area")
                    continue
                obj = world.object(o)
                for area in rule.areas:
                    if area.contains(obj.x, obj.y):
                        reasons.append(f"task {s.id}: {o} lies in approval area {area.name}")
        return bool(reasons), reasons

    # ------------------------------------------------------------------ geofence and keep-outs
    def geofence(self, world: World) -> Bounds:
        """The rectangle targets must lie in: ``world.bounds`` shrunk by the margin."""
        b, m = world.bounds, self.geofence_margin_m
        return Bounds(b.xmin + m, b.ymin + m, b.xmax - m, b.ymax - m)

    def check_plan(self, graph: TaskGraph, fleet: Fleet, world: World) -> list[str]:
        """Reasons to refuse ``graph`` on this site now (empty: allowed).

        Every task, robot, type and object name must be a plain ASCII identifier (so a
        look-alike or a perceived "name" carrying prose is refused here even if a planner let
        it through). Checked for every subtask that drives robots somewhere: its target object (or, for
        return-to-start, each robot's start pose) lies inside the geofence and outside every
        keep-out zone in force for the robots that go there. Never raises on a bad plan; an
        unknown object or robot is reported, not looked up blindly.
        """
        reasons = _unplain_names(graph)
        fence = self.geofence(world)
        if fence.xmin >= fence.xmax or fence.ymin >= fence.ymax:
            return [f"geofence: a margin of {self.geofence_margin_m:g} m leaves no room inside the site bounds"]
        around = KeepoutsAround(graph, fleet)  # which fences a move meets, in which order: as the allocator
        # a fence for an unnamed group ("the third truck keeps away") concerns the robots the
        # rest of the plan leaves free; the allocator and the engine bind the same ones
        binding = bind_keepout_groups(graph, fleet)
        for s in graph.subtasks:
            action = _action(fleet, s)
            if action is SkillAction.RETURN_TO_START:
                reasons += self._check_starts(s, fleet, world, fence)
                continue
            if action is not SkillAction.NAVIGATE:
                continue
            zones: tuple[list[Subtask], World, World] | None = None  # the move's fences, made once for its objects
            for o in move_objects(s):
                if not world.has_object(o):
                    reasons.append(f"task {s.id}: target {o!r} is not a known object")
                    continue
                obj = world.object(o)
                if not fence.contains(obj.x, obj.y):
                    reasons.append(
                        f"task {s.id}: target {o} at ({obj.x:.1f}, {obj.y:.1f}) lies outside the geofence "
                        f"({_box(fence)}, site bounds less {self.geofence_margin_m:g} m)"
                    )
                    continue
                if zones is None:
                    before, racing = around.around(s.id)
                    in_force = _zones_after(world, fleet, before, binding)
                    zones = (racing, in_force, _zones_after(in_force, fleet, racing, binding) if racing else in_force)
                racing, in_force, maybe = zones
                certain = self._barred(s, o, obj.x, obj.y, fleet, in_force, "")
                reasons += [msg for _, msg in certain]
                if racing:
                    note = " if " + ", ".join(k.id for k in racing) + " runs first (no dependency orders them)"
                    refused = {zone for zone, _ in certain}
                    reasons += [
                        msg for zone, msg in self._barred(s, o, obj.x, obj.y, fleet, maybe, note)
                        if zone not in refused
                    ]
                # a robot the move names that a group fence had to bind: say why, when the zone does bar it
                reasons += [
                    f.reason for f in binding.forced
                    if f.move == s.id and f.obj == o
                    and any(z.contains(obj.x, obj.y) and z.applies_to(f.robot) for z in maybe.keep_out)
                ]
        return reasons

    def _check_starts(self, s: Subtask, fleet: Fleet, world: World, fence: Bounds) -> list[str]:
        out: list[str] = []
        for r in _candidates(s, fleet):
            p = r.start
            if not fence.contains(p.x, p.y):
                out.append(f"task {s.id}: start of {r.id} at ({p.x:.1f}, {p.y:.1f}) lies outside the geofence")
            for z in world.keep_out:
                if z.applies_to(r.id) and z.contains(p.x, p.y):
                    out.append(f"task {s.id}: start of {r.id} lies inside keep-out zone {z.name}")
        return out

    def _barred(
        self, s: Subtask, obj: str, x: float, y: float, fleet: Fleet, world: World, note: str
    ) -> list[tuple[str, str]]:
        """(zone, reason) for each zone in ``world.keep_out`` that bars the robots of ``s``
        from ``(x, y)``."""
        zones = [z for z in world.keep_out if z.contains(x, y)]
        if not zones:
            return []
        out: list[tuple[str, str]] = []
        spec = fleet.skills.get(s.skill)
        for z in zones:
            if spec is not None and spec.scope is SkillScope.ALL:
                hit = [r.id for r in fleet.capable(s.skill) if z.applies_to(r.id)]
                if hit:
                    out.append((z.name, f"task {s.id}: target {obj} lies inside keep-out zone {z.name}{note} "
                                        f"(in force for {_few(hit)}, and every robot goes)"))
                continue
            hit = [r for r in s.robot_ids if z.applies_to(r)]
            if hit:
                out.append((z.name, f"task {s.id}: target {obj} lies inside keep-out zone {z.name}{note} "
                                    f"(in force for {_few(hit)})"))
        for rtype, count in zip(s.robot_type, s.robot_count):
            pool = [r for r in fleet.capable(s.skill, fleet.of_type(rtype))] if spec else []
            free = [r for r in pool if not any(z.applies_to(r.id) for z in zones)]
            if pool and len(free) < count:
                names = ", ".join(z.name for z in zones)
                out.append((names, f"task {s.id}: target {obj} lies inside keep-out zone(s) {names}{note}; "
                                   f"only {len(free)} {rtype} robot(s) may enter, {count} asked for"))
        return out

    # ------------------------------------------------------------------ speed
    def speed_limit(self, robot: Robot) -> float:
        """The top linear speed (m/s) ``robot`` may be commanded."""
        limit = self.speed_limits.get(robot.type, self.default_speed_limit)
        return robot.max_speed if limit is None else min(robot.max_speed, limit)

    def limit_fleet(self, fleet: Fleet) -> Fleet:
        """``fleet`` with each robot's ``max_speed`` capped at its limit (allocation and the
        simulator then plan and move at the permitted speed)."""
        capped = [replace(r, max_speed=self.speed_limit(r)) for r in fleet.robots]
        if all(a.max_speed == b.max_speed for a, b in zip(capped, fleet.robots)):
            return fleet
        return fleet.with_robots(capped)

    # ------------------------------------------------------------------ all together
    def decide(
        self,
        graph: TaskGraph,
        fleet: Fleet,
        world: World,
        *,
        approved: bool = False,
        estopped: bool = False,
    ) -> GateDecision:
        """The gate's verdict, in priority order: e-stop, refusal, approval, accept.

        An active emergency stop wins over everything, approval included: the plan is not
        accepted now (submit it again after the stop is released). A refused plan stays
        refused whatever a person approves: approval is for plans the policy allows.
        """
        if estopped:
            return GateDecision(GateVerdict.ESTOPPED, ("an emergency stop is active; nothing is dispatched",))
        refused = self.check_plan(graph, fleet, world)
        if refused:
            return GateDecision(GateVerdict.REFUSE, tuple(refused))
        needs, why = self.needs_approval(graph, world, fleet)
        if needs and not approved:
            return GateDecision(GateVerdict.NEEDS_APPROVAL, tuple(why))
        return GateDecision(GateVerdict.ACCEPT, tuple(why))


# ---------------------------------------------------------------------- helpers
def _unplain_names(graph: TaskGraph) -> list[str]:
    out: list[str] = []
    for s in graph.subtasks:
        names = [("task name", s.id), ("skill", s.skill), *(("robot", r) for r in s.robot_ids),
                 *(("robot type", t) for t in s.robot_type), *(("object", o) for o in s.object_keywords),
                 *(("dependency", d) for d in s.dependencies)]
        for what, name in names:
            # a name outside the rule (look-alike, zero-width, spaces, control characters, prose
            # from a detector) never reaches a robot, whichever planner wrote it
            if not is_plain_name(name):
                out.append(f"task {ascii(s.id)}: {what} {ascii(name)[:80]} is not a plain identifier")
    return out


def _candidates(s: Subtask, fleet: Fleet) -> list[Robot]:
    """Robots that may carry out ``s`` (named ones, or every capable one of the named types)."""
    spec = fleet.skills.get(s.skill)
    if spec is not None and spec.scope is SkillScope.ALL:
        return list(fleet.capable(s.skill))
    out = [fleet.robot(r) for r in s.robot_ids if fleet.has_robot(r)]
    for t in s.robot_type:
        out += [r for r in fleet.of_type(t) if r not in out]
    return out


def _zones_after(world: World, fleet: Fleet, keepouts: Iterable[Subtask], binding: KeepoutBinding) -> World:
    """``world`` after the keep-out subtasks ``keepouts`` succeeded, in order (as the engine
    applies them: a group fence for the robots ``binding`` bound it to)."""
    for k in keepouts:
        spec = fleet.skills.get(k.skill)
        if spec is None:
            continue
        robots = binding.robots_for(k, fleet)
        for obj in k.object_keywords:  # "keep away from soil 1 and rock 2" fences each, as the engine does
            world = apply_keepout(world, fleet, spec.action, obj, robots or ())
    return world


def _few(ids: Sequence[str], n: int = 4) -> str:
    return ", ".join(ids[:n]) + (f" and {len(ids) - n} more" if len(ids) > n else "")


def _box(b: Bounds) -> str:
    return f"x {b.xmin:g}..{b.xmax:g}, y {b.ymin:g}..{b.ymax:g}"


# ---------------------------------------------------------------------- loading
def default_safety_path() -> Path:
    from ..resources import config_path

    return config_path("safety.yaml")


def load_safety_policy(path: str | Path | None = None) -> SafetyPolicy:
    """Read ``config/safety.yaml`` (or ``path``); raises ConfigError listing every problem."""
    p = Path(path) if path is not None else default_safety_path()
    return safety_policy_from_dict(load_yaml(p), str(p))


def safety_policy_from_dict(raw: Any, file: str = "<safety>") -> SafetyPolicy:
    """Build a policy from parsed YAML (plain or ROS 2 parameter-file form).

    Keys: ``approval`` (``none`` | ``all`` | ``{skills, objects, areas}``), ``geofence``
    (``{margin_m}``), ``speed_limits`` (``{<robot type>: m/s, default: m/s}``).
    """
    r = ConfigReader(file)
    data = r.mapping(unwrap_ros_parameters(raw if raw is not None else {}), "")
    r.unknown_keys(data, {"approval", "geofence", "speed_limits"}, "")
    approval = _read_approval(r, data.get("approval", "none"))
    fence = r.mapping(data.get("geofence", {}) or {}, "geofence")
    r.unknown_keys(fence, {"margin_m"}, "geofence")
    margin = r.number(fence, "margin_m", "geofence", 1.0, non_negative=True)
    limits: dict[str, float] = {}
    default: float | None = None
    for name, value in r.mapping(data.get("speed_limits", {}) or {}, "speed_limits").items():
        v = r.number({str(name): value}, str(name), "speed_limits", positive=True)
        if str(name) == "default":
            default = v
        else:
            limits[str(name)] = v
    r.raise_if_any()
    return SafetyPolicy(approval, margin, limits, default, file)


def _read_approval(r: ConfigReader, raw: Any) -> ApprovalRule:
    if raw is None or raw is False:
        return ApprovalRule(ApprovalMode.NONE)
    if raw is True:
        return ApprovalRule(ApprovalMode.ALL)
    if isinstance(raw, str):
        if raw in ("none", "all"):
            return ApprovalRule(ApprovalMode(raw))
        r.error("approval", f"expected none, all or a mapping of skills/objects/areas, got {raw!r}")
        return ApprovalRule(ApprovalMode.ALL)
    m = r.mapping(raw, "approval")
    r.unknown_keys(m, {"skills", "objects", "areas"}, "approval")
    skills = frozenset(r.string_list(m, "skills", "approval", []))
    objects = frozenset(r.string_list(m, "objects", "approval", []))
    areas: list[ApprovalArea] = []
    raw_areas = m.get("areas", []) or []
    if not isinstance(raw_areas, list):
        r.error("approval.areas", "expected a list")
        raw_areas = []
    for i, a in enumerate(raw_areas):
        key = f"approval.areas[{i}]"
        am = r.mapping(a, key)
        name = r.string(am, "name", key, f"area{i}")
        if "radius" in am:
            r.unknown_keys(am, {"name", "x", "y", "radius"}, key)
            areas.append(ApprovalArea(name, r.number(am, "x", key), r.number(am, "y", key),
                                      r.number(am, "radius", key, positive=True)))
        else:
            r.unknown_keys(am, {"name", "xmin", "ymin", "xmax", "ymax"}, key)
            box = Bounds(r.number(am, "xmin", key), r.number(am, "ymin", key),
                         r.number(am, "xmax", key), r.number(am, "ymax", key))
            if box.xmin >= box.xmax or box.ymin >= box.ymax:
                r.error(key, "xmin/ymin must be smaller than xmax/ymax")
            areas.append(ApprovalArea(name, box=box))
    if not (skills or objects or areas):
        r.error("approval", "a selective approval lists at least one skill, object or area "
                            "(write 'none' or 'all' otherwise)")
    return ApprovalRule(ApprovalMode.SELECTED, skills, objects, tuple(areas))
