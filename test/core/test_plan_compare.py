"""plan_compare: DAG comparison up to task renaming and transitive edges."""

from __future__ import annotations

import pytest

from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.plan_compare import compare_plans, describe_key, subtask_key

T = "target_area_for_specific_robots"


def st(tid: str, skill: str, robots=(), objs=(), deps=(), types=()) -> Subtask:
    return Subtask(
        tid, skill, tuple(robots), tuple(t for t, _ in types), tuple(n for _, n in types), tuple(objs), tuple(deps)
    )


def dig_chain(names: tuple[str, str, str], extra_edge: bool = False) -> TaskGraph:
    a, b, c = names
    return TaskGraph((
        st(a, T, ["robot_excavator_01"], ["soil1"]),
        st(b, "Excavation", ["robot_excavator_01"], deps=[a]),
        st(c, "ExcavatorUnloading", ["robot_excavator_01"], deps=[b, a] if extra_edge else [b]),
    ))


def test_renaming_and_list_order_do_not_matter():
    gold = dig_chain(("t1", "e1", "u1"))
    renamed = TaskGraph(tuple(reversed(dig_chain(("x", "y", "z")).subtasks)))
    cmp = compare_plans(renamed, gold)
    assert cmp.exact
    assert cmp.subtask_f1 == 1.0 and cmp.edge_f1 == 1.0
    assert dict(cmp.matching) == {"x": "t1", "y": "e1", "z": "u1"}


def test_transitive_edge_is_ignored():
    assert compare_plans(dig_chain(("a", "b", "c"), extra_edge=True), dig_chain(("a", "b", "c"))).exact


def test_robot_and_object_order_inside_a_task_do_not_matter():
    a = TaskGraph((st("a", "avoid_areas_for_all_robots", objs=["rock2", "rock1"]),))
    b = TaskGraph((st("b", "avoid_areas_for_all_robots", objs=["rock1", "rock2"]),))
    assert compare_plans(a, b).exact
    c = TaskGraph((st("c", T, ["robot_dump_truck_01", "robot_excavator_01"], ["soil1"]),))
    d = TaskGraph((st("d", T, ["robot_excavator_01", "robot_dump_truck_01"], ["soil1"]),))
    assert compare_plans(c, d).exact


def test_a_changed_edge_breaks_exact_match():
    gold = TaskGraph((
        st("a", T, ["robot_dump_truck_01"], ["rock1"]),
        st("b", T, ["robot_dump_truck_02"], ["rock2"]),
        st("c", "avoid_areas_for_all_robots", objs=["puddle1"], deps=["a", "b"]),
    ))
    pred = TaskGraph((
        st("a", T, ["robot_dump_truck_01"], ["rock1"]),
        st("b", T, ["robot_dump_truck_02"], ["rock2"]),
        st("c", "avoid_areas_for_all_robots", objs=["puddle1"], deps=["a"]),
    ))
    cmp = compare_plans(pred, gold)
    assert not cmp.exact
    assert cmp.subtask_f1 == 1.0
    assert cmp.edge_precision == 1.0 and cmp.edge_recall == 0.5
    assert cmp.edge_f1 == pytest.approx(2 / 3)
    assert "missing dependency" in cmp.diff() and "rock2" in cmp.diff()


def test_f1_values_on_a_hand_built_case():
    # gold: 4 subtasks, 3 edges; prediction: 3 right subtasks + 1 wrong, 2 edges right + 1 wrong.
    gold = TaskGraph((
        st("g1", T, ["robot_excavator_01"], ["soil1"]),
        st("g2", "Excavation", ["robot_excavator_01"], deps=["g1"]),
        st("g3", "ExcavatorUnloading", ["robot_excavator_01"], deps=["g2"]),
        st("g4", "return_to_start_for_specific_robots", ["robot_excavator_01"], deps=["g3"]),
    ))
    pred = TaskGraph((
        st("p1", T, ["robot_excavator_01"], ["soil1"]),
        st("p2", "Excavation", ["robot_excavator_01"], deps=["p1"]),
        st("p3", "ExcavatorUnloading", ["robot_excavator_01"], deps=["p2"]),
        st("p4", "return_to_start_for_specific_robots", ["robot_excavator_02"], deps=["p3"]),
    ))
    cmp = compare_plans(pred, gold)
    assert not cmp.exact
    assert (cmp.matched_subtasks, cmp.predicted_subtasks, cmp.gold_subtasks) == (3, 4, 4)
    assert cmp.subtask_f1 == pytest.approx(0.75)
    assert (cmp.matched_edges, cmp.predicted_edges, cmp.gold_edges) == (2, 3, 3)
    assert cmp.edge_f1 == pytest.approx(2 / 3)
    assert len(cmp.missing_subtasks) == 1 and "robot_excavator_01" in describe_key(cmp.missing_subtasks[0])
    assert len(cmp.extra_subtasks) == 1 and "robot_excavator_02" in describe_key(cmp.extra_subtasks[0])


