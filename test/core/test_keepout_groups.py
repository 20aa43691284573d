"""Keep-outs for unnamed groups ("the third truck keeps away from soil 1") bound to concrete robots.

One binding (dart_planner.core.keepout_groups) serves the safety gate, the allocation model and the
execution engine; these tests check the binding itself, that the gate accepts what a person reads plainly
and still refuses what cannot work, that the allocator never sends the fenced robot in, and that such a plan
runs in the simulator without the fenced truck entering the zone.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from example_data import CONFIG

from dart_planner.core.allocate import ALLOCATORS, allocate
from dart_planner.core.errors import PlanValidationError
from dart_planner.core.execute import ExecutionEngine
from dart_planner.core.keepout_groups import KeepoutBinding, bind_keepout_groups, is_group_keepout
from dart_planner.core.plan import TaskGraph, load_plan_document
from dart_planner.core.safety import SafetyPolicy, load_safety_policy
from dart_planner.runner import RunOptions, run_in_sim
from dart_planner.sim import Simulation
from dart_planner.sim.actuator import SimActuator

NAV = "target_area_for_specific_robots"
AVOID = "avoid_areas_for_specific_robots"
ALLOW = "allow_areas_for_specific_robots"
AVOID_ALL = "avoid_areas_for_all_robots"
ALLOW_ALL = "allow_areas_for_all_robots"
DIG = "Excavation"
LOAD = "ExcavatorUnloading"
TIP = "DumpUnloading"
HOME = "return_to_start_for_specific_robots"
T1, T2, T3 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_dump_truck_03"
E1 = "robot_excavator_01"


def task(name, skill, robots=(), deps=(), objs=(), types=None):
    func = {"name": skill, "robot_ids": list(robots), "dependencies": list(deps), "object_keywords": list(objs)}
    if types:
        func.update(robot_type=[t for t, _ in types], robot_count=[c for _, c in types])
    return {"task": name, "instruction_function": func}


def plan(*tasks) -> TaskGraph:
    return load_plan_document({"tasks": list(tasks)})


def trucks(n: int) -> list[tuple[str, int]]:
    return [("dump_truck", n)]


@pytest.fixture(scope="module")
def policy() -> SafetyPolicy:
    return load_safety_policy(CONFIG / "safety.yaml")


def haul_with_idle_truck() -> TaskGraph:
    """L3_333's shape: two trucks work at soil 1 and rock 2; "the third truck is not needed and keeps away from
    both", a fence that no dependency orders against the moves."""
    return plan(
        task("go_soil", NAV, objs=["soil1"], types=[("excavator", 1), ("dump_truck", 1)]),
        task("dig", DIG, deps=["go_soil"], types=[("excavator", 1)]),
        task("load", LOAD, deps=["dig"], types=[("excavator", 1)]),
        task("haul", NAV, deps=["load"], objs=["puddle2"], types=trucks(1)),
        task("tip", TIP, deps=["haul"], types=trucks(1)),
        task("go_rock", NAV, objs=["rock2"], types=trucks(1)),
        task("fence", AVOID, objs=["soil1", "rock2"], types=trucks(1)),
    )


# ---------------------------------------------------------------------------- the binding
def test_the_truck_the_plan_leaves_free_is_bound_from_the_end_of_the_fleet(fleet):
    b = bind_keepout_groups(haul_with_idle_truck(), fleet)
    assert dict(b.robots) == {"fence": (T3,)} and b.forced == ()


