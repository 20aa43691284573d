"""A JSON reader for untrusted text (LLM replies, plan files, ROS messages).

``json.loads`` accepts NaN/Infinity, silently keeps the last of duplicate keys, and raises
RecursionError or ValueError (not JSONDecodeError) on deep nesting or huge integers. Plans
steer robots, so this reader rejects all of those with one exception type.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import PlanFormatError

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_NESTING", "strict_loads"]

MAX_DOCUMENT_BYTES = 2_000_000
MAX_NESTING = 64


def _reject_constant(name: str) -> Any:
    raise ValueError(f"non-finite number {name} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r}")
        out[k] = v
    return out


def _nesting_depth(text: str) -> int:
    """Bracket depth outside strings, computed in one linear pass before parsing."""
    depth = peak = 0
    in_str = escape = False
    for ch in text:
        if in_str:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            peak = max(peak, depth)
        elif ch in "]}":
            depth -= 1
    return peak


def strict_loads(text: str | bytes, what: str = "document", max_bytes: int = MAX_DOCUMENT_BYTES) -> Any:
    """Parse JSON strictly; every failure is a :class:`PlanFormatError` naming ``what``."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PlanFormatError([f"{what} is not valid UTF-8: {exc}"]) from exc
    if len(text) > max_bytes:
        raise PlanFormatError([f"{what} is {len(text)} bytes, more than the limit of {max_bytes}"])
    if not text.strip():
        raise PlanFormatError([f"{what} is empty"])
    if _nesting_depth(text) > MAX_NESTING:
        raise PlanFormatError([f"{what} nests deeper than {MAX_NESTING} levels"])
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise PlanFormatError([f"{what} is not valid JSON: {exc.msg} at {where}"]) from exc
    except (ValueError, RecursionError) as exc:
        raise PlanFormatError([f"{what} is not acceptable JSON: {exc}"]) from exc
