"""Versioned JSON payloads carried in std_msgs/String.

Every structured message on the ROS graph is a JSON object with ``"schema":
"dart_planner/<kind>@<version>"``. Readers check the kind and the major version and
reject anything else with a clear error instead of guessing, so a newer publisher never
silently confuses an older subscriber.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .errors import PlanFormatError
from .strict_json import strict_loads

__all__ = ["SCHEMAS", "encode", "decode", "schema_id"]

SCHEMAS = {
    "instruction": 1,
    "task_graph": 1,
    "assignments": 1,
    "plan_status": 1,
    "objects": 1,
    "goal": 1,
    "feedback": 1,
    "result": 1,
    "keepout": 1,
    "replan_request": 1,
    "llm_exchange": 1,
}


def schema_id(kind: str) -> str:
    return f"dart_planner/{kind}@{SCHEMAS[kind]}"


def encode(kind: str, payload: Mapping[str, Any]) -> str:
    """Serialise ``payload`` with its schema tag; NaN/Infinity are refused."""
    body = {"schema": schema_id(kind), **payload}
    return json.dumps(body, separators=(",", ":"), allow_nan=False)


def decode(kind: str, text: str, max_bytes: int = 4_000_000) -> dict[str, Any]:
    """Parse and check the schema tag; raises PlanFormatError with the reason."""
    data = strict_loads(text, f"{kind} message", max_bytes=max_bytes)
    if not isinstance(data, dict):
        raise PlanFormatError([f"{kind} message: expected a JSON object, got {type(data).__name__}"])
    tag = data.get("schema")
    expected = schema_id(kind)
    if tag != expected:
        raise PlanFormatError([f"{kind} message: schema {tag!r} is not {expected!r}"])
    return data
