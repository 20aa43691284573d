"""Reading failure reasons: does a failure say the *robot* is out, or only this attempt?

The difference decides what the engine does next. A skill that failed (slipped bucket,
blocked path) is worth retrying on the same robot; a robot that broke down is not, and
every subtask waiting for it must move to another robot. Actuators report the reason as
text (``SkillResult.reason``); by convention a robot-level fault starts with one of
:data:`ROBOT_FAULT_MARKERS` (``"robot_breakdown: hydraulic pump"``).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["ROBOT_FAULT_MARKERS", "RobotFaultClassifier", "is_robot_fault"]

ROBOT_FAULT_MARKERS: tuple[str, ...] = (
    "robot_breakdown",
    "robot_unavailable",
    "robot_offline",
    "robot_lost",
)

RobotFaultClassifier = Callable[[str], bool]


def is_robot_fault(reason: str) -> bool:
    """True when ``reason`` says the robot itself can no longer work.

    >>> is_robot_fault("robot_breakdown: engine stalled"), is_robot_fault("dig failed: no soil")
    (True, False)
    """
    text = reason.strip().lower()
    return any(text.startswith(m) or f" {m}" in text or f"({m}" in text for m in ROBOT_FAULT_MARKERS)
