"""Gantt chart of a schedule as a PNG (matplotlib, Agg backend: no display needed).

One row per robot, plus a ``fleet`` row for keep-out changes that occupy no robot. Each
subtask shows as travel (hatched), waiting for its partners (grey) and work (coloured);
subtasks on the critical path have a red edge. With ``actual`` (from an execution run),
a thin bar under each planned one shows when the subtask really ran, so slips are visible.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..core.schedule import Schedule

__all__ = ["render_gantt"]

_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f")
FLEET_ROW = "fleet"


def _colour(task_id: str) -> str:
    # stable across runs (unlike hash()), so the same task keeps its colour between charts
    h = int(hashlib.md5(task_id.encode(), usedforsecurity=False).hexdigest()[:6], 16)
    return _PALETTE[h % len(_PALETTE)]


def render_gantt(
    schedule: Schedule,
    out: str | Path,
    actual: Mapping[str, tuple[Sequence[str], float, float]] | None = None,
    title: str | None = None,
) -> Path:
    """Draw ``schedule`` to ``out`` (PNG) and return the path.

    ``actual`` maps task ids to ``(robot_ids, start, finish)`` as executed.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    rows = list(schedule.robot_order)
    if any(not a.robot_ids for a in schedule.assignments.values()) or (
        actual and any(not r for r, _, _ in actual.values())
    ):
        rows.append(FLEET_ROW)
    if actual:
        rows += [r for ids, _, _ in actual.values() for r in ids if r not in rows]
    y = {r: i for i, r in enumerate(rows)}
    critical = set(schedule.critical_path)
    height = 0.55 if actual else 0.7
    fig, ax = plt.subplots(figsize=(12, max(2.5, 0.6 * len(rows) + 1.5)))
    end = schedule.makespan + float(schedule.info.get("t0", 0.0) or 0.0)
    for a in schedule.assignments.values():
        edge = "#d62728" if a.task_id in critical else "#333333"
        lw = 1.6 if a.task_id in critical else 0.6
        for rid in a.robot_ids or (FLEET_ROW,):
            row = y[rid] - (0.12 if actual else 0.0)
            trv = float(a.travel_s.get(rid, 0.0))
            if trv > 0:
                ax.barh(
                    row,
                    trv,
                    left=a.start,
                    height=height,
                    color="#dddddd",
                    hatch="///",
                    edgecolor="#999999",
                    lw=0.4,
                )
            if a.ready - a.start - trv > 1e-9:
                ax.barh(
                    row,
                    a.ready - a.start - trv,
                    left=a.start + trv,
                    height=height,
                    color="#f2f2f2",
                    edgecolor="#bbbbbb",
                    lw=0.4,
                )
            work = max(a.finish - a.ready, 1e-3)
            ax.barh(row, work, left=a.ready, height=height, color=_colour(a.task_id), edgecolor=edge, lw=lw)
            # label only where it fits (about 0.35 % of the time span per character)
            if a.finish - a.start > 0.0035 * len(a.task_id) * max(end, 1.0):
                ax.text(
                    (a.start + a.finish) / 2,
                    row,
                    a.task_id,
                    ha="center",
                    va="center",
                    fontsize=6,
                    clip_on=True,
                )
    if actual:
        for ids, start, finish in actual.values():
            for rid in ids or (FLEET_ROW,):
                ax.barh(y[rid] + 0.36, max(finish - start, 1e-3), left=start, height=0.18, color="#222222")
                end = max(end, finish)
    ax.axvline(schedule.makespan + float(schedule.info.get("t0", 0.0) or 0.0), color="#d62728", ls="--", lw=1)
    if schedule.lower_bound > 0:
        ax.axvline(
            schedule.lower_bound + float(schedule.info.get("t0", 0.0) or 0.0), color="#2ca02c", ls=":", lw=1
        )
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(rows, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("time (s)")
    ax.set_xlim(left=min([0.0, *(a.start for a in schedule.assignments.values())]), right=end * 1.02 + 1e-6)
    legend = [
        Patch(facecolor="#dddddd", hatch="///", edgecolor="#999999", label="travel"),
        Patch(facecolor="#f2f2f2", edgecolor="#bbbbbb", label="waiting for partners"),
        Patch(facecolor=_PALETTE[0], edgecolor="#d62728", label="work (red edge: critical path)"),
    ]
    if actual:
        legend.append(Patch(facecolor="#222222", label="actual"))
    ax.legend(handles=legend, loc="lower right", fontsize=7)
    ax.set_title(
        title
        or f"{schedule.policy}: makespan {schedule.makespan:.1f} s (dashed), "
        f"lower bound {schedule.lower_bound:.1f} s (dotted)",
        fontsize=9,
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out