def test_the_binding_is_deterministic_and_only_unordered_groups_follow_the_listing(fleet):
    # the guarantee: the same plan and fleet always give the same robots; listing the subtasks in another order
    # changes nothing that a dependency decides (one group, groups in a chain), and unordered groups of the same
    # object share out the same robots, the one listed first taking the one freest (review A.8: the old test had
    # a single group, so it said more than the binding does)
    def robots(x: TaskGraph) -> dict[str, tuple[str, ...]]:
        return dict(bind_keepout_groups(x, fleet).robots)

    def reverse(x: TaskGraph) -> TaskGraph:
        return x.replace_subtasks(reversed(x.subtasks))

    g = haul_with_idle_truck()
    assert robots(g) == robots(g) == robots(reverse(g)) == {"fence": (T3,)}
    chain = plan(task("f1", AVOID, objs=["soil1"], types=trucks(1)),
                 task("f2", AVOID, deps=["f1"], objs=["soil1"], types=trucks(1)))
    assert robots(chain) == robots(reverse(chain)) == {"f1": (T3,), "f2": (T2,)}
    pair = plan(task("f1", AVOID, objs=["soil1"], types=trucks(1)), task("f2", AVOID, objs=["soil1"], types=trucks(1)))
    assert robots(pair) == robots(pair) == {"f1": (T3,), "f2": (T2,)}
    assert robots(reverse(pair)) == {"f2": (T3,), "f1": (T2,)}


def test_robots_the_plan_names_are_left_out_of_the_group(fleet):
    # truck 3 is named to drive into the fenced soil while the fence may be in force: fencing it would refuse the
    # plan, so the group gets the last truck the plan does not need there
    g = plan(task("go", NAV, [T3], objs=["soil1"]), task("fence", AVOID, objs=["soil1"], types=trucks(1)))
    assert bind_keepout_groups(g, fleet).robots["fence"] == (T2,)
    # named for work elsewhere: still a job for it, so another truck is the idle one
    g = plan(task("go", NAV, [T3], objs=["rock1"]), task("fence", AVOID, objs=["soil1"], types=trucks(1)))
    assert bind_keepout_groups(g, fleet).robots["fence"] == (T2,)
    # a move that finished before the fence goes up does not hold the truck
    g = plan(task("go", NAV, [T3], objs=["soil1"]), task("fence", AVOID, deps=["go"], objs=["soil1"], types=trucks(1)))
    assert bind_keepout_groups(g, fleet).robots["fence"] == (T2,)  # (still named by the plan: tier 3)
    # ... so with every truck named for work, the one that went in before the fence is as free as the others
    g = plan(task("go", NAV, [T3], objs=["soil1"]), task("busy", NAV, [T1, T2], objs=["rock1"]),
             task("fence", AVOID, deps=["go"], objs=["soil1"], types=trucks(1)))
    b = bind_keepout_groups(g, fleet)
    assert b.robots["fence"] == (T3,) and b.forced == ()
    g = plan(task("go", NAV, [T1, T2], objs=["rock1"]), task("fence", AVOID, objs=["soil1"], types=trucks(2)))
    assert bind_keepout_groups(g, fleet).robots["fence"] == (T3, T2)  # as many as asked, free ones first


def test_two_groups_kept_out_of_the_same_place_are_different_trucks(fleet):
    g = plan(task("f1", AVOID, objs=["soil1"], types=trucks(1)),
             task("f2", AVOID, deps=["f1"], objs=["soil1"], types=trucks(1)))
    b = bind_keepout_groups(g, fleet)
    assert (b.robots["f1"], b.robots["f2"]) == ((T3,), (T2,))


def test_lifting_a_group_fence_opens_it_for_the_same_robots(fleet, world, policy):
    g = plan(
        task("busy", NAV, [T3], objs=["rock1"]),
        task("fence", AVOID, objs=["soil1"], types=trucks(1)),
        task("lift", ALLOW, deps=["fence"], objs=["soil1"], types=trucks(1)),
        task("go", NAV, deps=["lift"], objs=["soil1"], types=trucks(3)),
    )
    b = bind_keepout_groups(g, fleet)
    assert b.robots["fence"] == b.robots["lift"] == (T2,)
    # the lifting opens the fence it lifts: all three trucks may go in afterwards
    assert b.forced == () and policy.check_plan(g, fleet, world) == []
    # the engine fences and opens the same truck: nothing is left in the world
    sim = Simulation(fleet, world)
    act = SimActuator(sim)
    engine = ExecutionEngine(fleet, world, act, clock=sim.clock)
    pid = engine.submit(g)  # the plan the gate checked
    seen = []
    while not engine.is_finished(pid) and sim.time < 600:
        act.step()
        engine.tick()
        seen.append(tuple(sorted(z.robots) for z in engine.world.keep_out))
    assert engine.plan_outcome(pid).value == "succeeded"
    assert ([T2],) in seen and engine.world.keep_out == ()
    robots = {s.task_id: s.robots for s in engine.status(pid).subtasks}
    assert {t: robots[t] for t in ("busy", "fence", "lift")} == {"busy": (T3,), "fence": (T2,), "lift": (T2,)}
    assert sorted(robots["go"]) == [T1, T2, T3]


