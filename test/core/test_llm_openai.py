"""The OpenAI-compatible HTTP backend against a local server (dart_planner.llm.openai_backend)."""

from __future__ import annotations

import socket

import pytest

from dart_planner.llm.backend import make_backend
from dart_planner.llm.config import llm_config_from_dict
from dart_planner.llm.errors import BackendError
from dart_planner.llm.local_server import LocalLLMServer, ScriptedReply
from dart_planner.llm.openai_backend import OpenAIBackend

MSGS = [{"role": "system", "content": "plan"}, {"role": "user", "content": "go"}]
SCHEMA = {"type": "object", "properties": {"tasks": {"type": "array"}}, "required": ["tasks"]}


def backend(server: LocalLLMServer, **kw) -> tuple[OpenAIBackend, list[float]]:
    sleeps: list[float] = []
    kw.setdefault("retry_backoff_s", 0.25)
    b = OpenAIBackend(base_url=server.base_url, model="m1", sleep=sleeps.append, **kw)
    return b, sleeps


def test_success_sends_model_messages_schema_and_key(monkeypatch):
    monkeypatch.setenv("DART_TEST_KEY", "sk-test-123")
    cfg = llm_config_from_dict(
        {
            "backend": "openai",
            "model": "m1",
            "api_key_env": "DART_TEST_KEY",
            "temperature": 0.2,
            "seed": 7,
            "max_tokens": 99,
        }
    )
    with LocalLLMServer([ScriptedReply('{"tasks": []}')]) as srv:
        b = make_backend(cfg.with_overrides(base_url=srv.base_url))
        reply = b.complete(MSGS, schema=SCHEMA)
        body, headers = srv.requests[0], srv.headers[0]
    assert reply.text == '{"tasks": []}'
    assert reply.model == "local-test-model" and not reply.tokens_estimated and reply.tokens_in > 0
    assert body["model"] == "m1" and body["messages"] == MSGS
    assert body["temperature"] == 0.2 and body["seed"] == 7 and body["max_tokens"] == 99
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == SCHEMA
    assert headers["Authorization"] == "Bearer sk-test-123"
    assert "stream" not in body


def test_no_key_sends_no_authorization(monkeypatch):
    monkeypatch.delenv("DART_TEST_KEY", raising=False)
    cfg = llm_config_from_dict({"api_key_env": "DART_TEST_KEY"})
    with LocalLLMServer(["{}"]) as srv:
        make_backend(cfg.with_overrides(base_url=srv.base_url)).complete(MSGS)
        assert "Authorization" not in srv.headers[0]


def test_json_schema_rejection_falls_back_to_json_object_and_is_remembered():
    with LocalLLMServer(["first", "second"], supported_formats=("json_object",)) as srv:
        b, _ = backend(srv)
        assert b.complete(MSGS, schema=SCHEMA).text == "first"
        assert b.complete(MSGS, schema=SCHEMA).text == "second"
        kinds = [r.get("response_format", {}).get("type") for r in srv.requests]
    assert kinds == ["json_schema", "json_object", "json_object"]  # probed once, then remembered
    assert b.format_mode == "json_object" and "json_schema refused (HTTP 400" in b.downgrades[0]


def test_server_without_any_response_format_gets_none():
    with LocalLLMServer(["plain"], supported_formats=()) as srv:
        b, _ = backend(srv)
        assert b.complete(MSGS, schema=SCHEMA).text == "plain"
        assert [("response_format" in r) for r in srv.requests] == [True, True, False]


def test_500_then_success_is_retried_with_backoff():
    with LocalLLMServer([ScriptedReply(status=500), ScriptedReply(status=503), "ok"]) as srv:
        b, sleeps = backend(srv)
        reply = b.complete(MSGS)
    assert reply.text == "ok" and reply.raw["retries"] == 2
    assert sleeps == [0.25, 0.5]  # exponential


def test_retry_after_is_honoured_within_the_cap():
    with LocalLLMServer(
        [ScriptedReply(status=429, retry_after=3), ScriptedReply(status=429, retry_after=60), "ok"]
    ) as srv:
        b, sleeps = backend(srv, retry_backoff_max_s=8.0)
        assert b.complete(MSGS).text == "ok"
    assert sleeps == [3.0, 8.0]


def test_retries_are_bounded_and_the_error_is_clear():
    with LocalLLMServer([ScriptedReply(status=502, error_message="bad gateway upstream")] * 3) as srv:
        b, sleeps = backend(srv, max_retries=2)
        with pytest.raises(BackendError) as ei:
            b.complete(MSGS)
        assert len(srv.requests) == 3
    assert "HTTP 502" in str(ei.value) and "bad gateway upstream" in str(ei.value)
    assert ei.value.retryable and ei.value.status == 502 and len(sleeps) == 2


def test_client_errors_are_not_retried():
    with LocalLLMServer([ScriptedReply(status=401, error_message="invalid api key")]) as srv:
        b, sleeps = backend(srv, use_json_schema=False)
        with pytest.raises(BackendError, match="HTTP 401: invalid api key"):
            b.complete(MSGS)
        assert len(srv.requests) == 1 and sleeps == []


def test_timeout_gives_a_clear_error():
    with LocalLLMServer([ScriptedReply("late", delay_s=5)] * 2) as srv:
        b, _ = backend(srv, timeout_s=0.2, max_retries=1)
        with pytest.raises(BackendError) as ei:
            b.complete(MSGS)
    assert "did not answer within 0.2 s (2 attempt(s))" in str(ei.value)
    assert ei.value.retryable


