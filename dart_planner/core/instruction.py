"""An ``instruction`` message read as language_node reads it (and ``replay --rejudge`` re-reads it).

An instruction is plain text, or JSON ``{"schema": "dart_planner/instruction@1", "id": ...,
"text": ...}``. Text that starts with ``{`` must be a valid JSON instruction: a malformed one
is refused (PlanFormatError) rather than planned as prose.
"""

from __future__ import annotations

from .envelope import decode
from .errors import PlanFormatError

__all__ = ["read_instruction", "parse_instruction", "MAX_INSTRUCTION_ID"]

MAX_INSTRUCTION_ID = 200
"""Longest instruction id accepted (characters)."""


def read_instruction(text: str) -> tuple[str | None, str]:
    """(instruction id, text) of an ``instruction`` message; the id is None when the message
    names none (plain text, or JSON without ``id``). An integer id is taken as its digits.

    Raises
    ------
    PlanFormatError
        JSON that does not decode, has no string ``text``, or an id that is not a non-empty
        string of at most :data:`MAX_INSTRUCTION_ID` characters.
    """
    if not text.lstrip().startswith("{"):
        return None, text
    d = decode("instruction", text)
    body = d.get("text")
    if not isinstance(body, str):
        raise PlanFormatError(["instruction message.text: expected a string"])
    if "id" not in d:
        return None, body
    ident = d["id"]
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident or len(ident) > MAX_INSTRUCTION_ID:
        raise PlanFormatError([f"instruction message.id: expected a non-empty string of at most "
                               f"{MAX_INSTRUCTION_ID} characters"])
    return ident, body


def parse_instruction(text: str, new_id: str) -> tuple[str, str]:
    """(instruction id, text) from an ``instruction`` message (:func:`read_instruction`); a
    message that names no id gets ``new_id``."""
    ident, body = read_instruction(text)
    return (new_id if ident is None else ident), body
