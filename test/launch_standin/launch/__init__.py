"""Stand-in for the ROS 2 ``launch`` package (test use only)."""

from __future__ import annotations

from typing import Any

from . import actions, conditions, substitutions  # noqa: F401


class LaunchContext:
    def __init__(self, arguments: dict[str, str] | None = None):
        self.launch_configurations: dict[str, str] = dict(arguments or {})
        self.namespace: str = ""


class LaunchDescription:
    def __init__(self, entities: list[Any] | None = None):
        self.entities = list(entities or [])

    def add_action(self, action: Any) -> None:
        self.entities.append(action)
