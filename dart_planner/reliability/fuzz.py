"""Runs hostile replies through every way a reply reaches the robots, and judges the result.

For each :class:`~.corpus.CorpusCase` the :class:`FuzzHarness` tries up to four paths:

``parse``
    :func:`~dart_planner.llm.parse.parse_plan_reply`, then the core validator and the output
    contract (what any caller of the parser does).
``pipeline``
    :func:`~dart_planner.llm.pipeline.plan_instruction` with a
    :class:`~dart_planner.llm.replay_backend.ScriptedBackend` that sends the case, and in the
    repair round either the case again or a valid plan; streaming dispatch is on, so subtasks
    handed out early are judged too.
``stream``
    :class:`~dart_planner.llm.streaming.StreamingPlanParser` fed the case in chunks.
``replay``
    the pipeline's exchange recorded as a cassette and answered again by a
    :class:`~dart_planner.llm.replay_backend.ReplayBackend` (request hashing, cassette JSON).

Each run is a :class:`CaseResult`: ``valid`` (a plan came out), ``error`` (a
:class:`~dart_planner.core.errors.DartPlannerError` with a message came out) or ``crash``
(anything else escaped, or an error said nothing). Independently of the outcome, every
subtask that left a path -- streamed early or in the final plan -- is checked against the
:class:`AllowList` (fleet skills, robots and types; safely named world objects; plain task
names; no parameters); each breach is an *unsafe dispatch*. Nothing here trusts the code
under test to judge itself: the allow-list is rebuilt from the fleet and world.
"""

from __future__ import annotations

import enum
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import DartPlannerError
from ..core.fleet import Fleet
from ..core.plan import Subtask, TaskGraph
from ..core.validate import validate_plan
from ..core.world import World
from ..llm.config import LLMConfig
from ..llm.contract import check_contract
from ..llm.errors import PlanningError
from ..llm.names import is_safe_name, safe_objects, safe_world
from ..llm.parse import parse_plan_reply
from ..llm.pipeline import plan_instruction
from ..llm.prompt import PromptBuilder, canonical_plan_json
from ..llm.replay_backend import ReplayBackend, ScriptedBackend
from ..llm.schema import plan_schema
from ..llm.streaming import StreamingPlanParser
from .corpus import CorpusCase, Expect, base_plans

__all__ = ["Outcome", "AllowList", "CaseResult", "FuzzReport", "FuzzHarness", "PATHS"]

PATHS = ("parse", "pipeline", "pipeline_repaired", "stream", "replay")
DEFAULT_INSTRUCTION = "Excavator 1 and dump truck 1 go to soil 1; the excavator digs and loads the truck."


class Outcome(str, enum.Enum):
    VALID = "valid"
    ERROR = "error"
    CRASH = "crash"


@dataclass(frozen=True)
class AllowList:
    """What may reach a robot: the fleet's skills, robots and types and the world's safely
    named objects. Built from configuration, never from the code under test."""

    skills: frozenset[str]
    robots: frozenset[str]
    robot_types: frozenset[str]
    objects: frozenset[str]

    @classmethod
    def of(cls, fleet: Fleet, world: World) -> AllowList:
        return cls(
            frozenset(fleet.skills), frozenset(fleet.robot_ids), frozenset(fleet.robot_types),
            frozenset(safe_objects(world)),
        )

    def violations(self, subtasks: Iterable[Subtask]) -> list[str]:
        """Every way ``subtasks`` step outside the allow-list (empty: all safe)."""
        out: list[str] = []
        for s in subtasks:
            who = ascii(s.id)
            if not is_safe_name(s.id):
                out.append(f"{who}: task name is not a plain identifier")
            if s.skill not in self.skills:
                out.append(f"{who}: skill {ascii(s.skill)} is not allow-listed")
            out += [f"{who}: robot {ascii(r)} is not in the fleet" for r in s.robot_ids if r not in self.robots]
            out += [f"{who}: robot type {ascii(t)} is not in the fleet" for t in s.robot_type
                    if t not in self.robot_types]
            out += [f"{who}: object {ascii(o)} is not a safe known object" for o in s.object_keywords
                    if o not in self.objects]
            if s.params:
                out.append(f"{who}: carries model-set params {sorted(s.params)}")
        return out


@dataclass(frozen=True)
class CaseResult:
    case_id: str
    category: str
    expect: Expect
    path: str
    outcome: Outcome
    detail: str = ""
    unsafe: tuple[str, ...] = ()
    seconds: float = 0.0
    streamed: int = 0
    chars: int = 0

    @property
    def matches_expectation(self) -> bool:
        if self.outcome is Outcome.CRASH:
            return False
        if self.expect is Expect.EITHER or self.path in ("stream", "pipeline_repaired", "replay"):
            return True
        return (self.outcome is Outcome.VALID) == (self.expect is Expect.VALID)


