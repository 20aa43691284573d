"""The embedded offline planner: lexicon-driven, deterministic, sub-millisecond.

``make_rules_planner(config)`` is the entry point :func:`dart_planner.llm.pipeline.make_planner`
uses for ``planner: rules``. Options come from ``rules:`` in ``config/llm.yaml``:

- ``lexicon``: path of the vocabulary file (default: the shipped ``config/lexicon.yaml``);
- ``min_coverage``: share of words that must be understood (default 0.8);
- ``fallback``: ``none`` (default: fail with a message naming what was not understood) or
  ``llm`` (hand the instruction to the configured LLM backend instead).
"""

from __future__ import annotations

from typing import Any

from .coverage import CoverageReport
from .hybrid import HybridPlanner
from .lexicon import Lexicon, load_lexicon
from .planner import Entities, RulesPlan, RulesPlanner, cross_check, extract_entities, rules_plan

__all__ = [
    "CoverageReport",
    "Entities",
    "HybridPlanner",
    "Lexicon",
    "RulesPlan",
    "RulesPlanner",
    "cross_check",
    "extract_entities",
    "load_lexicon",
    "make_rules_planner",
    "rules_plan",
]


def make_rules_planner(config: Any = None) -> Any:
    """The rules planner configured by ``config.rules`` (an :class:`~dart_planner.llm.config.LLMConfig`)."""
    options = dict(getattr(config, "rules", {}) or {})
    rules = RulesPlanner.from_options(options)
    fallback = str(options.get("fallback", "none") or "none")
    if fallback == "none" or config is None:
        return rules
    return HybridPlanner(rules, fallback_name=fallback, config=config)
