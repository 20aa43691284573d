"""Execution of a plan that digs once and loads two trucks in turn (rule 24 of the benchmark).

Before refill digs these plans failed in the simulator ("bucket_empty: dig before
unloading" on the second unloading); the engine now adds a visible refill dig.
"""

from __future__ import annotations

import math

import pytest
from test_refill import EX3, T1, T2, joint_move

from dart_planner.core.allocate import allocate
from dart_planner.core.errors import ExecutionError
from dart_planner.core.execute import ExecutionEngine, PlanState
from dart_planner.core.execution.states import SubtaskState
from dart_planner.runner import RunOptions, run_in_sim
from dart_planner.sim import Simulation
from dart_planner.sim.actuator import SimActuator


def test_dig_once_load_two_trucks_succeeds_with_soil_conserved(fleet, world) -> None:
    graph = joint_move()  # excavator 3 digs at soil2, loads truck 1, then truck 2
    initial = sum(o.volume for o in world.objects.values() if o.volume)
    result = run_in_sim(graph, fleet, world, RunOptions(max_sim_time_s=1800.0))
    assert result.succeeded, [(s.task_id, s.state.value, s.reason) for s in result.status.subtasks]
    assert result.notes and "Excavation_1_refill" in result.notes[0]
    assert result.report()["notes"] == list(result.notes)
    assert result.status.notes == result.notes  # the engine's plan_status says the same
    status = result.status
    first, refill, second = (status.subtask(t) for t in
                             ("ExcavatorUnloading_1", "Excavation_1_refill", "ExcavatorUnloading_2"))
    assert refill.robots == (EX3,)
    assert first.finished_at <= refill.started_at and refill.finished_at <= second.started_at
    final, ledger = result.final, result.sim.ledger
    bucket = final.robots[EX3].capacity
    taken = initial - sum(final.piles.values())
    assert math.isclose(taken, 2 * bucket, abs_tol=1e-6)  # two scoops, one per loading
    assert math.isclose(ledger.total(), initial, abs_tol=1e-6)  # soil conserved
    in_robots = sum(r.payload for r in final.robots.values())
    assert math.isclose(sum(final.dumped.values()) + in_robots, taken, abs_tol=1e-6)


def test_dig_once_load_two_trucks_loads_both_trucks(fleet, world) -> None:
    result = run_in_sim(joint_move(), fleet, world, RunOptions(max_sim_time_s=1800.0))
    assert result.succeeded
    status = result.status
    assert T1 in status.subtask("ExcavatorUnloading_1").robots
    assert T2 in status.subtask("ExcavatorUnloading_2").robots
    dumped_by = {d.robot_id: d.volume for d in result.final.dumps}
    assert dumped_by.get(T1, 0.0) > 0 and dumped_by.get(T2, 0.0) > 0


def _engine(fleet, world) -> tuple[ExecutionEngine, SimActuator, Simulation]:
    sim = Simulation(fleet, world, seed=0)
    actuator = SimActuator(sim)
    return ExecutionEngine(fleet, world, actuator, clock=lambda: sim.time), actuator, sim


def test_engine_submit_adds_the_refill_and_reports_it(fleet, world) -> None:
    engine, actuator, sim = _engine(fleet, world)
    pid = engine.submit(joint_move())
    status = engine.status(pid)
    assert status.subtask("Excavation_1_refill").state in (SubtaskState.PENDING, SubtaskState.READY)
    assert len(status.notes) == 1 and status.notes[0].startswith("ExcavatorUnloading_2: ")
    assert status.to_dict()["notes"] == list(status.notes)
    engine.tick()
    while not engine.is_finished(pid) and sim.time < 1800.0:
        actuator.step()
        engine.tick()
    assert engine.plan_outcome(pid) is PlanState.SUCCEEDED


def test_plain_plans_keep_their_status_shape(fleet, world, examples) -> None:
    engine, _, _ = _engine(fleet, world)
    from dart_planner.core.plan import TaskGraph

    doc = next(iter(sorted(examples.items())))[1]
    pid = engine.submit(TaskGraph.from_dart(doc["plan"]))
    status = engine.status(pid)
    assert status.notes == () and "notes" not in status.to_dict()


def test_a_schedule_made_without_the_refill_is_refused(fleet, world) -> None:
    """A caller that allocates itself must add the refills first (as run_in_sim does)."""
    engine, _, _ = _engine(fleet, world)
    graph = joint_move()
    with pytest.raises(ExecutionError):
        engine.submit(graph, allocate(graph, fleet, world))