def test_a_partial_lifting_opens_the_fence_for_the_robot_sent_in_after_it(fleet, world, policy):
    # review A.2: trucks 1 and 3 are busy, two trucks are fenced, one is let in again and truck 2 goes in; the
    # lifting took the fence's first truck (T3) and the gate refused the move of T2
    g = plan(task("b1", NAV, [T1], objs=["rock1"]), task("b3", NAV, [T3], objs=["rock1"]),
             task("fence", AVOID, objs=["soil1"], types=trucks(2)),
             task("lift", ALLOW, deps=["fence"], objs=["soil1"], types=trucks(1)),
             task("go", NAV, [T2], deps=["lift"], objs=["soil1"]))
    b = bind_keepout_groups(g, fleet)
    assert b.robots["fence"] == (T3, T2) and b.robots["lift"] == (T2,)
    assert policy.check_plan(g, fleet, world) == []
    # with nobody sent in after it, the lifting keeps the fence's order
    g = g.replace_subtasks(s for s in g.subtasks if s.id != "go")
    b = bind_keepout_groups(g, fleet)
    assert b.robots["lift"] == b.robots["fence"][:1]


def test_a_lifting_no_dependency_orders_against_its_fence_lifts_it(fleet):
    # lifted_fence's second choice: no fence among the lifting's ancestors, one racing it
    g = plan(task("busy", NAV, [T3], objs=["rock1"]), task("fence", AVOID, objs=["soil1"], types=trucks(1)),
             task("lift", ALLOW, objs=["soil1"], types=trucks(1)))
    b = bind_keepout_groups(g, fleet)
    assert b.robots["fence"] == b.robots["lift"] == (T2,)
    # a fence among its ancestors wins over a racing one
    g = plan(task("f1", AVOID, objs=["soil1"], types=trucks(1)), task("f2", AVOID, objs=["soil1"], types=trucks(1)),
             task("lift", ALLOW, deps=["f2"], objs=["soil1"], types=trucks(1)))
    b = bind_keepout_groups(g, fleet)
    assert b.robots["lift"] == b.robots["f2"] != b.robots["f1"]


def test_the_group_leaves_out_trucks_able_to_make_a_typed_move_into_the_fence(fleet, world, policy):
    # tier 4: truck 1 cannot drive to a target, so fencing it costs the typed move nothing; fencing truck 3 (the
    # last in fleet order) would leave one truck for a move that needs two
    spare = fleet.with_robots(r if r.id != T1 else replace(r, skills=r.skills - {NAV}) for r in fleet.robots)
    g = plan(task("fence", AVOID, objs=["soil1"], types=trucks(1)),
             task("go", NAV, deps=["fence"], objs=["soil1"], types=trucks(2)))
    assert bind_keepout_groups(g, spare).robots["fence"] == (T1,)
    assert policy.check_plan(g, spare, world) == []
    assert bind_keepout_groups(g, fleet).robots["fence"] == (T3,)  # the shipped fleet: every truck can


