"""Re-judge a recorded run with the current code: same inputs, new plans, compared with the old ones.

``dart-planner replay BAG --rejudge`` takes from a bag what the planner side was given and
what it decided, runs the inputs through the code installed now, and reports every
difference:

* **inputs** — each instruction (``instruction``, or the text a recorded task graph names
  when the instruction itself was not recorded; re-planned by the planner that made its
  recorded plan: rules, or the replay backend), the perceived objects the language and
  allocator nodes had merged into their world when it arrived (the last ``objects`` message
  before it), and every model request/response pair (``llm_exchange``), written to a
  cassette for the ``replay`` backend;
* **decisions** — the first ``task_graph`` per instruction, its first accepted
  ``assignments`` (robots per subtask, makespan), and the last ``plan_status`` of the plan
  (its outcome and each subtask's final state); continuation plans (``replan_of``) too.

How it runs (ROS-free, the nodes' own code path). No ROS node is started, no ROS graph is
touched and neither rclpy nor a message package is imported. The nodes' logic lives in
ROS-free functions that the nodes and this module both call:

* ``language_node``: :func:`dart_planner.llm.pipeline.make_planner` with the node's
  ``backend``/``cassette`` parameters, then :func:`dart_planner.llm.node_planning.plan_for_node`
  (planning world, stale perceived objects, the second validation); a failed subtask's
  continuation with :func:`~dart_planner.llm.node_planning.continuation_graph` and
  :func:`~dart_planner.llm.node_planning.continue_for_node`;
* ``allocator_node``: the intake gate :func:`dart_planner.core.intake.gate_plan` (validation,
  stale perception-only objects, the safety policy; a plan held for approval is judged as
  approved), then :class:`~dart_planner.core.execute.ExecutionEngine` with
  :class:`~dart_planner.core.execute.ModuleAllocator` of the chosen policy, its goals sent
  through the node's :class:`~dart_planner.core.goal_speed.SpeedCappedActuator` (speed limits
  in ``params["max_speed"]``, no goal to a stale perceived-only object) to the built-in
  simulator behind :class:`~dart_planner.sim.actuator.SimActuator` (which obeys the cap as
  actuation nodes do) instead of actuation nodes and ``sim_node``;
* perceived objects (both nodes): :mod:`dart_planner.core.objects` (``objects_from_payload``,
  ``merge_perceived``), stale past ``object_ttl_s`` by the bag's timestamps.

Instructions are re-run one after another in one simulation, in recorded order (robots carry
their positions on).

What is compared: task graphs up to renaming (:func:`dart_planner.core.plan_compare.compare_plans`),
the robots of each matched subtask and the makespan (within ``makespan_tol_s``), and the
outcome: plan state, each matched subtask's final state, continuation plans' outcomes. A
recorded plan that never reached a final state is noted, not counted as a difference.
Camera images are counted, not re-detected: the recorded ``objects`` stand for perception
(exact for the ground-truth detector of the simulated stack).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..core.envelope import decode
from ..core.errors import DartPlannerError, PlanFormatError
from ..core.fleet import Fleet
from ..core.instruction import read_instruction
from ..core.intake import graph_from_payload
from ..core.plan import TaskGraph
from ..core.plan_compare import PlanComparison, compare_plans, describe_key, subtask_key
from ..core.world import World
from ..topics import ASSIGNMENTS, CAMERA_IMAGE, INSTRUCTION, LLM_EXCHANGE, OBJECTS, PLAN_STATUS, TASK_GRAPH
from .errors import BagError, EmptyBagError
from .io import BagMessage, BagReader, open_bag

__all__ = [
    "RecordedPlan", "RecordedInstruction", "RecordedRun", "read_recorded_run", "RejudgeOptions",
    "NewPlan", "Verdict", "RejudgeReport", "rejudge", "format_rejudge", "FINAL_STATES",
]

FINAL_STATES = frozenset({"succeeded", "failed", "cancelled", "rejected"})
_STRING = "std_msgs/msg/String"
_INPUT_TOPICS = (INSTRUCTION, TASK_GRAPH, ASSIGNMENTS, PLAN_STATUS, LLM_EXCHANGE, OBJECTS)


# ---------------------------------------------------------------------------------------------- the recording
@dataclass(frozen=True)
class RecordedPlan:
    """A task graph found in the bag with what the stack decided about it."""

    plan_id: str
    instruction_id: str | None
    instruction: str
    graph: TaskGraph
    planner: str
    stamp_ns: int
    replan_of: str | None = None
    robots: Mapping[str, tuple[str, ...]] | None = None
    """Robots per subtask of the first accepted ``assignments`` (None: none recorded)."""
    makespan: float | None = None
    outcome: str | None = None
    """State in the plan's last ``plan_status`` (None: no status recorded)."""
    error: str = ""
    subtask_states: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordedInstruction:
    """One instruction the stack was given, the world it was planned in, and its recorded fate."""

    index: int
    text: str
    instruction_id: str | None
    stamp_ns: int
    objects: Mapping[str, Any] | None
    """The last ``objects@1`` payload recorded before the instruction (None: none)."""
    objects_age_s: float | None
    """How long before the instruction that payload was recorded (language_node's ``object_ttl_s``
    makes objects older than that stale)."""
    plan: RecordedPlan | None
    rejected: str | None = None
    """Error of a ``rejected`` status for this instruction without a plan (planning failed)."""
    rejected_instruction_id: str | None = None
    """The instruction id in that status (language_node's own id for a plain-text instruction)."""
    from_task_graph: bool = False
    """The instruction message itself is not in the bag; its text comes from the task graph."""


