"""Rules first, a language model when the rules cannot read the instruction.

:class:`HybridPlanner` asks the rules planner; if it refuses (coverage below its threshold,
an unresolved mention, an invalid plan), the instruction goes to the fallback planner (the
LLM path, built lazily so a rules-only setup never touches a backend). Without a fallback
it fails with the rules planner's message, which names what was not understood.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ...core.fleet import Fleet
from ...core.world import World
from ..errors import PlanningError
from .planner import RulesPlanner

__all__ = ["HybridPlanner"]


@dataclass
class HybridPlanner:
    """``rules`` with a hand-over; ``fallback`` may be given directly (tests) or by name."""

    rules: RulesPlanner
    fallback: Any = None
    fallback_name: str = ""
    config: Any = None
    name: str = "rules+llm"
    _built: bool = field(default=False, repr=False)

    def _fallback(self) -> Any:
        if self.fallback is None and not self._built and self.fallback_name not in ("", "none"):
            from ..pipeline import make_planner

            self._built = True
            self.fallback = make_planner("llm" if self.fallback_name == "llm" else self.fallback_name, self.config)
        return self.fallback

    def plan(self, instruction: str, fleet: Fleet, world: World) -> Any:
        try:
            return self.rules.plan(instruction, fleet, world)
        except PlanningError as rules_error:
            fb = self._fallback()
            if fb is None:
                raise
            result = fb.plan(instruction, fleet, world)
            details = dict(result.details)
            details["handed_over"] = True
            details["rules_errors"] = list(rules_error.errors)
            return replace(result, details=details)
