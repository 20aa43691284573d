"""Stand-in launch actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Action:
    def __init__(self, condition: Any = None):
        self.condition = condition


class DeclareLaunchArgument(Action):
    def __init__(self, name: str, default_value: Any = None, description: str = "", choices: Any = None, **kw: Any):
        super().__init__(kw.get("condition"))
        self.name, self.default_value, self.description, self.choices = name, default_value, description, choices


class OpaqueFunction(Action):
    def __init__(self, function: Callable[..., Any], args: Any = None, kwargs: Any = None, **kw: Any):
        super().__init__(kw.get("condition"))
        self.function, self.args, self.kwargs = function, list(args or []), dict(kwargs or {})


class GroupAction(Action):
    def __init__(self, actions: list[Any], scoped: bool = True, forwarding: bool = True, **kw: Any):
        super().__init__(kw.get("condition"))
        self.actions = list(actions)


class IncludeLaunchDescription(Action):
    def __init__(self, launch_description_source: Any, launch_arguments: Any = None, **kw: Any):
        super().__init__(kw.get("condition"))
        self.source = launch_description_source
        self.launch_arguments = list(launch_arguments.items() if isinstance(launch_arguments, dict)
                                     else (launch_arguments or []))


class ExecuteProcess(Action):
    def __init__(self, cmd: list[Any], name: str | None = None, output: str = "screen", **kw: Any):
        super().__init__(kw.get("condition"))
        self.cmd, self.name, self.output = cmd, name, output


class LogInfo(Action):
    def __init__(self, msg: Any, **kw: Any):
        super().__init__(kw.get("condition"))
        self.msg = msg


class SetEnvironmentVariable(Action):
    def __init__(self, name: str, value: Any, **kw: Any):
        super().__init__(kw.get("condition"))
        self.name, self.value = name, value
