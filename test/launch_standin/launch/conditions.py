"""Stand-in launch conditions."""

from __future__ import annotations

from typing import Any


class IfCondition:
    def __init__(self, predicate: Any):
        self.predicate = predicate
        self.negate = False


class UnlessCondition(IfCondition):
    def __init__(self, predicate: Any):
        super().__init__(predicate)
        self.negate = True
