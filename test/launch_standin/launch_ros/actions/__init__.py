"""Stand-in launch_ros actions."""

from __future__ import annotations

from typing import Any

from launch.actions import Action


class Node(Action):
    def __init__(self, *, package: str, executable: str, name: str | None = None, namespace: Any = None,
                 parameters: list[Any] | None = None, remappings: list[tuple[Any, Any]] | None = None,
                 arguments: list[Any] | None = None, output: str = "screen", respawn: Any = False,
                 respawn_delay: float | None = None, ros_arguments: list[Any] | None = None, **kw: Any):
        super().__init__(kw.get("condition"))
        self.package, self.executable, self.name, self.namespace = package, executable, name, namespace
        self.parameters = list(parameters or [])
        self.remappings = list(remappings or [])
        self.arguments = list(arguments or [])
        self.ros_arguments = list(ros_arguments or [])
        self.output, self.respawn, self.respawn_delay = output, respawn, respawn_delay

    @property
    def node_executable(self) -> Any:
        """As launch_ros.actions.Node exposes it (launch files filter node sets by it)."""
        return self.executable


class PushRosNamespace(Action):
    def __init__(self, namespace: Any, **kw: Any):
        super().__init__(kw.get("condition"))
        self.namespace = namespace


class SetParameter(Action):
    def __init__(self, name: str, value: Any, **kw: Any):
        super().__init__(kw.get("condition"))
        self.name, self.value = name, value
