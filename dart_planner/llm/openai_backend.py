"""A backend for any OpenAI-compatible chat-completions server, on the standard library only.

Works with Ollama, vLLM, llama.cpp's server, LM Studio, OpenAI, Groq and the like: POST
``{base_url}/chat/completions``. No SDK is needed, so the core install can plan with a
served model and tests run against a local ``http.server``.

Behaviour that matters on real networks:

- **Output constraint**: ``response_format`` ``json_schema`` with the plan schema when
  ``use_json_schema``; a server that rejects it (HTTP 400/422/501) is asked again with
  ``json_object``, then with no response_format. The downgrade is remembered for the
  backend's lifetime, so a server is probed once, not on every request.
- **Retries**: HTTP 429/500/502/503/504, timeouts and refused/reset connections are retried
  ``max_retries`` times with exponential backoff (``retry_backoff_s * 2**k`` capped at
  ``retry_backoff_max_s``, and at least what a ``Retry-After`` header asks, within the cap).
  Other HTTP errors fail at once with the server's message.
- **Streaming** (when the caller passes ``stream_callback``): server-sent events, each
  content delta handed to the callback as it arrives. A stream is never retried after text
  has reached the callback (the caller would see the start twice); the error says so and is
  marked retryable so the pipeline can re-ask with a fresh stream.
- **Timeouts**: ``timeout_s`` bounds connecting and each read (a stream may run longer while
  tokens keep coming); ``total_timeout_s`` bounds the whole request.

The API key is read from the environment variable named by ``api_key_env`` and never appears
in errors, cassettes or logs.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from .backend import LLMReply, Message, StreamCallback
from .config import LLMConfig
from .errors import BackendError

__all__ = ["OpenAIBackend", "from_config", "RESPONSE_FORMAT_MODES", "RETRYABLE_STATUS"]

RESPONSE_FORMAT_MODES = ("json_schema", "json_object", "none")
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
_REJECTED_FORMAT_STATUS = frozenset({400, 422, 501})
_MAX_BODY_BYTES = 16_000_000
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class _HTTPStatusError(Exception):
    def __init__(self, status: int, message: str, retry_after: float | None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


class _StreamBroken(Exception):
    def __init__(self, delivered: int, cause: BaseException):
        super().__init__(str(cause))
        self.delivered = delivered
        self.cause = cause


_TRANSIENT = (
    TimeoutError,
    socket.timeout,
    ConnectionError,
    http.client.IncompleteRead,
    http.client.RemoteDisconnected,
)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP-date: ignore, the exponential backoff applies


class OpenAIBackend:
    """Chat completions over HTTP(S); see the module docstring for retry and fallback rules."""

    name = "openai"

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        temperature: float = 0.0,
        max_tokens: int = 4096,
        seed: int | None = None,
        timeout_s: float = 60.0,
        total_timeout_s: float = 300.0,
        max_retries: int = 3,
        retry_backoff_s: float = 0.5,
        retry_backoff_max_s: float = 8.0,
        use_json_schema: bool = True,
        json_schema_strict: bool = False,
        stream_include_usage: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.url = base_url.rstrip("/") + "/chat/completions"
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BackendError(f"base_url must be an http(s) URL, got {base_url!r}")
        self.model = model
        self._api_key = api_key or None
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.seed = seed
        self.timeout_s = timeout_s
        self.total_timeout_s = total_timeout_s
        self.max_retries = max_retries
        self.retry_backoff_s = retry_backoff_s
        self.retry_backoff_max_s = retry_backoff_max_s
        self.format_mode = "json_schema" if use_json_schema else "json_object"
        self.json_schema_strict = json_schema_strict
        self.stream_include_usage = stream_include_usage
        self.extra_headers = dict(extra_headers or {})
        self.sleep = sleep
        self.downgrades: list[str] = []
        """Response formats the server refused, with its reason (for reports)."""
        # Local servers must not be reached through an HTTP proxy from the environment.
        handlers = [urllib.request.ProxyHandler({})] if parts.hostname in _LOOPBACK else []
        self._opener = urllib.request.build_opener(*handlers)

    # -- request building --------------------------------------------------------------
    def _response_format(self, schema: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if self.format_mode == "json_schema" and schema is not None:
            return {
                "type": "json_schema",
                "json_schema": {
                    "name": "dart_plan",
                    "schema": dict(schema),
                    "strict": self.json_schema_strict,
                },
            }
        if self.format_mode in ("json_schema", "json_object"):
            return {"type": "json_object"}
        return None

    def _body(
        self, messages: Sequence[Message], schema: Mapping[str, Any] | None, stream: bool
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }
        if self.seed is not None:
            body["seed"] = self.seed
        rf = self._response_format(schema)
        if rf is not None:
            body["response_format"] = rf
        if stream:
            body["stream"] = True
            if self.stream_include_usage:
                body["stream_options"] = {"include_usage": True}
        return body

    def _headers(self, stream: bool) -> dict[str, str]:
        h = {
            "Content-Type": "application/json",
            "Accept": "text/event-stream" if stream else "application/json",
        }
        h.update(self.extra_headers)
        if self._api_key:
            h["Authorization"] = f"Bearer {self._api_key}"
        return h

    # -- the call ----------------------------------------------------------------------
    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply:
        t0 = time.perf_counter()
        deadline = t0 + self.total_timeout_s
        stream = stream_callback is not None
        retries = 0
        while True:
            body = self._body(messages, schema, stream)
            try:
                if stream:
                    text, usage, model, finish = self._stream(body, stream_callback, deadline)  # type: ignore[arg-type]
                else:
                    text, usage, model, finish = self._once(body, deadline)
                break
            except _HTTPStatusError as exc:
                if "response_format" in body and exc.status in _REJECTED_FORMAT_STATUS:
                    old = self.format_mode
                    self.format_mode = "json_object" if old == "json_schema" else "none"
                    self.downgrades.append(f"{old} refused (HTTP {exc.status}: {exc.message[:200]})")
                    continue
                if exc.status in RETRYABLE_STATUS and retries < self.max_retries:
                    self._backoff(retries, exc.retry_after, deadline)
                    retries += 1
                    continue
                raise BackendError(
                    f"LLM server {self.url} answered HTTP {exc.status}: {exc.message[:500]}"
                    + (f" (after {retries} retries)" if retries else ""),
                    retryable=exc.status in RETRYABLE_STATUS,
                    status=exc.status,
                ) from None
            except _StreamBroken as exc:
                raise BackendError(
                    f"the reply stream from {self.url} broke after {exc.delivered} characters: "
                    f"{type(exc.cause).__name__}: {exc.cause}; "
                    "not retried because text was already delivered",
                    retryable=True,
                ) from exc.cause
            except (*_TRANSIENT, urllib.error.URLError) as exc:
                reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
                transient = isinstance(reason, (*_TRANSIENT, OSError))
                if transient and retries < self.max_retries and time.perf_counter() < deadline:
                    self._backoff(retries, None, deadline)
                    retries += 1
                    continue
                raise BackendError(self._transport_message(reason, retries), retryable=transient) from None
        latency = time.perf_counter() - t0
        return LLMReply.from_usage(
            text,
            "".join(str(m["content"]) for m in messages),
            usage,
            latency_s=latency,
            model=model or self.model,
            raw={
                "finish_reason": finish,
                "response_format": self.format_mode,
                "retries": retries,
                "downgrades": list(self.downgrades),
                "streamed": stream,
            },
        )

    def _transport_message(self, reason: object, retries: int) -> str:
        tries = f"{retries + 1} attempt(s)"
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return f"LLM server {self.url} did not answer within {self.timeout_s:g} s ({tries})"
        if isinstance(reason, ConnectionRefusedError):
            return f"LLM server {self.url} refused the connection ({tries}); is it running?"
        return f"cannot reach LLM server {self.url}: {type(reason).__name__}: {reason} ({tries})"

    def _backoff(self, k: int, retry_after: float | None, deadline: float) -> None:
        delay = min(self.retry_backoff_max_s, self.retry_backoff_s * (2**k))
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.retry_backoff_max_s))
        delay = min(delay, max(0.0, deadline - time.perf_counter()))
        if delay > 0:
            self.sleep(delay)

    def _open(self, body: dict[str, Any], stream: bool, deadline: float) -> Any:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(self.url, data=data, headers=self._headers(stream), method="POST")
        timeout = max(0.001, min(self.timeout_s, deadline - time.perf_counter()))
        try:
            return self._opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as exc:
            try:
                raw = exc.read(4000).decode("utf-8", "replace")
            except Exception:  # noqa: BLE001 - the body is only used for the message
                raw = ""
            raise _HTTPStatusError(
                exc.code, _error_message(raw) or str(exc.reason), _retry_after(exc.headers.get("Retry-After"))
            ) from None

    def _once(
        self, body: dict[str, Any], deadline: float
    ) -> tuple[str, dict[str, Any] | None, str, str | None]:
        with self._open(body, False, deadline) as resp:
            raw = resp.read(_MAX_BODY_BYTES + 1)
        if len(raw) > _MAX_BODY_BYTES:
            raise BackendError(f"LLM server {self.url} sent more than {_MAX_BODY_BYTES} bytes")
        try:
            data = json.loads(raw.decode("utf-8"))
            choice = data["choices"][0]
            msg = choice.get("message") or {}
            content = msg.get("content")
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise BackendError(
                f"LLM server {self.url} sent a malformed completion: {type(exc).__name__}: {exc}"
            ) from None
        if content is None:
            refusal = msg.get("refusal") if isinstance(msg, dict) else None
            raise BackendError(
                f"LLM server {self.url} returned no content" + (f" (refusal: {refusal})" if refusal else "")
            )
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else None
        return str(content), usage, str(data.get("model") or ""), choice.get("finish_reason")

    def _stream(
        self, body: dict[str, Any], callback: StreamCallback, deadline: float
    ) -> tuple[str, dict[str, Any] | None, str, str | None]:
        parts: list[str] = []
        delivered = 0
        usage: dict[str, Any] | None = None
        model = ""
        finish: str | None = None
        resp = self._open(body, True, deadline)
        try:
            ctype = resp.headers.get("Content-Type", "")
            if "text/event-stream" not in ctype:
                # Some servers ignore "stream": answer with one JSON body; accept it whole.
                raw = resp.read(_MAX_BODY_BYTES + 1)
                data = json.loads(raw.decode("utf-8"))
                content = str(data["choices"][0]["message"]["content"])
                callback(content)
                u = data.get("usage")
                return content, u if isinstance(u, dict) else None, str(data.get("model") or ""), None
            data_lines: list[str] = []
            while True:
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"stream exceeded total_timeout_s={self.total_timeout_s:g}")
                try:
                    line = resp.readline(_MAX_BODY_BYTES)
                except _TRANSIENT as exc:
                    if delivered:
                        raise _StreamBroken(delivered, exc) from exc
                    raise
                if not line:
                    if finish is None:
                        # EOF without [DONE] or a finish_reason: the connection dropped.
                        cut = ConnectionError("the stream ended without [DONE]")
                        if delivered:
                            raise _StreamBroken(delivered, cut)
                        raise cut
                    break
                s = line.decode("utf-8", "replace").rstrip("\r\n")
                if s.startswith("data:"):
                    data_lines.append(s[5:].lstrip(" "))
                    continue
                if s or not data_lines:
                    continue  # comments (":keep-alive"), other fields, or stray blank lines
                payload = "\n".join(data_lines)
                data_lines = []
                if payload.strip() == "[DONE]":
                    break
                event = _json_event(payload, self.url)
                if "error" in event:
                    why = _error_message(json.dumps(event))
                    raise BackendError(f"LLM server {self.url} reported an error mid-stream: {why}")
                model = str(event.get("model") or model)
                if isinstance(event.get("usage"), dict):
                    usage = event["usage"]
                for ch in event.get("choices") or ():
                    delta = (ch or {}).get("delta") or {}
                    piece = delta.get("content")
                    if piece:
                        parts.append(piece)
                        delivered += len(piece)
                        callback(piece)
                    if ch.get("finish_reason"):
                        finish = ch["finish_reason"]
                if delivered > _MAX_BODY_BYTES:
                    raise BackendError(
                        f"LLM server {self.url} streamed more than {_MAX_BODY_BYTES} characters"
                    )
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise BackendError(
                f"LLM server {self.url} sent a malformed stream: {type(exc).__name__}: {exc}"
            ) from None
        except TimeoutError as exc:
            if delivered:
                raise _StreamBroken(delivered, exc) from exc
            raise
        finally:
            resp.close()
        return "".join(parts), usage, model, finish


def _json_event(payload: str, url: str) -> dict[str, Any]:
    try:
        event = json.loads(payload)
    except ValueError:
        raise BackendError(f"LLM server {url} sent a malformed stream event: {payload[:200]!r}") from None
    if not isinstance(event, dict):
        raise BackendError(f"LLM server {url} sent a stream event that is not an object: {payload[:200]!r}")
    return event


def _error_message(raw: str) -> str:
    """The human part of an OpenAI-style error body, else the raw text (shortened)."""
    try:
        data = json.loads(raw)
        err = data.get("error", data) if isinstance(data, dict) else data
        if isinstance(err, dict):
            return str(err.get("message") or err)[:500]
        return str(err)[:500]
    except ValueError:
        return raw.strip()[:500]


def from_config(config: LLMConfig) -> OpenAIBackend:
    return OpenAIBackend(
        base_url=config.base_url,
        model=config.model,
        api_key=os.environ.get(config.api_key_env) if config.api_key_env else None,
        temperature=config.temperature,
        max_tokens=config.max_tokens,
        seed=config.seed,
        timeout_s=config.timeout_s,
        total_timeout_s=config.total_timeout_s,
        max_retries=config.max_retries,
        retry_backoff_s=config.retry_backoff_s,
        retry_backoff_max_s=config.retry_backoff_max_s,
        use_json_schema=config.use_json_schema,
        json_schema_strict=config.json_schema_strict,
        stream_include_usage=config.stream_include_usage,
        extra_headers=config.extra_headers,
    )
