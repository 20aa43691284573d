"""One loading for several trucks (dart_planner.core.refill.split_shared_loadings).

Rule 24 of the benchmark writes "excavator 1 loads both trucks" (no order said) as one
ExcavatorUnloading with implicit partners. One excavator pours one bucket into one truck, so
without the split the other truck hauls and tips an empty bed (the simulator takes an empty
dump as "nothing dumped", so the plan still "succeeds"). The plans are built here by hand.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_refill import EX1, EX2, NAV, T1, T2, T3, task

from dart_planner.core.allocation.heuristic import HeuristicAllocator
from dart_planner.core.allocation.model import build_problem
from dart_planner.core.allocation.soil import brought_partners, last_bucket_events
from dart_planner.core.plan import TaskGraph
from dart_planner.core.refill import add_refills, split_shared_loadings
from dart_planner.core.validate import validate_plan
from dart_planner.runner import run_in_sim

TRUCK = "dump_truck"


def hauls(trucks: tuple[str, ...], after: str = "ExcavatorUnloading_1") -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for n, truck in enumerate(trucks, 1):
        out += [task(f"haul_{n}", NAV, [truck], [after], [("rock1", "rock2", "puddle1")[n - 1]]),
                task(f"DumpUnloading_{n}", "DumpUnloading", [truck], [f"haul_{n}"])]
    return out


def loads_both(trucks: tuple[str, ...] = (T1, T2), excavators: tuple[str, ...] = (EX1,),
               tail: list[dict[str, Any]] | None = None) -> TaskGraph:
    """Excavator(s) dig at soil1, the trucks drive there, ONE loading, then each truck hauls."""
    return TaskGraph.from_dart({"tasks": [
        task("exc_go", NAV, list(excavators), [], ["soil1"]),
        task("trucks_go", NAV, list(trucks), [], ["soil1"]),
        task("Excavation_1", "Excavation", list(excavators), ["exc_go"]),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", list(excavators), ["Excavation_1", "trucks_go"]),
        *(hauls(trucks) if tail is None else tail),
    ]})


def test_one_loading_for_two_trucks_becomes_two_in_turn(fleet, world) -> None:
    graph = loads_both()
    out, notes = split_shared_loadings(graph, fleet)
    assert set(out.ids) - set(graph.ids) == {"ExcavatorUnloading_1_2"}
    first, second = out["ExcavatorUnloading_1"], out["ExcavatorUnloading_1_2"]
    assert first == graph["ExcavatorUnloading_1"]  # same robots, same dependencies
    assert (second.skill, second.robot_ids, second.dependencies) == (
        "ExcavatorUnloading", (EX1,), ("ExcavatorUnloading_1",))
    assert out.ids.index("ExcavatorUnloading_1_2") == out.ids.index("ExcavatorUnloading_1") + 1
    # each truck's haul waits for its own turn: truck 1's (first in the plan) for the first
    assert out["haul_1"].dependencies == ("ExcavatorUnloading_1",)
    assert out["haul_2"].dependencies == ("ExcavatorUnloading_1_2",)
    assert notes == ["ExcavatorUnloading_1: one excavator fills one dump_truck at a time and 2 were brought; split "
                     "into ExcavatorUnloading_1, ExcavatorUnloading_1_2, in turn (haul_1 waits for "
                     "ExcavatorUnloading_1; haul_2 waits for ExcavatorUnloading_1_2)"]
    assert validate_plan(out, fleet, world).ok
    assert graph["haul_2"].dependencies == ("ExcavatorUnloading_1",)  # the input is not changed


def test_add_refills_splits_then_digs_again_between(fleet) -> None:
    graph = loads_both()
    out, notes = add_refills(graph, fleet)
    assert set(out.ids) - set(graph.ids) == {"ExcavatorUnloading_1_2", "Excavation_1_refill"}
    assert out["Excavation_1_refill"].dependencies == ("ExcavatorUnloading_1",)
    assert out["ExcavatorUnloading_1_2"].dependencies == ("Excavation_1_refill",)
    assert last_bucket_events(out, fleet, "ExcavatorUnloading_1_2") == {"Excavation_1_refill"}
    assert [n.split(":")[0] for n in notes] == ["ExcavatorUnloading_1", "ExcavatorUnloading_1_2"]
    again, more = add_refills(out, fleet)
    assert again is out and more == []  # idempotent: the engine adds them again on submit


def test_three_trucks_get_three_turns_the_hauls_order_decides(fleet) -> None:
    # the hauls are listed truck 3 first: its turn comes first
    graph = loads_both((T1, T2, T3), tail=[*hauls((T3, T1, T2))])
    out, notes = add_refills(graph, fleet)
    assert {"ExcavatorUnloading_1_2", "ExcavatorUnloading_1_3", "Excavation_1_refill",
            "Excavation_1_refill_2"} == set(out.ids) - set(graph.ids)
    assert [out[f"haul_{n}"].dependencies for n in (1, 2, 3)] == [
        ("ExcavatorUnloading_1",), ("ExcavatorUnloading_1_2",), ("ExcavatorUnloading_1_3",)]
    assert len(notes) == 3


def test_a_step_of_several_robots_waits_for_the_last_turn(fleet) -> None:
    tail = [*hauls((T1, T2)),
            task("exc_home", "return_to_start_for_specific_robots", [EX1], ["ExcavatorUnloading_1"]),
            task("avoid", "avoid_areas_for_specific_robots", [T1, T2], ["ExcavatorUnloading_1"], ["puddle1"])]
    out, _ = split_shared_loadings(loads_both(tail=tail), fleet)
    assert out["exc_home"].dependencies == ("ExcavatorUnloading_1_2",)
    assert out["avoid"].dependencies == ("ExcavatorUnloading_1_2",)
    assert out["haul_1"].dependencies == ("ExcavatorUnloading_1",)


UNCHANGED = {
    # two excavators for two trucks: the model gives each its own truck
    "as_many_excavators": lambda: loads_both(excavators=(EX1, EX2)),
    # the partner is named by type: the plan says who is loaded
    "partner_by_type": lambda: TaskGraph.from_dart({"tasks": [
        task("trucks_go", NAV, [T1, T2], [], ["soil1"]),
        task("Excavation_1", "Excavation", [EX1], []),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["Excavation_1", "trucks_go"],
             types=([TRUCK], [1])),
        *hauls((T1, T2))]}),
    # one truck brought
    "one_truck": lambda: loads_both((T1,)),
    # one truck hauls alone, the others together: a turn cannot be bound to its truck
    "mixed_hauls": lambda: loads_both((T1, T2, T3), tail=[
        task("haul_1", NAV, [T1], ["ExcavatorUnloading_1"], ["rock1"]),
        task("haul_23", NAV, [T2, T3], ["ExcavatorUnloading_1"], ["rock2"])]),
    # rule 24 with an order: already one loading per truck, chained
    "ordered_chain": lambda: TaskGraph.from_dart({"tasks": [
        task("all_go", NAV, [EX1, T1, T2], [], ["soil1"]),
        task("Excavation_1", "Excavation", [EX1], ["all_go"]),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["Excavation_1"]),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [EX1], ["ExcavatorUnloading_1"]),
        *hauls((T1,)),
        task("haul_2", NAV, [T2], ["ExcavatorUnloading_2"], ["rock2"])]}),
    # no dig for it: not ours to invent
    "no_dig": lambda: TaskGraph.from_dart({"tasks": [
        task("trucks_go", NAV, [T1, T2], [], ["soil1"]),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["trucks_go"]), *hauls((T1, T2))]}),
    # "two trucks" by type: which ones is not named
    "trucks_by_type": lambda: TaskGraph.from_dart({"tasks": [
        task("trucks_go", NAV, [], [], ["soil1"], types=([TRUCK], [2])),
        task("Excavation_1", "Excavation", [EX1], []),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["Excavation_1", "trucks_go"]),
        task("haul", NAV, [], ["ExcavatorUnloading_1"], ["rock1"], types=([TRUCK], [2]))]}),
}


@pytest.mark.parametrize("name", sorted(UNCHANGED))
def test_left_alone(name, fleet) -> None:
    graph = UNCHANGED[name]()
    assert split_shared_loadings(graph, fleet) == (graph, [])


def test_plain_examples_are_left_alone(fleet, examples) -> None:
    for doc in examples.values():
        g = TaskGraph.from_dart(doc["plan"])
        out, notes = split_shared_loadings(g, fleet)
        assert out is g and notes == [], doc["id"]


def test_brought_partners_counts_the_trucks_that_came(fleet) -> None:
    graph = loads_both((T1, T2, T3))
    assert brought_partners(graph, fleet, "ExcavatorUnloading_1", TRUCK) == ({"trucks_go"}, 3)
    assert brought_partners(UNCHANGED["trucks_by_type"](), fleet, "ExcavatorUnloading_1", TRUCK) == (
        {"trucks_go"}, 2)
    assert brought_partners(graph, fleet, "Excavation_1", TRUCK) == (set(), 0)


@pytest.mark.parametrize("trucks", [(T1, T2), (T1, T2, T3)])
def test_every_truck_carries_soil_to_its_dump_in_the_simulator(trucks, fleet, world) -> None:
    result = run_in_sim(loads_both(trucks), fleet, world)
    assert result.succeeded
    carried = {d.robot_id: d.volume for d in result.sim.ledger.dumps()}
    # every truck tipped a full bucket (2 m^3) at its own dump site, none an empty bed
    assert set(carried) == set(trucks)
    assert all(v == pytest.approx(2.0) for v in carried.values())
    assert {k for k, v in result.final.dumped.items() if v > 0} == {"rock1", "rock2", "puddle1"}.intersection(
        ("rock1", "rock2", "puddle1")[: len(trucks)])
    assert len(result.notes) == len(trucks)  # one split, a refill before each later turn


def joint_haul(trucks: tuple[str, ...] = (T1, T2), joint_dump: bool = False) -> TaskGraph:
    """Rule 24's "excavator 1 loads both trucks; the trucks then bring the soil to rock1":
    one move names every truck, then each dumps (or one DumpUnloading names them all)."""
    dumps = ([task("DumpUnloading_1", "DumpUnloading", list(trucks), ["haul"])] if joint_dump else
             [task(f"DumpUnloading_{n}", "DumpUnloading", [t], ["haul"]) for n, t in enumerate(trucks, 1)])
    return loads_both(trucks, tail=[task("haul", NAV, list(trucks), ["ExcavatorUnloading_1"], ["rock1"]), *dumps])


def test_a_joint_haul_is_split_and_waits_for_the_last_turn(fleet, world) -> None:
    out, notes = split_shared_loadings(joint_haul(), fleet)
    assert set(out.ids) - set(joint_haul().ids) == {"ExcavatorUnloading_1_2"}
    assert out["ExcavatorUnloading_1_2"].dependencies == ("ExcavatorUnloading_1",)
    assert out["haul"].dependencies == ("ExcavatorUnloading_1_2",)
    assert notes == ["ExcavatorUnloading_1: one excavator fills one dump_truck at a time and 2 were brought; split "
                     "into ExcavatorUnloading_1, ExcavatorUnloading_1_2, in turn (haul waits for "
                     "ExcavatorUnloading_1_2)"]
    assert validate_plan(out, fleet, world).ok


@pytest.mark.parametrize("trucks", [(T1, T2), (T1, T2, T3)])
def test_each_turn_of_a_joint_haul_chain_fills_another_truck(trucks, fleet, world) -> None:
    graph, _ = add_refills(joint_haul(trucks), fleet)
    turns = ["ExcavatorUnloading_1", *(f"ExcavatorUnloading_1_{k}" for k in range(2, len(trucks) + 1))]
    problem = build_problem(graph, fleet, world)
    # the model binds turn k to the k-th truck the move brought
    assert [[fleet.robot_ids[r] for g in problem.tasks[problem.index[t]].groups if g.partner for r in g.candidates]
            for t in turns] == [[t] for t in trucks]
    schedule = HeuristicAllocator().allocate(graph, fleet, world)
    loaded = [sorted(set(schedule.robots_of(t)) - {EX1}) for t in turns]
    assert loaded == [[t] for t in trucks]


@pytest.mark.parametrize("joint_dump", [False, True])
def test_trucks_that_haul_together_each_carry_a_load_in_the_simulator(joint_dump, fleet, world) -> None:
    result = run_in_sim(joint_haul(joint_dump=joint_dump), fleet, world)
    assert result.succeeded
    carried = {d.robot_id: d.volume for d in result.sim.ledger.dumps()}
    # both trucks tipped a full bucket at rock1; before, truck 2 hauled an empty bed
    assert set(carried) == {T1, T2}
    assert all(v == pytest.approx(2.0) for v in carried.values())
    assert result.final.dumped["rock1"] == pytest.approx(4.0)