@dataclass(frozen=True)
class FuzzReport:
    results: tuple[CaseResult, ...]
    cases: int
    wall_s: float = 0.0

    @property
    def runs(self) -> int:
        return len(self.results)

    @property
    def crashes(self) -> tuple[CaseResult, ...]:
        return tuple(r for r in self.results if r.outcome is Outcome.CRASH)

    @property
    def unsafe(self) -> tuple[CaseResult, ...]:
        return tuple(r for r in self.results if r.unsafe)

    @property
    def mismatches(self) -> tuple[CaseResult, ...]:
        return tuple(r for r in self.results if not r.matches_expectation)

    def outcomes(self) -> dict[str, dict[str, int]]:
        """Outcome counts per path."""
        out: dict[str, Counter[str]] = {}
        for r in self.results:
            out.setdefault(r.path, Counter())[r.outcome.value] += 1
        return {p: dict(c) for p, c in out.items()}

    def slowest(self, path: str = "parse") -> CaseResult | None:
        rs = [r for r in self.results if r.path == path]
        return max(rs, key=lambda r: r.seconds) if rs else None

    def summary(self) -> dict[str, Any]:
        slow = self.slowest()
        return {
            "cases": self.cases,
            "runs": self.runs,
            "crashes": len(self.crashes),
            "unsafe_dispatches": sum(len(r.unsafe) for r in self.results),
            "expectation_mismatches": len(self.mismatches),
            "outcomes": self.outcomes(),
            "slowest_parse_ms": round(slow.seconds * 1e3, 3) if slow else None,
            "slowest_parse_case": slow.case_id if slow else None,
            "wall_s": round(self.wall_s, 3),
        }


def _first_line(exc: BaseException) -> str:
    if isinstance(exc, PlanningError) and exc.errors:
        return f"PlanningError: {exc.errors[0]}"[:300]
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:300]


