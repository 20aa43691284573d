"""The few-shot example library and similarity-based selection.

Examples are the files of ``config/examples/*.json`` (``{"id", "level", "instruction",
"plan": {"tasks": [...]}}``). For each instruction the prompt gets the ``k`` most similar
ones by TF-IDF cosine over word tokens (stdlib only: the library is small, and a vector
model would be a heavy dependency for a marginal gain). An example whose instruction is
identical to the query (after normalisation) is never chosen, so benchmarks cannot leak the
answer through the prompt. Examples that are not valid plans for the live fleet and world
are dropped at load time: a few-shot example naming a robot that does not exist teaches
the model to hallucinate.

Example
-------
>>> lib = ExampleLibrary.load(examples_dir(), fleet, world)   # doctest: +SKIP
>>> [e.id for e in lib.select("dump truck 2 goes to the rock", k=2)]  # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import DartPlannerError
from ..core.fleet import Fleet
from ..core.plan import TaskGraph, load_plan_document
from ..core.validate import validate_plan
from ..core.world import World

__all__ = ["Example", "ExampleLibrary", "normalize_instruction", "tokenize"]

_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_STOP = frozenset(
    "a an the and or of to for at in on with by then after that this it its is are be as from into "
    "please all".split()
)


def normalize_instruction(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of an instruction (for identity checks
    and plan-memory keys)."""
    t = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(t.split()).strip(" .!?")


def tokenize(text: str) -> list[str]:
    """Word and number tokens without stop words ("truck1" -> ["truck", "1"])."""
    return [t for t in _TOKEN.findall(normalize_instruction(text)) if t not in _STOP]


@dataclass(frozen=True)
class Example:
    id: str
    level: str
    instruction: str
    graph: TaskGraph

    def plan_json(self) -> str:
        """The plan as the model should write it: compact DART JSON."""
        return json.dumps(self.graph.to_dart(), separators=(",", ":"))


class ExampleLibrary:
    """Examples plus a TF-IDF index over their instructions."""

    def __init__(self, examples: Sequence[Example], skipped: Sequence[str] = ()):
        self.examples = tuple(examples)
        self.skipped = tuple(skipped)
        """``"id: reason"`` for each file left out (unreadable or invalid for this site)."""
        docs = [Counter(tokenize(e.instruction)) for e in self.examples]
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        self._idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self._vectors = [self._vector(d) for d in docs]
        self._norm_instr = [normalize_instruction(e.instruction) for e in self.examples]

    @classmethod
    def load(
        cls, folder: str | Path, fleet: Fleet | None = None, world: World | None = None
    ) -> ExampleLibrary:
        """Read every ``*.json`` in ``folder`` (sorted, so selection is deterministic).

        With ``fleet`` and ``world``, examples that do not validate against them are skipped.
        A missing folder gives an empty library (prompts then carry no examples).
        """
        examples: list[Example] = []
        skipped: list[str] = []
        p = Path(folder)
        for f in sorted(p.glob("*.json")) if p.is_dir() else ():
            try:
                ex = _read_example(f)
            except (OSError, ValueError, DartPlannerError) as exc:
                skipped.append(f"{f.stem}: {str(exc).splitlines()[0]}")
                continue
            if fleet is not None and world is not None:
                report = validate_plan(ex.graph, fleet, world)
                if not report.ok:
                    skipped.append(f"{ex.id}: not valid for this fleet/world ({report.errors[0]})")
                    continue
            examples.append(ex)
        return cls(examples, skipped)

    def __len__(self) -> int:
        return len(self.examples)

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        vec = {t: (1.0 + math.log(c)) * self._idf.get(t, 0.0) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def similarity(self, query: str) -> list[float]:
        """Cosine similarity of ``query`` to each example, in library order."""
        q = self._vector(Counter(tokenize(query)))
        return [sum(w * v.get(t, 0.0) for t, w in q.items()) for v in self._vectors]

    def select(self, query: str, k: int = 3, exclude_ids: Iterable[str] = ()) -> list[Example]:
        """The ``k`` most similar examples, best first; ties broken by id; an example whose
        instruction equals the query is never returned."""
        if k <= 0 or not self.examples:
            return []
        nq = normalize_instruction(query)
        excluded = set(exclude_ids)
        scored = [
            (-s, e.id, e)
            for s, e, ni in zip(self.similarity(query), self.examples, self._norm_instr)
            if ni != nq and e.id not in excluded
        ]
        scored.sort(key=lambda x: (x[0], x[1]))
        return [e for _, _, e in scored[:k]]


def _read_example(path: Path) -> Example:
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("instruction"), str) or "plan" not in data:
        raise ValueError("expected an object with 'instruction' and 'plan'")
    graph = load_plan_document(data["plan"], instruction=data["instruction"])
    eid, level = data.get("id"), data.get("level")
    return Example(
        eid if isinstance(eid, str) else path.stem,
        level if isinstance(level, str) else "",
        data["instruction"],
        graph,
    )