def test_a_lifting_without_a_fence_of_its_own_binds_the_robots_sent_in_after_it(fleet):
    g = plan(task("lift", ALLOW, objs=["soil1"], types=trucks(1)), task("go", NAV, [T2], ["lift"], ["soil1"]))
    assert bind_keepout_groups(g, fleet).robots["lift"] == (T2,)
    g = plan(task("lift", ALLOW, objs=["soil1"], types=trucks(1)))
    assert bind_keepout_groups(g, fleet).robots["lift"] == (T1,)


def test_named_and_fleet_wide_keepouts_are_not_rebound(fleet):
    g = plan(task("f", AVOID, [T1], objs=["soil1"]), task("a", AVOID_ALL, objs=["rock1"]),
             task("go", NAV, objs=["soil1"], types=trucks(2)))
    b = bind_keepout_groups(g, fleet)
    assert dict(b.robots) == {} and b.forced == ()
    assert not any(is_group_keepout(s, fleet) for s in g.subtasks)
    assert b.robots_for(g["f"], fleet) == (T1,) and b.robots_for(g["a"], fleet) is None


def test_a_binding_answers_only_for_the_plan_it_was_made_for(fleet, world, policy):
    # review A.6: robots_for fell back to "every robot of the type" for a group it had not bound, which hid a
    # binding made on another graph; a streamed prefix is bound on its own and may bind differently
    whole = plan(task("fence", AVOID, objs=["soil1"], types=trucks(1)),
                 task("go", NAV, [T3], deps=["fence"], objs=["soil1"]))
    prefix = TaskGraph(whole.subtasks[:1])
    b_whole, b_prefix = bind_keepout_groups(whole, fleet), bind_keepout_groups(prefix, fleet)
    assert b_prefix.robots["fence"] == (T3,) and b_whole.robots["fence"] == (T2,)
    assert policy.check_plan(prefix, fleet, world) == [] and policy.check_plan(whole, fleet, world) == []
    assert b_whole.robots_for(whole["fence"], fleet) == (T2,)
    # a group keep-out of another plan (same id, other object), or one a binding never saw, is refused, not guessed
    other = plan(task("fence", AVOID, objs=["rock1"], types=trucks(1)))
    with pytest.raises(PlanValidationError, match="task fence: keep-out for an unnamed group"):
        b_whole.robots_for(other["fence"], fleet)
    with pytest.raises(PlanValidationError):
        bind_keepout_groups(plan(task("go", NAV, [T1], objs=["rock1"])), fleet).robots_for(whole["fence"], fleet)
    # named and fleet-wide keep-outs need no binding
    named = plan(task("f", AVOID, [T1], objs=["soil1"]), task("a", AVOID_ALL, objs=["rock1"]))
    none = KeepoutBinding()
    assert none.robots_for(named["f"], fleet) == (T1,) and none.robots_for(named["a"], fleet) is None


def test_too_few_robots_left_for_a_move_into_the_fence_is_refused_by_the_gate(fleet, world, policy):
    g = plan(task("fence", AVOID, objs=["soil1"], types=trucks(1)), task("go", NAV, objs=["soil1"], types=trucks(3)))
    b = bind_keepout_groups(g, fleet)
    assert b.robots["fence"] == (T3,) and b.forced == ()  # bound all the same (the engine needs robots to fence)
    # the gate judges the bound zone as it judges every zone (one check, not a second one in the binding)
    assert policy.check_plan(g, fleet, world) == [
        "task go: target soil1 lies inside keep-out zone(s) soil1 if fence runs first (no dependency orders them); "
        "only 2 dump_truck robot(s) may enter, 3 asked for"]
    # every truck named for the move: the group cannot avoid one of them, and the refusal says which it bound
    g = plan(task("fence", AVOID, objs=["soil1"], types=trucks(1)), task("go", NAV, [T1, T2, T3], objs=["soil1"]))
    (forced,) = bind_keepout_groups(g, fleet).forced
    assert (forced.fence, forced.move, forced.obj, forced.robot) == ("fence", "go", "soil1", T3)
    reasons = policy.check_plan(g, fleet, world)
    assert forced.reason in reasons
    assert "keeping 1 dump_truck away from soil1 binds robot_dump_truck_03" in forced.reason
    assert any("(in force for robot_dump_truck_03)" in r for r in reasons)


