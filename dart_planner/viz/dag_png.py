"""Draw a task graph as a layered PNG with matplotlib (no Graphviz needed)."""

from __future__ import annotations

from pathlib import Path

from ..core.plan import TaskGraph
from .graph_formats import subtask_label

__all__ = ["render_dag_png"]


def render_dag_png(graph: TaskGraph, out: str | Path, title: str | None = None) -> Path:
    """Lay tasks out by topological layer (columns) and draw dependency arrows."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    layers = graph.layers() if graph.is_acyclic() else [list(graph.ids)]
    pos: dict[str, tuple[float, float]] = {}
    for col, layer in enumerate(layers):
        for row, tid in enumerate(layer):
            pos[tid] = (col * 3.2, -row * 1.6 + (len(layer) - 1) * 0.8)
    width = max(6.0, 3.2 * len(layers) + 1)
    height = max(3.0, 1.6 * max((len(layer) for layer in layers), default=1) + 1)
    fig, ax = plt.subplots(figsize=(min(width, 40), min(height, 40)))
    for u, v in graph.graph.edges:
        (x0, y0), (x1, y1) = pos[u], pos[v]
        ax.annotate("", xy=(x1 - 1.3, y1), xytext=(x0 + 1.3, y0),
                    arrowprops={"arrowstyle": "->", "color": "#555", "lw": 1.2})
    palette = ["#cfe8ff", "#ffe3c2", "#d7f5d0", "#f5d0e6", "#e8e0ff", "#fff6b3"]
    skills = sorted({s.skill for s in graph.subtasks})
    for s in graph.subtasks:
        x, y = pos[s.id]
        color = palette[skills.index(s.skill) % len(palette)]
        ax.text(x, y, f"{s.id}\n{subtask_label(s)}", ha="center", va="center", fontsize=7,
                bbox={"boxstyle": "round,pad=0.4", "fc": color, "ec": "#333"})
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    ax.set_xlim(min(xs) - 1.8, max(xs) + 1.8)
    ax.set_ylim(min(ys) - 1.0, max(ys) + 1.0)
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=9)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out
