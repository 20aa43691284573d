"""Tolerant extraction of the plan from a model reply, then strict parsing.

Models wrap JSON in code fences, put prose before and after it, and leave trailing commas.
DART-LLM cut the JSON out with a regular expression; here a single linear bracket scanner
finds the top-level JSON objects of the reply (outside strings), trailing commas are
dropped outside strings, and each candidate goes through
:func:`~dart_planner.core.strict_json.strict_loads` (no NaN, no duplicate keys, bounded depth
and size) and :meth:`~dart_planner.core.plan.TaskGraph.from_dart`. Nothing is ever
evaluated. Hostile input costs one pass: the scanner stops at the first bracket that nests
deeper than the limit, so 100 KB of ``{`` or 10,000 nested arrays fail in microseconds.

Everything wrong is reported in one :class:`~dart_planner.core.errors.PlanFormatError`
whose ``problems`` go back to the model verbatim in the repair loop.

Example
-------
>>> parse_plan_reply('Sure! ```json\\n{"tasks": [{"task": "t1", "instruction_function": '
...   '{"name": "Excavation", "robot_ids": ["robot_excavator_01"],}}]}\\n```').graph.ids
('t1',)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import PlanFormatError
from ..core.plan import TaskGraph
from ..core.strict_json import MAX_NESTING, strict_loads

__all__ = [
    "MAX_REPLY_CHARS",
    "ParsedReply",
    "find_json_objects",
    "strip_trailing_commas",
    "extract_plan_document",
    "parse_plan_reply",
    "TASK_KEYS",
    "FUNCTION_KEYS",
]

MAX_REPLY_CHARS = 200_000
_MAX_CANDIDATES = 16
TASK_KEYS = ("task", "instruction_function")
FUNCTION_KEYS = ("name", "robot_ids", "robot_type", "robot_count", "dependencies", "object_keywords")
_CLOSER = {"{": "}", "[": "]"}
# Single character classes: a search costs one linear pass, whatever the input.
_STRUCTURAL = re.compile(r'[{}\[\]"]')
_STRING_STOP = re.compile(r'["\\]')
_TRAILING_COMMA = re.compile(r",[ \t\r\n]*[}\]]")


@dataclass(frozen=True)
class ParsedReply:
    """A reply that yielded a structurally sound plan.

    ``notes`` says which tolerances were needed (prose, fences, trailing commas): benchmarks
    count them and the repair loop does not need to mention them.
    """

    graph: TaskGraph
    document: Mapping[str, Any]
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Scan:
    spans: tuple[tuple[int, int], ...]
    problems: tuple[str, ...]


def find_json_objects(
    text: str, *, max_depth: int = MAX_NESTING, max_candidates: int = _MAX_CANDIDATES
) -> _Scan:
    """Spans ``(start, end)`` of balanced top-level ``{...}`` in ``text``, in one pass.

    Outside an object, everything (prose, quotes, backticks) is skipped; inside, strings
    and escapes are tracked so braces in strings do not count. A mismatched closer or a
    nesting deeper than ``max_depth`` abandons the current candidate; scanning then goes on
    after it, so the whole scan stays linear. The scan jumps between structural characters
    with single-character-class searches (no backtracking), so it costs a few microseconds
    per kilobyte.
    """
    spans: list[tuple[int, int]] = []
    problems: list[str] = []
    stack: list[str] = []
    start = -1
    i, n = 0, len(text)
    while i < n:
        if not stack:
            j = text.find("{", i)
            if j < 0:
                break
            start, i = j, j + 1
            stack.append("}")
            continue
        m = _STRUCTURAL.search(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == '"':
            i = _string_end(text, i + 1)
            continue
        if ch in _CLOSER:
            if len(stack) >= max_depth:
                problems.append(f"JSON nests deeper than {max_depth} levels (at character {i})")
                return _Scan(tuple(spans), tuple(problems))
            stack.append(_CLOSER[ch])
        elif ch != stack[-1]:
            problems.append(f"mismatched {ch!r} at character {i} (expected {stack[-1]!r})")
            stack.clear()
        else:
            stack.pop()
            if not stack:
                spans.append((start, i + 1))
                if len(spans) >= max_candidates:
                    break
        i += 1
    if stack:
        problems.append(
            f"the reply ends inside a JSON object opened at character {start} "
            f"({len(stack)} bracket(s) left open; was the reply cut off?)"
        )
    return _Scan(tuple(spans), tuple(problems))


def _string_end(text: str, i: int) -> int:
    """Index just after the closing quote of a string whose content starts at ``i``
    (``len(text)`` if it never closes)."""
    n = len(text)
    while i < n:
        m = _STRING_STOP.search(text, i)
        if m is None:
            return n
        if text[m.start()] == "\\":
            i = m.start() + 2
            continue
        return m.start() + 1
    return n


def strip_trailing_commas(text: str) -> tuple[str, int]:
    """Drop commas that directly precede ``}`` or ``]`` (outside strings); return the count."""
    if _TRAILING_COMMA.search(text) is None:
        return text, 0  # the common case, decided by one C-speed search
    out: list[str] = []
    in_str = esc = False
    removed = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch == ",":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] in "}]":
                removed += 1
                i += 1
                continue
        out.append(ch)
        i += 1
    return ("".join(out), removed) if removed else (text, 0)


def extract_plan_document(
    text: str, *, max_chars: int = MAX_REPLY_CHARS
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Find the one JSON object with a ``tasks`` key in a reply; return it and tolerance notes."""
    if not isinstance(text, str):
        raise PlanFormatError([f"the reply is not text ({type(text).__name__})"])
    if len(text) > max_chars:
        raise PlanFormatError([f"the reply is {len(text)} characters, more than the limit of {max_chars}"])
    if not text.strip():
        raise PlanFormatError(['the reply is empty; answer with one JSON object {"tasks": [...]}'])
    scan = find_json_objects(text)
    if not scan.spans:
        raise PlanFormatError(
            list(scan.problems) or ['the reply contains no JSON object; answer with {"tasks": [...]}']
        )
    notes: list[str] = []
    plans: list[dict[str, Any]] = []
    problems: list[str] = []
    for start, end in scan.spans:
        candidate, removed = strip_trailing_commas(text[start:end])
        try:
            doc = strict_loads(candidate, "the reply's JSON", max_bytes=max_chars)
        except PlanFormatError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(doc, dict) and "tasks" in doc:
            plans.append(doc)
            if removed:
                notes.append(f"removed {removed} trailing comma(s)")
            if text[:start].strip() or text[end:].strip():
                notes.append("ignored text around the JSON object")
    if not plans:
        if not problems:
            problems.append("no JSON object in the reply has a 'tasks' list; answer with {\"tasks\": [...]}")
        raise PlanFormatError([*problems, *scan.problems])
    if any(p != plans[0] for p in plans[1:]):
        raise PlanFormatError([f"the reply contains {len(plans)} different plan objects; send exactly one"])
    return plans[0], tuple(dict.fromkeys(notes))