@pytest.mark.parametrize("lift", [
    task("lift", ALLOW_ALL, deps=["fence"], objs=["soil1"]),
    task("lift", ALLOW, [T1, T2, T3], deps=["fence"], objs=["soil1"]),
    task("lift", ALLOW, deps=["fence"], objs=["soil1"], types=trucks(1)),
], ids=["fleet-wide", "named", "group"])
@pytest.mark.parametrize("named", [True, False], ids=["named-move", "typed-move"])
def test_any_lifting_after_the_fence_opens_it_for_the_moves_after_the_lifting(fleet, world, policy, lift, named):
    # review A.1: a fleet-wide or named lifting was not counted, so the gate refused what 5121fc9 accepted
    go = task("go", NAV, [T1, T2, T3] if named else (), deps=["lift"], objs=["soil1"],
              types=None if named else trucks(3))
    g = plan(task("fence", AVOID, objs=["soil1"], types=trucks(1)), lift, go)
    assert bind_keepout_groups(g, fleet).forced == ()
    assert policy.check_plan(g, fleet, world) == []


def test_a_lifting_before_the_fence_or_for_too_few_robots_does_not_open_it(fleet, world, policy):
    g = plan(task("lift", ALLOW_ALL, objs=["soil1"]),
             task("fence", AVOID, deps=["lift"], objs=["soil1"], types=trucks(1)),
             task("go", NAV, [T1, T2, T3], deps=["fence"], objs=["soil1"]))
    assert [f.robot for f in bind_keepout_groups(g, fleet).forced] == [T3]
    assert policy.check_plan(g, fleet, world)
    g = plan(task("fence", AVOID, objs=["soil1"], types=trucks(1)),
             task("lift", ALLOW, [T1], deps=["fence"], objs=["soil1"]),
             task("go", NAV, [T1, T2, T3], deps=["lift"], objs=["soil1"]))
    b = bind_keepout_groups(g, fleet)
    assert [f.robot for f in b.forced] == [T3]
    reasons = policy.check_plan(g, fleet, world)
    assert b.forced[0].reason in reasons and any("in force for robot_dump_truck_03" in r for r in reasons)


# ---------------------------------------------------------------------------- the gate
def test_the_gate_accepts_a_fence_for_the_idle_truck(fleet, world, policy):
    assert policy.check_plan(haul_with_idle_truck(), fleet, world) == []


# ---------------------------------------------------------------------------- allocation
def busy_trucks_and_a_move_into_the_fence() -> TaskGraph:
    """Trucks 1 and 2 are busy at puddle 2 first; one (unnamed) truck keeps away from soil 1, then one truck goes
    there. Truck 3 is idle and closest in time, so an allocator that ignored the fence would send it."""
    return plan(
        task("busy", NAV, [T1, T2], objs=["puddle2"]),
        task("fence", AVOID, objs=["soil1"], types=trucks(1)),
        task("go", NAV, deps=["fence"], objs=["soil1"], types=trucks(1)),
        task("race", NAV, objs=["soil1"], types=trucks(1)),
    )


@pytest.mark.parametrize("policy_name", sorted(ALLOCATORS))
def test_a_typed_move_into_the_fence_never_goes_to_the_bound_robot(fleet, world, policy, policy_name):
    g = busy_trucks_and_a_move_into_the_fence()
    assert bind_keepout_groups(g, fleet).robots["fence"] == (T3,)
    assert policy.check_plan(g, fleet, world) == []
    s = allocate(g, fleet, world, policy=policy_name, time_limit_s=5.0)
    for t in ("go", "race"):  # after the fence, and racing it
        assert s.assignments[t].robot_ids and T3 not in s.assignments[t].robot_ids, (t, s.assignments[t])


