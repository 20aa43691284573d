"""A goal's speed cap: ``params["max_speed"]`` (m/s), read the same way by every actuator.

The allocator sends each goal with its robot's safety speed limit (or a lower value the plan
asked for) in ``params["max_speed"]``. Whoever moves the robot -- the actuation node, the
built-in simulator -- caps the linear speed at the smaller of that value and the robot's own
limit. The parsing lives here, in the core, so the simulator and the ROS side cannot drift
apart on what counts as a cap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = ["SPEED_PARAM", "speed_cap", "malformed_speed_cap"]

SPEED_PARAM = "max_speed"
"""Goal parameter (m/s): the allocator's speed limit for this robot and goal (safety policy)."""


def _speed(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


def speed_cap(params: Mapping[str, Any]) -> float | None:
    """``params["max_speed"]`` when it is a finite number > 0, else None (no cap, or a malformed
    one: see :func:`malformed_speed_cap`, which actuators refuse rather than run uncapped)."""
    return _speed(params.get(SPEED_PARAM))


def malformed_speed_cap(params: Mapping[str, Any]) -> str | None:
    """Why ``params`` carries a ``max_speed`` that is not a speed, or None.

    A broken cap is never taken for "no cap": an actuator refuses such a goal.
    """
    if SPEED_PARAM in params and speed_cap(params) is None:
        return f"params.{SPEED_PARAM} must be a finite speed > 0 (m/s), got {params[SPEED_PARAM]!r}"
    return None
