"""Stand-in launch_ros substitutions."""

from __future__ import annotations


class FindPackageShare:
    def __init__(self, package: str):
        self.package = package
