"""Instruction -> valid task graph, through any backend: prompt, call, parse, validate, repair.

:func:`plan_instruction` is the whole language path:

1. plan memory (same instruction, same world, same fleet -> the accepted plan, re-validated);
2. prompt from the live fleet and world plus similar examples, and the output schema;
3. call the backend (streaming when the caller wants subtasks early);
4. parse tolerantly (:mod:`~dart_planner.llm.parse`), validate with the core validator and
   the output contract (:mod:`~dart_planner.llm.contract`);
5. on any error, send the model its reply and the precise errors, and ask again, at most
   ``max_repair_rounds`` times;
6. fail closed: :class:`~dart_planner.llm.errors.PlanningError` listing the last errors.

Only a plan with no validation error leaves this function, so only fleet skills (the
allow-list) with known robots and objects can reach the executor; the model's text is data
and is never evaluated.

:class:`Planner` is the interface every planner offers (this LLM path and the rules
planner); :func:`make_planner` builds one from ``config/llm.yaml``.

Example
-------
>>> result = plan_instruction("Dump truck 1 goes to puddle 1", fleet, world, backend)  # doctest: +SKIP
>>> result.graph.ids, result.repairs, result.latency_s                                 # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from ..core.errors import ConfigError, ConfigIssue, PlanFormatError
from ..core.fleet import Fleet
from ..core.plan import Subtask, TaskGraph, new_plan_id
from ..core.validate import ValidationReport, validate_plan
from ..core.world import World
from .backend import LLMBackend, LLMReply, backend_names, make_backend
from .config import LLMConfig, load_llm_config
from .contract import check_contract
from .errors import BackendError, PlanningError
from .memory import PlanMemory
from .names import redact_unsafe_quotes, safe_world
from .parse import parse_plan_reply
from .prompt import PromptBuilder
from .replay_backend import cassette_entry
from .schema import Narrowing, plan_schema
from .streaming import StreamedSubtask, StreamingPlanParser

__all__ = [
    "Attempt",
    "PlanningResult",
    "Planner",
    "LLMPlanner",
    "plan_instruction",
    "make_planner",
    "MAX_INSTRUCTION_CHARS",
]

MAX_INSTRUCTION_CHARS = 4000
_MAX_ECHO_CHARS = 12_000
_MAX_ERRORS_SENT = 30


@dataclass(frozen=True)
class Attempt:
    """One model call of the repair loop: what was sent, what came back, what was wrong."""

    index: int
    messages: tuple[Mapping[str, str], ...]
    reply: LLMReply | None
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    schema: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.reply is not None and not self.errors


@dataclass(frozen=True)
class PlanningResult:
    """A valid plan and how it was obtained (for the executor, benchmarks and cassettes).

    ``latency_s`` is wall time of the whole call; ``model_latency_s`` the part spent inside
    the backend, so ``overhead_s`` is what this layer adds (prompt, parse, validate).
    ``streamed`` lists subtasks handed out before the reply ended; ``details`` carries
    planner-specific facts (the rules planner's coverage, for example).
    """

    graph: TaskGraph
    report: ValidationReport
    attempts: tuple[Attempt, ...] = ()
    latency_s: float = 0.0
    model_latency_s: float = 0.0
    tokens_in: int = 0
    tokens_out: int = 0
    planner: str = ""
    backend: str = ""
    model: str = ""
    from_memory: bool = False
    streamed: tuple[StreamedSubtask, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "details", MappingProxyType(dict(self.details)))

    @property
    def repairs(self) -> int:
        """Repair rounds used (0 when the first reply was valid)."""
        return max(0, len(self.attempts) - 1)

    @property
    def overhead_s(self) -> float:
        return max(0.0, self.latency_s - self.model_latency_s)

    @property
    def first_dispatch_s(self) -> float | None:
        return self.streamed[0].at_s if self.streamed else None

    def cassette_entries(self) -> list[dict[str, Any]]:
        """The exchanges as cassette lines, so this run replays with the replay backend."""
        return [
            cassette_entry(a.messages, a.schema, a.reply, self.backend)
            for a in self.attempts
            if a.reply is not None
        ]

    def summary(self) -> dict[str, Any]:
        """Figures for benchmarks and logs (no prompts, no plan)."""
        return {
            "plan_id": self.graph.plan_id,
            "planner": self.planner,
            "backend": self.backend,
            "model": self.model,
            "subtasks": len(self.graph),
            "attempts": len(self.attempts),
            "repairs": self.repairs,
            "latency_s": self.latency_s,
            "model_latency_s": self.model_latency_s,
            "overhead_s": self.overhead_s,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "from_memory": self.from_memory,
            "streamed": len(self.streamed),
            "first_dispatch_s": self.first_dispatch_s,
        }


@runtime_checkable
class Planner(Protocol):
    """Anything that turns an instruction into a :class:`PlanningResult` or raises
    :class:`~dart_planner.llm.errors.PlanningError` (LLM path, rules planner, ...)."""

    name: str

    def plan(self, instruction: str, fleet: Fleet, world: World) -> PlanningResult: ...


def _check_instruction(instruction: str) -> None:
    if not isinstance(instruction, str) or not instruction.strip():
        raise PlanningError(str(instruction), ["the instruction is empty"], reason="nothing to plan")
    if len(instruction) > MAX_INSTRUCTION_CHARS:
        raise PlanningError(
            instruction[:200],
            [f"the instruction has {len(instruction)} characters, the limit is {MAX_INSTRUCTION_CHARS}"],
            reason="instruction refused",
        )
    if _as_text(instruction) != instruction:
        raise PlanningError(
            ascii(instruction[:200]),
            ["the instruction contains lone surrogates (bytes that are not valid Unicode text)"],
            reason="instruction refused",
        )


def _as_text(text: str) -> str:
    """``text`` with lone surrogates replaced: what can be sent, hashed or stored as UTF-8.

    A reply may decode to lone surrogates (a server's ``"\\ud800"`` escape); echoed back in a
    repair round they would make every transport, cassette and memory write raise
    UnicodeEncodeError instead of failing the plan with a reason.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _echo(text: str) -> str:
    text = _as_text(text)
    if len(text) <= _MAX_ECHO_CHARS:
        return text
    return text[:_MAX_ECHO_CHARS] + f"\n...[{len(text) - _MAX_ECHO_CHARS} more characters cut]"


def _for_model(errors: Sequence[str]) -> list[str]:
    """The errors as they go back to the model: bounded in number, unsafe quoted values redacted."""
    out = [redact_unsafe_quotes(_as_text(e)) for e in errors[:_MAX_ERRORS_SENT]]
    if len(errors) > _MAX_ERRORS_SENT:
        out.append(f"... and {len(errors) - _MAX_ERRORS_SENT} more problems")
    return out


def _dispatch_errors(graph: TaskGraph, dispatched: Sequence[Subtask]) -> list[str]:
    """Subtasks already handed to the executor must appear unchanged in the final plan."""
    errors: list[str] = []
    for s in dispatched:
        if s.id not in graph:
            errors.append(
                f"[dispatched_task_missing] task {s.id!r} was already dispatched; keep it in the plan"
            )
        elif graph[s.id] != s:
            errors.append(
                f"[dispatched_task_changed] task {s.id!r} was already dispatched; keep it unchanged"
            )
    return errors


def plan_instruction(
    instruction: str,
    fleet: Fleet,
    world: World,
    backend: LLMBackend,
    *,
    max_repair_rounds: int = 2,
    prompt: PromptBuilder | None = None,
    config: LLMConfig | None = None,
    narrowing: Narrowing | None = None,
    use_schema: bool = True,
    memory: PlanMemory | None = None,
    use_memory: bool = True,
    on_subtask: Callable[[Subtask], None] | None = None,
    max_reply_chars: int | None = None,
    max_tasks: int | None = None,
    plan_id: str | None = None,
    planner_name: str = "",
) -> PlanningResult:
    """Plan ``instruction`` with ``backend``; return a valid plan or raise PlanningError.

    ``on_subtask`` turns on streaming dispatch: it is called with each subtask as soon as it
    is complete and individually valid (see :mod:`~dart_planner.llm.streaming`); the final
    plan is guaranteed to contain every dispatched subtask unchanged, or planning fails.
    Transport failures (after the backend's own retries) fail at once with the backend's
    message, except a stream that broke after text had arrived, which is re-asked within
    the repair budget.
    """
    t0 = time.perf_counter()
    _check_instruction(instruction)
    cfg = config or LLMConfig()
    max_chars = max_reply_chars or cfg.max_reply_chars
    limit = max_tasks or cfg.max_tasks
    pid = plan_id or new_plan_id()
    name = planner_name or f"llm:{backend.name}"
    # Planning sees only safely named objects (names.safe_world): an unsafe name is an
    # unknown object, and validator messages sent back to the model never quote it.
    site = safe_world(world)
    if memory is not None and use_memory:
        hit = memory.lookup(instruction, fleet, world)
        if hit is not None:
            remembered = replace(hit, plan_id=pid)
            hit_report = validate_plan(remembered, fleet, site)
            if hit_report.ok and not check_contract(remembered, site, narrowing, max_tasks=limit):
                return PlanningResult(
                    remembered,
                    hit_report,
                    latency_s=time.perf_counter() - t0,
                    planner=name,
                    backend=backend.name,
                    from_memory=True,
                )
    builder = prompt or PromptBuilder.from_config(cfg, fleet, site)
    schema = plan_schema(fleet, site, narrowing, max_tasks=limit) if use_schema else None
    messages: list[Mapping[str, str]] = list(builder.messages(instruction, fleet, site))
    streamer = (
        StreamingPlanParser(fleet, site, narrowing=narrowing, on_subtask=on_subtask, max_chars=max_chars)
        if on_subtask is not None
        else None
    )
    if streamer is not None:
        streamer.t0 = t0  # dispatch times count from the request, like latency_s
    attempts: list[Attempt] = []
    model_time = 0.0
    tokens_in = tokens_out = 0
    model = ""
    for index in range(max_repair_rounds + 1):
        sent = tuple(messages)
        if streamer is not None:
            streamer.restart()
        t_call = time.perf_counter()
        try:
            reply = backend.complete(sent, schema=schema, stream_callback=streamer.push if streamer else None)
        except BackendError as exc:
            model_time += time.perf_counter() - t_call
            attempts.append(Attempt(index, sent, None, (str(exc),), schema=schema))
            if exc.retryable and streamer is not None and index < max_repair_rounds:
                continue  # a broken stream: ask again with a fresh stream
            raise PlanningError(
                instruction,
                [str(exc)],
                attempts,
                backend=backend.name,
                reason=f"the {backend.name} backend failed",
            ) from exc
        model_time += reply.latency_s if reply.latency_s > 0 else time.perf_counter() - t_call
        tokens_in += reply.tokens_in
        tokens_out += reply.tokens_out
        model = reply.model or model
        errors: list[str] = []
        notes: tuple[str, ...] = ()
        graph: TaskGraph | None = None
        report: ValidationReport | None = None
        try:
            parsed = parse_plan_reply(
                reply.text, max_chars=max_chars, max_tasks=limit, instruction=instruction, plan_id=pid
            )
        except PlanFormatError as exc:
            errors = list(exc.problems)
        else:
            graph = parsed.graph
            notes = parsed.notes
            report = validate_plan(graph, fleet, site)
            errors = [str(i) for i in report.errors]
            errors += [str(i) for i in check_contract(graph, site, narrowing, max_tasks=limit)]
            if streamer is not None:
                errors += _dispatch_errors(graph, streamer.dispatched)
        attempts.append(Attempt(index, sent, reply, tuple(errors), notes, schema=schema))
        if not errors and graph is not None and report is not None:
            if memory is not None:
                memory.store(instruction, fleet, world, graph, backend=backend.name, model=model)
            return PlanningResult(
                graph,
                report,
                tuple(attempts),
                time.perf_counter() - t0,
                model_time,
                tokens_in,
                tokens_out,
                planner=name,
                backend=backend.name,
                model=model,
                streamed=tuple(streamer.emitted) if streamer else (),
            )
        messages = [
            *sent,
            {"role": "assistant", "content": _echo(reply.text)},
            builder.repair_message(_for_model(errors), streamer.dispatched if streamer else ()),
        ]
    raise PlanningError(instruction, attempts[-1].errors, attempts, backend=backend.name)


class LLMPlanner:
    """The LLM path as a :class:`Planner`: one backend, one config, optional plan memory.

    The prompt builder (templates and the example library, validated against the fleet and
    world) is built once per fleet and world and reused, so repeated planning pays only for
    rendering, parsing and validation.
    """

    def __init__(
        self,
        backend: LLMBackend,
        config: LLMConfig | None = None,
        *,
        memory: PlanMemory | None = None,
        narrowing: Narrowing | None = None,
        on_subtask: Callable[[Subtask], None] | None = None,
    ):
        self.backend = backend
        self.config = config or LLMConfig()
        self.memory = memory
        self.narrowing = narrowing
        self.on_subtask = on_subtask
        self.name = f"llm:{backend.name}"
        self._builder: tuple[tuple[int, str], PromptBuilder] | None = None

    def prompt_builder(self, fleet: Fleet, world: World) -> PromptBuilder:
        key = (id(fleet), world.fingerprint())
        if self._builder is None or self._builder[0] != key:
            self._builder = (key, PromptBuilder.from_config(self.config, fleet, world))
        return self._builder[1]

    def plan(
        self,
        instruction: str,
        fleet: Fleet,
        world: World,
        *,
        narrowing: Narrowing | None = None,
        on_subtask: Callable[[Subtask], None] | None = None,
        use_memory: bool | None = None,
    ) -> PlanningResult:
        dispatch = on_subtask if on_subtask is not None else self.on_subtask
        early = dispatch if self.config.stream else None
        result = plan_instruction(
            instruction,
            fleet,
            world,
            self.backend,
            max_repair_rounds=self.config.max_repair_rounds,
            prompt=self.prompt_builder(fleet, world),
            config=self.config,
            narrowing=narrowing if narrowing is not None else self.narrowing,
            use_schema=self.config.use_json_schema,
            memory=self.memory,
            use_memory=self.config.use_memory if use_memory is None else use_memory,
            on_subtask=early,
            planner_name=self.name,
        )
        if dispatch is not None and early is None:
            for s in result.graph.subtasks:  # streaming off: hand over each subtask once, in plan order
                dispatch(s)
        return result


def _memory_from_config(config: LLMConfig) -> PlanMemory | None:
    return (
        PlanMemory(config.memory_path, max_entries=config.memory_max_entries) if config.memory_path else None
    )


def _rules_planner(config: LLMConfig) -> Planner:
    try:
        module = importlib.import_module("dart_planner.llm.rules")
    except ModuleNotFoundError as exc:
        if exc.name and "dart_planner.llm.rules".startswith(exc.name):
            raise ConfigError(
                [
                    ConfigIssue(
                        "llm config",
                        "planner",
                        "the 'rules' planner is not available: module dart_planner.llm.rules is missing "
                        "(choose planner: llm with an LLM backend)",
                    )
                ]
            ) from exc
        raise
    for attr in ("make_rules_planner", "make_planner"):
        factory = getattr(module, attr, None)
        if callable(factory):
            planner: Planner = factory(config)
            return planner
    cls = getattr(module, "RulesPlanner", None)
    if cls is not None:
        from_config = getattr(cls, "from_config", None)
        built: Planner = from_config(config) if callable(from_config) else cls(config)
        return built
    raise ConfigError(
        [
            ConfigIssue(
                "llm config",
                "planner",
                "dart_planner.llm.rules offers neither make_rules_planner(config) nor RulesPlanner",
            )
        ]
    )


def make_planner(name: str | None = None, config: LLMConfig | None = None) -> Planner:
    """Build a planner by name: ``rules``, ``llm`` (the configured backend) or a backend name
    (``openai``, ``replay``, ``transformers``, ``llamacpp``, or a registered one).

    ``name`` defaults to ``config.planner``; ``config`` to the shipped ``config/llm.yaml``.
    The rules planner is imported lazily: its module contract is
    ``dart_planner.llm.rules.make_rules_planner(config: LLMConfig) -> Planner``.
    """
    cfg = config or load_llm_config()
    which = name or cfg.planner
    if which == "rules":
        return _rules_planner(cfg)
    if which != "llm":
        if which not in backend_names():
            raise ConfigError(
                [
                    ConfigIssue(
                        "llm config",
                        "planner",
                        f"unknown planner {which!r}; known: rules, llm, {', '.join(backend_names())}",
                    )
                ]
            )
        cfg = cfg.with_overrides(backend=which)
    return LLMPlanner(make_backend(cfg), cfg, memory=_memory_from_config(cfg))
