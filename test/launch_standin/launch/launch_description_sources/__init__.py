"""Stand-in launch description sources."""

from __future__ import annotations

from typing import Any


class PythonLaunchDescriptionSource:
    def __init__(self, launch_file_path: Any):
        self.launch_file_path = launch_file_path
