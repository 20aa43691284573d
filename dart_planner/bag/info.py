"""``bag info``: what a bag holds — topics, counts, time span — and the plans run in it.

Plans are found in ``task_graph`` messages (JSON ``dart_planner/task_graph@1`` in
std_msgs/String: plan id, instruction, plan), their outcome is the state of the last
``plan_status`` message per plan id. Topics are recognised by their last name component
(``.../task_graph``, ``.../plan_status``, ``.../instruction``) so any planner namespace
works. A message whose payload does not parse is counted, not fatal: a bag of a crashed or
newer run still gets its summary. Needs no ROS.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..core.envelope import decode
from ..core.errors import DartPlannerError
from ..topics import INSTRUCTION, PLAN_STATUS, TASK_GRAPH
from .io import BagFormat, open_bag

__all__ = ["TopicSummary", "PlanRecord", "InstructionRecord", "BagInfo", "bag_info", "format_info"]

_STRING = "std_msgs/msg/String"


@dataclass(frozen=True)
class TopicSummary:
    name: str
    msgtype: str
    count: int
    rate_hz: float
    """Mean rate over the topic's own first-to-last span (0 for fewer than 2 messages)."""
    latched: bool
    """Recorded from a transient-local publisher (replay offers it transient-local again)."""


@dataclass(frozen=True)
class PlanRecord:
    """One plan seen in the bag's task graphs, with its last reported state."""

    plan_id: str
    instruction: str
    subtasks: int | None
    first_seen_s: float
    """Seconds after the bag's start when its (first) task graph was recorded."""
    outcome: str | None
    """State in the last plan_status of this plan (succeeded, failed, ...), None without any."""
    outcome_at_s: float | None
    status_messages: int
    reason: str = ""
    """Error text of the last status, where it carried one."""


@dataclass(frozen=True)
class InstructionRecord:
    at_s: float
    text: str
    instruction_id: str | None


@dataclass(frozen=True)
class BagInfo:
    path: str
    format: BagFormat
    message_count: int
    start_ns: int
    end_ns: int
    topics: tuple[TopicSummary, ...]
    plans: tuple[PlanRecord, ...]
    instructions: tuple[InstructionRecord, ...]
    unparsed: int
    """task_graph / plan_status / instruction messages whose payload did not parse."""
    orphan_statuses: tuple[str, ...] = field(default=())
    """Plan ids that have a status but no task graph in the bag (recording started late)."""
    without_metadata: bool = False

    @property
    def duration_s(self) -> float:
        return (self.end_ns - self.start_ns) / 1e9 if self.message_count else 0.0

    def outcomes(self) -> dict[str, str | None]:
        """Plan id -> final state: what a replay or re-run is compared on."""
        return {p.plan_id: p.outcome for p in self.plans}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["format"] = self.format.value
        data["duration_s"] = self.duration_s
        return data


def _basename(topic: str) -> str:
    return topic.rstrip("/").rsplit("/", 1)[-1]


def _text_of(cdr: Any) -> str:
    data = getattr(cdr, "data", None)
    if not isinstance(data, str):
        raise DartPlannerError("not a std_msgs/String")
    return data


def _first_str(*values: Any) -> str | None:
    return next((v for v in values if isinstance(v, str) and v), None)


def _subtask_count(payload: Mapping[str, Any]) -> int | None:
    plan = payload.get("plan")
    for holder in (plan, payload):
        if isinstance(holder, Mapping):
            for key in ("subtasks", "tasks"):
                if isinstance(holder.get(key), list):
                    return len(holder[key])
    return None


class _PlanAcc:
    def __init__(self, plan_id: str, instruction: str, subtasks: int | None, at_s: float):
        self.plan_id, self.instruction, self.subtasks = plan_id, instruction, subtasks
        self.first_seen_s = at_s
        self.outcome: str | None = None
        self.outcome_at_s: float | None = None
        self.status_messages = 0
        self.reason = ""


