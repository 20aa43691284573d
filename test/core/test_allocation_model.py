"""The allocation model on hand-made plans: who does what, where robots go, keep-outs, errors."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from dart_planner.core.allocate import ALLOCATORS, allocate
from dart_planner.core.allocation.model import STOP_CLEARANCE_M
from dart_planner.core.allocation.verify import verify_schedule
from dart_planner.core.errors import AllocationError
from dart_planner.core.geometry import Pose2D
from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.schedule import LiveState
from dart_planner.core.world import KeepOutZone, World, WorldObject

NAV = "target_area_for_specific_robots"
POLICIES = ["dart_baseline", "heuristic", "exact"]


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


def plan(*subtasks):
    return TaskGraph(tuple(subtasks))


@pytest.mark.parametrize("policy", POLICIES)
def test_explicit_robot_ids_are_used_exactly(fleet, world, policy):
    g = plan(
        T("a", NAV, obj="soil1", ids=["robot_excavator_03", "robot_dump_truck_01"]),
        T("b", NAV, obj="rock2", ids=["robot_dump_truck_03"]),
    )
    s = allocate(g, fleet, world, policy)
    assert s.assignments["a"].robot_ids == ("robot_excavator_03", "robot_dump_truck_01")
    assert s.assignments["b"].robot_ids == ("robot_dump_truck_03",)
    assert verify_schedule(s, g, fleet, world) == []


def test_parallel_crews_get_different_robots_and_each_digs_where_it_drove(fleet, world):
    g = plan(
        T("go1", NAV, obj="soil1", types=[("excavator", 1)]),
        T("dig1", "Excavation", ["go1"], types=[("excavator", 1)]),
        T("go2", NAV, obj="soil2", types=[("excavator", 1)]),
        T("dig2", "Excavation", ["go2"], types=[("excavator", 1)]),
    )
    for policy in ("heuristic", "exact"):
        s = allocate(g, fleet, world, policy)
        assert s.robots_of("dig1") == s.robots_of("go1")
        assert s.robots_of("dig2") == s.robots_of("go2")
        assert s.robots_of("go1") != s.robots_of("go2")  # two crews work in parallel
        assert verify_schedule(s, g, fleet, world) == []
    base = allocate(g, fleet, world, "dart_baseline")
    # DART-LLM's policy: always the first excavator, so the crews queue behind each other
    assert base.robots_of("go1") == base.robots_of("go2") == ("robot_excavator_01",)
    assert allocate(g, fleet, world, "heuristic").makespan < 0.75 * base.makespan


def test_nearest_capable_robot_is_chosen(fleet, world):
    g = plan(
        T("go", NAV, obj="rock2", types=[("dump_truck", 1)])
    )  # rock2 (22, 22): truck 3 starts at (20, -24)
    s = allocate(g, fleet, world, "heuristic")
    assert s.robots_of("go") == ("robot_dump_truck_03",)
    rock = world.object("rock2")
    truck = fleet.robot("robot_dump_truck_03")
    expect = math.dist((truck.start.x, truck.start.y), (rock.x, rock.y)) - rock.radius - STOP_CLEARANCE_M
    assert s.assignments["go"].travel_s["robot_dump_truck_03"] == pytest.approx(expect / truck.max_speed)


def test_unloading_holds_the_truck_that_came_to_the_soil(fleet, world):
    g = plan(
        T("go", NAV, obj="soil1", types=[("excavator", 1), ("dump_truck", 1)]),
        T("dig", "Excavation", ["go"], types=[("excavator", 1)]),
        T("load", "ExcavatorUnloading", ["dig"], types=[("excavator", 1)]),
        T("haul", NAV, ["load"], obj="puddle2", types=[("dump_truck", 1)]),
        T("dump", "DumpUnloading", ["haul"], types=[("dump_truck", 1)]),
    )
    for policy in POLICIES:
        s = allocate(g, fleet, world, policy)
        go = set(s.robots_of("go"))
        truck = next(r for r in go if "truck" in r)
        assert set(s.robots_of("load")) == go  # the excavator and its truck, together
        assert s.robots_of("haul") == s.robots_of("dump") == (truck,)
        assert verify_schedule(s, g, fleet, world) == []


def test_a_truck_loading_without_a_truck_in_the_plan_gets_the_nearest_one(fleet, world):
    # the plan never brings a truck: without one the unloading fails (no truck in reach),
    # so the allocator adds the truck that can be beside the excavator soonest (truck 1 is
    # closest to excavator 1) and times its drive there
    g = plan(
        T("go", NAV, obj="soil1", ids=["robot_excavator_01"]),
        T("dig", "Excavation", ["go"], ids=["robot_excavator_01"]),
        T("load", "ExcavatorUnloading", ["dig"], ids=["robot_excavator_01"]),
    )
    for policy in POLICIES:
        s = allocate(g, fleet, world, policy)
        load = s.assignments["load"]
        assert load.robot_ids == ("robot_excavator_01", "robot_dump_truck_01")
        assert load.travel_s["robot_dump_truck_01"] > 5.0  # it drives from its start to the soil
        assert load.ready == pytest.approx(load.start + load.travel_s["robot_dump_truck_01"])
        assert verify_schedule(s, g, fleet, world) == []


def test_all_robots_skills_occupy_every_capable_robot_and_return_home(fleet, world):
    g = plan(
        T("go", NAV, obj="soil2", ids=["robot_dump_truck_02"]),
        T("home", "return_to_start_for_all_robots", ["go"]),
    )
    s = allocate(g, fleet, world, "heuristic")
    home = s.assignments["home"]
    assert set(home.robot_ids) == set(fleet.robot_ids)
    assert home.start >= s.assignments["go"].finish
    # robots that never moved have nothing to drive; the truck that went to soil2 drives back
    assert home.travel_s["robot_excavator_01"] == 0.0
    assert home.travel_s["robot_dump_truck_02"] > 0.0
    assert home.ready == pytest.approx(home.start + max(home.travel_s.values()))


def _corridor():
    """A robot at (0, -20), a target at (0, 20), a pond in between at (0, 0)."""
    world = World(
        {
            "pond": WorldObject("pond", "puddle", 0.0, 0.0, 3.0),
            "goal": WorldObject("goal", "soil", 0.0, 20.0, 1.0),
        }
    )
    return world


def _solo(fleet):
    truck = replace(fleet.robot("robot_dump_truck_01"), start=Pose2D(0.0, -20.0))
    return fleet.with_robots([truck])


def test_keepout_added_by_an_ancestor_lengthens_later_travel_only(fleet):
    world, solo = _corridor(), _solo(fleet)
    straight = 40.0 - 1.0 - STOP_CLEARANCE_M
    g = plan(
        T("fence", "avoid_areas_for_all_robots", obj="pond"),
        T("go", NAV, ["fence"], obj="goal", ids=["robot_dump_truck_01"]),
    )
    s = allocate(g, solo, world, "heuristic")
    fence, go = s.assignments["fence"], s.assignments["go"]
    assert fence.robot_ids == () and fence.finish - fence.start == pytest.approx(0.5)
    speed = solo.robots[0].max_speed
    assert go.travel_s["robot_dump_truck_01"] * speed > straight + 0.5  # detour around the pond
    # the same drive not ordered after the fence is estimated straight
    g2 = plan(
        T("fence", "avoid_areas_for_all_robots", obj="pond"),
        T("go", NAV, obj="goal", ids=["robot_dump_truck_01"]),
    )
    s2 = allocate(g2, solo, world, "heuristic")
    assert s2.assignments["go"].travel_s["robot_dump_truck_01"] * speed == pytest.approx(straight)
    # lifting the restriction before the drive restores the straight line
    g3 = plan(
        T("fence", "avoid_areas_for_all_robots", obj="pond"),
        T("lift", "allow_areas_for_all_robots", ["fence"], obj="pond"),
        T("go", NAV, ["lift"], obj="goal", ids=["robot_dump_truck_01"]),
    )
    s3 = allocate(g3, solo, world, "heuristic")
    assert s3.assignments["go"].travel_s["robot_dump_truck_01"] * speed == pytest.approx(straight)


def test_world_keepouts_always_count_and_robot_specific_ones_only_for_their_robots(fleet):
    world, solo = _corridor(), _solo(fleet)
    speed = solo.robots[0].max_speed
    g = plan(T("go", NAV, obj="goal", ids=["robot_dump_truck_01"]))
    fenced = world.with_keep_out([KeepOutZone("pond", 0.0, 0.0, 4.0)])
    assert (
        allocate(g, solo, fenced, "heuristic").assignments["go"].travel_s["robot_dump_truck_01"] * speed
        > 38.5
    )
    other = world.with_keep_out([KeepOutZone("pond", 0.0, 0.0, 4.0, frozenset({"robot_excavator_01"}))])
    t = allocate(g, solo, other, "heuristic").assignments["go"].travel_s["robot_dump_truck_01"] * speed
    assert t == pytest.approx(38.0)


def test_registry_and_unknown_policy(fleet, world):
    assert set(ALLOCATORS) == {"dart_baseline", "heuristic", "exact"}
    g = plan(T("a", NAV, obj="soil1", ids=["robot_excavator_01"]))
    with pytest.raises(AllocationError, match="unknown allocation policy 'fastest'.*heuristic"):
        allocate(g, fleet, world, "fastest")


@pytest.mark.parametrize(
    ("subtasks", "state", "message"),
    [
        (
            [T("a", NAV, obj="soil1", ids=["robot_bulldozer_01"])],
            None,
            "task 'a': unknown robot 'robot_bulldozer_01'",
        ),
        (
            [T("a", "Excavation", ids=["robot_dump_truck_01"])],
            None,
            "task 'a': robot 'robot_dump_truck_01' \\(dump_truck\\) cannot perform 'Excavation'",
        ),
        (
            [T("a", NAV, obj="soil1", types=[("excavator", 2)])],
            LiveState(unavailable=frozenset({"robot_excavator_01", "robot_excavator_02"})),
            "task 'a' needs 2 excavator robot\\(s\\) able to perform .* only 1 of 3 capable are available "
            "\\(unavailable: robot_excavator_01, robot_excavator_02\\)",
        ),
        (
            [T("a", NAV, obj="soil1", ids=["robot_excavator_02"])],
            LiveState(unavailable=frozenset({"robot_excavator_02"})),
            "task 'a': robot 'robot_excavator_02' is named explicitly but is unavailable",
        ),
        (
            [T("a", "return_to_start_for_all_robots")],
            LiveState(
                unavailable=frozenset(
                    {
                        "robot_excavator_01",
                        "robot_excavator_02",
                        "robot_excavator_03",
                        "robot_dump_truck_01",
                        "robot_dump_truck_02",
                        "robot_dump_truck_03",
                    }
                )
            ),
            "task 'a': 'return_to_start_for_all_robots' needs every capable robot, but all of them are "
            "unavailable",
        ),
        ([T("a", NAV, obj="soil1")], None, "task 'a': 'target_area_for_specific_robots' names no robots"),
        ([T("a", NAV, obj="lake9", ids=["robot_excavator_01"])], None, "task 'a': unknown object 'lake9'"),
        ([T("a", "Fly", ids=["robot_excavator_01"])], None, "task 'a': unknown skill 'Fly'"),
        (
            [
                T("a", NAV, ["b"], obj="soil1", ids=["robot_excavator_01"]),
                T("b", NAV, ["a"], obj="soil2", ids=["robot_excavator_01"]),
            ],
            None,
            "dependency cycle: a -> b -> a",
        ),
        (
            [T("a", NAV, ["ghost"], obj="soil1", ids=["robot_excavator_01"])],
            None,
            "task 'a' depends on 'ghost', which is not a task of this plan",
        ),
    ],
)
def test_allocation_errors_name_the_task_and_the_reason(fleet, world, subtasks, state, message):
    for policy in POLICIES:
        with pytest.raises(AllocationError, match=message):
            allocate(plan(*subtasks), fleet, world, policy, state=state)


# -- partners of a crew: every truck that came is loaded, and the haul takes those trucks ---------
def _trucks(s, tid):
    return {r for r in s.robots_of(tid) if "dump_truck" in r}


@pytest.mark.parametrize("policy", POLICIES)
def test_two_excavators_load_both_trucks_that_came_with_them(fleet, world, policy):
    # one partner for two excavators would leave the second truck empty for its haul (and on
    # the site the second excavator finds no truck it may pour into)
    g = plan(
        T("go", NAV, obj="soil1", types=[("excavator", 2), ("dump_truck", 2)]),
        T("dig", "Excavation", ["go"], types=[("excavator", 2)]),
        T("load", "ExcavatorUnloading", ["dig"], types=[("excavator", 2)]),
        T("haul", NAV, ["load"], obj="puddle1", types=[("dump_truck", 2)]),
        T("dump", "DumpUnloading", ["haul"], types=[("dump_truck", 2)]),
    )
    s = allocate(g, fleet, world, policy, time_limit_s=5.0)
    came = _trucks(s, "go")
    assert len(came) == 2
    assert _trucks(s, "load") == came == _trucks(s, "haul") == _trucks(s, "dump")
    assert verify_schedule(s, g, fleet, world) == []


def test_one_excavator_loads_one_of_the_trucks_that_came(fleet, world):
    g = plan(
        T("go", NAV, obj="soil1", types=[("excavator", 1), ("dump_truck", 2)]),
        T("dig", "Excavation", ["go"], types=[("excavator", 1)]),
        T("load", "ExcavatorUnloading", ["dig"], types=[("excavator", 1)]),
        T("haul", NAV, ["load"], obj="puddle1", types=[("dump_truck", 2)]),
        T("haul1", NAV, ["load"], obj="puddle2", types=[("dump_truck", 1)]),
    )
    for policy in POLICIES:
        s = allocate(g, fleet, world, policy, time_limit_s=5.0)
        assert len(_trucks(s, "load")) == 1 and _trucks(s, "load") <= _trucks(s, "go")
        # both trucks that came haul (not a truck that never was at the soil) ...
        assert _trucks(s, "haul") == _trucks(s, "go")
        # ... and a haul of one truck takes the loaded one
        assert _trucks(s, "haul1") == _trucks(s, "load")


def test_verify_allows_one_partner_per_worker_and_no_more(fleet, world):
    g = plan(
        T("go", NAV, obj="soil1", ids=["robot_excavator_01", "robot_dump_truck_01", "robot_dump_truck_02"]),
        T("dig", "Excavation", ["go"], ids=["robot_excavator_01"]),
        T("load", "ExcavatorUnloading", ["dig"], ids=["robot_excavator_01"]),
    )
    s = allocate(g, fleet, world, "heuristic")
    assert len(_trucks(s, "load")) == 1 and verify_schedule(s, g, fleet, world) == []
    a = s.assignments["load"]
    two = replace(
        a,
        robot_ids=(*a.robot_ids, *(_trucks(s, "go") - _trucks(s, "load"))),
        travel_s={**a.travel_s, **{r: 0.0 for r in _trucks(s, "go") - _trucks(s, "load")}},
    )
    bad = replace(s, assignments={**s.assignments, "load": two})
    assert any("added to the named" in e for e in verify_schedule(bad, g, fleet, world))


def test_baseline_gives_an_unnamed_group_the_first_robot_even_when_a_named_crew_holds_it(fleet, world):
    # DART-LLM's idle flag is never updated: "an excavator" is excavator 1 even though the
    # plan keeps excavator 1 busy elsewhere, and it ignores who is closer (rock2 is nearest
    # to excavator 3 and truck 3)
    g = plan(
        T("named", NAV, obj="soil1", ids=["robot_excavator_01"]),
        T("dig1", "Excavation", ["named"], ids=["robot_excavator_01"]),
        T("go", NAV, obj="rock2", types=[("excavator", 1), ("dump_truck", 1)]),
        T("dig2", "Excavation", ["go"], types=[("excavator", 1)]),
    )
    base = allocate(g, fleet, world, "dart_baseline")
    assert base.robots_of("go") == ("robot_excavator_01", "robot_dump_truck_01")
    assert base.robots_of("dig2") == ("robot_excavator_01",)
    assert verify_schedule(base, g, fleet, world) == []
    best = allocate(g, fleet, world, "heuristic")
    assert "robot_excavator_01" not in best.robots_of("go")
    assert best.makespan < base.makespan


EX3_, T1_, T2_ = "robot_excavator_03", "robot_dump_truck_01", "robot_dump_truck_02"


def _dig_once_load_in_turn(*moves, chained_deps=()):
    """An excavator drives to soil1, digs once and loads twice in turn; ``moves`` bring trucks."""
    first_deps = ["dig", *(m.id for m in moves if m.id != "go_t2")]
    return plan(
        T("go_ex", NAV, obj="soil1", ids=[EX3_]),
        *moves,
        T("dig", "Excavation", ["go_ex"], ids=[EX3_]),
        T("load_1", "ExcavatorUnloading", first_deps, ids=[EX3_]),
        T("load_2", "ExcavatorUnloading", ["load_1", *chained_deps], ids=[EX3_]),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_loading_in_turn_fills_each_truck_the_plan_brought_for_it(fleet, world, policy):
    """Truck 1 and truck 2 each driven to soil1 (rule 12: each loading depends on its truck's
    move): the second loading takes truck 2, not the truck the first one filled."""
    g = _dig_once_load_in_turn(
        T("go_t1", NAV, obj="soil1", ids=[T1_]), T("go_t2", NAV, obj="soil1", ids=[T2_]), chained_deps=["go_t2"]
    )
    s = allocate(g, fleet, world, policy)
    assert _trucks(s, "load_1") == {T1_}
    assert _trucks(s, "load_2") == {T2_}
    assert verify_schedule(s, g, fleet, world) == []


@pytest.mark.parametrize("policy", POLICIES)
def test_loading_in_turn_with_one_truck_loads_it_twice(fleet, world, policy):
    g = _dig_once_load_in_turn(T("go_t1", NAV, obj="soil1", ids=[T1_]))
    s = allocate(g, fleet, world, policy)
    assert _trucks(s, "load_1") == {T1_}
    assert _trucks(s, "load_2") == {T1_}
    assert verify_schedule(s, g, fleet, world) == []


def test_chained_loading_group_prefers_its_own_truck_then_the_chains(fleet, world):
    """The model itself: the second loading's partner group takes the move that brought
    truck 2 first and the one behind the first loading only as a fallback, and never the
    first loading as a source (the old bug: it inherited the truck that loading filled)."""
    from dart_planner.core.allocation.model import build_problem

    g = _dig_once_load_in_turn(
        T("go_t1", NAV, obj="soil1", ids=[T1_]), T("go_t2", NAV, obj="soil1", ids=[T2_]), chained_deps=["go_t2"]
    )
    p = build_problem(g, fleet, world)
    (group,) = p.tasks[p.index["load_2"]].groups
    assert group.partner and group.count == 1
    assert [p.tasks[i].id for i in group.sources] == ["go_t2"]
    assert [p.tasks[i].id for i in group.far_sources] == ["go_t1"]
    one = build_problem(_dig_once_load_in_turn(T("go_t1", NAV, obj="soil1", ids=[T1_])), fleet, world)
    (group,) = one.tasks[one.index["load_2"]].groups
    assert group.sources == () and [one.tasks[i].id for i in group.far_sources] == ["go_t1"]
