"""Which topics a recording of the stack holds, and how each one is meant to be delivered.

Names and types come from :mod:`dart_planner.topics` (the one list every node, launch file
and bridge reads), so a recorder never misses a topic the stack gained. Needs no ROS.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.fleet import Fleet
from ..topics import (
    ASSIGNMENTS,
    CAMERA_IMAGE,
    CAMERA_INFO,
    INSTRUCTION,
    KEEPOUT,
    LLM_EXCHANGE,
    MARKERS,
    MESSAGE_TYPES,
    OBJECTS,
    PLAN_STATUS,
    REPLAN_REQUEST,
    ROBOT_CMD_VEL,
    ROBOT_FEEDBACK,
    ROBOT_GOAL,
    ROBOT_GOAL_POSE,
    ROBOT_JOINT_COMMAND,
    ROBOT_JOINT_STATES,
    ROBOT_ODOM,
    ROBOT_RESULT,
    TASK_GRAPH,
    planner_topic,
    robot_topic,
)

__all__ = ["PLANNER_TOPICS", "ROBOT_TOPICS", "CAMERA_TOPICS", "LATCHED_DEPTH", "SENSOR_TOPICS",
           "DeliveryHint", "stack_topics", "delivery_hint"]

PLANNER_TOPICS = (INSTRUCTION, TASK_GRAPH, ASSIGNMENTS, PLAN_STATUS, OBJECTS, MARKERS, REPLAN_REQUEST,
                  KEEPOUT, LLM_EXCHANGE)
"""Planner-namespace topics; LLM_EXCHANGE carries the request/response pairs a re-judge replays."""
CAMERA_TOPICS = (CAMERA_IMAGE, CAMERA_INFO)
ROBOT_TOPICS = (ROBOT_ODOM, ROBOT_CMD_VEL, ROBOT_JOINT_STATES, ROBOT_JOINT_COMMAND, ROBOT_GOAL_POSE,
                ROBOT_GOAL, ROBOT_FEEDBACK, ROBOT_RESULT)

LATCHED_DEPTH = {TASK_GRAPH: 1, ASSIGNMENTS: 1, OBJECTS: 1, KEEPOUT: 1, PLAN_STATUS: 10}
"""Transient-local topics of the stack and their history depth (see ``nodes/qos.py``)."""
SENSOR_TOPICS = frozenset({ROBOT_ODOM, ROBOT_JOINT_STATES, CAMERA_IMAGE, CAMERA_INFO})


def stack_topics(namespace: str = "dart", robot_namespaces: Iterable[str] | Fleet = (), camera: bool = True,
                 extra: Iterable[str] = ()) -> dict[str, str | None]:
    """Absolute topic name -> ROS type of a recording; ``None`` for an extra topic (type from the graph).

    Examples
    --------
    >>> t = stack_topics("dart", ["robot_a"], camera=False)
    >>> t["/dart/task_graph"], t["/robot_a/odom"]
    ('std_msgs/msg/String', 'nav_msgs/msg/Odometry')
    >>> "/dart/camera/image" in t
    False
    """
    # A fleet entry may rename odom/cmd_vel (real robots); an absolute name ignores the namespace.
    robots: list[tuple[str, dict[str, str]]]
    if isinstance(robot_namespaces, Fleet):
        robots = [(r.namespace, {ROBOT_ODOM: r.odom_topic, ROBOT_CMD_VEL: r.cmd_vel_topic})
                  for r in robot_namespaces.robots]
    else:
        robots = [(ns, {}) for ns in robot_namespaces]
    topics: dict[str, str | None] = {}
    for name in PLANNER_TOPICS + (CAMERA_TOPICS if camera else ()):
        topics[planner_topic(namespace, name)] = MESSAGE_TYPES[name]
    for ns, renamed in robots:
        for name in ROBOT_TOPICS:
            actual = renamed.get(name, name)
            absolute = robot_topic(ns, actual)
            topics[absolute] = MESSAGE_TYPES[name]
    for name in extra:
        absolute = "/" + name.strip("/")
        topics.setdefault(absolute, None)
    return topics


@dataclass(frozen=True)
class DeliveryHint:
    """How a topic is delivered when a bag did not record its publishers' QoS."""

    transient_local: bool
    depth: int


def delivery_hint(topic: str) -> DeliveryHint:
    """Delivery of a stack topic by name (any namespace); plain reliable events otherwise.

    >>> delivery_hint("/dart/task_graph")
    DeliveryHint(transient_local=True, depth=1)
    """
    parts = topic.strip("/").split("/")
    for n in (2, 1):  # "camera/image", "dart/goal" are two components
        rel = "/".join(parts[-n:])
        if rel in LATCHED_DEPTH:
            return DeliveryHint(True, LATCHED_DEPTH[rel])
        if rel in SENSOR_TOPICS:
            return DeliveryHint(False, 10)
    return DeliveryHint(False, 50)
