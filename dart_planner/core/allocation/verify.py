"""Independent check of a schedule against the plan, the fleet and the live state.

Written from the plan's point of view, not the allocator's: it re-reads the subtasks, the
fleet and the state and lists every rule a schedule breaks. Tests and the benchmark run it
on every schedule; the execution engine may run it on a schedule it did not make.

Example
-------
>>> problems = verify_schedule(schedule, graph, fleet, world)      # doctest: +SKIP
>>> assert not problems, problems                                  # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter

from ..fleet import KEEPOUT_ACTIONS, Fleet, SkillAction, SkillScope
from ..plan import TaskGraph
from ..schedule import LiveState, Schedule
from ..world import World
from .model import CHOSEN_PARTNER_ACTIONS
from .soil import EMPTIED_BY, MERGING_FILLS, SoilRole, owed_empties, soil_role

__all__ = ["verify_schedule"]

_TOL = 1e-6


def verify_schedule(
    schedule: Schedule, graph: TaskGraph, fleet: Fleet, world: World, state: LiveState | None = None
) -> list[str]:
    """Every violation of the allocation rules, as readable messages (empty: all good).

    Rules: each live subtask is assigned once (none of the done, running or excluded ones);
    dependencies finish before a subtask starts; explicit robot ids exactly; type+count
    exactly (plus implicit partners of the skill's partner type: at most one per working
    robot, at least one); ``*_all_robots`` moves
    every capable available robot; keep-out changes occupy no robot; robots are capable and
    available; a robot's subtasks do not overlap and respect ``busy_until`` and running
    work; ``ready = start + max travel`` and ``finish = ready + duration``; ``robot_order``,
    ``makespan`` and ``lower_bound`` are consistent; an ExcavatorUnloading (an action of
    :data:`.model.CHOSEN_PARTNER_ACTIONS`) has a partner to pour into whenever a robot of the
    partner type is available; soil carrying (:mod:`.soil`): after a fill, a robot's next
    soil event is the first of the empties it owes for that load, if it does any of them.
    """
    state = state or LiveState()
    errs: list[str] = []
    err = errs.append
    done = set(state.done)
    running = {k: v for k, v in state.running.items() if k in graph and k not in done}
    excluded: set[str] = set()
    for f in state.failed:
        if f in graph:
            excluded |= {f} | graph.descendants(f)
    excluded -= done | set(running)
    live = [s.id for s in graph.subtasks if s.id not in done and s.id not in running and s.id not in excluded]
    a = schedule.assignments
    for tid in live:
        if tid not in a:
            err(f"task {tid!r} is not assigned")
    for tid in a:
        if tid not in graph:
            err(f"assignment for unknown task {tid!r}")
        elif tid not in live:
            err(f"task {tid!r} is done, running or excluded but was assigned")
    fin = {tid: x.finish for tid, x in a.items()}
    fin.update({tid: float(v[1]) for tid, v in running.items()})
    for tid, x in a.items():
        if tid not in graph:
            continue
        s = graph[tid]
        spec = fleet.skills.get(s.skill)
        if spec is None:
            err(f"task {tid!r}: unknown skill {s.skill!r}")
            continue
        if x.start < state.now - _TOL:
            err(f"task {tid!r} starts at {x.start:.3f}, before now={state.now}")
        for d in s.dependencies:
            if d in fin and x.start < fin[d] - _TOL:
                err(f"task {tid!r} starts at {x.start:.3f} before dependency {d!r} finishes at {fin[d]:.3f}")
        if spec.action is SkillAction.NAVIGATE and (
            not s.object_keywords or not world.has_object(s.object_keywords[0])
        ):
            err(f"task {tid!r}: navigate target {list(s.object_keywords)} is not an object of the world")
        robots = x.robot_ids
        if len(set(robots)) != len(robots):
            err(f"task {tid!r} lists a robot twice: {robots}")
        for r in robots:
            if not fleet.has_robot(r):
                err(f"task {tid!r}: unknown robot {r!r}")
            elif r in state.unavailable:
                err(f"task {tid!r}: robot {r!r} is unavailable")
        known = [r for r in robots if fleet.has_robot(r)]
        partner = spec.partner_type
        if spec.action in KEEPOUT_ACTIONS:
            if robots:
                err(f"task {tid!r}: a keep-out change occupies no robot, got {robots}")
        elif spec.scope is SkillScope.ALL:
            want = {r.id for r in fleet.capable(s.skill)} - set(state.unavailable)
            if set(robots) != want:
                err(
                    f"task {tid!r}: {s.skill!r} must use all capable available robots {sorted(want)}, "
                    f"got {robots}"
                )
        elif s.robot_ids:
            extra = [r for r in known if r not in s.robot_ids]
            if set(s.robot_ids) - set(robots):
                err(f"task {tid!r}: named robots {s.robot_ids} not all used: {robots}")
            workers = sum(1 for r in s.robot_ids if fleet.has_robot(r) and fleet.robot(r).type != partner)
            if extra and (
                partner is None
                or len(extra) > max(1, workers)
                or any(fleet.robot(r).type != partner for r in extra)
            ):
                err(f"task {tid!r}: robots {extra} added to the named {s.robot_ids}")
        else:
            want_types = Counter[str]()
            for t, c in zip(s.robot_type, s.robot_count):
                want_types[t] += c
            got = Counter(fleet.robot(r).type for r in known)
            workers = sum(want_types.values())
            if partner is not None and partner not in want_types and got.get(partner, 0) <= max(1, workers):
                got.pop(partner, None)
            if got != want_types:
                err(f"task {tid!r}: wants {dict(want_types)} robots, got {dict(got)} ({robots})")
        for r in known:
            rb = fleet.robot(r)
            if s.skill not in rb.skills and rb.type != partner:
                err(f"task {tid!r}: robot {r!r} cannot perform {s.skill!r}")
        if (
            partner is not None
            and spec.action in CHOSEN_PARTNER_ACTIONS
            and not any(fleet.robot(r).type == partner for r in known)
            and any(r.id not in state.unavailable for r in fleet.of_type(partner))
        ):
            err(f"task {tid!r}: {s.skill!r} has no {partner} partner, though one is available")
        if set(x.travel_s) != set(robots):
            err(f"task {tid!r}: travel given for {sorted(x.travel_s)}, robots are {sorted(robots)}")
        if any(v < -_TOL for v in x.travel_s.values()):
            err(f"task {tid!r}: negative travel {dict(x.travel_s)}")
        expect_ready = x.start + max(x.travel_s.values(), default=0.0)
        if abs(x.ready - expect_ready) > _TOL:
            err(f"task {tid!r}: ready {x.ready:.3f} != start + slowest travel {expect_ready:.3f}")
        if abs(x.finish - (x.ready + spec.duration_s)) > _TOL:
            err(f"task {tid!r}: finish {x.finish:.3f} != ready + duration {x.ready + spec.duration_s:.3f}")
    # one subtask at a time per robot, after other plans and running work
    hold: dict[str, float] = {r: float(t) for r, t in state.busy_until.items()}
    for _, (robots, finish) in running.items():
        for r in robots:
            hold[r] = max(hold.get(r, -float("inf")), float(finish))
    per_robot: dict[str, list[tuple[float, float, str]]] = {}
    for tid, x in a.items():
        for r in x.robot_ids:
            per_robot.setdefault(r, []).append((x.start, x.finish, tid))
    for r, items in per_robot.items():
        items.sort()
        if r in hold and items[0][0] < hold[r] - _TOL:
            err(f"robot {r!r} starts {items[0][2]!r} at {items[0][0]:.3f}, but is held until {hold[r]:.3f}")
        for (s0, f0, t0), (s1, _, t1) in zip(items, items[1:]):
            if s1 < f0 - _TOL:
                err(f"robot {r!r} does {t0!r} [{s0:.3f}, {f0:.3f}] and {t1!r} (from {s1:.3f}) at once")
        order = tuple(t for _, _, t in items)
        if tuple(schedule.robot_order.get(r, ())) != order:
            err(
                f"robot_order[{r!r}] = {schedule.robot_order.get(r)} but its assignments by start are {order}"
            )
    for r, items in per_robot.items():
        if fleet.has_robot(r):
            errs += _soil_problems(r, [t for _, _, t in items], graph, fleet, done, running)
    for r, order in schedule.robot_order.items():
        if order and r not in per_robot:
            err(f"robot_order[{r!r}] lists {order} but the robot has no assignment")
    end = max([state.now, *fin.values()])
    if abs(schedule.makespan - (end - state.now)) > _TOL:
        err(f"makespan {schedule.makespan:.3f} != latest finish - now = {end - state.now:.3f}")
    if schedule.lower_bound > schedule.makespan + _TOL:
        err(f"lower bound {schedule.lower_bound:.3f} exceeds the makespan {schedule.makespan:.3f}")
    if schedule.bound is not None and schedule.bound > schedule.makespan + _TOL:
        err(f"proven bound {schedule.bound:.3f} exceeds the makespan {schedule.makespan:.3f}")
    return errs


def _role(graph: TaskGraph, fleet: Fleet, tid: str, robot: str) -> tuple[SoilRole, SkillAction]:
    spec = fleet.skills.get(graph[tid].skill)
    if spec is None:
        return SoilRole.NONE, SkillAction.NAVIGATE
    return soil_role(spec.action, fleet.robot(robot).type == spec.partner_type), spec.action


def _soil_problems(
    robot: str,
    order: list[str],
    graph: TaskGraph,
    fleet: Fleet,
    done: set[str],
    running: dict[str, tuple[tuple[str, ...], float]],
) -> list[str]:
    """Soil-carrying breaks of one robot doing ``order`` (see :mod:`.soil`).

    Loads taken on by done or running fills count as carried at the start, unless a done or
    running empty that depends on the fill took them out (robots of done subtasks are known
    when the plan names them).
    """
    events = [(t, *_role(graph, fleet, t, robot)) for t in order if t in graph and t not in done]
    events = [e for e in events if e[1] is not SoilRole.NONE]
    if not events:
        return []

    def robots_of(t: str) -> tuple[str, ...]:
        return running[t][0] if t in running else graph[t].robot_ids

    carried: list[tuple[int, str, SkillAction]] = []  # (position, fill task, its action)
    for t in [*done, *running]:
        if t not in graph or robot not in robots_of(t):
            continue
        role, action = _role(graph, fleet, t, robot)
        if role is not SoilRole.FILL or action not in EMPTIED_BY:
            continue
        if not any(
            (q in done or q in running) and (robot in robots_of(q) or not robots_of(q))
            for q in owed_empties(graph, fleet, t)
        ):
            carried.append((-1, t, action))
    carried += [
        (i, t, a) for i, (t, role, a) in enumerate(events) if role is SoilRole.FILL and a in EMPTIED_BY
    ]
    errs = []
    memo: dict[str, set[str]] = {}

    def owes(t: str) -> set[str]:
        if t not in memo:
            memo[t] = owed_empties(graph, fleet, t)
        return memo[t]

    def later(k: int, fill: str) -> set[str]:
        """The empties ``fill`` owes that this robot does after position ``k``."""
        below = owes(fill)
        return {e[0] for e in events[k + 1 :] if e[1] is SoilRole.EMPTY and e[0] in below}

    for i, fill, _ in carried:
        below = owes(fill)
        owed = [
            j for j in range(i + 1, len(events)) if events[j][1] is SoilRole.EMPTY and events[j][0] in below
        ]
        if not owed:
            continue
        first = events[owed[0]][0]
        for k in range(i + 1, owed[0]):
            t, role, act = events[k]
            if role is SoilRole.FILL and act in MERGING_FILLS and later(k, t) == later(k, fill):
                continue  # a second load in a bed that the same dumps take out (see .soil)
            what = "takes on another load in" if role is SoilRole.FILL else "empties its load in"
            errs.append(
                f"robot {robot!r} {what} {t!r} while it carries the load of {fill!r}, "
                f"which {first!r} is to empty"
            )
    return errs
