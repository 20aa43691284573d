"""dart_planner: plain-language multi-robot task planning for ROS 2.

The ROS-free core lives in :mod:`dart_planner.core`; ROS nodes in :mod:`dart_planner.nodes`
are thin adapters around it.
"""

__version__ = "0.1.0"
