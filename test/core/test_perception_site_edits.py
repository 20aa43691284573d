"""Site edits in the simulator (Simulation.place_object / remove_object): what perception tests
move behind the planner's back must change what the camera renders, what the ground truth
reports and what robots bump into, and nothing else."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from dart_planner.core.actuation import GoalStatus, SkillGoal, SkillResult
from dart_planner.core.errors import ExecutionError
from dart_planner.core.fleet import Fleet, SkillAction
from dart_planner.core.world import World, WorldObject
from dart_planner.sim import Simulation
from dart_planner.sim.external import ground_truth_payload
from dart_planner.sim.render import render_array

TRUCK = "robot_dump_truck_01"  # starts at (4, -24) facing +y


def pixel(sim: Simulation, x: float, y: float, size: int = 200) -> np.ndarray:
    array, tf = render_array(sim.snapshot(), sim.world, size)
    u, v = tf.to_pixel(x, y)
    return array[int(v), int(u)].astype(int)


def truth(sim: Simulation, name: str) -> dict | None:
    return next((o for o in ground_truth_payload(sim)["objects"] if o["name"] == name), None)


def test_a_moved_object_is_rendered_and_reported_at_its_new_place_only(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, external=True)
    old = world.object("puddle1")
    new = (-6.0, -6.0)
    ground = pixel(sim, *new)
    water = pixel(sim, old.x, old.y)
    assert not np.array_equal(ground, water)
    sim.place_object(dataclasses.replace(old, x=new[0], y=new[1]))
    assert np.array_equal(pixel(sim, *new), water) and np.array_equal(pixel(sim, old.x, old.y), ground)
    assert (truth(sim, "puddle1")["x"], truth(sim, "puddle1")["y"]) == new
    assert sim.world.object("puddle1").radius == old.radius and world.object("puddle1") == old  # world immutable
    sim.place_object(WorldObject("spill", "puddle", 10.0, 2.0, 2.0))
    assert np.array_equal(pixel(sim, 10.0, 2.0), water) and truth(sim, "spill")["kind"] == "puddle"
    assert sim.remove_object("spill").name == "spill"
    assert truth(sim, "spill") is None and np.array_equal(pixel(sim, 10.0, 2.0), ground)


def drive(sim: Simulation, seconds: float, v: float = 2.0) -> None:
    for _ in range(int(seconds / 0.05)):
        sim.command_velocity(TRUCK, v, 0.0)
        sim.step(0.05)


def test_a_placed_rock_blocks_a_robot_and_a_removed_one_no_longer_does(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, external=True)
    sim.place_object(WorldObject("boulder", "rock", 4.0, -16.0, 1.2))
    drive(sim, 8.0)
    body = sim.robots[TRUCK].body
    y = sim.robot_pose(TRUCK).y
    assert y <= -16.0 - 1.2 - body + 0.05 and sim.guard_stops["object"] > 0  # held up at the rock's edge
    assert sim.snapshot().collisions == ()
    sim.remove_object("boulder")
    drive(sim, 2.0)
    assert sim.robot_pose(TRUCK).y > y + 2.0  # the way is clear again


def test_soil_piles_keep_their_soil_when_moved_and_cannot_vanish(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, external=True)
    total = sim.ledger.total()
    sim.place_object(dataclasses.replace(world.object("soil1"), x=-10.0, y=14.0, volume=999.0))
    assert sim.ledger.piles["soil1"] == 30.0 and sim.world.object("soil1").volume == 30.0
    assert sim.ledger.total() == total  # a move takes the pile's soil along, no more
    assert truth(sim, "soil1")["x"] == -10.0
    sim.place_object(WorldObject("soil3", "soil", 20.0, 0.0, 2.0, volume=5.0))
    assert sim.ledger.piles["soil3"] == 5.0 and sim.ledger.total() == total + 5.0
    with pytest.raises(ExecutionError, match="cannot be removed"):
        sim.remove_object("soil1")
    assert sim.world.has_object("soil1") and sim.ledger.total() == total + 5.0


@pytest.mark.parametrize("obj, why", [
    (WorldObject("puddle1", "rock", 0.0, 0.0, 1.0), "is a puddle"),
    (WorldObject("far", "rock", 31.0, 0.0, 1.0), "off the site"),
    (WorldObject("nan", "rock", math.nan, 0.0, 1.0), "finite"),
    (WorldObject("flat", "rock", 0.0, 0.0, 0.0), "radius > 0"),
    (WorldObject("onto", "rock", 4.5, -24.0, 1.0), "land on robot robot_dump_truck_01"),
])
def test_edits_that_make_no_sense_are_refused_and_change_nothing(
        fleet: Fleet, world: World, obj: WorldObject, why: str) -> None:
    sim = Simulation(fleet, world, external=True)
    with pytest.raises(ExecutionError, match=why):
        sim.place_object(obj)
    assert sim.world == world and len(sim.solid_objects) == 6
    with pytest.raises(ExecutionError, match="unknown object"):
        sim.remove_object("nothing")


def test_a_puddle_may_be_placed_under_a_robot_it_is_not_solid(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world, external=True)
    sim.place_object(WorldObject("wet", "puddle", 4.0, -24.0, 2.0))
    drive(sim, 3.0)
    assert sim.robot_pose(TRUCK).y > -20.0 and sim.snapshot().collisions == ()


def test_skill_goals_go_where_the_object_is_now(fleet: Fleet, world: World) -> None:
    sim = Simulation(fleet, world)
    new = (-6.0, -6.0)
    sim.place_object(dataclasses.replace(world.object("puddle1"), x=new[0], y=new[1]))
    sim.start_skill(SkillGoal("g1", "p", "t", TRUCK, "target_area_for_specific_robots", SkillAction.NAVIGATE,
                              target="puddle1"))
    results = [e for e in sim.run_until_idle(200.0) if isinstance(e, SkillResult)]
    assert [r.status for r in results] == [GoalStatus.SUCCEEDED]
    p = sim.robot_pose(TRUCK)
    assert math.hypot(p.x - new[0], p.y - new[1]) < 6.0
