"""Typed, error-collecting access to YAML configuration.

Config loaders read through :class:`ConfigReader` so that every bad key is recorded with
its file and path instead of failing on the first one; the loader raises one
:class:`~dart_planner.core.errors.ConfigError` listing them all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, ConfigIssue

__all__ = ["ConfigReader", "load_yaml", "unwrap_ros_parameters"]

_MISSING = object()


def load_yaml(path: str | Path) -> Any:
    """Read a YAML file, turning I/O and syntax errors into :class:`ConfigError`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([ConfigIssue(str(p), "<file>", f"cannot read: {exc.strerror or exc}")]) from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "<yaml>"
        raise ConfigError([ConfigIssue(str(p), where, f"YAML syntax error: {getattr(exc, 'problem', exc)}")]) from exc


def unwrap_ros_parameters(data: Any) -> Any:
    """Accept both plain YAML and ROS 2 parameter-file form (``node: ros__parameters: {...}``).

    The same file then serves the CLI and ``Node(parameters=[file])``.
    """
    if isinstance(data, Mapping) and len(data) == 1:
        (inner,) = data.values()
        if isinstance(inner, Mapping) and "ros__parameters" in inner:
            return inner["ros__parameters"]
    return data


class ConfigReader:
    """Collects typed values from nested mappings and records each problem."""

    def __init__(self, file: str):
        self.file = file
        self.issues: list[ConfigIssue] = []

    def error(self, key: str, reason: str) -> None:
        self.issues.append(ConfigIssue(self.file, key, reason))

    def raise_if_any(self) -> None:
        if self.issues:
            raise ConfigError(self.issues)

    def mapping(self, data: Any, key: str) -> Mapping[str, Any]:
        if isinstance(data, Mapping):
            return data
        self.error(key, f"expected a mapping, got {type(data).__name__}")
        return {}

    def get(self, data: Mapping[str, Any], name: str, key: str, default: Any = _MISSING) -> Any:
        if name in data:
            return data[name]
        if default is _MISSING:
            self.error(f"{key}.{name}" if key else name, "required key is missing")
            return None
        return default

    def string(self, data: Mapping[str, Any], name: str, key: str, default: Any = _MISSING) -> str:
        value = self.get(data, name, key, default)
        if value is None and default is _MISSING:
            return ""
        if not isinstance(value, str) or (not value and default is _MISSING):
            self.error(_join(key, name), f"expected a non-empty string, got {value!r}")
            return "" if default is _MISSING else str(default)
        return value

    def number(
        self,
        data: Mapping[str, Any],
        name: str,
        key: str,
        default: Any = _MISSING,
        positive: bool = False,
        non_negative: bool = False,
    ) -> float:
        value = self.get(data, name, key, default)
        if value is None and default is _MISSING:
            return 0.0
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.error(_join(key, name), f"expected a finite number, got {value!r}")
            return 0.0
        if positive and value <= 0:
            self.error(_join(key, name), f"must be > 0, got {value!r}")
        if non_negative and value < 0:
            self.error(_join(key, name), f"must be >= 0, got {value!r}")
        return float(value)

    def string_list(self, data: Mapping[str, Any], name: str, key: str, default: Any = _MISSING) -> list[str]:
        value = self.get(data, name, key, default)
        if value is None and default is _MISSING:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.error(_join(key, name), f"expected a list of non-empty strings, got {value!r}")
            return []
        return list(value)

    def boolean(self, data: Mapping[str, Any], name: str, key: str, default: Any = _MISSING) -> bool:
        value = self.get(data, name, key, default)
        if not isinstance(value, bool):
            self.error(_join(key, name), f"expected true or false, got {value!r}")
            return False
        return value

    def unknown_keys(self, data: Mapping[str, Any], allowed: set[str], key: str) -> None:
        for k in data:
            if k not in allowed:
                self.error(_join(key, str(k)), f"unknown key (allowed: {', '.join(sorted(allowed))})")


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name
