"""Text renderings of a task graph: Graphviz DOT and Mermaid.

Kept free of plotting libraries so they are cheap to call from the CLI and from nodes.
"""

from __future__ import annotations

from ..core.plan import Subtask, TaskGraph

__all__ = ["subtask_label", "robots_label", "to_dot", "to_mermaid"]


def robots_label(s: Subtask) -> str:
    if s.robot_ids:
        return ", ".join(s.robot_ids)
    if s.robot_type:
        return ", ".join(f"{c}x {t}" for t, c in zip(s.robot_type, s.robot_count))
    return "all robots"


def subtask_label(s: Subtask) -> str:
    objs = f" @ {', '.join(s.object_keywords)}" if s.object_keywords else ""
    return f"{s.skill}{objs}\n[{robots_label(s)}]"


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def to_dot(graph: TaskGraph) -> str:
    lines = ["digraph plan {", "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="Helvetica"];']
    for s in graph.subtasks:
        lines.append(f'  "{_dot_escape(s.id)}" [label="{_dot_escape(s.id + chr(10) + subtask_label(s))}"];')
    for u, v in graph.graph.edges:
        lines.append(f'  "{_dot_escape(u)}" -> "{_dot_escape(v)}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", "<br/>")


def to_mermaid(graph: TaskGraph) -> str:
    ids = {s.id: f"n{i}" for i, s in enumerate(graph.subtasks)}
    lines = ["flowchart LR"]
    for s in graph.subtasks:
        lines.append(f'  {ids[s.id]}["{_mermaid_text(s.id + chr(10) + subtask_label(s))}"]')
    for u, v in graph.graph.edges:
        lines.append(f"  {ids[u]} --> {ids[v]}")
    return "\n".join(lines) + "\n"
