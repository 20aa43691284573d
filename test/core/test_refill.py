"""Refill digs (dart_planner.core.refill): one dig, then several loadings in turn.

The plans are built here by hand in the shapes the benchmark's rule 24 produces (one
Excavation, then one ExcavatorUnloading per truck chained in order), not copied from it.
"""

from __future__ import annotations

from typing import Any

import pytest

from dart_planner.core.allocation.soil import crew_key, last_bucket_events
from dart_planner.core.plan import TaskGraph
from dart_planner.core.refill import add_refills
from dart_planner.core.validate import validate_plan

EX1, EX2, EX3 = "robot_excavator_01", "robot_excavator_02", "robot_excavator_03"
T1, T2, T3 = "robot_dump_truck_01", "robot_dump_truck_02", "robot_dump_truck_03"
NAV = "target_area_for_specific_robots"


def task(name: str, skill: str, robots: list[str], deps: list[str], objs: list[str] | None = None,
         types: tuple[list[str], list[int]] | None = None) -> dict[str, Any]:
    fn: dict[str, Any] = {"name": skill, "robot_ids": robots, "dependencies": deps, "object_keywords": objs or []}
    if types is not None:
        fn["robot_type"], fn["robot_count"] = types
    return {"task": name, "instruction_function": fn}


def graph_of(*tasks: dict[str, Any]) -> TaskGraph:
    return TaskGraph.from_dart({"tasks": list(tasks)})


def haul(n: int, truck: str, after: str, to: str) -> list[dict[str, Any]]:
    return [task(f"haul_{n}", NAV, [truck], [after], [to]),
            task(f"DumpUnloading_{n}", "DumpUnloading", [truck], [f"haul_{n}"])]


def separate_moves() -> TaskGraph:
    """Trucks and excavator drive separately; the first loading also waits for the trucks."""
    return graph_of(
        task("trucks_go", NAV, [T2, T3], [], ["soil1"]),
        task("exc_go", NAV, [EX1], [], ["soil1"]),
        task("Excavation_1", "Excavation", [EX1], ["exc_go"]),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["trucks_go", "Excavation_1"]),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [EX1], ["ExcavatorUnloading_1"]),
        *haul(1, T2, "ExcavatorUnloading_1", "rock1"),
        *haul(2, T3, "ExcavatorUnloading_2", "rock2"),
    )


def joint_move(excavators: list[str] = [EX3], trucks: tuple[str, ...] = (T1, T2)) -> TaskGraph:  # noqa: B006
    """Excavator(s) and trucks drive together; one loading per truck in turn."""
    tasks = [task("all_go", NAV, [*excavators, *trucks], [], ["soil2"]),
             task("Excavation_1", "Excavation", list(excavators), ["all_go"])]
    prev = "Excavation_1"
    for n, truck in enumerate(trucks, 1):
        tasks.append(task(f"ExcavatorUnloading_{n}", "ExcavatorUnloading", list(excavators), [prev]))
        prev = f"ExcavatorUnloading_{n}"
        tasks += haul(n, truck, prev, "puddle2")
    return graph_of(*tasks)


def dig_in_place_three_trucks() -> TaskGraph:
    """The excavator digs where it stands (no move, no object) and loads three trucks in turn."""
    return graph_of(
        task("Excavation_1", "Excavation", [EX1], []),
        task("trucks_go", NAV, [T1, T2, T3], [], ["soil2"]),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["Excavation_1", "trucks_go"]),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [EX1], ["ExcavatorUnloading_1"]),
        task("ExcavatorUnloading_3", "ExcavatorUnloading", [EX1], ["ExcavatorUnloading_2"]),
        *haul(1, T1, "ExcavatorUnloading_1", "puddle1"),
        *haul(2, T2, "ExcavatorUnloading_2", "puddle1"),
        *haul(3, T3, "ExcavatorUnloading_3", "puddle1"),
    )


def second_truck_goes_home() -> TaskGraph:
    """The second truck drives home and tips there; a keep-out closes the plan."""
    return graph_of(
        task("all_go", NAV, [T1, T2, EX3], [], ["soil1"]),
        task("Excavation_1", "Excavation", [EX3], ["all_go"]),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX3], ["Excavation_1"]),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [EX3], ["ExcavatorUnloading_1"]),
        *haul(1, T2, "ExcavatorUnloading_1", "rock2"),
        task("home", "return_to_start_for_specific_robots", [T1], ["ExcavatorUnloading_2"]),
        task("DumpUnloading_2", "DumpUnloading", [T1], ["home"]),
        task("avoid", "avoid_areas_for_specific_robots", [EX3, T1, T2], ["DumpUnloading_1", "DumpUnloading_2"],
             ["puddle1"]),
    )


