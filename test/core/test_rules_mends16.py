"""A goal sentence is a check on the rules plan (mends round 16).

A sentence that states the job's goal with no robot for it is read as a remark; the orders around
it are planned. When they carry the goal out, the plan stands unchanged; when a place the goal
names is served by no step, the planner refuses with the goal and the place named instead of
silently dropping that part of the job. No robots are made up from a goal alone. Wordings written
for these tests only (none is from the benchmark, the paraphrase set or the examples)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, DIG, DUMP, E1, E2, E3, LOAD, T, assert_plan, task

from dart_planner.core.plan import TaskGraph
from dart_planner.llm.errors import PlanningError
from dart_planner.llm.rules import RulesPlanner
from dart_planner.llm.rules.goals import Goal, goal_errors


def _problems(text: str, fleet, world) -> list[str]:
    planner = RulesPlanner()
    rp, report = planner.read(text, fleet, world)
    return planner.problems(rp, report)


# -- goals the steps do not carry out are refused, naming the goal and the place left out -----------------------


def test_goal_destination_no_step_reaches_is_refused(fleet, world):
    errs = _problems("For the demo I need gravel from soil 1 moved to puddle 2. Excavator 2 goes to soil 1.",
                     fleet, world)
    goal = [e for e in errs if "goal" in e]
    assert len(goal) == 1, errs
    assert "gravel from soil 1 moved to puddle 2" in goal[0]
    assert "nothing goes to puddle 2" in goal[0] and "soil 1 (" not in goal[0]


def test_fill_goal_with_dig_only_is_refused(fleet, world):
    errs = _problems("Puddle 2 needs filling with rubble from rock 1. Excavator 1 goes to rock 1 and digs.",
                     fleet, world)
    assert any("nothing goes to puddle 2" in e and "needs filling with rubble from rock 1" in e for e in errs), errs


def test_goal_title_before_a_colon_is_checked(fleet, world):
    errs = _problems("Our aim is a full truck emptied at obstacle 2: excavator 3 digs at rock 2 and loads truck 1.",
                     fleet, world)
    assert any("nothing goes to obstacle 2" in e for e in errs), errs


def test_goal_source_left_out_is_refused(fleet, world):
    errs = _problems("We want earth from soil 2 brought to puddle 1. Truck 2 drives to puddle 1 and dumps.",
                     fleet, world)
    assert any("nothing goes to soil 2" in e for e in errs), errs


def test_refusal_reaches_the_caller(fleet, world):
    with pytest.raises(PlanningError, match="nothing goes to puddle 2"):
        RulesPlanner().plan("Puddle 2 needs filling with rubble from rock 1. Excavator 1 goes to rock 1 and digs.",
                            fleet, world)


# -- goals carried out still plan, unchanged ----------------------------------------------------------------------


def test_fill_goal_carried_out_plans(fleet, world):
    assert_plan("Puddle 1 needs filling with earth from soil 2. Excavator 2 digs at soil 2 and loads truck 1, "
                "which then dumps the earth at puddle 1.", fleet, world,
                task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                task("d", LOAD, [E2], deps=["b"]), task("c", T, [D1], ["puddle1"], deps=["d"]),
                task("e", DUMP, [D1], deps=["c"]))  # the relative clause hauls: after the loading (mends18)


def test_goal_place_a_robot_already_stands_at_is_served(fleet, world):
    assert_plan("We need rock 2 cleared. Excavator 3 is already at rock 2. Excavator 3 digs.", fleet, world,
                task("a", DIG, [E3]))


def test_purpose_goal_carried_out_plans(fleet, world):
    assert_plan("I want soil 1 looked at. Truck 2 goes to soil 1.", fleet, world,
                task("a", T, [D2], ["soil1"]))


def test_goal_errors_names_only_the_places_left_out():
    g = Goal("rubble from rock 1 to puddle 2", (("rock1", "rock 1"), ("puddle2", "puddle 2")))
    assert goal_errors([g], TaskGraph(()), stood=["rock1"]) == [
        "the goal 'rubble from rock 1 to puddle 2' is not carried out by the steps given: nothing goes to "
        "puddle 2 (say who does it)"]
    assert goal_errors([g], TaskGraph(()), stood=["rock1", "puddle2"]) == []
    assert goal_errors([], TaskGraph(())) == []


def test_no_robot_is_invented_for_a_goal(fleet, world):
    planner = RulesPlanner()
    rp, _ = planner.read("Puddle 2 needs filling with rubble from rock 1. Excavator 1 goes to rock 1 and digs.",
                         fleet, world)
    robots = {r for s in rp.graph.subtasks for r in s.robot_ids}
    assert robots == {E1} and all(not s.robot_type for s in rp.graph.subtasks)


# -- goals said in the middle or at the end --------------------------------------------------------------------


def test_goal_at_the_end_not_carried_out_is_refused(fleet, world):
    # before: read as excavator 1's own order, a loading with no truck, and puddle 2 was never reached
    errs = _problems("Excavator 1 goes to rock 1 and digs. Puddle 2 needs filling with rubble from rock 1.",
                     fleet, world)
    assert any("needs filling with rubble from rock 1" in e and "nothing goes to puddle 2" in e for e in errs), errs


def test_wish_at_the_end_not_carried_out_is_refused(fleet, world):
    errs = _problems("Truck 3 heads to soil 2. We need obstacle 2 looked at.", fleet, world)
    assert any("'We need obstacle 2 looked at'" in e and "nothing goes to obstacle 2" in e for e in errs), errs


def test_goal_in_the_middle_not_carried_out_is_refused(fleet, world):
    errs = _problems("Truck 1 goes to puddle 1. The rubble at rock 2 needs hauling to puddle 2. Excavator 2 digs "
                     "at rock 2.", fleet, world)
    assert any("nothing goes to puddle 2" in e for e in errs), errs


@pytest.mark.parametrize("goal", [
    "Puddle 2 needs filling with rubble from rock 1. ",
    "We need the rubble from rock 1 in puddle 2. ",
    "I want rock 1's rubble moved to puddle 2. ",
])
def test_goal_in_the_middle_carried_out_leaves_the_plan_unchanged(fleet, world, goal):
    first, rest = "Excavator 1 digs at rock 1 and loads truck 2. ", "Truck 2 drives to puddle 2 and dumps."
    planner = RulesPlanner()
    with_goal, _ = planner.read(first + goal + rest, fleet, world)
    without, _ = planner.read(first + rest, fleet, world)
    assert not with_goal.errors, with_goal.errors
    assert with_goal.graph.to_dart() == without.graph.to_dart()


def test_goal_at_the_end_carried_out_leaves_the_plan_unchanged(fleet, world):
    steps = "Excavator 2 digs at soil 1 and loads truck 1. Truck 1 then goes to obstacle 1 and dumps."
    planner = RulesPlanner()
    with_goal, _ = planner.read(steps + " We want the soil from soil 1 at obstacle 1.", fleet, world)
    without, _ = planner.read(steps, fleet, world)
    assert not with_goal.errors and len(with_goal.graph) == 5, with_goal.errors
    assert with_goal.graph.to_dart() == without.graph.to_dart()


def test_passive_step_of_one_place_after_a_robot_stays_its_step(fleet, world):
    # not a goal: the robot said last does it (a need of one place, no cargo moved between places)
    assert_plan("Excavator 2 goes to rock 1. Rock 1 must then be dug.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]))


# -- a keep-out around a goal's place sends nobody there -------------------------------------------------------


def test_keepout_around_the_goal_place_does_not_carry_it_out(fleet, world):
    errs = _problems("Puddle 2 needs filling with rubble from rock 1. Everyone keeps away from puddle 2. "
                     "Excavator 1 digs at rock 1.", fleet, world)
    assert any("nothing goes to puddle 2" in e for e in errs), errs


def test_goal_errors_keepout_serves_only_a_keepout_goal():
    fence = TaskGraph.from_dart({"tasks": [{"task": "avoid_areas_for_all_robots_1", "instruction_function": {
        "name": "avoid_areas_for_all_robots", "dependencies": [], "object_keywords": ["puddle1"]}}]})
    fill = Goal("puddle 1 needs filling", (("puddle1", "puddle 1"),))
    clear = Goal("puddle 1 must be kept clear", (("puddle1", "puddle 1"),), keepout=True)
    skills = ["avoid_areas_for_all_robots"]
    assert goal_errors([clear], fence, keepout_skills=skills) == []
    assert len(goal_errors([fill], fence, keepout_skills=skills)) == 1
    assert goal_errors([fill], fence) == []  # without the keep-out skills named, every step counts


def test_refusal_quotes_the_goal_as_typed(fleet, world):
    errs = _problems("Excavator 1 goes to Rock 1 and digs.  Puddle 2 needs filling with rubble from Rock 1!",
                     fleet, world)
    assert "the goal 'Puddle 2 needs filling with rubble from Rock 1' is not carried out by the steps given: " \
           "nothing goes to puddle 2 (say who does it)" in errs, errs