def test_a_zone_of_the_site_bars_the_robots_it_applies_to_from_typed_moves(fleet, world):
    w = world.with_keep_out([world.keepout_for_object("soil1", [T3])])
    g = plan(task("busy", NAV, [T1, T2], objs=["puddle2"]), task("go", NAV, objs=["soil1"], types=trucks(1)))
    s = allocate(g, fleet, w, policy="heuristic")
    assert s.assignments["go"].robot_ids and T3 not in s.assignments["go"].robot_ids


# ---------------------------------------------------------------------------- one rule for gate and allocator
def test_a_fence_lifted_after_it_but_racing_the_move_may_be_in_force_for_gate_and_allocator(fleet, world, policy):
    # review A.5: the gate applied racing keep-outs in plan order (fence, then lifting: open) and the model in its
    # own order; a move no dependency orders against either can run between them, while the fence is up
    fence, lift = task("fence", AVOID, [T3], objs=["soil1"]), task("lift", ALLOW, [T3], ["fence"], ["soil1"])
    reasons = policy.check_plan(plan(fence, lift, task("go", NAV, [T3], objs=["soil1"])), fleet, world)
    assert reasons == ["task go: target soil1 lies inside keep-out zone soil1 if lift, fence runs first "
                       "(no dependency orders them) (in force for robot_dump_truck_03)"]
    # the plan listing them the other way round gives the same answer (liftings first, then fences)
    assert policy.check_plan(plan(lift, fence, task("go", NAV, [T3], objs=["soil1"])), fleet, world) == reasons
    # a typed move racing both never goes to truck 3, which the gate lets through (two trucks may enter)
    g = plan(task("busy", NAV, [T1, T2], objs=["puddle2"]), fence, lift,
             task("go", NAV, objs=["soil1"], types=trucks(1)))
    assert policy.check_plan(g, fleet, world) == []
    s = allocate(g, fleet, world, policy="heuristic")
    assert s.assignments["go"].robot_ids and T3 not in s.assignments["go"].robot_ids


def test_every_object_of_a_typed_move_counts_for_gate_and_allocator(fleet, world, policy):
    # review A.5: the model looked at the first object only, the gate at every one
    w = world.with_keep_out([world.keepout_for_object("soil1", [T3])])
    g = plan(task("busy", NAV, [T1, T2], objs=["puddle2"]), task("go", NAV, objs=["rock1", "soil1"], types=trucks(1)))
    assert policy.check_plan(g, fleet, w) == []
    s = allocate(g, fleet, w, policy="heuristic")
    assert s.assignments["go"].robot_ids and T3 not in s.assignments["go"].robot_ids
    named = plan(task("go", NAV, [T3], objs=["rock1", "soil1"]))
    assert policy.check_plan(named, fleet, w) == [
        "task go: target soil1 lies inside keep-out zone soil1 (in force for robot_dump_truck_03)"]


# ---------------------------------------------------------------------------- end to end
def test_a_plan_with_an_idle_truck_fenced_runs_and_the_truck_never_enters(fleet, world, policy):
    g = haul_with_idle_truck()
    assert policy.check_plan(g, fleet, world) == []
    zones = {o: world.keepout_for_object(o) for o in ("soil1", "rock2")}
    closest = {o: math.inf for o in zones}

    def watch(engine, sim):
        p = sim.robots[T3]
        for o, z in zones.items():
            closest[o] = min(closest[o], math.hypot(p.x - z.x, p.y - z.y))

    r = run_in_sim(g, fleet, world, RunOptions(max_sim_time_s=1800.0), on_step=watch, step_every=1)
    assert r.succeeded, [(s.task_id, s.state.value, s.reason) for s in r.status.subtasks]
    assert r.final.keepout_violations == ()
    robots = {s.task_id: s.robots for s in r.status.subtasks}
    assert robots["fence"] == (T3,)
    assert all(T3 not in robots[t] for t in ("go_soil", "go_rock", "haul", "tip", "load"))
    assert all(closest[o] > zones[o].radius for o in zones), closest