def type_selected() -> TaskGraph:
    """'An excavator' (type + count) digs once and loads two trucks in turn."""
    sel = (["excavator"], [1])
    return graph_of(
        task("trucks_go", NAV, [T1, T2], [], ["soil1"]),
        task("exc_go", "target_area_for_specific_robots", [], [], ["soil1"], types=sel),
        task("Excavation_1", "Excavation", [], ["exc_go"], types=sel),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [], ["Excavation_1", "trucks_go"], types=sel),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [], ["ExcavatorUnloading_1"], types=sel),
        *haul(1, T1, "ExcavatorUnloading_1", "rock1"),
        *haul(2, T2, "ExcavatorUnloading_2", "rock2"),
    )


TWO_TRUCK_SHAPES = {
    "separate_moves": separate_moves,
    "joint_move": joint_move,
    "two_excavators": lambda: joint_move([EX1, EX2], (T1, T3)),
    "second_truck_goes_home": second_truck_goes_home,
    "type_selected": type_selected,
}


@pytest.mark.parametrize("name", sorted(TWO_TRUCK_SHAPES))
def test_one_refill_goes_between_the_two_loadings(name, fleet, world) -> None:
    graph = TWO_TRUCK_SHAPES[name]()
    out, notes = add_refills(graph, fleet)
    assert set(out.ids) - set(graph.ids) == {"Excavation_1_refill"}
    refill, dig = out["Excavation_1_refill"], graph["Excavation_1"]
    assert refill.skill == "Excavation"
    assert (refill.robot_ids, refill.robot_type, refill.robot_count, refill.object_keywords) == (
        dig.robot_ids, dig.robot_type, dig.robot_count, dig.object_keywords)
    assert refill.dependencies == ("ExcavatorUnloading_1",)
    assert out["ExcavatorUnloading_2"].dependencies == ("Excavation_1_refill",)
    # it is listed right before the unloading it fills for, and nothing else moved
    assert out.ids.index("Excavation_1_refill") == out.ids.index("ExcavatorUnloading_2") - 1
    assert [s for s in out.subtasks if s.id not in ("Excavation_1_refill", "ExcavatorUnloading_2")] == [
        s for s in graph.subtasks if s.id != "ExcavatorUnloading_2"]
    assert len(notes) == 1 and notes[0].startswith("ExcavatorUnloading_2: ")
    assert "added Excavation_1_refill" in notes[0] and "ExcavatorUnloading_1 emptied it" in notes[0]
    assert validate_plan(out, fleet, world).ok
    # the bucket is now full before each unloading
    assert last_bucket_events(out, fleet, "ExcavatorUnloading_2") == {"Excavation_1_refill"}


def test_the_note_says_where_the_excavator_digs(fleet) -> None:
    _, notes = add_refills(joint_move(), fleet)
    assert notes == ["ExcavatorUnloading_2: one dig fills the bucket once (ExcavatorUnloading_1 emptied it); "
                     "added Excavation_1_refill, digging again as Excavation_1 did (at soil2)"]
    _, notes = add_refills(separate_moves(), fleet)
    assert notes[0].endswith("(at soil1)")  # the excavator's own move, not the trucks'
    _, notes = add_refills(dig_in_place_three_trucks(), fleet)
    assert notes[0].endswith("(where it stands)")


def test_three_trucks_in_turn_get_two_refills_in_a_chain(fleet, world) -> None:
    graph = dig_in_place_three_trucks()
    out, notes = add_refills(graph, fleet)
    assert set(out.ids) - set(graph.ids) == {"Excavation_1_refill", "Excavation_1_refill_2"}
    assert out["Excavation_1_refill"].dependencies == ("ExcavatorUnloading_1",)
    assert out["ExcavatorUnloading_2"].dependencies == ("Excavation_1_refill",)
    assert out["Excavation_1_refill_2"].dependencies == ("ExcavatorUnloading_2",)
    assert out["ExcavatorUnloading_3"].dependencies == ("Excavation_1_refill_2",)
    assert [n.split(":")[0] for n in notes] == ["ExcavatorUnloading_2", "ExcavatorUnloading_3"]
    assert validate_plan(out, fleet, world).ok