def test_type_count_selection_is_part_of_the_key():
    a = TaskGraph((st("a", T, objs=["soil1"], types=[("excavator", 2), ("dump_truck", 1)]),))
    b = TaskGraph((st("b", T, objs=["soil1"], types=[("dump_truck", 1), ("excavator", 2)]),))
    c = TaskGraph((st("c", T, objs=["soil1"], types=[("excavator", 1), ("dump_truck", 1)]),))
    assert compare_plans(a, b).exact
    assert not compare_plans(a, c).exact
    assert subtask_key(a.subtasks[0]) == (T, (), (("dump_truck", 1), ("excavator", 2)), ("soil1",))


def test_duplicate_keys_are_matched_to_preserve_edges():
    # Two identical Excavation keys hang under different targets; a naive pairing would
    # cross them and lose both edges.
    def plan(order):
        return TaskGraph(tuple(order))

    gold = plan([
        st("ta", T, ["robot_excavator_01", "robot_excavator_02"], ["soil1"]),
        st("tb", T, ["robot_excavator_01", "robot_excavator_02"], ["soil2"]),
        st("ea", "Excavation", ["robot_excavator_01", "robot_excavator_02"], deps=["ta"]),
        st("eb", "Excavation", ["robot_excavator_01", "robot_excavator_02"], deps=["tb"]),
    ])
    pred = plan([
        st("x2", "Excavation", ["robot_excavator_01", "robot_excavator_02"], deps=["y2"]),
        st("x1", "Excavation", ["robot_excavator_01", "robot_excavator_02"], deps=["y1"]),
        st("y1", T, ["robot_excavator_01", "robot_excavator_02"], ["soil1"]),
        st("y2", T, ["robot_excavator_01", "robot_excavator_02"], ["soil2"], deps=[]),
    ])
    cmp = compare_plans(pred, gold)
    assert cmp.exact and cmp.edge_f1 == 1.0
    # break one edge: the best matching still keeps the other
    pred2 = plan([*pred.subtasks[2:], st("x1", "Excavation", ["robot_excavator_01", "robot_excavator_02"],
                                             deps=["y1"]),
                  st("x2", "Excavation", ["robot_excavator_01", "robot_excavator_02"], deps=["y1"])])
    cmp2 = compare_plans(pred2, gold)
    assert not cmp2.exact and cmp2.matched_edges == 1 and cmp2.subtask_f1 == 1.0


def test_empty_plans_compare_equal_and_diff_is_readable():
    empty = TaskGraph(())
    assert compare_plans(empty, empty).exact
    one = TaskGraph((st("a", "Excavation", ["robot_excavator_01"]),))
    cmp = compare_plans(empty, one)
    assert cmp.subtask_recall == 0.0 and cmp.subtask_f1 == 0.0
    assert cmp.diff().startswith("- missing subtask: Excavation[robot_excavator_01]")


def test_examples_match_themselves(examples):
    from dart_planner.core.plan import load_plan_document

    for doc in examples.values():
        g = load_plan_document(doc)
        assert compare_plans(g, load_plan_document(doc)).exact


def test_diff_is_the_same_under_every_hash_seed():
    # networkx's transitive reduction walks sets of node ids, whose order follows PYTHONHASHSEED;
    # the diff (and the benchmark's --show-failures) must not
    import os
    import subprocess
    import sys

    code = (
        "from dart_planner.core.plan import Subtask, TaskGraph\n"
        "from dart_planner.core.plan_compare import compare_plans\n"
        "def st(t, deps=()):\n"
        "    return Subtask(t, 'target_area_for_specific_robots', robot_ids=('robot_dump_truck_01',),\n"
        "                   object_keywords=(t,), dependencies=tuple(deps))\n"
        "names = 'abcdefgh'\n"
        "gold = TaskGraph([st(n, [names[i - 1]] if i else []) for i, n in enumerate(names)])  # a chain\n"
        "pred = TaskGraph([st(n, ['a'] if n != 'a' else []) for n in names])  # a star: many edges differ\n"
        "print(compare_plans(pred, gold).diff())\n"
    )
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(5)}
    assert len(outs) == 1 and "missing dependency" in next(iter(outs))