def _crash(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
    return f"{type(exc).__name__}{where}: {str(exc)[:200]}"


def _unclear(exc: DartPlannerError) -> str | None:
    """Why an error would leave a person (or the repair loop) without a reason, or None."""
    if not str(exc).strip():
        return "the error has no message"
    if isinstance(exc, PlanningError) and (not exc.errors or not all(str(e).strip() for e in exc.errors)):
        return "PlanningError without its problems"
    return None


@dataclass
class FuzzHarness:
    """Runs corpus cases through the plan paths for one fleet and world.

    The prompt builder and schema are built once (as :class:`~dart_planner.llm.pipeline.LLMPlanner`
    does), so the measured cost is parsing, validation and repair.
    """

    fleet: Fleet
    world: World
    instruction: str = DEFAULT_INSTRUCTION
    config: LLMConfig = field(default_factory=LLMConfig)
    chunk_chars: int = 7

    def __post_init__(self) -> None:
        self.site = safe_world(self.world)
        self.allow = AllowList.of(self.fleet, self.world)
        self.builder = PromptBuilder.from_config(self.config, self.fleet, self.site)
        self.schema = plan_schema(self.fleet, self.site, max_tasks=self.config.max_tasks)
        good = TaskGraph.from_dart(base_plans(self.fleet, self.world)[0])
        self.repair_text = canonical_plan_json(good)

    def system_prompt(self) -> str:
        return self.builder.system_prompt(self.fleet, self.site)

    # ------------------------------------------------------------------ paths
    def parse(self, case: CorpusCase) -> CaseResult:
        t0 = time.perf_counter()
        try:
            parsed = parse_plan_reply(case.text, max_chars=self.config.max_reply_chars,
                                      max_tasks=self.config.max_tasks)
            graph = parsed.graph
            report = validate_plan(graph, self.fleet, self.site)
            contract = check_contract(graph, self.site, max_tasks=self.config.max_tasks)
        except DartPlannerError as exc:
            return self._error(case, "parse", exc, t0)
        except Exception as exc:  # noqa: BLE001 - a crash is what this harness counts
            return self._result(case, "parse", Outcome.CRASH, _crash(exc), t0)
        if not report.ok or contract:
            first = str(report.errors[0]) if report.errors else str(contract[0])
            return self._result(case, "parse", Outcome.ERROR, first, t0)
        return self._result(case, "parse", Outcome.VALID, "", t0, unsafe=self.allow.violations(graph.subtasks))

    def pipeline(self, case: CorpusCase, repair: str | None = None) -> CaseResult:
        """The case, then (repair round) ``repair`` or the case again."""
        path = "pipeline" if repair is None else "pipeline_repaired"
        backend = ScriptedBackend([case.text, case.text if repair is None else repair],
                                  chunk_chars=max(1, len(case.text) // 40 or 1))
        return self._run_pipeline(case, path, backend, record=False)[0]

    def replay(self, case: CorpusCase) -> CaseResult:
        """Record the pipeline's exchange, then plan again from the cassette alone."""
        backend = ScriptedBackend([case.text, self.repair_text], chunk_chars=max(1, len(case.text) // 40 or 1))
        first, entries = self._run_pipeline(case, "replay", backend, record=True)
        if first.outcome is Outcome.CRASH or first.unsafe:
            return first
        t0 = time.perf_counter()
        try:
            replay = ReplayBackend(entries, source=f"<{case.id}>")
        except Exception as exc:  # noqa: BLE001
            return self._result(case, "replay", Outcome.CRASH, _crash(exc), t0)
        second, _ = self._run_pipeline(case, "replay", replay, record=False)
        if second.outcome is not first.outcome and second.outcome is not Outcome.CRASH:
            return self._result(case, "replay", Outcome.CRASH,
                                f"replay gave {second.outcome.value}, the live run {first.outcome.value}", t0)
        return second

    def stream(self, case: CorpusCase, chunk_chars: int | None = None) -> CaseResult:
        emitted: list[Subtask] = []
        parser = StreamingPlanParser(self.fleet, self.site, on_subtask=emitted.append,
                                     max_chars=self.config.max_reply_chars)
        step = chunk_chars or self.chunk_chars
        t0 = time.perf_counter()
        try:
            text = case.text
            for i in range(0, len(text), step):
                parser.feed(text[i:i + step])
        except DartPlannerError as exc:
            return self._error(case, "stream", exc, t0, unsafe=self.allow.violations(emitted))
        except Exception as exc:  # noqa: BLE001
            return self._result(case, "stream", Outcome.CRASH, _crash(exc), t0)
        return self._result(case, "stream", Outcome.VALID if emitted else Outcome.ERROR,
                            f"{len(emitted)} streamed", t0, unsafe=self.allow.violations(emitted),
                            streamed=len(emitted))

    def run(self, cases: Sequence[CorpusCase], paths: Sequence[str] = PATHS) -> FuzzReport:
        unknown = set(paths) - set(PATHS)
        if unknown:
            raise ValueError(f"unknown fuzz paths {sorted(unknown)}; known: {PATHS}")
        t0 = time.perf_counter()
        results: list[CaseResult] = []
        for case in cases:
            for p in paths:
                if p == "parse":
                    results.append(self.parse(case))
                elif p == "pipeline":
                    results.append(self.pipeline(case))
                elif p == "pipeline_repaired":
                    results.append(self.pipeline(case, self.repair_text))
                elif p == "stream":
                    results.append(self.stream(case))
                else:
                    results.append(self.replay(case))
        return FuzzReport(tuple(results), len(cases), time.perf_counter() - t0)

    # ------------------------------------------------------------------ internals
    def _run_pipeline(
        self, case: CorpusCase, path: str, backend: Any, record: bool
    ) -> tuple[CaseResult, list[dict[str, Any]]]:
        emitted: list[Subtask] = []
        t0 = time.perf_counter()
        entries: list[dict[str, Any]] = []
        try:
            result = plan_instruction(
                self.instruction, self.fleet, self.world, backend, max_repair_rounds=1,
                prompt=self.builder, config=self.config, on_subtask=emitted.append, use_memory=False,
            )
            if record:
                entries = result.cassette_entries()
        except DartPlannerError as exc:
            if record and isinstance(exc, PlanningError):
                entries = _entries_of(exc, backend)
            return self._error(case, path, exc, t0, unsafe=self.allow.violations(emitted),
                               streamed=len(emitted)), entries
        except Exception as exc:  # noqa: BLE001
            return self._result(case, path, Outcome.CRASH, _crash(exc), t0), entries
        unsafe = self.allow.violations([*emitted, *result.graph.subtasks])
        report = validate_plan(result.graph, self.fleet, self.site)
        if not report.ok:
            unsafe.append(f"the pipeline returned a plan with validation errors: {report.errors[0]}")
        return self._result(case, path, Outcome.VALID, f"{len(result.graph)} subtasks", t0, unsafe=unsafe,
                            streamed=len(emitted)), entries

    def _error(self, case: CorpusCase, path: str, exc: DartPlannerError, t0: float,
               unsafe: Sequence[str] = (), streamed: int = 0) -> CaseResult:
        why = _unclear(exc)
        if why is not None:
            return self._result(case, path, Outcome.CRASH, f"unclear error ({why}): {_first_line(exc)}", t0,
                                unsafe=unsafe, streamed=streamed)
        return self._result(case, path, Outcome.ERROR, _first_line(exc), t0, unsafe=unsafe, streamed=streamed)

    @staticmethod
    def _result(case: CorpusCase, path: str, outcome: Outcome, detail: str, t0: float,
                unsafe: Sequence[str] = (), streamed: int = 0) -> CaseResult:
        return CaseResult(case.id, case.category, case.expect, path, outcome, detail, tuple(unsafe),
                          time.perf_counter() - t0, streamed, len(case.text))


def _entries_of(exc: PlanningError, backend: Any) -> list[dict[str, Any]]:
    """Cassette lines of a failed planning run (each attempt that got a reply)."""
    from ..llm.replay_backend import cassette_entry

    name = getattr(backend, "name", "scripted")
    return [cassette_entry(a.messages, a.schema, a.reply, name) for a in exc.attempts
            if getattr(a, "reply", None) is not None]
