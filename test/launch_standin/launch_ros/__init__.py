"""Stand-in for the ROS 2 ``launch_ros`` package (test use only)."""

from . import actions, substitutions  # noqa: F401
