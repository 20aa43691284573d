"""Where the shipped configuration lives, however the package was installed.

Order: the source tree next to the package (editable installs, checkouts), the ament
share directory (colcon), ``<sys.prefix>/share/dart_planner`` (pip's data_files).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .core.fleet import Fleet
    from .core.world import World

__all__ = ["share_dir", "config_path", "examples_dir", "default_fleet_path", "default_world_path", "load_site"]

PACKAGE = "dart_planner"


@lru_cache(maxsize=1)
def share_dir() -> Path:
    candidates = [Path(__file__).resolve().parent.parent]
    try:  # a colcon/ament install knows its share directory
        from ament_index_python.packages import get_package_share_directory

        candidates.append(Path(get_package_share_directory(PACKAGE)))
    except Exception:  # noqa: BLE001 - not installed through ament, or ament absent
        pass
    candidates.append(Path(sys.prefix) / "share" / PACKAGE)
    for c in candidates:
        if (c / "config" / "fleet.yaml").is_file():
            return c
    raise FileNotFoundError(
        "dart_planner's config directory was not found (looked in: "
        + ", ".join(str(c) for c in candidates)
        + "); reinstall the package"
    )


def config_path(name: str) -> Path:
    return share_dir() / "config" / name


def examples_dir() -> Path:
    return config_path("examples")


def default_fleet_path() -> Path:
    return config_path("fleet.yaml")


def default_world_path() -> Path:
    return config_path("world.yaml")


def load_site(fleet: str | Path | None = None, world: str | Path | None = None) -> tuple[Fleet, World]:
    """The fleet and world in the given files, the shipped ones where a file is not given (None
    or empty, as an unset ROS parameter is). The CLI, the nodes and the benchmarks all read the
    site this one way. A bad file raises ConfigError."""
    from .core.fleet import load_fleet  # the core imports this module: load it only when called
    from .core.world import load_world

    return load_fleet(fleet or default_fleet_path()), load_world(world or default_world_path())
