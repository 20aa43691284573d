"""The plain-identifier rule for names that reach a plan, a prompt or a robot.

Names can come from the outside world (a detector, a model's reply): a look-alike
(``soil1`` with a zero-width space, a Cyrillic ``о``) or prose must never pass for a real
name. The rule is deliberately narrow: an ASCII letter, then up to 63 ASCII letters, digits
or underscores. It lives in the core so the safety gate and the perceived-object checks
apply it without importing the language layer (:mod:`dart_planner.llm.names` states the
same rule for prompts).
"""

from __future__ import annotations

import re

__all__ = ["MAX_NAME_LENGTH", "is_plain_name"]

MAX_NAME_LENGTH = 64
# fullmatch on a character class with a bounded repeat: linear, no backtracking blow-up.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")


def is_plain_name(name: object) -> bool:
    """True for plain ASCII identifiers of at most 64 characters."""
    return isinstance(name, str) and len(name) <= MAX_NAME_LENGTH and _PLAIN.fullmatch(name) is not None
