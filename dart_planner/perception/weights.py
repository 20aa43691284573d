"""Where the shipped detector weights live inside the package."""

from __future__ import annotations

from pathlib import Path

__all__ = ["SHIPPED_WEIGHTS_NAME", "shipped_weights_path", "data_dir"]

SHIPPED_WEIGHTS_NAME = "site_yolo11n.pt"
"""YOLO11n (scale 'n' of Ultralytics' yolo11.yaml, 6 classes) trained on synthetic site images."""


def data_dir() -> Path:
    """``dart_planner/data/detector`` (installed with the package as package data)."""
    return Path(__file__).resolve().parent.parent / "data" / "detector"


def shipped_weights_path() -> Path:
    return data_dir() / SHIPPED_WEIGHTS_NAME
