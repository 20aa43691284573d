"""Every shipped example plan is executable in the simulator, goal by goal.

A deliberately naive dispatcher (dependencies in order, no retries) drives the simulator
directly: this checks the simulator's skill semantics against the plans people write (dig at
a rock, one truck for two excavators, avoid then go, haul home), independently of the
execution engine.

Named robots are used as written. A type+count subtask gets the robots the heuristic
allocator chose for it (partners left out: a truck is brought by the plan's own moves), not
"the first idle robots of the type" per subtask: picking per subtask lets an unnamed crew's
Excavation and its ExcavatorUnloading land on different excavators (the one that digs is not
the one asked to unload), which breaks any plan with two unnamed groups of a type.
"""

from __future__ import annotations

import pytest
from example_data import example_files

from dart_planner.core.actuation import GoalStatus, SkillGoal, SkillResult
from dart_planner.core.allocate import allocate
from dart_planner.core.fleet import Fleet, SkillAction, SkillScope
from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.world import World
from dart_planner.sim import Simulation

FLEET_LEVEL = (SkillAction.ADD_KEEPOUT, SkillAction.REMOVE_KEEPOUT)


def _robots(st: Subtask, fleet: Fleet, chosen: TaskGraph) -> list[str | None]:
    spec = fleet.skills[st.skill]
    if st.robot_ids:
        return list(st.robot_ids)
    if spec.scope is SkillScope.ALL:
        return [None] if spec.action in FLEET_LEVEL else [r.id for r in fleet.robots if st.skill in r.skills]
    # type+count: the allocator's choice, without the implicit partner (it does not run the skill)
    return [r for r in chosen[st.id].robot_ids if st.skill in fleet.robot(r).skills]


def run_plan(graph: TaskGraph, fleet: Fleet, world: World) -> tuple[dict[str, str], Simulation]:
    chosen = allocate(graph, fleet, world, "heuristic").resolved_graph(graph)
    sim = Simulation(fleet, world)
    status: dict[str, str] = {}
    open_goals: dict[str, set[str]] = {}
    busy: set[str] = set()
    while sim.time < 3000.0:
        for tid in graph.topological_order():
            st = graph[tid]
            if tid in status or any(status.get(d) != "ok" for d in st.dependencies):
                continue
            robots = _robots(st, fleet, chosen)
            if any(r in busy for r in robots if r):
                continue
            status[tid], open_goals[tid] = "running", set()
            spec = fleet.skills[st.skill]
            for r in robots:
                gid = f"{tid}:{r}"
                open_goals[tid].add(gid)
                busy |= {r} if r else set()
                target = st.object_keywords[0] if st.object_keywords else None
                sim.start_skill(SkillGoal(gid, "plan", tid, r, st.skill, spec.action, target=target))
        for e in sim.step():
            if isinstance(e, SkillResult):
                tid = e.goal_id.split(":")[0]
                busy.discard(e.robot_id or "")
                open_goals[tid].discard(e.goal_id)
                if e.status is not GoalStatus.SUCCEEDED:
                    status[tid] = f"{e.status.value}: {e.reason}"
                elif not open_goals[tid] and status[tid] == "running":
                    status[tid] = "ok"
        if len(status) == len(graph) and "running" not in status.values():
            break
    return status, sim


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_example_plan_runs_to_completion_safely(path, fleet: Fleet, world: World, examples: dict) -> None:  # noqa: ANN001
    graph = TaskGraph.from_dart(examples[path.stem]["plan"])
    status, sim = run_plan(graph, fleet, world)
    assert status == {tid: "ok" for tid in graph.ids}
    snap = sim.snapshot()
    assert snap.safe and sum(snap.guard_stops.values()) == 0
    assert snap.total_soil == pytest.approx(60.0)
    # soil dug is soil somewhere: still carried, or dumped
    dug = 60.0 - sum(snap.piles.values()) + sum(snap.excavated.values())
    carried = sum(r.payload for r in snap.robots.values())
    assert dug == pytest.approx(carried + sum(snap.dumped.values()))
    actions = {fleet.skills[graph[t].skill].action for t in graph.ids}
    if {SkillAction.DIG, SkillAction.UNLOAD_BUCKET, SkillAction.DUMP} <= actions:
        assert sum(snap.dumped.values()) > 0  # a dig-load-dump plan ends with soil at a dump site
