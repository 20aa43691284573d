"""Which words of an instruction the rules planner understood.

A word is *placed* when it is part of a recognised item (robot, object, verb, connective,
place, marker) or is a filler word listed in the lexicon (articles, politeness, auxiliaries).
The ratio of placed words decides whether the rules planner trusts its own reading or hands
the instruction to a language model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .segment import Token

__all__ = ["CoverageReport", "coverage_report"]


@dataclass(frozen=True)
class CoverageReport:
    """Words used, words not placed, and the ratio used / all words (punctuation excluded)."""

    used: tuple[str, ...]
    unplaced: tuple[str, ...]
    total: int

    @property
    def ratio(self) -> float:
        return 1.0 if self.total == 0 else (self.total - len(self.unplaced)) / self.total

    def to_dict(self) -> dict[str, object]:
        return {"ratio": round(self.ratio, 4), "used": list(self.used), "unplaced": list(self.unplaced),
                "total": self.total}

    def __str__(self) -> str:
        tail = f"; not placed: {', '.join(self.unplaced)}" if self.unplaced else ""
        return f"coverage {self.ratio:.0%} of {self.total} words{tail}"


def coverage_report(tokens: Sequence[Token], placed: set[int], fillers: frozenset[str]) -> CoverageReport:
    used: list[str] = []
    unplaced: list[str] = []
    total = 0
    for i, t in enumerate(tokens):
        if not any(c.isalnum() for c in t.word):
            continue
        total += 1
        if i in placed:
            used.append(t.word)
        elif t.word in fillers or t.word.isdigit():
            continue
        else:
            unplaced.append(t.word)
    return CoverageReport(tuple(used), tuple(unplaced), total)