@dataclass(frozen=True)
class RecordedRun:
    path: str
    namespace: str
    instructions: tuple[RecordedInstruction, ...]
    continuations: Mapping[str, tuple[RecordedPlan, ...]]
    """Root plan id -> continuation plans published after its subtasks failed, in order."""
    exchanges: tuple[Mapping[str, Any], ...]
    """``llm_exchange`` payloads (cassette entries plus instruction id, plan id, attempt)."""
    camera_frames: int
    unparsed: int
    """Planner messages whose payload did not parse (counted, not fatal)."""



def _basename(topic: str) -> str:
    return topic.rstrip("/").rsplit("/", 1)[-1]


def _prefix(topic: str) -> str:
    return topic.rstrip("/").rsplit("/", 1)[0] or "/"


def _select_namespace(bag: BagReader, namespace: str | None) -> tuple[str, dict[str, str]]:
    """The planner namespace of the bag and its input topics (relative name -> absolute topic)."""
    strings = {t for t, rec in bag.topics.items() if rec.msgtype == _STRING}
    if namespace is not None:
        ns = "/" + namespace.strip("/")
        candidates = [ns]
    else:
        candidates = sorted({_prefix(t) for t in strings if _basename(t) in (TASK_GRAPH, INSTRUCTION)})
        if len(candidates) > 1:
            raise BagError(f"{bag.path} holds plans of several planner namespaces ({', '.join(candidates)}); "
                           "choose one with --namespace")
    if not candidates:
        raise EmptyBagError(f"{bag.path}: no instruction or task_graph topic: nothing to re-judge")
    ns = candidates[0]
    topics = {name: t for name in _INPUT_TOPICS
              if (t := (ns.rstrip("/") + "/" + name)) in strings}
    if TASK_GRAPH not in topics and INSTRUCTION not in topics:
        raise EmptyBagError(f"{bag.path}: no instruction or task_graph topic under {ns}: nothing to re-judge")
    return ns, topics


@dataclass
class _Scan:
    instructions: list[tuple[int, str, str | None]] = field(default_factory=list)
    graphs: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    assignments: dict[str, dict[str, Any]] = field(default_factory=dict)
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    rejections: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    exchanges: list[dict[str, Any]] = field(default_factory=list)
    objects: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    unparsed: int = 0


def _text(bag: BagReader, m: BagMessage) -> str:
    data = getattr(bag.decode(m), "data", None)
    if not isinstance(data, str):
        raise PlanFormatError([f"{m.topic}: not a std_msgs/String"])
    return data


def _scan(bag: BagReader, topics: Mapping[str, str]) -> _Scan:
    kinds = {t: name for name, t in topics.items()}
    scan = _Scan()
    for m in bag.messages(list(topics.values())):
        kind = kinds[m.topic]
        try:
            text = _text(bag, m)
            if kind == INSTRUCTION:  # one language_node refused as malformed is not an instruction
                ident, body = read_instruction(text)
                scan.instructions.append((m.stamp_ns, body, ident))
            elif kind == TASK_GRAPH:
                scan.graphs.append((m.stamp_ns, decode("task_graph", text)))
            elif kind == ASSIGNMENTS:
                p = decode("assignments", text)
                pid = p.get("plan_id")
                # the first accepted allocation (a preview awaiting approval says approved: false)
                if isinstance(pid, str) and p.get("approved", True) is not False and pid not in scan.assignments:
                    scan.assignments[pid] = p
            elif kind == PLAN_STATUS:
                p = decode("plan_status", text)
                pid = p.get("plan_id")
                if isinstance(pid, str):
                    scan.statuses[pid] = p
                if p.get("state") == "rejected":
                    scan.rejections.append((m.stamp_ns, p))
            elif kind == LLM_EXCHANGE:
                p = decode("llm_exchange", text)
                if isinstance(p.get("key"), str) and isinstance(p.get("response"), dict) \
                        and isinstance(p["response"].get("text"), str):
                    scan.exchanges.append(p)
                else:
                    scan.unparsed += 1
            else:
                scan.objects.append((m.stamp_ns, decode("objects", text)))
        except DartPlannerError:
            scan.unparsed += 1
    return scan