def test_connection_refused_gives_a_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    b = OpenAIBackend(base_url=f"http://127.0.0.1:{port}/v1", model="m", max_retries=1, sleep=lambda _: None)
    with pytest.raises(BackendError, match="refused the connection"):
        b.complete(MSGS)


@pytest.mark.parametrize(
    ("raw", "stream", "fragment"),
    [
        ("<html>502 Bad Gateway</html>", False, "malformed completion"),
        ('{"choices": []}', False, "malformed completion"),
        ('{"choices": [{"message": {"content": null, "refusal": "no"}}]}', False, "refusal: no"),
        ("data: {not json\n\n", True, "malformed stream event"),
        ('data: {"error": {"message": "model overloaded"}}\n\n', True, "model overloaded"),
        ('data: {"choices": [{"delta": {"content": "ab"}}]}\n\n', True, "broke after 2 characters"),
    ],
)
def test_malformed_server_answers_are_backend_errors(raw, stream, fragment):
    with LocalLLMServer([ScriptedReply(raw_body=raw)]) as srv:
        b, _ = backend(srv, max_retries=0)
        with pytest.raises(BackendError) as ei:
            b.complete(MSGS, stream_callback=(lambda _: None) if stream else None)
    assert fragment in str(ei.value)


def test_streaming_delivers_chunks_in_order():
    text = '{"tasks": [{"task": "t1"}]}'
    with LocalLLMServer([ScriptedReply(text, chunk_chars=3)]) as srv:
        b, _ = backend(srv)
        pieces: list[str] = []
        reply = b.complete(MSGS, schema=SCHEMA, stream_callback=pieces.append)
        body = srv.requests[0]
    assert body["stream"] is True
    assert "".join(pieces) == text == reply.text and len(pieces) == len(range(0, len(text), 3))
    assert reply.raw["streamed"] and reply.raw["finish_reason"] == "stop"
    assert reply.tokens_estimated  # no usage asked for


def test_streaming_usage_when_asked():
    with LocalLLMServer([ScriptedReply("abcdefgh" * 10)]) as srv:
        b, _ = backend(srv, stream_include_usage=True)
        reply = b.complete(MSGS, stream_callback=lambda _: None)
        assert srv.requests[0]["stream_options"] == {"include_usage": True}
    assert not reply.tokens_estimated and reply.tokens_out == 20


def test_slow_stream_keeps_going_while_tokens_arrive():
    text = "x" * 40
    with LocalLLMServer([ScriptedReply(text, chars_per_s=100, chunk_chars=4)]) as srv:
        b, _ = backend(srv, timeout_s=0.2)  # each read well under 0.2 s; the whole stream 0.4 s
        arrivals: list[str] = []
        reply = b.complete(MSGS, stream_callback=arrivals.append)
    assert reply.text == text and len(arrivals) == 10
    assert reply.latency_s >= 0.3


def test_stream_total_timeout_is_enforced():
    with LocalLLMServer([ScriptedReply("y" * 400, chars_per_s=100, chunk_chars=4)]) as srv:
        b, _ = backend(srv, timeout_s=1.0, total_timeout_s=0.3, max_retries=0)
        with pytest.raises(BackendError) as ei:
            b.complete(MSGS, stream_callback=lambda _: None)
    assert "broke after" in str(ei.value) and ei.value.retryable


def test_broken_stream_is_not_retried_after_text_was_delivered():
    with LocalLLMServer([ScriptedReply("z" * 100, chunk_chars=10, drop_after_chars=30), "never"]) as srv:
        b, _ = backend(srv, max_retries=3)
        got: list[str] = []
        with pytest.raises(BackendError, match="broke after 30 characters") as ei:
            b.complete(MSGS, stream_callback=got.append)
        assert len(srv.requests) == 1
    assert "".join(got) == "z" * 30 and ei.value.retryable


def test_bad_base_url_is_rejected():
    with pytest.raises(BackendError, match="http"):
        OpenAIBackend(base_url="ftp://example", model="m")


def test_token_counts_are_flagged_as_estimates_whenever_a_count_is_guessed():
    from dart_planner.llm.backend import LLMReply, estimate_tokens

    prompt, text = "plan this " * 20, '{"tasks": []}'
    for usage in (None, {}):  # no report, or an empty one (some servers send {})
        r = LLMReply.from_usage(text, prompt, usage, latency_s=0.1, model="m")
        assert r.tokens_estimated and (r.tokens_in, r.tokens_out) == (estimate_tokens(prompt), estimate_tokens(text))
    full = {"prompt_tokens": 40, "completion_tokens": 7}
    assert not LLMReply.from_usage(text, prompt, full, latency_s=0.1, model="m").tokens_estimated
    partial = LLMReply.from_usage(text, prompt, {"prompt_tokens": 40}, latency_s=0.1, model="m")
    assert (partial.tokens_in, partial.tokens_out, partial.tokens_estimated) == (40, 0, False)  # counted, not guessed
    guessed = LLMReply.from_usage(text, prompt, {"prompt_tokens": 40}, latency_s=0.1, model="m", estimate_missing=True)
    assert (guessed.tokens_in, guessed.tokens_out, guessed.tokens_estimated) == (40, estimate_tokens(text), True)
