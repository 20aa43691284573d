"""Cassettes: recorded request/response pairs, and backends that replay or script replies.

A cassette is JSONL, one entry per model call::

    {"key": "<sha256 of the request>", "backend": "openai", "request": {"messages": [...],
     "schema_sha256": "..."}, "response": {"text": "...", "tokens_in": 812, ...}}

The key hashes the messages (role and content) and the output schema, not the model name or
sampling settings, so a cassette recorded with any backend replays under any configuration
that builds the same prompt. Identical requests recorded several times answer in recording
order (the last one repeats), which keeps nondeterministic runs replayable.

- :class:`RecordingBackend` wraps any backend and appends each exchange
  (``record_cassette`` in config/llm.yaml, ``--record-cassette`` on the CLI).
- :class:`ReplayBackend` answers from a cassette and fails loudly on an unknown request.
- :class:`ScriptedBackend` answers from a list given in code (tests, adversarial replies,
  fault drills) and keeps every request it saw.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..core.errors import DartPlannerError
from ..core.strict_json import strict_loads
from .backend import LLMBackend, LLMReply, Message, StreamCallback, estimate_tokens
from .config import LLMConfig
from .errors import BackendError

__all__ = [
    "request_hash",
    "schema_hash",
    "cassette_entry",
    "read_cassette",
    "ReplayBackend",
    "RecordingBackend",
    "ScriptedBackend",
    "replay_from_config",
]

ScriptItem = str | BaseException | Callable[[Sequence[Message]], str]


def _canonical_messages(messages: Sequence[Message]) -> list[dict[str, str]]:
    return [{"role": str(m["role"]), "content": str(m["content"])} for m in messages]


def schema_hash(schema: Mapping[str, Any] | None) -> str | None:
    if schema is None:
        return None
    return hashlib.sha256(json.dumps(schema, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def request_hash(messages: Sequence[Message], schema: Mapping[str, Any] | None = None) -> str:
    """Stable key of a request: messages (role, content) plus the schema."""
    blob = json.dumps(
        {"messages": _canonical_messages(messages), "schema": schema_hash(schema)},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    # surrogatepass: a lone surrogate in a message hashes (identically on replay) instead of raising
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def cassette_entry(
    messages: Sequence[Message], schema: Mapping[str, Any] | None, reply: LLMReply, backend: str
) -> dict[str, Any]:
    """One cassette line (as a dict) for an exchange."""
    return {
        "key": request_hash(messages, schema),
        "backend": backend,
        "request": {"messages": _canonical_messages(messages), "schema_sha256": schema_hash(schema)},
        "response": {
            "text": reply.text,
            "tokens_in": reply.tokens_in,
            "tokens_out": reply.tokens_out,
            "latency_s": round(reply.latency_s, 6),
            "model": reply.model,
            "tokens_estimated": reply.tokens_estimated,
        },
    }


def read_cassette(path: str | Path) -> list[dict[str, Any]]:
    """Entries of a cassette file; a malformed line is a BackendError naming the line."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BackendError(f"cannot read cassette {p}: {exc.strerror or exc}") from exc
    out: list[dict[str, Any]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = strict_loads(line, f"{p}:{n}")
        except DartPlannerError as exc:
            raise BackendError(f"cassette {p} line {n} is not valid JSON: {exc}") from exc
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("key"), str)
            or not isinstance(entry.get("response"), dict)
            or not isinstance(entry["response"].get("text"), str)
        ):
            raise BackendError(
                f"cassette {p} line {n}: expected {{'key': str, 'response': {{'text': str, ...}}}}"
            )
        out.append(entry)
    return out


def _stream_out(text: str, callback: StreamCallback | None, chunk_chars: int, delay_s: float) -> None:
    if callback is None:
        return
    step = max(1, chunk_chars)
    for i in range(0, len(text), step):
        if delay_s:
            time.sleep(delay_s)
        callback(text[i : i + step])