def _recorded_plan(stamp: int, payload: Mapping[str, Any], scan: _Scan) -> RecordedPlan | None:
    try:  # as allocator_node reads it: a payload it would refuse is not a plan of the run
        graph, iid = graph_from_payload(payload)
    except DartPlannerError:
        return None
    pid = graph.plan_id
    robots: dict[str, tuple[str, ...]] | None = None
    makespan: float | None = None
    assigned = scan.assignments.get(pid)
    if assigned is not None:
        schedule = assigned.get("schedule") or {}
        robots = {str(t): tuple(sorted(a.get("robot_ids") or ()))
                  for t, a in (schedule.get("assignments") or {}).items() if isinstance(a, Mapping)}
        ms = schedule.get("makespan")
        makespan = float(ms) if isinstance(ms, (int, float)) and not isinstance(ms, bool) else None
    status = scan.statuses.get(pid, {})
    states = {str(s.get("task_id")): str(s.get("state")) for s in status.get("subtasks") or ()
              if isinstance(s, Mapping)}
    replan_of = payload.get("replan_of")
    return RecordedPlan(
        plan_id=pid, instruction_id=iid,
        instruction=str(payload.get("instruction") or graph.instruction or ""), graph=graph,
        planner=str(payload.get("planner") or ""), stamp_ns=stamp,
        replan_of=replan_of if isinstance(replan_of, str) else None, robots=robots, makespan=makespan,
        outcome=status.get("state") if isinstance(status.get("state"), str) else None,
        error=str(status.get("error") or ""), subtask_states=states)


def read_recorded_run(path: str | Path, namespace: str | None = None) -> RecordedRun:
    """Read the planner side of a recorded run (see the module docstring); needs no ROS.

    Raises
    ------
    BagNotFoundError, EmptyBagError, BagFormatError
        Nothing there, nothing to re-judge (no instruction nor task graph), a corrupt or
        truncated bag (found before anything is re-run).
    """
    with open_bag(path) as bag:
        ns, topics = _select_namespace(bag, namespace)
        camera = f"{ns.rstrip('/')}/{CAMERA_IMAGE}"
        frames = bag.topics[camera].count if camera in bag.topics else 0
        scan = _scan(bag, topics)
    plans = [p for stamp, payload in scan.graphs if (p := _recorded_plan(stamp, payload, scan)) is not None]
    scan.unparsed += len(scan.graphs) - len(plans)
    originals = [p for p in plans if p.replan_of is None]
    graph_ids = {p.plan_id for p in plans}
    claimed: set[str] = set()
    used_rejections: set[int] = set()
    instructions: list[RecordedInstruction] = []

    def objects_before(stamp: int) -> tuple[Mapping[str, Any] | None, float | None]:
        last: tuple[Mapping[str, Any] | None, float | None] = (None, None)
        for t, payload in scan.objects:
            if t > stamp:
                break
            last = (payload, (stamp - t) / 1e9)
        return last

    for stamp, text, iid in scan.instructions:
        plan = next((p for p in originals if p.plan_id not in claimed and (
            p.instruction_id == iid if iid is not None else (p.instruction == text and p.stamp_ns >= stamp))), None)
        rejected = rejected_iid = None
        if plan is not None:
            claimed.add(plan.plan_id)
        else:
            # language_node's rejection: no plan id, or one whose task graph was never published
            for k, (t, status) in enumerate(scan.rejections):
                if k in used_rejections or status.get("plan_id") in graph_ids:
                    continue
                if (status.get("instruction_id") == iid) if iid is not None else t >= stamp:
                    used_rejections.add(k)
                    rejected = str(status.get("error") or "rejected")
                    rid = status.get("instruction_id")
                    rejected_iid = rid if isinstance(rid, str) else None
                    break
        instructions.append(RecordedInstruction(len(instructions), text, iid, stamp, *objects_before(stamp), plan,
                                                rejected, rejected_iid))
    # Plans whose instruction message was not recorded (recording started late): their text stands in.
    for p in originals:
        if p.plan_id not in claimed:
            instructions.append(RecordedInstruction(0, p.instruction, p.instruction_id, p.stamp_ns,
                                                    *objects_before(p.stamp_ns), p, from_task_graph=True))
    instructions.sort(key=lambda i: i.stamp_ns)
    instructions = [replace(i, index=k) for k, i in enumerate(instructions)]
    if not instructions:
        raise EmptyBagError(f"{path}: no instruction or task graph in the bag: nothing to re-judge")
    by_id = {p.plan_id: p for p in plans}
    continuations: dict[str, list[RecordedPlan]] = {}
    for p in plans:
        if p.replan_of is None:
            continue
        root = p.replan_of
        while root in by_id and by_id[root].replan_of is not None:
            root = by_id[root].replan_of or root
        continuations.setdefault(root, []).append(p)
    return RecordedRun(str(path), ns, tuple(instructions), {k: tuple(v) for k, v in continuations.items()},
                       tuple(scan.exchanges), frames, scan.unparsed)


