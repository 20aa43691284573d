"""Paths of the shipped config and examples, importable at collection time (for parametrize)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"


def example_files() -> list[Path]:
    return sorted((CONFIG / "examples").glob("*.json"))
