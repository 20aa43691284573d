"""Soil carrying and chosen partners: a bucket or a bed holds one load, an unloading needs a
truck. The allocators must order each robot's work so that what it digs (or is poured) is
unloaded (or dumped) before it takes on another load, and give an unloading a truck when the
plan brought none; verify_schedule must catch schedules that do not."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from dart_planner.core.allocate import allocate, reallocate
from dart_planner.core.allocation import build_problem, random_instance
from dart_planner.core.allocation.soil import owed_empties
from dart_planner.core.allocation.verify import verify_schedule
from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.schedule import Assignment, LiveState, Schedule
from dart_planner.runner import RunOptions, run_in_sim

NAV = "target_area_for_specific_robots"
POLICIES = ["dart_baseline", "heuristic", "exact"]
E1, E2 = "robot_excavator_01", "robot_excavator_02"
K1, K2, K3 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_dump_truck_03"
SOIL = {"Excavation", "ExcavatorUnloading", "DumpUnloading"}


def T(tid, skill, deps=(), obj=None, ids=(), types=()):  # noqa: N802 - reads like a plan row
    return Subtask(
        tid,
        skill,
        robot_ids=tuple(ids),
        robot_type=tuple(t for t, _ in types),
        robot_count=tuple(c for _, c in types),
        object_keywords=(obj,) if obj else (),
        dependencies=tuple(deps),
    )


def plan(*subtasks: Subtask) -> TaskGraph:
    return TaskGraph(tuple(subtasks))


def two_digs_one_excavator() -> TaskGraph:
    """Excavator 1 digs twice at rock 1, once for each truck; both trucks arrive late (two
    detours each), so digging twice while they drive looks shorter, but the second dig would
    find the bucket full and the second unloading would find it empty."""
    return plan(
        T("goE", NAV, obj="rock1", ids=[E1]),
        T("goK1", NAV, obj="rock2", ids=[K1]),
        T("viaK1", NAV, ["goK1"], obj="obstacle2", ids=[K1]),
        T("backK1", NAV, ["viaK1"], obj="rock1", ids=[K1]),
        T("goK2", NAV, obj="obstacle2", ids=[K2]),
        T("viaK2", NAV, ["goK2"], obj="rock2", ids=[K2]),
        T("backK2", NAV, ["viaK2"], obj="rock1", ids=[K2]),
        T("digA", "Excavation", ["goE"], ids=[E1]),
        T("digB", "Excavation", ["goE"], ids=[E1]),
        T("loadA", "ExcavatorUnloading", ["digA", "backK1"], ids=[E1]),
        T("loadB", "ExcavatorUnloading", ["digB", "backK2"], ids=[E1]),
        T("haulA", NAV, ["loadA"], obj="puddle1", ids=[K1]),
        T("dumpA", "DumpUnloading", ["haulA"], ids=[K1]),
        T("haulB", NAV, ["loadB"], obj="puddle2", ids=[K2]),
        T("dumpB", "DumpUnloading", ["haulB"], ids=[K2]),
    )


def soil_order(schedule: Schedule, graph: TaskGraph, robot: str) -> list[str]:
    return [t for t in schedule.robot_order[robot] if graph[t].skill in SOIL]


def hand_schedule(graph: TaskGraph, fleet, rows: Iterable[tuple[str, tuple[str, ...], float]]) -> Schedule:
    """A schedule with the given (task, robots, start): no travel, nominal durations, so only
    the rule under test can be broken."""
    assignments = {}
    per_robot: dict[str, list[tuple[float, str]]] = {}
    for tid, robots, start in rows:
        finish = start + fleet.skills[graph[tid].skill].duration_s
        assignments[tid] = Assignment(tid, robots, start, start, finish, dict.fromkeys(robots, 0.0))
        for r in robots:
            per_robot.setdefault(r, []).append((start, tid))
    return Schedule(
        policy="hand",
        assignments=assignments,
        robot_order={r: tuple(t for _, t in sorted(v)) for r, v in per_robot.items()},
        makespan=max(a.finish for a in assignments.values()),
        lower_bound=0.0,
    )


# -- the excavator's bucket ------------------------------------------------------------------
@pytest.mark.parametrize("policy", POLICIES)
def test_two_dig_chains_on_one_excavator_alternate_dig_and_unload(fleet, world, policy):
    g = two_digs_one_excavator()
    s = allocate(g, fleet, world, policy)
    order = soil_order(s, g, E1)
    assert order in (["digA", "loadA", "digB", "loadB"], ["digB", "loadB", "digA", "loadA"])
    assert verify_schedule(s, g, fleet, world) == []
    assert "soil_conflicts" not in s.info


def test_type_and_count_chains_that_share_an_excavator_by_continuity_alternate(fleet, world):
    # chain B hangs off chain A's dig, so its drive and dig inherit A's excavator; A's truck
    # is slow to come, B's is quick: B's dig must still wait for A's unloading
    g = plan(
        T("goA", NAV, obj="soil1", types=[("excavator", 1)]),
        T("digA", "Excavation", ["goA"], types=[("excavator", 1)]),
        T("farK", NAV, obj="rock2", types=[("dump_truck", 1)]),
        T("loadA", "ExcavatorUnloading", ["digA", "farK"], types=[("excavator", 1)]),
        T("goB", NAV, ["digA"], obj="soil1", types=[("excavator", 1)]),
        T("digB", "Excavation", ["goB"], types=[("excavator", 1)]),
        T("loadB", "ExcavatorUnloading", ["digB"], types=[("excavator", 1)]),
    )
    for policy in POLICIES:
        s = allocate(g, fleet, world, policy)
        exc = s.robots_of("digA")[0]
        assert s.robots_of("digB")[0] == exc
        assert soil_order(s, g, exc) == ["digA", "loadA", "digB", "loadB"]
        assert verify_schedule(s, g, fleet, world) == []


def test_a_dig_that_is_never_unloaded_binds_nothing(fleet, world):
    # an errand dig (no unloading depends on it) leaves soil in the bucket; a later crew's dig
    # then just finds it full, which the simulator accepts, so nothing has to wait for it
    g = plan(
        T("errand", "Excavation", ids=[E1]),
        T("go", NAV, ["errand"], obj="soil1", ids=[E1]),
        T("dig", "Excavation", ["go"], ids=[E1]),
        T("load", "ExcavatorUnloading", ["dig"], ids=[E1, K1]),
    )
    assert owed_empties(g, fleet, "errand") == set()  # "load" is owed by "dig", not by "errand"
    assert owed_empties(g, fleet, "dig") == {"load"}
    s = allocate(g, fleet, world, "heuristic")
    assert verify_schedule(s, g, fleet, world) == []
    assert "soil_conflicts" not in s.info


# -- the truck's bed ---------------------------------------------------------------------------
def two_loads_one_truck() -> TaskGraph:
    return plan(
        T("digA", "Excavation", ids=[E1]),
        T("digB", "Excavation", ids=[E2]),
        T("loadA", "ExcavatorUnloading", ["digA"], ids=[E1, K1]),
        T("loadB", "ExcavatorUnloading", ["digB"], ids=[E2, K1]),
        T("haulA", NAV, ["loadA"], obj="puddle1", ids=[K1]),
        T("dumpA", "DumpUnloading", ["haulA"], ids=[K1]),
        T("haulB", NAV, ["loadB"], obj="puddle2", ids=[K1]),
        T("dumpB", "DumpUnloading", ["haulB"], ids=[K1]),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_loaded_truck_dumps_before_it_is_loaded_again(fleet, world, policy):
    g = two_loads_one_truck()
    s = allocate(g, fleet, world, policy)
    assert soil_order(s, g, K1) in (
        ["loadA", "dumpA", "loadB", "dumpB"],
        ["loadB", "dumpB", "loadA", "dumpA"],
    )
    assert verify_schedule(s, g, fleet, world) == []


def test_two_excavators_may_fill_one_truck_that_dumps_once(fleet, world):
    g = plan(
        T("digA", "Excavation", ids=[E1]),
        T("digB", "Excavation", ids=[E2]),
        T("loadA", "ExcavatorUnloading", ["digA"], ids=[E1, K1]),
        T("loadB", "ExcavatorUnloading", ["digB"], ids=[E2, K1]),
        T("haul", NAV, ["loadA", "loadB"], obj="puddle1", ids=[K1]),
        T("dump", "DumpUnloading", ["haul"], ids=[K1]),
    )
    for policy in POLICIES:
        s = allocate(g, fleet, world, policy)
        assert soil_order(s, g, K1)[-1] == "dump"
        assert verify_schedule(s, g, fleet, world) == []
        assert "soil_conflicts" not in s.info


def test_a_load_goes_to_the_truck_that_will_dump_it(fleet, world):
    # both trucks came to the soil; the loading may use either, but only truck 2 hauls and
    # dumps this load afterwards, so pouring into truck 1 would leave truck 2 empty
    g = plan(
        T("go", NAV, obj="soil1", ids=[E1, K1, K2]),
        T("dig", "Excavation", ["go"], ids=[E1]),
        T("load", "ExcavatorUnloading", ["dig"], ids=[E1]),
        T("haul", NAV, ["load"], obj="puddle2", ids=[K2]),
        T("dump", "DumpUnloading", ["haul"], ids=[K2]),
    )
    for policy in POLICIES:
        assert allocate(g, fleet, world, policy).robots_of("load") == (E1, K2)


# -- a partner when the plan brought none ----------------------------------------------------
def test_the_chosen_partner_is_the_one_beside_the_excavator_soonest_and_it_hauls(fleet, world):
    # truck 1 (the nearest) is sent far away first, so truck 2 can be there sooner; the truck
    # that is loaded is the one the later type+count haul inherits
    g = plan(
        T("errand", NAV, obj="rock2", ids=[K1]),
        T("dig", "Excavation", ids=[E1]),
        T("load", "ExcavatorUnloading", ["dig"], ids=[E1]),
        T("haul", NAV, ["load"], obj="puddle2", types=[("dump_truck", 1)]),
        T("dump", "DumpUnloading", ["haul"], types=[("dump_truck", 1)]),
    )
    for policy in ("heuristic", "exact"):
        s = allocate(g, fleet, world, policy)
        assert s.robots_of("load") == (E1, K2)
        assert s.robots_of("haul") == s.robots_of("dump") == (K2,)
        truck = fleet.robot(K2)
        gap = abs(truck.start.x - fleet.robot(E1).start.x) - 2.0  # PARTNER_GAP_M beside it
        assert s.assignments["load"].travel_s[K2] == pytest.approx(gap / truck.max_speed)
        assert verify_schedule(s, g, fleet, world) == []
    base = allocate(g, fleet, world, "dart_baseline")  # first truck of the fleet, after its errand
    assert base.robots_of("load") == (E1, K1)
    assert base.assignments["load"].start >= base.assignments["errand"].finish
    assert verify_schedule(base, g, fleet, world) == []


def test_no_partner_when_every_truck_is_unavailable_or_for_a_truck_side_loading(fleet, world):
    g = plan(T("dig", "Excavation", ids=[E1]), T("load", "ExcavatorUnloading", ["dig"], ids=[E1]))
    down = LiveState(unavailable=frozenset({K1, K2, K3}))
    s = allocate(g, fleet, world, "heuristic", state=down)
    assert s.robots_of("load") == (E1,)
    assert verify_schedule(s, g, fleet, world, down) == []
    # DumpLoading: the truck waits for a pour only an ExcavatorUnloading makes, so an added
    # excavator would stand idle; none is chosen when the plan brought none
    g2 = plan(T("recv", "DumpLoading", ids=[K1]))
    assert allocate(g2, fleet, world, "heuristic").robots_of("recv") == (K1,)


# -- verify_schedule catches both rules -------------------------------------------------------
def test_verify_flags_interleaved_digs_on_one_excavator(fleet, world):
    g = plan(
        T("digA", "Excavation", ids=[E1]),
        T("digB", "Excavation", ids=[E1]),
        T("loadA", "ExcavatorUnloading", ["digA"], ids=[E1, K1]),
        T("loadB", "ExcavatorUnloading", ["digB"], ids=[E1, K2]),
    )
    ok = hand_schedule(g, fleet, [("digA", (E1,), 0), ("loadA", (E1, K1), 20), ("digB", (E1,), 30),
                                  ("loadB", (E1, K2), 50)])
    assert verify_schedule(ok, g, fleet, world) == []
    bad = hand_schedule(g, fleet, [("digA", (E1,), 0), ("digB", (E1,), 20), ("loadA", (E1, K1), 40),
                                   ("loadB", (E1, K2), 50)])
    assert verify_schedule(bad, g, fleet, world) == [
        f"robot {E1!r} takes on another load in 'digB' while it carries the load of 'digA', "
        "which 'loadA' is to empty",
        f"robot {E1!r} empties its load in 'loadA' while it carries the load of 'digB', "
        "which 'loadB' is to empty",
    ]
    # unloading B's soil first empties A's load into the wrong truck
    wrong = hand_schedule(g, fleet, [("digA", (E1,), 0), ("loadB", (E1, K2), 20), ("digB", (E1,), 30),
                                     ("loadA", (E1, K1), 50)])
    errs = verify_schedule(wrong, g, fleet, world)
    assert f"robot {E1!r} empties its load in 'loadB' while it carries the load of 'digA', which " \
           "'loadA' is to empty" in errs
    assert any("dependency 'digB'" in e for e in errs)  # loadB before its own dig, too


def test_verify_flags_a_truck_loaded_twice_before_its_dump(fleet, world):
    g = two_loads_one_truck()
    bad = hand_schedule(g, fleet, [
        ("digA", (E1,), 0), ("digB", (E2,), 0), ("loadA", (E1, K1), 20), ("loadB", (E2, K1), 30),
        ("haulA", (K1,), 40), ("dumpA", (K1,), 42), ("haulB", (K1,), 54), ("dumpB", (K1,), 56),
    ])
    assert verify_schedule(bad, g, fleet, world) == [
        f"robot {K1!r} takes on another load in 'loadB' while it carries the load of 'loadA', "
        "which 'dumpA' is to empty",
        f"robot {K1!r} empties its load in 'dumpA' while it carries the load of 'loadB', "
        "which 'dumpB' is to empty",
    ]


def test_verify_flags_an_unloading_without_a_truck(fleet, world):
    g = plan(T("dig", "Excavation", ids=[E1]), T("load", "ExcavatorUnloading", ["dig"], ids=[E1]))
    bad = hand_schedule(g, fleet, [("dig", (E1,), 0), ("load", (E1,), 20)])
    assert verify_schedule(bad, g, fleet, world) == [
        "task 'load': 'ExcavatorUnloading' has no dump_truck partner, though one is available"
    ]
    down = LiveState(unavailable=frozenset({K1, K2, K3}))
    assert verify_schedule(bad, g, fleet, world, down) == []


# -- re-allocation: a load taken on before ------------------------------------------------------
def test_reallocation_keeps_a_load_dug_before_for_its_unloading(fleet, world):
    g = plan(
        T("digA", "Excavation", ids=[E1]),
        T("digB", "Excavation", ids=[E1]),
        T("farK", NAV, obj="rock2", ids=[K1]),
        T("loadA", "ExcavatorUnloading", ["digA", "farK"], ids=[E1]),
        T("loadB", "ExcavatorUnloading", ["digB"], ids=[E1, K2]),
    )
    state = LiveState(now=20.0, done=frozenset({"digA"}), positions={})
    s = reallocate(g, fleet, world, state)
    # excavator 1 carries A's soil: loadA (waiting for the far truck) comes before digB
    assert soil_order(s, g, E1) == ["loadA", "digB", "loadB"]
    assert verify_schedule(s, g, fleet, world, state) == []
    p = build_problem(g, fleet, world, state)
    assert p.owed0[fleet.robot_ids.index(E1)] == 1 << p.index["loadA"]
    bad = hand_schedule(g, fleet, [("farK", (K1,), 20), ("digB", (E1,), 20), ("loadB", (E1, K2), 40),
                                   ("loadA", (E1, K1), 60)])
    assert any("carries the load of 'digA'" in e for e in verify_schedule(bad, g, fleet, world, state))
    # once loadA has run, nothing is owed any more
    after = LiveState(now=70.0, done=frozenset({"digA", "farK", "loadA"}))
    assert not any(build_problem(g, fleet, world, after).owed0)


# -- random plans and the simulator ------------------------------------------------------------
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("policy", ["dart_baseline", "heuristic"])
def test_random_plans_keep_the_soil_rule_without_conflicts(policy, seed):
    graph, fleet, world = random_instance(seed, 120, 14)
    s = allocate(graph, fleet, world, policy)
    assert verify_schedule(s, graph, fleet, world) == []
    assert "soil_conflicts" not in s.info


def test_a_forced_double_dig_is_reported_as_a_conflict(fleet, world):
    # both unloadings need both digs first, and both digs are excavator 1's: a bucket holds
    # one load, so no order keeps the rule; the allocator says so and verify_schedule agrees
    g = plan(
        T("digA", "Excavation", ids=[E1]),
        T("digB", "Excavation", ids=[E1]),
        T("loadA", "ExcavatorUnloading", ["digA", "digB"], ids=[E1, K1]),
        T("loadB", "ExcavatorUnloading", ["digA", "digB"], ids=[E1, K2]),
    )
    for policy in POLICIES:
        s = allocate(g, fleet, world, policy, time_limit_s=2.0)
        assert len(s.info["soil_conflicts"]) == 1
        assert any("takes on another load" in e for e in verify_schedule(s, g, fleet, world))


@pytest.mark.parametrize("plan_name", ["two_digs", "no_truck"])
def test_the_simulator_runs_the_allocated_plan_to_success(fleet, world, plan_name):
    if plan_name == "two_digs":
        g = two_digs_one_excavator()
    else:
        g = plan(
            T("go", NAV, obj="soil1", ids=[E1]),
            T("dig", "Excavation", ["go"], ids=[E1]),
            T("load", "ExcavatorUnloading", ["dig"], ids=[E1]),
        )
    result = run_in_sim(g, fleet, world, RunOptions(seed=0))
    assert result.succeeded, [(s.task_id, s.reason) for s in result.status.subtasks if s.reason]
    if plan_name == "two_digs":
        assert soil_order(result.schedule, g, E1)[1] in ("loadA", "loadB")