# ---------------------------------------------------------------------------------------------- re-running
@dataclass(frozen=True)
class RejudgeOptions:
    """What the current code runs with; defaults are the nodes' parameter defaults."""

    fleet: Fleet
    world: World
    llm_config: Any = None
    """An :class:`~dart_planner.llm.config.LLMConfig` (None: the shipped ``config/llm.yaml``)."""
    planner: str | None = None
    """None: ``rules`` when the run was planned by the rules planner (its hand-overs to the LLM, if
    any, answered from the bag), else ``replay`` of the bag's LLM exchanges; or a
    :func:`~dart_planner.llm.pipeline.make_planner` name (``rules``, ``llm`` and ``replay`` are
    served from the bag's exchanges when it has any; a backend name such as ``openai`` is live)."""
    policy: str = "heuristic"
    max_retries: int = 1
    max_replans: int = 1
    object_ttl_s: float = 20.0
    """language_node's ``object_ttl_s``: perceived objects recorded longer than this before an
    instruction are stale (configured ones fall back to the configuration, a plan naming a
    perception-only one is rejected); 0: never stale."""
    makespan_tol_s: float = 0.1
    """Makespans closer than this are equal (robot positions after a plan differ slightly between
    the ROS actuation loop and the simulator's)."""
    max_sim_time_s: float = 3600.0
    """A plan still running after this much simulated time is cancelled (the run never hangs)."""
    dt: float = 0.1
    seed: int = 0
    save_cassette: Path | None = None
    """Also keep the cassette built from the bag here."""
    safety: Any = None
    """allocator_node's :class:`~dart_planner.core.safety.SafetyPolicy` (None: the shipped
    ``config/safety.yaml``): its gate and speed limits apply as in the node."""


@dataclass(frozen=True)
class NewPlan:
    """What the current code made of one instruction."""

    graph: TaskGraph | None
    planner: str
    error: str = ""
    """Why there is no plan (planning, validation or allocation failed): then outcome is ``rejected``."""
    robots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    makespan: float | None = None
    outcome: str = "rejected"
    subtask_states: Mapping[str, str] = field(default_factory=dict)
    continuations: tuple[str, ...] = ()
    """Outcomes of the continuation plans the run needed, in order."""
    held_for_approval: bool = False
    """The safety policy holds this plan for approval; it was re-judged as approved."""


@dataclass(frozen=True)
class Verdict:
    """Recorded vs new for one instruction; ``differences`` empty means identical."""

    index: int
    instruction: str
    instruction_id: str | None
    recorded: RecordedInstruction
    new: NewPlan
    comparison: PlanComparison | None
    differences: tuple[str, ...]
    notes: tuple[str, ...] = ()
    recorded_continuations: tuple[RecordedPlan, ...] = ()

    @property
    def identical(self) -> bool:
        return not self.differences

    @property
    def recorded_outcome(self) -> str | None:
        if self.recorded.plan is None:
            return "rejected" if self.recorded.rejected is not None else None
        return self.recorded.plan.outcome

    def to_dict(self) -> dict[str, Any]:
        rec = self.recorded.plan
        return {
            "index": self.index, "instruction": self.instruction, "instruction_id": self.instruction_id,
            "identical": self.identical, "differences": list(self.differences), "notes": list(self.notes),
            "recorded": {
                "plan_id": rec.plan_id if rec else None, "planner": rec.planner if rec else None,
                "subtasks": len(rec.graph) if rec else None, "outcome": self.recorded_outcome,
                "error": (rec.error if rec else self.recorded.rejected) or "",
                "robots": {t: list(r) for t, r in (rec.robots or {}).items()} if rec else None,
                "makespan": rec.makespan if rec else None,
                "continuations": [p.outcome for p in self.recorded_continuations],
            },
            "new": {
                "plan_id": self.new.graph.plan_id if self.new.graph else None, "planner": self.new.planner,
                "subtasks": len(self.new.graph) if self.new.graph else None, "outcome": self.new.outcome,
                "error": self.new.error, "robots": {t: list(r) for t, r in self.new.robots.items()},
                "makespan": self.new.makespan, "continuations": list(self.new.continuations),
            },
            "graph": self.comparison.to_dict() if self.comparison else None,
        }