class ReplayBackend:
    """Answers each request with the response recorded for the same request hash."""

    def __init__(
        self,
        entries: Iterable[Mapping[str, Any]],
        *,
        name: str = "replay",
        source: str = "<entries>",
        stream_chunk_chars: int = 16,
    ):
        self.name = name
        self.source = source
        self.stream_chunk_chars = stream_chunk_chars
        self._answers: dict[str, deque[Mapping[str, Any]]] = {}
        for e in entries:
            self._answers.setdefault(str(e["key"]), deque()).append(e["response"])
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: str | Path, **kw: Any) -> ReplayBackend:
        return cls(read_cassette(path), source=str(path), **kw)

    def __len__(self) -> int:
        return sum(len(q) for q in self._answers.values())

    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply:
        key = request_hash(messages, schema)
        with self._lock:
            queue = self._answers.get(key)
            if not queue:
                raise BackendError(
                    f"cassette {self.source} has no response for this request (key {key[:16]}...; "
                    f"{len(self._answers)} recorded request(s)); the prompt, examples or schema changed "
                    "since recording: record the cassette again"
                )
            resp = queue.popleft() if len(queue) > 1 else queue[0]
        t0 = time.perf_counter()
        text = str(resp["text"])
        _stream_out(text, stream_callback, self.stream_chunk_chars, 0.0)
        return LLMReply(
            text=text,
            tokens_in=int(resp.get("tokens_in", 0) or 0),
            tokens_out=int(resp.get("tokens_out", 0) or 0),
            latency_s=time.perf_counter() - t0,
            model=str(resp.get("model", "")),
            raw={"cassette": self.source, "key": key, "recorded_latency_s": resp.get("latency_s")},
            tokens_estimated=bool(resp.get("tokens_estimated", False)),
        )


class RecordingBackend:
    """Wraps a backend and appends every successful exchange to a cassette file."""

    def __init__(self, inner: LLMBackend, path: str | Path):
        self.inner = inner
        self.name = inner.name
        self.path = Path(path)
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply:
        reply = self.inner.complete(messages, schema=schema, stream_callback=stream_callback)
        entry = cassette_entry(messages, schema, reply, self.inner.name)
        line = json.dumps(entry, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate in the reply: \u-escape it, JSON reads it back
            line = json.dumps(entry, ensure_ascii=True)
        with self._lock, self.path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
        return reply


class ScriptedBackend:
    """Replies from a script: strings, exceptions to raise, or functions of the messages.

    ``requests`` keeps every ``(messages, schema)`` received, so tests can assert what was
    sent (the repair loop's error text, the schema). Streaming splits each reply into
    ``chunk_chars`` pieces, ``chunk_delay_s`` apart. When the script runs out, the last item
    repeats if ``repeat_last``, else a BackendError is raised.
    """

    def __init__(
        self,
        script: Sequence[ScriptItem],
        *,
        name: str = "scripted",
        model: str = "scripted",
        chunk_chars: int = 16,
        chunk_delay_s: float = 0.0,
        repeat_last: bool = False,
    ):
        self.name = name
        self.model = model
        self.script = list(script)
        self.chunk_chars = chunk_chars
        self.chunk_delay_s = chunk_delay_s
        self.repeat_last = repeat_last
        self.requests: list[tuple[list[dict[str, str]], Mapping[str, Any] | None]] = []
        self._next = 0

    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply:
        self.requests.append((_canonical_messages(messages), schema))
        if self._next >= len(self.script):
            if not (self.repeat_last and self.script):
                raise BackendError(f"scripted backend ran out of replies after {len(self.script)}")
            item = self.script[-1]
        else:
            item = self.script[self._next]
            self._next += 1
        t0 = time.perf_counter()
        if isinstance(item, BaseException):
            raise item
        text = item(messages) if callable(item) else item
        _stream_out(text, stream_callback, self.chunk_chars, self.chunk_delay_s)
        prompt = "".join(str(m["content"]) for m in messages)
        return LLMReply(
            text=text,
            tokens_in=estimate_tokens(prompt),
            tokens_out=estimate_tokens(text),
            latency_s=time.perf_counter() - t0,
            model=self.model,
            tokens_estimated=True,
        )


def replay_from_config(config: LLMConfig) -> ReplayBackend:
    if not config.cassette:
        from ..core.errors import ConfigError, ConfigIssue

        raise ConfigError([ConfigIssue("llm config", "cassette", "the replay backend needs a cassette file")])
    return ReplayBackend.from_file(config.cassette)
