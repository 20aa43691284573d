"""rosbag2 record, replay and inspection for dart_planner (pure-Python ``rosbags`` storage).

Importing this package needs no ROS: it exposes the ROS-free part (errors, reading and
writing bags, ``bag info``). The rclpy parts are imported explicitly:
:mod:`dart_planner.bag.convert`, :mod:`dart_planner.bag.recorder`,
:mod:`dart_planner.bag.replayer`; so is :mod:`dart_planner.bag.rejudge` (``replay --rejudge``:
re-run a recorded run with the current code and diff it; no ROS graph, but the nodes' conversion
helpers, hence the ROS message packages).
"""

from __future__ import annotations

from .errors import BagError, BagFormatError, BagNotFoundError, EmptyBagError, UnknownMessageTypeError
from .info import BagInfo, PlanRecord, TopicSummary, bag_info
from .io import BagFormat, BagMessage, BagReader, BagWriter, TopicRecord, open_bag
from .typestore import TypeRegistry

__all__ = [
    "BagError", "BagFormatError", "BagNotFoundError", "EmptyBagError", "UnknownMessageTypeError",
    "BagFormat", "BagMessage", "BagReader", "BagWriter", "TopicRecord", "open_bag", "TypeRegistry",
    "BagInfo", "PlanRecord", "TopicSummary", "bag_info",
]