@dataclass(frozen=True)
class RejudgeReport:
    bag: str
    namespace: str
    planner: str
    policy: str
    exchanges: int
    camera_frames: int
    unparsed: int
    verdicts: tuple[Verdict, ...]
    wall_s: float = 0.0

    @property
    def identical(self) -> bool:
        return all(v.identical for v in self.verdicts)

    @property
    def differing(self) -> int:
        return sum(1 for v in self.verdicts if not v.identical)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "dart_planner/rejudge_report@1", "bag": self.bag, "namespace": self.namespace,
            "planner": self.planner, "policy": self.policy, "identical": self.identical,
            "instructions": len(self.verdicts), "differing": self.differing, "llm_exchanges": self.exchanges,
            "camera_frames": self.camera_frames, "unparsed": self.unparsed, "wall_s": self.wall_s,
            "verdicts": [v.to_dict() for v in self.verdicts],
        }


def _planner_for(run: RecordedRun, rec: RecordedInstruction, wanted: str | None) -> str:
    """The planner that re-plans ``rec``: ``wanted``, else the one the recording names.

    A plan made by the rules planner is re-planned by it; one made by a model (``llm:*``), or a
    rejection after model calls, by the replay backend from the bag's exchanges; a rejection
    without any model call by the rules planner (the offline planner; no server is contacted).
    """
    if wanted:
        return wanted
    if rec.plan is not None:
        if rec.plan.planner.startswith("rules"):
            return "rules"
        if run.exchanges:
            return "replay"
        raise BagError(f"{run.path} has no llm_exchange messages to replay and plan {rec.plan.plan_id} was made "
                       f"by {rec.plan.planner or 'an unnamed planner'}; choose one with --planner (for example rules)")
    ids = {rec.instruction_id, rec.rejected_instruction_id} - {None}
    return "replay" if any(e.get("instruction_id") in ids for e in run.exchanges) else "rules"


def _write_cassette(entries: Iterable[Mapping[str, Any]], path: Path) -> None:
    keep = ("key", "backend", "request", "response")
    with path.open("w", encoding="utf-8") as f:
        for e in entries:
            f.write(json.dumps({k: e[k] for k in keep if k in e}, ensure_ascii=True) + "\n")


