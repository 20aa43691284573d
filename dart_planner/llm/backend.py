"""The one interface every language-model backend implements, and the registry that builds them.

A backend turns chat messages into one reply. It knows nothing about plans: prompt building,
parsing, validation and repair live in the pipeline, so a new backend is a small class and
every backend gets the same safety checks.

Built-in backends are registered by module path and imported on first use, so asking for
``openai`` never imports torch, and a missing optional extra is reported only when that
backend is actually requested.

Example
-------
>>> from dart_planner.llm.config import llm_config_from_dict
>>> backend = make_backend(llm_config_from_dict({"backend": "scripted"}))  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from ..core.errors import ConfigError, ConfigIssue
from .config import LLMConfig

__all__ = [
    "Message",
    "LLMReply",
    "LLMBackend",
    "StreamCallback",
    "BackendFactory",
    "register_backend",
    "backend_names",
    "make_backend",
    "estimate_tokens",
]

Message = Mapping[str, str]
"""A chat message: ``{"role": "system" | "user" | "assistant", "content": "..."}``."""

StreamCallback = Callable[[str], None]
"""Called with each piece of reply text as it arrives (streaming backends)."""


@dataclass(frozen=True)
class LLMReply:
    """What a backend returns: the text plus what benchmarks and cassettes need.

    ``tokens_estimated`` is true when the server reported no usage and the counts are a
    characters/4 estimate (honest reporting in benchmarks).
    """

    text: str
    tokens_in: int = 0
    tokens_out: int = 0
    latency_s: float = 0.0
    model: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False)
    tokens_estimated: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "raw", MappingProxyType(dict(self.raw)))

    @classmethod
    def from_usage(
        cls,
        text: str,
        prompt: str,
        usage: Mapping[str, Any] | None,
        *,
        latency_s: float,
        model: str,
        raw: Mapping[str, Any] | None = None,
        estimate_missing: bool = False,
    ) -> LLMReply:
        """A reply counted from a server's ``usage`` report (``prompt_tokens``, ``completion_tokens``).

        Servers may send no report (streaming without ``include_usage``) or an empty one: then
        both counts are :func:`estimate_tokens` of ``prompt`` and ``text``. With a report, a count
        it leaves out (or gives as 0) is 0, or an estimate when ``estimate_missing`` (the
        llama.cpp backend's choice: its builds differ in what they report). ``tokens_estimated``
        is set whenever a count is an estimate, so token figures never pass guesses off as
        measurements.
        """
        if not usage:
            return cls(text, estimate_tokens(prompt), estimate_tokens(text), latency_s, model, raw or {},
                       tokens_estimated=True)
        reported_in, reported_out = int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
        if not estimate_missing:
            return cls(text, reported_in, reported_out, latency_s, model, raw or {})
        tokens_in = reported_in or estimate_tokens(prompt)
        tokens_out = reported_out or estimate_tokens(text)
        return cls(text, tokens_in, tokens_out, latency_s, model, raw or {},
                   tokens_estimated=not (reported_in and reported_out))


@runtime_checkable
class LLMBackend(Protocol):
    """A chat model behind any transport.

    ``complete`` returns the whole reply; when ``stream_callback`` is given, a streaming
    backend also calls it with each piece of text as it arrives (non-streaming backends may
    call it once with the whole text). ``schema`` is the plan's JSON schema, for backends that
    can constrain decoding; others ignore it. Failures raise
    :class:`~dart_planner.llm.errors.BackendError`.
    """

    name: str

    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply: ...


BackendFactory = Callable[[LLMConfig], LLMBackend]

# Built-ins by "module:function", imported lazily (heavy extras stay unimported until needed).
_BUILTIN: dict[str, str] = {
    "openai": "dart_planner.llm.openai_backend:from_config",
    "replay": "dart_planner.llm.replay_backend:replay_from_config",
    "transformers": "dart_planner.llm.transformers_backend:from_config",
    "llamacpp": "dart_planner.llm.llamacpp_backend:from_config",
}
_REGISTRY: dict[str, BackendFactory] = {}


def register_backend(name: str, factory: BackendFactory) -> None:
    """Make ``make_backend`` know ``name`` (plug-ins, tests, scripted adversaries)."""
    _REGISTRY[name] = factory


def backend_names() -> tuple[str, ...]:
    return tuple(sorted(set(_BUILTIN) | set(_REGISTRY)))


def _factory(name: str) -> BackendFactory:
    if name in _REGISTRY:
        return _REGISTRY[name]
    target = _BUILTIN.get(name)
    if target is None:
        raise ConfigError(
            [
                ConfigIssue(
                    "llm config", "backend", f"unknown backend {name!r}; known: {', '.join(backend_names())}"
                )
            ]
        )
    module, func = target.split(":")
    factory: BackendFactory = getattr(importlib.import_module(module), func)
    return factory


def make_backend(config: LLMConfig) -> LLMBackend:
    """Build the backend ``config.backend`` names; wrap it in a recorder when
    ``config.record_cassette`` is set (``--record-cassette`` works with every backend)."""
    backend = _factory(config.backend)(config)
    if config.record_cassette:
        from .replay_backend import RecordingBackend

        backend = RecordingBackend(backend, config.record_cassette)
    return backend


def estimate_tokens(text: str) -> int:
    """Rough token count (about four characters per token for English and JSON)."""
    return max(1, (len(text) + 3) // 4) if text else 0
