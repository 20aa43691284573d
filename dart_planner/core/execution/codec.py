"""JSON form of a :class:`~dart_planner.core.schedule.Schedule`, for the journal and reports.

A restored engine must dispatch by exactly the schedule the crashed one used, so the round
trip keeps every field; ``info`` keeps what JSON can hold and stringifies the rest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ..schedule import Assignment, Schedule

__all__ = ["schedule_to_dict", "schedule_from_dict"]


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    return str(value)


def _num(value: float) -> float | None:
    return value if math.isfinite(value) else None


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    return {
        "policy": schedule.policy,
        "assignments": {
            tid: {
                "robot_ids": list(a.robot_ids),
                "start": _num(a.start),
                "ready": _num(a.ready),
                "finish": _num(a.finish),
                "travel_s": {r: _num(t) for r, t in a.travel_s.items()},
            }
            for tid, a in schedule.assignments.items()
        },
        "robot_order": {r: list(ts) for r, ts in schedule.robot_order.items()},
        "makespan": _num(schedule.makespan),
        "lower_bound": _num(schedule.lower_bound),
        "critical_path": list(schedule.critical_path),
        "utilization": {r: _num(u) for r, u in schedule.utilization.items()},
        "optimal": schedule.optimal,
        "bound": None if schedule.bound is None else _num(schedule.bound),
        "wall_time_s": _num(schedule.wall_time_s),
        "info": _json_safe(schedule.info),
    }


def _f(value: Any) -> float:
    return math.inf if value is None else float(value)


def schedule_from_dict(data: Mapping[str, Any]) -> Schedule:
    assignments = {
        tid: Assignment(
            task_id=tid,
            robot_ids=tuple(a["robot_ids"]),
            start=_f(a["start"]),
            ready=_f(a["ready"]),
            finish=_f(a["finish"]),
            travel_s={r: _f(t) for r, t in a.get("travel_s", {}).items()},
        )
        for tid, a in data["assignments"].items()
    }
    bound = data.get("bound")
    return Schedule(
        policy=str(data["policy"]),
        assignments=assignments,
        robot_order={r: tuple(ts) for r, ts in data["robot_order"].items()},
        makespan=_f(data["makespan"]),
        lower_bound=_f(data["lower_bound"]),
        critical_path=tuple(data.get("critical_path", ())),
        utilization={r: _f(u) for r, u in data.get("utilization", {}).items()},
        optimal=data.get("optimal"),
        bound=None if bound is None else float(bound),
        wall_time_s=float(data.get("wall_time_s") or 0.0),
        info=dict(data.get("info", {})),
    )
