"""Declare node parameters with a type, a default and a description in one line each.

Every parameter shows up documented in ``ros2 param describe``; nodes read values through
the returned dict so a typo in a name fails at start-up, not later. :func:`load_site` reads
the site files the ``fleet_file`` / ``world_file`` parameters name, the same way in every node.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rcl_interfaces.msg import ParameterDescriptor
from rclpy.node import Node

from ..core.fleet import Fleet
from ..core.world import World
from ..resources import load_site as load_site_files

__all__ = ["Param", "declare_params", "load_site"]


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


def load_site(params: Mapping[str, Any]) -> tuple[Fleet, World]:
    """The fleet and world the ``fleet_file`` and ``world_file`` parameters name (empty: the
    shipped ones), fleet first. A bad file raises ConfigError, which ends the node with exit 1."""
    return load_site_files(params["fleet_file"], params["world_file"])