class _Rerun:
    """The current code's planner, engine and simulator for a whole bag (one simulated site)."""

    def __init__(self, run: RecordedRun, opts: RejudgeOptions, cassette: Path | None) -> None:
        from ..core.execute import ExecutionEngine, ModuleAllocator, ReplanRequested
        from ..core.goal_speed import SpeedCappedActuator
        from ..llm.config import load_llm_config
        from ..llm.pipeline import make_planner
        from ..sim import Simulation
        from ..sim.actuator import SimActuator

        cfg = opts.llm_config if opts.llm_config is not None else load_llm_config()
        # No plan memory and no cassette recording: the bag's answers alone decide.
        # With a cassette every model call (the replay planner, a rules planner's hand-over to
        # the LLM) is answered from the bag's exchanges, never from a live server.
        cfg = cfg.with_overrides(memory_path="", use_memory=False, record_cassette="",
                                 **({"cassette": str(cassette), "backend": "replay"} if cassette is not None else {}))
        self._cfg = cfg
        self._make_planner = make_planner
        self.planners: dict[str, Any] = {}
        """Planner name -> planner, built on first use (one prompt builder per planner, as a node has)."""
        from ..core.safety import load_safety_policy

        self.opts = opts
        self.fleet, self.base = opts.fleet, opts.world
        # allocator_node allocates with the fleet capped at the speed limits, and every goal
        # leaves with its robot's limit as params["max_speed"], which the robots obey
        self.safety = opts.safety if opts.safety is not None else load_safety_policy()
        self.alloc_fleet = self.safety.limit_fleet(opts.fleet)
        self.lang_world = opts.world
        self.perceived: set[str] = set()
        self.alloc_perceived: set[str] = set()
        self.stale: dict[str, float] = {}
        """Stale perceived objects at the instruction being re-run (name -> age, s)."""
        self.sim = Simulation(opts.fleet, opts.world, seed=opts.seed, dt=opts.dt)
        self.actuator = SimActuator(self.sim)
        capped = SpeedCappedActuator(self.actuator, self.safety, self.alloc_fleet, refuse=self._stale_goal)
        self.engine = ExecutionEngine(self.alloc_fleet, opts.world, capped,
                                      allocator=ModuleAllocator(opts.policy), clock=lambda: self.sim.time,
                                      max_retries=opts.max_retries)
        self.replans: list[Any] = []
        self._replan_type = ReplanRequested
        self.engine.subscribe(self._on_event)

    def _stale_goal(self, goal: Any) -> str | None:
        """allocator_node's last check before a goal leaves: none to a stale perceived-only object."""
        from ..core.objects import stale_perception_only, stale_reason

        if goal.target is None:
            return None
        return stale_reason((goal.target,), stale_perception_only(self.stale, self.base), self.opts.object_ttl_s)

    def _on_event(self, event: Any) -> None:
        if isinstance(event, self._replan_type):
            self.replans.append(event)

    def close(self) -> None:
        self.engine.close()

    def perceive(self, payload: Mapping[str, Any] | None, age_s: float | None) -> None:
        """Merge an ``objects`` payload as language_node and allocator_node do, recorded ``age_s``
        before the instruction; the objects it reported are stale past ``object_ttl_s``, and the
        allocator's configured ones are back at their configured pose (its ``_expire_stale``)."""
        from ..core.objects import merge_perceived, objects_from_payload, restore_configured, stale_objects

        if payload is not None:
            objects, _refused = objects_from_payload(payload, self.base)
            self.lang_world = merge_perceived(self.lang_world, self.base, self.perceived, objects)
            self.perceived = {o.name for o in objects}
            self.engine.update_world(merge_perceived(self.engine.world, self.base, self.alloc_perceived, objects))
            self.alloc_perceived = {o.name for o in objects}
        # every object of one message was reported at the same time: they age together
        ages = {n: age_s for n in self.perceived} if age_s is not None else {}
        self.stale = stale_objects(ages, self.opts.object_ttl_s)
        configured = [n for n in self.stale if self.base.has_object(n) and n in self.alloc_perceived]
        if configured:
            self.alloc_perceived.difference_update(configured)
            self.engine.update_world(restore_configured(self.engine.world, self.base, configured))

    def planner(self, name: str) -> Any:
        if name not in self.planners:
            self.planners[name] = self._make_planner(name, self._cfg)
        return self.planners[name]

    def plan(self, planner: Any, text: str) -> tuple[TaskGraph | None, str]:
        """language_node._plan (:func:`~dart_planner.llm.node_planning.plan_for_node`)."""
        from ..llm.node_planning import plan_for_node

        plan = plan_for_node(planner, text, self.fleet, self.lang_world, base=self.base, stale=self.stale,
                             object_ttl_s=self.opts.object_ttl_s)
        return (plan.graph, "") if plan.ok else (None, plan.error)

    def gate(self, graph: TaskGraph) -> tuple[str, bool]:
        """allocator_node._gate (:func:`~dart_planner.core.intake.gate_plan`). Returns (refusal or "",
        held for approval); a held plan is judged as approved (the gate runs again, as on approve)."""
        from ..core.intake import gate_plan
        from ..core.objects import stale_perception_only
        from ..core.safety import GateVerdict

        def decide(approved: bool) -> Any:
            return gate_plan(graph, self.alloc_fleet, self.engine.world, self.safety,
                             stale_only=stale_perception_only(self.stale, self.base),
                             object_ttl_s=self.opts.object_ttl_s, approved=approved)

        decision = decide(False)
        held = decision.verdict is GateVerdict.NEEDS_APPROVAL
        if held:
            decision = decide(True)
        return decision.error, held

    def execute(self, graph: TaskGraph, planner_name: str) -> NewPlan:
        """allocator_node._gate/_submit + the simulator until the plan (and its continuations) finish."""
        refused, held = self.gate(graph)
        if refused:
            return NewPlan(graph, planner_name, refused, held_for_approval=held)
        try:
            pid = self.engine.submit(graph)
        except DartPlannerError as exc:
            return NewPlan(graph, planner_name, f"{type(exc).__name__}: {exc}", held_for_approval=held)
        schedule = self.engine.schedule(pid)
        robots = {t: tuple(sorted(a.robot_ids)) for t, a in schedule.assignments.items()}
        # Continuations as language_node makes them: after the engine gives up on a subtask,
        # at most max_replans per instruction; each entry is a plan id or "rejected".
        continuations: list[str] = []
        origins = {pid: graph}
        live = [pid]
        while live:
            self._run_until_finished(live)
            live = []
            while self.replans:
                event = self.replans.pop(0)
                origin = origins.get(event.plan_id)
                if origin is None or len(continuations) >= self.opts.max_replans:
                    continue
                from ..llm.node_planning import continuation_graph, continue_for_node

                cont = continuation_graph(origin, event.task_id, event.done, event.unavailable_robots, self.fleet)
                if cont is None:
                    continue
                checked = continue_for_node(cont, event.plan_id, self.fleet, self.lang_world, base=self.base,
                                            stale=self.stale, object_ttl_s=self.opts.object_ttl_s)
                try:
                    if not checked.ok:
                        raise PlanFormatError([checked.error])
                    refused, _held = self.gate(cont)  # the allocator gates a continuation like any plan
                    if refused:
                        raise PlanFormatError([refused])
                    cid = self.engine.submit(cont)
                except DartPlannerError:
                    continuations.append("rejected")
                    continue
                origins[cid] = cont
                continuations.append(cid)
                live.append(cid)
        outcomes = tuple(c if c == "rejected" else self.engine.plan_outcome(c).value for c in continuations)
        status = self.engine.status(pid)
        return NewPlan(graph, planner_name, robots=robots, makespan=float(schedule.makespan),
                       outcome=status.state.value,
                       subtask_states={s.task_id: s.state.value for s in status.subtasks},
                       continuations=outcomes, held_for_approval=held)

    def _run_until_finished(self, plan_ids: Sequence[str]) -> None:
        self.engine.tick()
        deadline = self.sim.time + self.opts.max_sim_time_s
        while not all(self.engine.is_finished(p) for p in plan_ids) and self.sim.time < deadline:
            self.actuator.step()
            self.engine.tick()
        for p in plan_ids:
            if not self.engine.is_finished(p):
                self.engine.cancel(p, f"re-judge: still running after {self.opts.max_sim_time_s:.0f} s simulated")


