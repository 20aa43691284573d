"""Stand-in substitutions: evaluated by test/launch_eval.py."""

from __future__ import annotations

from typing import Any


class LaunchConfiguration:
    def __init__(self, variable_name: str, default: Any = None):
        self.variable_name, self.default = variable_name, default

    def perform(self, context: Any) -> str:
        if self.variable_name in context.launch_configurations:
            return context.launch_configurations[self.variable_name]
        if self.default is not None:
            return str(self.default)
        raise KeyError(f"launch configuration {self.variable_name!r} is not set")


class PathJoinSubstitution:
    def __init__(self, parts: list[Any]):
        self.parts = list(parts)


class PythonExpression:
    def __init__(self, expression: list[Any]):
        self.expression = list(expression)


class EnvironmentVariable:
    def __init__(self, name: str, default_value: str = ""):
        self.name, self.default_value = name, default_value


class TextSubstitution:
    def __init__(self, text: str):
        self.text = text
