"""Fixtures for the ROS-free core tests: the shipped fleet, world and example plans.

No rclpy here, on purpose: core tests must run without ROS.
"""

from __future__ import annotations

import json

import pytest
from example_data import CONFIG, example_files

from dart_planner.core.fleet import Fleet, load_fleet
from dart_planner.core.world import World, load_world


@pytest.fixture(scope="session")
def fleet() -> Fleet:
    return load_fleet(CONFIG / "fleet.yaml")


@pytest.fixture(scope="session")
def world() -> World:
    return load_world(CONFIG / "world.yaml")


@pytest.fixture(scope="session")
def examples() -> dict[str, dict]:
    """Example documents by id: {"id", "level", "instruction", "plan": {"tasks": [...]}}."""
    return {p.stem: json.loads(p.read_text()) for p in example_files()}