def _compare(rec: RecordedInstruction, new: NewPlan, tol: float,
             recorded_continuations: Sequence[RecordedPlan]) -> tuple[PlanComparison | None, list[str], list[str]]:
    diffs: list[str] = []
    notes: list[str] = []
    plan = rec.plan
    if plan is None:
        if rec.rejected is None:
            notes.append("the recording holds neither a plan nor a rejection for this instruction")
            if new.graph is not None:
                diffs.append(f"planning: nothing recorded, now a plan of {len(new.graph)} subtasks")
            return None, diffs, notes
        if new.graph is None or new.error:
            return None, diffs, notes  # rejected then and now (the wording of the error may change)
        diffs.append(f"planning: recorded rejected ({_short(rec.rejected)}), now {new.outcome} "
                     f"with {len(new.graph)} subtasks")
        return None, diffs, notes
    if new.graph is None:
        diffs.append(f"planning: recorded plan of {len(plan.graph)} subtasks ({plan.outcome or 'no status'}), "
                     f"now rejected: {_short(new.error)}")
        return None, diffs, notes
    cmp = compare_plans(new.graph, plan.graph)
    if not cmp.exact:
        diffs.append("task graph: " + "; ".join(cmp.diff().splitlines()))
    if new.error:  # planned the same or not, the allocator refuses it now
        if plan.outcome != "rejected":
            diffs.append(f"allocation: recorded {plan.outcome or 'no status'}, now rejected: {_short(new.error)}")
        return cmp, diffs, notes
    if plan.robots is None:
        notes.append("no assignments recorded for the plan")
    else:
        robot_diffs = []
        for new_id, old_id in sorted(cmp.matching.items(), key=lambda kv: kv[1]):
            old_r, new_r = plan.robots.get(old_id), new.robots.get(new_id)
            if old_r is not None and new_r is not None and old_r != new_r:
                robot_diffs.append(f"{describe_key(subtask_key(plan.graph[old_id]))}: "
                                   f"{', '.join(old_r) or '-'} -> {', '.join(new_r) or '-'}")
        if robot_diffs:
            diffs.append("assignments: " + "; ".join(robot_diffs))
        if plan.makespan is not None and new.makespan is not None and abs(plan.makespan - new.makespan) > tol:
            diffs.append(f"makespan: {plan.makespan:.2f} s -> {new.makespan:.2f} s")
    if plan.outcome is None or plan.outcome not in FINAL_STATES:
        notes.append(f"the recorded plan never finished (last state {plan.outcome or 'none'}); outcome not compared")
    else:
        if plan.outcome != new.outcome:
            why = f" ({_short(new.error or _first_failure(new))})" if new.outcome != "succeeded" else ""
            diffs.append(f"outcome: {plan.outcome} -> {new.outcome}{why}")
        state_diffs = [f"{old_id}: {plan.subtask_states[old_id]} -> {new.subtask_states[new_id]}"
                       for new_id, old_id in sorted(cmp.matching.items(), key=lambda kv: kv[1])
                       if old_id in plan.subtask_states and new_id in new.subtask_states
                       and plan.subtask_states[old_id] != new.subtask_states[new_id]]
        if state_diffs and plan.outcome == new.outcome:
            diffs.append("subtask outcomes: " + "; ".join(state_diffs))
        old_cont = [p.outcome for p in recorded_continuations]
        if list(new.continuations) != old_cont:
            diffs.append(f"continuation plans: {old_cont or 'none'} -> {list(new.continuations) or 'none'}")
    return cmp, diffs, notes


