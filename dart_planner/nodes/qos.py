"""Named QoS profiles, chosen on purpose and shared by every node.

Plans and states are latched (TRANSIENT_LOCAL, depth 1) so a late joiner — RViz, a
restarted node, a bag recorder — gets the current one. Sensor streams are best effort so
a slow subscriber never backs up the simulator. Commands are reliable and shallow.
"""

from __future__ import annotations

from rclpy.qos import (
    DurabilityPolicy,
    HistoryPolicy,
    QoSProfile,
    ReliabilityPolicy,
    qos_profile_sensor_data,
)

__all__ = ["LATCHED", "EVENTS", "COMMANDS", "SENSOR", "STATUS"]

LATCHED = QoSProfile(
    depth=1,
    history=HistoryPolicy.KEEP_LAST,
    reliability=ReliabilityPolicy.RELIABLE,
    durability=DurabilityPolicy.TRANSIENT_LOCAL,
)
"""Task graphs, plan status snapshots, objects: the latest value matters, late joiners need it."""

EVENTS = QoSProfile(
    depth=50,
    history=HistoryPolicy.KEEP_LAST,
    reliability=ReliabilityPolicy.RELIABLE,
    durability=DurabilityPolicy.VOLATILE,
)
"""Instructions, goals, results: every message counts, so a deeper reliable queue."""

COMMANDS = QoSProfile(
    depth=1,
    history=HistoryPolicy.KEEP_LAST,
    reliability=ReliabilityPolicy.RELIABLE,
    durability=DurabilityPolicy.VOLATILE,
)
"""cmd_vel and joint commands: only the newest matters."""

SENSOR = qos_profile_sensor_data
"""odom, joint_states, camera images."""

STATUS = QoSProfile(
    depth=10,
    history=HistoryPolicy.KEEP_LAST,
    reliability=ReliabilityPolicy.RELIABLE,
    durability=DurabilityPolicy.TRANSIENT_LOCAL,
)
"""Plan status stream: reliable, with a short history for late joiners."""