def bag_info(path: str | Path) -> BagInfo:
    """Summarise a bag, reading every message once (which also checks the bag against its index).

    Raises
    ------
    BagError
        The bag cannot be opened or read (see :func:`dart_planner.bag.io.open_bag`).
    """
    with open_bag(path) as bag:
        wanted = {t for t, rec in bag.topics.items()
                  if rec.msgtype == _STRING and _basename(t) in (TASK_GRAPH, PLAN_STATUS, INSTRUCTION)}
        # One scan: per-topic spans need timestamps, and the scan detects damaged chunks.
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        plans: dict[str, _PlanAcc] = {}
        instructions: list[InstructionRecord] = []
        orphans: dict[str, None] = {}
        unparsed = 0
        for m in bag.messages():
            first.setdefault(m.topic, m.stamp_ns)
            last[m.topic] = m.stamp_ns
            if m.topic not in wanted:
                continue
            at_s = (m.stamp_ns - bag.start_ns) / 1e9
            kind = _basename(m.topic)
            try:
                text = _text_of(bag.decode(m))
                if kind == INSTRUCTION:
                    instructions.append(_instruction(text, at_s))
                elif kind == TASK_GRAPH:
                    payload = decode("task_graph", text)
                    raw_plan = payload.get("plan")
                    plan: Mapping[str, Any] = raw_plan if isinstance(raw_plan, Mapping) else {}
                    pid = _first_str(payload.get("plan_id"), plan.get("plan_id"), payload.get("id"))
                    if pid is None:
                        raise DartPlannerError("task graph without a plan id")
                    if pid not in plans:
                        instr = _first_str(payload.get("instruction"), plan.get("instruction")) or ""
                        plans[pid] = _PlanAcc(pid, instr, _subtask_count(payload), at_s)
                else:
                    payload = decode("plan_status", text)
                    pid = _first_str(payload.get("plan_id"))
                    if pid is None:
                        raise DartPlannerError("plan status without a plan id")
                    acc = plans.get(pid)
                    if acc is None:
                        orphans[pid] = None
                        continue
                    acc.status_messages += 1
                    state = payload.get("state")
                    acc.outcome = state if isinstance(state, str) else None
                    acc.outcome_at_s = at_s
                    acc.reason = _first_str(payload.get("error"), payload.get("reason")) or ""
            except DartPlannerError:
                unparsed += 1
        topics = tuple(
            TopicSummary(
                name=t, msgtype=rec.msgtype, count=rec.count,
                rate_hz=((rec.count - 1) / ((last[t] - first[t]) / 1e9)
                         if rec.count > 1 and t in first and last[t] > first[t] else 0.0),
                latched=any(q.durability.name == "TRANSIENT_LOCAL" for q in rec.offered_qos),
            )
            for t, rec in sorted(bag.topics.items()))
        return BagInfo(
            path=str(bag.path), format=bag.format, message_count=bag.message_count, start_ns=bag.start_ns,
            end_ns=bag.end_ns, topics=topics,
            plans=tuple(PlanRecord(a.plan_id, a.instruction, a.subtasks, a.first_seen_s, a.outcome,
                                   a.outcome_at_s, a.status_messages, a.reason)
                        for a in sorted(plans.values(), key=lambda a: (a.first_seen_s, a.plan_id))),
            instructions=tuple(instructions), unparsed=unparsed,
            orphan_statuses=tuple(p for p in orphans if p not in plans),
            without_metadata=bag.without_metadata)


def _instruction(text: str, at_s: float) -> InstructionRecord:
    """Plain text, or JSON ``{"schema": instruction@1, "id", "text"}``."""
    if text.lstrip().startswith("{"):
        payload = decode("instruction", text)
        body = payload.get("text")
        if not isinstance(body, str):
            raise DartPlannerError("instruction without text")
        return InstructionRecord(at_s, body, _first_str(payload.get("id")))
    return InstructionRecord(at_s, text, None)


def format_info(info: BagInfo) -> str:
    """Human-readable summary (what ``dart-planner bag info`` prints)."""
    lines = [
        f"bag:       {info.path} ({info.format.value}{', no metadata.yaml' * info.without_metadata})",
        f"duration:  {info.duration_s:.3f} s",
        f"messages:  {info.message_count}",
        "topics:",
    ]
    width = max((len(t.name) for t in info.topics), default=0)
    for t in info.topics:
        latched = "  latched" if t.latched else ""
        lines.append(f"  {t.name:<{width}}  {t.msgtype:<36} {t.count:>8}  {t.rate_hz:8.2f} Hz{latched}")
    lines.append(f"plans: {len(info.plans)}")
    for p in info.plans:
        n = "?" if p.subtasks is None else str(p.subtasks)
        outcome = p.outcome or "no status"
        reason = f" ({p.reason})" if p.reason else ""
        lines.append(f"  {p.plan_id}  {outcome}{reason}  {n} subtasks  t={p.first_seen_s:.2f}s  "
                     f"{json.dumps(p.instruction)}")
    if info.instructions and not info.plans:
        lines.append(f"instructions: {len(info.instructions)} (no task graph recorded)")
    if info.orphan_statuses:
        lines.append(f"statuses of plans without a task graph in the bag: {', '.join(info.orphan_statuses)}")
    if info.unparsed:
        lines.append(f"unparsed plan messages: {info.unparsed}")
    return "\n".join(lines)
