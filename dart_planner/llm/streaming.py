"""Incremental plan parsing: hand over each subtask while the model is still writing.

Fed the reply text chunk by chunk, :class:`StreamingPlanParser` tracks the JSON structure
in one pass (strings, escapes, nesting) and, each time an object inside the top-level
``"tasks"`` array closes, checks that subtask on its own:

- it parses (strictly, trailing commas tolerated) into a DART task with allowed keys;
- its name is a plain identifier not used before;
- its skill, robots, robot types and objects exist (and are within the narrowing);
- every dependency names a subtask already emitted.

Only then is it emitted (``on_subtask``). The emitted subtasks therefore always form a
dependency-closed, valid sub-plan, so an executor can start those whose dependencies are
done (the Conveyor idea) before the reply ends. Anything doubtful is simply not emitted;
the full reply is still parsed and validated at the end, and the pipeline checks that each
emitted subtask appears there unchanged.

Across repair attempts one parser is reused: :meth:`restart` forgets the partial text but
remembers what was dispatched, so a re-sent identical subtask is not dispatched twice and a
changed one is reported as a conflict.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..core.errors import PlanFormatError
from ..core.fleet import Fleet
from ..core.plan import Subtask, TaskGraph
from ..core.strict_json import MAX_NESTING, strict_loads
from ..core.validate import Severity, validate_plan
from ..core.world import World
from .contract import check_contract
from .parse import FUNCTION_KEYS, TASK_KEYS, strip_trailing_commas
from .schema import Narrowing

__all__ = ["StreamedSubtask", "StreamingPlanParser"]


@dataclass(frozen=True)
class StreamedSubtask:
    subtask: Subtask
    at_s: float
    """Seconds since the parser was created (for time-to-first-dispatch figures)."""
    offset: int
    """Characters of the reply seen when it was emitted."""


class StreamingPlanParser:
    """Feed text with :meth:`feed`; subtasks come out as soon as they are complete and valid."""

    def __init__(
        self,
        fleet: Fleet,
        world: World,
        *,
        narrowing: Narrowing | None = None,
        on_subtask: Callable[[Subtask], None] | None = None,
        max_chars: int = 200_000,
        clock: Callable[[], float] = time.perf_counter,
    ):
        self.fleet = fleet
        self.world = world
        self.narrowing = narrowing
        self.on_subtask = on_subtask
        self.max_chars = max_chars
        self.clock = clock
        self.t0 = clock()
        self.emitted: list[StreamedSubtask] = []
        """Everything dispatched, over all attempts, in order."""
        self.held: list[str] = []
        """Why objects were not emitted (``"task_name: reason"``), for diagnostics."""
        self.conflicts: list[str] = []
        """Re-sent subtasks that differ from what was already dispatched."""
        self._dispatched: dict[str, Subtask] = {}
        self.restart()

    # -- state -----------------------------------------------------------------------------
    def restart(self) -> None:
        """Start a new reply (next attempt); dispatched subtasks stay dispatched."""
        self._len = 0
        self._stack: list[str] = []
        self._in_str = self._esc = False
        self._expect_key = False
        self._key: list[str] | None = None  # characters of a top-level key being read
        self._last_key: str | None = None
        self._in_tasks = False
        self._obj: list[str] | None = None  # characters of the task object being read
        self._seen: set[str] = set()
        self._dead = False

    @property
    def dispatched(self) -> tuple[Subtask, ...]:
        return tuple(s.subtask for s in self.emitted)

    @property
    def first_dispatch_s(self) -> float | None:
        return self.emitted[0].at_s if self.emitted else None

    # -- scanning ----------------------------------------------------------------------------
    def push(self, chunk: str) -> None:
        """:meth:`feed` as a stream callback (emissions go to ``on_subtask``)."""
        self.feed(chunk)

    def feed(self, chunk: str) -> list[Subtask]:
        """Consume ``chunk``; return the subtasks emitted because of it.

        One pass over the new characters; only the current task object and top-level key
        are buffered, so the cost stays linear however the reply is chunked.
        """
        if self._dead or not chunk:
            return []
        base = self._len
        self._len += len(chunk)
        if self._len > self.max_chars:
            self._dead = True
            return []
        out: list[Subtask] = []
        stack = self._stack
        for k, ch in enumerate(chunk):
            if self._obj is not None:
                self._obj.append(ch)
            if self._in_str:
                if self._esc:
                    self._esc = False
                elif ch == "\\":
                    self._esc = True
                elif ch == '"':
                    self._in_str = False
                    if self._key is not None:
                        self._last_key = "".join(self._key)
                        self._key = None
                    continue
                if self._key is not None:
                    self._key.append(ch)
                continue
            if not stack:
                if ch == "{":
                    stack.append("}")
                    self._expect_key = True
                continue
            if ch == '"':
                self._in_str = True
                if self._expect_key and len(stack) == 1:
                    self._key = []
            elif ch in "{[":
                if len(stack) >= MAX_NESTING:
                    self._dead = True  # the final parse reports it
                    return out
                depth = len(stack)
                if ch == "[" and depth == 1 and self._last_key == "tasks":
                    self._in_tasks = True
                elif ch == "{" and depth == 2 and self._in_tasks:
                    self._obj = ["{"]
                stack.append("}" if ch == "{" else "]")
                self._expect_key = ch == "{"
            elif ch in "}]":
                if ch != stack[-1]:
                    self._dead = True
                    return out
                stack.pop()
                depth = len(stack)
                if ch == "}" and depth == 2 and self._obj is not None:
                    s = self._consider("".join(self._obj), base + k + 1)
                    self._obj = None
                    if s is not None:
                        out.append(s)
                elif ch == "]" and depth == 1:
                    self._in_tasks = False
                if not stack:
                    self._dead = True  # the top-level object is complete
                    return out
            elif ch == ",":
                self._expect_key = stack[-1] == "}"
            elif ch == ":":
                self._expect_key = False
        return out

    # -- one complete task object ------------------------------------------------------------
    def _consider(self, text: str, offset: int) -> Subtask | None:
        cleaned, _ = strip_trailing_commas(text)
        try:
            obj = strict_loads(cleaned, "streamed task")
            if not isinstance(obj, dict):
                raise PlanFormatError(["not an object"])
            func = obj.get("instruction_function")
            if set(obj) - set(TASK_KEYS) or not isinstance(func, dict) or set(func) - set(FUNCTION_KEYS):
                raise PlanFormatError(["unexpected keys"])
            (s,) = TaskGraph.from_dart({"tasks": [obj]}).subtasks
        except PlanFormatError as exc:
            self.held.append(f"<object at {offset}>: {exc.problems[0] if exc.problems else exc}")
            return None
        reason = self._why_not(s)
        self._seen.add(s.id)
        if reason == "already dispatched":
            return None
        if reason:
            self.held.append(f"{s.id}: {reason}")
            return None
        self._dispatched[s.id] = s
        item = StreamedSubtask(s, self.clock() - self.t0, offset)
        self.emitted.append(item)
        if self.on_subtask is not None:
            self.on_subtask(s)
        return s

    def _why_not(self, s: Subtask) -> str | None:
        if s.id in self._seen:
            return "duplicate task name"
        prior = self._dispatched.get(s.id)
        if prior is not None:
            if prior == s:
                return "already dispatched"
            self.conflicts.append(s.id)
            return "differs from the subtask already dispatched under this name"
        for d in s.dependencies:
            if d not in self._dispatched or d == s.id:
                return f"dependency {d!r} has not been dispatched"
        alone = TaskGraph((replace(s, dependencies=()),))
        report = validate_plan(alone, self.fleet, self.world)
        errors = [i for i in report.issues if i.severity is Severity.ERROR]
        if errors:
            return str(errors[0])
        contract = check_contract(alone, self.world, self.narrowing)
        if contract:
            return str(contract[0])
        return None
