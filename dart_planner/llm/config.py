"""Settings of the language layer, read from ``config/llm.yaml``.

One frozen :class:`LLMConfig` carries everything a planner or backend needs, so the CLI, the
ROS node and tests build planners the same way. Every key is documented in the YAML file;
unknown keys and wrong types are reported all at once as a
:class:`~dart_planner.core.errors.ConfigError`.

Example
-------
>>> cfg = llm_config_from_dict({"backend": "replay", "cassette": "run.jsonl"})
>>> cfg.backend, cfg.max_repair_rounds
('replay', 2)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core.config_reader import ConfigReader, load_yaml, unwrap_ros_parameters
from ..resources import config_path

__all__ = ["LLMConfig", "load_llm_config", "llm_config_from_dict", "default_llm_config_path"]


@dataclass(frozen=True)
class LLMConfig:
    """All settings of ``config/llm.yaml`` (see the file for what each one means)."""

    planner: str = "rules"
    backend: str = "openai"
    model: str = "qwen2.5:7b-instruct"
    base_url: str = "http://127.0.0.1:11434/v1"
    api_key_env: str = "OPENAI_API_KEY"
    temperature: float = 0.0
    max_tokens: int = 4096
    seed: int | None = None
    timeout_s: float = 60.0
    total_timeout_s: float = 300.0
    max_retries: int = 3
    retry_backoff_s: float = 0.5
    retry_backoff_max_s: float = 8.0
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    use_json_schema: bool = True
    json_schema_strict: bool = False
    max_repair_rounds: int = 2
    max_reply_chars: int = 200_000
    max_tasks: int = 100
    prompts_dir: str = ""
    examples_dir: str = ""
    num_examples: int = 3
    stream: bool = True
    stream_include_usage: bool = False
    memory_path: str = ""
    use_memory: bool = True
    memory_max_entries: int = 1000
    cassette: str = ""
    record_cassette: str = ""
    gguf_file: str = ""
    device: str = "auto"
    constrained_decoding: str = "auto"
    n_ctx: int = 8192
    n_threads: int = 0
    rules: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra_headers", MappingProxyType(dict(self.extra_headers)))
        object.__setattr__(self, "rules", MappingProxyType(dict(self.rules)))

    def with_overrides(self, **changes: Any) -> LLMConfig:
        """A copy with ``changes`` applied and checked like the file (``None`` values are
        ignored, so CLI options that were not given leave the file's value)."""
        data = self.to_dict()
        data.update({k: v for k, v in changes.items() if v is not None})
        return llm_config_from_dict(data, "<overrides>")

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        out["extra_headers"] = dict(self.extra_headers)
        out["rules"] = dict(self.rules)
        return out

    @property
    def prompts_path(self) -> Path:
        return Path(self.prompts_dir) if self.prompts_dir else config_path("prompts")

    @property
    def examples_path(self) -> Path:
        return Path(self.examples_dir) if self.examples_dir else config_path("examples")


_PLANNERS = ("rules", "llm")
_DECODING = ("auto", "xgrammar", "lm_format_enforcer", "none")


def default_llm_config_path() -> Path:
    return config_path("llm.yaml")


def load_llm_config(path: str | Path | None = None) -> LLMConfig:
    """Load ``path`` (default: the shipped ``config/llm.yaml``); raises ConfigError listing every
    problem."""
    p = Path(path) if path is not None else default_llm_config_path()
    return llm_config_from_dict(load_yaml(p) or {}, str(p))


def llm_config_from_dict(raw: Any, file: str = "<llm config>") -> LLMConfig:
    """Check a mapping of settings against :class:`LLMConfig`'s fields and types."""
    r = ConfigReader(file)
    data = r.mapping(unwrap_ros_parameters(raw if raw is not None else {}), "")
    fields = {f.name: f for f in dataclasses.fields(LLMConfig)}
    r.unknown_keys(data, set(fields), "")
    defaults = LLMConfig()
    values: dict[str, Any] = {}
    for name in fields:
        if name not in data:
            continue
        default = getattr(defaults, name)
        value = data[name]
        if name == "seed":
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                r.error(name, f"expected an integer or null, got {value!r}")
            else:
                values[name] = value
        elif name in ("extra_headers", "rules"):
            m = r.mapping(value if value is not None else {}, name)
            if name == "extra_headers" and not all(
                isinstance(k, str) and isinstance(v, str) for k, v in m.items()
            ):
                r.error(name, "expected a mapping of header names to string values")
            else:
                values[name] = dict(m)
        elif isinstance(default, bool):
            values[name] = r.boolean(data, name, "")
        elif isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                r.error(name, f"expected a non-negative integer, got {value!r}")
            else:
                values[name] = value
        elif isinstance(default, float):
            values[name] = r.number(data, name, "", non_negative=True)
        else:
            if value is None:
                value = ""
            if not isinstance(value, str):
                r.error(name, f"expected a string, got {value!r}")
            else:
                values[name] = value
    if values.get("planner", defaults.planner) not in _PLANNERS:
        r.error("planner", f"expected one of {list(_PLANNERS)}, got {values.get('planner')!r}")
    if values.get("constrained_decoding", defaults.constrained_decoding) not in _DECODING:
        r.error(
            "constrained_decoding",
            f"expected one of {list(_DECODING)}, got {values.get('constrained_decoding')!r}",
        )
    for name in ("timeout_s", "total_timeout_s"):
        if name in values and values[name] <= 0:
            r.error(name, f"must be > 0, got {values[name]!r}")
    if not values.get("backend", defaults.backend):
        r.error("backend", "expected a backend name")
    r.raise_if_any()
    return LLMConfig(**values)
