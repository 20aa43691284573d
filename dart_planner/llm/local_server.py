"""A local OpenAI-compatible chat-completions server that answers from a script.

Tests, benchmarks and fault drills need a server that behaves like Ollama or vLLM on the
wire (JSON bodies, server-sent-event streams, HTTP errors, slowness) but answers exactly as
told. This one runs on ``127.0.0.1`` on a free port in a background thread, with the
standard library only, and records every request it receives.

Each request takes the next :class:`ScriptedReply` (or asks ``responder``): a reply text, an
HTTP status, a delay before answering (timeouts), a streaming rate (time to first dispatch),
or a connection dropped mid-stream. ``supported_formats`` makes it refuse
``response_format`` types like a server without structured outputs (HTTP 400), without
consuming a script item.

Example
-------
>>> with LocalLLMServer([ScriptedReply('{"tasks": []}')]) as srv:       # doctest: +SKIP
...     backend = OpenAIBackend(base_url=srv.base_url, model="m")
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["ScriptedReply", "LocalLLMServer"]


@dataclass(frozen=True)
class ScriptedReply:
    """How the server answers one request.

    ``chars_per_s`` sets the streaming rate (``None``: as fast as possible) in chunks of
    ``chunk_chars``; ``drop_after_chars`` closes the connection after that many streamed
    characters; ``status`` other than 200 answers with an OpenAI-style error body.
    """

    text: str = ""
    status: int = 200
    delay_s: float = 0.0
    chars_per_s: float | None = None
    chunk_chars: int = 4
    drop_after_chars: int | None = None
    error_message: str = "scripted error"
    retry_after: float | None = None
    finish_reason: str = "stop"
    send_usage: bool = True
    raw_body: str | None = None
    """Sent verbatim with status 200 (malformed-server tests); streamed requests get it as the
    event-stream body."""


class LocalLLMServer:
    """Background ``ThreadingHTTPServer`` on 127.0.0.1 speaking /v1/chat/completions."""

    def __init__(
        self,
        script: Iterable[ScriptedReply | str] = (),
        *,
        responder: Callable[[dict[str, Any]], ScriptedReply | str] | None = None,
        supported_formats: Sequence[str] = ("json_schema", "json_object"),
        model: str = "local-test-model",
        repeat_last: bool = False,
    ):
        self.script = [s if isinstance(s, ScriptedReply) else ScriptedReply(s) for s in script]
        self.responder = responder
        self.supported_formats = tuple(supported_formats)
        self.model = model
        self.repeat_last = repeat_last
        self.requests: list[dict[str, Any]] = []
        """Every request body received (parsed JSON), in order, rejected ones included."""
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._next = 0
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> LocalLLMServer:
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            # A short poll interval: stop() returns in ~50 ms instead of the default 0.5 s.
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="local-llm-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> LocalLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- scripting ---------------------------------------------------------------------------
    def _next_reply(self, body: dict[str, Any]) -> ScriptedReply:
        if self.responder is not None:
            r = self.responder(body)
            return r if isinstance(r, ScriptedReply) else ScriptedReply(r)
        with self._lock:
            if self._next < len(self.script):
                r = self.script[self._next]
                self._next += 1
                return r
            if self.repeat_last and self.script:
                return self.script[-1]
        return ScriptedReply(status=500, error_message="local test server: script exhausted")

    def wait(self, seconds: float) -> bool:
        """Sleep that ends early when the server stops (so tests never hang on a delay)."""
        return self._stopping.wait(seconds)


class _Handler(BaseHTTPRequestHandler):
    owner: LocalLLMServer
    protocol_version = "HTTP/1.0"  # close after each answer: streams need no chunked encoding

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output clean

    def _json(self, status: int, payload: dict[str, Any], extra: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        if self.path.rstrip("/").endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": self.owner.model, "object": "model"}]})
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        owner = self.owner
        length = int(self.headers.get("Content-Length", "0") or 0)
        try:
            body = json.loads(self.rfile.read(length).decode("utf-8"))
        except ValueError:
            self._json(400, {"error": {"message": "body is not JSON"}})
            return
        with owner._lock:
            owner.requests.append(body)
            owner.headers.append({k: v for k, v in self.headers.items()})
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        rf = body.get("response_format")
        if isinstance(rf, dict) and rf.get("type") not in owner.supported_formats:
            self._json(
                400,
                {
                    "error": {
                        "message": f"response_format type {rf.get('type')!r} is not supported",
                        "type": "invalid_request_error",
                    }
                },
            )
            return
        reply = owner._next_reply(body)
        if reply.delay_s and owner.wait(reply.delay_s):
            return
        try:
            if reply.raw_body is not None:
                self._raw(reply.raw_body, bool(body.get("stream")))
            elif reply.status != 200:
                extra = {"Retry-After": f"{reply.retry_after:g}"} if reply.retry_after is not None else None
                self._json(
                    reply.status, {"error": {"message": reply.error_message, "code": reply.status}}, extra
                )
            elif body.get("stream"):
                self._stream(body, reply)
            else:
                self._json(200, self._completion(body, reply))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests); nothing to do

    def _raw(self, text: str, stream: bool) -> None:
        data = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream" if stream else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _usage(self, body: dict[str, Any], text: str) -> dict[str, int]:
        prompt = "".join(str(m.get("content", "")) for m in body.get("messages", []))
        return {
            "prompt_tokens": len(prompt) // 4,
            "completion_tokens": len(text) // 4,
            "total_tokens": (len(prompt) + len(text)) // 4,
        }

    def _completion(self, body: dict[str, Any], reply: ScriptedReply) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": "chatcmpl-local",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.owner.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.text},
                    "finish_reason": reply.finish_reason,
                }
            ],
        }
        if reply.send_usage:
            out["usage"] = self._usage(body, reply.text)
        return out

    def _stream(self, body: dict[str, Any], reply: ScriptedReply) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()

        def event(payload: dict[str, Any] | str) -> None:
            data = payload if isinstance(payload, str) else json.dumps(payload)
            self.wfile.write(f"data: {data}\n\n".encode())
            self.wfile.flush()

        base = {"id": "chatcmpl-local", "object": "chat.completion.chunk", "model": self.owner.model}
        event({**base, "choices": [{"index": 0, "delta": {"role": "assistant"}, "finish_reason": None}]})
        step = max(1, reply.chunk_chars)
        period = step / reply.chars_per_s if reply.chars_per_s else 0.0
        start = time.perf_counter()
        sent = 0
        for k, i in enumerate(range(0, len(reply.text), step)):
            if period:
                # Fixed rate measured from the start, so scheduler jitter does not accumulate.
                wait = start + k * period - time.perf_counter()
                if wait > 0 and self.owner.wait(wait):
                    return
            if reply.drop_after_chars is not None and sent >= reply.drop_after_chars:
                self.wfile.flush()
                self.connection.shutdown(2)  # socket.SHUT_RDWR: an abrupt end of the stream
                return
            piece = reply.text[i : i + step]
            event({**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
            sent += len(piece)
        event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.finish_reason}]})
        if body.get("stream_options", {}).get("include_usage") and reply.send_usage:
            event({**base, "choices": [], "usage": self._usage(body, reply.text)})
        event("[DONE]")
