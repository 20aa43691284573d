"""LLM server faults, end to end: each has a defined outcome, and nothing is lost or repeated.

:func:`run_llm_fault_drill` plans one instruction through the real OpenAI-compatible
backend against :class:`~dart_planner.llm.local_server.LocalLLMServer` (loopback, no
network) once per :class:`LLMFault`, with streaming dispatch on, and checks the outcome the
fault must have:

- transient HTTP errors (500, 503, 429 with Retry-After): retried with backoff -> a plan;
- a read timeout on every try: retried, then the plan **fails closed** with the backend's
  reason (nothing dispatched);
- a slow stream that keeps delivering: a plan (timeouts are per read, not per reply);
- a stream dropped part-way: the pipeline asks again; subtasks already dispatched are not
  dispatched twice and must reappear unchanged;
- a body that is not a chat completion, a refused key (401), or a hostile reply every time:
  a clear error; a hostile reply once: a repaired plan.

Each :class:`DrillResult` says whether the outcome matched and which subtasks were
dispatched (each at most once; all allow-listed).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.errors import DartPlannerError
from ..core.fleet import Fleet
from ..core.plan import Subtask, TaskGraph
from ..core.world import World
from ..llm.errors import PlanningError
from ..llm.local_server import LocalLLMServer, ScriptedReply
from ..llm.openai_backend import OpenAIBackend
from ..llm.pipeline import plan_instruction
from ..llm.prompt import canonical_plan_json
from .corpus import base_plans
from .fuzz import AllowList

__all__ = ["LLMFault", "DrillResult", "llm_faults", "run_llm_fault_drill"]


@dataclass(frozen=True)
class LLMFault:
    name: str
    script: tuple[ScriptedReply, ...]
    expect_plan: bool
    """True: a valid plan must come out; False: a PlanningError with a reason."""
    timeout_s: float = 2.0
    max_retries: int = 2


@dataclass(frozen=True)
class DrillResult:
    fault: str
    expected_plan: bool
    got_plan: bool
    reason: str
    requests: int
    dispatched: tuple[str, ...]
    unsafe: tuple[str, ...]
    seconds: float

    @property
    def duplicates(self) -> tuple[str, ...]:
        return tuple(t for t, n in Counter(self.dispatched).items() if n > 1)

    @property
    def ok(self) -> bool:
        return self.got_plan == self.expected_plan and not self.unsafe and not self.duplicates and (
            self.got_plan or bool(self.reason))


def llm_faults(good: str, hostile: str) -> list[LLMFault]:
    """The drill's faults for a valid reply ``good`` and an invalid one ``hostile``."""
    half = max(1, len(good) // 2)
    return [
        LLMFault("http_500_then_ok", (ScriptedReply(status=500), ScriptedReply(good)), True),
        LLMFault("http_503_twice_then_ok", (ScriptedReply(status=503), ScriptedReply(status=503),
                                            ScriptedReply(good)), True),
        LLMFault("http_429_retry_after", (ScriptedReply(status=429, retry_after=0.05), ScriptedReply(good)), True),
        LLMFault("timeout_every_try", (ScriptedReply(good, delay_s=0.6),), False, timeout_s=0.15, max_retries=1),
        # the read timeout must cut the slow first reply but never the prompt second one, even on a loaded
        # 2-core CI machine (0.15 s once timed the second one out there): 0.6 s against a 2 s stall
        LLMFault("timeout_then_ok", (ScriptedReply(good, delay_s=2.0), ScriptedReply(good)), True,
                 timeout_s=0.6, max_retries=1),
        LLMFault("slow_stream", (ScriptedReply(good, chars_per_s=4000.0, chunk_chars=40),), True, timeout_s=0.5),
        LLMFault("stream_dropped_midway", (ScriptedReply(good, chunk_chars=16, drop_after_chars=half),
                                           ScriptedReply(good)), True),
        LLMFault("not_a_completion", (ScriptedReply(raw_body="<html>502 Bad Gateway</html>"),), False,
                 max_retries=0),
        LLMFault("http_401", (ScriptedReply(status=401, error_message="invalid api key"),), False),
        LLMFault("hostile_then_ok", (ScriptedReply(hostile), ScriptedReply(good)), True),
        LLMFault("hostile_every_time", (ScriptedReply(hostile),), False),
    ]


def run_llm_fault_drill(
    fleet: Fleet, world: World, instruction: str = "Excavator 1 goes to soil 1.",
    faults: Sequence[LLMFault] | None = None,
) -> list[DrillResult]:
    good = canonical_plan_json(TaskGraph.from_dart(base_plans(fleet, world)[0]))
    hostile = json.dumps({"tasks": [{"task": "x", "instruction_function": {
        "name": "shutdown", "robot_ids": [fleet.robot_ids[0]], "dependencies": [], "object_keywords": []}}]})
    allow = AllowList.of(fleet, world)
    out: list[DrillResult] = []
    for fault in faults or llm_faults(good, hostile):
        dispatched: list[Subtask] = []
        with LocalLLMServer(list(fault.script), repeat_last=not fault.expect_plan) as srv:
            backend = OpenAIBackend(base_url=srv.base_url, model="drill", timeout_s=fault.timeout_s,
                                    total_timeout_s=10.0, max_retries=fault.max_retries,
                                    retry_backoff_s=0.01, retry_backoff_max_s=0.1)
            t0 = time.perf_counter()
            reason = ""
            got = False
            try:
                result = plan_instruction(instruction, fleet, world, backend, max_repair_rounds=1,
                                          on_subtask=dispatched.append, use_memory=False)
                got = True
                final = list(result.graph.subtasks)
            except PlanningError as exc:
                reason = (exc.errors[0] if exc.errors else str(exc))[:200]
                final = []
            except DartPlannerError as exc:  # any other package error is still a clear failure
                reason = f"{type(exc).__name__}: {exc}"[:200]
                final = []
            seconds = time.perf_counter() - t0
            requests = len(srv.requests)
        out.append(DrillResult(fault.name, fault.expect_plan, got, reason, requests,
                               tuple(s.id for s in dispatched), tuple(allow.violations([*dispatched, *final])),
                               seconds))
    return out
