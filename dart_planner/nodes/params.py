"""Declare node parameters with a type, a default and a description in one line each.

Every parameter shows up documented in ``ros2 param describe``; nodes read values through
the returned dict so a typo in a name fails at start-up, not later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rcl_interfaces.msg import ParameterDescriptor
from rclpy.node import Node

__all__ = ["Param", "declare_params"]


@dataclass(frozen=True)
class Param:
    name: str
    default: Any
    description: str
    read_only: bool = False


def declare_params(node: Node, params: list[Param]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for p in params:
        desc = ParameterDescriptor(description=p.description, read_only=p.read_only)
        node.declare_parameter(p.name, p.default, desc)
        values[p.name] = node.get_parameter(p.name).value
    return values
