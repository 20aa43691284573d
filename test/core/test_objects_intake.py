"""core.intake.gate_plan: validation, then stale perceived objects, then the safety policy (ROS-free).

The allocator node (intake and approve) and ``replay --rejudge`` both decide with this gate,
so its order and its words are tested here once.
"""

from __future__ import annotations

import pytest

from dart_planner.core.errors import PlanFormatError
from dart_planner.core.fleet import Fleet
from dart_planner.core.intake import SAFETY_REFUSAL, gate_plan, graph_from_payload
from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.safety import GateVerdict, SafetyPolicy, safety_policy_from_dict
from dart_planner.core.world import KeepOutZone, World, WorldObject

NAV = "target_area_for_specific_robots"
T1 = "robot_dump_truck_01"
PILE = WorldObject("pile7", "soil", 12.0, -8.0, 2.0, "detector", 0.9, 4.0)


def go(target: str, robot: str = T1) -> TaskGraph:
    return TaskGraph((Subtask("go", NAV, robot_ids=(robot,), object_keywords=(target,)),), "p1")


def test_a_valid_allowed_plan_is_accepted(fleet: Fleet, world: World) -> None:
    d = gate_plan(go("rock1"), fleet, world, SafetyPolicy())
    assert d.verdict is GateVerdict.ACCEPT and d.may_dispatch and d.error == ""


def test_validation_comes_first(fleet: Fleet, world: World) -> None:
    # an unknown robot and an e-stop: the plan is invalid whatever else holds
    d = gate_plan(go("rock1", robot="robot_nobody"), fleet, world, SafetyPolicy(), estopped=True)
    assert d.verdict is GateVerdict.REFUSE and d.error.startswith("PlanValidationError: ") and not d.reasons


def test_a_stale_perception_only_object_is_refused_before_the_safety_gate(fleet: Fleet, world: World) -> None:
    site = world.with_object(PILE)
    d = gate_plan(go("pile7"), fleet, site, SafetyPolicy(), stale_only={"pile7": 31.0}, object_ttl_s=20.0,
                  estopped=True)
    assert d.verdict is GateVerdict.REFUSE and not d.reasons
    assert d.error.startswith("stale perceived object(s): pile7 (last reported 31.0 s ago); object_ttl_s=20")
    # fresh, or not named by the plan: the gate goes on to the safety policy (here the e-stop)
    assert gate_plan(go("pile7"), fleet, site, SafetyPolicy()).may_dispatch
    d = gate_plan(go("rock1"), fleet, site, SafetyPolicy(), stale_only={"pile7": 31.0}, object_ttl_s=20.0,
                  estopped=True)
    assert d.verdict is GateVerdict.ESTOPPED and d.error.startswith(SAFETY_REFUSAL + "an emergency stop")


def test_safety_refusals_carry_every_reason(fleet: Fleet, world: World) -> None:
    rock = world.object("rock1")
    fenced = world.with_keep_out([*world.keep_out, KeepOutZone("fence1", rock.x, rock.y, 3.0)])
    d = gate_plan(go("rock1"), fleet, fenced, SafetyPolicy())
    assert d.verdict is GateVerdict.REFUSE and len(d.reasons) == 1 and "keep-out zone fence1" in d.reasons[0]
    assert d.error == SAFETY_REFUSAL + d.reasons[0]


def test_approval_holds_then_passes_once_approved(fleet: Fleet, world: World) -> None:
    policy = safety_policy_from_dict({"approval": "all"})
    held = gate_plan(go("rock1"), fleet, world, policy)
    assert held.verdict is GateVerdict.NEEDS_APPROVAL and held.error == "" and held.reasons
    assert gate_plan(go("rock1"), fleet, world, policy, approved=True).may_dispatch
    # approval never overrides a stale object or the e-stop
    site = world.with_object(PILE)
    assert gate_plan(go("pile7"), fleet, site, policy, approved=True, stale_only={"pile7": 30.0},
                     object_ttl_s=20.0).verdict is GateVerdict.REFUSE
    assert gate_plan(go("rock1"), fleet, world, policy, approved=True,
                     estopped=True).verdict is GateVerdict.ESTOPPED


def test_a_task_graph_message_is_read_in_native_or_dart_form_and_checked() -> None:
    graph = go("rock1")
    native, iid = graph_from_payload({"plan_id": "p1", "instruction_id": "i1", "native": graph.to_native(),
                                      "plan": {"tasks": "ignored: the native form wins"}})
    assert native == graph and iid == "i1"
    dart, iid = graph_from_payload({"plan_id": "p1", "plan": graph.to_dart(), "instruction_id": 7})
    assert dart.plan_id == "p1" and dart.ids == graph.ids and iid is None
    with pytest.raises(PlanFormatError, match="differs from the plan's"):
        graph_from_payload({"plan_id": "other", "native": graph.to_native()})
    with pytest.raises(PlanFormatError, match="neither 'native' nor 'plan'"):
        graph_from_payload({"plan": graph.to_dart()})
