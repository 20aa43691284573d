"""Time to first dispatch with streaming, against waiting for the whole plan.

Each example plan (``config/examples``, levels L1/L2/L3) is served by the local
OpenAI-compatible server (:mod:`dart_planner.llm.local_server`) at a fixed rate, in the
compact JSON the prompt's few-shot answers use, and planned through the real pipeline and
HTTP backend twice, in the same run:

- **streaming**: the reply streams at ``chars_per_s``; the first subtask is dispatched as
  soon as its JSON object is complete and valid (time to first dispatch, TTFD);
- **baseline**: the server answers after the time the same generation takes, in one body,
  as a non-streaming server does; nothing can start before the whole plan is parsed.

The headline ratio is TTFD / baseline full-plan latency (target: under 50% on L2/L3).

Run: ``python -m dart_planner.bench.streaming [--chars-per-s 1000] [--levels L2 L3]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..core.fleet import Fleet, load_fleet
from ..core.plan import Subtask
from ..core.world import World, load_world
from ..llm.config import LLMConfig
from ..llm.examples import Example, ExampleLibrary
from ..llm.local_server import LocalLLMServer, ScriptedReply
from ..llm.openai_backend import OpenAIBackend
from ..llm.pipeline import plan_instruction
from ..llm.prompt import PromptBuilder, canonical_plan_json
from ..resources import default_fleet_path, default_world_path, examples_dir

__all__ = ["StreamingRow", "bench_streaming", "summarize", "main"]


@dataclass(frozen=True)
class StreamingRow:
    id: str
    level: str
    subtasks: int
    reply_chars: int
    ttfd_s: float
    """Streaming: seconds from the request to the first dispatched subtask."""
    stream_full_s: float
    """Streaming: seconds until the whole plan was validated."""
    baseline_full_s: float
    """Non-streaming: seconds until the whole plan was validated (the earliest any dispatch can happen)."""
    dispatched_early: int
    """Subtasks dispatched before the reply ended."""

    @property
    def ratio(self) -> float:
        return self.ttfd_s / self.baseline_full_s if self.baseline_full_s else float("inf")

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def _plan_once(
    example: Example,
    fleet: Fleet,
    world: World,
    builder: PromptBuilder,
    backend: OpenAIBackend,
    stream: bool,
    reply_chars: int,
) -> tuple[float | None, float, int]:
    seen: list[Subtask] = []
    result = plan_instruction(
        example.instruction,
        fleet,
        world,
        backend,
        max_repair_rounds=0,
        prompt=builder,
        on_subtask=seen.append if stream else None,
    )
    if len(result.graph) != len(example.graph):
        raise AssertionError(
            f"{example.id}: planned {len(result.graph)} subtasks, expected {len(example.graph)}"
        )
    early = sum(1 for s in result.streamed if s.offset < reply_chars)
    return result.first_dispatch_s, result.latency_s, early


def bench_streaming(
    examples: Iterable[Example],
    fleet: Fleet,
    world: World,
    *,
    chars_per_s: float = 1000.0,
    chunk_chars: int = 4,
    config: LLMConfig | None = None,
) -> list[StreamingRow]:
    """One row per example: TTFD with streaming and full latency without, same rate."""
    builder = PromptBuilder.from_config(config or LLMConfig(), fleet, world)
    chosen = list(examples)
    texts = [canonical_plan_json(ex.graph) for ex in chosen]
    script: list[ScriptedReply] = []
    for text in texts:
        script.append(ScriptedReply(text, chars_per_s=chars_per_s, chunk_chars=chunk_chars))
        script.append(ScriptedReply(text, delay_s=len(text) / chars_per_s))
    rows: list[StreamingRow] = []
    with LocalLLMServer(script) as server:
        backend = OpenAIBackend(base_url=server.base_url, model="bench", max_retries=0, timeout_s=30)
        for ex, text in zip(chosen, texts):
            ttfd, stream_full, early = _plan_once(ex, fleet, world, builder, backend, True, len(text))
            _, base_full, _ = _plan_once(ex, fleet, world, builder, backend, False, len(text))
            rows.append(
                StreamingRow(
                    ex.id,
                    ex.level,
                    len(ex.graph),
                    len(text),
                    ttfd if ttfd is not None else stream_full,
                    stream_full,
                    base_full,
                    early,
                )
            )
    return rows


def summarize(rows: Sequence[StreamingRow]) -> dict[str, dict[str, float]]:
    """Per level: median TTFD, median baseline latency, median and worst ratio."""
    out: dict[str, dict[str, float]] = {}
    for level in sorted({r.level for r in rows}):
        rs = [r for r in rows if r.level == level]
        out[level] = {
            "n": len(rs),
            "ttfd_s_median": statistics.median(r.ttfd_s for r in rs),
            "baseline_full_s_median": statistics.median(r.baseline_full_s for r in rs),
            "ratio_median": statistics.median(r.ratio for r in rs),
            "ratio_max": max(r.ratio for r in rs),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--chars-per-s", type=float, default=1000.0, help="streaming rate (about 4 characters/token)"
    )
    ap.add_argument("--levels", nargs="*", default=["L1", "L2", "L3"])
    ap.add_argument("--examples", type=Path, default=None, help="folder of example plans (default: shipped)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    fleet, world = load_fleet(default_fleet_path()), load_world(default_world_path())
    lib = ExampleLibrary.load(args.examples or examples_dir(), fleet, world)
    chosen = [e for e in lib.examples if e.level in args.levels]
    t0 = time.perf_counter()
    rows = bench_streaming(chosen, fleet, world, chars_per_s=args.chars_per_s)
    summary = summarize(rows)
    if args.json:
        print(json.dumps({"rows": [r.to_dict() for r in rows], "summary": summary}))
        return 0
    print(
        f"streaming dispatch at {args.chars_per_s:g} chars/s ({len(rows)} plans, {time.perf_counter() - t0:.1f} s)"
    )
    print(f"{'plan':36} {'n':>3} {'TTFD s':>8} {'stream s':>9} {'baseline s':>11} {'ratio':>6}")
    for r in rows:
        print(
            f"{r.id:36} {r.subtasks:3d} {r.ttfd_s:8.3f} {r.stream_full_s:9.3f} {r.baseline_full_s:11.3f} "
            f"{r.ratio:6.1%}"
        )
    for level, s in summary.items():
        print(
            f"{level}: median TTFD {s['ttfd_s_median']:.3f} s vs baseline {s['baseline_full_s_median']:.3f} s "
            f"-> ratio median {s['ratio_median']:.1%}, worst {s['ratio_max']:.1%} (n={int(s['n'])})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