def _first_failure(new: NewPlan) -> str:
    bad = [f"{t} {s}" for t, s in new.subtask_states.items() if s != "succeeded"]
    return ", ".join(bad[:3])


def _short(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "..."


def rejudge(bag: str | Path | RecordedRun, options: RejudgeOptions, *, namespace: str | None = None,
            on_verdict: Callable[[Verdict], None] | None = None) -> RejudgeReport:
    """Re-run a recorded run's instructions with the current code and compare (module docstring).

    Raises
    ------
    BagError
        The bag is unusable (:func:`read_recorded_run`), or no planner can be chosen offline.
    ConfigError
        The planner or policy named does not exist.
    """
    import time

    t0 = time.perf_counter()
    run = bag if isinstance(bag, RecordedRun) else read_recorded_run(bag, namespace)
    from ..core.allocate import ALLOCATORS
    from ..core.errors import ConfigError, ConfigIssue

    if options.policy not in ALLOCATORS:
        raise ConfigError([ConfigIssue("rejudge", "policy", f"expected one of {list(ALLOCATORS)}, "
                                                           f"got {options.policy!r}")])
    with tempfile.TemporaryDirectory(prefix="dart_rejudge_") as tmp:
        cassette = None
        if run.exchanges:
            cassette = options.save_cassette or Path(tmp) / "bag_cassette.jsonl"
            cassette.parent.mkdir(parents=True, exist_ok=True)
            _write_cassette(run.exchanges, cassette)
        rerun = _Rerun(run, options, cassette)
        verdicts: list[Verdict] = []
        try:
            for rec in run.instructions:
                rerun.perceive(rec.objects, rec.objects_age_s)
                planner = rerun.planner(_planner_for(run, rec, options.planner))
                name = str(getattr(planner, "name", ""))
                graph, error = rerun.plan(planner, rec.text)
                new = NewPlan(None, name, error) if graph is None else rerun.execute(graph, name)
                conts = run.continuations.get(rec.plan.plan_id, ()) if rec.plan is not None else ()
                cmp, diffs, notes = _compare(rec, new, options.makespan_tol_s, conts)
                if rec.from_task_graph:
                    notes.append("instruction message not in the bag; its text was taken from the task graph")
                if new.held_for_approval:
                    notes.append("the safety policy holds this plan for approval; re-judged as approved")
                verdict = Verdict(rec.index, rec.text, rec.instruction_id, rec, new, cmp, tuple(diffs), tuple(notes),
                                  recorded_continuations=tuple(conts))
                verdicts.append(verdict)
                if on_verdict is not None:
                    on_verdict(verdict)
        finally:
            rerun.close()
    planners = ", ".join(dict.fromkeys(str(getattr(p, "name", n)) for n, p in rerun.planners.items()))
    return RejudgeReport(run.path, run.namespace, planners or "none", options.policy, len(run.exchanges),
                         run.camera_frames, run.unparsed, tuple(verdicts), time.perf_counter() - t0)


# ---------------------------------------------------------------------------------------------- the report
def format_rejudge(report: RejudgeReport) -> str:
    """The human diff report: one table row per instruction, then every difference."""
    lines = [
        f"re-judged {report.bag} (namespace {report.namespace}) with the current code: planner "
        f"{report.planner}, policy {report.policy}; {report.exchanges} recorded LLM exchange(s), "
        f"{report.camera_frames} camera frame(s) (not re-detected: recorded objects used)",
    ]
    rows = [("#", "instruction", "recorded", "now", "graph", "robots", "makespan", "verdict")]
    for v in report.verdicts:
        rec = v.recorded.plan
        graph = "-" if v.comparison is None else ("same" if v.comparison.exact else
                                                 f"F1 {v.comparison.subtask_f1:.2f}")
        robots = "-" if rec is None or v.new.graph is None or rec.robots is None else (
            "differ" if any(d.startswith("assignments") for d in v.differences) else "same")
        ms_old = "-" if rec is None or rec.makespan is None else f"{rec.makespan:.1f}"
        ms_new = "-" if v.new.makespan is None else f"{v.new.makespan:.1f}"
        rows.append((str(v.index), _short(v.instruction, 48), v.recorded_outcome or "no status", v.new.outcome,
                     graph, robots, f"{ms_old} -> {ms_new}", "identical" if v.identical else "DIFFERS"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    for v in report.verdicts:
        for d in v.differences:
            lines.append(f"  [{v.index}] {d}")
        for n in v.notes:
            lines.append(f"  [{v.index}] note: {n}")
    if report.unparsed:
        lines.append(f"unparsed planner messages: {report.unparsed}")
    lines.append("identical: every plan, assignment and outcome matches the recording" if report.identical
                 else f"DIFFERS: {report.differing} of {len(report.verdicts)} instruction(s)")
    return "\n".join(lines)