def test_three_joint_trucks_with_two_excavators(fleet, world) -> None:
    out, notes = add_refills(joint_move([EX1, EX2], (T1, T2, T3)), fleet)
    assert len(notes) == 2
    assert out["Excavation_1_refill_2"].robot_ids == (EX1, EX2)
    assert validate_plan(out, fleet, world).ok


@pytest.mark.parametrize("name", [*sorted(TWO_TRUCK_SHAPES), "three_trucks"])
def test_idempotent(name, fleet) -> None:
    graph = dig_in_place_three_trucks() if name == "three_trucks" else TWO_TRUCK_SHAPES[name]()
    once, _ = add_refills(graph, fleet)
    twice, notes = add_refills(once, fleet)
    assert twice is once and notes == []


def test_a_dig_per_loading_is_left_alone(fleet) -> None:
    graph = graph_of(
        task("all_go", NAV, [EX1, T1, T2], [], ["soil1"]),
        task("Excavation_1", "Excavation", [EX1], ["all_go"]),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["Excavation_1"]),
        task("Excavation_2", "Excavation", [EX1], ["ExcavatorUnloading_1"]),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [EX1], ["Excavation_2"]),
        *haul(1, T1, "ExcavatorUnloading_1", "rock1"),
        *haul(2, T2, "ExcavatorUnloading_2", "rock2"),
    )
    out, notes = add_refills(graph, fleet)
    assert out is graph and notes == []


def test_a_dig_beside_the_earlier_unloading_counts_as_a_fill(fleet) -> None:
    """Unordered dig and unloading before the second unloading: the allocator orders the dig
    after the unloading (soil rule), so the bucket is full; nothing is added."""
    graph = graph_of(
        task("Excavation_1", "Excavation", [EX1], []),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["Excavation_1"]),
        task("Excavation_2", "Excavation", [EX1], ["Excavation_1"]),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [EX1], ["ExcavatorUnloading_1", "Excavation_2"]),
    )
    assert add_refills(graph, fleet) == (graph, [])


def test_other_crews_and_plain_plans_are_left_alone(fleet, examples) -> None:
    # excavator 2's unloading waits for excavator 1's, but excavator 2 dug for itself
    graph = graph_of(
        task("Excavation_1", "Excavation", [EX1], []),
        task("Excavation_2", "Excavation", [EX2], []),
        task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], ["Excavation_1"]),
        task("ExcavatorUnloading_2", "ExcavatorUnloading", [EX2], ["ExcavatorUnloading_1", "Excavation_2"]),
    )
    assert add_refills(graph, fleet) == (graph, [])
    # an unloading with no dig of its crew before it at all: nothing to repeat, not ours to invent
    lone = graph_of(task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1], []))
    assert add_refills(lone, fleet) == (lone, [])
    for doc in examples.values():
        g = TaskGraph.from_dart(doc["plan"])
        out, notes = add_refills(g, fleet)
        assert (out is g) == (notes == []), doc["id"]


def test_a_taken_name_gets_a_number(fleet) -> None:
    base = joint_move()
    taken = TaskGraph.from_dart({"tasks": [*base.to_dart()["tasks"],
                                           task("Excavation_1_refill", "Excavation", [EX1], [])]})
    out, notes = add_refills(taken, fleet)
    assert "Excavation_1_refill_2" in out and out["Excavation_1_refill"] == taken["Excavation_1_refill"]
    assert "added Excavation_1_refill_2" in notes[0]


def test_the_input_graph_and_its_dart_form_are_unchanged(fleet) -> None:
    graph = joint_move()
    before = graph.to_dart()
    out, _ = add_refills(graph, fleet)
    assert graph.to_dart() == before and len(out) == len(graph) + 1
    assert out.plan_id == graph.plan_id


def test_crew_key_leaves_the_partner_out(fleet) -> None:
    g = graph_of(task("Excavation_1", "Excavation", [EX1], []),
                 task("ExcavatorUnloading_1", "ExcavatorUnloading", [EX1, T1], ["Excavation_1"]))
    assert crew_key(g, fleet, "ExcavatorUnloading_1") == crew_key(g, fleet, "Excavation_1") == (frozenset({EX1}), ())