def _unknown_keys(doc: Mapping[str, Any]) -> list[str]:
    """Keys the output contract does not allow: extra keys could smuggle parameters to robots."""
    problems: list[str] = []
    tasks = doc.get("tasks")
    if not isinstance(tasks, list):
        return problems
    for i, t in enumerate(tasks):
        if not isinstance(t, Mapping):
            continue
        extra = [k for k in t if k not in TASK_KEYS]
        if extra:
            problems.append(f"tasks[{i}]: unexpected key(s) {extra} (allowed: {list(TASK_KEYS)})")
        func = t.get("instruction_function")
        if isinstance(func, Mapping):
            extra = [k for k in func if k not in FUNCTION_KEYS]
            if extra:
                allowed = list(FUNCTION_KEYS)
                problems.append(
                    f"tasks[{i}].instruction_function: unexpected key(s) {extra} (allowed: {allowed})"
                )
    return problems


def parse_plan_reply(
    text: str,
    *,
    max_chars: int = MAX_REPLY_CHARS,
    max_tasks: int = 100,
    instruction: str = "",
    plan_id: str | None = None,
) -> ParsedReply:
    """Reply text -> :class:`ParsedReply`; raises PlanFormatError listing every problem found."""
    doc, notes = extract_plan_document(text, max_chars=max_chars)
    tasks = doc.get("tasks")
    problems: list[str] = []
    if isinstance(tasks, list) and len(tasks) > max_tasks:
        raise PlanFormatError([f"the plan has {len(tasks)} tasks, more than the limit of {max_tasks}"])
    if isinstance(tasks, list) and not tasks:
        problems.append("the plan has no tasks")
    problems += _unknown_keys(doc)
    extra_top = [k for k in doc if k != "tasks"]
    if extra_top:
        notes = (*notes, f"ignored top-level key(s) {extra_top}")
    try:
        graph = TaskGraph.from_dart({"tasks": tasks}, plan_id, instruction)
    except PlanFormatError as exc:
        raise PlanFormatError([*problems, *exc.problems]) from exc
    if problems:
        raise PlanFormatError(problems)
    return ParsedReply(graph, {"tasks": tasks}, notes)
