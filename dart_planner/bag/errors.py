"""Errors of the bag layer, all under :class:`~dart_planner.core.errors.DartPlannerError`.

A bag comes from disk, from another machine, or from a recording that was killed half-way,
so every way it can be unusable ends in one of these with the path and the reason, never
in a parser's internal exception or a hang.
"""

from __future__ import annotations

from ..core.errors import DartPlannerError

__all__ = ["BagError", "BagNotFoundError", "BagFormatError", "EmptyBagError", "UnknownMessageTypeError"]


class BagError(DartPlannerError):
    """A rosbag2 bag cannot be opened, read, written or replayed."""


class BagNotFoundError(BagError):
    """No bag at the given path (nothing there, or a folder without any bag storage file)."""


class BagFormatError(BagError):
    """The bag is corrupt or truncated: its files do not parse, or hold fewer messages than indexed."""


class EmptyBagError(BagError):
    """The bag (or the part of it selected) holds no messages, so there is nothing to replay."""


class UnknownMessageTypeError(BagError):
    """A message type that neither the type store, the bag nor the installed packages define."""

    def __init__(self, msgtype: str, topic: str | None = None, detail: str = ""):
        self.msgtype = msgtype
        self.topic = topic
        where = f" (topic {topic})" if topic else ""
        super().__init__(f"unknown message type {msgtype!r}{where}" + (f": {detail}" if detail else ""))
